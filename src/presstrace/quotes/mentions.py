"""How a sentence names a speaker: the subject of a cue (through passives, participles and
clauses the parser lost), the phrase as written ("Ida Holm, the head of research at the
harbour authority,"), the name in it ("Ban Ki-moon"), its title or role; and the character
span of a run of tokens, which the content of a quote shares."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..dates.lexicon import MONTHS, WEEKDAYS
from .lexicon import (
    GROUP_PRONOUNS,
    HONORIFICS,
    INVERTED_CUES,
    INVERTED_WRITING,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from .marks import QuotedSpan
from .nlp import lemma, text_of

#: Punctuation a span of content or source neither starts nor ends with.
_EDGE_PUNCT = set(",;:.!?―—–-\"“”‘’'«»()[]") | {"''", "``", "--"}
#: Markup a careless scrape glued before a name ('tweet_id="77">Sanders').
_MARKUP = re.compile(r'^.*(?:[<>]|="[^"]*"?)')


def lost_subject(cue: Any, doc: Any, quote_end: int | None, span: tuple[int, int]) -> Any:
    """The speaker of a cue whose subject the parse lost: the name between the quote and the
    cue ("“...,” Flynn, a top surrogate, said"), or the speaker of the verb before it."""
    if quote_end is not None:
        found = source_between(doc, quote_end, cue.idx) or _inverted_object(cue, quote_end)
        if found is not None:
            return found
    if span[1] <= cue.idx:
        found = source_between(doc, span[1], cue.idx)
        if found is not None:
            return found
    fronted = _fronted_apposition(cue)
    if fronted is not None:
        return fronted
    if cue.tag_ in ("VBD", "VBZ", "VBP"):
        return _name_after(cue) or _name_before(cue) or _participle_subject(cue)
    return earlier_speaker(cue) if cue.tag_ in ("VBG", "VB") else None


def _inverted_object(cue: Any, quote_end: int) -> Any:
    """ "“...,” added a Harbour Democrat", "opined the Gazette": right after a quote, the
    speaker after the verb, which the parse made its object."""
    # Finite ("read" right after a quote is often tagged as a base form), not a participle:
    # "“...,” referencing the harbour" speaks for the subject before the quote.
    finite = cue.tag_ in ("VBD", "VBZ", "VBP", "VB") and not any(
        c.dep_ in ("aux", "auxpass") for c in cue.children
    )
    if text_of(cue.doc)[quote_end : cue.idx].strip(" ,") or not finite:
        return None
    if lemma(cue) not in SPEECH_VERBS | INVERTED_WRITING or lemma(cue) in ("tell", "ask"):
        return None  # "“Lilyhammer” follows a mobster"; "“...,” told the Gazette"
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "npadvmod", "attr")]
    # "said Dana Holm, asked about ...": the parse made the name the subject of the clause
    after += [
        c
        for clause in cue.children
        if clause.i > cue.i and clause.dep_ in ("ccomp", "advcl") and clause.tag_ == "VBD"
        for c in clause.children
        if c.dep_ == "nsubj" and c.i < clause.i
    ]
    after += _subject_set_off(cue)
    after = [c for c in after if c.left_edge.i == cue.i + 1]
    return after[0] if after and after[0].pos_ in ("NOUN", "PROPN", "PRON") else None


def _subject_set_off(cue: Any) -> list[Any]:
    """ "“The risk,” said Tad Holm, an economist, “is ...”", "said the woman, who did not want
    to be named": a speaker set off by a comma after the verb, whom the parse made the subject
    of the quote's second half (the verb's head) or of the clause after it."""
    doc = cue.doc
    verbs = [c for c in cue.children if c.i > cue.i and c.dep_ in ("ccomp", "advcl")]
    if cue.dep_ == "parataxis" and cue.head.i > cue.i:
        verbs.append(cue.head)
    found = []
    for verb in verbs:
        for c in verb.children:
            if (
                c.dep_ == "nsubj"
                and c.i < verb.i
                and c.i + 1 < len(doc)
                and doc[c.i + 1].text == ","
            ):
                found.append(c)
    return found


def _name_after(verb: Any) -> Any:
    """ "“...,” said Skelly": an unknown name ending in -ly, parsed as an adverb of the verb."""
    doc, k = verb.doc, verb.i + 1
    if k >= len(doc) or not doc[k].is_title or doc[k].head.i != verb.i:
        return None
    return doc[k] if doc[k].dep_ == "advmod" and doc[k].pos_ == "ADV" else None


def _participle_subject(verb: Any) -> Any:
    """ "Sen. Ida Marsh (D-ME), noting the cost, said": the parse made the speaker the subject
    of the participle set off before the verb."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i < verb.i:
            subject = next(
                (c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None
            )
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return subject
    return None


def _name_before(verb: Any) -> Any:
    """ "Saturday at the party convention Sen. Ida Marsh (D-ME) said ...": a finite verb the
    parse left without a subject, right after a person's name (and any party label), which the
    parse hung on a noun of the fronted phrase."""
    doc, k = verb.doc, verb.i - 1
    if k >= 0 and doc[k].text == ")":
        opening = next((j for j in range(k - 1, max(k - 6, -1), -1) if doc[j].text == "("), None)
        k = -1 if opening is None else opening - 1
    # A person only: without a comma the recogniser runs a paper and a name together ("the
    # board of the Harbour Times Okoye said": one organisation)
    if k < 0 or doc[k].pos_ != "PROPN" or doc[k].ent_type_ != "PERSON":
        return None
    return doc[k]


def _fronted_apposition(cue: Any) -> Any:
    """ "In a statement to the Gazette, her adviser, Tad Holm, said:", "Asked about the posters,
    Speaker Tad Holm said": the parser read the speaker as an apposition of a noun inside the
    fronted phrase. The outermost apposition set off by commas that ends right before the cue
    is the speaker."""
    doc = cue.doc
    prep = next((c for c in cue.children if c.dep_ in ("prep", "advcl") and c.i < cue.i), None)
    if prep is not None and prep.lower_ == "according":
        return None  # "According to the poll, majorities of voters say": the poll reports
    k = cue.i - 1
    while k >= 0 and doc[k].text in (",", ")"):
        k -= 1  # "..., Rep. Tad Holm (R-WI) said"
    if prep is None or k < 0 or k != max(t.i for t in prep.subtree if not t.is_punct):
        return None
    for token in prep.subtree:
        if (
            token.dep_ == "appos"
            and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].text == ","
        ):
            last = max(t.i for t in token.subtree if not t.is_punct)
            if last == k and token.pos_ in ("NOUN", "PROPN"):
                return _last_name(token)
    return None


def _last_name(phrase: Any, after: int = -1, stops: tuple[str, ...] = ("(",)) -> Any:
    """The name a phrase ends on, before any "(R-WI)" (or another of ``stops``) and after
    token ``after``: "Speaker of the House Rep. Tad Holm (R-WI)" is Tad Holm; the phrase's
    head when it names no one."""
    tokens = [t for t in phrase.subtree if t.i > after]
    stop = next((t.i for t in tokens if t.text in stops), len(phrase.doc))
    names = [t for t in tokens if t.i < stop and t.pos_ == "PROPN" and t.dep_ != "compound"]
    return names[-1] if names else phrase


def _subject(verb: Any, quoted: Sequence[QuotedSpan] = ()) -> Any:
    """The subject of ``verb``. "As well as new routes to the US, Mannion stated": with two
    subjects (a parse error), the name nearest before the verb speaks, else the one after a
    fronted participle phrase, else the first subject."""
    subjects = [
        c for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and not inside(c.idx, quoted)
    ]  # fmt: skip
    if not subjects:
        # "Most voters going to the polls on Tuesday said ...": the parse made the participle
        # phrase a clausal subject; its own subject speaks.
        clause = next(
            (c for c in verb.children if c.dep_ == "csubj" and c.tag_ in ("VBG", "VBN")), None
        )
        inner = (
            [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i] if clause else []
        )
        return inner[0] if inner else None
    # Of two names, the one nearer the verb: "in Dover, DE, after winning, Gov. Marsh said";
    # a pronoun too ("... made it possible for people with odd ideas to meet, she said").
    names = [
        c
        for c in subjects
        if c.i < verb.i and (c.pos_ == "PROPN" or c.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS)
    ]
    if len(subjects) > 1 and names:
        return _past_dateline(names[-1])
    # "Holding signs, the protesters chanted": a fronted participle phrase the parse made a
    # subject; the subject after the comma speaks.
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1 and any(t.tag_ == "VBG" for t in before[0].subtree):
        return _past_dateline(before[-1])
    return _past_dateline(subjects[0])


_DASHES = frozenset(["—", "–", "-", "--"])


def _past_dateline(subject: Any) -> Any:
    """ "DOVER (AP) — Harbour owner Ida Marsh said": the parse made the wire dateline the
    subject and the speaker its apposition; the speaker is the one after the dash."""
    sentence = subject.sent
    if subject.left_edge.i != sentence.start:
        return subject
    doc = subject.doc
    # A dash set off by spaces: "(AP) — ", not the hyphen of "(D-Md.)".
    dash = next(
        (t for t in subject.subtree if t.text in _DASHES and t.i > 0 and doc[t.i - 1].whitespace_),
        None,
    )
    if dash is None or dash.i < subject.i or dash.i > subject.left_edge.i + 8:
        return subject
    place = doc[sentence.start : dash.i]
    if not all(t.pos_ == "PROPN" or t.is_punct for t in place):
        return subject
    if not (place[0].text.isupper() or any(t.text == ")" for t in place)):
        return subject  # "Tad Holm — a teacher from Harbourtown — says": no dateline
    phrase = next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), None)
    if phrase is None:
        return subject
    # The name the phrase opens with: "Sen. X (R-Iowa)", "X, a teacher from Harbourtown".
    return _last_name(phrase, after=dash.i, stops=("(", ","))


def _agent(verb: Any) -> Any:
    """Who does what a passive says: "derided by critics"; not a time ("was expected by
    March 26", "by Friday")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return None if by is None or is_time(by) else by


def is_time(token: Any, *, months: bool = False) -> bool:
    """A date or time where a name could stand: "by Friday", "a report from March 3". "May"
    and "March" are months only before a day number ("criticised by May": a person), unless
    ``months`` (after a writing, "a report from March" is dated, not written by anyone)."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    if token.lower_ in ("may", "march") and not months:
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.like_num
    return token.lower_ in _TIME_WORDS


#: Words that make "by X" a deadline, not an agent: months, weekdays and a few others.
_TIME_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, "tomorrow", "tonight", "today", "noon", "midnight", "then", "now"]
)


def earlier_speaker(cue: Any) -> Any:
    """ "“...,” Sanders said, suggesting ..." and "she recalled thinking ...": a participle or
    infinitive whose subject the parse lost speaks for the subject of the speech verb before
    it in the sentence."""
    doc = cue.doc
    for k in range(cue.i - 1, cue.sent.start - 1, -1):
        verb = doc[k]
        if verb.pos_ == "VERB" and lemma(verb) in SPEECH_VERBS:
            subject = _subject(verb)
            if subject is not None and subject.dep_ == "nsubj":
                return subject
    return None


def char_span(tokens: Iterable[Any]) -> tuple[int, int] | None:
    """Character offsets from the first to the last token, edge punctuation left out."""
    ordered = sorted(tokens, key=lambda t: t.i)
    # A conjunction at an edge joins the span to words outside it ("his plan and | provided
    # details", "But | the council ..."): it belongs to neither.
    while ordered and (ordered[0].text in _EDGE_PUNCT or _joining(ordered[0])):
        ordered.pop(0)
    while ordered and (
        (ordered[-1].text in _EDGE_PUNCT and not _closes_bracket(ordered)) or _joining(ordered[-1])
    ):
        ordered.pop()
    if not ordered:
        return None
    return ordered[0].idx, ordered[-1].idx + len(ordered[-1].text)


def _joining(token: Any) -> bool:
    return bool(token.dep_ == "cc" and token.lower_ in ("and", "or", "but", "nor"))


def _closing_bracket(token: Any) -> bool:
    """The ")" of "Jason Chaffetz (R-Utah)": it closes a bracket opened in its head's phrase."""
    pair = {")": "(", "]": "["}.get(token.text)
    if pair is None:
        return False
    before = [t.text for t in token.doc[token.head.left_edge.i : token.i]]
    return before.count(pair) > before.count(token.text)


def _closes_bracket(ordered: list[Any]) -> bool:
    """ "Sen. Ted Cruz (R-Tex)": the last bracket closes one opened inside the span."""
    last = ordered[-1].text
    if last not in (")", "]"):
        return False
    opening = "(" if last == ")" else "["
    texts = [t.text for t in ordered]
    return texts.count(opening) == texts.count(last)


def inside(position: int, quoted: Sequence[QuotedSpan]) -> bool:
    """Is the character at ``position`` inside a quoted passage's words?"""
    return any(q.inner_start <= position < q.inner_end for q in quoted)


def source_between(doc: Any, start: int, end: int) -> Any:
    """The head of the noun phrase between a closing quote mark and its cue: "“...,” leading
    security expert Adrian Zenz said" when the parser folded the phrase into the quote."""
    tokens = [t for t in doc if start <= t.idx < end and not t.is_punct]
    heads = [t for t in tokens if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head not in tokens]
    people = [e for e in doc.ents if e.label_ == "PERSON" and start <= e.start_char < end]
    if people:
        return people[0].root
    names = [t for t in heads if t.pos_ == "PROPN"]
    if names:
        return names[0]
    if heads:
        return heads[-1]
    nouns = [t for t in tokens if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


def _reporting_verb(cue: Any) -> Any:
    """ "Holm said the council had no reason to wait, telling reporters that ...": the parse
    hung the participle on what Holm said; Holm does the telling, not the council. So too
    "Holm said it was too early but added, “...”", where "added" has no subject of its own."""
    clause = cue.head
    hung = (cue.dep_ == "advcl" and cue.tag_ == "VBG") or (
        cue.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    )
    if (
        hung
        and lemma(cue) in SPEECH_VERBS
        and clause.dep_ == "ccomp"
        and clause.head.i < clause.i < cue.i
        and lemma(clause.head) in SPEECH_VERBS
    ):
        return clause.head
    return cue


def subject_of(cue: Any, quoted: Sequence[QuotedSpan] = ()) -> Any:
    """The speaker of ``cue``: its subject (the agent of a passive), or its governor's."""
    if cue.dep_ == "compound" and cue.head.i > cue.i and cue.head.pos_ == "PROPN":
        return cue.head  # 'Said Ellis: “...”', parsed as a name "Said Ellis"
    by = _agent(cue)
    if by is not None:
        return by  # "tours derided by critics as ...": the critics
    if _verb_read_as_modifier(cue):
        return cue.head
    current = _reporting_verb(cue)
    for _ in range(6):
        child = _subject(current, quoted)
        if child is not None:
            if child.dep_ == "nsubjpass":
                by = _agent(current)
                if by is not None:
                    return by
                if current is cue:
                    return None  # "thousands are reported to have been sent": by whom is unsaid
            return child
        if current.dep_ in ("conj", "advcl", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        if _participle_as_verb(current):
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ in ("prep", "conj"):
            # "responded ... by saying that", "appeared ... for promoting X and for saying
            # that": the speaker of the verb the phrase hangs on.
            current = current.head
            while current.dep_ in ("prep", "conj") and current.head.i != current.i:
                current = current.head
                if current.pos_ in ("VERB", "AUX"):
                    break
            continue
        break
    return None


def _verb_read_as_modifier(verb: Any) -> bool:
    """ "Holm, the head of Harbour First, tweeted on Friday", "a man yelled “Stay there!”": the
    parse made the speaker the sentence's root and the verb a participle modifying it
    ("a man [who was] yelled"); with no other verb for the sentence, it is the speaker's."""
    head = verb.head
    if verb.tag_ == "VBN":
        # only after a closing comma: "a group, called the Harbour Fund" is naming
        after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
        if not after_comma or not any(c.dep_ == "appos" for c in head.children):
            return False
    return bool(
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.pos_ in ("PROPN", "NOUN")
        and head.i < verb.i
        # not a label: "Turnout: Okoye, whose ..., said ..."
        and not any(t.text == ":" for t in verb.doc[head.i : verb.i])
    )


def _participle_as_verb(verb: Any) -> bool:
    """ "Activists clamoring to block the plan say ...": the parse made the participle the
    sentence's verb, with the activists its subject, and hung "say" on it."""
    head = verb.head
    return bool(
        verb.dep_ == "dep"
        and head.i < verb.i
        and head.tag_ == "VBG"
        and head.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" and c.i < head.i for c in head.children)
    )


def _source_span(head: Any) -> tuple[int, int] | None:
    """The speaker's noun phrase as a name: no apposition, no possessive mark."""
    return char_span(_phrase_tokens(head, as_written=False))


def mention_span(head: Any, cue_start: int | None = None) -> tuple[int, int] | None:
    """The speaker as the sentence writes it: the noun phrase with its apposition ("Ida Holm,
    the head of research at the harbour authority,", closing comma included, as
    annotators mark it), without a date or a sentence adverb ("Even"), and without a relative
    clause unless it narrows the noun down before the cue at ``cue_start`` ("Voters who ...
    said")."""
    tokens = _phrase_tokens(head, as_written=True, clauses_before=cue_start)
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and not _past_verb(c)]
    if appos:
        doc = head.doc
        appos_end = appos[-1].right_edge.i
        have = {t.i for t in tokens}
        tokens += [t for t in doc[head.i : appos_end + 1] if t.i not in have]
        nxt = appos_end + 1
        if nxt < len(doc) and doc[nxt].text == ",":
            last = doc[nxt]
            # Not a closing quote mark the parser hung on the name ("“...,” Flynn, a ...").
            first = min((t for t in tokens if not t.is_punct), key=lambda t: t.i, default=head)
            return first.idx, last.idx + len(last.text)
    span = char_span(tokens)
    text = text_of(head.doc)
    if span is not None and "," in text[span[0] : span[1]] and text[span[1] : span[1] + 1] == ",":
        # "House Speaker Paul Ryan, R-Wis.,": a phrase with a comma inside is closed by one
        # (PolNeAR: 921 times in 1,027)
        span = (span[0], span[1] + 1)
    return span


def noun_read_as_verb(cue: Any) -> bool:
    """ "Officials said ..., claims that have not convinced sceptics": a verb in the third
    person singular without a subject of its own, joined to a verb whose subject is plural, is
    a noun the parse read as a verb."""
    if cue.tag_ != "VBZ" or cue.dep_ != "conj" or _subject(cue) is not None:
        return False
    shared = _subject(cue.head)
    if shared is None or shared.tag_ != "NNS" or shared.ent_type_:
        return False  # "Sanders wins, vows to press on": a name the tagger made plural
    return not shared.is_title or shared.i == shared.sent.start


def _past_verb(appos: Any) -> bool:
    """An apposition after the verb its noun is the subject of is a parse error ("Officials
    said that ... — claims that have not convinced sceptics"), not part of who speaks."""
    noun, verb = appos.head, appos.head.head
    return bool(noun.i < verb.i < appos.i)


#: Punctuation before a clause that makes it an aside about the speaker, not part of who it is.
_SETS_OFF = _DASHES | {",", "("}


def _phrase_tokens(head: Any, *, as_written: bool, clauses_before: int | None = None) -> list[Any]:
    """``head``'s subtree without what is not part of who speaks: a relative clause, a date
    ("Mike Pompeo on Tuesday"); for a name also an apposition and the possessive mark ("the
    union's"); as written, a sentence adverb or conjunction before it ("Even China").

    With ``clauses_before`` (a cue's first character), a clause that narrows the noun down and
    ends before the cue stays: "Voters who say the economy matters most", "a court filing
    released Thursday" are who speaks, as PolNeAR marks them; one set off by a comma or dash
    ("Reed, who ran the 1996 campaign,") is an aside, which annotators mostly leave out."""
    skip: set[int] = set()
    for child in head.children:
        after = child.i > head.i
        if as_written and child.dep_ == "appos" and after and not _past_verb(child):
            continue  # kept, with its closing comma (``mention_span``)
        temporal = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if (
            clauses_before is not None
            and after
            and child.dep_ in ("relcl", "acl")
            and child.right_edge.idx + len(child.right_edge.text) <= clauses_before
            and child.left_edge.i > head.i
            and child.doc[child.left_edge.i - 1].text not in _SETS_OFF
        ):
            continue  # "Voters who say ...", "a report filed Thursday": who speaks
        if (
            child.dep_ in ("relcl", "acl")
            or (child.dep_ == "appos" and after and _past_verb(child))
            or (child.dep_ == "compound" and child.pos_ == "VERB")  # the "Said" of "Said Ellis"
            or (not as_written and child.dep_ in ("appos", "case"))
            or (child.dep_ == "punct" and after and not _closing_bracket(child))
            or (after and child.dep_ in ("prep", "npadvmod") and temporal)
            or (as_written and not after and child.dep_ in ("advmod", "cc", "preconj"))
            # "accused by the mayor of hiding ...": what he is accused of, not who he is
            or (after and child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children))
            # "derided by critics as “staged” tours": what they call it, not who they are
            or (after and child.dep_ == "prep" and child.lower_ == "as")
            # "Ana Ruiz ... at a news conference in Orsk": where a named speaker spoke is not
            # part of the name ("Bank of England", "Minister for Health" keep theirs)
            or (
                not as_written
                and after
                and head.pos_ == "PROPN"
                and child.dep_ == "prep"
                and child.lower_ not in _NAME_PREPOSITIONS
            )
        ):
            skip |= {t.i for t in child.subtree}
    # "“That is fair,” Okoye, 69, told ...", "“...,” councilmember Ida Holm said": a quote the
    # parse hung on the speaker's name or on a word of it is no part of who speaks
    hung = [t for t in head.subtree if t.dep_ == "ccomp" and t.i < head.i]
    for clause in hung:
        skip |= {t.i for t in clause.subtree}
    tokens = [t for t in head.subtree if t.i not in skip]
    while hung and len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)  # the quote's marks and comma
    while len(tokens) > 1 and tokens[-1].dep_ == "cc":
        tokens.pop()  # "relatives of others and": a conjunction the parse left without a partner
    return tokens


#: Prepositions that belong to a name ("Bank of England", "Minister for Health").
_NAME_PREPOSITIONS = frozenset(["of", "for"])


def name_run(head: Any) -> list[Any]:
    """The proper-name run the head belongs to ("Mike Pompeo" in "Secretary Mike Pompeo")."""
    if head.pos_ != "PROPN":
        return []
    tokens = [head]
    left = head.i - 1
    doc = head.doc
    while left >= 0:
        token = doc[left]
        hyphenated = infix_joiner(doc[left + 1])  # "Jean" in "Jean-Claude Juncker"
        if (token.pos_ == "PROPN" and (token.head.i in (head.i, left + 1) or hyphenated)) or (
            infix_joiner(token) and left > 0 and doc[left - 1].pos_ == "PROPN"
        ):
            tokens.insert(0, token)
        else:
            break
        left -= 1
    if head.ent_type_ == "PERSON":
        tokens = [t for t in tokens if t.ent_type_ == "PERSON"] or tokens
    return without_titles([t for t in tokens if t.lower_.rstrip(".") not in HONORIFICS])


def without_titles(tokens: list[Any]) -> list[Any]:
    """ "Spokeswoman Lena Kovac" with the title tagged as part of the name: the title is a
    role, not the name (taken off while two words are left: "General Motors" stays whole)."""
    tokens = list(tokens)
    while len(tokens) > 1 and (tokens[0].pos_ == "VERB" or tokens[0].lower_ in INVERTED_CUES):
        tokens.pop(0)  # 'Said Ellis: “...”' tagged as one name
    while len(tokens) > 2 and tokens[0].lower_ in PERSON_ROLE_WORDS:
        tokens.pop(0)
    return tokens


def agent_unsaid(cue: Any) -> bool:
    """ "Asked about the fire, ...", "a group, called the Harbour Fund" and "Quiros was
    accused of ...": a participle or passive whose agent the sentence does not name."""
    deps = {c.dep_ for c in cue.children}
    if cue.tag_ != "VBN" or "agent" in deps or _verb_read_as_modifier(cue):
        return False
    if cue.dep_ in ("advcl", "acl") and not deps & {"aux", "auxpass", "nsubj", "nsubjpass"}:
        return True
    # "Quiros was accused of fraud", "peacekeepers have been blamed for ...": by whom, unsaid.
    return "auxpass" in deps and "nsubjpass" in deps


def infix_joiner(token: Any) -> bool:
    """The hyphen inside "Ki-moon" or "Jean-Claude", the "/" of "AFL/CIO" and the "&" of
    "AT&T": no space on either side."""
    doc = token.doc
    return (
        token.text in ("-", "‐", "/", "&")
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
    )


def name_text(tokens: list[Any]) -> str:
    """A name as written ("Ban Ki-moon", not "Ban Ki - moon"), without markup glued to it by a
    careless scrape ('tweet_id="77">Sanders')."""
    parts: list[str] = []
    for k, token in enumerate(tokens):
        text = _MARKUP.sub("", token.text)
        if not text:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        joined = nxt is not None and nxt.i == token.i + 1 and not token.whitespace_
        parts.append(text if joined or nxt is None else text + " ")
    return "".join(parts).strip()


def role_of(head: Any, name_tokens: list[Any]) -> str | None:
    """Title words before the name: "U.S. Secretary of State" in "U.S. Secretary of State Mike
    Pompeo"; an apposition after it: "the secretary of state" in "Pompeo, the secretary"."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return phrase_text(child)
    if not name_tokens:
        return None
    first = name_tokens[0].i
    title = [
        t for t in head.subtree
        if t.i < first and t.dep_ not in ("det", "poss", "case", "punct") and not t.is_punct
    ]  # fmt: skip
    words = [t.text for t in title if t.lower_.rstrip(".") not in HONORIFICS]
    return " ".join(words) or None


def personal_name(name_tokens: list[Any]) -> bool:
    """Two or more capitalised words, none of an office or a body: "Ana Ruiz", not "US
    Secretary" or "Foreign Ministry" (for names the entity tagger missed)."""
    words = {t.lower_.rstrip(".") for t in name_tokens}
    return (
        len(name_tokens) >= 2
        and not words & (TITLE_WORDS | ORG_NOUNS)
        and all(t.text[:1].isupper() for t in name_tokens)
    )


def affiliation(head: Any, name_tokens: list[Any]) -> str | None:
    """The body a named person speaks for, after the name: "Monitor Watch" in "Ana Ruiz of
    Monitor Watch" (or "from", "at"), when the name is a name and not an office ("Secretary
    of State", "Bank of England")."""
    if not personal_name(name_tokens) or head.i != name_tokens[-1].i:
        return None
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in ("of", "from", "at"):
            continue
        body = next((c for c in child.children if c.dep_ == "pobj"), None)
        if body is not None and (body.pos_ == "PROPN" or body.ent_type_ in ("ORG", "GPE")):
            return phrase_text(body)
    return None


def phrase_text(head: Any) -> str:
    """The speaker's phrase as a name: the run of words around the head that nothing was
    cut out of (an apposition cut from "Ana Ruiz, the director, at ..." ends it)."""
    kept = {t.i for t in _phrase_tokens(head, as_written=False)}
    start = end = head.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    span = char_span(head.doc[start : end + 1])
    if span is None:
        return str(head.text)
    text = _MARKUP.sub("", text_of(head.doc)[span[0] : span[1]]).strip() or str(head.text)
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
