"""Who said what in one article: quotes, their cues and their speakers.

Per paragraph (parsed only when it holds a cue word or a quote mark):

1. every cue gives an attribution: a verb the learned filter keeps ("said", "told", "called
   for", "attacked", ...; ``cuemodel``), "according to", or a claim noun with its owner ("the
   union's claim that ..."). Its subject (or agent) is the source; the content is its clausal
   complement, else the verb phrase from its first object ("called the plan “reckless”"), else
   the clause a parenthetical cue hangs on ("X is bad, he said"), else a quoted passage next
   to it ("“...,” he said", "he said: “...”"). With the attribution vetter (``vetting``), verbs
   the filter scores lower give attributions too, and every indirect one of a scored verb is
   kept or dropped by the vetter, which sees the whole finding: its subject, whether a clause
   follows ("the poll indicates a tight race" against "the group backed the bill");
2. content that lies inside quote marks is ``direct`` (the whole quoted passage is taken), content
   that contains a quoted fragment is ``mixed``, the rest ``indirect``;
3. quoted passages no cue claimed are *floating*: in a paragraph of their own, or right after an
   attributed quote, they continue the last speaker; a short one inside a sentence is a scare
   quote or coined term ("vocational training centres"), recorded as a term, not a statement;
4. a learned sequence tagger (``tagger``) then reads the paragraph for the long tail of
   attributions no rule builds ("her support for the bill", "criticism of the plan"); what it
   tags with a source, outside quote marks and clear of everything found so far, is kept; and
   where it is sure the rules' reported clause ends sooner or later, the clause takes its bounds.

Speakers are resolved within the article: names to the fullest form the article uses ("Pompeo" →
"Mike Pompeo"), titles and appositions to roles ("U.S. Secretary of State"), pronouns and
nominal mentions ("he", "the secretary of state") to the last matching speaker, relative "who" to
its antecedent; unnamed sources ("a senior State Department official") are kept as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..dates.lexicon import WEEKDAYS
from . import cuemodel, tagger, vetting
from .lexicon import (
    ADDRESSEE_VERBS,
    CHANNELS,
    CLAUSE_ONLY,
    CUE_ADVERBS,
    CUE_HINT,
    DOCUMENT_NOUNS,
    DONE_BY_THE_CLAUSE,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    INVERTED_CUES,
    LABEL_BREAKS,
    NAMING_VERBS,
    NOT_LABELS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_WORDS,
    RELATIVE_PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    THAT_VERBS,
    THING_NOUNS,
    WRITINGS,
)
from .marks import INVISIBLE, QuotedSpan, find_quoted
from .mentions import (
    affiliation,
    agent_unsaid,
    char_span,
    infix_joiner,
    inside,
    is_time,
    lost_subject,
    mention_span,
    name_run,
    name_text,
    noun_read_as_verb,
    personal_name,
    phrase_text,
    role_of,
    source_between,
    subject_of,
    without_titles,
)
from .model import Quote, Span, Term
from .nested import outermost
from .nlp import entity_recogniser, lemma, load_english, text_of

_PARAGRAPH = re.compile(r"[^\n]+")
_TOPIC_PREPS = frozenset(["about", "for", "against", "on", "of", "over"])
#: Verbs whose subject is what the sentence is about, not someone who holds or says it: with a
#: complement, the outlet's own reading ("the plan seems to have stalled", ``_seeming``).
_RAISING = frozenset(["seem", "appear"])
#: Words that open an adverbial clause without a "mark" in the parse: "told parliament when
#: he returned" reports nothing.
_ADVERBIAL_WORDS = frozenset(["when", "where", "while", "whenever", "wherever", "how", "why"])
#: An article or possessive before a role: "Its chairwoman" is the chairwoman.
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|our)\s+", re.IGNORECASE)
_IMPERSONAL = frozenset(["it", "this", "that", "there", "what", "which"])
_COLON_END = re.compile(r"[^.!?\n]{0,60}:\s*$")
_DASH_SOURCE = re.compile(
    r"\s*(?P<dash>[―—–]|--)\s*(?P<name>[A-Z](?:[^.!?“”\"]|\.(?=\s+\w)){1,120}?)\s*\.?\s*$"
)  # "“...” ― Oscar P. Quintero": initials inside the name
#: "- Dana Holm, after the vote." on a line of its own; not a subhead ("– Old hands –.").
_DASH_LINE = re.compile(
    r"\s*(?P<dash>[-―—–~]|--)\s*(?P<name>[A-Z](?:[^.!?“”\"―—–-]|\.(?=\s+\w)){1,120}?)\s*\.?\s*$"
)
#: "PENCE: Well, look, ..." (a transcript) and "Trump: ‘I’m the worst thing …’" (a headline):
#: a speaker label, a short capitalised name and a colon, opening the paragraph.
_LABEL = re.compile(
    r"[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3})[ ]?(?P<colon>:)[ \t]+(?=\S)"
)
#: "POLLS WERE TOO EARLY - Dana Holm: “...”", "More from Holm: “...”", "From the report: “...”",
#: "Here's Marsh in May 2019: “...”", "Rep. Tad Holm (R-H.B.): “...”": a digest names whose words
#: it quotes before a colon.
_COLON_SOURCE = re.compile(
    r"(?:\b(?:[Mm]ore from|From|Here[’']s|Here is)\s+|\s[-–—]\s*|^)"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|and|&))*"
    r"|(?P<document>[Tt]he (?:report|study|survey|poll|memo|statement|letter|analysis|authors?"
    r"|researchers)))"
    r"(?:\s+in\s+\w+(?:\s+\d{4})?)?(?:\s*\([A-Z][\w.-]*\))?\s*(?P<colon>:)\s*$"
)
_SINGLE_QUOTED = re.compile(r"[‘'](?P<words>.+)[’']\W*")
_NOT_SPEAKER_ENTITIES = frozenset(["GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"])
#: Quoted passages of at most this many words inside a sentence are terms, not statements.
TERM_MAX_WORDS = 4
NAMING_MAX_WORDS = 3  # a label; "the worst in a generation" is a claim
_ENT_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}


def _person_role(role: str | None) -> bool:
    """Does a role name what a person is ("Spokeswoman", "Automotive analyst")?"""
    words = set(re.findall(r"[a-z]+", (role or "").lower()))
    return bool(words & PERSON_ROLE_WORDS)


@dataclass
class _Speaker:
    name: str
    kind: str
    role: str | None = None


@dataclass(frozen=True)
class _Reading:
    """The sequence tagger's reading of one paragraph: its attributions, and the probability
    that a token is content (valid until the tagger reads another paragraph)."""

    found: list[tagger.Tagged]
    content_probability: Callable[[int], float]


@dataclass
class _ArticleState:
    """What earlier paragraphs of the same article tell about later ones."""

    names: dict[str, str] = field(default_factory=dict)  # surname (lower) -> full name
    person_roles: dict[str, str] = field(default_factory=dict)  # full name -> first role seen
    last: _Speaker | None = None
    last_person: _Speaker | None = None
    #: The last person named in full, speaking or not ("GM named Mary Barra ... She said"): a
    #: "she" before any person has spoken stands for her.
    named_person: _Speaker | None = None
    last_group: _Speaker | None = None
    last_plural: _Speaker | None = None
    roles: list[_Speaker] = field(default_factory=list)
    recent: list[_Speaker] = field(default_factory=list)  # the last speakers, newest last
    last_quote_paragraph: int = -10
    last_quote: Quote | None = None  # the last quote with a cue: floating quotes continue it
    pending: tuple[Span, Span | None, _Speaker | None] | None = None  # "X said:" + ¶ quote
    pending_paragraph: int = -10
    paragraph: int = 0
    last_quote_index: int | None = None
    #: A paragraph that is only a quote, with no cue: (paragraph, its content, the index of the
    #: floating quote made of it, if any). A "- Name." line after it names the speaker.
    standalone: tuple[int, Span, int | None] | None = None


class QuoteExtractor:
    """Find attributions in articles. ``extract_many`` batches the spaCy work."""

    def __init__(self, nlp: Any = None, *, batch_size: int = 64) -> None:
        self.nlp = nlp if nlp is not None else load_english()
        self.entities = entity_recogniser(self.nlp)
        self.batch_size = batch_size

    def extract(self, text: str) -> list[Quote]:
        return self.extract_many([text])[0]

    def extract_many(self, texts: Sequence[str]) -> list[list[Quote]]:
        return [quotes for quotes, _ in self.extract_with_terms(texts)]

    def extract_with_terms(self, texts: Sequence[str]) -> list[tuple[list[Quote], list[Term]]]:
        paragraphs = [list(_paragraphs(text)) for text in texts]
        wanted = [
            (para, (i, j))
            for i, paras in enumerate(paragraphs)
            for j, para in enumerate(paras)
            if CUE_HINT.search(para[1])
            or _LABEL.match(para[1])
            or _DASH_LINE.match(para[1])
            # a live blog entry's opening names who its "he" is ("Dana Holm is keeping up ...")
            or (j > 0 and _ENTRY_BREAK.fullmatch(paras[j - 1][1].strip()))
        ]
        parsed: dict[tuple[int, int], Any] = {}
        texts_only = ((para[1], key) for para, key in wanted)
        for doc, key in self.nlp.pipe(texts_only, as_tuples=True, batch_size=self.batch_size):
            parsed[key] = doc
        if self.entities is not None:
            self._recognise_entities(parsed)
        results = []
        for i, paras in enumerate(paragraphs):
            article = _Article()
            for j, (offset, paragraph) in enumerate(paras):
                doc = parsed.get((i, j))
                if doc is not None:
                    follows = j + 1 < len(paras) and _opens_a_quote(paras[j + 1][1])
                    article.paragraph(j, offset, doc, quote_follows=follows)
                elif _ENTRY_BREAK.fullmatch(paragraph.strip()):
                    article.new_entry()
            article.finish()
            results.append((article.quotes, article.terms))
        return results

    def _recognise_entities(self, parsed: dict[tuple[int, int], Any]) -> None:
        """Entities (names, kinds of speaker, dates) only around the words that can start one,
        in the sentences where an attribution may be or a full name is introduced: the
        recogniser has its own encoder and would cost more than the parse if it read
        everything."""
        pieces = [
            (key, window)
            for key, doc in parsed.items()
            for window in _entity_windows(doc, _entity_sentences(doc))
        ]
        found: dict[tuple[int, int], list[Any]] = {}
        copies = (window.as_doc() for _, window in pieces)
        for (key, window), copy in zip(
            pieces, self.entities.pipe(copies, batch_size=self.batch_size), strict=True
        ):
            doc, start = parsed[key], window.start_char
            for ent in copy.ents:
                words = _inner_words(ent)
                if words is None:
                    continue
                span = doc.char_span(start + words[0], start + words[1], ent.label_)
                if span is not None:
                    found.setdefault(key, []).append(span)
        for key, spans in found.items():
            parsed[key].set_ents(spans)


def _inner_words(ent: Any) -> tuple[int, int] | None:
    """An entity's characters without the punctuation or adverb the recogniser sometimes
    takes in at the edge of a short stretch ("”― Carla Sanchez" after a quote, "Certainly
    Donald Trump" at a paragraph's start)."""
    words = list(ent)
    while words and _not_in_name(words[0]):
        words.pop(0)
    while words and _not_in_name(words[-1]):
        words.pop()
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _not_in_name(token: Any) -> bool:
    return bool(token.is_punct or token.is_space or token.pos_ == "ADV")


#: Words read around each word that may begin or end an entity. The recogniser's encoder sees
#: four words either side of a token, so inside such a window it mostly gives the labels it
#: gives reading the whole paragraph (98.5% of the tokens of the first 150 PolNeAR training
#: articles; most of the rest are amounts, which no attribution uses) for 40% fewer tokens.
ENTITY_CONTEXT = 4


def _entity_windows(doc: Any, sentences: list[Any]) -> list[Any]:
    """The stretches of a paragraph around the proper names, years and date words of the
    given sentences, merged where they touch. They reach over sentence ends, as the recogniser
    does when it reads the whole paragraph ("... was safe. Marchetti added": a person)."""
    windows: list[list[int]] = []
    for token in (t for sentence in sentences for t in sentence):
        if not _entity_seed(token):
            continue
        start = max(0, token.i - ENTITY_CONTEXT)
        end = min(len(doc), token.i + ENTITY_CONTEXT + 1)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [doc[start:end] for start, end in windows]


def _entity_seed(token: Any) -> bool:
    # Numbers only as years ("in 2015" is a date, not part of a speaker or content): amounts
    # are never speakers
    return (
        token.pos_ == "PROPN"
        or (token.is_title and token.pos_ == "NOUN")  # "Republicans", tagged as a noun
        or token.lower_ in _ENTITY_TIME_WORDS
        or token.shape_ == "dddd"
    )


#: Common nouns and adverbs the recogniser reads as dates or times ("last week", "yesterday").
_ENTITY_TIME_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as words)
        "today tonight tomorrow yesterday morning afternoon evening night weekend day days week "
        "weeks month months year years decade decades ago earlier later hour hours minutes "
        "century season"
    ).split()
)


#: A paragraph that separates the entries of a live blog: a rule or a time of day.
_ENTRY_BREAK = re.compile(r"_{3,}\.?|\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?")

#: News paragraphs are short (the longest of PolNeAR's 19,291 has 2,573 characters). A longer
#: "paragraph" is a page scraped without line breaks: it is parsed in pieces of about this size,
#: cut after a sentence, so one input cannot make a worker parse a megabyte at once.
PARAGRAPH_PIECE = 5_000
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+")


#: Scraped pages are full of no-break and thin spaces ("“...,”&nbsp;Holm said"). spaCy keeps
#: such a space as a token of its own, which parts a quote from its cue; each becomes a plain
#: space, one character for one, so offsets into the article stay right.
_SPACES = str.maketrans(
    dict.fromkeys(
        ["\xa0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000"], " "
    )
)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    for match in _PARAGRAPH.finditer(text):
        if match.group().strip():
            yield from _pieces(match.start(), match.group().translate(_SPACES))


def _pieces(offset: int, paragraph: str) -> Iterator[tuple[int, str]]:
    while len(paragraph) > PARAGRAPH_PIECE:
        ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, PARAGRAPH_PIECE)]
        cut = ends[-1] if ends else paragraph.rfind(" ", 0, PARAGRAPH_PIECE) + 1
        if cut <= 0:
            cut = PARAGRAPH_PIECE
        yield offset, paragraph[:cut]
        offset, paragraph = offset + cut, paragraph[cut:]
    if paragraph.strip():
        yield offset, paragraph


class _Article:
    def __init__(self) -> None:
        self.state = _ArticleState()
        self._held: list[_Speaker] | None = None  # speakers of an attribution being vetted
        self.quotes: list[Quote] = []
        self.terms: list[Term] = []

    def paragraph(self, number: int, offset: int, doc: Any, *, quote_follows: bool = False) -> None:
        """Read one paragraph; ``quote_follows``: the next one opens with a quote mark."""
        text = text_of(doc)
        if self.state.pending is not None and self.state.pending_paragraph != number - 1:
            self.state.pending = None  # "X said:" only introduces the very next paragraph
        self.state.paragraph = number
        self._learn_names(doc)
        if self._signed(number, offset, doc):
            return
        quoted = _quoted_passages(text, quote_follows)
        claimed: set[int] = set()
        found: list[Quote] = []
        probabilities = _cue_probabilities(doc, quoted)
        cues, scores = _cues(doc, quoted, probabilities)
        label = self._label(doc, quoted, claimed, offset)
        if label is not None:
            found.append(label)
        named = self._named_before_colons(doc, quoted, claimed, offset)
        found += named
        # "according to X" last, so the verb it wraps claims its quote marks first. Both stay:
        # "“...,” Holm said, according to the Gazette" is Holm's words, and the Gazette's
        # report that Holm said them. (A reported clause inside the report, "Holm said he
        # would ..., according to the Gazette", goes at the article's end: ``nested``.)
        cues.sort(key=lambda t: t.lower_ == "according")
        for token in cues:
            quote = self._vetted(token, scores, doc, quoted, claimed, offset)
            if quote is None:
                continue
            if any(_overlap(quote, other) for other in named):
                continue  # "EARLY - Dana Holm: “...”" is Holm's, whatever verb the parse sees
            found.append(quote)
        found = _tightest(found)
        read = self._read(doc, quoted, probabilities, offset)
        if read is not None:
            found = [_refitted(quote, read, doc, quoted, offset) for quote in found]
            found += self._tagged(doc, quoted, claimed, probabilities, found, read, offset)
        pending: list[tuple[int, Quote | int]] = [(q.content.start, q) for q in found]
        pending += [(offset + p.start, k) for k, p in enumerate(quoted) if k not in claimed]
        said: list[Quote] = []
        for _, item in sorted(pending, key=lambda pair: pair[0]):
            quote = (
                item
                if isinstance(item, Quote)
                else self._unclaimed(quoted[item], text, doc, offset, number, said)
            )
            if quote is None:
                continue
            self.quotes.append(quote)
            if quote.speaker_kind == "writer":
                continue  # the outlet's own voice: no quote goes on with it
            said.append(quote)
            if quote.cue is not None and not _aside_of(quote, said[:-1], text, offset):
                self.state.last_quote = quote
                self.state.last_quote_index = len(self.quotes) - 1
        if said:
            self.state.last_quote_paragraph = number

    def _signed(self, number: int, offset: int, doc: Any) -> bool:
        """ "“...”" then "- Dana Holm, after the vote.": a line naming who said the quote
        that makes up the paragraph before it (a digest's or a fact-check's format)."""
        standalone, self.state.standalone = self.state.standalone, None
        text = text_of(doc)
        line = _DASH_LINE.match(text)
        if line is None or standalone is None or standalone[0] != number - 1:
            return False
        comma = text.find(",", line.start("name"), line.end("name"))  # "Okoye, after the vote"
        head = source_between(doc, line.start("name"), line.end("name") if comma < 0 else comma)
        if head is None or head.ent_type_ in _NOT_SPEAKER_ENTITIES:
            return False
        content, index = standalone[1], standalone[2]
        # The cue and source are this line's; the content is the paragraph before's, so the
        # quote is made with an empty content and given the quote's after.
        quote = self._said(doc, (0, 0), "direct", line.span("dash"), line.span("name"),
                           self._resolve(head), offset)  # fmt: skip
        # spaCy keeps a hyphen glued to the name ("-Dana"): the name is without it.
        name = quote.speaker.lstrip("-~ ") if quote.speaker else None
        quote = replace(quote, content=content, speaker=name)
        if index is None:
            self.quotes.append(quote)
        else:
            self.quotes[index] = quote
        return True

    def _vetted(
        self,
        cue: Any,
        scores: dict[int, float],
        doc: Any,
        quoted: list[QuotedSpan],
        claimed: set[int],
        offset: int,
    ) -> Quote | None:
        """The attribution of ``cue`` if it is kept: by the cue filter alone, or for an
        indirect one of a scored verb, by the vetter. One that is dropped leaves no trace (no
        quote marks claimed, no speaker remembered for later pronouns, no "X said:" pending)."""
        if cue.i not in scores:
            return self._attribution(cue, doc, quoted, claimed, offset)
        model, vetter = cuemodel.current(), vetting.current()
        assert model is not None
        trial = set(claimed)
        held: list[_Speaker] = []
        pending = (self.state.pending, self.state.pending_paragraph)
        self._held = held
        try:
            quote = self._attribution(cue, doc, quoted, trial, offset)
        finally:
            self._held = None
        above = scores[cue.i] >= model.threshold
        if quote is not None and vetter is not None and quote.kind == "indirect":
            found = vetting.features(cue, quote, scores[cue.i], offset)
            if vetting.recorded is not None:
                vetting.recorded.append((found, quote))
            keep = vetter.probability(found) >= vetter.threshold
        else:
            keep = above
        if not above:
            self.state.pending, self.state.pending_paragraph = pending
        if quote is None or not keep:
            return None
        claimed |= trial
        for speaker in held:
            self._remember(speaker)
        return quote

    # -- attributions ------------------------------------------------------------------------
    def _expect_next_paragraph(
        self, cue: Any, cue_extra: list[Any], quoted: list[QuotedSpan], offset: int
    ) -> None:
        """ "Caddell continued:" — the quote is the next paragraph."""
        subject = subject_of(cue, quoted)
        speaker = self._resolve(subject) if subject is not None else None
        source = mention_span(subject) if subject is not None else None
        self.state.pending_paragraph = self.state.paragraph
        cue_start, cue_end = _cue_tokens(cue, cue_extra)
        text = text_of(cue.doc)
        self.state.pending = (
            Span(offset + cue_start, offset + cue_end, text[cue_start:cue_end]),
            Span(offset + source[0], offset + source[1], text[source[0] : source[1]])
            if source else None,
            speaker,
        )  # fmt: skip

    def _attribution(
        self, cue: Any, doc: Any, quoted: list[QuotedSpan], claimed: set[int], offset: int
    ) -> Quote | None:
        if cue.lower_ == "according":
            return self._according_to(cue, doc, quoted, claimed, offset)
        if cue.pos_ == "NOUN":
            # "the mayor's claim that the harbour has never flooded"
            owner = next(c for c in cue.children if c.dep_ == "poss")
            clause = next(c for c in cue.children if _that_clause(c))
            span = char_span(clause.subtree)
            if span is None:
                return None
            span, kind = _classify(span, quoted, claimed, text_of(doc))
            return self._quote(doc, span, kind, (cue.idx, cue.idx + len(cue.text)), owner, offset)
        if noun_read_as_verb(cue):
            return None
        content, cue_extra = _content_tokens(cue)
        writing = _writing_before_colon(cue)
        if writing:
            # "released the following statement:": the statement is what follows the colon
            content, cue_extra = [], writing
        span = char_span(content) if content else None if writing else _unsaid_by_whom(cue)
        # "X is expected to ...": expected by whom, the sentence does not say
        voiced = span is not None and not content
        k, span, cue_extra = _quote_instead(cue, doc, quoted, span, cue_extra)
        if span is None and k is None:
            k = _quote_before_speaker(cue, quoted)
        if span is None and k is None:
            if writing or _COLON_END.match(text_of(doc), cue.idx + len(cue.text)):
                self._expect_next_paragraph(cue, cue_extra, quoted, offset)
            return None
        if span is None and lemma(cue) in CLAUSE_ONLY:
            return None
        if k is not None:
            passage = quoted[k]
            span = (passage.inner_start, passage.inner_end)
        assert span is not None
        subject = subject_of(cue, quoted)
        if subject is None and k is None:
            # "“...,” leading security expert Adrian Zenz said": the parser folded the speaker
            # into the content; a quote closing before the cue in this sentence is the content.
            k = _quote_before(cue, quoted, text_of(doc))
            if k is not None:
                span = (quoted[k].inner_start, quoted[k].inner_end)
        seeming = k is None and _seeming(cue, subject)
        if seeming:
            # "Holm appeared to step on her own momentum": the writer's reading, nobody's
            # words; the subject is part of the claim (PolNeAR marks it so, with no source).
            span = (subject.left_edge.idx, max(span[1], cue.idx + len(cue.text)))
            subject = None
        span, kind = _classify(span, quoted, claimed, text_of(doc))
        if subject is None and not seeming:
            before = quoted[k].end if k is not None and quoted[k].end <= cue.idx else None
            subject = lost_subject(cue, doc, before, span)
        if lemma(cue) in _RAISING and subject is not None and cue.i > subject.i:
            subject = None  # a subject the parse lost or found after the verb: nobody speaks
        unnamed = seeming or agent_unsaid(cue)
        if unnamed:
            subject = None  # "Asked about the fire, the mayor said ...": who asked is not said
        if subject is None and not unnamed:
            # "a statement condemning Beijing": a claim nobody is said to make. Quoted words
            # too: a speaker the parse lost is wrong far more often than not, where it is
            # guessed ("the ad, titled “Unifier?”", "citing ... “reveries about ...”").
            return None
        if subject is not None and kind == "indirect" and lemma(subject) in THING_NOUNS:
            # "The crash sent the market tumbling", "the plane promises lower fuel costs":
            # nobody takes a position, whatever the verb
            return None
        naming = lemma(cue) in NAMING_VERBS or lemma(cue) in STANCE_VERBS
        if kind != "indirect" and naming and self._only_a_term(cue, subject, span, quoted, offset):
            return None
        quote = self._quote(doc, span, kind, _cue_tokens(cue, cue_extra), subject, offset)
        if seeming or (voiced and k is None):
            # The outlet's own reading or forecast: kept as an attribution (PolNeAR and PARC
            # count them, with no source), told apart so it is no one's statement.
            return replace(quote, speaker_kind="writer")
        return quote

    def _read(
        self, doc: Any, quoted: list[QuotedSpan], probabilities: dict[int, float], offset: int
    ) -> _Reading | None:
        """The sequence tagger's reading of the paragraph (``tagger``), None without a model."""
        model = tagger.current()
        if model is None and tagger.recorded is None:
            return None
        rows = tagger.features(doc, quoted, probabilities)
        if tagger.recorded is not None:
            tagger.recorded.append((rows, [(offset + t.idx, offset + t.idx + len(t)) for t in doc]))
        if model is None:
            return None
        found = tagger.decode(model.tag(rows))
        return _Reading(found, model.content_probability)

    def _tagged(
        self,
        doc: Any,
        quoted: list[QuotedSpan],
        claimed: set[int],
        probabilities: dict[int, float],
        found: list[Quote],
        read: _Reading,
        offset: int,
    ) -> list[Quote]:
        """What the sequence tagger finds that the rules did not: attributions with a source,
        overlapping none already found nor quote marks another attribution claimed."""
        text = text_of(doc)
        taken = [(q.content.start - offset, q.content.end - offset) for q in found]
        # The rules' speakers are remembered already; one the tagger finds before them in the
        # paragraph must not become the "he" of what follows.
        latest = max((start for start, _ in taken), default=-1)
        more: list[Quote] = []
        for tagged in read.found:
            if tagged.source is None:
                continue
            start = doc[tagged.content[0][0]].idx
            last = doc[tagged.content[-1][1] - 1]
            span = (start, last.idx + len(last.text))
            if (
                not text[span[0] : span[1]].strip()
                or any(a < span[1] and span[0] < b for a, b in taken)
                or any(
                    k in claimed
                    for k, q in enumerate(quoted)
                    if q.start < span[1] and span[0] < q.end
                )
            ):
                continue
            subject = _head_of(doc[tagged.source[0] : tagged.source[1]])
            cue = doc[tagged.cue[0] : tagged.cue[1]]
            # Quoted words no rule claimed are the tagger's to take, "Holm sees the plan as
            # a “fix”" (mixed) or a whole quote its cue holds, when the cue filter believes in
            # its cue and it is no naming verb's (on 100 held-out training articles: 0.7672 ->
            # 0.7680; with any cue 0.7695, but that took a coined term of the seeds into a
            # sentence no one says). A kept attribution claims them, so they do not float on
            # to the last speaker too.
            trial: set[int] = set()
            span, kind = _classify(span, quoted, trial, text)
            if kind != "indirect" and (
                not _likely_cue(tagged.cue, probabilities)
                # "which the ministry calls “...”": the rules decide a name's terms
                or any(lemma(t) in NAMING_VERBS for t in cue)
            ):
                continue  # "... before they are offered “skills” lessons": no one speaks
            held: list[_Speaker] = []
            self._held = held  # remembered for later pronouns only if kept
            try:
                cue_span = (cue.start_char, cue.end_char)
                quote = self._quote(doc, span, kind, cue_span, subject, offset)
            finally:
                self._held = None
            if not _can_hold_a_view(subject, quote):
                continue
            claimed |= trial
            for speaker in held if span[0] > latest else ():
                self._remember(speaker)
            more.append(quote)
            taken.append(span)
        return more

    def _only_a_term(
        self, cue: Any, subject: Any, span: tuple[int, int], quoted: list[QuotedSpan], offset: int
    ) -> bool:
        """Short quoted labels a naming verb governs are terms, with who uses them ("which it
        calls “vocational training centres”"). Is that all the attribution holds? Not when
        words are left ("Holm described Marsh as a “disgrace”": a claim about Marsh), nor
        when the verb says what its subject thinks of something ("Holm called it “absurd”",
        "called Marsh “unhinged”"), unlike naming inside a phrase ("a website called “...”",
        "what Holm calls “...”")."""
        text = text_of(cue.doc)
        labels = [q for q in quoted if span[0] <= q.start and q.end <= span[1] + 1] or [
            q for q in quoted if q.inner_start == span[0]
        ]
        short = all(
            len(text[q.inner_start : q.inner_end].split()) <= NAMING_MAX_WORDS for q in labels
        )
        if not labels or not short:
            return False
        speaker = self._resolve(subject) if subject is not None else None
        for q in labels:
            label = _span(text, (q.inner_start, q.inner_end), offset)
            assert label is not None
            self.terms.append(Term(label, speaker.name if speaker else None))
        rest = "".join(
            char if not any(q.start <= i < q.end for q in labels) else " "
            for i, char in enumerate(text[span[0] : span[1]], start=span[0])
        )
        words = [w.lower() for w in re.findall(r"\w+", rest)]
        if len(words) >= 2:
            return False
        judged = subject is not None and cue.dep_ not in ("relcl", "acl", "pcomp")
        # "called that “beyond absurd”": outside a relative clause, "that" is the thing judged
        return not (judged and words and words[0] not in _NAMED_BY_A_CLAUSE)

    def _according_to(
        self, cue: Any, doc: Any, quoted: list[QuotedSpan], claimed: set[int], offset: int
    ) -> Quote | None:
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if to is None or source is None:
            return None
        opening = _opening_according(cue, to)
        if opening is not None:
            # "According to talk host Rush Limbaugh, the move reeks of ...": the words say
            # where the source ends, whatever the parser made of the sentence.
            source, tokens, written = opening
            span = char_span(tokens)
            if span is None:
                return None
            span, kind = _classify(span, quoted, claimed, text_of(doc))
            cue_span = (cue.idx, to.idx + len(to.text))
            return self._quote(doc, span, kind, cue_span, source, offset, written)
        closing = _closing_according(cue)
        if closing:
            # "X is held ... and forced to ..., according to the Gazette": the report is all
            # the sentence before it, however the parse split that sentence into clauses
            span = char_span(closing)
            if span is None:
                return None
            span, kind = _classify(span, quoted, claimed, text_of(doc))
            return self._quote(doc, span, kind, (cue.idx, to.idx + len(to.text)), source, offset)
        clause = cue.head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        while clause.dep_ == "ccomp" and clause.head.i < cue.i and _is_cue(clause.head):
            # "Trump said he was pleased, according to the Gazette": the parse hung the source
            # on what Trump said; the Gazette reports all of it, that Trump said it too.
            clause = clause.head
        skip = {t.i for t in cue.subtree}
        tokens = [t for t in clause.subtree if t.i not in skip]
        if not tokens:
            return None
        span = char_span(tokens)
        if span is None:
            return None
        span, kind = _classify(span, quoted, claimed, text_of(doc))
        cue_span = (cue.idx, to.idx + len(to.text))
        return self._quote(doc, span, kind, cue_span, source, offset)

    def _label(
        self, doc: Any, quoted: list[QuotedSpan], claimed: set[int], offset: int
    ) -> Quote | None:
        """A speaker label opening the paragraph ("PENCE: Well, look, ..."): the words after
        the colon, said by the label's name, with the colon as the cue."""
        match = _LABEL.match(text_of(doc))
        if match is None:
            return None
        label = match.group("name")
        words = [w.split("'")[0].strip(".") for w in label.lower().replace("’", "'").split()]
        if words[0] in NOT_LABELS or words[-1] in NOT_LABELS or LABEL_BREAKS & set(words[1:]):
            return None  # "Editor's Note:", "Big Win For Bernie:" (a headline, not a name)
        name_span, cue_span = match.span("name"), match.span("colon")
        verb, _, rest = label.partition(" ")
        if rest and verb.lower() in INVERTED_CUES:
            # 'Said Ellis: “...”': the verb is the cue, the rest the name
            label, name_span = rest, (match.start("name") + len(verb) + 1, match.end("name"))
            words, cue_span = words[1:], (match.start("name"), match.start("name") + len(verb))
        name = doc.char_span(*name_span, alignment_mode="contract")
        if name is None or len(name) == 0 or name.root.ent_type_ in _NOT_SPEAKER_ENTITIES:
            return None
        start, end = match.end(), len(text_of(doc).rstrip())
        if len(text_of(doc)[start:end].split()) < 3:
            return None  # "Sources: AP, Reuters"
        opened = [k for k, q in enumerate(quoted) if q.start < match.start("name") < q.end]
        if opened:
            # A transcript quoted as a whole: the paragraph's opening mark is before the name.
            claimed.update(opened)
            passage = quoted[opened[0]]
            # Unclosed, it runs on into the next paragraphs: all of this one is the speaker's.
            last = min(end, passage.inner_end) if passage.closed else end
            claimed.update(k for k, q in enumerate(quoted) if start <= q.start and q.end <= last)
            span, kind = (start, last), "direct"
        else:
            span, kind = _classify((start, end), quoted, claimed, text_of(doc))
            single = _SINGLE_QUOTED.fullmatch(text_of(doc), start, end)
            if kind == "indirect" and single is not None:
                # "Marsh: ‘Every Fisherman Will Be Paid.’": a headline quotes in single marks.
                span, kind = single.span("words"), "direct"
            elif label.isupper():
                kind = "direct"  # "WALLACE: ..." a transcript gives the speaker's own words
        known = self.state.names.get(words[-1])
        entity = _ENT_KIND.get(name.root.ent_type_)
        speaker = _Speaker(known or label, "person" if known else entity or "unnamed", None)
        return self._said(doc, span, kind, cue_span, name_span, speaker, offset)

    def _quote(
        self,
        doc: Any,
        span: tuple[int, int],
        kind: str,
        cue_span: tuple[int, int],
        subject: Any,
        offset: int,
        written: tuple[int, int] | None = None,
    ) -> Quote:
        """The quote of ``span`` said by ``subject``; ``written`` is where the text names the
        speaker when that is not the subject's phrase (the name after a dash)."""
        source_span = written or (
            mention_span(subject, cue_span[0]) if subject is not None else None
        )
        speaker = self._resolve(subject) if subject is not None else None
        return self._said(doc, span, kind, cue_span, source_span, speaker, offset)

    def _said(
        self,
        doc: Any,
        span: tuple[int, int],
        kind: str,
        cue_span: tuple[int, int],
        source_span: tuple[int, int] | None,
        speaker: _Speaker | None,
        offset: int,
    ) -> Quote:
        """The quote with its speaker known; the speaker becomes the last one heard (once
        the quote is kept, when it is still to be vetted)."""
        if speaker is not None:
            if self._held is not None:
                self._held.append(speaker)
            else:
                self._remember(speaker)
        text = text_of(doc)
        return Quote(
            content=Span(offset + span[0], offset + span[1], text[span[0] : span[1]]),
            kind=kind,
            cue=Span(offset + cue_span[0], offset + cue_span[1], text[cue_span[0] : cue_span[1]]),
            source=_span(text, source_span, offset),
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else "unknown",
            role=speaker.role if speaker else None,
        )

    def _unclaimed(
        self,
        passage: QuotedSpan,
        text: str,
        doc: Any,
        offset: int,
        number: int,
        found: list[Quote],
    ) -> Quote | None:
        inner = text[passage.inner_start : passage.inner_end]
        words = len(inner.split())
        pending, self.state.pending = self.state.pending, None
        if pending is not None and passage.start <= 2:
            cue_span, source, speaker = pending
            if speaker is not None:
                self._remember(speaker)
            return Quote(
                content=Span(offset + passage.inner_start, offset + passage.inner_end, inner),
                kind="direct",
                cue=cue_span,
                source=source,
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker else "unknown",
                role=speaker.role if speaker else None,
            )
        dash = _DASH_SOURCE.match(text, passage.end)
        if dash is not None and words > TERM_MAX_WORDS:
            # "“...” — Martha Aguilar, a voter in Ohio": the dash is the cue.
            head = source_between(doc, dash.start("name"), dash.end("name"))
            if head is not None:
                span = (passage.inner_start, passage.inner_end)
                name = dash.span("name")
                return self._quote(doc, span, "direct", dash.span("dash"), head, offset, name)
        before = text[: passage.start].strip()
        if (before.endswith(":") and before[:-1].strip().lower() in NOT_LABELS) or inner.strip(
            " :"
        ).lower() in NOT_LABELS:
            return None  # "Related: “Five things to know ...”" is a link, nobody's words
        outside = (text[: passage.start] + text[passage.end :]).strip(" ,.;:—–-")
        standalone = not outside or len(outside.split()) <= 2
        follows_quote = bool(found) or self.state.last_quote_paragraph >= number - 1
        # "said on “Morning Tide”", "on Harbour TV's “This Week With Dana Holm”": a title
        # (not "commending Harbourtown's “remarkable achievements”")
        titled = _TITLED.search(before) is not None
        governed = None if standalone or titled else self._governed(passage, doc, offset)
        if governed is not None:
            return governed
        # "“...,” Holm said. “It failed.”": a sentence of its own, not a term inside one.
        sentence = before[-1:] in ("", ".", "!", "?") and inner.rstrip()[-1:] in (".", "!", "?")
        if (words <= TERM_MAX_WORDS or titled) and not standalone and not sentence:
            start = offset + passage.inner_start
            if not any(term.span.start == start for term in self.terms):  # kept with its user
                self.terms.append(Term(Span(start, offset + passage.inner_end, inner)))
            return None
        content = Span(offset + passage.inner_start, offset + passage.inner_end, inner)
        previous = self.state.last_quote
        # "“...,” they write. “...”": a quote right after one whose speaker is unknown goes
        # on with it, its speaker still unknown (not whoever was named last).
        unknown = bool(found) and found[-1] is previous and found[-1].speaker is None
        if not follows_quote or (self.state.last is None and not unknown):
            if standalone:
                self.state.standalone = (number, content, None)
            return None
        if not standalone and not found:
            return None
        if standalone:
            self.state.standalone = (number, content, len(self.quotes))
        speaker = None if unknown else self.state.last
        return Quote(
            content=content,
            kind="direct",
            cue=None,
            source=previous.source if previous is not None else None,
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else "unknown",
            role=speaker.role if speaker else None,
            continues=self.state.last_quote_index,
        )

    def _named_before_colons(
        self, doc: Any, quoted: list[QuotedSpan], claimed: set[int], offset: int
    ) -> list[Quote]:
        """ "TOO EARLY - Dana Holm: “...”": the name before the colon speaks (a digest's
        excerpt); the colon is the cue."""
        found = []
        text = text_of(doc)
        for k, passage in enumerate(quoted):
            inner = text[passage.inner_start : passage.inner_end]
            colon = _COLON_SOURCE.search(text, 0, passage.start)
            if k in claimed or colon is None or len(inner.split()) <= TERM_MAX_WORDS:
                continue
            label = [w.split("'")[0].strip(".") for w in colon["name"].lower().split()]
            headline = (LABEL_BREAKS - {"of"}) & set(label[1:])  # "Big Win For Holm:"
            ends = label[0] in NOT_LABELS or label[-1] in NOT_LABELS  # "Related:", "Update:"
            if colon["document"] is None and (headline or ends):
                continue
            head = source_between(doc, colon.start("name"), colon.end("name"))
            if head is None or head.ent_type_ in _NOT_SPEAKER_ENTITIES:
                continue
            claimed.add(k)
            span, name = (passage.inner_start, passage.inner_end), colon.span("name")
            if colon["document"] is not None:
                speaker = self._resolve(head)  # "the report": the one the article named
            else:
                # The name as the digest writes it: the parse runs it into the headline.
                several = "and" in label or "&" in label  # "Holm and Marsh": not Marsh alone
                known = None if several else self.state.names.get(label[-1])
                kind = _ENT_KIND.get(head.ent_type_)
                speaker = _Speaker(known or colon["name"], "person" if known else kind or "unnamed")
            cue = colon.span("colon")
            found.append(self._said(doc, span, "direct", cue, name, speaker, offset))
        return found

    def _governed(self, passage: QuotedSpan, doc: Any, offset: int) -> Quote | None:
        """ "Cruz exhorted Republicans to “vote your conscience”": quoted words inside a sentence
        belong to the subject of the verb that governs them, whatever the verb."""
        words = doc.char_span(passage.inner_start, passage.inner_end, alignment_mode="expand")
        if words is None or len(words) == 0:
            return None
        inside = {t.i for t in words}
        verb = words.root
        while verb.i in inside or verb.pos_ not in ("VERB", "AUX"):
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        subject = subject_of(verb, [passage])
        if subject is None or subject.lower_ in _IMPERSONAL or subject.i in inside:
            return None
        if subject.pos_ not in ("PROPN", "PRON") or (
            subject.pos_ == "PRON" and subject.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS
        ):
            return None  # a named speaker or a personal pronoun; "the report" is no speaker
        if len(words) <= NAMING_MAX_WORDS:
            return None  # a label or a scare quote: a term
        if subject.left_edge.i <= words.start and words.end <= subject.right_edge.i + 1:
            return None  # "said Holm, author of “...”": the speaker's description, not her words
        after = [t for t in verb.subtree if t.i > verb.i]
        span = char_span(after)
        if span is None or not (span[0] <= passage.start and passage.inner_end <= span[1] + 1):
            return None
        span = (span[0], max(span[1], passage.inner_end))
        kind = "direct" if span[0] >= passage.start else "mixed"
        if kind == "direct":
            span = (passage.inner_start, passage.inner_end)
        return self._quote(doc, span, kind, (verb.idx, verb.idx + len(verb.text)), subject, offset)

    # -- speakers ----------------------------------------------------------------------------
    def _learn_names(self, doc: Any) -> None:
        subject: _Speaker | None = None
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            tokens = without_titles(
                [
                    t
                    for t in ent
                    if t.lower_.rstrip(".") not in HONORIFICS and (t.is_alpha or infix_joiner(t))
                ]
            )
            if not tokens or not tokens[-1].is_alpha:
                continue
            full = name_text(tokens)
            surname = tokens[-1].lower_
            if len(tokens) > 1:
                self.state.named_person = _Speaker(full, "person", None)
                if ent.root.dep_ in ("nsubj", "nsubjpass"):
                    subject = self.state.named_person
            known = self.state.names.get(surname)
            if known is None or len(full) > len(known):
                self.state.names[surname] = full
            role = role_of(ent.root, [t for t in ent if t in tokens])
            full = self.state.names[surname]
            if role and full not in self.state.person_roles:
                self.state.person_roles[full] = role
                self.state.roles.append(_Speaker(full, "person", role))
        if subject is not None:
            # "Tad Marsh is raising questions about his debate with Ida Okoye. He says ...":
            # the person the paragraph is about, not the last one it names
            self.state.named_person = subject

    def _resolve_pronoun(self, head: Any) -> _Speaker | None:
        word = head.lower_
        if word in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            return self._resolve(head.head.head)
        same_sentence = self._sentence_subject(head)
        if same_sentence is not None:
            return same_sentence
        if word in PERSON_PRONOUNS:
            return self.state.last_person or self.state.named_person
        if word in GROUP_PRONOUNS:
            return self.state.last_plural or self.state.last_group
        if word in ("it", "its"):
            return self.state.last_group
        return None

    def _resolve(self, head: Any) -> _Speaker | None:
        if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS:
            return self._resolve_pronoun(head)
        named = next(
            (
                t
                for t in head.subtree
                if t.dep_ == "appos"
                and t.pos_ == "PROPN"
                and (t.ent_type_ in ("PERSON", "ORG") or personal_name(name_run(t)))
            ),
            None,
        )  # attached to any word of the phrase: parsers hang it on the nearest noun; a name,
        # so that resolving it cannot come back here
        if head.pos_ == "NOUN" and named is not None:
            # "leading security expert of Xinjiang, Adrian Zenz": the name, with the noun as role.
            found = self._resolve(named)
            if found is not None and found.kind in ("person", "organisation"):
                # "The United States's largest car manufacturer General Motors" likewise
                before = head.doc[head.left_edge.i : named.left_edge.i]
                title = re.sub(_LEADING_DETERMINER, "", before.text.strip(" ,"))
                role = found.role if found.role not in (None, found.name) else None
                # "the senior market strategist for X, Fritz Meyer": a person, whatever the
                # tagger made of the name
                kind = "person" if lemma(head) in PERSON_ROLE_WORDS else found.kind
                return _Speaker(found.name, kind, role or title or None)
        author = _author(head)
        if author is not None:
            # "according to a March 3 column by The Harbour Times": the paper says it.
            return self._resolve(author)
        titled = self._titled_person(head)
        if titled is not None:
            return titled
        known = self.state.names.get(head.lower_) if head.text[:1].isupper() else None
        if known is not None and head.pos_ == "NOUN" and head.n_lefts == 0:
            # '"...," said Angers.': a surname the article named in full, tagged as a plural
            return _Speaker(known, "person", self.state.person_roles.get(known))
        conjuncts = [c for c in head.children if c.dep_ == "conj"]
        words = head.doc[head.left_edge.i : conjuncts[-1].right_edge.i + 1] if conjuncts else None
        if words is not None and any(t.dep_ == "cc" for t in words):
            # "Tajikistan, Turkmenistan and Uzbekistan": several speakers, named together; not
            # "Okoye, the party frontrunner", an apposition the parse took for a conjunct.
            named = re.sub(_LEADING_DETERMINER, "", words.text.strip(" ,"))
            return _Speaker(named or phrase_text(head), "group", None)
        name_tokens = name_run(head)
        role = role_of(head, name_tokens)
        body = affiliation(head, name_tokens)
        if body is not None and head.ent_type_ in ("", "PERSON"):
            # "Ana Ruiz of Monitor Watch": a person of a body, whether the tagger knew the name
            # or not; the body is the role when no title says more.
            name = name_text(name_tokens)
            self.state.names.setdefault(name_tokens[-1].lower_, name)  # "Ruiz said" later
            return _Speaker(name, "person", role or self.state.person_roles.get(name) or body)
        if name_tokens and (head.ent_type_ or self.state.names.get(head.lower_)):
            name = name_text(name_tokens)
            known = self.state.names.get(name_tokens[-1].lower_)
            if known is not None:  # a person the article names in full: the tagger's ORG loses
                if len(name) > len(known) and name.endswith(known):
                    # "Jean-Claude Juncker" when only "Juncker" was tagged as a person.
                    self.state.names[name_tokens[-1].lower_] = known = name
                return _Speaker(known, "person", role or self.state.person_roles.get(known))
            return self._named(head, name, name_tokens, role)
        if name_tokens and lemma(head) not in ORG_NOUNS:
            phrase = phrase_text(head)
            if role and personal_name(name_tokens):
                # "Ana Ruiz, director of Monitor Watch,": a name the tagger missed, with a role.
                name = name_text(name_tokens)
                self.state.names.setdefault(name_tokens[-1].lower_, name)
                return _Speaker(name, "person", role)
            # A title without a name: "The US Secretary of State" (named later, see finish()).
            return self._by_role(head, phrase) or _Speaker(phrase, "person", phrase)
        # A nominal mention: "the secretary of state", "the official", "a spokesperson".
        phrase = phrase_text(head)
        definite = any(t.lower_ in ("the", "this", "that") for t in head.lefts)
        if definite:
            earlier = self._by_role(head, phrase)
            if earlier is not None:
                return earlier
        kind = "organisation" if lemma(head) in ORG_NOUNS else "unnamed"
        if lemma(head) in GROUP_NOUNS or head.tag_ == "NNS":
            kind = "group" if kind == "unnamed" else kind
        return _Speaker(phrase, kind, None)

    def _named(self, head: Any, name: str, name_tokens: list[Any], role: str | None) -> _Speaker:
        """A speaker the recogniser named: of the kind it says unless a role makes it a
        person, and an organisation by its whole name."""
        kind = _ENT_KIND.get(head.ent_type_, "person")
        if kind != "person" and _person_role(role) and personal_name(name_tokens):
            kind = "person"  # "Spokeswoman Sandy Angers" tagged as an organisation
            self.state.names.setdefault(name_tokens[-1].lower_, name)
            if role:
                self.state.person_roles.setdefault(name, role)
        if kind == "organisation":
            name = _organisation_name(head) or name  # not "Center" of "Center for ..."
        return _Speaker(name, kind, role)

    def _titled_person(self, head: Any) -> _Speaker | None:
        """ "The company president and CEO Louis Gallois": two titles joined by "and" and a
        name, which the parser reads as a list of speakers; one person with a role."""
        conjs = [c for c in head.children if c.dep_ == "conj"]
        if len(conjs) != 1 or head.pos_ != "NOUN" or not _person_role(head.lower_):
            return None
        tokens = [
            t for t in name_run(conjs[0]) if t.lower_ not in PERSON_ROLE_WORDS
        ]  # fmt: skip
        if not personal_name(tokens):
            return None
        name = name_text(tokens)
        self.state.names.setdefault(tokens[-1].lower_, name)
        lead = head.doc[head.left_edge.i : tokens[0].i]
        role = re.sub(r"^(?:the|a|an)\s+", "", lead.text.strip(" ,"), flags=re.I) or None
        return _Speaker(name, "person", role)

    def _sentence_subject(self, pronoun: Any) -> _Speaker | None:
        """ "the US administration ... placed restrictions over what it called ...": a pronoun
        in a subordinate clause stands for the subject of its sentence's main verb, when that
        is a speaker of the pronoun's kind."""
        root = pronoun.sent.root
        verb = pronoun.head
        if verb.head.i == root.i and verb.dep_ == "parataxis" and lemma(verb) in SPEECH_VERBS:
            return None  # "Loyalty, he noted, has long been ...": the aside's "he" is a speaker
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i == pronoun.i or subject.pos_ == "PRON":
            return None
        if subject.i > pronoun.i:
            return None
        found = self._resolve(subject)
        if found is None:
            return None
        word = pronoun.lower_
        if word in PERSON_PRONOUNS:
            return found if found.kind == "person" else None
        if word in ("it", "its"):
            return found if found.kind in ("organisation", "country") else None
        return found if found.kind in ("group", "organisation", "country") else None

    def _by_role(self, head: Any, phrase: str) -> _Speaker | None:
        """The last speaker whose role or description has the mention's head word."""
        word = lemma(head)
        for earlier in reversed(self.state.roles + self.state.recent):
            words = {w.lower() for w in re.findall(r"\w+", f"{earlier.role} {earlier.name}")}
            if word in words:
                return earlier
        return None

    def new_entry(self) -> None:
        """A live blog's next entry ("___", "10:25 p.m."): its "he" is not the last entry's
        speaker. The names and roles the article gave still hold."""
        kept = self.state
        self.state = _ArticleState(
            names=kept.names, person_roles=kept.person_roles, roles=kept.roles
        )

    def finish(self) -> None:
        """Forward references: a role named before the person ("The US Secretary of State has
        said ... Secretary of State Mike Pompeo tweeted") gets the person's name. Then an
        attribution inside another's words goes (``nested``)."""
        named = [s for s in self.state.roles if s.kind == "person" and s.name != s.role]
        for k, said in enumerate(self.quotes):
            full = self.state.names.get((said.speaker or "").lower())
            if full is not None and full != said.speaker and " " not in (said.speaker or " "):
                # "Jobs also announced ..." before "Steve Jobs said": the person named later
                role = said.role or self.state.person_roles.get(full)
                self.quotes[k] = replace(said, speaker=full, speaker_kind="person", role=role)
        for k, quote in enumerate(self.quotes):
            if quote.speaker is None or quote.role is None or quote.speaker != quote.role:
                continue
            words = set(re.findall(r"\w+", quote.role.lower()))
            for person in named:
                if person.role and set(re.findall(r"\w+", person.role.lower())) <= words:
                    self.quotes[k] = replace(quote, speaker=person.name)
                    break
        self.quotes = outermost(self.quotes)

    def _remember(self, speaker: _Speaker) -> None:
        self.state.last = speaker
        self.state.recent = [*self.state.recent[-9:], speaker]
        if speaker.kind == "person":
            self.state.last_person = speaker
        elif speaker.kind in ("group", "organisation", "country"):
            self.state.last_group = speaker
        if speaker.kind == "group":
            self.state.last_plural = speaker
        if speaker.role:
            self.state.roles.append(speaker)


# -- parse helpers -----------------------------------------------------------------------------
def _organisation_name(head: Any) -> str | None:
    """The whole name of an organisation the parse cut at a preposition ("the Center for
    Responsive Politics": "Center", or "Politics"), from the entity the recogniser found."""
    entity = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if entity is None or entity.label_ != "ORG" or len(entity) == 1:
        return None
    if not all(t.pos_ in ("PROPN", "ADP", "CCONJ") or t.lower_ == "the" for t in entity):
        return None
    return re.sub(_LEADING_DETERMINER, "", entity.text.strip()) or None


def _author(head: Any) -> Any:
    """The named author of a writing: "a column by The Associated Press" -> "Press", "a
    statement from Apple" -> "Apple"."""
    if head.pos_ != "NOUN" or lemma(head) not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > head.i:
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            named = author is not None and (author.pos_ == "PROPN" or lemma(author) in ORG_NOUNS)
            if named and not is_time(author, months=True):  # not "a report from March"
                return author
    return None


def _claim_noun(token: Any) -> bool:
    """ "Trump's claim that ...", "the senator's warning that ...": a speech noun with its
    owner and a that-clause."""
    return (
        token.pos_ == "NOUN"
        and (token.lower_ in SPEECH_NOUNS or token.lower_[:-1] in SPEECH_NOUNS)  # (plurals)
        and any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in token.children)
        and any(_that_clause(c) for c in token.children)
    )


def _that_clause(token: Any) -> bool:
    return (
        token.dep_ in ("acl", "ccomp")
        and token.i > token.head.i
        and (token.left_edge.lower_ == "that")
    )


#: How many words an opening "According to ..." names its source in, at most, before the comma.
_ACCORDING_SOURCE_WORDS = 12


def _opening_according(cue: Any, to: Any) -> tuple[Any, list[Any], tuple[int, int] | None] | None:
    """A sentence that opens with "According to X, ...": the head of X (a person's name if it
    holds one), the tokens after the comma up to the end of the sentence, and X's span."""
    sentence = cue.sent
    if any(not t.is_punct for t in sentence if t.i < cue.i):
        return None
    comma = next(
        (t for t in sentence if to.i < t.i <= to.i + _ACCORDING_SOURCE_WORDS and t.text == ","),
        None,
    )
    if comma is None or comma.i == to.i + 1:
        return None
    named = [
        t
        for t in cue.doc[to.i + 1 : comma.i]
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not is_time(t, months=True)
    ]  # not the month of "According to a report from March, ..."
    people = [t for t in named if t.ent_type_ == "PERSON"]
    head = (people or named or [None])[-1]
    tokens = [t for t in sentence if t.i > comma.i]
    if head is None or not tokens:
        return None
    return head, tokens, char_span(cue.doc[to.i + 1 : comma.i])


def _closing_according(cue: Any) -> list[Any]:
    """A sentence that ends with ", according to X.": its words before that comma."""
    sentence = cue.sent
    before = cue.doc[cue.i - 1] if cue.i > sentence.start else None
    if before is None or before.text != ",":
        return []
    ending = {t.i for t in cue.subtree}
    if any(t.i not in ending and not t.is_punct for t in sentence if t.i > cue.i):
        return []
    return [t for t in sentence if t.i < before.i]


def _is_cue(token: Any) -> bool:
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    return token.pos_ == "VERB" and (lemma(token) in SPEECH_VERBS or lemma(token) in STANCE_VERBS)


def _content_tokens(cue: Any) -> tuple[list[Any], list[Any]]:
    """The tokens of what ``cue`` reports, from the parse, and the words that belong to the cue
    itself on the way ("for" in "called for an end to ...")."""
    it = _put_it(cue)
    if it is not None:
        return [], [it]  # "as Holm put it, “...”": the quote next to it is what was said
    for child in cue.children:
        if child.dep_ == "ccomp":
            if child.i < cue.i and _clause_break(child, cue):
                continue  # "It is unlikely; the team says she will go on": two sentences
            if child.left_edge.i < cue.i < child.i:
                # "a detour, which Reyna said would add 20 minutes": the relative pronoun and
                # the speaker sit before the cue; what was said follows it.
                return [t for t in child.subtree if t.i > cue.i], []
            return _whole_clause(cue, child), []
        if child.dep_ == "advcl" and child.i > cue.i and _question_clause(cue, child):
            # "asked workers if they planned to strike", parsed as a condition
            return list(child.subtree), []
    clause = _misattached_clause(cue)
    if clause is not None:
        return list(clause.subtree), []
    word = lemma(cue)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in cue.children):
        # "Clinton has been endorsed by dozens of papers": what is endorsed is the subject,
        # with what it is accused of or called: "Okoye was accused by the mayor of fraud".
        phrase, extra = ([], []) if word in CLAUSE_ONLY else _complement(cue, word)
        # The small model hangs "of hiding the costs" on "the mayor"; it is still the charge.
        phrase += [
            t
            for agent in cue.children
            if agent.dep_ == "agent"
            for speaker in agent.children
            for prep in speaker.children
            if prep.dep_ == "prep"
            and prep.lower_ == "of"
            and any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in prep.children)
            for t in prep.subtree
        ]
        return list(passive.subtree) + phrase, extra
    # Not the cue's own particle ("rolled out") nor the speaker ("derided by critics as ...").
    own = {t.i for c in cue.children if c.dep_ in ("prt", "agent") for t in c.subtree}
    # Nor a clause of its own after it: "mocked the complaint, saying “...”" and "outlined
    # his plan and vowed to “punish ...”" report two things.
    own |= {
        t.i
        for c in cue.children
        if c.dep_ in ("advcl", "conj", "parataxis") and c.pos_ in ("VERB", "AUX") and c.i > cue.i
        for t in c.subtree
    }
    after = [t for t in cue.subtree if t.i > cue.i and t.i not in own]
    quote_after = any(t.text in _OPENING_TOKENS for t in after)
    phrase, extra = ([], []) if word in CLAUSE_ONLY else _complement(cue, word)
    if phrase and (not quote_after or any(t.text in _OPENING_TOKENS for t in phrase)):
        # "described Clinton as a “disgrace” after she attacked ...": the verb phrase only.
        if passive is not None and agent_unsaid(cue):
            # "Quiros was accused of fraud": who is accused is part of what is said.
            phrase = list(passive.subtree) + phrase
        return phrase, extra
    if quote_after:
        # "called Burma a “good news story ...”": the quoted words sit in the verb phrase.
        return after, []
    head = cue.head
    aside = head.i != cue.i and (
        cue.dep_ == "parataxis"  # "But X, he said, is bad"
        or (cue.dep_ in ("ccomp", "advcl") and head.i < cue.i)  # "X is bad, he said"
        or (cue.dep_ == "advcl" and any(c.lower_ == "as" for c in cue.children))
        or _asyndetic_aside(cue, head)
    )  # "Hawaii, as one adviser pointed out, rarely gets ..."
    if aside and not _is_cue(head):
        # "X is bad, he said" and "But X, he said, is bad": the clause the cue hangs on.
        skip = {t.i for t in cue.subtree}
        # Not the writer's connective: "But X, he said, is bad" reports "X ... is bad".
        skip |= {c.i for c in head.children if c.dep_ == "cc" and c.i == head.left_edge.i}
        return [t for t in head.subtree if t.i not in skip], []
    return _between_commas(cue), []


def _aside_of(quote: Quote, before: list[Quote], text: str, offset: int) -> bool:
    """ "“A,” said Holm, referring to the ferry. “B.”": a reported clause the speaker of a
    quote adds in the same sentence, after it; the quote after them goes on with the quote,
    not with the aside. ``before``: what the paragraph said before ``quote``."""
    if not before or quote.kind != "indirect" or quote.cue is None:
        return False
    previous = before[-1]
    if (
        previous.kind == "indirect"
        or previous.cue is None
        or previous.content.end > quote.cue.start
    ):
        return False
    # "“A,” Holm said when asked about the ferry. “B.”": a reading that names nobody is the
    # speaker's aside too.
    if (
        quote.source is not None
        and previous.source != quote.source
        and (quote.speaker is None or previous.speaker != quote.speaker)
    ):
        return False
    between = text[previous.content.end - offset : quote.cue.start - offset]
    return not re.search(r"[.!?]\s", between)


def _likely_cue(cue: tuple[int, int], probabilities: dict[int, float]) -> bool:
    """Does a word of the tagged cue (token range) score as a likely cue with the cue filter?"""
    return any(probabilities.get(i, 0.0) >= tagger.GOVERNOR for i in range(*cue))


def _can_hold_a_view(subject: Any, quote: Quote) -> bool:
    """Is a tagged attribution's source someone? Not a pronoun nobody could resolve (on 100
    held-out training articles wrong 7 times in 8), nor a plain noun that names no person, body
    or document ("the crackdown sparked outrage", "the lawsuit announced"): those were wrong
    only 6 times in 14 there, but in a record of who said what they read as nonsense."""
    if quote.speaker_kind == "unknown" and subject.pos_ != "PROPN":
        return False  # "his", "that", "they" with nobody to stand for
    if lemma(subject) in THING_NOUNS:
        return False  # "computers issued the names ...", as the rules have it
    return not (
        subject.pos_ == "NOUN"
        and quote.speaker_kind == "unnamed"
        and not subject.ent_type_
        and not subject.is_title  # a name the tagger took for a noun: "Okoye has been ..."
        and lemma(subject) not in _SPEAKING_NOUNS | WRITINGS
    )


def _head_of(span: Any) -> Any:
    """The token of ``span`` whose head lies outside it (the phrase's head word). Not
    ``span.root``: for a tagged span that is not one phrase, the first such token is the
    speaker written first, where ``root`` takes the one nearest the sentence's root."""
    return next((t for t in span if not span.start <= t.head.i < span.end), span.root)


def _question_clause(cue: Any, clause: Any) -> bool:
    return lemma(cue) in _ASKING and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children
    )


_ASKING = frozenset(["ask", "wonder", "question", "inquire", "query"])


def _asyndetic_aside(cue: Any, head: Any) -> bool:
    """ "Marsh will stay in the race, his top aide, Tad Holm, told the Gazette": a cue with its
    own subject the parse coordinated with the clause before it, though no "and" or "but"
    joins them; it is an aside on that clause."""
    if cue.dep_ != "conj" or head.i > cue.i or lemma(cue) not in SPEECH_VERBS:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or subject.left_edge.i == 0:
        return False
    if cue.doc[subject.left_edge.i - 1].text != ",":
        return False
    return not any(c.dep_ == "cc" and head.i < c.i < cue.i for c in head.children)


def _between_commas(cue: Any) -> list[Any]:
    """ "These employees, Stumpf explained in the hearing, were well paid": the cue's clause
    set off by commas inside a sentence the parser made it the root of; what was said is the
    sentence around it."""
    doc, sentence = cue.doc, cue.sent
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = subject.left_edge.i if subject is not None and subject.i < cue.i else cue.i
    if start > sentence.start and doc[start - 1].lower_ == "as":
        start -= 1  # "Hawaii, as one adviser pointed out, rarely ..."
    if start - 1 <= sentence.start or doc[start - 1].text != ",":
        return []
    end = next((t.i for t in doc[cue.i + 1 : sentence.end] if t.text == ","), None)
    if end is None or end + 1 >= sentence.end - 1:
        return []
    return [t for t in sentence if t.i < start - 1 or t.i > end]


_OPENING_TOKENS = frozenset(['"', "“", "``", "«", "''"])


_CLOSING_TOKENS = frozenset(['"', "”", "''", "»", "'"])


def _after_a_quote(token: Any) -> bool:
    """ "“...,” the president added" and "“...,” said Obama": a speech verb whose clause starts
    right after a closing quote mark is a cue whatever the parse made of it (it often files
    the verb under one inside the quote, which the learned filter then rejects)."""
    if token.pos_ != "VERB":
        return False
    doc = token.doc
    start = token.i
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.i < token.i:
        start = subject.left_edge.i
    k = start - 1
    while k >= 0 and doc[k].text in (",", "—", "–"):
        k -= 1
    if not (k >= 0 and doc[k].text in _CLOSING_TOKENS and start - k <= 3):
        return False
    return lemma(token) in SPEECH_VERBS or _manner_of_speaking(token, subject, k)


#: What a verb's object may announce before a colon: a writing, a saying ("offered this
#: warning:") or a reply ("delivered a snappy retort:").
_ANNOUNCED = WRITINGS | SPEECH_NOUNS | frozenset(["retort", "reply", "response", "answer"])


#: Words left beside a label that make the naming a phrase's ("which it calls “...”").
_NAMED_BY_A_CLAUSE = (RELATIVE_PRONOUNS - {"that"}) | {"what"}


def _writing_before_colon(verb: Any) -> list[Any]:
    """ "Clinton released the following statement:", "issued this message:": a verb whose
    object is a writing that a colon ends introduces it, whatever the verb. The object's
    words, to be part of the cue; empty when there is none."""
    if verb.pos_ != "VERB":
        return []
    writing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if writing is None or lemma(writing) not in _ANNOUNCED:
        return []
    doc = verb.doc
    # The colon right after the object's words ("the following statement:"), even when the
    # parse hung what follows it on the object.
    colon = next((t for t in doc[writing.i + 1 : writing.i + 6] if t.is_punct), None)
    if colon is None or colon.text != ":":
        return []
    words = [t for t in writing.subtree if t.i < colon.i]
    # Only the short announcement ("the following statement:", "a statement:") with the words
    # themselves next: the end of the paragraph or a quote mark.
    rest = text_of(doc)[colon.idx + 1 :].lstrip()
    if len(words) > 4 or not (rest == "" or rest[:1] in _OPENING_TOKENS or rest[:2] == "``"):
        return []
    return words


#: Nouns for someone who can speak: "“...,” the mayor barked".
_SPEAKING_NOUNS = PERSON_ROLE_WORDS | ORG_NOUNS | GROUP_NOUNS


def _manner_of_speaking(token: Any, subject: Any, closing: int) -> bool:
    """ "“Go back to Univision,” Trump barked.": any verb with a subject and nothing of its own
    after it, closing the sentence a quote ending in a comma (or ? or !) opened, speaks."""
    doc = token.doc
    if subject is None or subject.tag_ in ("WDT", "WP") or closing == 0:
        return False  # "“Hamilton,” which opened in 2015": a title
    # Someone who can speak: "the number needed to secure ..." after a quote is no speaker.
    speaker = (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in ("PERSON", "ORG", "NORP")
        or lemma(subject) in _SPEAKING_NOUNS
    )
    if not speaker or token.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if doc[closing - 1].text not in (",", "?", "!"):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") for c in token.children):
        return False
    end = token.right_edge.i + 1
    return end >= len(doc) or doc[end].is_sent_start or doc[end].text in (".", "!", "?")


def _whole_clause(cue: Any, clause: Any) -> list[Any]:
    """The clausal complement, with the rest of it the parse made a second complement: in
    "warned that attempts to breach the system were made by ...", "attempts" (read as a verb
    without a subject) and "made" are one clause. A second clause with a subject of its own
    is a second thing said (or another speaker's: "X said ... and Democrats accused ...")."""
    # Not "according to the Gazette" at its end, which the parse may hang on the clause: that
    # is who reports the saying, an attribution of its own. Nor the speaker's next saying,
    # which the parse may hang on it too: "said he saw no need to change, telling the host
    # that “...”", "said he would run and added that ...". (The tagger's ``refit`` may join
    # them again where PolNeAR's annotators would: on 100 training articles it was not
    # trained on, splitting here found 3 more attributions for 3 more predictions.)
    reported = {
        t.i
        for other in clause.subtree
        if other.i > cue.i and (_according(other) or _next_saying(other, clause))
        for t in other.subtree
    }
    tokens = [t for t in clause.subtree if t.i not in reported]
    while len(tokens) > 1 and tokens[-1].lower_ in (",", "and", ";"):
        tokens.pop()
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return tokens
    for other in cue.children:
        if other.dep_ == "ccomp" and other.i > clause.i and other.left_edge.i == tokens[-1].i + 1:
            return tokens + list(other.subtree)
    return tokens


def _according(token: Any) -> bool:
    return token.lower_ == "according" and _is_cue(token)


def _next_saying(verb: Any, clause: Any) -> bool:
    """A speech verb hung on a reported clause with no subject of its own, a participle after
    a comma (or "and") or a verb joined to it: the same speaker saying something else."""
    doc = verb.doc
    if not (
        verb.i > clause.i
        and verb.pos_ == "VERB"
        and lemma(verb) in SPEECH_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return False
    if verb.dep_ == "conj":
        # "said the ferry was late and added that ...", "said it was too early but added,
        # “...”": the parse joins the second saying to the clause
        return lemma(verb) not in DONE_BY_THE_CLAUSE
    k = verb.left_edge.i - 1
    while k > 0 and doc[k].text in _CLOSING_TOKENS:
        k -= 1  # "… “was maniacal,” adding, “…”"
    return verb.dep_ == "advcl" and k >= 0 and doc[k].lower_ in (",", "and")


def _clause_break(clause: Any, cue: Any) -> bool:
    """Is there a semicolon or colon between ``clause`` (before the cue) and the cue?"""
    return any(t.text in (";", ":") for t in cue.doc[clause.right_edge.i + 1 : cue.i])


def _misattached_clause(cue: Any) -> Any:
    """ "told a meeting of island leaders that few people understood ...": the parser hung the
    that-clause on the object as a relative clause; a relative clause has no "that" marker,
    so one that does is what was said. Also "tweeted in the early hours that X was ...",
    parsed as an adverbial clause."""
    for child in cue.children:
        if child.dep_ == "advcl" and child.i > cue.i and child.left_edge.lower_ == "that":
            return child
        if (
            child.dep_ == "advcl"
            and child.i > cue.i
            and any(c.dep_ == "nsubj" for c in child.children)
            and not any(c.dep_ == "mark" for c in child.children)
            and child.left_edge.lower_ not in _ADVERBIAL_WORDS  # "when he returned ..."
            and lemma(cue) in SPEECH_VERBS
        ):
            # "said after the meeting she would not sign ...": a finite clause with its
            # own subject and no "because" / "if" is what was said, whatever the parse.
            return child
        if child.i < cue.i:
            continue
        holder = child
        if child.dep_ == "prep" and child.lower_ in ("in", "on") and lemma(cue) in SPEECH_VERBS:
            # "says in a statement that the race ...": the clause hangs on the statement.
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not (objects and lemma(objects[0]) in WRITINGS):
                continue
            holder = objects[0]
        elif child.dep_ != "dobj":
            continue
        for token in holder.subtree:
            if token.dep_ in ("relcl", "acl") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children
            ):
                return token
    return _clause_in_aside(cue)


def _clause_in_aside(cue: Any) -> Any:
    """ "said before attending the meeting that the council ..." and "told the Gazette in a
    story posted this week that he ...": the parse hung the that-clause on the verb of the
    aside between the cue and it. A speech verb with no clause of its own says it."""
    word = lemma(cue)
    if word not in THAT_VERBS or any(
        c.dep_ in ("xcomp", "attr", "oprd", "acomp")
        or (c.dep_ == "dobj" and word not in ADDRESSEE_VERBS)
        for c in cue.children
        if c.i > cue.i
    ):
        return None  # "dismissed the charges by pointing out that ...": a phrase of its own
    for child in cue.children:
        if child.i < cue.i or child.dep_ not in ("prep", "advcl", "npadvmod"):
            continue
        if child.dep_ == "prep" and _topic_prep(child, cue):
            return None  # "called for the overthrow of ..., warning that ...": what is called for
        for token in child.subtree:
            marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
            if (
                (token.dep_ == "ccomp" or (token.dep_ in ("relcl", "acl") and marked))
                and token.left_edge.lower_ == "that"
                and token.left_edge.i > token.head.i + 1  # not "attending that ..."
                and not _says_itself(token.head)
            ):
                return token
    return None


def _says_itself(verb: Any) -> bool:
    """A saying of someone else's in the aside ("after aides confirmed that ..."), not a
    verb whose subject is only a relative pronoun ("a story that posted ...")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _is_cue(verb) and (subject is None or subject.tag_ not in ("WDT", "WP"))


def _complement(cue: Any, word: str) -> tuple[list[Any], list[Any]]:
    """The position taken: the verb phrase from the first object, infinitive or topic after
    the verb ("endorsed Clinton", "wants to win", "urged Congress to act", "called for an end
    to the war", "called the charges unsubstantiated")."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        if child.dep_ == "prep" and _topic_prep(child, cue):
            if _time_phrase(child) or _channel(child):
                continue  # "warned on Monday evening", "asked on Twitter": not what
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _verb_phrase(cue, objects[0]), [child]
        elif child.dep_ in ("xcomp", "attr", "oprd", "acomp"):
            return _verb_phrase(cue, child), []
        elif child.dep_ == "advcl" and child.left_edge.lower_ == "for":
            # "is calling for his rivals to drop out", parsed as "for" opening a clause: the
            # clause is what is called for, "for" is part of the cue.
            mark = child.left_edge
            between = cue.doc[cue.i + 1 : mark.i]
            if mark.dep_ == "mark" and all(t.dep_ == "prt" for t in between):
                return [t for t in child.subtree if t.i != mark.i], [mark]
        elif child.dep_ == "dobj":
            if word in ADDRESSEE_VERBS and not any(
                c.dep_ == "xcomp" and c.i > child.i for c in cue.children
            ):
                continue  # "told reporters"; but "urged Congress to act" is what he urged
            return _verb_phrase(cue, child), []
    return [], []


_PHRASE_DEPS = frozenset(["dobj", "prep", "oprd", "xcomp", "acomp", "attr", "dative", "ccomp"])


def _verb_phrase(cue: Any, first: Any) -> list[Any]:
    """The complement ``first`` and what follows it in the verb phrase: "attacked other
    candidates on stage for accepting donations", "casting himself as a champion", "called the
    charges unsubstantiated"; up to a comma, a coordinated verb or a time phrase."""
    tokens = list(first.subtree)
    joiners: list[Any] = []  # a comma or "and" kept only if a coordinated object follows
    for child in cue.children:
        if child.i <= first.i:
            continue
        if child.left_edge.i != (joiners or tokens)[-1].i + 1:
            break
        if child.dep_ in ("punct", "cc") and child.lower_ in (",", "and", "or"):
            joiners.append(child)
            continue
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and joiners:
            # "stressed safety, and a need to raise wages": objects the parse coordinated
            # with the verb; a coordinated verb ("and vowed to ...") still ends the phrase
            tokens += [*joiners, *child.subtree]
            joiners = []
            continue
        if child.dep_ not in _PHRASE_DEPS or joiners or _time_phrase(child):
            break
        tokens += list(child.subtree)
    return tokens


def _channel(prep: Any) -> bool:
    """ "on Twitter", "on the radio": where the words went out."""
    return prep.lower_ == "on" and any(
        c.dep_ == "pobj" and lemma(c) in CHANNELS for c in prep.children
    )


def _time_phrase(child: Any) -> bool:
    """ "on Monday", "last week": a phrase saying when (not a date deep inside a clause, as
    in "urged Norway to reopen the talks it quit in 2009")."""
    if child.dep_ == "npadvmod":
        return any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    # The recogniser runs on entity windows only, so "on Monday" may carry no DATE label.
    return any(o.ent_type_ in ("DATE", "TIME") or o.lower_ in _DAY_WORDS for o in objects)


#: "on Monday", "tonight": full weekday names only ("sat", "sun" and "wed" are words too).
_DAY_WORDS = frozenset(w for w in WEEKDAYS if len(w) > 5) | {"today", "yesterday", "tonight"}


def _cue_tokens(cue: Any, extra: Sequence[Any] = ()) -> tuple[int, int]:
    """Character span of the whole cue: the verb with its auxiliaries, negation, particle and
    adverbs ("has not yet said", "also pointed out") and ``extra`` words ("called for")."""
    tokens = [cue, *extra, *_cue_company(cue)]
    head = cue.head
    if cue.dep_ == "xcomp" and head.pos_ in ("VERB", "ADJ") and cue.left_edge.i == head.i + 1:
        # "refused to endorse", "continued to insist": the verb the infinitive completes
        tokens += [head, *_cue_company(head)]
    # Only the unbroken run around the verb: "When asked, Trump also said" keeps "also said".
    ids = {t.i for t in tokens}
    doc = cue.doc
    first = last = cue.i
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids or (last + 2 in ids and not doc[last + 1].is_punct):
        last += 1 if last + 1 in ids else 2
    if last + 1 < len(doc) and doc[last + 1].text == ":":
        last += 1  # "commented:" (PolNeAR's cues take the colon 368 times in 386)
    end = doc[last]
    return doc[first].idx, end.idx + len(end.text)


def _cue_company(verb: Any) -> list[Any]:
    """The words written with a cue verb: auxiliaries, negation, particle and adverbs."""
    return [
        child
        for child in verb.children
        if (child.i < verb.i and child.dep_ in ("aux", "auxpass", "neg"))
        or (child.i > verb.i and child.dep_ == "prt")
        or (child.i < verb.i and child.dep_ == "advmod" and child.lower_ in CUE_ADVERBS)
        # "said sarcastically": a manner adverb right after the verb
        or (
            child.i == verb.i + 1
            and child.dep_ == "advmod"
            and child.lower_.endswith("ly")
            and not child.is_title  # "said Skelly": a name the parse took for an adverb
        )
    ]


def _adjacent_quote(cue: Any, doc: Any, quoted: list[QuotedSpan]) -> int | None:
    """A quoted passage right before the cue's clause or right after the cue ("said: “...”")."""
    text = text_of(doc)
    subject = subject_of(cue, quoted)
    # Not a closing quote mark the parse hung on the speaker ("“But why?” reporter X asked").
    first = next((t for t in subject.subtree if not t.is_punct), subject) if subject else cue
    clause_start = min(cue.idx, first.idx)
    after = cue.idx + len(cue.text)
    # "told the council when asked about the inquiry: “...”": the quote is told, not asked
    asides = [c for c in cue.children if _asked_aside(c) and c.i > cue.i]
    if asides:
        after = max(after, *(t.idx + len(t) for c in asides for t in c.subtree))
    elif _asked_aside(cue):
        after = len(text)  # a quote after it is its head's
    for k, passage in enumerate(quoted):
        if _owned_title(passage, text):
            continue
        gap_before = text[passage.end : clause_start]
        if passage.end <= clause_start and not gap_before.strip(" ,—–-"):
            if _in_a_phrase_of(passage, cue):
                continue  # "In an interview with “Harbour Live,” Holm pointed to ...": a title
            return k
        if subject is not None and _hung_on_speaker(passage, subject, text):
            return k
        gap_after = text[after : passage.start]
        near = passage.start >= after and len(gap_after) <= 40 and not _verb_between(cue, passage)
        if (
            near
            and not re.search(r"[.!?]", gap_after)
            and (not gap_after.strip(" ,:—–-") or gap_after.rstrip().endswith((":", ",")))
        ):
            return k
    return None


def _asked_aside(verb: Any) -> bool:
    """ "when asked about the inquiry" under a speech verb: a clause of the speaker's, with no
    subject of its own."""
    return (
        verb.dep_ == "advcl"
        and lemma(verb.head) in SPEECH_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _verb_between(cue: Any, passage: QuotedSpan) -> bool:
    """Between the cue and the quote after it stands a verb the cue's clause hangs from:
    "Holm, who spoke after the result was declared, told supporters, “...”" is Holm's quote
    (told), not the declaring's."""
    return any(cue.idx < t.idx < passage.start and t.pos_ in ("VERB", "AUX") for t in cue.ancestors)


def _in_a_phrase_of(passage: QuotedSpan, cue: Any) -> bool:
    """Do the quoted words close a phrase of the cue's that begins before them: a preposition's
    object ("In an interview with “Harbour Live,” Holm said ..."), not what was said?"""
    words = cue.doc.char_span(passage.inner_start, passage.inner_end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    token = words.root
    while token.head.i != cue.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return bool(token.dep_ == "prep" and token.idx < passage.start)


def _hung_on_speaker(passage: QuotedSpan, subject: Any, text: str) -> bool:
    """ "“That is fair,” Okoye, 69, told the Gazette": a quote the parse hung on the speaker's
    name, so that it opens the subject's phrase. It ends in punctuation, as a quote before its
    speaker does, unlike a title inside the phrase ("the “Harbour Live” host said")."""
    start = next((t.idx for t in subject.subtree if t.idx >= passage.end and not t.is_punct), None)
    return (
        start is not None
        and subject.left_edge.idx <= passage.inner_start
        and passage.end <= subject.idx
        and _ends_as_said(passage, text)
        and not text[passage.end : start].strip(" ,—–-")
    )


def _ends_as_said(passage: QuotedSpan, text: str) -> bool:
    """Do the quoted words end in punctuation, as a quote before its speaker does ("“...,”
    Okoye said"), unlike a title or slogan inside a phrase?"""
    return text[passage.inner_start : passage.inner_end].rstrip()[-1:] in (",", ".", "!", "?")


def _quote_before_speaker(cue: Any, quoted: list[QuotedSpan]) -> int | None:
    """ "“Very good pilot, this guy,” Okoye, the party's frontrunner, said on Monday": a verb
    left with neither subject nor content, after a quote and a phrase naming someone that the
    parse folded into the quote. The quote is the content (and the phrase the speaker)."""
    if subject_of(cue, quoted) is not None:
        return None
    doc, text = cue.doc, text_of(cue.doc)
    k = _quote_before(cue, quoted, text)
    if k is None:
        return None
    between = [t for t in doc if quoted[k].end <= t.idx < cue.idx]
    set_off = text[: cue.idx].rstrip().endswith(",")  # "..., the party's frontrunner, said"
    if not set_off or any(t.pos_ in ("VERB", "AUX") for t in between):
        return None
    return k if source_between(doc, quoted[k].end, cue.idx) is not None else None


def _owned_title(passage: QuotedSpan, text: str) -> bool:
    """ "on the Gazette’s “Harbour Live,”", "Holm’s “Look over here” line": a few quoted words
    after a possessive are a title or a name, not anyone's words."""
    words = len(text[passage.inner_start : passage.inner_end].split())
    before = text[max(0, passage.start - 8) : passage.start]
    return words <= TERM_MAX_WORDS and _POSSESSIVE_END.search(before) is not None


_POSSESSIVE_END = re.compile(r"\w['’]s?\s*$")


def _quote_before(cue: Any, quoted: list[QuotedSpan], text: str) -> int | None:
    """The quote before the cue in its sentence: the last one, unless only an earlier one
    ends as a quote before its speaker does, in punctuation ("“...,” Okoye, wearing “Vote
    Holm” pins, said": the pins' slogan is part of the speaker's phrase)."""
    sentence_start = cue.sent.start_char
    found = [
        k
        for k, passage in enumerate(quoted)
        if sentence_start <= passage.start
        and passage.end <= cue.idx
        and not _owned_title(passage, text)
        and not re.search(r"[.!?]\s", text[passage.end : cue.idx])
    ]
    ending = [k for k in found if _ends_as_said(quoted[k], text)]
    return (ending or found)[-1] if found else None


def _quote_instead(
    cue: Any,
    doc: Any,
    quoted: list[QuotedSpan],
    span: tuple[int, int] | None,
    extra: list[Any],
) -> tuple[int | None, tuple[int, int] | None, list[Any]]:
    """The quoted passage next to the cue that is its content, if any, with the content span
    and the cue's extra words left: when the parse gave no content, or when it gave only the
    topic of a speech verb and the quote comes first ("“Why ...?” Holm said of the council":
    the quote, and "said")."""
    # "said about the plan" too, but not "... said when asked about the plan"
    topic = ("of", "about") if cue.dep_ != "advcl" else ("of",)
    said_of = bool(extra) and extra[0].lower_ in topic and lemma(cue) in SPEECH_VERBS
    if span is not None and not said_of:
        k = _adjacent_quote(cue, doc, quoted)
        text = text_of(doc)
        if (
            k is not None
            and quoted[k].start > span[1]
            and text[span[1] : quoted[k].start].strip() == ":"
        ):
            # "apologized for the mix-up: “...”": the quote after the colon is what was
            # said, and the words before it are part of the cue
            return k, None, [*extra, *(t for t in doc if cue.i < t.i and t.idx < span[1])]
        return None, span, extra
    k = _adjacent_quote(cue, doc, quoted)
    if span is None or k is None:
        return k, span, extra
    if quoted[k].start > cue.idx:
        return None, span, extra  # "said of the council: “...”" is read as before
    return k, None, []


def _topic_prep(prep: Any, cue: Any) -> bool:
    """ "talked about taxes", "pushed for a vote" — not "spoke to reporters" (the audience)."""
    word = prep.lower_
    return word in _TOPIC_PREPS or (word == "to" and lemma(cue) in ("refer", "allude"))


def _seeming(cue: Any, subject: Any) -> bool:
    """ "The plan seems to be a shaky proposition", "Holm appeared to step on ...": a raising
    verb with its own subject before it."""
    return (
        lemma(cue) in _RAISING
        and subject is not None
        and subject.dep_ in ("nsubj", "nsubjpass")
        and subject.head.i == cue.i
        and subject.i < cue.i
        # not "Davis appeared on Fox & Friends": seeming has a complement
        and any(c.dep_ in ("xcomp", "acomp", "ccomp", "attr", "oprd") for c in cue.children)
        # "The mayor seemed to defend the budget": the mayor's stance, attributed to the mayor
        and not any(c.dep_ == "xcomp" and _scored_cue(c) for c in cue.children)
    )


def _scored_cue(token: Any) -> bool:
    model = cuemodel.current()
    return _is_cue(token) if model is None else model.keep(token)


def _unsaid_by_whom(cue: Any) -> tuple[int, int] | None:
    """ "The vote is expected to draw a crowd", "Okoye was once thought to be ...": expected
    or thought by whom, the sentence does not say; what is expected is the subject with its
    infinitive (PolNeAR marks both, with no source)."""
    xcomp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if xcomp is None or passive is None or not agent_unsaid(cue):
        return None
    return char_span([*passive.subtree, *xcomp.subtree])


def _refitted(
    quote: Quote, read: _Reading, doc: Any, quoted: list[QuotedSpan], offset: int
) -> Quote:
    """A reported clause with the bounds the tagger gives it, when it is sure of them
    (``tagger.refit``). Only indirect ones: quote marks bound the others."""
    if quote.kind != "indirect" or quote.cue is None or quote.speaker_kind == "writer":
        return quote
    span = tagger.refit(
        doc,
        (quote.cue.start - offset, quote.cue.end - offset),
        (quote.content.start - offset, quote.content.end - offset),
        read.found,
        read.content_probability,
    )
    if span is None or any(q.start < span[1] and span[0] < q.end for q in quoted):
        return quote
    text = text_of(doc)
    return replace(quote, content=Span(offset + span[0], offset + span[1], text[span[0] : span[1]]))


def _tightest(quotes: list[Quote]) -> list[Quote]:
    """ "Maas weighed in, saying, “If ...”": two cues, one attribution. Of attributions to the
    same speaker whose contents share 60% of their words or more, the tightest stays, unless
    a longer one holds the shorter's speaker ("Obama said he expected that ...") or says more
    first: that one is the report, and it stays instead. Nested ones sharing less ("Trump
    said he would order a review of X and of Y": what he said, and what he would order) are
    both kept."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: q.content.end - q.content.start):
        same = [k for k in kept if _same_words(quote, k) and _same_speaker(quote, k)]
        if not same:
            kept.append(quote)
        elif all(_says_more_first(quote, k) or _speaks_inside(k, quote) for k in same):
            kept = [k for k in kept if k not in same] + [quote]
    return kept


def _same_speaker(a: Quote, b: Quote) -> bool:
    """Nobody is not the same nobody: the writer's own voice is not an unsaid accuser's."""
    return a.speaker == b.speaker and a.speaker_kind == b.speaker_kind


def _says_more_first(longer: Quote, shorter: Quote) -> bool:
    """ "Okoye said she was “a firm backer” of the rules, which she argued would ...": the
    longer attribution has words of its own before the one it holds, so it is not the same
    one under two cues."""
    before = longer.content.text[: max(0, shorter.content.start - longer.content.start)]
    return len(before.split()) > 3


def _speaks_inside(shorter: Quote, longer: Quote) -> bool:
    """ "Okoye said she expected that voters will say “no”": the shorter attribution's speaker
    is inside what the longer one says, so the longer is the report and holds the shorter;
    the report is kept (annotators and readers take the outer cue as the attribution)."""
    src = shorter.source
    return src is not None and longer.content.start <= src.start and src.end <= longer.content.end


def _same_words(a: Quote, b: Quote) -> bool:
    shared = min(a.content.end, b.content.end) - max(a.content.start, b.content.start)
    union = max(a.content.end, b.content.end) - min(a.content.start, b.content.start)
    return shared > 0 and shared >= 0.6 * union


def _entity_sentences(doc: Any) -> list[Any]:
    """The sentences whose names matter: a proper name with a cue or a quote it may belong
    to, a speaker label, or a name of several words that later mentions may shorten ("Mike
    Pompeo" before "Pompeo said"). (Without a proper name the recogniser finds no speaker:
    "he said" is resolved from earlier paragraphs, "the official" from its words.)"""
    if not any(token.pos_ == "PROPN" for token in doc):
        return []
    model = cuemodel.current()
    wanted = []
    for number, sentence in enumerate(doc.sents):
        names = [t for t in sentence if t.pos_ == "PROPN"]
        if not names:
            continue
        if (
            (number == 0 and _LABEL.match(text_of(doc)))
            or any(t.i + 1 < sentence.end and doc[t.i + 1].pos_ == "PROPN" for t in names)
            or any(
                t.text in _QUOTE_TOKENS or (_is_cue(t) if model is None else _kept_cue(t, model))
                for t in sentence
            )
        ):
            wanted.append(sentence)
    return wanted


def _kept_cue(token: Any, model: cuemodel.CueModel) -> bool:
    # Decided again after entities are known (the filter uses the subject's entity type), so
    # this gate's answer is not reused by the attribution pass.
    if token.lower_ == "according":
        return True
    if not cuemodel.is_candidate(token):
        return False
    floor = _cue_floor(model, vetting.current())
    return model.probability(cuemodel.features(token)) >= floor


def _cue_floor(model: cuemodel.CueModel, vetter: vetting.Vetter | None) -> float:
    """The cue filter's score from which a verb gives an attribution: its own threshold, or
    the vetter's lower floor when the vetter judges what the verb gave."""
    return model.threshold if vetter is None else min(vetter.cue_floor, model.threshold)


_QUOTE_TOKENS = frozenset(['"', "“", "”", "``", "''", "«", "»"])


def _cue_probabilities(doc: Any, quoted: list[QuotedSpan]) -> dict[int, float]:
    """The cue filter's probability of every candidate verb outside the paragraph's quotes,
    by token index (empty without the filter)."""
    model = cuemodel.current()
    if model is None:
        return {}
    return {
        t.i: model.probability(cuemodel.features(t))
        for t in doc
        if cuemodel.is_candidate(t) and not inside(t.idx, quoted)
    }


def _cues(
    doc: Any, quoted: list[QuotedSpan], probabilities: dict[int, float]
) -> tuple[list[Any], dict[int, float]]:
    """The paragraph's cue words outside its quotes, and the cue filter's score of each verb
    it let through."""
    tokens = list(doc)  # spaCy makes a new Token object on every pass over the doc
    cues = [t for t in tokens if _is_cue(t) and not inside(t.idx, quoted)]
    model = cuemodel.current()
    vetter = vetting.current() if model is not None else None
    scores: dict[int, float] = {}
    if model is not None:
        # The learned filter decides over the wider candidate set ("according to" stays);
        # with a vetter, from a lower score: the vetter judges what the verb gave.
        floor = _cue_floor(model, vetter)
        for i, p in probabilities.items():
            # A verb right after a closing quote is a cue whatever its score (below), as are
            # "put it" before one and "delivered a retort:".
            by_rule = (
                _after_a_quote(tokens[i])
                or _put_it(tokens[i]) is not None
                or bool(_writing_before_colon(tokens[i]))
            )
            if p >= model.threshold or (p >= floor and not by_rule):
                scores[i] = p
        cues = [
            t for t in tokens
            if t.i in scores
            or (t.lower_ == "according" and _is_cue(t) and not inside(t.idx, quoted))
        ]  # fmt: skip
    cues += [t for t in tokens if _claim_noun(t) and not inside(t.idx, quoted)]
    chosen = {t.i for t in cues}
    cues += [
        t
        for t in tokens
        if t.i not in chosen
        and (_after_a_quote(t) or _writing_before_colon(t) or _put_it(t) is not None)
        and not inside(t.idx, quoted)
    ]
    return [t for t in cues if not _that_said(t)], scores


def _that_said(verb: Any) -> bool:
    """ "That said, turnout was low": a turn of phrase, nobody speaks."""
    doc, i = verb.doc, verb.i
    if verb.lower_ != "said" or i == 0 or i + 1 >= len(doc) or doc[i + 1].text != ",":
        return False
    that = doc[i - 1]
    if that.lower_ not in ("that", "this"):
        return False
    return that.i == 0 or that.is_sent_start or doc[that.i - 1].text in ("(", "—", "–", "-")


def _put_it(verb: Any) -> Any:
    """ "As Holm put it, “...”", "Holm put it this way: “...”": "put it" before a quote is a
    way of saying it, whatever the cue filter makes of "put". The "it", else None."""
    if verb.pos_ != "VERB" or lemma(verb) != "put":
        return None
    it = next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.i + 1), None)
    if it is None or it.lower_ != "it":
        return None
    text = text_of(verb.doc)
    # The quote opens after the verb phrase and a comma or a colon.
    rest = text[verb.right_edge.idx + len(verb.right_edge.text) :].lstrip()
    after_it = text[it.idx + len(it.text) :].lstrip()
    for words in (after_it, rest):
        if words[:1] in (",", ":") and words[1:].lstrip().startswith(tuple(_OPENING_TOKENS)):
            return it
    return None


def _quoted_passages(text: str, quote_follows: bool = False) -> list[QuotedSpan]:
    """The paragraph's quoted passages. An unclosed mark mid-paragraph is a typo, not a quote
    running to the end, unless a colon opens it ("More from Holm: “..." runs on into the next
    paragraphs), or it opens a sentence and the next paragraph opens with a quote mark: the
    way a quote of several paragraphs is printed, each opening a mark and only the last one
    closing it."""
    found = find_quoted(text)
    return [
        q
        for q in found
        if q.closed
        or not text[: q.start].strip()
        or text[: q.start].rstrip().endswith(":")
        or _continued_after_said(q, found, text)
        or (
            quote_follows
            and q is found[-1]  # the one running to the paragraph's end
            and text[: q.start].rstrip().endswith((".", "!", "?"))
        )
    ]


#: Text before a quoted passage that makes it a programme's or a paper's title: "said on
#: “...”", "said Sunday on Harbour TV's “...”" (``_unclaimed``).
_TITLED = re.compile(r"\b(?i:on)(?:(?:\s+[A-Z][\w.&-]*)+['’]s)?$")


def _opens_a_quote(paragraph: str) -> bool:
    return paragraph.lstrip().startswith(('"', "“", "«", "``", "„"))


def _continued_after_said(passage: QuotedSpan, found: list[QuotedSpan], text: str) -> bool:
    """ "“A,” Holm said. “B ...": an unclosed mark that opens a sentence after a quote and its
    cue goes on with what was said, into the next paragraph, as a quote's first paragraph
    does when it opens one."""
    before = text[: passage.start].rstrip()
    return (
        before.endswith((".", "!", "?"))
        and any(
            q.closed
            and q.end <= passage.start
            and passage.start - q.end <= 60
            # the cue between them: not "He called it “a tax”. “The ...", a typo in a new sentence
            and re.search(r"\w", text[q.end : passage.start]) is not None
            for q in found
        )
    )


def _overlap(a: Quote, b: Quote) -> bool:
    return a.content.start < b.content.end and b.content.start < a.content.end


def _span(text: str, span: tuple[int, int] | None, offset: int) -> Span | None:
    if span is None:
        return None
    return Span(offset + span[0], offset + span[1], text[span[0] : span[1]])


def _classify(
    span: tuple[int, int], quoted: list[QuotedSpan], claimed: set[int], text: str
) -> tuple[tuple[int, int], str]:
    """Direct when the content lies in quote marks (then the whole passage), else mixed/indirect."""
    start, end = span
    start += len(text[start:end]) - len(text[start:end].lstrip(INVISIBLE))
    for k, passage in enumerate(quoted):
        if passage.start <= start and end <= passage.end + 1:
            claimed.add(k)
            return (passage.inner_start, passage.inner_end), "direct"
    kind = "indirect"
    for k, passage in enumerate(quoted):
        if passage.start < end and start < passage.end:
            claimed.add(k)
            kind = "mixed"
            # Content trimmed before the closing mark still ends with the quoted fragment, and
            # its closing mark: "called the plan “reckless”".
            end = max(end, passage.end if passage.closed else passage.inner_end)
            start = min(start, passage.start)
    return (start, end), kind
