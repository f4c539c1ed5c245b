"""What every chart shares: the colours and labels of the PLOVER quads, escaping, the SVG frame, text, links,
the legend and the axis ticks. One look for the web UI and the briefs: presentation attributes only, no `style=`."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from html import escape

from diplograph.ontology import QUADS

COLOURS = {
    "verbal_cooperation": "#4a90c2",
    "material_cooperation": "#2e8b57",
    "verbal_conflict": "#e0962b",
    "material_conflict": "#c8372d",
    "other": "#8a8f98",
    "measure": "#7b5ea7",
}
LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "other": "other",
    "measure": "measure",
}
INK, MUTED, GRID, BASELINE, FOCUS, NODE = "#1d2330", "#5b6472", "#e3e6ea", "#9aa1ab", "#14213d", "#4a6fa5"
FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="12"'
CHAR_WIDTH = 6.2  # a rough width of one character at 12 units, to lay out labels without measuring them
Href = Callable[[str], str]  # a chart item's key (a state code, an event's key) -> the URL it links to


def esc(value: object) -> str:
    """Text as it may stand in SVG or HTML, quotes included (None is empty)."""
    return escape("" if value is None else str(value), quote=True)


def plural(count: int, noun: str) -> str:
    """The count and the noun, plural unless the count is one: "1 event", "2 events"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def colour_of(key: str) -> str:
    return COLOURS.get(key, COLOURS["other"])


def score_colour(score: float | None) -> str:
    """Green for a mostly cooperative mean PLOVER score, red for a conflictual one, grey in between or unscored."""
    if score is None or abs(score) < 1:
        return COLOURS["other"]
    return COLOURS["material_cooperation"] if score > 0 else COLOURS["material_conflict"]


SCORE_KEY = [
    (COLOURS["material_cooperation"], "cooperative (mean score \u2265 +1)"),
    (COLOURS["other"], "mixed or unscored"),
    (COLOURS["material_conflict"], "conflictual (\u2264 \u22121)"),
]


def dominant(counts: Mapping[str, int]) -> str:
    """The quad with the most events (the first in QUADS on a tie); "other" when none is in a quad."""
    if not any(counts.get(q, 0) for q in QUADS):
        return "other"
    return max(QUADS, key=lambda q: (counts.get(q, 0), -QUADS.index(q)))


def frame(kind: str, width: float, height: float, title: str, body: Iterable[str]) -> str:
    """One chart: an `<svg>` of class "chart KIND" (and `data-chart`, the hook of the web's tests) with its title."""
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" data-chart="{kind}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" role="img" {FONT}>',
        f"<title>{esc(title)}</title>",
        *body,
        "</svg>",
    ])  # fmt: skip


def empty_chart(kind: str, width: float, title: str, message: str) -> str:
    """A chart with nothing to draw: its frame and a sentence that says why."""
    return frame(kind, width, 48, title, [label(16, 29, message, fill=MUTED)])


def label(
    x: float, y: float, text: object, *, anchor: str = "start", size: int | None = None, fill: str = INK,
    bold: bool = False, halo: bool = False,
) -> str:  # fmt: skip
    """A `<text>`; `halo` draws a white outline under it, to read over lines and land."""
    extra = f' font-size="{size}"' if size else ""
    extra += ' font-weight="bold"' if bold else ""
    extra += ' paint-order="stroke" stroke="#fff" stroke-width="3"' if halo else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>{esc(text)}</text>'


def link(href: Href | None, key: str, parts: str, css_class: str) -> str:
    """`parts` in a link to `href(key)` when there is an `href`, else in a plain group."""
    if href is None:
        return f'<g class="{css_class}">{parts}</g>'
    return f'<a href="{esc(href(key))}" class="{css_class}">{parts}</a>'


def quad_key(keys: Iterable[str]) -> list[tuple[str | None, str]]:
    """Legend entries for these quads (and "other", "measure"), in the order of COLOURS."""
    present = set(keys)
    return [(colour, LABELS[key]) for key, colour in COLOURS.items() if key in present]


def legend(entries: Sequence[tuple[str | None, str]], *, x: float, y: float, width: float) -> tuple[list[str], float]:
    """Swatches with their labels in rows from (x, y), wrapped at `width`; an entry without a colour is a note.
    Returns the parts and the height they take."""
    parts, left, row = [], x, 0
    for colour, text in entries:
        size = (16 if colour else 0) + CHAR_WIDTH * len(text) + 16
        if left > x and left + size > x + width:
            left, row = x, row + 1
        top = y + 18 * row
        if colour:
            parts.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="12" height="12" rx="2" fill="{colour}"/>')
        parts.append(label(left + (16 if colour else 0), top + 10.5, text, fill=INK if colour else MUTED))
        left += size
    return parts, 18.0 * (row + 1) if entries else 0.0


def ticks(low: float, high: float, most: int = 5) -> list[int]:
    """Whole numbers from `low` to `high` at a round step (1, 2, 5, 10, 20, 50, ...) that gives at most `most`
    intervals: the labels of an axis."""
    span = max(high - low, 1)
    step = next(s for s in _round_steps() if span / s <= max(most, 1))
    return list(range(math.ceil(low / step) * step, math.floor(high) + 1, step))


def _round_steps() -> Iterator[int]:
    for power in itertools.count():
        yield from (m * 10**power for m in (1, 2, 5))
