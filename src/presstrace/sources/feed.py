"""RSS and Atom files: one record per item that carries the article's full content."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import InputError
from ..model import RawRecord
from .items import Failure, Item

#: An item whose only text is a summary shorter than this is a teaser, not an article.
MIN_SUMMARY_CHARS = 500


def iter_feed(data: bytes, source: str) -> Iterator[Item]:
    # Bytes, never a str: feedparser treats a str that looks like a URL as something to fetch.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        reason = f"no items in the feed ({why})" if why else "no items in the feed"
        yield Failure(source, InputError("bad-record", reason), data)
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(entries, start=1):
        member = f"{source}#item-{index}"
        fields = _item_fields(entry, outlet)
        encoded = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()
        if not fields.get("html"):
            yield Failure(
                member,
                InputError(
                    "no-article",
                    "feed item has only a short summary, not the article; ingest the article "
                    "page itself (presstrace never fetches anything)",
                ),
                encoded,
            )
            continue
        yield RawRecord(member, "feed", encoded)


def _item_fields(entry: Any, outlet: str | None) -> dict[str, Any]:
    contents = entry.get("content") or []
    html = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    if not html and len(summary) >= MIN_SUMMARY_CHARS:
        html = summary
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "url": entry.get("link"),
        "title": entry.get("title"),
        "byline": entry.get("author"),
        "outlet": outlet,
        "published": time.strftime("%Y-%m-%d", published) if published else None,
        "html": html,
    }
