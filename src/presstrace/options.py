"""The one options object for a run, grouped by stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .clean import CleanOptions

#: Larger single articles are almost always a mistake (a whole site dump saved as one page).
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Options:
    """How ``ingest`` reads, cleans and stores.

    ``workers``: processes for the per-article stage; 0 means one per core.
    ``max_bytes``: size limit for one article (containers are streamed and may be larger).
    ``clean_text``: remove page furniture from plain-text inputs (and JSON ``text`` fields).
    ``batch_size``: articles written per transaction; a killed run loses at most one batch of
    work, never consistency.
    ``quotes``: find who said what in each article (needs the English spaCy model).
    """

    workers: int = 0
    max_bytes: int = DEFAULT_MAX_BYTES
    clean_text: bool = True
    include_hidden: bool = False
    batch_size: int = 200
    quotes: bool = True
    clean: CleanOptions = field(default_factory=CleanOptions)

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)
