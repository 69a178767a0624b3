"""Copies: which articles are one report (duplicates, near-duplicates) or share passages.

Per article (in the workers): ``signature.signature`` (MinHash band keys) and
``wires.wire_credits``. Per corpus: ``corpus.update`` joins the signatures into candidate
pairs (``candidates.py``) and aligns each new pair's words (``align.py``, ``relation.py``).
"""

from __future__ import annotations

from .relation import RELATIONS, Comparison, compare
from .text import Words, words

__all__ = ["RELATIONS", "Comparison", "Words", "compare", "words"]
