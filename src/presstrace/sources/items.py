"""What a source reader yields besides ``RawRecord``: failures and deliberate skips."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import RawRecord


@dataclass(frozen=True)
class Failure:
    """An input that could not be read. ``data`` keeps its bytes when we have them (stdin)."""

    source: str
    error: InputError
    data: bytes | None = None


@dataclass(frozen=True)
class Skip:
    """Not an article and not an error: a redirect in a WARC, a hidden file."""

    source: str
    reason: str


Item = RawRecord | Failure | Skip
