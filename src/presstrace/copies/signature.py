"""Per-article signatures for finding copies: computed in the workers, joined without the text.

Two MinHash sketches (rensa's Rust MinHash, ~50x faster than datasketch's numpy path):

- the **document** sketch over word 5-shingles finds republished articles (duplicates, and
  near-duplicates with edits, a new headline, trimmed or reordered paragraphs);
- one small sketch per **passage** (a paragraph, short ones joined to the next) over word
  3-shingles finds rewrites that keep some wire paragraphs but little else, which the
  document sketch misses because most of the text differs.

Only LSH band keys are kept: the candidate join is a sort over integers (``candidates.py``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import rensa

from .text import Words, words

SEED = 20191127
#: Document sketch: 128 permutations in 32 bands of 4 rows (pairs from Jaccard ~0.4 up).
DOC_PERM, DOC_BANDS = 128, 32
DOC_SHINGLE = 5
#: Passage sketches: 24 permutations in 8 bands of 3 rows (passages from Jaccard ~0.5 up).
PASSAGE_PERM, PASSAGE_BANDS = 24, 8
PASSAGE_SHINGLE = 3
#: A passage has at least this many words (short paragraphs are joined to the next one).
PASSAGE_WORDS = 15
#: Articles shorter than this have no sketches: too little text to call anything a copy.
MIN_WORDS = 8


@dataclass(frozen=True)
class Signature:
    """What the copy join needs of one article (picklable, a few kilobytes)."""

    words: int
    digest: bytes  # exact text digest of the normalised words: equal digests are duplicates
    doc_bands: bytes  # int64 LSH band keys of the document sketch
    passage_bands: bytes  # int64 LSH band keys of all passage sketches


def signature(text: str) -> Signature:
    found = words(text)
    digest = hashlib.blake2b(" ".join(found.keys).encode(), digest_size=16).digest()
    if len(found) < MIN_WORDS:
        return Signature(len(found), digest, b"", b"")
    doc = _minhash([_shingles(found.keys, DOC_SHINGLE)], DOC_PERM)
    passages = [_shingles(p, PASSAGE_SHINGLE) for p in _passages(text, found)]
    passage_keys = (
        _band_keys(_minhash(passages, PASSAGE_PERM), PASSAGE_BANDS, salt=1)
        if passages
        else np.zeros(0, dtype=np.int64)
    )
    return Signature(
        len(found), digest, _band_keys(doc, DOC_BANDS, salt=0).tobytes(), passage_keys.tobytes()
    )


def band_keys(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.int64)


def _shingles(keys: tuple[str, ...], k: int) -> list[str]:
    if len(keys) <= k:
        return [" ".join(keys)]
    return [" ".join(keys[i : i + k]) for i in range(len(keys) - k + 1)]


def _passages(text: str, found: Words) -> list[tuple[str, ...]]:
    """The words of each paragraph, short paragraphs joined to the next."""
    passages: list[tuple[str, ...]] = []
    current: list[str] = []
    breaks = {i for i, ch in enumerate(text) if ch == "\n"}
    previous_end = 0
    for key, start, end in zip(found.keys, found.starts, found.ends, strict=True):
        if current and len(current) >= PASSAGE_WORDS and _any_between(breaks, previous_end, start):
            passages.append(tuple(current))
            current = []
        current.append(key)
        previous_end = end
    if len(current) >= PASSAGE_WORDS or (current and not passages):
        passages.append(tuple(current))
    elif current:
        passages[-1] = passages[-1] + tuple(current)
    return passages


def _any_between(breaks: set[int], start: int, end: int) -> bool:
    return any(i in breaks for i in range(start, end))


def _minhash(token_sets: list[list[str]], num_perm: int) -> np.ndarray:
    digests = rensa.RMinHash.digests_from_token_sets(token_sets, num_perm, SEED)
    return np.asarray(digests, dtype=np.uint64).reshape(len(token_sets), num_perm)


def _band_keys(digests: np.ndarray, bands: int, *, salt: int) -> np.ndarray:
    """One int64 per (sketch, band): a hash of the band's rows, salted by band and level."""
    rows = digests.shape[1] // bands
    grouped = digests[:, : rows * bands].reshape(len(digests), bands, rows)
    # Mix the rows with odd multipliers (a polynomial hash over uint64, wrapping is intended).
    keys = np.zeros((len(digests), bands), dtype=np.uint64)
    for r in range(rows):
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + grouped[:, :, r]
    band_ids = np.arange(bands, dtype=np.uint64) + np.uint64(salt * 1000)
    keys ^= band_ids * np.uint64(0xC2B2AE3D27D4EB4F)
    return keys.reshape(-1).view(np.int64)
