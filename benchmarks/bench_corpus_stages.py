"""The corpus stages inside a real ingest: copies and stories over a generated corpus.

    .venv/bin/python benchmarks/bench_corpus_stages.py [--articles 20000] [--workers 2]

Takes the first ``--articles`` of ``synthetic.py``'s corpus (cached by ``bench_copies.py``, or
generated), writes them as JSON lines (title, outlet, date, text) and ingests them with
``--no-quotes`` into a fresh database, timing the copies join and the stories stage apart from
the rest. Reports the main process's peak memory (the corpus stages run there), candidate pairs
aligned, copies found by relation, and stories.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import presstrace
import presstrace.corpus as corpus_stages

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "corpus_stages.json"


def timed(name: str, fn: Callable[..., Any], into: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        start = time.perf_counter()
        result = fn(*args)
        into[name] = into.get(name, 0.0) + time.perf_counter() - start
        return result

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    import bench_copies  # (next to this script)

    source = bench_copies.corpus_path(max(args.articles, 100_000))
    seconds: dict[str, float] = {}
    corpus_stages.update_copies = timed("copies", corpus_stages.update_copies, seconds)  # type: ignore[attr-defined]
    corpus_stages.update_stories = timed("stories", corpus_stages.update_stories, seconds)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        with gzip.open(source, "rt", encoding="utf-8") as lines, path.open("w") as out:
            for n, line in enumerate(lines):
                if n >= args.articles:
                    break
                a = json.loads(line)
                fields = ("title", "outlet", "published", "text")
                out.write(json.dumps({k: a[k] for k in fields} | {"url": f"gen://{a['id']}"}))
                out.write("\n")
        start = time.perf_counter()
        with presstrace.open(Path(tmp) / "kb.db") as db:
            options = presstrace.Options(workers=args.workers, quotes=False)
            report = presstrace.ingest(db, [str(path)], options)
            total = time.perf_counter() - start
            assert report.corpus is not None
            results = {
                "articles": report.new,
                "ingest_seconds": round(total, 1),
                "copies_seconds": round(seconds["copies"], 1),
                "stories_seconds": round(seconds["stories"], 1),
                "stories_ms_per_article": round(1000 * seconds["stories"] / report.new, 2),
                "candidate_pairs": report.corpus.copies.candidates,
                "copies": dict(report.corpus.copies.relations),
                "stories": report.corpus.stories.stories,
                "reports": db.stats()["reports"],
                "main_peak_rss_mb": round(
                    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                ),
            }
    print(json.dumps(results, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
