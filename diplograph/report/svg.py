"""Inline SVG charts of a Brief, drawn in Python: no script, no external resource, every text escaped.

    timeline_svg(brief.timeline)   # stacked bars by quad per month, and bands for events dated to a year/range
    partners_map_svg(brief)        # schematic world map: partners at their capitals, lines weighted by interactions
    network_svg(brief)             # the state and its partners on a circle, edges weighted by events

Each returns one `<svg>` element (a string) with a `<title>`, ready to put inside HTML. The web UI may reuse them.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape
from typing import TYPE_CHECKING

from diplograph.ontology import QUADS
from diplograph.report.geo import CONTINENTS, centroids

if TYPE_CHECKING:
    from diplograph.report.facts import Brief, BriefPartner, BriefTimeline, TimeBucket

QUAD_COLORS = {
    "verbal_cooperation": "#7fbf7b",
    "material_cooperation": "#1b7837",
    "verbal_conflict": "#f1a340",
    "material_conflict": "#c0392b",
}
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
FONT = 'font-family="Helvetica, Arial, sans-serif"'


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _open(width: float, height: float, title: str, css_class: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" role="img" {FONT} font-size="12">',
        f"<title>{_e(title)}</title>",
    ]


def _legend(x: float, y: float) -> list[str]:
    parts = []
    for quad in QUADS:
        parts.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{QUAD_COLORS[quad]}"/>')
        parts.append(f'<text x="{x + 16:.1f}" y="{y:.1f}">{_e(QUAD_LABELS[quad])}</text>')
        x += 24 + 7 * len(QUAD_LABELS[quad])
    return parts


def _dominant(counts: dict[str, int]) -> str:
    return max(QUADS, key=lambda q: (counts.get(q, 0), -QUADS.index(q)))


# --- timeline ----------------------------------------------------------------------------------------------------


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def timeline_svg(timeline: BriefTimeline, *, width: int = 1100, title: str = "Events by month") -> str:
    """Stacked bars by quad per month; below them, one band per year or range that events are dated to only
    coarsely (length = the period, label = the count)."""
    buckets: list[TimeBucket] = [*timeline.months, *timeline.spans]
    if not buckets:
        parts = _open(width, 60, title, "chart timeline")
        parts.append(f'<text x="10" y="35">No dated events{_e(f" ({timeline.undated} undated)")}.</text></svg>')
        return "\n".join(parts)
    first = min(_month_index(dt.date.fromisoformat(b.start)) for b in buckets)
    last = max(_month_index(dt.date.fromisoformat(b.end)) for b in buckets)
    first -= first % 12  # whole years on the axis
    last += 11 - last % 12
    left, right, top = 40, 20, 34
    plot_w = width - left - right
    step = plot_w / (last - first + 1)
    bars_h = 170 if timeline.months else 0
    lane_h = 24
    height = top + bars_h + 30 + lane_h * len(timeline.spans) + 30
    parts = _open(width, height, title, "chart timeline")
    parts += _legend(left, 16)
    axis_y = top + bars_h
    if timeline.months:
        peak = max(b.total for b in timeline.months)
        unit = bars_h / max(peak, 1)
        for tick in range(0, peak + 1, max(1, math.ceil(peak / 5))):
            y = axis_y - tick * unit
            parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>')
            parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#666">{tick}</text>')
        bar_w = max(3.0, step * 0.8)
        for b in timeline.months:
            x = left + (_month_index(dt.date.fromisoformat(b.start)) - first) * step + (step - bar_w) / 2
            y = axis_y
            for quad in QUADS:
                n = b.counts.get(quad, 0)
                if n:
                    h = n * unit
                    y -= h
                    parts.append(
                        f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                        f'fill="{QUAD_COLORS[quad]}"><title>{_e(b.label)}: {n} {_e(QUAD_LABELS[quad])}</title></rect>'
                    )
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                         f'font-size="10">{b.total}</text>')  # fmt: skip
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}" stroke="#333"/>')
    years = range(first // 12, last // 12 + 1)
    every = max(1, math.ceil(len(years) / 20))
    for year in years:
        x = left + (year * 12 - first) * step
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - 24}" stroke="#d0d0d0" '
                     f'stroke-dasharray="2,3"/>')  # fmt: skip
        if (year - years[0]) % every == 0:
            parts.append(f'<text x="{x + 12 * step / 2:.1f}" y="{axis_y + 16}" text-anchor="middle">{year}</text>')
    y = axis_y + 30
    if timeline.spans:
        parts.append(f'<text x="{left}" y="{y - 4}" fill="#555" font-size="11">Events dated only to a year or a '
                     f"range:</text>")  # fmt: skip
    for b in timeline.spans:
        x0 = left + (_month_index(dt.date.fromisoformat(b.start)) - first) * step
        x1 = left + (_month_index(dt.date.fromisoformat(b.end)) - first + 1) * step
        color = QUAD_COLORS[_dominant(b.counts)]
        detail = ", ".join(f"{n} {QUAD_LABELS[q]}" for q, n in b.counts.items() if n)
        parts.append(
            f'<rect x="{x0:.1f}" y="{y + 2:.1f}" width="{max(x1 - x0, 2):.1f}" height="{lane_h - 6}" rx="3" '
            f'fill="{color}" fill-opacity="0.35" stroke="{color}"><title>{_e(b.label)}: {_e(detail)}</title></rect>'
        )
        label = f"{b.label}: {b.total} event{'s' if b.total != 1 else ''} ({detail})"
        text_w = 6.2 * len(label)
        if x1 + 6 + text_w <= width - right:  # beside the band, right of it
            anchor, tx = "start", x1 + 6
        elif x0 - 6 - text_w >= left:  # left of it
            anchor, tx = "end", x0 - 6
        else:  # inside, from its start
            anchor, tx = "start", max(x0 + 6, left + 4)
        parts.append(f'<text x="{tx:.1f}" y="{y + lane_h / 2 + 3:.1f}" text-anchor="{anchor}" '
                     f'font-size="11">{_e(label)}</text>')  # fmt: skip
        y += lane_h
    if timeline.undated:
        parts.append(f'<text x="{left}" y="{height - 8}" fill="#555" font-size="11">'
                     f"{timeline.undated} undated event(s) not shown.</text>")  # fmt: skip
    parts.append("</svg>")
    return "\n".join(parts)


# --- partners map ------------------------------------------------------------------------------------------------

MAP_LAT = (-58.0, 80.0)


def _project(lat: float, lon: float, width: float, height: float) -> tuple[float, float]:
    x = (lon + 180.0) / 360.0 * width
    y = (MAP_LAT[1] - lat) / (MAP_LAT[1] - MAP_LAT[0]) * height
    return x, y


def _partner_color(partner: BriefPartner) -> str:
    if partner.events:
        return QUAD_COLORS[_dominant(partner.quads)]
    return "#4a6fa5"  # measures only


def partners_map_svg(brief: Brief, *, width: int = 1100, top: int = 20) -> str:
    """A schematic equirectangular world map: the state and up to `top` partners at their capitals, a line to
    each weighted by interactions (events + measures) and coloured by the partner's dominant quad."""
    height = round(width * (MAP_LAT[1] - MAP_LAT[0]) / 360.0)
    legend_h = 26
    parts = _open(width, height + legend_h, f"Partners of {brief.name} on a schematic world map", "chart map")
    parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef4f8"/>')
    for lon in range(-180, 181, 30):
        x, _ = _project(0, lon, width, height)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" stroke="#dce6ee"/>')
    for lat in range(-30, 81, 30):
        _, y = _project(lat, 0, width, height)
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dce6ee"/>')
    for name, ring in CONTINENTS.items():
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_project(lat, lon, width, height) for lon, lat in ring))
        parts.append(f'<polygon points="{points}" fill="#d9d4c7" stroke="#c4bcaa" data-name="{name}"/>')
    where = centroids()
    home = where.get(brief.state)
    shown = [p for p in brief.partners if p.state in where][:top]
    peak = max((p.weight for p in shown), default=1)
    if home is not None:
        hx, hy = _project(*home, width, height)
        for p in shown:
            px, py = _project(*where[p.state], width, height)
            stroke = 1.2 + 5.0 * p.weight / peak
            parts.append(
                f'<line x1="{hx:.1f}" y1="{hy:.1f}" x2="{px:.1f}" y2="{py:.1f}" stroke="{_partner_color(p)}" '
                f'stroke-opacity="0.55" stroke-width="{stroke:.1f}" stroke-linecap="round"/>'
            )
    boxes: list[tuple[float, float, float, float]] = []  # label and dot boxes already drawn (x0, y0, x1, y1)
    if home is not None:
        hx, hy = _project(*home, width, height)
        boxes += [(hx - 10, hy - 10, hx + 10, hy + 10), (hx + 10, hy - 22, hx + 12 + 9 * len(brief.state), hy - 6)]
    for p in shown:
        px, py = _project(*where[p.state], width, height)
        r = 3.5 + 5.0 * math.sqrt(p.weight / peak)
        tip = f"{p.name}: {p.events} events, {len(p.measures)} measures"
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" fill="{_partner_color(p)}" stroke="#fff">'
                     f"<title>{_e(tip)}</title></circle>")  # fmt: skip
        boxes.append((px - r, py - r, px + r, py + r))
    for p in shown:
        px, py = _project(*where[p.state], width, height)
        r = 3.5 + 5.0 * math.sqrt(p.weight / peak)
        tx, ty, anchor = _place_label(px, py, r, 8.0 * len(p.state), boxes)
        parts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="11" '
                     'font-weight="bold" fill="#222" paint-order="stroke" stroke="#fff" stroke-width="3">'
                     f"{_e(p.state)}</text>")  # fmt: skip
    if home is not None:
        hx, hy = _project(*home, width, height)
        parts.append(f'<circle cx="{hx:.1f}" cy="{hy:.1f}" r="9" fill="#222" stroke="#fff" stroke-width="2"/>')
        parts.append(f'<text x="{hx + 12:.1f}" y="{hy - 10:.1f}" font-size="13" font-weight="bold" '
                     f'paint-order="stroke" stroke="#fff" stroke-width="3">{_e(brief.state)}</text>')  # fmt: skip
    legend = _legend(10, height + 18)
    legend.append(f'<text x="{width - 10}" y="{height + 18}" text-anchor="end" fill="#555" font-size="11">'
                  "line width: events + measures; blue: measures only; capitals, equirectangular</text>")  # fmt: skip
    parts += legend
    parts.append("</svg>")
    return "\n".join(parts)


def _place_label(
    x: float, y: float, r: float, w: float, boxes: list[tuple[float, float, float, float]]
) -> tuple[float, float, str]:
    """A spot for a label of width w beside the dot at (x, y) that overlaps no box (else the first try);
    the chosen box is added to `boxes`."""
    h = 11.0
    tries = [
        (x + r + 2, y + 4, "start", (x + r + 2, y - 7, x + r + 2 + w, y + 4)),
        (x - r - 2, y + 4, "end", (x - r - 2 - w, y - 7, x - r - 2, y + 4)),
        (x, y - r - 3, "middle", (x - w / 2, y - r - 3 - h, x + w / 2, y - r - 3)),
        (x, y + r + 11, "middle", (x - w / 2, y + r, x + w / 2, y + r + 11)),
        (x + r + 2, y + 15, "start", (x + r + 2, y + 4, x + r + 2 + w, y + 15)),
        (x - r - 2, y + 15, "end", (x - r - 2 - w, y + 4, x - r - 2, y + 15)),
        (x + r + 2, y - 7, "start", (x + r + 2, y - 18, x + r + 2 + w, y - 7)),
        (x - r - 2, y - 7, "end", (x - r - 2 - w, y - 18, x - r - 2, y - 7)),
    ]

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes)

    tx, ty, anchor, box = next((t for t in tries if free(t[3])), tries[0])
    boxes.append(box)
    return tx, ty, anchor


# --- network -----------------------------------------------------------------------------------------------------


def _score_color(score: float | None) -> str:
    if score is None or abs(score) < 0.5:
        return "#999999"
    return "#1b7837" if score > 0 else "#c0392b"


def network_svg(brief: Brief, *, size: int = 640, top: int = 24) -> str:
    """The state at the centre, its partners (up to `top`, by interactions) on a circle, and every edge among
    them: width = events, colour = mean PLOVER score (green cooperative, red conflictual, grey neutral)."""
    members = [p.state for p in brief.partners][:top]
    keep = {brief.state, *members}
    links = [link for link in brief.network if link.a in keep and link.b in keep]
    linked = {s for link in links for s in (link.a, link.b)}
    ring = [s for s in members if s in linked] + [s for s in members if s not in linked]
    label_room = 60
    width, height = size + 2 * label_room, size + 30
    cx, cy, radius = width / 2, size / 2 + 10, size / 2 - 40
    pos = {brief.state: (cx, cy)}
    for i, state in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        pos[state] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    parts = _open(width, height, f"Network of {brief.name} and its partners", "chart network")
    peak = max((link.weight for link in links), default=1)
    strength: dict[str, int] = {}
    for link in links:
        strength[link.a] = strength.get(link.a, 0) + link.weight
        strength[link.b] = strength.get(link.b, 0) + link.weight
        (x1, y1), (x2, y2) = pos[link.a], pos[link.b]
        tip = f"{link.a} - {link.b}: {link.weight} events, mean score {link.mean_score}"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{_score_color(link.mean_score)}" '
            f'stroke-opacity="0.6" stroke-width="{1 + 6 * link.weight / peak:.1f}"><title>{_e(tip)}</title></line>'
        )
    top_strength = max(strength.values(), default=1)
    for state, (x, y) in pos.items():
        r = 5 + 9 * math.sqrt(strength.get(state, 0) / top_strength)
        fill = "#222" if state == brief.state else "#4a6fa5"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="#fff" stroke-width="1.5">'
                     f"<title>{_e(state)}: {strength.get(state, 0)} events</title></circle>")  # fmt: skip
        dx, dy = x - cx, y - cy
        norm = math.hypot(dx, dy) or 1.0
        if state == brief.state:
            tx, ty, anchor = x, y - r - 6, "middle"
        else:
            tx, ty = x + dx / norm * (r + 6), y + dy / norm * (r + 6) + 4
            anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
        parts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-weight="bold" '
                     f'paint-order="stroke" stroke="#fff" stroke-width="3">{_e(state)}</text>')  # fmt: skip
    parts.append(f'<text x="10" y="{height - 8}" fill="#555" font-size="11">edge width: events between the two '
                 "states; colour: mean PLOVER score (green &gt; 0, red &lt; 0, grey about 0)</text>")  # fmt: skip
    parts.append("</svg>")
    return "\n".join(parts)
