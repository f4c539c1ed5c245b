"""Outreach: the distinct states an actor (a state, or a person) visited or met in a window, with the evidence.

Meetings are CONSULT events (other types with `types`). For a state, its partners are the states on the other
side of each event; the role is `visited` (it is the actor of a visit), `hosted` (the recipient of one) or
`met`. For a person, the events are those whose actor or recipient details name that person.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError
from diplograph.query import rows
from diplograph.store.query import DateLike, Where, add_confidence, add_date_range, counted

if TYPE_CHECKING:
    from diplograph.store import Store


@dataclass(frozen=True)
class Meeting:
    date: str | None
    role: str  # visited | hosted | met
    event: str
    mode: str | None
    doc: str
    id: str
    evidence: str


@dataclass
class Contact:
    """One partner state: when and how often it was visited or met, and the evidence of each meeting."""

    state: str
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.meetings)

    @property
    def first(self) -> str | None:
        dates = [m.date for m in self.meetings if m.date]
        return min(dates) if dates else None

    @property
    def last(self) -> str | None:
        dates = [m.date for m in self.meetings if m.date]
        return max(dates) if dates else None

    @property
    def roles(self) -> list[str]:
        return sorted({m.role for m in self.meetings})

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state, "count": self.count, "first": self.first, "last": self.last, "roles": self.roles,
            "meetings": [_meeting(m) for m in self.meetings],
        }  # fmt: skip


def _meeting(m: Meeting) -> dict[str, Any]:
    return {"date": m.date, "role": m.role, "event": m.event, "mode": m.mode, "doc": m.doc, "id": m.id,
            "evidence": m.evidence}  # fmt: skip


@dataclass
class Outreach:
    subject: str  # the state code or the person
    person: bool
    contacts: list[Contact]  # most meetings first

    @property
    def states(self) -> list[str]:
        return sorted(c.state for c in self.contacts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "person": self.person,
            "states": self.states,
            "contacts": [c.to_dict() for c in self.contacts],
        }


_EVENTS = """
SELECT id, doc_id, event, mode, actor, recipient, date, date_start, evidence[1].text AS evidence_text, {detail}
FROM events {where}
ORDER BY date_start NULLS LAST, doc_id, id
"""


def _role(on_actor_side: bool, mode: str | None) -> str:
    if mode == "visit":
        return "visited" if on_actor_side else "hosted"
    return "met"


def _persons(detail: dict[str, Any], side: str) -> set[str]:
    return {str(a.get("person")).casefold() for a in detail.get(f"{side}_detail", []) if a.get("person")}


def _sides(row: dict[str, Any], state: str | None, person: str | None) -> list[bool]:
    """For each side the subject is on: True for the actor side, False for the recipient side."""
    if state is not None:
        return [side for side, codes in ((True, row["actor"]), (False, row["recipient"])) if state in codes]
    detail = json.loads(row["detail"])
    wanted = str(person).casefold()
    return [side for side, name in ((True, "actor"), (False, "recipient")) if wanted in _persons(detail, name)]


def outreach(
    store: Store,
    *,
    state: str | None = None,
    person: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    types: Iterable[str] = ("CONSULT",),
    min_confidence: float | None = None,
    count: str = "incidents",
) -> Outreach:
    """The states `state` (or `person`) visited, hosted or met between since and until, from the events at or
    above `min_confidence` (None: the default threshold; 0: every candidate); `count` 'incidents' counts a meeting
    reported by several stories once, 'reports' every report."""
    if (state is None) == (person is None):
        raise ConfigError("outreach: give a state or a person (one of them)")
    where = Where()
    add_confidence(where, min_confidence)
    where.add("event IN (SELECT unnest(?::VARCHAR[]))", list(types))
    if state is not None:
        where.add("list_contains(actor, ?) OR list_contains(recipient, ?)", state, state)
    else:
        where.add("contains(lower(CAST(detail AS VARCHAR)), lower(?))", person)
    add_date_range(where, "date_start", "date_end", since, until)
    where = counted(where, count)
    contacts: dict[str, Contact] = {}
    detail = "detail" if person is not None else "NULL AS detail"  # the details are read for a person only
    for row in rows(store, _EVENTS.format(where=where.sql(), detail=detail), where.params):
        for on_actor_side in _sides(row, state, person):
            others = row["recipient"] if on_actor_side else row["actor"]
            for other in others:
                if other == state:
                    continue
                meeting = _meeting_of(row, _role(on_actor_side, row["mode"]))
                contacts.setdefault(other, Contact(other)).meetings.append(meeting)
    ordered = sorted(contacts.values(), key=lambda c: (-c.count, c.state))
    return Outreach(state or str(person), state is None, ordered)


def _meeting_of(row: dict[str, Any], role: str) -> Meeting:
    evidence = row["evidence_text"] or ""
    date = row["date"] or (row["date_start"].isoformat() if isinstance(row["date_start"], dt.date) else None)
    return Meeting(date, role, row["event"], row["mode"], row["doc_id"], row["id"], evidence)
