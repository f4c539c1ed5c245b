"""What a reader keeps in mind from sentence to sentence: the current actor, the time frame, the pair of states
under discussion ("bilateral"), and what "it" and "its" refer to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from diplograph.model import DateRef
from diplograph.nlp.resolve import ActorSpan

FRAME_REACH = 3  # sentences a stated date stays the time frame
FRAME_OPENING = 4  # tokens: a date this close to the start of its sentence sets the time frame
# where it happens
LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "throughout", "through", "across", "inside"})
OPENING_PLACE_PREPS = frozenset({"in", "at"})  # 'In Libreville, ...': the place a sentence opens in


# Militants, gunmen, an armed group: fighters who are no state's forces (coding; the relevance pass parses a
# sentence where they act in a place, whose state suffers it)
FIGHTER_WORDS = frozenset({"militant", "gunman", "gunmen", "rebel", "insurgent", "attacker", "assailant", "jihadist",
                           "fighter", "terrorist", "separatist", "bandit", "extremist", "guerrilla", "guerilla",
                           "kidnapper", "pirate", "raider", "bomber", "mercenary", "militia", "militiaman",
                           "militiamen", "tribesmen", "herdsmen"})  # plurals in -men are no word + 's'
# Crowds who protest or strike in a place: the place's state is theirs (coding; the relevance pass parses them)
CROWD_WORDS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "worker", "workers", "student",
                         "students", "farmer", "farmers", "rioter", "rioters", "striker", "strikers", "crowd",
                         "crowds"})


@dataclass
class DocContext:
    frame_date: DateRef | None = None
    frame_set_at: int = -1  # the sentence that stated the frame
    frame_place: str | None = None  # where the frame's sentence opened ('In Addis Ababa on 11 January ...')
    last_subject: list[ActorSpan] = field(default_factory=list)
    last_clause_subject: list[ActorSpan] = field(default_factory=list)  # of the last main clause naming a state
    last_possessor: ActorSpan | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    people_pair: tuple[str, str] | None = None  # the states of the two people the latest such sentence named
    last_people: list[ActorSpan] = field(default_factory=list)  # the people named, latest last (of recent sentences)
    counts: Counter[str] = field(default_factory=Counter)
    sentence_index: int = 0
    last_deal: tuple[str, ...] = ()  # the parties of the latest agreement told ('the deal' later refers to it)
    last_doers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event type -> who did the latest one
    lead_act: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None  # the story's first act: type, sides
    measure_period: DateRef | None = None  # the period the latest figure was stated for ...
    measure_period_at: int = -1  # ... in this sentence

    def set_frame(self, date: DateRef, place: str | None = None) -> None:
        self.frame_date = date
        self.frame_set_at = self.sentence_index
        self.frame_place = place

    def move_to(self, place: str) -> None:
        """A sentence opens somewhere else ('In Libreville he met ...'): the date of another place's sentence
        ('In Addis Ababa on 11 January ...') is not this one's."""
        if self.frame_place is not None and place != self.frame_place:
            self.frame_date, self.frame_place = None, None

    def frame(self) -> DateRef | None:
        """The time frame a recent sentence stated, if it is still fresh (a stale frame dates nothing)."""
        if self.frame_date is None or self.sentence_index - self.frame_set_at > FRAME_REACH:
            return None
        return self.frame_date

    def note_pair(self, a: str, b: str) -> None:
        if a and b and a != b:
            self.pairs.append((a, b))

    def note_deal(self, parties: list[str]) -> None:
        """An agreement between two or more parties: what a later 'the deal', 'the accord' refers to."""
        if len(unique := _unique(parties)) >= 2:
            self.last_deal = unique

    def note_doers(self, event: str, doers: list[str]) -> None:
        """Who did the latest event of a type: what 'the attack', 'the threat' later refers to."""
        if unique := _unique(doers):
            self.last_doers[event] = unique

    def note_lead(self, event: str, actor: list[str], recipient: list[str]) -> None:
        """The first act the story tells with a state as its doer: what 'the decision', 'the vote' or 'the summit'
        later refers to (a story leads with its news; the reactions to it come after)."""
        if self.lead_act is None and (doers := _unique(actor)):
            self.lead_act = (event, doers, _unique(recipient))

    def parties_of_lead(self, meeting: bool) -> tuple[str, ...]:
        """Who a reaction to the story's news is aimed at: who did it, or everyone at it when it was a meeting."""
        if self.lead_act is None:
            return ()
        event, actor, recipient = self.lead_act
        return _unique([*actor, *recipient]) if meeting or event == "CONSULT" else actor

    def doers_of(self, events: tuple[str, ...], besides: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
        """Who did the latest event of the first of these types the story told of by anyone but `besides` (those who
        stand on it: 'the raid' is an attack or an arrest, whichever its doers did; none: empty)."""
        for event in events:
            doers = tuple(c for c in self.last_doers.get(event, ()) if c not in besides)
            if doers:
                return doers
        return ()

    def note_people(self, people: list[ActorSpan]) -> None:
        """The people a sentence names, in order: whom a later 'him' or 'her' may mean, and, when they are of two
        states, whom 'the two leaders' later means."""
        self.last_people = (self.last_people + people)[-6:]
        if len(unique := _unique([c for p in people for c in p.states])) == 2:
            self.people_pair = (unique[0], unique[1])

    def current_pair(self, besides: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """The pair of states under discussion; with `besides`, the latest pair that holds none of those (whom a
        third state addresses as 'both governments')."""
        return next((p for p in reversed(self.pairs) if not besides & set(p)), None)

    def partner_of(self, code: str) -> str | None:
        """The other state of the latest pair that includes `code`."""
        for a, b in reversed(self.pairs[-6:]):
            if code == a:
                return b
            if code == b:
                return a
        return None


def _unique(codes: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in codes if c))
