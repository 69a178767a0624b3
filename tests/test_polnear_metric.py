"""The PolNeAR quote metrics (benchmarks/polnear_metric.py) on tiny hand-made articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The metric lives with the benchmark scripts, which run with benchmarks/ on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from polnear_metric import (
    Counts,
    GoldAttribution,
    Prediction,
    Totals,
    chars,
    coverage,
    exact_counts,
    match_quotes,
    normalise_name,
    score_article,
    speaker_right,
    trim_span,
)

TEXT = (
    "Mayor Ann Lee said: “We will rebuild the bridge by June.” "
    "The council said that the budget was too small. "
    "Critics worry about costs, the paper reported."
)


def at(sub: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def gold(
    content: list[str],
    source: tuple[str, ...] = (),
    cue: tuple[str, ...] = (),
    *,
    direct: bool = False,
) -> GoldAttribution:
    return GoldAttribution(
        source=tuple(at(s) for s in source),
        cue=tuple(at(c) for c in cue),
        content=tuple(at(c) for c in content),
        direct=direct,
        source_text=" ".join(source),
    )


def pred(
    content: str | tuple[int, int],
    source: str | None = None,
    cue: str | None = None,
    *,
    direct: bool = False,
    speaker: str | None = None,
) -> Prediction:
    return Prediction(
        content=(at(content) if isinstance(content, str) else content,),
        direct=direct,
        cue=None if cue is None else at(cue),
        source=None if source is None else at(source),
        source_text=source,
        speaker=speaker,
    )


MAYOR = gold(["“We will rebuild the bridge by June.”"], ("Mayor Ann Lee",), ("said:",), direct=True)
COUNCIL = gold(["that the budget was too small"], ("The council",), ("said",))


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The White House,", "white house"),
        ("  a   spokesman ", "spokesman"),
        ("U.S. officials", "us officials"),
        ("Theresa May", "theresa may"),  # "the" only as a whole word
        ("an aide", "aide"),
    ],
)
def test_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


def test_coverage_is_share_of_gold_characters() -> None:
    gold_chars = frozenset(range(10, 20))
    assert coverage(gold_chars, [(10, 20)]) == 1.0
    assert coverage(gold_chars, [(0, 100)]) == 1.0  # a longer prediction is not penalised
    assert coverage(gold_chars, [(15, 30)]) == 0.5
    assert coverage(gold_chars, [(20, 30)]) == 0.0
    assert coverage(frozenset(), [(0, 5)]) == 0.0


def test_trim_content_quote_marks_and_end_punctuation_only() -> None:
    text = " “We will win,” he said; he said   "
    start, end = trim_span(text, at("“We will win,”", text), "content") or (0, 0)
    assert text[start:end] == "We will win"
    # Sources and cues lose only whitespace; trailing punctuation stays.
    start, end = trim_span(text, (text.index("he said;"), text.index("he said;") + 9), "cue") or (
        0,
        0,
    )
    assert text[start:end] == "he said;"
    assert trim_span(text, (len(text) - 3, len(text)), "source") is None


# ---------------------------------------------------------------- quote matching


def test_threshold_is_inclusive() -> None:
    g10 = GoldAttribution(source=(), cue=(), content=((0, 10),), direct=False)
    assert match_quotes([g10], [pred((7, 10))], 0.3) == [(0, 0)]  # 3/10 = 0.3 exactly
    assert match_quotes([g10], [pred((8, 10))], 0.3) == []
    assert match_quotes([g10], [pred((2, 10))], 0.8) == [(0, 0)]
    assert match_quotes([g10], [pred((3, 10))], 0.8) == []


def test_matching_is_one_to_one_largest_coverage_first() -> None:
    a = GoldAttribution(source=(), cue=(), content=((0, 10),), direct=False)
    b = GoldAttribution(source=(), cue=(), content=((10, 20),), direct=False)
    wide = pred((0, 14))  # covers a fully, b 40%
    narrow = pred((12, 20))  # covers b 80%
    # wide goes to a (100%), narrow to b; a single prediction cannot take both.
    assert match_quotes([a, b], [narrow, wide], 0.3) == [(0, 1), (1, 0)]
    assert match_quotes([a, b], [wide], 0.3) == [(0, 0)]
    # Taking pairs in document order would give `a` the first prediction (60%) and leave `b`
    # without one; largest coverage first pairs b with it (100%) and a with the other (80%).
    assert match_quotes([a, b], [pred((4, 20)), pred((0, 8))], 0.3) == [(0, 1), (1, 0)]
    # Two predictions, one gold: one match, the other prediction is a false positive.
    scores = score_article("x" * 20, [a], [pred((0, 10)), pred((0, 9))])
    counts = scores["quote@0.3"]["all"]
    assert (counts.tp, counts.n_pred, counts.n_gold) == (1, 2, 1)


def test_gold_content_is_the_union_of_its_spans() -> None:
    g = GoldAttribution(source=(), cue=(), content=((0, 10), (20, 30)), direct=False)
    assert match_quotes([g], [pred((0, 10))], 0.3) == [(0, 0)]  # 50%
    assert match_quotes([g], [pred((0, 10))], 0.8) == []
    assert match_quotes([g], [pred((0, 30))], 0.8) == [(0, 0)]


# ---------------------------------------------------------------- who said what


def test_speaker_by_overlap_or_by_normalised_name() -> None:
    content = "We will rebuild the bridge by June."
    assert speaker_right(MAYOR, pred(content, "Ann Lee"))  # overlaps "Mayor Ann Lee"
    assert not speaker_right(MAYOR, pred(content, "The council"))
    assert not speaker_right(MAYOR, pred(content))
    # A source found elsewhere in the text still counts when the name is the same.
    elsewhere = Prediction(
        content=(at(content),), direct=True, source=(0, 0), speaker="mayor ann lee."
    )
    assert speaker_right(MAYOR, elsewhere)
    assert speaker_right(COUNCIL, pred("the budget was too small", speaker="council"))


def test_no_source_gold_needs_no_source_prediction() -> None:
    floating = gold(["Critics worry about costs"])
    assert speaker_right(floating, pred("Critics worry about costs"))
    assert not speaker_right(floating, pred("Critics worry about costs", "the paper"))


def test_who_said_what_needs_the_speaker_and_prefers_the_right_one() -> None:
    content = "We will rebuild the bridge by June."
    wrong = pred(content, "The council", direct=True)
    scores = score_article(TEXT, [MAYOR], [wrong])
    assert scores["quote@0.3"]["all"].tp == 1
    assert scores["quote@0.3"]["all"].speaker_right == 0
    assert scores["who_said_what"]["all"].tp == 0
    # A right-speaker prediction covering less is not crowded out by a wrong one covering more.
    right = pred("We will rebuild the bridge", "Mayor Ann Lee", direct=True)
    scores = score_article(TEXT, [MAYOR], [wrong, right])
    wsw = scores["who_said_what"]["all"]
    assert (wsw.tp, wsw.n_pred, wsw.n_gold) == (1, 2, 1)


def test_gold_without_content_is_not_a_quote() -> None:
    empty = GoldAttribution(
        source=(at("The council"),), cue=(at("said"),), content=(), direct=False
    )
    scores = score_article(TEXT, [COUNCIL, empty], [])
    assert scores["quote@0.3"]["all"].n_gold == 1
    assert scores["exact_source"]["all"].n_gold == 1  # same span as COUNCIL's source: one item


# ---------------------------------------------------------------- splits


def test_splits_by_gold_quote_marks_and_predicted_kind() -> None:
    direct_pred = pred("We will rebuild the bridge by June.", "Mayor Ann Lee", direct=True)
    mixed_pred = pred("that the budget was too small", "The council", direct=False)
    scores = score_article(TEXT, [MAYOR, COUNCIL], [direct_pred, mixed_pred])
    for split in ("all", "direct", "indirect"):
        counts = scores["who_said_what"][split]
        expected = (2, 2, 2) if split == "all" else (1, 1, 1)
        assert (counts.tp, counts.n_pred, counts.n_gold) == expected
    # A direct gold found by a non-direct prediction: a hit in "all" only.
    scores = score_article(TEXT, [MAYOR], [pred("We will rebuild the bridge by June.")])
    assert scores["quote@0.3"]["all"].tp == 1
    direct, indirect = scores["quote@0.3"]["direct"], scores["quote@0.3"]["indirect"]
    assert (direct.tp, direct.n_pred, direct.n_gold) == (0, 0, 1)
    assert (indirect.tp, indirect.n_pred, indirect.n_gold) == (0, 1, 0)


# ---------------------------------------------------------------- exact spans


def test_exact_spans_trim_content_the_same_way_on_both_sides() -> None:
    p = pred("We will rebuild the bridge by June", "Mayor Ann Lee", "said", direct=True)
    assert exact_counts(TEXT, [MAYOR], [p], "content") == Counts(tp=1, n_pred=1, n_gold=1)
    # Untrimmed (CofeNet as published), the quote marks make them differ.
    assert exact_counts(TEXT, [MAYOR], [p], "content", trim=False).tp == 0
    assert exact_counts(TEXT, [MAYOR], [p], "source").tp == 1
    # "said:" vs "said": cues keep their punctuation, so this is a miss.
    assert exact_counts(TEXT, [MAYOR], [p], "cue") == Counts(tp=0, n_pred=1, n_gold=1)


def test_exact_spans_discontinuous_gold_is_several_items() -> None:
    g = gold(["We will rebuild", "by June"], ("Mayor Ann Lee",))
    one = exact_counts(TEXT, [g], [pred("We will rebuild")], "content")
    assert one == Counts(tp=1, n_pred=1, n_gold=2)
    # Source missing from the prediction: a miss, and no prediction to count.
    assert exact_counts(TEXT, [g], [pred("We will rebuild")], "source") == Counts(0, 0, 1)


# ---------------------------------------------------------------- pooling


def test_micro_average_pools_counts_over_articles() -> None:
    totals = Totals()
    g10 = GoldAttribution(source=(), cue=(), content=((0, 10),), direct=False)
    # Article 1: 1 gold found with 1 prediction. Article 2: 3 golds, nothing predicted.
    totals.add(score_article("x" * 40, [g10], [pred((0, 10))]))
    golds = [
        GoldAttribution(source=(), cue=(), content=((i, i + 10),), direct=False)
        for i in (0, 10, 20)
    ]
    totals.add(score_article("x" * 40, golds, []))
    counts = totals.scores["quote@0.3"]["all"]
    assert totals.articles == 2
    assert counts.precision() == 1.0
    assert counts.recall() == 0.25  # 1 of 4, not the mean of 1.0 and 0.0
    assert counts.f1() == pytest.approx(0.4)
    assert Counts().f1() == 0.0


def test_a_prediction_in_two_passages_covers_a_discontinuous_gold_quote() -> None:
    text_a, text_b = "We will rebuild", "the bridge by June."
    both = GoldAttribution(source=(), cue=(), content=(at(text_a), at(text_b)), direct=True)
    one_part = Prediction(content=(at(text_b),), direct=True)
    two_parts = Prediction(content=(at(text_a), at(text_b)), direct=True)
    gold_chars = chars(both.content)
    assert coverage(gold_chars, two_parts.content) == 1.0
    assert coverage(gold_chars, one_part.content) < 0.8
    assert match_quotes([both], [two_parts], 0.8) == [(0, 0)]
    assert match_quotes([both], [one_part], 0.8) == []


def test_predictions_follow_polnear_conventions() -> None:
    # bench_quotes maps a quote to PolNeAR's passages: marks kept on direct quotes, and an
    # aside's content cut around the cue and speaker inside it.
    from bench_quotes import from_quotes
    from presstrace.quotes import Quote
    from presstrace.quotes.model import Span

    text = "The quay, Marsh said, would reopen. “It is safe,” she added."

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    aside = Quote(
        span("The quay, Marsh said, would reopen"), "indirect", span("said"), span("Marsh"), "Marsh"
    )
    direct = Quote(span("It is safe,"), "direct", span("added"), span("she"), "Marsh")
    first, second = from_quotes([aside, direct], text)
    assert [text[a:b] for a, b in first.content] == ["The quay", "would reopen"]
    assert [text[a:b] for a, b in second.content] == ["“It is safe,”"]
    assert second.direct and not first.direct


def test_oracle_vetter_keeps_exactly_the_right_readings() -> None:
    # benchmarks/quotes_vetter_ceiling.py: the ceiling is only as good as this judgement.
    from presstrace.quotes import Quote, Span, vetting
    from quotes_vetter_ceiling import OracleVetter

    def reading(source: str) -> Quote:
        content = at("the budget was too small")
        src = at(source)
        return Quote(
            Span(*content, "the budget was too small"),
            "indirect",
            Span(*at("said that"), "said"),
            Span(*src, source),
            source,
        )

    oracle = OracleVetter(0.15)
    oracle.text = TEXT
    oracle.gold = [gold(["the budget was too small"], ("The council",))]
    try:
        vetting.recorded = [({}, reading("The council"))]
        assert oracle.probability({}) == 1.0
        vetting.recorded = [({}, reading("Critics"))]  # the words found, the speaker wrong
        assert oracle.probability({}) == 0.0
    finally:
        vetting.recorded = None
