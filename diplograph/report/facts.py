"""`brief(store, code)`: everything the store knows about one state, gathered for a report.

The Brief is plain data (dataclasses, `to_dict()`), built only from stored records: facts keep their evidence
(the sentence around each evidence span, with the span's place in it) and the document they came from.
Renderers (`render_html`, `render_markdown`) and the SVG charts read nothing but the Brief.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from diplograph.analytics import state_network
from diplograph.charts.base import dominant
from diplograph.confidence import reader_threshold
from diplograph.model import Event, Evidence, Measure
from diplograph.ontology import QUADS, event_quad, event_score
from diplograph.query.facts import Partner
from diplograph.report import aggregate
from diplograph.store import convert
from diplograph.store.convert import date_bounds
from diplograph.store.kept import Kept
from diplograph.store.query import DateLike

if TYPE_CHECKING:
    from diplograph.model import Document
    from diplograph.store import Store

HEADLINES = 12  # headline facts kept in Brief.headlines (all facts are in events / measures)
SAME_KIND = 2  # at most this many headlines of one type between the same actor and recipient
QUOTE_CHARS = 420  # longest quote; longer sentences are cut around the evidence


@dataclass(frozen=True)
class Quote:
    """Evidence in context: `text` is the sentence around the evidence, `text[start:end]` the evidence itself."""

    doc: str
    text: str
    start: int
    end: int
    url: str | None = None  # the document's http(s) URL, if it has one
    title: str | None = None

    @property
    def evidence(self) -> str:
        return self.text[self.start : self.end]


@dataclass(frozen=True)
class BriefFact:
    """One distinct event or measure (records that agree on it merged), with its support and quotes."""

    kind: str  # event | measure
    type: str  # PLOVER type (events) or measure kind
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None  # events: date; measures: period
    quotes: tuple[Quote, ...]
    documents: int = 1  # distinct articles behind it (analytics.corroboration)
    sources: int = 1
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: str | None = None
    score: float | None = None  # PLOVER score (events)
    quad: str | None = None
    value: float | None = None
    unit: str | None = None
    change_pct: float | None = None
    commodity: str | None = None
    per: str | None = None
    qualifier: str | None = None
    ids: tuple[str, ...] = ()

    @property
    def weight(self) -> float:
        """How much the fact matters for the ranking, 0..10: |PLOVER score| for events; for measures in USD
        log10(value) - 2 (US$10 billion -> 8, US$10 million -> 5), else 5; plus 2 when a change is reported
        (a trend is news)."""
        if self.kind == "event":
            return abs(self.score or 0.0)
        base = 5.0
        if self.unit == "USD" and self.value and self.value > 0:
            base = max(0.0, min(8.0, math.log10(self.value) - 2))
        return min(10.0, base + (2.0 if self.change_pct is not None else 0.0))

    @property
    def states(self) -> tuple[str, ...]:
        return (*self.actor, *self.recipient)

    @property
    def amount(self) -> str:
        """The value as people write it: 'US$6.39 billion', '50,000 t', '90%' ('' for events)."""
        return format_amount(self.value, self.unit, self.per, self.qualifier) if self.kind == "measure" else ""

    @property
    def change(self) -> str:
        return format_change(self.change_pct)

    @property
    def summary(self) -> str:
        """One line: 'RUS → PRK: AID, 2012', 'PRK – CHN trade, 2014: US$6.39 billion (-2.4%)' (trade runs
        both ways: an en dash; everything else from actor to recipient: an arrow)."""
        arrow = " \u2013 " if self.type == "trade" else " \u2192 "
        who = _side(self.actor) + (f"{arrow}{_side(self.recipient)}" if self.recipient else "")
        if self.kind == "event":
            mode = f" ({self.mode})" if self.mode else ""
            aux = f" [{self.aux}]" if self.aux else ""
            return f"{who}: {self.type}{mode}{aux}" + (f", {self.date}" if self.date else "")
        commodity = self.commodity if self.commodity and self.commodity not in self.type else None
        what = self.type.replace("_", " ") + (f" of {commodity}" if commodity else "")
        change = f" ({self.change})" if self.change else ""
        return f"{who} {what}" + (f", {self.date}" if self.date else "") + f": {self.amount}{change}"


@dataclass
class BriefPartner(Partner):
    """The partner summary (`diplograph.query.facts.Partner`) with what a brief adds: the listed measures that
    name the partner and the outreach roles (visited, hosted, met). Every quad is counted, zero included."""

    quads: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    measures: list[BriefFact] = field(default_factory=list)  # those among the brief's listed measures
    roles: list[str] = field(default_factory=list)  # outreach roles: visited, hosted, met

    @property
    def mean_score(self) -> float | None:
        return round(self.score_sum / self.scored, 2) if self.scored else None

    @property
    def weight(self) -> int:
        """Interactions: events plus measures."""
        return self.events + max(self.measure_count, len(self.measures))

    def brief_dict(self, measures: list[dict[str, Any]]) -> dict[str, Any]:
        """The partner in a brief's JSON (`measures`: the listed measures as the brief writes them)."""
        return {"state": self.code, "name": self.name, "events": self.events, "quads": dict(self.quads),
                "measures": measures, "measure_count": self.measure_count, "roles": list(self.roles),
                "mean_score": self.mean_score}  # fmt: skip


@dataclass(frozen=True)
class TimeBucket:
    """Events in one stretch of time by quad. granularity: month (YYYY-MM), year (YYYY) or range (A/B)."""

    label: str
    granularity: str
    start: str  # first day, ISO
    end: str  # last day, ISO
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class BriefTimeline:
    """`months`: events dated within one month; `spans`: events dated to a year or a longer range; `undated`."""

    months: list[TimeBucket]
    spans: list[TimeBucket]
    undated: int


@dataclass(frozen=True)
class QuotedContact:
    """A state the focal state visited, hosted or met (analytics.outreach), with a quote per meeting."""

    state: str
    name: str
    roles: tuple[str, ...]
    first: str | None
    last: str | None
    count: int
    meetings: tuple[tuple[str | None, str, Quote | None], ...]  # the latest (date, role, quote); `count`: all


@dataclass(frozen=True)
class NetworkLink:
    a: str
    b: str
    weight: int
    mean_score: float | None


@dataclass(frozen=True)
class Citation:
    doc: str
    title: str | None
    url: str | None  # http(s) only
    published: str | None
    source: str | None


@dataclass(frozen=True)
class BriefPlace:
    """A place where events of the brief happened: how many (incidents by default) and the quad most have."""

    place: str
    kind: str | None
    admin1: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    quad: str | None

    @property
    def label(self) -> str:
        """'Ramadi, Anbar, IRQ' for a city, 'Anbar, IRQ' for a region, the name alone for a state."""
        from diplograph.output import place_label

        return place_label({"place": self.place, "kind": self.kind, "admin1": self.admin1, "country": self.country})


@dataclass
class Brief:
    """What the store says about `state` in [since, until]; see the module docstring."""

    state: str
    name: str
    since: str | None
    until: str | None
    headlines: list[BriefFact]
    events: list[BriefFact]
    measures: list[BriefFact]
    partners: list[BriefPartner]
    timeline: BriefTimeline
    outreach: list[QuotedContact]
    network: list[NetworkLink]  # edges among the state and its partners, heaviest first
    sources: list[Citation]
    event_total: int = 0  # all events of the window; `events` lists the latest LISTED of them
    measure_total: int = 0
    thresholds: tuple[float, float] = (0.0, 0.0)  # the minimum confidence of the events and measures it counts
    places: list[BriefPlace] = field(default_factory=list)  # where its events happened, most events first

    @property
    def confidence_note(self) -> str:
        events, measures = self.thresholds
        if not events and not measures:
            return "every fact stored, whatever its confidence"
        return f"facts of confidence {events:.2f} or more (measures {measures:.2f})"

    @property
    def event_count(self) -> int:
        return self.event_total or len(self.events)

    @property
    def measure_count(self) -> int:
        return self.measure_total or len(self.measures)

    @property
    def window(self) -> str:
        if not (self.since or self.until):
            return "all dates"
        return f"{self.since or '...'} to {self.until or '...'}"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("headlines", "events", "measures"):
            for fact, data in zip(getattr(self, name), out[name], strict=True):
                data.update(summary=fact.summary, weight=round(fact.weight, 3), amount=fact.amount)
        out["partners"] = [partner.brief_dict(data["measures"])
                           for partner, data in zip(self.partners, out["partners"], strict=True)]
        return out


# --- formatting --------------------------------------------------------------------------------------------------


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def format_amount(value: float | None, unit: str | None, per: str | None = None, qualifier: str | None = None) -> str:
    """'US$6.39 billion', '10.17 million EUR', '50,000 t', '90%'."""
    if value is None:
        return ""
    magnitude = ""
    scaled = value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            scaled, magnitude = value / size, f" {word}"
            break
    number = _number(scaled) + magnitude
    if unit == "%":
        text = f"{_number(value)}%"
    elif unit == "USD":
        text = f"US${number}"
    else:
        text = f"{number} {unit}" if unit else number
    if per:
        text += f" a {per}"
    return f"{qualifier} {text}" if qualifier else text


def format_change(change: float | None) -> str:
    """'+31.9%', '-2.4%', '' when unknown."""
    if change is None:
        return ""
    return f"{change:+g}%"


def _side(codes: Iterable[str]) -> str:
    return ", ".join(codes) or "?"


@cache
def state_names() -> dict[str, str]:
    text = resources.files("diplograph.actors").joinpath("data", "states.csv").read_text(encoding="utf-8")
    return {row["code"]: row["name"] for row in csv.DictReader(io.StringIO(text))}


def state_name(code: str) -> str:
    return state_names().get(code, code)


# --- quotes ------------------------------------------------------------------------------------------------------


_STOPS = (". ", "? ", "! ", ".\u201d ", "\n")


def sentence_around(text: str, start: int, end: int, limit: int = QUOTE_CHARS) -> tuple[str, int, int]:
    """The sentence of `text` around [start, end), and the span's offsets in it; cut to about `limit` chars."""
    left = max(
        (text.rfind(stop, 0, start) + len(stop) for stop in _STOPS if text.rfind(stop, 0, start) >= 0), default=0
    )
    rights = [text.find(stop, end) for stop in _STOPS]
    right = min((r + 1 for r in rights if r >= 0), default=len(text))
    left, right = min(left, start), max(right, end)
    if right - left > limit:  # keep the evidence, cut the rest evenly
        room = max(0, limit - (end - start)) // 2
        left, right = max(left, start - room), min(right, end + room)
    sentence = text[left:right]
    stripped = len(sentence) - len(sentence.lstrip())
    sentence = sentence.strip()
    prefix = "\u2026" if left > 0 and text[left - 1] not in ".?!\n \u201d" else ""
    suffix = "\u2026" if right < len(text) and text[right - 1] not in ".?!\n" else ""
    offset = left + stripped - len(prefix)
    return prefix + sentence + suffix, start - offset, end - offset


def _http(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


class _Documents:
    """Stored documents by id, read once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, Document | None] = {}

    def get(self, doc: str) -> Document | None:
        if doc not in self.cache:
            self.cache[doc] = self.store.document(doc)
        return self.cache[doc]

    def preload(self, ids: Iterable[str]) -> None:
        """Read the documents of many ids in one query (the first ingested wins, as in `Store.document`)."""
        from diplograph.store import convert

        wanted = sorted({i for i in ids if i not in self.cache})
        if not wanted:
            return
        cursor = self.store.cursor().execute(
            "SELECT * FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY ingested_at, hash", [wanted])
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            document = convert.document_from_row(dict(zip(names, row, strict=True)))
            self.cache.setdefault(document.id, document)
        for doc in wanted:
            self.cache.setdefault(doc, None)

    def quote(self, doc: str, evidence: Evidence) -> Quote:
        document = self.get(doc)
        if document is None or document.text[evidence.start : evidence.end] != evidence.text:
            return Quote(doc, evidence.text, 0, len(evidence.text))
        text, start, end = sentence_around(document.text, evidence.start, evidence.end)
        return Quote(doc, text, start, end, _http(document.url), document.title)


# --- building ----------------------------------------------------------------------------------------------------


def context_key(context: Iterable[str]) -> str:
    """An event's contexts as one part of its fact key (aggregate.EVENT_CONTEXT_KEY in SQL)."""
    return ";".join(sorted(context))


def _key(kind: str, type_: str, actor: Iterable[str], recipient: Iterable[str], date: str | None,
         value: float | None = None, unit: str | None = None) -> tuple[Any, ...]:  # fmt: skip
    return kind, type_, tuple(sorted(actor)), tuple(sorted(recipient)), date, value, unit


def _merge_events(events: list[Event], docs: _Documents, support: dict[tuple[Any, ...], Any]) -> list[BriefFact]:
    grouped: dict[tuple[Any, ...], list[Event]] = defaultdict(list)
    for e in events:
        grouped[_key("event", e.event, e.actor, e.recipient, e.date, None, context_key(e.context))].append(e)
    facts = []
    for key, group in grouped.items():
        first = group[0]
        score = first.score if first.score is not None else event_score(first.event, first.mode)
        quotes = _Pending(tuple((e.doc, e.evidence) for e in group))
        found = support.get(key)
        facts.append(
            BriefFact(
                "event", first.event, first.actor, first.recipient, first.date, quotes,  # type: ignore[arg-type]
                documents=found.documents if found else len({e.doc for e in group}),
                sources=found.sources if found else 1, mode=first.mode, context=first.context, aux=first.aux,
                score=score, quad=event_quad(first.event), ids=tuple(e.id for e in group),
            )
        )  # fmt: skip
    return facts


def _merge_measures(measures: list[Measure], docs: _Documents, support: dict[tuple[Any, ...], Any]) -> list[BriefFact]:
    grouped: dict[tuple[Any, ...], list[Measure]] = defaultdict(list)
    for m in measures:
        grouped[_key("measure", m.measure, m.actor, m.recipient, m.period, m.value, m.unit)].append(m)
    facts = []
    for key, group in grouped.items():
        first = group[0]
        found = support.get(key)
        facts.append(
            BriefFact(
                "measure", first.measure, first.actor, first.recipient, first.period,
                _Pending(tuple((m.doc, m.evidence) for m in group)),  # type: ignore[arg-type]
                documents=found.documents if found else len({m.doc for m in group}),
                sources=found.sources if found else 1, value=first.value, unit=first.unit,
                change_pct=first.change_pct, commodity=first.commodity, per=first.per, qualifier=first.qualifier,
                ids=tuple(m.id for m in group),
            )
        )  # fmt: skip
    return facts


class _Pending(tuple):  # type: ignore[type-arg]
    """The (doc, evidence) pairs of a fact whose quotes are not read yet: only facts that are shown get quotes."""

    pairs: tuple[tuple[str, tuple[Evidence, ...]], ...]

    def __new__(cls, pairs: tuple[tuple[str, tuple[Evidence, ...]], ...]) -> _Pending:
        made = super().__new__(cls, ())
        made.pairs = pairs
        return made


def _with_quotes(facts: list[BriefFact], docs: _Documents) -> list[BriefFact]:
    """The facts with their quotes read (documents loaded in one query)."""
    pending = [f.quotes.pairs for f in facts if isinstance(f.quotes, _Pending)]
    docs.preload(doc for pairs in pending for doc, _ in pairs)
    return [replace(f, quotes=_quotes(f.quotes.pairs, docs)) if isinstance(f.quotes, _Pending) else f
            for f in facts]


def _quotes(items: Iterable[tuple[str, tuple[Evidence, ...]]], docs: _Documents) -> tuple[Quote, ...]:
    seen: dict[tuple[str, str], Quote] = {}
    for doc, evidence in items:
        if evidence:
            quote = docs.quote(doc, evidence[0])
            seen.setdefault((doc, quote.text), quote)
    return tuple(seen.values())


def _start(date: str | None) -> str:
    """The first day of a date as ISO text, for sorting (undated last)."""
    first = date_bounds(date)[0] if date else None
    return first.isoformat() if first else "9999-12-31"


def _others_of(code: str, actor: Iterable[str], recipient: Iterable[str]) -> set[str]:
    """The other side of a fact; a co-actor (RUS in 'Russia and North Korea announced ...') counts as a partner."""
    actor = tuple(actor)
    if code in actor:
        return {s for s in (*recipient, *actor) if s != code}
    return {s for s in actor if s != code}


def _direction(code: str, other: str, actor: Iterable[str], recipient: Iterable[str]) -> str | None:
    """'out' when the state acted on the partner, 'in' when the partner acted on the state, None for co-actors."""
    if code in actor and other in recipient:
        return "out"
    return "in" if code in recipient and other in actor else None


def _partners(code: str, facts: aggregate.StateFacts, measures: list[BriefFact]) -> dict[str, BriefPartner]:
    partners: dict[str, BriefPartner] = {}

    def partner(state: str) -> BriefPartner:
        return partners.setdefault(state, BriefPartner(state, state_name(state)))

    for row in facts.sides_of_events():
        for other in _others_of(code, row["actor"], row["recipient"]):
            partner(other).add_events(int(row["n"]), quad=row["quad"], score_sum=float(row["score_sum"] or 0.0),
                                      scored=int(row["scored"]),
                                      direction=_direction(code, other, row["actor"], row["recipient"]))
    for row in facts.sides_of_measures():
        for other in _others_of(code, row["actor"], row["recipient"]):
            partner(other).measure_count += int(row["n"])
    for fact in measures:
        for other in sorted(_others_of(code, fact.actor, fact.recipient)):
            partner(other).measures.append(fact)
    return partners


def _buckets(rows: list[dict[str, Any]], month: bool) -> list[TimeBucket]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[str(row["label"])].append(row)
    buckets = []
    for label, group in grouped.items():
        start, end = min(r["start"] for r in group), max(r["end"] for r in group)
        if month:
            granularity = "month"
        else:
            whole_year = start.year == end.year and start.month == 1 and end.month == 12
            granularity = "year" if whole_year else "range"
        counts = Counter({r["quad"]: int(r["n"]) for r in group})
        buckets.append(TimeBucket(label, granularity, start.isoformat(), end.isoformat(),
                              {q: counts.get(q, 0) for q in QUADS}))  # fmt: skip
    return buckets


def _timeline(facts: aggregate.StateFacts) -> BriefTimeline:
    months = sorted(_buckets(facts.months(), month=True), key=lambda b: b.label)
    spans = sorted(_buckets(facts.spans(), month=False), key=lambda b: (b.start, b.end))
    return BriefTimeline(months, spans, facts.undated())


def _contacts(rows: list[dict[str, Any]], docs: _Documents) -> list[QuotedContact]:
    """The states met (analytics.outreach, `StateFacts.contacts`), each with its latest meetings quoted."""
    docs.preload(m["doc"] for row in rows for m in row["latest"])
    contacts = []
    for row in rows:
        meetings = []
        for m in row["latest"]:
            evidence = m["evidence"]
            quote = docs.quote(m["doc"], Evidence(**evidence)) if evidence else None
            meetings.append((m["date"], m["role"], quote))
        contacts.append(QuotedContact(row["state"], state_name(row["state"]), tuple(row["roles"]), row["first"],
                                row["last"], int(row["n"]), tuple(meetings)))  # fmt: skip
    return contacts


def _network(store: Store, code: str, partners: Iterable[str], since: DateLike, until: DateLike,
             min_confidence: float | None, count: str) -> list[NetworkLink]:
    links = [
        NetworkLink(e.source, e.target, e.weight, e.mean_score)
        for e in state_network(store, since=since, until=until, states={code, *partners},
                               min_confidence=min_confidence, count=count).edges
    ]
    return sorted(links, key=lambda link: (-link.weight, link.a, link.b))


LISTED = 150  # events, and measures, listed with quotes in a brief
QUOTED_MEETINGS = aggregate.INDEXED_MEETINGS  # latest meetings kept (quoted) per outreach contact


def _headline_candidates(found: aggregate.StateFacts, n: int) -> list[aggregate.Ranked]:
    """The best supported facts, at most SAME_KIND of one type between the same actor and recipient."""
    seen: Counter[tuple[Any, ...]] = Counter()
    chosen: list[aggregate.Ranked] = []
    page, offset = max(64, 8 * n), 0
    while len(chosen) < n:
        ranked = found.best_supported(page, offset)
        for r in ranked:
            kind = (r.key.kind, r.key.type, r.actor, r.recipient)
            if seen[kind] < SAME_KIND and len(chosen) < n:
                seen[kind] += 1
                chosen.append(r)
        if len(ranked) < page:
            break
        offset += page
    return chosen


def _facts_of(
    found: aggregate.StateFacts, shown: list[aggregate.Ranked], docs: _Documents
) -> dict[tuple[Any, ...], BriefFact]:
    """The shown facts built from their stored records (merged as the brief merges), by key."""
    support: dict[tuple[Any, ...], Any] = {r.key.as_tuple(): r for r in shown}
    rows: dict[str, set[int]] = {"event": set(), "measure": set()}
    for r in shown:
        rows[r.key.kind].update(r.rowids)
    events = [convert.event_from_row(row) for row in found.records("event", sorted(rows["event"]))]
    measures = [convert.measure_from_row(row) for row in found.records("measure", sorted(rows["measure"]))]
    merged = [*_merge_events(events, docs, support), *_merge_measures(measures, docs, support)]
    return {_key(f.kind, f.type, f.actor, f.recipient, f.date, f.value,
                 f.unit if f.kind == "measure" else context_key(f.context)): f for f in merged}


def brief(store: Store, code: str, *, since: DateLike = None, until: DateLike = None,
          headlines: int = HEADLINES, min_confidence: float | None = None,
          count: str = "incidents") -> Brief:  # fmt: skip
    """Everything the store knows about state `code` between since and until (dates overlap the window).

    Headline facts are the top `headlines` events and measures, ranked by the documents behind them
    (corroboration), then by weight (|PLOVER score|, or the size of a measure; `BriefFact.weight`), then by date,
    with at most SAME_KIND facts of one type between the same actor and recipient. `count` 'incidents' (the
    default) counts and lists each incident once, by the report that stands for it; 'reports' every stored event.
    A brief is kept while the store does not change (`store.kept`): asked again, it is read from memory.
    """
    code = code.strip().upper()
    key = (code, _window_key(since), _window_key(until), headlines, reader_threshold(min_confidence),
           reader_threshold(min_confidence, "measure"), count)
    return kept_briefs.get(store, key, lambda: _brief(store, code, since, until, headlines, min_confidence, count))


KEPT_BRIEFS = 16  # briefs kept per process (store.kept): a brief is the same until the store changes
kept_briefs: Kept[Brief] = Kept(KEPT_BRIEFS, copies=True)  # a copy each: callers may change theirs


def _window_key(bound: DateLike) -> str | None:
    return None if bound is None else str(bound)


def _brief(store: Store, code: str, since: DateLike, until: DateLike, headlines: int,
           min_confidence: float | None, count: str) -> Brief:  # fmt: skip
    docs = _Documents(store)
    with aggregate.open_facts(store, code, since=since, until=until, min_confidence=min_confidence,
                              count=count) as found:
        top_ranked = _headline_candidates(found, headlines)
        latest, largest = found.latest_events(LISTED), found.largest_measures(LISTED)
        shown = [*top_ranked, *latest, *largest]
        facts = _facts_of(found, shown, docs)
        meetings = found.contacts(QUOTED_MEETINGS)
        docs.preload([  # every document quoted, in one query
            *(doc for f in facts.values() if isinstance(f.quotes, _Pending) for doc, _ in f.quotes.pairs),
            *(m["doc"] for row in meetings for m in row["latest"]),
        ])  # fmt: skip
        top = _with_quotes([facts[r.key.as_tuple()] for r in top_ranked], docs)
        events = _with_quotes([facts[r.key.as_tuple()] for r in latest], docs)  # the latest; a brief lists
        measures = _with_quotes(
            sorted((facts[r.key.as_tuple()] for r in largest),
                   key=lambda f: (f.type, _start(f.date), f.states, f.value or 0)),
            docs,
        )  # fmt: skip
        partners = _partners(code, found, measures)
        timeline = _timeline(found)
        totals = found.totals()
        contacts = _contacts(meetings, docs)
        places = [BriefPlace(p.place, p.kind, p.admin1, p.country, p.lat, p.lon, p.events, dominant(p.quads))
                  for p in found.places()]  # fmt: skip
    for contact in contacts:
        partners.setdefault(contact.state, BriefPartner(contact.state, contact.name)).roles = list(contact.roles)
    ordered = sorted(partners.values(), key=lambda p: (-p.weight, p.code))
    cited = {q.doc for f in [*top, *events, *measures] for q in f.quotes}
    sources = []
    for doc in sorted(cited):
        document = docs.get(doc)
        if document is not None:
            sources.append(Citation(doc, document.title, _http(document.url), document.published, document.source))
        else:
            sources.append(Citation(doc, None, None, None, None))
    return Brief(
        state=code, name=state_name(code), since=None if since is None else str(since),
        until=None if until is None else str(until), headlines=top, events=events,
        measures=measures, partners=ordered, timeline=timeline, outreach=contacts,
        network=_network(store, code, partners, since, until, min_confidence, count), sources=sources,
        event_total=totals[0], measure_total=totals[1],
        thresholds=(reader_threshold(min_confidence), reader_threshold(min_confidence, "measure")), places=places,
    )  # fmt: skip
