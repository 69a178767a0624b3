"""Parquet export: any KIND as one Parquet file, nested fields kept as lists and structs.

Rows are read twice, in batches, so memory stays bounded whatever the size of the export:
first to find one schema every batch fits (a field empty in the first rows and a number later
still gets its type), then to write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import PresstraceError

BATCH = 5000


class ParquetError(PresstraceError):
    pass


def write_parquet(rows: Callable[[], Iterable[dict[str, Any]]], path: Path) -> int:
    """Write the rows ``rows()`` yields to ``path``; return how many."""
    try:
        import pyarrow as pa  # noqa: PLC0415 (only this export needs it)
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        raise ParquetError(
            "Parquet export needs pyarrow: pip install pyarrow (it is a presstrace dependency; "
            "a broken install may have lost it)"
        ) from None
    schema = None
    for batch in _batches(rows()):
        found = pa.Table.from_pylist(batch).schema
        schema = (
            found
            if schema is None
            else pa.unify_schemas([schema, found], promote_options="permissive")
        )
    if schema is None:
        schema = pa.schema([])
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(rows()):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        yield batch
