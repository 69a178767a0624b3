"""Engines: where the per-article stage runs. ``run_local``: worker processes on this
machine; ``ray.run_shards_on_ray``: the shards of a sharded run on a Ray cluster."""

from .local import run_local

__all__ = ["run_local"]
