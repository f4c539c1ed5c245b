"""The web UI: server-rendered pages over the same library functions as the API (no script at all).

Each handler gathers data and renders a Jinja2 template from diplograph/web/templates (render.py), which escapes
every value it prints; the one piece of ready-made markup a page receives is an SVG chart (`chart`, drawn by
diplograph.charts from plain data that the functions below convert the page's data to)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from diplograph import analytics, charts, ontology
from diplograph.charts.base import dominant
from diplograph.confidence import check_threshold, default_threshold
from diplograph.errors import ConfigError
from diplograph.model import Document, Event, Location
from diplograph.query import facts as query_facts
from diplograph.query import incidents as query_incidents
from diplograph.query import rows as query_rows
from diplograph.query.timeline import Bucket, Timeline
from diplograph.report import brief, map_counterparts
from diplograph.store import Store
from diplograph.store.convert import date_bounds
from diplograph.store.query import Near
from diplograph.watch import alerts as watch_alerts
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
    places = [place_point(p, code) for p in query_facts.located_places(store, own)]
    return html(
        "state.html",
        code=code,
        name=name,
        counts=counts,
        partners=partners,
        partners_map=chart(partners_map(store, code, name)),
        places=places,
        places_map=chart(charts.places_map(places, title=f"Where the events of {name} happened", width=1100)),
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


def place_point(place: query_facts.PlaceCount, code: str) -> charts.PlacePoint:
    """A place on the state page's map, linking to the state's events there (within a kilometre of it)."""
    near = f"{place.lat:.5f},{place.lon:.5f},1"
    return charts.PlacePoint(
        place.lat, place.lon, place.label, place.events, quad=dominant(place.quads),
        href=f"/events{query_string(state=code, near=near)}",
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
    hidden = [f for f in view.facts if not all and not f.shown()]
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


def cleaned(values: dict[str, str | None]) -> dict[str, str | None]:
    """The form's values, stripped; blank ones are None."""
    return {name: (value.strip() if value else None) or None for name, value in values.items()}


def page_filter(clean: dict[str, str | None]) -> query_facts.FactFilter:
    """The FactFilter of a page's form values (a ConfigError names a bad one)."""
    get = clean.get
    threshold = get("min_confidence")
    return query_facts.FactFilter(
        state=get("state"), actor=get("actor"), recipient=get("recipient"), dyad=query_facts.parse_dyad(get("dyad")),
        types=query_facts.parse_types([t] if (t := get("type")) else None), since=get("since"), until=get("until"),
        text=get("text"), doc=get("doc"), min_confidence=check_threshold(threshold) if threshold else None,
        country=get("country"), near=Near.parse(n) if (n := get("near")) else None, incident=get("incident"),
    )  # fmt: skip


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
    country: Text = None,
    near: Text = None,
    incident: Text = None,
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
    min_confidence: Text = None,
) -> HTMLResponse:
    clean = cleaned({
        "state": state, "actor": actor, "recipient": recipient, "dyad": dyad, "type": type, "since": since,
        "until": until, "text": text, "doc": doc, "country": country, "near": near, "incident": incident,
        "min_confidence": min_confidence,
    })  # fmt: skip
    error = ""
    facts: list[query_facts.Fact] = []
    next_cursor = None
    try:
        result = query_facts.page_facts(store, kind, page_filter(clean), limit=100, cursor=cursor, order=order)
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
        reports=incident_reports(store, facts) if kind == "events" else None,
        export_csv=f"/api/{kind}{query_string(format='csv', **export)}",
        export_json=f"/api/{kind}{query_string(format='json', **export)}",
        next=f"/events{following}" if next_cursor else "",
    )


def incident_reports(store: Store, facts: Sequence[query_facts.Fact]) -> dict[str, int]:
    """incident id -> how many events report it (at any confidence, as the incident pages count), for the
    incidents of `facts`: the events table links to an incident that has other reports."""
    ids = sorted({f.record.incident for f in facts if isinstance(f.record, Event) and f.record.incident})
    if not ids:
        return {}
    sql = "SELECT incident, count(*) AS n FROM events WHERE incident IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL"
    return {row["incident"]: int(row["n"]) for row in query_rows(store, sql, [ids])}


INCIDENTS_PAGE = 50


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    store: StoreDep,
    state: Text = None,
    actor: Text = None,
    recipient: Text = None,
    dyad: Text = None,
    type: Text = None,
    since: Text = None,
    until: Text = None,
    text: Text = None,
    country: Text = None,
    near: Text = None,
    min_confidence: Text = None,
    order: Annotated[str, Query(pattern="^(reports|date)$")] = "reports",
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    clean = cleaned({
        "state": state, "actor": actor, "recipient": recipient, "dyad": dyad, "type": type, "since": since,
        "until": until, "text": text, "country": country, "near": near, "min_confidence": min_confidence,
    })  # fmt: skip
    error = ""
    found: list[query_incidents.Incident] = []
    try:
        found = query_incidents.incidents(store, page_filter(clean), limit=INCIDENTS_PAGE + 1, offset=offset,
                                          order=order)  # fmt: skip
    except ConfigError as exc:
        error = str(exc)
    shared = {k: v for k, v in clean.items() if v}
    return html(
        "incidents.html",
        order=order,
        values=clean,
        default_threshold=default_threshold(),
        event_types=ontology.EVENT_TYPES,
        error=error,
        incidents=found[:INCIDENTS_PAGE],
        offset=offset,
        export_json=f"/api/incidents{query_string(order=order, **shared)}",
        previous=f"/incidents{query_string(order=order, offset=max(0, offset - INCIDENTS_PAGE), **shared)}"
        if offset else "",
        next=f"/incidents{query_string(order=order, offset=offset + INCIDENTS_PAGE, **shared)}"
        if len(found) > INCIDENTS_PAGE else "",
    )  # fmt: skip


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(store: StoreDep, incident_id: str) -> HTMLResponse:
    # Asked for by its id, an incident is shown whatever its confidence; the page says when it is below the
    # threshold that lists count.
    found = query_incidents.incident(store, incident_id, min_confidence=0)
    if found is None:
        return error_page(404, "Not found", f"No incident {incident_id!r}.")
    texts = {digest: store.document(digest) for digest in found.documents_of}
    reports = [
        report_view(f"report-{i}", fact, found.documents_of[fact.doc_hash], texts[fact.doc_hash])
        for i, fact in enumerate(found.facts, start=1)
    ]
    single = bool(found.facts) and all(f.one_sentence for f in found.facts)
    threshold = default_threshold("event", one_sentence=single, lead=single and all(f.lead for f in found.facts))
    return html(
        "incident.html",
        incident=found,
        reports=reports,
        threshold=threshold,
        below=found.confidence is not None and found.confidence < threshold,
        places_map=chart(charts.places_map(report_points(reports), title="Where its reports place it", width=480,
                                           noun="report")),
    )  # fmt: skip


@dataclass(frozen=True)
class Snippet:
    """A run of an excerpt's text; `classes` are its <mark>'s (evidence, the place's name) or empty."""

    text: str
    classes: str = ""


@dataclass(frozen=True)
class Excerpt:
    """The sentence(s) around a report's evidence, cut where the evidence and the place's name start and end;
    `before`/`after`: the text goes on there beyond the excerpt's window (shown as an ellipsis)."""

    snippets: tuple[Snippet, ...]
    before: bool = False
    after: bool = False


@dataclass(frozen=True)
class ReportView:
    """One report of an incident as its page shows it: the event, its document and its evidence in context."""

    anchor: str
    fact: query_facts.Fact
    document: dict[str, Any]
    excerpts: tuple[Excerpt, ...]
    passes: bool


def report_view(anchor: str, fact: query_facts.Fact, document: dict[str, Any], stored: Document | None) -> ReportView:
    record = fact.record
    text = stored.text if stored is not None else ""
    found = excerpts(text, record) if isinstance(record, Event) else ()
    return ReportView(anchor, fact, document, found, fact.shown())


def report_points(reports: Sequence[ReportView]) -> list[charts.PlacePoint]:
    """The located reports by place: one point a place, counting its reports, linking to the first of them."""
    points: dict[tuple[Any, ...], charts.PlacePoint] = {}
    for report in reports:
        record = report.fact.record
        where = record.location if isinstance(record, Event) else None
        if where is None or where.lat is None or where.lon is None:
            continue
        key = (where.place or where.name, where.country, where.lat, where.lon)
        if key in points:
            points[key] = replace(points[key], count=points[key].count + 1)
            continue
        points[key] = charts.PlacePoint(where.lat, where.lon, place_text(where), quad=query_facts.quad_of(record),
                                        href=f"#{report.anchor}")  # fmt: skip
    return list(points.values())


def place_text(where: Location) -> str:
    """A place as the map labels it: its name and state ("Athens, GRC"), a country by its name alone."""
    return query_facts.map_label(where.place or where.name, where.kind, where.country)


SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")
WINDOW = 300  # characters an excerpt reaches beyond its evidence, at most, looking for the sentence's ends


def excerpts(text: str, record: Event) -> tuple[Excerpt, ...]:
    """The sentences that hold `record`'s evidence (and its place's name), with both marked."""
    evidence = [(e.start, e.end) for e in record.evidence if 0 <= e.start < e.end <= len(text)]
    named = record.location.evidence if record.location else None
    place = [(named.start, named.end)] if named and 0 <= named.start < named.end <= len(text) else []
    windows = merged(sentence_around(text, start, end) for start, end in [*evidence, *place])
    mark = f"hl {render.pill_class(record)}"
    return tuple(
        Excerpt(cut(text, lo, hi, [(s, e, mark) for s, e in evidence] + [(s, e, "place") for s, e in place]),
                before=clipped_left, after=clipped_right)
        for lo, hi, clipped_left, clipped_right in windows
    )  # fmt: skip


def sentence_around(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """The sentence around text[start:end] (from the end of the previous one to its own end), looking at most
    WINDOW characters either way (then cut at a space); the flags say where the window, not a sentence's end,
    cut it."""
    low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
    ends = list(SENTENCE_END.finditer(text, low, start))
    previous = ends[-1] if ends else None
    following = SENTENCE_END.search(text, end, high)
    lo = previous.end() if previous else low
    hi = following.start() + len(following.group().rstrip()) if following else high
    clipped_left, clipped_right = previous is None and low > 0, following is None and high < len(text)
    if clipped_left and (space := text.find(" ", lo, start)) >= 0:
        lo = space + 1
    if clipped_right and (space := text.rfind(" ", end, hi)) >= 0:
        hi = space
    return lo, hi, clipped_left, clipped_right


def merged(windows: Iterable[tuple[int, int, bool, bool]]) -> list[tuple[int, int, bool, bool]]:
    """Overlapping windows as one, in text order."""
    out: list[tuple[int, int, bool, bool]] = []
    for lo, hi, left, right in sorted(windows):
        if out and lo <= out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], hi), last[2], right if hi >= last[1] else last[3])
        else:
            out.append((lo, hi, left, right))
    return out


def cut(text: str, lo: int, hi: int, marks: Sequence[tuple[int, int, str]]) -> tuple[Snippet, ...]:
    """text[lo:hi] cut at every mark's start and end; each piece carries the classes of the marks covering it."""
    bounds = sorted({lo, hi, *(min(max(p, lo), hi) for s, e, _ in marks for p in (s, e))})
    pieces = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        classes = " ".join(dict.fromkeys(c for s, e, c in marks if s <= left and right <= e))
        pieces.append(Snippet(text[left:right], classes))
    return tuple(pieces)


# --- alerts and the watcher ---------------------------------------------------------------------------------------

HITS_PAGE = 100


@dataclass(frozen=True)
class HitView:
    """A hit as the alerts page lists it: what was reported, with links to the fact in its document and to its
    incident (incidents alerts)."""

    alert: str
    kind: str
    fired_at: str
    what: str
    pill: str  # the type whose colour its pill takes ("measure" for every measure)
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str
    evidence: str
    document: str
    fact_href: str
    incident_href: str


def hit_view(hit: watch_alerts.Hit) -> HitView:
    """The page's view of a hit, read from what was reported (its payload)."""
    body, measure = hit.payload, hit.kind == "measures"
    fact = body.get("fact") or {}
    record = (fact.get("report") or {}) if hit.kind == "incidents" else fact  # the report that fired an incident
    document = body.get("document") or {}
    anchor = render.seg(("m-" if measure else "e-") + str(record.get("id", "")))
    what = str(fact.get("measure" if measure else "event") or "")
    return HitView(
        alert=hit.alert, kind=hit.kind, fired_at=watch_alerts.iso(hit.fired_at) or "", what=what,
        pill="measure" if measure else what, actor=tuple(fact.get("actor") or ()),
        recipient=tuple(fact.get("recipient") or ()), date=str(fact.get("period" if measure else "date") or "—"),
        evidence=str(body.get("evidence") or ""), document=str(document.get("title") or document.get("id") or ""),
        fact_href=f"/documents/{render.seg(str(document.get('hash', '')))}?fact={anchor}#{anchor}",
        incident_href=f"/incidents/{render.seg(str(fact.get('id')))}" if hit.kind == "incidents" else "",
    )  # fmt: skip


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(store: StoreDep, alert: Text = None) -> HTMLResponse:
    selected = (alert or "").strip() or None
    found = watch_alerts.recent_hits(store, alert=selected, limit=HITS_PAGE)
    return html(
        "alerts.html",
        alerts=watch_alerts.alert_summaries(store),
        selected=selected,
        hits=[hit_view(hit) for hit in found],
        limit=HITS_PAGE,
        export_json=f"/api/alerts/hits{query_string(alert=selected)}",
    )


@router.get("/watch", response_class=HTMLResponse)
def watch_page(store: StoreDep) -> HTMLResponse:
    return html("watch.html", sources=watch_alerts.watch_status(store))
