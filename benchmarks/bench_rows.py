"""Reading a shard's rows back into articles: ``shards.rows.article_of`` against a plain walk
of the type hints, in the same run.

    .venv/bin/python benchmarks/bench_rows.py [--articles 2000]

Generates ``--articles`` articles (``synthetic.py``), runs the per-article stage on them into
a temporary work folder (one shard, no quotes stage), reads the Parquet rows back and times,
best of three passes each: ``article_of`` as shipped (converters worked out once per type),
and the reference, the generic conversion it replaced (``typing`` asked about every field of
every row). Both must give the same articles. The rows are read by every ``presstrace load``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Union

import pyarrow.parquet as pq

import presstrace
from presstrace.model import Article
from presstrace.shards.rows import article_of
from presstrace.shards.run import analyse_shards
from synthetic import generate


def reference_from_row(kind: Any, value: Any) -> Any:
    """The conversion before the converters (as it was): each value's type taken apart
    with ``typing`` again, only the dataclass hints cached."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return reference_from_row(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(kind) or (Any,)
        return [reference_from_row(item, v) for v in value]
    if origin is dict:
        _key, item = typing.get_args(kind) or (Any, Any)
        return {pair["key"]: reference_from_row(item, pair["value"]) for pair in value}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{n: reference_from_row(hints[n], v) for n, v in value.items() if n in hints})
    if kind is bytes and isinstance(value, bytearray | memoryview):
        return bytes(value)
    if kind is float and isinstance(value, int):
        return float(value)
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    fields = {f.name for f in dataclasses.fields(kind) if f.init}
    return {k: v for k, v in typing.get_type_hints(kind).items() if k in fields}


def reference_article_of(row: dict[str, Any]) -> Article:
    found: Article = reference_from_row(Article, {**row, "removed": json.loads(row["removed"])})
    return found


def best_of(runs: int, read: Callable[[dict[str, Any]], Article], rows: list[Any]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for row in rows:
            read(row)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for article in generate(args.articles):
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
        options = presstrace.Options(quotes=False)
        for _report in analyse_shards([str(source)], [0], 1, folder / "work", options):
            pass
        (shard,) = (folder / "work").glob("*.articles.parquet")
        rows = pq.read_table(shard).to_pylist()
    same = [repr(article_of(r)) for r in rows] == [repr(reference_article_of(r)) for r in rows]
    shipped = best_of(3, article_of, rows)
    reference = best_of(3, reference_article_of, rows)
    print(f"{len(rows)} articles; the same articles both ways: {same}")
    print(f"article_of: {shipped * 1000 / len(rows):.3f} ms per article")
    print(f"reference (typing per value): {reference * 1000 / len(rows):.3f} ms per article")
    print(f"reference / article_of: {reference / shipped:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
