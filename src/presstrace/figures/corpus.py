"""Figures across the corpus: one quantity for the figures about the same thing.

Two figures are about one quantity when they have the same key (the predicate group and
what is counted: "detain|people" for "detained over one million Muslims" and "the detention
of hundreds of thousands of Uighurs") and their articles are about the same matter: in the
same story, or similar enough in their story terms (TF-IDF cosine ``TOPIC``, looser than a
story, so that the reports of different days and outlets on one subject meet). Figures are
joined through those links (connected components); a quantity needs the figures of at least
two articles, and it records its spread and whether its figures disagree: two articles give
amounts that cannot both be right ("hundreds of thousands" and "over one million").

Rebuilt whole after each ingest, but only over figures that have a key, grouped by key
first, so the work is the sum of small groups. Articles stored by a presstrace without this
stage get their figures first (``backfill``), from their text, dates and quotes.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, vstack
from scipy.sparse.csgraph import connected_components

from ..dates import TimeExpression
from ..store import Database
from ..stories.vectors import Vectors
from .claims import claimed
from .find import find_figures

#: Cosine of story terms for the articles of two figures to be about one matter.
TOPIC = 0.05
BATCH = 2000
#: Articles whose story-term vectors are kept in memory while linking.
VECTORS = 40_000
#: Similarity cells computed at once when linking the articles of one key (bounds memory).
LINK_CELLS = 4_000_000


@dataclass
class QuantitiesReport:
    backfilled: int = 0
    quantities: int = 0
    disagreeing: int = 0


def update(db: Database) -> QuantitiesReport:
    report = QuantitiesReport(backfilled=backfill(db))
    if db.conn.execute("SELECT 1 FROM articles WHERE figured = 1 LIMIT 1").fetchone() is None:
        report.quantities, report.disagreeing = (
            int(db.conn.execute(sql).fetchone()[0])
            for sql in (
                "SELECT count(*) FROM quantities",
                "SELECT count(*) FROM quantities WHERE disagree",
            )
        )
        return report  # no article's figures changed since the last grouping
    similar = _Similarity(db)
    # Streamed key by key: only one key's figures are held at a time (a large corpus has
    # millions of figures).
    rows = db.conn.execute(
        "SELECT f.article, f.start, f.key, f.value, f.low, f.high, a.published, s.story "
        "FROM figures f JOIN articles a ON a.id = f.article "
        "LEFT JOIN story_articles s ON s.article = f.article "
        "WHERE f.key IS NOT NULL ORDER BY f.key, coalesce(a.published, '9999'), a.id, f.start"
    )
    quantities: list[tuple[Any, ...]] = []
    assignment: list[tuple[str, str, int]] = []
    for key, group in itertools.groupby(rows, key=lambda row: str(row["key"])):
        members = list(group)
        if len({m["article"] for m in members}) < 2:
            continue  # (most keys: nothing to link, so no vectors to weigh)
        for component in _components(members, similar):
            if len({m["article"] for m in component}) < 2:
                continue  # the figures of one article count different things, if anything
            first = component[0]
            qid = hashlib.sha1(f"{key}|{first['article']}:{first['start']}".encode()).hexdigest()
            lows = [_low(m) for m in component]
            highs = [_high(m) for m in component]
            differ = disagree(component)
            dates = sorted(m["published"] for m in component if m["published"])
            quantities.append(
                (
                    qid[:16], key, len(component), len({m["article"] for m in component}),
                    _finite(min(lows)), _finite(max(highs)), int(differ),
                    dates[0] if dates else None, dates[-1] if dates else None,
                )
            )  # fmt: skip
            assignment.extend((qid[:16], m["article"], m["start"]) for m in component)
            report.disagreeing += int(differ)
    with db.transaction():
        db.conn.execute("DELETE FROM quantities")
        db.conn.execute("UPDATE figures SET quantity = NULL WHERE quantity IS NOT NULL")
        db.conn.executemany("INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?)", quantities)
        db.conn.executemany(
            "UPDATE figures SET quantity = ? WHERE article = ? AND start = ?", assignment
        )
        db.conn.execute("UPDATE articles SET figured = 2 WHERE figured = 1")
    report.quantities = len(quantities)
    return report


def backfill(db: Database) -> int:
    """Find the figures of every article not yet looked at; return how many articles."""
    done = 0
    while batch := db.unfigured(BATCH):
        found = {}
        for article, text, _published in batch:
            times = [
                TimeExpression(r[0], r[1], r[2], r[3], r[4])
                for r in db.conn.execute(
                    "SELECT start, end, text, type, value FROM dates WHERE article = ?",
                    (article,),
                )
            ]
            claims = [
                (int(r[0]), int(r[1]), str(r[2]))
                for r in db.conn.execute(
                    "SELECT start, end, coalesce(speaker_name, mention) FROM quotes "
                    "WHERE article = ? AND coalesce(speaker_name, mention) IS NOT NULL",
                    (article,),
                )
            ]
            try:
                found[article] = claimed(find_figures(text, times or None), claims)
            except Exception as exc:  # a bug on one article must not stop the corpus stage
                found[article] = []
                reason = (
                    f"finding figures failed ({type(exc).__name__}: {exc}); the article is "
                    "kept without figures. Please report it; `presstrace reanalyse` retries."
                )
                db.put_stage_error(article, "figures-failed", reason)
        db.put_figures(found)
        done += len(batch)
    return done


class _Similarity:
    """TF-IDF vectors of the articles' story terms, for "about the same matter"."""

    def __init__(self, db: Database) -> None:
        documents = max(int(db.conn.execute("SELECT count(*) FROM story_terms").fetchone()[0]), 1)
        # Kept up to ``VECTORS`` rows, the least recently used dropped: memory does not grow
        # with the corpus (an article's rows are weighed again when a later key needs them).
        self.vectors = Vectors(db, documents, keep=VECTORS)
        # Read in batches up front, as many as are kept: one query per key costs more.
        self.vectors.warm(
            [
                str(r[0])
                for r in db.conn.execute(
                    "SELECT DISTINCT article FROM figures WHERE key IN (SELECT key FROM "
                    "figures WHERE key IS NOT NULL GROUP BY key HAVING count(DISTINCT article) "
                    "> 1) LIMIT ?",
                    (VECTORS,),
                )
            ]
        )

    def linked(self, articles: list[str]) -> csr_matrix:
        """Pairs of ``articles`` at least ``TOPIC`` alike, as a sparse adjacency matrix."""
        rows = self.vectors.rows(articles)
        # A block of rows at a time, keeping only the links: a key reported by tens of
        # thousands of articles must not need their whole similarity matrix at once.
        step = max(1, LINK_CELLS // max(len(articles), 1))
        blocks = []
        for start in range(0, len(articles), step):
            block = (rows[start : start + step] @ rows.T).tocsr()
            block.data = (block.data >= TOPIC).astype(np.int8)
            block.eliminate_zeros()
            blocks.append(block)
        return vstack(blocks, format="csr") if blocks else csr_matrix((0, 0), dtype=np.int8)


def _components(members: list[Any], similar: _Similarity) -> list[list[Any]]:
    """Figures of one key joined when their articles are in one story or alike; the figures
    of one article are always together."""
    articles = sorted({m["article"] for m in members})
    position = {a: i for i, a in enumerate(articles)}
    links = similar.linked(articles).tolil()
    by_story: dict[str, int] = {}
    for m in members:
        if m["story"] is None:
            continue
        here = position[m["article"]]
        other = by_story.setdefault(m["story"], here)
        links[here, other] = 1
    _count, labels = connected_components(links.tocsr(), directed=False)
    groups: dict[int, list[Any]] = defaultdict(list)
    for m in members:
        groups[int(labels[position[m["article"]]])].append(m)
    return list(groups.values())


def disagree(figures: list[Any]) -> bool:
    """Two articles give amounts that cannot both be right: their intervals do not meet.
    Figures of one article are not compared ("10 voted for, 31 against").

    In one pass: the two highest lows and the two lowest highs of different articles are
    the only pairs that can fail to meet first."""
    lows: dict[str, float] = {}
    highs: dict[str, float] = {}
    for m in figures:
        lows[m["article"]] = max(lows.get(m["article"], -math.inf), _low(m))
        highs[m["article"]] = min(highs.get(m["article"], math.inf), _high(m))
    top = sorted(lows.items(), key=lambda item: -item[1])[:2]
    bottom = sorted(highs.items(), key=lambda item: item[1])[:2]
    return any(a != b and low > high for a, low in top for b, high in bottom)


def _low(m: Any) -> float:
    return -math.inf if m["low"] is None else float(m["low"])


def _high(m: Any) -> float:
    return math.inf if m["high"] is None else float(m["high"])


def _finite(x: float) -> float | None:
    return None if not np.isfinite(x) else x
