"""Scoring of number and quantity extraction: value F1 and value+unit F1, after CQE.

Everything here works on character offsets (end exclusive) into one case's text and knows
nothing of presstrace or quantulum3, so the tests can build tiny cases by hand. Each case is
scored on its own into counts, and the counts are summed over cases before P, R and F1 are taken
(micro average).

Gold quantities and their readings
==================================

A gold quantity (``Gold``) has a span and one or more acceptable *readings* (``Reading``); a
prediction is right when it fits any of them. A reading has a shape:

- ``point``: a number (Recognizers-Text NumberModel / PercentModel / NumberWithUnit, quantulum3).
  The predicted ``value`` must equal it; the operator is not looked at (the gold has none, so
  "more than 20" predicted as ``> 20`` is right for a gold 20).
- ``exact``: a NumberRangeModel interval with equal ends, ``[20,20]`` ("equals 20"): value 20 and
  an operator ``=`` or ``~``.
- ``range``: two finite ends, ``[20,30)``, ``(10,15)``: the predicted ``low`` and ``high``
  (in either order) must equal the ends. Whether an end is open is not looked at:
  Recognizers-Text writes every "between 20 and 30" / "20-30" half-open, where a reader takes
  both ends as allowed.
- ``lower`` / ``upper``: one open side, ``(20,)`` "more than 20", ``[30,)`` "at least 30",
  ``(,100]`` "up to 100": the bound (``value``, else ``low`` resp. ``high``) must equal it and
  the operator must point the same way (``>``/``>=`` for a lower bound, ``<``/``<=`` for an upper
  one). Inclusiveness is not required; how often it is also right (``>`` for ``(``, ``>=`` for
  ``[``) is counted apart (``bounds_inclusive`` of ``bounds``).

Numbers are equal within a relative tolerance of 1e-6 (absolute 1e-12 near zero).

quantulum3's gold writes a range as its midpoint with an ``uncertainty`` (half the width, "3 to
4 L" = 3.5 ± 0.5); such a gold has two readings, the midpoint and the range value ± uncertainty.

Units
=====

Gold unit names are mapped to canonical units (presstrace's: ``%``, ISO 4217 codes, ``km``,
``degC``, ``year`` ...; ``None`` for a plain number) through ``UNIT_NAMES``, looked up
casefolded, first in the table of the data set's context (``currency``: "Pound" is GBP;
``temperature``: "C", "F" and a bare "Degree"; ``age``: "Age"), then in the general table
(where "pound" is a weight). A mapping may accept several units (a bare "Franc" any franc; a
Recognizers "Ton", used for "tonnes" and "100t" as well, ``ton`` or ``t``; an unspecified
temperature "Degree" ``deg``, ``degC`` or ``degF``) and may scale the value: a sub-unit is
converted to its currency ("50 cents" = 0.50 USD, pence and pennies GBP, a dime 0.10 USD, a
satoshi 1e-8 BTC; "a dozen" = 12). Such a gold also keeps its raw number as a reading with no
right unit, so the value alone may still be right. A gold unit missing from the table is
*unmapped*: no prediction can get its unit right (it is reported, never guessed). Gold units from
Recognizers-Text's ``isoCurrency`` are taken as they are.

Predictions of a baseline go through the same table (first unit of a mapping, value scaled);
a predicted unit name the table lacks becomes ``"?" + name``, which matches nothing.

Matching and counts
===================

A gold quantity and a prediction are a candidate pair when their spans share a character.
Pairs are matched one to one, greedily, best first: value+unit right, then value right, then
more characters shared, then text order. Then, per case:

- ``gold``: gold quantities; ``span``: those matched; ``value`` / ``value_unit``: matched with
  the value right / value and unit right;
- ``predicted``: matched predictions plus the unmatched ones the data set counts. What is
  counted depends on what its gold lists (``counted``): all predictions for Recognizers
  Number sets and quantulum3 (dimensionless gold included); for Recognizers NumberWithUnit sets,
  whose gold lists only quantities with a unit, only predictions with a unit
  (``carries_unit``), and for Currency only money (``is_money``). Of those, the ones not of
  the kind the set lists (a duration or a percentage in a Dimension case: ``own``) are also
  counted apart (``spurious_other_kind``), for a reader who would leave them out;
- gold quantities without a value (Recognizers' "percentage" alone, "the dollar", a bare
  "fahrenheit") are dropped; an unmatched prediction overlapping one is ignored, neither right
  nor wrong (``ignored``).

P = right / predicted, R = right / gold, F1 their harmonic mean, for ``value`` and
``value_unit`` (and ``span``, detection alone).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

Offsets = tuple[int, int]

REL_TOL = 1e-6
ABS_TOL = 1e-12
EXACT_OPS = ("=", "~")
LOWER_OPS = (">", ">=")
UPPER_OPS = ("<", "<=")
SHAPES = ("point", "exact", "range", "lower", "upper")
UNMAPPED_PREFIX = "?"

#: Canonical unit(s) and factor: ``UNIT[,UNIT...][*FACTOR]: name | name ...``; ``-`` is no unit
#: (a plain number). Names are matched casefolded with whitespace collapsed.
_GENERAL = """
-: dimensionless | count | number
-*12: dozen
-*13: baker's dozen
-*144: gross
%: percent | percentage | per cent | pct
USD: dollar | dollars | us dollar | u.s. dollar | united states dollar | american dollar
USD*0.01: cent | cents
USD*0.1: dime
GBP: pound sterling | british pound | sterling | uk pound
GBP*0.01: penny | pence | pennies
EUR: euro | euros
JPY: japanese yen | yen
CNY: chinese yuan | yuan | renminbi
INR: indian rupee
CAD: canadian dollar
AUD: australian dollar
HKD: hong kong dollar
NZD: new zealand dollar
SGD: singapore dollar
CHF: swiss franc
CHF,FRF,BEF,LUF,XOF,XAF: franc
INR,PKR,LKR,NPR: rupee
TRY: turkish lira | lira
MXN: mexican peso
BRL: brazilian real
RUB: russian ruble | russian rouble | ruble | rouble
KRW: south korean won | korean won
ZAR: south african rand
SEK: swedish krona
NOK: norwegian krone
DKK: danish krone
PLN: polish zloty | zloty
ILS: israeli new shekel | shekel
SAR: saudi riyal | riyal
AED: uae dirham | dirham
NGN: nigerian naira | naira
EGP: egyptian pound
PKR: pakistani rupee
PHP: philippine peso
TWD: new taiwan dollar
THB: thai baht | baht
IDR: indonesian rupiah | rupiah
MYR: malaysian ringgit | ringgit
CRC: costa rican colón | costa rican colon
GEL: georgian lari
LAK: lao kip
LKR: sri lankan rupee
FIM: finnish markka | markka
ESP: peseta | spanish peseta
NLG: netherlands guilder | dutch guilder
DEM: deutsche mark | german mark
FRF: french franc
BTC: bitcoin
BTC*1e-8: satoshi
m: metre | meter
km: kilometre | kilometer
cm: centimetre | centimeter
mm: millimetre | millimeter
dm: decimetre | decimeter
um: micrometre | micrometer | micron
nm: nanometre | nanometer
pm: picometre | picometer
mi: mile
nmi: nautical mile
ft: foot | feet
in: inch
yd: yard
m2: square metre | square meter
km2: square kilometre | square kilometer
cm2: square centimetre | square centimeter
ft2: square foot
in2: square inch
yd2: square yard
mi2: square mile
acre: acre
ha: hectare
l: litre | liter
ml: millilitre | milliliter | cubic centimetre | cubic centimeter
cl: centilitre | centiliter
dl: decilitre | deciliter
gal: gallon
bbl: barrel
cup: cup
tbsp: tablespoon
tsp: teaspoon
pt: pint
qt: quart
floz: fluid ounce
ft3: cubic foot
in3: cubic inch
yd3: cubic yard
m3: cubic metre | cubic meter
km3: cubic kilometre | cubic kilometer
mi3: cubic mile
kg: kilogram
g: gram
mg: milligram
ug: microgram
lb: pound | pound-mass
oz: ounce
dr: dram | drachm
t: tonne | metric ton | metric tonne
ton: short ton
ton,t: ton
km/h: kilometre per hour | kilometer per hour
mph: mile per hour
m/s: metre per second | meter per second
kn: knot
m/ms: meter per millisecond | metre per millisecond
cm/ms: centimeter per millisecond | centimetre per millisecond
km/ms: kilometer per millisecond | kilometre per millisecond
degC: degree celsius | celsius
degF: degree fahrenheit | fahrenheit
K: kelvin
deg: degree | degree angle
rad: radian
turn: turn
arcmin: minute of arc | arcminute
arcsec: second of arc | arcsecond
year: year
year*10: decade
year*100: century
year*1000: millennium | kiloyear
year*1e6: megayear
year*1e9: gigayear
month: month
week: week
week*2: fortnight
day: day
hour: hour
minute: minute
second: second
ms: millisecond
bit: bit
kbit: kilobit
Mbit: megabit
Gbit: gigabit
B: byte
KB: kilobyte
MB: megabyte
GB: gigabyte
TB: terabyte
PB: petabyte
EB: exabyte
KiB: kibibyte
MiB: mebibyte | mibibyte
GiB: gibibyte
bit/s: bit per second
kbit/s: kilobit per second
Mbit/s: megabit per second
W: watt
kW: kilowatt
MW: megawatt
GW: gigawatt
Wh: watt hour
kWh: kilowatt hour
MWh: megawatt hour
J: joule
kJ: kilojoule
cal: calorie
kcal: kilocalorie
eV: electronvolt
TeV: teraelectronvolt
Btu: british thermal unit
V: volt
A: ampere
Hz: hertz
kHz: kilohertz
MHz: megahertz
GHz: gigahertz
Pa: pascal
bar: bar
psi: pound per square inch
Gy: gray
mGy: milligray
"""
_CONTEXTS = {
    "currency": """
GBP: pound
""",
    "temperature": """
degC: c | centigrade
degF: f
deg,degC,degF: degree
""",
    "age": """
year: age
""",
}


@dataclass(frozen=True)
class UnitMap:
    units: tuple[str | None, ...]  # acceptable canonical units; a prediction gets the first
    factor: float = 1.0


def normalise_unit_name(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()


def _table(text: str) -> dict[str, UnitMap]:
    table: dict[str, UnitMap] = {}
    for line in text.strip().splitlines():
        head, names = line.split(":", 1)
        units, _, factor = head.partition("*")
        mapped = UnitMap(
            tuple(None if u == "-" else u for u in units.split(",")),
            float(factor) if factor else 1.0,
        )
        for name in names.split("|"):
            table[normalise_unit_name(name)] = mapped
    return table


UNIT_NAMES = _table(_GENERAL)
CONTEXT_UNIT_NAMES = {context: _table(text) for context, text in _CONTEXTS.items()}
#: Every canonical unit a mapping can give.
CANONICAL_UNITS = frozenset(
    u for t in (UNIT_NAMES, *CONTEXT_UNIT_NAMES.values()) for m in t.values() for u in m.units
)


def map_unit(name: str | None, context: str | None = None) -> UnitMap | None:
    """The canonical unit(s) of a unit name; ``None`` when the table lacks it."""
    if name is None:
        return UnitMap((None,))
    key = normalise_unit_name(name)
    local = CONTEXT_UNIT_NAMES.get(context or "", {})
    return local.get(key) or UNIT_NAMES.get(key)


@dataclass(frozen=True)
class Reading:
    shape: str  # one of SHAPES
    low: float | None  # the number (point, exact), the lower end (range, lower)
    high: float | None  # the upper end (range, upper); == low for point and exact
    units: tuple[str | None, ...] | None  # acceptable units; None: unmapped, no unit is right
    inclusive: bool = True  # a bound's end is closed: "[30,)" (at least), not "(30,)"

    def describe(self) -> str:
        unit = "?" if self.units is None else "/".join(u or "-" for u in self.units)
        if self.shape == "range":
            number = f"{_num(self.low)}..{_num(self.high)}"
        elif self.shape == "lower":
            number = (">=" if self.inclusive else ">") + _num(self.low)
        elif self.shape == "upper":
            number = ("<=" if self.inclusive else "<") + _num(self.high)
        else:
            number = ("=" if self.shape == "exact" else "") + _num(self.low)
        return f"{number} {unit}"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int  # end exclusive
    text: str
    readings: tuple[Reading, ...]
    unit_name: str | None = None  # the unit as the data set writes it

    @property
    def mapped(self) -> bool:
        return self.readings[0].units is not None

    def describe(self) -> str:
        readings = " | ".join(r.describe() for r in self.readings)
        return f"{self.text!r} {readings}" + (f" ({self.unit_name})" if self.unit_name else "")


@dataclass(frozen=True)
class Pred:
    start: int
    end: int  # end exclusive
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    operator: str = "="
    unit: str | None = None
    kind: str = "number"

    def describe(self) -> str:
        value = self.value
        number = _num(value) if value is not None else f"{_num(self.low)}..{_num(self.high)}"
        op = "" if self.operator == "=" else self.operator
        return f"{self.text!r} {op}{number} {self.unit or '-'} [{self.kind}]"


def _num(x: float | None) -> str:
    return "None" if x is None else f"{x:.10g}"


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def value_right(reading: Reading, pred: Pred) -> bool:
    if reading.shape == "point":
        return close(pred.value, reading.low)
    if reading.shape == "exact":
        return close(pred.value, reading.low) and pred.operator in EXACT_OPS
    if reading.shape == "range":
        if pred.low is None or pred.high is None:
            return False
        low, high = sorted((pred.low, pred.high))
        return close(low, reading.low) and close(high, reading.high)
    if reading.shape == "lower":
        bound = pred.value if pred.value is not None else pred.low
        return close(bound, reading.low) and pred.operator in LOWER_OPS
    if reading.shape == "upper":
        bound = pred.value if pred.value is not None else pred.high
        return close(bound, reading.high) and pred.operator in UPPER_OPS
    raise ValueError(f"unknown reading shape {reading.shape!r}")


def unit_right(reading: Reading, pred: Pred) -> bool:
    return reading.units is not None and pred.unit in reading.units


def judge(gold: Gold, pred: Pred) -> tuple[bool, bool]:
    """(value right, value and unit right) of a prediction for a gold quantity."""
    values = [r for r in gold.readings if value_right(r, pred)]
    return bool(values), any(unit_right(r, pred) for r in values)


# What a data set counts towards precision among unmatched predictions.
Counted = Callable[[Pred], bool]


def counts_all(pred: Pred) -> bool:
    return True


def carries_unit(pred: Pred) -> bool:
    return pred.unit is not None


def is_money(pred: Pred) -> bool:
    return pred.kind == "money"


AGE_UNITS = frozenset({"year", "month", "week", "day"})


def is_age(pred: Pred) -> bool:
    return pred.unit in AGE_UNITS


def is_dimension(pred: Pred) -> bool:
    return pred.kind == "dimension"


def is_temperature(pred: Pred) -> bool:
    return pred.kind == "temperature"


def overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: Sequence[Gold], preds: Sequence[Pred]) -> dict[int, int]:
    """One-to-one matching, gold index -> prediction index, best pairs first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(preds):
            shared = overlap((g.start, g.end), (p.start, p.end))
            if shared:
                value, both = judge(g, p)
                pairs.append((-both, -value, -shared, i, j))
    pairs.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    span: int = 0
    value: int = 0
    value_unit: int = 0
    bounds: int = 0  # value-right matches of a one-sided gold bound
    bounds_inclusive: int = 0  # ... whose operator also has the gold's inclusiveness
    ignored: int = 0  # unmatched predictions on a gold quantity without a value
    #: Counted unmatched predictions not of the kind the data set lists (``own``): a duration
    #: or a sum of money in a DimensionModel case. Included in ``predicted``; shown apart.
    spurious_other_kind: int = 0
    gold_unmapped: int = 0  # gold quantities whose unit the table lacks

    def __iadd__(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def prf(self, right: int) -> tuple[float, float, float]:
        p = right / self.predicted if self.predicted else 0.0
        r = right / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("span", "value", "value_unit"):
            p, r, f1 = self.prf(getattr(self, name))
            out |= {f"{name}_p": round(p, 4), f"{name}_r": round(r, 4), f"{name}_f1": round(f1, 4)}
        return out


@dataclass(frozen=True)
class Outcome:
    kind: str  # "missed", "value", "unit" (value right, unit wrong), "spurious"
    gold: Gold | None
    pred: Pred | None


def score_case(
    gold: Sequence[Gold],
    preds: Sequence[Pred],
    counted: Counted = counts_all,
    ignore: Iterable[Offsets] = (),
    own: Counted | None = None,
) -> tuple[Counts, list[Outcome]]:
    """Counts and mistakes of one case (``ignore``: spans of gold quantities without a value;
    ``own``: the kind of prediction the data set lists, to count the others apart)."""
    pairs = match(gold, preds)
    c = Counts(gold=len(gold), gold_unmapped=sum(not g.mapped for g in gold))
    mistakes: list[Outcome] = []
    for i, g in enumerate(gold):
        if i not in pairs:
            mistakes.append(Outcome("missed", g, None))
            continue
        p = preds[pairs[i]]
        value, both = judge(g, p)
        c.span += 1
        c.value += value
        c.value_unit += both
        if not value:
            mistakes.append(Outcome("value", g, p))
        elif not both:
            mistakes.append(Outcome("unit", g, p))
        bound = [r for r in g.readings if r.shape in ("lower", "upper") and value_right(r, p)]
        if bound:
            c.bounds += 1
            c.bounds_inclusive += p.operator.endswith("=") == bound[0].inclusive
    c.predicted = len(pairs)
    skip = list(ignore)
    for j in sorted(set(range(len(preds))) - set(pairs.values())):
        p = preds[j]
        if any(overlap((p.start, p.end), s) for s in skip):
            c.ignored += 1
        elif counted(p):
            c.predicted += 1
            c.spurious_other_kind += own is not None and not own(p)
            mistakes.append(Outcome("spurious", None, p))
    return c, mistakes


# What the gap is made of ------------------------------------------------------------------

# Numbers presstrace leaves out on purpose, because in news they are not figures: the parts of
# an IP address, a phone number or a date written in digits, and a year (a date, found by the
# time stage). The gold of these sets lists them; the breakdown below says how much of the gap
# they make up.
_NOT_FIGURES = (
    ("IP address", re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")),
    ("phone number", re.compile(r"\+\d{1,3}(?:[-/ ]\d{2,4}){2,}|\b\d{3}-\d{3,4}-\d{4}\b")),
    ("date in digits", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")),
    ("year", re.compile(r"(?<![\d.,$])\b(?:1[89]|20)\d\d(?:s\b|(?![\d%]|[.,]\d))")),
)


def left_out_by_design(text: str, gold: Gold) -> str | None:
    """The kind of non-figure a gold quantity sits in, if it is one presstrace skips."""
    # a year is a plain number of four digits, without a unit ("1987 metres" is a length)
    year = gold.text.strip().rstrip("s").isdigit() and not any(gold.readings[0].units or ())
    for name, pattern in _NOT_FIGURES:
        if name == "year" and not year:
            continue
        if any(m.start() <= gold.start and gold.end <= m.end() for m in pattern.finditer(text)):
            return name
    return None


def design_gap(c: Counts, units: Counts, design: Counter[str], unmapped: int) -> dict[str, Any]:
    """How far the headline scores could go without changing what presstrace is for: value F1
    over all sets if the numbers left out by design were read as the gold has them (a miss
    becomes a right prediction, a misreading a right one); value+unit F1 over the unit sets if
    every right value whose gold unit the table lacks had its unit right; each then also
    without counting predictions of another kind than a unit set lists."""
    missed = sum(n for k, n in design.items() if k.startswith("missed"))
    right, predicted = c.value + design.total(), c.predicted + missed
    both = units.value_unit + unmapped

    def f1(hits: int, gold: int, pred: int) -> float:
        return round(2 * hits / (gold + pred), 4)

    return {
        "mistakes": dict(sorted(design.items())),
        "unit_unmapped_value_right": unmapped,
        "value_f1_if_read": f1(right, c.gold, predicted),
        "value_f1_if_read_other_kinds_not_counted": f1(
            right, c.gold, predicted - c.spurious_other_kind
        ),
        "value_unit_f1_if_mapped": f1(both, units.gold, units.predicted),
        "value_unit_f1_if_mapped_other_kinds_not_counted": f1(
            both, units.gold, units.predicted - units.spurious_other_kind
        ),
    }


# Gold from the data sets ------------------------------------------------------------------

_INTERVAL = re.compile(r"([\[(])\s*([^,\s]*)\s*,\s*([^,\s\])]*)\s*([\])])")


def parse_interval(text: str, units: tuple[str | None, ...] | None = (None,)) -> Reading:
    """A NumberRangeModel value: ``[20,30)``, ``(20,)``, ``(,100]``, ``[20,20]``."""
    m = _INTERVAL.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"not an interval: {text!r}")
    opening, low_s, high_s, closing = m.groups()
    low = float(low_s) if low_s else None
    high = float(high_s) if high_s else None
    if low is not None and high is not None:
        if close(low, high):
            return Reading("exact", low, low, units)
        return Reading("range", low, high, units)
    if low is not None:
        return Reading("lower", low, None, units, inclusive=opening == "[")
    if high is not None:
        return Reading("upper", None, high, units, inclusive=closing == "]")
    raise ValueError(f"an interval without ends: {text!r}")


def _readings(value: float, mapped: UnitMap | None) -> tuple[Reading, ...]:
    if mapped is None:
        return (Reading("point", value, value, None),)
    first = value * mapped.factor
    out = [Reading("point", first, first, mapped.units)]
    if mapped.factor != 1.0:  # the number as written ("50 cents") is right as a value too
        out.append(Reading("point", value, value, None))
    return tuple(out)


def recognizers_gold(
    case: Mapping[str, Any], model: str, context: str | None = None
) -> tuple[list[Gold], list[Offsets]]:
    """Gold quantities of a Recognizers-Text case (``End`` inclusive) and the spans of those
    without a value. ``model``: ``number``, ``range``, ``percent`` or ``unit`` (NumberWithUnit,
    with ``context`` ``currency``, ``dimension``, ``temperature`` or ``age``)."""
    gold: list[Gold] = []
    ignore: list[Offsets] = []
    for result in case["Results"]:
        span = (int(result["Start"]), int(result["End"]) + 1)
        resolution = result.get("Resolution") or {}
        raw = resolution.get("value")
        if raw is None or raw == "null":
            ignore.append(span)
            continue
        text = str(result["Text"])
        if model == "range":
            gold.append(Gold(*span, text, (parse_interval(str(raw)),)))
        elif model == "percent":
            value = float(str(raw).rstrip("%"))
            gold.append(Gold(*span, text, (Reading("point", value, value, ("%",)),)))
        elif model == "number":
            value = float(raw)
            gold.append(Gold(*span, text, (Reading("point", value, value, (None,)),)))
        else:
            unit = resolution.get("unit")
            iso = resolution.get("isoCurrency")
            mapped = UnitMap((str(iso),)) if iso else map_unit(unit, context)
            gold.append(Gold(*span, text, _readings(float(raw), mapped), unit))
    return gold, ignore


def quantulum_gold(case: Mapping[str, Any]) -> list[Gold]:
    """Gold quantities of a quantulum3 test case, each surface located in the sentence in
    order (searched from the end of the previous one, else from the start)."""
    text = str(case["req"])
    gold: list[Gold] = []
    pos = 0
    for item in case["res"]:
        surface = str(item["surface"])
        at = text.find(surface, pos)
        if at < 0:
            at = text.find(surface)
        if at < 0:
            raise ValueError(f"surface {surface!r} not in {text!r}")
        pos = at + len(surface)
        unit = str(item["unit"])
        mapped = map_unit(unit)
        readings = _readings(float(item["value"]), mapped)
        spread = float(item.get("uncertainty") or 0.0)
        if spread:
            units = None if mapped is None else mapped.units
            factor = 1.0 if mapped is None else mapped.factor
            mid = float(item["value"]) * factor
            readings += (Reading("range", mid - spread * factor, mid + spread * factor, units),)
        gold.append(Gold(at, pos, surface, readings, unit))
    return gold


# Predictions of the baseline ---------------------------------------------------------------

#: quantulum3 entity -> presstrace kind.
ENTITY_KINDS = {
    "currency": "money",
    "dimensionless": "number",
    "temperature": "temperature",
    "time": "duration",
}


def quantulum_pred(quantity: Any) -> Pred:
    """A quantulum3 ``Quantity`` as a prediction: unit name mapped through ``UNIT_NAMES``
    (value scaled by the mapping's factor), a range (``uncertainty``) as low/high around the
    value, which stays the midpoint; the kind from the unit's entity (``percentage`` is a
    percent)."""
    name = str(quantity.unit.name)
    entity = str(quantity.unit.entity.name)
    mapped = map_unit(name)
    if mapped is None and entity == "dimensionless":
        mapped = UnitMap((None,))
    unit = mapped.units[0] if mapped else UNMAPPED_PREFIX + normalise_unit_name(name)
    factor = mapped.factor if mapped else 1.0
    value = float(quantity.value) * factor
    spread = float(getattr(quantity, "uncertainty", None) or 0.0) * factor
    kind = "percent" if unit == "%" else ENTITY_KINDS.get(entity, "dimension")
    start, end = quantity.span
    return Pred(
        int(start),
        int(end),
        str(quantity.surface),
        value,
        value - spread,
        value + spread,
        "=",
        unit,
        kind,
    )


def figure_pred(figure: Any) -> Pred:
    """A presstrace ``Figure`` (or anything with its fields) as a prediction."""
    return Pred(
        int(figure.start),
        int(figure.end),
        str(figure.text),
        figure.value,
        figure.low,
        figure.high,
        str(figure.operator),
        figure.unit,
        str(figure.kind),
    )
