"""The stories stage: place new articles in stories, re-clustering only what they touch.

Reads the stored story terms (never the text), keeps document frequencies up to date, and
for each chunk of new articles (oldest first):

1. finds the placed articles they could share a story with: published within ``WINDOW_DAYS``
   of the chunk (all of them when dates are missing), at most ``MAX_NEIGHBOURS`` of the most
   recent;
2. takes every story with a member at least ``cluster.TOUCH`` similar to a new article, and
   re-clusters those stories' members in the window together with the new articles
   (``cluster.complete_link_sparse``); copies (any relation) count as identical, unless
   their dates are far apart;
3. keeps story ids stable: a story keeps its id in the new cluster holding most of its
   placed members; other clusters take their next story's id, or a new one.

Stories no new article touches are not read or changed, so adding a day of news to a year
costs about as much as the day.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

from ..store import Database
from .cluster import TOUCH, complete_link_sparse, fade_pairs, tfidf
from .neighbourhood import Neighbourhood
from .terms import story_terms
from .vectors import Vectors

#: New articles clustered at once, with their neighbourhood.
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
    terms: dict[str, float] | None  # None: not read (the vectors read them once)
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
    documents = int(db.conn.execute("SELECT count(*) FROM story_terms").fetchone()[0])
    # Enough for a chunk and its neighbours, and the next chunk's neighbours, which are
    # mostly the same articles.
    pairs = Neighbourhood(Vectors(db, documents, keep=2 * (CHUNK + MAX_NEIGHBOURS)))
    touched: set[str] = set()
    for start in range(0, len(fresh), CHUNK):
        chunk = _docs(
            db,
            "SELECT t.article, a.published, t.terms, t.latest_year, NULL FROM story_terms t "
            "JOIN articles a ON a.id = t.article WHERE t.article IN "
            "(SELECT value FROM json_each(?)) ORDER BY coalesce(a.published, '9999'), a.id",
            [json.dumps(fresh[start : start + CHUNK])],
        )
        touched |= _place(db, chunk, pairs)
    _summarise_stale(db)
    report.placed = len(fresh)
    report.touched = len(touched)
    report.stories = int(db.conn.execute("SELECT count(*) FROM stories").fetchone()[0])
    return report


def _place(db: Database, chunk: list[_Doc], pairs: Neighbourhood) -> set[str]:
    neighbours = _neighbours(db, chunk)
    near = pairs.measure(
        [d.id for d in chunk], {d.id: d.terms or {} for d in chunk}, [d.id for d in neighbours]
    )
    # Stories touched by the chunk: all their members in the window are re-clustered.
    stories = {neighbours[i].story for i in np.flatnonzero(near >= TOUCH)}
    kept = [i for i, d in enumerate(neighbours) if d.story in stories]
    docs = chunk + [neighbours[i] for i in kept]
    similarity = pairs.similarity(kept)
    similarity = _link_copies(db, docs, similarity.tocsr())
    # After the copy links: a copy printed years later is another story. Only the pairs
    # similar at all are faded: the rest cannot share a story anyway.
    similarity = similarity.tocoo()
    similarity.data *= fade_pairs(
        similarity.row, similarity.col, [d.published for d in docs], [d.latest_year for d in docs]
    )
    labels = complete_link_sparse(similarity.tocsr())
    touched: set[str] = {s for s in stories if s}
    order = np.argsort(labels, kind="stable")
    clusters = np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)
    # A story keeps its id in the cluster holding most of its placed members (ties: the
    # cluster with the earliest row); the other clusters take their next story, or a new id.
    claims = sorted(
        (-count, k, story)
        for k, members in enumerate(clusters)
        for story, count in Counter(docs[i].story for i in members if docs[i].story).items()
    )
    owner: dict[int, str] = {}
    for _, k, story in claims:
        if k not in owner and story not in owner.values():
            owner[k] = story
    taken = set(owner.values())
    assignments: list[tuple[str, str]] = []
    for k, members in enumerate(clusters):
        story = owner.get(k) or _new_story_id(db, min(docs[i].id for i in members), taken)
        taken.add(story)
        touched.add(story)
        assignments += [(docs[i].id, story) for i in members]
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
    """The placed articles a chunk could share a story with: the ``MAX_NEIGHBOURS`` latest
    within the window (undated ones last, newest id first), without their terms."""
    dates = [d.published for d in chunk if d.published]
    placed = (
        "SELECT a.id, a.published, t.latest_year, s.story FROM articles a "
        "JOIN story_terms t ON t.article = a.id JOIN story_articles s ON s.article = a.id "
        "WHERE t.storied = 1 AND "
    )
    # Each query walks an index from its first row and stops at the limit: sorting the
    # window's rows made a chunk cost as much as the window holds (a busy month, most of
    # the corpus).
    if dates and len(dates) == len(chunk):
        window = timedelta(days=WINDOW_DAYS)
        sql = placed + "a.published BETWEEN ? AND ?"
        params: list[Any] = [(min(dates) - window).isoformat(), (max(dates) + window).isoformat()]
    else:
        # An undated article can be anyone's neighbour.
        sql, params = placed + "a.published IS NOT NULL", []
    rows = db.conn.execute(
        sql + " ORDER BY a.published DESC, a.id DESC LIMIT ?", [*params, MAX_NEIGHBOURS]
    ).fetchall()
    # Undated placed articles stay neighbours: their date cannot rule them out.
    if len(rows) < MAX_NEIGHBOURS:
        rows += db.conn.execute(
            placed + "a.published IS NULL ORDER BY a.id DESC LIMIT ?",
            (MAX_NEIGHBOURS - len(rows),),
        ).fetchall()
    return [_Doc(r[0], _date(r[1]), None, r[2], r[3]) for r in rows]


def _link_copies(db: Database, docs: list[_Doc], similarity: csr_matrix) -> csr_matrix:
    """Copies are one story whatever their other words say."""
    index = {d.id: i for i, d in enumerate(docs)}
    db.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _story_docs (id TEXT PRIMARY KEY)")
    db.conn.execute("DELETE FROM _story_docs")
    db.conn.executemany("INSERT OR IGNORE INTO _story_docs (id) VALUES (?)", [(i,) for i in index])
    pairs = [
        (index[a], index[b])
        for a, b in db.conn.execute(
            "SELECT c.a, c.b FROM copies c JOIN _story_docs x ON x.id = c.a "
            "JOIN _story_docs y ON y.id = c.b"
        )
    ]
    if not pairs:
        return similarity
    rows, cols = (np.array(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    ones = csr_matrix(
        (np.ones(2 * len(pairs)), (np.concatenate([rows, cols]), np.concatenate([cols, rows]))),
        shape=similarity.shape,
    )
    ones.data[:] = 1.0  # (a pair listed twice is still 1)
    # At least 1 for copies, as identical texts give.
    return similarity.maximum(ones).tocsr()


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


def _docs(db: Database, sql: str, params: list[Any]) -> list[_Doc]:
    return [
        _Doc(r[0], _date(r[1]), json.loads(r[2]), r[3], r[4])
        for r in db.conn.execute(sql, params).fetchall()
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
