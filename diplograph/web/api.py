"""The JSON API under /api: the same library functions as the pages and the command line.

Reads are open to anyone. Writes (POST) need `Authorization: Bearer <token>` (the server's token, from
DIPLOGRAPH_TOKEN) and are rate-limited per client; without a configured token the server takes no writes.
The server never fetches a URL and never opens a path a client names: posted bytes are read in memory.
"""

from __future__ import annotations

import gzip
import io
import time
import zlib
from collections.abc import Iterator
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from diplograph import analytics
from diplograph.errors import ConfigError
from diplograph.ingest.base import ReadProblem, Source, guarded
from diplograph.ingest.corpus import read_jsonl
from diplograph.ingest.dates import normalise_date
from diplograph.ingest.sources import LINE_SUFFIXES, WHOLE_FILE_READERS, split_name, unknown_format
from diplograph.ingest.stdin import read_stdin
from diplograph.model import Document, content_hash
from diplograph.output import record_dict, write_csv
from diplograph.query import facts as query_facts
from diplograph.query import incidents as query_incidents
from diplograph.store import Store
from diplograph.store.query import Near
from diplograph.watch import alerts as watch_alerts
from diplograph.web.hub import Hub, Job
from diplograph.web.security import token_matches

router = APIRouter(prefix="/api")
MAX_UNZIPPED = 50 * 1024 * 1024
WAIT_SECONDS = 300

Code = Annotated[str, Query(min_length=1, max_length=64)]
OptText = Annotated[str | None, Query(max_length=500)]
OptDate = Annotated[str | None, Query(max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Period = Annotated[str, Query(min_length=1, max_length=64, description="YYYY, YYYY-MM, YYYY-MM-DD or START/END")]
MinConfidence = Annotated[float | None, Query(
    ge=0.0, le=1.0, description="keep facts at or above this confidence (default: the model's threshold; 0: all)")]
Types = Annotated[
    list[str] | None, Query(max_length=50, description="PLOVER types (events) or measure kinds, repeated or a,b")
]


def reader(request: Request) -> Iterator[Store]:
    with request.app.state.hub.reader() as store:
        yield store


StoreDep = Annotated[Store, Depends(reader)]


def hub_of(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


# --- reads ----------------------------------------------------------------------------------------------------------


@router.get("/stats", summary="Counts of documents, events, measures and mentions")
def stats(store: StoreDep) -> dict[str, Any]:
    result = store.stats()
    result.pop("path", None)
    return result


def _fact_filter(
    state: str | None, actor: str | None, recipient: str | None, dyad: str | None, types: list[str] | None,
    since: str | None, until: str | None, text: str | None, doc: str | None, min_confidence: float | None,
    *, country: str | None = None, near: str | None = None, incident: str | None = None,
) -> query_facts.FactFilter:  # fmt: skip
    return query_facts.FactFilter(
        state=state or None, actor=actor or None, recipient=recipient or None,
        dyad=query_facts.parse_dyad(dyad), types=query_facts.parse_types(types), since=since or None,
        until=until or None, text=text or None, doc=doc or None,
        min_confidence=min_confidence, country=country or None, near=Near.parse(near) if near else None,
        incident=incident or None,
    )  # fmt: skip


def _facts_response(request: Request, page: query_facts.Page, fmt: str, kind: str) -> Response:
    link_headers: dict[str, str] = {}
    if page.next_cursor:
        params = dict(request.query_params)
        params["cursor"] = page.next_cursor
        from urllib.parse import urlencode

        link_headers["Link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'
        link_headers["X-Next-Cursor"] = page.next_cursor
    if fmt == "csv":
        out = io.StringIO()
        write_csv([f.record for f in page.facts], out)
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={**link_headers, "Content-Disposition": f'attachment; filename="{kind}.csv"'},
        )
    items = [{**record_dict(f.record), "doc_hash": f.doc_hash} for f in page.facts]
    return JSONResponse({"items": items, "count": len(items), "next_cursor": page.next_cursor}, headers=link_headers)


Country = Annotated[str | None, Query(max_length=64, description="where it happened: the ISO3 code of its state")]
NearPoint = Annotated[str | None, Query(
    max_length=100, description="where it happened: within KM of a point, LAT,LON,KM (e.g. 37.98,23.73,50)")]
BAD_FILTER: dict[int | str, dict[str, Any]] = {
    400: {"description": "A bad filter (problem details)", "content": {"application/problem+json": {}}},
}
FACT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of records (JSON: items, count, next_cursor; CSV: one row a record). "
        "The Link header (rel=next) and X-Next-Cursor name the next page.",
        "content": {"application/json": {}, "text/csv": {}},
    },
    400: {"description": "A bad filter or cursor (problem details)", "content": {"application/problem+json": {}}},
}


@router.get("/events", summary="Events, filtered, a page at a time", responses=FACT_RESPONSES)
def events(
    request: Request,
    store: StoreDep,
    actor: OptText = None,
    recipient: OptText = None,
    state: Annotated[str | None, Query(max_length=500, description="actor or recipient")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="two codes, either direction: RUS,PRK")] = None,
    type: Types = None,
    since: OptDate = None,
    until: OptDate = None,
    text: Annotated[str | None, Query(max_length=500, description="words in the evidence (any case)")] = None,
    doc: Annotated[str | None, Query(max_length=500, description="a document id or content hash")] = None,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
    order: Literal["asc", "desc"] = "asc",
    format: Literal["json", "csv"] = "json",
    min_confidence: MinConfidence = None,
    country: Country = None,
    near: NearPoint = None,
    incident: Annotated[str | None, Query(max_length=200, description="the reports of one incident (its id)")] = None,
) -> Response:
    filters = _fact_filter(state, actor, recipient, dyad, type, since, until, text, doc, min_confidence,
                           country=country, near=near, incident=incident)  # fmt: skip
    page = query_facts.page_facts(store, "events", filters, limit=limit, cursor=cursor, order=order)
    return _facts_response(request, page, format, "events")


@router.get("/measures", summary="Measures, filtered, a page at a time", responses=FACT_RESPONSES)
def measures(
    request: Request,
    store: StoreDep,
    actor: OptText = None,
    recipient: OptText = None,
    state: Annotated[str | None, Query(max_length=500, description="actor or recipient")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="two codes, either direction: RUS,PRK")] = None,
    measure: Types = None,
    since: OptDate = None,
    until: OptDate = None,
    text: Annotated[str | None, Query(max_length=500)] = None,
    doc: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
    order: Literal["asc", "desc"] = "asc",
    format: Literal["json", "csv"] = "json",
    min_confidence: MinConfidence = None,
) -> Response:
    filters = _fact_filter(state, actor, recipient, dyad, measure, since, until, text, doc, min_confidence)
    page = query_facts.page_facts(store, "measures", filters, limit=limit, cursor=cursor, order=order)
    return _facts_response(request, page, format, "measures")


# --- incidents: the reports of one occurrence in different documents, linked -----------------------------------------

ATHENS: dict[str, Any] = {
    "name": "Athens", "place": "Athens", "admin1": "Attica", "country": "GRC", "lat": 37.98376, "lon": 23.72784,
    "evidence": {"start": 87, "end": 93, "text": "Athens"}, "method": "gazetteer+context", "kind": "city",
}  # fmt: skip
INCIDENT_EXAMPLE: dict[str, Any] = {
    "id": "f272698ad8bbcfc4", "event": "CONSULT", "mode": None, "actor": ["TUR"], "recipient": ["GRC"],
    "date": "2025-03-11", "location": ATHENS, "reports": 5, "documents": 3,
    "sources": ["Daily Meridian", "Harbor Wire", "Northern Ledger"], "first_seen": "2025-03-11",
    "last_seen": "2025-03-13", "confidence": 0.9526,
}  # fmt: skip


class PlaceOut(BaseModel):
    """Where an event happened: the name as written, the gazetteer place, its region, state and coordinates."""

    name: str
    place: str | None = None
    admin1: str | None = None
    country: str | None = Field(default=None, description="ISO3 code of the place's state")
    lat: float | None = None
    lon: float | None = None
    evidence: dict[str, Any] | None = Field(default=None, description="the name's span in the document text")
    method: str = Field(description="how it was resolved: gazetteer, gazetteer+context, country, imported, ...")
    kind: str | None = Field(default=None, description="city, region or country")


class IncidentOut(BaseModel):
    """One incident: type, parties, date and place of its most confident report; counts of all its reports;
    `confidence` combines its reports' as independent witnesses, 1 - prod(1 - c)."""

    model_config = ConfigDict(json_schema_extra={"examples": [INCIDENT_EXAMPLE]})

    id: str
    event: str = Field(description="PLOVER type")
    mode: str | None = None
    actor: list[str]
    recipient: list[str]
    date: str | None = None
    location: PlaceOut | None = None
    reports: int = Field(description="events reporting it, in every document")
    documents: int
    sources: list[str]
    first_seen: str | None = Field(default=None, description="publication date of its first report")
    last_seen: str | None = None
    confidence: float | None = None


class IncidentsOut(BaseModel):
    """A page of incidents; ask for the next with `offset=next_offset`."""

    incidents: list[IncidentOut]
    count: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page; null on the last page")


class ReportDocumentOut(BaseModel):
    hash: str
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = Field(default=None, description="metadata only: the server never fetches it")
    published: str | None = None


class ReportOut(BaseModel):
    """One report of an incident: the event as /api/events gives it (with `doc_hash`) and its document."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "id": "e3", "doc": "s01a", "event": "CONSULT", "actor": ["TUR"], "recipient": ["GRC"], "date": "2025-03-11",
        "evidence": [{"start": 0, "end": 50, "text": "Turkish Foreign Minister Hakan Fidan met his Greek"}],
        "location": ATHENS, "incident": "f272698ad8bbcfc4", "confidence": 0.6669, "doc_hash": "d6965dcc...",
        "document": {"hash": "d6965dcc...", "id": "s01a", "title": "Turkish and Greek foreign ministers hold talks in "
                     "Athens", "source": "Harbor Wire", "url": None, "published": "2025-03-11"},
    }]})  # fmt: skip

    document: ReportDocumentOut


class IncidentDetailOut(BaseModel):
    """An incident and every one of its reports, most confident first."""

    incident: IncidentOut
    reports: list[ReportOut]


@router.get("/incidents", summary="Incidents: the reports of one occurrence in different documents, linked",
            response_model=IncidentsOut, responses=BAD_FILTER)  # fmt: skip
def incidents(
    store: StoreDep,
    actor: OptText = None,
    recipient: OptText = None,
    state: Annotated[str | None, Query(max_length=500, description="actor or recipient")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="two codes, either direction: TUR,GRC")] = None,
    type: Types = None,
    since: OptDate = None,
    until: OptDate = None,
    text: Annotated[str | None, Query(max_length=500, description="words in a report's evidence (any case)")] = None,
    country: Country = None,
    near: NearPoint = None,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
    order: Annotated[Literal["reports", "date"], Query(
        description="reports: most reported first; date: latest first seen first")] = "reports",
    min_confidence: Annotated[float | None, Query(
        ge=0.0, le=1.0, description="keep incidents whose combined confidence is at or above this (default: the "
        "model's threshold; 0: all)")] = None,
) -> dict[str, Any]:
    """Every filter but the confidence applies to the reports: an incident is listed when one of its reports
    passes them."""
    filters = _fact_filter(state, actor, recipient, dyad, type, since, until, text, None, min_confidence,
                           country=country, near=near)  # fmt: skip
    found = query_incidents.incidents(store, filters, limit=limit, offset=offset, order=order)
    return {"incidents": [i.to_dict() for i in found], "count": len(found), "offset": offset,
            "next_offset": offset + limit if len(found) == limit else None}  # fmt: skip


@router.get(
    "/incidents/{incident_id}",
    summary="One incident with its reports side by side, each with its document",
    response_model=IncidentDetailOut,
    responses={404: {"description": "No such incident (at this confidence)",
                     "content": {"application/problem+json": {}}}},
)  # fmt: skip
def incident(store: StoreDep, incident_id: str, min_confidence: MinConfidence = None) -> dict[str, Any]:
    found = query_incidents.incident(store, incident_id, min_confidence=min_confidence)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r} at or above the confidence threshold")
    return {"incident": found.to_dict(), "reports": [_report(found, fact) for fact in found.facts]}


def _report(found: query_incidents.Incident, fact: query_facts.Fact) -> dict[str, Any]:
    return {**record_dict(fact.record), "doc_hash": fact.doc_hash, "document": found.documents_of[fact.doc_hash]}


@router.get("/states", summary="Every state or organisation named by a fact, with counts")
def states(store: StoreDep, min_confidence: MinConfidence = None) -> dict[str, Any]:
    items = query_facts.states(store, min_confidence)
    return {"items": items, "count": len(items)}


Count = Annotated[Literal["incidents", "reports"], Query(
    description="incidents: an event several stories report counts once (the default); reports: every report")]


@router.get("/states/{code}/brief", summary="A state's brief: counts, partners, timeline, outreach, measures")
def brief(store: StoreDep, code: str, min_confidence: MinConfidence = None,
          count: Count = "incidents") -> dict[str, Any]:  # fmt: skip
    return state_brief(store, code.strip().upper(), min_confidence, count)


def state_brief(store: Store, code: str, min_confidence: float | None = None,
                count: str = "incidents") -> dict[str, Any]:  # fmt: skip
    """diplograph.report.brief as JSON (the same data as `diplograph brief`)."""
    from diplograph.report import brief as report_brief

    counts = query_facts.state_counts(store, code, min_confidence)
    if counts is None:
        raise HTTPException(404, f"no events or measures name {code!r}")
    return {"counts": counts,
            **analytics.to_jsonable(report_brief(store, code, min_confidence=min_confidence, count=count).to_dict())}


@router.get("/states/{code}/partners", summary="The states a state has events with")
def state_partners(store: StoreDep, code: str, min_confidence: MinConfidence = None) -> dict[str, Any]:
    items = [p.to_dict() for p in query_facts.partners(store, code.strip().upper(), min_confidence)]
    return {"items": items, "count": len(items)}


@router.get("/dyads/{a}/{b}/timeline", summary="A dyad's events by PLOVER type and month (analytics.dyad_timeline)")
def dyad_timeline(
    store: StoreDep, a: str, b: str, since: OptDate = None, until: OptDate = None, directed: bool = False,
    min_confidence: MinConfidence = None, count: Count = "incidents",
) -> dict[str, Any]:
    return analytics.dyad_timeline(store, a, b, since=since or None, until=until or None, directed=directed,
                                   min_confidence=min_confidence, count=count).to_dict()


@router.get("/dyads/{a}/{b}/trend", summary="A dyad in two periods and the change (analytics.relationship_trend)")
def dyad_trend(
    store: StoreDep, a: str, b: str, first: Period, second: Period, directed: bool = False,
    min_confidence: MinConfidence = None, count: Count = "incidents",
) -> dict[str, Any]:
    return analytics.relationship_trend(store, a, b, first, second, directed=directed,
                                        min_confidence=min_confidence, count=count).to_dict()


@router.get("/analytics/concentration/{state}", summary="Partner concentration (analytics.partner_concentration)")
def concentration(
    store: StoreDep,
    state: str,
    measure: Annotated[str, Query(max_length=64)] = "exports",
    unit: Annotated[str, Query(max_length=16)] = "USD",
    window: Annotated[str | None, Query(max_length=64)] = None,
    min_confidence: MinConfidence = None,
) -> Any:
    return analytics.to_jsonable(
        analytics.partner_concentration(store, state, measure=measure, unit=unit, window=window or None,
                                        min_confidence=min_confidence)
    )


@router.get("/analytics/shift/{state}", summary="Partner shift between two periods (analytics.partner_shift)")
def shift(
    store: StoreDep,
    state: str,
    first: Period,
    second: Period,
    measure: Annotated[str, Query(max_length=64)] = "exports",
    unit: Annotated[str, Query(max_length=16)] = "USD",
    min_confidence: MinConfidence = None,
) -> Any:
    return analytics.to_jsonable(analytics.partner_shift(store, state, first, second, measure=measure, unit=unit,
                                                         min_confidence=min_confidence))


@router.get("/analytics/outreach", summary="States visited, hosted or met (analytics.outreach)")
def outreach(
    store: StoreDep,
    state: OptText = None,
    person: OptText = None,
    since: OptDate = None,
    until: OptDate = None,
    type: Types = None,
    min_confidence: MinConfidence = None,
    count: Count = "incidents",
) -> Any:
    if bool(state) == bool(person):
        raise ConfigError("give one of state or person")
    types = query_facts.parse_types(type) or ("CONSULT",)
    return analytics.to_jsonable(
        analytics.outreach(store, state=state or None, person=person or None, since=since or None,
                           until=until or None, types=types, min_confidence=min_confidence, count=count)
    )  # fmt: skip


@router.get("/analytics/network", summary="The state network: weighted edges and centrality")
def network(
    store: StoreDep,
    since: OptDate = None,
    until: OptDate = None,
    type: Types = None,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    min_confidence: MinConfidence = None,
    count: Count = "incidents",
) -> Any:
    return analytics.to_jsonable(
        analytics.state_network(store, since=since or None, until=until or None, types=query_facts.parse_types(type),
                                min_weight=min_weight, min_confidence=min_confidence, count=count)
    )  # fmt: skip


@router.get("/analytics/corroboration", summary="Documents and sources behind each fact")
def corroboration(
    store: StoreDep,
    state: OptText = None,
    dyad: Annotated[str | None, Query(max_length=200)] = None,
    since: OptDate = None,
    until: OptDate = None,
    kind: Literal["all", "event", "measure"] = "all",
    min_documents: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 200,
    min_confidence: MinConfidence = None,
) -> Any:
    facts = analytics.corroboration(
        store, state=state or None, dyad=query_facts.parse_dyad(dyad), since=since or None, until=until or None,
        kind=kind, min_documents=min_documents, min_confidence=min_confidence,
    )  # fmt: skip
    return {"items": analytics.to_jsonable(facts[:limit]), "count": min(len(facts), limit), "total": len(facts)}


@router.get("/documents", summary="Stored documents (without text), by publication date")
def documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
) -> dict[str, Any]:
    items = query_facts.list_documents(store, limit=limit, offset=offset)
    return {"items": analytics.to_jsonable(items), "count": len(items), "offset": offset}


@router.get(
    "/documents/{doc}",
    summary="A document's text with its events and measures (evidence spans are offsets into the text)",
    responses={404: {"description": "No such document", "content": {"application/problem+json": {}}}},
)
def document(store: StoreDep, doc: str) -> dict[str, Any]:
    view = query_facts.document_view(store, doc)
    if view is None:
        raise HTTPException(404, f"no document {doc!r}")
    d = view.document
    return {
        "document": {
            "id": d.id, "hash": view.hash, "published": d.published, "title": d.title, "url": d.url,
            "source": d.source, "origin": d.origin, "text": d.text,
        },
        "events": [record_dict(f.record) for f in view.facts if f.anchor.startswith("e-")],
        "measures": [record_dict(f.record) for f in view.facts if f.anchor.startswith("m-")],
        "mentions": [m.to_dict() for m in store.mentions(view.hash)],
    }  # fmt: skip


@router.get("/jobs", summary="Ingest jobs of this server process")
def jobs(request: Request) -> dict[str, Any]:
    items = [j.to_dict() for j in hub_of(request).jobs()]
    return {"items": items, "count": len(items)}


@router.get(
    "/jobs/{job_id}",
    summary="One ingest job",
    responses={404: {"description": "No such job", "content": {"application/problem+json": {}}}},
)
def job(request: Request, job_id: str) -> dict[str, Any]:
    found = hub_of(request).job(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return found.to_dict()


# --- alerts and the watcher: read only (alerts are saved with `diplograph alerts add`) -------------------------------


class AlertOut(BaseModel):
    """A saved alert: a query over events, measures or incidents whose new matches are reported once each."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "prk-pressure", "kind": "events", "query": {"state": "PRK", "types": ["SANCTION", "THREATEN"]},
        "query_text": "state=PRK type=SANCTION,THREATEN", "webhook_host": "hooks.example.org",
        "created_at": "2025-05-03T06:00:00Z", "hits": 2, "last_hit": "2025-05-05T08:00:00Z",
    }]})  # fmt: skip

    name: str
    kind: str = Field(description="events, measures or incidents")
    query: dict[str, Any] = Field(description="the filters by name (a JSON object `alerts add --query` takes)")
    query_text: str = Field(description="the same as key=value pairs")
    webhook_host: str | None = Field(default=None, description="the host its hits are POSTed to, if any (the URL "
                                     "itself is not shown: webhook URLs often carry their secret)")
    created_at: str | None = Field(default=None, description="UTC, ISO 8601")
    hits: int = Field(description="facts it has reported")
    last_hit: str | None = Field(default=None, description="when it last reported one (UTC)")


class AlertsOut(BaseModel):
    items: list[AlertOut]
    count: int


class HitDocumentOut(BaseModel):
    id: str
    hash: str
    title: str | None = None
    url: str | None = Field(default=None, description="metadata only: the server never fetches it")
    link: str = Field(description="the fact in its document on the web UI (base URL of the process that fired)")


class HitOut(BaseModel):
    """What an alert reported (the JSON its webhook received) and when."""

    model_config = ConfigDict(extra="allow")

    alert: str
    kind: str
    key: str = Field(description="doc_hash/id of the event or measure; the id of the incident")
    fired_at: str | None = Field(default=None, description="UTC, ISO 8601")
    fact: dict[str, Any] = Field(description="the event or measure as /api/events gives it; an incident as "
                                 "/api/incidents does, with the new `report`")
    evidence: str = Field(description="the fact's evidence, its spans joined by an ellipsis")
    document: HitDocumentOut
    incident: dict[str, Any] | None = Field(default=None, description="incidents: its id and link")


class HitsOut(BaseModel):
    items: list[HitOut]
    count: int


class WatchSourceOut(BaseModel):
    """One source `diplograph watch` watches, and how it is doing."""

    source: str = Field(description="the feed or page URL, the list of pages or the folder, as given")
    kind: str = Field(description="feed, page or folder")
    last_fetch: str | None = Field(default=None, description="last attempt (UTC, ISO 8601)")
    last_ok: str | None = Field(default=None, description="last attempt that worked")
    next_due: str | None = Field(default=None, description="not fetched again before this")
    failures: int = Field(description="consecutive failures (the backoff grows with them)")
    items_seen: int
    documents_added: int
    errors: int
    last_error: str | None = None


class WatchStatusOut(BaseModel):
    items: list[WatchSourceOut]
    count: int


@router.get("/alerts", summary="The saved alerts, with how many facts each has reported", response_model=AlertsOut)
def alerts(store: StoreDep) -> dict[str, Any]:
    items = watch_alerts.alert_summaries(store)
    return {"items": items, "count": len(items)}


@router.get("/alerts/hits", summary="The facts the alerts reported, newest first", response_model=HitsOut,
            responses=BAD_FILTER)  # fmt: skip
def alert_hits(
    store: StoreDep,
    alert: Annotated[str | None, Query(max_length=64, description="the hits of this alert only")] = None,
    limit: Annotated[int, Query(ge=1, le=query_facts.MAX_LIMIT)] = 100,
    since: Annotated[str | None, Query(max_length=40, description="fired since: a date or time (2025-05-03, "
                                       "2025-05-03T06:00Z) or a span back from now (6h, 2d)")] = None,
) -> dict[str, Any]:
    found = watch_alerts.recent_hits(store, alert=alert or None, limit=limit, since=since or None)
    items = [hit.to_dict() for hit in found]
    return {"items": items, "count": len(items)}


@router.get("/watch/status", summary="Each watched source: last fetch, items seen, documents added, errors",
            response_model=WatchStatusOut)  # fmt: skip
def watch_status(store: StoreDep) -> dict[str, Any]:
    items = watch_alerts.watch_status(store)
    return {"items": items, "count": len(items)}


# --- writes ---------------------------------------------------------------------------------------------------------


def writer(request: Request) -> Hub:
    """Rate limit, then the bearer token; a server without a token takes no writes at all."""
    settings = request.app.state
    client = request.client.host if request.client else "unknown"
    allowed, wait = settings.rate_limit.allow(client)
    if not allowed:
        raise HTTPException(429, "too many writes; try again later", headers={"Retry-After": str(max(1, round(wait)))})
    challenge = {"WWW-Authenticate": 'Bearer realm="diplograph"'}
    if not settings.token:
        raise HTTPException(401, "this server is read-only: it was started without a write token", headers=challenge)
    if not token_matches(settings.token, request.headers.get("authorization")):
        raise HTTPException(401, "a valid bearer token is needed to write", headers=challenge)
    hub = hub_of(request)
    if not hub.writable:
        raise HTTPException(403, "the store is open read-only")
    return hub


WriterDep = Annotated[Hub, Depends(writer)]
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {"description": "Queued: the job, with a Location header to poll"},
    401: {"description": "No or a wrong bearer token", "content": {"application/problem+json": {}}},
    413: {"description": "The body is over the size limit", "content": {"application/problem+json": {}}},
    422: {"description": "Nothing readable was posted", "content": {"application/problem+json": {}}},
    429: {"description": "Too many writes from this client", "content": {"application/problem+json": {}}},
}


class DocumentIn(BaseModel):
    """One article to extract from and store. `url` is kept as metadata only: the server never fetches it."""

    text: str = Field(min_length=1, max_length=10_000_000)
    id: str | None = Field(default=None, min_length=1, max_length=300)
    published: str | None = Field(default=None, max_length=40, description="YYYY-MM-DD (or an RFC 2822 date)")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=300)


def _submit(hub: Hub, documents: list[Document], problems: list[ReadProblem]) -> Job:
    listed = [{"origin": p.origin, "problem": p.problem} for p in problems]
    if not documents:
        raise HTTPException(422, "nothing readable was posted: " + "; ".join(str(p) for p in problems[:5]))
    return hub.submit(documents, listed)


async def _answer(job: Job, wait: bool) -> JSONResponse:
    """The job as it stands; with `wait`, once it has finished. Waiting holds no worker thread (they query)."""
    if wait:
        deadline = time.monotonic() + WAIT_SECONDS
        while job.status in ("queued", "running") and time.monotonic() < deadline:
            await anyio.sleep(0.05)
    status = 202 if job.status in ("queued", "running") else 200 if job.status == "done" else 500
    if job.status == "failed":
        raise HTTPException(500, f"the ingest failed: {job.error}")
    return JSONResponse(job.to_dict(), status_code=status, headers={"Location": f"/api/jobs/{job.id}"})


@router.post("/documents", summary="Ingest one posted document (needs the bearer token)", status_code=202,
             responses=WRITE_RESPONSES)  # fmt: skip
async def post_document(
    hub: WriterDep,
    body: Annotated[DocumentIn, Body()],
    wait: Annotated[bool, Query(description="answer when the job has finished")] = False,
) -> JSONResponse:
    published = None
    if body.published:
        published = normalise_date(body.published)
        if published is None:
            raise ConfigError(f"published: {body.published!r} is not a date (use YYYY-MM-DD)")
    text = body.text
    doc_id = body.id or f"posted-{content_hash(text)[:12]}"
    document = Document(id=doc_id, text=text, published=published, title=body.title, url=body.url,
                        source=body.source, origin="api")  # fmt: skip
    return await _answer(_submit(hub, [document], []), wait)


@router.post(
    "/ingest",
    summary="Ingest a posted corpus file: JSONL, JSON, text, HTML or a feed, optionally gzipped (needs the token)",
    status_code=202,
    responses=WRITE_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def post_corpus(
    request: Request,
    hub: WriterDep,
    filename: Annotated[
        str | None,
        Query(max_length=200, description="the file's name; its suffix picks the reader (else the format is sniffed)"),
    ] = None,
    published: Annotated[str | None, Query(max_length=40, description="date for documents without one")] = None,
    wait: bool = False,
) -> JSONResponse:
    raw = await request.body()

    def read_and_submit() -> Job:  # parsing blocks: off the event loop
        documents, problems = read_upload(raw, filename, published)
        return _submit(hub, documents, problems)

    return await _answer(await run_in_threadpool(read_and_submit), wait)


def read_upload(raw: bytes, filename: str | None, published: str | None) -> tuple[list[Document], list[ReadProblem]]:
    """The documents of posted bytes, read in memory by the reader the file name's suffix picks."""
    fallback = None
    if published:
        fallback = normalise_date(published)
        if fallback is None:
            raise ConfigError(f"published: {published!r} is not a date (use YYYY-MM-DD)")
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or None
    if not raw:
        raise ConfigError("the body is empty")
    compressed = False
    if name:
        stem, suffix, compressed = split_name(name)
    if compressed or raw[:2] == b"\x1f\x8b":
        raw = _gunzip(raw)
    origin = f"upload:{name}" if name else "upload"
    items: Iterator[Document | ReadProblem]
    if name:
        if suffix in LINE_SUFFIXES:
            items = read_jsonl(io.BytesIO(raw), Source(origin, stem, fallback))
        elif suffix in WHOLE_FILE_READERS:
            items = WHOLE_FILE_READERS[suffix](raw, Source(origin, stem, fallback))
        else:
            raise ConfigError(f"{name}: {unknown_format(suffix)}")
    else:
        items = read_stdin(io.BytesIO(raw), Source(origin, "upload", fallback))
    documents: list[Document] = []
    problems: list[ReadProblem] = []
    for item in guarded(origin, items):
        if isinstance(item, ReadProblem):
            problems.append(item)
        else:
            documents.append(item)
    return documents, problems


def _gunzip(raw: bytes) -> bytes:
    """Decompress at most MAX_UNZIPPED bytes (a small bomb stays small)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            out = stream.read(MAX_UNZIPPED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ConfigError(f"not a valid gzip body ({exc})") from exc
    if len(out) > MAX_UNZIPPED:
        raise ConfigError(f"the gzipped body expands to more than {MAX_UNZIPPED} bytes")
    return out
