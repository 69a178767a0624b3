"""TF-IDF rows of articles' story terms, weighed once against one vocabulary and kept.

The document frequencies do not change while a corpus stage runs (they are counted before
it), so an article's row is the same in every chunk it takes part in. Consecutive chunks of
the stories stage share most of their neighbours: weighing each article once, instead of
re-reading and re-weighing its terms for every chunk, keeps the cost of a chunk to its new
articles and the products.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from ..store import Database
from .cluster import tfidf

#: Terms whose document frequency is asked for in one query.
_DF_BATCH = 5000
#: Articles whose terms are read and weighed at once (their parsed terms are the peak).
_WEIGH_BATCH = 1000


class Vectors:
    """Rows of L2-normalised TF-IDF weights (as ``cluster.tfidf`` gives them) for article
    ids, in columns of one vocabulary. Up to ``keep`` rows stay in memory, the least
    recently used dropped first (``None``: all)."""

    def __init__(self, db: Database, documents: int, keep: int | None = None) -> None:
        self.db, self.documents, self.keep = db, documents, keep
        self.vocabulary: dict[str, int] = {}
        self.df: dict[str, int] = {}
        self._rows: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def rows(
        self, ids: Sequence[str], terms: Mapping[str, Mapping[str, float]] | None = None
    ) -> csr_matrix:
        """The rows of ``ids``, in that order; terms are read from the database unless
        ``terms`` has them (an article without stored terms gets an empty row)."""
        self.warm(ids, terms)
        parts = []
        for a in ids:
            self._rows.move_to_end(a)
            parts.append(self._rows[a])
        matrix = _stack(parts, max(len(self.vocabulary), 1))
        if self.keep is not None:
            while len(self._rows) > max(self.keep, len(ids)):
                self._rows.popitem(last=False)
        return matrix

    def warm(
        self, ids: Sequence[str], terms: Mapping[str, Mapping[str, float]] | None = None
    ) -> None:
        """Weigh the rows of ``ids`` not yet kept, reading their terms in batches (a caller
        that asks for a few rows at a time can warm the ones it will ask for first)."""
        given = terms or {}
        missing = [a for a in dict.fromkeys(ids) if a not in self._rows]
        for start in range(0, len(missing), _WEIGH_BATCH):
            part = missing[start : start + _WEIGH_BATCH]
            unread = [a for a in part if a not in given]
            read = self._read(unread) if unread else {}
            self._weigh(part, [given[a] if a in given else read.get(a, {}) for a in part])

    def _read(self, ids: list[str]) -> dict[str, dict[str, float]]:
        found: dict[str, dict[str, float]] = {}
        for start in range(0, len(ids), _DF_BATCH):
            for article, text in self.db.conn.execute(
                "SELECT article, terms FROM story_terms WHERE article IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + _DF_BATCH]),),
            ):
                found[str(article)] = json.loads(text)
        return found

    def _weigh(self, ids: list[str], terms: list[Mapping[str, float]]) -> None:
        unknown = sorted({t for weights in terms for t in weights if t not in self.df})
        for start in range(0, len(unknown), _DF_BATCH):
            part = unknown[start : start + _DF_BATCH]
            self.df.update(dict.fromkeys(part, 0))
            self.df.update(
                (str(r[0]), int(r[1]))
                for r in self.db.conn.execute(
                    "SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))",
                    (json.dumps(part),),
                )
            )
        matrix, local = tfidf(terms, self.df, self.documents)
        into = np.fromiter(
            (self.vocabulary.setdefault(t, len(self.vocabulary)) for t in local),
            dtype=np.int64,
            count=len(local),
        )
        for i, article in enumerate(ids):
            lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
            # int32 columns: half the memory of a row, and a vocabulary stays far below 2**31.
            self._rows[article] = (
                into[matrix.indices[lo:hi]].astype(np.int32),
                matrix.data[lo:hi].copy(),
            )


def _stack(parts: list[tuple[np.ndarray, np.ndarray]], width: int) -> csr_matrix:
    lengths = np.fromiter((len(cols) for cols, _ in parts), dtype=np.int64, count=len(parts))
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    if not parts:
        return csr_matrix((0, width))
    indices = np.concatenate([cols for cols, _ in parts])
    data = np.concatenate([values for _, values in parts])
    return csr_matrix((data, indices, indptr), shape=(len(parts), width))
