"""Files and folders: each file goes to the reader its suffix names; folders are read recursively in name order."""

from __future__ import annotations

import gzip
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from diplograph.errors import ConfigError
from diplograph.ingest.base import ReadProblem, Source, guarded, io_problem
from diplograph.ingest.corpus import read_json, read_jsonl
from diplograph.ingest.dates import DATE_FORMATS, normalise_date
from diplograph.ingest.decoding import SNIFF_BYTES, check_not_binary
from diplograph.ingest.feeds import read_feed
from diplograph.ingest.stdin import read_stdin
from diplograph.ingest.text import read_text
from diplograph.ingest.webpage import read_html
from diplograph.model import Document

Reader = Callable[[bytes, Source], Iterator[Document | ReadProblem]]
WHOLE_FILE_READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
LINE_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".jsonl",
    ".ndjson",
    ".json",
    ".xml",
    ".rss",
    ".atom",
)
STDIN = "-"


def read_sources(
    sources: Iterable[str | Path],
    *,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | ReadProblem]:
    """Documents from files, folders and "-" (standard input), with one ReadProblem for each thing unreadable.

    Problems are yielded, not raised, so one bad file never stops a batch; call `.error()` on one to raise it.
    `published` (any ISO or RFC 2822 date) is the date of documents that carry none of their own.
    """
    fallback = _fallback_date(published)
    items = [sources] if isinstance(sources, str | Path) else sources
    return itertools.chain.from_iterable(_read_one(item, fallback, stdin) for item in items)


def _fallback_date(published: str | None) -> str | None:
    """The fallback date as YYYY-MM-DD; checked before reading anything, since it is the caller's mistake."""
    if published is None:
        return None
    day = normalise_date(published)
    if day is None:
        raise ConfigError(f"published date {published!r} is not a date (expected {DATE_FORMATS})")
    return day


def _read_one(
    item: str | Path, published: str | None, stdin: TextIO | BinaryIO | None
) -> Iterator[Document | ReadProblem]:
    """One command-line source: standard input, a folder or a file."""
    if isinstance(item, str) and item == STDIN:
        yield from guarded("stdin", read_stdin(stdin or sys.stdin.buffer, Source("stdin", "stdin", published)))
        return
    path = Path(item)
    try:
        is_folder, exists = path.is_dir(), path.exists() or path.is_symlink()
    except OSError as e:
        yield ReadProblem(str(path), io_problem(e))
        return
    if is_folder:
        yield from _read_folder(path, published)
    elif exists:
        yield from _read_file(path, path.name, published)
    else:
        yield ReadProblem(str(path), "no such file or folder")


def _read_folder(folder: Path, published: str | None) -> Iterator[Document | ReadProblem]:
    """Every file under `folder`; ids are paths relative to it, so files in different subfolders stay apart."""
    for entry in _walk(folder, set()):
        if isinstance(entry, ReadProblem):
            yield entry
        else:
            yield from _read_file(entry, entry.relative_to(folder).as_posix(), published)


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | ReadProblem]:
    """Files under `folder` in name order, hidden entries (.git, .DS_Store) skipped; links never loop."""
    real = os.path.realpath(folder)
    if real in seen:
        yield ReadProblem(str(folder), "folder already read (a link back to it); skipped")
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        yield ReadProblem(str(folder), io_problem(e))
        return
    for entry in entries:
        yield from _walk_entry(entry, seen)


def _walk_entry(entry: os.DirEntry[str], seen: set[str]) -> Iterator[Path | ReadProblem]:
    """A folder is walked, a file listed; anything else (a pipe, a broken link) is reported, not skipped."""
    if entry.is_dir():
        yield from _walk(Path(entry.path), seen)
    elif entry.is_file():
        yield Path(entry.path)
    else:
        yield ReadProblem(entry.path, "not a regular file (a broken link, pipe, socket or device)")


def _read_file(path: Path, name: str, published: str | None) -> Iterator[Document | ReadProblem]:
    """The documents of one file, read by the reader its suffix names; `name` is how it is known (with suffix)."""
    stem, suffix, compressed = split_name(name)
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadProblem(str(path), unknown_format(name[len(stem) :]))
        return
    source = Source(str(path), stem, published)
    if suffix in LINE_SUFFIXES:
        yield from guarded(source.origin, _read_lines(path, compressed, source))
    else:
        yield from guarded(source.origin, _read_whole(path, compressed, suffix, source))


def _read_whole(path: Path, compressed: bool, suffix: str, source: Source) -> Iterator[Document | ReadProblem]:
    """Text, HTML, JSON and feed files are read whole: their readers need all of it."""
    with _open(path, compressed) as stream:
        data = stream.read()
    yield from WHOLE_FILE_READERS[suffix](data, source)


def _read_lines(path: Path, compressed: bool, source: Source) -> Iterator[Document | ReadProblem]:
    """JSONL streams line by line; the first 8 KiB (completed to a line end) are checked for binary content."""
    with _open(path, compressed) as stream:
        head = stream.read(SNIFF_BYTES)
        check_not_binary(head)
        head += stream.readline()
        yield from read_jsonl(itertools.chain(io.BytesIO(head), stream), source)


def _open(path: Path, compressed: bool) -> gzip.GzipFile | io.BufferedReader:
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def split_name(name: str) -> tuple[str, str, bool]:
    """(name without suffixes, format suffix, gzipped?): 'a/b.JSONL.gz' -> ('a/b', '.jsonl', True)."""
    compressed = name.lower().endswith(".gz")
    base = name[:-3] if compressed else name
    suffix = os.path.splitext(base)[1]
    return base[: len(base) - len(suffix)], suffix.lower(), compressed


def unknown_format(suffix: str) -> str:
    """The problem for a file no reader handles, listing the ones that are."""
    supported = ", ".join(SUPPORTED_SUFFIXES)
    what = f"unknown format '{suffix}'" if suffix else "unknown format (the file name has no suffix)"
    return f"{what} (supported: {supported}, each also gzipped as .gz)"
