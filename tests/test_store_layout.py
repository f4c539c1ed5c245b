"""How facts lie in the store file (date order, small row groups) and the pages read from it.

Pages in date order rely on DuckDB skipping row groups by their min/max dates, so these tests check both that the
layout is what `Store.optimize`, `load_parquet` and every open produce, and that pages stay exactly right whatever
the layout: walked with cursors in both orders, against a plain-Python sort of the same facts.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from diplograph.errors import StoreError
from diplograph.model import Document, Event, Evidence, Extraction
from diplograph.query import facts as query_facts
from diplograph.scale import load_parquet, write_part
from diplograph.store import Store
from diplograph.store.core import ROW_GROUP_ROWS
from diplograph.store.query import parse_date

STATES = ["CHN", "RUS", "USA", "PRK", "JPN", "KOR"]
TYPES = ["CONSULT", "AID", "ACCUSE", "AGREE"]


def _date(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.15:
        return None  # undated: last in both orders
    year = rng.choice([2001, 2009, 2014, 2014, 2020])  # few years, so many facts share a date
    if roll < 0.3:
        return str(year)
    return f"{year}-{rng.choice([1, 6, 12]):02d}-{rng.choice([1, 15]):02d}"


def _extractions(seed: int, documents: int = 45) -> list[Extraction]:
    """Documents in no particular date order, several events each (some with two actors)."""
    rng = random.Random(seed)
    out = []
    for n in range(documents):
        sentences = [f"Sentence {i} of document {n}." for i in range(rng.randint(1, 6))]
        text = " ".join(sentences)
        doc = Document(id=f"doc-{n:03d}", text=text, published="2021-01-01")
        events, offset = [], 0
        for i, sentence in enumerate(sentences):
            actor, recipient = rng.sample(STATES, 2)
            actors = (actor, rng.choice(STATES)) if rng.random() < 0.2 else (actor,)
            events.append(Event(doc=doc.id, event=rng.choice(TYPES), actor=tuple(dict.fromkeys(actors)),
                                recipient=(recipient,), evidence=(Evidence(offset, offset + len(sentence), sentence),),
                                date=_date(rng), id=f"e{i}"))  # fmt: skip
            offset += len(sentence) + 1
        out.append(Extraction(document=doc, events=tuple(events)))
    return out


def _reference(store: Store, order: str, **filters: Any) -> list[tuple[str, str]]:
    """Every matching event, sorted in Python the way pages promise: date, then document hash, seq and id."""
    rows = store.connection.execute("SELECT doc_hash, id, seq, actor, recipient, event, date_start, date_end "
                                    "FROM events").fetchall()  # fmt: skip
    state, dyad, types = filters.get("state"), filters.get("dyad"), filters.get("types")
    since = parse_date(filters.get("since"), "since")
    until = parse_date(filters.get("until"), "until", last=True)
    kept = []
    for doc_hash, fact_id, seq, actor, recipient, event, start, end in rows:
        if state and state not in actor and state not in recipient:
            continue
        a, b = dyad or ("", "")
        if dyad and not ((a in actor and b in recipient) or (b in actor and a in recipient)):
            continue
        if types and event not in types:
            continue
        if (since or until) and start is None:
            continue
        if since and end < since or until and start > until:
            continue
        kept.append((start, doc_hash, seq, fact_id))
    dated = sorted((k for k in kept if k[0] is not None), reverse=order == "desc")
    undated = sorted((k for k in kept if k[0] is None), key=lambda k: k[1:], reverse=order == "desc")
    return [(k[1], k[3]) for k in dated + undated]


def _walk(store: Store, order: str, limit: int, **filters: Any) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        page = query_facts.page_facts(store, "events", query_facts.FactFilter(**filters), limit=limit, cursor=cursor,
                                      order=order)
        seen += [(f.doc_hash, f.record.id) for f in page.facts]
        cursor = page.next_cursor
        if cursor is None:
            return seen


FILTERS: list[dict[str, Any]] = [
    {},
    {"state": "CHN"},
    {"dyad": ("RUS", "USA")},
    {"state": "PRK", "types": ["AID", "ACCUSE"]},
    {"state": "JPN", "since": "2009", "until": "2014"},
]


@pytest.fixture(scope="module")
def shuffled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "shuffled.duckdb"
    with Store.open(path) as store:
        store.add(_extractions(seed=7), batch_size=4)
    return path


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "all")
def test_pages_walk_every_fact_once_in_order_before_and_after_optimize(
    shuffled_store: Path, tmp_path: Path, filters: dict[str, Any]
) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(shuffled_store.read_bytes())
    with Store.open(copy) as store:
        for optimized in (False, True):
            if optimized:
                store.optimize()
            for order in ("asc", "desc"):
                expected = _reference(store, order, **filters)
                for limit in (1, 4, 1000):
                    assert _walk(store, order, limit, **filters) == expected, (optimized, order, limit)


def test_type_lists_select_those_types_and_an_empty_list_none(shuffled_store: Path) -> None:
    with Store.open(shuffled_store, read_only=True) as store:
        every = store.events()
        picked = store.events(event_type=["AID", "ACCUSE"])
        assert picked == [e for e in every if e.event in ("AID", "ACCUSE")] and 0 < len(picked) < len(every)
        assert store.events(event_type="AGREE") == [e for e in every if e.event == "AGREE"]
        assert store.events(event_type=[]) == []


def _stored_dates(store: Store) -> list[date | None]:
    return [r[0] for r in store.connection.execute("SELECT date_start FROM events ORDER BY rowid").fetchall()]


def _in_date_order(days: list[date | None]) -> bool:
    dated = [d for d in days if d is not None]
    return dated == sorted(dated) and days[len(dated):] == [None] * (len(days) - len(dated))


def test_optimize_keeps_every_fact_and_stores_them_in_date_order(shuffled_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(shuffled_store.read_bytes())
    with Store.open(copy) as store:
        before = store.events()
        pairs = store.connection.execute("SELECT count(*) FROM event_dyads").fetchone()
        assert not _in_date_order(_stored_dates(store))  # documents came in no date order
        done = store.optimize()
        assert done["events"] == len(before) and done["measures"] == 0
        assert _in_date_order(_stored_dates(store))
        assert store.events() == before
        assert store.connection.execute("SELECT count(*) FROM event_dyads").fetchone() == pairs  # views still read
        columns = store.connection.execute(
            "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'events' "
            "AND table_catalog = current_database() ORDER BY ordinal_position").fetchall()  # fmt: skip
        assert ("doc_hash", "NO") in columns and ("date_start", "YES") in columns  # NOT NULLs kept
    with Store.open(copy, read_only=True) as store:
        assert store.events() == before  # it reopens as a valid store
        with pytest.raises(StoreError, match="read-only"):
            store.optimize()


def test_load_parquet_stores_facts_in_date_order(tmp_path: Path) -> None:
    extractions = _extractions(seed=3)
    write_part(tmp_path / "parts", 0, extractions[:20])
    write_part(tmp_path / "parts", 1, extractions[20:])
    with Store.open(tmp_path / "loaded.duckdb") as store:
        assert load_parquet(store, tmp_path / "parts").events_added > 50
        assert _in_date_order(_stored_dates(store))


def _largest_row_group(store: Store) -> int:
    """The rows of the fullest row group of the events (counted on the segments of their first column)."""
    row = store.connection.execute(
        "SELECT max(n) FROM (SELECT row_group_id, sum(count) AS n FROM pragma_storage_info('events') "
        "WHERE column_id = 0 AND column_path = '[0]' GROUP BY row_group_id)"
    ).fetchone()
    return int(row[0])  # type: ignore[index]


def _grow(store: Store, copies: int) -> None:
    """Add `copies` x the stored events again under new ids (fast, in SQL), and checkpoint."""
    store.connection.execute(
        "INSERT INTO events SELECT e.* REPLACE (e.id || '-' || r.n AS id) FROM events AS e, range(?) AS r(n)", [copies]
    )
    store.connection.execute("CHECKPOINT")


def test_fact_tables_keep_small_row_groups_across_opens_and_checkpoints(shuffled_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(shuffled_store.read_bytes())
    with Store.open(copy) as store:
        base = store.stats()["events"]
        _grow(store, -(-ROW_GROUP_ROWS * 3 // base))  # a bit over three row groups' worth
        assert _largest_row_group(store) == ROW_GROUP_ROWS
    with Store.open(copy) as store:  # DuckDB would merge them into groups of 122,880 rows if an open forgot the size
        _grow(store, 1)
        assert store.stats()["events"] > 2 * ROW_GROUP_ROWS * 3
        assert _largest_row_group(store) == ROW_GROUP_ROWS


def test_opening_a_store_twice_in_one_process_says_so(shuffled_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(shuffled_store.read_bytes())
    with Store.open(copy) as store:
        with pytest.raises(StoreError, match="already open in this process"):
            Store.open(copy, read_only=True)
        second = store.cursor()  # the way to share it: another connection to the same open store
        assert second.execute("SELECT count(*) FROM events").fetchone() == (store.stats()["events"],)


def test_restored_store_keeps_date_order_and_small_row_groups(shuffled_store: Path, tmp_path: Path) -> None:
    from diplograph.store.backup import backup, restore

    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(shuffled_store.read_bytes())
    with Store.open(copy) as store:
        _grow(store, -(-ROW_GROUP_ROWS * 2 // store.stats()["events"]))
        store.optimize()
        before = store.events(state="CHN", limit=50)
        backup(store, tmp_path / "snapshot")
    restore(tmp_path / "snapshot", tmp_path / "restored.duckdb")
    with Store.open(tmp_path / "restored.duckdb", read_only=True) as store:
        assert _in_date_order(_stored_dates(store))
        assert _largest_row_group(store) == ROW_GROUP_ROWS
        assert store.events(state="CHN", limit=50) == before


def test_a_store_path_with_quotes_and_spaces_opens(tmp_path: Path) -> None:
    path = tmp_path / "o'brien's store" / "it's here.duckdb"  # the path goes into ATTACH as an SQL literal
    with Store.open(path) as store:
        store.add(_extractions(seed=1, documents=3))
        count = store.stats()["events"]
    with Store.open(path, read_only=True) as store:
        assert store.stats()["events"] == count > 0
