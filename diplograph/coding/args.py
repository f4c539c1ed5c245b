"""Reading arguments off the dependency parse: which states a noun phrase names, lists, subjects and objects.

Parses of long news sentences break around parentheses and long lists, so every list of states is also
read off the surface ("in Kuwait (which ...), Gambia, Mozambique and Cuba") and the two readings are joined.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from diplograph.nlp.resolve import DATELINE_KEY, ActorSpan, Resolution, names_a_people

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependents that stay inside a noun phrase's own reference (level 0), and those that lead into its modifiers.
NP_CORE = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "cc", "det", "nummod", "quantmod",
                     "case", "npadvmod", "flat", "punct"})
NP_PREPS = frozenset({"prep", "pobj", "pcomp"})
CLAUSES = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis"})
LIST_GLUE = frozenset({",", "and", "or", "as", "well", ";", "also", "both", "then", "finally", "most", "recently",
                       "lastly", "later", "including", "plus", "along", "with", "nor", "eventually"})
SUBJECTS = ("nsubj", "csubj")
# Passive forms that describe the subject's own stance ('is committed to', 'is prepared to'): no patient.
STATIVE_PASSIVES = frozenset({"commit", "prepare", "determine", "oppose", "dedicate", "resolve", "poise", "set",
                              "engage", "involve", "interest", "concern", "inclined", "bound"})
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")


# Verbs that report what someone says or decides ('officials said ...', 'Moscow announced ...').
REPORTING = frozenset({"say", "announce", "tell", "report", "state", "confirm", "add", "claim", "declare", "indicate",
                       "reveal", "promise", "pledge", "vow", "warn", "threaten", "agree", "decide", "insist"})


def is_infinitive(token: Token) -> bool:
    """A verb with its 'to' ('to cede', 'to lead a mission')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def walk(token: Token, allowed: frozenset[str]) -> list[Token]:
    """token and its descendants reached through the `allowed` dependency labels only."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in allowed)
    return out


def spans_in(tokens: list[Token], res: Resolution) -> list[ActorSpan]:
    seen: dict[int, ActorSpan] = {}
    for t in tokens:
        span = res.actor_at.get(t.i)
        if span is not None and not names_a_people(span, res) and not _border_side(span, res) \
                and not _names_a_feature(span, res) and span.start >= res.dateline_end:
            seen[span.start] = span
    return [seen[k] for k in sorted(seen)]


BORDER_WORDS = frozenset({"border", "frontier", "borderland", "borderlands", "boundary"})
# what a place is measured from: 'about 30 kilometres from the border', 'a few kilometres from Malawi's Mwanza'
DISTANCE_WORDS = frozenset({"kilometre", "kilometer", "km", "mile"})
PLACE_PREPS = frozenset({"on", "near", "along", "at", "across", "to", "from", "by"})


def _border_side(span: ActorSpan, res: Resolution) -> bool:
    """'a stronghold on the Thai border': where something is, shared by two states, not a party."""
    t = res.doc[span.end - 1]
    head = t.head
    return (t.dep_ in ("amod", "compound", "poss", "nmod") and head.lemma_.lower() in BORDER_WORDS
            and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS)


FEATURES = frozenset({"gulf", "sea", "bay", "strait", "straits", "river", "lake", "horn", "isthmus", "coast"})


def _names_a_feature(span: ActorSpan, res: Resolution) -> bool:
    """'the Gulf of Oman', 'the Sea of Japan', 'the Bay of Bengal': a body of water named after a state is a
    place, not that state."""
    doc = res.doc
    return (span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in FEATURES and span.kind == "state")


def np_actors(head: Token, res: Resolution, *, deep: bool = False,
              exclude: frozenset[str] = frozenset()) -> list[ActorSpan]:
    """Actors a noun phrase names: its own modifiers first, then (if none) those inside its prepositions.

    'Senior Hungarian and Romanian officials' -> HUN, ROU; 'demonstrators in Baghdad' -> IRQ (level 1).
    With deep=True, any depth of the phrase except relative clauses counts as a last resort. States in `exclude`
    (the other side of the event) do not count when deciding which level names the phrase.
    """
    if _unnamed_member(head):
        return []
    levels = [NP_CORE, NP_CORE | NP_PREPS]
    if _list_split_from_its_of(head):
        levels = levels[1:]
    where_held = where_assets_lie(head)
    if where_held:
        levels = levels[1:]  # 'froze any American assets of Turkey's ministers': Turkey's, held in America
    if deep:
        levels.append(NP_CORE | NP_PREPS | {"acl", "dobj", "xcomp", "advmod"})
    found: list[ActorSpan] = []
    owners: set[int] = set()
    for allowed in levels:
        tokens = [t for t in walk(head, allowed) if not helped_by(t, head)]
        owners = {i for t in tokens for i in _relational_owners(t, res)}
        found = [s for s in spans_in(tokens, res)
                 if not (s.states and set(s.states) <= exclude) and s.start not in owners | where_held]
        found = _without_seat_of_court(_without_post_of_mission(found, head, res), res)
        found = _without_venue_beside_party(found, head, res)
        if found and allowed is levels[0] and len(levels) > 1 and not any(s.states for s in found):
            found += _states_served(head, found, res, exclude)  # 'negotiators for the army and the RSF'
        if found:
            break
    if len(levels) > 1 and found:
        found = _with_conjuncts_of_their_own(head, found, res, exclude, owners)
    listed = with_surface_list(found, res)
    return [s for s in listed if s.start not in owners]


ASSETS = frozenset({"asset", "fund", "account", "property", "holding", "deposit", "reserve"})


def where_assets_lie(head: Token) -> set[int]:
    """The demonym of assets whose owner an 'of' phrase names ('American assets of Turkey's ministers'): where they
    lie, not whose they are (empty when the phrase names no owner)."""
    if head.lemma_.lower() not in ASSETS or not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return set()
    return {c.i for c in head.children if c.dep_ == "amod"}


def _list_split_from_its_of(head: Token) -> bool:
    """'The foreign ministers of Peru and Bolivia': the parser may hang the second name on the head noun instead of
    on the first, so the head's own words (Bolivia) would hide the states its 'of' names (Peru)."""
    return head.pos_ == "NOUN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in head.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
                                                                           for g in c.children)
                for c in head.children)


SOME_ONE = frozenset({"a", "an", "another", "one"})


def _unnamed_member(head: Token) -> bool:
    """'a member state of the International Criminal Court', 'another NATO member': some member the phrase does not
    name, neither the organisation nor any state ('members of the EU agreed' is another matter)."""
    member = head.lemma_.lower() == "member" or any(c.dep_ == "compound" and c.lemma_.lower() == "member"
                                                     for c in head.children)
    return member and any(c.dep_ in ("det", "nummod") and c.lower_ in SOME_ONE for c in head.children) \
        and not any(c.dep_ == "appos" for c in head.children)


def in_an_unnamed_member(token: Token) -> bool:
    """A name inside the 'of' of some unnamed member ('a member state of the International Criminal Court')."""
    for t in list(token.ancestors)[:4]:
        if t.dep_ == "prep" and t.lower_ == "of" and _unnamed_member(t.head):
            return True
    return False


# 'food distributed with support from the UK government': who helped, never who was helped
HELPING_NOUNS = frozenset({"support", "help", "funding", "assistance", "backing", "financing", "cooperation"})


def helping(noun: Token) -> bool:
    """The object of 'with support', 'with help' (from X): who it names helped, they were not helped."""
    return noun.dep_ == "pobj" and noun.lemma_.lower() in HELPING_NOUNS and noun.head.lower_ == "with"


def helped_by(token: Token, head: Token) -> bool:
    """Whether a token of a phrase lies in a 'with support from X' phrase inside it (not its head)."""
    t = token
    while t.i != head.i and t.head.i != t.i:
        if helping(t):
            return True
        t = t.head
    return False


VENUE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})


def _states_served(head: Token, found: list[ActorSpan], res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """States named in a phrase's non-place prepositions when its own words name only groups of no state
    ('negotiators for the Sudanese army and the paramilitary RSF': the army is Sudan's)."""
    known = {s.start for s in found}
    deeper = spans_in(walk(head, NP_CORE | NP_PREPS), res)
    return [s for s in deeper if s.start not in known and s.states and not set(s.states) <= exclude
            and not _reached_through(res.doc[s.start], head, VENUE_PREPS | {"to", "into", "from", "against", "on"})]


def _without_venue_beside_party(found: list[ActorSpan], head: Token, res: Resolution) -> list[ActorSpan]:
    """'the summit with Donald Trump in Hanoi': where a party of the phrase was met is the venue, not a party too
    (a place alone, 'demonstrators in Baghdad', still names its state)."""
    if len(found) < 2:
        return found
    party_tokens = {i for s in found for i in range(s.start, max(s.end, s.start + 1))}

    def met_there(span: ActorSpan) -> bool:
        prep = res.doc[span.start]
        while prep.dep_ != "prep" and prep.head.i != prep.i and prep.i != head.i:
            prep = prep.head
        return (prep.dep_ == "prep" and prep.lower_ in VENUE_PREPS and prep.head.i in party_tokens
                and prep.head.i not in range(span.start, span.end))

    return [s for s in found if not met_there(s)]


def _preps_between(token: Token, top: Token) -> list[str]:
    """The prepositions on the way up from `token` to `top` (or to the root, when `top` is not above it)."""
    preps = []
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "prep":
            preps.append(token.lower_)
        token = token.head
    return preps


def _reached_through(token: Token, top: Token, preps: frozenset[str]) -> bool:
    """Whether one of the prepositions between `token` and `top` is one of `preps`."""
    return any(p in preps for p in _preps_between(token, top))


CONJUNCT_PREPS = frozenset({"of", "including"})  # who a conjunct is ('the heads of', 'countries including')


def _reached_through_of(token: Token, top: Token) -> bool:
    """Every preposition between `token` and `top` is 'of' or 'including' (not a venue's 'in Paris'), and there
    is one at least."""
    preps = _preps_between(token, top)
    return bool(preps) and all(p in CONJUNCT_PREPS for p in preps)


# people a state sends: 'soldiers from Chad and Cameroon' are theirs (goods or refugees 'from' a place are not)
SENT_PEOPLE = frozenset({"soldier", "troop", "officer", "official", "delegation", "delegate", "diplomat", "minister",
                         "force", "navy", "police", "envoy", "representative", "negotiator", "team", "unit"})


def _sent_from(token: Token, conjunct: Token) -> bool:
    """'Nigerian troops and soldiers from Chad and Cameroon': the states a conjunct of state people comes from."""
    return conjunct.lemma_.lower() in SENT_PEOPLE and _preps_between(token, conjunct) == ["from"]


def _from_hung_on_head(head: Token, conjunct: Token) -> list[Token]:
    """'Nigerian troops and soldiers from Chad and Cameroon': the parser hangs 'from Chad' on 'troops', though it
    tells where the soldiers after them come from."""
    if conjunct.lemma_.lower() not in SENT_PEOPLE or conjunct.head.i != head.i:
        return []
    return [t for c in head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == conjunct.i + 1
            for t in c.subtree if t.i != c.i]


def _with_conjuncts_of_their_own(head: Token, found: list[ActorSpan], res: Resolution, exclude: frozenset[str],
                                 owners: set[int]) -> list[ActorSpan]:
    """A conjunct that names no one in its own modifiers adds who its prepositions name ('Turkey and the
    government of Iraq agreed': Iraq too, though 'Turkey' already named the phrase at the first level)."""
    added = list(found)
    for conjunct in walk(head, frozenset({"conj"}))[1:]:
        if conjunct.pos_ not in ("NOUN", "PROPN") or spans_in(walk(conjunct, NP_CORE - {"conj"}), res):
            continue
        tokens = [t for t in walk(conjunct, NP_CORE | NP_PREPS) if t.i != conjunct.i
                  and (_reached_through_of(t, conjunct) or _sent_from(t, conjunct))]
        tokens += _from_hung_on_head(head, conjunct)
        skipped = {i for t in tokens for i in _relational_owners(t, res)} | owners | {f.start for f in added}
        added += [s for s in spans_in(tokens, res) if not (s.states and set(s.states) <= exclude)
                  and s.start not in skipped]
    if len(added) == len(found):
        return found
    return _without_seat_of_court(_without_post_of_mission(sorted(added, key=lambda s: s.start), head, res), res)


# a state's missions abroad and the envoys who head them: where they sit is no party ('the U.S. Embassy in Hanoi')
MISSIONS = frozenset({"embassy", "consulate", "mission", "legation", "ambassador", "envoy", "consul", "attache",
                      "attaché", "delegation"})


def _without_post_of_mission(found: list[ActorSpan], head: Token, res: Resolution) -> list[ActorSpan]:
    """Drop the city or country a state's mission sits in ('a spokesperson for the U.S. Embassy in Hanoi',
    'the Russian ambassador in Washington') when the phrase is the mission or its people and the mission's own
    phrase names its state (protesters outside an embassy are where they are)."""
    starts = {s.start for s in found}
    post: set[int] = set()
    for s in found:
        place = res.doc[s.start]
        while place.dep_ == "compound" and place.head.i != place.i:
            place = place.head
        prep = place.head
        if place.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.head.lemma_.lower() not in MISSIONS:
            continue
        mission = prep.head
        if mission.i != head.i and not (mission.dep_ == "pobj" and mission.head.head.i == head.i):
            continue
        own = [t.i for c in mission.children if c.dep_ in ("compound", "amod", "poss", "nmod") for t in c.subtree]
        if any(i in starts and i not in range(s.start, s.end) for i in own):
            post.add(s.start)
        elif head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                         for c in mission.children):
            # 'Its ambassador in New Delhi asked India': who acts is the ambassador of whom 'its' stands for (but
            # 'recalled its ambassador in Brasília' is aimed at where the ambassador was posted)
            post.add(s.start)
    return [s for s in found if s.start not in post]


# international bodies whose seat is no party: 'a ruling by an international tribunal in The Hague'
COURTS = frozenset({"tribunal", "court", "arbitration", "arbitrator", "panel"})


def _without_seat_of_court(found: list[ActorSpan], res: Resolution) -> list[ActorSpan]:
    return [s for s in found if not seat_of_court(s, res)]


def seat_of_court(span: ActorSpan, res: Resolution) -> bool:
    """Whether a city is where an international court sits ('an international tribunal in The Hague', 'the
    International Court of Justice in The Hague'): the court is an organisation, never its host (a state's own
    court, 'a court in Paris', stays its state's)."""
    if span.type not in ("capital", "seat", "city"):
        return False
    place = next((t for t in res.doc[span.start:span.end] if not span.start <= t.head.i < span.end),
                 res.doc[span.start])
    prep = place.head
    court = prep.head
    return (place.dep_ == "pobj" and prep.lower_ in ("in", "at") and court.lemma_.lower() in COURTS
            and (any(c.lower_ == "international" for c in court.children)
                 or any(o.kind == "igo" and o.start <= court.i < o.end for o in res.actors)))


# 'Turkey's rival Greece', 'China's ally Pakistan': the state named is the party, the one it is related to is not
RELATIONAL = frozenset({"rival", "ally", "neighbour", "neighbor", "partner", "foe", "enemy", "adversary", "archrival",
                        "friend", "patron", "proxy", "backer", "creditor", "lender", "donor", "critic", "opponent"})


def _relational_owners(head: Token, res: Resolution) -> set[int]:
    """Token positions of the possessor in 'X's rival Y' (either parse), when Y names a state itself: beside it
    ('China's ally Pakistan'), as the phrase it describes ('the Solomon Islands, Taiwan's largest ally, voted') or
    as its members ('Sri Lanka's creditors, including China and India')."""
    poss = [c for c in head.children if c.dep_ == "poss"]
    if not poss:
        return set()
    if head.lemma_.lower() in RELATIONAL:  # 'China's ally Pakistan': ally <- appos Pakistan
        named = (any(c.dep_ == "appos" and spans_in(walk(c, NP_CORE), res) for c in head.children)
                 or (head.dep_ == "appos" and bool(spans_in([head.head], res)))
                 or any(c.dep_ == "prep" and c.lower_ in ("including", "like") and spans_in(list(c.subtree), res)
                        for c in head.children))
    else:  # 'Turkey's rival Greece': Greece <- amod rival, poss Turkey
        named = head.i in res.actor_at and any(c.lemma_.lower() in RELATIONAL and c.dep_ in ("amod", "compound", "nmod")
                                               for c in head.children)
    return {t.i for p in poss for t in p.subtree} if named else set()


def relational_owners_in(tokens: Iterable[Token], res: Resolution) -> set[int]:
    """Positions of every possessor of a relational noun that names its state itself ('China's ally Pakistan')."""
    return {i for t in tokens for i in _relational_owners(t, res)}


def with_surface_list(spans: list[ActorSpan], res: Resolution) -> list[ActorSpan]:
    """Extend the last span with the states listed after it on the surface."""
    if not spans:
        return spans
    extra = surface_list_after(spans[-1], res)
    known = {s.start for s in spans}
    return spans + [s for s in extra if s.start not in known]


def surface_list_after(span: ActorSpan, res: Resolution) -> list[ActorSpan]:
    """States that continue a list after `span`: ', Gambia, Mozambique and, most recently, India'."""
    doc = res.doc
    sent_end = doc[span.start].sent.end
    out: list[ActorSpan] = []
    i = span.end
    saw_glue = False
    while i < sent_end:
        t = doc[i]
        if t.text == "(":
            i = _after_parenthesis(doc, i, sent_end)
            continue
        nxt = res.actor_at.get(i)
        if nxt is not None and nxt.start == i:
            if not saw_glue:
                break
            out.append(nxt)
            i, saw_glue = nxt.end, False
            continue
        if t.lower_ in LIST_GLUE or (t.pos_ == "ADV" and saw_glue):
            saw_glue = True
            i += 1
            continue
        break
    return out


def _after_parenthesis(doc, i: int, end: int) -> int:  # type: ignore[no-untyped-def]
    depth = 0
    for j in range(i, end):
        if doc[j].text == "(":
            depth += 1
        elif doc[j].text == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return end


def child(token: Token, *deps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


MEANS = frozenset({"by", "over", "via", "on"})
OCCASIONS = frozenset({"sideline", "sidelines", "margin", "margins"})
MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "link", "call", "line"})


def prep_objects(token: Token, preps: tuple[str, ...] | frozenset[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging from token: 'held talks with X' -> ('with', X).

    Also through a particle ('kidnapped up to 16 advisers'), a nested preposition ('outside of the city') and the
    means of talking ('spoke by telephone with X', where the parser hangs 'with X' from 'telephone').
    """
    out = []
    children = list(token.children)
    children += [g for c in children if c.dep_ == "prt" for g in c.children]
    children += [g for c in children if c.dep_ == "prep" and c.lower_ in MEANS
                 for m in c.children if m.dep_ == "pobj" and m.lemma_.lower() in MEDIA for g in m.children]
    for c in children:
        # a particle with an object is a preposition the parser mislabelled ('held a drill off Iceland')
        if (c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "prt" and child(c, "pobj") is not None)) \
                and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            if obj is None:
                inner = child(c, "prep")
                obj = child(inner, "pobj") if inner is not None else None
            if obj is None:  # 'granted asylum to five officers holed up ...': the parse gave the noun away
                obj = next((t for t in c.doc[c.i + 1:c.i + 7] if t.pos_ in ("NOUN", "PROPN")), None)
                while obj is not None and obj.dep_ == "compound" and obj.head.i > obj.i:
                    obj = obj.head  # 'army' of 'Panamanian army officers': the phrase's head holds its modifiers
            if obj is not None and obj.lemma_.lower() not in OCCASIONS:  # 'on the sidelines of the G20': no party
                out.append((c.lower_, obj))
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON") and "to" in preps:
            out.append(("to", c))  # 'gave Ukraine aid': Ukraine, as 'to Ukraine' (asked only when 'to' is)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and not main_verb_under_root_noun(verb)) or _shares_a_passive(verb)


def _shares_a_passive(verb: Token) -> bool:
    """'three Kenyan MPs were held for hours and then deported': a bare participle joined to a passive verb shares
    its auxiliary (not 'was indicted and will resign', which has its own; the parser may tag the participle a past
    tense, which then takes no object)."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def main_verb_under_root_noun(verb: Token) -> bool:
    """'Several thousand people protested outside the embassy': the parser made the noun the sentence's root and
    the main verb a participle modifying it. With no verb above the noun and no agent, it is the main verb."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT" and head.i < verb.i
            and head.pos_ in ("NOUN", "PROPN") and agent(verb) is None)


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it is the grammatical subject of a passive (the patient).

    A subject shared with an earlier verb ('was indicted ... and will resign') is the patient only if this
    verb is itself passive.
    """
    subj, passive = _subject(verb)
    if subj is not None and (named := _titled_subject(verb, subj)) is not None:
        subj = named
    if subj is None or _object_of_bare_opening(subj):
        subj = _subject_hung_before(verb) or subj
    if subj is not None and subj.tag_ == "VBG" and subj.dep_ in SUBJECTS:
        # 'The Red Cross operating in Iraq said': the parser made the participle the subject and the organisation
        # its subject; the organisation is who spoke, Iraq only where it works
        inner = next((c for c in subj.children if c.dep_ in SUBJECTS and c.i < subj.i), None)
        subj = inner if inner is not None else subj
    if subj is not None and subj.tag_ in ("WDT", "WP") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # 'carmakers that withdrew': the relative pronoun stands for the noun it follows
        subj = _members_named(subj) or subj
    if subj is not None and passive and subj.head != verb and not is_passive(verb):
        return subj, False
    return subj, passive


def _members_named(group: Token) -> Token | None:
    """'Canada and Belgium are among countries that have banned ...', '... is one of the states that': the
    members the sentence names are who did it, not the unnamed group."""
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ not in ("among", "of"):
        return None
    if prep.lower_ == "of" and (prep.head.lower_ != "one" or prep.head.dep_ != "attr"):
        return None
    holder = prep.head if prep.lower_ == "among" else prep.head.head
    if holder.lemma_ != "be":
        return None
    return next((c for c in holder.children if c.dep_ == "nsubj"), None)


def _titled_subject(verb: Token, subj: Token) -> Token | None:
    """'Presidents Kassym-Jomart Tokayev and Shavkat Mirziyoyev signed ...': the parser made the plural title a
    subject of its own and the names a second one; the names are who acted."""
    if subj.pos_ != "NOUN" or subj.tag_ != "NNS" or not subj.text[:1].isupper():
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i and c.pos_ == "PROPN"), None)


def _subject_hung_before(verb: Token) -> Token | None:
    """'After two days of talks in Addis Ababa, Sudan and Chad agreed ...': the parser hung the subject from the
    opening phrase (as a conjunct of the place) and left the main verb without one. The names between the last
    comma and a finite main verb are its subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3:
        return None
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and (_list_comma(doc, start - 1) or (
            doc[start - 1].pos_ in ("PROPN", "NOUN", "CCONJ", "ADJ", "DET")
            and doc[start - 1].dep_ in ("conj", "cc", "compound", "amod", "det", "appos", "pobj"))):
        start -= 1
    if start == verb.i or start == verb.sent.start or doc[start - 1].text != ",":
        return None
    heads = [t for t in doc[start:verb.i] if not start <= t.head.i < verb.i]
    if len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN") or heads[0].head.i >= verb.i:
        return None
    return heads[0]


def _object_of_bare_opening(subj: Token) -> bool:
    """'After talks in Addis Ababa, Sudan and Chad agreed' parsed with 'talks' as the subject: the word right after
    an opening preposition left without its object is that preposition's object, not the subject."""
    at = subj.left_edge.i - 1
    if at < 0:
        return False
    before = subj.doc[at]  # cheap tests first: this runs for every subject
    return (before.dep_ == "prep" and before.head.i == subj.head.i and bool(before.is_sent_start)
            and not any(c.dep_ in ("pobj", "pcomp") for c in before.children))


def _list_comma(doc: Doc, i: int) -> bool:
    """A comma between two conjuncts of a list ('In Europe, Britain, France and Germany issued'), not the one that
    closes an opening phrase."""
    return doc[i].text == "," and 0 < i < len(doc) - 1 and doc[i - 1].dep_ == "conj" and doc[i + 1].dep_ == "conj"


def _dateline_end(doc: Doc) -> int:
    """The end of the document's dateline (set when it was resolved), 0 when it has none."""
    return int(doc.user_data.get(DATELINE_KEY, 0))


def _states_named_in(noun: Token) -> bool:
    """Whether a noun phrase names a place or people of its own ('whose Russian allies')."""
    return any(t.ent_type_ in ("GPE", "NORP") for t in noun.subtree if t.i != noun.i)


def _subject(verb: Token) -> tuple[Token | None, bool]:
    seen = set()
    v: Token | None = verb
    while v is not None and v.i not in seen:
        seen.add(v.i)
        for c in v.children:
            if c.dep_ in SUBJECTS and c.i < (end := _dateline_end(c.doc)):
                # 'DAMASCUS, Syria — A senior Russian delegation held talks': the dateline is no subject; the
                # parser may hang the real one from it ('COLOMBO, Sri Lanka — Sri Lanka's president pardoned')
                after = next((a for a in c.subtree if a.i >= end and a.head.i < end), None)
                if after is not None:
                    return after, False
                continue
            if c.dep_ in SUBJECTS and v.dep_ == "relcl" and v.head.pos_ in ("PROPN", "NOUN") \
                    and any(g.tag_ == "WP$" for g in c.children) and not _states_named_in(c):
                return v.head, False  # 'Egypt, whose government brokered the truce': Egypt's government
            if c.dep_ in SUBJECTS:
                return c, False
            if c.dep_ in PASSIVE_SUBJECTS:
                return c, v.lemma_.lower() not in STATIVE_PASSIVES
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ != "VBN"):
            return v.head, False
        if main_verb_under_root_noun(v):
            return v.head, False
        if (v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ in ("dobj", "oprd", "nsubj") for c in v.children)):
            return v.head, True  # 'a meeting requested by X': the noun is what the participle is done to
        controller = _object_controller(v)
        if controller is not None:
            return controller, False  # 'the decision prompted China to halt trains': China halts them
        if _demand_added_by_reporter(v):
            v = v.head.head
            continue
        misparsed = _subject_taken_as_object(v)
        if misparsed is not None:
            return misparsed, False
        up = v.head if v.dep_ != "pcomp" else v.head.head  # 'resorted to throwing stones': through the preposition
        if v.dep_ == "pcomp" and v.head.lower_ in OBJECT_PREPS:
            return None, False  # 'accused Seoul of flying drones', 'sanctioned firms for supplying': not the subject
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") and up.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            v = up
            continue
        return None, False
    return None, False


# verbs of saying that take a clause, never a name, as their object
SAID = frozenset({"say", "state", "add", "note", "claim", "insist", "confirm", "announce", "report"})


def _subject_taken_as_object(verb: Token) -> Token | None:
    """'A diplomat said Ankara in recent years imposed controls': the parser made the name the object of 'said' and
    left the reported clause without a subject. A name between the verb of saying and its clause is that clause's
    subject."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAID:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
                 and verb.head.i < c.i < verb.i), None)


# prepositions whose gerund tells what the verb's object did or is kept from, not its subject
OBJECT_PREPS = frozenset({"of", "for", "from"})
DEMANDING = frozenset({"call", "urge", "demand", "ask", "appeal", "press"})


def _demand_added_by_reporter(verb: Token) -> bool:
    """'UN investigators said that Myanmar's military carried out mass killings, and called for the army chief to
    be prosecuted': the parser joins the demand to the reported clause; the ones who report it demand it."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in DEMANDING or verb.head.dep_ != "ccomp":
        return False
    reporter = verb.head.head
    if reporter.lemma_.lower() not in REPORTING or reporter.pos_ not in ("VERB", "AUX"):
        return False
    if verb.doc[verb.i - 1].lower_ != "and":
        return False
    before = verb.doc[verb.i - 2] if verb.i >= 2 else None  # ', and called for'
    # 'said no one was hurt and urged Hanoi to ...': who underwent the reported clause urges nothing
    return (before is not None and before.lower_ == ",") or any(c.dep_ == "nsubjpass" for c in verb.head.children)


# Verbs whose object does what their infinitive says ('prompted China to recall its ambassador')
OBJECT_CONTROL = frozenset({"prompt", "force", "lead", "cause", "compel", "drive", "push", "spur", "persuade",
                            "convince", "oblige", "pressure", "encourage", "allow", "enable", "let"})


def _object_controller(verb: Token) -> Token | None:
    """The object of an object-control verb is the subject of its infinitive: 'X prompted China to recall ...'."""
    head = verb.head
    # the parser may hang the infinitive as an adverbial clause ('prompting Lima on Tuesday to declare ...')
    controlled = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and is_infinitive(verb))
    if controlled and head.lemma_.lower() in CALLING_ON and not is_passive(head):
        # 'called on the United States and France to press Israel': those called on are to press it
        return next((o for p, o in prep_objects(head, ("on", "upon")) if o.i < verb.i
                     and o.ent_type_ not in ("DATE", "TIME")), None)  # not 'called on Friday on Rome to ...'
    if not controlled or head.lemma_.lower() not in OBJECT_CONTROL or is_passive(head):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


CALLING_ON = frozenset({"call", "prevail", "rely", "count"})


def agent(verb: Token) -> Token | None:
    if any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "auxpass" for c in verb.children):
        return None  # 'Kigali has denied findings by U.N. experts': an active verb's 'by' is its object's
    for c in verb.children:
        if c.dep_ == "agent":
            return child(c, "pobj")
    if _shares_a_passive(verb):  # 'was detained by Russian security officers and accused of espionage'
        return agent(verb.head)
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase is an argument of: 'held talks' -> held; 'announced the creation of X' -> announced."""
    t = noun
    for _ in range(6):
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj", "pobj", "prep", "compound",
                      "dative", "acomp") and t.head.i != t.i:  # 'acomp': 'Moscow was ready for talks with Kyiv'
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return t
            continue
        return None
    return None


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the token itself for a verb)."""
    t = token
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        t = t.head
    return t


def clause_tokens(head: Token) -> list[Token]:
    """Tokens of a clause, without its embedded clauses."""
    return walk(head, _CLAUSE_DEPS)


_ALL_DEPS = frozenset({"acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
                       "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj",
                       "expl", "intj", "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod",
                       "oprd", "parataxis", "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct",
                       "quantmod", "relcl", "xcomp"})
_CLAUSE_DEPS = _ALL_DEPS - CLAUSES - {"conj", "relcl", "acl", "xcomp"}  # what stays inside one clause
