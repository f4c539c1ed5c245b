"""Extractions as Parquet partitions laid out like the store's tables, and loading them into a store.

    out/documents/part-000000.parquet   out/events/part-000000.parquet
    out/measures/part-000000.parquet    out/mentions/part-000000.parquet   (one part per chunk of documents)

Every table's columns are those of the store table of the same name (`diplograph.store` docstring), with the same
types, so DuckDB reads them in place (`SELECT * FROM read_parquet('out/events/*.parquet')`) or `load_parquet`
inserts them into a store. Part N of every table holds the same documents, and a part holds a document once; a
document repeated in two parts is stored from the lowest part, as `Store.add` keeps the first of repeated texts.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.store import derived, dyad_index, links
from diplograph.store.core import FACT_ORDER, TABLES, AddResult, arrow_schema
from diplograph.store.query import sql_string

if TYPE_CHECKING:
    from diplograph.model import Extraction
    from diplograph.store import Store

PART = "part-{index:06d}.parquet"


def first_per_document(extractions: Iterable[Extraction]) -> list[Extraction]:
    """The extractions of distinct texts, the first of each, in order (what `Store.add` would keep)."""
    seen: dict[str, Extraction] = {}
    for extraction in extractions:
        seen.setdefault(extraction.document.hash, extraction)
    return list(seen.values())


def tables(extractions: Iterable[Extraction], ingested_at: datetime | None = None) -> dict[str, Any]:
    """One Arrow table per store table (store column types) for these extractions, repeated texts dropped."""
    import pyarrow as pa

    from diplograph.store import convert

    when = ingested_at or datetime.now(UTC).replace(tzinfo=None)
    rows = convert.batch_rows(first_per_document(extractions), when)
    return {name: pa.Table.from_pylist(rows[name], schema=arrow_schema(name)) for name in TABLES}


def filesystem(out_dir: str | Path) -> tuple[Any, str]:
    """A pyarrow filesystem and path for a local folder or a URI (s3://bucket/prefix, gs://, hdfs://...)."""
    from pyarrow import fs

    text = str(out_dir)
    if "://" in text:
        return fs.FileSystem.from_uri(text)
    return fs.LocalFileSystem(), os.path.abspath(text)


def write_part(out_dir: str | Path, index: int, extractions: Iterable[Extraction]) -> dict[str, int]:
    """Write part `index` of every table (written under a temporary name, then renamed); the row counts."""
    import pyarrow.parquet as pq

    fs, root = filesystem(out_dir)
    counts: dict[str, int] = {}
    for name, table in tables(extractions).items():
        folder = f"{root}/{name}"
        fs.create_dir(folder, recursive=True)
        final = f"{folder}/{PART.format(index=index)}"
        temporary = f"{folder}/.{uuid.uuid4().hex}.tmp"
        pq.write_table(table, temporary, filesystem=fs, compression="zstd")
        fs.move(temporary, final)
        counts[name] = table.num_rows
    return counts


def _glob(out_dir: str | Path, table: str) -> str:
    text = str(out_dir)
    root = text.rstrip("/") if "://" in text else os.path.abspath(text)
    return f"{root}/{table}/part-*.parquet"


def _columns(table: str, present: set[str] | None = None) -> str:
    """The store table's columns (those of them the parts hold, when `present` is given), quoted."""
    return ", ".join(f'"{name}"' for name in arrow_schema(table).names if present is None or name in present)


def _values(conn: Any, table: str, present: set[str]) -> str:
    """The columns to insert, as `_columns` lists them; a column with a default in the store takes it where a part
    lacks the column (parts of two versions read together give NULL there)."""
    defaults = dict(conn.execute(
        "SELECT column_name, column_default FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
        "AND column_default IS NOT NULL", [table]).fetchall())  # fmt: skip
    return ", ".join(
        f'coalesce("{name}", {defaults[name]}) AS "{name}"' if name in defaults else f'"{name}"'
        for name in arrow_schema(table).names if name in present
    )


def _part_columns(conn: Any, source: str) -> set[str]:
    """The columns the parts hold (all parts together). Parts written by an earlier version lack the columns added
    since (`one_sentence`, `shared`, ...): those take the store's default for them, as a migration gives old rows."""
    return {row[0] for row in conn.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}


def load_parquet(store: Store, out_dir: str | Path) -> AddResult:
    """Insert the partitions under `out_dir` into `store` in one transaction, skipping documents already stored.

    A document (by content hash) found in several parts is taken, with its facts, from the lowest part only.
    Either everything new is stored or, on an error, nothing is.
    """
    from diplograph.errors import StoreError

    if store.read_only:
        raise StoreError(f"{store.path}: the store was opened read-only")
    for table in TABLES:
        folder = Path(_glob(out_dir, table)).parent
        if "://" not in str(out_dir) and not any(folder.glob("part-*.parquet")):
            raise StoreError(f"{out_dir}: no {table} partitions ({folder}/part-*.parquet)")
    conn = store.connection
    staged = f"_diplograph_load_{uuid.uuid4().hex[:8]}"
    part = "parse_filename(filename)"
    with store._lock:
        skipped_sql = f"""
            SELECT count(*) FROM read_parquet({sql_string(_glob(out_dir, "documents"))}, filename=true)
        """
        try:
            conn.execute("BEGIN TRANSACTION")
            derived.invalidate(conn)  # new facts (the dyad index is built again below, the brief index by optimize)
            source = (f"read_parquet({sql_string(_glob(out_dir, 'documents'))}, filename=true, "
                      "file_row_number=true, union_by_name=true)")
            columns = _columns("documents", _part_columns(conn, source))
            conn.execute(f"""
                CREATE TEMP TABLE {staged} AS
                SELECT {columns}, {part} AS _part, file_row_number AS _row
                FROM {source}
                WHERE hash NOT IN (SELECT hash FROM documents)
                QUALIFY row_number() OVER (PARTITION BY hash ORDER BY {part}, file_row_number) = 1
            """)
            conn.execute(f"INSERT INTO documents ({columns}) SELECT {columns} FROM {staged} ORDER BY _part")
            added: dict[str, int] = {}
            for table in ("events", "measures", "mentions"):
                source = f"read_parquet({sql_string(_glob(out_dir, table))}, filename=true, union_by_name=true)"
                _refuse_duplicate_facts(conn, table, source, staged)
                present = _part_columns(conn, source)
                columns = _columns(table, present)
                row = conn.execute(f"""
                    INSERT INTO {table} ({columns})
                    SELECT {_values(conn, table, present)} FROM {source} AS f
                    SEMI JOIN {staged} AS d ON f.doc_hash = d.hash AND parse_filename(f.filename) = d._part
                    {_STORED_ORDER.get(table, "")}
                """).fetchone()
                added[table] = int(row[0]) if row else 0
            links.note_loaded(conn, staged)  # parts that came with their incidents
            links.link_pending(conn, staged)  # incidents, in the order the serial path would have linked them
            dyad_index.build(conn)  # a bulk load is when a store is large: its dyads read their pair's rows
            new = conn.execute(f"SELECT count(*) FROM {staged}").fetchone()
            total = conn.execute(skipped_sql).fetchone()
            conn.execute(f"DROP TABLE {staged}")
            conn.execute("COMMIT")
        except BaseException as exc:
            try:
                conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
            if isinstance(exc, Exception):
                raise StoreError(f"{store.path}: could not load {out_dir}; nothing of it was stored: {exc}") from exc
            raise
    documents_added = int(new[0]) if new else 0
    documents_total = int(total[0]) if total else 0
    return AddResult(documents_added, documents_total - documents_added, added["events"], added["measures"])


_FACT_KEYS = {"events": "doc_hash, id", "measures": "doc_hash, id", "mentions": "doc_hash, kind, seq"}
# Facts go in by date, as `Store.optimize` keeps them: pages in date order then read a few row groups.
_STORED_ORDER = {table: f"ORDER BY {order}" for table, order in FACT_ORDER.items()}


def _refuse_duplicate_facts(conn: Any, table: str, source: str, staged: str) -> None:
    """Two facts of one new document with the same key would be stored twice (the fact tables have no index)."""
    key = _FACT_KEYS[table]
    duplicate = conn.execute(f"""
        SELECT {key} FROM {source} AS f
        SEMI JOIN {staged} AS d ON f.doc_hash = d.hash AND parse_filename(f.filename) = d._part
        GROUP BY {key} HAVING count(*) > 1 LIMIT 1
    """).fetchone()
    if duplicate:
        key_values = list(duplicate[1:])
        raise ValueError(f"document {duplicate[0]} has two {table} with the key {key_values}; keys must differ")
