"""The shared vocabulary of diplograph: documents, spans, mentions, events and measures.

Every fact points back into its document through character offsets (`Evidence`), so any record can quote
the text it came from. All classes are frozen dataclasses with a JSON round trip (`to_dict` / `from_dict`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: dict/JSON round trip for the frozen dataclasses below."""

    _nested: ClassVar[dict[str, type[Record]]] = {}  # fields holding a tuple of records
    _single: ClassVar[dict[str, type[Record]]] = {}  # fields holding one record or None
    _tuples: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            if name in self._nested:
                value = [v.to_dict() for v in value]
            elif name in self._single:
                value = None if value is None else value.to_dict()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        known = _field_names(cls)
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                continue
            if name in cls._nested:
                value = tuple(cls._nested[name].from_dict(v) for v in value)
            elif name in cls._single:
                value = None if value is None else cls._single[name].from_dict(value)
            elif name in cls._tuples and value is not None:
                value = tuple(value)
            kwargs[name] = value
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The dataclass fields of a record class, in order (dataclasses.fields() is slow to call per record)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def content_hash(text: str) -> str:
    """The key of a document: SHA-256 of its text, so the same article ingested twice is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_id(*parts: object) -> str:
    """A short id that depends only on the given parts (same input, same id, on every machine)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A span of the document text that supports a fact: text == document.text[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document(Record):
    """One article. `published` is an ISO date (YYYY-MM-DD) or None when unknown."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # the file (and line) it was read from

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    """One sentence of a document; `parsed` says whether the parser read it and `cue` why (diplograph.nlp.relevance):
    a sentence that is not parsed yields no record."""

    start: int
    end: int
    text: str
    parsed: bool = True
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """A resolved participant: a state (ISO 3166 alpha-3), an organisation or a group, with sector and person."""

    code: str
    kind: str = "state"  # state | igo | group | region
    sector: str | None = None  # PLOVER-style sector: government, military, business, ...
    person: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A span of text resolved to an actor, with why: the method and the dictionary entry or chain used."""

    start: int
    end: int
    text: str
    code: str
    kind: str = "state"
    sector: str | None = None
    person: str | None = None
    method: str = "dictionary"
    reason: str = ""
    members: tuple[str, ...] = ()  # for organisations and groups: their member states

    _tuples: ClassVar[frozenset[str]] = frozenset({"members"})


@dataclass(frozen=True, slots=True)
class DateRef(Record):
    """A time expression normalised against the publication date.

    value is YYYY, YYYY-MM, YYYY-MM-DD or START/END; granularity is day, week, month, quarter, season, year or range.
    """

    start: int
    end: int
    text: str
    value: str
    granularity: str
    method: str = "rule"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A number with its unit: money as value + ISO 4217 code, percentages with their direction, tons, km, ..."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    per: str | None = None  # month, year, day, ... for rates
    qualifier: str | None = None  # over, nearly, about, up to, ...
    direction: str | None = None  # up / down for changes
    high: float | None = None  # upper bound of a range
    method: str = "rule"


# the method of a place the gazetteer lacks, kept as written, whose state is a guess (diplograph.geo.locate)
UNLISTED = "unlisted"


@dataclass(frozen=True, slots=True)
class Location(Record):
    """Where an event took place, as the text names it: `name` as written, the gazetteer `place` it resolves to
    (a city, a first-level region or a whole country), that place's region and state, its coordinates, and how it
    was resolved (`method`: gazetteer, gazetteer+context, gazetteer+population, gazetteer+owner, country, described,
    small town (a town of 500 to 15,000 people in a state the text names), the city named before ("in the city"),
    unlisted (a place the gazetteer lacks, kept as written: its state a guess, no coordinates), unlisted+described
    (... in the state the text describes it in), or imported; docs/locations.md)."""

    name: str
    place: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    evidence: Evidence | None
    method: str
    kind: str | None = None  # city | region | country

    _single: ClassVar[dict[str, type[Record]]] = {"evidence": Evidence}


@dataclass(frozen=True, slots=True)
class Event(Record):
    """A PLOVER event: who did what to whom, when, with the evidence and the rule that produced it."""

    doc: str
    event: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: str | None = None
    date: str | None = None
    date_source: str = "none"  # clause | sentence | context | none
    actor_detail: tuple[Actor, ...] = ()
    recipient_detail: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    rule: str = ""
    score: float | None = None
    id: str = ""
    kind: str = "event"
    confidence: float | None = None  # the probability that the record is right (diplograph.confidence)
    location: Location | None = None  # where it happened, when the text says so (diplograph.geo)
    incident: str | None = None  # the incident it reports, once stored (diplograph.incidents); None before

    _nested: ClassVar[dict[str, type[Record]]] = {
        "evidence": Evidence,
        "actor_detail": Actor,
        "recipient_detail": Actor,
        "quantities": Quantity,
    }
    _single: ClassVar[dict[str, type[Record]]] = {"location": Location}
    _tuples: ClassVar[frozenset[str]] = frozenset({"actor", "recipient", "context"})


@dataclass(frozen=True, slots=True)
class Measure(Record):
    """A quantity that holds between states: trade, exports, aid, debt relief, investment, reserves, ..."""

    doc: str
    measure: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    value: float
    unit: str
    evidence: tuple[Evidence, ...]
    period: str | None = None
    change_pct: float | None = None
    commodity: str | None = None
    per: str | None = None
    qualifier: str | None = None
    rule: str = ""
    id: str = ""
    kind: str = "measure"
    confidence: float | None = None  # the probability that the record is right (diplograph.confidence)

    _nested: ClassVar[dict[str, type[Record]]] = {"evidence": Evidence}
    _tuples: ClassVar[frozenset[str]] = frozenset({"actor", "recipient"})


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one document."""

    document: Document
    events: tuple[Event, ...] = ()
    measures: tuple[Measure, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=())
    # the sentences as the features count them (the relevance pass's split); None: len(sentences)
    sentence_count: int | None = None
    features: dict[str, dict[str, float]] = field(default_factory=dict)  # record id -> what the model saw

    @property
    def records(self) -> list[Event | Measure]:
        return [*self.events, *self.measures]


def record_from_dict(data: dict[str, Any]) -> Event | Measure:
    """An Event or Measure from its dict form (the `kind` field decides)."""
    if data.get("kind") == "measure":
        return Measure.from_dict(data)
    return Event.from_dict(data)


def codes(value: Any) -> set[str]:
    """The state codes of an actor field: a code, a list of codes, or a list of {"code": ...} objects."""
    if value is None:
        return set()
    if isinstance(value, str):
        return {value} - {""}
    return {item if isinstance(item, str) else item.get("code", "") for item in value} - {""}
