"""The command line: contract, exit codes, output formats."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from presstrace.cli import cli
from tests.builders import BODY, PARAGRAPHS, TITLE

CONTRACT = ["id", "source", "title", "outlet", "byline", "published", "text"]


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_ingest_export_stats_errors(tmp_path, write) -> None:
    write("good.txt", f" date 2024-03-11 {TITLE}\n\n{BODY}")
    write("bad.bin", bytes(range(256)) * 8)
    db = str(tmp_path / "kb.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert result.exit_code == 1  # something failed
    assert "1 new, 0 already present, 1 failed" in result.output
    assert "bad.bin" in result.output and "binary" in result.output

    again = run("ingest", str(tmp_path / "in" / "good.txt"), "--db", db)
    assert again.exit_code == 0
    assert "0 new, 1 already present, 0 failed" in again.output

    lines = run("export", "articles", "--db", db).stdout.splitlines()
    (article,) = [json.loads(line) for line in lines]
    assert list(article)[: len(CONTRACT)] == CONTRACT
    assert article["published"] == "2024-03-11"
    assert article["title"] == TITLE
    assert PARAGRAPHS[3] in article["text"]

    out = tmp_path / "a.csv"
    assert run("export", "articles", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[0]["id"] == article["id"]

    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == 1 and stats["errors"] == 1
    assert "by input kind" in run("stats", "--db", db).stdout

    errors = [json.loads(x) for x in run("errors", "--db", db, "--json").stdout.splitlines()]
    assert [e["code"] for e in errors] == ["binary"]


def test_stdin_dash(tmp_path) -> None:
    db = str(tmp_path / "kb.db")
    result = run("ingest", "-", "--db", db, stdin=f"{TITLE}\n\n{BODY}")
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output


def test_every_export_kind_works(tmp_path) -> None:
    db = str(tmp_path / "kb.db")
    run("ingest", "-", "--db", db, "--no-quotes", stdin=f" date 2024-03-11 {TITLE}\n\n{BODY}")
    figures = [
        json.loads(line) for line in run("export", "figures", "--db", db).stdout.splitlines()
    ]
    assert [(f["text"], f["value"], f["unit"]) for f in figures] == [
        ("three weeks", 3.0, "week"),
        ("about 40", 40.0, None),
        ("250,000 euros", 250000.0, "EUR"),
    ]
    for kind in ("quantities", "timeline", "dates", "stories", "copies", "terms"):
        assert run("export", kind, "--db", db).exit_code == 0
    unknown = CliRunner().invoke(cli, ["export", "nothing", "--db", db])
    assert unknown.exit_code != 0 and "figures" in unknown.output


def test_missing_database_is_a_clear_error(tmp_path) -> None:
    result = run("stats", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert "presstrace ingest" in result.output


def test_article_text_is_not_read_as_terminal_markup(tmp_path, write) -> None:
    write("[bold]evil[/bold].txt", b"")
    db = str(tmp_path / "kb.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db)
    assert "[bold]evil[/bold].txt" in result.output


def test_demo_builds_a_database(tmp_path) -> None:
    db = tmp_path / "demo.db"
    result = run("demo", "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "articles stored" in result.output
    stats = json.loads(run("stats", "--db", str(db), "--json").stdout)
    assert stats["articles"] >= 25
    assert stats["errors"] == 0


def test_every_command_is_in_the_readme() -> None:
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    for name in cli.commands:
        assert f"presstrace {name}" in readme, f"`presstrace {name}` is not documented"


def test_copies_and_stories_exports_and_counts(tmp_path, write) -> None:
    write("gazette.txt", f" date 2024-03-11 {TITLE}\n\n{BODY}")
    edited = BODY.replace("three weeks", "about three weeks")
    write("herald.txt", f" date 2024-03-12 Quay closed after storm\n\n{edited}")
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1").exit_code == 0
    (pair,) = [json.loads(x) for x in run("export", "copies", "--db", db).stdout.splitlines()]
    assert list(pair)[:6] == ["a", "b", "relation", "shared", "passages", "earlier"]
    assert pair["relation"] == "near_duplicate"
    (story,) = [json.loads(x) for x in run("export", "stories", "--db", db).stdout.splitlines()]
    assert list(story)[:5] == ["id", "title", "articles", "first_seen", "last_seen"]
    assert (story["first_seen"], story["last_seen"]) == ("2024-03-11", "2024-03-12")
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert (stats["articles"], stats["reports"], stats["stories"]) == (2, 1, 1)
    assert "1 reports" in run("stats", "--db", db).stdout
