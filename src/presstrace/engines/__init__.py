"""Engines: where the per-article stage runs. Only the local process pool exists so far."""

from .local import run_local

__all__ = ["run_local"]
