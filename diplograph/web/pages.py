"""The web UI: server-rendered pages over the same library functions as the API (no script at all).

Each handler gathers data and renders a Jinja2 template from diplograph/web/templates (render.py), which escapes
every value it prints; the one piece of ready-made markup a page receives is an SVG chart (`chart`, drawn by
diplograph.charts from plain data that the functions below convert the page's data to)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from diplograph import analytics, charts, ontology
from diplograph.confidence import check_threshold, default_threshold, passes
from diplograph.errors import ConfigError
from diplograph.model import Event
from diplograph.query import facts as query_facts
from diplograph.query.timeline import Bucket, Timeline
from diplograph.report import brief, map_counterparts
from diplograph.store import Store
from diplograph.store.convert import date_bounds
from diplograph.web import render
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
    (diplograph.charts) escape every text from the store that they draw."""
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
    counts = query_facts.state_counts(store, code)
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
        partners_map=chart(partners_map(store, code, name)),
        timeline=timeline,
        timeline_chart=chart(timeline_chart(timeline, name)),
        quad_labels={quad: charts.LABELS[quad] for quad in ontology.QUADS},
        network_chart=chart(network_chart(analytics.state_network(store), code)),
        contacts=analytics.outreach(store, state=code).contacts,
        measures=query_facts.page_facts(store, "measures", own, limit=40, order="desc").facts,
        latest=query_facts.page_facts(store, "events", own, limit=25, order="desc").facts,
    )


def partners_map(store: Store, code: str, name: str) -> str:
    """The brief's partners (events and measures, diplograph.report) on the world map; each links to the page
    of its relationship with `code`."""
    return charts.partners_map_svg(
        code, map_counterparts(brief(store, code)), title=f"Partners of {name} on a schematic world map",
        href=lambda partner: f"/dyads/{render.seg(code)}/{render.seg(partner)}",
    )  # fmt: skip


def timeline_chart(timeline: Timeline, name: str) -> str:
    bars = [timeline_bar(bucket) for bucket in timeline.buckets]
    title = f"Events of {name} by {timeline.unit}"
    return charts.timeline_svg(bars, undated=timeline.undated, title=title, unit=timeline.unit, width=640)


def timeline_bar(bucket: Bucket) -> charts.Bar:
    """A bucket of a timeline (a year "YYYY" or a month "YYYY-MM") as a bar: its days, its counts by quad."""
    start, end = date_bounds(bucket.label)
    assert start is not None and end is not None, bucket.label
    return charts.Bar(bucket.label, start, end, {**bucket.quads, "other": bucket.other})


def network_chart(network: analytics.Network, focus: str) -> str:
    """The focus state's neighbourhood in the state network: its partners, heaviest tie first, and the ties among
    them; each state links to its page."""
    weight = {e.target if e.source == focus else e.source: e.weight for e in network.edges
              if focus in (e.source, e.target)}  # fmt: skip
    neighbours = sorted(weight, key=lambda state: (-weight[state], state))
    ties = [charts.Tie(e.source, e.target, e.weight, e.mean_score) for e in network.edges]
    return charts.network_svg(
        focus, neighbours, ties, title=f"Network around {focus}", href=lambda state: f"/states/{render.seg(state)}",
        size=480,
    )  # fmt: skip


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
        dyad_chart=chart(dyad_chart(facts, a, b)),
    )


def dyad_chart(facts: Sequence[query_facts.Fact], a: str, b: str) -> str:
    """Each dated, scored event between `a` and `b`; each point links to its evidence in the document."""
    links = {fact.anchor: render.fact_href(fact) for fact in facts}
    return charts.dyad_svg(a, b, dyad_events(facts), href=links.__getitem__)


def dyad_events(facts: Sequence[query_facts.Fact]) -> list[charts.DyadEvent]:
    """The dated, scored events among `facts` as points of the dyad chart, keyed by their anchor."""
    points = []
    for fact in facts:
        record = fact.record
        if not isinstance(record, Event) or (score := query_facts.score_of(record)) is None:
            continue
        start, end = date_bounds(record.date)
        if start is None or end is None:
            continue
        label = (f"{record.event} {'/'.join(record.actor)} → {'/'.join(record.recipient)}, {record.date}, "
                 f"score {score:+.1f}")  # fmt: skip
        points.append(charts.DyadEvent(fact.anchor, label, start, end, score, query_facts.quad_of(record)))
    return points


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
        quad_labels=charts.LABELS,
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
