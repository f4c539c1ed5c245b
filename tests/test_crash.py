"""Crashes: ingests killed with SIGKILL at random moments, and a full disk.

The kill trials run real extractions (the spaCy pipeline on generated articles, extracted once per test session)
through `Store.add` in a child process that is killed at a random moment from its start: while Python starts,
while the store is created and migrated, or between and during batch commits. After every kill the store must
open, every stored document must hold exactly the facts a clean ingest stores for it (no partial document), no
document or fact may be stored twice, and a rerun must complete the store to what a clean ingest gives.

    DIPLOGRAPH_CRASH_TRIALS=200 DIPLOGRAPH_CRASH_SEED=1 .venv/bin/python -m pytest tests/test_crash.py -s -k kill

runs more trials (the bench command; bench/RESULTS.md has its numbers). The seed is printed on every run.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import random
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from diplograph.errors import StoreError
from diplograph.model import Document, Extraction
from diplograph.store import Store

REPO = Path(__file__).resolve().parents[1]
TRIALS = int(os.environ.get("DIPLOGRAPH_CRASH_TRIALS", "20"))  # kills; two on each store, then a rerun

STATES = [
    ("Japan", "Tokyo", "Japanese"), ("India", "New Delhi", "Indian"), ("Brazil", "Brasilia", "Brazilian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Germany", "Berlin", "German"), ("France", "Paris", "French"),
    ("Egypt", "Cairo", "Egyptian"), ("Turkey", "Ankara", "Turkish"), ("Vietnam", "Hanoi", "Vietnamese"),
]  # fmt: skip


def article(i: int) -> Document:
    a, b, c = (STATES[(i + k) % len(STATES)] for k in (0, 1, 4))
    text = (
        f"{a[0]}'s foreign minister visited {b[1]} on {1 + i % 27} March 2022 for talks with {b[2]} officials.\n"
        f"{a[0]} sent food aid to {c[0]}. {c[2]} officials thanked {a[0]}.\n"
        f"{a[0]}'s exports to {b[0]} rose {3 + i}% to ${10 + i} billion in 2021.\n"
    )
    return Document(id=f"article-{i:02d}", text=text, published="2022-04-01", origin=f"corpus.jsonl:{i + 1}")


def copies(extractions: list[Extraction], n: int) -> list[Extraction]:
    """n variants of each extraction: a line appended to the text (offsets stay valid), a new id, a new hash."""
    out = []
    for k in range(n):
        for x in extractions:
            doc = dataclasses.replace(x.document, id=f"{x.document.id}-{k}", text=f"{x.document.text}[copy {k}]\n")
            out.append(
                dataclasses.replace(
                    x,
                    document=doc,
                    events=tuple(dataclasses.replace(e, doc=doc.id) for e in x.events),
                    measures=tuple(dataclasses.replace(m, doc=doc.id) for m in x.measures),
                )
            )
    return out


CHILD = textwrap.dedent(
    """
    import pickle, sys
    from diplograph.store import Store
    with open(sys.argv[1], "rb") as f:
        extractions = pickle.load(f)
    store = Store.open(sys.argv[2])
    print("ready", flush=True)
    result = store.add(extractions, batch_size=int(sys.argv[3]))
    store.close()
    print("done", result.documents_added, result.documents_skipped, flush=True)
    """
)


def contents(db: Path, *, shared: bool = True) -> dict[str, Any]:
    """Every stored document by content hash, with all its rows; fails on duplicates or facts without a document.
    `shared=False` leaves out events.shared, which says whether other stored events report the same incident: a
    store that holds only some documents rightly says less of that than the complete one."""
    with Store.open(db) as store:  # a writable open: the store must open (and replay its log) after any crash
        conn = store.connection
        assert conn.execute("SELECT count(*) - count(DISTINCT hash) FROM documents").fetchall() == [(0,)]
        assert conn.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchall() == [(0,)]
        found: dict[str, Any] = {
            row[0]: {"document": row, "events": [], "measures": [], "mentions": []}
            for row in conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents").fetchall()
        }
        for table, key in FACT_KEYS.items():
            assert conn.execute(f"SELECT count(*) - count(DISTINCT ({key})) FROM {table}").fetchall() == [(0,)]
            columns = "* EXCLUDE (shared)" if table == "events" and not shared else "*"
            for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY {key}").fetchall():
                assert row[0] in found, f"a row of {table} without its document"
                found[row[0]][table].append(row)
        return found


FACT_KEYS = {"events": "doc_hash, id", "measures": "doc_hash, id", "mentions": "doc_hash, kind, seq"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any], dict[str, Any]]:
    """(pickled extractions, child script, the clean store's contents with and without events.shared) for 24 real
    extractions x 4 copies."""
    from diplograph.pipeline import Extractor

    tmp = tmp_path_factory.mktemp("crash")
    extracted = list(Extractor().extract_documents(article(i) for i in range(24)))
    assert all(x.events and x.measures for x in extracted)
    extractions = copies(extracted, 4)
    data = tmp / "extractions.pickle"
    data.write_bytes(pickle.dumps(extractions))
    script = tmp / "child.py"
    script.write_text(CHILD)
    clean = tmp / "clean.duckdb"
    with Store.open(clean) as store:
        store.add(extractions, batch_size=7)
    expected = contents(clean)
    assert len(expected) == len(extractions) == 96
    return data, script, expected, contents(clean, shared=False)


def start(script: Path, data: Path, db: Path, batch_size: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, str(script), str(data), str(db), str(batch_size)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    tmp_path: Path, corpus: tuple[Path, Path, dict[str, Any], dict[str, Any]]
) -> None:
    data, script, expected, expected_per_document = corpus
    seed = int(os.environ.get("DIPLOGRAPH_CRASH_SEED") or random.randrange(2**32))
    print(f"\ncrash trials: seed {seed} (rerun with DIPLOGRAPH_CRASH_SEED={seed}), {TRIALS} kills")
    rng = random.Random(seed)

    began = time.monotonic()  # a clean run of the child, to spread the kills over its whole life
    calibration = start(script, data, tmp_path / "calibration.duckdb", 1)
    assert calibration.stdout is not None and calibration.stdout.readline() == "ready\n"
    ready = time.monotonic()
    out, err = calibration.communicate(timeout=120)
    assert calibration.returncode == 0, err
    lifetime, writing = time.monotonic() - began, time.monotonic() - ready

    kills, partial, rounds, lost, duplicated, attempts = 0, 0, 0, 0, 0, 0
    db = tmp_path / "round-0.duckdb"
    while kills < TRIALS:
        attempts += 1
        assert attempts < TRIALS * 6, f"only {kills} kills landed in {attempts} tries"
        child = start(script, data, db, rng.choice([1, 1, 2, 4]))
        if rng.random() < 0.25:  # any moment of its life: start-up, creating and migrating the store, writing
            time.sleep(rng.uniform(0.0, lifetime))
        else:  # while it writes
            assert child.stdout is not None and child.stdout.readline() == "ready\n", child.communicate()
            time.sleep(rng.uniform(0.0, writing))
        landed = child.poll() is None
        if landed:
            child.send_signal(signal.SIGKILL)
            kills += 1
        else:  # it finished first: its life is shorter than the calibration run's (a less busy machine), aim earlier
            lifetime, writing = lifetime * 0.8, writing * 0.8
        out, err = child.communicate(timeout=30)
        assert landed or child.returncode == 0, err
        stored = contents(db, shared=False)
        for digest, content in stored.items():  # each stored document is whole, exactly as a clean ingest stores it
            assert content == expected_per_document.get(digest), f"seed {seed}: {content['document'][1]} differs"
        partial += 0 < len(stored) < len(expected)
        if landed and kills % 2:  # a second kill on the same store, while it resumes
            continue
        if landed:  # then a rerun completes it
            rerun = start(script, data, db, 64)
            out, err = rerun.communicate(timeout=120)
            assert rerun.returncode == 0, err
            added, skipped = map(int, out.split()[-2:])
            assert added + skipped == len(expected) and added == len(expected) - len(stored)
        final = contents(db)
        lost += len(set(expected) - set(final))
        duplicated += sum(1 for _ in final) - len(set(final))
        assert final == expected, f"seed {seed}: the rerun did not complete the store"
        rounds += 1
        db = tmp_path / f"round-{rounds}.duckdb"
    print(
        f"crash trials: {kills} kills survived ({partial} left a partly filled store), {rounds} stores completed, "
        f"{lost} documents lost, {duplicated} duplicated, child lifetime {lifetime:.2f} s, writing {writing:.2f} s"
    )
    assert kills >= min(20, TRIALS) and lost == 0 and duplicated == 0
    assert partial >= 1, "no kill landed part-way through an ingest"


# --- a full disk --------------------------------------------------------------------------------------------------


def big(i: int) -> Extraction:
    return Extraction(Document(id=f"big-{i}", text=f"document {i}\n" + "Russia and China talked. " * 4000))


def _tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def _stored_ids(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        conn = store.connection
        assert conn.execute("SELECT count(*) - count(DISTINCT hash) FROM documents").fetchall() == [(0,)]
        return sorted(d.id for d in store.documents())


def test_full_disk_gives_a_clear_error_and_no_corruption(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if _tmpfs(disk, "2m"):
        try:
            _full_tmpfs(disk)
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)
    else:
        _full_rlimit(tmp_path)


def _full_tmpfs(disk: Path) -> None:
    from typer.testing import CliRunner

    from diplograph.cli import app

    db = disk / "store.duckdb"
    added = []
    with Store.open(db) as store:
        with pytest.raises(StoreError) as info:
            for i in range(200):
                store.add([big(i)])
                added.append(f"big-{i}")
    message = str(info.value)
    print("full disk:", message)
    assert "No space left on device" in message and "nothing of it was written" in message
    assert 0 < len(added) < 200
    assert _stored_ids(db) == sorted(added)  # the store opens, whole documents only

    # The command line says so on one line, without a traceback, and the store is still intact.
    article_file = disk.parent / "article.txt"
    article_file.write_text("Japan sent food aid to India in 2022. " * 50, encoding="utf-8")
    filler = disk / "filler"
    try:  # fill what room the failed batch left, if any
        with open(filler, "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:
        pass
    result = CliRunner().invoke(app, ["ingest", str(article_file), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    filler.unlink(missing_ok=True)
    assert _stored_ids(db) == sorted(added)

    # With room again, the same ingest goes on where it stopped.
    subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
    with Store.open(db) as store:
        result_add = store.add([big(i) for i in range(40)])
    assert result_add.documents_skipped == len(added) and result_add.documents_added == 40 - len(added)
    assert _stored_ids(db) == sorted(f"big-{i}" for i in range(40))


FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))
    from diplograph.model import Document, Extraction
    from diplograph.store import Store
    from diplograph.errors import StoreError
    def big(i):
        return Extraction(Document(id=f"big-{i}", text=f"document {i}\\n" + "Russia and China talked. " * 4000))
    added = 0
    try:
        with Store.open(sys.argv[1]) as store:
            for i in range(200):
                store.add([big(i)])
                added += 1
    except StoreError as e:
        print("error:", e)
    print("added", added)
    """
)


def _full_rlimit(tmp_path: Path) -> None:
    """No tmpfs (not root): a size-limited file (RLIMIT_FSIZE) in a child process stands in for a full disk."""
    if not hasattr(resource, "RLIMIT_FSIZE"):
        pytest.skip("neither a tmpfs (needs root) nor RLIMIT_FSIZE is available to simulate a full disk")
    script, db = tmp_path / "full.py", tmp_path / "limited.duckdb"
    script.write_text(FULL_CHILD)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(script), str(db)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    print("size-limited file:", done.stdout)
    assert "File too large" in done.stdout and "nothing of it was written" in done.stdout
    added = int(done.stdout.split()[-1])
    assert 0 < added < 200
    assert _stored_ids(db) == sorted(f"big-{i}" for i in range(added))
    with Store.open(db) as store:
        assert store.add([big(i) for i in range(40)]).documents_added == 40 - added
    assert _stored_ids(db) == sorted(f"big-{i}" for i in range(40))
