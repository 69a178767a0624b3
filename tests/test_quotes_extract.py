"""Who said what in one article: fixtures written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from presstrace.quotes import Quote, tagger, vetting
from presstrace.quotes.extract import (
    _TITLED,
    QuoteExtractor,
    _content_tokens,
    _cue_tokens,
    _entity_windows,
    _inner_words,
    _paragraphs,
)
from presstrace.quotes.marks import find_quoted
from presstrace.quotes.mentions import earlier_speaker, mention_span


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


ARTICLE = "\n\n".join(
    [
        "Harbour Minister Elena Marsh said on Monday that the northern quay would stay closed "
        "until the sea wall is repaired.",
        "“We cannot let ships berth there until the wall is safe,” Marsh told reporters at the "
        "port. “The engineers need at least three weeks.”",
        "“Nobody will lose their licence over this,” she added.",
        "“We will pay every fisherman for the days they cannot sail.”",
        "The town council said it was “deeply concerned” about the cost of the repairs.",
        "According to a senior port official, the repairs could cost 250,000 euros.",
        "The minister later called the storm damage “the worst in a generation.”",
        "Local fishermen described the closure as a “catastrophe”, and the council's so-called "
        "“resilience fund” was not mentioned.",
    ]
)


def by_content(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.content.text]
    assert found, f"no quote containing {words!r} in {[q.content.text for q in quotes]}"
    return found[0]


def test_direct_quotes_with_their_speakers(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract(ARTICLE)
    first = by_content(quotes, "We cannot let ships berth")
    assert first.kind == "direct"
    assert first.speaker == "Elena Marsh"  # "Marsh" completed from the first paragraph
    assert first.cue is not None and first.cue.text == "told"
    assert first.source is not None and first.source.text == "Marsh"
    # Offsets point into the article, without the quote marks.
    assert ARTICLE[first.content.start : first.content.end] == first.content.text
    assert not first.content.text.startswith("“")


def test_second_sentence_of_a_quote_continues_it(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract(ARTICLE)
    first = by_content(quotes, "We cannot let ships berth")
    second = by_content(quotes, "The engineers need")
    assert second.speaker == "Elena Marsh"
    assert second.continues == quotes.index(first)
    assert second.source == first.source  # the mention nearest the quote


def test_pronoun_and_floating_paragraph(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract(ARTICLE)
    added = by_content(quotes, "Nobody will lose")
    assert (added.speaker, added.source.text if added.source else None) == ("Elena Marsh", "she")
    floating = by_content(quotes, "We will pay every fisherman")
    assert floating.kind == "direct" and floating.cue is None
    assert floating.speaker == "Elena Marsh"


def test_indirect_mixed_and_according_to(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract(ARTICLE)
    indirect = by_content(quotes, "the northern quay would stay closed")
    assert indirect.kind == "indirect"
    assert indirect.content.text.startswith("that")
    assert indirect.role == "Harbour Minister"
    mixed = by_content(quotes, "deeply concerned")
    assert mixed.kind == "mixed"
    assert (mixed.speaker, mixed.speaker_kind) == ("town council", "organisation")
    according = by_content(quotes, "the repairs could cost")
    assert according.cue is not None and according.cue.text == "According to"
    assert according.speaker == "senior port official"
    assert according.speaker_kind == "unnamed"


def test_nominal_mention_resolves_through_the_role(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract(ARTICLE)
    called = by_content(quotes, "the worst in a generation")
    assert called.speaker == "Elena Marsh"  # "The minister" ~ "Harbour Minister Elena Marsh"


def test_scare_quotes_and_coined_terms_are_not_statements(extractor: QuoteExtractor) -> None:
    quotes, terms = extractor.extract_with_terms([ARTICLE])[0]
    assert not [q for q in quotes if q.content.text in ("catastrophe", "resilience fund")]
    assert {t.span.text for t in terms} >= {"resilience fund"}
    catastrophe = [t for t in terms if t.span.text == "catastrophe"]
    assert catastrophe and catastrophe[0].user == "Local fishermen"


def test_inverted_cue_appositive_and_colon_paragraph(extractor: QuoteExtractor) -> None:
    text = (
        "“The bridge will reopen in June,” said Tomas Riedel, an engineer at the port "
        "authority.\n\nRiedel continued:\n\n“We have ordered the steel already.”"
    )
    quotes = extractor.extract(text)
    assert [q.speaker for q in quotes] == ["Tomas Riedel", "Tomas Riedel"]
    assert quotes[0].role == "engineer at the port authority"
    assert quotes[1].cue is not None and quotes[1].cue.text == "continued:"  # as PolNeAR marks it


def test_dash_attribution_and_speech_inside_a_quote(extractor: QuoteExtractor) -> None:
    text = "“We call on the council to act now. They say nothing.” — Maria Okoye, a fisher."
    quotes = extractor.extract(text)
    assert len(quotes) == 1  # "call" and "say" inside the quote are not cues
    assert quotes[0].speaker == "Maria Okoye"


def cue_and_content(quotes: list[Quote], cue: str) -> tuple[str, str, str | None]:
    found = [q for q in quotes if q.cue is not None and q.cue.text == cue]
    assert found, f"no cue {cue!r} in {[q.cue.text for q in quotes if q.cue]}"
    return found[0].cue.text, found[0].content.text, found[0].speaker  # type: ignore[union-attr]


def test_cue_spans_take_auxiliaries_particles_and_prepositions(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Mayor Ana Lind has called for an inquiry into the harbour contract.\n\n"
        "The union has also said that the contract was signed too early.\n\n"
        "The port authority called the claims unfounded."
    )
    quotes = extractor.extract(text)
    assert cue_and_content(quotes, "has called for") == (
        "has called for",
        "an inquiry into the harbour contract",
        "Ana Lind",
    )
    _, content, speaker = cue_and_content(quotes, "has also said")
    assert content.startswith("that the contract") and speaker == "union"
    _, content, speaker = cue_and_content(quotes, "called")
    assert content == "the claims unfounded" and speaker == "port authority"


def test_passive_and_addressee(extractor: QuoteExtractor) -> None:
    text = (
        "The harbour plan has been endorsed by the regional council.\n\n"
        "The minister told reporters at the port."
    )
    quotes = extractor.extract(text)
    _, content, speaker = cue_and_content(quotes, "has been endorsed")
    assert content == "The harbour plan" and speaker == "regional council"
    # "told reporters": the reporters are whom she spoke to, not what she said.
    assert not [q for q in quotes if q.content.text == "reporters"]


def test_agent_of_a_participle_and_the_cue_particle(extractor: QuoteExtractor) -> None:
    text = "Ministers visited quays described by the fishermen's union as “a danger to every crew”."
    described = [q for q in extractor.extract(text) if q.cue and q.cue.text == "described"]
    assert described and described[0].speaker == "fishermen's union"
    assert described[0].content.text == "as “a danger to every crew”"
    # The particle belongs to the cue, not to what was said (whatever the filter decides).
    doc = extractor.nlp("The council rolled out “new fees for every berth”.")
    rolled = next(t for t in doc if t.text == "rolled")
    content, extra = _content_tokens(rolled)
    assert content[0].text != "out" and not extra
    start, end = _cue_tokens(rolled)
    assert doc.text[start:end] == "rolled out"


def test_relative_clause_speaker_stays_out_of_the_content(extractor: QuoteExtractor) -> None:
    text = "Drivers face a detour, which city engineer Tomas Reyna said would add 20 minutes."
    said = [q for q in extractor.extract(text) if q.cue is not None and q.cue.text == "said"]
    assert said and said[0].speaker == "Tomas Reyna"
    assert said[0].content.text == "would add 20 minutes"


def test_a_page_without_line_breaks_is_parsed_in_pieces(extractor: QuoteExtractor) -> None:
    filler = "The harbour board met again on Tuesday to discuss the repairs. " * 120
    text = filler + "“We will reopen in June,” said Mayor Ana Lind. " + filler
    pieces = list(_paragraphs(text))
    assert len(pieces) > 2 and all(len(p) <= 5_000 for _, p in pieces)
    assert "".join(p for _, p in pieces) == text and all(text[o:].startswith(p) for o, p in pieces)
    (quote,) = [q for q in extractor.extract(text) if "reopen" in q.content.text]
    assert quote.speaker == "Ana Lind" and text[quote.content.start : quote.content.end] == (
        "We will reopen in June,"
    )


def test_a_claim_noun_with_its_owner(extractor: QuoteExtractor) -> None:
    # (not "The mayor rejected the union's claim ...": that reading lies inside the mayor's)
    text = "The vote followed the union's claim that the quay had been “unsafe for years”."
    claim = [q for q in extractor.extract(text) if q.cue is not None and q.cue.text == "claim"]
    assert claim and claim[0].speaker == "union" and claim[0].kind == "mixed"
    assert claim[0].content.text == "that the quay had been “unsafe for years”"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ban Ki-moon said that the harbour deal was done.", "Ban Ki-moon"),
        (
            "Jean-Claude Marchetti said the quay was safe. Marchetti added that it would "
            "“reopen on Friday”.",
            "Jean-Claude Marchetti",
        ),
        ("The AFL/CIO said that dock wages fell last year.", "AFL/CIO"),
        ('<a href="x" data-id="77">Okoye said that dock wages fell last year.', "Okoye"),
        # Where the speaker spoke is not part of the name, apposition or no apposition.
        (
            '"The quay will reopen," said Ana Ruiz, the director of Harbour Watch, at a news '
            "conference in the capital Orsk.",
            "Ana Ruiz",
        ),
    ],
)
def test_names_as_written(extractor: QuoteExtractor, text: str, speaker: str) -> None:
    # Hyphens and slashes inside a name stay; markup glued to it by a scrape goes.
    assert {q.speaker for q in extractor.extract(text)} == {speaker}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ('"We found forty new compounds," said Ana Ruiz of Monitor Watch.', "Monitor Watch"),
        (
            "Ana Ruiz, director of Monitor Watch, said the camps were growing.",
            "director of Monitor Watch",
        ),
        ('"It is a crisis," said Tom Berg of the Harbour Fund.', "Harbour Fund"),
    ],
)
def test_a_person_of_a_body_is_the_person(extractor: QuoteExtractor, text: str, role: str) -> None:
    """The body a person speaks for is their role, not part of their name, whether or not the
    entity tagger knew the name; an office stays a title ("US Secretary of State")."""
    (quote,) = extractor.extract(text)
    assert quote.speaker in ("Ana Ruiz", "Tom Berg") and quote.speaker_kind == "person"
    assert quote.role == role
    (office,) = extractor.extract('"We will see," said the US Secretary of State on Monday.')
    assert office.speaker == "US Secretary of State"


def test_a_clause_of_its_own_is_not_the_first_cue_s_content(extractor: QuoteExtractor) -> None:
    text = (
        "Marsh mocked the complaint, saying anyone who complains about the quay "
        "“has not seen the storm”."
    )
    quotes = extractor.extract(text)
    assert cue_and_content(quotes, "mocked") == ("mocked", "the complaint", "Marsh")
    assert cue_and_content(quotes, "saying")[1].startswith("anyone who complains")


def test_a_that_clause_the_parser_hung_on_the_object(extractor: QuoteExtractor) -> None:
    text = (
        "In Bergen last week, Marsh told a gathering of fishing co-operatives that hardly "
        "anyone grasped the cost of the storm better than crews on the northern quay."
    )
    content = cue_and_content(extractor.extract(text), "told")[1]
    assert content.startswith("that hardly anyone grasped")


def test_a_participle_speaks_for_the_speaker_before_it(extractor: QuoteExtractor) -> None:
    # The fallback for a participle whose subject the parse lost (PolNeAR has "“...,” Sanders
    # said, suggesting ..." parsed with "suggesting" under a verb inside the quote).
    doc = extractor.nlp("“The quay is safe,” Marsh said, suggesting that the council pay.")
    suggesting = next(t for t in doc if t.text == "suggesting")
    assert earlier_speaker(suggesting).text == "Marsh"
    assert earlier_speaker(doc[1]) is None  # nothing before


def test_a_speech_verb_right_after_a_closing_quote_is_a_cue(extractor: QuoteExtractor) -> None:
    text = (
        "Harbour Minister Elena Marsh said on Monday that the quay would stay shut.\n\n"
        "“If you had a council that was going around closing quays and said, ‘We’re on the side "
        "of the fishermen, ‘ well I’m not, as a minister, going to let them claim my harbour "
        "and say, ‘You’re closing it for safety.’ I would say, ‘That’s ridiculous,'” the "
        "minister added."
    )
    quotes = extractor.extract(text)
    assert cue_and_content(quotes, "added")[2] == "Elena Marsh"


def test_a_that_clause_parsed_as_an_adverbial(extractor: QuoteExtractor) -> None:
    text = (
        "Riedel tweeted late in the evening that Marsh was “lazy” and “a liar” and encouraged "
        "fans to “look up” her old emails."
    )  # the small English model parses "that Marsh was ..." as an adverbial clause here
    content = cue_and_content(extractor.extract(text), "tweeted")[1]
    assert content.startswith("that Marsh was “lazy”")


def test_a_clause_with_its_own_subject_parsed_as_an_adverbial(extractor: QuoteExtractor) -> None:
    text = "Marsh said after the meeting she would not accept the board's offer if it were made."
    content = cue_and_content(extractor.extract(text), "said")[1]
    assert "she would not accept the board's offer" in content


def test_a_clause_before_a_semicolon_is_not_what_was_said(extractor: QuoteExtractor) -> None:
    text = "The ferry plan is unlikely to pass; the council says it will vote again this month."
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.content.text) == ("council", "it will vote again this month")


def test_who_asked_is_not_the_one_who_answers(extractor: QuoteExtractor) -> None:
    text = "Asked to describe the damage to the quay, Marsh said it was “worse than feared”."
    asked = [q for q in extractor.extract(text) if q.cue is not None and q.cue.text == "Asked"]
    assert asked and asked[0].speaker is None and asked[0].source is None


def test_a_passive_without_its_agent_names_nobody(extractor: QuoteExtractor) -> None:
    accused = extractor.extract("Okoye was accused of hiding the repair costs from the council.")
    assert [(q.speaker, q.content.text) for q in accused] == [
        (None, "Okoye was accused of hiding the repair costs from the council")
    ]  # who is accused is part of the claim; PolNeAR marks it so
    by = extractor.extract("Okoye was accused by the mayor of hiding the repair costs.")
    assert [q.source.text for q in by if q.source] == ["the mayor"]
    assert by[0].content.text.endswith("of hiding the repair costs")  # the charge, too


def test_a_cue_set_off_by_commas_reports_the_sentence_around_it(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "These dock crews, Okoye explained earlier in the council session, were “well-paid,” "
        "making between $40,000 and $55,000 a season."
    )
    quote = next(q for q in extractor.extract(text) if q.speaker == "Okoye")
    assert quote.content.text.startswith("These dock crews")
    assert "were “well-paid,”" in quote.content.text


def test_an_aside_leaves_the_writer_s_connective_out(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("But the quay, Marsh said, would reopen on Friday.")
    assert [q.content.text for q in quotes] == ["the quay, Marsh said, would reopen on Friday"]


def test_a_source_keeps_its_closing_bracket(extractor: QuoteExtractor) -> None:
    text = "Sen. Elena Marsh (D-Harbour) said the quay would reopen on Friday."
    quote = extractor.extract(text)[0]
    assert quote.source is not None and quote.source.text == "Sen. Elena Marsh (D-Harbour)"


def test_a_source_with_a_comma_inside_takes_the_closing_one(extractor: QuoteExtractor) -> None:
    text = "The family, protesters and civic leaders, said the quay would reopen on Friday."
    quote = extractor.extract(text)[0]
    assert quote.source is not None
    assert quote.source.text == "The family, protesters and civic leaders,"  # as PolNeAR marks it


def test_a_dash_source_is_the_name_after_the_dash(extractor: QuoteExtractor) -> None:
    text = "“I will not vote for a council that lets the quay rot in public,”― Maria Okoye"
    quote = extractor.extract(text)[0]
    assert quote.source is not None and quote.source.text == "Maria Okoye"


def test_an_infinitive_cue_takes_the_verb_it_completes(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("Marsh continued to insist that the quay was safe.")
    assert cue_and_content(quotes, "continued to insist")[1] == "that the quay was safe"


def test_a_cue_takes_its_manner_adverb(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("“The quay is perfectly safe,” Marsh said sarcastically.")
    assert [q.cue.text for q in quotes if q.cue] == ["said sarcastically"]


def test_source_with_apposition_starts_at_the_name(extractor: QuoteExtractor) -> None:
    text = "“The wall will hold this winter,” Okoye, a harbour engineer, said on Monday."
    quote = extractor.extract(text)[0]
    assert quote.source is not None and quote.source.text == "Okoye, a harbour engineer,"


def test_speaker_labels_of_a_transcript_and_a_headline(extractor: QuoteExtractor) -> None:
    text = (
        "Harbour Minister Elena Marsh said on Monday that the council would meet.\n\n"
        "MARSH: We will repair the wall before the winter storms arrive.\n\n"
        "“OKOYE: And who pays for the boats that cannot sail?\n\n"
        "Marsh: ‘Every Fisherman Will Be Paid for Lost Days.’"
    )
    quotes = extractor.extract(text)
    labelled = [q for q in quotes if q.cue is not None and q.cue.text == ":"]
    assert [(q.source.text if q.source else None, q.speaker, q.kind) for q in labelled] == [
        ("MARSH", "Elena Marsh", "direct"),  # a transcript label is the speaker's own words
        ("OKOYE", "OKOYE", "direct"),  # a transcript quoted as a whole
        ("Marsh", "Elena Marsh", "direct"),  # a headline: the name, a colon, the quote
    ]
    assert labelled[0].content.text == "We will repair the wall before the winter storms arrive."
    assert labelled[1].content.text == "And who pays for the boats that cannot sail?"
    assert labelled[2].content.text == "Every Fisherman Will Be Paid for Lost Days."


def test_a_quoted_transcript_runs_to_the_end_of_its_paragraph(extractor: QuoteExtractor) -> None:
    text = (
        '"OKOYE: But, minister, as “The Harbour Gazette” wrote, the quay has been shut for '
        "a month.\n\nMARSH: It will reopen on Friday, and the fishermen will be paid."
    )
    labelled = [q for q in extractor.extract(text) if q.cue is not None and q.cue.text == ":"]
    assert labelled[0].content.text == (
        "But, minister, as “The Harbour Gazette” wrote, the quay has been shut for a month."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Editor’s Note: This story was updated on Tuesday with comments from the council.",
        "WASHINGTON: The council met on Tuesday to discuss the harbour wall repairs.",
        "Update: The quay reopened on Friday after the repairs were finished.",
        "Big Win For Fishermen: Council Pays for the Repairs in Full.",
        "Sources: AP, Reuters",
        "Contributing: Dana Marsh and Ida Holm, Harbour Daily.",
        "Revealed: What The Council Papers Contain Makes The Mayor Look Worse.",
    ],
)
def test_page_furniture_is_not_a_speaker_label(extractor: QuoteExtractor, text: str) -> None:
    assert not [q for q in extractor.extract(text) if q.cue is not None and q.cue.text == ":"]


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes.",
        "A stray ” mark, then ``LaTeX style'' and \"straight\" quotes, said the clerk.",
        "“Unbalanced “nested” marks everywhere” ” ” “",
        "“",
        "",
        'said said said “” “ ” " "',
    ],
)
def test_odd_quote_marks_never_crash(extractor: QuoteExtractor, text: str) -> None:
    for quote in extractor.extract(text):
        assert 0 <= quote.content.start <= quote.content.end <= len(text)


def test_quote_marks_of_every_style() -> None:
    text = "“curly” and \"straight\" and ``latex'' and «guillemets» and ”reversed”"
    inner = [text[q.inner_start : q.inner_end] for q in find_quoted(text)]
    assert inner == ["curly", "straight", "latex", "guillemets", "reversed"]
    unclosed = find_quoted("“runs to the end of the paragraph")
    assert len(unclosed) == 1 and not unclosed[0].closed
    # a direction mark pasted before the opening one; a quote taken up mid-sentence
    pasted = "\u202a”Holm will sail on Monday!” wrote Tad Okoye."
    assert [pasted[q.inner_start : q.inner_end] for q in find_quoted(pasted)] == [
        "Holm will sail on Monday!"
    ]
    taken_up = "” … in the case of the harbour, the boat has left,” wrote the Gazette."
    assert [q.closed for q in find_quoted(taken_up)] == [True]
    # an opening mark typed for the closing one, before the speaker's name
    typo = "“It’s unusual,“ said Dana Holm, a lawyer. “It’s hard to do.”"
    assert [typo[q.inner_start : q.inner_end] for q in find_quoted(typo)] == [
        "It’s unusual,",
        "It’s hard to do.",
    ]


def test_nested_and_archive_quote_marks() -> None:
    nested = "“I’d sooner sail into what he calls “a storm” than stay,” wrote a reader."
    assert [nested[q.inner_start : q.inner_end] for q in find_quoted(nested)] == [
        "I’d sooner sail into what he calls “a storm” than stay,"
    ]
    # Unbalanced: the first quote was never closed; no nesting is assumed.
    typo = "“open “inner” never closed"
    assert [typo[q.inner_start : q.inner_end] for q in find_quoted(typo)] == ["open ", "inner"]
    archive = "''We will pay,'' she said. ''Every fisherman.''"
    assert [archive[q.inner_start : q.inner_end] for q in find_quoted(archive)] == [
        "We will pay,",
        "Every fisherman.",
    ]
    # curly marks inside a straight quote that runs on into the next paragraph
    mixed = '"The board isn’t about “Equal Access” anymore. It is about the vision.'
    assert [mixed[q.inner_start : q.inner_end] for q in find_quoted(mixed)] == [
        "The board isn’t about “Equal Access” anymore. It is about the vision."
    ]
    # not the same quote opened twice
    twice = '"“You don’t win by counting states,” Okoye said before leaving.'
    assert [twice[q.inner_start : q.inner_end] for q in find_quoted(twice)] == [
        "You don’t win by counting states,"
    ]


def test_entities_are_found_in_the_sentences_that_need_them(extractor: QuoteExtractor) -> None:
    text = (
        "The harbour was quiet this morning and the boats stayed in for the whole day. The "
        "wind was strong all night long, and the waves were higher than anyone could remember. "
        "Harbour Minister Elena Marsh said the quay would reopen on Friday."
    )
    parsed = {(0, 0): extractor.nlp(text)}
    extractor._recognise_entities(parsed)
    ents = {(e.text, e.label_) for e in parsed[(0, 0)].ents}
    assert ("Elena Marsh", "PERSON") in ents  # read from its sentence, placed in the paragraph
    assert all(e.start_char >= text.index("Harbour Minister") for e in parsed[(0, 0)].ents)


def test_two_titles_and_a_name_are_one_person(extractor: QuoteExtractor) -> None:
    text = "The firm's chairman and CEO Marta Velez said, “Our ferries will sail again soon.”"
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.speaker_kind) == ("Marta Velez", "person")
    assert quote.role == "firm's chairman and CEO"


def test_a_name_after_a_role_noun_and_a_surname_later(extractor: QuoteExtractor) -> None:
    text = "\n\n".join(
        [
            "Spokeswoman Lena Kovac said that the harbour would reopen in May.",
            "“The repairs are ahead of schedule,” said Kovac.",
            "“Prices are falling,” said the senior market strategist for Delta Ports, Omar Siddiq.",
        ]
    )
    quotes = extractor.extract(text)
    first = by_content(quotes, "the harbour would reopen")
    assert (first.speaker, first.speaker_kind, first.role) == (
        "Lena Kovac",
        "person",
        "Spokeswoman",
    )
    assert by_content(quotes, "The repairs are ahead").speaker == "Lena Kovac"
    assert by_content(quotes, "Prices are falling").speaker == "Omar Siddiq"


def test_a_fronted_phrase_is_not_the_speaker(extractor: QuoteExtractor) -> None:
    text = (
        "Harbour Minister Elena Marsh said the quay would open on Friday.\n\n"
        "As well as new berths for ferries, Marsh stated that a fish market would be built."
    )
    quote = by_content(extractor.extract(text), "a fish market would be built")
    assert quote.speaker == "Elena Marsh"


def test_a_surname_before_the_full_name_and_a_pronoun_before_any_speaker(
    extractor: QuoteExtractor,
) -> None:
    text = "\n\n".join(
        [
            "The port authority announced on Monday that Maria Gonzalez is its new director.",
            "“The harbour will be busier than ever,” she said.",
            "Okafor also announced that two new cranes would arrive in June.",
            "“We ordered them last year,” harbour engineer Daniel Okafor said.",
        ]
    )
    quotes = extractor.extract(text)
    assert by_content(quotes, "The harbour will be busier").speaker == "Maria Gonzalez"
    cranes = by_content(quotes, "two new cranes would arrive")
    assert (cranes.speaker, cranes.speaker_kind) == ("Daniel Okafor", "person")


def test_a_body_named_after_a_description_is_the_body(extractor: QuoteExtractor) -> None:
    text = "The country's largest ferry operator Baltic Lines said that fares would rise in June."
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.speaker_kind) == ("Baltic Lines", "organisation")


def test_an_inverted_cue_before_a_colon(extractor: QuoteExtractor) -> None:
    text = "Fishermen want the quay open. Said Okoro: “We lose money every day it stays shut.”"
    quote = by_content(extractor.extract(text), "We lose money")
    assert quote.speaker == "Okoro"
    assert quote.source is not None and quote.source.text == "Okoro"


def test_an_opening_according_to_ends_its_source_at_the_comma(extractor: QuoteExtractor) -> None:
    text = "According to harbour master Ana Ruiz, the closure reeks of “panic” and haste."
    (quote,) = extractor.extract(text)
    assert quote.speaker == "Ana Ruiz"
    assert quote.source is not None and quote.source.text == "harbour master Ana Ruiz"
    assert quote.content.text == "the closure reeks of “panic” and haste"


def test_a_mention_drops_a_conjunction_left_without_a_partner(extractor: QuoteExtractor) -> None:
    # The parse of a sentence with a typo ("and advocate about" for "and advocates"): the
    # conjunction hangs on the subject with nothing after it.
    words = ["Relatives", "of", "others", "and", "advocate", "about", "it"]
    doc = Doc(
        extractor.nlp.vocab,
        words=words,
        heads=[4, 0, 1, 0, 4, 4, 5],
        deps=["nsubj", "prep", "pobj", "cc", "ROOT", "prep", "pobj"],
        pos=["NOUN", "ADP", "NOUN", "CCONJ", "VERB", "ADP", "PRON"],
    )
    span = mention_span(doc[0])
    assert span is not None and doc.text[span[0] : span[1]] == "Relatives of others"


def test_a_mention_leaves_out_what_the_speaker_calls_something(extractor: QuoteExtractor) -> None:
    # "derided by critics as “staged” tours", with "as ..." hung on "critics" by the parse
    words = ["derided", "by", "critics", "as", "staged", "tours"]
    doc = Doc(
        extractor.nlp.vocab,
        words=words,
        heads=[0, 0, 1, 2, 5, 3],
        deps=["ROOT", "agent", "pobj", "prep", "amod", "pobj"],
        pos=["VERB", "ADP", "NOUN", "ADP", "ADJ", "NOUN"],
    )
    span = mention_span(doc[2])
    assert span is not None and doc.text[span[0] : span[1]] == "critics"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Crews are paid by the catch, according to a March 3 column by The Harbour Times.",
         "Harbour Times"),
        ("A 2019 report by Amnesty International said the camps were growing.",
         "Amnesty International"),
        ("The report by the council said the quay was unsafe.", "council"),
    ],
)  # fmt: skip
def test_a_writing_speaks_for_its_author(
    extractor: QuoteExtractor, text: str, speaker: str
) -> None:
    (quote,) = extractor.extract(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Marsh stressed harbour safety, and a need to raise the dock wages.", "stressed",
         "harbour safety, and a need to raise the dock wages"),
        ("The minister urged Norway to reopen the fishing talks it quit in 2009.", "urged",
         "Norway to reopen the fishing talks it quit in 2009"),
        ("She attacked the plan on Monday and vowed to fight it.", "attacked", "the plan"),
    ],
)  # fmt: skip
def test_a_verb_phrase_takes_coordinated_objects_and_stops_at_when(
    extractor: QuoteExtractor, text: str, cue: str, content: str
) -> None:
    assert cue_and_content(extractor.extract(text), cue)[1] == content


def test_a_complement_split_in_two_by_the_parse_is_one_clause(extractor: QuoteExtractor) -> None:
    text = (
        "Officials warned that attempts to breach the port system were made by people with "
        "ties to foreign agencies."
    )  # the small model reads "attempts" as a verb: two complements of "warned"
    content = cue_and_content(extractor.extract(text), "warned")[1]
    assert content.endswith("were made by people with ties to foreign agencies")


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "role"),
    [
        ('"Many investors want out," said the senior market strategist for Harbour Capital, '
         "Fritz Meyer.", "Fritz Meyer", "person", "senior market strategist for Harbour Capital"),
        ("Its chairwoman, Zoë Ångström, said members wanted a footbridge.", "Zoë Ångström",
         "person", "chairwoman"),
        ("A statement from Harbour Ferries stated that the two firms now disagree.",
         "Harbour Ferries", "organisation", None),
    ],
)  # fmt: skip
def test_a_speaker_s_kind_and_role(
    extractor: QuoteExtractor, text: str, speaker: str, kind: str, role: str | None
) -> None:
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.speaker_kind, quote.role) == (speaker, kind, role)


def test_a_deadline_is_not_an_agent(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("A first estimate of the repair time was expected by March 26.")
    assert all(q.speaker != "March" for q in quotes)


def test_a_participle_after_a_fronted_phrase_speaks_for_the_name(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "As well as new ferry routes to the south, Marsh stated that there was a chance of "
        'routes elsewhere as well, saying, "We will put the south first."'
    )
    assert {q.speaker for q in extractor.extract(text)} == {"Marsh"}


@pytest.mark.parametrize(
    "text",
    [
        "The crash sent the ferry shares tumbling down 50 points.",
        "The plane promises better fuel use.",
        "The storm sent ferry fares soaring.",
    ],
)
def test_things_and_events_take_no_position(extractor: QuoteExtractor, text: str) -> None:
    assert extractor.extract(text) == []


def test_speakers_named_together_are_one_group(extractor: QuoteExtractor) -> None:
    text = "Norway, Sweden and Denmark signed a letter commending the “remarkable progress”."
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.speaker_kind) == ("Norway, Sweden and Denmark", "group")


def test_a_month_after_a_writing_dates_it(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("According to a report from March, the quay is unsafe.")
    assert [q.speaker for q in quotes] == ["report"]


def test_a_when_clause_is_not_what_was_told(extractor: QuoteExtractor) -> None:
    assert extractor.extract("The minister told parliament when he returned from Oslo.") == []


def test_any_verb_closing_a_quoted_sentence_speaks(extractor: QuoteExtractor) -> None:
    barked = extractor.extract("“Go back to the studio,” the mayor barked.")
    assert [(q.kind, q.speaker) for q in barked] == [("direct", "mayor")]
    # A title before a relative clause, or a verb with an object of its own, says nothing.
    assert extractor.extract("“Harbour Lights,” which opened in 2015, won awards.") == []
    assert extractor.extract("“Harbour Lights,” the studio released it in May.") == []


def test_calling_for_a_clause(extractor: QuoteExtractor) -> None:
    # The small model reads "for" as opening a clause; what is called for is that clause.
    text = "Okoye, who won the vote in March, is calling for some of her rivals to step aside."
    (quote,) = extractor.extract(text)
    assert (quote.cue.text if quote.cue else None, quote.speaker) == ("is calling for", "Okoye")
    assert quote.content.text == "some of her rivals to step aside"


def test_a_participle_phrase_parsed_as_the_subject_speaks_through_its_noun(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Large majorities of voters in six counties going to the ballot boxes on Super Tuesday "
        "said they support a plan to close the harbour."
    )
    (quote,) = extractor.extract(text)
    assert quote.speaker is not None and quote.speaker.startswith("Large majorities of voters")
    assert quote.content.text.startswith("they support a plan")


def test_a_closing_quote_glued_to_the_speaker(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("“The quay is safe again,”Okoye said on Monday.")
    assert (quote.kind, quote.speaker, quote.content.text) == (
        "direct",
        "Okoye",
        "The quay is safe again,",
    )


def test_a_cue_coordinated_without_a_conjunction_is_an_aside(extractor: QuoteExtractor) -> None:
    text = (
        "Marsh will keep the harbour open through the winter, his top aide, Tad Holm, told "
        "reporters."
    )
    vetting.use_vetter(False)  # the rule, not the learned vetter's view of it
    try:
        (quote,) = extractor.extract(text)  # parsed as "Marsh will keep ... and Tad Holm told"
    finally:
        vetting.use_vetter(None)
    assert quote.speaker == "Tad Holm"
    assert quote.content.text.startswith("Marsh will keep the harbour open")
    # With "and", the second clause is a report of its own.
    text = "The mayor opened the bridge, and her deputy told reporters it was safe."
    assert [q.content.text for q in extractor.extract(text)] == ["it was safe"]


def test_a_question_before_its_asker(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("“But why?” reporter Ida Holm asked him.")
    assert (quote.kind, quote.speaker, quote.content.text) == ("direct", "Ida Holm", "But why?")


def test_a_that_clause_hung_on_the_statement_it_was_said_in(extractor: QuoteExtractor) -> None:
    text = (
        "Okoye’s campaign chief Ida Holm says in a statement that the vote will soon be a "
        "contest between Okoye and Marsh."
    )  # parsed as "a statement that ..." (what the statement is), not what Holm says
    (quote,) = extractor.extract(text)
    assert quote.content.text == "that the vote will soon be a contest between Okoye and Marsh"


def test_a_speaker_read_as_an_apposition_inside_a_fronted_phrase(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "In a statement to the Gazette, her senior policy adviser, Tad Holm, said: “Okoye "
        "believes that the harbour must stay open.”"
    )
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.speaker) == ("direct", "Tad Holm")


def test_a_wire_dateline_is_not_the_speaker(extractor: QuoteExtractor) -> None:
    text = "MACAU (AP) — The harbour owner Ida Marsh said on Friday he met the mayor this week."
    assert [q.speaker for q in extractor.extract(text)] == ["Ida Marsh"]
    # A name set off by dashes is no dateline.
    text = "Tad Holm — a teacher from Harbourtown — says he voted for the quay."
    assert [q.speaker for q in extractor.extract(text)] == ["Tad Holm"]


def test_a_speaker_after_a_fronted_question_and_a_party_label(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Asked about the posters, Speaker of the House Rep. Tad Holm (R-WI) said “such images "
        "have no place in a campaign.”"
    )
    assert [q.speaker for q in extractor.extract(text) if q.kind == "direct"] == ["Tad Holm"]


def test_an_opening_quote_glued_to_the_comma_before_it(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("Holm said,“Look, such images have no place here.”")
    assert (quote.speaker, quote.content.text) == ("Holm", "Look, such images have no place here.")


def test_of_two_subjects_the_name_nearest_the_verb_speaks(extractor: QuoteExtractor) -> None:
    text = (
        "Monday at Holm University in Dover, DE, after winning Delaware in the primary, Gov. "
        "Ida Marsh (R-DE), said, “We are ready.”"
    )  # parsed with two subjects, "Monday" and "Marsh"
    assert [q.speaker for q in extractor.extract(text)] == ["Ida Marsh"]


def test_a_statement_announced_with_a_colon(extractor: QuoteExtractor) -> None:
    text = (
        "When the harbour flooded in 1998, Mayor Okoye released the following statement:\n\n"
        "“Ida and I offer our condolences to the families.”"
    )  # a paragraph with no speech verb or quote mark of its own is read all the same
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.speaker) == ("direct", "Okoye")
    assert quote.cue is not None and quote.cue.text == "released the following statement:"
    (quote,) = extractor.extract("The council issued a statement: “We regret the delay.”")
    assert (quote.speaker, quote.content.text) == ("council", "We regret the delay.")
    # A longer object with unquoted words after the colon is no announcement.
    assert extractor.extract("The port released its annual report: profits fell.") == []


def test_entities_are_read_only_around_names_and_dates(extractor: QuoteExtractor) -> None:
    text = (
        "The ferry service, which the town has run for a very long time with its own boats and "
        "crews, will stop. Mayor Ida Okoye said last week that the council agreed in 1998."
    )
    doc = extractor.nlp(text)
    windows = _entity_windows(doc, list(doc.sents))
    read = {t.i for w in windows for t in w}
    assert {t.i for t in doc if t.text in ("Okoye", "last", "week", "1998")} <= read
    assert doc[1].i not in read  # "ferry", far from any name or date, costs nothing
    parsed = {(0, 0): doc}
    extractor._recognise_entities(parsed)
    found = {(e.text, e.label_) for e in parsed[(0, 0)].ents}
    assert {("Ida Okoye", "PERSON"), ("last week", "DATE"), ("1998", "DATE")} <= found


def test_an_entity_loses_the_punctuation_and_adverb_at_its_edges(
    extractor: QuoteExtractor,
) -> None:
    doc = extractor.nlp("”― Certainly Dana Holm.")
    doc.set_ents([doc.char_span(0, len("”― Certainly Dana Holm"), "PERSON")])
    (entity,) = doc.ents
    start, end = _inner_words(entity)  # type: ignore[misc]
    assert doc.text[start:end] == "Dana Holm"
    assert _inner_words(doc[0:2]) is None


def test_an_expectation_nobody_is_said_to_hold_is_the_writers_voice(
    extractor: QuoteExtractor,
) -> None:
    # PolNeAR annotates these with no source; the record keeps them apart as the outlet's own
    (quote,) = extractor.extract("Mayor Okoye is also expected to unveil her budget on Monday.")
    assert (quote.source, quote.speaker, quote.speaker_kind) == (None, None, "writer")
    assert quote.content.text == "Mayor Okoye is also expected to unveil her budget on Monday"
    assert quote.cue is not None and quote.cue.text == "is also expected"
    # by whom, the sentence says: an attribution like any other
    quotes = extractor.extract("Okoye is expected by analysts to unveil her budget.")
    assert quotes and all(q.speaker == "analysts" for q in quotes)


def test_what_seems_so_is_the_writers_voice(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("Holm appeared to step on her own momentum at the debate.")
    assert (quote.source, quote.speaker_kind) == (None, "writer")
    assert quote.content.text == "Holm appeared to step on her own momentum at the debate"
    (quote,) = extractor.extract("The harbour plan seems to be a shaky proposition.")
    assert (quote.speaker_kind, quote.content.text) == (
        "writer",
        "The harbour plan seems to be a shaky proposition",
    )
    # appearing somewhere is no seeming
    assert extractor.extract("Holm appeared on the morning show with her aide.") == []


def test_a_question_asked_with_if_or_whether(extractor: QuoteExtractor) -> None:
    text = "Asked if she believed the council wanted Marsh to win, Okoye said she would not guess."
    asked = by_content(extractor.extract(text), "if she believed")
    assert asked.speaker is None and asked.cue is not None and asked.cue.text == "Asked"
    quotes = extractor.extract(
        "“The yard is busy,” Dana Holm said.\n\nShe greeted the crew and asked the welders "
        "if they meant to join the strike."
    )
    assert by_content(quotes, "if they meant to join").speaker == "Dana Holm"


def test_a_name_right_before_a_verb_without_subject_speaks(extractor: QuoteExtractor) -> None:
    text = (
        "Friday at the Harbourtown Liberal county’s party dinner Sen. Ida Marsh (D-ME) said the "
        "harbour plan was a “costly failure” for fishermen."
    )  # parsed with "Marsh" an apposition of "dinner" and no subject for "said"
    assert [q.speaker for q in extractor.extract(text)] == ["Ida Marsh"]


def test_a_quote_before_said_of_is_the_content(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("“Why will they never listen?” Holm said of the council in May.")
    assert (quote.speaker, quote.content.text) == ("Holm", "Why will they never listen?")
    assert quote.cue is not None and quote.cue.text == "said"
    (quote,) = extractor.extract("Holm said of the council that it never listens.")
    assert quote.content.text == "that it never listens"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Said Marsh: “We will not wait for the council.”", "Marsh", "Said"),
        ("Stated Dana Holm: “I think the stakes are high for the harbour.”", "Dana Holm", "Stated"),
    ],
)
def test_a_label_opened_by_its_verb(
    extractor: QuoteExtractor, text: str, speaker: str, cue: str
) -> None:
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.kind) == (speaker, "direct")
    assert quote.cue is not None and quote.cue.text == cue


def test_a_live_blog_entry_starts_afresh(extractor: QuoteExtractor) -> None:
    text = (
        "“We will win the harbour seat,” Mara Lowe said.\n\n___\n\n6:00 p.m.\n\n"
        "Dana Holm is keeping up her criticism of her rivals before the vote.\n\n"
        "She says the pier plan would cost the town too much."
    )  # "She" is the entry's Dana Holm, not the last entry's speaker
    quotes = extractor.extract(text)
    assert by_content(quotes, "the pier plan would cost").speaker == "Dana Holm"


def test_she_or_he_before_anyone_spoke_is_the_person_the_paragraph_is_about(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Tad Marsh is raising questions about his debate with Ida Okoye.\n\n"
        "He says, “The microphone did not work for an hour.”"
    )
    assert by_content(extractor.extract(text), "microphone").speaker == "Tad Marsh"


def test_an_organisation_is_named_in_full(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("The Center for Harbour Policy said the pier cost too much.")
    assert (quote.speaker, quote.speaker_kind) == ("Center for Harbour Policy", "organisation")


def test_a_digest_names_whom_it_quotes_before_a_colon(extractor: QuoteExtractor) -> None:
    text = (
        "HARBOUR POLLS STOPPED TOO EARLY - Dana Holm and Ida Marsh: “The surveys ended a week "
        "before the vote, and the swing came late.” [Gazette.]\n\n"
        "Counts ran behind in the north -More from Holm: “Counting in the north ran two days "
        "behind the south, so the early tallies were\n\n"
        "“misleading for anyone reading them that night.”\n\n"
        "The Harbour Institute published a report on Monday. From the report: “Samples "
        "weighted by region did better than those weighted by age alone.”\n\n"
        "Related: “Five things to know about the harbour vote this week”"
    )
    quotes = extractor.extract(text)
    first = by_content(quotes, "The surveys ended")
    assert (first.speaker, first.kind) == ("Dana Holm and Ida Marsh", "direct")
    assert first.cue is not None and first.cue.text == ":"
    assert first.source is not None and first.source.text == "Dana Holm and Ida Marsh"
    # an unclosed mark a colon opens runs on, and the next paragraph continues it
    second = by_content(quotes, "Counting in the north")
    assert second.speaker == "Dana Holm" and second.content.text.endswith("tallies were")
    assert by_content(quotes, "misleading for anyone").speaker == "Dana Holm"
    assert by_content(quotes, "Samples weighted").source.text == "the report"  # type: ignore[union-attr]
    assert not [q for q in quotes if "Five things" in q.content.text]
    headline = "Big Win For Holm: “The harbour vote went our way tonight, and we thank you.”"
    assert not [q for q in extractor.extract(headline) if q.cue and q.cue.text == ":"]


def test_calling_something_a_name_is_a_judgement_as_well_as_a_term(
    extractor: QuoteExtractor,
) -> None:
    quotes, terms = extractor.extract_with_terms(
        ["Dana Holm called Marsh “unhinged.” Okoye blasted the plan, calling it “absurd.”"]
    )[0]
    assert by_content(quotes, "unhinged").speaker == "Dana Holm"
    assert by_content(quotes, "absurd").speaker == "Okoye"
    assert {t.span.text: t.user for t in terms} == {"unhinged.": "Dana Holm", "absurd.": "Okoye"}
    # naming inside a phrase stays a term only
    quotes, terms = extractor.extract_with_terms(
        ["The camps, which the ministry calls “training centres”, are full."]
    )[0]
    assert quotes == []
    assert [(t.span.text, t.user) for t in terms] == [("training centres", "ministry")]


def test_a_name_ending_in_ly_after_said_is_the_speaker(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract("“Having both files is valuable,” said Skelly.")
    assert quote.speaker == "Skelly" and quote.cue is not None and quote.cue.text == "said"
    (quote,) = extractor.extract("“Having both files is valuable,” Holm said sarcastically.")
    assert quote.cue is not None and quote.cue.text == "said sarcastically"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Marsh needed to split the first two votes,” added a Harbour Democrat.", "Democrat"),
        ('"Owners should leave their boats at home," opined the Harbour Gazette.', "Gazette"),
        ('"We took notes on her life," read the statement.', "statement"),
        (
            '"I will not call it an error, so drop the subject," said retired surgeon '
            "Dana Holm, asked about his claims that he had been offered a scholarship.",
            "Dana Holm",
        ),
        (
            '"The risk," said Tad Okoye, a surveyor who leads the pilots union of the harbour, '
            '"is that we lose the jobs."',
            "Tad Okoye",
        ),
        (
            '"Someone came by and told us to go," said the clerk, who like others on the pier '
            "did not wish to be named.",
            "clerk",
        ),
    ],
)
def test_a_speaker_after_the_verb_that_the_parse_made_its_object(
    extractor: QuoteExtractor, text: str, speaker: str
) -> None:
    quote = next(q for q in extractor.extract(text) if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.endswith(speaker)


def test_the_speaker_of_a_participle_before_the_verb_speaks(extractor: QuoteExtractor) -> None:
    text = (
        'Sen. Ida Marsh (D-Harb.), noting the size of the crowd, said, "Let me tell you, it is '
        'big."'
    )
    quote = next(q for q in extractor.extract(text) if q.kind == "direct")
    assert quote.speaker == "Ida Marsh"


def test_a_participle_after_a_quote_does_not_take_its_object_as_speaker(
    extractor: QuoteExtractor,
) -> None:
    text = "Holm fired back: “If they sue us in court, they will lose,” adding a warning."
    # What is added, not who speaks. (With no speaker found, there is no attribution.)
    assert all(q.speaker != "warning" for q in extractor.extract(text))


def test_an_apposition_after_the_verb_is_not_part_of_the_speaker(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Harbour officials said recently that all “trainees” had “graduated” and found work — "
        "claims that have not convinced sceptics of the council, among them Okoye."
    )
    (quote,) = extractor.extract(text)
    assert quote.source is not None and quote.source.text == "Harbour officials"
    (quote,) = extractor.extract("Dana Holm, the head of research, said the pier is safe.")
    assert quote.source is not None and quote.source.text == "Dana Holm, the head of research,"


def test_a_noun_the_parse_read_as_a_verb_is_no_cue(extractor: QuoteExtractor) -> None:
    text = (
        "Officials said that all “cadets” had “passed” and found employment, claims that have "
        "not convinced sceptics of the council, among them the mayor."
    )
    (quote,) = extractor.extract(text)  # what the officials said; "claims" is a noun
    assert quote.cue is not None and quote.cue.text == "said"


def test_a_title_after_a_possessive_is_nobodys_words(extractor: QuoteExtractor) -> None:
    text = (
        "Speaking on Wednesday’s “Harbour Live,” Tad Okoye, the pilot known as “Captain,” "
        "stated that he had seen the logs."
    )
    quotes = extractor.extract(text)
    assert not any("Harbour Live" in q.content.text for q in quotes)
    assert ("that he had seen the logs", "Tad Okoye") in [
        (q.content.text, q.speaker) for q in quotes
    ]


def test_a_quote_then_a_speaker_the_parse_folded_into_it(extractor: QuoteExtractor) -> None:
    # "said on Monday" has no content of its own; the apposition is not a second speaker
    text = (
        "“Very good pilot, very good pilot this guy,” Okoye, the party frontrunner in the "
        "harbour, said on Monday."
    )
    (quote,) = extractor.extract(text)
    assert quote.content.text == "Very good pilot, very good pilot this guy,"
    assert quote.speaker == "Okoye" and quote.speaker_kind == "person"


def test_a_quote_the_parse_hung_on_its_speakers_name(extractor: QuoteExtractor) -> None:
    # The parse makes the quote a clause of "Okoye", not of "told"; the quote is still what
    # Okoye told, and the source is the name with its apposition, not the quote
    text = (
        "“That’s a fair worry, because they’re very keen,” Okoye, 69, told the Gazette Monday "
        "when asked about concerns that Marsh’s voters would not back Holm if he loses the vote."
    )
    quote = next(q for q in extractor.extract(text) if q.cue and q.cue.text == "told")
    assert quote.content.text == "That’s a fair worry, because they’re very keen,"
    assert quote.source is not None and quote.source.text == "Okoye, 69,"
    assert quote.speaker == "Okoye"
    # hung on a word of the name
    text = "“It’s unanimous,” councilmember Ida Holm said of the vote to end the harbour deal."
    quote = next(q for q in extractor.extract(text) if q.cue and q.cue.text == "said")
    assert quote.source is not None and quote.source.text == "councilmember Ida Holm"


def test_a_title_inside_the_speakers_phrase_is_not_what_they_said(
    extractor: QuoteExtractor,
) -> None:
    (quote,) = extractor.extract("The “Harbour Live” host said the ferry was late.")
    assert quote.content.text == "the ferry was late"
    # with nothing else to report, the title is still no quote
    assert extractor.extract("The “Harbour Live” host told the Gazette on Monday.") == []


def test_according_to_after_a_speaker_is_a_report_of_what_they_said(
    extractor: QuoteExtractor,
) -> None:
    quotes = extractor.extract("“The pier will hold,” Holm said, according to the Gazette.")
    said = {q.speaker: q.content.text for q in quotes}
    assert said == {"Holm": "The pier will hold,", "Gazette": "“The pier will hold,” Holm said"}


def test_a_pronoun_in_an_aside_is_the_speaker_not_the_clauses_subject(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Ida Holm spoke to the council on Monday. “We will act,” she said.\n\n"
        "Loyalty, she noted, has long been a core value of the harbour board."
    )
    noted = next(q for q in extractor.extract(text) if q.cue and q.cue.text == "noted")
    assert noted.speaker == "Ida Holm"


def test_an_unclosed_quote_after_a_quote_and_its_cue_goes_on_with_it(
    extractor: QuoteExtractor,
) -> None:
    # "“A,” Holm said. “B" with B running on into the next paragraph
    text = (
        "“One I would call a quiet kind of anger,” Holm said. “Harbour meetings are where "
        "people say what the town has pushed aside.\n\n"
        "“There is another side that is darker,” Holm said."
    )
    quotes = extractor.extract(text)
    follow = next(q for q in quotes if q.content.text.startswith("Harbour meetings"))
    assert follow.speaker == "Holm" and follow.continues == 0
    # not a cue: "say" is inside the quote
    assert not any(q.cue and q.cue.text == "say" for q in quotes)


def test_an_unclosed_mark_inside_a_sentence_is_a_typo(extractor: QuoteExtractor) -> None:
    quotes = extractor.extract("Holm said the “harbour plan would fail, and then she left.")
    assert [(q.kind, q.content.text) for q in quotes] == [
        ("indirect", "the “harbour plan would fail")
    ]
    # a sentence right after a quote, with no cue between them, does not go on with it
    quotes = extractor.extract(
        "Holm called it “a tax”. “The council will pay for the quay in the end, and the town "
        "will go on as before"
    )
    assert [q.content.text for q in quotes] == ["it “a tax”"]


def test_no_quote_goes_on_with_the_writers_own_voice(extractor: QuoteExtractor) -> None:
    text = (
        "Ida Holm said the quay would reopen.\n\n"
        "The vote is expected to pass on Tuesday. “We will not give up on this quay, whatever "
        "the council does.”"
    )
    quotes = extractor.extract(text)
    assert [q.speaker_kind for q in quotes if q.speaker is None] == ["writer"]
    assert not any(q.content.text.startswith("We will not give up") for q in quotes)


def test_a_verb_the_parse_read_as_a_modifier_of_the_speaker(extractor: QuoteExtractor) -> None:
    # "Holm" is the root of the parse and "Tweeted" a participle modifying it
    text = (
        "“Not our plan, but hard to fault it!” Holm, the head of Harbour First, Tweeted on "
        "Friday with an image."
    )
    (quote,) = extractor.extract(text)
    assert (quote.speaker, quote.content.text) == ("Holm", "Not our plan, but hard to fault it!")
    assert quote.source is not None and quote.source.text == "Holm, the head of Harbour First,"
    # a participle that names is no saying
    assert extractor.extract("A group, called the Harbour Fund.") == []


def test_a_quote_after_a_colon_that_ends_the_cues_phrase(extractor: QuoteExtractor) -> None:
    text = 'Holm has since apologized for the mix-up: "Yes, I should have kept the ledgers apart."'
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.speaker) == ("direct", "Holm")
    assert quote.content.text == "Yes, I should have kept the ledgers apart."
    assert quote.cue is not None and quote.cue.text == "has since apologized for the mix-up:"


def test_according_to_at_a_sentences_end_reports_all_of_it(extractor: QuoteExtractor) -> None:
    # the parse hangs "according to" on the last of the coordinated verbs
    text = (
        "Fishermen are held in sheds built “to prevent escapes” and are scored on their "
        "fluency in the harbour dialect and forced to follow strict rules, according to a "
        "column by the Gazette."
    )
    (quote,) = [q for q in extractor.extract(text) if q.speaker == "Gazette"]
    assert quote.content.text.startswith("Fishermen are held in sheds")
    assert quote.content.text.endswith("forced to follow strict rules")


def test_the_report_around_an_indirect_quote_holds_who_said_it(extractor: QuoteExtractor) -> None:
    text = (
        'On Monday, Holm said he was "happy to see" that Okoye was voted in, according to the '
        "Gazette."
    )
    said = {q.speaker: q.content.text for q in extractor.extract(text)}
    assert list(said) == ["Gazette"]
    assert said["Gazette"].startswith("On Monday, Holm said he was")


@pytest.mark.parametrize(
    "before",
    [
        "The claim is old.",  # nobody spoke before: the quote was dropped
        "Marsh spoke first. “We will win,” Marsh said.",  # the quote floated on to Marsh
    ],
)
def test_a_dash_line_names_who_said_the_quote_above_it(
    extractor: QuoteExtractor, before: str
) -> None:
    text = (
        f"{before}\n\n“Workers are worried about their pay, and nearly all new income goes to "
        "the top.”\n\n-Dana Holm, Harbourtown.\n\nHolm is relying on an outdated figure."
    )
    quote = next(q for q in extractor.extract(text) if q.content.text.startswith("Workers"))
    assert quote.speaker == "Dana Holm" and quote.cue is not None and quote.cue.text == "-"


def test_a_subhead_between_dashes_names_nobody(extractor: QuoteExtractor) -> None:
    text = "“Great speech. She is ready, and she never quits.”\n\n– Old hands –.\n\nMore later."
    assert extractor.extract(text) == []


def test_a_name_with_a_party_label_before_a_colon_speaks(extractor: QuoteExtractor) -> None:
    text = 'Rep. Tad Okoye (R-H.B.):"Nobody but you has ever given me that number."'
    (quote,) = extractor.extract(text)
    assert quote.speaker == "Tad Okoye"


def test_a_saying_hung_on_a_reported_clause_is_a_second_attribution(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Holm said she felt no need to apologise for the remarks, telling the crowd that “the "
        "truth hurts.”"
    )
    said = {(q.cue.text if q.cue else None): q.content.text for q in extractor.extract(text)}
    assert said["said"] == "she felt no need to apologise for the remarks"
    assert said["telling"] == "that “the truth hurts.”"


def test_the_speaker_of_a_saying_hung_on_a_reported_clause(extractor: QuoteExtractor) -> None:
    text = (
        "Holm said the council had no reason to delay the vote, telling reporters that “the "
        "harbour cannot wait.”"
    )
    telling = next(q for q in extractor.extract(text) if q.cue and q.cue.text == "telling")
    assert telling.speaker == "Holm"  # not the council, the subject of what Holm said


def test_quoted_words_whose_speaker_is_lost_are_no_attribution(extractor: QuoteExtractor) -> None:
    # "seemed", whose subject the parse gave to "defend", had made a third attribution,
    # "to defend the budget by saying, ...", by nobody. ("saying", the mayor's quote, lies
    # inside the first and goes too: ``nested``.)
    text = "The mayor seemed to defend the budget by saying, “We kept every promise on the pier.”"
    said = [(q.cue.text if q.cue else None, q.speaker) for q in extractor.extract(text)]
    assert said == [("seemed to defend", "mayor")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # The parse hangs the that-clause on the aside between the verb and it.
        (
            "Holm said during a visit to the mill on Monday that the port would reopen.",
            "that the port would reopen",
        ),
        (
            "The senator told the Gazette in a report that appeared this week that he believes "
            "the port is failing.",
            "that he believes the port is failing",
        ),
    ],
)
def test_a_that_clause_hung_on_an_aside_is_what_was_said(
    extractor: QuoteExtractor, text: str, said: str
) -> None:
    quote = next(q for q in extractor.extract(text) if q.cue and q.cue.text in ("said", "told"))
    assert quote.content.text == said


def test_a_that_clause_of_a_saying_in_the_aside_is_not_the_verbs(
    extractor: QuoteExtractor,
) -> None:
    text = "Holm said after the aides confirmed that the port closed."
    said = [(q.cue.text if q.cue else None, q.content.text) for q in extractor.extract(text)]
    assert said == [("confirmed", "that the port closed")]


def test_the_speaker_of_a_verb_the_parse_hung_on_a_participle(extractor: QuoteExtractor) -> None:
    text = (
        "Activists clamoring to block Okoye from the nomination say they are gaining ground "
        "every week."
    )
    (quote,) = extractor.extract(text)
    assert quote.speaker == "Activists"


def test_a_saying_that_holds_a_second_one_of_the_same_speaker_is_kept(
    extractor: QuoteExtractor,
) -> None:
    # both attributions resolve to Ida Okoye; the "said" one has words of its own first
    text = (
        "Ida Okoye, a former officer, wants more jobs.\n\n"
        "Okoye said she was “a firm backer” of shared rules for the schools, which she argued "
        "would make it easier for the many families who move each year to change schools in "
        "the district and across the county."
    )
    quotes = [q for q in extractor.extract(text) if q.speaker == "Ida Okoye"]
    assert any(
        q.cue is not None
        and q.cue.text == "said"
        and q.content.text.startswith("she was “a firm backer”")
        for q in quotes
    )
    # the longer one says more first ("to defend the claim"): it is kept, not the inner one
    (quote,) = extractor.extract(
        "Holm continued to defend the claim that a late ferry, at least in part, caused the "
        "crash at the quay."
    )
    assert quote.cue is not None and quote.cue.text == "continued"
    assert quote.content.text.startswith("to defend the claim that a late ferry")
    # one saying under two readings of its words is still one quote
    (quote,) = extractor.extract(
        "Holm weighed in, saying, “If the harbour closes, the town closes.”"
    )
    assert quote.content.text == "If the harbour closes, the town closes."


def test_a_report_whose_words_hold_the_speakers_own_view_is_the_attribution(
    extractor: QuoteExtractor,
) -> None:
    # "he expected" is inside what Okoye said: the report is the "said" one
    text = "President Ida Okoye said he expected that voters will say “no” to Holm’s harbour plan."
    quotes = extractor.extract(text)
    assert [(q.speaker, q.cue.text if q.cue else None, q.content.text) for q in quotes] == [
        ("Ida Okoye", "said", "he expected that voters will say “no” to Holm’s harbour plan")
    ]


def test_a_title_in_the_speakers_description_is_not_what_she_said(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "“It is a disgrace to this whole town,” said Dana Holm, author of “The Long Tide,” "
        "a history of the harbour."
    )
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.speaker) == ("direct", "Dana Holm")
    assert quote.content.text == "It is a disgrace to this whole town,"


def test_a_title_in_a_phrase_before_the_speaker_is_not_what_he_said(
    extractor: QuoteExtractor,
) -> None:
    text = "In an interview with “Morning Tide,” Dana Holm said the council was to blame."
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.content.text) == ("indirect", "the council was to blame")
    # with "pointed to", no rule's content; the title was taken for it
    text = "In an interview with “Morning Tide,” Dana Holm pointed to the council as the culprit."
    assert all("Morning Tide" not in q.content.text for q in extractor.extract(text))
    # a quote before its speaker still is what was said
    (quote,) = extractor.extract("“Why now, of all times?” Holm asked.")
    assert quote.content.text == "Why now, of all times?"


def test_where_words_went_out_is_not_what_they_were_about(extractor: QuoteExtractor) -> None:
    text = (
        'Holm "happily backs the quay as a recovery effort. Does that work?" former mayor '
        "Ida Marsh asked on Twitter."
    )
    (quote,) = extractor.extract(text)
    assert (quote.kind, quote.speaker) == ("direct", "Ida Marsh")
    (quote,) = extractor.extract("Holm complained on the radio about the dock fees.")
    assert quote.content.text == "the dock fees"


def test_a_slogan_in_the_speakers_phrase_is_not_the_quote_before_her(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "“We have had better harbour fairs than this one,” Bill Okoye, wearing a straw hat "
        "and “Vote Holm” pins, said flatly."
    )
    (quote,) = extractor.extract(text)
    assert quote.content.text == "We have had better harbour fairs than this one,"
    assert quote.speaker == "Bill Okoye"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Holm defended his pledge to rebuild the harbour and offered new details about it.",
            "his pledge to rebuild the harbour",
        ),
        ("Holm told him “no more excuses” and walked out.", "him “no more excuses”"),
        ("But the council will pay for the quay, Holm said.", "the council will pay for the quay"),
    ],
)
def test_a_conjunction_at_the_edge_of_a_content_is_left_out(
    extractor: QuoteExtractor, text: str, content: str
) -> None:
    assert extractor.extract(text)[0].content.text == content


def test_a_quote_of_several_paragraphs_opens_each_and_closes_only_the_last(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "“We need calm hands,” Holm told the council, pointing at the mayor but not naming "
        "him. “Not a mayor who says he is for the harbour on Monday, against it on Tuesday "
        "and who knows what on Friday.\n\n"
        "“Well, my friends, the harbour is not for sale!” she said."
    )
    quotes = extractor.extract(text)
    assert not any(q.cue and q.cue.text == "says" for q in quotes)  # inside Holm's words
    (running,) = [q for q in quotes if q.content.text.startswith("Not a mayor")]
    assert running.speaker == "Holm" and running.kind == "direct"
    # an unclosed mark with no quote after it is still a typo
    text = "Holm said the quay was shut. “It will not open again.\n\nThe council met at noon."
    assert [q.content.text for q in extractor.extract(text)] == ["the quay was shut"]


def test_of_two_subjects_the_pronoun_right_before_the_cue_speaks(
    extractor: QuoteExtractor,
) -> None:
    # the parse makes both "people" and "she" subjects of "said"
    text = (
        "Dana Holm said the sailing club had grown.\n\n"
        "The port has now made it possible for people with odd, if bogus, ideas and plans to "
        "gather into clubs, she said."
    )
    (quote,) = [q for q in extractor.extract(text) if q.cue and q.cue.text == "said"][1:]
    assert quote.source is not None and quote.source.text == "she"
    assert quote.speaker == "Dana Holm"


def test_a_fronted_participle_phrase_is_not_the_speaker(extractor: QuoteExtractor) -> None:
    # the parse makes "signs" a second subject of "chanted"
    text = "Holding signs, the protesters chanted “Bad for Harbourtown, bad for you.”"
    (quote,) = extractor.extract(text)
    assert quote.source is not None and quote.source.text == "the protesters"


def test_as_someone_put_it_introduces_a_quote(extractor: QuoteExtractor) -> None:
    text = "As the harbour master Ida Marsh put it, “Nobody reads the tide tables any more.”"
    (quote,) = extractor.extract(text)
    assert quote.cue is not None and quote.cue.text == "put it"
    assert quote.content.text == "Nobody reads the tide tables any more."
    assert quote.speaker == "Ida Marsh"
    # archive quote marks too
    (quote,) = extractor.extract("As Ida Marsh put it, ``Nobody reads the tide tables now.''")
    assert quote.cue is not None and quote.cue.text == "put it"
    # "put it" with no quote after it says nothing
    assert extractor.extract("Dana Holm put it in the shed before the storm.") == []


def test_no_break_spaces_do_not_part_a_quote_from_its_speaker(
    extractor: QuoteExtractor,
) -> None:
    text = "“Like Harbourtown. Or Dover,”\xa0Okoye said.\u202f“The crime numbers are worse.”"
    quotes = extractor.extract(text)
    assert [q.content.text for q in quotes] == [
        "Like Harbourtown. Or Dover,",
        "The crime numbers are worse.",
    ]
    assert {q.speaker for q in quotes} == {"Okoye"}
    first = quotes[0]
    assert text[first.content.start : first.content.end] == first.content.text


def test_a_short_quoted_sentence_after_a_quote_goes_on_with_it(
    extractor: QuoteExtractor,
) -> None:
    text = "“Like Harbourtown. Or Dover,” Okoye said. “The numbers are worse.”"
    quotes = extractor.extract(text)
    assert [q.content.text for q in quotes] == [
        "Like Harbourtown. Or Dover,",
        "The numbers are worse.",
    ]
    assert quotes[1].speaker == "Okoye"
    # a short quote inside a sentence is still a term, nobody's statement
    assert extractor.extract("The ferry to “the harbour lot” left at noon.") == []


def test_a_quote_after_one_by_an_unknown_speaker_goes_on_with_it(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Dana Holm said the meeting was open.\n\n"
        "“Your rules for the ferry fares change every week,” they write. “We do not understand it.”"
    )
    quotes = [q for q in extractor.extract(text) if q.content.text.startswith(("You", "We"))]
    assert [q.content.text for q in quotes] == [
        "Your rules for the ferry fares change every week,",
        "We do not understand it.",
    ]
    # still nobody known, not the last person named
    assert [q.speaker for q in quotes] == [None, None]
    assert quotes[1].source is not None and quotes[1].source.text == "they"


def test_a_quote_after_an_aside_goes_on_with_the_quote_before_the_aside(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "“Women are paid equally for the work we do here,” said Ida Marsh, referring to the "
        "ferry company. “As mayor, I will change the rules.”"
    )
    _, aside, more = extractor.extract(text)
    assert aside.cue is not None and aside.cue.text == "referring to"
    assert more.content.text == "As mayor, I will change the rules."
    assert more.continues == 0  # the quote, not the aside (index 1)


def test_a_programme_title_after_said_on_is_no_quote(extractor: QuoteExtractor) -> None:
    text = (
        '"You cannot call the port and ask for records," Okoye said on Harbour TV\'s "This '
        'Week With Dana Holm." "Because there is no way to check anyone."'
    )
    quotes = extractor.extract(text)
    assert [q.content.text for q in quotes] == [
        "You cannot call the port and ask for records,",
        "Because there is no way to check anyone.",
    ]
    assert quotes[1].continues == 0
    # a name's quoted words elsewhere are no title: "commending Harbourtown’s “great strides”"
    assert _TITLED.search("said Sunday on Harbour TV’s") is not None
    assert _TITLED.search("commending Harbourtown’s") is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a clause that narrows the noun down is who speaks, as PolNeAR marks it
        ("A court filing released Thursday shows that the port lost money.",
         "A court filing released Thursday"),
        ("Fishermen who sail from the north quay said the ban was unfair.",
         "Fishermen who sail from the north quay"),
        # one set off by a comma or a dash is an aside about the speaker
        ("Ida Holm, who ran the harbour board for a decade, said the ban was unfair.",
         "Ida Holm"),
        ("Joyce — who is listed as a lawyer in Harbourtown — said the claim was false.", "Joyce"),
    ],
)  # fmt: skip
def test_a_restrictive_clause_is_part_of_the_source(
    extractor: QuoteExtractor, text: str, source: str
) -> None:
    (quote,) = extractor.extract(text)
    assert quote.source is not None and quote.source.text == source


def test_the_verb_a_quote_follows_is_its_cue_not_a_clause_before_it(
    extractor: QuoteExtractor,
) -> None:
    # the clause about the count ends before "told", which the quote goes with
    text = (
        "Holm, who called Okoye just after the victor was declared, told her backers, "
        "“I love this harbour, and I always will.”"
    )
    quote = by_content(extractor.extract(text), "I love this harbour")
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker == "Holm"
    # "when asked ...:" is said by the one who told
    text = (
        "Ida Holm, who told the council when asked last month about the inquiry: "
        "“Career staff handle it.”"
    )
    quote = by_content(extractor.extract(text), "Career staff handle it.")
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker == "Ida Holm"


def test_a_quote_after_when_asked_goes_on_with_the_speaker(extractor: QuoteExtractor) -> None:
    text = (
        "“No council will ever get it perfect,” Marsh said when asked about the new standards, "
        "which the board wrote. “The job is to keep improving.”"
    )
    quotes = extractor.extract(text)
    more = by_content(quotes, "The job is to keep improving.")
    assert more.speaker == "Marsh"
    assert more.continues == 0


def test_a_quote_said_about_something_is_what_was_said(extractor: QuoteExtractor) -> None:
    text = "“Why would you cosy up to the mayor?” Okoye said about Holm’s effort to win votes."
    (quote,) = extractor.extract(text)
    assert quote.kind == "direct"
    assert quote.content.text == "Why would you cosy up to the mayor?"
    assert quote.cue is not None and quote.cue.text == "said"


def test_that_said_is_a_turn_of_phrase(extractor: QuoteExtractor) -> None:
    text = "Turnout was low. That said, voters say they believe the council will act."
    (quote,) = extractor.extract(text)
    assert quote.source is not None and quote.source.text == "voters"
    assert quote.content.text == "they believe the council will act"


def test_a_quote_added_after_a_reported_clause_is_its_own(extractor: QuoteExtractor) -> None:
    text = (
        "Ida Holm said it was too soon to name a winner but added, "
        "“I suspect the harbour already knows the answer.”"
    )
    said, added = extractor.extract(text)
    assert said.kind == "indirect"
    assert said.content.text == "it was too soon to name a winner"
    assert added.kind == "direct" and added.speaker == "Ida Holm"
    assert added.cue is not None and added.cue.text == "added"


def test_a_second_saying_joined_to_the_reported_clause_is_its_own(
    extractor: QuoteExtractor,
) -> None:
    # the rules alone: the tagger may join the two again where annotators would
    tagger.use_tagger(False)
    try:
        said, added = extractor.extract("Ida Holm said he would run and added that he would win.")
        # "found" goes on with the trainees, not with the officials
        (found,) = extractor.extract(
            "Officials said that all the trainees had graduated and found stable work."
        )
    finally:
        tagger.use_tagger(None)
    assert said.content.text == "he would run"
    assert added.content.text == "that he would win"
    assert added.speaker == "Ida Holm"
    assert found.content.text == "that all the trainees had graduated and found stable work"


def test_a_quote_added_after_a_quoted_clause_is_its_own(extractor: QuoteExtractor) -> None:
    text = (
        "Okoye said that the mayor “had a plan which was doomed,” adding, "
        "“He lost every vote in the harbour.”"
    )
    said, adding = extractor.extract(text)
    assert said.content.text == "that the mayor “had a plan which was doomed,”"
    assert adding.kind == "direct" and adding.speaker == "Okoye"
    assert adding.content.text == "He lost every vote in the harbour."


def test_a_saying_announced_before_a_colon_is_what_follows(extractor: QuoteExtractor) -> None:
    text = 'Ida Holm gave a short retort: "Nobody is scrapping the plan. The ferry sails on."'
    (quote,) = extractor.extract(text)
    assert quote.kind == "direct" and quote.speaker == "Ida Holm"
    assert quote.content.text == "Nobody is scrapping the plan. The ferry sails on."
    assert quote.cue is not None and quote.cue.text == "gave a short retort:"


def test_calling_that_something_is_a_judgement(extractor: QuoteExtractor) -> None:
    (quote,) = extractor.extract('Campaign manager Jeff Marsh called that "beyond absurd."')
    assert quote.kind == "mixed" and quote.speaker == "Jeff Marsh"
    # a relative clause names: a term, not a statement
    assert not extractor.extract("The sheds, which it calls “training centres”, are new.")
