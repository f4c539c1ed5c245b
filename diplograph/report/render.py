"""Render a Brief as one self-contained HTML file or as Markdown.

HTML: inline CSS, inline SVG charts (`diplograph.charts`, from the brief's data converted by `timeline_bars`,
`map_counterparts` and `network_ties`), no script, no external resource; a
Content-Security-Policy meta tag forbids scripts and remote loads, and every piece of text from the store is
escaped. Links go only to http(s) document URLs and to anchors inside the file. Markdown: the same facts in
tables, charts as text summaries.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from diplograph.charts import COLOURS, LABELS, Bar, Counterpart, Tie, network_svg, partners_map_svg, timeline_svg
from diplograph.charts.places import PlacePoint, places_map
from diplograph.ontology import QUADS

if TYPE_CHECKING:
    from diplograph.report.facts import Brief, BriefFact, BriefTimeline, Quote, TimeBucket

CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #f6f6f4; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #222; }
.sub { color: #555; margin: 0 0 12px; }
.stats { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0; }
.stat { background: #f0f3f6; border-radius: 6px; padding: 8px 14px; }
.stat b { font-size: 20px; display: block; }
ol.headlines { padding-left: 26px; }
ol.headlines li { margin: 0 0 12px; }
.fact { font-weight: bold; }
.tag { display: inline-block; font-size: 11px; font-weight: bold; color: #fff; border-radius: 3px; padding: 0 5px;
       margin-right: 6px; vertical-align: 1px; }
blockquote { margin: 4px 0 0; padding: 4px 10px; border-left: 3px solid #ccc; color: #444; font-size: 14px; }
mark { background: #fff2a8; padding: 0 1px; }
.cite { font-size: 12px; color: #666; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e2e2e2; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.quote { font-size: 13px; color: #444; max-width: 520px; }
table.partners td:last-child { width: 36%; font-size: 13px; }
table.partners th.num { font-size: 12px; }
.up { color: #1b7837; font-weight: bold; } .down { color: #c0392b; font-weight: bold; }
svg.chart { display: block; margin: 8px 0; border: 1px solid #e6e6e6; background: #fff; }
svg.network { max-width: 760px; margin: 8px auto; }
.legend { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
footer { margin-top: 40px; font-size: 12px; color: #777; }
a { color: #1f5fa8; }
"""


SHORT_QUADS = {"verbal_cooperation": "verbal coop.", "material_cooperation": "material coop.",
               "verbal_conflict": "verbal confl.", "material_conflict": "material confl."}  # fmt: skip


# --- the brief's data as the charts take it ----------------------------------------------------------------------


def _bar(bucket: TimeBucket) -> Bar:
    return Bar(bucket.label, dt.date.fromisoformat(bucket.start), dt.date.fromisoformat(bucket.end), bucket.counts)


def timeline_bars(timeline: BriefTimeline) -> tuple[list[Bar], list[Bar]]:
    """The months as bars and the coarser spans as bands: `timeline_svg(bars, bands=bands, ...)`."""
    return [_bar(b) for b in timeline.months], [_bar(b) for b in timeline.spans]


def map_counterparts(brief: Brief) -> list[Counterpart]:
    """The partners, heaviest first, for `partners_map_svg(brief.state, ...)`; their measures are those their
    weight counts (events + measures)."""
    return [Counterpart(p.code, p.name, p.events, p.weight - p.events, p.quads) for p in brief.partners]


def network_ties(brief: Brief) -> list[Tie]:
    """The network's edges, for `network_svg(brief.state, [p.code for p in brief.partners], ...)`."""
    return [Tie(link.a, link.b, link.weight, link.mean_score) for link in brief.network]


def place_points(brief: Brief) -> list[PlacePoint]:
    """The places of the brief's events, for `places_map`."""
    return [PlacePoint(p.lat, p.lon, p.label, p.events, p.quad) for p in brief.places]


def _places_table(brief: Brief) -> list[str]:
    if not brief.places:
        return []
    rows = "".join(f"<tr><td>{_e(p.label)}</td><td>{_e(p.kind or '')}</td><td class=\"num\">{p.events}</td></tr>"
                   for p in brief.places[:20])  # fmt: skip
    return ['<table><thead><tr><th>Place</th><th>Kind</th><th class="num">Events</th></tr></thead>',
            f"<tbody>{rows}</tbody></table>"]  # fmt: skip


def _charts(brief: Brief) -> tuple[str, str, str]:
    """The partners map, the timeline and the network of the page."""
    name, bars, bands = brief.name, *timeline_bars(brief.timeline)
    return (
        partners_map_svg(brief.state, map_counterparts(brief), title=f"Partners of {name} on a schematic world map"),
        timeline_svg(bars, bands=bands, undated=brief.timeline.undated, title=f"Events involving {name} by month"),
        network_svg(brief.state, [p.code for p in brief.partners], network_ties(brief),
                    title=f"Network of {name} and its partners"),
    )  # fmt: skip


# --- HTML --------------------------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def _doc_anchor(doc: str) -> str:
    return "doc-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in doc)


def _quote_html(quote: Quote) -> str:
    text = f"{_e(quote.text[: quote.start])}<mark>{_e(quote.evidence)}</mark>{_e(quote.text[quote.end :])}"
    link = f'<a href="#{_doc_anchor(quote.doc)}">{_e(quote.doc)}</a>'
    if quote.url:
        link += f' &middot; <a href="{_e(quote.url)}" rel="noopener noreferrer">{_e(quote.url)}</a>'
    return f'<blockquote>\u201c{text}\u201d</blockquote><div class="cite">source: {link}</div>'


def _tag(fact: BriefFact) -> str:
    if fact.kind == "measure":
        return f'<span class="tag" style="background:{COLOURS["measure"]}">MEASURE</span>'
    color = COLOURS.get(fact.quad or "", COLOURS["other"])
    return f'<span class="tag" style="background:{color}">{_e(fact.type)}</span>'


def _change_html(fact: BriefFact) -> str:
    if fact.change_pct is None:
        return ""
    css = "up" if fact.change_pct > 0 else "down" if fact.change_pct < 0 else ""
    return f'<span class="{css}">{_e(fact.change)}</span>'


def _support(fact: BriefFact) -> str:
    docs, sources = fact.documents, fact.sources
    return f"{docs} document{'s' if docs != 1 else ''}, {sources} source{'s' if sources != 1 else ''}"


def _headlines(brief: Brief) -> list[str]:
    out = ['<ol class="headlines">']
    for fact in brief.headlines:
        score = f", score {fact.score:+g}" if fact.score is not None else ""
        out.append(f'<li>{_tag(fact)}<span class="fact">{_e(fact.summary)}</span> '
                   f'<span class="cite">({_e(_support(fact))}{_e(score)})</span>')  # fmt: skip
        out += [_quote_html(q) for q in fact.quotes[:2]]
        out.append("</li>")
    out.append("</ol>")
    return out


def _partners_table(brief: Brief) -> list[str]:
    head = "".join(
        f'<th class="num" title="{_e(LABELS[q])}"><span class="legend" style="background:{COLOURS[q]}">'
        f"</span>{_e(SHORT_QUADS[q])}</th>"
        for q in QUADS
    )
    out = [f'<table class="partners"><tr><th>Partner</th><th class="num">Events</th>{head}'
           '<th class="num">Mean score</th><th>Outreach</th><th>Measures</th></tr>']  # fmt: skip
    for p in brief.partners:
        quads = "".join(f'<td class="num">{p.quads.get(q, 0) or ""}</td>' for q in QUADS)
        measures = "<br>".join(_e(m.summary) for m in p.measures)
        mean = "" if p.mean_score is None else f"{p.mean_score:+.2f}"
        out.append(f"<tr><td><b>{_e(p.code)}</b> {_e(p.name)}</td><td class=\"num\">{p.events}</td>{quads}"
                   f'<td class="num">{_e(mean)}</td><td>{_e(", ".join(p.roles))}</td>'
                   f"<td>{measures}</td></tr>")  # fmt: skip
    out.append("</table>")
    return out


def _measures_table(brief: Brief) -> list[str]:
    out = ['<table class="measures"><tr><th>Measure</th><th>From</th><th>To</th><th>Period</th>'
           '<th class="num">Value</th><th class="num">Change</th><th>Evidence</th></tr>']  # fmt: skip
    for m in brief.measures:
        what = m.type.replace("_", " ") + (f" ({m.commodity})" if m.commodity and m.commodity not in m.type else "")
        quotes = "".join(_quote_html(q) for q in m.quotes[:1])
        out.append(
            f"<tr><td>{_e(what)}</td><td>{_e(', '.join(m.actor))}</td><td>{_e(', '.join(m.recipient))}</td>"
            f'<td>{_e(m.date or "")}</td><td class="num">{_e(m.amount)}</td><td class="num">{_change_html(m)}</td>'
            f'<td class="quote">{quotes}</td></tr>'
        )
    out.append("</table>")
    return out


def _outreach_table(brief: Brief) -> list[str]:
    out = ['<table class="outreach"><tr><th>State</th><th>Role</th><th>Dates</th><th class="num">Meetings</th>'
           "<th>Evidence</th></tr>"]  # fmt: skip
    for c in brief.outreach:
        dates = c.first if c.first == c.last else f"{c.first or '?'} \u2013 {c.last or '?'}"
        quotes = "".join(_quote_html(q) for _, _, q in c.meetings[:1] if q is not None)
        out.append(f"<tr><td><b>{_e(c.state)}</b> {_e(c.name)}</td><td>{_e(', '.join(c.roles))}</td>"
                   f'<td>{_e(dates or "")}</td><td class="num">{c.count}</td>'
                   f'<td class="quote">{quotes}</td></tr>')  # fmt: skip
    out.append("</table>")
    return out


def _events_table(brief: Brief) -> list[str]:
    out = ['<table class="events"><tr><th>Date</th><th>Event</th><th>Actor</th><th>Recipient</th>'
           '<th class="num">Score</th><th>Evidence</th></tr>']  # fmt: skip
    for f in brief.events:
        what = f.type + (f" ({f.mode})" if f.mode else "") + (f" [{f.aux}]" if f.aux else "")
        score = "" if f.score is None else f"{f.score:+g}"
        quotes = "".join(_quote_html(q) for q in f.quotes[:1])
        out.append(f"<tr><td>{_e(f.date or '')}</td><td>{_tag(f)}{_e(what.removeprefix(f.type).strip())}</td>"
                   f"<td>{_e(', '.join(f.actor))}</td><td>{_e(', '.join(f.recipient))}</td>"
                   f'<td class="num">{_e(score)}</td><td class="quote">{quotes}</td></tr>')  # fmt: skip
    out.append("</table>")
    return out


def _sources(brief: Brief) -> list[str]:
    out = ['<ul class="sources">']
    for s in brief.sources:
        parts = [f"<b>{_e(s.doc)}</b>"]
        if s.title:
            parts.append(_e(s.title))
        if s.published:
            parts.append(f"published {_e(s.published)}")
        if s.source:
            parts.append(_e(s.source))
        if s.url:
            parts.append(f'<a href="{_e(s.url)}" rel="noopener noreferrer">{_e(s.url)}</a>')
        out.append(f'<li id="{_doc_anchor(s.doc)}">{" &middot; ".join(parts)}</li>')
    out.append("</ul>")
    return out


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (opens offline; no script runs)."""
    title = f"{brief.name} ({brief.state}): brief"
    partners_map, timeline, network = _charts(brief)
    stats = [
        (brief.event_count, "events"), (brief.measure_count, "measures"), (len(brief.partners), "partner states"),
        (len(brief.outreach), "states visited or met"), (len(brief.sources), "documents"),
    ]  # fmt: skip
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="sub">What the store records about {_e(brief.name)}, {_e(brief.window)}: '
        f"{_e(brief.confidence_note)}. Every fact quotes the text it was extracted from (highlighted) and links to "
        "its document.</p>",
        '<div class="stats">'
        + "".join(f'<div class="stat"><b>{n}</b>{_e(label)}</div>' for n, label in stats)
        + "</div>",
        '<section id="headlines"><h2>Headline facts</h2>',
        '<p class="sub">Ranked by the documents behind each fact, then by the size of its PLOVER score or value.</p>',
        *_headlines(brief),
        '</section><section id="partners"><h2>Partners</h2>',
        partners_map,
        *_partners_table(brief),
        '</section><section id="places"><h2>Where events happened</h2>',
        places_map(place_points(brief), title=f"Where events involving {brief.name} happened"),
        *_places_table(brief),
        '</section><section id="timeline"><h2>Timeline</h2>',
        timeline,
        '</section><section id="measures"><h2>Measures and their changes</h2>',
        *_measures_table(brief),
        '</section><section id="outreach"><h2>Outreach: states visited and met</h2>',
        *_outreach_table(brief),
        '</section><section id="network"><h2>Network</h2>',
        network,
        '</section><section id="events"><h2>All events</h2>',
        *_events_table(brief),
        '</section><section id="sources"><h2>Documents</h2>',
        *_sources(brief),
        "</section><footer>Generated by diplograph from its store. Event types are PLOVER (STATEMENT is a "
        "diplograph extension for CAMEO 01x); scores are PLOVER scores (-10..+10).</footer>",
        "</main></body></html>",
    ]
    return "\n".join(body) + "\n"


# --- Markdown ----------------------------------------------------------------------------------------------------


def _m(text: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no newlines, no raw HTML."""
    value = "" if text is None else str(text)
    value = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")
    return value.replace("&", "&amp;").replace("<", "&lt;")


def _quote_md(quote: Quote) -> str:
    before, ev, after = quote.text[: quote.start], quote.evidence, quote.text[quote.end :]
    return (
        f"\u201c{_m(before)}**{_m(ev)}**{_m(after)}\u201d ({_m(quote.doc)}{', ' + _m(quote.url) if quote.url else ''})"
    )


def render_markdown(brief: Brief) -> str:
    """The brief in Markdown: the same facts in tables; the charts as text summaries."""
    lines = [f"# {_m(brief.name)} ({_m(brief.state)}): brief", "",
             f"What the store records about {_m(brief.name)}, {_m(brief.window)}: {brief.event_count} events, "
             f"{brief.measure_count} measures, {len(brief.partners)} partner states, {len(brief.sources)} documents "
             f"({_m(brief.confidence_note)}).",
             "", "## Headline facts", ""]  # fmt: skip
    for i, fact in enumerate(brief.headlines, 1):
        score = f", score {fact.score:+g}" if fact.score is not None else ""
        lines.append(f"{i}. **{_m(fact.summary)}** ({_support(fact)}{score})")
        lines += [f"   > {_quote_md(q)}" for q in fact.quotes[:2]]
    lines += ["", "## Partners", "",
              "| Partner | Name | Events | " + " | ".join(LABELS[q] for q in QUADS)
              + " | Mean score | Outreach | Measures |",
              "|---|---|---:|" + "---:|" * len(QUADS) + "---:|---|---|"]  # fmt: skip
    for p in brief.partners:
        mean = "" if p.mean_score is None else f"{p.mean_score:+.2f}"
        measures = "; ".join(_m(m.summary) for m in p.measures)
        lines.append(f"| {_m(p.code)} | {_m(p.name)} | {p.events} | "
                     + " | ".join(str(p.quads.get(q, 0)) for q in QUADS)
                     + f" | {mean} | {_m(', '.join(p.roles))} | {measures} |")  # fmt: skip
    lines += ["", "Map (text): lines from " + _m(brief.state) + " to "
              + ", ".join(f"{_m(p.code)} ({p.weight})" for p in brief.partners[:20])
              + " (interactions: events + measures).", "", "## Timeline", ""]  # fmt: skip
    if brief.timeline.months:
        lines += ["| Month | " + " | ".join(LABELS[q] for q in QUADS) + " | Total |",
                  "|---|" + "---:|" * (len(QUADS) + 1)]  # fmt: skip
        for b in brief.timeline.months:
            lines.append(f"| {b.label} | " + " | ".join(str(b.counts[q]) for q in QUADS) + f" | {b.total} |")
    if brief.timeline.spans:
        lines += ["", "Dated only to a year or a range:", ""]
        for b in brief.timeline.spans:
            detail = ", ".join(f"{n} {LABELS[q]}" for q, n in b.counts.items() if n)
            lines.append(f"- {_m(b.label)}: {b.total} ({detail})")
    if brief.timeline.undated:
        lines.append(f"- undated: {brief.timeline.undated}")
    lines += ["", "## Where events happened", ""]
    if brief.places:
        lines += ["| Place | Kind | Events |", "|---|---|---:|"]
        lines += [f"| {_m(p.label)} | {_m(p.kind or '')} | {p.events} |" for p in brief.places[:20]]
    else:
        lines.append("No event of this brief names where it happened.")
    lines += ["", "## Measures and their changes", "",
              "| Measure | From | To | Period | Value | Change | Evidence |",
              "|---|---|---|---|---:|---:|---|"]  # fmt: skip
    for m in brief.measures:
        what = m.type.replace("_", " ") + (f" ({m.commodity})" if m.commodity and m.commodity not in m.type else "")
        quote = _quote_md(m.quotes[0]) if m.quotes else ""
        lines.append(f"| {_m(what)} | {_m(', '.join(m.actor))} | {_m(', '.join(m.recipient))} | {_m(m.date or '')} "
                     f"| {_m(m.amount)} | {_m(m.change)} | {quote} |")  # fmt: skip
    lines += ["", "## Outreach: states visited and met", "",
              "| State | Name | Role | Dates | Meetings | Evidence |", "|---|---|---|---|---:|---|"]  # fmt: skip
    for c in brief.outreach:
        dates = c.first if c.first == c.last else f"{c.first or '?'} - {c.last or '?'}"
        quote = next((_quote_md(q) for _, _, q in c.meetings if q is not None), "")
        lines.append(f"| {_m(c.state)} | {_m(c.name)} | {_m(', '.join(c.roles))} | {_m(dates or '')} | {c.count} "
                     f"| {quote} |")  # fmt: skip
    lines += ["", "## Network", "", "| State | State | Events | Mean score |", "|---|---|---:|---:|"]
    for link in brief.network:
        mean = "" if link.mean_score is None else f"{link.mean_score:+.2f}"
        lines.append(f"| {_m(link.a)} | {_m(link.b)} | {link.weight} | {mean} |")
    lines += ["", "## All events", "", "| Date | Event | Actor | Recipient | Score | Evidence |",
              "|---|---|---|---|---:|---|"]  # fmt: skip
    for f in brief.events:
        what = f.type + (f" ({f.mode})" if f.mode else "") + (f" [{f.aux}]" if f.aux else "")
        score = "" if f.score is None else f"{f.score:+g}"
        quote = _quote_md(f.quotes[0]) if f.quotes else ""
        lines.append(f"| {_m(f.date or '')} | {_m(what)} | {_m(', '.join(f.actor))} | {_m(', '.join(f.recipient))} "
                     f"| {score} | {quote} |")  # fmt: skip
    lines += ["", "## Documents", ""]
    for s in brief.sources:
        extra = [x for x in (s.title, s.published and f"published {s.published}", s.source, s.url) if x]
        lines.append(f"- **{_m(s.doc)}**" + (": " + ", ".join(_m(x) for x in extra) if extra else ""))
    return "\n".join(lines) + "\n"
