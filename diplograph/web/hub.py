"""The server's hold on the store: one DuckDB database, a cursor per reader, one writer thread for ingests.

DuckDB lets one process write a database file; a second process cannot even open it read-only while the
writer holds it. So the server process owns the file for its whole life:

- `Hub.open` opens ONE DuckDB connection (read-write when writes are enabled, else read-only).
- Every request reads through its own cursor (`Hub.reader()`): `Store.cursor()` is a second connection to
  the same database, usable from its own thread. DuckDB's MVCC gives each query a consistent snapshot, so
  reads never wait for a write and never see half of one.
- Ingest jobs run one at a time on a background thread (`Hub.submit`), through a cursor of their own:
  extraction happens outside any transaction, and `Store.add` commits one transaction per batch of documents.
  Reads go on while a job runs and see each batch once it has committed.
- Other writes of the process (the watcher's state: diplograph.watch) run on that same thread, between jobs
  (`Hub.write`), so the process never has two writers.

Run the server with one uvicorn worker (the default): a second worker process could not open the file.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import duckdb

from diplograph.errors import DiplographError, StoreClosing, StoreError
from diplograph.model import Document
from diplograph.store import Store

INGEST_BATCH = 8  # documents a transaction for posted ingests: small, so readers see progress early
KEEP_JOBS = 200
T = TypeVar("T")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Job:
    """One ingest: the documents posted, and what became of them."""

    id: str
    documents: list[Document] = field(repr=False)
    problems: list[dict[str, str]] = field(default_factory=list)
    status: str = "queued"  # queued | running | done | failed
    submitted: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    measures_added: int = 0
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)  # set when it has finished

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "documents": len(self.documents),
            "document_ids": [d.id for d in self.documents[:100]],
            "problems": self.problems,
            "submitted": self.submitted,
            "started": self.started,
            "finished": self.finished,
            "documents_added": self.documents_added,
            "documents_skipped": self.documents_skipped,
            "events_added": self.events_added,
            "measures_added": self.measures_added,
            "error": self.error,
        }


class _Write(Generic[T]):
    """A write other than an ingest (`Hub.write`): a function of the writer's Store, run on the writer thread."""

    def __init__(self, function: Callable[[Store], T]) -> None:
        self.function = function
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self, writer: Store) -> None:
        try:
            self.result = self.function(writer)
        except BaseException as exc:  # handed to the thread that waits for it
            self.error = exc
        finally:
            self.done.set()

    def fail(self, error: BaseException) -> None:
        self.error = error
        self.done.set()


class Hub:
    """The store of one server process: cursors for readers, a queue and a thread for the writer."""

    def __init__(self, base: Store, *, writable: bool) -> None:
        self._base = base  # never queried itself: only the source of cursors
        self.path = base.path
        self.writable = writable
        self._conn_lock = threading.Lock()  # guards cursor creation and close on the shared connection
        self._closed = False
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._jobs_lock = threading.Lock()
        self._queue: queue.Queue[Job | _Write[Any] | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._worker: threading.Thread | None = None
        self._stopping = threading.Event()
        self._extractor: Any = None
        self.version = 0  # committed write batches: a read cache keys on it (diplograph.web.cache)

    @classmethod
    def open(cls, path: str, *, writable: bool) -> Hub:
        """Open (and, when writable, create and migrate) the store at `path`."""
        store = Store.open(path, read_only=not writable)
        # The server runs many small queries at once, each on its request's thread. DuckDB's worker threads (one
        # a core by default) would split every small query across the cores and spend more CPU coordinating than
        # they save: the load test's 1,240 distinct pages took 12.0 s of CPU that way and 7.0 s on one thread
        # each (docs/web.md). Long queries (briefs) take longer alone, but never hold up the pages (web/cache.py).
        store.connection.execute("SET threads = 1")
        return cls(store, writable=writable)

    # --- reading -----------------------------------------------------------------------------------------------

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._conn_lock:
            if self._closed:
                raise StoreClosing(f"{self.path}: the server is shutting down")
            return self._base.cursor()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store on a cursor of its own, for one request: a consistent snapshot, never blocked by a write."""
        store = Store(self._cursor(), self.path, read_only=True)
        try:
            yield store
        finally:
            store.close()

    # --- writing -----------------------------------------------------------------------------------------------

    def submit(self, documents: list[Document], problems: list[dict[str, str]]) -> Job:
        """Queue documents for extraction and storage; the job runs after those queued before it."""
        if not self.writable:
            raise StoreError(f"{self.path}: the store is open read-only")
        job = Job(id=f"job-{next(self._ids)}-{int(time.time())}", documents=documents, problems=problems)
        with self._jobs_lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].status in ("queued", "running"):
                    break
                del self._jobs[oldest]
            self._start_worker()
        self._queue.put(job)
        return job

    def write(self, function: Callable[[Store], T]) -> T:
        """Run `function(store)` on the writer thread, after the jobs queued before it, and return its result (or
        raise its error). The one way for other parts of the server process to write the store."""
        if not self.writable:
            raise StoreError(f"{self.path}: the store is open read-only")
        task: _Write[T] = _Write(function)
        with self._jobs_lock:  # queued under the lock: `close` either sees it or it is refused
            if self._stopping.is_set():
                raise StoreClosing(f"{self.path}: the server is shutting down")
            self._start_worker()
            self._queue.put(task)
        task.done.wait()
        if task.error is not None:
            raise task.error
        return task.result  # type: ignore[return-value]

    def _start_worker(self) -> None:
        if self._worker is None:  # under _jobs_lock
            self._worker = threading.Thread(target=self._work, name="diplograph-ingest", daemon=True)
            self._worker.start()

    def job(self, job_id: str) -> Job | None:
        with self._jobs_lock:
            return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        with self._jobs_lock:
            return list(self._jobs.values())

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                if isinstance(job, _Write):
                    self._run_write(job)
                else:
                    self._run(job)
            finally:
                self._queue.task_done()

    def _run_write(self, task: _Write[Any]) -> None:
        if self._stopping.is_set():
            task.fail(StoreClosing(f"{self.path}: the server is shutting down"))
            return
        try:
            writer = Store(self._cursor(), self.path)
        except StoreError as exc:
            task.fail(exc)
            return
        try:
            task.run(writer)
        finally:
            writer.close()
        self.version += 1

    def _run(self, job: Job) -> None:
        job.status, job.started = "running", _now()
        try:
            if self._extractor is None:
                from diplograph.pipeline import default_extractor

                self._extractor = default_extractor()
            writer = Store(self._cursor(), self.path)
            try:
                extractions = self._extractor.extract_documents(job.documents, batch_size=INGEST_BATCH)
                for batch in _batches(extractions, INGEST_BATCH):
                    if self._stopping.is_set():
                        raise StoreError("the server stopped before the job finished; post the rest again")
                    result = writer.add(batch, batch_size=INGEST_BATCH)
                    self.version += 1
                    job.documents_added += result.documents_added
                    job.documents_skipped += result.documents_skipped
                    job.events_added += result.events_added
                    job.measures_added += result.measures_added
            finally:
                writer.close()
            job.status = "done"
        except DiplographError as exc:
            job.status, job.error = "failed", str(exc)
        except Exception as exc:  # a bug must not kill the worker: the job says what happened
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        finally:
            job.finished = _now()
            job.done.set()

    def close(self) -> None:
        """Stop the writer after the batch it is writing (the rest of its job fails), then close the database."""
        with self._jobs_lock:  # a write queued from now on is refused (Hub.write)
            self._stopping.set()
        worker = self._worker
        if worker is not None:
            self._queue.put(None)
            worker.join(timeout=30)
        self._fail_queued()
        with self._conn_lock:
            if not self._closed:
                self._closed = True
                self._base.close()

    def _fail_queued(self) -> None:
        """Whatever the writer did not reach fails, so that nobody waits for it for ever."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Write):
                item.fail(StoreClosing(f"{self.path}: the server stopped before this write"))
            elif item is not None:
                item.status, item.error, item.finished = "failed", "the server stopped before the job ran", _now()
                item.done.set()


def _batches(items: Any, size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
