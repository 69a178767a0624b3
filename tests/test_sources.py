"""Readers: every input kind, recognised from content, into articles."""

from __future__ import annotations

import gzip
import io
import json

import pytest

import presstrace
from presstrace.errors import InputError
from presstrace.sources import iter_records
from presstrace.sources.detect import sniff
from tests.builders import BODY, PARAGRAPHS, TITLE, article_html, jsonl, warc_gz, warc_record


def only(db: presstrace.Database) -> dict[str, object]:
    rows = list(db.articles())
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b'{"text": "x"}\n{"text": "y"}', "jsonl"),
        (b'[{"text": "x"}]', "json"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body><p>hi</p>", "html"),
        (b"\xef\xbb\xbfPlain words on a line.\nAnother line.", "text"),
        (b"A headline\n\nA body that mentions <b> once.", "text"),
        ("\ufeffUTF-16 text here".encode("utf-16"), "text"),
    ],
)
def test_sniff_from_content(head: bytes, kind: str) -> None:
    assert sniff(head, "misleading.txt") == kind


@pytest.mark.parametrize(
    ("head", "code", "words"),
    [
        (b"", "empty", "empty"),
        (b"   \n\n  ", "empty", "empty"),
        (b"%PDF-1.7 ...", "binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "binary", "PNG"),
        (bytes(range(256)) * 4, "binary", "binary"),
    ],
)
def test_sniff_refuses_with_reason(head: bytes, code: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        sniff(head, "x.txt")
    assert info.value.code == code
    assert words in info.value.reason


def test_plain_text_with_date_prefix_and_headline(db, options, write) -> None:
    path = write("story.txt", f" date 2024-03-11 {TITLE}\n\n{BODY}\n")
    report = presstrace.ingest(db, [str(path)], options)
    assert (report.new, report.failed) == (1, 0)
    article = only(db)
    assert article["published"] == "2024-03-11"
    assert article["title"] == TITLE
    assert article["kind"] == "text"
    for paragraph in PARAGRAPHS:
        assert paragraph in article["text"]


def test_plain_text_in_latin1_and_cp1252(db, options, write, tmp_path) -> None:
    plain = PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[2] + "\n\n" + PARAGRAPHS[3]
    lead = "José Müller, who has run a café on the square since 1998, said the rent had doubled."
    text = f"Café owners in Málaga protest\n\n{lead}\n\n{plain}"
    write("latin1.txt", text.encode("latin-1"))
    write("cp1252.txt", (text + " “Enough,” he said.").encode("cp1252"))
    report = presstrace.ingest(db, [str(tmp_path / "in")], options)
    assert report.new == 2
    texts = {a["source"].rsplit("/", 1)[1]: a for a in db.articles()}
    assert "José Müller" in texts["latin1.txt"]["text"]
    assert "“Enough,” he said." in texts["cp1252.txt"]["text"]


def test_html_page(db, options, write, tmp_path) -> None:
    write("page.txt", article_html())  # HTML in a .txt: recognised from content
    presstrace.ingest(db, [str(tmp_path / "in" / "page.txt")], options)
    article = only(db)
    assert article["kind"] == "html"
    assert article["title"] == TITLE
    assert article["outlet"] == "The Alden Gazette"
    assert article["published"] == "2024-03-11"
    assert "Lena Ortiz" in (article["byline"] or "")
    assert PARAGRAPHS[0] in article["text"]
    assert "All rights reserved" not in article["text"]


def test_jsonl_records_with_text_or_html(db, options, write) -> None:
    path = write(
        "batch.jsonl",
        jsonl(
            {
                "text": BODY,
                "title": "From text",
                "published": "Tue, 12 Mar 2024 10:00:00 GMT",
                "outlet": "Wire One",
                "url": "https://example.org/a",
            },
            {"html": article_html(title="From HTML"), "outlet": "Wire Two"},
        ),
    )
    report = presstrace.ingest(db, [str(path)], options)
    assert (report.new, report.failed) == (2, 0)
    rows = {a["title"]: a for a in db.articles()}
    assert rows["From text"]["published"] == "2024-03-12"
    assert rows["From text"]["url"] == "https://example.org/a"
    assert rows["From text"]["source"].endswith("batch.jsonl#L1")
    assert rows["From HTML"]["outlet"] == "Wire Two"  # the record's field wins over the page
    assert PARAGRAPHS[2] in rows["From HTML"]["text"]


def test_jsonl_bad_lines_fail_alone(db, options, write) -> None:
    content = jsonl({"text": BODY}) + "{not json\n" + "[1, 2]\n" + jsonl({"title": "no body"})
    report = presstrace.ingest(db, [str(write("mixed.jsonl", content))], options)
    assert (report.new, report.failed) == (1, 3)
    codes = sorted(e["code"] for e in db.errors())
    assert codes == ["bad-record", "bad-record", "bad-record"]
    assert {e["source"].rsplit("#", 1)[1] for e in db.errors()} == {"L2", "L3", "L4"}


def test_json_array(db, options, write) -> None:
    path = write("arr.json", json.dumps([{"text": BODY, "title": "one"}, 7]))
    report = presstrace.ingest(db, [str(path)], options)
    assert (report.new, report.failed) == (1, 1)


def test_warc_and_warc_gz(db, options, write, tmp_path) -> None:
    records = [
        warc_record("https://example.org/news/1", article_html(title="First story")),
        warc_record("https://example.org/old", "", status="301 Moved Permanently"),
        warc_record("https://example.org/logo.png", "x", ctype="image/png"),
        warc_record("https://example.org/news/2", article_html(title="Second story")),
    ]
    write("crawl.warc.gz", warc_gz(records))
    write("plain.warc", b"".join(records[:1]))
    report = presstrace.ingest(db, [str(tmp_path / "in")], options)
    assert report.new == 2  # the plain WARC's record is the same bytes as the first: present
    assert report.present == 1
    assert report.skipped["HTTP status 301"] == 1
    assert report.skipped["not HTML"] == 1
    urls = sorted(a["url"] for a in db.articles())
    assert urls == ["https://example.org/news/1", "https://example.org/news/2"]
    assert all(a["kind"] == "html" for a in db.articles())


@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_warc_keeps_records_before_the_cut(db, options, write, compressed) -> None:
    records = [
        warc_record(f"https://example.org/{i}", article_html(title=f"Story {i}")) for i in range(4)
    ]
    data = warc_gz(records) if compressed else b"".join(records)
    cut = data[: len(data) - len(records[-1]) // 2]
    report = presstrace.ingest(db, [str(write("cut.warc.gz", cut))], options)
    assert report.new == 3
    assert report.failed == 1
    (error,) = db.errors()
    assert error["code"] == "truncated"
    assert "after 3 HTML records" in error["reason"]


def test_truncated_gzip_text(db, options, write) -> None:
    data = gzip.compress((BODY * 50).encode())
    report = presstrace.ingest(db, [str(write("a.txt.gz", data[: len(data) // 2]))], options)
    assert report.failed == 1
    assert db.errors()[0]["code"] == "truncated"


def test_gzipped_jsonl(db, options, write) -> None:
    data = gzip.compress(
        jsonl({"text": BODY, "title": "a"}, {"text": BODY + " Later.", "title": "b"}).encode()
    )
    report = presstrace.ingest(db, [str(write("dump.jsonl.gz", data))], options)
    assert report.new == 2


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Alden Radio News</title><link>https://radio.example</link>
<item><title>{title}</title><link>https://radio.example/1</link>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate><author>desk@radio.example (News Desk)</author>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
<item><title>Teaser only</title><link>https://radio.example/2</link>
<description>Short summary.</description></item>
</channel></rss>"""


def test_rss_items_with_full_content(db, options, write) -> None:
    content = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path = write("feed.xml", RSS.format(title=TITLE, content=content))
    report = presstrace.ingest(db, [str(path)], options)
    assert (report.new, report.failed) == (1, 1)
    article = only(db)
    assert article["kind"] == "feed"
    assert article["outlet"] == "Alden Radio News"
    assert article["published"] == "2024-03-12"
    assert article["url"] == "https://radio.example/1"
    assert PARAGRAPHS[1] in article["text"]
    assert db.errors()[0]["code"] == "no-article"


def test_folders_globs_and_hidden_files(db, options, write, tmp_path) -> None:
    write("a/one.txt", f"{TITLE}\n\n{BODY}")
    write("a/b/two.txt", f"Second headline here\n\n{BODY}\n\nAnd one more sentence of news.")
    write("a/.DS_Store", b"\x00\x01binary")
    write("c/three.txt", f"Third headline\n\n{BODY}\n\nA different closing sentence.")
    root = tmp_path / "in"
    items = list(iter_records([str(root / "a"), str(root / "c" / "*.txt")], max_bytes=10**6))
    sources = sorted(i.source.rsplit("/in/", 1)[1] for i in items)
    assert sources == ["a/.DS_Store", "a/b/two.txt", "a/one.txt", "c/three.txt"]
    report = presstrace.ingest(db, [str(root / "a"), str(root / "c" / "*.txt")], options)
    assert report.new == 3
    assert report.skipped["hidden file"] == 1


def test_stdin(db, options, monkeypatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(f"{TITLE}\n\n{BODY}".encode()))
    monkeypatch.setattr("sys.stdin", fake)
    report = presstrace.ingest(db, ["-"], options)
    assert report.new == 1
    assert only(db)["source"] == "<stdin>"


def test_stdin_jsonl_larger_than_the_article_limit(db, monkeypatch) -> None:
    lines = jsonl(*({"text": f"{BODY} Item {n}.", "title": f"t{n}"} for n in range(300)))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    options = presstrace.Options(workers=1, max_bytes=50_000, quotes=False)
    report = presstrace.ingest(db, ["-"], options)
    assert len(lines) > 50_000
    assert (report.new, report.failed) == (300, 0)
