"""The brief index (diplograph.store.brief_index): after `optimize`, a state's brief reads the facts written for
it, and they are the facts a brief builds from the records; a write, a new threshold or a rewrite of the facts
makes briefs build from the records again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import sample_store
from typer.testing import CliRunner

from diplograph.analytics import network
from diplograph.cli import app
from diplograph.model import Document
from diplograph.pipeline import default_extractor
from diplograph.query import rows
from diplograph.report import aggregate, brief, optimize
from diplograph.report.facts import kept_briefs
from diplograph.store import Store, brief_index

LATER = Document(id="later", published="2024-03-01", title="Later",
                 text="Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on "
                      "Friday. China and Russia signed an agreement on grain exports.")  # fmt: skip


def _briefs(store: Store) -> dict[str, Any]:
    """Every state's brief, built (not read from the briefs the process keeps)."""
    states = store.sql("SELECT DISTINCT unnest(list_concat(actor, recipient)) AS code FROM events ORDER BY 1").rows()
    found = {}
    for row in states:
        kept_briefs.clear()
        found[row["code"]] = brief(store, row["code"]).to_dict()
    return found


def _reads_index(store: Store, code: str) -> bool:
    with aggregate.open_facts(store, code, since=None, until=None) as facts:
        return facts.indexed


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    return sample_store(tmp_path / "sample.duckdb")


def test_briefs_read_from_the_index_are_the_briefs_built_from_the_records(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        built = _briefs(store)
        assert not brief_index.fresh(store.connection) and not _reads_index(store, "CHN")
        assert store.stats()["brief_index_fresh"] is False
        done = optimize(store)
        assert done["brief_states"] == len(built) and brief_index.fresh(store.connection)
        assert store.stats()["brief_index_fresh"] is True and store.stats()["dyad_index_fresh"] is True
        assert _reads_index(store, "CHN")
        assert _briefs(store) == built
        # a brief's network: the pair counts among its states, read from the index, are those the events give
        states = frozenset({"CHN", "RUS", "USA", "UKR"})
        indexed = network._indexed_pairs(store, network.default_where(), states)
        assert indexed and indexed == rows(store, *network.pairs_query(network.default_where(), states))
        # a window, another threshold or every report: built from the records, as before
        with aggregate.open_facts(store, "CHN", since="2023", until=None) as facts:
            assert not facts.indexed
        with aggregate.open_facts(store, "CHN", since=None, until=None, min_confidence=0) as facts:
            assert not facts.indexed
        with aggregate.open_facts(store, "CHN", since=None, until=None, count="reports") as facts:
            assert not facts.indexed


def test_a_write_after_optimize_is_in_the_next_brief(sample_db: Path, tmp_path: Path) -> None:
    with Store.open(sample_db) as store:
        optimize(store)
        store.add(default_extractor().extract_documents([LATER]))
        assert not brief_index.fresh(store.connection) and not _reads_index(store, "CHN")
        after_write = _briefs(store)
    fresh_path = sample_store(tmp_path / "fresh.duckdb", [LATER])  # the same documents, never optimized
    with Store.open(fresh_path) as fresh:
        assert _briefs(fresh) == after_write
    with Store.open(sample_db) as store:
        optimize(store)
        assert _reads_index(store, "CHN") and _briefs(store) == after_write
        store.relink()  # incidents recomputed: the index goes
        assert not brief_index.fresh(store.connection)


def test_a_restored_store_builds_its_briefs_from_the_records(sample_db: Path, tmp_path: Path) -> None:
    from diplograph.store.backup import backup, restore

    with Store.open(sample_db) as store:
        optimize(store)
        built = _briefs(store)
        backup(store, tmp_path / "backup")
    restore(tmp_path / "backup", tmp_path / "restored.duckdb")  # an import numbers the rows afresh
    with Store.open(tmp_path / "restored.duckdb") as restored:
        assert not brief_index.fresh(restored.connection) and _briefs(restored) == built


def test_an_index_missing_a_table_is_not_read(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        optimize(store)
        store.connection.execute(f"DROP TABLE {brief_index.PAIRS}")  # as an index of an older version lacks it
        assert not brief_index.fresh(store.connection) and not _reads_index(store, "CHN")
        kept_briefs.clear()
        assert brief(store, "CHN").network  # built from the events, not read from the missing table


def test_another_default_threshold_leaves_the_index_unread(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(sample_db) as store:
        optimize(store)
        assert brief_index.fresh(store.connection)
        monkeypatch.setenv("DIPLOGRAPH_MIN_CONFIDENCE", "0.2")
        assert not brief_index.fresh(store.connection) and not _reads_index(store, "CHN")
        monkeypatch.delenv("DIPLOGRAPH_MIN_CONFIDENCE")
        assert brief_index.fresh(store.connection)


def test_optimize_without_briefs_through_the_cli(sample_db: Path) -> None:
    runner = CliRunner()
    skipped = runner.invoke(app, ["optimize", "--db", str(sample_db), "--no-briefs"])
    assert skipped.exit_code == 0 and "brief facts" not in skipped.stdout
    with Store.open(sample_db) as store:
        assert not brief_index.fresh(store.connection)
    done = runner.invoke(app, ["optimize", "--db", str(sample_db)])
    assert done.exit_code == 0 and "brief facts of" in done.stdout
    with Store.open(sample_db) as store:
        assert brief_index.fresh(store.connection)


def test_a_failed_brief_index_leaves_the_rewritten_store_and_no_index(sample_db: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    from diplograph.errors import StoreError

    with Store.open(sample_db) as store:
        built = _briefs(store)

    def broken(conn: Any) -> int:
        conn.execute(f"CREATE TABLE {brief_index.EVENTS} AS SELECT 1 AS state")  # half written, then a failure
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(aggregate, "build_brief_index", broken)
    with Store.open(sample_db) as store:
        with pytest.raises(StoreError, match="the facts were rewritten, but the brief index failed: .*disk full"):
            optimize(store)
        assert not brief_index.fresh(store.connection)
        tables = store.sql("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'brief_index%'").rows()
        assert tables == []  # rolled back: nothing half written is left
        assert _briefs(store) == built
