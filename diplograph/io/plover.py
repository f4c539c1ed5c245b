"""PLOVER JSON (newline-delimited, POLECAT-like records): export and import.

One record a line, with the fields of the PLOVER manual's JSON table (id, date, enddate, actor, recipient,
event, mode, context, quad_code, event_scale, event_text, cite_info, coder) and a few of diplograph's own:
`date_text` (the date as stored: '2014-05', '2014-05-01/2014-06-30'), `evidence` (spans into the source
document), `rule`. Importing groups the records by their source document (cite_info.doc): the stored document's
text is the evidence texts of its records, one a line, then a line naming the source.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from diplograph.io._common import ImportReport, RowProblem, open_text, store_extractions
from diplograph.model import Actor, Document, Event, Evidence, Extraction, Location

if TYPE_CHECKING:
    from diplograph.store import Store

QUAD_CODE = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


def _entities(codes: Iterable[str], details: Iterable[Actor]) -> list[dict[str, Any]]:
    by_code = {d.code: d for d in details}
    out = []
    for code in codes:
        detail = by_code.get(code)
        entity: dict[str, Any] = {"code": code}
        if detail is not None:
            entity.update({k: v for k, v in detail.to_dict().items() if v is not None and k != "code"})
        out.append(entity)
    return out


def plover_record(event: Event, document: dict[str, Any] | None) -> dict[str, Any]:
    """The PLOVER JSON record of an event (`document`: its source's id, url, title, source, published_text)."""
    from diplograph import ontology
    from diplograph.store.convert import date_bounds

    start, end = date_bounds(event.date)
    doc = document or {}
    return {
        "id": event.id,
        "date": start.isoformat() if start else None,
        "enddate": end.isoformat() if end and end != start else None,
        "date_text": event.date,
        "actor": _entities(event.actor, event.actor_detail),
        "recipient": _entities(event.recipient, event.recipient_detail),
        "event": [event.event],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "quad_code": QUAD_CODE.get(ontology.quad(event.event)),
        "event_scale": ontology.plover_score(event.event, event.mode)
        if event.mode
        else ontology.plover_score(event.event),
        "event_text": [e.text for e in event.evidence],
        "evidence": [e.to_dict() for e in event.evidence],
        "cite_info": {
            "doc": event.doc,
            "url": doc.get("url"),
            "title": doc.get("title"),
            "source": doc.get("source"),
            "published": doc.get("published_text"),
        },  # fmt: skip
        "coder": "diplograph",
        "rule": event.rule,
        "geolocation": _geolocation(event.location),
    }


def _geolocation(location: Location | None) -> dict[str, Any] | None:
    """Where the event happened, in POLECAT's geolocation terms (None when the text names no place)."""
    if location is None:
        return None
    return {
        "placename": location.place or location.name, "text": location.name, "admin1_name": location.admin1,
        "country_code3": location.country, "lat": location.lat, "lon": location.lon, "feature_class": location.kind,
        "method": location.method,
    }  # fmt: skip


def _location(value: Any) -> Location | None:
    """A PLOVER record's geolocation back as a Location (its evidence is not kept: the text is the record's)."""
    if not isinstance(value, dict) or not (value.get("placename") or value.get("text")):
        return None
    return Location(name=str(value.get("text") or value.get("placename")), place=value.get("placename"),
                    admin1=value.get("admin1_name"), country=value.get("country_code3"), lat=_number(value.get("lat")),
                    lon=_number(value.get("lon")), evidence=None, method="imported",
                    kind=value.get("feature_class"))  # fmt: skip


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def write_plover(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- import ------------------------------------------------------------------------------------------------------


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


def _side(entities: Any) -> tuple[tuple[str, ...], tuple[Actor, ...]]:
    if not isinstance(entities, list):
        return (), ()
    codes, details = [], []
    for entity in entities:
        if isinstance(entity, str):
            entity = {"code": entity}
        if not isinstance(entity, dict) or not entity.get("code"):
            continue
        codes.append(str(entity["code"]))
        if set(entity) - {"code"}:
            details.append(Actor.from_dict(entity))
    return tuple(codes), tuple(details)


def _check(record: Any) -> str | None:
    from diplograph import ontology

    if not isinstance(record, dict):
        return "record: not a JSON object"
    if not record.get("id"):
        return "id: missing"
    event, mode = _first(record.get("event")), _first(record.get("mode"))
    if event is None:
        return "event: missing"
    problems = ontology.validate_event(event, mode, record.get("context") or [])
    return f"event: {'; '.join(problems)}" if problems else None


def _texts(record: dict[str, Any]) -> list[str]:
    texts = [str(t) for t in record.get("event_text") or [] if t]
    return texts or [f"PLOVER record {record['id']}"]


def _document(key: str, records: list[dict[str, Any]]) -> tuple[Document, dict[str, int]]:
    """One document for the records of one source: each distinct evidence text on a line, then the source."""
    offsets: dict[str, int] = {}
    text = ""
    for record in records:
        for part in _texts(record):
            if part not in offsets:
                offsets[part] = len(text)
                text += part + "\n"
    cite = records[0].get("cite_info") or {}
    text += f"[source: {key}{' ' + cite['url'] if cite.get('url') else ''}]"
    document = Document(id=key, text=text, published=cite.get("published"), title=cite.get("title"),
                        url=cite.get("url"), source=cite.get("source"), origin=None)  # fmt: skip
    return document, offsets


def _event(record: dict[str, Any], doc_id: str, offsets: dict[str, int]) -> Event:
    evidence = tuple(Evidence(offsets[t], offsets[t] + len(t), t) for t in _texts(record))
    actor, actor_detail = _side(record.get("actor"))
    recipient, recipient_detail = _side(record.get("recipient"))
    date = record.get("date_text") or record.get("date")
    if record.get("enddate") and not record.get("date_text"):
        date = f"{record['date']}/{record['enddate']}"
    return Event(
        doc=doc_id, event=str(_first(record["event"])), mode=_first(record.get("mode")),
        context=tuple(record.get("context") or ()), actor=actor, recipient=recipient, evidence=evidence, date=date,
        date_source="sentence" if date else "none", actor_detail=actor_detail, recipient_detail=recipient_detail,
        rule=str(record.get("rule") or "import:plover"), id=str(record["id"]),
        location=_location(record.get("geolocation")),
    )  # fmt: skip


def _grouped(path: str | Path, report: ImportReport) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    with open_text(path) as stream:
        for line, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            report.rows += 1
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                report.problems.append(RowProblem(line, None, f"json: {exc.msg}"))
                continue
            problem = _check(record)
            if problem:
                ident = str(record.get("id")) if isinstance(record, dict) and record.get("id") else None
                report.problems.append(RowProblem(line, ident, problem))
                continue
            key = str((record.get("cite_info") or {}).get("doc") or f"plover:{record['id']}")
            groups.setdefault(key, []).append(record)
    return groups


def _extractions(groups: dict[str, list[dict[str, Any]]]) -> Iterator[Extraction]:
    for key, records in groups.items():
        document, offsets = _document(key, records)
        events = _unique_ids([_event(r, document.id, offsets) for r in records])
        yield Extraction(document=document, events=tuple(events))


def _unique_ids(events: list[Event]) -> list[Event]:
    """A repeated id within one document gets -2, -3, ... (the store keys events by document and id)."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for event in events:
        seen[event.id] = seen.get(event.id, 0) + 1
        out.append(event if seen[event.id] == 1 else replace(event, id=f"{event.id}-{seen[event.id]}"))
    return out


def import_plover(store: Store, path: str | Path, *, batch_size: int = 500) -> ImportReport:
    """Import PLOVER JSON lines (as `export(..., 'plover', ...)` writes them, or POLECAT-like records)."""
    report = ImportReport("plover", str(path), layout="jsonl")
    groups = _grouped(path, report)
    store_extractions(store, _extractions(groups), report, batch_size)
    return report
