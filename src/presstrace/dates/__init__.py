"""Dates: time expressions found in an article and placed on the calendar.

Per article (in the workers): ``find_times(text, published)`` gives every time expression with
its TimeML type and value, resolved against the publication date (``find.py``). Per corpus:
``corpus.update`` fills in articles stored before this stage existed.
"""

from __future__ import annotations

from .find import TimeExpression, find_times, is_resolved

__all__ = ["TimeExpression", "find_times", "is_resolved"]
