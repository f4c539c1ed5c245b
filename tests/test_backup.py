"""Operations: backup and restore of a store (Parquet export), and migration from every earlier schema version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from diplograph.errors import StoreError
from diplograph.model import Document, Extraction
from diplograph.store import SCHEMA_VERSION, Store, migrations
from diplograph.store.backup import MANIFEST, backup, restore


def extractions() -> list[Extraction]:
    from test_store import hand_built

    return hand_built()


def everything(store: Store) -> dict[str, Any]:
    """All that a store holds, through the API and as raw rows, for comparing two stores."""
    conn = store.connection
    raw = {
        table: sorted(map(repr, conn.execute(f"SELECT * EXCLUDE (ingested_at) FROM {table}").fetchall()))
        if table == "documents"
        else sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
        for table in ("documents", "events", "measures", "mentions")
    }
    docs = store.documents()
    return {
        "raw": raw,
        "ingested_at": sorted(r[0] for r in conn.execute("SELECT ingested_at FROM documents").fetchall()),
        "stats": {k: v for k, v in store.stats().items() if k != "path"},
        "extractions": [store.extraction(d.id) for d in docs],
        "events": store.events(),
        "measures": store.measures(),
        "dyads": sorted(conn.execute("SELECT * FROM event_dyads").fetchall()),
    }


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    db = tmp_path / "source.duckdb"
    with Store.open(db) as store:
        store.add(extractions())
    return db


def test_backup_then_restore_gives_the_same_store(tmp_path: Path, filled: Path) -> None:
    folder = tmp_path / "it's a backup"  # a quote in the path: EXPORT/IMPORT take no parameters
    with Store.open(filled, read_only=True) as store:
        manifest = backup(store, folder)
        original = everything(store)
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["counts"] == {"documents": 2, "events": 5, "measures": 2, "mentions": 3,
                                  "schema_migrations": SCHEMA_VERSION}  # fmt: skip
    assert json.loads((folder / MANIFEST).read_text()) == manifest
    assert {p.name for p in folder.iterdir()} >= {"schema.sql", "load.sql", "documents.parquet", "events.parquet"}

    moved = tmp_path / "elsewhere"  # a backup folder can be moved or copied to another machine
    shutil.move(str(folder), moved)
    restored = tmp_path / "restored" / "store.duckdb"
    assert restore(moved, restored) == manifest["counts"]
    with Store.open(restored, read_only=True) as store:
        assert everything(store) == original
    with Store.open(restored) as store:  # and it is a working store: adding the same documents adds nothing
        assert store.add(extractions()).documents_added == 0


def test_parquet_files_are_readable_without_diplograph(tmp_path: Path, filled: Path) -> None:
    with Store.open(filled, read_only=True) as store:
        backup(store, tmp_path / "b")
    rows = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'b' / 'events.parquet'}')").fetchall()
    assert rows == [(5,)]


def test_backup_of_a_writable_store_while_it_is_in_use(tmp_path: Path, filled: Path) -> None:
    with Store.open(filled) as store:
        backup(store, tmp_path / "b")
        store.add([Extraction(Document("later", "Added after the backup."))])
        assert store.stats()["documents"] == 3
    restore(tmp_path / "b", tmp_path / "r.duckdb")
    with Store.open(tmp_path / "r.duckdb", read_only=True) as store:
        assert store.stats()["documents"] == 2 and store.document("later") is None


def test_restore_refuses_clearly_and_leaves_nothing(tmp_path: Path, filled: Path) -> None:
    with Store.open(filled, read_only=True) as store:
        backup(store, tmp_path / "b")
        with pytest.raises(StoreError, match="must be new or empty"):
            backup(store, tmp_path / "b")
    with pytest.raises(StoreError, match="already exists"):
        restore(tmp_path / "b", filled)
    with pytest.raises(StoreError, match="no backup folder"):
        restore(tmp_path / "absent", tmp_path / "x.duckdb")
    with pytest.raises(StoreError, match="not a diplograph backup"):
        restore(tmp_path, tmp_path / "x.duckdb")

    manifest = json.loads((tmp_path / "b" / MANIFEST).read_text())
    manifest["counts"]["events"] = 6  # a lost or truncated file is noticed
    (tmp_path / "b" / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="manifest says"):
        restore(tmp_path / "b", tmp_path / "x.duckdb")
    (tmp_path / "b" / "events.parquet").write_bytes(b"not parquet")
    with pytest.raises(StoreError, match="restore failed"):
        restore(tmp_path / "b", tmp_path / "x.duckdb")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".x.duckdb", "x.duckdb"))]


# --- migration from every earlier schema version ------------------------------------------------------------------


def build_at_version(path: Path, version: int) -> None:
    """A store as diplograph at schema `version` left it, holding the data that version could hold."""
    from diplograph.store import convert

    conn = duckdb.connect(str(path))
    try:
        migrations.migrate(conn, target=version)
        rows = convert.batch_rows(extractions(), __import__("datetime").datetime(2026, 1, 1))
        tables = ["documents", "events", "measures"] + (["mentions"] if version >= 2 else [])
        from diplograph.store.core import insert_rows

        if version >= 6:  # from version 6 on, events are linked into incidents as they are written
            from diplograph.store.links import link_rows

            link_rows(conn, rows["events"], {d["hash"]: d for d in rows["documents"]})

        for table in tables:
            columns = {r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            # a column a later version added (confidence, 5) is not in that version's table: its rows lack it
            insert_rows(conn, table, [{k: v for k, v in row.items() if k in columns} for row in rows[table]],
                        columns=[c for c in _layout(table) if c in columns])
    finally:
        conn.close()


def _layout(table: str) -> list[str]:
    from diplograph.store.core import arrow_schema

    return list(arrow_schema(table).names)


def _versions(path: Path) -> list[int]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]
    finally:
        conn.close()


def test_every_version_is_listed_once_in_order() -> None:
    assert [m.version for m in migrations.MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_store_of_every_schema_version_opens_and_migrates(tmp_path: Path, version: int) -> None:
    current = tmp_path / "current.duckdb"
    with Store.open(current) as store:
        store.add(extractions())
        expected = everything(store)
    old = tmp_path / f"v{version}.duckdb"
    build_at_version(old, version)
    assert _versions(old) == list(range(1, version + 1))
    if version < SCHEMA_VERSION:
        with pytest.raises(StoreError, match="without read_only to migrate"):
            Store.open(old, read_only=True)
    with Store.open(old) as store:
        assert store.stats()["schema_version"] == SCHEMA_VERSION
        got = everything(store)
        if version < 2:  # mentions did not exist before version 2: the facts are kept, the mentions are empty
            assert got["raw"]["mentions"] == [] and got["raw"]["events"] == expected["raw"]["events"]
            assert got["events"] == expected["events"] and got["measures"] == expected["measures"]
        else:
            assert {k: v for k, v in got.items() if k != "ingested_at"} == {
                k: v for k, v in expected.items() if k != "ingested_at"
            }
        assert store.add(extractions()).documents_added == 0
    assert _versions(old) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_backup_of_every_schema_version_restores_to_the_current_one(tmp_path: Path, version: int) -> None:
    old = tmp_path / f"v{version}.duckdb"
    build_at_version(old, version)
    conn = duckdb.connect(str(old))  # a backup made by that version: the export of its tables as they were
    conn.execute(f"EXPORT DATABASE '{tmp_path / 'b'}' (FORMAT parquet)")
    conn.close()
    from diplograph.store.backup import FORMAT

    counts = {"documents": 2, "events": 5, "measures": 2, "schema_migrations": version}
    if version >= 2:
        counts["mentions"] = 3
    (tmp_path / "b" / MANIFEST).write_text(json.dumps({"format": FORMAT, "schema_version": version, "counts": counts}))
    assert restore(tmp_path / "b", tmp_path / "r.duckdb") == counts
    assert _versions(tmp_path / "r.duckdb") == list(range(1, SCHEMA_VERSION + 1))
    with Store.open(tmp_path / "r.duckdb", read_only=True) as store:
        assert sorted(e.id for e in store.events()) == ["e1", "e2", "e3", "e4", "e5"]
        assert store.document("doc-a") == extractions()[0].document
