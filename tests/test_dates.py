"""Time expressions: finding, TimeML values against the publication date, storage, export.
Texts written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presstrace
from presstrace.dates import find_times
from presstrace.export import rows

# Wednesday 27 November 2019.
REF = "2019-11-27"


def values(text: str, ref: str | None = REF) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times(text, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said Tuesday that talks will resume.", ("Tuesday", "DATE", "2019-11-26")),
        ("The delegation will arrive on Friday.", ("Friday", "DATE", "2019-11-29")),
        ("Officials met on Wednesday.", ("Wednesday", "DATE", "2019-11-27")),
        ("The accord was signed on March 1, 2008.", ("March 1, 2008", "DATE", "2008-03-01")),
        ("It opened on 4 March 2008 in Leeds.", ("4 March 2008", "DATE", "2008-03-04")),
        ("The vote on Tuesday, Nov. 26 passed.", ("Tuesday, Nov. 26", "DATE", "2019-11-26")),
        ("Sales fell in March.", ("March", "DATE", "2019-03")),
        ("The summit is planned for March.", ("March", "DATE", "2020-03")),
        ("The plant closed in October 2018.", ("October 2018", "DATE", "2018-10")),
        ("The plant closed in 2018.", ("2018", "DATE", "2018")),
        ("Exports grew last year.", ("last year", "DATE", "2018")),
        ("Exports grew last month.", ("last month", "DATE", "2019-10")),
        ("They met last week.", ("last week", "DATE", "2019-W47")),
        ("Fares fell this past week.", ("this past week", "DATE", "2019-W47")),
        ("Radio Holm airs weekdays from 6 a.m. to 9 a.m.", ("9 a.m.", "SET", "XXXX-XX-XXT09:00")),
        ("Okoye earns $41,000 a year.", ("a year", "SET", "P1Y")),  # a rate
        ("Fares rose in 2015 a year after the merger.", ("a year", "DURATION", "P1Y")),
        ("Holm’ll be in Leeds in March.", ("March", "DATE", "2020-03")),  # curly ’ll looks ahead
        (
            "The port had been paying rent until March.",  # a past perfect looks back
            ("March", "DATE", "2019-03"),
        ),
        ("Holm spoke on Monday. Later that day, he quit.", ("that day", "DATE", "2019-11-25")),
        ("Okoye left on March 3 that same night.", ("that same night", "TIME", "2019-03-03TNI")),
        ("On that day in 2010, the ferry sank.", ("that day", "DATE", "XXXX-XX-XX")),  # none named
        # Later or earlier than the time the text last named; years from a day count in years.
        ("Okoye ran in June 2015. A month later, she won.", ("A month later", "DATE", "2015-07")),
        ("Thirteen years later, the law may change.", ("Thirteen years later", "DATE", "XXXX")),
        (
            "On Tuesday, Holm won the ward that backed Okoye eight years earlier.",
            ("eight years earlier", "DATE", "2011"),
        ),
        ("The deficit for this fiscal year will grow.", ("this fiscal year", "DATE", "FY2019")),
        ("Results are due next month.", ("next month", "DATE", "2019-12")),
        ("He left two years ago.", ("two years ago", "DATE", "2017")),
        ("She arrived three days ago.", ("three days ago", "DATE", "2019-11-24")),
        ("The talks took five years.", ("five years", "DURATION", "P5Y")),
        ("Prices rose over the past five years.", ("the past five years", "DURATION", "P5Y")),
        ("A 10-year contract was signed.", ("10-year", "DURATION", "P10Y")),
        ("The strike lasted several weeks.", ("several weeks", "DURATION", "PXW")),
        ("Holm struggled for a half-dozen days.", ("a half-dozen days", "DURATION", "P6D")),
        ("The meeting lasted 90 minutes.", ("90 minutes", "DURATION", "PT90M")),
        ("The report is published every year.", ("every year", "SET", "P1Y")),
        ("Figures are updated monthly.", ("monthly", "SET", "P1M")),
        ("The court sits at 3 p.m. today.", ("3 p.m. today", "TIME", "2019-11-27T15:00")),
        ("The court adjourned yesterday.", ("yesterday", "DATE", "2019-11-26")),
        ("The court will rule tomorrow.", ("tomorrow", "DATE", "2019-11-28")),
        ("Fighting resumed this morning.", ("this morning", "TIME", "2019-11-27TMO")),
        ("Profits rose in the third quarter.", ("the third quarter", "DATE", "2019-Q3")),
        # A range ends after it starts; a list does not have to.
        ("The ferry sale ran from Friday through January 7.", ("January 7", "DATE", "2020-01-07")),
        ("Harbourtown's exhibits open October-March.", ("March", "DATE", "2020-03")),
        ("Holm spoke on March 3 and February 2.", ("February 2", "DATE", "2019-02-02")),
        # A quarter not yet over is this year's, whatever the tense; Q1-Q4 read like quarters.
        (
            "The bank will report on the fourth quarter in January.",
            ("the fourth quarter", "DATE", "2019-Q4"),
        ),
        ("Sales will recover in Q1, the chief executive said.", ("Q1", "DATE", "2020-Q1")),
        (
            "Profits rose in the first quarter of 2008.",
            ("the first quarter of 2008", "DATE", "2008-Q1"),
        ),
        ("The firm grew in the 1990s.", ("the 1990s", "DATE", "199")),
        ("A relic of the 19th century.", ("the 19th century", "DATE", "18")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("The bridge opens this summer.", ("this summer", "DATE", "2019-SU")),
        ("Shops close on Christmas Day.", ("Christmas Day", "DATE", "2019-12-25")),
        ("The vote was set for 7/8/07.", ("7/8/07", "DATE", "2007-07-08")),
        ("Work stops in winter.", ("winter", "DATE", "2019-WI")),
        ("Recent rains flooded it.", ("Recent", "DATE", "PAST_REF")),
        ("The current crisis deepened.", ("current", "DATE", "PRESENT_REF")),
        ("Prices will rise in the near term.", ("the near term", "DATE", "FUTURE_REF")),
        ("Thanks for the work over the years.", ("over the years", "DURATION", "PXY")),
        ("They met on Monday and left in the evening.", ("the evening", "TIME", "2019-11-25TEV")),
        (
            "Fares rose in October against the same period last year.",
            ("the same period last year", "DATE", "2018-10"),
        ),
        (
            "Profits fell 3% in the third quarter from the same quarter a year earlier.",
            ("the same quarter a year earlier", "DATE", "2018-Q3"),
        ),
        (
            "Exports beat the same month a year ago.",
            ("the same month a year ago", "DATE", "2018-11"),
        ),
        (
            "Ferry bookings picked up in the last week of March.",
            ("the last week of March", "DATE", "2019-W13"),
        ),
        (
            "They meet in the first week of June 2020.",
            ("the first week of June 2020", "DATE", "2020-W23"),
        ),
        ("It met at 16:15 UTC, June 1st, in Paris.", ("16:15 UTC", "TIME", "2019-06-01T16:15Z")),
        ("It will take between 60 and 90 days.", ("60", "DURATION", "P60D")),
        ("It will take two or three weeks.", ("two", "DURATION", "P2W")),
        (
            "Profit rose in the third quarter from $5 million a year earlier.",
            ("a year earlier", "DATE", "2018-Q3"),
        ),
        ("Costs fell last year, more than the year before.", ("the year before", "DATE", "2017")),
        ("Sales rose 5% from a year before.", ("a year before", "DATE", "2018")),
        ("They met on Monday. Two days later, he left.", ("Two days later", "DATE", "2019-11-27")),
        ("Shares rose in morning trading.", ("morning", "TIME", "2019-11-27TMO")),
        ("It ended a decades-long dispute.", ("decades-long", "DURATION", "PXY")),
        ("It ended its decades-long dispute.", ("decades-long", "DURATION", "PXY")),
        ("They met on Monday. The next day, he resigned.", ("The next day", "DATE", "2019-11-26")),
        ("On the previous day it rained.", ("the previous day", "DATE", "2019-11-26")),
        ("Talks are expected in the coming weeks.", ("the coming weeks", "DURATION", "PXW")),
        ("The law takes effect Jan. 1.", ("Jan. 1", "DATE", "2020-01-01")),
        ("The audit ended on the 15th.", ("the 15th", "DATE", "2019-11-15")),
        ("They met this past weekend.", ("this past weekend", "DATE", "2019-W47-WE")),
        (
            "Sales in the third quarter beat the year-earlier period.",
            ("the year-earlier period", "DATE", "2018-Q3"),
        ),
        ("The deal should close by year-end.", ("year-end", "DATE", "2019")),
        ("GM's 2008 revenue fell.", ("2008", "DATE", "2008")),
        ("The ferry runs every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
        ("Shops close on Sundays.", ("Sundays", "SET", "XXXX-WXX-7")),
        ("It was the worst fall in recent years.", ("recent years", "DURATION", "PXY")),
        ("The storm should hit on Thanksgiving.", ("Thanksgiving", "DATE", "2019-11-28")),
        ("Churches filled on Easter Sunday 2024.", ("Easter Sunday 2024", "DATE", "2024-03-31")),
        ("By the end of the decade, output will double.", ("the end of the decade", "DATE", "201")),
        (
            "The blast came at 9 a.m. local time Monday.",
            ("9 a.m. local time Monday", "TIME", "2019-11-25T09:00"),
        ),
        ("The truce began at midnight Sunday.", ("midnight Sunday", "TIME", "2019-11-24T24:00")),
        ("The board held its Autumn meetings.", ("Autumn", "DATE", "2019-FA")),
        ("In Spring, the ferry returns.", ("Spring", "DATE", "2019-SP")),
        (
            "The port lost $3 million in the third quarter of 2018 and more for the entire year.",
            ("the entire year", "DATE", "2018"),
        ),
        ("Fares stay frozen for the time being.", ("the time being", "DATE", "PRESENT_REF")),
        ("The ferry line lost money in fiscal 2018.", ("fiscal 2018", "DATE", "FY2018")),
        ("Fares rose in fiscal 2018 from a year earlier.", ("a year earlier", "DATE", "2017")),
        ("This summer Parliament will vote.", ("This summer", "DATE", "2019-SU")),
        ("Two years from now the quay will close.", ("Two years from now", "DATE", "2021")),
        ("Bookings fell in the latest quarter.", ("the latest quarter", "DATE", "2019-Q3")),
        ("A day earlier she had sailed.", ("A day earlier", "DATE", "2019-11-26")),
        ("Ferries sail twice a week.", ("twice a week", "SET", "P1W")),
        ("The repairs took a year and a half.", ("a year and a half", "DURATION", "P1.5Y")),
        ("The quay reopens by year's end.", ("year's end", "DATE", "2019")),
        ("The museum opens until 8 p.m. on weekdays.", ("8 p.m.", "SET", "XXXX-XX-XXT20:00")),
        (
            "Fares fell in the second half of the year.",
            ("the second half of the year", "DATE", "2019-H2"),
        ),
    ],
)
def test_values_against_the_publication_date(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # Results come out after a quarter ends: the one just ended is still ahead in the news.
        ("Okoye Ferries will report third-quarter results.", "2019-10-24", "2019-Q3"),
        ("Fourth-quarter results are due next week.", "2020-01-20", "2019-Q4"),
        ("Marsh expects growth in the second quarter.", "2019-10-24", "2020-Q2"),
        ("Marsh expects growth in the first quarter.", "2020-01-20", "2020-Q1"),
        ("Fares fell in the third quarter.", "2020-01-20", "2019-Q3"),
    ],
)
def test_a_quarter_without_a_year(text: str, ref: str, expected: str) -> None:
    assert values(text, ref)[0][2] == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # The present tense next to the expression says nothing of past or future, whatever
        # the reporting verb says.
        ("The chances of a win in December are slim, Okoye said.", REF, "2019-12"),
        ("Okoye said she is ready for the debate Thursday.", "2016-04-11", "2016-04-14"),
        # ... but a relative clause in the past keeps its tense before the main clause's.
        ("The union, which endorsed Okoye in December, is large.", REF, "2018-12"),
        ("Marsh, who won the seat in December, is now its chair.", REF, "2018-12"),
        ("Okoye, who will run in December, is ready.", REF, "2019-12"),
        # "by" / "until" opening the sentence: the main clause says which way
        ("By Sunday, Okoye had left Harbourtown.", REF, "2019-11-24"),
        ("Until Friday, the ferry ran daily.", REF, "2019-11-22"),
        ("By Friday, the ferry will sail.", REF, "2019-11-29"),
        ("The report is due by Friday.", REF, "2019-11-29"),
    ],
)
def test_the_tense_of_the_clause(text: str, ref: str, expected: str) -> None:
    assert values(text, ref)[0][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbourtown's shops opened early on Black Friday.", ("Black Friday", "2018-11-23")),
        ("Sales on Cyber Monday doubled.", ("Cyber Monday", "2018-11-26")),
        ("Ferry sales rose over Christmas.", ("Christmas", "2018-12-25")),  # a day still
        ("Okoye recalled the September 11 attacks.", ("September 11", "2001-09-11")),
        ("Marsh met the Sept. 11 commission.", ("Sept. 11", "2001-09-11")),
        ("The ferry sails on September 11.", ("September 11", "2019-09-11")),
        ("Okoye wrote about the Sept. 11 attack in Harbourtown.", ("Sept. 11", "2018-09-11")),
    ],
)
def test_named_days(text: str, expected: tuple[str, str]) -> None:
    # Thanksgiving 2018 was on the 22nd of November.
    assert [(t.text, t.value) for t in find_times(text, "2019-03-04")] == [expected]


def test_a_live_blog_stamp_is_on_the_blog_day_not_the_last_day_named() -> None:
    text = (
        "Okoye said Monday she will stay.\n___.\n8:00 a.m.\nMarsh spoke on Saturday.\n"
        "___.\n9:15 a.m.\nHolm arrived at 10 a.m. on Saturday and left at 11 a.m.\n"
    )
    got = [(t.text, t.value) for t in find_times(text, "2016-02-08") if t.type == "TIME"]
    assert got == [
        ("8:00 a.m.", "2016-02-08T08:00"),
        ("9:15 a.m.", "2016-02-08T09:15"),  # was Saturday's, the last day named
        ("10 a.m. on Saturday", "2016-02-06T10:00"),
        ("11 a.m.", "2016-02-06T11:00"),  # inside an entry, still the day it names
    ]


def test_today_opening_a_sentence_or_a_headline_is_still_the_day() -> None:
    for text in ("Today, Okoye spoke.", "Ferries Resume Today", "FERRIES RESUME TODAY"):
        assert [t.value for t in find_times(text, REF)] == [REF]


def test_decades_with_an_apostrophe_and_weather_in_the_80s() -> None:
    assert values("Harbourtown boomed during the 80’s.") == [("80’s", "DATE", "198")]
    assert values("Okoye lived there in the 90's and 2000s.")[0] == ("90's", "DATE", "199")
    assert values("Highs will be in the 80s.") == []


def test_a_story_told_in_order_counts_on_across_a_paragraph() -> None:
    text = (
        "Okoye was born on February 24, 1955. She founded the ferry line in 1976, and in "
        "1984 its first boat sailed.\n\nOne year later she was fired."
    )
    assert values(text)[-1] == ("One year later", "DATE", "1985")  # was 1956, from her birth


def test_black_monday_is_a_name_not_this_week() -> None:
    assert values("Markets recalled Black Monday.") == []


def test_no_date_means_no_guess() -> None:
    found = find_times("The minister said Tuesday he resigned in March.", None)
    assert [(t.text, t.value, t.resolved) for t in found] == [
        ("Tuesday", "XXXX-WXX-2", False),
        ("March", "XXXX-03", False),
    ]
    assert find_times("It lasted five years.", None)[0].resolved  # a duration needs no date


def test_offsets_point_at_the_text() -> None:
    text = "On Monday, 3 June 2019, the council met; it meets again next week."
    for t in find_times(text, REF):
        assert text[t.start : t.end] == t.text
    assert [t.text for t in find_times(text, REF)] == ["Monday, 3 June 2019", "next week"]


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the plan may work.",  # a name and a verb, not the month
        "They sailed to Easter Island.",  # a place, not the holiday
        "The fire killed 1800 people and destroyed 2019 homes.",  # counts, not years
        "Police said 2,015 people were arrested.",
        "The fall of the regime came quickly.",  # not autumn
        "Skaters trained for the Winter Olympics after the Arab Spring.",  # names, not seasons
        "She won gold in the Winter Olympics.",
        "Marsh still remembers that day.",  # no day the text named
        "Crowds gathered as soon as the ferry left.",  # a conjunction, not "soon"
        "Holm read the Harbourtown Daily News.",  # names
        "Okoye told NBC's ''Today'' the ferry would run.",
        "A USA Today poll and a USA TODAY investigation found it.",  # the newspaper
        "Okoye told NBC's Today show and The Tonight Show about it.",
        "Marsh spoke to Harbourtown Today USA.",
        "Okoye watched Russia Today programming.",
        "Okoye sold Christmas trees, Easter eggs and Halloween costumes.",  # things
        "He scored 12.5% and 2010 ended badly" * 0,  # empty text
        "",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert [t.text for t in find_times(text, REF) if t.text not in ("now",)] == []


@pytest.mark.parametrize(
    "text",
    [
        "))))(((( 31/31/9999 Febtember 99, 0000 :: 25:99 pm",
        "x" * 10_000,
        "March " * 2_000,
        "Tuesday\u00a0\u2009morning\u200b at 99 o'clock on 2019-02-30",
        "In " + "the past " * 500 + "years",
        # No full stop or line break anywhere: each expression must look only near itself.
        "it rose in 2019 and fell on Tuesday " * 3_000,
    ],
)
def test_hostile_text_never_breaks(text: str) -> None:
    for t in find_times(text, REF):
        assert text[t.start : t.end] == t.text
    # Dates at the ends of the calendar never raise either.
    for ref in ("0001-01-01", "9999-12-31"):
        find_times(text + " last year, next month, 3 centuries ago, tomorrow, the 1990s", ref)


def test_ingest_stores_and_exports_dates(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "title": "Council votes on budget",
                "published": REF,
                "text": "The council said Tuesday it would vote on the budget next week.\n\n"
                "The last budget was passed in March 2018 after three months of talks.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [str(tmp_path / "a.json")], presstrace.Options(workers=1, quotes=False))
    dates = list(rows(db, "dates"))
    assert [(d["text"], d["value"]) for d in dates] == [
        ("Tuesday", "2019-11-26"),
        ("next week", "2019-W49"),
        ("March 2018", "2018-03"),
        ("three months", "P3M"),
    ]
    article = next(db.articles())
    for d in dates:
        assert article["text"][d["start"] : d["end"]] == d["text"]
        assert d["article"] == article["id"] and d["resolved"]
    assert db.stats()["dates"] == 4 and db.stats()["unresolved_dates"] == 0
    # Re-running is safe: nothing doubles.
    presstrace.ingest(db, [str(tmp_path / "a.json")], presstrace.Options(workers=1, quotes=False))
    presstrace.reanalyse(db, presstrace.Options(workers=1, quotes=False))
    assert len(list(rows(db, "dates"))) == len(dates)


def test_older_databases_are_filled_in(tmp_path: Path) -> None:
    line = {"title": "Talks end", "text": "The talks ended on 5 May 2019 without a deal."}
    (tmp_path / "a.json").write_text(json.dumps(line) + "\n", encoding="utf-8")
    db = presstrace.open(tmp_path / "kb.db")
    presstrace.ingest(db, [str(tmp_path / "a.json")], presstrace.Options(workers=1, quotes=False))
    # As a database from before the dates stage: nothing found, nothing looked for.
    db.conn.execute("DELETE FROM dates")
    db.conn.execute("UPDATE articles SET timed = 0")
    db.conn.commit()
    report = presstrace.corpus.update(db, quotes=False)
    assert report.dated == 1
    assert [d["value"] for d in rows(db, "dates")] == ["2019-05-05"]


def test_a_database_from_before_dates_is_upgraded_and_filled_in(tmp_path: Path) -> None:
    from tests.builders import database_at_version

    path = tmp_path / "v4.db"
    conn = database_at_version(path, 4)
    conn.execute(
        "INSERT INTO articles (id, raw_sha256, source, kind, published, text, extractor, "
        "ingested) VALUES ('a1', 'ff', 'a.txt', 'text', '2019-11-27', "
        "'The envoy said Tuesday that talks end next week.', 'x', '2019-11-27')"
    )
    conn.close()
    db = presstrace.open(path)
    assert presstrace.corpus.update(db, quotes=False).dated == 1
    assert [(d["text"], d["value"]) for d in rows(db, "dates")] == [
        ("Tuesday", "2019-11-26"),
        ("next week", "2019-W49"),
    ]
