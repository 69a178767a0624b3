"""FollowTheMoney entities (JSON lines), so that results load into OpenAleph and graph tools.

One ``Article`` per article; one ``Person`` or ``Organization`` per named speaker (a country
quoted as a speaker is its government: a ``PublicBody``); one ``Mention`` per speaker and article
it is quoted in, linking the two with the name as written. Unnamed sources ("a senior official")
are not entities. Every property value is a list of strings, as FtM's JSON form has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..store import Database

PREFIX = "presstrace"
_SCHEMA_OF_KIND = {"person": "Person", "organisation": "Organization", "group": "Organization",
                   "country": "PublicBody"}  # fmt: skip
#: FtM's ``language`` property wants ISO 639-3 codes.
_LANGUAGES = {
    "en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
    "ru": "rus", "zh": "zho", "ar": "ara", "ur": "urd", "ja": "jpn",
}  # fmt: skip


def entity_id(kind: str, key: str) -> str:
    return f"{PREFIX}-{kind}-{key}"


def entities(db: Database) -> Iterator[dict[str, Any]]:
    """Articles, then speakers, then mentions."""
    for article in db.conn.execute(
        "SELECT id, title, outlet, byline, published, url, language, text FROM articles "
        "ORDER BY rowid"
    ):
        yield _entity(
            "Article",
            entity_id("article", article["id"]),
            title=article["title"],
            name=article["title"],
            bodyText=article["text"],
            publishedAt=article["published"],
            publisher=article["outlet"],
            author=article["byline"],
            sourceUrl=article["url"] if _web(article["url"]) else None,
            language=_LANGUAGES.get(article["language"] or ""),
        )
    schemas: dict[str, str] = {}
    for speaker in db.conn.execute("SELECT * FROM speakers ORDER BY id"):
        schema = _SCHEMA_OF_KIND.get(speaker["kind"])
        if schema is None:
            continue
        schemas[speaker["id"]] = schema
        roles = [r["role"] for r in json.loads(speaker["roles"]) if r.get("role")]
        aliases = [a for a in json.loads(speaker["aliases"]) if a != speaker["name"]]
        yield _entity(
            schema,
            entity_id("speaker", speaker["id"]),
            name=speaker["name"],
            alias=aliases,
            **({"position": roles} if schema == "Person" else {"description": roles}),
        )
    for row in db.conn.execute(
        "SELECT q.speaker, q.article, group_concat(DISTINCT coalesce(q.mention, q.speaker_name)) "
        "AS names FROM quotes q WHERE q.speaker IS NOT NULL GROUP BY q.speaker, q.article "
        "ORDER BY q.speaker, q.article"
    ):
        schema = schemas.get(row["speaker"])
        if schema is None:
            continue
        names = sorted({n for n in (row["names"] or "").split(",") if n.strip()})
        yield _entity(
            "Mention",
            entity_id("mention", f"{row['speaker']}-{row['article']}"),
            name=names or None,
            document=entity_id("article", row["article"]),
            resolved=entity_id("speaker", row["speaker"]),
            detectedSchema=schema,
        )


def _entity(schema: str, key: str, **properties: Any) -> dict[str, Any]:
    found: dict[str, list[str]] = {}
    for name, value in properties.items():
        values = value if isinstance(value, list) else [value]
        kept = [str(v) for v in values if v not in (None, "")]
        if kept:
            found[name] = kept
    return {"id": key, "schema": schema, "properties": found}


def _web(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))
