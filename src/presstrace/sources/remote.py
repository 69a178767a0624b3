"""Inputs named by URL (``s3://bucket/cc-news/``, ``gs://…``, ``https://…/a.warc.gz``,
``memory://``) read through fsspec, where the user has it and the package for that store
(s3fs, gcsfs …): listed like local folders and globs, and streamed like local files, so a
WARC.gz in a bucket is never loaded whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from .items import Failure, Item, Skip

_URL = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://")
_GLOB_CHARS = set("*?[")


def is_remote(path: str) -> bool:
    m = _URL.match(path)
    return m is not None and m["scheme"].lower() != "file"


def _fs(url: str) -> tuple[Any, str]:
    try:
        import fsspec  # noqa: PLC0415 (optional: only for remote inputs)
    except ImportError:
        raise InputError(
            "unreadable",
            "reading a URL needs fsspec: pip install 'presstrace[remote]' (and the package for "
            "its store, such as s3fs or gcsfs)",
        ) from None
    try:
        return fsspec.core.url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as exc:
        raise InputError("unreadable", f"cannot open this kind of URL: {exc}") from None


def expand(url: str, *, include_hidden: bool = False) -> Iterator[str | Item]:
    """The files a URL names: itself, every file below it, or the glob's matches, sorted."""
    try:
        fs, root = _fs(url)
        if _GLOB_CHARS & set(root):
            found = sorted(fs.glob(root))
            if not found:
                yield Failure(url, InputError("not-found", "no file matches this pattern"))
        elif fs.isdir(root):
            found = sorted(fs.find(root))
        elif fs.exists(root):
            found = [root]
        else:
            yield Failure(url, InputError("not-found", "no such file or folder"))
            return
    except InputError as exc:
        yield Failure(url, exc)
        return
    except OSError as exc:
        yield Failure(url, InputError("unreadable", f"cannot list it: {exc}"))
        return
    for path in found:
        full = fs.unstrip_protocol(path)
        hidden = any(part.startswith(".") for part in path[len(root) :].split("/") if part)
        if hidden and not include_hidden:
            yield Skip(full, "hidden file")
        else:
            yield full


def open_binary(url: str) -> BinaryIO:
    """A seekable binary stream of the file at ``url`` (read in blocks, not whole)."""
    fs, path = _fs(url)
    handle: BinaryIO = fs.open(path, "rb")
    return handle


def size(url: str) -> int:
    try:
        fs, path = _fs(url)
        return int(fs.size(path) or 0)
    except (InputError, OSError):
        return 0
