"""Attributions inside attributions: the outer one is the report.

"The harbour board said Holm's claim that the ferry would run was false": the extractor reads
two attributions there, the board's and, inside the board's words, Holm's. Some such inner
readings are right, but most are not: on PolNeAR's 840 training articles an attribution whose
words all lie inside another's matched a gold one 316 times in 922. The rest are a speaker
misread within a longer report (a transcript quoting "..., Holm said"), a second cue inside a
reported clause, or a stance the annotators did not mark. Dropping them keeps every attribution
whose words are its own: who-said-what F1 rose from 0.7557 to 0.7672 on 100 training articles
the tagger was trained without (direct 0.871 to 0.887); ``docs/benchmarks.md`` has the dev
figures. One kind stays: a speaker's quoted words inside an "according to" report of them.

An attribution in several passages ("“A,” she said. “B.”", one chain by ``Quote.continues``)
is judged whole: it is dropped only when every passage lies inside one other chain.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Quote

Spans = list[tuple[int, int]]


def outermost(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` (one article's, in order) without the chains whose words all lie inside
    another chain's; of two chains with the same words the first stays. ``continues`` is
    renumbered to the kept list."""
    root = list(range(len(quotes)))
    for k, quote in enumerate(quotes):
        if quote.continues is not None and 0 <= quote.continues < k:
            root[k] = root[quote.continues]
    chains: dict[int, Spans] = {}
    for k, quote in enumerate(quotes):
        chains.setdefault(root[k], []).append((quote.content.start, quote.content.end))
    merged = {first: _merged(spans) for first, spans in chains.items()}
    size = {first: sum(end - start for start, end in spans) for first, spans in merged.items()}
    inner = {
        first
        for first, spans in merged.items()
        if any(
            other != first
            and (size[other] > size[first] or (size[other] == size[first] and other < first))
            and _within(spans, outer)
            and not _quoted_in_a_report(quotes[first], quotes[other])
            for other, outer in merged.items()
        )
    }
    if not inner:
        return quotes
    kept = [k for k in range(len(quotes)) if root[k] not in inner]
    number = {old: new for new, old in enumerate(kept)}
    out = []
    for k in kept:
        quote = quotes[k]
        if quote.continues is not None:
            quote = replace(quote, continues=number.get(quote.continues))
        out.append(quote)
    return out


def _quoted_in_a_report(inner: Quote, outer: Quote) -> bool:
    """ "“The pier will hold,” Holm said, according to the Gazette": Holm's quoted words stay
    Holm's beside the Gazette's report of them. PolNeAR marks the report alone (its annotators
    take "Holm said" as part of what the Gazette says: on training such inner quotes matched
    gold once in 24), but the same words reprinted without the report are Holm's statement,
    and the corpus step joins the two outlets' copies only through Holm's."""
    cue = outer.cue.text.lower() if outer.cue is not None else ""
    return inner.kind == "direct" and inner.speaker is not None and cue.startswith("according")


def _merged(spans: Spans) -> Spans:
    """The spans joined where they touch or overlap, in order."""
    out: Spans = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif end > start:
            out.append((start, end))
    return out


def _within(spans: Spans, outer: Spans) -> bool:
    """Every span of ``spans`` lies inside one span of ``outer`` (both merged)."""
    return bool(spans) and all(
        any(o_start <= start and end <= o_end for o_start, o_end in outer) for start, end in spans
    )
