"""The attribution vetter: its features, exact inference, and what a dropped finding leaves."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from importlib.resources import files

import pytest

from presstrace.quotes import cuemodel, tagger, vetting
from presstrace.quotes.extract import QuoteExtractor


def _vetter(bias: float, floor: float = 0.4, **weights: float) -> vetting.Vetter:
    return vetting.Vetter({"bias": bias, "weights": weights, "threshold": 0.5, "cue_floor": floor})


@pytest.fixture
def restore() -> Iterator[None]:
    # The sequence tagger would find again what a vetter here drops: these tests are about
    # the vetter alone.
    tagger.use_tagger(False)
    yield
    vetting.use_vetter(None)
    vetting.recorded = None
    tagger.use_tagger(None)


def test_probability_counts_numeric_features() -> None:
    vetter = _vetter(-1.0, cue_logit=0.5, **{"clause=True": 2.0})
    found = {"cue_logit": 3.0, "clause=True": 1.0, "unseen": 1.0}
    assert vetter.probability(found) == pytest.approx(1 / (1 + math.exp(-2.5)))


def test_shipped_vetter_is_numbers_over_feature_names() -> None:
    resource = files("presstrace.quotes") / "attribution_model.json"
    spec = json.loads(resource.read_text())
    assert 0 < spec["threshold"] < 1 and 0 < spec["cue_floor"] < 1
    assert all(isinstance(w, float) for w in spec["weights"].values())
    # A clause with a subject of its own is what reported speech reports.
    assert spec["weights"].get("clause=True", 0.0) > spec["weights"].get("clause=False", 0.0)


def test_features_describe_the_finished_attribution(restore: None) -> None:
    vetting.use_vetter(_vetter(30.0, floor=0.01))
    vetting.recorded = []
    text = "The council's lawyer argued that the contract had never been signed."
    (quote,) = QuoteExtractor().extract(text)
    assert quote.kind == "indirect" and quote.cue is not None and quote.cue.text == "argued"
    ((found, recorded),) = vetting.recorded
    assert recorded == quote
    assert {"lemma=argue", "opener=that", "clause=True", "link=ccomp", "content_after"} <= set(
        found
    )
    assert {"source=some", "source_before", "source_pos=NOUN"} <= set(found)
    assert isinstance(found["cue_logit"], float)


def test_a_vetter_that_rejects_drops_indirect_attributions_only(restore: None) -> None:
    text = (
        "The mayor said that the bridge would reopen in June.\n\n"
        "“We will be ready,” the mayor said."
    )
    vetting.use_vetter(_vetter(-50.0))
    kinds = [q.kind for q in QuoteExtractor().extract(text)]
    assert kinds == ["direct"]  # a quote in quote marks is kept by its cue, as before
    vetting.use_vetter(False)
    assert [q.kind for q in QuoteExtractor().extract(text)] == ["indirect", "direct"]


def test_a_dropped_attribution_leaves_no_speaker_behind(restore: None) -> None:
    # Rejected, "Nurses" must not become the "they" of the next paragraph.
    text = (
        "Council members said the plan was sound.\n\n"
        "Nurses argued that wages had fallen.\n\n"
        "“It will pass,” they said."
    )
    vetting.use_vetter(False)
    quotes = QuoteExtractor().extract(text)
    assert [q.speaker for q in quotes][-1] == "Nurses"
    vetting.use_vetter(_vetter(-50.0))
    (direct,) = QuoteExtractor().extract(text)
    # Both indirect reports are rejected, so nobody is left for "they".
    assert direct.speaker is None


def test_without_a_vetter_the_cue_filter_alone_decides(restore: None) -> None:
    text = "The mayor said that the bridge would reopen in June."
    vetting.use_vetter(False)
    cuemodel.use_model(cuemodel.CueModel({"bias": -50.0, "weights": {}}))
    try:
        assert QuoteExtractor().extract(text) == []
    finally:
        cuemodel.use_model(None)
