"""diplograph: sourced, time-aware records of international relations from news and commentary.

    import diplograph
    result = diplograph.extract("Russia forgave 90% of North Korea's debt in 2012.", published="2015-04-30")
    store = diplograph.open("diplograph.duckdb")

Heavy modules (spaCy, DuckDB) are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from diplograph.model import Extraction
    from diplograph.store import Store


def extract(text: str, *, published: str | None = None, doc_id: str = "doc") -> Extraction:
    """Events, measures and mentions found in one text; `published` (YYYY-MM-DD) anchors relative dates."""
    from diplograph.pipeline import extract as _extract

    return _extract(text, published=published, doc_id=doc_id)


def open(db: Any = None, *, read_only: bool = False) -> Store:  # noqa: A001 - mirrors sqlite3/duckdb naming
    """Open (creating and migrating if needed) a DuckDB store; `db` defaults to DIPLOGRAPH_DB or ./diplograph.duckdb."""
    from diplograph.store import Store

    return Store.open(db, read_only=read_only)
