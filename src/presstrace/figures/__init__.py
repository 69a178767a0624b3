"""Figures: the numbers an article gives, normalised, and the quantities they are about.

Per article (in the workers): ``find_figures(text)`` gives every figure with its value or
range, operator, unit, what it counts and the predicate it belongs to (``find.py``). Per
corpus: ``corpus.update`` groups figures about the same quantity across articles.
"""

from __future__ import annotations

from .find import KINDS, OPERATORS, Figure, find_figures

__all__ = ["KINDS", "OPERATORS", "Figure", "find_figures"]
