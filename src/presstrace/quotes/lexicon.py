"""Words that introduce reported speech, and the quote marks of the world's newsrooms.

The verb list started from the attribution cues most frequent in the PolNeAR training split
(said, says, according to, told, added, wrote, asked, noted, reported, announced, suggested,
tweeted, argued, ...) and was completed with the speech and cognition verbs of the Gender Gap
Tracker and textacy lists. Only lemmas are listed; spaCy's lemmatizer maps the forms.
"""

from __future__ import annotations

import re

#: Verbs whose clausal complement is what someone said, wrote or holds true.
SPEECH_VERBS = frozenset(
    """
    say tell add write ask note report announce suggest tweet post argue explain claim state
    warn insist reply respond acknowledge declare continue recall conclude concede admit
    confirm deny estimate predict promise pledge vow urge caution complain contend emphasize
    emphasise stress assert allege maintain observe point remark comment testify reveal
    disclose indicate boast joke quip muse lament acknowledge affirm announce answer assure
    believe think feel fear hope worry expect know understand agree disagree doubt mention
    reiterate repeat retort shout scream yell whisper cry write blog email text describe
    call criticize criticise accuse blame praise demand propose recommend tweet counter
    rebut dismiss question wonder speculate guess reckon hint imply signal show find
    conclude decide rule
    """.split()
)

#: Speech verbs that, joined to a reported clause, mostly go on with the clause's subject:
#: "said the trainees had graduated and found work", "said he would run and continue to".
DONE_BY_THE_CLAUSE = frozenset(
    """
    find show decide rule conclude continue know understand agree disagree believe think
    feel fear hope worry expect doubt wonder guess reckon
    """.split()
)

#: Speech verbs whose report is a that-clause, wherever the parse hangs it ("said during a
#: visit on Monday that ..."); not "ask" or "respond", whose clause is something else.
THAT_VERBS = frozenset(
    """
    say tell write add report announce claim state insist argue warn note explain
    acknowledge confirm admit predict promise declare reveal
    """.split()
)

#: Stance verbs: an attribution of a position whose content is an object, an infinitive or a
#: prepositional phrase ("endorsed Clinton", "wants to win", "talked about taxes"). The most
#: frequent such cues of the PolNeAR training split.
STANCE_VERBS = frozenset(
    """
    support endorse want seem appear refer offer talk speak seek discuss defend express back
    cite consider oppose refuse decline attack denounce reject echo challenge highlight
    recognize recognise prefer view charge blast slam tout applaud condemn decry favor
    favour embrace mock assail push plan intend aim threaten advocate disavow allude portray
    """.split()
)

#: Verbs that are cues only with a clause ("showed that ..."), never with a bare object, and
#: so are not taken as cues of a direct quote next to them.
CLAUSE_ONLY = frozenset(
    """
    show find signal indicate know understand feel think believe expect hope fear doubt
    """.split()
)

#: Adverbs written inside a cue ("also said", "has repeatedly cited"); not those that frame the
#: sentence ("when asked", "however").
CUE_ADVERBS = frozenset(
    """
    also now still even then later repeatedly previously publicly privately recently reportedly
    already again once never often frequently falsely openly initially first further since long
    just quickly immediately specifically explicitly
    """.split()
)

#: Words of a paragraph-opening "Label:" that is page furniture, a dateline, a topic or a
#: headline's hook, not a speaker ("Editor's Note:", "Update:", "Monday:", "Revealed:").
NOT_LABELS = frozenset(
    """
    update updated note editor editors photo photos picture video image images source sources
    related read see also watch listen click caption credit credits correction corrections
    clarification disclosure warning q a question answer subscribe sign follow share tags tag
    filed posted published comments comment topics topic keywords email e-mail tel phone fax
    address date time location when where why how what who breaking exclusive live opinion
    analysis review advertisement sponsored more previously background context summary name
    bottom the in on at for from by and or but this that it its key top latest monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december step part chapter figure table map graphic
    contributing contributors notice paid revealed leaked busted bombshell boom wow look just so
    """.split()
)
#: Words a name does not have after its first: "Big Win For Bernie:" is a headline.
LABEL_BREAKS = frozenset(["for", "of", "the", "in", "on", "to", "a", "at", "by", "with", "is"])

#: Nouns that report what someone said or holds ("Trump's claim that ...").
SPEECH_NOUNS = frozenset(
    """claim statement assertion allegation accusation argument warning promise pledge
    suggestion insistence belief view comment remark charge contention declaration announcement
    admission prediction threat vow demand complaint concern fear hope suspicion proposal
    assurance denial conclusion finding insinuation notion idea message""".split()
)

#: Verbs whose object is the person addressed ("told reporters"), not what was said.
ADDRESSEE_VERBS = frozenset(
    """tell ask urge warn assure inform remind brief email text advise caution press thank
    answer""".split()
)

#: Irregular forms of the verbs above; regular ones come from the stems.
_IRREGULAR = """
    said told wrote written found knew known thought felt saw seen sought spoke spoken held
    understood meant put gave given made took taken became began rang sang shown drew drawn
    """.split()


def _forms(verb: str) -> set[str]:
    """Regular inflections: say/says/said is irregular, but argue/argues/argued/arguing is not."""
    base = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, f"{verb}s", f"{verb}es", f"{verb}d", f"{verb}ed", f"{base}ing", f"{base}ed"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {f"{verb[:-1]}ies", f"{verb[:-1]}ied"}
    return forms


#: Verbs (lemmas) of writing and exclaiming that, outside the speech verbs, put their speaker
#: after them right after a quote ("“...,” opined the Gazette").
INVERTED_WRITING = frozenset(["opine", "exhort", "read", "chime", "editorialize"])

#: Verbs written before the speaker's name in a label: 'Said Ellis: “...”', 'Added Okoye: ...'.
INVERTED_CUES = frozenset(
    """
    said says told wrote writes added adds asked asks noted notes explained explains stated
    states tweeted tweets replied replies recalled recalls declared declares continued
    continues concluded concludes insisted insists warned warns argued argues observed
    observes remarked remarks answered answers
    """.split()
)

#: Paragraphs worth parsing: a form of a cue verb or a quote mark. A superset of what the rules
#: accept, and only a filter: a false hit costs one parse, a miss loses an attribution.
CUE_HINT = re.compile(
    r"\b(?:according|"
    + "|".join(sorted(set(_IRREGULAR).union(*(_forms(v) for v in SPEECH_VERBS | STANCE_VERBS))))
    + r")\b|[\"“”«»„]|``|''|:\s*\Z",  # and a paragraph that introduces the next one
    re.IGNORECASE,
)

#: Pronouns that stand for the last speaker of their kind.
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "i", "me"])
GROUP_PRONOUNS = frozenset(["they", "them", "we", "us"])
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])

#: Opening → closing quote marks. Straight double quotes alternate; `` '' is LaTeX/PTB style.
PAIRS = {"“": "”", "„": "“", "«": "»", "»": "«", '"': '"', "``": "''"}
# Unicode closing marks that some outlets also use as openers (”Like this”).
CLOSERS = {"”", "»", "''"}

#: Titles that precede a name and belong to the role, not the name.
HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady rev rev. prof prof.
    """.split()
)

#: Words of an office, which make a capitalised run a title ("US Secretary of State"), not a
#: person's name ("Ana Ruiz of Monitor Watch").
TITLE_WORDS = frozenset(
    """
    secretary minister president chairman chairwoman chair director spokesman spokeswoman
    spokesperson ambassador governor senator representative mayor chief head general
    commissioner premier chancellor king queen prince princess pope bishop judge justice
    attorney prosecutor officer official leader speaker envoy adviser advisor counsel
    """.split()
)

#: "which it calls “vocational training centres”": naming, not saying.
NAMING_VERBS = frozenset("call dub label term name brand describe refer".split())

#: Nouns heading a mention of a body rather than a person ("Japan's foreign ministry").
ORG_NOUNS = frozenset(
    """
    ministry office department agency government administration committee council court
    commission party company police army embassy spokesperson spokesman spokeswoman treasury
    """.split()
)
#: Nouns for what a person does, beside the offices of ``TITLE_WORDS``: "Automotive analyst
#: Dennis DesRosier", "president and CEO Louis Gallois".
ROLE_NOUNS = frozenset(
    """
    analyst economist strategist trader expert executive ceo cfo coo founder editor professor
    researcher lawyer manager spokesman spokeswoman spokesperson vice
    """.split()
)
#: Words that say what a person is, office or occupation: a role, never part of a name.
PERSON_ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS
#: Writings whose author is the one who says what they say ("a column by the AP").
DOCUMENT_NOUNS = frozenset(
    """column report article study analysis editorial survey poll paper review letter
    statement memo email message""".split()
)
#: Where words are said: "says in a statement that ...", "wrote on Twitter that ...".
WRITINGS = DOCUMENT_NOUNS | frozenset(
    """
    interview speech tweet post video conference call briefing twitter facebook
    """.split()
)
#: Where words go out: "asked on Twitter", "said on television" tell where, not about what.
CHANNELS = frozenset(
    """
    twitter facebook instagram youtube tiktok x television tv radio air camera stage podcast
    show program programme website blog
    """.split()
)
#: Things and events that act in a sentence without taking a position: a stance verb after
#: them ("the crash sent", "the plane promises", "the yen rose") reports no one's view. Not
#: documents, data, markets or bodies, which PolNeAR counts as sources ("the poll shows",
#: "the index shows", "history shows").
THING_NOUNS = frozenset(
    """
    crash storm earthquake fire flood war recession bankruptcy downgrade plane aircraft jet
    car ship train engine yen dollar euro pound currency weather virus disease cancer
    computer machine software algorithm camera
    """.split()
)
#: Nouns heading a mention of several unnamed people ("officials said").
GROUP_NOUNS = frozenset("officials sources people critics analysts experts residents".split())
