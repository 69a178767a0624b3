"""Text reuse on COUNTER (Urdu agency story -> newspaper version), against word overlap.

Data: ``<eval-dir>/counter/pairs.jsonl`` (300 pairs labelled WD wholly derived, PD partially
derived, ND not derived). Urdu, so only language-independent methods apply. Used for
evaluation only: nothing of it is written anywhere (the JSON results hold numbers only).
Skipped with a message when absent.

Systems, on the same pairs in the same run:

- ``presstrace``: ``presstrace.copies.compare`` on the two bodies, exactly as the copies
  stage decides a candidate pair: ``duplicate`` / ``near_duplicate`` -> WD,
  ``shared_passages`` -> PD, no relation -> ND. Its thresholds are set for news in English
  (the seed articles: independent reports of one event must not be called copies) and were
  not tuned on COUNTER.
- ``word overlap``: the share of the derived text's distinct words found in the source, with
  thresholds tuned on this very data (best binary threshold; best pair of thresholds for the
  three classes): the README's optimistic baseline.
- ``lexical model`` (a measurement, not what presstrace ships): logistic regression over
  language-independent containment features (character 3-6-grams of the derived text found in
  the source, plain and idf-weighted over the 600 texts; the alignment share with 3-word
  seeds; shared digits; headline overlap; length ratio), scored by 5-fold stratified
  cross-validation repeated with 3 seeds. It shows how far paraphrase-aware reuse detection
  goes on COUNTER; it is not in the package because the same features, calibrated on Urdu,
  call every pair of independent English reports of one event a copy (seed articles:
  character 4-gram containment 0.27-0.44 between independent reports, COUNTER's ND median is
  0.17).
- ``own-words model`` (also a measurement): the same kind of model over features that leave
  quotations out (containment of the derived text's word 1- to 4-grams outside quotation marks,
  the alignment share, shared digits, length ratio), cross-validated the same way; then fitted
  on all the pairs and applied to every ordered pair of the seed articles (``--seeds``, read
  with ``presstrace.ingest``), to count how many pairs of independent English reports it would
  call derived. Only the count is reported, never the texts.
- ``wider model`` (a measurement): the lexical model's features plus sentence alignment (for
  each sentence of one text, the share of its character 4-grams in the closest sentence of the
  other: mean, median and shares above 0.3 / 0.5 / 0.7, both ways; sentence counts) and word
  1-, 2-, 3- and 5-gram containment both ways, in a random forest and in logistic regression,
  cross-validated the same way: whether a rewrite's sentence-by-sentence correspondence tells
  paraphrased reuse apart where whole-text containment does not.

Metrics: three-class macro F1 and binary derived-vs-not F1 (positive: WD or PD).

Usage::

    .venv/bin/python benchmarks/bench_reuse.py [--eval-dir DIR]   (needs scikit-learn)
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from presstrace.copies import compare, words
from presstrace.copies.align import align

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
RESULTS = REPO / "benchmarks" / "results" / "reuse.json"
LABELS = ("WD", "PD", "ND")
TO_LABEL = {"duplicate": "WD", "near_duplicate": "WD", "shared_passages": "PD", None: "ND"}


def f1_scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    def f1(positive: set[str]) -> float:
        tp = sum(g in positive and p in positive for g, p in zip(gold, pred, strict=True))
        fp = sum(g not in positive and p in positive for g, p in zip(gold, pred, strict=True))
        fn = sum(g in positive and p not in positive for g, p in zip(gold, pred, strict=True))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    macro = statistics.mean(f1({label}) for label in LABELS)
    return {"macro_f1": round(macro, 4), "binary_f1": round(f1({"WD", "PD"}), 4)}


def overlap(source: str, derived: str) -> float:
    a, b = set(words(source).keys), set(words(derived).keys)
    return len(a & b) / len(b) if b else 0.0


def tuned_overlap(values: list[float], gold: list[str]) -> dict[str, Any]:
    cuts = sorted(set(values))
    binary = max(
        (f1_scores(gold, ["PD" if v >= t else "ND" for v in values])["binary_f1"], t) for t in cuts
    )
    step = cuts[:: max(1, len(cuts) // 60)]
    three = max(
        (
            f1_scores(gold, ["WD" if v >= hi else "PD" if v >= lo else "ND" for v in values])[
                "macro_f1"
            ],
            lo,
            hi,
        )
        for lo in step
        for hi in step
        if hi > lo
    )
    return {
        "binary_f1": round(binary[0], 4),
        "binary_threshold": round(binary[1], 4),
        "macro_f1": round(three[0], 4),
        "thresholds": [round(three[1], 4), round(three[2], 4)],
    }


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return re.sub(r"\W+", "", "".join(c for c in text if not unicodedata.combining(c)))


def _grams(text: str, n: int) -> Counter[str]:
    folded = _fold(text)
    return Counter(folded[i : i + n] for i in range(len(folded) - n + 1))


def lexical_features(pairs: list[dict[str, Any]]) -> list[list[float]]:
    df = {n: Counter[str]() for n in (3, 4, 5, 6)}
    for p in pairs:
        for side in ("source", "derived"):
            for n, counts in df.items():
                counts.update(_grams(p[side]["body"], n).keys())
    documents = 2 * len(pairs)
    rows = []
    for p in pairs:
        a_text, b_text = p["source"]["body"], p["derived"]["body"]
        row = []
        for n in (3, 4, 5, 6):
            a, b = _grams(a_text, n), _grams(b_text, n)
            common = sum(min(c, a[g]) for g, c in b.items())
            row.append(common / max(1, sum(b.values())))
            row.append(common / max(1, sum(a.values())))
            weight = {g: math.log(documents / df[n][g]) for g in b}
            row.append(sum(w for g, w in weight.items() if g in a) / (sum(weight.values()) or 1))
        row.append(align(words(a_text), words(b_text), seed=3).b_share)
        digits_a, digits_b = set(re.findall(r"\d+", a_text)), set(re.findall(r"\d+", b_text))
        row.append(len(digits_a & digits_b) / max(1, len(digits_b)))
        head_a = _grams(p["source"].get("headline") or "", 4)
        head_b = _grams(p["derived"].get("headline") or "", 4)
        row.append(sum(min(c, head_a[g]) for g, c in head_b.items()) / max(1, sum(head_b.values())))
        row.append(math.log(max(1, len(b_text)) / max(1, len(a_text))))
        rows.append(row)
    return rows


def own_word_features(source: str, derived: str) -> list[float]:
    """Reuse features over the words outside quotation marks: shared quotations are what
    independent reports of one statement have in common, so they are left out."""
    a, b = words(source, quotes=True), words(derived, quotes=True)
    a_own = tuple(k for k, quoted in zip(a.keys, a.quoted, strict=True) if not quoted)
    b_own = tuple(k for k, quoted in zip(b.keys, b.quoted, strict=True) if not quoted)
    row = []
    for n in (1, 2, 3, 4):
        a_grams = set(zip(*(a_own[i:] for i in range(n)), strict=False))
        b_grams = set(zip(*(b_own[i:] for i in range(n)), strict=False))
        row.append(len(a_grams & b_grams) / max(1, len(b_grams)))
    row.append(align(a, b, seed=3).b_share)
    digits_a, digits_b = set(re.findall(r"\d+", source)), set(re.findall(r"\d+", derived))
    row.append(len(digits_a & digits_b) / max(1, len(digits_b)))
    row.append(math.log(max(1, len(b_own)) / max(1, len(a_own))))
    return row


_SENTENCE_END = re.compile(r"(?<=[۔.?!؟])\s+|\n+")


def _sentence_grams(text: str) -> list[set[str]]:
    found = []
    for sentence in _SENTENCE_END.split(text):
        folded = _fold(sentence)
        if len(folded) > 10:
            found.append({folded[i : i + 4] for i in range(len(folded) - 3)})
    return found


def _closest(sentences: list[set[str]], others: list[set[str]]) -> list[float]:
    """For each sentence, the share of its 4-grams in the other text's closest sentence."""
    return [max(len(s & o) / max(1, len(s)) for o in others) for s in sentences]


def wider_features(source: str, derived: str) -> list[float]:
    """Sentence alignment and word n-gram containment (added to ``lexical_features``)."""
    a, b = _sentence_grams(source), _sentence_grams(derived)
    row: list[float] = []
    for mine, theirs in ((b, a), (a, b)):
        best = _closest(mine, theirs) if mine and theirs else [0.0]
        row += [statistics.mean(best), statistics.median(best)]
        row += [sum(x > edge for x in best) / len(best) for edge in (0.3, 0.5, 0.7)]
    row.append(math.log((1 + len(b)) / (1 + len(a))))
    a_words, b_words = re.findall(r"\w+", source), re.findall(r"\w+", derived)
    for n in (1, 2, 3, 5):
        a_grams = set(zip(*(a_words[i:] for i in range(n)), strict=False))
        b_grams = set(zip(*(b_words[i:] for i in range(n)), strict=False))
        shared = len(a_grams & b_grams)
        row += [shared / max(1, len(b_grams)), shared / max(1, len(a_grams))]
    return row


def _forest() -> Any:
    from sklearn.ensemble import RandomForestClassifier

    return RandomForestClassifier(500, min_samples_leaf=3, random_state=0)


def _model() -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=5000))


def seed_texts(folder: Path) -> list[str]:
    """The seed articles as presstrace cleans them (an in-memory database, no quotes stage)."""
    import presstrace

    db = presstrace.open(":memory:")
    presstrace.ingest(db, [str(folder)], presstrace.Options(workers=1, quotes=False))
    return [a["text"] for a in db.articles()]


def seed_check(features: list[list[float]], gold: list[str], texts: list[str]) -> dict[str, Any]:
    """Fit the own-words model on all the pairs; count the ordered seed pairs it calls derived
    (and whether the pair the copies stage links is among them)."""
    model = _model().fit(features, gold)
    called, linked, bigrams = 0, [], []
    for i, j in itertools.permutations(range(len(texts)), 2):
        row = own_word_features(texts[i], texts[j])
        label = model.predict([row])[0]
        shipped = compare(words(texts[i], quotes=True), words(texts[j], quotes=True)).relation
        if shipped is not None:
            linked.append(label != "ND")
        else:
            called += label != "ND"
            bigrams.append(row[1])
    pairs = len(texts) * (len(texts) - 1)
    return {
        "ordered_pairs": pairs,
        "unlinked_pairs_called_derived": called,
        "unlinked_pairs": pairs - len(linked),
        "linked_pairs_called_derived": sum(linked),
        "linked_pairs": len(linked),
        "unlinked_word2_containment": [round(min(bigrams), 3), round(max(bigrams), 3)],
        "counter_word2_containment_median": {
            label: round(
                statistics.median(f[1] for f, g in zip(features, gold, strict=True) if g == label),
                3,
            )
            for label in LABELS
        },
    }


def lexical_model(
    features: list[list[float]], gold: list[str], make: Any = _model
) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    runs = []
    for seed in range(3):
        model = make()
        folds = StratifiedKFold(5, shuffle=True, random_state=seed)
        pred = list(cross_val_predict(model, features, gold, cv=folds))
        runs.append(f1_scores(gold, pred))
    return {k: round(statistics.mean(r[k] for r in runs), 4) for k in ("macro_f1", "binary_f1")} | {
        "macro_f1_sd": round(statistics.pstdev(r["macro_f1"] for r in runs), 4),
        "binary_f1_sd": round(statistics.pstdev(r["binary_f1"] for r in runs), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    path = args.eval_dir / "counter" / "pairs.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [p["label"] for p in pairs]
    ours = []
    for p in pairs:
        result = compare(
            words(p["source"]["body"], quotes=True), words(p["derived"]["body"], quotes=True)
        )
        ours.append(TO_LABEL[result.relation])
    results: dict[str, Any] = {
        "pairs": len(pairs),
        "labels": dict(Counter(gold)),
        "presstrace": f1_scores(gold, ours),
        "confusion": {
            f"{g}->{p}": n for (g, p), n in sorted(Counter(zip(gold, ours, strict=True)).items())
        },
        "word_overlap_tuned": tuned_overlap(
            [overlap(p["source"]["body"], p["derived"]["body"]) for p in pairs], gold
        ),
        "lexical_model_cv": lexical_model(lexical_features(pairs), gold),
    }
    own = [own_word_features(p["source"]["body"], p["derived"]["body"]) for p in pairs]
    results["own_words_model_cv"] = lexical_model(own, gold)
    wider = [
        row + wider_features(p["source"]["body"], p["derived"]["body"])
        for row, p in zip(lexical_features(pairs), pairs, strict=True)
    ]
    results["wider_model_cv"] = lexical_model(wider, gold)
    results["wider_model_forest_cv"] = lexical_model(wider, gold, _forest)
    if args.seeds.is_dir():
        results["own_words_model_on_seeds"] = seed_check(own, gold, seed_texts(args.seeds))
    print(f"COUNTER: {len(pairs)} pairs {dict(Counter(gold))}")
    print(f"{'system':<56} {'macro F1':>9} {'binary F1':>10}")
    for name, key in (
        ("presstrace copies relation (as shipped)", "presstrace"),
        ("word overlap, thresholds tuned on this data", "word_overlap_tuned"),
        ("lexical model, 5-fold CV x3 (not shipped)", "lexical_model_cv"),
        ("own-words model, 5-fold CV x3 (not shipped)", "own_words_model_cv"),
        ("wider model, logistic, 5-fold CV x3 (not shipped)", "wider_model_cv"),
        ("wider model, random forest, 5-fold CV x3 (not shipped)", "wider_model_forest_cv"),
    ):
        row = results[key]
        print(f"{name:<56} {row['macro_f1']:>9.3f} {row['binary_f1']:>10.3f}")
    if check := results.get("own_words_model_on_seeds"):
        print(
            f"own-words model fitted on COUNTER, on the seeds: "
            f"{check['unlinked_pairs_called_derived']} of {check['unlinked_pairs']} ordered pairs "
            f"of independent reports called derived; {check['linked_pairs_called_derived']} of "
            f"{check['linked_pairs']} pairs the copies stage links"
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
