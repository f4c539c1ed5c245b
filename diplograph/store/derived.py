"""The tables derived from the stored facts, which a write to the facts must drop: the dyad index
(`dyad_index`) and the brief index (`brief_index`). Each is read only while it is fresh; dropping both here, in the
writer's transaction, is what keeps a new derived table from being forgotten at one of the writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.store import brief_index, dyad_index

if TYPE_CHECKING:
    import duckdb


def invalidate(conn: duckdb.DuckDBPyConnection) -> None:
    """The facts are about to change (an ingest, a relink, a load, a migration): drop every derived table."""
    dyad_index.invalidate(conn)
    brief_index.invalidate(conn)
