"""A generated news corpus with planted copies and stories, for speed and scale benchmarks.

    python benchmarks/synthetic.py --articles 100000 -o corpus.jsonl.gz

Text comes from a word-bigram model of the bundled demo articles (English Wikinews,
CC BY 2.5, written by Wikinews contributors; see
``src/presstrace/demo/corpus/ATTRIBUTION.md``), so it has news-like words but is new text. To
keep unrelated articles from sharing long runs of words (a small bigram model walks the same
paths), each story gets its own invented names, and one word in six is swapped for a random
word of the vocabulary. Deterministic for a given seed; streamed, so memory stays flat.

Each line: ``id``, ``title``, ``outlet``, ``published``, ``text`` and ``truth``
(``story``, ``derived_from``, ``relation``): about 60 % ``original`` articles (several per story),
5 % ``duplicate`` (another outlet reprints one untouched), 15 % ``near_duplicate`` (a few words
changed, a spelling variant, a paragraph dropped or two swapped, a new headline, the end
trimmed), 10 % ``shared_passages`` (two or three paragraphs kept, the rest new) and 10 %
``same_story`` (new text about the same story: its names, no copied passages).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "ur", "be", "ta", "nor"]
OUTLETS = [f"{a} {b}" for a in ("Daily", "Evening", "Morning", "City", "National") for b in
           ("Post", "Herald", "Times", "Courier", "Ledger", "Star", "Mirror", "Tribune", "Echo",
            "Gazette")]  # fmt: skip
VARIANTS = {"Uighur": "Uyghur", "colour": "color", "organise": "organize", "centre": "center"}


class _Model:
    def __init__(self) -> None:
        corpus = files("presstrace.demo") / "corpus" / "wikinews.jsonl"
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        words: list[str] = []
        for line in corpus.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                tokens = sentence.split()
                if len(tokens) < 4:
                    continue
                self.starts.append(tokens[0])
                for a, b in zip(tokens, [*tokens[1:], "<end>"], strict=True):
                    self.next[a].append(b)
                words += tokens
        self.vocabulary = sorted({w for w in words if w.isalpha() and w.islower()})

    def sentence(self, rng: random.Random, names: list[str]) -> str:
        word = rng.choice(self.starts)
        out = [word]
        while len(out) < 35:
            options = self.next.get(word)
            if not options:
                break
            word = rng.choice(options)
            if word == "<end>":
                break
            out.append(word)
        for i, w in enumerate(out):
            if w[:1].isupper() and i > 0:
                out[i] = rng.choice(names)
            elif w.isalpha() and rng.random() < 1 / 6:
                out[i] = rng.choice(self.vocabulary)
        text = " ".join(out)
        return text if text.endswith((".", "!", "?")) else text + "."


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _paragraphs(model: _Model, rng: random.Random, names: list[str], count: int) -> list[str]:
    return [
        " ".join(model.sentence(rng, names) for _ in range(rng.randint(2, 4))) for _ in range(count)
    ]


def generate(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """``n`` articles, oldest first."""
    rng = random.Random(seed)
    model = _Model()
    start = date(2024, 1, 1)
    originals: list[dict[str, Any]] = []  # recent originals, to derive from
    stories: list[tuple[int, list[str], date]] = []
    for i in range(n):
        day = start + timedelta(days=60 * i // max(1, n))
        roll = rng.random()
        article: dict[str, Any] = {"id": f"g{i:07d}", "outlet": rng.choice(OUTLETS)}
        if roll < 0.6 or not originals:
            if not stories or rng.random() < 0.3:
                names = [_name(rng) for _ in range(6)] + ["Uighur"]
                stories.append((len(stories), names, day))
                stories = stories[-200:]
            story, names, _ = rng.choice(stories[-50:])
            paragraphs = _paragraphs(model, rng, names, rng.randint(4, 10))
            truth = {"story": story, "derived_from": None, "relation": "original"}
            article |= {"title": model.sentence(rng, names)[:80], "paragraphs": paragraphs}
            originals.append(article | {"truth": truth, "names": names})
            originals = originals[-2000:]
        else:
            source = rng.choice(originals[-500:])
            story, names = source["truth"]["story"], source["names"]
            paragraphs = list(source["paragraphs"])
            if roll < 0.65:
                relation = "duplicate"
            elif roll < 0.8:
                relation = "near_duplicate"
                paragraphs = _edit(rng, paragraphs)
            elif roll < 0.9:
                relation = "shared_passages"
                kept = rng.sample(paragraphs, min(len(paragraphs), rng.randint(2, 3)))
                paragraphs = _paragraphs(model, rng, names, rng.randint(3, 6)) + kept
                rng.shuffle(paragraphs)
            else:
                relation = "same_story"
                paragraphs = _paragraphs(model, rng, names, rng.randint(4, 8))
            truth = {"story": story, "derived_from": source["id"], "relation": relation}
            title = source["title"] if relation == "duplicate" else model.sentence(rng, names)[:80]
            article |= {"title": title, "paragraphs": paragraphs}
        yield {
            "id": article["id"],
            "title": article["title"],
            "outlet": article["outlet"],
            "published": day.isoformat(),
            "text": "\n\n".join(article["paragraphs"]),
            "truth": truth,
        }


def _edit(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """A republication with edits: words changed, a variant spelling, paragraphs moved or cut."""
    out = []
    for p in paragraphs:
        words = p.split()
        for _ in range(rng.randint(0, 2)):
            words[rng.randrange(len(words))] = rng.choice(["said", "also", "reportedly", "new"])
        out.append(" ".join(VARIANTS.get(w, w) for w in words))
    if len(out) > 4 and rng.random() < 0.5:
        del out[rng.randrange(1, len(out))]
    if len(out) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    if len(out) > 4 and rng.random() < 0.3:
        out = out[:-1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    opener = gzip.open if args.output.suffix == ".gz" else open
    with opener(args.output, "wt", encoding="utf-8") as out:
        for article in generate(args.articles, args.seed):
            out.write(json.dumps(article) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
