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
