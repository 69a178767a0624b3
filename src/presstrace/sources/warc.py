"""WARC and WARC.gz (e.g. CC-NEWS): HTML response records, streamed one at a time."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..errors import InputError
from ..model import RawRecord
from .items import Failure, Item, Skip


def iter_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """Yield one ``RawRecord`` per HTML response; other records are skipped and counted.

    fastwarc (like warcio) stops quietly at a truncated record, so after the loop the tail of the
    file is checked and a truncation becomes a ``Failure``: the records before it are kept.
    """
    last_pos = 0
    count = 0
    try:
        for record in ArchiveIterator(stream, parse_http=True):
            last_pos = record.stream_pos
            if record.record_type != WarcRecordType.response:
                continue
            for item in _response(record, source, max_bytes):
                if isinstance(item, Failure) and item.error.code == "truncated":
                    yield Failure(source, InputError("truncated", _truncated(count)))
                    return
                count += isinstance(item, RawRecord)
                yield item
    except Exception as exc:  # fastwarc raises plain exceptions on garbage
        yield Failure(source, InputError("truncated", f"WARC stops being readable: {exc}"))
        return
    problem = _tail_problem(stream, last_pos)
    if problem is None and count == 0:
        yield Skip(source, "WARC holds no HTML responses")
    elif problem:
        yield Failure(source, InputError("truncated", _truncated(count, problem)))


def _truncated(count: int, problem: str = "the file ends inside a record (file truncated)") -> str:
    return (
        f"{problem} after {count} HTML records; those were read. "
        "Re-download the file to get the rest."
    )


def _response(record: object, source: str, max_bytes: int) -> Iterator[Item]:
    rec = record  # fastwarc's WarcRecord; untyped
    uri = rec.headers.get("WARC-Target-URI")  # type: ignore[attr-defined]
    member = f"{source}#{rec.record_id}"  # type: ignore[attr-defined]
    http = rec.http_headers  # type: ignore[attr-defined]
    if http is None:
        yield Skip(member, "not an HTTP response")
        return
    if http.status_code != 200:
        yield Skip(member, f"HTTP status {http.status_code}")
        return
    ctype = (http.get("Content-Type") or "").lower()
    if ctype and "html" not in ctype:
        yield Skip(member, "not HTML")
        return
    if rec.content_length > max_bytes:  # type: ignore[attr-defined]
        yield Failure(member, _too_large(rec.content_length, max_bytes))  # type: ignore[attr-defined]
        return
    payload = rec.reader.read()  # type: ignore[attr-defined]
    if len(payload) < rec.content_length:  # type: ignore[attr-defined]
        # fastwarc hands out a record cut off by the end of the file as if it were whole.
        yield Failure(member, InputError("truncated", "the file ends inside this record"))
        return
    hints = {"url": uri, "crawled": rec.headers.get("WARC-Date")}  # type: ignore[attr-defined]
    yield RawRecord(member, "html", payload, hints)


def _too_large(size: int, max_bytes: int) -> InputError:
    return InputError(
        "too-large",
        f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one article; "
        "raise --max-size if it really is one article",
    )


def _tail_problem(stream: BinaryIO, last_pos: int) -> str | None:
    """Check that everything from the last record read to the end of the file is whole."""
    try:
        stream.seek(last_pos)
    except (OSError, ValueError):
        return None  # not seekable (stdin): nothing more can be checked
    head = stream.read(2)
    stream.seek(last_pos)
    if head == b"\x1f\x8b":
        return _gzip_tail_problem(stream)
    return _plain_tail_problem(stream)


def _gzip_tail_problem(stream: BinaryIO) -> str | None:
    data = stream.read()
    while data:
        inflater = zlib.decompressobj(31)
        try:
            inflater.decompress(data)
        except zlib.error as exc:
            return f"corrupt gzip data ({exc})"
        if not inflater.eof:
            return "the gzip stream ends in the middle of a record (file truncated)"
        data = inflater.unused_data.lstrip(b"\x00")
    return None


def _plain_tail_problem(stream: BinaryIO) -> str | None:
    data = stream.read()
    pos = 0
    while pos < len(data):
        if not data.startswith(b"WARC/", pos):
            return "unreadable data where a WARC record should start"
        end_of_head = data.find(b"\r\n\r\n", pos)
        if end_of_head < 0:
            return "the file ends in the middle of a WARC header (file truncated)"
        length = _content_length(data[pos:end_of_head])
        if length is None:
            return "a WARC record without Content-Length"
        pos = end_of_head + 4 + length
        if pos > len(data):
            return "the file ends in the middle of a record (file truncated)"
        while data.startswith(b"\r\n", pos):
            pos += 2
    return None


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None
