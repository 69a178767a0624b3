"""The SQLite file: schema versions, refusal of foreign files, search, stats."""

from __future__ import annotations

import sqlite3

import pytest

import presstrace
from presstrace.errors import StoreError
from presstrace.store import SCHEMA_VERSION
from presstrace.store.schema import MIGRATIONS, migrate
from tests.builders import BODY, TITLE


def test_new_file_is_at_the_current_version_in_wal_mode(db) -> None:
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_apply_in_order_and_only_once(tmp_path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    assert migrate(conn) == 0
    assert migrate(conn) == len(MIGRATIONS)  # second call: nothing left to do
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "raw", "sources", "errors", "runs", "articles_fts"} <= tables


def test_a_newer_database_is_refused_with_advice(tmp_path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="upgrade presstrace"):
        presstrace.open(path)


def test_a_foreign_sqlite_file_is_not_touched(tmp_path) -> None:
    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not made by presstrace"):
        presstrace.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_not_a_database(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        presstrace.open(path)


def test_readonly_open_needs_an_existing_file(tmp_path) -> None:
    with pytest.raises(StoreError, match="presstrace ingest"):
        presstrace.open(tmp_path / "nope.db", readonly=True)


def test_search_and_stats(db, options, write) -> None:
    write("a.txt", f" date 2024-03-11 {TITLE}\n\n{BODY}")
    write(
        "b.jsonl",
        '{"text": "The zebra crossing on Quay Street will be repainted next week, '
        'the town council said on Friday.", "outlet": "Alden Radio", '
        '"published": "2024-03-15"}\n',
    )
    presstrace.ingest(db, [str(write("c.txt", "").parent)], options)
    hits = db.search("zebra")
    assert len(hits) == 1 and "[zebra]" in hits[0]["snippet"]
    assert [h["title"] for h in db.search("harbour AND quay")] == [TITLE]
    stats = db.stats()
    assert stats["articles"] == 2
    assert dict(stats["by_kind"]) == {"text": 1, "jsonl": 1}
    assert dict(stats["by_outlet"]) == {"Alden Radio": 1, "(unknown)": 1}
    assert dict(stats["by_day"]) == {"2024-03-11": 1, "2024-03-15": 1}
    assert dict(stats["errors_by_code"]) == {"empty": 1}
