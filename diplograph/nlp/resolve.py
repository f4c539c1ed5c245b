"""Resolution stage: actors, people, dates and quantities of one parsed document, each with its span and reason.

Reads: tokens, sentences and named entities of the spaCy Doc. Adds: a `Resolution` that the coders use, with
token-level maps so that a dependency-tree walk can ask "which state is this token?" in constant time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diplograph.actors.gazetteer import Entry, Gazetteer, Person, armed_group
from diplograph.model import DateRef, Mention, Quantity
from diplograph.nlp.dates import counted_from_another, find_dates
from diplograph.nlp.model import token_texts
from diplograph.nlp.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OFFICE_SECTOR = {"head_of_state": "government", "head_of_government": "government",
                 "foreign_minister": "foreign_ministry", "defence_minister": "military",
                 "head_of_organisation": None,
                 # officials.csv
                 "vice_president": "government", "vice_premier": "government", "senior_official": "government",
                 "national_security_adviser": "government", "security_official": "government",
                 "finance_minister": "government", "trade_minister": "government", "spokesperson": "government",
                 "un_ambassador": "foreign_ministry", "envoy": "foreign_ministry", "military_chief": "military",
                 "intelligence_chief": "government", "speaker": "legislature"}
US_STATE_CLUES = frozenset({"Atlanta", "Savannah", "Augusta", "governor", "Governor", "Gov.", "Peach",
                            "Republican", "Democrat", "Democratic", "county", "County", "Alabama", "Florida",
                            "Carolina", "Tennessee"})
# Titles that refer back to an office-holder named before ("the foreign minister", "the North Korean leader").
TITLE_OFFICES: dict[tuple[str, ...], frozenset[str]] = {
    ("president",): frozenset({"head_of_state"}),
    ("leader",): frozenset({"head_of_state", "head_of_government"}),
    ("supreme", "leader"): frozenset({"head_of_state"}),
    ("king",): frozenset({"head_of_state"}),
    ("queen",): frozenset({"head_of_state"}),
    ("emir",): frozenset({"head_of_state"}),
    ("monarch",): frozenset({"head_of_state"}),
    ("prime", "minister"): frozenset({"head_of_government"}),
    ("premier",): frozenset({"head_of_government"}),
    ("chancellor",): frozenset({"head_of_government"}),
    ("foreign", "minister"): frozenset({"foreign_minister"}),
    ("foreign", "secretary"): frozenset({"foreign_minister"}),
    ("secretary", "of", "state"): frozenset({"foreign_minister"}),
    ("top", "diplomat"): frozenset({"foreign_minister"}),
    ("external", "affairs", "minister"): frozenset({"foreign_minister"}),
    ("defence", "minister"): frozenset({"defence_minister"}),
    ("defense", "minister"): frozenset({"defence_minister"}),
    ("defence", "secretary"): frozenset({"defence_minister"}),
    ("defense", "secretary"): frozenset({"defence_minister"}),
    ("vice", "president"): frozenset({"vice_president"}),
    ("vice", "-", "president"): frozenset({"vice_president"}),
    ("national", "security", "adviser"): frozenset({"national_security_adviser"}),
    ("national", "security", "advisor"): frozenset({"national_security_adviser"}),
    ("envoy",): frozenset({"envoy", "un_ambassador"}),
    ("spokesperson",): frozenset({"spokesperson"}),
    ("spokesman",): frozenset({"spokesperson"}),
    ("spokeswoman",): frozenset({"spokesperson"}),
    ("army", "chief"): frozenset({"military_chief"}),
}
# "<Surname> government": the government of the office-holder of that name on the publication date.
GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet", "regime", "presidency"})
LEADING_OFFICES = frozenset({"head_of_state", "head_of_government"})
# Family names too common to stand for one office-holder when written alone.
COMMON_FAMILY_NAMES = frozenset({"Lee", "Li", "Park", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Wu",
                                 "Nguyen", "Tran", "Choi", "Jung", "Chung", "Kang", "Cho", "Yoon", "Han", "Lim",
                                 "Ri", "Pak", "Khan", "Singh", "Ali", "Ahmed", "Hussein", "Smith", "Johnson",
                                 "Brown", "Jones", "Williams", "Taylor", "Davies", "Martin", "Thomas",
                                 # also English words or a people's name: 'He said', 'Baloch militants'
                                 "He", "Ma", "Lu", "Fu", "Lin", "Guo", "Hu", "Sun", "Gao", "Baloch", "Miller",
                                 "Price", "Bruce", "Power", "Craft", "Brink"})
NAME_TITLES = frozenset({"President", "Premier", "Minister", "Chancellor", "King", "Queen", "Emir", "Sultan",
                         "Secretary", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prime", "Leader",
                         "Sheikh", "Prince", "Crown"})
FUTURE_CUES = re.compile(r"\b(will|shall|'ll|going to|expected to|scheduled to|due to|set to|plans? to|"
                         r"planning to|intends? to|would|(?:is|are|was|were) due|"
                         r"(?:is|are|was|were) expected (?:in|at)|ahead of|"
                         r"(?:travels|heads|flies|goes) (?:on )?to)\b", re.I)  # 'is due in Berlin on Monday', 'was
# expected in Pristina on Thursday' (a visit announced for the coming Thursday), 'ahead of a meeting in Cairo on
# Wednesday', 'travels on to Singapore on Saturday' (a journey's next leg told in the present)


NAMESAKE_SHARE = 10  # a capital's namesake at least a tenth its size can be meant instead
# a named group of at most this many states acts as its members (the G7, the G8, the Quad); BRICS, ten since 2024,
# stands for itself, as the guidelines' annotators code it
SMALL_GROUP = 8


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A run of tokens [start, end) resolved to an actor."""

    start: int
    end: int
    code: str
    kind: str
    type: str
    sector: str | None
    person: str | None
    method: str
    reason: str
    members: tuple[str, ...] = ()

    @classmethod
    def from_context(cls, start: int, code: str, reason: str, end: int | None = None) -> ActorSpan:
        """A state no mention at this place names: the story's context supplies it (the pair under discussion)."""
        return cls(start, start if end is None else end, code, "state", "context", None, None, "context", reason)

    @property
    def states(self) -> tuple[str, ...]:
        """The codes this span stands for as a party to an event: a state, or an intergovernmental organisation
        (UN, EU, NATO: the guidelines code IGOs as parties). A small named group of states (G7, Quad, AUKUS)
        stands for its members, a larger one (BRICS, the West) for itself; NGOs, companies, armed groups and groups
        with no member states (al-Qaeda, the Islamic State) are not parties of this kind: none."""
        if not self.code:
            return ()
        if self.kind in ("state", "region", "igo"):
            return (self.code,)
        if self.kind == "group" and self.members:
            if self.type == "organisation" and len(self.members) <= SMALL_GROUP:
                return self.members
            return (self.code,)
        return ()


# Sectors of a state's own organs: what they do in a place is that place's state's doing (coding, relevance).
ORGAN_SECTORS = frozenset({"police", "military", "judiciary", "government", "legislature"})


@dataclass
class Resolution:
    doc: Doc
    published: dt.date | None
    actors: list[ActorSpan] = field(default_factory=list)
    actor_at: dict[int, ActorSpan] = field(default_factory=dict)
    dates: list[DateRef] = field(default_factory=list)
    date_at: dict[int, DateRef] = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)
    quantity_at: dict[int, Quantity] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # head noun -> sector ('police', 'court', 'troops')
    # the document's text and words, read once: `Doc.text` joins every token on each call, and scanning plain
    # strings spares making a Token for every word of every pass
    text: str = ""
    words: list[str] = field(default_factory=list)
    dateline_end: int = 0  # tokens [0, dateline_end) are the story's dateline ('N'DJAMENA, Chad —')
    lemmas: list[str] = field(default_factory=list)  # each token's lemma, lower-cased (read once from the arrays)
    pos: list[str] = field(default_factory=list)  # each token's coarse part of speech ('VERB', 'NOUN', ...)
    _ranks: tuple[int, dict[str, int]] | None = None  # party_ranks, with the number of mentions it counted

    def sector_of(self, head: Token) -> str | None:
        """The sector a noun phrase's head names ('Brazil's federal police' -> police), if any."""
        compound = " ".join(t.lower_ for t in head.lefts if t.dep_ == "compound") + " " + head.lower_
        if any(t.dep_ in ("compound", "amod") and self.sectors.get(t.lower_) == "opposition" for t in head.lefts):
            return "opposition"  # 'opposition politicians', 'opposition lawmakers': not the government's
        return self.sectors.get(compound.strip()) or self.sectors.get(head.lower_) or \
            self.sectors.get(head.lemma_.lower())

    def actors_in(self, sent: Span) -> list[ActorSpan]:
        """The actor mentions that start in the sentence."""
        return [a for a in self.actors if sent.start <= a.start < sent.end]

    def states_in(self, sent: Span) -> set[str]:
        """The parties the sentence's mentions stand for."""
        return {c for a in self.actors_in(sent) for c in a.states}

    def party_ranks(self) -> dict[str, int]:
        """Each party code's rank by how often the document names it (1: the most named). Worked out once the
        mentions are settled (coding asks for it for every record)."""
        if self._ranks is None or self._ranks[0] != len(self.actors):
            self._ranks = (len(self.actors), self._count_ranks())
        return self._ranks[1]

    def _count_ranks(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for a in self.actors:
            for c in a.states:
                counts[c] = counts.get(c, 0) + 1
        return {c: n for n, c in enumerate(sorted(counts, key=lambda c: (-counts[c], c)), 1)}

    def reindex(self) -> None:
        """Rebuild `actor_at` after mentions were replaced or removed."""
        self.actor_at = {i: a for a in self.actors for i in range(a.start, a.end)}
        self._ranks = None

    def add_actor(self, span: ActorSpan) -> None:
        self.actors.append(span)
        for i in range(span.start, span.end):
            self.actor_at[i] = span

    def mentions(self) -> list[Mention]:
        doc = self.doc
        text = self.text
        out = []
        for a in self.actors:
            start, end = doc[a.start].idx, doc[a.end - 1].idx + len(doc[a.end - 1].text)
            out.append(Mention(start, end, text[start:end], a.code, a.kind, a.sector, a.person, a.method,
                               a.reason, a.members))
        return out


def resolve(doc: Doc, gaz: Gazetteer, published: dt.date | None, text: str | None = None) -> Resolution:
    """Find every actor, date and quantity of `doc`. `text` is the document's text when the caller has it (the
    same as `doc.text`, which spaCy joins together again on every call)."""
    words = token_texts(doc)
    res = Resolution(doc, published, sectors=gaz.sectors, text=doc.text if text is None else text, words=words)
    res.dateline_end = doc.user_data[DATELINE_KEY] = dateline_end(words)  # the parse's readers have only the doc
    res.lemmas, res.pos = token_lemmas_and_pos(doc)
    _match_dictionary(res, gaz)
    _disambiguate(res, gaz)
    _introduced_people(res)
    _corefer_surnames(res, gaz)
    _surname_governments(res, gaz)
    _surnames_in_office(res, gaz)
    _corefer_titles(res, gaz)
    _heads_of_organisations(res, gaz)
    _peoples_and_makes_are_no_parties(res)
    _corefer_institutions(res)
    _corefer_rulers(res)
    _corefer_forces(res)
    _corefer_korean_halves(res)
    for sent in doc.sents:
        text = res.text[sent.start_char:sent.end_char]  # Span.text joins the tokens again on every call
        _find_dates(res, sent, text)
        _find_quantities(res, sent, text)
    res._ranks = None  # counted from the settled mentions when first asked for
    return res


def token_lemmas_and_pos(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lower-cased lemma and coarse part of speech, from the doc's arrays: the passes that look
    for a few words among all of a sentence's make no Token for the others."""
    from spacy.attrs import LEMMA, POS

    if not len(doc):
        return [], []
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, POS])
    lemma_ids, pos_ids = rows[:, 0].tolist(), rows[:, 1].tolist()
    lemma_of = {h: strings[h].lower() for h in set(lemma_ids)}  # each distinct word looked up once
    pos_of = {h: strings[h] for h in set(pos_ids)}
    return [lemma_of[h] for h in lemma_ids], [pos_of[h] for h in pos_ids]


DATELINE_DASHES = frozenset({"—", "–", "--"})
DATELINE_KEY = "dateline_end"  # where a resolved doc keeps its dateline's end (Doc.user_data)


def dateline_end(words: list[str]) -> int:
    """The end of a story's dateline, 0 when it has none: a capitalised place (its first word in capitals) at
    the start, with its state or agency, up to a dash ('N'DJAMENA, Chad —', 'ISLAMABAD/PENTAGON —', 'WASHINGTON
    (AP) —'). The dateline says where the story was filed: its names are no party."""
    first = next((i for i, w in enumerate(words) if not w.isspace()), 0)
    if first >= len(words) or not _dateline_capitals(words, first):
        return 0
    for i in range(first + 1, min(len(words), first + 10)):
        if words[i] in DATELINE_DASHES:
            return i + 1
        if words[i] in (".", "!", "?") or "\n" in words[i]:
            return 0
    return 0


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _dateline_capitals(words: list[str], i: int) -> bool:
    """A dateline's word in capitals, a short article too when a word in capitals follows ('LA CEIBA', 'EL PASO',
    'AL MUKALLA')."""
    return _capitals(words[i]) or (len(words[i]) == 2 and words[i].isalpha() and words[i].isupper()
                                   and i + 1 < len(words) and _capitals(words[i + 1]))


def _person_spans(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token -> (start, end) of the multi-token PERSON entity it belongs to."""
    spans: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        end = ent.end - 1 if doc[ent.end - 1].lower_ in ("'s", "’s", "'") else ent.end  # "Sri Lanka's" tagged PERSON
        start = ent.start
        while start < end and (doc[start].lower_ in CALENDAR_WORDS
                               or doc[start].pos_ in ("ADP", "DET", "VERB", "ADV", "ADJ", "SCONJ", "CCONJ")):
            # 'On Wednesday Ghana said ...' is tagged as a person 'Wednesday Ghana', 'Blaming Rwanda, ...' as
            # 'Blaming Rwanda': a day or a word opening the sentence is no part of a name
            start += 1
        if ent.label_ == "PERSON" and end - start > 1 and doc[end - 1].lower_ not in COMPANY_WORDS:
            for i in range(start, end):
                spans[i] = (start, end)
    return spans


# the last word of a firm's name the tagger may take for a person's ('Kenya Airways'): its state's company
COMPANY_WORDS = frozenset({"airways", "airlines", "railways", "telecom", "petroleum", "shipping", "bank"})
# days and months that are no one's first name ('April Ryan', 'June Carter' are people)
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                            "february", "march", "july", "september", "october", "november", "december"})


def _match_dictionary(res: Resolution, gaz: Gazetteer) -> None:
    doc = res.doc
    words = res.words
    persons = _person_spans(doc)
    found = gaz.matches(words)
    if (filed := _dateline_matches(words, res.dateline_end, gaz)):
        taken = {j for i, end, _ in found for j in range(i, end)}
        found = sorted(found + [m for m in filed if not taken.intersection(range(m[0], m[1]))], key=lambda m: m[0])
    found = _ended_unions_split(found, words, gaz, res.published)
    for i, end, target in found:
        if isinstance(target, Person):
            res.add_actor(_person_span(target, i, end, res.published))
        elif target.kind != "ignore" and not _inside_longer_person(persons, i, end) \
                and not _capital_begins_another_name(target, words, end) \
                and not _capital_ends_another_name(target, words, i) and not _names_a_treaty(target, words, end):
            res.add_actor(_entry_span(target, i, end, gaz, res.published))


def _ended_unions_split(found: list[tuple[int, int, Entry | Person]], words: list[str], gaz: Gazetteer,
                        published: dt.date | None) -> list[tuple[int, int, Entry | Person]]:
    """'Police from Serbia and Montenegro' in a story of 2025 are two states' police: a union's name joined by
    'and' is read as its parts once the union had ended before the story (in 2004 it is still one state)."""
    out: list[tuple[int, int, Entry | Person]] = []
    for i, end, target in found:
        joint = next((k for k in range(i + 1, end - 1) if words[k] == "and"), None)
        if joint is None or isinstance(target, Person) or not gaz.ended_before(target.code, published):
            out.append((i, end, target))
            continue
        for start, stop in ((i, joint), (joint + 1, end)):
            out.extend((start + a, start + b, part) for a, b, part in gaz.matches(words[start:stop]))
    return out


def _dateline_matches(words: list[str], end: int, gaz: Gazetteer) -> list[tuple[int, int, Entry | Person]]:
    """Places of a dateline written in capitals ('ISTANBUL —', 'NIAMEY, Niger —'), which the dictionaries know
    only in their usual case: where the story was filed, read for the place of what it reports."""
    capitals = [i for i in range(end) if _dateline_capitals(words, i)]
    if not capitals:
        return []
    titled = [w.title() if i in capitals else w for i, w in enumerate(words[:end])]
    return [(i, e, target) for i, e, target in gaz.matches(titled)
            if i in capitals and not isinstance(target, Person) and target.type in ("capital", "seat", "name")]


NAME_LINKS = frozenset({"de", "del", "do", "da", "di", "dos", "das"})


def _capital_begins_another_name(entry: Entry, words: list[str], end: int) -> bool:
    """'Santiago de Cuba', 'Santo Domingo de Guzmán': a capital's name that a longer place name starts with is
    not that capital."""
    return (entry.type == "capital" and end + 1 < len(words) and words[end] in NAME_LINKS
            and words[end + 1][:1].isupper())


def _capital_ends_another_name(entry: Entry, words: list[str], start: int) -> bool:
    """'Mocimboa da Praia', 'Foz do Iguaçu'-like names: a capital's name that ends a longer place name after a
    linking word is not that capital."""
    return (entry.type == "capital" and start >= 2 and words[start - 1] in NAME_LINKS
            and words[start - 2][:1].isupper())


# A treaty, format or declaration named after the capital it was signed or launched in ('the Vienna Convention',
# 'the Minsk agreements', 'the Pyongyang Declaration', 'the Astana format') names no party: the city is no state.
NAMED_AFTER_A_CAPITAL = frozenset({"convention", "conventions", "declaration", "accord", "accords", "agreement",
                                   "agreements", "treaty", "protocol", "protocols", "format", "process", "charter",
                                   "communique", "communiqué", "consensus", "principles", "memorandum"})


def _names_a_treaty(entry: Entry, words: list[str], end: int) -> bool:
    """'the Vienna Convention', 'the Minsk agreements': a capital's name before a treaty's word is the treaty's."""
    return entry.type in ("capital", "seat") and end < len(words) and words[end].lower() in NAMED_AFTER_A_CAPITAL


def _heads_of_organisations(res: Resolution, gaz: Gazetteer) -> None:
    """People who stand for an IGO ('Guterres', 'Rutte' after October 2024) are that IGO: kind 'igo' and its
    members, as its name would be."""
    heads = [n for n, a in enumerate(res.actors) if a.type == "person" and a.kind == "state"
             and a.code in gaz.organisations]
    for n in heads:
        a = res.actors[n]
        res.actors[n] = replace(a, kind=gaz.organisations[a.code].kind, sector=None, members=gaz.members(a.code))
    if heads:
        res.reindex()


def _inside_longer_person(persons: dict[int, tuple[int, int]], start: int, end: int) -> bool:
    span = persons.get(start)
    return span is not None and (span[1] - span[0]) > (end - start)


def _person_span(person: Person, start: int, end: int, published: dt.date | None) -> ActorSpan:
    term = person.term_on(published)
    code = person.code_on(published)
    office = term.office if term else None
    reason = f"{person.name}: {office} of {code}" if office else f"{person.name} ({code}, no office on that date)"
    sector = OFFICE_SECTOR.get(office, "government") if office else None
    return ActorSpan(start, end, code, "state", "person", sector, person.name, "people", reason)


def _entry_span(entry: Entry, start: int, end: int, gaz: Gazetteer, day: dt.date | None) -> ActorSpan:
    if armed_group(entry, gaz, day):  # its home state is kept as its code, but it is no party as that state
        return ActorSpan(start, end, entry.code, "armed", entry.type, entry.sector, None, "dictionary",
                         f"armed group '{entry.alias}' (based in {entry.code}), not that state", ())
    return ActorSpan(start, end, entry.code, entry.kind, entry.type, entry.sector, None, "dictionary",
                     f"{entry.type} '{entry.alias}' -> {entry.code}", gaz.members(entry.code))


def _disambiguate(res: Resolution, gaz: Gazetteer) -> None:
    """Georgia the US state, and a bare 'Congo' or 'Congolese' in a story about the DR Congo."""
    doc = res.doc
    for n, a in enumerate(res.actors):
        text = doc[a.start:a.end].text
        if a.code == "GEO" and text == "Georgia" and _us_state_context(doc, a.start):
            res.actors[n] = _replace(a, "USA", "rule", "Georgia the US state (context)")
        elif text in BARE_CONGO and a.code == "COG" and _about_the_dr_congo(res):
            res.actors[n] = _replace(a, "COD", "rule", f"bare '{text}' in a story about the DR Congo")
        elif text == "Brussels" and a.type == "capital" and not _about_belgium(res):
            # 'Brussels warned Tbilisi', 'pressure from Brussels': the European Union, as news uses the name
            res.actors[n] = ActorSpan(a.start, a.end, "EU", "igo", a.type, a.sector, a.person, "rule",
                                      "'Brussels' for the European Union (the story is not about Belgium)",
                                      gaz.members("EU"))
    for n, a in enumerate(res.actors):
        if a.type == "person" and (named := _state_named_before(res, a)) is not None and named.code != a.code \
                and doc[named.start:named.end].text not in SHARED_DEMONYMS:
            res.actors[n] = _replace(a, named.code, "rule",
                                     f"{a.person} named as {doc[named.start:named.end].text}'s (a namesake)")
    res.actors = [a for a in res.actors if not (a.type in ("capital", "name") and _namesake_elsewhere(res, a))
                  and not (a.type == "demonym" and _heritage(res, a))]  # 'Chinese Americans' are Americans
    res.reindex()
    for n, a in enumerate(res.actors):
        if doc[a.start:a.end].text == "Foreign Office" and (owner := _owner_of_office(res, a)) is not None:
            res.actors[n] = _replace(a, owner, "rule", f"'Foreign Office' of {owner} (Pakistan's, India's, ...)")
    res.reindex()


# words that may stand between a state and the name of its office-holder ('Colombia's Defence Minister', 'his
# Colombian counterpart'): nouns and adjectives of a title, a possessive, a hyphen
_TITLE_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART", "PUNCT"})


def _state_named_before(res: Resolution, person: ActorSpan) -> ActorSpan | None:
    """The state or IGO that the title run just before a known person's name gives him ('his Colombian
    counterpart Pedro Sánchez' is Colombia's defence minister, not Spain's prime minister), if any."""
    words = res.words
    i = person.start - 1
    for _ in range(5):
        if i < 0:
            return None
        if (before := res.actor_at.get(i)) is not None:
            return before if before.kind in ("state", "igo") and before.type != "person" else None
        if res.pos[i] not in _TITLE_RUN_POS or (res.pos[i] == "PUNCT" and words[i] not in ("-", "'s")) \
                or words[i] in (",", "and"):
            return None
        i -= 1
    return None


def _owner_of_office(res: Resolution, office: ActorSpan) -> str | None:
    """'Pakistan's Foreign Office', 'the Foreign Office in Islamabad': another state's ministry of that name
    (Britain's is the one written alone)."""
    doc = res.doc
    before = office.start - 1
    if before >= 1 and doc[before].text in ("'s", "\u2019s"):
        before -= 1
    owner = res.actor_at.get(before) if before >= 0 else None
    if owner is not None and owner.kind == "state" and owner.end <= office.start:
        return owner.code
    after = office.end + 1
    if office.end < len(doc) and doc[office.end].lower_ == "in" and (seat := res.actor_at.get(after)) is not None \
            and seat.type == "capital":
        return seat.code
    return None


QUALIFIER_ENDS = frozenset({",", ".", ";", ")", "—", "–", "-", ":"})


def comma_qualifier(doc: Doc, end: int, longest: int) -> tuple[int, int] | None:
    """The tokens [start, stop) of a place's qualifier after a comma ('London, Ontario,', 'Hyderabad, Pakistan.'):
    a run of at most `longest` proper nouns that the clause does not go on from. None for an apposition ('Beijing,
    Vietnam's largest trading partner, warned') or no such run."""
    start = end + 1
    if start >= len(doc) or doc[end].text != "," or not doc[start].text[:1].isupper():
        return None
    stop = start
    while stop < len(doc) and doc[stop].pos_ == "PROPN" and stop - start < longest:
        stop += 1
    if stop == start or (stop < len(doc) and doc[stop].text not in QUALIFIER_ENDS):
        return None
    return start, stop


def said_to_lie_in(doc: Doc, end: int) -> int | None:
    """Where the state a place is said to lie in begins, for a place ending at token `end`: 'Trinidad, in Bolivia's
    Beni department', 'Armenia, in western Colombia' (None when no ', in' follows)."""
    at = end + 2
    if at >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "in":
        return None
    at += doc[at].pos_ == "ADJ"
    return at if at < len(doc) else None


def _said_to_be_in_another(res: Resolution, span: ActorSpan) -> bool:
    """'Trinidad, in Bolivia's Beni department', 'Armenia, in western Colombia': a state's or capital's name said
    to lie in another state is a town of that name there."""
    at = said_to_lie_in(res.doc, span.end)
    other = next((a for a in res.actors if a.start == at), None) if at is not None else None
    return other is not None and other.kind == "state" and other.code != span.code and other.type == "name"


def _namesake_elsewhere(res: Resolution, capital: ActorSpan) -> bool:
    """'London, Ontario', 'Paris, Texas', 'Moscow, Idaho': a capital's name followed by a region or a state
    that is not its own names a namesake town, not the capital's government."""
    from diplograph.geo.gazetteer import places

    doc = res.doc
    if _said_to_be_in_another(res, capital):
        return True
    if capital.type != "capital":
        return False
    if _city_of_a_party_named_instead(res, capital):
        return True
    found = comma_qualifier(doc, capital.end, longest=3)
    if found is None:
        return False
    after, end = found
    state = res.actor_at.get(after)
    if state is not None and state.kind == "state" and state.code != capital.code:
        return True
    regions = places().lookup(doc[after:end].text, "region")
    return bool(regions) and all(p.country != capital.code for p in regions)


def _city_of_a_party_named_instead(res: Resolution, capital: ActorSpan) -> bool:
    """'Lebanese officers stormed a flat in Tripoli': a capital's name that a city of a state named before it in its
    sentence also bears, in a story that names the capital's state nowhere else, is that city (Lebanon's Tripoli,
    not Libya's government; but 'the Foreign Office in Islamabad summoned the Indian envoy' is Pakistan's)."""
    from diplograph.geo.gazetteer import place_key, places

    if any(a.code == capital.code and a.type != "capital" for a in res.actors):
        return False
    sent = res.doc[capital.start].sent
    named = {a.code for a in res.actors if a.kind == "state" and a.type != "capital"
             and sent.start <= a.start < capital.start}  # those acting, named before it ('Lebanese troops ...')
    name = res.doc[capital.start:capital.end].text
    found = places().lookup(name, "city")
    own = max((p.population for p in found if p.country == capital.code), default=0)
    # a namesake of a size to be told of in the news (Lebanon's Tripoli, not Berlin, New Hampshire)
    # a namesake by its own name: 'Islamabad' is also an old name of India's Anantnag, which no one calls so
    return any(p.country in named and p.population * NAMESAKE_SHARE >= own for p in found
               if p.country != capital.code and place_key(p.name) == place_key(name))


def _about_belgium(res: Resolution) -> bool:
    """The story names Belgium, Belgians or a Belgian office-holder: 'Brussels' may be Belgium's government."""
    return any(a.code == "BEL" and a.type != "capital" for a in res.actors)


def _about_the_dr_congo(res: Resolution) -> bool:
    """The story names the DR Congo, or its places and people, and nothing of the Republic of Congo."""
    doc = res.doc
    codes = {a.code for a in res.actors if doc[a.start:a.end].text not in BARE_CONGO}
    drc = bool(codes & ({"COD"} | DRC_ONLY_NEIGHBOURS)) or any(t.lower_ in DRC_CUES for t in doc)
    return drc and not (codes & ({"COG"} | CONGO_REPUBLIC_ONLY_NEIGHBOURS)
                        or any(t.lower_ in BRAZZAVILLE_CUES for t in doc))


# 'Congo' and 'Congolese' alone: the DR Congo where the story names it or its places and people, and not the
# Republic of Congo's (news usage: the larger state is 'Congo', the other 'Congo Republic' or 'Congo-Brazzaville')
BARE_CONGO = frozenset({"Congo", "Congolese"})
# names two states share: 'his Congolese neighbour Felix Tshisekedi' says nothing against the DR Congo's president
SHARED_DEMONYMS = BARE_CONGO | {"Korean", "Koreans"}
DRC_CUES = frozenset({"kinshasa", "goma", "kivu", "ituri", "bukavu", "lubumbashi", "katanga", "kisangani", "kasai",
                      "tshisekedi", "kabila", "m23", "mobutu", "zaire", "kolwezi", "beni", "uvira", "tanganyika",
                      "lualaba", "kalemie", "tshopo", "kwilu", "maniema", "kindu", "mbandaka", "matadi", "kananga",
                      "bunia", "butembo", "rutshuru", "masisi", "walikale", "fardc", "monusco", "uele", "ubangi"})
BRAZZAVILLE_CUES = frozenset({"brazzaville", "sassou", "nguesso", "pointe-noire"})
# states that border one Congo only: 'Rwanda accused Congolese troops of shelling Gisenyi' is the DR Congo, 'Congo and
# Gabon agreed to reopen their shared border' the Republic of Congo (Angola and the CAR border both)
DRC_ONLY_NEIGHBOURS = frozenset({"RWA", "UGA", "BDI", "ZMB", "TZA", "SSD"})
CONGO_REPUBLIC_ONLY_NEIGHBOURS = frozenset({"GAB", "CMR"})


def _replace(a: ActorSpan, code: str, method: str, reason: str) -> ActorSpan:
    return ActorSpan(a.start, a.end, code, a.kind, a.type, a.sector, a.person, method, reason, a.members)


def _us_state_context(doc: Doc, i: int) -> bool:
    sent = doc[i].sent
    if any(t.text in US_STATE_CLUES for t in sent):
        return True
    before = doc[max(sent.start, i - 3):i].text
    city = doc[i - 2].text.title() if i >= 2 else ""
    return before.endswith("state of") or (i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN"
                                           and city not in GEORGIAN_CITIES)  # 'TBILISI, Georgia —' is the country


GEORGIAN_CITIES = frozenset({"Tbilisi", "Batumi", "Kutaisi", "Rustavi", "Gori", "Zugdidi", "Poti", "Sukhumi",
                             "Tskhinvali", "Telavi"})


def _introduced_people(res: Resolution) -> None:
    """A person the dictionary does not know (or knows with no office on the date) stands for the state or IGO
    the text introduces them with: "Canada's Ontario provincial leader Doug Ford", "U.N. special envoy Geir
    Pedersen", "Geir Pedersen, the U.N. special envoy for Syria". Their later surname mentions follow.
    """
    doc = res.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or not all(t.text[:1].isupper() for t in (ent[0], ent[-1])):
            continue
        known = list({res.actor_at[i].start: res.actor_at[i] for i in range(ent.start, ent.end)
                      if i in res.actor_at}.values())
        if any(a.type == "person" and a.method == "people" and "no office" not in a.reason for a in known):
            continue
        if any(a.type != "person" for a in known):
            continue  # a state name inside what the tagger took for a person ("Sri Lanka")
        party = _introducer(res, ent)
        if party is None:
            continue
        for a in known:
            res.actors.remove(a)
        name = ent.text
        res.add_actor(ActorSpan(ent.start, ent.end, party.code, party.kind, "person", _PERSON_SECTOR, name,
                                "introduced", f"{name}: introduced as '{doc[party.start:party.end].text}' "
                                              f"({party.code})", party.members))
        _follow_surname(res, ent, party, name)
    res.reindex()
    res.actors.sort(key=lambda s: s.start)


_PERSON_SECTOR = "government"
# Mentions that can say whose a person is: a state's name, demonym or capital, an organisation ('told VOA' is not).
INTRODUCING_TYPES = frozenset({"name", "abbreviation", "demonym", "capital", "seat", "organisation", "epithet"})


def _introducer(res: Resolution, ent: Span) -> ActorSpan | None:
    """The state or IGO named in the noun phrase that introduces a person: before the name in the same phrase
    (a possessor first: "Russia's U.N. Ambassador X" is Russia's), or in an appositive beside it."""
    root = ent.root
    before = [t for t in root.subtree if t.i < ent.start]
    if root.dep_ == "appos" and root.head.i < ent.start:  # 'the U.N. envoy for Syria, Geir Pedersen'
        before = [t for t in root.head.subtree if t.i < ent.start]
    after = [t for c in root.children if c.dep_ == "appos" and c.i >= ent.end for t in c.subtree]
    for tokens in (before, after):
        spans = [res.actor_at[t.i] for t in tokens if t.i in res.actor_at]
        parties = [a for a in spans if a.states and a.type in INTRODUCING_TYPES and not _ethnic_at(res, a)
                   and not _where_they_work(res, a) and not _names_a_seat(a, res.doc)]
        possessors = [a for a in parties if res.doc[a.end - 1].dep_ == "poss"
                      or (a.end < len(res.doc) and res.doc[a.end].tag_ == "POS")]
        if possessors or parties:
            return (possessors or parties)[0]
    return None


def _where_they_work(res: Resolution, a: ActorSpan) -> bool:
    """'president of the Committee for Freedom in Hong Kong', 'the bank's representative in Kyiv': a place in an
    'in' phrase says where someone works or what an organisation is about, not whom they stand for."""
    head = res.doc[a.end - 1]
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "in"


# 'Serb-majority', 'Kurdish-populated': a people. Not '-led' or '-controlled': states lead forces and control land.
PEOPLE_COMPOUNDS = frozenset({"majority", "dominated", "populated", "speaking"})


STANCE_PREFIXES = frozenset({"pro", "anti"})


def names_a_people(span: ActorSpan, res: Resolution) -> bool:
    """'ethnic Turks', 'ethnic Albanian unrest', 'Bosnian Serb leader', 'the Serb-majority north': a people, not
    the state of that name (a people named after another state's adjective, or the majority of a place)."""
    if span.type != "demonym":
        return False
    if _ethnic_at(res, span):
        return True
    other = res.actor_at.get(span.start - 1) if span.start > 0 else None
    if other is not None and other.type == "demonym" and other.code != span.code:
        return True  # 'Bosnian Serb', 'Iraqi Kurdish'
    doc = res.doc
    if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in STANCE_PREFIXES:
        return True  # 'pro-Palestinian demonstrators in Amman', 'anti-American protests': a stance, not a people
    if span.start >= 1 and any(doc[span.start - 1].lower_ == f"{p}-" for p in STANCE_PREFIXES):
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in PEOPLE_COMPOUNDS


# 'Soviet-era tanks', 'Russian-made jets', 'a Chinese-style model': where or when a thing comes from, no party
MAKE_WORDS = frozenset({"era", "made", "style", "designed", "manufactured", "vintage", "origin", "type"})
# 'New Zealand dollars', 'Hong Kong dollars': a currency named after its state
CURRENCY_WORDS = frozenset({"dollar", "dollars", "pound", "pounds", "rupee", "rupees", "peso", "pesos", "franc",
                            "francs", "shilling", "shillings", "riyal", "riyals", "dinar", "dinars", "yuan", "yen",
                            "won", "rand", "lira", "naira", "cedi", "cedis", "kwacha", "ringgit", "baht", "rupiah"})


def _names_a_make(span: ActorSpan, doc: Doc) -> bool:
    """A state named as the make or era of a thing ('handed over Soviet-era tanks') or as its currency's name
    ('18.2 million New Zealand dollars in funding for the Cook Islands')."""
    return span.kind == "state" and span.end + 1 < len(doc) and (
        (doc[span.end].text == "-" and doc[span.end + 1].lower_ in MAKE_WORDS)
        or (doc[span.end].lower_ in CURRENCY_WORDS and span.start > 0 and doc[span.start - 1].like_num))


def _peoples_and_makes_are_no_parties(res: Resolution) -> None:
    """A people named like a state ('Bosnian Serb', 'Serb-majority'; not 'ethnic Serbs'), or a state named as the
    make, era or currency of a thing, is no mention of that state."""
    dropped = [a for a in res.actors
               if (names_a_people(a, res) and not _ethnic_at(res, a)) or _names_a_make(a, res.doc)
               or _names_a_backer(a, res.doc) or _names_a_former_holder(a, res.doc) or _names_a_seat(a, res.doc)]
    if dropped:
        res.actors = [a for a in res.actors if a not in dropped]
        res.reindex()


FORMER_HOLDINGS = frozenset({"base", "colony", "camp", "garrison", "protectorate", "airbase", "outpost"})
HANDING_OVER = frozenset({"take", "raise", "assume", "hand", "lower", "leave", "vacate", "withdraw", "transfer",
                          "return", "cede", "quit"})


def _names_a_former_holder(a: ActorSpan, doc: Doc) -> bool:
    """A state named on a base it once held ('docked at the former US naval base in Subic'): the place's history,
    no party of the act (a handover reads the holder off the base itself, coding/events.py _prior_holder)."""
    head = doc[a.end - 1].head
    if a.kind != "state" or head.lemma_.lower() not in FORMER_HOLDINGS or head.i <= a.end - 1 \
            or not any(c.lower_ == "former" for c in head.children) or head.dep_ != "pobj":
        return False
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is None or verb.lemma_.lower() not in HANDING_OVER  # 'took control of the former French base'


# 'Iranian-backed militias', 'Russian-sponsored separatists': the state is who stands behind them, not who acts
BACKING_WORDS = frozenset({"backed", "sponsored", "supported", "funded", "armed", "trained", "aligned", "allied",
                           "affiliated", "inspired", "financed"})
PROXY_NOUNS = frozenset({"militia", "militias", "separatist", "separatists", "rebel", "rebels", "fighter", "fighters",
                         "insurgent", "insurgents", "faction", "factions", "proxy", "proxies", "gunman", "gunmen",
                         "paramilitary", "paramilitaries", "guerrilla", "guerrillas", "group", "groups"})


def _names_a_backer(a: ActorSpan, doc: Doc) -> bool:
    """A state in 'Iranian-backed militias' backs the armed group that acts; the group is no state (the guidelines
    code such a group's acts with no actor), so the name is no party of the clause ('Saudi-led' still leads, and a
    'China-funded port' or 'Israel-linked ship' is still that state's)."""
    end = a.end
    if a.kind != "state" or end + 1 >= len(doc) or doc[end].text != "-" or doc[end + 1].lower_ not in BACKING_WORDS:
        return False
    backed = doc[end + 1]
    group = backed.head if backed.head.i > backed.i else next((t for t in doc[end + 2:end + 5] if t.pos_ == "NOUN"),
                                                              None)
    return group is not None and group.lower_ in PROXY_NOUNS  # 'China-funded port', 'Australian-funded plan' stay


SEAT_WORDS = frozenset({"based", "headquartered"})


def _names_a_seat(a: ActorSpan, doc: Doc) -> bool:
    """'the Washington-based Organization of American States', 'a London-based rights group': the place is where
    the body sits, not a party; the body acts for itself (an IGO by its own code, a group or company with no
    state)."""
    end = a.end
    return (a.kind == "state" and end + 1 < len(doc) and doc[end].text == "-"
            and doc[end + 1].lower_ in SEAT_WORDS)


# Citizens named with their heritage before ('a Chinese American', 'Indian-Canadian'): the nation is the second word
SETTLER_NATIONS = frozenset({"American", "Americans", "Canadian", "Canadians", "Australian", "Australians", "British",
                             "Briton", "Britons"})


def _ethnic_at(res: Resolution, a: ActorSpan) -> bool:
    """'ethnic Serbs': a people, not the state (a heritage, 'Chinese Americans', is dropped by _disambiguate)."""
    return a.type == "demonym" and a.start > 0 and res.doc[a.start - 1].lower_ == "ethnic"


def _heritage(res: Resolution, a: ActorSpan) -> bool:
    """A demonym before a settler nation's ('Chinese Americans', 'Indian-Canadian'): the citizens' heritage."""
    doc = res.doc
    after = a.end + (1 if a.end < len(doc) and doc[a.end].text == "-" else 0)
    return after < len(doc) and doc[after].text in SETTLER_NATIONS and (other := res.actor_at.get(after)) \
        is not None and other.type == "demonym" and other.code != a.code  # not 'Bosnian Serb': Bosnia's Serbs


def _starts_another_name(t: Token) -> bool:
    """'Ahmed' in 'Ahmed Aboul Gheit' after 'Abiy Ahmed': the first word of someone else's full name."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.tag_ != "POS" and not nxt.is_sent_start:
        return True
    return (t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I"
            and nxt.is_alpha and nxt.tag_ != "POS")  # 'Kim's' is Kim


def _follow_surname(res: Resolution, ent: Span, party: ActorSpan, name: str) -> None:
    """Later mentions of the person's surname alone ("Ford", "Pedersen"), whatever the tagger made of them."""
    doc = res.doc
    surname = ent[-1].text
    if len(surname) < 3 or surname in COMMON_FAMILY_NAMES:
        return
    for i in range(ent.end, len(doc)):
        if res.words[i] != surname or i in res.actor_at:
            continue  # the words, not a Token for each
        t = doc[i]
        if _starts_another_name(t):
            continue
        res.add_actor(ActorSpan(t.i, t.i + 1, party.code, party.kind, "person", _PERSON_SECTOR, name, "coreference",
                                f"surname of {name} (introduced at token {ent.start} as {party.code})",
                                party.members))


def _corefer_surnames(res: Resolution, gaz: Gazetteer) -> None:
    """'Kim' or 'Ri' after a full mention of Kim Jong-un or Ri Su-yong is the same person."""
    from diplograph.actors.gazetteer import surname_of

    doc = res.doc
    known: dict[str, ActorSpan] = {}
    for a in sorted(res.actors, key=lambda s: s.start):
        if a.type == "person" and a.person:
            person = gaz.person(a.person)
            written = surname_of(doc[a.start:a.end].text, a.code)
            for surname in {person.surname() if person else written, written}:
                known.setdefault(surname, a)
    if not known:
        return
    for i, word in enumerate(res.words):
        full = known.get(word)
        if full is None or i in res.actor_at or i < full.start or not word[:1].isupper():
            continue
        t = doc[i]
        if _starts_another_name(t):
            continue
        res.add_actor(ActorSpan(t.i, t.i + 1, full.code, "state", "person", full.sector, full.person,
                                "coreference", f"surname of {full.person} (first named at token {full.start})"))
    res.actors.sort(key=lambda s: s.start)


def _surname_governments(res: Resolution, gaz: Gazetteer) -> None:
    """'the Modi government', 'the Obama administration': the leader of that name in office on the date."""
    doc, day = res.doc, res.published
    if day is None:
        return
    words = res.words
    for i in range(len(words) - 1):
        if i in res.actor_at or not words[i][:1].isupper() or words[i + 1].lower() not in GOVERNMENT_WORDS:
            continue
        t, nxt = doc[i], doc[i + 1]
        leaders = [(p, term) for p in gaz.people_with_surname(t.text)
                   if (term := p.term_on(day)) is not None and term.office in LEADING_OFFICES]
        if len({p.name for p, _ in leaders}) != 1:
            continue
        person, term = leaders[0]
        res.add_actor(ActorSpan(t.i, t.i + 1, term.code, "state", "person", "government", person.name, "surname",
                                f"'{t.text} {nxt.text}': {person.name}, {term.office} of {term.code} on {day}"))
    res.actors.sort(key=lambda s: s.start)


def _surnames_in_office(res: Resolution, gaz: Gazetteer) -> None:
    """A surname alone ('Putin said', 'Erdogan met ...') with no full mention before it: the one office-holder
    of that name on the publication date, when the model reads it as a name and no one else in the document
    (a longer name ending in it) could be meant."""
    from diplograph.nlp.dates import MONTHS, WEEKDAYS

    doc, day = res.doc, res.published
    if day is None:
        return
    others = {tok.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
              and ent.start not in res.actor_at for tok in (ent[0], ent[-1])}
    for i, word in enumerate(res.words):
        if i in res.actor_at or not word[:1].isupper() or len(word) < 2 or word in others \
                or word in COMMON_FAMILY_NAMES or not gaz.people_with_surname(word):
            continue
        t = doc[i]
        if t.text.lower() in MONTHS or t.text.lower() in WEEKDAYS or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.ent_type_ in ("LANGUAGE", "NORP") or _a_language_named(t):
            continue  # 'said on his arrival, in Hindi and English': a language, not New Zealand's Bill English
        lone = _lone_name(doc, t)
        if not lone and not _name_read_as_a_noun(t):
            continue
        holders = {p.name: (p, term) for p in gaz.people_with_surname(t.text)
                   if (term := p.term_on(day)) is not None}
        leaders = {name: held for name, held in holders.items() if held[1].office in LEADING_OFFICES}
        if len(holders) > 1 and len(leaders) == 1:  # 'Sanchez': Spain's prime minister before a namesake minister
            holders = leaders
        if len(holders) != 1 or (not lone and not leaders):
            continue
        person, term = next(iter(holders.values()))
        sector = OFFICE_SECTOR.get(term.office, "government")
        res.add_actor(ActorSpan(t.i, t.i + 1, term.code, "state", "person", sector, person.name, "surname",
                                f"surname '{t.text}': {person.name}, {term.office} of {term.code} on {day}"))
    res.actors.sort(key=lambda s: s.start)


LANGUAGE_PREPS = frozenset({"in", "into", "from"})


def _a_language_named(t: Token) -> bool:
    """'spoke in Hindi and English', 'translated into English': a word said to be what one speaks in."""
    first = t
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ in LANGUAGE_PREPS and any(
        w.ent_type_ == "LANGUAGE" or w.text in LANGUAGES for w in (first, *first.conjuncts))


# languages whose names are also the surnames of office-holders (facts)
LANGUAGES = frozenset({"English", "French", "German", "Spanish", "Arabic", "Hindi", "Urdu", "Russian", "Chinese",
                       "Mandarin", "Portuguese", "Persian", "Farsi", "Turkish", "Japanese", "Korean", "Hebrew",
                       "Swahili", "Bengali", "Italian", "Dutch", "Polish", "Ukrainian", "Greek", "Amharic", "Pashto"})


def _name_read_as_a_noun(t: Token) -> bool:
    """A leader's surname that is also an English word, which the tagger read as a common noun ('Trump met Putin'):
    capitalised inside its sentence or a bare subject or object (no article, no modifier), not part of a name."""
    if t.pos_ != "NOUN" or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return False
    if any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in t.children):
        return False
    doc = t.doc
    return not any(doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                   for j in (t.i - 1, t.i + 1) if 0 <= j < len(doc) and doc[j].sent == t.sent
                   and not (j == t.i - 1 and doc[j].text in NAME_TITLES))


def _lone_name(doc: Doc, t: Token) -> bool:
    """A one-word proper name, not part of a longer name: tagged as one (a person, or unlabelled), or a word that is
    no English word at all, whatever the small model's tagger and NER made of it ('Starmer hosted Zelenskyy':
    both read as common nouns, the second as the start of a title)."""
    from diplograph.nlp.model import english_words

    foreign = t.text.lower() not in english_words()
    if foreign:
        if t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ in ("DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL"):
            return False
    elif t.pos_ != "PROPN" or t.ent_type_ not in ("PERSON", "ORG", "NORP", ""):
        return False
    elif t.ent_iob_ == "I" or (t.ent_iob_ == "B" and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I"):
        return False
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    prev = doc[t.i - 1] if t.i > 0 else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return False
    return not (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
                and prev.text not in NAME_TITLES)


def _title_at(doc: Doc, i: int) -> tuple[tuple[str, ...], int] | None:
    """The office title starting at token i ('foreign minister', 'president'), and where it ends."""
    words = [t.text.lower() for t in doc[i:i + 3]]
    for title in sorted(TITLE_OFFICES, key=len, reverse=True):
        if tuple(words[:len(title)]) == title:
            return title, i + len(title)
    return None


# "the court", "the bloc": an institution named before. The word either appears in its name ("the Court" of the
# International Court of Justice, "the Council" of the Security Council) or stands for any organisation of states.
NAMED_INSTITUTIONS = frozenset({"court", "council", "commission", "agency", "union", "panel", "mission", "assembly",
                                "programme", "program", "organization", "organisation", "tribunal", "fund", "bank"})
ANY_INSTITUTION = frozenset({"bloc", "alliance", "body", "organization", "organisation", "grouping", "watchdog"})


# a state's rulers named again without the state ('Myanmar's junta ... urged the junta to halt')
RULER_WORDS = frozenset({"junta", "regime"})
RULED_BY = frozenset({"junta", "regime", "government", "military", "army", "generals", "rulers"})


def _corefer_rulers(res: Resolution) -> None:
    """'the junta', 'the regime' after a state's junta, regime or military government was named ('Myanmar's
    military government has kept bombing villages ... urged the junta to halt'): that state's government."""
    doc = res.doc
    for i in range(1, len(doc)):
        if res.words[i].lower() not in RULER_WORDS or i in res.actor_at or res.pos[i] != "NOUN":
            continue
        t = doc[i]
        if doc[i - 1].lower_ != "the" or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # 'a regime', 'the regime of Bashar al-Assad': not one named before
        owner = _last_ruled_state(res, i)
        if owner is not None:
            res.add_actor(ActorSpan(i, i + 1, owner.code, "state", "coreference", "government", None, "coreference",
                                    f"'the {t.text}': the rulers of {owner.code} named at token {owner.start}"))
    res.actors.sort(key=lambda s: s.start)


# a state's armed service named again without the state ('the U.S. Navy said ... The Navy called on Iran')
FORCE_SERVICES = frozenset({"navy", "army", "military", "coastguard"})


def _corefer_forces(res: Resolution) -> None:
    """'The Navy called on Iran to release the ship', after 'the U.S. Navy's Fifth Fleet said': the service of the
    state named with it last (not 'a navy', 'the navy of Oman' or 'the navies')."""
    doc = res.doc
    for i in range(1, len(doc)):
        word = res.words[i].lower()
        if word not in FORCE_SERVICES or i in res.actor_at or doc[i - 1].lower_ != "the" \
                or any(c.dep_ in ("prep", "poss", "amod", "compound") and c.i != i - 1 for c in doc[i].children):
            continue
        owner = _last_state_of(res, i, word)
        if owner is not None:
            res.add_actor(ActorSpan(i, i + 1, owner.code, "state", "coreference", "military", None, "coreference",
                                    f"'the {doc[i].text}': the {word} of {owner.code} named at token {owner.start}"))
    res.actors.sort(key=lambda s: s.start)


def _last_state_of(res: Resolution, before: int, word: str) -> ActorSpan | None:
    """The state named with the last earlier mention of a service ('the U.S. Navy', "Iran's navy")."""
    for j in range(before - 1, -1, -1):
        if res.words[j].lower() != word:
            continue
        for k in range(max(j - 3, 0), j + 1):  # 'the U.S. Navy' may be one name, 'Iran's navy' two
            span = res.actor_at.get(k)
            if span is not None and span.kind == "state" and span.states:
                return span
    return None


# 'the North' and 'the South' in a story that names a Korea: the two Korean states, as reporters write them
KOREAN_HALVES = {"North": "PRK", "South": "KOR"}


def _corefer_korean_halves(res: Resolution) -> None:
    """'Japan protested after the North launched the missiles': in a story that names either Korea, 'the North'
    is North Korea and 'the South' South Korea, unless a name follows ('the North Atlantic', 'the South China
    Sea')."""
    doc = res.doc
    if not any(a.code in ("PRK", "KOR") for a in res.actors):
        return
    for i in range(1, len(doc)):
        code = KOREAN_HALVES.get(res.words[i])
        if code is None or i in res.actor_at or doc[i - 1].lower_ != "the":
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.is_title or after.is_upper) and after.is_alpha:
            continue  # 'the North Atlantic', 'the South China Sea': another name
        res.add_actor(ActorSpan(i, i + 1, code, "state", "coreference", None, None, "coreference",
                                f"'the {res.words[i]}': {code}, in a story that names a Korea"))
    res.actors.sort(key=lambda s: s.start)


def _last_ruled_state(res: Resolution, before: int) -> ActorSpan | None:
    """The state of the last mention before token `before` of a state's rulers ('Myanmar's military government',
    'the Malian junta', 'the Syrian regime'): a state word modifying a ruler noun."""
    doc = res.doc
    for j in range(before - 1, -1, -1):
        if res.words[j].lower() not in RULED_BY:
            continue
        for c in doc[j].children:
            span = res.actor_at.get(c.i)
            if c.dep_ in ("poss", "amod", "compound") and span is not None and span.kind == "state" and span.states:
                return span
    return None


def _common_noun(res: Resolution, i: int) -> bool:
    """A noun, or a lower-case word the tagger took for a name ('that the bloc regretted': PROPN)."""
    return res.pos[i] == "NOUN" or (res.pos[i] == "PROPN" and res.words[i].islower())


def _the_world_body(res: Resolution, i: int) -> bool:
    """'the world body', 'the global body' (news for the United Nations); not its possessive ('from the world
    body's emergency fund': whose money, not who acts)."""
    return i >= 2 and res.words[i].lower() == "body" and res.words[i - 1].lower() in ("world", "global") \
        and res.words[i - 2].lower() == "the" and (i + 1 >= len(res.words) or res.words[i + 1] not in ("'s", "’s"))


def _members_of_named(res: Resolution, i: int) -> bool:
    """'Council members condemned the launch', 'Commission officials said', after the Security Council or the
    European Commission was named: the institution's word opening a phrase of its people."""
    return i + 1 < len(res.words) and res.words[i][:1].isupper() and res.words[i + 1].lower() in INSTITUTION_PEOPLE \
        and (i == 0 or not res.words[i - 1][:1].isupper() or res.words[i - 1] == "The")


INSTITUTION_PEOPLE = frozenset({"members", "member", "officials", "official", "diplomats", "staff", "envoys"})


def _corefer_institutions(res: Resolution) -> None:
    """'The court regrets ...' after the International Court of Justice was named: the UN (its court)."""
    doc = res.doc
    orgs = [a for a in res.actors if a.kind in ("igo", "group") and a.states]
    if not orgs:
        return
    institutions = NAMED_INSTITUTIONS | ANY_INSTITUTION
    for i in range(1, len(doc)):
        word = res.words[i].lower()
        members = _members_of_named(res, i)
        if word not in institutions or i in res.actor_at or not (_common_noun(res, i) or members):
            continue  # the words and tags, not a Token for each
        t = doc[i]
        world_body = _the_world_body(res, i)
        if (doc[t.i - 1].lower_ != "the" and not members and not world_body) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # 'the court of appeals', 'a court': a new institution, not one named before
        before = [a for a in orgs if a.end <= t.i - 1]
        named = [a for a in before if word in doc[a.start:a.end].text.lower()]
        if world_body:  # 'the world body': the United Nations, whatever organisation was named last
            named = [a for a in before if a.code == "UN"]
        target = (named or (before if word in ANY_INSTITUTION else []))[-1:]
        if not target:
            continue
        org = target[0]
        res.add_actor(ActorSpan(t.i, t.i + 1, org.code, org.kind, org.type, org.sector, None, "coreference",
                                f"'the {t.text}': {doc[org.start:org.end].text} (named at token {org.start})",
                                org.members))
    res.actors.sort(key=lambda s: s.start)


def _corefer_titles(res: Resolution, gaz: Gazetteer) -> None:
    """'the foreign minister', 'the North Korean leader' after an office-holder was named: that person.

    The title must follow 'the' (with at most a state adjective between) and must not introduce a name or an
    'of' phrase ('the foreign minister of Norway', 'the president, Joe Biden'): those are new mentions.
    """
    doc = res.doc
    people = [a for a in res.actors if a.type == "person" and a.person and a.method != "coreference"]
    if not people:
        return
    for i, word in enumerate(res.words):
        if word.lower() != "the" or i + 1 >= len(doc):
            continue
        start = i + 1
        adjective = res.actor_at.get(start)
        if adjective is not None and (adjective.type != "demonym" or adjective.start != start):
            continue
        title_start = adjective.end if adjective is not None else start
        found = _title_at(doc, title_start) if title_start < len(doc) else None
        if found is None:
            continue
        title, end = found
        if any(i in res.actor_at for i in range(title_start, end)):
            continue
        if end < len(doc) and (doc[end].lower_ == "of" or doc[end].pos_ == "PROPN" or end in res.actor_at):
            continue
        antecedent = _office_holder_before(res, gaz, people, start, TITLE_OFFICES[title],
                                           adjective.code if adjective is not None else None)
        if antecedent is None:
            continue
        person, office = antecedent
        phrase = doc[start:end].text
        span = ActorSpan(start, end, person.code, person.kind, "person", OFFICE_SECTOR.get(office, "government"),
                         person.person, "coreference",
                         f"title '{phrase}' -> {person.person}, {office} of {person.code} "
                         f"(named at token {person.start})")
        if adjective is not None:
            res.actors.remove(adjective)
        res.add_actor(span)
    res.actors.sort(key=lambda s: s.start)


def _office_holder_before(res: Resolution, gaz: Gazetteer, people: list[ActorSpan], before: int,
                          offices: frozenset[str], code: str | None) -> tuple[ActorSpan, str] | None:
    """The last person named before token `before` who held one of `offices` (of state `code`) on the date."""
    for a in sorted((p for p in people if p.end <= before), key=lambda p: p.start, reverse=True):
        person = gaz.person(a.person or "")
        term = person.term_on(res.published) if person else None
        if term is not None and term.office in offices and (code is None or term.code == code):
            return a, term.office
    return None


def sentence_is_future(text: str) -> bool:
    return FUTURE_CUES.search(text) is not None


def _find_dates(res: Resolution, sent: Span, text: str) -> None:
    offset = sent.start_char
    anchor = res.dates[-1] if res.dates else None
    past = find_dates(text, res.published, future=False, anchor=anchor)
    if not past:
        return
    ahead = find_dates(text, res.published, future=True, anchor=anchor) if sentence_is_future(text) else past
    future_values = {(d.start, d.end): d for d in ahead}
    base_ahead = False  # whether the last date of the sentence was read as a coming one
    for d in past:
        # 'told Putin on Saturday that Finland would apply ...; Russia had cut supplies the previous day': a date
        # counted from another is in the future only when that one is
        ahead_here = base_ahead if counted_from_another(d) else _future_at(sent, d.start, text)
        if (d.start, d.end) in future_values and ahead_here:
            d = future_values[(d.start, d.end)]
        base_ahead = ahead_here
        shifted = DateRef(d.start + offset, d.end + offset, d.text, d.value, d.granularity, d.method, d.reason)
        res.dates.append(shifted)
        _index(res.doc, shifted.start, shifted.end, res.date_at, shifted)


def _future_at(sent: Span, offset: int, text: str) -> bool:
    """Whether a date at `offset` (in the sentence) is in a future statement: a future cue before it, or one after
    it with no verb in the past tense before it ('On Tuesday the president will travel' vs 'He arrived on
    Thursday, where he is expected to meet ...')."""
    cues = [m.start() for m in FUTURE_CUES.finditer(text)]
    if not cues:
        return False
    if _said_in_the_past(sent, offset):
        return False
    if min(cues) < offset:
        return True
    return not any(t.tag_ == "VBD" and t.idx - sent.start_char < offset for t in sent)


def _said_in_the_past(sent: Span, offset: int) -> bool:
    """Whether the date at `offset` dates a verb in the past tense ('X will provide aid, the ministry said on
    Wednesday': the Wednesday before publication, whatever the promise)."""
    token = next((t for t in sent if t.idx - sent.start_char == offset), None)
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ in ("acl", "advcl") \
                and not any(c.dep_ == "aux" for c in token.children):
            continue  # 'Rubio, visiting Ecuador on Thursday, said ...': the participle takes the time of its clause
        if token.pos_ in ("VERB", "AUX"):  # 'the agreement, signed on Friday, ...': a bare participle is past too
            if token.lemma_ == "be" and any(c.lower_ in ("due", "expected") for c in token.children):
                return False  # 'was due in Colombo on Thursday': what was then to come
            return token.tag_ == "VBD" or (token.tag_ == "VBN" and token.dep_ not in ("conj", "xcomp") and not any(
                c.dep_ in ("aux", "auxpass") for c in token.children))
    return False


def _find_quantities(res: Resolution, sent: Span, text: str) -> None:
    offset = sent.start_char
    for q in find_quantities(text):
        shifted = Quantity(q.start + offset, q.end + offset, q.text, q.value, q.unit, q.per, q.qualifier,
                           q.direction, q.high, q.method)
        res.quantities.append(shifted)
        _index(res.doc, shifted.start, shifted.end, res.quantity_at, shifted)


def _index(doc: Doc, start: int, end: int, table: dict, value: object) -> None:  # type: ignore[type-arg]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for i in range(span.start, span.end):
            table[i] = value
