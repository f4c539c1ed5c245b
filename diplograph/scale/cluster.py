"""Extraction on a Dask cluster, written as Parquet partitions (see `diplograph.scale.parquet`).

    result = dask_extract(["corpus.jsonl"], out_dir="out/", scheduler="tcp://scheduler:8786")
    with Store.open("diplograph.duckdb") as store:
        load_parquet(store, "out/")

This process reads the inputs and sends chunks of `batch_size` documents to the workers, at most `max_in_flight`
chunks at a time (default two a worker), so memory stays flat here too. Each worker keeps one `Extractor` per
thread (the model is loaded once) and writes the chunk's part of every table under `out_dir`, which must be
reachable from the workers: a local folder for a LocalCluster, a shared file system on HPC, or an object store
URI (s3://..., gs://...) that pyarrow can write. Without `scheduler`, a LocalCluster of `workers` processes
with one thread each is started and closed again. Needs the optional dependency `dask[distributed]`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.model import Document
from diplograph.scale.pool import check_count, chunks

if TYPE_CHECKING:
    from diplograph.ingest import ReadProblem
    from diplograph.pipeline import Extractor

_LOCAL = threading.local()  # on a worker: {(actors_file, lexicon_file): Extractor}, one set per thread


@dataclass
class DaskResult:
    """What `dask_extract` wrote: counts over all parts (repeated texts within a part counted once)."""

    out_dir: str
    parts: int = 0
    documents: int = 0
    events: int = 0
    measures: int = 0
    mentions: int = 0
    problems: list[str] = field(default_factory=list)  # inputs that could not be read, as "origin: problem"

    def add(self, counts: dict[str, int]) -> None:
        self.parts += 1
        for name in ("documents", "events", "measures", "mentions"):
            setattr(self, name, getattr(self, name) + counts.get(name, 0))


def _worker_extractor(actors_file: str | None, lexicon_file: str | None) -> Extractor:
    from diplograph.pipeline import Extractor

    cache: dict[tuple[str | None, str | None], Extractor] = _LOCAL.__dict__.setdefault("extractors", {})
    key = (actors_file, lexicon_file)
    if key not in cache:
        cache[key] = Extractor(
            actors_file=Path(actors_file) if actors_file else None,
            lexicon_file=Path(lexicon_file) if lexicon_file else None,
        )
    return cache[key]


def extract_part(
    index: int, documents: list[Document], out_dir: str, actors_file: str | None, lexicon_file: str | None
) -> dict[str, int]:
    """The task run on a worker: extract one chunk and write its part of every table; the row counts."""
    from diplograph.scale.parquet import write_part

    extractor = _worker_extractor(actors_file, lexicon_file)
    extractions = extractor.extract_documents(documents, batch_size=max(1, len(documents)))
    return write_part(out_dir, index, extractions)


def _documents(
    source: Iterable[Document | str | Path] | str | Path,
    published: str | None,
    problems: list[str],
    on_problem: Callable[[ReadProblem], None] | None,
) -> Iterable[Document]:
    """Documents as given, or read from paths with `read_sources` (read problems reported, not raised)."""
    from diplograph.ingest import read_sources

    items = [source] if isinstance(source, str | Path) else source
    paths: list[str | Path] = []
    for item in items:
        if isinstance(item, Document):
            if paths:
                yield from _read(read_sources(paths, published=published), problems, on_problem)
                paths = []
            yield item
        else:
            paths.append(item)
    if paths:
        yield from _read(read_sources(paths, published=published), problems, on_problem)


def _read(
    items: Iterable[Document | ReadProblem], problems: list[str], on_problem: Callable[[ReadProblem], None] | None
) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Document):
            yield item
            continue
        problems.append(str(item))
        if on_problem is not None:
            on_problem(item)


def dask_extract(
    paths_or_documents: Iterable[Document | str | Path] | str | Path,
    *,
    out_dir: str | Path,
    scheduler: str | Any | None = None,
    workers: int = 2,
    batch_size: int = 64,
    max_in_flight: int | None = None,
    published: str | None = None,
    actors_file: Path | None = None,
    lexicon_file: Path | None = None,
    on_problem: Callable[[ReadProblem], None] | None = None,
) -> DaskResult:
    """Extract documents (or the documents in files, folders, corpus JSONL) on Dask; Parquet parts in `out_dir`.

    `scheduler` is a scheduler address ("tcp://host:8786"), a `distributed.Client`, or None for a LocalCluster
    of `workers` single-threaded processes. Part N holds the N-th chunk of `batch_size` documents.
    """
    check_count("workers", workers)
    check_count("batch_size", batch_size)
    from distributed import Client, LocalCluster

    result = DaskResult(out_dir=str(out_dir))
    documents = _documents(paths_or_documents, published, result.problems, on_problem)
    if isinstance(scheduler, Client):
        _run(scheduler, documents, result, batch_size, max_in_flight, actors_file, lexicon_file)
        return result
    if scheduler is not None:
        with Client(scheduler) as client:
            _run(client, documents, result, batch_size, max_in_flight, actors_file, lexicon_file)
        return result
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        _run(client, documents, result, batch_size, max_in_flight, actors_file, lexicon_file)
    return result


def _run(
    client: Any,
    documents: Iterable[Document],
    result: DaskResult,
    batch_size: int,
    max_in_flight: int | None,
    actors_file: Path | None,
    lexicon_file: Path | None,
) -> None:
    import uuid

    from distributed import wait

    threads = sum(client.nthreads().values()) or 1
    limit = check_count("max_in_flight", max_in_flight) if max_in_flight is not None else 2 * threads
    out = _absolute(result.out_dir)
    result.out_dir = out
    actors = str(Path(actors_file).resolve()) if actors_file else None
    lexicon = str(Path(lexicon_file).resolve()) if lexicon_file else None
    run = uuid.uuid4().hex[:8]
    pending: set[Any] = set()

    def collect(done: Iterable[Any]) -> None:
        for future in done:
            result.add(future.result())  # re-raises a worker's error here

    try:
        for index, chunk in enumerate(chunks(documents, batch_size)):
            key = f"diplograph-extract-{run}-{index}"
            pending.add(client.submit(extract_part, index, chunk, out, actors, lexicon, key=key, pure=False))
            if len(pending) >= limit:
                finished = wait(pending, return_when="FIRST_COMPLETED")
                collect(finished.done)
                pending = set(finished.not_done)
        collect(wait(pending).done)
        pending = set()
    finally:
        for future in pending:
            future.cancel()


def _absolute(out_dir: str) -> str:
    return out_dir if "://" in out_dir else str(Path(out_dir).resolve())
