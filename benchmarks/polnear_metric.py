"""Scoring of quote extraction against PolNeAR attributions (who said what, and where).

Everything here works on character offsets (end exclusive) into one article's text and knows
nothing of presstrace or spaCy, so the tests can build tiny articles by hand. Each article is
scored on its own into true-positive / prediction / gold counts, and the counts are summed over
all articles before P, R and F1 are taken (micro average): a long article weighs more.

Gold and predictions
====================

A gold attribution has source, cue and content spans, each role possibly several
discontinuous spans or none (PolNeAR's ``Attribution-no-source`` has no source). A prediction
has one content span, optional cue and source spans, an optional canonical ``speaker`` name and
a kind. Gold attributions with no content span at all cannot be found by a quote matcher; they
are left out of the quote and who-said-what metrics (their source and cue spans still count in
the exact-span metrics).

Splits
======

Every metric is computed three times: over everything (``all``), over ``direct`` and over
``indirect``. A gold attribution is direct when PolNeAR's ``content_has_quote_marks`` is true
(this includes mixed quotes, reported speech holding a quoted fragment); a prediction is direct
when its kind is ``"direct"`` or ``"mixed"``, for the same reason (holding quote marks). Gold and
predictions are matched only within a split.

1. Quote matching, after the Gender Gap Tracker (GGT)
=====================================================

A gold attribution's content is the set of characters of all its content spans. A prediction
*covers* a gold attribution by ``|gold ∩ predicted content| / |gold|`` (asymmetric: GGT's
``calc_index_match_score``; a prediction longer than the gold is not penalised). A pair is a
candidate when coverage ≥ the threshold (0.3, also 0.8). Matching is one-to-one and greedy:
candidate pairs are taken by coverage, largest first (ties: higher Jaccard overlap, then
document order), skipping any gold or prediction already used. P = matched predictions /
predictions, R = matched gold / gold.

GGT's own ``evaluate_quotes.py`` differs in two small ways: it walks the gold quotes in
document order, each taking its best remaining prediction, and its threshold is strict
(``score > 0.3``). We use ≥ and a global largest-first order as specified for this project.
GGT also reports how often the speaker is right among matched quotes (86.5% for their system);
``Counts.speaker_right`` carries the same figure here.

2. Who said what
================

As 1 at threshold 0.3, but a pair is a candidate only when the speaker is also right, and the
greedy matching is run on those candidates (so a right-speaker prediction is not crowded out by
a wrong-speaker one covering slightly more). The speaker is right when

- the gold attribution has source spans and either the predicted source span overlaps one of
  them by at least one character (GGT: ``speaker_match_score > 0``), or the normalised
  predicted ``speaker`` or predicted source text equals the normalised gold source text (its
  spans' texts joined by a space); normalisation casefolds, deletes punctuation (Unicode
  category P*), collapses whitespace and drops one leading "the", "a" or "an";
- the gold attribution has no source span and the prediction has no source span either (GGT's
  floating-quote rule).

3. Exact spans per role, after CofeNet
======================================

For each role (source, cue, content) the *set* of gold spans of the article (every span of
every attribution is its own item; one span shared by two attributions is one item) is compared
with the set of predicted spans of that role, by exact ``(start, end)``; TP = spans in both.
Before comparing, both sides are trimmed the same way, repeatedly until nothing changes:

- every role: whitespace at both ends;
- content only: quote marks at both ends (``" “ ” „ ‟ « » ‹ › ' ‘ ’ ‚ ‛ ` ´``) and, at the
  end, the punctuation ``. , ; : ! ? …`` and dashes ``— –``.

A span trimmed to nothing is dropped.

CofeNet's evaluation (``exe/eval/evaluation.py``, ``exact_match``) does the same set-wise
exact comparison, but on tokens of PTB-tokenised sentences with BIO labels and *without any
trimming*: quote marks and punctuation are part of the spans as annotated, so a system must
learn the annotators' convention. Because presstrace's quote content excludes the outer quote
marks by design, the trimmed comparison is the headline figure; the untrimmed one
(``exact_strict_*``, character-exact, which is stricter than token-exact where the annotation
does not fall on token boundaries) is computed alongside for comparison with CofeNet's numbers.
CofeNet's BIO conversion also cannot represent overlapping spans (nested attributions); we keep
every span.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Offsets = tuple[int, int]

SPLITS = ("all", "direct", "indirect")
ROLES = ("source", "cue", "content")
THRESHOLDS = (0.3, 0.8)
#: The threshold of the who-said-what matching (GGT's lenient one).
WSW_THRESHOLD = 0.3

QUOTE_MARKS = "\"“”„‟«»‹›'‘’‚‛`´"
TRAILING_PUNCT = ".,;:!?…—–"
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldAttribution:
    source: tuple[Offsets, ...]
    cue: tuple[Offsets, ...]
    content: tuple[Offsets, ...]
    direct: bool  # PolNeAR content_has_quote_marks
    source_text: str = ""  # the source spans' texts joined by a space
    id: str = ""

    def spans(self, role: str) -> tuple[Offsets, ...]:
        if role == "source":
            return self.source
        if role == "cue":
            return self.cue
        return self.content


@dataclass(frozen=True)
class Prediction:
    # One or more passages: "“A,” he said. “B.”" is one attribution in two pieces, as in gold.
    content: tuple[Offsets, ...]
    direct: bool  # kind is "direct" or "mixed": the content holds quote marks
    cue: Offsets | None = None
    source: Offsets | None = None
    source_text: str | None = None
    speaker: str | None = None

    def spans(self, role: str) -> tuple[Offsets, ...]:
        if role == "content":
            return self.content
        span = {"source": self.source, "cue": self.cue}[role]
        return () if span is None else (span,)


@dataclass
class Counts:
    """True positives, predictions and gold items, summable over articles."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    # Quote matching only: matched pairs whose speaker is right (GGT's "speaker match").
    speaker_right: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        self.speaker_right += other.speaker_right
        return self

    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {
            "precision": self.precision(),
            "recall": self.recall(),
            "f1": self.f1(),
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }
        return out


# metric name -> split -> counts
Scores = dict[str, dict[str, Counts]]


def metric_names() -> list[str]:
    names = [f"quote@{t}" for t in THRESHOLDS] + ["who_said_what"]
    names += [f"exact_{role}" for role in ROLES] + [f"exact_strict_{role}" for role in ROLES]
    return names


def empty_scores() -> Scores:
    return {name: {split: Counts() for split in SPLITS} for name in metric_names()}


def add_scores(total: Scores, part: Scores) -> None:
    for name, by_split in part.items():
        for split, counts in by_split.items():
            total[name][split] += counts


def scores_as_dict(scores: Scores) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, by_split in scores.items():
        out[name] = {}
        for split, counts in by_split.items():
            out[name][split] = counts.as_dict()
            if name.startswith("quote@"):
                # GGT's "speaker right on x% of matched quotes"
                out[name][split]["speaker_accuracy"] = (
                    counts.speaker_right / counts.tp if counts.tp else 0.0
                )
    return out


# ---------------------------------------------------------------- helpers


def normalise_name(name: str) -> str:
    """Casefold, delete punctuation, collapse spaces, drop one leading determiner."""
    kept = "".join(ch for ch in name.casefold() if not unicodedata.category(ch).startswith("P"))
    kept = _SPACE_RE.sub(" ", kept).strip()
    return _DETERMINER_RE.sub("", kept)


def chars(spans: Iterable[Offsets]) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end))


def coverage(gold: frozenset[int], pred: Sequence[Offsets]) -> float:
    """Share of the gold characters inside the predicted passages (GGT's asymmetric score)."""
    if not gold:
        return 0.0
    inside = sum(1 for i in gold if any(start <= i < end for start, end in pred))
    return inside / len(gold)


def _jaccard(gold: frozenset[int], pred: Sequence[Offsets]) -> float:
    predicted = chars(pred)
    union = len(gold | predicted)
    return len(gold & predicted) / union if union else 0.0


def speaker_right(gold: GoldAttribution, pred: Prediction) -> bool:
    if not gold.source:
        return pred.source is None
    if pred.source is not None and any(
        min(end, pred.source[1]) > max(start, pred.source[0]) for start, end in gold.source
    ):
        return True
    wanted = normalise_name(gold.source_text)
    if not wanted:
        return False
    return any(
        name is not None and normalise_name(name) == wanted
        for name in (pred.speaker, pred.source_text)
    )


def right_reading(golds: Sequence[GoldAttribution], pred: Prediction) -> bool:
    """Is ``pred`` on its own a right "who said what" of one of ``golds`` (of its kind, direct
    or not, covering 30% of it, with the right speaker)? The label the training script gives
    a reading for the vetter, and the oracle of ``quotes_vetter_ceiling``."""
    return any(
        gold.direct == pred.direct
        and coverage(chars(gold.content), pred.content) >= 0.3
        and speaker_right(gold, pred)
        for gold in golds
    )


def match_quotes(
    golds: Sequence[GoldAttribution],
    preds: Sequence[Prediction],
    threshold: float,
    *,
    need_speaker: bool = False,
) -> list[tuple[int, int]]:
    """One-to-one greedy matching, largest coverage first; returns (gold, pred) index pairs."""
    candidates: list[tuple[float, float, int, int]] = []
    for gi, gold in enumerate(golds):
        gold_chars = chars(gold.content)
        if not gold_chars:
            continue
        for pi, pred in enumerate(preds):
            cov = coverage(gold_chars, pred.content)
            if cov <= 0 or cov < threshold:
                continue
            if need_speaker and not speaker_right(gold, pred):
                continue
            candidates.append((cov, _jaccard(gold_chars, pred.content), gi, pi))
    # Largest coverage first; among equal coverage the tighter prediction (Jaccard), then
    # document order, so the result does not depend on set or dict ordering.
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def trim_span(text: str, span: Offsets, role: str) -> Offsets | None:
    """The span without outer whitespace (and, for content, quote marks and end punctuation)."""
    start, end = span
    while True:
        before = (start, end)
        while start < end and text[start].isspace():
            start += 1
        while start < end and text[end - 1].isspace():
            end -= 1
        if role == "content":
            while start < end and text[start] in QUOTE_MARKS:
                start += 1
            while start < end and (text[end - 1] in QUOTE_MARKS or text[end - 1] in TRAILING_PUNCT):
                end -= 1
        if (start, end) == before:
            break
    return (start, end) if start < end else None


def exact_counts(
    text: str,
    golds: Sequence[GoldAttribution],
    preds: Sequence[Prediction],
    role: str,
    *,
    trim: bool = True,
) -> Counts:
    """Set-wise exact (start, end) comparison of one role's spans in one article."""

    def prepare(spans: Iterable[Offsets]) -> set[Offsets]:
        if not trim:
            return {s for s in spans if s[1] > s[0]}
        out: set[Offsets] = set()
        for span in spans:
            trimmed = trim_span(text, span, role)
            if trimmed is not None:
                out.add(trimmed)
        return out

    gold_set = prepare(s for g in golds for s in g.spans(role))
    pred_set = prepare(s for p in preds for s in p.spans(role))
    return Counts(tp=len(gold_set & pred_set), n_pred=len(pred_set), n_gold=len(gold_set))


def split_items(
    golds: Sequence[GoldAttribution], preds: Sequence[Prediction], split: str
) -> tuple[list[GoldAttribution], list[Prediction]]:
    if split == "all":
        return list(golds), list(preds)
    want_direct = split == "direct"
    return (
        [g for g in golds if g.direct == want_direct],
        [p for p in preds if p.direct == want_direct],
    )


def score_article(
    text: str, golds: Sequence[GoldAttribution], preds: Sequence[Prediction]
) -> Scores:
    """Every metric, every split, for one article."""
    scores = empty_scores()
    for split in SPLITS:
        g_all, p = split_items(golds, preds, split)
        # Attributions without content cannot be matched as quotes (see module docstring).
        g = [x for x in g_all if x.content]
        for threshold in THRESHOLDS:
            pairs = match_quotes(g, p, threshold)
            right = sum(1 for gi, pi in pairs if speaker_right(g[gi], p[pi]))
            scores[f"quote@{threshold}"][split] = Counts(
                tp=len(pairs), n_pred=len(p), n_gold=len(g), speaker_right=right
            )
        pairs = match_quotes(g, p, WSW_THRESHOLD, need_speaker=True)
        scores["who_said_what"][split] = Counts(tp=len(pairs), n_pred=len(p), n_gold=len(g))
        for role in ROLES:
            scores[f"exact_{role}"][split] = exact_counts(text, g_all, p, role)
            scores[f"exact_strict_{role}"][split] = exact_counts(text, g_all, p, role, trim=False)
    return scores


@dataclass
class Totals:
    """Scores pooled over articles."""

    scores: Scores = field(default_factory=empty_scores)
    articles: int = 0

    def add(self, article_scores: Scores) -> None:
        add_scores(self.scores, article_scores)
        self.articles += 1
