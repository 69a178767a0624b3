"""How two articles relate: duplicate, near-duplicate, shared passages, or nothing.

Decided on the alignment of their normalised words (``align.py``):

- ``duplicate``: the same words in the same order (markup, case, accents and spelling variants
  aside): a page fetched twice, a syndicated article reprinted untouched.
- ``near_duplicate``: one is most of the other (``NEAR`` of the shorter text, which is at least
  ``NEAR_LENGTH`` of the longer): the same report republished with edits, a new headline,
  trimmed or reordered paragraphs.
- ``shared_passages``: they share reporting (passages of at least ``MIN_PASSAGE`` words) but
  not most of their text: a rewrite that keeps some wire paragraphs.

Words inside quotation marks do not count towards reuse: independent reports of one speech
quote the same sentences without copying each other (that is what statements are for), so a
pair must share ``MIN_OWN`` words of its own reporting to be a copy at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from .align import Alignment, Passage, align
from .text import Words

#: Share of the shorter text found in the longer one for a near-duplicate.
NEAR = 0.8
#: ... when the shorter one has at least this share of the longer one's words.
NEAR_LENGTH = 0.5
#: Words (matched) a passage needs to be reported.
MIN_PASSAGE = 12
#: Words of the reported passages outside quotation marks the pair needs to be a copy at all.
MIN_OWN = 15

RELATIONS = ("duplicate", "near_duplicate", "shared_passages")


@dataclass(frozen=True)
class Comparison:
    relation: str | None  # one of RELATIONS, or None: not a copy
    shared: float  # fraction of the shorter text found in the other
    passages: tuple[Passage, ...]  # the reported ones (at least MIN_PASSAGE words)
    own_words: int  # words of the reported passages outside quotation marks (in ``a``)
    alignment: Alignment


def compare(a: Words, b: Words) -> Comparison:
    """Align ``a`` and ``b`` (made with ``words(text, quotes=True)``) and name their relation."""
    alignment = align(a, b)
    passages = tuple(p for p in alignment.passages if p.matched >= MIN_PASSAGE)
    own = _own_words(a, passages)
    shorter, longer = sorted((len(a), len(b)))
    relation: str | None = None
    if a.keys == b.keys and a.keys:
        relation = "duplicate"
    elif own < MIN_OWN or not passages:
        relation = None
    elif alignment.shared >= NEAR and shorter >= NEAR_LENGTH * longer:
        relation = "near_duplicate"
    else:
        relation = "shared_passages"
    return Comparison(relation, alignment.shared, passages, own, alignment)


def _own_words(a: Words, passages: tuple[Passage, ...]) -> int:
    """Words of ``a`` in ``passages`` that are not inside quotation marks (all of them when
    ``a`` was made without quote marks)."""
    own = 0
    for p in passages:
        span = range(p.a_start, p.a_end)
        own += sum(1 for i in span if not a.quoted[i]) if a.quoted else len(span)
    return own
