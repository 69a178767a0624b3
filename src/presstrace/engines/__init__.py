"""Engines: where the per-article stage runs. ``run_local``: worker processes on this
machine (``Workers``: a pool kept across shards; ``process_pool``: one for whole shards);
``ray.run_shards_on_ray``: the shards of a sharded run on a Ray cluster."""

from .local import Workers, process_pool, run_local

__all__ = ["Workers", "process_pool", "run_local"]
