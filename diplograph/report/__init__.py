"""Briefs: a state's record in one readable file, built from the store alone.

    from diplograph.report import brief, render_html, render_markdown
    b = brief(store, "PRK", since="2014")          # plain data: headlines, partners, timeline, measures, ...
    Path("prk.html").write_text(render_html(b))     # one self-contained page: inline CSS and SVG, no script
    Path("prk.md").write_text(render_markdown(b))   # the same facts as Markdown tables

The charts are diplograph.charts' functions over plain data, re-exported here with the brief's conversions (the
web UI draws the same charts):

    bars, bands = timeline_bars(b.timeline)
    timeline_svg(bars, bands=bands, undated=b.timeline.undated, title="Events by month")
    partners_map_svg(b.state, map_counterparts(b))
    network_svg(b.state, [p.code for p in b.partners], network_ties(b))

Command line: `diplograph brief CODE --out FILE` (the CLI's report module). See docs/briefs.md. On a large store,
`optimize(store)` (`diplograph optimize`) writes every state's brief facts, so that a first brief reads them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Imported on first use (PEP 562), so that `diplograph --help` does not load the store through this package.
_HOMES = {
    **dict.fromkeys(("Brief", "BriefFact", "BriefPartner", "BriefTimeline", "Citation", "NetworkLink", "Quote",
                     "QuotedContact", "TimeBucket", "brief", "format_amount", "format_change"),
                    "diplograph.report.facts"),
    **dict.fromkeys(("map_counterparts", "network_ties", "render_html", "render_markdown", "timeline_bars"),
                    "diplograph.report.render"),
    **dict.fromkeys(("network_svg", "partners_map_svg", "timeline_svg"), "diplograph.charts"),
    "optimize": "diplograph.report.aggregate",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'diplograph.report' has no attribute {name!r}")
    return getattr(import_module(home), name)


__all__ = [
    "Brief",
    "BriefFact",
    "BriefPartner",
    "BriefTimeline",
    "Citation",
    "NetworkLink",
    "Quote",
    "QuotedContact",
    "TimeBucket",
    "brief",
    "format_amount",
    "format_change",
    "map_counterparts",
    "network_svg",
    "network_ties",
    "optimize",
    "partners_map_svg",
    "render_html",
    "render_markdown",
    "timeline_bars",
    "timeline_svg",
]
