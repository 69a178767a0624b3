"""The local web app (``presstrace serve``): pages and a JSON API over a read-only database."""

from __future__ import annotations

from .app import ServeOptions, create_app

__all__ = ["ServeOptions", "create_app"]
