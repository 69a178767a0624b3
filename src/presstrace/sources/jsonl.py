"""JSON lines (one article an object) and JSON arrays of such objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import RawRecord
from .items import Failure, Item


def iter_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    """One record a non-blank line. A bad line is a failure of that line only."""
    for number, raw_line in enumerate(stream, start=1):
        member = f"{source}#L{number}"
        if len(raw_line) > max_bytes:
            yield Failure(member, InputError("too-large", f"line {number} is over the size limit"))
            continue
        line = raw_line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failure(
                member, InputError("bad-record", f"line {number} is not valid JSON ({exc})"), line
            )
            continue
        if not isinstance(obj, dict):
            yield Failure(
                member, InputError("bad-record", f"line {number} is not a JSON object"), line
            )
            continue
        yield RawRecord(member, "jsonl", line)


def iter_json_array(data: bytes, source: str) -> Iterator[Item]:
    """A ``[{...}, {...}]`` file: each element is treated like a JSON line."""
    try:
        items = json.loads(data)
    except ValueError as exc:
        yield Failure(source, InputError("bad-record", f"not valid JSON ({exc})"), data)
        return
    if not isinstance(items, list):
        yield Failure(source, InputError("bad-record", "JSON file is not a list of articles"), data)
        return
    for index, obj in enumerate(items):
        member = f"{source}#{index}"
        encoded = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()
        if not isinstance(obj, dict):
            yield Failure(
                member, InputError("bad-record", f"item {index} is not a JSON object"), encoded
            )
            continue
        yield RawRecord(member, "jsonl", encoded)
