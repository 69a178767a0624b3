"""Ingest guarantees: nothing lost, nothing duplicated, every failure explained."""

from __future__ import annotations

import gzip
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import presstrace
from presstrace.engines import run_local
from presstrace.errors import InputError
from presstrace.model import RawRecord
from tests.builders import BODY, PARAGRAPHS, TITLE, article_html, jsonl


def story(n: int) -> str:
    """A distinct small article; n makes the bytes unique."""
    return (
        f"Council approves budget number {n}\n\n{BODY}\n\n"
        f"The vote on item {n} passed by {n % 7 + 5} votes to {n % 3}."
    )


def bad_inputs(write) -> dict[str, str]:
    """One of each kind of broken input, by the error code it must produce."""
    random.seed(7)
    write("good.txt", story(1))
    write("binary.dat", bytes(range(256)) * 64)
    write("image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write("empty.txt", b"")
    write("undecodable.txt", bytes(random.randrange(0x80, 0x100) for _ in range(4000)))
    whole = gzip.compress(story(2).encode() * 200)
    write("truncated.txt.gz", whole[: len(whole) // 3])
    write(
        "nothing.html",
        "<html><head><title>Index</title></head><body><nav><a href='/'>Home"
        "</a></nav><script>var x = 1;</script></body></html>",
    )
    big = write("huge.txt", b"")
    chunk = b"A very long article that never ends, or a whole site saved as one page.\n" * 14_000
    with big.open("wb") as handle:  # a 100 MB text file: refused without being read whole
        for _ in range(100):
            handle.write(chunk)
    (write("x", "").parent / "dangling.txt").symlink_to("/nonexistent/target")
    (write("x", "").parent / "x").unlink()
    return {
        "binary.dat": "binary",
        "image.png": "binary",
        "empty.txt": "empty",
        "undecodable.txt": "decode",
        "truncated.txt.gz": "truncated",
        "nothing.html": "no-article",
        "huge.txt": "too-large",
        "dangling.txt": "not-found",
    }


def test_bad_inputs_fail_alone_with_reasons(db, options, write, tmp_path) -> None:
    expected = bad_inputs(write)
    report = presstrace.ingest(db, [str(tmp_path / "in"), str(tmp_path / "missing")], options)
    assert report.new == 1
    codes = {Path(e["source"]).name: e["code"] for e in db.errors()}
    assert codes == {**expected, "missing": "not-found"}
    for error in db.errors():
        assert len(error["reason"]) > 10  # a sentence, not a code
    assert report.failed == len(expected) + 1
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_second_ingest_adds_nothing(db, options, write, tmp_path) -> None:
    bad_inputs(write)
    for n in range(3, 8):
        write(f"s{n}.txt", story(n))
    first = presstrace.ingest(db, [str(tmp_path / "in")], options)
    tables = ("articles", "raw", "sources", "errors", "articles_fts")
    before = {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    second = presstrace.ingest(db, [str(tmp_path / "in")], options)
    after = {t: db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert (second.new, second.present) == (0, first.new)
    assert before == after
    attempts = {e["attempts"] for e in db.errors()}
    assert attempts == {2}  # the same failures again: counted, not duplicated


def test_same_article_under_two_names_is_stored_once(db, options, write, tmp_path) -> None:
    write("a.txt", story(1))
    write("copy/a-again.txt", story(1))
    report = presstrace.ingest(db, [str(tmp_path / "in")], options)
    assert (report.new, report.present) == (1, 1)
    (article,) = db.articles()
    assert len(db.article(article["id"])["sources"]) == 2


def test_raw_input_is_kept_byte_for_byte(db, options, write) -> None:
    data = ("Une ville ferme son port\n\n" + BODY).encode("utf-16")
    path = write("utf16.txt", data)
    presstrace.ingest(db, [str(path)], options)
    (article,) = db.articles()
    full = db.article(article["id"])
    assert db.raw(full["raw_sha256"]) == data
    assert PARAGRAPHS[0] in full["text"]


def test_error_resolved_when_a_later_run_reads_the_source(db, options, write) -> None:
    path = write("late.txt", b"")
    presstrace.ingest(db, [str(path)], options)
    assert [e["code"] for e in db.errors()] == ["empty"]
    path.write_text(story(9))
    report = presstrace.ingest(db, [str(path)], options)
    assert report.ok
    assert db.errors() == []
    assert db.errors(include_resolved=True)[0]["resolved"] is not None


def test_stdin_failure_keeps_the_bytes(db, options, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02" * 10)))
    presstrace.ingest(db, ["-"], options)
    (error,) = db.errors()
    assert error["code"] == "binary"
    assert db.raw(error["raw_sha256"]) == b"\x00\x01\x02" * 10


def test_parallel_and_serial_runs_store_the_same(tmp_path, write) -> None:
    for n in range(40):
        write(f"s{n:02}.txt", story(n))
    write(
        "feed.jsonl",
        jsonl(*({"html": article_html(title=f"T{n}"), "url": f"u{n}"} for n in range(10))),
    )
    results = []
    for workers in (1, 2):
        with presstrace.open(tmp_path / f"w{workers}.db") as db:
            report = presstrace.ingest(
                db, [str(tmp_path / "in")], presstrace.Options(workers=workers)
            )
            assert (report.new, report.failed) == (50, 0)
            results.append(sorted((a["id"], a["title"], a["text"]) for a in db.articles()))
    assert results[0] == results[1]


def _crash_on_poison(record: RawRecord) -> str:
    if b"poison" in record.data:
        os._exit(13)  # what a segfault in a C parser looks like from the parent
    if b"raise" in record.data:
        raise ValueError("parser bug")
    return record.source


def test_a_crashing_worker_loses_only_its_record() -> None:
    records = [RawRecord(f"r{i}", "text", b"fine %d" % i) for i in range(12)]
    records.insert(5, RawRecord("bad", "text", b"poison"))
    records.insert(8, RawRecord("buggy", "text", b"raise"))
    by_source = {r.source: o for r, o in run_local(_crash_on_poison, records, workers=2)}
    assert len(by_source) == 14
    assert isinstance(by_source["bad"], InputError) and by_source["bad"].code == "crashed"
    assert isinstance(by_source["buggy"], InputError) and by_source["buggy"].code == "failed"
    assert all(by_source[f"r{i}"] == f"r{i}" for i in range(12))


@pytest.mark.slow
def test_killed_ingest_leaves_a_consistent_file_and_resumes(tmp_path, write) -> None:
    count = 600
    for n in range(count):
        write(f"{n // 100:02}/s{n:04}.txt", story(n))
    db_path = tmp_path / "kill.db"
    command = [
        sys.executable,
        "-m",
        "presstrace",
        "ingest",
        str(tmp_path / "in"),
        "--db",
        str(db_path),
        "--workers",
        "2",
        "-q",
    ]
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and stored == 0:  # wait for the first committed batch
        time.sleep(0.05)
        if db_path.exists():
            try:
                with sqlite3.connect(db_path, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < count, "the run must be killed half-way for this test to mean anything"
    assert workers, "the run should have had worker processes"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "workers outlived the killed ingest"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] < count
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    with presstrace.open(db_path) as db:
        ids = [a["id"] for a in db.articles()]
        assert len(ids) == len(set(ids)) == count
        fts = db.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == count
        orphans = db.conn.execute(
            "SELECT count(*) FROM quotes WHERE article NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        quoted = db.conn.execute("SELECT count(DISTINCT article) FROM quotes").fetchone()[0]
        assert quoted == count  # each story quotes the harbour engineer
        unlinked = db.conn.execute(
            "SELECT count(*) FROM quotes WHERE (statement IS NULL OR speaker IS NULL) "
            "AND speaker_kind != 'writer'"  # the outlet's own voice is no one's statement
        ).fetchone()[0]
        assert unlinked == 0
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path, write) -> None:
    for n in range(10_000):
        write(
            f"{n // 1000}/{n:05}.txt",
            f"Short item {n}\n\nThe number of the day is {n}, "
            "officials told reporters at the weekly briefing on Monday.",
        )
    with presstrace.open(tmp_path / "many.db") as db:
        options = presstrace.Options(workers=2, quotes=False)  # reading at scale, not NLP
        report = presstrace.ingest(db, [str(tmp_path / "in")], options)
        assert (report.new, report.failed) == (10_000, 0)
        assert db.stats()["articles"] == 10_000


def test_reanalyse_from_stored_raw_without_the_original_files(db, write, tmp_path) -> None:
    path = write("scrape.txt", f"{TITLE}\n\n{BODY}\n\nAdvertisement\n\nShare this article")
    presstrace.ingest(db, [str(path)], presstrace.Options(workers=1, clean_text=False))
    (before,) = db.articles()
    assert "Advertisement" in before["text"]
    path.unlink()  # the original is gone; the stored raw input is enough
    report = presstrace.reanalyse(db, presstrace.Options(workers=1))
    assert (report.changed, report.unchanged, report.failed) == (1, 0, [])
    (after,) = db.articles()
    assert after["id"] == before["id"]
    assert "Advertisement" not in after["text"]
    assert PARAGRAPHS[0] in after["text"]
    assert [h["id"] for h in db.search("harbour")] == [after["id"]]
    again = presstrace.reanalyse(db, presstrace.Options(workers=1))
    assert (again.changed, again.unchanged) == (0, 1)


def test_reanalyse_updates_a_quote_whose_kind_of_speaker_changed(db, write) -> None:
    # as after an older presstrace that told the writer's own voice from no one's apart
    path = write("vote.txt", "Harbour vote\n\nThe harbour vote is expected to pass on Tuesday.")
    options = presstrace.Options(workers=1)
    presstrace.ingest(db, [str(path)], options)
    db.conn.execute("UPDATE quotes SET speaker_kind = 'unknown'")
    assert presstrace.reanalyse(db, options).changed == 1
    assert [q["speaker_kind"] for q in db.quotes()] == ["writer"]


def test_a_failing_quote_stage_keeps_the_article(db, write, monkeypatch) -> None:
    path = write("story.txt", story(3))
    options = presstrace.Options(workers=1)

    def broken(self, texts):  # a bug in the quote finder, for this test
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("presstrace.quotes.extract.QuoteExtractor.extract_with_terms", broken)
    report = presstrace.ingest(db, [str(path)], options)
    assert len(list(db.articles())) == 1  # stored all the same, without quotes
    assert list(db.quotes()) == []
    (error,) = db.errors()
    assert error["code"] == "quotes-failed" and "RecursionError" in error["reason"]
    assert "reanalyse" in error["reason"] and report.new == 1
    monkeypatch.undo()
    again = presstrace.reanalyse(db, options)
    assert again.changed == 1 and db.errors() == [] and list(db.quotes())
    assert presstrace.reanalyse(db, options).unchanged == 1


def test_a_failing_figures_stage_keeps_the_article(db, write, monkeypatch) -> None:
    path = write("story.txt", story(3))
    options = presstrace.Options(workers=1, quotes=False)

    def broken(text, times=None):  # a bug in the figures finder, for this test
        raise ValueError("no such number")

    monkeypatch.setattr("presstrace.extract.find_figures", broken)
    report = presstrace.ingest(db, [str(path)], options)
    assert report.new == 1 and len(list(db.articles())) == 1
    assert list(db.figures()) == []
    (error,) = db.errors()
    assert error["code"] == "figures-failed" and "ValueError" in error["reason"]
    monkeypatch.undo()
    again = presstrace.reanalyse(db, options)
    assert again.changed == 1 and db.errors() == [] and list(db.figures())
    # The corpus-side fill-in of older articles records a failure the same way.
    db.conn.execute("UPDATE articles SET figured = 0")
    db.conn.commit()
    monkeypatch.setattr("presstrace.figures.corpus.find_figures", broken)
    presstrace.corpus.update(db, quotes=False)
    assert [e["code"] for e in db.errors()] == ["figures-failed"]


def _children(pid: int) -> list[int]:
    """Worker processes of ``pid`` (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text:
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state  # a zombie has exited
