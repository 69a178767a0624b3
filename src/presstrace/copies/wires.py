"""Wire credits: which news agencies an article says it carries.

Read from where outlets put them: the dateline ("WASHINGTON (AP) —"), the byline ("By Reuters
staff", "AFP"), the opening and closing lines of the body ("(ANI)", "— Reuters", "Reporting
by …; Editing by …"), and the copyright and syndication lines the cleaner removed ("Copyright
2019 The Associated Press"). Only explicit credits count: an article that merely mentions an
agency ("Reuters reported on Monday") is not said to carry it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Agency → the names outlets credit it by (matched whole, case-sensitive where short).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "UPI": ("UPI", "United Press International"),
    "Xinhua": ("Xinhua", "XINHUA"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "TASS": ("TASS",),
    "PA": ("PA Media", "Press Association"),
    "Bloomberg": ("Bloomberg News",),
    "APP": ("APP", "Associated Press of Pakistan"),
}
_NAME_TO_AGENCY = {name: agency for agency, names in AGENCIES.items() for name in names}
_NAMES = "|".join(sorted(map(re.escape, _NAME_TO_AGENCY), key=len, reverse=True))
# "(AP)", "(Reuters) -", "[AFP]": a credit in brackets anywhere in a dateline or opening line.
_BRACKETED = re.compile(rf"[(\[]\s*(?:{_NAMES})(?:\s*/\s*(?:{_NAMES}))*\s*[)\]]")
# A line that is only a credit: "AP", "— Reuters", "By AFP", "With AFP", "Source: ANI".
_CREDIT_LINE = re.compile(
    rf"^\W*(?:(?:by|with|via|from|source:?)\s+)?(?:the\s+)?(?:{_NAMES})(?:\s+(?:staff|wire|"
    rf"news|reporters?|contributed[^.]*))?\W*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|copyright)[^.]{{0,40}}?\b(?:{_NAMES})\b|\b(?:{_NAMES})\b[^.]{{0,20}}"
    r"all rights reserved",
    re.IGNORECASE,
)
# Reuters' sign-off: "Reporting by Jane Doe; Editing by John Roe".
_REUTERS_SIGNOFF = re.compile(r"^\(?\s*(?:additional\s+)?reporting by\b.*\bediting by\b", re.I)
_ANY_NAME = re.compile(rf"(?<![\w-])(?:{_NAMES})(?![\w-])")


def wire_credits(
    text: str,
    *,
    byline: str | None = None,
    dateline: str | None = None,
    removed: Iterable[str] = (),
) -> list[str]:
    """Agencies the article credits, in a stable order."""
    found: set[str] = set()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    edges = paragraphs[:2] + paragraphs[-3:]
    for line in [dateline or "", *edges]:
        found.update(_agencies(_BRACKETED.findall(line[:200])))
    for line in [*edges, *removed]:
        if len(line) <= 120 and _CREDIT_LINE.match(line):
            found.update(_agencies(_ANY_NAME.findall(line)))
        if _REUTERS_SIGNOFF.match(line):
            found.add("Reuters")
    for line in removed:
        if _COPYRIGHT.search(line):
            found.update(_agencies(_ANY_NAME.findall(line)))
    if byline and len(byline) <= 120:
        found.update(_agencies(_ANY_NAME.findall(byline)))
    return sorted(found)


def _agencies(names: Iterable[str]) -> set[str]:
    found = set()
    for name in names:
        inner = re.sub(r"[()\[\]]", "", name).strip()
        for part in inner.split("/"):
            agency = _NAME_TO_AGENCY.get(part.strip()) or _NAME_TO_AGENCY.get(
                _canonical(part.strip())
            )
            if agency:
                found.add(agency)
    return found


def _canonical(name: str) -> str:
    """Case-insensitive look-up for the long names ("ASSOCIATED PRESS")."""
    for known in _NAME_TO_AGENCY:
        if len(known) > 4 and known.lower() == name.lower():
            return known
    return name
