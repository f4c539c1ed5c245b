"""The brief's sums, done inside DuckDB: a state's events and measures merged into facts and counted there,
so that building a brief reads a few hundred rows into Python however large the store is.

A fact is the records that agree on kind and type, the states on each side (as sets) and the date (for
measures also the value and unit), as in `analytics.corroboration`; `documents` counts distinct articles
(documents at one URL once) and `sources` distinct publishers, as there. Each fact takes its mode, score
and the order of its states from its first record in the store's order (`Store.events`).

Everything is read in one transaction on a cursor of its own, from two temporary tables (one row a fact)
that live as long as the `StateFacts` context.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from diplograph.analytics.corroboration import SOURCE_OF_DOCUMENT
from diplograph.errors import StoreError
from diplograph.query.facts import PLACES_SQL, PlaceCount, place_counts, places_where
from diplograph.store import brief_index
from diplograph.store.query import (
    EVENT_COLUMNS,
    MEASURE_COLUMNS,
    REPRESENTATIVE_RANK,
    DateLike,
    Where,
    add_confidence,
    add_date_range,
    counted,
    counts_incidents,
    fact_filters,
    sql_string,
)

if TYPE_CHECKING:
    import duckdb

    from diplograph.store import Store

EVENT_CONTEXT_KEY = "array_to_string(list_sort(context), ';')"  # as facts.context_key writes it
_LAST_DAY = "DATE '9999-12-31'"  # undated facts sort last, as in the brief's listings
CONTACT_TYPES = ("CONSULT",)  # the events that count as meetings in a brief's outreach
INDEXED_MEETINGS = 5  # latest meetings the brief index keeps per contact (a brief quotes as many)

_AGGREGATES = """count(*) AS records, {payload}, min({start}) AS date_start, max({end}) AS date_end,
           CASE WHEN count(*) > 1 THEN list(rid) END AS rowids"""

# The records a state's facts are made of, read once (`picked`): those the filter keeps, or, counting incidents,
# those of them that stand for their incident (store.query.counted, in one pass: the records of incidents with
# other reports are ranked among the kept ones, the rest kept as they are).
_PICKED = "picked AS MATERIALIZED (SELECT rowid AS rid, * FROM {table} {where})"
_PICKED_COUNTING_INCIDENTS = f"""kept AS MATERIALIZED (SELECT rowid AS rid, * FROM {{table}} {{where}}),
picked AS (SELECT * FROM kept WHERE shared IS FALSE
           UNION ALL
           SELECT * FROM kept WHERE shared IS NOT FALSE
           QUALIFY {REPRESENTATIVE_RANK} = 1)"""

# Step 1, one row a fact: grouped on the states' codes where each side has one (most facts), else on the sorted
# lists (grouping on lists costs more); the sides, mode and score of any one record.
_FACTS = """
CREATE TEMP TABLE {name} AS
WITH {picked}
SELECT *, {derived}, 1::BIGINT AS documents, 1::BIGINT AS sources, coalesce(date_start, LAST_DAY) AS start
FROM (
    SELECT min(rid) AS fact_id, {type} AS type, [actor[1]] AS actor, [recipient[1]] AS recipient,
           {date} AS date, {value} AS value, {unit} AS unit, AGGREGATES
    FROM picked WHERE len(actor) = 1 AND len(recipient) = 1
    GROUP BY {type}, actor[1], recipient[1], {date}, {value}, {unit}
    UNION ALL
    SELECT min(rid), {type}, any_value(actor), any_value(recipient), {date}, {value}, {unit}, AGGREGATES
    FROM picked WHERE NOT (len(actor) = 1 AND len(recipient) = 1)
    GROUP BY {type}, list_sort(actor), list_sort(recipient), {date}, {value}, {unit}
)
""".replace("LAST_DAY", _LAST_DAY).replace("AGGREGATES", _AGGREGATES)

# Step 2, for the few facts with several records: the first record in the store's order (one date: by
# document id, hash, evidence start, seq; the least of a struct led by those fields) and the documents and
# sources behind them. Doing this for every fact took three times as long.
_SEVERAL = """
CREATE TEMP TABLE {name}_several AS
SELECT x.fact_id, count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT SOURCE) AS sources,
       min(struct_pack(order_a := r.doc_id, order_b := r.doc_hash, order_c := coalesce(r.evidence[1].start, -1),
                       order_d := r.seq, actor := r.actor, recipient := r.recipient, {payload_of_r})) AS first
FROM (SELECT fact_id, unnest(rowids) AS record FROM {name} WHERE records > 1) x
JOIN {table} r ON r.rowid = x.record
JOIN documents d ON d.hash = r.doc_hash
GROUP BY 1
""".replace("SOURCE", SOURCE_OF_DOCUMENT)

# Step 3: those facts take their first record's sides and payload, then their derived columns again
_FIRST_RECORD = """
UPDATE {name} SET documents = s.documents, sources = s.sources, actor = s.first.actor,
                  recipient = s.first.recipient, {payload_set}
FROM {name}_several s WHERE {name}.fact_id = s.fact_id;
UPDATE {name} SET {derived_set} WHERE records > 1;
DROP TABLE {name}_several;
"""


@dataclass(frozen=True)
class _Layout:
    """How a fact table's records are read: columns, the payload taken from the first record, derived columns."""

    table: str
    type: str
    date: str
    value: str
    unit: str
    start: str
    end: str
    payload: dict[str, str]  # fact column: record column
    derived: dict[str, str]  # column: SQL over the fact's columns

    def sql(self, name: str, where: str, *, incidents: bool = False) -> list[str]:
        """The statements that build the fact table `name` from the records `where` keeps (with `incidents`, one
        record per incident: the one that stands for it)."""
        payload = ", ".join(f"any_value({column}) AS {name_}" for name_, column in self.payload.items())
        derived = ", ".join(f"{expr} AS {column}" for column, expr in self.derived.items())
        picked = (_PICKED_COUNTING_INCIDENTS if incidents else _PICKED).format(table=self.table, where=where)
        facts = _FACTS.format(
            name=name, picked=picked, type=self.type, date=self.date, value=self.value, unit=self.unit,
            derived=derived, payload=payload, start=self.start, end=self.end,
        )
        several = _SEVERAL.format(name=name, table=self.table, payload_of_r=", ".join(
            f"{name_} := r.{column}" for name_, column in self.payload.items()))
        first = _FIRST_RECORD.format(
            name=name, payload_set=", ".join(f"{name_} = s.first.{name_}" for name_ in self.payload),
            derived_set=", ".join(f"{column} = {expr}" for column, expr in self.derived.items()),
        )
        return [facts, several, first]  # fmt: skip


def _event_layout() -> _Layout:
    score, quad = _plover_sql()
    # events take their context where measures have a unit: 'joint drills' and 'a bridge' between the same states
    # in the same year are two facts of cooperation, not one
    return _Layout("events", "event", "date", "NULL::DOUBLE", EVENT_CONTEXT_KEY, "date_start", "date_end",
                   {"mode": "mode", "stored_score": "score"},
                   {"score": score, "quad": quad, "weight": f"abs(coalesce({score}, 0))"})  # fmt: skip


# BriefFact.weight of a measure: log10(US$) - 2 within 0..8 (else 5), plus 2 for a reported change, at most 10
_MEASURE_WEIGHT = """least(10.0, CASE WHEN unit = 'USD' AND value > 0 THEN greatest(0.0, least(8.0, log10(value) - 2))
                                 ELSE 5.0 END + CASE WHEN change_pct IS NOT NULL THEN 2.0 ELSE 0.0 END)"""
_MEASURE_LAYOUT = _Layout("measures", "measure", "period", "value", "unit", "period_start", "period_end",
                          {"change_pct": "change_pct"}, {"weight": _MEASURE_WEIGHT})  # fmt: skip

_KEY_COLUMNS = "fact_id, type, date, value, unit"


@dataclass(frozen=True)
class FactKey:
    """What makes records one fact (states as sorted tuples), as the brief's `_key` builds it. An event's `unit` is
    its contexts joined (EVENT_CONTEXT_KEY)."""

    kind: str
    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None
    value: float | None
    unit: str | None

    def as_tuple(self) -> tuple[Any, ...]:
        return self.kind, self.type, self.actor, self.recipient, self.date, self.value, self.unit


@dataclass(frozen=True)
class Ranked:
    """A fact as the SQL side sees it: its key, its first record's sides, support, weight and records."""

    key: FactKey
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    documents: int
    sources: int
    rowids: tuple[int, ...]


@cache
def _plover_sql() -> tuple[str, str]:
    """SQL for an event fact's score (its own, else its mode's, else its type's: `analytics.event_score`) and
    its quad, as CASE expressions over the ontology (cheaper than joining a table a million times)."""
    from diplograph import ontology

    scores, quads = [], []
    for name in (*ontology.EVENT_TYPES, *ontology.EXTENSION_TYPES):
        spec = ontology.event_type(name)
        modes = " ".join(f"WHEN {sql_string(mode)} THEN {score!r}" for mode, score in spec.modes.items())
        by_mode = f"CASE mode {modes} ELSE {spec.score!r} END" if modes else repr(spec.score)
        scores.append(f"WHEN {sql_string(name)} THEN {by_mode}")
        quads.append(f"WHEN {sql_string(name)} THEN {sql_string(spec.quad)}")
    score = f"coalesce(stored_score, CASE type {' '.join(scores)} END)"
    return score, f"CASE type {' '.join(quads)} END"


class StateFacts:
    """The facts of one state in a window, in two temporary tables on a cursor of its own (`open_facts`)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, code: str, min_confidence: float | None = None,
                 count: str = "incidents") -> None:
        self.cursor = cursor
        self.code = code
        self.min_confidence = min_confidence  # None: the default threshold; 0: every candidate
        self.count = count  # incidents: one event per incident (its representative report); reports: every event
        suffix = uuid.uuid4().hex[:8]
        self.events = f"brief_events_{suffix}"
        self.measures = f"brief_measures_{suffix}"
        self.window: tuple[DateLike, DateLike] = (None, None)
        self.indexed = False  # read from the brief index (store.brief_index), not built

    def build(self, since: DateLike, until: DateLike) -> None:
        self.window = (since, until)
        if self.indexable() and brief_index.fresh(self.cursor):  # the facts as `build_brief_index` wrote them
            code = sql_string(self.code)
            self.events = f"(SELECT * EXCLUDE (state) FROM {brief_index.EVENTS} WHERE state = {code})"
            self.measures = f"(SELECT * EXCLUDE (state) FROM {brief_index.MEASURES} WHERE state = {code})"
            self.indexed = True
            return
        for name, layout, columns in ((self.events, _event_layout(), EVENT_COLUMNS),
                                      (self.measures, _MEASURE_LAYOUT, MEASURE_COLUMNS)):  # fmt: skip
            where = fact_filters(columns, state=self.code, since=since, until=until,
                                 min_confidence=self.min_confidence)
            incidents = counts_incidents(self.count) and columns is EVENT_COLUMNS
            facts, several, first = layout.sql(name, where.sql(), incidents=incidents)
            self.cursor.execute(facts, where.params)
            self.cursor.execute(several)
            self.cursor.execute(first)

    def indexable(self) -> bool:
        """Whether these are the facts the brief index holds: no window, the default thresholds, incidents."""
        return self.window == (None, None) and self.min_confidence is None and counts_incidents(self.count)

    def dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        result = self.cursor.execute(sql, params or [])
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def places(self, limit: int = 60) -> list[PlaceCount]:
        """Where the state's events (one per incident by default) happened: the read side's place counts
        (query.facts.PLACES_SQL), most events first, on this brief's cursor."""
        where = fact_filters(EVENT_COLUMNS, state=self.code, since=self.window[0], until=self.window[1],
                             min_confidence=self.min_confidence)  # fmt: skip
        where = places_where(where, self.count)
        return place_counts(self.dicts(PLACES_SQL.format(where=where.sql()), where.params))[:limit]

    def totals(self) -> tuple[int, int]:
        sql = f"SELECT (SELECT count(*) FROM {self.events}), (SELECT count(*) FROM {self.measures})"
        found = self.cursor.execute(sql).fetchone()
        return (int(found[0]), int(found[1])) if found else (0, 0)

    def _ranked(self, sql: str, params: list[Any]) -> list[Ranked]:
        return [
            Ranked(
                FactKey(r["kind"], r["type"], tuple(sorted(r["actor"])), tuple(sorted(r["recipient"])), r["date"],
                        r["value"], r["unit"]),
                tuple(r["actor"]), tuple(r["recipient"]), int(r["documents"]), int(r["sources"]),
                tuple(int(i) for i in (r["rowids"] or [r["fact_id"]])),
            )
            for r in self.dicts(sql, params)
        ]  # fmt: skip

    def _both(self) -> str:
        columns = f"{_KEY_COLUMNS}, actor, recipient, documents, sources, weight, start, rowids"
        return (f"SELECT 'event' AS kind, 0 AS kind_order, {columns} FROM {self.events} UNION ALL "
                f"SELECT 'measure', 1, {columns} FROM {self.measures}")  # fmt: skip

    def best_supported(self, limit: int, offset: int) -> list[Ranked]:
        """Facts ranked as the brief ranks them: documents, weight, date, kind, type (then states, value)."""
        return self._ranked(f"""
            SELECT * FROM ({self._both()})
            ORDER BY documents DESC, weight DESC, start, kind_order, type, list_concat(actor, recipient), value
            LIMIT ? OFFSET ?""", [limit, offset])  # fmt: skip

    def latest_events(self, n: int) -> list[Ranked]:
        """The last n events in the brief's listing order (date, type, states; undated last)."""
        found = self._ranked(f"""
            SELECT 'event' AS kind, * FROM {self.events}
            ORDER BY start DESC, type DESC, list_concat(actor, recipient) DESC LIMIT ?""", [n])  # fmt: skip
        return found[::-1]

    def largest_measures(self, n: int) -> list[Ranked]:
        return self._ranked(f"""
            SELECT 'measure' AS kind, * FROM {self.measures}
            ORDER BY weight DESC, type, start, list_concat(actor, recipient), value LIMIT ?""", [n])  # fmt: skip

    def sides_of_events(self) -> list[dict[str, Any]]:
        """Facts counted by their sides and quad: few rows however many facts (partners come from these)."""
        return self.dicts(f"""
            SELECT actor, recipient, quad, count(*) AS n, sum(score) AS score_sum, count(score) AS scored
            FROM {self.events} GROUP BY ALL ORDER BY ALL""")  # fmt: skip

    def sides_of_measures(self) -> list[dict[str, Any]]:
        return self.dicts(f"SELECT actor, recipient, count(*) AS n FROM {self.measures} GROUP BY ALL ORDER BY ALL")

    def months(self) -> list[dict[str, Any]]:
        """Events dated within one month, by month and quad."""
        return self.dicts(f"""
            SELECT strftime(date_start, '%Y-%m') AS label, quad, count(*) AS n,
                   min(date_trunc('month', date_start))::DATE AS start, max(date_end) AS "end"
            FROM {self.events} WHERE {_DATED} AND {_ONE_MONTH}
            GROUP BY ALL ORDER BY ALL""")  # fmt: skip

    def spans(self) -> list[dict[str, Any]]:
        """Events dated to a year or a longer range, by date and quad."""
        return self.dicts(f"""
            SELECT date AS label, quad, count(*) AS n, min(date_start) AS start, max(date_end) AS "end"
            FROM {self.events} WHERE {_DATED} AND NOT {_ONE_MONTH}
            GROUP BY ALL ORDER BY ALL""")  # fmt: skip

    def undated(self) -> int:
        row = self.cursor.execute(f"SELECT count(*) FROM {self.events} WHERE NOT ({_DATED})").fetchone()
        return int(row[0]) if row else 0

    def contacts(self, latest: int, types: tuple[str, ...] = CONTACT_TYPES) -> list[dict[str, Any]]:
        """The states this one met (outreach), most meetings first, each with its `latest` meetings."""
        if self.indexed and latest == INDEXED_MEETINGS and tuple(types) == CONTACT_TYPES:
            return self.dicts(f"SELECT * EXCLUDE (state_of) FROM {brief_index.CONTACTS} WHERE state_of = ? "
                              "ORDER BY n DESC, state", [self.code])  # fmt: skip
        return self.dicts(*self.contacts_query(latest, types))

    def contacts_query(self, latest: int, types: tuple[str, ...] = CONTACT_TYPES) -> tuple[str, list[Any]]:
        where = Where()
        add_confidence(where, self.min_confidence)
        where.add("event IN (SELECT unnest($3::VARCHAR[]))")
        where.add("list_contains(actor, $1) OR list_contains(recipient, $1)")
        add_date_range(where, "date_start", "date_end", *self.window)
        where = counted(where, self.count)
        numbered = _numbered(where.sql(), first=4)
        return _CONTACTS.format(where=numbered), [self.code, latest, list(types), *where.params]

    def records(self, kind: str, rowids: list[int]) -> list[dict[str, Any]]:
        """The stored rows with these row ids, in the store's order."""
        if not rowids:
            return []
        table, order = ("events", "date_start") if kind == "event" else ("measures", "period_start")
        return self.dicts(f"""
            SELECT * FROM {table} WHERE rowid IN (SELECT unnest(?::BIGINT[]))
            ORDER BY {order} NULLS LAST, doc_id, doc_hash, evidence[1].start NULLS FIRST, seq""", [rowids])  # fmt: skip


# Outreach (`analytics.outreach`) in SQL: each meeting is a side of a CONSULT event the state is on and a
# state on the other side; role visited / hosted for a visit, else met. Per partner: the number of meetings,
# the first and last date, the roles, and the latest meetings in outreach's order (date, document, id).
_CONTACTS = """
WITH ev AS (
    SELECT doc_id, id, mode, actor, recipient, coalesce(date, strftime(date_start, '%Y-%m-%d')) AS meeting_date,
           date_start, evidence[1] AS evidence
    FROM events {where}
),
meetings AS (
    SELECT *, unnest(recipient) AS other, 0 AS side, CASE WHEN mode = 'visit' THEN 'visited' ELSE 'met' END AS role
    FROM ev WHERE list_contains(actor, $1)
    UNION ALL
    SELECT *, unnest(actor) AS other, 1 AS side, CASE WHEN mode = 'visit' THEN 'hosted' ELSE 'met' END AS role
    FROM ev WHERE list_contains(recipient, $1)
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY other ORDER BY date_start DESC NULLS FIRST, doc_id DESC, id DESC,
                                 side DESC) AS back
    FROM meetings WHERE other <> $1
)
SELECT other AS state, count(*) AS n, min(meeting_date) AS first, max(meeting_date) AS last,
       list(DISTINCT role ORDER BY role) AS roles,
       list(struct_pack(date := meeting_date, role := role, doc := doc_id, evidence := evidence) ORDER BY back DESC)
           FILTER (back <= $2) AS latest
FROM ranked GROUP BY other ORDER BY n DESC, other
"""

def _numbered(sql: str, first: int) -> str:
    """Plain `?` placeholders as $first, $first+1, ... (to mix with numbered ones)."""
    parts = sql.split("?")
    return "".join(part + (f"${first + i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))


_DATED = "date_start IS NOT NULL AND date_end IS NOT NULL AND quad IS NOT NULL"
_ONE_MONTH = "date_trunc('month', date_start) = date_trunc('month', date_end)"


@contextmanager
def open_facts(store: Store, code: str, *, since: DateLike, until: DateLike,
               min_confidence: float | None = None, count: str = "incidents") -> Iterator[StateFacts]:
    """The state's facts, read in one transaction (consistent with each other while a writer goes on)."""
    import duckdb

    cursor = store.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        facts = StateFacts(cursor, code, min_confidence, count)
        facts.build(since, until)
        yield facts
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: brief query failed: {exc}") from exc
    finally:
        with suppress(duckdb.Error):
            cursor.execute("ROLLBACK")  # nothing was written but the temporary tables
        cursor.close()


def optimize(store: Store, *, briefs: bool = True, memory_mib: int | None = None) -> dict[str, Any]:
    """`Store.optimize` (the facts in date order, the dyad index), then, with `briefs`, every state's brief facts
    (store.brief_index: a state's first brief then reads them), in a transaction of their own after the rewrite
    has committed (the facts keep row ids, final only then). What `diplograph optimize` runs. Returns what
    `Store.optimize` returns with `brief_states`, the states written (0 without `briefs`)."""
    import time

    from diplograph.store.core import OPTIMIZE_MEMORY_MIB

    began = time.perf_counter()
    done = store.optimize(memory_mib=OPTIMIZE_MEMORY_MIB if memory_mib is None else memory_mib)
    states = 0
    if briefs:
        conn = store.connection
        states = store.transaction(lambda: build_brief_index(conn),
                                   "the facts were rewritten, but the brief index failed")
        conn.execute("CHECKPOINT")
    return {**done, "brief_states": states, "seconds": round(time.perf_counter() - began, 2)}


def build_brief_index(conn: duckdb.DuckDBPyConnection) -> int:
    """Write every state's brief facts and contacts (store.brief_index) from the stored records, in the
    caller's transaction, state by state (each as a brief builds it, so the index holds exactly what a brief
    would build), and mark them fresh. Returns the states written."""
    from diplograph.analytics.network import default_where, pairs_query

    brief_index.invalidate(conn)
    states = [row[0] for row in conn.execute("""
        SELECT DISTINCT code FROM (
            SELECT unnest(list_concat(actor, recipient)) AS code FROM events
            UNION ALL SELECT unnest(list_concat(actor, recipient)) FROM measures)
        WHERE code IS NOT NULL ORDER BY code""").fetchall()]
    for n, code in enumerate(states):
        facts = StateFacts(conn, code)
        facts.build(None, None)
        state = sql_string(code)
        for table, built in ((brief_index.EVENTS, facts.events), (brief_index.MEASURES, facts.measures)):
            into = f"CREATE TABLE {table} AS" if n == 0 else f"INSERT INTO {table}"
            conn.execute(f"{into} SELECT {state}::VARCHAR AS state, * FROM {built}")
            conn.execute(f"DROP TABLE {built}")
        sql, params = facts.contacts_query(INDEXED_MEETINGS)
        into = f"CREATE TABLE {brief_index.CONTACTS} AS" if n == 0 else f"INSERT INTO {brief_index.CONTACTS}"
        conn.execute(f"{into} SELECT {state}::VARCHAR AS state_of, * FROM ({sql})", params)
    sql, params = pairs_query(default_where())
    conn.execute(f"CREATE TABLE {brief_index.PAIRS} AS {sql}", params)
    if states:
        brief_index.mark(conn)
    return len(states)
