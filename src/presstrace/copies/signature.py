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

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

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
    ids = np.fromiter(map(_word_id, found.keys), dtype=np.uint64, count=len(found))
    doc = _minhash([_shingle_hashes(ids, DOC_SHINGLE)], DOC_PERM)
    passages = [_shingle_hashes(ids[a:b], PASSAGE_SHINGLE) for a, b in _passages(text, found)]
    passage_keys = _band_keys(_minhash(passages, PASSAGE_PERM), PASSAGE_BANDS, salt=1)
    return Signature(
        len(found), digest, _band_keys(doc, DOC_BANDS, salt=0).tobytes(), passage_keys.tobytes()
    )


def band_keys(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.int64)


@lru_cache(maxsize=500_000)
def _word_id(key: str) -> int:
    """A stable 64-bit id per word (Python's ``hash`` differs between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def _shingle_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """One 64-bit hash per run of ``k`` word ids (the whole text when it is shorter)."""
    k = min(len(ids), k)
    mixed = np.zeros(len(ids) - k + 1, dtype=np.uint64)
    for offset in range(k):
        # A polynomial over uint64; wrapping is intended.
        mixed = mixed * np.uint64(0x100000001B3) + ids[offset : len(ids) - k + 1 + offset]
    return np.unique(mixed)


def _passages(text: str, found: Words) -> list[tuple[int, int]]:
    """Word ranges of the paragraphs, short paragraphs joined to the next."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    # The paragraph each word is in: how many line breaks come before it.
    paragraph = [bisect.bisect_left(breaks, start) for start in found.starts]
    ranges: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(paragraph) + 1):
        at_break = i == len(paragraph) or paragraph[i] != paragraph[i - 1]
        if at_break and i - begin >= PASSAGE_WORDS:
            ranges.append((begin, i))
            begin = i
    if begin < len(paragraph):
        if ranges:
            ranges[-1] = (ranges[-1][0], len(paragraph))
        else:
            ranges.append((begin, len(paragraph)))
    return ranges


def _minhash(hash_sets: list[np.ndarray], num_perm: int) -> np.ndarray:
    flat = np.concatenate(hash_sets) if hash_sets else np.zeros(0, dtype=np.uint64)
    offsets = np.zeros(len(hash_sets) + 1, dtype=np.uint64)
    offsets[1:] = np.cumsum([len(h) for h in hash_sets])
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, num_perm, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint64).reshape(len(hash_sets), num_perm)


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
