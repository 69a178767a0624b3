"""Stories: terms, complete-link clustering, and the incremental stage. Texts written here."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

import presstrace
from presstrace.export import rows
from presstrace.stories.cluster import complete_link, complete_link_sparse, fade, fade_pairs
from presstrace.stories.neighbourhood import FLOOR, Neighbourhood
from presstrace.stories.terms import latest_year, story_terms

QUAKE_A = [
    "An earthquake of magnitude 6.1 struck the mountain town of Velmora in Tarsk province on "
    "Monday, killing twelve people and destroying the old market hall, officials said.",
    "Rescuers in Velmora searched the ruins of the market hall through the night after "
    "Monday's earthquake; Tarsk governor Ilse Brandt said twelve bodies had been recovered.",
    "Governor Ilse Brandt declared three days of mourning in Tarsk province after the Velmora "
    "earthquake, which left hundreds homeless around the ruined market hall.",
]
QUAKE_B = [
    "A magnitude 5.4 earthquake shook the coastal city of Port Kellan on Thursday, injuring "
    "three fishermen and cracking the harbour lighthouse, the coastguard said.",
    "Engineers inspected the cracked lighthouse in Port Kellan after Thursday's earthquake; "
    "mayor Tomas Rieger said the three injured fishermen were recovering in hospital.",
    "Port Kellan mayor Tomas Rieger reopened the harbour on Friday, a day after the earthquake "
    "that cracked the lighthouse and injured three fishermen.",
]


def test_story_terms_weigh_names_and_drop_stop_words() -> None:
    terms = story_terms("Quake hits Velmora", "Rescuers said the quake hit Velmora at dawn.")
    assert terms.terms["velmora"] > terms.terms["rescuers"]
    assert "the" not in terms.terms and "at" not in terms.terms
    assert terms.latest_year is None


def test_latest_year_ignores_the_future_and_other_numbers() -> None:
    assert latest_year("In 2019 and again in 2021, the report said.") == 2021
    assert latest_year("The goal is to cut emissions by 2030.") is None
    assert latest_year("It cost $2,019 in 1.2019 units.") is None


def test_complete_link_needs_every_pair_similar() -> None:
    # 0-1 and 1-2 similar, 0-2 not: a chain is not one story.
    sim = np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.5], [0.0, 0.5, 1.0]])
    labels = complete_link(sim, 0.1)
    assert labels[0] == labels[1] != labels[2] or labels[1] == labels[2] != labels[0]
    assert len(set(complete_link(np.ones((3, 3)), 0.1).tolist())) == 1


def test_fade_with_dates_and_years_mentioned() -> None:
    days = [date(2019, 11, 27), date(2019, 11, 28), date(2020, 3, 1), None, None]
    years = [None, None, None, 2021, None]
    f = fade(days, years)
    assert f[0, 1] == 1.0  # a day apart
    assert f[0, 2] < 0.01  # months apart
    assert f[0, 3] < 0.01  # undated, but it mentions 2021
    assert f[0, 4] == 1.0  # undated, nothing to go by
    assert np.allclose(f, f.T)


def test_fade_of_pairs_is_the_matrix_entries() -> None:
    days = [date(2019, 11, 27), None, date(2020, 3, 1), None]
    years = [None, 2021, None, None]
    rows, cols = np.array([0, 1, 1, 3, 2]), np.array([1, 0, 2, 0, 2])
    assert np.allclose(fade_pairs(rows, cols, days, years), fade(days, years)[rows, cols])


def _unit_rows(rng: np.random.Generator, n: int, width: int = 25) -> np.ndarray:
    x = rng.random((n, width)) * (rng.random((n, width)) < 0.2)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.asarray(x / np.where(norms > 0, norms, 1.0))


def _partition(labels: np.ndarray) -> set[frozenset[int]]:
    return {frozenset(np.flatnonzero(labels == k).tolist()) for k in np.unique(labels)}


def test_sparse_complete_link_gives_the_dense_clusters() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        x = _unit_rows(rng, int(rng.integers(2, 60)))
        sim = x @ x.T
        sparse = complete_link_sparse(csr_matrix(np.where(sim >= 0.1, sim, 0.0)))
        assert _partition(complete_link(sim)) == _partition(sparse)
        # Numbered by each cluster's first row.
        _, first = np.unique(sparse, return_index=True)
        assert np.all(np.diff(first) > 0)


class _FixedRows:
    """Stands in for the stage's TF-IDF rows: fixed rows by id."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix
        self.asked: list[str] = []

    def rows(self, ids: list[str], terms: object = None) -> csr_matrix:
        self.asked += ids
        return csr_matrix(self.matrix[[int(i) for i in ids]])


def test_a_neighbourhood_reuses_the_pairs_of_the_chunk_before() -> None:
    x = _unit_rows(np.random.default_rng(3), 40)
    full = x @ x.T
    expected = np.where(full >= FLOOR, full, 0.0)
    hood = Neighbourhood(_FixedRows(x))  # type: ignore[arg-type]

    def check(chunk: list[int], neighbours: list[int], kept: list[int]) -> None:
        near = hood.measure([str(i) for i in chunk], {}, [str(i) for i in neighbours])
        assert np.allclose(near, expected[np.ix_(chunk, neighbours)].max(axis=0))
        order = chunk + [neighbours[k] for k in kept]
        assert np.allclose(hood.similarity(kept).toarray(), expected[np.ix_(order, order)])

    check(list(range(10, 20)), list(range(10)), list(range(10)))
    # Known pairs (0-3 and 12-19 were in the last neighbourhood) and new ones (30-33).
    neighbours = [0, 1, 2, 3, 12, 13, 14, 15, 16, 17, 18, 19, 30, 31, 32, 33]
    check(list(range(20, 30)), neighbours, [0, 2, 4, 5, 6, 12, 13, 15])
    check(list(range(34, 40)), [], [])


def _write_all(write: Callable[[str, str], Path], name: str, texts: list[str], day: str) -> Path:
    path = Path()
    for i, text in enumerate(texts):
        path = write(f"{name}/{i}.txt", f" date {day}\nReport {name} {i}\n{text}")
    return path.parent


def test_ingest_keeps_two_similar_events_apart_and_places_new_articles(
    db: presstrace.Database,
    options: presstrace.Options,
    write: Callable[[str, str], Path],
) -> None:
    a = _write_all(write, "a", QUAKE_A[:2], "2024-03-11")
    b = _write_all(write, "b", QUAKE_B[:2], "2024-03-14")
    presstrace.ingest(db, [str(a), str(b)], options)
    stories = list(db.stories())
    assert len(stories) == 2
    assert {len(s["articles"]) for s in stories} == {2}
    first_ids = {s["id"] for s in stories}
    # Later articles join the right stories; ids stay; re-running changes nothing.
    later_a = write("later/a.txt", f" date 2024-03-12\nMourning\n{QUAKE_A[2]}")
    later_b = write("later/b.txt", f" date 2024-03-15\nHarbour\n{QUAKE_B[2]}")
    report = presstrace.ingest(db, [str(later_a.parent)], options)
    assert report.corpus is not None and report.corpus.stories.placed == 2
    stories = list(db.stories())
    assert {s["id"] for s in stories} == first_ids
    by_source = {a["id"]: a["source"] for a in db.articles()}
    for story in stories:
        sources = {by_source[x].split("/")[-2] for x in story["articles"]}
        assert sources in ({"a", "later"}, {"b", "later"})
        assert story["first_seen"] <= story["last_seen"]
        assert story["terms"] and story["title"]
    assert str(later_b) in by_source.values()
    again = presstrace.ingest(db, [str(later_a.parent)], options)
    assert again.corpus is not None and again.corpus.stories.placed == 0
    assert db.stats()["stories"] == 2


def test_an_undated_article_mentioning_a_later_year_starts_its_own_story(
    db: presstrace.Database,
    options: presstrace.Options,
    write: Callable[[str, str], Path],
) -> None:
    a = _write_all(write, "a", QUAKE_A, "2019-11-26")
    write("undated.txt", "Anniversary\n" + QUAKE_A[2] + " In 2021 the town held a memorial.")
    presstrace.ingest(db, [str(a.parent)], options)
    stories = list(db.stories())
    assert sorted(len(s["articles"]) for s in stories) == [1, 3]


def test_stories_export_has_the_contract_fields(
    db: presstrace.Database, options: presstrace.Options, write: Callable[[str, str], Path]
) -> None:
    presstrace.ingest(db, [str(_write_all(write, "a", QUAKE_A, "2024-03-11"))], options)
    (line,) = [json.loads(json.dumps(r)) for r in rows(db, "stories")]
    assert {"id", "title", "articles", "first_seen", "last_seen"} <= set(line)
    assert line["first_seen"] == line["last_seen"] == "2024-03-11"


def test_summaries_left_stale_by_a_killed_run_are_rewritten(
    db: presstrace.Database,
    options: presstrace.Options,
    write: Callable[[str, str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Articles are placed chunk by chunk and summaries written once at the end; a run killed
    in between leaves the changed stories marked, and the next update rewrites them."""
    import presstrace.stories.corpus as stage

    a = _write_all(write, "a", QUAKE_A[:2], "2024-03-11")
    presstrace.ingest(db, [str(a)], options)
    expected = list(db.stories())

    def killed(_db: presstrace.Database) -> None:
        raise KeyboardInterrupt

    later = write("later/a.txt", f" date 2024-03-12\nMourning\n{QUAKE_A[2]}")
    monkeypatch.setattr(stage, "_summarise_stale", killed)
    with pytest.raises(KeyboardInterrupt):
        presstrace.ingest(db, [str(later.parent)], options)
    (story,) = db.stories()
    assert story["size"] == 2 and len(story["articles"]) == 3  # placed, summary not rewritten
    monkeypatch.undo()
    stage.update(db)  # nothing new to place: only the stale summary
    (story,) = db.stories()
    assert story["size"] == 3 and story["id"] == expected[0]["id"]
    assert db.conn.execute("SELECT count(*) FROM stories_stale").fetchone()[0] == 0
