"""How the cost of a sharded run grows with the corpus, on both engines, and a killed run.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--shards 8]
        [--workers 2] [--quotes] [--no-ray] [--no-kill]

For each size: the first N articles of ``synthetic.py``'s corpus (cached by ``bench_copies.py``,
or generated), written as 32 JSON-lines files; ``analyse`` over ``--shards`` shards with the
local engine (each shard ``--workers`` processes), then with the Ray engine on a local Ray of
``--workers`` CPUs (into another work folder); then ``load`` of the local run into a new
database (the corpus stages). Reported: wall time of each step, articles per second per core,
the largest worker's peak resident memory (``RUSAGE_CHILDREN``; Ray workers: their peak
``VmHWM``) and the main process's during the load; Ray's throughput against the local engine's.
``--quotes`` includes the quotes stage (slow: it loads the language model); the default leaves
it out, as a scaling run of the other stages.

Killed run (once, at the first size): ``analyse`` in a child process killed once the first
shard is finished, run again to the end, loaded; its exports must equal those of the
uninterrupted run (ingest times aside).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import presstrace
from presstrace.export import KINDS, rows
from presstrace.shards import analyse_shard, load

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "scale.json"
FILES = 32


def corpus(folder: Path, size: int) -> list[str]:
    import bench_copies  # (next to this script)

    source = bench_copies.corpus_path(max(size, 100_000))
    folder.mkdir(parents=True, exist_ok=True)
    outs = [(folder / f"part-{i:02d}.jsonl").open("w", encoding="utf-8") for i in range(FILES)]
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= size:
                break
            a = json.loads(line)
            keep = {k: a[k] for k in ("title", "outlet", "published", "text")}
            outs[n % FILES].write(json.dumps(keep | {"url": f"gen://{a['id']}"}) + "\n")
    for out in outs:
        out.close()
    return [str(folder)]


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _self_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_local(paths: list[str], work: Path, shards: int, options: presstrace.Options) -> float:
    start = time.perf_counter()
    for index in range(shards):
        analyse_shard(paths, index, shards, work, options)
    return time.perf_counter() - start


def run_ray(
    paths: list[str], work: Path, shards: int, options: presstrace.Options
) -> dict[str, float]:
    import ray

    from presstrace.engines.ray import run_shards_on_ray

    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    ray.init(num_cpus=options.workers, include_dashboard=False, log_to_driver=False,
             configure_logging=False)  # fmt: skip
    try:
        start = time.perf_counter()
        run_shards_on_ray(paths, list(range(shards)), shards, work, options)
        seconds = time.perf_counter() - start
        peak = max(_ray_worker_peaks() or [0.0])
    finally:
        ray.shutdown()
    return {"seconds": round(seconds, 1), "worker_peak_rss_mb": round(peak, 1)}


def _ray_worker_peaks() -> list[float]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if "ray::_ShardWorker" not in (status.parent / "cmdline").read_text(errors="replace"):
            continue
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                found.append(int(line.split()[1]) / 1024)
    return found


def exports(db_path: Path) -> dict[str, list[str]]:
    with presstrace.open(db_path, readonly=True) as db:
        return {
            kind: [json.dumps({k: v for k, v in r.items() if k != "ingested"}, sort_keys=True)
                   for r in rows(db, kind)]
            for kind in KINDS
        }  # fmt: skip


def killed_run(paths: list[str], tmp: Path, shards: int, options: presstrace.Options,
               reference: Path) -> dict[str, Any]:  # fmt: skip
    """Kill ``analyse`` once a shard is done, resume, load; compare with ``reference``."""
    work = tmp / "killed"
    command = [sys.executable, "-m", "presstrace", "analyse", *paths, "--work", str(work),
               "--shards", str(shards), "--workers", str(options.workers)]  # fmt: skip
    if not options.quotes:
        command.append("--no-quotes")
    child = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    while not list(work.glob("*.done")) and child.poll() is None:
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    done_at_kill = len(list(work.glob("*.done")))
    subprocess.run(command, check=False, stderr=subprocess.DEVNULL)
    db = tmp / "killed.db"
    with presstrace.open(db) as kb:
        load(kb, work, quotes=options.quotes)
    same = exports(db) == exports(reference)
    return {"shards_done_when_killed": done_at_kill, "identical_after_resume": same}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quotes", action="store_true")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-kill", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    options = presstrace.Options(workers=args.workers, quotes=args.quotes)
    results: dict[str, Any] = {"shards": args.shards, "workers": args.workers,
                               "quotes": args.quotes, "sizes": {}}  # fmt: skip
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            paths = corpus(tmp / "in", size)
            local_seconds = run_local(paths, tmp / "local", args.shards, options)
            worker_peak = _children_peak_mb()
            entry: dict[str, Any] = {
                "analyse_local_seconds": round(local_seconds, 1),
                "local_articles_per_second_per_core": round(size / local_seconds / args.workers, 1),
                "local_worker_peak_rss_mb": round(worker_peak, 1),
            }
            if not args.no_ray:
                on_ray = run_ray(paths, tmp / "ray", args.shards, options)
                entry["analyse_ray_seconds"] = on_ray["seconds"]
                entry["ray_worker_peak_rss_mb"] = on_ray["worker_peak_rss_mb"]
                entry["ray_throughput_vs_local"] = round(local_seconds / on_ray["seconds"], 3)
            start = time.perf_counter()
            db = tmp / "kb.db"
            with presstrace.open(db) as kb:
                report = load(kb, tmp / "local", quotes=args.quotes)
            entry["load_seconds"] = round(time.perf_counter() - start, 1)
            entry["load_main_peak_rss_mb"] = round(_self_peak_mb(), 1)
            entry["articles"] = report.new
            total = local_seconds + entry["load_seconds"]
            entry["ms_per_article_total"] = round(1000 * total / size, 2)
            if not args.no_kill and "killed" not in results:
                results["killed"] = killed_run(paths, tmp, args.shards, options, db)
                print(f"killed run: {results['killed']}", flush=True)
            results["sizes"][str(size)] = entry
            print(f"{size}: {entry}", flush=True)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(json.dumps(results, indent=2) + "\n")
    sizes = [results["sizes"][str(s)]["ms_per_article_total"] for s in args.sizes]
    results["cost_per_article_spread"] = round(max(sizes) / min(sizes) - 1, 3)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
