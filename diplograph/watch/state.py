"""What the watcher keeps in the store, and the one place it writes: documents, items seen, each source's state.

Two tables of the store (schema 7, diplograph/store/migrations.py) hold the watcher's memory, so that a restarted
watcher (a new process on the same store) fetches nothing twice:

- `watch_sources`: one row a source: its HTTP validators (ETag, Last-Modified) for conditional GETs, when it was
  last fetched and last worked, when it is due again (the interval, or the backoff after failures), and counts;
- `watch_items`: one row for every item a source has listed and the watcher has dealt with (stored its documents,
  or found it unreadable), with the hash of the document it gave.

A `Ledger` is where a watcher reads that state and writes documents and state. `StoreLedger` writes to a Store it
is given (the `watch` command, which owns the store); `HubLedger` writes through the web server's one writer thread
(`Hub.submit` for documents, `Hub.write` for the rest), so that `serve --watch` has a single writer.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

import duckdb

from diplograph.errors import StoreError
from diplograph.guard import DEFAULT_MAX_CHARS, DEFAULT_SECONDS, extract_with_limits, too_long
from diplograph.ingest import ReadProblem
from diplograph.model import Document
from diplograph.store import Store

if TYPE_CHECKING:
    from diplograph.pipeline import Extractor
    from diplograph.web.hub import Hub

EXTRACT_BATCH = 8  # documents parsed together; each is stored on its own, so a stop lands between documents
TIMES = ("last_fetch", "last_ok", "next_due")


def utc_now() -> datetime:
    """Now in UTC, without a time zone (the store's TIMESTAMP columns are UTC)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def stderr_line(line: str) -> None:
    """The default log of the watcher and the alerts: one line on standard error, at once."""
    print(line, file=sys.stderr, flush=True)


@dataclass
class SourceState:
    """A row of watch_sources: one source's validators, schedule and health."""

    source: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: datetime | None = None
    last_ok: datetime | None = None
    next_due: datetime | None = None
    failures: int = 0
    items_seen: int = 0
    documents_added: int = 0
    errors: int = 0
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As JSON takes it: times in UTC, ISO 8601 with a Z."""
        found = asdict(self)
        for name in TIMES:
            value = found[name]
            found[name] = value.isoformat() + "Z" if value is not None else None
        return found


@dataclass(frozen=True)
class Stored:
    """What storing one item's documents did. `added`: hashes of documents new to the store; `problems`: its
    documents that could not be extracted (its own); `complete`: False when it stopped part-way (a stop, or the
    writer failed), and then the item is not recorded, so the next round reads it again."""

    added: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    complete: bool = True


class Ledger(Protocol):
    """Where a watcher reads its state and writes documents and state (see the module docstring)."""

    def states(self) -> dict[str, SourceState]: ...

    def seen(self, source: str, items: Sequence[str]) -> set[str]: ...

    def store_item(self, source: str, item: str, documents: Sequence[Document], stop: threading.Event) -> Stored: ...

    def save(self, state: SourceState) -> None: ...


# --- the SQL, on a connection of the store ----------------------------------------------------------------------

_COLUMNS = tuple(SourceState.__dataclass_fields__)


def load_states(conn: duckdb.DuckDBPyConnection) -> dict[str, SourceState]:
    cursor = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources ORDER BY source")
    return {row[0]: SourceState(*row) for row in cursor.fetchall()}


def save_state(conn: duckdb.DuckDBPyConnection, state: SourceState) -> None:
    values = [getattr(state, name) for name in _COLUMNS]
    marks = ", ".join("?" * len(values))
    conn.execute(f"INSERT OR REPLACE INTO watch_sources ({', '.join(_COLUMNS)}) VALUES ({marks})", values)


def seen_items(conn: duckdb.DuckDBPyConnection, source: str, items: Sequence[str]) -> set[str]:
    if not items:
        return set()
    cursor = conn.execute(
        "SELECT DISTINCT item FROM watch_items WHERE source = ? AND item IN (SELECT unnest(?::VARCHAR[]))",
        [source, list(items)],
    )
    return {row[0] for row in cursor.fetchall()}


def record_item(conn: duckdb.DuckDBPyConnection, source: str, item: str, doc_hash: str | None) -> None:
    """Remember an item once (the table has no key index: look before adding)."""
    conn.execute(
        "INSERT INTO watch_items SELECT ?, ?, ?, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM watch_items WHERE source = ? AND item = ?)",
        [source, item, utc_now(), doc_hash, source, item],
    )


def watch_states(store: Store) -> list[SourceState]:
    """Every watched source's state, by source (what `diplograph watch --status` shows)."""
    return list(_guarded(store, lambda conn: load_states(conn)).values())


def _guarded(store: Store, work: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
    """Run `work` on the store's connection; a DuckDB error becomes a StoreError naming the store."""
    try:
        return work(store.connection)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: the watcher's state could not be read or written: {exc}") from exc


def _document_hashes(documents: Sequence[Document]) -> list[str]:
    return [document.hash for document in documents]


# --- a store of our own -----------------------------------------------------------------------------------------


class StoreLedger:
    """The watcher's state and documents in a Store this process owns. Documents go through the extractor (loaded
    on first use) with the limits of `ingest` (diplograph.guard), and each is stored in a transaction of its own."""

    def __init__(self, store: Store, extractor: Callable[[], Extractor]) -> None:
        self.store = store
        self._extractor = extractor

    def states(self) -> dict[str, SourceState]:
        found: dict[str, SourceState] = _guarded(self.store, load_states)
        return found

    def seen(self, source: str, items: Sequence[str]) -> set[str]:
        found: set[str] = _guarded(self.store, lambda conn: seen_items(conn, source, items))
        return found

    def store_item(self, source: str, item: str, documents: Sequence[Document], stop: threading.Event) -> Stored:
        added: list[str] = []
        problems: list[str] = []
        first: str | None = None
        if documents:
            outcomes = extract_with_limits(self._extractor(), documents, max_chars=DEFAULT_MAX_CHARS,
                                           seconds=DEFAULT_SECONDS, batch_size=EXTRACT_BATCH)  # fmt: skip
            for handled, outcome in enumerate(outcomes, 1):
                if isinstance(outcome, ReadProblem):
                    problems.append(str(outcome))
                else:
                    first = first or outcome.document.hash
                    if self.store.add([outcome], batch_size=1).documents_added:
                        added.append(outcome.document.hash)
                if stop.is_set() and handled < len(documents):
                    return Stored(tuple(added), tuple(problems), complete=False)
        _guarded(self.store, lambda conn: record_item(conn, source, item, first))
        return Stored(tuple(added), tuple(problems))

    def save(self, state: SourceState) -> None:
        _guarded(self.store, lambda conn: save_state(conn, state))


# --- the web server's writer ------------------------------------------------------------------------------------


class HubLedger:
    """The watcher's state and documents in the web server's store: reads on cursors of their own, documents as
    ingest jobs (`Hub.submit`: extracted and stored by the writer thread, like a POST), state by `Hub.write` on the
    same thread. The server's extractor has no time limit off the main thread; the size limit is applied here."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def states(self) -> dict[str, SourceState]:
        with self.hub.reader() as store:
            found: dict[str, SourceState] = _guarded(store, load_states)
            return found

    def seen(self, source: str, items: Sequence[str]) -> set[str]:
        with self.hub.reader() as store:
            found: set[str] = _guarded(store, lambda conn: seen_items(conn, source, items))
            return found

    def store_item(self, source: str, item: str, documents: Sequence[Document], stop: threading.Event) -> Stored:
        refused = [problem for d in documents if (problem := too_long(d, DEFAULT_MAX_CHARS)) is not None]
        fit = [d for d in documents if too_long(d, DEFAULT_MAX_CHARS) is None]
        problems = tuple(str(problem) for problem in refused)
        added: tuple[str, ...] = ()
        if fit:
            with self.hub.reader() as store:
                known = store.known_hashes(_document_hashes(fit))
            job = self.hub.submit(fit, [])
            job.done.wait()
            if job.status != "done":
                return Stored(problems=(*problems, f"{item}: not stored: {job.error}"), complete=False)
            added = tuple(dict.fromkeys(h for h in _document_hashes(fit) if h not in known))
        first = fit[0].hash if fit else None
        self.hub.write(lambda store: _guarded(store, lambda conn: record_item(conn, source, item, first)))
        return Stored(added, problems)

    def save(self, state: SourceState) -> None:
        self.hub.write(lambda store: _guarded(store, lambda conn: save_state(conn, state)))
