"""Export: the contract's KINDs as JSON lines or CSV, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from .errors import PresstraceError
from .store import Database

FORMATS = ("jsonl", "csv")
#: KINDs of the export contract, and the extra ones (statements, terms, quantities, timeline).
KINDS = (
    "articles", "quotes", "speakers", "statements", "terms", "figures", "quantities", "dates",
    "timeline", "stories", "copies",
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
    }
    if kind not in readers:
        raise ExportError(f"unknown export {kind!r}; choose one of: {', '.join(KINDS)}")
    return readers[kind]()


def write(records: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> int:
    """Write ``records`` to ``out``; return how many. Lists and dicts become JSON in CSV cells."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for count, record in enumerate(records, start=1):  # noqa: B007 (count is the result)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count
    writer: csv.DictWriter[str] | None = None
    for count, record in enumerate(records, start=1):  # noqa: B007
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in record.items()})
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
