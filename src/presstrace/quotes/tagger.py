"""The attributions the rules miss: a learned sequence tagger over a paragraph's tokens.

The rules build an attribution from a cue verb and its parse: a clause, an object, a quote
next to it. Most of what they miss on PolNeAR's training split is a long tail no rule reaches
(4,000 distinct cues among 5,700 missed indirect attributions): stances with a noun or a
preposition for a cue ("his support for the bill", "criticism of the plan"), verbs the parse
reads oddly, content that is only part of a clause. A linear-chain CRF (CRFsuite) tags every
token of a paragraph as part of a cue, a source or a content (BIO), from shallow features: the
word, its lemma, part of speech and dependency, its head, its neighbours, whether it sits in
quote marks, and the cue filter's score of the nearest verb above it (``cuemodel``).

The extractor keeps only what the rules did not find: a tagged attribution with a source whose
content overlaps no attribution already found. Its content may hold quote marks no rule claimed
("Holm sees the plan as a “fix”") when a word of its cue scores ``GOVERNOR`` or more with the
cue filter; it then claims them, as the rules' attributions do. Its speaker is resolved like
any other: "he" is the last person named.
It also bounds the reported clauses the rules found, where it reads the same cue and is sure of
the words on which the two differ (``refit``).

The weights live in ``attribution_tagger.crfsuite`` (feature names, such as ``l=back``,
and numbers; no text), learnt from PolNeAR's training split by
``scripts/train_attribution_tagger.py``. Without the file, or without ``python-crfsuite``, the
rules alone decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from typing import Any

from .lexicon import SPEECH_VERBS, STANCE_VERBS
from .marks import QuotedSpan
from .mentions import inside
from .nlp import lemma

MODEL_NAME = "attribution_tagger.crfsuite"
ROLES = ("cue", "source", "content")
#: A verb whose cue score is at least this counts as a cue above a token (its "governor").
GOVERNOR = 0.4
#: How far up the parse a token looks for such a verb.
_DEPTH = 8
#: ``refit``: the tagger's content must share at least this part of the shorter of the two,
#: and its mean probability over the words where the two differ must be at least
#: ``_REFIT_SURE`` (chosen on 100 training articles the tagger was trained without).
_REFIT_SHARED = 0.5
_REFIT_SURE = 0.6
_INFLECTED = frozenset(["VERB", "AUX", "NOUN", "ADJ"])


@dataclass(frozen=True)
class Tagged:
    """One tagged attribution: token index ranges (end exclusive) of a paragraph's doc."""

    cue: tuple[int, int]
    content: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None


def features(doc: Any, quoted: list[QuotedSpan], cue_scores: dict[int, float]) -> list[list[str]]:
    """Every token's feature names. ``cue_scores`` holds the cue filter's probability of the
    paragraph's verbs outside quote marks (by token index)."""
    # Each token's attributes are read once into lists: a neighbour's are used four times,
    # and spaCy builds a new Python object on every token access.
    tokens = list(doc)
    n = len(tokens)
    words = [t.lower_ for t in tokens]
    pos = [t.pos_ for t in tokens]
    deps = [t.dep_ for t in tokens]
    # Head positions from the array: ``t.head`` would build a second Token per token.
    heads = [i + int(step) for i, step in enumerate(doc.to_array("HEAD").astype("int64"))]
    # Lemmas only where inflection varies ("said", "claims"); a lemma not yet cached costs a
    # look-up in spaCy's rules, and function words and names are their own lemma anyway.
    lemmas = [lemma(t) if t.pos_ in _INFLECTED else t.lower_ for t in tokens]
    quote_flags = ["1" if inside(t.idx, quoted) else "0" for t in tokens]
    bands = {i: int(p * 5) for i, p in cue_scores.items()}
    context = [
        (f"w={w}", f"p={p}", f"d={d}", f"q={q}", "" if i not in bands else f"cp={bands[i]}")
        for i, (w, p, d, q) in enumerate(zip(words, pos, deps, quote_flags, strict=True))
    ]
    rows = []
    for t in tokens:
        i, word, head = t.i, lemmas[t.i], heads[t.i]
        row = [
            "bias",
            context[i][0],
            "l=" + word,
            context[i][1],
            "t=" + t.tag_,
            context[i][2],
            "hl=" + lemmas[head],
            "hp=" + pos[head],
            f"dhl={deps[i]}|{lemmas[head]}",
            f"dhp={deps[i]}|{pos[head]}",
            context[i][3],
            "sh=" + t.shape_[:4],
            "e=" + (t.ent_iob_ + t.ent_type_ if t.ent_type_ else "O"),
            f"sp={int(word in SPEECH_VERBS)}",
            f"st={int(word in STANCE_VERBS)}",
            f"sent0={int(bool(t.is_sent_start))}",
        ]
        band = bands.get(i)
        if band is not None:
            row += [context[i][4], f"cpl={band}|{deps[i]}"]
            if cue_scores[i] >= GOVERNOR:
                row.append("self_cue")
        row += _governor(i, heads, deps, cue_scores)
        for k in (-2, -1, 1, 2):
            j = i + k
            if not 0 <= j < n:
                row.append(f"{k}pad")
                continue
            row += [f"{k}{name}" for name in context[j] if name]
        rows.append(row)
    return rows


def _governor(i: int, heads: list[int], deps: list[str], cue_scores: dict[int, float]) -> list[str]:
    """Where the nearest likely cue above token ``i`` in the parse is: by which dependency the
    path reaches it, how far, and on which side ("… said the plan" against "the plan, he
    said"). ``heads`` and ``deps`` are the paragraph's head indices and dependency labels."""
    current = i
    for depth in range(1, _DEPTH + 1):
        head = heads[current]
        if head == current:
            return []
        link, current = deps[current], head
        if cue_scores.get(current, 0.0) >= GOVERNOR:
            side = "L" if i < current else "R"
            return [f"anc_cue={link}", f"anc_cue_d={min(depth, 4)}|{link}", f"anc_side={side}"]
    return []


def decode(tags: list[str]) -> list[Tagged]:
    """Attributions from BIO tags: every cue run with the content and source runs nearest to
    it (a run goes to the cue it is fewest tokens from). A cue with no content is dropped."""
    runs = {role: _runs(tags, role) for role in ROLES}
    cues = runs["cue"]
    if not cues:
        return []
    contents: dict[int, list[tuple[int, int]]] = {k: [] for k in range(len(cues))}
    sources: dict[int, list[tuple[int, int]]] = {k: [] for k in range(len(cues))}
    for run in runs["content"]:
        contents[_nearest(cues, run)].append(run)
    for run in runs["source"]:
        sources[_nearest(cues, run)].append(run)
    found = []
    for k, cue in enumerate(cues):
        if not contents[k]:
            continue
        source = min(sources[k], key=lambda run: abs(run[0] - cue[0]), default=None)
        found.append(Tagged(cue, tuple(contents[k]), source))
    return found


def _runs(tags: list[str], role: str) -> list[tuple[int, int]]:
    """Token ranges tagged ``role``: a B- starts a run, I- continues it (or starts one, as a
    CRF may begin a span with I-)."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        inside = tag == "I-" + role
        if tag == "B-" + role or (inside and start is None):
            if start is not None:
                found.append((start, i))
            start = i
        elif not inside and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(tags)))
    return found


def _nearest(cues: list[tuple[int, int]], run: tuple[int, int]) -> int:
    def gap(k: int) -> int:
        start, end = cues[k]
        return max(start - run[1], run[0] - end, 0)

    return min(range(len(cues)), key=gap)


def refit(
    doc: Any,
    cue: tuple[int, int],
    content: tuple[int, int],
    found: list[Tagged],
    probability: Callable[[int], float],
) -> tuple[int, int] | None:
    """Where the tagger bounds a content the rules found (character offsets in ``doc``), when
    it reads the same cue there and is sure of the words on which the two differ; else None.

    The rules end a reported clause where its parse subtree ends; PolNeAR's annotators often
    end it sooner or later ("said they would vote for her | , compared with 64 percent who
    ...", "called for | support for a single-payer system"), conventions the tagger learnt.
    ``probability(i)`` is the tagger's probability that token ``i`` is content."""
    for tagged in found:
        said = doc[tagged.cue[0] : tagged.cue[1]]
        if not (said.start_char < cue[1] and cue[0] < said.end_char):
            continue
        runs = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in tagged.content]
        runs = [run for run in runs if run[0] < content[1] and content[0] < run[1]]
        if not runs:
            continue
        start, end = runs[0][0], runs[-1][1]
        shared = min(end, content[1]) - max(start, content[0])
        shorter = min(end - start, content[1] - content[0])
        if (start, end) == content or shared < _REFIT_SHARED * shorter:
            return None
        above = {t.i for t in said.root.ancestors}
        if any(start <= doc[i].idx < end for i in above):
            return None  # "Countries that voiced support for X far outnumber ...": not said
        clause = doc.char_span(content[0], content[1], alignment_mode="expand")
        if clause is not None and not start <= clause.root.idx < end:
            return None  # "denied | committing abuses": the clause keeps its own verb
        changed = [
            t
            for t in doc
            if not t.is_space and (start <= t.idx < end) != (content[0] <= t.idx < content[1])
        ]
        # A verb or object coordinated with the cue ("said the plan would fail, and then she
        # left", "stressed safety, and a need to raise wages"): the parse decides, not it.
        joined = {t.i for c in said.root.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        if any(t.i in joined for t in changed):
            return None
        sure = [
            probability(t.i) if start <= t.idx < end else 1.0 - probability(t.i) for t in changed
        ]
        if sure and sum(sure) / len(sure) < _REFIT_SURE:
            return None
        return (start, end)
    return None


class AttributionTagger:
    """A loaded CRF model. CRFsuite's tagger keeps state between calls, so it is not to be
    shared between threads (like the spaCy pipeline, it runs in one thread per process)."""

    def __init__(self, path: str) -> None:
        import pycrfsuite  # noqa: PLC0415 (optional: without it the rules alone decide)

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)
        self._content = [label for label in self._tagger.labels() if label.endswith("-content")]

    def tag(self, rows: list[list[str]]) -> list[str]:
        return list(self._tagger.tag(rows)) if rows else []

    def content_probability(self, i: int) -> float:
        """The marginal probability that token ``i`` of the rows tagged last is content."""
        return float(sum(self._tagger.marginal(label, i) for label in self._content))


#: Set by the training script to evaluate a candidate model, or False to tag nothing.
_override: AttributionTagger | bool | None = None
#: Set by the training script to collect every tagged paragraph's feature rows, with each
#: token's character offsets in the article.
recorded: list[tuple[list[list[str]], list[tuple[int, int]]]] | None = None


def use_tagger(tagger: AttributionTagger | bool | None) -> None:
    global _override  # noqa: PLW0603 (a training hook, not state the library relies on)
    _override = tagger


def current() -> AttributionTagger | None:
    if _override is False:
        return None
    if isinstance(_override, AttributionTagger):
        return _override
    return _shipped()


@cache
def _shipped() -> AttributionTagger | None:
    resource = files("presstrace.quotes") / MODEL_NAME
    if not resource.is_file():
        return None
    try:
        with as_file(resource) as path:
            return AttributionTagger(str(path))
    except ImportError:
        return None
