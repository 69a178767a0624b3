"""Keyset pagination: cursors stay valid and pages never repeat or skip rows, whatever is
added while a user pages through."""

from __future__ import annotations

import sqlite3

import pytest

from presstrace.web import lists
from presstrace.web.cursor import CursorError, Sort, decode, encode


def test_a_cursor_is_the_sort_key_of_the_last_row_and_is_checked() -> None:
    cursor = encode("size", [12, "s1"])
    assert decode(cursor, "size", 2) == [12, "s1"]
    with pytest.raises(CursorError, match="another list or sort"):
        decode(cursor, "newest", 2)
    with pytest.raises(CursorError):
        decode("%%%", "size", 2)
    with pytest.raises(CursorError):
        decode(encode("size", [[1], "s1"]), "size", 2)  # not a plain value
    sql, params = Sort(("size", "id"), descending=True).after(cursor, "size")
    assert sql == "size <= ? AND (size, id) < (?, ?)" and params == [12, 12, "s1"]


def _speakers(conn: sqlite3.Connection, rows: list[tuple[str, int]]) -> None:
    conn.executemany(
        "INSERT INTO speakers (id, name, kind, aliases, roles, quotes) "
        "VALUES (?, ?, 'person', '[]', '[]', ?)",
        [(i, i.upper(), n) for i, n in rows],
    )


def test_pages_stay_put_when_rows_are_added_meanwhile() -> None:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute(
        "CREATE TABLE speakers (id TEXT PRIMARY KEY, name TEXT, kind TEXT, aliases TEXT, "
        "roles TEXT, quotes INTEGER)"
    )
    _speakers(conn, [("a", 9), ("b", 7), ("c", 7), ("d", 5), ("e", 1)])
    first = lists.page(conn, lists.SPEAKERS, limit=2)
    assert [r["id"] for r in first.items] == ["a", "c"]  # quotes, then id, both descending
    _speakers(conn, [("f", 10), ("g", 6)])  # one before the cursor, one after it
    second = lists.page(conn, lists.SPEAKERS, limit=2, cursor=first.next)
    assert [r["id"] for r in second.items] == ["b", "g"]  # nothing repeated, the new row in place
    rest = lists.page(conn, lists.SPEAKERS, limit=10, cursor=second.next)
    assert [r["id"] for r in rest.items] == ["d", "e"] and rest.next is None


def test_unknown_sorts_and_filters_say_what_there_is() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(lists.ListError, match="quotes, name"):
        lists.page(conn, lists.SPEAKERS, sort="loudest")
    with pytest.raises(lists.ListError, match="this list has: q, kind"):
        lists.page(conn, lists.SPEAKERS, filters={"outlet": "x"})
