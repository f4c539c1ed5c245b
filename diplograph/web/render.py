"""HTML building blocks for the server-rendered pages. Everything from the store is escaped here (`esc`);
links to documents carry the content hash; no inline script or style anywhere."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlencode, urlsplit

from diplograph.model import Document, Event, Measure
from diplograph.web.data import Fact, name_of, quad_of, score_of
from diplograph.web.style import CSS_VERSION, type_class
from diplograph.web.svg import QUAD_LABELS, esc, seg

NAV = (("/", "Home"), ("/states", "States"), ("/events", "Events"), ("/documents", "Documents"))


def page(title: str, body: str, *, active: str = "", query: str = "") -> str:
    nav = "".join(
        f'<li><a href="{href}"{" aria-current=page" if href == active else ""}>{label}</a></li>' for href, label in NAV
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · diplograph</title>
<link rel="stylesheet" href="/static/style.css?v={CSS_VERSION}">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><div class="inner">
<a class="brand" href="/">diplograph</a>
<nav aria-label="Main"><ul>{nav}</ul></nav>
<form role="search" action="/search" method="get">
<label class="skip" for="q">Search</label>
<input id="q" type="search" name="q" value="{esc(query)}" placeholder="State, document or words" maxlength="200">
<button type="submit">Search</button>
</form>
</div></header>
<main id="main" tabindex="-1">
{body}
</main>
<footer>diplograph: PLOVER events and measures between states, each with the text it came from.
The JSON API is described at <a href="/openapi.json">/openapi.json</a>.</footer>
</body>
</html>
"""


def query_string(**params: object) -> str:
    """?a=1&b=2 with empty values left out."""
    items = [(k, str(v)) for k, v in params.items() if v not in (None, "", False)]
    return "?" + urlencode(items) if items else ""


def state_link(code: str) -> str:
    return f'<a href="/states/{seg(code)}" title="{esc(name_of(code))}">{esc(code)}</a>'


def codes(values: Iterable[str]) -> str:
    items = [state_link(c) for c in values]
    return f'<span class="codes">{" ".join(items)}</span>' if items else '<span class="muted">—</span>'


def fact_type(record: Event | Measure) -> str:
    return record.event if isinstance(record, Event) else record.measure


def type_pill(record: Event | Measure) -> str:
    name = fact_type(record)
    cls = type_class(name if isinstance(record, Event) else "measure")
    return f'<span class="pill {cls}">{esc(name)}</span>'


def fact_href(fact: Fact) -> str:
    """The document page with this fact selected and scrolled to."""
    return f"/documents/{seg(fact.doc_hash)}?fact={seg(fact.anchor)}#{seg(fact.anchor)}"


def fact_date(record: Event | Measure) -> str:
    value = record.date if isinstance(record, Event) else record.period
    return value or "—"


def evidence_text(record: Event | Measure, limit: int = 240) -> str:
    text = " … ".join(e.text for e in record.evidence)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f} m"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def change(value: float | None) -> str:
    if value is None:
        return '<span class="muted">—</span>'
    arrow, cls = ("▲", "up") if value > 0 else ("▼", "down") if value < 0 else ("=", "muted")
    return f'<span class="{cls}">{arrow} {value:+.1f}%</span>'


def facts_table(facts: Sequence[Fact], *, caption: str = "", show_doc: bool = True) -> str:
    """Events and measures as a table; each row's evidence links to the fact in its document."""
    if not facts:
        return '<p class="empty">No records.</p>'
    rows = []
    for fact in facts:
        r = fact.record
        score = score_of(r)
        doc = f'<td data-label="Document">{esc(r.doc)}</td>' if show_doc else ""
        detail = f"{esc(r.mode or '')}" if isinstance(r, Event) else f"{esc(number(r.value))} {esc(r.unit)}"
        rows.append(
            "<tr>"
            f'<td data-label="Date" class="num">{esc(fact_date(r))}</td>'
            f'<td data-label="Type">{type_pill(r)} <span class="muted">{detail}</span></td>'
            f'<td data-label="Actor">{codes(r.actor)}</td>'
            f'<td data-label="Recipient">{codes(r.recipient)}</td>'
            f'<td data-label="Score" class="num">{"—" if score is None else f"{score:+.1f}"}</td>'
            f'<td data-label="Confidence" class="num">{confidence_text(r.confidence)}</td>'
            f'<td data-label="Evidence" class="evidence">'
            f'<a href="{esc(fact_href(fact))}" data-fact="{esc(fact.anchor)}">'
            f"{esc(evidence_text(r))}</a></td>"
            f"{doc}</tr>"
        )
    head_doc = "<th scope=col>Document</th>" if show_doc else ""
    cap = f"<caption class=skip>{esc(caption)}</caption>" if caption else ""
    return (
        f'<div class="scroll"><table class="responsive facts-table">{cap}<thead><tr><th scope=col>Date</th>'
        f"<th scope=col>Type</th><th scope=col>Actor</th><th scope=col>Recipient</th>"
        f'<th scope=col class="num">Score</th><th scope=col class="num">Confidence</th><th scope=col>Evidence</th>'
        f"{head_doc}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def confidence_text(value: float | None) -> str:
    """A record's confidence as shown: two decimals, or a dash for a record nobody scored (imported)."""
    return "—" if value is None else f"{value:.2f}"


def record_details(fact: Fact) -> str:
    """Every field of a fact as a definition list."""
    r = fact.record
    items: list[tuple[str, str]] = []
    if isinstance(r, Event):
        score = score_of(r)
        items += [
            ("type", esc(r.event)),
            ("mode", esc(r.mode or "—")),
            ("actor", codes(r.actor)),
            ("recipient", codes(r.recipient)),
            ("date", f"{esc(r.date or '—')} <span class=muted>({esc(r.date_source)})</span>"),
            ("context", esc(", ".join(r.context) or "—")),
            ("PLOVER score", "—" if score is None else f"{score:+.1f}"),
            ("quad", esc(QUAD_LABELS.get(quad_of(r), quad_of(r)))),
        ]
        people = [f"{d.person} ({d.code})" for d in (*r.actor_detail, *r.recipient_detail) if d.person]
        if people:
            items.append(("people", esc("; ".join(people))))
        if r.aux:
            items.append(("aux", esc(r.aux)))
    else:
        items += [
            ("measure", esc(r.measure)),
            ("actor", codes(r.actor)),
            ("recipient", codes(r.recipient)),
            ("value", f"{esc(number(r.value))} {esc(r.unit)}{' per ' + esc(r.per) if r.per else ''}"),
            ("period", esc(r.period or "—")),
            ("change", change(r.change_pct)),
            ("commodity", esc(r.commodity or "—")),
        ]
    items += [
        (
            "evidence",
            "<br>".join(f"<q>{esc(e.text)}</q> <span class=muted>[{e.start}:{e.end}]</span>" for e in r.evidence),
        ),
        ("rule", esc(r.rule or "—")),
        ("confidence", confidence_text(r.confidence)),
        ("id", f"<code>{esc(r.id)}</code>"),
    ]
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in items)
    return f'<dl class="record">{body}</dl>'


def highlighted_text(document: Document, facts: Sequence[Fact], selected: str | None) -> str:
    """The document text with each fact's evidence marked by type; every mark links to its fact's record.

    Overlapping spans are split at every boundary: a piece covered by several facts links to the one with the
    shortest span and is drawn as layered. The text itself is only ever escaped."""
    text = document.text
    spans: list[tuple[int, int, int]] = []  # start, end, index into facts
    for i, fact in enumerate(facts):
        for ev in fact.record.evidence:
            start, end = max(0, min(ev.start, len(text))), max(0, min(ev.end, len(text)))
            if end > start:
                spans.append((start, end, i))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    first_piece: dict[int, int] = {}
    for start, _, i in sorted(spans):
        first_piece.setdefault(i, start)
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = text[left:right]
        covering = [i for s, e, i in spans if s <= left and right <= e]
        anchors = "".join(
            f'<span id="s-{esc(facts[i].anchor)}"></span>' for i in sorted(set(covering)) if first_piece.get(i) == left
        )
        if not covering:
            out.append(esc(piece))
            continue
        unique = sorted(set(covering))
        primary = min(unique, key=lambda i: (_span_length(spans, i), i))
        fact = facts[primary]
        name = fact_type(fact.record)
        cls = ["hl", type_class(name if isinstance(fact.record, Event) else "measure")]
        if len(unique) > 1:
            cls.append("layered")
        if selected is not None and any(facts[i].anchor == selected for i in unique):
            cls.append("selected")
        label = "; ".join(_short(facts[i]) for i in unique)
        href = f"?fact={seg(fact.anchor)}#{seg(fact.anchor)}"
        out.append(
            f'{anchors}<mark class="{" ".join(cls)}" data-facts="{esc(" ".join(facts[i].anchor for i in unique))}">'
            f'<a href="{esc(href)}" title="{esc(label)}">{esc(piece)}</a></mark>'
        )
    return f'<pre class="doc-text" id="text">{"".join(out)}</pre>'


def _span_length(spans: list[tuple[int, int, int]], index: int) -> int:
    return min(e - s for s, e, i in spans if i == index)


def _short(fact: Fact) -> str:
    r = fact.record
    arrow = f"{'/'.join(r.actor) or '?'} → {'/'.join(r.recipient) or '?'}"
    return f"{fact_type(r)} {arrow} {fact_date(r)}"


def safe_url(url: str | None) -> str:
    """A link for an http(s) URL, else the value as text (never a javascript: or data: link)."""
    if not url:
        return "—"
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in ("http", "https"):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    return esc(url)
