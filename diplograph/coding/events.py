"""The event coder: lexicon triggers read over the dependency parse into PLOVER events.

For each sentence: find triggers (verbs, event nouns, multi-word phrases), let frame verbs ("agreed to ...",
"threatened to ...") absorb the triggers of their complement and verbs absorb the event nouns they govern,
then read actor and recipient, modality (future, hypothetical, negation), date and evidence for each trigger.
Every event names the rule that produced it (`verb:visit`, `noun:talk`, `list:cooperation`, ...).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diplograph import ontology
from diplograph.coding import args as A
from diplograph.coding.args import REPORTING
from diplograph.coding.context import FIGHTER_WORDS, LOCATION_PREPS, DocContext
from diplograph.coding.features import SAYING, event_features, list_item_features
from diplograph.coding.lexicon import Lexicon, Predicate, Reading
from diplograph.model import DateRef, Location
from diplograph.nlp.dates import iter_bounds, last_saturday, weekend_value
from diplograph.nlp.quantities import CURRENCY_WORDS
from diplograph.nlp.repair import JOURNEY_NOUNS
from diplograph.nlp.resolve import ORGAN_SECTORS, ActorSpan, Resolution

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from diplograph.geo.gazetteer import Place

RECIPIENT_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "from", "over", "upon", "for",
                   "between", "in", "near", "around", "off", "inside")
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "ought"})  # 'should use sanctions': advice
INTENT = frozenset({"plan", "intend", "expect", "hope", "want", "prepare", "aim", "ready", "willing", "schedule",
                    "due", "set", "going", "plot", "consider", "offer", "wish", "eager", "prepared", "determined"})
WEIGHING = frozenset({"consider", "weigh", "mull", "contemplate", "ponder"})
PASS_THROUGH = INTENT | frozenset({"decide", "start", "begin", "continue", "try", "attempt", "seek", "resume",
                                   "move", "manage", "fail", "help", "keep", "vote", "able", "likely", "unlikely"})
# Per-type properties come from the ontology data (ontology/data/plover.toml).
_QUADS = {t: ontology.quad(t) for t in ontology.EVENT_TYPES}
# Cooperation that PLOVER codes as AGREE when announced for the future (AGREE is itself the announcement).
COOPERATIVE = frozenset(t for t, q in _QUADS.items() if q.endswith("cooperation")) - {"AGREE"}
# Material harm that, announced or threatened, is THREATEN (a scheduled sanction stays a future SANCTION).
HOSTILE_FUTURE = frozenset(t for t, q in _QUADS.items() if q == "material_conflict") - {"SANCTION"}
DOMESTIC_RECIPIENT = frozenset(t for t in ontology.EVENT_TYPES if ontology.event_type(t).domestic == "usual")
# A state readying its forces, meeting, cooperating or giving aid does not act on itself: with no one named, such
# an event has no recipient.
NEVER_DOMESTIC = frozenset(t for t in ontology.EVENT_TYPES if ontology.event_type(t).domestic == "never")
NEEDS_RECIPIENT = frozenset(t for t in ontology.EVENT_TYPES if ontology.event_type(t).requires_recipient)
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her"})
GENERIC_HEADS = frozenset({"country", "nation", "government", "state", "regime", "authorities", "leadership",
                           "kingdom", "republic", "administration", "side", "leader", "minister", "president",
                           "statement", "communique", "declaration"})  # 'the statement threatened sanctions'

CONTEXT_WORDS = {"trade": "economic", "economic": "economic", "economy": "economic", "investment": "economic",
                 "export": "economic", "import": "economic", "military": "military", "troop": "military",
                 "army": "military", "nuclear": "cbrn", "missile": "military", "food": "human_security",
                 "humanitarian": "human_security", "refugee": "migration", "oil": "natural_resource",
                 "gas": "natural_resource", "coal": "natural_resource", "election": "election",
                 "terrorist": "terrorism", "terrorism": "terrorism", "border": "territory", "peacekeeping":
                 "peacekeeping", "asylum": "asylum", "court": "legal", "law": "legal", "rights": "human_rights"}
COOPERATION_HEADS = frozenset({"cooperation", "collaboration", "tie", "project", "partnership"})
LIST_VERBS = frozenset({"include", "cover", "span", "range", "involve", "comprise"})


@dataclass
class Trigger:
    token: Token
    pred: Predicate
    reading: Reading
    absorbed_by: int | None = None
    absorbed: list[Trigger] = field(default_factory=list)


@dataclass
class Found:
    """An event as read from one sentence, before mentions of the same event are merged."""

    reading: Reading
    actor: list[ActorSpan]
    recipient: list[ActorSpan]
    aux: str | None
    date: DateRef | None
    date_source: str
    evidence: tuple[int, int]
    rule: str
    actor_method: str = "parse"
    orgs: list[ActorSpan] = field(default_factory=list)
    trigger: int = -1
    features: dict[str, float] = field(default_factory=dict)  # what the confidence model sees (coding/features.py)


def code_sentence(sent: Span, res: Resolution, lex: Lexicon, ctx: DocContext) -> list[Found]:
    triggers = find_triggers(sent, res, lex)
    absorb(triggers)
    found: list[Found] = []
    background: list[Found] = []
    foreground_trigger = False
    for trig in triggers:
        if trig.absorbed_by is None:
            behind = is_background(trig.token)
            foreground_trigger = foreground_trigger or not behind
            (background if behind else found).extend(code_trigger(trig, sent, res, lex, ctx))
    # a one-sentence item codes the act it reports, as PLOVER and CAMEO do, and only a blame with no act of its
    # own told ('said it was highly likely that Russia was responsible') as the accusation
    found += reported_accusations(sent, res, ctx, blame_only=_single_sentence(sent))
    found += reported_judgements(sent, res, ctx)
    found += presence_abroad(sent, res, ctx)
    found += visitors_received(sent, res, ctx, found)
    found += hoped_for(sent, res, ctx)
    found += told_in_person(sent, res, ctx)
    found += requests_granted(sent, res, ctx)
    found += envoys_gone_home(sent, res, ctx)
    found += envoys_given_time_to_leave(sent, res, ctx)
    if (warnings := travel_warnings(sent, res, ctx)):
        # the advice is the event, not a request of one's own people, nor a visit of the trips put off
        advised = {t.i for w in warnings for t in sent.doc[w.trigger].subtree}
        found = [f for f in found if f.trigger not in advised or f.reading.event not in ADVICE_READ_AS] + warnings
    found += joint_actions(sent, res, ctx, covered={t.token.i for t in triggers} | {f.trigger for f in found})
    found += readiness_offered(sent, res, ctx, covered={t.token.i for t in triggers} | {f.trigger for f in found})
    found += work_done_abroad(sent, res, ctx, covered={t.token.i for t in triggers} | {f.trigger for f in found})
    found += exercise_partners(sent, res, ctx, found)
    found += deals_told_made(sent, res, ctx, made={f.trigger for f in found})
    listed, subject = cooperation_list(sent, res, ctx, covered=[t.token.i for t in triggers])
    if listed:  # 'cooperation between A and B includes X, Y and Z': the items are the events
        found = [f for f in found if f.trigger != subject] + listed
    # What a sentence mentions as cause or circumstance ('... after X attacked Y') is still a candidate; the
    # model sees that it is background, and whether the sentence has an event of its own.
    background = [f for f in background if not _habitual_trade(f, sent)]
    for f in background:
        f.features["background_beside_foreground" if found else "background_alone"] = 1.0
    found = [f for f in found if not _outsiders_advice(f, sent, res) and not _habitual_trade(f, sent)]
    found = [f for f in found if not _said_and_urged(f, found)]
    found += [again for f in found for again in _done_again(f, sent, res)]
    found = [_self_pair_mended(_joint_force(_part_of_an_exercise(f, sent, res), sent), sent, res) for f in found]
    found = [_help_offered_by_several(f, sent, res) for f in found]
    found = [_accused_it_of(f, found, sent) for f in found]
    found = _followed_suit(found, sent, res)
    return [part for f in merge_within_sentence(found + background, sent) for part in _one_per_partner(f, sent)]


PARTY_PREPS = frozenset({"with", "against", "on", "for", "to", "over"})


OBJECT_WORDS = A.NP_CORE | frozenset({"prep", "pobj", "agent"})


def _object_phrase(noun: Token) -> list[Token]:
    """A noun phrase with its prepositions and participles ('visa held by South Sudanese passport holders'), not
    its clauses or gerunds ('plan to send police to Haiti', 'charged with spying for China')."""
    out, stack = [], [noun]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if (c.dep_ in OBJECT_WORDS and c.tag_ != "VBG"
                                               and not (c.dep_ == "prep" and c.lower_ in LOCATION_PREPS))
                     or (c.dep_ == "acl" and c.tag_ == "VBN"))  # ('its citizens in Canada': where they are)
    return out


def _own_person(noun: Token, res: Resolution) -> bool:
    """A person or a state's people ('Nicolas Sarkozy', 'three German citizens'), not a thing of the state."""
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in OWN_PEOPLE | PEOPLE_WORDS \
        or any(s.person for s in A.spans_in(A.walk(noun, A.NP_CORE), res))


def _self_pair_mended(f: Found, sent: Span, res: Resolution) -> Found:
    """'revoked every U.S. visa held by South Sudanese passport holders', 'suspending his government's committee
    for negotiations with Washington': the state the object's own words name is the actor's (the issuer, the
    owner), and the other state deeper in the object is the one acted on."""
    doers = _codes_of(f.actor)
    if f.trigger < 0 or not doers or not f.recipient or not _codes_of(f.recipient) <= doers:
        return f
    trigger = sent.doc[f.trigger]
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
               or (c.dep_ == "prep" and c.lower_ in PARTY_PREPS)]  # not a venue's 'in', 'near'
    if f.reading.event == "PROTEST":  # 'marched ..., chanting against the Turkish troops', 'shouting slogans against'
        chants = [c for c in trigger.children if c.dep_ in ("advcl", "xcomp", "acl", "conj") and c.tag_ == "VBG"]
        objects += [p for c in chants for h in (c, *(d for d in c.children if d.dep_ == "dobj"))
                    for p in h.children if p.dep_ == "prep" and p.lower_ == "against"]
    if any(_own_person(o, res) for o in objects):
        return f  # 'convicted former French president Nicolas Sarkozy of ... Libyan funding': at home
    others = [s for o in objects for s in A.spans_in(_object_phrase(o), res) if s.states and not set(s.states) & doers]
    if not others:
        return f
    return replace(f, recipient=others, features={**f.features, "self_pair_mended": 1.0})


def _followed_suit(found: list[Found], sent: Span, res: Resolution) -> list[Found]:
    """'India pulled out of the summit, and Bangladesh, Bhutan and Afghanistan followed suit': those who followed
    suit did the same act, one record with all of them (guidelines: states acting together)."""
    for verb in sent:
        if verb.lemma_.lower() != "follow" or not any(c.dep_ == "dobj" and c.lower_ == "suit" for c in verb.children) \
                or verb.dep_ not in ("ROOT", "conj") or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            continue  # ('wants Beijing to follow suit': what is asked, not done)
        subj = A.child(verb, "nsubj")
        followers = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
        done = [f for f in found if 0 <= f.trigger < verb.i and f.actor]
        if not followers or not done:
            continue
        first = done[-1]
        joined = first.actor + [s for s in followers if not set(s.states) & _codes_of(first.actor)]
        found = [replace(f, actor=joined, evidence=(f.evidence[0], max(f.evidence[1], verb.idx + len(verb.text))),
                         features={**f.features, "followed_suit": 1.0}) if f is first else f for f in found]
    return found


ACCUSING_PARTICIPLES = frozenset({"accuse", "blame", "charge"})


def _accused_it_of(f: Found, found: list[Found], sent: Span) -> Found:
    """'cut ties with Qatar, accusing it of financing terrorist groups and cozying up to Iran': 'it' is who the
    main clause acted on, not a state named in the charge."""
    if f.reading.event != "ACCUSE" or f.trigger < 0:
        return f
    verb = sent.doc[f.trigger]
    it = A.child(verb, "dobj")
    if verb.lemma_.lower() not in ACCUSING_PARTICIPLES or verb.dep_ != "advcl" or verb.tag_ != "VBG" \
            or it is None or it.lower_ not in ("it", "them"):
        return f
    main = next((m for m in found if m.trigger == verb.head.i and m.recipient), None)
    if main is None or _codes_of(main.actor) != _codes_of(f.actor):
        return f
    return replace(f, recipient=main.recipient, features={**f.features, "accused_as_acted_on": 1.0})


def _said_of(trigger: Token) -> list[Token]:
    """The words that may qualify an act: the trigger's own dependents and its object's ('launched a joint
    offensive', 'signed separate memorandums', 'met separately')."""
    return [*trigger.children, *(g for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") for g in c.children)]


JOINTLY = frozenset({"joint", "jointly", "together", "combined"})


def _joint_force(f: Found, sent: Span) -> Found:
    """'Nigerian troops and soldiers from Chad and Cameroon launched a joint offensive against the militants',
    'Chinese and Russian bombers flew together': force that states use together against no state is their
    cooperation (guidelines: several states acting together are one record with all of them as actors)."""
    doers = {a.code for a in f.actor if a.states}
    if f.reading.event not in ("ASSAULT", "MOBILIZE") or len(doers) < 2 or f.trigger < 0 \
            or any(a.states and a.code not in doers for a in f.recipient):
        return f
    if not any(t.lower_ in JOINTLY and t.dep_ in ("amod", "advmod") for t in _said_of(sent.doc[f.trigger])):
        return f
    return replace(f, reading=Reading("COOPERATE", None, f.reading.context or ("military",)), recipient=[],
                   features={**f.features, "joint_force": 1.0})


HELP_OFFERING = frozenset({"offer", "pledge", "promise"})
HELP_OFFERED = frozenset({"help", "assistance", "aid", "support", "condolence", "condolences", "rescuer", "rescuers"})


def _help_offered_by_several(f: Found, sent: Span, res: Resolution) -> Found:
    """'Azerbaijan, Iraq, Armenia and Saudi Arabia offered help': help several states offer with no one named goes
    to the state the story is about, not to one another (an agreement among them, as 'A and B pledged to deepen
    ties' is)."""
    doers = _codes_of(f.actor)
    if f.reading.event != "AGREE" or f.recipient or len(doers) < 2 or f.trigger < 0:
        return f
    verb = sent.doc[f.trigger]
    obj = A.child(verb, "dobj")
    if verb.lemma_.lower() not in HELP_OFFERING or obj is None or obj.lemma_.lower() not in HELP_OFFERED:
        return f
    helped = _story_subject_besides(res, doers)
    if helped is None:
        return f
    return replace(f, recipient=[ActorSpan.from_context(verb.i, helped, "the state the story is most about")],
                   features={**f.features, "help_offered_by_several": 1.0})


def _part_of_an_exercise(f: Found, sent: Span, res: Resolution) -> Found:
    """'US rocket launchers fired at targets near Baturaja as the joint exercise with Indonesia's army entered its
    third day', 'Uzbek paratroopers seized a mock camp on the third day of drills with Kazakhstan's army': force
    used by a party to an exercise, on its partners' ground, is the exercise (their cooperation), no attack. Not
    when the act's doer takes no part ('North Korea fired missiles as the US held drills with South Korea')."""
    doers = {c for a in f.actor for c in a.states}
    targets = {c for a in f.recipient for c in a.states} - doers
    if f.reading.event not in ("ASSAULT", "COERCE", "MOBILIZE") or len(doers) != 1 or f.trigger < 0:
        return f
    for noun in (t for t in sent if t.lemma_.lower() in EXERCISES and t.pos_ == "NOUN"):
        with_spans = [s for _p, o in A.prep_objects(noun, ("with",)) for s in A.np_actors(o, res) if s.states]
        partners = {c for s in with_spans for c in s.states} - doers
        verb = A.governing_verb(noun)
        subj = A.subject(verb)[0] if verb is not None else None
        own = {c for s in A.np_actors(subj, res) for c in s.states} if subj is not None and subj.i != noun.i else set()
        if not (own | partners) - doers:
            continue  # an exercise of the doer's alone ('Finnish troops held an exercise'): a show of force
        moved_in = f.reading.event == "MOBILIZE" and not own and partners and targets <= partners
        if (doers <= own | partners and targets <= own | partners) or (not own and partners and targets
                                                                         and targets <= partners) or moved_in:
            # 'Finnish armour crossed into Haparanda, halfway through the exercise with Swedish forces': its partner
            recipient = f.recipient if targets else [s for s in with_spans if not set(s.states) & doers]
            return replace(f, reading=Reading("COOPERATE", None, ("military",)), recipient=recipient,
                           features={**f.features, "part_of_an_exercise": 1.0})
    return f


SEPARATELY = frozenset({"separate", "separately"})


def _one_per_partner(f: Found, sent: Span) -> list[Found]:
    """'held separate talks with Hassan and Hichilema', 'signed separate memorandums with Baku and Yerevan', 'met
    separately with': one event with each partner (guidelines: one record per real event), not one with both."""
    partners = {a.code for a in f.recipient} - {a.code for a in f.actor}
    if f.trigger < 0 or len(partners) < 2 or len({a.code for a in f.actor}) != 1:
        return [f]  # ('Russia and Ukraine signed separate agreements with Turkey and the UN': each its own)
    # ('Separately, Burns met ...' opens another item of news; 'met them separately' may end the text)
    if not any(t.lower_ in SEPARATELY and t.dep_ in ("amod", "advmod") and t.i > sent.start
               and (t.i + 1 == len(t.doc) or not t.nbor(1).is_punct) for t in _said_of(sent.doc[f.trigger])):
        return [f]
    return [replace(f, recipient=[a for a in f.recipient if a.code == code],
                    features={**f.features, "one_per_partner": 1.0})
            for code in dict.fromkeys(a.code for a in f.recipient if a.code in partners)]


def _habitual_trade(f: Found, sent: Span) -> bool:
    """'Brazilian firms sell food and medicines to Venezuela', 'Serbia buys weapons from Russia': background on
    how two states trade (TRADE_VERBS), told in the simple present; the deal of the day is told in the past or the
    future."""
    if f.trigger < 0 or not f.rule.startswith("verb:"):
        return False
    verb = sent.doc[f.trigger]
    if verb.lemma_.lower() in TRADE_VERBS and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # 'Chinese goods sold to Bangladesh', 'Saudi crude shipped to Thailand': goods described by where they go,
        # unless a time tells a shipment of its own ('grain shipped to Egypt last week'), or relief goods shipped
        # by a state arrive ('tents and rice shipped by France reached Toamasina')
        if f.reading.event == "AID" and A.agent(verb) is not None and verb.head.dep_ == "nsubj" \
                and verb.head.head.lemma_.lower() in ARRIVAL_VERBS:
            return False
        return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    return verb.lemma_.lower() in TRADE_VERBS and verb.tag_ in ("VBZ", "VBP")


def _envoys_ordered_out(verb: Token) -> bool:
    """'ordered Libya's ambassador out of the country', 'ordered two diplomats out': a state's people ordered out."""
    obj = A.child(verb, "dobj")
    return verb.lemma_.lower() == "order" and obj is not None and obj.lemma_.lower() in ENVOYS and any(
        c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod") for c in (*verb.children, *obj.children))
    # ('ordered North Korea's ambassador, Kang Chol, out': the parser hangs 'out' on the named envoy)


def _sent_into(verb: Token, troops: frozenset[str]) -> bool:
    """Troops sent 'into' a place rather than 'to' it: an incursion, whoever it is said to help (not 'airdropped
    meals into Gaza', 'sent weapons into Ukraine')."""
    obj = A.child(verb, "dobj")
    return verb.pos_ == "VERB" and obj is not None and obj.lemma_.lower() in troops \
        and any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children) and not A.prep_objects(verb, ("to",))


def _said_and_urged(f: Found, found: list[Found]) -> bool:
    """'Wang said that disputes should be settled by those concerned, and urged Manila and Hanoi not to ...': what
    the speaker said should happen, beside the request the same sentence has them make, is that one request."""
    if f.reading.event != "REQUEST" or f.rule != "verb:say":
        return False
    actors, asked = set(_codes_of(f.actor)), set(_codes_of(f.recipient))
    return any(g is not f and g.reading.event == "REQUEST" and g.rule != "verb:say"
               and set(_codes_of(g.actor)) == actors and asked <= set(_codes_of(g.recipient)) for g in found)


def _done_again(f: Found, sent: Span, res: Resolution) -> list[Found]:
    """'imposed sanctions on Dodik in 2023 and again in January': an act the clause dates twice, joined by 'and',
    happened twice: a second record with the second date."""
    if f.date is None or f.date_source != "clause" or f.trigger < 0:
        return []
    verb = A.clause_head(sent.doc[f.trigger])
    first = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
                  and any(g.i in res.date_at and res.date_at[g.i] == f.date for g in c.subtree)), None)
    if first is None:
        return []
    out = []
    joined = [*verb.children, *first.children]  # the parser joins the second phrase to the verb or to the first
    for second in (c for c in joined if c.dep_ == "conj" and c.lower_ in ("in", "on") and c.i > first.i):
        date = next((res.date_at[g.i] for g in second.subtree if g.i in res.date_at), None)
        if date is not None and date.value != f.date.value:
            out.append(replace(f, date=date, features={**f.features, "done_again": 1.0}))
    return out


ADVISING = frozenset({"suggest", "argue", "recommend", "propose", "believe", "think", "say", "write", "urge"})


def _outsiders_advice(f: Found, sent: Span, res: Resolution) -> bool:
    """'Mark Clifford, president of a campaign group, suggested that the U.S. government should use sanctions':
    what someone of no state says a state could or should do is an opinion, not an act (guidelines: not
    recorded)."""
    if f.aux != "hypothetical" or f.trigger < 0:
        return False
    clause = A.clause_head(sent.doc[f.trigger])
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ADVISING:
        return False
    subj, passive = A.subject(clause.head)
    if subj is None or passive or subj.pos_ == "PRON":
        return False
    own = [t for t in subj.subtree if t.i <= subj.i]  # the name and its title, not an aside about them
    if any((a := res.actor_at.get(t.i)) is not None and a.states for t in own):
        return False
    if any(res.sectors.get(t.lower_) in STATE_AGENCIES for t in own):
        return False  # 'Trade Minister Simon Birmingham has said Australia is considering an appeal'
    return subj.ent_type_ == "PERSON" or subj.lemma_.lower() in OUTSIDE_VOICES


# ------------------------------------------------------------------------------------------------ envoys gone home

GOING_HOME = frozenset({"fly", "return", "go", "head", "leave"})


def envoys_gone_home(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'Mexico's last diplomats in Ecuador flew home on Sunday': a state's envoys withdrawn from the state they
    were posted to (CAMEO 161, as an ambassador recalled)."""
    out: list[Found] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in GOING_HOME \
                or not any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj") for c in verb.children):
            continue
        subj, passive = A.subject(verb)
        if subj is None or passive or subj.lemma_.lower() not in ENVOYS | {"diplomats", "envoys", "ambassadors"}:
            continue
        senders = [s for s in A.np_actors(subj, res) if s.states and s.start < subj.i]
        posted = [s for _p, o in [*A.prep_objects(subj, ("in", "to", "at")), *A.prep_objects(verb, ("from",))]
                  for s in A.np_actors(o, res) if s.states]
        senders = _without(senders, posted)
        if not posted and len(senders) == 1 and (partner := ctx.partner_of(senders[0].code)) is not None:
            posted = [ActorSpan.from_context(verb.i, partner, "the other state of the relationship the story is about")]
        if not senders or not _without(posted, senders):
            continue
        out.append(_clause_event(Reading("SANCTION", "withdraw", ("diplomatic",)), "verb:go_home", verb, senders,
                                 _without(posted, senders), sent, res, ctx))
    return out


DEPARTING_VERBS = frozenset({"leave", "depart", "go", "quit"})


def envoys_given_time_to_leave(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'had given Canada's ambassador, Dennis Horak, 24 hours to leave the country': an envoy given a deadline to
    go is expelled (SANCTION expel, as 'expelled the ambassador' is), toward the envoy's state."""
    out: list[Found] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "give" or _negated(verb):
            continue
        envoy = next((c for c in verb.children if c.dep_ in ("dobj", "dative")
                      and c.lemma_.lower() in ENVOYS | {"diplomats", "envoys", "ambassadors"}), None)
        subj, passive = A.subject(verb)
        if envoy is None or subj is None or passive or not _time_given_to_leave(verb):
            continue
        expellers = [s for s in A.np_actors(subj, res) if s.states]
        sent_home = _without([s for s in A.np_actors(envoy, res, deep=True) if s.states], expellers)
        if expellers and sent_home:
            out.append(_clause_event(Reading("SANCTION", "expel", ("diplomatic",)), "verb:give_time_to_leave", verb,
                                     expellers, sent_home, sent, res, ctx))
    return out


def _time_given_to_leave(verb: Token) -> bool:
    """'24 hours to leave the country', 'until the end of the month to get out of the country': a time or a deadline
    given, and a leaving to do in it."""
    told = list(verb.subtree)
    deadline = any(t.lemma_.lower() in DEADLINE_WORDS for t in told) or bool(A.prep_objects(verb, ("until",)))
    return deadline and any(A.is_infinitive(v) and (v.lemma_.lower() in DEPARTING_VERBS or (
        v.lemma_.lower() == "get" and any(c.lower_ == "out" for c in v.children))) for v in told)


OWN_PEOPLE = frozenset({"citizen", "national", "resident", "traveller", "traveler", "student", "expatriate",
                        "people", "tourist", "compatriot"})
ADVISING_OWN = frozenset({"urge", "tell", "advise", "warn", "ask", "order", "call", "bar", "ban", "forbid",
                          "prohibit", "caution", "instruct", "encourage"})
# the state's own people (OWN_PEOPLE, which _own_people_addressed also reads), less its 'compatriots', whom
# appeals address ('urged his compatriots to boycott French goods') rather than travel advice
CITIZEN_WORDS = OWN_PEOPLE - {"compatriot"}
# what the advice asks of them: to go, stay away or think again (visit/travel/go only when told not to)
KEEPING_AWAY = frozenset({"avoid", "leave", "reconsider", "postpone", "cancel", "depart", "evacuate", "exit"})
GOING = frozenset({"visit", "travel", "go"})
# what the words of advice were also read as, and are not
ADVICE_READ_AS = frozenset({"REQUEST", "CONSULT", "COERCE", "REJECT", "SANCTION"})


def _put_off(verb: Token) -> bool:
    """'to put off trips to Russia': trips postponed."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def travel_warnings(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'urged Chinese citizens to avoid traveling to Japan', 'told its citizens to leave Lebanon', 'barred its
    citizens from traveling to Lebanon': a state keeping its own people away from another state reduces relations
    with it (SANCTION, as a travel advisory is coded), toward the state they are kept from; not a request of anyone."""
    out: list[Found] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ADVISING_OWN or _negated(verb):
            continue
        told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in CITIZEN_WORDS),
                    None)
        subj, passive = A.subject(verb)
        if told is None or passive:
            continue
        kept_away = [c for c in verb.subtree if c.pos_ == "VERB" and c.i > told.i and (
            c.lemma_.lower() in KEEPING_AWAY or _put_off(c) or (c.lemma_.lower() in GOING and (
                _negated(c) or c.head.lemma_.lower() in KEEPING_AWAY or c.head.lower_ == "from")))]
        if not kept_away:
            continue
        own = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
        own = own or [s for s in A.np_actors(told, res) if s.states]
        if not own and subj is not None:  # 'It also advised citizens to put off trips to Russia': the ministry told of
            own = [s for s in _pronoun_or_generic(subj, res, ctx)[0] if s.states]
        places = [s for v in kept_away for c in v.children if c.dep_ in ("dobj", "prep")
                  for s in A.np_actors(c, res, deep=True) if s.states]
        kept_from = _without(places, own)
        if own and kept_from:
            out.append(_clause_event(Reading("SANCTION", "discontinue", ("diplomatic",)), "verb:travel_warning", verb,
                                     own[:1], kept_from[:1], sent, res, ctx))
    return out


# ------------------------------------------------------------------------------------------------ requests granted

REQUEST_NOUNS = frozenset({"request", "behest", "urging", "insistence"})


def requests_granted(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'Canada arrested the executive at the request of the United States', 'the Council met at France's
    request': the one who asked made a request (CAMEO 02) of the one who acted on it."""
    out: list[Found] = []
    for i in range(sent.start, sent.end):
        if res.lemmas[i] not in REQUEST_NOUNS or res.pos[i] != "NOUN":
            continue
        noun = sent.doc[i]
        if not _asked_by(noun) or noun.head.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = noun.head.head
        askers = [s for obj in [*(o for _p, o in A.prep_objects(noun, ("of",))),
                                *(c for c in noun.children if c.dep_ == "poss")]
                  for s in A.np_actors(obj, res) if s.states]
        subj, passive = A.subject(verb)
        doer = A.agent(verb) if passive else subj
        if doer is None and passive and subj is not None and subj.lemma_.lower() in OWN_FORCES | {"troop"}:
            doer = subj  # 'Jordanian troops were deployed at Egypt's request': their state acted on it
        asked = _without([s for s in A.np_actors(doer, res) if s.states], askers) if doer is not None else []
        if not askers or not asked:
            continue
        date, source = event_date(verb, sent, res, ctx)
        evidence = evidence_span(noun, askers, sent, res)
        event, mode = "REQUEST", None
        features = event_features(
            event=event, mode=mode, rule="noun:at_request", pos="noun", token=noun, sent=sent, res=res,
            actor=askers, recipient=asked, actor_method="parse", from_location=False, aux=None,
            conditional=False, date=date, date_source=source, background=is_background(verb),
            sentence_index=ctx.sentence_index, evidence=evidence)
        out.append(Found(Reading(event, mode, ("diplomatic",)), askers, asked, None, date, source,
                         evidence, "noun:at_request", "parse", [], noun.i, features))
    return out


# ------------------------------------------------------------------------------------------------ accusations told

ACCUSING_SPEECH = frozenset({"say", "claim", "allege", "assert", "insist", "conclude", "determine", "find", "report",
                             "charge", "maintain", "contend"})
WRONGDOING_VERBS = frozenset({"violate", "breach", "attack", "invade", "occupy", "shell", "bomb", "torture",
                              "interfere", "meddle", "orchestrate", "mastermind", "plot", "sponsor", "harbor",
                              "harbour", "destabilize", "destabilise", "provoke", "infiltrate", "intrude", "incite",
                              "sabotage", "persecute", "abduct", "kidnap"})
WRONGS = frozenset({"crime", "abuse", "atrocity", "genocide", "violation", "massacre", "aggression", "provocation",
                    "terrorism", "act"})
CROSSED = frozenset({"border", "line", "airspace", "water", "frontier", "territory", "boundary"})
# what a state deploys: in the passive, the forces' state deployed them
DEPLOYED = frozenset({"troop", "soldier", "force", "army", "warship", "jet", "aircraft", "drone", "vessel", "unit",
                      "battalion", "brigade", "division", "regiment", "battery", "system", "missile", "tank",
                      "destroyer", "frigate", "ship", "submarine", "bomber", "fighter", "marine", "paratrooper"})


def reported_accusations(sent: Span, res: Resolution, ctx: DocContext, blame_only: bool = False) -> list[Found]:
    """'The United Nations says both sides have committed grave abuses', 'China said Indian troops had crossed the
    Line of Actual Control': a state or organisation telling of another's wrongdoing accuses it (CAMEO 112), besides
    whatever the wrongdoing itself is coded as."""
    out: list[Found] = []
    for i in range(sent.start, sent.end):
        if res.pos[i] != "VERB" or res.lemmas[i] not in ACCUSING_SPEECH:
            continue
        verb = sent.doc[i]
        clause = A.child(verb, "ccomp")
        if clause is not None and not _wrongdoing(clause):
            clause = _blame_said_likely(clause) or clause  # 'it was highly likely that Russia was responsible'
        if clause is not None and blame_only and not _blamed(clause):
            continue
        if clause is None or not _wrongdoing(clause) or _negated(verb) or _negated(clause):
            continue  # 'denied that ...' is no accusation, nor 'said X had not violated'
        subj, passive = A.subject(verb)
        wrongdoer = A.child(clause, "nsubj")
        if subj is None or passive or wrongdoer is None:
            continue
        speakers = [s for s in A.np_actors(subj, res) if s.states]
        accused = _without(_the_two(wrongdoer, ctx) or [s for s in A.np_actors(wrongdoer, res) if s.states],
                           speakers)
        if not speakers or not accused:
            continue
        # '... after Congo claimed that Rwandan troops had entered': still a report (the features say background)
        out.append(_clause_event(Reading("ACCUSE", "allege", ("diplomatic",)), "speech:accuse", verb, speakers,
                                 accused, sent, res, ctx))
    return out


def _clause_event(reading: Reading, rule: str, verb: Token, actor: list[ActorSpan], recipient: list[ActorSpan],
                  sent: Span, res: Resolution, ctx: DocContext, *, aux: str | None = None,
                  conditional: bool = False, from_location: bool = False) -> Found:
    """An event read off a whole clause (what a state said of another, an envoy's presence) rather than off a
    lexicon trigger: dated, evidenced and described for the model as a trigger's event is."""
    date, source = event_date(verb, sent, res, ctx)
    evidence = evidence_span(verb, actor + recipient, sent, res)
    features = event_features(
        event=reading.event, mode=reading.mode, rule=rule, pos="verb", token=verb, sent=sent, res=res, actor=actor,
        recipient=recipient, actor_method="parse", from_location=from_location, aux=aux, conditional=conditional,
        date=date, date_source=source, background=is_background(verb), sentence_index=ctx.sentence_index,
        evidence=evidence)
    return Found(reading, actor, recipient, aux, date, source, evidence, rule, "parse", [], verb.i, features)


# 'the vote had no legitimacy': what an act is said to lack
ABSENT_VIRTUES = frozenset({"legitimacy", "justification", "basis", "credibility", "validity", "grounds"})
JUDGING_SPEECH = frozenset({"say", "tell", "add", "write", "state", "reply", "declare", "insist", "argue",
                            "complain", "warn", "maintain", "stress"})


def reported_judgements(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'The State Department said Nauru's announcement was disappointing', 'said the vote in Venezuela had no
    legitimacy': a state judging another's act harshly criticises that state (ACCUSE, disapprove), and turns down
    a claim or proposal so judged (REJECT). The judged is the state the act's own words name, else who did the act
    the story told of before."""
    out: list[Found] = []
    for i in range(sent.start, sent.end):
        if res.pos[i] != "VERB":
            continue
        verb = sent.doc[i]
        judged = _judged(verb, res.lemmas[i])
        if judged is None or _negated(verb):
            continue
        subj, passive = A.subject(verb)
        if subj is None or passive:
            continue
        speakers = [s for s in A.np_actors(subj, res) if s.states]
        target = _without([s for s in A.np_actors(judged, res, deep=True) if s.states], speakers) \
            or _whose_act(judged, speakers, sent, ctx)
        if not speakers or not target:
            continue
        reading = Reading("REJECT", None, ("diplomatic",)) if _proposed(judged) \
            else Reading("ACCUSE", "disapprove", ("diplomatic",))
        out.append(_clause_event(reading, "speech:judge", verb, speakers, target, sent, res, ctx))
    return out


def _whose_act(judged: Token, speakers: list[ActorSpan], sent: Span, ctx: DocContext) -> list[ActorSpan]:
    """'called the accusation fabricated', 'said the deal was a mistake': the act or agreement the story told of
    before, and who did it (or made it), the speakers aside."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in judged.children):
        return []
    lemma = judged.lemma_.lower()
    spoken = _codes_of(speakers)
    doers = ctx.last_deal if lemma in DEAL_NOUNS else ctx.doers_of(ACT_NOUNS_TYPES.get(lemma, ()), spoken)
    return [ActorSpan.from_context(sent[0].i, c, f"who did the {judged.lower_} told before") for c in doers
            if c not in spoken]  # (a deal's parties may include the speakers; doers_of leaves them out already)


def _small_clause(verb: Token) -> Token | None:
    """'called the accusation fabricated', parsed as a clause of its own with no verb of its own ('fabricated'
    over 'the accusation'): that clause."""
    clause = A.child(verb, "ccomp")
    if clause is None or clause.tag_ not in ("VBN", "VBD", "JJ") or A.child(clause, "nsubj") is None \
            or any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children):
        return None
    return clause


def _judged(verb: Token, lemma: str) -> Token | None:
    """What a speaker's words judge harshly: the subject of 'said X was unacceptable' / 'X had no legitimacy';
    None when the words judge nothing so ('called X a provocation' is the describing verbs': _description_reading)."""
    clause = A.child(verb, "ccomp") if lemma in JUDGING_SPEECH else None
    if clause is None or _negated(clause) or A.is_passive(clause):
        return None
    judged = A.child(clause, "nsubj")
    if judged is None or judged.pos_ == "PRON":
        return None
    if clause.lemma_.lower() in ("be", "remain"):
        said = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
        return judged if any(_censures(c) for c in said) else None
    harmed = A.child(clause, "dobj")
    if clause.lemma_.lower() in HARMING_VERBS and harmed is not None and harmed.lemma_.lower() in HARMED_TIES:
        return judged  # 'said the French move would only inflame tensions', '... undermined regional stability'
    if clause.lemma_.lower() == "have":
        lacks = [c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in ABSENT_VIRTUES
                 and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)]
        return judged if lacks else None
    return None


# What an act is said to do when it is judged harmful: 'said the move would inflame tensions'
HARMING_VERBS = frozenset({"inflame", "undermine", "damage", "harm", "hurt", "destabilize", "destabilise",
                           "jeopardize", "jeopardise", "endanger", "poison", "sour", "worsen", "aggravate",
                           "escalate", "sabotage", "derail", "erode"})
# ... what it harms, when the harm is to the relations between states (not 'hurting their farmers')
HARMED_TIES = frozenset({"tension", "relation", "relationship", "tie", "stability", "security", "peace", "process",
                         "talk", "trust", "confidence", "cooperation", "region", "sovereignty", "dialogue",
                         "friendship", "partnership", "effort", "order", "ceasefire", "truce", "goodwill"})


# Who travels for a state: a named person, or one of these
VISITORS = frozenset({"minister", "envoy", "president", "representative", "secretary", "delegation", "leader",
                      "official", "diplomat", "ambassador", "premier", "chancellor", "counterpart", "emissary",
                      "negotiator", "team", "mediator", "chief", "king", "emir", "prince"})


def presence_abroad(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'The Qatari minister was in Moscow on Saturday', 'Sung Kim, the U.S. special representative, was in Beijing
    on Monday': a state's envoy present in another state's capital or country is a visit (CONSULT, visit), as
    'visited Moscow' is; 'is due in Chisinau next week', 'is expected in Damascus on Thursday' announce one."""
    out: list[Found] = []
    for i in range(sent.start, sent.end):
        verb = sent.doc[i]
        presence = _present_in(verb, res.lemmas[i])
        if presence is None:
            continue
        subj, where, announced = presence
        if not (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in VISITORS):
            continue
        visitors = [s for s in A.np_actors(subj, res) if s.states]  # a state's or an organisation's envoy
        hosts = _without([s for _, place in A.prep_objects(where, ("in",)) for s in A.np_actors(place, res)
                          if s.states and s.kind == "state"], visitors)
        if not visitors or not hosts:
            continue
        aux, conditional = modality(verb)  # 'Kim will be in Moscow on 9 May': a visit announced, as 'will visit'
        aux = "future" if announced and aux is None else aux
        reading = adjust_reading(Reading("CONSULT", "visit", ("diplomatic",)), aux, conditional)
        out.append(_clause_event(reading, "presence:visit", verb, visitors, hosts, sent, res, ctx, aux=aux,
                                 conditional=conditional, from_location=True))
    return out


def visitors_received(sent: Span, res: Resolution, ctx: DocContext, found: list[Found]) -> list[Found]:
    """'Blinken assured visiting Australian Foreign Minister Marise Payne', 'Xi met with the visiting Vietnamese
    president': a state's envoy called visiting, whom another state's people receive, talk to or meet, is on a visit
    to that state (CONSULT, visit), as 'Payne visited Washington' is."""
    out: list[Found] = []
    for word in sent:
        if word.lower_ != "visiting":
            continue
        guest, verb = _visiting_guest(word)
        if guest is None or verb is None or verb.pos_ != "VERB" or _negated(verb) \
                or any(f.reading.event == "CONSULT" and f.trigger == verb.i for f in found):
            continue  # 'met with the visiting Vietnamese president': the meeting is already told
        subj, passive = A.subject(verb)
        if subj is None or passive:
            continue
        visitors = [s for s in A.np_actors(guest, res) if s.states and s.kind == "state"]
        hosts = _without([s for s in A.np_actors(subj, res) if s.states and s.kind == "state"], visitors)
        if not visitors or not hosts or {c for s in visitors for c in s.states} & {c for s in hosts for c in s.states}:
            continue
        aux, conditional = modality(verb)
        reading = adjust_reading(Reading("CONSULT", "visit", ("diplomatic",)), aux, conditional)
        out.append(_clause_event(reading, "visiting:visit", verb, visitors, hosts, sent, res, ctx, aux=aux,
                                 conditional=conditional))
    return out


def _visiting_guest(word: Token) -> tuple[Token | None, Token | None]:
    """The guest a 'visiting' describes and the verb whose object the guest is, or (None, None)."""
    if word.dep_ not in ("amod", "compound", "nmod") or not _a_visitor(word.head):
        return None, None
    guest = word.head
    while guest.dep_ in ("compound", "appos") and guest.head.i != guest.i:
        guest = guest.head  # 'visiting Australian Foreign Minister Marise Payne': the name heads the phrase
    if guest.dep_ == "pobj" and guest.head.lower_ in ("with", "to"):
        return guest, guest.head.head  # 'met with the visiting ...', 'spoke to the visiting ...'
    return (guest, guest.head) if guest.dep_ in ("dobj", "dative") else (None, None)


def _a_visitor(noun: Token) -> bool:
    return noun.lemma_.lower() in VISITORS or noun.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.lemma_.lower() in VISITORS for c in noun.children)


# ------------------------------------------------------------------------------------------------ joint actions

# who acts for a state when two states' people do something together
JOINT_AGENTS = frozenset({"official", "officer", "police", "policeman", "troop", "soldier", "force", "guard",
                          "minister", "engineer", "crew", "team", "navy", "delegation", "diplomat", "inspector",
                          "investigator", "expert", "agent", "authority", "army", "military", "coastguard",
                          "counterpart", "leader", "chief", "commander", "sailor", "pilot", "unit", "ranger",
                          "firefighter", "rescuer", "scientist", "technician", "prosecutor", "judge", "negotiator",
                          "warship", "ship", "vessel", "aircraft", "jet", "patrol", "boat", "frigate", "diver",
                          "doctor", "medic", "nurse", "marine", "specialist", "surveyor", "paratrooper", "commando",
                          "infantry", "gendarme", "reservist", "tanker",
                          # professionals two states send to work side by side ('Vietnamese and Cuban agronomists
                          # harvested', 'Angolan and Namibian deminers cleared a minefield')
                          "agronomist", "volcanologist", "geologist", "researcher", "veterinarian", "vet", "deminer",
                          "archaeologist", "hydrologist", "meteorologist", "epidemiologist", "biologist", "forester",
                          "sapper", "astronaut", "plane", "helicopter", "airplane", "staff"})
# what two states' people do that is no cooperation: speech, stance, rivalry, being
NOT_JOINT = frozenset({"say", "tell", "claim", "deny", "accuse", "blame", "remain", "be", "have", "face", "need",
                       "want", "fear", "warn", "believe", "expect", "hope", "disagree", "differ", "clash", "fight",
                       "compete", "argue", "dispute", "trade", "exchange", "lose", "win", "suffer", "die", "kill",
                       "dismiss", "reject", "refuse", "contest", "rival", "oppose", "see", "view", "consider",
                       "regard", "call", "describe", "insist", "maintain", "recall", "cite", "dominate", "control",
                       "hold", "own", "share", "seek", "demand", "criticize", "criticise", "condemn", "shoot",
                       "fire", "attack", "strike", "threaten", "swap", "spar", "monitor", "watch", "observe"})


# what a state may be ready to do that is no offer to the other (a threat is read as such elsewhere)
HOSTILE_READINESS = frozenset({"retaliate", "respond", "strike", "fight", "defend", "attack", "act", "use",
                               "impose", "punish", "hit", "sanction", "block", "destroy", "intervene", "go"})
MEASURES_TAKEN = frozenset({"measure", "step", "action", "countermeasure", "decision"})
OFFER_ADJECTIVES = frozenset({"ready", "willing", "prepared", "open"})


def readiness_offered(sent: Span, res: Resolution, ctx: DocContext, covered: set[int]) -> list[Found]:
    """'Myanmar said it was ready to take back all refugees from Bangladesh', 'Iran is ready to open a new chapter
    with Italy': a state saying it is ready or willing to do something with or for another state offers it (AGREE),
    when the lexicon reads nothing in what it is ready to do."""
    out: list[Found] = []
    for adj in sent:
        if adj.lower_ not in OFFER_ADJECTIVES or adj.dep_ != "acomp" or _negated(adj.head):
            continue
        done = next((c for c in adj.children if c.dep_ == "xcomp" and A.is_infinitive(c)), None)
        if done is None or done.i in covered or done.lemma_.lower() in HOSTILE_READINESS \
                or any(t.i in covered for t in done.subtree) \
                or any(c.dep_ == "dobj" and c.lemma_.lower() in MEASURES_TAKEN for c in done.children):
            continue  # 'ready to take further measures': a threat, read elsewhere
        subj, passive = A.subject(adj.head)
        if subj is None or passive:
            continue
        ready = [s for s in A.np_actors(subj, res) if s.states] or [
            s for s in _pronoun_or_generic(subj, res, ctx)[0] if s.states]
        partners = _without([s for c in done.children if c.dep_ in ("dobj", "prep", "dative")
                             for s in A.np_actors(c, res, deep=True) if s.states], ready)
        if ready and partners:
            out.append(_clause_event(Reading("AGREE", None, ("diplomatic",)), "adj:ready", adj, ready[:1],
                                     partners[:1], sent, res, ctx))
    return out


def deals_told_made(sent: Span, res: Resolution, ctx: DocContext, made: set[int]) -> list[Found]:
    """'the accord signed in Antofagasta two days earlier', 'the Itaipu accord reached with Brazil this week', 'the
    bridge deal the two governments reached this week': a deal the sentence tells was made, by no state its own
    clause names, is an agreement between the two states the sentence names (AGREE), on the day of its making."""
    states = [a for a in res.actors_in(sent) if a.kind == "state" and len(a.states) == 1]
    codes = list(dict.fromkeys(a.states[0] for a in states))
    if len(codes) != 2:
        return []
    out: list[Found] = []
    for verb in sent:
        deal = verb.head
        if verb.i in made or deal.i in made or verb.lemma_.lower() not in DEAL_MADE \
                or deal.lemma_.lower() not in DEAL_NOUNS or A.agent(verb) is not None \
                or not ((verb.dep_ == "acl" and verb.tag_ == "VBN") or verb.dep_ == "relcl") or _negated(verb):
            continue
        subj = A.child(verb, "nsubj", "nsubjpass")
        if subj is not None and (subj.tag_ in ("WDT", "WP") or any(s.states for s in A.np_actors(subj, res))):
            continue  # 'the deal that Russia and Ukraine signed': its makers are read as any verb's
        sides = [o for h in (verb, deal) for c in h.children if c.dep_ in ("prep", "agent")
                 and c.lower_ in ("with", "between", "by") for p in c.children if p.dep_ == "pobj"
                 for o in (p, *(j for j in p.children if j.dep_ == "conj"))]
        side_states = [[c for s in A.np_actors(o, res) for c in s.states] for o in sides]
        if not all(side_states):
            continue  # 'a deal reached between Kabila's camp and the opposition': its makers are told, no states
        partner = next((c for found in side_states for c in found if c in codes), None)
        first = next(a for a in states if a.states[0] != partner) if partner else states[0]
        second = next(a for a in states if a.states[0] != first.states[0])
        out.append(_clause_event(Reading("AGREE", None, ("diplomatic",)), "told:deal made", verb, [first],
                                 [second], sent, res, ctx))
    return out


def _named_only_as_a_border(sent: Span, res: Resolution) -> set[str]:
    """The states the sentence names only to say where a place is ('a range 30 kilometres from the border with
    North Korea', 'a town on the frontier with Laos'): as far as who acted goes, the sentence does not name them."""
    told: dict[str, bool] = {}
    for mention in res.actors_in(sent):
        head = sent.doc[mention.end - 1]
        phrase = head
        while phrase.dep_ in ("poss", "compound") and phrase.head.i != phrase.i:
            phrase = phrase.head  # 'the border with Russia's Kaliningrad region'
        prep = phrase.head if phrase.dep_ == "pobj" else None
        where = prep is not None and prep.dep_ == "prep" and prep.lower_ in ("with", "from", "of") \
            and (prep.head.lemma_.lower() in A.BORDER_WORDS or prep.head.lemma_.lower() in A.DISTANCE_WORDS)
        described = head
        while described.dep_ == "conj" and described.head.i != described.i:
            described = described.head  # 'near the Zambian and Tanzanian borders'
        where = where or (described.dep_ in ("amod", "compound", "nmod") and mention.type == "demonym"
                          and described.head.lemma_.lower() in A.BORDER_WORDS)
        for code in mention.states:
            told[code] = told.get(code, True) and where
    return {code for code, only in told.items() if only}


def joint_actions(sent: Span, res: Resolution, ctx: DocContext, covered: set[int]) -> list[Found]:
    """'Ecuadorian and Colombian police dismantled a cocaine laboratory', 'Chinese and Myanmar officers inspected a
    reopened border gate': the people of two states doing a thing together (a verb with an object and no reading of
    its own) cooperate (COOPERATE), one record with all of them (guidelines: states acting together)."""
    out: list[Found] = []
    for verb in sent:
        frame = _begun(verb)  # 'started patrolling together': the beginning carries the subject and the clause
        together = _said_to_be_done_together(verb)  # said so, it may be told in a clause of time ('as ...')
        clauses = ("ROOT", "conj", "ccomp", "advcl") if together else ("ROOT", "conj", "ccomp")
        if verb.i in covered or verb.pos_ != "VERB" or frame.dep_ not in clauses \
                or (verb.lemma_.lower() in NOT_JOINT and not _fire_fought(verb)) or verb.lemma_.lower() in SAYING \
                or _negated(frame) or A.is_passive(verb):
            continue
        done = A.child(verb, "dobj")
        if done is None and not _said_to_be_done_together(verb):
            continue  # 'warships set off together': said to be done together, it needs no object
        subj, _ = A.subject(frame)
        beside = [o for _p, o in A.prep_objects(verb, ("alongside",)) if _joint_agent(o)]
        if subj is None or subj.dep_ != "nsubj" or not _joint_agent(subj) \
                or not (_coordinated(subj) or beside) \
                or (done is not None and any(t.i in covered for t in done.subtree)):
            continue  # 'began indirect talks', 'began the annual exercise': the talks or the exercise is the event
        parties = [s for s in A.np_actors(subj, res) if s.states and s.kind == "state"]
        # 'Latvian infantry were clearing mock villages alongside Canadian tank crews': those beside them too
        parties += [s for o in beside for s in A.np_actors(o, res) if s.states and s.kind == "state"]
        codes = {c for s in parties for c in s.states}
        if len(codes) < 2 or any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "'ll")
                                 for c in frame.children):
            continue  # 'US and British forces must ensure security': what they should do, not what they did
        if res.states_in(sent) - codes - _named_only_as_a_border(sent, res) and not together:
            continue  # 'rescue teams from China and India searched buildings in Mandalay, ... central Myanmar':
            # done for or to a third state, which a reading of its own tells
        aux, conditional = modality(frame)
        reading = adjust_reading(Reading("COOPERATE", None, ()), aux, conditional)
        out.append(_clause_event(reading, "joint:act", frame, parties, [], sent, res, ctx, aux=aux,
                                 conditional=conditional))
    return out


# Work a state's people do on another state's ground for it: 'Egyptian engineers began repairing two power stations in
# Sudan's River Nile state', 'US Navy engineers began repairing a causeway in Micronesia's Chuuk state'
WORK_FOR_OTHERS = frozenset({"repair", "rebuild", "build", "construct", "lay", "dredge", "vaccinate", "demine",
                             "install", "upgrade", "restore", "renovate", "pump", "reconstruct", "refurbish"})
WORKERS = frozenset({"engineer", "doctor", "medic", "nurse", "surgeon", "firefighter", "technician", "expert",
                     "specialist", "vet", "veterinarian", "builder", "deminer", "sapper", "worker", "team"})


def work_done_abroad(sent: Span, res: Resolution, ctx: DocContext, covered: set[int]) -> list[Found]:
    """'Egyptian engineers began repairing two power stations in Sudan's River Nile state', 'Polish firefighters
    began pumping floodwater out of towns in the Czech Republic's Moravian-Silesian region': a state's engineers,
    doctors or firefighters working in another state it names help that state (AID). A third state's work only:
    'Tanzanian and Zambian engineers ... in Zambia' is the two working together."""
    out: list[Found] = []
    for verb in sent:
        frame = _begun(verb)
        if verb.i in covered or verb.pos_ != "VERB" or verb.lemma_.lower() not in WORK_FOR_OTHERS \
                or frame.dep_ not in ("ROOT", "conj", "ccomp") or _negated(frame) or A.is_passive(verb):
            continue
        subj, _ = A.subject(frame)
        if subj is None or subj.dep_ != "nsubj" or subj.lemma_.lower() not in WORKERS:
            continue
        doers = [s for s in A.np_actors(subj, res) if s.states and s.kind == "state"]
        codes = _codes_of(doers)
        hosts = [s for place in _places_worked_in(verb) for s in A.np_actors(place, res)
                 if s.states and s.kind == "state" and not set(s.states) & codes]
        if not doers or not hosts or any(c.dep_ == "aux" and c.tag_ == "MD" for c in frame.children):
            continue
        aux, conditional = modality(frame)
        reading = adjust_reading(Reading("AID", None, ()), aux, conditional)
        out.append(_clause_event(reading, "abroad:work", frame, doers, hosts[:1], sent, res, ctx, aux=aux,
                                 conditional=conditional))
    return out


EXERCISED = frozenset({"COOPERATE", "ASSAULT", "COERCE", "MOBILIZE"})
EXERCISE_NOUNS = frozenset({"exercise", "exercises", "drill", "drills", "manoeuvre", "manoeuvres", "maneuver",
                            "maneuvers", "wargame", "wargames"})


def exercise_partners(sent: Span, res: Resolution, ctx: DocContext, found: list[Found]) -> list[Found]:
    """'Finnish armoured vehicles crossed into Haparanda ..., halfway through the exercise with Swedish forces',
    'Norwegian ski troops reached the ranges outside Boden, two days into the winter drills with Sweden's army': a
    state's forces acting during an exercise with another state's are the two exercising together (COOPERATE),
    when the sentence reads no act of them together already."""
    out: list[Found] = []
    for noun in sent:
        if noun.pos_ != "NOUN" or (noun.lemma_.lower() not in EXERCISE_NOUNS and noun.lower_ not in EXERCISE_NOUNS):
            continue
        partners = [s for _p, o in A.prep_objects(noun, ("with",)) for s in A.np_actors(o, res)
                    if s.states and s.kind == "state" and s.method != "context"]
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)  # ('..., the third day of')
        if not partners or verb is None or verb.dep_ not in ("ROOT", "conj", "ccomp") or _negated(verb):
            continue
        subj, passive = A.subject(verb)
        doers = _without([s for s in A.np_actors(subj, res) if s.states and s.kind == "state"
                          and s.method != "context"], partners) if subj is not None and not passive else []
        codes = _codes_of(doers) | _codes_of(partners)
        if not doers or len(codes) < 2 or any(
                f.reading.event in EXERCISED and codes <= _codes_of(f.actor) | _codes_of(f.recipient) for f in found):
            continue  # (force the parties used on each other during it is read as the exercise itself, later)
        aux, conditional = modality(verb)
        if aux is not None:
            continue  # 'will join the drills with ...': the exercise itself, told elsewhere, is the event
        reading = Reading("COOPERATE", None, ("military",))
        out.append(_clause_event(reading, "exercise:partners", verb, doers + partners, [], sent, res, ctx))
    return out


def _places_worked_in(verb: Token) -> list[Token]:
    """The objects of the 'in' phrases of a clause, in its objects and their phrases too ('pumping floodwater out of
    towns in the Czech Republic's Moravian-Silesian region', 'a stretch of the White Nile in South Sudan's Jonglei
    state'), not in a clause of their own."""
    found, stack = [], [c for c in verb.children if c.dep_ in ("dobj", "prep", "prt")]
    while stack:
        t = stack.pop()
        if t.dep_ == "pobj" and t.head.lower_ == "in":
            found.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("dobj", "prep", "pobj", "prt"))
    return found


BEGINNING_VERBS = frozenset({"start", "begin", "resume", "practise", "practice", "rehearse"})


def _begun(verb: Token) -> Token:
    """The verb that tells a clause's time and subject: 'began' for 'began checking lorries jointly'."""
    if verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VB") and verb.head.lemma_.lower() in BEGINNING_VERBS:
        return verb.head
    return verb


def _said_to_be_done_together(verb: Token) -> bool:
    """'set off together', 'patrolled jointly'."""
    return any(c.dep_ == "advmod" and c.lower_ in ("together", "jointly") for c in verb.children)


REHEARSING = frozenset({"rehearse", "practise", "practice", "simulate", "drill"})


def _rehearsals_above(token: Token) -> list[Token]:
    """The clauses of rehearsing or simulating a word stands in ('to rehearse holding the gap against ...')."""
    return [a for a in token.ancestors
            if a.lemma_.lower() in REHEARSING and a.dep_ in ("advcl", "xcomp", "acl", "relcl")]


def _rehearsed(noun: Token) -> bool:
    """An act named in what drills rehearse or simulate ('to rehearse holding the Suwałki gap against an attack
    from Belarus', 'drills simulating an invasion'): staged, not done."""
    return any(a.pos_ == "VERB" for a in _rehearsals_above(noun))


def _in_what_it_rehearses(token: Token, trigger: Token) -> bool:
    """'began a joint exercise near Orzysz to rehearse holding the gap against an attack from Belarus': a state named
    in what an exercise rehearses is no one the exercising states act on."""
    return any(a.i > trigger.i for a in _rehearsals_above(token))


def _hosted_among_the_visitors(trig: Trigger, roles: Roles, res: Resolution) -> Roles | None:
    """Officials of several states visiting a place in one of them, with no one else visited: the others visit,
    the state of the place is their host."""
    visitors = _codes_of(roles.actor)
    if len(visitors) < 2 or _codes_of(roles.recipient) - visitors:
        return None
    found = _city_or_region(trig, res, (tuple(sorted(visitors)),))
    if found is None or found[1] not in visitors:
        return None
    host = found[1]
    return replace(roles, actor=[s for s in roles.actor if host not in s.states],
                   recipient=[s for s in roles.actor if host in s.states])


FIRES = frozenset({"fire", "wildfire", "blaze", "bushfire", "flame", "inferno"})


def _fire_fought(verb: Token) -> bool:
    """'fought a forest fire together', 'battled a forest blaze': fighting a fire is no fight between those doing
    it."""
    obj = A.child(verb, "dobj")
    return verb.lemma_.lower() in ("fight", "battle", "combat", "tackle") and obj is not None \
        and obj.lemma_.lower() in FIRES


def _joint_agent(subj: Token) -> bool:
    """People of states who act ('engineers'), or a demonym the parser made the head of a list of them ('Angolan
    and Namibian veterinary teams')."""
    return subj.lemma_.lower() in JOINT_AGENTS or any(
        c.dep_ == "conj" and c.lemma_.lower() in JOINT_AGENTS for c in subj.children)


def _coordinated(noun: Token) -> bool:
    """'Thai and Lao engineers', 'Peruvian and Bolivian police', 'officials of Chad and Niger': a noun whose
    modifiers (or the noun itself) are joined by 'and' (the tagger hangs 'Thai' as amod, compound or nmod)."""
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("amod", "compound", "nmod")]
    modifiers += [o for _p, o in A.prep_objects(noun, ("of", "from"))]
    # ('Zambian and Botswanan customs officers': the second demonym hung on the noun, the 'and' on the first)
    return any(c.dep_ == "conj" or (c.dep_ == "cc" and t is not noun) for t in (noun, *modifiers) for c in t.children)


# the forms, not lemmas: the model's rule lemmatizer makes 'hoped' 'hop'
HOPING = frozenset({"hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing", "trust", "trusts",
                    "trusted", "trusting", "expect", "expects", "expected", "expecting"})
WOULD = frozenset({"would", "will", "could", "can", "'d", "'ll"})


def hoped_for(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'Washington hoped India would reconsider', 'the State Department said it hoped Georgia's leaders would
    reconsider the draft law': a state hoping another will act asks it to (REQUEST)."""
    out: list[Found] = []
    for i in range(sent.start, sent.end):
        verb = sent.doc[i]
        if verb.pos_ != "VERB" or verb.lower_ not in HOPING or _negated(verb) or A.is_passive(verb):
            continue
        clause = A.child(verb, "ccomp")
        doer = A.child(clause, "nsubj") if clause is not None else None
        if clause is None or doer is None or doer.pos_ == "PRON" \
                or not any(c.dep_ == "aux" and c.lower_ in WOULD for c in clause.children):
            continue
        subj = A.subject(verb)[0]
        if subj is not None and subj.pos_ == "PRON" and verb.dep_ == "ccomp":
            subj = A.subject(verb.head)[0]  # 'the State Department said it hoped ...'
        speakers = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
        asked = _without([s for s in A.np_actors(doer, res) if s.states], speakers)
        if not speakers or not asked:
            continue
        out.append(_clause_event(Reading("REQUEST", None, ("diplomatic",)), "speech:hope", verb, speakers, asked,
                                 sent, res, ctx))
    return out


TELLING = frozenset({"tell", "assure", "inform", "brief", "urge", "ask", "warn", "thank"})
# a room a state's leader receives visitors in: who is told something there is met in person
RECEIVING_ROOMS = frozenset({"office", "palace", "residence", "house", "kremlin", "ministry", "headquarters",
                             "summit", "meeting", "talks", "sidelines", "margins"})


def told_in_person(sent: Span, res: Resolution, ctx: DocContext) -> list[Found]:
    """'King Abdullah told Antony Blinken in Amman on Friday', 'Carney told Trump in the Oval Office': one
    leader telling another something in a named city or room met them (CONSULT), whatever was said (the saying
    is read on its own: a demand, a refusal)."""
    out: list[Found] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in TELLING or _negated(verb) or A.is_passive(verb) \
                or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            continue
        hearer = A.child(verb, "dobj", "dative")
        subj, _ = A.subject(verb)
        if hearer is None or subj is None or not _met_somewhere(verb, res):
            continue
        speakers = [s for s in A.np_actors(subj, res) if s.states and s.kind == "state"]
        heard = _without([s for s in A.np_actors(hearer, res) if s.states and s.kind == "state"], speakers)
        if not speakers or not heard or not _names_a_person(hearer, res) and not _names_a_person(subj, res):
            continue
        out.append(_clause_event(Reading("CONSULT", None, ("diplomatic",)), "speech:told-in-person", verb,
                                 speakers, heard, sent, res, ctx))
    return out


def _met_somewhere(verb: Token, res: Resolution) -> bool:
    """The verb has an 'in' or 'at' of a city or of a room leaders receive in ('in Amman', 'at the Kremlin')."""
    for _prep, place in A.prep_objects(verb, ("in", "at")):
        if any(s.type in CITY_TYPES for s in A.np_actors(place, res)):
            return True
        if place.lemma_.lower() in RECEIVING_ROOMS and place.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _present_in(verb: Token, lemma: str) -> tuple[Token, Token, bool] | None:
    """(who, the word its 'in' hangs on, announced) for 'X was in Moscow', 'X is due in Chisinau', 'X is expected
    in Damascus'; None for anything else ('X was in a good mood' has no state in it, which the caller finds)."""
    if verb.dep_ not in ("ROOT", "conj", "ccomp") or _negated(verb):
        return None
    if lemma == "be":
        due = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
        if due is None and A.child(verb, "acomp", "attr") is not None:
            return None
        subj = A.child(verb, "nsubj")
        where = due if due is not None and A.prep_objects(due, ("in",)) else verb
        return (subj, where, due is not None) if subj is not None else None
    if lemma == "expect" and A.is_passive(verb) and (subj := A.child(verb, "nsubjpass")) is not None:
        return subj, verb, True
    return None


# What is put forward to be accepted: judged harshly, it is turned down (REJECT), not an act criticised.
JUDGED_PROPOSALS = frozenset({
    "claim", "allegation", "accusation", "charge", "assertion", "proposal", "plan", "offer", "text", "draft",
    "demand", "request", "condition", "term", "initiative", "idea", "suggestion", "resolution", "ultimatum",
    "proposition"})


def _proposed(judged: Token) -> bool:
    """'China's claims had no basis', 'the text remained unacceptable': a claim or proposal judged."""
    return judged.lemma_.lower() in JUDGED_PROPOSALS


def _landed_with(verb: Token, aid_words: frozenset[str]) -> bool:
    """'landed in Labasa on Thursday with 12 tonnes of food, water containers and tarpaulins': aid brought."""
    return any(t.lemma_.lower() in aid_words or t.lower_ in aid_words
               for _prep, cargo in A.prep_objects(verb, ("with",)) for t in cargo.subtree)


def _carrying(verb: Token) -> bool:
    """Whether what arrives is described as carrying something ('an air force transport carrying water
    purification units landed at Nadi'): a delivery, which the carrying tells, not a deployment."""
    subj = A.subject(verb)[0]
    return subj is not None and any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("carry", "bring", "transport")
                                    for c in subj.children)


def _names_something(verb: Token) -> bool:
    """'called Russia's moves a campaign of pressure' (the parser hangs the second noun on the first), 'called the
    accusation fabricated' (a clause of its own): a describing verb's predicate the parser did not mark as one."""
    if verb.lemma_.lower() not in DESCRIBING_VERBS:
        return False
    named = A.child(verb, "dobj")
    if named is None:
        return _small_clause(verb) is not None
    # 'called the strike that killed Soleimani an act of terrorism': the predicate hung as a second object of the
    # relative clause
    told = [c for c in named.children if c.dep_ == "relcl"]
    return any(c.dep_ in ("dobj", "appos") and c.i > named.i and c.pos_ == "NOUN" for c in named.children) or any(
        len([o for o in r.children if o.dep_ == "dobj"]) >= 2 for r in told)


def _censures(said: Token) -> bool:
    """A predicate that judges harshly: 'unacceptable', 'a politically motivated exercise', 'a grave violation'."""
    words = A.walk(said, A.NP_CORE | A.NP_PREPS | {"advmod", "acomp"})
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & CENSURE_WORDS:
        return True
    return any(t.lower_ == "motivated" and any(c.lower_ == "politically" for c in t.children) for t in words)


def _single_sentence(sent: Span) -> bool:
    return sent.start == 0 and sent.end == len(sent.doc)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _wrongdoing(clause: Token) -> bool:
    """A clause that tells of a wrong: 'had committed grave abuses', 'violated the ceasefire', 'crossed into its
    airspace', 'was behind the attack', 'may amount to crimes against humanity'."""
    lemma = clause.lemma_.lower()
    objects = [c for c in clause.children if c.dep_ in ("dobj", "attr")] + [
        o for _, o in A.prep_objects(clause, ("into", "to", "across", "over"))]
    words = {o.lemma_.lower() for o in objects}
    if lemma in WRONGDOING_VERBS:
        return True
    if lemma in ("commit", "perpetrate", "amount") and words & WRONGS:
        return True
    if lemma in ("cross", "enter", "fly") and words & CROSSED:
        return True
    if lemma in ("enter", "cross") and (doer := A.child(clause, "nsubj")) is not None \
            and doer.lemma_.lower() in FORCES:  # 'Rwandan troops had entered North Kivu': an incursion
        return True
    return lemma == "be" and (any(c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children) or any(
        c.dep_ == "acomp" and c.lower_ == "responsible" for c in clause.children))


def _blamed(clause: Token) -> bool:
    """'X was responsible for', 'X was behind': blame with no act of its own told."""
    return clause.lemma_.lower() == "be" and _wrongdoing(clause)


def _blame_said_likely(clause: Token) -> Token | None:
    """'it was highly likely that Russia was responsible': the blame inside a judgement of likelihood."""
    if clause.lemma_.lower() != "be":
        return None
    judged = [clause, *(c for c in clause.children if c.dep_ == "acomp")]
    inner = next((c for j in judged for c in j.children if c.dep_ == "ccomp"), None)
    return inner if inner is not None and _blamed(inner) else None


def merge_within_sentence(found: list[Found], sent: Span | None = None) -> list[Found]:
    """'launched rocket fire against X, killing or wounding 50': one attack, not three. Events of one type and
    one actor in a sentence merge when one names no recipient or both name the same ones, unless each has a
    clause and a subject of its own ('New Delhi would invest ... and India will cooperate ...': two pledges)."""
    out: list[Found] = []
    for f in found:
        twin = next((o for o in out if _mergeable(o, f) and not _own_clauses(o, f, sent)), None)
        if twin is None:
            out.append(f)
            continue
        keep = twin if len(twin.recipient) >= len(f.recipient) else f
        start = min(twin.evidence[0], f.evidence[0])
        end = max(twin.evidence[1], f.evidence[1])
        # the date a clause gives beats one guessed ('landed in Adana on Tuesday as New Delhi stepped up its aid')
        dated = min((twin, f), key=lambda m: (m.date is None, DATE_SOURCE_RANK.get(m.date_source, 9), m is not keep))
        merged = Found(keep.reading, keep.actor, keep.recipient, keep.aux, dated.date, dated.date_source,
                       (start, end), keep.rule, keep.actor_method, keep.orgs, keep.trigger,
                       {**keep.features, "merged_in_sentence": 1.0})
        out[out.index(twin)] = merged
    return out


# how much a date's source says, best first: a date in the event's clause, in its sentence, carried from the
# story, the week of an undated news report (merges keep the best)
DATE_SOURCE_RANK = {"clause": 0, "sentence": 1, "context": 2, "before": 3, "recent": 3}


def _own_clauses(a: Found, b: Found, sent: Span | None) -> bool:
    """Whether two events' triggers head different clauses that each name their own subject."""
    if sent is None or a.trigger < 0 or b.trigger < 0:
        return False
    doc = sent.doc
    heads = [A.clause_head(doc[a.trigger]), A.clause_head(doc[b.trigger])]
    if heads[0].i == heads[1].i:
        return False
    return all(A.child(h, "nsubj", "nsubjpass") is not None for h in heads)


def _window_ending_on(a: DateRef, b: DateRef) -> bool:
    """Whether one date is the days up to the other, a day ('sentenced X on Monday after convicting him': what an
    'after' clause tells took place in the week up to Monday), not another date the text gives ('on Sunday, after
    exchanging letters late last month')."""
    for window, day in ((a, b), (b, a)):
        if "/" in window.value and "/" not in day.value and len(day.value) == 10 \
                and window.value.partition("/")[2] == day.value:
            return True
    return False


def _mergeable(a: Found, b: Found) -> bool:
    if a.reading.event != b.reading.event or a.aux != b.aux or "list:" in a.rule + b.rule:
        return False
    if a.reading.event in SEVERAL_KINDS and None not in (a.reading.mode, b.reading.mode) \
            and a.reading.mode != b.reading.mode:
        return False  # 'was cutting ties with Iran and expelling its ambassador': two sanctions of their own kinds
    if a.date_source == b.date_source == "clause" and a.date is not None and b.date is not None \
            and a.date.value != b.date.value and not _window_ending_on(a.date, b.date):
        return False  # 'bombed Aleppo on Monday and on Wednesday hit Idlib': two strikes, each on its day (but
        # 'sentenced X on Monday after convicting him': the week before Monday holds Monday's conviction)
    if {c for s in a.actor for c in s.states} != {c for s in b.actor for c in s.states}:
        return False
    ra = {c for s in a.recipient for c in s.states}
    rb = {c for s in b.recipient for c in s.states}
    return ra == rb or not ra or not rb


# types whose modes name different acts, each a record of its own when told together
SEVERAL_KINDS = frozenset({"SANCTION"})


# ------------------------------------------------------------------------------------------------ triggers

BACKGROUND_MARKS = frozenset({"after", "following", "because", "since", "despite", "amid", "as", "before", "when",
                              "while", "over", "until", "where", "whom", "which", "who", "if", "unless", "so",
                              "once", "though", "although"})


def _where_next(clause: Token) -> bool:
    """'travelled to Cairo, where he met X': the next step of the same story, not background (unless it is
    past perfect: 'the city where he had studied')."""
    return (clause.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children)
            and not _past_perfect(clause))


def _past_perfect(verb: Token) -> bool:
    """'had signed': told as before the story's time."""
    return any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children)


def _dates_of_statement_made_in(verb: Token, res: Resolution) -> list[DateRef]:
    """The date of the text a verbal act was made in, told in an opening phrase: 'In a joint statement issued at
    their meeting in July, Tokyo and Washington shared concerns ...', 'In a statement released on Monday, ...'."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for _, text in A.prep_objects(verb, ("in", "through", "via")):
        if text.lemma_.lower() not in DOCUMENTS:
            continue
        for made in (c for c in text.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            found = _plain_dates(list(made.subtree), res)
            if found:
                return found
    return []


def _after_publication(date: DateRef, res: Resolution) -> bool:
    """Whether a date begins after the story's publication day (a plan or a target, never a thing already done)."""
    return res.published is not None and next(iter_bounds(date.value)) > res.published


def _after_clause_of(token: Token) -> Token | None:
    """The clause an 'after' clause is told after ('..., after Beijing eased its ban', 'announced the deal on
    Wednesday after speaking by phone with To Lam'): its governing clause."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ == "pcomp" and token.head.lower_ == "after" \
            and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return A.clause_head(token.head.head)
    clause = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    while clause is not None and clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head  # 'after Ontario's leader said he is adding a levy': what was said came before too;
        # 'after Russian forces fired on and captured three vessels': each verb of the clause
    if clause is None or clause.pos_ not in ("VERB", "AUX") or clause.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children):
        return None
    return A.clause_head(clause.head)


SIMULTANEOUS_MARKS = frozenset({"while", "when", "as", "where"})


PARTICLE_ADVERBS = frozenset({"back", "off", "out", "up", "down", "in"})


def _envoy_called_in(verb: Token) -> Token | None:
    """The envoy after a particle 'in' the parser made a preposition ('called in Russia's ambassador')."""
    return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == verb.i + 1
                 for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ENVOYS), None)


def _particle_of(verb: Token) -> str | None:
    """A verb's particle: 'called off', or an adverb the parser did not mark as one right after the verb ('pushed
    back some 2,000 refugees')."""
    marked = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if marked is not None or verb.pos_ != "VERB":
        return marked
    if _envoy_called_in(verb) is not None:
        return "in"  # 'called in Russia's ambassador': the parser made the particle a preposition
    return next((c.lower_ for c in verb.children if c.dep_ == "advmod" and c.i == verb.i + 1
                 and c.lower_ in PARTICLE_ADVERBS), None)


def _simultaneous_with(token: Token) -> Token | None:
    """The clause an undated event happened at the same time as: a 'while'/'when' clause ('accused X on Tuesday,
    while Beijing blamed Y'; 'a dispute on Monday, when Belarus ordered ...') or the participle of a document
    ('issued a statement on Wednesday condemning the strikes') shares its governing clause's date."""
    t = token  # an event noun under such a clause ('condemning the missile strikes') may be older
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ == "for":
        t = A.clause_head(t)  # 'while Borrell was in the Russian capital for talks': the talks of that clause
    elif t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SIMULTANEOUS_MARKS for c in t.head.children):
        t = t.head  # 'landed in Adana on Tuesday as New Delhi stepped up its earthquake aid': the aid of that clause
    if t is None or t.pos_ not in ("VERB", "AUX"):
        return None
    marks = {c.lower_ for c in t.children if c.dep_ in ("mark", "advmod")}
    if t.dep_ in ("advcl", "relcl") and marks & SIMULTANEOUS_MARKS:
        return A.clause_head(t.head)
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.lemma_.lower() in DOCUMENTS:
        return A.clause_head(t.head)
    if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in t.head.children):
        return A.clause_head(t.head)  # 'passed a law in Dublin on Wednesday banning imports': the law's participle
    if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "by" and t.head.head.pos_ in ("VERB", "AUX"):
        return A.clause_head(t.head.head)  # 'hit back on Thursday by closing its airspace': the means, that day
    if t.dep_ in ("acl", "relcl") and A.is_infinitive(t) and t.head.dep_ in ("attr", "oprd") \
            and t.head.head.lemma_.lower() in ("become", "be"):
        return A.clause_head(t.head.head)  # 'on July 3 became the first country to recognize': that day
    return None


def _document_said_in(head: Token) -> Token | None:
    """The clause that issued or signed the document a relative clause tells the content of ('a joint statement in
    which Pyongyang committed to ...', 'a letter in which he demanded ...'): said when the document was."""
    if head.dep_ != "relcl" or (not any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children)
                                and not any(c.lower_ == "which" and c.dep_ == "pobj" for c in head.subtree)):
        return None
    noun = head.head
    governing = A.clause_head(noun.head) if noun.head.i != noun.i else None
    if governing is None or governing.pos_ not in ("VERB", "AUX"):
        return None
    papers = DOCUMENTS | DEAL_NOUNS  # the parser may hang the clause on a date or place after the document
    if noun.lemma_.lower() in papers or any(c.dep_ == "dobj" and c.lemma_.lower() in papers
                                            for c in governing.children):
        return governing
    return None


def _first_conjunct(token: Token) -> Token:
    """The first of a list of coordinated words. A participle the parser joined to a noun of the one before it
    ('declaring an emergency over immigration and fentanyl and imposing duties') is joined to that participle."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if token.tag_ == "VBG" and first.tag_ != "VBG":
        above = [a for a in list(token.ancestors)[:6] if a.tag_ == "VBG"]
        return above[0] if above else first
    return first


def _purpose_of(token: Token) -> Token | None:
    """The clause an infinitive of purpose serves ('arrived on Saturday to help Bolivia', 'flew to Beijing on
    Monday to meet Xi'): what it was done for starts with it."""
    if token.dep_ == "advcl" and token.tag_ == "VB" and token.head.lemma_.lower() in JOURNEYS \
            and not any(c.dep_ == "mark" for c in token.children) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return A.clause_head(token.head)
    return None


# going or sending somewhere, for a purpose said with it (a purpose of words, 'summoned ... to protest', 'pressed
# ... to cut off', is an aim, dated no more than before)
JOURNEYS = frozenset({"arrive", "travel", "fly", "visit", "come", "go", "send", "deploy", "dispatch", "cross",
                      "land", "return", "head", "sail", "move", "enter"})


def is_background(token: Token) -> bool:
    """Is the trigger inside a relative clause, or a clause or phrase giving cause or circumstance?"""
    t = token
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN") and t.pos_ == "VERB":
            if not _where_next(t) and not A.main_verb_under_root_noun(t) and not _finite_verb_hung_on_subject(t) \
                    and not _the_first_to(t):
                return True
        if t.dep_ == "advcl" and (t.tag_ != "VBG" or any(c.dep_ == "mark" for c in t.children)):
            marks = {c.lower_ for c in t.children if c.dep_ in ("mark", "advmod")}
            if marks & BACKGROUND_MARKS or not marks:
                return True
        if t.dep_ == "prep" and t.lower_ in BACKGROUND_MARKS | {"of"} and t.head.lower_ in ("wake", "aftermath"):
            return True
        if t.dep_ == "prep" and t.lower_ in ("after", "following", "despite", "amid", "before", "because", "since"):
            return True
        if t.dep_ == "prep" and t.lower_ == "of" and t.head.lower_ in ("ahead", "because", "regardless"):
            return True  # 'ahead of planned protests, police deployed ...'
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i < t.head.i and _opens_before_subject(t):
            return True  # 'Bowing to weeks of protests, the government dropped ...': the circumstance
        t = t.head
    return False


def _the_first_to(verb: Token) -> bool:
    """'became the first North Korean leader to set foot in the South': the infinitive on 'the first ...' tells
    the news itself, not a circumstance."""
    return verb.dep_ in ("acl", "relcl") and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children) \
        and _told_as_the_first(verb.head)


# 'a move Manila denounced', 'a step the EU condemned': a noun in apposition to the act it names
APPOSED_ACT_NOUNS = frozenset({"move", "step", "decision", "action", "measure", "act", "announcement",
                               "development"})


def _reaction_to_the_main_act(token: Token) -> bool:
    """The trigger is the verb of a relative clause on a noun that names the sentence's main act in apposition
    ('China seized a boat last year, a move Manila denounced as illegal'): a reaction of its own, told with it."""
    noun = token.head
    # 'accused Armenian troops on Wednesday of firing, a claim Yerevan rejected': a denial appended to the claim
    named = APPOSED_ACT_NOUNS | CLAIM_NOUNS | {"assessment"}
    if token.dep_ != "relcl" or token.pos_ != "VERB":
        return False
    if noun.lemma_.lower() not in named:
        # ', an allegation Cotonou dismissed', parsed with the claim as a compound of the denier's name
        subj = A.child(token, "nsubj")
        claim = next((c for c in subj.children if c.dep_ == "compound" and c.lemma_.lower() in named), None) \
            if subj is not None else None
        if claim is None:
            return False
        return claim.i > 1 and claim.doc[claim.i - 2].text == "," and claim.doc[claim.i - 1].lower_ in ("a", "an")
    # after a comma, whatever label the parser gave it (an object, at times)
    after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
    return after_comma and any(c.lower_ in ("a", "an") for c in noun.children)


TRADE_VERBS = frozenset({"buy", "purchase", "import", "export", "sell", "ship"})
TRADE_GOODS = frozenset({"good", "goods", "export", "exports", "import", "imports", "product", "products",
                         "merchandise", "commodity", "commodities"})
FIGURE_WORDS = frozenset({"worth", "percent", "%", "share", "billion", "million", "trillion", "third", "half",
                          "quarter"})


def _warned_of_a_danger(verb: Token, res: Resolution) -> bool:
    """A warning addressed to no one, of something no state does or will do ('warned of a possible IS
    resurgence', 'warned of famine'): a forecast, not a threat or a reproach ('warned of further punitive measures'
    and 'warned of Chinese interference' stay)."""
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children):
        return False
    dangers = [o for _p, o in A.prep_objects(verb, ("of", "about"))]
    dangers += [o for _p, when in A.prep_objects(verb, ("in", "on")) if when.ent_type_ == "DATE"
                for _q, o in A.prep_objects(when, ("of",))]  # 'warned in July of ...': hung on the date
    if not dangers:
        return False
    for danger in dangers:
        words = {t.lemma_.lower() for t in danger.subtree}
        if words & HARM_WORDS or any(s.states for s in A.np_actors(danger, res, deep=True)):
            return False
    return True


def _trade_figure(verb: Token) -> bool:
    """'The United States bought $505.5 billion worth of Chinese goods last year', 'China bought 35 percent of
    all Australian exports': a figure of goods traded is a trade flow, not a purchase agreed or made."""
    obj = A.child(verb, "dobj")
    if obj is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or A.is_infinitive(verb):
        return False  # 'signed deals to buy $2 billion of American goods': a purchase agreed
    words = {t.lower_ for t in obj.subtree} | {t.lemma_.lower() for t in obj.subtree}
    money = any(t.like_num or t.text in ("$", "€", "£") for t in obj.subtree)
    return bool(words & TRADE_GOODS) and (bool(words & FIGURE_WORDS) or money)


def _finite_verb_hung_on_subject(verb: Token) -> bool:
    """'On Tuesday, a senior official, Masaaki Kanai, traveled to Beijing and met ..., but the talks ended': the
    parser hung the finite past verb on its subject as if it were a reduced relative clause; a participle there
    would be tagged VBN, and one with an agent ('the missiles fired by ...') is one."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ in ("nsubj", "nsubjpass")
            and A.agent(verb) is None and verb.i > verb.head.i)


DEADLINE_WORDS = frozenset({"day", "hour", "week", "month", "deadline", "ultimatum"})


def _given_time_to(verb: Token) -> bool:
    """'gave the junta a week to reinstate the president', 'were given 72 hours to leave': the act a deadline
    demands (the demand and any threat beside it are coded from the rest of the sentence)."""
    if verb.dep_ not in ("xcomp", "advcl", "acl", "relcl", "ccomp") or not A.is_infinitive(verb):
        return False
    head = verb.head
    if head.lemma_.lower() in DEADLINE_WORDS:
        head = head.head
    return head.lemma_.lower() == "give" and any(
        c.lemma_.lower() in DEADLINE_WORDS for c in head.children if c.dep_ in ("dobj", "npadvmod", "dative"))


MEETING_WORDS = frozenset({"visit", "summit", "talk", "meeting", "trip", "tour", "conference", "attend", "come",
                           "travel", "forum", "ceremony", "celebration", "parade", "inauguration", "session",
                           "gathering", "congress", "anniversary", "festival", "dialogue"})


def _invited_to_meet(verb: Token) -> bool:
    """'invited his Brazilian counterpart to make a state visit to Jakarta', 'invited Putin to the summit', and an
    invitation to join ('invited six countries to join the bloc', 'was invited to join NATO'): offered, as the
    manual codes an invitation to a state visit."""
    invited = A.child(verb, "dobj")
    skip = {t.i for t in invited.subtree} if invited is not None else set()
    return any(t.lemma_.lower() in MEETING_WORDS | {"join"} for t in verb.subtree if t.i not in skip and t.i != verb.i)


def _carries_a_protest(verb: Token, phrases: dict[int, str], lex: Lexicon) -> bool:
    """A verb whose object is a protest named by a phrase ('launched a hunger strike', 'began a general strike')."""
    obj = A.child(verb, "dobj")
    key = phrases.get(obj.i) if obj is not None else None
    noun = lex.nouns.get(key) if key is not None else None
    return noun is not None and noun.reading.event == "PROTEST"


BAN_NOUNS = frozenset({"ban", "prohibition", "moratorium", "embargo", "restriction", "restrictions", "curb"})


GO_BETWEEN_VERBS = frozenset({"broker", "mediate", "negotiate", "facilitate", "arrange"})


def _what_is_banned(noun: Token) -> bool:
    """'a ban on political demonstrations', 'a moratorium on arms exports': the object of a ban."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("on", "against") \
        and noun.head.head.lemma_.lower() in BAN_NOUNS


def _opens_before_subject(clause: Token) -> bool:
    """A participle clause that opens the sentence, before the main clause's subject."""
    subj = A.child(clause.head, "nsubj", "nsubjpass")
    return subj is not None and clause.i < subj.i


def find_triggers(sent: Span, res: Resolution, lex: Lexicon) -> list[Trigger]:
    phrases = _phrase_heads(sent, res, lex)
    out = []
    doc = sent.doc
    for i in _possible_triggers(sent, res, lex, phrases):
        t = doc[i]
        pred = _predicate_for(t, phrases.get(t.i), lex)
        if pred is None:
            continue
        obj = _object_lemma(t, pred)
        if pred.pos == "verb" and not _verb_applies(t, pred, obj, res):
            continue
        if pred.pos == "verb" and pred.lemma in ("press", "push") and any(
                c.dep_ == "prt" and c.lower_ in ("on", "ahead") for c in t.children):
            continue  # 'forces pressed on with joint war games': going on with something, which is the event
        if pred.pos == "verb" and obj in STRUCK_MANNERS and pred.lemma in ("strike", "hit", "sound"):
            continue  # 'Ruto struck a conciliatory tone', 'struck a balance': a manner of speaking, no blow
        if pred.pos == "verb" and pred.reading.event == "ASSAULT" and _carries_a_protest(t, phrases, lex):
            continue  # 'launched an open-ended hunger strike': the strike is the event, no attack was launched
        if pred.pos == "verb" and pred.reading.event == "REQUEST" and _what_a_protest_demands(t, lex):
            continue  # 'marched in Nairobi to demand the release of activists': the protest is the event
        if pred.pos == "verb" and _no_evidence_given(t):
            continue  # 'Finland had provided no evidence linking Moscow to the incident': a rebuttal, no act
        if pred.pos == "verb" and _given_time_to(t):
            continue  # 'gave Bosnian Serb forces ten days to withdraw': what a deadline demands is not done
        if pred.pos == "verb" and pred.lemma == "help" and (done := A.child(t, "xcomp")) is not None \
                and done.lemma_.lower() in GO_BETWEEN_VERBS:
            continue  # 'China helped broker the deal': the help is the brokering, an event of its own
        if pred.pos == "verb" and pred.lemma in WARNINGS and _warned_of_a_danger(t, res):
            continue  # 'officials warned in July of a possible IS resurgence': a forecast addressed to no one
        if pred.pos == "verb" and pred.lemma in TRADE_VERBS and _trade_figure(t):
            continue  # 'bought $54.6 billion worth of Japanese goods last year': a trade flow (a measure), no act
        if pred.pos == "noun" and not _noun_applies(t, pred, phrases.get(t.i) is not None):
            continue
        if pred.pos == "noun" and t.dep_ == "dobj" and t.head.lemma_.lower() in ESCAPED_FROM \
                and not any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG")
                            for c in t.children):
            continue  # 'families who fled the fighting in Darfur': a war people escape, no act of the story's
        if pred.pos == "noun" and t.dep_ == "compound" and t.head.lemma_.lower() in CASES_AT_LAW:
            continue  # 'the genocide suit South Africa brought against Israel': the case is told, not the act
        if pred.pos == "noun" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            continue  # 'posed no threat to any country', 'no talks were held': none happened
        if pred.pos == "noun" and _the_description(t):
            continue  # 'called the U.S. tariffs an unacceptable attack': what the act is called, no attack
        if pred.pos == "noun" and _characterised(t):
            continue  # 'calling the arrests arbitrary', 'calling their arrest a provocation': an act told before
        if pred.pos == "noun" and _framing(t, pred, lex):
            continue  # 'handed over records under a mutual legal assistance agreement': the act's frame, no pledge
        if pred.pos == "noun" and _what_is_banned(t):
            continue  # 'a three-year ban on political demonstrations': what a ban forbids did not happen
        if pred.pos == "noun" and _topic_of_talks(t, lex):
            continue  # 'discussed the prospects for peace talks', 'spoke about a ceasefire': what was talked about
        if pred.pos == "noun" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in A.OCCASIONS:
            continue  # 'on the sidelines of the G20 meeting': the occasion, not an event of these parties
        if pred.pos == "noun" and t.head.lower_ == "of" and t.head.head.lemma_.lower() == "anniversary":
            continue  # 'the fourth anniversary of the full-scale invasion of Ukraine': a date, the act long past
        reading = lex.reading_for_object(pred, obj if pred.pos == "verb" else _of_lemma(t), _object_keys(t, pred))
        particle = _particle_of(t)
        reading = pred.by_particle.get(particle, reading) if particle else reading
        if particle == "out" and pred.lemma == "call":  # 'called out the army', but 'called out China for ...'
            reading = Reading("MOBILIZE", "troops", ("military",)) if obj in lex.classes.get("troops", frozenset()) \
                or obj in ("police", "military", "guard") else Reading("ACCUSE", "disapprove", reading.context)
        pushed = A.child(t, "dobj") if pred.lemma == "push" else None  # 'pushed several kilometres into Kursk'
        if pred.lemma == "push" and particle == "back" and pushed is None and A.prep_objects(t, ("against", "on")):
            reading = Reading("REJECT", None, reading.context)  # 'pushed back against a U.S. decision': resisted
        if pred.pos == "verb" and pred.lemma == "push" and not particle and A.prep_objects(t, ("into",)) \
                and A.child(t, "xcomp", "ccomp") is None and (pushed is None or pushed.lemma_.lower() in DISTANCES):
            reading = Reading("ASSAULT", None, ("military",))  # 'troops pushed into northeast Syria': an incursion
        if pred.pos == "verb" and reading.event in ("AID", "COOPERATE", "CONSULT") and _no_longer(t):
            # 'would no longer fund UNRWA', 'would no longer negotiate a peace treaty with Japan': a halt
            reading = Reading("SANCTION", "discontinue", reading.context)
        if pred.pos == "noun" and reading.event in ("AGREE", "SUPPORT", "COOPERATE") and _kept_no_longer(t):
            reading = Reading("SANCTION", "discontinue", reading.context)  # 'would no longer abide by the pact'
        if pred.lemma == "order" and reading.event == "MOBILIZE" and A.prep_objects(t, ("from",)):
            reading = Reading("COOPERATE", None, ("military",))  # 'ordered 42 Rafale fighter jets from France': bought
        if pred.lemma == "call" and _courtesy_call(t, res, lex):
            reading = Reading("CONSULT", "visit", ("diplomatic",))  # 'called on Chinese Vice President Han Zheng'
        if particle == "off" and pred.lemma == "call" and obj in CANCELLED_CONTACTS:
            reading = Reading("REJECT", "meet", ("diplomatic",))  # 'called off a trip to Kabul', as cancel
        if reading == pred.reading or pred.lemma not in CARRYING_VERBS:
            # what a verb of carrying carried decides before who carried it ('the air force flew 15 tonnes of aid')
            reading = _reading_for_subject(t, pred, reading)
        if pred.pos == "verb" and reading.event == "MOBILIZE" and _person_subject(t, res) \
                and not _described_as(A.subject(t)[0], lex, ("troops", "warcraft", "shipments")) \
                and (guest := pred.subject_reading(lex.classes.get("guests", frozenset()))) is not None:
            reading = guest  # 'Putin, who landed late on Monday': a leader arriving visits
        if pred.pos == "verb" and pred.lemma in ("land", "dock") and reading.event == "MOBILIZE":
            if _carrying(t):
                continue  # 'a C-17 carrying a field hospital landed in Adana': what it carried tells the event
            if _landed_with(t, lex.classes.get("aid", frozenset())):
                reading = Reading("AID", None, ("human_security",))  # 'landed in Labasa with 12 tonnes of food'
        if pred.pos == "verb" and pred.lemma in DECLARING | {"order"} and _retreat_declared(t, lex):
            reading = Reading("CONCEDE", None, reading.context)  # 'ordered a partial withdrawal of Russian forces'
        if pred.pos == "verb" and pred.lemma in ("hand", "turn", "surrender") and _own_arms_given_up(t, lex):
            reading = Reading("RETREAT", "disarm", ("military",))  # 'fighters handed over their weapons'
        if pred.lemma in LEAVING_VERBS and reading.event == "RETREAT" or pred.lemma == "walk" and _left_for_good(t):
            reading = _withdrawal_reading(t, res, reading)  # 'walked out of the talks' leaves them, as 'pulled out'
        if pred.pos == "verb" and pred.lemma in ("allow", "permit", "let") and _let_in(t):
            reading = Reading("RETREAT", "access", reading.context)  # 'allowed IAEA inspectors into the site'
        if pred.pos == "noun" and reading.event == "SUPPORT" and (kinds := _material_backing(t)):
            reading = Reading("AID", None, reading.context + kinds)  # 'military backing of X'
        if pred.pos == "verb" and pred.lemma == "target" and (aimed := _aimed_by_text(t)) is not None:
            reading = aimed  # 'legislation targeting Turkey': a threat of sanctions, not an attack
        if pred.pos == "verb" and reading.event == "COERCE" and _on_trade(t):
            reading = Reading("SANCTION", None, ("economic",))  # 'imposed export controls': a cut in trade
        if pred.pos == "verb" and reading.event == "ACCUSE" and _regret_for(t):
            reading = Reading("CONCEDE", None, reading.context)  # 'expressed regrets for the wounds': an apology
        if pred.pos == "verb" and pred.lemma in ("denounce", "renounce", "scrap") and _own_accord(t, lex):
            reading = Reading("SANCTION", "withdraw", ("diplomatic",))  # 'denounced its agreements with Paris'
        if pred.pos == "verb" and reading.event == "REQUEST" and _asks_forgiveness(t):
            reading = Reading("CONCEDE", None, reading.context)  # 'asked Tanzanians for forgiveness': an apology
        if pred.pos == "verb" and pred.lemma in ("open", "reopen", "inaugurate") \
                and reading.event in ("CONCEDE", "AID") \
                and _joint_subject(t):
            reading = Reading("COOPERATE", None, ("economic",))  # 'Colombia and Venezuela reopened their border'
        if pred.pos == "verb" and pred.lemma == "invite" and _invited_to_meet(t):
            reading = Reading("AGREE", None, ("diplomatic",))  # the manual: an invitation to a state visit is AGREE
        if pred.pos == "verb" and (reading.event == "REQUEST" or pred.lemma == "order") \
                and (ordered := _ordered_out(t, lex, res)) is not None:
            reading = ordered
        stopped = _stopped(t) if pred.pos == "noun" else None
        if stopped is not None and reading.event in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN"):
            reading = Reading("RETREAT", "ceasefire" if reading.event == "ASSAULT" else None, reading.context)
        elif stopped is not None and reading.event in ("AID", "COOPERATE"):
            reading = Reading("SANCTION", "discontinue", reading.context)  # 'a suspension of military aid'
        if pred.pos == "noun" and reading.event == "CONSULT" and reading.mode is None and _came_for(t):
            reading = Reading("CONSULT", "visit", reading.context)  # 'a delegation arrived in Pyongyang for talks'
        if pred.pos == "noun" and reading.event == "PROTEST" and (_lodged(t) or _drawn_from(t) is not None):
            reading = Reading("ACCUSE", "disapprove", reading.context)  # 'Tokyo lodged a protest with Beijing'
        if pred.pos == "verb" and reading.event in ("AID", "COOPERATE", "SUPPORT", "CONSULT", "AGREE") \
                and _stopped_doing(t):  # 'would stop supporting Pristina's efforts': support withdrawn
            reading = Reading("SANCTION", "discontinue", reading.context)
        intention = _intention_noun(t) if pred.pos == "verb" else None
        if intention is not None and _none_of(intention) and reading.event in COOPERATIVE | {"AGREE"}:
            reading = Reading("REJECT", None, reading.context)  # 'has no plans to meet Japan's prime minister'
        elif intention is not None and not _none_of(intention) and reading.event in COOPERATIVE:
            reading = Reading("AGREE", None, reading.context)  # 'has plans to meet Seoul's envoy': announced
        if pred.pos == "verb" and reading.event == "AID" and "military" in reading.context and _sent_to_watch(t):
            reading = Reading("MOBILIZE", None, ("military",))  # 'dispatched warships to monitor the drills'
        if pred.pos == "noun" and pred.lemma == "denial" and _denial_of_service(t):
            continue  # 'a denial-of-service attack': the attack is the event, nothing was denied
        if reading.event == "ASSAULT" and _online(t if pred.pos == "noun" else _object_of(t)):
            reading = Reading("COERCE", "cyber", reading.context)  # '(launched) a cyber attack on Danish ministries'
        if pred.pos == "noun" and reading.mode == "strike" and _military_strike(t):
            reading = Reading("ASSAULT", None, ("military",))  # 'Russia's strike on Kyiv', 'a drone strike'
        if pred.pos == "verb" and reading.event == "CONSULT" and reading.mode == "visit" and _flew_in_relief(t):
            reading = Reading("AID", None, ("humanitarian",))  # 'flew in two planes loaded with food and medicine'
        if pred.pos == "verb" and pred.lemma == "oppose" and reading.event == "REJECT" and _opposes_an_act(t):
            reading = Reading("ACCUSE", "disapprove", reading.context)  # 'said Beijing opposed the launch'
        if pred.pos == "verb" and reading.event == "SANCTION" and reading.mode == "withdraw" and _left_a_meeting(t):
            reading = Reading("REJECT", "meet", reading.context)  # 'pulled out of a summit Islamabad was to host'
        if pred.pos == "verb" and pred.lemma in DESCRIBING_VERBS and _claim_called_untrue(t):
            out.append(Trigger(t, pred, Reading("REJECT", None, reading.context)))  # 'called false the claim that'
            continue
        if pred.pos == "verb" and pred.lemma in DESCRIBING_VERBS and _predicative(t) and not _claim_denied(t):
            described = _description_reading(t, reading)  # 'called Canada "one of the highest tariffing nations"'
            if described is None and (reading.event not in ("ACCUSE", "REJECT") or pred.lemma in ONLY_DESCRIBING):
                continue  # a neutral description ('called it a step'); 'condemned X as ...' condemns all the same
            reading = described or reading
        if pred.pos == "verb" and reading.event == "CONCEDE" and pred.lemma in ENDING_VERBS \
                and (ended := _object_of(t)) is not None and ended.lemma_.lower() in RELIEF_HEADS:
            reading = Reading("SANCTION", "discontinue", reading.context)  # 'would suspend tariff cuts on 34 products'
        if pred.pos == "verb" and reading.event == "CONCEDE" and pred.lemma in ("remove", "drop", "delist") \
                and _taken_off_a_benefit(t):
            reading = Reading("SANCTION", "discontinue", reading.context)  # 'removing Turkey from the F-35 program'
        if pred.pos == "verb" and pred.lemma == "meet" and _met_with_reaction(t):
            continue  # 'the plan met with criticism from Seoul': no meeting; the criticism is the event
        if pred.pos == "verb" and pred.lemma == "want" \
                and not _wanted_of_another(t, lex.classes.get("owed_answers", frozenset())):
            continue  # 'Ukraine wants to join NATO': a wish of one's own asks nothing of anyone
        if pred.pos == "verb" and pred.lemma == "expect" \
                and not _expected_of_another_state(t, res, lex.classes.get("owed_answers", frozenset())):
            continue  # 'is expected to sign', 'analysts expect prices to rise': a forecast, no demand
        out.append(Trigger(t, pred, reading))
    return out


CYBER_WORDS = frozenset({"cyber", "cyberspace", "ddos", "ransomware", "phishing", "hacking", "malware", "online",
                         "computer", "spyware", "hacker"})


def _denial_of_service(noun: Token) -> bool:
    """'denial-of-service', 'denial of service': the name of a kind of cyber attack."""
    after = [t.lower_ for t in noun.doc[noun.i + 1:noun.i + 5] if t.text != "-"]
    return after[:2] == ["of", "service"]


def _online(noun: Token | None) -> bool:
    """An attack named by its means on computers: 'a cyber attack', 'a ransomware attack', 'a denial-of-service
    attack' (the words before the noun that modify it)."""
    if noun is None:
        return False
    before = [t for t in noun.subtree if t.i < noun.i]
    return any(t.lower_ in CYBER_WORDS or t.lower_.startswith("cyber") for t in before) or any(
        t.lemma_.lower() == "denial" and _denial_of_service(t) for t in before)


HANDING_VERBS = frozenset({"hand", "distribute", "deliver", "donate", "provide", "supply", "give", "unload"})
# aid brought to a place (not pledged or announced there): its state receives it
DELIVERING_VERBS = HANDING_VERBS | {"land", "fly", "airlift", "ship", "arrive", "dock", "bring", "truck", "send"}
AID_WORDS = frozenset({"aid", "assistance", "relief", "grant", "grants", "donation", "humanitarian"})


def _pledges_aid(token: Token) -> bool:
    """'pledged 3.5 million pounds in humanitarian aid', 'promised relief': what is agreed to is aid."""
    return any(t.lemma_.lower() in AID_WORDS for t in token.subtree if t.i != token.i)


def _no_evidence_given(verb: Token) -> bool:
    """'provided no evidence', 'offered no proof': what was not given is a claim's weakness, not an act."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("evidence", "proof") and any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children)


def _wanted_of_another(verb: Token, owed: frozenset[str]) -> bool:
    """'Canberra wants Beijing to follow suit': the wanted act has a doer of its own (its clause's subject, or
    the verb's object), not the one who wants it."""
    clause = A.child(verb, "ccomp", "xcomp")
    if clause is None:  # 'wanted an explanation from Manila': what another owes
        obj = A.child(verb, "dobj")
        return obj is not None and obj.lemma_.lower() in owed
    return A.child(clause, "nsubj") is not None or A.child(verb, "dobj") is not None


def _expected_of_another_state(verb: Token, res: Resolution, owed: frozenset[str]) -> bool:
    """'Pakistan expects Kabul to deny the use of its soil', 'Berlin expected an explanation': a state's
    expectation of what another state does or owes it is a demand; a forecast ('is expected to sign', 'expects
    the economy to grow', 'expects to sign') is none."""
    subj, passive = A.subject(verb)
    if subj is None or passive or A.is_passive(verb) or not _wanted_of_another(verb, owed):
        return False
    if not (subj.tag_ == "PRP" or any(s.states for s in A.np_actors(subj, res))):
        return False
    clause = A.child(verb, "ccomp", "xcomp")
    if clause is None:
        return True  # what is owed ('an explanation')
    doer = A.child(verb, "dobj") or A.child(clause, "nsubj")
    # 'expected a significant number of EU states to abstain': a count of states is a forecast of a vote
    return doer is not None and doer.lemma_.lower() not in HOW_MANY and any(s.states for s in A.np_actors(doer, res))


HOW_MANY = frozenset({"number", "majority", "minority", "many", "most", "some", "several", "few", "dozen", "half",
                      "all", "none", "handful", "rest", "bulk"})


TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning"})
PHONES = frozenset({"phone", "telephone"})


def _joint_subject(verb: Token) -> bool:
    """'Lavrov and Blinken spoke on the sidelines', 'Turkish and Greek officials held a dialogue': two who talk
    need no 'with'."""
    subj, _ = A.subject(verb)
    if subj is None or subj.dep_ != "nsubj":
        return False
    modifiers = [c for c in subj.children if c.dep_ in ("amod", "compound")]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in ("amod", "compound")]  # 'Saudi and Yemeni
    return any(c.dep_ == "conj" for t in (subj, *modifiers) for c in t.children)  # government officials'


def _by_phone(verb: Token) -> bool:
    """'spoke by phone', 'talked over the telephone', 'held talks by phone', 'a dialogue by video link'."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in A.MEANS
               and any(m.dep_ == "pobj" and _a_line(m) for m in c.children)
               for t in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for c in t.children)


def _a_line(token: Token) -> bool:
    """A phone, or a video link or conference."""
    lemma = token.lemma_.lower()
    return lemma in PHONES or (lemma in ("link", "conference", "call")
                               and any(c.lower_ == "video" for c in token.children))


def _topic_of_talks(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is what two sides talked about: inside the object of a verb that takes its object
    as a topic ('discussed the ceasefire') or inside an 'about'/'on' phrase of a verb of talking ('spoke by phone
    about a possible ceasefire')."""
    below = noun
    for verb in noun.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            meeting = lex.nouns.get(verb.lemma_.lower())
            if below.dep_ == "prep" and below.lower_ in TOPIC_PREPS and meeting is not None \
                    and meeting.reading.event == "CONSULT":
                return True  # 'an emergency session on the fighting in Congo', 'talks about the war'
            below = verb
            continue
        pred = _predicate_for(verb, None, lex) if verb.pos_ == "VERB" \
            else lex.verbs.get(lex.lemma(verb.lower_, verb.lemma_.lower()))
        if pred is None or pred.reading.event != "CONSULT":
            # 'held an emergency session on the fighting': the light verb's meeting is about it
            return below.dep_ == "prep" and below.lower_ in TOPIC_PREPS and _holds_a_meeting(verb, lex)
        return (below.dep_ == "dobj" and pred.topic_object) or (below.dep_ == "prep" and below.lower_ in TOPIC_PREPS)
    return False


def _holds_a_meeting(verb: Token, lex: Lexicon) -> bool:
    meeting = A.child(verb, "dobj")
    pred = lex.nouns.get(meeting.lemma_.lower()) if meeting is not None else None
    return pred is not None and pred.reading.event == "CONSULT"


# Verbs that, with an object and a predicate, describe it ('called X Y', 'described X as Y'): an accusation when
# the description is hostile (or a quotation, as news quotes hostile words), praise when it is warm.
DESCRIBING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "term", "characterize", "characterise",
                              "dismiss", "denounce", "condemn"})
# Describing verbs that say nothing of their own: only what they call the thing judges ('condemned X as ...' and
# 'denounced X as ...' condemn whatever the words)
ONLY_DESCRIBING = frozenset({"describe", "characterize", "characterise", "label"})
HOSTILE_WORDS = frozenset({
    "unacceptable", "insulting", "egregious", "illegal", "illegitimate", "dangerous", "unbearable", "irresponsible",
    "provocative", "provocation", "hostile", "baseless", "groundless", "absurd", "outrageous", "aggressive",
    "aggression", "threat", "terrorist", "terrorism", "criminal", "crime", "unjust", "unfair", "lie", "lies",
    "false", "fabricated", "propaganda", "interference", "meddling", "violation", "betrayal", "blackmail",
    "bully", "bullying", "reckless", "destabilizing", "destabilising", "shameful", "disgraceful", "racist",
    "genocide", "invasion", "occupation", "puppet", "regime", "rogue", "cheat", "cheating", "ripping", "hypocrisy",
    "hypocritical", "unilateral", "coercion", "coercive", "controlled", "directed", "politicized", "politicised",
    "biased", "slander", "smear", "nonsense", "ridiculous", "worst", "highest", "unfriendly", "abuse", "abuses",
    "attack", "war", "enemy", "adversary", "genocidal", "barbaric", "barbarism", "brutal", "inhumane", "despicable",
    "cowardly", "fascist", "nazi", "apartheid", "imperialist", "warmonger", "dictator", "dictatorship", "tyrant",
    "thug", "murderous", "murderer", "pariah", "evil", "lawless", "arrogant", "arrogance", "hegemonic", "hegemony",
    "expansionist", "gangster", "piracy", "pirate", "terror", "mockery", "sham", "farce", "travesty", "corrupt",
    # insults of a leader ('called Mexico's president ignorant')
    "ignorant", "idiot", "idiotic", "stupid", "incompetent", "liar", "clown", "fool", "foolish", "senile", "lunatic",
    "madman", "coward", "traitor", "disgrace"})
WARM_WORDS = frozenset({"gift", "friend", "friends", "partner", "partners", "ally", "allies", "brother", "brothers",
                        "historic", "success", "successful", "positive", "constructive", "productive", "excellent",
                        "important", "milestone", "model", "good", "great", "strong", "valuable", "welcome",
                        "breakthrough", "landmark", "fruitful", "cordial", "friendly", "trusted", "reliable",
                        "decisive", "achievement", "progress", "encouraging", "promising", "significant", "vital"})
# A harsh judgement of another's act or stance: a state saying it is one of these criticises it (CAMEO 111). The
# describing verbs' hostile words, less those that may tell of something else said ('the talks were about the war').
CENSURE_WORDS = HOSTILE_WORDS - {"war", "attack", "highest", "worst", "regime", "controlled", "directed", "enemy",
                                 "occupation", "invasion", "terrorism", "terror", "crime", "abuse", "abuses"} | {
    "disappointing", "regrettable", "deplorable", "unlawful", "unfounded", "unjustified", "arbitrary",
    "counterproductive", "unprovoked", "inadmissible", "unwarranted", "untenable", "appalling", "fabrication",
    "pretext", "insult", "affront", "mistake", "fantasy", "intimidation", "harassment", "escalation", "pressure",
    "slanderous", "excessive", "disproportionate", "wrong", "misguided", "unreasonable", "discriminatory",
    "unjustifiable", "unhelpful", "corrupt"}


# A relief granted that is ended ('suspended tariff cuts', 'revoked the exemption'): what the other side loses
ENDING_VERBS = frozenset({"suspend", "halt", "end", "scrap", "cancel", "withdraw", "revoke", "terminate", "freeze"})
RELIEF_HEADS = frozenset({"cut", "reduction", "exemption", "waiver", "concession", "preference", "break", "relief",
                          "easing", "lifting", "exception"})
# What a state is taken off to its relief (a blacklist, sanctions, a terror list); taken off anything else (a
# program, a list of trusted partners, a trade preference scheme) it loses something
PENAL_LISTS = frozenset({"terror", "terrorism", "terrorist", "sanction", "sanctions", "banned", "ban", "black",
                         "blacklist", "watch", "watchlist", "grey", "gray", "sponsor", "sponsors", "entity",
                         "restricted", "unfriendly", "prohibited", "proscribed", "outlawed", "extremist", "enemy",
                         "embargo", "wanted", "concern", "monitoring", "greylist"})


def _taken_off_a_benefit(verb: Token) -> bool:
    """'removed Turkey from the F-35 program', 'dropped Seoul from its list of trusted trading partners': a state
    taken off something that is no penalty loses it (SANCTION), as 'removed Cuba from the terror list' relents."""
    taken = [o for _p, o in A.prep_objects(verb, ("from",))]
    if not taken or (obj := A.child(verb, "dobj")) is None or obj.ent_type_ not in ("GPE", "NORP"):
        return False
    words = {w.lemma_.lower() for o in taken for w in o.subtree} | {w.lower_ for o in taken for w in o.subtree}
    return not words & PENAL_LISTS and bool(
        words & {"program", "programme", "scheme", "list", "initiative", "club", "group", "forum", "project", "system"})


def _name_taken_for_a_predicate(verb: Token) -> Token | None:
    """'Macron called Putin on Friday': a name alone after a verb with a subject, which the parser takes for the
    verb's predicate ('oprd', as in 'called it a mistake'), is its object; not 'a group called Hamas'."""
    if verb.dep_ == "acl" or A.child(verb, "dobj") is not None or A.child(verb, "nsubj") is None:
        return None
    name = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)
    after = verb.doc[name.right_edge.i + 1] if name is not None and name.right_edge.i + 1 < len(verb.doc) else None
    if after is not None and (after.is_quote or after.pos_ in ("DET", "NOUN", "ADJ", "NUM", "PRON", "PROPN")):
        return None  # 'called Canada "one of the highest tariffing nations"': a predicate follows after all
    return name


def _quoted_judgement_after(obj: Token) -> bool:
    """An adjective opening a quotation inside the object's phrase, after the object ('Russia's decision to break off
    peace treaty negotiations "extremely unfair and absolutely unacceptable"'): what the object is called."""
    doc = obj.doc
    for t in obj.subtree:
        if t.i > obj.i and t.text in ('"', "“") and t.i + 1 < len(doc):
            following = doc[t.i + 1:min(t.i + 4, len(doc))]
            if any(w.pos_ == "ADJ" and w.dep_ in ("amod", "acomp", "conj") for w in following):
                return True
    return False


def _judgement_set_off_at_the_end(verb: Token, obj: Token) -> bool:
    """A hostile noun after a comma that ends the clause, far after a long object ('called a Burundian troop
    build-up in a town in Burundi's far north, a few kilometres from the frontier, a dangerous provocation'): the
    parser hangs it as an apposition on the last noun before it; it is what the object is called."""
    for t in verb.subtree:
        if t.i <= obj.i or t.dep_ != "appos" or not (t.lemma_.lower() in HOSTILE_WORDS or any(
                c.dep_ == "amod" and c.lower_ in HOSTILE_WORDS for c in t.children)):  # 'an unfriendly act'
            continue
        opens = t.left_edge
        ends = t.right_edge.i + 1 >= len(t.doc) or t.doc[t.right_edge.i + 1].is_punct
        if opens.i > 0 and t.doc[opens.i - 1].text == "," and opens.lower_ in ("a", "an") and ends:
            return True
    return False


def _predicative(verb: Token) -> bool:
    """'called X Y', 'described X as Y', 'dismissed X as Y': the verb carries a predicate about its object."""
    if _name_taken_for_a_predicate(verb) is not None:
        return False
    if verb.lemma_.lower() == "call" and any(o.ent_type_ not in ("DATE", "TIME") and o.head.i <= verb.i + 2
                                             for _p, o in A.prep_objects(verb, ("on", "upon"))):
        return False  # 'called on France, as guarantor of the deal, to press Israel': an appeal, not a name (not
        # 'called X's dispatch of troops to a town on the main road a hostile act')
    if _names_something(verb):
        return True
    obj = A.child(verb, "dobj")
    if obj is not None and any(c.dep_ == "amod" and c.i > obj.i and c.pos_ == "ADJ" for c in obj.children):
        return True  # 'called the European decision unacceptable', the adjective parsed as the noun's modifier
    if obj is not None and verb.lemma_.lower() == "call" and _quoted_judgement_after(obj):
        return True  # 'called Russia's decision to break off talks "extremely unfair"', hung on 'talks'
    if obj is not None and verb.lemma_.lower() == "call" and _judgement_set_off_at_the_end(verb, obj):
        return True  # 'called a Burundian troop build-up in a town ..., a dangerous provocation'
    return any(c.dep_ in ("oprd", "acomp") or (c.lower_ == "as" and c.dep_ in ("prep", "mark"))
               or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                   and A.child(c, "nsubj", "nsubjpass") is None)  # 'as controlled', not 'as the toll rose'
               for c in verb.children)


RELIEF_CRAFT = frozenset({"plane", "aircraft", "airplane", "flight", "jet", "helicopter", "ship", "vessel", "truck",
                          "lorry"})


def _flew_in_relief(verb: Token) -> bool:
    """'flew in two planes loaded with food, drinking water and medicine', 'sent a ship carrying relief supplies':
    craft sent with relief goods are aid, not a visit."""
    flown_in = [c for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == "in" for c in p.children
                if c.dep_ == "pobj"]  # ('flew in two planes': the parser may take 'in' for a preposition)
    craft = A.child(verb, "dobj") or next(iter(flown_in), None)
    if craft is None or craft.lemma_.lower() not in RELIEF_CRAFT:
        return False
    loads = [w for c in craft.children if c.dep_ == "acl" and c.lemma_.lower() in ("load", "carry", "fill", "pack")
             for w in c.subtree]
    return any(w.lemma_.lower() in THANKED_GOODS | AID_WORDS and w.lemma_.lower() not in GIVEN_ONLY_AS_RELIEF
               for w in loads)


# what is opposed when it is done, not proposed: opposing it criticises its doer ('opposed the launch', 'the Dutch
# rules', 'any official exchanges with Taiwan'); a plan, deal or draft opposed is turned down (REJECT)
OPPOSED_ACTS = frozenset({
    "attack", "strike", "invasion", "offensive", "sanction", "ban", "tariff", "embargo", "blockade", "closure",
    "arrest", "detention", "seizure", "incursion", "buildup", "launch", "test", "deployment", "rule", "regulation",
    "measure", "system", "exchange", "interference",
    "meddling", "diplomacy", "drill", "exercise", "sale", "visit", "move", "step", "action", "policy", "restriction",
    "control", "duty", "presence", "activity", "patrol", "militarization", "militarisation", "formation"})


def _opposes_an_act(verb: Token) -> bool:
    obj = A.child(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in OPPOSED_ACTS


GATHERINGS = frozenset({"summit", "conference", "meeting", "forum", "ceremony", "gathering", "games", "olympics"})


def _left_a_meeting(verb: Token) -> bool:
    """'pulled out of a regional summit', 'withdrew from the conference': staying away from a meeting (a deal or a
    treaty left is a sanction)."""
    return any(w.dep_ == "pobj" and w.lemma_.lower() in GATHERINGS and w.head.lower_ in ("of", "from")
               and verb in (w.head.head, w.head.head.head) for w in verb.subtree)


def _description_reading(verb: Token, reading: Reading) -> Reading | None:
    """The reading of a description: hostile words make an accusation, warm ones support; neither, nothing."""
    after = [t for t in verb.sent if t.i > verb.i]
    words = {t.lower_ for t in after} | {t.lemma_.lower() for t in after}
    if words & (HOSTILE_WORDS | (CENSURE_WORDS - UNTRUE_WORDS)):  # 'described the rupture as excessive'
        return Reading("ACCUSE", "disapprove", reading.context)
    if words & WARM_WORDS:
        return Reading("SUPPORT", None, reading.context)
    quoted = any(t.text in ('"', "“", "”") for t in after)
    if quoted and reading.event in ("ACCUSE", "REJECT"):
        return reading
    return Reading("ACCUSE", "disapprove", reading.context) if quoted else None


# What a denial calls a claim: untrue, not the work of a hostile hand ('dismissed the findings as biased' accuses)
UNTRUE_WORDS = frozenset({"baseless", "groundless", "unfounded", "false", "fabricated", "fabrication", "absurd",
                          "nonsense", "lie", "lies", "ridiculous", "fantasy", "untrue", "slander", "slanderous"})


def _claim_denied(verb: Token) -> bool:
    """'dismissed as baseless the accusation that ...': a claim waved off as untrue is denied (REJECT)."""
    obj = A.child(verb, "dobj")
    if verb.lemma_.lower() not in DENYING or obj is None or obj.lemma_.lower() not in CLAIM_NOUNS:
        return False
    words = {t.lower_ for t in verb.sent if t.i > verb.i}
    return words & HOSTILE_WORDS <= UNTRUE_WORDS


def _claim_called_untrue(verb: Token) -> bool:
    """'called false the claim that it was arming the rebels', 'described the charges as fabricated': a claim
    called untrue is denied (REJECT), not judged."""
    claims = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.lemma_.lower() in CLAIM_NOUNS]
    if not claims:
        return False
    said = [c for c in verb.children if c.dep_ in ("oprd", "acomp") and c not in claims]
    said += [w for c in verb.children if c.dep_ in ("prep", "mark", "advcl") for w in c.subtree
             if c.lower_ == "as" or any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
    said += [a for c in claims for a in c.children if a.dep_ == "amod" and a.i > c.i]
    return any(w.lower_ in UNTRUE_WORDS for w in said)


def _to_blame(token: Token) -> bool:
    """'X was to blame', 'X is not to blame': X is who is blamed, not who blames."""
    return (token.lemma_.lower() == "blame" and token.dep_ == "xcomp" and token.head.lemma_.lower() == "be"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _reading_for_subject(verb: Token, pred: Predicate, reading: Reading) -> Reading:
    """'Thousands of people protested' is a protest; 'the government protested' a complaint."""
    if not pred.by_subject:
        return reading
    subj, passive = (verb.head, False) if verb.dep_ == "acl" else A.subject(verb)  # 'Thousands of people protested'
    if passive:
        subj = A.agent(verb)  # 'were raided by Azerbaijani police': who did it
    if subj is None:
        return reading
    words = {subj.lemma_.lower()} | {g.lemma_.lower() for c in subj.children if c.dep_ == "prep"
                                    for g in c.children if g.dep_ == "pobj"} | _cargo_of(subj) | _cargo_of(verb)
    if subj.tag_ in ("NNPS", "NNS") and subj.ent_type_ == "NORP" and A.child(subj, "det") is None:
        words.add("people")  # 'Angry Iranians protested': a people, not its state ('the Chinese protested': either)
    return next((r for cls, r in pred.by_subject if words & cls), reading)


# verbs whose negation refuses whatever their object is ('would not accept foreign tutelage', 'would not accept any
# arrangement that gave Ethiopia a foothold'), though only some objects make their affirmative an event
REFUSED_WHATEVER_IT_IS = frozenset({"accept"})
COMING = ("will", "would", "'ll", "shall", "could", "might")
READY_TO = frozenset({"right", "ready", "prepared", "vow", "pledge", "promise", "threaten"})


def _told_as_coming(verb: Token) -> bool:
    """'would respond', 'will respond strongly', 'reserves the right to respond', 'is ready to respond', 'vowed to
    respond': an act told as still to come."""
    if _has_aux(verb, COMING):
        return True
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in READY_TO


BLAMEWORTHY = frozenset({"responsible", "accountable", "liable", "culpable"})


def _held_to_blame(verb: Token) -> bool:
    """'held Putin's government responsible', 'holds Tehran accountable' (the parser makes the adjective a clause
    with the blamed as its subject, or the adjective a modifier after the blamed: 'held X responsible last Friday')."""
    return any(c.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and c.lower_ in BLAMEWORTHY for c in verb.children) \
        or any(a.dep_ == "amod" and a.i > o.i and a.lower_ in BLAMEWORTHY
               for o in verb.children if o.dep_ == "dobj" for a in o.children)


def _no_longer(verb: Token) -> bool:
    """'would no longer fund UNRWA', 'no longer buys Russian gas': what was given or done is stopped."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in verb.children)


KEEPING_VERBS = frozenset({"abide", "honour", "honor", "respect", "observe", "implement", "follow", "uphold",
                           "comply", "adhere"})


def _kept_no_longer(noun: Token) -> bool:
    """'said it would no longer abide by a 2018 military pact', 'will no longer honour the deal': an agreement
    a party stops keeping is ended, not made."""
    verb = A.governing_verb(noun)
    return verb is not None and verb.lemma_.lower() in KEEPING_VERBS and _no_longer(verb)


def _courtesy_call(verb: Token, res: Resolution, lex: Lexicon) -> bool:
    """'called on Chinese Vice President Han Zheng': calling on a person with nothing asked of them is a visit
    ('called on Russia to withdraw', 'called on the king for help' ask)."""
    callees = [o for p, o in A.prep_objects(verb, ("on", "upon")) if not _a_time(o)]
    if len(callees) != 1:
        return False
    callee = callees[0]
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in (*verb.children, *callee.children)):
        return False
    if A.prep_objects(verb, ("for",)) or A.prep_objects(callee, ("for", "to")):
        return False
    return callee.lemma_.lower() in lex.classes.get("guests", frozenset()) or _names_a_person(callee, res)


CARRYING = frozenset({"load", "laden", "carry", "bring", "ferry", "transport", "pack", "fill"})


def _carrying_aid(verb: Token, pred: Predicate) -> bool:
    """Whether the doer carries what the verb's subject readings call aid ('forty Egyptian lorries bringing flour
    and medicine reached Dongola'): a carrier of aid, whatever the vehicle."""
    cargo = _cargo_told(verb)
    return bool(cargo) and any(cargo & cls for cls, reading in pred.by_subject if reading.event == "AID")


def _cargo_told(verb: Token) -> set[str]:
    """What the doer of a verb carries, however the participle hangs ('lorries bringing flour reached Dongola')."""
    subj, passive = A.subject(verb)
    # 'a Turkish cargo plane landed in Dhusamareb with 20 tonnes of food': what it came with
    # (a vessel named, not one described: 'The Brave Commander ... docked with wheat' is read by its apposition)
    came_with = {w.lemma_.lower() for _p, o in A.prep_objects(verb, ("with",)) for w in o.subtree
                 if w.pos_ == "NOUN"} if verb.lemma_.lower() in ARRIVAL_VERBS and subj is not None \
        and subj.pos_ == "NOUN" else set()
    return (_cargo_of(subj) if subj is not None and not passive else set()) | _cargo_of(verb) | came_with


def _cargo_of(vessel: Token) -> set[str]:
    """What a subject is said to carry ('navy ships loaded with food, medical supplies and fuel', 'planes carrying
    tents'): the cargo, not the vessel, decides whether its arrival is aid."""
    # ('two Japanese military transport planes landed at Clark airbase carrying tents': the parser may hang the
    # participle on the verb)
    cargo = [o for c in vessel.children if c.dep_ in ("acl", "advcl", "xcomp") and c.lemma_.lower() in CARRYING
             for o in [A.child(c, "dobj"), *(w for _p, w in A.prep_objects(c, ("with",)))] if o is not None]
    return {w.lemma_.lower() for o in cargo for w in (o, *o.conjuncts)}


# a verb with this word beside it reads as another verb: 'they were set free by Baku', 'a court found a former
# minister guilty of abuse of office'
# 'raised the arrest with Iran's president': a matter raised with someone is discussed with them
# ('set foot in North Korea' is a visit there)
READ_AS = {("set", "free"): "free", ("find", "guilty"): "convict", ("raise", "with"): "discuss",
           ("set", "foot"): "visit"}
READ_AS_LEMMAS = frozenset(lemma for lemma, _ in READ_AS)
RAISED_COMPLAINTS = frozenset({"concern", "objection", "protest", "complaint", "alarm", "question"})


# the parser's relations of a noun phrase: a word in one is a noun whatever its tag says
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _predicate_for(t: Token, phrase_key: str | None, lex: Lexicon) -> Predicate | None:
    if phrase_key is not None:
        return lex.nouns.get(phrase_key)
    lemma = lex.lemma(t.lower_, t.lemma_.lower())
    if t.pos_ == "VERB" and lemma in READ_AS_LEMMAS:
        # the word may hang from the object ('raised the arrest with Rouhani', 'set 90 prisoners free'); concerns raised
        # are a complaint
        hung = [g for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() not in RAISED_COMPLAINTS
                for g in c.children if g.dep_ in ("prep", "amod")]
        read_as = next((READ_AS[(lemma, c.lower_)] for c in [*t.children, *hung] if (lemma, c.lower_) in READ_AS),
                       None)
        if read_as is not None:
            return lex.verbs.get(read_as)
    if t.pos_ == "VERB" and lemma == "reach" and _reaches_a_place(t):
        return lex.verbs.get("arrive")  # 'a Qatari aid convoy reached Sarh': it arrived there
    if t.lower_ == "march" and t.text[:1].isupper():
        return None  # the month, not a protest march
    if t.pos_ == "VERB" and t.dep_ in NOMINAL_DEPS and t.tag_ in ("NN", "NNS", "NNP", "VB", "VBP"):
        return lex.nouns.get(t.lower_) or lex.nouns.get(lemma)  # 'Aid from Japan arrived': a noun mistagged
    if t.pos_ == "VERB" and t.dep_ != "amod":
        return lex.verbs.get(lemma)
    participle = t.tag_ == "VBN" or t.lower_.endswith("ed")  # 'deeply concerned about', 'disappointed by'
    if t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT", "ccomp", "conj") and participle:
        stem = lemma.removesuffix("ed") if lemma.endswith("ed") else lemma  # 'concerned', 'troubled', 'appalled'
        undoubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem  # 'committed' -> 'commit'
        for key in (lemma, stem, stem + "e", lemma.removesuffix("d"), undoubled):
            if key in lex.verbs:
                return lex.verbs[key]
        return None
    if t.pos_ == "NOUN" and _goods_thanked_for(t) and not (lex.nouns.get(lemma) or lex.nouns.get(t.lower_)):
        return lex.nouns.get("aid")  # 'thanked India for the food and shelter delivered to Biratnagar': aid given
    if t.pos_ in ("NOUN", "PROPN"):
        return lex.nouns.get(lemma) or lex.nouns.get(t.lower_)
    return None


# what a warning holds out as the price of an act ('would have repercussions', 'could lead to a ban')
WARNED_CONSEQUENCES = frozenset({"consequence", "repercussion", "price", "response", "retaliation", "reprisal", "blow",
                                 "sanction", "ban", "restriction", "measure", "countermeasure", "punishment",
                                 "penalty"})
FORECAST_MODALS = frozenset({"would", "could", "will", "might", "may", "'ll"})


def _warned_of_own_harm(verb: Token, warners: list[ActorSpan], res: Resolution) -> bool:
    """'warned that Tehran would answer any step against it', 'warned that the United States could impose
    restrictions', 'warned that continued violations could lead to a ban': a that-clause with a modal whose subject
    is the warner's own state, or whose outcome is a consequence; not 'warned that Russia is seeking access'."""
    clause = A.child(verb, "ccomp")
    if clause is None or not any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in clause.children):
        return False
    subj = A.child(clause, "nsubj")
    own = _codes_of(warners)
    if subj is not None and own and _codes_of([s for s in A.np_actors(subj, res) if s.states]) == own:
        return True
    outcome = [t for c in clause.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
    return any(t.lemma_.lower() in WARNED_CONSEQUENCES and t.pos_ == "NOUN" for t in outcome)


def _warned_off(verb: Token) -> bool:
    """'warned X against doing Y' or 'warned X not to do Y': someone warned off an act."""
    if verb.pos_ != "VERB" or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    against = any(c.dep_ == "prep" and c.lower_ == "against" and any(g.dep_ == "pcomp" for g in c.children)
                  for c in verb.children)
    not_to = any(c.dep_ == "xcomp" and A.is_infinitive(c) and any(g.dep_ == "neg" for g in c.children)
                 for c in verb.children)
    return against or not_to


RENEWING_VERBS = frozenset({"extend", "renew", "prolong"})


def _own_people_addressed(verb: Token, recipient: list[ActorSpan]) -> bool:
    """'urged its citizens in Canada', 'told their nationals in Lebanon': whom the verb addresses are the speaker's
    own people, and the recipient found is only where they are (not 'urged his compatriots to boycott French
    goods', aimed at France)."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in OWN_PEOPLE \
                and any(p.dep_ == "poss" and p.lower_ in ("its", "their", "his", "her") for p in c.children):
            inside = {t.i for t in c.subtree}
            return all(s.start in inside for s in recipient)
    return False


def _going_home(verb: Token) -> bool:
    """'flew home', 'travelled back home': the travellers go to their own state."""
    return any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj") for c in verb.children) or any(
        c.lower_ == "back" and any(g.lower_ == "home" for g in c.children) for c in verb.children)


def _reaches_a_place(verb: Token) -> bool:
    """'reached Sarh', 'reached the port of Djibouti': a journey's end (not 'reached an agreement')."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in ("town", "city", "capital", "port", "village", "border", "airport", "camp", "base"):
        return True
    return obj.pos_ == "PROPN" and obj.ent_type_ in ("GPE", "LOC", "FAC")


def _possible_triggers(sent: Span, res: Resolution, lex: Lexicon, phrases: dict[int, str]) -> list[int]:
    """The tokens of the sentence whose lemma or form the lexicon knows (and adjectives, which may be participles:
    'deeply concerned'): only these can be triggers (_predicate_for), read off the arrays without a Token each."""
    verbs, nouns, irregular = lex.verbs, lex.nouns, lex.irregular
    lemmas, pos, words = res.lemmas, res.pos, res.words
    out = []
    for i in range(sent.start, sent.end):
        lower = words[i].lower()
        lemma = irregular.get(lower, lemmas[i])
        if i in phrases or lemma in verbs or lemma in nouns or lower in nouns or lemma in READ_AS_LEMMAS \
                or (lemma in THANKED_GOODS and pos[i] == "NOUN") \
                or pos[i] == "ADJ":
            out.append(i)
    return out


MEMBERSHIP_VERBS = frozenset({"join"})


def _a_venue(noun: Token) -> bool:
    """A noun that is the object of 'at', 'in', 'near' or 'outside': the place of another act."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in", "near", "outside", "inside", "from")


def _phrase_heads(sent: Span, res: Resolution, lex: Lexicon) -> dict[int, str]:
    """Token index of the last word of each multi-word trigger -> its noun key."""
    lemmas = res.lemmas[sent.start:sent.end]
    heads: dict[int, str] = {}
    firsts = lex.phrase_firsts
    for i in range(len(lemmas)):
        if lemmas[i] not in firsts:
            continue
        for n in (3, 2):
            key = lex.phrases.get(tuple(lemmas[i:i + n]))
            if key is not None and i + n <= len(lemmas):
                heads[sent.start + i + n - 1] = key
                break
    words = res.words
    for i in range(sent.start, sent.end - 2):  # 'a build-up of Thai armour', 'a pull-out': the noun written whole
        if words[i + 1] == "-" and (joined := (words[i] + words[i + 2]).lower()) in lex.nouns:
            heads.setdefault(i + 2, joined)
    for tok in sent:  # 'a joint trade office', 'their joint border patrols': the noun 'joint' describes
        if tok.lemma_.lower() == "joint" and tok.dep_ == "amod" and tok.head.i not in heads \
                and not _a_venue(tok.head):  # 'at the joint check post outside Amritsar' is where, not what
            key = lex.phrases.get(("joint", res.lemmas[tok.head.i]))
            if key is not None:
                heads[tok.head.i] = key
    for i in range(len(lemmas)):  # 'a jointly run trade and logistics centre': what a 'joint centre' would be
        if lemmas[i] != "jointly":
            continue
        for j in range(i + 1, min(i + 6, len(lemmas))):
            key = lex.phrases.get(("joint", lemmas[j]))
            if key is not None:
                heads.setdefault(sent.start + j, key)
                break
    return heads


def _object_of(verb: Token) -> Token | None:
    """What a verb acts on: its object, for a passive its subject, and for a past participle modifying a noun that
    noun ('a supply deal struck in Algiers'); a relative pronoun stands for its noun."""
    found = A.child(verb, "dobj") or (A.child(verb, "nsubjpass") if A.is_passive(verb) else None) \
        or _name_taken_for_a_predicate(verb)
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if found is not None and found.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head  # 'the grain deal that Russia and Ukraine signed': the deal
    if found is None and _bare_relative(verb):
        return verb.head  # 'a claim the Iranian Embassy later disputed': the claim
    if found is None and verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("ccomp", "xcomp", "oprd") \
            and verb.head.lemma_.lower() in ORDERS:
        return A.child(verb, "nsubj")  # 'ordered charges dropped': the charges are dropped
    return found


def _bare_relative(verb: Token) -> bool:
    """A relative clause with no relative word whose verb has its own subject and no object: the noun it hangs on
    is what it acts on ('a request Islamabad has not granted'); 'the city where they met' is no such clause."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or A.is_passive(verb):
        return False
    subject = A.child(verb, "nsubj")
    # a phrase may follow ('the gas transit pact it concluded with Argentina'), not after a time or a place ('the
    # day they met in Paris', where the noun is no object)
    barred = ("dobj", "ccomp", "xcomp") if verb.head.lemma_.lower() not in WHEN_OR_WHERE else (
        "dobj", "prep", "ccomp", "xcomp")
    return subject is not None and subject.tag_ not in ("WDT", "WP") and not any(
        c.tag_ in ("WDT", "WP", "WRB") or c.dep_ in barred for c in verb.children)


WHEN_OR_WHERE = frozenset({"day", "week", "month", "year", "time", "moment", "night", "morning", "evening",
                           "afternoon", "hour", "weekend", "place", "city", "town", "country", "way", "reason",
                           "area", "region", "village", "port", "capital", "border", "point", "stage", "extent"})


# Verbs of ordering: what a state's authority orders its own organs to do is that act (_promise_of_harm).
ORDERS = frozenset({"order", "instruct", "direct"})


CARRIED_EVENTS = frozenset({"MOBILIZE", "AID"})  # what is moved or sent: any of the things listed may decide


def _object_lemma(verb: Token, pred: Predicate | None = None) -> str | None:
    """The lemma that decides a verb's reading: its object, or for a passive its subject; 'shipment of coal' -> coal,
    but 'prisoners of war' -> prisoner when the verb takes prisoners."""
    obj = _object_of(verb)
    if obj is None:
        return None
    head = obj.lemma_.lower()
    if pred is not None and head in PARTS and (of := _of_lemma(obj)) is not None and _keyed(of, pred):
        return of  # 'delivered two shipments of weapons': what the shipments carry decides, not 'shipment'
    if pred is not None and (obj.like_num or _an_amount_of_money(obj)):
        what = next((o.lemma_.lower() for o in _what_a_sum_is_in(obj) if _keyed(o.lemma_.lower(), pred)), None)
        if what in ("support", "help") and _keyed("aid", pred):
            return "aid"  # 'gave Yemen $500 million in economic support': a sum given in support is aid
        if what is not None:
            return what  # 'delivered $4.5 billion in military aid': the aid decides, not the sum
    if pred is not None and _relief_goods(obj) and _keyed("aid", pred):
        return "aid"  # 'delivered 40 tonnes of relief goods', 'unloaded humanitarian supplies': goods given as aid
    if pred is not None and _keyed(head, pred):
        return head
    if pred is not None and pred.reading.event in CARRIED_EVENTS:  # 'moved armoured vehicles and several
        # hundred troops': the troops decide (not 'launched large-scale air and naval drills', the parser's 'air')
        also = next((c.lemma_.lower() for c in obj.conjuncts if _keyed(c.lemma_.lower(), pred)), None)
        if also is not None:
            return also
    return _of_lemma(obj) or head


RELIEF_MODIFIERS = frozenset({"relief", "humanitarian", "emergency", "aid"})
NEUTRAL_GOODS = frozenset({"good", "goods", "item", "items", "supply", "supplies", "cargo", "material", "materials",
                           "shipment", "consignment", "package", "equipment", "tonne", "ton"})


def _relief_goods(obj: Token) -> bool:
    """Goods, supplies or items called relief or humanitarian ('40 tonnes of relief goods'), itself or what it is of."""
    for noun in (obj, *_of_objects(obj)):
        if noun.lemma_.lower() in NEUTRAL_GOODS and any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELIEF_MODIFIERS for c in noun.children):
            return True
    return False


def _what_a_sum_is_in(amount: Token) -> list[Token]:
    """'$4.5 billion in military aid', 'paid $1 billion in compensation' (the parser may hang the 'in' phrase on the
    verb the sum is the object of): what the sum is given as."""
    found = [o for _p, o in A.prep_objects(amount, ("in",))]
    if amount.dep_ == "dobj":
        found += [o for _p, o in A.prep_objects(amount.head, ("in",)) if not _a_time(o)]
    return found


def _keyed(lemma: str, pred: Predicate) -> bool:
    """Whether an object word is one a predicate's object restriction or object readings name."""
    return lemma in pred.objects or any(lemma in words for words, _ in pred.by_object)


def _object_keys(verb: Token, pred: Predicate) -> list[str]:
    """More words an object-dependent reading may key on: the object's own modifiers ('Prime Minister Fumio
    Kishida' is a minister) and '__named__' for a named person or place; for a noun, the words before it that
    say what it carries ('arms shipments', 'grain deliveries')."""
    if not pred.by_object:
        return []
    if pred.pos != "verb":  # and what the noun is of, by its words ('a suspension of debt service payments')
        return [c.lemma_.lower() for c in verb.children if c.dep_ in ("compound", "nmod") and c.i < verb.i] + [
            k for g in _of_objects(verb) for k in (g.lemma_.lower(), *_modifier_lemmas(g))]
    head = _object_of(verb)
    if head is None:  # 'helped Spanish police arrest three suspects': the helped as the clause's subject
        clause = A.child(verb, "ccomp", "xcomp")
        head = A.child(clause, "nsubj") if clause is not None else None
    if head is None:  # 'appealed against a WTO ruling': what the verb is against
        return [o.lemma_.lower() for _prep, o in A.prep_objects(verb, ("against",))] + _time_given(verb) + (
            ["fugitive"] if _wanted_misparsed(verb) else [])
    keys = [head.lemma_.lower(), *_modifier_lemmas(head)]
    if _an_amount_of_money(head) and not _what_a_sum_is_in(head):
        keys.append("money")  # 'paid Ukraine 1.5 billion euros' (but '$1 billion in compensation' is compensation)
    if _names_someone(head):
        keys.append("__named__")
    if head.lemma_.lower() in COLLECTIVES:  # 'deployed a team of election observers': what the team is of
        keys += [g.lemma_.lower() for g in _of_objects(head)]
    if head.lemma_.lower() in PARTS:  # 'delivered the first part of a $500 million aid package': of the aid
        keys += [k for g in _of_objects(head)
                 for k in (g.lemma_.lower(), *(c.lemma_.lower() for c in g.children if c.dep_ in ("compound", "amod")))]
    if any(c.dep_ == "acl" and c.lemma_.lower() == "want" for c in head.children):
        keys.append("fugitive")  # 'handed over a man wanted in Germany': a wanted person, as a fugitive
    return keys + _time_given(verb)


def _wanted_misparsed(verb: Token) -> bool:
    """'handed over to British authorities a man wanted in connection with a stabbing': the parser makes the
    wanted man the subject of a clause of 'wanted' hung on the verb, not its object."""
    return any(c.dep_ == "advcl" and c.lemma_.lower() == "want" and c.tag_ in ("VBN", "VBD") and A.child(c, "nsubj")
               is not None for c in verb.children)


TIME_SPANS = frozenset({"day", "week", "hour", "month"})


def _time_given(verb: Token) -> list[str]:
    """'gave the council 15 days to hand power to civilians': the time given to do something, which the parser
    hangs from the verb as an adverbial."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and A.is_infinitive(c)]
    if not clauses or any(g.lemma_.lower() == "face" for c in clauses for g in c.subtree):
        return []  # '... one week to reinstate the president or face intervention': an ultimatum, a threat
    if A.prep_objects(verb, ("until", "till")):
        return ["day"]  # 'gave Moscow until Tuesday to explain itself': a deadline given, as a span of time is
    return [c.lemma_.lower() for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_SPANS]


COLLECTIVES = frozenset({"team", "group", "contingent", "delegation", "unit", "batch", "convoy", "consignment",
                         "number", "dozen", "hundred", "thousand"})
PARTS = frozenset({"part", "portion", "tranche", "instalment", "installment", "share", "rest", "bulk", "half",
                   "third", "remainder", "shipment", "delivery"})


def _of_lemma(noun: Token) -> str | None:
    return next((g.lemma_.lower() for g in _of_objects(noun)), None)


def _of_objects(noun: Token) -> list[Token]:
    """What a noun is 'of' ('a team of observers', 'the first part of a package'): the first object of each 'of'."""
    return [pobj for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            if (pobj := A.child(c, "pobj")) is not None]


NO_COMMENT = frozenset({"comment", "elaborate", "say", "speculate", "discuss", "confirm", "answer", "respond",
                        "disclose", "specify", "name", "identify", "reveal"})
PROPOSALS = frozenset({"request", "invitation", "offer", "proposal", "demand", "call", "appeal", "bid", "plea",
                       "overture", "proposition", "ultimatum"})


def _a_proposal_object(verb: Token) -> bool:
    """'declined an offer of about $100 million': the object is a proposal, whatever word its phrase is read by."""
    head = _object_of(verb)
    return head is not None and head.lemma_.lower() in PROPOSALS


def _characterised(noun: Token) -> bool:
    """An act referred to by a definite noun that a reaction names something ('calling the arrests arbitrary',
    'described their detention as illegal'): the act was told before; the naming is the reaction (NAMING_VERBS,
    below, as `_what_it_called` reads them)."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in NAMING_VERBS and any(
        c.dep_ in ("oprd", "acomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children
    ) and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "its", "his", "her", "this", "these", "that")
              for c in noun.children)


def _the_description(noun: Token) -> bool:
    """The name a reaction gives an act ('called the U.S. tariffs an unacceptable attack', 'described the
    sanctions as an attack on its companies'): a judgement of what was told, not a second act."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ != "oprd":
        return False
    return verb.lemma_.lower() in DESCRIBING_VERBS | NAMING_VERBS and A.child(verb, "dobj") is not None


def _handed_to(verb: Token, pred: Predicate) -> bool:
    """'France handed its last two military sites in Senegal to the Senegalese army', 'a Japanese relief team handed
    tents to Philippine officials': a thing the lexicon reads for 'hand' (ground, aid, prisoners, suspects), handed to
    someone, needs no 'over' ('handed him a letter' does)."""
    obj = A.child(verb, "dobj")
    if verb.lemma_.lower() != "hand" or obj is None or not (
            A.prep_objects(verb, ("to",)) or any(t.dep_ == "prep" and t.lower_ == "to" for t in obj.subtree)):
        return False  # ('handed a rebuilt stretch of the coastal road to local officials': 'to' hung on the road)
    # what an amount is of ('300 tonnes of rice'), not what a paper lists ('a list of 76 suspects')
    counted = obj.like_num or any(c.dep_ == "nummod" for c in obj.children) or obj.lemma_.lower() in COLLECTIVES
    words = (_phrase_words(obj) if counted else {obj.lemma_.lower(), *_modifier_lemmas(obj)}) - PRONOUN_WORDS
    if any(c.dep_ in ("amod", "acl") and c.lower_ in MADE_OR_MENDED for c in obj.children):  # 'a school built with'
        words.add("aid")  # 'Chinese engineers handed a rebuilt irrigation canal to Afghan officials'
    return any(words & keys for keys, _reading in pred.by_object)


PRONOUN_WORDS = frozenset({"he", "she", "him", "her", "it", "they", "them"})
ABLAZE = frozenset({"ablaze", "alight", "afire"})
# what the giver made or mended: a thing so described and handed over is aid ('handed a rebuilt canal to')
MADE_OR_MENDED = frozenset({"rebuilt", "new", "renovated", "refurbished", "repaired", "restored", "upgraded",
                            "built", "donated", "newly", "expanded", "modernised", "modernized", "extended",
                            "completed", "constructed", "funded", "financed", "refitted", "overhauled",
                            "reconditioned"})


REBUILDING = frozenset({"rebuild", "repair", "reconstruct"})


def _pushed_on_no_one(verb: Token) -> bool:
    """'Push' told with no particle, object, complement or 'for'/'on'/'into'/'against' phrase: forces moving on."""
    return _particle_of(verb) is None and A.child(verb, "dobj", "xcomp", "ccomp") is None \
        and not A.prep_objects(verb, ("for", "on", "into", "against", "toward", "towards", "ahead")) \
        and not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                    for c in verb.children)  # 'pushing hard for the US to support its plan'


def _verb_applies(verb: Token, pred: Predicate, obj: str | None, res: Resolution) -> bool:
    if pred.particle and not any(c.lower_ in pred.particle and (c.dep_ == "prt" or _particle_of_place(c))
                                 for c in verb.children) and not _particle_read_as_a_number(verb, pred) \
            and not _handed_to(verb, pred) and not _particle_after_relative(verb, pred):
        return False
    refused = pred.lemma in REFUSED_WHATEVER_IT_IS and _negated(verb) and _object_of(verb) is not None
    if pred.objects and not refused and not (pred.by_particle and _particle_of(verb) in pred.by_particle):  # 'gave in'
        head = _object_of(verb)
        words: set[str | None] = {obj}
        if head is not None:  # 'imposed martial law', 'a state of emergency', '$1.6 billion in development aid'
            words |= {head.lower_} | _phrase_words(head)
        if head is not None and _names_someone(head):  # 'provided Sri Lanka with emergency food aid'
            for _prep, given in A.prep_objects(verb, ("with",)):
                words |= _phrase_words(given)
        words |= set(_time_given(verb))
        if any(c.lower_ in ABLAZE for c in verb.children) or any(
                o.lower_ == "fire" for h in (verb, head) if h is not None for _p, o in A.prep_objects(h, ("on",))):
            words.add("fire")  # 'drones set a distillation unit ablaze' ('on fire'): as 'set fire to' it
        if head is None:  # 'acknowledged as genocide the killing of ...', the object parsed under the 'as'
            words |= {o.lemma_.lower() for _p, o in A.prep_objects(verb, ("as",))}
        if head is None and "__none__" in pred.objects:
            return True
        if head is not None and "__named__" in pred.objects and (_names_someone(head) or _names_a_person(head, res)):
            return True
        if head is not None and "__person__" in pred.objects and _names_a_person(head, res):
            return True
        if head is not None and "__nationals__" in pred.objects and _names_nationals(head, res):
            return True
        if head is None and pred.reading.event == "MOBILIZE" and _troops_heading_somewhere(verb):
            return True  # 'Ethiopian troops have been moving towards the Eritrean border'
        if not (words & pred.objects):
            return False
    if pred.subjects and not _subject_words(verb) & pred.subjects and not _carrying_aid(verb, pred) and not (
            "__named__" in pred.subjects and _person_subject(verb, res)):
        return False  # 'Mark Rutte arrived in Kyiv': a known person named alone is one of the named guests
    if _subject_words(verb) & NATURAL_FORCES:
        return False  # 'the earthquake that struck Myanmar', 'floods hit the region': nobody's act
    if pred.lemma == "respond" and not _told_as_coming(verb):
        return False  # 'responded to questions': only 'would respond', 'reserves the right to respond' threaten
    if pred.lemma == "hold" and not _held_to_blame(verb):
        return False  # only 'held X responsible': 'held talks', 'held that ...' are no blame
    if pred.lemma == "commit" and obj in WRONGS:
        return False  # 'committed crimes against humanity': a wrong done, no commitment
    if pred.lemma in NAMING_VERBS and any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "oprd", "attr")
                                           for c in verb.children):
        return False  # 'carried out what it called "precision strikes"': the name the doer gives its act
    if pred.lemma == "face" and _ultimatum(verb) is None:
        return False  # only '... or face measures': a party facing something is no event
    if pred.lemma in REBUILDING and obj not in ("tie", "ties", "relation", "relations") and (
            A.is_infinitive(verb) or ((built := A.child(verb, "dobj")) is not None and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in built.children))):
        return False  # 'Ukraine is rebuilding its power lines': its own; 'pledged $100 million to rebuild schools':
        # what the pledge is for, which the pledge tells
    if pred.lemma == "push" and _pushed_on_no_one(verb):
        return False  # 'Australian armour pushed inland': a move, nothing asked of anyone
    if pred.needs_complement and A.child(verb, "xcomp", "ccomp") is None and obj not in PROPOSALS \
            and not _a_proposal_object(verb) \
            and not _complement_on_the_object(verb) \
            and not _object_reading_named(verb, pred, obj) \
            and not (pred.lemma == "hold" and _held_to_blame(verb)) and not _envoys_ordered_out(verb) \
            and not _missions_ordered_closed(verb):
        return False  # 'declined a U.S. request' is a refusal; 'ordered troops to the border' has its own reading
    if _question_put_to_a_source(verb, pred):
        return False  # 'made the remark when asked about the purchase': a reporter's question, no demand
    if pred.reading.event == "REJECT" and (said := A.child(verb, "xcomp")) is not None \
            and said.lemma_.lower() in NO_COMMENT:
        return False  # 'declined to comment', 'refused to say': no refusal of anything a state asked
    particled = bool(pred.by_particle) and _particle_of(verb) in pred.by_particle  # 'called up reservists'
    if pred.requires and not particled and not (pred.lemma in DESCRIBING_VERBS and _predicative(verb)):
        # 'charged X with ...' / 'charged that ...'; a describing verb's naming needs none ('called the move a
        # provocation'), nor a reading of its particle ('called up reservists', 'called off the talks')
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep" and not _partner_missing(c, pred)}
        preps |= {p for p, o in A.prep_objects(verb, pred.requires) if not _partner_missing(o.head, pred)}
        # 'would retaliate "in kind" against the U.S. sanctions': the parser hangs one phrase on the other
        preps |= {g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "prep"}
        # 'flew 15 tonnes of supplies and a field hospital team to Mandalay': hung from the last thing carried
        preps |= {p for o in _carried_things(verb) for p, _ in A.prep_objects(o, ("to", "into")) if p in pred.requires}
        marks = {"that"} if A.child(verb, "ccomp") is not None else set()
        if any(c.dep_ == "xcomp" and A.is_infinitive(c) for c in verb.children):
            marks.add("to")  # 'called Russia to halt its attacks'
        if _takes_a_for_clause(verb, ("advcl", "ccomp", "xcomp")):
            marks.add("for")  # 'called for the army chief to be prosecuted'
        talked_together = pred.reading.event == "CONSULT" and (_by_phone(verb) or _joint_subject(verb))
        if not (preps | marks) & pred.requires and not talked_together:
            return False  # 'X and Y spoke by phone' needs no 'with'
    if pred.complement_needs_modal and not _told_of_by_another_noun(verb, obj) \
            and _object_reading_named(verb, pred, obj):
        return True  # 'announced $1.2 billion in economic support for Yemen': what is announced is the act
    if pred.complement_needs_modal:
        comp = A.child(verb, "ccomp")
        if comp is not None and pred.reading.event == "THREATEN":  # 'hinted that it could retaliate'
            return _may_act(comp)
        if pred.reading.event == "REQUEST" and _told_to_act(verb):
            return True
        return comp is not None and _obliges(comp) and not _addressed_to_everyone(comp) \
            and not _expected_of_a_deal(comp)
    return True


def _expected_of_a_deal(comp: Token) -> bool:
    """'said the accord reached with Brazil should bring down prices': what a deal is expected to do is no demand
    on anyone."""
    subj = A.child(comp, "nsubj")
    return subj is not None and subj.lemma_.lower() in DEAL_NOUNS and not A.is_passive(comp)


def _object_reading_named(verb: Token, pred: Predicate, obj: str | None) -> bool:
    """Whether the verb's object (its lemma or another of its keys) is one the predicate has a reading of its own
    for ('ordered troops to the border', 'announced $1.2 billion in economic support')."""
    return any(key in words for words, _ in pred.by_object for key in [obj, *_object_keys(verb, pred)])


def _told_of_by_another_noun(verb: Token, obj: str | None) -> bool:
    """'announced a suspension of military aid': the object word read is what another noun is of, and that noun
    (a suspension, a cut, a review) says what is done to it."""
    head = _object_of(verb)
    return head is not None and obj is not None and obj != head.lemma_.lower() and obj == _of_lemma(head)


def _carried_things(verb: Token) -> list[Token]:
    """The verb's object and the objects listed with it."""
    obj = A.child(verb, "dobj")
    return [obj, *obj.conjuncts] if obj is not None else []


EVERYONE = frozenset({"side", "party", "country", "nation", "state", "everyone", "everybody", "anyone", "world",
                      "community", "actor", "stakeholder", "government"})


def _addressed_to_everyone(comp: Token) -> bool:
    """'said that all sides should avoid escalation', 'No country should give Putin a platform': advice to no one
    in particular is no demand on a state."""
    subj = A.child(comp, "nsubj", "nsubjpass")
    if subj is None or subj.lemma_.lower() not in EVERYONE:
        return False
    quantified = any(c.lower_ in ("all", "no", "every", "any") for c in subj.children
                     if c.dep_ in ("det", "predet", "amod"))
    return quantified or subj.lemma_.lower() in ("everyone", "everybody", "anyone") or (
        subj.lemma_.lower() in ("world", "community") and any(c.lower_ == "international" for c in subj.children))


def _told_to_act(verb: Token) -> bool:
    """'India told Canada to withdraw 40 diplomats': someone told to do something is asked to (an order), where
    'told reporters that ...' only reports speech."""
    told = A.child(verb, "dobj", "dative")
    act = A.child(verb, "xcomp")
    if told is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in told.children):
        return False  # 'announced a joint group to coordinate action': a thing made for a purpose, no one told
    return told is not None and act is not None and A.is_infinitive(act)


def _may_act(verb: Token) -> bool:
    """'... that it could retaliate', '... would respond': a clause of what someone may or will do."""
    return _has_aux(verb, ("could", "would", "might", "may", "will", "'ll"))


def _has_aux(verb: Token, words: tuple[str, ...]) -> bool:
    """Whether the verb has one of these auxiliaries ('would', 'must', ...)."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def _phrase_words(head: Token) -> set[str]:
    """A noun's lemma, its modifiers' and those of its 'in'/'of' objects: what an object restriction may key on."""
    words = {head.lemma_.lower(), *_modifier_lemmas(head)}
    if _an_amount_of_money(head):
        words.add("money")
    return words | {g.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                    for g in c.children if g.dep_ == "pobj"}


def _an_amount_of_money(noun: Token) -> bool:
    """'170 million euros', '50 billion yen': a sum in any currency, read as money (the lexicon lists 'money'
    once instead of every currency's name). A number must count it: 'won' and 'real' are words too."""
    if noun.lower_ in CURRENCY_WORDS:
        return any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in noun.children)
    # '$1.5 billion', 'C$4.5-billion', '€200 million': a number with a currency sign before it
    return (noun.like_num or noun.lower_ in ("million", "billion", "trillion")) and any(
        c.tag_ == "$" for c in noun.subtree if c.i < noun.i)


# what strikes, hits and kills without anyone acting
NATURAL_FORCES = frozenset({"earthquake", "quake", "tremor", "aftershock", "storm", "cyclone", "typhoon", "hurricane",
                            "tornado", "flood", "flooding", "tsunami", "landslide", "mudslide", "avalanche", "drought",
                            "wildfire", "heatwave", "blizzard", "eruption", "pandemic", "epidemic", "outbreak",
                            "disease", "virus"})


# Aid a state may give its own people ('Nigerian troops rescued 30 schoolchildren'): a domestic AID
HELPING_ONES_OWN = frozenset({"rescue", "distribute", "airdrop", "airlift"})
PEOPLE_WORDS = frozenset({"family", "families", "people", "resident", "residents", "victim", "victims", "community",
                          "communities", "villager", "villagers", "household", "households", "refugee", "refugees",
                          "survivor", "survivors", "child", "children", "farmer", "farmers", "civilian", "civilians",
                          "village", "villages", "camp", "camps", "hospital", "hospitals"})


def _to_people(verb: Token) -> bool:
    """'distributed free maize to about 400,000 families': given to people, not to a state."""
    return any(o.lemma_.lower() in PEOPLE_WORDS or o.lower_ in PEOPLE_WORDS for _p, o in A.prep_objects(verb, ("to",)))


TROOP_WORDS = frozenset({"troop", "troops", "soldier", "soldiers", "force", "forces", "army", "tank", "tanks",
                         "unit", "units", "warship", "warships", "fighter", "fighters", "convoy", "column",
                         "weaponry", "armour", "armor"})


def _troops_heading_somewhere(verb: Token) -> bool:
    """Forces as the subject of a verb of moving, toward or into a place ('troops moved towards the border')."""
    heading = any(p.lower_ in ("toward", "towards", "to", "into", "near") for p in verb.children if p.dep_ == "prep")
    return heading and not A.is_passive(verb) and bool(_subject_words(verb) & TROOP_WORDS)


def _subject_words(verb: Token) -> set[str]:
    """The lemmas of who does what a verb says: its subject, or a passive's agent, and their modifiers; for a
    relative clause ('the quake that struck'), the noun it describes."""
    subj, passive = A.subject(verb)
    doer = A.agent(verb) if passive else subj
    if doer is None:
        return set()
    if doer.lower_ in ("that", "which") and verb.dep_ == "relcl":
        doer = verb.head
    told = next((c for c in doer.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if doer.pos_ == "PROPN" and told is not None:
        doer = told  # 'The Brave Commander, the first ship chartered by the WFP, docked': a ship, by what it is
    words = {doer.lemma_.lower(), *_modifier_lemmas(doer)}
    if "military" in words and words & AIRCRAFT:
        words.add("warplane")  # 'two Russian military transport planes landed in Venezuela'
    if doer.lemma_.lower() in ACTING_MANY and (of := next((o for p, o in A.prep_objects(doer, ("of",))), None)):
        words |= {of.lemma_.lower(), *_modifier_lemmas(of)}  # 'a wave of Russian drones hit ...': the drones did
    return words


AIRCRAFT = frozenset({"plane", "aircraft", "airplane", "jet", "helicopter", "airlifter"})


# words for many of something, whose 'of' says what acted ('a wave of drones', 'a column of tanks')
ACTING_MANY = frozenset({"wave", "barrage", "swarm", "salvo", "volley", "series", "flurry", "hail", "fleet",
                         "squadron", "convoy", "column", "group", "pair", "number", "dozen", "dozens", "hundreds",
                         "unit", "detachment", "flotilla", "hundred", "thousand", "thousands", "contingent",
                         "battalion", "batch", "team", "party", "delegation", "brigade"})  # 'Hundreds of French
# soldiers arrived': the lemma is 'hundred'; 'a new team of 40 Cuban doctors arrived': the doctors did


def _modifier_lemmas(noun: Token) -> list[str]:
    """The lemmas of a noun's compounds and adjectives, a compound's own compound too ('water purification units',
    'a French navy patrol vessel'): what an object or subject restriction may key on."""
    return [t.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")
            for t in c.subtree if t is c or t.dep_ in ("compound", "amod")]


def _particle_read_as_a_number(verb: Token, pred: Predicate) -> bool:
    """'handed over 90 Ukrainian prisoners': the particle right after the verb, parsed as 'more than' of the
    number that follows it."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ in pred.particle and after.dep_ in ("quantmod", "advmod") \
        and after.head.like_num


def _particle_after_relative(verb: Token, pred: Predicate) -> bool:
    """'handed three soldiers who had wandered across the border back to Congolese officers': the parser hangs the
    verb's particle, with the 'to' after it, on the relative clause that ends its object."""
    obj = A.child(verb, "dobj")
    clause = next((c for c in obj.children if c.dep_ == "relcl"), None) if obj is not None else None
    return clause is not None and any(
        c.dep_ == "advmod" and c.lower_ in pred.particle and c.i > clause.i and any(
            g.dep_ == "prep" and g.lower_ == "to" for g in c.children) for c in clause.children)


def _particle_of_place(word: Token) -> bool:
    """A particle the parser made a preposition, with the place after it: 'pulled its forces out of Lebanon'
    (not 'pulled way out front')."""
    if word.dep_ in ("prep", "advmod") and any(g.dep_ == "prep" and g.lower_ in ("of", "from")
                                               for g in word.children):
        return True
    # 'forces pulled back from positions', 'pulled troops back': the parser made the particle an adverb
    verb = word.head
    return word.dep_ == "advmod" and word.i > verb.i and any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("from", "of")) for c in verb.children)


def _names_a_person(head: Token, res: Resolution) -> bool:
    """An object the resolver read as a known person ('hosted Ruto', 'received Lukashenko'), or a word for one
    with the person's name beside it ('hosted his Congolese neighbour Felix Tshisekedi')."""
    for t in (head, *(c for c in head.children if c.dep_ == "appos")):
        span = res.actor_at.get(t.i)
        if span is not None and span.type == "person":
            return True
    return False


def _described_as(noun: Token | None, lex: Lexicon, classes: tuple[str, ...]) -> bool:
    """A name its apposition says is a thing of these classes ('The Admiral Kuznetsov, Russia's only aircraft
    carrier': a ship named after a person)."""
    words = frozenset().union(*(lex.classes.get(c, frozenset()) for c in classes))
    return noun is not None and any(c.dep_ == "appos" and c.lemma_.lower() in words for c in noun.children)


def _person_subject(verb: Token, res: Resolution) -> bool:
    """The verb's active subject is a known person ('Mark Rutte arrived in Kyiv')."""
    subj, passive = A.subject(verb)
    return subj is not None and not passive and _names_a_person(subj, res)


def _names_nationals(head: Token, res: Resolution) -> bool:
    """An object that is people of a nationality ('freed six Americans', 'detained two Britons')."""
    span = res.actor_at.get(head.i)
    return span is not None and span.type == "demonym" and head.tag_ in ("NNS", "NNPS")


def _names_someone(head: Token) -> bool:
    """An object that is a named person, group or place ('met Putin', 'fought the Taliban')."""
    return head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _obliges(verb: Token) -> bool:
    """'X must ...', 'X should ...', 'X needs to ...', 'X has to ...': the clause states an obligation (not of a
    state of mind: 'lawmakers must understand they will get nowhere' is rhetoric, no demand)."""
    if verb.lemma_.lower() in MINDSETS:
        return False
    if _has_aux(verb, ("must", "should")):
        return True
    if verb.lemma_.lower() == "be" and _needful_for(verb) is not None:
        return True  # 'said it was necessary for Russia to withdraw its troops'
    return verb.lemma_.lower() in ("need", "have") and A.child(verb, "xcomp") is not None


NEEDFUL = frozenset({"necessary", "essential", "vital", "imperative", "time"})


def _needful_for(copula: Token) -> Token | None:
    """'it is necessary for Russia to withdraw': the infinitive of what is deemed needful, with its own subject."""
    if not any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in NEEDFUL for c in copula.children):
        return None
    for clause in (c for c in copula.children if c.dep_ in ("advcl", "xcomp", "ccomp") and A.is_infinitive(c)):
        if A.child(clause, "nsubj") is not None and any(m.lower_ == "for" for m in clause.children):
            return clause
    return None


MINDSETS = frozenset({"understand", "know", "realize", "realise", "remember", "learn", "see"})


# Heads that make an event noun before them a kind of thing, not an event: 'a carrier strike group', 'attack
# helicopters', 'aid workers', 'the protest leaders'.
KIND_HEADS = frozenset({"group", "force", "helicopter", "aircraft", "submarine", "team", "unit", "capability",
                        "worker", "agency", "leader", "organisation", "organization", "official", "chief", "envoy",
                        "coordinator", "vessel", "boat", "dog", "police", "gear", "movement", "activist",
                        "campaigner"})  # fmt: skip


PRESS_WORDS = frozenset({"news", "press", "media"})
ASKED_OF_A_SOURCE = frozenset({"comment", "comments", "interview", "clarification", "reaction"})


def _the_press_at_work(noun: Token) -> bool:
    """'at a news conference in Riyadh', 'did not respond to a request for comment': a briefing for reporters is no
    meeting between states, a reporter's question no demand."""
    lemma = noun.lemma_.lower()
    if lemma in ("conference", "briefing", "meeting") and any(
            c.dep_ in ("compound", "amod", "nmod") and c.lower_ in PRESS_WORDS for c in noun.children):
        # a joint one, or one 'with' a guest, says the two met ('a news conference at the Pentagon with Parly')
        return not (A.prep_objects(noun, ("with", "alongside")) or A.child(noun, "amod") is not None
                    and any(c.lower_ == "joint" for c in noun.children))
    return lemma == "request" and any(o.lower_ in ASKED_OF_A_SOURCE for _p, o in A.prep_objects(noun, ("for",)))


def _question_put_to_a_source(verb: Token, pred: Predicate) -> bool:
    """'when asked about the planned purchase', 'Asked about the talks, the spokesman said': a question put to the
    one who answers (a participle with no one named as asking and nothing asked to be done); 'China's Foreign
    Ministry, asked about the treaty on Tuesday, said ...', which the parser may read as a finite verb: asked about
    something, with no one asked and nothing asked for (not 'asked Japan about the detained man')."""
    if pred.lemma != "ask":
        return False
    participle = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "advmod", "acl", "ccomp") \
        and not any(c.dep_ in ("agent", "xcomp", "auxpass", "nsubjpass") for c in verb.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    asked_about = bool(A.prep_objects(verb, ("about",))) and not A.prep_objects(verb, ("for",)) and not any(
        c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children)
    return participle or asked_about


def _spoken_to(noun: Token, pred: Predicate) -> bool:
    """'told an emergency meeting of the Security Council', 'briefed a session of the council': a meeting someone
    speaks to is where words were said, not a meeting of the speaker's state with anyone."""
    return pred.reading.event == "CONSULT" and noun.dep_ in ("dobj", "dative") \
        and noun.head.lemma_.lower() in ("tell", "brief", "address", "inform") \
        and not _done_together(noun)  # 'told a joint news conference with President Sandu': they met


def _done_together(noun: Token) -> bool:
    return any(c.lower_ == "joint" for c in noun.children) or bool(A.prep_objects(noun, ("with",)))


def _takes_a_for_clause(token: Token, deps: tuple[str, ...]) -> bool:
    """Whether a clause the token takes opens with 'for' ('called for the chief to be prosecuted'): the 'for' a
    requirement may name."""
    return any(m.dep_ == "mark" and m.lower_ == "for" for c in token.children if c.dep_ in deps for m in c.children)


def _soldiers_marched(noun: Token) -> bool:
    """A march told of soldiers, the subject of its clause's verb, or a road march: a military march."""
    if any(c.dep_ == "compound" and c.lemma_.lower() == "road" for c in noun.children):
        return True  # 'reached the training ground after an overnight road march from the border'
    verb = A.governing_verb(noun)
    subj = A.subject(verb)[0] if verb is not None else None
    return subj is not None and subj.lemma_.lower() in MILITARY_DOERS


def _in_charge(noun: Token) -> bool:
    """'took charge of the cargo', 'the officer in charge of the crossing': charge as command."""
    return (noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("take", "assume")) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "in")


CLEARING = frozenset({"clear", "acquit", "absolve", "exonerate"})


def _cleared_of(noun: Token) -> bool:
    """'after a special court cleared him of all charges': the charges a court cleared someone of are the end of a
    case, not an accusation made."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CLEARING


def _noun_applies(noun: Token, pred: Predicate, is_phrase: bool) -> bool:
    if _goods_thanked_for(noun):
        return True  # 'thanked Australia for the supplies landed in Lenakel': given, whatever the parse hangs on them
    if pred.lemma == "note" and any(c.dep_ in ("acl", "relcl") for c in noun.children):
        return False  # 'a diplomatic note asking for technical data', '... demanding that the drilling stop'
    if pred.lemma == "charge" and _in_charge(noun):
        return False  # 'officials took charge of the cargo': no accusation
    if pred.reading.event == "ACCUSE" and _cleared_of(noun):
        return False  # 'a court cleared him of all charges': no accusation made
    if pred.lemma == "march" and _soldiers_marched(noun):
        return False  # 'ski troops reached the ranges after a long march across the mountains': no protest
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.lemma_.lower() in KIND_HEADS:
        return False
    if pred.lemma in DEFENCE_NOUNS and not _came_to(noun):
        return False  # only 'came to India's defense' backs a state: 'spending on defense' is no event
    if _the_press_at_work(noun) or _spoken_to(noun, pred):
        return False
    if pred.objects and not {k for g in _of_objects(noun) for k in (g.lemma_.lower(), *_modifier_lemmas(g))} \
            & pred.objects:
        return False  # 'the arrival of Chadian reinforcements', not 'the arrival of migrants': what it is of counts
    if pred.requires:
        preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        if noun.dep_ == "dobj":  # 'approved a loan to Pakistan': the phrase may hang from the verb
            preps |= {c.lower_ for c in noun.head.children if c.dep_ == "prep"}
        if noun.dep_ == "pobj":  # 'troops remained on alert'
            preps.add(noun.head.lower_)
        sum_given = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
        if sum_given is not None and sum_given.dep_ == "dobj" and (
                sum_given.like_num or _an_amount_of_money(sum_given)):
            # 'received $2.4 billion in fresh loans from China': the phrase hangs from the verb of the sum
            preps |= {c.lower_ for c in sum_given.head.children if c.dep_ == "prep"}
        marks = {"that"} if any(c.dep_ in ("acl", "ccomp") for c in noun.children) else set()
        if _infinitives(noun):
            marks.add("to")  # 'Kyiv's refusal to cede territory'
        if _takes_a_for_clause(noun, ("acl", "advcl", "relcl")):
            marks.add("for")  # 'its call for the office to be shut down'
        # 'Turkish and Greek officials held a dialogue', '... held talks by video link': no 'with' needed
        talked_together = pred.reading.event == "CONSULT" and noun.dep_ == "dobj" and (
            _by_phone(noun.head) or _joint_subject(noun.head))
        # 'drawing a warning from Pyongyang': a reaction says who reacts, which is all the noun needs
        # 'came under Turkish drone fire': the place under fire is the subject, no 'on' needed
        came_under = pred.reading.event == "ASSAULT" and _came_under(noun)
        if not (preps | marks) & pred.requires and not talked_together and _drawn_from(noun) is None \
                and not came_under and not _relief_arrived(noun, pred.reading.event):
            return False
    if pred.modifiers and not is_phrase:  # 'joint air force drills': 'joint' may hang from 'force'
        mods = {c.lemma_.lower() for c in noun.subtree if c.i < noun.i and c.dep_ in ("amod", "compound", "nmod")}
        if _done_jointly(noun):
            mods.add("joint")
        if not mods & pred.modifiers and not _held_by_forces(noun) and not _under_a_states_fire(noun):
            return False
    return True


def _came_under(noun: Token) -> bool:
    """'came under fire', 'was under attack': the noun a place came under."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() in ("come", "be")


def _under_a_states_fire(noun: Token) -> bool:
    """'Romny came under Russian fire', '... under fire from Russian missiles and drones': fire a place came under,
    told as a state's or its weapons' (a forest fire is nobody's)."""
    return noun.lemma_.lower() == "fire" and _came_under(noun) \
        and (any(c.dep_ == "amod" and c.text[:1].isupper() for c in noun.children)
             or any(o.lemma_.lower() in MUNITIONS for _p, o in A.prep_objects(noun, ("from",))))


# what fire comes from ('came under fire from Russian missiles and drones')
MUNITIONS = frozenset({"missile", "rocket", "drone", "shell", "bomb", "mortar", "artillery", "projectile", "gun",
                       "warplane", "jet", "aircraft", "helicopter", "tank", "howitzer", "gunboat", "warship"})


# who holds drills that need no word saying they are military ('Chinese warships held exercises off Taiwan')
MILITARY_DOERS = frozenset({"warship", "ship", "navy", "troop", "soldier", "force", "army", "marine", "jet",
                            "warplane", "aircraft", "destroyer", "frigate", "submarine", "carrier", "bomber",
                            "military", "paratrooper", "commando", "battalion", "brigade", "fleet", "vessel",
                            "infantry", "armour", "armor", "regiment", "platoon"})


def _held_by_forces(noun: Token) -> bool:
    """Drills or exercises held, conducted or staged by warships or troops are military drills."""
    if noun.lemma_.lower() not in EXERCISES:
        return False
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("hold", "conduct", "stage", "carry", "begin", "start",
                                                             "launch"):
        return bool(_subject_words(noun.head) & MILITARY_DOERS)
    joined = _joined_by(noun)  # 'Indonesian fighter jets took part in an exercise', 'warships joined drills'
    return joined is not None and bool(_subject_words(joined) & MILITARY_DOERS)


def _done_jointly(noun: Token) -> bool:
    """'an operation carried out jointly by Moroccan and Spanish police': 'jointly' says what 'joint' would; so do
    two states' forces holding drills together ('Finnish and Swedish troops held an exercise')."""
    if noun.lemma_.lower() in EXERCISES and noun.dep_ == "dobj" and _joint_subject(noun.head):
        return True
    return any(c.dep_ == "acl" and _said_to_be_done_together(c) for c in noun.children)


def _warrant_for(noun: Token) -> bool:
    """'an arrest warrant', 'a warrant for the arrest of X': the arrest is only threatened."""
    head = noun.head
    return (noun.dep_ == "compound" and head.lemma_.lower() == "warrant") or (
        noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "warrant")


# going in or getting at something: what those barred are kept from, what those let in are let do
ENTERING = frozenset({"enter", "visit", "land", "access", "cross", "travel", "return", "reach", "pass", "board",
                      "inspect", "tour"})


def _barred_from_entering(verb: Token, res: Resolution) -> bool:
    """'barred IAEA inspectors from entering the country', 'barred the UN mission': an organisation or foreigners
    kept out (the manual's REJECT), not a state restricting its own people ('barred women from universities')."""
    obj = _object_of(verb)
    if obj is not None and any(s.kind != "state" for s in A.np_actors(obj, res)):
        return True
    # the parser may hang 'from entering' on the last of those barred ('barred X, Y and other officials from ...')
    kept = [verb, *((obj, *obj.conjuncts) if obj is not None else ())]
    return any(g.lemma_.lower() in ENTERING for t in kept for _, g in A.prep_objects(t, ("from",)))


DECLARING = frozenset({"announce", "declare", "proclaim", "unveil", "offer", "propose"})


def _declared(noun: Token) -> bool:
    """A retreat named as what someone announced or declared ('announced a month-long ceasefire'): the manual codes
    declarations of ceasefires and withdrawals as CONCEDE, their implementation as RETREAT."""
    verb = A.governing_verb(noun)
    if verb is not None and verb.lemma_.lower() == "declare" and noun.lemma_.lower() in TRUCES \
            and not _takes_effect_later(noun):
        return False  # but a truce declared is in force (CAMEO 0871; 'Hizbollah declared a unilateral ceasefire'
        # is RETREAT in the PLOVER gold standard), unless it starts later ('to take effect from midnight')
    return verb is not None and verb.lemma_.lower() in DECLARING and _is_direct_argument(noun, verb)


TRUCES = frozenset({"ceasefire", "cease-fire", "cease_fire", "truce", "armistice"})
LATER_START = re.compile(r"\b(take effect|taking effect|come into force|starting|beginning|from midnight|"
                         r"will (begin|start|run))\b", re.I)


def _takes_effect_later(noun: Token) -> bool:
    return bool(LATER_START.search(noun.sent.text))


def _infinitives(noun: Token) -> list[Token]:
    """The infinitive clauses a noun takes ('refusal to cede', 'decision to send')."""
    return [c for c in noun.children if c.dep_ == "acl" and A.is_infinitive(c)]


def absorb(triggers: list[Trigger]) -> None:
    """Frame verbs absorb their complement's triggers; verbs absorb the triggers of what they act on."""
    by_index = {t.token.i: t for t in triggers}
    keeping_open = {t.token.i for t in triggers if _keeps_open(t.token)}  # their acts are read on their own
    for trig in triggers:
        if trig.token.i in keeping_open:
            continue
        if trig.pred.pos == "verb" and trig.pred.frame == "complement":
            _absorb_under(trig, _not_appended_to(trig.token, _complements(trig.token)), by_index,
                          frozenset({"relcl"}))
        if trig.pred.pos == "verb" and trig.pred.lemma in WARNINGS:
            # 'warned Greece to halt the survey, saying Ankara would take all necessary measures': what the
            # warning says, told by the participle that follows it
            _absorb_under(trig, [c for c in trig.token.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                                 and c.lemma_.lower() in ("say", "add")], by_index, frozenset({"relcl"}))
        elif trig.pred.pos == "noun" and trig.reading.event == "REJECT":  # 'Kyiv's refusal to cede territory'
            _absorb_under(trig, _infinitives(trig.token), by_index, frozenset({"relcl"}))
    for trig in triggers:
        # 'Niger joined Mali in breaking off relations with Ukraine': who is joined in an act does it too, and the
        # act is read on its own (a membership is coded from its organisation, or not at all)
        if trig.pred.pos == "verb" and trig.absorbed_by is None and trig.token.i not in keeping_open \
                and trig.pred.lemma not in MEMBERSHIP_VERBS:
            _absorb_under(trig, _not_appended_to(trig.token, _object_args(trig.token)), by_index,
                          frozenset({"relcl", "advcl"}))
    for trig in triggers:  # 'aid shipments', 'peace talks': one event, named by the phrase's head
        head = by_index.get(trig.token.head.i) if trig.token.dep_ == "compound" else None
        if trig.pred.pos == "noun" and head is not None and head.pred.pos == "noun" and trig.absorbed_by is None:
            _take(head, trig)
    for trig in triggers:  # 'thanked Ireland for the supplies it sent last week': the clause tells the giving
        if trig.pred.pos != "noun" or trig.absorbed_by is not None or _thanked_for(trig.token) is None:
            continue
        told_by = next((by_index[c.i] for c in trig.token.children if c.dep_ in ("relcl", "acl") and c.i in by_index
                        and by_index[c.i].reading.event == trig.reading.event), None)
        if told_by is not None and told_by.absorbed_by is None:
            _take(told_by, trig)
    for trig in triggers:
        if trig.pred.pos == "noun" and trig.absorbed_by is None:
            verb = A.governing_verb(trig.token)
            owner = by_index.get(verb.i) if verb is not None else None
            if owner is not None and owner.pred.pos == "verb" and _is_direct_argument(trig.token, verb) \
                    and not _told_as_done(owner, trig) and owner.token.i not in keeping_open:
                _take(owner, trig)


def _absorb_under(owner: Trigger, roots: list[Token], by_index: dict[int, Trigger], skip: frozenset[str]) -> None:
    for root in roots:
        for tok in A.walk(root, A._ALL_DEPS - skip):
            if _past_circumstance(tok, root):
                continue
            inner = by_index.get(tok.i)
            if inner is not None and inner is not owner and inner.absorbed_by is None \
                    and inner.pred.lemma != "face" \
                    and not _told_as_done(owner, inner):  # '... or face sanctions': a threat of its own
                _take(owner, inner)


def _past_circumstance(token: Token, root: Token) -> bool:
    """'agreed to lift its veto after the two countries settled their dispute': what happened before or since,
    told inside the complement, is an event of its own, not part of what was agreed or asked."""
    t = token
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in t.children)
                                  or _participle_after_comma(t)):
            return True
        if t.dep_ == "prep" and t.lower_ in ("after", "since", "following") and t.i != root.i:
            return True  # 'condemned ... an attempt to destabilise the country after Israeli air raids on ...'
        t = t.head
    return False


def _participle_after_comma(clause: Token) -> bool:
    """', retaliating for Washington's decision to shut ...', ', prompting Trump to call off a visit': a
    participle clause set off by a comma tells a cause or a consequence, not part of what was asked or agreed."""
    if clause.tag_ != "VBG" or any(c.dep_ in ("mark", "aux") for c in clause.children):
        return False
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].lower_ == ","


DENOUNCED_ACTS = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION"})
DENOUNCING = frozenset({"denounce", "condemn", "criticize", "criticise", "decry", "deplore", "slam", "blast",
                        "protest", "lambast", "lambaste", "censure"})


def _denounced(noun: Token) -> bool:
    """The object of a verb of denouncing: whoever denounces it did not do it."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in DENOUNCING


def _flown(owner: Trigger, inner: Trigger) -> bool:
    """'bombers flew a joint patrol over the Sea of Japan': what a verb of travel has for its object is done
    on the way, not the visit itself."""
    return owner.pred.lemma in ARRIVALS and inner.token.dep_ == "dobj" and inner.token.head == owner.token


def _told_as_done(owner: Trigger, inner: Trigger) -> bool:
    """An act inside another's words that the text tells as done, an event of its own rather than part of the
    owner's: what a state denounces ('Eritrea denounced a deployment of Ethiopian troops') or is thanked for
    ('thanked Mexico for a shipment of emergency supplies'), and a participle with its doer ('demanded the
    release of a vessel captured by the coast guard')."""
    token = inner.token
    if token.dep_ == "acl" and token.tag_ == "VBN" and A.agent(token) is not None:
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and inner.reading.event == "COERCE" \
            and inner.reading.mode == "arrest" and owner.reading.event in ("REQUEST", "ACCUSE", "PROTEST"):
        return True  # 'asked Thailand for consular access to its citizens detained in raids': they were detained
    if owner.pred.pos != "verb" or inner.pred.pos != "noun":
        return False
    if _flown(owner, inner):
        return True
    if inner.reading.event in THANKED_ACTS and _thanked_for(token) is not None:
        return True
    if inner.reading.event in ("SANCTION", "COERCE") and _who_answers(token) is not None \
            and token.head.head == owner.token:
        return True  # 'would retaliate against new Canadian sanctions': the sanctions were imposed
    if owner.reading.event == "REJECT" and inner.reading.event in ANSWERED_ACTS and _authored(token, owner.token) \
            and not _single_sentence(token.sent):
        # 'rejected India's accusation', 'rejected a request by Italy': the request was made too (a one-sentence
        # item codes the one act it reports, as PLOVER and CAMEO do: the refusal)
        return True
    if owner.reading.event == "ACCUSE" and inner.reading.event in DENOUNCED_ACTS and _worried_about(token, owner.token):
        return True  # 'voiced alarm about a buildup of Russian troops': the buildup is Russia's, and went on
    return owner.reading.event == "ACCUSE" and inner.reading.event in DENOUNCED_ACTS and _denounced(token) \
        and token.head == owner.token


def _act_worried_about(verb: Token) -> Token | None:
    """The hostile act a voiced concern or alarm is about ('voiced alarm about a buildup of Russian troops')."""
    heads = (verb, *(c for c in verb.children if c.dep_ == "dobj"))
    return next((o for h in heads for _p, o in A.prep_objects(h, ("about", "over"))
                 if o.lemma_.lower() in ACT_NOUNS_TYPES and _worried_about(o, verb)), None)


def _worried_about(noun: Token, verb: Token) -> bool:
    """An act a state's concern or alarm is about, with its doer named on it ('voiced alarm about a buildup of
    Russian troops', 'expressed concern over Chinese drills')."""
    prep = noun.head
    worry = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CONCERN_NOUNS), None)
    if noun.dep_ != "pobj" or prep.lower_ not in ("about", "over") or worry is None \
            or prep.head.i not in (verb.i, worry.i):
        return False
    return any(c.ent_type_ in ("NORP", "GPE") for c in noun.subtree if c.i != noun.i)


CONCERN_NOUNS = frozenset({"concern", "concerns", "alarm", "worry", "worries", "dismay", "anxiety", "unease", "fear",
                           "fears"})


THANKED_ACTS = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE"})
ANSWERED_ACTS = frozenset({"REQUEST", "ACCUSE", "AGREE"})  # a request, an accusation, an offer


def _authored(noun: Token, verb: Token) -> bool:
    """A request, accusation or offer that a refusal answers, with its author named on it ('India's accusation',
    'a South Korean proposal', 'a call by the leaders of France and Germany', 'accusations by the United States',
    'an offer from the UAE'): the object of the refusal itself."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.i != verb.i:
        return False
    named_on = any(c.dep_ in ("poss", "compound", "amod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or any(
        g.ent_type_ in ("GPE", "NORP", "ORG") for g in c.subtree)) for c in noun.children)
    by = any(p.lower_ in ("by", "from") for p in noun.children if p.dep_ == "prep")
    return named_on or by
THANKING = frozenset({"thank", "praise", "commend", "hail", "applaud"})


def _thanked_roles(trig: Trigger, res: Resolution) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'Cuba thanked Mexico for a shipment of supplies': the one thanked made it, for the one who thanks."""
    thanked = _thanked_for(trig.token) if trig.reading.event in THANKED_ACTS else None
    if thanked is None:
        return None
    thanker, _ = A.subject(thanked.head)
    actor = [s for s in A.np_actors(thanked, res) if s.states]
    takers = [s for s in A.np_actors(thanker, res) if s.states] if thanker is not None else []
    return actor, _without(takers, actor)


# what a state is thanked for that it gave: relief in kind ('thanked Canada for the generators landed in Lucea')
THANKED_GOODS = frozenset({"food", "shelter", "tent", "generator", "medicine", "vaccine", "supply", "supplies",
                           "goods", "relief", "equipment", "material", "materials", "kit", "blanket", "purifier",
                           "filter", "fuel", "grain", "rice", "wheat", "flour", "dose", "flight", "convoy",
                           "consignment", "cargo", "tarpaulin", "ration", "ambulance", "helicopter"})
GIVEN_ONLY_AS_RELIEF = frozenset({"flight", "convoy", "cargo", "consignment", "helicopter"})  # 'the relief flight'


def _relief_arrived(noun: Token, event: str) -> bool:
    """'Relief from Australia reached the capital of Enga province', 'Relief flown in from India reached a flooded
    district town': relief that reached a place was given, with no 'to' or 'for' needed."""
    return event == "AID" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ARRIVAL_VERBS


def _relief_came_from(trig: Trigger, res: Resolution) -> list[ActorSpan]:
    """Who gave relief that reached a place: the state it came 'from' ('Relief from Australia reached ...',
    'Relief flown in from India reached ...'); where it reached is found as any aid's destination is."""
    noun = trig.token
    if not _relief_arrived(noun, trig.reading.event):
        return []
    sources = [o for _p, o in A.prep_objects(noun, ("from",))]
    sources += [o for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for h in (c, *(p for p in c.children if p.dep_ == "prt")) for _p, o in A.prep_objects(h, ("from",))]
    return [s for o in sources for s in A.np_actors(o, res) if s.states]


def _goods_thanked_for(noun: Token) -> bool:
    """Goods a state is thanked for ('thanked India for the food and shelter', 'for the relief flight to Quy Nhon');
    a flight or convoy only when called relief or aid."""
    lemma = noun.lemma_.lower()
    if lemma not in THANKED_GOODS or _thanked_for(noun) is None:
        return False
    return lemma not in GIVEN_ONLY_AS_RELIEF or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELIEF_MODIFIERS for c in noun.children)


def _thanked_for(noun: Token) -> Token | None:
    """'thanked Mexico for a shipment of supplies': the one thanked, who made it (None when not so told)."""
    clause = noun.head
    if noun.dep_ == "nsubj" and clause.dep_ == "advcl" and clause.tag_ in ("VBD", "VBN") \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
            and clause.head.lemma_.lower() in THANKING:
        return A.child(clause.head, "dobj")  # 'for the supplies landed in Lenakel', parsed as a clause of its own
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.lemma_.lower() not in THANKING:
        return None
    return A.child(noun.head.head, "dobj")


def _take(owner: Trigger, inner: Trigger) -> None:
    inner.absorbed_by = owner.token.i
    owner.absorbed.append(inner)


# 'seized in a joint operation': the operation is how it was done, an event of its own, not what was acted on
JOINT_ACTIVITIES = frozenset({"operation", "exercise", "drill", "patrol", "investigation"})


def _done_in(prep: str, obj: Token) -> bool:
    """'seized in a joint operation', 'arrested during a patrol': the activity it was done in; 'voiced support
    during a visit to Chisinau', 'apologised in a phone call': the meeting it was done at, an event of its own."""
    lemma = obj.lemma_.lower()
    return (prep in ("in", "during") and lemma in JOINT_ACTIVITIES) or (
        prep in ("in", "during", "on", "at") and lemma in OCCASION_MEETINGS)


def _partner_of_what_was_done_there(trig: Trigger, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'Rouhani apologised to his Ukrainian counterpart in a phone call': who the act at a meeting was done to
    is the one met."""
    noun = trig.token
    if trig.pred.pos != "noun" or noun.dep_ != "pobj" or not _done_in(noun.head.lower_, noun):
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    # the one told or met itself, never what was discussed ('discussed its dispute with Somalia at the summit')
    told = [s for c in verb.children if c.dep_ in ("dative", "dobj") for s in A.spans_in(A.walk(c, A.NP_CORE), res)]
    told += [s for _p, obj in A.prep_objects(verb, ("to", "with")) for s in A.np_actors(obj, res)]
    return _without([s for s in told if s.states], actor)


OCCASION_MEETINGS = frozenset({"visit", "trip", "tour", "talk", "talks", "meeting", "summit", "call", "conversation"})


def _object_args(verb: Token) -> list[Token]:
    """What a verb acts on: its object and the objects of its prepositions ('opposed to French mediation')."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not out and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children):
        # 'have halted or restricted purchases of Brazilian meat': the object both verbs share (not 'visited Delhi
        # and held talks', two acts)
        out = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and A.child(c, "nsubj") is None
               for o in c.children if o.dep_ == "dobj"]
    out += [obj for p, obj in A.prep_objects(verb, RECIPIENT_PREPS + ("of", "for", "about"))
            if not _done_in(p, obj)]
    left = _left_from(verb)  # 'pulled out of the talks': the talks are what it leaves, not a meeting
    return out + [left] if left is not None and left not in out else out


def _is_direct_argument(noun: Token, verb: Token | None) -> bool:
    t = noun
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "dative"):
            return t.head == verb
        if t.dep_ in ("pobj", "prep") and t.head.lower_ in ("of",) or t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head == verb:
            return not _done_in(t.head.lower_, t)
        return False
    return False


def _complements(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and not _attribution(c)]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "upon"):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        if c.dep_ == "dobj" and c.lemma_.lower() not in CLAIM_NOUNS:  # not what an accusation says
            out.extend(g for g in c.children if g.dep_ in ("acl", "relcl") and g.tag_ in ("VB", "VBG"))
            # 'warned aid groups that they would be expelled': a that-clause the parser hung from the object
            out.extend(g for g in c.children if g.dep_ == "relcl" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in g.children))
    return out


def _attribution(clause: Token) -> bool:
    """'Kim ordered units to be ready, state media reported, after Pyongyang accused Seoul': the parser hangs the
    source of the report from the verb it reports; it is not what was ordered, nor is what it says after."""
    return clause.dep_ == "ccomp" and clause.i > clause.head.i and clause.lemma_.lower() in REPORTING \
        and A.child(clause, "nsubj") is not None and A.child(clause, "ccomp") is None \
        and clause.doc[clause.left_edge.i].is_punct


# ------------------------------------------------------------------------------------------------ arguments

@dataclass
class Roles:
    actor: list[ActorSpan]
    recipient: list[ActorSpan]
    orgs: list[ActorSpan]
    actor_method: str
    recipient_from_location: bool = False
    quoted: frozenset[int] = frozenset()  # starts of the spans read off the parse (quoted in the evidence)


def code_trigger(trig: Trigger, sent: Span, res: Resolution, lex: Lexicon, ctx: DocContext) -> list[Found]:
    if trig.pred.lemma in CARRY_VERBS and not _carried_to(trig.token, res, []):
        return []  # a ship 'to carry Ukrainian grain': cargo on its way, aid only once it arrives somewhere
    if trig.reading.event == "CONSULT" and _private_travellers(trig.token):
        return []  # 'U.S. citizens were flown to Doha': people of a state travelling are no state's visit
    if trig.reading.mode == "visit" and trig.pred.pos == "verb" and _going_home(trig.token):
        return []  # 'Mexican diplomats flew home from Quito': a leaving (read as such elsewhere), no visit
    if _in_condition(trig.token):
        return []  # 'if the United States imposes sanctions, Ankara will respond': a supposition, no act
    if trig.pred.pos == "noun" and _rehearsed(trig.token):
        return []  # 'a joint exercise to rehearse holding the gap against an attack from Belarus': none happened
    if _keeps_open(trig.token):
        return []  # 'refused to rule out force' refuses nothing: what it keeps open is read on its own
    if _judged_act(trig.token):
        return []  # 'saying that blaming India for the crisis was unfair': an act spoken of, not one done
    if trig.reading.event == "PROTEST" and trig.pred.pos == "noun" and _rally_addressed(trig.token):
        return []  # 'Maduro told a militia rally that ...': the leader's audience, no protest
    if trig.reading.event == "REQUEST" and _leaving_ordered_with_an_expulsion(trig.token):
        return []  # 'expelled the ambassador, giving him 72 hours to leave': the expulsion's terms, no demand
    roles = roles_of(trig, sent, res, ctx)
    if trig.reading.mode == "visit" and (hosted := _hosted_among_the_visitors(trig, roles, res)) is not None:
        roles = hosted  # 'Panama's security minister and Colombia's defence minister toured a centre in Darién'
    if trig.reading.event == "REQUEST" and trig.pred.pos == "noun" and _request_being_considered(trig.token):
        roles = _requester_and_the_one_answering(trig.token, roles, res)
    if (handing := _handover_read(trig, roles, res)) is not None:
        if not handing:
            return []  # 'took command of the army', 'raised the flag over the stadium': no state gave anything up
        trig, roles = handing[0]
    if trig.pred.lemma == "defend" and roles.recipient and all(s.method == "context" for s in roles.recipient):
        return []  # 'Noboa has defended the decision': a state standing by its own act backs no one the sentence names
    if trig.pred.lemma in MEMBERSHIP_VERBS and (trig.token.dep_ in ("xcomp", "advcl", "acl", "relcl") or not any(
            s.kind in ("igo", "group") for s in roles.recipient)):
        # 'joined Putin at the summit', 'joined France in condemning': no membership; 'hopes to join the bloc',
        # 'deserved to join NATO', 'its bid to join': a wish, a claim or an application, not the membership
        return []
    if trig.pred.lemma == "host" and modality(trig.token)[0] is None and trig.token.dep_ != "xcomp" \
            and (guests := _talks_between(trig.token, res)):
        # 'Oman hosted talks between the United States and Iran': the two meet; the host is neither's recipient
        roles = replace(roles, actor=guests, recipient=[], actor_method="parse", recipient_from_location=False)
        trig = replace(trig, reading=Reading("CONSULT", "third-party", trig.reading.context))
    if trig.pred.lemma in RECIPROCAL_VERBS and len(_codes_of(roles.actor)) >= 2 and roles.recipient \
            and not A.prep_objects(trig.token, ("with",)):
        # 'Iran and Israel traded fire in Syria': each side is the other's target, the place only the venue
        roles = replace(roles, recipient=[], recipient_from_location=False)
    if roles.actor_method in ("sentence", "subject-location") and trig.pred.pos == "verb" \
            and (owner_and_bound := _owner_and_destination(trig.token, roles, res)) is not None:
        # 'The order halts U.S. aid to South Africa': the aid's owner halts it, the state it went to loses it
        roles = replace(roles, actor=owner_and_bound[0], recipient=owner_and_bound[1], actor_method="parse")
    if trig.pred.pos == "noun" and trig.pred.lemma in DOER_OF_NOUNS and not roles.actor and roles.recipient:
        # 'the arrival of Chadian reinforcements in Adre', 'the arrival of the Chinese foreign minister in Canberra':
        # who is 'of' the arrival came, to the place it names
        hosts = _without([s for _p, o in A.prep_objects(trig.token, ("in", "at", "to")) for s in A.np_actors(o, res)
                          if s.states], roles.recipient) or _without(_state_of_place(trig, res), roles.recipient)
        roles = Roles(roles.recipient, hosts[:1], roles.orgs, "parse", bool(hosts), roles.quoted)
    if trig.pred.pos == "noun" and trig.reading.event in HOSTILE_FUTURE and (
            said_by := _teller_of_any_act(trig.token)) is not None:
        # 'The general told the cadets that any Indian attack would draw a response': the speaker warns the state
        # whose attack it would be (and when the speaker's state is not found, that state is still not the actor)
        warner = _states_said_by(said_by, res, ctx)
        warned = _named_before_noun(trig.token, res) or roles.actor
        roles = Roles(warner, _without([s for s in warned if s.states], warner), roles.orgs, "speaker", False,
                      roles.quoted)
    reverse = trig.reading.reverse or _to_blame(trig.token)  # 'said that Ethiopia was to blame': Ethiopia is blamed
    if reverse and roles.actor and roles.recipient:  # 'Seoul hosted Kishida': Japan's visit to Korea
        roles = Roles(roles.recipient, roles.actor, roles.orgs, roles.actor_method, False, roles.quoted)
    elif reverse and not roles.actor and roles.recipient and trig.pred.pos == "verb" and A.subject(trig.token)[1]:
        # 'In Vietnam, Putin was welcomed with a 21-gun salute', 'Modi was received by the Emir in Doha': the
        # guest visits, the place of the welcome is the host
        hosts = _location_of_clause(trig.token, res, roles.recipient)
        roles = Roles(roles.recipient, hosts[:1], roles.orgs, "passive", bool(hosts), roles.quoted)
    if trig.reading.event == "REQUEST" and trig.pred.pos == "verb" and roles.actor and roles.recipient \
            and _own_people_addressed(trig.token, roles.recipient):
        # 'India urged its citizens in Canada to exercise caution': a state's word to its own people, not to the
        # state they are in
        roles = replace(roles, recipient=roles.actor[:1], recipient_from_location=False)
    if trig.reading.event == "MOBILIZE" and trig.pred.pos == "verb" and _said_to_be_done_together(trig.token) \
            and len(_codes_of(roles.actor)) >= 2 and not roles.recipient:
        # 'Turkish and Egyptian warships sailed together': forces of two states moving as one are a joint act
        trig = replace(trig, reading=Reading("COOPERATE", None, ("military",)))
    if trig.reading.mode == "visit" and _counted_people(trig.token):
        return []  # 'About 1.4 million Russians visited Georgia last year': tourists, no state's visit
    aux, conditional = modality(trig.token)
    if _request_being_considered(trig.token):
        aux, conditional = None, False  # 'would consider Tuvalu's request': the request was made, whatever comes
    if _not_obliged(trig.token):
        return []  # 'ruled that Chile is not obliged to negotiate with Bolivia': a duty denied, no act of anyone
    if _counterfactual(trig.token):
        return []  # "Blinken's visit would have been the first trip to China since 2018": it did not happen
    prepared = any(v.lemma_.lower() in ("prepare", "poise", "ready", "mass") for v in _verb_chain(trig.token)[1:])
    reading = adjust_reading(_promise_of_harm(trig, res), aux, conditional, prepared)
    if trig.pred.lemma == "use of force" and aux == "hypothetical" and not conditional:
        return []  # 'measures that could include the use of force': a possibility named, no act (nor threat) of its own
    if reading.event in HOSTILE_FUTURE and aux == "hypothetical" and not conditional \
            and _has_aux(trig.token, ("would",)):  # 'Ankara would retaliate in kind': what a state says it would do
        reading, aux = Reading("THREATEN", threat_mode(reading), reading.context), "future"
    if reading.event == "SANCTION" and trig.pred.pos == "noun" and any(
            c.dep_ == "amod" and c.lower_ in HELD_OUT_HARM for c in trig.token.children):
        reading = Reading("THREATEN", None, reading.context)  # 'proposed US duties', 'threatened tariffs'
    if aux == "negation" and trig.pred.lemma in RENEWING_VERBS and reading.event in ("SANCTION", "COERCE"):
        # 'decided not to extend a ban on imports of Ukrainian grain': a restriction left to lapse is eased
        reading, aux = Reading("CONCEDE", None, reading.context), None
    if trig.pred.lemma == "warn" and reading.event == "ACCUSE" and _warned_off(trig.token):
        # 'warned Chisinau against moving closer to NATO', 'warned Venezuela's leaders not to pursue ...': a warning
        # to someone not to act is a threat (the written stories code it so, or accept it)
        reading = Reading("THREATEN", None, reading.context)
    if trig.pred.lemma == "warn" and reading.event == "ACCUSE" and _warned_of_own_harm(trig.token, roles.actor, res):
        # 'warned that Tehran would answer any step', 'warned that the verdict would have repercussions': harm the
        # warner's side will do, or harm told as a consequence, is a threat
        reading = Reading("THREATEN", None, reading.context)
    if trig.reading.event == "REJECT" and aux == "negation" and not _keeps_open(trig.token):
        return []  # 'did not deny the strike', 'neither confirmed nor denied': no refusal, and no act either
    if aux == "negation" and reading.event in ("ASSAULT", "COERCE", "MOBILIZE"):
        return []  # 'Turkish jets have not entered Greek airspace for a year': nothing happened (guidelines: events
        # reported as happening, announced, demanded, threatened or refused); negated cooperation is REJECT above,
        # and a negated word (a request, a complaint) stays with its aux for the model to weigh
    if reading.event == "REJECT" and trig.reading.event != "REJECT":
        aux = None  # the negation is read into the type
    reading = Reading(reading.event, reading.mode, _contexts(reading, trig.token))
    if reading.event == "COERCE" and trig.pred.pos == "verb" and _restricts_trade(trig.token):
        # 'imposed sweeping restrictions on the sale of advanced chips to China': commerce curtailed (the manual's
        # SANCTION discontinue), not a freedom restricted
        reading = Reading("SANCTION", "discontinue", tuple(dict.fromkeys((*reading.context, "economic"))))
    if reading.event == "COERCE" and reading.mode == "arrest" and _warrant_for(trig.token):
        reading = Reading("THREATEN", "arrest", reading.context)  # the manual: a warrant issued is no arrest yet
    if trig.pred.lemma == "bar" and reading.event == "COERCE" and _barred_from_entering(trig.token, res):
        reading = Reading("REJECT", None, reading.context)  # the manual: a group barred from entering, REJECT
    if reading.event == "RETREAT" and trig.pred.pos == "noun" and _declared(trig.token):
        reading = Reading("CONCEDE", None, reading.context)  # 'announced a ceasefire': declared, not yet observed
    drills = _exercises_of(trig)
    if reading.event == "COOPERATE" and drills is not None and not _joint(drills) and len(_codes_of(roles.actor)) < 2 \
            and _joined_by(drills) is None:  # an exercise others join is held together
        reading = Reading("MOBILIZE", "troops", reading.context)  # 'warships conducted live-fire drills'
    if reading.event == "ASSAULT" and not _codes_of(roles.recipient) - _codes_of(roles.actor) \
            and _during_drills(trig.token):  # (a state 'attacking' itself in them is a misread one)
        # 'US rocket launchers and Moroccan howitzers fired on targets ... as the combined drills entered their third
        # day': live fire in an exercise attacks no one
        joint = len(_codes_of(roles.actor)) >= 2
        reading = Reading("COOPERATE" if joint else "MOBILIZE", None if joint else "weapons", ("military",))
    if reading.event == "AID" and "military" in reading.context and _sent_nowhere_named(trig.token, roles):
        return []  # 'China sent about 3,200 soldiers ...': troops no text names a destination for help no one
    forces_sent = reading.event == "AID" and "military" in reading.context
    shown = forces_sent and _deployed_not_given(trig.token)  # troops sent to a border defend it, not aid
    sent_in = forces_sent and _sent_into(trig.token, lex.classes.get("troops", frozenset()))  # 'sent troops into
    # Ukraine': forces sent in, not help
    at_home = forces_sent and not shown and _sent_within(trig, res, _codes_of(roles.actor))  # 'sent 500 troops to
    # Maiduguri', 'sent troops into Tigray': deployed at home
    shown = shown or sent_in
    if shown or at_home:
        reading = Reading("MOBILIZE", "troops", reading.context)
    if at_home:  # sent to no one: a state the sentence does not name is no recipient of it
        sent = trig.token.sent
        roles = replace(roles, recipient=[s for s in roles.recipient
                                          if s.method != "context" and sent.start <= s.start < sent.end])
    if reading.event == "CONSULT" and trig.pred.pos == "noun" and _ready_for(trig.token):
        reading = Reading("AGREE", None, reading.context)  # 'Moscow was ready for talks with Kyiv': an offer
    if reading.event == "CONSULT" and trig.pred.pos == "noun" and _due_for(trig.token):
        reading, aux = Reading("AGREE", None, reading.context), aux or "future"  # 'is due in Hanoi for a visit'
    if trig.pred.pos == "verb" and _off_a_trusted_list(trig.token):
        reading = Reading("SANCTION", None, ("economic",))  # 'removed South Korea from its white list'
    if reading.event == "PROTEST" and trig.pred.pos == "noun" and roles.actor and _voiced_by_governments(trig, res):
        reading = Reading("ACCUSE", "disapprove", reading.context)  # 'drawing protests from the EU and Canada'
    if reading.event == "CONSULT" and reading.mode is None and _by_phone(trig.token):
        reading = Reading("CONSULT", "phone", reading.context)
    if reading.event == "ASSAULT" and _missile_without_target(trig, roles):
        reading = Reading("MOBILIZE", "weapons", reading.context)  # 'fired a ballistic missile into the sea'
    helped = _codes_of(roles.recipient) - _codes_of(roles.actor)
    if reading.event == "MOBILIZE" and helped and _sent_to_help(trig.token):
        reading = Reading("AID", None, reading.context)  # 'deployed 400 police officers to Haiti to lead a mission'
    if reading.event == "MOBILIZE" and not roles.recipient:
        across = _border_owner(trig.token, res, _codes_of(roles.actor)) or (
            None if at_home else _tense_with(trig.token, res, _codes_of(roles.actor)))
        if across is not None:  # 'massed troops near Ukraine's borders': forces shown to the state beyond
            roles = replace(roles, recipient=[across])
        elif (provokers := _provokers(trig.token, res, _codes_of(roles.actor))):
            roles = replace(roles, recipient=provokers)
        elif (watchers := _watching_after(trig.token, res, _codes_of(roles.actor))):
            roles = replace(roles, recipient=watchers)
        if across is not None and _requested_by(trig.token):
            reading = Reading("AID", None, reading.context)  # 'to Finland's eastern border at Helsinki's request'
    if trig.reading.event == "RETREAT" and trig.pred.pos == "verb" and not roles.recipient \
            and (across := _border_owner(trig.token, res, _codes_of(roles.actor))) is not None:
        roles = replace(roles, recipient=[across])  # 'pull troops back from points along the frontier with China'
    if reading.mode == "access" and trig.pred.pos == "verb" \
            and (let_in := _without(_admitted(trig.token, res), roles.actor)):
        roles = replace(roles, recipient=let_in)  # 'allowed IAEA inspectors to enter': access given to the agency
    if reading.event == "REJECT" and trig.pred.pos == "verb" and trig.pred.lemma in DENYING | DESCRIBING_VERBS \
            and (content := _content_denied(trig.token)) is not None:
        # 'Moscow denied that its jets or Syrian aircraft were involved': a denial answers the accuser, not the
        # states its content names
        # named in the content, or a fallback of the same state read from elsewhere in the sentence or story
        said = {c for a in res.actors if a.start in content and not _claimant(res.doc[a.start]) for c in a.states}
        kept = [s for s in roles.recipient if s.code not in _codes_of(roles.actor) and (
            _claimant(res.doc[s.start]) or (s.start not in content and not set(s.states) <= said))]
        if not kept:  # 'denied the charge that its soldiers had crossed into Burundi, made by the Burundian minister'
            sent = trig.token.sent
            kept = [a for a in res.actors_in(sent) if a.states and _claimant(res.doc[a.start])
                    and not set(a.states) & _codes_of(roles.actor)][:1]
        accusers = [c for c in ctx.doers_of(("ACCUSE",)) if c not in _codes_of(roles.actor)]
        if (told := _appended_denial(trig.token)) is not None and (subj := A.child(told, "nsubj")) is not None:
            accusers = [c for sp in A.np_actors(subj, res) for c in sp.states if c not in _codes_of(roles.actor)] \
                or accusers  # 'Bangkok blamed Cambodia ..., an accusation Phnom Penh denied': Bangkok's claim
        if (authors := _authors_of_the_report_denied(trig.token, res, _codes_of(roles.actor))):
            accusers = authors  # 'A U.N. panel said in a report that ... Rwanda rejected the report': its authors
        if accusers and all(s.method == "context" for s in kept):
            # 'Iran has denied any role' after 'Washington blamed Iran': the accuser, not the story's pair
            kept = [ActorSpan.from_context(trig.token.i, c, "who made the accusation denied") for c in accusers]
        roles = replace(roles, recipient=kept)
    if reading.event == "ACCUSE" and roles.recipient and all(s.kind == "igo" for s in roles.recipient) \
            and (wrongdoers := _complained_of(trig.token, res, ctx, _codes_of(roles.actor))):
        roles = replace(roles, recipient=wrongdoers)  # 'filed a complaint with the Security Council over the strikes'
    if reading.event in JOINT_ACTS and reading.mode != "visit" and len(_codes_of(roles.actor)) >= 2 \
            and roles.recipient:
        # 'Russia, the United States and Jordan agreed on a ceasefire in southwestern Syria': states acting together
        # on a place have no recipient in it
        roles = replace(roles, recipient=[s for s in roles.recipient if not _in_a_place(res.doc[s.start])
                                          and not _in_what_it_rehearses(res.doc[s.start], trig.token)])
    if reading.event in NEVER_DOMESTIC and roles.recipient and _codes_of(roles.recipient) <= _codes_of(roles.actor) \
            and trig.pred.lemma not in HELPING_ONES_OWN:  # helping its own people acts on them
        roles = replace(roles, recipient=[])  # 'off its east coast': its own waters, no one it acts on
    if reading.event == "RETREAT" and roles.actor and all(s.sector == "business" for s in roles.actor):
        return []  # 'Japanese carmakers that withdrew from Russia': companies leaving a market are no state's retreat
    if reading.event != trig.reading.event and reading.event == "THREATEN" and roles.actor \
            and not roles.recipient:  # 'Ankara promised to respond in kind' is a threat, aimed as a threat is
        aimed = _fallback_recipient(replace(trig, reading=reading), roles.actor, sent, res, ctx)
        roles = replace(roles, recipient=_without(aimed, roles.actor))
    completed = None  # the feature that says how a candidate `_complete` refused was completed
    if not _complete(reading, roles, trig):
        roles, completed = _completed(reading, roles, trig, sent, res)
        if completed is None:
            return []
    if reading.event == "CONSULT" and roles.recipient_from_location and roles.actor and not reading.mode:
        reading = Reading("CONSULT", "visit", reading.context)  # 'talks were held in Kuwait': a visit there
    groups = _split(roles) if _splits(trig, reading, roles) else [roles.recipient]
    sides = [(roles.actor, recipients) for recipients in groups]
    if not roles.recipient and reading.event not in SYMMETRIC | {"RETREAT"} and _reciprocal(trig.token,
                                                                                           reading.event):
        # 'Kyrgyzstan and Tajikistan accused each other' (a prisoner swap stays one event of both)
        sides = _each_to_the_other(roles.actor) or sides
    out = []
    for actor, recipients in sides:
        anchor = recipients[0] if roles.recipient_from_location and recipients else None
        date, source = event_date(trig.token, sent, res, ctx, anchor=anchor)
        quoted = [s for s in actor + recipients + roles.orgs if s.start in roles.quoted]
        evidence = evidence_span(trig.token, quoted, sent, res)
        features = event_features(
            event=reading.event, mode=reading.mode, rule=trig.pred.rule, pos=trig.pred.pos, token=trig.token,
            sent=sent, res=res, actor=actor, recipient=recipients, actor_method=roles.actor_method,
            from_location=roles.recipient_from_location, aux=aux, conditional=conditional, date=date,
            date_source=source, background=is_background(trig.token), sentence_index=ctx.sentence_index,
            evidence=evidence)
        if completed is not None:
            features[completed] = 1.0
        out.append(Found(reading, actor, recipients, aux, date, source, evidence, trig.pred.rule,
                         roles.actor_method, roles.orgs, trig.token.i, features))
    return out


SYMMETRIC = frozenset({"COOPERATE", "CONSULT", "AGREE"})  # no direction: A with B is B with A (also coding/merge)


MUTUAL_VERBS = frozenset({"trade", "exchange"})  # 'traded accusations', 'exchanged barbs': each to the other


def _reciprocal(token: Token, event: str) -> bool:
    """'accused each other', 'imposed tariffs on each other's goods', 'blamed one another', 'traded accusations'
    ('exchanged gunfire' stays one clash of both sides, as the guidelines' joint acts)."""
    doc = token.doc
    if token.pos_ != "VERB":
        token = A.governing_verb(token) or token
    if token.lemma_.lower() in MUTUAL_VERBS:
        return not (token.lemma_.lower() == "exchange" and event == "ASSAULT")
    return any((t.lower_ == "other" and t.i > 0 and doc[t.i - 1].lower_ == "each")
               or (t.lower_ == "another" and t.i > 0 and doc[t.i - 1].lower_ == "one") for t in token.subtree)


def _each_to_the_other(actor: list[ActorSpan]) -> list[tuple[list[ActorSpan], list[ActorSpan]]]:
    """Two states doing something to each other: two events, one each way."""
    codes = sorted(_codes_of(actor))
    if len(codes) != 2:
        return []
    spans = [next((s for s in actor if s.states == (code,)), None) for code in codes]
    if spans[0] is None or spans[1] is None:
        return []
    return [([spans[0]], [spans[1]]), ([spans[1]], [spans[0]])]


def roles_of(trig: Trigger, sent: Span, res: Resolution, ctx: DocContext) -> Roles:
    if trig.pred.pos == "verb":
        actor, recipient, orgs, method = _verb_roles(trig, res, ctx)
    elif (declared := _declared_unwelcome(trig, res)) is not None:
        actor, recipient, orgs, method = *declared, [], "parse"
    elif (investigated := _under_investigation(trig, res)) is not None:
        actor, recipient, orgs, method = *investigated, [], "parse"
    elif (thanked := _thanked_roles(trig, res)) is not None:
        actor, recipient, orgs, method = *thanked, [], "parse"
    else:
        actor, recipient, orgs, method = _noun_roles(trig, res, ctx)
    if trig.pred.pos == "verb" and len(_codes_of(actor)) == 1 and recipient \
            and _codes_of(recipient) <= _codes_of(actor) and trig.reading.event not in NEVER_DOMESTIC:
        # the object is the actor's own people or office ('convicted former president Sarkozy'): done at home
        return Roles(actor, actor[:1], orgs, method.removesuffix("+location"), False,
                     frozenset(x.start for x in actor + orgs))
    recipient = _without(recipient, actor)
    actor = _without_allied_fighters(actor, res)
    if trig.pred.pos == "verb" and _codes_of(actor) and (
            addressed := _both_sides_addressed(trig.token, ctx, frozenset(_codes_of(actor)))):
        recipient = _without(addressed, actor) or recipient  # 'urged both sides to show restraint'
    act = _act_stood_on(trig, res) if trig.pred.pos == "verb" else None
    if act is not None:  # 'condemned the invasion of Ukraine': aimed at who invaded, never at Ukraine
        recipient = _without(_doers_of_act(act, res, ctx, frozenset(_codes_of(actor))), actor)
    if act is None and not recipient and trig.pred.pos == "verb" and trig.reading.event == "ACCUSE" \
            and (feared := _act_worried_about(trig.token)) is not None:
        # 'voiced alarm about a buildup of Russian troops': aimed at whose troops they are
        recipient = _without(_doers_of_act(feared, res, ctx, frozenset(_codes_of(actor))) or [
            s for _p, o in A.prep_objects(feared, ("of",)) for s in A.np_actors(o, res) if s.states], actor)
    quoted = {x.start for x in actor + recipient + orgs}
    from_location = method.endswith("+location")
    method = method.removesuffix("+location")
    if act is not None:
        method = "reaction"  # the doer or no one: none of the fallbacks below
    if not recipient:
        recipient = _elaborated_list(trig.token, res, actor)
        from_location = from_location or bool(recipient)
    if not recipient and trig.reading.event == "CONSULT" and trig.pred.pos == "verb":
        recipient = _partner_hung_in_topic(trig.token, res, actor)  # 'discussed X's request for Y with Biden'
    if not recipient and trig.reading.mode == "third-party" and trig.pred.pos == "verb":
        recipient = _parties_of_what_was_brokered(trig.token, res, actor)  # 'a swap brokered by the UAE'
    if not recipient and not trig.pred.topic_object:  # what was discussed names no party
        recipient = _recipient_from_absorbed(trig, res, actor)
    if not recipient and trig.reading.event == "CONSULT":
        recipient = _partner_of_what_was_done_there(trig, res, actor)
    if not recipient and trig.reading.event == "SANCTION":
        recipient = _state_the_targets_serve(trig, res, actor)
    if not recipient and trig.reading.event == "CONCEDE" and trig.pred.pos == "verb":
        recipient = _targets_of_what_was_lifted(trig.token, res, actor)
    if trig.pred.lemma in CARRY_VERBS:  # what a carrier brings goes to where it arrived
        recipient = _carried_to(trig.token, res, actor)
        from_location = bool(recipient)
    elif not recipient and trig.reading.event == "AID":
        recipient = _carried_to(trig.token, res, actor)
        from_location = from_location or bool(recipient)
    if not recipient and trig.reading.event == "CONSULT" and _hosted(trig, actor):
        recipient = _location_of_clause(trig.token, res, actor, countries_only=trig.reading.mode != "visit")
        from_location = bool(recipient)
    if not recipient and trig.reading.event == "CONSULT" and trig.reading.mode == "visit" and actor \
            and (visited := _struck_abroad(trig, res, {c for s in actor for c in s.states})) is not None:
        recipient, from_location = [visited], True  # 'Rubio visited Jeddah': a city abroad stands for its state
    if not recipient and trig.reading.event != "COERCE" and method != "reaction":
        recipient = _purpose_or_subtree_recipient(trig, res, actor)
    if from_location:
        quoted |= {x.start for x in recipient}
    if not _codes_of(actor) and trig.reading.event == "SANCTION" and (body := _body_left(trig, res)):
        actor, method = body, "parse"  # 'leaders suspended Guinea from ECOWAS': the organisation suspends
        recipient = _without(recipient, actor)
    if not actor and not orgs and method == "reason" and trig.reading.mode == "arrest" and trig.pred.pos == "noun":
        # 'Japan protested the arrest of a Japanese businessman in Beijing': the arrest the protest is about was made
        # by the authorities of the place
        actor = _authorities_where_arrested(trig, res, {c for s in recipient for c in s.states})
        method = "location" if actor else method
    if not actor and not orgs and method == "passive" and trig.pred.pos == "verb" and trig.pred.lemma in SUMMONING \
            and (summoner := _without([s for s in ctx.last_subject if s.states], recipient)):
        actor, method = summoner, "carried"  # 'Iran's ambassador had been called in to hear the request': by
        # the state told of just before
    if not actor and not orgs and method not in ("passive", "agent", "reason"):
        actor, method = _fallback_actor(trig, sent, res, ctx, recipient)
        if method in ("parse", "coreference", "subject-location"):
            quoted |= {x.start for x in actor}
    recipient = _without(recipient, actor)
    quoted |= {x.start for x in recipient}
    if not recipient and trig.reading.event == "PROTEST":
        recipient = _without(_embassies_at(trig.token, res), actor)  # 'staged a sit-in outside the Japanese embassy'
        quoted |= {x.start for x in recipient}
    recipient = _without_own_territories(recipient, actor)  # 'US F-35s landed in Puerto Rico': at home
    if not recipient and method != "reaction":  # a reaction is drawn from its actor by its subject, or by no one
        recipient = _without_own_territories(_fallback_recipient(trig, actor, sent, res, ctx), actor)
    # 'a trip to a member state of the ICC': some member, not the organisation
    recipient = [s for s in recipient if not A.in_an_unnamed_member(res.doc[s.start])]
    return Roles(actor, recipient, orgs, method.replace("reaction", "parse"), from_location, frozenset(quoted))


def _without_own_territories(recipient: list[ActorSpan], actor: list[ActorSpan]) -> list[ActorSpan]:
    """A state's own dependent territory is no party to what the state does there (Puerto Rico and Guam for the
    United States, Gibraltar for Britain: actors/data/territories.csv)."""
    from diplograph.actors.gazetteer import sovereigns

    acting = {c for s in actor for c in s.states}
    return [s for s in recipient if sovereigns().get(s.code) not in acting]


def _parties_of_what_was_brokered(verb: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'Russia and Ukraine exchanged prisoners in a swap brokered by the UAE': the parties of a deal or swap a
    go-between brokered are its 'between' phrase, else the subject of the clause it belongs to."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = verb.head
    between = [s for _p, o in A.prep_objects(noun, ("between",)) for s in A.np_actors(o, res) if s.states]
    if between:
        return _without(between, actor)
    clause = A.governing_verb(noun)
    subj = A.child(clause, "nsubj") if clause is not None else None
    return _without([s for s in A.np_actors(subj, res) if s.states], actor) if subj is not None else []


def _partner_hung_in_topic(verb: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """The 'with' partner the parser hung inside what was discussed ('Starmer discussed Ukraine's request for
    long-range missiles with Joe Biden'): a person or a state met, after the topic."""
    obj = A.child(verb, "dobj")
    if obj is None:
        return []
    for t in obj.subtree:
        if t.dep_ == "prep" and t.lower_ == "with" and t.i > obj.i:
            found = _without([s for s in A.np_actors(t, res) if s.states and s.type == "person"], actor)
            if found:
                return found
    return []


def _owner_of_mission(obj: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """A state's mission named by a pronoun ('its consulate in Damascus'): the state is the subject of the sentence
    (not the doer, and not the mission's host city)."""
    if obj.lemma_.lower() not in MISSION_WORDS:
        return []
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in obj.children):
        return []
    subj = A.child(obj.sent.root, "nsubj", "nsubjpass")
    owners = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
    return _without(owners, actor)


def _body_left(trig: Trigger, res: Resolution) -> list[ActorSpan]:
    """The organisation a member is suspended or expelled from ('suspended Guinea from the Economic Community of West
    African States', 'Mali was suspended from the African Union'): it is the one that suspends."""
    if trig.pred.pos != "verb":
        return []
    return [s for _p, obj in A.prep_objects(trig.token, ("from",)) for s in A.np_actors(obj, res)
            if s.kind == "igo"][:1]


RESTRICTION_NOUNS = frozenset({"restriction", "control", "curb", "limit", "ban", "controls", "restrictions",
                               "curbs", "limits"})
TRADE_NOUNS = frozenset({"sale", "sales", "export", "exports", "import", "imports", "product", "products", "good",
                         "goods", "trade", "visa", "visas", "investment", "investments", "shipment", "shipments",
                         "purchase", "purchases", "trading", "commerce"})


def _restricts_trade(verb: Token) -> bool:
    """'imposed restrictions on the sale of chips', 'imposed trade restrictions', 'imposed export controls',
    'imposed visa curbs': what is restricted is commerce or travel between states."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() not in RESTRICTION_NOUNS:
            continue
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in TRADE_NOUNS for c in obj.children):
            return True
        for holder in (obj, verb):
            if any(o.lemma_.lower() in TRADE_NOUNS for _p, o in A.prep_objects(holder, ("on",))):
                return True
    return False


def _without_allied_fighters(actor: list[ActorSpan], res: Resolution) -> list[ActorSpan]:
    """'Turkish troops and allied Syrian rebels pushed into Syria': fighters of another state beside a state's
    forces are its auxiliaries, not that other state acting (alone, 'Syrian rebels' still act at home)."""
    if len(_codes_of(actor)) < 2:
        return actor
    fighters = [s for s in actor if s.type == "demonym" and _fighters_named(res.doc[s.end - 1])]
    kept = [s for s in actor if s not in fighters]
    return kept if fighters and _codes_of(kept) else actor


def _fighters_named(token: Token) -> bool:
    """Whether a demonym modifies fighters ('Syrian rebels', 'their Syrian rebel allies')."""
    head = token.head
    words = {head.lemma_.lower(), *(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod"))}
    return bool(words & IRREGULARS)


# fighters who are no state's regular forces ('fighter' and 'bomber' also name aircraft)
IRREGULARS = frozenset({"rebel", "militant", "insurgent", "jihadist", "separatist", "guerrilla", "guerilla", "militia",
                        "militiaman", "paramilitary"})


DISTANCES = A.DISTANCE_WORDS | {"metre", "meter", "yard"}  # (the longer measures: args.DISTANCE_WORDS)


# Acts whose 'of' object is who they are done to ('the invasion of Ukraine', 'the release of the prisoners'), with
# the types of event that tell them
PATIENT_OF_ACTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("invasion", "occupation", "annexation", "bombing", "shelling", "bombardment", "killing",
                     "murder", "assassination"), ("ASSAULT",)),
    **dict.fromkeys(("isolation", "blockade", "siege", "expulsion", "blacklisting"), ("SANCTION", "COERCE")),
    **dict.fromkeys(("arrest", "detention", "imprisonment", "jailing", "abduction", "kidnapping", "seizure",
                     "capture", "deportation", "persecution", "harassment", "execution", "conviction",
                     "sentencing"), ("COERCE",)),
    **dict.fromkeys(("release", "return", "repatriation"), ("RETREAT", "CONCEDE")),
}
STANCES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})  # what a stance on an act, a deal or a threat can be


def _act_stood_on(trig: Trigger, res: Resolution) -> Token | None:
    """The object of a stance that is an act done to its 'of' object ('condemned the invasion of Ukraine',
    'welcomed the release of the prisoners'): the stance is about who did it, not who suffered it."""
    if trig.reading.event not in STANCES:
        return None
    obj = A.child(trig.token, "dobj")
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    preps = {p.lower_ for p in obj.children if p.dep_ == "prep"}
    if lemma in PATIENT_OF_ACTS and "of" in preps:
        return obj
    # 'condemned this attack on our embassy', 'denounced the sanctions against Iran': 'on' names the target (but
    # 'blamed the attacks on militants' names who did them)
    blaming = trig.token.lemma_.lower() == "blame"
    aimed = preps & {"on", "against"} and not blaming
    if lemma in ACT_NOUNS_TYPES and aimed:
        return obj
    # 'The United States condemned the raid last weekend': a hostile act the story told before, named alone (in a
    # sentence naming no other state: 'Bolivian forces opened fire ..., and Mexico condemned the killings' tells
    # the act beside it, which the sentence's own reading finds)
    told_before = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in obj.children) \
        and len(res.states_in(trig.token.sent)) <= 1
    hostile = set(ACT_NOUNS_TYPES.get(lemma, ()) + PATIENT_OF_ACTS.get(lemma, ())) & HOSTILE_ACTS
    return obj if told_before and hostile and not blaming else None


HOSTILE_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})


def _doers_of_act(act: Token, res: Resolution, ctx: DocContext,
                  besides: frozenset[str] = frozenset()) -> list[ActorSpan]:
    """Who did an act: its own possessor or modifier ('Russia's invasion'), its 'by' phrase ('the detention of a
    diplomat by Iran'), else who did the latest act of its kind in the story; none when nothing says."""
    own = [s for s in _named_before_noun(act, res) if s.states]
    if own:
        return own
    enacted = _participle_with_agent(act)  # 'a ban on settlement goods approved by Irish lawmakers'
    if enacted is not None and (by := A.agent(enacted)) is not None \
            and (found := [s for s in A.np_actors(by, res, deep=True) if s.states]):
        return found
    hung_on_stance = A.prep_objects(act.head, ("by",)) if not A.is_passive(act.head) else []
    for _p, by in A.prep_objects(act, ("by",)) + [b for _p, o in A.prep_objects(act, ("of",))
                                                     for b in A.prep_objects(o, ("by",))] + hung_on_stance:
        found = [s for s in A.np_actors(by, res, deep=True) if s.states]
        if found:
            return found
    lemma = act.lemma_.lower()
    doers = ctx.doers_of(PATIENT_OF_ACTS.get(lemma) or ACT_NOUNS_TYPES.get(lemma, ()), besides)
    if doers:
        return [ActorSpan.from_context(act.i, c, f"who did the {act.lower_} told before") for c in doers]
    # 'condemned the attack on its embassy in Tehran': the state where it happened answers for it
    targets = [act, *(o for _p, o in A.prep_objects(act, ("on", "against", "of")))]
    return [s for t in targets for _p, o in A.prep_objects(t, ("in",)) for s in A.np_actors(o, res) if s.states][:1]


def _ultimatum(verb: Token) -> Token | None:
    """The verb that sets an ultimatum ending in '... or face X' ('gave the junta a week to reinstate the president
    or face measures', 'urged Russia to accept a ceasefire or face sanctions'): what is faced is threatened."""
    alternative = verb.head
    if verb.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in alternative.children):
        return None
    if alternative.dep_ not in ("xcomp", "advcl", "ccomp") or alternative.head.pos_ != "VERB":
        return None
    return alternative.head


def _verb_roles(trig: Trigger, res: Resolution, ctx: DocContext) -> tuple[list, list, list, str]:
    verb = trig.token
    setter = _ultimatum(verb) if trig.pred.lemma == "face" else None
    if setter is not None:  # the one who sets the ultimatum threatens the one it is set to
        setter_subj, _ = A.subject(setter)
        warners, warner_orgs = _split_orgs(A.np_actors(setter_subj, res)) if setter_subj is not None else ([], [])
        told = [c for c in setter.children if c.dep_ in ("dobj", "dative")]
        warned = [s for c in told for s in A.np_actors(c, res, deep=True) if s.states]
        return warners, _without(warned, warners), warner_orgs, "parse"
    subj, passive = A.subject(verb)
    subj = _author_of_document(verb, subj, res)
    if passive and subj is not None and trig.reading.mode == "arrest" and verb.dep_ == "acl":
        subj = _people_under(subj)  # 'the release of its citizens detained in Hanoi', 'detained' hung on 'release'
    if (intention := _intention_noun(verb)) is not None:
        subj, passive = A.subject(intention.head)  # 'Li has no plans to meet ...': who has none (or has them)
    actor: list[ActorSpan] = []
    orgs: list[ActorSpan] = []
    method = "parse"
    patient = None
    ag = A.agent(verb)
    if ag is not None and _a_line(ag):
        ag = None  # 'conferred by telephone': the means, which the parser took for a passive's agent
    if ag is None and passive and trig.pred.lemma in FEELINGS and trig.reading.event == "ACCUSE":
        # 'said it was "deeply disappointed" by the U.S. move': quotes make the parser hang 'by' as a plain prep
        ag = next((o for _p, o in A.prep_objects(verb, ("by",))), None)
    if ag is not None and trig.pred.lemma in FEELINGS and trig.reading.event == "ACCUSE" and subj is not None:
        # 'China is alarmed by Japan's military buildup': who feels it disapproves of what caused it
        actor, orgs = _split_orgs(A.np_actors(subj, res))
        if not actor and not orgs:
            actor, method = _pronoun_or_generic(subj, res, ctx)
        caused = _without([s for s in A.np_actors(ag, res, deep=True) if s.states], actor)
        return actor, caused or _verb_recipient(trig, None, actor, res, ctx), orgs, method
    if ag is not None:
        actor, orgs = _split_orgs(A.np_actors(ag, res, deep=True))
        patient = subj if passive else None
        if not actor and not orgs and (pair := _the_two_named_before(ag, res) or _the_two(ag, ctx)):
            actor, method = pair, "coreference"  # "a deal signed by the two countries' foreign ministers"
        elif not actor and not orgs:
            method = "agent"  # 'was struck by Chido': the agent is named and is no party
    elif passive and trig.reading.mode in ("expel", "deport") and (expellers := _expelled_from(verb, res)):
        patient = subj  # 'a Belarusian diplomat was expelled from Poland', 'MPs were deported from Tanzania': the
        # state they were sent out of did it
        actor, orgs = _split_orgs(expellers)
    elif passive and trig.reading.event == "REJECT" and (gates := _entry_denied_by(verb, res)):
        patient = subj  # 'French lawmakers were denied entry to Azerbaijan': Azerbaijan kept them out
        actor, orgs = _split_orgs(gates)
    elif passive and trig.reading.event == "AID" and (hosts := _refuge_given_in(verb, res)):
        patient = subj  # 'Assad has been granted asylum in Russia': Russia gave it
        actor, orgs = _split_orgs(hosts)
    elif passive and trig.reading.event == "COERCE" and (trig.pred.lemma in STATE_HOLDING or (
            trig.reading.mode == "arrest" and verb.dep_ == "acl")) \
            and (holders := _state_held_in(verb, res) or _asked_of_the_held(verb, res)):
        patient = subj  # 'three Rwandan citizens were detained in Burundi': Burundi's authorities hold them
        if patient is not None and any(c.lower_ in ("its", "their") for c in patient.children if c.dep_ == "poss") \
                and (owner := A.subject(verb.sent.root)[0]) is not None and owner.i < patient.i:
            patient = owner  # 'Rwanda demanded the release of its citizens who were detained ...': Rwanda's people
        actor, orgs = _split_orgs(holders)
    elif passive and trig.reading.event == "SANCTION" and trig.reading.mode == "withdraw" and subj is not None \
            and subj.lemma_.lower() in ENVOYS and (senders := [s for s in A.np_actors(subj, res) if s.states]):
        # 'The French ambassador was recalled to Paris': his state recalled him, from where he served
        actor, orgs = _split_orgs(senders)
        hosts = [s for _p, o in A.prep_objects(verb, ("from",)) for s in A.np_actors(o, res) if s.states]
        return actor, _without(hosts, actor), orgs, "parse"
    elif passive and trig.pred.lemma == "summon" and (callers := _summoned_by(verb, subj, res)):
        patient = subj  # 'Moldova's ambassador had been summoned, the Russian foreign ministry said': the ministry
        # that says so (or the one the envoy was summoned to) summoned him
        actor, orgs = _split_orgs(callers)
    elif passive and trig.reading.event == "RETREAT" and (holders := _held_by(subj, res)):
        patient = subj  # 'U.S. citizens detained in Iran were released': Iran released them
        actor, orgs = _split_orgs(holders)
    elif passive:
        patient = subj
        method = "passive"  # no agent: who acted is not said, and no other mention stands in for it
        if subj is not None and trig.reading.event in ("COOPERATE", "AID"):
            actor, orgs = _split_orgs(A.np_actors(subj, res, deep=True))  # 'a shipment of Russian coal was delivered'
            patient = None
            method = "parse"
        elif subj is not None and trig.reading.event == "MOBILIZE" and subj.lemma_.lower() in DEPLOYED:
            actor, orgs = _split_orgs(A.np_actors(subj, res))  # 'Polish armoured units were deployed': Poland's
            patient = None
            method = "parse"
    elif subj is not None:
        actor, orgs = _split_orgs(A.np_actors(subj, res))
        if not actor and not orgs:
            actor, method = _pronoun_or_generic(subj, res, ctx)
    elif (speaker := _speaker_of_a_clause_as_subject(verb)) is not None:
        actor, orgs = _split_orgs(A.np_actors(speaker, res))  # 'U.S. officials said removing the sanctions on
        method = "speaker"  # Burma is out of the question': the speakers' state would do it
    if subj is not None and not passive:
        actor = with_head_sector(actor, subj, res)
    return actor, _verb_recipient(trig, patient, actor, res, ctx), orgs, method


def _summoned_by(verb: Token, envoy: Token | None, res: Resolution) -> list[ActorSpan]:
    """Who summoned an envoy told in the passive with no agent: the ministry he was summoned to ('was summoned to
    the Lithuanian foreign ministry'), else the state body reporting it ('..., the Russian foreign ministry
    said'), when that is another state than the envoy's."""
    own = {c for s in (A.np_actors(envoy, res) if envoy is not None else []) for c in s.states}
    places = [o for _p, o in A.prep_objects(verb, ("to",))]
    sayer = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in A.REPORTING else None
    if sayer is not None and (said_by := A.child(sayer, "nsubj")) is not None:
        places.append(said_by)
    for place in places:
        found = [s for s in A.np_actors(place, res) if s.states and not set(s.states) & own]
        if found:
            return found
    return []


def _speaker_of_a_clause_as_subject(verb: Token) -> Token | None:
    """Who rules out the act of a gerund clause that is the subject of what they said ('officials said that
    removing the sanctions is out of the question'): the doer the clause leaves unnamed."""
    if verb.dep_ not in ("csubj", "csubjpass") or verb.tag_ != "VBG":
        return None
    said = verb.head
    if said.dep_ != "ccomp" or said.head.lemma_.lower() not in REPORTING or not _off_the_table(said):
        return None  # 'saying that blaming India was unfair' is no act of the speaker's
    speaker, _ = A.subject(said.head)
    return speaker


# Verbs of displeasure: in the passive their subject feels it and the agent causes it ('was angered by the
# decision'); not 'encourage', whose passive agent is who asks ('was encouraged by Washington to resume talks')
FEELINGS = frozenset({"concern", "disappoint", "alarm", "trouble", "outrage", "appal", "appall", "anger", "dismay",
                      "shock", "worry", "upset", "frustrate", "sadden", "offend", "irritate", "annoy", "disturb",
                      "enrage", "infuriate", "incense"})


DOCUMENTS = frozenset({"resolution", "statement", "declaration", "communique", "letter", "bill", "law", "motion",
                       "report", "decree", "memorandum", "note"})


WHAT_IS_ASKED_FOR_PEOPLE = frozenset({"release", "access", "freedom", "return", "fate", "treatment", "repatriation"})


INSTALLATIONS = frozenset({"base", "camp", "post", "checkpoint", "crossing", "garrison", "airfield", "airbase",
                           "facility", "barracks", "outpost", "station", "port", "compound", "headquarters"})
HELD_BY_VERBS = frozenset({"hold", "occupy", "use", "staff", "man", "run", "host", "house", "operate", "guard"})


def _handover_read(trig: Trigger, roles: Roles, res: Resolution) -> list[tuple[Trigger, Roles]] | None:
    """A base handed over, told by who took it ('Senegal's army took command of the former French base', 'Somali
    soldiers took control of a camp that Ethiopian forces had held', 'Gabonese troops raised their flag over the
    French base'): the state that held it withdrew (RETREAT) to the state that took it. None: no such reading
    applies; []: the words tell no event at all ('took command of the army')."""
    verb, lemma = trig.token, trig.pred.lemma
    if lemma not in ("take", "assume", "raise", "lower"):
        return None  # (every trigger passes here: the object is read only for these)
    obj = _object_lemma(verb, trig.pred)
    if lemma == "lower" and obj == "flag":  # 'French troops lowered their flag over the camp': they left it
        held = _installation_taken(verb, "raise")
        if held is None or not roles.actor:
            return []  # 'flags were lowered to half-mast': mourning
        left_to = roles.recipient or [ActorSpan.from_context(held.i, c, "the state the installation lies in")
                                      for c in sorted(_states_it_lies_in(held, res) - _codes_of(roles.actor))][:1]
        return [(replace(trig, reading=Reading("RETREAT", "withdraw", ("military",))),
                 replace(roles, recipient=left_to, recipient_from_location=False))]
    if lemma == "lower" or (lemma == "raise" and obj != "flag") \
            or (lemma != "raise" and obj not in ("control", "command")):
        return None
    held = _installation_taken(verb, lemma)
    takers = {c for s in roles.actor for c in s.states}
    prior = _prior_holder(held, res, takers) if held is not None else []
    if not prior:
        return [] if obj in ("command", "flag") else None
    reading = Reading("RETREAT", "withdraw", ("military",))
    return [(replace(trig, reading=reading), replace(roles, actor=prior, recipient=roles.actor,
                                                     actor_method="parse", recipient_from_location=False))]


def _installation_taken(verb: Token, lemma: str) -> Token | None:
    """The base, camp or crossing taken: 'took control of X', 'took command of X', 'raised the flag over X'."""
    preps = ("over", "above", "at") if lemma == "raise" else ("of", "over")
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for _p, obj in (po for h in holders for po in A.prep_objects(h, preps)):
        if obj.lemma_.lower() in INSTALLATIONS:
            return obj
    return None


def _prior_holder(place: Token, res: Resolution, takers: set[str]) -> list[ActorSpan]:
    """The state that held an installation before: by a relative clause ('a camp that Ethiopian forces had held
    since 2016'), or named on it when it is a former one or lies in the taker's own land ('the former French
    base', 'the French base in the Senegalese capital'; the Ukrainian base in Crimea taken by Russia is no
    handover)."""
    held_in = _states_it_lies_in(place, res)
    found = [s for c in place.subtree if c.dep_ == "relcl" and c.lemma_.lower() in HELD_BY_VERBS
             for subj, passive in [A.subject(c)] if subj is not None and not passive
             for s in A.np_actors(subj, res) if s.states and s.kind == "state" and not set(s.states) & takers]
    former = any(c.lower_ in ("former", "ex") for c in place.children)
    if former or held_in & takers:
        found += [s for c in place.children if c.dep_ in ("amod", "compound", "poss")
                  for s in A.np_actors(c, res) if s.states and s.kind == "state" and not set(s.states) & takers]
    return [s for s in found if not set(s.states) & held_in][:1]


def _states_it_lies_in(place: Token, res: Resolution) -> set[str]:
    """The states an installation's 'in' phrase puts it in ('in the Senegalese capital', 'in Crimea')."""
    codes: set[str] = set()
    for _p, obj in A.prep_objects(place, ("in",)):
        codes |= {c for s in A.np_actors(obj, res, deep=True) for c in s.states}
        names = [t for t in obj.subtree if t.pos_ == "PROPN"]
        if names and (town := _town_or_region(names[0].i, names[-1].i + 1, res)) is not None:
            codes.add(town.country)
    return codes


def _people_under(noun: Token) -> Token:
    """The people a participle of arrest tells of when the parser hung it on what is asked for them ('consular
    access to 120 of its citizens detained in raids'): down the 'of' and 'to' phrases to the first noun of people."""
    if noun.lemma_.lower() not in WHAT_IS_ASKED_FOR_PEOPLE:
        return noun
    for tok in noun.subtree:
        if tok.i > noun.i and tok.pos_ in ("NOUN", "PROPN") and (
                tok.lemma_.lower() in PRIVATE_PEOPLE or tok.ent_type_ == "NORP"
                or any(c.dep_ == "poss" for c in tok.children)):
            return tok
    return noun


def _author_of_document(verb: Token, subj: Token | None, res: Resolution) -> Token | None:
    """'The Georgian parliament passed a resolution supporting Ukraine', 'issued a statement condemning X': the
    participle's doer is whoever passed or issued the text, not the text (nor the state it supports)."""
    if subj is None or verb.dep_ != "acl" or subj.i != verb.head.i or subj.lemma_.lower() not in DOCUMENTS:
        return subj
    if verb.tag_ == "VBN":
        return subj  # 'welcomed the declaration signed by Thailand and Cambodia': the text, its signers named apart
    if any(s.states for s in A.np_actors(subj, res)) or subj.dep_ != "dobj" or subj.head.pos_ != "VERB":
        return subj
    author, author_passive = A.subject(subj.head)
    return author if author is not None and not author_passive else subj


PRIVATE_PEOPLE = frozenset({"citizen", "national", "tourist", "hostage", "prisoner", "detainee", "sailor", "migrant",
                            "refugee", "student", "passenger", "civilian", "evacuee", "pilgrim", "fan", "athlete",
                            "worker", "family", "child"})


def _private_travellers(trigger: Token) -> bool:
    """Whether who travels or meets are private people: the subject of a verb ('U.S. citizens were flown'), or
    of a noun the subject of the verb it is the object of, its by-phrase or a modifier ('Chinese tourists made
    7.5 million visits', 'visits by Chinese students', 'tourist visits')."""
    if trigger.pos_ == "VERB":
        subj, _ = A.subject(trigger)
        return subj is not None and subj.lemma_.lower() in PRIVATE_PEOPLE
    who = [c for c in trigger.children if c.dep_ in ("compound", "poss", "nmod")]
    who += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
            if g.dep_ == "pobj"]
    if trigger.dep_ == "dobj" and trigger.head.pos_ in ("VERB", "AUX"):
        subj, passive = A.subject(trigger.head)
        if subj is not None and not passive:
            who.append(subj)
    return any(w.lemma_.lower() in PRIVATE_PEOPLE for w in who)




def _held_by(people: Token | None, res: Resolution) -> list[ActorSpan]:
    """The state that held the people a passive says were freed: 'citizens detained in Iran', 'sailors held by
    Yemen' (a participle of holding with its place or agent)."""
    if people is None:
        return []
    for held in (c for c in people.children if c.dep_ == "acl" and c.lemma_.lower() in HOLDING_VERBS):
        for _prep, obj in A.prep_objects(held, ("in", "by")):
            found = [s for s in A.np_actors(obj, res) if s.states]
            if found:
                return found
    return []


# what only a state's authorities do to people (not 'kidnapped', 'abducted': gunmen do that too)
STATE_HOLDING = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "hold"})


def _holder_of_those_to_be_freed(token: Token, res: Resolution, actor_codes: set[str]) -> list[ActorSpan]:
    """The state holding the people whose release is demanded ('the release of its citizens detained in Burundi',
    '... who were arrested in Bujumbura'): whom the demand is made of."""
    for noun in (t for t in token.subtree if t.lemma_.lower() in ("release", "return", "freedom")):
        for _prep, people in A.prep_objects(noun, ("of",)):
            for held in (t for t in people.subtree if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in STATE_HOLDING):
                found = [s for s in _state_held_in(held, res) if not set(s.states) & actor_codes]
                if found:
                    return found
    return []


def _asked_of_the_held(participle: Token, res: Resolution) -> list[ActorSpan]:
    """'Bangladesh asked India for consular access to its nationals rounded up this week': people held, told in a
    participle inside what a state is asked, are held by the state asked (the asker's own people)."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return []
    asking = next((a for a in participle.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in ASKING_VERBS), None)
    if asking is None or (asked := A.child(asking, "dobj")) is None:
        return []
    subj, _ = A.subject(asking)
    askers = {c for s in A.np_actors(subj, res) for c in s.states} if subj is not None else set()
    return [s for s in A.np_actors(asked, res) if s.states and s.kind == "state" and not set(s.states) & askers][:1]


ASKING_VERBS = frozenset({"ask", "urge", "press", "call"})


def _state_held_in(verb: Token, res: Resolution) -> list[ActorSpan]:
    """The state people were arrested or held in, by the place a passive names ('were detained in Burundi', 'were
    arrested in Bujumbura'): who holds people in a state is its authorities."""
    for _prep, obj in A.prep_objects(verb, ("in", "at")):
        found = [s for s in A.np_actors(obj, res, deep=True) if s.states and s.kind == "state"]
        if found:
            return found[:1]
        names = [t for t in obj.subtree if t.pos_ == "PROPN"]
        if names and (town := _town_or_region(names[0].i, names[-1].i + 1, res)) is not None:
            return [_state_of(town, names[0].i, names[-1].i + 1, f"the state of {town.name}, where they were held")]
    return []


def _expelled_from(verb: Token, res: Resolution) -> list[ActorSpan]:
    """The state someone was expelled from: it did the expelling."""
    return [s for _, obj in A.prep_objects(verb, ("from",)) for s in A.np_actors(obj, res) if s.states]


LEAVE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
DIPLOMATIC_MODIFIERS = frozenset({"diplomatic", "consular", "embassy", "consulate"})
ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "charge", "chargé",
                    "embassy", "staff", "commissioner", "emissary", "nuncio"})


LODGING_VERBS = frozenset({"lodge", "file", "register", "deliver", "issue", "send", "submit", "convey"})


STOPPING = frozenset({"halt", "end", "suspension", "pause", "cessation", "moratorium", "freeze", "stop"})


# Verbs and nouns of leaving: what is left decides the reading (_withdrawal_reading).
LEAVING_VERBS = frozenset({"withdraw", "pull", "quit", "exit", "withdrawal", "pullout"})
# A state that withdraws one of its own moves gives in (CAMEO 08: yield); a state that leaves talks, a treaty or
# an organisation cuts back its relations (CAMEO 161, 164: SANCTION withdraw).
GIVEN_UP = frozenset({"bill", "proposal", "plan", "law", "legislation", "measure", "tariff", "candidacy", "candidate",
                      "nomination", "demand", "charge", "complaint", "lawsuit", "suit", "case", "request",
                      "application", "offer", "threat", "decision", "order", "decree", "objection", "veto",
                      "reservation", "motion", "resolution", "amendment", "policy", "reform", "ultimatum", "condition",
                      "precondition"})
TIES_LEFT = frozenset({"talk", "talks", "negotiation", "dialogue", "meeting", "summit", "discussion", "process",
                       "treaty", "agreement", "accord", "pact", "deal", "convention", "framework", "alliance",
                       "partnership", "coalition", "arrangement", "organisation", "organization", "bloc", "union",
                       "court", "council", "commission", "body", "grouping", "membership", "mediation", "protocol"})


ADMITTED = frozenset({"inspector", "observer", "monitor", "peacekeeper", "aid", "truck", "convoy", "worker",
                      "journalist", "investigator", "team", "mission", "delegation", "agency", "shipment", "supply",
                      "food", "fuel", "medicine", "expert"})


def _let_in(verb: Token) -> bool:
    """'allowed inspectors into the site', 'let 120 aid trucks into Gaza', 'allowed UN monitors to enter': letting
    observers, peacekeepers or aid in is RETREAT access (the manual), not a concession in words."""
    obj = A.child(verb, "dobj")
    if obj is None:
        return _let_enter(verb)
    if obj.lemma_.lower() not in ADMITTED:
        return False
    entering = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ENTERING]
    back = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back"]  # 'allowed inspectors back into'
    return bool(A.prep_objects(verb, ("into", "in", "to")) or entering
                or any(t.dep_ == "prep" and t.lower_ == "into" for t in obj.subtree)  # 'a team of monitors into'
                or any(A.prep_objects(b, ("into", "in", "to")) for b in back))


ENTRY = frozenset({"entry", "access", "visa", "admission", "permission"})


REFUGE = frozenset({"asylum", "refuge", "sanctuary", "shelter", "residency", "citizenship"})


def _refuge_given_in(verb: Token, res: Resolution) -> list[ActorSpan]:
    """'Assad has been granted asylum in Russia', 'was given refuge in Qatar': with no agent, the state where the
    refuge is gave it."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in REFUGE for c in verb.children):
        return []
    places = [obj for _p, obj in A.prep_objects(verb, ("in",))]
    places += [obj for c in verb.children if c.dep_ == "dobj" for _p, obj in A.prep_objects(c, ("in",))]
    return [s for obj in places for s in A.np_actors(obj, res) if s.states][:1]


def _entry_denied_by(verb: Token, res: Resolution) -> list[ActorSpan]:
    """'A delegation was denied entry to Azerbaijan', 'were refused access to the country': with no agent, the
    state whose border or territory it is refused them."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in ENTRY for c in verb.children):
        return []
    places = [obj for _p, obj in A.prep_objects(verb, ("to", "into"))]
    places += [obj for c in verb.children if c.dep_ == "dobj" for _p, obj in A.prep_objects(c, ("to", "into"))]
    return [s for obj in places for s in A.np_actors(obj, res) if s.states][:1]


def _let_enter(verb: Token) -> bool:
    """'allowing the first aid trucks to enter the Gaza Strip': the parser made the admitted the entering verb's
    subject."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ENTERING
               and (who := A.child(c, "nsubj")) is not None and who.lemma_.lower() in ADMITTED
               for c in verb.children) or _let_in_misparsed(verb)


def _admitted(verb: Token, res: Resolution) -> list[ActorSpan]:
    """The states or organisations named in what a verb lets in: its object, the subject of its entering clause
    ('allowed IAEA inspectors to enter'), or the parser's clause of a misread noun ('a team of African Union
    ceasefire monitors into')."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads += [who for c in verb.children if c.dep_ in ("xcomp", "ccomp") and (who := A.child(c, "nsubj")) is not None]
    return [s for h in heads for s in A.np_actors(h, res, deep=True) if s.states][:1]


def _let_in_misparsed(verb: Token) -> bool:
    """'allowed a team of ceasefire monitors into the town' with 'monitors' read as a verb (the parser's clause
    'a team ... monitors into the town'): the admitted noun as a clause's verb or subject, 'into' after it."""
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(p.dep_ == "prep" and p.lower_ == "into" for p in c.children):
            continue
        who = A.child(c, "nsubj")
        # the misread word by its lemma ('supplies' -> supply), or as written less a plural s ('monitors')
        if {c.lemma_.lower(), c.lower_.rstrip("s")} & ADMITTED or (who is not None and who.lemma_.lower() in ADMITTED):
            return True
    return False


MATERIAL_KINDS = {"military": "military", "financial": "economic", "economic": "economic",
                  "humanitarian": "human_security"}


def _material_backing(noun: Token) -> tuple[str, ...]:
    """'military backing', 'financial support': material help is AID (the manual), not verbal support."""
    return tuple(MATERIAL_KINDS[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in MATERIAL_KINDS)


DRAFTS = frozenset({"legislation", "bill", "draft", "proposal", "resolution", "amendment", "motion"})
IN_FORCE = frozenset({"sanction", "sanctions", "measure", "measures", "tariff", "tariffs", "restriction",
                      "restrictions", "ban", "law", "order", "decree", "embargo"})


def _aimed_by_text(verb: Token) -> Reading | None:
    """What a text or measure 'targeting X' does: a bill or draft threatens (THREATEN), sanctions or a law in force
    cut back (SANCTION); troops or missiles targeting X stay an attack (None)."""
    doer = verb.head if verb.dep_ == "acl" else A.subject(verb)[0]
    if doer is None:
        return None
    lemma = doer.lemma_.lower()
    if lemma in DRAFTS:
        return Reading("THREATEN", None, ("economic",))
    if lemma in IN_FORCE:
        return Reading("SANCTION", None, ("economic",))
    return None


TRADE_WORDS = frozenset({"export", "import", "trade", "investment"})


def _on_trade(verb: Token) -> bool:
    """Controls, limits or restrictions on exports, imports or trade ('imposed export controls on X') cut back an
    exchange between states (SANCTION), unlike controls on people or operations (COERCE)."""
    obj = _object_of(verb)
    if obj is None:
        return False
    on = [o for t in (obj, verb) for _p, o in A.prep_objects(t, ("on",))]  # 'new curbs on chip exports'
    return any(c.lemma_.lower() in TRADE_WORDS and c.dep_ in ("compound", "amod", "nmod") for c in obj.children) \
        or any(o.lemma_.lower() in TRADE_WORDS for o in on)


CANCELLED_CONTACTS = frozenset({"visit", "trip", "tour", "talk", "talks", "meeting", "summit", "negotiation",
                                "negotiations", "dialogue"})
# meetings, whose place is a venue when they are what is agreed, offered or asked for
MEETINGS = CANCELLED_CONTACTS - {"visit", "trip", "tour"} | {"meet", "gather", "convene", "negotiate", "round"}
# what states sign where they meet: 'signed a search-and-rescue protocol in Nairobi' names where, not with whom
SIGNED_PAPERS = frozenset({"agreement", "deal", "treaty", "accord", "pact", "memorandum", "protocol", "declaration",
                           "contract", "package", "lease", "charter", "convention", "communique", "roadmap", "mou"})


def _regret_for(verb: Token) -> bool:
    """'expressed his deepest regrets for the wounds inflicted', 'expressed deep regret on Tuesday for colonial-era
    atrocities': regret for what one did is an apology; regret at or over what another did ('expressed regret
    over the decision') is disapproval."""
    obj = _object_of(verb)
    return obj is not None and obj.lemma_.lower() in ("regret", "remorse") and bool(
        A.prep_objects(obj, ("for",)) or A.prep_objects(verb, ("for",)))


def _what_a_protest_demands(verb: Token, lex: Lexicon) -> bool:
    """A demand in the purpose clause of a protest ('marched to demand ...', 'staged mass demonstrations to
    demand reforms'): what the protest is for, coded with the protest (PLOVER's PROTEST), not a demand besides."""
    if verb.dep_ not in ("advcl", "xcomp") or not A.is_infinitive(verb):
        return False
    head = verb.head
    words = [head] + [c for c in head.children if c.dep_ == "dobj"]
    return any((p := (lex.verbs if w.pos_ == "VERB" else lex.nouns).get(w.lemma_.lower())) is not None
               and p.reading.event == "PROTEST" for w in words)


def _retreat_declared(verb: Token, lex: Lexicon) -> bool:
    """A withdrawal, pullout or ceasefire ordered or announced ('ordered a partial withdrawal of Russian forces from
    Syria'): declared, not yet carried out, which the manual codes CONCEDE (not a deployment of the forces named)."""
    obj = A.child(verb, "dobj")
    noun = lex.nouns.get(obj.lemma_.lower()) if obj is not None else None
    return noun is not None and noun.reading.event == "RETREAT"


def _own_arms_given_up(verb: Token, lex: Lexicon) -> bool:
    """'handed over their weapons to U.N. peacekeepers', 'surrendered its arms': the givers' own arms (a possessive
    pronoun) given up is disarming, not arms given as aid."""
    obj = A.child(verb, "dobj")
    if obj is not None and obj.lemma_.lower() in PORTIONS:  # 'handed over the last of their weapons'
        obj = next((o for _p, o in A.prep_objects(obj, ("of",))), obj)
    arms = lex.classes.get("arms", frozenset())
    return obj is not None and obj.lemma_.lower() in arms | {"weapon", "gun"} and any(
        c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her") for c in obj.children)


PORTIONS = frozenset({"last", "rest", "remainder", "bulk", "most", "all", "part", "first", "some", "half"})


def _asks_forgiveness(verb: Token) -> bool:
    """'asked Tanzanians for forgiveness', 'begged forgiveness': an apology, which the manual codes CONCEDE."""
    asked = [c for c in verb.children if c.dep_ == "dobj"] + [o for _p, o in A.prep_objects(verb, ("for",))]
    return any(t.lemma_.lower() == "forgiveness" for t in asked)


def _left_from(verb: Token) -> Token | None:
    """What a verb of leaving leaves: 'withdrew from ECOWAS', 'pulled out of the talks'."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            return A.child(c, "pobj")
        if c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod"):
            of = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            if of is None:
                of = next((g for g in verb.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            if of is not None:
                return A.child(of, "pobj")
    return None


# walking out of these is a protest made there ('walked out of the meeting as the Russian envoy rose to speak')
WALKOUT_VENUES = frozenset({"meeting", "summit", "session", "hall", "chamber", "ceremony", "speech", "room",
                            "conference", "debate", "sitting", "assembly"})


def _left_for_good(verb: Token) -> bool:
    """'walked out of the talks', 'walked out of the nuclear deal': what is left is left (not a protest made at a
    meeting)."""
    left = _left_from(verb)
    return left is not None and left.lemma_.lower() not in WALKOUT_VENUES


def _withdrawal_reading(verb: Token, res: Resolution, reading: Reading) -> Reading:
    """'withdrew the finance bill' gives in (CONCEDE); 'withdrew from the treaty', 'pulled out of the talks', 'quit
    ECOWAS' cut back relations (SANCTION withdraw); 'withdrew troops', 'withdrew from Gaza' stay a retreat."""
    obj = _object_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if obj is not None and obj.lemma_.lower() in GIVEN_UP:
        return Reading("CONCEDE", None, reading.context)
    left = _left_from(verb) or obj
    if left is None:
        return reading
    organisation = any(s.kind == "igo" or s.type == "organisation"
                       for s in A.spans_in(list(A.walk(left, A.NP_CORE)), res))
    if left.lemma_.lower() in TIES_LEFT or left.lower_ in TIES_LEFT or organisation:
        return Reading("SANCTION", "withdraw", ("diplomatic",))
    return reading


def _stopped(noun: Token) -> Token | None:
    """'a halt to attacks on shipping', 'an end to hostilities', 'a suspension of military aid': the act is
    what stops."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "of", "in", "on"):
        return None
    if prep.head.lemma_.lower() in STOPPING:
        return prep.head
    # 'announced a halt to attacks', with 'to attacks' hung from the verb
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i and c.lemma_.lower() in STOPPING),
                None)


ARRIVALS = frozenset({"arrive", "travel", "fly", "come", "head", "land", "cross", "go"})
STOP_DOING = frozenset({"stop", "cease", "halt", "quit", "end", "discontinue"})


def _stopped_doing(verb: Token) -> bool:
    """'would stop supporting Pristina's efforts', 'ceased recognizing him': the act is what ends."""
    return verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj") and verb.head.lemma_.lower() in STOP_DOING


INTENTIONS = frozenset({"plan", "intention", "intent", "desire", "wish"})


def _intention_noun(verb: Token) -> Token | None:
    """'plans' in 'has (no) plans to meet', 'intention' in 'has no intention of lifting', when something has it
    (the subject of that 'has' is who intends, or not, to act)."""
    noun = verb.head
    if verb.dep_ == "pcomp" and noun.lower_ == "of":
        noun = noun.head
    elif verb.dep_ != "acl":
        return None
    if noun.lemma_.lower() not in INTENTIONS or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX") \
            or noun.head.lemma_.lower() != "have":
        return None
    return noun


def _none_of(noun: Token) -> bool:
    """'no plans', 'no intention': there is none."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


WATCHING = frozenset({"monitor", "watch", "track", "shadow", "deter", "counter", "intercept", "patrol", "confront",
                      "repel"})


def _sent_to_watch(verb: Token) -> bool:
    """Forces sent to watch or deter someone are shown to them, not given to anyone: 'dispatched aircraft and
    warships to monitor the Chinese drills'."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in WATCHING for c in verb.children)


# A reaction a deed draws from others: 'drew sharp criticism from China', 'prompting a protest from Tokyo'
REACTION_VERBS = frozenset({"draw", "prompt", "spark", "trigger", "provoke", "face", "elicit", "attract", "earn",
                            "incur", "meet", "invite"})


def _drawn_from(noun: Token) -> Token | None:
    """The verb by which a deed draws this reaction noun from someone ('drew criticism from Beijing', 'met with
    condemnation from the EU'), when the noun says from whom; else None. Whoever it is drawn from reacts, and the
    doer of the deed (the verb's subject) is the one reacted to."""
    if noun.tag_ not in ("NN", "NNP") and noun.lemma_.lower() == "protest":
        return None  # 'sparked protests from farmers': demonstrations
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in REACTION_VERBS:
        return None
    return verb if _reactors(noun, verb) else None


REACTION_NOUNS = frozenset({"criticism", "condemnation", "protest", "rebuke", "backlash", "anger", "outrage",
                            "opposition", "resistance", "skepticism", "scepticism", "disapproval", "praise",
                            "approval", "support", "silence", "derision", "suspicion", "concern", "alarm", "dismay"})


def _met_with_reaction(verb: Token) -> bool:
    """'met with criticism', 'was met with silence': a reaction, not a meeting."""
    return any(obj.lemma_.lower() in REACTION_NOUNS for _p, obj in A.prep_objects(verb, ("with",)))


def _reactors(noun: Token, verb: Token) -> list[Token]:
    """Whom a reaction is drawn from: the 'from' object of the noun, or of the verb where the parser hung it; a
    state's capital or country where it is felt ('drew criticism in Berlin') stands for the state."""
    found = [obj for _p, obj in A.prep_objects(noun, ("from",)) + A.prep_objects(verb, ("from",))]
    felt_in = [obj for _p, obj in A.prep_objects(noun, ("in",)) + A.prep_objects(verb, ("in",))
               if obj.ent_type_ == "GPE"]
    return found or felt_in


STRIKE_WEAPONS = frozenset({"missile", "drone", "air", "military", "artillery", "rocket", "retaliatory",
                            "precision", "nuclear", "preemptive", "pre-emptive", "deadly", "israeli", "russian",
                            "ukrainian", "u.s.", "american", "aerial", "naval", "cruise", "ballistic", "targeted"})


STRIKE_TARGETS = frozenset({"target", "base", "facility", "port", "city", "town", "village", "position", "camp",
                            "site", "infrastructure", "plant", "airport", "airfield", "depot", "headquarters",
                            "hideout", "compound", "building", "territory", "ship", "vessel", "convoy", "border",
                            "militant", "militants", "rebel", "rebels", "insurgent", "insurgents", "fighter",
                            "fighters", "separatist", "separatists", "terrorist", "terrorists", "stronghold"})


def _strike_target(obj: Token) -> bool:
    """What a military strike hits: a named place or a target ('on Kyiv', 'against militant positions'), not a
    policy ('a strike against the pension reform')."""
    return obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or obj.lemma_.lower() in STRIKE_TARGETS




def _military_strike(noun: Token) -> bool:
    """A strike on or against somewhere, or by a weapon or a state's forces, is an attack, not a walkout:
    'a Russian strike on Kyiv', 'missile strikes against the port', 'a drone strike'."""
    if noun.lemma_.lower() != "strike":
        return False
    if any(_strike_target(obj) for _p, obj in A.prep_objects(noun, ("on", "against", "upon"))):
        return True
    done_by = A.governing_verb(noun)  # strikes are carried out or conducted by forces; a walkout is staged or held
    if done_by is not None and (done_by.lemma_.lower() in CARRYING_OUT and noun.dep_ in ("dobj", "oprd")
                                or noun.dep_ == "oprd" and done_by.head.lemma_.lower() in CARRYING_OUT):
        return True
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in STRIKE_WEAPONS for c in noun.children)


def _came_for(noun: Token) -> bool:
    """'arrived in Pyongyang for talks', 'flew to Cairo for talks': the talks are a visit to where they came."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in ARRIVALS


FORMAL_WORDS = frozenset({"formal", "diplomatic", "official", "stern", "written", "verbal", "strongly-worded"})


def _answered_with(noun: Token) -> Token | None:
    """The verb of answering a noun is given with ('responded with a protest'), if any."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else None
    return verb if verb is not None and verb.lemma_.lower() in ANSWERING_VERBS else None


def _answer_to_the_last_act(noun: Token) -> bool:
    """'China answered on Sunday with a formal protest': a reply whose sentence names nobody it answers."""
    verb = _answered_with(noun)
    return verb is not None and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _lodged(noun: Token) -> bool:
    """A protest a government lodges, files or delivers is a formal complaint, not a demonstration."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ("note", "letter", "message"):
        noun = noun.head  # 'lodged a formal protest note with Minsk'
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("note", "letter"):
        return True  # 'handed a note of protest to the Kyrgyz ambassador': written, a government's
    # 'a protest note had been sent to Dodoma': lodged too, told in the passive
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in LODGING_VERBS:
        return True
    if any(c.dep_ == "amod" and c.lower_ in FORMAL_WORDS for c in noun.children):
        return True  # 'a formal protest', 'a strong diplomatic protest': a government's, whatever the verb
    # 'China answered on Sunday with a formal protest', 'responded with a protest': a government's answer
    return _answered_with(noun) is not None


FRAMING_HEADS = frozenset({"part", "terms", "framework", "accordance", "line", "basis"})


def _framing(noun: Token, pred: Predicate, lex: Lexicon) -> bool:
    """An agreement named as the frame of an act, or a word naming what such an agreement is about ('legal
    assistance' in 'under a mutual legal assistance agreement')."""
    if pred.reading.event == "AGREE" and _frame_of_an_act(noun):
        return True
    head = noun.head
    agreement = lex.nouns.get(head.lemma_.lower())
    return (noun.dep_ in ("compound", "amod") and agreement is not None and agreement.reading.event == "AGREE"
            and _frame_of_an_act(head))


def _frame_of_an_act(noun: Token) -> bool:
    """An agreement an act is done under ('under a mutual legal assistance agreement', 'as part of a deal', 'in
    line with the accord', 'on the basis of the treaty'): the frame of that act, not an agreement made now."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ in ("under", "per", "pursuant"):
        return prep.head.pos_ in ("VERB", "AUX")
    owner = prep.head
    return prep.lower_ in ("of", "with") and owner.lemma_.lower() in FRAMING_HEADS and owner.dep_ == "pobj"


def _own_accord(verb: Token, lex: Lexicon) -> bool:
    """The verb's object is an agreement of the subject's own ('its military cooperation agreements with Paris', 'the
    treaty with Moscow'): denounced, it is ended, not criticised ('denounced the deal between Japan and Manila')."""
    obj = A.child(verb, "dobj")
    if obj is None or obj.lemma_.lower() not in lex.classes.get("accords", frozenset()):
        return False
    own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in obj.children)
    return own or bool(A.prep_objects(obj, ("with",)))


def _ordered_out(verb: Token, lex: Lexicon, res: Resolution) -> Reading | None:
    """'ordered a Belarusian diplomat to leave the country', 'ordered 12 employees of the French embassy to
    leave': an expulsion (SANCTION), not a request; 'ordered two German journalists to leave': people deported
    (COERCE), as the manual reads 'expel'."""
    obj = A.child(verb, "dobj")
    if obj is None or obj.lemma_.lower() in TIME_SPANS:  # 'gave Iranian diplomats 48 hours to leave'
        obj = A.child(verb, "dative") or obj
    if obj is None:
        return None
    if _missions_ordered_closed(verb):
        return Reading("SANCTION", "withdraw", ("diplomatic",))  # 'ordered the closure of all three Iranian consulates'
    ordered = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
               or (c.dep_ == "advcl" and A.is_infinitive(c))]
    ordered += _infinitives_on(obj)
    if any(c.lemma_.lower() in ("pay", "compensate") for c in ordered) and _a_court_orders(verb):
        # the manual: court-ordered payments are SANCTION, the court acting on who must pay ('Poland asked
        # Germany to pay reparations' stays a demand)
        return Reading("SANCTION", "convict", ("legal",))
    if any(c.lemma_.lower() in ("close", "shut") and (shut := A.child(c, "dobj")) is not None
           and shut.lemma_.lower() in MISSION_WORDS for c in ordered):
        return Reading("SANCTION", "withdraw", ("diplomatic",))  # 'ordered the United States to close its consulate'
    # 'ordered the French forces out': the particle says leave (and 'ordered Libya's ambassador out of the country',
    # however the parser hangs the 'out')
    sent_out = any(c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in verb.children) \
        or _envoys_ordered_out(verb)
    if not sent_out and not any(c.lemma_.lower() in LEAVE_VERBS for c in ordered):
        return None
    if obj.lemma_.lower() in ENVOYS | REPRESENTATIVES or _of_a_mission(obj) or _names_monitors(obj) \
            or _foreign_troops(obj, verb, res):
        return Reading("SANCTION", "expel", ("diplomatic",))
    if obj.lemma_.lower() in FORCES:
        return Reading("RETREAT", "withdraw", ("military",))  # 'ordered its troops to leave Kherson': pulled out
    expel = lex.verbs.get("expel")  # people of a state are deported, as the lexicon reads 'expelled journalists'
    deported = lex.reading_for_object(expel, obj.lemma_.lower()) if expel is not None else None
    return deported if deported is not None and deported.event == "COERCE" else None


def _missions_ordered_closed(verb: Token) -> bool:
    """'ordered the closure of all three Iranian consulates': another state's missions shut by order."""
    obj = A.child(verb, "dobj")
    return verb.lemma_.lower() == "order" and obj is not None and obj.lemma_.lower() in ("closure", "closing",
                                                                                          "shutdown") \
        and any(o.lemma_.lower() in MISSION_WORDS for _p, o in A.prep_objects(obj, ("of",)))


# who stands for a state or an organisation abroad without an envoy's title ('ordered the EU's representative to leave')
REPRESENTATIVES = frozenset({"representative", "coordinator", "delegate", "emissary"})
# international involvement a state can expel (CAMEO 1661-1663: peacekeepers, inspectors, observers, agencies)
MONITORS = frozenset({"observer", "monitor", "inspector", "peacekeeper", "investigator", "expert", "mission"})


def _foreign_troops(obj: Token, verb: Token, res: Resolution) -> bool:
    """'Burkina Faso ordered French troops to leave': another state's forces sent away (CAMEO 1661), not a
    deployment of one's own."""
    if obj.lemma_.lower() not in FORCES:
        return False
    subj, _ = A.subject(verb)
    own = {c for s in A.np_actors(subj, res) for c in s.states} if subj is not None else set()
    marked = A.walk(obj, frozenset({"amod", "compound", "poss", "case"}))
    theirs = {c for s in A.spans_in(marked, res) for c in s.states}
    return bool(theirs) and not theirs & own


FORCES = frozenset({"troops", "troop", "soldier", "soldiers", "force", "forces", "contingent", "military", "army"})


def _names_monitors(obj: Token) -> bool:
    """'ordered a team of UN human rights observers to leave': outsiders watching, whose expulsion is a sanction."""
    words = {obj.lemma_.lower()} | {o.lemma_.lower() for _p, o in A.prep_objects(obj, ("of",))}
    return bool(words & MONITORS)


COURT_WORDS = frozenset({"court", "tribunal", "judge", "arbitrator", "arbitration", "jury", "magistrate"})


def _a_court_orders(verb: Token) -> bool:
    """'A U.S. federal court ordered Iran to pay ...': the one who orders is a court."""
    subj, passive = A.subject(verb)
    doer = A.agent(verb) if passive else subj
    return doer is not None and any(t.lemma_.lower() in COURT_WORDS for t in A.walk(doer, A.NP_CORE))


def _of_a_mission(people: Token) -> bool:
    """'employees of the French embassy', 'members of its consulate', 'an official of Pakistan's High
    Commission', '12 Algerian consular and diplomatic officials'."""
    if any(t.lemma_.lower() in DIPLOMATIC_MODIFIERS for t in people.subtree if t.i < people.i):
        return True  # the modifiers before the noun, however the parser chained them
    return any(obj.lemma_.lower() in MISSION_WORDS or (obj.lower_ == "commission" and any(
        c.lower_ == "high" for c in obj.children)) for _prep, obj in A.prep_objects(people, ("of", "at")))


def _complement_on_the_object(verb: Token) -> bool:
    """'ordered an official of the embassy to leave': the parser hung the infinitive on the object."""
    obj = A.child(verb, "dobj")
    return obj is not None and bool(_infinitives_on(obj))


def _infinitives_on(noun: Token) -> list[Token]:
    """Infinitives the parser hung on a verb's object rather than on the verb ('ordered an official of Pakistan's
    High Commission to leave')."""
    return [c for c in noun.children if c.dep_ == "acl" and A.is_infinitive(c)]


def with_head_sector(spans: list[ActorSpan], head: Token, res: Resolution) -> list[ActorSpan]:
    """A state named as the modifier of an agency takes that agency's sector: 'Brazil's federal police' is BRA,
    police; 'the Turkish court' is TUR, judiciary."""
    sector = res.sector_of(head)
    if sector is None:
        return spans
    return [replace(s, sector=sector) if s.start != head.i and s.sector in (None, "government") else s
            for s in spans]


def _verb_recipient(trig: Trigger, patient: Token | None, actor: list[ActorSpan], res: Resolution,
                    ctx: DocContext) -> list[ActorSpan]:
    """The first argument (patient, object, dative, prepositions in order) that names a state.

    An argument that names no state but an office ('ordered former president Carlos Menem') is the actor's
    own state: a domestic event.
    """
    exclude = frozenset(c for s in actor for c in s.states)
    deep = trig.reading.event not in DOMESTIC_RECIPIENT | {"ASSAULT"}
    placeless = _venue_only(trig, actor) and not _restrictions_on_place(trig.token)
    for arg in _recipient_args(trig.token, trig.pred, patient):
        if placeless and arg.dep_ == "pobj" and arg.head.lower_ in LOCATION_PREPS and arg.lemma_.lower() not in ENVOYS:
            continue  # 'gathered in Paris': the venue, not a party (but 'called in the ambassador')
        if arg.dep_ == "pobj" and arg.head.lower_ == "in" and arg.lemma_.lower() in APPOSED_ACT_NOUNS:
            continue  # 'in a step coordinated with the EU and Britain, Washington penalized ...': its partners
        if (debtors := _owed_by(arg, res, exclude)):
            return debtors  # 'debts owed by Mauritania were cancelled by Italy': relief for the debtor
        if arg.lemma_.lower() in CLAIM_NOUNS and arg.dep_ in ("dobj", "nsubjpass"):
            # 'dismissed accusations it is getting weapons from North Korea': aimed at the accusers
            found = _without([s for s in A.spans_in(A.walk(arg, A.NP_CORE | {"agent", "prep", "pobj"}
                                                            - {"appos"}), res) if s.states], actor)
            for made in (c for c in arg.children if c.dep_ == "acl" and not found):
                # 'the accusation, made by Burundi's president a day earlier, that ...': who made it
                by = A.agent(made)
                found = _without([s for s in A.np_actors(by, res, deep=True) if s.states], actor) if by else []
            if found:
                return found
            continue
        if (own := _own_people(arg, res, exclude)) and trig.reading.event not in NEVER_DOMESTIC:
            return own  # 'convicted former French president Sarkozy of ...': its own, whatever else is named
        found = _without([s for s in A.np_actors(arg, res, deep=deep, exclude=exclude)
                          if s.states and not (placeless and _placed(res.doc[s.start], arg))
                          and not _in_a_time_phrase(res.doc[s.start], arg)], actor)
        found = found or _pronoun_recipient(arg, res, ctx, actor, trig.reading) or _came_from(arg, res, exclude)
        if not found and trig.reading.event in ACTS_ON_THE_PLACE and not placeless:
            found = _struck_in(arg, res, exclude)  # 'bombed PKK positions in northern Iraq'
        if found:
            return found
        ruling = arg if arg.lemma_.lower() in RULERS else next(
            (c for c in arg.children if c.dep_ == "poss" and c.lemma_.lower() in RULERS), None)
        if ruling is not None and _bare_definite(ruling) and (host := _host_of_the_mission(trig.token, res, exclude)):
            return host  # 'Russia's embassy in Oslo accused the government': the government it is accredited to
        if arg.lemma_.lower() in RULERS:
            ruled = _rulers_place(arg, res, exclude)
            if ruled or _governs_elsewhere(arg, actor):
                return ruled
        if actor and _names_an_office(arg, res) and not _names_a_pair(arg) and all(s.kind == "state" for s in actor):
            return actor[:1]  # (an organisation of states has no offices of a home of its own to act on)
    return []


MISSIONS = frozenset({"embassy", "mission", "consulate", "ambassador", "envoy", "legation"})


def _bare_definite(noun: Token) -> bool:
    """'the government', 'the authorities': no state, name or owner of their own."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and not any(
        c.dep_ in ("poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("of", "in") and any(
            g.ent_type_ in ("GPE", "NORP", "LOC") for g in c.subtree))  # 'the government in Kabul'
        for c in noun.children)


def _host_of_the_mission(verb: Token, res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """The state an acting embassy or envoy is in ('Russia's embassy in Norway', 'China's ambassador in Manila')."""
    subj, passive = A.subject(verb)
    if subj is None or passive or subj.lemma_.lower() not in MISSIONS:
        return []
    for _p, place in A.prep_objects(subj, ("in", "to")):
        found = [s for s in A.np_actors(place, res) if s.states and s.kind == "state" and not set(s.states) & exclude]
        if found:
            return found[:1]
    return []


def _rulers_place(rulers: Token, res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """'accused the military government in Myanmar of ...' with 'in Myanmar' hung from the verb: the place
    right after the rulers names whom they rule."""
    after = rulers.right_edge.i + 1
    if after >= len(rulers.doc) or rulers.doc[after].lower_ != "in" or rulers.doc[after].head != rulers.head:
        return []
    return [s for _p, obj in A.prep_objects(rulers.head, ("in",)) if obj.i > after
            for s in A.np_actors(obj, res) if s.states and not set(s.states) <= exclude][:1]


def _governs_elsewhere(rulers: Token, actor: list[ActorSpan]) -> bool:
    """'The United States accused the regime of ...': a state acting on 'the government' or 'the regime' acts on
    another's, never its own; nor are several governments its own."""
    if _several_governments(rulers):
        return True  # 'urged the three military governments to return': a state has one government
    return bool(actor) and all(s.kind == "state" and s.method == "dictionary" and s.sector is None
                               for s in actor) and A.child(rulers, "poss") is None


def _several_governments(noun: Token) -> bool:
    return noun.tag_ == "NNS" and noun.lemma_.lower() in ("government", "regime", "junta", "administration")


def _state_the_targets_serve(trig: Trigger, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """Sanctions on targets of no state that a relative clause ties to one: 'sanctions on dozens of tankers that
    it says carry Russian oil', 'sanctioned companies that it accuses of helping Moscow', 'firms that supply
    Iran's drone program': aimed at that state."""
    exclude = _codes_of(actor)
    token = trig.token
    heads = [token] if trig.pred.pos == "verb" else [token, *([v] if (v := A.governing_verb(token)) else [])]
    targets = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass") and c.i != token.i]
    targets += [obj for h in heads for _p, obj in A.prep_objects(h, ("on", "against"))]
    for arg in targets:
        for clause in (c for t in A.walk(arg, A.NP_CORE | {"prep", "pobj"}) for c in t.children
                       if c.dep_ == "relcl"):
            doer = A.child(clause, "nsubj")  # 'restrictions that China imposed': who imposed them, no target
            skip = {t.i for t in doer.subtree} if doer is not None else set()
            found = [s for s in A.spans_in(list(clause.subtree), res)
                     if s.states and not set(s.states) <= exclude and s.start not in skip]
            if found:
                return found[:1]
    return []


def _those_of_the_main_act(token: Token, res: Resolution, own: set[str]) -> list[ActorSpan]:
    """'seized three Ukrainian navy boats, detaining 24 sailors': a participle that goes on with the act does it
    to the same state's people when it names none of its own."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.head.pos_ != "VERB" or token.i < token.head.i:
        return []
    objects = [c for c in token.head.children if c.dep_ == "dobj"]
    objects += [g for c in objects for g in c.conjuncts]
    found = [s for o in objects for s in A.np_actors(o, res) if s.states and not set(s.states) & own]
    return found[:1]


FLEEING = frozenset({"flee", "escape"})


def _came_from(people: Token, res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """'pushed back 2,000 refugees who had crossed from Myanmar': people told by where they came from are of
    that state."""
    nouns = [people, *(o for _p, o in A.prep_objects(people, ("of",)))]  # 'dozens of refugees who had fled'
    for noun, clause in ((n, c) for n in nouns for c in n.children):
        verb = clause.lemma_.lower()
        fled = verb in FLEEING or (verb == "cross" and noun.lemma_.lower() == "refugee")
        if clause.dep_ in ("relcl", "acl") and fled:  # migrants who crossed from a state may only have passed it
            found = [s for _p, obj in A.prep_objects(clause, ("from",)) for s in A.np_actors(obj, res)
                     if s.states and not set(s.states) <= exclude]
            if found:
                return found[:1]
    return []


def _struck_in(target: Token, res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """The state a target named by a group of no state lies in: 'PKK positions in northern Iraq' (the group's
    name stops the phrase's own reading, so its place is read next)."""
    own = A.np_actors(target, res)
    if not own or any(s.states for s in own):
        return []
    return [s for s in A.spans_in(A.walk(target, A.NP_CORE | A.NP_PREPS), res)
            if s.states and not set(s.states) <= exclude][:1]


RESTRICTION_WORDS = frozenset({"curfew", "emergency", "lockdown", "restriction", "blockade", "siege", "ban",
                               "closure", "law"})  # 'martial law'


def _restrictions_on_place(verb: Token) -> bool:
    """'Serbia lifted a night curfew in Montenegro': restrictions eased or lifted in a place were on that place,
    which is their party, not the venue of the act."""
    obj = _object_of(verb)
    if verb.pos_ != "VERB" or obj is None:
        return False
    return obj.lemma_.lower() in RESTRICTION_WORDS or (obj.lemma_.lower() == "state" and _of_lemma(obj) in (
        "emergency", "siege"))  # 'the state of emergency


def _owed_by(arg: Token, res: Resolution, exclude: frozenset[str]) -> list[ActorSpan]:
    """The state a debt is 'owed by' (the parser hangs it as the participle's agent)."""
    for owed in (t for t in arg.subtree if t.dep_ == "acl" and t.lemma_.lower() == "owe"):
        by = A.agent(owed)
        if by is not None:
            return [s for s in A.np_actors(by, res) if s.states and not set(s.states) <= exclude]
    return []


def _own_people(arg: Token, res: Resolution, own: frozenset[str]) -> list[ActorSpan]:
    """A direct object whose own phrase names only the actor's state ('former French president Nicolas Sarkozy',
    "Prime Minister Viktor Orban's government" for Hungary): the act is done at home, and states named further
    down the object ('of misusing European Union funds') are not its recipient."""
    if not own or arg.dep_ not in ("dobj", "nsubjpass", "dative") or _bound_elsewhere(arg, res, own) \
            or A.where_assets_lie(arg):
        return []  # 'froze the British assets of Russian oligarchs': held at home, owned abroad
    spans = [s for s in A.spans_in(A.walk(arg, A.NP_CORE - {"conj", "appos"}), res)
             if s.states and res.doc[s.start].pos_ != "PRON"]  # 'withdrew its forces': its own, not at home
    if spans and all(any(res.doc[i].dep_ == "poss" for i in range(s.start, s.end)) for s in spans) \
            and not _people_or_office(arg):
        return []  # 'offered Berlin's help as a mediator': its own help, offered to others
    return spans if spans and {c for s in spans for c in s.states} <= own else []


def _people_or_office(noun: Token) -> bool:
    """A noun for people or for an office ('Orban's government', 'its citizens', 'Russia's ambassador')."""
    lemma = noun.lemma_.lower()
    return lemma in OFFICE_WORDS or lemma in RULERS or lemma in PRIVATE_PEOPLE or lemma in ENVOYS \
        or noun.ent_type_ == "PERSON"


def _owner_and_destination(verb: Token, roles: Roles,
                           res: Resolution) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """With no state as subject, an object a state owns that goes to another ('halts U.S. aid to South Africa'):
    the owner (read as recipient) and the destination (read from the sentence as actor), in their places."""
    obj = A.child(verb, "dobj")
    if obj is None:
        return None
    owners = [s for s in roles.recipient if res.doc[s.start].head.i == obj.i
              and res.doc[s.start].dep_ in ("compound", "poss", "amod")]
    bound = [s for h in (obj, verb) for _p, o in A.prep_objects(h, ("to", "for")) for s in A.np_actors(o, res)
             if s.states]
    if not owners or not bound or _codes_of(bound) != _codes_of(roles.actor):
        return None
    return owners, bound


def _bound_elsewhere(arg: Token, res: Resolution, own: frozenset[str]) -> bool:
    """An object of the actor's own that goes to another party: 'halted U.S. funding to the World Health
    Organization' is about the WHO, not done at home."""
    preps = ("to", "for", "against", "in", "at") if arg.lemma_.lower() in ENVOYS else ("to", "for", "against")
    return any(s.states and not set(s.states) <= own for _p, obj in A.prep_objects(arg, preps)
               for s in A.np_actors(obj, res))  # "recalled France's ambassador in Rome": posted abroad


# What is denied or dismissed: the accusation's authors are the recipient, not the states it is about.
CLAIM_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report", "criticism", "assertion",
                         "suggestion", "finding", "rumor", "rumour", "speculation", "complaint", "protest"})
OFFICE_WORDS = frozenset({"president", "minister", "premier", "government", "leader", "chancellor", "king",
                          "officials", "official", "cabinet", "parliament", "governor", "mayor", "opposition",
                          "party", "army", "police", "authorities", "regime", "ministry", "judge", "prosecutor"})


def _names_an_office(arg: Token, res: Resolution) -> bool:
    words = {t.lemma_.lower() for t in A.walk(arg, A.NP_CORE)}
    return bool(words & OFFICE_WORDS) and not any(s.states or s.kind != "state" for s in A.np_actors(arg, res))


NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _misparsed_objects(verb: Token) -> list[Token]:
    """A name after the verb that the parser hung as an adverbial or a second subject ('met Prime Minister Abiy
    Ahmed.' with 'Ahmed' as npadvmod or nsubj): the object it is."""
    return [c for c in verb.children if c.dep_ in ("npadvmod", "nsubj") and c.i > verb.i and c.pos_ == "PROPN"
            and c.ent_type_ in NAMED_ENTITIES and not any(g.dep_ == "aux" for g in verb.children if g.i > c.i)]


# Verbs that move something or someone to a party: 'handed over to the United States a suspect in the Kabul
# bombing' goes to the United States whatever the suspect's phrase names.
TRANSFER_VERBS = frozenset({"hand", "transfer", "extradite", "deport", "return", "repatriate"})


# Verbs that carry goods somewhere: 'shipped Ukrainian wheat to Ethiopia' is wheat from Ukraine sent to Ethiopia
CARRYING_VERBS = frozenset({"ship", "send", "deliver", "supply", "export", "sell", "airlift", "fly", "donate"})


def _recipient_args(verb: Token, pred: Predicate, patient: Token | None) -> list[Token]:
    out = [patient] if patient is not None and not pred.topic_object else []
    if pred.lemma in TRANSFER_VERBS:
        out += [obj for _, obj in A.prep_objects(verb, ("to",))]
    if pred.lemma in CARRYING_VERBS and _goods(A.child(verb, "dobj")):
        went = [obj for _, obj in A.prep_objects(verb, ("to", "into"))]
        went += [to for _p, what in A.prep_objects(verb, ("as",)) for _q, to in A.prep_objects(what, ("to",))]
        out = went + out  # where goods went ('shipped wheat as aid to countries including ...'), before whose
    if pred.lemma == "help":  # 'helped Bangladeshi officials interview families': the helped do the clause
        out += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    if not pred.topic_object:  # 'discussed China': a topic, not a party
        out += [_antecedent(c) for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")] \
            or _misparsed_objects(verb)
        # 'sealed off the city of Nablus', which the parser may hang below the particle
        out += [g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ in ("pobj", "dobj")]
        out += [called for called in [_envoy_called_in(verb)] if called is not None]  # 'called in the envoy'
    preps = pred.preps or RECIPIENT_PREPS
    if pred.reading.mode == "visit":  # 'arrived in Belgrade from Paris': where a traveller came from is left
        preps = tuple(p for p in preps if p != "from")
    out += [obj for _, obj in sorted(A.prep_objects(verb, preps), key=lambda po: preps.index(po[0]))
            if not _asked_by(obj) and not A.helping(obj)]
    if "to" in preps:  # 'flew supplies and a field hospital team to Mandalay': hung from the last thing carried
        out += [obj for o in _carried_things(verb)[1:] for _, obj in A.prep_objects(o, ("to", "into"))]
    if pred.topic_object and "with" in preps:  # 'discussed the deal with the UAE president', hung from the topic
        out += [obj for c in verb.children if c.dep_ == "dobj" and _partner_hung_from_topic(c)
                for _, obj in A.prep_objects(c, ("with",))]
    out += _what_it_called(verb)
    if not out and not pred.topic_object:  # 'stormed and set fire to the Saudi embassy': the object they share
        for second in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            out += [c for c in second.children if c.dep_ == "dobj"]
            out += [obj for _, obj in A.prep_objects(second, ("to", "on", "at", "against"))]
    return out


def _antecedent(obj: Token) -> Token:
    """A relative pronoun's noun ('Iran, which Israel accuses of arming Hamas': Iran is accused)."""
    verb = obj.head
    if obj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return obj


COMMODITIES = frozenset({"wheat", "grain", "corn", "maize", "rice", "flour", "food", "oil", "gas", "crude", "coal",
                         "fuel", "fertilizer", "fertiliser", "aid", "supplies", "medicine", "medicines", "vaccine",
                         "vaccines", "goods", "cargo", "barley", "soybean", "soybeans", "sugar", "beef", "pork",
                         "lng", "electricity", "weapons", "arms", "ammunition"})


def _goods(obj: Token | None) -> bool:
    """An object that is goods ('725,000 tons of Ukrainian wheat', 'Russian gas'), not people or a state."""
    if obj is None:
        return False
    measured = obj.lemma_.lower() in ("ton", "tonne", "barrel", "cargo", "shipment")  # 'tons of wheat'
    inner = next((o for _p, o in A.prep_objects(obj, ("of",))), None) if measured else None
    return (inner or obj).lemma_.lower() in COMMODITIES


NAMING_VERBS = frozenset({"describe", "call", "term", "label", "say", "claim", "characterize", "characterise"})


def _what_it_called(verb: Token) -> list[Token]:
    """'struck what New Delhi described as a militant camp inside Pakistan', 'hit what it called terrorist targets
    in Syria': the thing named is the verb's object, hung by the parser under the naming clause."""
    out: list[Token] = []
    for naming in (c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.lemma_.lower() in NAMING_VERBS):
        said = [c for c in naming.children if c.dep_ == "ccomp" and c.lemma_.lower() == "be"]  # 'said were'
        for clause in [naming, *said]:
            if not any(c.lower_ == "what" for c in clause.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")):
                continue
            out += [obj for _, obj in A.prep_objects(clause, ("as", *LOCATION_PREPS))]
            out += [c for c in clause.children if c.dep_ in ("oprd", "xcomp", "attr")]
    return out


def _partner_hung_from_topic(topic: Token) -> bool:
    """A 'with' phrase the parser hung from what was discussed names the partner ('discussed the deal with the UAE
    president'), unless the topic is the actor's own tie to that state ('discussed its border with Sudan')."""
    return not any(c.dep_ == "poss" for c in topic.children)


NOUN_OWN_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod", "case"})


def _named_before_noun(noun: Token, res: Resolution) -> list[ActorSpan]:
    """The actors a noun's own modifiers name before it: 'Russia's invasion', 'the Russian invasion'."""
    return [s for s in A.spans_in(A.walk(noun, NOUN_OWN_MODIFIERS), res) if s.start < noun.i]


def _traveller_on(noun: Token) -> Token | None:
    """The noun a journey tells of ('the minister, on a visit to Mauritius'): who made it."""
    if noun.lemma_.lower() in JOURNEY_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "on" \
            and noun.head.head.pos_ in ("NOUN", "PROPN") and noun.head.head.i < noun.i:
        return noun.head.head
    return None


def _his_journey(noun: Token, res: Resolution) -> ActorSpan | None:
    """The person named last before 'his visit', 'her trip' in the sentence: whose journey it was."""
    if noun.lemma_.lower() not in JOURNEY_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
        return None
    people = [a for a in res.actors_in(noun.sent) if a.type == "person" and a.end <= noun.i and a.states]
    return people[-1] if people else None


def _their_common_act(trig: Trigger, res: Resolution) -> list[ActorSpan]:
    """'Egyptian and Turkish marines carried out a beach landing, the third day of their navies' joint exercise':
    a common act owned by 'their' is the act of the states the clause's subject names together."""
    noun = trig.token
    if trig.reading.event not in ("COOPERATE", "CONSULT"):
        return []
    owner = A.child(noun, "poss")
    if owner is not None and owner.lower_ != "their":
        owner = A.child(owner, "poss")  # "their navies' exercise"
    if owner is None or owner.lower_ != "their":
        return []
    t = noun
    for _ in range(8):  # up to the verb of the clause, through 'the third day of ...'
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    subj = A.child(t, "nsubj") if t.pos_ in ("VERB", "AUX") else None
    states = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
    return states if len({c for s in states for c in s.states}) >= 2 else []


JOINING_VERBS = frozenset({"join", "rejoin", "accede"})


def _joined_by(noun: Token) -> Token | None:
    """The verb through which its subject joins a common act: 'took part in a joint naval exercise with
    Australia', 'participated in the talks', 'Chinese warships joined Russian drills'."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "join":
        return noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    over = noun.head.head
    if over.lemma_.lower() == "participate":
        return over
    if over.lower_ == "part" and over.dep_ == "dobj" and over.head.lemma_.lower() == "take":
        return over.head  # 'took part in'
    if over.lemma_.lower() == "take" and (part := A.child(over, "dobj")) is not None and part.lower_ == "part":
        return over
    return None


def _joiners_roles(trig: Trigger, res: Resolution) -> tuple[list, list] | None:
    """Who joins a common act and with whom: the joiner is the actor; the act's own state ('Russian drills') and
    those it is held with are the recipients."""
    noun = trig.token
    if trig.reading.event not in ("COOPERATE", "CONSULT") or (verb := _joined_by(noun)) is None:
        return None
    subj, passive = A.subject(verb)
    joiners = [s for s in A.np_actors(subj, res) if s.states] if subj is not None and not passive else []
    if not joiners:
        return None
    partners = [o for _p, o in A.prep_objects(noun, ("with",))]
    partners += [by for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ("host", "lead", "organize",
                                                                                      "organise")
                 if (by := A.agent(c)) is not None]  # 'an exercise hosted by Australia'
    others = _named_before_noun(noun, res) + [s for o in partners for s in A.np_actors(o, res, deep=True)]
    return joiners, _without([s for s in others if s.states], joiners)


def _noun_roles(trig: Trigger, res: Resolution, ctx: DocContext) -> tuple[list, list, list, str]:
    noun = trig.token
    if (helped := _came_to_the_aid_of(noun, res)) is not None:
        return helped[0], helped[1], [], "parse"
    if (joined := _joiners_roles(trig, res)) is not None:
        return joined[0], joined[1], [], "parse"
    if (together := _their_common_act(trig, res)):
        return together, [], [], "parse"
    if (came_from := _relief_came_from(trig, res)):
        return came_from, [], [], "parse"
    own = _named_before_noun(noun, res)
    doing = _action_noun_over(noun)
    if not own and doing is not None:  # "Trump's imposition of sanctions": who imposed them
        own = [s for s in A.spans_in(A.walk(doing, frozenset({"poss", "compound", "case"})), res)
               if s.start < doing.i]
    actor, orgs = _split_orgs(A.with_surface_list(own, res) if own else [])
    method = "parse"
    third_party = trig.reading.mode == "third-party"
    phrase = _phrase_head(noun)
    between = [obj for p, obj in A.prep_objects(phrase, ("between", "by")) if not (third_party and p == "between")]
    if not between:  # 'the bombardment of Hama's airport by Israeli aircraft': the parser hung 'by' from the target
        between = [by for _p, target in A.prep_objects(phrase, ("of",)) for _b, by in A.prep_objects(target, ("by",))]
    for obj in between:
        actor, orgs = _split_orgs(A.np_actors(obj, res, deep=True))
    if not actor and (traveller := _traveller_on(noun)) is not None:
        actor, orgs = _split_orgs(A.np_actors(traveller, res))  # 'India's foreign minister, on a visit to ...'
    if not actor and (person := _his_journey(noun, res)) is not None:
        actor = [person]  # 'signed 20 agreements with Muizzu during his visit to Beijing': Muizzu's visit
    if not actor and (taking_part := _who_took_part(trig, res)):
        return taking_part, [], [], "parse"
    sourced = not actor and not orgs and noun.lemma_.lower() in SOURCED_NOUNS
    if sourced:  # 'a threat from Venezuela's president', 'an invitation from Beijing'
        actor, orgs = _split_orgs([s for obj in _sources(noun) for s in A.np_actors(obj, res, deep=True)])
        sourced = bool(actor)
    participle = _participle_with_agent(noun)  # 'the aid sent by Japan to Sudan'
    if participle is not None and not actor:
        by = A.agent(participle)
        actor, orgs = _split_orgs(A.np_actors(by, res, deep=True)) if by is not None else ([], [])
    verb = A.governing_verb(noun)
    drawing = _drawn_from(noun)
    if drawing is not None:  # 'Japan's decision drew criticism from China': China criticises Japan
        reacting, orgs = _split_orgs([s for obj in _reactors(noun, drawing) for s in A.np_actors(obj, res, deep=True)])
        subj, passive = A.subject(drawing)
        doers = [s for s in A.np_actors(subj, res, deep=True) if s.states] if subj is not None and not passive else []
        if reacting or orgs:
            return reacting, _without(doers, reacting), orgs, "reaction"
    # 'Egypt moved to secure wheat from new sources as Russia's invasion ...': an attack the parse hung below what
    # was received is not received
    received = trig.reading.event not in HOSTILE_FUTURE or _is_direct_argument(noun, verb)
    if verb is not None and verb.lemma_.lower() in RECEIVE_VERBS and not _taken_as_a_step(verb, trig) and received:
        taker, _ = A.subject(verb)
        takers = [s for s in A.np_actors(taker, res) if s.states] if taker is not None else []
        if takers and not actor:  # 'Ghana received a loan from Japan'
            givers = [s for p, obj in A.prep_objects(verb, ("from",)) + A.prep_objects(noun, ("from",))
                      for s in A.np_actors(obj, res) if s.states]
            return givers, takers, orgs, method
        if takers and actor and not _codes_of(takers) & _codes_of(actor):
            return actor, takers, orgs, method  # 'Nepal received aid sent by India', 'Kenya received Japanese aid'
    if verb is not None and verb.lemma_.lower() in VICTIM_VERBS:
        victim, _ = A.subject(verb)
        hurt = [s for s in A.np_actors(victim, res) if s.states] if victim is not None else []
        if hurt:
            return actor, hurt, orgs, method
    done_to = None  # the passive verb the noun is the subject of: 'sanctions were imposed on Iran by the US'
    if not actor and not orgs and verb is not None and noun.dep_ == "nsubjpass" and noun.head.i == verb.i:
        done_to = verb
        by = A.agent(verb)
        if by is not None:
            actor, orgs = _split_orgs(A.np_actors(by, res, deep=True))
    elif not actor and not orgs and (_reason_for_another_act(noun) or _denounced(noun) or (
            verb is not None and _worried_about(noun, verb))):
        method = "reason"  # its doer is not the subject of the act it explains, nor anyone else by default
    elif not actor and not orgs and verb is not None:
        subj, passive = A.subject(verb)
        if subj is not None and not passive and subj.i != noun.i:
            actor, orgs = _split_orgs(A.np_actors(subj, res))
            if not actor and not orgs:
                actor, method = _pronoun_or_generic(subj, res, ctx)
    recipient: list[ActorSpan] = []
    objects = A.prep_objects(phrase, RECIPIENT_PREPS + ("of",))
    if phrase is not noun:
        objects = A.prep_objects(noun, RECIPIENT_PREPS + ("of",)) + objects
    objects += [("target", obj) for v in noun.children if v.dep_ == "acl" and v.lemma_.lower() in AIMING_VERBS
                for obj in v.children if obj.dep_ == "dobj"]  # 'sanctions targeting Russian banks'
    if trig.reading.event == "REQUEST":  # 'their applications to join NATO': asked of the body to be joined
        objects += [("join", obj) for v in noun.children if v.dep_ in ("acl", "relcl") and v.lemma_.lower()
                    in JOINING_VERBS for obj in v.children if obj.dep_ == "dobj"]
    if trig.reading.event == "CONSULT":  # 'an urgent session on the violence in Sudan': what was talked about
        objects = [(p, o) for p, o in objects if p not in TOPIC_PREPS]
    if _warrant_for(noun) and noun.dep_ == "compound":  # 'issued an arrest warrant on Friday for Vladimir Putin'
        warrant = noun.head
        objects += A.prep_objects(warrant, ("for", "against"))
        if verb is not None and warrant.head == verb:
            objects += A.prep_objects(verb, ("for", "against"))
    movers = _forces_that_move(trig, objects, res) if not actor and not orgs else []
    if movers:  # 'the withdrawal of Israeli troops from Gaza': the troops' state withdraws
        actor, method = movers, "parse"
        objects = [(p, o) for p, o in objects if p != "of"]
    if done_to is not None:
        objects += A.prep_objects(done_to, RECIPIENT_PREPS)
    if participle is not None and actor:
        objects += A.prep_objects(participle, RECIPIENT_PREPS)
    if verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i \
            and trig.reading.event in ("SANCTION", "ASSAULT", "COERCE", "THREATEN"):
        # 'imposed sanctions on Thursday on three senior Rwandan army officers': the target hung on the verb
        objects += [(p, o) for p, o in A.prep_objects(verb, ("on", "against")) if not _a_time(o)]
    for prep, obj in objects:
        if prep in LOCATION_PREPS and _venue_only(trig, actor):
            continue  # 'a ceasefire in Havana', 'Pakistan and Afghanistan held talks in Doha': the host is no party
        owner = _owner_of_mission(obj, res, actor)
        if owner:  # 'Iran fired drones, two weeks after an Israeli airstrike on its consulate in Damascus'
            recipient = owner
            break
        recipient = _without([s for s in A.np_actors(obj, res, deep=True) if s.states], actor)
        if recipient:
            if prep in LOCATION_PREPS:
                method += "+location"
            break
    if not recipient and verb is not None and trig.reading.event in ANSWERED_ACTS \
            and verb.lemma_.lower() in REFUSING and _authored(noun, verb):
        refuser, _ = A.subject(verb)  # 'Brazil rejected a request by Italy': the request was made to Brazil
        recipient = _without([s for s in A.np_actors(refuser, res) if s.states], actor) if refuser is not None else []
    if not recipient and sourced and verb is not None:  # 'Guyana would not be intimidated by a threat from X'
        receiver, _ = A.subject(verb)
        if receiver is not None and receiver.i != noun.i:
            found = [s for s in A.np_actors(receiver, res) if s.states] or _pronoun_or_generic(receiver, res, ctx)[0]
            recipient = _without(found, actor)
    if not recipient and trig.pred.listing and verb is not None and noun.dep_ == "pobj":
        listed = A.child(verb, "dobj", "nsubjpass")  # 'added 40 Russian firms to its blacklist', 'were put on'
        if listed is not None:
            recipient = _without([s for s in A.np_actors(listed, res, deep=True) if s.states], actor)
    if not recipient and actor and trig.reading.event in ("SANCTION", "COERCE", "THREATEN") \
            and (answerer := _who_answers(noun)) is not None:
        # 'Russia said it would retaliate against new Canadian sanctions on oil tankers': the state that answers
        # the measure is the one it hit
        recipient = _without(_states_said_by(answerer, res, ctx), actor)
    if not recipient and trig.reading.event == "ASSAULT" and noun.dep_ == "nsubj" and verb is not None \
            and verb.lemma_.lower() in DAMAGING_VERBS and (hit := A.child(verb, "dobj")) is not None:
        # 'drone and missile strikes knocked out half of Saudi Arabia's oil output': what the attack hit
        recipient = _without([s for s in A.np_actors(hit, res, deep=True) if s.states], actor)
    if not recipient and trig.reading.event in ("THREATEN", "ACCUSE") and (told := _content_subject(noun)) is not None:
        # 'the army chief's threat that Islamabad could lose its place': what is threatened is said of Pakistan
        recipient = _without([s for s in A.np_actors(told, res) if s.states], actor)
    return actor, recipient, orgs, method


def _content_subject(noun: Token) -> Token | None:
    """The subject of a noun's that-clause ('the threat that Islamabad could lose its place'): whom it is about."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    return A.child(clause, "nsubj", "nsubjpass") if clause is not None else None


ANSWERING_VERBS = frozenset({"retaliate", "respond", "react", "reply", "answer"})


def _who_answers(noun: Token) -> Token | None:
    """The subject of the verb through which a measure is answered ('would retaliate against new Canadian
    sanctions', 'responded to the tariffs'), when the measure is the verb's 'against' or 'to' object."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("against", "to"):
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in ANSWERING_VERBS or verb.pos_ != "VERB":
        return None
    subj, passive = A.subject(verb)
    return None if passive else subj


def _taken_as_a_step(verb: Token, trig: Trigger) -> bool:
    """'would take countermeasures against Finland', 'took punitive action': a hostile step taken is done by the
    taker, not received by it (as 'took a loan from China' is)."""
    return verb.lemma_.lower() == "take" and trig.reading.event not in COOPERATIVE | {"AGREE"}


RUSHING_VERBS = frozenset({"come", "rush", "go", "leap", "spring", "race", "hurry", "run"})


DEFENCE_NOUNS = frozenset({"defense", "defence"})


def _came_to(noun: Token) -> bool:
    """'came to Syria's aid', 'rushed to the defense of its ally': the noun a verb of coming goes to."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in RUSHING_VERBS


def _came_to_the_aid_of(noun: Token, res: Resolution) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'Russia came to Syria's aid', 'Turkey rushed to the aid of Azerbaijan': the one coming helps, and whose aid
    it is named the one helped (not the giver, as in 'Japan's aid')."""
    if not _came_to(noun):
        return None
    subj, passive = A.subject(noun.head.head)
    helpers = [s for s in A.np_actors(subj, res) if s.states] if subj is not None and not passive else []
    helped = [s for s in _named_before_noun(noun, res) if s.states] or [
        s for _p, o in A.prep_objects(noun, ("of",)) for s in A.np_actors(o, res) if s.states]
    return (helpers, _without(helped, helpers)) if helpers else None


DAMAGING_VERBS = frozenset({"knock", "hit", "destroy", "damage", "strike", "kill", "wound", "injure", "level",
                            "flatten", "cripple", "disable", "sink", "target", "shut", "halt"})


def _who_took_part(trig: Trigger, res: Resolution) -> list[ActorSpan]:
    """'watched the Vostok-2018 exercise ..., where Chinese and Mongolian units trained alongside Russian forces':
    the states an exercise's own clause says took part in it, not whoever watched or hosted it."""
    if trig.pred.lemma not in EXERCISES:
        return []
    clauses = [c for c in trig.token.children if c.dep_ in ("relcl", "acl")]
    # '... at the Tsugol training ground in eastern Siberia, where ...': hung from the last place named
    places = [trig.token]
    if trig.token.dep_ == "dobj":  # 'watched the exercise at a training ground near X, where ...'
        places += [p for p in trig.token.head.children if p.dep_ == "prep" and p.lower_ in LOCATION_PREPS]
    clauses += [c for root in places for t in A.walk(root, frozenset({"prep", "pobj"})) if t is not trig.token
                for c in t.children if c.dep_ == "relcl"]
    for clause in clauses:
        if clause.lemma_.lower() in SAYING | {"claim", "allege", "call", "describe"}:
            continue  # '..., which Warsaw says are meant to rehearse an attack on NATO': who speaks of it
        found = [s for s in A.spans_in(A.walk(clause, A._ALL_DEPS - {"relcl"}), res) if s.states]
        if len({c for s in found for c in s.states}) >= 2:
            return found
    return []


def _sources(noun: Token) -> list[Token]:
    """Whom a thing given or voiced comes from: 'an offer from Beijing', 'a donation of vaccines from China' (the
    parser hangs 'from' on what is given), 'welcomed aid from Japan' (on the verb)."""
    heads = [noun, *(o for _p, o in A.prep_objects(noun, ("of",)))]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() not in NOT_FROM_THE_GIVER:
        heads.append(noun.head)
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ARRIVALS | {"reach", "pour", "flow"}:
        heads.append(noun.head)  # 'aid from Japan arrived in Nepal'
    return [obj for h in heads for _p, obj in A.prep_objects(h, ("from",))]


AIMING_VERBS = frozenset({"target", "hit", "cover", "affect", "penalize", "penalise", "punish"})
# Acts told by who they come from: 'a threat from Caracas', 'an offer from China', 'pressure from Washington'
SOURCED_NOUNS = frozenset({"threat", "offer", "request", "demand", "warning", "invitation", "proposal", "pressure",
                           "appeal", "plea", "ultimatum",
                           # what is given or voiced comes from its giver: 'a donation of vaccines from China',
                           # 'protests from the European Union and Canada'
                           "donation", "gift", "aid", "assistance", "help", "loan", "grant", "credit", "shipment",
                           "delivery", "supply", "protest", "criticism", "condemnation", "complaint", "rebuke",
                           "team", "worker",
                           "fire"})  # 'rescue teams from Spain', 'came under fire from Russian missiles'
FORCE_WORDS = frozenset({"troop", "soldier", "force", "army", "peacekeeper", "contingent", "battalion", "unit",
                         "marine", "navy", "warship", "fleet", "militia", "personnel"})


def _forces_that_move(trig: Trigger, objects: list[tuple[str, Token]], res: Resolution) -> list[ActorSpan]:
    """The forces named by the 'of' object of a noun of moving them ('the withdrawal of Israeli troops', 'the
    deployment of Russian soldiers'): their state is the one that moves them, not the one acted on."""
    if trig.reading.event not in ("RETREAT", "MOBILIZE"):
        return []
    for prep, obj in objects:
        if prep == "of" and obj.lemma_.lower() in FORCE_WORDS:
            return [s for s in A.np_actors(obj, res, deep=True) if s.states]
    return []


ACTION_NOUNS = frozenset({"imposition", "introduction", "use", "lifting", "easing", "removal", "extension",
                          "expansion", "suspension", "resumption", "deployment", "delivery", "provision"})


def _action_noun_over(noun: Token) -> Token | None:
    """The action noun an event noun is the 'of' object of: 'imposition' in "Trump's imposition of sanctions"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ACTION_NOUNS:
        return noun.head.head
    return None


RESPONSE_NOUNS = frozenset({"response", "retaliation", "reaction", "reply", "revenge", "protest", "punishment"})


def _reason_for_another_act(noun: Token) -> bool:
    """'imposed sanctions on X over the detention of Y', 'closed its stores in response to the invasion of
    Ukraine', 'in retaliation for the strike': the act is why, its doer is not the one responding."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in ("after", "following", "amid") and _aimed_at_own(noun):
        return True  # 'recalled its ambassador following an attack on its embassy': done to it, not by it
    if prep.lower_ == "since" and (prep.head.pos_ in ("VERB", "AUX") or (
            prep.head.lemma_.lower() in MEETING_WORDS) != (noun.lemma_.lower() in MEETING_WORDS)):
        # 'Estonia has sent home Russian diplomats since the invasion of Ukraine', 'the first US-Russian talks
        # since the invasion of Ukraine': a time, not its act (but 'his second trip to China since a secret visit
        # to Beijing' compares like acts of one doer)
        return True
    return prep.lower_ == "over" or (prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in RESPONSE_NOUNS)


def _aimed_at_own(noun: Token) -> bool:
    """'an attack on its embassy', 'strikes against their positions': aimed at what the sentence's subject owns."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
               for p, obj in A.prep_objects(noun, ("on", "against", "at")) for c in obj.children)


def _a_time(token: Token) -> bool:
    """A weekday, month or other time word ('on Thursday')."""
    return token.ent_type_ in ("DATE", "TIME")


def _phrase_head(noun: Token) -> Token:
    """The noun a trigger modifies as a compound ('a mediation effort between X and Y', 'aid shipments to Z'):
    the phrase's prepositions hang from it."""
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() == "use":
        return noun.head.head  # 'the use of force against Taiwan': the phrase is 'use of force'
    return noun


def _under_investigation(trig: Trigger, res: Resolution) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'A US national has been put under investigation in Italy', 'magistrates placed Craxi under investigation':
    who is under investigation is its recipient; who put them there (or, unsaid, the state where it happens)
    investigates."""
    noun = trig.token
    if trig.reading.mode != "investigate" or noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return None
    verb = noun.head.head
    subj, passive = A.subject(verb)

    def states(token: Token | None, deep: bool = False) -> list[ActorSpan]:
        return [s for s in A.np_actors(token, res, deep=deep) if s.states] if token is not None else []

    if passive or verb.lemma_.lower() in ("be", "remain", "come"):  # 'X has been put / is under investigation'
        investigated = states(subj)
        doers = states(A.agent(verb), deep=True) or _location_of_clause(verb, res, investigated)
    else:  # 'magistrates placed X under investigation'
        investigated, doers = states(A.child(verb, "dobj")), states(subj)
    return _without(doers, investigated), investigated


def _declared_unwelcome(trig: Trigger, res: Resolution) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'Estonia declared a senior Russian diplomat persona non grata': whoever declares expels the diplomat's
    state, however the parser hung the Latin words (object, clause or apposition)."""
    if trig.pred.lemma != "persona non grata":
        return None
    declare = next((v for v in trig.token.ancestors if v.lemma_.lower() == "declare"), None)
    if declare is None:
        return None
    subj, passive = A.subject(declare)
    if subj is None:
        return None
    if passive:  # 'two officials of Iran's embassy were declared persona non grata by the Australian government'
        by = A.agent(declare)
        actor = [s for s in A.np_actors(by, res, deep=True) if s.states] if by is not None else []
        return actor, _without([s for s in A.np_actors(subj, res, deep=True) if s.states], actor)
    actor = [s for s in A.np_actors(subj, res) if s.states]
    persona = min((t.i for t in trig.token.sent if t.lower_ == "persona" and t.i > declare.i), default=trig.token.i)
    named = [s for s in res.actors_in(trig.token.sent) if declare.i < s.start < persona and s.states]
    return actor, _without(named, actor)


# verbs by which a measure is decided: 'a ban on settlement goods approved by lawmakers', the participle hung on
# what the ban is about
ENACTING = frozenset({"approve", "impose", "pass", "adopt", "announce", "introduce", "order", "issue", "enact",
                      "decree", "endorse"})


def _participle_with_agent(noun: Token) -> Token | None:
    """A past participle after an event noun that says who did it: 'the missiles fired by North Korea', 'a ban on
    settlement goods approved by Irish lawmakers' (the parser hangs it on the goods)."""
    found = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and A.agent(c) is not None), None)
    if found is not None:
        return found
    return next((c for _p, o in A.prep_objects(noun, ("on", "against")) for c in o.children
                 if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ENACTING
                 and A.agent(c) is not None), None)


def _split_orgs(spans: list[ActorSpan]) -> tuple[list[ActorSpan], list[ActorSpan]]:
    states = [s for s in spans if s.states]
    orgs = [s for s in spans if not s.states]
    return states, orgs


def _codes_of(spans: list[ActorSpan]) -> set[str]:
    return {c for s in spans for c in s.states}


def _without(spans: list[ActorSpan], exclude: list[ActorSpan]) -> list[ActorSpan]:
    codes = _codes_of(exclude)
    return [s for s in spans if not set(s.states) <= codes]


PAIR_HEADS = frozenset({"leader", "side", "country", "nation", "government", "minister", "president",
                        "delegation", "neighbour", "neighbor", "capital", "party", "diplomat", "premier",
                        "counterpart"})
PEOPLE_PAIR_HEADS = frozenset({"leader", "minister", "president", "premier", "counterpart", "diplomat", "delegation"})
PLURAL_PAIR_HEADS = PAIR_HEADS - {"party", "delegation", "diplomat"}  # 'the prime ministers', not 'the parties'


def _names_a_pair(noun: Token) -> bool:
    """'both leaders', 'the two sides': two parties, never one state on its own."""
    return noun.lemma_.lower() in PAIR_HEADS and noun.tag_ == "NNS" and any(
        c.lower_ in ("both", "two") for c in noun.children)


def _the_two(subj: Token, ctx: DocContext, besides: frozenset[str] = frozenset()) -> list[ActorSpan]:
    """'the two leaders', 'both sides', 'the two countries': the pair of states under discussion (one without
    `besides`: 'the United States called on both governments' is a pair the U.S. is not in)."""
    pair = ctx.current_pair(besides)
    if subj.lemma_.lower() in PEOPLE_PAIR_HEADS and ctx.people_pair is not None \
            and not besides & set(ctx.people_pair):
        pair = ctx.people_pair  # 'Xi told Biden ... that Taiwan ... . The two leaders agreed': Xi's and Biden's
    if pair is None or not _a_pair_phrase(subj):
        return []
    return [ActorSpan.from_context(subj.i, code, "the pair under discussion", end=subj.i + 1) for code in pair]


def _a_pair_phrase(subj: Token) -> bool:
    """'the two', 'both', 'the two leaders', 'both sides', 'the prime ministers', 'their leaders' (as a subject),
    'the two countries' leaders': a phrase that names the two parties under discussion."""
    if subj.lower_ in ("two", "both"):  # 'the two agreed to ...', 'both said ...'
        return subj.lower_ == "both" or any(c.lower_ == "the" for c in subj.children)
    if subj.lemma_.lower() not in PAIR_HEADS:
        return False
    plural_the = (subj.tag_ == "NNS" and subj.lemma_.lower() in PLURAL_PAIR_HEADS
                  and any(c.lower_ == "the" or (c.lower_ == "their" and subj.dep_ == "nsubj")
                          for c in subj.children))  # 'the prime ministers signed eight pacts', 'their leaders
    # accepted a ceasefire' (as a subject: 'hosted their leaders' names whoever 'their' is)
    return plural_the or any(c.lower_ in ("two", "both") or (c.dep_ == "poss" and _a_pair_phrase(c))
                             for c in subj.children)  # "the two countries' leaders met in Tokyo"


def _the_two_named_before(subj: Token, res: Resolution) -> list[ActorSpan]:
    """'... to Poland and Bulgaria after the two countries refused', '... hosted Erdogan in Bogor and the two
    leaders signed': a pair phrase stands for the two states its own sentence named before it, joined by 'and'
    or as the doer and the one done to, before any pair of earlier sentences."""
    if not _a_pair_phrase(subj):
        return []
    pair: tuple[str, str] | None = None
    for t in subj.sent:
        if t.i >= subj.i:
            break
        if t.dep_ == "conj":
            pair = _two_states(res.actor_at.get(t.head.i), res.actor_at.get(t.i)) or pair
        elif t.dep_ in ("dobj", "dative") and t.head.pos_ == "VERB" and (doer := A.child(t.head, "nsubj")) is not None:
            pair = _two_states(res.actor_at.get(doer.i), res.actor_at.get(t.i)) or pair
    if pair is None:
        return []
    return [ActorSpan.from_context(subj.i, code, "the pair named before in its sentence", end=subj.i + 1)
            for code in pair]


def _two_states(a: ActorSpan | None, b: ActorSpan | None) -> tuple[str, str] | None:
    """The states of two mentions, each of one state, when they differ."""
    if a is None or b is None or a.kind != "state" or b.kind != "state" or len(a.states) != 1 \
            or len(b.states) != 1 or a.states == b.states:
        return None
    return a.states[0], b.states[0]


def _both_sides_addressed(verb: Token, ctx: DocContext, acting: frozenset[str]) -> list[ActorSpan]:
    """'urged both sides to exercise restraint', 'called on the two governments to ...', 'spoke with the leaders of
    both countries': the pair of states under discussion is who the act is aimed at."""
    addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    addressed += [o for _p, o in A.prep_objects(verb, ("on", "to", "with"))]
    addressed += [o for a in list(addressed) for _p, o in A.prep_objects(a, ("of",))]
    for obj in addressed:
        counted_two = obj.lower_ == "both" or any(c.lower_ in ("both", "two") for c in obj.children)
        pair = _the_two(obj, ctx, acting) if counted_two and obj.lemma_.lower() in PAIR_HEADS | {"both"} else []
        if pair:
            return pair
    return []


def _pronoun_or_generic(subj: Token, res: Resolution, ctx: DocContext) -> tuple[list[ActorSpan], str]:
    """'it', 'the country', 'the minister' as subject: the actor of the previous sentences."""
    pair = _the_two_named_before(subj, res) or _the_two(subj, ctx)
    if pair:
        return pair, "coreference"
    # 'the country', 'its government', 'his government': the state of who the story was just about
    head_generic = subj.lemma_.lower() in GENERIC_HEADS and any(c.lower_ in ("the", "this", "its", "his", "her")
                                                                 for c in subj.children)
    # 'Russia's defence ministry said its forces had struck ...': the forces of who 'its' stands for
    own_forces = subj.lemma_.lower() in FORCES_OF_A_STATE and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                                 for c in subj.children)
    if subj.lower_ in ("it", "they") and (giver := _giver_thanked(subj, res)):
        return giver, "coreference"  # 'thanked Japan for the aid it sent': the one thanked sent it
    if subj.lower_ in SUBJECT_PRONOUNS or head_generic or own_forces:
        told = _named_before(subj, res, ctx)
        if told and head_generic and (other := _not_the_one_acted_on(subj, told, res)):
            return other, "coreference"
        if told:
            return told, "coreference"
    return [], "parse"


def _giver_thanked(subj: Token, res: Resolution) -> list[ActorSpan]:
    """The subject pronoun of a relative clause on what a state is thanked for ('thanked South Korea for the tents it
    delivered'): the state thanked."""
    clause = subj.head
    if subj.dep_ != "nsubj" or clause.dep_ != "relcl" or (thanked := _thanked_for(clause.head)) is None:
        return []
    return [s for s in A.np_actors(thanked, res) if s.states]


def _not_the_one_acted_on(subj: Token, told: list[ActorSpan], res: Resolution) -> list[ActorSpan]:
    """'Germany ordered Chad's ambassador to leave, after the country expelled the German envoy': 'the country'
    is not the state its own act is aimed at, but the other state named before it in the sentence."""
    verb = subj.head
    obj = A.child(verb, "dobj") if subj.dep_ == "nsubj" else None
    aimed = {c for s in A.np_actors(obj, res) for c in s.states} if obj is not None else set()
    if not aimed or not aimed & {c for s in told for c in s.states}:
        return []
    before = [a for a in res.actors_in(subj.sent) if a.start < subj.i and a.kind == "state" and a.states
              and not set(a.states) & aimed]
    return before[-1:]


FORCES_OF_A_STATE = frozenset({"force", "troop", "army", "navy", "military", "soldier", "jet", "warplane", "drone",
                               "missile", "warship", "ship", "police", "air", "artillery", "unit", "aircraft",
                               "coast", "guard", "marine", "officer", "agent", "diplomat", "embassy", "ministry",
                               "ambassador", "envoy", "consul", "mission"})


def _states_said_by(subj: Token, res: Resolution, ctx: DocContext) -> list[ActorSpan]:
    """The states a subject names, else those its pronoun or generic noun stands for ('it would retaliate', 'the
    general said')."""
    return [s for s in A.np_actors(subj, res) if s.states] or [
        s for s in _pronoun_or_generic(subj, res, ctx)[0] if s.states]


def _named_before(subj: Token, res: Resolution, ctx: DocContext) -> list[ActorSpan]:
    """Who a pronoun or a pronoun-owned subject stands for: the subject told earlier in its sentence, else the last
    sentence's subject."""
    return _subject_earlier_in_sentence(subj, res) or list(ctx.last_subject)


def _subject_earlier_in_sentence(subj: Token, res: Resolution) -> list[ActorSpan]:
    """'Russia decided ... and said it would invest': 'it' is the subject of the first clause."""
    speaker = _speaker_of_clause(subj, res)  # 'Vietnam welcomed ..., while China said it neither accepted ...'
    if speaker:
        return speaker
    around = _subject_around_relative(subj, res)  # 'the Czech Republic expelled 18 staff it identified as ...'
    if around:
        return around
    sent = subj.sent
    for t in sent:
        if t.i >= subj.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.sent == sent:
            found = [s for s in A.np_actors(t, res) if s.states]
            if found:
                return found
    return []


def _subject_around_relative(subj: Token, res: Resolution) -> list[ActorSpan]:
    """A pronoun opening a relative clause is the subject of the clause its noun belongs to, when that is a state:
    'the Czech Republic expelled 18 Russian staff it identified as spies' (it: the Czech Republic)."""
    clause = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "relcl":
        return []
    verb = A.governing_verb(clause.head)
    outer = A.child(verb, "nsubj") if verb is not None else None
    return [s for s in A.np_actors(outer, res) if s.states] if outer is not None else []


def _teller_of_any_act(noun: Token) -> Token | None:
    """Who says that any such act would be answered ('any Indian attack would draw a response', 'any incursion will
    be met with force'): whoever speaks of whatever act might come warns its doer."""
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or not _has_aux(clause, ("will", "would")) \
            or not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return None
    sayer = clause.head
    if sayer.lemma_.lower() not in A.REPORTING | WARNINGS | {"tell"} or sayer.pos_ not in ("VERB", "AUX"):
        return None
    return A.child(sayer, "nsubj")


def _speaker_of_clause(subj: Token, res: Resolution) -> list[ActorSpan]:
    """The state subject of the verb of saying whose that-clause the pronoun opens: 'China said it ...'."""
    clause = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return []
    sayer = clause.head
    if sayer.lemma_.lower() not in A.REPORTING or sayer.pos_ not in ("VERB", "AUX"):
        return []
    said_by = A.child(sayer, "nsubj")
    return [s for s in A.np_actors(said_by, res) if s.states] if said_by is not None else []


# Acts done to what belongs to another: 'its' in their object is not the doer's own ('Russia said Ukraine shelled
# its border villages', and expulsions), where a state recalls or reverses its own
DONE_TO_ANOTHERS = frozenset({"ASSAULT", "COERCE", "THREATEN"})


def _pronoun_recipient(arg: Token, res: Resolution, ctx: DocContext, actor: list[ActorSpan],
                       reading: Reading | None = None) -> list[ActorSpan]:
    """'its', 'their' for the state last named as a possessor; 'both sides', 'the two countries' for the pair."""
    pair = next((p for noun in (arg, *(o for _p, o in A.prep_objects(arg, ("of",)))) if (p := _the_two(noun, ctx))),
                []) if actor else []  # 'praised the courage of both leaders'
    if pair:  # 'the EU called on both sides to show restraint' (with no one else acting, the pair are the actors)
        return _without(pair, actor)
    if arg.lower_ in ("him", "her") and actor:
        return _person_meant(arg, res, ctx, actor)
    poss = _possessive_pronoun(arg)
    if poss is None:
        return _generic_state_named_before(arg, res, ctx, actor)
    acting = {c for s in actor for c in s.states}
    done_to_another = reading is not None and (reading.event in DONE_TO_ANOTHERS or reading.mode == "expel")
    teller = _teller_of(arg, res, acting) if done_to_another and (poss.lower_ == "its" or len(acting) == 1) else []
    if teller:  # 'Ukraine said Russian missiles hit its power plants': the teller's
        return teller
    if poss.head.i == arg.i and ctx.last_possessor is not None and ctx.last_possessor.code not in acting \
            and not _own_possession(arg, poss):
        return [ctx.last_possessor]
    return []


def _person_meant(pronoun: Token, res: Resolution, ctx: DocContext, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'Putin invited him to an economic forum': the person named last before the pronoun (in its sentence, else in
    the sentences before), besides the actor's own people; one of the actor's state ('senators sent a letter to
    Rubio, urging him to ...') leaves the act without a state recipient."""
    acting = _codes_of(actor)
    own_people = {s.person for s in actor if s.person}
    own_mentions = {s.start for s in actor}  # positions in this sentence, not in the earlier ones
    before = [a for a in res.actors_in(pronoun.sent) if a.person and a.kind == "state" and a.states
              and a.end <= pronoun.i]
    for span in reversed([*ctx.last_people, *before]):
        if span.person in own_people or (span in before and span.start in own_mentions):
            continue
        return [] if set(span.states) & acting else [span]
    return []


SUBJECT_OF_POSSESSIVE = {"its": "it", "their": "they", "his": "he", "her": "she"}


def _own_possession(arg: Token, poss: Token) -> bool:
    """'it will close its border with Belarus': the possessive of the clause's own pronoun subject is the actor's."""
    verb = A.governing_verb(arg)
    subj = A.subject(verb)[0] if verb is not None else None
    return subj is not None and subj.lower_ == SUBJECT_OF_POSSESSIVE.get(poss.lower_)


# 'promising to help the island restructure its debt', 'pledged to help the country rebuild': a state named before
GENERIC_STATE_HEADS = frozenset({"country", "nation", "island", "archipelago", "kingdom", "republic", "emirate"})


def _generic_state_named_before(arg: Token, res: Resolution, ctx: DocContext,
                                actor: list[ActorSpan]) -> list[ActorSpan]:
    """'the island', 'the country' as an act's object: the state named last before it in the sentence that is not
    the actor, else the other state of the pair under discussion."""
    if arg.lemma_.lower() not in GENERIC_STATE_HEADS or not any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                                                for c in arg.children):
        return []
    if arg.dep_ == "pobj" and arg.head.lower_ in LOCATION_PREPS:
        return []  # 'across the country': where, not to whom
    acting = {c for s in actor for c in s.states}
    before = [a for a in res.actors_in(arg.sent) if a.start < arg.i and a.kind == "state" and a.states
              and not set(a.states) & acting]
    if before:
        return [before[-1]]
    other = ctx.partner_of(next(iter(acting))) if len(acting) == 1 else None
    return [ActorSpan.from_context(arg.i, other, "the other state of the pair under discussion")] if other else []


def _possessive_pronoun(arg: Token) -> Token | None:
    """'its' or 'their' owning the argument, or the argument's 'of' phrase ('one of its supply boats')."""
    for noun in (arg, *(obj for _p, obj in A.prep_objects(arg, ("of",)))):
        poss = A.child(noun, "poss")
        if poss is not None and poss.lower_ in ("its", "their"):
            return poss
    return None


def _teller_of(arg: Token, res: Resolution, acting: set[str]) -> list[ActorSpan]:
    """The state that tells of an act done to something of 'its' ('The Philippines said Chinese vessels rammed one
    of its boats'): the subject of the verb of saying the act is reported under, when another state acts."""
    aimed = arg.dep_ in ("dobj", "nsubjpass") or (arg.dep_ == "pobj" and arg.head.lower_ in ("at", "on", "against"))
    if not acting or not aimed:  # 'fired a missile into the sea off its coast': a place, the doer's own
        return []
    for anc in list(arg.ancestors)[:8]:
        if anc.dep_ == "ccomp" and anc.head.pos_ in ("VERB", "AUX") and anc.head.lemma_.lower() in REPORTING:
            subj, passive = A.subject(anc.head)
            if subj is None or passive:
                return []
            tellers = [s for s in A.np_actors(subj, res) if s.states]
            return [] if {c for s in tellers for c in s.states} & acting else tellers[:1]
    return []


def _recipient_from_absorbed(trig: Trigger, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """A frame event takes its recipient from its complement: 'threatened to break off relations with Congo'.

    For a demand the recipient is who must act: 'said that Sudan must return the helicopter' -> Sudan.
    """
    if trig.reading.event in ("REQUEST", "AID") and trig.pred.pos == "verb":  # who must act, who is helped
        for comp in _complements(trig.token):
            subj = A.child(comp, "nsubj", "nsubjpass")
            if subj is not None:
                found = _without([s for s in A.np_actors(subj, res, deep=True) if s.states], actor)
                if found:
                    return found
                if actor and _names_an_office(subj, res):
                    return actor[:1]  # 'ordered former president Menem to appear': a domestic demand
    for inner in trig.absorbed:
        roles = _verb_roles(inner, res, DocContext()) if inner.pred.pos == "verb" else _noun_roles(inner, res,
                                                                                                  DocContext())
        if inner.token.lemma_.lower() in CLAIM_NOUNS:  # 'dismissed U.S. accusations that ...': the accusers
            found = _without(roles[0], actor)
            if found:
                return found
            continue
        found = [s for s in _without(roles[1], actor)  # 'agreed to resume talks in Doha': Doha is the venue
                 if not (trig.reading.event in PLACE_IS_NOT_PARTY
                         and _placed(res.doc[s.start], inner.token, of_meeting=True))
                 and not _intermediary(res.doc[s.start])]
        if found:
            return found
    for comp in _complements(trig.token) if trig.pred.pos == "verb" else []:
        tokens = [t for t in A.walk(comp, A._ALL_DEPS - {"relcl", "nsubj", "advcl"}) if not _placed(t, comp)
                  and not any(a.lemma_.lower() in A.OCCASIONS for a in t.ancestors)  # 'on the sidelines of X'
                  and not _in_a_time_phrase(t, comp)]  # 'for the first talks since the invasion of Ukraine'
        found = _without([s for s in A.spans_in(tokens, res) if s.states and not _intermediary(res.doc[s.start])],
                         actor)
        if found:
            return A.with_surface_list(found[:1], res)
    for comp in _complements(trig.token) if trig.pred.pos == "verb" else []:
        helped = [g for c in comp.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
        for obj in [*(c for c in comp.children if c.dep_ in ("dobj", "dative")), *helped]:
            # 'promised to help the island', '... to help the country overcome the blockade'
            found = _generic_state_named_before(obj, res, DocContext(), actor)
            if found:
                return found
    return []


MEDIATING_VERBS = frozenset({"broker", "mediate", "facilitate", "host", "sponsor", "organize", "organise", "arrange",
                             "convene", "chair"})


def _intermediary(token: Token) -> bool:
    """A state named as the one that brokered or hosted what was agreed ('a deal brokered by China', 'talks
    mediated by Qatar') is its go-between, not its other party."""
    return any(a.dep_ in ("agent", "prep") and a.lower_ == "by" and a.head.lemma_.lower() in MEDIATING_VERBS
               for a in token.ancestors) or any(  # 'under the mediation of the OSCE', 'under UN auspices'
        a.dep_ == "prep" and a.lower_ == "under" and any(
            t.lemma_.lower() in ("mediation", "auspex", "auspices", "aegis", "supervision", "sponsorship")
            for t in a.subtree) for a in token.ancestors)


ARRIVAL_VERBS = frozenset({"land", "arrive", "dock", "reach", "berth"})
CARRY_VERBS = frozenset({"carry", "transport", "ferry"})


def _carried_to(token: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'A Qatari plane carrying relief supplies landed in Beirut', 'tents and medicines sent by India reached
    Yangon', 'a plane landed in Yangon carrying relief': aid goes where its carrier arrived."""
    arrived = _arrival_told_after(token)
    if arrived is not None:  # 'medicines sent by India, which reached Yangon airport on Saturday'
        verb = arrived
    elif token.dep_ == "advcl" and token.head.lemma_.lower() in ARRIVAL_VERBS:
        verb = token.head
    elif token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.lemma_.lower() in ARRIVAL_VERBS:
        verb = token.head  # 'the donation from China arrived in Pakistan': the thing given arrived
    else:
        carrier = token.head if token.dep_ == "acl" else None
        while carrier is not None and carrier.dep_ == "conj":  # 'tents and medicines sent by India'
            carrier = carrier.head
        if carrier is None or carrier.dep_ != "nsubj" or carrier.head.lemma_.lower() not in ARRIVAL_VERBS:
            return []
        verb = carrier.head
    places = [obj for _, obj in A.prep_objects(verb, ("in", "at", "to", "into"))] + \
        [c for c in verb.children if c.dep_ == "dobj"]
    for place in places:
        found = _without([s for s in A.np_actors(place, res, deep=True) if s.states], actor)
        if found:
            return found
    for place in places:  # 'landed at Nadi': a town the actor dictionary does not know, by the places gazetteer
        if place.pos_ == "PROPN" and (town := _town_or_region(min(t.i for t in place.subtree if t.pos_ == "PROPN"),
                                                              place.i + 1, res)) is not None \
                and town.country not in _codes_of(actor):
            return [_state_of(town, place.i, place.i + 1, f"the state of {town.name}, where it arrived")]
    return []


def _arrival_told_after(token: Token) -> Token | None:
    """A relative clause of arrival hung from what was sent or from its sender ('tents sent by India, which reached
    Yangon'; the parser often hangs 'which' from the nearest noun)."""
    if token.dep_ != "acl" or token.tag_ != "VBN":
        return None
    for t in token.subtree:
        if t.dep_ == "relcl" and t.lemma_.lower() in ARRIVAL_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in t.children):
            return t
    return None


def _placed(token: Token, root: Token, *, of_meeting: bool = False) -> bool:
    """Is the token inside an 'in X' / 'at X' phrase below `root` ('agreed to a ceasefire in Havana')? With
    `of_meeting`, only the place of a meeting ('to meet in Caracas', 'to resume negotiations in Nairobi'; not
    'called for a government in Syria', 'reopened its embassy in Riyadh' or 'halt their offensive in Congo')."""
    t = token
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in LOCATION_PREPS and (
                not of_meeting or t.head.lemma_.lower() in MEETINGS | SIGNED_PAPERS) \
                and t.head.lemma_.lower() not in RULERS:
            return True
        t = t.head
    return False


# 'in Turkish custody', 'in Russian hands': held by a state, not a place
HOLDING_NOUNS = frozenset({"custody", "detention", "captivity", "prison", "jail", "hands", "care", "control"})


def _a_place(token: Token, root: Token) -> bool:
    """A mention inside an 'in X' phrase that names a place, not a state's holding ('in Turkish custody')."""
    holder = token.head if token.dep_ in ("amod", "poss", "compound") else token
    return _placed(token, root) and holder.lemma_.lower() not in HOLDING_NOUNS


# 'the junta in Niamey', 'the government in Kabul': the place names who rules, not a venue
RULERS = frozenset({"junta", "government", "regime", "authorities", "authority", "administration", "leadership",
                    "rulers", "ruler"})  # lemmas and forms: the lemmatizer makes "authorities" "authority"


def _hosted(trig: Trigger, actor: list[ActorSpan]) -> bool:
    """Whether the place of a meeting can be its host: a visit, or one state meeting abroad. Where several
    parties gather ('ministers of the G7 gathered in Paris'), the place is only the venue."""
    if trig.reading.mode == "visit":
        return True
    return len({c for s in actor for c in s.states}) <= 1 and trig.reading.mode != "multilateral"


def _venue_only(trig: Trigger, actor: list[ActorSpan]) -> bool:
    """Whether the place the event happens in is only its venue, never a party: agreements, demands and the like,
    and meetings the place does not host ('ministers gathered in Paris')."""
    return trig.reading.event in PLACE_IS_NOT_PARTY or (trig.reading.event == "CONSULT" and not _hosted(trig, actor))


def _clause_verb(token: Token) -> Token:
    """A verb itself; a noun's governing verb ('held talks'), or the noun when it has none."""
    return token if token.pos_ in ("VERB", "AUX") else (A.governing_verb(token) or token)


def _location_of_clause(token: Token, res: Resolution, actor: list[ActorSpan], *,
                        countries_only: bool = False) -> list[ActorSpan]:
    """'Discussions were held in Kuwait, Gambia ...': the places of the clause are the hosts. With
    `countries_only`, a city is a venue, not a host ('talks in Geneva')."""
    head = _clause_verb(token)
    for t in (token, head):
        preps = tuple(LOCATION_PREPS)
        if t.lemma_.lower() in ARRIVALS:  # 'crossed into Venezuela for a meeting': where the traveller went
            preps += ("to", "into")
        for _prep, obj in A.prep_objects(t, preps):
            if _asked_by(obj):
                continue
            found = _states_placed(obj, res, actor, countries_only)
            if found:
                return found
    for t in (token, head):  # 'shot a candidate during a campaign event in Guanajuato state': where the event was
        for _prep, occasion in A.prep_objects(t, OCCASION_PREPS):
            for _p, obj in A.prep_objects(occasion, tuple(LOCATION_PREPS)):
                found = _states_placed(obj, res, actor, countries_only)
                if found:
                    return found
    return []


def _states_placed(obj: Token, res: Resolution, actor: list[ActorSpan], countries_only: bool) -> list[ActorSpan]:
    """The states a place phrase names, besides the actor's (with `countries_only`, no city stands for one)."""
    return _without([s for s in A.np_actors(obj, res) if s.states and not (countries_only and s.type in CITY_TYPES)],
                    actor)


OCCASION_PREPS = ("during", "at")  # an occasion the act happened at, itself placed ('at a rally in Lahore')


# a purpose clause with these verbs says what was talked about: 'met to discuss sanctions on Russia' names no party
DELIBERATING = frozenset({"discuss", "weigh", "consider", "review", "debate", "decide", "assess", "examine",
                          "explore", "evaluate", "study", "ponder", "mull"})


def _purpose_or_subtree_recipient(trig: Trigger, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """Last resort: states named inside the trigger's own phrase or its purpose clause ('blocked a road to show
    their disapproval of the United States' policies'), never its subject or relative clauses."""
    head = trig.token if trig.pred.pos == "verb" else (A.governing_verb(trig.token) or trig.token)
    venue_free = _venue_only(trig, actor)
    talked_about = trig.reading.event == "CONSULT"  # 'held an emergency session on the fighting in Congo'
    scopes = [c for c in _aimed_at(head) if not (trig.pred.topic_object and c.dep_ in ("dobj", "attr", "xcomp"))
              and not (venue_free and c.dep_ == "prep" and c.lower_ in LOCATION_PREPS)
              and not (talked_about and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)
              and not (c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in DELIBERATING)
              and not (c.dep_ == "prep" and any(A.helping(o) for o in c.children))  # 'with support from the UK'
              and not (c.dep_ == "prep" and c.lower_ == "in" and any(  # 'in a step coordinated with the EU'
                  o.lemma_.lower() in APPOSED_ACT_NOUNS for o in c.children if o.dep_ == "pobj"))]
    if trig.pred.pos == "noun":
        light_verb = head is not trig.token and (trig.token.dep_ in ("dobj", "attr", "oprd") or (
            trig.token.dep_ == "conj" and trig.token.head.dep_ in ("dobj", "attr", "oprd"))  # 'air and naval drills'
            or (trig.token.dep_ == "nsubj" and head.lemma_.lower() in DOING_HARM  # 'airstrikes flattened ... in Gaza'
                and trig.reading.event in ACTS_ON_THE_PLACE)
            # 'rescue teams from Spain joined the search in southern Turkey': help goes where it works
            or (trig.token.dep_ == "nsubj" and trig.reading.event == "AID"))
        own = [c for c in _aimed_at(trig.token)
               if not (venue_free and c.dep_ == "prep" and c.lower_ in LOCATION_PREPS)  # 'talks in Doha'
               and not (talked_about and c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)]
        if venue_free or talked_about:  # the noun's own phrase is searched above, without its venue or topic
            scopes = [c for c in scopes if c.i != trig.token.i]
        scopes = own + (scopes if light_verb else [])
    # not a venue deeper down either ('agreed to resume talks in Caracas')
    found = [s for c in scopes for s in A.spans_in(A.walk(c, A._ALL_DEPS - _content_of(c)), res)
             if s.states and not (venue_free and _placed(res.doc[s.start], c, of_meeting=True))
             and not _intermediary(res.doc[s.start]) and not A.seat_of_court(s, res)
             and not _in_a_time_phrase(res.doc[s.start], c)]
    found = _without(found, actor)
    return A.with_surface_list(found[:1], res) if found else []


TIME_PREPS = frozenset({"since", "after", "before", "following", "until", "amid"})


def _in_a_time_phrase(token: Token, top: Token) -> bool:
    """'met for the first US-Russian talks since the invasion of Ukraine': a state inside a phrase of time below
    `top` names when, not with whom."""
    t = token
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in TIME_PREPS:
            return True
        t = t.head
    return False


# what an attack named as a subject does to its target ('Israeli airstrikes flattened buildings in Gaza')
DOING_HARM = frozenset({"flatten", "destroy", "hit", "kill", "damage", "level", "wound", "strike", "target", "raze",
                        "pound", "injure"})


def _content_of(arg: Token) -> frozenset[str]:
    """Dependencies not to search for a recipient below `arg`: relative clauses, and what a claim says."""
    if arg.lemma_.lower() in CLAIM_NOUNS:
        return frozenset({"relcl", "acl", "ccomp", "prep"})
    return frozenset({"relcl"})


CITY_TYPES = frozenset({"capital", "seat", "city"})  # places that are venues of talks, not their hosts
PLACE_IS_NOT_PARTY = frozenset({"AGREE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "CONCEDE", "RETREAT"})
VICTIM_VERBS = frozenset({"die", "suffer", "succumb", "perish"})
RECEIVE_VERBS = frozenset({"receive", "obtain", "get", "secure", "win", "accept", "take"})
# verbs whose 'from' names no giver of their object: who it was received from, or who reacted ('drew criticism from')
NOT_FROM_THE_GIVER = RECEIVE_VERBS | REACTION_VERBS


def _occasion(prep: Token) -> bool:
    """'on the sidelines of the G20 meeting', 'on the margins of the summit': where they met, not whom."""
    return any(g.dep_ == "pobj" and (g.lemma_.lower() in A.OCCASIONS or _asked_by(g)) for g in prep.children)


def _asked_by(noun: Token) -> bool:
    """'met at the request of France', 'at Russia's behest': who asked for it (requests_granted), not a party."""
    return noun.dep_ == "pobj" and noun.lemma_.lower() in REQUEST_NOUNS and noun.head.lower_ in ("at", "upon", "on")


def _to_a_place_unnamed(token: Token, res: Resolution) -> bool:
    """The trigger goes 'to' or 'for' a place or people the dictionaries tie to no state: a continent or a region
    ('to Africa', 'for African countries', 'to Latin America')."""
    for _p, obj in A.prep_objects(token, ("to", "for")):
        phrase = list(obj.subtree)
        if not A.spans_in(phrase, res) and any(t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()
                                               and t.dep_ in ("pobj", "amod", "compound") for t in phrase):
            return True
    return False


def _aimed_at(token: Token) -> list[Token]:
    """Where a recipient can hide: objects, prepositions that name a recipient, purpose clauses ('to help X')."""
    out = []
    for c in token.children:
        if c.dep_ in ("dobj", "dative", "xcomp", "oprd", "attr", "acomp"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS + ("of",) and not _occasion(c):
            out.append(c)
        elif c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "away"):  # 'pulled its forces out of X'
            out += [g for g in c.children if g.dep_ == "prep" and g.lower_ in ("of", "from")]
        elif c.dep_ == "advcl" and A.child(c, "aux") is not None and c.tag_ == "VB":  # 'to help defend X'
            out.append(c)
    return out


ELABORATION_HEADS = frozenset({"start", "begin", "include", "end", "culminate", "notably"})


IMPOSING = frozenset({"impose", "levy", "place", "slap", "put"})


def _targets_of_what_was_lifted(verb: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'China will scrap the tariffs it imposed on Australian barley': what is lifted was imposed on Australia."""
    clauses = [r for o in verb.children if o.dep_ == "dobj" for r in o.children
               if r.dep_ == "relcl" and r.lemma_.lower() in IMPOSING]
    return _without([s for r in clauses for _p, o in A.prep_objects(r, ("on", "against"))
                     for s in A.np_actors(o, res, deep=True) if s.states], actor)


def _elaborated_list(token: Token, res: Resolution, actor: list[ActorSpan]) -> list[ActorSpan]:
    """'made 18 visits, starting with Algeria in May 2014' / 'talks, including in Cuba': the places listed."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return []
    head = A.governing_verb(token) or token
    for c in list(head.children) + list(token.children):
        if c.lemma_.lower() in ELABORATION_HEADS and c.dep_ in ("advcl", "acl", "prep", "xcomp"):
            found = [s for s in A.spans_in(A.walk(c, A._ALL_DEPS - {"relcl"}), res) if s.states]
            found = _without(found, actor)
            if found:
                return A.with_surface_list(found, res)
    return []


def _authorities_where_arrested(trig: Trigger, res: Resolution, taken: set[str]) -> list[ActorSpan]:
    """'the arrest of four Nigerien officials in Benin's main port': made by the authorities of the place."""
    from diplograph.geo.locate import locate_reported, state_told

    located = locate_reported(res.doc, trig.token.i, res, trig.reading.event, ())
    if located is None or not located.country or located.country in taken or not state_told(located):
        return []
    return [ActorSpan.from_context(trig.token.i, located.country,
                                   f"the authorities of {located.name}, where the arrest was made")]


def _where_a_thing_was_done(token: Token, subj: Token) -> bool:
    """'the complaint, filed in The Hague, accused Ecuador': a place a participle about the subject names is where
    the thing was done, not who acts through it (unlike 'officials in Kabul said')."""
    if token.head.lower_ not in ("in", "at"):
        return False
    for a in token.ancestors:
        if a.i == subj.i:
            return False
        if a.pos_ == "VERB" and a.dep_ == "acl" and a.tag_ == "VBN" and a.i > 0 and a.doc[a.i - 1].text == ",":
            return True  # set off by commas: an aside on the subject, not a main verb the parser hung from it
    return False


SUMMONING = frozenset({"summon", "call"})


def _fallback_actor(trig: Trigger, sent: Span, res: Resolution, ctx: DocContext,
                    recipient: list[ActorSpan]) -> tuple[list[ActorSpan], str]:
    head = trig.token if trig.pred.pos == "verb" else (A.governing_verb(trig.token) or trig.token)
    subj, passive = A.subject(head)
    no_subject = (subj is None or subj.i == trig.token.i or passive or subj.pos_ in ("PRON", "DET")
                  or not A.np_actors(subj, res, deep=True))
    if no_subject and ctx.sentence_index > 0 and ctx.last_subject and trig.reading.event in COOPERATIVE:
        return list(ctx.last_subject), "carried"
    place = _location_of_clause(trig.token, res, [])
    place = [s for s in place if s not in recipient] or place
    if subj is not None and not passive and subj.i != trig.token.i:  # not the event noun's own phrase: its
        deep = _without([s for s in A.np_actors(subj, res, deep=True) if s.states
                         and not _where_a_thing_was_done(res.doc[s.end - 1], subj)], recipient)  # target, its place
        if deep:
            return deep, "subject-location"
        if (official := _official_of_a_place(subj, res)):  # 'Tamil Nadu Chief Minister M.K. Stalin asked ...'
            return with_head_sector(official, subj, res), "subject-location"
    arrived = trig.token.lemma_.lower() in ARRIVALS | ARRIVAL_VERBS  # who arrives at a place came from elsewhere
    if trig.reading.event not in ("CONSULT",) and _state_agency(subj, res) and not arrived:
        where = place[:1] or _state_of_place(trig, res)
        if not where and subj is not None and _told_before(subj) and ctx.last_clause_subject:
            # 'The ministry also summoned the ambassador of Poland': the ministry of the state told of before, not
            # of the story's dateline (Brussels)
            return with_head_sector(list(ctx.last_clause_subject), subj, res), "carried"
        where = where or _dateline_place(res)
        if where:  # 'police fired tear gas in Nairobi', 'authorities imposed a curfew in Imphal': that state's
            sectored = with_head_sector(where, subj, res) if subj is not None else where
            return sectored, "location"  # organs (police, judiciary); never militants
    if trig.reading.event == "PROTEST" and not _named_non_state(subj, res) \
            and (hosts := _mission_sites(recipient, res)):
        return hosts[-1:], "location"  # 'vandalised the Turkish embassy in Stockholm'
    if trig.reading.event == "PROTEST" and not _named_non_state(subj, res):
        # 'NIAMEY, Niger — Demonstrators gathered outside the French embassy': where the embassy is, else the
        # story's dateline
        # (an organisation's venue is no crowd's home: 'Outside the APEC venue, thousands marched through Lima')
        states_placed = [s for s in place if s.kind != "igo"]
        where = [s for s in states_placed if not _embassy_owner(s, res)] or _mission_sites(states_placed, res) \
            or _state_of_place(trig, res) or _dateline_place(res)  # 'dock workers in Antwerp': Belgium's
        if where:  # 'demonstrators gathered in front of France's embassy in the Malian capital': Malians
            return where[-1:], "location"
    if trig.reading.event in ("CONSULT", "COOPERATE", "AID") or _named_non_state(subj, res):
        return [], "none"
    if not passive and subj is not None and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subj.children):
        # 'its foreign ministry dismissed a U.S. offer': whose it is the pronoun tells, never the one acted on
        found = [s for s in _named_before(subj, res, ctx) if s.states]
        return (found, "coreference") if _without(found, recipient) else ([], "none")
    if not passive and _unknown_person(subj, res):
        return [], "none"  # 'Blinken warned Beijing against arming Moscow' out of his term: not Moscow, not Beijing
    if not passive and subj is not None and subj.lemma_.lower() in OUTSIDE_VOICES:
        return [], "none"  # 'Analysts accused Russia of buying Iranian drones': no state accuses
    if not passive and subj is not None and res.sector_of(subj) == "business":
        return [], "none"  # 'Western companies pulled out of Russia': firms of no state named act for none
    taken = {c for s in recipient for c in s.states}
    if trig.reading.mode == "arrest" and trig.pred.pos == "noun" and (subj is None or subj.i == trig.token.i) \
            and (arresting := _authorities_where_arrested(trig, res, taken)):
        return arresting, "location"
    acts_on_place = trig.reading.event in ACTS_ON_THE_PLACE  # where an attack happened did not carry it out
    if acts_on_place and trig.pred.pos == "noun" and subj is not None and subj.i == trig.token.i:
        return [], "none"  # 'the attack on Chinese engineers in Balochistan drew condemnation': no doer is named
    others = [a for a in A.spans_in(list(sent), res) if a.states and a.code not in taken
              and not ((acts_on_place or arrived) and _a_place(res.doc[a.start], sent.root))
              and not (trig.reading.event == "PROTEST" and a.kind == "igo")]  # a crowd is some state's people
    # a crowd, police or a court acting in the one state the event is aimed at; not troops or monitors arriving,
    # nor someone a pronoun or a possessor tells ('he urged Hanoi', 'the island's leaders asked Taipei')
    # (an organisation of states has no home of its own: 'Massa has been pressing the IMF' is no act of the IMF)
    domestic = len(taken) == 1 and all(s.kind == "state" for s in recipient) \
        and not (arrived and subj is not None and subj.lemma_.lower() in FORCE_WORDS | MONITORS)
    domestic = domestic and not _state_addressed_by_name(trig, recipient, res)
    if domestic and trig.reading.event in DOMESTIC_RECIPIENT:
        return recipient[:1], "domestic"
    # 'gunmen killed villagers in Nigeria': armed men who are no state's forces are not turned into the state the
    # sentence names (nor into the one they attack)
    unnamed = subj is not None and not passive and _irregular_fighters(subj, res)
    if subj is not None and not passive and _of_a_region(subj):
        return [], "none"  # 'Caribbean leaders pushed back against a U.S. decision on Cuban officials': not Cuba
    if others and trig.reading.event not in COOPERATIVE | {"AGREE"} and not unnamed:
        return others[:1], "sentence"
    if domestic and not unnamed:
        return recipient[:1], "domestic"
    return [], "none"


# words that tie a group of people to a region, not to one state ('Caribbean leaders', 'Western diplomats')
REGIONAL_WORDS = frozenset({"caribbean", "african", "western", "arab", "asian", "latin", "pacific", "nordic", "baltic",
                            "balkan", "regional", "gulf", "european", "american", "eastern", "southern", "northern",
                            "central"})


def _of_a_region(subj: Token) -> bool:
    """A subject whose people the text ties to a region ('Caribbean leaders', 'Western diplomats'), which the
    dictionaries found no state or organisation in."""
    return subj.tag_ in ("NNS", "NNPS") and any(c.dep_ in ("amod", "compound") and c.lower_ in REGIONAL_WORDS
                                               for c in subj.children)


def _state_addressed_by_name(trig: Trigger, recipient: list[ActorSpan], res: Resolution) -> bool:
    """'he urged Hanoi', 'the island's leaders asked Taipei', 'his government accused Mexico': a state named as the
    act's object is someone else's counterpart; no one addresses their own state by name (unlike 'a curfew in
    Abidjan' or 'arrested Mexican nationals', done at home)."""
    return any(s.type in ("name", "capital") and res.doc[s.start].head.i == trig.token.i
               and res.doc[s.start].dep_ in ("dobj", "dative") for s in recipient)


# Offices of a city or a region: 'Tamil Nadu Chief Minister', 'the governor of Kherson', 'Karachi police'
LOCAL_OFFICES = frozenset({"chief", "governor", "mayor", "premier", "police", "authorities", "authority", "official",
                           "officials", "administration", "council", "governorate", "legislature", "assembly"})


def _official_of_a_place(subj: Token, res: Resolution) -> list[ActorSpan]:
    """The state of the city or region whose office the subject holds ('Tamil Nadu Chief Minister M.K. Stalin',
    'the governor of Kherson', 'Karachi police'), by the places gazetteer: a local office acts for its state."""
    from diplograph.geo.gazetteer import places

    phrase = A.walk(subj, A.NP_CORE | A.NP_PREPS)
    offices = [t for t in phrase if t.lemma_.lower() in LOCAL_OFFICES]
    if not offices:
        return []
    for office in offices:
        named = [t for t in phrase if t.pos_ == "PROPN" and t.i not in res.actor_at and (
            t.head == office or t.head.head == office or (t.i < office.i and t.head.pos_ == "PROPN")
            or t.head.lemma_.lower() in PLACE_KIND_WORDS and t.head.head.head == office)]  # 'of Sumy region'
        for start, end in _runs(sorted(named, key=lambda t: t.i)):
            if not _one_state_named(places().lookup(res.doc[start:end].text)):
                continue  # 'Punjab' (India's and Pakistan's): no telling whose office
            if (place := _town_or_region(start, end, res)) is not None:
                return [_state_of(place, start, end, f"an office of {place.name}")]
    return []


PLACE_KIND_WORDS = frozenset({"region", "province", "oblast", "governorate", "state", "district", "county",
                              "prefecture", "department", "city", "town"})
# how much more populous one state's place of a name must be than any other state's to be the one meant
DWARFING_NAMESAKES = 8


def _one_state_named(found: Sequence[Place]) -> bool:
    """Whether the places of a name lie in one state, or one state's dwarfs every other's ('Odesa', not Odessa,
    Texas; but 'Punjab', Pakistan's and India's, is either)."""
    best: dict[str, int] = {}
    for p in found:
        best[p.country] = max(best.get(p.country, 0), p.population)
    ranked = sorted(best.values(), reverse=True)
    return len(ranked) == 1 or (len(ranked) > 1 and ranked[0] >= DWARFING_NAMESAKES * max(ranked[1], 1))


def _town_or_region(start: int, end: int, res: Resolution) -> Place | None:
    """The city or region of the places gazetteer the tokens [start, end) name, among the document's states."""
    from diplograph.geo.gazetteer import places

    found = places().resolve(res.doc[start:end].text, [a.code for a in res.actors if a.kind == "state"])
    return found[0] if found is not None and found[0].kind in ("city", "region") else None


def _state_of(place: Place, start: int, end: int, reason: str) -> ActorSpan:
    """The state of a place named at tokens [start, end), as a party."""
    return ActorSpan(start, end, place.country, "state", place.kind, None, None, "places", reason)


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Consecutive tokens as [start, end) runs."""
    runs: list[tuple[int, int]] = []
    for t in tokens:
        if runs and runs[-1][1] == t.i:
            runs[-1] = (runs[-1][0], t.i + 1)
        else:
            runs.append((t.i, t.i + 1))
    return runs


# Who speaks or acts for no state when the sentence names none for them: the states in what they say are its content
# (the press is coded by its place, as PLOVER does: 'a newspaper based in Beirut' is Lebanon's)
OUTSIDE_VOICES = frozenset({"analyst", "expert", "panel", "report", "researcher", "critic", "study", "scholar",
                            "economist", "campaigner", "academic", "pundit", "commentator", "survey"})

STATE_AGENCIES = ORGAN_SECTORS | {"foreign_ministry"}


MISSION_WORDS = frozenset({"embassy", "consulate", "mission", "legation", "chancery",
                           "commission"})  # a Commonwealth state's high commission


def _embassy_owner(span: ActorSpan, res: Resolution) -> bool:
    """'France's embassy', 'the U.S. embassy': the state a mission stands for, the target of a protest outside it,
    not where the protesters come from."""
    head = res.doc[span.end - 1]
    return head.head.lemma_.lower() in MISSION_WORDS and head.dep_ in ("poss", "compound", "amod", "nmod")


def _embassies_at(token: Token, res: Resolution) -> list[ActorSpan]:
    """The states whose missions a protest is held at ('a sit-in outside the Japanese embassy in Seoul', 'in front
    of France's embassy'), from the protest's own phrase or the verb that stages it."""
    if token.pos_ != "VERB":
        verb = A.governing_verb(token)
    else:  # 'staged a sit-in outside the embassy to protest ...': the act the protest is the purpose of
        verb = token.head if token.dep_ in ("advcl", "xcomp") and token.head.pos_ == "VERB" else None
    for t in (token, verb):
        if t is None:
            continue
        for _prep, obj in A.prep_objects(t, tuple(LOCATION_PREPS | {"to", "on"})):
            owners = [s for s in A.spans_in(A.walk(obj, A.NP_CORE | {"prep", "pobj"}), res)
                      if s.states and _embassy_owner(s, res)]
            if owners:
                return owners[:1]
    return []


def _mission_sites(owners: list[ActorSpan], res: Resolution) -> list[ActorSpan]:
    """Where the missions of `owners` stand: 'outside the U.S. embassy in Baghdad' -> Iraq."""
    out = []
    for span in owners:
        mission = res.doc[span.end - 1].head
        if _embassy_owner(span, res):
            for _prep, obj in A.prep_objects(mission, ("in",)):
                out += [s for s in A.np_actors(obj, res) if s.states and s.code != span.code]
    return out


def _told_before(noun: Token) -> bool:
    """A definite noun with no modifier of its own ('the ministry', 'the embassy'): one the story named before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) and not any(
        c.dep_ in ("amod", "compound", "poss", "nmod") for c in noun.children)


def _state_agency(subj: Token | None, res: Resolution) -> bool:
    """A subject that is an organ of a state (police, a court, troops, a ministry): the state where it acts is its
    own. Militants, gunmen or a crowd take no state from the place of the event, nor does 'a suicide bomber' (the
    dictionaries' 'bomber' is an aircraft)."""
    if subj is None or res.sector_of(subj) not in STATE_AGENCIES:
        return False
    return not (subj.lemma_.lower() in FIGHTER_WORDS and not A.np_actors(subj, res, deep=True))


def _irregular_fighters(subj: Token, res: Resolution) -> bool:
    """Militants, gunmen, an armed group: fighters who are no state's forces."""
    if subj.lemma_.lower() in FIGHTER_WORDS or subj.lower_ in FIGHTER_WORDS:
        return True
    return any(s.kind == "armed" for s in A.spans_in(A.walk(subj, A.NP_CORE), res))


def _unknown_person(subj: Token | None, res: Resolution) -> bool:
    """A subject that names a person the dictionary cannot tie to a state (no office on the date, or unknown):
    someone acts, for a state the sentence does not say."""
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in ("PERSON", ""):
        return False
    tokens = A.walk(subj, A.NP_CORE)
    return not A.spans_in(tokens, res) and not any(t.lemma_.lower() in OFFICE_WORDS for t in tokens)


def _named_non_state(subj: Token | None, res: Resolution) -> bool:
    """A subject that is a named organisation or group without a home state (al-Qaeda, Amnesty, the UN)."""
    if subj is None:
        return False
    tokens = A.walk(subj, A.NP_CORE)
    if any(s.kind != "state" for s in A.spans_in(tokens, res)):
        return True
    if any(t.lemma_.lower() in OFFICE_WORDS for t in tokens):
        return False  # 'Vice-President Moody Awori' is a person, whatever the tagger thinks
    names = [t for t in tokens if t.dep_ in ("compound", "flat", "nmod", "poss") or t.i == subj.i]
    return any(t.ent_type_ == "ORG" and t.i not in res.actor_at for t in names) or (
        subj.ent_type_ == "NORP" and subj.i not in res.actor_at)  # al-Qaeda's network; not 'Socialist' leaders


# Verbs whose 'from' tells where the people taken come from, not a place left ('expelled diplomats from Caracas')
HOLDING_VERBS = frozenset({"arrest", "detain", "hold", "jail", "imprison", "sentence", "capture", "abduct", "kidnap",
                           "convict", "charge", "prosecute"})


def _home_of_those_acted_on(trig: Trigger, res: Resolution, actor_codes: set[str]) -> list[ActorSpan]:
    """'arrested 14 fishermen from Rameswaram', 'deported 30 workers from Herat': the state of the city or region
    the people acted on come from (places gazetteer), when it is not the actor's."""
    verb = trig.token if trig.pred.pos == "verb" else None
    acted_on = _object_of(verb) if verb is not None else None
    if acted_on is None:
        return []
    origins = A.prep_objects(acted_on, ("from",))
    if acted_on.dep_ == "pobj" and acted_on.head.lower_ == "from":
        origins.append(("from", acted_on))  # 'fishermen from Rameswaram who were arrested': the parser hung
        # the relative clause from the town
    if verb is not None and verb.lemma_.lower() in HOLDING_VERBS:  # the parser hangs 'from X' on the verb too
        origins += A.prep_objects(verb, ("from",))
    for _prep, origin in origins:
        if origin.pos_ != "PROPN" or origin.i in res.actor_at:
            continue
        start, end = min(t.i for t in origin.subtree), origin.i + 1
        place = _town_or_region(start, end, res)
        if place is not None and place.country not in actor_codes:
            return [_state_of(place, start, end, f"the people of {place.name}")]
    return []


DEMAND_NOUNS = frozenset({"demand", "request", "call", "appeal", "ultimatum", "plea"})


def _release_asked(verb: Token) -> Token | None:
    """The release a request asks for, of people the story told of ('called for his release', 'demanded the
    immediate release of the journalist')."""
    found = [o for _p, o in A.prep_objects(verb, ("for",))] + [c for c in verb.children if c.dep_ == "dobj"]
    return next((o for o in found if o.lemma_.lower() in ("release", "freedom") and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ == "PERSON") for g in c.children))
        for c in o.children)), None)  # a named person's or 'his' release, not 'the release of everyone detained'


def _the_demand_refused(verb: Token) -> Token | None:
    """'brushed the demand aside', 'rejected the request': a demand the story told, refused."""
    obj = A.child(verb, "dobj")
    if obj is None or obj.lemma_.lower() not in DEMAND_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in obj.children):
        return None
    return obj


def _fallback_recipient(trig: Trigger, actor: list[ActorSpan], sent: Span, res: Resolution,
                        ctx: DocContext) -> list[ActorSpan]:
    event = trig.reading.event
    if event == "ACCUSE" and _answer_to_the_last_act(trig.token) and (
            answered := _without([s for s in ctx.last_subject if s.states], actor)):
        return answered  # 'The US shot down the balloon. China answered with a formal protest': against the US
    if (event in UNAIMED_HARM or trig.reading.mode in ("release", "ceasefire")) and not _codes_of(actor):
        # 'gunmen abducted 20 passengers on a highway in Zamfara state': done to the people of the place's state
        # (a city or region stands for its state; guidelines); who did it is tied to no state. Hostages freed
        # by such a group go back to the people of the same state ('militants released 12 women they had
        # abducted from a village in northern Burkina Faso')
        return _location_of_clause(trig.token, res, [])[:1] or _state_of_place(trig, res) or (
            _dateline_place(res) if sent.start < res.dateline_end else [])  # the story's lead: where it was filed
    if event == "REQUEST" and actor and (holder := _holder_of_those_to_be_freed(trig.token, res, _codes_of(actor))):
        return holder  # 'demanded the release of three of its citizens who were detained in Burundi': of Burundi
    if event == "REQUEST" and actor and (freed := _release_asked(trig.token)) is not None \
            and not res.states_in(sent) - _codes_of(actor) \
            and (holders := ctx.doers_of(("COERCE",), _codes_of(actor))):
        # 'Hong Kong police arrested the publisher. ... the United States calls for his release': of who holds him
        return [ActorSpan.from_context(freed.i, c, "who detained the people whose release is asked") for c in holders]
    if event == "REJECT" and actor and (asked := _the_demand_refused(trig.token)) is not None \
            and (askers := ctx.doers_of(("REQUEST",), _codes_of(actor))):
        # 'Moscow brushed the demand aside': refused to whoever made the demand the story told
        return [ActorSpan.from_context(asked.i, c, "who made the demand told before") for c in askers]
    if event in DOMESTIC_RECIPIENT and actor and (origin := _home_of_those_acted_on(trig, res, _codes_of(actor))):
        return origin  # 'arrested 14 fishermen from Rameswaram': the people of the town's state
    if event in DOMESTIC_RECIPIENT and actor:
        place = _location_of_clause(trig.token, res, [])
        abroad = None if place or event not in ACTS_ON_THE_PLACE else _struck_abroad(trig, res, _codes_of(actor))
        if not place and abroad is None and all(s.kind == "igo" for s in actor):
            return []  # an organisation of states has no people of its own to act on
        if not place and abroad is None and (main := _those_of_the_main_act(trig.token, res, _codes_of(actor))):
            return main
        if not place and abroad is None and len(_codes_of(actor)) > 1:
            return []  # 'Rwandan and Mozambican troops recaptured the port town': several states' act is no one's own
        return place[:1] or ([abroad] if abroad is not None else actor[:1])  # 'detained a journalist in Melitopol'
    actor_codes = {c for s in actor for c in s.states}
    told = _act_told_before(trig.token, res) if event in STANCES and actor_codes else None
    if told is not None and told.lemma_.lower() in DEAL_NOUNS \
            and (makers := _deal_parties_in(sent, res, actor_codes)):
        # 'Armenia and Azerbaijan initialed a peace agreement ..., hosted by Trump, who hailed the accord'
        return makers
    if told is not None and told.lemma_.lower() in DEAL_NOUNS and ctx.last_deal:
        parties = [c for c in ctx.last_deal if c not in actor_codes]  # 'Saudi Arabia also welcomed the deal'
        return [ActorSpan.from_context(sent[0].i, c, "the parties of the agreement told before") for c in parties]
    if told is not None and (doers := ctx.doers_of(ACT_NOUNS_TYPES.get(told.lemma_.lower(), ()), actor_codes)):
        # 'Guyana's president called the threat ...': by another than the caller
        return [ActorSpan.from_context(sent[0].i, c, f"who did the {told.lower_} told before") for c in doers]
    if told is None and event in STANCES and actor_codes and (news := _news_referred_to(trig.token, res)) is not None:
        parties = [c for c in ctx.parties_of_lead(news.lemma_.lower() in MEETING_NOUNS) if c not in actor_codes]
        if parties:  # 'Washington welcomed the decision', 'the White House welcomed the summit'
            return [ActorSpan.from_context(sent[0].i, c, f"who did the story's news ({news.lower_})") for c in parties]
    if event == "AID" and actor_codes and (sent_to := _aid_destination(trig, res, actor_codes)):
        return [sent_to]
    if event == "AID" and actor_codes and trig.pred.pos == "verb" and trig.pred.lemma in HANDING_VERBS \
            and (abroad := _struck_abroad(trig, res, actor_codes)) is not None:
        return [abroad]  # 'China handed over 500 tons of rice at a ceremony in Blantyre': given where it was handed
    if event == "AID" and actor_codes and trig.pred.lemma in HELPING_ONES_OWN and (
            trig.pred.lemma == "rescue" or _to_people(trig.token)):
        # 'Nigerian troops rescued 30 schoolchildren held by gunmen in Kaduna state', 'distributed free maize to
        # 400,000 families': the people of the place helped, the helpers' own when the place is theirs
        saved = _struck_abroad(trig, res, actor_codes)
        if saved is not None:
            return [saved]
        if all(s.kind == "state" for s in actor):  # an organisation of states has no people of its own
            return actor[:1]
    if event in NEEDS_RECIPIENT | {"AGREE"} and len(actor_codes) == 1 and _bilateral_cue(sent, trig.token):
        partner = _bilateral_partner(sent, res, ctx, actor[0].code)
        if partner is not None:
            return [partner]
    if event in NEEDS_RECIPIENT | {"AGREE", "SUPPORT"} and len(actor_codes) == 1 and ctx.sentence_index > 0:
        other = ctx.partner_of(next(iter(actor_codes)))  # 'New Delhi would invest $11 million in projects'
        if other is not None and other not in {a.code for a in res.actors_in(sent)}:
            return [ActorSpan.from_context(sent[0].i, other, "the other state of the relationship the story is about")]
        if other is not None and event == "AGREE" and (answer := _answered_in_the_next_clause(trig.token, other, res)):
            return [answer]  # 'the Chinese side proposed a minimum price, but the European side refused'

    if (event in OUTSIDERS_STANCES or (event in ("AID", "CONSULT") and _offered(trig.token))) \
            and len(actor_codes) == 1 and ctx.sentence_index > 0 \
            and res.states_in(sent) <= actor_codes and (pair := _story_pair_besides(res, actor_codes)):
        # 'Moscow said it was ready to help', 'Iran has offered to mediate' in a story about Armenia and
        # Azerbaijan: a third state's offer, appeal or welcome is aimed at the two the story is about
        return [ActorSpan.from_context(sent[0].i, c, "the two states the story is about") for c in pair]
    if (event in VERBAL_TOWARD or event in AIMED_BY_THE_SENTENCE) and len(actor_codes) == 1 \
            and not any(_several_governments(c) for c in _aimed_at(trig.token)):  # 'accused European governments'
        said = {t.i for c in trig.token.children if c.lemma_.lower() in CLAIM_NOUNS for t in c.subtree}
        said |= A.relational_owners_in(sent, res)  # 'China's ally Pakistan condemned the strike': not China
        if event in AIMED_BY_THE_SENTENCE:
            said |= _tellers_and_clauses_of_the_object(trig.token)
        others = [a for a in res.actors_in(sent) if a.states and a.start not in said
                  and not set(a.states) & actor_codes and not _placed(res.doc[a.start], sent.root)]
        if others:  # 'The U.N. envoy for Syria is calling for an end to violence': Syria
            nearest = min(others, key=lambda a: abs(a.start - trig.token.i))
            return [replace(nearest, method="sentence", reason="the other party named in the sentence")]
    if event in VERBAL_TOWARD and len(actor_codes) == 1 and ctx.sentence_index > 0:
        other = ctx.partner_of(next(iter(actor_codes)))
        if other is not None:
            return [ActorSpan.from_context(sent[0].i, other, "the other state of the pair under discussion")]
        other = _story_subject_besides(res, actor_codes)
        if other is not None:
            return [ActorSpan.from_context(sent[0].i, other, "the state the story is most about")]
        if event == "THREATEN" and (pair := _story_pair_besides(res, actor_codes)):
            # 'Seoul would resolutely respond to any threats to its security' in a story of a Russia-North Korea
            # pact: a warning to the pair the story is about, not to its own people
            return [ActorSpan.from_context(sent[0].i, c, "the two states the story is about") for c in pair]
    if event == "MOBILIZE" and len(actor_codes) == 1 and _along_a_shared_border(trig.token):
        # 'deployed troops along the common border', '... along their shared border': toward the other state
        named_here = sorted(res.states_in(sent) - actor_codes)
        across = named_here[0] if len(named_here) == 1 else (
            ctx.partner_of(next(iter(actor_codes))) or _story_subject_besides(res, actor_codes))
        if across is not None:
            return [ActorSpan.from_context(sent[0].i, across, "the state across the shared border")]
    named = res.states_in(sent)
    if trig.reading.mode == "convict" and len(actor_codes) == 1 and named <= actor_codes \
            and all(s.kind == "state" for s in actor):  # the EU fining a company punishes none of its own
        return actor[:1]  # 'a Pakistani court sentenced a former prime minister': one of its own people
    aimed = _aimed_at(trig.token)
    aimed_at_organisation = any(s.kind != "state" for c in aimed for s in A.spans_in(list(c.subtree), res))
    # another state's rulers ('accused the regime of'), or a pair ('praised the courage of both leaders')
    aimed_at_others = any(c.lemma_.lower() in RULERS and _governs_elsewhere(c, actor) for c in aimed) \
        or any(_names_a_pair(t) for c in aimed for t in c.subtree) \
        or any(c.lemma_.lower() in A.RELATIONAL and c.tag_ == "NNS" for c in aimed)  # 'would ask its allies to ...'
    if event == "AGREE" and len(actor_codes) == 1 and _pledges_aid(trig.token) and (
            named <= actor_codes or named - actor_codes == {_story_subject_besides(res, actor_codes)}):
        # 'Britain has pledged 3.5 million pounds in humanitarian aid': aid goes abroad, to whom the story is about
        # (also when the sentence names that state only in passing: 'China, Myanmar's largest neighbor, said it
        # would provide 100 million yuan in aid', 'pledged $2 million through groups working in Myanmar')
        other = _story_subject_besides(res, actor_codes)
        return [ActorSpan.from_context(sent[0].i, other, "the state the story is most about")] if other else []
    if event == "SANCTION" and len(actor_codes) == 1 and named <= actor_codes and _crossings_closed(trig.token) \
            and (other := ctx.partner_of(next(iter(actor_codes))) or _story_subject_besides(res, actor_codes)):
        # 'Finland closed four crossings in the south-east' in a story of its border with Russia: shut to Russia
        return [ActorSpan.from_context(sent[0].i, other, "the state across the crossings closed")]
    if len(actor_codes) == 1 and named <= actor_codes and trig.reading.mode != "visit" \
            and event not in NEEDS_RECIPIENT | NEVER_DOMESTIC and not aimed_at_organisation and not aimed_at_others:
        abroad = _struck_abroad(trig, res, actor_codes) if event in ACTS_ON_THE_PLACE else None
        if abroad is not None:
            return [abroad]  # 'Russia used cluster munitions in Kharkiv': the city's state is struck
        if all(s.kind == "igo" for s in actor):
            return []  # 'the U.N. called for his release': an organisation of states has no home to act in
        if _to_a_place_unnamed(trig.token, res):
            return []  # 'China pledged $50 billion to Africa': to a continent or region no state stands for
        return actor[:1]  # a sentence about one state only: a domestic event
    delivered = event == "AID" and trig.token.lemma_.lower() in DELIVERING_VERBS
    if (event in ACTS_ON_THE_PLACE or delivered) and len(actor_codes) == 1 and not aimed_at_organisation:
        # 'Russian drones struck Odesa, Ukrainian officials said'; 'a Mexican navy ship unloaded 300 tonnes of food
        # at the port of Montego Bay': aid delivered at a place abroad goes to its state
        abroad = _struck_abroad(trig, res, actor_codes) or (_delivered_abroad(trig, res, actor_codes) if delivered
                                                             else None)
        if abroad is not None:
            return [abroad]
    if event in SENTENCE_AIMED and len(actor_codes) == 1 and not aimed_at_organisation \
            and (one_other := _the_one_other_party(trig, sent, res, actor_codes)) is not None:
        return [one_other]
    if event in STORY_AIMED and len(actor_codes) == 1 and ctx.sentence_index > 0 and named <= actor_codes \
            and not aimed_at_organisation and (other := _story_other_state(res, actor_codes)) is not None:
        return [ActorSpan.from_context(sent[0].i, other, "the other state the story is most about")]
    return []


STORY_AIMED = frozenset({"AGREE", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "MOBILIZE", "ASSAULT", "CONCEDE",
                         "SUPPORT", "SANCTION", "AID", "COOPERATE"})


# what names a state's ground rather than the state: 'on the Sudanese border', 'in Chinese waters'
PLACE_OF_A_STATE = frozenset({"border", "frontier", "boundary", "side", "coast", "water", "territory", "soil",
                              "airspace", "region", "province", "city", "town", "capital", "village", "port"})
# types kept with no recipient whose recipient the sentence may name where the parse does not tie it (those that
# need one are completed by `_the_other_party`, with a feature of their own)
SENTENCE_AIMED = frozenset({"AGREE", "REJECT", "SUPPORT", "CONCEDE", "ASSAULT", "MOBILIZE", "RETREAT", "COERCE"})


def _the_one_other_party(trig: Trigger, sent: Span, res: Resolution, actor_codes: set[str]) -> ActorSpan | None:
    owners = A.relational_owners_in(sent, res)
    verb = trig.token
    aside = {t.i for a in verb.ancestors if a.lemma_.lower() in A.REPORTING
             for c in a.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}  # who tells of it
    aside |= {t.i for r in verb.subtree if r.dep_ == "relcl" and r.i != verb.i
              for c in r.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}  # 'that China imposed'
    aside |= {t.i for r in sent if r.dep_ == "advcl" and r.lemma_.lower() in REACTION_VERBS
              for t in r.subtree}  # ', prompting a protest from Seoul': who reacted
    others = [a for a in _parties_besides(res.actors_in(sent), actor_codes, res.doc)
              if a.start not in aside and a.start not in owners and not _placed(res.doc[a.start], sent.root)
              and res.doc[a.start].head.lemma_.lower() not in PLACE_OF_A_STATE]
    if len({c for a in others for c in a.states}) != 1:
        return None
    return replace(others[0], method="sentence-other", reason="the one other party named in the sentence")


def _story_other_state(res: Resolution, actor_codes: set[str]) -> str | None:
    """The state the document names most besides the actor (`_clear_leader` of the others)."""
    ranked, counts = _state_mentions(res)
    return _clear_leader([c for c in ranked if c not in actor_codes], counts)


DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "accords", "truce", "ceasefire", "pact", "treaty",
                        "arrangement", "understanding", "settlement", "compact"})
DEAL_MAKING = frozenset({"sign", "initial", "conclude", "reach", "strike", "seal", "agree", "ink"})
# a deal told as made in a participle or relative clause ('the accord signed in Antofagasta two days earlier'), not
# one merely 'agreed'
DEAL_MADE = DEAL_MAKING - {"agree"}


def _deal_parties_in(sent: Span, res: Resolution, actor: set[str]) -> list[ActorSpan]:
    """The states that made a deal told in the same sentence ('Armenia and Azerbaijan initialed a peace
    agreement'), two or more besides the actor, as a deal's parties are."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in DEAL_MAKING:
            continue
        subj, passive = A.subject(verb)
        if subj is None or passive:
            continue
        parties = [s for s in A.np_actors(subj, res) if s.states and not set(s.states) <= actor]
        parties += [s for _p, o in A.prep_objects(verb, ("with",)) for s in A.np_actors(o, res)
                    if s.states and not set(s.states) <= actor]
        if len({c for s in parties for c in s.states}) >= 2:
            return parties
    return []


# An act a stance may refer back to by its noun ('condemned the attack', 'called the threat a provocation'), and
# the types of event that tell it
ACT_NOUNS_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("threat", "ultimatum"), ("THREATEN",)),
    **dict.fromkeys(("attack", "strike", "airstrike", "bombing", "shelling", "assault", "invasion",
                     "offensive", "bombardment"), ("ASSAULT",)),
    "raid": ("ASSAULT", "COERCE"),  # 'the police raid on the embassy': forced entry and arrests
    **dict.fromkeys(("incursion", "deployment", "buildup", "build-up"), ("MOBILIZE", "ASSAULT")),
    **dict.fromkeys(("test", "launch"), ("MOBILIZE", "ASSAULT")),  # 'called the test another provocation'
    **dict.fromkeys(("sanction", "ban", "tariff", "embargo", "expulsion", "blockade", "closure"), ("SANCTION",)),
    **dict.fromkeys(("arrest", "detention", "seizure", "kidnapping", "abduction"), ("COERCE",)),
    **dict.fromkeys(("accusation", "allegation", "charge", "claim"), ("ACCUSE",)),
}


def _complained_of(token: Token, res: Resolution, ctx: DocContext, actor: set[str]) -> list[ActorSpan]:
    """Who did what a complaint to an organisation is over ('filed a complaint with the Security Council over
    Israeli strikes', '... over the strikes' after a story of Israel's strikes): the complaint's target, the
    organisation only where it is lodged."""
    holders = [token] + ([token.head] if token.dep_ in ("dobj", "nsubjpass") else [])
    for _p, what in (po for h in holders for po in A.prep_objects(h, ("over", "about", "against"))):
        named = [s for s in A.np_actors(what, res, deep=True) if s.states and not set(s.states) <= actor]
        if named:
            return named
        doers = list(ctx.doers_of(ACT_NOUNS_TYPES.get(what.lemma_.lower(), ()), actor))
        if doers:
            return [ActorSpan.from_context(token.i, c, f"who did the {what.lower_} complained of") for c in doers]
    return []


def _act_told_before(verb: Token, res: Resolution) -> Token | None:
    """'welcomed the deal', 'criticised the accord', 'called the threat a provocation', 'condemned the attack':
    the object of a stance is an agreement or act the story told of, named by no party of its own."""
    for _p, obj in [("", c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + A.prep_objects(
            verb, ("to", "of")):
        lemma = obj.lemma_.lower()
        if lemma not in DEAL_NOUNS and lemma not in ACT_NOUNS_TYPES:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in obj.children):
            continue
        if lemma in DEAL_NOUNS and any(c.dep_ in ("compound", "amod", "poss", "prep") for c in obj.children):
            continue
        if any(s.states for s in A.np_actors(obj, res, deep=True)):
            continue  # 'condemned the attack on the Saudi embassy': its own parties
        return obj
    return None


# Nouns by which a reaction refers to the news a story leads with ('welcomed the decision', 'condemned the move');
# the meetings among them are aimed at all who met
MEETING_NOUNS = frozenset({"summit", "talks", "meeting", "visit", "trip"})
NEWS_NOUNS = MEETING_NOUNS | {"decision", "move", "step", "vote", "announcement", "ruling", "verdict", "resupply",
                              "ratification"}


def _news_referred_to(verb: Token, res: Resolution) -> Token | None:
    """The object of a stance that names the story's news by a bare definite noun ('welcomed the decision',
    'welcomed Saturday's resupply'), with no party of its own ('welcomed Oman's decision' names one)."""
    obj = A.child(verb, "dobj")
    if obj is None or obj.lemma_.lower() not in NEWS_NOUNS:
        return None
    definite = any((c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                   or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")) for c in obj.children)
    if not definite or any(c.dep_ in ("compound", "amod") and c.ent_type_ not in ("DATE", "TIME", "")
                           for c in obj.children):
        return None
    if any(s.states for s in A.np_actors(obj, res, deep=True)):
        return None  # 'condemned the vote in the Russian parliament': its own parties
    return obj


SHARED = frozenset({"common", "shared", "joint", "mutual"})
BORDER_WORDS = frozenset({"border", "frontier", "boundary"})


def _along_a_shared_border(token: Token) -> bool:
    """'along the common border', 'along their shared frontier': a border of two states, the other one unnamed."""
    for t in (token, *token.subtree):
        if t.lemma_.lower() in BORDER_WORDS and t.dep_ == "pobj" and (
                any(c.lower_ in SHARED for c in t.children if c.dep_ == "amod")
                or any(c.lower_ in ("their", "our") or _an_unnamed_pair(c) for c in t.children if c.dep_ == "poss")):
            return True
    return False


def _an_unnamed_pair(owner: Token) -> bool:
    """'the two countries'', 'both neighbours'': a pair of states, unnamed."""
    return owner.lemma_.lower() in ("country", "nation", "neighbour", "neighbor", "state", "side") \
        and any(c.lower_ in ("two", "both") for c in owner.children)


OUTSIDERS_STANCES = frozenset({"AGREE", "SUPPORT", "REQUEST"})


OFFERING = frozenset({"offer", "ready", "willing", "prepared", "propose"})


def _offered(token: Token) -> bool:
    """'offered to mediate', 'was ready to help', 'willing to host talks': help or talks offered."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in OFFERING


def _state_mentions(res: Resolution) -> tuple[list[str], dict[str, int]]:
    """The states the document names, most named first (ties by code), and how often each is named."""
    counts: dict[str, int] = {}
    for a in res.actors:
        if a.kind == "state":
            for c in a.states:
                counts[c] = counts.get(c, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c)), counts


def _story_pair_besides(res: Resolution, actor_codes: set[str]) -> tuple[str, str] | None:
    """The two states the document names most (each at least twice, both more than any third), when neither is
    the actor."""
    ranked, counts = _state_mentions(res)
    if len(ranked) < 2 or counts[ranked[1]] < 2 or set(ranked[:2]) & actor_codes:
        return None
    if len(ranked) > 2 and counts[ranked[2]] >= counts[ranked[1]]:
        return None
    return ranked[0], ranked[1]


def _story_subject_besides(res: Resolution, actor_codes: set[str]) -> str | None:
    """The state the document names most (named at least twice, and more than any other), when it is not the
    actor: what a state's words with no one named are aimed at ('the statement threatened sanctions' in a story
    about Somalia). A state that is itself what the story is most about keeps its domestic reading."""
    ranked, counts = _state_mentions(res)
    return None if ranked and ranked[0] in actor_codes else _clear_leader(ranked, counts)


def _clear_leader(ranked: list[str], counts: dict[str, int]) -> str | None:
    """The first of states ranked by mentions when it is named at least twice and more often than the next."""
    if not ranked or counts[ranked[0]] < 2:
        return None
    return ranked[0] if len(ranked) == 1 or counts[ranked[1]] < counts[ranked[0]] else None


# Harm done by someone tied to no state, to people tied to none: the state where it happens suffers it
UNAIMED_HARM = frozenset({"ASSAULT", "COERCE"})


# Acts whose place names who is acted on when no one else is: an attack on a city strikes its state ('Russia used
# cluster munitions in Kharkiv'), a withdrawal from one leaves its state ('pulled its forces out of Kherson'),
# arrests and deployments there are done to it.
ACTS_ON_THE_PLACE = frozenset({"ASSAULT", "RETREAT", "COERCE", "MOBILIZE"})


def _city_or_region(trig: Trigger, res: Resolution,
                    context: tuple[tuple[str, ...], ...]) -> tuple[Location, str, str] | None:
    """The city or region of the places gazetteer the event happens in (or its reporters speak from), with its
    state and kind; None for a whole country, which the actor dictionaries already name."""
    from diplograph.geo.locate import locate_reported, state_told

    # then the states the story names: 'docked in Colon ..., Panama's security ministry said' is Panama's Colon
    named = tuple(sorted(_state_mentions(res)[1]))
    place = locate_reported(res.doc, trig.token.i, res, trig.reading.event, (*context, named))
    if place is None or place.kind not in ("city", "region") or not place.country or not state_told(place):
        return None
    return place, place.country, place.kind


def _dateline_place(res: Resolution) -> list[ActorSpan]:
    """The state of the story's dateline ('NIAMEY, Niger —'): where a crowd or a state's organ that the sentence
    places nowhere else acted. Never a party in its own right (args.spans_in skips it)."""
    return [replace(a, method="dateline", reason=f"{a.reason}: the story's dateline")
            for a in res.actors if a.end <= res.dateline_end and a.kind == "state" and a.states][-1:]


def _state_of_place(trig: Trigger, res: Resolution) -> list[ActorSpan]:
    """The state of the city or region the event happens in, by the places gazetteer (a city stands for its state;
    guidelines): for a state's organ that the text ties to no state ('authorities imposed a curfew in Imphal')."""
    found = _city_or_region(trig, res, ())
    if found is None:
        return []
    place, country, kind = found
    named = res.doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand") \
        if place.evidence is not None else None
    if named is None:
        return [ActorSpan.from_context(trig.token.i, country, f"the state of {place.name}, where it happened")]
    return [ActorSpan(named.start, named.end, country, "state", kind, None, None, "places",
                      f"the state of {place.name}, where it happened")]


def _aid_destination(trig: Trigger, res: Resolution, actor_codes: set[str]) -> ActorSpan | None:
    """'flew relief supplies to Mandalay': aid brought to a city or region abroad goes to its state. Only a place
    the aid goes 'to' or 'into', never where it was announced ('pledged aid at a conference in Geneva')."""
    verb = _clause_verb(trig.token)
    carriers = [trig.token, verb, *_carried_things(verb)[1:]]  # '... and a field hospital team to Mandalay'
    found = _city_or_region(trig, res, (tuple(sorted(actor_codes)),))
    if found is None or found[1] in actor_codes or found[0].evidence is None:
        found = _place_brought_to(carriers, res, actor_codes)  # the event's place may be where it was reported
    if found is None or found[1] in actor_codes:
        return None
    place, country, kind = found
    if place.evidence is None:
        return None
    named = res.doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    if named is None:
        return None
    t = named.root
    while t.dep_ in ("compound", "conj", "appos", "nmod") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "pobj":
        t = t.head.head  # 'to the port of Yangon'
    if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.dep_ == "pobj" \
            and t.head.head.head.lower_ in ("to", "among"):
        t = t.head.head  # 'distributed relief items to affected people in Mulanje district'
    # rescuers help where they work: 'rescue teams from China were searching collapsed buildings in Mandalay'
    rescue = "disasters" in trig.reading.context
    preps: tuple[str, ...] = ("to", "into", "in") if rescue else ("to", "into")
    if verb.lemma_.lower() in ARRIVAL_VERBS:
        preps += ("in", "at")  # 'landed in Labasa with 12 tonnes of food': where it arrived is where it went
    indices = {c.i for c in carriers}
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "dobj":
        t = t.head.head  # 'reached the capital of Enga province'
    if t.dep_ == "dobj" and t.head.lemma_.lower() in ARRIVAL_VERBS and t.head.i in indices:
        return ActorSpan(named.start, named.end, country, "state", kind, None, None, "places",
                         f"the state of {place.name}, which the aid reached")
    if not (t.dep_ == "pobj" and t.head.lower_ in preps
            and (t.head.head.i in indices or (rescue and t.head.head.head.i in indices))):
        return None
    return ActorSpan(named.start, named.end, country, "state", kind, None, None, "places",
                     f"the state of {place.name}, where the aid went")


def _place_brought_to(carriers: list[Token], res: Resolution,
                      actor_codes: set[str]) -> tuple[Location, str, str] | None:
    """The city or region abroad a carrier brings something 'to' or 'into', by the places gazetteer."""
    from diplograph.geo.locate import place_named_by

    for carrier in carriers:
        for _p, obj in A.prep_objects(carrier, ("to", "into")):
            place = place_named_by(obj, res, (tuple(sorted(actor_codes)),))
            if place is not None and place.kind in ("city", "region") and place.country \
                    and place.country not in actor_codes:
                return place, place.country, place.kind
    return None


def _struck_abroad(trig: Trigger, res: Resolution, actor_codes: set[str]) -> ActorSpan | None:
    """The state of the city or region an attack lands in (or a withdrawal, arrest or deployment happens in), when
    it is not the actor's own (a city stands for its state; guidelines). Only cities and regions: a state named as
    a place is already a party or a venue."""
    found = _city_or_region(trig, res, (tuple(sorted(actor_codes)),))
    if found is None or found[1] in actor_codes:
        return None
    place, country, _kind = found
    return ActorSpan.from_context(trig.token.i, country, f"the state of {place.name}, where it happened")


def _delivered_abroad(trig: Trigger, res: Resolution, actor_codes: set[str]) -> ActorSpan | None:
    """The state of the one city or region the sentence delivers aid at, however the parser hung the place ('a
    navy ship unloaded 300 tonnes of food, water and generators at the port of Montego Bay'), when not the actor's."""
    from diplograph.geo.locate import sole_venue, state_told

    # the states the story names next: 'unloaded generators at Lucea ..., Jamaican officials said' is Jamaica's Lucea
    named = tuple(sorted(_state_mentions(res)[1]))
    place = sole_venue(res.doc, trig.token.i, res, trig.reading.event, (tuple(sorted(actor_codes)), named))
    if place is None or not place.country or place.country in actor_codes or not state_told(place):
        return None
    return ActorSpan.from_context(trig.token.i, place.country, f"the state of {place.name}, where it was delivered")


def _answered_in_the_next_clause(token: Token, partner: str, res: Resolution) -> ActorSpan | None:
    """The story's other state as the subject of the clause joined to the offer's ('X proposed ..., but Y
    refused'): whom the offer was made to."""
    head = A.clause_head(token)
    for conj in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        subj, passive = A.subject(conj)
        if subj is None or passive:
            continue
        found = [s for s in A.np_actors(subj, res) if partner in s.states]
        if found:
            return found[0]
    return None


DOER_OF_NOUNS = frozenset({"arrival"})  # nouns whose 'of' object did it ('the arrival of X'), not suffered it
# Verbal acts are aimed at someone: without a named recipient, the other party of the discussion.
VERBAL_TOWARD = frozenset({"REJECT", "ACCUSE", "REQUEST", "THREATEN"})
# a concession names whom it is for in the sentence, if anyone ('eased its export curbs, a move South Korean firms
# had sought'), but not who tells of it nor who made what is given up ('restrictions that China imposed')
AIMED_BY_THE_SENTENCE = frozenset({"CONCEDE"})


def _tellers_and_clauses_of_the_object(verb: Token) -> set[int]:
    """Tokens naming who tells of the act ('Ottawa said Canberra would not reverse ...': the subjects of the verbs
    above it) and the relative clauses on what it acts on ('restrictions that China imposed')."""
    out: set[int] = set()
    node = verb
    while node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head.i != node.i:
        node = node.head
        out |= {t.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for c in verb.children:
        if c.dep_ in ("dobj", "prep"):
            out |= {t.i for r in c.subtree if r.dep_ == "relcl" for t in r.subtree}
    return out
BILATERAL_CUES = frozenset({"bilateral", "joint", "mutual", "both", "each", "two", "reciprocal"})


def _bilateral_cue(sent: Span, token: Token) -> bool:
    return any(t.lower_ in BILATERAL_CUES for t in sent)


def _bilateral_partner(sent: Span, res: Resolution, ctx: DocContext, code: str) -> ActorSpan | None:
    """'bilateral', 'joint', or an aid/cooperation phrase without a partner: the other state under discussion."""
    pair = sentence_pair(sent, res) or ctx.current_pair()
    if pair is None or code not in pair:
        partner = ctx.partner_of(code)
    else:
        partner = pair[1] if pair[0] == code else pair[0]
    if partner is None:
        return None
    return ActorSpan.from_context(sent[0].i, partner, f"the other state of the bilateral pair with {code}")


def sentence_pair(sent: Span, res: Resolution) -> tuple[str, str] | None:
    """The two states a sentence names most, when it names at least two."""
    counts: dict[str, int] = {}
    for a in res.actors_in(sent):
        for c in a.states:
            counts[c] = counts.get(c, 0) + 1
    ranked = sorted(counts, key=lambda c: -counts[c])
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None


EXERCISES = frozenset({"drill", "exercise", "maneuver", "war game", "patrol"})


def _during_drills(token: Token) -> bool:
    """A sentence that tells of drills or an exercise besides the act: what is fired in it is fired in them."""
    return any(t.lemma_.lower() in EXERCISES and t.pos_ == "NOUN" and t.i != token.i for t in token.sent)


def _exercises_of(trig: Trigger) -> Token | None:
    """The drills an event is: its trigger noun, or the object of a verb read by it ('launched drills')."""
    if trig.pred.lemma in EXERCISES:
        return trig.token
    obj = _object_of(trig.token) if trig.pred.pos == "verb" else None
    return obj if obj is not None and obj.lemma_.lower() in EXERCISES else None


READY_WORDS = frozenset({"ready", "willing", "open", "prepared", "eager"})


SCHEDULED = frozenset({"due", "expected", "scheduled", "set"})


def _due_for(noun: Token) -> bool:
    """'Hun Manet is due in Hanoi for an official visit later this year', 'Modi is expected in Tianjin for talks':
    a meeting still to come (announced, AGREE), not one held."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    over = noun.head.head
    words = {over.lower_} | {c.lower_ for c in over.children if c.dep_ in ("acomp", "xcomp")}
    return bool(words & SCHEDULED)


def _ready_for(noun: Token) -> bool:
    """'was ready for talks', 'is open to dialogue', 'willing to hold talks': talks offered, not held."""
    t = noun
    for _ in range(4):
        if t.lemma_.lower() in READY_WORDS and t.pos_ == "ADJ":
            return True
        if t.head.i == t.i or t.dep_ not in ("pobj", "prep", "dobj", "xcomp"):
            return False
        t = t.head
    return False


HELPING = frozenset({"help", "assist", "evacuate", "rescue", "support", "protect", "train", "deliver", "distribute",
                     "rebuild", "guard", "secure", "stabilize", "stabilise", "reinforce"})


def _requested_by(verb: Token) -> bool:
    """'at Helsinki's request': forces sent where the state asked for them."""
    return any(p.dep_ == "prep" and p.lower_ == "at" and any(
        g.lemma_.lower() in ("request", "invitation") for g in p.children) for p in verb.children)


def _sent_to_help(verb: Token) -> bool:
    """Forces sent to another state to help it ('to lead a security mission', 'to help fight the fires', 'as
    peacekeepers'): the manual's AID (military protection, peacekeeping), not a show of force."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and A.is_infinitive(c):
            obj = A.child(c, "dobj")
            if c.lemma_.lower() in HELPING or (obj is not None and obj.lemma_.lower() in ("mission", "operation")):
                return True
    if _requested_by(verb):
        return True  # 'deployed troops to Belarus at Minsk's request'
    return any(t.lemma_.lower() in ("peacekeeper", "peacekeeping") for t in verb.subtree)


ALERTS = frozenset({"alert", "standby", "readiness"})


def _tense_with(verb: Token, res: Resolution, actors: set[str]) -> ActorSpan | None:
    """'placed its air force on high alert amid rising tensions with India': forces readied against that state."""
    head = _clause_verb(verb)  # 'put on alert amid ...'
    for _, obj in A.prep_objects(head, ("amid", "over")):
        if obj.lemma_.lower() not in ("tension", "tensions", "standoff", "dispute", "row", "confrontation"):
            continue
        for _, other in A.prep_objects(obj, ("with",)):
            if (found := _other_state(other, res, actors)) is not None:
                return found
    return None


def _watching_after(verb: Token, res: Resolution, actors: set[str]) -> list[ActorSpan]:
    """'Azerbaijan said it was watching closely after Iran sent tanks to a town on the Aras': forces moved are
    shown to the state whose answer the sentence tells them after."""
    clause = _clause_verb(verb)
    if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "after" for m in clause.children):
        return []
    answer = clause.head
    while answer.dep_ in ("ccomp", "xcomp", "conj") and A.subject(answer)[0] is None:
        answer = answer.head
    subj, passive = A.subject(answer)
    if subj is None or passive:
        reporter = answer.head if answer.dep_ == "ccomp" else None
        subj = A.subject(reporter)[0] if reporter is not None else None
    if subj is not None and subj.tag_ == "PRP" and answer.dep_ == "ccomp":
        subj = A.subject(answer.head)[0]  # 'Azerbaijan said it was watching': who 'it' is
    if subj is None:
        return []
    return [s for s in A.np_actors(subj, res) if s.states and not set(s.states) & actors]


# what a state says it readies forces against ('feared an incursion from Rwanda')
MENACES = frozenset({"incursion", "attack", "threat", "provocation", "aggression", "infiltration", "invasion", "raid",
                     "movement", "build-up", "buildup", "drill", "exercise", "intrusion"})


def _provokers(verb: Token, res: Resolution, actors: set[str]) -> list[ActorSpan]:
    """'Japan scrambled fighter jets after Chinese and Russian bombers flew a joint patrol', 'ordered a general
    mobilisation after accusing Azerbaijan of an attack': forces readied answer whoever did what came before."""
    head = _clause_verb(verb)
    clauses = [c for c in head.children if c.dep_ == "advcl"
               and any(m.dep_ == "mark" and m.lower_ in ("after", "following") for m in c.children)]
    clauses += [obj for p, obj in A.prep_objects(head, ("after", "following")) if obj.tag_ == "VBG"]
    # 'sent soldiers to Anlong Veng, its defence ministry said, citing Thai troop movements': the reason given
    reporter = head.head if head.dep_ in ("ccomp", "parataxis") else head
    citing = [c for h in {head, reporter} for c in h.children if c.dep_ == "advcl" and c.lemma_.lower() == "cite"]
    cited_objects = [o for c in citing for o in (A.child(c, "dobj"),) if o is not None]
    # 'sent soldiers to Kirundo, saying it feared an incursion from Rwanda': the menace its reason names
    saying = [c for c in head.children if c.dep_ == "advcl" and c.lemma_.lower() == "say" and c.tag_ == "VBG"]
    cited_objects += [t for c in saying for t in c.subtree if t.lemma_.lower() in MENACES]
    for cited in cited_objects:
        found = [s for s in A.np_actors(cited, res, deep=True) if s.states and not set(s.states) & actors]
        if found:
            return found
    for clause in clauses:
        subj, passive = A.subject(clause)
        # 'after Guyanese loggers were seen cutting trees': who was seen doing it did it
        seen_doing = passive and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in clause.children)
        doer = subj if subj is not None and (not passive or seen_doing) and subj.head == clause \
            else A.child(clause, "dobj")
        if doer is None:
            continue
        found = [s for s in A.np_actors(doer, res, deep=True) if s.states and not set(s.states) & actors]
        if found:
            return found
    return []


TRUSTED = frozenset({"white", "trusted", "trust", "preferred", "prefer", "preferential", "favoured", "favored",
                     "priority", "safe"})


def _off_a_trusted_list(verb: Token) -> bool:
    """'removed South Korea from its white list', 'strike Japan from its list of trusted trading partners': taken
    off a list of privilege is a sanction (taken off a blacklist, a concession, stays one)."""
    if verb.lemma_.lower() not in ("remove", "strike", "drop", "delete", "exclude"):
        return False
    for _p, where in A.prep_objects(verb, ("from", "off")):  # 'struck it off its so-called white list'
        words = {c.lemma_.lower() for c in where.subtree}  # the list's own word included
        listed = where.lemma_.lower() in ("list", "whitelist") or "whitelist" in words
        if listed and words & (TRUSTED | {"whitelist"}):
            return True
    return False


def _voiced_by_governments(trig: Trigger, res: Resolution) -> bool:
    """A protest that comes from states or their organisations ('drew protests from the European Union and
    Canada') is a diplomatic complaint (ACCUSE), not a demonstration; one from students or crowds stays one."""
    noun = trig.token
    drawing = _drawn_from(noun)
    voices = _reactors(noun, drawing) if drawing is not None else _sources(noun)
    named = [res.actor_at.get(v.i) for v in voices]
    return bool(voices) and all(a is not None and a.kind in ("state", "igo") for a in named)


def _other_state(token: Token, res: Resolution, actors: set[str]) -> ActorSpan | None:
    """The state named at `token`, unless it is one of the actors."""
    span = res.actor_at.get(token.i)
    return span if span is not None and span.kind == "state" and span.code not in actors else None


CROSSING_WORDS = frozenset({"crossing", "crossings", "checkpoint", "checkpoints", "border", "borders", "frontier"})


def _crossings_closed(verb: Token) -> bool:
    """'closed four crossings', 'shut the border': what is shut is a way across."""
    obj = _object_of(verb) if verb.pos_ == "VERB" else None
    return obj is not None and (obj.lower_ in CROSSING_WORDS or obj.lemma_.lower() in CROSSING_WORDS)


def _border_owner(verb: Token, res: Resolution, actors: set[str]) -> ActorSpan | None:
    """The other state whose border forces are moved to or massed at ('near Ukraine's borders', 'along the
    Lithuanian border'); the state's own border names no one."""
    moved = _object_of(verb) if verb.pos_ == "VERB" else A.governing_verb(verb)  # 'staged exercises near ...'
    listed = [c for c in moved.children if c.dep_ == "conj"] if moved is not None else []  # 'troops, warships near'
    alerts = [obj for _, obj in A.prep_objects(verb, ("on",)) if obj.lemma_.lower() in ALERTS]  # 'on alert along'
    for _, obj in [p for t in (verb, moved, *listed, *alerts) if t is not None
                   for p in A.prep_objects(t, ("near", "to", "toward", "towards", "along", "on", "at"))]:
        if obj.lemma_.lower() not in A.BORDER_WORDS and obj.lower_ != "line":  # 'the Line of Control with Pakistan'
            continue
        beyond = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        beyond += [g for _, g in A.prep_objects(obj, ("with",))]  # 'its border with Pakistan'
        for c in beyond:
            if (found := _other_state(c, res, actors)) is not None:
                return found
    return None


REGION_WORDS = frozenset({"region", "province", "district", "area", "zone", "front", "frontline", "front-line"})


def _sent_nowhere_named(verb: Token, roles: Roles) -> bool:
    """'China sent about 3,200 soldiers of the People's Liberation Army' (to join an exercise told before): forces
    sent with no destination in the sentence, whose recipient only the story's context supplies, are no aid."""
    return _forces_without_destination(verb) and bool(roles.recipient) \
        and all(s.method == "context" for s in roles.recipient)


def _forces_without_destination(verb: Token) -> bool:
    """The verb sends forces ('sent about 3,200 soldiers') and names nowhere they went."""
    sent = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(sent) and all(o.lemma_.lower() in FORCES or o.lower_ in FORCES for o in sent) \
        and not _sent_to(verb, ("to", "into", "for", "toward", "towards"))


def _sent_to(verb: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """The verb's phrases of these prepositions, and those the parser hung on a participle describing its object
    ('sent 2,000 soldiers, backed by tanks, to the border') or on the last of its objects ('sent 200 soldiers with
    boats and a helicopter to Apoera')."""
    return [found for t in (verb, *_object_participles(verb), *_last_object_joined(verb))
            for found in A.prep_objects(t, preps)]


def _last_object_joined(verb: Token) -> list[Token]:
    """The last of several objects joined by 'and' ('soldiers ... and a helicopter'), where the parser may hang the
    verb's phrase that follows them."""
    return [o.conjuncts[-1] for o in verb.children if o.dep_ == "dobj" and o.conjuncts and o.conjuncts[-1].i > o.i]


def _object_participles(verb: Token) -> list[Token]:
    """The past participles describing the verb's objects ('soldiers, backed by tanks'), where the parser may hang
    the verb's own phrases."""
    return [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]


def _deployed_not_given(verb: Token) -> bool:
    """'sent troops to the border with Cambodia': a deployment to the state's own edge; 'sent 20 warships near
    Taiwan', 'toward Taiwan', 'off its coast', 'around the island', 'close to Taiwan': forces shown near another
    state, not given to it."""
    sent = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    if any(A.prep_objects(t, ("near", "off", "around", "toward", "towards")) for t in (verb, *sent)):
        return True  # 'sent 71 warplanes and nine navy ships toward Taiwan'
    for _, place in _sent_to(verb, ("to", "into")):  # 'to the Caribbean near Venezuela's coast'
        if place.lemma_.lower() in REGION_WORDS and not any(c.dep_ == "poss" and c.lower_ not in ("its", "their")
                                                             for c in place.children):
            # 'sending troops to the Batken region', 'to its Cuyuni-Mazaruni region' (not 'to Mozambique's
            # province'): a deployment
            return True
        if place.lemma_.lower() in ("water", "waters") or any(
                c.dep_ == "prep" and c.lower_ in ("near", "off", "around") for c in place.children):
            return True
    if any(c.lower_ == "close" and A.child(c, "prep") is not None for c in verb.children):
        return True
    # 'to the border', 'to a border town facing the Mexican state of Chiapas'
    return any(obj.lemma_.lower() in A.BORDER_WORDS or any(c.dep_ in ("compound", "amod") and c.lemma_.lower()
                                                           in A.BORDER_WORDS for c in obj.children)
               for _, obj in A.prep_objects(verb, ("to", "toward", "towards", "along")))


def _sent_within(trig: Trigger, res: Resolution, actor_codes: set[str]) -> bool:
    """'Ethiopia sent columns of troops, tanks and artillery to Bure, the border town in the Afar region': forces
    sent to a town or region of the sender's own state are deployed there, not given to anyone."""
    if not actor_codes or trig.pred.pos != "verb" or not (destinations := _sent_to(trig.token, ("to", "into"))):
        return False
    for _p, place in destinations:  # 'sent tanks to a small Iranian town on the Aras': a town of its own
        if place.lemma_.lower() in PLACE_KIND_WORDS | {"village", "port", "base"} and any(
                (a := res.actor_at.get(c.i)) is not None and a.type == "demonym" and a.code in actor_codes
                for c in place.children if c.dep_ in ("amod", "compound")):
            return True
    found = _city_or_region(trig, res, (tuple(sorted(actor_codes)),))
    return found is not None and found[1] in actor_codes


MISSILES = frozenset({"missile", "missiles", "rocket", "rockets"})
LAUNCHES = frozenset({"fire", "launch", "test", "test-fire"})


def _missile_without_target(trig: Trigger, roles: Roles) -> bool:
    """A missile fired at no one named ('into the sea', 'off its east coast'): a weapons test, not an attack."""
    obj = _object_of(trig.token)
    targets = _codes_of(roles.recipient) - _codes_of(roles.actor)
    # 'launched a ballistic missile across northern Japan': flown over a state, aimed at none of it
    overflown = any(c.dep_ == "prep" and c.lower_ in ("over", "across") for h in (trig.token, obj) if h is not None
                    for c in h.children)
    return (trig.pred.pos == "verb" and trig.pred.lemma in LAUNCHES and obj is not None
            and obj.lemma_.lower() in MISSILES and (not targets or overflown) and not any(
                p in ("at", "on", "against", "toward", "towards") and not _a_day(o)
                for p, o in A.prep_objects(trig.token, RECIPIENT_PREPS)))


def _a_day(token: Token) -> bool:
    """A date or time named after a preposition ('on Jan. 5', 'on Monday'), not a target."""
    from diplograph.nlp.dates import MONTHS, WEEKDAYS

    word = token.lower_.rstrip(".")
    return token.ent_type_ in ("DATE", "TIME") or word in MONTHS or word in WEEKDAYS


def _joint(token: Token) -> bool:
    """'joint drills', 'drills with the Indian navy': exercises held together."""
    if any(c.lemma_.lower() in ("joint", "combined", "bilateral", "trilateral", "multinational")
           for c in token.children if c.dep_ in ("amod", "compound")):
        return True
    holders = [token, token.head] if token.dep_ in ("dobj", "nsubjpass") else [token]  # 'held drills with X'
    if any(c.dep_ == "prep" and c.lower_ == "with" for t in holders for c in t.children):
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ("join", "attend"):
        return True  # 'China joined Russia's exercise'
    # 'the exercise ..., where Chinese units trained alongside Russian forces'
    return any(t.lower_ == "alongside" for t in token.subtree)


def _complete(reading: Reading, roles: Roles, trig: Trigger) -> bool:
    states = {c for s in roles.actor + roles.recipient for c in s.states}
    if not states:
        return False
    actor_states = {c for s in roles.actor for c in s.states}
    if (reading.mode == "visit" or trig.reading.mode == "visit") and not roles.recipient:
        return False
    if reading.event == "CONSULT" and not roles.recipient and len(actor_states) < 2 and not roles.orgs \
            and reading.mode != "multilateral" and not _met_someone_named(trig) and not _assembly(roles.actor):
        return False
    if reading.event in NEEDS_RECIPIENT and not roles.recipient and len(actor_states) < 2:
        return _object_names_organisation(trig)
    return True


def _completed(reading: Reading, roles: Roles, trig: Trigger, sent: Span,
               res: Resolution) -> tuple[Roles, str | None]:
    """A candidate `_complete` refused for want of a recipient, read at home (`_at_home`) or with the sentence's one
    other party (`_the_other_party`), and the feature that says which; None when neither applies. The rules
    propose, the confidence model decides how often such a reading is right."""
    home = _at_home(reading, roles, trig, res.states_in(sent))
    if home is not None:
        return home, "completed_at_home"
    other = _the_other_party(reading, roles, trig, res.actors_in(sent), res.doc)
    if other is not None:
        return other, "recipient_the_other_party"
    return roles, None


def _at_home(reading: Reading, roles: Roles, trig: Trigger, sentence_parties: set[str]) -> Roles | None:
    """A candidate `_complete` drops for want of a recipient whose actor is one state, the only party its sentence
    names, read as that state acting at home, with the feature `completed_at_home` for the confidence model: a
    domestic event ("a special court cleared the former prime minister", "the ruling party suspended three
    lawmakers"), or, for the types the ontology never makes domestic, the act with no recipient ("Brazil's
    government sent 3,000 soldiers to Rio Grande do Sul", "Iraqi army units and Kurdish Peshmerga forces launched a
    joint operation", "union leaders met the economy minister"). A lone news sentence often reports such an event
    (and one with no record counts as a wrong type in a set of labelled sentences); few of a story's are right, and
    its domestic events get their own, high threshold. Another party in the sentence ("aid for Afghanistan") is
    where the act went, read or not; an organisation of states has no home."""
    if roles.recipient or "visit" in (reading.mode, trig.reading.mode):
        return None
    stated = [s for s in roles.actor if s.states]
    codes = _codes_of(stated)
    if len(codes) != 1 or sentence_parties - codes or any(s.kind != "state" for s in stated):
        return None
    if reading.event in NEVER_DOMESTIC:
        # the ontology: a state meeting, cooperating, giving aid or moving its forces does not act on itself; the
        # candidate keeps no recipient, unless what it met or went to is no counterpart at all
        return None if _no_counterpart(trig.token) or _forces_without_destination(trig.token) else roles
    home = replace(roles, recipient=stated[:1], recipient_from_location=False)
    return home if _complete(reading, home, trig) else None


def _the_other_party(reading: Reading, roles: Roles, trig: Trigger, mentions: list[ActorSpan],
                     doc: Doc) -> Roles | None:
    """A candidate `_complete` drops for want of a recipient, whose sentence names one party besides its actor:
    that party, read as the recipient, with the feature `recipient_the_other_party` for the model ("Turkey's
    currency fell sharply after Trump's imposition of sanctions"). A lost candidate the parse did not tie to its
    object is often this one; the model judges how often (docs/extraction.md, "Nineteenth session"). Not for a
    meeting (what it is about is no one it met: 'met to weigh a response to Iran'), nor the one who asked for the
    act ('at the request of Romania')."""
    visit = "visit" in (reading.mode, trig.reading.mode)
    if roles.recipient or not roles.actor or reading.event == "CONSULT" or visit:
        return None  # what a meeting is about is no one it met ('met to weigh a response to Iran')
    actors = _codes_of(roles.actor)
    others = _parties_besides(mentions, actors, doc)
    if not actors or len(_codes_of(others)) != 1:
        return None
    named = replace(roles, recipient=others[:1], recipient_from_location=False)
    return named if _complete(reading, named, trig) else None


def _parties_besides(mentions: list[ActorSpan], actors: set[str], doc: Doc) -> list[ActorSpan]:
    """The parties a sentence names besides the actor, but for who asked for the act ('at the request of Romania')
    and who helped ('with support from the UK')."""
    return [m for m in mentions if m.states and not set(m.states) & actors and not _in_a_request(doc[m.start])
            and not A.helped_by(doc[m.start], doc[m.start].sent.root)]


def _in_a_request(token: Token) -> bool:
    """'at the request of Romania', 'at Kyiv's urging': who asked for an act is no party of it (`requests_granted`)."""
    return any(_asked_by(a) for a in list(token.ancestors)[:3])


# Whom a state meets or where it sends something when it is no counterpart: the press, an audience, an occasion
AUDIENCE_WORDS = frozenset({"reporter", "journalist", "press", "media", "correspondent", "audience", "crowd",
                            "supporter"})
OCCASION_WORDS = frozenset({"exercise", "drill", "parade", "ceremony", "summit", "conference", "forum", "games",
                            "festival", "event", "celebration", "funeral", "inauguration"})
NO_COUNTERPART_WORDS = AUDIENCE_WORDS | OCCASION_WORDS


def _no_counterpart(token: Token) -> bool:
    """'Putin spoke to reporters in Moscow', 'China sent 3,200 soldiers to the exercise': the trigger's object or
    its to/with/into phrase names the press, an audience or an occasion."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    objects += [o for _p, o in A.prep_objects(token, ("to", "with", "into"))]
    return any(o.lemma_.lower() in NO_COUNTERPART_WORDS for o in objects)


def _assembly(actor: list[ActorSpan]) -> bool:
    """'The Security Council held an emergency session': an organisation of states meeting is a meeting of its
    members, however many the text names."""
    return len(actor) >= 1 and all(s.kind == "igo" for s in actor)


PEOPLE_MET = frozenset({"leader", "representative", "union", "opposition", "delegate", "worker", "protester",
                        "rebel", "elder", "chief", "party", "group", "activist", "farmer", "official", "negotiator",
                        "envoy", "lawmaker", "senator", "mayor", "governor", "community", "student", "teacher"})


def _met_someone_named(trig: Trigger) -> bool:
    """'met indigenous leaders', 'sat down with government representatives', 'held talks with the unions': a
    meeting with people of no state named is a meeting of the actor's, recorded without a recipient."""
    token = trig.token
    if trig.pred.pos != "verb":
        verb = A.governing_verb(token)
        if verb is None:
            return False
        token = verb
    met = [c for c in token.children if c.dep_ == "dobj"] + [o for _p, o in A.prep_objects(token, ("with",))]
    return any(m.lemma_.lower() in PEOPLE_MET for m in met)


def _object_names_organisation(trig: Trigger) -> bool:
    """'expelled inspectors of the IAEA': the recipient is an organisation, not a state."""
    token = trig.token
    args = _object_args(token) if trig.pred.pos == "verb" else [token]
    return any(_organisation(a) or any(_organisation(o) for _, o in A.prep_objects(a, ("of", "from", "to")))
               for a in args)


def _organisation(token: Token) -> bool:
    """The phrase itself names an organisation ('the IAEA'), not merely a modifier ('PLA soldiers')."""
    return token.ent_type_ == "ORG"


def _splits(trig: Trigger, reading: Reading, roles: Roles) -> bool:
    """Visits and meetings in several places are several events; other lists are one event with a list."""
    if len(roles.recipient) < 2:
        return False
    return roles.recipient_from_location or trig.reading.mode == "visit"


def _split(roles: Roles) -> list[list[ActorSpan]]:
    return [[r] for r in roles.recipient]


# ------------------------------------------------------------------------------------------------ modality

def _judged_act(verb: Token) -> bool:
    """A gerund clause with no subject that is the subject of a judgement ('blaming India was unfair', 'sending
    troops would be a mistake'): what is judged is no act reported. One ruled out is a refusal (`_off_the_table`)."""
    return verb.dep_ == "csubj" and verb.tag_ == "VBG" and A.child(verb, "nsubj") is None \
        and not _off_the_table(verb.head)


def _off_the_table(predicate: Token) -> bool:
    """'is out of the question', 'is not an option', 'is off the table': what a clause as subject is said to be
    when it will not be done."""
    words = [t.lower_ for t in predicate.subtree if t.i > predicate.i]
    text = " ".join(words)
    negated = any(c.dep_ == "neg" for c in predicate.children)
    return "out of the question" in text or "off the table" in text or (
        negated and any(w in ("option", "table", "possible", "possibility") for w in words))


COUNTS_OF_PEOPLE = frozenset({"thousand", "thousands", "million", "millions", "hundred", "hundreds", "dozen",
                              "dozens"})


def _counted_people(verb: Token) -> bool:
    """A subject that counts a people ('1.4 million Russians', 'thousands of Americans', 'more Chinese'): citizens
    travelling, not their state."""
    subj, passive = A.subject(verb)
    if subj is None or passive:
        return False
    people = subj
    if subj.lemma_.lower() in COUNTS_OF_PEOPLE:  # 'thousands of Americans'
        people = next((o for p, o in A.prep_objects(subj, ("of",))), subj)
    if people.tag_ != "NNPS" and not (people.tag_ == "NNS" and people.text[:1].isupper()):
        return False
    return people is not subj or any(c.dep_ == "nummod" or c.lower_ in COUNTS_OF_PEOPLE for c in subj.subtree
                                     if c.i < subj.i)


OBLIGED = frozenset({"oblige", "obliged", "obligate", "obligated", "require", "required", "bound", "compel",
                     "compelled"})


def _counterfactual(token: Token) -> bool:
    """'would have been the first trip', 'could have signed the deal': what would have happened, and did not."""
    verb = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    if verb is None or verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.lower_ in ("would", "could", "might") for a in auxes) and any(
        a.lemma_.lower() == "have" and a.tag_ == "VB" for a in auxes)


def _not_obliged(token: Token) -> bool:
    """'Chile is not obliged to negotiate', 'was under no obligation to return the islands', 'is not required to
    consult Kyiv': an act the clause says nobody has to do is no act, promise or refusal."""
    verb = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    if verb is None or verb.dep_ != "xcomp":
        return False
    duty = verb.head
    if duty.lemma_.lower() not in OBLIGED and duty.lower_ not in OBLIGED:
        return False
    return any(c.dep_ == "neg" for c in (*duty.children, *(duty.head.children if duty.dep_ == "acomp" else ())))


def modality(token: Token) -> tuple[str | None, bool]:
    """(aux, conditional): future, hypothetical or negation from auxiliaries, intent verbs and if-clauses."""
    verb = token if token.pos_ in ("VERB", "AUX") else (A.governing_verb(token) or A.clause_head(token))
    aux: str | None = None
    conditional = False
    chain = _verb_chain(verb)
    if verb.dep_ in ("csubj", "csubjpass") and _off_the_table(verb.head):
        return "negation", False  # 'removing the sanctions is out of the question'
    if verb.dep_ in ("advcl", "xcomp", "dobj", "pcomp") and _ruled_out(verb.head) \
            and (verb.dep_ != "advcl" or verb.tag_ == "VBG" and not A.child(verb, "mark")) \
            and not _participle_after_comma(verb):  # ', rebuffing a proposal': what came with it, not ruled out
        # 'ruled out ceding any territory' (the parser hangs the gerund as advcl); 'refused to rule out force'
        return ("hypothetical", True) if _not_excluded(verb.head) else ("negation", False)
    for n, v in enumerate(chain):
        if _ruled_out(v) and (n > 0 or token.pos_ != "VERB"):  # 'ruled out sanctions'; 'would not rule out force'
            return ("hypothetical", True) if _not_excluded(v) else ("negation", False)
        if n == 0 and _neither_nor(v):
            return "negation", False  # 'said it neither accepted nor recognised the decision'
        for c in v.children:
            word = c.lower_
            if c.dep_ == "neg" and n == 0 and not _not_only(c):
                return "negation", False
            if c.dep_ == "neg" and n > 0 and any(w.lower_ in NOT_READY for w in chain[1:n + 1]):
                return "negation", False  # 'was not ready to talk to Japan', 'is not willing to sign'
            if c.dep_ in ("aux", "auxpass") and aux is None:
                if word in FUTURE_AUX:
                    aux = "future"
                elif word == "would":
                    aux = "future" if any(u.lemma_.lower() in REPORTING for u in chain[n + 1:] + _ancestors(v)) \
                        else "hypothetical"
                elif word in HYPOTHETICAL_AUX:
                    aux = "hypothetical"
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark"):
                conditional = True
        # a conjunct was done; someone else's request being weighed was made ('weighing a request from Sudan')
        weighed = chain[n - 1].dep_ in ("xcomp", "acomp") if n > 0 else (
            token.pos_ != "VERB" and not A.prep_objects(token, ("from", "by")))
        if v.lemma_.lower() in WEIGHING and aux in (None, "future") and weighed:
            aux = "hypothetical"  # 'is considering an appeal to the WTO', 'weighing new sanctions': not decided
        if n > 0 and v.lemma_.lower() in INTENT and aux is None:
            aux = "future"
        if n > 0 and v.lemma_.lower() in ("fail", "refuse", "decline", "unable"):
            return "negation", False  # 'was unable to provide details'
    if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("no", "neither")
                                               for c in token.children):
        return "negation", False  # 'had no discussion about', 'no talks with'
    if token.pos_ != "VERB" and aux is None and _noun_is_future(token):
        aux = "future"
    return aux, conditional


NOT_READY = READY_WORDS | {"able"}  # ('is not able to' too)


def _neither_nor(verb: Token) -> bool:
    """'neither accepted nor recognised': both verbs of the pair are negated."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in verb.head.children) \
        and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.head.children)


DENYING = frozenset({"deny", "dismiss", "reject", "refute", "rebuff", "rebut"})
REFUSING = DENYING | frozenset({"decline", "refuse", "spurn"})  # what answers a request, an accusation or an offer


def _content_denied(verb: Token) -> frozenset[int] | None:
    """The words of what a denial says is untrue: its that-clause ('denied that its jets were involved'), or what
    a claim it rejects says ('rejected suggestions that New Delhi had pressured Colombo'); not who made the claim
    ('dismissed U.S. accusations'). None when the verb denies no claim."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return frozenset(t.i for t in c.subtree)
        if c.dep_ in ("dobj", "nsubjpass", "oprd") and c.lemma_.lower() in CLAIM_NOUNS | PARTS_DENIED:
            said = [g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl")
                    and A.agent(g) is None]  # not 'made by Burundi's president': who made the claim
            said += [o for _p, o in A.prep_objects(c, ("of", "about", "in"))]
            return frozenset(t.i for g in said for t in g.subtree)
    return None


REPORT_NOUNS = frozenset({"report", "finding", "findings", "investigation", "inquiry", "probe", "assessment",
                          "study"})
REPORT_AUTHORS = REPORT_NOUNS | {"panel", "expert", "investigator", "monitor", "inspector"}


def _authors_of_the_report_denied(verb: Token, res: Resolution, actor: set[str]) -> list[str]:
    """'Rwanda rejected the report', 'Myanmar rejects the findings': the states or organisations named on the
    latest report, finding or panel told before (in the three sentences before the denial)."""
    denied = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                   and c.lemma_.lower() in REPORT_NOUNS and any(d.lower_ in ("the", "this", "that", "these")
                                                                   for d in c.children)), None)
    if denied is None:
        return []
    sents = list(verb.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= verb.i < s.end)
    for sent in reversed(sents[max(here - 3, 0):here + 1]):
        for t in reversed([t for t in sent if t.i < denied.i and t.lemma_.lower() in REPORT_AUTHORS]):
            named = [c for sp in A.np_actors(t, res) for c in sp.states if c not in actor]
            if named:
                return named
    return []


# 'denied any role in the attack', 'denies involvement': a part in what it is accused of, denied
PARTS_DENIED = frozenset({"role", "involvement", "responsibility", "part", "link", "wrongdoing", "complicity"})


def _claimant(token: Token) -> bool:
    """Who made a claim, named on it ('dismissing German findings', 'U.S. accusations', 'accusations from
    Slovakia', 'claims by Slovakia's prime minister')."""
    if token.dep_ in ("amod", "compound", "poss") and token.head.lemma_.lower() in CLAIM_NOUNS:
        return True
    while token.dep_ in ("poss", "compound", "amod") and token.head.i != token.i and token.head.dep_ != "ROOT":
        token = token.head  # ('by Slovakia's prime minister', 'by the Papua New Guinean prime minister')
    if token.dep_ == "pobj" and token.head.lower_ in ("by", "from"):
        claim = token.head.head
        if claim.dep_ == "acl" and claim.lemma_.lower() in CLAIM_MAKING:
            # 'the charge ..., made on Saturday by the Papua New Guinean prime minister', which the parser may hang
            # on the last noun of the charge's own clause ('that its soldiers had crossed into Burundi, made by')
            claim = next((a for a in claim.ancestors if a.lemma_.lower() in CLAIM_NOUNS), claim.head)
        return claim.lemma_.lower() in CLAIM_NOUNS
    made = token.head
    if token.dep_ == "nsubj" and made.dep_ == "relcl" and made.lemma_.lower() in CLAIM_MAKING \
            and any(c.dep_ == "dobj" and c.tag_ == "WDT" for c in made.children):
        # 'the claim that it was arming the rebels, which Sudan's army chief had made': the parser may hang the
        # clause on the claim's last noun
        return any(a.lemma_.lower() in CLAIM_NOUNS for a in made.ancestors)
    return False


CLAIM_MAKING = frozenset({"make", "level", "voice", "lodge", "raise", "issue", "repeat"})


HELD_OUT_HARM = frozenset({"proposed", "threatened", "possible", "potential"})
JOINT_ACTS = frozenset({"AGREE", "CONSULT", "COOPERATE"})
PLACE_PREPS = LOCATION_PREPS | {"from", "on", "off"}


def _in_a_place(token: Token) -> bool:
    """A name in a phrase of place ('in southwestern Syria', 'from the Greek islands', 'off Somalia's coast')."""
    while token.dep_ in ("compound", "amod", "poss", "nmod", "case") and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj" \
        and token.head.head.head.lower_ in PLACE_PREPS  # 'in the north of Syria'


RECIPROCAL_VERBS = frozenset({"trade", "exchange", "swap"})  # 'traded fire', 'exchanged accusations'


def _talks_between(host: Token, res: Resolution) -> list[ActorSpan]:
    """The parties of the talks a verb's object names 'between' two or more states ('hosted talks between X and Y',
    'hosted several rounds of talks between ...')."""
    for obj in (c for c in host.children if c.dep_ == "dobj"):
        for noun in (obj, *(o for _p, o in A.prep_objects(obj, ("of",)))):
            parties = [s for _p, o in A.prep_objects(noun, ("between",)) for s in A.np_actors(o, res, deep=True)
                       if s.states]
            if len({c for s in parties for c in s.states}) >= 2:
                return parties
    return []


ADDRESSING = frozenset({"tell", "address", "speak", "say"})


def _rally_addressed(token: Token) -> bool:
    """'told a militia rally', 'addressed a rally', 'speaking to a rally in Caracas', 'said at a rally': a rally a
    speaker addresses is where words were said, not a protest."""
    head = token.head
    if token.dep_ in ("dobj", "dative") and head.lemma_.lower() in ADDRESSING:
        return True
    return token.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.lemma_.lower() in ADDRESSING


EXPELLING = frozenset({"expel", "eject", "oust"})


YEAR_WRITTEN = re.compile(r"\b(1[89]|20)\d\d\b")


def _date_of_its_when_clause(head: Token, res: Resolution) -> DateRef | None:
    """The date a clause's own 'when' clause gives ('When Sharmahd was sentenced in February of last year, Germany
    expelled two Iranian diplomats'): the act happened then."""
    for clause in head.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
            dates = [d for d in _plain_dates(A.clause_tokens(clause), res) if not _a_deadline(d, res)]
            if dates:
                return dates[0]
    return None


def _leaving_ordered_with_an_expulsion(token: Token) -> bool:
    """'Mali expelled the French ambassador, giving him 72 hours to leave', 'Estonia expelled a Russian diplomat and
    ordered him to leave the country': the order to leave is how the expulsion is told, not a demand of its own."""
    if not any(t.lemma_.lower() in LEAVE_VERBS | {"go"} and t.pos_ == "VERB" for t in token.subtree):
        return False
    near = [token.head] if token.dep_ in ("advcl", "conj", "xcomp") else []
    near += [c for c in token.children if c.dep_ == "conj"]
    if token.head.dep_ == "conj":
        near.append(token.head.head)
    return any(v.lemma_.lower() in EXPELLING  # 'declared him persona non grata, giving him 72 hours to leave'
               or (v.lemma_.lower() == "declare" and any(t.lower_ == "grata" for t in v.subtree))
               or _envoys_ordered_out(v) for v in near)  # 'ordered Libya's ambassador out, giving him 72 hours'


def _in_condition(token: Token) -> bool:
    """Whether the token stands in the antecedent of a condition ('if X imposes sanctions, ...', '... unless
    Kenyan troops withdraw'): the clause says what is supposed, not what happened or was announced."""
    for head in (token, *list(token.ancestors)[:6]):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children):
            return True
    return False


def _ruled_out(verb: Token) -> bool:
    """'ruled out talks'; 'avoid traveling to Japan', 'avoided a war': what is kept from happening."""
    return (verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)) \
        or verb.lemma_.lower() == "avoid"


def _keeps_open(verb: Token) -> bool:
    """A 'rule out' that excludes nothing, or the refusal it is the complement of ('refused to rule out')."""
    return any(_ruled_out(v) and _not_excluded(v) for v in (verb, *verb.children))


def _not_appended_to(verb: Token, roots: list[Token]) -> list[Token]:
    """What a verb may absorb, less the clause a denial is appended to (`_appended_denial`): an act of its own."""
    told = _appended_denial(verb)
    return [r for r in roots if told is None or r.i != told.i]


def _appended_denial(verb: Token) -> Token | None:
    """The clause a denial is appended to as ', a claim X denied' (the parser hangs that clause as the denial's
    complement before it, and the claim as its subject), or None."""
    if verb.lemma_.lower() not in DENYING:
        return None
    claim = A.child(verb, "nsubj")
    told = A.child(verb, "ccomp")
    if claim is None or told is None or claim.lemma_.lower() not in CLAIM_NOUNS or told.i > claim.i:
        return None
    return told


def _not_excluded(rule_out: Token) -> bool:
    """'refused to rule out', 'did not rule out', 'declined to rule out': a possibility kept open."""
    if any(c.dep_ == "neg" for c in rule_out.children):
        return True
    return rule_out.dep_ == "xcomp" and rule_out.head.lemma_.lower() in ("refuse", "decline", "fail")


def _not_only(neg: Token) -> bool:
    """'not only ... but also' negates nothing."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in ("only", "just", "merely", "simply")


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement of ('agreed to lift' -> lift, agreed)."""
    chain = [verb]
    v = verb
    for _ in range(4):
        if v.dep_ in ("xcomp", "acomp") or (v.dep_ == "conj" and not A.child(v, "nsubj", "nsubjpass")):
            v = v.head
            chain.append(v)
            continue
        if _no_choice_but(v):  # 'would have no choice but to totally destroy North Korea'
            v = v.head.head
            chain.append(v)
            continue
        break
    return chain


def _no_choice_but(verb: Token) -> bool:
    """'would have no choice but to destroy X', 'had no option but to leave': the act hangs on the choice."""
    but = verb.head
    if but.lower_ != "but" or but.head.i == but.i:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("choice", "option", "alternative") for c in but.head.children)


def _ancestors(token: Token) -> list[Token]:
    return list(token.ancestors)[:4]


def _noun_is_future(noun: Token) -> bool:
    """'planned talks', 'the upcoming visit'."""
    return any(c.lemma_.lower() in ("upcoming", "planned", "proposed", "future", "forthcoming", "next")
               for c in noun.children if c.dep_ in ("amod", "compound"))


PROMISES = frozenset({"vow", "pledge", "promise", "swear", "commit", "agree", "warn", "caution", "hint"})
HARM = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
WARNINGS = frozenset({"warn", "caution"})
DECISIONS = frozenset({"agree"})  # of PROMISES, those whose content is decided then and there


def _conditional_complement(verb: Token) -> bool:
    """A warning whose content holds under a condition ('... if Turkey is sanctioned', '... unless X'), or is
    said of whatever might happen ('that any attempt to divert the river would be treated as an act of war')."""
    hung_on_warning = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i]  # the parser's other reading
    if _complements(verb) and any(t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.head == c
                                  for c in hung_on_warning for t in c.children):
        return True
    for comp in _complements(verb):
        if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in comp.subtree):
            return True
        subj, _ = A.subject(comp)
        whatever = subj is not None and any(d.lower_ == "any" and d.dep_ == "det" for d in subj.children)
        if whatever and _has_aux(comp, ("will", "would", "'ll")):
            return True
    return False


READINESS = frozenset({"prepared", "ready", "willing", "determined"})


def _warns_of_own_act(verb: Token, res: Resolution) -> bool:
    """'warned it was prepared to take control of the region', 'warned that it would act': a warning of what the
    warner itself will do is a threat (not 'warned that the crisis would deepen')."""
    for comp in _complements(verb):
        if _forces_the_warner(comp, verb, res):
            return True
        subj, _ = A.subject(comp)
        if subj is None or not (subj.lower_ in ("it", "we", "they", "he", "she", "i") or _warners_own(subj, verb, res)
                                or _own_forces(subj)):
            continue
        if any(c.dep_ == "acomp" and c.lower_ in READINESS for c in comp.children):
            return True
        if comp.lemma_.lower() == "reserve" and any(c.dep_ == "dobj" and c.lower_ == "right" for c in comp.children):
            return True  # 'warned that Russia reserves the right to retaliate'
        if _has_aux(comp, WARNED_MODALS) and _an_act_warned_of(comp):
            return True
    return False


# What a warning says the warned will pay or suffer ('would pay the price', 'would regret it', 'would face
# consequences'): the warner's retaliation, named by its effect
PAYING_VERBS = frozenset({"pay", "regret", "face", "suffer", "bear"})
PRICES = frozenset({"price", "consequence", "cost", "retaliation", "response", "reprisal", "punishment", "it"})


def _warns_of_a_price(verb: Token) -> bool:
    """'warned that the Netherlands would "pay the price"', 'warned that those behind it would regret it': a
    price the warned will be made to pay is a threat (not 'warned that farmers would face higher costs')."""
    for comp in _complements(verb):
        if comp.lemma_.lower() not in PAYING_VERBS or not _has_aux(comp, WARNED_MODALS) or _negated(comp):
            continue
        paid = A.child(comp, "dobj")
        if paid is not None and paid.lemma_.lower() in PRICES and not any(
                c.dep_ == "amod" and c.lower_ in ("higher", "lower", "rising") for c in paid.children):
            return True
    return False


OWN_FORCES = frozenset({"army", "military", "troops", "forces", "force", "navy", "soldiers"})


def _own_forces(subj: Token) -> bool:
    """'warned that his army could intervene', 'its forces would respond': the warner's own forces."""
    return subj.lemma_.lower() in OWN_FORCES | {"troop", "soldier"} and any(
        c.dep_ == "poss" and c.lower_ in ("his", "its", "their", "our", "her") for c in subj.children)


def _forces_the_warner(comp: Token, verb: Token, res: Resolution) -> bool:
    """'warned that their joining NATO would force Moscow to strengthen its forces': what the warner says it
    would be made to do is its own act."""
    if comp.lemma_.lower() not in ("force", "compel", "oblige", "push", "leave") or not _has_aux(comp, WARNED_MODALS):
        return False
    made = A.child(comp, "dobj")
    return made is not None and A.child(comp, "xcomp", "ccomp") is not None and (
        made.lower_ in ("us", "it", "them", "him", "her", "me") or _warners_own(made, verb, res))


# 'warned that it would retaliate', '... that it could set up an air defence zone', '... it may have to reassess'
WARNED_MODALS = ("will", "would", "'ll", "could", "may", "might", "can")
# 'would not tolerate', 'would not sit back': refusing to stand by is a threat to act
NOT_STANDING_BY = frozenset({"tolerate", "allow", "accept", "sit", "stand", "hesitate", "permit", "remain", "let"})


def _an_act_warned_of(comp: Token) -> bool:
    """The complement of a warning tells of an act ('would retaliate', 'may have to reassess', 'would not sit
    back'), not of a state of affairs ('would be difficult', 'would have consequences' aside)."""
    lemma = comp.lemma_.lower()
    if any(c.dep_ == "neg" for c in comp.children):
        return lemma in NOT_STANDING_BY
    if lemma == "have":
        return any(c.dep_ == "xcomp" for c in comp.children)  # 'may have to reassess its relationship'
    return lemma != "be"


def _warners_own(subj: Token, verb: Token, res: Resolution) -> bool:
    """The subject of a warning's complement is the warner's own state or its organ ('Moscow warned that Russia
    reserves the right ...', 'warned that Washington was prepared to ...', 'warned that U.S. duties could ...')."""
    warner, _ = A.subject(verb)
    if warner is None:
        return False
    own = {c for s in A.np_actors(warner, res) for c in s.states}
    named = {c for s in A.np_actors(subj, res) for c in s.states}
    return bool(own) and bool(named) and named <= own


def _promise_of_harm(trig: Trigger, res: Resolution) -> Reading:
    """'vowed to fight', 'pledged to retaliate', 'warned that it would retaliate': a promise or warning whose
    content is harm is a threat."""
    if trig.pred.lemma in WARNINGS and (_conditional_complement(trig.token) or _warns_of_own_act(trig.token, res)
                                        or _warns_of_a_price(trig.token)):
        return Reading("THREATEN", None, trig.reading.context)  # 'warned that bases would be at risk if ...'
    if trig.pred.lemma in PROMISES and _consequences_named(trig.token):  # warnings included
        return Reading("THREATEN", None, trig.reading.context)  # 'vowed to take countermeasures against X'
    if trig.pred.lemma in ORDERS and trig.absorbed and _orders_its_own(trig.token, res):
        heads = {c.i for c in _complements(trig.token)}
        ordered = [inner for inner in trig.absorbed if inner.token.i in heads]
        if ordered:  # 'ordered its military to seal border areas', 'ordered charges dropped': the act ordered
            return ordered[0].reading
    if trig.pred.lemma in ORDERS and trig.absorbed:
        acts = [inner for inner in trig.absorbed if inner.token.dep_ == "dobj" and inner.token.head == trig.token
                and inner.pred.pos == "noun" and inner.reading.event in ORDERED_ACTS]
        if acts:  # 'Putin ordered the call-up of 300,000 reservists', 'ordered airstrikes on Iran'
            return acts[0].reading
    if trig.pred.lemma in PROMISES - DECISIONS - WARNINGS and _negated_complement(trig.token):
        content = [inner for inner in trig.absorbed if inner.token.i in {c.i for c in _complements(trig.token)}]
        if content and content[0].reading.event in HARM:  # 'promised not to attack the Kurdish militias'
            return Reading("AGREE", None, trig.reading.context)
        return Reading("REJECT", None, trig.reading.context)  # 'vowed not to return the Golan Heights to Syria'
    if trig.pred.lemma not in PROMISES or not trig.absorbed:
        return trig.reading
    heads = {c.i for c in _complements(trig.token)}
    content = [inner for inner in trig.absorbed if inner.token.i in heads]  # the complement's own head only
    if not content:  # 'warned that it would impose sanctions': the event noun the complement's verb carries out
        content = [inner for inner in trig.absorbed if inner.token.head.i in heads and inner.token.dep_ == "dobj"
                   and inner.token.head.lemma_.lower() in CARRYING_OUT]  # not 'agreed to postpone the protest'
    if content and content[0].reading.event in HARM and trig.pred.lemma in DECISIONS:
        return content[0].reading  # 'EU ministers agreed to sanction Iranian judges': the decision is the act
    if content and content[0].reading.event in HARM:
        return Reading("THREATEN", None, trig.reading.context)
    return trig.reading


def _negated_complement(verb: Token) -> bool:
    """'vowed not to return ...', 'pledged never to give up ...': what is promised is not to act."""
    return any(_negated(comp) for comp in _complements(verb))


# acts a state's authority orders its own forces or officials to carry out: the order is the act
# (a withdrawal ordered is declared, not yet done: CONCEDE, by _retreat_declared)
ORDERED_ACTS = frozenset({"MOBILIZE", "ASSAULT", "COERCE", "SANCTION"})


def _orders_its_own(verb: Token, res: Resolution) -> bool:
    """An order given to no one named ('ordered charges dropped', 'ordered the release of') or to the state's own
    organs ('ordered its military to seal the border', 'ordered troops to withdraw'), not a demand on another."""
    told = A.child(verb, "dobj", "dative")
    if told is None:
        return True
    own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in told.children)
    return own or (res.sector_of(told) in ORGAN_SECTORS
                   and not any(c.dep_ in ("poss", "amod", "compound") and c.pos_ == "PROPN" for c in told.children))


CARRYING_OUT = frozenset({"impose", "take", "launch", "carry", "stage", "conduct", "hold", "use", "deploy",
                          "introduce", "apply", "adopt", "slap", "levy", "begin", "start", "mount", "order"})
CONSEQUENCES = frozenset({"consequence", "countermeasure", "countermeasures", "retaliate", "retaliation",
                          "reprisal", "respond", "response"})
COUNTER_MEASURES = frozenset({"measure", "step", "action"})
# what a warning of harm names ('warned of further punitive measures'): not a forecast (_warned_of_a_danger)
HARM_WORDS = CONSEQUENCES | COUNTER_MEASURES | frozenset({"sanction", "sanctions", "punishment", "force", "war",
                                                         "strike", "attack", "retribution", "penalty", "tariff"})


def _consequences_named(warning: Token) -> bool:
    """'warned X to stop ..., saying it would take all necessary measures', 'warned of consequences': a warning
    that names what the warner will do is a threat."""
    for t in _said_with(warning):
        lemma = t.lemma_.lower()
        if lemma in CONSEQUENCES and _anothers_response(t):
            continue
        if lemma in CONSEQUENCES or (lemma == "target" and t.dep_ == "attr"):  # "would be a legitimate target"
            return True
        if lemma in COUNTER_MEASURES and t.dep_ == "dobj" and t.head.lemma_.lower() == "take" \
                and _has_aux(t.head, ("will", "would", "'ll")):
            return True
        if lemma in HARM_WORDS and t.dep_ == "pobj" and t.head.lower_ == "of" \
                and (t.head.head == warning or t.head.head.head == warning) \
                and any(c.lemma_.lower() in ("further", "punitive", "new", "more", "additional", "tough")
                        for c in t.children):
            return True  # 'warned of further punitive measures': more of the warner's own
        if lemma in ("stake", "risk") and t.dep_ == "pobj" and t.head.lower_ == "at":
            return True  # 'warned them that U.S. aid was at stake', '... bases are now at risk if ...'
    return False


# verbs through which a speaker helps another act: the act is the other's ('help Tuvalu respond')
HELPING_ANOTHER = frozenset({"help", "enable", "allow", "assist"})


def _anothers_response(word: Token) -> bool:
    """A response that is not the speaker's own: its cause ('agreed to suspend visa-free travel ... in response to
    the crackdown') or another's that the speaker helps ('committed to help Tuvalu respond to disasters')."""
    if word.dep_ == "pobj" and word.head.lower_ == "in":
        return True
    return word.pos_ == "VERB" and word.head.lemma_.lower() in HELPING_ANOTHER


# what people do to a war they get away from ('families who fled the fighting')
ESCAPED_FROM = frozenset({"flee", "escape", "leave"})
# what an act's name may qualify without the act being told ('the genocide case', 'a war crimes trial')
CASES_AT_LAW = frozenset({"suit", "lawsuit", "case", "trial", "hearing", "charge", "petition", "proceeding",
                          "convention", "tribunal", "court", "prosecutor", "investigator", "law"})
STRUCK_MANNERS = frozenset({"tone", "note", "chord", "balance", "pose", "posture", "figure"})


def _partner_missing(prep: Token, pred: Predicate) -> bool:
    """'worked as a bus driver in Grodno with spying for Minsk' (the parser hangs a charge's 'with' on the verb
    before it): a 'with' of working or talking together names a partner, never an act in '-ing'."""
    return prep.lower_ == "with" and pred.reading.event in ("COOPERATE", "CONSULT") \
        and any(c.dep_ in ("pobj", "pcomp") for c in prep.children) \
        and all(c.tag_ == "VBG" for c in prep.children if c.dep_ in ("pobj", "pcomp"))


def _said_with(verb: Token) -> list[Token]:
    """The words of a promise or warning and of what its speaker says beside it ('warned ..., saying it would take
    all necessary measures'), without a participle clause telling what followed ('agreed to sell howitzers to
    Armenia, drawing an angry response from Azerbaijan': the response is Baku's, no consequence France names)."""
    aside = {t.i for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
             and c.lemma_.lower() not in SAYING for t in c.subtree}
    return [t for t in verb.subtree if t.i not in aside]


def adjust_reading(reading: Reading, aux: str | None, conditional: bool, prepared: bool = False) -> Reading:
    """PLOVER: announced future cooperation is AGREE, an announced retreat (withdrawal, release, ceasefire)
    CONCEDE; threatened or conditional harm is THREATEN; getting ready to attack is MOBILIZE."""
    if prepared and reading.event == "ASSAULT":
        return Reading("MOBILIZE", "weapons", reading.context + ("military",))
    if aux == "negation" and reading.event in COOPERATIVE | {"AGREE"}:
        return Reading("REJECT", None, reading.context)  # 'did not recognize', 'would not accept'
    if conditional and reading.event not in ("AGREE", "REQUEST", "THREATEN") and aux is not None:
        if reading.event in COOPERATIVE - {"RETREAT"}:
            return Reading("AGREE", None, reading.context)
        return Reading("THREATEN", None, reading.context)
    if aux == "future" and reading.event == "RETREAT" and reading.mode not in ("release", "resign"):
        return Reading("CONCEDE", None, reading.context)  # the manual: 'announced ... would withdraw troops'
    if aux == "future" and reading.event in COOPERATIVE - {"CONCEDE"} and reading.mode != "resign":
        return Reading("AGREE", None, reading.context)  # the manual: a future concession stays CONCEDE
    if aux == "future" and reading.event in HOSTILE_FUTURE - {"MOBILIZE"}:
        return Reading("THREATEN", threat_mode(reading), reading.context)
    return reading


# What a threat threatens, by the act threatened (PLOVER's THREATEN modes).
THREAT_MODES = {("COERCE", "arrest"): "arrest", ("COERCE", "deport"): "expel", ("COERCE", "restrict"): "restrict",
                ("COERCE", "curfew"): "restrict", ("COERCE", "censor"): "restrict", ("COERCE", "seize"): "territory",
                ("SANCTION", "expel"): "expel", ("SANCTION", "discontinue"): "relations"}


def threat_mode(reading: Reading) -> str | None:
    """The THREATEN mode for a threatened act: 'threatened to arrest' -> arrest, to attack -> violence."""
    if reading.event == "ASSAULT":
        return "violence"
    return THREAT_MODES.get((reading.event, reading.mode or ""))


def _contexts(reading: Reading, token: Token) -> tuple[str, ...]:
    """The reading's contexts and those the words around the trigger name (its clause, not the whole sentence)."""
    found = list(reading.context)
    for t in A.clause_tokens(A.clause_head(token)) + list(token.subtree):
        ctx = CONTEXT_WORDS.get(t.lemma_.lower())
        if ctx and ctx not in found:
            found.append(ctx)
    return tuple(found)


# ------------------------------------------------------------------------------------------------ dates, evidence

def _date_of_the_last_conjunct(verb: Token, res: Resolution) -> list[DateRef]:
    """'Sri Lanka's navy arrested 14 fishermen and seized two trawlers off Mannar early on Monday': verbs joined
    with 'and' and sharing a subject share the time said after the last of them."""
    if verb.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ in TIME_OF_THEIR_OWN for c in verb.children):
        return []  # 'met Mishustin during the visit, and flew home on Wednesday': a time of its own
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and A.child(c, "nsubj") is None
              and not any(t.text == "," for t in verb.doc[verb.i:c.i])]  # 'X and Y', not 'X, and then Y'
    return [d for c in joined[-1:] for d in _dates_in(A.clause_tokens(c), res) if _relation_prep(d, res) is None]


TIME_OF_THEIR_OWN = frozenset({"during", "after", "before", "since", "until", "amid", "following"})


def _date_of_the_first_conjunct(verb: Token, res: Resolution) -> list[DateRef]:
    """'An Indian navy ship anchored off Fuvahmulah on Saturday and pumped 300 tonnes of water ashore': a verb joined
    by 'and' to the one before it, with no subject or time of its own, shares that verb's day."""
    first = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or first.pos_ != "VERB" or A.child(verb, "nsubj") is not None \
            or any(t.text == "," for t in verb.doc[first.i:verb.i]):
        return []
    inside = {t.i for t in verb.subtree}
    return [d for d in _dates_in([t for t in A.clause_tokens(first) if t.i not in inside], res)
            if _relation_prep(d, res) is None and _day_told_with_on(d, res)]


def _dates_hung_on_the_object(verb: Token, res: Resolution) -> list[DateRef]:
    """'Poland deployed 3,000 soldiers, backed by armoured vehicles, to Podlaskie province on Monday': the parser
    hung the verb's own time on a participle describing its object (set off by a comma)."""
    if verb.pos_ != "VERB":
        return []
    return [d for told in _object_participles(verb)
            # 'a man wanted for murder on Monday': the murder's
            if (told.i > 0 and told.doc[told.i - 1].text == ",") or _destination_hung_on(told, verb)
            for p in told.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "at")
            for d in _dates_in(list(p.subtree), res)]


def _destination_hung_on(told: Token, verb: Token) -> bool:
    """'sending a delegation led by its foreign minister to Addis Ababa in late June': the parser hung the
    journey's destination, and the time after it, on the participle describing what was sent."""
    return verb.lemma_.lower() in JOURNEYS and any(
        p.dep_ == "prep" and p.lower_ == "to" for p in told.children)


def event_date(token: Token, sent: Span, res: Resolution, ctx: DocContext,
               anchor: ActorSpan | None = None) -> tuple[DateRef | None, str]:
    """The date of the event's own clause, else of its sentence's main clause, else the context's time frame."""
    date, source = _event_date(token, sent, res, ctx, anchor)
    if _request_being_considered(token) and res.published is not None and (
            date is None or _ends_this_week(date, res.published)):
        # 'would consider Tuvalu's request' (on Saturday): made before, not then, in the week up to publication;
        # 'Last month Islamabad turned down New Delhi's request' keeps last month
        return recent_window(res.published, token)[0], "before"
    return date, source


def _ends_this_week(date: DateRef, published: dt.date) -> bool:
    try:
        _, end = iter_bounds(date.value)
    except (ValueError, IndexError):
        return False
    return end >= published - dt.timedelta(days=RECENT_DAYS - 1)


def _event_date(token: Token, sent: Span, res: Resolution, ctx: DocContext,
                anchor: ActorSpan | None = None) -> tuple[DateRef | None, str]:
    if token.pos_ == "NOUN" and _kept_no_longer(token) and (keeping := A.governing_verb(token)) is not None:
        token = keeping  # 'would no longer abide by a 2018 military pact': dated as the abiding, not the pact
    if (weekend := _weekend_of(token, res)) is not None:
        return weekend, "clause"
    if (same := _the_same_time_as_before(token, sent, res)) is not None:
        return same, "clause"  # 'forced their way in late on Friday, April 5. X broke off ties the same night'

    if anchor is not None:
        place = res.doc[anchor.start]
        aside = [t for c in place.children if c.dep_ in ("relcl", "appos") for t in c.subtree]
        local = _dates_in(aside, res) or _dates_in(A.clause_tokens(A.clause_head(place)), res)
        if local:  # 'Syria (where Ri met Assad in June 2014)': the date said of that place
            return local[0], "clause"
    if any(sent.start_char <= d.start < sent.end_char for d in res.dates):
        head = A.clause_head(token)
        own = _dates_in(A.clause_tokens(head), res) + _dates_in(A.clause_tokens(token), res)
        if not own and token.lemma_.lower() not in CLAIMS_ABOUT_THE_PAST:
            # 'ruled out supplying missiles to Ukraine on Monday': the parser hangs the date on the gerund (but
            # 'denied sending troops last year' dates what is denied)
            own = [d for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"
                   for d in _dates_in(A.clause_tokens(c), res)]
        if not own and token.tag_ == "VBD":
            # 'the two countries agreed to restore relations in 2014': a past year told in what was agreed to is
            # when it was agreed ('agreed to hold a meeting in October' dates the plan, not the agreement)
            own = [d for c in token.children if c.dep_ == "xcomp" and A.is_infinitive(c)
                   for d in _dates_in(A.clause_tokens(c), res) if not _after_publication(d, res)
                   and _relation_prep(d, res) is None and YEAR_WRITTEN.search(d.text)]
        if not own and token.lemma_.lower() == "order":
            # 'ordered 12 officials to leave the country on Tuesday': the parser hangs the order's day on 'leave'
            own = [d for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in LEAVE_VERBS
                   for d in _dates_in(A.clause_tokens(c), res)
                   if _relation_prep(d, res) is None and _day_told_with_on(d, res)]
        own = [d for d in own if not _a_deadline(d, res)]  # 'gave Moscow until Tuesday to explain': given before
        if token.lemma_.lower() in ACCUSING and token.pos_ == "VERB":
            # 'accused Russia of involvement in an explosion in 2014': the date of what is alleged, not of the charge
            own = [d for d in own if _dated_directly(d, token, res)]
        own = [d for d in own
               if not _first_since(_relation_prep(d, res)) and not _time_of_something_else(d, token, res)]
        told = _participle_dates(token, res)
        if told:  # 'the agreement reached by Nigeria and Morocco on Thursday': the noun's own participle dates it
            return told[0], "clause"
        if not own and (hung := _dates_hung_on_the_object(token, res)):
            return hung[0], "clause"  # 'deployed 3,000 soldiers, backed by armour, to Podlaskie on Monday'
        if not own and (shared := _date_of_the_last_conjunct(token, res)):
            return shared[0], "clause"  # 'arrested 14 fishermen and seized two trawlers off Mannar on Monday'
        if not own and (shared := _date_of_the_first_conjunct(token, res)):
            return shared[0], "clause"  # 'anchored off Fuvahmulah on Saturday and pumped 300 tonnes of water ashore'

        if _decided_by(token) and (decided := _plain_dates(A.clause_tokens(token.head), res)):
            return decided[0], "clause"  # 'decided on Friday to exclude X from the summit later this month'
        if not own and (said_of := _when_of_a_date(head, res)) is not None:
            return said_of, "clause"  # 'warmed in December, when Modi made a surprise stopover in Lahore'
        if not own and (at_the_time := _date_of_its_when_clause(head, res)) is not None:
            return at_the_time, "clause"  # 'When he was sentenced in February, Germany expelled two diplomats'
        if not own and (counted := _counted_after_a_dated_clause(token, res)) is not None:
            return counted, "clause"  # 'suspended all aid three days after Bazoum was ousted on July 26'
        if not own and (earlier := _days_later_than(token, res)):
            return earlier[0], "clause"  # 'cut ties with Taiwan in May and established relations days later'
        related = {d.start: _relation_prep(d, res) for d in own}
        direct = [d for d in own if related[d.start] is None]
        if direct:
            nearest = min(direct, key=lambda d: abs(d.start - token.idx))
            if _told_as_earlier(token, head) and (before := _week_up_to(nearest)) is not None:
                return before, "clause"  # 'praised Morocco on Thursday after a joint operation': the week before
            return nearest, "clause"
        if own:  # 'withdrew after the invasion in February 2022': the date is the invasion's, the withdrawal later
            nearest = min(own, key=lambda d: abs(d.start - token.idx))
            return _after(nearest, related[nearest.start], res.published), "clause"
        if (since := _since_the_dated_clause(head, res)) is not None:
            return since, "clause"  # 'has sold oil to China since the EU banned ... in December 2022'
        if (issued := _dates_of_statement_made_in(head, res)):
            return issued[0], "clause"  # 'In a statement released on Monday, Egypt condemned ...'
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in GO_BETWEEN_VERBS \
                and token.head.dep_ == "pobj" \
                and (framing := A.governing_verb(token.head)) is not None \
                and (theirs := _plain_dates(A.clause_tokens(framing), res)):
            return theirs[0], "clause"  # 'exchanged prisoners on Monday in a swap brokered by the UAE'
        if (signed := _document_said_in(head)) is not None and (theirs := _plain_dates(A.clause_tokens(signed), res)):
            return theirs[0], "clause"  # 'signed a joint statement on Tuesday in which Pyongyang committed to ...'
        if (governing := _simultaneous_with(token)) is not None:
            theirs = _plain_dates(A.clause_tokens(governing), res)
            if theirs:  # 'issued a statement on Wednesday condemning the strikes': the same day
                return theirs[0], "clause"
        if (purpose := _purpose_of(token)) is not None and (theirs := _plain_dates(A.clause_tokens(purpose), res)):
            return theirs[0], "clause"  # 'arrived in Santa Cruz on Saturday to help Bolivia': helping from then
        if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and head.head.dep_ == "conj" and (
                theirs := [d for d in _plain_dates(A.clause_tokens(head.head), res) if not _a_deadline(d, res)]):
            return theirs[0], "clause"  # '..., but he announced in late September that France would pull out
        if (later := _after_clause_of(token)) is not None:
            theirs = _plain_dates(A.clause_tokens(later), res)
            done = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token) or token
            while (not theirs or (done.tag_ == "VBD" and _after_publication(theirs[0], res))) \
                    and later.dep_ in ("ccomp", "xcomp", "conj") and later.head.i != later.i:
                # 'said on Tuesday they hoped ..., after ...'; 'said on Saturday he would travel to Washington on
                # Monday, a day after the leaders held a summit': what was done came before the saying, not the
                # trip to come
                later = A.clause_head(later.head)
                theirs = _plain_dates(A.clause_tokens(later), res)
            days_before = _days_counted_before(token)
            if theirs and days_before is not None and theirs[0].granularity == "day":
                return _days_after(theirs[0], -days_before), "clause"  # 'on Monday ..., a day after Minsk diverted'
            months_before = _days_counted_before(token, unit="month")
            if theirs and months_before is not None and theirs[0].granularity in ("day", "month"):
                # 'held talks on Monday, five months after Erdogan visited Athens': that month
                return _months_before(theirs[0], months_before), "clause"
            before = _week_up_to(theirs[0]) if theirs else None
            if before is not None:  # 'said on Tuesday they hoped ..., after Beijing eased its ban': the week before
                return before, "clause"
        if (gathered := _date_of_the_doers_meeting(head, res)):
            return gathered[0], "clause"  # 'foreign ministers, meeting in Cairo on January 10, denounced Iran'
        # 'declaring an emergency ... and imposing duties': the noun's conjoined participle (not 'condemning the
        # strikes', whose object is older than the statement)
        doing = token.head if token.dep_ == "dobj" and token.head.tag_ == "VBG" and token.head.dep_ == "conj" \
            else token
        first = _first_conjunct(doing)  # '... an executive order declaring an emergency and imposing duties'
        if first.dep_ == "acl" and first.tag_ == "VBG" and doing.tag_ == "VBG" \
                and first.head.dep_ in ("dobj", "nsubjpass") \
                and (theirs := _plain_dates(A.clause_tokens(first.head.head), res)):
            return theirs[0], "clause"  # 'passed legislation Wednesday targeting Turkey': what was passed then
        if _reaction_to_the_main_act(token):  # 'seized a boat last year, a move Manila denounced as illegal'
            main = main_clause_dates(sent, res)
            return (main[0], "sentence") if main else recent_window(res.published, token)
        if _stance_of_someone_present(token) and (main := main_clause_dates(sent, res)):
            return main[0], "sentence"  # 'a ceremony hosted by Trump, who hailed the accord': said at it
        if is_background(token):
            # 'docked on 30 August since Russia invaded Ukraine': not the invasion's date; 'lodged a protest on
            # Tuesday after a Chinese ship fired a water cannon': the news of the days before, as any undated act
            return (None, "none") if _since_clause(token) else recent_window(res.published, token)
        main = [d for d in main_clause_dates(sent, res) if not _a_deadline(d, res)
                and not _time_of_something_else(d, token, res)]
        if main:
            return main[0], "sentence"
    if _since_clause(token):
        return None, "none"  # 'has docked in Odesa since Russia invaded Ukraine': no time of the story's
    frame = ctx.frame()
    if frame is not None and not _reaction_to_the_latest(token):
        return frame, "context"
    return recent_window(res.published, token)


ASKED_FOR_NOUNS = frozenset({"request", "appeal", "plea", "call", "demand", "bid", "proposal", "offer", "application"})
# weighing or answering a request, not deciding it: a court 'turned down Ivory Coast's request', 'accepted the
# prosecution's request' is read as before (such requests are seldom made of a state)
CONSIDERING = frozenset({"consider", "study", "examine", "review", "weigh", "look", "answer", "assess", "evaluate",
                         "discuss", "reply", "respond", "response"})


def _requester_and_the_one_answering(noun: Token, roles: Roles, res: Resolution) -> Roles:
    """'Syria's interior ministry said ..., replying to a request that Jordan's interior minister made': who made
    the request is its relative clause's subject, and whom it was made to is who now answers it (the subject of
    the clause answering it, or of the sentence's main clause)."""
    made_by = [s for c in noun.children if c.dep_ == "relcl" for g in c.children if g.dep_ == "nsubj"
               for s in A.np_actors(g, res) if s.states and s.method != "context"]
    actor = made_by or roles.actor
    if not actor:
        return roles
    # 'responding to a request Lesotho's prime minister made': the maker, read as the one asked, asked
    if roles.recipient and not (made_by and _codes_of(made_by) & _codes_of(roles.recipient)):
        return replace(roles, actor=actor, quoted=roles.quoted | {s.start for s in actor})
    codes = _codes_of(actor)
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    answering: list[ActorSpan] = []
    for clause in (verb, *verb.ancestors):
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # a state named, not one the context lends ('the five judges turned down ...')
            answering = [s for s in A.np_actors(subj, res) if s.states and s.method != "context"
                         and not set(s.states) & codes]
        if answering:
            break
    return replace(roles, actor=actor, recipient=answering[:1], actor_method="parse",
                   quoted=roles.quoted | {s.start for s in (*actor, *answering[:1])})


def _request_being_considered(token: Token) -> bool:
    """'Australia would consider Tuvalu's request for more visas', 'Mozambique will look into Malawi's request',
    'replying to a request that Peru's interior minister made', 'in response to a request from Lima': a request
    someone made, that another now weighs or answers, was made before the clause's day, whatever the answer."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ASKED_FOR_NOUNS or not any(
            c.dep_ == "poss" or c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
            for c in token.children):
        return False
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("into", "at", "to") else token.head
    return token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in CONSIDERING


def _reaction_to_the_latest(token: Token) -> bool:
    """'The United States, Japan and Australia criticized the latest water cannon attack', after a paragraph of
    background dated August: a reaction to the news the story leads with, not to the background before it."""
    if token.lemma_.lower() not in REACTING or token.pos_ != "VERB":
        return False
    obj = A.child(token, "dobj")
    return obj is not None and any(c.lower_ in ("latest", "new", "recent") for c in obj.children)


def _date_span(date: DateRef, res: Resolution) -> Span | None:
    """The tokens a date was read from."""
    return res.doc.char_span(date.start, date.end, alignment_mode="expand")


def _day_told_with_on(date: DateRef, res: Resolution) -> bool:
    """'on Tuesday': a day said with 'on', not a limit ('within 72 hours', 'by Friday')."""
    span = _date_span(date, res)
    if span is None:
        return False
    return span[0].lower_ == "on" or (span.start > 0 and res.doc[span.start - 1].lower_ == "on")


RECENT_DAYS = 7
# verbs by which a body decides an act: the act is told as decided, on the day it was (PLOVER codes the decision)
DECIDING_VERBS = frozenset({"decide", "vote", "resolve", "opt", "choose", "elect"})
GATHERING = frozenset({"meet", "gather", "convene", "assemble"})


SAME_TIME_NOUNS = frozenset({"day", "night", "evening", "morning", "afternoon"})


def _the_same_time_as_before(token: Token, sent: Span, res: Resolution) -> DateRef | None:
    """'the same night', 'on the same day' in the event's clause: the day last named before it, in its sentence or
    the one before (a day only: 'the same day' of a month names no day)."""
    verb = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    if verb is None:
        return None
    same = next((t for t in A.clause_tokens(A.clause_head(verb)) if t.lemma_.lower() in SAME_TIME_NOUNS
                 and any(c.lower_ == "same" for c in t.children) and t.i > verb.i), None)
    if same is None:
        return None
    since = _previous_sentence_start(sent)
    earlier = [d for d in res.dates if since <= d.start and d.end <= same.idx and d.granularity == "day"
               and not _names_an_event(d, res)]
    return earlier[-1] if earlier else None


def _names_an_event(date: DateRef, res: Resolution) -> bool:
    """A date that is part of a noun's name ('the Oct. 7 attack', 'the July 4 celebrations'): which event is meant,
    not a day the story has reached."""
    span = _date_span(date, res)
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.i >= span.end


def _previous_sentence_start(sent: Span) -> int:
    """The character where the sentence before `sent` starts (its own start for the first)."""
    before = [s for s in sent.doc.sents if s.end <= sent.start]
    return before[-1].start_char if before else sent.start_char


def _stance_of_someone_present(token: Token) -> bool:
    """A reaction told in a 'who' clause on a person of the sentence's event ('a ceremony hosted by Trump, who
    hailed the accord as a breakthrough'): said there and then."""
    return token.dep_ == "relcl" and token.lemma_.lower() in REACTING | {"hail", "praise", "thank"} \
        and token.head.ent_type_ == "PERSON" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children)


def _decided_by(token: Token) -> bool:
    """An act told as what a body decided or voted ('decided on Friday to exclude X', 'voted in its Cabinet on
    Monday to end ties', which the parser may hang as a clause of purpose)."""
    if token.head.lemma_.lower() not in DECIDING_VERBS or token.head.i == token.i:
        return False
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and token.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _when_of_a_date(head: Token, res: Resolution) -> DateRef | None:
    """The date a 'when' clause describes ('relations warmed in December, when Modi made a stopover in Lahore',
    'closed since July 2023, when Benin shut it'): the clause happened then."""
    for _ in range(3):  # 'when Modi made a stopover in Lahore to meet Sharif': the meeting too
        when = next((c for c in head.children if c.lower_ == "when" and c.dep_ in ("advmod", "mark")), None)
        if head.dep_ in ("relcl", "advcl") and when is not None:
            return res.date_at.get(head.head.i) or _date_just_before(when, res)
        if head.dep_ not in ("advcl", "xcomp", "conj") or head.head.i == head.i:
            return None  # ('when Macron endorsed the plan and Algeria withdrew its ambassador': both then)
        head = head.head
    return None


def _date_just_before(when: Token, res: Resolution) -> DateRef | None:
    """The date said right before ', when' ('Relations soured last summer, when Macron endorsed ...', parsed with
    the clause hung on 'Relations'): the time the clause describes, however the parser attached it."""
    doc = when.doc
    end = when.i - 1 if when.i > 0 and doc[when.i - 1].text == "," else when.i
    if end <= 0:
        return None
    last = doc[end - 1]
    return next((d for d in res.dates if d.start <= last.idx < d.end), None)


LATER_UNITS = frozenset({"day", "hour", "moment", "minute"})


def _days_later_than(token: Token, res: Resolution) -> list[DateRef]:
    """A conjoined act told 'days later' than the dated act before it ('cut ties with Taiwan in May and established
    relations with Beijing days later'): within the days after that date, told at its granularity."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX"):
        return []
    said_later = any(t.lower_ == "later" and t.i > token.i and any(
        u.lemma_.lower() in LATER_UNITS for u in t.doc[max(t.i - 2, 0):t.i]) for t in token.subtree)
    if not said_later:
        return []
    first = _first_conjunct(token)
    before = _plain_dates([t for t in A.clause_tokens(first) if t.i < token.i], res)
    counted = _days_counted_before_later(token)
    if counted is not None:  # 'agreed to a ceasefire on October 10, but accused each other of breaking it two days
        # later': that many days after the day named
        return [_days_after(d, counted) for d in before if d.granularity == "day"][:1]
    return [d for d in before if d.granularity in ("month", "year")]


def _counted_after_a_dated_clause(token: Token, res: Resolution) -> DateRef | None:
    """'N days (weeks) after' a clause dated to the day: that many days after its date."""
    verb = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    if verb is None:
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl"
                   and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)):
        unit = next((u for u in clause.children if u.dep_ == "npadvmod" and u.lemma_.lower() in ("day", "week")), None)
        n = next((c for c in unit.children if c.dep_ == "nummod"), None) if unit is not None else None
        count = _small_count(n) if n is not None else None
        days = [d for d in _plain_dates(A.clause_tokens(clause), res) if d.granularity == "day"]
        if count is not None and unit is not None and days:
            return _days_after(days[0], count * (7 if unit.lemma_.lower() == "week" else 1))
    return None


SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}


def _days_counted_before_later(token: Token) -> int | None:
    """The N of 'N days later' in the clause of `token`, if it counts days."""
    for t in token.subtree:
        if t.lower_ == "later" and t.i > token.i and t.i >= 2 and t.doc[t.i - 1].lemma_.lower() == "day":
            value = _small_count(t.doc[t.i - 2])
            if value is not None:
                return value
    return None


def _days_counted_before(token: Token, unit: str = "day") -> int | None:
    """The N of 'N days after X did' ('a day after', 'two days after', 'hours after': 0) for the clause of `token`:
    how many days before its governing clause's date it happened (`unit` "month": the N of 'N months after')."""
    clause = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    while clause is not None and clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "after"), None) \
        if clause is not None else None
    if clause is None or mark is None:
        return None
    units = ("month",) if unit == "month" else ("day", "hour")
    for c in (*clause.children, *mark.children):  # 'two days after X hit': the count hangs on either
        if c.dep_ == "npadvmod" and c.lemma_.lower() in units:
            if c.lemma_.lower() == "hour":
                return 0
            count = next((g for g in c.children if g.dep_ in ("nummod", "det")), None)
            if count is not None and count.lower_ in ("a", "one"):
                return 1
            return _small_count(count) if count is not None else None
    return None


def _months_before(date: DateRef, months: int) -> DateRef:
    """The month `months` before the date's own (the count says no day)."""
    year, month = int(date.value[:4]), int(date.value[5:7])
    index = year * 12 + month - 1 - months
    value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return replace(date, value=value, granularity="month", reason=f"{months} months before {date.value}")


def _small_count(word: Token) -> int | None:
    """'two', '3': a count written as a word or in digits."""
    return SMALL_NUMBERS.get(word.lower_) or (int(word.text) if word.text.isdigit() else None)


def _days_after(date: DateRef, days: int) -> DateRef:
    day = dt.date.fromisoformat(date.value) + dt.timedelta(days=days)
    return replace(date, value=day.isoformat(), reason=f"{days} days after {date.value}")


def _date_of_the_doers_meeting(head: Token, res: Resolution) -> list[DateRef]:
    """The date of the meeting the subject is described at ('Arab League foreign ministers, meeting in Cairo on
    January 10, also denounced Iran', 'leaders who met in Brussels on Thursday agreed'), or of a speech or visit
    it is described making ('Raisi, speaking in Sistan-Baluchestan on May 18, demanded'): what they did there."""
    subj, _ = A.subject(head)
    if subj is None:
        return []
    return [d for c in subj.children if c.dep_ in ("acl", "relcl") and (
                c.lemma_.lower() in GATHERING or c.tag_ == "VBG" and c.lemma_.lower() in SPEAKING_AT)
            for d in _plain_dates(A.clause_tokens(c), res)]


# what a subject is described doing when it acts ('Raisi, speaking in Sistan-Baluchestan on May 18, demanded ...')
SPEAKING_AT = frozenset({"speak", "address", "talk", "visit", "tour", "appear"})


def _weekend_of(token: Token, res: Resolution) -> DateRef | None:
    """'A weekend demonstration at the US embassy drew ...' in a story of Monday: the Saturday and Sunday before
    publication (not the day the organisers spoke)."""
    if token.pos_ not in ("NOUN", "PROPN") or res.published is None or not any(
            c.lower_ == "weekend" for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")):
        return None
    value = weekend_value(last_saturday(res.published), res.published)
    return DateRef(token.idx, token.idx + len(token.text), "weekend", value, "range", "rule",
                   f"the weekend up to {res.published.isoformat()}")


ACCUSING = frozenset({"accuse", "blame", "charge", "allege", "hold"})


def _dated_directly(date: DateRef, verb: Token, res: Resolution) -> bool:
    """Whether a date hangs on the verb itself ('accused X on Monday', 'on Monday accused X'), not on a noun of
    what the verb is about."""
    for t in verb.subtree:
        if res.date_at.get(t.i) is not date:
            continue
        node = t
        while node.i != verb.i and node.head.i != node.i and (
                res.date_at.get(node.i) is date or node.dep_ in ("prep", "npadvmod", "tmod")):
            node = node.head
        if node.i == verb.i:
            return True
    return False


CLAIMS_ABOUT_THE_PAST = frozenset({"deny", "admit", "acknowledge", "confirm", "regret", "recall", "accuse", "blame"})


def recent_window(published: dt.date | None, token: Token) -> tuple[DateRef | None, str]:
    """A news report's undated event is recent: the week up to publication (never the publication day alone).

    Annotated stories date such events to the days of the news ('a two-day visit' in a story of the second day);
    a week is the narrowest interval that holds them. Without a publication date, or for a past-perfect
    background clause ('had signed'), nothing is said."""
    if published is None or RECENT_DAYS <= 0:
        return None, "none"
    verb = token if token.pos_ in ("VERB", "AUX") else A.governing_verb(token)
    if verb is not None and _past_perfect(verb) and not _reported_in_past(verb):
        return None, "none"
    start = published - dt.timedelta(days=RECENT_DAYS - 1)
    value = f"{start.isoformat()}/{published.isoformat()}"
    return DateRef(token.idx, token.idx, "", value, "week", "recent",
                   f"undated in a story of {published.isoformat()}: the week up to publication"), "recent"


def _since_clause(token: Token) -> bool:
    """Whether the trigger lies in a clause opened by 'since' ('since Russia invaded Ukraine') or in a 'since'
    phrase ('since the invasion')."""
    chain = (token, *token.ancestors)
    return any(c.lower_ == "since" and c.dep_ == "mark" for a in chain for c in a.children) \
        or any(a.dep_ == "prep" and a.lower_ == "since" for a in chain)


def _reported_in_past(verb: Token) -> bool:
    """'The minister said Tokyo had lodged a protest': a past perfect shifted back by a verb of saying in the past
    tense tells of a recent act, not of background ('... had recalled its ambassador and had summoned Brazil's':
    each conjunct as the first)."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in A.REPORTING | {"tell"}
            and verb.head.tag_ in ("VBD", "VBN"))


def main_clause_dates(sent: Span, res: Resolution) -> list[DateRef]:
    if not any(sent.start_char <= d.start < sent.end_char for d in res.dates):
        return []
    return _dates_in(A.clause_tokens(_main_verb(sent.root)), res)


def _main_verb(root: Token) -> Token:
    """The sentence's main verb: 'Tensions flared in March', which the parser reads as a noun with a participle
    right after it, is said of 'flared'."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return root
    return next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i == root.i + 1
                 and not any(a.dep_ in ("aux", "auxpass") for a in c.children)), root)


# Prepositions that set an event against another time: the date inside them is not the event's own.
AFTER_PREPS = frozenset({"after", "since", "following"})
RELATION_PREPS = AFTER_PREPS | {"before", "until", "prior"}


def _told_as_the_first(token: Token) -> bool:
    """'the first trip to China by a US secretary of state since 2018': an act told as the first of its kind."""
    return any(c.lower_ == "first" and c.dep_ in ("amod", "advmod") for c in token.children)


def _first_since(prep: Token | None) -> bool:
    """'the first North Korean leader to set foot in the South since the 1950-53 war', 'for the first time since
    2019': the 'since' measures how long nothing like it happened; the act itself is of the story's time."""
    if prep is None or prep.lower_ != "since":
        return False
    node = prep.head
    for _ in range(4):
        if _told_as_the_first(node) or (node.lower_ == "time" and any(c.lower_ == "first" for c in node.children)):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lower_ == "time" and any(f.lower_ == "first" for f in o.children) for o in c.children)
               for c in node.children):
            return True  # 'visited Seoul for the first time since 2019'
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _time_of_something_else(date: DateRef, trigger: Token, res: Resolution) -> bool:
    """A date in the clause that is not the act's: the year naming a treaty, or how long before a first act nothing
    like it happened ('the first trip to China ... since 2018')."""
    return _year_of_a_document(date, trigger, res) or (date.reason == "since" and _told_as_the_first(trigger)) \
        or _date_of_what_is_acted_on(date, trigger, res)


def _date_of_what_is_acted_on(date: DateRef, trigger: Token, res: Resolution) -> bool:
    """'condemned North Korea's nuclear test of Sept. 3': the date of the thing acted on (its 'of' phrase), not of
    the act ('the attack of Oct. 7' as the trigger keeps its own)."""
    span = _date_span(date, res)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "of":
        return False
    dated = span.root.head.head
    # also the verb it is joined to ('condemned the test of Sept. 3 and urged Pyongyang to comply')
    acting = {trigger.i, *([trigger.head.i] if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" else [])}
    return dated.pos_ == "NOUN" and dated.i != trigger.i and trigger.pos_ == "VERB" \
        and dated.lemma_.lower() not in PARTS_OF_A_DAY and any(a.i in acting for a in dated.ancestors)


# 'closed the frontier on the night of Sept. 11': a part of the day, not a thing acted on
PARTS_OF_A_DAY = frozenset({"night", "morning", "evening", "afternoon", "day", "eve", "hour", "hours", "weekend",
                            "dawn", "midnight", "noon"})


DOCUMENT_NOUNS = frozenset({"treaty", "deal", "agreement", "accord", "pact", "convention", "protocol", "charter",
                            "declaration", "memorandum", "resolution", "constitution", "ceasefire", "truce", "law",
                            "framework", "communique"})
MAKING_VERBS = frozenset({"sign", "conclude", "reach", "strike", "negotiate", "adopt", "seal", "ink", "broker",
                          "pass", "approve", "ratify", "agree", "declare"})


def _year_of_a_document(date: DateRef, trigger: Token, res: Resolution) -> bool:
    """'accused Oslo of breaking the 1920 Svalbard Treaty', 'withdrew from the 1987 treaty': the year names the
    treaty, not when the act was done (but 'signed the 2015 deal' was done then, and the deal itself is of it)."""
    span = _date_span(date, res)
    if span is None or len(span) > 2 or span.root.dep_ not in ("nummod", "compound", "amod", "nmod"):
        return False
    named = span.root.head
    if named.lemma_.lower() not in DOCUMENT_NOUNS or named.i == trigger.i or span.root.i > named.i:
        return False
    maker = named.head if named.dep_ in ("dobj", "nsubjpass") else None
    return maker is None or maker.lemma_.lower() not in MAKING_VERBS


def _a_deadline(date: DateRef, res: Resolution) -> bool:
    """A date that is the object of 'until' ('gave Moscow until Tuesday'): when time runs out, not when the act
    was done."""
    t = _date_span(date, res)
    if t is None or t.root.dep_ != "pobj":
        return False
    prep = t.root.head
    if prep.lower_ in ("until", "till"):
        return True
    if prep.lower_ in ("by", "through") and _after_publication(date, res):
        return True  # 'a goal of raising trade to $100 billion by 2030', '1 billion euros in aid through 2027': a
        # target or a period's end, not when anything was done
    # 'said France would pull out its troops by the end of the year': when a promised act is due, not the promise
    verb = prep.head
    return prep.lower_ == "by" and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in verb.children)


def _relation_prep(date: DateRef, res: Resolution) -> Token | None:
    """The 'after'/'since'/'before' a date hangs under through a noun ('after the invasion of Ukraine in February
    2022'), if any; a date that is itself the object ('after 3 March') or stands on its own gives None."""
    t = _date_span(date, res)
    if t is None:
        return None
    node, steps, through_noun = t.root, 0, False
    while node.head.i != node.i and steps < 8:
        child, node, steps = node, node.head, steps + 1
        if node.pos_ == "NOUN" and node.lemma_.lower() in TIMES_OF_DAY and not t.start <= node.i < t.end:
            return None  # 'before dawn on Saturday', 'after midnight on Friday': a time of that very day
        if node.dep_ == "prep" and node.lower_ in RELATION_PREPS:
            return node if through_noun else None  # 'after 3 March' itself dates the event
        if node.pos_ in ("VERB", "AUX"):
            return _relation_before(child) if child.dep_ == "prep" else None
        through_noun = through_noun or (node.pos_ in ("NOUN", "PROPN") and not t.start <= node.i < t.end)
    return None


TIMES_OF_DAY = frozenset({"dawn", "daybreak", "sunrise", "sunset", "dusk", "nightfall", "midnight", "noon",
                          "midday"})


def _relation_before(prep: Token) -> Token | None:
    """'withdrew after the invasion of Ukraine in February 2022' parsed with 'in February 2022' on the verb: a
    date phrase right after an 'after' phrase that ends in an event noun belongs to that noun."""
    before = next((c for c in prep.head.children if c.dep_ == "prep" and c.lower_ in RELATION_PREPS
                   and c.right_edge.i == prep.i - 1), None)  # fmt: skip
    obj = A.child(before, "pobj") if before is not None else None
    return before if obj is not None and obj.pos_ == "NOUN" else None


def _after(date: DateRef, prep: Token | None, published: dt.date | None) -> DateRef | None:
    """An event told as after (or since) another dated one (`prep`, from `_relation_prep`): from that date to
    publication, the interval the text supports; none for 'before' or without a publication date."""
    if prep is None or prep.lower_ not in AFTER_PREPS or published is None:
        return None
    start = next(iter_bounds(date.value))
    if published < start:
        return None
    return DateRef(date.start, date.end, date.text, f"{start.isoformat()}/{published.isoformat()}", "range",
                   "rule", f"after {date.value}, by publication")


def _since_the_dated_clause(verb: Token, res: Resolution) -> DateRef | None:
    """'Russia has sold oil to China since the EU banned imports of Russian crude in December 2022': what has
    gone on since a dated event runs from its date to publication."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children) or verb.tag_ != "VBN":
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children):
            dated = _plain_dates(A.clause_tokens(clause), res)
            if dated:
                return _after(dated[0], next(m for m in clause.children if m.lower_ == "since"), res.published)
    return None


def _participle_dates(noun: Token, res: Resolution) -> list[DateRef]:
    """Dates inside a past participle after an event noun ('the agreement reached on Thursday', 'the strike
    carried out on Monday'), not inside anything that participle governs further down."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    found: list[DateRef] = []
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and not _far_after(noun, c):
            found += _plain_dates(A.clause_tokens(c), res)
    if not found:  # 'restrictions on exports of rare earths that China imposed on April 4': the act's relative
        found = [d for c in _relatives_within(noun) for d in _plain_dates(A.clause_tokens(c), res)]
    if not found:  # 'a ban on goods approved by lawmakers the day before', 'sanctions on oil tankers and shipping
        # firms announced the previous day': the parser hangs the measure's participle on what it is about
        objects = [o for _p, o in A.prep_objects(noun, ("on", "against"))]
        objects += [c for o in objects for c in o.conjuncts]
        found = [d for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lemma_.lower() in ENACTING for d in _plain_dates(A.clause_tokens(c), res)]
    return found


# verbs whose object is an act: a relative clause of one of them on the act's phrase tells when it was done
DOING_AN_ACT = frozenset({"impose", "announce", "sign", "reach", "launch", "conduct", "adopt", "introduce",
                          "order", "approve", "stage", "issue", "level", "lodge", "file", "unveil", "slap"})


def _relatives_within(noun: Token) -> list[Token]:
    """Relative clauses of a verb of doing an act ('that China imposed on April 4') hung on the act noun or on a
    noun of its own phrase ('restrictions on exports of seven elements that ...'), whose object is the relative
    pronoun: what was done is the act."""
    nouns = [noun]
    for _ in range(3):
        nouns += [o for n in nouns[-1:] for _p, o in A.prep_objects(n, ("on", "of", "against"))][:1]
    return [c for n in nouns for c in n.children
            if c.dep_ == "relcl" and c.lemma_.lower() in DOING_AN_ACT and c.tag_ in ("VBD", "VBN")
            and any(g.dep_ in ("dobj", "nsubjpass") and g.lower_ in ("that", "which") for g in c.children)]


def _far_after(noun: Token, participle: Token) -> bool:
    """A participle the parser hung on a noun across another noun phrase ('sanctions on five companies in
    retaliation for an arms sale announced last month': the sale was announced): it belongs to the nearer noun."""
    between = noun.doc[noun.i + 1:participle.i]
    if participle.i > 0 and noun.doc[participle.i - 1].text == "," \
            and all(t.pos_ != "NOUN" for t in between if t.dep_ == "pobj"):
        return False  # 'the first talks between Takaichi and Xi Jinping, held on Oct. 31': names between, no act
    return any(t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" for t in between)


# Verbs that tell when an act named by a definite noun took place ('The withdrawal was completed on Thursday',
# 'The talks, held on Monday, ...', 'The attack took place on Tuesday')
TAKING_PLACE = frozenset({"complete", "finish", "conclude", "hold", "sign", "take", "happen", "occur", "begin",
                          "start", "carry", "stage", "launch"})


def dates_told_later(sent: Span, res: Resolution, lex: Lexicon) -> list[tuple[str, DateRef]]:
    """(type, date) for each act the sentence names by a definite noun and dates ('The withdrawal, completed on
    Thursday, followed a request'): an act told before, now dated. The noun must carry no party of its own."""
    out: list[tuple[str, DateRef]] = []
    for noun in sent:
        pred = lex.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if pred is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                or any(c.dep_ in ("poss", "compound", "amod") and c.i in res.actor_at for c in noun.children):
            continue
        verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # 'The withdrawal, completed ...'
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
            verbs.append(noun.head)  # 'The withdrawal was completed on Thursday', 'The attack took place ...'
        for verb in verbs:
            if verb.lemma_.lower() not in TAKING_PLACE:
                continue
            dates = [d for d in _plain_dates(A.clause_tokens(verb), res) if d.granularity == "day"]
            if dates:
                out.append((pred.reading.event, dates[0]))
                break
    return out


def _plain_dates(tokens: list[Token], res: Resolution) -> list[DateRef]:
    """The dates among `tokens` that date what the tokens tell, not another event they are set against ('after the
    invasion in February 2022')."""
    return [d for d in _dates_in(tokens, res) if _relation_prep(d, res) is None]


def _told_as_earlier(token: Token, head: Token) -> bool:
    """An event noun inside an 'after'/'following' phrase of another clause's verb ('praised X on Thursday after
    a joint operation'): it happened before that verb's date."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    if _thanked_for(token) is not None:
        return True  # 'thanked Mexico on Thursday for a shipment': made before the thanks
    if _reacted_to(token):
        return True  # 'Iran on Monday condemned the attack', 'would not be intimidated by a threat': made before
    return any(t.dep_ == "prep" and t.lower_ in ("after", "following") for t in token.ancestors
               if t.i != head.i and head in t.ancestors)


# verbs of a reaction to an act that is their object: the act came before the reaction (and its date)
REACTING = frozenset({"condemn", "denounce", "welcome", "praise", "hail", "reject", "criticize", "criticise",
                      "deplore", "slam", "applaud", "decry", "dismiss", "call", "intimidate"})


def _reacted_to(noun: Token) -> bool:
    """An act named as what a reaction is to: the object of 'condemned', 'welcomed', 'called (a provocation)', or
    the agent of a feeling ('intimidated by a threat', 'angered by the decision')."""
    head = noun.head
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in REACTING
    return (noun.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent"
            and head.head.lemma_.lower() in REACTING | FEELINGS)


def _week_up_to(date: DateRef) -> DateRef | None:
    """The week ending on a day's date (what came before it, as news tells it); None for a wider date."""
    if date.granularity != "day":
        return None
    day = dt.date.fromisoformat(date.value)
    start = day - dt.timedelta(days=RECENT_DAYS - 1)
    return DateRef(date.start, date.end, date.text, f"{start.isoformat()}/{day.isoformat()}", "week", "rule",
                   f"before {date.value}")


def _dates_in(tokens: list[Token], res: Resolution) -> list[DateRef]:
    seen: dict[int, DateRef] = {}
    for t in tokens:
        d = res.date_at.get(t.i)
        if d is not None:
            seen[d.start] = d
    return [seen[k] for k in sorted(seen)]


EVIDENCE_REACH = 15  # tokens: mentions further from the trigger are roles read off a garbled parse, not quoted


def evidence_span(token: Token, quoted: list[ActorSpan], sent: Span, res: Resolution) -> tuple[int, int]:
    """Characters from the first to the last of the trigger and the actor and recipient mentions read with it."""
    idx = [token.i]
    if token.pos_ != "VERB":  # an event noun quotes its own phrase: 'joint military drills with X'
        idx += [t.i for t in token.subtree if abs(t.i - token.i) <= EVIDENCE_REACH and t.dep_ != "relcl"]
    for s in quoted:
        near = min(abs(s.start - token.i), abs(s.end - 1 - token.i)) <= EVIDENCE_REACH
        if sent.start <= s.start < sent.end and s.end > s.start and near:
            idx += [s.start, s.end - 1]
    first, last = res.doc[min(idx)], res.doc[max(idx)]
    if token.pos_ == "VERB":
        last = max(last, max(token.subtree, key=lambda t: t.i) if len(list(token.subtree)) < 12 else last,
                   key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


# ------------------------------------------------------------------------------------------------ lists

def cooperation_list(sent: Span, res: Resolution, ctx: DocContext,
                     *, covered: list[int]) -> tuple[list[Found], int]:
    """'Bilateral cooperation includes A, B and C': each item without a trigger of its own is cooperation.

    Returns the events and the token index of the list's subject ('cooperation').
    """
    first = next((i for i in range(sent.start, sent.end) if res.lemmas[i] in LIST_VERBS and res.pos[i] == "VERB"),
                 None)
    if first is None:
        return [], -1
    verb = sent.doc[first]
    subj = A.child(verb, "nsubj")
    if subj is None or subj.lemma_.lower() not in COOPERATION_HEADS:
        return [], -1
    named = sentence_pair(sent, res)
    pair = named or ctx.current_pair()
    if pair is None:
        return [], -1
    actors = [ActorSpan.from_context(subj.i, code, "bilateral pair under discussion", end=subj.i + 1) for code in pair]
    out = []
    for start, end in _list_items(sent, verb.i + 1):
        if any(start <= res.doc[i].idx < end for i in covered):
            continue
        frame = ctx.frame()
        date, source = (frame, "context") if frame is not None else (None, "none")
        features = list_item_features(pair=pair, named_in_sentence=named is not None, sent=sent, res=res, date=date,
                                      date_source=source, sentence_index=ctx.sentence_index, evidence=(start, end))
        out.append(Found(Reading("COOPERATE", None, _item_context(res.doc.text[start:end])), actors, [], None,
                         date, source, (start, end), "list:cooperation", "context", features=features))
    return out, subj.i


def _list_items(sent: Span, start_token: int) -> list[tuple[int, int]]:
    """Character spans of the top-level comma/'and' items after a token, parentheses skipped."""
    doc = sent.doc
    items: list[tuple[int, int]] = []
    depth, item_start = 0, doc[start_token].idx
    last_and = None
    for t in doc[start_token:sent.end]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.text in (",", ";"):
            items.append((item_start, t.idx))
            item_start, last_and = t.idx + 1, None
        elif depth == 0 and t.lower_ == "and":
            last_and = t
    end = doc[sent.end - 1].idx if doc[sent.end - 1].is_punct else doc[sent.end - 1].idx + len(doc[sent.end - 1])
    if last_and is not None:
        items.append((item_start, last_and.idx))
        item_start = last_and.idx + len(last_and.text)
    items.append((item_start, end))
    text = doc.text
    return [_trim(text, a, b) for a, b in items if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _item_context(text: str) -> tuple[str, ...]:
    words = text.lower()
    if "military" in words or "army" in words or "naval" in words:
        return ("military",)
    return ("economic",)
