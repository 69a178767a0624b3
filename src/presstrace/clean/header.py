"""Find the headline, byline and dateline just above an article's body.

Dumps usually read, top to bottom: site menus, the headline, maybe a
standfirst, a byline ("By NAME" or a bare name), a dateline ("WASHINGTON"),
then the lead paragraph.  We walk *upwards* from the first body line over a
short window, so menus and page titles far above are never mistaken for the
headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presstrace.clean.features import count_words, ends_terminal
from presstrace.clean.patterns import byline_name, furniture_reason

# How many non-blank lines above the lead we look at.
_WINDOW = 12
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w.'’-]*$")
_DATELINE = re.compile(r"^[^\W\d_][^\W\d_ .,'’-]*(?:[ .,'’-]+[^\W\d_]+){0,3}\s*[,:]?\s*[—–-]*$")


@dataclass
class Header:
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    reasons: dict[int, str] = field(default_factory=dict)


def _is_name(text: str) -> bool:
    """A bare person's name such as "Owen Churchill" (2-4 capitalised words)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    return all(_NAME_TOKEN.match(t) and t[0].isupper() for t in tokens) and not text.isupper()


def _is_dateline(text: str) -> bool:
    """A lone place name in capitals, e.g. "WASHINGTON" or "NEW YORK, N.Y."."""
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text.split()) > 4:
        return False
    return text.upper() == text and bool(_DATELINE.match(text))


# Metadata lines that sit where a headline would: dates, times, reading time.
_META = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|"
    r"\bmin(?:ute)?s? read\b|\bshort url\b|\b(?:updated|published|posted)\b|"
    r"\bsharing options\b",
    re.IGNORECASE,
)


def _is_headline(text: str) -> bool:
    if _META.search(text):
        return False
    words = count_words(text)
    if not 3 <= words <= 30 or sum(1 for w in text.split() if any(c.isalpha() for c in w)) < 2:
        return False
    if ends_terminal(text) and not text.rstrip("\"'”’").endswith(("?", "!")):
        return False
    return furniture_reason(text, words) is None


def detect_header(
    texts: list[str], first_body: int, keep: list[bool], anchor: int | None = None
) -> Header:
    """Headline / byline / dateline above ``texts[first_body]``.

    ``texts`` are whitespace-normalised lines; lines already kept as body are
    never claimed.  ``anchor`` is the on-page headline when the page title
    repeats (see ``plaintext._headline_anchor``); it wins when it lies above
    the body.  Returns the values and the line reasons to record.
    """
    head = Header()
    if anchor is not None and anchor < first_body and not keep[anchor]:
        head.title = texts[anchor]
        head.reasons[anchor] = "headline"
    seen = 0
    name_below: int | None = None  # a bare-name line, if it is the line just below
    last_nonblank: int | None = None
    i = first_body - 1
    while i >= 0 and seen < _WINDOW:
        text = texts[i]
        if not text or keep[i]:
            i -= 1
            continue
        seen += 1
        words = count_words(text)
        if head.dateline is None and seen == 1 and _is_dateline(text):
            head.dateline = text.rstrip(" ,:—–-")
            head.reasons[i] = "dateline"
        elif head.byline is None and (name := byline_name(text)) is not None:
            head.byline = name
            head.reasons[i] = "byline"
        elif _is_name(text) and furniture_reason(text, words) is None:
            name_below = i
        elif i == anchor:
            break
        elif head.title is None and _is_headline(text):
            head.title = text
            head.reasons[i] = "headline"
            # A bare name right under the headline is its byline.
            if head.byline is None and name_below is not None and name_below == last_nonblank:
                head.byline = texts[name_below]
                head.reasons[name_below] = "byline"
            break
        last_nonblank = i
        i -= 1
    return head
