"""How much the attribution vetter could still give: the extractor with a perfect vetter.

The vetter (``presstrace.quotes.vetting``) keeps or drops each indirect attribution built from
a verb the cue filter scores at least ``cue_floor``. This script runs the extractor on PolNeAR
three ways, one article at a time (so every run reads the articles alike):

- ``shipped``: the shipped vetter;
- ``oracle``: a vetter that keeps exactly the attributions that are right "who said what" (one
  gold attribution covered by 30% or more, with the right speaker), at the shipped floor;
- ``oracle, every verb``: the same from a floor of 0, every verb's attribution built.

The gap between the first two is what a better vetter could give at most with the rules as
they are; the third adds what a lower floor could. It is a ceiling, not a system: the oracle
reads the gold. Nothing is written.

    .venv/bin/python benchmarks/quotes_vetter_ceiling.py [--split dev|train] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import bench_quotes
from polnear_metric import GoldAttribution, Totals, right_reading, score_article
from presstrace.quotes import vetting
from presstrace.quotes.extract import QuoteExtractor


class OracleVetter(vetting.Vetter):
    """Keeps an attribution exactly when it is a right "who said what" of ``gold``."""

    def __init__(self, cue_floor: float) -> None:
        super().__init__({"bias": 0.0, "weights": {}, "threshold": 0.5, "cue_floor": cue_floor})
        self.gold: list[GoldAttribution] = []
        self.text = ""

    def probability(self, found: dict[str, float]) -> float:
        # The extractor records (features, quote) just before it asks (``vetting.recorded``).
        assert vetting.recorded
        _, quote = vetting.recorded[-1]
        (prediction,) = bench_quotes.from_quotes([quote], self.text)
        return 1.0 if right_reading(self.gold, prediction) else 0.0


def run(articles: list[Any], vetter: vetting.Vetter | None) -> Totals:
    vetting.use_vetter(vetter)
    extractor = QuoteExtractor()
    totals = Totals()
    try:
        for article in articles:
            if isinstance(vetter, OracleVetter):
                vetter.gold, vetter.text = article.gold, article.text
            vetting.recorded = []
            (quotes,) = extractor.extract_many([article.text])
            totals.add(
                score_article(
                    article.text, article.gold, bench_quotes.from_quotes(quotes, article.text)
                )
            )
    finally:
        vetting.recorded = None
        vetting.use_vetter(None)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--eval-dir", type=Path, default=bench_quotes.REPO_ROOT.parent / "shared" / "eval"
    )
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    path = args.eval_dir / "polnear" / f"{args.split}.jsonl"
    if not path.is_file():
        print(f"skipping: PolNeAR evaluation data not found at {path}")
        return 0
    shipped = vetting.current()
    if shipped is None:
        print("no shipped vetter (attribution_model.json) to compare with", file=sys.stderr)
        return 2
    articles = bench_quotes.load_articles(path, args.limit, None)
    print(f"PolNeAR {args.split}: {len(articles)} articles, one at a time")
    for name, vetter in (
        ("shipped", shipped),
        (f"oracle, floor {shipped.cue_floor}", OracleVetter(shipped.cue_floor)),
        ("oracle, every verb", OracleVetter(0.0)),
    ):
        scores = run(articles, vetter).scores["who_said_what"]
        print(
            f"{name:>22}: who-said-what "
            + "  ".join(
                f"{split} {scores[split].f1():.4f} ({scores[split].tp} right"
                f" of {scores[split].n_pred})"
                for split in ("all", "direct", "indirect")
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
