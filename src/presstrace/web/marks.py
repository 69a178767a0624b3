"""Marked-up article text: quotes, speakers, cues, figures, dates and terms as layers of
spans over the clean text, cut into flat segments that a template can print escaped.

Spans overlap (a figure inside a quote, a date inside a figure's sentence), so the text is cut
at every span boundary; each segment carries the layers that cover it. Nothing here makes
HTML: the template escapes every segment's text.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str  # quote / speaker / cue / figure / date / term
    anchor: str  # the id the side panel links to
    title: str = ""  # shown on hover: a figure's value, a date's calendar value
    link: str | None = None  # where a click goes (a speaker's page)


@dataclass
class Segment:
    text: str
    layers: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # spans that start here
    title: str = ""
    link: str | None = None


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary, each piece with the marks that cover it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in valid if m.start <= left and right <= m.end]
        titles = [m.title for m in covering if m.title]
        links = [m.link for m in covering if m.link]
        out.append(
            Segment(
                text=text[left:right],
                layers=sorted({m.layer for m in covering}),
                anchors=[m.anchor for m in covering if m.start == left],
                title=" · ".join(titles),
                link=links[0] if links else None,
            )
        )
    return out


def article_marks(
    quotes: list[dict[str, Any]],
    figures: list[dict[str, Any]],
    dates: list[dict[str, Any]],
    terms: list[dict[str, Any]],
    speaker_url: Any,
) -> list[Mark]:
    marks: list[Mark] = []
    for q in quotes:
        anchor = f"q-{q['id'].rpartition(':')[2]}"
        speaker = q["speaker"] or {}
        voice = "the outlet’s own voice" if q.get("speaker_kind") == "writer" else None
        who = speaker.get("name") or speaker.get("mention") or voice or "unknown speaker"
        marks.append(Mark(q["start"], q["end"], "quote", anchor, f"{q['kind']} quote: {who}"))
        if q.get("mention_start") is not None and q.get("mention_end") is not None:
            link = speaker_url(speaker["id"]) if speaker.get("id") else None
            marks.append(
                Mark(q["mention_start"], q["mention_end"], "speaker", anchor + "-who", who, link)
            )
    for f in figures:
        marks.append(Mark(f["start"], f["end"], "figure", f"f-{f['start']}", figure_title(f)))
    for d in dates:
        marks.append(Mark(d["start"], d["end"], "date", f"d-{d['start']}", f"{d['value']}"))
    for t in terms:
        marks.append(Mark(t["start"], t["end"], "term", f"t-{t['start']}", "term"))
    return marks


def figure_title(f: dict[str, Any]) -> str:
    """ "> 1,000,000 people (detained)": a figure as normalised."""
    if f["value"] is not None:
        amount = f"{f['operator'] if f['operator'] != '=' else ''}{number(f['value'])}"
    else:
        amount = f"{number(f['low'])}–{number(f['high'])}"
    unit = f" {f['unit']}" if f["unit"] else ""
    counted = f" {f['counted']}" if f.get("counted") else ""
    predicate = f" ({f['predicate']})" if f.get("predicate") else ""
    return f"{amount}{unit}{counted}{predicate}".strip()


def number(value: float | None) -> str:
    if value is None:
        return "…"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"


# --- differences between two texts -------------------------------------------------------------

_WORDS = re.compile(r"^\s+|\S+\s*")
#: Word-level comparison is quadratic at worst; longer texts are compared in their first part.
MAX_DIFF_WORDS = 6000
#: A run of this few shared words between two changes is chance ("the", "for a"), not text the
#: two versions share: it is marked with the changes around it.
MIN_SHARED_RUN = 3


@dataclass
class DiffPart:
    text: str
    state: str  # same / changed


def diff(a: str, b: str) -> tuple[list[DiffPart], list[DiffPart], float, bool]:
    """Both texts cut into runs of words they share and runs that differ; the share of words
    of the shorter that the other has; whether the texts were cut to ``MAX_DIFF_WORDS``."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    cut = len(wa) > MAX_DIFF_WORDS or len(wb) > MAX_DIFF_WORDS
    wa, wb = wa[:MAX_DIFF_WORDS], wb[:MAX_DIFF_WORDS]
    matcher = difflib.SequenceMatcher(None, [w.strip() for w in wa], [w.strip() for w in wb],
                                      autojunk=False)  # fmt: skip
    ops = matcher.get_opcodes()
    left: list[DiffPart] = []
    right: list[DiffPart] = []
    same_words = 0
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        between = 0 < n < len(ops) - 1
        same = op == "equal" and not (between and i2 - i1 < MIN_SHARED_RUN)
        state = "same" if same else "changed"
        if i2 > i1:
            _append(left, "".join(wa[i1:i2]), state)
        if j2 > j1:
            _append(right, "".join(wb[j1:j2]), state)
        if same:
            same_words += i2 - i1
    shorter = min(len(wa), len(wb))
    return left, right, (same_words / shorter if shorter else 0.0), cut


def _append(parts: list[DiffPart], text: str, state: str) -> None:
    if parts and parts[-1].state == state:
        parts[-1].text += text
    else:
        parts.append(DiffPart(text, state))
