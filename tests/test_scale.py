"""diplograph.scale: the process pool and the Dask path give what the single-process path gives."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplograph.model import Document, Extraction
from diplograph.pipeline import Extractor
from diplograph.scale import load_parquet, parallel_extract, write_part
from diplograph.store import Store, dyad_index

TEXTS = [
    "Russia sent food aid to North Korea on Monday.",
    "China and Russia signed an energy agreement in Moscow on 21 March 2023.",
    "The United States imposed sanctions on Iran last week.",
    "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday and met Volodymyr Zelenskyy.",
    "In 2012 Russia decided to forgive 90% of North Korea's $11 billion debt.",
    "Trade between China and North Korea rose 10% to $6.39 billion in 2013.",
    "India criticized Pakistan over the attack.",
    "France and Germany agreed to cooperate on defence.",
    "Turkey threatened to expel the Swedish ambassador.",
    "Brazil's exports to China reached $89 billion in 2022.",
    "South Korea and Japan held talks in Seoul on Wednesday.",
    "Iran accused Israel of sabotage at a nuclear site.",
    "The European Union gave Ukraine 5 billion euros in aid in 2023.",
    "Egypt hosted Sudanese officials for ceasefire talks.",
    "Australia condemned China's military drills near Taiwan.",
    "Vietnam bought rice from Thailand.",
    "Nigeria and Ghana signed a trade deal on Friday.",
    "Canada expelled a Chinese diplomat in May 2023.",
    "Saudi Arabia and Iran restored diplomatic relations in March 2023.",
    "Mexico asked the United States for help with migration.",
]
DOCS = [Document(id=f"d{i}", text=t, published="2023-06-01") for i, t in enumerate(TEXTS)]


def _records(extractions: list[Extraction]) -> set[str]:
    return {json.dumps(r.to_dict(), sort_keys=True) for x in extractions for r in x.records}


def _stored(store: Store) -> tuple[set[str], set[str], int]:
    # every candidate is stored, whatever its confidence: compare them all
    events = {json.dumps(e.to_dict(), sort_keys=True) for e in store.events(min_confidence=0)}
    measures = {json.dumps(m.to_dict(), sort_keys=True) for m in store.measures(min_confidence=0)}
    mentions = store.connection.execute("SELECT count(*) FROM mentions").fetchone()
    return events, measures, int(mentions[0]) if mentions else 0


@pytest.fixture(scope="module")
def serial() -> list[Extraction]:
    return list(Extractor().extract_documents(DOCS, batch_size=4))


@pytest.fixture(scope="module")
def serial_store(serial: list[Extraction]) -> Iterator[Store]:
    with Store.open(":memory:") as store:
        store.add(serial)
        yield store


def test_serial_fixture_finds_events_and_measures(serial: list[Extraction]) -> None:
    assert sum(len(x.events) for x in serial) >= 10
    assert sum(len(x.measures) for x in serial) >= 1


def test_process_pool_equals_serial_in_order(serial: list[Extraction]) -> None:
    pooled = list(parallel_extract(DOCS, workers=2, batch_size=3))
    assert [x.document.id for x in pooled] == [d.id for d in DOCS]
    assert pooled == serial  # every field, mentions and sentences included


def test_one_worker_runs_in_process(serial: list[Extraction]) -> None:
    assert list(parallel_extract(DOCS[:5], workers=1, batch_size=2)) == serial[:5]


def test_streaming_keeps_at_most_k_batches_in_flight() -> None:
    consumed = 0

    def documents() -> Iterator[Document]:
        nonlocal consumed
        for i in range(40):
            consumed += 1
            yield Document(id=f"s{i}", text=f"Russia sent {i} tons of aid to North Korea.")

    batch, in_flight = 2, 3
    produced = 0
    stream = parallel_extract(documents(), workers=2, batch_size=batch, max_in_flight=in_flight)
    for extraction in stream:
        produced += 1
        assert extraction.document.id == f"s{produced - 1}"
        # the chunk being handed out and at most `in_flight - 1` more have been read: never the whole input
        assert consumed <= ((produced - 1) // batch + in_flight) * batch
    assert produced == consumed == 40


def test_parallel_extract_checks_its_arguments() -> None:
    from diplograph.errors import ConfigError

    with pytest.raises(ConfigError):
        list(parallel_extract(DOCS, workers=0, batch_size=4))
    with pytest.raises(ConfigError):
        list(parallel_extract(DOCS, workers=2, batch_size=0))


def test_parquet_parts_load_like_store_add_and_skip_duplicates(
    tmp_path: Path, serial: list[Extraction], serial_store: Store
) -> None:
    write_part(tmp_path, 0, serial[:12])
    write_part(tmp_path, 1, [*serial[10:], serial[3]])  # d10, d11 and d3 again
    with Store.open(":memory:") as store:
        store.add(serial[:2])  # already stored: skipped by the load
        result = load_parquet(store, tmp_path)
        assert result.documents_added == 18
        assert result.documents_skipped == 2 + 3
        assert _stored(store) == _stored(serial_store)
        shared = "SELECT incident, shared FROM events ORDER BY ALL"
        assert store.sql(shared).rows() == serial_store.sql(shared).rows()  # linked as the serial path links
        assert dyad_index.fresh(store.connection)  # a load leaves the dyad index built from what it stored
        again = load_parquet(store, tmp_path)
        assert (again.documents_added, again.events_added, again.documents_skipped) == (0, 0, 23)
        assert store.stats()["documents"] == 20


def test_parquet_columns_match_store_tables(tmp_path: Path, serial: list[Extraction], serial_store: Store) -> None:
    import duckdb

    write_part(tmp_path, 0, serial)
    conn = serial_store.connection
    for table in ("documents", "events", "measures", "mentions"):
        stored = conn.execute(f"DESCRIBE {table}").fetchall()
        parquet = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/{table}/*.parquet')").fetchall()
        assert [r[0] for r in parquet] == [r[0] for r in stored]
        # JSON columns travel as VARCHAR; every other column has the store's type
        assert [r[1] for r in parquet] == [("VARCHAR" if r[1] == "JSON" else r[1]) for r in stored]


def test_parts_written_before_a_column_existed_load_with_its_default(
    tmp_path: Path, serial: list[Extraction], serial_store: Store
) -> None:
    """Parts from an earlier version lack the columns added since (here `one_sentence` and `shared`): they load,
    mixed with current parts, and those columns take the store's default as a migration gives old rows."""
    import pyarrow.parquet as pq

    write_part(tmp_path, 0, serial[:10])
    write_part(tmp_path, 1, serial[10:])
    old = tmp_path / "events" / "part-000000.parquet"
    pq.write_table(pq.read_table(old).drop_columns(["one_sentence", "shared"]), old)
    with Store.open(":memory:") as store:
        result = load_parquet(store, tmp_path)
        assert result.documents_added == 20
        assert _stored(store) == _stored(serial_store)
        unset = store.connection.execute("SELECT count(*) FROM events WHERE one_sentence IS NULL").fetchone()
        assert unset == (0,)


def test_load_parquet_refuses_two_facts_with_one_key_and_stores_nothing(
    tmp_path: Path, serial: list[Extraction]
) -> None:
    from diplograph.errors import StoreError

    with_events = next(x for x in serial if x.events)
    same = dataclasses.replace(with_events.events[0], id="same")
    twice = dataclasses.replace(with_events, events=(same, same))
    write_part(tmp_path, 0, [twice])
    with Store.open(":memory:") as store:
        with pytest.raises(StoreError, match="two events with the key"):
            load_parquet(store, tmp_path)
        assert store.stats()["documents"] == 0


def test_load_parquet_reports_a_missing_folder(tmp_path: Path) -> None:
    from diplograph.errors import StoreError

    with Store.open(":memory:") as store, pytest.raises(StoreError, match="no documents partitions"):
        load_parquet(store, tmp_path)


def test_dask_local_cluster_equals_serial(tmp_path: Path, serial: list[Extraction], serial_store: Store) -> None:
    pytest.importorskip("distributed")
    from diplograph.scale import dask_extract

    result = dask_extract(DOCS, out_dir=tmp_path / "out", workers=2, batch_size=3)
    assert (result.parts, result.documents) == (7, 20)
    assert result.events == sum(len(x.events) for x in serial)
    with Store.open(":memory:") as store:
        loaded = load_parquet(store, tmp_path / "out")
        assert loaded.documents_added == 20
        assert _stored(store) == _stored(serial_store)
        events, measures, _ = _stored(store)
        assert len(events) + len(measures) == len(_records(serial))


def test_dask_reads_paths_and_reports_problems(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from diplograph.scale import dask_extract

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, "published": d.published}) for d in DOCS[:4]]
    corpus.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            result = dask_extract([corpus], out_dir=tmp_path / "out", scheduler=client, batch_size=2)
    assert result.documents == 4 and result.parts == 2
    assert len(result.problems) == 1


def _ingest_counts(tmp_path: Path, name: str, *options: str) -> dict:
    from typer.testing import CliRunner

    from diplograph.cli import app

    corpus = tmp_path / "corpus.jsonl"
    if not corpus.exists():
        corpus.write_text("".join(json.dumps({"id": f"d{n}", "text": text, "published": "2024-05-01"}) + "\n"
                                  for n, text in enumerate(TEXTS)), encoding="utf-8")
    db = str(tmp_path / f"{name}.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--quiet", *options])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    return {key: stats[key] for key in ("documents", "events", "measures")}


def test_cli_workers_and_dask_store_what_one_process_stores(tmp_path: Path) -> None:
    one = _ingest_counts(tmp_path, "one")
    assert one["events"] > 0
    assert _ingest_counts(tmp_path, "two", "--workers", "2") == one
    pytest.importorskip("distributed")
    assert _ingest_counts(tmp_path, "dask", "--dask", "--workers", "2") == one
