"""A small knowledge base for the web app's tests: two stories, a wire copy, quotes, figures
that disagree, dates, an article with a hostile headline, and an input that cannot be read.

Every text here was written for these tests; the places, people and outlets are made up.
"""

from __future__ import annotations

import json
from pathlib import Path

import presstrace

HOSTILE_TITLE = "<script>alert(1)</script> Dam <img src=x onerror=alert(2)> report"

_WIRE = (
    "The Velmar junta has detained over one million farmers in the northern provinces, rights "
    "monitors said on Tuesday, in the largest round of arrests since the coup last spring.\n\n"
    '"We will not stop until every camp is closed," said Ana Ruiz, the director of Monitor '
    "Watch, at a news conference in the capital Orsk.\n\n"
    "The monitors met the Velmar interior minister on Monday to demand access to the camps, "
    "which the junta calls training centres. The minister refused, Ruiz said.\n\n"
    "Satellite images show at least 40 new compounds built in the northern provinces since "
    "January, each ringed by fences and watch towers, according to the monitors' report.\n\n"
    "Velmar's neighbours have called for an inquiry, and the regional council will discuss the "
    "camps at its meeting in Tarn on Friday."
)

_COPY = (
    _WIRE.replace("rights monitors said on Tuesday", "rights monitors said on Tuesday (AP)")
    .replace("at a news conference in the capital Orsk", "speaking to reporters in Orsk")
    .rsplit("\n\n", 1)[0]
    + "\n\nThe Coast Times could not reach the junta for comment."
)

ARTICLES = [
    {
        "title": "Velmar junta detains farmers in the north",
        "outlet": "North Herald",
        "published": "2030-05-02",
        "url": "https://north-herald.example/velmar-farmers",
        "byline": "By Lina Okafor",
        "text": _WIRE,
    },
    {
        "title": "Monitors: Velmar camps hold a million farmers",
        "outlet": "Coast Times",
        "published": "2030-05-03",
        "url": "https://coast-times.example/velmar",
        "text": _COPY,
    },
    {
        "title": "Velmar detentions: monitors disagree on the numbers",
        "outlet": "Valley Post",
        "published": "2030-05-04",
        "text": "Rights monitors say hundreds of thousands of Velmari farmers are being detained "
        "in camps in the northern provinces of Velmar.\n\n"
        '"The junta is emptying whole villages," Ana Ruiz of Monitor Watch told the Valley '
        "Post on Wednesday.\n\nThe junta denies holding farmers and calls the camps training "
        "centres. The regional council meets in Tarn on Friday to discuss the camps.\n\n"
        "The council seems to be split over the camps.",
    },
    {
        "title": HOSTILE_TITLE,
        "outlet": "Hill <b>Gazette</b>",
        "published": "2030-06-11",
        "url": "javascript:alert(3)",
        "text": "Engineers said on Monday that the Tarn dam <script>alert(4)</script> needs "
        "repairs costing $12 million before the autumn rains.\n\n"
        '"The spillway is cracked," said Piet Maas, the chief engineer. Work starts in '
        "July and will take 14 weeks, the water board said.",
    },
    {
        "title": "Tarn dam repairs to cost $12 million",
        "outlet": "Valley Post",
        "published": "2030-06-12",
        "text": "The Tarn dam needs repairs costing $12 million, engineers told the water board "
        'on Tuesday.\n\n"We found the spillway cracked in three places," said Piet Maas, the '
        "chief engineer of the water board. Repairs begin in July and will last 14 weeks, "
        "closing the dam road to traffic.",
    },
]


def build(folder: Path) -> Path:
    """Ingest the corpus (and one unreadable line) into ``folder/web.db``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    broken = folder / "broken.jsonl"
    broken.write_text('{"title": "cut off in the mid\n', encoding="utf-8")
    path = folder / "web.db"
    with presstrace.open(path) as db:
        presstrace.ingest(db, [str(source), str(broken)], presstrace.Options(workers=1))
    return path
