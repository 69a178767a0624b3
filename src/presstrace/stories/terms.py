"""What an article is about, as weighted terms: computed per article, in the workers.

Words of the title and body, without stop words (spaCy's English list) and words of fewer than
three letters; numbers are kept (scores, ages, death tolls and years tell similar events
apart). A capitalised word inside a sentence (a name: "Klitschko", "Xinjiang") counts
``NAME_WEIGHT`` times: two stories of one kind (two earthquakes, two rehab check-ins) share
their vocabulary and differ mostly in names. Only the ``KEEP`` heaviest terms are kept, so the
stored product stays small whatever the article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

NAME_WEIGHT = 2.0
KEEP = 400
_WORD = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|\d+(?:[.,:]\d+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


# A year the article speaks of as past or present; "by 2030", "until 2025" look ahead.
_YEAR = re.compile(
    r"(?<![\w$£€.,])(?<!by )(?<!until )(?<!till )(?<!before )(19[5-9]\d|20\d\d)(?![\w.,]\d)"
)


@dataclass(frozen=True)
class StoryTerms:
    """What the stories stage reads of an article."""

    terms: dict[str, float] = field(default_factory=dict)  # {term: weight}, lower case
    #: The latest year the text speaks of (not in the future): an undated article that
    #: mentions 2021 was not written in 2019. Used only to keep stories apart, never as a date.
    latest_year: int | None = None


def story_terms(title: str | None, text: str) -> StoryTerms:
    """The weighted terms of one article, and the latest year it mentions."""
    return StoryTerms(_weights(title, text), latest_year(text))


def latest_year(text: str) -> int | None:
    now = date.today().year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= now]
    return max(years) if years else None


def _weights(title: str | None, text: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    stop = _stop_words()
    for sentence in _SENTENCE.split(f"{title or ''}\n{text}"):
        for i, match in enumerate(_WORD.finditer(sentence)):
            word = match.group()
            low = word.lower().replace("’", "'")
            if low in stop or (len(low) < 3 and not low[0].isdigit()):
                continue
            weight = NAME_WEIGHT if i > 0 and word[0].isupper() else 1.0
            weights[low] = weights.get(low, 0.0) + weight
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:KEEP])


@cache
def _stop_words() -> frozenset[str]:
    # spaCy's English list; imported on first use, since importing spaCy takes half a second
    # that commands such as `presstrace stats` should not pay.
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415

    return frozenset(STOP_WORDS)
