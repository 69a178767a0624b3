"""Words for comparing texts across outlets, with their offsets in the clean text.

Copies are compared on a normalised word sequence, never on raw strings: case, accents and
Urdu/Arabic short-vowel marks are dropped, and Latin words longer than three letters are reduced
to a consonant skeleton so that spelling variants of one name (Uighur / Uyghur / Uygur) and of
one word (colour / color) compare equal. Collisions of single skeletons ("bat" / "bet") do no
harm: every comparison is over runs of several words. Nothing here depends on the language
beyond the Unicode word rule, which is why COUNTER's Urdu pairs can be scored with it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..quotes.marks import find_quoted

_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[a-z]+")
# Letters that spelling variants change most; dropped after a word's first letter.
_WEAK = str.maketrans("", "", "aeiouyhw")


@dataclass(frozen=True)
class Words:
    """A text as comparable words: ``keys[i]`` is word *i*, at ``starts[i]:ends[i]``."""

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    #: ``quoted[i]``: word *i* is inside quotation marks (someone else's words, which
    #: independent reports of one statement share without copying each other).
    quoted: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.keys)


def words(text: str, *, quotes: bool = False) -> Words:
    """The normalised words of ``text`` with their character offsets (and, with ``quotes``,
    which of them are quoted)."""
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _WORD.finditer(text):
        key = word_key(match.group())
        if key:
            keys.append(key)
            starts.append(match.start())
            ends.append(match.end())
    quoted: tuple[bool, ...] = ()
    if quotes:
        inside = _quoted_chars(text)
        quoted = tuple(bool(inside[s]) for s in starts)
    return Words(tuple(keys), tuple(starts), tuple(ends), quoted)


def _quoted_chars(text: str) -> bytearray:
    """1 for every character inside a quoted passage, paragraph by paragraph."""
    marks = bytearray(len(text) + 1)
    offset = 0
    for paragraph in text.split("\n"):
        for span in find_quoted(paragraph):
            marks[offset + span.inner_start : offset + span.inner_end] = b"\x01" * (
                span.inner_end - span.inner_start
            )
        offset += len(paragraph) + 1
    return marks


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """Case-, accent- and spelling-folded form of one word."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c) and c != "_")
    if len(folded) > 3 and _LATIN.fullmatch(folded):
        skeleton = folded[0] + folded[1:].translate(_WEAK)
        # Doubled letters vary too (travelled / traveled).
        return re.sub(r"(.)\1+", r"\1", skeleton)
    return folded
