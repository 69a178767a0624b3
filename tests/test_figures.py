"""Figures: numbers found, normalised, grouped into quantities; and the timeline.

Every sentence here was written for these tests (the places and people are made up).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import presstrace
from presstrace.export import rows
from presstrace.figures import find_figures
from tests.builders import database_at_version

NO_QUOTES = presstrace.Options(workers=1, quotes=False)


def only(text: str):
    (figure,) = find_figures(text)
    return figure


@pytest.mark.parametrize(
    ("text", "written", "value", "low", "high", "operator", "unit"),
    [
        ("Rescuers found 17 survivors.", "17", 17, 17, 17, "=", None),
        ("Police held some two million tickets.", "some two million", 2e6, 2e6, 2e6, "~", None),
        ("It has over one million members.", "over one million", 1e6, 1e6, None, ">", None),
        ("It sold more than a million copies.", "more than a million", 1e6, 1e6, None, ">", None),
        ("They moved hundreds of thousands of sheep.", "hundreds of thousands", None, 1e5,
         999_999, "~", None),
        ("Tens of millions of birds migrate.", "Tens of millions", None, 1e7, 1e8 - 1, "~", None),
        ("Thousands of fans sang.", "Thousands", None, 1000, 9999, "~", None),
        ("Several thousand boats left.", "Several thousand", None, 3000, 9000, "~", None),
        ("It flew 1.8m passengers.", "1.8m", 1.8e6, 1.8e6, 1.8e6, "=", None),
        ("The bridge cost $5bn to build.", "$5bn", 5e9, 5e9, 5e9, "=", "USD"),
        ("A fine of £3.2 million was paid.", "£3.2 million", 3.2e6, 3.2e6, 3.2e6, "=", "GBP"),
        ("The fund holds 250,000 euros.", "250,000 euros", 250_000, 250_000, 250_000, "=", "EUR"),
        ("They seized US$ 75 million in notes.", "US$ 75 million", 75e6, 75e6, 75e6, "=", "USD"),
        ("Turnout was 20-30% lower.", "20-30%", None, 20, 30, "=", "%"),
        ("Between 20 and 30 percent of crews quit.", "Between 20 and 30 percent", None, 20, 30,
         "=", "%"),
        ("It hired 2 to 3 million staff.", "2 to 3 million", None, 2e6, 3e6, "=", None),
        ("Up to 1,200 lorries queued.", "Up to 1,200", 1200, None, 1200, "<=", None),
        ("At least 40 houses burned.", "At least 40", 40, 40, None, ">=", None),
        ("Fewer than 12 ferries sailed.", "Fewer than 12", 12, None, 12, "<", None),
        ("It fell to -5 degrees Celsius overnight.", "-5 degrees Celsius", -5, -5, -5, "=",
         "degC"),
        ("A 29-year-old sailor was rescued.", "29-year-old", 29, 29, 29, "=", "year"),
        ("The wall is 2 1/2 in thick.", "2 1/2 in", 2.5, 2.5, 2.5, "=", "in"),
        ("The lake is 40 km long.", "40 km", 40, 40, 40, "=", "km"),
        ("He carried 75ml of water.", "75ml", 75, 75, 75, "=", "ml"),
        ("It weighs 200lbs.", "200lbs", 200, 200, 200, "=", "lb"),
        ("A dozen divers searched.", "A dozen", 12, 12, 12, "=", None),
        ("One and a half million trees were planted.", "One and a half million", 1.5e6, 1.5e6,
         1.5e6, "=", None),
        ("The hall seats one hundred and twenty-five guests.", "one hundred and twenty-five", 125,
         125, 125, "=", None),
        ("Half a million leaflets were printed.", "Half a million", 5e5, 5e5, 5e5, "=", None),
        ("It took two or three weeks.", "two or three weeks", None, 2, 3, "=", "week"),
        ("1,000 or more volunteers came.", "1,000 or more", 1000, 1000, None, ">=", None),
        ("They fought for hundreds of years.", "hundreds of years", None, 100, 999, "~", "year"),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, 2 / 3, 2 / 3, "=", None),
        ("A quarter million tickets sold.", "A quarter million", 2.5e5, 2.5e5, 2.5e5, "=", None),
        ("It grew three and a half times.", "three and a half", 3.5, 3.5, 3.5, "=", None),
        ("The town has 3 million and a half people.", "3 million and a half", 3.5e6, 3.5e6,
         3.5e6, "=", None),
        ("One in five adults smoke.", "One in five", 0.2, 0.2, 0.2, "=", None),
        ("More than half of the boats sank.", "More than half", 0.5, 0.5, None, ">", None),
        ("The count was 1 414 021 100 in all.", "1 414 021 100", 1_414_021_100, 1_414_021_100,
         1_414_021_100, "=", None),
        ("Light oscillates at 4e14 cycles.", "4e14", 4e14, 4e14, 4e14, "=", None),
        ("It sold 3 hundred and 21 copies.", "3 hundred and 21", 321, 321, 321, "=", None),
        ("It was a 12-cent rise.", "12-cent", 0.12, 0.12, 0.12, "=", "USD"),
        ("Losses of 30 MUSD were booked.", "30 MUSD", 3e7, 3e7, 3e7, "=", "USD"),
        ("A ticket costs 10 € here.", "10 €", 10, 10, 10, "=", "EUR"),
        ("They made 361 million pounds.", "361 million pounds", 3.61e8, 3.61e8, 3.61e8, "=",
         "GBP"),
        ("The goalkeeper is 6 feet and 3 inches tall.", "6 feet and 3 inches", 6.25, 6.25, 6.25,
         "=", "ft"),
        ("The patient is an 87 yo man.", "87 yo", 87, 87, 87, "=", "year"),
        ("The kiln runs at 900° Celsius.", "900° Celsius", 900, 900, 900, "=", "degC"),
        ("Doses of 44 mg to 50 mg were given.", "44 mg to 50 mg", None, 44, 50, "=", "mg"),
        ("It cost millions of dollars.", "millions of dollars", None, 1e6, 9_999_999, "~",
         "USD"),
        ("The fare was 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, 3.5, "=", "USD"),
        ("It cost thirteen dollars and forty-five cents.",
         "thirteen dollars and forty-five cents", 13.45, 13.45, 13.45, "=", "USD"),
        ("The fee rose to 17 euros 25.", "17 euros 25", 17.25, 17.25, 17.25, "=", "EUR"),
        ("Mirrors of 8- to 16-meter were drawn.", "8- to 16-meter", None, 8, 16, "=", "m"),
        ("Salaries ran 5k-20k a year.", "5k-20k", None, 5000, 20000, "=", None),
        ("Some three fifths of a million voted.", "Some three fifths of a million", 6e5,
         6e5, 6e5, "~", None),
        ("Temperatures hit 31C on Monday.", "31C", 31, 31, 31, "=", "degC"),
        ("By night it was -10C.", "-10C", -10, -10, -10, "=", "degC"),
        # fraction grammar: a compound denominator takes the tens word unless "and" binds it
        ("Only one twenty-fifth of it was left.", "one twenty-fifth", 0.04, 0.04, 0.04, "=",
         None),
        ("They kept three twenty-firsts.", "three twenty-firsts", 1 / 7, 1 / 7, 1 / 7, "=",
         None),
        ("It was one hundred forty fifths.", "one hundred forty fifths", 100 / 45, 100 / 45,
         100 / 45, "=", None),
        ("It was one hundred and forty fifths.", "one hundred and forty fifths", 28, 28, 28,
         "=", None),
        ("The sum: two hundred three fifths.", "two hundred three fifths", 40.6, 40.6, 40.6, "=",
         None),
        ("A width of a hundred thousand trillionths.", "a hundred thousand trillionths", 1e-7,
         1e-7, 1e-7, "=", None),
        ("It cost three lakh crore rupees.", "three lakh crore rupees", 3e12, 3e12, 3e12, "=",
         "INR"),
        ("The score was fifty - two.", "fifty - two", 52, 52, 52, "=", None),
        ("Only five - eighths of it.", "five - eighths", 0.625, 0.625, 0.625, "=", None),
        ("The odds were 1.1^23 to one.", "1.1^23", 1.1**23, 1.1**23, 1.1**23, "=", None),
        ("Its rate is 2.5^-1 here.", "2.5^-1", 0.4, 0.4, 0.4, "=", None),
        ("About one out of every 200 users complained.", "About one out of every 200", 0.005,
         0.005, 0.005, "~", None),
        ("The jet will seat 250 people.", "250", 250, 250, 250, "=", None),
        ("The German Dax gained 2.8%.", "2.8%", 2.8, 2.8, 2.8, "=", "%"),
        ("Output hit 9.8 million barrels per day.", "9.8 million barrels per day", 9.8e6, 9.8e6,
         9.8e6, "=", "bbl/d"),
        ("Workers got 250 millisieverts.", "250 millisieverts", 250, 250, 250, "=", "mSv"),
        ("It covers 4 km squared.", "4 km squared", 4, 4, 4, "=", "km2"),
        ("A score equal to 5000 or less won.", "equal to 5000 or less", 5000, None, 5000, "<=",
         None),
        ("The harbour crane is 6'2\" tall.", "6'2\"", 74 / 12, 74 / 12, 74 / 12, "=", "ft"),
        ('He bought a 42" screen.', '42"', 42, 42, 42, "=", "in"),
        ("The length of the nail is 2 in.", "2 in.", 2, 2, 2, "=", "in"),
        ("The crate weighs 20 (kg) empty.", "20 (kg)", 20, 20, 20, "=", "kg"),
        ("The mill ships 278,000 t of grain.", "278,000 t", 2.78e5, 2.78e5, 2.78e5, "=", "t"),
        ("The signal moves 50 meters per millisecond.", "50 meters per millisecond", 50, 50,
         50, "=", "m/ms"),
        ("The probe flew at 30 km/s past it.", "30 km/s", 30, 30, 30, "=", "km/s"),
        ("The plant burns 10 tonnes a year.", "10 tonnes a year", 10, 10, 10, "=", "t/yr"),
        ("She walked two hours a day.", "two hours", 2, 2, 2, "=", "hour"),
        ("The bar weighs 2,000.45±0.01 pounds.", "2,000.45±0.01 pounds", None, 2000.44,
         2000.46, "=", "lb"),
        ("The bar weighs 5 +/- 1 kg.", "5 +/- 1 kg", None, 4, 6, "=", "kg"),
        ("It weighs no more than 5 ± 1 kg.", "no more than 5 ± 1 kg", 5, None, 5, "<=",
         "kg"),
        ("The margin is plus or minus 3 percentage points.", "3 percentage points", 3, 3, 3,
         "=", "pp"),
        ("The loss was $-99.99 there.", "$-99.99", -99.99, -99.99, -99.99, "=", "USD"),
        ("It is that one mile we lost.", "one mile", 1, 1, 1, "=", "mi"),
        ("Dock hands earn $15 an hour.", "$15 an hour", 15, 15, 15, "=", "USD"),
        ("Diesel costs 1.5 euros a litre.", "1.5 euros a litre", 1.5, 1.5, 1.5, "=", "EUR"),
        ("It cost $5 a year ago.", "$5", 5, 5, 5, "=", "USD"),
        # an age set off by commas after a name; decades; "in" before a year is no inch
        ("Okoye, 40, a ferry pilot, said no.", "40", 40, 40, 40, "=", "year"),
        ("Fares doubled in three decades.", "three decades", 3, 3, 3, "=", "decade"),
        ("Holm was born Sept, 26, 2014.", "26", 26, 26, 26, "=", None),  # not an age
        ("Dana May, 60, said no.", "60", 60, 60, 60, "=", "year"),  # a surname, not the month
        ("Fares were USD240.", "USD240", 240, 240, 240, "=", "USD"),  # a code glued to digits
        ("Marsh counted a half-dozen ferries.", "a half-dozen", 6, 6, 6, "=", None),
        ("The crossing took a half-hour.", "a half-hour", 0.5, 0.5, 0.5, "=", "hour"),
        ("Holm cut a half-billion dollars.", "a half-billion dollars", 5e8, 5e8, 5e8, "=", "USD"),
        ("Okoye sold half-a-million tickets.", "half-a-million", 5e5, 5e5, 5e5, "=", None),
        ("Marsh met a quarter-of-a-million voters.", "a quarter-of-a-million", 2.5e5, 2.5e5, 2.5e5,
         "=", None),
        ("The port had 2014 members.", "2014", 2014, 2014, 2014, "=", None),  # a plural: a count
        ("The PAC made a six-figure ad buy.", "six-figure", None, 1e5, 999_999, "~", None),
        ("3 Killed In Ferry Crash\nThe ferry sank.", "3", 3, 3, 3, "=", None),  # a headline
        ("Turnout rose from 1 in 10 in 2000.", "1 in 10", 0.1, 0.1, 0.1, "=", None),
    ],
)  # fmt: skip
def test_values(
    text: str,
    written: str,
    value: float | None,
    low: float | None,
    high: float | None,
    operator: str,
    unit: str | None,
) -> None:
    figure = only(text)
    assert (figure.text, figure.operator, figure.unit) == (written, operator, unit)
    assert text[figure.start : figure.end] == written
    for got, want in ((figure.value, value), (figure.low, low), (figure.high, high)):
        assert (got is None and want is None) or math.isclose(got or 0, want or 0)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The council voted 6-1 for the Harbourtown plan.", []),  # a tally
        ("Okoye's side won 3-2 and drew 2-2.", []),  # scores
        ("Ages 18-24 turned out.", [(None, "age")]),  # a range reads upwards
        ("Nights fell to -12-0 degrees Celsius.", [(None, "temperature")]),  # from a negative
        ("Write to @Holm_945 today.", []),  # a handle
        ("Okoye launched Harbourtown '11 and its ’12 edition.", []),  # years, not counts
        ("He wrote '40 ferries sank' twice.", [(40, "number")]),  # a quoted count
        ("Marsh, who is 70, spoke.", [(70, "age")]),
        ("Voters between the ages of 18 and 29 stayed home.", [(None, "age")]),
        ("Children ages 3 to 17 were tested.", [(None, "age")]),
        ("Pupils from the ages of 5 to 12 came.", [(None, "age")]),
        ("The ferry sails between the ages of ice and fire.", []),
        ("She was 12 when she left Harbourtown.", [(12, "age")]),
        ("Okoye, who turns 40 next week, spoke.", [(40, "age")]),
        ("Marsh, who is 5’2”, jumped.", [(5, "number"), (2, "number")]),  # a height, not an age
        ("He is 6 feet tall.", [(6, "dimension")]),
        ("She is 40 percent sure.", [(40, "percent")]),
    ],
)
def test_tallies_handles_and_stated_ages(text: str, found: list[tuple[float | None, str]]) -> None:
    assert [(f.value, f.kind) for f in find_figures(text)] == found


def test_a_list_of_results_holds_no_ages() -> None:
    text = "Final table: Harbourtown, 3, Lyon 2, Okoye, 40, was their coach"
    assert [(f.value, f.kind) for f in find_figures(text)] == [
        (3, "number"), (2, "number"), (40, "age"),
    ]  # fmt: skip
    assert [f.kind for f in find_figures("It was signed by Okoye, 40,")] == ["age"]


def test_a_decimal_is_whole_and_takes_no_smaller_number_after_and() -> None:
    text = "Dana Holm moved 2.5 thousand and 300 crates; Okoye moved 3 thousand and 300."
    assert [f.value for f in find_figures(text)] == [2500, 300, 3300]


def test_scaled_decimals_carry_no_float_noise() -> None:
    # 65.4 * 1e9 is 65400000000.00001 in floats: exports and pages would show the tail.
    text = "Harbourtown Mills made $65.4 billion and 0.7 million tonnes, up 1.15 percent."
    got = [(f.value, f.low, f.high) for f in find_figures(text)]
    assert got == [(65.4e9,) * 3, (0.7e6,) * 3, (1.15,) * 3]
    assert [repr(f.value) for f in find_figures(text)] == ["65400000000.0", "700000.0", "1.15"]
    assert only("Okoye won two-thirds of the seats.").value == 2 / 3  # a true fraction stays


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on Nov. 26, 2019 at 18:00.",  # dates and times belong to the dates stage
        "Its 2021 Harbour Safety report was late.",  # a year
        "He finished 25th, behind the G7 envoy and an F-16 pilot.",  # ordinals, labels
        "Article 23 and No. 10 were cited.",  # labels
        "One of the divers said no one was hurt.",  # pronoun uses of one
        "Several boats and many people left.",  # no number at all
        "Call 800-273-8255 or see tweet 783499116076687360.",  # codes and identifiers
        "Relatives of 9/11 victims met the 24/7 helpline staff.",  # not fractions
        "See https://example.org/search?q=30%25%2020 for more.",  # a web address
        "Build 2.1.3 shipped to 192.168.1.2 at 2.13 am.",  # versions, addresses, clock times
        "The 777F freighter filed a 13F form.",  # names, not temperatures
        "She bought the iPhone 5C.",  # a name, not 5 degrees
        "It is a twenty-first century port.",  # an ordinal, not the fraction 1/21
        "Boeing 787 orders rose; the 787 flies well.",  # a model number, also where it is bare
        "The S&P 500 and the FTSE 100 were flat.",  # index names
        "GM's 2008 revenue fell, as did its 2009 sales.",  # years after a possessive
        "Local 1520 met about iOS 5.",  # a union local, a version
        "On its twenty-fifth birthday the club met.",  # an ordinal, not 20/5
        "We will meet the one day we can.",  # some day, not a duration
        "The 737 Skyliner flew; the 737 will carry more.",  # a model, named twice
        "The Harbour & Dock's 500 Index rose.",  # an index name
        "Ferries are the number one issue.",  # a rank
        "Rankings:\n1 Okoye Marsh.\n2 Dana Holm.",  # a numbered list
        "Ferries are a real opportunity for Holm.",  # "real" the word, not the currency
        "Okoye's 401(k) plan grew.",  # a name
        "Holm caught the H1N1 virus.",  # numbers inside words
        "In a 2014 interview, Holm spoke.",  # a year before a singular noun
        "Okoye took in a half-frozen gull.",  # part of a word
        "All the Fortune 500 firms paid.",  # a list's name
        "Okoye met the GA\u03031\u20444len group.",  # a garbled "ü" with a combining tilde
        "Marsh was a bit late.",  # not one bit of data
        "Holm, a Ft. Worth pilot, flew.",  # a name, not a foot
        "Rankings:\n5. OKOYE WINS\n6. HOLM LOSES",  # a numbered list with full stops
        "Emissions fell below 2005 levels.",  # a year
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_time_or_an_adverb_after_a_figure_is_not_what_it_counts() -> None:
    (raised,) = find_figures("Holm raised $20 million in January alone.")
    (tally,) = find_figures("The tally stood at 78 now.")
    assert (raised.counted, tally.counted) == (None, None)
    (aid,) = find_figures("Holm raised $20 million in donations.")
    assert aid.counted == "donations"


def test_or_less_than_starts_a_second_figure() -> None:
    first, second = find_figures("Holm set a fare equal to 40 or less than 45.")
    assert (first.text, first.operator, first.value) == ("equal to 40", "=", 40)
    assert (second.text, second.operator, second.high) == ("less than 45", "<", 45)
    # The same when "than" is part of the bound's phrase; with no number after it, it is one.
    first, second = find_figures("The crews scored 80 or greater than 75 in each heat.")
    assert (first.text, first.operator, second.text, second.low) == (
        "80",
        "=",
        "greater than 75",
        75,
    )
    (alone,) = find_figures("The crews scored 80 or greater than.")
    assert (alone.text, alone.operator, alone.low) == ("80 or greater than", ">=", 80)


def test_a_list_shares_the_unit_written_once_after_it() -> None:
    cases = {
        "Doses of 45 and 50 mg were given.": [("45", "mg"), ("50 mg", "mg")],
        "Fares rose 5, 10 and 15 percent.": [("5", "%"), ("10", "%"), ("15 percent", "%")],
        "Of the 12, 10 percent left.": [("12", None), ("10 percent", "%")],  # not a list
        "In 2009 and 10 km away it rained.": [("10 km", "km")],  # a year heads no list
    }
    for text, want in cases.items():
        assert [(f.text, f.unit) for f in find_figures(text)] == want, text


def test_a_number_before_a_capitalised_word_still_counts_a_plural() -> None:
    counts = [
        "300 Marines landed.",
        "It sold 500 Skyliner jets.",
        "The client expects 120 MEUR.",
        "They deployed 700 National Guard troops.",
        "Among the 500 in attendance, many left.",
        "“We will hire 500” she said.",  # a closing quote, not inches
        "The queue was long, but guards let only 40 in.",  # not inches
    ]
    for text in counts:
        (figure,) = find_figures(text)
        assert figure.unit in (None, "EUR"), text


def test_a_quotation_mark_after_digits_closes_the_quotation() -> None:
    found = find_figures('The sign said "Pier 66" in red, 3 ft wide.')
    assert [(f.text, f.unit) for f in found] == [("66", None), ("3 ft", "ft")]
    assert [f.unit for f in find_figures('He typed "66" twice.')] == [None]


def test_cents_join_a_sum_only_when_they_end_it() -> None:
    dollars, people = find_figures("He paid 5 dollars and 10 people came.")
    assert (dollars.text, dollars.value, people.text, people.unit) == ("5 dollars", 5, "10", None)


def test_what_is_counted_and_the_predicate_give_one_key() -> None:
    texts = [
        "The junta has detained over one million farmers in the north.",
        "The detention of hundreds of thousands of Velmari villagers drew protests.",
        "Hundreds of thousands of Velmaris are being held in camps, the report said.",
        "Officials rounded up some two million residents and incarcerated them.",
    ]
    figures = [only(t) for t in texts]
    assert [f.counted for f in figures] == [
        "farmers",
        "Velmari villagers",
        "Velmaris",
        "residents",
    ]
    assert [f.predicate for f in figures] == ["detained", "detention", "held in", "rounded up"]
    assert {f.key for f in figures} == {"detain|people"}
    # Companies blacklisted in other words are one key too; a count of countries is another.
    a = only("Regulators blacklisted 28 shipping companies last year.")
    b = only("It imposed sanctions on 28 state entities and private companies.")
    assert a.key == b.key == "sanction|company"
    assert b.counted == "state entities and private companies"
    assert only("Last month 23 countries backed the motion.").key == "support|country"
    assert only("It counted 40 people.").key is None  # no predicate: nothing to compare
    # A purpose is not what happened to them.
    assert only("It listed the names of 40,000 people for questioning or detention.").key is None


@pytest.mark.parametrize(
    ("text", "counted", "key"),
    [
        ("Police detained 40 of Okoye's followers.", "Okoye's followers", "detain|people"),
        ("It sold two of the company's ferries.", "company's ferries", None),
        ("He won 20 percent of Harbourtown’s grain trade.", "Harbourtown’s grain trade",
         "count|%:grain trade"),  # the key leaves the owner out
        ("It was not among the 3,000 Okoye's lawyers sent.", None, None),  # a relative clause
        ("Okoye won 20 percent of Tuesday's vote.", None, None),  # a time, not an owner
        ("The margin stood at 26 before the vote.", None, None),
        ("Marsh said 40 people, he's sure.", "people", None),  # a contraction
        # a preposition or a weekday ends the phrase, an adjective does not
        ("Okoye saw 160 security staff along the quay.", "security staff", None),
        ("In one tweet Friday, Okoye spoke.", "tweet", None),
        ("Ads ran in 4 Super Tuesday states.", "Super Tuesday states", "count|tuesday state"),
        ("It drew 2 outside spending groups.", "outside spending groups",
         "count|spending group"),
    ],
)  # fmt: skip
def test_an_owner_belongs_to_what_is_counted(
    text: str, counted: str | None, key: str | None
) -> None:
    figure = only(text)
    assert (figure.counted, figure.key) == (counted, key)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "((((%%%% $$$ 1/0 0/0 9/9/9/9 --5 ½½½ ,,,1,,, 1e999 99999999999999999999999999",
        "million " * 2000,
        "1-2-3-4-5-6-7-8-9 " * 500,
        "over more than at least about " * 500 + "5",
        "x" * 10_000,
        "hundreds of thousands of " * 300,
        "3⅓k z<1⅓k ≥≤ -½ 2.5^-- 1e 1.3x10^ $-€ 5 ft 2 in 1 in 0 0/0 one over zero",
    ],
)
def test_hostile_text_never_breaks(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.operator in presstrace.figures.OPERATORS


def write_lines(path: Path, *records: dict[str, object]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


STORY = [
    {
        "title": "Velmar junta detains farmers",
        "outlet": "North Herald",
        "published": "2030-05-02",
        "text": "The Velmar junta has detained over one million farmers in the northern "
        "provinces, rights monitors said on Tuesday.\n\nThe monitors met the Velmar "
        "interior minister on Monday to demand access to the camps in the provinces.",
    },
    {
        "title": "Velmar detentions: monitors disagree",
        "outlet": "Coast Times",
        "published": "2030-05-03",
        "text": "Rights monitors say hundreds of thousands of Velmari farmers are being "
        "detained in camps in the northern provinces of Velmar.\n\nThe junta denies "
        "holding farmers and calls the camps training centres for the provinces.",
    },
    {
        "title": "Velmar farmers",
        "text": "Some two million farmers have been detained by the Velmar junta in the "
        "northern provinces since the coup, monitors said on Friday.",
    },
]


def test_ingest_groups_figures_into_a_quantity_that_disagrees(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "story.jsonl", *STORY)
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [source], NO_QUOTES)
    figures = list(rows(db, "figures"))
    contract = ["id", "article", "source", "text", "value", "low", "high", "operator", "unit",
                "counted", "claimed_by", "start", "end", "quantity"]  # fmt: skip
    assert list(figures[0])[: len(contract)] == contract
    texts = {a["id"]: a["text"] for a in db.articles()}
    for f in figures:
        assert texts[f["article"]][f["start"] : f["end"]] == f["text"]
    (quantity,) = rows(db, "quantities")
    assert quantity["key"] == "detain|people" and quantity["disagree"]
    assert sorted(r["text"] for r in quantity["reports"]) == [
        "Some two million",
        "hundreds of thousands",
        "over one million",
    ]
    assert (quantity["low"], quantity["high"]) == (100_000, None)  # "over" has no upper end
    assert quantity["outlets"] == ["Coast Times", "North Herald"]
    assert quantity["wordings"] == ["Velmari farmers", "farmers"]
    assert {f["quantity"] for f in figures if f["key"] == "detain|people"} == {quantity["id"]}
    assert db.stats()["quantities"] == 1 and db.stats()["disagreeing_quantities"] == 1
    # Re-running is safe: nothing doubles, the quantity keeps its id.
    presstrace.ingest(db, [source], NO_QUOTES)
    presstrace.reanalyse(db, NO_QUOTES)
    assert len(list(rows(db, "figures"))) == len(figures)
    assert [q["id"] for q in rows(db, "quantities")] == [quantity["id"]]


def test_unrelated_matters_stay_apart(tmp_path: Path) -> None:
    other = {
        "title": "Orchard strike",
        "published": "2030-05-02",
        "text": "Police in Lindholm detained 40 apple pickers after a strike at the orchards "
        "of the Lindholm valley cooperative.",
    }
    source = write_lines(tmp_path / "two.jsonl", STORY[0], other)
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [source], NO_QUOTES)
    assert list(rows(db, "quantities")) == []  # same key, different matters: no quantity


@pytest.mark.slow
def test_a_figure_in_a_quote_is_claimed_by_its_speaker(tmp_path: Path) -> None:
    text = (
        "“The junta has detained more than a million farmers,” said Ilse Varga, the "
        "monitors' director, on Tuesday.\n\nThe junta put the number at 5,000."
    )
    record = {"title": "Varga", "published": "2030-05-02", "text": text}
    source = write_lines(tmp_path / "q.jsonl", record)
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [source], presstrace.Options(workers=1))
    claims = [(f["text"], f["claimed_by"]) for f in rows(db, "figures")]
    assert claims == [("more than a million", "Ilse Varga"), ("5,000", None)]
    (entry,) = rows(db, "timeline")
    assert (entry["date"], entry["event"], entry["speaker"]) == (
        "2030-04-30",
        "statement",
        "Ilse Varga",
    )
    assert entry["statement"] is not None and entry["quote"] is not None


def test_timeline_places_dated_sentences_and_keeps_undated_ones_unplaced(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "story.jsonl", *STORY)
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [source], NO_QUOTES)
    timeline = list(rows(db, "timeline"))
    placed = [(e["date"], e["event"], e["text"]) for e in timeline if e["resolved"]]
    assert placed == [
        ("2030-04-29", "event", "Monday"),  # "met ... on Monday", before Thursday 2 May
        ("2030-04-30", "event", "Tuesday"),  # "has detained ..., monitors said on Tuesday"
    ]
    (unplaced,) = [e for e in timeline if not e["resolved"]]
    assert timeline[-1] is unplaced or timeline[-1] == unplaced
    assert unplaced["date"] == "XXXX-WXX-5" and unplaced["published"] is None
    article = db.article(unplaced["article"])
    assert article is not None
    assert article["text"][unplaced["start"] : unplaced["end"]] == unplaced["sentence"]
    assert unplaced["sentence"].endswith("monitors said on Friday.")


def test_a_database_from_before_figures_is_upgraded_and_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    conn = database_at_version(path, 5)
    conn.execute(
        "INSERT INTO articles (id, raw_sha256, source, kind, published, text, extractor, "
        "ingested, timed) VALUES ('a1', 'ff', 'a.txt', 'text', '2030-05-02', "
        "'On 5 May 2030 the junta detained 300 farmers.', 'x', '2030-05-02', 1)"
    )
    conn.execute("INSERT INTO dates VALUES ('a1', 3, 13, '5 May 2030', 'DATE', '2030-05-05')")
    conn.close()
    db = presstrace.open(path)
    report = presstrace.corpus.update(db, quotes=False)
    assert report.quantities.backfilled == 1
    assert [(f["text"], f["key"]) for f in rows(db, "figures")] == [("300", "detain|people")]


def test_sentences_keep_abbreviations_inside() -> None:
    from presstrace.dates.timeline import sentences

    text = (
        "Mr. Varga met the U.S. envoy on Tuesday, Nov. 26. They talked for an hour.\n\n"
        "“We will return,” he said. Talks resume in 2031!"
    )
    got = [text[s:e] for s, e in sentences(text)]
    assert got == [
        "Mr. Varga met the U.S. envoy on Tuesday, Nov. 26.",
        "They talked for an hour.",
        "“We will return,” he said.",
        "Talks resume in 2031!",
    ]


def test_disagreement_in_one_pass_is_the_pairwise_answer() -> None:
    """``disagree`` looks at the extreme bounds only; it must say what comparing every pair of
    figures of different articles says."""
    import random

    from presstrace.figures.corpus import disagree

    def pairwise(figures: list[dict[str, object]]) -> bool:
        def low(m: dict[str, object]) -> float:
            return -math.inf if m["low"] is None else float(m["low"])  # type: ignore[arg-type]

        def high(m: dict[str, object]) -> float:
            return math.inf if m["high"] is None else float(m["high"])  # type: ignore[arg-type]

        return any(
            a["article"] != b["article"] and (low(a) > high(b) or low(b) > high(a))
            for x, a in enumerate(figures)
            for b in figures[x + 1 :]
        )

    chance = random.Random(7)
    seen = set()
    for _ in range(3000):
        figures = []
        for _ in range(chance.randint(1, 6)):
            low = chance.choice([None, *range(0, 10)])
            high = chance.choice([None, *range(0, 10)])
            if low is not None and high is not None and low > high:
                low, high = high, low
            figures.append({"article": chance.choice("abc"), "low": low, "high": high})
        expected = pairwise(figures)
        seen.add(expected)
        assert disagree(figures) == expected, figures
    assert seen == {True, False}
