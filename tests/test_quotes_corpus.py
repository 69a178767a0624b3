"""Across articles: one speaker per person or body, one statement per quote, and the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import presstrace
from presstrace.cli import cli

WIRE = (
    " date 2024-03-11 Port Alden closes northern quay\n\n"
    "Harbour Minister Elena Marsh said on Monday that the northern quay would stay closed.\n\n"
    "“We cannot let ships berth there until the sea wall is safe again,” Marsh told "
    "reporters at the port.\n\n"
    "A senior port official said the repairs would take at least three weeks."
)
REWRITE = (
    " date 2024-03-12 Fishermen angry as quay shuts\n\n"
    "Fishermen in Port Alden reacted angrily to the closure of the northern quay.\n\n"
    "“We can not let ships berth there until the sea-wall is safe,” the minister told "
    "reporters, according to the Alden Gazette.\n\n"
    "A senior port official said the council had known about the cracks for a year."
)
LATER = (
    " date 2024-03-20 Quay to reopen in April\n\n"
    "Marsh said on Wednesday that the repairs were ahead of schedule and that the quay "
    "would reopen in April."
)
QUOTES_CONTRACT = ["id", "article", "source", "text", "kind", "speaker", "cue", "start", "end",
                   "statement"]  # fmt: skip
SPEAKERS_CONTRACT = ["id", "name", "kind", "aliases", "roles", "quotes"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "in").mkdir()
    for name, text in (("wire.txt", WIRE), ("rewrite.txt", REWRITE), ("later.txt", LATER)):
        (root / "in" / name).write_text(text, encoding="utf-8")
    db_path = root / "kb.db"
    with presstrace.open(db_path) as db:
        report = presstrace.ingest(db, [str(root / "in")], presstrace.Options(workers=1))
        assert (report.new, report.failed) == (3, 0)
        assert report.corpus is not None and report.corpus.quotes is not None
        assert report.corpus.quotes.shared_statements >= 1
    return db_path


def test_the_same_quote_in_two_outlets_is_one_statement(corpus: Path) -> None:
    with presstrace.open(corpus, readonly=True) as db:
        quotes = [q for q in db.quotes() if q["text"].startswith("We can")]
        assert len(quotes) == 2
        # The Gazette's report that the minister said it is an attribution of its own.
        (report,) = [q for q in db.quotes() if q["speaker"]["name"] == "Alden Gazette"]
        assert "the minister told reporters" in report["text"]
        assert report["statement"] != quotes[0]["statement"]
        assert quotes[0]["statement"] == quotes[1]["statement"]
        (statement,) = [s for s in db.statements() if s["id"] == quotes[0]["statement"]]
        assert statement["reports"] == 2
        assert statement["wordings"] == 2  # "cannot" / "can not", "sea wall" / "sea-wall"
        assert statement["first_published"] == "2024-03-11"
        assert statement["speakers"] == 1  # "Marsh" and "the minister" are the same person


def test_one_speaker_entity_per_person(corpus: Path) -> None:
    with presstrace.open(corpus, readonly=True) as db:
        people = {s["name"]: s for s in db.speakers() if s["kind"] == "person"}
        marsh = people["Elena Marsh"]
        assert marsh["quotes"] >= 4
        assert "Marsh" in marsh["aliases"]
        assert {"role": "Harbour Minister", "first_seen": "2024-03-11",
                "last_seen": "2024-03-11"} in marsh["roles"]  # fmt: skip
        later = [q for q in db.quotes() if "ahead of schedule" in q["text"]]
        assert later[0]["speaker"]["id"] == marsh["id"]  # a bare surname, in another article


def test_unnamed_sources_are_not_merged_across_articles(corpus: Path) -> None:
    with presstrace.open(corpus, readonly=True) as db:
        officials = [s for s in db.speakers() if s["name"] == "senior port official"]
        assert len(officials) == 2
        assert all(s["kind"] == "unnamed" for s in officials)


def test_quotes_and_speakers_exports_follow_the_contract(corpus: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["export", "quotes", "--db", str(corpus)]).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(list(r)[: len(QUOTES_CONTRACT)] == QUOTES_CONTRACT for r in rows)
    for row in rows:
        assert row["kind"] in ("direct", "indirect", "mixed")
        speaker = row["speaker"]
        assert speaker is None or set(speaker) == {"name", "mention", "id"}
    out = runner.invoke(cli, ["export", "speakers", "--db", str(corpus)]).stdout
    speakers = [json.loads(line) for line in out.splitlines()]
    assert speakers and all(
        list(s)[: len(SPEAKERS_CONTRACT)] == SPEAKERS_CONTRACT for s in speakers
    )


def test_quote_offsets_point_into_the_clean_text(corpus: Path) -> None:
    with presstrace.open(corpus, readonly=True) as db:
        texts = {a["id"]: a["text"] for a in db.articles()}
        for quote in db.quotes():
            assert texts[quote["article"]][quote["start"] : quote["end"]] == quote["text"]


def test_python_api_filters_quotes_by_speaker(corpus: Path) -> None:
    with presstrace.open(corpus, readonly=True) as db:
        by_name = list(db.quotes(speaker="Elena Marsh"))
        assert by_name and all(q["speaker"]["name"] == "Elena Marsh" for q in by_name)


def test_short_identical_quotes_need_the_same_speaker(tmp_path: Path) -> None:
    lead = {
        "a.txt": "The town council voted on Monday to set up a harbour fund of 250,000 euros.",
        "b.txt": "The ferry strike entered its third week on Tuesday with no talks in sight.",
        "c.txt": "The mayor stayed cautious on Friday about when the harbour fund would pay out.",
    }
    said = {
        "a.txt": "“We will see,” said Mayor Ann Lee after the vote.",
        "b.txt": "“We will see,” said union leader Tom Ash outside the depot.",
        "c.txt": "“We will see,” Ann Lee told reporters at the town hall.",
    }
    texts = {name: f"{lead[name]}\n\n{said[name]}" for name in lead}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with presstrace.open(tmp_path / "kb.db") as db:
        presstrace.ingest(db, [str(tmp_path)], presstrace.Options(workers=1))
        by_speaker = {q["speaker"]["name"]: q["statement"] for q in db.quotes()}
        statements = {q["statement"] for q in db.quotes()}
    assert len(statements) == 2
    assert by_speaker["Ann Lee"] != by_speaker["Tom Ash"]


def test_roles_are_merged_by_office_and_kept_apart_by_time() -> None:
    from presstrace.quotes.corpus import _Quote, _roles

    def said(role: str, day: str) -> _Quote:
        return _Quote("q", "a", "words", "Elena Marsh", "person", role, None, day, None)

    roles = _roles(
        [
            said("U.S. Harbour Minister", "2024-03-12"),
            said("US Harbour Minister", "2024-03-11"),
            said("the Harbour Minister", "2024-03-14"),
            said("former Harbour Minister", "2025-01-02"),
        ]
    )
    assert sorted(roles, key=lambda r: str(r["first_seen"])) == [
        {"role": "U.S. Harbour Minister", "first_seen": "2024-03-11", "last_seen": "2024-03-14"},
        {"role": "former Harbour Minister", "first_seen": "2025-01-02", "last_seen": "2025-01-02"},
    ]


def test_a_phrase_in_hundreds_of_quotes_neither_joins_them_nor_hides_a_reprint() -> None:
    from presstrace.quotes import corpus

    def quote(n: int, text: str) -> corpus._Quote:
        return corpus._Quote(f"a{n}:0", f"a{n}", text, "Speaker", "person", None, None,
                             f"2030-01-{1 + n % 28:02d}", "Outlet")  # fmt: skip

    common = "we will work with the United States and our partners"
    quotes = [quote(n, f"{common} on harbour number {n} and its {n} cranes") for n in range(300)]
    said = "the dredging of the northern channel starts in the spring, paid for by the port"
    quotes += [quote(400, f"{common}, and {said}"), quote(401, f"{common} and {said} itself")]
    groups = corpus._group_statements(quotes)
    joined = [g for g in groups if len(g) > 1]
    assert [sorted(q.id for q in g) for g in joined] == [["a400:0", "a401:0"]]


def test_the_writers_own_voice_is_no_ones_statement(tmp_path: Path) -> None:
    from presstrace.export import rows

    text = (
        "The harbour vote is expected to pass on Tuesday, and the plan appears to have "
        "the votes.\n\nMayor Ann Lee said on Monday that the quay would reopen in April."
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(" date 2024-03-13 Vote\n\n" + text, encoding="utf-8")
    with presstrace.open(tmp_path / "kb.db") as db:
        presstrace.ingest(db, [str(tmp_path / "in")], presstrace.Options(workers=1))
        quotes = list(db.quotes())
        voiced = [q for q in quotes if q["speaker_kind"] == "writer"]
        assert voiced and all(q["speaker"] is None and q["statement"] is None for q in voiced)
        assert [s["text"] for s in db.statements()] == ["that the quay would reopen in April"]
        events = {e["text"]: (e["event"], e["speaker"]) for e in rows(db, "timeline")}
        assert events["Tuesday"] == ("event", None)  # "expected to pass on Tuesday"
        assert events["Monday"] == ("statement", "Ann Lee")
