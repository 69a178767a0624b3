"""The final load of a sharded run: finished shards into the SQLite database the CLI and the
web app read, then the corpus stages over everything (copies, stories, speakers, statements,
quantities), exactly as after ``ingest``.

Shards are loaded in their order, each in batches of one transaction; a shard is recorded as
loaded (``shard_loads``) in the transaction of its last batch, so a load killed half-way
redoes that shard, and writing an article again changes nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import CorpusReport
from ..corpus import update as update_corpus
from ..errors import PresstraceError
from ..store import Batch, Database
from .rows import article_of

_MARKER = re.compile(r"(\d{5})-of-(\d{5})\.done")


class LoadError(PresstraceError):
    pass


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)  # shards loaded by this call
    already: list[str] = field(default_factory=list)  # loaded by an earlier call
    unfinished: list[str] = field(default_factory=list)  # no marker yet: run them, load again
    new: int = 0
    present: int = 0
    failed: int = 0
    corpus: CorpusReport | None = None


def load(db: Database, work: Path, *, quotes: bool = True, batch_size: int = 200) -> LoadReport:
    """Load every finished shard in ``work`` not loaded before; run the corpus stages."""
    if not work.is_dir():
        raise LoadError(f"no work folder {work}; run `presstrace analyse ... --work {work}` first")
    counts: dict[int, list[int]] = {}
    for path in sorted(work.glob("*.done")):
        m = _MARKER.fullmatch(path.name)
        if m:
            counts.setdefault(int(m.group(2)), []).append(int(m.group(1)))
    if not counts:
        raise LoadError(f"{work} holds no finished shard; run `presstrace analyse` first")
    if len(counts) > 1:
        raise LoadError(
            f"{work} holds shards of runs split {sorted(counts)} ways; use one work folder per "
            "--shards count"
        )
    ((count, done),) = counts.items()
    report = LoadReport(
        unfinished=[f"{i:05d}-of-{count:05d}" for i in range(count) if i not in done]
    )
    key = str(work.resolve())
    loaded = {r[0] for r in db.conn.execute("SELECT shard FROM shard_loads WHERE work = ?", (key,))}
    run = db.start_run([key])
    try:
        for index in sorted(done):
            name = f"{index:05d}-of-{count:05d}"
            if name in loaded:
                report.already.append(name)
                continue
            _load_shard(db, work, name, key, run, report, batch_size)
            report.loaded.append(name)
    finally:
        db.finish_run(run, new=report.new, present=report.present, failed=report.failed,
                      skipped=0)  # fmt: skip
    report.corpus = update_corpus(db, quotes=quotes and report.new > 0)
    return report


def _load_shard(
    db: Database, work: Path, name: str, key: str, run: int, report: LoadReport, size: int
) -> None:
    import pyarrow.parquet as pq  # noqa: PLC0415 (the shard stages only)

    marker = json.loads((work / f"{name}.done").read_text(encoding="utf-8"))
    batch = Batch()
    articles = 0
    table = pq.ParquetFile(work / f"{name}.articles.parquet")
    for part in table.iter_batches(batch_size=size):
        for row in part.to_pylist():
            raw = row.pop("raw")
            article = article_of(row)
            if db.has_raw(article.raw_sha256):  # an earlier shard or ingest read it already
                batch.sources.append((article.source, article.id))
                report.present += 1
            else:
                batch.articles.append((article, raw))
                report.new += 1
            articles += 1
        db.write(batch, run)
        batch = Batch()
    for row in pq.read_table(work / f"{name}.sources.parquet").to_pylist():
        batch.sources.append((row["source"], row["article"]))
        report.present += 1
    for row in pq.read_table(work / f"{name}.errors.parquet").to_pylist():
        batch.errors.append((row["source"], row["code"], row["reason"], row["raw"]))
        report.failed += 1
    if articles != marker.get("articles"):
        raise LoadError(f"{name}: the marker counts {marker.get('articles')} articles, the "
                        f"Parquet file holds {articles}; run that shard again")  # fmt: skip

    def loaded() -> None:
        db.conn.execute(
            "INSERT INTO shard_loads (work, shard, loaded, articles) VALUES (?, ?, "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
            (key, name, articles),
        )

    db.write(batch, run, then=loaded)
