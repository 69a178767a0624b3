"""Coarse part-of-speech tags from the tagger's fine tags, without spaCy's attribute ruler.

In ``en_core_web_sm`` the tagger predicts Penn tags (``VBD``) and the ``attribute_ruler`` maps
them to universal tags (``VERB``) with a token matcher over 179 patterns (plus morphology, which
attribution never reads). The matcher costs about a fifth of the quotes stage. This component
applies the same patterns (the ones that set ``POS``) with plain dictionary look-ups: the
patterns are read from the loaded ruler, so the rules stay the model's own, and where several
match the later one wins, as in the ruler.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# A condition on one attribute, on the hash (or boolean) the token array holds.
_Test = Callable[[int], bool]


@dataclass(frozen=True)
class _Rule:
    order: int
    tokens: tuple[dict[int, _Test], ...]  # attribute column -> test, per token of the pattern
    index: int  # which token of the pattern gets the tag
    pos: int  # hash of the universal tag


def _test(value: Any, strings: Any, column: str) -> _Test:
    def key(v: Any) -> int:
        return int(v) if column == "IS_SPACE" else int(strings.add(str(v)))

    if isinstance(value, dict):
        if "IN" in value:
            allowed = frozenset(key(v) for v in value["IN"])
            return allowed.__contains__
        if "NOT_IN" in value:
            banned = frozenset(key(v) for v in value["NOT_IN"])
            return lambda h: h not in banned
        raise ValueError(f"unsupported attribute-ruler condition {value!r}")
    wanted = key(value)
    return lambda h: h == wanted


class CoarseTagger:
    """Sets ``token.pos`` from the attribute ruler's POS patterns; nothing else."""

    def __init__(self, patterns: Sequence[dict[str, Any]], strings: Any) -> None:
        # (universal tags are written as their enum values, as ``Doc.from_array`` wants them)
        self.by_tag: dict[int, list[_Rule]] = {}
        self.any_tag: list[_Rule] = []
        for order, spec in enumerate(patterns):
            pos = spec["attrs"].get("POS")
            if pos is None:
                continue
            for pattern in spec["patterns"]:
                tokens = tuple(
                    {_ATTRS.index(attr): _test(v, strings, attr) for attr, v in token.items()}
                    for token in pattern
                )
                rule = _Rule(order, tokens, int(spec.get("index", 0)), int(IDS[pos]))
                literal = pattern[rule.index].get("TAG")
                if isinstance(literal, str):
                    self.by_tag.setdefault(int(strings.add(literal)), []).append(rule)
                else:
                    self.any_tag.append(rule)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        tags = numpy.zeros((len(rows), 1), dtype="uint64")
        for i, row in enumerate(rows):
            best: _Rule | None = None
            for rule in (*self.by_tag.get(row[0], ()), *self.any_tag):
                if (best is None or rule.order > best.order) and _matches(rule, rows, i):
                    best = rule
            if best is not None:
                tags[i, 0] = best.pos
        doc.from_array([POS], tags)
        return doc


def _matches(rule: _Rule, rows: list[list[int]], i: int) -> bool:
    start = i - rule.index
    if start < 0 or start + len(rule.tokens) > len(rows):
        return False
    for offset, tests in enumerate(rule.tokens):
        row = rows[start + offset]
        if not all(test(row[column]) for column, test in tests.items()):
            return False
    return True


@Language.factory("presstrace_coarse_tags")
def make_coarse_tagger(nlp: Any, name: str) -> CoarseTagger:
    """Built from the pipeline's own (disabled) attribute ruler."""
    return CoarseTagger(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab.strings)
