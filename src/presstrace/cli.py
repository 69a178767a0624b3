"""The ``presstrace`` command: parses options, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import export as exporting
from .errors import PresstraceError
from .export.parquet import write_parquet
from .ingest import IngestReport, ingest, reanalyse
from .options import DEFAULT_MAX_BYTES, Options
from .shards import ShardReport, analyse_shards
from .shards import load as load_shards
from .store import DEFAULT_DB, Database

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line
out = Console(highlight=False, soft_wrap=True)


def db_option(function: F) -> F:
    """``--db`` means the same on every command."""
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="SQLite knowledge base file.",
    )(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")(
        function
    )


def analysis_options(function: F) -> F:
    """The options of the per-article stage, the same on ``ingest`` and ``analyse``."""
    for option in reversed(_ANALYSIS_OPTIONS):
        function = option(function)
    return function


_ANALYSIS_OPTIONS = [
    click.option(
        "--workers",
        type=click.IntRange(min=0),
        default=0,
        help="Worker processes for reading and cleaning (0: one per core).",
    ),
    click.option(
        "--max-size",
        "max_mb",
        type=click.FloatRange(min=0.001),
        default=DEFAULT_MAX_BYTES / 1e6,
        show_default=True,
        help="Largest single article in MB (WARC and JSON lines files are streamed and may be "
        "larger).",
    ),
    click.option(
        "--no-clean",
        is_flag=True,
        help="Keep plain text as it is instead of removing page furniture.",
    ),
    click.option("--hidden", is_flag=True, help="Also read hidden files and folders."),
    click.option(
        "--no-quotes",
        is_flag=True,
        help="Skip finding who said what (faster; `reanalyse` can add quotes later).",
    ),
]


def _analysis(
    workers: int, max_mb: float, no_clean: bool, hidden: bool, no_quotes: bool
) -> Options:
    return Options(
        workers=workers,
        max_bytes=int(max_mb * 1e6),
        clean_text=not no_clean,
        include_hidden=hidden,
        quotes=not no_quotes,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="presstrace")
def cli() -> None:
    """Turn a pile of news articles into a sourced, browsable record of a story."""


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@analysis_options
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and errors.")
def ingest_command(
    paths: tuple[str, ...],
    db_path: Path,
    workers: int,
    max_mb: float,
    no_clean: bool,
    hidden: bool,
    no_quotes: bool,
    quiet: bool,
) -> None:
    """Read articles from PATHS into the knowledge base.

    PATHS are files, folders (read recursively), glob patterns, or - for standard input.
    Plain text, HTML, JSON lines, WARC(.gz) and RSS/Atom are recognised from their content.
    Inputs already in the database are not stored twice; every input that cannot be read is
    listed with its reason (see `presstrace errors`). Exits with status 1 if any input failed.
    """
    options = _analysis(workers, max_mb, no_clean, hidden, no_quotes)
    with _open(db_path) as db, ExitStack() as stack:
        hook = None
        if not quiet and err.is_terminal:
            # imported only when a progress bar will actually be drawn
            from rich.progress import (  # noqa: PLC0415
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            progress = stack.enter_context(
                Progress(
                    SpinnerColumn(),
                    TextColumn("{task.description}"),
                    TimeElapsedColumn(),
                    console=err,
                    transient=True,
                )
            )
            task = progress.add_task("reading", total=None)
            counts = {"new": 0, "present": 0, "failed": 0, "skipped": 0}

            def hook(source: str, outcome: str) -> None:
                counts[outcome] += 1
                progress.update(task, description=" · ".join(f"{v} {k}" for k, v in counts.items()))

        report = ingest(db, list(paths), options, on_record=hook)
    _print_report(report, db_path)
    sys.exit(0 if report.ok else 1)


def _print_report(report: IngestReport, db_path: Path) -> None:
    for source, code, reason in report.failures:
        err.print(f"[red]error[/red] {_escape(source)}: {_escape(reason)} [dim]\\[{code}][/dim]")
    skipped = sum(report.skipped.values())
    parts = [f"{report.new} new", f"{report.present} already present", f"{report.failed} failed"]
    if skipped:
        why = ", ".join(f"{n} {reason}" for reason, n in report.skipped.most_common())
        parts.append(f"{skipped} skipped ({why})")
    err.print(f"{db_path}: " + ", ".join(parts))
    if report.failed:
        err.print(f"See `presstrace errors --db {db_path}` for the full list.")


@cli.command("analyse")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--work",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the shards' Parquet files and completion markers.",
)
@click.option(
    "--shards", type=click.IntRange(min=1), default=1, show_default=True,
    help="How many shards the input files are split into.",
)  # fmt: skip
@click.option(
    "--shard",
    type=click.IntRange(min=0),
    help="Run only this shard (0 … N-1), e.g. $SLURM_ARRAY_TASK_ID; all of them otherwise.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: --workers processes on this machine, a shard at a time in each (one shard: "
    "its articles shared out among them); ray: the shards as tasks on a Ray cluster (one "
    "process per CPU).",
)
@click.option(
    "--address",
    help="With --engine ray: the Ray cluster to join (e.g. auto, or ray://head:10001); a "
    "local Ray is started for the run otherwise.",
)
@analysis_options
def analyse_command(
    paths: tuple[str, ...],
    work: Path,
    shards: int,
    shard: int | None,
    engine: str,
    address: str | None,
    workers: int,
    max_mb: float,
    no_clean: bool,
    hidden: bool,
    no_quotes: bool,
) -> None:
    """Run the per-article stage over shards of PATHS, into Parquet files under --work.

    Each shard reads its share of the input files (whole files, balanced by size) and writes
    Parquet plus a completion marker; running again skips the finished shards and redoes the
    others. Then `presstrace load --work DIR` builds the database. Exits with status 1 if an
    input failed (the failures are loaded with the rest, as errors).
    """
    options = _analysis(workers, max_mb, no_clean, hidden, no_quotes)
    indexes = list(range(shards)) if shard is None else [shard]
    failed = 0
    try:
        if engine == "ray":
            from .engines.ray import run_shards_on_ray  # noqa: PLC0415 (optional)

            reports: Iterable[ShardReport] = run_shards_on_ray(
                list(paths), indexes, shards, work, options, address=address
            )
        else:
            reports = analyse_shards(list(paths), indexes, shards, work, options)
        for report in reports:  # (the local engine's as each shard finishes)
            failed += report.failed
            if report.done_before:
                err.print(f"{report.stem}: finished before, skipped", style="dim")
            else:
                err.print(
                    f"{report.stem}: {report.files} files, {report.articles} articles, "
                    f"{report.present} repeated, {report.failed} failed"
                )
    except PresstraceError as exc:
        err.print(f"[red]error[/red] {_escape(str(exc))}")
        sys.exit(2)
    sys.exit(1 if failed else 0)


@cli.command("load")
@click.option(
    "--work",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder `presstrace analyse` wrote to.",
)
@db_option
@click.option("--no-quotes", is_flag=True, help="The shards were analysed with --no-quotes.")
def load_command(work: Path, db_path: Path, no_quotes: bool) -> None:
    """Load the finished shards of a sharded run into the database, then join the corpus.

    Shards loaded before are not loaded again. Exits with status 1 while shards are missing
    (load again once they have finished).
    """
    with _open(db_path) as db:
        try:
            report = load_shards(db, work, quotes=not no_quotes)
        except PresstraceError as exc:
            err.print(f"[red]error[/red] {_escape(str(exc))}")
            sys.exit(2)
    err.print(
        f"{db_path}: {len(report.loaded)} shards loaded ({len(report.already)} before): "
        f"{report.new} new articles, {report.present} already present, {report.failed} "
        "inputs failed"
    )
    if report.unfinished:
        err.print(
            f"[yellow]{len(report.unfinished)} shards not finished[/yellow]: "
            + ", ".join(report.unfinished[:10])
            + (" …" if len(report.unfinished) > 10 else "")
        )
    sys.exit(1 if report.unfinished else 0)


@cli.command("reanalyse")
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=0, help="0: one per core.")
@click.option("--no-clean", is_flag=True, help="Keep plain text as it is.")
def reanalyse_command(db_path: Path, workers: int, no_clean: bool) -> None:
    """Re-run extraction and cleaning over the stored raw inputs.

    After upgrading presstrace, this brings every article up to the new extractor without the
    original files. Articles the new version cannot read keep their previous text.
    """
    with _open(db_path) as db:
        report = reanalyse(db, Options(workers=workers, clean_text=not no_clean))
    for source, code, reason in report.failed:
        err.print(f"[red]error[/red] {_escape(source)}: {_escape(reason)} [dim]\\[{code}][/dim]")
    err.print(
        f"{db_path}: {report.changed} updated, {report.unchanged} unchanged, "
        f"{len(report.failed)} could not be re-read (kept as they were)"
    )
    sys.exit(1 if report.failed else 0)


@cli.command("export")
@click.argument("kind", type=click.Choice(list(exporting.KINDS)))
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(exporting.FORMATS),
    default="jsonl",
    show_default=True,
    help="Output format (parquet needs -o FILE).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def export_command(kind: str, db_path: Path, fmt: str, output: Path | None) -> None:
    """Write one KIND of record (see docs: the export contract) as JSON lines, CSV or Parquet.

    KIND ftm writes the knowledge base as FollowTheMoney entities (Article, Person,
    Organization, Mention) for OpenAleph and graph tools.
    """
    if fmt == "parquet" and output is None:
        err.print("[red]error[/red] Parquet is a binary file: give it a name with -o FILE.parquet")
        sys.exit(2)
    with _open(db_path, readonly=True) as db:
        if fmt == "parquet":
            assert output is not None
            count = write_parquet(lambda: exporting.rows(db, kind), output)
        elif output is None:
            count = exporting.write(exporting.rows(db, kind), sys.stdout, fmt)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = exporting.write(exporting.rows(db, kind), handle, fmt)
    err.print(f"{count} {kind}", style="dim")


@cli.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default, 127.0.0.1, lets only programs on this machine in; "
    "0.0.0.0 (or a network address) lets anyone who can reach this machine read the whole "
    "database, with no password.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--query-seconds",
    type=click.FloatRange(min=0.1),
    default=2.0,
    show_default=True,
    help="Longest time a page or search may query before it is stopped.",
)
def serve_command(db_path: Path, host: str, port: int, query_seconds: float) -> None:
    """Browse the database in a local web app (read-only), with a JSON API behind every page."""
    import uvicorn  # noqa: PLC0415 (only this command needs the server)

    from .web import ServeOptions, create_app  # noqa: PLC0415

    hosts = tuple(dict.fromkeys((host, "127.0.0.1", "localhost", "::1")))
    try:
        app = create_app(
            db_path,
            ServeOptions(query_seconds=query_seconds, hosts=("*",) if _public(host) else hosts),
        )
    except PresstraceError as exc:
        err.print(f"[red]error[/red] {_escape(str(exc))}")
        sys.exit(2)
    if _public(host):
        err.print(
            f"[yellow]warning[/yellow] listening on {_escape(host)}: anyone who can reach this "
            "machine can read the whole database"
        )
    err.print(f"presstrace: serving {_escape(str(db_path))} at http://{_escape(host)}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _public(host: str) -> bool:
    return host not in ("127.0.0.1", "localhost", "::1")


@cli.command("stats")
@db_option
@json_option
def stats_command(db_path: Path, as_json: bool) -> None:
    """Counts: articles, reports, stories, outlets, sources, errors; by kind, outlet, wire, day."""
    with _open(db_path, readonly=True) as db:
        stats = db.stats()
    if as_json:
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    out.print(
        f"[bold]{stats['articles']}[/bold] articles from {stats['sources']} inputs, "
        f"{stats['outlets']} outlets; {stats['undated']} undated; "
        f"{stats['errors']} open errors"
    )
    copies = ", ".join(f"{n} {relation.replace('_', ' ')}" for relation, n in stats["copies"])
    out.print(
        f"[bold]{stats['reports']}[/bold] reports (duplicates and near-duplicates counted once)"
        f" in [bold]{stats['stories']}[/bold] stories"
        + (f"; copy pairs: {copies}" if copies else "")
    )
    out.print(
        f"{stats['quotes']} quotes from {stats['speakers']} speakers; {stats['statements']} "
        f"statements, {stats['shared_statements']} of them reported by more than one article"
    )
    out.print(
        f"{stats['dates']} time expressions, {stats['unresolved_dates']} of them not placed on "
        "the calendar (their article has no date)"
    )
    out.print(
        f"{stats['figures']} figures; quantities reported by several articles: "
        f"{stats['quantities']}, {stats['disagreeing_quantities']} of them with figures "
        "that disagree"
    )
    for title, key in (
        ("input kind", "by_kind"),
        ("outlet", "by_outlet"),
        ("wire", "wires"),
        ("day", "by_day"),
        ("error", "errors_by_code"),
    ):
        if stats[key]:
            out.print(_table(title, stats[key]))


def _table(title: str, pairs: list[tuple[Any, int]]) -> Table:
    table = Table(title=f"by {title}", title_justify="left", show_edge=False)
    table.add_column(title)
    table.add_column("articles" if title != "error" else "inputs", justify="right")
    for name, count in pairs:
        table.add_row(_escape(str(name)), str(count))
    return table


@cli.command("errors")
@db_option
@json_option
@click.option(
    "--all", "include_resolved", is_flag=True, help="Also list errors that a later run resolved."
)
def errors_command(db_path: Path, as_json: bool, include_resolved: bool) -> None:
    """Inputs that could not be read, with the reason and what to do."""
    with _open(db_path, readonly=True) as db:
        errors = db.errors(include_resolved=include_resolved)
    if as_json:
        for row in errors:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not errors:
        err.print("no errors")
        return
    for row in errors:
        state = " (resolved)" if row["resolved"] else ""
        out.print(
            f"{_escape(row['source'])}: {_escape(row['reason'])} "
            f"[dim]\\[{row['code']}, {row['attempts']}×]{state}[/dim]"
        )


@cli.command("demo")
@click.option(
    "--db",
    "db_path",
    default="presstrace-demo.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to build the demo database (replaced if it exists).",
)
@click.option("--workers", type=click.IntRange(min=0), default=0, help="0: one per core.")
def demo_command(db_path: Path, workers: int) -> None:
    """Build a database from the bundled corpus of Wikinews articles and messy variants."""
    from .demo import run_demo  # noqa: PLC0415 (needed by this command only)

    run_demo(db_path, Options(workers=workers), out)


def _open(path: Path, *, readonly: bool = False) -> Database:
    try:
        return Database(path, readonly=readonly)
    except PresstraceError as exc:
        err.print(f"[red]error[/red] {_escape(str(exc))}")
        sys.exit(2)


def _escape(text: str) -> str:
    """Article-derived strings never reach rich's markup parser unescaped."""
    return escape(text)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except PresstraceError as exc:
        err.print(f"[red]error[/red] {_escape(str(exc))}")
        sys.exit(2)
