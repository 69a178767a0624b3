"""Find the figures in a text: numbers a reader cares about, normalised, with what they count.

A scanner over word and number tokens (no parse needed, so it costs microseconds per
sentence). At each token it tries, in order: a bound or softener ("more than", "some", "up
to"), a range opening ("between", "from"), a currency sign; then the number itself — digits
("1,200", "1.8", "2 1/2"), abbreviated scales ("1.8m", "$5bn"), number words ("two million",
"one and a half", "a dozen"), or a vague amount ("hundreds of thousands" = 100,000–999,999);
then a second number for a range ("20 to 30", "2-3 million"); then the unit (%, money, a
measure, an age); and last, for counts, the noun phrase that says what is counted ("Uyghur
Muslims", "internment camps") and the predicate nearest it in its clause ("detained",
"blacklisted"), mapped to a predicate group so that "detention" and "incarcerated" are one.

Numbers that are not figures are left out: those inside a date or clock time (the dates stage
owns them), ordinals ("25th"), labels ("Article 23", "G7", "COVID-19"), and "one" used as a
pronoun ("one of the", "no one").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..dates import TimeExpression, find_times
from ..dates.lexicon import MONTHS
from . import lexicon as lx
from .about import AboutReader, key_of, plural
from .numbers import Number, NumberReader
from .tokens import DASHES, Tok, number_text, tokenize

#: Operators of the contract: "=" exact, "~" approximate, bounds otherwise.
OPERATORS = ("=", "~", ">", "<", ">=", "<=")
#: What a figure is: a plain count or number, or the kind of its unit.
KINDS = ("number", "ratio", "percent", "money", "dimension", "temperature", "age", "duration")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int  # offsets of text in the text searched, end exclusive
    text: str
    value: float | None  # None for a range
    low: float | None  # the interval the figure allows: low = high = value when exact
    high: float | None
    operator: str  # one of OPERATORS
    unit: str | None  # "%", ISO 4217 codes, "km", "degC", "year" ...; None for a count
    kind: str  # one of KINDS
    counted: str | None = None  # what is counted, as written ("Uyghur Muslims")
    predicate: str | None = None  # the predicate as written ("detained", "rounded up")
    #: The quantity this figure is about, as a key: predicate group and counted class
    #: ("detain|people"); None when the text does not say enough to compare it.
    key: str | None = None
    claimed_by: str | None = None  # the speaker when the figure is inside a quote


_RANGE_WORDS = {"to", "through", "thru"}
#: Nouns a year qualifies after a bound: "below 2005 levels", "above 2019 prices".
_OF_A_YEAR = {"levels", "level", "figures", "prices", "values", "standards"}
#: Label words that are also verbs taking a count: "Seat 12" but "seat 250 people".
_VERB_IDENTIFIERS = {"seat", "top", "block", "issue", "track", "stage", "table", "act"}
#: Dollars whose country may stand apart from the sign ("c $ 1.34"); not "a $5 bill".
_SPACED_DOLLARS = {"c", "hk", "nz", "us", "nt"}
_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
#: "between the ages of 30 and 45", "from the ages of 5 to 12": an age range.
_AGES_OF = ["the", "ages", "of"]
#: Words that may follow a stated age: "who turns 40 next week", "she was 12 when".
_AGE_CLAUSE_AFTER = {"next", "this", "last", "in", "on", "when", "and", "but"}
#: Words after "a year" that make it a time, not the second half of a rate ("$5 a year ago").
_PAST_AFTER = frozenset(["ago", "later", "earlier", "before", "after"])
#: The signs of a spread after a number: "5 ± 1", "5 +/- 1", "5 plus or minus 1".
_SPREAD_SIGNS = (("±",), ("+", "/", "-"), ("plus", "or", "minus"))
#: A unit in brackets after the number, as tables write it: "20 (kg)".
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
#: Unit spellings that are never words: accepted apart from the digits ("100 MB").
_SURE_SYMBOLS = {
    "MB", "GB", "KB", "TB", "PB", "EB", "kW", "MW", "GW", "kWh", "Wh", "MWh", "GWh", "TWh", "Hz",
    "kHz", "MHz", "GHz", "km", "kg",
}  # fmt: skip
#: What may stand between a figure and the phrase naming what it counts, by kind.
_LINKS = {
    "number": ("", "of"), "ratio": ("", "of"), "percent": ("of",), "money": ("in", "of", "worth"),
}  # fmt: skip


def find_figures(text: str, times: Sequence[TimeExpression] | None = None) -> list[Figure]:
    """Every figure in ``text``, in order. ``times``: the text's time expressions, when the
    caller has them already (numbers inside dates and clock times are not figures)."""
    if times is None:
        times = find_times(text, None)
    blocked = [(t.start, t.end) for t in times if t.type in ("DATE", "TIME")]
    toks = tokenize(text)
    found: list[Figure] = []
    scanner = _Scanner(text, toks)
    # A number once written as a label ("Boeing 787") is a label wherever it stands bare
    # ("the 787 will seat 250").
    labels = {t.text for k, t in enumerate(toks) if t.kind == "num" and not scanner.is_figure(k)}
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind != "num" and not _may_start(toks, i):
            i += 1  # most words start no figure: skip them without trying
            continue
        result = scanner.figure_at(i)
        if result is None:
            i += 1
            continue
        figure, end = result
        core = (figure.start, figure.end)
        bare = figure.kind == "number" and figure.text in labels
        if bare or any(s < core[1] and core[0] < e for s, e in blocked):
            i = end
            continue
        found.append(figure)
        i = end
    return _joined_bounds(text, found)


def _may_start(toks: list[Tok], i: int) -> bool:
    """Can a figure start at token ``i`` (not digits)? A number word can; a word that only
    leads into one ("about", "a", "between", "$") only when the next token may go on."""
    tok = toks[i]
    first = tok.lower.split("-")[0] if tok.kind == "word" else tok.lower
    if first not in lx.STARTS:
        return False
    if first in lx.NUMBER_STARTS:
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if first in ("between", "from") and [t.lower for t in toks[i + 1 : i + 4]] == _AGES_OF:
        return True
    return nxt is not None and (
        nxt.kind == "num" or nxt.lower.split("-")[0] in lx.STARTS or nxt.lower in lx.FOLLOWERS
    )


def _joined_bounds(text: str, figures: list[Figure]) -> list[Figure]:
    """ "above 1000 and below 1500", "at most 100 and at least 20": one range."""
    out: list[Figure] = []
    for figure in figures:
        if not (out and _bounds_meet(text, out[-1], figure)):
            out.append(figure)
            continue
        first = out.pop()
        lows = [x for x in (first.low, figure.low) if x is not None]
        highs = [x for x in (first.high, figure.high) if x is not None]
        out.append(
            replace(
                first,
                end=figure.end,
                text=text[first.start : figure.end],
                value=None,
                low=max(lows),
                high=min(highs),
                operator="=",
            )
        )
    return out


def _bounds_meet(text: str, a: Figure, b: Figure) -> bool:
    """A lower and an upper bound of one number, side by side: "more than 20 and less than
    35", "above one quarter and below a half" (the lower not above the upper)."""
    kinds = {a.operator[:1], b.operator[:1]}
    if kinds != {">", "<"} or a.unit != b.unit or a.value is None or b.value is None:
        return False
    if not re.fullmatch(r"\s*(?:,|and|but|,\s*and|,\s*but)\s*", text[a.end : b.start]):
        return False
    low, high = (a.value, b.value) if a.operator[0] == ">" else (b.value, a.value)
    return low < high


class _Scanner(NumberReader, AboutReader):
    # --- one figure ----------------------------------------------------------------------

    def figure_at(self, i: int) -> tuple[Figure, int] | None:
        start = i
        operator, between, currency, negative, i = self.prefix(i)
        number = self.number(i, currency is not None, negative=negative)
        if (
            number is None
            or not self.is_figure(i)
            or self.list_number(i, number)
            or (currency is None and (self.inside_word(i) or self.tally(i)))
            or self.short_year(i)
        ):
            return None
        first = i
        if negative:
            number.low, number.high = -number.high, -number.low
        # A range: "20 to 30", "2-3 million", "between 20 and 30", "two or three".
        second = self.range_end(number.end, number, between, currency is not None)
        if second is not None:
            if second.scaled and not number.scaled:
                scale = _scale_of(second.low)
                number.low *= scale
                number.high *= scale
            if number.low < second.low:
                number = Number(number.low, second.high, second.end, True)
        if second is None:
            number = self.spread(number, operator)  # "2,000.45 ± 0.01 pounds"
        unit, kind, end, factor = self.unit_of(number, currency, second is None, first)
        if second is None and between and unit is None:
            return None  # "between" without a second number says nothing
        if unit is None and self.celsius(number.end, first, number):
            unit, kind, end = "degC", "temperature", number.end + 1  # "highs of 30C"
        if unit is None and self.glued(number.end) and self.kind(number.end) == "word":
            return None  # "777F", "13F", "5G": a model or a form, not an amount
        if number.ratio:
            unit, kind, end, factor = None, "ratio", number.end, 1.0
        if unit is None and number.vague and self.low(end) == "of":
            # "hundreds of years", "millions of dollars": a vague amount of a unit.
            of_unit, of_kind, of_end, of_factor = self.unit(end + 1, None)
            if of_unit is not None and of_kind != "percent":
                unit, kind, end, factor = of_unit, of_kind, of_end, of_factor
        number.low, number.high = number.low * factor, number.high * factor
        number, end = self.completed(number, end, (unit, kind), second is None, currency, factor)
        priced = unit
        if kind == "money" and unit is not None:
            # "$15 an hour": the unit stays the currency (what the gold sets and a reader
            # call it); the quantity key says it is a price per hour.
            priced, end = self.money_rate(unit, end)
        if (
            unit is None
            and not number.vague
            and (
                self.low(first - 1) in ("aged", "age", "ages")
                or [self.low(first - 2), self.low(first - 1)] == ["ages", "of"]
                or self.apposed_age(first, end, number)
                or self.stated_age(first, end, number)
            )
        ):
            unit, kind = "year", "age"  # "aged 87", "Okoye, 40, said", "who is 70."
        after = self.phrase(end, lx.OPERATORS_AFTER)
        if (
            after is not None
            and operator in ("=", "~")
            # "equal to 40 or less than 45", "80 or greater than 75": the operator
            # belongs to a second figure ("80 or greater than" alone is 80 or more)
            and not self.second_bound(after[1])
        ):
            operator, end = after  # "1,000 or more", "about five hundred or more"
        if number.vague and operator == "=":
            operator = "~"
        counted, counted_end = (None, end)
        if kind in _LINKS:
            counted, counted_end = self.counted(end, _LINKS[kind])
        year_like = _year_like(self.toks[first].text, number) and unit is None
        if year_like and self.low(end) in _OF_A_YEAR:
            return None  # "32 percent below 2005 levels": a year
        year = year_like and operator == "="
        if year and (counted is None or counted[:1].isupper() or not plural(counted.split()[-1])):
            # "its 2021 Trafficking in Persons report", "in a 2014 interview": a year; a count
            # of two thousand would take a plural ("2014 members")
            return None
        predicate, group = self.predicate(start, end, counted_end, counted)
        span = (self.toks[start].start, self.toks[end - 1].end)
        figure = Figure(
            start=span[0],
            end=span[1],
            text=self.text[span[0] : span[1]],
            value=_tidy(number.low) if number.low == number.high else None,
            low=_tidy(number.low),
            high=_tidy(number.high),
            operator=operator,
            unit=unit,
            kind=kind,
            counted=counted,
            predicate=predicate,
            key=key_of(group, counted, priced, kind),
        )
        return _bounded(figure), end

    def completed(
        self,
        number: Number,
        end: int,
        unit_kind: tuple[str | None, str],
        alone: bool,
        currency: str | None,
        factor: float,
    ) -> tuple[Number, int]:
        """What completes a figure after its unit: the inches of a length in feet, the
        cents of a sum, or the second end of a range written with the unit twice."""
        unit, kind = unit_kind
        if unit == "ft" and alone:
            inches = self.inches_after(end)  # "5 ft 2 in"
            if inches is not None:
                low, high = number.low + inches[0], number.high + inches[0]
                return replace(number, low=low, high=high), inches[1]
        if alone and factor == 1.0 and kind == "money":
            cents = self.cents_after(end, currency is None)
            if cents is not None:  # "3 dollars 50 cents", "thirteen dollars and forty-five"
                low, high = number.low + cents[0], number.high + cents[0]
                return replace(number, low=low, high=high), cents[1]
        if unit is not None and alone:
            # "44 mg to 50 mg", "-18 °C to -34 °C": a range with the unit on both ends.
            wider = self.unit_range(end, number, unit, currency)
            if wider is not None:
                return wider
        return number, end

    def spread(self, number: Number, operator: str) -> Number:
        """ "5 ± 1", "5 +/- 1", "5 plus or minus 1": the interval the spread after a number
        gives, ending after the spread (so the unit after it is found). Under a bound ("no
        more than 5 ± 1 kg") the bound stays the number itself."""
        j = number.end
        for sign in _SPREAD_SIGNS:
            if all(self.low(j + n) == word for n, word in enumerate(sign)):
                spread = self.number(j + len(sign), False, second=True)
                if spread is None or spread.vague or spread.low != spread.high:
                    return number
                width = abs(spread.low) if operator in ("=", "~") else 0.0
                return Number(number.low - width, number.high + width, spread.end, number.scaled)
        return number

    def unit_of(
        self, number: Number, currency: str | None, alone: bool, first: int
    ) -> tuple[str | None, str, int, float]:
        """The unit after the number, else the one a list writes once after its last number
        ("45 and 50 mg": the first is in mg too; its span does not grow)."""
        found = self.unit(number.end, currency)
        if found[0] is None and alone and not (number.vague or number.ratio):
            shared = self.shared_unit(number.end, self.toks[first].text, number)
            if shared is not None:
                return shared[0], shared[1], found[2], shared[3]
        return found

    def shared_unit(
        self, j: int, first: str, number: Number
    ) -> tuple[str | None, str, int, float] | None:
        """The unit that a list of numbers writes once, after the last: "45 and 50 mg",
        "10, 20 or 30 km". Only a list closed by "and" or "or" (not "Of the 12, 10 percent"),
        and not after a year ("in 2009 and 10 km")."""
        if self.low(j) not in (",", "and", "or") or _year_like(first, number):
            return None
        for _ in range(6):
            link = self.low(j)
            if link not in (",", "and", "or"):
                return None
            nxt = self.number(j + 1, False, second=True)
            if nxt is None or nxt.vague or nxt.scaled != number.scaled:
                return None
            if link != ",":
                unit = self.unit(nxt.end, None)
                return unit if unit[0] is not None else None
            j = nxt.end
        return None

    def prefix(self, i: int) -> tuple[str, bool, str | None, bool, int]:
        """What comes before the number: (operator, a range opens, currency, minus, index)."""
        operator = "="
        op = self.phrase(i, lx.OPERATORS)
        if op is not None and op[1] < len(self.toks):
            operator, i = op
        between = self.low(i) in ("between", "from") and i + 1 < len(self.toks)
        if between:
            i += 1
            if [self.low(i), self.low(i + 1), self.low(i + 2)] == _AGES_OF:
                i += 3  # "between the ages of 30 and 45": the age reading sees "ages of"
        currency, i = self.currency_prefix(i)
        negative = self.minus(i)
        if negative:
            i += 1
            if currency is None:  # "-$5", "minus $5"
                currency, i = self.currency_prefix(i)
        return operator, between, currency, negative, i

    def minus(self, i: int) -> bool:
        """A minus sign glued to the digits after it ("-5", not "5 - 3"), or the word."""
        if self.low(i) in ("minus", "negative"):
            if self.low(i) == "minus" and [self.low(i - 2), self.low(i - 1)] == ["plus", "or"]:
                return False  # "plus or minus 3 points": a spread, not a negative number
            return self.kind(i + 1) in ("num", "word")
        return (
            self.low(i) in ("-", "−")
            and self.kind(i + 1) in ("num", "sym")
            and self.glued(i + 1)
            and not (self.glued(i) and self.kind(i - 1) in ("num", "word"))
        )

    def currency_prefix(self, i: int) -> tuple[str | None, int]:
        toks = self.toks
        if i >= len(toks):
            return None, i
        # "US$", "HK$", "NZ$": letters glued to a dollar sign (or spaced, as in "c $ 1.34").
        if (
            toks[i].kind == "word"
            and self.low(i + 1) == "$"
            and toks[i].lower + "$" in lx.CURRENCY_SYMBOLS
            and (
                self.glued(i + 1)
                or (toks[i].lower in _SPACED_DOLLARS and self.kind(i + 2) == "num")
            )
        ):
            return lx.CURRENCY_SYMBOLS[toks[i].lower + "$"], i + 2
        text = toks[i].lower
        if text in lx.CURRENCY_SYMBOLS and (toks[i].kind == "sym" or text.isalpha()):
            nxt = i + 1
            if self.low(nxt) == "." and text == "rs":
                nxt += 1
            # Word codes only right before digits ("USD 5", "USD115", "Rs 500"), and only
            # capitalised unless a symbol.
            sure = toks[i].kind == "sym" or toks[i].text[:1].isupper() or text == "rs"
            if sure and (self.kind(nxt) == "num" or self.minus(nxt)):  # "$5", "$-99.99"
                return lx.CURRENCY_SYMBOLS[text], nxt
        return None, i

    def inside_word(self, i: int) -> bool:
        """A number glued to the word before it: "GÃ1⁄4len" (a garbled "ü"), "H1N1" (not a
        currency code: "USD115"). Kept out of ``is_figure``, whose labels would silence the
        number in the whole article."""
        if (
            self.glued(i)
            and self.kind(i - 1) == "sym"
            and unicodedata.combining(self.low(i - 1)[:1])
        ):
            i -= 1  # "GÃ1⁄4len" written with a combining tilde
        if self.glued(i) and self.low(i - 1) == "_" and self.glued(i - 1):
            return True  # "@Holm_945": a handle
        return self.glued(i) and self.kind(i - 1) == "word"

    def tally(self, i: int) -> bool:
        """ "a 5-4 decision", "voted 6-1", "won 3-2": the two sides of a vote or a score,
        not figures. A range reads upwards ("ages 18-24"), a tally never does, and no unit
        follows it ("-78-0 degrees" is a range from a negative number)."""
        for first in (i, i - 2):
            if first < 0 or not (self.glued(first + 1) and self.glued(first + 2)):
                continue
            high, low = self.toks[first].text, self.toks[first + 2].text
            if (
                self.low(first + 1) in DASHES
                and high.isdigit()
                and low.isdigit()
                and len(high) <= 3
                and int(high) >= int(low)
                and not (self.glued(first) and self.low(first - 1) in ("-", "−", "–"))
                and self.unit(first + 3, None)[0] is None
            ):
                return True
        return False

    def short_year(self, i: int) -> bool:
        """ "iLife '11", "its '11 season": a year written with two digits after an
        apostrophe (not "'40 people died'", a quotation of a count)."""
        tok = self.toks[i]
        return (
            len(tok.text) == 2
            and tok.text.isdigit()
            and self.low(i - 1) in ("'", "’")
            and self.glued(i)
            and not self.glued(i - 1)
            and not (self.kind(i + 1) == "word" and plural(self.toks[i + 1].text))
        )

    def stated_age(self, first: int, end: int, number: Number) -> bool:
        """ "Marsh, who is 70.", "she was 12 when", "who turns 40 next week": a whole number
        a person is, at the end of its clause, is an age."""
        return (
            self.low(first - 2) in ("who", "he", "she")
            and self.low(first - 1) in ("is", "was", "turns", "turned", "turning")
            and _whole_age(number)
            # not "who is 5'2\"" (a height) nor "is 40%"
            and (
                self.low(end) in (",", ".", ";", ")", "!", "?", "")
                or self.low(end) in _AGE_CLAUSE_AFTER
            )
        )

    def list_number(self, i: int, number: Number) -> bool:
        """ "1 John Leguizamo On How ...": the number of an item in a numbered list, at the
        start of a line before a capitalised word, with the next or previous number opening
        another line the same way ("3 Killed In Ferry Crash" alone stays a count)."""
        tok = self.toks[i]
        at_line_start = i == 0 or "\n" in self.text[self.toks[i - 1].end : tok.start]
        if not (at_line_start and tok.kind == "num" and tok.text.isdigit() and number.end == i + 1):
            return False
        word = i + 1 + (self.low(i + 1) == ".")  # "6. GOVERNMENTS RECAST ..."
        if not (self.kind(word) == "word" and self.toks[word].text[:1].isupper()):
            return False
        n = int(tok.text)
        return any(
            re.search(rf"(?m)^[^\S\n]*{k}\.?[^\S\n]+[A-Z]", self.text)
            for k in (n - 1, n + 1)
            if k > 0
        )

    def apposed_age(self, first: int, end: int, number: Number) -> bool:
        """ "Okoye, 40, a teacher", "Marsh, 52 - a farmer": a whole number set off by commas
        (or a dash) right after a name is the person's age, as news writes it."""
        before = self.toks[first - 2] if first >= 2 else None
        return (
            before is not None
            and self.low(first - 1) == ","
            and before.kind == "word"
            and before.text[:1].isupper()
            # "born Sept, 26, 2014": a date with a stray comma; "Theresa May, 60," an age
            and not (before.lower.rstrip(".") in MONTHS and self.year_at(end + 1))
            and _whole_age(number)
            and self.low(end) in (",", "-", "–", "—", "―", ")")
            # "Harbourtown, 3, Lyon 2": a list of results, where another name and score follow
            and not (
                self.kind(end + 1) == "word"
                and self.toks[end + 1].text[:1].isupper()
                and self.kind(end + 2) == "num"
            )
        )

    def is_figure(self, i: int) -> bool:
        """Not a label: "Article 23", "No. 10", "Windows 10"."""
        before = self.low(i - 1)
        if before == "." and self.low(i - 2) in ("no", "nos", "art", "sec", "vol", "fig", "p"):
            return False
        if before == "number" and self.toks[i].kind == "word":
            return False  # "the number one issue", "the number two official": a rank
        if self.low(i + 1) == "(" and self.glued(i + 1) and self.low(i + 3) == ")":
            return False  # "401(k) plans", "501(c)": a name
        whole = self.toks[i].kind == "num" and self.toks[i].text.isdigit()
        name = before in lx.NAME_LABELS or (
            self.low(i - 2) == "&" and self.glued(i - 1) and len(before) == 1
        )
        if whole and name and self.low(i + 1) not in ("%", "percent", "per", "points"):
            return False  # "Boeing 787", "S&P 500"; not "the Dax 2.8%"
        if whole and self.model_number(i):
            return False  # "the 787 Dreamliner", "the 787 will seat": a name
        if (
            before in _VERB_IDENTIFIERS
            and self.toks[i - 1].text.islower()
            and self.kind(i + 1) == "word"
            and self.toks[i + 1].text.islower()
        ):
            return True  # "will seat 250 people", "issue 500 visas": a verb and a count
        return not (before in lx.IDENTIFIER_WORDS and self.toks[i].kind == "num")

    def model_number(self, i: int) -> bool:
        """A whole number of three digits or more used as a name: after a determiner and
        before a capitalised singular ("the new 787 Dreamliner", but "killed 150 Taliban" and
        "the 300 Marines" count), or after "the" with nothing but a verb or a stop after it
        ("the 787 will seat", "than the 787."; not "the 239 on board")."""
        text = self.toks[i].text
        if len(text) < 3 or (len(text) == 4 and 1800 <= int(text) <= 2100):
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        named = self.low(i - 1) in lx.MODEL_LEADS or self.low(i - 1).endswith(("'s", "’s"))
        if (
            named
            and nxt is not None
            and nxt.kind == "word"
            and nxt.text[:1].isupper()
            and not nxt.text.isupper()  # "120 MEUR", "40 GW": a code or a unit
            and not nxt.lower.endswith("s")
            and not self.glued(i + 1)
            and nxt.lower not in lx.MEASURES
            and nxt.lower not in lx.CURRENCY_WORDS
            and nxt.lower not in lx.NOT_MODEL_WORDS
        ):
            after = self.toks[i + 2] if i + 2 < len(self.toks) else None
            # "500 Dreamliner jets": the capitalised word qualifies a plural that is counted
            plural = after is not None and after.text.islower() and after.lower.endswith("s")
            return not plural
        return self.low(i - 1) == "the" and (nxt is None or nxt.lower in lx.AFTER_A_NAME)

    def range_end(self, j: int, first: Number, between: bool, money: bool) -> Number | None:
        """The second number of a range starting after token ``j``."""
        if j >= len(self.toks) or first.vague or first.ratio:
            return None
        word = self.low(j)
        if word in DASHES and self.glued(j) and self.low(j + 1) in _RANGE_WORDS:
            j, word = j + 1, self.low(j + 1)  # "8- to 16-meter": the first end's unit implied
        link = (
            word in DASHES
            or word in _RANGE_WORDS
            or (word == "~" and self.glued(j) and self.glued(j + 1))  # "20~100"
            or (between and word == "and")
            or (word == "or" and not first.scaled)
        )
        if not link:
            return None
        k = j + 1
        if word == "to" and self.low(k) in lx.OPERATORS:  # "from 20 to over 30" stays apart
            return None
        currency, k = self.currency_prefix(k)
        negative = word not in DASHES and self.minus(k)
        second = self.number(k + negative, money or currency is not None, second=True)
        if second is None or second.vague:
            return None
        before = self.toks[j - 1].kind
        if before == "word" and self.glued(j - 1) and self.low(j - 1) in lx.SCALE_SUFFIXES:
            before = "num"  # "5k-20k", "$2m-3m": the scale is glued to the digits
        if word in DASHES and self.toks[k].kind != before:
            return None  # "10-year", "three-4": not a range of a kind ("5k-20k" is one)
        if negative:
            second.low, second.high = -second.high, -second.low
        return second

    def unit_range(
        self, j: int, number: Number, unit: str, currency: str | None
    ) -> tuple[Number, int] | None:
        """ "44 mg to 50 mg": the range, and where it ends."""
        if not (self.low(j) in _RANGE_WORDS or self.low(j) in DASHES or self.low(j) == "and"):
            return None
        if self.low(j) == "and" and self.low(self._range_open(j)) != "between":
            return None
        second = self.range_end(j, number, True, currency is not None)
        if second is None:
            return None
        then, _kind, end, factor = self.unit(second.end, currency)
        if then != unit:
            return None
        low, high = sorted((number.low, second.low * factor))
        return Number(low, high, end, True), end

    def _range_open(self, j: int) -> int:
        """The token before the first number of the range whose link is at ``j``."""
        k = j - 1
        while k > 0 and self.kind(k) != "num":
            k -= 1
        return k - 1

    def unit(self, j: int, currency: str | None) -> tuple[str | None, str, int, float]:
        """The unit after the number ending at token ``j``: (unit, kind, end, factor), where
        ``factor`` scales the number ("30 MUSD": a million; "5 cents": a hundredth)."""
        toks = self.toks
        if currency is not None:
            after = self.phrase(j, lx.CURRENCY_WORDS)  # "$5 US dollars": same money
            end = after[1] if after and after[0] == currency else j
            return currency, "money", *self.money_scale(end)
        if j >= len(toks):
            return None, "number", j, 1.0
        word = toks[j].lower
        if word == "percentage" and self.low(j + 1) in ("point", "points"):
            return "pp", "percent", j + 2, 1.0
        if word == "%" or word in ("percent", "pct", "pc", "percents", "percentage"):
            return "%", "percent", j + 1, 1.0
        if word == "per" and self.low(j + 1) == "cent":
            return "%", "percent", j + 2, 1.0
        if toks[j].text in lx.CURRENCY_SIGNS_AFTER and self.kind(j + 1) != "num":
            return lx.CURRENCY_SYMBOLS[toks[j].text], "money", j + 1, 1.0  # "10 €", "100元"
        if word in lx.CURRENCY_CODES_AFTER and not self.glued(j):
            return lx.CURRENCY_SYMBOLS[word], "money", *self.money_scale(j + 1)
        if toks[j].text[:1] == "M" and word[1:] in lx.CURRENCY_CODES_AFTER and word.isalpha():
            return lx.CURRENCY_SYMBOLS[word[1:]], "money", j + 1, 1e6  # "30 MUSD", "120 MEUR"
        # "12-cent", "a one-yen bid", "a 3-inch", "a 29-year-old": the unit after a hyphen.
        k = j + 1 if word in DASHES and self.glued(j) and self.kind(j + 1) == "word" else j
        money = self.phrase(k, lx.CURRENCY_WORDS)
        if self.low(k) in ("pound", "pounds") and not self.weight_pounds(k):
            money = money if money and money[0] != "USD" else ("GBP", k + 1)
        elif money is not None and self.low(k).startswith("pound"):
            money = None  # "a 200-pound man": a weight
        if money is not None:
            return money[0], "money", *self.money_scale(money[1])
        if self.low(k) in lx.SUBUNITS and (self.low(k) != "p" or self.glued(k)):
            return lx.SUBUNITS[self.low(k)], "money", k + 1, lx.SUBUNIT_SHARE[self.low(k)]
        head = self.low(k).split("-")[0]
        if k != j and head != self.low(k) and head in lx.SUBUNITS:
            return lx.SUBUNITS[head], "money", k + 1, lx.SUBUNIT_SHARE[head]  # "12-cent-a-share"
        return self.measure(j, k)

    def money_rate(self, unit: str, j: int) -> tuple[str, int]:
        """ "$15 an hour", "12 cents a share", "$350 per kg", "$15.4/hour": a price per
        something ("USD/h", "USD/share") and where it ends, so that a wage is never compared
        with a salary, nor earnings per share with a profit."""
        link = self.low(j)
        if link not in ("per", "/", "a", "an"):
            return unit, j
        word = self.low(j + 1)
        if word in lx.PER_NOUNS:
            return f"{unit}/{lx.PER_NOUNS[word]}", j + 2
        per = self.phrase(j + 1, lx.MEASURES)
        if per is None or (link != "per" and self.toks[j + 1].lower in lx.SHORT_UNITS):
            return unit, j
        other, end = per
        if self.low(end) in _PAST_AFTER:
            return unit, j  # "$5 a year ago"
        return f"{unit}/{lx.RATE_TIMES.get(other, other)}", end

    def money_scale(self, j: int) -> tuple[int, float]:
        """A scale after the currency: "75 USD million"."""
        if self.low(j) in lx.SCALES:
            return j + 1, float(lx.SCALES[self.low(j)])
        return j, 1.0

    def measure(self, j: int, k: int) -> tuple[str | None, str, int, float]:
        """Ages, measures and temperatures from token ``k`` (``j``: before a hyphen)."""
        toks = self.toks
        age = self.low(k)
        if age in ("year-old", "years-old", "year-olds", "month-old", "week-old", "day-old"):
            return age.split("-")[0].rstrip("s"), "age", k + 1, 1.0
        if age in _AGE_UNITS and (
            self.low(k + 1) == "old" or [self.low(k + 1), self.low(k + 2)] == ["of", "age"]
        ):
            # "29 years old", "three weeks old", "90 day old", "3 years of age"
            return age.rstrip("s"), "age", k + 2 if self.low(k + 1) == "old" else k + 3, 1.0
        if age == "yo" and not self.glued(k):
            return "year", "age", k + 1, 1.0
        marked = self.length_mark(k)
        if marked is not None:
            return marked, "dimension", k + 1, 1.0
        # Measures, also written "3-inch" or glued "75ml", "200lbs", "40°C", or in brackets
        # after the number as tables do: "20 (kg)".
        bracket = _BRACKETS.get(self.low(k))
        measure = self.phrase(k + 1 if bracket else k, lx.MEASURES)
        if bracket and measure is not None and self.low(measure[1]) == bracket:
            return measure[0], lx.KIND_OF_UNIT.get(measure[0], "dimension"), measure[1] + 1, 1.0
        if measure is None or bracket:
            return None, "number", j, 1.0
        canonical, end = measure
        rate = self.rate(end, canonical)
        spelled = "".join(t.lower for t in toks[k:end])
        short = spelled in lx.SHORT_UNITS or spelled.rstrip(".") in lx.SHORT_UNITS
        sure = (
            self.glued(k)
            or k != j
            or self.low(end) in lx.DIMENSION_WORDS
            or toks[k].text in _SURE_SYMBOLS
            or (spelled in ("m", "mi") and self.kind(end) != "word")
            or toks[k].text == "t"  # "278,000 t": a lone lowercase t is tonnes
            or canonical in ("degC", "degF")
            or rate is not None  # "2 kb per second"
            or (self.low(end) in ("x", "×", "by") and self.kind(end + 1) == "num")  # "1 m x 2 m"
            or (spelled in ("in", "in.") and self.closes_length(k, end))  # "is 2 in."
        )
        if self.glued(end) and self.kind(end) in ("word", "num") and self.glued(k):
            return None, "number", j, 1.0  # "24703L202": a code
        if short and not sure:
            return None, "number", j, 1.0
        if rate is not None:
            canonical, end = rate
        return canonical, lx.KIND_OF_UNIT.get(canonical, "dimension"), end, 1.0

    def rate(self, j: int, unit: str) -> tuple[str, int] | None:
        """ "50 meters per millisecond", "10 l/km", "20 tonnes a year": a measure per
        another, as one unit ("m/ms", "l/km", "t/yr"); "a"/"an" only before a unit of time.
        Durations and temperatures are not rates ("two hours a day" is two hours)."""
        link = self.low(j)
        if link not in ("per", "/", "a", "an") or "/" in unit:
            return None
        if lx.KIND_OF_UNIT.get(unit, "dimension") != "dimension":
            return None
        if link == "/" and self.low(j + 1) in lx.RATE_SYMBOLS and self.glued(j + 1):
            return f"{unit}/{lx.RATE_SYMBOLS[self.low(j + 1)]}", j + 2  # "km/s"
        per = self.phrase(j + 1, lx.MEASURES)
        if per is None:
            return None
        other, end = per
        if other in lx.RATE_TIMES:
            if self.low(end) in _PAST_AFTER:
                return None  # "5 kg a year ago"
            return f"{unit}/{lx.RATE_TIMES[other]}", end
        if link in ("a", "an") or lx.KIND_OF_UNIT.get(other, "dimension") != "dimension":
            return None
        if self.toks[j + 1].lower in lx.SHORT_UNITS and link == "per":
            return None  # "5 kg per m" is rare; "10 tonnes per t" rarer than a word cut short
        return f"{unit}/{other}", end

    def length_mark(self, k: int) -> str | None:
        """`9"` (inches) and `6'2"` (feet, then inches): marks glued to the digits. A
        straight double quote closing a quotation ('"Route 66"') is not one."""
        if k >= len(self.toks) or not self.glued(k):
            return None
        mark = self.toks[k].text
        if mark in lx.INCH_MARKS:
            if mark == '"':
                line = self.text.rfind("\n", 0, self.toks[k].start) + 1
                if self.text.count('"', line, self.toks[k].start) % 2:
                    return None  # the quotation opened before it closes here
            return "in"
        if (
            mark in lx.FOOT_MARKS
            and self.kind(k + 1) == "num"
            and self.glued(k + 1)
            and self.low(k + 2) in lx.INCH_MARKS
            and self.glued(k + 2)
        ):
            return "ft"  # completed() adds the inches
        return None

    def closes_length(self, k: int, end: int) -> bool:
        """ "The plank is 9 in.": "in" ending a sentence about a length."""
        if end < len(self.toks) and self.low(end) not in (".", "!", "?", ";"):
            return False
        if self.low(k - 2) not in ("is", "was", "are", "were", "measures", "measured", "of"):
            return False  # "guards let only 40 in.": a verb's particle
        before = self.text[max(0, self.toks[k].start - 80) : self.toks[k].start].lower()
        return lx.LENGTH_WORD.search(before) is not None

    def cents_after(self, j: int, named_after: bool) -> tuple[float, int] | None:
        """ "3 dollars 50 cents", "15 dollars and 50": the cents that complete a sum of
        money. Without a sub-unit word only after a currency named in words, and only when
        the number ends the phrase (not "5 dollars and 10 people")."""
        k = j + 1 if self.low(j) == "and" else j
        if self.kind(k) not in ("num", "word"):
            return None
        cents = self.number(k, False)
        if cents is None or cents.vague or cents.ratio or cents.low != cents.high:
            return None
        if not (0 < cents.low < 100 and cents.low == int(cents.low)):
            return None
        sub = self.low(cents.end)
        if sub in ("cent", "cents", "penny", "pence", "p"):
            return cents.low * lx.SUBUNIT_SHARE[sub], cents.end + 1
        if named_after and self.kind(cents.end) not in ("word", "num"):
            return cents.low / 100, cents.end
        return None

    def celsius(self, j: int, first: int, number: Number) -> bool:
        """ "30C", "-10C": a temperature as British news writes it, not "iPhone 5C" (a name
        before it) nor "10CX" (a code); only in the range of weather and climate."""
        if not (self.toks[j].text == "C" if j < len(self.toks) else False):
            return False
        if not self.glued(j) or (self.glued(j + 1) and self.kind(j + 1) in ("word", "num")):
            return False
        before = self.toks[first - 1] if first > 0 else None
        if before is not None and before.kind == "word" and before.text[:1].isupper():
            return before.lower in ("minus", "highs", "lows", "temperatures")
        return -90 <= number.low <= 60 and number.low == number.high

    def inches_after(self, j: int) -> tuple[float, int] | None:
        """ "6 ft 1 in", "6 feet and 1 inch": the inches that complete a length in feet."""
        k = j + 1 if self.low(j) == "and" else j
        if self.kind(k) != "num":
            return None
        inches = self.measure(k, k + 1)  # after feet, a bare "in" is sure to be inches
        if inches[0] != "in":
            return None
        return number_text(self.toks[k].text) / 12, inches[2]

    def weight_pounds(self, j: int) -> bool:
        """ "200 pounds" is a weight unless money is named around it ("£", "sterling") or
        it is in millions ("361 million pounds")."""
        if self.low(j - 1) in lx.SCALES and self.low(j - 1) != "hundred":
            return False
        window = self.text[max(0, self.toks[j].start - 60) : self.toks[j].end + 30].lower()
        return not any(w in window for w in ("£", "sterling", "gbp", "paid", "cost", "worth"))


def _bounded(figure: Figure) -> Figure:
    """A bound leaves the other side of the interval open: "over one million" has no high."""
    if figure.operator in (">", ">="):
        return replace(figure, high=None)
    if figure.operator in ("<", "<="):
        return replace(figure, low=None)
    return figure


def _whole_age(number: Number) -> bool:
    """One whole number a person's age can be (1 to 119)."""
    return number.low == number.high and number.low.is_integer() and 1 <= number.low < 120


def _tidy(x: float | None) -> float | None:
    """``x`` without the noise of binary fractions: "$65.4 billion" is 65.4 x 1e9, which
    floats make 65400000000.00001. Rounded to 15 significant digits (as many as a double
    always keeps), a noisy value ends in zeros; a true fraction (a third) does not and is
    kept."""
    if x is None or not math.isfinite(x) or x.is_integer():
        return x
    short = f"{x:.15g}"
    digits = short.split("e", maxsplit=1)[0].lstrip("-").replace(".", "").strip("0")
    return float(short) if len(digits) <= 12 else x


def _year_like(text: str, number: Number) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= number.low <= 2100


def _scale_of(value: float) -> float:
    """The scale a range's second half carries ("2 to 3 million": a million)."""
    for scale in (1e12, 1e9, 1e6, 1e3):
        if abs(value) >= scale:
            return scale
    return 1.0
