"""The read side's shared layer: parameterised SQL on a store, periods, JSON values of results.

Every reader (analytics, briefs, the web UI and API, exports, the CLI) runs its queries through `rows`, so that a
failed query is one StoreError naming the store. See docs/architecture.md, "Where things are".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError, StoreError
from diplograph.store.query import DateLike, parse_date

if TYPE_CHECKING:
    from diplograph.store import Store

Period = tuple[DateLike, DateLike]


def rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """The rows of a parameterised query as dicts (the result is read in full before returning)."""
    import duckdb

    try:
        cursor = store.connection.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: analytics query failed: {exc}") from exc


def period(value: str | Period | None, name: str) -> Period:
    """A period as (since, until): 'A/B', 'YYYY' (one year or month or day), or a pair; None is open."""
    if value is None:
        return None, None
    if isinstance(value, str):
        left, sep, right = value.partition("/")
        pair: Period = (left or None, right or None) if sep else (value, value)
    else:
        pair = value
    if len(pair) != 2:
        raise ConfigError(f"{name}: expected a period such as 2014, 2014-01/2014-06 or (since, until), got {value!r}")
    parse_date(pair[0], name)
    parse_date(pair[1], name, last=True)
    return pair


def label(value: Period) -> str:
    since, until = (str(v) if v is not None else "" for v in value)
    return since if since == until else f"{since}/{until}"


def to_jsonable(value: Any) -> Any:
    """Dataclasses, dates and tuples as plain JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
