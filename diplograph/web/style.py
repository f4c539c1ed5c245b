"""The one stylesheet of the web UI, served at /static/style.css (kept in Python so it ships with the package)."""

from __future__ import annotations

import hashlib

# Highlight colours for each PLOVER type (by quad: blues and greens cooperate, oranges and reds conflict).
TYPE_COLOURS = {
    "AGREE": "#cfe3f5", "CONSULT": "#bcd7f0", "SUPPORT": "#d8e8f8", "CONCEDE": "#c6def2",
    "COOPERATE": "#cdeccf", "AID": "#b7e2bb", "RETREAT": "#d9f0d5",
    "REQUEST": "#fde7c4", "ACCUSE": "#fbd7a6", "REJECT": "#fcd9b1", "THREATEN": "#f9c48a", "PROTEST": "#fbe1b9",
    "SANCTION": "#f6b9b3", "MOBILIZE": "#f3c1c1", "COERCE": "#f2a7a1", "ASSAULT": "#ee9189",
    "STATEMENT": "#e4e6ea", "measure": "#e2d6f3",
}  # fmt: skip


def type_class(name: str) -> str:
    return f"t-{name}" if name in TYPE_COLOURS else "t-other"


_BASE = """
:root {
  --fg: #1d2330; --muted: #5b6472; --bg: #ffffff; --panel: #f5f6f8; --line: #d9dde3; --accent: #1f5fa8;
  --focus: #ffbf47; --radius: 6px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
mark a:focus-visible, svg a:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px;
}
svg a:focus-visible .dot, svg a:focus-visible circle { stroke: #000; stroke-width: 3; }
.skip { position: absolute; left: -999px; top: 0; background: var(--focus); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.top { background: #14213d; color: #fff; }
header.top .inner { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1rem;
  max-width: 1200px; margin: 0 auto; }
header.top a { color: #fff; text-decoration: none; }
header.top a:hover, header.top a[aria-current] { text-decoration: underline; }
header.top .brand { font-weight: 700; font-size: 1.15rem; letter-spacing: .02em; }
header.top nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
header.top form { margin-left: auto; display: flex; gap: .3rem; }
header.top input[type=search] { width: 14rem; max-width: 45vw; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .3rem 0 .8rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: .8rem 0 .4rem; }
.sub { color: var(--muted); margin-top: -.5rem; }
.grid2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.grid3 { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1rem;
  min-width: 0; }
.wide { grid-column: 1 / -1; }
.stats { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0 0 1rem; padding: 0; list-style: none; }
.stats li { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius);
  padding: .4rem .8rem; }
.stats b { font-size: 1.2rem; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #eceff3; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.evidence { font-style: italic; overflow-wrap: anywhere; }
.pill { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .8rem; font-weight: 600;
  border: 1px solid rgba(0,0,0,.15); white-space: nowrap; color: #1d2330; }
.up { color: #1d7a45; } .down { color: #b3261e; }
.empty { color: var(--muted); }
.figure { margin: 0; }
/* Charts (diplograph.charts) carry their own colours as presentation attributes; the page only sizes them. */
.chart { width: 100%; height: auto; display: block; max-height: 460px; }
.chart a:hover .dot { stroke: #000; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1rem; padding: 0; margin: .4rem 0;
  font-size: .85rem; color: var(--muted); }
form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .6rem;
  align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #a8b0bb; border-radius: 4px;
  background: #fff; color: var(--fg); min-height: 2.2rem; }
button, .button { background: var(--accent); color: #fff; border: 1px solid var(--accent); cursor: pointer;
  text-decoration: none; display: inline-block; padding: .35rem .8rem; border-radius: 4px; }
.button.secondary { background: #fff; color: var(--accent); }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0 1rem; }
.doc-layout > section:last-child { position: sticky; top: .5rem; }
.doc-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Noto Serif", serif;
  font-size: 1.02rem; line-height: 1.7; background: #fff; border: 1px solid var(--line); border-radius: var(--radius);
  padding: 1rem 1.2rem; margin: 0; }
.doc-text mark { border-radius: 3px; padding: 0 1px; color: inherit; }
.doc-text mark a { color: inherit; text-decoration: none; }
.doc-text mark.layered { box-shadow: inset 0 -3px 0 rgba(0,0,0,.35); }
.doc-text mark.selected { outline: 2px solid #14213d; box-shadow: 0 0 0 4px var(--focus); }
.facts { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .5rem;
  max-height: 80vh; overflow-y: auto; }
.facts > li { border: 1px solid var(--line); border-radius: var(--radius); padding: .5rem .7rem; background: #fff; }
.facts > li:target, .facts > li.selected { border-color: #14213d; box-shadow: 0 0 0 3px var(--focus); }
.record { margin: .3rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem;
  font-size: .88rem; }
.record dt { color: var(--muted); } .record dd { margin: 0; overflow-wrap: anywhere; }
.selected-fact { border: 2px solid #14213d; }
.muted { color: var(--muted); }
.codes a { margin-right: .25rem; }
.partner-links { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem .5rem; padding: 0; margin: .3rem 0; }
.partner-links li { border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; background: #fff; }
.outreach { columns: 2 22rem; column-gap: 2rem; }
.outreach > li { break-inside: avoid; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain > li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.pager { display: flex; gap: .6rem; margin: 1rem 0; }
/* An incident's reports side by side: as many columns as fit, one under 560 px. */
.reports { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.report { background: #fff; border: 1px solid var(--line); border-radius: var(--radius); padding: .7rem .9rem;
  min-width: 0; }
.report:target { border-color: #14213d; box-shadow: 0 0 0 3px var(--focus); }
.report.below { border-style: dashed; }
.report h3 { margin-top: 0; overflow-wrap: anywhere; }
.excerpt { margin: .5rem 0; padding: .4rem .7rem; border-left: 3px solid var(--line); overflow-wrap: anywhere;
  font-family: Georgia, "Noto Serif", serif; line-height: 1.6; }
.excerpt mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.place { text-decoration: underline 2px; text-underline-offset: 3px; font-weight: 600; }
mark.place:not(.hl) { background: transparent; }
.notice { background: #fff6dd; border: 1px solid #e8d28a; border-radius: var(--radius); padding: .5rem .8rem; }
footer { max-width: 1200px; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 900px) {
  .grid2, .grid3, .doc-layout { grid-template-columns: minmax(0, 1fr); }
  .facts { max-height: none; }
  .doc-layout > section:last-child { position: static; }
}
@media (max-width: 560px) {
  header.top form { margin-left: 0; width: 100%; }
  header.top input[type=search] { flex: 1; width: auto; max-width: none; }
  main { padding: .6rem; }
  h1 { font-size: 1.3rem; }
  th, td { padding: .3rem .35rem; }
  table.responsive thead { display: none; }
  table.responsive tr { display: block; border-bottom: 2px solid var(--line); padding: .3rem 0; }
  table.responsive td { display: block; border: 0; padding: .1rem .3rem; text-align: left; }
  table.responsive td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
}
"""


def stylesheet() -> str:
    types = "\n".join(f".{type_class(name)} {{ background: {colour}; }}" for name, colour in TYPE_COLOURS.items())
    return _BASE + types + "\n.t-other { background: #e4e6ea; }\n"


CSS = stylesheet()
CSS_VERSION = hashlib.sha256(CSS.encode()).hexdigest()[:10]
