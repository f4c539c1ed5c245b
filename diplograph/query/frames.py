"""Query results as tables, for analysts' notebooks.

`Records` is what `Store.events`, `Store.measures` and `Store.documents` return: a list of records (it is a
list, so existing code keeps working) that also converts to an Arrow table, a pandas DataFrame or a polars
DataFrame. `SqlResult` is what `Store.sql` returns. pandas and polars are optional extras
(`pip install 'diplograph[frames]'`); Arrow is always installed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from diplograph.errors import ConfigError
from diplograph.model import Document, Event, Measure
from diplograph.output import EVENT_FIELDS, MEASURE_FIELDS, as_dict, record_dict
from diplograph.store.convert import date_bounds

if TYPE_CHECKING:
    import pyarrow as pa

R = TypeVar("R", Event, Measure, Document)

DOCUMENT_FIELDS = ("id", "published", "title", "url", "source", "text")


def _require(module: str) -> Any:
    """An optional DataFrame library, or a ConfigError that says how to install it."""
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError:
        hint = f"pip install 'diplograph[frames]' (or pip install {module})"
        raise ConfigError(f"{module} is not installed: {hint}") from None


def _bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    return date_bounds(value) if value else (None, None)


def _row(record: Event | Measure | Document) -> dict[str, Any]:
    """A record as one table row: the output contract's fields (lists stay lists, evidence a list of structs),
    plus the first and last day of its date or period, so that tables can be grouped by time."""
    if isinstance(record, Document):
        data = as_dict(record)
        return {name: data.get(name) for name in DOCUMENT_FIELDS} | {"hash": record.hash}
    row = record_dict(record)
    start, end = _bounds(row.get("date") if isinstance(record, Event) else row.get("period"))
    return row | {"date_start": start, "date_end": end}


def _empty_columns(kind: type) -> tuple[str, ...]:
    if kind is Document:
        return (*DOCUMENT_FIELDS, "hash")
    fields = EVENT_FIELDS if kind is Event else MEASURE_FIELDS
    return (*fields, "date_start", "date_end")


class Records(list[R], Generic[R]):
    """A list of events, measures or documents that also converts to a table (one row a record)."""

    def __init__(self, items: Any = (), kind: type = Event) -> None:
        super().__init__(items)
        self.kind = kind  # what an empty result would have held: its table still has the right columns

    def to_arrow(self) -> pa.Table:
        import pyarrow as pa

        if not self:
            return pa.table({name: pa.array([], pa.string()) for name in _empty_columns(self.kind)})
        return pa.Table.from_pylist([_row(r) for r in self])

    def to_pandas(self) -> Any:
        """A pandas DataFrame (needs pandas)."""
        _require("pandas")
        return self.to_arrow().to_pandas()

    def to_polars(self) -> Any:
        """A polars DataFrame (needs polars)."""
        return _require("polars").from_arrow(self.to_arrow())


class SqlResult:
    """The result of `Store.sql`, read in full: its columns, its rows as dicts, or the table itself."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    @property
    def columns(self) -> list[str]:
        return list(self.table.column_names)

    def rows(self) -> list[dict[str, Any]]:
        return self.table.to_pylist()

    def __len__(self) -> int:
        return self.table.num_rows

    def to_arrow(self) -> pa.Table:
        return self.table

    def to_pandas(self) -> Any:
        _require("pandas")
        return self.table.to_pandas()

    def to_polars(self) -> Any:
        return _require("polars").from_arrow(self.table)
