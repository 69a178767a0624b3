"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import presstrace


@pytest.fixture
def db(tmp_path: Path) -> Iterator[presstrace.Database]:
    database = presstrace.open(tmp_path / "kb.db")
    yield database
    database.close()


@pytest.fixture
def options() -> presstrace.Options:
    # One process: the same code path, minus fork overhead, for most tests.
    return presstrace.Options(workers=1)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write
