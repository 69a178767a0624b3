"""Public value types of the plain-text cleaner.

They live apart from the algorithm so that callers (and type checkers) can
import them without pulling in the scoring machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanOptions:
    """Tunables of :func:`presstrace.clean.clean_plaintext`.

    The defaults were tuned on a development half of a public extraction
    benchmark and checked on the other half; change them only with a
    benchmark run (``benchmarks/bench_clean_plaintext.py``) at hand.
    """

    #: A line with at least this many words is "long" prose by itself.
    long_words: int = 12
    #: Below this many words a line can only be kept through its neighbours.
    short_words: int = 5
    #: A line without final punctuation needs this many words to be prose.
    unpunctuated_words: int = 25
    #: Region score: each line costs this many words (see ``_score``).
    line_cost: float = 8.0
    #: Extra cost of a line matching a furniture pattern.
    furniture_cost: float = 4.0
    #: Words of one line counted at most (one huge line must not decide alone).
    max_line_words: int = 150
    #: Lines between two body lines with at most this many words that look
    #: like a headline (no final punctuation) are treated as related links.
    related_max_words: int = 16
    #: How many non-body lines in a row may separate two parts of the body
    #: before the later part is considered a different region.
    max_gap: int = 6
    #: Relative weight of a block against the best block for it to be kept
    #: as part of the article when it is far from the main region.
    min_region_share: float = 0.15
    #: Prose after a reader-comment marker counts this much towards the body.
    comment_discount: float = 0.2
    #: Region score needed before a comment marker before it opens a comment
    #: section (a count printed next to the headline does not).
    min_prose_before_comments: float = 50.0
    #: How far (separating lines) after the repeated headline the body may start.
    anchor_gap: float = 8.0
    #: Prose right under the repeated headline wins unless the best block
    #: elsewhere scores more than this many times as much.
    anchor_boost: float = 3.0
    #: Keep very short unpunctuated lines inside the body (sub-headings).
    keep_subheads: bool = False
    #: Lines longer than this (characters) are cut for scoring only; the
    #: whole line is still returned.  Guards against pathological inputs.
    max_line_chars: int = 20_000
    #: Cut the text after a comment-section or copyright marker that follows
    #: the body.
    cut_comments: bool = True
    #: Try to recognise a headline, byline and dateline at the top.
    detect_header: bool = True
    #: Let the learned line model (``linemodel.py``) revise the rules' decisions; furniture
    #: patterns and comment sections stay removed whatever it says.
    use_model: bool = True


@dataclass(frozen=True)
class LineDecision:
    """What the cleaner decided for one input line and why."""

    index: int
    text: str
    keep: bool
    reason: str


@dataclass(frozen=True)
class CleanedText:
    """Result of cleaning one plain-text page."""

    text: str
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    lines: list[LineDecision] = field(default_factory=list)
    #: The outlet, when removed furniture names it ("... first appeared on X").
    outlet: str | None = None
