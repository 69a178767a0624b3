"""The cleaner's learned stage: exact inference, and the rules' guarantees it cannot break."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from presstrace.clean import CleanOptions, clean_plaintext, linemodel
from presstrace.clean.plaintext import apply_rules


def spec(trees: list[dict[str, list[float]]], init: float = 0.0) -> dict[str, object]:
    return {
        "features": list(linemodel.FEATURE_NAMES),
        "init": init,
        "learning_rate": 0.5,
        "trees": trees,
    }


def stump(feature: int, threshold: float, low: float, high: float) -> dict[str, list[float]]:
    return {
        "left": [1, -1, -1],
        "right": [2, -1, -1],
        "feature": [feature, 0, 0],
        "threshold": [threshold, 0.0, 0.0],
        "value": [0.0, low, high],
    }


def test_tree_ensemble_inference_by_hand() -> None:
    words = linemodel.FEATURE_NAMES.index("log_words")
    model = linemodel.TreeEnsemble(spec([stump(words, 2.0, -4.0, 4.0)], init=1.0))
    row = [0.0] * len(linemodel.FEATURE_NAMES)
    assert model.probability(row) == pytest.approx(1 / (1 + math.exp(-(1.0 + 0.5 * -4.0))))
    row[words] = 3.0
    assert model.probability(row) == pytest.approx(1 / (1 + math.exp(-(1.0 + 0.5 * 4.0))))


def test_a_model_for_other_features_is_refused() -> None:
    bad = spec([])
    bad["features"] = ["something", "else"]
    with pytest.raises(ValueError, match="retrain"):
        linemodel.TreeEnsemble(bad)


def test_shipped_model_matches_the_feature_list() -> None:
    shipped = json.loads((files("presstrace.clean") / "line_model.json").read_text())
    assert tuple(shipped["features"]) == linemodel.FEATURE_NAMES
    assert shipped["trees"], "the shipped model has no trees"
    assert "text" not in json.dumps(shipped["trees"])  # numbers only


PAGE = "\n".join(
    [
        "Harbour closes after storm | The Alden Gazette",
        "Home",
        "News",
        "Harbour closes after storm",
        "By Lena Ortiz",
        "The harbour authority said on Monday that it would close the northern quay for three "
        "weeks while engineers repair storm damage to the sea wall near the old lighthouse.",
        "Advertisement",
        "Fishermen said the closure came at the worst time of the year, when catches are highest, "
        "and asked the town council for compensation before the spring season begins.",
        "Sign up for our newsletter",
        "© 2024 The Alden Gazette. All rights reserved.",
        "3 Comments",
        "This is a long reader comment that goes on about the harbour and the council and how "
        "nothing ever changes in this town, which is what every reader comment says anyway.",
    ]
)


def test_the_model_cannot_overturn_furniture_comments_or_the_header() -> None:
    always_keep = linemodel.TreeEnsemble(spec([], init=50.0))  # says "body" to everything
    linemodel.use_model(always_keep)
    try:
        result = clean_plaintext(PAGE)
    finally:
        linemodel.use_model(None)
    kept = {d.text for d in result.lines if d.keep}
    assert "Advertisement" not in kept
    assert "Sign up for our newsletter" not in kept
    assert not any("reader comment" in line for line in kept)
    assert not any(line.startswith("©") for line in kept)
    assert result.title == "Harbour closes after storm"
    assert result.byline == "Lena Ortiz"
    # What it may do: overturn the rules where no pattern decided, e.g. a bare menu word.
    assert "News" in kept
    assert "Home" not in kept  # a navigation pattern: fixed


def test_model_off_gives_the_rules_alone() -> None:
    rules = apply_rules(PAGE, CleanOptions())
    body = [ln.text for ln in rules.lines if rules.keep[ln.index]]
    result = clean_plaintext(PAGE, CleanOptions(use_model=False, detect_header=False))
    assert result.text == "\n\n".join(body)


def test_features_have_one_row_per_nonblank_line() -> None:
    rules = apply_rules(PAGE + "\n\n\u200b\n", CleanOptions())
    rows = linemodel.line_features(rules)
    assert len(rows) == len(rules.lines)
    for line, row in zip(rules.lines, rows, strict=True):
        assert (row is None) == (line.feat is None)
        if row is not None:
            assert len(row) == len(linemodel.FEATURE_NAMES)
            assert all(math.isfinite(v) for v in row)
