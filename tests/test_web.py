"""The web app in-process: every page and API route, pagination, downloads, escaping, the
security headers, read-only access and time limits."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import presstrace
from presstrace.web import ServeOptions, create_app
from presstrace.web.app import _Connections
from tests.web_corpus import HOSTILE_TITLE, build

#: The in-process client's host name, accepted besides the loopback names.
IN_PROCESS = ServeOptions(hosts=(*ServeOptions().hosts, "testserver"))


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db, IN_PROCESS)) as c:
        yield c


@pytest.fixture(scope="module")
def ids(web_db: Path) -> dict[str, str]:
    conn = sqlite3.connect(web_db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    found = {
        "story": one("SELECT id FROM stories ORDER BY size DESC LIMIT 1"),
        "copy_a": one("SELECT a FROM copies LIMIT 1"),
        "copy_b": one("SELECT b FROM copies LIMIT 1"),
        "hostile": one(f"SELECT id FROM articles WHERE title = '{HOSTILE_TITLE}'"),
        "speaker": one("SELECT id FROM speakers WHERE name = 'Ana Ruiz'"),
        "statement": one("SELECT id FROM statements ORDER BY reports DESC LIMIT 1"),
        "quantity": one("SELECT id FROM quantities WHERE disagree LIMIT 1"),
    }
    conn.close()
    return found


def pages(ids: dict[str, str]) -> list[str]:
    return [
        "/", "/stories", "/articles", "/speakers", "/statements", "/quantities", "/outlets",
        "/errors", f"/stories/{ids['story']}", f"/articles/{ids['copy_a']}",
        f"/articles/{ids['hostile']}", f"/speakers/{ids['speaker']}",
        f"/statements/{ids['statement']}", f"/quantities/{ids['quantity']}",
        f"/compare?a={ids['copy_a']}&b={ids['copy_b']}", "/compare", "/search?q=dam",
        "/search", "/search?q=%22unbalanced", "/stories?outlet=Valley+Post&sort=newest",
        "/articles?since=2030-06&until=2030-06", "/speakers?q=ruiz", "/statements?shared=yes",
        "/quantities?disagree=yes", "/errors?open=yes", "/outlets?sort=name",
    ]  # fmt: skip


def test_every_page_answers_with_the_security_headers(client: TestClient, ids: dict) -> None:
    for path in pages(ids):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html")
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp  # no script at all
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in response.text.lower()  # every article string is escaped
        assert "<img" not in response.text and "<b>Gazette" not in response.text
        assert 'href="http' not in response.text.replace('href="https://north-herald', "")


def test_a_hostile_headline_shows_as_text(client: TestClient, ids: dict) -> None:
    for path in ("/", "/articles", f"/articles/{ids['hostile']}", "/search?q=dam", "/stories"):
        body = client.get(path).text
        if "Dam" in body:
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, path
    page = client.get(f"/articles/{ids['hostile']}").text
    assert "javascript:" in page and 'href="javascript' not in page  # shown, never a link
    assert "Hill &lt;b&gt;Gazette&lt;/b&gt;" in page
    api = client.get(f"/api/articles/{ids['hostile']}").json()
    assert api["title"] == HOSTILE_TITLE  # the API gives the text as it is: JSON is data


def test_overview_counts_reports_stories_outlets_speakers(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    counts = data["counts"]
    assert counts["articles"] == 5
    assert counts["reports"] == 4  # the wire copy counts once
    assert counts["stories"] == 2
    assert counts["outlets"] == 4
    assert counts["speakers"] > 0 and counts["errors"] == 1
    assert data["per_day"][0] == ["2030-05-02", 1]
    page = client.get("/").text
    assert "<svg" in page and "articles per day" in page


def test_story_page_has_articles_copies_statements_figures_and_timeline(
    client: TestClient, ids: dict
) -> None:
    story = client.get(f"/api/stories/{ids['story']}").json()
    assert [a["outlet"] for a in story["articles"]] == ["North Herald", "Coast Times",
                                                        "Valley Post"]  # fmt: skip
    assert story["copies"][0]["relation"] == "near_duplicate"
    (group,) = story["copy_groups"]  # the wire copy and its reprint are one report
    assert [a["outlet"] for a in group["articles"]] == ["North Herald", "Coast Times"]
    assert any(s["speaker_name"] == "Ana Ruiz" for s in story["statements"])
    (quantity,) = [q for q in story["quantities"] if q["disagree"]]
    assert sorted(f["text"] for f in quantity["figures"]) == [
        "hundreds of thousands", "over one million", "over one million",
    ]  # fmt: skip
    assert any(e["event"] == "statement" for e in story["timeline"])
    assert {e["date"] for e in story["timeline"]} >= {"2030-04-30"}  # "said on Tuesday"
    page = client.get(f"/stories/{ids['story']}").text
    for heading in ("Articles by outlet and time", "Copies and shared passages", "Statements",
                    "Figures reported for the same quantity", "Timeline"):  # fmt: skip
        assert heading in page
    assert "the figures disagree" in page and 'class="chart spread"' in page
    assert client.get("/stories/no-such-story").status_code == 404
    assert client.get("/api/stories/no-such-story").json() == {"error": "no story 'no-such-story'"}


def test_article_page_marks_quotes_speakers_figures_and_dates(
    client: TestClient, ids: dict
) -> None:
    page = client.get(f"/articles/{ids['copy_a']}").text
    for layer in ('class="quote"', 'class="figure"', 'class="date"', "speaker"):
        assert layer in page
    assert f'href="/speakers/{ids["speaker"]}"' in page  # the speaker links to their page
    assert f"/compare?a={ids['copy_a']}&amp;b={ids['copy_b']}" in page
    data = client.get(f"/api/articles/{ids['copy_a']}").json()
    for quote in data["quotes"]:
        assert data["text"][quote["start"] : quote["end"]] == quote["text"]
    assert data["copies"][0]["other"] == ids["copy_b"]
    raw = client.get(f"/articles/{ids['copy_a']}/raw")
    assert raw.headers["content-type"].startswith("text/plain")
    assert "sandbox" in raw.headers["content-security-policy"]
    assert "Velmar junta" in raw.text


def test_the_writers_own_voice_is_marked_as_such(client: TestClient, web_db: Path) -> None:
    conn = sqlite3.connect(web_db)
    (article,) = conn.execute("SELECT article FROM quotes WHERE speaker_kind = 'writer'").fetchone()
    conn.close()
    page = client.get(f"/articles/{article}").text
    assert "the outlet’s own voice" in page  # not "speaker unknown"
    assert "indirect quote: the outlet’s own voice" in page  # the mark in the text, too


def test_speaker_page_lists_what_they_said_by_date_and_outlet(
    client: TestClient, ids: dict
) -> None:
    data = client.get(f"/api/speakers/{ids['speaker']}").json()
    assert data["name"] == "Ana Ruiz"
    published = [r["published"] for r in data["reports"]]
    assert published == sorted(published)
    assert {"North Herald", "Coast Times"} <= set(data["outlets"])
    assert "first report" in client.get(f"/speakers/{ids['speaker']}").text


def test_compare_aligns_shared_passages_and_marks_differences(
    client: TestClient, ids: dict
) -> None:
    data = client.get(f"/api/compare?a={ids['copy_a']}&b={ids['copy_b']}").json()
    assert data["relation"] == "near_duplicate" and data["passages"]
    for passage in data["passages"]:
        assert data["a"]["text"][passage["a"][0] : passage["a"][1]] == passage["a_text"]
    page = client.get(f"/compare?a={ids['copy_a']}&b={ids['copy_b']}").text
    assert '<span class="changed">' in page and "Shared passages" in page
    assert "Coast Times could not reach the junta" in page


def test_search_finds_words_with_snippets_and_filters(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "spillway"}).json()
    assert len(found["items"]) == 2
    assert any(part["hit"] and part["text"].lower() == "spillway"
               for part in found["items"][0]["snippet"])  # fmt: skip
    only = client.get("/api/search", params={"q": "spillway", "outlet": "Valley Post"}).json()
    assert [i["outlet"] for i in only["items"]] == ["Valley Post"]
    # Not FTS5 syntax the user meant: searched as words, never an error.
    for query in ('"unbalanced', "U.S.-Velmar", "NEAR(", "dam AND"):
        assert client.get("/api/search", params={"q": query}).status_code == 200
    assert "<mark>spillway</mark>" in client.get("/search?q=spillway").text


def test_lists_page_with_stable_cursors_to_the_same_rows(client: TestClient) -> None:
    for name in ("stories", "articles", "speakers", "statements", "quantities", "outlets"):
        whole = client.get(f"/api/{name}", params={"limit": 500}).json()
        assert whole["next"] is None
        seen: list[dict] = []
        params: dict[str, object] = {"limit": 2}
        while True:
            page = client.get(f"/api/{name}", params=params).json()
            seen.extend(page["items"])
            if page["next"] is None:
                break
            params["cursor"] = page["next"]
        assert seen == whole["items"], name


def test_cursors_and_filters_are_checked(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 1}).json()
    wrong_sort = client.get("/api/stories", params={"cursor": first["next"], "sort": "title"})
    assert wrong_sort.status_code == 400 and "another list or sort" in wrong_sort.json()["error"]
    assert client.get("/api/stories", params={"cursor": "nonsense"}).status_code == 400
    other_list = client.get("/api/speakers", params={"cursor": first["next"]})
    assert other_list.status_code == 400
    assert client.get("/api/articles", params={"since": "last week"}).status_code == 422
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/stories", params={"sort": "bogus"}).status_code == 422


def test_downloads_stream_the_whole_list_as_csv_and_ndjson(client: TestClient) -> None:
    listed = client.get("/api/speakers", params={"limit": 500}).json()["items"]
    response = client.get("/api/speakers.csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in table] == [s["id"] for s in listed]
    lines = client.get("/api/speakers.ndjson").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s["id"] for s in listed]
    filtered = client.get("/api/articles.ndjson", params={"outlet": "Valley Post"}).text
    assert len(filtered.splitlines()) == 2


def test_other_hosts_are_refused(client: TestClient) -> None:
    # A page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) gets nothing.
    response = client.get("/api/overview", headers={"host": "attacker.example"})
    assert response.status_code == 400


def test_the_database_is_opened_read_only(web_db: Path) -> None:
    connections = _Connections(web_db, 2.0)
    db = connections.get()
    with pytest.raises(sqlite3.OperationalError):
        db.conn.execute("DELETE FROM articles")
    with pytest.raises(presstrace.StoreError, match="run `presstrace ingest"):
        create_app(web_db.parent / "missing.db")


def test_slow_queries_are_stopped(web_db: Path) -> None:
    db = _Connections(web_db, 0.05).get()
    slow = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
        "SELECT count(*) FROM n"
    )
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        db.conn.execute(slow).fetchone()


def test_a_stopped_query_tells_the_user_what_to_do(
    web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presstrace.web import pages

    def too_slow(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(pages, "search", too_slow)
    with TestClient(create_app(web_db, replace(IN_PROCESS, query_seconds=0.5))) as c:
        response = c.get("/api/search", params={"q": "dam"})
        assert response.status_code == 503 and "narrow it" in response.json()["error"]
        assert "narrow it" in c.get("/search?q=dam").text


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for name in ("stories", "articles", "speakers", "statements", "quantities", "outlets",
                 "errors"):  # fmt: skip
        assert {f"/api/{name}", f"/api/{name}.csv", f"/api/{name}.ndjson"} <= paths
    for path in ("/api/overview", "/api/search", "/api/compare", "/api/stories/{story_id}",
                 "/api/articles/{article_id}", "/api/speakers/{speaker_id}"):  # fmt: skip
        assert path in paths
    sorts = schema["paths"]["/api/stories"]["get"]["parameters"]
    assert {"size", "newest", "oldest", "title"} <= set(
        next(p for p in sorts if p["name"] == "sort")["schema"]["enum"]
    )


def test_the_overview_is_recomputed_when_the_database_changes(tmp_path: Path) -> None:
    path = build(tmp_path)
    with TestClient(create_app(path, IN_PROCESS)) as c:
        assert c.get("/api/overview").json()["counts"]["articles"] == 5
        more = tmp_path / "more.jsonl"
        ferry = {
            "title": "Ferry strike ends",
            "outlet": "Isle News",
            "published": "2030-07-01",
            "text": "The ferry strike ended on Monday after nine days, the union said.",
        }
        more.write_text(json.dumps(ferry) + "\n")
        with presstrace.open(path) as db:  # an ingest while the server runs
            presstrace.ingest(db, [str(more)], presstrace.Options(workers=1, quotes=False))
        assert c.get("/api/overview").json()["counts"]["articles"] == 6
        assert "Isle News" in c.get("/").text


def test_a_long_download_goes_on_across_pages_and_threads(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from functools import partial

    from presstrace.web import app as web_app
    from presstrace.web import lists

    monkeypatch.setattr(web_app, "_CHUNK_LINES", 1)  # one line per read of the stream
    monkeypatch.setattr(lists, "stream", partial(lists.stream, batch=2))  # two rows a query
    listed = client.get("/api/speakers", params={"limit": 500}).json()["items"]
    lines = client.get("/api/speakers.ndjson").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [s["id"] for s in listed]
    assert client.get("/api/speakers.csv", params={"kind": "person"}).status_code == 200


def test_the_spread_chart_leaves_out_what_a_log_axis_cannot_show() -> None:
    from presstrace.web.charts import spread

    figure = {"operator": "=", "outlet": "X", "text": "t", "unit": None}
    drawn = spread([{**figure, "value": 0.0, "low": 0.0, "high": 0.0},
                    {**figure, "value": -3.0, "low": -3.0, "high": -3.0},
                    {**figure, "value": 12.0, "low": 12.0, "high": 12.0}])  # fmt: skip
    assert drawn.count("<circle") == 1
    assert spread([{**figure, "value": 0.0, "low": 0.0, "high": 0.0}]) == ""


def test_a_search_matching_too_much_lists_the_newest_first(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presstrace.web import pages

    ranked = client.get("/api/search", params={"q": "the"}).json()
    assert ranked["ranked"] and ranked["matches"] == 5
    monkeypatch.setattr(pages, "RANK_LIMIT", 2)
    newest = client.get("/api/search", params={"q": "the"}).json()
    assert not newest["ranked"] and len(newest["items"]) == 5
    assert "too many to rank" in client.get("/search?q=the").text


def test_a_search_of_nothing_searchable_finds_nothing(client: TestClient) -> None:
    # Found by schemathesis: a NUL ended FTS5's string ("unterminated string").
    for query in ("\x00", "   ", '"', "\x07 \x1b"):
        found = client.get("/api/search", params={"q": query})
        assert found.status_code == 200 and found.json()["items"] == [], query
