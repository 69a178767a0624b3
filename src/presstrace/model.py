"""The records that flow between stages.

``RawRecord`` is what a source reader yields: the bytes of one article as they were found, and
where. ``Article`` is what the per-article stage makes of it. Both are plain, picklable data: the
per-article stage runs in worker processes and never touches the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .copies.signature import Signature
from .dates import TimeExpression
from .figures import Figure
from .quotes.model import Quote, Term
from .stories.terms import StoryTerms

#: Input kinds, detected from content (see ``presstrace.sources.detect``).
KINDS = ("text", "html", "jsonl", "warc", "feed")


@dataclass(frozen=True)
class RawRecord:
    """One article's raw input.

    ``source`` names where it came from: a path, ``<stdin>``, or a container member such as
    ``feeds/a.xml#item-3``, ``dump.jsonl#L12`` or ``cc.warc.gz#<urn:uuid:...>``.
    ``hints`` carries metadata the container already knew (url, title, published, outlet,
    byline); the extractor only fills in what the hints leave empty.
    """

    source: str
    kind: str
    data: bytes
    hints: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Article:
    """One analysed article: clean body text and metadata, plus how it was obtained."""

    source: str
    kind: str
    raw_sha256: str
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    dateline: str | None = None
    language: str | None = None
    extractor: str = ""
    #: Lines the cleaner removed, as ``[line_index, reason, text]``; empty for HTML input,
    #: where the extractor works on the DOM.
    removed: list[list[Any]] = field(default_factory=list)
    #: Who said what (offsets into ``text``), and quoted terms; empty when quotes are off.
    quotes: list[Quote] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    #: A later stage that failed on this article, as ``[code, reason]``: the article is kept
    #: without that stage's output and the failure is listed with the input errors.
    problems: list[list[str]] = field(default_factory=list)
    #: News agencies the article credits (AP, Reuters, ...), and the signature the copies
    #: join reads instead of the text; ``None`` only for articles made outside ``analyse``.
    wires: list[str] = field(default_factory=list)
    signature: Signature | None = None
    #: What the article is about, for stories.
    story_terms: StoryTerms | None = None
    #: Time expressions resolved against ``published``; ``None`` only for articles made
    #: outside ``analyse``.
    dates: list[TimeExpression] | None = None
    #: Figures (numbers with what they count), with the speaker of the quote each sits in;
    #: ``None`` only for articles made outside ``analyse``.
    figures: list[Figure] | None = None

    @property
    def id(self) -> str:
        return article_id(self.raw_sha256)


def article_id(raw_sha256: str) -> str:
    """Article ids derive from the raw bytes, so ingesting the same input again is a no-op."""
    return raw_sha256[:16]
