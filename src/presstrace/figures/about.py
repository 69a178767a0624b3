"""What a figure is about: the phrase naming what it counts, the predicate of its clause,
and the key that says which figures can be compared.

"14 ferry operators and a port security firm" counts "ferry operators" (a plural ends the
phrase unless another plural or "and" + a noun follows); the nearest predicate in the clause on
either side ("blacklisted", "detention of", "are being held in") is looked up in
``lexicon.PREDICATES``, which maps its forms to a group ("detain"); the key is the group and the
counted class ("detain|people": any noun of people or capitalised group name counts people).
"""

from __future__ import annotations

from ..dates.lexicon import MONTHS, WEEKDAYS
from . import lexicon as lx
from .tokens import Tok, Tokens

_BOUNDARY_SYMBOLS = set(',;:.!?“”"()[]—')
_BOUNDARY_WORDS = {
    "that", "which", "who", "where", "when", "but", "while", "whereas", "because", "if",
    "although", "though", "after", "before", "since", "unless",
}  # fmt: skip
_LEFT_REACH, _RIGHT_REACH = 8, 16
_MAX_COUNTED = 6


#: Words ending in "'s" that are a pronoun and a verb, never a possessor.
_CONTRACTIONS = frozenset({
    "he's", "she's", "it's", "that's", "there's", "here's", "what's", "who's", "where's",
    "let's", "how's",
})  # fmt: skip
#: Possessives that are times, not owners: "Tuesday's vote", "this year's budget".
_TIME_OWNERS = frozenset(
    [*WEEKDAYS, *MONTHS, "today", "yesterday", "tomorrow", "year", "week", "month", "day"]
)


def _possessive(word: str) -> bool:
    word = word.replace("’", "'")
    return word.endswith("'s") and word not in _CONTRACTIONS


class AboutReader(Tokens):
    def counted(self, j: int, links: tuple[str, ...]) -> tuple[str | None, int]:
        """The noun phrase after a figure that says what it counts or measures: ("Uyghur
        Muslims", end). ``links``: the words that must come first ("40% of voters", "$5bn in
        aid"); an empty string among them lets the phrase follow at once ("28 companies")."""
        toks = self.toks
        k = j
        if self.low(k) in links:
            k += 1
            if self.low(k) in ("them", "us", "those", "these", "whom", "which", "it"):
                return None, j
            if self.low(k) in ("the", "its", "their", "his", "her", "our"):
                k += 1
        elif "" not in links:
            return None, j
        linked = k > j  # "two of Okoye's ferries"; not "the 300 Okoye's crews sailed" (a clause)
        words: list[Tok] = []
        while k < len(toks) and len(words) < _MAX_COUNTED:
            tok = toks[k]
            if tok.kind != "word":
                break
            word = tok.lower
            if word == "and" and words:
                nxt = self.low(k + 1)
                if (
                    k + 1 < len(toks)
                    and toks[k + 1].kind == "word"
                    and nxt not in lx.COUNTED_STOP
                    and nxt not in ("other", "another", "more", "many", "several")
                    and not _verb_like(toks[k + 1].text, first=False)
                ):
                    words.append(tok)
                    k += 1
                    continue
                break
            if word in lx.COUNTED_STOP or word in lx.SCALES or word in lx.VAGUE_PLURALS:
                break
            if word in WEEKDAYS and not (words and words[-1].lower == "super"):
                break  # "one tweet Friday"; not "four Super Tuesday states"
            if _verb_like(tok.text, first=not words) and not self.modifier(k):
                break
            if "'" in word or "’" in word:
                if (linked or words) and self.possessor(k):
                    # "half of Dana Holm's supporters", "5% of Ohio’s voters": the
                    # possessor belongs to the phrase; what is counted comes after it
                    words.append(tok)
                    k += 1
                    continue
                break  # "he’s", "they're": a clause, not the thing counted
            words.append(tok)
            k += 1
            # A plural or a noun of people ends the phrase, unless another plural follows
            # ("human rights activists"): "1.8m people saw it", "28 companies voicing".
            if plural(tok.text) and not (
                k < len(toks)
                and (
                    (plural(toks[k].text) and not _possessive(toks[k].lower))
                    or toks[k].lower == "and"
                )
            ):
                break
        if not words:
            return None, j
        return self.text[words[0].start : words[-1].end], k

    def possessor(self, k: int) -> bool:
        """Is word ``k`` a possessor ("Okoye's", "Ohio’s") before a word that can be counted,
        rather than a contraction ("he's", "it’s")?"""
        nxt = self.low(k + 1)
        return (
            _possessive(self.low(k))
            # "20 percent of Tuesday's vote", "today's": a time, not an owner
            and self.low(k).replace("’", "'")[:-2] not in _TIME_OWNERS
            and k + 1 < len(self.toks)
            and self.toks[k + 1].kind == "word"
            and nxt not in lx.COUNTED_STOP
            and not _verb_like(self.toks[k + 1].text, first=False)
        )

    def modifier(self, k: int) -> bool:
        """A gerund or participle that modifies the next word ("vote counting systems",
        "armed men") rather than a verb ending the phrase ("2,000 people living in")."""
        nxt = self.low(k + 1)
        return (
            k + 1 < len(self.toks)
            and self.toks[k + 1].kind == "word"
            and nxt not in lx.COUNTED_STOP
            and not _verb_like(self.toks[k + 1].text, first=False)
        )

    def predicate(
        self, start: int, end: int, counted_end: int, counted: str | None
    ) -> tuple[str | None, str | None]:
        """The predicate of the clause around the figure: (as written, group)."""
        best: tuple[int, str, str] | None = None  # (distance, written, group)
        # Left of the figure, back to the clause boundary.
        k, distance = start - 1, 1
        while k >= 0 and distance <= _LEFT_REACH and not self.boundary(k):
            hit = self._predicate_at(k, back=True)
            if hit is not None:
                best = (distance, *hit)
                break
            k -= 1
            distance += 1
        k, distance = counted_end, 1
        while k < len(self.toks) and distance <= _RIGHT_REACH and not self.boundary(k):
            if (best is not None and distance >= best[0]) or self.low(k) == "for":
                break  # "names of 40,000 people for interrogation or detention": a purpose
            hit = self._predicate_at(k, back=False)
            if hit is not None:
                best = (distance, *hit)
                break
            k += 1
            distance += 1
        if best is None:
            return None, None
        return best[1], best[2]

    def boundary(self, k: int) -> bool:
        tok = self.toks[k]
        return (tok.kind == "sym" and tok.text in _BOUNDARY_SYMBOLS) or (
            tok.lower in _BOUNDARY_WORDS
        )

    def _predicate_at(self, k: int, *, back: bool) -> tuple[str, str] | None:
        """A predicate phrase ending (``back``) or starting at token ``k``."""
        for size in range(lx.PREDICATE_MAX_WORDS, 0, -1):
            first = k - size + 1 if back else k
            if first < 0 or first + size > len(self.toks):
                continue
            toks = self.toks[first : first + size]
            if any(t.kind != "word" for t in toks):
                continue
            phrase = " ".join(t.lower for t in toks)
            if phrase in lx.PREDICATES:
                return self.text[toks[0].start : toks[-1].end], lx.PREDICATES[phrase]
        return None


def _verb_like(word: str, *, first: bool) -> bool:
    """A word that ends a noun phrase: a past participle or a gerund after the first word
    ("28 companies blacklisted", "2,000 people living"). Capitalised words are names."""
    if word[:1].isupper():
        return False
    if word.endswith("ed") and len(word) > 4:
        return True
    return word.endswith("ing") and len(word) > 5 and not first


def plural(word: str) -> bool:
    """Is ``word`` a plural noun (or a noun of people)? A guess from its ending."""
    lowered = word.lower()
    if lowered in lx.PEOPLE or lowered in ("men", "women", "children", "people", "police"):
        return True
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


def _counted_class(counted: str) -> str:
    """What kind of thing is counted, for comparing figures: "people" for any noun of people or
    a capitalised group name (Uyghurs, Muslims), else the head noun in the singular."""
    head = counted.rsplit(maxsplit=1)[-1]
    lowered = head.lower().replace("’", "'")
    if lowered in lx.PEOPLE or (head[:1].isupper() and lowered.endswith("s")):
        return "people"
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("ches", "shes", "sses", "xes")):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def key_of(group: str | None, counted: str | None, unit: str | None, kind: str) -> str | None:
    """The quantity key: what is done (predicate group) to what (counted class, with the
    unit for money and percentages)."""
    if counted is None:
        return None  # "$2.3 million" alone: what the money is, the text does not say here
    prefix = f"{unit}:" if kind in ("money", "percent") else ""
    counted_class = _counted_class(counted)
    if group is None:
        # No predicate: only a specific thing counted is worth comparing ("1,200 internment
        # camps", "three steel support beams"), keyed by its last two words.
        words = counted.lower().split()
        owned = [i for i, w in enumerate(words) if _possessive(w)]
        words = words[owned[-1] + 1 :] if owned else words  # "Okoye's ferries": ferries
        if len(words) < 2 or counted_class == "people":
            return None
        return f"count|{prefix}{words[-2]} {counted_class}"
    return f"{group}|{prefix}{counted_class}"
