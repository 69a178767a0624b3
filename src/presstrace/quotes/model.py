"""What the quotes stage produces for one article.

Offsets are character offsets into the text the extractor was given (for stored articles: the
clean text), end exclusive, so every claim points back at the sentence that makes it.
"""

from __future__ import annotations

from dataclasses import dataclass

#: ``direct``: the words are in quote marks; ``indirect``: reported speech ("X said that ...");
#: ``mixed``: reported speech containing a quoted fragment.
KINDS = ("direct", "indirect", "mixed")
#: What a speaker is: ``unknown`` when no kind could be told (an unresolved pronoun);
#: ``writer`` for the outlet's own reading or forecast, which no one is said to hold ("the
#: plan appears to have stalled", "the vote is expected to pass"): no speaker, no statement.
SPEAKER_KINDS = ("person", "organisation", "group", "country", "unnamed", "unknown", "writer")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """One attribution: who (source) said (cue) what (content)."""

    content: Span  # what was said, without the outer quote marks
    kind: str  # one of KINDS
    cue: Span | None  # "said", "told reporters", "according to"; None for floating quotes
    source: Span | None  # the speaker as written nearest the quote ("he", "the official")
    speaker: str | None  # canonical name ("Mike Pompeo"), None when unknown
    speaker_kind: str = "unknown"  # one of SPEAKER_KINDS
    role: str | None = None  # e.g. "U.S. Secretary of State", from an apposition or title
    #: Index (in the article's list) of the quote this one continues: "“A,” he said. “B.”" is
    #: one attribution in two passages; B continues A and carries A's source mention.
    continues: int | None = None


@dataclass(frozen=True)
class Term:
    """A scare-quoted word or coined term ("vocational training centres") and who uses it:
    the speaker whose naming it is, or None for the article's own voice."""

    span: Span
    user: str | None = None
