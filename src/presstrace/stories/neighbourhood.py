"""The similar pairs of a chunk's neighbourhood, reusing those of the chunk before.

A chunk of new articles is compared with its neighbours (the placed articles it could share a
story with), and the neighbours of the stories it touches with each other. Consecutive chunks
have mostly the same neighbours, so the pairs among neighbours were, for the most part,
computed for the chunk before: they are kept, and only the pairs of articles new to the
neighbourhood are computed. Only pairs at least ``FLOOR`` similar are kept: no pair below it
can share a story or make one touched (fading by date only lowers a similarity).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.sparse import bmat, coo_matrix, csr_matrix

from .cluster import LINK, TOUCH
from .vectors import Vectors

FLOOR = min(LINK, TOUCH)


class Neighbourhood:
    """Call ``measure`` with a chunk and its neighbours, then ``similarity`` with the
    neighbours to cluster; the pairs found are kept for the next chunk."""

    def __init__(self, vectors: Vectors) -> None:
        self.vectors = vectors
        self._known_ids: dict[str, int] = {}
        self._known = csr_matrix((0, 0))
        self._chunk: list[str] = []
        self._neighbours: list[str] = []
        self._matrix = csr_matrix((0, 0))
        self._near = csr_matrix((0, 0))

    def measure(
        self, chunk: list[str], terms: Mapping[str, Mapping[str, float]], neighbours: list[str]
    ) -> np.ndarray:
        """Each neighbour's highest similarity to an article of the chunk (0 below
        ``FLOOR``); ``terms`` are the chunk's, the neighbours' are read when needed."""
        self._chunk, self._neighbours = chunk, neighbours
        # One call: the rows share the vocabulary's width.
        self._matrix = self.vectors.rows(chunk + neighbours, terms)
        n = len(chunk)
        self._near = _floor(self._matrix[:n] @ self._matrix.T).tocsc()
        if not neighbours:
            return np.zeros(0)
        return np.asarray(self._near[:, n:].max(axis=0).toarray()).ravel()

    def similarity(self, kept: list[int]) -> csr_matrix:
        """Similar pairs among the chunk's articles and the neighbours ``kept`` (positions
        in the list given to ``measure``), in that order."""
        n = len(self._chunk)
        top = self._near[:, list(range(n)) + [n + k for k in kept]].tocsr()
        ids = [self._neighbours[k] for k in kept]
        block = self._block(ids, [n + k for k in kept])
        similarity = bmat([[top[:, :n], top[:, n:]], [top[:, n:].T, block]], format="csr")
        self._known_ids = {a: i for i, a in enumerate(self._chunk + ids)}
        self._known = similarity
        return similarity

    def _block(self, ids: list[str], rows: list[int]) -> csr_matrix:
        """The pairs among the kept neighbours: known ones as they were, the rest computed."""
        k = len(ids)
        position = np.array([self._known_ids.get(a, -1) for a in ids], dtype=np.int64)
        known = np.flatnonzero(position >= 0)
        unknown = np.flatnonzero(position < 0)
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if len(known):
            old = self._known[position[known]][:, position[known]].tocoo()
            parts.append((known[old.row], known[old.col], old.data))
        if len(unknown):
            matrix = self._matrix[rows]
            new = _floor(matrix[unknown] @ matrix.T).tocoo()
            r, c = unknown[new.row], new.col.astype(np.int64)
            parts.append((r, c, new.data))
            # The same pairs seen from the known side (pairs of two unknown articles are
            # listed both ways already).
            mirror = position[c] >= 0
            parts.append((c[mirror], r[mirror], new.data[mirror]))
        if not parts:
            return csr_matrix((k, k))
        r, c, v = (np.concatenate(p) for p in zip(*parts, strict=True))
        return coo_matrix((v, (r, c)), shape=(k, k)).tocsr()


def _floor(matrix: csr_matrix) -> csr_matrix:
    matrix = matrix.tocsr()
    matrix.data[matrix.data < FLOOR] = 0.0
    matrix.eliminate_zeros()
    return matrix
