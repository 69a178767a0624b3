"""Cheap, language-light features of one line of page text.

Only surface cues are used (length, final punctuation, capitalisation, a
furniture pattern) so the cleaner works on any site and, to a degree, on
non-English pages; nothing here is specific to one publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presstrace.clean.patterns import furniture_reason

# Chinese / Japanese runs carry no spaces: count two characters as one word so
# that a long CJK paragraph is not mistaken for a one-word menu item.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]*›"
# "... said on Tuesday. (ANI)" - a wire credit after a full stop is prose.
_WIRE_CREDIT = re.compile(r"[.!?][\"”’]?\s*[(\[][^()\[\]]{1,25}[)\]]$")
_ALPHA_START = re.compile(r"^\W*([^\W\d_])")


@dataclass(frozen=True)
class LineFeatures:
    """Surface features of one whitespace-normalised, non-blank line."""

    words: int
    terminal: bool
    colon: bool
    truncated: bool
    caps_ratio: float
    lowercase_words: int
    furniture: str | None


# Zero-width characters are not whitespace to str.split(), but a line holding only them is
# blank to a reader (page dumps use them as spacers between paragraphs and images).
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")


def normalise(line: str) -> str:
    """Collapse every run of whitespace (incl. NBSP, tabs) to one space; drop invisibles."""
    return " ".join(line.translate(_INVISIBLE).split())


def count_words(text: str) -> int:
    n = len(text.split())
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    return n + cjk // 2


def ends_terminal(text: str) -> bool:
    """Does the line end like a sentence (closing quotes/brackets allowed)?"""
    if text.endswith(("...", "…")) and not text.endswith(("....", "!…", "?…")):
        # An ellipsis at the end is usually a truncated teaser.
        return False
    stripped = text.rstrip(_CLOSERS)
    if stripped and stripped[-1] in _TERMINAL:
        return True
    return bool(_WIRE_CREDIT.search(text))


# Pages repeat their furniture (menus twice, "Share" under every photo) and
# dumps of many pages repeat it across pages: cache per distinct line.
@lru_cache(maxsize=8192)
def compute(text: str, max_chars: int) -> LineFeatures:
    """Features of a normalised, non-blank line (cut to ``max_chars``)."""
    if len(text) > max_chars:
        text = text[:max_chars]
    tokens = text.split()
    words = count_words(text)
    cased = 0
    upper = 0
    lower = 0
    for tok in tokens:
        m = _ALPHA_START.match(tok)
        if not m:
            continue
        ch = m.group(1)
        if ch.isupper():
            cased += 1
            upper += 1
        elif ch.islower():
            cased += 1
            lower += 1
    return LineFeatures(
        words=words,
        terminal=ends_terminal(text),
        colon=text.endswith(":"),
        truncated=text.endswith(("...", "…")),
        caps_ratio=upper / cased if cased else 0.0,
        lowercase_words=lower,
        furniture=furniture_reason(text, words),
    )
