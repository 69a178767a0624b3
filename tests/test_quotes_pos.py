"""The look-up coarse tagger gives the attribute ruler's universal tags, token for token."""

from __future__ import annotations

from presstrace.quotes.nlp import load_english

TEXT = (
    "“There is nothing we can do,” said the mayor, who had been warned. She didn't say "
    "whether the harbour's owners, or anyone else, would pay; they've done it before. "
    "There are  two spaces here, and it is what it is.\n"
)


def test_same_universal_tags_as_the_attribute_ruler() -> None:
    fast = load_english()
    assert "attribute_ruler" not in fast.pipe_names
    assert "presstrace_coarse_tags" in fast.pipe_names
    ruler = load_english(("lemmatizer", "ner"))
    assert "attribute_ruler" in ruler.pipe_names
    ours, theirs = fast(TEXT), ruler(TEXT)
    assert [t.tag_ for t in ours] == [t.tag_ for t in theirs]
    assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]
    assert {t.pos_ for t in ours} >= {"VERB", "AUX", "PRON", "PUNCT", "SPACE"}


def test_lemmas_of_the_words_we_test_match_the_full_pipeline() -> None:
    # The lemmatizer does not run; ``lemma()`` asks it per token, and must not strip the "s" of
    # a base form ("address", "business") for want of the attribute ruler's morphology.
    from presstrace.quotes.nlp import lemma

    text = (
        "The business will address the press, the bosses said; they discussed it, stressed "
        "it and express their willingness to confess."
    )
    full = load_english(())
    ours, theirs = load_english()(text), full(text)
    wanted = [t.i for t in theirs if t.pos_ in ("NOUN", "VERB", "PROPN")]
    assert [lemma(ours[i]) for i in wanted] == [theirs[i].lemma_.lower() for i in wanted]
