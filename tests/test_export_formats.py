"""Parquet and FollowTheMoney exports, and the ``serve`` command's defaults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import presstrace
from presstrace.cli import cli
from presstrace.export import KINDS, rows
from presstrace.export.parquet import write_parquet
from tests.web_corpus import build


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("exports"))


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "ftm"])
def test_every_kind_round_trips_through_parquet(web_db: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.parquet"
    result = CliRunner().invoke(
        cli, ["export", kind, "--db", str(web_db), "--format", "parquet", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    with presstrace.open(web_db, readonly=True) as db:
        expected = list(rows(db, kind))
    assert table.num_rows == len(expected)
    if expected:
        assert table.column_names == list(expected[0])
        assert table.to_pylist()[0] == expected[0]


def test_parquet_finds_one_schema_for_fields_empty_at_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presstrace.export import parquet

    monkeypatch.setattr(parquet, "BATCH", 2)
    records: list[dict[str, Any]] = [
        {"id": "a", "value": None, "tags": []},
        {"id": "b", "value": None, "tags": []},
        {"id": "c", "value": 2.5, "tags": ["x"]},
    ]
    assert write_parquet(lambda: iter(records), tmp_path / "x.parquet") == 3
    assert pq.read_table(tmp_path / "x.parquet").to_pylist() == records


def test_parquet_needs_a_file_name(web_db: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "quotes", "--db", str(web_db), "--format",
                                      "parquet"])  # fmt: skip
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_followthemoney_entities_are_valid_and_linked(web_db: Path) -> None:
    model = pytest.importorskip("followthemoney").model
    result = CliRunner().invoke(cli, ["export", "ftm", "--db", str(web_db)])
    assert result.exit_code == 0
    entities = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)  # ids are unique
    schemas = {e["schema"] for e in entities}
    assert {"Article", "Person", "Mention"} <= schemas
    for entity in entities:
        proxy = model.get_proxy(entity, cleaned=False)  # raises on unknown properties
        assert not proxy.schema.validate(entity), entity["id"]
        assert all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                   for v in entity["properties"].values())  # fmt: skip
    for mention in (e for e in entities if e["schema"] == "Mention"):
        (document,) = mention["properties"]["document"]
        (resolved,) = mention["properties"]["resolved"]
        assert by_id[document]["schema"] == "Article"
        assert by_id[resolved]["schema"] in ("Person", "Organization", "PublicBody")
    ruiz = next(e for e in entities if e["properties"].get("name") == ["Ana Ruiz"])
    assert ruiz["schema"] == "Person"
    hostile = next(e for e in entities if "<script>" in json.dumps(e["properties"].get("title")))
    assert "sourceUrl" not in hostile["properties"]  # only web addresses are kept as URLs


def test_serve_listens_on_loopback_unless_told(
    web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    runner = CliRunner()
    assert runner.invoke(cli, ["serve", "--db", str(web_db)]).exit_code == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    public = runner.invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0"])
    assert public.exit_code == 0 and "anyone who can reach this machine" in public.output
    help_text = " ".join(runner.invoke(cli, ["serve", "--help"]).output.split())
    assert "127.0.0.1" in help_text and "no password" in help_text
    missing = runner.invoke(cli, ["serve", "--db", str(web_db.parent / "none.db")])
    assert missing.exit_code == 2 and "presstrace ingest" in missing.output
