"""The shared vocabulary: every record survives a JSON round trip; ids are stable."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from diplograph.model import (
    Actor,
    DateRef,
    Document,
    Event,
    Evidence,
    Measure,
    Mention,
    Quantity,
    Sentence,
    content_hash,
    record_from_dict,
    stable_id,
)

codes = st.sampled_from(["PRK", "RUS", "CHN", "USA", "KOR", "IND", "WST"])
words = st.text(min_size=1, max_size=20)
maybe = st.none() | words
evidence = st.builds(Evidence, st.integers(0, 1000), st.integers(0, 1000), st.text(max_size=30))
actors = st.builds(Actor, codes, st.sampled_from(["state", "igo", "group"]), maybe, maybe, maybe)
quantities = st.builds(Quantity, st.integers(0, 99), st.integers(0, 99), words,
                       st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["USD", "t", "%", "km"]),
                       st.none() | st.sampled_from(["month", "year"]), maybe, st.none() | st.sampled_from(["up"]),
                       st.none() | st.floats(allow_nan=False, allow_infinity=False))
events = st.builds(
    Event, words, st.sampled_from(["AGREE", "CONSULT", "AID"]), st.lists(codes, max_size=3).map(tuple),
    st.lists(codes, max_size=3).map(tuple), st.lists(evidence, min_size=1, max_size=3).map(tuple),
    mode=maybe, context=st.lists(words, max_size=2).map(tuple), aux=st.none() | st.just("future"),
    date=st.none() | st.just("2014-05"), date_source=st.sampled_from(["clause", "none"]),
    actor_detail=st.lists(actors, max_size=2).map(tuple), recipient_detail=st.lists(actors, max_size=2).map(tuple),
    quantities=st.lists(quantities, max_size=2).map(tuple), rule=words,
    score=st.none() | st.floats(-10, 10), id=words,
)
measures = st.builds(
    Measure, words, st.sampled_from(["trade", "exports", "aid"]), st.lists(codes, max_size=2).map(tuple),
    st.lists(codes, max_size=2).map(tuple), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["USD", "t"]), st.lists(evidence, min_size=1, max_size=2).map(tuple), period=maybe,
    change_pct=st.none() | st.floats(-100, 100), commodity=maybe, per=maybe, qualifier=maybe, rule=words, id=words,
)


def through_json(record):  # type: ignore[no-untyped-def]
    return json.loads(record.to_json())


@given(events)
def test_event_round_trip(event: Event) -> None:
    assert record_from_dict(through_json(event)) == event


@given(measures)
def test_measure_round_trip(measure: Measure) -> None:
    assert record_from_dict(through_json(measure)) == measure


@given(st.builds(Document, words, st.text(), maybe, maybe, maybe, maybe, maybe))
def test_document_round_trip(document: Document) -> None:
    assert Document.from_dict(through_json(document)) == document


@given(st.builds(Mention, st.integers(0, 9), st.integers(0, 9), words, codes, st.just("igo"), maybe, maybe, words,
                 words, st.lists(codes, max_size=3).map(tuple)))
def test_mention_round_trip(mention: Mention) -> None:
    assert Mention.from_dict(through_json(mention)) == mention


@given(st.builds(DateRef, st.integers(0, 9), st.integers(0, 9), words, st.just("2015-05-09"), st.just("day")))
def test_date_round_trip(date: DateRef) -> None:
    assert DateRef.from_dict(through_json(date)) == date


@given(quantities)
def test_quantity_round_trip(quantity: Quantity) -> None:
    assert Quantity.from_dict(through_json(quantity)) == quantity


def test_sentence_and_evidence_round_trip() -> None:
    sentence = Sentence(0, 5, "Hello")
    assert Sentence.from_dict(through_json(sentence)) == sentence
    assert Evidence.from_dict({"start": 1, "end": 3, "text": "el"}) == Evidence(1, 3, "el")


def test_unknown_fields_are_ignored_and_kind_decides() -> None:
    row = {"kind": "measure", "doc": "d", "measure": "aid", "actor": ["RUS"], "recipient": ["PRK"], "value": 5.0,
           "unit": "t", "evidence": [{"start": 0, "end": 1, "text": "x"}], "extra": "ignored", "event": "AID"}
    measure = record_from_dict(row)
    assert isinstance(measure, Measure)
    assert (measure.measure, measure.actor, measure.recipient, measure.value, measure.unit) == (
        "aid", ("RUS",), ("PRK",), 5.0, "t")
    assert measure.evidence[0].text == "x" and not hasattr(measure, "extra")
    assert "extra" not in measure.to_dict()
    event = record_from_dict({**row, "kind": "event"})  # the same fields under the other kind
    assert isinstance(event, Event) and (event.event, event.actor, event.recipient) == ("AID", ("RUS",), ("PRK",))
    assert isinstance(record_from_dict({k: v for k, v in row.items() if k != "kind"}), Event)  # no kind: an event


def test_ids_and_hashes_are_stable() -> None:
    assert stable_id("doc", "AID", ("RUS",)) == stable_id("doc", "AID", ("RUS",))
    assert stable_id("doc", "AID") != stable_id("doc", "AGREE")
    assert content_hash("text") == Document("a", "text").hash == Document("b", "text").hash


@given(events)
def test_event_survives_a_store_row(event: Event) -> None:
    from diplograph.store import convert

    row = convert.event_row("h" * 64, event, seq=3)
    row["evidence"] = [dict(e) for e in row["evidence"]]  # as DuckDB gives it back
    assert convert.event_from_row(row) == dataclasses.replace(event, id=row["id"])
