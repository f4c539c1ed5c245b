"""Repairs of the small parser's commonest misreadings that cost a record, made on the parsed Doc before coding.

    from diplograph.nlp.repair import repair_parse
    repair_parse(doc)   # in place; sentence boundaries are left as they are

- An object read as the compound of a time noun ('summoned a senior Chinese diplomat days after the incident':
  the parser makes 'diplomat' a compound of 'days'): the noun becomes the verb's object again when the verb has
  none, so that 'summoned ... diplomat' is the summons it says.
- A journey set off by commas after a noun ('India's foreign minister, on a visit to Mauritius, said'), which the
  parser hangs on the clause's verb: it tells of the noun before it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

TIME_NOUNS = frozenset({"day", "week", "month", "hour", "year", "minute"})
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "mission", "stopover"})


def repair_parse(doc: Doc) -> None:
    _rehang_time_compounds(doc)
    _rehang_journeys_set_off(doc)


def _rehang_journeys_set_off(doc: Doc) -> None:
    """'India's foreign minister, on a visit to Mauritius, said ...': the phrase between commas tells of the noun
    before it (the parser hangs it on the clause's verb, whose subject then makes the visit)."""
    for t in doc:
        if t.lower_ != "on" or t.dep_ != "prep" or t.i < 2 or doc[t.i - 1].text != ",":
            continue
        noun, journey = doc[t.i - 2], next((c for c in t.children if c.dep_ == "pobj"), None)
        if journey is None or journey.lemma_.lower() not in JOURNEY_NOUNS or noun.pos_ not in ("NOUN", "PROPN") \
                or t.head.i == noun.i or noun.dep_ not in ("nsubj", "nsubjpass", "advcl", "appos", "conj"):
            continue
        after = t.right_edge.i + 1
        if after < len(doc) and doc[after].text == ",":  # set off by commas
            t.head = noun


def _rehang_time_compounds(doc: Doc) -> None:
    for t in doc:
        if t.dep_ != "npadvmod" or t.lemma_.lower() not in TIME_NOUNS or t.head.dep_ != "prep":
            continue
        verb = t.head.head
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        nouns = [c for c in t.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i < t.i]
        if nouns and verb.i < nouns[-1].i:
            nouns[-1].head = verb
            nouns[-1].dep_ = "dobj"
