"""Story clustering: complete-link over TF-IDF similarity, re-run locally as articles arrive.

Two articles belong to one story when every pair of articles in it is similar enough
(complete link, ``LINK`` cosine): the criterion that keeps two similar events apart (two
earthquakes, two rehab check-ins) where centroid methods merge them through their shared
vocabulary. On ECB+ it beats a tuned streaming TF-IDF centroid clusterer (see
``benchmarks/bench_stories.py``).

Incremental without drift: new articles are clustered together with the stories they touch
(any member at least ``TOUCH`` similar), and only those; stories that no new article touches
are left as they are. Because the local re-clustering starts from single articles, the result
does not depend on the order articles arrive in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix

#: Cosine every pair of a story's articles must reach.
LINK = 0.1
#: Cosine with a new article for a story to be re-clustered with it.
TOUCH = 0.1
#: Days apart before similarity starts to fade, and how fast it fades (e-folding days).
SAME_DAYS, FADE_DAYS = 2, 14


def tfidf(
    terms: Sequence[Mapping[str, float]], df: Mapping[str, int], documents: int
) -> tuple[csr_matrix, dict[str, int]]:
    """Rows of L2-normalised TF-IDF weights (sublinear tf), and the column of each term."""
    lengths = np.fromiter((len(t) for t in terms), dtype=np.int64, count=len(terms))
    words = [term for weights in terms for term in weights]
    tf = np.fromiter(
        (tf for weights in terms for tf in weights.values()), dtype=float, count=len(words)
    )
    vocabulary: dict[str, int] = {}
    cols = np.fromiter(
        (vocabulary.setdefault(t, len(vocabulary)) for t in words), dtype=np.int64, count=len(words)
    )
    counts = np.fromiter((df.get(t, 0) for t in vocabulary), dtype=float, count=len(vocabulary))
    idf = np.log((documents + 1) / (counts + 1)) + 1.0
    values = (1 + np.log(np.maximum(tf, 1e-9))) * idf[cols]
    rows = np.repeat(np.arange(len(terms)), lengths)
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(terms)))
    values = values / np.where(norms > 0, norms, 1.0)[rows]
    shape = (len(terms), len(vocabulary))
    return csr_matrix((values, (rows, cols)), shape=shape), vocabulary


def fade(days: Sequence[date | None], years: Sequence[int | None] | None = None) -> np.ndarray:
    """Pairwise factor for publication dates: 1 within ``SAME_DAYS``, fading after.

    An undated article is judged on its words, except that one mentioning a year later than a
    dated article's cannot have been written at the same time: the gap to the start of that
    year counts (``years``: the latest year each text mentions).
    """
    n = len(days)
    rows, cols = np.divmod(np.arange(n * n), n)
    return fade_pairs(rows, cols, days, years).reshape(n, n)


def fade_pairs(
    rows: np.ndarray,
    cols: np.ndarray,
    days: Sequence[date | None],
    years: Sequence[int | None] | None = None,
) -> np.ndarray:
    """``fade`` for the pairs (rows[k], cols[k]) only: a neighbourhood's similar pairs are
    few beside all its pairs."""
    ordinals = np.array([d.toordinal() if d else np.nan for d in days], dtype=float)
    gap = np.abs(ordinals[rows] - ordinals[cols])
    if years is not None and any(y and not d for d, y in zip(days, years, strict=True)):
        starts = np.array(
            [
                date(y, 1, 1).toordinal() if y and not d else np.nan
                for d, y in zip(days, years, strict=True)
            ],
            dtype=float,
        )
        # Undated i (mentions year y) against dated j: at least start(y) - date(j) apart.
        for a, b in ((rows, cols), (cols, rows)):
            later = starts[a] - ordinals[b]
            gap = np.where(np.isnan(gap), np.where(later > 0, later, np.nan), gap)
    faded: np.ndarray = np.nan_to_num(gap, nan=0.0)  # unknown: no fading
    np.subtract(faded, SAME_DAYS, out=faded)
    np.maximum(faded, 0.0, out=faded)
    np.divide(faded, -FADE_DAYS, out=faded)
    np.exp(faded, out=faded)
    return faded


def complete_link(similarity: np.ndarray, link: float | None = None) -> np.ndarray:
    """Cluster labels (0..k-1) such that every pair within a cluster has ``similarity >= link``
    and clusters are merged closest-first (scipy's complete linkage)."""
    n = len(similarity)
    distance = np.clip(1.0 - similarity, 0.0, None)
    return _cut(distance[np.triu_indices(n, k=1)], n, LINK if link is None else link)


def complete_link_sparse(similarity: csr_matrix, link: float | None = None) -> np.ndarray:
    """``complete_link`` over a sparse similarity matrix (pairs below ``link`` need not be
    stored), one connected component at a time.

    The same clusters as the dense call: a cluster's pairs all reach ``link``, so it lies in
    one component of the graph of such pairs, and merges below the cut never compare a pair
    under ``link`` with anything but "too far". Labels are numbered by each cluster's first
    row, so they do not depend on how the components were found."""
    from scipy.sparse.csgraph import connected_components  # noqa: PLC0415

    link = LINK if link is None else link
    n = similarity.shape[0]
    strong = similarity.multiply(similarity >= link).tocsr()
    strong.eliminate_zeros()
    _count, component = connected_components(strong, directed=False)
    labels = np.arange(n, dtype=np.int64)  # singletons: their own row
    order = np.argsort(component, kind="stable")
    for members in np.split(order, np.flatnonzero(np.diff(component[order])) + 1):
        if len(members) < 2:
            continue
        pairs = strong[members][:, members].tocoo()
        upper = pairs.row < pairs.col
        i, j = pairs.row[upper].astype(np.int64), pairs.col[upper].astype(np.int64)
        m = len(members)
        # The condensed upper triangle, written directly: "too far" (1) but for the pairs
        # stored (a neighbourhood of thousands of articles, without its square in memory).
        condensed = np.ones(m * (m - 1) // 2)
        condensed[i * m - i * (i + 1) // 2 + (j - i - 1)] = np.clip(1.0 - pairs.data[upper], 0, 1)
        part = _cut(condensed, m, link)
        _, first, inverse = np.unique(part, return_index=True, return_inverse=True)
        labels[members] = members[first[inverse]]
    _, dense = np.unique(labels, return_inverse=True)
    return dense.astype(np.int64)


def _cut(condensed: np.ndarray, n: int, link: float) -> np.ndarray:
    """Labels of complete linkage over a condensed distance matrix, cut at ``1 - link``."""
    # Imported here: scipy.cluster costs a fifth of a second at start-up.
    from scipy.cluster.hierarchy import fcluster, linkage  # noqa: PLC0415

    if n == 1:
        return np.zeros(1, dtype=np.int64)
    labels = fcluster(linkage(condensed, method="complete"), t=1.0 - link, criterion="distance")
    _, dense = np.unique(labels, return_inverse=True)
    return dense.astype(np.int64)
