"""Export: the contract's KINDs as JSON lines or CSV, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from .errors import PresstraceError
from .store import Database

FORMATS = ("jsonl", "csv")
#: KINDs of the export contract, with the stage that produces each.
KINDS = {
    "articles": None,
    "quotes": None,
    "speakers": None,
    "statements": None,
    "terms": None,
    "figures": "figures",
    "dates": None,
    "stories": None,
    "copies": None,
}


class ExportError(PresstraceError):
    pass


def rows(db: Database, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one export KIND."""
    if kind not in KINDS:
        raise ExportError(f"unknown export {kind!r}; choose one of: {', '.join(KINDS)}")
    stage = KINDS[kind]
    if stage is not None:
        raise ExportError(
            f"`{kind}` needs the {stage} stage, which this version of presstrace does not have "
            f"yet; available: {', '.join(k for k, v in KINDS.items() if v is None)}"
        )
    readers: dict[str, Callable[[], Iterator[dict[str, Any]]]] = {
        "articles": db.articles,
        "quotes": db.quotes,
        "speakers": db.speakers,
        "statements": db.statements,
        "terms": db.terms,
        "dates": db.dates,
        "copies": db.copies,
        "stories": db.stories,
    }
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
