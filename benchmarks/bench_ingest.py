"""Ingest throughput as a ratio against the bare extractors, on the same files in the same run.

    python benchmarks/bench_ingest.py [--articles 3000] [--workers 2]

Builds a corpus from the bundled demo articles (English Wikinews, CC BY 2.5): each article in
turn as an HTML page (nav, footer, comments), a plain-text scrape (sign-up prompt, caption,
related link, comment section) and a JSON line, made unique by a numbered sentence. Then times:

- *reference*: a plain loop in one process calling only the extractors on the same inputs
  (``trafilatura.extract`` for HTML, ``clean_plaintext`` for text) — the irreducible work;
- ``presstrace ingest --no-quotes`` with 1 worker and with ``--workers``: reading, sniffing,
  hashing, extraction, cleaning, compression of the raw input, SQLite and FTS5 writes;
- the same with quotes (spaCy parse of the paragraphs that may hold an attribution, speakers and
  statements across the corpus): the full pipeline, for scale;
- a second ingest of the same files (everything already present).

Speed is reported as articles per second and as a ratio to the reference, so the numbers carry
over between machines. Peak memory (max RSS) of the main process and of the workers is reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path
from typing import Any

import trafilatura

import presstrace
from presstrace.clean import clean_plaintext
from presstrace.quotes.corpus import rebuild

REPO = Path(__file__).resolve().parent.parent

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Demo Post</title><meta property="og:site_name" content="Demo Post">
<meta name="author" content="Desk {n}">
<meta property="article:published_time" content="{date}T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<section class="comments"><h2>3 Comments</h2><p>Great article, thanks!</p></section>
<footer>© 2024 Demo Post. All rights reserved.</footer></body></html>"""

TEXT = """ date {date} Newsletter Signup Register / Login
{title}
By Desk {n}
{first}
Advertisement
{rest}
Related: Markets rally as central banks hold rates
© 2024 Demo Post. All rights reserved.
3 Comments
Login to comment
What a story, who would have thought it.
2 ( +2 / -0 )
"""


def build_corpus(root: Path, count: int) -> list[Path]:
    """Write ``count`` unique inputs, cycling through HTML, text and JSON lines."""
    corpus = files("presstrace.demo") / "corpus" / "wikinews.jsonl"
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    html_dir, text_dir = root / "html", root / "text"
    html_dir.mkdir(parents=True)
    text_dir.mkdir()
    jsonl = root / "feed.jsonl"
    paths: list[Path] = [jsonl]
    with jsonl.open("w", encoding="utf-8") as feed:
        for n in range(count):
            article = articles[n % len(articles)]
            paragraphs = [*article["text"].split("\n\n"), f"This is copy number {n} of the story."]
            fields = {"n": n, "title": article["title"], "date": article["published"]}
            if n % 3 == 0:
                body = "".join(f"<p>{p}</p>" for p in paragraphs)
                path = html_dir / f"{n:06}.html"
                path.write_text(HTML.format(paragraphs=body, **fields), encoding="utf-8")
                paths.append(path)
            elif n % 3 == 1:
                text = TEXT.format(first=paragraphs[0], rest="\n".join(paragraphs[1:]), **fields)
                path = text_dir / f"{n:06}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            else:
                row = {
                    "text": "\n\n".join(paragraphs),
                    "title": article["title"],
                    "published": article["published"],
                    "outlet": "Demo Wire",
                }
                feed.write(json.dumps(row) + "\n")
    return paths


def reference(paths: list[Path]) -> float:
    """Seconds for the extractors alone, one process, no storage."""
    start = time.perf_counter()
    for path in paths:
        if path.suffix == ".html":
            trafilatura.extract(path.read_bytes(), include_comments=False)
        elif path.suffix == ".txt":
            clean_plaintext(path.read_text(encoding="utf-8"))
        else:
            for line in path.read_text(encoding="utf-8").splitlines():
                clean_plaintext(json.loads(line)["text"])
    return time.perf_counter() - start


def timed_ingest(
    root: Path, db_path: Path, workers: int, *, quotes: bool = False
) -> tuple[float, presstrace.IngestReport]:
    start = time.perf_counter()
    options = presstrace.Options(workers=workers, quotes=quotes)
    with presstrace.open(db_path) as db:
        report = presstrace.ingest(db, [str(root)], options)
    return time.perf_counter() - start, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks/results/ingest.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        paths = build_corpus(root, args.articles)
        n = args.articles
        ref = reference(paths)
        rows: list[tuple[str, float]] = [("reference: extractors only, 1 process", ref)]
        results: dict[str, Any] = {"articles": n, "reference_s": ref}
        for workers in sorted({1, args.workers}):
            seconds, report = timed_ingest(root, Path(tmp) / f"w{workers}.db", workers)
            assert (report.new, report.failed) == (n, 0), report
            rows.append((f"presstrace ingest --no-quotes --workers {workers}", seconds))
            results[f"ingest_workers_{workers}_s"] = seconds
        seconds, report = timed_ingest(root, Path(tmp) / "q.db", args.workers, quotes=True)
        assert (report.new, report.failed) == (n, 0), report
        rows.append((f"presstrace ingest --workers {args.workers} (with quotes)", seconds))
        results["ingest_with_quotes_s"] = seconds
        with presstrace.open(Path(tmp) / "q.db") as db:
            start = time.perf_counter()
            rebuild(db)  # speakers and statements alone: the corpus stage of the run above
            results["corpus_rebuild_s"] = time.perf_counter() - start
            results["quotes"] = db.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        seconds, report = timed_ingest(root, Path(tmp) / f"w{args.workers}.db", args.workers)
        assert (report.new, report.present) == (0, n), report
        rows.append((f"second ingest, all present, --workers {args.workers}", seconds))
        results["reingest_s"] = seconds
        size = (Path(tmp) / f"w{args.workers}.db").stat().st_size
    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    results.update(db_mb=size / 1e6, main_peak_mb=main_rss, worker_peak_mb=worker_rss)
    print(f"{n} articles (1/3 HTML pages, 1/3 text scrapes, 1/3 JSON lines)\n")
    print("| run | seconds | articles/s | × reference |")
    print("|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} | {n / seconds:.0f} | {ref / seconds:.2f} |")
    print(
        f"\ncorpus stage (speakers, statements) over {results['quotes']} quotes: "
        f"{results['corpus_rebuild_s']:.1f} s"
    )
    print(
        f"database {size / 1e6:.1f} MB; peak RSS main {main_rss:.0f} MB, "
        f"largest worker {worker_rss:.0f} MB"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
