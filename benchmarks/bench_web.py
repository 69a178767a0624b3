"""Page and API latency of ``presstrace serve`` on a database of 100,000 generated articles.

    .venv/bin/python benchmarks/bench_web.py [--articles 100000] [--db PATH] [--requests 60]

The database (built once, kept at ``--db``, default ``build/web-bench-100000.db``): the first
``--articles`` of ``synthetic.py``'s corpus (cached by ``bench_copies.py``, or generated)
ingested with ``--no-quotes`` (copies, stories, dates, figures and quantities by the real
stages), then quotes added without the language model: three sentences of each article, each
said by one of 20,000 made-up speakers picked by the sentence's text (so reprinted sentences
keep their speaker, as wire copy does), and the real corpus stage builds speakers and
statements from them. The article texts are generated, not real news; the shape of the tables
(story sizes, copies, quotes per speaker) is what the timings depend on.

Then ``presstrace serve`` runs as its own process on a free port, and one client asks each view
``--requests`` times, each time for a different story, article, speaker… (sampled with a fixed
seed; largest stories included), over one keep-alive connection, after one warm-up request per
view. Reported per view: p50, p95 and max in milliseconds, and the server's resident memory
(VmRSS at the end, VmHWM its peak). Target: p95 < 100 ms for every view and search.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2 as httpx

import presstrace
from presstrace.quotes.corpus import rebuild as rebuild_quotes

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "web.json"
_SENTENCE = re.compile(r"[^.!?\n]{40,220}[.!?]")
_SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "ur", "be", "ta"]
SPEAKERS = 20_000
SEARCHES = [
    "minister", "government said", "police", "election results", "Uighur", "court ruling",
    "president", "\"the company\"", "storm OR flood", "rescue*", "economic growth",
    "protesters", "officials", "hospital", "report", "vote",
]  # fmt: skip


def build(path: Path, articles: int, workers: int) -> dict[str, Any]:
    """Ingest the generated corpus into ``path`` and add quotes; return timings."""
    import bench_copies  # (next to this script)

    source = bench_copies.corpus_path(max(articles, 100_000))
    jsonl = path.with_suffix(".input.jsonl")
    with gzip.open(source, "rt", encoding="utf-8") as lines, jsonl.open("w") as out:
        for n, line in enumerate(lines):
            if n >= articles:
                break
            a = json.loads(line)
            fields = ("title", "outlet", "published", "text")
            out.write(json.dumps({k: a[k] for k in fields} | {"url": f"gen://{a['id']}"}) + "\n")
    start = time.perf_counter()
    with presstrace.open(path) as db:
        presstrace.ingest(db, [str(jsonl)], presstrace.Options(workers=workers, quotes=False))
        ingested = time.perf_counter() - start
        quotes = _add_quotes(db)
        rebuild_quotes(db)
        db.conn.execute("ANALYZE")
    jsonl.unlink()
    return {
        "ingest_seconds": round(ingested, 1),
        "quotes": quotes,
        "total_seconds": round(time.perf_counter() - start, 1),
    }


def _speaker(text: str) -> str:
    digest = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
    # Zipf-like: a few speakers are quoted very often, most rarely.
    rank = int(SPEAKERS ** ((digest % 10_000) / 10_000))
    rng = random.Random(rank)
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}"


def _add_quotes(db: presstrace.Database) -> int:
    count = 0
    rows = db.conn.execute("SELECT id, text FROM articles").fetchall()
    with db.transaction():
        for article_id, text in rows:
            sentences = list(_SENTENCE.finditer(text))[1::3][:3]
            for position, m in enumerate(sentences):
                name = _speaker(m.group().strip())
                db.conn.execute(
                    "INSERT INTO quotes (id, article, position, text, start, end, kind, cue, "
                    "speaker_name, speaker_kind, mention) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'direct', 'said', ?, 'person', ?)",
                    (f"{article_id}:{position}", article_id, position, m.group(), m.start(),
                     m.end(), name, name),
                )  # fmt: skip
                count += 1
    return count


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _memory(pid: int) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    return found


def samples(db: presstrace.Database, requests: int, seed: int = 7) -> dict[str, list[str]]:
    """For each view, the paths to ask (different ids each time; the largest stories too)."""
    rng = random.Random(seed)
    conn = db.conn

    def ids(sql: str) -> list[str]:
        found = [r[0] for r in conn.execute(sql)]
        return rng.sample(found, min(requests, len(found)))

    stories = [r[0] for r in conn.execute("SELECT id FROM stories ORDER BY size DESC LIMIT 5")]
    stories += ids("SELECT id FROM stories")[: requests - 5]
    articles = ids("SELECT id FROM articles")
    every_pair = [(r[0], r[1]) for r in conn.execute("SELECT a, b FROM copies ORDER BY a, b")]
    pairs = rng.sample(every_pair, min(requests, len(every_pair)))
    outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles")]
    return {
        "overview": ["/"] * requests,
        "stories list": [
            f"/stories?sort={rng.choice(['size', 'newest', 'oldest', 'title'])}"
            for _ in range(requests)
        ],
        "stories list, filtered": [
            f"/stories?outlet={rng.choice(outlets)}&since=2024-01-{rng.randint(10, 28)}"
            for _ in range(requests)
        ],
        "story": [f"/stories/{s}" for s in stories],
        "article": [f"/articles/{a}" for a in articles],
        "article raw": [f"/articles/{a}/raw" for a in articles],
        "speakers list": [
            f"/speakers?sort={rng.choice(['quotes', 'name'])}" for _ in range(requests)
        ],
        "speaker": [f"/speakers/{s}" for s in ids("SELECT id FROM speakers")],
        "statement": [f"/statements/{s}" for s in ids("SELECT id FROM statements")],
        "quantities list": ["/quantities"] * requests,
        "quantity": [f"/quantities/{q}" for q in ids("SELECT id FROM quantities")],
        "compare": [f"/compare?a={a}&b={b}" for a, b in pairs],
        "search": [f"/search?q={SEARCHES[i % len(SEARCHES)]}" for i in range(requests)],
        "search, filtered": [
            f"/search?q={SEARCHES[i % len(SEARCHES)]}&outlet={rng.choice(outlets)}"
            for i in range(requests)
        ],
        "errors": ["/errors"] * requests,
        "API: stories page 20 (cursor)": [],  # filled in by measure(), from the server
        "API: overview": ["/api/overview"] * requests,
        "API: story": [f"/api/stories/{s}" for s in stories],
        "API: article": [f"/api/articles/{a}" for a in articles],
        "API: speaker": [f"/api/speakers/{s}" for s in ids("SELECT id FROM speakers")],
        "API: search": [f"/api/search?q={SEARCHES[i % len(SEARCHES)]}" for i in range(requests)],
        "API: articles.ndjson, one outlet (first 64 KB)": [
            f"/api/articles.ndjson?outlet={rng.choice(outlets)}" for _ in range(requests)
        ],
    }


def _deep_cursors(client: httpx.Client, requests: int) -> list[str]:
    """Cursors 20 pages into the stories list: keyset pages cost the same anywhere."""
    found = []
    for sort in ("size", "newest", "oldest", "title"):
        path = f"/api/stories?sort={sort}&limit=50"
        for _ in range(20):
            cursor = client.get(path).json().get("next")
            if cursor is None:
                break  # a small database has fewer pages
            path = f"/api/stories?sort={sort}&limit=50&cursor={cursor}"
        found.append(path)
    return [found[i % len(found)] for i in range(requests)]


def measure(base: str, views: dict[str, list[str]], requests: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        views["API: stories page 20 (cursor)"] = _deep_cursors(client, requests)
        for name, paths in views.items():
            get: Callable[[str], None]
            if "ndjson" in name:

                def get(path: str) -> None:
                    with client.stream("GET", path) as response:
                        assert response.status_code == 200, path
                        for _ in response.iter_bytes(65536):
                            break

            else:

                def get(path: str) -> None:
                    response = client.get(path)
                    assert response.status_code == 200, (path, response.text[:200])

            get(paths[0])  # warm-up
            times = []
            for path in paths:
                start = time.perf_counter()
                get(path)
                times.append(1000 * (time.perf_counter() - start))
            times.sort()
            out[name] = {
                "requests": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)], 1),
                "max_ms": round(times[-1], 1),
            }
            print(f"{name:48} p50 {out[name]['p50_ms']:7.1f}  p95 {out[name]['p95_ms']:7.1f}  "
                  f"max {out[name]['max_ms']:7.1f} ms", flush=True)  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    path = args.db or REPO / "build" / f"web-bench-{args.articles}.db"
    built: dict[str, Any] = {}
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} from {args.articles} generated articles …", flush=True)
        built = build(path, args.articles, args.workers)
        print(f"built: {built}", flush=True)
    presstrace.open(path).close()  # a database of an older presstrace is upgraded first
    with presstrace.open(path, readonly=True) as db:
        stats = db.stats()
        views = samples(db, args.requests)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "presstrace", "serve", "--db", str(path), "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/overview", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        memory_start = _memory(server.pid)
        latency = measure(base, views, args.requests)
        memory = _memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
    worst = max(v["p95_ms"] for v in latency.values())
    results = {
        "articles": stats["articles"],
        "stories": stats["stories"],
        "speakers": stats["speakers"],
        "quotes": stats["quotes"],
        "statements": stats["statements"],
        "figures": stats["figures"],
        "quantities": stats["quantities"],
        "copies": dict(stats["copies"]),
        "database_mb": round(path.stat().st_size / 1e6, 1),
        "built": built,
        "views": latency,
        "worst_p95_ms": worst,
        "server_rss_mb_after_start": memory_start.get("VmRSS"),
        "server_rss_mb_end": memory.get("VmRSS"),
        "server_peak_rss_mb": memory.get("VmHWM"),
        "target_p95_ms": 100,
        "target_met": worst < 100,
    }
    print(f"worst p95 {worst} ms (target < 100); server memory {memory} MB")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
