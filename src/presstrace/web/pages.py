"""What each page shows, as plain data: the JSON API returns it as it is, the HTML page
renders it. One function per page; each takes a read-only ``Database``.

Pages about one story or speaker cap what they list (``CAP``) and say how much they left out,
so that a story of ten thousand articles still answers at once; the lists behind them
(``/api/articles?story=...``) page through the rest.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..dates.timeline import entries as timeline_entries
from ..dates.timeline import order as timeline_order
from ..figures.corpus import disagree
from ..store import Database
from ..store.database import timeline_quotes

CAP = 300
SEARCH_CAP = 1000
#: Searches matching more articles than this list the newest first, unranked.
RANK_LIMIT = 20_000

Row = dict[str, Any]


class NotFound(LookupError):
    """No such story, article, speaker, statement or quantity."""


def overview(db: Database) -> Row:
    conn = db.conn

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    return {
        "counts": {
            "articles": one("SELECT count(*) FROM articles"),
            "reports": db.report_count(),
            "stories": one("SELECT count(*) FROM stories"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
            "speakers": one("SELECT count(*) FROM speakers"),
            "statements": one("SELECT count(*) FROM statements"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "figures": one("SELECT count(*) FROM figures"),
            "quantities": one("SELECT count(*) FROM quantities"),
            "disagreeing_quantities": one("SELECT count(*) FROM quantities WHERE disagree"),
            "undated": one("SELECT count(*) FROM articles WHERE published IS NULL"),
            "errors": one("SELECT count(*) FROM errors WHERE resolved IS NULL"),
        },
        "per_day": [
            [r[0], r[1]]
            for r in conn.execute(
                "SELECT published, count(*) FROM articles WHERE published IS NOT NULL "
                "GROUP BY published ORDER BY published"
            )
        ],
    }


# --- a story -----------------------------------------------------------------------------------


def story(db: Database, story_id: str) -> Row:
    conn = db.conn
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        raise NotFound(f"no story {story_id!r}")
    articles = [
        _article_row(r)
        for r in conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.source, a.wires "
            "FROM story_articles s JOIN articles a ON a.id = s.article WHERE s.story = ? "
            "ORDER BY coalesce(a.published, '9999'), a.outlet, a.id LIMIT ?",
            (story_id, CAP + 1),
        )
    ]
    more = len(articles) > CAP
    articles = articles[:CAP]
    ids = [a["id"] for a in articles]
    return {
        "id": row["id"],
        "title": row["title"],
        "terms": json.loads(row["terms"]),
        "size": row["size"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "outlets": sorted({a["outlet"] for a in articles if a["outlet"]}),
        "articles": articles,
        "articles_cut": more,
        "copies": (copies := _titled(_copies_among(conn, ids), articles)),
        "copy_groups": _copy_groups(copies, articles),
        "statements": _statements_of(conn, ids),
        "quantities": _quantities_of(conn, ids),
        "timeline": _timeline_of(conn, ids),
    }


def _article_row(row: sqlite3.Row) -> Row:
    found = dict(row)
    if "wires" in found:
        found["wires"] = json.loads(found["wires"])
    return found


def _in(ids: list[str]) -> str:
    return ", ".join("?" * len(ids))


def _copies_among(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    if not ids:
        return []
    found = []
    for r in conn.execute(
        f"SELECT a, b, relation, shared, earlier, passages FROM copies WHERE a IN ({_in(ids)}) "
        "ORDER BY shared DESC, a, b",
        ids,
    ):
        pair = dict(r)
        if pair["b"] not in ids:
            continue
        pair["passages"] = len(json.loads(pair["passages"]))
        found.append(pair)
    return found


def _titled(copies: list[Row], articles: list[Row]) -> list[Row]:
    by_id = {a["id"]: a for a in articles}
    for pair in copies:
        for side in ("a", "b"):
            pair[f"{side}_title"] = by_id[pair[side]]["title"]
            pair[f"{side}_outlet"] = by_id[pair[side]]["outlet"]
    return copies


def _copy_groups(copies: list[Row], articles: list[Row]) -> list[Row]:
    """Articles that are one report (duplicates and near-duplicates of each other), each group
    oldest first: the first is the report, the rest its reprints."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    linked: set[str] = set()
    for pair in copies:
        if pair["relation"] in ("duplicate", "near_duplicate"):
            linked.update((pair["a"], pair["b"]))
            a, b = root(pair["a"]), root(pair["b"])
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[Row]] = {}
    for article in articles:  # oldest first already
        if article["id"] in linked:
            members.setdefault(root(article["id"]), []).append(article)
    groups = [
        {"articles": group, "outlets": sorted({a["outlet"] for a in group if a["outlet"]})}
        for group in members.values()
        if len(group) > 1
    ]
    groups.sort(key=lambda g: -len(g["articles"]))
    return groups


def _statements_of(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    if not ids:
        return []
    found = []
    for r in conn.execute(
        "SELECT st.id, st.text, st.speaker, sp.name AS speaker_name, st.reports, st.outlets, "
        "st.first_published, st.wordings, st.speakers, count(*) AS here "
        f"FROM quotes q JOIN statements st ON st.id = q.statement "
        f"LEFT JOIN speakers sp ON sp.id = st.speaker WHERE q.article IN ({_in(ids)}) "
        "GROUP BY st.id ORDER BY st.reports DESC, st.first_published, st.id LIMIT ?",
        [*ids, CAP],
    ):
        statement = dict(r)
        statement["outlets"] = json.loads(statement["outlets"])
        statement["flagged"] = statement["speakers"] > 1
        found.append(statement)
    return found


#: Quantities a story page shows: those its own articles report most figures for.
STORY_QUANTITIES = 20


def _quantities_of(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    """The quantities this story's articles report, each with the story's own figures (the
    quantity page has all of them): two queries, however large the quantities are."""
    if not ids:
        return []
    by_quantity: dict[str, list[Row]] = {}
    for r in conn.execute(
        "SELECT f.quantity, f.article, f.start, f.end, f.text, f.value, f.low, f.high, "
        "f.operator, f.unit, f.counted, f.predicate, f.claimed_by, a.outlet, a.published, "
        f"a.title FROM figures f JOIN articles a ON a.id = f.article WHERE f.article IN "
        f"({_in(ids)}) AND f.quantity IS NOT NULL "
        "ORDER BY coalesce(a.published, '9999'), a.outlet, f.article, f.start",
        ids,
    ):
        figure = dict(r)
        by_quantity.setdefault(figure.pop("quantity"), []).append(figure)
    shown = sorted(by_quantity, key=lambda q: (-len(by_quantity[q]), q))[:STORY_QUANTITIES]
    rows = {
        r["id"]: r
        for r in conn.execute(f"SELECT * FROM quantities WHERE id IN ({_in(shown)})", shown)
    }
    found = []
    for quantity_id in shown:
        row, figures = rows[quantity_id], by_quantity[quantity_id]
        predicate, _, counted = row["key"].partition("|")
        found.append(
            {
                "id": quantity_id,
                "key": row["key"],
                "predicate": predicate,
                "counted": counted,
                "figures": figures,
                "figures_in_all": row["figures"],
                "articles": row["articles"],
                "low": min((f["low"] for f in figures if f["low"] is not None), default=None),
                "high": _high(figures),
                "disagree": disagree(figures),
                "wordings": sorted({f["counted"] for f in figures if f["counted"]}),
            }
        )
    return found


def _high(figures: list[Row]) -> float | None:
    """The largest amount the story's figures allow; None when one is open above."""
    if any(f["high"] is None for f in figures):
        return None
    return float(max(f["high"] for f in figures))


def _timeline_of(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    found: list[Row] = []
    for article_id in ids:
        found.extend(_article_timeline(conn, article_id))
    found.sort(key=timeline_order)
    return _grouped(found)


def _grouped(entries: list[Row]) -> list[Row]:
    """Entries of one sentence on one date (a wire copy reprinted) are one entry, with every
    outlet and article that reports it."""
    out: list[Row] = []
    seen: dict[tuple[str, str, str], Row] = {}
    for entry in entries:
        key = (str(entry["date"]), str(entry["text"]), " ".join(str(entry["sentence"]).split()))
        if key in seen:
            seen[key]["reports"].append(_report_of(entry))
            continue
        first = {**entry, "reports": [_report_of(entry)]}
        seen[key] = first
        out.append(first)
    return out


def _report_of(entry: Row) -> Row:
    return {"article": entry["article"], "outlet": entry["outlet"], "published": entry["published"]}


def _article_timeline(conn: sqlite3.Connection, article_id: str) -> list[Row]:
    row = conn.execute(
        "SELECT id, source, outlet, published, title, text FROM articles WHERE id = ? "
        "AND timed = 1",
        (article_id,),
    ).fetchone()
    if row is None:
        return []
    dates = conn.execute(
        "SELECT start, text, type, value FROM dates WHERE article = ? AND type IN ('DATE', "
        "'TIME') ORDER BY start",
        (article_id,),
    ).fetchall()
    if not dates:
        return []
    said = timeline_quotes(conn, article_id)
    return list(timeline_entries(dict(row), map(dict, dates), said))


# --- one quantity, one statement ----------------------------------------------------------------


def quantity(db: Database, quantity_id: str) -> Row:
    conn = db.conn
    row = conn.execute("SELECT * FROM quantities WHERE id = ?", (quantity_id,)).fetchone()
    if row is None:
        raise NotFound(f"no quantity {quantity_id!r}")
    figures = [
        dict(r)
        for r in conn.execute(
            "SELECT f.article, f.start, f.end, f.text, f.value, f.low, f.high, f.operator, "
            "f.unit, f.counted, f.predicate, f.claimed_by, a.outlet, a.published, a.title "
            "FROM figures f JOIN articles a ON a.id = f.article WHERE f.quantity = ? "
            "ORDER BY coalesce(a.published, '9999'), a.outlet, f.article, f.start LIMIT ?",
            (quantity_id, CAP),
        )
    ]
    predicate, _, counted = row["key"].partition("|")
    return {
        "id": row["id"],
        "key": row["key"],
        "predicate": predicate,
        "counted": counted,
        "figures": figures,
        "articles": row["articles"],
        "low": row["low"],
        "high": row["high"],
        "disagree": bool(row["disagree"]),
        "wordings": sorted({f["counted"] for f in figures if f["counted"]}),
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
    }


def statement(db: Database, statement_id: str) -> Row:
    conn = db.conn
    row = conn.execute(
        "SELECT st.*, sp.name AS speaker_name FROM statements st "
        "LEFT JOIN speakers sp ON sp.id = st.speaker WHERE st.id = ?",
        (statement_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no statement {statement_id!r}")
    found = dict(row)
    found["outlets"] = json.loads(found["outlets"])
    found["flagged"] = found["speakers"] > 1
    found["reports_list"] = _reports(
        conn, "q.statement = ?", [statement_id], "coalesce(a.published, '9999'), a.id"
    )
    return found


def _reports(conn: sqlite3.Connection, where: str, params: list[Any], order: str) -> list[Row]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT q.id, q.article, q.text, q.kind, q.cue, q.mention, q.statement, "
            "coalesce(s.name, q.speaker_name) AS speaker_name, q.speaker, a.outlet, "
            "a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article "
            f"LEFT JOIN speakers s ON s.id = q.speaker WHERE {where} ORDER BY {order} LIMIT ?",
            [*params, CAP],
        )
    ]


# --- an article --------------------------------------------------------------------------------


def article(db: Database, article_id: str) -> Row:
    found = db.article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id!r}")
    found.pop("raw_sha256", None)
    story_id = db.conn.execute(
        "SELECT story FROM story_articles WHERE article = ?", (article_id,)
    ).fetchone()
    found["story"] = story_id[0] if story_id else None
    found["quotes"] = list(db.quotes(article=article_id))
    found["figures"] = list(db.figures(article=article_id))
    found["dates"] = list(db.dates(article=article_id))
    found["terms"] = [
        dict(r)
        for r in db.conn.execute(
            "SELECT text, start, end, user FROM terms WHERE article = ? ORDER BY start",
            (article_id,),
        )
    ]
    found["copies"] = [
        {**c, "other": c["b"] if c["a"] == article_id else c["a"], "passages": len(c["passages"])}
        for c in db.copies(article=article_id)
    ]
    titles = _titles(db.conn, [c["other"] for c in found["copies"]])
    for c in found["copies"]:
        c["other_title"], c["other_outlet"] = titles.get(c["other"], (None, None))
    found["removed"] = [
        {"line": line, "reason": reason, "text": text} for line, reason, text in found["removed"]
    ]
    return found


def _titles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    if not ids:
        return {}
    return {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            f"SELECT id, title, outlet FROM articles WHERE id IN ({_in(ids)})", ids
        )
    }


def raw_text(db: Database, article_id: str) -> str:
    row = db.conn.execute("SELECT raw_sha256 FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id!r}")
    data = db.raw(row[0]) or b""
    return data.decode("utf-8", errors="replace")


# --- a speaker ---------------------------------------------------------------------------------


def speaker(db: Database, speaker_id: str) -> Row:
    row = db.conn.execute("SELECT * FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    if row is None:
        raise NotFound(f"no speaker {speaker_id!r}")
    found = dict(row)
    found["aliases"] = json.loads(found["aliases"])
    found["roles"] = json.loads(found["roles"])
    reports = _reports(
        db.conn, "q.speaker = ?", [speaker_id], "coalesce(a.published, '9999'), a.outlet, q.id"
    )
    found["reports"] = reports
    found["reports_cut"] = len(reports) >= CAP
    by_statement: dict[str, Row] = {}
    for report in reports:
        key = report["statement"] or report["id"]
        entry = by_statement.setdefault(
            key, {"statement": report["statement"], "first": report, "reports": []}
        )
        entry["reports"].append(report)
    found["statements"] = list(by_statement.values())
    found["outlets"] = sorted({r["outlet"] for r in reports if r["outlet"]})
    return found


# --- two articles side by side -------------------------------------------------------------------


def compare(db: Database, a: str, b: str) -> Row:
    first, second = db.article(a), db.article(b)
    if first is None or second is None:
        raise NotFound(f"no article {a if first is None else b!r}")
    pair = db.conn.execute(
        "SELECT * FROM copies WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (a, b, b, a)
    ).fetchone()
    passages: list[Row] = []
    if pair is not None:
        flip = pair["a"] != a
        for p in json.loads(pair["passages"]):
            left, right = (p["b"], p["a"]) if flip else (p["a"], p["b"])
            passages.append(
                {
                    "a": left,
                    "b": right,
                    "words": p.get("words"),
                    "a_text": first["text"][left[0] : left[1]],
                    "b_text": second["text"][right[0] : right[1]],
                }
            )
    keep = ("id", "title", "outlet", "published", "source", "byline", "text", "wires")
    return {
        "a": {k: first[k] for k in keep},
        "b": {k: second[k] for k in keep},
        "relation": pair["relation"] if pair is not None else None,
        "shared": pair["shared"] if pair is not None else None,
        "earlier": pair["earlier"] if pair is not None else None,
        "passages": passages,
    }


# --- search ------------------------------------------------------------------------------------


def search(
    db: Database,
    query: str,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> Row:
    """Full-text search (FTS5) over titles and bodies, best match first (newest first when
    more than ``RANK_LIMIT`` articles match), with snippets. A query FTS5 cannot parse
    ("U.S.-China", an odd quote) is searched as plain words."""
    offset = max(0, min(offset, SEARCH_CAP))
    where, params = [], []
    for clause, value in (("a.outlet = ?", outlet), ("a.published >= ?", since)):
        if value:
            where.append(clause)
            params.append(value)
    if until:
        where.append("a.published <= ?")
        params.append(until + "\uffff")

    def run(match: str) -> tuple[int, list[sqlite3.Row]]:
        total = int(
            db.conn.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0]
        )
        # Ranking costs about a microsecond per matching article, and "government said"
        # matches half of a large corpus: over RANK_LIMIT matches, newest first instead.
        order = "rank" if total <= RANK_LIMIT else "articles_fts.rowid DESC"
        rows = db.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, '\x02', '\x03', ' … ', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE {' AND '.join(['articles_fts MATCH ?', *where])} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            [match, *params, limit + 1, offset],
        ).fetchall()
        return total, rows

    match = fts_query(query)
    total, rows = 0, list[sqlite3.Row]()
    try:
        if match:
            total, rows = run(match)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc) or match == plain_words(query):
            raise
        # FTS5 syntax the user did not mean ("an unbalanced quote): search the words.
        if plain_words(query):
            total, rows = run(plain_words(query))
    items = [dict(r) for r in rows[:limit]]
    for item in items:
        item["snippet"] = list(_snippet_parts(item.pop("snippet") or ""))
    more = len(rows) > limit and offset + limit < SEARCH_CAP
    return {
        "query": query,
        "matches": total,  # before the filters
        "ranked": total <= RANK_LIMIT,  # False: too many to rank, newest first
        "items": items,
        "next": offset + limit if more else None,
        "filters": {k: v for k, v in (("outlet", outlet), ("since", since), ("until", until)) if v},
    }


def fts_query(query: str) -> str:
    """Words as FTS5 phrases ("U.S." and "co-operation" would be syntax otherwise); a query
    that uses FTS5's own syntax (quotes, AND / OR / NOT, NEAR, a trailing *) is kept. Control
    characters go (a NUL ends FTS5's string); "" when nothing is left to search for."""
    text = _CONTROL.sub(" ", query).strip()
    operators = any(word in ("AND", "OR", "NOT") for word in text.split())
    if '"' in text or operators or "NEAR(" in text or text.endswith("*"):
        return text
    return plain_words(text)


def plain_words(query: str) -> str:
    """Every word of ``query`` as an FTS5 phrase: nothing in it is syntax."""
    words = [word.replace('"', "") for word in _CONTROL.sub(" ", query).split()]
    return " ".join(f'"{word}"' for word in words if word)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _snippet_parts(snippet: str) -> Iterable[Row]:
    """A snippet with its matched words marked, as parts the template escapes."""
    hit = False
    for part in snippet.replace("\x03", "\x02").split("\x02"):
        if part:
            yield {"text": part, "hit": hit}
        hit = not hit
