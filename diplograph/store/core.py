"""The Store: open (and migrate) a DuckDB file, add extractions in atomic batches, query facts back."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb

from diplograph import config
from diplograph.errors import ConfigError, StoreError
from diplograph.model import DateRef, Document, Event, Extraction, Measure, Mention, Quantity
from diplograph.query.frames import Records, SqlResult
from diplograph.store import brief_index, convert, derived, dyad_index, links, migrations
from diplograph.store.query import (
    EVENT_COLUMNS,
    MEASURE_COLUMNS,
    DateLike,
    Near,
    Where,
    add_date_range,
    fact_filters,
    page,
    sql_string,
)

T = TypeVar("T")

MEMORY = ":memory:"
# The order `Store.optimize` and `load_parquet` store facts in: by date, undated last, then by document.
FACT_ORDER = {"events": "date_start NULLS LAST, doc_hash, seq", "measures": "period_start NULLS LAST, doc_hash, seq"}
# 10M events sort in the same 20 s under this cap as without one (which peaked at 5.3 GiB).
OPTIMIZE_MEMORY_MIB = 1024
CATALOG = "store"  # the name the store's file is attached under
# Rows per row group (DuckDB's default is 122,880). DuckDB skips a row group whose min/max cannot match a filter or
# beat the rows an ORDER BY ... LIMIT already holds, so smaller groups let a page of events read a few thousand
# rows instead of a hundred thousand (docs/scale.md). The size applies to the groups written while the file is
# attached with it, so every open sets it.
ROW_GROUP_ROWS = 16_384
MIN_MEMORY_MIB = 16  # below this a batch's commit may not fit, and an out-of-memory commit invalidates DuckDB
TABLES = ("documents", "events", "measures", "mentions")  # insert order: a document before its facts

_EVENT_ORDER = "date_start NULLS LAST, doc_id, doc_hash, evidence[1].start NULLS FIRST, seq"
_MEASURE_ORDER = "period_start NULLS LAST, doc_id, doc_hash, evidence[1].start NULLS FIRST, seq"
_DOCUMENT_ORDER = "published NULLS LAST, id, hash"


@dataclass(frozen=True)
class AddResult:
    """What one `Store.add` call wrote."""

    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    measures_added: int = 0

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(
            self.documents_added + other.documents_added,
            self.documents_skipped + other.documents_skipped,
            self.events_added + other.events_added,
            self.measures_added + other.measures_added,
        )


def arrow_schema(table: str) -> Any:
    """The Arrow layout of a batch for `table`, column for column as migrations create it."""
    import pyarrow as pa

    text, day, int32, codes = pa.string(), pa.date32(), pa.int32(), pa.list_(pa.string())
    evidence = pa.list_(pa.struct([("start", int32), ("end", int32), ("text", text)]))
    location = pa.struct([
        ("name", text), ("place", text), ("admin1", text), ("country", text), ("lat", pa.float64()),
        ("lon", pa.float64()), ("kind", text), ("method", text), ("start", int32), ("end", int32), ("text", text),
    ])  # fmt: skip
    facts = [("doc_hash", text), ("id", text), ("seq", int32), ("doc_id", text)]
    layouts: dict[str, list[tuple[str, Any]]] = {
        "documents": [
            *[(name, text) for name in ("hash", "id", "text")],
            ("published", day),
            *[(name, text) for name in ("published_text", "title", "url", "source", "origin")],
            ("ingested_at", pa.timestamp("us")),
        ],
        "events": [
            *facts, ("event", text), ("mode", text), ("context", codes), ("aux", text), ("actor", codes),
            ("recipient", codes), ("date", text), ("date_start", day), ("date_end", day), ("date_source", text),
            ("rule", text), ("score", pa.float64()), ("evidence", evidence), ("detail", text),
            ("confidence", pa.float64()), ("location", location), ("incident", text), ("shared", pa.bool_()),
            ("one_sentence", pa.bool_()), ("lead", pa.bool_()),
        ],
        "measures": [
            *facts, ("measure", text), ("actor", codes), ("recipient", codes), ("value", pa.float64()),
            ("unit", text), ("period", text), ("period_start", day), ("period_end", day),
            ("change_pct", pa.float64()), ("commodity", text), ("per", text), ("qualifier", text), ("rule", text),
            ("evidence", evidence), ("confidence", pa.float64()),
        ],
        "mentions": [
            ("doc_hash", text), ("kind", text), ("seq", int32), ("start", int32), ("end", int32), ("text", text),
            ("payload", text),
        ],
    }  # fmt: skip
    return pa.schema(layouts[table])


def insert_rows(conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]],
                columns: list[str] | None = None) -> None:
    """Insert rows into `table` in one statement, through an Arrow table (never row by row); `columns` limits the
    layout to those columns (a table of an earlier schema version)."""
    if not rows:
        return
    import pyarrow as pa

    schema = arrow_schema(table)
    if columns is not None:
        schema = pa.schema([schema.field(name) for name in columns])
    view = f"_diplograph_batch_{table}"
    conn.register(view, pa.Table.from_pylist(rows, schema=schema))
    listed = ", ".join(f'"{name}"' for name in schema.names)
    try:
        conn.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {view}")
    except duckdb.Error:
        # In an aborted transaction unregister fails too and would hide the real error; the next batch's
        # register replaces the view.
        with suppress(duckdb.Error):
            conn.unregister(view)
        raise
    conn.unregister(view)


def memory_mib_ok(mib: object) -> bool:
    """A memory cap `Store.memory_cap` takes: None or 0 (no cap), or MIN_MEMORY_MIB MiB or more."""
    if mib is None:
        return True
    return isinstance(mib, int) and not isinstance(mib, bool) and (mib == 0 or mib >= MIN_MEMORY_MIB)


def _check_memory_mib(mib: int | None) -> None:
    if not memory_mib_ok(mib):
        raise ConfigError(f"memory_mib: expected 0 (no cap) or {MIN_MEMORY_MIB} or more, got {mib!r}")


def grown_cap(cap_mib: int, index_bytes: int) -> int:
    """The memory cap doubled until the key index (which DuckDB keeps whole in memory) fills at most half of it."""
    while index_bytes > cap_mib * 2**20 // 2:
        cap_mib *= 2
    return cap_mib


def _chunks(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _check_ids(rows: list[dict[str, Any]], kind: str) -> None:
    """Two facts of one document with the same id would break the key: say which, before writing anything."""
    seen: set[tuple[str, str]] = set()
    for row in rows:
        key = (row["doc_hash"], row["id"])
        if key in seen:
            raise StoreError(f"document {row['doc_id']!r} has two {kind} with the id {row['id']!r}; ids must differ")
        seen.add(key)


def resolve_path(path: str | Path | None) -> str:
    """':memory:' as is, else the file `config.db_path` chooses."""
    if path is not None and str(path) == MEMORY:
        return MEMORY
    return str(config.db_path(path))


def open_connection(target: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the store file `target` (attached with the store's row-group size), or in memory."""
    if target == MEMORY:
        return duckdb.connect(MEMORY)
    if read_only and not Path(target).exists():
        raise StoreError(f"{target}: no store there (a read-only open does not create one)")
    if not read_only:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(MEMORY)
    options = f"ROW_GROUP_SIZE {ROW_GROUP_ROWS}" + (", READ_ONLY" if read_only else "")
    try:
        conn.execute(f"ATTACH {sql_string(target)} AS {CATALOG} ({options})")
        conn.execute(f"USE {CATALOG}")
        conn.execute("SET enable_progress_bar = false")  # DuckDB would draw one on stdout for long queries
    except duckdb.Error as exc:
        conn.close()
        raise StoreError(_open_problem(target, exc)) from exc
    except OSError as exc:
        conn.close()
        raise StoreError(f"{target}: cannot open: {exc}") from exc
    return conn


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _open_problem(target: str, exc: Exception) -> str:
    """DuckDB's open error in plain words: a store locked by another process, a full disk, or a file that is not one.

    DuckDB lets one process write a file (or several read it); a second process gets a lock error, which says
    which process holds the store and what to do.
    """
    message = str(exc)
    if "Could not set lock" in message:
        holder = _LOCK_HOLDER.search(message)
        who = f" (PID {holder['pid']}, {Path(holder['program']).name})" if holder else ""
        return (
            f"the store {target} is in use by another process{who}: one process may write a store at a time, "
            "and none may read it meanwhile; wait for that process to finish (e.g. an ingest, or `diplograph serve`) "
            "and try again"
        )
    if "Unique file handle conflict" in message:
        return (
            f"the store {target} is already open in this process: use that Store (or its cursor() for another "
            "thread) instead of opening it again"
        )
    if "No space left on device" in message or "File too large" in message:
        return f"{target}: cannot open: the disk is full ({message})"
    return f"{target}: cannot open as a DuckDB store: {message}"


def _prepare_schema(conn: duckdb.DuckDBPyConnection, target: str, read_only: bool) -> None:
    """Migrate a writable store; check that a read-only one needs no migration."""
    try:
        if not read_only:
            migrations.migrate(conn)
            return
        version = migrations.current_version(conn)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot read the schema: {exc}") from exc
    except StoreError as exc:
        raise StoreError(f"{target}: {exc}") from exc
    if version != migrations.SCHEMA_VERSION:
        newer = version > migrations.SCHEMA_VERSION
        hint = "upgrade diplograph to read it" if newer else "open it once without read_only to migrate it"
        raise StoreError(
            f"{target}: store schema version {version}, this diplograph needs {migrations.SCHEMA_VERSION}; {hint}"
        )


class Store:
    """A diplograph store in one DuckDB file. See the `diplograph.store` docstring for the schema."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, *, read_only: bool = False) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = conn
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()  # one DuckDB connection is not safe to use from two threads at once
        self._cap_mib: int | None = None  # DuckDB's memory cap while a `memory_cap` block is open

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open the store at `path` (None: config.db_path()), creating and migrating it unless read_only."""
        target = resolve_path(path)
        conn = open_connection(target, read_only)
        try:
            _prepare_schema(conn, target, read_only)
        except BaseException:
            conn.close()
            raise
        return cls(conn, target, read_only=read_only)

    # --- lifecycle ---------------------------------------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for analytics queries (finish each result before the next query)."""
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """Another connection to this store (for another thread, or temporary tables of its own)."""
        cursor = self.connection.cursor()
        if self.path != MEMORY:
            cursor.execute(f"USE {CATALOG}")  # a new connection starts in DuckDB's default (in-memory) database
        return cursor

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only" if self.read_only else ""
        return f"Store({self.path!r}{mode})"

    def stamp(self) -> tuple[object, ...] | None:
        """A value that changes whenever the stored data may have: the store file's and its write-ahead log's size
        and modification time (DuckDB appends every commit to the log and folds the log into the file at a
        checkpoint), whichever process wrote. For results worth keeping while the store does not change (the
        state network of every brief); None for an in-memory store, whose results are not kept."""
        if self.path == MEMORY:
            return None
        parts: list[object] = [os.path.realpath(self.path)]
        for name in (self.path, self.path + ".wal"):
            try:
                info = os.stat(name)
            except FileNotFoundError:
                parts.append(None)
                continue
            parts.append((info.st_size, info.st_mtime_ns))
        return tuple(parts)

    # --- writing -----------------------------------------------------------------------------------------------

    def add(
        self, extractions: Iterable[Extraction], *, batch_size: int = 64, memory_mib: int | None = None
    ) -> AddResult:
        """Store extractions whose documents are new, `batch_size` documents per transaction.

        `memory_mib` caps DuckDB's memory while adding (`memory_cap`); inside a `memory_cap` block the block's
        cap holds.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store was opened read-only")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"batch_size: expected 1 or more, got {batch_size!r}")
        total = AddResult()
        with self.memory_cap(memory_mib):
            for batch in _chunks(extractions, batch_size):
                self._grow_cap()
                total += self._add_batch(batch)
        return total

    @contextmanager
    def memory_cap(self, mib: int | None) -> Iterator[None]:
        """While open, DuckDB's memory is capped at `mib` MiB (16 or more; 0 or None: no cap), so that a long
        ingest or import does not keep every block it wrote cached. Every `add` inside raises the cap (doubling
        it) whenever the documents' key index, which DuckDB cannot evict, fills half of it. At the end the
        write-ahead log is checkpointed under the cap and the previous limit comes back."""
        _check_memory_mib(mib)
        if not mib or self._cap_mib is not None:  # no cap asked, or an outer block's cap holds
            yield
            return
        with self._lock:
            previous = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
            self.connection.execute(f"SET memory_limit = '{int(mib)}MiB'")
            self._cap_mib = mib
        try:
            yield
            if not self.read_only:
                self._checkpoint_under_cap()
        finally:
            with self._lock:
                self._cap_mib = None
                self._restore_memory_limit(str(previous[0]) if previous else None)

    def _checkpoint_under_cap(self) -> None:
        with self._lock:  # write the WAL out under the cap too, not later at close without it
            try:
                self.connection.execute("CHECKPOINT")
            except duckdb.Error as exc:
                raise StoreError(
                    f"{self.path}: the new documents are committed (in the write-ahead log) but the "
                    f"checkpoint after them failed: {exc}"
                ) from exc

    def _restore_memory_limit(self, previous: str | None) -> None:
        # The setting reads back rounded ('18.8 GiB'): RESET gives the exact default, which it usually was.
        self.connection.execute("RESET memory_limit")
        now = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        if previous is not None and (now is None or now[0] != previous):
            self.connection.execute(f"SET memory_limit = '{previous}'")

    def _grow_cap(self) -> None:
        # Raise the cap before it is needed: running out of memory inside a commit invalidates the database.
        if self._cap_mib is None:
            return
        with self._lock:
            row = self.connection.execute(
                "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'ART_INDEX'"
            ).fetchone()
            grown = grown_cap(self._cap_mib, int(row[0]) if row else 0)
            if grown != self._cap_mib:
                self._cap_mib = grown
                self.connection.execute(f"SET memory_limit = '{grown}MiB'")

    def _add_batch(self, batch: list[Extraction]) -> AddResult:
        with self._lock:
            conn = self.connection
            conn.execute("BEGIN TRANSACTION")
            try:
                result = self._write_new(conn, batch)
                conn.execute("COMMIT")
            except BaseException as exc:
                _rollback(conn)
                if isinstance(exc, StoreError):
                    raise
                if isinstance(exc, Exception):
                    first = batch[0].document.id
                    raise StoreError(
                        f"{self.path}: could not store a batch of {len(batch)} documents (first {first!r}); "
                        f"nothing of it was written: {exc}"
                    ) from exc
                raise
            return result

    def _write_new(self, conn: duckdb.DuckDBPyConnection, batch: list[Extraction]) -> AddResult:
        """Inside a transaction: insert the documents of `batch` not stored yet, with all their facts."""
        fresh = self._new_only(conn, batch)
        if fresh:  # new events (and incidents that gain reports): the derived indexes no longer hold them
            derived.invalidate(conn)
        rows = convert.batch_rows(fresh, datetime.now(UTC).replace(tzinfo=None))
        _check_ids(rows["events"], "events")
        _check_ids(rows["measures"], "measures")
        links.link_rows(conn, rows["events"], {d["hash"]: d for d in rows["documents"]})
        for table in TABLES:
            insert_rows(conn, table, rows[table])
        return AddResult(len(fresh), len(batch) - len(fresh), len(rows["events"]), len(rows["measures"]))

    def _new_only(self, conn: duckdb.DuckDBPyConnection, batch: list[Extraction]) -> list[Extraction]:
        known = _known(conn, [x.document.hash for x in batch])
        fresh: dict[str, Extraction] = {}
        for extraction in batch:
            digest = extraction.document.hash
            if digest not in known and digest not in fresh:
                fresh[digest] = extraction
        return list(fresh.values())

    def optimize(self, *, memory_mib: int | None = OPTIMIZE_MEMORY_MIB) -> dict[str, Any]:
        """Rewrite the events and measures in date order, in row groups of ROW_GROUP_ROWS rows, build the dyad index
        (diplograph.store.dyad_index) and checkpoint. (`diplograph.report.optimize` then also writes every state's
        brief facts, diplograph.store.brief_index: what `diplograph optimize` runs.)

        Facts are stored in the order their documents arrive, which for news is close to date order. Pages of
        facts in date order read only the row groups that can hold them, so after ingesting out of date order
        (an archive, a backfill) this makes them fast again; `load_parquet` stores facts in date order already.
        DuckDB sorts under a cap of `memory_mib` MiB (spilling to disk beyond it; None or 0: DuckDB's own limit,
        most of the machine's memory); the index is built under DuckDB's own limit. Returns the facts
        rewritten and the seconds taken.
        """
        import time

        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        began = time.perf_counter()
        with self.memory_cap(memory_mib), self._lock:
            conn = self.connection

            def rewrite() -> None:
                derived.invalidate(conn)  # the rewrite gives the facts new row ids; the dyad index is built below
                for table, order in FACT_ORDER.items():
                    migrations.rebuild_table(conn, table, order)
                # The indexes group, rank and sort in ways DuckDB cannot always spill to disk: under the sort's cap
                # the dyad index of 10M events ran out of memory. They are built under DuckDB's own limit.
                conn.execute("RESET memory_limit")
                dyad_index.build(conn)

            self.transaction(rewrite, "optimize failed, the store is unchanged")
            conn.execute("CHECKPOINT")
        counts = self.stats()
        return {"events": counts["events"], "measures": counts["measures"],
                "seconds": round(time.perf_counter() - began, 2)}  # fmt: skip

    def transaction(self, work: Callable[[], T], failed: str) -> T:
        """`work()` in a transaction of its own on the store's connection, holding the store: committed, or
        rolled back and, for a DuckDB error, raised as a StoreError that starts with `failed`."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        conn = self.connection
        with self._lock:
            try:
                conn.execute("BEGIN TRANSACTION")
                result = work()
                conn.execute("COMMIT")
            except BaseException as exc:
                with suppress(duckdb.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, duckdb.Error):
                    raise StoreError(f"{self.path}: {failed}: {exc}") from exc
                raise
            return result

    # --- reading -----------------------------------------------------------------------------------------------

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self._lock:
            try:
                cursor = self.connection.execute(sql, params or [])
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed: {exc}") from exc

    def sql(self, query: str, params: Iterable[Any] = ()) -> SqlResult:
        """Run one read-only SQL query (a SELECT or WITH ... SELECT) over the store's tables and views
        (docs/store.md) with `?` parameters; the result is read in full (`.rows()`, `.to_arrow()`,
        `.to_pandas()`, `.to_polars()`). Anything that could change the store is refused before it runs."""
        statements = _statements(query)
        if len(statements) != 1:
            raise ConfigError(f"sql: expected one query, got {len(statements)} statements")
        if statements[0].type != duckdb.StatementType.SELECT:
            raise ConfigError(f"sql: only queries that read (SELECT, WITH ... SELECT) are run here, not "
                              f"{statements[0].type.name}")
        with self._lock:
            try:
                return SqlResult(self.cursor().sql(query, params=list(params)).to_arrow_table())
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed: {exc}") from exc

    def has_document(self, content_hash: str) -> bool:
        return bool(self.known_hashes([content_hash]))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        with self._lock:
            return _known(self.connection, list(hashes))

    def documents(
        self, *, limit: int | None = None, offset: int = 0, since: DateLike = None, until: DateLike = None
    ) -> Records[Document]:
        """Stored documents, by publication date; since/until filter on it (undated ones drop out). A list that
        also converts to a table (`.to_arrow()`, `.to_pandas()`, `.to_polars()`)."""
        where = Where()
        add_date_range(where, "published", "published", since, until)
        paging, paging_params = page(limit, offset)
        sql = f"SELECT * FROM documents {where.sql()} ORDER BY {_DOCUMENT_ORDER} {paging}"
        return Records((convert.document_from_row(r) for r in self._rows(sql, [*where.params, *paging_params])),
                       Document)

    def document(self, doc_id_or_hash: str) -> Document | None:
        """A document by content hash, else the first ingested with that id."""
        digest = self._resolve(doc_id_or_hash)
        if digest is None:
            return None
        rows = self._rows("SELECT * FROM documents WHERE hash = ?", [digest])
        return convert.document_from_row(rows[0])

    def _resolve(self, doc_id_or_hash: str) -> str | None:
        """The hash of the document `document()` would return."""
        rows = self._rows(
            "SELECT hash FROM documents WHERE hash = ? OR id = ? ORDER BY (hash = ?) DESC, ingested_at, hash LIMIT 1",
            [doc_id_or_hash, doc_id_or_hash, doc_id_or_hash],
        )
        return rows[0]["hash"] if rows else None

    def events(
        self,
        *,
        state: str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        dyad: tuple[str, str] | None = None,
        event_type: str | Iterable[str] | None = None,
        since: DateLike = None,
        until: DateLike = None,
        text: str | None = None,
        doc: str | None = None,
        min_confidence: float | None = None,
        country: str | None = None,
        near: Near | str | None = None,
        incident: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Records[Event]:
        """Events matching every given filter, ordered by date, document and position of the evidence.
        `min_confidence`: None keeps those at the default threshold or above, 0 every candidate. `country`: where
        the event happened (its location's state); `near`: a Near or 'LAT,LON,KM'; `incident`: the reports of one
        incident. A list that also converts to a table (`.to_arrow()`, `.to_pandas()`, `.to_polars()`)."""
        where = fact_filters(
            EVENT_COLUMNS, state=state, actor=actor, recipient=recipient, dyad=dyad, types=event_type,
            since=since, until=until, text=text, doc=doc, min_confidence=min_confidence, country=country,
            near=Near.parse(near) if isinstance(near, str) else near, incident=incident,
        )  # fmt: skip
        rows = self._page("events", where, _EVENT_ORDER, limit, offset)
        return Records((convert.event_from_row(r) for r in rows), Event)

    def measures(
        self,
        *,
        state: str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        dyad: tuple[str, str] | None = None,
        measure: str | Iterable[str] | None = None,
        since: DateLike = None,
        until: DateLike = None,
        text: str | None = None,
        doc: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Records[Measure]:
        """Measures matching every given filter; since/until overlap the measure's period.
        `min_confidence`: None keeps those at the default threshold or above, 0 every candidate. A list that also
        converts to a table (`.to_arrow()`, `.to_pandas()`, `.to_polars()`)."""
        where = fact_filters(
            MEASURE_COLUMNS, state=state, actor=actor, recipient=recipient, dyad=dyad, types=measure,
            since=since, until=until, text=text, doc=doc, min_confidence=min_confidence,
        )  # fmt: skip
        rows = self._page("measures", where, _MEASURE_ORDER, limit, offset)
        return Records((convert.measure_from_row(r) for r in rows), Measure)

    def _page(self, table: str, where: Where, order: str, limit: int | None, offset: int) -> list[dict[str, Any]]:
        paging, paging_params = page(limit, offset)
        sql = f"SELECT * FROM {table} {where.sql()} ORDER BY {order} {paging}"
        return self._rows(sql, [*where.params, *paging_params])

    def _annotations(self, doc: str, kind: str) -> list[Mention | DateRef | Quantity]:
        digest = self._resolve(doc)
        if digest is None:
            return []
        rows = self._rows("SELECT * FROM mentions WHERE doc_hash = ? AND kind = ? ORDER BY seq", [digest, kind])
        return [convert.mention_from_row(r) for r in rows]

    def mentions(self, doc: str) -> list[Mention]:
        """The actor mentions of a document (by id or hash), in extraction order."""
        return [m for m in self._annotations(doc, "actor") if isinstance(m, Mention)]

    def dates(self, doc: str) -> list[DateRef]:
        """The time expressions of a document, in extraction order."""
        return [d for d in self._annotations(doc, "date") if isinstance(d, DateRef)]

    def quantities(self, doc: str) -> list[Quantity]:
        """The quantities found in a document, in extraction order."""
        return [q for q in self._annotations(doc, "quantity") if isinstance(q, Quantity)]

    def extraction(self, doc: str) -> Extraction | None:
        """Everything stored about one document, as an Extraction (sentences are not stored)."""
        digest = self._resolve(doc)
        if digest is None:
            return None
        events = self._rows("SELECT * FROM events WHERE doc_hash = ? ORDER BY seq", [digest])
        measures = self._rows("SELECT * FROM measures WHERE doc_hash = ? ORDER BY seq", [digest])
        return Extraction(
            document=convert.document_from_row(self._rows("SELECT * FROM documents WHERE hash = ?", [digest])[0]),
            events=tuple(convert.event_from_row(r) for r in events),
            measures=tuple(convert.measure_from_row(r) for r in measures),
            mentions=tuple(self.mentions(digest)),
            dates=tuple(self.dates(digest)),
            quantities=tuple(self.quantities(digest)),
            sentence_count=1 if any(r.get("one_sentence") for r in events) else None,
        )

    def relink(self) -> int:
        """Recompute the incident of every stored event (diplograph.incidents), in ingestion order, in one
        transaction; returns how many events changed incident."""
        with self._lock:
            conn = self.connection
            conn.execute("BEGIN TRANSACTION")
            try:
                derived.invalidate(conn)
                changed = links.relink(conn)
                conn.execute("COMMIT")
            except Exception as exc:
                _rollback(conn)
                raise StoreError(f"{self.path}: relinking incidents failed; nothing was changed: {exc}") from exc
            return changed

    def stats(self) -> dict[str, Any]:
        """Counts of documents, events and measures (every stored candidate, and those the default threshold
        shows), mentions, the schema version, the span of event dates, and whether the dyad index and the brief
        index are current (built and nothing written since: else `diplograph optimize` builds them)."""
        from diplograph.store.query import confidence_sql

        shown_events, shown_measures = confidence_sql(None), confidence_sql(None, kind="measure")
        row = self._rows(
            f"""
            SELECT (SELECT count(*) FROM documents) AS documents,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM events WHERE {shown_events}) AS events_shown,
                   (SELECT count(DISTINCT incident) FROM events WHERE {shown_events}) AS incidents_shown,
                   (SELECT count(location) FROM events WHERE {shown_events}) AS events_located,
                   (SELECT count(*) FROM measures) AS measures,
                   (SELECT count(*) FROM measures WHERE {shown_measures}) AS measures_shown,
                   (SELECT count(*) FROM mentions) AS mentions,
                   (SELECT max(version) FROM schema_migrations) AS schema_version,
                   (SELECT min(date_start) FROM events) AS first_date,
                   (SELECT max(date_end) FROM events) AS last_date
            """
        )[0]
        for key in ("first_date", "last_date"):
            row[key] = row[key].isoformat() if row[key] else None
        with self._lock:  # whether the read side's indexes are current (`diplograph optimize` builds them)
            row["dyad_index_fresh"] = dyad_index.fresh(self.connection)
            row["brief_index_fresh"] = brief_index.fresh(self.connection)
        return {**row, "path": self.path}


def _known(conn: duckdb.DuckDBPyConnection, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    cursor = conn.execute("SELECT hash FROM documents WHERE hash IN (SELECT unnest(?::VARCHAR[]))", [hashes])
    return {row[0] for row in cursor.fetchall()}


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; a failure to do so must not hide the error that caused it."""
    try:
        conn.execute("ROLLBACK")
    except duckdb.Error:
        pass


def _statements(query: str) -> list[Any]:
    """The statements of a SQL text, parsed by DuckDB without running them."""
    try:
        return list(duckdb.extract_statements(query))
    except duckdb.Error as exc:
        raise ConfigError(f"sql: not a query DuckDB can read: {exc}") from exc
