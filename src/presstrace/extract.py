"""The per-article stage: one raw record in, one clean article out.

A pure function of its input: no database, no network, no global state, so it runs in worker
processes now and on cluster nodes later.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from typing import Any

from ._version import __version__
from .clean import CleanedText, clean_plaintext
from .copies.signature import signature
from .copies.wires import wire_credits
from .dates import find_times
from .errors import InputError
from .figures import find_figures
from .figures.claims import claimed
from .model import Article, RawRecord
from .options import Options
from .quotes.extract import QuoteExtractor
from .quotes.model import Quote
from .sources.decode import decode_text, normalise_newlines
from .sources.html import NoArticleError, extract_html
from .sources.meta import first_str, iso_date
from .stories.terms import story_terms

# ` date 2019-11-27 ` before the first line, as scrapers of the seed corpus write it.
_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\n|\Z)")
_CLEANER = f"presstrace-clean {__version__}"


def analyse(record: RawRecord, options: Options) -> Article:
    """Turn ``record`` into an ``Article`` or raise ``InputError`` saying why not."""
    if record.kind == "html":
        article = _from_html(record, record.data, dict(record.hints))
    elif record.kind == "text":
        article = _from_text(record, decode_text(record.data), dict(record.hints), options)
    elif record.kind in ("jsonl", "feed"):
        article = _from_json(record, options)
    else:
        raise InputError("bad-record", f"unknown input kind {record.kind!r}")
    article = _with_signature(article)
    if options.quotes:
        try:
            quotes, terms = _quote_extractor().extract_with_terms([article.text])[0]
        except Exception as exc:  # a bug in one stage must not lose the article
            reason = (
                f"finding quotes failed ({type(exc).__name__}: {exc}); the article is stored "
                "without quotes. Please report it; `presstrace reanalyse` retries."
            )
            article = replace(article, problems=[["quotes-failed", reason]])
        else:
            article = replace(article, quotes=quotes, terms=terms)
    return _with_figures(article)


def _with_figures(article: Article) -> Article:
    """Figures need the time expressions (numbers in dates are not figures) and the quotes
    (a figure inside a quote is claimed by its speaker)."""
    try:
        figures = find_figures(article.text, article.dates)
    except Exception as exc:  # a bug in one stage must not lose the article
        reason = (
            f"finding figures failed ({type(exc).__name__}: {exc}); the article is stored "
            "without figures. Please report it; `presstrace reanalyse` retries."
        )
        problems = [*article.problems, ["figures-failed", reason]]
        return replace(article, figures=[], problems=problems)
    return replace(article, figures=claimed(figures, quote_claims(article.quotes)))


def quote_claims(quotes: list[Quote]) -> list[tuple[int, int, str]]:
    """Who claims what stands in each quote's content: (start, end, speaker as named)."""
    claims = []
    for q in quotes:
        who = q.speaker or (q.source.text if q.source else None)
        if who:
            claims.append((q.content.start, q.content.end, who))
    return claims


def _with_signature(article: Article) -> Article:
    """What the corpus joins read instead of the text: wire credits, copy signatures and
    story terms; and the time expressions, which need nothing but the text and its date."""
    removed = [str(line[2]) for line in article.removed]
    wires = wire_credits(
        article.text, byline=article.byline, dateline=article.dateline, removed=removed
    )
    return replace(
        article,
        wires=wires,
        signature=signature(article.text),
        story_terms=story_terms(article.title, article.text),
        dates=find_times(article.text, article.published),
    )


@cache
def _quote_extractor() -> QuoteExtractor:
    """One per worker process: the spaCy pipeline loads once, on first use."""
    return QuoteExtractor()


def _from_json(record: RawRecord, options: Options) -> Article:
    try:
        fields: dict[str, Any] = json.loads(record.data)
    except ValueError as exc:
        raise InputError("bad-record", f"not valid JSON ({exc})") from None
    hints = {
        "url": first_str(fields, "url", "link", "uri"),
        "title": first_str(fields, "title", "headline"),
        "published": first_str(fields, "published", "date", "published_at", "pubdate"),
        "outlet": first_str(fields, "outlet", "site", "sitename", "source_name", "publisher"),
        "byline": first_str(fields, "byline", "author", "authors"),
    }
    html = first_str(fields, "html", "raw_html")
    if html:
        return _from_html(record, html.encode(), hints)
    text = first_str(fields, "text", "body", "content", "article")
    if not text:
        raise InputError(
            "bad-record", "record has neither `text` nor `html`: nothing to read as the article"
        )
    return _from_text(record, normalise_newlines(text), hints, options)


def _from_html(record: RawRecord, data: bytes, hints: dict[str, Any]) -> Article:
    try:
        page = extract_html(data, url=hints.get("url"))
    except NoArticleError as exc:
        raise InputError("no-article", str(exc)) from None
    return Article(
        source=record.source,
        kind=record.kind,
        raw_sha256=record.sha256,
        text=page.text,
        title=hints.get("title") or page.title,
        outlet=hints.get("outlet") or page.outlet,
        byline=hints.get("byline") or page.byline,
        published=iso_date(hints.get("published")) or page.published,
        url=hints.get("url") or page.url,
        language=page.language,
        extractor=page.extractor,
    )


def _from_text(record: RawRecord, text: str, hints: dict[str, Any], options: Options) -> Article:
    published = iso_date(hints.get("published"))
    match = _DATE_PREFIX.match(text)
    if match:
        published = published or iso_date(match.group(1))
        text = text[match.end() :]
    if not text.strip():
        raise InputError("empty", "no text in this record")
    if options.clean_text:
        cleaned = clean_plaintext(text, options.clean)
        extractor = _CLEANER
        if not cleaned.text.strip():
            raise InputError(
                "no-article",
                f"no article text left after removing page furniture ({len(cleaned.lines)} "
                "lines, none of them reporting); use --no-clean to keep the text as it is",
            )
    else:  # kept as it is: paragraphs only normalised
        paragraphs = (p.strip() for p in re.split(r"\n\s*\n", text))
        cleaned = CleanedText(text="\n\n".join(p for p in paragraphs if p))
        extractor = "presstrace-plain"
    removed = [[d.index, d.reason, d.text] for d in cleaned.lines if not d.keep and d.text.strip()]
    return Article(
        source=record.source,
        kind=record.kind,
        raw_sha256=record.sha256,
        text=cleaned.text,
        title=hints.get("title") or cleaned.title,
        outlet=hints.get("outlet") or cleaned.outlet,
        byline=hints.get("byline") or cleaned.byline,
        published=published,
        url=hints.get("url"),
        dateline=cleaned.dateline,
        extractor=extractor,
        removed=removed,
    )
