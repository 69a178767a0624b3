"""Find quoted passages in a paragraph, whatever marks the outlet uses.

Robust to straight and curly marks (also curly ones nested in straight ones), ``LaTeX''
style, guillemets, a closing mark used as an opener (”like this”) and an opening one as a
closer (“like this“), and to unbalanced marks: an opening mark with no closing one runs to the
end of the paragraph (the journalistic convention for a quote that continues in the next
paragraph), and a stray closing mark is ignored. Single quotes are left alone: they are far
more often apostrophes than quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"``|''|[\"“”„«»]")
_OPENERS = {"“": "”", "„": "“", "«": "»", "``": "''", "''": "''", '"': '"', "”": "”", "»": "«"}
# A closing mark that also closes a quote opened with a different style (mixed typography).
_ALSO_CLOSES = {"”": {'"', "“", "”", "„"}, '"': {"“", '"', "”"}, "“": {"„"}, "''": {"``"}}


@dataclass(frozen=True)
class QuotedSpan:
    """Offsets of a quoted passage: ``start``/``end`` around the marks, ``inner_*`` inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def find_quoted(text: str) -> list[QuotedSpan]:
    """All quoted passages of ``text`` in order; never raises."""
    nested = _nested_curly(text)
    if nested is not None:
        return nested
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    opener = ""
    skip_to = 0
    for match in _MARK.finditer(text):
        mark, pos = match.group(), match.start()
        if pos < skip_to:
            continue
        if open_at is None:
            if _can_open(text, pos, match.end(), mark):
                open_at, opener = pos, mark
            continue
        # An opening mark that cannot open (a space after it) but can close was typed for
        # the closing one: '“It’s unusual,“ said Holm'.
        mistyped = mark == "“" and opener != "„" and not _can_open(text, pos, match.end(), mark)
        if mark == _OPENERS.get(opener) or opener in _ALSO_CLOSES.get(mark, ()) or mistyped:
            if _can_close(text, pos, match.end()) or mark == _OPENERS.get(opener):
                spans.append(QuotedSpan(open_at, match.end(), open_at + len(opener), pos, True))
                open_at = None
        elif (
            opener == '"'
            and mark == "“"
            and text[open_at + 1 : pos].strip()  # not '"“...”': the same quote opened twice
            and (inner := _curly_inside(text, pos)) is not None
        ):
            skip_to = inner  # '"It isn’t about “Equal Access” anymore': curly inside straight
        elif mark in ("“", "«", "``", "„") and _can_open(text, pos, match.end(), mark):
            # A new opener while a quote is open: the first one was never closed.
            spans.append(QuotedSpan(open_at, pos, open_at + len(opener), pos, False))
            open_at, opener = pos, mark
    if open_at is not None:
        end = len(text.rstrip())
        if end > open_at + len(opener):
            spans.append(QuotedSpan(open_at, end, open_at + len(opener), end, False))
    return [s for s in spans if text[s.inner_start : s.inner_end].strip()]


def _curly_inside(text: str, start: int) -> int | None:
    """Where a curly quote opened at ``start`` inside a straight one closes, when it closes
    before the straight quote can: the offset after its closing mark; else None."""
    close = text.find("”", start + 1)
    straight = text.find('"', start + 1)
    if close < 0 or (0 <= straight < close):
        return None
    return close + 1


def _nested_curly(text: str) -> list[QuotedSpan] | None:
    """“As a skipper, I’d sooner sail into what he calls “a storm” than ...”: curly marks nested in
    the same style. Taken as nesting (the outer passages only) when the paragraph uses only
    curly double marks, they balance, and one opens inside another; else None."""
    if "“" not in text or any(m in text for m in ('"', "«", "»", "„", "``", "''")):
        return None
    spans: list[QuotedSpan] = []
    depth = deepest = 0
    start = 0
    for match in re.finditer("[“”]", text):
        if match.group() == "“":
            if depth == 0:
                start = match.start()
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append(QuotedSpan(start, match.end(), start + 1, match.start(), True))
    if depth != 0 or deepest < 2:
        return None
    return [s for s in spans if text[s.inner_start : s.inner_end].strip()]


def _can_open(text: str, start: int, end: int, mark: str) -> bool:
    # Invisible format characters (a left-to-right mark pasted from social media) are no text.
    # Looked at one character at a time: this runs for every mark of every paragraph.
    k = start
    while k > 0 and text[k - 1] in INVISIBLE:
        k -= 1
    before = text[k - 1] if k > 0 else " "
    after = text[end] if end < len(text) else " "
    if _TAKEN_UP.match(text, end) and not text[:k].strip():
        return True  # "” … in the case of the harbour": a quote taken up mid-sentence
    if mark in ("“", "«", "``", "„"):
        return not after.isspace()
    # Straight marks and closers used as openers: only at a word start.
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


_TAKEN_UP = re.compile(r"\s*(?:…|\.\.\.)")
#: Zero-width and direction marks that scraped social-media text carries around quote marks.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


def _can_close(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    return not before.isspace()
