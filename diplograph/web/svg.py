"""Small inline SVG charts, drawn on the server: no script, no style attributes (the CSP allows neither).

Every text that comes from the store goes through `esc`; colours are presentation attributes or classes.
Each chart is a <figure> whose SVG has role="img" and a label, followed by the same numbers as a table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from diplograph.analytics import Network
from diplograph.model import Event
from diplograph.query.facts import Fact, Partner, name_of, score_of
from diplograph.query.timeline import Bucket, Timeline

QUAD_COLOURS = {
    "verbal_cooperation": "#4a90c2",
    "material_cooperation": "#2e8b57",
    "verbal_conflict": "#e0962b",
    "material_conflict": "#c8372d",
    "other": "#8a8f98",
    "measure": "#7b5ea7",
}
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "other": "other",
    "measure": "measure",
}
QUAD_ORDER = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "other")


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def seg(value: str) -> str:
    """A value as one URL path segment."""
    return quote(value, safe="")


def score_colour(score: float | None) -> str:
    if score is None:
        return "#8a8f98"
    if score >= 1:
        return "#2e8b57"
    if score <= -1:
        return "#c8372d"
    return "#8a8f98"


def legend(keys: Sequence[str]) -> str:
    items = "".join(
        f'<li><span class="swatch q-{esc(k)}" aria-hidden="true"></span>{esc(QUAD_LABELS.get(k, k))}</li>' for k in keys
    )
    return f'<ul class="legend">{items}</ul>'


def timeline_chart(timeline: Timeline, *, title: str, chart_id: str = "timeline") -> str:
    """Stacked bars: events per year or month, split by PLOVER quad."""
    if not timeline.buckets:
        note = f" ({timeline.undated} without a date that fits one bucket)" if timeline.undated else ""
        return f'<p class="empty" data-chart="{esc(chart_id)}-empty">No dated events{esc(note)}.</p>'
    width, height, left, bottom, top = 640, 220, 34, 28, 10
    n = len(timeline.buckets)
    peak = max(b.total for b in timeline.buckets) or 1
    slot = (width - left - 8) / n
    bar = max(2.0, min(48.0, slot * 0.7))
    scale = (height - top - bottom) / peak
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{chart_id}-t" '
        f'data-chart="{esc(chart_id)}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-t">{esc(title)}</title>',
    ]
    for tick in _ticks(peak):
        y = height - bottom - tick * scale
        parts.append(f'<line x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" class="axis" text-anchor="end">{tick}</text>')
    every = max(1, math.ceil(n / 12))
    used = set()
    for i, bucket in enumerate(timeline.buckets):
        x = left + i * slot + (slot - bar) / 2
        y = height - bottom
        for quad in QUAD_ORDER:
            count = _in_quad(bucket, quad)
            if not count:
                continue
            used.add(quad)
            h = count * scale
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[quad]}" '
                f'class="bar"><title>{esc(bucket.label)}: {count} {esc(QUAD_LABELS[quad])}</title></rect>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 10}" class="axis" text-anchor="middle">'
                f"{esc(bucket.label)}</text>"
            )
    parts.append(f'<line x1="{left}" x2="{width - 4}" y1="{height - bottom}" y2="{height - bottom}" class="baseline"/>')
    parts.append("</svg>")
    rows = "".join(
        f"<tr><th scope=row>{esc(b.label)}</th>"
        + "".join(f"<td>{_in_quad(b, q)}</td>" for q in QUAD_ORDER[:4])
        + f"<td>{b.total}</td></tr>"
        for b in timeline.buckets
    )
    head = "".join(f"<th scope=col>{esc(QUAD_LABELS[q])}</th>" for q in QUAD_ORDER[:4])
    undated = (
        f'<p class="note">{timeline.undated} more events have no date within one {esc(timeline.unit)}.</p>'
        if timeline.undated
        else ""
    )
    return (
        f'<figure class="figure">{"".join(parts)}{legend([q for q in QUAD_ORDER if q in used])}{undated}'
        f"<details><summary>Numbers</summary><div class=scroll><table><thead><tr><th scope=col>"
        f"{esc(timeline.unit)}</th>{head}<th scope=col>all</th></tr></thead><tbody>{rows}</tbody></table></div>"
        f"</details></figure>"
    )


def _in_quad(bucket: Bucket, quad: str) -> int:
    return bucket.other if quad == "other" else bucket.quads.get(quad, 0)


def _ticks(peak: int) -> list[int]:
    step = max(1, math.ceil(peak / 4))
    return list(range(0, peak + 1, step))


def partners_map(code: str, partners: Sequence[Partner], *, limit: int = 16) -> str:
    """The state in the middle, its partners around it: node size by events, line colour by mean PLOVER score.
    Each partner links to the dyad's page."""
    shown = list(partners[:limit])
    if not shown:
        return f'<p class="empty" data-chart="partners-map-empty">{esc(name_of(code))} has no partners yet.</p>'
    size, cx, cy, ring = 420, 210, 210, 150
    peak = max(p.events for p in shown) or 1
    parts = [
        f'<svg class="chart map" viewBox="0 0 {size} {size}" role="img" aria-labelledby="map-t" '
        f'data-chart="partners-map">',
        f'<title id="map-t">Partners of {esc(name_of(code))}: {len(shown)} states by number of events</title>',
        f'<circle cx="{cx}" cy="{cy}" r="{ring}" class="ring"/>',
    ]
    nodes = []
    for i, partner in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        weight = 1.5 + 6 * partner.events / peak
        colour = score_colour(partner.mean_score)
        parts.append(
            f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="{weight:.1f}" '
            f'stroke-linecap="round" class="link"/>'
        )
        r = 9 + 12 * math.sqrt(partner.events / peak)
        score = "no score" if partner.mean_score is None else f"mean score {partner.mean_score:+.1f}"
        label_y = y + r + 13 if y >= cy else y - r - 5
        nodes.append(
            f'<a href="/dyads/{seg(code)}/{seg(partner.code)}" class="node" data-partner="{esc(partner.code)}">'
            f"<title>{esc(partner.name)}: {partner.events} events ({score})</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" class="dot"/>'
            f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle" class="label">{esc(partner.code)}</text>'
            f"</a>"
        )
    parts.extend(nodes)
    parts.append(
        f'<circle cx="{cx}" cy="{cy}" r="30" class="centre"/>'
        f'<text x="{cx}" y="{cy + 5}" text-anchor="middle" class="label centre-label">{esc(code)}</text>'
    )
    parts.append("</svg>")
    key = (
        '<ul class="legend"><li><span class="swatch s-pos" aria-hidden="true"></span>mostly cooperative</li>'
        '<li><span class="swatch s-neu" aria-hidden="true"></span>mixed or unscored</li>'
        '<li><span class="swatch s-neg" aria-hidden="true"></span>mostly conflictual</li></ul>'
    )
    return f'<figure class="figure">{"".join(parts)}{key}</figure>'


def network_chart(network: Network, focus: str) -> str:
    """The focus state's neighbourhood in the state network: its partners and the edges among them."""
    neighbours = {e.target if e.source == focus else e.source for e in network.edges if focus in (e.source, e.target)}
    if not neighbours:
        return '<p class="empty" data-chart="network-empty">No network around this state yet.</p>'
    members = [focus, *sorted(neighbours)][:25]
    inside = set(members)
    edges = [e for e in network.edges if e.source in inside and e.target in inside]
    size, cx, cy, ring = 420, 210, 210, 160
    pos: dict[str, tuple[float, float]] = {focus: (cx, cy)}
    others = members[1:]
    for i, state in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        pos[state] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle))
    peak = max(e.weight for e in edges) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {size} {size}" role="img" aria-labelledby="net-t" data-chart="network">',
        f"<title id=net-t>Network around {esc(focus)}: {len(members)} states, {len(edges)} links</title>",
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        cls = "edge focus-edge" if focus in (e.source, e.target) else "edge"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{score_colour(e.mean_score)}" '
            f'stroke-width="{1 + 5 * e.weight / peak:.1f}" class="{cls}"><title>{esc(e.source)}–{esc(e.target)}: '
            f"{e.weight} events</title></line>"
        )
    degree = {n.state: n for n in network.nodes}
    for state in members:
        x, y = pos[state]
        node = degree.get(state)
        r = 14 if state == focus else 8 + min(8, (node.degree if node else 1))
        href = f"/states/{seg(state)}"
        parts.append(
            f'<a href="{href}" class="node"><title>{esc(name_of(state))}'
            f"{f': degree {node.degree}' if node else ''}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" class="{"centre" if state == focus else "dot net"}"/>'
            f'<text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle" class="label">{esc(state)}</text></a>'
        )
    parts.append("</svg>")
    return f'<figure class="figure">{"".join(parts)}</figure>'


def dyad_chart(facts: Sequence[Fact], a: str, b: str, *, doc_link: str = "/documents/") -> str:
    """Each dated event between a and b at its date (a range as a line) and PLOVER score (-10..10);
    each point links to its evidence in the document."""
    events = [(f, f.record) for f in facts if isinstance(f.record, Event)]
    dated = [f for f, r in events if r.date and _span(r.date) is not None and score_of(r) is not None]
    if not dated:
        return '<p class="empty" data-chart="dyad-empty">No dated, scored events between these two.</p>'
    spans = [_span(getattr(f.record, "date", None) or "") for f in dated]
    first = min(s[0] for s in spans if s)
    last = max(s[1] for s in spans if s)
    if last - first < 1:
        first, last = first - 0.5, last + 0.5
    first, last = float(first), float(last)
    width, height, left, right, top, bottom = 640, 260, 40, 12, 12, 30
    sx = (width - left - right) / (last - first)
    sy = (height - top - bottom) / 20

    def y_of(score: float) -> float:
        return top + (10 - score) * sy

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="dyad-t" data-chart="dyad">',
        f"<title id=dyad-t>Events between {esc(a)} and {esc(b)} by date and PLOVER score</title>",
    ]
    for tick in (10, 5, 0, -5, -10):
        y = y_of(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" class="axis" text-anchor="end">{tick:+d}</text>')
    for year in range(math.ceil(first), math.floor(last) + 1):
        x = left + (year - first) * sx
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - bottom}" class="grid"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="axis" text-anchor="middle">{year}</text>')
    for fact, span in zip(dated, spans, strict=True):
        assert span is not None
        record = fact.record
        assert isinstance(record, Event)
        score = score_of(record) or 0.0
        y = y_of(score)
        x1, x2 = left + (span[0] - first) * sx, left + (span[1] - first) * sx
        colour = QUAD_COLOURS.get(_quad(fact), "#8a8f98")
        href = f"{doc_link}{seg(fact.doc_hash)}?fact={seg(fact.anchor)}#{esc(fact.anchor)}"
        label = (
            f"{record.event} {'/'.join(record.actor)} → {'/'.join(record.recipient)}, {record.date}, score {score:+.1f}"
        )
        parts.append(
            f'<a href="{esc(href)}" class="point"><title>{esc(label)}</title>'
            f'<line x1="{x1:.1f}" x2="{max(x2, x1 + 0.1):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="4" stroke-linecap="round" class="range"/>'
            f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="6" fill="{colour}" class="dot"/></a>'
        )
    parts.append("</svg>")
    used = sorted({_quad(f) for f in dated}, key=lambda q: QUAD_ORDER.index(q) if q in QUAD_ORDER else 99)
    return f'<figure class="figure">{"".join(parts)}{legend(used)}</figure>'


def _quad(fact: Fact) -> str:
    from diplograph.query.facts import quad_of

    return quad_of(fact.record)


def _span(value: str) -> tuple[float, float] | None:
    """A date value as (start, end) in fractional years."""
    from diplograph.store.convert import date_bounds

    start, end = date_bounds(value)
    if start is None or end is None:
        return None
    return _year(start), _year(end) + 1 / 365


def _year(day: object) -> float:
    import datetime as dt

    assert isinstance(day, dt.date)
    begin = dt.date(day.year, 1, 1)
    return day.year + (day - begin).days / 365.25
