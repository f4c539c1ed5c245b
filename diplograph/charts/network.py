"""The network: a state in the middle, its partners on a circle, and the ties among them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diplograph.charts.base import (
    FOCUS,
    NODE,
    SCORE_KEY,
    Href,
    empty_chart,
    esc,
    frame,
    label,
    legend,
    link,
    plural,
    score_colour,
)


@dataclass(frozen=True)
class Tie:
    """Events between two states: how many, and their mean PLOVER score."""

    a: str
    b: str
    weight: int
    mean_score: float | None


def network_svg(
    focus: str, members: Sequence[str], ties: Sequence[Tie], *, title: str | None = None, href: Href | None = None,
    size: int = 640, top: int = 24,
) -> str:  # fmt: skip
    """`focus` in the middle, up to `top` of `members` on a circle (in their order, those without a tie last), and
    every tie among them: width = events, colour = mean PLOVER score. `href(code)` links each state."""
    ring = [m for m in dict.fromkeys(members) if m != focus][:top]
    inside = {focus, *ring}
    ties = [t for t in ties if t.a in inside and t.b in inside and t.a != t.b]
    title = title or f"Network of {focus} and its partners"
    if not ties:
        return empty_chart("network", size, title, f"No ties between {focus} and other states yet.")
    tied = {s for t in ties for s in (t.a, t.b)}
    ring = [s for s in ring if s in tied] + [s for s in ring if s not in tied]
    room = 60  # beside the circle, for the labels
    width = size + 2 * room
    parts, legend_height = legend([*SCORE_KEY, (None, "line width: events between the two")], x=10, y=6,
                                  width=width - 20)  # fmt: skip
    cx, cy, radius = width / 2, 6 + legend_height + 10 + size / 2, size / 2 - 40
    spots = {focus: (cx, cy)}
    for i, state in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
        spots[state] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    parts += _ties(ties, spots)
    strength = {s: sum(t.weight for t in ties if s in (t.a, t.b)) for s in spots}
    strongest = max(strength.values()) or 1
    for state, (x, y) in spots.items():
        r = 5 + 9 * math.sqrt(strength[state] / strongest)
        dot = (
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{FOCUS if state == focus else NODE}" '
            f'stroke="#fff" stroke-width="1.5"><title>{esc(state)}: {plural(strength[state], "event")}</title></circle>'
        )
        parts.append(link(href, state, dot + _node_label(state, x, y, r, cx, cy, state == focus), "node"))
    return frame("network", width, cy + size / 2 + 10, title, parts)


def _ties(ties: Sequence[Tie], spots: Mapping[str, tuple[float, float]]) -> list[str]:
    peak = max(t.weight for t in ties) or 1
    parts = []
    for tie in ties:
        (x1, y1), (x2, y2) = spots[tie.a], spots[tie.b]
        score = "no score" if tie.mean_score is None else f"mean score {tie.mean_score:+.1f}"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{score_colour(tie.mean_score)}" '
            f'stroke-opacity="0.6" stroke-width="{1 + 6 * tie.weight / peak:.1f}" stroke-linecap="round">'
            f"<title>{esc(tie.a)} – {esc(tie.b)}: {plural(tie.weight, 'event')}, {score}</title></line>"
        )
    return parts


def _node_label(state: str, x: float, y: float, r: float, cx: float, cy: float, centre: bool) -> str:
    """Above the centre; outward from the circle for the others."""
    if centre:
        return label(x, y - r - 6, state, anchor="middle", bold=True, halo=True)
    dx, dy = x - cx, y - cy
    norm = math.hypot(dx, dy) or 1.0
    anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
    return label(x + dx / norm * (r + 6), y + dy / norm * (r + 6) + 4, state, anchor=anchor, bold=True, halo=True)
