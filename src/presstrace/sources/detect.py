"""Tell an input's kind from its first bytes, not its name.

Users' folders hold ``.txt`` files that are really HTML, ``.html`` files that are JSON, WARCs
without an extension. The name is only a tie-breaker.
"""

from __future__ import annotations

import json
import re

from ..errors import InputError

#: How much of a file the sniffer looks at.
SNIFF_BYTES = 64 * 1024

#: Leading bytes of files that reach article folders by mistake, and what they are.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program (ELF binary)",
    b"SQLite format 3": "an SQLite database",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"\x28\xb5\x2f\xfd": "a zstandard archive",
    b"{\\rtf": "an RTF document",
}
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(
    rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p|h1|script)[\s>/]",
    re.IGNORECASE,
)
_SUPPORTED = "presstrace reads plain text, HTML, JSON lines, WARC (.gz) and RSS/Atom"


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def sniff(head: bytes, name: str = "") -> str:
    """The kind of (decompressed) bytes: warc, jsonl, json, feed, html or text.

    Raises ``InputError`` for empty and binary input, naming what it looks like.
    """
    body = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not body:
        raise InputError("empty", "empty file: nothing to read")
    for magic, what in BINARY_SIGNATURES.items():
        if head.startswith(magic):
            raise InputError("binary", f"{what}, not an article: {_SUPPORTED}; convert it first")
    if _looks_binary(head):
        raise InputError("binary", f"binary data, not text: {_SUPPORTED}")
    if body.startswith(b"WARC/"):
        return "warc"
    if body.startswith(b"{") and _first_line_is_json_object(body):
        return "jsonl"
    if body.startswith(b"["):
        return "json"
    start = body[:4096]
    if start.startswith(b"<"):
        if _FEED.search(start):
            return "feed"
        if _HTML.search(body[:SNIFF_BYTES]):
            return "html"
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")) and _HTML.search(body):
        return "html"
    # A text dump with a stray tag stays text; a page whose markup dominates is HTML.
    if len(_HTML.findall(start)) >= 5:
        return "html"
    return "text"


# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark is text
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


def _first_line_is_json_object(body: bytes) -> bool:
    line = body.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A first line cut off by the sniff window is still JSON lines if it is long.
        return len(line) >= SNIFF_BYTES - 1024
