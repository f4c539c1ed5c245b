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
from typing import TYPE_CHECKING, Any

from diplograph.analytics.corroboration import _SOURCE
from diplograph.errors import StoreError
from diplograph.store.query import EVENT_COLUMNS, MEASURE_COLUMNS, DateLike, Where, add_date_range, fact_filters

if TYPE_CHECKING:
    import duckdb

    from diplograph.store import Store

_LAST_DAY = "DATE '9999-12-31'"  # undated facts sort last, as in the brief's listings

# One row a fact. Most facts have one record; for those with several, the first record in the store's order
# (one date: by document id, hash, evidence start, seq) is the least of a struct led by those fields, and
# `documents` and `sources` go through the documents table. Doing either for every fact took three times as long.
_FACTS = """
CREATE TEMP TABLE {name} AS
WITH g AS (
    SELECT min(rowid) AS fact_id, {type} AS type, list_sort(actor) AS actor_key,
           list_sort(recipient) AS recipient_key, {date} AS date, {value} AS value, {unit} AS unit,
           count(*) AS records, any_value(struct_pack({first})) AS any_first,
           min({start}) AS date_start, max({end}) AS date_end, list(rowid) AS rowids
    FROM {table} {where}
    GROUP BY 2, 3, 4, 5, 6, 7
),
several AS (
    SELECT x.fact_id, count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT SOURCE) AS sources,
           min(struct_pack(order_a := r.doc_id, order_b := r.doc_hash, order_c := coalesce(r.evidence[1].start, -1),
                           order_d := r.seq, {first_of_r})) AS first
    FROM (SELECT fact_id, unnest(rowids) AS record FROM g WHERE records > 1) x
    JOIN {table} r ON r.rowid = x.record
    JOIN documents d ON d.hash = r.doc_hash
    GROUP BY 1
)
SELECT f.*, {extra}
FROM (
    SELECT g.* EXCLUDE (any_first), {first_columns}, coalesce(s.documents, 1) AS documents,
           coalesce(s.sources, 1) AS sources, coalesce(g.date_start, LAST_DAY) AS start
    FROM g LEFT JOIN several s USING (fact_id)
) f {joins}
""".replace("SOURCE", _SOURCE).replace("LAST_DAY", _LAST_DAY)

# An event's score: its own, else its mode's, else its type's (`analytics.event_score`); its quad by type
_EVENT_SCORE = "coalesce(f.stored_score, m.score, t.score)"
_EVENT_EXTRA = f"{_EVENT_SCORE} AS score, t.quad AS quad, abs(coalesce({_EVENT_SCORE}, 0)) AS weight"
_EVENT_JOINS = """
LEFT JOIN {plover} m ON m.type = f.type AND m.mode = f.mode
LEFT JOIN {plover} t ON t.type = f.type AND t.mode IS NULL
"""

# Fact.weight of a measure: log10(US$) - 2 within 0..8 (else 5), plus 2 for a reported change, at most 10
_MEASURE_EXTRA = """
least(10.0, CASE WHEN f.unit = 'USD' AND f.value > 0 THEN greatest(0.0, least(8.0, log10(f.value) - 2)) ELSE 5.0 END
            + CASE WHEN f.change_pct IS NOT NULL THEN 2.0 ELSE 0.0 END) AS weight
"""

_KEY_COLUMNS = "type, actor_key, recipient_key, date, value, unit"


@dataclass(frozen=True)
class FactKey:
    """What makes records one fact (states as sorted tuples), as the brief's `_key` builds it."""

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


def _plover_rows() -> dict[str, list[Any]]:
    from diplograph import ontology

    table: dict[str, list[Any]] = {"type": [], "mode": [], "score": [], "quad": []}
    for name in (*ontology.EVENT_TYPES, *ontology.EXTENSION_TYPES):
        spec = ontology.event_type(name)
        for mode, score in [(None, spec.score), *spec.modes.items()]:
            for column, value in zip(table, (name, mode, score, spec.quad), strict=True):
                table[column].append(value)
    return table


class StateFacts:
    """The facts of one state in a window, in two temporary tables on a cursor of its own (`open_facts`)."""

    def __init__(self, store: Store, cursor: duckdb.DuckDBPyConnection, code: str) -> None:
        self.store = store
        self.cursor = cursor
        self.code = code
        suffix = uuid.uuid4().hex[:8]
        self.events = f"brief_events_{suffix}"
        self.measures = f"brief_measures_{suffix}"

    @staticmethod
    def _first(fields: dict[str, str]) -> dict[str, str]:
        """The arguments of _FACTS that carry these fields of each fact's first record (name: column)."""
        return {
            "first": ", ".join(f"{name} := {column}" for name, column in fields.items()),
            "first_of_r": ", ".join(f"{name} := r.{column}" for name, column in fields.items()),
            "first_columns": ", ".join(
                f"CASE WHEN s.fact_id IS NULL THEN g.any_first.{name} ELSE s.first.{name} END AS {name}"
                for name in fields
            ),
        }

    def build(self, since: DateLike, until: DateLike) -> None:
        import pyarrow as pa

        self.window = (since, until)
        plover = f"brief_plover_{self.events[-8:]}"
        self.cursor.register(plover, pa.table(_plover_rows()))
        where = fact_filters(EVENT_COLUMNS, state=self.code, since=since, until=until)
        self.cursor.execute(_FACTS.format(
            name=self.events, table="events", where=where.sql(), type="event", date="date", value="NULL::DOUBLE",
            unit="NULL::VARCHAR", start="date_start", end="date_end",
            **self._first({"actor": "actor", "recipient": "recipient", "mode": "mode", "stored_score": "score"}),
            extra=_EVENT_EXTRA, joins=_EVENT_JOINS.format(plover=plover),
        ), where.params)  # fmt: skip
        where = fact_filters(MEASURE_COLUMNS, state=self.code, since=since, until=until)
        self.cursor.execute(_FACTS.format(
            name=self.measures, table="measures", where=where.sql(), type="measure", date="period",
            value="value", unit="unit", start="period_start", end="period_end",
            **self._first({"actor": "actor", "recipient": "recipient", "change_pct": "change_pct"}),
            extra=_MEASURE_EXTRA, joins="",
        ), where.params)  # fmt: skip

    def dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        result = self.cursor.execute(sql, params or [])
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def totals(self) -> tuple[int, int]:
        counted = f"SELECT (SELECT count(*) FROM {self.events}), (SELECT count(*) FROM {self.measures})"
        found = self.cursor.execute(counted).fetchone()
        return (int(found[0]), int(found[1])) if found else (0, 0)

    def _ranked(self, sql: str, params: list[Any]) -> list[Ranked]:
        return [
            Ranked(
                FactKey(r["kind"], r["type"], tuple(r["actor_key"]), tuple(r["recipient_key"]), r["date"],
                        r["value"], r["unit"]),
                tuple(r["actor"]), tuple(r["recipient"]), int(r["documents"]), int(r["sources"]),
                tuple(int(i) for i in r["rowids"]),
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

    def contacts(self, latest: int, types: tuple[str, ...] = ("CONSULT",)) -> list[dict[str, Any]]:
        """The states this one met (outreach), most meetings first, each with its `latest` meetings."""
        where = Where()
        where.add("event IN (SELECT unnest($3::VARCHAR[]))")
        where.add("list_contains(actor, $1) OR list_contains(recipient, $1)")
        add_date_range(where, "date_start", "date_end", *self.window)
        numbered = _numbered(where.sql(), first=4)
        return self.dicts(_CONTACTS.format(where=numbered), [self.code, latest, list(types), *where.params])

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
def open_facts(store: Store, code: str, *, since: DateLike, until: DateLike) -> Iterator[StateFacts]:
    """The state's facts, read in one transaction (consistent with each other while a writer goes on)."""
    import duckdb

    cursor = store.connection.cursor()
    try:
        cursor.execute("BEGIN TRANSACTION")
        facts = StateFacts(store, cursor, code)
        facts.build(since, until)
        yield facts
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: brief query failed: {exc}") from exc
    finally:
        with suppress(duckdb.Error):
            cursor.execute("ROLLBACK")  # nothing was written but the temporary tables
        cursor.close()
