"""Train the cleaner's line model (``src/presstrace/clean/line_model.json``).

    pip install scikit-learn   # training only; presstrace itself does not need it
    python scripts/train_line_model.py [--eval-dir ../shared/eval] [--folds 4] [--write]

Reads the AEB development pages (``aeb/plaintext_lines.jsonl``: each page's lines with a body
label per line, and ``aeb/ground-truth.json``). Features come from ``linemodel.line_features``, so
training and inference cannot drift apart. Reports, with pages grouped into folds, the body F1 of
the rules alone and of rules + model on pages the model was not trained on — the number to
trust — then (with --write) trains on all pages and writes the trees as JSON: thresholds over
named features, no text.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from aeb_metric import body_metrics, shingle_tp_fp_fn  # noqa: E402
from presstrace.clean import (  # noqa: E402
    CleanOptions,
    clean_plaintext,
    linemodel,
)
from presstrace.clean.plaintext import apply_rules  # noqa: E402

MODEL_PATH = REPO / "src" / "presstrace" / "clean" / "line_model.json"
# Chosen by held-out body F1 over random page folds (see docs/benchmarks.md): shallow trees and
# large leaves generalise across sites; deeper ones learn single sites' layouts.
PARAMS: dict[str, Any] = {
    "n_estimators": 80,
    "max_depth": 3,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "min_samples_leaf": 50,
    "random_state": 0,
}


def load(eval_dir: Path) -> list[dict[str, Any]]:
    truth = json.loads((eval_dir / "aeb" / "ground-truth.json").read_text())
    pages = []
    with (eval_dir / "aeb" / "plaintext_lines.jsonl").open() as handle:
        for line in handle:
            row = json.loads(line)
            row["truth"] = truth[row["id"]]["articleBody"]
            pages.append(row)
    return sorted(pages, key=lambda p: p["id"])


def page_matrix(page: dict[str, Any]) -> tuple[list[list[float]], list[int], list[float]]:
    """Feature rows, labels and weights for one page's non-blank lines."""
    rules = apply_rules("\n".join(page["lines"]), CleanOptions())
    rows = linemodel.line_features(rules)
    xs, ys, ws = [], [], []
    for ln, row, label in zip(rules.lines, rows, page["labels"], strict=True):
        if row is None or linemodel._fixed(rules, ln):
            continue  # the model never decides these, so it does not learn from them
        xs.append(row)
        ys.append(int(label))
        ws.append(1.0 + math.log1p(ln.feat.words if ln.feat else 0))
    total = sum(ws) or 1.0
    # Every page counts the same, as in the benchmark's per-page averages.
    return xs, ys, [w / total * 100 for w in ws]


def fit(pages: list[dict[str, Any]]) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for page in pages:
        x, y, w = page_matrix(page)
        xs += x
        ys += y
        ws += w
    return GradientBoostingClassifier(**PARAMS).fit(xs, ys, sample_weight=ws)


def to_spec(model: Any) -> dict[str, Any]:
    prior = model.init_.class_prior_[1]
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "left": [int(v) for v in tree.children_left],
                "right": [int(v) for v in tree.children_right],
                "feature": [max(int(v), 0) for v in tree.feature],
                "threshold": [round(float(v), 6) for v in tree.threshold],
                "value": [round(float(v[0][0]), 6) for v in tree.value],
            }
        )
    return {
        "about": "presstrace plain-text cleaner line model; see scripts/train_line_model.py",
        "features": list(linemodel.FEATURE_NAMES),
        "init": math.log(prior / (1 - prior)),
        "learning_rate": PARAMS["learning_rate"],
        "params": PARAMS,
        "trees": trees,
    }


def score(pages: list[dict[str, Any]], model: linemodel.TreeEnsemble | None) -> dict[str, float]:
    options = CleanOptions(use_model=model is not None)
    linemodel.use_model(model)
    try:
        rows = [
            shingle_tp_fp_fn(p["truth"], clean_plaintext("\n".join(p["lines"]), options).text)
            for p in pages
        ]
    finally:
        linemodel.use_model(None)
    return body_metrics(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2, help="how pages are shuffled into folds")
    parser.add_argument("--write", action="store_true", help="train on all pages and save")
    args = parser.parse_args()
    if not (args.eval_dir / "aeb" / "plaintext_lines.jsonl").exists():
        print(f"no AEB data under {args.eval_dir}; nothing to train on")
        return 0
    pages = load(args.eval_dir)
    shuffled = pages[:]
    random.Random(args.seed).shuffle(shuffled)
    folds = [shuffled[k :: args.folds] for k in range(args.folds)]
    held_rules: list[dict[str, float]] = []
    held_model: list[dict[str, float]] = []
    for k, test in enumerate(folds):
        train = [p for j, fold in enumerate(folds) if j != k for p in fold]
        ensemble = linemodel.TreeEnsemble(to_spec(fit(train)))
        held_rules.append(score(test, None))
        held_model.append(score(test, ensemble))
        print(f"fold {k}: rules {held_rules[-1]['f1']:.3f}  rules+model {held_model[-1]['f1']:.3f}")
    for name, runs in (("rules", held_rules), ("rules+model", held_model)):
        mean = {m: sum(r[m] for r in runs) / len(runs) for m in ("precision", "recall", "f1")}
        print(f"held-out {name:12s} P {mean['precision']:.3f} R {mean['recall']:.3f} "
              f"F1 {mean['f1']:.3f}")  # fmt: skip
    if args.write:
        model = fit(pages)
        spec = to_spec(model)
        check = linemodel.TreeEnsemble(spec)
        x, _, _ = page_matrix(pages[0])
        ours = [check.probability(row) for row in x]
        theirs = model.predict_proba(x)[:, 1]
        assert max(abs(a - b) for a, b in zip(ours, theirs, strict=True)) < 1e-4
        MODEL_PATH.write_text(json.dumps(spec, separators=(",", ":")) + "\n")
        size = MODEL_PATH.stat().st_size // 1024
        print(f"wrote {MODEL_PATH} ({size} KB, {len(spec['trees'])} trees)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
