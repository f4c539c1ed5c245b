"""One record per real event: mentions of the same event in several sentences become one record with several
evidence spans; then the found events and measures become the model's Event and Measure records."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from diplograph.coding.events import DATE_SOURCE_RANK, SYMMETRIC, Found
from diplograph.coding.features import document_features, record_features
from diplograph.coding.measures import FoundMeasure
from diplograph.model import Actor, DateRef, Event, Evidence, Measure, stable_id
from diplograph.nlp.dates import iter_bounds
from diplograph.nlp.resolve import ActorSpan
from diplograph.ontology import plover_score

FLOW_RULES = frozenset({"verb:ship", "verb:deliver", "verb:export", "verb:import", "verb:trade", "verb:sell",
                        # 'South Korean shipments to Japan totaled about $30.5 billion': the figure is the fact
                        "noun:shipment", "noun:export", "noun:import", "noun:purchase", "noun:sale", "noun:delivery",
                        "verb:supply", "verb:buy", "verb:purchase", "verb:send"})


def drop_flows_with_measures(found: list[Found], measures: list[FoundMeasure]) -> list[Found]:
    """A trade flow reported with its volume ('shipped 1.2 million tons a month to China') is a measure."""
    spans = [m.evidence for m in measures]
    return [f for f in found if not (f.rule in FLOW_RULES and f.reading.event == "COOPERATE"
                                     and any(_overlap(f.evidence, s) for s in spans))]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _codes(spans: list[ActorSpan]) -> tuple[str, ...]:
    seen: list[str] = []
    for s in spans:
        for c in s.states:
            if c not in seen:
                seen.append(c)
    return tuple(seen)


def _interval(d: DateRef | None) -> tuple[dt.date, dt.date] | None:
    if d is None:
        return None
    try:
        a, b = iter_bounds(d.value)
    except (ValueError, IndexError):
        return None
    return a, b


def _dates_agree(a: DateRef | None, b: DateRef | None) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _stem(rule: str) -> str:
    return rule.split(":", 1)[-1][:4]


def _same_event(a: Found, b: Found) -> bool:
    actors = set(_codes(a.actor))
    return (a.reading.event == b.reading.event and a.aux == b.aux and actors == set(_codes(b.actor))
            and _recipients_agree(set(_codes(a.recipient)) - actors, set(_codes(b.recipient)) - actors)
            and (_stem(a.rule) == _stem(b.rule) or _one_visit(a, b)) and _dates_agree(a.date, b.date))


def _one_visit(a: Found, b: Found) -> bool:
    """A visit told twice in other words ('arrived for a state visit', 'Putin hosted Xi'): one visit a pair of
    states and dates, whatever the trigger."""
    return a.reading.mode == b.reading.mode == "visit"


def _recipients_agree(a: set[str], b: set[str]) -> bool:
    """Same recipients, or one mention names none (the actor's own state counts as none)."""
    return a == b or not a or not b


def merge_mentions(found: list[Found]) -> list[list[Found]]:
    """Group the mentions of one event (same type, states, modality, trigger and compatible dates)."""
    groups: list[list[Found]] = []
    for f in found:
        for g in groups:
            if _same_event(g[0], f):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def _best_date(group: list[Found]) -> tuple[DateRef | None, str]:
    dated = [(f.date, f.date_source) for f in group if f.date is not None]
    if not dated:
        return None, "none"
    def width(d: DateRef) -> int:
        iv = _interval(d)
        return (iv[1] - iv[0]).days if iv else 10**6

    return min(dated, key=lambda ds: (DATE_SOURCE_RANK.get(ds[1], 4), width(ds[0])))


def _detail(spans: list[ActorSpan]) -> tuple[Actor, ...]:
    out: dict[tuple[str, str | None], Actor] = {}
    for s in spans:
        key = (s.code, s.person)
        if key not in out:
            out[key] = Actor(s.code, s.kind, s.sector, s.person)
    return tuple(out.values())


def _evidence(text: str, spans: list[tuple[int, int]]) -> tuple[Evidence, ...]:
    unique = sorted(set(spans))
    return tuple(Evidence(a, b, text[a:b]) for a, b in unique)


def _representative(group: list[Found]) -> Found:
    """The mention a merged record is built from: the one naming most recipients beyond its actors."""
    return max(group, key=lambda f: len(set(_codes(f.recipient)) - set(_codes(f.actor))))


def to_event(doc_id: str, text: str, group: list[Found], published: dt.date | None) -> Event:
    first = _representative(group)
    date, source = _best_date(group)
    value = date.value if date is not None else None
    mode = next((f.reading.mode for f in group if f.reading.mode), None)
    contexts: list[str] = []
    for f in group:
        contexts += [c for c in f.reading.context if c not in contexts]
    actor, recipient = joint_as_pair(first.reading.event, _codes(first.actor), _codes(first.recipient))
    evidence = _evidence(text, [f.evidence for f in group])
    return Event(
        doc=doc_id, event=first.reading.event, actor=actor, recipient=recipient, evidence=evidence, mode=mode,
        context=tuple(contexts), aux=first.aux, date=value, date_source=source,
        actor_detail=_detail(first.actor + first.orgs), recipient_detail=_detail(first.recipient),
        rule="+".join(dict.fromkeys(f.rule for f in group)), score=_score(first.reading.event, mode),
        id=stable_id(doc_id, first.reading.event, actor, recipient, [(e.start, e.end) for e in evidence]),
    )


def group_features(group: list[Found]) -> dict[str, float]:
    """The features of a merged record: those of the mention the record is built from, and the merge."""
    return record_features(_representative(group).features, len(group), [f.date_source for f in group])


NEARBY_CHARS = 400


def add_document_features(events: list[Event], features: dict[str, dict[str, float]], sentences: int,
                          dated: bool, counted: list[Event] | None = None) -> None:  # fmt: skip
    """What a record's neighbours say: how many records of the document name the same states (a story's main
    relationship is told many times), how many other records are near it, and what kind of document it is: how
    many sentences (a wire sentence codes its one event; a story has many events and much background) and whether
    it is dated. `counted`: the records that count as neighbours (default: all of them)."""

    def parties(e: Event) -> frozenset[str]:
        return frozenset(e.actor) | frozenset(e.recipient)

    def block(e: Event) -> int:  # neighbours: records whose evidence starts in the same 400 characters
        return (e.evidence[0].start if e.evidence else -1) // NEARBY_CHARS

    neighbours = events if counted is None else counted
    dyads, blocks = Counter(map(parties, neighbours)), Counter(map(block, neighbours))
    shape = document_features(sentences, dated)
    for e in events:
        f = features.setdefault(e.id, {})
        f[f"dyad_records_in_document={min(dyads[parties(e)], 4)}"] = 1.0
        f[f"records_nearby={min(blocks[block(e)], 4)}"] = 1.0
        if sentences <= 1:
            f["one_sentence_document"] = 1.0
        f.update(shape)


def joint_as_pair(event: str, actor: tuple[str, ...], recipient: tuple[str, ...]) -> tuple[tuple[str, ...],
                                                                                          tuple[str, ...]]:
    """A symmetric event among several parties and no recipient ('Kim and Putin held a summit') is written as
    the first party with the others: CONSULT PRK -> RUS. It reads the same (these types have no direction), and
    dyad queries and timelines find it under the pair. A recipient group that holds the actor's own state
    ('Rubio met G7 foreign ministers') is the other members."""
    if event in SYMMETRIC and not recipient and len(actor) >= 2:
        return actor[:1], actor[1:]
    others = tuple(c for c in recipient if c not in actor)
    if others and len(others) < len(recipient):  # 'met G7 foreign ministers' (the U.S. among them): the others
        return actor, others
    return actor, recipient


def unique_ids(records: list[Event] | list[Measure]) -> list:  # type: ignore[type-arg]
    """Give the rare record whose id repeats another's in the same document a distinct one (id + '-2', ...)."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        n = seen.get(r.id, 0) + 1
        seen[r.id] = n
        out.append(r if n == 1 else replace(r, id=f"{r.id}-{n}"))
    return out


def _score(event: str, mode: str | None) -> float:
    """The PLOVER score of the type and mode (the lexicon is checked against the ontology when loaded)."""
    return plover_score(event, mode)


def to_measure(doc_id: str, text: str, m: FoundMeasure) -> Measure:
    q = m.quantity
    actor, recipient = _codes(m.actor), _codes(m.recipient)
    start, end = m.evidence
    period = m.period.value if m.period is not None else None
    return Measure(
        doc=doc_id, measure=m.measure, actor=actor, recipient=recipient, value=q.value, unit=q.unit,
        evidence=(Evidence(start, end, text[start:end]),), period=period, change_pct=m.change_pct,
        commodity=m.commodity, per=q.per, qualifier=q.qualifier, rule=m.rule,
        id=stable_id(doc_id, m.measure, actor, recipient, q.value, start, end),
    )
