"""Ingest: sources → per-article stage (worker processes) → store, with a report.

Re-running is always safe: a record whose raw bytes are already stored is counted as present
and only its new source path is noted; articles, raw inputs and errors are written in
transactions of ``Options.batch_size``, so a killed run leaves a consistent file and the next run
completes it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from .corpus import CorpusReport
from .corpus import update as update_corpus
from .engines import run_local
from .errors import InputError
from .extract import analyse
from .model import Article, RawRecord, article_id
from .options import Options
from .sources import Failure, Skip, iter_records
from .store import Batch, Database

#: Seconds between commits when articles trickle in slowly (a WARC over a network mount).
COMMIT_EVERY = 2.0


@dataclass
class IngestReport:
    new: int = 0
    present: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # source, code, reason
    run: int = 0
    corpus: CorpusReport | None = None  # what the corpus stages found

    @property
    def ok(self) -> bool:
        return self.failed == 0


#: Called after each record with (source, outcome) where outcome is new/present/failed/skipped.
ProgressHook = Callable[[str, str], None]


def ingest(
    db: Database,
    paths: Sequence[str],
    options: Options | None = None,
    *,
    on_record: ProgressHook | None = None,
) -> IngestReport:
    """Read everything under ``paths`` into ``db``; failures are recorded, never raised."""
    options = options or Options()
    report = IngestReport(run=db.start_run(paths))
    writer = _Writer(db, report.run, options.batch_size)
    notify = on_record or (lambda source, outcome: None)
    # Duplicates of a record still being analysed wait for its outcome: they share its fate.
    waiting: dict[str, list[str]] = {}
    done: set[str] = set()  # analysed in this run, perhaps not yet committed

    def new_records() -> Iterator[RawRecord]:
        items = iter_records(
            paths, max_bytes=options.max_bytes, include_hidden=options.include_hidden
        )
        for item in items:
            if isinstance(item, Skip):
                report.skipped[item.reason] += 1
                notify(item.source, "skipped")
            elif isinstance(item, Failure):
                _fail(item.source, item.error, item.data)
            elif item.sha256 in waiting:
                waiting[item.sha256].append(item.source)
            elif item.sha256 in done or db.has_raw(item.sha256):
                # Same bytes as an article we have: only remember the new path.
                writer.add_source(item.source, article_id(item.sha256))
                report.present += 1
                notify(item.source, "present")
            else:
                waiting[item.sha256] = []
                yield item

    def _fail(source: str, error: InputError, data: bytes | None) -> None:
        writer.add_error(source, error, data)
        report.failed += 1
        report.failures.append((source, error.code, error.reason))
        notify(source, "failed")

    analyse_one = partial(analyse, options=options)
    try:
        for record, outcome in run_local(analyse_one, new_records(), options.worker_count):
            copies = waiting.pop(record.sha256, [])
            done.add(record.sha256)
            if isinstance(outcome, InputError):
                for source in [record.source, *copies]:
                    _fail(source, outcome, record.data)
            else:
                writer.add_article(outcome, record.data)
                report.new += 1
                notify(record.source, "new")
                for source in copies:
                    writer.add_source(source, outcome.id)
                    report.present += 1
                    notify(source, "present")
            writer.maybe_flush()
    finally:
        # Also on Ctrl-C: what was analysed is kept, and the run says how far it got.
        writer.flush()
        db.finish_run(
            report.run,
            new=report.new,
            present=report.present,
            failed=report.failed,
            skipped=sum(report.skipped.values()),
        )
    # Always: a run killed before this point left articles the corpus stages have not seen.
    report.corpus = update_corpus(db, quotes=options.quotes and report.new > 0)
    return report


@dataclass
class ReanalyseReport:
    changed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)


def reanalyse(db: Database, options: Options | None = None) -> ReanalyseReport:
    """Run the per-article stage again over the stored raw inputs (no original files needed).

    Use it after upgrading presstrace: articles whose result changed are updated in place; an
    article the new version cannot read keeps its old text and is listed in the report.
    """
    options = options or Options()
    report = ReanalyseReport()
    changed: list[Article] = []
    analyse_one = partial(analyse, options=options)
    for record, outcome in run_local(analyse_one, db.stored_records(), options.worker_count):
        if isinstance(outcome, InputError):
            report.failed.append((record.source, outcome.code, outcome.reason))
            continue
        current = db.article(outcome.id)
        if current is not None and _same(db, current, outcome):
            report.unchanged += 1
            continue
        changed.append(outcome)
        report.changed += 1
        if len(changed) >= options.batch_size:
            db.update_articles(changed)
            changed.clear()
    db.update_articles(changed)
    update_corpus(db, quotes=options.quotes and report.changed > 0)
    return report


def _same(db: Database, stored: dict[str, object], article: Article) -> bool:
    fields = ("text", "title", "outlet", "byline", "published", "dateline", "extractor", "removed")
    if not all(stored[f] == getattr(article, f) for f in fields):
        return False
    if stored.get("wires") != article.wires:
        return False  # a newer presstrace knows more agency credits
    dates = db.conn.execute(
        "SELECT start, end, type, value FROM dates WHERE article = ? ORDER BY start",
        (article.id,),
    ).fetchall()
    found = [(d.start, d.end, d.type, d.value) for d in article.dates or []]
    if [tuple(d) for d in dates] != found:
        return False
    figures = db.conn.execute(
        "SELECT start, end, value, low, high, operator, unit, key, claimed_by FROM figures "
        "WHERE article = ? ORDER BY start",
        (article.id,),
    ).fetchall()
    if [tuple(f) for f in figures] != [
        (f.start, f.end, f.value, f.low, f.high, f.operator, f.unit, f.key, f.claimed_by)
        for f in article.figures or []
    ]:
        return False
    if sorted(db.stage_problems(article.raw_sha256)) != sorted(map(tuple, article.problems)):
        return False  # a stage that failed before works now, or the other way round
    quotes = db.conn.execute(
        "SELECT text, start, kind, speaker_name, speaker_kind FROM quotes WHERE article = ? "
        "ORDER BY position",
        (article.id,),
    ).fetchall()
    return [tuple(q) for q in quotes] == [
        (q.content.text, q.content.start, q.kind, q.speaker, q.speaker_kind) for q in article.quotes
    ]


class _Writer:
    def __init__(self, db: Database, run: int, batch_size: int) -> None:
        self.db, self.run, self.batch_size = db, run, batch_size
        self.batch = Batch()
        self.last = time.monotonic()

    def add_article(self, article: Article, raw: bytes) -> None:
        self.batch.articles.append((article, raw))

    def add_source(self, source: str, article: str) -> None:
        self.batch.sources.append((source, article))

    def add_error(self, source: str, error: InputError, data: bytes | None) -> None:
        self.batch.errors.append((source, error.code, error.reason, data))

    def maybe_flush(self) -> None:
        if len(self.batch) >= self.batch_size or time.monotonic() - self.last > COMMIT_EVERY:
            self.flush()

    def flush(self) -> None:
        if len(self.batch):
            self.db.write(self.batch, self.run)
            self.batch = Batch()
        self.last = time.monotonic()
