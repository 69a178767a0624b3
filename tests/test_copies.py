"""Copies: duplicates, near-duplicates, shared passages, wire credits, and the incremental join.

All texts are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import presstrace
from presstrace.copies.candidates import candidate_pairs
from presstrace.copies.relation import compare
from presstrace.copies.signature import signature
from presstrace.copies.text import word_key, words
from presstrace.copies.wires import wire_credits

WIRE = [
    "KASHGAR, China (AP) — Authorities in the western region of Xinjiang opened a new "
    "vocational school on Tuesday, state media said, as foreign governments pressed Beijing "
    "over the detention of Uighur residents in a network of camps.",
    "The regional government said the school would train 3,000 students a year in trades such "
    "as sewing, cooking and electronics, and that attendance was voluntary for all of them.",
    "Rights groups have disputed that account, citing satellite images of walled compounds "
    "and interviews with former detainees who described political classes and forced labour.",
    "The foreign ministry in Beijing gave no answer when asked for its view on Tuesday, "
    "and regional officials would not say how many people attend the schools.",
    "Several European governments have asked for independent access to the region for United "
    "Nations investigators, a request that Chinese officials have so far turned down.",
]
OTHER = [
    "The city council of Port Alden voted on Thursday to spend 250,000 euros repairing the sea "
    "wall along the northern quay, which a winter storm damaged last month.",
    "Fishermen who moved their boats to the south quay during the repairs said they welcomed "
    "the vote but wanted the work finished before the summer season begins in June.",
    "Engineers expect the repairs to take about three weeks, weather permitting, and the "
    "harbour authority said the quay would reopen to all ships as soon as the wall is safe.",
]


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_word_keys_fold_case_accents_and_spelling_variants() -> None:
    assert word_key("Uighur") == word_key("Uyghur") == word_key("Uygur") == word_key("UIGHUR")
    assert word_key("colour") == word_key("color")
    assert word_key("Café") == word_key("cafe")
    assert word_key("1,000") != word_key("2,000")


def test_an_identical_text_is_a_duplicate() -> None:
    a = words(text(WIRE), quotes=True)
    b = words(text(WIRE).upper(), quotes=True)
    assert compare(a, b).relation == "duplicate"


def test_a_republished_copy_with_edits_and_reordered_paragraphs_is_a_near_duplicate() -> None:
    edited = [WIRE[0].replace("Uighur", "Uyghur"), WIRE[2], WIRE[1], WIRE[3]]  # one dropped
    edited[1] = edited[1].replace("satellite images", "satellite pictures")
    result = compare(words(text(WIRE), quotes=True), words(text(edited), quotes=True))
    assert result.relation == "near_duplicate"
    assert result.shared > 0.9


def test_a_rewrite_keeping_wire_paragraphs_shares_passages() -> None:
    rewrite = [
        "Beijing faced new questions on Wednesday about its policies in the far west, where "
        "a school opening was celebrated by state television with a lengthy segment.",
        WIRE[2],
        "Our correspondent visited the region last year and was followed by plain-clothes "
        "police throughout the trip, which lasted four days and covered three cities.",
        WIRE[4],
        *OTHER[:1],
    ]
    result = compare(words(text(WIRE), quotes=True), words(text(rewrite), quotes=True))
    assert result.relation == "shared_passages"
    assert len(result.passages) == 2
    assert 0.2 < result.shared < 0.8


def test_the_same_quotation_alone_does_not_make_a_copy() -> None:
    quote = (
        "“These reports are consistent with a large and growing body of evidence that the "
        "party is detaining people for their faith and their language,” the minister said."
    )
    a = [WIRE[0], quote, WIRE[3]]
    b = [OTHER[0], quote, OTHER[1]]
    result = compare(words(text(a), quotes=True), words(text(b), quotes=True))
    assert result.relation is None
    # ... while the same words outside quotation marks would be shared reporting.
    c = [OTHER[0], quote.replace("“", "").replace("”", ""), OTHER[1]]
    d = [WIRE[0], quote.replace("“", "").replace("”", ""), WIRE[3]]
    assert compare(words(text(c), quotes=True), words(text(d), quotes=True)).relation == (
        "shared_passages"
    )


def test_articles_on_different_events_are_not_copies() -> None:
    assert compare(words(text(WIRE)), words(text(OTHER))).relation is None


def test_candidates_pair_owners_sharing_a_key_and_cap_big_buckets() -> None:
    keys = np.array([5, 5, 7, 5, 7, 9], dtype=np.int64)
    owners = np.array([0, 0, 1, 2, 2, 3], dtype=np.int64)
    assert candidate_pairs(keys, owners).tolist() == [[0, 2], [1, 2]]
    fresh = np.array([False, True, False, False])
    assert candidate_pairs(keys, owners, fresh=fresh).tolist() == [[1, 2]]
    # A key shared by 100 articles links them as a star, not as 4,950 pairs.
    big = candidate_pairs(np.zeros(100, dtype=np.int64), np.arange(100, dtype=np.int64))
    assert 0 < len(big) < 1000
    assert {tuple(p) for p in big.tolist()} >= {(0, j) for j in range(1, 100)}


def test_signatures_of_copies_share_band_keys() -> None:
    a, b, c = signature(text(WIRE)), signature(text(WIRE[1:])), signature(text(OTHER))
    assert a.digest != b.digest
    assert set(np.frombuffer(a.doc_bands, np.int64)) & set(np.frombuffer(b.doc_bands, np.int64))
    assert not set(np.frombuffer(a.passage_bands, np.int64)) & set(
        np.frombuffer(c.passage_bands, np.int64)
    )
    assert signature("too short").doc_bands == b""


@pytest.mark.parametrize(
    ("body", "kwargs", "expected"),
    [
        ("WASHINGTON (AP) — The senator said.", {}, ["AP"]),
        ("NEW DELHI, Nov 5 (ANI): The minister said.", {}, ["ANI"]),
        ("Text.\n\nReporting by Jane Roe; Editing by John Doe", {}, ["Reuters"]),
        ("Reuters reported on Monday that talks had stalled.", {}, []),
        ("The talks stalled.", {"byline": "By AFP"}, ["AFP"]),
        ("The talks stalled.", {"removed": ["Copyright 2019 The Associated Press."]}, ["AP"]),
        ("PARIS (Reuters/AFP) - Talks stalled.", {}, ["AFP", "Reuters"]),
    ],
)
def test_wire_credits(body: str, kwargs: dict[str, object], expected: list[str]) -> None:
    assert wire_credits(body, **kwargs) == expected  # type: ignore[arg-type]


def _dated(date: str, paragraphs: list[str]) -> str:
    return f" date {date}\n" + text(paragraphs)


def test_ingest_links_copies_incrementally_and_safely(
    db: presstrace.Database,
    options: presstrace.Options,
    write: Callable[[str, str], Path],
) -> None:
    write("wire.txt", _dated("2019-11-26", WIRE))
    write("other.txt", _dated("2019-11-26", OTHER))
    folder = write("copy.txt", _dated("2019-11-27", WIRE[:4])).parent
    presstrace.ingest(db, [str(folder)], options)
    rows = list(db.copies())
    assert len(rows) == 1
    (row,) = rows
    assert row["relation"] == "near_duplicate"
    wire_id = next(a["id"] for a in db.articles() if a["source"].endswith("wire.txt"))
    assert row["earlier"] == wire_id
    assert row["passages"] and {"a", "b", "words"} <= set(row["passages"][0])
    # A later article joins: only its pairs are aligned; re-running changes nothing.
    rewrite = ["Officials gave no new figures on Wednesday.", WIRE[2], OTHER[2], WIRE[4]]
    path = write("later/rewrite.txt", _dated("2019-11-28", rewrite))
    report = presstrace.ingest(db, [str(path)], options)
    assert report.corpus is not None and report.corpus.copies.compared == 1
    # It shares wire paragraphs with the wire story and its copy, and one with the other.
    relations = sorted(r["relation"] for r in db.copies())
    assert relations == ["near_duplicate"] + ["shared_passages"] * 3
    again = presstrace.ingest(db, [str(path)], options)
    assert again.corpus is not None and again.corpus.copies.candidates == 0
    assert len(list(db.copies())) == 4
    stats = db.stats()
    assert stats["articles"] == 4 and stats["reports"] == 3
    assert ("AP", 2) in stats["wires"]


def test_articles_stored_without_signatures_are_backfilled(
    db: presstrace.Database, options: presstrace.Options, write: Callable[[str, str], Path]
) -> None:
    write("wire.txt", _dated("2019-11-26", WIRE))
    folder = write("copy.txt", _dated("2019-11-27", WIRE[:4])).parent
    presstrace.ingest(db, [str(folder)], options)
    # As a database made before copies existed: no signatures, no copies.
    db.conn.execute("DELETE FROM signatures")
    db.conn.execute("DELETE FROM copies")
    report = presstrace.corpus.update(db, quotes=False)
    assert report.copies.compared == 2
    assert [r["relation"] for r in db.copies()] == ["near_duplicate"]


def test_a_changed_text_is_compared_again(
    db: presstrace.Database, options: presstrace.Options, write: Callable[[str, str], Path]
) -> None:
    write("wire.txt", _dated("2019-11-26", WIRE))
    folder = write("copy.txt", _dated("2019-11-27", WIRE[:4])).parent
    presstrace.ingest(db, [str(folder)], options)
    copy_id = next(a["id"] for a in db.articles() if a["source"].endswith("copy.txt"))
    # As after `reanalyse` with a better extractor: the copy's text is now another story.
    db.put_signature(copy_id, signature(text(OTHER)), [])
    assert list(db.copies()) == []
    db.conn.execute("UPDATE articles SET text = ? WHERE id = ?", (text(OTHER), copy_id))
    assert presstrace.corpus.update(db, quotes=False).copies.compared == 1
    assert list(db.copies()) == []


@pytest.mark.parametrize(
    "hostile",
    [
        "",
        "“”«»—…!!!",
        "spam " * 20_000,
        "la la land " * 3_000 + "\n" * 500,
        "".join(chr(c) for c in range(0x600, 0x6FF)) * 20,
    ],
)
def test_hostile_texts_never_break_signatures_or_alignment(hostile: str) -> None:
    sig = signature(hostile)
    assert sig.words >= 0
    result = compare(words(hostile, quotes=True), words(text(WIRE) + hostile, quotes=True))
    assert result.relation in (None, "duplicate", "near_duplicate", "shared_passages")
    assert 0.0 <= result.shared <= 1.0
