"""Quotes: who said what, in one article (``extract``) and across a corpus (``corpus``)."""

from __future__ import annotations

from .model import KINDS, SPEAKER_KINDS, Quote, Span, Term

__all__ = ["KINDS", "SPEAKER_KINDS", "Quote", "Span", "Term"]
