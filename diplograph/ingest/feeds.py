"""RSS and Atom feeds (.xml, .rss, .atom) through feedparser: one document an entry."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from diplograph.ingest.base import ReadProblem, Source, Unreadable
from diplograph.ingest.dates import normalise_date
from diplograph.ingest.decoding import SNIFF_BYTES, check_not_binary, check_not_empty
from diplograph.ingest.markup import html_to_text
from diplograph.model import Document

DATE_KEYS = ("published", "updated", "created")


def read_feed(data: bytes, source: Source) -> Iterator[Document | ReadProblem]:
    """Every entry with text becomes a document; an entry without text is a problem naming its number."""
    parsed = _parse(data)
    feed_title = _plain(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        try:
            yield _entry_document(entry, number, source, feed_title)
        except Unreadable as e:
            yield ReadProblem(source.origin, f"entry {number}: {e}")


def _parse(data: bytes) -> Any:
    """feedparser on the bytes (a stream, so it never takes them for a URL); no entries is a problem."""
    import feedparser

    check_not_binary(data[:SNIFF_BYTES])
    check_not_empty(data)
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except (ValueError, UnicodeError) as e:  # e.g. a character reference past U+10FFFF or to a surrogate
        raise Unreadable(f"not a valid RSS or Atom feed ({type(e).__name__}: {e})") from None
    if parsed.entries:
        return parsed
    if parsed.get("bozo"):
        where = str(parsed.get("bozo_exception")).replace("<unknown>:", "at ")  # expat's name for an unnamed stream
        raise Unreadable(f"not a valid RSS or Atom feed ({where})")
    raise Unreadable("the feed has no entries")


def _entry_document(entry: Any, number: int, source: Source, feed_title: str | None) -> Document:
    text = _entry_text(entry)
    if not text:
        raise Unreadable("no text (neither content nor summary)")
    link = (entry.get("link") or "").strip() or None
    return Document(
        id=(entry.get("id") or "").strip() or link or f"{source.name}#{number}",
        text=text,
        published=_entry_date(entry) or source.published,
        title=_plain(entry.get("title")),
        url=link,
        source=feed_title,
        origin=source.origin,
    )


def _entry_text(entry: Any) -> str:
    """The fullest text the entry has: its longest content block, else its summary, as plain text."""
    blocks = [(block.get("value") or "", block.get("type") or "") for block in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    blocks.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    value, kind = max(blocks, key=lambda block: len(block[0]))
    return html_to_text(value) if "html" in kind else value.strip()


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (its own time zone), else feedparser's parsed one (UTC)."""
    for key in DATE_KEYS:
        day = normalise_date(entry.get(key) or "")
        if day:
            return day
    parsed = next((entry.get(f"{key}_parsed") for key in DATE_KEYS if entry.get(f"{key}_parsed")), None)
    return date(*parsed[:3]).isoformat() if parsed else None


def _plain(value: str | None) -> str | None:
    """A title as plain text (feeds may put markup and entities in titles)."""
    text = html_to_text(value) if value else ""
    return text.replace("\n", " ") or None
