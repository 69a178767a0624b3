"""The per-article stage over shards: shard *i* of *N* reads its share of the input files and
writes Parquet plus a completion marker, so that shards run anywhere (a Slurm array task, a
Ray worker, another machine) and a re-run skips the finished ones and redoes the rest.

A shard is a set of whole files (balanced by size, largest first; CC-NEWS comes as many WARC
files of about a gigabyte). Its outputs, in the work folder::

    00003-of-00016.articles.parquet   one row per analysed article (``rows.article_schema``)
                                      plus its raw bytes
    00003-of-00016.sources.parquet    other paths of an input already in this shard
    00003-of-00016.errors.parquet     inputs that could not be read, with the reason
    00003-of-00016.done               JSON: its files, counts, presstrace version, options

The marker is written last, after the Parquet files are renamed into place, so a shard killed
half-way has no marker and is redone whole. Rows keep the input order (a reorder window over the
workers' completion order), so the same input gives the same files.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..engines import Workers, process_pool, run_local
from ..errors import InputError, PresstraceError
from ..extract import analyse
from ..model import RawRecord, article_id
from ..options import Options
from ..sources import STDIN, Failure, Skip, expand_paths, read_path, remote
from ..sources.remote import is_remote
from .rows import article_row, article_schema

BATCH = 500


class ShardError(PresstraceError):
    pass


@dataclass
class ShardReport:
    stem: str
    files: int = 0
    articles: int = 0
    present: int = 0
    failed: int = 0
    skipped: int = 0
    done_before: bool = False  # finished by an earlier run: not redone


@dataclass(frozen=True)
class Plan:
    """Which files each shard reads, and the names given that no file could be read for."""

    shards: list[list[str]]
    missing: list[Failure] = field(default_factory=list)

    def only(self, index: int) -> Plan:
        """What shard ``index`` needs of the plan (sent to a worker: not every shard's files)."""
        return Plan(
            [files if i == index else [] for i, files in enumerate(self.shards)],
            self.missing if index == 0 else [],
        )


def stem(index: int, count: int) -> str:
    return f"{index:05d}-of-{count:05d}"


def plan(paths: Iterable[str], count: int, *, include_hidden: bool = False) -> Plan:
    """Split the files under ``paths`` into ``count`` shards of about equal size."""
    if count < 1:
        raise ShardError("--shards must be at least 1")
    files: list[str] = []
    missing: list[Failure] = []
    for item in expand_paths(paths, include_hidden=include_hidden):
        if item == STDIN:
            raise ShardError("standard input cannot be split into shards; save it to a file")
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, Failure):
            missing.append(item)
    sizes = {f: _size(f) for f in files}
    shards: list[list[str]] = [[] for _ in range(count)]
    load = [0] * count
    for f in sorted(files, key=lambda f: (-sizes[f], f)):
        lightest = min(range(count), key=lambda i: (load[i], i))
        shards[lightest].append(f)
        load[lightest] += sizes[f]
    return Plan([sorted(s) for s in shards], missing)


def _size(path: str) -> int:
    if is_remote(path):
        return remote.size(path)
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def fingerprint(options: Options) -> dict[str, Any]:
    """What a shard's results depend on besides its files: a marker with other settings (or
    another presstrace) is not a finished shard."""
    return {
        "version": __version__,
        "quotes": options.quotes,
        "clean_text": options.clean_text,
        "max_bytes": options.max_bytes,
    }


def finished(work: Path, index: int, count: int, files: list[str], options: Options) -> bool:
    marker = work / f"{stem(index, count)}.done"
    if not marker.exists():
        return False
    try:
        found = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(found.get("files") == files and found.get("options") == fingerprint(options))


def analyse_shard(
    paths: Iterable[str], index: int, count: int, work: Path, options: Options | None = None
) -> ShardReport:
    """Run shard ``index`` of ``count`` over ``paths`` into ``work`` (skipped when finished),
    with ``options.worker_count`` processes for this shard."""
    options = options or Options()
    the_plan = plan(paths, count, include_hidden=options.include_hidden)
    return analyse_planned(the_plan, index, count, work, options)


def analyse_shards(
    paths: Iterable[str], indexes: Iterable[int], count: int, work: Path, options: Options
) -> Iterator[ShardReport]:
    """The local engine: shards ``indexes`` of ``count`` with ``options.worker_count``
    processes. Yields each shard's report as it finishes.

    Several shards: whole shards run in the worker processes, as Ray's actors run them, each
    writing its own files, so no article crosses a process boundary. One shard: its records
    are shared out among the workers instead.
    """
    the_plan = plan(paths, count, include_hidden=options.include_hidden)
    todo = list(indexes)
    workers = min(options.worker_count, len(todo))
    broken: list[int] = []
    if workers > 1:
        single = replace(options, workers=1)
        with process_pool(workers) as pool:
            running = {pool.submit(analyse_planned, the_plan.only(i), i, count, work, single): i
                       for i in todo}  # fmt: skip
            for future in as_completed(running):
                try:
                    yield future.result()
                except BrokenProcessPool:  # a worker died: a C-level crash on hostile input
                    broken.append(running[future])
        todo = sorted(broken)
    # The shards a crash stopped are run again record by record, in a pool that tells the
    # crashing record from the others (and records it as an error).
    with Workers(options.worker_count) as pool_of_records:
        for index in todo:
            yield analyse_planned(the_plan, index, count, work, options, pool_of_records)


def analyse_planned(
    the_plan: Plan,
    index: int,
    count: int,
    work: Path,
    options: Options,
    workers: Workers | None = None,
) -> ShardReport:
    """``analyse_shard`` with the plan made once for many shards."""
    if not 0 <= index < count:
        raise ShardError(f"--shard must be between 0 and {count - 1}, not {index}")
    files = the_plan.shards[index]
    report = ShardReport(stem(index, count), files=len(files))
    work.mkdir(parents=True, exist_ok=True)
    if finished(work, index, count, files, options):
        report.done_before = True
        return report
    missing = the_plan.missing if index == 0 else []  # reported once, by the first shard
    _write_shard(work, report, files, missing, options, workers)
    return report


def _write_shard(
    work: Path,
    report: ShardReport,
    files: list[str],
    missing: list[Failure],
    options: Options,
    workers: Workers | None,
) -> None:
    import pyarrow as pa  # noqa: PLC0415 (the shard stages only)
    import pyarrow.parquet as pq  # noqa: PLC0415

    names = {k: work / f"{report.stem}.{k}.parquet" for k in ("articles", "sources", "errors")}
    temporary = {k: p.with_suffix(".parquet.tmp") for k, p in names.items()}
    schema = article_schema().append(pa.field("raw", pa.binary()))
    sources: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = [
        {"source": f.source, "code": f.error.code, "reason": f.error.reason, "raw": f.data}
        for f in missing
    ]
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(temporary["articles"], schema, compression="zstd") as writer:
        for item in _outcomes(files, options, workers, report, sources, errors):
            record, outcome = item
            if isinstance(outcome, InputError):
                errors.append({"source": record.source, "code": outcome.code,
                               "reason": outcome.reason, "raw": record.data})  # fmt: skip
                report.failed += 1
                continue
            rows.append({**article_row(outcome), "raw": record.data})
            report.articles += 1
            if len(rows) >= BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    pq.write_table(pa.Table.from_pylist(sources, schema=_sources_schema()), temporary["sources"])
    pq.write_table(pa.Table.from_pylist(errors, schema=_errors_schema()), temporary["errors"])
    for kind, path in temporary.items():
        path.replace(names[kind])
    marker = {
        "files": files,
        "options": fingerprint(options),
        "articles": report.articles,
        "present": report.present,
        "failed": report.failed,
        "skipped": report.skipped,
    }
    done = work / f"{report.stem}.done"
    done.with_suffix(".tmp").write_text(json.dumps(marker, indent=1), encoding="utf-8")
    done.with_suffix(".tmp").replace(done)


def _outcomes(
    files: list[str],
    options: Options,
    workers: Workers | None,
    report: ShardReport,
    sources: list[dict[str, Any]],
    errors: list[dict[str, Any]],
) -> Iterator[tuple[RawRecord, Any]]:
    """The workers' results, in input order; unreadable inputs and repeats noted on the way."""
    seen: set[str] = set()
    order: dict[int, int] = {}  # id(record) -> its place in the input, while in flight
    places = itertools.count()

    def records() -> Iterator[RawRecord]:
        for path in files:
            for item in read_path(path, max_bytes=options.max_bytes):
                if isinstance(item, Skip):
                    report.skipped += 1
                elif isinstance(item, Failure):
                    errors.append({"source": item.source, "code": item.error.code,
                                   "reason": item.error.reason, "raw": item.data})  # fmt: skip
                    report.failed += 1
                elif item.sha256 in seen:
                    sources.append({"source": item.source, "article": article_id(item.sha256)})
                    report.present += 1
                else:
                    seen.add(item.sha256)
                    order[id(item)] = next(places)
                    yield item

    waiting: dict[int, tuple[RawRecord, Any]] = {}
    following = 0
    analyse_one = partial(analyse, options=options)
    if workers is None:
        outcomes = run_local(analyse_one, records(), options.worker_count)
    else:
        outcomes = workers.run(analyse_one, records())
    for record, outcome in outcomes:
        waiting[order.pop(id(record))] = (record, outcome)
        while following in waiting:  # at most the workers' in-flight records wait here
            yield waiting.pop(following)
            following += 1


def _errors_schema() -> Any:
    import pyarrow as pa  # noqa: PLC0415

    return pa.schema(
        [("source", pa.string()), ("code", pa.string()), ("reason", pa.string()),
         ("raw", pa.binary())]
    )  # fmt: skip


def _sources_schema() -> Any:
    import pyarrow as pa  # noqa: PLC0415

    return pa.schema([("source", pa.string()), ("article", pa.string())])
