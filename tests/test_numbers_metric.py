"""The numbers metric (benchmarks/numbers_metric.py) on tiny hand-made cases."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

# The metric lives with the benchmark scripts, which run with benchmarks/ on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from numbers_metric import (
    CANONICAL_UNITS,
    Counts,
    Gold,
    Pred,
    Reading,
    carries_unit,
    design_gap,
    figure_pred,
    is_dimension,
    is_money,
    left_out_by_design,
    map_unit,
    match,
    parse_interval,
    quantulum_gold,
    quantulum_pred,
    recognizers_gold,
    score_case,
    value_right,
)


def at(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def point(value: float, *units: str | None) -> Reading:
    return Reading("point", value, value, units or (None,))


def pred(
    text: str,
    sub: str,
    value: float | None,
    unit: str | None = None,
    kind: str = "number",
    operator: str = "=",
    low: float | None = None,
    high: float | None = None,
) -> Pred:
    low = value if low is None else low
    high = value if high is None else high
    return Pred(*at(text, sub), sub, value, low, high, operator, unit, kind)


# Units --------------------------------------------------------------------------------------


def units(name: str | None, context: str | None = None) -> tuple[str | None, ...]:
    mapped = map_unit(name, context)
    assert mapped is not None, name
    return mapped.units


def test_unit_names_map_casefolded_and_by_context() -> None:
    assert map_unit("Kilometer") == map_unit("kilometre") == map_unit("KILOMETRE")
    assert units("Kilometer") == ("km",)
    assert units("Pound") == ("lb",)
    assert units("Pound", "currency") == ("GBP",)
    assert units("pound sterling") == ("GBP",)
    assert units("C", "temperature") == ("degC",)
    assert units("Degree", "temperature") == ("deg", "degC", "degF")
    assert units("dimensionless") == units(None) == (None,)
    assert units("Year") == units("Age", "age") == ("year",)


def test_sub_units_scale_and_unknown_units_are_unmapped() -> None:
    cent = map_unit("Cent")
    assert cent is not None
    assert cent.units == ("USD",)
    assert cent.factor == pytest.approx(0.01)
    assert map_unit("furlong per fortnight") is None
    franc = map_unit("Franc")
    assert franc is not None
    assert {"CHF", "FRF"} <= set(franc.units)


def test_canonical_units_hold_the_contract_units() -> None:
    contract = {"%", "USD", "GBP", "EUR", "km", "mi", "m2", "l", "kg", "lb", "t", "ton"}
    contract |= {"km/h", "mph", "degC", "degF", "K", "year", "day", "MB", None}
    assert contract <= CANONICAL_UNITS


# Readings -------------------------------------------------------------------------------------


def test_intervals_are_read_by_shape() -> None:
    assert parse_interval("[20,30)") == Reading("range", 20.0, 30.0, (None,))
    assert parse_interval("[20,20]") == Reading("exact", 20.0, 20.0, (None,))
    assert parse_interval("(20,)") == Reading("lower", 20.0, None, (None,), inclusive=False)
    assert parse_interval("[30,)") == Reading("lower", 30.0, None, (None,), inclusive=True)
    assert parse_interval("(,100]") == Reading("upper", None, 100.0, (None,), inclusive=True)
    assert parse_interval("(,-3.5)").high == -3.5
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval("20 to 30")


def test_value_right_per_shape() -> None:
    text = "between 20 and 30, more than 40, up to 9, about 7"
    rng = pred(text, "between 20 and 30", None, low=30.0, high=20.0)  # ends in either order
    assert value_right(parse_interval("[20,30)"), rng)
    assert not value_right(parse_interval("[20,40)"), rng)
    assert not value_right(point(20.0), rng)  # a range is not its first end
    bound = pred(text, "more than 40", 40.0, operator=">", low=40.0, high=None)
    assert value_right(parse_interval("(40,)"), bound)
    assert value_right(parse_interval("[40,)"), bound)  # inclusiveness is counted apart
    assert not value_right(parse_interval("(,40)"), bound)  # wrong direction
    assert value_right(point(40.0), bound)  # a plain gold number ignores the operator
    upper = pred(text, "up to 9", None, operator="<=", low=None, high=9.0)
    assert value_right(parse_interval("(,9]"), upper)
    about = pred(text, "about 7", 7.0, operator="~")
    assert value_right(parse_interval("[7,7]"), about)
    assert not value_right(parse_interval("[40,40]"), bound)  # exact needs = or ~


def test_values_are_equal_within_a_relative_tolerance() -> None:
    text = "16.4 million"
    near = pred(text, text, 16_399_999.999999998)
    assert value_right(point(16_400_000.0), near)
    assert not value_right(point(16_500_000.0), near)
    assert value_right(point(0.0), pred("0", "0", 0.0))


# Matching and counting ------------------------------------------------------------------------


def test_score_case_counts_value_and_unit() -> None:
    text = "We paid $40 for 3 km of rope and 12 more."
    gold = [
        Gold(*at(text, "$40"), "$40", (point(40.0, "USD"),)),
        Gold(*at(text, "3 km"), "3 km", (point(3.0, "km"),)),
    ]
    preds = [
        pred(text, "$40", 40.0, "USD", "money"),
        pred(text, "3 km", 3.0, "mi", "dimension"),  # value right, unit wrong
        pred(text, "12", 12.0),  # no gold: a false positive when everything counts
    ]
    c, mistakes = score_case(gold, preds)
    assert (c.gold, c.predicted, c.span, c.value, c.value_unit) == (2, 3, 2, 2, 1)
    assert [m.kind for m in mistakes] == ["unit", "spurious"]
    c, _ = score_case(gold, preds, carries_unit)  # unit sets: the bare 12 is not counted
    assert c.predicted == 2
    c, _ = score_case(gold, preds, is_money)
    assert c.predicted == 2  # the km prediction is matched, so it counts anyway


def test_matching_is_one_to_one_and_prefers_right_pairs() -> None:
    text = "5 ft 2 in"
    gold = [
        Gold(*at(text, "5 ft"), "5 ft", (point(5.0, "ft"),)),
        Gold(*at(text, "2 in"), "2 in", (point(2.0, "in"),)),
    ]
    whole = pred(text, "5 ft 2 in", 5.0, "ft", "dimension")
    assert match(gold, [whole]) == {0: 0}
    c, mistakes = score_case(gold, [whole])
    assert (c.span, c.value_unit) == (1, 1)
    assert [m.kind for m in mistakes] == ["missed"]
    # Two predictions over one gold: the right one is matched, though it overlaps less.
    text = "20-30 people"
    gold = [Gold(*at(text, "20-30"), "20-30", (parse_interval("[20,30)"),))]
    wrong = pred(text, "20-30 people", 20.0)
    right = pred(text, "-30", None, low=20.0, high=30.0)
    assert match(gold, [wrong, right]) == {0: 1}


def test_gold_without_value_is_ignored_and_other_kinds_counted_apart() -> None:
    text = "Take 10 celsius into fahrenheit, in 2 hours"
    gold = [Gold(*at(text, "10 celsius"), "10 celsius", (point(10.0, "degC"),))]
    preds = [
        pred(text, "10 celsius", 10.0, "degC", "temperature"),
        pred(text, "fahrenheit", None, "degF", "temperature"),
        pred(text, "2 hours", 2.0, "hour", "duration"),
    ]
    c, _ = score_case(gold, preds, carries_unit, [at(text, "fahrenheit")], is_dimension)
    assert (c.predicted, c.value_unit, c.ignored, c.spurious_other_kind) == (2, 1, 1, 1)


def test_unmapped_gold_unit_is_never_right() -> None:
    text = "It hums at 4 zorks"
    gold = [Gold(*at(text, "4 zorks"), "4 zorks", (Reading("point", 4.0, 4.0, None),), "zork")]
    c, mistakes = score_case(gold, [pred(text, "4 zorks", 4.0, "?zork", "dimension")])
    assert (c.value, c.value_unit, c.gold_unmapped) == (1, 0, 1)
    assert not gold[0].mapped
    assert mistakes[0].kind == "unit"


def test_counts_add_up_to_precision_recall_f1() -> None:
    c = Counts(gold=4, predicted=5, span=4, value=3, value_unit=2)
    c += Counts(gold=1, predicted=0)
    d = c.as_dict()
    assert (d["value_p"], d["value_r"], d["value_f1"]) == (0.6, 0.6, 0.6)
    assert d["value_unit_p"] == 0.4
    assert Counts().as_dict()["value_f1"] == 0.0


def gold_at(text: str, sub: str, *units: str | None) -> Gold:
    return Gold(*at(text, sub), sub, (point(float(sub), *units),))


@pytest.mark.parametrize(
    ("text", "sub", "kind"),
    [
        ("Holm's router answers at 10.20.30.40 again", "30", "IP address"),
        ("Call Harbourtown on +44-207-1234 tonight", "207", "phone number"),
        ("Call Harbourtown on 555-210-3344 tonight", "3344", "phone number"),
        ("The fair opens on 4/11/2027 at noon", "11", "date in digits"),
        ("The mill closed in 1987, and 40 people left", "1987", "year"),
        ("Prices rose through the 1990s", "1990", "year"),
        ("Okoye counted 1 234 567 ballots", "234", None),  # digit groups are one number
        ("Okoye paid $2000 for 2000 tiles", "2000", None),  # a sum of money
        ("The hall seats 2000.5 people", "2000", None),  # no year has decimals
        ("The hall seats 1,2000 people", "2000", None),
    ],
)
def test_numbers_left_out_by_design_are_named(text: str, sub: str, kind: str | None) -> None:
    assert left_out_by_design(text, gold_at(text, sub)) == kind


def test_a_year_with_a_unit_is_not_left_out() -> None:
    text = "The vault is 1987 metres deep"
    assert left_out_by_design(text, gold_at(text, "1987", "m")) is None


def test_design_gap_counts_the_left_out_as_read() -> None:
    # 10 gold, 9 predicted, 7 values right; 2 of the mistakes are left-out numbers (one missed,
    # one misread), 1 prediction is of another kind; on the unit sets 2 right values have an
    # unmapped gold unit.
    overall = Counts(gold=10, predicted=9, value=7, spurious_other_kind=1)
    units = Counts(gold=6, predicted=6, value_unit=3, spurious_other_kind=1)
    gap = design_gap(overall, units, Counter({"missed year": 1, "value IP address": 1}), 2)
    assert gap["value_f1_if_read"] == round(2 * 9 / (10 + 10), 4)
    assert gap["value_f1_if_read_other_kinds_not_counted"] == round(2 * 9 / (10 + 9), 4)
    assert gap["value_unit_f1_if_mapped"] == round(2 * 5 / 12, 4)
    assert gap["value_unit_f1_if_mapped_other_kinds_not_counted"] == round(2 * 5 / 11, 4)
    assert gap["mistakes"] == {"missed year": 1, "value IP address": 1}


# Gold from the data sets ----------------------------------------------------------------------


def test_recognizers_gold_end_is_inclusive_and_units_map() -> None:
    case = {
        "Input": "Tea was 50 cents, the loan 3 million pounds.",
        "Results": [
            {"Text": "50 cents", "Resolution": {"value": "50", "unit": "Cent"}, "Start": 8,
             "End": 15},
            {"Text": "3 million pounds", "Start": 27, "End": 42,
             "Resolution": {"value": "3000000", "unit": "Pound"}},
            {"Text": "tea", "Start": 0, "End": 2, "Resolution": {"value": None, "unit": "X"}},
        ],
    }  # fmt: skip
    gold, ignore = recognizers_gold(case, "unit", "currency")
    assert [case["Input"][g.start : g.end] for g in gold] == ["50 cents", "3 million pounds"]
    assert ignore == [(0, 3)]
    cents = gold[0]
    assert cents.readings[0].units == ("USD",)
    assert cents.readings[0].low == pytest.approx(0.5)
    assert cents.readings[1] == Reading("point", 50.0, 50.0, None)  # the raw number
    assert gold[1].readings[0].units == ("GBP",)
    resolution = {"value": "5", "unit": "Canadian dollar", "isoCurrency": "CAD"}
    iso = {"Input": "c $ 5", "Results": [{"Text": "c $ 5", "Start": 0, "End": 4,
                                          "Resolution": resolution}]}  # fmt: skip
    assert recognizers_gold(iso, "unit", "currency")[0][0].readings[0].units == ("CAD",)


def test_recognizers_number_percent_and_range_gold() -> None:
    def one(value: str) -> dict[str, object]:
        return {"Results": [{"Text": "x", "Start": 0, "End": 0, "Resolution": {"value": value}}]}

    assert recognizers_gold(one("12.5"), "number")[0][0].readings == (point(12.5),)
    assert recognizers_gold(one("20%"), "percent")[0][0].readings == (point(20.0, "%"),)
    assert recognizers_gold(one("null"), "percent") == ([], [(0, 1)])
    assert recognizers_gold(one("(,12]"), "range")[0][0].readings[0].shape == "upper"


def test_quantulum_gold_locates_surfaces_in_order_and_reads_ranges() -> None:
    case = {
        "req": "I saw 2 cats, then 2 dogs weighing 3 to 5 kg",
        "res": [
            {"surface": "2", "value": 2, "unit": "dimensionless"},
            {"surface": "2", "value": 2, "unit": "dimensionless"},
            {"surface": "3 to 5 kg", "value": 4, "unit": "kilogram", "uncertainty": 1},
        ],
    }
    gold = quantulum_gold(case)
    assert [g.start for g in gold[:2]] == [6, 19]
    assert gold[2].readings == (point(4.0, "kg"), Reading("range", 3.0, 5.0, ("kg",)))
    with pytest.raises(ValueError, match="not in"):
        quantulum_gold({"req": "nothing here", "res": [{"surface": "9", "value": 9, "unit": "x"}]})


# Predictions ----------------------------------------------------------------------------------


def quantity(name: str, entity: str, value: float, span: tuple[int, int], **more: float) -> object:
    unit = SimpleNamespace(name=name, entity=SimpleNamespace(name=entity))
    return SimpleNamespace(unit=unit, value=value, span=span, surface="s", **more)


def test_quantulum_predictions_map_units_kinds_and_ranges() -> None:
    p = quantulum_pred(quantity("dollar", "currency", 5.0, (0, 2)))
    assert (p.value, p.unit, p.kind) == (5.0, "USD", "money")
    p = quantulum_pred(quantity("percentage", "dimensionless", 35.0, (3, 6)))
    assert (p.unit, p.kind) == ("%", "percent")
    p = quantulum_pred(quantity("cent", "currency", 50.0, (0, 8)))
    assert (p.value, p.unit) == (pytest.approx(0.5), "USD")
    p = quantulum_pred(quantity("litre", "volume", 3.5, (0, 8), uncertainty=0.5))
    assert (p.low, p.high, p.value, p.unit, p.kind) == (3.0, 4.0, 3.5, "l", "dimension")
    p = quantulum_pred(quantity("joule second", "energy", 1.0, (0, 4)))
    assert p.unit == "?joule second"
    p = quantulum_pred(quantity("long hundred", "dimensionless", 1.0, (0, 4)))
    assert p.unit is None


def test_figure_pred_keeps_the_contract_fields() -> None:
    figure = SimpleNamespace(
        start=3, end=9, text="20-30%", value=None, low=20.0, high=30.0, operator="=",
        unit="%", kind="percent", counted=None,
    )  # fmt: skip
    assert figure_pred(figure) == Pred(3, 9, "20-30%", None, 20.0, 30.0, "=", "%", "percent")
