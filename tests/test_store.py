"""The DuckDB store: round trips, idempotent ingest, query filters, migrations, atomic batches, crash safety."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.confidence import one_sentence
from diplograph.errors import ConfigError, DiplographError, StoreError
from diplograph.model import (
    Actor,
    DateRef,
    Document,
    Event,
    Evidence,
    Extraction,
    Measure,
    Mention,
    Quantity,
    Sentence,
    stable_id,
)
from diplograph.store import SCHEMA_VERSION, AddResult, Store, core, migrations
from diplograph.store.convert import date_bounds

REPO = Path(__file__).resolve().parents[1]


# --- helpers -----------------------------------------------------------------------------------------------------


def span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase)


def event(doc: Document, id: str, kind: str, actor: tuple[str, ...], recipient: tuple[str, ...], phrase: str,
          date: str | None = None) -> Event:  # fmt: skip
    return Event(doc=doc.id, event=kind, actor=actor, recipient=recipient, evidence=(span(doc.text, phrase),),
                 date=date, id=id)  # fmt: skip


def measure(doc: Document, id: str, kind: str, actor: str, recipient: str, value: float, phrase: str,
            period: str | None = None) -> Measure:  # fmt: skip
    return Measure(doc=doc.id, measure=kind, actor=(actor,), recipient=(recipient,), value=value, unit="USD",
                   evidence=(span(doc.text, phrase),), period=period, id=id)  # fmt: skip


DOC_A = Document(
    id="doc-a",
    text="Russia forgave the debt of North Korea. Kim visited Moscow in May. Washington accused Beijing.",
    published="2014-05-20",
    title="A",
    url="http://example.org/a",
    source="Example",
    origin="a.jsonl:1",
)
DOC_B = Document(id="doc-b", text="China warned the US and Russia. The US and France sanctioned Russia.")


def hand_built() -> list[Extraction]:
    a, b = DOC_A, DOC_B
    return [
        Extraction(
            document=a,
            events=(
                event(a, "e1", "AID", ("RUS",), ("PRK",), "Russia forgave the debt", "2012"),
                event(a, "e2", "CONSULT", ("PRK",), ("RUS",), "Kim visited Moscow", "2014-05-03"),
                event(a, "e3", "ACCUSE", ("USA",), ("CHN",), "Washington accused Beijing"),
            ),
            measures=(measure(a, "m1", "debt_relief", "RUS", "PRK", 1.1e10, "forgave the debt", "2012"),),
            mentions=(mention(a, "Russia", "RUS"), mention(a, "North Korea", "PRK")),
            dates=(DateRef(a.text.index("May"), a.text.index("May") + 3, "May", "2014-05", "month"),),
        ),
        Extraction(
            document=b,
            events=(
                event(b, "e4", "THREATEN", ("CHN",), ("USA", "RUS"), "China warned", "2013-01/2013-03"),
                event(b, "e5", "SANCTION", ("USA", "FRA"), ("RUS",), "sanctioned Russia", "2014-05"),
            ),
            measures=(measure(b, "m2", "trade", "CHN", "USA", 5e11, "China", "2013"),),
        ),
    ]


def mention(doc: Document, phrase: str, code: str) -> Mention:
    ev = span(doc.text, phrase)
    return Mention(ev.start, ev.end, ev.text, code, reason=f"alias {phrase}")


def ids(records: list[Event] | list[Measure]) -> list[str]:
    return [r.id for r in records]


def counts(store: Store) -> dict[str, int]:
    stats = store.stats()
    return {key: stats[key] for key in ("documents", "events", "measures", "mentions")}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "store.duckdb"


@pytest.fixture
def filled(db: Path) -> Any:
    with Store.open(db) as store:
        store.add(hand_built())
        yield store


# --- round trip and idempotence ----------------------------------------------------------------------------------


def _unlinked(events: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(dataclasses.replace(e, incident=None) for e in events)


def test_round_trip_of_documents_events_measures_mentions(db: Path) -> None:
    extractions = hand_built()
    with Store.open(db) as store:
        assert store.add(extractions) == AddResult(2, 0, 5, 2)
    assert db.exists()
    with Store.open(db) as store:
        for x in extractions:
            assert store.document(x.document.id) == x.document
            assert store.document(x.document.hash) == x.document
            stored = store.extraction(x.document.id)
            assert stored is not None and all(e.incident for e in stored.events)  # storing links each event
            assert dataclasses.replace(stored, events=_unlinked(stored.events)) == x
            assert _unlinked(store.events(doc=x.document.id)) == x.events
            assert store.measures(doc=x.document.hash) == list(x.measures)
            assert store.mentions(x.document.id) == list(x.mentions)
            assert store.dates(x.document.id) == list(x.dates)
        assert store.documents() == [DOC_A, DOC_B]  # dated first, then undated
        assert counts(store) == {"documents": 2, "events": 5, "measures": 2, "mentions": 3}
        assert store.stats()["schema_version"] == SCHEMA_VERSION


def test_readding_changes_nothing(filled: Store) -> None:
    before = counts(filled)
    assert filled.add(hand_built()) == AddResult(0, 2, 0, 0)
    assert filled.add([*hand_built(), *hand_built()], batch_size=1) == AddResult(0, 4, 0, 0)
    assert counts(filled) == before


def test_same_document_twice_in_one_batch_is_stored_once(db: Path) -> None:
    x = hand_built()[0]
    with Store.open(db) as store:
        assert store.add([x, x, x]) == AddResult(1, 2, 3, 1)
        assert store.has_document(x.document.hash)
        assert store.known_hashes([x.document.hash, "f" * 64]) == {x.document.hash}
        assert counts(store)["events"] == 3


def test_facts_without_id_get_a_stable_one(db: Path) -> None:
    doc = Document(id="d", text="Russia met China.")
    plain = Event(doc="d", event="CONSULT", actor=("RUS",), recipient=("CHN",), evidence=(span(doc.text, "met"),))
    with Store.open(db) as store:
        store.add([Extraction(doc, events=(plain, plain))])
        stored = store.events()
    assert _unlinked(stored) == tuple(dataclasses.replace(plain, id=stable_id(doc.hash, "event", i)) for i in range(2))


def test_duplicate_ids_in_one_document_are_refused_clearly(db: Path) -> None:
    doc = Document(id="d", text="Russia met China.")
    e = event(doc, "same", "CONSULT", ("RUS",), ("CHN",), "met")
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="two events with the id 'same'"):
            store.add([Extraction(doc, events=(e, e))])
        assert counts(store)["documents"] == 0


def test_date_bounds() -> None:
    d = date_bounds
    assert [x.isoformat() for x in d("2014")] == ["2014-01-01", "2014-12-31"]  # type: ignore[union-attr]
    assert [x.isoformat() for x in d("2012-02")] == ["2012-02-01", "2012-02-29"]  # type: ignore[union-attr]
    assert [x.isoformat() for x in d("2014-Q4")] == ["2014-10-01", "2014-12-31"]  # type: ignore[union-attr]
    assert [x.isoformat() for x in d("2013-01/2013-03")] == ["2013-01-01", "2013-03-31"]  # type: ignore[union-attr]
    assert d("2014-05-03")[0] == d("2014-05-03")[1]
    assert d(None) == d("") == d("soon") == d("2014-13") == d("2015/2014") == (None, None)


# --- property: store then load is identity -----------------------------------------------------------------------

CODES = st.sampled_from(["RUS", "PRK", "USA", "CHN", "FRA", "IGO-UN", "ru'; --"])
WORDS = st.text(max_size=12)
OPT_WORD = st.none() | WORDS
FLOATS = st.floats(allow_nan=False)
DATES = (
    st.none()
    | st.integers(1900, 2100).map(str)
    | st.dates().map(lambda x: x.isoformat())
    | st.dates().map(lambda x: x.isoformat()[:7])
    | st.tuples(st.dates(), st.dates()).map(lambda p: f"{min(p)}/{max(p)}")
    | WORDS
)


@st.composite
def evidence_in(draw: st.DrawFn, text: str) -> Evidence:
    start, end = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
    return Evidence(start, end, text[start:end])


@st.composite
def quantities_in(draw: st.DrawFn, text: str) -> Quantity:
    ev = draw(evidence_in(text))
    return Quantity(
        ev.start, ev.end, ev.text, draw(FLOATS), draw(WORDS), per=draw(OPT_WORD), high=draw(st.none() | FLOATS)
    )


@st.composite
def events_for(draw: st.DrawFn, doc: Document, id: str) -> Event:
    actors = st.lists(CODES, max_size=3).map(tuple)
    return Event(
        doc=doc.id, event=draw(WORDS), actor=draw(actors), recipient=draw(actors), id=id,
        evidence=tuple(draw(st.lists(evidence_in(doc.text), max_size=3))), mode=draw(OPT_WORD),
        context=tuple(draw(st.lists(WORDS, max_size=2))), aux=draw(OPT_WORD), date=draw(DATES),
        date_source=draw(WORDS), rule=draw(WORDS), score=draw(st.none() | FLOATS),
        actor_detail=tuple(draw(st.lists(st.builds(Actor, CODES, sector=OPT_WORD), max_size=2))),
        quantities=tuple(draw(st.lists(quantities_in(doc.text), max_size=2))),
    )  # fmt: skip


@st.composite
def measures_for(draw: st.DrawFn, doc: Document, id: str) -> Measure:
    return Measure(
        doc=doc.id, measure=draw(WORDS), actor=(draw(CODES),), recipient=(draw(CODES),), value=draw(FLOATS),
        unit=draw(WORDS), evidence=(draw(evidence_in(doc.text)),), period=draw(DATES),
        change_pct=draw(st.none() | FLOATS), commodity=draw(OPT_WORD), per=draw(OPT_WORD),
        qualifier=draw(OPT_WORD), rule=draw(WORDS), id=id,
    )  # fmt: skip


@st.composite
def mentions_in(draw: st.DrawFn, text: str) -> Mention:
    ev = draw(evidence_in(text))
    members = tuple(draw(st.lists(CODES, max_size=3)))
    return Mention(ev.start, ev.end, ev.text, draw(CODES), reason=draw(WORDS), members=members)


@st.composite
def extractions(draw: st.DrawFn, text: str) -> Extraction:
    doc = Document(id=draw(WORDS), text=text, published=draw(DATES), title=draw(OPT_WORD), url=draw(OPT_WORD))
    n_events, n_measures = draw(st.integers(0, 4)), draw(st.integers(0, 3))
    dates = st.builds(lambda e, v: DateRef(e.start, e.end, e.text, v, "day"), evidence_in(text), WORDS)
    return Extraction(
        document=doc,
        events=tuple(draw(events_for(doc, f"e{i}")) for i in range(n_events)),
        measures=tuple(draw(measures_for(doc, f"m{i}")) for i in range(n_measures)),
        mentions=tuple(draw(st.lists(mentions_in(text), max_size=3))),
        dates=tuple(draw(st.lists(dates, max_size=2))),
        quantities=tuple(draw(st.lists(quantities_in(text), max_size=2))),
        sentences=(Sentence(0, len(text), text),),  # not stored
    )


BATCHES = st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4, unique=True).flatmap(
    lambda texts: st.tuples(*[extractions(t) for t in texts])
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=BATCHES, batch_size=st.integers(1, 3))
def test_store_then_load_is_identity(batch: tuple[Extraction, ...], batch_size: int) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "p.duckdb") as store:
        added = store.add(batch, batch_size=batch_size)
        assert added == AddResult(len(batch), 0, sum(len(x.events) for x in batch), sum(len(x.measures) for x in batch))
        for x in batch:
            stored = store.extraction(x.document.hash)
            assert stored is not None
            # the store keeps whether a document is one sentence (with its events), not its sentences
            kept_count = 1 if x.events and one_sentence(x) else None
            assert dataclasses.replace(stored, events=_unlinked(stored.events)) == dataclasses.replace(
                x, sentences=(), sentence_count=kept_count)
            assert _unlinked(store.events(doc=x.document.hash, limit=100)) == tuple(sorted(x.events, key=_event_order))
        before = counts(store)
        assert store.add(batch) == AddResult(0, len(batch), 0, 0)
        assert counts(store) == before


def _event_order(e: Event) -> tuple[Any, ...]:
    start = date_bounds(e.date)[0]
    first = e.evidence[0].start if e.evidence else -1
    return (start is None, start or 0, first, int(e.id[1:]))


# --- query filters -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e1", "e4", "e5", "e2", "e3"]),
        ({"state": "RUS"}, ["e1", "e4", "e5", "e2"]),
        ({"state": "FRA"}, ["e5"]),
        ({"actor": "USA"}, ["e5", "e3"]),
        ({"recipient": "RUS"}, ["e4", "e5", "e2"]),
        ({"dyad": ("RUS", "PRK")}, ["e1", "e2"]),
        ({"dyad": ("PRK", "RUS")}, ["e1", "e2"]),
        ({"dyad": ("USA", "CHN")}, ["e4", "e3"]),
        ({"dyad": ("USA", "FRA")}, []),
        ({"event_type": "AID"}, ["e1"]),
        ({"event_type": ["SANCTION", "ACCUSE", "NOPE"]}, ["e5", "e3"]),
        ({"event_type": []}, []),
        ({"since": "2014"}, ["e5", "e2"]),
        ({"since": "2012-12-31", "until": "2013-02-01"}, ["e1", "e4"]),
        ({"until": "2012-06"}, ["e1"]),
        ({"since": "2013-03-31", "until": "2013-03-31"}, ["e4"]),
        ({"since": "2013-04-01", "until": "2013-12-31"}, []),
        ({"text": "KIM VISITED"}, ["e2"]),
        ({"text": "russia"}, ["e1", "e5"]),
        ({"doc": "doc-b"}, ["e4", "e5"]),
        ({"doc": DOC_A.hash}, ["e1", "e2", "e3"]),
        ({"state": "RUS", "event_type": ["AID", "SANCTION"], "since": "2014"}, ["e5"]),
        ({"limit": 2, "offset": 1}, ["e4", "e5"]),
        ({"limit": 0}, []),
    ],
)
def test_event_filters(filled: Store, filters: dict[str, Any], expected: list[str]) -> None:
    assert ids(filled.events(**filters)) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["m1", "m2"]),
        ({"state": "USA"}, ["m2"]),
        ({"actor": "RUS"}, ["m1"]),
        ({"recipient": "USA"}, ["m2"]),
        ({"dyad": ("PRK", "RUS")}, ["m1"]),
        ({"measure": ["trade"]}, ["m2"]),
        ({"measure": "debt_relief"}, ["m1"]),
        ({"since": "2013-06"}, ["m2"]),
        ({"until": "2012-12-31"}, ["m1"]),
        ({"text": "FORGAVE"}, ["m1"]),
        ({"doc": "doc-b"}, ["m2"]),
    ],
)
def test_measure_filters(filled: Store, filters: dict[str, Any], expected: list[str]) -> None:
    assert ids(filled.measures(**filters)) == expected


def test_document_listing_and_lookup(filled: Store) -> None:
    assert filled.documents(since="2014-05") == [DOC_A]
    assert filled.documents(until="2013") == []
    assert filled.documents(limit=1, offset=1) == [DOC_B]
    assert filled.document("nope") is None
    assert filled.mentions("nope") == []
    assert filled.extraction("nope") is None


@pytest.mark.parametrize("bad", [{"since": "yesterday"}, {"until": "2014-02-30"}, {"limit": -1}, {"dyad": "RUS"}])
def test_bad_filter_values_raise_a_clear_error(filled: Store, bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        filled.events(**bad)


INJECTIONS = [
    "'; DROP TABLE events; --",
    "RUS' OR '1'='1",
    '") OR 1=1 --',
    "%",
    "_",
    "\\",
    "RUS); DELETE FROM documents; --",
    "?",
    "$1",
]


@pytest.mark.parametrize("bad", INJECTIONS)
def test_injection_strings_match_nothing_and_break_nothing(filled: Store, bad: str) -> None:
    before = counts(filled)
    for name in ("state", "actor", "recipient", "text", "doc"):
        filters: dict[str, Any] = {name: bad}
        assert filled.events(**filters) == []
        assert filled.measures(**filters) == []
    assert filled.events(dyad=(bad, "RUS")) == filled.events(dyad=("RUS", bad)) == []
    assert filled.events(event_type=bad) == filled.events(event_type=[bad, "x"]) == []
    assert filled.measures(measure=bad) == []
    assert filled.document(bad) is None and filled.mentions(bad) == []
    assert filled.known_hashes([bad]) == set() and not filled.has_document(bad)
    for name in ("since", "until"):
        with pytest.raises(DiplographError):
            filled.events(**{name: bad})  # type: ignore[arg-type]
    assert counts(filled) == before
    assert len(filled.events()) == 5


# --- opening, read-only, migrations ------------------------------------------------------------------------------


def test_open_uses_config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_DB", str(tmp_path / "env" / "from-env.duckdb"))
    with Store.open() as store:
        assert store.path.endswith("from-env.duckdb")
    assert (tmp_path / "env" / "from-env.duckdb").exists()
    with Store.open(":memory:") as store:
        assert store.add(hand_built()).documents_added == 2


def test_non_duckdb_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.txt"):
        Store.open(path)


def test_read_only(db: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        Store.open(db, read_only=True)
    with Store.open(db) as store:
        store.add(hand_built())
    with Store.open(db, read_only=True) as reader:
        assert ids(reader.events(state="PRK")) == ["e1", "e2"]
        with pytest.raises(StoreError, match="read-only"):
            reader.add(hand_built())


def test_closed_store_says_so(db: Path) -> None:
    store = Store.open(db)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.events()


def _versions(path: Path) -> list[int]:
    conn = duckdb.connect(str(path))
    try:
        return [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]
    finally:
        conn.close()


def test_only_documents_keep_a_key_index(db: Path) -> None:
    # DuckDB holds every key index whole in memory; the fact tables have none since schema version 4
    with Store.open(db) as store:
        store.add(hand_built())
        keys = store.connection.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' ORDER BY 1"
        ).fetchall()
        nullable = store.connection.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'mentions' AND is_nullable = 'YES'"
        ).fetchall()
    assert keys == [("alerts",), ("documents",), ("schema_migrations",), ("watch_sources",)]  # small tables only
    assert nullable == [(0,)]  # the rebuilt tables keep their NOT NULLs


def test_a_memory_cap_holds_while_adding_and_is_given_back(db: Path) -> None:
    many = [
        Extraction(Document(id=f"d{i}", text=f"Russia met China on day {i}. " * 40), mentions=hand_built()[0].mentions)
        for i in range(300)
    ]
    seen: list[str] = []

    def limit(store: Store) -> str:
        return str(store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0])

    def watched(store: Store) -> Any:
        for x in many:
            seen.append(limit(store))
            yield x

    with Store.open(db) as store:
        before = limit(store)
        assert store.add(watched(store), batch_size=100, memory_mib=16).documents_added == 300
        assert set(seen[1:]) == {"16.0 MiB"}  # the first document is read before the cap is set
        assert limit(store) == before
        assert counts(store)["documents"] == 300
        assert store.add(many, memory_mib=16) == AddResult(0, 300, 0, 0)
        for bad in (-1, 8):
            with pytest.raises(ConfigError, match="memory_mib"):
                store.add(many, memory_mib=bad)


def test_an_outer_memory_cap_holds_for_every_add_inside(db: Path) -> None:
    def limit(store: Store) -> str:
        return str(store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0])

    with Store.open(db) as store:
        before = limit(store)
        with store.memory_cap(64):
            assert limit(store) == "64.0 MiB"
            store.add(hand_built()[:1], memory_mib=16)  # the outer block's cap holds
            assert limit(store) == "64.0 MiB"
            store.add(hand_built()[1:])
        assert limit(store) == before
        with store.memory_cap(0):
            assert limit(store) == before
        with pytest.raises(ConfigError, match="memory_mib"), store.memory_cap(4):
            pass
        assert counts(store)["documents"] == 2


def test_the_cap_doubles_while_the_key_index_fills_more_than_half() -> None:
    mib = 2**20
    assert core.grown_cap(32, 0) == 32
    assert core.grown_cap(32, 16 * mib) == 32
    assert core.grown_cap(32, 16 * mib + 1) == 64
    assert core.grown_cap(32, 100 * mib) == 256


def test_old_store_is_migrated(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = duckdb.connect(str(db))
    migrations.migrate(conn, target=1)
    conn.execute(
        "INSERT INTO documents (hash, id, text, ingested_at) VALUES (?, 'old', 'old text', now()::TIMESTAMP)",
        [Document("old", "old text").hash],
    )
    conn.close()
    assert _versions(db) == [1]
    with pytest.raises(StoreError, match="without read_only to migrate"):
        Store.open(db, read_only=True)
    with Store.open(db) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        assert store.document("old") == Document("old", "old text")
        store.add(hand_built())
        assert store.mentions("doc-a")  # table from step 2
        assert store.connection.execute("SELECT count(*) FROM event_dyads").fetchall() == [(7,)]
    assert _versions(db) == list(range(1, SCHEMA_VERSION + 1))


def test_newer_store_is_refused(db: Path) -> None:
    Store.open(db).close()
    conn = duckdb.connect(str(db))
    conn.execute("INSERT INTO schema_migrations VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    conn.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer|upgrade diplograph"):
            Store.open(db, read_only=read_only)


def test_failed_migration_leaves_store_untouched(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db.parent.mkdir(parents=True)
    conn = duckdb.connect(str(db))
    migrations.migrate(conn, target=1)
    conn.close()

    def broken(conn: Any) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk on fire")

    steps = (*migrations.MIGRATIONS[:-1], migrations.Migration(SCHEMA_VERSION, "broken", broken))
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(StoreError, match="disk on fire"):
        Store.open(db)
    assert _versions(db) == [1]


# --- atomic batches ----------------------------------------------------------------------------------------------


def test_failure_mid_batch_leaves_nothing_of_it(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = core.insert_rows
    batches = hand_built()

    def failing(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
        real(conn, table, rows)
        if table == "documents" and any(r["id"] == "doc-b" for r in rows):
            raise RuntimeError("boom after documents")

    monkeypatch.setattr(core, "insert_rows", failing)
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="boom after documents") as info:
            store.add(batches, batch_size=1)
        assert "nothing of it was written" in str(info.value)
        assert counts(store) == {"documents": 1, "events": 3, "measures": 1, "mentions": 3}  # first batch only
        assert store.document("doc-b") is None and store.events(doc="doc-b") == []
        monkeypatch.setattr(core, "insert_rows", real)
        assert store.add(batches) == AddResult(1, 1, 2, 1)
        assert counts(store)["events"] == 5


# --- crash safety ------------------------------------------------------------------------------------------------

N_DOCS = 400

CHILD = textwrap.dedent(
    """
    import sys
    from diplograph.model import Document, Event, Evidence, Extraction, Measure, Mention
    from diplograph.store import Store

    def extraction(i):
        text = f"document {i}: Russia and China talked."
        doc = Document(id=f"d{i}", text=text)
        ev = (Evidence(0, 8, "document"),)
        events = tuple(Event(doc.id, "CONSULT", ("RUS",), ("CHN",), ev, id=f"e{k}") for k in range(i % 7))
        measures = tuple(Measure(doc.id, "trade", ("RUS",), ("CHN",), float(k), "USD", ev) for k in range(i % 3))
        mentions = tuple(Mention(0, 8, "document", "RUS") for _ in range(i % 4))
        return Extraction(doc, events, measures, mentions)

    store = Store.open(sys.argv[1])
    print("ready", flush=True)
    result = store.add((extraction(i) for i in range({n})), batch_size=4)
    print("done", result.documents_added, result.documents_skipped, flush=True)
    store.close()
    """
).replace("{n}", str(N_DOCS))


def _start_child(script: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True, env=env)


def _check_consistent(db: Path) -> int:
    """Every stored document has all its facts, no fact lacks its document, nothing is duplicated."""
    with Store.open(db) as store:
        conn = store.connection
        per_doc = conn.execute(
            """
            SELECT d.id,
                   (SELECT count(*) FROM events e WHERE e.doc_hash = d.hash),
                   (SELECT count(*) FROM measures m WHERE m.doc_hash = d.hash),
                   (SELECT count(*) FROM mentions x WHERE x.doc_hash = d.hash)
            FROM documents d
            """
        ).fetchall()
        for doc_id, n_events, n_measures, n_mentions in per_doc:
            i = int(doc_id[1:])
            assert (n_events, n_measures, n_mentions) == (i % 7, i % 3, i % 4), doc_id
        for table in ("events", "measures", "mentions"):
            orphans = f"SELECT count(*) FROM {table} WHERE doc_hash NOT IN (SELECT hash FROM documents)"
            assert conn.execute(orphans).fetchall() == [(0,)]
        dupes = "SELECT count(*) - count(DISTINCT (doc_hash, id)) FROM events"
        assert conn.execute(dupes).fetchall() == [(0,)]
        assert conn.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchall() == [(0,)]
        return len(per_doc)


def test_sigkill_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    script, db = tmp_path / "ingest.py", tmp_path / "crash.duckdb"
    script.write_text(CHILD)
    rng = random.Random(20261127)
    stored = []
    for _ in range(5):
        child = _start_child(script, db)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        stored.append(_check_consistent(db))
    print("stored after each kill:", stored)
    assert stored == sorted(stored)  # committed batches survive later crashes
    child = _start_child(script, db)
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 0, out
    assert out.split()[-3:] == ["done", str(N_DOCS - stored[-1]), str(stored[-1])]
    assert _check_consistent(db) == N_DOCS
