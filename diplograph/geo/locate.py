"""Where an event took place: the place its clause names, resolved with the gazetteer.

    'talks in Riyadh'                    -> Riyadh, Riyadh region, SAU
    'airstrikes in Anbar province'       -> the Anbar region of IRQ
    'clashes near the border town of Chaman' -> Chaman, Balochistan, PAK
    'Xi arrived in Hanoi' / 'visited Hanoi'  -> Hanoi, VNM
    'talks in Qatar'                     -> the state QAT (its capital's coordinates stand for it)

Only the trigger's own clause is read: a place in a relative clause, a quotation's background or another event
of the sentence is not this event's; `locate_reported` also reads the clauses it hangs from and, for a reported
event, the report's place or its speaker's ('The governor of Belgorod region said ...'). A place is only ever
a location: it never becomes a party here (the venue is not a party because it is the venue).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.geo.codes import with_territories
from diplograph.geo.gazetteer import distance_km
from diplograph.incidents import SAID
from diplograph.model import UNLISTED, Evidence, Location
from diplograph.nlp.repair import JOURNEY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from diplograph.geo.gazetteer import Place
    from diplograph.nlp.resolve import ActorSpan, Resolution

VENUE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "off", "along",
                         "aboard"})
# ... and on the trigger's own clause and its objects: 'escorted a convoy through South Sudan's Central Equatoria
# state', 'reopened the trade route through the Humla district' (deeper down, a way goods pass: 'agreed to start
# pumping gas through Turkey's Kilis province', 'detained while cycling through Mashhad')
OWN_VENUE_PREPS = VENUE_PREPS | {"through"}
SAID_EVENTS = SAID | {"CONSULT"}  # words said, and talks: what they are about may run 'through' a place
# Where a hostile act lands is where it happened ('strikes on Kharkiv', 'shelled Donetsk'): cities and regions only,
# since 'sanctions on Russia' or 'an attack on Ukraine' name a target state, not a place.
TARGET_PREPS = frozenset({"on", "against"})
TARGET_EVENTS = frozenset({"ASSAULT", "COERCE"})
VISIT_LEMMAS = frozenset({"visit", "arrive", "travel", "trip", "tour", "fly", "land", "journey", "stopover"})
# 'a point west of X', 'a checkpoint north of Kirkuk': the place a direction is 'of'
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# Nouns that introduce the place they are 'of': 'the border town of Chaman', 'the outskirts of Kyiv'.
PLACE_NOUNS = frozenset({
    "town", "city", "village", "capital", "port", "outskirts", "suburb", "suburbs", "area", "district", "province",
    "region", "governorate", "state", "oblast", "prefecture", "county", "enclave", "island", "coast", "centre",
    "center", "heart", "streets", "street", "compound", "camp", "crossing", "checkpoint", "airport", "airbase",
    "base", "airfield", "resort", "station", "department", "parish",
    "mountains", "hills", "foothills", "countryside", "desert", "jungle", "forests", "highlands", "valley", "plains",
    "neighbourhood", "neighborhood", "edge", "territory", "municipality", "commune", "canton", "emirate", "side",
    "bay", "waterfront", "seafront", "docks",
    "republic", "terminal", "refinery", "harbour", "harbor", "seaport", "shipyard",  # "Atyrau's oil terminal"
    "post", "megaport",  # 'the Ngwenya border post', 'the Chancay megaport'
}) | DIRECTIONS  # fmt: skip
# 'the outskirts of this city' in a story filed from a city: the dateline's place
DATELINE_NOUNS = frozenset({"city", "town", "capital", "port", "village"})
# 'on the outskirts of Maroua', 'on the Kenyan side of Moyale'
ON_THE_EDGE = frozenset({"outskirts", "edge", "fringes", "outskirt", "periphery", "side"})
ISLAND_WORDS = frozenset({"island", "islands", "isle"})
PASSAGES = frozenset({"crossing", "port", "airport", "checkpoint", "terminal"})  # a place an act opens or shuts
WAYS_ACROSS = PASSAGES | {"post", "megaport", "bridge"}  # 'the Batugade border post', 'the Horgoš crossing'
REGION_WORDS = frozenset({"province", "region", "governorate", "oblast", "state", "prefecture", "county", "district",
                          "department", "republic", "parish"})  # 'the Russian republic of Karelia'
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
COUNTRY_TYPES = frozenset({"name", "historical", "abbreviation", "epithet"})  # mentions that name a whole state


def locate(doc: Doc, trigger: int, res: Resolution, event: str,
           context: Sequence[Sequence[str]]) -> Location | None:
    """The place where the event triggered at token `trigger` happened, or None when its clause names none.

    `context`: tiers of ISO3 codes, most telling first (the event's parties, then the states its document names):
    a place of the first tier that has one wins ('Tripoli' in a story about Lebanon is Lebanon's)."""
    if not 0 <= trigger < len(doc):
        return None
    token = doc[trigger]
    whole_state: Location | None = None
    unlisted: Location | None = None  # the first name the gazetteer lacks, if nothing it has is found
    objects = list(_place_objects(token, event))
    for k, (obj, targeted) in enumerate(objects):
        if obj.head.lower_ == "with" and obj.head.head.lower_ == "along":
            continue  # 'France, along with Germany, condemned ...': a party, no venue
        if obj.head.lower_ == "from" and obj.head.head.lower_ in ("across", "opposite"):
            continue  # 'in Phuentsholing, across from Jaigaon': the town facing the place, not the place
        if obj.head.lower_ == "across" and obj.right_edge.i + 1 < len(doc) \
                and doc[obj.right_edge.i + 1].lower_ == "from":
            continue  # 'in Posadas, across the Paraná from Encarnación': the river between it and the town facing it
        if _on_the_way(obj, token):
            continue  # 'crossed into China on his way to a parade in Beijing': not there yet
        found = _phrase(obj)
        if found is None and (capital := _capital_described(obj, res, context)) is not None:
            return capital  # 'a two-day trip to the Philippine capital'
        if found is None:
            if res.dateline_end and _this_place(obj, lead=_lead_sentence(obj, res)) \
                    and (here := _dateline_location(doc, res, context)) is not None:
                return here  # 'on the outskirts of this city', in a story filed from the city
            if _the_city(obj) and (before := _city_named_before(obj, res, context)) is not None:
                return before  # 'Residents of Bila Tserkva ..., after drones hit a school in the city'
            continue
        joined = _joined(obj, found)  # 'Jammu and Kashmir' is one region, 'Jammu' a city in it
        location = (joined and _resolve(doc, joined, res, context, cities_only=targeted)) \
            or _resolve(doc, found, res, context, cities_only=targeted)
        if location is None:
            unlisted = unlisted or _unlisted(doc, joined or found, res, context)
            continue
        if location.kind != "country":
            if whole_state is None or location.country == whole_state.country:
                return _city_within(location, objects[k + 1:], doc, res, context) or location
            continue
        # 'raided the Jenin refugee camp in the occupied West Bank': a place inside the state named is nearer
        whole_state = whole_state or location
    if whole_state is None and token.pos_ == "VERB":
        for verb in _joined_verbs(token):  # 'arrested 14 fishermen and seized their trawlers off Mannar'
            there = locate(doc, verb.i, res, event, context)
            if there is not None and there.kind != "country":
                return there
        if token.dep_ == "conj" and token in _joined_verbs(token.head):
            # 'crossed into the department of Huehuetenango and exchanged fire': the first verb's place
            there = _located_alone(doc, token.head.i, res, event, context)
            if there is not None and there.kind != "country":
                return there
    if unlisted is not None and (whole_state is None or whole_state.country == unlisted.country):
        return unlisted
    return whole_state


# what names no town: seas, reefs, rivers and mountains ('near Sabina Shoal', 'in the Galwan valley')
NATURAL_FEATURES = frozenset({"shoal", "reef", "cay", "atoll", "river", "valley", "islands", "strait", "bank",
                              "sea", "gulf", "bay", "lake", "mountains", "mountain", "mount", "pass", "glacier",
                              "peninsula", "canal", "channel", "lagoon", "desert", "ocean", "straits", "range",
                              "basin", "delta", "plateau", "coast", "island", "islet", "rock", "rocks", "shoals"})


HYPHENS = frozenset({"-", "–"})


def _cut_at_a_dot(doc: Doc, phrase: Phrase) -> bool:
    """'Sault Ste. Marie': a name the tokens (and the sentences) cut at an abbreviation's dot."""
    end = phrase.end
    return end + 1 < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ and len(doc[end - 1]) <= 3


def _described_beside(res: Resolution, phrase: Phrase) -> str | None:
    """'in Rubavu, the Rwandan town across the border from Goma': the state an apposition's adjective names."""
    last = res.doc[phrase.end - 1]
    for appos in (c for c in last.children if c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS):
        for adjective in (c for c in appos.children if c.dep_ in ("amod", "compound", "nmod")):
            span = res.actor_at.get(adjective.i)
            if span is not None and span.kind == "state" and span.type == "demonym":
                return span.code
    return None


FACING_WORDS = frozenset({"face", "opposite"})


def _across_from_the_other_party(res: Resolution, phrase: Phrase, context: Sequence[Sequence[str]]) -> str | None:
    """'at Ramokgwebana, at the border post facing Plumtree', 'at Zobue, a few kilometres from Malawi's Mwanza': a
    village told as facing, or some way from, a town of one party lies in the other party's state."""
    from diplograph.coding.args import DISTANCE_WORDS
    from diplograph.geo.gazetteer import places, small_town

    parties = list(dict.fromkeys(c for tier in context[:1] for c in tier))
    if len(parties) < 2:
        return None
    doc = res.doc
    sent = doc[phrase.start].sent
    measured = DISTANCE_WORDS | {"metre", "meter"}
    # 'facing Plumtree' (its object) or 'opposite (to) X' (its phrase's object)
    towns = [g for t in sent if t.i >= phrase.end and t.lemma_.lower() in FACING_WORDS for c in t.children
             for g in ((c,) if c.dep_ != "prep" else c.children) if g.dep_ in ("dobj", "pobj")]
    towns += [o for t in sent if t.i >= phrase.end and t.lower_ == "from"
              and any(w.lemma_.lower() in measured for w in doc[max(t.i - 3, sent.start):t.i])
              for o in t.children if o.dep_ == "pobj"]
    for town in towns:
        owner = next((a for c in town.children if c.dep_ == "poss" and (a := res.actor_at.get(c.i)) is not None
                      and a.kind == "state"), None)
        states = {owner.code} if owner is not None else {p.country for p in places().lookup(town.text, "city")} \
            or {p for p in parties if small_town(town.text, [p]) is not None}
        if len(states & set(parties)) == 1:
            return next(p for p in parties if p not in states)
    return None


UNLISTED_DESCRIBED = "unlisted+described"  # ... in the state the text describes it in


def state_told(location: Location) -> bool:
    """Whether the location's state is the text's or the gazetteer's, not a guess for a place neither knows (an
    `unlisted` one): only such a state may tell an event's party ('the arrest ... in Benin's main port')."""
    return location.method != UNLISTED


def _unlisted(doc: Doc, phrase: Phrase, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """'began shared inspections at Gbalamuya', 'joint patrols near Tabanovce': a village or border post too small
    for the gazetteer (under 500 people), written as a place name where the clause tells its venue. Its state is
    the one the text describes it in ('the Salvadoran border post of ...'), else the event's first party
    (`pipeline._on_the_side_of_the_act` moves it to the party whose side that kind of act happens on); it has no
    coordinates. Not a region, a name the gazetteer or a party's small towns know elsewhere, a name the actor
    dictionaries know, nor English words."""
    from diplograph.geo.gazetteer import places, small_town

    if phrase.region or phrase.end - phrase.start > 4 \
            or any(res.actor_at.get(i) is not None for i in range(phrase.start, phrase.end)):
        return None
    tokens = doc[phrase.start:phrase.end]
    # ('at La Hachadura', 'in Ras Laffan': the recogniser takes many an unknown place after a venue's preposition
    # for a person)
    after_a_venue = tokens[-1].dep_ == "pobj" and (tokens[-1].head.lower_ in ("in", "at", "near") or (
        tokens[-1].head.lower_ == "to" and tokens[-1].head.head.lemma_.lower() in MOVE_LEMMAS))  # 'moved tanks to'
    if not all(t.text in HYPHENS or (t.text[:1].isupper() and (t.ent_type_ in PLACE_ENTITIES or (
            t.pos_ == "PROPN" and (not t.ent_type_ or (t.ent_type_ == "PERSON" and after_a_venue)))))
               for t in tokens) or tokens[-1].text in HYPHENS \
            or not _may_name_a_small_town(doc, phrase) or tokens[0].is_sent_start \
            or any(t.lower_ in NATURAL_FEATURES or t.tag_ == "NNPS" for t in tokens) or _cut_at_a_dot(doc, phrase) \
            or (phrase.start > 0 and doc[phrase.start - 1].lower_ == "the" and not (
                doc[phrase.end - 1].dep_ == "compound" and doc[phrase.end - 1].head.lemma_.lower() in WAYS_ACROSS)):
        return None  # 'near Sabina Shoal', 'in the Spratlys', 'across the Moei River': no town; 'Sault Ste.' (but
        # 'at the Horgoš crossing' names one)
    name = _text(doc, phrase)
    known = [c for tier in context for c in tier]
    if places().stoplisted(name) or places().lookup(name) or small_town(name, with_territories(known)) is not None:
        return None
    described = _described_state(res, phrase) or _described_beside(res, phrase) \
        or _across_from_the_other_party(res, phrase, context)
    state = described or next((c for tier in context[:1] for c in tier), None)
    if state is None:
        return None
    return _as_written(doc, phrase, state, UNLISTED_DESCRIBED if described else UNLISTED)


def _as_written(doc: Doc, phrase: Phrase, state: str | None, method: str, shown: str | None = None) -> Location:
    """A town the gazetteer lacks, kept as the text writes it (or as `shown`), in `state`, with no coordinates."""
    written = _text(doc, phrase)
    start_char = doc[phrase.start].idx
    return Location(name=shown or written, place=shown or written, admin1=None, country=state, lat=None, lon=None,
                    evidence=Evidence(start_char, start_char + len(written), written), method=method, kind="city")


def _city_within(region: Location, objects: Sequence[tuple[Token, bool]], doc: Doc, res: Resolution,
                 context: Sequence[Sequence[str]]) -> Location | None:
    """A city of the region that the clause also names ('at a rail yard outside Salamanca, in the central state of
    Guanajuato'): the nearer place, however the parser ordered the two."""
    if region.kind != "region":
        return None
    from diplograph.geo.gazetteer import place_key

    inside = range(region.evidence.start, region.evidence.end) if region.evidence is not None else range(0)
    tiers = ((region.country,), *context) if region.country else tuple(context)
    for obj, targeted in objects:
        if obj.idx in inside:
            continue  # the region's own name ('Jammu and Kashmir'), met again deeper in the clause
        if obj.lower_ in PASSAGES or obj.lower_ in ("bridge", "pass"):
            continue  # 'in South Karelia, near the Nuijamaa crossing': a crossing named after a town is no venue
        found = _phrase(obj)
        city = _resolve(doc, found, res, tiers, cities_only=targeted) if found else None
        if city is not None and city.kind == "city" and city.country == region.country and (
                (city.admin1 and place_key(city.admin1) == place_key(region.place or ""))
                or _told_as_lying_in(doc, city, region)):
            return city
    return None


# ', in the northern ...', ', in Iraq's ...': what follows a place to say in which region it lies
LYING_IN = re.compile(r"\s*,\s*in\s+(?:the\s+)?(?:[a-z-]+\s+)?$")
NEIGHBOURHOOD_KM = 250


def _told_as_lying_in(doc: Doc, city: Location, region: Location) -> bool:
    """'near Hermel, in the northern Bekaa valley', 'near Amadiya, in the Kurdistan region of Iraq': a city set off
    by a comma before the region it lies in, as the text says, whatever the gazetteer files it under (a valley, a
    region of several provinces), when it lies near the region's centre."""
    if city.evidence is None or region.evidence is None or city.evidence.end > region.evidence.start:
        return False
    between = doc.text[city.evidence.end:region.evidence.start]
    near = None not in (city.lat, city.lon, region.lat, region.lon) and distance_km(
        city.lat, city.lon, region.lat, region.lon) <= NEIGHBOURHOOD_KM  # type: ignore[arg-type]
    return bool(LYING_IN.fullmatch(between)) and near


def _located_alone(doc: Doc, trigger: int, res: Resolution, event: str,
                   context: Sequence[Sequence[str]]) -> Location | None:
    """The place of a verb's own clause, not looking on to the verbs joined to it."""
    for obj, targeted in _place_objects(doc[trigger], event):
        found = _phrase(obj)
        location = _resolve(doc, found, res, context, cities_only=targeted) if found is not None else None
        if location is not None:
            return location
    return None


def _joined_verbs(token: Token) -> list[Token]:
    """Verbs joined to the trigger by 'and' that share its subject (no subject of their own): one act told in two
    verbs (both in the past tense) happens at the city or region the last one names."""
    return [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == token.tag_ == "VBD"
            and not any(g.dep_.startswith("nsubj") for g in c.children)]  # two past acts told one after the other


def _clause_joined_before(token: Token) -> Token | None:
    """The clause joined by 'and' before this one where the parser made both complements of the report ('Protesters
    hurled paint at the consulate in Düsseldorf, and German police arrested eight people, the ministry said': the
    arrests were made there too)."""
    from diplograph.coding import args as A

    if token.dep_ not in ("ccomp", "parataxis") or token.head.lemma_.lower() not in A.REPORTING:
        return None
    before = [c for c in token.head.children if c.dep_ == token.dep_ and c.i < token.i]
    if not before or any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in token.children):
        return None
    joined = any(c.dep_ == "cc" and c.lower_ == "and" and c.i > before[-1].i for c in before[-1].children)
    return before[-1] if joined else None


def locate_reported(doc: Doc, trigger: int, res: Resolution, event: str,
                    context: Sequence[Sequence[str]]) -> Location | None:
    """`locate`, else the place of the clauses the trigger's clause hangs from ('launched rocket fire against
    Kharkiv, killing 50': where the fire landed), else, for an event a speaker reports, the place of the report
    ('Port officials in Hodeidah said that Israeli airstrikes destroyed ...') or a city or region the speaker
    belongs to ('The governor of Belgorod region said Ukrainian shelling damaged power lines'): officials of a
    place report what happened there."""
    from diplograph.coding import args as A

    place = locate(doc, trigger, res, event, context) or _here(doc, trigger, res, context)
    token = doc[trigger]
    for _ in range(3):
        if place is not None or token.dep_ not in ("advcl", "xcomp", "conj") or token.head.pos_ != "VERB" \
                or token.head.lemma_.lower() in A.REPORTING:
            break  # not into a report's own clause: 'officials in New Delhi said, two days after ... delivered
        if any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in token.children):
            break  # 'Tokyo protested to Beijing after a Chinese drone flew between Taiwan and Yonaguni': the act
            # the clause is about happened at another time, so elsewhere
        token = token.head
        place = locate(doc, token.i, res, event, context)
    if place is None and (before := _clause_joined_before(token)) is not None:
        place = locate(doc, before.i, res, event, context)
    root = doc[trigger].sent.root
    if place is not None or root.i == token.i or root.lemma_.lower() not in A.REPORTING or not _material(event):
        return place  # what a state says or agrees is said where its speaker was, which a report does not tell
    if not _reported_by(token, root):
        return None  # 'officials in New Delhi said on Monday, two days after an aircraft delivered ...
    speaker, _ = A.subject(root)
    if speaker is not None and speaker.lemma_.lower() in SEATED_SPEAKERS:
        return None  # 'the French embassy in New Delhi said': where the speaker sits, not where the drills were
    place = locate(doc, root.i, res, event, context)
    if place is not None and context and len(context[0]) > 1 and place.country not in context[0]:
        # 'Ethiopia moved troops toward Eritrea, diplomats said in Nairobi': reported from a third state (with one
        # side known, the report's place is how the other is found: 'Israeli airstrikes ..., officials said in
        # Hodeidah')
        place = None
    if place is None and speaker is not None:
        found = (place_named_by(obj, res, context) for _prep, obj in A.prep_objects(speaker, ("of", "in")))
        place = next((p for p in found if p is not None and p.kind in ("city", "region")), None)
    return place


# Speakers whose place is where a government sits, not where what they report happened ('the French embassy in New
# Delhi said' of drills off Goa)
SEATED_SPEAKERS = frozenset({"embassy", "consulate", "mission", "ministry", "headquarters", "legation", "commission",
                             "government", "delegation"})


def sole_venue(doc: Doc, trigger: int, res: Resolution, event: str,
               context: Sequence[Sequence[str]]) -> Location | None:
    """The one city or region the trigger's sentence puts something 'in', 'at' or 'near', when the parse did not
    tie it to the trigger's clause: a sentence about one event names its place somewhere, however it is parsed.
    None when it names two, or when the place belongs to something else: a clause about a noun ('who studied in
    London'), another time ('after talks in Doha'), another event or a situation ('a strike on a market in
    Kostiantynivka', 'the war in Sudan'), a report ('diplomats said in Nairobi'), where something came from
    ('from its base at Punta Arenas') or what is alleged ('accused Kabul of hiding militants in Kunar')."""
    sentence = doc[trigger].sent
    found: dict[tuple[str | None, str | None], Location] = {}
    for token in sentence:
        if token.dep_ != "pobj" or token.head.lower_ not in VENUE_PREPS or _set_apart(token, doc[trigger], event):
            continue
        place = place_named_by(token, res, context)
        if place is not None and place.kind in ("city", "region"):
            found.setdefault((place.place, place.country), place)
    return next(iter(found.values())) if len(found) == 1 else None


ATTACK_NOUNS = frozenset({"strike", "attack", "airstrike", "raid", "bombing", "shelling", "bombardment"})
# nouns of events whose own place a phrase inside them names ('a strike on a market in X'); with the meetings and
# situations
_SCENE_NOUNS = frozenset({"strike", "attack", "airstrike", "raid", "bombing", "shelling", "round", "visit", "trip",
                          "tour", "election", "vote"})


def _set_apart(token: Token, trigger: Token, event: str) -> bool:
    """Whether a place phrase belongs to something other than the trigger's event (see `sole_venue`); a phrase
    inside the trigger's own is its."""
    from diplograph.coding.args import REPORTING

    t = token.head
    while True:
        if t.i == trigger.i:
            return False
        if t.dep_ in ("relcl", "acl", "appos") or (t.dep_ == "prep" and t.lower_ in OTHER_TIME_PREPS | {"from"}) \
                or any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_PREPS for c in t.children):
            return True
        if t.dep_ == "prep" and t.lower_ in CONTENT_PREPS and event in ALLEGING_EVENTS:
            return True
        if t.lemma_.lower() in _SCENE_NOUNS | SITUATION_NOUNS | MEETING_NOUNS | REPORTING or _seat(t) \
                or t.ent_type_ == "PERSON":
            return True
        if t.lemma_.lower() in SEATED_SPEAKERS and t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING:
            return True  # 'the French embassy in New Delhi said': where the speaker sits
        if t.head.i == t.i:
            return False
        t = t.head


def _here(doc: Doc, trigger: int, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """'ARUSHA, Tanzania — Kenyan and Tanzanian defence chiefs signed a pact here on Thursday': the story's
    dateline is where 'here' is."""
    heads = _clause_heads(doc[trigger])
    heads += [h.head for h in heads if h.dep_ == "conj" and h.head.pos_ == "VERB"]  # 'toured the terminal here on
    # Friday and signed a protocol': the first verb's 'here' holds for the second
    # ('reopened the bridge here': the parser may hang 'here' on the object)
    said_here = [c for head in heads for c in (*head.children, *(g for o in head.children if o.dep_ == "dobj"
                                                                 for g in o.children))]
    if not res.dateline_end or not any(c.lower_ == "here" and c.dep_ == "advmod" for c in said_here):
        return None
    return _dateline_location(doc, res, context)


def _dateline_location(doc: Doc, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """The place of the story's dateline ('ARUSHA, Tanzania —'), None when it has none."""
    for i in range(res.dateline_end):
        if doc[i].pos_ == "PROPN" and (found := _phrase(doc[i])) is not None:
            titled = Phrase(found.start, min(found.end, res.dateline_end), found.region)
            location = _resolve(doc, titled, res, context, cities_only=False)
            if location is not None:
                return _town_the_gazetteer_lacks(doc, location) or location
    return None


def _town_the_gazetteer_lacks(doc: Doc, beyond: Location) -> Location | None:
    """'LERWICK, Scotland —': a dateline's town the gazetteer lacks, before the comma of the region or state it
    resolved to, kept as written (no coordinates)."""
    comma = next((t.i for t in doc[:6] if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(doc) or beyond.kind not in ("region", "country") \
            or beyond.evidence is None or beyond.evidence.start != doc[comma + 1].idx \
            or not all(t.is_alpha and t.text.isupper() or t.text in HYPHENS for t in doc[:comma]):
        return None
    from diplograph.geo.gazetteer import places

    town = Phrase(0, comma, False)
    name = _text(doc, town)
    if places().stoplisted(name) or places().lookup(name):
        return None
    shown = name.title() if name.isupper() else name  # datelines are written in capitals
    return _as_written(doc, town, beyond.country, UNLISTED_DESCRIBED, shown)


def _capital_described(obj: Token, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """'the Philippine capital', 'the Iraqi capital': the capital city of the state its adjective names."""
    from diplograph.actors.gazetteer import capital_names
    from diplograph.geo.gazetteer import places

    if obj.lemma_.lower() != "capital" or any(c.dep_ in ("prep", "appos") for c in obj.children):
        return None
    for c in obj.children:
        state = res.actor_at.get(c.i) if c.dep_ in ("amod", "compound", "nmod") else None
        if state is None or state.kind != "state" or state.type != "demonym":
            continue
        name = capital_names().get(state.code)
        found = [p for p in places().lookup(name, "city") if p.country == state.code] if name else []
        if found:
            span = obj.doc[min(c.i, obj.i):obj.i + 1]
            return place_location(found[0], span.text, Evidence(span.start_char, span.end_char, span.text),
                                   "capital described")
    return None


def _of_object(token: Token) -> Token | None:
    """The object of the token's 'of' ('the outskirts of Kyiv', 'north of Kirkuk'), None without one."""
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _region_it_lies_in(obj: Token, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """The first-level region a lower division is told to lie in ('the Khong district of Laos's Champasak
    province'), when the gazetteer knows it as a region."""
    outer = _of_object(obj)
    found = _phrase(outer) if outer is not None else None
    location = _resolve(obj.doc, found, res, context, cities_only=False) if found is not None else None
    return location if location is not None and location.kind == "region" else None


def _lead_sentence(token: Token, res: Resolution) -> bool:
    """Whether the token is in the story's first sentence, the one its dateline opens."""
    return token.sent.start <= res.dateline_end < token.sent.end or token.sent.start == res.dateline_end


def _this_place(obj: Token, lead: bool = False) -> bool:
    """'this city', 'the outskirts of this town' (and in the lead sentence of a story filed from a city, 'the
    northern edge of the city'): a place noun the writer points at, not names."""
    pointers = ("this", "the") if lead else ("this",)
    for _ in range(3):
        if obj.lemma_.lower() in DATELINE_NOUNS and any(c.dep_ == "det" and c.lower_ in pointers
                                                         for c in obj.children):
            return True
        inner = _of_object(obj)
        if inner is None or obj.lower_ not in PLACE_NOUNS:
            return False
        obj = inner
    return False


# nouns for a city that 'the' points back with ('docked at Sittwe ..., the first shipment to reach the port')
CITY_NOUNS = frozenset({"city", "town", "port"})


def _the_city(obj: Token) -> bool:
    """'in the city', 'the town', 'the port': a place noun pointing back at a city named before (not 'the city of
    X', not 'a town')."""
    return obj.lower_ in CITY_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children) \
        and not any(c.dep_ in ("prep", "appos", "poss") or (c.dep_ in ("compound", "amod") and not _describing(c))
                    for c in obj.children)


# words that only describe a town pointed back at ('in the desert town', 'the border town', 'the coastal city')
DESCRIBING_A_TOWN = frozenset({"desert", "border", "coastal", "port", "mountain", "river", "riverside", "frontier",
                               "garrison", "market", "oasis", "island", "lakeside", "hill", "highland", "seaside",
                               "small", "northern", "southern", "eastern", "western", "remote", "resort", "tourist",
                               "mining", "fishing", "lake", "spa"})


def _describing(word: Token) -> bool:
    return word.lower_ in DESCRIBING_A_TOWN and next(word.children, None) is None


CITY_LOOKBACK_SENTENCES = 2  # 'the city' names the city of this sentence or the one before


def _city_named_before(obj: Token, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """The city named last before 'the city', in its sentence or the one before (None when a region or state is
    named after it, or none is)."""
    sentences = [s for s in obj.doc.sents if s.start <= obj.i][-CITY_LOOKBACK_SENTENCES:]
    first = sentences[0].start if sentences else obj.sent.start
    i = obj.i - 1
    while i >= first:
        token = obj.doc[i]
        found = _phrase(token) if token.pos_ == "PROPN" and token.ent_type_ in PLACE_ENTITIES | {""} else None
        # a lead's first word the tagger took for a common noun counts too ('Tozeur meeting ends aquifer row:')
        if found is None and token.pos_ in ("NOUN", "ADJ") and token.is_sent_start and token.text[:1].isupper() \
                and token.dep_ == "compound":
            found = Phrase(token.i, token.i + 1, False)
        location = _resolve(obj.doc, found, res, context, cities_only=False) if found is not None else None
        if found is not None and location is not None:
            if location.kind == "country" and _a_party_named(token):
                i = found.start - 1
                continue  # 'Residents of Lozova ... when Russia attacked a station in the town': the attacker
            if location.kind != "city":
                return None
            return replace(location, method="the city named before")
        i = (found.start if found is not None else i) - 1
    return None


def _hosting(token: Token) -> bool:
    """A form of 'host', also when the tagger read 'hosted' as an adjective (its lemma then 'hosted')."""
    return token.lemma_.lower() == "host" or token.lower_ == "hosted"


def _on_the_way(obj: Token, trigger: Token) -> bool:
    """A place inside 'on his (its, their) way to ...' hung below the trigger: where a traveller was going."""
    for anc in obj.ancestors:
        if anc.i == trigger.i:
            return False
        if anc.lower_ == "way" and anc.dep_ == "pobj" and anc.head.lower_ in ("on", "en"):
            return True
    return False


def _a_party_named(token: Token) -> bool:
    """A state named as who acts ('Russia attacked', "Russia's drones hit"): a party, not where 'the city' lies."""
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"))


def _only_a_region(obj: Token) -> bool:
    """A name the gazetteer knows only as a first-level region (an island such as Gotland or Socotra): what is
    done 'on' it is done there ('sanctions on Moscow' name a city, and a target)."""
    from diplograph.geo.gazetteer import places

    if obj.pos_ != "PROPN":
        return False
    start, end = _entity_bounds(obj)
    found = places().lookup(obj.doc[start:end].text)
    return bool(found) and all(p.kind == "region" for p in found)


def _reported_by(token: Token, root: Token) -> bool:
    """Whether the clause of `token` is what the reporting verb `root` says (its complement), not a clause about
    when it was said."""
    while token.head.i != token.i and token.head.i != root.i:
        token = token.head
    return token.head.i == root.i and token.dep_ in ("ccomp", "parataxis", "xcomp", "dobj")


def place_named_by(obj: Token, res: Resolution, context: Sequence[Sequence[str]]) -> Location | None:
    """The place a phrase names ('Belgorod region', 'the city of Aleppo'), if the gazetteer knows it."""
    found = _phrase(obj)
    return _resolve(obj.doc, found, res, context, cities_only=False) if found is not None else None


def _clause_heads(token: Token) -> list[Token]:
    """The trigger, the verb of its clause, and for a purpose clause the verb it serves ('arrived in Bamako to
    train Malian troops': the training happens where they arrived)."""
    from diplograph.coding.args import governing_verb, is_infinitive

    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ in OTHER_TIME_PREPS:
        return [token]  # 'debris was found in Tulcea county after Russia's attack on Izmail': not where it was found
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token) or _verb_above(token)
    if verb is token and token.dep_ in ("advmod", "npadvmod") and token.tag_ == "VBG" \
            and token.head.pos_ == "VERB":  # 'Pakistani shelling hit villages in ...': a noun the tagger read
        verb = token.head  # as a verb, hanging from the clause's verb
    heads = [token] if verb is None or verb is token else [token, verb]
    if token.tag_ == "VBG":  # 'Pakistani shelling hit villages in ...': a noun the parser read as a verb, its
        heads.extend(c for c in token.children  # clause's real verb hanging below it
                     if c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBD", "VBZ", "VBP"))
    if verb is None and token.dep_ in ("nmod", "compound", "npadvmod") and token.head.pos_ in ("NOUN", "PROPN"):
        heads.append(token.head)  # 'A missile attack damaged rail infrastructure in Kharkiv', parsed as one phrase
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.dep_ in ("nsubj", "nsubjpass") \
            and token.head.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head.head)  # 'a relief flight carrying tents landed in Rangoon': where it landed
    if verb is not None and verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb):
        if verb.head.pos_ == "VERB" and verb.head.i != verb.i:
            heads.append(verb.head)
    if token.lemma_.lower() in BEGINNING:  # 'began vaccinating camels in Somalia's Awdal region': what was begun
        heads.extend(c for c in token.children if c.dep_ == "xcomp" and c.tag_ in ("VBG", "VB"))
    return heads


BEGINNING = frozenset({"begin", "start", "resume"})


def _verb_above(token: Token, steps: int = 4) -> Token | None:
    """The nearest verb above a noun the parser hung off an adverb or a modifier ('docked ... ahead of joint
    exercises', 'A drone attack damaged ...' as npadvmod)."""
    t = token
    for _ in range(steps):
        if t.head.i == t.i or t.dep_ in CLOSED_DEPS - {"nsubj"}:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _place_objects(token: Token, event: str) -> Iterator[tuple[Token, bool]]:
    """(object, targeted) for each phrase of the trigger's clause that can name the place, nearest first: venue
    prepositions of the trigger, of its clause's verb and of their objects; a destination ('arrived in', 'a trip
    to', 'deployed troops to', 'fired into'); a hostile act's target place (`targeted`: cities and regions only);
    then venue prepositions deeper in the clause ('signed an agreement on deliveries in Brussels')."""
    from diplograph.coding.args import prep_objects

    heads = _clause_heads(token)
    # (what is talked of runs 'through' a place: 'discussed a pipeline through Mongolia')
    own_venue_preps = OWN_VENUE_PREPS if event not in SAID_EVENTS else VENUE_PREPS
    for head in heads:
        for _prep, obj in prep_objects(head, own_venue_preps):
            if not _near_the_place_before(obj):
                yield obj, False
    for head in heads:
        # The parser often hangs the place on the object: 'met their counterparts in Geneva', 'shelled villages in
        # the Kherson region', 'exchanged fire along the frontier in Rakhine state'.
        for arg in _arguments(head):
            if arg.lemma_.lower() in SITUATION_NOUNS:
                continue  # 'welcomed the paper on the war in Ukraine': where the war is, not where it was welcomed
            for held in (arg, *_conjuncts(arg)):  # 'hit a warehouse district and a school in the city'
                for _prep, obj in prep_objects(held, own_venue_preps):
                    yield obj, False
        if head.pos_ == "VERB" and head.dep_ in ("amod", "acl") and head.head.i != head.i:
            # a clause the parser made a noun's modifier ('attack damaged port infrastructure in Odessa')
            for _prep, obj in prep_objects(head.head, VENUE_PREPS):
                yield obj, False
    for head in heads:  # 'held talks on the island of Jeju', 'drills on the Kuril Islands', 'drills on Gotland'
        for _prep, obj in prep_objects(head, ("on",)):
            if obj.lemma_.lower() in ISLAND_WORDS | ON_THE_EDGE or (event not in TARGET_EVENTS
                                                                     and _only_a_region(obj)):
                yield obj, False
    # a promise to send or to visit ('would send 150 doctors to Honduras') is made where it was made, not there
    moving = event != "AGREE" and (event in MOVING_EVENTS
                                   or any(h.lemma_.lower() in VISIT_LEMMAS | MOVE_LEMMAS for h in heads))
    for head in heads:
        for _prep, obj in prep_objects(head, ("to", "into") if moving else ("into",)):
            yield obj, False
    if moving:  # 'flew rescue teams and relief supplies into Myanmar': the parser hangs it on what was carried
        for head in heads:
            for arg in _arguments(head):
                for carried in (arg, *_conjuncts(arg)):  # 'flew teams, a hospital and 15 tonnes ... into Burma'
                    for _prep, obj in prep_objects(carried, ("into",)):
                        yield obj, False
                joined = _conjuncts(arg)
                if joined and head.lemma_.lower() in MOVE_LEMMAS:
                    # 'sent 200 soldiers with boats and a helicopter to Apoera': hung on the last thing sent
                    for _prep, obj in prep_objects(max(joined, key=lambda t: t.i), ("to",)):
                        yield obj, False
        if head.lemma_.lower() in VISIT_LEMMAS and head.pos_ == "VERB":
            yield from ((c, False) for c in head.children if c.dep_ == "dobj")
    for head in (h for h in heads if h.lemma_.lower() in CUTTING_OFF and h.pos_ == "VERB"):
        # 'cut electricity, fuel and internet supplies to Myawaddy': the town cut off (a city or region only)
        things_cut = [t for arg in _arguments(head) for t in (arg, *_conjuncts(arg))]
        for _p, obj in [found for t in (head, *things_cut) for found in prep_objects(t, ("to",))]:
            yield obj, True
    for head in heads:  # 'rescue teams reached Mandalay', 'the convoy reached Abeche': the place arrived at
        if head.lemma_.lower() == "reach" and head.pos_ == "VERB":
            yield from ((c, False) for c in head.children if c.dep_ == "dobj")
    for head in heads:  # 'expelled Colombian diplomats from Caracas', 'withdrew from Kherson': where it happened
        if head.lemma_.lower() in LEAVING_LEMMAS:  # a city or region only: 'withdrew from Russia' left a market
            outs = [c for c in head.children if c.lower_ == "out"]  # 'pulled its troops out of Kherson'
            forces = _forces_withdrawn(head)  # 'withdrawing a brigade from Romania': a whole state is the place
            for _prep, obj in [*prep_objects(head, ("from",)), *(p for o in outs for p in prep_objects(o, ("of",))),
                               *(p for f in forces for p in prep_objects(f, ("from",)))]:
                yield obj, True  # a city or region first ('withdrew its troops from Kherson' left the city)
                if forces:
                    yield obj, False  # else the state
    if event in TARGET_EVENTS and token.dep_ == "pobj" and token.head.lower_ == "under" \
            and token.head.head.lemma_.lower() in ("come", "be"):
        # 'Korosten, a railway junction in Zhytomyr region, came under Russian drone attack': the place attacked
        yield from ((c, True) for c in token.head.head.children if c.dep_ == "nsubj")
    # 'shot down three drones over Rajasthan', 'flew jets over Taipei', 'staged flying drills over Greece's South
    # Aegean region' (an exercise: over a region or town only, never the topic of a joint act)
    if event in TARGET_EVENTS | {"MOBILIZE"} or event == "COOPERATE" and any(
            h.lemma_.lower() in OPERATIONS or h.lemma_.lower() in FLYING_FROM for h in heads):
        for head in heads:
            for owner in (head, *(a for a in _arguments(head) if a.lemma_.lower() not in SITUATION_NOUNS)):
                for _prep, obj in prep_objects(owner, ("over",)):
                    yield obj, True
    if event in TARGET_EVENTS:
        for head in heads:
            for _prep, obj in prep_objects(head, TARGET_PREPS):
                yield obj, True
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            for attack in (c for s in subjects for c in (s, *_conjuncts(s)) if c.lemma_.lower() in ATTACK_NOUNS):
                # 'The strike on Sumy killed 11 people', 'The missile and drone attack on Rovno damaged ...':
                # where the strike landed
                for _prep, obj in prep_objects(attack, (*TARGET_PREPS, "of")):  # 'the shelling of Samraong'
                    yield obj, True
            for _prep, attack in prep_objects(head, ("in", "during")):  # 'detained in an overnight raid on Nablus'
                if attack.lemma_.lower() in ATTACK_NOUNS:
                    for _p, obj in prep_objects(attack, TARGET_PREPS):
                        yield obj, True
            for arg in _arguments(head):  # 'struck a fuel depot and a radar site on the northern edge of Sanaa'
                for held in (arg, *_conjuncts(arg)):
                    for _prep, obj in prep_objects(held, TARGET_PREPS):
                        yield obj, True
            if head.pos_ == "VERB":  # 'bombed Aleppo on Monday': the parser may make the name an npadvmod
                yield from ((c, True) for c in head.children
                            if c.dep_ == "dobj" or (c.dep_ == "npadvmod" and c.pos_ == "PROPN"))
                # 'attacked the town's station': the place whose station it was
                yield from ((p, True) for c in head.children if c.dep_ == "dobj" for p in c.children
                            if p.dep_ == "poss")
                # 'The Danube port of Reni was hit by Russian drones': what was struck is the passive's subject
                yield from ((c, True) for c in head.children if c.dep_ == "nsubjpass")
    for head in heads:  # 'seized cocaine from a yacht moored in Cape Verde': where what was acted on lay
        for arg in (*_arguments(head), *(o for _p, o in prep_objects(head, ("from", "aboard", "on")))):
            for told in (c for c in arg.children if c.dep_ == "acl" and c.lemma_.lower() in LYING_AT):
                for _prep, obj in prep_objects(told, VENUE_PREPS):
                    yield obj, False
    for head in heads:
        for prep in _deeper_preps(head, content=event not in ALLEGING_EVENTS):
            yield from ((g, False) for g in prep.children if g.dep_ == "pobj")
    yield from ((obj, False) for obj in _visit_destinations(heads[-1]))
    for head in heads:  # 'reopened the Nasib crossing', 'closed the port of Hodeidah': the passage acted on
        yield from ((c, False) for c in head.children
                    if c.dep_ == "dobj" and (c.lower_ in PASSAGES or c.lemma_.lower() in PASSAGES
                                             or _named_before_a_passage(c)))
    for head in heads:
        yield from ((obj, False) for obj in _meeting_venues(head, event))
    if token.lower_ in MEETING_NOUNS:  # 'The Sochi talks between the two ministers': talks named by their city
        yield from ((c, True) for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN")
    # 'The Chilean port of Iquique hosted talks': a host city is the venue (the parser may make 'hosted' the noun's
    # modifier, and the host its adverb); a host state is a party, its venue told elsewhere ('China hosted talks
    # ... in Kunming')
    for host in (*heads, *(c for c in token.children if c.dep_ in ("amod", "acl"))):
        if _hosting(host):
            yield from ((c, True) for c in host.children if c.dep_ in ("nsubj", "npadvmod"))
            if host.head.i == token.i and host.i != token.i and token.dep_ == "appos":
                yield token.head, True  # 'Korhogo, the main city of ..., hosted talks', parsed as a phrase beside it
    for head in heads:  # 'detained soldiers who had strayed into Zulia state', 'troops who had crossed into Gedo
        # region disarmed ...': where those acted on (or acting) had gone is where it happened
        for party in (*_arguments(head), *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))):
            for clause in party.children:
                if clause.dep_ == "relcl" and clause.lemma_.lower() in CROSSING_LEMMAS:
                    yield from ((obj, False) for _prep, obj in prep_objects(clause, ("into",)))
    for head in heads:  # "Croatia's prime minister, visiting Mostar on Friday, promised ...": where the doer was
        for subj in (c for c in head.children if c.dep_ == "nsubj"):
            for visiting in (c for c in subj.children if c.dep_ == "acl" and c.lemma_.lower() in VISIT_LEMMAS):
                yield from ((c, False) for c in visiting.children if c.dep_ == "dobj")
                yield from ((obj, False) for _prep, obj in prep_objects(visiting, ("in", "to", "at")))
    for head in heads:  # 'during raids they carried out together in Potosí department': the act's own relative
        for noun in (head, *(o for _p, o in prep_objects(head, ("during", "in")) if o.lemma_.lower() in ATTACK_NOUNS)):
            for clause in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in CARRYING_OUT):
                yield from ((obj, False) for _prep, obj in prep_objects(clause, VENUE_PREPS))
    if event in BASED_EVENTS:  # a base acted from, when nothing else placed it (cities and regions only)
        yield from ((obj, True) for obj in _bases_acted_from(token, heads))
    for head in heads:  # last: a venue the parser hung on a participle of the object (`_object_participles`)
        for participle in _object_participles(head):
            for _prep, obj in prep_objects(participle, VENUE_PREPS):
                yield obj, False
            if moving:  # 'deployed 3,000 soldiers, backed by armour, to Podlaskie province'
                for _prep, obj in prep_objects(participle, ("to", "into")):
                    yield obj, False
            for prep in _deeper_preps(participle, depth=6):
                yield from ((g, False) for g in prep.children if g.dep_ == "pobj")
    for head in heads:  # 'arrested a Venezuelan army sergeant, wanted in Caracas on gold-smuggling charges, at a hotel
        # in Boa Vista': the parser makes the description of the one acted on a clause of the act, and hangs the
        # act's venue, set off after its own comma, on it (not 'in Caracas', where he is wanted)
        for said in (c for c in head.children if c.dep_ == "advcl" and c.lemma_.lower() in DESCRIBING_THE_ACTED_ON):
            for prep in (p for p in said.children if p.dep_ == "prep" and p.lower_ in VENUE_PREPS
                         and p.i > said.i + 1 and p.doc[p.i - 1].text == ","):
                for g in (g for g in prep.children if g.dep_ == "pobj"):
                    yield g, False
                    yield from ((o, False) for _p, o in prep_objects(g, VENUE_PREPS))  # 'at a hotel in Boa Vista'
    for head in heads:  # and a clause on the object that took the act's own day with it (`_clauses_with_the_day`)
        for clause in _clauses_with_the_day(head):
            backs = [c for c in clause.children if c.dep_ == "advmod" and c.lower_ in ("back", "home")]
            for owner in (clause, *_arguments(clause), *(a for b in backs for a in _arguments(b))):
                # ('... back to Venezuelan officers in La Guajira department', 'back' holding the 'to')
                for _prep, obj in prep_objects(owner, VENUE_PREPS):
                    yield obj, False


# acts run from a base: where the base is, is where they happened ('joint patrols out of Dikhil', 'exercises from
# the port city of Namibe', 'helicopters flying from Goroka dropped rice')
BASED_EVENTS = frozenset({"COOPERATE", "MOBILIZE", "AID"})
OPERATIONS = frozenset({"patrol", "exercise", "drill", "operation", "flight", "sortie", "mission", "search",
                        "manoeuvre", "maneuver", "airlift", "airdrop"})
FLYING_FROM = frozenset({"fly", "operate"})


def _bases_acted_from(token: Token, heads: list[Token]) -> Iterator[Token]:
    from diplograph.coding.args import prep_objects

    # (the act, its clause's verb, their objects, and what was begun: 'began patrolling the river ... out of Ayorou')
    operations = [t for h in (token, *heads) for t in (h, *(c for c in h.children if c.dep_ in ("dobj", "xcomp")))]
    operations += [o for t in list(operations) for _p, o in prep_objects(t, ("of",))]  # 'five days of exercises'
    operations = [t for t in operations if t.lemma_.lower() in OPERATIONS]
    if operations:
        for t in (*operations, *heads):
            yield from (o for _p, o in prep_objects(t, ("from",)))
            for out in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "out"):  # 'out of Dikhil'
                yield from (o for _p, o in prep_objects(out, ("of",)))
    for head in heads:
        for subj in (c for c in head.children if c.dep_ == "nsubj"):
            for flying in (c for c in subj.children if c.dep_ == "acl" and c.lemma_.lower() in FLYING_FROM):
                yield from (o for _p, o in prep_objects(flying, ("from",)))


# verbs that say an act was done ('the raids they carried out', 'the strikes it launched')
CARRYING_OUT = frozenset({"carry", "conduct", "launch", "mount", "stage", "hold", "make", "wage", "undertake"})


def _named_before_a_passage(name: Token) -> bool:
    """'reopened the Ghadames crossing': the parser may make the name the object and the passage word beside it
    something else."""
    doc = name.doc
    return name.pos_ == "PROPN" and name.i + 1 < len(doc) and doc[name.i + 1].lower_ in PASSAGES


def _near_the_place_before(obj: Token) -> bool:
    """'struck a seminary in Muridke, near Lahore,': a 'near' set off by a comma after a place tells where that
    place lies; the parser hangs it on the verb, but the act happened in the place before it."""
    prep = obj.head
    doc = obj.doc
    if prep.lower_ != "near" or prep.i < 2 or doc[prep.i - 1].text != ",":
        return False
    before = doc[prep.i - 2]
    return before.dep_ == "pobj" and before.head.lower_ in ("in", "at") and (
        before.pos_ == "PROPN" or before.ent_type_ in PLACE_ENTITIES)


def _object_participles(head: Token) -> Iterator[Token]:
    """'arrested a Bolivian officer wanted for arms trafficking at a hotel in Sao Paulo', 'detained two citizens
    accused of spying near an air base in Valencia': a reduced relative on the act's object swallows the phrases
    after it in the parse, the venue among them. Its own subject-less participle only (not 'who studied in London',
    a relative clause, nor an apposition about a person)."""
    from diplograph.coding.args import prep_objects

    for arg in _arguments(head):  # and the noun the object is 'of': 'impounded 40 containers of parts bound for ...'
        for noun in (arg, *(obj for _prep, obj in prep_objects(arg, ("of",)))):
            for c in noun.children:
                if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG", "VBD") and c.lemma_.lower() not in PRODUCING \
                        and not any(g.dep_.startswith("nsubj") for g in c.children):
                    yield c


DESCRIBING_THE_ACTED_ON = frozenset({"want", "accuse", "charge", "suspect", "convict", "seek", "sentence"})


def _clauses_with_the_day(head: Token) -> Iterator[Token]:
    """'returned an Indian border guard they had held since late April to Indian officers at the Wagah crossing on
    Wednesday', 'handed three soldiers who had wandered across the border back to officers in Rusizi on Wednesday':
    a relative clause on the act's object swallows the phrases after it; when the act's own day went with them
    (the clause has an 'on <day>' phrase and the act none), so did its venue."""
    if _has_a_day(head):
        return
    for arg in _arguments(head):
        for c in arg.children:
            if c.dep_ in ("relcl", "acl") and _has_a_day(c) and (head.lemma_.lower() in HANDING_BACK
                                                                 or c.lemma_.lower() in STRAYING):
                yield c


# only where the clause is what the act's people or things had done to get there, or the act hands them back: 'a
# Polish citizen who had run a shop in Białystok to 12 years in prison on Thursday' was not sentenced there
HANDING_BACK = frozenset({"hand", "return", "repatriate", "deliver", "transfer", "extradite", "deport"})
CUTTING_OFF = frozenset({"cut", "halt", "suspend", "stop", "shut"})
STRAYING = frozenset({"approach", "cross", "stray", "wander", "enter", "fly", "sail", "drift", "stumble"})


def _has_a_day(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE"
                                                           for g in c.children) for c in verb.children)


# goods 'produced in Israeli settlements', 'made in China': where they come from, not where they were acted on
PRODUCING = frozenset({"produce", "make", "grow", "manufacture", "mine", "extract", "build", "assemble", "harvest"})


# What is done during talks is done where they are held ('signed a pact during a summit in Addis Ababa'), and an
# agreement or a meeting made after talks where the talks were ('agreed to a ceasefire after talks hosted in
# Qatar'); after a phrase about another kind of event comes another time and place.
MEETING_OUTCOMES = frozenset({"AGREE", "CONSULT", "RETREAT", "COOPERATE", "SUPPORT"})
MEETING_NOUNS = frozenset({"talks", "negotiations", "meeting", "meetings", "summit", "conference", "consultations",
                           "mediation", "dialogue", "round"})  # fmt: skip


def _material(event: str) -> bool:
    from diplograph import ontology

    return event in ontology.EVENT_TYPES and ontology.quad(event).startswith("material")


def _meeting_venues(head: Token, event: str) -> Iterator[Token]:
    from diplograph.coding.args import prep_objects

    preps = ("during", "at", "after", "following") if event in MEETING_OUTCOMES else ("during", "at")
    verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")]  # 'agreed to reopen crossings after talks'
    for c in (c for verb in verbs for c in verb.children):
        if c.dep_ != "prep" or (c.lower_ not in preps and c.lower_ != "on"):
            continue
        objects = [g for g in c.children if g.dep_ == "pobj"]
        if c.lower_ == "on":  # 'on the sidelines of a summit in Kazan': at the summit
            objects = [m for g in objects if g.lower_ in MARGINS for _p, m in prep_objects(g, ("of",))]
        for talks in (g for g in objects if g.lower_ in MEETING_NOUNS):
            for owner in (talks, *(a for a in talks.children if a.dep_ == "acl" and a.tag_ == "VBN")):
                yield from (obj for _prep, obj in prep_objects(owner, VENUE_PREPS))


MARGINS = frozenset({"sidelines", "sideline", "margins", "margin", "fringes"})
VISIT_NOUNS = JOURNEY_NOUNS | {"stop"}


def _visit_destinations(head: Token) -> Iterator[Token]:
    """'Hungary's foreign minister, on a visit to Belgrade, signed ...', 'during a trip to Vietnam': where the
    actor was when they acted, wherever the parser hung the phrase in the clause (its subject included)."""
    for t in head.subtree:
        if t.dep_ == "pobj" and t.lemma_.lower() in VISIT_NOUNS and t.head.lower_ in ("on", "during"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "in"):
                    yield from (g for g in c.children if g.dep_ == "pobj")


LEAVING_LEMMAS = frozenset({"expel", "withdraw", "evacuate", "retreat", "pull"})
CROSSING_LEMMAS = frozenset({"cross", "stray", "enter", "infiltrate", "flee", "advance", "push", "wander", "sail"})
MOVING_EVENTS = frozenset({"AID", "MOBILIZE"})  # 'delivered aid to Aden', 'deployed troops to Ciudad Juarez'
MOVE_LEMMAS = frozenset({"deploy", "send", "dispatch", "deliver", "ship", "move", "cross", "push", "dock", "sail"})
# Where the search never goes: other clauses, what a person is (appositions), and phrases about other times
# ('a week after the strike on Sumy').
CLOSED_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "appos", "csubj", "nsubj"})
OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "because", "although", "though", "once"})
OTHER_TIME_PREPS = frozenset({"after", "before", "since", "following", "during", "until", "ahead", "amid"})
# participles that only say where something lies ('aboard a frigate moored in Valparaiso'): their place is its place
LYING_AT = frozenset({"moor", "dock", "anchor", "berth", "station", "base", "park", "locate", "situate", "beach",
                      "strand", "ground"})


# 'imports from slaughterhouses in Cordoba province': where goods came from; 'the government in Gitega denied': the
# seat that names a government, no venue
SEAT_NOUNS = frozenset({"government", "authorities", "regime", "junta", "administration", "leadership"})
GOODS = frozenset({"import", "imports", "export", "exports", "shipment", "shipments", "purchase", "purchases",
                   "supplies", "goods", "product", "products", "beef", "grain", "oil", "gas", "coal"})


def _origin_of_goods(token: Token) -> bool:
    """'imports from slaughterhouses in Cordoba province', 'suspended beef imports from ...' (the parser may hang
    the 'from' on the verb): where goods come from is not where they were stopped."""
    if token.pos_ in ("NOUN", "PROPN"):
        return token.lemma_.lower() in GOODS or token.lower_ in GOODS
    return any(c.dep_ == "dobj" and (c.lower_ in GOODS or c.lemma_.lower() in GOODS) for c in token.children)


def _seat(token: Token) -> bool:
    """'the government in Gitega denied': a government named by its seat, as the subject of what it did."""
    return token.lemma_.lower() in SEAT_NOUNS and token.dep_ in ("nsubj", "nsubjpass")


SITUATION_NOUNS = frozenset({"war", "conflict", "crisis", "fighting", "invasion", "occupation", "dispute",
                             "situation", "violence", "unrest"})
ARGUMENT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})
ARGUMENT_PREPS = frozenset({"with", "to", "along", "across", "on", "at"})


def _conjuncts(token: Token) -> list[Token]:
    """The words joined to a word by 'and' or commas, however deep the parser chained them."""
    out: list[Token] = []
    todo = [c for c in token.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return out


def _arguments(head: Token) -> Iterator[Token]:
    """The objects of a clause, and the objects of its 'with'/'to'/'along' phrases ('met with X in Y')."""
    for c in head.children:
        if c.dep_ in ARGUMENT_DEPS:
            yield c
        elif c.dep_ == "prep" and c.lower_ in ARGUMENT_PREPS:
            yield from (g for g in c.children if g.dep_ == "pobj")


# Verbal acts whose 'of'/'for' phrase tells what is alleged or asked: 'accused Asmara of arming rebels in the Amhara
# region' was not said in Amhara
ALLEGING_EVENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
CONTENT_PREPS = frozenset({"of", "for", "over", "about"})


TOPIC_PREPS = frozenset({"on", "about", "over", "regarding"})


def _talked_of(t: Token) -> bool:
    """Talks or a meeting, whose 'on', 'about' or 'over' phrase is what was talked about ('progress in talks on
    opening a road across Armenia's south' were not held in Armenia's south)."""
    return t.lower_ in MEETING_NOUNS or t.lemma_.lower() in TALKING_LEMMAS


TALKING_LEMMAS = frozenset({"talk", "meet", "discuss", "negotiate", "confer", "progress"})


def _deeper_preps(head: Token, depth: int = 5, content: bool = True) -> Iterator[Token]:
    """Venue prepositions inside the clause's phrases, breadth first, never inside another clause (nor, with
    `content` false, inside the head's phrase of what is alleged or asked)."""
    frontier = [head]
    for _ in range(depth):
        following = []
        for t in frontier:
            if t is not head and t.lemma_.lower() in SITUATION_NOUNS:
                continue  # 'welcomed China's position paper on the war in Ukraine': where the war is, not the act
            for c in t.children:
                subject_event = c.dep_ == "nsubj" and t is head and c.pos_ == "NOUN"  # 'a strike on ... killed'
                # 'talks with his counterpart Cho Tae-yul in Seoul': the parser may hang the venue on the name
                named = c.dep_ == "appos" and c.pos_ == "PROPN" and t.pos_ == "NOUN"
                lying = c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in LYING_AT
                if (c.dep_ in CLOSED_DEPS and not subject_event and not named and not lying) \
                        or (c.dep_ == "prep" and c.lower_ in OTHER_TIME_PREPS) \
                        or (c.dep_ == "prep" and c.lower_ == "from" and _origin_of_goods(t)) \
                        or (c.dep_ == "prep" and _seat(t)) \
                        or (c.dep_ == "prep" and c.lower_ == "from" and t.lower_ in ("across", "opposite")) \
                        or (not content and t is head and c.dep_ == "prep" and c.lower_ in CONTENT_PREPS) \
                        or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and _talked_of(t)):
                    continue
                if c.dep_ == "prep" and t is not head and (c.lower_ in VENUE_PREPS or (
                        c.lower_ == "on" and any(g.lemma_.lower() in ON_THE_EDGE for g in c.children))):
                    yield c  # 'cells on the outskirts of Maroua' too
                following.append(c)
        frontier = following


class Phrase:
    """The tokens [start, end) that name a place, and whether the text calls it a region ('Anbar province')."""

    __slots__ = ("start", "end", "region", "described_by", "owned_by")

    def __init__(self, start: int, end: int, region: bool) -> None:
        self.start, self.end, self.region = start, end, region
        self.described_by: int | None = None  # an adjective of nationality on the place noun ('the Kazakh town of')
        self.owned_by: int | None = None  # the name that owns a region ("Namibia's Kunene region")


def _phrase(obj: Token, depth: int = 0) -> Phrase | None:
    """The place-name phrase an object stands for: the entity itself, a region word with its name ('Anbar
    province'), the place a place noun is 'of' ('the city of Aleppo'), or an apposition ('the capital, Kyiv')."""
    if depth > 2:
        return None
    for c in obj.children:  # 'a checkpoint north of Kirkuk': the parser hangs the direction on the noun
        if c.dep_ == "advmod" and c.lower_ in DIRECTIONS:
            inner = _of_object(c)
            if inner is not None:
                return _phrase(inner, depth + 1)
    if obj.lower_ in DIRECTIONS:  # 'in Chonburi province south-east of Bangkok': the place named before the bearing
        for c in (c for c in obj.lefts if c.dep_ == "compound" and c.lower_ not in DIRECTIONS):
            if (before := _phrase(c, depth + 1)) is not None:
                return before
    lower = obj.lower_ if obj.lower_ in PLACE_NOUNS or obj.lower_ == "states" else obj.lemma_.lower()  # 'the
    # eastern districts of Rafah' (not 'the Gulf states': states are no place)
    if lower in PLACE_NOUNS and not (obj.text[:1].isupper() and obj.ent_type_ in PLACE_ENTITIES):  # 'Mexico City'
        named = [c for c in obj.lefts if (c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or _capitalised(c)))
                 or (c.dep_ == "amod" and _capitalised(c) and c.ent_type_ in PLACE_ENTITIES)]  # 'Beni department'
        owner = _owner(obj)
        if not named and lower in REGION_WORDS and owner is not None:  # "Ethiopia's Somali region": a region
            named = [c for c in obj.lefts if c.dep_ == "amod" and c.text[:1].isupper()]  # named like a people
        if named and obj.text[:1].isupper() and not obj.is_sent_start and (whole := _capitalised_name(obj, named)):
            return whole  # 'Belize City', 'Kuwait City': the place noun is part of the name
        if named and lower in REGION_WORDS:  # 'South Kivu province', 'Sistan and Baluchestan province': the whole run
            first = min(t.i for n in named for t in n.subtree if t.dep_ in ("compound", "conj", "cc") or t is n)
            doc = obj.doc
            while first > obj.left_edge.i and _capitalised(doc[first - 1]) \
                    and doc[first - 1].dep_ in ("amod", "compound", "nmod") and doc[first - 1].head.i in range(
                        first, obj.i + 1):
                first -= 1  # 'Banteay Meanchey province': the name's first word tagged an adjective of the noun
            region = Phrase(first, obj.i + 1, True)
            region.owned_by = owner.i if owner is not None else None
            return region
        named_of = _of_object(obj) if owner is not None else None  # "Equatorial Guinea's mainland city of Bata"
        if owner is not None and lower not in REGION_WORDS and (named_of is None or _phrase(named_of, depth + 1)
                                                                is None):
            return _phrase(owner, depth + 1)  # "Karachi's main port", "Kyiv's outskirts"
        if named and lower not in REGION_WORDS and named_of is None \
                and (named_of := _of_object(obj)) is not None and _phrase(named_of, depth + 1) is not None:
            named = []  # 'the Nigerien city of Zinder' (the adjective tagged a name): the place it is 'of'

        if named and lower not in REGION_WORDS:  # 'the Jenin refugee camp', 'the Rafah crossing'
            found = _phrase(named[-1], depth + 1)
            if found is None and _capitalised(named[-1]):  # 'the Nasib crossing', the name tagged an adjective
                found = Phrase(named[-1].i, named[-1].i + 1, False)
            if found is not None:
                return found  # else a sea's port ('the Red Sea port of Hodeidah'): the place it is 'of'
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((g for g in c.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    found = _phrase(inner, depth + 1)
                    if found is None and inner.text[:1].isupper() and not inner.is_sent_start \
                            and inner.pos_ in ("NOUN", "ADJ", "VERB", "X"):  # 'the border town of Phuentsholing',
                        found = Phrase(*_entity_bounds(inner), False)  # the name tagged a common noun
                    if found is not None and lower in REGION_WORDS:
                        found.region = True
                    if found is not None and found.described_by is None:  # 'the Chilean port of Iquique'
                        found.described_by = next((a.i for a in obj.subtree if a.i < obj.i
                                                   and a.text[:1].isupper() and not a.is_sent_start), None)
                    return found
            if c.dep_ == "appos":
                return _phrase(c, depth + 1)
        return _city_after_a_comma(obj) if lower in DATELINE_NOUNS else None
    if obj.pos_ != "PROPN" and obj.ent_type_ not in PLACE_ENTITIES and not _name_tagged_a_word(obj):
        return None
    if not obj.text[:1].isupper():
        return None
    start, end = _entity_bounds(obj)
    doc = obj.doc
    if end < len(doc) and doc[end].lower_ in REGION_WORDS and doc[end].head.i in range(start, end + 1):
        return Phrase(start, end + 1, True)
    if doc[end - 1].lower_ in WATER_WORDS and not _city_named(doc[start:end].text):
        return None  # 'in the Red Sea': the sea, not Sudan's Red Sea state; seas are no places of the gazetteer
    return Phrase(start, end, False)


# What an army withdraws: troops leaving a state left it there ('withdrawing a brigade of 3,000 soldiers from
# Romania'), where a company 'withdrawing from Russia' only left a market
FORCE_NOUNS = frozenset({"troop", "troops", "soldier", "soldiers", "force", "forces", "brigade", "battalion",
                         "contingent", "peacekeeper", "peacekeepers", "unit", "units", "division", "regiment",
                         "marine", "marines", "garrison"})


def _forces_withdrawn(verb: Token) -> list[Token]:
    """The forces the verb withdraws ('a brigade of about 3,000 soldiers': both words, where the parser may hang
    the 'from' phrase)."""
    found: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        inner = _of_object(obj)
        chain = [obj, inner] if inner is not None else [obj]
        if any(t.lemma_.lower() in FORCE_NOUNS or t.lower_ in FORCE_NOUNS for t in chain):
            found += chain
    return found


def _written_as_a_name(doc: Doc, phrase: Phrase) -> bool:
    """Whether every word of the phrase is a capitalised proper noun or place entity, none a date or a person, not
    all English words ('the North'), and none names water ('Lake Victoria')."""
    from diplograph.nlp.model import english_words

    tokens = doc[phrase.start:phrase.end]
    if all(t.lower_ in english_words() for t in tokens):
        return False  # 'a visit to the North'
    if any(t.lower_ in WATER_WORDS | {"lake", "river", "lagoon"} for t in tokens):
        return False  # 'on Lake Victoria'
    return all(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_ENTITIES)
               and t.ent_type_ not in ("PERSON", "DATE", "TIME", "ORG", "NORP") for t in tokens)


def _name_tagged_a_word(obj: Token) -> bool:
    """A capitalised word inside the sentence that the tagger read as a common word ('outside Homs' with 'Homs' a
    plural noun, 'to Bure' a verb), after a place preposition, that the gazetteer knows by that name and that is no
    English word ('a visit to the North')."""
    from diplograph.geo.gazetteer import places
    from diplograph.nlp.model import english_words

    placed = obj.dep_ == "pobj" and obj.head.lower_ in VENUE_PREPS | TARGET_PREPS | {"to", "into", "from"} \
        and not obj.is_sent_start
    # 'Vlorë, the Albanian port city ..., hosted talks': a host city opening its sentence
    hosting = obj.dep_ == "nsubj" and _hosting(obj.head)
    return obj.text[:1].isupper() and obj.pos_ in ("NOUN", "VERB", "ADJ", "X") \
        and obj.lower_ not in english_words() and (placed or hosting) \
        and not any(c.dep_ in ("det", "compound", "amod", "poss") for c in obj.children) \
        and bool(places().lookup(obj.text))


def _capitalised_name(noun: Token, named: list[Token]) -> Phrase | None:
    """A capitalised place noun after the names before it, when the whole is a place the gazetteer knows
    ('Belize City', where 'Belize' alone is the state)."""
    from diplograph.geo.gazetteer import places

    start = min(t.i for n in named for t in n.subtree if t.i < noun.i)
    whole = Phrase(start, noun.i + 1, False)
    return whole if places().lookup(noun.doc[start:noun.i + 1].text) else None


def _city_after_a_comma(noun: Token) -> Phrase | None:
    """'patrols in the capital, Port-au-Prince, on Thursday', the name not parsed as the noun's apposition: the
    city named right after the comma (a city the gazetteer knows, so that 'in the city, Kenya's president said'
    names none)."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != "," or doc[noun.i + 2].ent_type_ not in PLACE_ENTITIES \
            or doc[noun.i + 2].ent_iob_ != "B":
        return None
    start, end = _entity_bounds(doc[noun.i + 2])
    return Phrase(start, end, False) if _city_named(doc[start:end].text) else None


def _capitalised(token: Token) -> bool:
    """A capitalised modifier inside the sentence that the tagger did not take for a name ('the Nasib crossing')."""
    return token.text[:1].isupper() and token.pos_ in ("ADJ", "NOUN") and not token.is_sent_start


def _city_named(name: str) -> bool:
    """Whether the gazetteer has a city of this name ('Walvis Bay', 'Montego Bay', whose names end in a word for
    water; 'Port-au-Prince' after 'the capital,')."""
    from diplograph.geo.gazetteer import places

    return any(p.kind == "city" for p in places().lookup(name, kind="city"))


WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel"})


def _joined(obj: Token, found: Phrase) -> Phrase | None:
    """The name and the one joined to it by 'and' right after it, as one phrase ('Jammu and Kashmir', 'Trinidad
    and Tobago'): tried before the first name alone."""
    doc = obj.doc
    conj = next((c for c in obj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if conj is None or found.end + 1 != conj.i or doc[found.end].lower_ != "and":
        return None
    return Phrase(found.start, conj.i + 1, found.region)


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The named entity around `token` (without a leading 'the'), else its run of compound proper nouns."""
    if token.ent_type_:
        doc = token.doc
        start, end = token.i, token.i + 1
        while start > 0 and doc[start - 1].ent_type_ == token.ent_type_ and doc[start].ent_iob_ != "B":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if doc[start].lower_ == "the":
            start += 1
        return start, end
    # a capitalised compound the tagger read as an adjective is still part of the name ('Dire Dawa')
    lefts = [c.i for c in token.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.text[:1].isupper())]
    return (min(lefts) if lefts else token.i), token.i + 1


def _resolve(doc: Doc, phrase: Phrase, res: Resolution, context: Sequence[Sequence[str]], *,
             cities_only: bool) -> Location | None:
    from diplograph.geo import gazetteer as G
    from diplograph.geo.gazetteer import names_a_lower_division, place_key, places, split_kind

    start_char = doc[phrase.start].idx
    end_char = doc[phrase.end - 1].idx + len(doc[phrase.end - 1].text)
    name = res.text[start_char:end_char]
    evidence = Evidence(start_char, end_char, name)
    if any((a := res.actor_at.get(i)) is not None and ((a.kind != "state" and a.type not in ("capital", "seat"))
                                                       or a.type == "group")
           for i in range(phrase.start, phrase.end)):
        return None  # 'gave Hamas a deadline': a group or organisation the dictionaries know is no place (Hamm)
    if phrase.region and doc[phrase.end - 1].lower_ in REGION_WORDS and not places().lookup(name, "region") \
            and (outer := _region_it_lies_in(doc[phrase.end - 1], res, context)) is not None:
        return outer  # 'the Mustang district of Nepal's Gandaki province': a district the gazetteer lacks
    owner_state = _owning_state(res, phrase)
    if owner_state is not None:  # "Namibia's Kunene region": a region of that state (not Angola's Cunene), or at
        # least that state; "Iran's Kurdistan province", not Iraq's Kurdistan Region
        region = next((p for p in places().lookup(name, "region") if p.country == owner_state), None)
        if region is not None:
            return place_location(region, name, evidence, "gazetteer+owner")
        if (region := places().region_spelled_like(name, [owner_state])) is not None:
            return place_location(region, name, evidence, "gazetteer+spelling")  # "Afghanistan's Konarr province"
        if phrase.region and doc[phrase.end - 1].lower_ in REGION_WORDS and (city := _city_naming_the_region(
                doc, phrase, owner_state)) is not None:
            # "the Czech Republic's Karlovy Vary region", which the extract calls Karlovarsky: the region named after
            # its city, found by the city
            return place_location(city, name, evidence, "gazetteer+owner")
        context = [[owner_state]]
    if _only_a_demonym(res, phrase):
        return None  # 'the southern Kazakh city': an adjective of nationality names no place (Petropavl lists it)
    longer = _with_first_word(doc, phrase, res)
    if longer is not None and places().lookup(_text(doc, longer)):
        return _resolve(doc, longer, res, context, cities_only=cities_only)  # 'General Santos', not Brazil's Santos
    if (whole := _hyphen_joined(doc, phrase)) is not None and places().lookup(_text(doc, whole)):
        return _resolve(doc, whole, res, context, cities_only=cities_only)  # 'Saint-Laurent-du-Maroni', not Moroni
    if (whole := _with_particle_after(doc, phrase)) is not None and places().lookup(_text(doc, whole)):
        return _resolve(doc, whole, res, context, cities_only=cities_only)  # 'Foz do Iguaçu', not a town 'Foz'
    if (whole := _with_particle_before(doc, phrase)) is not None:
        # 'Mocimboa da Praia': the whole name, or none; its last word alone is another place (Cape Verde's Praia)
        return _resolve(doc, whole, res, context, cities_only=cities_only) if places().lookup(_text(doc, whole)) \
            else None
    if phrase.region and (described_noun := _region_word_after_a_demonym(doc, res, phrase)) is not None:
        # 'the Guatemalan department of Huehuetenango': the department 'of' the name, in the state the adjective names
        inner = _of_object(described_noun)
        found_inner = _phrase(inner) if inner is not None else None
        if found_inner is None:
            return None
        found_inner.region, found_inner.described_by = True, phrase.start
        return _resolve(doc, found_inner, res, context, cities_only=cities_only)
    if (described := _described_state(res, phrase)) is not None and (place := next(
            (p for p in places().lookup(name, "region" if phrase.region else None) if p.country == described), None)):
        # 'the Ukrainian city of Odesa': the place of that name in that state. One the gazetteer has only elsewhere
        # is looked up as usual: 'the Chinese city of Hong Kong', 'the French territory of New Caledonia' have
        # codes of their own, found as states by the actor dictionary)
        return place_location(place, name, evidence, "gazetteer+described")
    if described is None and not phrase.region and (lies_in := _told_to_lie_in(doc, res, phrase)) is not None:
        # 'at Falmouth, the cruise port on Jamaica's north coast', 'in Saint-Denis, on Réunion': the town of that
        # name in the state the text puts it in (not England's Falmouth, not the Paris suburb)
        town = next((p for p in places().lookup(name, "city") if p.country == lies_in), None) \
            or G.small_town(name, [lies_in])
        if town is not None:
            return place_location(town, name, evidence, "gazetteer+described")
        if any(p.country != lies_in for p in places().lookup(name)):
            return None if cities_only else country_location(name, lies_in, evidence, "described")
    state = _state_named(res, phrase)
    named_party = any(res.actor_at.get(i) is not None for i in range(phrase.start, phrase.end))  # 'Nuuk': Greenland's
    if described is not None and not named_party and _namesake_across_the_border(name, described, context):
        # 'the Kazakh town of Khorgos', which the gazetteer knows only as China's namesake across the border: the
        # text says whose it is; its state is all that is known of it
        return None if cities_only else country_location(name, described, evidence, "described")
    found = None if phrase.region else _qualified(doc, phrase, name, res)
    if found is None and state is not None and not phrase.region and state.start <= phrase.start \
            and state.end >= phrase.end:  # 'Trinidad, in Bolivia's Beni department' is a town, not the country
        found = _namesake_of_the_parties(name, state.code, context)
        if found is None:
            return None if cities_only else country_location(name, state.code, evidence)
    kind = "region" if phrase.region else None
    if (only_here := _named_only_here(res, phrase)):  # 'in Lagos, on Portugal's Algarve coast': the name's own
        context = [[c for c in tier if c not in only_here] for tier in context]  # reading tells no context
    known = [c for tier in context for c in tier]
    found = found or _resolve_by_tiers(name, context, kind, known) or _word_named_place_of_a_party(
        doc, phrase, name, context, kind)
    if found is None and phrase.region:  # 'Kunar province', 'the governorate of Akkar': another transliteration
        region = places().region_spelled_like(name, [c for tier in context for c in tier])
        found = None if region is None else (region, "gazetteer+spelling")
    if found is None and longer is not None:
        return _resolve(doc, longer, res, context, cities_only=cities_only)
    if found is None and phrase.region and (owner := _owning_place(doc[phrase.end - 1])) is not None:
        # "Khyber Pakhtunkhwa's Kurram district": a district the gazetteer lacks lies in the region that owns it
        return _resolve(doc, owner, res, context, cities_only=cities_only)
    if found is None and phrase.region and names_a_lower_division(place_key(name)) \
            and not any(c.dep_ == "poss" for c in doc[phrase.end - 1].children):
        # 'Mulanje district', 'Garissa county': a division below the first level, which the gazetteer does not
        # keep, named after its town: the town stands for it (its state is the division's). Not a city's own
        # district ('the city's Dniprovskyi district'), which may share a name with another city's
        found = _resolve_by_tiers(split_kind(place_key(name))[0], context, "city", known)
    if not phrase.region and not named_party and _may_name_a_small_town(doc, phrase) and (
            found is None or (found[0].country not in known
                              and (not G.spelled_like(split_kind(place_key(name))[0], found[0])
                                   or _far_namesake(name, found[0])))):
        # a town under 15,000 people ('near Meghri'), looked for only in the state the text says it is in, else
        # in the states the document is about: a small town's name alone is too often another's elsewhere. Also
        # instead of a far place the name is only an old name of ('Julfa' in a story about Azerbaijan and Iran is
        # the town there, not Ras al-Khaimah)
        town = G.small_town(name, [described] if described else with_territories(list(dict.fromkeys(known))))
        if town is not None:
            found = (town, "small town")
        elif found is not None and known and found[0].country not in known \
                and found[0].population < FAR_NAMESAKE_POPULATION \
                and not G.spelled_like(split_kind(place_key(name))[0], found[0]):
            found = None  # 'the Horgoš crossing' in a story of Hungary and Serbia: no town of China's that bears
            # the name only among its other names
    if found is None and not phrase.region and _written_as_a_name(doc, phrase) \
            and (city := places().city_spelled_like(name, known)) is not None:
        # 'Ukraine said Russian missiles hit an airfield in Vinnitsa': Vinnytsia, spelled as Russian sources do,
        # among the cities of the text's states only (a guess anywhere put 'Lake Victoria' in a Venezuelan town)
        found = (city, "gazetteer+spelling")
    if owner_state is not None and (found is None or found[0].country != owner_state):
        # a division the gazetteer does not keep ("Malawi's Mulanje district" is placed by its town, above): the
        # state that owns it is all that is known
        return None if cities_only else country_location(name, owner_state, evidence, "described")
    if found is None:
        return None
    place, method = found
    return place_location(place, name, evidence, method)


def _city_naming_the_region(doc: Doc, phrase: Phrase, state: str) -> Place | None:
    """The city of `state` a region phrase ('Karlovy Vary region') is named after."""
    from diplograph.geo.gazetteer import places

    name = _text(doc, Phrase(phrase.start, phrase.end - 1, False))
    return next((p for p in places().lookup(name, "city") if p.country == state), None)


def _word_named_place_of_a_party(doc: Doc, phrase: Phrase, name: str, context: Sequence[Sequence[str]],
                                 kind: str | None) -> tuple[Place, str] | None:
    """A place named like an English word, which the gazetteer keeps off its bare lookups ('Man', 'Split', 'Nice'),
    when written as a name (capitalised inside the sentence, tagged a proper noun) and lying in a state of the
    event's parties: 'Ivorian and Liberian officers met in Man', 'agreed in Split'."""
    from diplograph.geo.gazetteer import places

    tokens = doc[phrase.start:phrase.end]
    if not context or not places().stoplisted(name) or tokens[0].is_sent_start \
            or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens) \
            or any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
                   for i in (phrase.start - 1, phrase.end)):
        return None  # not a word of a longer name ('the Ambassador Bridge')
    parties = set(context[0])
    found = next((p for p in places().lookup(name, kind) if p.country in parties), None)
    return (found, "gazetteer+context") if found is not None else None


FAR_NAMESAKE_POPULATION = 150_000  # a town this small, in a state the text never names, yields to a party's town


def _far_namesake(name: str, place: Place) -> bool:
    """Whether a place found outside the text's states bears the name only nearly (GeoNames' 'Namangan' for
    'Namanga') or is itself a small town ('Tapa' in India for the Estonian garrison town): a town of the story's
    states by that very name is likelier meant. Not a city of some size ('talks in Geneva' stay in Geneva)."""
    from diplograph.geo.gazetteer import place_key, split_kind

    own = split_kind(place_key(place.name))[0] == split_kind(place_key(name))[0]
    return not own or (place.kind == "city" and place.population < FAR_NAMESAKE_POPULATION)


def _resolve_by_tiers(name: str, context: Sequence[Sequence[str]], kind: str | None,
                      known: Sequence[str]) -> tuple[Place, str] | None:
    """The place a name means among the first tier of context states that has one, else by population."""
    from diplograph.geo.gazetteer import places

    return next((r for tier in context if (r := places().resolve(name, tier, kind, known))
                 and r[1].endswith("context")), None) or places().resolve(name, (), kind)


def _namesake_across_the_border(name: str, described: str, context: Sequence[Sequence[str]]) -> bool:
    """Whether the gazetteer has places of this name only outside the state the text says it is in, and in another
    state the document is about (a border town's namesake on the other side)."""
    from diplograph.geo.gazetteer import places

    found = places().lookup(name)
    parties = {c for tier in context for c in tier}
    return bool(found) and described in parties and all(p.country != described for p in found) \
        and any(p.country in parties for p in found)


def _told_to_lie_in(doc: Doc, res: Resolution, phrase: Phrase) -> str | None:
    """The state a town is said to lie in right after its name: an apposition 'the cruise port on Jamaica's north
    coast', or ', on Réunion' (a state, or a territory the gazetteer keeps as a region of its own code)."""
    from diplograph.coding.args import prep_objects
    from diplograph.geo.gazetteer import places

    last = doc[phrase.end - 1]
    where = [o for a in last.children if a.dep_ == "appos" and a.lemma_.lower() in PLACE_NOUNS
             for _p, o in prep_objects(a, ("on", "in"))]
    if phrase.end + 2 < len(doc) and doc[phrase.end].text == "," and doc[phrase.end + 1].lower_ in ("on", "in"):
        where.append(doc[phrase.end + 2])  # 'in Saint-Denis, on Réunion, on Friday'
    after = phrase.end
    while after < len(doc) and (doc[after].ent_type_ == "DATE" or (doc[after].lower_ == "on" and after + 1 < len(
            doc) and doc[after + 1].ent_type_ == "DATE")):
        after += 1  # 'at Falmouth on Tuesday, the cruise port on ...', which the parser hangs elsewhere
    if after > phrase.end and after < len(doc) and doc[after].text == ",":
        where += [o for a in doc[after + 1:after + 6] if a.dep_ == "appos" and a.lemma_.lower() in PLACE_NOUNS
                  for _p, o in prep_objects(a, ("on", "in"))]
    for obj in where:
        # the state itself or its possessive ('on Jamaica's north coast'), not a feature named after it ('the old
        # port on the Congo estuary')
        for t in (t for t in obj.subtree if t.i == obj.i or t.dep_ == "poss" or t.head.dep_ == "poss"):
            span = res.actor_at.get(t.i)
            if span is not None and span.kind == "state" and len(span.states) == 1 and span.type in (
                    *COUNTRY_TYPES, "demonym"):
                return span.states[0]
        found = _phrase(obj) if obj.pos_ == "PROPN" else None
        if found is not None and (region := next(iter(places().lookup(_text(doc, found), "region")), None)) \
                and region.population > 100_000 and _text(doc, found).lower() == region.name.lower():
            return region.country  # 'on Réunion': a territory with its own code
    return None


def _named_only_here(res: Resolution, phrase: Phrase) -> set[str]:
    """States the document names only through this place name ('Lagos' read as Nigeria's city by the actor
    dictionary, in a story that never names Nigeria): the name's own reading, which cannot settle which it is."""
    here: set[str] = set()
    elsewhere: set[str] = set()
    for a in res.actors:
        (here if a.start < phrase.end and a.end > phrase.start else elsewhere).update(a.states)
    return here - elsewhere


def _owner(noun: Token) -> Token | None:
    """The proper name a place noun belongs to ("Karachi's main port", "Khyber Pakhtunkhwa's Kurram district")."""
    return next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _owning_place(noun: Token) -> Phrase | None:
    owner = _owner(noun)
    return _phrase(owner) if owner is not None else None


NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "di", "la", "al", "el", "ad", "ash", "as", "ez"})
PARTICLES_WITHIN = NAME_PARTICLES | {"an", "der", "am"}  # also inside a name: 'Frankfurt an der Oder'


def _with_particle_before(doc: Doc, phrase: Phrase) -> Phrase | None:
    """The longer name a phrase ends ('Mocimboa da Praia', 'Santa Cruz de la Sierra'): capitalised words joined
    by lower-case particles before it."""
    start = phrase.start
    while start >= 2 and doc[start - 1].text in NAME_PARTICLES and doc[start - 2].text[:1].isupper() \
            and not doc[start - 2].is_sent_start:
        start -= 2
        while start >= 1 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                and not doc[start - 1].is_sent_start:
            start -= 1  # 'Santa Cruz de': the whole capitalised run
    return Phrase(start, phrase.end, phrase.region) if start < phrase.start else None


def _with_particle_after(doc: Doc, phrase: Phrase) -> Phrase | None:
    """The longer name a phrase begins ('Foz do Iguaçu', parsed as 'Foz' and a verb 'do'): lower-case particles
    and the capitalised words after them."""
    end = phrase.end
    while True:
        after = end
        while after < len(doc) and doc[after].text in PARTICLES_WITHIN:  # 'Frankfurt an der Oder': a run of them
            after += 1
        if after == end or after >= len(doc) or not doc[after].text[:1].isupper():
            break
        end = after + 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
            end += 1
    return Phrase(phrase.start, end, phrase.region) if end > phrase.end else None


def _hyphen_joined(doc: Doc, phrase: Phrase) -> Phrase | None:
    """The whole hyphenated name a phrase is the end or start of ('Saint-Laurent-du-Maroni', which the entity
    recogniser may split at its hyphens)."""
    start, end = phrase.start, phrase.end
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:
        end += 2
    return Phrase(start, end, phrase.region) if (start, end) != (phrase.start, phrase.end) else None


def _text(doc: Doc, phrase: Phrase) -> str:
    return doc[phrase.start:phrase.end].text


def _region_word_after_a_demonym(doc: Doc, res: Resolution, phrase: Phrase) -> Token | None:
    """The region word of a phrase whose name is only an adjective of nationality ('the Guatemalan department')."""
    span = res.actor_at.get(phrase.start)
    if span is None or span.type != "demonym" or span.end != phrase.end - 1:
        return None
    return doc[phrase.end - 1]


def _described_state(res: Resolution, phrase: Phrase) -> str | None:
    """The state an adjective of nationality on the place noun names ('the Kazakh border town of Khorgos')."""
    if phrase.described_by is None:
        return None
    span = res.actor_at.get(phrase.described_by)
    if span is None or span.kind != "state" or span.type != "demonym":
        return None
    doc = res.doc
    if span.end < len(doc) and doc[span.end].text in ("-", "–"):
        return None  # 'the Russian-occupied city of Mariupol', 'the Russian-held town of': who holds it, not its state
    return span.code


def place_location(place: Place, name: str, evidence: Evidence, method: str) -> Location:
    """The event's location at a gazetteer place, as written at `evidence`."""
    return Location(name=name, place=place.name, admin1=place.admin1, country=place.country, lat=place.lat,
                    lon=place.lon, evidence=evidence, method=method, kind=place.kind)


def _with_first_word(doc: Doc, phrase: Phrase, res: Resolution) -> Phrase | None:
    """The phrase with the capitalised word before it that the tagger read as its modifier ('Dire Dawa' with 'Dire'
    as an adjective), when no actor dictionary knows that word ('Syrian Idlib' stays 'Idlib')."""
    if phrase.region or phrase.start == 0:
        return None
    first = doc[phrase.start - 1]
    # a people's name in a compound may begin a place's ('Lao Cai'); as an adjective it only describes ('Syrian Idlib')
    described = first.i in res.actor_at and not (first.dep_ == "compound" and first.pos_ == "PROPN")
    if not first.text[:1].isupper() or first.dep_ not in ("amod", "compound") or described \
            or first.head.i not in range(phrase.start, phrase.end) or first.is_sent_start:
        return None
    return Phrase(first.i, phrase.end, False)


def _qualified(doc: Doc, phrase: Phrase, name: str, res: Resolution) -> tuple[Place, str] | None:
    """A city named with its region or state after a comma ('London, Ontario', 'Kingston, Jamaica',
    'Hyderabad, Pakistan'): the city of that name there, however much larger a namesake elsewhere is."""
    from diplograph.geo.gazetteer import place_key, places, small_town
    from diplograph.nlp.resolve import comma_qualifier

    found = comma_qualifier(doc, phrase.end, longest=4)  # not 'talks in Beijing, Vietnam's largest partner'
    if found is None:
        found = _in_state_after(doc, phrase.end, res)
    if found is None:
        return None
    after, end = found
    state = res.actor_at.get(after)
    countries = {state.code} if state is not None and state.kind == "state" and state.type in COUNTRY_TYPES else set()
    named_regions = places().lookup(doc[after:end].text, "region")
    regions = {place_key(p.name) for p in named_regions}
    countries |= {p.country for p in named_regions}
    chosen = [p for p in places().lookup(name) if p.kind == "city" and p.country in countries
              and (state is not None and p.country == state.code or place_key(p.admin1 or "") in regions)]
    if not chosen:  # a town too small for the gazetteer's cities: 'Sault Ste. Marie, Michigan', across the river
        chosen = [t for c in sorted(countries) if (t := small_town(name, [c])) is not None
                  and (state is not None and c == state.code or place_key(t.admin1 or "") in regions)]
    return (chosen[0], "gazetteer+qualifier") if chosen else None


def _namesake_of_the_parties(name: str, named: str, context: Sequence[Sequence[str]]) -> tuple[Place, str] | None:
    """'Colombian police arrested two Venezuelan officers in Armenia': a state's name as the venue of an event
    between other states, when one of theirs has a city of that name, is that city."""
    from diplograph.geo.gazetteer import places

    parties = set(context[0]) if context else set()
    if not parties or named in parties:
        return None
    city = next((p for p in places().lookup(name, kind="city") if p.country in parties), None)
    return (city, "gazetteer+parties") if city is not None else None


def _in_state_after(doc: Doc, end: int, res: Resolution) -> tuple[int, int] | None:
    """'Trinidad, in Bolivia's Beni department', 'Armenia, in western Colombia': the state a place is said to be
    in, after a comma (its tokens [start, stop))."""
    from diplograph.nlp.resolve import said_to_lie_in

    at = said_to_lie_in(doc, end)
    state = res.actor_at.get(at) if at is not None else None
    if state is None or state.kind != "state" or state.type not in COUNTRY_TYPES:
        return None
    return state.start, state.end


def _may_name_a_small_town(doc: Doc, phrase: Phrase) -> bool:
    """Whether the phrase can name a small town: not a date the text gives, nor English words alone (so many small
    towns are named like months, bodies and common words: 'May', 'Congress', 'Police', 'Middle East')."""
    from diplograph.nlp.model import english_words

    tokens = doc[phrase.start:phrase.end]
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return False
    return not all(t.lower_ in english_words() for t in tokens)  # 'Middle East' is no town in Ohio


def _owning_state(res: Resolution, phrase: Phrase) -> str | None:
    """The state a region phrase belongs to by a possessive ("Namibia's Kunene region")."""
    span = res.actor_at.get(phrase.owned_by) if phrase.owned_by is not None else None
    return span.code if span is not None and span.kind == "state" and span.type in COUNTRY_TYPES else None


def _only_a_demonym(res: Resolution, phrase: Phrase) -> bool:
    span = res.actor_at.get(phrase.start)
    return span is not None and span.type == "demonym" and span.start <= phrase.start and span.end >= phrase.end


def _state_named(res: Resolution, phrase: Phrase) -> ActorSpan | None:
    """The state the phrase names as a whole country ('in Qatar'), if it does; a capital ('in Moscow') is a city."""
    for i in range(phrase.start, phrase.end):
        span = res.actor_at.get(i)
        if span is not None and span.kind == "state" and span.type in COUNTRY_TYPES:
            return span
    return None


def country_location(name: str, code: str, evidence: Evidence | None, method: str = "country") -> Location:
    """A whole state as the place: its capital's coordinates stand for it on maps."""
    from diplograph.actors.gazetteer import default_gazetteer
    from diplograph.charts.geo import centroids

    lat, lon = centroids().get(code, (None, None))
    return Location(name=name, place=default_gazetteer().state_name(code), admin1=None, country=code, lat=lat,
                    lon=lon, evidence=evidence, method=method, kind="country")
