"""The sequence tagger: decoding BIO tags into attributions, its features, and how the
extractor takes what it tags (only what the rules did not find, with a resolved speaker)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from presstrace.quotes import extract, tagger
from presstrace.quotes.extract import QuoteExtractor

pycrfsuite = pytest.importorskip("pycrfsuite")


@pytest.fixture
def restore() -> Iterator[None]:
    yield
    tagger.use_tagger(None)
    tagger.recorded = None


def test_decode_gives_each_cue_its_nearest_content_and_source() -> None:
    tags = ["B-source", "I-source", "B-cue", "B-content", "I-content", "O"]
    tags += ["B-source", "B-cue", "I-cue", "B-content", "O"]
    assert tagger.decode(tags) == [
        tagger.Tagged(cue=(2, 3), content=((3, 5),), source=(0, 2)),
        tagger.Tagged(cue=(7, 9), content=((9, 10),), source=(6, 7)),
    ]


def test_decode_keeps_split_content_and_drops_a_cue_without_content() -> None:
    # "The plan, the mayor said, is dead" and a lone cue elsewhere.
    tags = ["B-content", "I-content", "O", "B-source", "B-cue", "O", "B-content", "I-content"]
    tags += ["O"] * 6 + ["B-cue"]
    (found,) = tagger.decode(tags)
    assert found.content == ((0, 2), (6, 8)) and found.source == (3, 4) and found.cue == (4, 5)


def test_a_run_may_start_with_an_inside_tag() -> None:
    assert tagger.decode(["I-cue", "I-content", "I-content"]) == [
        tagger.Tagged(cue=(0, 1), content=((1, 3),), source=None)
    ]


def test_no_cue_no_attribution() -> None:
    assert tagger.decode(["B-source", "B-content", "I-content"]) == []


def _rows(extractor: QuoteExtractor, text: str) -> tuple[list[list[str]], list[tuple[int, int]]]:
    tagger.use_tagger(False)
    tagger.recorded = []
    extractor.extract(text)
    ((rows, offsets),) = tagger.recorded
    return rows, offsets


def _use_tiny_model(rows: list[list[str]], labels: list[str], tmp_path: Path) -> None:
    """Train a CRF on one paragraph's tags and make it the extractor's tagger."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(rows, labels)
    trainer.set_params({"c2": 0.001, "max_iterations": 50, "feature.possible_transitions": True})
    model = tmp_path / "tiny.crfsuite"
    trainer.train(str(model))
    tagger.recorded = None
    tagger.use_tagger(tagger.AttributionTagger(str(model)))


def test_features_name_the_word_and_the_likely_cue_above_it(restore: None) -> None:
    extractor = QuoteExtractor()
    text = "Okoye said the harbour would close."
    rows, offsets = _rows(extractor, text)
    assert [text[a:b] for a, b in offsets][:3] == ["Okoye", "said", "the"]
    assert "w=said" in rows[1] and "self_cue" in rows[1]
    # "harbour" hangs on "close", the clause "said" governs; the path's last link is ccomp.
    assert "anc_cue=ccomp" in rows[3] and "anc_side=R" in rows[3]


def test_the_extractor_adds_what_the_tagger_finds_and_the_rules_missed(
    restore: None, tmp_path: Path
) -> None:
    # A stance with a noun for a cue, which no rule builds: a model trained on this one
    # sentence tags it, and the extractor turns the tags into an attribution.
    extractor = QuoteExtractor()
    text = "Mayor Dana Holm's support for the harbour bill surprised the council."
    rows, offsets = _rows(extractor, text)
    words = [text[a:b] for a, b in offsets]
    assert words[:9] == ["Mayor", "Dana", "Holm", "'s", "support", "for", "the", "harbour", "bill"]
    labels = ["O", "B-source", "I-source", "O", "B-cue", "I-cue", "B-content", "I-content"]
    labels += ["I-content"] + ["O"] * (len(words) - 9)
    _use_tiny_model(rows, labels, tmp_path)
    (quote,) = extractor.extract(text)
    assert quote.kind == "indirect" and quote.content.text == "the harbour bill"
    assert quote.cue is not None and quote.cue.text == "support for"
    assert quote.speaker == "Dana Holm"


def test_tagged_words_the_rules_already_attributed_are_not_taken_twice(
    restore: None, tmp_path: Path
) -> None:
    extractor = QuoteExtractor()
    text = "Okoye said the harbour would close."
    rows, _ = _rows(extractor, text)
    labels = ["B-source", "B-cue", "B-content", "I-content", "I-content", "I-content", "O"]
    _use_tiny_model(rows, labels[: len(rows)], tmp_path)
    said = [(q.cue.text if q.cue else None, q.content.text) for q in extractor.extract(text)]
    assert said == [("said", "the harbour would close")]


def test_the_shipped_tagger_finds_a_stance_no_rule_builds(restore: None) -> None:
    text = "Okoye has come out in support of the harbour bill."
    extractor = QuoteExtractor()
    tagger.use_tagger(False)
    assert extractor.extract(text) == []
    tagger.use_tagger(None)
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.content.text) == ("Okoye", "the harbour bill")
    assert quote.cue is not None and "support" in quote.cue.text


@pytest.mark.parametrize(
    ("sentence", "head", "kind", "holds"),
    [
        ("The crackdown sparked outrage.", 1, "unnamed", False),  # a thing, not a someone
        ("The mayor backed the plan.", 1, "unnamed", True),  # a role noun
        ("Okoye backed the plan.", 0, "unnamed", True),  # a name, whatever its tag
        ("It backed the plan.", 0, "unknown", False),  # a pronoun nobody stands for
        ("Computers issued the names.", 0, "group", False),  # things, even many of them
        ("Fishermen backed the plan.", 0, "group", True),  # many people
    ],
)
def test_a_tagged_source_must_be_someone(sentence: str, head: int, kind: str, holds: bool) -> None:
    from presstrace.quotes import Quote, Span
    from presstrace.quotes.extract import _can_hold_a_view

    doc = QuoteExtractor().nlp(sentence)
    quote = Quote(Span(0, 1, "x"), "indirect", None, None, None, speaker_kind=kind)
    assert _can_hold_a_view(doc[head], quote) is holds


def test_a_tagged_speaker_before_the_rules_ones_is_not_the_next_she(
    restore: None, tmp_path: Path
) -> None:
    extractor = QuoteExtractor()
    first = "Dana Holm's support for the bill irked Ida Marsh, who said the vote was rigged."
    rows, offsets = _rows(extractor, first)
    words = [first[a:b] for a, b in offsets]
    assert words[:8] == ["Dana", "Holm", "'s", "support", "for", "the", "bill", "irked"]
    labels = ["B-source", "I-source", "O", "B-cue", "I-cue", "B-content", "I-content"]
    _use_tiny_model(rows, labels + ["O"] * (len(words) - 7), tmp_path)
    quotes = extractor.extract(first + "\n\nShe said the count was wrong.")
    assert [q.speaker for q in quotes] == ["Dana Holm", "Ida Marsh", "Ida Marsh"]


def _refit(
    text: str, cue: str, content: str, tagged: str, probability: float, tagged_cue: str = ""
) -> str | None:
    """``tagger.refit`` of the rules' ``content`` of ``cue`` when the tagger reads ``tagged``
    as the content of ``tagged_cue`` (the same cue unless given), with the same probability
    of being content for every word."""
    doc = QuoteExtractor().nlp(text)

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    def tokens(words: str) -> tuple[int, int]:
        span = doc.char_span(*at(words))
        assert span is not None
        return span.start, span.end

    said = tokens(tagged_cue or cue)
    found = [tagger.Tagged(cue=said, content=(tokens(tagged),), source=(0, 1))]
    bounds = tagger.refit(doc, at(cue), at(content), found, lambda i: probability)
    return None if bounds is None else text[bounds[0] : bounds[1]]


def test_refit_takes_the_taggers_bounds_of_a_reported_clause_when_it_is_sure() -> None:
    text = "Okoye said the harbour would close next spring, a decision that angered the crews."
    content = "the harbour would close next spring, a decision that angered the crews"
    # The words it drops are content with probability 0.1: it is sure they are not.
    assert _refit(text, "said", content, "the harbour would close next spring", 0.1) == (
        "the harbour would close next spring"
    )
    assert _refit(text, "said", content, "the harbour would close next spring", 0.5) is None
    # Another cue's content is not this one's bounds.
    text += " Holm agreed."
    shorter = "the harbour would close next spring"
    assert _refit(text, "said", content, shorter, 0.1, tagged_cue="agreed") is None


def test_refit_never_reaches_above_the_cue_nor_drops_the_clauses_own_verb() -> None:
    # "outnumber" governs "voiced": what the countries voiced ends before it.
    text = "Countries that voiced support for the harbour plan outnumber those that oppose it."
    plan = "the harbour plan"
    assert _refit(text, "voiced", plan, plan + " outnumber those", 0.9) is None
    assert _refit(text, "voiced", plan, "harbour plan", 0.1) == "harbour plan"
    # What Okoye denied is taking the money, not the money.
    text = "Okoye denied taking the money from the harbour fund."
    content = "taking the money from the harbour fund"
    assert _refit(text, "denied", content, "the money from the harbour fund", 0.1) is None
    assert _refit(text, "denied", content, "taking the money", 0.1) == "taking the money"
    # Nor into a verb coordinated with the cue: Okoye left, she did not say she left.
    text = "Okoye said the harbour would close in spring, and then she left the hall."
    content = "the harbour would close in spring"
    assert _refit(text, "said", content, content + ", and then she left the hall", 0.9) is None
    assert (
        _refit(text, "said", content, "the harbour would close", 0.1) == "the harbour would close"
    )


def test_the_extractor_bounds_reported_clauses_as_the_tagger_reads_them(
    restore: None, tmp_path: Path
) -> None:
    extractor = QuoteExtractor()
    text = "Okoye said the harbour would close next spring, a decision that angered the crews."
    rows, offsets = _rows(extractor, text)
    (before,) = extractor.extract(text)
    assert before.content.text.endswith("angered the crews")
    words = [text[a:b] for a, b in offsets]
    assert words[:8] == ["Okoye", "said", "the", "harbour", "would", "close", "next", "spring"]
    labels = ["B-source", "B-cue", "B-content"] + ["I-content"] * 5
    _use_tiny_model(rows, labels + ["O"] * (len(words) - 8), tmp_path)
    (quote,) = extractor.extract(text)
    assert quote.content.text == "the harbour would close next spring"
    assert text[quote.content.start : quote.content.end] == quote.content.text
    assert (quote.kind, quote.speaker) == ("indirect", "Okoye")


def test_quote_marks_bound_a_direct_quote_whatever_the_tagger_reads(
    restore: None, tmp_path: Path
) -> None:
    extractor = QuoteExtractor()
    text = "“The harbour will close next spring, in April,” Okoye said."
    rows, offsets = _rows(extractor, text)
    words = [text[a:b] for a, b in offsets]
    assert words[:7] == ["“", "The", "harbour", "will", "close", "next", "spring"]
    labels = ["O", "B-content"] + ["I-content"] * 5 + ["O"] * (len(words) - 7)
    labels[words.index("Okoye")] = "B-source"
    labels[words.index("said")] = "B-cue"
    _use_tiny_model(rows, labels, tmp_path)
    (quote,) = extractor.extract(text)
    assert quote.kind == "direct"
    assert quote.content.text == "The harbour will close next spring, in April,"


def test_only_a_reported_clause_clear_of_quote_marks_is_refitted() -> None:
    from presstrace.quotes import Quote, Span
    from presstrace.quotes.extract import _quoted_passages, _Reading, _refitted

    text = "Okoye said the harbour would close in spring. “It is over,” she added."
    doc = QuoteExtractor().nlp(text)
    quoted = _quoted_passages(text)

    def refitted(kind: str, tagged: str) -> str:
        content = "the harbour would close in spring"
        start = text.index(content)
        quote = Quote(
            Span(start, start + len(content), content), kind, Span(6, 10, "said"), None, "Okoye"
        )
        span = doc.char_span(start, text.index(tagged) + len(tagged))
        assert span is not None
        read = _Reading([tagger.Tagged((1, 2), ((span.start, span.end),), (0, 1))], lambda i: 0.9)
        return _refitted(quote, read, doc, quoted, 0).content.text

    assert refitted("indirect", "in spring.") == "the harbour would close in spring."
    assert refitted("indirect", "It is over") == "the harbour would close in spring"
    assert refitted("mixed", "in spring.") == "the harbour would close in spring"


def test_tagged_words_may_hold_quote_marks_which_they_then_claim(
    restore: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = QuoteExtractor()
    text = "Mayor Dana Holm's support for the “harbour first” bill surprised the council."
    rows, offsets = _rows(extractor, text)
    words = [text[a:b] for a, b in offsets]
    assert words[4:11] == ["support", "for", "the", "“", "harbour", "first", "”"]
    labels = ["O", "B-source", "I-source", "O", "B-cue", "I-cue", "B-content"]
    labels += ["I-content"] * 5 + ["O"] * (len(words) - 12)
    _use_tiny_model(rows, labels, tmp_path)
    # "support" is a noun, which the cue filter does not score: say it believes in it
    monkeypatch.setattr(extract, "_likely_cue", lambda cue, probabilities: True)
    quotes, terms = extractor.extract_with_terms([text])[0]
    assert [(q.kind, q.content.text, q.speaker) for q in quotes] == [
        ("mixed", "the “harbour first” bill", "Dana Holm")
    ]
    assert terms == []  # the quoted words are the attribution's, not a term of their own


def test_tagged_words_with_quote_marks_need_a_likely_cue(restore: None, tmp_path: Path) -> None:
    # "are offered" is no cue: the quoted label stays a term, not part of what someone says
    extractor = QuoteExtractor()
    text = "Crews wait a year at the harbour before they are offered “skills” lessons."
    rows, offsets = _rows(extractor, text)
    words = [text[a:b] for a, b in offsets]
    start = words.index("they")
    labels = ["O"] * len(words)
    labels[start : start + 3] = ["B-source", "B-cue", "I-cue"]
    labels[start + 3 : start + 7] = ["B-content", "I-content", "I-content", "I-content"]
    _use_tiny_model(rows, labels, tmp_path)
    quotes, terms = extractor.extract_with_terms([text])[0]
    assert quotes == []
    assert [t.span.text for t in terms] == ["skills"]
