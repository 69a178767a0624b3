"""The timeline: what happened when, each entry with the sentence that dates it.

An entry is a time expression placed on the calendar (DATE or TIME, not a duration or a
vague reference such as "now") together with its sentence, and what the sentence reports:
a **statement** when a quote's cue or words stand in it (with the speaker and the
statement id shared across outlets), an **event** when it has a verb or noun of a news
event (met, visited, sanctions, voted, killed ...), and otherwise just a **dated** sentence.
Entries of undated articles keep their X values ("XXXX-11-26") and ``resolved`` false:
they are listed after the placed ones, never given a guessed year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .find import is_resolved

#: Words that make a dated sentence an event (matched lowercased, whole words).
EVENT_WORDS = frozenset(
    """
met meet meets meeting meetings visit visited visits visiting talks summit conference
sanction sanctions sanctioned blacklisted imposed announced announce announces launched
voted vote votes election elected signed sign agreement deal treaty approved passed
arrested detained released freed sentenced convicted charged killed died attacked attack
protest protests protested marched rally strike struck exploded earthquake fire flood
began begins started ended ends opened closed resigned appointed named fired invaded
declared declare published report reported leaked ruled ruling banned ban
""".split()
)
_SKIP_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# A sentence ends at . ! ? (and closing quotes or brackets after them) before a space and
# an upper-case letter, a digit or an opening quote; or at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[A-Z0-9“\"‘(])|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Co|Ltd|"
    r"No|Nos|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|"
    r"Thurs|Fri|Sat|Sun|U\.S|U\.K|U\.N)|\b[A-Z])\.$"
)
_WORD = re.compile(r"[a-z]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: (start, end), end exclusive, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(0, match.start() - 6) : match.start() + 1]
        if match.group().strip() and _ABBREVIATION.search(before):
            continue  # "Nov. 26", "Mr. Pompeo", "the U.S. Embassy"
        end = match.start() + len(match.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@dataclass(frozen=True)
class Said:
    """What the timeline needs of a quote: where its cue and words are, and who said it."""

    id: str
    start: int
    end: int
    cue_start: int | None
    speaker: str | None
    statement: str | None


def entries(
    article: dict[str, object],
    dates: Iterable[dict[str, object]],
    quotes: Sequence[Said],
) -> list[dict[str, object]]:
    """The timeline entries of one article (``article``: id, source, outlet, published,
    title, text; ``dates``: its stored time expressions)."""
    text = str(article["text"])
    spans = sentences(text)
    starts = [s for s, _ in spans]
    out: list[dict[str, object]] = []
    for d in dates:
        kind, value = str(d["type"]), str(d["value"])
        if kind not in ("DATE", "TIME") or value in _SKIP_VALUES:
            continue
        at = int(str(d["start"]))
        index = bisect_right(starts, at) - 1
        if index < 0:
            continue
        s_start, s_end = spans[index]
        said = [
            q
            for q in quotes
            if (q.cue_start is not None and s_start <= q.cue_start < s_end)
            or (q.start < s_end and s_start < q.end)
        ]
        sentence = text[s_start:s_end]
        if said:
            event, what = "statement", said[0]
        else:
            event = "event" if EVENT_WORDS & set(_WORD.findall(sentence.lower())) else "dated"
            what = None
        out.append(
            {
                "date": value,
                "resolved": is_resolved(kind, value),
                "article": article["id"],
                "source": article["source"],
                "outlet": article["outlet"],
                "published": article["published"],
                "text": d["text"],
                "sentence": sentence,
                "start": s_start,
                "end": s_end,
                "event": event,
                "speaker": what.speaker if what else None,
                "statement": what.statement if what else None,
                "quote": what.id if what else None,
            }
        )
    return out


def order(entry: dict[str, object]) -> tuple[bool, str, str, int]:
    """Placed dates first, in calendar order (ISO values sort as text), then unplaced ones."""
    start = int(str(entry["start"]))
    # A fiscal year (FY2019) sorts with its calendar year.
    when = str(entry["date"]).removeprefix("FY")
    return (not entry["resolved"], when, str(entry["article"]), start)
