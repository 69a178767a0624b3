"""Tokens for the figures scanner: numbers, words and symbols with their offsets.

Numbers keep their separators as written ("1,200", "1 414 021 100", "12,34,567",
"1.3e6"); a word that glues a number word to a unit ("six-mile", "twenty-five-year-old",
"one-third") is split at the hyphen so the scanner sees the number and the unit apart; and
nothing inside a web address is a token, so "?q=30%25" never becomes a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx


@dataclass(frozen=True)
class Tok:
    kind: str  # num, word or sym
    text: str
    start: int
    end: int
    lower: str = ""  # the text lowercased (``Tok.of`` fills it in)

    @staticmethod
    def of(kind: str, text: str, start: int, end: int) -> Tok:
        return Tok(kind, text, start, end, text.lower())


#: Hyphens and dashes, which join ranges ("20-30") and compounds ("3-inch").
DASHES = frozenset({"-", "–", "—", "‐"})
_FRACTION_CHARS = "".join(lx.FRACTIONS)
_TOKEN = re.compile(
    r"(?P<code>\d+(?:\.\d+){2,})"  # 192.168.1.2, version 2.1.3: not a number
    r"|(?P<num>\d+(?:\.\d+)?[eE][-+]?\d+(?![\w.])"  # 1.3e6, 12.32e+14
    r"|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])"  # Indian grouping: 12,34,567.89
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,200 and 1,500,000.5
    r"|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d])"  # 40 000 with a narrow space
    r"|\d{1,3}(?: \d{3})+(?![\d,.]?\d)"  # 1 234 567 with plain spaces
    r"|\d+(?:\.\d+)?|\.\d+)"
    rf"|(?P<frac>[{_FRACTION_CHARS}])"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def number_text(text: str) -> float:
    """The value of a number token: separators dropped."""
    return float(re.sub(r"[,\s\u202f\u00a0]", "", text))


def tokenize(text: str) -> list[Tok]:
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        if addresses and any(s <= m.start() < e for s, e in addresses):
            continue
        kind = "sym" if m.lastgroup == "frac" else str(m.lastgroup)
        if kind == "word" and "-" in m.group():
            toks.extend(_split_number_word(m.group(), m.start()))
        else:
            toks.append(Tok.of(kind, m.group(), m.start(), m.end()))
    return toks


def _split_number_word(word: str, start: int) -> list[Tok]:
    """ "six-mile" -> six, -, mile; "twenty-five-year-old" -> twenty-five, -, year-old;
    other hyphenated words ("state-run", "twenty-five") stay whole."""
    parts = word.split("-")
    for size in (2, 1):
        head = "-".join(parts[:size])
        if len(parts) > size and _is_number_word(head, size):
            rest = word[len(head) + 1 :]
            if size == 1 and _is_number_word(f"{head}-{parts[1]}", 2):
                continue  # "twenty-five" is one number; try the longer head first
            return [
                Tok.of("word", head, start, start + len(head)),
                Tok.of("sym", "-", start + len(head), start + len(head) + 1),
                Tok.of("word", rest, start + len(head) + 1, start + len(word)),
            ]
    return [Tok.of("word", word, start, start + len(word))]


def _is_number_word(text: str, size: int) -> bool:
    parts = text.lower().split("-")
    if size == 1:
        return parts[0] in lx.UNITS_WORDS or parts[0] in ("half", "quarter")
    return all(p in lx.UNITS_WORDS for p in parts) and lx.UNITS_WORDS[parts[0]] >= 20


class Tokens:
    """Look-ups over a token list that every reader of it needs."""

    def __init__(self, text: str, toks: list[Tok]) -> None:
        self.text = text
        self.toks = toks

    def low(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < len(self.toks) else ""

    def kind(self, i: int) -> str:
        return self.toks[i].kind if 0 <= i < len(self.toks) else ""

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the one before it (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i].start == self.toks[i - 1].end

    def phrase(self, i: int, table: dict[str, str]) -> tuple[str, int] | None:
        """The longest entry of ``table`` spelled by the tokens from ``i``: (value, end).
        Tokens glued together are spelled without a space ("km/h", "°c", "rs.")."""
        key = ""
        best: tuple[str, int] | None = None
        for j in range(i, min(i + 6, len(self.toks))):
            tok = self.toks[j]
            glued_digit = tok.kind == "num" and tok.text in ("2", "3") and self.glued(j)
            if j > i and not (tok.kind == "word" or tok.text in "./$°²³^=" or glued_digit):
                break  # a unit is words and a few signs: "km/h", "°c", "m2"
            key += tok.lower if j == i else ("" if self.glued(j) else " ") + tok.lower
            if key in table:
                best = (table[key], j + 1)
        return best

    def year_at(self, k: int) -> bool:
        """Is token ``k`` four digits, as a year is written ("in 2019", "Sept. 26, 2014")?"""
        return self.kind(k) == "num" and len(self.toks[k].text) == 4 and self.toks[k].text.isdigit()

    def second_bound(self, i: int) -> bool:
        """Does a "than" at or just before ``i`` lead on to a number ("or less than 6000")?"""
        than = i - 1 if self.low(i - 1) == "than" else i
        after = self.low(than + 1)
        number = self.kind(than + 1) == "num" or after in lx.UNITS_WORDS or after in lx.SCALES
        return self.low(than) == "than" and number

    def sentence_start(self, i: int) -> bool:
        return (
            i == 0
            or self.toks[i - 1].text in '.!?\n“"'
            or "\n" in self.text[self.toks[i - 1].end : self.toks[i].start]
        )
