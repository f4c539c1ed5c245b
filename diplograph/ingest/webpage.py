"""HTML pages (.html, .htm): the article body through trafilatura, without menus, footers and banners."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from diplograph.ingest.base import Source, Unreadable
from diplograph.ingest.dates import normalise_date
from diplograph.ingest.decoding import check_not_empty, decode_markup
from diplograph.ingest.markup import declared_date
from diplograph.model import Document


def read_html(data: bytes, source: Source) -> Iterator[Document]:
    """One document: the main text of the page, its title, and its date (page metadata first, then the fallback)."""
    markup = decode_markup(data)
    check_not_empty(markup)
    found = _extract(markup)
    text = (_field(found, "text") or "").strip()
    if not text:
        raise Unreadable("no article text found in the HTML")
    yield Document(
        id=source.name,
        text=text,
        published=_page_date(found, markup) or source.published,
        title=_field(found, "title"),
        url=_field(found, "url"),
        source=_field(found, "sitename"),
        origin=source.origin,
    )


def _extract(markup: str) -> Any:
    """trafilatura's main text and metadata. Comments are not the article; dates come from markup, not prose."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (AssertionError, ValueError, TypeError, RecursionError) as e:
        # Malformed trees ('</html><html><body><script>') trip asserts deep inside lxml and htmldate.
        raise Unreadable(f"the HTML could not be parsed ({type(e).__name__})") from None


def _field(found: Any, name: str) -> str | None:
    """A metadata field of trafilatura's result as a non-empty string, or None."""
    value = getattr(found, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _page_date(found: Any, markup: str) -> str | None:
    """trafilatura's date when it found one, else the page's meta tags and <time> elements."""
    return normalise_date(_field(found, "date") or "") or declared_date(markup)
