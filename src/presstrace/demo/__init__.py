"""``presstrace demo``: ingest the bundled corpus and show what presstrace made of it.

The corpus (``corpus/``) is English Wikinews (CC BY 2.5, see ``corpus/ATTRIBUTION.md``) plus a
few messy inputs written by the presstrace authors to show the cleaning: a scraped page with
sign-up prompts and reader comments, an HTML wire copy, a Latin-1 text file and an RSS feed.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from importlib.resources import as_file, files
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ..ingest import ingest
from ..options import Options
from ..store import Database


def run_demo(db_path: Path, options: Options, console: Console) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with as_file(files(__package__) / "corpus") as corpus, Database(db_path) as db:
        inputs = sorted(str(p) for p in Path(corpus).iterdir() if p.suffix != ".md")
        console.print(
            f"[bold]presstrace demo[/bold]: reading {len(inputs)} inputs from the "
            "bundled corpus (Wikinews, CC BY 2.5; messy variants by the authors)"
        )
        report = ingest(db, inputs, options)
        stats = db.stats()
        console.print(
            f"\n{report.new} articles stored, {report.failed} inputs failed; "
            f"{stats['outlets']} outlets, dates {stats['by_day'][0][0]} … "
            f"{stats['by_day'][-1][0]}"
        )
        for kind, count in stats["by_kind"]:
            console.print(f"  {kind:>6}: {count}")
        _show_cleaning(db, console)
        _show_metadata(db, console)
        _show_copies_and_stories(db, console)
        _show_quotes(db, console)
        _show_figures_and_timeline(db, console)
        console.print("\nTry:")
        program = _program()
        console.print(
            f"  {program} serve --db {db_path}   then open http://127.0.0.1:8000/ to browse it"
        )
        for command in ("stats", "export quotes", "export copies", "export stories",
                        "export quantities", "export timeline",
                        "export articles --format csv -o articles.csv",
                        "export ftm -o entities.ftm.json", "errors"):  # fmt: skip
            console.print(f"  {program} {command} --db {db_path}")


def _show_copies_and_stories(db: Database, console: Console) -> None:
    """Which inputs are one report, and which articles tell one story."""
    stats = db.stats()
    titles = {a["id"]: a["title"] or a["source"] for a in db.articles()}
    console.print(
        f"\n[bold]Copies and stories[/bold]: {stats['articles']} articles are "
        f"{stats['reports']} reports in {stats['stories']} stories"
    )
    for pair in list(db.copies())[:3]:
        console.print(
            f"  {pair['relation'].replace('_', ' ')} ({pair['shared']:.0%} shared): "
            f"“{escape(titles[pair['a']][:60])}” / “{escape(titles[pair['b']][:60])}”"
        )
    for story in [s for s in db.stories() if len(s["articles"]) > 1][:3]:
        outlets = escape(", ".join(story["outlets"]) or "outlets unknown")
        console.print(
            f"  story of {len(story['articles'])} articles ({outlets}): "
            f"“{escape(story['title'] or '(untitled)')}”, {story['first_seen']} … "
            f"{story['last_seen']}"
        )


def _show_quotes(db: Database, console: Console) -> None:
    """Who said what: the most quoted speakers, and statements several articles report."""
    speakers = [s for s in db.speakers() if s["kind"] != "unnamed"][:5]
    if not speakers:
        return
    total = db.conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    console.print(f"\n[bold]Who said what[/bold]: {total} quotes; most quoted:")
    for speaker in speakers:
        roles = ", ".join(r["role"] for r in speaker["roles"][:2])
        console.print(f"  {speaker['quotes']:>3}  {escape(speaker['name'])} [dim]{speaker['kind']}"
                      f"{'; ' + escape(roles) if roles else ''}[/dim]")  # fmt: skip
    shared = [s for s in db.statements() if s["reports"] > 1][:3]
    for statement in shared:
        note = "; outlets disagree on who said it" if statement["speakers"] > 1 else ""
        outlets = escape(", ".join(statement["outlets"]) or "outlets unknown")
        console.print(
            f"  reported by {statement['reports']} articles ({outlets}{note}): "
            f"“{escape(statement['text'][:110])}…”"
        )
    terms = list(db.terms())[:4]
    if terms:
        shown = ", ".join(
            f"“{escape(t['text'])}” ({escape(t['user'] or 'the article')})" for t in terms
        )
        console.print(f"  terms, not statements: {shown}")


def _show_figures_and_timeline(db: Database, console: Console) -> None:
    """Quantities several figures report, side by side; and the first dated events."""
    stats = db.stats()
    console.print(
        f"\n[bold]Figures and time[/bold]: {stats['figures']} figures; quantities reported by "
        f"several articles: {stats['quantities']} ({stats['disagreeing_quantities']} disagree)"
    )
    for quantity in list(db.quantities())[:3]:
        flag = "; [bold]figures disagree[/bold]" if quantity["disagree"] else ""
        console.print(f"  {escape(quantity['key'])}{flag}:")
        for report in quantity["reports"][:5]:
            who = f", claimed by {report['claimed_by']}" if report["claimed_by"] else ""
            console.print(
                f"    “{escape(report['text'])}” {escape(report['counted'] or '')} "
                f"[dim]({escape(report['outlet'] or 'outlet unknown')}, "
                f"{report['published'] or 'undated'}{escape(who)})[/dim]"
            )
    # Events placed on a day, the most recent first: what a reader of the timeline looks for.
    events = [
        e for e in db.timeline() if e["resolved"] and e["event"] != "dated" and len(e["date"]) >= 10
    ][-4:][::-1]
    for entry in events:
        console.print(
            f"  {entry['date']}  [dim]{entry['event']}[/dim]  “{escape(entry['sentence'][:100])}”"
        )


def _program() -> str:
    """How to call presstrace from here: inside a virtual environment it may not be on PATH."""
    local = Path(sys.executable).parent / "presstrace"
    if shutil.which("presstrace") == str(local) or not local.exists():
        return "presstrace"
    try:
        return str(local.relative_to(Path.cwd()))
    except ValueError:
        return str(local)


def _show_metadata(db: Database, console: Console) -> None:
    """What was read from the HTML page and the feed items."""
    rows = db.conn.execute(
        "SELECT title, outlet, byline, published, kind FROM articles "
        "WHERE kind IN ('html', 'feed') ORDER BY kind, source"
    ).fetchall()
    if rows:
        console.print("\n[bold]Metadata read from HTML and feeds[/bold]")
    for title, outlet, byline, published, kind in rows:
        fields = "; ".join(
            f"{k}: {v}"
            for k, v in (("outlet", outlet), ("byline", byline), ("published", published))
            if v
        )
        console.print(f"  {kind:>4}  {escape(title or '(untitled)')}  [dim]{escape(fields)}[/dim]")


def _show_cleaning(db: Database, console: Console) -> None:
    """What the cleaner removed from the messy inputs, and why."""
    rows = db.conn.execute(
        "SELECT id FROM articles WHERE removed != '[]' ORDER BY source"
    ).fetchall()
    for (article_id,) in rows:
        article = db.article(article_id)
        if article is None:
            continue
        reasons = Counter(reason for _, reason, _ in article["removed"])
        console.print(
            f"\n[bold]{escape(article['title'] or '(untitled)')}[/bold] "
            f"[dim]{escape(article['source'])}[/dim]"
        )
        meta = [f"{k}: {article[k]}" for k in ("byline", "dateline", "published") if article[k]]
        if meta:
            console.print("  " + escape("; ".join(meta)))
        summary = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        console.print(f"  removed {len(article['removed'])} lines of page furniture: {summary}")
        first = article["text"].split("\n\n", 1)[0]
        console.print(
            f"  kept {article['text'].count(chr(10) * 2) + 1} paragraphs, "
            f"beginning: “{escape(first[:160])}…”"
        )
