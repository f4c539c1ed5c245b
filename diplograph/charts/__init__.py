"""The charts of the web UI and of the briefs: inline SVG drawn in Python, one look for both.

    timeline_svg(bars, bands=..., undated=..., title=..., unit=...)  stacked bars by quad; bands for coarse dates
    partners_map_svg(focus, counterparts, href=...)                  a schematic world map, a line to each partner
    network_svg(focus, members, ties, href=...)                      the focus in the middle, partners on a circle
    dyad_svg(a, b, events, href=...)                                 events between two states by date and score
    places_map(points, title=...)                                    where events happened: circles sized by count

Each takes plain data (`Bar`, `Counterpart`, `Tie`, `DyadEvent`, `PlacePoint`: the web and the report convert their
own in a few lines, next to their callers) and returns one `<svg role="img">` element with a `<title>` and its legend
inside, as a string. Every text is escaped (`esc`) and colours are presentation attributes: no `style=` and no
script, so the web's Content-Security-Policy allows the charts and a brief holds them offline. `href`, when given,
turns states and points into links (the web; a `PlacePoint` carries its own); the briefs pass none.

The package: `base` (the colours and labels of the quads, `esc`, the SVG `frame`, `legend`, `ticks`) and one
module per chart (`timeline`, `world`, `network`, `dyad`, `places`).
"""

from diplograph.charts.base import COLOURS, LABELS, Href, esc, frame, legend, score_colour, ticks
from diplograph.charts.dyad import DyadEvent, dyad_svg
from diplograph.charts.network import Tie, network_svg
from diplograph.charts.places import PlacePoint, places_map
from diplograph.charts.timeline import Bar, timeline_svg
from diplograph.charts.world import Counterpart, partners_map_svg

__all__ = [
    "COLOURS",
    "LABELS",
    "Bar",
    "Counterpart",
    "DyadEvent",
    "Href",
    "PlacePoint",
    "Tie",
    "dyad_svg",
    "esc",
    "frame",
    "legend",
    "network_svg",
    "partners_map_svg",
    "places_map",
    "score_colour",
    "ticks",
    "timeline_svg",
]
