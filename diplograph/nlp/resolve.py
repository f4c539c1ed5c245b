"""Resolution stage: actors, people, dates and quantities of one parsed document, each with its span and reason.

Reads: tokens, sentences and named entities of the spaCy Doc. Adds: a `Resolution` that the coders use, with
token-level maps so that a dependency-tree walk can ask "which state is this token?" in constant time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplograph.actors.gazetteer import Entry, Gazetteer, Person
from diplograph.model import DateRef, Mention, Quantity
from diplograph.nlp.dates import find_dates
from diplograph.nlp.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

OFFICE_SECTOR = {"head_of_state": "government", "head_of_government": "government",
                 "foreign_minister": "foreign_ministry", "defence_minister": "military"}
US_STATE_CLUES = frozenset({"Atlanta", "Savannah", "Augusta", "governor", "Governor", "Gov.", "Peach",
                            "Republican", "Democrat", "Democratic", "county", "County", "Alabama", "Florida",
                            "Carolina", "Tennessee"})
FUTURE_CUES = re.compile(r"\b(will|shall|'ll|going to|expected to|scheduled to|due to|set to|plans? to|"
                         r"planning to|intends? to|would)\b", re.I)


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

    @property
    def states(self) -> tuple[str, ...]:
        """The state codes this span stands for (an organisation is not a state: none)."""
        if self.kind in ("state", "region") or (self.kind == "group" and self.type not in ("organisation",)):
            return (self.code,) if self.code else ()
        return ()


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

    def add_actor(self, span: ActorSpan) -> None:
        self.actors.append(span)
        for i in range(span.start, span.end):
            self.actor_at[i] = span

    def mentions(self) -> list[Mention]:
        doc = self.doc
        out = []
        for a in self.actors:
            start, end = doc[a.start].idx, doc[a.end - 1].idx + len(doc[a.end - 1].text)
            out.append(Mention(start, end, doc.text[start:end], a.code, a.kind, a.sector, a.person, a.method,
                               a.reason, a.members))
        return out


def resolve(doc: Doc, gaz: Gazetteer, published: dt.date | None) -> Resolution:
    """Find every actor, date and quantity of `doc`."""
    res = Resolution(doc, published)
    _match_dictionary(res, gaz)
    _disambiguate(res)
    _corefer_surnames(res, gaz)
    for sent in doc.sents:
        _find_dates(res, sent)
        _find_quantities(res, sent)
    return res


def _person_spans(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token -> (start, end) of the multi-token PERSON entity it belongs to."""
    spans: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for i in range(ent.start, ent.end):
                spans[i] = (ent.start, ent.end)
    return spans


def _match_dictionary(res: Resolution, gaz: Gazetteer) -> None:
    doc = res.doc
    words = [t.text for t in doc]
    persons = _person_spans(doc)
    i = 0
    while i < len(words):
        form = gaz.longest_at(words, i)
        if form is None:
            i += 1
            continue
        end = i + len(form)
        target = gaz.people.get(form) or gaz.entries[form]
        if isinstance(target, Person):
            res.add_actor(_person_span(target, i, end, res.published))
        elif target.kind != "ignore" and not _inside_longer_person(persons, i, end):
            res.add_actor(_entry_span(target, i, end, gaz))
        i = end


def _inside_longer_person(persons: dict[int, tuple[int, int]], start: int, end: int) -> bool:
    span = persons.get(start)
    return span is not None and (span[1] - span[0]) > (end - start)


def _person_span(person: Person, start: int, end: int, published: dt.date | None) -> ActorSpan:
    term = person.term_on(published)
    code = person.code_on(published)
    office = term.office if term else None
    reason = f"{person.name}: {office} of {code}" if office else f"{person.name} ({code}, no office on that date)"
    return ActorSpan(start, end, code, "state", "person", OFFICE_SECTOR.get(office or "", "government"),
                     person.name, "people", reason)


def _entry_span(entry: Entry, start: int, end: int, gaz: Gazetteer) -> ActorSpan:
    return ActorSpan(start, end, entry.code, entry.kind, entry.type, entry.sector, None, "dictionary",
                     f"{entry.type} '{entry.alias}' -> {entry.code}", gaz.members(entry.code))


def _disambiguate(res: Resolution) -> None:
    """Georgia the US state, and bare 'Congo' after the other Congo was named."""
    doc = res.doc
    codes = {a.code for a in res.actors if a.type != "name" or doc[a.start].text != "Congo"}
    for n, a in enumerate(res.actors):
        text = doc[a.start:a.end].text
        if a.code == "GEO" and text == "Georgia" and _us_state_context(doc, a.start):
            res.actors[n] = _replace(a, "USA", "rule", "Georgia the US state (context)")
        elif text == "Congo" and a.code == "COG" and "COD" in codes and "COG" not in codes - {"COG"}:
            res.actors[n] = _replace(a, "COD", "rule", "bare 'Congo' after the DR Congo was named")
    res.actor_at = {i: a for a in res.actors for i in range(a.start, a.end)}


def _replace(a: ActorSpan, code: str, method: str, reason: str) -> ActorSpan:
    return ActorSpan(a.start, a.end, code, a.kind, a.type, a.sector, a.person, method, reason, a.members)


def _us_state_context(doc: Doc, i: int) -> bool:
    sent = doc[i].sent
    if any(t.text in US_STATE_CLUES for t in sent):
        return True
    before = doc[max(sent.start, i - 3):i].text
    return before.endswith("state of") or (i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN")


def _corefer_surnames(res: Resolution, gaz: Gazetteer) -> None:
    """'Kim' or 'Ri' after a full mention of Kim Jong-un or Ri Su-yong is the same person."""
    doc = res.doc
    known: dict[str, ActorSpan] = {}
    for a in sorted(res.actors, key=lambda s: s.start):
        if a.type == "person" and a.person:
            person = next(p for p in gaz.people.values() if p.name == a.person)
            known.setdefault(person.surname(), a)
    if not known:
        return
    for t in doc:
        full = known.get(t.text)
        if full is None or t.i in res.actor_at or t.i < full.start or not t.text[:1].isupper():
            continue
        res.add_actor(ActorSpan(t.i, t.i + 1, full.code, "state", "person", full.sector, full.person,
                                "coreference", f"surname of {full.person} (first named at token {full.start})"))
    res.actors.sort(key=lambda s: s.start)


def sentence_is_future(sent: Span) -> bool:
    return FUTURE_CUES.search(sent.text) is not None


def _find_dates(res: Resolution, sent: Span) -> None:
    offset = sent.start_char
    for d in find_dates(sent.text, res.published, future=sentence_is_future(sent)):
        shifted = DateRef(d.start + offset, d.end + offset, d.text, d.value, d.granularity, d.method, d.reason)
        res.dates.append(shifted)
        _index(res.doc, shifted.start, shifted.end, res.date_at, shifted)


def _find_quantities(res: Resolution, sent: Span) -> None:
    offset = sent.start_char
    for q in find_quantities(sent.text):
        shifted = Quantity(q.start + offset, q.end + offset, q.text, q.value, q.unit, q.per, q.qualifier,
                           q.direction, q.high, q.method)
        res.quantities.append(shifted)
        _index(res.doc, shifted.start, shifted.end, res.quantity_at, shifted)


def _index(doc: Doc, start: int, end: int, table: dict, value: object) -> None:  # type: ignore[type-arg]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for i in range(span.start, span.end):
            table[i] = value
