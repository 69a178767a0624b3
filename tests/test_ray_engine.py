"""The Ray engine gives exactly what the local engine gives: the same shard files, and the same
exports once loaded. Runs a local Ray of two CPUs (started and stopped by the test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presstrace
from presstrace.export import KINDS, rows
from presstrace.shards import analyse_shard, load
from tests.test_shards import inputs  # noqa: F401 (the fixture)

ray = pytest.importorskip("ray")


def test_local_and_ray_engines_give_identical_results(
    inputs: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyarrow.parquet as pq

    from presstrace.engines.ray import run_shards_on_ray

    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")  # a throwaway local cluster
    options = presstrace.Options(workers=2)
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    for index in range(3):
        analyse_shard([str(inputs)], index, 3, local, options)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        reports = run_shards_on_ray([str(inputs)], [0, 1, 2], 3, on_ray, options)
    finally:
        ray.shutdown()
    assert [r.stem for r in reports] == ["00000-of-00003", "00001-of-00003", "00002-of-00003"]
    files = sorted(p.name for p in local.glob("*.parquet"))
    assert files == sorted(p.name for p in on_ray.glob("*.parquet")) and len(files) == 9
    for name in files:
        assert pq.read_table(local / name).equals(pq.read_table(on_ray / name)), name
    exports = []
    for work in (local, on_ray):
        with presstrace.open(tmp_path / f"{work.name}.db") as db:
            load(db, work)
            exports.append({kind: [_stable(r) for r in rows(db, kind)] for kind in KINDS})
    assert exports[0] == exports[1]
    assert exports[0]["articles"] and exports[0]["quotes"] and exports[0]["stories"]


def _stable(record: dict) -> str:
    return json.dumps({k: v for k, v in record.items() if k != "ingested"}, sort_keys=True)
