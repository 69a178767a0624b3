"""Export: the contract's KINDs as JSON lines or CSV, streamed row by row, or as Parquet;
and the whole knowledge base as FollowTheMoney entities (KIND ``ftm``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from ..errors import PresstraceError
from ..store import Database
from .ftm import entities as ftm_entities

FORMATS = ("jsonl", "csv", "parquet")
#: Formats that are written line by line (and so can go to standard output).
TEXT_FORMATS = ("jsonl", "csv")
#: KINDs of the export contract, and the extra ones (statements, terms, quantities, timeline).
KINDS = (
    "articles", "quotes", "speakers", "statements", "terms", "figures", "quantities", "dates",
    "timeline", "stories", "copies", "ftm",
)  # fmt: skip


class ExportError(PresstraceError):
    pass


def rows(db: Database, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one export KIND."""
    readers: dict[str, Callable[[], Iterator[dict[str, Any]]]] = {
        "articles": db.articles,
        "quotes": db.quotes,
        "speakers": db.speakers,
        "statements": db.statements,
        "terms": db.terms,
        "figures": db.figures,
        "quantities": db.quantities,
        "dates": db.dates,
        "timeline": db.timeline,
        "copies": db.copies,
        "stories": db.stories,
        "ftm": lambda: ftm_entities(db),
    }
    if kind not in readers:
        raise ExportError(f"unknown export {kind!r}; choose one of: {', '.join(KINDS)}")
    return readers[kind]()


def write(records: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> int:
    """Write ``records`` to ``out``; return how many. Lists and dicts become JSON in CSV cells."""
    count = 0
    for line in lines(records, fmt):
        out.write(line)
        count += 1
    return count - 1 if fmt == "csv" and count else count


def lines(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[str]:
    """``records`` as lines of JSON or CSV (a header line first), one at a time."""
    if fmt not in TEXT_FORMATS:
        raise ExportError(
            f"format {fmt!r} is not written line by line; choose one of: {', '.join(TEXT_FORMATS)}"
            " (Parquet: `presstrace export KIND --format parquet -o FILE`)"
        )
    if fmt == "jsonl":
        for record in records:
            yield json.dumps(record, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for record in records:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(record), lineterminator="\n")
            writer.writeheader()
            yield _taken(buffer)
        writer.writerow({k: _cell(v) for k, v in record.items()})
        yield _taken(buffer)


def _taken(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
