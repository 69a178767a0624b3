"""Fill in the time expressions of articles stored before presstrace looked for them.

New articles get theirs in the workers (``extract.analyse``); this only reads articles whose
``timed`` flag is unset, a batch at a time, so an upgraded database catches up on the next
ingest and a killed run loses at most one batch of work.
"""

from __future__ import annotations

from ..store import Database
from .find import find_times

BATCH = 2000


def update(db: Database) -> int:
    """Find the time expressions of every article not yet looked at; return how many."""
    done = 0
    while batch := db.untimed(BATCH):
        db.put_dates({a: find_times(text, published) for a, text, published in batch})
        done += len(batch)
    return done
