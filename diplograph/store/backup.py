"""Backup and restore of a store: a folder of Parquet files (DuckDB `EXPORT DATABASE ... (FORMAT parquet)`).

    from diplograph.store import Store
    from diplograph.store.backup import backup, restore

    with Store.open("diplograph.duckdb", read_only=True) as store:
        manifest = backup(store, "backups/2026-11-27")      # schema.sql, load.sql, one .parquet per table
    restore("backups/2026-11-27", "restored.duckdb")        # a new store file, checked against the manifest

A backup is a consistent snapshot (the export runs in one transaction), readable by any DuckDB or Parquet tool,
and independent of the DuckDB file format version, so it also moves a store to a newer DuckDB. `manifest.json`
records the diplograph and schema versions and the row count of every table; `restore` checks the counts, then
opens the result with `Store.open`, which migrates a backup of an older schema version to the current one.
Restoring never overwrites: the new store is built beside the target and renamed into place only when complete.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import StoreError
from diplograph.store.query import sql_string

if TYPE_CHECKING:
    from diplograph.store.core import Store

MANIFEST = "manifest.json"
FORMAT = "diplograph-backup/1"
_COUNTED = ("documents", "events", "measures", "mentions", "schema_migrations")


def _counts(conn: Any) -> dict[str, int]:
    tables = {row[0] for row in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in _COUNTED if t in tables}


def _version(conn: Any) -> int:
    from diplograph.store import migrations

    return migrations.current_version(conn)


def backup(store: Store, dest_dir: str | Path) -> dict[str, Any]:
    """Export the whole store into `dest_dir` (a new or empty folder) as Parquet; returns the manifest written."""
    import duckdb

    from diplograph import __version__

    dest = Path(dest_dir)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise StoreError(f"{dest}: the backup folder must be new or empty")
    dest.mkdir(parents=True, exist_ok=True)
    with store._lock:  # one DuckDB connection: no other query of this Store may run meanwhile
        conn = store.connection
        try:
            conn.execute("BEGIN TRANSACTION")
            try:
                counts, version = _counts(conn), _version(conn)
                conn.execute(f"EXPORT DATABASE {sql_string(dest)} (FORMAT parquet)")
            finally:
                conn.execute("ROLLBACK")
        except duckdb.Error as exc:
            raise StoreError(f"{store.path}: backup to {dest} failed: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{store.path}: backup to {dest} failed: {exc.strerror or exc}") from exc
    manifest = {
        "format": FORMAT,
        "diplograph": __version__,
        "schema_version": version,
        "counts": counts,
        "source": store.path,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        (dest / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{dest}: cannot write the manifest: {exc.strerror or exc}") from exc
    return manifest


def read_manifest(src_dir: str | Path) -> dict[str, Any]:
    """The manifest of a backup folder, checked to be one."""
    src = Path(src_dir)
    path = src / MANIFEST
    if not src.is_dir():
        raise StoreError(f"{src}: no backup folder there")
    if not path.is_file() or not (src / "schema.sql").is_file() or not (src / "load.sql").is_file():
        raise StoreError(f"{src}: not a diplograph backup (manifest.json, schema.sql or load.sql is missing)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StoreError(f"{path}: not a {FORMAT} manifest")
    return manifest


def restore(src_dir: str | Path, db_path: str | Path, *, migrate: bool = True) -> dict[str, int]:
    """Build a new store at `db_path` from the backup in `src_dir`; returns its row counts (as in the manifest).

    `db_path` must not exist. The store is built in a temporary file beside it and renamed into place once the
    counts match the manifest and (with `migrate`) `Store.open` has brought it to the current schema version.
    """
    import duckdb

    from diplograph.store import brief_index
    from diplograph.store.core import Store, open_connection

    src, target = Path(src_dir), Path(db_path)
    manifest = read_manifest(src)
    if target.exists() or Path(f"{target}.wal").exists():
        raise StoreError(f"{target}: already exists; restore into a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    _remove(partial)
    try:
        conn = open_connection(str(partial), read_only=False)  # the store's row groups, as every open sets them
        try:
            conn.execute(f"IMPORT DATABASE {sql_string(src)}")
            brief_index.invalidate(conn)  # it keeps the facts' row ids, which an import numbers afresh
            counts = _counts(conn)
        finally:
            conn.close()
        expected = {k: int(v) for k, v in manifest.get("counts", {}).items()}
        if counts != expected:
            raise StoreError(f"{src}: the restored store has {counts} rows, the backup's manifest says {expected}")
        if migrate:
            Store.open(partial).close()
        os.replace(partial, target)
    except duckdb.Error as exc:
        _remove(partial)
        raise StoreError(f"{src}: restore failed: {exc}") from exc
    except BaseException:
        _remove(partial)
        raise
    return counts


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}.wal")):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
