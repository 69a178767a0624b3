"""Which verbs introduce an attribution: a small learned filter over shallow features.

A hand-made verb list finds "said" and "told" but misses the long tail news uses ("scolded",
"hinted that", "made clear that", "exhorted") and takes verbs that only sometimes attribute
("show", "find"), and PolNeAR-style attribution includes stances ("attacked", "called for",
"backed"). Every verb is a candidate; a logistic model over shallow features (the lemma, its
dependents and preposition, the kind of subject, the governing verb, the neighbouring words,
a quote in its phrase) keeps those that attribute.

The weights live in ``cue_model.json``: one number per feature name (lemmas among them, learnt
from the PolNeAR training split, which is the data set's purpose), no text. Retrain with
``scripts/train_cue_model.py``; without the file the lexicon alone decides.
"""

from __future__ import annotations

import bisect
import json
import math
from functools import cache
from importlib.resources import files
from typing import Any

from .lexicon import SPEECH_VERBS, STANCE_VERBS
from .nlp import lemma

#: Probability of "attribution cue" above which a candidate is kept (chosen on held-out train).
THRESHOLD = 0.5
_OPENING = frozenset(['"', "“", "``", "«"])
_MARKS = "presstrace_quote_marks"


def is_candidate(token: Any) -> bool:
    """Verbs that could introduce an attribution: every verb (the model decides)."""
    return bool(token.pos_ == "VERB")


def quote_in_phrase(token: Any) -> bool:
    """Is there an opening quote mark after ``token`` in its phrase? (One bisect per call: the
    mark positions are found once per document.)"""
    doc = token.doc
    marks = doc.user_data.get(_MARKS)
    if marks is None:
        marks = [t.i for t in doc if t.text in _OPENING]
        doc.user_data[_MARKS] = marks
    k = bisect.bisect_right(marks, token.i)
    return k < len(marks) and marks[k] <= token.right_edge.i


def features(token: Any) -> list[str]:
    """Names of the features that hold for a candidate verb."""
    word = lemma(token)
    deps = {c.dep_ for c in token.children}
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = [
        f"lemma={word}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"lexicon={word in SPEECH_VERBS}",
        f"stance={word in STANCE_VERBS}",
        f"lemma+dep={word}|{token.dep_}",
    ]
    kinds = sorted(deps & _CHILD_DEPS)
    found += [f"child={d}" for d in kinds]
    for child in token.children:
        if child.dep_ == "prep" and child.i > token.i:
            # "called for", "complained about", "spoke at": the preposition tells which.
            found.append(f"prep={child.lower_}")
            found.append(f"lemma+prep={word}|{child.lower_}")
        elif child.dep_ == "dobj":
            found.append(f"object={lemma(child)}")
        elif child.dep_ == "aux" and child.lower_ == "to":
            found.append("infinitive")
    if subject is None:
        found.append("subject=none")
    else:
        found.append(f"subject_pos={subject.pos_}")
        found.append(f"subject_ent={subject.ent_type_ or '-'}")
        found.append(f"subject_word={subject.lower_}" if subject.pos_ == "PRON" else "subject=np")
    # The verb with its company: "call" with an object and predicate, "show" with a document
    # as subject, the verb it depends on and the words around it.
    found += [f"lemma+child={word}|{d}" for d in kinds]
    kind = "-" if subject is None else (subject.ent_type_ or subject.pos_)
    found.append(f"lemma+subject={word}|{kind}")
    head = token.head
    found.append(f"head={lemma(head) if head.i != token.i else '-'}|{head.dep_}")
    doc = token.doc
    found.append(f"previous={doc[token.i - 1].lower_ if token.i > 0 else '-'}")
    found.append(f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '-'}")
    if quote_in_phrase(token):
        found.append("quote_in_phrase")
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":":
        found.append("colon_after")
    return found


_CHILD_DEPS = frozenset(
    [
        "ccomp",
        "xcomp",
        "dobj",
        "prep",
        "dative",
        "agent",
        "advcl",
        "parataxis",
        "neg",
        "aux",
        "auxpass",
        "attr",
        "oprd",
    ]
)


class CueModel:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.bias = float(spec["bias"])
        self.weights: dict[str, float] = {k: float(v) for k, v in spec["weights"].items()}
        self.threshold = float(spec.get("threshold", THRESHOLD))

    def probability(self, names: list[str]) -> float:
        raw = self.bias + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(min(raw, 30.0), -30.0)))

    def keep(self, token: Any) -> bool:
        return self.probability(features(token)) >= self.threshold


#: Set by the training script to evaluate a candidate model (None: the shipped one).
_override: CueModel | None = None


def use_model(model: CueModel | None) -> None:
    global _override  # noqa: PLW0603 (a training hook, not state the library relies on)
    _override = model


def current() -> CueModel | None:
    return _override or _shipped()


@cache
def _shipped() -> CueModel | None:
    resource = files("presstrace.quotes") / "cue_model.json"
    if not resource.is_file():
        return None
    return CueModel(json.loads(resource.read_text(encoding="utf-8")))
