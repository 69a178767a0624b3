"""The SQLite knowledge base: one file, WAL mode, written only by the main process."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ..copies.signature import Signature
from ..dates import TimeExpression, is_resolved
from ..dates.timeline import Said
from ..dates.timeline import entries as timeline_entries
from ..dates.timeline import order as timeline_order
from ..errors import STAGE_CODES, StoreError
from ..figures import Figure
from ..model import Article, RawRecord, article_id
from ..quotes.model import Span
from ..stories.terms import StoryTerms
from .schema import SCHEMA_VERSION, migrate

# Open errors of a later stage (``STAGE_CODES``) on one stored article: (raw_sha256, codes JSON).
_OPEN_STAGE_ERRORS = (
    "raw_sha256 = ? AND resolved IS NULL AND code IN (SELECT value FROM json_each(?))"
)
_STAGE_CODES_JSON = json.dumps(sorted(STAGE_CODES))

DEFAULT_DB = "presstrace.db"

#: The fields every ``articles`` export line carries (the CLI/export contract), then extras.
ARTICLE_FIELDS = ("id", "source", "title", "outlet", "byline", "published", "text")
ARTICLE_EXTRA_FIELDS = ("url", "kind", "dateline", "language", "extractor", "ingested", "wires")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Batch:
    """Everything one transaction writes; a kill between batches leaves the file consistent."""

    articles: list[tuple[Article, bytes]] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str, str, bytes | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.sources) + len(self.errors)


class Database:
    """A presstrace knowledge base. ``presstrace.open(path)`` returns one.

    Reading methods return plain dicts, so results go straight to JSON.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(
                f"no database at {self.path}; run `presstrace ingest PATH --db {self.path}` first"
            )
        try:
            if readonly:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if readonly:
                self._check_version()
            else:
                self.conn.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a power cut may lose the last transaction, never consistency.
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.conn.execute("PRAGMA foreign_keys = ON")
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable SQLite database ({exc})") from None

    def _check_version(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, this presstrace needs "
                f"{SCHEMA_VERSION}; open it once for writing (e.g. `presstrace ingest`) to upgrade"
            )

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def has_raw(self, sha256: str) -> bool:
        return self.article_for_raw(sha256) is not None

    def article_for_raw(self, sha256: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE raw_sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else str(row[0])

    def start_run(self, inputs: Sequence[str]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started, inputs) VALUES (?, ?)", (now(), json.dumps(list(inputs)))
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run: int, *, new: int, present: int, failed: int, skipped: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished = ?, new = ?, present = ?, failed = ?, skipped = ? "
            "WHERE id = ?",
            (now(), new, present, failed, skipped, run),
        )

    def write(
        self, batch: Batch, run: int | None = None, *, then: Callable[[], None] | None = None
    ) -> None:
        """Write ``batch`` in one transaction. Re-writing the same batch changes nothing.
        ``then`` runs last, in the same transaction (to record what the batch completes)."""
        stamp = now()
        with self.transaction():
            for article, raw in batch.articles:
                self._put_raw(article.raw_sha256, raw)
                self.conn.execute(
                    "INSERT OR IGNORE INTO articles (id, raw_sha256, source, kind, url, title, "
                    "outlet, byline, published, dateline, language, text, extractor, removed, "
                    "run, ingested, wires) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        article.raw_sha256,
                        article.source,
                        article.kind,
                        article.url,
                        article.title,
                        article.outlet,
                        article.byline,
                        article.published,
                        article.dateline,
                        article.language,
                        article.text,
                        article.extractor,
                        json.dumps(article.removed, ensure_ascii=False),
                        run,
                        stamp,
                        json.dumps(article.wires),
                    ),
                )
                self._add_source(article.source, article.id, stamp)
                self._put_signature(article)
                self._put_quotes(article)
                self._put_dates(article.id, article.dates)
                self._put_figures(article.id, article.figures)
                self._put_problems(article, stamp)
            for source, known in batch.sources:
                self._add_source(source, known, stamp)
            for source, code, reason, data in batch.errors:
                sha = None
                if data is not None:
                    sha = _sha256(data)
                    self._put_raw(sha, data)
                self._put_error(source, code, reason, sha, stamp)
            if then is not None:
                then()

    def update_articles(self, articles: list[Article]) -> None:
        """Replace the analysed fields of existing articles (after a re-analysis)."""
        with self.transaction():
            for a in articles:
                self.conn.execute(
                    "UPDATE articles SET url = ?, title = ?, outlet = ?, byline = ?, "
                    "published = ?, dateline = ?, language = ?, text = ?, extractor = ?, "
                    "removed = ?, wires = ? WHERE id = ?",
                    (
                        a.url,
                        a.title,
                        a.outlet,
                        a.byline,
                        a.published,
                        a.dateline,
                        a.language,
                        a.text,
                        a.extractor,
                        json.dumps(a.removed, ensure_ascii=False),
                        json.dumps(a.wires),
                        a.id,
                    ),
                )
                self._put_signature(a)
                self._put_quotes(a)
                self._put_dates(a.id, a.dates)
                self._put_figures(a.id, a.figures)
                self._put_problems(a, now())

    def stored_records(self) -> Iterator[RawRecord]:
        """Every stored article's input as a ``RawRecord``, as it was first read."""
        rows = self.conn.execute(
            "SELECT raw_sha256, source, kind, url FROM articles ORDER BY rowid"
        ).fetchall()
        for row in rows:
            data = self.raw(row["raw_sha256"])
            if data is not None:
                hints = {"url": row["url"]} if row["kind"] == "html" and row["url"] else {}
                yield RawRecord(row["source"], row["kind"], data, hints)

    def _put_signature(self, article: Article) -> None:
        if article.signature is not None:
            self.put_signature(article.id, article.signature, article.wires, commit=False)
        if article.story_terms is not None:
            self.put_story_terms(article.id, article.story_terms, commit=False)

    def put_story_terms(self, article: str, terms: StoryTerms, *, commit: bool = True) -> None:
        """Store an article's story terms; changed terms place it in a story again."""
        encoded = json.dumps(terms.terms, ensure_ascii=False, sort_keys=True)

        def put() -> None:
            old = self.conn.execute(
                "SELECT terms, counted FROM story_terms WHERE article = ?", (article,)
            ).fetchone()
            if old is not None and old[0] == encoded:
                return
            if old is not None and old[1]:
                # Take the old terms out of the document frequencies before counting the new.
                self.conn.executemany(
                    "UPDATE term_df SET df = df - 1 WHERE term = ?",
                    [(t,) for t in json.loads(old[0])],
                )
            self.conn.execute(
                "INSERT OR REPLACE INTO story_terms (article, terms, latest_year, counted, "
                "storied) VALUES (?, ?, ?, 0, 0)",
                (article, encoded, terms.latest_year),
            )

        if commit:
            with self.transaction():
                put()
        else:
            put()

    def put_signature(
        self, article: str, sig: Signature, wires: list[str], *, commit: bool = True
    ) -> None:
        """Store an article's signature; a changed text is compared again, from scratch."""

        def put() -> None:
            old = self.conn.execute(
                "SELECT digest, doc_bands, passage_bands FROM signatures WHERE article = ?",
                (article,),
            ).fetchone()
            if old is not None and tuple(old) == (sig.digest, sig.doc_bands, sig.passage_bands):
                return
            self.conn.execute("DELETE FROM copies WHERE a = ? OR b = ?", (article, article))
            self.conn.execute(
                "INSERT OR REPLACE INTO signatures (article, words, digest, doc_bands, "
                "passage_bands, compared) VALUES (?, ?, ?, ?, ?, 0)",
                (article, sig.words, sig.digest, sig.doc_bands, sig.passage_bands),
            )
            self.conn.execute(
                "UPDATE articles SET wires = ? WHERE id = ?", (json.dumps(wires), article)
            )

        if commit:
            with self.transaction():
                put()
        else:
            put()

    def _put_quotes(self, article: Article) -> None:
        """Replace the article's quotes and terms (a re-analysis brings new ones)."""
        self.conn.execute("DELETE FROM quotes WHERE article = ?", (article.id,))
        self.conn.execute("DELETE FROM terms WHERE article = ?", (article.id,))
        for position, q in enumerate(article.quotes):
            continues = None if q.continues is None else f"{article.id}:{q.continues}"
            self.conn.execute(
                "INSERT INTO quotes (id, article, position, text, start, end, kind, cue, "
                "cue_start, cue_end, mention, mention_start, mention_end, speaker_name, "
                "speaker_kind, role, continues) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    f"{article.id}:{position}", article.id, position, q.content.text,
                    q.content.start, q.content.end, q.kind,
                    *(_parts(q.cue)), *(_parts(q.source)),
                    q.speaker, q.speaker_kind, q.role, continues,
                ),
            )  # fmt: skip
        self.conn.executemany(
            "INSERT OR IGNORE INTO terms (article, text, start, end, user) VALUES (?,?,?,?,?)",
            [(article.id, t.span.text, t.span.start, t.span.end, t.user) for t in article.terms],
        )

    def _put_dates(self, article: str, dates: list[TimeExpression] | None) -> None:
        """Replace the article's time expressions (``None``: not looked for; left as is)."""
        if dates is None:
            return
        self.conn.execute("DELETE FROM dates WHERE article = ?", (article,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO dates (article, start, end, text, type, value) "
            "VALUES (?,?,?,?,?,?)",
            [(article, d.start, d.end, d.text, d.type, d.value) for d in dates],
        )
        self.conn.execute("UPDATE articles SET timed = 1 WHERE id = ?", (article,))

    def put_dates(self, found: dict[str, list[TimeExpression]]) -> None:
        """Store the time expressions of existing articles, in one transaction."""
        with self.transaction():
            for article, dates in found.items():
                self._put_dates(article, dates)

    def untimed(self, limit: int) -> list[tuple[str, str, str | None]]:
        """Up to ``limit`` articles whose time expressions were never looked for, as
        ``(id, text, published)``: those stored by an older presstrace."""
        return self.conn.execute(
            "SELECT id, text, published FROM articles WHERE timed = 0 ORDER BY rowid LIMIT ?",
            (limit,),
        ).fetchall()

    def _put_figures(self, article: str, figures: list[Figure] | None) -> None:
        """Replace the article's figures (``None``: not looked for; left as is)."""
        if figures is None:
            return
        self.conn.execute("DELETE FROM figures WHERE article = ?", (article,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO figures (article, start, end, text, value, low, high, "
            "operator, unit, kind, counted, predicate, key, claimed_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article, f.start, f.end, f.text, f.value, f.low, f.high, f.operator,
                    f.unit, f.kind, f.counted, f.predicate, f.key, f.claimed_by,
                )
                for f in figures
            ],
        )  # fmt: skip
        self.conn.execute("UPDATE articles SET figured = 1 WHERE id = ?", (article,))

    def put_figures(self, found: dict[str, list[Figure]]) -> None:
        """Store the figures of existing articles, in one transaction."""
        with self.transaction():
            for article, figures in found.items():
                self._put_figures(article, figures)

    def unfigured(self, limit: int) -> list[tuple[str, str, str | None]]:
        """Up to ``limit`` articles whose figures were never looked for, as
        ``(id, text, published)``: those stored by an older presstrace."""
        return self.conn.execute(
            "SELECT id, text, published FROM articles WHERE figured = 0 ORDER BY rowid LIMIT ?",
            (limit,),
        ).fetchall()

    def _put_raw(self, sha256: str, data: bytes) -> None:
        packed = zlib.compress(data, 6)
        encoding, blob = ("zlib", packed) if len(packed) < len(data) else ("identity", data)
        self.conn.execute(
            "INSERT OR IGNORE INTO raw (sha256, size, encoding, data) VALUES (?, ?, ?, ?)",
            (sha256, len(data), encoding, blob),
        )

    def stage_problems(self, raw_sha256: str) -> list[tuple[str, str]]:
        """Open errors of a later stage on a stored article, as ``(code, reason)``."""
        rows = self.conn.execute(
            f"SELECT code, reason FROM errors WHERE {_OPEN_STAGE_ERRORS}",
            (raw_sha256, _STAGE_CODES_JSON),
        ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    def _put_problems(self, article: Article, stamp: str) -> None:
        """A stage that failed on a stored article stays an open error until it succeeds."""
        self.conn.execute(
            f"UPDATE errors SET resolved = ? WHERE {_OPEN_STAGE_ERRORS}",
            (stamp, article.raw_sha256, _STAGE_CODES_JSON),
        )
        for code, reason in article.problems:
            self._put_error(article.source, code, reason, article.raw_sha256, stamp)

    def put_stage_error(self, article: str, code: str, reason: str) -> None:
        """A corpus-side stage failed on one stored article: an open error, like the
        per-article ones, so that ``presstrace errors`` lists it."""
        row = self.conn.execute(
            "SELECT source, raw_sha256 FROM articles WHERE id = ?", (article,)
        ).fetchone()
        if row is not None:
            with self.transaction():
                self._put_error(row[0], code, reason, row[1], now())

    def _put_error(self, source: str, code: str, reason: str, sha: str | None, stamp: str) -> None:
        """One open error; the same failure seen again counts one more attempt."""
        self.conn.execute(
            "INSERT INTO errors (source, code, reason, raw_sha256, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, code, reason) DO UPDATE SET "
            "last_seen = excluded.last_seen, attempts = attempts + 1, resolved = NULL",
            (source, code, reason, sha, stamp, stamp),
        )

    def _add_source(self, source: str, article: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO sources (source, article, first_seen) VALUES (?, ?, ?)",
            (source, article, stamp),
        )
        # A source read successfully now is no longer a standing error.
        self.conn.execute(
            "UPDATE errors SET resolved = ? WHERE source = ? AND resolved IS NULL", (stamp, source)
        )

    def transaction(self) -> _Transaction:
        """``with db.transaction():`` — all or nothing (for the corpus stages)."""
        return _Transaction(self.conn)

    # -- reading ---------------------------------------------------------------------------
    def articles(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """All articles (contract fields, then extras), oldest ingest first."""
        where, params = [], []
        for clause, value in (
            ("outlet = ?", outlet),
            ("published >= ?", since),
            ("published <= ?", until),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        columns = ", ".join(ARTICLE_FIELDS + ARTICLE_EXTRA_FIELDS)
        sql = f"SELECT {columns} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self.conn.execute(sql + " ORDER BY rowid", params):
            found = dict(row)
            found["wires"] = json.loads(found["wires"])
            yield found

    def article(self, article_id_: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id_,)).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["removed"] = json.loads(found["removed"])
        found["wires"] = json.loads(found["wires"])
        found["sources"] = [
            r[0]
            for r in self.conn.execute(
                "SELECT source FROM sources WHERE article = ? ORDER BY first_seen, source",
                (article_id_,),
            )
        ]
        return found

    def quotes(
        self, *, speaker: str | None = None, article: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Quotes in the export contract's shape; ``speaker`` matches a name or a speaker id."""
        sql = (
            "SELECT q.*, a.source AS article_source, s.name AS entity_name "
            "FROM quotes q JOIN articles a ON a.id = q.article "
            "LEFT JOIN speakers s ON s.id = q.speaker"
        )
        where, params = [], []
        if speaker is not None:
            where.append("(q.speaker = ? OR s.name = ? COLLATE NOCASE OR q.speaker_name = ? "
                         "COLLATE NOCASE)")  # fmt: skip
            params += [speaker, speaker, speaker]
        if article is not None:
            where.append("q.article = ?")
            params.append(article)
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self.conn.execute(sql + " ORDER BY a.rowid, q.position", params):
            yield _quote_record(row)

    def speakers(self) -> Iterator[dict[str, Any]]:
        """Speaker entities, most quoted first."""
        for row in self.conn.execute("SELECT * FROM speakers ORDER BY quotes DESC, name"):
            found = dict(row)
            found["aliases"] = json.loads(found["aliases"])
            found["roles"] = json.loads(found["roles"])
            yield found

    def statements(self) -> Iterator[dict[str, Any]]:
        """One row per statement: its first report and how widely it was reported."""
        for row in self.conn.execute(
            "SELECT * FROM statements ORDER BY reports DESC, first_published, id"
        ):
            found = dict(row)
            found["outlets"] = json.loads(found["outlets"])
            found["quotes"] = [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM quotes WHERE statement = ? ORDER BY id", (found["id"],)
                )
            ]
            yield found

    def copies(self, *, article: str | None = None) -> Iterator[dict[str, Any]]:
        """Copy pairs in the export contract's shape, most shared first."""
        sql = "SELECT * FROM copies"
        params: tuple[str, ...] = ()
        if article is not None:
            sql += " WHERE a = ? OR b = ?"
            params = (article, article)
        for row in self.conn.execute(sql + " ORDER BY shared DESC, a, b", params):
            found = dict(row)
            found["passages"] = json.loads(found["passages"])
            yield found

    def stories(self) -> Iterator[dict[str, Any]]:
        """Stories in the export contract's shape, largest first; articles oldest first."""
        for row in self.conn.execute(
            "SELECT * FROM stories ORDER BY size DESC, first_seen, id"
        ).fetchall():
            members = self.conn.execute(
                "SELECT a.id, a.outlet FROM story_articles s JOIN articles a ON a.id = s.article "
                "WHERE s.story = ? ORDER BY coalesce(a.published, '9999'), a.id",
                (row["id"],),
            ).fetchall()
            yield {
                "id": row["id"],
                "title": row["title"],
                "articles": [m[0] for m in members],
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
                "terms": json.loads(row["terms"]),
                "outlets": sorted({m[1] for m in members if m[1]}),
                "size": row["size"],
            }

    def dates(self, *, article: str | None = None) -> Iterator[dict[str, Any]]:
        """Time expressions in the export contract's shape, in article order."""
        sql = (
            "SELECT d.*, a.source AS article_source FROM dates d "
            "JOIN articles a ON a.id = d.article"
        )
        params: list[str] = []
        if article is not None:
            sql += " WHERE d.article = ?"
            params.append(article)
        for row in self.conn.execute(sql + " ORDER BY a.rowid, d.start", params):
            yield {
                "id": f"{row['article']}:{row['start']}",
                "article": row["article"],
                "source": row["article_source"],
                "text": row["text"],
                "value": row["value"],
                "start": row["start"],
                "end": row["end"],
                "type": row["type"],
                "resolved": is_resolved(row["type"], row["value"]),
            }

    def figures(
        self, *, article: str | None = None, quantity: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Figures in the export contract's shape, in article order (a quantity's: by date, then
        article id, so that its side-by-side order does not depend on the load order)."""
        sql = (
            "SELECT f.*, a.source AS article_source, a.outlet, a.published FROM figures f "
            "JOIN articles a ON a.id = f.article"
        )
        where, params = [], []
        if article is not None:
            where.append("f.article = ?")
            params.append(article)
        if quantity is not None:
            where.append("f.quantity = ?")
            params.append(quantity)
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = "coalesce(a.published, '9999'), a.id" if quantity is not None else "a.rowid"
        for row in self.conn.execute(f"{sql} ORDER BY {order}, f.start", params):
            yield _figure_record(row)

    def quantities(self) -> Iterator[dict[str, Any]]:
        """Quantities reported by more than one figure, largest first, each with its figures
        side by side (outlet, date, claimant) and whether they disagree."""
        for row in self.conn.execute(
            "SELECT * FROM quantities ORDER BY figures DESC, first_seen, id"
        ).fetchall():
            figures = list(self.figures(quantity=row["id"]))
            predicate, _, counted = row["key"].partition("|")
            yield {
                "id": row["id"],
                "key": row["key"],
                "predicate": predicate,
                "counted": counted,
                "figures": len(figures),
                "articles": row["articles"],
                "low": row["low"],
                "high": row["high"],
                "disagree": bool(row["disagree"]),
                # Outlets that count the same number of different-sounding things ("28 tech
                # companies" / "28 government entities and private companies").
                "wordings": sorted({f["counted"] for f in figures if f["counted"]}),
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
                "outlets": sorted({f["outlet"] for f in figures if f["outlet"]}),
                "reports": [
                    {
                        k: f[k]
                        for k in ("id", "article", "outlet", "published", "text", "value",
                                  "low", "high", "operator", "counted", "predicate",
                                  "claimed_by")
                    }
                    for f in figures
                ],
            }  # fmt: skip

    def timeline(self, *, article: str | None = None) -> Iterator[dict[str, Any]]:
        """Dated sentences of every article (statements, events, other dated sentences), in
        calendar order; entries of undated articles last (see ``dates.timeline``)."""
        sql = "SELECT id, source, outlet, published, title, text FROM articles WHERE timed = 1"
        params: list[str] = []
        if article is not None:
            sql += " AND id = ?"
            params.append(article)
        found: list[dict[str, Any]] = []
        for row in self.conn.execute(sql + " ORDER BY rowid", params).fetchall():
            dates = self.conn.execute(
                "SELECT start, text, type, value FROM dates WHERE article = ? "
                "AND type IN ('DATE', 'TIME') ORDER BY start",
                (row["id"],),
            ).fetchall()
            if not dates:
                continue
            said = timeline_quotes(self.conn, row["id"])
            found.extend(timeline_entries(dict(row), map(dict, dates), said))
        found.sort(key=timeline_order)
        yield from found

    def terms(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute("SELECT * FROM terms ORDER BY article, start"):
            yield dict(row)

    def raw(self, sha256: str) -> bytes | None:
        """The input exactly as it was read, for re-running a better extractor later."""
        row = self.conn.execute(
            "SELECT encoding, data FROM raw WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row is None:
            return None
        data = bytes(row["data"])
        return zlib.decompress(data) if row["encoding"] == "zlib" else data

    def errors(self, *, include_resolved: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT * FROM errors"
        if not include_resolved:
            sql += " WHERE resolved IS NULL"
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id")]

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies (FTS5 query syntax)."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        def pairs(sql: str) -> list[tuple[Any, int]]:
            return [(r[0], int(r[1])) for r in self.conn.execute(sql)]

        def one(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "reports": self.report_count(),
            "sources": one("SELECT count(*) FROM sources"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "undated": one("SELECT count(*) FROM articles WHERE published IS NULL"),
            "errors": one("SELECT count(*) FROM errors WHERE resolved IS NULL"),
            "runs": one("SELECT count(*) FROM runs"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "speakers": one("SELECT count(*) FROM speakers"),
            "statements": one("SELECT count(*) FROM statements"),
            "shared_statements": one("SELECT count(*) FROM statements WHERE reports > 1"),
            "stories": one("SELECT count(*) FROM stories"),
            "figures": one("SELECT count(*) FROM figures"),
            "quantities": one("SELECT count(*) FROM quantities"),
            "disagreeing_quantities": one("SELECT count(*) FROM quantities WHERE disagree"),
            "dates": one("SELECT count(*) FROM dates"),
            "unresolved_dates": one(
                "SELECT count(*) FROM dates WHERE type IN ('DATE', 'TIME') AND value LIKE '%X%'"
            ),
            "copies": pairs(
                "SELECT relation, count(*) FROM copies GROUP BY relation ORDER BY 2 DESC"
            ),
            "wires": pairs(
                "SELECT j.value, count(*) FROM articles, json_each(articles.wires) j "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_kind": pairs("SELECT kind, count(*) FROM articles GROUP BY kind ORDER BY 2 DESC"),
            "by_outlet": pairs(
                "SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_day": pairs(
                "SELECT coalesce(published, '(undated)'), count(*) FROM articles "
                "GROUP BY 1 ORDER BY 1"
            ),
            "errors_by_code": pairs(
                "SELECT code, count(*) FROM errors WHERE resolved IS NULL GROUP BY code "
                "ORDER BY 2 DESC"
            ),
        }

    def report_count(self) -> int:
        """Articles counted as reports: duplicates and near-duplicates of one text count once."""
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                parent[x] = parent.get(parent[x], parent[x])
                x = parent[x]
            return x

        for a, b in self.conn.execute(
            "SELECT a, b FROM copies WHERE relation IN ('duplicate', 'near_duplicate')"
        ):
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        merged = sum(1 for x in parent if root(x) != x)
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]) - merged


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")


def timeline_quotes(conn: sqlite3.Connection, article_id: str) -> list[Said]:
    """What the timeline needs of an article's quotes (its rows are sqlite3.Row). The outlet's
    own voice ("the vote is expected on Tuesday") is no one's statement, so it is left out."""
    return [
        Said(q["id"], q["start"], q["end"], q["cue_start"], q["speaker"], q["statement"])
        for q in conn.execute(
            "SELECT q.id, q.start, q.end, q.cue_start, q.statement, "
            "coalesce(s.name, q.speaker_name, q.mention) AS speaker FROM quotes q "
            "LEFT JOIN speakers s ON s.id = q.speaker "
            "WHERE q.article = ? AND q.speaker_kind != 'writer'",
            (article_id,),
        )
    ]


def _quote_record(row: sqlite3.Row) -> dict[str, Any]:
    """A stored quote as the export contract has it, then extras."""
    name = row["entity_name"] or row["speaker_name"]
    return {
        "id": row["id"],
        "article": row["article"],
        "source": row["article_source"],
        "text": row["text"],
        "kind": row["kind"],
        "speaker": None
        if name is None and row["mention"] is None
        else {"name": name, "mention": row["mention"], "id": row["speaker"]},
        "cue": row["cue"],
        "start": row["start"],
        "end": row["end"],
        "statement": row["statement"],
        "speaker_kind": row["speaker_kind"],
        "role": row["role"],
        "continues": row["continues"],
        "mention_start": row["mention_start"],
        "mention_end": row["mention_end"],
    }


def _figure_record(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": f"{row['article']}:{row['start']}",
        "article": row["article"],
        "source": row["article_source"],
        "text": row["text"],
        "value": row["value"],
        "low": row["low"],
        "high": row["high"],
        "operator": row["operator"],
        "unit": row["unit"],
        "counted": row["counted"],
        "claimed_by": row["claimed_by"],
        "start": row["start"],
        "end": row["end"],
        "quantity": row["quantity"],
        "kind": row["kind"],
        "predicate": row["predicate"],
        "key": row["key"],
        "outlet": row["outlet"],
        "published": row["published"],
    }


def _parts(span: Span | None) -> tuple[str | None, int | None, int | None]:
    return (None, None, None) if span is None else (span.text, span.start, span.end)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = ["ARTICLE_FIELDS", "DEFAULT_DB", "Batch", "Database", "article_id"]
