"""The partners map: a schematic world map with the focal state and its partners at their capitals."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diplograph.charts.base import (
    COLOURS,
    FOCUS,
    Href,
    colour_of,
    dominant,
    esc,
    frame,
    label,
    legend,
    link,
    plural,
    quad_key,
)
from diplograph.charts.geo import CONTINENTS, centroids


@dataclass(frozen=True)
class Counterpart:
    """A partner on the map: its events by quad and its measures with the focal state."""

    code: str
    name: str
    events: int
    measures: int
    quads: Mapping[str, int]

    @property
    def weight(self) -> int:
        return self.events + self.measures


MAP_LAT = (-58.0, 80.0)  # the latitudes the map shows, south to north
SEA, LAND, COAST, GRATICULE = "#eef4f8", "#d9d4c7", "#c4bcaa", "#dce6ee"
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _project(lat: float, lon: float, width: float, height: float) -> tuple[float, float]:
    """Equirectangular: longitude and latitude straight to x and y."""
    return (lon + 180.0) / 360.0 * width, (MAP_LAT[1] - lat) / (MAP_LAT[1] - MAP_LAT[0]) * height


def _partner_colour(partner: Counterpart) -> str:
    return colour_of(dominant(partner.quads) if partner.events else "measure")


def partners_map_svg(
    focus: str, counterparts: Sequence[Counterpart], *, title: str | None = None, href: Href | None = None,
    width: int = 1100, top: int = 20,
) -> str:  # fmt: skip
    """A schematic equirectangular world map: `focus` and up to `top` of `counterparts` (those with a known
    capital) at their capitals, a line to each as wide as their interactions (events + measures) and coloured by
    the partner's dominant quad (measures only: the measure colour). `href(code)` links each partner."""
    where = centroids()
    shown = [p for p in counterparts if p.code in where][:top]
    used = {dominant(p.quads) for p in shown if p.events}
    measures_only = [(COLOURS["measure"], "measures only")] if any(not p.events for p in shown) else []
    note = "line width: events + measures; capitals on a schematic map" if shown else f"No partners of {focus} yet."
    parts, legend_height = legend([*quad_key(used), *measures_only, (None, note)], x=10, y=6, width=width - 20)
    height = round(width * (MAP_LAT[1] - MAP_LAT[0]) / 360.0)
    body = _world(width, height)
    home = where.get(focus)
    if home is not None:
        body += _map_partners(focus, _project(*home, width, height), shown, width, height, href)
    parts.append(f'<g transform="translate(0 {6 + legend_height + 4:.0f})">{"".join(body)}</g>')
    title = title or f"Partners of {focus} on a schematic world map"
    return frame("map", width, 6 + legend_height + 4 + height, title, parts)


def _world(width: float, height: float) -> list[str]:
    """The sea, a 30-degree graticule and the continents' outlines (charts/geo.py)."""
    parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="{SEA}"/>']
    for lon in range(-180, 181, 30):
        x, _ = _project(0, lon, width, height)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" stroke="{GRATICULE}"/>')
    for lat in range(-30, 81, 30):
        _, y = _project(lat, 0, width, height)
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRATICULE}"/>')
    for name, ring in CONTINENTS.items():
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_project(lat, lon, width, height) for lon, lat in ring))
        parts.append(f'<polygon points="{points}" fill="{LAND}" stroke="{COAST}" data-name="{esc(name)}"/>')
    return parts


def _map_partners(
    focus: str, home: tuple[float, float], shown: Sequence[Counterpart], width: float, height: float,
    href: Href | None,
) -> list[str]:  # fmt: skip
    """Lines from `home`, then each partner's dot and label (placed clear of the others), then the focus."""
    where = centroids()
    hx, hy = home
    peak = max((p.weight for p in shown), default=1) or 1
    spots = {p.code: _project(*where[p.code], width, height) for p in shown}
    radius = {p.code: 3.5 + 5.0 * math.sqrt(p.weight / peak) for p in shown}
    parts = [
        f'<line x1="{hx:.1f}" y1="{hy:.1f}" x2="{spots[p.code][0]:.1f}" y2="{spots[p.code][1]:.1f}" '
        f'stroke="{_partner_colour(p)}" stroke-opacity="0.55" stroke-width="{1.2 + 5.0 * p.weight / peak:.1f}" '
        'stroke-linecap="round"/>'
        for p in shown
    ]
    boxes: list[Box] = [(hx - 10, hy - 10, hx + 10, hy + 10), (hx + 10, hy - 22, hx + 12 + 9 * len(focus), hy - 6)]
    boxes += [(x - radius[c], y - radius[c], x + radius[c], y + radius[c]) for c, (x, y) in spots.items()]
    for p in shown:
        (x, y), r = spots[p.code], radius[p.code]
        tx, ty, anchor = _place_label(x, y, r, 8.0 * len(p.code), boxes)
        dot = (
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_partner_colour(p)}" stroke="#fff">'
            f"<title>{esc(p.name)}: {plural(p.events, 'event')}, {plural(p.measures, 'measure')}</title></circle>"
        )
        parts.append(link(href, p.code, dot + label(tx, ty, p.code, anchor=anchor, size=11, bold=True, halo=True),
                          "node"))  # fmt: skip
    parts.append(f'<circle cx="{hx:.1f}" cy="{hy:.1f}" r="9" fill="{FOCUS}" stroke="#fff" stroke-width="2"/>')
    parts.append(label(hx + 12, hy - 10, focus, size=13, bold=True, halo=True))
    return parts


def _place_label(x: float, y: float, r: float, w: float, boxes: list[Box]) -> tuple[float, float, str]:
    """A spot for a label of width `w` beside the dot at (x, y) that overlaps no box (else the first try); the
    chosen box joins `boxes`."""
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

    def free(box: Box) -> bool:
        return all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes)

    tx, ty, anchor, box = next((t for t in tries if free(t[3])), tries[0])
    boxes.append(box)
    return tx, ty, anchor
