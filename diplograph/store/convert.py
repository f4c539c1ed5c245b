"""Model objects <-> store rows: Arrow tables for writing, dicts from query results for reading."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from diplograph.confidence import lead_ids, one_sentence
from diplograph.model import (
    Actor,
    DateRef,
    Document,
    Event,
    Evidence,
    Extraction,
    Location,
    Measure,
    Mention,
    Quantity,
    stable_id,
)

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.IGNORECASE)

DateBounds = tuple[date | None, date | None]


def _single_bounds(value: str) -> DateBounds:
    """First and last day of YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www; (None, None) if not one of them."""
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _QUARTER.match(value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        pass
    return None, None


def date_bounds(value: str | None) -> DateBounds:
    """The first and last day covered by a date value; 'A/B' ranges run from the start of A to the end of B."""
    if not value:
        return None, None
    text = value.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        start, end = _single_bounds(left.strip())[0], _single_bounds(right.strip())[1]
        return (start, end) if start and end and start <= end else (None, None)
    return _single_bounds(text)


# --- writing -----------------------------------------------------------------------------------------------------


def _evidence(record: Event | Measure) -> list[dict[str, Any]]:
    return [{"start": e.start, "end": e.end, "text": e.text} for e in record.evidence]


def record_id(doc_hash: str, record: Event | Measure, seq: int) -> str:
    """The stored id: the record's own, or a stable one from its document and position when it has none."""
    return record.id or stable_id(doc_hash, record.kind, seq)


def document_row(doc: Document, ingested_at: datetime) -> dict[str, Any]:
    return {
        "hash": doc.hash,
        "id": doc.id,
        "text": doc.text,
        "published": date_bounds(doc.published)[0],
        "published_text": doc.published,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "origin": doc.origin,
        "ingested_at": ingested_at,
    }


def event_row(doc_hash: str, event: Event, seq: int, one_sentence: bool = False, lead: bool = False) -> dict[str, Any]:
    start, end = date_bounds(event.date)
    detail = {
        "actor_detail": [a.to_dict() for a in event.actor_detail],
        "recipient_detail": [a.to_dict() for a in event.recipient_detail],
        "quantities": [q.to_dict() for q in event.quantities],
    }
    return {
        "doc_hash": doc_hash,
        "id": record_id(doc_hash, event, seq),
        "seq": seq,
        "doc_id": event.doc,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "aux": event.aux,
        "actor": list(event.actor),
        "recipient": list(event.recipient),
        "date": event.date,
        "date_start": start,
        "date_end": end,
        "date_source": event.date_source,
        "rule": event.rule,
        "score": event.score,
        "evidence": _evidence(event),
        "detail": json.dumps(detail, ensure_ascii=False),
        "confidence": event.confidence,
        "location": location_row(event.location),
        "incident": event.incident,
        "shared": None,  # set when the event is linked (store.links)
        "one_sentence": one_sentence,
        "lead": lead,
    }


def location_row(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    evidence = location.evidence
    return {
        "name": location.name, "place": location.place, "admin1": location.admin1, "country": location.country,
        "lat": location.lat, "lon": location.lon, "kind": location.kind, "method": location.method,
        "start": evidence.start if evidence else None, "end": evidence.end if evidence else None,
        "text": evidence.text if evidence else None,
    }  # fmt: skip


def location_from_row(value: dict[str, Any] | None) -> Location | None:
    if not value:
        return None
    evidence = None if value.get("start") is None else Evidence(value["start"], value["end"], value["text"])
    return Location(name=value["name"], place=value["place"], admin1=value["admin1"], country=value["country"],
                    lat=value["lat"], lon=value["lon"], evidence=evidence, method=value["method"], kind=value["kind"])


def measure_row(doc_hash: str, measure: Measure, seq: int) -> dict[str, Any]:
    start, end = date_bounds(measure.period)
    return {
        "doc_hash": doc_hash,
        "id": record_id(doc_hash, measure, seq),
        "seq": seq,
        "doc_id": measure.doc,
        "measure": measure.measure,
        "actor": list(measure.actor),
        "recipient": list(measure.recipient),
        "value": measure.value,
        "unit": measure.unit,
        "period": measure.period,
        "period_start": start,
        "period_end": end,
        "change_pct": measure.change_pct,
        "commodity": measure.commodity,
        "per": measure.per,
        "qualifier": measure.qualifier,
        "rule": measure.rule,
        "evidence": _evidence(measure),
        "confidence": measure.confidence,
    }


def mention_rows(doc_hash: str, extraction: Extraction) -> list[dict[str, Any]]:
    groups: Sequence[tuple[str, Sequence[Mention | DateRef | Quantity]]] = (
        ("actor", extraction.mentions),
        ("date", extraction.dates),
        ("quantity", extraction.quantities),
    )
    return [
        {
            "doc_hash": doc_hash,
            "kind": kind,
            "seq": seq,
            "start": item.start,
            "end": item.end,
            "text": item.text,
            "payload": json.dumps(item.to_dict(), ensure_ascii=False),
        }
        for kind, items in groups
        for seq, item in enumerate(items)
    ]


def batch_rows(extractions: Iterable[Extraction], ingested_at: datetime) -> dict[str, list[dict[str, Any]]]:
    """Rows for each table from extractions whose documents are all new (and distinct)."""
    rows: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "measures": [], "mentions": []}
    for extraction in extractions:
        doc_hash = extraction.document.hash
        rows["documents"].append(document_row(extraction.document, ingested_at))
        single, leads = one_sentence(extraction), lead_ids(extraction)
        rows["events"].extend(event_row(doc_hash, e, i, single, e.id in leads) for i, e in enumerate(extraction.events))
        rows["measures"].extend(measure_row(doc_hash, m, i) for i, m in enumerate(extraction.measures))
        rows["mentions"].extend(mention_rows(doc_hash, extraction))
    return rows


# --- reading -----------------------------------------------------------------------------------------------------


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        published=row["published_text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        origin=row["origin"],
    )


def event_from_row(row: dict[str, Any]) -> Event:
    # Built field by field rather than through Event.from_dict: pages of events convert thousands of rows a second.
    detail = json.loads(row["detail"])
    return Event(
        doc=row["doc_id"],
        event=row["event"],
        actor=tuple(row["actor"]),
        recipient=tuple(row["recipient"]),
        evidence=tuple(Evidence(e["start"], e["end"], e["text"]) for e in row["evidence"]),
        mode=row["mode"],
        context=tuple(row["context"]),
        aux=row["aux"],
        date=row["date"],
        date_source=row["date_source"],
        actor_detail=tuple(Actor.from_dict(a) for a in detail.get("actor_detail", ())),
        recipient_detail=tuple(Actor.from_dict(a) for a in detail.get("recipient_detail", ())),
        quantities=tuple(Quantity.from_dict(q) for q in detail.get("quantities", ())),
        rule=row["rule"],
        score=row["score"],
        id=row["id"],
        confidence=row.get("confidence"),
        location=location_from_row(row.get("location")),
        incident=row.get("incident"),
    )


def measure_from_row(row: dict[str, Any]) -> Measure:
    fields = ("measure", "actor", "recipient", "value", "unit", "evidence", "period", "change_pct", "commodity")
    data = {name: row.get(name) for name in (*fields, "per", "qualifier", "rule", "id", "confidence")}
    return Measure.from_dict({"doc": row["doc_id"], **data})


_MENTION_CLASSES: dict[str, type[Mention] | type[DateRef] | type[Quantity]] = {
    "actor": Mention,
    "date": DateRef,
    "quantity": Quantity,
}


def mention_from_row(row: dict[str, Any]) -> Mention | DateRef | Quantity:
    return _MENTION_CLASSES[row["kind"]].from_dict(json.loads(row["payload"]))
