"""Extraction in worker processes on one machine, streaming and in order.

    for extraction in parallel_extract(documents, workers=2, batch_size=64):
        ...

Each worker process builds one `Extractor` (the spaCy model loaded once) in its initializer and then extracts
chunks of `batch_size` documents. The caller's iterator is read lazily: at most `max_in_flight` chunks (default
two a worker) are out at any time, so memory stays flat however long the input is, and extractions come back in
input order. `workers=1` runs in this process with no pool at all.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError

if TYPE_CHECKING:
    from diplograph.model import Document, Extraction
    from diplograph.pipeline import Extractor

_EXTRACTOR: Extractor | None = None  # one per worker process, built by _init


def _init(actors_file: Path | None, lexicon_file: Path | None) -> None:
    global _EXTRACTOR
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one core per worker
        os.environ.setdefault(name, "1")
    from diplograph.pipeline import Extractor

    _EXTRACTOR = Extractor(actors_file=actors_file, lexicon_file=lexicon_file)


def _extract_chunk(documents: list[Document]) -> list[Extraction]:
    if _EXTRACTOR is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker extractor not initialised")
    return list(_EXTRACTOR.extract_documents(documents, batch_size=max(1, len(documents))))


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of `size` items (the last may be shorter), reading `items` only as far as needed."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def check_count(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{name}: expected 1 or more, got {value!r}")
    return value


def mp_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where the platform has it (Linux), else 'spawn': never plain fork (spaCy, DuckDB, threads)."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["diplograph.model"])
    return ctx


def parallel_extract(
    documents: Iterable[Document],
    *,
    workers: int,
    batch_size: int = 64,
    max_in_flight: int | None = None,
    actors_file: Path | None = None,
    lexicon_file: Path | None = None,
) -> Iterator[Extraction]:
    """Extract `documents` in `workers` processes, yielding extractions in input order as they are ready.

    At most `max_in_flight` chunks of `batch_size` documents (default `2 * workers`) have been taken from
    `documents` and not yet yielded back. With `workers=1` the documents are extracted in this process.
    """
    check_count("workers", workers)
    check_count("batch_size", batch_size)
    limit = check_count("max_in_flight", max_in_flight) if max_in_flight is not None else 2 * workers
    if workers == 1:
        from diplograph.pipeline import Extractor

        yield from Extractor(actors_file=actors_file, lexicon_file=lexicon_file).extract_documents(
            documents, batch_size=batch_size
        )
        return
    yield from _pooled(documents, workers, batch_size, limit, actors_file, lexicon_file)


class ExtractorPool:
    """`workers` processes, each with one `Extractor`, kept for several runs (the model is loaded once each).

        with ExtractorPool(2) as pool:
            for extraction in pool.extract(documents, batch_size=64):
                ...
    """

    def __init__(
        self, workers: int, *, actors_file: Path | None = None, lexicon_file: Path | None = None
    ) -> None:
        self.workers = check_count("workers", workers)
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp_context(),
            initializer=_init,
            initargs=(actors_file, lexicon_file),
        )

    def warm_up(self) -> None:
        """Start every worker and load its model now (otherwise the first chunks pay for it)."""
        futures = [self._executor.submit(_ready) for _ in range(self.workers * 4)]
        for future in futures:
            future.result()

    def extract(
        self, documents: Iterable[Document], *, batch_size: int = 64, max_in_flight: int | None = None
    ) -> Iterator[Extraction]:
        """Extractions of `documents` in order, at most `max_in_flight` chunks (default 2 a worker) out at once."""
        check_count("batch_size", batch_size)
        limit = check_count("max_in_flight", max_in_flight) if max_in_flight is not None else 2 * self.workers
        pending: deque[Future[list[Extraction]]] = deque()
        try:
            for chunk in chunks(documents, batch_size):
                pending.append(self._executor.submit(_extract_chunk, chunk))
                if len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def pids(self) -> list[int]:
        """The worker processes' ids (for monitoring; empty before the first task)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return sorted(processes)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ready() -> bool:
    return _EXTRACTOR is not None


def _pooled(
    documents: Iterable[Document],
    workers: int,
    batch_size: int,
    limit: int,
    actors_file: Path | None,
    lexicon_file: Path | None,
) -> Iterator[Extraction]:
    with ExtractorPool(workers, actors_file=actors_file, lexicon_file=lexicon_file) as pool:
        yield from pool.extract(documents, batch_size=batch_size, max_in_flight=limit)
