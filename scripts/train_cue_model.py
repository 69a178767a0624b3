"""Train the quotes stage's two filters: the cue filter (``cue_model.json``) and the
attribution vetter (``attribution_model.json``), both in ``src/presstrace/quotes/``.

    pip install scikit-learn   # training only
    python scripts/train_cue_model.py [--eval-dir ../shared/eval] [--tune 100] [--write]

Uses only PolNeAR's *training* split: the first ``--tune`` articles are held out to choose the
thresholds (by who-said-what F1 from ``benchmarks/polnear_metric.py``), the rest train

1. a logistic regression over ``cuemodel.features`` of every candidate verb, labelled by whether
   the verb lies in a gold cue span;
2. a logistic regression over ``vetting.features`` of every indirect attribution the extractor
   builds from verbs scoring at least ``--floor``, labelled by whether it is a right "who said
   what" (a gold attribution it covers by 30% with the right speaker). The cue scores it sees
   come from cue models trained on the *other* half of the training articles (two-fold
   cross-fitting), so the vetter learns how far to trust a score on articles the cue filter
   has not seen.

The dev split is never touched here; ``benchmarks/bench_quotes.py`` scores it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_quotes  # noqa: E402
from polnear_metric import Totals, right_reading, score_article  # noqa: E402
from presstrace.quotes import cuemodel, vetting  # noqa: E402
from presstrace.quotes.extract import QuoteExtractor  # noqa: E402
from presstrace.quotes.marks import find_quoted  # noqa: E402

MODEL_PATH = REPO / "src" / "presstrace" / "quotes" / "cue_model.json"
VETTER_PATH = REPO / "src" / "presstrace" / "quotes" / "attribution_model.json"
#: Vetter weights smaller than this are left out of the file (same decisions, smaller file).
_SMALL = 0.02


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


def fit(xs: Sequence[Mapping[str, float]], ys: list[int]) -> dict[str, Any]:
    """A logistic regression's bias and weights (both filters are one, over named features)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    model = LogisticRegression(C=0.3, max_iter=5000).fit(vectorizer.fit_transform(xs), ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= _SMALL
    }
    return {"bias": float(model.intercept_[0]), "weights": weights}


def vetting_samples(
    articles: list[Any], extractor: QuoteExtractor, floor: float
) -> tuple[list[dict[str, float]], list[int]]:
    """Every indirect attribution built from a verb scoring ``floor`` or more, with its label."""
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    vetting.use_vetter(
        vetting.Vetter({"bias": 30.0, "weights": {}, "threshold": 0.0, "cue_floor": floor})
    )
    try:
        for article in articles:
            vetting.recorded = []
            extractor.extract_many([article.text])
            for found, quote in vetting.recorded:
                (prediction,) = bench_quotes.from_quotes([quote], article.text)
                xs.append(found)
                ys.append(int(right_reading(article.gold, prediction)))
    finally:
        vetting.recorded = None
        vetting.use_vetter(None)
    return xs, ys


def choose_cue_threshold(spec: dict[str, Any], tune: list[Any], extractor: QuoteExtractor) -> None:
    """Set ``spec["threshold"]`` to the one scoring best on the held-out articles."""
    cuemodel.use_model(None)
    vetting.use_vetter(False)
    best = (0.0, 0.5)
    print(f"shipped cue filter alone, held-out train: F1 {who_said_what(tune, extractor):.3f}")
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        cuemodel.use_model(cuemodel.CueModel({**spec, "threshold": threshold}))
        f1 = who_said_what(tune, extractor)
        print(f"cue threshold {threshold}: who-said-what F1 {f1:.3f}")
        best = max(best, (f1, threshold))
    spec["threshold"] = best[1]


def train_vetter(
    training: list[Any], train_raw: list[dict[str, Any]], spec: dict[str, Any], floor: float
) -> dict[str, Any]:
    """The vetter, on cue scores from cue models that did not see the article (two folds)."""
    extractor = QuoteExtractor()
    vet_x: list[dict[str, float]] = []
    vet_y: list[int] = []
    for k, half in enumerate((training[::2], training[1::2])):
        other = [row for n, row in enumerate(train_raw) if n % 2 != k]
        fold = fit(*samples(other, extractor.nlp))
        cuemodel.use_model(cuemodel.CueModel({**fold, "threshold": spec["threshold"]}))
        x, y = vetting_samples(half, extractor, floor)
        vet_x += x
        vet_y += y
    print(f"{len(vet_y)} indirect attributions to vet, {sum(vet_y)} right")
    return fit(vet_x, vet_y)


def choose_vetting(
    vet: dict[str, Any], spec: dict[str, Any], tune: list[Any], floor: float
) -> None:
    """Set the vetter's threshold and cue floor to the pair scoring best on held-out articles."""
    extractor = QuoteExtractor()
    cuemodel.use_model(cuemodel.CueModel(spec))
    # Best F1 to three decimals; on a tie the higher floor, which builds fewer attributions.
    chosen = (0.0, floor, 0.5)
    for lowest in sorted({floor, 0.25, spec["threshold"]}):
        for threshold in (0.35, 0.4, 0.45, 0.5, 0.55):
            vetting.use_vetter(vetting.Vetter({**vet, "threshold": threshold, "cue_floor": lowest}))
            f1 = who_said_what(tune, extractor)
            print(f"vetted from cue score {lowest}, threshold {threshold}: F1 {f1:.3f}")
            chosen = max(chosen, (round(f1, 3), lowest, threshold))
    vetting.use_vetter(None)
    cuemodel.use_model(None)
    vet["cue_floor"], vet["threshold"] = chosen[1], chosen[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--tune", type=int, default=100)
    parser.add_argument("--floor", type=float, default=0.15, help="lowest cue score vetted")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    path = args.eval_dir / "polnear" / "train.jsonl"
    if not path.exists():
        print(f"no PolNeAR training split under {args.eval_dir}; nothing to train on")
        return 0

    raw = [json.loads(line) for line in path.open(encoding="utf-8")]
    train_raw = raw[args.tune :]
    extractor = QuoteExtractor()
    xs, ys = samples(train_raw, extractor.nlp)
    print(f"{len(ys)} candidate verbs, {sum(ys)} cues")
    spec = fit(xs, ys)
    articles = bench_quotes.load_articles(path, None, None)
    tune, training = articles[: args.tune], articles[args.tune :]
    choose_cue_threshold(spec, tune, extractor)
    vet = train_vetter(training, train_raw, spec, args.floor)
    choose_vetting(vet, spec, tune, args.floor)
    if args.write:
        spec["about"] = "presstrace cue filter; see scripts/train_cue_model.py"
        MODEL_PATH.write_text(json.dumps(spec, sort_keys=True, indent=0) + "\n")
        print(f"wrote {MODEL_PATH}: {len(spec['weights'])} weights, threshold {spec['threshold']}")
        vet["about"] = "presstrace attribution vetter; see scripts/train_cue_model.py"
        VETTER_PATH.write_text(json.dumps(vet, sort_keys=True, indent=0) + "\n")
        print(
            f"wrote {VETTER_PATH}: {len(vet['weights'])} weights,"
            f" threshold {vet['threshold']}, cue floor {vet['cue_floor']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
