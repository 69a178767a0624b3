"""Builders of test inputs, written for these tests (never copied from real articles)."""

from __future__ import annotations

import gzip
import json
import sqlite3

PARAGRAPHS = [
    "The harbour authority of Port Alden said on Monday that it would close the northern quay "
    "for three weeks while engineers repair storm damage to the sea wall.",
    "“We cannot let ships berth there until the wall is safe,” said Mara Ellison, the "
    "authority's chief engineer, adding that about 40 fishing boats would move to the south quay.",
    "Local fishermen said the closure came at the worst time of the year, when catches are "
    "highest, and asked the town council for compensation.",
    "The council is expected to vote on an emergency fund of 250,000 euros on Thursday.",
]
BODY = "\n\n".join(PARAGRAPHS)
TITLE = "Port Alden closes northern quay after storm damage"


def article_html(
    title: str = TITLE,
    body: list[str] | None = None,
    author: str = "Lena Ortiz",
    date: str = "2024-03-11",
    site: str = "The Alden Gazette",
) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (body or PARAGRAPHS))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By {author}</p>{paragraphs}</article>
<footer>© 2024 {site}. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def warc_record(
    uri: str, html: str, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"
) -> bytes:
    body = html.encode()
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-12T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def warc_gz(records: list[bytes]) -> bytes:
    """A WARC.gz as crawlers write it: one gzip member per record."""
    return b"".join(gzip.compress(r) for r in records)


def jsonl(*objects: dict[str, object]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)


def database_at_version(path: object, version: int) -> sqlite3.Connection:
    """A presstrace database as an older release left it: the first ``version`` migrations."""
    from presstrace.store.schema import MIGRATIONS

    conn = sqlite3.connect(str(path), isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:version]):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number + 1};\nCOMMIT;")
    return conn
