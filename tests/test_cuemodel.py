"""The learned cue filter: exact inference, the shipped weights, the lexicon as fallback."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from presstrace.quotes import cuemodel
from presstrace.quotes.extract import QuoteExtractor
from presstrace.quotes.nlp import load_english


def test_probability_is_a_logistic_of_the_active_weights() -> None:
    model = cuemodel.CueModel({"bias": -1.0, "weights": {"lemma=say": 3.0, "dep=ROOT": 0.5}})
    assert model.probability(["lemma=say", "dep=ROOT", "unknown"]) == pytest.approx(
        1 / (1 + math.exp(-2.5))
    )
    assert model.probability([]) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_shipped_weights_are_numbers_over_feature_names() -> None:
    spec = json.loads((files("presstrace.quotes") / "cue_model.json").read_text())
    assert 0 < spec["threshold"] < 1
    assert all(isinstance(w, float) for w in spec["weights"].values())
    assert spec["weights"]["lemma=say"] > 0  # "said" is the cue of news


def test_candidates_and_features() -> None:
    doc = load_english()("She hinted that the vote would move, and the mayor laughed.")
    by_text = {t.text: t for t in doc}
    # Every verb is a candidate; the shipped model keeps the attributing one.
    assert cuemodel.is_candidate(by_text["hinted"]) and cuemodel.is_candidate(by_text["laughed"])
    assert not cuemodel.is_candidate(by_text["vote"])
    model = cuemodel.current()
    assert model is not None
    assert model.keep(by_text["hinted"]) and not model.keep(by_text["laughed"])
    names = cuemodel.features(by_text["hinted"])
    assert "lemma=hint" in names and "child=ccomp" in names and "subject_word=she" in names


def test_the_preposition_is_a_feature() -> None:
    doc = load_english()("The senator called for an inquiry into the contract.")
    called = next(t for t in doc if t.text == "called")
    assert {"prep=for", "lemma+prep=call|for"} <= set(cuemodel.features(called))


def test_a_model_that_rejects_every_cue_finds_no_attribution() -> None:
    text = "The mayor said that the bridge would reopen in June."
    cuemodel.use_model(cuemodel.CueModel({"bias": -50.0, "weights": {}}))
    try:
        assert QuoteExtractor().extract(text) == []
    finally:
        cuemodel.use_model(None)
    assert [q.cue.text for q in QuoteExtractor().extract(text) if q.cue] == ["said"]
