"""Who said what across the corpus: one speaker per person or body, one statement per quote.

Reads only the stored quotes (never the article text) and rebuilds the ``speakers`` and
``statements`` tables, setting each quote's ``speaker`` and ``statement``.

- **Speakers.** People are keyed by their full name without honorifics; a bare surname
  ("Pompeo") joins the one person of the corpus with that surname, and stays apart when there
  are several. Bodies and countries are keyed by name without a leading "the". Unnamed sources
  ("a senior State Department official") are never merged across articles: two outlets' unnamed
  officials need not be one person. Roles are kept with the dates they were reported.
- **Statements.** Two quotes from different articles are reports of one statement when most of
  the shorter one's word 4-grams appear in the longer one (wording edits, trimmed sentences and
  Uighur/Uyghur-style spelling aside); short quotes must match exactly. Each statement records its
  first report (earliest publication date), the outlets, how many wordings and how many different
  attributions it has (more than one is a disagreement worth showing).

Rebuilt whole after each ingest: linear in the number of quotes plus the candidate pairs an
inverted index of 4-grams yields, which is fast for the corpora one laptop holds.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..store import Database
from .lexicon import GROUP_PRONOUNS, HONORIFICS, PERSON_PRONOUNS, RELATIVE_PRONOUNS

#: Share of the shorter quote's 4-grams found in the other for two reports of one statement.
SAME_STATEMENT = 0.6
#: Quotes shorter than this (in words) are one statement only when identical once normalised.
MIN_WORDS = 5
#: 4-grams two quotes must share at least (unless one is that short and wholly inside).
MIN_SHARED = 4
#: A 4-gram in more distinct wordings than this proposes no candidates (``_group_statements``).
MAX_POSTINGS = 200
_WORD = re.compile(r"\w+")
# Spelling variants outlets use for the same names; folded before comparing wordings.
_VARIANTS = {"uyghur": "uighur", "uyghurs": "uighurs", "uygur": "uighur", "uygurs": "uighurs"}
_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS | {"it", "you"}


@dataclass
class CorpusReport:
    speakers: int = 0
    statements: int = 0
    shared_statements: int = 0  # reported by more than one article


@dataclass
class _Quote:
    id: str
    article: str
    text: str
    speaker_name: str | None
    speaker_kind: str
    role: str | None
    mention: str | None
    published: str | None
    outlet: str | None
    start: int = 0  # offsets of the text in the article
    end: int = 0
    speaker: str | None = None
    statement: str | None = None
    tokens: list[str] = field(default_factory=list)


def rebuild(db: Database) -> CorpusReport:
    """Recompute speakers and statements from all stored quotes."""
    rows = db.conn.execute(
        "SELECT q.id, q.article, q.text, q.speaker_name, q.speaker_kind, q.role, q.mention, "
        "a.published, a.outlet, q.start, q.end FROM quotes q JOIN articles a ON a.id = q.article "
        # the outlet's own voice ("the vote is expected to pass") is no one's statement
        "WHERE q.speaker_kind != 'writer' "
        "ORDER BY coalesce(a.published, '9999'), a.id, q.position"
    ).fetchall()
    quotes = [_Quote(*row) for row in rows]
    keys = _speaker_keys(quotes)
    groups = _group_statements(quotes)
    _resolve_by_statement(groups, keys)
    speakers = _speaker_rows(quotes, keys)
    statements = _statement_rows(groups)
    with db.conn:  # one transaction: readers never see half a rebuild
        db.conn.execute("DELETE FROM speakers")
        db.conn.execute("DELETE FROM statements")
        db.conn.executemany(
            "INSERT INTO speakers (id, name, kind, aliases, roles, quotes) VALUES (?,?,?,?,?,?)",
            speakers,
        )
        db.conn.executemany(
            "INSERT INTO statements (id, text, speaker, first_quote, first_article, "
            "first_published, reports, outlets, wordings, speakers) VALUES (?,?,?,?,?,?,?,?,?,?)",
            statements,
        )
        db.conn.executemany(
            "UPDATE quotes SET speaker = ?, statement = ? WHERE id = ?",
            [(q.speaker, q.statement, q.id) for q in quotes],
        )
    return CorpusReport(
        speakers=len(speakers),
        statements=len(statements),
        shared_statements=sum(1 for s in statements if s[6] > 1),
    )


# -- speakers --------------------------------------------------------------------------------
def _speaker_key(q: _Quote, surnames: dict[str, set[str]]) -> str | None:
    if not q.speaker_name:
        return None
    name = _fold(q.speaker_name)
    if q.speaker_kind == "unnamed":
        return f"unnamed|{q.article}|{name}"
    words = [w for w in name.split() if w.rstrip(".") not in HONORIFICS]
    if len(words) == 1 and len(surnames.get(words[0], ())) == 1:
        # A bare surname, whatever the tagger called it ("Marsh" as an ORG): the one person of
        # the corpus with that surname.
        return "person|" + next(iter(surnames[words[0]]))
    if q.speaker_kind == "person":
        return "person|" + " ".join(words)
    return f"{q.speaker_kind}|" + re.sub(r"^the ", "", name)


def _speaker_keys(quotes: list[_Quote]) -> dict[str, str]:
    """Quote id -> speaker key; also sets each quote's speaker id."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.speaker_kind == "person" and q.speaker_name:
            words = [w for w in _fold(q.speaker_name).split() if w.rstrip(".") not in HONORIFICS]
            if len(words) > 1:
                surnames[words[-1]].add(" ".join(words))
    keys: dict[str, str] = {}
    for q in quotes:
        key = _speaker_key(q, surnames)
        if key is not None:
            keys[q.id] = key
            q.speaker = _id("sp", key)
    return keys


def _resolve_by_statement(groups: list[list[_Quote]], keys: dict[str, str]) -> None:
    """ "The minister told reporters" in one outlet, "Marsh told reporters" in another, same
    words: when the nominal's head word is in the named person's role, it is that person."""
    for group in groups:
        named = [q for q in group if keys.get(q.id, "").startswith("person|") and q.role]
        for q in group:
            if q.speaker_kind != "unnamed" or not q.speaker_name or not named:
                continue
            head = _fold(q.speaker_name).split()[-1]
            for person in named:
                if head in _fold(person.role or "").split():
                    keys[q.id] = keys[person.id]
                    q.speaker = person.speaker
                    break


def _speaker_rows(quotes: list[_Quote], keys: dict[str, str]) -> list[tuple[Any, ...]]:
    members: dict[str, list[_Quote]] = defaultdict(list)
    for q in quotes:
        if q.id in keys:
            members[keys[q.id]].append(q)
    rows = []
    for key, group in members.items():
        names = Counter(
            q.speaker_name for q in group if q.speaker_name and q.speaker_kind != "unnamed"
        ) or Counter(q.speaker_name for q in group if q.speaker_name)
        # The fullest of the most used forms: "Mike Pompeo" over "Pompeo".
        name = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        kind = key.split("|", 1)[0]
        aliases = sorted(
            {q.speaker_name for q in group if q.speaker_name}
            | {q.mention for q in group if q.mention and q.mention.lower() not in _PRONOUNS}
            - {name}
        )
        rows.append(
            (_id("sp", key), name, kind, json.dumps(aliases, ensure_ascii=False),
             json.dumps(_roles(group), ensure_ascii=False), len(group))
        )  # fmt: skip
    return rows


def _roles(group: Iterable[_Quote]) -> list[dict[str, str | None]]:
    """Each role once, with the first and last date it was reported: "U.S. Secretary of State",
    "US Secretary of State" and "Secretary of State" are one role; "former Secretary of State"
    is another (a role of another time)."""
    seen: dict[str, list[str | None]] = {}
    spelling: dict[str, Counter[str]] = {}
    for q in group:
        if not q.role or (q.speaker_name and q.role == q.speaker_name):
            continue
        key = _role_key(q.role)
        spelling.setdefault(key, Counter())[q.role] += 1
        seen.setdefault(key, []).append(q.published)
    into: dict[str, str] = {}
    for key in seen:
        # "secretary of state" within "us secretary of state": the same office, less precisely.
        candidates = [
            other
            for other in seen
            if other.endswith(" " + key) and not _TIME_QUALIFIERS & set(other[: -len(key)].split())
        ]
        if candidates:
            into[key] = max(candidates, key=lambda k: (len(seen[k]), len(k)))
    for key, wider in into.items():
        final = wider
        while final in into:
            final = into[final]
        seen[final] += seen.pop(key)  # named as the wider form ("U.S. Secretary of State")
    out = []
    for key, dates in seen.items():
        # The most frequent spelling, the fullest among equals ("U.S." over "US").
        role = max(spelling[key].items(), key=lambda item: (item[1], len(item[0])))[0]
        known = sorted(d for d in dates if d)
        out.append(
            {"role": role, "first_seen": known[0] if known else None,
             "last_seen": known[-1] if known else None}
        )  # fmt: skip
    return out


#: Words that make a role another one: the office then, not now ("former", "acting").
_TIME_QUALIFIERS = frozenset(
    ["former", "ex", "acting", "interim", "deputy", "vice", "assistant", "under", "incoming",
     "outgoing", "late", "then", "designate", "associate"]
)  # fmt: skip


def _role_key(role: str) -> str:
    key = _fold(role).replace(".", "")
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", key)).strip()


# -- statements ------------------------------------------------------------------------------
def _group_statements(quotes: list[_Quote]) -> list[list[_Quote]]:
    """Reports of the same words in different articles, each group in publication order."""
    for q in quotes:
        q.tokens = [_VARIANTS.get(w, w) for w in _WORD.findall(_fold(q.text))]
    parent = list(range(len(quotes)))
    reports = _reports_of_quotes(quotes)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The same words are one statement at once; only distinct wordings are compared, so a wire
    # quote reprinted by a thousand outlets costs one comparison, not a million.
    first_with: dict[tuple[Any, ...], int] = {}
    distinct: list[int] = []
    for i, q in enumerate(quotes):
        # "We'll see" said by two people is two statements: short ones also need the speaker.
        key = (*q.tokens, q.speaker if _short(q) else None)
        if q.tokens and key in first_with:
            parent[find(i)] = find(first_with[key])
        else:
            first_with[key] = i
            distinct.append(i)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    grams = {i: _grams(quotes[i].tokens) for i in distinct}
    for i in distinct:
        for g in grams[i]:
            index[g].append(i)
    for i in distinct:
        q = quotes[i]
        # Candidates come from the 4-grams few wordings share; a phrase in hundreds of
        # them ("the United States and") finds nothing a rarer one would not, and following
        # it made the join quadratic. What a candidate shares is then counted in full.
        candidates = {
            j
            for g in grams[i]
            if len(index[g]) <= MAX_POSTINGS
            for j in index[g]
            if j < i and quotes[j].article != q.article and (j in reports) == (i in reports)
        }
        for j in candidates:
            count = len(grams[i] & grams[j])
            smaller = min(len(grams[i]), len(grams[j]))
            if _short(q) or _short(quotes[j]):
                same = False  # identical short quotes of one speaker were joined above
            else:
                # Short paraphrases share a few 4-grams with long quotes by chance.
                enough = count >= min(MIN_SHARED, smaller)
                same = smaller > 0 and enough and count / smaller >= SAME_STATEMENT
            if same:
                parent[find(i)] = find(j)
    groups: dict[int, list[_Quote]] = defaultdict(list)
    for i, q in enumerate(quotes):
        groups[find(i)].append(q)  # quotes are in order of publication: the first is first
    return list(groups.values())


def _reports_of_quotes(quotes: list[_Quote]) -> set[int]:
    """Quotes that hold another quote of their article: "“...,” the minister said, according
    to the Gazette" is the Gazette's report that the minister said it. It shares the minister's
    words with other outlets' reports of them, but it is not the same statement."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        by_article[q.article].append(i)
    found = set()
    for members in by_article.values():
        # In order of start, the longer first: what a quote holds comes after it, before the
        # first quote starting past its end. Quotes seldom overlap, so the scan stays short.
        members.sort(key=lambda i: (quotes[i].start, -quotes[i].end))
        for p, i in enumerate(members):
            outer = quotes[i]
            for k in range(p + 1, len(members)):
                inner = quotes[members[k]]
                if inner.start >= outer.end:
                    break
                if inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end):
                    found.add(i)
                    break
    return found


def _statement_rows(groups: list[list[_Quote]]) -> list[tuple[Any, ...]]:
    rows = []
    for group in groups:
        first = group[0]
        statement = _id("st", first.id)
        for q in group:
            q.statement = statement
        outlets = sorted({q.outlet for q in group if q.outlet})
        rows.append(
            (statement, first.text, first.speaker, first.id, first.article, first.published,
             len({q.article for q in group}), json.dumps(outlets, ensure_ascii=False),
             len({" ".join(q.tokens) for q in group}),
             len({q.speaker for q in group if q.speaker}))
        )  # fmt: skip
    return rows


def _grams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def _short(q: _Quote) -> bool:
    return len(q.tokens) < MIN_WORDS


def _fold(text: str) -> str:
    """Case, accents and typographic variants folded, for comparing names and wordings."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'")


def _id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"
