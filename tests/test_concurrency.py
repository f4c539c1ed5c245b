"""Concurrency: two processes on one store, and reads while one process writes.

DuckDB lets one process at a time open a store file for writing (and none other read it meanwhile); a second
process gets a lock error, which `Store.open` turns into one clear message. Two `diplograph ingest` runs at once
therefore either serialise (the first is done before the second opens the store) or the second stops with that
message, and the store is never corrupted. Inside one process, readers on cursors of the same connection (as the
web server does) see a consistent snapshot while a writer commits batches.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import StoreError
from diplograph.model import Document, Event, Evidence, Extraction, Measure
from diplograph.store import Store

REPO = Path(__file__).resolve().parents[1]

HOLDER = textwrap.dedent(
    """
    import sys
    from diplograph.store import Store
    store = Store.open(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("holding", flush=True)
    sys.stdin.readline()
    store.close()
    """
)


def hold(tmp_path: Path, db: Path, mode: str = "rw") -> subprocess.Popen[str]:
    script = tmp_path / "hold.py"
    script.write_text(HOLDER)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None and child.stdout.readline() == "holding\n"
    return child


def release(child: subprocess.Popen[str]) -> None:
    child.communicate("\n", timeout=30)
    assert child.returncode == 0


def numbered(i: int) -> Extraction:
    """Document i with i % 5 events and i % 3 measures: a reader can tell a whole document from a partial one."""
    doc = Document(id=f"d{i}", text=f"document {i}: Russia and China talked.")
    ev = (Evidence(0, 8, "document"),)
    events = tuple(Event(doc.id, "CONSULT", ("RUS",), ("CHN",), ev, id=f"e{k}") for k in range(i % 5))
    measures = tuple(
        Measure(doc.id, "trade", ("RUS",), ("CHN",), float(k), "USD", ev, id=f"m{k}") for k in range(i % 3)
    )
    return Extraction(doc, events, measures)


def test_a_store_in_use_by_another_process_is_named_clearly(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    Store.open(db).close()
    child = hold(tmp_path, db)
    try:
        for read_only in (False, True):
            with pytest.raises(StoreError) as info:
                Store.open(db, read_only=read_only)
            message = str(info.value)
            assert message.startswith(f"the store {db} is in use by another process (PID {child.pid}, python")
            assert "wait for that process to finish" in message and "IO Error" not in message
        result = CliRunner().invoke(app, ["events", "--db", str(db)])  # the command line: one error line
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: the store {db} is in use by another process (PID {child.pid}")
        assert result.stderr.count("\n") == 1
    finally:
        release(child)
    with Store.open(db, read_only=True) as store:  # and once it is gone, the store opens as before
        assert store.stats()["documents"] == 0


def test_two_readers_in_two_processes_share_a_store(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    with Store.open(db) as store:
        store.add([numbered(i) for i in range(5)])
    child = hold(tmp_path, db, "ro")
    try:
        with Store.open(db, read_only=True) as store:
            assert store.stats()["documents"] == 5
    finally:
        release(child)


def test_two_ingests_at_once_serialise_or_one_fails_clearly(tmp_path: Path) -> None:
    """Two real `diplograph ingest` processes on one new store: never a corrupted or doubled store."""
    folder = tmp_path / "articles"
    folder.mkdir()
    states = ["Japan", "India", "Brazil", "Kenya", "Germany", "France", "Egypt", "Turkey"]
    for i in range(16):
        a, b = states[i % 8], states[(i + 3) % 8]
        (folder / f"a{i:02d}.txt").write_text(f"{a} sent food aid to {b} on {i + 1} May 2022.\n", encoding="utf-8")
    db = tmp_path / "both.duckdb"
    script = Path(sys.executable).parent / "diplograph"
    command = [str(script), "ingest", str(folder), "--db", str(db), "--batch-size", "1", "--quiet"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=180), run.communicate()[1]) for run in runs]
    print("two ingests:", results)
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 1]), results
    for code, err in results:
        if code == 1:
            assert err.startswith(f"error: the store {db} is in use by another process"), err
            assert err.count("\n") == 1 and "Traceback" not in err
    with Store.open(db) as store:
        conn = store.connection
        assert store.stats()["documents"] == 16
        assert conn.execute("SELECT count(*) - count(DISTINCT hash) FROM documents").fetchall() == [(0,)]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=180)  # and a rerun finds all stored
    assert rerun.returncode == 0, rerun.stderr


def test_reads_during_writes_see_whole_batches(tmp_path: Path) -> None:
    """A writer commits batches while readers (cursors of the same connection) check every document is whole."""
    db = tmp_path / "live.duckdb"
    base = Store.open(db)
    n, batch = 300, 5
    problems: list[str] = []
    done = threading.Event()
    seen: list[int] = []

    def write() -> None:
        writer = Store(base.cursor(), base.path)
        try:
            writer.add((numbered(i) for i in range(n)), batch_size=batch)
        finally:
            writer.close()
            done.set()

    def read() -> None:
        reader = Store(base.cursor(), base.path, read_only=True)
        try:
            while not done.is_set():
                conn = reader.connection
                conn.execute("BEGIN TRANSACTION")  # one snapshot for all three queries
                docs = conn.execute("SELECT id, hash FROM documents").fetchall()
                events = dict(conn.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
                measures = dict(conn.execute("SELECT doc_id, count(*) FROM measures GROUP BY doc_id").fetchall())
                conn.execute("COMMIT")
                if len(docs) % batch:
                    problems.append(f"{len(docs)} documents: a batch seen in part")
                for doc_id, _ in docs:
                    i = int(doc_id[1:])
                    if (events.get(doc_id, 0), measures.get(doc_id, 0)) != (i % 5, i % 3):
                        problems.append(f"{doc_id} seen without all its facts")
                if set(events) - {d for d, _ in docs} or set(measures) - {d for d, _ in docs}:
                    problems.append("facts seen before their document")
                seen.append(len(docs))
        finally:
            reader.close()

    threads = [threading.Thread(target=write), *(threading.Thread(target=read) for _ in range(2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with base:
        assert base.stats()["documents"] == n
    print(f"reads during writes: {len(seen)} snapshots, {len(set(seen))} distinct sizes")
    assert problems == []
    assert len(set(seen)) > 2, "the readers never saw the store part-way"
