"""Numbers and quantities (value F1, value+unit F1, CQE scheme), against quantulum3, with speed.

Data (evaluation only: the JSON holds numbers and unit names only; ``--show-errors`` prints
texts to stderr, never to a file; skipped with a message when absent):

- ``<eval-dir>/recognizers_number_en/``: Recognizers-Text English spec cases (UTF-8 with BOM),
  ``{"Input", "Results": [{"Text", "TypeName", "Resolution": {"value", "unit", ...}, "Start",
  "End"}]}`` with ``End`` inclusive: ``Number/NumberModel``, ``NumberRangeModel`` and
  ``PercentModel``; ``NumberWithUnit/{Age,Currency,Dimension,Temperature}Model``. Left out:
  ``OrdinalModel*`` (ordinals, "the tenth", are ranks, not figures: presstrace skips them by
  design) and the ``*ExperimentalMode``, ``*PercentMode`` and ``*SuppressExtendedTypes``
  variants, which repeat cases of the files above under other recogniser settings.
- ``<eval-dir>/quantulum3_tests/``: ``quantities.json`` and ``quantities.ambiguity.json``,
  ``[{"req": sentence, "res": [{"value", "unit", "surface", "uncertainty"?}]}]``; each surface is
  located in its sentence in order. These are quantulum3's own unit tests, so the baseline is
  scored on cases written for it.

Scoring (``numbers_metric``, CQE-style, micro over cases): a gold quantity is matched one to one
by a predicted figure whose span shares a character with it (best pairs first: value+unit
right, value right, overlap). Value right: the predicted number equals the gold within a
relative tolerance of 1e-6. A NumberRangeModel interval is read fairly: two finite ends
``[20,30)`` need the predicted ``low``/``high`` equal to them, whether an end is open or not;
``[20,20]`` needs value 20 with ``=`` or ``~``; one open side ``(20,)`` / ``[30,)`` / ``(,100]``
needs the bound equal and an operator of the same direction (``>``/``>=``, ``<``/``<=``);
getting the inclusiveness right as well is reported apart (``bounds_inclusive`` of ``bounds``).
A plain gold number ignores the predicted operator. Value+unit right: also the predicted
canonical unit is one the gold unit maps to through ``numbers_metric.UNIT_NAMES`` ("Dollar" /
"United States dollar" -> USD, "Pound" -> GBP in Currency but lb in Dimension, "C" -> degC,
"Year" -> year, "dimensionless" -> None, cents to USD / 100, ...); a gold unit missing from the
table is listed under ``unmapped_gold_units`` and no system gets it right. Precision: every
matched prediction, plus the unmatched ones the data set counts: all for the Number sets and
quantulum3 (dimensionless gold included, so years and labels quantulum3's gold lists count
against systems that skip them); for NumberWithUnit sets, whose gold lists only quantities with
a unit, only predictions with a unit, and for Currency only money; how many of those are not
of the kind the set lists (a duration or a sum of money in a Dimension case) is printed apart
(``spurious_other_kind``), for a reader who would leave them out. Gold without a value
("percentage" alone, a bare "dollar") is dropped and predictions on it are ignored.

What the gap is made of (``left_out_by_design``, presstrace only): the value mistakes on numbers
presstrace leaves out on purpose because in news they are not figures (the parts of an IP
address, a phone number or a date written in digits, and a plain year, which the time stage
finds), and the headline F1 if those were read as the gold has them; likewise value+unit F1 if
the right values whose gold unit the table lacks had their unit right; each also without the
predictions of another kind than a unit set lists. These say how far the scores could go
without changing what presstrace is for; they are not scores.

Per data set: P/R/F1 of value and of value+unit (and of the span alone). Micro averages: ``all
sets`` (its value F1 is the headline value figure) and ``unit sets`` (Age, Currency, Dimension,
Temperature and both quantulum3 files; its value+unit F1 is the headline unit figure).
Anchors (other data, for orientation only): on NewsQuant, CQE value F1 92.0 / value+unit 85.6,
quantulum3 73.0 / 47.2; on CQE's re-formatted Currency (180 sentences), CQE 84.2 / 79.6,
quantulum3 76.2 / 32.5.

Systems, on the same cases in the same run, each warmed up once, then timed over all cases:

- ``presstrace``: ``presstrace.figures.find_figures(text)``; exit 1 if it cannot be imported.
- ``quantulum3``: ``quantulum3.parser.parse(text, classifier_path=...)``, each ``Quantity``
  mapped to a figure (``.value``, ``.unit.name`` through the same unit table, ``.unit.entity``
  for the kind and for unknown dimensionless units, ``.span``, ``.uncertainty`` as low/high
  around the value). Skipped when not installed; a case it raises on counts as a crash with no
  predictions. Unit disambiguation (``--quantulum3-disambiguation``): the classifier quantulum3
  ships (``clf.joblib``) is pickled with an old scikit-learn and fails to load with a current
  one, so ``auto`` uses it when it loads, else retrains it offline from the training data
  quantulum3 bundles (``classifier.train_classifier``, into a temporary directory, outside the
  timing, in a child process with ``PYTHONHASHSEED=0`` so that the model is the same every
  run; needs scikit-learn, joblib and ``stemming``), else falls back to quantulum3's heuristic
  (``quantulum3.classifier.USE_CLF = False``, its path when scikit-learn is absent: with
  scikit-learn present but no model loaded, 0.10.0 raises on 16 of these cases). The mode used
  is in the JSON.

Speed: cases per second over all cases of the nine sets (the fastest of ``--repeat`` passes,
default 3, one system after the other; predictions are the first pass's), and the ratio
presstrace / quantulum3 cases per second.

Usage::

    .venv/bin/python benchmarks/bench_numbers.py [--eval-dir DIR] [--output PATH]
        [--show-errors N] [--errors-of presstrace|quantulum3] [--no-baseline] [--repeat N]
        [--quantulum3-disambiguation auto|shipped|retrained|heuristic]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numbers_metric import (
    CANONICAL_UNITS,
    UNMAPPED_PREFIX,
    Counted,
    Counts,
    Gold,
    Offsets,
    Outcome,
    Pred,
    carries_unit,
    counts_all,
    design_gap,
    figure_pred,
    is_age,
    is_dimension,
    is_money,
    is_temperature,
    left_out_by_design,
    quantulum_gold,
    quantulum_pred,
    recognizers_gold,
    score_case,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
RESULTS = REPO / "benchmarks" / "results" / "numbers.json"
SYSTEMS = ("presstrace", "quantulum3")
WARM_UP = "Some 1,200 people paid $5 million, 20% more, for 3 km of road."


@dataclass(frozen=True)
class DataSet:
    name: str
    path: str  # under the eval dir
    model: str  # number, range, percent, unit or quantulum
    context: str | None = None
    counted: Counted = counts_all
    unit_set: bool = True  # in the value+unit micro average
    own: Counted | None = None  # the kind its gold lists, when it lists one kind only


DATASETS = (
    DataSet("NumberModel", "recognizers_number_en/Number/NumberModel.json", "number", None,
            counts_all, False),
    DataSet("NumberRangeModel", "recognizers_number_en/Number/NumberRangeModel.json", "range",
            None, counts_all, False),
    DataSet("PercentModel", "recognizers_number_en/Number/PercentModel.json", "percent", None,
            counts_all, False),
    DataSet("AgeModel", "recognizers_number_en/NumberWithUnit/AgeModel.json", "unit", "age",
            carries_unit, True, is_age),
    DataSet("CurrencyModel", "recognizers_number_en/NumberWithUnit/CurrencyModel.json", "unit",
            "currency", is_money),
    DataSet("DimensionModel", "recognizers_number_en/NumberWithUnit/DimensionModel.json", "unit",
            "dimension", carries_unit, True, is_dimension),
    DataSet("TemperatureModel", "recognizers_number_en/NumberWithUnit/TemperatureModel.json",
            "unit", "temperature", carries_unit, True, is_temperature),
    DataSet("quantulum3 quantities", "quantulum3_tests/quantities.json", "quantulum"),
    DataSet("quantulum3 ambiguity", "quantulum3_tests/quantities.ambiguity.json", "quantulum"),
)  # fmt: skip
ANCHORS = {
    "note": "other data (NewsQuant; CQE's re-formatted Recognizers Currency), for orientation",
    "NewsQuant": {"CQE": [92.0, 85.6], "quantulum3": [73.0, 47.2]},
    "Currency (CQE re-formatted, 180 sentences)": {
        "CQE": [84.2, 79.6],
        "quantulum3": [76.2, 32.5],
        "Recognizers-Text": [77.7, 52.5],
    },
}


@dataclass(frozen=True)
class Case:
    dataset: DataSet
    index: int
    text: str
    gold: list[Gold]
    ignore: list[Offsets]


def load_cases(eval_dir: Path) -> list[Case]:
    cases: list[Case] = []
    for ds in DATASETS:
        path = eval_dir / ds.path
        if not path.exists():
            print(f"missing {path}: {ds.name} skipped")
            continue
        for i, item in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
            if ds.model == "quantulum":
                cases.append(Case(ds, i, item["req"], quantulum_gold(item), []))
            else:
                gold, ignore = recognizers_gold(item, ds.model, ds.context)
                cases.append(Case(ds, i, item["Input"], gold, ignore))
    return cases


Run = Callable[[str], list[Pred]]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """quantulum3 warns on import and on every fallback; its logger on version mismatches."""
    logger = logging.getLogger("quantulum3")
    level = logger.level
    logger.setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            logger.setLevel(level)


def quantulum3_runner(mode: str, workdir: Path) -> tuple[Run, dict[str, Any]] | None:
    try:
        with quiet():
            parser = importlib.import_module("quantulum3.parser")
            classifier: Any = importlib.import_module("quantulum3.classifier")
            version = importlib.import_module("importlib.metadata").version("quantulum3")
    except ImportError:
        print("quantulum3 not installed: its row is skipped (pip install 'quantulum3>=0.9')")
        return None
    info: dict[str, Any] = {"version": version}
    path: str | None = None
    used = "heuristic"
    if mode in ("auto", "shipped"):
        try:
            with quiet():
                loaded = classifier.Classifier(lang="en_US").loaded
        except Exception as exc:  # pickled with another scikit-learn
            info["shipped_classifier_error"] = f"{type(exc).__name__}: {exc}"
            loaded = False
        if loaded:
            path, used = None, "shipped classifier"
        elif mode == "shipped":
            print("quantulum3's shipped classifier does not load: heuristic disambiguation")
    if mode in ("auto", "retrained") and used == "heuristic":
        target = workdir / "clf.joblib"
        # In a child with a fixed hash seed: quantulum3 orders its classes by iterating a
        # frozenset, so the model (and one or two answers) would change from run to run.
        train = (
            "import warnings; warnings.simplefilter('ignore')\n"
            "from quantulum3 import classifier\n"
            f"classifier.train_classifier(store=True, output_path={str(target)!r}, n_jobs=1)\n"
        )
        env = os.environ | {"PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [sys.executable, "-c", train], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode == 0 and target.exists():
            path, used = str(target), "classifier retrained offline from quantulum3's data"
        else:  # scikit-learn, joblib or stemming missing
            error = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
            info["retrain_error"] = error
            print(f"quantulum3 classifier not retrained ({error}): heuristic disambiguation")
    if used == "heuristic":
        # quantulum3's own path for "no scikit-learn": with scikit-learn installed but no model
        # loaded it takes the classifier path and raises on units its heuristic cannot settle.
        classifier.USE_CLF = False
        path = None
    info["disambiguation"] = used

    def run(text: str) -> list[Pred]:
        with quiet():
            return [quantulum_pred(q) for q in parser.parse(text, classifier_path=path)]

    return run, info


def run_system(run: Run, cases: Sequence[Case], repeat: int) -> tuple[list[list[Pred]], float, int]:
    """Predictions of the first pass, the fastest of ``repeat`` passes, crashes."""
    run(WARM_UP)
    best = float("inf")
    predictions: list[list[Pred]] = []
    for attempt in range(max(1, repeat)):
        crashes = 0
        out: list[list[Pred]] = []
        started = time.perf_counter()
        for case in cases:
            try:
                out.append(run(case.text))
            except Exception:  # a baseline failure is counted, not fatal
                crashes += 1
                out.append([])
        best = min(best, time.perf_counter() - started)
        if attempt == 0:
            predictions = out
    return predictions, best, crashes


def show(text: str, start: int, end: int, reach: int = 70) -> str:
    before = text[max(0, start - reach) : start]
    after = text[end : end + reach]
    before = ("..." if start > reach else "") + before
    after += "..." if end + reach < len(text) else ""
    return f"{before}[[{text[start:end]}]]{after}".replace("\n", " ")


def describe(case: Case, mistake: Outcome) -> str:
    where = f"[{case.dataset.name} #{case.index}] {mistake.kind:<8}"
    g, p = mistake.gold, mistake.pred
    lines = [where + (f" gold {g.describe()}" if g else f" pred {p.describe() if p else ''}")]
    if g and p:
        lines.append(f"{'':<{len(where)}} pred {p.describe()}")
    span = (g.start, g.end) if g else (p.start, p.end) if p else (0, 0)
    lines.append(f"{'':<{len(where)}} | {show(case.text, *span)}")
    return "\n".join(lines)


def evaluate(
    cases: Sequence[Case], predictions: Sequence[Sequence[Pred]]
) -> tuple[dict[str, Counts], dict[str, list[str]], Counter[str], int]:
    """Counts and error lines per data set; the value mistakes on numbers left out by design
    (missed or misread), by kind; and how many right values on the unit sets have a gold unit
    the scoring table lacks (no system can get their unit right)."""
    counts: dict[str, Counts] = {ds.name: Counts() for ds in DATASETS}
    errors: dict[str, list[str]] = {ds.name: [] for ds in DATASETS}
    design: Counter[str] = Counter()
    unmapped = 0  # right values whose gold unit the table lacks
    for case, preds in zip(cases, predictions, strict=True):
        ds = case.dataset
        c, mistakes = score_case(case.gold, preds, ds.counted, case.ignore, ds.own)
        counts[case.dataset.name] += c
        errors[case.dataset.name] += [describe(case, m) for m in mistakes]
        for m in mistakes:
            kind = left_out_by_design(case.text, m.gold) if m.gold and m.kind != "unit" else None
            if kind:
                design[f"{m.kind} {kind}"] += 1
            elif m.kind == "unit" and m.gold and not m.gold.mapped and ds.unit_set:
                unmapped += 1
    return counts, errors, design, unmapped


def total(counts: dict[str, Counts], names: Sequence[str]) -> Counts:
    out = Counts()
    for name in names:
        out += counts[name]
    return out


def report(results: dict[str, Any]) -> None:
    head = ("gold", "pred", "val P", "val R", "val F1", "v+u P", "v+u R", "v+u F1", "span F1")
    print(f"{'data set':<24}{'system':<12}" + "".join(f"{h:>8}" for h in head))
    print(f"{'':<24}{'':<12}" + "(P/R/F1 in %)")
    rows = [(n, d["systems"]) for n, d in results["datasets"].items()]
    rows += [(f"micro {n}", d) for n, d in results["micro"].items()]
    for name, systems in rows:
        for i, (system, m) in enumerate(systems.items()):
            cells = [m[k] for k in ("value_p", "value_r", "value_f1")]
            cells += [m[k] for k in ("value_unit_p", "value_unit_r", "value_unit_f1", "span_f1")]
            label = name if i == 0 else ""
            print(f"{label:<24}{system:<12}{m['gold']:>8}{m['predicted']:>8}", end="")
            print("".join(f"{100 * x:>8.1f}" for x in cells))
    for system, m in results["micro"]["all sets"].items():
        print(f"{system}: one-sided bounds right {m['bounds']}, of which with the gold's", end="")
        print(f" inclusiveness {m['bounds_inclusive']}; ignored predictions {m['ignored']}")
    for system in results["micro"]["all sets"]:
        other = {
            n: d["systems"][system]["spurious_other_kind"] for n, d in results["datasets"].items()
        }
        print(f"{system}: false positives of another kind than the set lists (in 'pred'): ", end="")
        print(", ".join(f"{n} {k}" for n, k in other.items() if k) or "none")
    unmapped = results["unmapped_gold_units"]
    units = next(iter(results["micro"]["unit sets"].values()), {"gold": 0, "gold_unmapped": 0})
    print(
        f"gold units without a mapping ({units['gold_unmapped']} of the {units['gold']} unit-set",
        end="",
    )
    print(" quantities; no system can get their unit right): ", end="")
    print(", ".join(f"{u} ({n})" for u, n in unmapped.items()) or "none")
    for system, units in results["unmapped_predicted_units"].items():
        more = f" and {len(units) - 12} more" if len(units) > 12 else ""
        print(f"{system} units outside the table: " + (", ".join(units[:12]) or "none") + more)
    gap = results["left_out_by_design"]
    mistakes = ", ".join(f"{k} {n}" for k, n in gap["mistakes"].items())
    print(f"presstrace value mistakes on numbers left out by design: {mistakes or 'none'}")
    print("presstrace value F1 if those were read as the gold has them:", end="")
    print(f" {gap['value_f1_if_read']}, also without other kinds:", end="")
    print(f" {gap['value_f1_if_read_other_kinds_not_counted']}")
    print(f"presstrace value+unit F1 if the {gap['unit_unmapped_value_right']}", end="")
    print(" right values", end="")
    print(f" with an unmapped gold unit were right: {gap['value_unit_f1_if_mapped']},", end="")
    print(f" also without other kinds: {gap['value_unit_f1_if_mapped_other_kinds_not_counted']}")
    for system, s in results["speed"].items():
        print(f"{system}: {s['cases_per_second']:.1f} cases/s ({s['seconds']} s", end="")
        print(f", {s['crashes']} crashes)")
    if "speed_ratio" in results:
        print(f"presstrace cases/s / quantulum3 cases/s: {results['speed_ratio']}")
    if "quantulum3" in results:
        print(f"quantulum3 {results['quantulum3']['version']}: ", end="")
        print(results["quantulum3"]["disambiguation"])
    print(
        "anchors (other data): NewsQuant value / value+unit F1: CQE 92.0 / 85.6, quantulum3 ",
        end="",
    )
    print("73.0 / 47.2; CQE's Currency: CQE 84.2 / 79.6, quantulum3 76.2 / 32.5")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N", help="print N mistakes per data set"
    )
    parser.add_argument("--errors-of", choices=SYSTEMS, default="presstrace")
    parser.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the fastest counts")
    parser.add_argument(
        "--quantulum3-disambiguation",
        choices=("auto", "shipped", "retrained", "heuristic"),
        default="auto",
    )
    args = parser.parse_args(argv)
    roots = [args.eval_dir / d for d in ("recognizers_number_en", "quantulum3_tests")]
    if not any(r.is_dir() for r in roots):
        print(f"skipped: no recognizers_number_en/ or quantulum3_tests/ under {args.eval_dir}")
        return 0
    try:
        from presstrace.figures import find_figures
    except ImportError as exc:
        print(f"cannot import presstrace.figures.find_figures: {exc}", file=sys.stderr)
        return 1
    cases = load_cases(args.eval_dir)
    systems: list[tuple[str, Run]] = [
        ("presstrace", lambda text: [figure_pred(f) for f in find_figures(text)])
    ]
    results: dict[str, Any] = {"cases": len(cases), "datasets": {}, "micro": {}}
    with tempfile.TemporaryDirectory() as tmp:
        baseline = (
            None
            if args.no_baseline
            else quantulum3_runner(args.quantulum3_disambiguation, Path(tmp))
        )
        if baseline is not None:
            systems.append(("quantulum3", baseline[0]))
            results["quantulum3"] = baseline[1]
        runs = {name: run_system(run, cases, args.repeat) for name, run in systems}
    names = [ds.name for ds in DATASETS]
    unit_names = [ds.name for ds in DATASETS if ds.unit_set]
    per_system: dict[str, dict[str, Counts]] = {}
    errors: dict[str, list[str]] = {}
    designs: dict[str, tuple[Counter[str], int]] = {}
    results["speed"] = {}
    for system, (predictions, seconds, crashes) in runs.items():
        counts, mistakes, design, unmapped_right = evaluate(cases, predictions)
        per_system[system] = counts
        designs[system] = (design, unmapped_right)
        errors = mistakes if system == args.errors_of else errors
        results["speed"][system] = {
            "seconds": round(seconds, 3),
            "cases_per_second": round(len(cases) / seconds, 1),
            "crashes": crashes,
        }
    for ds in DATASETS:
        n = sum(c.dataset is ds for c in cases)
        if not n:
            continue
        results["datasets"][ds.name] = {
            "cases": n,
            "gold_without_value": sum(len(c.ignore) for c in cases if c.dataset is ds),
            "systems": {s: per_system[s][ds.name].as_dict() for s in per_system},
        }
    # The headline: value F1 over all nine sets, value+unit F1 over the six unit sets.
    results["micro"]["all sets"] = {s: total(c, names).as_dict() for s, c in per_system.items()}
    results["micro"]["unit sets"] = {
        s: total(c, unit_names).as_dict() for s, c in per_system.items()
    }
    ours = per_system["presstrace"]
    results["left_out_by_design"] = design_gap(
        total(ours, names), total(ours, unit_names), *designs["presstrace"]
    )
    unmapped: Counter[str] = Counter(
        str(g.unit_name) for c in cases if c.dataset.unit_set for g in c.gold if not g.mapped
    )
    results["unmapped_gold_units"] = dict(unmapped.most_common())
    results["unmapped_predicted_units"] = {}
    for system, (predictions, _, _) in runs.items():
        outside = Counter(
            str(p.unit).removeprefix(UNMAPPED_PREFIX)
            for preds in predictions
            for p in preds
            if p.unit is not None and p.unit not in CANONICAL_UNITS
        )
        results["unmapped_predicted_units"][system] = [
            f"{u} ({n})" for u, n in outside.most_common()
        ]
    if "quantulum3" in results["speed"]:
        speeds = [results["speed"][s]["cases_per_second"] for s in SYSTEMS]
        results["speed_ratio"] = round(speeds[0] / speeds[1], 2)
    results["anchors"] = ANCHORS
    report(results)
    for name in names:
        for line in errors.get(name, [])[: args.show_errors]:
            print(line, file=sys.stderr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
