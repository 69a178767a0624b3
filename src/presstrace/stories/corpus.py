"""The stories stage: place new articles in stories, re-clustering only what they touch.

Reads the stored story terms (never the text), keeps document frequencies up to date, and
for each chunk of new articles (oldest first):

1. finds the placed articles they could share a story with: published within ``WINDOW_DAYS``
   of the chunk (all of them when dates are missing), at most ``MAX_NEIGHBOURS`` of the most
   recent;
2. takes every story with a member at least ``cluster.TOUCH`` similar to a new article, and
   re-clusters those stories' members in the window together with the new articles
   (``cluster.complete_link``); copies (any relation) count as identical, unless their dates
   are far apart;
3. keeps story ids stable: a new cluster takes the id of the story most of its placed
   members were in, or a new id.

Stories no new article touches are not read or changed, so adding a day of news to a year
costs about as much as the day.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..store import Database
from .cluster import TOUCH, complete_link, fade, tfidf
from .terms import story_terms

#: New articles clustered at once (a dense similarity matrix of the neighbourhood).
CHUNK = 500
#: Placed articles re-clustered with a chunk, at most (the most recent ones).
MAX_NEIGHBOURS = 3000
#: Days around a chunk's dates in which placed articles are its neighbours.
WINDOW_DAYS = 30
#: Articles whose terms are added to the document frequencies per transaction.
COUNT_BATCH = 5000
#: Stories whose summaries are rewritten per transaction.
SUMMARY_BATCH = 500
#: Key terms shown for a story.
KEY_TERMS = 8


@dataclass
class StoriesReport:
    placed: int = 0  # articles placed for the first time
    stories: int = 0  # stories in the corpus afterwards
    touched: int = 0  # stories created or changed


@dataclass
class _Doc:
    id: str
    published: date | None
    terms: dict[str, float]
    latest_year: int | None
    story: str | None = None


def update(db: Database) -> StoriesReport:
    """Place every article not yet in a story."""
    report = StoriesReport()
    _backfill(db)
    _count_terms(db)
    # Only the ids up front: the terms of a chunk are read when it is placed, so memory does
    # not grow with the number of new articles.
    fresh = [
        str(r[0])
        for r in db.conn.execute(
            "SELECT t.article FROM story_terms t JOIN articles a ON a.id = t.article "
            "WHERE t.storied = 0 ORDER BY coalesce(a.published, '9999'), a.id"
        )
    ]
    touched: set[str] = set()
    for start in range(0, len(fresh), CHUNK):
        chunk = _docs(
            db,
            "SELECT t.article, a.published, t.terms, t.latest_year, NULL FROM story_terms t "
            "JOIN articles a ON a.id = t.article WHERE t.article IN "
            "(SELECT value FROM json_each(?)) ORDER BY coalesce(a.published, '9999'), a.id",
            [json.dumps(fresh[start : start + CHUNK])],
        )
        touched |= _place(db, chunk)
    _summarise_stale(db)
    report.placed = len(fresh)
    report.touched = len(touched)
    report.stories = int(db.conn.execute("SELECT count(*) FROM stories").fetchone()[0])
    return report


def _place(db: Database, chunk: list[_Doc]) -> set[str]:
    documents, df = _frequencies(db, chunk)
    neighbours = _neighbours(db, chunk)
    matrix, _ = tfidf([d.terms for d in chunk + neighbours], df, documents)
    n = len(chunk)
    # Stories touched by the chunk: all their members in the window are re-clustered.
    stories: set[str | None] = set()
    if neighbours:
        touching = (matrix[:n] @ matrix[n:].T).max(axis=0).toarray().ravel() >= TOUCH
        stories = {neighbours[i].story for i in np.flatnonzero(touching)}
    keep = list(range(n)) + [n + i for i, d in enumerate(neighbours) if d.story in stories]
    docs = [(chunk + neighbours)[i] for i in keep]
    kept = matrix[keep]
    similarity = (kept @ kept.T).toarray()
    _link_copies(db, docs, similarity)
    # After the copy links: a copy printed years later is another story.
    similarity *= fade([d.published for d in docs], [d.latest_year for d in docs])
    labels = complete_link(similarity)
    touched: set[str] = {s for s in stories if s}
    assignments: list[tuple[str, str]] = []
    taken: set[str] = set()
    for label in np.unique(labels):
        members = [docs[i] for i in np.flatnonzero(labels == label)]
        previous = Counter(d.story for d in members if d.story)
        story = next((s for s, _ in previous.most_common() if s not in taken), None)
        if story is None:
            story = _new_story_id(db, min(d.id for d in members), taken)
        taken.add(story)
        touched.add(story)
        assignments += [(d.id, story) for d in members]
    with db.transaction():
        db.conn.executemany(
            "INSERT OR REPLACE INTO story_articles (article, story) VALUES (?, ?)", assignments
        )
        db.conn.executemany(
            "UPDATE story_terms SET storied = 1 WHERE article = ?", [(d.id,) for d in chunk]
        )
        # In the same transaction: a run killed before the summaries are rewritten leaves
        # them marked, and the next update rewrites them.
        db.conn.executemany(
            "INSERT OR IGNORE INTO stories_stale (story) VALUES (?)", [(s,) for s in touched]
        )
    return touched


def _summarise_stale(db: Database) -> None:
    """Rewrite the summaries of the stories marked stale, once each, in batches: a story that
    grows over many chunks was summarised again after every chunk, which made the stage
    grow faster than the corpus."""
    documents = int(db.conn.execute("SELECT count(*) FROM story_terms").fetchone()[0])
    stale = [str(r[0]) for r in db.conn.execute("SELECT story FROM stories_stale ORDER BY story")]
    for start in range(0, len(stale), SUMMARY_BATCH):
        part = stale[start : start + SUMMARY_BATCH]
        with db.transaction():
            _summarise(db, part, documents)
            db.conn.executemany("DELETE FROM stories_stale WHERE story = ?", [(s,) for s in part])


def _neighbours(db: Database, chunk: list[_Doc]) -> list[_Doc]:
    dates = [d.published for d in chunk if d.published]
    sql = (
        "SELECT a.id FROM story_terms t JOIN articles a ON a.id = t.article "
        "JOIN story_articles s ON s.article = t.article WHERE t.storied = 1"
    )
    params: list[Any] = []
    if dates and len(dates) == len(chunk):
        # Undated placed articles stay neighbours: their date cannot rule them out.
        sql += " AND (a.published IS NULL OR a.published BETWEEN ? AND ?)"
        window = timedelta(days=WINDOW_DAYS)
        params = [(min(dates) - window).isoformat(), (max(dates) + window).isoformat()]
    sql += " ORDER BY coalesce(a.published, '0000') DESC, a.id DESC LIMIT ?"
    # The ids first, then the terms of those chosen: sorting the window's rows with their
    # terms made each chunk cost as much as the window holds (a busy month is most of it).
    chosen = [r[0] for r in db.conn.execute(sql, [*params, MAX_NEIGHBOURS])]
    return _docs(
        db,
        "SELECT t.article, a.published, t.terms, t.latest_year, s.story FROM story_terms t "
        "JOIN articles a ON a.id = t.article JOIN story_articles s ON s.article = t.article "
        "WHERE t.article IN (SELECT value FROM json_each(?)) "
        "ORDER BY coalesce(a.published, '0000') DESC, a.id DESC",
        [json.dumps(chosen)],
    )


def _link_copies(db: Database, docs: list[_Doc], similarity: np.ndarray) -> None:
    """Copies are one story whatever their other words say."""
    index = {d.id: i for i, d in enumerate(docs)}
    db.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _story_docs (id TEXT PRIMARY KEY)")
    db.conn.execute("DELETE FROM _story_docs")
    db.conn.executemany("INSERT OR IGNORE INTO _story_docs (id) VALUES (?)", [(i,) for i in index])
    for a, b in db.conn.execute(
        "SELECT c.a, c.b FROM copies c JOIN _story_docs x ON x.id = c.a "
        "JOIN _story_docs y ON y.id = c.b"
    ):
        similarity[index[a], index[b]] = similarity[index[b], index[a]] = 1.0


def _summarise(db: Database, stories: list[str], documents: int) -> None:
    """Rewrite the summary rows of ``stories``: title, key terms, size, first and last seen."""
    members: dict[str, list[Any]] = {s: [] for s in stories}
    for r in db.conn.execute(
        "SELECT s.story, a.id, a.title, a.published, t.terms FROM story_articles s "
        "JOIN articles a ON a.id = s.article JOIN story_terms t ON t.article = a.id "
        "WHERE s.story IN (SELECT value FROM json_each(?)) ORDER BY s.story, a.id",
        (json.dumps(stories),),
    ):
        members[r["story"]].append(
            {"title": r["title"], "published": r["published"], "terms": json.loads(r["terms"])}
        )
    words = sorted({t for rows in members.values() for row in rows for t in row["terms"]})
    df = {
        str(r[0]): int(r[1])
        for r in db.conn.execute(
            "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(words),),
        )
    }
    for story in stories:
        rows = members[story]
        if not rows:
            db.conn.execute("DELETE FROM stories WHERE id = ?", (story,))
            continue
        matrix, vocabulary = tfidf([r["terms"] for r in rows], df, documents)
        centroid = np.asarray(matrix.sum(axis=0)).ravel()
        terms = list(vocabulary)
        key_terms = [terms[i] for i in np.argsort(-centroid)[:KEY_TERMS] if centroid[i] > 0]
        central = np.asarray(matrix @ centroid).ravel()
        titled = [i for i, r in enumerate(rows) if r["title"]]
        title = rows[max(titled, key=lambda i: central[i])]["title"] if titled else None
        dates = sorted(r["published"] for r in rows if r["published"])
        db.conn.execute(
            "INSERT OR REPLACE INTO stories (id, title, terms, size, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                story,
                title,
                json.dumps(key_terms, ensure_ascii=False),
                len(rows),
                dates[0] if dates else None,
                dates[-1] if dates else None,
            ),
        )


def _count_terms(db: Database) -> None:
    """Add the terms of articles not yet counted to the document frequencies."""
    while True:  # in batches: memory stays flat however many articles are new
        rows = db.conn.execute(
            "SELECT article, terms FROM story_terms WHERE counted = 0 LIMIT ?", (COUNT_BATCH,)
        ).fetchall()
        if not rows:
            return
        counts: Counter[str] = Counter()
        for row in rows:
            counts.update(json.loads(row["terms"]).keys())
        with db.transaction():
            db.conn.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) "
                "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                counts.items(),
            )
            db.conn.executemany(
                "UPDATE story_terms SET counted = 1 WHERE article = ?", [(r[0],) for r in rows]
            )


def _frequencies(db: Database, chunk: Sequence[_Doc]) -> tuple[int, dict[str, int]]:
    """Document count and the frequencies of the terms the computation will need."""
    documents = int(db.conn.execute("SELECT count(*) FROM story_terms").fetchone()[0])
    wanted = {t for d in chunk for t in d.terms}
    if chunk:
        found: dict[str, int] = {}
        listed = sorted(wanted)
        for start in range(0, len(listed), 500):
            part = listed[start : start + 500]
            marks = ",".join("?" * len(part))
            found.update(
                db.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", part)
            )
        return documents, _FallbackDf(found, db)
    return documents, _FallbackDf({}, db)


class _FallbackDf(dict[str, int]):
    """Frequencies fetched up front, the rest on demand (neighbours' own terms)."""

    def __init__(self, known: dict[str, int], db: Database) -> None:
        super().__init__(known)
        self.db = db

    def get(self, term: str, default: int | None = None) -> int:  # type: ignore[override]
        if term not in self:
            row = self.db.conn.execute("SELECT df FROM term_df WHERE term = ?", (term,)).fetchone()
            self[term] = int(row[0]) if row else 0
        return int(self[term])


def _docs(db: Database, sql: str, params: Sequence[Any] = ()) -> list[_Doc]:
    return [
        _Doc(r[0], _date(r[1]), json.loads(r[2]), r[3], r[4])
        for r in db.conn.execute(sql, list(params)).fetchall()
    ]


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _new_story_id(db: Database, first_article: str, taken: set[str]) -> str:
    """A stable id from the story's first article, unique in the database."""
    for n in range(1000):
        seed = first_article if n == 0 else f"{first_article}:{n}"
        story = "s" + hashlib.sha256(seed.encode()).hexdigest()[:15]
        used = db.conn.execute(
            "SELECT 1 FROM story_articles WHERE story = ? LIMIT 1", (story,)
        ).fetchone()
        if story not in taken and used is None:
            return story
    raise RuntimeError("no free story id")  # unreachable in practice


def _backfill(db: Database) -> int:
    """Story terms for articles stored without them (by an older presstrace)."""
    done = 0
    while True:  # in batches, each committed: memory stays flat on a large old database
        rows = db.conn.execute(
            "SELECT a.id, a.title, a.text FROM articles a LEFT JOIN story_terms t "
            "ON t.article = a.id WHERE t.article IS NULL LIMIT 1000"
        ).fetchall()
        if not rows:
            return done
        with db.transaction():
            for r in rows:
                db.put_story_terms(r["id"], story_terms(r["title"], r["text"]), commit=False)
        done += len(rows)
