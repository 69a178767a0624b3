"""Story clustering on ECB+ (topics 1-35), against a streaming TF-IDF centroid baseline.

Data: ``<eval-dir>/ecbplus/docs.jsonl`` (``doc_id``, ``text``; the gold story is
``subtopic``: each topic holds two similar but different events that a clusterer must keep
apart). Only ``text`` is given to the systems. Used for evaluation only: nothing of it is
written anywhere (the JSON results hold numbers only). Skipped with a message when absent.

Systems, on the same documents in the same run:

- ``presstrace``: the real thing. Every document is ingested as a JSON line with only its text
  (so the story terms and the incremental stories stage run as for any input) into a fresh
  database with ``--no-quotes --no-clean`` (the texts are clean already); stories are read
  back from ``story_articles``. Run once with all documents in one ingest, and, to show that
  arrival order and batching do not matter, in ``--batches`` ingests of shuffled documents
  for each of ``--orders`` seeds.
- ``tfidf-centroid``: the classic streaming clusterer: documents one at a time (shuffled per
  seed); TF-IDF over words without stop words (sublinear tf, idf from the documents seen so
  far); each joins the most similar cluster centroid if the cosine reaches a threshold, else
  starts a cluster. The threshold is tuned on this very data (the best of a grid, reported):
  an optimistic baseline.

Metrics: BCubed precision / recall / F1 and pair-counting precision / recall / F1 over all
documents, every document in exactly one cluster.

Usage::

    .venv/bin/python benchmarks/bench_stories.py [--eval-dir DIR] [--batches 8] [--orders 3]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

import presstrace
from presstrace.stories import cluster

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
RESULTS = REPO / "benchmarks" / "results" / "stories.json"
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 11)]


def bcubed(pred: Sequence[Any], gold: Sequence[Any]) -> dict[str, float]:
    by_pred: dict[Any, set[int]] = defaultdict(set)
    by_gold: dict[Any, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        common = len(by_pred[p] & by_gold[g])
        precision += common / len(by_pred[p])
        recall += common / len(by_gold[g])
    return _prf(precision / len(pred), recall / len(pred))


def pair_counting(pred: Sequence[Any], gold: Sequence[Any]) -> dict[str, float]:
    def pairs(labels: Sequence[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs(list(zip(pred, gold, strict=True)))
    predicted, actual = pairs(pred), pairs(gold)
    return _prf(both / predicted if predicted else 0.0, both / actual if actual else 0.0)


def _prf(p: float, r: float) -> dict[str, float]:
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def score(pred: Sequence[Any], gold: Sequence[Any]) -> dict[str, Any]:
    return {"bcubed": bcubed(pred, gold), "pairs": pair_counting(pred, gold)}


# -- presstrace ---------------------------------------------------------------------------------
def run_presstrace(docs: list[dict[str, Any]], batches: int, seed: int | None) -> list[str]:
    order = list(range(len(docs)))
    if seed is not None:
        random.Random(seed).shuffle(order)
    size = math.ceil(len(order) / batches)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = []
        for b in range(batches):
            path = root / f"batch{b:03d}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for i in order[b * size : (b + 1) * size]:
                    record = {"url": f"ecb://{docs[i]['doc_id']}", "text": docs[i]["text"]}
                    out.write(json.dumps(record) + "\n")
            paths.append(path)
        # ECB+ texts are clean already (no page furniture); the cleaner would drop a few
        # two-line documents as furniture, and every document must be in a story.
        options = presstrace.Options(workers=1, quotes=False, clean_text=False)
        with presstrace.open(root / "kb.db") as db:
            for path in paths:
                presstrace.ingest(db, [str(path)], options)
            rows = db.conn.execute(
                "SELECT a.url, s.story FROM articles a JOIN story_articles s ON s.article = a.id"
            ).fetchall()
    story = {url.removeprefix("ecb://"): s for url, s in rows}
    missing = [d["doc_id"] for d in docs if d["doc_id"] not in story]
    if missing:
        sys.exit(f"presstrace placed no story for {len(missing)} documents, e.g. {missing[:3]}")
    return [story[d["doc_id"]] for d in docs]


# -- baseline -----------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d+")


def _tokens(text: str) -> Counter[str]:
    return Counter(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOP_WORDS)


def run_centroid(tokens: list[Counter[str]], threshold: float, seed: int) -> list[int]:
    order = list(range(len(tokens)))
    random.Random(seed).shuffle(order)
    df: Counter[str] = Counter()
    centroids: list[dict[str, float]] = []
    norms: list[float] = []
    label = [0] * len(tokens)
    for seen, i in enumerate(order, start=1):
        df.update(tokens[i].keys())
        vector = {
            t: (1 + math.log(n)) * math.log((seen + 1) / (df[t] + 1)) + 0.0
            for t, n in tokens[i].items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vector = {t: v / norm for t, v in vector.items()}
        best, best_sim = -1, -1.0
        for c, (centroid, cnorm) in enumerate(zip(centroids, norms, strict=True)):
            sim = sum(v * centroid.get(t, 0.0) for t, v in vector.items()) / cnorm
            if sim > best_sim:
                best, best_sim = c, sim
        if best >= 0 and best_sim >= threshold:
            centroid = centroids[best]
            for t, v in vector.items():
                centroid[t] = centroid.get(t, 0.0) + v
            norms[best] = math.sqrt(sum(v * v for v in centroid.values()))
            label[i] = best
        else:
            centroids.append(dict(vector))
            norms.append(1.0)
            label[i] = len(centroids) - 1
    return label


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for metric in ("bcubed", "pairs"):
        out[metric] = {
            k: round(statistics.mean(r[metric][k] for r in runs), 4) for k in ("p", "r", "f1")
        }
        out[metric]["f1_sd"] = round(statistics.pstdev(r[metric]["f1"] for r in runs), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--sensitivity",
        type=float,
        nargs="*",
        default=[0.08, 0.12],
        help="also run one ingest with these complete-link thresholds (shipped: 0.1)",
    )
    args = parser.parse_args(argv)
    path = args.eval_dir / "ecbplus" / "docs.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [d["subtopic"] for d in docs]
    results: dict[str, Any] = {"documents": len(docs), "stories": len(set(gold))}

    started = time.perf_counter()
    one = score(run_presstrace(docs, 1, None), gold)
    results["presstrace_one_ingest"] = one | {"seconds": round(time.perf_counter() - started, 1)}
    runs = [score(run_presstrace(docs, args.batches, s), gold) for s in range(args.orders)]
    results["presstrace_batches"] = _summary(runs) | {
        "batches": args.batches,
        "orders": args.orders,
    }

    for link in args.sensitivity:
        cluster.LINK, shipped = link, cluster.LINK
        results[f"presstrace_link_{link}"] = score(run_presstrace(docs, 1, None), gold)
        cluster.LINK = shipped

    tokens = [_tokens(d["text"]) for d in docs]
    grid = {}
    for threshold in THRESHOLDS:
        grid[threshold] = _summary(
            [score(run_centroid(tokens, threshold, s), gold) for s in range(args.orders)]
        )
    best = max(grid, key=lambda t: grid[t]["bcubed"]["f1"])
    results["tfidf_centroid_tuned"] = grid[best] | {"threshold": best}
    results["tfidf_centroid_grid"] = {str(t): grid[t]["bcubed"]["f1"] for t in grid}

    rows = [
        ("presstrace, one ingest", results["presstrace_one_ingest"]),
        (
            f"presstrace, {args.batches} shuffled ingests (mean of {args.orders})",
            results["presstrace_batches"],
        ),
        (
            f"TF-IDF centroid, tuned threshold {best} (mean of {args.orders} orders)",
            results["tfidf_centroid_tuned"],
        ),
    ]
    print(f"ECB+ topics 1-35: {len(docs)} documents, {len(set(gold))} stories")
    print(f"{'system':<58} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>8}")
    for link in args.sensitivity:
        rows.append(
            (f"presstrace, one ingest, threshold {link}", results[f"presstrace_link_{link}"])
        )
    for name, r in rows:
        b, p = r["bcubed"], r["pairs"]
        print(f"{name:<58} {b['p']:>6.3f} {b['r']:>6.3f} {b['f1']:>6.3f} {p['f1']:>8.3f}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
