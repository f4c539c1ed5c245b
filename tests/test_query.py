"""The read side's query layer: the one timeline (by month or year, by type and quad), and query results for
notebooks (records as Arrow tables and pandas / polars DataFrames, read-only SQL over the store with `Store.sql`).
The store holds the bundled sample corpus, read by the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sample_store

import diplograph
from diplograph.errors import ConfigError, StoreError
from diplograph.model import Event
from diplograph.query.timeline import timeline
from diplograph.store.query import EVENT_COLUMNS, fact_filters


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("frames") / "sample.duckdb")


def test_records_are_still_lists_and_become_arrow_tables(db: Path) -> None:
    with diplograph.open(db) as store:
        events = store.events(dyad=("CHN", "RUS"))
        assert isinstance(events, list) and events and all(isinstance(e, Event) for e in events)
        table = events.to_arrow()
    assert table.num_rows == len(events)
    assert {"doc", "event", "actor", "recipient", "date", "evidence", "confidence", "date_start",
            "date_end"} <= set(table.column_names)  # fmt: skip
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert all(set(r["actor"] + r["recipient"]) >= {"CHN", "RUS"} or "CHN" in r["actor"] + r["recipient"]
               for r in rows)  # fmt: skip
    assert rows[0]["evidence"][0]["text"] == events[0].evidence[0].text
    dated = [r for r in rows if r["date"]]
    assert dated and all(r["date_start"] <= r["date_end"] for r in dated)


def test_records_become_pandas_and_polars_frames(db: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    with diplograph.open(db) as store:
        measures = store.measures(measure="trade")
        documents = store.documents()
    frame = measures.to_pandas()
    assert len(frame) == len(measures) > 0
    assert frame["value"].tolist() == [m.value for m in measures]
    assert set(frame["unit"]) <= {"USD", "%"}
    polars = documents.to_polars()
    assert polars.height == len(documents) == 6 and "hash" in polars.columns


def test_an_empty_result_has_the_columns_of_its_kind(db: Path) -> None:
    with diplograph.open(db) as store:
        none = store.events(dyad=("ATA", "VAT"))
        no_measures = store.measures(state="VAT")
    assert none == [] and none.to_arrow().num_rows == 0
    assert {"event", "actor", "recipient", "date"} <= set(none.to_arrow().column_names)
    assert {"measure", "value", "unit", "period"} <= set(no_measures.to_arrow().column_names)


def test_sql_reads_the_tables_with_parameters(db: Path) -> None:
    with diplograph.open(db, read_only=True) as store:
        result = store.sql(
            "SELECT strftime(date_start, '%Y-%m') AS month, count(*) AS events FROM events "
            "WHERE list_contains(actor, ?) AND date_start IS NOT NULL GROUP BY month ORDER BY month",
            ["CHN"],
        )
        expected = sum(1 for e in store.events(actor="CHN", min_confidence=0) if e.date)
    assert result.columns == ["month", "events"]
    rows = result.rows()
    assert rows and sum(r["events"] for r in rows) == expected
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)
    assert result.to_arrow().num_rows == len(result) == len(rows)


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "UPDATE events SET event = 'AID'",
        "INSERT INTO documents SELECT * FROM documents",
        "SELECT 1; DELETE FROM events",
        "COPY events TO 'leak.csv'",
        "ATTACH 'other.duckdb' AS other",
    ],
)
def test_sql_refuses_anything_that_could_change_the_store(db: Path, statement: str) -> None:
    with diplograph.open(db) as store:
        before = store.stats()
        with pytest.raises(ConfigError, match="^sql: "):
            store.sql(statement)
        assert store.stats() == before
    assert not Path("leak.csv").exists()


def test_sql_reports_a_bad_query_as_a_store_or_config_error(db: Path) -> None:
    with diplograph.open(db) as store:
        with pytest.raises(ConfigError, match="^sql: not a query"):
            store.sql("SELEC nonsense")
        with pytest.raises(StoreError, match="query failed"):
            store.sql("SELECT no_such_column FROM events")


def test_one_timeline_by_month_or_year_counts_every_event_once(db: Path) -> None:
    with diplograph.open(db, read_only=True) as store:
        where = fact_filters(EVENT_COLUMNS, state="CHN")
        kept = store.events(state="CHN")
        by_month = timeline(store, where, granularity="month")
        by_year = timeline(store, where, granularity="year")
        auto = timeline(store, where)
        sparse = timeline(store, where, granularity="month", gaps=False)
    for found in (by_month, by_year):
        assert found.total.events == len(kept)
        assert sum(b.events for b in found.buckets) + found.undated == len(kept)
    assert by_month.unit == "month" and by_year.unit == "year" and auto.unit == "year"  # 2018 to 2024: years
    assert [b.label for b in by_year.buckets] == [str(y) for y in range(2018, 2025)]  # gaps listed, empty
    assert all(b.events for b in sparse.buckets) and len(sparse.buckets) < len(by_month.buckets)
    assert by_year.undated <= by_month.undated  # a date within a year but not a month fits only the yearly one
    busiest = max(by_year.buckets, key=lambda b: b.events)
    assert sum(busiest.by_type.values()) == busiest.events == sum(busiest.quads.values()) + busiest.other
    assert busiest.mean_score is not None and -10 <= busiest.mean_score <= 10


def test_a_timeline_of_an_unknown_granularity_is_refused(db: Path) -> None:
    with diplograph.open(db, read_only=True) as store, pytest.raises(ConfigError, match="granularity"):
        timeline(store, fact_filters(EVENT_COLUMNS), granularity="week")
