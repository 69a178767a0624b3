"""Benchmark the plain-text page-furniture cleaner on the AEB plain-text lines.

Data: ``<eval-dir>/aeb/plaintext_lines.jsonl`` (one page a line: ``id``, ``url``,
``lines``, ``labels`` with 1 = article body) and ``<eval-dir>/aeb/ground-truth.json``.
The data is used for evaluation only and is never copied anywhere.

Metric (scrapinghub/article-extraction-benchmark ``evaluate.py``): body F1 over
4-word shingles (tokens ``\\w+``, with multiplicity); per page TP/FP/FN are
normalised to sum to 1, precision is averaged over pages with a non-empty
prediction-or-truth overlap (tp + fp > 0), recall over pages with tp + fn > 0,
and F1 is taken of the two means.  Line-level P/R/F1 (micro, over all lines)
against ``labels`` is a second view.

Honesty: the cleaner's line model (``src/presstrace/clean/line_model.json``) is trained on these
same pages, so its score here is a training-set score. The number to trust is the *held-out*
row: every page is cleaned by a model retrained without the fold that holds it (5 folds, pages
shuffled with a fixed seed; needs scikit-learn, ``pip install scikit-learn``, else skipped).
The rules alone (``use_model=False``) were written while looking at these pages too.

Usage::

    PYTHONPATH=src python benchmarks/bench_clean_plaintext.py [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aeb_metric import body_metrics, shingle_tp_fp_fn
from presstrace.clean import CleanedText, CleanOptions, clean_plaintext

REPO_ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- metric


def line_metrics(pairs: Sequence[tuple[bool, int]]) -> dict[str, float]:
    tp = sum(1 for pred, gold in pairs if pred and gold)
    fp = sum(1 for pred, gold in pairs if pred and not gold)
    fn = sum(1 for pred, gold in pairs if not pred and gold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


# ---------------------------------------------------------------- methods

# A method maps a page's lines to (body text, per-line keep flags).
Method = Callable[[list[str]], tuple[str, list[bool]]]


def keep_everything(lines: list[str]) -> tuple[str, list[bool]]:
    return "\n".join(lines), [True] * len(lines)


# C4 (Raffel et al. 2020, tensorflow_datasets c4_utils.clean_page): keep a line
# only if it ends in . ? ! or a straight double quote (and not in "..."), has at
# least 3 words, has no word over 1000 chars, and mentions neither
# "javascript" nor a cookie/privacy-policy phrase; citation markers are removed.
# The page-level rules (drop the page on "lorem ipsum", on any "{" in a kept
# line, or with fewer than 5 sentences) are applied only in the "+page" variant,
# because they throw away whole articles rather than furniture.
_C4_END = (".", "?", "!", '"')
_C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
_C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_C4_SENT_RE = re.compile(r"[^.!?]+[.!?]+")


# Not in C4: also accept curly closing quotes and a straight single quote as
# end marks (as e.g. datatrove's C4 port does for "'"), since news pages
# close most quoted paragraphs with a curly quote.
_C4_END_CURLY = (*_C4_END, "'", "”", "’")


def _c4(
    lines: list[str], page_rules: bool, end_marks: tuple[str, ...] = _C4_END
) -> tuple[str, list[bool]]:
    kept: list[str] = []
    flags: list[bool] = []
    sentences = 0
    bad_page = False
    for raw in lines:
        line = raw.strip()
        ok = True
        if any(len(w) > 1000 for w in line.split()):
            ok = False
        line = _C4_CITATION.sub("", line)
        if ok and (not line.endswith(end_marks) or line.endswith("...")):
            ok = False
        if ok and len(line.split()) < 3:
            ok = False
        low = line.lower()
        if ok and "lorem ipsum" in low:
            bad_page = True
        if ok and "javascript" in low:
            ok = False
        if ok and "{" in line:
            bad_page = True
        if ok and any(p in low for p in _C4_POLICY):
            ok = False
        if ok:
            sentences += max(1, len(_C4_SENT_RE.findall(line)))
            kept.append(line)
        flags.append(ok)
    if page_rules and (bad_page or sentences < 5):
        return "", [False] * len(lines)
    return "\n".join(kept), flags


def c4_lines(lines: list[str]) -> tuple[str, list[bool]]:
    return _c4(lines, page_rules=False)


def c4_with_page_rules(lines: list[str]) -> tuple[str, list[bool]]:
    return _c4(lines, page_rules=True)


def c4_lines_curly(lines: list[str]) -> tuple[str, list[bool]]:
    return _c4(lines, page_rules=False, end_marks=_C4_END_CURLY)


def min10_words(lines: list[str]) -> tuple[str, list[bool]]:
    flags = [len(line.split()) >= 10 for line in lines]
    return "\n".join(line for line, f in zip(lines, flags, strict=True) if f), flags


def _flags(result: CleanedText, n: int) -> list[bool]:
    flags = [False] * n
    for d in result.lines:
        if d.keep and d.reason == "body" and d.index < n:
            flags[d.index] = True
    return flags


def presstrace(lines: list[str]) -> tuple[str, list[bool]]:
    result = clean_plaintext("\n".join(lines))
    return result.text, _flags(result, len(lines))


def presstrace_rules(lines: list[str]) -> tuple[str, list[bool]]:
    result = clean_plaintext("\n".join(lines), CleanOptions(use_model=False))
    return result.text, _flags(result, len(lines))


METHODS: dict[str, Method] = {
    "presstrace (rules + model; model trained on these pages)": presstrace,
    "presstrace rules only": presstrace_rules,
    "keep everything": keep_everything,
    "C4 line rules": c4_lines,
    "C4 line + page rules": c4_with_page_rules,
    "C4 line rules + curly quotes": c4_lines_curly,
    "keep lines >= 10 words": min10_words,
}
HELD_OUT = "presstrace (rules + model), held out: 5-fold, retrained per fold"


def held_out_method(pages: list[dict[str, Any]], truth: dict[str, Any]) -> Method | None:
    """A method that cleans each page with a model trained on the other folds only."""
    if importlib.util.find_spec("sklearn") is None:
        print("(scikit-learn not installed: the held-out row is skipped)")
        return None
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    import train_line_model as training

    from presstrace.clean import linemodel

    train_pages = [{**p, "truth": truth[p["id"]].get("articleBody", "")} for p in pages]
    shuffled = train_pages[:]
    random.Random(2).shuffle(shuffled)
    folds = [shuffled[k::5] for k in range(5)]
    model_for: dict[str, linemodel.TreeEnsemble] = {}
    for k, fold in enumerate(folds):
        rest = [p for j, other in enumerate(folds) if j != k for p in other]
        model = linemodel.TreeEnsemble(training.to_spec(training.fit(rest)))
        for page in fold:
            model_for["\n".join(page["lines"])] = model

    def method(lines: list[str]) -> tuple[str, list[bool]]:
        text = "\n".join(lines)
        linemodel.use_model(model_for[text])
        try:
            result = clean_plaintext(text)
        finally:
            linemodel.use_model(None)
        return result.text, _flags(result, len(lines))

    return method


# ---------------------------------------------------------------- runner


@dataclass
class PageResult:
    shingles: tuple[float, float, float]
    lines: list[tuple[bool, int]]


def run(
    method: Method, pages: list[dict[str, Any]], truth: dict[str, Any]
) -> tuple[list[PageResult], float]:
    out: list[PageResult] = []
    start = time.perf_counter()
    for page in pages:
        text, flags = method(page["lines"])
        gold = truth[page["id"]].get("articleBody", "")
        out.append(
            PageResult(shingle_tp_fp_fn(gold, text), list(zip(flags, page["labels"], strict=True)))
        )
    elapsed = time.perf_counter() - start
    return out, len(pages) / elapsed if elapsed > 0 else float("inf")


def summarise(results: list[PageResult], idx: Sequence[int]) -> dict[str, float]:
    body = body_metrics([results[i].shingles for i in idx])
    line = line_metrics([pair for i in idx for pair in results[i].lines])
    return {
        "body_precision": body["precision"],
        "body_recall": body["recall"],
        "body_f1": body["f1"],
        "line_precision": line["precision"],
        "line_recall": line["recall"],
        "line_f1": line["f1"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "benchmarks" / "results" / "clean_plaintext.json"
    )
    parser.add_argument(
        "--per-page", action="store_true", help="print the held-out body F1 of every page"
    )
    args = parser.parse_args(argv)

    aeb = args.eval_dir / "aeb"
    lines_path, truth_path = aeb / "plaintext_lines.jsonl", aeb / "ground-truth.json"
    if not (lines_path.is_file() and truth_path.is_file()):
        print(f"skipping: AEB evaluation data not found under {aeb}")
        return 0

    with lines_path.open(encoding="utf-8") as fh:
        pages = sorted((json.loads(line) for line in fh if line.strip()), key=lambda p: p["id"])
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    n = len(pages)
    methods = dict(METHODS)
    held_out = held_out_method(pages, truth)
    if held_out is not None:
        methods = {HELD_OUT: held_out, **methods}

    report: dict[str, Any] = {"pages": n, "methods": {}}
    print(f"AEB plain-text lines: {n} pages\n")
    print("| method | body P | body R | body F1 | line P | line R | line F1 | pages/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, method in methods.items():
        results, speed = run(method, pages, truth)
        m = summarise(results, range(n))
        report["methods"][name] = {"pages_per_s": speed, **m}
        print(
            f"| {name} | {m['body_precision']:.3f} | {m['body_recall']:.3f} | "
            f"{m['body_f1']:.3f} | {m['line_precision']:.3f} | {m['line_recall']:.3f} | "
            f"{m['line_f1']:.3f} | {speed:.0f} |"
        )
        if args.per_page and name == HELD_OUT:
            for page, res in zip(pages, results, strict=True):
                b = body_metrics([res.shingles])
                p, r, f = b["precision"], b["recall"], b["f1"]
                print(f"  {page['id'][:8]} P={p:.2f} R={r:.2f} F1={f:.2f}")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
