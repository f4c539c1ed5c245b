"""The dyad index (diplograph.store.dyad_index): dyad timelines read from it are the timelines the scan of every
event gives, and a store written to after the index was built is read by the scan until the index is rebuilt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import diplograph
from diplograph import analytics
from diplograph.io.gdelt import import_gdelt
from diplograph.query import to_jsonable
from diplograph.store import Store, dyad_index

SHARED = Path(__file__).resolve().parents[2] / "shared"
GDELT = SHARED / "data" / "samples" / "gdelt2-events-sample.csv"

OPTIONS: list[dict[str, Any]] = [
    {}, {"directed": True}, {"count": "reports"}, {"directed": True, "count": "reports"},
    {"since": "2024-06-01", "until": "2024-12-31"}, {"min_confidence": 0},
]


def _timelines(store: Store, pairs: list[tuple[str, str]]) -> list[Any]:
    return [to_jsonable(analytics.dyad_timeline(store, a, b, **options))
            for a, b in pairs for options in OPTIONS]


def _busiest_pairs(store: Store) -> list[tuple[str, str]]:
    found = store.sql("""
        SELECT a, b FROM events, unnest(actor) AS x(a), unnest(recipient) AS y(b) WHERE a <> b
        GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT 4""").rows()
    return [(str(r["a"]), str(r["b"])) for r in found]


def test_timelines_from_the_index_are_the_timelines_of_the_scan(tmp_path: Path) -> None:
    with Store.open(tmp_path / "gdelt.duckdb") as store:
        import_gdelt(store, GDELT)
        assert not dyad_index.fresh(store.connection)
        pairs = _busiest_pairs(store)
        scanned = _timelines(store, pairs)
        assert any(t["total"]["events"] for t in scanned)
        store.optimize()  # rewrites the events in date order and builds the index
        assert dyad_index.fresh(store.connection)
        assert _timelines(store, pairs) == scanned
        # both directions of a pair, and the reverse order of its codes, read the same rows
        a, b = pairs[0]
        there, back = analytics.dyad_timeline(store, a, b), analytics.dyad_timeline(store, b, a)
        assert (to_jsonable(there.months), to_jsonable(there.total)) == (to_jsonable(back.months),
                                                                           to_jsonable(back.total))


def test_a_store_written_after_the_index_was_built_is_read_by_the_scan(tmp_path: Path) -> None:
    with Store.open(tmp_path / "small.duckdb") as store:
        first = diplograph.extract("Japan and India held talks in Tokyo on Monday.", published="2025-03-12",
                                   doc_id="first")
        store.add([first])
        store.optimize()
        assert dyad_index.fresh(store.connection)
        before = analytics.dyad_timeline(store, "JPN", "IND", min_confidence=0).total.events
        later = diplograph.extract("Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi "
                                   "in New Delhi on Thursday.", published="2025-03-14",
                                   doc_id="later")
        store.add([later])
        assert not dyad_index.fresh(store.connection)  # the ingest dropped it
        after = analytics.dyad_timeline(store, "JPN", "IND", min_confidence=0).total.events
        assert after == before + 1
        store.add([later])  # the same document again stores nothing and leaves the index as it is
        store.optimize()
        assert dyad_index.fresh(store.connection)
        assert analytics.dyad_timeline(store, "JPN", "IND", min_confidence=0).total.events == after
        store.relink()
        assert not dyad_index.fresh(store.connection)  # incidents may have changed


def test_optimize_builds_the_index_under_a_small_sort_cap(tmp_path: Path) -> None:
    """The cap is for the rewrite's sort, which spills to disk; the index groups and ranks in ways DuckDB cannot
    always spill, so it is built under DuckDB's own limit (with the sort's cap, optimize ran out of memory on
    10M events, and on the GDELT sample under 24 MiB)."""
    with Store.open(tmp_path / "gdelt.duckdb") as store:
        import_gdelt(store, GDELT)
        done = store.optimize(memory_mib=24)
        assert done["events"] > 0 and dyad_index.fresh(store.connection)
        limit = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit is not None and "24" not in str(limit[0])  # the cap is lifted afterwards
