"""Align two texts: the passages they share, how much of each they cover, and their relation.

Seed and extend, as plagiarism detectors do: every run of ``SEED`` words that occurs in both
texts is a seed; each seed is extended word by word as far as both texts agree; the runs are
then chained into passages across small edits (a changed word, an inserted clause, a spelling
variant the word keys did not fold) as long as both texts advance in step. Runs are found in any
order, so reordered paragraphs align too. Linear in the texts' length (a hash index of one side).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .text import Words

#: Words a run must share to count (shorter common runs are ordinary phrases).
SEED = 4
#: Words of edits between two runs that still make them one passage.
GAP = 12
#: A seed occurring more often than this in the other text is a stock phrase: not a seed.
MAX_OCCURRENCES = 8


@dataclass(frozen=True)
class Passage:
    """One shared passage: word ranges ``[a_start, a_end)`` and ``[b_start, b_end)``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int  # words inside common runs (the rest are edits)


@dataclass(frozen=True)
class Alignment:
    passages: tuple[Passage, ...]
    a_covered: int  # words of a inside a common run
    b_covered: int
    a_words: int
    b_words: int

    @property
    def a_share(self) -> float:
        return self.a_covered / self.a_words if self.a_words else 0.0

    @property
    def b_share(self) -> float:
        return self.b_covered / self.b_words if self.b_words else 0.0

    @property
    def shared(self) -> float:
        """The fraction of the shorter text that the other one also has."""
        return self.a_share if self.a_words <= self.b_words else self.b_share


def align(a: Words, b: Words, *, seed: int = SEED, gap: int = GAP) -> Alignment:
    """The passages ``a`` and ``b`` share."""
    runs = _runs(a.keys, b.keys, seed)
    a_cov = _covered(((i, i + n) for i, _, n in runs), len(a))
    b_cov = _covered(((j, j + n) for _, j, n in runs), len(b))
    return Alignment(tuple(_chain(runs, gap)), a_cov, b_cov, len(a), len(b))


def _runs(a: tuple[str, ...], b: tuple[str, ...], seed: int) -> list[tuple[int, int, int]]:
    """Maximal common runs ``(i, j, length)`` of at least ``seed`` words, greedy over ``a``."""
    if len(a) < seed or len(b) < seed:
        return []
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(b) - seed + 1):
        index.setdefault(b[j : j + seed], []).append(j)
    runs: list[tuple[int, int, int]] = []
    used_b: set[int] = set()  # a stretch of b is claimed by one stretch of a only
    i = 0
    while i <= len(a) - seed:
        starts = index.get(a[i : i + seed])
        if not starts or len(starts) > MAX_OCCURRENCES:
            i += 1
            continue
        best_j, best_n = -1, 0
        for j in starts:
            if j in used_b:
                continue
            n = seed
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n > best_n:
                best_j, best_n = j, n
        if best_n == 0:
            i += 1
            continue
        runs.append((i, best_j, best_n))
        used_b.update(range(best_j, best_j + best_n))
        i += best_n
    return runs


def _chain(runs: list[tuple[int, int, int]], gap: int) -> list[Passage]:
    """Join runs that follow each other in both texts with at most ``gap`` words between."""
    passages: list[Passage] = []
    for i, j, n in sorted(runs):
        if passages:
            last = passages[-1]
            if 0 <= i - last.a_end <= gap and -gap <= j - last.b_end <= gap and j >= last.b_start:
                passages[-1] = Passage(
                    last.a_start, i + n, last.b_start, max(last.b_end, j + n), last.matched + n
                )
                continue
        passages.append(Passage(i, i + n, j, j + n, n))
    return passages


def _covered(ranges: Iterable[tuple[int, int]], size: int) -> int:
    marks = bytearray(size)
    for start, end in ranges:
        marks[start:end] = b"\x01" * (end - start)
    return sum(marks)
