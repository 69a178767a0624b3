"""Sharded runs: shards write Parquet and a marker, re-runs skip what is finished and redo the
rest, and the load builds the database an ingest builds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import presstrace
from presstrace.cli import cli
from presstrace.export import KINDS, rows
from presstrace.extract import analyse as _analyse
from presstrace.model import RawRecord
from presstrace.shards import ShardError, analyse_shard, analyse_shards, load, plan
from presstrace.shards.rows import article_of, article_row, article_schema
from tests.web_corpus import ARTICLES

OPTIONS = presstrace.Options(workers=1)
_TWO_WORKERS = presstrace.Options(workers=2)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Five input files (one holds two articles, one repeats another's bytes) and a broken one."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n, article in enumerate(ARTICLES[:4]):
        (folder / f"a{n}.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    (folder / "a4.jsonl").write_text(
        json.dumps(ARTICLES[4]) + "\n" + json.dumps({**ARTICLES[0], "title": "Again"}) + "\n",
        encoding="utf-8",
    )
    (folder / "copy-of-a1.jsonl").write_bytes((folder / "a1.jsonl").read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_an_article_survives_parquet_exactly() -> None:
    import pyarrow as pa

    made = [
        presstrace.analyse(RawRecord(f"x.jsonl#L{n}", "jsonl", json.dumps(a).encode()), OPTIONS)
        for n, a in enumerate(ARTICLES)
    ]
    table = pa.Table.from_pylist([article_row(a) for a in made], schema=article_schema())
    back = [article_of(row) for row in table.to_pylist()]
    assert back == made
    assert any(a.quotes for a in back) and any(a.figures for a in back)


def test_the_plan_puts_every_file_in_one_shard_balanced_by_size(inputs: Path) -> None:
    found = plan([str(inputs)], 3)
    every = sorted(f for shard in found.shards for f in shard)
    assert every == sorted(str(p) for p in inputs.iterdir())
    assert found == plan([str(inputs)], 3)  # the same every time
    sizes = [sum(Path(f).stat().st_size for f in shard) for shard in found.shards]
    assert max(sizes) - min(sizes) <= max(Path(f).stat().st_size for f in every)
    missing = plan([str(inputs / "nope.jsonl")], 2).missing
    assert [m.error.code for m in missing] == ["not-found"]
    with pytest.raises(ShardError, match="standard input"):
        plan(["-"], 2)
    with pytest.raises(ShardError, match="between 0 and 1"):
        analyse_shard([str(inputs)], 2, 2, inputs.parent / "work", OPTIONS)


def test_a_rerun_skips_finished_shards_and_redoes_the_rest(inputs: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    work = tmp_path / "work"
    first = [analyse_shard([str(inputs)], i, 3, work, OPTIONS) for i in range(3)]
    assert not any(r.done_before for r in first)
    assert sum(r.articles for r in first) == 6 and sum(r.failed for r in first) == 1
    again = [analyse_shard([str(inputs)], i, 3, work, OPTIONS) for i in range(3)]
    assert all(r.done_before for r in again)
    (work / "00001-of-00003.done").unlink()  # as if that shard had been killed
    (work / "00001-of-00003.articles.parquet").write_bytes(b"half a file")
    redone = [analyse_shard([str(inputs)], i, 3, work, OPTIONS) for i in range(3)]
    assert [r.done_before for r in redone] == [True, False, True]
    clean = tmp_path / "clean"  # the resumed run has what an uninterrupted one has
    analyse_shard([str(inputs)], 1, 3, clean, OPTIONS)
    for kind in ("articles", "sources", "errors"):
        name = f"00001-of-00003.{kind}.parquet"
        assert pq.read_table(work / name).equals(pq.read_table(clean / name))
    other = presstrace.Options(workers=1, quotes=False)  # other settings: not the same result
    assert not analyse_shard([str(inputs)], 0, 3, work, other).done_before


def test_shards_in_worker_processes_write_what_one_process_writes(
    inputs: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    alone, pooled = tmp_path / "alone", tmp_path / "pooled"
    for i in range(3):
        analyse_shard([str(inputs)], i, 3, alone, OPTIONS)
    reports = list(analyse_shards([str(inputs)], range(3), 3, pooled, _TWO_WORKERS))
    assert sorted(r.stem for r in reports) == [f"0000{i}-of-00003" for i in range(3)]
    for name in sorted(p.name for p in alone.glob("*.parquet")):
        assert pq.read_table(pooled / name).equals(pq.read_table(alone / name)), name


def _crash_on_poison(record: RawRecord, options: presstrace.Options) -> object:
    if b"poison" in record.data:
        os._exit(13)  # what a segfault in a C parser looks like from the parent
    return _analyse(record, options)


def test_a_crash_in_a_shard_loses_only_its_record(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    (inputs / "poison.jsonl").write_text(json.dumps({"title": "poison", "text": "poison"}))
    monkeypatch.setattr("presstrace.shards.run.analyse", _crash_on_poison)  # (forked workers)
    work = tmp_path / "work"
    reports = list(analyse_shards([str(inputs)], range(2), 2, work, _TWO_WORKERS))
    assert sorted(r.stem for r in reports) == ["00000-of-00002", "00001-of-00002"]
    errors = [row for i in range(2) for row in
              pq.read_table(work / f"0000{i}-of-00002.errors.parquet").to_pylist()]  # fmt: skip
    found = {(Path(e["source"]).name, e["code"]) for e in errors}
    assert found == {("poison.jsonl#L1", "crashed"), ("empty.txt", "empty")}
    with presstrace.open(tmp_path / "kb.db") as db:
        assert load(db, work, quotes=False).new == 6  # every other article is there


def test_the_load_builds_what_an_ingest_builds(inputs: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    for i in range(3):
        analyse_shard([str(inputs)], i, 3, work, OPTIONS)
    with presstrace.open(tmp_path / "sharded.db") as db:
        report = load(db, work)
        assert (report.new, report.failed, report.unfinished) == (6, 1, [])
        again = load(db, work)  # loading again adds nothing
        assert (again.loaded, again.new, len(again.already)) == ([], 0, 3)
        sharded = _exports(db)
        stats = db.stats()
    with presstrace.open(tmp_path / "direct.db") as db:
        presstrace.ingest(db, [str(inputs)], OPTIONS)
        direct = _exports(db)
        expected = db.stats()
    for kind in KINDS:  # the corpus stages' results too: their ids do not depend on load order
        assert sharded[kind] == direct[kind], kind
    for key in ("articles", "reports", "sources", "errors", "quotes", "speakers", "statements",
                "stories", "figures", "quantities", "dates", "copies"):  # fmt: skip
        assert stats[key] == expected[key], key


def test_the_load_waits_for_unfinished_shards(inputs: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    analyse_shard([str(inputs)], 0, 2, work, OPTIONS)
    with presstrace.open(tmp_path / "kb.db") as db:
        report = load(db, work)
        assert report.unfinished == ["00001-of-00002"] and report.loaded == ["00000-of-00002"]
        analyse_shard([str(inputs)], 1, 2, work, OPTIONS)
        later = load(db, work)
        assert later.loaded == ["00001-of-00002"] and later.unfinished == []
        assert db.stats()["articles"] == 6


def test_analyse_and_load_from_the_command_line(inputs: Path, tmp_path: Path) -> None:
    work, db = str(tmp_path / "work"), str(tmp_path / "kb.db")
    runner = CliRunner()
    for shard in ("0", "1"):  # as two Slurm array tasks would
        done = runner.invoke(cli, ["analyse", str(inputs), "--work", work, "--shards", "2",
                                   "--shard", shard, "--workers", "1"])  # fmt: skip
        assert done.exit_code in (0, 1), done.output  # 1: the empty input failed
    loaded = runner.invoke(cli, ["load", "--work", work, "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "6 new articles" in loaded.output
    missing = runner.invoke(cli, ["load", "--work", str(tmp_path / "none"), "--db", db])
    assert missing.exit_code == 2 and "presstrace analyse" in missing.output


def test_the_corpus_results_do_not_depend_on_the_input_order(tmp_path: Path) -> None:
    """Articles of one day read in opposite orders: the same statements, speakers, copies,
    stories and quantities, with the same ids (ties in date are broken by article id, not by
    the order the articles were stored in)."""
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for n, article in enumerate([*ARTICLES, {**ARTICLES[0], "title": "Again", "outlet": "Echo"}]):
        path = folder / f"a{n}.jsonl"
        path.write_text(json.dumps({**article, "published": "2030-05-02"}) + "\n", "utf-8")
        files.append(str(path))
    found = []
    for name, order in (("forward", files), ("backward", files[::-1])):
        with presstrace.open(tmp_path / f"{name}.db") as db:
            presstrace.ingest(db, order, OPTIONS)
            found.append(_exports(db))
    forward, backward = found
    assert forward["copies"] and forward["statements"] and forward["stories"]
    for kind in KINDS:
        assert forward[kind] == backward[kind], kind


def _exports(db: presstrace.Database) -> dict[str, list[str]]:
    """Every export, as sorted lines without ingest times (row order is storage order)."""
    return {
        kind: sorted(json.dumps({k: v for k, v in r.items() if k != "ingested"}, sort_keys=True)
                     for r in rows(db, kind))
        for kind in KINDS
    }  # fmt: skip
