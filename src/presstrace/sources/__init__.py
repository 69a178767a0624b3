"""Sources: turn paths, folders, globs and stdin into a stream of raw article records.

Containers (JSON lines, WARC, feeds) are streamed record by record, so a 100 MB WARC never sits in
memory whole. Everything here runs in the main process and only reads; turning a record into an
article is the per-article stage's job (``presstrace.extract``).
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import RawRecord
from . import remote
from .detect import SNIFF_BYTES, is_gzip, sniff
from .feed import iter_feed
from .items import Failure, Item, Skip
from .jsonl import iter_json_array, iter_jsonl
from .remote import is_remote
from .warc import iter_warc

__all__ = ["Failure", "Item", "Skip", "expand_paths", "iter_records"]

STDIN = "-"
_GLOB_CHARS = set("*?[")


def iter_records(
    paths: Iterable[str], *, max_bytes: int, include_hidden: bool = False
) -> Iterator[Item]:
    """Every record under ``paths``, in a stable order (sorted within folders)."""
    for path in expand_paths(paths, include_hidden=include_hidden):
        if isinstance(path, str):
            yield from read_path(path, max_bytes=max_bytes)
        else:
            yield path


def expand_paths(paths: Iterable[str], *, include_hidden: bool = False) -> Iterator[str | Item]:
    """Files named by ``paths`` (folders walked recursively, globs expanded), or failures."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        if is_remote(raw):
            yield from remote.expand(raw, include_hidden=include_hidden)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            yield from _walk(path, include_hidden)
        elif path.exists() or path.is_symlink():
            yield str(path)
        elif _GLOB_CHARS & set(raw):
            # Path.glob takes no absolute patterns; users type both kinds.
            matches = sorted(glob.glob(raw, recursive=True))  # noqa: PTH207
            if not matches:
                yield Failure(raw, InputError("not-found", "no file matches this pattern"))
            for match in matches:
                yield from expand_paths([match], include_hidden=include_hidden)
        else:
            yield Failure(raw, InputError("not-found", "no such file or folder"))


def _walk(root: Path, include_hidden: bool) -> Iterator[str | Item]:
    def on_error(exc: OSError) -> None:
        failures.append(Failure(str(exc.filename), _os_error(exc)))

    failures: list[Failure] = []
    for folder, dirs, files in os.walk(root, onerror=on_error):
        yield from failures
        failures.clear()
        hidden = [d for d in dirs if d.startswith(".")]
        if not include_hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in hidden:
                yield Skip(str(Path(folder, name)), "hidden folder")
        dirs.sort()
        for name in sorted(files):
            full = str(Path(folder, name))
            if name.startswith(".") and not include_hidden:
                yield Skip(full, "hidden file")
            else:
                yield full
    yield from failures


def _os_error(exc: OSError) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError("unreadable", "permission denied: presstrace cannot read this path")
    if isinstance(exc, FileNotFoundError):
        return InputError("not-found", "no such file or folder")
    if isinstance(exc, IsADirectoryError):
        return InputError("unreadable", "is a folder")
    return InputError("unreadable", f"cannot read: {exc.strerror or exc}")


def read_path(path: str, *, max_bytes: int) -> Iterator[Item]:
    """All records in one file (or stdin); never raises for bad input."""
    try:
        if path == STDIN:
            yield from _read_stdin(max_bytes)
            return
        if is_remote(path):
            with remote.open_binary(path) as handle:
                yield from _read_stream(handle, path, max_bytes)
            return
        with open(path, "rb") as handle:  # noqa: PTH123 (a plain binary stream for fastwarc)
            yield from _read_stream(handle, path, max_bytes)
    except InputError as exc:
        yield Failure(path, exc)
    except OSError as exc:
        yield Failure(path, _os_error(exc))


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    """stdin can be read only once: spool it (to disk past the limit), and keep failed bytes."""
    source = "<stdin>"
    with tempfile.SpooledTemporaryFile(max_size=max_bytes) as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
        size = spool.tell()
        spool.seek(0)
        whole = spool.read() if size <= max_bytes else None
        spool.seek(0)
        for item in _read_stream(spool, source, max_bytes):  # type: ignore[arg-type]
            if isinstance(item, Failure) and item.source == source and item.data is None:
                item = Failure(source, item.error, whole)  # noqa: PLW2901 (same item, with bytes)
            yield item


def _read_stream(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    stream: BinaryIO = handle
    if is_gzip(head):
        try:
            inner_head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(SNIFF_BYTES)
        except (EOFError, OSError, zlib.error):
            inner_head = _partial_gunzip(head)
        if not inner_head:
            yield Failure(source, InputError("truncated", "gzip file with no readable content"))
            return
        try:
            kind = sniff(inner_head, source.removesuffix(".gz"))
        except InputError as exc:
            yield Failure(source, exc)
            return
        if kind == "warc":  # fastwarc reads gzip members itself, and can check the tail
            yield from iter_warc(handle, source, max_bytes)
            return
        stream = gzip.GzipFile(fileobj=handle)  # type: ignore[assignment]
    else:
        try:
            kind = sniff(head, source)
        except InputError as exc:
            yield Failure(source, exc)
            return
    try:
        if kind == "warc":
            yield from iter_warc(stream, source, max_bytes)
        elif kind == "jsonl":
            yield from iter_jsonl(stream, source, max_bytes)
        else:
            oversize = _size(stream) > max_bytes  # known without reading, for plain files
            data = b"" if oversize else stream.read(max_bytes + 1)
            if oversize or len(data) > max_bytes:
                yield Failure(
                    source,
                    InputError(
                        "too-large",
                        f"over the {max_bytes / 1e6:.0f} MB limit for one article "
                        f"({kind}); split it, or raise --max-size if it really is one article",
                    ),
                )
            elif kind == "json":
                yield from iter_json_array(data, source)
            elif kind == "feed":
                yield from iter_feed(data, source)
            else:
                yield RawRecord(source, kind, data)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Failure(
            source,
            InputError(
                "truncated",
                f"the gzip data is cut off or corrupt ({exc}); records before it were read",
            ),
        )


def _size(stream: BinaryIO) -> int:
    """Size of a plain file without reading it; 0 when unknown (gzip, pipes)."""
    try:
        return os.fstat(stream.fileno()).st_size if isinstance(stream, io.BufferedReader) else 0
    except (OSError, ValueError):
        return 0


def _partial_gunzip(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(head)
    except zlib.error:
        return b""
