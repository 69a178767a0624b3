"""Coarse part-of-speech tags from the tagger's fine tags, without spaCy's attribute ruler.

In ``en_core_web_sm`` the tagger predicts Penn tags (``VBD``) and the ``attribute_ruler`` maps
them to universal tags (``VERB``) with a token matcher over 179 patterns (plus morphology, which
attribution never reads). The matcher costs about a seventh of the quotes stage. This component
applies the same patterns (the ones that set ``POS``) with dictionary look-ups and set
tests: the patterns are read from the loaded ruler, so the rules stay the model's own, and
where several match the later one wins, as in the ruler.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class _Test:
    """One attribute of one pattern token: its value is (``negate``: is not) in ``values``."""

    column: int
    values: frozenset[int]
    negate: bool = False


@dataclass(frozen=True)
class _Rule:
    order: int
    tokens: tuple[tuple[_Test, ...], ...]
    index: int  # which token of the pattern gets the tag
    pos: int  # the universal tag, as the enum value ``Doc.from_array`` wants


def _test(attr: str, value: Any, strings: Any) -> _Test:
    def key(v: Any) -> int:
        return int(v) if attr == "IS_SPACE" else int(strings.add(str(v)))

    column = _ATTRS.index(attr)
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            return _Test(column, frozenset(key(v) for v in value["IN"]))
        if set(value) == {"NOT_IN"}:
            return _Test(column, frozenset(key(v) for v in value["NOT_IN"]), negate=True)
        raise ValueError(f"unsupported attribute-ruler condition {value!r}")
    return _Test(column, frozenset([key(value)]))


class CoarseTagger:
    """Sets ``token.pos`` from the attribute ruler's POS patterns; nothing else."""

    def __init__(self, patterns: Sequence[dict[str, Any]], strings: Any) -> None:
        # Most rules test the fine tag, or the fine tag and the word: dictionary look-ups. The
        # few others (dependency labels, two-token patterns) are tested token by token.
        self.by_tag: dict[int, _Rule] = {}
        self.by_tag_word: dict[tuple[int, int], _Rule] = {}
        self.other: list[_Rule] = []
        for order, spec in enumerate(patterns):
            pos = spec["attrs"].get("POS")
            if pos is None:
                continue
            for pattern in spec["patterns"]:
                tokens = tuple(
                    tuple(_test(attr, v, strings) for attr, v in token.items()) for token in pattern
                )
                rule = _Rule(order, tokens, int(spec.get("index", 0)), int(IDS[pos]))
                tests = tokens[0]
                simple = len(tokens) == 1 and all(not t.negate for t in tests)
                columns = sorted(t.column for t in tests)
                if simple and columns == [0] and len(tests[0].values) == 1:
                    self.by_tag[next(iter(tests[0].values))] = rule
                elif simple and columns == [0, 1]:
                    tag = next(t for t in tests if t.column == 0)
                    words = next(t for t in tests if t.column == 1)
                    for t in tag.values:
                        for w in words.values:
                            self.by_tag_word[(t, w)] = rule
                else:
                    self.other.append(rule)
        # Rules that read only the token itself decide the same for the same row: cached.
        self.single = [r for r in self.other if len(r.tokens) == 1 and r.index == 0]
        self.context = [r for r in self.other if r not in self.single]
        self._decided: dict[tuple[int, ...], _Rule | None] = {}

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if n == 0:
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        pos = numpy.zeros((n, 1), dtype="uint64")
        for i, row in enumerate(rows):
            key = tuple(row)
            if key in self._decided:
                best = self._decided[key]
            else:
                if len(self._decided) >= DECIDED_MAX:
                    self._decided.clear()  # a long ingest meets ever more words: stay bounded
                best = self._decided[key] = self._decide(rows, i)
            for rule in self.context:
                if (best is None or rule.order > best.order) and _matches(rule, rows, i):
                    best = rule
            if best is not None:
                pos[i, 0] = best.pos
        doc.from_array([POS], pos)
        return doc

    def _decide(self, rows: list[list[int]], i: int) -> _Rule | None:
        """The last rule, in the ruler's order, that token ``i`` alone matches."""
        row = rows[i]
        best = self.by_tag.get(row[0])
        word = self.by_tag_word.get((row[0], row[1]))
        if word is not None and (best is None or word.order > best.order):
            best = word
        for rule in self.single:
            if (best is None or rule.order > best.order) and _matches(rule, rows, i):
                best = rule
        return best


def _matches(rule: _Rule, rows: list[list[int]], i: int) -> bool:
    """Is token ``i`` the tagged token of a match of ``rule``?"""
    start = i - rule.index
    if start < 0 or start + len(rule.tokens) > len(rows):
        return False
    for offset, tests in enumerate(rule.tokens):
        row = rows[start + offset]
        for test in tests:
            if (row[test.column] in test.values) == test.negate:
                return False
    return True


#: Rows (tag, word, dependency, space) whose tag is remembered, at most.
DECIDED_MAX = 200_000


@Language.factory("presstrace_coarse_tags")
def make_coarse_tagger(nlp: Any, name: str) -> CoarseTagger:
    """Built from the pipeline's own (disabled) attribute ruler."""
    return CoarseTagger(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab.strings)
