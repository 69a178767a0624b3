"""A learned second opinion on the rules' line decisions.

The rules (``plaintext.py``) find the body region and decide each line from its own surface
features. Pages that defeat them do so in ways that are visible only in combination — a list of
short lines right under the headline, a prose block far from it, a short sentence between a
caption and a menu. A small ensemble of boosted decision trees over shallow, language-light
features of each line and its neighbours (as in Kohlschütter et al., "Boilerplate detection
using shallow text features", WSDM 2010), plus the rules' own verdicts, revises the decisions.

It can only revise what the rules were unsure about: lines matching a furniture pattern, lines
inside a reader-comment section and lines after the copyright footer stay removed whatever the
model says, so the guarantees of the rules (no sign-up prompt or reader comment in the body)
hold. The trees live in ``line_model.json`` (numbers only: thresholds over the features named
there, no text) and were trained by ``scripts/train_line_model.py`` on the development part of
a public extraction benchmark; ``benchmarks/bench_clean_plaintext.py`` reports the score on
pages held out from training.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib.resources import files
from typing import Any

from presstrace.clean.plaintext import RuleResult, _Line

#: The model's probability of "body" above which a line is kept. Held-out F1 is flat from 0.35
#: to 0.45; below 0.5 because a missed paragraph costs more than a stray line.
THRESHOLD = 0.4
_NEIGHBOURS = 3
_FURNITURE_KINDS = (
    "advertisement", "signup", "promo", "share", "caption", "copyright", "syndication",
    "related-link", "navigation", "comments",
)  # fmt: skip
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_LINKISH = re.compile(r"[|»›•·→]|^\W*(?:more|read|see|watch|view|next|previous)\b", re.IGNORECASE)

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "terminal", "caps_ratio", "lower_share", "colon", "truncated",
    "digit_share", "linkish", "quote_mark", "furniture",
    *(f"furniture_{k}" for k in _FURNITURE_KINDS),
    "rule_keep", "in_region", "klass_good", "klass_near", "klass_short", "klass_bad", "wall",
    "position", "after_region", "before_region", "lines_to_region", "after_cut",
    "after_anchor", "lines_after_anchor",
    "prev_words", "next_words", "prev_terminal", "next_terminal", "prev_keep", "next_keep",
    "window_words", "window_terminal", "window_keep",
    "repeated_before", "page_log_lines", "region_share", "title_overlap", "block_words",
)  # fmt: skip


def refine(rules: RuleResult, model: TreeEnsemble | None = None) -> None:
    """Revise ``rules.keep`` / ``rules.reasons`` in place with the learned model."""
    model = model or _override or _model()
    if model is None:
        return
    rows = line_features(rules)
    for ln, row in zip(rules.lines, rows, strict=True):
        if row is None or _fixed(rules, ln):
            continue
        keep = model.probability(row) >= THRESHOLD
        i = ln.index
        if keep and not rules.keep[i]:
            rules.keep[i], rules.reasons[i] = True, "body"
        elif not keep and rules.keep[i]:
            rules.keep[i], rules.reasons[i] = False, "boilerplate"


#: Rule verdicts the model may not overturn: the page header, and headlines of other stories
#: set between paragraphs (for news, where quotes and figures are read from the body, a stray
#: headline costs more than a lost sub-heading).
_HEADER_REASONS = frozenset({"headline", "byline", "dateline"})


def _fixed(rules: RuleResult, ln: _Line) -> bool:
    """Decisions the model may not overturn: pattern furniture, comments, footers, headers."""
    feat = ln.feat
    return (
        feat is None
        or feat.furniture is not None
        or ln.wall
        or ln.index >= rules.cut
        or rules.reasons[ln.index] in _HEADER_REASONS
        or (rules.reasons[ln.index] == "related-link" and _words(ln) >= RELATED_MIN_WORDS)
    )


#: A "related-link" line this long is a headline of another story; a shorter one may be a
#: sub-heading of this one, which the model may restore.
RELATED_MIN_WORDS = 7


def _words(ln: _Line) -> int:
    return ln.feat.words if ln.feat else 0


def line_features(rules: RuleResult) -> list[list[float] | None]:
    """One feature row per line (None for blank lines), in ``FEATURE_NAMES`` order."""
    lines = rules.lines
    content = [ln for ln in lines if ln.feat is not None]
    page = _Page(rules, content)
    rows: list[list[float] | None] = []
    k = 0
    for ln in lines:
        if ln.feat is None:
            rows.append(None)
            continue
        rows.append(_row(page, ln, k))
        k += 1
    return rows


class _Page:
    """Per-page values, and per-line arrays with prefix sums for the window features."""

    def __init__(self, rules: RuleResult, content: list[_Line]) -> None:
        self.rules = rules
        self.content = content
        self.n = max(len(rules.lines), 1)
        self.region_size = max(rules.end - rules.start, 0)
        self.title = _title_words(content)
        self.blocks = _block_words(content)
        self.log_words = [math.log1p(ln.feat.words) if ln.feat else 0.0 for ln in content]
        self.repeated: list[float] = []
        seen: set[tuple[str, ...]] = set()
        for ln in content:
            tokens = _WORD.findall(ln.text.lower())
            grams = {tuple(tokens[i : i + 3]) for i in range(max(len(tokens) - 2, 1))}
            self.repeated.append(len(grams & seen) / len(grams) if grams else 0.0)
            seen |= grams
        self.sum_words = _prefix(self.log_words)
        self.sum_terminal = _prefix([float(bool(ln.feat and ln.feat.terminal)) for ln in content])
        self.sum_keep = _prefix([float(rules.keep[ln.index]) for ln in content])

    def window_mean(self, prefix: list[float], k: int) -> float:
        lo, hi = max(k - _NEIGHBOURS, 0), min(k + _NEIGHBOURS + 1, len(self.content))
        return (prefix[hi] - prefix[lo]) / (hi - lo)


def _prefix(values: list[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _title_words(content: list[_Line]) -> set[str]:
    """Content words of the first line: whole-page dumps start with the page's <title>."""
    if not content:
        return set()
    return {w for w in _WORD.findall(content[0].text.lower()) if len(w) > 3}


def _block_words(content: list[_Line]) -> list[int]:
    """Words in the run of adjacent prose lines ("good"/"near") each line belongs to."""
    sizes = [0] * len(content)
    k = 0
    while k < len(content):
        if content[k].klass not in ("good", "near"):
            k += 1
            continue
        end = k
        total = 0
        while end < len(content) and content[end].klass in ("good", "near"):
            feat = content[end].feat
            total += feat.words if feat else 0
            end += 1
        for j in range(k, end):
            sizes[j] = total
        k = end
    return sizes


def _row(page: _Page, ln: _Line, k: int) -> list[float]:
    f = ln.feat
    assert f is not None
    rules, content = page.rules, page.content
    i = ln.index
    text = ln.text
    chars = max(len(text), 1)
    prev = content[k - 1] if k > 0 else None
    nxt = content[k + 1] if k + 1 < len(content) else None
    anchor = rules.anchor
    if rules.start <= i < rules.end:
        to_region = 0
    else:
        to_region = rules.start - i if i < rules.start else i - rules.end + 1
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 3]
    overlap = sum(w in page.title for w in words) / len(words) if words and k > 0 else 0.0
    return [
        page.log_words[k],
        math.log1p(chars),
        float(f.terminal),
        f.caps_ratio,
        f.lowercase_words / max(f.words, 1),
        float(f.colon),
        float(f.truncated),
        len(_DIGIT.findall(text)) / chars,
        float(bool(_LINKISH.search(text))),
        float(any(q in text for q in '"“”«»')),
        float(f.furniture is not None),
        *(float(f.furniture == kind) for kind in _FURNITURE_KINDS),
        float(rules.keep[i]),
        float(rules.start <= i < rules.end),
        float(ln.klass == "good"),
        float(ln.klass == "near"),
        float(ln.klass == "short"),
        float(ln.klass == "bad"),
        float(ln.wall),
        i / page.n,
        float(i >= rules.end),
        float(i < rules.start),
        math.log1p(min(to_region, 200)),
        float(i >= rules.cut),
        float(anchor is not None and i > anchor),
        math.log1p(min(i - anchor, 200)) if anchor is not None and i > anchor else -1.0,
        page.log_words[k - 1] if prev else 0.0,
        page.log_words[k + 1] if nxt else 0.0,
        float(bool(prev and prev.feat and prev.feat.terminal)),
        float(bool(nxt and nxt.feat and nxt.feat.terminal)),
        float(bool(prev and rules.keep[prev.index])),
        float(bool(nxt and rules.keep[nxt.index])),
        page.window_mean(page.sum_words, k),
        page.window_mean(page.sum_terminal, k),
        page.window_mean(page.sum_keep, k),
        page.repeated[k],
        math.log1p(page.n),
        page.region_size / page.n,
        overlap,
        math.log1p(page.blocks[k]),
    ]


class TreeEnsemble:
    """Gradient-boosted regression trees for binary classification, evaluated in pure Python."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError("line_model.json was trained on other features; retrain it")
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        # Each tree: parallel lists (left, right, feature, threshold, value); leaves have left=-1.
        self.trees: list[tuple[list[int], list[int], list[int], list[float], list[float]]] = [
            (t["left"], t["right"], t["feature"], t["threshold"], t["value"]) for t in spec["trees"]
        ]

    def probability(self, row: list[float]) -> float:
        raw = self.init
        for left, right, feature, threshold, value in self.trees:
            node = 0
            while left[node] != -1:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            raw += self.rate * value[node]
        return 1.0 / (1.0 + math.exp(-raw))


#: Set by the training script to evaluate a candidate model through ``clean_plaintext``.
_override: TreeEnsemble | None = None


def use_model(model: TreeEnsemble | None) -> None:
    """Evaluate ``clean_plaintext`` with ``model`` instead of the shipped one (None: shipped)."""
    global _override  # noqa: PLW0603 (a test/training hook, not state the library relies on)
    _override = model


@cache
def _model() -> TreeEnsemble | None:
    resource = files("presstrace.clean") / "line_model.json"
    if not resource.is_file():
        return None
    return TreeEnsemble(json.loads(resource.read_text(encoding="utf-8")))
