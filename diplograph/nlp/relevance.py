"""Which sentences can hold a fact, decided on the tokenizer's output before anything is parsed.

The tagger and parser are nearly all of extraction's cost, and most sentences of a news story name no party: a
quote's second half, a byline, background about an unnamed "he". A record needs a party, so a sentence is parsed
when it names one or refers back to one, and is only split and kept (with its dates and quantities) otherwise.

A sentence is parsed when one of its words is (the first cue found is its reason):

- `dictionary`: a form of the actor dictionaries (a state, demonym, capital, organisation, group or person);
- `surname`: a capitalised word that is the family name of someone named before in the document from the
  dictionaries or of an office-holder on the publication day, or the last word of a two-or-more-word capitalised
  name in a sentence with a dictionary cue before it ("Pedersen" after "U.N. envoy Geir Pedersen"); family names
  too common to stand for one office-holder (resolve.COMMON_FAMILY_NAMES: "He", "Li", "Khan") are no cue;
- `pronoun`: "He" or "She" in a story that names a person ("He said Russia would ...");
- `reference`: a word that refers back to a party after "the" (at most two words between): an office
  ("the foreign minister", "the president"), an institution ("the council", "the bloc"), a government ("the
  administration"), a pair ("the two sides", "the leaders") or a party's text ("the statement", "the
  communique");
- `pair`: "bilateral", "both" before such a word ("both countries"), or "the two" ("the two agreed");
- `quantity`: an amount of money or a percentage (a measure can take its states from the sentences before it);
- `place`: an organ of a state (police, troops, a court, the authorities), armed men of none (gunmen,
  militants) or a crowd (workers, protesters, students) and, after "in", "at", "near" or "across", a city or
  region of the places gazetteer ("Police in Istanbul detained ...", "gunmen attacked a village in Zamfara"): the
  place names the state; or such a word in
  the sentence after the story's dateline ("KABUL — Police detained ..."), which then names it;
- `opening date`, `opening place`: the sentence opens with a time or with "In"/"At" and a name ("In 2014, ...",
  "In Mosul, ..."): it sets the time frame of the sentences after it, which is read from the parse.

Everything else is not parsed. What the pass gives up is measured (docs/extraction.md, "What is parsed"): on the
evaluation sets no record at the default confidence threshold comes from a skipped sentence; the candidates it
drops are events whose only party is a pronoun ("He rejected the idea ..."), which the model scores low.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.actors.gazetteer import Person
from diplograph.coding.context import (
    CROWD_WORDS,
    FIGHTER_WORDS,
    FRAME_OPENING,
    LOCATION_PREPS,
    OPENING_PLACE_PREPS,
)
from diplograph.nlp.entities import ORG_WORDS
from diplograph.nlp.model import token_texts
from diplograph.nlp.resolve import (
    ANY_INSTITUTION,
    COMMON_FAMILY_NAMES,
    GOVERNMENT_WORDS,
    INSTITUTION_PEOPLE,
    NAME_TITLES,
    NAMED_INSTITUTIONS,
    ORGAN_SECTORS,
    TITLE_OFFICES,
    dateline_end,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from diplograph.actors.gazetteer import Gazetteer

PAIR_WORDS = frozenset({"side", "country", "nation", "leader", "government", "state", "neighbor", "neighbour",
                        "ally", "partner", "party", "power"})
TITLE_MODIFIERS = frozenset({"of", "top", "foreign", "supreme", "prime", "external", "affairs", "defence", "defense"})
REFERRING_WORDS = (frozenset(word for title in TITLE_OFFICES for word in title if word not in TITLE_MODIFIERS)
                   | NAMED_INSTITUTIONS | ANY_INSTITUTION | GOVERNMENT_WORDS | PAIR_WORDS
                   | frozenset({"diplomat", "envoy", "ambassador", "minister", "ministry", "regime", "authorities",
                                "statement", "communique", "declaration"}))  # 'the statement threatened ...'
MONEY_WORDS = frozenset({"percent", "per", "%", "billion", "million", "trillion", "bn", "mn"})
NOT_SURNAMES = ORG_WORDS | NAME_TITLES  # 'Security Council', 'Prime Minister' end in no one's name
REACH = 3  # "the" then at most two words, then the referring word


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether one sentence (character offsets) is parsed, and the cue that decided it ('' when skipped).
    `relevant`: whether the pass would keep it (the same as `parsed`, except when every sentence is parsed)."""

    start: int
    end: int
    parsed: bool
    cue: str
    relevant: bool = True

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "parsed": self.parsed, "cue": self.cue}


def decide(doc: Doc, gaz: Gazetteer, published: dt.date | None = None) -> list[tuple[Span, Decision]]:
    """Every sentence of a tokenized, sentence-split `doc` with whether it is parsed, in order. `published` is the
    day whose office-holders a surname alone can stand for (none without it, as in diplograph.nlp.resolve)."""
    from spacy.attrs import IS_CURRENCY

    words = token_texts(doc)
    lowers = [w.lower() for w in words]
    currency = doc.to_array(IS_CURRENCY).tolist() if len(doc) else []
    matched, names = _dictionary_words(words, gaz)
    dateline = dateline_end(words)
    out = []
    for sent in doc.sents:
        cue = _cue(range(sent.start, sent.end), words, lowers, currency, matched, names, gaz, published) \
            or _opening(sent, published) or _organ_under_dateline(range(sent.start, sent.end), words, lowers,
                                                                  gaz, dateline)
        if cue.startswith("dictionary"):  # where a person can be introduced as someone's ("U.N. envoy X Y")
            names.update(_name_ends(words[sent.start:sent.end]))
        out.append((sent, Decision(sent.start_char, sent.end_char, bool(cue), cue, bool(cue))))
    return out


def _dictionary_words(words: list[str], gaz: Gazetteer) -> tuple[dict[int, str], set[str]]:
    """Token index -> the dictionary form it is part of; and the surnames of the people named."""
    matched: dict[int, str] = {}
    surnames: set[str] = set()
    for i, end, target in gaz.matches(words):
        if isinstance(target, Person) or target.kind != "ignore":
            text = " ".join(words[i:end])
            for j in range(i, end):
                matched[j] = text
            if isinstance(target, Person):
                surnames.add(words[end - 1])
    return matched, surnames


def _cue(sent: range, words: list[str], lowers: list[str], currency: list[int], matched: dict[int, str],
         names: set[str], gaz: Gazetteer, published: dt.date | None) -> str:
    for i in sent:
        if i in matched:
            return f"dictionary '{matched[i]}'"
    for i in sent:
        word = words[i]
        if word[:1].isupper() and len(word) > 1 and (word in names or _in_office(word, gaz, published)):
            return f"surname '{word}'"
        if word in ("He", "She") and names:  # a person named in the story goes on acting: 'He said Russia ...'
            return f"pronoun '{word}'"
    for i in sent:
        low = lowers[i]
        if _referring(low) and "the" in lowers[max(sent.start, i - REACH):i]:
            return f"reference '{' '.join(words[max(sent.start, i - REACH):i + 1])}'"
        if low in NAMED_INSTITUTIONS and words[i][:1].isupper() and i + 1 < sent.stop \
                and lowers[i + 1] in INSTITUTION_PEOPLE:  # 'Council members condemned ...'
            return f"reference '{words[i]} {words[i + 1]}'"
        if low == "bilateral" or (low == "both" and i + 1 < sent.stop and _referring(lowers[i + 1])):
            return f"pair '{low}'"
    for i in sent:
        if lowers[i] == "two" and i > sent.start and lowers[i - 1] == "the":  # 'the two agreed to ...'
            return "pair 'the two'"
    for i in sent:
        if currency[i] or lowers[i] in MONEY_WORDS:
            return f"quantity '{words[i]}'"
    return _organ_in_a_place(sent, words, lowers, gaz)


def _organ_in_a_place(sent: range, words: list[str], lowers: list[str], gaz: Gazetteer) -> str:
    """An organ of a state ('police', 'troops', 'a court') and a city or region of the places gazetteer after a
    preposition of place ('Police in Istanbul detained ...'): the state is the place's (coding, _state_of_place)."""
    if not any(_organ_or_fighters(lowers[i], gaz) or lowers[i] in CROWD_WORDS for i in sent):
        return ""
    from diplograph.geo.gazetteer import places

    known = places()
    for i in sent:
        if lowers[i] not in LOCATION_PREPS:
            continue
        j = i + 1  # 'in Zamfara', 'in the eastern province of Arauca', 'in northern Burkina Faso'
        while j < min(sent.stop, i + 6) and lowers[j] in PLACE_LEAD_WORDS:
            j += 1
        if j < sent.stop and words[j][:1].isupper() and known.lookup(words[j]):
            return f"place '{' '.join(words[i:j + 1])}'"
    return ""


# Words between a preposition of place and the name of the place ('in the eastern province of Arauca')
PLACE_LEAD_WORDS = frozenset({"the", "a", "an", "northern", "southern", "eastern", "western", "central", "north",
                              "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
                              "province", "region", "state", "city", "town", "village", "district", "county", "of",
                              "border", "capital", "port", "restive", "remote", "neighbouring", "neighboring"})


def _organ_under_dateline(sent: range, words: list[str], lowers: list[str], gaz: Gazetteer, dateline: int) -> str:
    """An organ of a state or armed men in the sentence that follows the story's dateline ('KABUL — Police
    detained ...'): the dateline is where they acted (coding, _dateline_place)."""
    if sent.start >= dateline or not any(_organ_or_fighters(lowers[i], gaz) for i in sent):
        return ""
    return f"place '{' '.join(words[sent.start:dateline - 1])}'"


def _organ_or_fighters(word: str, gaz: Gazetteer) -> bool:
    """An organ of a state ('police', 'troops', 'court') or armed men of none ('gunmen')."""
    return gaz.sectors.get(word) in ORGAN_SECTORS or _fighters(word)


def _fighters(word: str) -> bool:
    """'gunmen', 'militants': armed men of no state, whose harm in a place is done to that place's state."""
    return word in FIGHTER_WORDS or (word.endswith("s") and word[:-1] in FIGHTER_WORDS)


def _opening(sent: Span, published: dt.date | None) -> str:
    """A sentence that opens with a time or a place sets the frame of the sentences after it ('In 2014, ...',
    'In Mosul, ...'): parsed, so that the frame is read as in a full parse (diplograph.pipeline, `_remember`)."""
    from diplograph.nlp.dates import find_dates

    head = sent[: FRAME_OPENING + 1]
    if len(head) > 1 and head[0].lower_ in OPENING_PLACE_PREPS and head[1].text[:1].isupper():
        return f"opening place '{head[:2].text}'"
    limit = head[-1].idx + len(head[-1].text) - sent.start_char
    dates = find_dates(sent.text, published)
    opening = next((d for d in dates if d.start < limit), None)
    return f"opening date '{opening.text}'" if opening is not None else ""


def _in_office(surname: str, gaz: Gazetteer, day: dt.date | None) -> bool:
    """Someone of that family name held an office on `day` (a lone surname can stand for them)."""
    return day is not None and surname not in COMMON_FAMILY_NAMES and any(
        p.term_on(day) is not None for p in gaz.people_with_surname(surname))  # as the resolver reads them


def _referring(word: str) -> bool:
    return word in REFERRING_WORDS or (word.endswith("s") and (word[:-1] in REFERRING_WORDS
                                                                 or word[:-3] + "y" in REFERRING_WORDS))


def _name_ends(words: list[str]) -> Iterator[str]:
    """The last word of every run of two or more capitalised words that could be a person's name: the surname a
    later sentence may use alone ('Pedersen' of 'Geir Pedersen'; not 'Council' of 'Security Council')."""
    run = 0
    for n, word in enumerate([*words, ""]):
        if word.isalpha() and word[:1].isupper():
            run += 1
            continue
        if run >= 2 and words[n - 1] not in NOT_SURNAMES:
            yield words[n - 1]
        run = 0
