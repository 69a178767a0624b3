"""How the cost of a sharded run grows with the corpus, on both engines, and a killed run.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--shards 8]
        [--workers 2] [--quotes] [--no-ray] [--no-kill]

For each size: the first N articles of ``synthetic.py``'s corpus (cached by ``bench_copies.py``,
or generated), written as 32 JSON-lines files; ``analyse`` over ``--shards`` shards with the
local engine (one pool of ``--workers`` processes for all shards), then with the Ray engine on
a local Ray of ``--workers`` CPUs (into another work folder); then ``load`` of the local run
into a new database (the corpus stages). Reported: wall time of each step, articles per second
per core, peak resident memory (``VmHWM``) of the largest worker process (sampled every 0.2 s:
the local pool's processes, Ray's shard actors), of the main process while it writes the
shards, and of the main process during the load; Ray's throughput against the local engine's.
``--quotes`` includes the quotes stage (slow: it loads the language model); the default leaves
it out, as a scaling run of the other stages.

Killed run (once, at the first size): ``analyse`` in a child process killed once the first
shard is finished, run again to the end, loaded; its exports must equal those of the
uninterrupted run (ingest times aside).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import presstrace
from presstrace.export import KINDS, rows
from presstrace.shards import analyse_shards, load

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "scale.json"
FILES = 32


def corpus(folder: Path, size: int, form: str = "jsonl") -> list[str]:
    """The first ``size`` generated articles as ``FILES`` input files: JSON lines, or
    CC-NEWS-style WARC.gz (an HTML page per article, one gzip member per record)."""
    import bench_copies  # (next to this script)

    source = bench_copies.corpus_path(max(size, 100_000))
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "warc.gz" if form == "warc" else "jsonl"
    outs = [(folder / f"part-{i:02d}.{suffix}").open("wb") for i in range(FILES)]
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= size:
                break
            a = json.loads(line)
            url = f"https://{_host(a['outlet'])}/news/{a['id']}"
            if form == "warc":
                outs[n % FILES].write(gzip.compress(_warc_record(url, _page(a)), 6))
            else:
                keep = {k: a[k] for k in ("title", "outlet", "published", "text")}
                outs[n % FILES].write((json.dumps(keep | {"url": url}) + "\n").encode())
    for out in outs:
        out.close()
    return [str(folder)]


def _host(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-") + ".example"


def _page(a: dict[str, Any]) -> str:
    """A news page as scraped: the article among navigation, a sign-up prompt, related links
    and reader comments (what the cleaner takes out)."""
    e = html.escape
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in a["text"].split("\n\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{e(a['title'])} | {e(a['outlet'])}</title>"
        f'<meta property="og:site_name" content="{e(a["outlet"])}">'
        f'<meta property="article:published_time" content="{e(a["published"] or "")}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a> "
        "<a href='/business'>Business</a></nav><main><article>"
        f"<h1>{e(a['title'])}</h1>{paragraphs}</article>"
        "<aside><p>Sign up for our newsletter to get the day's news first.</p>"
        "<ul><li><a href='/r/1'>Related: more on this story</a></li>"
        "<li><a href='/r/2'>Most read today</a></li></ul></aside>"
        "<section class='comments'><h2>Comments</h2><p>First! Great article.</p></section>"
        "</main><footer>© The Publisher. All rights reserved.</footer></body></html>"
    )


def _warc_record(uri: str, page: str) -> bytes:
    body = page.encode()
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


class Peaks:
    """The peak resident memory (``VmHWM``) of each process below this one whose command line
    matches, sampled every ``every`` seconds in a thread while the block runs (a process's
    peak is kept after it ends, from its last sample)."""

    def __init__(self, match: str | None = None, every: float = 0.2) -> None:
        self.match, self.every = match, every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> Peaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def largest(self) -> float:
        return round(max(self.peaks.values(), default=0.0), 1)

    def _sample(self) -> None:
        while True:
            for pid in _descendants(os.getpid()):
                try:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if self.match and self.match not in cmdline:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        mb = int(line.split()[1]) / 1024
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), mb)
            if self._stop.wait(self.every):
                return


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _reset_own_peak() -> None:
    """Start this process's ``VmHWM`` again from its current size (Linux: clear_refs 5)."""
    Path("/proc/self/clear_refs").write_text("5")


def _own_peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run_local(
    paths: list[str], work: Path, shards: int, options: presstrace.Options
) -> dict[str, float]:
    _reset_own_peak()
    with Peaks() as workers:
        start = time.perf_counter()
        for _ in analyse_shards(paths, range(shards), shards, work, options):
            pass
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "worker_peak_rss_mb": workers.largest(),
            "main_peak_rss_mb": _own_peak_mb()}  # fmt: skip


def run_ray(
    paths: list[str], work: Path, shards: int, options: presstrace.Options
) -> dict[str, float]:
    import ray

    from presstrace.engines.ray import run_shards_on_ray

    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    ray.init(num_cpus=options.workers, include_dashboard=False, log_to_driver=False,
             configure_logging=False)  # fmt: skip
    try:
        with Peaks("_ShardWorker") as actors:
            start = time.perf_counter()
            run_shards_on_ray(paths, list(range(shards)), shards, work, options)
            seconds = time.perf_counter() - start
    finally:
        ray.shutdown()
    return {"seconds": round(seconds, 1), "worker_peak_rss_mb": actors.largest()}


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
    parser.add_argument("--input", choices=["jsonl", "warc"], default="jsonl")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-kill", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    options = presstrace.Options(workers=args.workers, quotes=args.quotes)
    results: dict[str, Any] = {"shards": args.shards, "workers": args.workers,
                               "quotes": args.quotes, "input": args.input, "sizes": {}}  # fmt: skip
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            paths = corpus(tmp / "in", size, args.input)
            local = run_local(paths, tmp / "local", args.shards, options)
            local_seconds = local["seconds"]
            entry: dict[str, Any] = {
                "analyse_local_seconds": round(local_seconds, 1),
                "local_articles_per_second_per_core": round(size / local_seconds / args.workers, 1),
                "local_worker_peak_rss_mb": local["worker_peak_rss_mb"],
                "local_main_peak_rss_mb": local["main_peak_rss_mb"],
            }
            if not args.no_ray:
                on_ray = run_ray(paths, tmp / "ray", args.shards, options)
                entry["analyse_ray_seconds"] = on_ray["seconds"]
                entry["ray_worker_peak_rss_mb"] = on_ray["worker_peak_rss_mb"]
                entry["ray_throughput_vs_local"] = round(local_seconds / on_ray["seconds"], 3)
            _reset_own_peak()
            start = time.perf_counter()
            db = tmp / "kb.db"
            with presstrace.open(db) as kb:
                report = load(kb, tmp / "local", quotes=args.quotes)
            entry["load_seconds"] = round(time.perf_counter() - start, 1)
            stages = report.corpus.seconds if report.corpus else {}
            entry["load_stage_seconds"] = {
                "write": round(entry["load_seconds"] - sum(stages.values()), 1)
            } | {k: round(v, 1) for k, v in stages.items()}
            entry["load_main_peak_rss_mb"] = _own_peak_mb()
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
