"""Sharded runs: the per-article stage over shards of the input files, each writing Parquet
and a completion marker (``run``), and the final load into the SQLite database (``load``)."""

from __future__ import annotations

from .load import LoadError, LoadReport, load
from .run import Plan, ShardError, ShardReport, analyse_shard, analyse_shards, plan

__all__ = [
    "LoadError", "LoadReport", "Plan", "ShardError", "ShardReport", "analyse_shard",
    "analyse_shards", "load", "plan",
]  # fmt: skip
