"""presstrace: a pile of news articles in, a sourced, browsable record of a story out.

    >>> import presstrace
    >>> db = presstrace.open("kb.db")
    >>> report = presstrace.ingest(db, ["articles/"])  # doctest: +SKIP
    >>> report.new, report.present, report.failed  # doctest: +SKIP
    >>> [a["title"] for a in db.articles(outlet="AP")]  # doctest: +SKIP

The command line (``presstrace ingest|export|stats|errors|demo``) is a thin shell over these.
"""

from __future__ import annotations

from pathlib import Path

from . import corpus, figures
from ._version import __version__
from .clean import CleanedText, CleanOptions, clean_plaintext
from .errors import InputError, PresstraceError, StoreError
from .extract import analyse
from .figures import Figure, find_figures
from .ingest import IngestReport, ReanalyseReport, ingest, reanalyse
from .model import Article, RawRecord
from .options import Options
from .store import DEFAULT_DB, Database


def open(path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> Database:
    """Open (creating if needed) the knowledge base at ``path``."""
    return Database(path, readonly=readonly)


__all__ = [
    "Article",
    "CleanOptions",
    "CleanedText",
    "Database",
    "Figure",
    "IngestReport",
    "InputError",
    "Options",
    "PresstraceError",
    "RawRecord",
    "ReanalyseReport",
    "StoreError",
    "__version__",
    "analyse",
    "clean_plaintext",
    "corpus",
    "figures",
    "find_figures",
    "ingest",
    "open",
    "reanalyse",
]
