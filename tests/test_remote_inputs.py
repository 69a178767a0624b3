"""Inputs named by URL, read through fsspec (its in-memory store stands in for a bucket)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import presstrace
from presstrace.shards import analyse_shard, load, plan
from presstrace.sources import iter_records
from tests.builders import warc_gz, warc_record
from tests.web_corpus import ARTICLES

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def bucket() -> str:
    fs = fsspec.filesystem("memory")
    root = "/bucket-test"
    if fs.exists(root):
        fs.rm(root, recursive=True)
    fs.pipe(f"{root}/news/a.jsonl", (json.dumps(ARTICLES[0]) + "\n").encode())
    fs.pipe(
        f"{root}/news/day2/b.jsonl.gz", gzip.compress((json.dumps(ARTICLES[2]) + "\n").encode())
    )
    html = (
        "<html><head><title>Tarn dam</title></head><body><article><p>"
        + ARTICLES[4]["text"]
        + "</p></article></body></html>"
    )
    page = warc_record("https://example.org/dam", html)
    fs.pipe(f"{root}/news/crawl.warc.gz", warc_gz([page]))
    fs.pipe(f"{root}/news/.partial", b"half")
    return f"memory://{root}/news"


def test_a_folder_in_a_store_is_listed_and_streamed_like_a_local_one(bucket: str) -> None:
    items = list(iter_records([bucket], max_bytes=10**7))
    sources = sorted(getattr(i, "source", "") for i in items)
    assert any(s.endswith("a.jsonl#L1") for s in sources)
    assert any(s.endswith("b.jsonl.gz#L1") for s in sources)
    assert any("crawl.warc.gz#" in s for s in sources)
    assert any(s.endswith(".partial") for s in sources)  # skipped as hidden, and said so
    globbed = list(iter_records([bucket + "/*.jsonl"], max_bytes=10**7))
    assert [getattr(i, "source", "") for i in globbed] == [f"memory://{bucket[9:]}/a.jsonl#L1"]
    (missing,) = iter_records([bucket + "/none.jsonl"], max_bytes=10**7)
    assert missing.error.code == "not-found"  # type: ignore[union-attr]


def test_a_sharded_run_reads_urls(bucket: str, tmp_path: Path) -> None:
    shards = plan([bucket], 2).shards
    assert sorted(f for s in shards for f in s) == sorted(
        f"memory:///bucket-test/news/{name}"
        for name in ("a.jsonl", "crawl.warc.gz", "day2/b.jsonl.gz")
    )
    options = presstrace.Options(workers=1, quotes=False)
    for index in range(2):
        analyse_shard([bucket], index, 2, tmp_path / "work", options)
    with presstrace.open(tmp_path / "kb.db") as db:
        report = load(db, tmp_path / "work", quotes=False)
        assert report.new == 3
        assert {a["title"] for a in db.articles()} >= {ARTICLES[0]["title"], ARTICLES[2]["title"]}


def test_an_unknown_kind_of_url_is_an_error_for_that_input_alone(tmp_path: Path) -> None:
    with presstrace.open(tmp_path / "kb.db") as db:
        report = presstrace.ingest(db, ["nosuchstore://x/y.jsonl"], presstrace.Options(workers=1))
    assert report.failed == 1 and "URL" in report.failures[0][2]
