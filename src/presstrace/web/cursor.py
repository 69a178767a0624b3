"""Keyset pagination: stable cursors over any sorted list, whatever is added meanwhile.

A list is sorted by a few SQL expressions, all in one direction, the last of them unique (an
id), so every row has one place. A cursor is the sort key of the last row shown, encoded; the
next page is the rows whose key comes after it (``(a, b) < (?, ?)`` with SQLite's row values),
which an index serves without counting the rows before it, so page 1,000 costs what page 1
does, and rows added while a user pages through never shift or repeat what they see.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import PresstraceError

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


class CursorError(PresstraceError):
    """A cursor that this list did not hand out."""


@dataclass(frozen=True)
class Sort:
    """One way to order a list: SQL expressions (the last unique) and the direction."""

    keys: tuple[str, ...]
    descending: bool

    @property
    def order_by(self) -> str:
        direction = " DESC" if self.descending else ""
        return ", ".join(key + direction for key in self.keys)

    def after(self, cursor: str | None, sort_name: str) -> tuple[str, list[Any]]:
        """The SQL condition (and its parameters) for the rows after ``cursor``."""
        if cursor is None:
            return "1", []
        values = decode(cursor, sort_name, len(self.keys))
        op = "<" if self.descending else ">"
        rows = f"({', '.join(self.keys)}) {op} ({', '.join('?' * len(self.keys))})"
        # The bound on the first key alone lets SQLite start the index scan at the cursor (it
        # does not for a row value over expressions such as coalesce()).
        return f"{self.keys[0]} {op}= ? AND {rows}", [values[0], *values]


def encode(sort_name: str, values: Sequence[Any]) -> str:
    raw = json.dumps([sort_name, *values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, sort_name: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        found = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError("this cursor is not one presstrace gave out; start from page 1") from None
    if not (isinstance(found, list) and len(found) == size + 1 and found[0] == sort_name):
        raise CursorError(
            "this cursor belongs to another list or sort order; start from page 1 of this one"
        )
    if not all(isinstance(v, str | int | float) or v is None for v in found[1:]):
        raise CursorError("this cursor is not one presstrace gave out; start from page 1")
    return found[1:]


def clamp(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    return max(1, min(MAX_LIMIT, limit))
