"""Train the quotes stage's sequence tagger (``attribution_tagger.crfsuite`` in
``src/presstrace/quotes/``): a linear-chain CRF that tags cue, source and content tokens.

    pip install python-crfsuite   # a dependency of presstrace already
    python scripts/train_attribution_tagger.py [--eval-dir ../shared/eval] [--hold 100] [--write]

Uses only PolNeAR's *training* split. The feature rows are recorded from the extractor itself
(``tagger.recorded``), so training sees exactly the paragraphs, parses, entities and cue
scores the extractor tags at run time. Gold BIO labels come from the gold spans: a token in a
cue span is a cue, else in a source span a source, else in a content span a content (a nested
attribution's cue inside another's content is a cue).

Without ``--write`` the first ``--hold`` articles are held out: the CRF trains on the rest
and the script prints who-said-what on the held-out articles with and without the tagger.
With ``--write`` it trains on every training article and writes the model. The dev split is
never touched here; ``benchmarks/bench_quotes.py`` scores it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_quotes  # noqa: E402
from polnear_metric import Totals, score_article  # noqa: E402
from presstrace.quotes import tagger  # noqa: E402
from presstrace.quotes.extract import QuoteExtractor  # noqa: E402

MODEL_PATH = REPO / "src" / "presstrace" / "quotes" / tagger.MODEL_NAME


def labels(offsets: list[tuple[int, int]], gold: Sequence[Any]) -> list[str]:
    """BIO labels of a paragraph's tokens; a cue outranks a source, a source a content."""
    found = ["O"] * len(offsets)
    for role in ("content", "source", "cue"):
        for attribution in gold:
            for start, end in attribution.spans(role):
                first = True
                for k, (token_start, _) in enumerate(offsets):
                    if start <= token_start < end:
                        found[k] = ("B-" if first else "I-") + role
                        first = False
    return found


def record(extractor: QuoteExtractor, articles: list[Any]) -> list[tuple[int, Any, list[str]]]:
    """(article number, feature rows, labels) of every paragraph the extractor tags."""
    sequences = []
    tagger.use_tagger(False)
    try:
        for number, article in enumerate(articles):
            tagger.recorded = []
            extractor.extract(article.text)
            for rows, offsets in tagger.recorded:
                sequences.append((number, rows, labels(offsets, article.gold)))
    finally:
        tagger.recorded = None
        tagger.use_tagger(None)
    return sequences


def train(sequences: list[tuple[int, Any, list[str]]], path: Path, args: Any) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for _, rows, tags in sequences:
        trainer.append(rows, tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    start = time.perf_counter()
    trainer.train(str(path))
    print(f"trained on {len(sequences)} paragraphs in {time.perf_counter() - start:.0f} s")


def who_said_what(extractor: QuoteExtractor, articles: list[Any]) -> str:
    totals = Totals()
    predictions = extractor.extract_many([a.text for a in articles])
    for article, quotes in zip(articles, predictions, strict=True):
        preds = bench_quotes.from_quotes(quotes, article.text)
        totals.add(score_article(article.text, article.gold, preds))
    scores = totals.scores["who_said_what"]
    return "  ".join(
        f"{split} {scores[split].f1():.4f} ({scores[split].tp} right of {scores[split].n_pred})"
        for split in ("all", "direct", "indirect")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--hold", type=int, default=100, help="held-out training articles")
    parser.add_argument("--limit", type=int, default=None, help="training articles to read")
    parser.add_argument("--c1", type=float, default=1.0, help="L1 penalty (sparser model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--write", action="store_true", help=f"train on all, write {MODEL_PATH}")
    parser.add_argument("--keep", type=Path, default=None, help="keep the held-out model here")
    args = parser.parse_args(argv)

    path = args.eval_dir / "polnear" / "train.jsonl"
    articles = bench_quotes.load_articles(path, args.limit, None)
    extractor = QuoteExtractor()
    sequences = record(extractor, articles)
    print(f"{len(articles)} articles, {len(sequences)} tagged paragraphs")
    if args.write:
        train(sequences, MODEL_PATH, args)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB)")
        return 0
    held = articles[: args.hold]
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / tagger.MODEL_NAME
        train([s for s in sequences if s[0] >= args.hold], candidate, args)
        if args.keep is not None:
            args.keep.write_bytes(candidate.read_bytes())
        tagger.use_tagger(False)
        print("rules alone   ", who_said_what(extractor, held))
        tagger.use_tagger(tagger.AttributionTagger(str(candidate)))
        print("with tagger   ", who_said_what(extractor, held))
        tagger.use_tagger(None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
