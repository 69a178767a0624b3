"""Store: the SQLite knowledge base and its schema."""

from .database import ARTICLE_FIELDS, DEFAULT_DB, Batch, Database
from .schema import SCHEMA_VERSION

__all__ = ["ARTICLE_FIELDS", "DEFAULT_DB", "SCHEMA_VERSION", "Batch", "Database"]
