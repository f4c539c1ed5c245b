"""The read side's facts: keyset pages of events and measures with their filters, states with counts, a state's
partners and timeline, a document with its facts. The REST API, the web UI and the CLI's listings read through
these; every user value travels as a SQL parameter, column names come from code.
"""

from __future__ import annotations

import base64
import binascii
import csv
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from diplograph.confidence import lead_ids, one_sentence, passes
from diplograph.errors import ConfigError
from diplograph.model import Document, Event, Measure
from diplograph.ontology import event_quad, event_score
from diplograph.query import rows as query
from diplograph.query.timeline import Timeline
from diplograph.query.timeline import timeline as query_timeline
from diplograph.store import Store, convert
from diplograph.store.query import (
    EVENT_COLUMNS,
    MEASURE_COLUMNS,
    DateLike,
    Near,
    Where,
    confidence_sql,
    counted,
    fact_filters,
)

MAX_LIMIT = 1000
_LOW, _HIGH = dt.date(1, 1, 1), dt.date(9999, 12, 31)
_TABLES = {
    "events": ("events", EVENT_COLUMNS, "date_start"),
    "measures": ("measures", MEASURE_COLUMNS, "period_start"),
}


# --- names --------------------------------------------------------------------------------------------------------


@cache
def actor_names() -> dict[str, tuple[str, str]]:
    """code -> (name, kind) for states and organisations, from the packaged actor data."""
    names: dict[str, tuple[str, str]] = {}
    data = resources.files("diplograph.actors") / "data"
    for file, kind_column in (("states.csv", "kind"), ("organisations.csv", "kind")):
        with (data / file).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
                if code and name and code not in names:
                    names[code] = (name, (row.get(kind_column) or "state").strip() or "state")
    return names


def name_of(code: str) -> str:
    return actor_names().get(code, (code, ""))[0]


# --- facts, a keyset page at a time -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """An event or measure with the content hash of its document (ids of documents need not be unique)."""

    record: Event | Measure
    doc_hash: str
    one_sentence: bool = False  # its document is one sentence (events get the sentence threshold)
    lead: bool = False  # the lead event of a one-sentence document (confidence.lead_ids)

    @property
    def anchor(self) -> str:
        return ("e-" if isinstance(self.record, Event) else "m-") + self.record.id

    def shown(self, min_confidence: float | None = None) -> bool:
        """Whether a reader at `min_confidence` (None: the default thresholds) shows it."""
        return passes(self.record, min_confidence, self.one_sentence, self.lead)


def fact_from_row(row: dict[str, Any], kind: str = "events") -> Fact:
    """A stored event or measure row as a Fact."""
    record = convert.event_from_row(row) if kind == "events" else convert.measure_from_row(row)
    return Fact(record, row["doc_hash"], bool(row.get("one_sentence")), bool(row.get("lead")))


@dataclass
class Page:
    facts: list[Fact]
    next_cursor: str | None


@dataclass(frozen=True)
class FactFilter:
    """The filters of /api/events and /api/measures (and the events table page)."""

    state: str | None = None
    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] | None = None
    since: DateLike = None
    until: DateLike = None
    text: str | None = None
    doc: str | None = None
    min_confidence: float | None = None  # None: the default threshold; 0: every candidate
    country: str | None = None  # events: where it happened
    near: Near | None = None  # events: within a radius
    incident: str | None = None  # events: the reports of one incident

    def where(self, kind: str) -> Where:
        columns = _TABLES[kind][1]
        return fact_filters(
            columns, state=self.state, actor=self.actor, recipient=self.recipient, dyad=self.dyad,
            types=list(self.types) if self.types else None, since=self.since, until=self.until,
            text=self.text or None, doc=self.doc, min_confidence=self.min_confidence, country=self.country,
            near=self.near, incident=self.incident,
        )  # fmt: skip


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """'RUS,PRK' (or 'RUS-PRK') as a pair of codes."""
    if value is None or value == "":
        return None
    for sep in (",", "-", " "):
        if sep in value:
            left, _, right = value.partition(sep)
            if left.strip() and right.strip() and sep not in right:
                return left.strip(), right.strip()
    raise ConfigError(f"dyad: expected two codes such as RUS,PRK, got {value!r}")


def parse_types(values: Iterable[str] | None) -> tuple[str, ...] | None:
    """Repeated or comma-separated types: ('AID,AGREE', 'SANCTION') -> ('AID', 'AGREE', 'SANCTION')."""
    found = [part.strip() for value in values or () for part in value.split(",") if part.strip()]
    return tuple(found) or None


def encode_cursor(kind: str, order: str, key: tuple[str, str, int, str]) -> str:
    raw = json.dumps([kind, order, *key], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, kind: str, order: str) -> tuple[dt.date, str, int, str]:
    """The position a cursor names; a ConfigError for anything this server did not hand out."""
    problem = ConfigError("cursor: not a cursor from this listing (use the next_cursor of the previous page)")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, binascii.Error, UnicodeError):
        raise problem from None
    if not (isinstance(value, list) and len(value) == 6 and value[0] == kind and value[1] == order):
        raise problem
    _, _, day, doc_hash, seq, fact_id = value
    if not (isinstance(day, str) and isinstance(doc_hash, str) and isinstance(fact_id, str)):
        raise problem
    if not isinstance(seq, int) or isinstance(seq, bool) or not -(2**31) <= seq < 2**31:
        raise problem
    try:
        return dt.date.fromisoformat(day), doc_hash, seq, fact_id
    except ValueError:
        raise problem from None


def page_facts(
    store: Store, kind: str, filters: FactFilter, *, limit: int = 100, cursor: str | None = None, order: str = "asc"
) -> Page:
    """One page of events or measures in (date, document, position) order; `order` 'desc' gives the latest first.

    Undated facts come last either way. `next_cursor` resumes after the last fact of this page.
    """
    if kind not in _TABLES:
        raise ConfigError(f"kind: expected events or measures, got {kind!r}")
    if order not in ("asc", "desc"):
        raise ConfigError(f"order: expected asc or desc, got {order!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ConfigError(f"limit: expected 1 to {MAX_LIMIT}, got {limit}")
    table, _, start = _TABLES[kind]
    where = filters.where(kind)
    sentinel = _HIGH if order == "asc" else _LOW
    if cursor:
        compare = ">" if order == "asc" else "<"
        after = decode_cursor(cursor, kind, order)
        key = f"(coalesce({start}, ?::DATE), doc_hash, seq, id)"
        where.add(f"{key} {compare} (?::DATE, ?, ?, ?)", sentinel, *after)
        # The same bound on the date alone, which DuckDB checks against each row group's min/max to skip the
        # pages before this one (facts are stored in date order: docs/scale.md).
        if after[0] == sentinel:
            where.add(f"{start} IS NULL")
        else:
            where.add(f"{start} {compare}= ? OR {start} IS NULL", after[0])
    direction = "ASC" if order == "asc" else "DESC"
    # Ordering on the date column itself (not on the key's coalesce) lets DuckDB skip the row groups that cannot
    # hold the first `limit` rows; NULLS LAST puts undated facts where the key's sentinel does.
    sql = (
        f"SELECT * FROM {table} {where.sql()} "
        f"ORDER BY {start} {direction} NULLS LAST, doc_hash {direction}, seq {direction}, id {direction} "
        "LIMIT ?"
    )
    params = [*where.params, limit + 1]
    found = query(store, sql, params)
    more = len(found) > limit
    rows = found[:limit]
    facts = [fact_from_row(r, kind) for r in rows]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        day = last[start] or sentinel
        next_cursor = encode_cursor(kind, order, (day.isoformat(), last["doc_hash"], int(last["seq"]), last["id"]))
    return Page(facts, next_cursor)


# --- states -------------------------------------------------------------------------------------------------------

_STATE_COUNTS = """
WITH sides AS (
    SELECT doc_hash, id, unnest(actor) AS code, 'actor' AS side FROM events WHERE {kept}
    UNION ALL
    SELECT doc_hash, id, unnest(recipient) AS code, 'recipient' AS side FROM events WHERE {kept}
), measure_sides AS (
    SELECT doc_hash, id, unnest(list_concat(actor, recipient)) AS code FROM measures WHERE {kept_measures}
), e AS (
    SELECT code,
           count(DISTINCT (doc_hash, id)) AS events,
           count(*) FILTER (WHERE side = 'actor') AS as_actor,
           count(*) FILTER (WHERE side = 'recipient') AS as_recipient
    FROM sides GROUP BY code
), m AS (
    SELECT code, count(DISTINCT (doc_hash, id)) AS measures FROM measure_sides GROUP BY code
)
SELECT coalesce(e.code, m.code) AS code, coalesce(events, 0) AS events, coalesce(as_actor, 0) AS as_actor,
       coalesce(as_recipient, 0) AS as_recipient, coalesce(measures, 0) AS measures
FROM e FULL OUTER JOIN m ON e.code = m.code
ORDER BY events DESC, measures DESC, code
"""


def states(store: Store, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Every state (or organisation) named by a fact, with its counts, most events first (facts at or above
    `min_confidence`; None: the default threshold, 0: every candidate)."""
    sql = _STATE_COUNTS.format(kept=confidence_sql(min_confidence),
                               kept_measures=confidence_sql(min_confidence, kind="measure"))
    return [_state_entry(row["code"], row) for row in query(store, sql)]


def _state_entry(code: str, counts: dict[str, Any]) -> dict[str, Any]:
    name, kind = actor_names().get(code, (code, ""))
    return {"code": code, "name": name, "kind": kind or None,
            **{k: int(counts[k]) for k in ("events", "as_actor", "as_recipient", "measures")}}  # fmt: skip


_ONE_STATE_COUNTS = """
SELECT (SELECT count(*) FROM events WHERE (list_contains(actor, $1) OR list_contains(recipient, $1)) AND {kept})
           AS events,
       (SELECT coalesce(sum(len(list_filter(actor, lambda c: c = $1))), 0) FROM events
        WHERE list_contains(actor, $1) AND {kept}) AS as_actor,
       (SELECT coalesce(sum(len(list_filter(recipient, lambda c: c = $1))), 0) FROM events
        WHERE list_contains(recipient, $1) AND {kept}) AS as_recipient,
       (SELECT count(*) FROM measures WHERE (list_contains(actor, $1) OR list_contains(recipient, $1))
        AND {kept_measures})
           AS measures
"""


def state_counts(store: Store, code: str, min_confidence: float | None = None) -> dict[str, Any] | None:
    """One state's entry of `states` (None when no fact names it), without counting every other state."""
    sql = _ONE_STATE_COUNTS.format(kept=confidence_sql(min_confidence),
                                   kept_measures=confidence_sql(min_confidence, kind="measure"))
    row = query(store, sql, [code])[0]
    if not row["events"] and not row["measures"]:
        return None
    return _state_entry(code, row)


_PARTNERS = """
WITH mine AS (
    SELECT doc_hash, id, event, mode, actor, recipient FROM events
    WHERE (list_contains(actor, ?) OR list_contains(recipient, ?)) AND {kept}
), pairs AS (
    SELECT doc_hash, id, event, mode, unnest(recipient) AS partner, 'out' AS direction
    FROM mine WHERE list_contains(actor, ?)
    UNION ALL
    SELECT doc_hash, id, event, mode, unnest(actor) AS partner, 'in' AS direction
    FROM mine WHERE list_contains(recipient, ?)
)
SELECT partner, direction, event, mode, count(DISTINCT (doc_hash, id)) AS n
FROM pairs WHERE partner <> ?
GROUP BY ALL ORDER BY partner, direction, event
"""


@dataclass
class Partner:
    """The one partner summary (the web UI's state page and API, and the briefs, which add their quoted measures):
    a state on the other side of a state's events, or beside it as a co-actor; how many events, in which
    direction, of which quads, their PLOVER scores, and how many measures name both."""

    code: str
    name: str
    events: int = 0
    outgoing: int = 0  # the state as actor, the partner as recipient
    incoming: int = 0  # the partner as actor, the state as recipient
    quads: dict[str, int] = field(default_factory=dict)
    score_sum: float = field(default=0.0, repr=False)
    scored: int = field(default=0, repr=False)  # events with a PLOVER score
    measure_count: int = 0

    def add_events(self, n: int, *, quad: str | None, score_sum: float, scored: int,
                   direction: str | None = None) -> None:  # fmt: skip
        """Count `n` events of one quad whose scores add up to `score_sum` over `scored` of them; direction 'out'
        (the state acted), 'in' (the partner acted) or None (acting together)."""
        self.events += n
        if direction == "out":
            self.outgoing += n
        elif direction == "in":
            self.incoming += n
        if quad:
            self.quads[quad] = self.quads.get(quad, 0) + n
        self.score_sum += score_sum
        self.scored += scored

    @property
    def mean_score(self) -> float | None:
        return round(self.score_sum / self.scored, 3) if self.scored else None

    def to_dict(self) -> dict[str, Any]:
        # 'by_quad' (quads with events) is the API's name for `quads` since version 1 of the API
        return {
            "code": self.code, "name": self.name, "events": self.events, "outgoing": self.outgoing,
            "incoming": self.incoming, "by_quad": {q: n for q, n in self.quads.items() if n},
            "mean_score": self.mean_score,
        }  # fmt: skip


def partners(store: Store, code: str, min_confidence: float | None = None) -> list[Partner]:
    """The states `code` has events with, most events first; an event naming both directions counts twice."""
    found: dict[str, Partner] = {}
    sql = _PARTNERS.format(kept=confidence_sql(min_confidence))
    for row in query(store, sql, [code, code, code, code, code]):
        partner = found.setdefault(row["partner"], Partner(row["partner"], name_of(row["partner"])))
        n = int(row["n"])
        score = event_score(row["event"], row["mode"])
        partner.add_events(n, quad=event_quad(row["event"]), score_sum=score * n if score is not None else 0.0,
                           scored=n if score is not None else 0, direction=row["direction"])
    return sorted(found.values(), key=lambda p: (-p.events, p.code))


@dataclass
class PlaceCount:
    """A place where events happened (as their locations name it), how many (an incident counts once, at the place
    of its most confident located report) and of which quads."""

    place: str
    kind: str | None
    admin1: str | None
    country: str | None
    lat: float
    lon: float
    events: int = 0
    quads: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return map_label(self.place, self.kind, self.country)


def map_label(name: str, kind: str | None, country: str | None) -> str:
    """A place as the maps label it: its name and state ("Athens, GRC"), a country by its name alone."""
    return name if kind == "country" or not country else f"{name}, {country}"


# Located events by place and type: a few rows however many events. Read by the web's state page and the briefs.
PLACES_SQL = """
SELECT coalesce(location.place, location.name) AS place, location.kind AS kind, location.admin1 AS admin1,
       location.country AS country, avg(location.lat) AS lat, avg(location.lon) AS lon, event, count(*) AS n
FROM events {where}
GROUP BY 1, 2, 3, 4, event
"""


def places_where(where: Where, count: str = "incidents") -> Where:
    """`where` for PLACES_SQL: located events only, one per incident (its most confident located report) unless
    `count` is 'reports'."""
    located = Where(list(where.clauses), list(where.params))
    located.add("location.lat IS NOT NULL AND location.lon IS NOT NULL")
    return counted(located, count)


def place_counts(found: Iterable[dict[str, Any]]) -> list[PlaceCount]:
    """The rows of PLACES_SQL as places, most events first."""
    places: dict[tuple[Any, ...], PlaceCount] = {}
    for row in found:
        key = (row["place"], row["kind"], row["admin1"], row["country"])
        place = places.setdefault(key, PlaceCount(*key, float(row["lat"]), float(row["lon"])))
        quad = event_quad(row["event"]) or "other"
        place.events += int(row["n"])
        place.quads[quad] = place.quads.get(quad, 0) + int(row["n"])
    return sorted(places.values(), key=lambda p: (-p.events, p.label, p.lat, p.lon))


def located_places(store: Store, filters: FactFilter, count: str = "incidents") -> list[PlaceCount]:
    """Where the events that `filters` keep happened (those with coordinates), most events first."""
    where = places_where(filters.where("events"), count)
    return place_counts(query(store, PLACES_SQL.format(where=where.sql()), where.params))


def timeline(store: Store, filters: FactFilter, count: str = "incidents") -> Timeline:
    """The events the filters keep, by year or month (diplograph.query.timeline, granularity auto); `count`
    'incidents' counts an incident once, 'reports' every event."""
    return query_timeline(store, counted(filters.where("events"), count))


# --- documents ----------------------------------------------------------------------------------------------------


@dataclass
class DocumentView:
    document: Document
    hash: str
    facts: list[Fact]


def document_view(store: Store, doc: str) -> DocumentView | None:
    """A document (by id or content hash) with its events and measures in order of their first evidence."""
    extraction = store.extraction(doc)
    if extraction is None:
        return None
    digest = extraction.document.hash
    records: list[Event | Measure] = [*extraction.events, *extraction.measures]
    single, leads = one_sentence(extraction), lead_ids(extraction)
    facts = [Fact(r, digest, single, r.id in leads) for r in records]
    facts.sort(key=lambda f: (f.record.evidence[0].start if f.record.evidence else -1, f.anchor))
    return DocumentView(extraction.document, digest, facts)


def search_documents(store: Store, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Documents whose id, title or text contains `text` (case-insensitive; no pattern characters)."""
    return query(
        store,
        "SELECT hash, id, title, published_text AS published, source FROM documents "
        "WHERE contains(lower(id), lower(?)) OR contains(lower(coalesce(title, '')), lower(?)) "
        "OR contains(lower(text), lower(?)) ORDER BY published NULLS LAST, id, hash LIMIT ?",
        [text, text, text, limit],
    )


def list_documents(store: Store, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stored documents (no text), by publication date, with their counts of facts."""
    return query(
        store,
        "SELECT d.hash, d.id, d.title, d.published_text AS published, d.source, d.url, length(d.text) AS chars, "
        f"(SELECT count(*) FROM events e WHERE e.doc_hash = d.hash AND {confidence_sql(None, 'e.confidence')}) "
        "AS events, "
        "(SELECT count(*) FROM measures m WHERE m.doc_hash = d.hash AND "
        f"{confidence_sql(None, 'm.confidence', 'measure')}) AS measures "
        "FROM documents d ORDER BY d.published NULLS LAST, d.id, d.hash LIMIT ? OFFSET ?",
        [limit, offset],
    )


def score_of(record: Event | Measure) -> float | None:
    return event_score(record.event, record.mode) if isinstance(record, Event) else None


def quad_of(record: Event | Measure) -> str:
    return (event_quad(record.event) or "other") if isinstance(record, Event) else "measure"
