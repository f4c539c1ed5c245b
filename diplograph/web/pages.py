"""The web UI: server-rendered pages over the same library functions as the API (no script at all).

Each handler gathers data and renders a Jinja2 template from diplograph/web/templates (render.py), which escapes
every value it prints; the one piece of ready-made markup a page receives is an SVG chart (`chart`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from diplograph import analytics, ontology
from diplograph.confidence import check_threshold, default_threshold, passes
from diplograph.errors import ConfigError
from diplograph.model import Event
from diplograph.query import facts as query_facts
from diplograph.store import Store
from diplograph.web import render, svg
from diplograph.web.render import query_string
from diplograph.web.style import CSS

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=500)]


def reader(request: Request) -> Iterator[Store]:
    with request.app.state.hub.reader() as store:
        yield store


StoreDep = Annotated[Store, Depends(reader)]


def html(template: str, *, http_status: int = 200, **context: Any) -> HTMLResponse:
    """A page rendered from `template` with `context`; pages are never cached (they follow the store)."""
    body = render.render(template, **context)
    return HTMLResponse(body, status_code=http_status, headers={"Cache-Control": "no-store"})


def chart(markup: str) -> Markup:
    """A chart's SVG, to be printed as it is. The only place the pages trust markup: the chart functions
    (diplograph.web.svg, diplograph.report.svg) escape every text from the store that they draw."""
    return Markup(markup)


def error_page(status: int, title: str, detail: str) -> HTMLResponse:
    return html("error.html", http_status=status, title=title, status=status, detail=detail)


@router.get("/static/style.css")
def stylesheet() -> Response:
    return Response(CSS, media_type="text/css", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep) -> HTMLResponse:
    return html(
        "home.html",
        stats=store.stats(),
        states=query_facts.states(store)[:12],
        documents=query_facts.list_documents(store, limit=10, offset=0),
    )


@router.get("/search", response_class=HTMLResponse)
def search(store: StoreDep, q: Text = None) -> HTMLResponse:
    term = (q or "").strip()
    if not term:
        return html("search.html", term="")
    lowered = term.lower()
    known = {s["code"]: s for s in query_facts.states(store)}
    return html(
        "search.html",
        term=term,
        states=[s for s in known.values() if s["code"].lower() == lowered or lowered in str(s["name"]).lower()],
        documents=query_facts.search_documents(store, term, limit=30),
        facts=query_facts.page_facts(store, "events", query_facts.FactFilter(text=term), limit=50).facts,
    )


@router.get("/states", response_class=HTMLResponse)
def states_page(store: StoreDep) -> HTMLResponse:
    return html("states.html", states=query_facts.states(store))


@router.get("/states/{code}", response_class=HTMLResponse)
def state_page(store: StoreDep, code: str) -> HTMLResponse:
    code = code.strip().upper()
    counts = next((s for s in query_facts.states(store) if s["code"] == code), None)
    if counts is None:
        return error_page(404, "Not found", f"No events or measures name the state {code!r}.")
    name = query_facts.name_of(code)
    partners = query_facts.partners(store, code)
    own = query_facts.FactFilter(state=code)
    timeline = query_facts.timeline(store, own)
    return html(
        "state.html",
        code=code,
        name=name,
        counts=counts,
        partners=partners,
        partners_map=partners_map(store, code, partners),
        timeline_chart=chart(svg.timeline_chart(timeline, title=f"Events of {name} by {timeline.unit}")),
        network_chart=chart(svg.network_chart(analytics.state_network(store), code)),
        contacts=analytics.outreach(store, state=code).contacts,
        measures=query_facts.page_facts(store, "measures", own, limit=40, order="desc").facts,
        latest=query_facts.page_facts(store, "events", own, limit=25, order="desc").facts,
    )


@dataclass(frozen=True)
class PartnersMap:
    """A state's partners drawn on the brief's world map (`world`: the page frames it in a figure) or as a radial
    diagram (a figure of its own)."""

    chart: Markup
    world: bool


def partners_map(store: Store, code: str, partners: list[query_facts.Partner]) -> PartnersMap:
    """The brief's schematic world map (diplograph.report) when that package is there, else a radial diagram."""
    try:
        from diplograph.report import brief, partners_map_svg
    except ImportError:
        return PartnersMap(chart(svg.partners_map(code, partners)), world=False)
    return PartnersMap(chart(partners_map_svg(brief(store, code))), world=True)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(store: StoreDep, a: str, b: str) -> HTMLResponse:
    a, b = a.strip().upper(), b.strip().upper()
    filters = query_facts.FactFilter(dyad=(a, b))
    facts = query_facts.page_facts(store, "events", filters, limit=500).facts
    measures = query_facts.page_facts(store, "measures", filters, limit=100).facts
    if not facts and not measures:
        return error_page(404, "Not found", f"No events or measures between {a!r} and {b!r}.")
    return html(
        "dyad.html",
        a=a,
        b=b,
        facts=facts,
        measures=measures,
        timeline=analytics.dyad_timeline(store, a, b),
        dyad_chart=chart(svg.dyad_chart(facts, a, b)),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(store: StoreDep, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    size = 50
    docs = query_facts.list_documents(store, limit=size + 1, offset=offset)
    return html(
        "documents.html",
        documents=docs[:size],
        previous=f"/documents{query_string(offset=max(0, offset - size))}" if offset else "",
        next=f"/documents{query_string(offset=offset + size)}" if len(docs) > size else "",
    )


@router.get("/documents/{doc:path}", response_class=HTMLResponse)
def document_page(store: StoreDep, doc: str, fact: Text = None, all: bool = False) -> HTMLResponse:
    view = query_facts.document_view(store, doc)
    if view is None:
        return error_page(404, "Not found", f"No document {doc!r}.")
    hidden = [f for f in view.facts if not all and not passes(f.record, None)]
    facts = [f for f in view.facts if f not in hidden]
    selected = next((f for f in facts if f.anchor == fact), None)
    return html(
        "document.html",
        document=view.document,
        hash=view.hash,
        facts=facts,
        selected=selected,
        types=sorted({render.fact_type(f.record) if isinstance(f.record, Event) else "measure" for f in facts}),
        pieces=render.text_pieces(view.document, facts, fact),
        hidden=len(hidden),
        threshold=default_threshold(),
        showing_all=all,
        quad_labels=svg.QUAD_LABELS,
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    store: StoreDep,
    kind: Annotated[str, Query(pattern="^(events|measures)$")] = "events",
    state: Text = None,
    actor: Text = None,
    recipient: Text = None,
    dyad: Text = None,
    type: Text = None,
    since: Text = None,
    until: Text = None,
    text: Text = None,
    doc: Text = None,
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
    min_confidence: Text = None,
) -> HTMLResponse:
    values = {
        "state": state, "actor": actor, "recipient": recipient, "dyad": dyad, "type": type, "since": since,
        "until": until, "text": text, "doc": doc, "min_confidence": min_confidence,
    }  # fmt: skip
    clean = {k: (v.strip() if v else None) or None for k, v in values.items()}
    error = ""
    facts: list[query_facts.Fact] = []
    next_cursor = None
    try:
        filters = query_facts.FactFilter(
            state=clean["state"], actor=clean["actor"], recipient=clean["recipient"],
            dyad=query_facts.parse_dyad(clean["dyad"]),
            types=query_facts.parse_types([clean["type"]] if clean["type"] else None),
            since=clean["since"], until=clean["until"], text=clean["text"], doc=clean["doc"],
            min_confidence=check_threshold(clean["min_confidence"]) if clean["min_confidence"] else None,
        )  # fmt: skip
        result = query_facts.page_facts(store, kind, filters, limit=100, cursor=cursor, order=order)
        facts, next_cursor = result.facts, result.next_cursor
    except ConfigError as exc:
        error = str(exc)
    shared = {k: v for k, v in clean.items() if v}
    export = {**shared, "limit": 1000, "order": order}
    following = query_string(kind=kind, order=order, cursor=next_cursor, **shared)
    return html(
        "events.html",
        kind=kind,
        order=order,
        values=clean,
        default_threshold=default_threshold(),
        event_types=ontology.EVENT_TYPES,
        error=error,
        facts=facts,
        export_csv=f"/api/{kind}{query_string(format='csv', **export)}",
        export_json=f"/api/{kind}{query_string(format='json', **export)}",
        next=f"/events{following}" if next_cursor else "",
    )
