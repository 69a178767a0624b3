"""The lists the app pages through: stories, articles, speakers, statements, quantities,
outlets, errors and search results, each with its filters and sort orders.

Every list is one SQL query with keyset pagination (see ``cursor``), so its API, its page and
its CSV / NDJSON stream are the same rows. Filters are parameters, never SQL text.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .cursor import Sort, clamp, encode

Row = dict[str, Any]


@dataclass(frozen=True)
class Listing:
    """One list: what it selects, from where, how it may be sorted and filtered."""

    select: str  # columns, SQL
    source: str  # FROM ... (joins included)
    sorts: dict[str, Sort]
    filters: dict[str, Callable[[str], tuple[str, list[Any]]]] = field(default_factory=dict)
    shape: Callable[[sqlite3.Row], Row] = dict
    group_by: str = ""

    @property
    def default_sort(self) -> str:
        return next(iter(self.sorts))


@dataclass
class Page:
    items: list[Row]
    next: str | None
    sort: str
    limit: int
    filters: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "next": self.next,
            "sort": self.sort,
            "limit": self.limit,
            "filters": self.filters,
        }


class ListError(ValueError):
    """A sort or filter this list does not have."""


def page(
    conn: sqlite3.Connection,
    listing: Listing,
    *,
    sort: str | None = None,
    cursor: str | None = None,
    limit: int | None = None,
    filters: dict[str, str | None] | None = None,
) -> Page:
    """One page of ``listing``: at most ``limit`` rows after ``cursor``."""
    size = clamp(limit)
    sort = sort or listing.default_sort
    rows = list(_rows(conn, listing, sort, cursor, size + 1, filters or {}))
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = encode(sort, rows[-1]["_key"]) if more and rows else None
    for row in rows:
        row.pop("_key")
    used = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    return Page(rows, next_cursor, sort, size, {k: str(v) for k, v in used.items()})


def stream(
    conn: sqlite3.Connection,
    listing: Listing,
    *,
    sort: str | None = None,
    filters: dict[str, str | None] | None = None,
    batch: int = 500,
    before_batch: Callable[[], None] | None = None,
) -> Iterator[Row]:
    """Every row of ``listing``, page by page (for CSV and NDJSON downloads);
    ``before_batch`` runs before each page's query (a download's time limit is per page)."""
    sort = sort or listing.default_sort
    cursor: str | None = None
    while True:
        if before_batch is not None:
            before_batch()
        rows = list(_rows(conn, listing, sort, cursor, batch, filters or {}))
        for row in rows:
            key = row.pop("_key")
            yield row
        if len(rows) < batch:
            return
        cursor = encode(sort, key)


def _rows(
    conn: sqlite3.Connection,
    listing: Listing,
    sort: str,
    cursor: str | None,
    limit: int,
    filters: dict[str, str | None],
) -> Iterator[Row]:
    if sort not in listing.sorts:
        raise ListError(f"unknown sort {sort!r}; choose one of: {', '.join(listing.sorts)}")
    order = listing.sorts[sort]
    where, params = [], []
    for name, value in filters.items():
        if value in (None, ""):
            continue
        if name not in listing.filters:
            raise ListError(
                f"unknown filter {name!r}; this list has: {', '.join(listing.filters) or 'none'}"
            )
        clause, values = listing.filters[name](str(value))
        where.append(clause)
        params.extend(values)
    keys = ", ".join(f"{key} AS _k{i}" for i, key in enumerate(order.keys))
    inner = f"SELECT {listing.select}, {keys} FROM {listing.source}"
    if where:
        inner += " WHERE " + " AND ".join(where)
    if listing.group_by:
        inner += f" GROUP BY {listing.group_by}"
    outer_keys = tuple(f"_k{i}" for i in range(len(order.keys)))
    after, after_params = Sort(outer_keys, order.descending).after(cursor, sort)
    sql = (
        f"SELECT * FROM ({inner}) WHERE {after} "
        f"ORDER BY {Sort(outer_keys, order.descending).order_by} LIMIT ?"
    )
    for row in conn.execute(sql, [*params, *after_params, limit]):
        found = listing.shape(row)
        found["_key"] = [row[k] for k in outer_keys]
        for k in outer_keys:
            found.pop(k, None)
        yield found


# --- filters ---------------------------------------------------------------------------------

_DAY = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _day(value: str) -> str:
    if not _DAY.fullmatch(value):
        raise ListError(f"dates are written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _equals(column: str) -> Callable[[str], tuple[str, list[Any]]]:
    return lambda value: (f"{column} = ?", [value])


def _since(column: str) -> Callable[[str], tuple[str, list[Any]]]:
    return lambda value: (f"{column} >= ?", [_day(value)])


def _until(column: str) -> Callable[[str], tuple[str, list[Any]]]:
    # "until 2019-11" takes in the whole of November.
    return lambda value: (f"{column} <= ?", [_day(value) + "\uffff"])


def _contains(*columns: str) -> Callable[[str], tuple[str, list[Any]]]:
    def clause(value: str) -> tuple[str, list[Any]]:
        pattern = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return (
            "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")",
            [pattern] * len(columns),
        )

    return clause


def _flag(column: str) -> Callable[[str], tuple[str, list[Any]]]:
    def clause(value: str) -> tuple[str, list[Any]]:
        if value.lower() not in ("0", "1", "true", "false", "yes", "no"):
            raise ListError(f"{column} is yes or no, not {value!r}")
        return f"{column} = ?", [1 if value.lower() in ("1", "true", "yes") else 0]

    return clause


# --- the lists ---------------------------------------------------------------------------------


def _story_shape(row: sqlite3.Row) -> Row:
    found = dict(row)
    found["terms"] = json.loads(found["terms"])[:8]
    found["outlets"] = sorted(filter(None, (found.pop("outlets_csv") or "").split(",")))
    return found


STORIES = Listing(
    select="s.id, s.title, s.size, s.first_seen, s.last_seen, s.terms, "
    "(SELECT group_concat(DISTINCT a.outlet) FROM story_articles sa "
    "JOIN articles a ON a.id = sa.article WHERE sa.story = s.id) AS outlets_csv",
    source="stories s",
    sorts={
        "size": Sort(("s.size", "s.id"), descending=True),
        "newest": Sort(("coalesce(s.last_seen, '')", "s.id"), descending=True),
        "oldest": Sort(("coalesce(s.first_seen, '9999')", "s.id"), descending=False),
        "title": Sort(("coalesce(s.title, '')", "s.id"), descending=False),
    },
    filters={
        "since": _since("s.last_seen"),
        "until": _until("s.first_seen"),
        "outlet": lambda value: (
            "s.id IN (SELECT sa.story FROM story_articles sa JOIN articles a "
            "ON a.id = sa.article WHERE a.outlet = ?)",
            [value],
        ),
        "q": _contains("s.title", "s.terms"),
    },
    shape=_story_shape,
)


def _article(row: sqlite3.Row) -> Row:
    found = dict(row)
    found["wires"] = json.loads(found["wires"])
    return found


ARTICLES = Listing(
    select="a.id, a.title, a.outlet, a.published, a.source, a.byline, a.wires, "
    "(SELECT story FROM story_articles WHERE article = a.id) AS story",
    source="articles a",
    sorts={
        "newest": Sort(("coalesce(a.published, '')", "a.id"), descending=True),
        "oldest": Sort(("coalesce(a.published, '9999')", "a.id"), descending=False),
        "title": Sort(("coalesce(a.title, '')", "a.id"), descending=False),
    },
    filters={
        "outlet": _equals("a.outlet"),
        "since": _since("a.published"),
        "until": _until("a.published"),
        "story": lambda value: (
            "a.id IN (SELECT article FROM story_articles WHERE story = ?)",
            [value],
        ),
        "q": _contains("a.title"),
    },
    shape=_article,
)


def _speaker(row: sqlite3.Row) -> Row:
    found = dict(row)
    found["aliases"] = json.loads(found["aliases"])
    found["roles"] = json.loads(found["roles"])
    return found


SPEAKERS = Listing(
    select="id, name, kind, aliases, roles, quotes",
    source="speakers",
    sorts={
        "quotes": Sort(("quotes", "id"), descending=True),
        "name": Sort(("lower(name)", "id"), descending=False),
    },
    filters={"q": _contains("name", "aliases"), "kind": _equals("kind")},
    shape=_speaker,
)


def _statement(row: sqlite3.Row) -> Row:
    found = dict(row)
    found["outlets"] = json.loads(found["outlets"])
    found["flagged"] = found["speakers"] > 1
    return found


STATEMENTS = Listing(
    select="st.id, st.text, st.speaker, sp.name AS speaker_name, st.first_article, "
    "st.first_published, st.reports, st.outlets, st.wordings, st.speakers",
    source="statements st LEFT JOIN speakers sp ON sp.id = st.speaker",
    sorts={
        "reports": Sort(("st.reports", "st.id"), descending=True),
        "oldest": Sort(("coalesce(st.first_published, '9999')", "st.id"), descending=False),
    },
    filters={
        "speaker": _equals("st.speaker"),
        "q": _contains("st.text"),
        "shared": lambda value: ("st.reports > 1" if _yes(value) else "st.reports = 1", []),
    },
    shape=_statement,
)


def _yes(value: str) -> bool:
    return bool(_flag("x")(value)[1][0] == 1)


def _quantity(row: sqlite3.Row) -> Row:
    found = dict(row)
    found["predicate"], _, found["counted"] = found["key"].partition("|")
    found["disagree"] = bool(found["disagree"])
    return found


QUANTITIES = Listing(
    select="id, key, figures, articles, low, high, disagree, first_seen, last_seen",
    source="quantities",
    sorts={
        "figures": Sort(("figures", "id"), descending=True),
        "newest": Sort(("coalesce(last_seen, '')", "id"), descending=True),
    },
    filters={"disagree": _flag("disagree"), "q": _contains("key")},
    shape=_quantity,
)

OUTLETS = Listing(
    select="coalesce(outlet, '') AS outlet, count(*) AS articles, min(published) AS first_seen, "
    "max(published) AS last_seen",
    source="articles",
    group_by="outlet",
    sorts={
        "articles": Sort(("count(*)", "coalesce(outlet, '')"), descending=True),
        "name": Sort(("coalesce(outlet, '')",), descending=False),
    },
)

ERRORS = Listing(
    select="id, source, code, reason, first_seen, last_seen, attempts, resolved",
    source="errors",
    sorts={
        "oldest": Sort(("id",), descending=False),
        "newest": Sort(("id",), descending=True),
    },
    filters={
        "code": _equals("code"),
        "open": lambda value: ("resolved IS NULL" if _yes(value) else "1", []),
    },
)

LISTS: dict[str, Listing] = {
    "stories": STORIES,
    "articles": ARTICLES,
    "speakers": SPEAKERS,
    "statements": STATEMENTS,
    "quantities": QUANTITIES,
    "outlets": OUTLETS,
    "errors": ERRORS,
}
