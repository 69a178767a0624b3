"""Metadata values as users' files spell them, normalised."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """``2019-11-27T10:00Z``, ``Tue, 26 Nov 2019 10:00:00 GMT``, ``Nov 26, 2019`` → an ISO date.

    Returns None for anything that is not a plausible calendar date: a wrong date is worse than
    none, because later stages resolve "on Tuesday" against it.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DAY.match(text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_day(text)


def _dateparser_day(text: str) -> str | None:
    # A slow import (regex tables for 200 languages), needed only for free-form dates.
    import dateparser  # type: ignore[import-untyped]  # noqa: PLC0415

    parsed = dateparser.parse(
        text,
        languages=None,
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date().isoformat() if parsed else None


def first_str(fields: dict[str, object], *names: str) -> str | None:
    """The first non-empty string among ``names`` (users' JSON uses many spellings)."""
    for name in names:
        value = fields.get(name)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name")
        if value is not None and str(value).strip():
            return str(value).strip()
    return None
