"""The article-extraction-benchmark body metric, shared by the benchmark scripts.

scrapinghub/article-extraction-benchmark ``evaluate.py``: tokens are ``\\w+``; 4-word shingles
with multiplicity; each page's TP/FP/FN normalised to sum to 1 so long articles do not weigh
more; precision averaged over pages with something predicted or matched (tp + fp > 0), recall
over pages with something to find (tp + fn > 0); F1 of the two means. newspaper4k's evaluation
(``n4k_body_metrics``) differs only in averaging over all pages and giving short texts no
shingle.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

TpFpFn = tuple[float, float, float]


def _shingles(text: str, n: int, short_text_shingle: bool) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    if short_text_shingle:
        # evaluate.py's range(max(1, len - n + 1)): a text shorter than n tokens gets one short
        # shingle, an empty text none.
        grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
        return Counter(g for g in grams if g)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_tp_fp_fn(
    true: str, pred: str, *, n: int = 4, short_text_shingle: bool = True
) -> TpFpFn:
    gold, got = _shingles(true, n, short_text_shingle), _shingles(pred, n, short_text_shingle)
    tp = float(sum((gold & got).values()))
    fp = float(sum((got - gold).values()))
    fn = float(sum((gold - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def body_metrics(counts: Sequence[TpFpFn]) -> dict[str, float]:
    """Precision, recall and F1 over pages, from each page's ``shingle_tp_fp_fn``."""
    p_values = [precision(*c) for c in counts if c[0] + c[1] > 0]
    r_values = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(p_values) if p_values else 0.0
    r = statistics.mean(r_values) if r_values else 0.0
    return {"precision": p, "recall": r, "f1": f1(p, r)}


def aeb_body_metrics(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """``(truth, prediction)`` pairs scored as evaluate.py does, without the bootstrap."""
    return body_metrics([shingle_tp_fp_fn(t, p) for t, p in pairs])


def n4k_body_metrics(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """newspaper4k's tests/evaluation/helper.py: means over all pages."""
    counts = [shingle_tp_fp_fn(t, p, short_text_shingle=False) for t, p in pairs]
    p = statistics.mean(precision(*c) for c in counts)
    r = statistics.mean(recall(*c) for c in counts)
    return {"precision": p, "recall": r, "f1": f1(p, r)}
