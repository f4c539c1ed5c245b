"""The dyad index: every event under each pair of states it is between, kept in pair order, so that a dyad's
timeline reads the few row groups of its pair instead of every event's actor and recipient lists.

The events table is kept in date order (pages of events by date read a few row groups); a dyad's events are
spread over all of them, and testing the lists of 10M events took 300-600 ms (bench/RESULTS.md). This table holds,
for each event and each (actor state, recipient state) pair of it, the columns a timeline and the counting of
incidents read, sorted by the unordered pair ('CHN|USA').

It is a derived copy: `build` writes it (at the end of `load_parquet` and `Store.optimize`) with a mark of the
events at that moment (`_stamp`). Any later write to the events (an ingest, a relink, a load, a migration) drops
the index (`invalidate`), and a mark that no longer matches catches an insert that did not; readers use the index
only while it is `fresh` and read the events otherwise, so a stale index is never read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from diplograph.store.query import REPRESENTATIVE_RANK, Where

if TYPE_CHECKING:
    import duckdb

TABLE = "dyad_index"
MARK = "dyad_index_mark"  # the events' `_stamp` when the index was built; no such table: not usable

# What a timeline and the counting of incidents read. Only the events of incidents with several reports (`shared`)
# keep their incident and their rank among its reports (REPRESENTATIVE_RANK, 1 = the representative): a lone
# report stands for its incident whatever it is, and leaving the 64-character document hashes out halves the index.
_COPIED = ("event", "mode", "date_start", "date_end", "confidence", "shared", "one_sentence", "lead")
_RANKED = f"""
SELECT rowid AS rid, incident, {REPRESENTATIVE_RANK} AS rank
FROM events WHERE shared IS NOT FALSE
"""
_COLUMNS = ", ".join(f"e.{c}" for c in _COPIED) + ", r.incident, r.rank"
_ANY_COLUMNS = ", ".join(f"any_value(e.{c}) AS {c}" for c in _COPIED) + \
    ", any_value(r.incident) AS incident, any_value(r.rank) AS rank"
# One row per event and unordered pair of states it is between ('CHN|USA'), with the directions it holds:
# `forward` when an actor is the pair's first state and a recipient its second, `backward` the other way. Most
# events have one actor and one recipient (one row, one direction); the few with several are grouped.
_BUILD = f"""
CREATE OR REPLACE TABLE {TABLE} AS
WITH ranked AS ({_RANKED})
SELECT * FROM (
    SELECT least(actor[1], recipient[1]) || '|' || greatest(actor[1], recipient[1]) AS pair,
           actor[1] < recipient[1] AS forward, actor[1] > recipient[1] AS backward, {_COLUMNS}
    FROM events e LEFT JOIN ranked r ON r.rid = e.rowid
    WHERE len(actor) = 1 AND len(recipient) = 1 AND actor[1] <> recipient[1]
    UNION ALL
    SELECT least(a, b) || '|' || greatest(a, b), bool_or(a < b), bool_or(a > b), {_ANY_COLUMNS}
    FROM events e LEFT JOIN ranked r ON r.rid = e.rowid, unnest(e.actor) AS x(a), unnest(e.recipient) AS y(b)
    WHERE NOT (len(actor) = 1 AND len(recipient) = 1) AND a <> b
    GROUP BY e.rowid, least(a, b) || '|' || greatest(a, b)
)
ORDER BY pair
"""


def _stamp(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The events' count and the sum of their positions in their documents: any insert (or delete) changes them.
    Not row ids: rows a transaction adds have provisional ones until it commits."""
    row = conn.execute("SELECT count(*), coalesce(sum(seq), 0) FROM events").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def build(conn: duckdb.DuckDBPyConnection) -> int:
    """Write the index from the stored events (in the caller's transaction, if any); returns its rows."""
    conn.execute(_BUILD)
    events, seqs = _stamp(conn)
    conn.execute(f"CREATE OR REPLACE TABLE {MARK} (events BIGINT, seqs HUGEINT)")
    conn.execute(f"INSERT INTO {MARK} VALUES (?, ?)", [events, seqs])
    row = conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
    return int(row[0]) if row else 0


def invalidate(conn: duckdb.DuckDBPyConnection) -> None:
    """The events are about to change: the index is no longer to be read (until it is built again)."""
    conn.execute(f"DROP TABLE IF EXISTS {MARK}")
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")


def fresh(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the index exists and was built from the events as they are now."""
    found = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?",
                         [MARK]).fetchone()
    if not found or not found[0]:
        return False
    mark = conn.execute(f"SELECT events, seqs FROM {MARK}").fetchone()
    return mark is not None and (int(mark[0]), int(mark[1])) == _stamp(conn)


def dyad_counts_sql(a: str, b: str, *, directed: bool, where: Where, count: str) -> tuple[str, list[Any]]:
    """The timeline's counts (`diplograph.query.timeline`) of the events between `a` and `b` (a -> b when
    `directed`) that `where` keeps (dates and confidence only), counting incidents as `store.query.counted`
    does: the events of one incident that the filters keep stand for it by its representative report."""
    pair = "|".join(sorted((a, b)))
    direction = ["forward" if a < b else "backward"] if directed else []
    clauses = ["pair = ?", *direction, *(f"({c})" for c in where.clauses)]
    params: list[Any] = [pair, *where.params]
    kept = f"SELECT * FROM {TABLE} WHERE {' AND '.join(clauses)}"
    if count == "reports":
        counted = "SELECT * FROM kept"
    else:  # one report per incident: the lone reports as they are, the others by the first of theirs kept
        counted = """SELECT * FROM kept WHERE shared IS FALSE
                     UNION ALL
                     SELECT * FROM kept WHERE shared IS NOT FALSE
                     QUALIFY row_number() OVER (PARTITION BY incident ORDER BY rank) = 1"""
    sql = f"""
WITH kept AS ({kept}), counted AS ({counted})
SELECT year(date_start) AS year_start, year(date_end) AS year_end,
       CASE WHEN date_trunc('month', date_start) = date_trunc('month', date_end)
            THEN strftime(date_start, '%Y-%m') END AS month,
       event, mode, count(*) AS n
FROM counted
GROUP BY ALL
"""
    return sql, params
