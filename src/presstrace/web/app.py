"""The local web app: HTML pages and the JSON API behind each of them, over a read-only
database.

Safe by default: the database is opened read-only (``mode=ro`` and ``query_only``); every
string from an article reaches a page through Jinja's autoescaping (or ``markupsafe.escape``
in the SVG charts); pages load nothing but the app's own stylesheet, and the
Content-Security-Policy forbids scripts, frames and any other origin; requests whose ``Host``
is not the address served are refused (so a web page elsewhere cannot reach the API through
DNS rebinding); every query has a time limit.
"""

from __future__ import annotations

import inspect
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import StreamingResponse

from .. import __version__
from ..export import lines as export_lines
from ..store import Database
from . import charts, lists, marks, pages
from .cursor import MAX_LIMIT, CursorError

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(frozen=True)
class ServeOptions:
    """``query_seconds``: the longest a page or search may query before it is stopped.
    ``hosts``: the ``Host`` headers accepted (the address served, and localhost)."""

    query_seconds: float = 2.0
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


class ErrorMessage(BaseModel):
    """What went wrong, and what to do about it."""

    error: str


class _Connections:
    """One read-only connection per worker thread (SQLite connections stay in their
    thread), each with a deadline checked while SQLite works."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self.local = threading.local()
        self.lock = threading.Lock()
        self.cache: dict[str, tuple[tuple[int, ...], Any]] = {}
        Database(path, readonly=True).close()  # fail at start, with the reason, not per page

    def get(self) -> Database:
        db: Database | None = getattr(self.local, "db", None)
        if db is None:
            db = Database(self.path, readonly=True)
            db.conn.execute("PRAGMA query_only = 1")
            self.local.db = db
        self.deadline(db.conn)
        return db

    def deadline(self, conn: sqlite3.Connection) -> None:
        """From now, ``conn`` may query for ``seconds`` before SQLite stops it."""
        deadline = time.monotonic() + self.seconds
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)

    def for_stream(self) -> sqlite3.Connection:
        """A connection of its own for one download: a streamed response is read on whatever
        worker thread is free, so this one may cross threads (used by one stream at a time)."""
        conn = sqlite3.connect(
            f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = 1")
        return conn

    def stamp(self) -> tuple[int, ...]:
        """Changes whenever another process commits to the database (ingest while serving):
        what a cached answer is keyed by."""
        found = []
        for suffix in ("", "-wal"):
            try:
                stat = Path(f"{self.path}{suffix}").stat()
                found += [stat.st_mtime_ns, stat.st_size]
            except FileNotFoundError:
                found += [0, 0]
        return tuple(found)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per state of the database (the overview's counts over
        every table cost tens of milliseconds at 100,000 articles; they change only with an
        ingest)."""
        stamp = self.stamp()
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None and hit[0] == stamp:
                return hit[1]
        value = make()
        with self.lock:
            self.cache[key] = (stamp, value)
        return value


#: What the filters that are not free text accept, so the OpenAPI document says so.
_PATTERNS = {
    "since": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "until": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "shared": r"^(?i:yes|no|true|false|1|0)$",
    "disagree": r"^(?i:yes|no|true|false|1|0)$",
    "open": r"^(?i:yes|no|true|false|1|0)$",
}
_LABELS = {"q": "words", "since": "since", "until": "until", "open": "open only (yes/no)"}


def _query(filters: dict[str, Any], **extra: Any) -> str:
    """A query string for a link that keeps a list's filters."""
    merged = {**filters, **extra}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _database(request: Request) -> Database:
    connections: _Connections = request.app.state.connections
    return connections.get()


Db = Annotated[Database, Depends(_database)]
Text = Annotated[str | None, Query(max_length=200)]


def create_app(db_path: str | Path, options: ServeOptions | None = None) -> FastAPI:
    """The app over the database at ``db_path`` (which must exist)."""
    options = options or ServeOptions()
    connections = _Connections(Path(db_path), options.query_seconds)
    app = FastAPI(
        title="presstrace",
        version=__version__,
        description="Read-only JSON API over a presstrace knowledge base. Every list is "
        "paginated with stable cursors (`next`), and can be downloaded whole as CSV or NDJSON.",
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
        responses={
            400: {"model": ErrorMessage, "description": "A filter, sort or cursor it cannot use"},
            404: {"model": ErrorMessage, "description": "No such story, article, speaker …"},
            503: {"model": ErrorMessage, "description": "The query ran over its time limit"},
        },
    )
    app.state.connections = connections
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(options.hosts))
    templates = Jinja2Templates(directory=str(files(__package__) / "templates"))
    templates.env.globals.update(
        version=__version__, number=marks.number, query=_query, labels=_LABELS
    )
    templates.env.filters["figure"] = marks.figure_title
    app.mount("/static", StaticFiles(directory=str(files(__package__) / "static")), "static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response: Response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def html(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    _install_errors(app, templates)

    # --- overview --------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, db: Db) -> HTMLResponse:
        def make() -> dict[str, Any]:
            data = connections.cached("overview", lambda: pages.overview(db))
            return {
                "data": data,
                "stories": lists.page(db.conn, lists.STORIES, limit=10),
                "outlets": lists.page(db.conn, lists.OUTLETS, limit=15),
                "chart": charts.per_day([(d, n) for d, n in data["per_day"]]),
            }

        return html(request, "overview.html", **connections.cached("overview page", make))

    @app.get("/api/overview", tags=["overview"])
    def overview_api(db: Db) -> dict[str, Any]:
        """Counts of articles, reports, stories, outlets, speakers …, and articles per day."""
        data: dict[str, Any] = connections.cached("overview", lambda: pages.overview(db))
        return data

    # --- lists -----------------------------------------------------------------------------

    for name, listing in lists.LISTS.items():
        _list_routes(app, name, listing, html)

    _detail_routes(app, html)
    _compare_and_search_routes(app, html)
    return app


def _detail_routes(app: FastAPI, html: Callable[..., HTMLResponse]) -> None:
    """One story, article, speaker, statement or quantity: its page and its API."""

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def story_api(story_id: str, db: Db) -> dict[str, Any]:
        """A story: its articles by time and outlet, copies, statements, quantities, timeline."""
        return pages.story(db, story_id)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str, request: Request, db: Db) -> HTMLResponse:
        data = pages.story(db, story_id)
        return html(
            request,
            "story.html",
            story=data,
            when=charts.outlets_over_time(data["articles"]),
            spreads={q["id"]: charts.spread(q["figures"]) for q in data["quantities"]},
        )

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article_api(article_id: str, db: Db) -> dict[str, Any]:
        """An article: clean text, metadata, quotes, figures, dates, terms, copies."""
        return pages.article(db, article_id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, request: Request, db: Db) -> HTMLResponse:
        data = pages.article(db, article_id)
        found = marks.article_marks(
            data["quotes"],
            data["figures"],
            data["dates"],
            data["terms"],
            lambda speaker_id: request.url_for("speaker_page", speaker_id=speaker_id).path,
        )
        return html(
            request, "article.html", article=data, segments=marks.segments(data["text"], found)
        )

    @app.get(
        "/articles/{article_id}/raw",
        tags=["articles"],
        response_class=PlainTextResponse,
        responses={404: {"content": {"text/plain": {}}, "description": "No such article"}},
    )
    def article_raw(article_id: str, db: Db) -> PlainTextResponse:
        """The input exactly as it was read, as plain text (never rendered as a page)."""
        sandbox = {"Content-Security-Policy": "sandbox; default-src 'none'"}
        try:
            return PlainTextResponse(pages.raw_text(db, article_id), headers=sandbox)
        except pages.NotFound as exc:
            return PlainTextResponse(str(exc), status_code=404, headers=sandbox)

    @app.get("/api/speakers/{speaker_id}", tags=["speakers"])
    def speaker_api(speaker_id: str, db: Db) -> dict[str, Any]:
        """A speaker: aliases, roles, and every report of what they said, by date and outlet."""
        return pages.speaker(db, speaker_id)

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(speaker_id: str, request: Request, db: Db) -> HTMLResponse:
        return html(request, "speaker.html", speaker=pages.speaker(db, speaker_id))

    @app.get("/api/statements/{statement_id}", tags=["statements"])
    def statement_api(statement_id: str, db: Db) -> dict[str, Any]:
        """A statement and every report of it, with wording and attribution as reported."""
        return pages.statement(db, statement_id)

    @app.get("/statements/{statement_id}", response_class=HTMLResponse, include_in_schema=False)
    def statement_page(statement_id: str, request: Request, db: Db) -> HTMLResponse:
        return html(request, "statement.html", statement=pages.statement(db, statement_id))

    @app.get("/api/quantities/{quantity_id}", tags=["quantities"])
    def quantity_api(quantity_id: str, db: Db) -> dict[str, Any]:
        """A quantity: its figures side by side with outlet, date and claimant; the spread."""
        return pages.quantity(db, quantity_id)

    @app.get("/quantities/{quantity_id}", response_class=HTMLResponse, include_in_schema=False)
    def quantity_page(quantity_id: str, request: Request, db: Db) -> HTMLResponse:
        data = pages.quantity(db, quantity_id)
        return html(request, "quantity.html", quantity=data, spread=charts.spread(data["figures"]))


def _compare_and_search_routes(app: FastAPI, html: Callable[..., HTMLResponse]) -> None:
    @app.get("/api/compare", tags=["articles"])
    def compare_api(a: str, b: str, db: Db) -> dict[str, Any]:
        """Two articles side by side: their shared passages and how much of the text is shared."""
        return pages.compare(db, a, b)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, db: Db, a: str = "", b: str = "") -> HTMLResponse:
        if not a or not b:
            return html(request, "compare.html", pair=None, a=a, b=b)
        data = pages.compare(db, a, b)
        left, right, same, cut = marks.diff(data["a"]["text"], data["b"]["text"])
        return html(
            request,
            "compare.html",
            pair=data,
            a=a,
            b=b,
            left=left,
            right=right,
            same=same,
            cut=cut,
        )

    @app.get("/api/search", tags=["search"])
    def search_api(
        db: Db,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        outlet: Text = None,
        since: Annotated[str | None, Query(pattern=_PATTERNS["since"])] = None,
        until: Annotated[str | None, Query(pattern=_PATTERNS["until"])] = None,
        offset: Annotated[int, Query(ge=0, le=pages.SEARCH_CAP)] = 0,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> dict[str, Any]:
        """Full-text search over titles and bodies (FTS5), best first, with snippets."""
        return pages.search(
            db, q, outlet=outlet, since=since, until=until, offset=offset, limit=limit
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        db: Db,
        q: str = "",
        outlet: str = "",
        since: str = "",
        until: str = "",
        offset: int = 0,
    ) -> HTMLResponse:
        found = None
        if q.strip():
            found = pages.search(
                db, q, outlet=outlet or None, since=since or None, until=until or None,
                offset=offset,
            )  # fmt: skip
        return html(
            request, "search.html", q=q, found=found, outlet=outlet, since=since, until=until
        )


def _list_routes(
    app: FastAPI,
    name: str,
    listing: lists.Listing,
    html: Callable[..., HTMLResponse],
) -> None:
    """``/api/NAME`` (a page of JSON), ``/api/NAME.csv`` and ``.ndjson`` (all of it,
    streamed) and the HTML page ``/NAME``, with this list's own filters and sorts."""
    sort_type = Literal[tuple(listing.sorts)]  # type: ignore[valid-type]
    filter_params = [
        inspect.Parameter(
            key,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[str | None, Query(max_length=200, pattern=_PATTERNS.get(key))],
        )
        for key in listing.filters
    ]
    common = [
        inspect.Parameter("db", inspect.Parameter.KEYWORD_ONLY, annotation=Db),
        inspect.Parameter(
            "sort",
            inspect.Parameter.KEYWORD_ONLY,
            default=listing.default_sort,
            annotation=Annotated[sort_type, Query()],
        ),
    ]
    paging = [
        inspect.Parameter(
            "cursor",
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[str | None, Query(max_length=2000)],
        ),
        inspect.Parameter(
            "limit",
            inspect.Parameter.KEYWORD_ONLY,
            default=50,
            annotation=Annotated[int, Query(ge=1, le=MAX_LIMIT)],
        ),
    ]

    def filters_of(kwargs: dict[str, Any]) -> dict[str, str | None]:
        return {key: kwargs.get(key) for key in listing.filters}

    def api(**kwargs: Any) -> dict[str, Any]:
        return lists.page(
            kwargs["db"].conn,
            listing,
            sort=kwargs["sort"],
            cursor=kwargs["cursor"],
            limit=kwargs["limit"],
            filters=filters_of(kwargs),
        ).as_json()

    api.__signature__ = inspect.Signature([*common, *paging, *filter_params])  # type: ignore[attr-defined]
    api.__doc__ = f"A page of {name}; `next` is the cursor of the page after it."
    app.get(f"/api/{name}", tags=[name], name=f"{name}_api")(api)

    for fmt, media in (("csv", "text/csv"), ("ndjson", "application/x-ndjson")):

        def download(fmt: str = fmt, media: str = media, **kwargs: Any) -> StreamingResponse:
            sort, filters = kwargs["sort"], filters_of(kwargs)
            # A wrong filter or sort is an error page now, not a broken download later.
            lists.page(kwargs["db"].conn, listing, sort=sort, limit=1, filters=filters)
            connections: _Connections = kwargs["request"].app.state.connections

            def rows() -> Iterator[dict[str, Any]]:
                conn = connections.for_stream()
                try:
                    yield from lists.stream(
                        conn, listing, sort=sort, filters=filters,
                        before_batch=lambda: connections.deadline(conn),
                    )  # fmt: skip
                finally:
                    conn.close()

            return StreamingResponse(
                _lines(rows(), "csv" if fmt == "csv" else "jsonl"),
                media_type=f"{media}; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
            )

        download.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [
                inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
                *common,
                *filter_params,
            ]
        )
        download.__doc__ = f"All {name} (with the same filters) as {fmt.upper()}, streamed."
        app.get(
            f"/api/{name}.{fmt}",
            tags=[name],
            name=f"{name}_{fmt}",
            response_class=StreamingResponse,
            responses={200: {"content": {media: {}}}},
        )(download)

    def page(request: Request, **kwargs: Any) -> HTMLResponse:
        found = api(**kwargs)
        return html(
            request,
            f"list_{name}.html",
            page=found,
            sorts=list(listing.sorts),
            filters=list(listing.filters),
            name=name,
        )

    page.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
            *common,
            *paging,
            *filter_params,
        ]
    )
    app.get(f"/{name}", response_class=HTMLResponse, include_in_schema=False, name=f"{name}_page")(
        page
    )


_CHUNK_LINES = 200


def _lines(rows: Iterator[dict[str, Any]], fmt: str) -> Iterator[str]:
    """The lines of ``export``'s writer, a few hundred at a time."""
    chunk: list[str] = []
    for line in export_lines(rows, fmt):
        chunk.append(line)
        if len(chunk) == _CHUNK_LINES:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)


def _install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    """Errors a user can act on, as a page or as JSON ``{"error": ...}`` under /api."""

    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(pages.NotFound)
    async def not_found(request: Request, exc: pages.NotFound) -> Response:
        return respond(request, 404, str(exc))

    @app.exception_handler(lists.ListError)
    async def bad_list(request: Request, exc: lists.ListError) -> Response:
        return respond(request, 400, str(exc))

    @app.exception_handler(CursorError)
    async def bad_cursor(request: Request, exc: CursorError) -> Response:
        return respond(request, 400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def sqlite_error(request: Request, exc: sqlite3.OperationalError) -> Response:
        text = str(exc)
        if "interrupted" in text:
            return respond(
                request, 503, "this query took too long and was stopped; narrow it "
                "(add words, an outlet or dates) and try again",
            )  # fmt: skip
        if "fts5" in text or "syntax" in text:
            return respond(request, 400, f"the search could not be read ({text}); "
                           "put phrases in double quotes")  # fmt: skip
        raise exc
