"""The corpus stages, run after each ingest and re-analysis: they join articles.

Each reads compact per-article products (signatures, quotes), never re-parses text, and
is incremental or cheap enough to rebuild: copies compare only articles not yet compared;
stories re-cluster only the stories new articles touch; speakers and statements are rebuilt
from the stored quotes; quantities are rebuilt from the figures that have a key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .copies.corpus import CopiesReport
from .copies.corpus import update as update_copies
from .dates.corpus import update as update_dates
from .figures.corpus import QuantitiesReport
from .figures.corpus import update as update_quantities
from .quotes.corpus import CorpusReport as QuotesReport
from .quotes.corpus import rebuild as rebuild_quotes
from .store import Database
from .stories.corpus import StoriesReport
from .stories.corpus import update as update_stories


@dataclass
class CorpusReport:
    copies: CopiesReport = field(default_factory=CopiesReport)
    stories: StoriesReport = field(default_factory=StoriesReport)
    quotes: QuotesReport | None = None  # speakers and statements, when quotes were rebuilt
    dated: int = 0  # articles of an older presstrace whose time expressions were filled in
    quantities: QuantitiesReport = field(default_factory=QuantitiesReport)
    #: Wall seconds each stage took (copies, stories, dates, quotes, quantities): what a
    #: large load spends its time on.
    seconds: dict[str, float] = field(default_factory=dict)


_T = TypeVar("_T")


def update(db: Database, *, quotes: bool = True) -> CorpusReport:
    """Bring every corpus table up to date with the stored articles."""
    seconds: dict[str, float] = {}

    def timed(name: str, stage: Callable[[Database], _T]) -> _T:
        start = time.perf_counter()
        try:
            return stage(db)
        finally:
            seconds[name] = round(time.perf_counter() - start, 3)

    # Copies first: stories keep copies together.
    report = CorpusReport(
        copies=timed("copies", update_copies),
        stories=timed("stories", update_stories),
        dated=timed("dates", update_dates),
        seconds=seconds,
    )
    if quotes:
        report.quotes = timed("quotes", rebuild_quotes)
    # After dates and quotes: figures of older articles need both; after stories, which
    # quantities are scoped by.
    report.quantities = timed("quantities", update_quantities)
    return report
