"""One incident however many reports: events of one real occurrence in different documents are linked.

Two events report the same incident when (from different documents, or from one document that told it twice
with the same type and parties)
  - their types are the same PLOVER type, or a compatible one (`COMPATIBLE`: 'shelled' and 'seized' reports of one
    raid); a merely compatible type needs both parties to agree;
  - their parties overlap: a shared actor and a shared recipient, or one of them shared while the other report
    names nobody on that side (an actor-less 'Colombians were arrested'); events between equals, such as talks,
    also match the other way round; a state acting on itself counts as naming no recipient;
  - or one answers the other (`ANSWERED`): a denial by the accused of the accuser, a condemnation of a sanction,
    a build-up, an attack, an arrest or a pull-out by who it was done to, a complaint of a protest (or a request
    of the protesters' state, or its rejection) by the state protested against, a request of who sanctioned by
    who it hits, a demand of who detained one's people, a threat dismissed or condemned by the threatened, a
    request granted by the one asked, a welcome of an agreement by its parties, a charge against the one state
    that did an act told with nobody it was done to, told with the act or up to
    `ANSWER_LAG_DAYS` after it (also when the two types are compatible but name their parties the other way
    round);
  - their dates lie within a window set by their granularity: day and week dates one day apart at most (three for
    the same cooperation of the same parties, `ONGOING`: an exercise reported on a later day of it), month
    dates overlapping; an undated event counts from three days before its story's publication to that day; a date
    wider than `MAX_SPAN_DAYS` (a year, a range of years) is too vague to link anything;
  - their places agree where both name one: same state; two cities within `NEAR_KM`; a city and the region it
    lies in; two regions, or a region and a city of another one, within `REGION_KM`. A report sharing only one
    party joins another only at the same place when both name a place; when that one party is the state both
    took place in, only when both are attacks or coercion at one place, such as one city (a capital sees a dozen
    unrelated events a day; one drone strike on a port city on one day is one incident), or when both come from
    one article (GDELT rows of one story share its URL).

Linking is incremental and deterministic: a new event joins the incident it matches best (it must match every
report of it, so that places cannot chain from 'China' to 'Shanghai' to 'Beijing'; the best single match ranks:
type and parties first, then a report of the act before an answer to it, same place, nearest date, then the
smaller incident id), or founds an incident of
its own whose id depends only on its document and event id. Incidents are never merged afterwards; `relink`
recomputes a whole store in ingestion order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from diplograph.model import stable_id

MAX_SPAN_DAYS = 31
DAY_GAP = 1  # days allowed between two day-precise dates of one incident (time zones, overnight reports)
UNDATED_LAG_DAYS = 3  # an undated event happened at most this long before its story was published
ANSWER_LAG_DAYS = 3  # an answer to an act ('Phnom Penh protests the build-up of two days ago') comes this late at most
# acts that last days, reported on any of them ('the exercise that began on Wednesday switched to anti-submarine
# drills on Friday'): the same type between the same parties links this many days apart
ONGOING = frozenset({"COOPERATE"})
ONGOING_GAP = 3
LINK_REACH_DAYS = max(DAY_GAP, ANSWER_LAG_DAYS, ONGOING_GAP)  # how far apart two linkable windows can be
NEAR_KM = 60.0
REGION_KM = 400.0  # a city and a region (or two regions) are compatible when this close and in one state
COMPATIBLE: frozenset[frozenset[str]] = frozenset({
    frozenset({"ASSAULT", "COERCE"}),  # a raid reported as shelling in one story and as seizures in another
    frozenset({"AID", "COOPERATE"}),
    frozenset({"ACCUSE", "PROTEST"}),
    frozenset({"ACCUSE", "THREATEN"}),  # a warning, read as a complaint in one report and a threat in another
    frozenset({"THREATEN", "MOBILIZE"}),
    frozenset({"CONSULT", "AGREE"}),  # talks that ended in an agreement, told as either
    frozenset({"AGREE", "SUPPORT"}),  # an agreement signed, told as a pledge of support
    frozenset({"AGREE", "AID"}),  # aid announced, told as a pledge ('will provide') or as given ('a grant of')
})  # fmt: skip
# A report that leads with the answer to an act ('Algiers dismisses Malian charges', 'Tbilisi condemns British
# sanctions') reports the act: a rejection by the accused of the accuser, or a condemnation or rejection by the
# sanctioned of who sanctioned it, told within days, is the act's incident.
ANSWERED = frozenset({frozenset({"REJECT", "ACCUSE"}), frozenset({"ACCUSE", "SANCTION"}),
                      frozenset({"REJECT", "SANCTION"}),
                      # a protest by who was acted on, of the act ('Phnom Penh condemns Thai troop build-up')
                      *(frozenset({stance, act}) for stance in ("ACCUSE", "PROTEST")
                        for act in ("MOBILIZE", "ASSAULT", "COERCE", "RETREAT")),
                      # a complaint by the state protested against, of the protest ('Dhaka summons India's envoy
                      # over the crowd at its mission')
                      frozenset({"ACCUSE", "PROTEST"}),
                      frozenset({"SUPPORT", "AID"}),  # thanks for aid, by who got it ('Aden thanks Riyadh')
                      # a request by who was acted on, of who acted ('South Africa asks Namibia for talks on its
                      # ban', 'Beijing asks Seoul to protect its consulate' after a crowd there)
                      *(frozenset({"REQUEST", act}) for act in ("SANCTION", "PROTEST")),
                      # a demand by the state whose people were detained ('Dhaka seeks consular access to workers
                      # held in Malaysia', 'Cameroon demands the release of its citizens')
                      frozenset({"REQUEST", "COERCE"}),
                      # a threat dismissed or condemned by the threatened ('Abu Dhabi dismisses Iranian warning')
                      frozenset({"REJECT", "THREATEN"}), frozenset({"ACCUSE", "THREATEN"}),
                      # a protest or claim rejected by the state it is aimed at ('New Delhi calls the claim
                      # untenable')
                      frozenset({"REJECT", "PROTEST"}),
                      # a request granted by the one asked ('Burkina Faso says it will return the bodies')
                      frozenset({"AGREE", "REQUEST"}),
                      # an act denied by who was said to do it ('Moscow dismissed Riga's claim that it jams signals')
                      *(frozenset({"REJECT", act}) for act in ("ASSAULT", "COERCE", "MOBILIZE"))})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})  # 'A and B clashed' = 'B and A clashed'
# acts on a place: two reports at one place on one day are one act (a deployment into one region on one day too)
STRIKES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# words said rather than deeds done: a charge and its denial need not be said in one place
SAID = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE"})


@dataclass(frozen=True)
class Report:
    """What linking needs of one event: its key, type, parties, time window, place and incident."""

    doc_hash: str
    id: str
    event: str
    actor: frozenset[str]
    recipient: frozenset[str]
    start: dt.date | None
    end: dt.date | None
    country: str | None = None
    kind: str | None = None  # city | region | country
    place: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    incident: str | None = None
    confidence: float | None = None
    url: str | None = None  # the story's address: rows of one article (GDELT codes several per story) share it
    loose: bool = False  # the place's state is a guess (a place the gazetteer lacks, geo.locate.UNLISTED)

    @property
    def linkable(self) -> bool:
        return (self.start is not None and self.end is not None and bool(self.actor | self.recipient)
                and (self.end - self.start).days <= MAX_SPAN_DAYS)


def incident_id(doc_hash: str, event_id: str) -> str:
    """The id of an incident founded by this event."""
    return stable_id("incident", doc_hash, event_id)


def window(start: dt.date | None, end: dt.date | None,
           published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The days an event may have happened on: its date, or for an undated one the days before its story."""
    if start is not None and end is not None:
        return start, end
    if published is None:
        return None, None
    return published - dt.timedelta(days=UNDATED_LAG_DAYS), published


def types_compatible(a: str, b: str) -> int:
    """2 for the same type, 1 for a compatible pair, 0 otherwise."""
    if a == b:
        return 2
    return 1 if frozenset({a, b}) in COMPATIBLE else 0


def _parties(a: Report, b: Report) -> int:
    """2 when actors and recipients both overlap; 1 when one side overlaps and a report names nobody on the other
    (an actor-less passive 'Colombians were arrested', a report naming no recipient); else 0. A state acting on
    itself counts as naming no recipient (a misread report, as far as linking goes)."""
    a_recipient, b_recipient = a.recipient - a.actor, b.recipient - b.actor
    best = _direct(a.actor, a_recipient, b.actor, b_recipient)
    if a.event in SYMMETRIC or b.event in SYMMETRIC:
        best = max(best, _direct(a.actor, a_recipient, b_recipient, b.actor))
    if _together(a.actor, a_recipient, b.actor | b_recipient) or _together(b.actor, b_recipient, a.actor | a_recipient):
        best = 2  # 'Indonesia and Vietnam signed a deal' and 'Indonesia signed a deal with Vietnam'
    return best


def _together(actor: frozenset[str], recipient: frozenset[str], other_parties: frozenset[str]) -> bool:
    """Whether a report of states acting together (several actors, no recipient) names all the parties of
    another that names at least two."""
    return len(actor) >= 2 and not recipient and len(other_parties) >= 2 and other_parties <= actor


def _direct(actor: frozenset[str], recipient: frozenset[str], other_actor: frozenset[str],
            other_recipient: frozenset[str]) -> int:
    actors = 1 if actor & other_actor else (0 if actor and other_actor else -1)  # -1: one names no actor
    recipients = 1 if recipient & other_recipient else (0 if recipient and other_recipient else -1)
    if actors == 1 and recipients == 1:
        return 2
    if (actors, recipients) in ((1, -1), (-1, 1)):
        return 1
    return 0


def _dates(a: Report, b: Report, most: int = DAY_GAP) -> int | None:
    """Days between the two windows (0 when they overlap), or None when they are more than `most` apart."""
    assert a.start and a.end and b.start and b.end
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    return gap if gap <= most else None


def _places(a: Report, b: Report) -> int | None:
    """1 for the same place (or a city and the region it lies in, or two cities within NEAR_KM), 0 when one names
    none or they are only as compatible as one state (or one's state is a guess), None when they contradict."""
    if a.country is None or b.country is None:
        return 0
    if (a.loose or b.loose) and a.kind == b.kind == "city" and _same_name(a.place, b.place):
        return 1  # 'at Moc Bai' in both, whichever state each report's act put it in
    if a.country != b.country:
        return 0 if a.loose or b.loose else None  # a guessed state contradicts nothing
    if a.kind == "country" or b.kind == "country":
        return 0
    if a.place is not None and a.place == b.place and a.kind == b.kind:
        return 1
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return 0
    from diplograph.geo.gazetteer import distance_km

    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    if a.kind == "city" and b.kind == "city":
        return 1 if km <= NEAR_KM else None  # one place, or a town and the city beside it
    if a.kind == "region" and b.kind == "city" and _same_name(b.admin1, a.place):
        return 1
    if b.kind == "region" and a.kind == "city" and _same_name(a.admin1, b.place):
        return 1
    return 0 if km <= REGION_KM else None


def _same_name(a: str | None, b: str | None) -> bool:
    from diplograph.geo.gazetteer import place_key

    return a is not None and b is not None and place_key(a) == place_key(b)


def match(new: Report, old: Report) -> tuple[int, ...] | None:
    """How well `old` matches `new` as a report of the same incident (bigger is better), or None."""
    if not (new.linkable and old.linkable):
        return None
    kind = types_compatible(new.event, old.event)
    parties = _parties(new, old)
    answered = (not kind or not parties) and frozenset({new.event, old.event}) in ANSWERED and _answers(new, old)
    if answered:
        kind, parties = 1, 2
    if not kind:
        return None
    if not parties or (parties == 1 and kind == 1):
        return None  # one shared party and a merely compatible type is too little
    if new.doc_hash == old.doc_hash and (kind, parties) != (2, 2):
        return None  # two records of one story are one incident only when type and both parties agree
    gap = _answer_gap(*_answer_and_act(new, old)) if answered else _dates(
        new, old, ONGOING_GAP if (kind, parties) == (2, 2) and new.event in ONGOING else DAY_GAP)
    if gap is None and parties == 2 and (welcome := _welcome_and_deal(new, old)) is not None:
        gap = _answer_gap(*welcome)  # 'Bolivian exporters welcomed the railway accord with Chile' days after it
    if gap is None:
        return None
    place = _places(new, old)
    if place is None and answered and _answer_and_act(new, old)[0].event in SAID:
        # 'New Delhi rejects the charge the Pakistani army chief made in Kotli', 'Zimbabwe's embassy in Pretoria
        # asked for access to the Zimbabweans detained in Polokwane': an answer is said where it was said
        place = 0
    if place is None:
        return None
    if parties == 1 and not place and new.recipient | old.recipient and new.country and old.country:
        return None  # a report naming no recipient joins another only at the same place, when both name one
    same_strike = place and {new.event, old.event} <= STRIKES  # one attack on one town on one day, told twice
    if parties == 1 and _at_home(new, old) and not same_strike and not (new.url and new.url == old.url):
        return None  # one shared state at home: its capital sees a dozen unrelated events a day
    # an answer ranks below a report of the act itself as good ('Russian missiles hit the refinery' joins the
    # other reports of the strike, not Kyiv's protest at it)
    return kind + parties, not answered, place, -gap


def _welcome_and_deal(a: Report, b: Report) -> tuple[Report, Report] | None:
    """(the welcome, the agreement) when one report welcomes, between the same parties, the agreement the other
    tells: it comes with it or days after it (ANSWER_LAG_DAYS), as an answer does."""
    if {a.event, b.event} != {"SUPPORT", "AGREE"}:
        return None
    return (a, b) if a.event == "SUPPORT" else (b, a)


def _answers(a: Report, b: Report) -> bool:
    """Whether one report's sides are the other's reversed, each naming both ('Mali accused Algeria' and 'Algeria
    rejected Mali's accusation', or by one of several states it was done to), or one answers an act told with no
    one it was done to by naming who did it
    ('Algeria moved troops to the border town' and 'Mali accused Algeria of provocation')."""
    answer, act = _answer_and_act(a, b)
    if answer.event == "REJECT" and act.event in STRIKES:
        # a denial by who was said to act, to whom it was said to be done ('Moscow dismissed a claim by Latvia that
        # Russia jams navigation signals'), not a rejection of the act by who suffered it (told the other way)
        return bool(act.actor and act.recipient - act.actor) and answer.actor == act.actor \
            and answer.recipient - answer.actor == act.recipient - act.actor
    if bool(a.actor and a.recipient and b.actor and b.recipient) and a.actor == b.recipient - b.actor \
            and a.recipient - a.actor == b.actor:
        return True
    if answer.actor and act.actor and answer.actor <= act.recipient - act.actor \
            and answer.recipient - answer.actor == act.actor:
        return True  # one of the states acted on answers ('Minsk called it a provocation' of troops sent at two)
    return ANSWERING.get(answer.event, 0) > ANSWERING.get(act.event, 0) and bool(act.actor) \
        and not act.recipient and answer.recipient - answer.actor == act.actor and not answer.actor & act.actor


# which of an answered pair answers: a denial of a charge, a charge or a request of an act
ANSWERING = {"REJECT": 2, "AGREE": 2, "ACCUSE": 1, "PROTEST": 1, "SUPPORT": 1, "REQUEST": 1}


def _answer_and_act(a: Report, b: Report) -> tuple[Report, Report]:
    rank_a, rank_b = ANSWERING.get(a.event, 0), ANSWERING.get(b.event, 0)
    if rank_a == rank_b:  # a complaint of a protest: the later one answers
        return (a, b) if (a.start, a.end) > (b.start, b.end) else (b, a)
    return (a, b) if rank_a > rank_b else (b, a)


def _answer_gap(answer: Report, act: Report) -> int | None:
    """Days from the act to its answer, which comes with it or up to ANSWER_LAG_DAYS after it (None otherwise)."""
    assert answer.start and answer.end and act.start and act.end
    if (act.start - answer.end).days > DAY_GAP:
        return None  # answered before it happened
    gap = max((answer.start - act.end).days, 0)
    return gap if gap <= ANSWER_LAG_DAYS else None


def _an_answer_to_it(member: Report, report: Report, acts: set[str]) -> bool:
    """Whether an incident's member is a stance toward an act of the report's kind, or toward another of its
    members' acts (`acts`: those the report's act is compatible with) ('Minsk called the deployment a provocation',
    a member of the deployment's incident, and another report of the deployment; 'Jamaica thanked Mexico for the
    aid' and a report of Mexican sailors working with Jamaican troops on it)."""
    if types_compatible(member.event, report.event) or ANSWERING.get(member.event, 0) <= ANSWERING.get(
            report.event, 0):
        return False
    return any(frozenset({member.event, act}) in ANSWERED for act in {report.event} | acts)


def _at_home(a: Report, b: Report) -> bool:
    """Whether the one party two reports share is the state both happened in (a domestic venue)."""
    shared = (a.actor | a.recipient) & (b.actor | b.recipient)
    return bool(a.country) and a.country == b.country and shared <= {a.country}


BUCKET_DAYS = 7


def _buckets(report: Report) -> range:
    """The weeks a report's window (widened by LINK_REACH_DAYS) touches: two reports that can match share one."""
    assert report.start and report.end
    first = (report.start.toordinal() - LINK_REACH_DAYS) // BUCKET_DAYS
    return range(first, (report.end.toordinal() + LINK_REACH_DAYS) // BUCKET_DAYS + 1)


@dataclass
class Linker:
    """Links reports to incidents it has seen (stored reports it was given, and those it linked before), indexed
    by party and week so that a batch of thousands, or a whole store, links in one pass.

    A report joins an incident only when it matches every report of it (complete linkage): a report from 'China'
    and one from 'Shanghai' do not pull a third from 'Beijing' into one incident through the first."""

    _index: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    _members: dict[str, list[Report]] = field(default_factory=dict)
    # incidents a report joined (so they have two or more): the store keeps them to count incidents cheaply
    joined: set[str] = field(default_factory=set)

    def remember(self, report: Report) -> None:
        """Add an already linked report (one with its incident) to its incident."""
        if not report.linkable or report.incident is None:
            return
        self._members.setdefault(report.incident, []).append(report)
        for code in report.actor | report.recipient:
            for week in _buckets(report):
                self._index.setdefault((code, week), set()).add(report.incident)

    def candidates(self, report: Report) -> list[str]:
        found: set[str] = set()
        for code in report.actor | report.recipient:
            for week in _buckets(report):
                found |= self._index.get((code, week), set())
        return sorted(found)

    def score(self, report: Report, incident: str) -> tuple[int, ...] | None:
        """How well `report` matches the incident: its best match with one of its reports, provided it matches
        every one of them (None otherwise)."""
        best: tuple[int, ...] | None = None
        members = self._members.get(incident, ())
        # a further report of an act need not match the protest at it that joined the act (when the act is there)
        acts = {m.event for m in members if types_compatible(m.event, report.event)}
        for old in members:
            found = match(report, old)
            if found is None and acts and _an_answer_to_it(old, report, acts):
                continue
            if found is None:
                return None
            best = found if best is None else max(best, found)
        return best

    def link(self, report: Report) -> str:
        """The incident of `report`: the best-matching one it fits, or a new one it founds; it is remembered."""
        best: tuple[tuple[int, ...], str] | None = None
        if report.linkable:
            for incident in self.candidates(report):
                score = self.score(report, incident)
                # higher score first; among equals the smaller incident id, so the outcome never depends on order
                if score is not None and (best is None or score > best[0]):
                    best = (score, incident)
        incident = best[1] if best is not None else incident_id(report.doc_hash, report.id)
        if best is not None:
            self.joined.add(incident)
        self.remember(replace(report, incident=incident))
        return incident


def link_all(reports: Sequence[Report]) -> list[str]:
    """The incident of each report, linking them in the given order (a store's ingestion order)."""
    linker = Linker()
    return [linker.link(r) for r in reports]
