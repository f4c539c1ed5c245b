"""Limits on one document's extraction: a size limit and a time limit, so one bad document never stops a batch.

    from diplograph.guard import extract_with_limits

    for item in extract_with_limits(extractor, documents, max_chars=100_000, seconds=60):
        if isinstance(item, ReadProblem):
            print(f"skipped: {item}")           # one clear line for the document, and the batch goes on
        else:
            store_or_print(item)                # an Extraction, in input order

Why: the parser needs about 1 GB of temporary memory per 100,000 characters and spaCy refuses texts over
`nlp.max_length` (1,000,000) with a ValueError that would end the whole run; a 50 MB single-line JSONL record or a
pathological text must instead become one problem and the rest go on.

- Size: a document of more than `max_chars` characters is refused before it is parsed (nothing of it is held
  beyond the text the reader already made). `max_chars` defaults to `DEFAULT_MAX_CHARS` (100,000 characters,
  about 15,000 words, several times the longest news article; such a text takes about 8 s and 500 MB to parse).
- Time: documents go through the extractor in chunks of `batch_size`; a chunk of n documents may take
  n x `seconds`. A chunk that runs over (or raises) is extracted again one document at a time, each with
  `seconds`, and only the documents that run over (or raise) become problems. So a run takes at most about twice
  its documents x `seconds`, and a good document is never refused because a bad one shared its chunk.
  The timer is SIGALRM (`signal.setitimer`), so it works in the main thread of a Unix process; elsewhere (a web
  server's worker thread, Windows) only the size limit applies, which `time_limit_available()` tells.
- Errors: any other exception while extracting one document (a bug on odd input) becomes a problem naming the
  document and the exception, not a traceback that ends the batch. KeyboardInterrupt and SystemExit still stop.

Problems are `diplograph.ingest.ReadProblem`s, origin = the document's origin (file and line) or id, so the CLI
prints them like every other unreadable input: `skipped: corpus.jsonl:7: document 'x' is 50,000,000 characters,
over the limit of 100,000 (--max-chars)`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError
from diplograph.ingest.base import ReadProblem
from diplograph.model import Document, Extraction

if TYPE_CHECKING:
    from diplograph.pipeline import Extractor

DEFAULT_MAX_CHARS = 100_000
DEFAULT_SECONDS = 60.0
SPACY_MAX_LENGTH = 1_000_000  # spaCy's own limit (nlp.max_length): never let a longer text reach the parser

Outcome = Extraction | ReadProblem


class DocumentTimeout(BaseException):
    """Raised by the timer inside extraction. A BaseException so that no `except Exception` on the way swallows it."""


def time_limit_available() -> bool:
    """Whether the time limit can be enforced here: a Unix process, in its main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this (main) thread after `seconds`; nothing happens when `seconds` is None."""
    if seconds is None or not time_limit_available():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_limits(max_chars: int | None, seconds: float | None) -> tuple[int, float | None]:
    """The limits as given, checked: max_chars 1..1,000,000 (None: the default), seconds > 0 or None (none)."""
    chars = DEFAULT_MAX_CHARS if max_chars is None else max_chars
    if not isinstance(chars, int) or isinstance(chars, bool) or not 1 <= chars <= SPACY_MAX_LENGTH:
        raise ConfigError(f"max_chars: expected 1 to {SPACY_MAX_LENGTH:,} characters, got {max_chars!r}")
    if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds <= 0):
        raise ConfigError(f"seconds: expected a number of seconds over 0, got {seconds!r}")
    return chars, float(seconds) if seconds is not None else None


def _origin(document: Document) -> str:
    return document.origin or document.id


def too_long(document: Document, max_chars: int) -> ReadProblem | None:
    """The problem of a document over the size limit, or None."""
    size = len(document.text)
    if size <= max_chars:
        return None
    return ReadProblem(
        _origin(document),
        f"document {document.id!r} is {size:,} characters, over the limit of {max_chars:,} (--max-chars); "
        "split it or raise the limit",
    )


def _failed(document: Document, exc: BaseException | None, seconds: float | None) -> ReadProblem:
    if exc is None or isinstance(exc, DocumentTimeout):
        return ReadProblem(
            _origin(document),
            f"document {document.id!r}: extraction took longer than {seconds:g} s (--timeout); skipped",
        )
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return ReadProblem(
        _origin(document),
        f"document {document.id!r}: extraction failed ({type(exc).__name__}{': ' + detail if detail else ''})",
    )


def _extract_chunk(extractor: Extractor, chunk: list[Document], seconds: float | None) -> list[Extraction]:
    """All extractions of `chunk`, within len(chunk) x seconds; raises DocumentTimeout or the extractor's error."""
    budget = None if seconds is None else seconds * len(chunk)
    with _deadline(budget):
        return list(extractor.extract_documents(chunk, batch_size=len(chunk)))


def _one_by_one(extractor: Extractor, chunk: list[Document], seconds: float | None) -> Iterator[Outcome]:
    for document in chunk:
        try:
            yield _extract_chunk(extractor, [document], seconds)[0]
        except (DocumentTimeout, Exception) as exc:
            yield _failed(document, exc, seconds)


def extract_with_limits(
    extractor: Extractor,
    documents: Iterable[Document],
    *,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    seconds: float | None = DEFAULT_SECONDS,
    batch_size: int = 64,
) -> Iterator[Outcome]:
    """Extractions of `documents` in order, with a ReadProblem in place of each document refused or failed.

    `max_chars` (None: the default) refuses longer documents before parsing; `seconds` (None: no limit) is the
    time each document may take (see the module docstring). Streams: at most `batch_size` documents are held.
    """
    chars, limit = check_limits(max_chars, seconds)
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ConfigError(f"batch_size: expected 1 or more, got {batch_size!r}")
    iterator = iter(documents)
    while True:
        chunk: list[Document] = []
        refused: dict[int, ReadProblem] = {}  # position in the chunk's input -> problem, to keep input order
        position = 0
        for document in islice(iterator, batch_size):
            problem = too_long(document, chars)
            if problem is not None:
                refused[position] = problem
            else:
                chunk.append(document)
            position += 1
        if position == 0:
            return
        yield from _in_order(_chunk_outcomes(extractor, chunk, limit), refused, position)


def _chunk_outcomes(extractor: Extractor, chunk: list[Document], seconds: float | None) -> Iterator[Outcome]:
    if not chunk:
        return
    try:
        extracted = _extract_chunk(extractor, chunk, seconds)
    except (DocumentTimeout, Exception):
        yield from _one_by_one(extractor, chunk, seconds)
        return
    yield from extracted


def _in_order(outcomes: Iterator[Outcome], refused: dict[int, ReadProblem], total: int) -> Iterator[Outcome]:
    """Merge the refused documents' problems back in at their input positions."""
    for position in range(total):
        if position in refused:
            yield refused[position]
        else:
            yield next(outcomes)


def extractions_only(outcomes: Iterable[Outcome], on_problem: Callable[[ReadProblem], None]) -> Iterator[Extraction]:
    """The extractions of `extract_with_limits`, each problem handed to `on_problem` as it comes (e.g. printed)."""
    for outcome in outcomes:
        if isinstance(outcome, ReadProblem):
            on_problem(outcome)
        else:
            yield outcome

