"""Which reported-speech attributions to keep: a second learned filter, over the whole finding.

The cue filter (``cuemodel``) judges a verb alone, before anything is built from it. Whether
"The poll indicates a tightening race" or "the group backed the bill" is an attribution in the
sense news readers (and PolNeAR's annotators) mean depends on what came of the verb: who its
subject is and whether the parse found a speaker, whether what follows is a clause ("that
...", "to ...") or a bare noun, how long it is. So the extractor takes every verb the cue
filter gives at least ``cue_floor``, builds the attribution, and this model, over the finished
attribution's shallow features (the cue filter's own score among them), keeps or drops it.

Only indirect attributions are vetted: a quote in quote marks found next to a cue is right
often enough (and claims its quote marks, which a floating-quote pass reads), so direct and
mixed ones are kept exactly when the cue filter keeps their verb, as before.

The weights live in ``attribution_model.json`` (feature names and numbers, no text), learnt
from the PolNeAR training split by ``scripts/train_cue_model.py``; without the file nothing is
vetted and the cue filter alone decides.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files
from typing import Any

from .model import Quote
from .nlp import lemma

#: Words that open a reported clause or question: "that he would", "to run", "whether".
_OPENERS = frozenset(["that", "to", "whether", "if", "how", "what", "why", "when", "who"])


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens that start in ``[start, end)`` (a span of this paragraph's characters)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def features(cue: Any, quote: Quote, cue_probability: float, offset: int) -> dict[str, float]:
    """The attribution's features: names with the value 1, and the cue filter's log-odds."""
    doc = cue.doc
    content = _tokens(doc, quote.content.start - offset, quote.content.end - offset)
    word = lemma(cue)
    # The writer's voice was told apart after the weights were learnt: to them it is a speaker
    # not known.
    speaker_kind = "unknown" if quote.speaker_kind == "writer" else quote.speaker_kind
    p = min(max(cue_probability, 1e-6), 1 - 1e-6)
    found: dict[str, float] = {"cue_logit": math.log(p / (1 - p))}
    names = [
        f"cue_band={min(int(cue_probability * 10), 9)}",
        f"lemma={word}",
        f"cue_dep={cue.dep_}",
        f"speaker_kind={speaker_kind}",
        f"source={'none' if quote.source is None else 'some'}",
        f"words={_bucket(len(content), (2, 5, 10, 20, 40))}",
    ]
    if content:
        first = content[0]
        opener = first.lower_ if first.lower_ in _OPENERS else first.pos_
        names.append(f"opener={opener}")
        names.append(f"lemma+opener={word}|{opener}")
        # A clause with a subject of its own ("that the plan failed") reports a claim; a bare
        # noun phrase ("backed the bill") is a stance at most.
        clause = any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in content)
        names.append(f"clause={clause}")
        names.append(f"lemma+clause={word}|{clause}")
        heads = sorted({t.dep_ for t in content if t.head.i == cue.i and t.i != cue.i})
        names += [f"link={dep}" for dep in heads if dep != "punct"]
        names.append("content_before" if content[-1].i < cue.i else "content_after")
    if quote.source is not None:
        source = _tokens(doc, quote.source.start - offset, quote.source.end - offset)
        if source:
            head = next((t for t in source if t.head.i == t.i or t.head not in source), source[0])
            names.append(f"source_pos={head.pos_}")
            names.append(f"source_ent={head.ent_type_ or '-'}")
            names.append("source_after" if head.i > cue.i else "source_before")
    names.append(f"speaker_kind+lemma={speaker_kind}|{word}")
    found.update(dict.fromkeys(names, 1.0))
    return found


class Vetter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.bias = float(spec["bias"])
        self.weights: dict[str, float] = {k: float(v) for k, v in spec["weights"].items()}
        self.threshold = float(spec["threshold"])
        #: The cue filter's score from which a verb's attribution is built and vetted.
        self.cue_floor = float(spec["cue_floor"])

    def probability(self, found: dict[str, float]) -> float:
        raw = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in found.items())
        return 1.0 / (1.0 + math.exp(-max(min(raw, 30.0), -30.0)))


#: Set by the training script: a candidate model, or ``False`` to vet nothing.
_override: Vetter | bool | None = None
#: Set by the training script to collect (features, quote) of every vetted attribution.
recorded: list[tuple[dict[str, float], Quote]] | None = None


def use_vetter(vetter: Vetter | bool | None) -> None:
    global _override  # noqa: PLW0603 (a training hook, not state the library relies on)
    _override = vetter


def current() -> Vetter | None:
    if _override is False:
        return None
    if isinstance(_override, Vetter):
        return _override
    return _shipped()


@cache
def _shipped() -> Vetter | None:
    resource = files("presstrace.quotes") / "attribution_model.json"
    if not resource.is_file():
        return None
    return Vetter(json.loads(resource.read_text(encoding="utf-8")))
