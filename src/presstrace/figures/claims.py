"""Who claims a figure: the speaker of the quote (direct or reported) it stands in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .find import Figure


def claimed(figures: list[Figure], claims: Sequence[tuple[int, int, str]]) -> list[Figure]:
    """``figures`` with ``claimed_by`` set from ``claims`` ((start, end, speaker) of each
    quote's content): the tightest quote that holds the whole figure wins, so a figure in a
    nested attribution goes to its inner speaker."""
    if not claims:
        return figures
    out = []
    for figure in figures:
        holding = [c for c in claims if c[0] <= figure.start and figure.end <= c[1]]
        tightest = min(holding, key=lambda c: c[1] - c[0], default=None)
        out.append(figure if tightest is None else replace(figure, claimed_by=tightest[2]))
    return out
