#!/usr/bin/env python3
"""Benchmark presstrace.sources.html.extract_html against plain trafilatura.

Data (evaluation only, never copied into the repository), under --eval-dir:

* ``aeb/``  Zyte article-extraction-benchmark pages + ground-truth.json
  (body only).  Metric: the benchmark's own evaluate.py definition: 4-word
  shingles of ``\\w+`` tokens counted with multiplicity, per-page TP/FP/FN
  normalised to sum 1, precision averaged over pages with a non-empty
  prediction, recall over pages with a non-empty gold body, F1 of the means.
* ``naeb/`` newspaper4k's article-extraction-dataset (body, title, authors,
  date).  Body as above, plus the variant newspaper4k's evaluation/helper.py
  computes (nltk n-grams: a text under 4 tokens has no shingle; P and R are
  averaged over *all* pages, so an empty prediction counts as P = 0).

The baseline is ``trafilatura.extract(html)`` with default options for the
body and ``trafilatura.extract_metadata(html)`` for title/author/date.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_html_extract.py [--eval-dir DIR] [--limit N]
    PYTHONPATH=src python benchmarks/bench_html_extract.py --sweep   # option tuning

Exits 0 with a message when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import platform
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from aeb_metric import aeb_body_metrics, f1, n4k_body_metrics

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
RESULTS_PATH = REPO_ROOT / "benchmarks" / "results" / "html_extract.json"

# Published anchors, for the table only.
ANCHORS = {
    "aeb_body_f1": ("trafilatura 2.0 (AEB leaderboard)", 0.958),
    "naeb_body_f1_n4k": ("newspaper4k 0.9.3 (its README)", 0.903),
}


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Page:
    corpus: str  # "aeb" | "naeb"
    page_id: str
    path: str
    url: str | None
    body: str
    title: str | None = None
    authors: str | None = None  # comma-separated, as the gold file has it
    date: str | None = None


def load_aeb(eval_dir: Path) -> list[Page]:
    root = eval_dir / "aeb"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, gold in sorted(truth.items()):
        path = root / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append(
                Page("aeb", page_id, str(path), gold.get("url"), gold.get("articleBody") or "")
            )
    return pages


def load_naeb(eval_dir: Path) -> list[Page]:
    root = eval_dir / "naeb"
    items = json.loads((root / "news_articles.json").read_text(encoding="utf-8"))
    pages = []
    for item in items:
        path = root / "html" / f"{item['html_file']}.html.gz"
        if not path.exists():  # 3 blobs are missing from the snapshot
            continue
        pages.append(
            Page(
                "naeb",
                str(item["html_file"]),
                str(path),
                item.get("link") or None,
                item.get("text") or "",
                title=item.get("title") or None,
                authors=item.get("authors") or "",
                date=item.get("date") or None,
            )
        )
    return pages


# --------------------------------------------------------------------- systems


@dataclass
class Prediction:
    body: str = ""
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    seconds: float = 0.0
    error: str | None = None


def run_presstrace(html: bytes, url: str | None, settings: dict[str, Any] | None) -> Prediction:
    from presstrace.sources import html as mod

    chosen = mod._Settings(**settings) if settings is not None else mod._DEFAULT_SETTINGS
    try:
        result = mod._extract(html, url, chosen)
    except mod.NoArticleError as err:
        return Prediction(error=f"NoArticleError: {err}")
    return Prediction(
        body=result.text, title=result.title, byline=result.byline, date=result.published
    )


def run_baseline(html: bytes, url: str | None, settings: dict[str, Any] | None) -> Prediction:
    """trafilatura's defaults, called the way a first-time user would."""
    import trafilatura

    del url, settings  # plain defaults: no URL hint, no options
    body = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return Prediction(body=body, title=meta.title, byline=meta.author, date=meta.date)


SYSTEMS: dict[str, Callable[[bytes, str | None, dict[str, Any] | None], Prediction]] = {
    "presstrace": run_presstrace,
    "trafilatura-default": run_baseline,
}


def _work(job: tuple[str, str, str | None, dict[str, Any] | None]) -> Prediction:
    system, path, url, settings = job
    html = gzip.decompress(Path(path).read_bytes())
    start = time.process_time()
    try:
        pred = SYSTEMS[system](html, url, settings)
    except Exception as err:  # an exception escaping extract_html is itself a finding
        pred = Prediction(error=f"UNCAUGHT {type(err).__name__}: {err}")
    pred.seconds = time.process_time() - start
    return pred


def _init_worker() -> None:
    import logging

    logging.disable(logging.CRITICAL)  # keep the libraries' per-page chatter off the table


# --------------------------------------------------------------------- metrics


def _strip_punct_ends(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (unicodedata.category(text[start])[0] in "PSZ"):
        start += 1
    while end > start and (unicodedata.category(text[end - 1])[0] in "PSZ"):
        end -= 1
    return text[start:end]


def norm_title(value: str | None) -> str:
    return _strip_punct_ends(" ".join((value or "").casefold().split()))


def norm_name(value: str) -> str:
    return " ".join(value.casefold().split()).strip(" .,;")


def author_counts(gold: str, pred: str | None) -> tuple[int, int, int]:
    gold_names = {n for n in (norm_name(x) for x in gold.split(",")) if n}
    pred_names = {n for n in (norm_name(x) for x in re.split(r"[;,]", pred or "")) if n}
    return (
        len(gold_names & pred_names),
        len(pred_names - gold_names),
        len(gold_names - pred_names),
    )


def score(pages: list[Page], preds: list[Prediction], wall: float) -> dict[str, Any]:
    pairs = [(page.body, pred.body) for page, pred in zip(pages, preds, strict=True)]
    out: dict[str, Any] = {
        "pages": len(pages),
        "empty_predictions": sum(1 for p in preds if not p.body),
        "uncaught_exceptions": sum(1 for p in preds if p.error and p.error.startswith("UNCAUGHT")),
        "body": aeb_body_metrics(pairs),
        "wall_seconds": wall,
        "pages_per_second": len(pages) / wall if wall > 0 else 0.0,
        "cpu_seconds_per_page": statistics.mean(p.seconds for p in preds) if preds else 0.0,
    }
    if pages and pages[0].corpus == "naeb":
        out["body_n4k"] = n4k_body_metrics(pairs)
        titled = [(pg, pr) for pg, pr in zip(pages, preds, strict=True) if pg.title]
        out["title_accuracy"] = statistics.mean(
            norm_title(pg.title) == norm_title(pr.title) for pg, pr in titled
        )
        dated = [(pg, pr) for pg, pr in zip(pages, preds, strict=True) if pg.date]
        out["date_accuracy"] = statistics.mean(pg.date == (pr.date or "")[:10] for pg, pr in dated)
        out["date_missing"] = sum(1 for _, pr in dated if not pr.date)
        # Micro P/R/F1 over author names, over every page: a name predicted on
        # a page whose gold has no author is a false positive.
        tp = fp = fn = 0
        for pg, pr in zip(pages, preds, strict=True):
            a, b, c = author_counts(pg.authors or "", pr.byline)
            tp, fp, fn = tp + a, fp + b, fn + c
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out["authors"] = {
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
    return out


# ------------------------------------------------------------------------ main


def run_system(
    system: str,
    pages: list[Page],
    workers: int,
    settings: dict[str, Any] | None = None,
) -> tuple[list[Prediction], float]:
    jobs = [(system, page.path, page.url, settings) for page in pages]
    start = time.perf_counter()
    if workers > 1:
        with multiprocessing.Pool(workers, initializer=_init_worker) as pool:
            preds = pool.map(_work, jobs, chunksize=4)
    else:
        _init_worker()
        preds = [_work(job) for job in jobs]
    return preds, time.perf_counter() - start


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        "| system | AEB body F1 (P / R) | NAEB body F1 (P / R) | NAEB body F1, n4k variant "
        "| title acc | date acc | author F1 (P / R) | pages/s (2 procs) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, res in results.items():
        aeb, naeb = res.get("aeb", {}), res.get("naeb", {})

        def body(r: dict[str, Any], key: str = "body") -> str:
            m = r.get(key)
            return f"{m['f1']:.3f} ({m['precision']:.3f} / {m['recall']:.3f})" if m else "—"

        authors = naeb.get("authors")
        auth = (
            f"{authors['f1']:.3f} ({authors['precision']:.3f} / {authors['recall']:.3f})"
            if authors
            else "—"
        )
        pages = aeb.get("pages", 0) + naeb.get("pages", 0)
        wall = aeb.get("wall_seconds", 0.0) + naeb.get("wall_seconds", 0.0)
        rows.append(
            f"| {name} | {body(aeb)} | {body(naeb)} | {body(naeb, 'body_n4k')} "
            f"| {_fmt(naeb.get('title_accuracy'))} | {_fmt(naeb.get('date_accuracy'))} | {auth} "
            f"| {pages / wall if wall else 0:.1f} |"
        )
    for key, (who, value) in ANCHORS.items():
        rows.append(
            f"| *published: {who}* | {f'{value:.3f}' if key.startswith('aeb') else ''} | | "
            f"{f'{value:.3f}' if key.startswith('naeb') else ''} | | | | |"
        )
    return "\n".join(rows)


SWEEP: dict[str, dict[str, Any]] = {
    "favor_precision (chosen)": {},
    "balanced (trafilatura default)": {"favor_precision": False},
    "favor_recall": {"favor_precision": False, "favor_recall": True},
    "favor_precision, no tables": {"include_tables": False},
    "date: extensive first pass": {"date_extensive_first": True},
}


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("trafilatura", "htmldate", "lxml", "justext"):
        try:
            out[dist] = importlib_metadata.version(dist)
        except importlib_metadata.PackageNotFoundError:
            out[dist] = "absent"
    return out


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--sweep", action="store_true", help="score option variants of extract_html"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="JSON results (default benchmarks/results/html_extract.json; "
        "--sweep writes none unless given)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)

    eval_dir: Path = args.eval_dir
    if (
        not (eval_dir / "aeb" / "ground-truth.json").exists()
        and not (eval_dir / "naeb" / "news_articles.json").exists()
    ):
        print(f"evaluation data not found under {eval_dir}; skipping the HTML extraction benchmark")
        return 0

    corpora: dict[str, list[Page]] = {}
    if (eval_dir / "aeb" / "ground-truth.json").exists():
        corpora["aeb"] = load_aeb(eval_dir)
    if (eval_dir / "naeb" / "news_articles.json").exists():
        corpora["naeb"] = load_naeb(eval_dir)
    if args.limit is not None:
        corpora = {name: pages[: args.limit] for name, pages in corpora.items()}

    plan: list[tuple[str, str, dict[str, Any] | None]]
    if args.sweep:
        plan = [(label, "presstrace", settings) for label, settings in SWEEP.items()]
    else:
        plan = [
            ("presstrace extract_html", "presstrace", None),
            ("trafilatura.extract defaults", "trafilatura-default", None),
        ]

    results: dict[str, dict[str, Any]] = {}
    for label, system, settings in plan:
        results[label] = {}
        for corpus, pages in corpora.items():
            preds, wall = run_system(system, pages, args.workers, settings)
            results[label][corpus] = score(pages, preds, wall)
            print(
                f"  {label:<32} {corpus:<5} body F1 {results[label][corpus]['body']['f1']:.4f} "
                f"({wall:.1f}s)",
                file=sys.stderr,
            )

    print(markdown_table(results))
    output = {
        "benchmark": "html_extract",
        "mode": "sweep" if args.sweep else "compare",
        "limit": args.limit,
        "workers": args.workers,
        "versions": _versions(),
        "results": results,
        "anchors": {k: {"system": w, "f1": v} for k, (w, v) in ANCHORS.items()},
    }
    out_path: Path | None = args.output or (None if args.sweep else RESULTS_PATH)
    if out_path is None:
        return 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(output, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    shown = out_path.relative_to(REPO_ROOT) if out_path.is_relative_to(REPO_ROOT) else out_path
    print(f"\nwrote {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
