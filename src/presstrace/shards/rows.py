"""Analysed articles as plain rows (lists, dicts, strings, numbers, bytes) and back, so that
a shard's results are Parquet columns and a load rebuilds exactly the ``Article`` the worker
made.

The conversion follows the dataclasses' own type hints, so a field added to ``Article`` (or
to a quote, figure or date) travels without a change here. Mappings become lists of
``{"key", "value"}`` pairs: a story's terms would otherwise be a struct with a field per word.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Union

from ..model import Article


def to_row(value: Any) -> Any:
    """``value`` (a dataclass, list, dict or scalar) as plain data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_row(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return [{"key": k, "value": to_row(v)} for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [to_row(v) for v in value]
    return value


def article_row(article: Article) -> dict[str, Any]:
    row: dict[str, Any] = to_row(article)
    # The cleaner's [line, reason, text] triples mix numbers and text, which a column cannot.
    row["removed"] = json.dumps(article.removed, ensure_ascii=False)
    return row


def article_of(row: dict[str, Any]) -> Article:
    found: Article = from_row(Article, {**row, "removed": json.loads(row["removed"])})
    return found


def from_row(kind: Any, value: Any) -> Any:
    """Plain ``value`` back as type ``kind`` (a dataclass, ``list[X]``, ``X | None`` …)."""
    return _converter(kind)(value)


def _same(value: Any) -> Any:
    return value


@cache
def _converter(kind: Any) -> Callable[[Any], Any]:
    """The function that turns a plain value into ``kind``, worked out once per type: asking
    ``typing`` about every field of every row was most of a load's row reading."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _same
    if origin is list:
        (item,) = typing.get_args(kind) or (Any,)
        convert = _converter(item)
        if convert is _same:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [convert(v) for v in value]
    if origin is dict:
        _key, item = typing.get_args(kind) or (Any, Any)
        convert = _converter(item)
        return lambda value: (
            None if value is None else {pair["key"]: convert(pair["value"]) for pair in value}
        )
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        fields = {name: _converter(hint) for name, hint in _hints(kind).items()}

        def build(value: Any) -> Any:
            if value is None:
                return None
            return kind(**{n: fields[n](v) for n, v in value.items() if n in fields})

        return build
    if kind is bytes:
        return lambda value: bytes(value) if isinstance(value, bytearray | memoryview) else value
    if kind is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _same


@cache
def _hints(kind: type) -> dict[str, Any]:
    fields = {f.name for f in dataclasses.fields(kind) if f.init}
    return {k: v for k, v in typing.get_type_hints(kind).items() if k in fields}


def arrow_type(kind: Any) -> Any:
    """The Arrow type of a field typed ``kind``: one schema for every shard, whatever values
    a shard happens to hold (a column that is empty in one shard still has its type)."""
    import pyarrow as pa  # noqa: PLC0415 (the shard stages only)

    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return arrow_type(options[0]) if len(options) == 1 else pa.string()
    if origin is list:
        (item,) = typing.get_args(kind) or (Any,)
        return pa.list_(arrow_type(item))
    if origin is dict:
        key, item = typing.get_args(kind) or (str, Any)
        return pa.list_(pa.struct([("key", arrow_type(key)), ("value", arrow_type(item))]))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return pa.struct([(name, arrow_type(hint)) for name, hint in _hints(kind).items()])
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
              bytes: pa.binary()}  # fmt: skip
    return simple.get(kind, pa.string())


def article_schema() -> Any:
    import pyarrow as pa  # noqa: PLC0415

    fields = [(name, arrow_type(hint)) for name, hint in _hints(Article).items()]
    return pa.schema([(n, pa.string() if n == "removed" else t) for n, t in fields])
