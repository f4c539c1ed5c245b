"""The dyad chart: each event between two states at its date and PLOVER score."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from diplograph.charts.base import (
    GRID,
    MUTED,
    Href,
    colour_of,
    empty_chart,
    esc,
    frame,
    label,
    legend,
    link,
    quad_key,
    ticks,
)


@dataclass(frozen=True)
class DyadEvent:
    """One event between two states: its dates, PLOVER score and quad; `key` is what `href` receives."""

    key: str
    label: str
    start: dt.date
    end: dt.date
    score: float
    quad: str


PLOT_HEIGHT = 200


def _year(day: dt.date) -> float:
    """A day as a fractional year."""
    return day.year + (day - dt.date(day.year, 1, 1)).days / 365.25


def dyad_svg(a: str, b: str, events: Sequence[DyadEvent], *, href: Href | None = None, width: int = 640) -> str:
    """Each event between `a` and `b` at its date (a range as a line) and PLOVER score (-10..+10), coloured by
    quad; `href(event.key)` links each point."""
    title = f"Events between {a} and {b} by date and PLOVER score"
    if not events:
        return empty_chart("dyad", width, title, "No dated, scored events between these two.")
    first, last = min(_year(e.start) for e in events), max(_year(e.end) + 1 / 365 for e in events)
    if last - first < 1:  # less than a year: widen to one, centred
        middle = (first + last) / 2
        first, last = middle - 0.5, middle + 0.5
    left, right = 40, width - 12
    parts, legend_height = legend(quad_key(e.quad for e in events), x=left, y=6, width=right - left)
    top = 6 + legend_height + 10
    sx, sy = (right - left) / (last - first), PLOT_HEIGHT / 20

    def y_of(score: float) -> float:
        return top + (10 - score) * sy

    for tick in ticks(-10, 10, most=4):
        y = y_of(tick)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(label(left - 6, y + 4, f"{tick:+d}", anchor="end", size=11, fill=MUTED))
    for year in ticks(math.ceil(first), math.floor(last), most=int((right - left) // 60)):
        x = left + (year - first) * sx
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + PLOT_HEIGHT}" stroke="{GRID}"/>')
        parts.append(label(x, top + PLOT_HEIGHT + 16, year, anchor="middle", fill=MUTED))
    for event in events:
        x1, x2, y = left + (_year(event.start) - first) * sx, left + (_year(event.end) - first) * sx, y_of(event.score)
        colour = colour_of(event.quad)
        mark = (
            f"<title>{esc(event.label)}</title>"
            f'<line class="range" x1="{x1:.1f}" x2="{max(x2, x1 + 0.1):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="4" stroke-linecap="round"/>'
            f'<circle class="dot" cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="6" fill="{colour}" stroke="#fff"/>'
        )
        parts.append(link(href, event.key, mark, "point"))
    return frame("dyad", width, top + PLOT_HEIGHT + 26, title, parts)
