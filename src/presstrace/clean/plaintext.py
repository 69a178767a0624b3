"""Remove page furniture from a plain-text dump of a web page.

The method, in four passes over the lines (all linear in the input):

1. *Classify* every line from surface features: ``good`` (long prose ending
   like a sentence), ``near`` (shorter prose), ``short`` (menu items,
   headlines, labels) or ``bad`` (a furniture pattern such as "Advertisement",
   a sign-up prompt, a photo credit, a copyright footer).
2. *Find the body region*: give prose positive and furniture negative scores
   and take the maximum-sum run of lines (the "body text extraction" idea of
   Finn et al.), which is the densest stretch of reporting.  Reader-comment
   sections and copyright footers are walls the region cannot cross, so long
   reader comments never join the article.  Further prose blocks close to the
   region (an article split by a big advert or related-links box) are merged.
3. *Decide each line inside the region* with its neighbours in mind
   (jusText-style): short prose such as a one-sentence quote is kept, a
   headline-like line sitting between paragraphs is a related link.
4. *Header*: just above the body look for a headline, a byline and a
   dateline, which are reported separately and not kept in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presstrace.clean import patterns
from presstrace.clean.features import LineFeatures, compute, normalise
from presstrace.clean.header import Header, detect_header
from presstrace.clean.outlet import outlet_from_furniture
from presstrace.clean.types import CleanedText, CleanOptions, LineDecision

_NEG_INF = float("-inf")
# "Headline | Site", "Headline - Site", "Site :: Headline".
_TITLE_SEP = re.compile(r"\s+[|\-–—:•·»]+\s+")
# How far down the page the repeated headline is looked for (lines).
_ANCHOR_SEARCH = 2000


@dataclass
class _Line:
    index: int
    raw: str
    text: str
    feat: LineFeatures | None  # None for blank lines
    klass: str = "blank"
    wall: bool = False  # comment-section start or copyright footer


def _classify(line: _Line, opt: CleanOptions) -> str:
    f = line.feat
    if f is None:
        return "blank"
    if f.furniture is not None:
        return "bad"
    if f.truncated:
        return "short"
    # Menus and headline lists are Title Cased; prose is mostly lower case.
    if f.terminal:
        prose = f.caps_ratio <= 0.7 or (f.words >= 25 and f.caps_ratio <= 0.85)
    else:
        prose = f.words >= opt.unpunctuated_words and f.caps_ratio <= 0.5
    if prose and f.words >= opt.long_words:
        return "good"
    if prose and f.words >= opt.short_words:
        return "near"
    if f.colon and f.words >= opt.short_words and f.caps_ratio <= 0.7:
        return "near"
    return "short"


def _score(line: _Line, opt: CleanOptions) -> float:
    """Contribution of a line to the body region's score.

    Like body-text extraction over tokens and tags: every word counts one
    up and every line costs ``line_cost``, so runs of short lines (menus,
    teaser lists where each blurb sits under a headline and a label) are
    negative while paragraphs of reporting are strongly positive.
    """
    f = line.feat
    if line.wall:
        return _NEG_INF
    if f is None:
        return 0.0
    words = min(f.words, opt.max_line_words)
    if line.klass == "bad":
        return -opt.line_cost - opt.furniture_cost
    if line.klass in ("good", "near"):
        return words - opt.line_cost
    # Short lines count less than their words: a title-cased list is no prose.
    return words * 0.5 - opt.line_cost


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous run within ``scores[lo:hi]`` (Kadane)."""
    best = (0.0, -1, -1)
    run_sum = 0.0
    run_start = lo
    for i in range(lo, hi):
        s = scores[i]
        if s == _NEG_INF:
            run_sum, run_start = 0.0, i + 1
            continue
        if run_sum <= 0.0:
            run_sum, run_start = 0.0, i
        run_sum += s
        if run_sum > best[0]:
            best = (run_sum, run_start, i + 1)
    return best


def _mark_walls(lines: list[_Line]) -> None:
    """Flag comment-section starts and copyright footers.

    A comment count next to the headline ("9 Comments" above the byline) is
    not a wall: only a marker with prose before it counts, decided later.
    """
    for ln in lines:
        f = ln.feat
        if f is None:
            continue
        ln.wall = (
            patterns.is_comment_start(ln.text, f.words)
            or patterns.is_vote_tally(ln.text)
            or patterns.is_footer(ln.text, f.words)
        )


def _find_region(lines: list[_Line], opt: CleanOptions) -> tuple[int, int]:
    scores = [_score(ln, opt) for ln in lines]
    gaps = [_gap_weight(ln, s) for ln, s in zip(lines, scores, strict=True)]
    _discount_comments(lines, scores, opt)
    best, start, end = _best_run(scores, 0, len(lines))
    if start < 0:
        return 0, 0
    # A short article on a page full of other prose: prefer the prose right
    # under the repeated headline unless the other block is far bigger.
    anchor = _headline_anchor(lines)
    if anchor is not None and not start <= anchor < end:
        near = _next_block(scores, gaps, anchor + 1, len(lines), opt, max_gap=opt.anchor_gap)
        if near is not None and near[1] != start and near[0] * opt.anchor_boost >= best:
            best, start, end = near
    # Merge further prose blocks near the region (the article interrupted by
    # an advert, a gallery or a related-links box) unless a wall separates them.
    changed = True
    while changed:
        changed = False
        right = _next_block(scores, gaps, end, len(lines), opt)
        if right is not None and right[0] >= opt.min_region_share * best:
            end = right[2]
            changed = True
        left = _prev_block(scores, gaps, 0, start, opt)
        if left is not None and left[0] >= opt.min_region_share * best:
            start = left[1]
            changed = True
    return start, end


def _gap_weight(ln: _Line, score: float) -> float:
    """How much a line separates two prose blocks.

    Captions, adverts and share buttons are routinely embedded in articles,
    and so are lower-case list items (ingredients, specifications); Title
    Cased short lines (menus, link lists) much less so.
    """
    if ln.feat is None or score > 0:
        return 0.0
    if ln.klass == "bad" or ln.feat.caps_ratio <= 0.5:
        return 0.5
    return 1.0


def _discount_comments(lines: list[_Line], scores: list[float], opt: CleanOptions) -> None:
    """Shrink the scores of prose inside reader-comment sections.

    Long comment threads can outweigh a short article.  A comment-section
    marker only counts once some prose came before it, so a comment count
    printed next to the headline does not discount the article itself.
    """
    prose = 0.0
    inside = False
    for i, ln in enumerate(lines):
        s = scores[i]
        if s > 0:
            if inside:
                scores[i] = s * opt.comment_discount
            else:
                prose += s
        elif ln.feat is not None and ln.wall and not inside:
            opens = prose >= opt.min_prose_before_comments and patterns.is_comment_start(
                ln.text, ln.feat.words
            )
            inside = opens or patterns.is_vote_tally(ln.text)


def _headline_anchor(lines: list[_Line]) -> int | None:
    """Index of the on-page headline that repeats the page title (line 0).

    Whole-page dumps start with the HTML <title> ("Headline | Site"); the
    article body follows the headline when it is repeated further down.
    """
    if not lines or lines[0].feat is None or lines[0].klass == "good":
        return None
    first = lines[0].text.lower()
    parts = [p for p in _TITLE_SEP.split(first) if len(p.split()) >= 3]
    if not parts:
        return None
    target = max(parts, key=len)
    for ln in lines[1 : 1 + _ANCHOR_SEARCH]:
        if ln.feat is None or ln.feat.words < 3:
            continue
        low = ln.text.lower()
        if low == target or low in first:
            return ln.index
    return None


def _next_block(
    scores: list[float],
    gaps: list[float],
    lo: int,
    hi: int,
    opt: CleanOptions,
    *,
    max_gap: float | None = None,
) -> tuple[float, int, int] | None:
    """The best run starting within ``max_gap`` separating lines after ``lo``."""
    limit = opt.max_gap if max_gap is None else max_gap
    gap = 0.0
    i = lo
    while i < hi and gap <= limit:
        s = scores[i]
        if s == _NEG_INF:
            return None
        if s > 0:
            cand = _best_run(scores, i, hi)
            if cand[1] == i:
                return cand
            return None
        gap += gaps[i]
        i += 1
    return None


def _prev_block(
    scores: list[float], gaps: list[float], lo: int, hi: int, opt: CleanOptions
) -> tuple[float, int, int] | None:
    """Mirror image of :func:`_next_block` for blocks before the region."""
    rev = scores[lo:hi][::-1]
    cand = _next_block(rev, gaps[lo:hi][::-1], 0, len(rev), opt)
    if cand is None:
        return None
    total, s, e = cand
    return total, hi - e, hi - s


def _decide_in_region(ln: _Line, opt: CleanOptions) -> tuple[bool, str]:
    f = ln.feat
    if f is None:
        return False, "blank"
    if f.furniture is not None:
        return False, f.furniture
    if ln.klass in ("good", "near"):
        return True, "body"
    # Short lines between paragraphs: a quote or a short sentence is
    # reporting; a line without final punctuation is a headline of another
    # story (or a sub-heading / label).
    if f.terminal and (f.lowercase_words or f.words >= 2 or f.caps_ratio < 1.0):
        return True, "body"
    if f.colon and f.words >= 3:
        return True, "body"
    if f.words > opt.related_max_words and not f.truncated:
        return True, "body"
    if f.words < 4 and opt.keep_subheads:
        return True, "body"
    return False, "related-link" if f.words >= 4 else "heading"


def _reason_outside(ln: _Line, after_body: bool) -> str:
    f = ln.feat
    if f is None:
        return "blank"
    if f.furniture is not None:
        return f.furniture
    if after_body:
        return "comments"
    if f.words <= 4 and not f.terminal:
        return "navigation"
    return "boilerplate"


_WORD = re.compile(r"\w+")
#: Share of a line's 4-word shingles already kept above it that makes it a repeat.
_REPEAT_SHARE = 0.8


def _drop_repeats(lines: list[_Line], keep: list[bool], reasons: list[str]) -> None:
    """Drop kept lines that repeat body text already kept (teasers, summaries, pull quotes).

    Page dumps often print the standfirst or a summary box again below the article; in the
    body it would count twice for every later stage (quotes, figures) and for copy detection.
    """
    seen: set[tuple[str, ...]] = set()
    for ln in lines:
        if not keep[ln.index]:
            continue
        tokens = _WORD.findall(ln.text.lower())
        grams = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
        if len(tokens) >= 8 and len(grams & seen) >= _REPEAT_SHARE * len(grams):
            keep[ln.index], reasons[ln.index] = False, "repeat"
            continue
        seen |= grams


@dataclass
class RuleResult:
    """The rules' view of a page: lines, the body region and a decision per line."""

    lines: list[_Line]
    start: int
    end: int
    cut: int
    anchor: int | None
    keep: list[bool]
    reasons: list[str]


def apply_rules(text: str, opt: CleanOptions) -> RuleResult:
    """Passes 1-3: classify lines, find the body region, decide each line."""
    lines: list[_Line] = []
    for i, raw in enumerate(text.split("\n")):
        norm = normalise(raw)
        ln = _Line(i, raw, norm, compute(norm, opt.max_line_chars) if norm else None)
        ln.klass = _classify(ln, opt)
        lines.append(ln)
    _mark_walls(lines)
    start, end = _find_region(lines, opt)

    # Where the article ends for good: the first wall after the region.  Lines
    # after it (reader comments, footer links) can never be body.
    cut = len(lines)
    for j in range(end, len(lines)):
        if lines[j].wall and opt.cut_comments:
            cut = j
            break

    keep = [False] * len(lines)
    reasons = [""] * len(lines)
    in_comments = False
    for ln in lines:
        i = ln.index
        if start <= i < end:
            keep[i], reasons[i] = _decide_in_region(ln, opt)
        else:
            after = i >= cut
            if after and ln.feat is not None and patterns.is_comment_start(ln.text, ln.feat.words):
                in_comments = True
            reasons[i] = _reason_outside(ln, after and in_comments)
    return RuleResult(lines, start, end, cut, _headline_anchor(lines), keep, reasons)


def clean_plaintext(text: str, options: CleanOptions | None = None) -> CleanedText:
    """Strip page furniture from a plain-text page, one block per line.

    Returns the kept body paragraphs (joined by blank lines), the detected
    headline / byline / dateline, and one :class:`LineDecision` per input
    line explaining why it was kept or dropped.
    """
    opt = options or CleanOptions()
    rules = apply_rules(text, opt)
    lines, keep, reasons = rules.lines, rules.keep, rules.reasons

    header = Header()
    if opt.detect_header:
        first_body = next((i for i in range(len(lines)) if keep[i]), None)
        if first_body is not None:
            texts = [ln.text for ln in lines]
            header = detect_header(texts, first_body, keep, rules.anchor)
            for i, reason in header.reasons.items():
                keep[i], reasons[i] = False, reason
    if opt.use_model:
        # Late import: the model module imports this one for the line type.
        from presstrace.clean.linemodel import refine  # noqa: PLC0415

        refine(rules)

    _drop_repeats(lines, keep, reasons)
    decisions = [LineDecision(ln.index, ln.raw, keep[ln.index], reasons[ln.index]) for ln in lines]
    body = "\n\n".join(ln.text for ln in lines if keep[ln.index])
    return CleanedText(
        text=body,
        title=header.title,
        byline=header.byline,
        dateline=header.dateline,
        lines=decisions,
        outlet=outlet_from_furniture(d.text for d in decisions if not d.keep),
    )
