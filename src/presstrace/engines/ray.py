"""The Ray engine: the shards of a sharded run as tasks on a Ray cluster (an existing one at
``address``, or a local Ray started for the run and stopped after it).

Shards go to a pool of actors, one per CPU the cluster offers (or ``actors``); an actor is a
process that lives for the whole run, so the language model the quotes stage loads is loaded
once per actor, not once per shard. Each actor runs the same ``analyse_planned`` the local engine
runs, in the actor's own process, so both engines write the same files. The work folder
must be one every node can reach (a shared file system).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import PresstraceError
from ..options import Options
from ..shards.run import Plan, ShardReport, analyse_planned, plan


class RayMissing(PresstraceError):
    pass


def run_shards_on_ray(
    paths: list[str],
    indexes: list[int],
    count: int,
    work: Path,
    options: Options,
    *,
    address: str | None = None,
    actors: int | None = None,
) -> list[ShardReport]:
    """Run shards ``indexes`` of ``count`` on Ray; reports in shard order."""
    try:
        import ray  # noqa: PLC0415 (an optional dependency)
        from ray.util import ActorPool  # noqa: PLC0415
    except ImportError:
        raise RayMissing(
            "the Ray engine needs Ray: pip install 'presstrace[ray]' (or use --engine local)"
        ) from None
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)  # fmt: skip
    try:
        size = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
        size = min(size, len(indexes)) or 1
        remote_worker: Any = ray.remote(num_cpus=1)(_ShardWorker)
        pool = ActorPool([remote_worker.remote(paths, count, str(work), options)
                          for _ in range(size)])  # fmt: skip
        reports = list(pool.map_unordered(lambda actor, i: actor.run.remote(i), indexes))
    finally:
        if started:
            ray.shutdown()
    return sorted(reports, key=lambda r: r.stem)


class _ShardWorker:
    """One Ray actor: runs shard after shard in its own process."""

    def __init__(self, paths: list[str], count: int, work: str, options: Options) -> None:
        self.paths, self.count, self.work = paths, count, Path(work)
        self.options = replace(options, workers=1)  # the actor is the unit of parallelism
        self.plan: Plan | None = None

    def run(self, index: int) -> ShardReport:
        if self.plan is None:  # listed once per actor, not once per shard
            self.plan = plan(self.paths, self.count, include_hidden=self.options.include_hidden)
        return analyse_planned(self.plan, index, self.count, self.work, self.options)
