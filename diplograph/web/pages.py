"""The web UI: server-rendered pages over the same library functions as the API (no script at all)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from diplograph import analytics, ontology
from diplograph.confidence import check_threshold, default_threshold, passes
from diplograph.errors import ConfigError
from diplograph.model import Event
from diplograph.store import Store
from diplograph.web import data, render, svg
from diplograph.web.render import esc, page, query_string, seg
from diplograph.web.style import CSS, type_class

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=500)]


def reader(request: Request) -> Iterator[Store]:
    with request.app.state.hub.reader() as store:
        yield store


StoreDep = Annotated[Store, Depends(reader)]


def html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def error_page(status: int, title: str, detail: str) -> HTMLResponse:
    body = f'<h1>{esc(title)}</h1><p class="error" data-status="{status}">{esc(detail)}</p><p><a href="/">Home</a></p>'
    return html(page(title, body), status)


@router.get("/static/style.css")
def stylesheet() -> Response:
    return Response(CSS, media_type="text/css", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep) -> HTMLResponse:
    stats = store.stats()
    states = data.states(store)[:12]
    docs = data.list_documents(store, limit=10, offset=0)
    state_rows = "".join(
        f"<tr><td>{render.state_link(s['code'])}</td><td>{esc(s['name'])}</td><td class=num>{s['events']}</td>"
        f"<td class=num>{s['measures']}</td></tr>"
        for s in states
    )
    doc_items = "".join(
        f'<li><a href="/documents/{seg(d["hash"])}">{esc(d["title"] or d["id"])}</a> '
        f'<span class="muted">{esc(d["published"] or "undated")} · {d["events"]} events · {d["measures"]} measures'
        f"</span></li>"
        for d in docs
    )
    body = f"""<h1>A sourced record of international relations</h1>
<ul class="stats">
<li><b>{stats["documents"]}</b> documents</li><li><b>{stats["events"]}</b> events</li>
<li><b>{stats["measures"]}</b> measures</li>
<li><b>{esc(stats["first_date"] or "—")}</b> first event</li><li><b>{esc(stats["last_date"] or "—")}</b> last event</li>
</ul>
<div class="grid2">
<section class="card" aria-labelledby="h-states"><h2 id="h-states">Most active states</h2>
<div class="scroll"><table><thead><tr><th scope=col>Code</th><th scope=col>Name</th><th scope=col class=num>Events</th>
<th scope=col class=num>Measures</th></tr></thead><tbody>{state_rows}</tbody></table></div>
<p><a href="/states">All states</a></p></section>
<section class="card" aria-labelledby="h-docs"><h2 id="h-docs">Documents</h2>
<ul class="plain">{doc_items or "<li class=empty>No documents yet.</li>"}</ul>
<p><a href="/documents">All documents</a> · <a href="/events">Browse events</a></p></section>
</div>"""
    return html(page("Home", body, active="/"))


@router.get("/search", response_class=HTMLResponse)
def search(store: StoreDep, q: Text = None) -> HTMLResponse:
    term = (q or "").strip()
    if not term:
        return html(page("Search", "<h1>Search</h1><p>Type a state code or name, a document title or words.</p>"))
    lowered = term.lower()
    known = {s["code"]: s for s in data.states(store)}
    states = [s for s in known.values() if s["code"].lower() == lowered or lowered in str(s["name"]).lower()]
    docs = data.search_documents(store, term, limit=30)
    facts = data.page_facts(store, "events", data.FactFilter(text=term), limit=50).facts
    state_items = "".join(
        f"<li>{render.state_link(s['code'])} {esc(s['name'])} <span class=muted>{s['events']} events</span></li>"
        for s in states
    )
    doc_items = "".join(
        f'<li><a href="/documents/{seg(d["hash"])}">{esc(d["title"] or d["id"])}</a> '
        f'<span class="muted">{esc(d["published"] or "undated")}</span></li>'
        for d in docs
    )
    body = f"""<h1>Results for “{esc(term)}”</h1>
<div class="grid2">
<section class="card"><h2>States</h2><ul class="plain">{state_items or "<li class=empty>None.</li>"}</ul></section>
<section class="card"><h2>Documents</h2><ul class="plain">{doc_items or "<li class=empty>None.</li>"}</ul></section>
<section class="card wide"><h2>Events whose evidence mentions it</h2>{render.facts_table(facts)}</section>
</div>"""
    return html(page(f"Search: {term}", body, query=term))


@router.get("/states", response_class=HTMLResponse)
def states_page(store: StoreDep) -> HTMLResponse:
    rows = "".join(
        f"<tr><td data-label=Code>{render.state_link(s['code'])}</td><td data-label=Name>{esc(s['name'])}</td>"
        f"<td data-label=Events class=num>{s['events']}</td><td data-label='As actor' class=num>{s['as_actor']}</td>"
        f"<td data-label='As recipient' class=num>{s['as_recipient']}</td>"
        f"<td data-label=Measures class=num>{s['measures']}</td></tr>"
        for s in data.states(store)
    )
    body = f"""<h1>States</h1><div class="scroll"><table class="responsive"><thead><tr><th scope=col>Code</th>
<th scope=col>Name</th><th scope=col class=num>Events</th><th scope=col class=num>As actor</th>
<th scope=col class=num>As recipient</th><th scope=col class=num>Measures</th></tr></thead>
<tbody>{rows}</tbody></table></div>"""
    return html(page("States", body, active="/states"))


@router.get("/states/{code}", response_class=HTMLResponse)
def state_page(store: StoreDep, code: str) -> HTMLResponse:
    code = code.strip().upper()
    counts = next((s for s in data.states(store) if s["code"] == code), None)
    if counts is None:
        return error_page(404, "Not found", f"No events or measures name the state {code!r}.")
    name = data.name_of(code)
    partners = data.partners(store, code)
    timeline = data.timeline(store, data.FactFilter(state=code))
    network = analytics.state_network(store)
    outreach = analytics.outreach(store, state=code)
    measures = data.page_facts(store, "measures", data.FactFilter(state=code), limit=40, order="desc").facts
    latest = data.page_facts(store, "events", data.FactFilter(state=code), limit=25, order="desc").facts
    partner_rows = "".join(
        f"<tr><td>{render.state_link(p.code)}</td><td><a href='/dyads/{seg(code)}/{seg(p.code)}'>{esc(p.name)}</a></td>"
        f"<td class=num>{p.events}</td><td class=num>{p.outgoing}</td><td class=num>{p.incoming}</td>"
        f"<td class=num>{'—' if p.mean_score is None else f'{p.mean_score:+.1f}'}</td></tr>"
        for p in partners[:20]
    )
    contacts = "".join(_contact(c) for c in outreach.contacts[:12])
    if len(outreach.contacts) > 12:
        contacts += f"<li class=muted>and {len(outreach.contacts) - 12} more states</li>"

    partner_links = "".join(
        f'<li><a href="/dyads/{seg(code)}/{seg(p.code)}" data-partner="{esc(p.code)}">{esc(p.code)}</a> '
        f'<span class="muted">{p.events}</span></li>'
        for p in partners[:30]
    )
    body = f"""<h1>{esc(name)} <span class="muted">({esc(code)})</span></h1>
<ul class="stats">
<li><b>{counts["events"]}</b> events</li><li><b>{counts["as_actor"]}</b> as actor</li>
<li><b>{counts["as_recipient"]}</b> as recipient</li><li><b>{counts["measures"]}</b> measures</li>
<li><b>{len(partners)}</b> partners</li>
</ul>
<p class="actions"><a class="button" href="/events{query_string(state=code)}">All events of {esc(code)}</a>
<a class="button secondary" href="/api/states/{seg(code)}/brief">Brief as JSON</a></p>
<div class="grid2">
<section class="card wide" aria-labelledby="h-map"><h2 id="h-map">Partners map</h2>
{partners_map(store, code, partners)}
<h3 id="h-partners">Partners: open a relationship</h3>
<ul class="partner-links" data-list="partners" aria-labelledby="h-partners">{partner_links}</ul>
<details><summary>Partners as a table</summary><div class="scroll"><table><thead><tr><th scope=col>Code</th>
<th scope=col>Partner</th><th scope=col class=num>Events</th><th scope=col class=num>{esc(code)} acts</th>
<th scope=col class=num>{esc(code)} receives</th><th scope=col class=num>Mean score</th></tr></thead>
<tbody>{partner_rows}</tbody></table></div></details></section>
<section class="card" aria-labelledby="h-time"><h2 id="h-time">Timeline</h2>
{svg.timeline_chart(timeline, title=f"Events of {name} by {timeline.unit}")}</section>
<section class="card" aria-labelledby="h-net"><h2 id="h-net">Network</h2>{svg.network_chart(network, code)}</section>
<section class="card wide" aria-labelledby="h-out"><h2 id="h-out">Outreach</h2>
<p class="muted">States {esc(code)} visited, hosted or met (CONSULT events).</p>
<ul class="plain outreach" data-list="outreach">{contacts or "<li class=empty>No meetings.</li>"}</ul></section>
<section class="card wide" aria-labelledby="h-meas"><h2 id="h-meas">Measures</h2>{_measures_table(measures)}</section>
<section class="card wide" aria-labelledby="h-latest"><h2 id="h-latest">Latest events</h2>
{render.facts_table(latest, caption="Latest events")}
<p><a href="/events{query_string(state=code, order="desc")}">More events</a></p></section>
</div>"""
    return html(page(f"{name} ({code})", body, active="/states"))


def partners_map(store: Store, code: str, partners: list[data.Partner]) -> str:
    """The brief's schematic world map (diplograph.report) when that package is there, else a radial diagram."""
    try:
        from diplograph.report import brief, partners_map_svg
    except ImportError:
        return svg.partners_map(code, partners)
    return f'<figure class="figure" data-chart="partners-map">{partners_map_svg(brief(store, code))}</figure>'


def _contact(contact: analytics.Contact) -> str:
    meetings = "".join(
        f'<li><a href="/documents/{seg(m.doc)}?fact={seg("e-" + m.id)}#{seg("e-" + m.id)}">'
        f"{esc(m.date or 'undated')}</a> {esc(m.role)}: <span class=evidence>{esc(m.evidence)}</span></li>"
        for m in contact.meetings[:2]
    )
    if len(contact.meetings) > 2:
        meetings += f"<li class=muted>{len(contact.meetings) - 2} more</li>"
    return (
        f"<li>{render.state_link(contact.state)} {esc(data.name_of(contact.state))} "
        f"<span class=muted>{len(contact.meetings)} meeting{'s' if len(contact.meetings) != 1 else ''}</span>"
        f"<ul>{meetings}</ul></li>"
    )


def _measures_table(facts: list[data.Fact]) -> str:
    if not facts:
        return '<p class="empty">No measures recorded.</p>'
    rows = []
    for fact in facts:
        r = fact.record
        if isinstance(r, Event):
            continue
        rows.append(
            f"<tr><td data-label=Measure>{render.type_pill(r)} <span class=muted>{esc(r.commodity or '')}</span></td>"
            f"<td data-label=Actor>{render.codes(r.actor)}</td>"
            f"<td data-label=Recipient>{render.codes(r.recipient)}</td>"
            f"<td data-label=Value class=num>{esc(render.number(r.value))} {esc(r.unit)}</td>"
            f"<td data-label=Period class=num>{esc(r.period or '—')}</td>"
            f"<td data-label=Change class=num>{render.change(r.change_pct)}</td>"
            f'<td data-label=Evidence class=evidence><a href="{esc(render.fact_href(fact))}">'
            f"{esc(render.evidence_text(r, 160))}</a></td></tr>"
        )
    return (
        '<div class="scroll"><table class="responsive"><thead><tr><th scope=col>Measure</th><th scope=col>Actor</th>'
        "<th scope=col>Recipient</th><th scope=col class=num>Value</th><th scope=col class=num>Period</th>"
        f"<th scope=col class=num>Change</th><th scope=col>Evidence</th></tr></thead><tbody>{''.join(rows)}"
        "</tbody></table></div>"
    )


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(store: StoreDep, a: str, b: str) -> HTMLResponse:
    a, b = a.strip().upper(), b.strip().upper()
    filters = data.FactFilter(dyad=(a, b))
    facts = data.page_facts(store, "events", filters, limit=500).facts
    measures = data.page_facts(store, "measures", filters, limit=100).facts
    if not facts and not measures:
        return error_page(404, "Not found", f"No events or measures between {a!r} and {b!r}.")
    timeline = analytics.dyad_timeline(store, a, b)
    months = "".join(
        f"<tr><td>{esc(m.month)}</td><td class=num>{m.events}</td>"
        f"<td class=num>{'—' if m.mean_score is None else f'{m.mean_score:+.1f}'}</td>"
        f"<td>{esc(', '.join(f'{k} {v}' for k, v in sorted(m.by_type.items())))}</td></tr>"
        for m in timeline.months
    )
    total = timeline.total
    evidence = "".join(_evidence_item(f) for f in facts)
    body = f"""<h1>{esc(data.name_of(a))} – {esc(data.name_of(b))}</h1>
<p class="sub">{render.state_link(a)} and {render.state_link(b)}, either direction</p>
<ul class="stats"><li><b>{total.events}</b> events</li>
<li><b>{"—" if total.mean_score is None else f"{total.mean_score:+.1f}"}</b> mean PLOVER score</li>
<li><b>{len(measures)}</b> measures</li></ul>
<p class="actions"><a class="button" href="/events{query_string(dyad=f"{a},{b}")}">Events table</a>
<a class="button secondary" href="/api/dyads/{seg(a)}/{seg(b)}/timeline">Timeline as JSON</a></p>
<div class="grid2">
<section class="card wide" aria-labelledby="h-over"><h2 id="h-over">Events over time, with PLOVER scores</h2>
{svg.dyad_chart(facts, a, b)}
<details><summary>By month ({timeline.coarse} events dated only to a year or longer)</summary>
<div class="scroll"><table><thead><tr><th scope=col>Month</th><th scope=col class=num>Events</th>
<th scope=col class=num>Mean score</th><th scope=col>Types</th></tr></thead><tbody>{months}</tbody></table></div>
</details></section>
<section class="card wide" aria-labelledby="h-ev"><h2 id="h-ev">Evidence</h2>
<ol class="facts" data-list="evidence">{evidence or "<li class=empty>No events.</li>"}</ol></section>
<section class="card wide" aria-labelledby="h-m"><h2 id="h-m">Measures</h2>{_measures_table(measures)}</section>
</div>"""
    return html(page(f"{a} – {b}", body, active="/states"))


def _evidence_item(fact: data.Fact) -> str:
    r = fact.record
    score = data.score_of(r)
    return (
        f"<li>{render.type_pill(r)} {render.codes(r.actor)} → {render.codes(r.recipient)} "
        f"<span class=muted>{esc(render.fact_date(r))} · score {'—' if score is None else f'{score:+.1f}'} · "
        f"{esc(r.doc)}</span><br>"
        f'<a class="evidence" href="{esc(render.fact_href(fact))}" data-fact="{esc(fact.anchor)}">'
        f"“{esc(render.evidence_text(r, 400))}”</a></li>"
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(store: StoreDep, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    size = 50
    docs = data.list_documents(store, limit=size + 1, offset=offset)
    rows = "".join(
        f'<tr><td data-label=Document><a href="/documents/{seg(d["hash"])}">{esc(d["title"] or d["id"])}</a>'
        f"<br><span class=muted>{esc(d['id'])}</span></td><td data-label=Published class=num>"
        f"{esc(d['published'] or '—')}</td><td data-label=Source>{esc(d['source'] or '—')}</td>"
        f"<td data-label=Events class=num>{d['events']}</td><td data-label=Measures class=num>{d['measures']}</td></tr>"
        for d in docs[:size]
    )
    pager = []
    if offset:
        pager.append(
            f'<a class="button secondary" href="/documents{query_string(offset=max(0, offset - size))}">Previous</a>'
        )
    if len(docs) > size:
        pager.append(f'<a class="button" href="/documents{query_string(offset=offset + size)}" rel="next">Next</a>')
    body = f"""<h1>Documents</h1><div class="scroll"><table class="responsive"><thead><tr><th scope=col>Document</th>
<th scope=col class=num>Published</th><th scope=col>Source</th><th scope=col class=num>Events</th>
<th scope=col class=num>Measures</th></tr></thead><tbody>{rows}</tbody></table></div>
<nav class="pager" aria-label="Pages">{"".join(pager)}</nav>"""
    return html(page("Documents", body, active="/documents"))


@router.get("/documents/{doc:path}", response_class=HTMLResponse)
def document_page(store: StoreDep, doc: str, fact: Text = None, all: bool = False) -> HTMLResponse:
    view = data.document_view(store, doc)
    if view is None:
        return error_page(404, "Not found", f"No document {doc!r}.")
    threshold = default_threshold()
    hidden = [f for f in view.facts if not all and not passes(f.record, None)]
    view.facts = [f for f in view.facts if f not in hidden]
    document = view.document
    selected = next((f for f in view.facts if f.anchor == fact), None)
    types = sorted({render.fact_type(f.record) if isinstance(f.record, Event) else "measure" for f in view.facts})
    legend = "".join(f'<li><span class="pill {type_class(t)}">{esc(t)}</span></li>' for t in types)
    items = []
    for f in view.facts:
        cls = ' class="selected"' if selected is f else ""
        items.append(
            f'<li id="{esc(f.anchor)}"{cls} data-fact="{esc(f.anchor)}">{render.type_pill(f.record)} '
            f"{render.codes(f.record.actor)} → {render.codes(f.record.recipient)} "
            f"<span class=muted>{esc(render.fact_date(f.record))}</span> "
            f'<a href="?fact={seg(f.anchor)}#s-{seg(f.anchor)}">show in text</a>'
            f"<details{' open' if selected is f else ''}><summary>Record</summary>{render.record_details(f)}</details>"
            "</li>"
        )
    chosen = ""
    if selected is not None:
        chosen = (
            f'<section class="card selected-fact" aria-labelledby="h-sel" data-selected="{esc(selected.anchor)}">'
            f'<h2 id="h-sel">Selected: {render.type_pill(selected.record)} {render.codes(selected.record.actor)} → '
            f"{render.codes(selected.record.recipient)}</h2>{render.record_details(selected)}"
            f'<p><a href="#s-{seg(selected.anchor)}">Go to the evidence in the text</a></p></section>'
        )
    meta = (
        f"<dl class=record><dt>id</dt><dd>{esc(document.id)}</dd><dt>published</dt><dd>"
        f"{esc(document.published or '—')}</dd><dt>source</dt><dd>{esc(document.source or '—')}</dd>"
        f"<dt>url</dt><dd>{render.safe_url(document.url)}</dd><dt>hash</dt><dd><code>{esc(view.hash)}</code></dd></dl>"
    )
    body = f"""<h1>{esc(document.title or document.id)}</h1>
<details><summary>About this document</summary>{meta}
<p><a href="/api/documents/{seg(view.hash)}">As JSON</a></p></details>
{chosen}
<p class="muted">{len(view.facts)} facts; each highlight links to its record.{_hidden_note(hidden, threshold, all)}</p>
<ul class="legend">{legend}</ul>
<div class="doc-layout">
<section aria-label="Text">{render.highlighted_text(document, view.facts, fact)}</section>
<section aria-labelledby="h-facts"><h2 id="h-facts">Facts</h2>
<ol class="facts">{"".join(items) or "<li class=empty>No facts found in this text.</li>"}</ol></section>
</div>"""
    return html(page(document.title or document.id, body, active="/documents"))


def _hidden_note(hidden: list[data.Fact], threshold: float, showing_all: bool) -> str:
    """The line that says how many candidates the threshold hides, and how to see them."""
    if showing_all:
        return ' Every candidate is shown, whatever its confidence (<a href="?">only those above the threshold</a>).'
    if not hidden:
        return ""
    return (f" {len(hidden)} more below the confidence threshold of {threshold:.2f} "
            f'(<a href="?all=true">show every candidate</a>).')


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
    facts: list[data.Fact] = []
    next_cursor = None
    try:
        filters = data.FactFilter(
            state=clean["state"], actor=clean["actor"], recipient=clean["recipient"],
            dyad=data.parse_dyad(clean["dyad"]), types=data.parse_types([clean["type"]] if clean["type"] else None),
            since=clean["since"], until=clean["until"], text=clean["text"], doc=clean["doc"],
            min_confidence=check_threshold(clean["min_confidence"]) if clean["min_confidence"] else None,
        )  # fmt: skip
        result = data.page_facts(store, kind, filters, limit=100, cursor=cursor, order=order)
        facts, next_cursor = result.facts, result.next_cursor
    except ConfigError as exc:
        error = f'<p class="error" role="alert">{esc(exc)}</p>'
    fields = [
        ("state", "State (either side)", "PRK"), ("actor", "Actor", "RUS"), ("recipient", "Recipient", ""),
        ("dyad", "Dyad", "RUS,PRK"), ("type", "Type", "AID,AGREE"), ("since", "Since", "2012"),
        ("until", "Until", "2015-06"), ("text", "Evidence contains", ""), ("doc", "Document id or hash", ""),
        ("min_confidence", f"Minimum confidence (default {default_threshold():.2f}; 0: all)", "0.5"),
    ]  # fmt: skip
    inputs = "".join(
        f'<label for="f-{name}">{esc(label)}<input id="f-{name}" name="{name}" value="{esc(clean[name] or "")}" '
        f'placeholder="{esc(hint)}" maxlength="200"{" list=types" if name == "type" else ""}></label>'
        for name, label, hint in fields
    )
    options = "".join(
        f'<option value="{v}"{" selected" if v == kind else ""}>{v}</option>' for v in ("events", "measures")
    )
    orders = "".join(
        f'<option value="{v}"{" selected" if v == order else ""}>{label}</option>'
        for v, label in (("asc", "oldest first"), ("desc", "latest first"))
    )
    datalist = "".join(f'<option value="{t}">' for t in ontology.EVENT_TYPES)
    shared = {k: v for k, v in clean.items() if v}
    export = {**shared, "limit": 1000, "order": order}
    api = f"/api/{kind}"
    pager = ""
    if next_cursor:
        following = query_string(kind=kind, order=order, cursor=next_cursor, **shared)
        pager = (
            f'<nav class="pager" aria-label="Pages"><a class="button" rel="next" '
            f'href="/events{esc(following)}">Next page</a></nav>'
        )
    body = f"""<h1>{"Events" if kind == "events" else "Measures"}</h1>
<form class="filters" method="get" action="/events" aria-label="Filters">
<label for="f-kind">Records<select id="f-kind" name="kind">{options}</select></label>
{inputs}
<label for="f-order">Order<select id="f-order" name="order">{orders}</select></label>
<datalist id="types">{datalist}</datalist>
<button type="submit">Filter</button>
</form>
{error}
<p class="actions">Export these filters:
<a class="button secondary" href="{esc(api + query_string(format="csv", **export))}" download>CSV</a>
<a class="button secondary" href="{esc(api + query_string(format="json", **export))}">JSON</a>
<span class="muted">{len(facts)} shown{" (more on the next page)" if next_cursor else ""}</span></p>
{render.facts_table(facts, caption="Records")}
{pager}"""
    return html(page("Events", body, active="/events"))
