"""The outlet's name, when the page furniture of a plain-text scrape states it.

Syndication and app footers name the publisher ("This article ... first appeared on The Example
Post", "For the latest news from the X download our app", "has not been edited by X
staff"). Only such explicit statements count: a copyright line names the owner of the text,
often a wire agency, not the outlet that published the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Capitalised words ("South China Morning Post", "Yahoo.com"); a full stop ends the name.
_WORD = r"[A-Z][\w&'’-]*(?:\.\w+)*"
_NAME = rf"(?:the )?(?P<name>{_WORD}(?: {_WORD}){{0,5}})"
_STATEMENTS = [
    re.compile(r"\bfirst (?:appeared|published) (?:on|in) " + _NAME),
    re.compile(r"\bthe latest news from " + _NAME + r" download"),
    re.compile(r"\bnot been edited by " + _NAME + r" staff\b"),
    re.compile(r"\b(?:login|log in|sign in) or register with " + _NAME + r"\b"),
    re.compile(r"^(?:follow|like) " + _NAME + r" on (?:twitter|facebook|instagram)\b", re.I),
]


def outlet_from_furniture(lines: Iterable[str]) -> str | None:
    """The first outlet name that removed furniture lines state explicitly."""
    for line in lines:
        for pattern in _STATEMENTS:
            match = pattern.search(line)
            if match:
                return match.group("name").rstrip(".")
    return None
