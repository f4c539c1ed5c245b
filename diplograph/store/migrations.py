"""Versioned schema migrations of the DuckDB store.

`MIGRATIONS` is the ordered history of the schema: step N takes a store from version N-1 to N. A store records
the steps it has received in `schema_migrations(version, applied_at)`; `migrate` applies the missing ones in one
transaction, so a store is always at a version that exists in this list. Never edit a released step: append one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from diplograph.errors import StoreError
from diplograph.store import derived

Connection = Any  # duckdb.DuckDBPyConnection (duckdb is imported only when a store is opened)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _sql(*statements: str) -> Callable[[Connection], None]:
    """A migration step made of plain SQL statements."""

    def run(conn: Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return run


_EVIDENCE = 'STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)[]'

_V1_CORE_TABLES = _sql(
    """
    CREATE TABLE documents (
        hash        VARCHAR PRIMARY KEY,   -- SHA-256 of text: the key of a document
        id          VARCHAR NOT NULL,
        text        VARCHAR NOT NULL,
        published   DATE,                  -- first day of published_text, for filters
        published_text VARCHAR,            -- published exactly as given (round trip)
        title       VARCHAR,
        url         VARCHAR,
        source      VARCHAR,
        origin      VARCHAR,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    f"""
    CREATE TABLE events (
        doc_hash    VARCHAR NOT NULL,
        id          VARCHAR NOT NULL,
        seq         INTEGER NOT NULL,      -- position in the document's extraction
        doc_id      VARCHAR NOT NULL,
        event       VARCHAR NOT NULL,
        mode        VARCHAR,
        context     VARCHAR[] NOT NULL,
        aux         VARCHAR,
        actor       VARCHAR[] NOT NULL,
        recipient   VARCHAR[] NOT NULL,
        date        VARCHAR,
        date_start  DATE,
        date_end    DATE,
        date_source VARCHAR NOT NULL,
        rule        VARCHAR NOT NULL,
        score       DOUBLE,
        evidence    {_EVIDENCE} NOT NULL,
        detail      JSON NOT NULL,         -- actor_detail, recipient_detail, quantities
        PRIMARY KEY (doc_hash, id)
    )
    """,
    f"""
    CREATE TABLE measures (
        doc_hash     VARCHAR NOT NULL,
        id           VARCHAR NOT NULL,
        seq          INTEGER NOT NULL,
        doc_id       VARCHAR NOT NULL,
        measure      VARCHAR NOT NULL,
        actor        VARCHAR[] NOT NULL,
        recipient    VARCHAR[] NOT NULL,
        value        DOUBLE NOT NULL,
        unit         VARCHAR NOT NULL,
        period       VARCHAR,
        period_start DATE,
        period_end   DATE,
        change_pct   DOUBLE,
        commodity    VARCHAR,
        per          VARCHAR,
        qualifier    VARCHAR,
        rule         VARCHAR NOT NULL,
        evidence     {_EVIDENCE} NOT NULL,
        PRIMARY KEY (doc_hash, id)
    )
    """,
)

_V2_MENTIONS = _sql(
    """
    CREATE TABLE mentions (
        doc_hash VARCHAR NOT NULL,
        kind     VARCHAR NOT NULL,         -- actor | date | quantity
        seq      INTEGER NOT NULL,         -- position among the document's mentions of this kind
        start    INTEGER NOT NULL,
        "end"    INTEGER NOT NULL,
        text     VARCHAR NOT NULL,
        payload  JSON NOT NULL,            -- the record's to_dict()
        PRIMARY KEY (doc_hash, kind, seq)
    )
    """
)

_V3_DYAD_VIEWS = _sql(
    """
    CREATE VIEW event_dyads AS
    SELECT e.doc_hash, e.id, e.event, e.mode, e.date_start, e.date_end, e.score, a.code AS actor, r.code AS recipient
    FROM events e, unnest(e.actor) AS a(code), unnest(e.recipient) AS r(code)
    """,
    """
    CREATE VIEW measure_dyads AS
    SELECT m.doc_hash, m.id, m.measure, m.value, m.unit, m.period_start, m.period_end, m.change_pct,
           a.code AS actor, r.code AS recipient
    FROM measures m, unnest(m.actor) AS a(code), unnest(m.recipient) AS r(code)
    """,
)


def rebuild_table(conn: Connection, table: str, order_by: str = "") -> None:
    """Rebuild `table` with the same columns, rows and NOT NULLs and no keys, in `order_by` order (else as stored)."""
    required = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
        "AND is_nullable = 'NO' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    ordered = f" ORDER BY {order_by}" if order_by else ""
    conn.execute(f"CREATE TABLE {table}_rebuilt AS SELECT * FROM {table}{ordered}")
    for (column,) in required:
        conn.execute(f'ALTER TABLE {table}_rebuilt ALTER COLUMN "{column}" SET NOT NULL')
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")


def _v4_facts_without_keys(conn: Connection) -> None:
    # DuckDB keeps every primary-key index whole in memory, so the fact tables' keys (about 0.6 KiB a document,
    # most of it for mentions) made an ingest's memory grow with the store. Facts are written only with their
    # new document in one transaction, their ids are checked per document before writing (`Store.add`,
    # `load_parquet`), and the documents' key still refuses a document twice; reads by document scan fast.
    for table in ("events", "measures", "mentions"):
        rebuild_table(conn, table)


_V5_CONFIDENCE = _sql(
    # The probability that a fact is right (diplograph.confidence); NULL for facts not scored (imported rows,
    # stores written before version 5). Readers keep facts at or above a threshold, NULL counting as 1.
    "ALTER TABLE events ADD COLUMN confidence DOUBLE",
    "ALTER TABLE measures ADD COLUMN confidence DOUBLE",
    """
    CREATE OR REPLACE VIEW event_dyads AS
    SELECT e.doc_hash, e.id, e.event, e.mode, e.date_start, e.date_end, e.score, a.code AS actor, r.code AS recipient,
           e.confidence
    FROM events e, unnest(e.actor) AS a(code), unnest(e.recipient) AS r(code)
    """,
    """
    CREATE OR REPLACE VIEW measure_dyads AS
    SELECT m.doc_hash, m.id, m.measure, m.value, m.unit, m.period_start, m.period_end, m.change_pct,
           a.code AS actor, r.code AS recipient, m.confidence
    FROM measures m, unnest(m.actor) AS a(code), unnest(m.recipient) AS r(code)
    """,
)


_LOCATION = (
    'STRUCT(name VARCHAR, place VARCHAR, admin1 VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, kind VARCHAR, '
    'method VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR)'
)

_V6_LOCATION_INCIDENT = _sql(
    # Where each event happened (NULL when the text names no place) and the incident it reports: events of one
    # real occurrence in different documents share an incident id (diplograph.incidents). Stores written before
    # version 6 get every event as an incident of its own (the id incidents.incident_id gives it: a SHA-1 of the
    # same parts); `diplograph incidents --relink` links them.
    f"ALTER TABLE events ADD COLUMN location {_LOCATION}",
    "ALTER TABLE events ADD COLUMN incident VARCHAR",
    "UPDATE events SET incident = substr(sha1(concat_ws(chr(31), 'incident', doc_hash, id)), 1, 16)",
    """
    CREATE OR REPLACE VIEW event_dyads AS
    SELECT e.doc_hash, e.id, e.event, e.mode, e.date_start, e.date_end, e.score, a.code AS actor, r.code AS recipient,
           e.confidence, e.incident
    FROM events e, unnest(e.actor) AS a(code), unnest(e.recipient) AS r(code)
    """,
)


_V7_WATCH_AND_ALERTS = _sql(
    # What `diplograph watch` keeps between rounds and across restarts (diplograph.watch): each source's HTTP
    # validators, schedule and health, and every item it has seen, so that nothing is fetched twice; saved
    # queries (alerts) and the facts each one has reported, so that an alert fires once per fact. Items and hits
    # grow with the intake: like the fact tables they have no key index (DuckDB keeps those whole in memory);
    # the one writer checks for a row before adding it.
    """
    CREATE TABLE watch_sources (
        source          VARCHAR PRIMARY KEY,   -- the feed or page URL, the page list or the folder, as given
        kind            VARCHAR NOT NULL,      -- feed | page | folder
        etag            VARCHAR,               -- HTTP validators of the last 200 response
        last_modified   VARCHAR,
        last_fetch      TIMESTAMP,             -- last attempt (UTC)
        last_ok         TIMESTAMP,             -- last attempt that worked
        next_due        TIMESTAMP,             -- not fetched again before this (interval, backoff)
        failures        INTEGER NOT NULL,      -- consecutive failures (the backoff grows with them)
        items_seen      BIGINT NOT NULL,
        documents_added BIGINT NOT NULL,
        errors          BIGINT NOT NULL,
        last_error      VARCHAR
    )
    """,
    """
    CREATE TABLE watch_items (
        source   VARCHAR NOT NULL,
        item     VARCHAR NOT NULL,             -- a feed entry's id or link, a page URL, a file's path
        seen_at  TIMESTAMP NOT NULL,
        doc_hash VARCHAR                       -- the document it gave; NULL when it gave none (a problem)
    )
    """,
    """
    CREATE TABLE alerts (
        name       VARCHAR PRIMARY KEY,
        kind       VARCHAR NOT NULL,           -- events | measures | incidents
        query      JSON NOT NULL,              -- the filters, as `events` / `measures` / `incidents` take them
        webhook    VARCHAR,                    -- a URL to POST each new match to, or NULL
        created_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE alert_hits (
        alert    VARCHAR NOT NULL,
        fact     VARCHAR NOT NULL,             -- doc_hash/id of an event or measure; the id of an incident
        fired_at TIMESTAMP NOT NULL,
        payload  JSON NOT NULL                 -- what was reported: the fact, its evidence, its document's link
    )
    """,
)


_V8_SHARED = _sql(
    # Whether the incident an event reports has other reports too (kept up to date as events are linked:
    # store.links), so that counting incidents sorts only those events to find each incident's representative;
    # an event with shared = false is its incident's one report. NULL (not known) is sorted too.
    "ALTER TABLE events ADD COLUMN shared BOOLEAN",
    """
    UPDATE events SET shared = coalesce(incident IN (
        SELECT incident FROM events WHERE incident IS NOT NULL GROUP BY incident HAVING count(*) > 1), false)
    """,
)


_V9_ONE_SENTENCE = _sql(
    # Whether an event's document is one sentence: such events get the model's sentence threshold by default
    # (diplograph.confidence). Events stored before version 9 keep the threshold they had (false): the store did
    # not keep how many sentences their documents have.
    "ALTER TABLE events ADD COLUMN one_sentence BOOLEAN DEFAULT false",
    """
    CREATE OR REPLACE VIEW event_dyads AS
    SELECT e.doc_hash, e.id, e.event, e.mode, e.date_start, e.date_end, e.score, a.code AS actor, r.code AS recipient,
           e.confidence, e.incident, e.one_sentence
    FROM events e, unnest(e.actor) AS a(code), unnest(e.recipient) AS r(code)
    """,
)


_V10_LEAD = _sql(
    # The lead event of a one-sentence document (diplograph.confidence.lead_ids): its most confident event, the
    # first of them in the document on a tie; it gets the model's lead threshold by default.
    "ALTER TABLE events ADD COLUMN lead BOOLEAN DEFAULT false",
    """
    UPDATE events SET lead = true WHERE rowid IN (
        SELECT rowid FROM events WHERE one_sentence AND confidence IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY doc_hash ORDER BY confidence DESC, seq) = 1)
    """,
    """
    CREATE OR REPLACE VIEW event_dyads AS
    SELECT e.doc_hash, e.id, e.event, e.mode, e.date_start, e.date_end, e.score, a.code AS actor, r.code AS recipient,
           e.confidence, e.incident, e.one_sentence, e.lead
    FROM events e, unnest(e.actor) AS a(code), unnest(e.recipient) AS r(code)
    """,
)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events and measures", _V1_CORE_TABLES),
    Migration(2, "mentions: actor, date and quantity spans of each document", _V2_MENTIONS),
    Migration(3, "event_dyads and measure_dyads views: one row per actor x recipient", _V3_DYAD_VIEWS),
    Migration(4, "events, measures and mentions without primary-key indexes (memory)", _v4_facts_without_keys),
    Migration(5, "confidence of each event and measure; the dyad views carry it", _V5_CONFIDENCE),
    Migration(6, "location of each event and the incident it reports; event_dyads carries the incident",
              _V6_LOCATION_INCIDENT),
    Migration(7, "watch state (sources, items seen) and alerts (saved queries, facts reported)", _V7_WATCH_AND_ALERTS),
    Migration(8, "shared: whether an event's incident has other reports", _V8_SHARED),
    Migration(9, "one_sentence: whether an event's document is one sentence (its default threshold)",
              _V9_ONE_SENTENCE),
    Migration(10, "lead: the most confident event of a one-sentence document (its default threshold)", _V10_LEAD),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
_OWN_TABLES = ("documents", "events", "measures", "mentions")


def _table_names(conn: Connection) -> set[str]:
    rows = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
    return {row[0] for row in rows}


def current_version(conn: Connection) -> int:
    """The schema version of an open store: 0 for an empty database."""
    tables = _table_names(conn)
    if "schema_migrations" not in tables:
        if tables & set(_OWN_TABLES):
            raise StoreError(
                "the database has diplograph tables but no schema_migrations table; not a diplograph store"
            )
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchall()[0]
    return int(row[0] or 0)


def pending(version: int, target: int = SCHEMA_VERSION) -> list[Migration]:
    """The steps that take a store from `version` to `target`."""
    return [m for m in MIGRATIONS if version < m.version <= target]


def migrate(conn: Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the store up to `target` in one transaction; returns the version it was at before."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store is at schema version {version}, newer than this diplograph supports ({SCHEMA_VERSION}); "
            "upgrade diplograph to open it"
        )
    steps = pending(version, target)
    if steps:
        _apply(conn, steps)
    return version


def _apply(conn: Connection, steps: list[Migration]) -> None:
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
        for step in steps:
            step.apply(conn)
            conn.execute("INSERT INTO schema_migrations VALUES (?, CAST(now() AS TIMESTAMP))", [step.version])
        derived.invalidate(conn)  # a migration may rewrite the facts the indexes copy, and give them new row ids
        conn.execute("COMMIT")
    except Exception as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"migration to schema version {steps[-1].version} failed: {exc}") from exc
