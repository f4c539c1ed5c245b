"""The web UI's Jinja2 templates (diplograph/web/templates) and the plain values they show.

Templates autoescape: every value a template prints is escaped, so Python hands them data, never HTML (the one
exception, the SVG charts, is `pages.chart`). Links to documents carry the content hash; no script or inline
style anywhere. docs/web.md says how to change a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from diplograph.model import Document, Event, Measure
from diplograph.query.facts import Fact, name_of, quad_of, score_of
from diplograph.web.style import CSS_VERSION, type_class


def seg(value: str) -> str:
    """A value as one URL path segment (or query value): every reserved character quoted, `/` included."""
    return quote(value, safe="")


def query_string(**params: object) -> str:
    """?a=1&b=2 with empty values left out."""
    items = [(k, str(v)) for k, v in params.items() if v not in (None, "", False)]
    return "?" + urlencode(items) if items else ""


def fact_type(record: Event | Measure) -> str:
    return record.event if isinstance(record, Event) else record.measure


def pill_class(record: Event | Measure) -> str:
    """The colour class of a record's type: its PLOVER type for an event, one colour for every measure."""
    return type_class(record.event if isinstance(record, Event) else "measure")


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


def signed(value: float | None) -> str:
    """A score or a change with its sign and one decimal, or a dash when there is none."""
    return "—" if value is None else f"{value:+.1f}"


def confidence_text(value: float | None) -> str:
    """A record's confidence as shown: two decimals, or a dash for a record nobody scored (imported)."""
    return "—" if value is None else f"{value:.2f}"


def people(record: Event) -> str:
    """The people named on either side of an event: "Kim Jong Un (PRK); Vladimir Putin (RUS)", or ""."""
    return "; ".join(f"{d.person} ({d.code})" for d in (*record.actor_detail, *record.recipient_detail) if d.person)


def is_web_url(url: str | None) -> bool:
    """Whether a stored URL may become a link: http(s) only, never javascript: or data:."""
    if not url:
        return False
    try:
        return urlsplit(url).scheme.lower() in ("http", "https")
    except ValueError:
        return False


@dataclass(frozen=True)
class Mark:
    """How a highlighted piece of a document's text is drawn: the fact it links to and the facts it covers."""

    classes: str
    facts: str
    href: str
    label: str


@dataclass(frozen=True)
class TextPiece:
    """A run of a document's text between two evidence boundaries; `anchors` are the facts whose evidence starts
    here (the targets of "show in text"), `mark` is None for text no evidence covers."""

    text: str
    anchors: tuple[str, ...] = ()
    mark: Mark | None = None


def text_pieces(document: Document, facts: Sequence[Fact], selected: str | None) -> list[TextPiece]:
    """The document text cut at every evidence boundary, each piece with the facts that cover it.

    Overlapping spans are split at every boundary: a piece covered by several facts links to the one with the
    shortest span and is drawn as layered."""
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
    pieces: list[TextPiece] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        unique = sorted({i for s, e, i in spans if s <= left and right <= e})
        if not unique:
            pieces.append(TextPiece(text[left:right]))
            continue
        anchors = tuple(facts[i].anchor for i in unique if first_piece.get(i) == left)
        pieces.append(TextPiece(text[left:right], anchors, _mark(facts, unique, spans, selected)))
    return pieces


def _mark(facts: Sequence[Fact], covering: list[int], spans: list[tuple[int, int, int]], selected: str | None) -> Mark:
    primary = facts[min(covering, key=lambda i: (_span_length(spans, i), i))]
    classes = ["hl", pill_class(primary.record)]
    if len(covering) > 1:
        classes.append("layered")
    if selected is not None and any(facts[i].anchor == selected for i in covering):
        classes.append("selected")
    return Mark(
        classes=" ".join(classes),
        facts=" ".join(facts[i].anchor for i in covering),
        href=f"?fact={seg(primary.anchor)}#{seg(primary.anchor)}",
        label="; ".join(_short(facts[i]) for i in covering),
    )


def _span_length(spans: list[tuple[int, int, int]], index: int) -> int:
    return min(e - s for s, e, i in spans if i == index)


def _short(fact: Fact) -> str:
    r = fact.record
    arrow = f"{'/'.join(r.actor) or '?'} → {'/'.join(r.recipient) or '?'}"
    return f"{fact_type(r)} {arrow} {fact_date(r)}"


def _escape(value: Any) -> Any:
    """Jinja's `finalize`, run on every printed value before autoescape: text is escaped the way the pages always
    escaped it (`html.escape`, so `"` is `&quot;` and `'` is `&#x27;`, not markupsafe's `&#34;` and `&#39;`;
    the hostile-text tests look for `&quot;`).
    Markup (a macro's output, a chart) passes through. (`~` joining store text with markup escapes it with
    markupsafe before this runs: just as safe, only spelled differently.)"""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value), quote=True))


TEMPLATES = Environment(
    loader=PackageLoader("diplograph.web", "templates"),
    autoescape=select_autoescape(["html"]),
    finalize=_escape,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
TEMPLATES.globals.update(css_version=CSS_VERSION, query_string=query_string)
TEMPLATES.filters.update(
    seg=seg, state_name=name_of, fact_type=fact_type, pill_class=pill_class, type_class=type_class,
    fact_href=fact_href, fact_date=fact_date, evidence_text=evidence_text, number=number, signed=signed,
    score=score_of, quad=quad_of, confidence=confidence_text, people=people,
)  # fmt: skip
TEMPLATES.tests.update(event=lambda record: isinstance(record, Event), web_url=is_web_url)


def render(template: str, **context: Any) -> str:
    """A page from its template in diplograph/web/templates."""
    return TEMPLATES.get_template(template).render(**context)
