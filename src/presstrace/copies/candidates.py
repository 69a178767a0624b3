"""Candidate pairs from LSH band keys: a sort over integers, no text and no Python-level loops
over articles.

Each article contributes its band keys; articles sharing any key are candidates. Buckets
larger than ``BUCKET_CAP`` (a paragraph every page of a site repeats, a wire story hundreds
of outlets reprint) are linked as a star around their first ``STAR`` members instead of all
pairs: enough to find every copy through its earliest versions without a quadratic blow-up.
"""

from __future__ import annotations

import numpy as np

BUCKET_CAP = 64
STAR = 8


def candidate_pairs(
    keys: np.ndarray, owners: np.ndarray, *, fresh: np.ndarray | None = None
) -> np.ndarray:
    """Pairs ``(i, j)`` with ``i < j`` of owners sharing a key, as an ``(n, 2)`` int64 array.

    ``owners`` must be non-decreasing (the article index of each key, articles in order).

    ``keys`` and ``owners`` are parallel arrays (a key per band per sketch, and the index of the
    article it belongs to). With ``fresh`` (a boolean per owner), only pairs involving at least
    one fresh owner are returned: the incremental case, where older pairs are known.
    """
    if len(keys) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    # Owners come in ascending order (callers list articles in order), and a stable sort
    # keeps that order within a key. One (key, owner) per article: an article that repeats a
    # paragraph pairs with no one new.
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order].astype(np.int64)
    keep = np.r_[True, (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])]
    keys, owners = keys[keep], owners[keep]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    chunks: list[np.ndarray] = []
    for size in np.unique(sizes[sizes > 1]):
        group_starts = starts[sizes == size]
        members = owners[group_starts[:, None] + np.arange(size)]  # (groups, size), sorted
        if fresh is not None:
            members = members[fresh[members].any(axis=1)]
            if len(members) == 0:
                continue
        left, right = np.triu_indices(int(size), k=1)
        if size > BUCKET_CAP:
            keep = left < STAR
            left, right = left[keep], right[keep]
        pairs = np.stack([members[:, left], members[:, right]], axis=2).reshape(-1, 2)
        chunks.append(pairs)
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(chunks)
    # Unique pairs through one int64 each (owner indices fit in 31 bits).
    pairs = np.unique(pairs[:, 0] << 31 | pairs[:, 1])
    pairs = np.stack([pairs >> 31, pairs & ((1 << 31) - 1)], axis=1)
    if fresh is not None:
        pairs = pairs[fresh[pairs[:, 0]] | fresh[pairs[:, 1]]]
    return pairs
