"""The places map: where events happened, as circles on the partners map's schematic world (charts/world.py).

    places_map([PlacePoint(37.98, 23.73, "Athens, GRC", count=5, quad="verbal_cooperation", href="/...")])

One circle a point, its area proportional to `count` (the radius grows with the square root), coloured by `quad`
(the quad classes of charts.base.COLOURS; None is "other"). Each circle has a `<title>` tooltip with its label and
count, and links to `href` when there is one; the points with the most events are also labelled on the map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from diplograph.charts.base import CHAR_WIDTH, colour_of, empty_chart, esc, frame, label, legend, plural, quad_key
from diplograph.charts.world import MAP_LAT, _place_label, _project, _world

LABELLED = 12  # the points with the most events that get a label on the map (the others: their tooltip)
LABEL_CHARS = 28  # longer labels are cut on the map (the tooltip keeps the whole label)
EDGE = 1.0  # degrees kept between a point and the map's top or bottom edge


@dataclass(frozen=True)
class PlacePoint:
    """A place on the map: where it is, what to call it, how many events happened there and of which quad."""

    lat: float
    lon: float
    label: str
    count: int = 1
    quad: str | None = None  # a key of charts.COLOURS (verbal_cooperation, ...); None: "other"
    href: str | None = None


def places_map(
    points: Sequence[PlacePoint], *, title: str = "Where events happened", width: int = 720, noun: str = "event"
) -> str:
    """An SVG map of `points` (see the module's docstring); `noun` names what `count` counts in the tooltips and
    the legend ("event", "report"). Without points: a chart that says there are none."""
    if not points:
        return empty_chart("places", width, title, f"No located {noun}s.")
    shown = sorted(points, key=lambda p: (-p.count, p.label, p.lat, p.lon))
    used = {p.quad or "other" for p in shown}
    note = f"circle area: {noun}s there; a schematic map"
    parts, legend_height = legend([*quad_key(used), (None, note)], x=10, y=6, width=width - 20)
    height = round(width * (MAP_LAT[1] - MAP_LAT[0]) / 360.0)
    body = [*_world(width, height), *_circles(shown, width, height, noun)]
    top = 6 + legend_height + 4
    parts.append(f'<g transform="translate(0 {top:.0f})">{"".join(body)}</g>')
    return frame("places", width, top + height, title, parts)


def _circles(shown: Sequence[PlacePoint], width: float, height: float, noun: str) -> list[str]:
    """The circles, largest first so that smaller ones stay on top (and clickable), then the labels of the
    LABELLED points with the most events, placed clear of the circles and of each other."""
    scale = math.sqrt(width / 720.0)  # circles grow slower than the map, to stay readable on a wide one
    peak = max(p.count for p in shown) or 1
    spots = [_spot(p, width, height) for p in shown]
    radius = [scale * (3.0 + 9.0 * math.sqrt(max(p.count, 0) / peak)) for p in shown]
    parts = [_circle(p, x, y, r, noun) for p, (x, y), r in zip(shown, spots, radius, strict=True)]
    boxes = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(spots, radius, strict=True)]
    for p, (x, y), r in list(zip(shown, spots, radius, strict=True))[:LABELLED]:
        text = _short(p.label)
        tx, ty, anchor = _place_label(x, y, r, CHAR_WIDTH * 11 / 12 * len(text), boxes)
        parts.append(label(tx, ty, text, anchor=anchor, size=11, halo=True))
    return parts


def _spot(point: PlacePoint, width: float, height: float) -> tuple[float, float]:
    """Where a point goes: its projection, kept inside the latitudes the map shows."""
    lat = min(max(point.lat, MAP_LAT[0] + EDGE), MAP_LAT[1] - EDGE)
    lon = min(max(point.lon, -180.0), 180.0)
    return _project(lat, lon, width, height)


def _circle(point: PlacePoint, x: float, y: float, r: float, noun: str) -> str:
    tip = f"{point.label}: {plural(point.count, noun)}"
    dot = (
        f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour_of(point.quad or "other")}" '
        f'fill-opacity="0.8" stroke="#fff"><title>{esc(tip)}</title></circle>'
    )
    if point.href is None:
        return f'<g class="place">{dot}</g>'
    return f'<a href="{esc(point.href)}" class="place">{dot}</a>'


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
