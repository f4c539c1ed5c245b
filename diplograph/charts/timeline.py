"""The timeline: stacked bars by quad over a time axis of whole years, and bands for coarse dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diplograph.charts.base import (
    BASELINE,
    CHAR_WIDTH,
    COLOURS,
    GRID,
    LABELS,
    MUTED,
    colour_of,
    dominant,
    empty_chart,
    esc,
    frame,
    label,
    legend,
    plural,
    quad_key,
    ticks,
)
from diplograph.ontology import QUADS

STACK = (*QUADS, "other")  # the order of a bar's pieces, bottom up; "other": types outside PLOVER


@dataclass(frozen=True)
class Bar:
    """Events in one stretch of time (a month, a year, a range), counted by quad and "other"."""

    label: str
    start: dt.date
    end: dt.date  # the last day, inclusive
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.get(key, 0) for key in STACK)


BARS_HEIGHT, LANE = 170, 24


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class _TimeAxis:
    """Whole years of months (`first`, `last`: year * 12 + month - 1) laid from x = `left` to `right`."""

    first: int
    last: int
    left: float
    right: float

    @classmethod
    def over(cls, stretches: Sequence[Bar], left: float, right: float) -> _TimeAxis:
        first, last = min(_month(b.start) for b in stretches), max(_month(b.end) for b in stretches)
        return cls(first - first % 12, last + 11 - last % 12, left, right)

    @property
    def step(self) -> float:
        return (self.right - self.left) / (self.last - self.first + 1)

    def x(self, day: dt.date, *, after: bool = False) -> float:
        """Where `day`'s month begins, or ends when `after`."""
        return self.left + (_month(day) - self.first + (1 if after else 0)) * self.step


def timeline_svg(
    bars: Sequence[Bar], *, bands: Sequence[Bar] = (), undated: int = 0, title: str, unit: str = "month",
    width: int = 1100,
) -> str:  # fmt: skip
    """Stacked bars by quad, each over its stretch of a time axis of whole years; below the axis one band per
    `bands` item (events dated only to a year or a range: drawn over their period, not spread over months), and a
    note of the `undated` events (those with no date within one `unit`)."""
    bars, bands = [b for b in bars if b.total], [b for b in bands if b.total]
    if not bars and not bands:
        note = f" ({plural(undated, 'event')} without a date within one {unit})" if undated else ""
        return empty_chart("timeline", width, title, f"No dated events{note}.")
    axis = _TimeAxis.over([*bars, *bands], 40, width - 20)
    used = {key for b in (*bars, *bands) for key in STACK if b.counts.get(key, 0)}
    parts, legend_height = legend(quad_key(used), x=axis.left, y=6, width=axis.right - axis.left)
    top = 6 + legend_height + 18  # room for the total above the highest bar
    axis_y = top + (BARS_HEIGHT if bars else 0)
    bottom = axis_y + 30 + (18 + LANE * len(bands) if bands else 0)
    parts += _years(axis, top, axis_y, bottom)
    if bars:
        parts += _bars(bars, axis, axis_y)
    parts.append(f'<line x1="{axis.left}" x2="{axis.right}" y1="{axis_y}" y2="{axis_y}" stroke="{BASELINE}"/>')
    if bands:
        parts += _bands(bands, axis, axis_y + 30)
    if undated:
        text = f"{plural(undated, 'more event')} without a date within one {unit}: not shown."
        parts.append(label(axis.left, bottom + 10, text, size=11, fill=MUTED))
        bottom += 18
    return frame("timeline", width, bottom + 6, title, parts)


def _years(axis: _TimeAxis, top: float, axis_y: float, bottom: float) -> list[str]:
    """A dashed line where each labelled year begins, its label under the axis in the middle of the year."""
    parts = []
    most = int((axis.right - axis.left) // 60)
    for year in ticks(axis.first // 12, axis.last // 12, most):
        x = axis.x(dt.date(year, 1, 1))
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom - 8}" stroke="{GRID}" '
                     'stroke-dasharray="2,3"/>')  # fmt: skip
        parts.append(label(x + 6 * axis.step, axis_y + 16, year, anchor="middle", fill=MUTED))
    return parts


def _bars(bars: Sequence[Bar], axis: _TimeAxis, axis_y: float) -> list[str]:
    """The count axis and the stacked bars, each piece as high as its count; totals on top where they fit."""
    peak = max(b.total for b in bars)
    scale = BARS_HEIGHT / peak
    parts = []
    for tick in ticks(0, peak):
        y = axis_y - tick * scale
        parts.append(f'<line x1="{axis.left}" x2="{axis.right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(label(axis.left - 6, y + 4, tick, anchor="end", size=11, fill=MUTED))
    for bar in bars:
        x0, x1 = axis.x(bar.start), axis.x(bar.end, after=True)
        width = max(2.0, (x1 - x0) * 0.8)
        x, y = (x0 + x1 - width) / 2, float(axis_y)
        for key in STACK:
            if n := bar.counts.get(key, 0):
                y -= n * scale
                parts.append(
                    f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{n * scale:.1f}" '
                    f'fill="{COLOURS[key]}"><title>{esc(bar.label)}: {n} {LABELS[key]}</title></rect>'
                )
        if width >= 10:
            parts.append(label(x + width / 2, y - 4, bar.total, anchor="middle", size=10))
    return parts


def _bands(bands: Sequence[Bar], axis: _TimeAxis, y: float) -> list[str]:
    """One lane per band: a translucent bar over its period in its dominant quad's colour, and its counts."""
    parts = [label(axis.left, y + 10, "Events dated only to a year or a range:", size=11, fill=MUTED)]
    y += 18
    for band in bands:
        x0, x1 = axis.x(band.start), axis.x(band.end, after=True)
        colour = colour_of(dominant(band.counts))
        detail = ", ".join(f"{n} {LABELS[key]}" for key in STACK if (n := band.counts.get(key, 0)))
        parts.append(
            f'<rect x="{x0:.1f}" y="{y + 2:.1f}" width="{max(x1 - x0, 2):.1f}" height="{LANE - 6}" rx="3" '
            f'fill="{colour}" fill-opacity="0.35" stroke="{colour}"><title>{esc(band.label)}: {detail}</title></rect>'
        )
        text = f"{band.label}: {plural(band.total, 'event')} ({detail})"
        x, anchor = _beside(x0, x1, CHAR_WIDTH * 0.92 * len(text), axis.left, axis.right)
        parts.append(label(x, y + LANE / 2 + 3, text, anchor=anchor, size=11))
        y += LANE
    return parts


def _beside(x0: float, x1: float, text_width: float, left: float, right: float) -> tuple[float, str]:
    """Where a band's label goes: right of it, else left of it, else inside from its start."""
    if x1 + 6 + text_width <= right:
        return x1 + 6, "start"
    if x0 - 6 - text_width >= left:
        return x0 - 6, "end"
    return max(x0 + 6, left + 4), "start"
