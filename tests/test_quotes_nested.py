"""An attribution inside another's words: the outer one, the report, is kept."""

from __future__ import annotations

import pytest

from presstrace.quotes import Quote
from presstrace.quotes.extract import QuoteExtractor
from presstrace.quotes.model import Span
from presstrace.quotes.nested import outermost


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


def said(start: int, end: int, speaker: str, continues: int | None = None) -> Quote:
    return Quote(
        content=Span(start, end, "x" * (end - start)),
        kind="indirect",
        cue=None,
        source=None,
        speaker=speaker,
        continues=continues,
    )


def test_an_attribution_inside_another_goes() -> None:
    outer, inner, apart = said(0, 50, "Gazette"), said(10, 30, "Holm"), said(60, 80, "Okoye")
    assert outermost([inner, outer, apart]) == [outer, apart]


def test_overlapping_but_not_inside_both_stay() -> None:
    quotes = [said(0, 40, "Holm"), said(30, 70, "Okoye")]
    assert outermost(quotes) == quotes


def test_of_two_with_the_same_words_the_first_stays() -> None:
    first, second = said(5, 25, "Holm"), said(5, 25, "Okoye")
    assert outermost([first, second]) == [first]


def test_a_chain_is_judged_whole_and_renumbered() -> None:
    dropped = said(12, 20, "Marsh")
    # Holm's "A ... B" in two passages; only one passage lies inside the Gazette's report
    start, rest = said(30, 40, "Holm"), said(90, 100, "Holm", continues=2)
    report = said(0, 60, "Gazette")
    out = outermost([dropped, report, start, rest])
    assert [q.speaker for q in out] == ["Gazette", "Holm", "Holm"]
    assert out[2].continues == 1  # was 2 before Marsh's reading went
    # the same chain with both passages inside the report goes whole
    inside = [report, said(30, 40, "Holm"), said(45, 55, "Holm", continues=1)]
    assert outermost(inside) == [report]


def test_the_extractor_keeps_the_report_not_the_reading_inside_it(
    extractor: QuoteExtractor,
) -> None:
    text = "The board said the council's claim that the ferry would run was false."
    (quote,) = extractor.extract(text)
    assert quote.speaker == "board"
    assert quote.content.text == "the council's claim that the ferry would run was false"


def test_quoted_words_stay_their_speakers_beside_the_report_of_them(
    extractor: QuoteExtractor,
) -> None:
    text = "“The figures are wrong,” Holm told the board, according to a transcript."
    said = {q.speaker: q.content.text for q in extractor.extract(text)}
    assert said == {
        "Holm": "The figures are wrong,",
        "transcript": "“The figures are wrong,” Holm told the board",
    }
