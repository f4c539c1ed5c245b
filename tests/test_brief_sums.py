"""The brief's sums in SQL (diplograph.report.aggregate) against a plain-Python reading of the same store:
the facts merged, counted, ranked and listed, the partners, the timeline and the outreach must agree."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from diplograph import analytics, ontology
from diplograph.model import Document, Event, Evidence, Extraction, Measure
from diplograph.ontology import event_quad, event_score
from diplograph.report import Brief, brief
from diplograph.report import facts as report_facts
from diplograph.store import Store
from diplograph.store.convert import date_bounds

STATES = ["CHN", "RUS", "USA", "PRK", "JPN", "IND", "KOR"]
TYPES = ["CONSULT", "AID", "ACCUSE", "SANCTION", "AGREE", "THREATEN"]
LISTED = 15  # smaller than the store's facts, so that the listings are cut


def _sides(rng: random.Random) -> tuple[tuple[str, ...], tuple[str, ...]]:
    picked = rng.sample(STATES, rng.choice([2, 2, 2, 3]))
    if len(picked) == 2:
        return (picked[0],), (picked[1],)
    if rng.random() < 0.5:
        return (picked[0], picked[1]), (picked[2],)
    return (picked[0],), (picked[1], picked[2])


def _records(rng: random.Random) -> Iterator[tuple[str, dict[str, Any]]]:
    """Record templates, each used by one to three documents (so that facts have several records)."""
    for _ in range(90):
        kind = "measure" if rng.random() < 0.25 else "event"
        actor, recipient = _sides(rng)
        day = f"2014-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if kind == "event":
            event = rng.choice(TYPES)
            modes = [None, *ontology.event_type(event).modes]
            record = {"event": event, "actor": actor, "recipient": recipient,
                      "date": None if rng.random() < 0.1 else (day if rng.random() < 0.8 else day[:7]),
                      "modes": [rng.choice(modes) for _ in range(3)]}  # fmt: skip
        else:
            record = {"measure": rng.choice(["exports", "aid", "trade"]), "actor": actor[:1],
                      "recipient": recipient[:1],
                      "value": float(rng.choice([5e6, 2e8, 3.3e9, 1.2e10])), "period": day[:4],
                      "change_pct": rng.choice([None, -4.0, 12.5])}  # fmt: skip
        yield kind, record


def _store_facts(seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    templates = list(_records(rng))
    per_doc: dict[int, list[tuple[str, dict[str, Any], int]]] = defaultdict(list)
    for n, (kind, record) in enumerate(templates):
        docs = [0, 1] if n < 6 else rng.sample(range(40), rng.choice([1, 1, 2, 3]))  # 0 and 1: one URL
        for copy, doc in enumerate(docs):
            per_doc[doc].append((kind, record, copy))
    extractions = []
    for doc_no in sorted(per_doc):
        items = per_doc[doc_no]
        rng.shuffle(items)
        sentences = [f"Sentence {i} of document {doc_no} about {r.get('event', r.get('measure'))}."
                     for i, (_, r, _) in enumerate(items)]  # fmt: skip
        text = " ".join(sentences)
        shared = doc_no % 5 < 2  # documents 0 and 1, 5 and 6, ... have one URL
        url = f"http://news.example/{doc_no // 5}" if shared else f"http://wire{doc_no % 3}.example/{doc_no}"
        doc = Document(id=f"d{doc_no:02d}", text=text, published="2015-01-10", url=url, source=None)
        events, measures, offset = [], [], 0
        for i, ((kind, r, copy), sentence) in enumerate(zip(items, sentences, strict=True)):
            evidence = (Evidence(offset, offset + len(sentence), sentence),)
            offset += len(sentence) + 1
            if kind == "event":
                events.append(Event(doc=doc.id, event=r["event"], actor=r["actor"], recipient=r["recipient"],
                                    evidence=evidence, mode=r["modes"][copy], date=r["date"], id=f"e{i}"))  # fmt: skip
            else:
                measures.append(Measure(doc=doc.id, measure=r["measure"], actor=r["actor"], recipient=r["recipient"],
                                        value=r["value"], unit="USD", evidence=evidence, period=r["period"],
                                        change_pct=r["change_pct"], id=f"m{i}"))  # fmt: skip
        extractions.append(Extraction(doc, events=tuple(events), measures=tuple(measures)))
    rng.shuffle(extractions)  # stored in another order than the documents' ids: "first" must mean the store's order
    return extractions


@pytest.fixture(scope="module", params=[3, 11])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("sums") / "sums.duckdb"
    with Store.open(path) as filled:
        filled.add(_store_facts(request.param))
    with Store.open(path, read_only=True) as opened:
        yield opened


# --- the reference: the same brief read in plain Python ----------------------------------------------------------


def _start(date: str | None) -> str:
    first = date_bounds(date)[0] if date else None
    return first.isoformat() if first else "9999-12-31"


def _weight(fact: dict[str, Any]) -> float:
    return report_facts.BriefFact(fact["kind"], fact["type"], (), (), None, (), score=fact.get("score"),
                             value=fact.get("value"), unit=fact.get("unit"),
                             change_pct=fact.get("change_pct")).weight  # fmt: skip


def _reference(store: Store, code: str) -> dict[str, Any]:
    support = {(f.kind, f.type, tuple(f.actor), tuple(f.recipient), f.date, f.value, f.unit): f
               for f in analytics.corroboration(store, state=code)}  # fmt: skip
    facts: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in store.events(state=code):
        key = ("event", e.event, tuple(sorted(e.actor)), tuple(sorted(e.recipient)), e.date, None, None)
        score = e.score if e.score is not None else event_score(e.event, e.mode)
        facts.setdefault(key, {"kind": "event", "type": e.event, "actor": e.actor, "recipient": e.recipient,
                               "date": e.date, "mode": e.mode, "score": score, "quad": event_quad(e.event)})
    for m in store.measures(state=code):
        key = ("measure", m.measure, tuple(sorted(m.actor)), tuple(sorted(m.recipient)), m.period, m.value, m.unit)
        facts.setdefault(key, {"kind": "measure", "type": m.measure, "actor": m.actor, "recipient": m.recipient,
                               "date": m.period, "value": m.value, "unit": m.unit, "change_pct": m.change_pct})
    for key, fact in facts.items():
        fact.update(key=key, documents=support[key].documents, sources=support[key].sources, weight=_weight(fact))
    events = sorted((f for f in facts.values() if f["kind"] == "event"),
                    key=lambda f: (_start(f["date"]), f["type"], (*f["actor"], *f["recipient"])))  # fmt: skip
    measures = sorted((f for f in facts.values() if f["kind"] == "measure"),
                      key=lambda f: (f["type"], _start(f["date"]), (*f["actor"], *f["recipient"]), f["value"]))
    largest = {id(f) for f in sorted(measures, key=lambda f: -f["weight"])[:LISTED]}
    ranked = sorted([*events, *measures],
                    key=lambda f: (-f["documents"], -f["weight"], _start(f["date"]), f["kind"], f["type"]))
    seen: Counter[tuple[Any, ...]] = Counter()
    headlines = []
    for f in ranked:
        kind = (f["kind"], f["type"], f["actor"], f["recipient"])
        if seen[kind] < report_facts.SAME_KIND and len(headlines) < report_facts.HEADLINES:
            seen[kind] += 1
            headlines.append(f["key"])
    partners: dict[str, list[Any]] = defaultdict(lambda: [0, Counter(), [], 0])
    for f in facts.values():
        for other in report_facts._others_of(code, f["actor"], f["recipient"]):
            if f["kind"] == "measure":
                partners[other][3] += 1
                continue
            partners[other][0] += 1
            partners[other][1][f["quad"]] += 1
            partners[other][2].append(f["score"])
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for f in events:
        start, end = date_bounds(f["date"]) if f["date"] else (None, None)
        if start and end and (start.year, start.month) == (end.year, end.month):
            months[start.strftime("%Y-%m")][f["quad"]] += 1
    contacts = [
        (c.state, c.count, c.first, c.last, tuple(c.roles),
         [(m.date, m.role, m.doc) for m in c.meetings[-report_facts.QUOTED_MEETINGS:]])
        for c in analytics.outreach(store, state=code, count="reports").contacts
    ]  # fmt: skip
    return {
        "totals": (len(events), len(measures)),
        "events": [f["key"] for f in events[-LISTED:]],
        "measures": [f["key"] for f in measures if id(f) in largest],
        "headlines": headlines,
        "facts": facts,
        "partners": {s: (p[0], {q: n for q, n in p[1].items() if n}, round(sum(p[2]) / len(p[2]), 2) if p[2] else None,
                         p[3]) for s, p in partners.items()},  # fmt: skip
        "months": {label: dict(counts) for label, counts in months.items()},
        "contacts": contacts,
    }


def _key(f: report_facts.BriefFact) -> tuple[Any, ...]:
    return f.kind, f.type, tuple(sorted(f.actor)), tuple(sorted(f.recipient)), f.date, f.value, f.unit


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_facts, "LISTED", LISTED)


@pytest.mark.parametrize("code", ["CHN", "RUS", "PRK"])
def test_sql_sums_agree_with_a_plain_reading(store: Store, code: str, listed: None) -> None:
    made: Brief = brief(store, code, count="reports")
    expected = _reference(store, code)
    assert (made.event_count, made.measure_count) == expected["totals"]
    assert [_key(f) for f in made.events] == expected["events"]
    assert [_key(f) for f in made.measures] == expected["measures"]
    assert [_key(f) for f in made.headlines] == expected["headlines"]
    for fact in [*made.headlines, *made.events, *made.measures]:
        want = expected["facts"][_key(fact)]
        assert (fact.documents, fact.sources, fact.actor, fact.recipient) == (
            want["documents"], want["sources"], want["actor"], want["recipient"])  # fmt: skip
        if fact.kind == "event":
            assert (fact.mode, fact.score) == (want["mode"], want["score"])
        assert fact.quotes and all(q.evidence for q in fact.quotes)
    partners = {p.code: (p.events, {q: n for q, n in p.quads.items() if n}, p.mean_score, p.measure_count)
                for p in made.partners}  # fmt: skip
    assert partners == expected["partners"]
    months = {b.label: {q: n for q, n in b.counts.items() if n} for b in made.timeline.months}
    assert months == expected["months"]
    contacts = [(c.state, c.count, c.first, c.last, c.roles, [(d, r, q.doc if q else None) for d, r, q in c.meetings])
                for c in made.outreach]  # fmt: skip
    assert contacts == expected["contacts"]


def test_the_store_has_facts_with_several_records_and_shared_urls(store: Store) -> None:
    # the comparison above means something only if facts merge records from several documents and URLs repeat
    support = analytics.corroboration(store)
    assert any(f.records > f.documents for f in support)  # same URL counted once
    assert any(f.documents > 1 for f in support)


@pytest.mark.parametrize("members", [["CHN", "RUS"], ["USA", "PRK", "JPN", "IND"], STATES, ["CHN"], []])
def test_network_among_some_states_is_the_full_network_cut_down(store: Store, members: list[str]) -> None:
    full = analytics.state_network(store, count="reports")
    among = analytics.state_network(store, states=members, count="reports")
    assert among.edges == [e for e in full.edges if e.source in members and e.target in members]
    several = store.connection.execute("SELECT count(*) FROM events WHERE len(actor) > 1 OR len(recipient) > 1")
    assert several.fetchone()[0] > 0  # type: ignore[index]  # events with several codes a side are split too
