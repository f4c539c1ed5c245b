"""What the watcher watches: feeds, lists of pages and folders; what each one lists, and how a new item is read.

    source = watch_source("https://example.org/feed.xml")         # a feed; also pages:FILE, a .txt/.urls list, a folder
    listing = list_entries(source, fetcher, etag, last_modified)  # entries (cheap), or a 304, or FetchFailed
    found = read_entry(entry, fetcher)                            # the documents of one new entry

Listing is cheap (one request, or a folder's listing); reading fetches article pages and reads files, so it is
done only for entries the store has not seen. Each entry has a key that is stable across rounds and restarts:
a feed entry's id, else its link, else a hash of its title and text; a listed page's URL; a file's path with its
size and modification time (so an edited file is read again).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError
from diplograph.ingest import ReadProblem, read_sources
from diplograph.ingest.base import Source, Unreadable, io_problem
from diplograph.ingest.feeds import read_feed
from diplograph.ingest.markup import html_to_text
from diplograph.ingest.sources import split_name
from diplograph.ingest.webpage import read_html
from diplograph.model import Document, stable_id
from diplograph.watch.fetch import PAGE_ACCEPT, Fetcher, FetchFailed, is_http_url

FEED, PAGES, FOLDER = "feed", "page", "folder"  # watch_sources.kind
PAGES_PREFIX = "pages:"
PAGE_LIST_SUFFIXES = (".txt", ".urls")
SHORT_ENTRY = 400  # a feed entry with less text than this is a teaser: its article page is read instead


@dataclass(frozen=True)
class WatchSource:
    """One watched source. `key` is how the store knows it: the feed URL, or the absolute path of a list or folder."""

    key: str
    kind: str


@dataclass(frozen=True)
class Entry:
    """One thing a source lists. What reading it takes: a `document` it carries (a feed entry's own text, empty
    when it has none), a `url` to read with the HTML reader, or a `path` to read with the file readers (`name`:
    its path in the folder). `problem`: it cannot be read at all (recorded once, never retried)."""

    key: str
    document: Document | None = None
    url: str | None = None
    path: Path | None = None
    name: str = ""
    problem: str | None = None


@dataclass(frozen=True)
class Listing:
    """What a source lists now, with the validators to send next time; `not_modified`: a 304, nothing listed."""

    entries: tuple[Entry, ...] = ()
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Found:
    """What reading one entry gave: documents, the entry's own problems (logged and recorded), and notes (logged
    only: e.g. the article page failed and the entry's own text was stored instead)."""

    documents: tuple[Document, ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def watch_source(text: str) -> WatchSource:
    """A source as given on the command line: an http(s) URL is a feed; `pages:FILE` or a .txt/.urls file is a list
    of pages, one URL a line; a folder is a folder. Anything else is a ConfigError."""
    text = text.strip()
    if is_http_url(text):
        return WatchSource(text, FEED)
    if text.startswith(PAGES_PREFIX):
        return WatchSource(os.path.abspath(text[len(PAGES_PREFIX) :]), PAGES)
    path = Path(text).expanduser()
    if path.is_dir():
        return WatchSource(os.path.abspath(path), FOLDER)
    if path.suffix.lower() in PAGE_LIST_SUFFIXES:
        return WatchSource(os.path.abspath(path), PAGES)
    what = "no such folder" if not path.exists() else "not a folder"
    raise ConfigError(f"watch source {text!r}: {what}, nor a feed URL (http:// or https://) or a list of pages "
                      "(pages:FILE, .txt, .urls)")


def list_entries(source: WatchSource, fetcher: Fetcher, etag: str | None, last_modified: str | None) -> Listing:
    """What `source` lists now; FetchFailed when the source itself cannot be read (down, malformed, too big)."""
    if source.kind == FEED:
        return _feed_listing(source.key, fetcher, etag, last_modified)
    if source.kind == PAGES:
        return Listing(tuple(_page_list(Path(source.key))))
    return Listing(tuple(_folder_files(Path(source.key))))


def read_entry(entry: Entry, fetcher: Fetcher) -> Found:
    """The documents of one new entry. Raises FetchFailed when the network failed and reading it again later may
    work (the entry is then not recorded); a problem of the entry itself is in `Found.problems`."""
    if entry.problem is not None:
        return Found(problems=(entry.problem,))
    if entry.path is not None:
        return _read_file(entry.path, entry.name)
    if entry.url is not None:
        return _read_page(entry, fetcher)
    return Found(documents=(entry.document,) if entry.document is not None else ())


# --- feeds ------------------------------------------------------------------------------------------------------


def _feed_listing(url: str, fetcher: Fetcher, etag: str | None, last_modified: str | None) -> Listing:
    response = fetcher.get(url, etag=etag, last_modified=last_modified)
    if response.not_modified:  # a 304 may carry fresh validators; else the ones sent still hold
        return Listing(not_modified=True, etag=response.etag or etag,
                       last_modified=response.last_modified or last_modified)  # fmt: skip
    entries = feed_entries(response.body, url)
    return Listing(tuple(entries), etag=response.etag, last_modified=response.last_modified)


def feed_entries(data: bytes, url: str) -> list[Entry]:
    """The entries of a feed, oldest first (feeds list the newest first), each with its key and document.

    The documents come from the feed reader (diplograph.ingest.feeds); feedparser's entries, parsed the same way,
    give what the reader does not keep: each entry's id and link, also for an entry without text.
    """
    if not data.strip():
        raise FetchFailed("the response is empty")
    try:
        outcomes = list(read_feed(data, Source(url, url)))
    except Unreadable as e:
        if _valid_but_empty(data):
            return []
        raise FetchFailed(str(e)) from None
    parsed = _parse(data)  # one entry per outcome, in the same order
    feed_title = _plain(parsed.feed.get("title"))
    entries: dict[str, Entry] = {}
    for number, (entry, outcome) in enumerate(zip(parsed.entries, outcomes, strict=True), 1):
        found = _feed_entry(url, entry, outcome, number, feed_title)
        entries.setdefault(found.key, found)  # an entry listed twice is read once
    if parsed.get("bozo") and all(e.problem is not None for e in entries.values()):
        # feedparser salvages what it can from broken XML; when that is nothing usable, the feed is broken
        where = str(parsed.get("bozo_exception")).replace("<unknown>:", "at ")
        raise FetchFailed(f"not a valid RSS or Atom feed ({where})")
    return list(reversed(entries.values()))


def _parse(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(io.BytesIO(data))


def _valid_but_empty(data: bytes) -> bool:
    """An RSS or Atom feed with no entries (yet): nothing new, not a failure."""
    try:
        parsed = _parse(data)
    except (ValueError, UnicodeError):
        return False
    return bool(parsed.get("version")) and not parsed.entries and not parsed.get("bozo")


def _plain(value: str | None) -> str | None:
    """A title as one line of plain text (feeds put markup and entities in titles)."""
    return " ".join(html_to_text(value or "").split()) or None


def _feed_entry(url: str, entry: Any, outcome: Document | ReadProblem, number: int, feed_title: str | None) -> Entry:
    """One feed entry: keyed by its id, else its link, else a hash of its title and text; a short (or missing)
    text with a link means the article page is read."""
    link = (entry.get("link") or "").strip() or None
    if link is not None and not is_http_url(link):  # feedparser takes a <guid> for a link unless told otherwise
        link = None
    title = _plain(entry.get("title"))
    text = outcome.text if isinstance(outcome, Document) else ""
    key = (entry.get("id") or "").strip() or link or stable_id(title or "", text)
    if isinstance(outcome, Document):
        document = replace(outcome, url=link)
        if outcome.id == f"{url}#{number}":  # the reader's id by position: not stable as the feed changes
            document = replace(document, id=f"{url}#{key}")
    elif link is None:
        return Entry(key, problem=outcome.problem)
    else:  # no text of its own: a stub that the article page fills
        document = Document(id=key, text="", title=title, url=link, source=feed_title, origin=url)
    wants_page = link is not None and len(document.text) < SHORT_ENTRY
    return Entry(key, document=document, url=link if wants_page else None)


# --- pages ------------------------------------------------------------------------------------------------------


def _page_list(path: Path) -> Iterator[Entry]:
    """One entry a URL of the list; blank lines and # comments are skipped, other lines are problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as e:
        reason = io_problem(e) if isinstance(e, OSError) else "not valid UTF-8"
        raise FetchFailed(f"the list of pages cannot be read: {reason}") from None
    seen: set[str] = set()
    for line in text.splitlines():
        item = line.strip()
        if not item or item.startswith("#") or item in seen:
            continue
        seen.add(item)
        if is_http_url(item):
            yield Entry(item, document=Document(id=item, text="", url=item, origin=str(path)), url=item)
        else:
            yield Entry(item, problem=f"{item!r} is not an http(s) URL")


def _read_page(entry: Entry, fetcher: Fetcher) -> Found:
    """The article at entry.url through the HTML reader; a feed entry with text of its own falls back to it."""
    url = entry.url or ""
    stub = entry.document or Document(id=entry.key, text="", url=url)
    try:
        page = _fetch_page(url, fetcher, stub.id)
    except FetchFailed as e:
        if stub.text:
            return Found((stub,), notes=(f"{url}: {e.reason}; stored the entry's own text",))
        if e.permanent:
            return Found(problems=(f"{url}: {e.reason}",))
        raise
    except Unreadable as e:
        if stub.text:
            return Found((stub,), notes=(f"{url}: {e}; stored the entry's own text",))
        return Found(problems=(f"{url}: {e}",))
    return Found((_article(stub, page),))


def _fetch_page(url: str, fetcher: Fetcher, name: str) -> Document:
    response = fetcher.get(url, accept=PAGE_ACCEPT)
    page = next(read_html(response.body, Source(url, name)))
    return replace(page, url=page.url or response.url)


def _article(stub: Document, page: Document) -> Document:
    """The page's text under the entry's id, with the entry's title, link, date and feed name where it has them."""
    return replace(
        page,
        id=stub.id,
        title=stub.title or page.title,
        url=stub.url or page.url,
        published=stub.published or page.published,
        source=stub.source or page.source,
        origin=stub.origin or page.origin,
    )


# --- folders ----------------------------------------------------------------------------------------------------


def _folder_files(folder: Path) -> Iterator[Entry]:
    """Every file under `folder` in name order (hidden ones skipped), keyed by its path, size and mtime."""
    if not folder.is_dir():
        raise FetchFailed("no such folder" if not folder.exists() else "not a folder")
    problems: list[OSError] = []
    for top, folders, files in os.walk(folder, onerror=problems.append):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(top, name)
            entry = _file_entry(path, path.relative_to(folder).as_posix())
            if entry is not None:
                yield entry
    if problems and problems[0].filename and os.path.abspath(problems[0].filename) == os.path.abspath(folder):
        raise FetchFailed(io_problem(problems[0]))


def _file_entry(path: Path, name: str) -> Entry | None:
    try:
        status = path.stat()
    except OSError:
        return None  # gone since it was listed (or a broken link): nothing to read
    return Entry(f"{name}|{status.st_size}|{status.st_mtime_ns}", path=path, name=name)


def _read_file(path: Path, name: str) -> Found:
    """A file's documents through the ingest readers, named by its path in the folder as `ingest FOLDER` names
    them; anything unreadable is the file's own problem."""
    documents: list[Document] = []
    problems: list[str] = []
    bare_name, folder_name = split_name(path.name)[0], split_name(name)[0]
    for item in read_sources([path]):
        if isinstance(item, ReadProblem):
            problems.append(str(item))
        else:
            documents.append(replace(item, id=folder_name) if item.id == bare_name else item)
    return Found(tuple(documents), tuple(problems))
