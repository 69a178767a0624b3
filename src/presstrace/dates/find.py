"""Find time expressions in a text and give each its TimeML type and value.

Rules in the way HeidelTime writes them for news: patterns over the surface text (no parse
needed, so this costs microseconds per article), and values resolved against the article's
publication date. A weekday or a month named without a year is placed by the tense around it:
"Pompeo said Tuesday" in an article of Wednesday 27 November 2019 is 2019-11-26; "will meet on
Tuesday" is 2019-12-03. Without a publication date nothing is guessed: the parts that needed it
are written with X ("XXXX-WXX-2" for a Tuesday), and ``TimeExpression.resolved`` is false.

Each pattern is a regular expression with a handler that turns the match into a value; where
patterns overlap the longest match wins ("Tuesday, March 4, 2008" is one expression).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from . import lexicon as lx
from .resolve import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    easter,
    month_year,
    nth_weekday,
    shift,
    weekday,
    write,
)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET (TimeML)
    value: str  # TimeML value: 2019-11-26, 2019-W48, 2019-11, P3Y, PRESENT_REF, XXXX-WXX-2 ...

    @property
    def resolved(self) -> bool:
        return is_resolved(self.type, self.value)


def is_resolved(kind: str, value: str) -> bool:
    """False when the value needed a publication date the article did not have (a duration's
    X is a vague amount, "for years", not a missing date)."""
    return "X" not in value or kind in ("DURATION", "SET")


@dataclass(frozen=True)
class _Context:
    ref: date | None
    #: The last day the text named ("on Tuesday", "March 3"): what "the same day" and a clock
    #: time without a day refer to. The publication date until the text names one.
    anchor: date | None
    text: str
    #: The last calendar value the text named and where it ended ("in February" ->
    #: 2010-02): what "the same period last year" is a year before.
    last: tuple[str, int] | None
    start: int
    end: int

    @property
    def recent(self) -> str | None:
        """The last calendar value, if it was named shortly before in the same paragraph."""
        if self.last is None:
            return None
        value, end = self.last
        near = self.start - end < _RECENT and "\n" not in self.text[end : self.start]
        return value if near else None

    @property
    def lately(self) -> str | None:
        """The last calendar value, if it was named shortly before, in this paragraph or the
        one before: what a story told in order counts on from ("in 1984 ... \n\nOne year
        later")."""
        if self.last is None:
            return None
        value, end = self.last
        return value if self.start - end < _RECENT else None

    @cached_property
    def direction(self) -> int:
        """-1: the sentence looks back (past tense), +1: ahead, 0: it does not say. Looked up
        only by the handlers that need it (years and durations do not)."""
        return _direction(self.text, self.start, self.end)


_Handler = Callable[[re.Match[str], _Context], tuple[str, str] | None]

# Month and weekday names in any case ("i'll be back on friday"), except the months that are
# also common words: "may" and "march" count only capitalised, or next to a day number.
_MONTH_FULL = (
    r"(?:(?i:january|february|april|june|july|august|september|october|november|december)|"
    r"May|March|MAY|MARCH)"
)
_MONTH_ANY = (
    r"(?:(?i:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|"
    r"(?i:jan|feb|apr|aug|sept?|oct|nov|dec)\.)"
)
_WEEKDAY = r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:Tues?|Thurs?)\.?)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|"
    r"years?|decades?|centur(?:y|ies)|millenni(?:um|a)))"
)
_NUMBER_WORDS = sorted(
    [*lx.SMALL_NUMBERS, *lx.VAGUE_NUMBERS]
    + [f"{t}-{o}" for t in ("twenty", "thirty", "forty", "fifty") for o in lx.SMALL_NUMBERS]
    + [f"{t} {o}" for t in ("twenty", "thirty", "forty", "fifty") for o in lx.SMALL_NUMBERS],
    key=len,
    reverse=True,
)
# "a" / "an" count only before a singular: "a year ago", but "a decades-long dispute".
_NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|(?i:"
    + "|".join(re.escape(w) for w in _NUMBER_WORDS if w not in ("a", "an"))
    + r")|(?i:an?)(?![\s-]+[a-zA-Z]+s\b))"
)
_NUMBER = rf"(?P<num>{_NUMBER_WORD}(?:\s+(?i:and\s+a\s+half))?)"
_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
_PARTIAL = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|earlier|later)"  # noqa: E501
_FUTURE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in lx.FUTURE_MARKERS) + r")\b", re.IGNORECASE
)
_FUTURE_PREPOSITION = re.compile(
    r"\b(?:" + "|".join(lx.FUTURE_PREPOSITIONS) + r")\s+(?:(?:this|next|the)\s+)?$", re.IGNORECASE
)
_PLUPERFECT = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+)?been\b", re.IGNORECASE)
_PAST_PREPOSITION = re.compile(r"\b(?:since|ago)\s+(?:(?:last|the)\s+)?$", re.IGNORECASE)
# Past forms news uses most that do not end in -ed: "prices fell in March".
_PAST_WORDS = (
    r"said|told|was|were|had|did|met|went|came|took|gave|made|fell|rose|grew|won|lost|began|"
    r"left|sold|paid|spoke|wrote|held|fought|became|ran|saw|brought|bought|sent|led|flew|"
    r"broke|struck|stood|knew|thought"
)
_PAST_ANYWHERE = re.compile(rf"\b(?:{_PAST_WORDS}|\w{{3,}}ed)\b", re.IGNORECASE)
#: A relative clause in the past reaching the expression: "the union, which endorsed Okoye
#: in November, is ..." (before the present "is", which is the main clause's).
_PAST_RELATIVE = re.compile(
    rf"\b(?:who|which)\s+(?:had\s+|have\s+|has\s+)?(?:{_PAST_WORDS}|\w+ed)\b[^,;:.!?\"“”()]*$",
    re.IGNORECASE,
)
#: A present tense nearer than any past or future word says nothing of either: "the chances
#: of a win in November are slim, Okoye said" is this November, whatever "said" says.
_PRESENT = re.compile(r"\b(?:is|are|isn['’]t|aren['’]t)\b", re.IGNORECASE)
#: A past verb at most two words before the expression: "said on Tuesday".
_PAST_VERB = re.compile(rf"\b(?:{_PAST_WORDS}|\w+ed)\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)


def find_times(text: str, reference: str | date | None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, resolved against ``reference`` (the
    publication date: ``date`` or an ISO string; ``None`` when unknown)."""
    ref = _as_date(reference)
    candidates: list[tuple[int, int, _Handler, re.Match[str]]] = []
    lowered = text.lower()
    for pattern, handler, needs in _SCAN:
        if needs and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            start = match.start()
            if "prep" in pattern.groupindex and match["prep"]:
                start = match.end("prep")  # "in March": the preposition only says it is a date
            if match.end() > start:
                candidates.append((start, match.end(), handler, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[TimeExpression] = []
    taken_until = -1
    anchor = ref
    last: tuple[str, int] | None = None
    for start, end, handler, match in candidates:
        if start < taken_until:
            continue
        if handler is _clock and _stamp(text, start, end):
            anchor = ref  # a live blog's new entry: the day of the blog, not the last one named
        try:
            result = handler(match, _Context(ref, anchor, text, last, start, end))
        except (ValueError, OverflowError):
            continue  # a value off the calendar ("last year" in year 1): no expression
        if result is None:
            continue
        kind, value = result
        if found and _ranged(text, found[-1], start):
            value = _range_end(found[-1].value, value, text[start:end])
        found.append(TimeExpression(start, end, text[start:end], kind, value))
        taken_until = end
        if _DAY_VALUE.match(value):
            anchor = date.fromisoformat(value[:10])
        calendar = value.removeprefix("FY")  # "fiscal 1989 ... a year earlier": 1988
        if kind == "DATE" and _CALENDAR_VALUE.match(calendar):
            last = (calendar, end)
    return found


_STAMP_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*(?:_{2,}\.?[^\S\n]*)?$")
_STAMP_AFTER = re.compile(r"[^\S\n]*(?:\n|$)")


def _stamp(text: str, start: int, end: int) -> bool:
    """Is the clock time at ``start`` a live blog's time stamp, alone on its line ("___.
    8:00 a.m." then the entry on the next line)?"""
    return bool(
        _STAMP_BEFORE.search(text, max(0, start - 12), start) and _STAMP_AFTER.match(text, end)
    )


#: What joins the two ends of a range: "from Friday through January 7", "October-March";
#: "and" only after "between" ("met on March 3 and February 2" is a list).
_RANGE_JOIN = re.compile(r"\s*(?:through|thru|to|until|till|[-–—])\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b|['’]\d\d\b")


def _ranged(text: str, first: TimeExpression, start: int) -> bool:
    """Is the expression at ``start`` the end of a range that ``first`` opens?"""
    gap = text[first.end : start]
    if _RANGE_JOIN.fullmatch(gap):
        return True
    return gap.strip().lower() == "and" and bool(_BETWEEN.search(text[: first.start]))


def _range_end(first: str, value: str, written: str) -> str:
    """The end of a range comes after its start: "from Friday through January 7" written in
    November ends next January, though "January 7" alone is this year's. Only an end that
    names a month and no year of its own, and both ends months or days of a known year (a
    weekday range, "Monday to Friday", is a matter of weeks, not years)."""
    day = value.partition("T")[0]
    if (
        not any(word.rstrip(".").lower() in lx.MONTHS for word in written.split())
        or _CALENDAR_VALUE.match(first) is None
        or _CALENDAR_VALUE.match(day) is None
        or _YEAR_WRITTEN.search(written)
        or "Q" in first + value
    ):
        return value
    length = min(len(first), len(day))
    if value[:length] >= first[:length]:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:$|T)")
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d|Q[1-4])(?:-\d\d)?)?$")
#: How far back (characters) a calendar value still anchors "the same period a year earlier".
_RECENT = 300
_REACH = 400


def _as_date(reference: str | date | None) -> date | None:
    if reference is None or isinstance(reference, date):
        return reference
    try:
        return date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None


def _direction(text: str, start: int, end: int) -> int:
    """+1 when the words around the expression look ahead ("will meet on Tuesday"), -1 when
    they look back ("said Tuesday"), 0 when the sentence does not say. The words just before
    win over the rest of the sentence ("said Tuesday that China will ...")."""
    # The sentence, at most _REACH characters either side: text without full stops or line
    # breaks must not make every expression scan all of it.
    low = max(0, start - _REACH)
    begin = max(text.rfind(". ", low, start), text.rfind("\n", low, start), low)
    left = text[begin:start][-40:]
    if _PLUPERFECT.search(left):
        return -1  # "had been paying $35,000 a month until May": before, whatever "until" says
    preposition = _FUTURE_PREPOSITION.search(text, begin, start)
    if preposition and not text[begin : preposition.start()].strip(" \n.\"'“‘"):
        preposition = None  # "By Sunday, the town was quiet": the main clause tells
    if _FUTURE.search(left) or (preposition and start - preposition.start() <= 40):
        return 1
    if _PAST_VERB.search(left) or _PAST_PREPOSITION.search(left):
        return -1
    if _PAST_RELATIVE.search(text, max(begin, start - 120), start):
        return -1
    high = min(len(text), end + _REACH)
    stop = min((i for i in (text.find(". ", end, high), text.find("\n", end, high)) if i >= 0),
               default=high)  # fmt: skip
    # Otherwise the tense word nearest the expression, before or after it, in its sentence.
    nearest: tuple[int, int] | None = None
    for pattern, direction in ((_FUTURE, 1), (_PAST_ANYWHERE, -1), (_PRESENT, 0)):
        for word in pattern.finditer(text, begin, stop):
            distance = start - word.end() if word.end() <= start else word.start() - end
            if distance >= 0 and (nearest is None or distance < nearest[0]):
                nearest = (distance, direction)
    return nearest[1] if nearest else 0


# --- handlers ------------------------------------------------------------------------------


def _month(name: str) -> int:
    return lx.MONTHS[name.rstrip(".").lower()]


def _year_of(m: re.Match[str], month: int, ctx: _Context) -> int | None:
    """The year a pattern names, else the one the tense puts ``month`` in; None without a
    publication date."""
    if m["year"]:
        return int(m["year"])
    return month_year(ctx.ref, month, ctx.direction) if ctx.ref else None


#: What makes "September 11" the attacks of 2001 rather than this year's day; not "the
#: September 11 attack" alone, which is as often Benghazi's, in 2012.
_ATTACKS = re.compile(
    r"\s+(?:(?i:terrorist|terror|al[-\s]Qaeda)\s+)?(?i:attacks|hijack\w*|commission|"
    r"memorial|victims|strikes|plotters?|era)\b"
)


def _full_date(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    month = _month(m["month"])
    day = int(m["day"])
    if (month, day) == (9, 11) and not m["year"] and _ATTACKS.match(m.string, m.end()):
        return "DATE", "2001-09-11"  # "the September 11 attacks", in any year's article
    year = _year_of(m, month, ctx)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_date(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if len(m["year"]) == 2:  # "7/8/07": the century the article's date is in, else 19xx/20xx
        century = ctx.ref.year // 100 * 100 if ctx.ref else (1900 if year > 30 else 2000)
        year += century
    if month > 12 >= day:
        month, day = day, month  # 21/04/2016: day first
    try:
        return "DATE", date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_and_year(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    return "DATE", f"{int(m['year']):04d}-{_month(m['month']):02d}"


def _month_alone(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    month = _month(m["month"])
    rel = (m["rel"] or "").lower()
    if rel == "" and m["month"] == "May" and not m["prep"] and not m["partial"]:
        return None  # "May" alone is a name or a verb more often than a month
    if m["ofrel"]:
        return "DATE", f"{_named_year_of(m['ofrel'], ctx)}-{month:02d}"
    if not ctx.ref:
        return "DATE", f"XXXX-{month:02d}"
    direction = _REL_DIRECTION.get(rel) or ctx.direction
    year = month_year(ctx.ref, month, direction)
    if rel == "last" and month >= ctx.ref.month:
        year = ctx.ref.year - 1
    if rel == "next" and month <= ctx.ref.month:
        year = ctx.ref.year + 1
    return "DATE", f"{year:04d}-{month:02d}"


def _year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    partial = " ".join((m["partial"] or "").lower().split())
    before = _YEAR_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    if not partial and not before and not _YEAR_AFTER.match(m.string, m.end()):
        return None  # "killed 1800 people": a count, not a year
    half = {"the first half of": "-H1", "the second half of": "-H2"}.get(partial, "")
    # TimeML writes a fiscal year apart from the calendar one: "fiscal 1989" is FY1989.
    fiscal = "FY" if re.search(r"(?i:fiscal|FY)\s*\d", m[0]) else ""
    return "DATE", f"{fiscal}{int(m['year']):04d}{half}"


#: "highs in the 80s", "temperatures in the 90s": degrees, not a decade.
_WEATHER_BEFORE = re.compile(r"(?i:\b(?:highs?|lows?|temperatures?|temps|degrees|heat)\b)")


def _decade(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if m.groupdict().get("decade"):
        return "DATE", m["decade"][:3]
    if _WEATHER_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        return None
    return "DATE", f"19{m['short'][0]}"


_QUOTE_MARKS = "\"'“‘`"
_QUOTED_NAME = re.compile("[\"'”’](?!s\\b)")  # a closing mark, not the "’s" of "Today’s"


def _sentence_start(text: str, i: int) -> bool:
    """Does position ``i`` open a sentence, a line or a quotation?"""
    before = text[max(0, i - 3) : i].rstrip(" \"'“‘")
    return not before or before[-1] in ".!?:\n"


def _century(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = m["ord"].lower()
    number = int(word[:-2]) if word[:-2].isdigit() else lx.ORDINALS.get(word)
    if number is None:
        number = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}.get(word)
    return ("DATE", f"{number - 1:02d}") if number else None


#: "USA Today", "Russia Today", "NBC's Today show": "Today" in a name.
_TODAY_NAME_BEFORE = re.compile(r"\b(?:USA|Russia|[A-Z]{2,}['’]s)[^\S\n]+$")
_TODAY_NAME_AFTER = re.compile(r"[^\S\n]+(?:[Ss]how\b|[A-Z]{2,}\b)")


def _day_word(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if _QUOTED_NAME.match(m.string, m.end()) and m.string[max(0, m.start() - 1)] in _QUOTE_MARKS:
        return None  # the ''Today'' show, "Tomorrow" as a title: a name in quote marks
    if m.string[m.start()] == "T" and (
        _TODAY_NAME_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
        or _TODAY_NAME_AFTER.match(m.string, m.end())
    ):
        return None  # "USA Today", "the Today show": a name, not the publication day
    word = " ".join(m["word"].lower().split())
    offset = {
        "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }[word]  # fmt: skip
    part = "NI" if word == "tonight" else lx.PARTS_OF_DAY.get((m["part"] or "").lower(), "")
    if not ctx.ref:
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + (f"T{part}" if part else "")
    day = shift(ctx.ref, "D", offset).isoformat()
    return ("TIME", f"{day}T{part}") if part else ("DATE", day)


def _part_of_today(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    rel = m["rel"].lower()
    part = lx.PARTS_OF_DAY[m["part"].lower()]
    day = ctx.ref and shift(ctx.ref, "D", -1 if rel == "last" else 0)
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{part}"


def _part_of_anchor(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    part = lx.PARTS_OF_DAY[m["part"].lower()]
    return "TIME", f"{ctx.anchor.isoformat() if ctx.anchor else 'XXXX-XX-XX'}T{part}"


#: "last March", "next Tuesday": the word, not the tense, says which way.
_REL_DIRECTION = {"last": -1, "past": -1, "next": 1, "coming": 1}
_RELATIVE = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
    "the previous": -1, "next": 1, "coming": 1, "the following": 1, "following": 1,
    "the same": 0, "that": 0, "earlier this": 0, "later this": 0, "the latest": -1,
    "the most recent": -1, "this past": -1,
}  # fmt: skip
_GRANULARITY = {
    "week": WEEK, "month": MONTH, "year": YEAR, "quarter": QUARTER, "decade": DECADE,
    "century": CENTURY, "weekend": WEEK, "day": DAY,
}  # fmt: skip


def _this_unit(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    found = _this_unit_value(" ".join(m["rel"].lower().split()), m["u"].lower(), ctx)
    if found is not None and m.groupdict().get("fiscal"):
        return found[0], "FY" + found[1]  # "this fiscal year": FY2016, as "fiscal 2016"
    return found


def _this_unit_value(rel: str, unit: str, ctx: _Context) -> tuple[str, str] | None:
    if rel not in _RELATIVE:
        return None
    if not ctx.ref:
        return "DATE", "XXXX" if unit == "year" else "XXXX-XX"
    letter = {"week": "W", "weekend": "W", "month": "M", "year": "Y", "quarter": "Q", "day": "D"}
    if unit in ("decade", "century"):
        years = (10 if unit == "decade" else 100) * _RELATIVE[rel]
        moved = date(ctx.ref.year + years, 1, 1)
    else:
        moved = shift(ctx.ref, letter[unit], _RELATIVE[rel])
    value = write(moved, _GRANULARITY[unit])
    return "DATE", value + ("-WE" if unit == "weekend" else "")


def _the_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "ended the day", "for the day", "the same day": in news, the day reported on."""
    if not m["prep"] and "same" not in m[0].lower():
        return None  # "the day" alone may be any day
    return "DATE", ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"


def _that_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "later that day", "that same night": the day (or part of it) the text last named.
    "That day" alone may be any day ("I remember that day")."""
    if not m["prep"] and not m["same"]:
        return None
    # Before the text names a day, the anchor is the publication date, and "that" day is not it.
    named = ctx.anchor is not None and ctx.anchor is not ctx.ref
    day = ctx.anchor.isoformat() if named and ctx.anchor else "XXXX-XX-XX"
    if m["part"]:
        return "TIME", f"{day}T{lx.PARTS_OF_DAY[m['part'].lower()]}"
    return "DATE", day


def _next_day(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    """ "the next day", "the previous day": a day after or before the last day named."""
    if not ctx.anchor:
        return "DATE", "XXXX-XX-XX"
    ahead = m["rw"].lower() in ("next", "following")
    return "DATE", shift(ctx.anchor, "D", 1 if ahead else -1).isoformat()


def _day_of_month(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    """ "on the 15th": that day of the month the text is in (the tense says which side)."""
    day = int(m["day"])
    base = ctx.anchor or ctx.ref
    if base is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    moved = base
    if ctx.direction < 0 and day > base.day:
        moved = shift(base, "M", -1)
    elif ctx.direction > 0 and day < base.day:
        moved = shift(base, "M", 1)
    try:
        return "DATE", date(moved.year, moved.month, day).isoformat()
    except ValueError:
        return "DATE", f"{moved.year:04d}-{moved.month:02d}"


def _part_of_unit(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "the beginning of the year", "the end of last month": the unit it is part of."""
    rel = (m["rel"] or "this").lower()
    return _this_unit_value("this" if rel == "the" else rel, m["u"].lower(), ctx)


def _same_period(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "fares rose in March against the same period last year": the period the text
    last named (else the publication date's), a year earlier."""
    unit = m["u"].lower()
    base = ctx.recent or ""
    if len(base) > 4 and unit in ("period", "month", "quarter", "day"):
        if unit == "month" and "Q" in base:
            base = ""
        elif unit == "quarter":
            base = _quarter_of(base)
        elif unit in ("month", "period") and "Q" not in base:
            base = base[:7]
        if base:
            return "DATE", _year_back(base, 1)
    if not ctx.ref:
        return "DATE", "XXXX-XX"
    granularity = {"quarter": QUARTER, "week": WEEK, "day": DAY}.get(unit, MONTH)
    return "DATE", write(shift(ctx.ref, "Y", -1), granularity)


def _whole_period(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "lost $2 million in the third quarter of 2018 and $5 million for the entire
    year": the year (quarter, month) of the period the text last named, else the current one."""
    unit = m["u"].lower()
    recent = ctx.recent or ""
    if recent[:4].isdigit() and unit == "year":
        return "DATE", recent[:4]
    if len(recent) >= 7 and unit == "quarter":
        return "DATE", _quarter_of(recent)
    if len(recent) >= 7 and unit == "month" and recent[5:7].isdigit():
        return "DATE", recent[:7]
    if not ctx.ref:
        return None
    return "DATE", write(ctx.ref, {"year": YEAR, "quarter": QUARTER}.get(unit, MONTH))


def _quarter_of(value: str) -> str:
    """The quarter of a calendar value that has a month or quarter: 2010-05-03 -> 2010-Q2."""
    if "Q" in value:
        return value[:7]
    return f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}"


def _year_back(value: str, years: int) -> str:
    """A calendar value ``years`` earlier at the same granularity: 2010-02 -> 2009-02."""
    return f"{int(value[:4]) - years:04d}{value[4:]}"


def _shifted(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "a year earlier", "two days later", "the year before": counted from the time the
    text last named ("rose in the third quarter from a year earlier" -> last year's third
    quarter), else from the last day it named or the publication date."""
    word = (m["num"] or "one").lower()
    count = lx.number_value(word) if word not in ("the", "a", "an") else 1.0
    unit = _unit(m["unit"])
    letter, size = lx.UNITS.get(unit, ("", 0))
    if count is None or count != int(count) or not letter or unit in lx.TIME_UNITS:
        return None
    n = int(count) * size * (-1 if m["way"].lower() in ("earlier", "before", "previous",
                                                        "prior") else 1)  # fmt: skip
    recent = ctx.recent or ctx.lately
    if letter == "Y" and recent:
        # A period named before stays that period a year back ("March ... a year earlier");
        # from a day, years count in years, as "eight years ago" does ("won on Tuesday the
        # state that revived her campaign eight years earlier": 2008, not a day of 2008).
        return "DATE", _year_back(recent[:4] if _DAY_VALUE.match(recent) else recent, -n)
    if letter == "M" and recent and re.match(r"\d{4}-\d\d", recent):
        # "in June 2015 ... A month later": the month after the one named
        moved = shift(date(int(recent[:4]), int(recent[5:7]), 1), "M", n)
        return "DATE", write(moved, MONTH)
    granularity = {"D": DAY, "W": WEEK, "M": MONTH, "Q": QUARTER, "Y": YEAR}[letter]
    if ctx.anchor is None or (n > 0 and ctx.anchor is ctx.ref):
        # "Thirteen years later, the rewrite might get done": later than a time the text has
        # not named is not a time after the publication date, whatever it is.
        return "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
            letter, "XXXX"
        )
    return "DATE", write(shift(ctx.anchor, letter, n), granularity)


def _week_of_month(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "the last week of March", "the first week of June 2009": the week with most of its
    days in that month (TimeML writes weeks as ISO weeks)."""
    month = _month(m["month"])
    year = _year_of(m, month, ctx)
    if year is None:
        return "DATE", f"XXXX-{month:02d}"
    word = m["nth"].lower()
    if word in ("last", "final"):
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return "DATE", write(end - timedelta(days=3), WEEK)
    nth = lx.ORDINALS.get(word, 0)
    if not 1 <= nth <= 4:
        return None
    return "DATE", write(date(year, month, 1) + timedelta(days=3 + 7 * (nth - 1)), WEEK)


def _weekend(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    """ "the weekend" / "this weekend": the one just past in a past sentence, else the next."""
    if not ctx.ref:
        return "DATE", "XXXX-WXX-WE"
    rel = " ".join((m["rel"] or "the").lower().split())
    if rel == "this past":
        return "DATE", write(weekday(ctx.ref, 6, -1), WEEK) + "-WE"
    if rel in ("the", "this"):
        saturday = weekday(ctx.ref, 6, -1 if ctx.direction < 0 else 1)
    else:
        saturday = shift(weekday(ctx.ref, 6, -1), "W", 0 if rel == "last" else 2)
    return "DATE", write(saturday, WEEK) + "-WE"


def _weekday(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    target = lx.WEEKDAYS[m["weekday"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    part = lx.PARTS_OF_DAY.get((m["part"] or "").lower(), "")
    if not ctx.ref:
        value = f"XXXX-WXX-{target}"
    else:
        direction = _REL_DIRECTION.get(rel) or ctx.direction
        day = weekday(ctx.ref, target, direction)
        if rel in ("last", "next") and day == ctx.ref:
            day = shift(day, "W", direction)
        value = day.isoformat()
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


def _season(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    season = lx.SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return "DATE", f"{m['year']}-{season}"
    if not ctx.ref:
        return "DATE", f"XXXX-{season}"
    year = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{year:04d}-{season}"


def _quarter(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = m["q"].lower()
    if word == "last" and not m["year"] and not m["rel"]:
        # "the last quarter": the one before the reference date's
        return "DATE", write(shift(ctx.ref, "Q", -1), QUARTER) if ctx.ref else "XXXX-QX"
    ordinal = lx.ORDINALS.get(word, 4 if word == "last" else 0)  # "the last quarter of 2009"
    number = int(word[0]) if word[0].isdigit() else ordinal
    if not 1 <= number <= 4:
        return None
    if not m["year"] and not m["rel"] and ctx.ref:
        return "DATE", f"{_quarter_year(number, ctx)}-Q{number}"
    return "DATE", f"{_named_year(m, ctx)}-Q{number}"


def _quarter_year(number: int, ctx: _Context) -> str:
    """The year of a quarter named without one: the reference year, unless the tense puts the
    quarter on the other side of the reference date. "Profits rose in the fourth quarter"
    written in February is last year's. Looking ahead, a quarter not yet over or the one just
    ended is still to come in the news, its results not yet out: "will report on the third
    quarter" written in September or in October is this year's, "fourth-quarter results"
    written in January last year's; "expects growth in the second quarter" written in
    October is next year's."""
    if not ctx.ref:
        return "XXXX"
    current = (ctx.ref.month - 1) // 3 + 1
    if number == 4 and current == 1 and ctx.direction >= 0:
        return str(ctx.ref.year - 1)
    if ctx.direction > 0:
        return str(ctx.ref.year + 1 if number < current - 1 else ctx.ref.year)
    return str(month_year(ctx.ref, number * 3 - 2, ctx.direction))


def _named_year_of(rel: str, ctx: _Context) -> str:
    if not ctx.ref:
        return "XXXX"
    return str(ctx.ref.year + {"last": -1, "next": 1}.get(rel.lower(), 0))


def _named_year(m: re.Match[str], ctx: _Context) -> str:
    """The year a pattern gives ("of 2009", "of next year"), else the reference year."""
    if m["year"]:
        return str(m["year"])
    return _named_year_of(m["rel"] or "", ctx)


def _unit(written: str) -> str:
    """ "Centuries" -> "century", "years" -> "year": the key of ``lexicon.UNITS``."""
    unit = written.lower()
    if unit.startswith("centur"):
        return "century"
    if unit.startswith("millenni"):
        return "millennium"
    return unit.rstrip("s")


def _ago(m: re.Match[str], ctx: _Context, *, ahead: bool = False) -> tuple[str, str] | None:
    count = lx.number_value(m["num"])
    unit = _unit(m["unit"])
    letter, size = lx.UNITS.get(unit, ("", 0))
    if count is None or not letter or unit in lx.TIME_UNITS or count != int(count):
        return None
    if not ctx.ref:
        return "DATE", "XXXX-XX-XX"
    n = int(count) * size
    granularity = {"D": DAY, "W": WEEK, "M": MONTH, "Q": QUARTER, "Y": YEAR}[letter]
    if unit == "decade":
        granularity = DECADE
    return "DATE", write(shift(ctx.ref, letter, n if ahead else -n), granularity)


def _duration(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    unit = _unit(m["unit"])
    letter, size = lx.UNITS[unit]
    word = (m.groupdict().get("num") or "").lower()
    if unit in ("second", "quarter") and word in ("a", "an", "one", ""):
        return None  # "a second A380", "about a quarter of its dealers"
    if not word and m.groupdict().get("lead") and not m["unit"].lower().endswith("s"):
        word = "one"  # "the past year"
    count = lx.number_value(word) if word else None
    if word in lx.VAGUE_NUMBERS or (count is None and not word):
        amount = "X"
    elif count is None:
        return None
    else:
        total = count * size
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    if word in ("a", "an") and _AMOUNT_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return "SET", _period(unit, amount, letter)  # "$35,000 a month", "15 a year": a rate
    return "DURATION", _period(unit, amount, letter)


#: An amount just before "a month": "$35,000 a month", "15 a year", "3% a year", "2 million a
#: year", "5 euros a day" (a rate, so the time is a set, as TimeML writes it); not a year ("in
#: 2015 a year after").
_AMOUNT_BEFORE = re.compile(
    r"(?:(?<!\S)(?!(?:19|20)\d\d\s)\S*\d|%|"
    r"\b(?:million|billion|thousand|hundred|dollars|euros|pounds|percent|cents|bn|m))\s+$",
    re.IGNORECASE,
)


def _and_a_half(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    count = lx.number_value(m["num"].lower())
    unit = _unit(m["unit"])
    letter, size = lx.UNITS.get(unit, ("", 0))
    if count is None or not letter or m["unit"].lower().endswith("s") != (count > 1):
        return None  # "a year and a half", "two years and a half"; not "a years and a half"
    return "DURATION", _period(unit, f"{(count + 0.5) * size:g}", letter)


_EVERY = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "annual": "P1Y",
    "yearly": "P1Y", "quarterly": "P3M",
}  # fmt: skip


def _set(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = (m.groupdict().get("every") or "").lower()
    if word and m[0][0].isupper() and not _sentence_start(m.string, m.start()):
        return None  # a name: "the NY Daily News", "Breitbart News Daily"
    if word in _EVERY:
        return "SET", _EVERY[word]
    unit = _unit(m["unit"])
    letter, size = lx.UNITS.get(unit, ("", 0))
    if not letter:
        return None
    return "SET", _period(unit, str(size), letter)


def _period(unit: str, amount: str, letter: str) -> str:
    """A TimeML period: P2Y, PT3H (units of the clock take the T)."""
    return f"{'PT' if unit in lx.TIME_UNITS else 'P'}{amount}{letter}"


def _half_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "the second half of the year": of the year the text last named, else the current one
    ("of last year": the one before)."""
    half = "H1" if m["half"].lower() == "first" else "H2"
    rel = m["rel"].lower()
    recent = ctx.recent or ""
    if rel == "the" and recent[:4].isdigit():
        return "DATE", f"{recent[:4]}-{half}"
    if not ctx.ref:
        return "DATE", f"XXXX-{half}"
    year = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
    if rel == "the" and half == "H2" and ctx.ref.month <= 6 and ctx.direction < 0:
        year -= 1  # "profit rose in the second half of the year", written in February
    return "DATE", f"{year:04d}-{half}"


def _clock(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    zone = "Z" if (m["tz"] or "").upper() in ("UTC", "GMT", "Z") else ""
    if _recurring(m):
        return "SET", f"XXXX-XX-XXT{hour:02d}:{minute:02d}{zone}"
    day = _clock_day(m, ctx) or "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02d}:{minute:02d}{zone}"


def _named_time(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["name"].lower()]
    if _recurring(m):
        return "SET", f"XXXX-XX-XXT{clock}"
    return "TIME", f"{_clock_day(m, ctx) or 'XXXX-XX-XX'}T{clock}"


#: After a clock time, words that make it a time of every day, not of one day: "open until
#: 8 p.m. on weekdays", "closes at midnight daily" (a set, never placed in the timeline).
_RECURRING = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?i:on[^\S\n]+(?:weekdays|weekends|weeknights|workdays)|"
    r"(?:every|each)[^\S\n]+(?:day|night|morning|evening|weekday)|daily|nightly)\b"
)


#: Before a clock time, the same words: "airs weekdays from 6 a.m. to 9 a.m." (both ends).
_RECURRING_BEFORE = re.compile(
    r"\b(?i:(?:on\s+)?(?:weekdays|weekends|weeknights|workdays)|(?:every|each)\s+"
    r"(?:day|night|morning|evening|weekday)|daily|nightly)\s+(?i:from|at|between|until|till)?"
    r"\s*(?:\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|am|pm)?\s*(?i:to|until|till|and|-|–)\s*)?$"
)


def _recurring(m: re.Match[str]) -> bool:
    """Is this clock time one of every day (a set), by the words after or before it?"""
    before = m.string[max(0, m.start() - 60) : m.start()]
    return bool(_RECURRING.match(m.string, m.end()) or _RECURRING_BEFORE.search(before))


def _clock_day(m: re.Match[str], ctx: _Context) -> str | None:
    """The day a clock time is on: the day word after it ("midnight Sunday", "at 16:00 UTC
    today"), the date written after it ("16:15 UTC, June 1st"), else the last day named."""
    word = (m.groupdict().get("cday") or "").rstrip(".").lower()
    if ctx.ref and word in lx.WEEKDAYS:
        return weekday(ctx.ref, lx.WEEKDAYS[word], ctx.direction).isoformat()
    if ctx.ref and word:
        return shift(ctx.ref, "D", {"yesterday": -1, "tomorrow": 1}.get(word, 0)).isoformat()
    following = _DATE_AFTER_CLOCK.match(m.string, m.end())
    if following is not None:
        written = _full_date(following, ctx)
        return written[1] if written else None
    return ctx.anchor.isoformat() if ctx.anchor else None


def _vague(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    word = " ".join(m["word"].lower().split())
    if _COUNT_OR_UNIT.match(m.string, m.end()):
        return None  # "in the past nine days": a duration, found by its own pattern
    if word == "current":
        return "DATE", "PRESENT_REF"
    if word.endswith(" term"):
        return "DATE", "FUTURE_REF"  # "in the near term", "over the long term"
    if word == "over the years":
        return "DURATION", "PXY"
    if word in ("recently", "recent", "lately", "the past", "in the past", "previously"):
        return "DATE", "PAST_REF"
    if word in ("the future", "in the future", "soon", "in the near future"):
        return "DATE", "FUTURE_REF"
    return "DATE", "PRESENT_REF"


#: Things named after a holiday, not times: "Christmas trees", "Easter eggs".
_HOLIDAY_THINGS = re.compile(
    r"\s+(?i:trees?|cards?|carols?|lights|ornaments|decorations|stockings?|eggs?|bunny|"
    r"costumes?|candy|island)\b"
)


def _holiday(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    name = " ".join(m["name"].lower().split()).replace("’", "'")
    if not m["year"] and _HOLIDAY_THINGS.match(m.string, m.end()):
        return None  # Easter Island, Christmas trees: things, not days
    fixed = lx.HOLIDAYS.get(name)
    after = lx.THANKSGIVING_DAYS.get(name)
    nth = lx.NTH_WEEKDAY_HOLIDAYS.get("thanksgiving" if after else name)
    month = fixed[0] if fixed else nth[0] if nth else 4  # Easter is in March or April
    year = _year_of(m, month, ctx)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    if fixed:
        return "DATE", f"{year:04d}-{month:02d}-{fixed[1]:02d}"
    if nth:
        return "DATE", (nth_weekday(year, *nth) + timedelta(days=after or 0)).isoformat()
    return "DATE", (easter(year) + timedelta(days=lx.EASTER_HOLIDAYS[name])).isoformat()


#: A four-digit number alone is a year after these words, or before punctuation / "'s".
_YEAR_BEFORE = re.compile(
    r"\b(?i:in|since|of|by|from|until|till|to|through|during|before|after|year|between|and|"
    r"or|the|fiscal|mid|early|late|circa|c\.|its|their|his|her|our|this|that)\s*[-–]?\s*$|"
    r"(?:^|[,.!?;:(\n]|\w['’]s)\s*$"
)
_YEAR_AFTER = re.compile(r"\s*(?:[,.;:)!?\n–-]|['’]s\b|$)")
_NOT_A_NUMBER_AFTER = r"(?![\d,.]\d|\s*%|\s*(?i:percent|per\s+cent))"
#: A day after a clock time: "12:00 UTC Monday", "16:00 UTC today".
_CLOCK_DAY = (
    r"(?:(?:\s+(?i:local(?:\s+time)?))?,?\s+(?:(?i:on)\s+)?"
    rf"(?P<cday>(?i:today|yesterday|tomorrow)|{_WEEKDAY}))?"
)
_COUNT_OR_UNIT = re.compile(
    r"\s+(?:\d|(?i:few|several|couple|decade|year|month|week|day|hour|minute|century|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty))"
)
_COUNT_ADJECTIVE = (
    r"(?i:straight|consecutive|successive|full|more|additional|trading|working|business|"
    r"calendar|long)"
)
_OF_YEAR = r"\s+(?i:of)\s+(?P<rel>(?i:this|last|next))\s+(?i:year)"
_PREP = r"(?P<prep>(?i:in|on|since|by|until|till|from|through|to|during|of|before|after)\s+)?"
_HOLIDAY_NAMES = "(?i:%s)" % "|".join(  # noqa: UP031
    re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
    for name in sorted(
        [*lx.HOLIDAYS, *lx.NTH_WEEKDAY_HOLIDAYS, *lx.THANKSGIVING_DAYS, *lx.EASTER_HOLIDAYS],
        key=len,
        reverse=True,
    )
)


def _compile(pattern: str, *, needs: tuple[str, ...] = ()) -> re.Pattern[str]:
    """``needs``: lower-case words the pattern cannot match without; a text holding none of
    them is not scanned (a look-ahead tried at every character costs more than ``in``)."""
    # Whitespace never crosses a line: a headline ending "until Friday" and a dateline
    # "September 17, 2008" below it are two expressions, not one.
    pattern = pattern.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")
    compiled = re.compile(rf"(?<![\w$£€]){pattern}(?![\w])")
    if needs:
        _NEEDS[id(compiled)] = needs  # by identity: hashing a pattern hashes its text
    return compiled


_NEEDS: dict[int, tuple[str, ...]] = {}


def _quarter_q(m: re.Match[str], ctx: _Context) -> tuple[str, str]:
    year = m["year"] or _quarter_year(int(m["q"][1]), ctx)
    return "DATE", f"{year}-{m['q']}"


_SEASON_LEADS = {"in", "during", "by", "until", "since", "the", "this", "last", "next", "early"}


def _season_is_time(m: re.Match[str]) -> bool:
    """A season is a date with a year, after "this" / "last" / "the", after "in" / "during" /
    "by" ("in spring"), or after an owner ("their autumn meetings"); never in a name: "the
    Winter Olympics", "the Arab Spring", "Summer Games"."""
    if m["year"]:
        return True
    after = m.string[m.end() : m.end() + 2]
    word_before = re.search(r"(\w+)\s+$", m.string[max(0, m.start() - 20) : m.start()])
    lead = (m["rel"] or "").lower()
    prep = not lead and word_before is not None and word_before[1].lower() in _SEASON_LEADS
    if after[:1] == " " and after[1:2].isupper() and lead in ("", "the") and not prep:
        return False  # "the Winter Olympics", not "This summer I ..." nor "In spring Parliament"
    if (
        word_before is not None
        and word_before[1][:1].isupper()
        and word_before[1].lower() not in _SEASON_LEADS
        and m["season"][:1].isupper()
    ):
        return False  # "Arab Spring", not "In Spring"
    if m["rel"]:
        return True
    before = m.string[max(0, m.start() - 10) : m.start()].lower()
    return bool(re.search(r"\b(?:in|during|by|until|since|their|its|our)\s+$", before))


def _plural_after_prep(m: re.Match[str]) -> bool:
    """A bare plural unit is a duration only after "for" / "over" / "in recent" etc.
    ("for years"); a bare singular ("the year") is not one at all."""
    unit = m["unit"].lower()
    if not unit.endswith(("s", "ies", "ia")):
        return False
    before = m.string[max(0, m.start() - 16) : m.start()].lower()
    if m[0].lower().endswith("-long"):
        return True  # "decades-long"
    return bool(
        re.search(
            r"\b(?:for|over|in recent|within|in coming|in the coming|in(?: just)?)\s*$", before
        )
    )


_DATE_AFTER_CLOCK = re.compile(
    rf",?[^\S\n]+(?:(?i:on)[^\S\n]+)?(?P<month>{_MONTH_ANY})[^\S\n]+{_DAY}"
    rf"(?:,?[^\S\n]+{_YEAR})?(?!\w)"
)

_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (
        _compile(
            rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH_ANY})\s+{_DAY}(?:,?\s+{_YEAR})?"
            + _NOT_A_NUMBER_AFTER
        ),
        _full_date,
    ),
    (
        _compile(
            rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?{_DAY}\s+(?:(?i:of)\s+)?"
            rf"(?P<month>{_MONTH_ANY})(?:,?\s+{_YEAR})?"
        ),
        _full_date,
    ),
    (_compile(r"(?P<year>\d{4})([-/])(?P<month>\d\d)\2(?P<day>\d\d)"), _numeric_date),
    (
        _compile(
            r"(?P<month>3[01]|[12]\d|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/"
            r"(?P<year>\d{4}|\d\d(?![\d/]))"
        ),
        _numeric_date,
    ),
    (
        _compile(rf"(?P<month>{_MONTH_FULL}|{_MONTH_ANY})(?:\s+(?i:of))?,?\s+{_YEAR}"),
        _month_and_year,
    ),
    (
        _compile(
            rf"{_PREP}(?:(?P<partial>{_PARTIAL})[\s-]+)?(?:(?P<rel>(?i:this|last|next|past|coming))\s+)?"
            rf"(?P<month>{_MONTH_FULL})(?:\s+(?i:of)\s+(?P<ofrel>(?i:this|last|next))\s+(?i:year))?"
        ),
        _month_alone,
    ),
    (
        _compile(
            rf"(?:(?P<partial>{_PARTIAL})[\s-]+)?(?:(?i:fiscal|FY)\s*)?{_YEAR}"
            + _NOT_A_NUMBER_AFTER
        ),
        _year,
    ),
    (
        _compile(
            r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
            r"(?:(?P<decade>1[6-9]\d0|20\d0)|['’](?P<short>\d0))['’]?s"
        ),
        _decade,
    ),
    (
        _compile(
            r"(?i:the)\s+(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:nineteenth|twentieth|twenty-first))"
            r"\s+(?i:century)"
        ),
        _century,
    ),
    (
        _compile(
            r"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            rf"yesterday|today|tomorrow|tmrw|tonight))(?:\s+{_PART})?"
        ),
        _day_word,
    ),
    (_compile(rf"(?P<rel>(?i:this|last))\s+{_PART}"), _part_of_today),
    # "in the morning": that part of the last day the text named.
    (_compile(rf"(?P<prep>(?i:in|during|by)\s+)(?i:the)\s+{_PART}"), _part_of_anchor),
    (
        _compile(
            r"(?P<prep>(?i:end|ended|ending|finish|finished|close|closed|for|in|during)\s+)?"
            r"(?i:the\s+(?:same\s+)?day)"
        ),
        _the_day,
    ),
    (
        _compile(r"(?i:the)\s+(?P<rw>(?i:next|following|previous|preceding|prior))\s+(?i:day)"),
        _next_day,
    ),
    # "later that day", "that same night", "on that morning": the last day the text named.
    (
        _compile(
            r"(?P<prep>(?i:earlier|later|on|by|until)\s+)?(?i:that)\s+(?P<same>(?i:same)\s+)?"
            rf"(?:(?i:day)|{_PART})\b"
        ),
        _that_day,
    ),
    (
        _compile(
            r"(?P<prep>(?i:on|by|until|from|since|before|after)\s+)(?i:the)\s+"
            r"(?P<day>3[01]|[12]\d|[1-9])(?i:st|nd|rd|th)"
            r"(?!\s+(?i:of|century|anniversary|birthday|floor|place|time|round|day|year|annual))"
        ),
        _day_of_month,
    ),
    (
        _compile(
            r"(?i:the\s+(?:very\s+)?(?:beginning|start|end|middle)\s+of)\s+"
            r"(?P<rel>(?i:the|this|last|next))\s+(?P<u>(?i:year|month|week|quarter|decade))"
        ),
        _part_of_unit,
    ),
    (_compile(r"(?P<rel>(?i:the|this|last|next|this\s+past))\s+(?i:weekend)"), _weekend),
    (
        _compile(
            r"(?i:the\s+same)\s+(?P<u>(?i:period|month|quarter|week|day))\s+"
            r"(?i:(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier)|"
            r"of\s+the\s+year\s+before|the\s+year\s+before)"
        ),
        _same_period,
    ),
    # "the entire year" (after "the third quarter of 2018": 2018), "the whole month"
    (
        _compile(r"(?i:the)\s+(?i:entire|whole)\s+(?P<u>(?i:year|quarter|month))\b"),
        _whole_period,
    ),
    # "the year-ago quarter", "the year-earlier period": the same period a year back
    (
        _compile(
            r"(?i:the)\s+(?i:year[\s-](?:ago|earlier))\s+(?P<u>(?i:period|month|quarter|week|day))"
        ),
        _same_period,
    ),
    (
        _compile(r"(?i:year[\s-]end|year['’]s\s+end)(?![-\w])"),
        lambda m, ctx: ("DATE", f"{ctx.ref.year:04d}" if ctx.ref else "XXXX"),
    ),
    (
        _compile(
            r"(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+"
            rf"(?i:of)\s+(?P<month>{_MONTH_FULL})(?:,?\s+{_YEAR})?"
        ),
        _week_of_month,
    ),
    (
        _compile(
            r"(?P<rel>(?i:this\s+past|this|current|the\s+current|last|previous|the\s+previous|next|coming|"
            r"the\s+following|the\s+same|that|earlier\s+this|later\s+this))\s+"
            r"(?:(?P<fiscal>(?i:fiscal))\s+(?=(?i:year)))?"
            r"(?P<u>(?i:week|weekend|month|year|quarter|decade|century))"
        ),
        _this_unit,
    ),
    # "profit in the latest quarter": in a results report, the quarter last closed
    (
        _compile(r"(?P<rel>(?i:the\s+latest|the\s+most\s+recent))\s+(?P<u>(?i:quarter|month))\b"),
        _this_unit,
    ),
    (
        _compile(
            # "Black Monday", "Black Friday", "Cyber Monday": names, not this week's days
            rf"(?:(?P<rel>(?i:this|last|next|coming|past))\s+)?(?<!Black\s)(?<!Cyber\s)"
            rf"(?P<weekday>{_WEEKDAY})(?:\s+{_PART})?"
        ),
        _weekday,
    ),
    (
        _compile(
            r"(?:(?P<rel>(?i:this|last|next|early|late|the))\s+)?"
            r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
            rf"(?:(?:\s+(?i:of))?\s+{_YEAR})?(?!\s+(?i:of)\s+(?i:the|a)\b)"
        ),
        lambda m, ctx: _season(m, ctx) if _season_is_time(m) else None,
    ),
    (
        _compile(
            r"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
            rf"[\s-]+(?i:quarter)(?:(?:\s+(?i:of))?\s+{_YEAR}|{_OF_YEAR})?"
        ),
        _quarter,
    ),
    (_compile(rf"(?P<q>Q[1-4])(?:\s+{_YEAR})?"), _quarter_q),
    # (the first look-ahead is a cheap test: the number-word alternation is slow to try)
    (
        _compile(
            rf"(?=(?:[\w.]+[\s-]+){{1,4}}(?i:ago)\b){_NUMBER}[\s-]+{_UNIT}\s+(?i:ago)",
            needs=("ago",),
        ),
        _ago,
    ),
    # "a year and a half": P1.5Y (the half after the unit; "two and a half years" is a number)
    (
        _compile(
            rf"(?=\S+\s+\S+\s+(?i:and\s+a\s+half)\b){_NUMBER}[\s-]+{_UNIT}"
            r"\s+(?i:and\s+a\s+half)",
            needs=("half",),
        ),
        _and_a_half,
    ),
    # "two years from now": the date, as TimeML writes it, not a duration and "now"
    (
        _compile(
            rf"(?=(?:[\w.]+[\s-]+){{1,4}}(?i:from)\s+(?i:now|today)\b){_NUMBER}[\s-]+{_UNIT}"
            r"\s+(?i:from)\s+(?i:now|today)",
            needs=("from",),
        ),
        lambda m, ctx: _ago(m, ctx, ahead=True),
    ),
    (
        _compile(
            r"(?=(?:[\w.]+[\s-]+){1,2}[a-zA-Z]+\s+(?i:earlier|later|before|after|previous|prior))"
            rf"(?:{_NUMBER}|(?P<the>(?i:the)))[\s-]+{_UNIT}\s+(?P<way>(?i:earlier|later|before|"
            r"after|previous|prior))(?=[^\S\n]*(?:[,.;:)!?\n]|$|(?i:and|but|when|as|to)\b)|"
            # "A day earlier he had left": "earlier" / "later" end the phrase unless "than"
            # follows; "before" / "after" before a noun are prepositions ("two years before
            # the war": a duration anchored to the war)
            r"(?:(?<=(?i:earlier))|(?<=(?i:later)))(?![^\S\n]+(?i:than)\b))",
            needs=("earlier", "later", "before", "after", "previous", "prior"),
        ),
        lambda m, ctx: (
            None
            if m["the"] and m["way"].lower() in ("later", "after")  # "the day after"
            else _shifted(m, ctx)
        ),
    ),
    # "rose in morning trading": that part of the day the text last named
    (
        _compile(
            rf"(?P<prep>(?i:in|during)\s+)(?:(?i:early|late)\s+)?{_PART}"
            r"(?=\s+(?i:trading|trade|deals|dealings|session))"
        ),
        _part_of_anchor,
    ),
    # "between 60 and 90 days", "two or three weeks": the first number is a duration too
    (
        _compile(  # the first look-ahead is a cheap test that keeps the pattern fast
            rf"(?=[\w.-]+\s+(?i:and|to|or)\s){_NUMBER}"
            rf"(?=\s+(?i:and|to|or)\s+{_NUMBER_WORD}\s+{_UNIT}(?!\s+(?i:ago)))"
        ),
        _duration,
    ),
    (
        _compile(
            # A cheap test first: a unit of time within eight words (the number-word
            # alternation is slow to try at every character; the same matches, half the time)
            r"(?=(?:[\w.'’]+[\s-]+){0,8}(?i:sec|min|hour|day|week|fortnight|month|quarter|"
            r"year|decade|centur|millenni))"
            r"(?:(?P<lead>(?i:the\s+(?:past|last|next|first|coming))\s+))?"
            rf"(?:{_NUMBER}[\s-]+(?:{_COUNT_ADJECTIVE}\s+)?)?{_UNIT}(?:[\s-]+(?i:long|old))?"
        ),
        lambda m, ctx: (
            _duration(m, ctx) if m["num"] or m["lead"] or _plural_after_prep(m) else None
        ),
    ),
    # "twice a week", "three times per year": how often, a set (not "a week", a duration)
    (
        _compile(
            r"(?i:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times)"
            rf"\s+(?i:a|an|per|every|each)\s+{_UNIT}"
        ),
        _set,
    ),
    # "the second half of the year" (TimeML: 2019-H2)
    (
        _compile(
            r"(?i:the)\s+(?P<half>(?i:first|second))\s+(?i:half)\s+(?i:of)\s+"
            r"(?P<rel>(?i:the|this|last|next))\s+(?i:year)"
        ),
        _half_year,
    ),
    (
        _compile(
            r"(?:(?P<every>(?i:daily|weekly|monthly|annually|annual|yearly|quarterly))|"
            rf"(?i:every|each|per)\s+{_UNIT})"
        ),
        _set,
    ),
    (
        _compile(
            r"(?P<h>1[0-2]|0?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm))"
            rf"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC))?{_CLOCK_DAY}"
        ),
        _clock,
    ),
    (
        _compile(
            r"(?P<h>[01]\d|2[0-3]|\d):?(?P<mi>[0-5]\d)(?:\s*(?P<tz>GMT|UTC|Z)"
            rf"|(?<=\d\d:\d\d)(?=[^\S\n]*(?:,|$|\.|[^\S\n](?i:on|today|local)\b))){_CLOCK_DAY}"
        ),
        _clock,
    ),
    (_compile(rf"(?P<name>(?i:noon|midday|midnight)){_CLOCK_DAY}"), _named_time),
    # "every Monday", "on Mondays": a set of days
    (
        _compile(
            rf"(?:(?i:every|each)\s+(?P<weekday>{_WEEKDAY})|(?P<prep>(?i:on)\s+)"
            r"(?P<days>(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)))"
        ),
        lambda m, ctx: (
            "SET",
            f"XXXX-WXX-{lx.WEEKDAYS[(m['weekday'] or m['days'][:-1]).rstrip('.').lower()]}",
        ),
    ),
    # "in recent years": the whole phrase, an unsaid number of years (MEANTIME writes it
    # once so and once as PAST_REF)
    (
        _compile(r"(?i:recent)\s+(?P<unit>(?i:years|months|weeks|days|decades))"),
        _duration,
    ),
    (
        _compile(
            r"(?P<word>(?i:now|currently|nowadays|at\s+present|the\s+present|recently|lately|"
            r"in\s+the\s+past|the\s+past|in\s+the\s+near\s+future|in\s+the\s+future|"
            r"the\s+future|(?<!as\s)soon(?!\s+as\b)|at\s+the\s+moment|these\s+days|"
            r"(?:recent|current)(?=\s+[a-z]{3,})|the\s+(?:near|short|long)\s+term|"
            r"over\s+the\s+years|the\s+time\s+being))(?!-)"
        ),
        _vague,
    ),
    (
        # "the 70s and 80s", "the 80's": only after "the" / "and", never "in their 80s"
        _compile(r"(?P<prep>(?i:the|and)\s+)(?P<short>[2-9]0)['’]?s\b"),
        _decade,
    ),
    (
        _compile(r"(?P<prep>(?i:since|in|of|from|until)\s+)['’](?P<yy>\d\d)(?!['’]?s)"),
        lambda m, ctx: ("DATE", ("19" if int(m["yy"]) > 30 else "20") + m["yy"]),
    ),
    (_compile(rf"(?P<name>{_HOLIDAY_NAMES})(?:,?\s+{_YEAR})?"), _holiday),
]
#: The patterns with the words each needs, looked up once.
_SCAN = [(pattern, handler, _NEEDS.get(id(pattern), ())) for pattern, handler in _PATTERNS]
