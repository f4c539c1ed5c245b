"""The brief's sums, done inside DuckDB: a state's events and measures merged into facts and counted there,
so that building a brief reads a few hundred rows into Python however large the store is.

A fact is the records that agree on kind and type, the states on each side (as sets) and the date (for
measures also the value and unit), as in `analytics.corroboration`. Each fact takes its mode, score and
the order of its states from its first record in the store's order (`Store.events`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from diplograph.analytics.corroboration import _SOURCE
from diplograph.errors import StoreError
from diplograph.store.query import EVENT_COLUMNS, MEASURE_COLUMNS, DateLike, Where, fact_filters

if TYPE_CHECKING:
    import duckdb

    from diplograph.model import Event
    from diplograph.store import Store

_WITHIN_DOCUMENT = "doc_id, doc_hash, evidence[1].start NULLS FIRST, seq"  # the store's order, one date
_LAST_DAY = "DATE '9999-12-31'"  # undated facts sort last, as in the brief's listings

_EVENT_FACTS = f"""
WITH f AS (
    SELECT e.event AS type, list_sort(e.actor) AS actor_key, list_sort(e.recipient) AS recipient_key,
           e.date AS date,
           first(e.actor ORDER BY {_WITHIN_DOCUMENT}) AS actor,
           first(e.recipient ORDER BY {_WITHIN_DOCUMENT}) AS recipient,
           first(e.mode ORDER BY {_WITHIN_DOCUMENT}) AS mode,
           first(e.score ORDER BY {_WITHIN_DOCUMENT}) AS stored_score,
           min(e.date_start) AS date_start, max(e.date_end) AS date_end,
           count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT {_SOURCE}) AS sources
    FROM (SELECT * FROM events {{where}}) e JOIN documents d ON d.hash = e.doc_hash
    GROUP BY 1, 2, 3, 4
)
SELECT f.*, coalesce(f.stored_score, m.score, t.score) AS score, t.quad AS quad,
       abs(coalesce(f.stored_score, m.score, t.score, 0)) AS weight,
       coalesce(f.date_start, {_LAST_DAY}) AS start, NULL::DOUBLE AS value, NULL::VARCHAR AS unit
FROM f
LEFT JOIN {{plover}} m ON m.type = f.type AND m.mode = f.mode
LEFT JOIN {{plover}} t ON t.type = f.type AND t.mode IS NULL
"""

_MEASURE_FACTS = f"""
WITH f AS (
    SELECT m.measure AS type, list_sort(m.actor) AS actor_key, list_sort(m.recipient) AS recipient_key,
           m.period AS date, m.value AS value, m.unit AS unit,
           first(m.actor ORDER BY {_WITHIN_DOCUMENT}) AS actor,
           first(m.recipient ORDER BY {_WITHIN_DOCUMENT}) AS recipient,
           first(m.change_pct ORDER BY {_WITHIN_DOCUMENT}) AS change_pct,
           min(m.period_start) AS date_start, max(m.period_end) AS date_end,
           count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT {_SOURCE}) AS sources
    FROM (SELECT * FROM measures {{where}}) m JOIN documents d ON d.hash = m.doc_hash
    GROUP BY 1, 2, 3, 4, 5, 6
)
SELECT f.*, coalesce(f.date_start, {_LAST_DAY}) AS start,
       -- Fact.weight of a measure: log10(USD) - 2 within 0..8 (else 5), plus 2 for a reported change
       least(10.0, CASE WHEN f.unit = 'USD' AND f.value > 0 THEN greatest(0.0, least(8.0, log10(f.value) - 2))
                        ELSE 5.0 END + CASE WHEN f.change_pct IS NOT NULL THEN 2.0 ELSE 0.0 END) AS weight
FROM f
"""

_KEY = "kind, type, actor_key, recipient_key, date, value, unit"


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
class Support:
    documents: int
    sources: int


@dataclass
class Sums:
    """What a brief needs from all of a state's facts; `listed` and `headlines` are fact keys."""

    event_total: int
    measure_total: int
    headlines: list[FactKey]
    latest_events: list[FactKey]
    largest_measures: list[FactKey]
    support: dict[tuple[Any, ...], Support]
    partner_events: list[dict[str, Any]]  # state, quad, n, score_sum, scored
    partner_measures: dict[str, int]
    months: list[dict[str, Any]]  # label, quad, n, start, end
    spans: list[dict[str, Any]]  # label, quad, n, start, end
    undated: int


def _plover_rows() -> dict[str, list[Any]]:
    from diplograph import ontology

    table: dict[str, list[Any]] = {"type": [], "mode": [], "score": [], "quad": []}
    for name in (*ontology.EVENT_TYPES, *ontology.EXTENSION_TYPES):
        spec = ontology.event_type(name)
        for mode, score in [(None, spec.score), *spec.modes.items()]:
            for column, value in zip(table, (name, mode, score, spec.quad), strict=True):
                table[column].append(value)
    return table


@contextmanager
def _facts_of(store: Store, code: str, since: DateLike, until: DateLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own on which `event_facts` and `measure_facts` hold the state's facts (Arrow tables)."""
    import pyarrow as pa

    cursor = store.connection.cursor()
    try:
        cursor.register("brief_plover", pa.table(_plover_rows()))
        events = fact_filters(EVENT_COLUMNS, state=code, since=since, until=until)
        measures = fact_filters(MEASURE_COLUMNS, state=code, since=since, until=until)
        sql = _EVENT_FACTS.format(where=events.sql(), plover="brief_plover")
        cursor.register("event_facts", cursor.sql(sql, params=events.params).to_arrow_table())
        sql = _MEASURE_FACTS.format(where=measures.sql())
        cursor.register("measure_facts", cursor.sql(sql, params=measures.params).to_arrow_table())
        yield cursor
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{store.path}: brief query failed: {exc}") from exc
        raise
    finally:
        cursor.close()


def _dicts(cursor: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = cursor.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _keys(found: list[dict[str, Any]]) -> list[tuple[FactKey, Support]]:
    return [
        (FactKey(r["kind"], r["type"], tuple(r["actor_key"]), tuple(r["recipient_key"]), r["date"], r["value"],
                 r["unit"]), Support(int(r["documents"]), int(r["sources"])))
        for r in found
    ]  # fmt: skip


_ALL_FACTS = f"""
SELECT 'event' AS kind, {_KEY.replace("kind, ", "")}, actor, recipient, documents, sources, weight, start,
       0 AS kind_order
FROM event_facts
UNION ALL
SELECT 'measure', {_KEY.replace("kind, ", "")}, actor, recipient, documents, sources, weight, start, 1
FROM measure_facts
"""

# Ranked as the brief ranks (documents, weight, date, kind, type), at most `same_kind` of one type between
# the same actor and recipient; ties keep the listing order (events by date, type, states; then measures).
_HEADLINES = f"""
SELECT {_KEY}, documents, sources FROM ({_ALL_FACTS})
QUALIFY row_number() OVER (PARTITION BY kind, type, actor, recipient
                           ORDER BY documents DESC, weight DESC, start, list_concat(actor, recipient), value) <= ?
ORDER BY documents DESC, weight DESC, start, kind_order, type, list_concat(actor, recipient), value
LIMIT ?
"""

_LATEST_EVENTS = f"""
SELECT 'event' AS kind, {_KEY.replace("kind, ", "")}, documents, sources FROM event_facts
ORDER BY start DESC, type DESC, list_concat(actor, recipient) DESC
LIMIT ?
"""

_LARGEST_MEASURES = f"""
SELECT 'measure' AS kind, {_KEY.replace("kind, ", "")}, documents, sources FROM measure_facts
ORDER BY weight DESC, type, start, list_concat(actor, recipient), value
LIMIT ?
"""

# The other side of each fact; a co-actor ('Russia and North Korea announced ...') is a partner too.
_OTHERS = """
CASE WHEN list_contains(actor, $code)
     THEN list_distinct(list_filter(list_concat(recipient, actor), lambda s: s <> $code))
     ELSE list_distinct(list_filter(actor, lambda s: s <> $code)) END
"""

_PARTNER_EVENTS = f"""
SELECT state, quad, count(*) AS n, sum(score) AS score_sum, count(score) AS scored
FROM (SELECT unnest({_OTHERS}) AS state, quad, score FROM event_facts)
GROUP BY ALL ORDER BY ALL
"""

_PARTNER_MEASURES = f"""
SELECT state, count(*) AS n FROM (SELECT unnest({_OTHERS}) AS state FROM measure_facts) GROUP BY ALL ORDER BY ALL
"""

_DATED = "date_start IS NOT NULL AND date_end IS NOT NULL AND quad IS NOT NULL"
_ONE_MONTH = "date_trunc('month', date_start) = date_trunc('month', date_end)"

_MONTHS = f"""
SELECT strftime(date_start, '%Y-%m') AS label, quad, count(*) AS n,
       min(date_trunc('month', date_start))::DATE AS start, max(date_end) AS "end"
FROM event_facts WHERE {_DATED} AND {_ONE_MONTH}
GROUP BY ALL ORDER BY ALL
"""

_SPANS = f"""
SELECT date AS label, quad, count(*) AS n, min(date_start) AS start, max(date_end) AS "end"
FROM event_facts WHERE {_DATED} AND NOT {_ONE_MONTH}
GROUP BY ALL ORDER BY ALL
"""


def sums(store: Store, code: str, *, since: DateLike, until: DateLike, headlines: int, same_kind: int,
         listed: int) -> Sums:  # fmt: skip
    """All of a brief's counts and the keys of the facts it shows, from SQL over the state's facts."""
    with _facts_of(store, code, since, until) as cursor:
        totals = cursor.execute(
            "SELECT (SELECT count(*) FROM event_facts), (SELECT count(*) FROM measure_facts)"
        ).fetchone()
        top = _keys(_dicts(cursor, _HEADLINES, [same_kind, headlines]))
        latest = _keys(_dicts(cursor, _LATEST_EVENTS, [listed]))[::-1]
        largest = _keys(_dicts(cursor, _LARGEST_MEASURES, [listed]))
        support = {k.as_tuple(): found for k, found in (*top, *latest, *largest)}
        undated = cursor.execute(f"SELECT count(*) FROM event_facts WHERE NOT ({_DATED})").fetchone()
        return Sums(
            event_total=int(totals[0]) if totals else 0,
            measure_total=int(totals[1]) if totals else 0,
            headlines=[k for k, _ in top],
            latest_events=[k for k, _ in latest],
            largest_measures=[k for k, _ in largest],
            support=support,
            partner_events=_dicts(cursor, _PARTNER_EVENTS.replace("$code", "$1"), [code]),
            partner_measures={r["state"]: int(r["n"]) for r in _dicts(cursor, _PARTNER_MEASURES.replace("$code", "$1"),
                                                                       [code])},  # fmt: skip
            months=_dicts(cursor, _MONTHS),
            spans=_dicts(cursor, _SPANS),
            undated=int(undated[0]) if undated else 0,
        )


def records_of(store: Store, code: str, keys: list[FactKey], *, since: DateLike, until: DateLike,
               kind: str) -> list[dict[str, Any]]:  # fmt: skip
    """The stored rows of the given facts, in the store's order."""
    import pyarrow as pa

    wanted = [k for k in keys if k.kind == kind]
    if not wanted:
        return []
    table, columns, order, value_match = (
        ("events", EVENT_COLUMNS, "date_start NULLS LAST, " + _WITHIN_DOCUMENT, "TRUE")
        if kind == "event"
        else ("measures", MEASURE_COLUMNS, "period_start NULLS LAST, " + _WITHIN_DOCUMENT,
              "r.value = k.value AND r.unit = k.unit")
    )  # fmt: skip
    type_column, date_column = ("event", "date") if kind == "event" else ("measure", "period")
    where: Where = fact_filters(columns, state=code, since=since, until=until)
    keyed = pa.table({
        "type": [k.type for k in wanted],
        "actor_key": pa.array([list(k.actor) for k in wanted], pa.list_(pa.string())),
        "recipient_key": pa.array([list(k.recipient) for k in wanted], pa.list_(pa.string())),
        "date": pa.array([k.date for k in wanted], pa.string()),
        "value": pa.array([k.value for k in wanted], pa.float64()),
        "unit": pa.array([k.unit for k in wanted], pa.string()),
    })  # fmt: skip
    cursor = store.connection.cursor()
    try:
        cursor.register("brief_keys", keyed)
        return _dicts(cursor, f"""
            SELECT r.* FROM (SELECT * FROM {table} {where.sql()}) r
            SEMI JOIN brief_keys k ON r.{type_column} = k.type AND list_sort(r.actor) = k.actor_key
                 AND list_sort(r.recipient) = k.recipient_key AND r.{date_column} IS NOT DISTINCT FROM k.date
                 AND {value_match}
            ORDER BY {order}
        """, where.params)  # fmt: skip
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{store.path}: brief query failed: {exc}") from exc
        raise
    finally:
        cursor.close()


def events_by_id(store: Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], Event]:
    """The stored events with these (document id, event id) pairs."""
    import pyarrow as pa

    from diplograph.store import convert

    if not pairs:
        return {}
    cursor = store.connection.cursor()
    try:
        cursor.register("brief_ids", pa.table({"doc": [d for d, _ in pairs], "id": [i for _, i in pairs]}))
        found = _dicts(cursor, "SELECT e.* FROM events e SEMI JOIN brief_ids k ON e.doc_id = k.doc AND e.id = k.id")
    finally:
        cursor.close()
    events = (convert.event_from_row(row) for row in found)
    return {(e.doc, str(e.id)): e for e in events}
