"""Train the quotes stage's cue filter (``src/presstrace/quotes/cue_model.json``).

    pip install scikit-learn   # training only
    python scripts/train_cue_model.py [--eval-dir ../shared/eval] [--tune 100] [--write]

Uses only PolNeAR's *training* split: the first ``--tune`` articles are held out to choose the
threshold (by who-said-what F1 from ``benchmarks/polnear_metric.py``), the rest train a logistic
regression over ``cuemodel.features`` of every candidate verb, labelled by whether the verb lies
in a gold cue span. The dev split is never touched here; ``benchmarks/bench_quotes.py`` scores it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_quotes  # noqa: E402
from polnear_metric import Totals, score_article  # noqa: E402
from presstrace.quotes import cuemodel  # noqa: E402
from presstrace.quotes.extract import QuoteExtractor  # noqa: E402
from presstrace.quotes.marks import find_quoted  # noqa: E402

MODEL_PATH = REPO / "src" / "presstrace" / "quotes" / "cue_model.json"


def samples(articles: list[dict[str, Any]], nlp: Any) -> tuple[list[dict[str, int]], list[int]]:
    xs: list[dict[str, int]] = []
    ys: list[int] = []
    texts = [a["text"] for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        cues = [(s, e) for att in article["attributions"] for s, e, _ in att["cue"]]
        quoted = find_quoted(doc.text)
        for token in doc:
            if not cuemodel.is_candidate(token):
                continue
            if any(q.inner_start <= token.idx < q.inner_end for q in quoted):
                continue
            xs.append(dict.fromkeys(cuemodel.features(token), 1))
            ys.append(int(any(s <= token.idx < e for s, e in cues)))
    return xs, ys


def who_said_what(articles: list[Any], extractor: QuoteExtractor) -> float:
    results = extractor.extract_many([a.text for a in articles])
    totals = Totals()
    for article, quotes in zip(articles, results, strict=True):
        totals.add(
            score_article(
                article.text, article.gold, bench_quotes.from_quotes(quotes, article.text)
            )
        )
    return totals.scores["who_said_what"]["all"].f1()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--tune", type=int, default=100)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    path = args.eval_dir / "polnear" / "train.jsonl"
    if not path.exists():
        print(f"no PolNeAR training split under {args.eval_dir}; nothing to train on")
        return 0
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    raw = [json.loads(line) for line in path.open(encoding="utf-8")]
    tune_raw, train_raw = raw[: args.tune], raw[args.tune :]
    extractor = QuoteExtractor()
    xs, ys = samples(train_raw, extractor.nlp)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=0.3, max_iter=3000).fit(vectorizer.fit_transform(xs), ys)
    print(f"{len(ys)} candidate verbs, {sum(ys)} cues")
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.02  # smaller file, same decisions (checked on held-out training articles)
    }
    spec: dict[str, Any] = {"bias": float(model.intercept_[0]), "weights": weights}
    tune = bench_quotes.load_articles(path, len(tune_raw), None)
    cuemodel.use_model(None)
    best = (0.0, 0.5)
    print(f"shipped model, held-out train: who-said-what F1 {who_said_what(tune, extractor):.3f}")
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        cuemodel.use_model(cuemodel.CueModel({**spec, "threshold": threshold}))
        f1 = who_said_what(tune, extractor)
        print(f"threshold {threshold}: who-said-what F1 {f1:.3f}")
        best = max(best, (f1, threshold))
    cuemodel.use_model(None)
    spec["threshold"] = best[1]
    if args.write:
        spec["about"] = "presstrace cue filter; see scripts/train_cue_model.py"
        MODEL_PATH.write_text(json.dumps(spec, sort_keys=True, indent=0) + "\n")
        print(f"wrote {MODEL_PATH}: {len(weights)} weights, threshold {best[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
