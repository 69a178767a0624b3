"""Every error a user can meet, with a code they can search for.

The tree::

    PresstraceError
    ├── InputError          one input (file, record) could not be turned into an article;
    │                       recorded in the errors table, the batch goes on
    └── StoreError          the database cannot be used (newer schema, not a presstrace file)

``InputError.code`` is a stable, short identifier (``binary``, ``empty``, ``decode``,
``too-large``, ``truncated``, ``no-article``, ``unreadable``, ``not-found``, ``bad-record``,
``crashed``) so that ``presstrace errors`` can be grouped and filtered. A later stage that
fails on an article that was read (``STAGE_CODES``: ``quotes-failed``, ``figures-failed``) keeps
the article, without that stage's output, and is listed with the same codes.
"""

from __future__ import annotations

#: Codes of a stage that failed on a stored article (the article is kept).
STAGE_CODES = frozenset(["quotes-failed", "figures-failed"])


class PresstraceError(Exception):
    """Base class of everything presstrace raises on purpose."""


class InputError(PresstraceError):
    """One input could not be read or yielded no article. The message says what to do."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Raised in worker processes; must survive pickling back to the parent.
        return (InputError, (self.code, self.reason))


class StoreError(PresstraceError):
    """The database file cannot be opened or upgraded."""
