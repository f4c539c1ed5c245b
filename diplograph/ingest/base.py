"""What every reader shares: the source being read, the problem record, and the exception that carries it."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from diplograph.errors import InputError
from diplograph.model import Document


@dataclass(frozen=True)
class ReadProblem:
    """A file, line or entry that could not be read. Yielded, not raised, so one bad file never stops a batch."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"

    def error(self) -> InputError:
        """The same problem as an exception, for callers that want to stop at the first one."""
        return InputError(self.origin, self.problem)


@dataclass(frozen=True)
class Source:
    """One input being read: where it came from, the name its documents go by, and the fallback date."""

    origin: str  # shown in problems and stored as Document.origin
    name: str  # the id of a one-document file; the prefix of generated ids
    published: str | None = None  # used for documents that carry no date of their own


class Unreadable(Exception):
    """Raised inside a reader when the current file (or line) cannot be read; the caller turns it into a problem."""


def guarded(origin: str, documents: Iterator[Document | ReadProblem]) -> Iterator[Document | ReadProblem]:
    """Run a reader, turning the problem that stops it into one ReadProblem, so the rest of a batch is still read."""
    try:
        yield from documents
    except Unreadable as e:
        yield ReadProblem(origin, str(e))
    except (OSError, EOFError, zlib.error) as e:
        yield ReadProblem(origin, io_problem(e))


def io_problem(error: BaseException) -> str:
    """A file-system or decompression error in plain words."""
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, PermissionError):
        return "cannot read: permission denied"
    if isinstance(error, gzip.BadGzipFile | EOFError | zlib.error):
        return f"not a valid gzip file ({error})"
    return f"cannot read: {getattr(error, 'strerror', None) or error}"
