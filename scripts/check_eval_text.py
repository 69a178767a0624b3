"""Check that no evaluation text has found its way into the repository.

    python scripts/check_eval_text.py [--shared ../shared] [--words 8]

The evaluation sets and seed articles in ``../shared`` belong to their publishers: tests use
fixtures we write, comments use examples we make up. This lists every run of ``--words`` words
(8 by default, compared case-folded, punctuation ignored) that a tracked file shares with the
English texts there: PolNeAR, the seeds, ECB+, MEANTIME, and the article-extraction sets.
The unit-case sets (Recognizers-Text, quantulum3, ctparse) are one short phrase a case, so
there a whole case of ``--case-words`` words or more (5) found in a file is reported.

English Wikinews is freely licensed and the bundled demo corpus comes from it, so a run that
is also in the demo corpus (a MEANTIME article the corpus bundles, or anything else it shares)
is not reported, nor are the demo corpus and its attribution themselves. Page furniture
(copyright notices, sign-up prompts) is reported too; judge those by hand. Exits 1 when
anything is found, 0 otherwise (and when ``--shared`` is missing: there is nothing to compare
with).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "src" / "presstrace" / "demo" / "corpus"
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
#: Binary or generated files, and the licence texts, which are not ours to reword.
_SKIP = (
    ".db",
    ".gz",
    ".png",
    ".ico",
    "cue_model.json",
    "attribution_model.json",
    "LICENSE",
    "ATTRIBUTION.md",
)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def runs(text: str, n: int) -> Iterator[str]:
    found = words(text)
    for i in range(len(found) - n + 1):
        yield " ".join(found[i : i + n])


def shared_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(label, text) for every English text under ``shared``."""
    for split in ("train", "dev"):
        path = shared / "eval" / "polnear" / f"{split}.jsonl"
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                yield "polnear", json.loads(line)["text"]
    for path in sorted((shared / "corpus" / "seeds").glob("*")):
        if path.is_file():
            yield "seeds", path.read_text(encoding="utf-8", errors="ignore")
    for path in sorted((shared / "eval" / "ecbplus").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            yield "ecbplus", json.loads(line).get("text", "")
    for path in sorted((shared / "eval" / "meantime_en").rglob("*")):
        if path.is_file() and path.suffix in (".xml", ".naf", ".txt", ""):
            yield "meantime", _TAG.sub(" ", path.read_text(encoding="utf-8", errors="ignore"))
    truth = shared / "eval" / "aeb" / "ground-truth.json"
    if truth.is_file():
        for page in json.loads(truth.read_text(encoding="utf-8")).values():
            yield "aeb", page.get("articleBody", "")
    naeb = shared / "eval" / "naeb" / "news_articles.json"
    if naeb.is_file():
        for article in json.loads(naeb.read_text(encoding="utf-8")):
            yield "naeb", article.get("body") or article.get("text") or ""


def unit_cases(shared: Path) -> Iterator[tuple[str, str]]:
    """(label, text) for every case of the unit-case sets under ``shared``."""
    for folder in ("recognizers_number_en", "recognizers_datetime_en"):
        for path in sorted((shared / "eval" / folder).rglob("*.json")):
            for case in json.loads(path.read_text(encoding="utf-8-sig")):
                yield folder, case.get("Input", "")
    for path in sorted((shared / "eval" / "quantulum3_tests").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if isinstance(case, dict):
                yield "quantulum3", str(case.get("req") or case.get("text") or "")
    corpus = shared / "eval" / "ctparse_corpus" / "timeparse_corpus.json"
    if corpus.is_file():
        for case in json.loads(corpus.read_text(encoding="utf-8")):
            yield "ctparse", case.get("text", "")


def demo_texts() -> Iterable[str]:
    for path in DEMO.rglob("*"):
        if path.suffix == ".jsonl":
            for line in path.open(encoding="utf-8"):
                yield json.loads(line).get("text", "")
        elif path.is_file() and path.suffix in (".txt", ".html", ".xml"):
            yield path.read_text(encoding="utf-8", errors="ignore")
        elif path.suffix == ".gz":
            yield gzip.decompress(path.read_bytes()).decode("utf-8", errors="ignore")


def tracked_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return [REPO / name for name in out.splitlines() if not name.endswith(_SKIP)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--words", type=int, default=8)
    parser.add_argument("--case-words", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"no {args.shared}: nothing to compare with")
        return 0
    free = {run for text in demo_texts() for run in runs(text, args.words)}
    sources: dict[str, str] = {}
    for label, text in shared_texts(args.shared):
        for run in runs(text, args.words):
            if run not in free:
                sources.setdefault(run, label)
    # A case is found by its first words, then compared whole.
    cases: dict[str, list[tuple[list[str], str]]] = {}
    for label, text in unit_cases(args.shared):
        case = words(text)
        same = cases.setdefault(" ".join(case[: args.case_words]), [])
        if len(case) >= args.case_words and all(case != other for other, _ in same):
            same.append((case, label))  # (a case in two files of a set is one case)
    found = 0
    for path in tracked_files():
        if not path.is_file() or DEMO in path.parents:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        last = -args.words
        for i, run in enumerate(runs(text, args.words)):
            if run in sources and i >= last + args.words:
                print(f"{path.relative_to(REPO)}: [{sources[run]}] {run}")
                found += 1
                last = i
        file_words = words(text)
        for i, run in enumerate(runs(text, args.case_words)):
            for case, label in cases.get(run, ()):
                if file_words[i : i + len(case)] == case:
                    print(f"{path.relative_to(REPO)}: [{label}] {' '.join(case)}")
                    found += 1
    print(
        f"{found} shared run(s) of {args.words} words or unit cases of {args.case_words}+",
        file=sys.stderr,
    )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
