"""Quotes: who said what, in one article (``extract``) and across a corpus (planned)."""

from __future__ import annotations

from .model import KINDS, SPEAKER_KINDS, Quote, Span

__all__ = ["KINDS", "SPEAKER_KINDS", "Quote", "Span"]
