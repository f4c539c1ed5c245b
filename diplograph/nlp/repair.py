"""Repairs of the small parser's commonest misreadings that cost a record, made on the parsed Doc before coding.

    from diplograph.nlp.repair import repair_parse
    repair_parse(doc)   # in place; sentence boundaries are left as they are

- An object read as the compound of a time noun ('summoned a senior Chinese diplomat days after the incident':
  the parser makes 'diplomat' a compound of 'days'): the noun becomes the verb's object again when the verb has
  none, so that 'summoned ... diplomat' is the summons it says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

TIME_NOUNS = frozenset({"day", "week", "month", "hour", "year", "minute"})


def repair_parse(doc: Doc) -> None:
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
