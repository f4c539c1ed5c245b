"""Entity labels from diplograph's own dictionaries and the tagger, instead of spaCy's statistical NER.

The NER model costs as much as the tagger and parser together, and diplograph takes its actors from its
dictionaries: a few rules still read an entity label (a person's name that introduces them, an organisation as a
subject, a place a sentence opens with). They get it from here:

- a dictionary form: a person -> PERSON; a demonym -> NORP; an organisation, group or outlet -> ORG; a state's
  name, abbreviation, capital or epithet -> GPE;
- in parsed sentences, a run of capitalised proper nouns the dictionaries do not know (titles before it left
  out): ORG when one of its words names an organisation ("Council", "Ministry", "Party"), LOC when one names a
  geographic feature ("Island", "Gulf"), GPE when the place gazetteer knows it, PERSON when it is two or more
  words or the family name of someone in the dictionaries; and a person's name that holds a state's ("Michael
  Jordan") is PERSON before the dictionaries are read, so that the state inside it is no party;
- a month or weekday, with the day and year beside it -> DATE.

What this costs in accuracy against the NER model is measured in docs/extraction.md ("What is parsed").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.actors.gazetteer import Person
from diplograph.nlp.dates import MONTHS, WEEKDAYS
from diplograph.nlp.model import token_texts
from diplograph.nlp.resolve import NAME_TITLES, TITLE_OFFICES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diplograph.actors.gazetteer import Gazetteer

ORG_WORDS = frozenset({
    "Council", "Ministry", "Party", "Army", "Agency", "Committee", "Commission", "Organization", "Organisation",
    "Union", "Court", "Bank", "Fund", "Front", "Movement", "Forces", "Force", "Group", "University", "Institute",
    "Foundation", "Corporation", "Company", "Association", "Office", "Department", "House", "Assembly",
    "Parliament", "Congress", "Senate", "Police", "Coalition", "Alliance", "News", "Times", "Post", "Network",
    "Center", "Centre", "Program", "Programme", "Service", "Services", "Authority", "Board", "Bureau", "Club",
    "Federation", "Guard", "Navy", "Brigade", "Brigades", "Battalion", "Corps", "Inc", "Ltd", "Co",
    "Corp", "Press", "Radio", "Television", "Watch", "International", "Airlines", "Cabinet", "Kremlin",
    "Pentagon", "Secretariat", "Mission", "Tribunal", "Prosecutor", "Society", "Initiative",
})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "le", "la", "du"})
PLACE_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
                         "lower", "central", "new", "greater", "republic", "democratic", "united", "island",
                         "islands", "kingdom", "state", "states", "federal", "people's", "city", "province",
                         "region", "county", "district"})
# Words of an office before a name ('Foreign Minister', 'Vice President'): never a person's name themselves
TITLE_WORDS = NAME_TITLES | frozenset(word.capitalize() for title in TITLE_OFFICES for word in title) | frozenset({
    "Vice", "Deputy", "General", "Chief", "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson",
    "Senator", "Sen.", "Rep.", "Governor", "Gov.", "Mayor", "Judge", "Justice", "Commander", "Gen.", "Col.", "Lt.",
    "Adm.", "Foreign", "Defense", "Defence", "Interior", "Finance", "Trade", "Affairs", "External", "Special",
    "Representative", "Director", "Chairman", "Chairwoman", "Chair", "Speaker", "Senior", "Former", "Acting"})
# Words of a geographic feature's name ('Sakhalin Island', 'Gulf of Guinea')
LOC_WORDS = frozenset({"Island", "Islands", "River", "Sea", "Gulf", "Mountain", "Mountains", "Lake", "Peninsula",
                       "Strait", "Straits", "Bay", "Valley", "Desert", "Ocean", "Coast", "Plateau", "Basin",
                       "Canal", "Channel", "Delta", "Field", "Fields", "Heights", "Border"})
DICTIONARY_LABELS = {"demonym": "NORP", "organisation": "ORG", "group": "ORG", "media": "ORG"}
NON_STATE_KINDS = frozenset({"igo", "ngo", "group"})


def set_entities(doc: Doc, gaz: Gazetteer) -> None:
    """Label `doc.ents` from the dictionaries, the tagger's proper nouns and the calendar words."""
    from spacy.attrs import LIKE_NUM, POS, SENT_START
    from spacy.parts_of_speech import PROPN
    from spacy.tokens import Span

    if not len(doc):
        return
    words = Words(token_texts(doc), *zip(*doc.to_array([POS, SENT_START, LIKE_NUM]).tolist(), strict=True))
    labels: list[tuple[int, int, str]] = []
    taken: set[int] = set()

    def add(start: int, end: int, label: str) -> None:
        if any(i in taken for i in range(start, end)):
            return
        labels.append((start, end, label))
        taken.update(range(start, end))

    proper = [pos == PROPN for pos in words.pos]
    for start, end in _proper_noun_runs(words, proper, set()):
        titles = [i for i in range(start, end) if words.text[i] in TITLE_WORDS]
        name_start = titles[-1] + 1 if titles else start  # 'Acting Homeland Security Secretary Chad Wolf'
        if _named_after_a_state(words.text[name_start:end], gaz):
            add(name_start, end, "PERSON")
    _dictionary(words.text, gaz, add)
    for start, end in _proper_noun_runs(words, proper, taken):
        label = _run_label(words.text[start:end], doc[start:end].text, gaz)
        if label is not None:
            add(start, end, label)
    for start, end in _calendar(words):
        add(start, end, "DATE")
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in sorted(labels)]


@dataclass(frozen=True)
class Words:
    """A document's tokens as plain lists: what the labelling reads, without making a Token for every look."""

    text: list[str]
    pos: tuple[int, ...]
    sent_start: tuple[int, ...]  # 1: starts a sentence
    like_num: tuple[int, ...]


def _dictionary(words: list[str], gaz: Gazetteer, add) -> None:  # type: ignore[no-untyped-def]
    for i, end, target in gaz.matches(words):
        if isinstance(target, Person):
            add(i, end, "PERSON")
        elif target.kind != "ignore":
            default = "ORG" if target.kind in NON_STATE_KINDS else "GPE"
            add(i, end, DICTIONARY_LABELS.get(target.type, default))


def _proper_noun_runs(words: Words, proper: list[bool], taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns within a sentence, starting with a capital, none of them labelled yet, titles
    before them left out ('Prime Minister Iyad Allawi' -> 'Iyad Allawi'). A hyphen or a lower-case particle
    between two proper nouns stays inside ('Abu Musab al-Zarqawi')."""
    text, n = words.text, len(words.text)

    def name_word(i: int) -> bool:
        return proper[i] and i not in taken

    def joins(i: int) -> bool:
        between = text[i] == "-" or text[i].lower() in NAME_PARTICLES
        return between and i + 1 < n and name_word(i + 1) and words.sent_start[i + 1] != 1

    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(n):
        if start is not None and not (name_word(i) and words.sent_start[i] != 1) and not joins(i):
            runs.append((start, i))
            start = None
        if start is None and name_word(i) and text[i][:1].isupper() and text[i] not in TITLE_WORDS:
            start = i
    if start is not None:
        runs.append((start, n))
    return runs


def _run_label(words: list[str], text: str, gaz: Gazetteer) -> str | None:
    from diplograph.geo.gazetteer import places

    words = [w for w in words if w != "-"]
    if any(w in ORG_WORDS for w in words):
        return "ORG"
    if any(w in LOC_WORDS for w in words):
        return "LOC"
    if any(w in TITLE_WORDS for w in words):
        return None  # a title inside the run: not a name the tagger has cut cleanly
    if any(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in words):
        return None
    if len(words) == 1 and gaz.people_with_surname(words[0]):
        return "PERSON"  # 'Obama' is also a town in Japan
    if len(words) <= 3 and places().lookup(text):
        return "GPE"
    if len(words) >= 2 and all(w[:1].isalpha() and w.replace("-", "").replace(".", "").replace("'", "").isalpha()
                               for w in words):
        return "PERSON"
    return None


def _named_after_a_state(words: list[str], gaz: Gazetteer) -> bool:
    """'Michael Jordan', 'Chad Smith': a person whose name holds a one-word state name, which is no party here.
    A run of capitalised words whose other words the dictionaries do not know, none a title or a compass word."""
    if len(words) < 2:
        return False
    states = [i for i, w in enumerate(words) if _state_name(w, gaz)]
    if len(states) != 1:
        return False
    others = [w for i, w in enumerate(words) if i != states[0]]
    from diplograph.geo.gazetteer import places

    if places().lookup(" ".join(words)):
        return False  # 'Mexico City', 'Panama City', 'Kuwait City'
    return all(w.isalpha() and w[:1].isupper() and w not in TITLE_WORDS and w not in ORG_WORDS
               and w.lower() not in PLACE_WORDS and w.lower() not in DESCRIBING_A_STATE
               and gaz.longest_at([w], 0) is None for w in others)


# words that open a sentence before a state's name ('Neighboring Niger, also run by army officers, followed Mali'):
# a description of the state, not a given name
DESCRIBING_A_STATE = frozenset({"neighboring", "neighbouring", "nearby", "landlocked", "impoverished", "tiny",
                                "fellow", "rival", "mainland", "wealthy", "isolated", "resurgent"})


def _state_name(word: str, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get((word,))
    return entry is not None and entry.kind == "state" and entry.type == "name"


def _calendar(words: Words) -> list[tuple[int, int]]:
    """'Monday', 'March 3', 'March 3, 2025', 'March 2025'."""
    text, n = words.text, len(words.text)
    spans = []
    i = 0
    while i < n:
        word = text[i].lower()
        if text[i][:1].isupper() and (word in WEEKDAYS or (word in MONTHS and word != "may")):
            end = i + 1
            while end < n and end - i < 4 and (words.like_num[end] or text[end] == ","):
                end += 1
            while end > i + 1 and text[end - 1] == ",":
                end -= 1
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans
