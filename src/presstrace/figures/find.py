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

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..dates import TimeExpression, find_times
from . import lexicon as lx

#: Operators of the contract: "=" exact, "~" approximate, bounds otherwise.
OPERATORS = ("=", "~", ">", "<", ">=", "<=")
#: What a figure is: a plain count or number, or the kind of its unit.
KINDS = ("number", "percent", "money", "dimension", "temperature", "age", "duration")


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


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, word or sym
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
_BOUNDARY_SYMBOLS = set(',;:.!?“”"()[]—')
_BOUNDARY_WORDS = {
    "that", "which", "who", "where", "when", "but", "while", "whereas", "because", "if",
    "although", "though", "after", "before", "since", "unless",
}  # fmt: skip
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "s", "am", "pm", "a", "p"}
_DASHES = {"-", "–", "—", "‐"}
_RANGE_WORDS = {"to", "through", "thru"}
_LEFT_REACH, _RIGHT_REACH = 8, 16
#: What may stand between a figure and the phrase naming what it counts, by kind.
_LINKS = {"number": ("", "of"), "percent": ("of",), "money": ("in", "of", "worth")}
_DENOMINATORS = {2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 16.0}
_MAX_COUNTED = 6


def find_figures(text: str, times: Sequence[TimeExpression] | None = None) -> list[Figure]:
    """Every figure in ``text``, in order. ``times``: the text's time expressions, when the
    caller has them already (numbers inside dates and clock times are not figures)."""
    if times is None:
        times = find_times(text, None)
    blocked = [(t.start, t.end) for t in times if t.type != "DURATION"]
    toks = [_Tok(str(m.lastgroup), m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[Figure] = []
    i = 0
    while i < len(toks):
        result = _Scanner(text, toks).figure_at(i)
        if result is None:
            i += 1
            continue
        figure, end = result
        core = (figure.start, figure.end)
        if any(s < core[1] and core[0] < e for s, e in blocked):
            i = end
            continue
        found.append(figure)
        i = end
    return found


@dataclass
class _Number:
    low: float
    high: float  # == low for an exact number
    end: int  # token index after the number
    scaled: bool  # carries its own scale ("2 million"), shared by a range's first half
    vague: bool = False


class _Scanner:
    def __init__(self, text: str, toks: list[_Tok]) -> None:
        self.text = text
        self.toks = toks

    # --- helpers -------------------------------------------------------------------------

    def low(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < len(self.toks) else ""

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the one before it (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i].start == self.toks[i - 1].end

    def phrase(self, i: int, table: dict[str, str]) -> tuple[str, int] | None:
        """The longest entry of ``table`` spelled by the tokens from ``i``: (value, end).
        Tokens glued together are spelled without a space ("km/h", "°c", "rs.")."""
        key = ""
        best: tuple[str, int] | None = None
        for j in range(i, min(i + 6, len(self.toks))):
            tok = self.toks[j]
            if j > i and not (tok.kind == "word" or tok.text in "./$°²³"):
                break
            key += tok.lower if j == i else ("" if self.glued(j) else " ") + tok.lower
            if key in table:
                best = (table[key], j + 1)
        return best

    # --- one figure ----------------------------------------------------------------------

    def figure_at(self, i: int) -> tuple[Figure, int] | None:
        start = i
        operator, between, currency, negative, i = self.prefix(i)
        number = self.number(i, currency is not None)
        if number is None or not self.is_figure(i):
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
                number = _Number(number.low, second.high, second.end, True)
        elif between:  # "between" without a second number says nothing
            return None
        unit, kind, end = self.unit(number.end, currency)
        if unit is None and number.vague and self.low(end) == "of":
            # "hundreds of years", "millions of dollars": a vague amount of a unit.
            of_unit, of_kind, of_end = self.unit(end + 1, None)
            if of_unit is not None and of_kind != "percent":
                unit, kind, end = of_unit, of_kind, of_end
        if unit in lx.SUBUNITS.values() and self.low(end - 1) in lx.SUBUNITS:
            number.low, number.high = number.low / 100, number.high / 100
        after = self.phrase(end, lx.OPERATORS_AFTER)
        if after is not None and operator == "=":
            operator, end = after
        if number.vague and operator == "=":
            operator = "~"
        counted, counted_end = (None, end)
        if kind in _LINKS:
            counted, counted_end = self.counted(end, _LINKS[kind])
        year = _year_like(self.toks[first].text, number) and operator == "=" and unit is None
        if year and (counted is None or counted[:1].isupper()):
            return None  # "its 2021 Trafficking in Persons report": a year, not a count
        predicate, group = self.predicate(start, end, counted_end, counted)
        span = (self.toks[start].start, self.toks[end - 1].end)
        figure = Figure(
            start=span[0],
            end=span[1],
            text=self.text[span[0] : span[1]],
            value=number.low if number.low == number.high else None,
            low=number.low,
            high=number.high,
            operator=operator,
            unit=unit,
            kind=kind,
            counted=counted,
            predicate=predicate,
            key=_key(group, counted, unit, kind),
        )
        return _bounded(figure), end

    def prefix(self, i: int) -> tuple[str, bool, str | None, bool, int]:
        """What comes before the number: (operator, a range opens, currency, minus, index)."""
        toks = self.toks
        operator = "="
        op = self.phrase(i, lx.OPERATORS)
        if op is not None and op[1] < len(toks):
            operator, i = op
        between = self.low(i) in ("between", "from") and i + 1 < len(toks)
        if between:
            i += 1
        currency, i = self.currency_prefix(i)
        negative = (
            i + 1 < len(toks)
            and toks[i].text in ("-", "−")
            and toks[i + 1].kind == "num"
            and self.glued(i + 1)
            and not self.glued(i)
        ) or self.low(i) == "minus"
        return operator, between, currency, negative, i + 1 if negative else i

    def currency_prefix(self, i: int) -> tuple[str | None, int]:
        toks = self.toks
        if i >= len(toks):
            return None, i
        # "US$", "HK$", "NZ$": letters glued to a dollar sign.
        if (
            toks[i].kind == "word"
            and i + 1 < len(toks)
            and toks[i + 1].text == "$"
            and self.glued(i + 1)
            and toks[i].lower + "$" in lx.CURRENCY_SYMBOLS
        ):
            return lx.CURRENCY_SYMBOLS[toks[i].lower + "$"], i + 2
        text = toks[i].lower
        if text in lx.CURRENCY_SYMBOLS and (toks[i].kind == "sym" or text.isalpha()):
            nxt = i + 1
            if self.low(nxt) == "." and text == "rs":
                nxt += 1
            # Word codes only right before digits ("USD 5", "Rs 500", "yuan 3"), and only
            # capitalised unless a symbol.
            sure = toks[i].kind == "sym" or toks[i].text[:1].isupper() or text == "rs"
            if sure and nxt < len(toks) and toks[nxt].kind == "num":
                return lx.CURRENCY_SYMBOLS[text], nxt
        return None, i

    def number(self, i: int, money: bool, *, second: bool = False) -> _Number | None:
        toks = self.toks
        if i >= len(toks):
            return None
        tok = toks[i]
        if tok.kind == "num":
            return self.digits(i, money, second=second)
        if tok.kind == "sym" and tok.text in lx.FRACTIONS:
            return _Number(lx.FRACTIONS[tok.text], lx.FRACTIONS[tok.text], i + 1, False)
        if tok.kind == "word":
            return self.vague(i) or self.words(i)
        return None

    def digits(self, i: int, money: bool, *, second: bool = False) -> _Number | None:
        toks = self.toks
        tok = toks[i]
        value = float(tok.text.replace(",", ""))
        j = i + 1
        # A label or a code glued to letters or a dash before it: "G7", "COVID-19", "F-16".
        if self.glued(i) and toks[i - 1].kind == "word":
            return None
        dashed = self.glued(i) and toks[i - 1].text in _DASHES and self.glued(i - 1)
        if dashed and toks[i - 2].kind == "num" and not second:
            return None  # the second half of a score or a code: "80-19", "800-273-8255"
        if dashed and toks[i - 2].kind == "word" and toks[i - 2].lower not in lx.OPERATORS:
            return None
        if "," not in tok.text and len(tok.text.split(".")[0]) > 9:
            return None  # an identifier or a timestamp, not an amount
        if (
            self.low(i + 1) in _DASHES
            and self.glued(i + 1)
            and self.glued(i + 2)
            and self.low(i + 3) in _DASHES
            and self.glued(i + 3)
        ):
            return None  # a telephone number or a code: 800-273-8255
        if self.glued(i) and toks[i - 1].text in ("#", "/", ":", ".", "+"):
            return None
        if j < len(toks) and self.glued(j):
            nxt = toks[j]
            if nxt.text in (":",) and j + 1 < len(toks) and toks[j + 1].kind == "num":
                return None  # a clock time, or a verse: 18:00, 3:16
            if nxt.text == "/" and j + 1 < len(toks) and toks[j + 1].kind == "num":
                denominator = float(toks[j + 1].text.replace(",", ""))
                alone = not self.glued(j + 2) or toks[j + 2].kind != "num"  # not 11/26/2019
                whole = "." not in tok.text and "." not in toks[j + 1].text
                # Fractions as news writes them ("1/2", "3/4"), not "9/11" or "24/7".
                common = denominator in _DENOMINATORS and value < denominator
                if alone and whole and common:
                    value = value / denominator
                    return _Number(value, value, j + 2, False)
                return None
            if nxt.kind == "word" and nxt.lower in _ORDINAL_SUFFIXES:
                return None
            if nxt.kind == "sym" and nxt.text in lx.FRACTIONS:
                value += lx.FRACTIONS[nxt.text]
                j += 1
        # A fraction after a whole number: "2 1/2".
        if (
            j + 2 < len(toks)
            and toks[j].kind == "num"
            and toks[j + 1].text == "/"
            and self.glued(j + 1)
            and self.glued(j + 2)
            and toks[j + 2].kind == "num"
            and "." not in tok.text
        ):
            numerator, denominator = float(toks[j].text), float(toks[j + 2].text)
            if 0 < numerator < denominator:
                value += numerator / denominator
                j += 3
        scaled = False
        # Abbreviated scales glued on: "1.8m", "$5bn", "500k".
        if j < len(toks) and self.glued(j) and toks[j].kind == "word":
            suffix = toks[j].lower
            if suffix in lx.SCALE_SUFFIXES and self.scale_suffix(j, suffix, money):
                value *= lx.SCALE_SUFFIXES[suffix]
                j += 1
                scaled = True
        # Scale words: "2 million", "1.5 billion", "3 hundred thousand", "2 dozen".
        while j < len(toks) and toks[j].kind == "word":
            word = toks[j].lower
            if word in lx.SCALES:
                value *= lx.SCALES[word]
            elif word in ("mln", "mn", "bn", "bln", "tn") or (word == "m" and money):
                value *= lx.SCALE_SUFFIXES[word]
            elif word == "dozen":
                value *= 12
            else:
                break
            scaled = True
            j += 1
        return _Number(value, value, j, scaled)

    def scale_suffix(self, j: int, suffix: str, money: bool) -> bool:
        """Is the letter after the digits a scale ("1.8m people", "$5bn") rather than a unit
        ("a 2m wall", "100m in 9.58 seconds")?"""
        if suffix not in ("m", "b", "k"):
            return True
        if money:
            return True
        if suffix in ("b", "k"):
            return False
        after = self.low(j + 1)
        if not after or self.toks[j + 1].kind != "word":
            return False
        return after not in lx.DIMENSION_WORDS and after not in ("and", "or", "to")

    def vague(self, i: int) -> _Number | None:
        """Vague amounts: "hundreds of thousands", "tens of millions", "thousands",
        "several hundred", "a few thousand", "dozens"."""
        word = self.low(i)
        nxt, after = self.low(i + 1), self.low(i + 2)
        if word in ("tens", "hundreds", "dozens") and nxt == "of" and after in lx.VAGUE_PLURALS:
            mult = lx.VAGUE_MULTIPLIERS[word + " of"]
            order = lx.VAGUE_PLURALS[after][0]
            return _Number(mult[0] * order, (mult[1] + 1) * order - 1, i + 3, True, True)
        if word in lx.VAGUE_PLURALS:
            if self.toks[i].text[:1].isupper() and i > 0 and not self._sentence_start(i):
                return None  # "the Thousands" in a name
            low, high = lx.VAGUE_PLURALS[word]
            return _Number(low, high, i + 1, True, True)
        for phrase in ("a couple of", "a couple", "a few", "several", "few", "many"):
            words = phrase.split()
            if [self.low(i + k) for k in range(len(words))] == words:
                j = i + len(words)
                scale = 1.0
                k = j
                while self.low(k) in lx.SCALES or self.low(k) == "dozen":
                    scale *= lx.SCALES.get(self.low(k), 12)
                    k += 1
                if k == j:
                    return None  # "several people": no number
                mult = lx.VAGUE_MULTIPLIERS[phrase]
                return _Number(mult[0] * scale, mult[1] * scale, k, True, True)
        return None

    def words(self, i: int) -> _Number | None:
        """Number words: "two million", "twenty-five", "one hundred and twenty", "a dozen",
        "one and a half million", "half a million"."""
        toks = self.toks
        total, current = 0.0, 0.0
        j = i
        last = ""  # what the previous word was: unit, tens, hundred, scale
        while j < len(toks) and toks[j].kind == "word":
            word = toks[j].lower
            small = _small_number(word)
            if small is not None:
                if last == "unit" or (last == "tens" and small[0] >= 10):
                    break  # "five six", "twenty thirty": two numbers
                current += small[0]
                last = "tens" if small[1] else "unit"
            elif word in ("a", "an") and not last and self.low(j + 1) in {*lx.SCALES, "dozen"}:
                current += 1
                last = "a"
            elif word == "hundred" and last in ("", "unit", "tens", "a", "scale"):
                current = (current or 1) * 100
                last = "hundred"
            elif word in lx.SCALES and word != "hundred" and last:
                total += (current or 1) * lx.SCALES[word]
                current = 0.0
                last = "scale"
            elif word == "dozen" and last in ("a", "unit", "tens"):
                current = (current or 1) * 12
                last = "hundred"
            elif word == "and" and last and [self.low(j + 1), self.low(j + 2)] == ["a", "half"]:
                current += 0.5
                j += 3
                last = "unit"
                continue
            elif (
                word == "and"
                and last in ("hundred", "scale")
                and self.low(j + 1).split("-")[0] in lx.UNITS_WORDS
            ):
                j += 1
                continue
            elif word == "half" and not last and self.low(j + 1) in ("a", "an"):
                if self.low(j + 2) not in lx.SCALES:
                    break
                total += 0.5 * lx.SCALES[self.low(j + 2)]
                j += 3
                last = "scale"
                continue
            else:
                break
            j += 1
        if j == i or last == "a":
            return None
        value = total + current
        if j == i + 1 and self.low(i) == "one" and not self.counts_one(i):
            return None
        scaled = last == "scale" or any(self.low(k) in lx.SCALES for k in range(i, j))
        return _Number(value, value, j, scaled)

    def counts_one(self, i: int) -> bool:
        """ "one" as a count ("one person", "one in three") rather than a pronoun."""
        before, after = self.low(i - 1), self.low(i + 1)
        if before in lx.ONE_BEFORE or after in lx.ONE_AFTER:
            return False
        # Not "the only one.", "one, two".
        return i + 1 < len(self.toks) and self.toks[i + 1].kind == "word"

    def is_figure(self, i: int) -> bool:
        """Not a label: "Article 23", "No. 10", "Windows 10"."""
        before = self.low(i - 1)
        if before == "." and self.low(i - 2) in ("no", "nos", "art", "sec", "vol", "fig", "p"):
            return False
        return not (before in lx.IDENTIFIER_WORDS and self.toks[i].kind == "num")

    def _sentence_start(self, i: int) -> bool:
        return (
            i == 0
            or self.toks[i - 1].text in '.!?\n“"'
            or "\n" in self.text[self.toks[i - 1].end : self.toks[i].start]
        )

    def range_end(self, j: int, first: _Number, between: bool, money: bool) -> _Number | None:
        """The second number of a range starting after token ``j``."""
        if j >= len(self.toks) or first.vague:
            return None
        word = self.low(j)
        link = (
            word in _DASHES
            or word in _RANGE_WORDS
            or (between and word == "and")
            or (word == "or" and not first.scaled)
        )
        if not link:
            return None
        k = j + 1
        if word == "to" and self.low(k) in lx.OPERATORS:  # "from 20 to over 30" stays apart
            return None
        currency, k = self.currency_prefix(k)
        second = self.number(k, money or currency is not None, second=True)
        if second is None or second.vague:
            return None
        if word in _DASHES and self.toks[k].kind != self.toks[j - 1].kind:
            return None  # "10-year", "three-4": not a range of a kind
        return second

    def unit(self, j: int, currency: str | None) -> tuple[str | None, str, int]:
        """The unit after the number ending at token ``j``: (unit, kind, end)."""
        toks = self.toks
        if currency is not None:
            after = self.phrase(j, lx.CURRENCY_WORDS)  # "$5 US dollars": same money
            return currency, "money", after[1] if after and after[0] == currency else j
        if j >= len(toks):
            return None, "number", j
        word = toks[j].lower
        if word == "%" or word in ("percent", "pct", "pc"):
            return "%", "percent", j + 1
        if word == "per" and self.low(j + 1) == "cent":
            return "%", "percent", j + 2
        if word == "percentage" and self.low(j + 1) in ("point", "points"):
            return "pp", "percent", j + 2
        if word in lx.CURRENCY_CODES_AFTER and toks[j].text.isupper():
            return lx.CURRENCY_SYMBOLS[word], "money", j + 1
        money = self.phrase(j, lx.CURRENCY_WORDS)
        if money is not None and not (word.startswith("pound") and self.weight_pounds(j)):
            return money[0], "money", money[1]
        if word in lx.SUBUNITS and (word != "p" or self.glued(j)):
            return lx.SUBUNITS[word], "money", j + 1
        # Ages: "29 years old", "a 29-year-old", "five months old".
        k = j + 1 if word in _DASHES and self.glued(j) else j
        age = self.low(k)
        if age in ("year-old", "years-old", "year-olds", "month-old", "week-old", "day-old"):
            return age.split("-")[0].rstrip("s"), "age", k + 1
        if age in ("year", "years", "month", "months") and self.low(k + 1) == "old":
            return age.rstrip("s"), "age", k + 2
        # Measures, also written "3-inch" or glued "75ml", "200lbs", "40°C".
        measure = self.phrase(k, lx.MEASURES)
        if measure is not None:
            canonical, end = measure
            spelled = "".join(t.lower for t in toks[k:end])
            short = spelled in lx.SHORT_UNITS or spelled.rstrip(".") in lx.SHORT_UNITS
            sure = self.glued(k) or k != j or self.low(end) in lx.DIMENSION_WORDS
            if canonical == "deg" and self.low(end) in ("c", "f") and self.glued(end):
                canonical, end = ("degC" if self.low(end) == "c" else "degF"), end + 1
            if not short or sure or (canonical in ("degC", "degF") and spelled.startswith("°")):
                kind = lx.KIND_OF_UNIT.get(canonical, "dimension")
                if canonical == "deg":
                    kind = "dimension"
                return canonical, kind, end
        return None, "number", j

    def weight_pounds(self, j: int) -> bool:
        """ "200 pounds" is a weight unless money is named around it ("£", "sterling")."""
        window = self.text[max(0, self.toks[j].start - 60) : self.toks[j].end + 30].lower()
        return not any(w in window for w in ("£", "sterling", "gbp", "paid", "cost", "worth"))

    def counted(self, j: int, links: tuple[str, ...]) -> tuple[str | None, int]:
        """The noun phrase after a figure that says what it counts or measures: ("Uyghur
        Muslims", end). ``links``: the words that must come first ("40% of voters", "$5bn in
        aid"); an empty string among them lets the phrase follow at once ("28 companies")."""
        toks = self.toks
        k = j
        if self.low(k) in links:
            k += 1
            if self.low(k) in ("them", "us", "those", "these", "whom", "which", "it"):
                return None, j
            if self.low(k) in ("the", "its", "their", "his", "her", "our"):
                k += 1
        elif "" not in links:
            return None, j
        words: list[_Tok] = []
        while k < len(toks) and len(words) < _MAX_COUNTED:
            tok = toks[k]
            if tok.kind != "word":
                break
            word = tok.lower
            if word == "and" and words:
                nxt = self.low(k + 1)
                if (
                    k + 1 < len(toks)
                    and toks[k + 1].kind == "word"
                    and nxt not in lx.COUNTED_STOP
                    and nxt not in ("other", "another", "more", "many", "several")
                    and not _verb_like(toks[k + 1].text, first=False)
                ):
                    words.append(tok)
                    k += 1
                    continue
                break
            if word in lx.COUNTED_STOP or word in lx.SCALES or word in lx.VAGUE_PLURALS:
                break
            if _verb_like(tok.text, first=not words) and not self.modifier(k):
                break
            if "'" in word or "’" in word:
                break  # "he’s", "Ohio’s": a clause or a possessor, not the thing counted
            words.append(tok)
            k += 1
            # A plural or a noun of people ends the phrase, unless another plural follows
            # ("human rights activists"): "1.8m people saw it", "28 companies voicing".
            if _plural(tok.text) and not (
                k < len(toks) and (_plural(toks[k].text) or toks[k].lower == "and")
            ):
                break
        if not words:
            return None, j
        return self.text[words[0].start : words[-1].end], k

    def modifier(self, k: int) -> bool:
        """A gerund or participle that modifies the next word ("vote counting systems",
        "armed men") rather than a verb ending the phrase ("2,000 people living in")."""
        nxt = self.low(k + 1)
        return (
            k + 1 < len(self.toks)
            and self.toks[k + 1].kind == "word"
            and nxt not in lx.COUNTED_STOP
            and not _verb_like(self.toks[k + 1].text, first=False)
        )

    def predicate(
        self, start: int, end: int, counted_end: int, counted: str | None
    ) -> tuple[str | None, str | None]:
        """The predicate of the clause around the figure: (as written, group)."""
        best: tuple[int, str, str] | None = None  # (distance, written, group)
        # Left of the figure, back to the clause boundary.
        k, distance = start - 1, 1
        while k >= 0 and distance <= _LEFT_REACH and not self._boundary(k):
            hit = self._predicate_at(k, back=True)
            if hit is not None:
                best = (distance, *hit)
                break
            k -= 1
            distance += 1
        k, distance = counted_end, 1
        while k < len(self.toks) and distance <= _RIGHT_REACH and not self._boundary(k):
            if best is not None and distance >= best[0]:
                break
            hit = self._predicate_at(k, back=False)
            if hit is not None:
                best = (distance, *hit)
                break
            k += 1
            distance += 1
        if best is None:
            return None, None
        return best[1], best[2]

    def _boundary(self, k: int) -> bool:
        tok = self.toks[k]
        return (tok.kind == "sym" and tok.text in _BOUNDARY_SYMBOLS) or (
            tok.lower in _BOUNDARY_WORDS
        )

    def _predicate_at(self, k: int, *, back: bool) -> tuple[str, str] | None:
        """A predicate phrase ending (``back``) or starting at token ``k``."""
        for size in range(lx.PREDICATE_MAX_WORDS, 0, -1):
            first = k - size + 1 if back else k
            if first < 0 or first + size > len(self.toks):
                continue
            toks = self.toks[first : first + size]
            if any(t.kind != "word" for t in toks):
                continue
            phrase = " ".join(t.lower for t in toks)
            if phrase in lx.PREDICATES:
                return self.text[toks[0].start : toks[-1].end], lx.PREDICATES[phrase]
        return None


def _small_number(word: str) -> tuple[float, bool] | None:
    """ "seven" -> (7, False), "twenty" -> (20, True: a tens word), "twenty-five" -> (25,
    False); None for anything else."""
    parts = word.split("-")
    if len(parts) > 2 or not all(p in lx.UNITS_WORDS for p in parts):
        return None
    if len(parts) == 2:
        tens, ones = lx.UNITS_WORDS[parts[0]], lx.UNITS_WORDS[parts[1]]
        if not (tens >= 20 and tens % 10 == 0 and 0 < ones < 10):
            return None
        return float(tens + ones), False
    value = lx.UNITS_WORDS[word]
    return float(value), value >= 20 and value % 10 == 0


def _bounded(figure: Figure) -> Figure:
    """A bound leaves the other side of the interval open: "over one million" has no high."""
    if figure.operator in (">", ">="):
        return replace(figure, high=None)
    if figure.operator in ("<", "<="):
        return replace(figure, low=None)
    return figure


def _year_like(text: str, number: _Number) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= number.low <= 2100


def _scale_of(value: float) -> float:
    """The scale a range's second half carries ("2 to 3 million": a million)."""
    for scale in (1e12, 1e9, 1e6, 1e3):
        if abs(value) >= scale:
            return scale
    return 1.0


def _verb_like(word: str, *, first: bool) -> bool:
    """A word that ends a noun phrase: a past participle or a gerund after the first word
    ("28 companies blacklisted", "2,000 people living"). Capitalised words are names."""
    if word[:1].isupper():
        return False
    if word.endswith("ed") and len(word) > 4:
        return True
    return word.endswith("ing") and len(word) > 5 and not first


def _plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in lx.PEOPLE or lowered in ("men", "women", "children", "people", "police"):
        return True
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


def _counted_class(counted: str) -> str:
    """What kind of thing is counted, for comparing figures: "people" for any noun of people or
    a capitalised group name (Uyghurs, Muslims), else the head noun in the singular."""
    head = counted.rsplit(maxsplit=1)[-1]
    lowered = head.lower().replace("’", "'")
    if lowered in lx.PEOPLE or (head[:1].isupper() and lowered.endswith("s")):
        return "people"
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("ches", "shes", "sses", "xes")):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def _key(group: str | None, counted: str | None, unit: str | None, kind: str) -> str | None:
    """The quantity key: what is done (predicate group) to what (counted class, with the
    unit for money and percentages)."""
    if counted is None:
        return None  # "$2.3 million" alone: what the money is, the text does not say here
    prefix = f"{unit}:" if kind in ("money", "percent") else ""
    counted_class = _counted_class(counted)
    if group is None:
        # No predicate: only a specific thing counted is worth comparing ("1,200 internment
        # camps", "three steel support beams"), keyed by its last two words.
        words = counted.lower().split()
        if len(words) < 2 or counted_class == "people":
            return None
        return f"count|{prefix}{words[-2]} {counted_class}"
    return f"{group}|{prefix}{counted_class}"
