#!/usr/bin/env python3
"""Build presstrace's bundled demo corpus from the MEANTIME English corpus.

MEANTIME (Minard et al., LREC 2016; CC BY 4.0) ships 120 English Wikinews
articles (CC BY 2.5) as tokenised CAT XML.  This script rebuilds readable text
from the tokens, picks a few articles per topic folder that contain quotations
and figures, and writes one JSON object per article to
``src/presstrace/demo/corpus/wikinews.jsonl``::

    {"url": ..., "title": ..., "published": "YYYY-MM-DD", "outlet": "Wikinews", "text": ...}

``text`` is the article body only: the headline (sentence 0) goes to ``title``
and the date line (sentence 1, e.g. "May 14, 2009") goes to ``published``.

Paragraphs: the XML keeps sentence numbers but no paragraph marks, so they
are re-created with a fixed rule (``paragraphs``), modelled on Wikinews'
short paragraphs: a long lead sentence stands alone; otherwise at most two
sentences or about 40 words; a sentence that opens with a quote mark starts a
paragraph (unless one short lead-in sentence precedes it), a pure follow-on
quotation stays with the quote before it; and no break is ever made inside a
quotation that runs across sentences or at a doubtful sentence split
(no terminal punctuation, next sentence in lower case).

Token repairs (deterministic, in ``Detokeniser._normalise``): PTB quotes
`` '' ` become ASCII " and ' (curly quotes are kept as they are); a plain "
is read as opening or closing by alternation; "#" before a number is restored
to "£" (the pound sign was lost in some files: "GB # 20.1 billion"); split
contractions and names are rejoined ("I' m", "wo n't", "Wayne ’ s",
"O 'Reilly"); "US $29" becomes "US$29"; a "''" glued to the first word of a
quotation ("''I'") is read as an opening quote; "U.S. ." loses its extra
period; one stray image size ("150px") is dropped.

Selection: per topic folder, articles of 150-900 words without token damage
the rebuild cannot repair (unmatched brackets or quotes, list bullets, fused
dashes) come first, then the ones with more attributed quotations, then more
figures and time expressions; ties go to the lower doc id.

The output is the same on every run (fixed selection rule, sorted input, no
clock or randomness).  Run from the repository root::

    python scripts/build_demo_corpus.py --meantime-dir ../shared/eval/meantime_en
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

TOPICS: tuple[str, ...] = ("airbus", "apple", "gm", "stock")
PER_TOPIC = 6
OUTLET = "Wikinews"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEANTIME = REPO_ROOT.parent / "shared" / "eval" / "meantime_en"
DEFAULT_OUTPUT = REPO_ROOT / "src" / "presstrace" / "demo" / "corpus" / "wikinews.jsonl"

# Tokens never preceded by a space.
ATTACH_LEFT = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "..."})
# Tokens never followed by a space.
ATTACH_RIGHT = frozenset({"(", "[", "{", "$", "£", "€", "#"})
# Clitics split off by the tokeniser ("it 's", "do n't", "they 're").
CLITICS = frozenset(
    {"'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "’s", "’re", "’ve", "’ll", "’d", "’m"}
)
# Word endings that follow a split-off apostrophe ("I' m", "Wayne ’ s").
APOSTROPHE_TAILS = frozenset({"s", "m", "ll", "d", "ve", "re", "t"})
WIKI_IMAGE_SIZE = re.compile(r"^\d+px$")
CURRENCY_PREFIX = re.compile(r"^(?:[A-Z]{1,3})?[$£€]$")
NUMBER = re.compile(r"^\d")
SENTENCE_END = re.compile(r"""[.!?](?:["'”’)\]]*)$""")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_LINE = re.compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4})$")
QUOTE_VERB = re.compile(r"\b(?:said|says|told|added|stated|explained|according)\b")
FIGURE = re.compile(r"\d")

MAX_WORDS_PER_PARAGRAPH = 40
MAX_SENTENCES_PER_PARAGRAPH = 2
LONG_LEAD_WORDS = 20
MAX_WORDS_QUOTE_PARAGRAPH = 80
SHORT_LEAD_IN_WORDS = 20


@dataclass(frozen=True)
class Sentence:
    """One rebuilt sentence plus the facts the paragraph rule needs."""

    text: str
    words: int
    quote_open_at_end: bool  # a double quotation runs on into the next sentence
    starts_with_open_quote: bool
    has_quote: bool  # contains a double quote mark
    pure_quote: bool  # nothing but a closed quotation (no words outside the quote marks)
    glue_left: bool  # starts with a closing mark that belongs to the previous sentence


@dataclass(frozen=True)
class Article:
    topic: str
    doc_id: int
    url: str
    title: str
    published: str
    paragraphs: tuple[str, ...]
    quotes: int
    figures: int
    timexes: int
    glitches: int

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def record(self) -> dict[str, str]:
        return {
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "outlet": OUTLET,
            "text": self.text,
        }


class Detokeniser:
    """Joins tokens into text, tracking the double-quote state across sentences."""

    def __init__(self) -> None:
        self.dq_open = False  # a double quotation is open
        self.sq_open = False  # a `single' quotation is open

    def sentence(self, tokens: list[str]) -> Sentence:
        starts_open = False
        glue_left = False
        has_quote = self.dq_open
        words_outside = 0
        out: list[str] = []
        glue_next = True  # no space before the first token
        prev = ""
        for i, raw in enumerate(tokens):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            for tok, kind in self._normalise(raw, prev, nxt, first=not out):
                if not out:
                    starts_open = kind == "open" and tok in ('"', "“")
                    glue_left = kind in ("close", "left", "join")
                if tok in ('"', "“", "”"):
                    has_quote = True
                elif not self.dq_open and any(ch.isalnum() for ch in tok):
                    words_outside += 1
                if kind == "bullet":
                    out.append("\n* ")
                    glue_next = True
                    prev = tok
                    continue
                space = not glue_next and kind not in ("close", "left", "join")
                out.append((" " if space else "") + tok)
                glue_next = kind in ("open", "right", "join")
                prev = tok
        text = "".join(out).strip()
        text = re.sub(r"[ \t]+\n", "\n", text)
        return Sentence(
            text=text,
            words=len(text.split()),
            quote_open_at_end=self.dq_open,
            starts_with_open_quote=starts_open,
            has_quote=has_quote,
            pure_quote=starts_open and words_outside == 0 and not self.dq_open,
            glue_left=glue_left,
        )

    def _normalise(self, tok: str, prev: str, nxt: str, *, first: bool) -> list[tuple[str, str]]:
        """Map one token to (text, kind) pieces.

        kind: "word" (spaces both sides), "left" (no space before), "right"
        (no space after), "join" (neither), "open"/"close" (quote marks),
        "bullet" (list item).  An empty list drops the token.
        """
        if WIKI_IMAGE_SIZE.match(tok):
            return []  # "150px": image markup left in one file
        if tok == "." and prev.endswith("."):
            return []  # "U.S. ." at the end of a sentence
        prev_ends_clause = first or prev in {".", "!", "?", ":", ";", ","} or prev.endswith(".")
        if tok.startswith("''") and len(tok) > 2:
            # ''I' d ... : a closing-quote token glued to the first word of a quotation.
            self.dq_open = True
            return [('"', "open"), *self._normalise(tok[2:], '"', nxt, first=False)]
        if tok in {"``", "“"}:
            self.dq_open = True
            return [('"' if tok == "``" else tok, "open")]
        if tok in {"''", "”"}:
            if not self.dq_open and prev_ends_clause and nxt[:1].isalnum():
                self.dq_open = True  # stray '' opening a quotation
                return [('"' if tok == "''" else "“", "open")]
            self.dq_open = False
            return [('"' if tok == "''" else tok, "close")]
        if tok == '"':
            opening = not self.dq_open or (first and nxt[:1].isalnum())
            self.dq_open = opening
            return [('"', "open" if opening else "close")]
        if tok in ("`", "‘"):
            self.sq_open = True
            return [("'" if tok == "`" else tok, "open")]
        if tok in ("'", "’"):
            if tok == "’" and nxt in APOSTROPHE_TAILS:
                return [(tok, "join")]  # Wayne ’ s -> Wayne’s
            self.sq_open = False
            return [(tok, "close")]  # closing single quote or plural possessive (Airbus')
        if tok in CLITICS or tok.lower() in CLITICS:
            return [(tok, "left")]
        if prev == "O" and tok.startswith("'") and tok[1:2].isupper():
            return [(tok, "left")]  # O 'Reilly -> O'Reilly
        if tok == "-" and nxt in ("and", "or"):
            return [(tok, "left")]  # piano - and guitar-playing -> piano- and
        if tok in APOSTROPHE_TAILS and prev.endswith(("'", "’")) and prev not in ("'", "''"):
            return [(tok, "left")]
        if tok.endswith("'") and len(tok) > 1 and nxt in APOSTROPHE_TAILS:
            return [(tok, "right")]  # I' m -> I'm
        if tok == "#" and NUMBER.match(nxt):
            return [("£", "join" if prev in ("GB", "UK") else "right")]
        if tok == "$" and prev in ("US", "AU", "CA", "NZ", "HK") and NUMBER.match(nxt):
            return [(tok, "join")]  # US $29 -> US$29 (Wikinews writes US$)
        if CURRENCY_PREFIX.match(tok) and NUMBER.match(nxt):
            return [(tok, "right")]
        if tok == "*":
            return [(tok, "bullet")]
        if tok in ATTACH_LEFT:
            if tok == "..." and prev in ('"', "``", "(", ""):
                return [(tok, "word")]
            return [(tok, "left")]
        if tok in ATTACH_RIGHT:
            return [(tok, "right")]
        return [(tok, "word")]


def detokenise_sentences(sentences: list[list[str]]) -> list[Sentence]:
    """Rebuild every sentence of one document, sharing the quote state."""
    det = Detokeniser()
    return [det.sentence(tokens) for tokens in sentences]


def paragraphs(sentences: list[Sentence]) -> list[str]:
    """Group body sentences into paragraphs (MEANTIME keeps no paragraph marks).

    Wikinews paragraphs are short, and quotations usually open a paragraph, so:

    * never break where the sentence split is doubtful (no terminal punctuation,
      next sentence in lower case or starting with a closing mark) or inside a
      quotation that runs across sentences, except where the next sentence
      re-opens the quote (multi-paragraph quotation convention);
    * a sentence that is only a quotation stays with a preceding sentence that
      quotes too (the same speaker goes on), up to 80 words;
    * a sentence that starts with a quote mark opens a paragraph, unless the
      paragraph so far is one short sentence without quotes that leads in to it;
    * after an unattributed quotation, or when a paragraph that opened with a
      quotation is followed by a sentence without one, start a new paragraph;
    * otherwise at most two sentences or 40 words, and a long lead sentence
      stands alone.
    """
    paras: list[list[Sentence]] = []
    for sent in sentences:
        if not paras:
            paras.append([sent])
            continue
        current = paras[-1]
        last = current[-1]
        words = sum(s.words for s in current)
        is_lead = len(paras) == 1
        if sent.glue_left or not SENTENCE_END.search(last.text) or _starts_lower(sent.text):
            new = False
        elif last.quote_open_at_end:
            new = sent.starts_with_open_quote
        elif sent.pure_quote and last.has_quote:
            new = words + sent.words > MAX_WORDS_QUOTE_PARAGRAPH
        elif sent.starts_with_open_quote:
            lead_in = len(current) == 1 and not last.has_quote and words < SHORT_LEAD_IN_WORDS
            new = not lead_in or is_lead
        elif (
            last.pure_quote
            or sent.text.startswith("* ")
            or (current[0].starts_with_open_quote and not sent.has_quote)
        ):
            new = True
        else:
            new = (
                len(current) >= MAX_SENTENCES_PER_PARAGRAPH
                or words >= MAX_WORDS_PER_PARAGRAPH
                or (is_lead and words >= LONG_LEAD_WORDS)
            )
        if new:
            paras.append([sent])
        else:
            current.append(sent)
    return [_join(para) for para in paras]


def _starts_lower(text: str) -> bool:
    """Lower-case start of a sentence (a doubtful split), but not "iCloud" or "eBay"."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first[:1].islower() and not any(ch.isupper() for ch in first[1:])


def _join(sentences: list[Sentence]) -> str:
    out = sentences[0].text
    for sent in sentences[1:]:
        out += ("" if sent.glue_left else " ") + sent.text
    return out


def _tokens_by_sentence(root: ET.Element) -> list[list[str]]:
    sentences: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(
            (int(tok.get("number", "0")), tok.text or "")
        )
    return [[t for _, t in sorted(sentences[k])] for k in sorted(sentences)]


def _date_line(tokens: list[str]) -> str | None:
    """Return YYYY-MM-DD when the tokens are a date line such as "May 14 , 2009"."""
    text = " ".join(tokens).replace(" ,", ",")
    match = DATE_LINE.match(text)
    if not match:
        return None
    try:
        parsed = datetime.strptime(" ".join(match.groups()), "%B %d %Y")
    except ValueError:
        return None
    return parsed.date().isoformat()


def _published(path: Path, root: ET.Element, date_line: str | None) -> str:
    """The creation time (DCT) checked against the article's own date line.

    Two files have no DCT, one writes it as DD-MM-YYYY and one disagrees with
    its date line (114904: DCT 2008-10-20, page says October 10, 2008); the
    date printed on the page wins in all those cases.
    """
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value") or None
    if dct is not None and not ISO_DATE.match(dct):
        print(f"note: {path.name}: creation time {dct!r} is not ISO 8601", file=sys.stderr)
        dct = None
    if date_line is not None and dct is not None and dct[:10] != date_line:
        print(f"note: {path.name}: creation time {dct} but date line {date_line}", file=sys.stderr)
    published = date_line or (dct[:10] if dct else None)
    if published is None:
        raise ValueError(f"{path}: no creation time and no date line")
    return published


def _title(url: str, headline: str) -> str:
    """Prefer the page title from the URL when it says the same as the headline tokens."""
    from_url = unquote(url.rsplit("/wiki/", 1)[-1]).replace("_", " ")

    def squash(s: str) -> str:
        return re.sub(r"\W+", "", s).lower()

    return from_url if squash(from_url) == squash(headline) else headline


def _quote_count(sentences: list[Sentence]) -> int:
    """Sentences with quote marks next to a speech verb (same or neighbouring sentence)."""
    count = 0
    for i, sent in enumerate(sentences):
        near = " ".join(s.text for s in sentences[max(0, i - 1) : i + 2])
        if sent.has_quote and QUOTE_VERB.search(near):
            count += 1
    return count


def _glitches(tokens: list[str]) -> int:
    """Token-level damage that the rebuild cannot repair cleanly."""
    unmatched = max(0, tokens.count("]") - tokens.count("[")) + max(
        0, tokens.count(")") - tokens.count("(")
    )
    quotes = abs(tokens.count("``") - tokens.count("''")) + abs(
        tokens.count("“") - tokens.count("”")
    )
    fused = sum(1 for t in tokens if re.search(r"\w—\w", t))  # "trading—a - a drop"
    return unmatched + quotes + fused + tokens.count("*") + tokens.count('"') % 2


def load_article(path: Path, topic: str) -> Article:
    root = ET.parse(path).getroot()
    url = root.get("url", "")
    sentences = _tokens_by_sentence(root)
    headline = detokenise_sentences(sentences[:1])[0].text
    date_line = _date_line(sentences[1]) if len(sentences) > 1 else None
    published = _published(path, root, date_line)
    body_start = 2 if date_line else 1
    # Re-run the detokeniser over the body alone so a quote left open in the
    # headline cannot leak into the body.
    body = detokenise_sentences(sentences[body_start:])
    flat = [t for s in sentences[body_start:] for t in s]
    paras = tuple(paragraphs(body))
    return Article(
        topic=topic,
        doc_id=int(root.get("doc_id", "0")),
        url=url,
        title=_title(url, headline),
        published=published,
        paragraphs=paras,
        quotes=_quote_count(body),
        figures=len({t for t in flat if FIGURE.search(t)}),
        timexes=sum(
            1 for t in root.iter("TIMEX3") if t.get("functionInDocument") != "CREATION_TIME"
        ),
        glitches=_glitches(flat),
    )


def score(article: Article) -> tuple[int, int, int, int]:
    """Higher is better; ties broken by doc id in ``select``."""
    fits = 150 <= article.words <= 900
    return (
        int(fits and article.glitches == 0),
        min(article.quotes, 4),
        min(article.figures, 8) + min(article.timexes, 6),
        -abs(article.words - 400),
    )


def select(articles: list[Article], per_topic: int = PER_TOPIC) -> list[Article]:
    chosen: list[Article] = []
    for topic in TOPICS:
        pool = [a for a in articles if a.topic == topic]
        pool.sort(key=lambda a: (tuple(-x for x in score(a)), a.doc_id))
        chosen.extend(pool[:per_topic])
    return sorted(chosen, key=lambda a: (a.published, a.doc_id))


def load_all(meantime_dir: Path) -> list[Article]:
    base = meantime_dir / "intra-doc_annotation"
    articles: list[Article] = []
    for topic in TOPICS:
        for path in sorted((base / f"corpus_{topic}").glob("*.xml")):
            articles.append(load_article(path, topic))
    return articles


def write_jsonl(articles: list[Article], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a.record(), ensure_ascii=False) for a in articles]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--meantime-dir", type=Path, default=DEFAULT_MEANTIME, help="MEANTIME English folder"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="JSON-lines file to write"
    )
    parser.add_argument(
        "--per-topic", type=int, default=PER_TOPIC, help="articles per topic folder"
    )
    parser.add_argument(
        "--list", action="store_true", help="print every article's selection score and exit"
    )
    args = parser.parse_args(argv)

    if not (args.meantime_dir / "intra-doc_annotation").is_dir():
        print(f"MEANTIME not found under {args.meantime_dir}", file=sys.stderr)
        return 1
    articles = load_all(args.meantime_dir)
    if args.list:
        for a in articles:
            print(a.topic, a.doc_id, score(a), a.words, a.title, sep="\t")
        return 0
    chosen = select(articles, args.per_topic)
    write_jsonl(chosen, args.output)
    print(f"wrote {len(chosen)} articles to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
