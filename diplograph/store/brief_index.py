"""The brief index: every state's brief facts and outreach contacts, built by `Store.optimize`, so that the first
brief of a state reads its rows instead of grouping the store's events (a second or more at 10M events).

A brief (`diplograph.report.brief`) groups a state's records into facts in temporary tables and counts its
meetings; with no window, the default thresholds and incidents counted (what `diplograph brief CODE` asks), the
result is the same until the store changes. `diplograph.report.aggregate.build_brief_index` writes, for every
state named by an event or a measure, the rows of those temporary tables under the state's code, in state order
(a state's rows are then a few row groups), and the whole state network's pair counts (a brief's network is the
links among the state and its partners), and this module keeps them honest: a mark of the events, the measures
and the default thresholds at that moment (`_stamp`); any later write to the facts drops the index
(`invalidate`, beside the dyad index's), and readers use it only while it is `fresh`.

It is built after the optimize's own transaction has committed: the facts keep row ids, which are final only
then.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

EVENTS = "brief_index_events"
MEASURES = "brief_index_measures"
CONTACTS = "brief_index_contacts"
PAIRS = "brief_index_pairs"  # the state network's pair counts (analytics.network), for a brief's network
MARK = "brief_index_mark"  # the facts' `_stamp` when the index was built; no such table: not usable
TABLES = (EVENTS, MEASURES, CONTACTS, PAIRS)


def thresholds_key() -> str:
    """The default thresholds as the readers' filters write them: a new model or $DIPLOGRAPH_MIN_CONFIDENCE
    makes an index built under other thresholds stale."""
    from diplograph.store.query import confidence_sql

    conditions = "|".join(confidence_sql(None, kind=kind) for kind in ("event", "measure"))
    return hashlib.sha1(conditions.encode()).hexdigest()


def _stamp(conn: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """The events' and measures' counts and the sums of their positions in their documents (any insert or delete
    changes them), the documents' count, and the thresholds."""
    row = conn.execute("""
        SELECT (SELECT count(*) FROM events), (SELECT coalesce(sum(seq), 0) FROM events),
               (SELECT count(*) FROM measures), (SELECT coalesce(sum(seq), 0) FROM measures),
               (SELECT count(*) FROM documents)""").fetchone()
    counts = tuple(int(v) for v in row) if row else (0, 0, 0, 0, 0)
    return (*counts, thresholds_key())


def mark(conn: duckdb.DuckDBPyConnection) -> None:
    """Note that the index tables now hold the facts as they are (called once they are written)."""
    stamp = _stamp(conn)
    conn.execute(f"CREATE OR REPLACE TABLE {MARK} (events BIGINT, event_seqs HUGEINT, measures BIGINT, "
                 "measure_seqs HUGEINT, documents BIGINT, thresholds VARCHAR)")
    conn.execute(f"INSERT INTO {MARK} VALUES (?, ?, ?, ?, ?, ?)", list(stamp))


def invalidate(conn: duckdb.DuckDBPyConnection) -> None:
    """The facts are about to change: the index is no longer to be read (until it is built again)."""
    conn.execute(f"DROP TABLE IF EXISTS {MARK}")
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def fresh(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the index exists and was built from the facts as they are now, under today's thresholds."""
    wanted = [MARK, *TABLES]  # all of them: an index written by an older diplograph may lack a table
    found = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND "
                         f"table_name IN ({', '.join('?' * len(wanted))})", wanted).fetchone()
    if not found or found[0] != len(wanted):
        return False
    row = conn.execute(f"SELECT * FROM {MARK}").fetchone()
    if row is None:
        return False
    return (*(int(v) for v in row[:5]), row[5]) == _stamp(conn)
