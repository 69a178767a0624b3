"""The copies join: candidate pairs from stored signatures, verified by aligning their texts.

Incremental: only pairs involving an article not yet compared (``signatures.compared = 0``)
are aligned, so adding a hundred articles to a corpus of a million aligns a few hundred pairs;
the candidate join itself reads only band keys (a few hundred bytes per article).
"""

from __future__ import annotations

import json
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..store import Database
from .candidates import candidate_pairs
from .relation import Comparison, compare
from .signature import band_keys, signature
from .text import Words, words
from .wires import wire_credits

#: Pairs aligned per transaction.
CHUNK = 2000
#: Articles whose words are kept in memory while aligning (a candidate list is mostly local).
WORDS_CACHE = 4000


@dataclass
class CopiesReport:
    compared: int = 0  # articles joined for the first time
    candidates: int = 0  # pairs aligned
    relations: Counter[str] = field(default_factory=Counter)  # new copies found, by relation


def update(db: Database) -> CopiesReport:
    """Find the copies of every article not yet compared, and record them."""
    report = CopiesReport()
    backfill(db)
    if db.conn.execute("SELECT 1 FROM signatures WHERE compared = 0 LIMIT 1").fetchone() is None:
        return report
    ids: list[str] = []
    new: list[bool] = []
    key_parts: list[np.ndarray] = []
    # Streamed: only the band keys are held, not the rows they come from.
    for r in db.conn.execute(
        "SELECT s.article, s.digest, s.doc_bands, s.passage_bands, s.compared "
        "FROM signatures s JOIN articles a ON a.id = s.article "
        # Pairs are (earlier, later), ties by id: the same pairs whatever the load order.
        "ORDER BY coalesce(a.published, '9999'), a.id"
    ):
        ids.append(str(r["article"]))
        new.append(not r["compared"])
        # The text digest is a key of its own: exact duplicates pair up even when too short
        # for sketches.
        digest = np.frombuffer(bytes(r["digest"])[:8], dtype=np.int64)
        key_parts.append(
            np.concatenate([digest, band_keys(r["doc_bands"]), band_keys(r["passage_bands"])])
        )
    fresh = np.array(new, dtype=bool)
    if not fresh.any():  # (signatures of articles no longer stored)
        return report
    report.compared = int(fresh.sum())
    lengths = np.fromiter((len(k) for k in key_parts), dtype=np.int64, count=len(key_parts))
    keys = np.concatenate(key_parts)
    del key_parts
    owners = np.repeat(np.arange(len(ids), dtype=np.int64), lengths)
    pairs = candidate_pairs(keys, owners, fresh=fresh)
    report.candidates = len(pairs)
    cache = _WordsCache(db)
    found: list[tuple[Any, ...]] = []
    for i, j in pairs.tolist():
        a, b = ids[i], ids[j]
        result = compare(cache.get(a), cache.get(b))
        if result.relation is None:
            continue
        found.append(_row(db, a, b, result, cache))
        report.relations[result.relation] += 1
        if len(found) >= CHUNK:
            _write(db, found, [])
            found = []
    _write(db, found, [ids[i] for i in np.flatnonzero(fresh).tolist()])
    return report


def backfill(db: Database) -> int:
    """Signatures for articles stored without one (by an older presstrace)."""
    done = 0
    while True:  # in batches, each committed: memory stays flat on a large old database
        rows = db.conn.execute(
            "SELECT a.id, a.text, a.byline, a.dateline, a.removed FROM articles a "
            "LEFT JOIN signatures s ON s.article = a.id WHERE s.article IS NULL LIMIT 1000"
        ).fetchall()
        if not rows:
            return done
        with db.transaction():
            for r in rows:
                removed = [str(line[2]) for line in json.loads(r["removed"])]
                wires = wire_credits(
                    r["text"], byline=r["byline"], dateline=r["dateline"], removed=removed
                )
                db.put_signature(r["id"], signature(r["text"]), wires, commit=False)
        done += len(rows)


def _row(db: Database, a: str, b: str, result: Comparison, cache: _WordsCache) -> tuple[Any, ...]:
    wa, wb = cache.get(a), cache.get(b)
    passages = [
        {
            "a": [wa.starts[p.a_start], wa.ends[p.a_end - 1]],
            "b": [wb.starts[p.b_start], wb.ends[p.b_end - 1]],
            "words": p.matched,
        }
        for p in result.passages
    ]
    earlier = _earlier(db, a, b)
    return (a, b, result.relation, round(result.shared, 4), json.dumps(passages), earlier)


def _earlier(db: Database, a: str, b: str) -> str | None:
    """The article published first, when both dates are known and differ."""
    dates = dict(
        db.conn.execute("SELECT id, published FROM articles WHERE id IN (?, ?)", (a, b)).fetchall()
    )
    da, db_ = dates.get(a), dates.get(b)
    if not da or not db_ or da == db_:
        return None
    return a if da < db_ else b


def _write(db: Database, rows: list[tuple[Any, ...]], compared: list[str]) -> None:
    with db.transaction():
        db.conn.executemany(
            "INSERT OR REPLACE INTO copies (a, b, relation, shared, passages, earlier) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.conn.executemany(
            "UPDATE signatures SET compared = 1 WHERE article = ?", [(c,) for c in compared]
        )


class _WordsCache:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.items: OrderedDict[str, Words] = OrderedDict()

    def get(self, article: str) -> Words:
        found = self.items.get(article)
        if found is not None:
            self.items.move_to_end(article)
            return found
        row = self.db.conn.execute("SELECT text FROM articles WHERE id = ?", (article,)).fetchone()
        found = words(row[0] if row else "", quotes=True)
        self.items[article] = found
        if len(self.items) > WORDS_CACHE:
            self.items.popitem(last=False)
        return found
