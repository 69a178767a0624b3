"""Extract the article from one saved HTML page.

The body, title, authors and site name come from trafilatura; the publication
date comes from htmldate, with trafilatura's own date as the fallback.  Nothing
here touches the network or runs anything the page names: the page is parsed
once from the bytes or string we are given and only that tree is handed on.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import metadata as _importlib_metadata
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from .detect import BINARY_SIGNATURES

__all__ = ["HtmlExtract", "NoArticleError", "extract_html"]

# trafilatura and htmldate log a warning or an error for every page they reject
# ("discarding data", "not valid HTML").  Rejection is an ordinary outcome for
# us (it becomes NoArticleError), so when the application has not configured
# logging, keep Python's last-resort handler from printing them on stderr.  A
# NullHandler changes nothing when the application does configure logging.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# trafilatura refuses bigger inputs too (its MAX_FILE_SIZE); we say so clearly.
MAX_INPUT_BYTES = 20_000_000

_TAG_RE = re.compile(r"<\s*[a-zA-Z!/]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NO_TEXT = (
    "no article text found in the HTML (page may be an index, a login wall or a script-only page)"
)
_LANG_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")


#: Fewer words than this after extraction means the page held no article.
MIN_WORDS = 8


class NoArticleError(ValueError):
    """The input holds no article text we could extract.

    ``reason`` is a sentence meant for the user (what happened, what it may mean).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class HtmlExtract:
    """What we read from one article page."""

    text: str
    """Article body, paragraphs joined by a blank line (``"\\n\\n"``)."""
    title: str | None
    byline: str | None
    """Authors as the page writes them, several joined by ``"; "``."""
    outlet: str | None
    """Site name (``og:site_name`` and the like)."""
    published: str | None
    """Publication date, ISO ``YYYY-MM-DD``."""
    url: str | None
    """Canonical URL named by the page, else the URL we were given."""
    language: str | None
    """Primary language subtag (``"en"``), from trafilatura or the page markup."""
    extractor: str
    """Tool and version that produced the text, e.g. ``"trafilatura 2.3.1"``."""


@dataclass(frozen=True)
class _Settings:
    """Extraction options; a class so the benchmark can sweep alternatives."""

    favor_precision: bool = True
    favor_recall: bool = False
    include_tables: bool = True
    # htmldate's extensive search also scans free text for any date-like
    # string; see _date_settings below for why the first pass leaves it off.
    date_extensive_first: bool = False


# Chosen by measuring: `python benchmarks/bench_html_extract.py --sweep`
# (trafilatura 2.3.1, htmldate 1.11.0; body F1 = AEB 4-gram shingle F1 with
# per-page P/R means; AEB 92 pages, NAEB 421 pages):
#
#   options                          AEB body F1 (P / R)    NAEB body F1 (P / R)
#   favor_precision      (chosen)    0.969 (0.957 / 0.983)  0.929 (0.904 / 0.955)
#   balanced (trafilatura default)   0.957 (0.931 / 0.985)  0.918 (0.881 / 0.957)
#   favor_recall                     0.958 (0.934 / 0.984)  0.919 (0.884 / 0.957)
#   favor_precision, no tables       0.963 (0.956 / 0.971)  0.931 (0.908 / 0.955)
#
# favor_precision gains about +0.011 F1 on both sets at a recall cost of
# 0.002: it drops the related-links blocks, captions and sign-up prompts that
# the balanced mode keeps.  Tables stay in: dropping them costs 0.012 recall
# on AEB for +0.002 on NAEB, and news tables hold figures we want to keep.
# An extensive htmldate first pass scored the same date accuracy (0.838) as
# the declared-dates-only pass, so the cheaper one stays.
# deduplicate stays off whatever it scores: trafilatura keeps its duplicate
# cache in process-wide state, so a page extracted twice (a re-run, or the same
# wire story on two URLs) would lose paragraphs the second time.  That makes
# the result depend on call history, which a pure function must not do.
_DEFAULT_SETTINGS = _Settings()


@cache
def _extractor_name() -> str:
    try:
        version = _importlib_metadata.version("trafilatura")
    except _importlib_metadata.PackageNotFoundError:  # pragma: no cover - vendored copy
        version = getattr(trafilatura, "__version__", "unknown")
    return f"trafilatura {version}"


def extract_html(data: bytes | str, url: str | None = None) -> HtmlExtract:
    """Extract the article body and its metadata from one HTML page.

    ``data`` is the page as downloaded (bytes, any encoding, possibly gzip) or
    already decoded.  ``url`` is where it came from, used to resolve the page's
    canonical link and as the fallback ``url``; it is never fetched.

    Raises NoArticleError when the input is not HTML, cannot be parsed, or
    holds no article text (index pages, login walls, script-only pages).
    """
    return _extract(data, url, _DEFAULT_SETTINGS)


def _extract(data: bytes | str, url: str | None, settings: _Settings) -> HtmlExtract:
    _check_input(data)
    try:
        return _extract_checked(data, url, settings)
    except NoArticleError:
        raise
    except RecursionError as err:
        raise NoArticleError(
            "the HTML is nested too deeply to be processed (the page may be malformed or hostile)"
        ) from err
    except Exception as err:  # any parser failure means "no article" to our callers
        raise NoArticleError(
            f"the HTML could not be processed ({type(err).__name__}: {err}); "
            "the page may be malformed or truncated"
        ) from err


def _check_input(data: bytes | str) -> None:
    """Reject input that is plainly not an HTML page, with a useful reason."""
    if not isinstance(data, (bytes, str)):
        raise TypeError(f"extract_html expects bytes or str, not {type(data).__name__}")
    size = len(data)
    if size > MAX_INPUT_BYTES:
        raise NoArticleError(
            f"the page is too large to process ({size:,} > {MAX_INPUT_BYTES:,} bytes or characters)"
        )
    if isinstance(data, bytes):
        head = data[:64].lstrip()
        for signature, kind in BINARY_SIGNATURES.items():
            if head.startswith(signature):
                raise NoArticleError(f"the input is not HTML: it looks like {kind}")
        # gzip is fine: trafilatura decompresses it (with a size cap) itself.
        if head.startswith(b"\x1f\x8b"):
            return
        sample = data[:4096]
    else:
        sample = data[:4096].encode("utf-8", "surrogatepass")
    if not sample.strip():
        raise NoArticleError("the page is empty")
    # UTF-16 pages legitimately contain NUL bytes; anything else with many of
    # them is binary data.
    if (
        not sample.startswith((b"\xff\xfe", b"\xfe\xff"))
        and sample.count(b"\x00") > len(sample) // 100
    ):
        raise NoArticleError("the input is not HTML: it looks like binary data")


def _extract_checked(data: bytes | str, url: str | None, settings: _Settings) -> HtmlExtract:
    # Parse exactly once, and only ever hand the parsed tree on.  This also
    # closes a network hole: htmldate.find_date() *downloads* its argument when
    # given a str that starts with "http" and has no space.
    tree = load_html(data)
    if tree is None:
        raise NoArticleError(
            "the input is not HTML (no <html> element or page structure found; "
            "it may be plain text, JSON or a binary file)"
        )
    if not _TAG_RE.search(_head_text(data)):
        raise NoArticleError("the input is not HTML (it contains no tags)")

    document = bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=settings.include_tables,
        favor_precision=settings.favor_precision,
        favor_recall=settings.favor_recall,
        deduplicate=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        output_format="python",
    )
    if document is None or isinstance(document, dict):
        raise NoArticleError(_NO_TEXT)
    assert isinstance(document, Document)
    text = _paragraphs(document.text or "")
    if len(text.split()) < MIN_WORDS:
        # What is left of a navigation-only page ("Home", "Log in") is not an article.
        raise NoArticleError(_NO_TEXT)

    page_url = _clean(document.url) or url
    outlet = _clean(document.sitename)
    published = _find_published(find_date, tree, page_url, settings) or _iso_date(document.date)

    return HtmlExtract(
        text=text,
        title=_strip_site_suffix(_clean(document.title), outlet, page_url),
        byline=_byline(document.author, tree, outlet, page_url),
        outlet=outlet,
        published=published,
        url=page_url,
        language=_language(getattr(document, "language", None)) or _page_language(tree),
        extractor=_extractor_name(),
    )


def _head_text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        if data[:2] == b"\x1f\x8b":
            return "<html>"  # compressed; load_html has already vouched for it
        return data[:65536].decode("latin-1")
    return data[:65536]


def _find_published(find_date: Any, tree: Any, url: str | None, settings: _Settings) -> str | None:
    """Publication date from htmldate, preferring the page's own declarations.

    original_date=True: news pages carry both a published and a modified date;
    we want when the story first ran.  The first pass keeps extensive search
    off so that only declared dates (URL, meta tags, JSON-LD, <time>, bylines)
    count; trafilatura's date, found with extensive search, is the fallback.
    """
    date = find_date(
        tree,  # a parsed tree: htmldate copies it and never fetches anything
        extensive_search=settings.date_extensive_first,
        original_date=True,
        outputformat="%Y-%m-%d",
        url=url,
    )
    return _iso_date(date)


def _iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _paragraphs(text: str) -> str:
    """One paragraph per non-blank line, separated by a blank line."""
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES_RE.sub(" ", value).strip()
    return value or None


_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:\||-|–|—|·|::|»|/)\s+")


def _squash(value: str) -> str:
    """Case-, accent- and punctuation-blind key for comparing short names."""
    folded = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    keys = set()
    if outlet:
        keys.add(_squash(outlet))
        keys.add(_squash(outlet).removeprefix("the"))
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in {"www", "m", "amp", "edition"}]
        if labels:
            keys.add(_squash(labels[0]))  # "theguardian" from www.theguardian.com
            keys.add(_squash("".join(labels)))
    return {key for key in keys if key}


# Section labels that sites put next to the headline in <title>.
_SECTION_WORDS = frozenset(
    (
        "news", "opinion", "opinions", "analysis", "comment", "sport", "sports", "business",
        "politics", "world", "entertainment", "culture", "review", "reviews", "tech",
        "technology", "science", "health", "lifestyle",
    )
)  # fmt: skip


def _strip_site_suffix(title: str | None, outlet: str | None, url: str | None) -> str | None:
    """Drop a trailing " | Site name" (or " - Site") that <title> tags carry.

    Only segments naming the site are dropped, so a headline with its own
    dash keeps it.  On the NAEB set this is most of the title misses.
    """
    if not title:
        return title
    keys = _site_keys(outlet, url)
    parts = _TITLE_SEPARATOR_RE.split(title)
    seps = _TITLE_SEPARATOR_RE.findall(title)
    while len(parts) > 1:
        last = _squash(parts[-1])
        is_site = any(last == key or (len(key) >= 4 and key in last) for key in keys)
        if not last or not (is_site or last in _SECTION_WORDS):
            break
        parts.pop()
        seps.pop()
    # "Opinion | Headline": a section label in front.
    while len(parts) > 1 and _squash(parts[0]) in _SECTION_WORDS:
        parts.pop(0)
        seps.pop(0)
    rebuilt = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:], strict=True))
    return rebuilt.strip() or title


# Words that show a byline slot holds something else than a person's name.
_NOT_A_NAME_RE = re.compile(
    r"\bhttps?\b|\bwww\b|\.com\b|\bcom$|^(?:sponsored|advertisement|staff|editor|admin|updated\b.*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?)$",
    re.IGNORECASE,
)
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:by|von|par|por|view all posts by|posts by|written by)\s+", re.IGNORECASE
)


def _byline(author: object, tree: Any, outlet: str | None, url: str | None) -> str | None:
    """Tidy trafilatura's author list ("A; B").

    trafilatura normalises names (drops full stops and accents: "Solcyré" comes
    back as "Solcyre"), so each name is looked up in the page text and written
    as the page writes it.  Names that are the site itself ("The Daily
    Journal", "AOL Staff"), URLs, dates or "Sponsored" are dropped.
    """
    value = _clean(author)
    if value is None:
        return None
    site_keys = _site_keys(outlet, url)
    haystack: str | None = None
    kept: dict[str, str] = {}
    for raw in value.split(";"):
        name = _BYLINE_PREFIX_RE.sub("", raw.strip()).strip(" ,.")
        if not name or _NOT_A_NAME_RE.search(name):
            continue
        if len(name.split()) > 6:  # a sentence of bio text, not a name
            continue
        if haystack is None:
            haystack = _page_strings(tree)
        name = _as_written(name, haystack)
        key = _squash(name).removeprefix("the")
        site_like = key.removesuffix("staff").removesuffix("team").removesuffix("newsroom")
        if not key or key in site_keys or (site_like and site_like in site_keys):
            continue
        if _NOT_A_NAME_RE.search(name):
            continue
        kept.setdefault(_squash(name), name)
    return "; ".join(kept.values()) or None


def _page_strings(tree: Any) -> str:
    """Text where a byline may be written: meta values, JSON-LD and body text."""
    metas = [str(m.get("content", "")) for m in tree.iterfind(".//meta[@content]")]
    texts = [t for t in tree.itertext() if t and len(t) < 2000]
    return "\n".join(metas + texts)


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base and len(base) == 1 else ch


def _as_written(name: str, haystack: str) -> str:
    """Find ``name`` in the page ignoring case, accents and full stops and
    return the page's own spelling; keep ``name`` when it is not found."""
    tokens = [t for t in re.split(r"[\s.]+", name) if t]
    if not tokens or len(name) > 80:
        return name
    folded = "".join(_fold_char(ch) for ch in haystack)  # one char per char: spans map back
    # Between tokens the page must have a full stop or a space ("D. Russo"),
    # so a handle such as "rosswilkers" never stands in for "Ross Wilkers".
    pattern = (
        r"(?<!\w)"
        + r"(?:\.[ \t\u00a0]{0,2}|[ \t\u00a0]{1,2})".join(
            re.escape(_fold_char_str(t)) for t in tokens
        )
        + r"\.?(?!\w)"
    )
    match = re.search(pattern, folded, re.IGNORECASE)
    if match is None:
        return name
    found = _SPACES_RE.sub(" ", haystack[match.start() : match.end()]).strip()
    # A sentence-final full stop is not part of the name: keep it only after an
    # initial or an abbreviation ("Jr.", "Ph.D.").
    if found.endswith(".") and not re.search(r"(?:\b\w|Jr|Sr|Ph\.?D)\.$", found):
        found = found[:-1]
    return found or name


def _fold_char_str(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _language(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    match = _LANG_RE.match(value.strip())
    return match.group(1).lower() if match else None


def _page_language(tree: Any) -> str | None:
    """trafilatura only detects the language with an optional package, so read
    what the page declares: <html lang>, then the Content-Language meta tag."""
    lang = tree.get("lang") or tree.get("xml:lang")
    if not lang:
        for meta in tree.iterfind(".//meta[@http-equiv]"):
            if str(meta.get("http-equiv", "")).lower() == "content-language":
                lang = meta.get("content")
                break
    return _language(lang)
