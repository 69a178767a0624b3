"""The corpus stages, run after each ingest and re-analysis: they join articles.

Each reads compact per-article products (signatures, quotes), never re-parses text, and
is incremental or cheap enough to rebuild: copies compare only articles not yet compared;
stories re-cluster only the stories new articles touch; speakers and statements are rebuilt
from the stored quotes; quantities are rebuilt from the figures that have a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def update(db: Database, *, quotes: bool = True) -> CorpusReport:
    """Bring every corpus table up to date with the stored articles."""
    # Copies first: stories keep copies together.
    report = CorpusReport(
        copies=update_copies(db), stories=update_stories(db), dated=update_dates(db)
    )
    if quotes:
        report.quotes = rebuild_quotes(db)
    # After dates and quotes: figures of older articles need both; after stories, which
    # quantities are scoped by.
    report.quantities = update_quantities(db)
    return report
