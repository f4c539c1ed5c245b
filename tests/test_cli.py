"""The `diplograph` command through its public surface: real files, the real extractor, a real DuckDB store.

Most tests run the CLI in-process with `CliRunner`; the crash test and the console-script test run the installed
`diplograph` executable as a subprocess. The test articles below are short news sentences about real states,
written so that the real extractor gives known events and measures; the tests assert on those records (type,
states, date, evidence quoting the document text at its offsets) as the commands print them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplograph.cli import app

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
SEED_GOLD = SHARED / "eval" / "gold" / "seed.jsonl"
SAMPLES = REPO / "diplograph" / "samples" / "sample-corpus.jsonl"
COMMANDS = ["ingest", "extract", "mentions", "events", "measures", "documents", "show", "evaluate", "stats"]
CONTRACT_EVENT = {"doc", "kind", "event", "mode", "context", "aux", "actor", "recipient", "date", "evidence"}
CONTRACT_MEASURE = {"doc", "kind", "measure", "actor", "recipient", "period", "value", "unit", "change_pct",
                    "commodity", "per", "qualifier", "evidence"}  # fmt: skip
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"shared data not beside the repository ({SHARED})")

runner = CliRunner()

# --- the test articles and what the extractor finds in them ----------------------------------------------------------

PUBLISHED = "2023-03-20"  # a Monday: the --published date of the text files
LAVROV = (
    "Russia's foreign minister Sergei Lavrov visited Beijing on Monday for talks with Chinese foreign minister "
    "Wang Yi. Japan sent food aid to India."
)
EXPORTS = "Brazil's exports to China rose 12% to $89 billion in 2022."
ARTICLES = {"lavrov.txt": LAVROV, "exports.txt": EXPORTS}
CORPUS = [
    {"id": "corpus-a", "text": "China imposed sanctions on Japan on 7 July 2023.", "published": "2023-07-08"},
    {
        "id": "corpus-b",
        "text": "North Korea threatened South Korea with a nuclear strike on 2 May 2023.",
        "published": "2023-05-03",
        "title": "Sanctions [bold]update[/] [/]",
    },
]
TEXTS = {"lavrov": LAVROV, "exports": EXPORTS, **{row["id"]: row["text"] for row in CORPUS}}

# (doc, event) -> actor, recipient, date, words the evidence must quote
EVENTS = {
    ("lavrov", "CONSULT"): (["RUS"], ["CHN"], "2023-03-20", "Lavrov visited Beijing"),
    # an undated event of a news story: the week up to publication (the date of the sentence before is its own)
    ("lavrov", "AID"): (["JPN"], ["IND"], "2023-03-14/2023-03-20", "Japan sent food aid to India"),
    ("corpus-a", "SANCTION"): (["CHN"], ["JPN"], "2023-07-07", "China imposed sanctions on Japan"),
    ("corpus-b", "THREATEN"): (["PRK"], ["KOR"], "2023-05-02", "North Korea threatened South Korea"),
}
MEASURE = {
    "doc": "exports", "measure": "exports", "actor": ["BRA"], "recipient": ["CHN"], "period": "2022",
    "value": 89e9, "unit": "USD", "change_pct": 12.0,
}  # fmt: skip


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two text articles and a corpus JSONL of two more."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    write_jsonl(articles / "corpus.jsonl", CORPUS)
    return articles


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder above ingested once into a store that the query tests only read."""
    tmp = tmp_path_factory.mktemp("store")
    articles = tmp / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    write_jsonl(articles / "corpus.jsonl", CORPUS)
    db = tmp / "store.duckdb"
    result = invoke("ingest", str(articles), "--db", str(db), "--published", PUBLISHED, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return db


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), input=input, env=env)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def stats(db: Path) -> dict[str, Any]:
    result = invoke("stats", "--db", str(db), "--json")
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def counts(db: Path) -> dict[str, int]:
    found = stats(db)
    return {key: found[key] for key in ("documents", "events", "measures", "mentions")}


def assert_quotes(record: dict[str, Any], text: str) -> None:
    """Each evidence span is exactly text[start:end]."""
    assert record["evidence"], record
    for ev in record["evidence"]:
        assert set(ev) >= {"start", "end", "text"}
        assert 0 <= ev["start"] < ev["end"] <= len(text)
        assert text[ev["start"] : ev["end"]] == ev["text"], (record, text)


def assert_contract(record: dict[str, Any], text: str) -> None:
    required = CONTRACT_MEASURE if record["kind"] == "measure" else CONTRACT_EVENT
    assert required <= set(record), required - set(record)
    assert_quotes(record, text)
    assert all(isinstance(code, str) and len(code) == 3 for code in [*record["actor"], *record["recipient"]])


def assert_known_event(record: dict[str, Any]) -> None:
    """An event of the test articles: the states, date and evidence the extractor gives for it."""
    actor, recipient, date, words = EVENTS[record["doc"], record["event"]]
    assert (record["actor"], record["recipient"], record["date"]) == (actor, recipient, date), record
    assert words in record["evidence"][0]["text"], record
    assert_contract(record, TEXTS[record["doc"]])


def assert_known_measure(record: dict[str, Any]) -> None:
    assert {key: record[key] for key in MEASURE} == MEASURE
    assert record["evidence"][0]["text"].startswith("Brazil's exports to China rose 12% to $89 billion")
    assert_contract(record, EXPORTS)


# --- help and version ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(command: str | None) -> None:
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_version() -> None:
    from diplograph import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"diplograph {__version__}\n"


def test_help_does_not_import_heavy_modules() -> None:
    code = "import sys, diplograph.cli; print(sorted({'spacy', 'duckdb', 'diplograph.store'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- ingest -------------------------------------------------------------------------------------------------------


def test_ingest_stores_the_extracted_records(store: Path) -> None:
    assert {"documents": 4, "events": 4, "measures": 1}.items() <= stats(store).items()
    stored = events_of(store)
    assert sorted((e["doc"], e["event"]) for e in stored) == sorted(EVENTS)
    for event in stored:
        assert_known_event(event)
    [measure] = measures_of(store)
    assert_known_measure(measure)


def test_ingest_twice_stores_once(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "twice.duckdb"
    first = invoke("ingest", str(folder), "--db", str(db), "--published", PUBLISHED)
    assert first.exit_code == 0, first.stderr
    assert first.stderr == "ingested 4 documents (0 already stored), 4 events, 1 measure; skipped 0 inputs\n"
    before = counts(db)
    assert before["documents"] == 4 and before["events"] == 4 and before["measures"] == 1 and before["mentions"] > 0

    second = invoke("ingest", str(folder), "--db", str(db), "--published", PUBLISHED)
    assert second.exit_code == 0, second.stderr
    assert second.stderr == "ingested 4 documents (4 already stored), 0 events, 0 measures; skipped 0 inputs\n"
    assert counts(db) == before


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path, folder: Path) -> None:
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "good-line", "text": "Kenya sent food aid to Somalia on 3 March 2023."}) + "\n{not json\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Café diplomacy in Paris.".encode("latin-1"))
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("some text", encoding="utf-8")
    db = tmp_path / "bad.duckdb"

    result = invoke("ingest", str(folder), str(unknown), "--db", str(db), "--published", PUBLISHED)

    assert result.exit_code == 1
    errors = result.stderr
    assert f"skipped: {folder / 'binary.txt'}" in errors
    assert f"skipped: {folder / 'broken.jsonl'}: line 2" in errors
    for path in (folder / "empty.txt", folder / "latin1.txt", unknown):
        assert f"skipped: {path}" in errors
    assert "Traceback" not in errors
    assert errors.endswith("ingested 5 documents (0 already stored), 5 events, 1 measure; skipped 5 inputs\n")
    listed = jsonl(invoke("documents", "--db", str(db), "--format", "jsonl").stdout)
    assert sorted(d["id"] for d in listed) == ["corpus-a", "corpus-b", "exports", "good-line", "lavrov"]
    [aid] = events_of(db, "--doc", "good-line")
    assert (aid["event"], aid["actor"], aid["recipient"], aid["date"]) == ("AID", ["KEN"], ["SOM"], "2023-03-03")


def test_ingest_reads_stdin_and_the_env_store(tmp_path: Path) -> None:
    db = tmp_path / "env.duckdb"
    result = invoke("ingest", "-", "--published", PUBLISHED, "-q", input=LAVROV + "\n", env={"DIPLOGRAPH_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # --quiet and nothing skipped
    assert {"documents": 1, "events": 2, "measures": 0}.items() <= stats(db).items()
    listed = jsonl(invoke("documents", "--format", "jsonl", env={"DIPLOGRAPH_DB": str(db)}).stdout)
    assert [(d["id"], d["published"], d["text"]) for d in listed] == [("stdin", PUBLISHED, LAVROV + "\n")]


def test_ingest_memory_setting_is_used_and_checked(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "capped.duckdb"
    capped = invoke("ingest", str(folder), "--db", str(db), "-q", env={"DIPLOGRAPH_INGEST_MEMORY": "16"})
    assert capped.exit_code == 0, capped.stderr
    assert counts(db)["documents"] == 4
    for bad in ("lots", "-5", "4"):
        result = invoke("ingest", str(folder), "--db", str(db), env={"DIPLOGRAPH_INGEST_MEMORY": bad})
        assert result.exit_code == 1
        assert f"DIPLOGRAPH_INGEST_MEMORY: expected MiB, 16 or more (0: no cap), got {bad!r}" in result.stderr
        assert "Traceback" not in result.stderr
    assert counts(db)["documents"] == 4


def test_bad_options_give_one_error_line(tmp_path: Path, folder: Path) -> None:
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--published", "yesterday")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: --published") and "\n" not in result.stderr.strip()
    assert not (tmp_path / "x.duckdb").exists()
    missing = invoke("events", "--db", str(tmp_path / "missing.duckdb"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no store at") and "Traceback" not in missing.stderr
    assert not (tmp_path / "missing.duckdb").exists()
    for option in ("--actors", "--lexicon"):
        absent = invoke("extract", str(folder), option, str(tmp_path / "absent.file"))
        assert absent.exit_code == 1
        assert absent.stderr == f"error: {option}: {tmp_path / 'absent.file'}: no such file\n"


# --- a killed ingest ------------------------------------------------------------------------------------------------

CRASH_STATES = [
    ("Japan", "Tokyo", "Japanese"), ("India", "New Delhi", "Indian"), ("Brazil", "Brasilia", "Brazilian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Germany", "Berlin", "German"), ("France", "Paris", "French"),
    ("Egypt", "Cairo", "Egyptian"), ("Turkey", "Ankara", "Turkish"), ("Vietnam", "Hanoi", "Vietnamese"),
    ("Mexico", "Mexico City", "Mexican"), ("Canada", "Ottawa", "Canadian"), ("Poland", "Warsaw", "Polish"),
]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def crash_article(i: int) -> str:
    """Article i of 40: a visit, an aid delivery and an export figure, each text different."""
    a, b, c = (CRASH_STATES[(i + k + i // 12) % 12] for k in (0, 1, 5))
    return (
        f"{a[0]}'s foreign minister visited {b[1]} on {1 + i % 27} {MONTHS[i % 10]} 2022 for talks with {b[2]} "
        f"officials.\n{a[0]} sent food aid to {c[0]}.\n"
        f"{a[0]}'s exports to {b[0]} rose {3 + i}% to ${10 + i} billion in 2021.\n"
    )


def run_ingest(script: str, folder: Path, db: Path) -> subprocess.Popen[str]:
    command = [script, "ingest", str(folder), "--db", str(db), "--batch-size", "1", "--quiet"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, process: subprocess.Popen[str], deadline: float) -> None:
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.005)


def stored_by_hash(db: Path) -> dict[str, dict[str, Any]]:
    """Every stored document (by content hash) with all its stored facts and annotations, via the store API."""
    from diplograph.model import content_hash
    from diplograph.store import Store

    with Store.open(db, read_only=True) as store:
        documents = store.documents()
        found = {}
        for document in documents:
            extraction = store.extraction(content_hash(document.text))
            assert extraction is not None
            found[content_hash(document.text)] = {
                "document": document.to_dict(),
                "events": [e.to_dict() for e in extraction.events],
                "measures": [m.to_dict() for m in extraction.measures],
                "mentions": [m.to_dict() for m in (*extraction.mentions, *extraction.dates, *extraction.quantities)],
            }
    assert len(found) == len(documents), "a document is stored twice"
    return found


def test_killed_ingest_leaves_whole_documents_and_resumes(tmp_path: Path) -> None:
    script = str(console_script())
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(40):
        (folder / f"article-{i:02d}.txt").write_text(crash_article(i), encoding="utf-8")

    clean_db = tmp_path / "clean.duckdb"
    clean_run = run_ingest(script, folder, clean_db)
    wait_for(clean_db, clean_run, time.monotonic() + 60)
    opened = time.monotonic()
    assert clean_run.wait(timeout=60) == 0, clean_run.communicate()
    window = time.monotonic() - opened  # the time from the store's creation to the end of the ingest
    clean = stored_by_hash(clean_db)
    clean_counts = counts(clean_db)
    assert clean_counts["documents"] == 40 and clean_counts["events"] >= 40 and clean_counts["measures"] >= 40
    assert all(doc["events"] and doc["measures"] for doc in clean.values())

    # Kill part-way: after the store appears, at a fraction of the clean run's time, adjusted until some but not
    # all documents are stored.
    low, high, fraction = 0.0, 1.0, 0.5
    for attempt in range(6):
        db = tmp_path / f"killed-{attempt}.duckdb"
        process = run_ingest(script, folder, db)
        wait_for(db, process, time.monotonic() + 60)
        time.sleep(window * fraction)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            assert process.wait(timeout=30) == -signal.SIGKILL
        else:  # this run outpaced the clean one and finished before the kill: try earlier
            assert process.returncode == 0, process.communicate()
        stored = counts(db)["documents"]
        if 0 < stored < 40:
            break
        low, high = (fraction, high) if stored == 0 else (low, fraction)
        fraction = (low + high) / 2
    else:
        pytest.fail(f"no kill landed part-way through the ingest (last: {stored} of 40 stored)")

    after_kill = counts(db)
    killed = stored_by_hash(db)
    assert after_kill["documents"] == len(killed)
    assert set(killed) < set(clean)
    for digest, content in killed.items():  # each stored document is whole: exactly what a clean ingest stores
        assert content == clean[digest], content["document"]["id"]
    assert after_kill["events"] == sum(len(c["events"]) for c in killed.values())
    assert after_kill["measures"] == sum(len(c["measures"]) for c in killed.values())
    assert after_kill["mentions"] == sum(len(c["mentions"]) for c in killed.values())

    rerun = subprocess.run([script, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested 40 documents ({len(killed)} already stored)" in rerun.stderr
    assert counts(db) == clean_counts
    assert stored_by_hash(db) == clean


# --- extract (stateless) ------------------------------------------------------------------------------------------


@needs_shared
def test_extract_seed_gives_contract_records() -> None:
    """The seed commentary: contract records quoting the text exactly, the debt write-off among them."""
    result = invoke("extract", str(SEED), "--published", "2015-04-30", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    text = SEED.read_text(encoding="utf-8")
    records = jsonl(result.stdout)
    for record in records:
        assert record["doc"] == "north-korea-new-diplomacy"
        assert_contract(record, text)
    events = {
        (r["event"], tuple(r["actor"]), tuple(r["recipient"]), r["date"]) for r in records if r["kind"] == "event"
    }
    assert ("AID", ("RUS",), ("PRK",), "2012") in events
    relief = [r for r in records if r.get("measure") == "debt_relief" and r["actor"] == ["RUS"]]
    assert relief and relief[0]["recipient"] == ["PRK"] and relief[0]["unit"] == "USD"
    assert abs(relief[0]["value"] - 10e9) <= 0.01 * 10e9
    assert f"extracted {len(records)} records from 1 document; skipped 0 inputs" in result.stderr


def test_extract_corpus_records_carry_document_ids(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    result = invoke("extract", str(corpus))
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [(r["doc"], r["event"]) for r in records] == [("corpus-a", "SANCTION"), ("corpus-b", "THREATEN")]
    for record in records:
        assert_known_event(record)
    assert result.stderr == "extracted 2 records from 2 documents; skipped 0 inputs\n"


def test_extract_jsonl_of_a_folder(folder: Path) -> None:
    result = invoke("extract", str(folder), "--published", PUBLISHED, "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    records = jsonl(result.stdout)
    assert sorted((r["doc"], r.get("event") or r["measure"]) for r in records) == sorted(
        [*EVENTS, ("exports", "exports")]
    )
    for record in records:
        assert_known_measure(record) if record["kind"] == "measure" else assert_known_event(record)
    assert list(records[0])[:10] == ["doc", "kind", "event", "mode", "context", "aux", "actor", "recipient",
                                     "date", "evidence"]  # fmt: skip


def test_extract_csv(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "records.csv"
    result = invoke("extract", str(folder), "--published", PUBLISHED, "--format", "csv", "--out", str(out), "-q")
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 5
    by_type = {(r["doc"], r["type"]): r for r in rows}
    consult = by_type["lavrov", "CONSULT"]
    assert (consult["kind"], consult["actor"], consult["recipient"], consult["date"], consult["mode"]) == (
        "event", "RUS", "CHN", "2023-03-20", "visit"
    )  # fmt: skip
    exports = by_type["exports", "exports"]
    assert (exports["kind"], exports["actor"], exports["recipient"], exports["date"]) == (
        "measure",
        "BRA",
        "CHN",
        "2022",
    )
    assert (float(exports["value"]), exports["unit"], float(exports["change_pct"])) == (89e9, "USD", 12.0)
    several = invoke("extract", "-", "--format", "csv", "-q", "--min-confidence", "0",
                     input="Japan and India held talks in Tokyo on 5 May 2023. The US Congress agreed on 6 May 2023 "
                           "to lift embargoes on Iran, Libya and Sudan.")  # fmt: skip
    talks, lifted = list(csv.DictReader(io.StringIO(several.stdout)))
    # a joint meeting is written as the pair; several states on one side are joined by ';'
    assert (talks["type"], talks["actor"], talks["recipient"], talks["context"]) == ("CONSULT", "JPN", "IND",
                                                                                     "diplomatic")
    assert (lifted["type"], lifted["actor"], lifted["recipient"]) == ("AGREE", "USA", "IRN;LBY;SDN")
    for row in rows:  # spans are start:end into the document text and match the evidence column
        spans = [tuple(map(int, span.split(":"))) for span in row["spans"].split(";")]
        text = TEXTS[row["doc"]]
        assert row["evidence"] == " | ".join(text[start:end] for start, end in spans)


def test_extract_table_and_kinds(folder: Path) -> None:
    table = invoke("extract", str(folder / "lavrov.txt"), "--published", PUBLISHED, "--format", "table")
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert any("CONSULT" in line and "RUS" in line and "CHN" in line and "2023-03-20" in line for line in lines)
    assert any("AID" in line and "JPN" in line and "IND" in line for line in lines)
    assert "visited Beijing" in table.stdout
    assert table.stderr == "extracted 2 records from 1 document; skipped 0 inputs\n"

    only_measures = jsonl(invoke("extract", str(folder), "--kind", "measures").stdout)
    assert len(only_measures) == 1
    assert_known_measure(only_measures[0])
    only_events = jsonl(invoke("extract", str(folder), "--published", PUBLISHED, "--kind", "events").stdout)
    assert sorted((r["doc"], r["event"]) for r in only_events) == sorted(EVENTS)


def test_extract_skips_bad_lines_and_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text(json.dumps(CORPUS[0]) + "\nnot json at all\n" + json.dumps(CORPUS[1]) + "\n", encoding="utf-8")
    result = invoke("extract", str(corpus))
    assert result.exit_code == 1
    assert f"skipped: {corpus}: line 2" in result.stderr
    assert [(r["doc"], r["event"]) for r in jsonl(result.stdout)] == [
        ("corpus-a", "SANCTION"),
        ("corpus-b", "THREATEN"),
    ]
    assert result.stderr.endswith("extracted 2 records from 2 documents; skipped 1 input\n")


def test_extract_reads_stdin() -> None:
    result = invoke(
        "extract", "-", "--published", PUBLISHED, "-q", input="India sent food aid to Nepal on 2 January 2023.\n"
    )
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert (record["doc"], record["event"], record["actor"], record["recipient"], record["date"]) == (
        "stdin", "AID", ["IND"], ["NPL"], "2023-01-02"
    )  # fmt: skip
    assert_quotes(record, "India sent food aid to Nepal on 2 January 2023.\n")


def test_extract_with_an_extra_lexicon(tmp_path: Path) -> None:
    """--lexicon adds a trigger verb: 'stonewalled' is read as REJECT only with it."""
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('[verbs.stonewall]\nevent = "REJECT"\n', encoding="utf-8")
    text = "China stonewalled Japan on Monday.\n"
    assert jsonl(invoke("extract", "-", "--published", PUBLISHED, input=text).stdout) == []
    result = invoke("extract", "-", "--published", PUBLISHED, "--lexicon", str(lexicon), input=text)
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert (record["event"], record["actor"], record["recipient"], record["date"]) == (
        "REJECT", ["CHN"], ["JPN"], "2023-03-20"
    )  # fmt: skip
    assert_quotes(record, text)
    broken = tmp_path / "broken.toml"
    broken.write_text("[verbs.snub\n", encoding="utf-8")
    bad = invoke("extract", "-", "--lexicon", str(broken), input=text)
    assert bad.exit_code == 1 and bad.stderr.startswith(f"error: {broken}: not a valid lexicon file")


def test_extract_with_an_extra_actor_dictionary(tmp_path: Path) -> None:
    """--actors (and $DIPLOGRAPH_ACTORS) add names: 'Ruritania' is read as the state it is mapped to."""
    actors = tmp_path / "actors.csv"
    actors.write_text("alias,code,type,sector\nRuritania,AUT,name,\n", encoding="utf-8")
    text = "Ruritania sent food aid to India.\n"
    every = ("--min-confidence", "0")  # the dictionary is tested, whatever the model thinks of the record
    [plain] = jsonl(invoke("extract", "-", *every, input=text).stdout)
    assert plain["actor"] == [] and plain["recipient"] == ["IND"]
    for result in (
        invoke("extract", "-", "--actors", str(actors), *every, input=text),
        invoke("extract", "-", *every, input=text, env={"DIPLOGRAPH_ACTORS": str(actors)}),
    ):
        assert result.exit_code == 0, result.stderr
        [record] = jsonl(result.stdout)
        assert (record["event"], record["actor"], record["recipient"]) == ("AID", ["AUT"], ["IND"])
        assert_quotes(record, text)


def test_mentions(folder: Path) -> None:
    result = invoke("mentions", str(folder / "lavrov.txt"), "--published", PUBLISHED)
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result.stdout)
    for row in rows:
        assert row["doc"] == "lavrov" and row["kind"] in {"actor", "date", "quantity"}
        assert LAVROV[row["start"] : row["end"]] == row["text"]
    actors = {(r["text"], r["code"]) for r in rows if r["kind"] == "actor"}
    assert {
        ("Russia", "RUS"),
        ("Sergei Lavrov", "RUS"),
        ("Beijing", "CHN"),
        ("Japan", "JPN"),
        ("India", "IND"),
    } <= actors
    lavrov = next(r for r in rows if r["text"] == "Sergei Lavrov")
    assert (lavrov["start"], lavrov["end"], lavrov["person"], lavrov["actor_kind"]) == (
        26, 39, "Sergey Lavrov", "state"
    )  # fmt: skip
    assert [(r["text"], r["value"]) for r in rows if r["kind"] == "date"] == [("on Monday", "2023-03-20")]
    assert result.stderr == f"found {len(rows)} mentions in 1 document; skipped 0 inputs\n"

    table = invoke("mentions", str(folder / "exports.txt"), "--format", "table")
    assert table.exit_code == 0, table.stderr
    assert any("Brazil" in line and "BRA" in line for line in table.stdout.splitlines())
    assert "$89 billion" in table.stdout


def test_mentions_sentences_and_extract_explain_show_what_was_not_parsed(tmp_path: Path) -> None:
    text = "Japan sent food aid to India on Monday. It was cold. Both countries praised the deal."
    path = tmp_path / "aid.txt"
    path.write_text(text, encoding="utf-8")
    result = invoke("mentions", str(path), "--published", PUBLISHED, "--sentences")
    assert result.exit_code == 0, result.stderr
    sentences = [r for r in jsonl(result.stdout) if r["kind"] == "sentence"]
    assert [(r["text"], r["parsed"], r["cue"]) for r in sentences] == [
        ("Japan sent food aid to India on Monday.", True, "dictionary 'Japan'"),
        ("It was cold.", False, ""),
        ("Both countries praised the deal.", True, "pair 'both'"),
    ]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in sentences)
    plain = invoke("mentions", str(path), "--published", PUBLISHED)
    assert not any(r["kind"] == "sentence" for r in jsonl(plain.stdout))
    table = invoke("mentions", str(path), "--published", PUBLISHED, "--sentences", "--format", "table")
    assert "not parsed" in table.stdout and "parsed: pair 'both'" in table.stdout

    explained = invoke("extract", str(path), "--published", PUBLISHED, "--explain")
    assert explained.exit_code == 0, explained.stderr
    assert "aid: 1 of 3 sentences not parsed\naid:40-52 not parsed: It was cold.\n" in explained.stderr
    assert explained.stdout == invoke("extract", str(path), "--published", PUBLISHED).stdout


# --- querying the store -------------------------------------------------------------------------------------------


def events_of(db: Path, *args: str) -> list[dict[str, Any]]:
    result = invoke("events", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def measures_of(db: Path, *args: str) -> list[dict[str, Any]]:
    result = invoke("measures", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def kinds(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["doc"], r["event"]) for r in records]


def test_events_filters(store: Path) -> None:
    everything = events_of(store)
    assert sorted(kinds(everything)) == sorted(EVENTS)
    assert kinds(events_of(store, "--type", "SANCTION")) == [("corpus-a", "SANCTION")]
    assert sorted(kinds(events_of(store, "--type", "aid,threaten"))) == [("corpus-b", "THREATEN"), ("lavrov", "AID")]
    assert kinds(events_of(store, "--state", "ind")) == [("lavrov", "AID")]
    assert kinds(events_of(store, "--state", "jpn")) == [("lavrov", "AID"), ("corpus-a", "SANCTION")]  # by date
    assert kinds(events_of(store, "--actor", "JPN", "--recipient", "IND")) == [("lavrov", "AID")]
    assert events_of(store, "--actor", "IND") == []
    assert kinds(events_of(store, "--recipient", "JPN")) == [("corpus-a", "SANCTION")]
    assert kinds(events_of(store, "--dyad", "CHN", "RUS")) == [("lavrov", "CONSULT")]
    assert kinds(events_of(store, "--dyad", "RUS-CHN")) == [("lavrov", "CONSULT")]
    assert kinds(events_of(store, "--dyad", "PRK,KOR")) == [("corpus-b", "THREATEN")]
    assert kinds(events_of(store, "--since", "2023-05", "--until", "2023-05-31")) == [("corpus-b", "THREATEN")]
    assert sorted(kinds(events_of(store, "--since", "2023-04"))) == [("corpus-a", "SANCTION"), ("corpus-b", "THREATEN")]
    assert kinds(events_of(store, "--until", "2023-03")) == kinds(events_of(store, "--doc", "lavrov"))
    assert kinds(events_of(store, "--text", "BEIJING")) == [("lavrov", "CONSULT")]
    assert kinds(events_of(store, "--doc", "corpus-b")) == [("corpus-b", "THREATEN")]
    assert events_of(store, "--limit", "2", "--offset", "1") == everything[1:3]
    assert events_of(store, "--limit", "0") == everything
    for event in everything:
        assert_known_event(event)

    table = invoke("events", "--db", str(store), "--dyad", "JPN", "IND")
    assert table.exit_code == 0, table.stderr
    [row] = [line for line in table.stdout.splitlines() if "AID" in line]
    assert "JPN" in row and "IND" in row and "lavrov" in row and "Japan sent food aid to India" in row
    assert "CONSULT" not in table.stdout and "1 events" in table.stdout
    bad = invoke("events", "--db", str(store), "--dyad", "JPN")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: --dyad")


def test_events_csv(store: Path) -> None:
    result = invoke("events", "--db", str(store), "--format", "csv", "--type", "SANCTION")
    assert result.exit_code == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["doc"], row["kind"], row["type"], row["actor"], row["recipient"], row["date"]) == (
        "corpus-a", "event", "SANCTION", "CHN", "JPN", "2023-07-07"
    )  # fmt: skip
    start, end = map(int, row["spans"].split(":"))
    assert row["evidence"] == TEXTS["corpus-a"][start:end]


def test_measures(store: Path) -> None:
    [measure] = measures_of(store, "--measure", "exports")
    assert_known_measure(measure)
    assert measures_of(store, "--measure", "trade,aid") == []
    assert measures_of(store, "--actor", "CHN") == []
    assert measures_of(store, "--recipient", "CHN") == [measure]
    assert measures_of(store, "--since", "2022", "--until", "2022") == [measure]
    assert measures_of(store, "--since", "2023") == []
    assert measures_of(store, "--text", "exports to china") == [measure]
    table = invoke("measures", "--db", str(store), "--dyad", "CHN-BRA")
    assert table.exit_code == 0, table.stderr
    [row] = [line for line in table.stdout.splitlines() if "exports" in line and "BRA" in line]
    assert "89 billion USD (+12%)" in row and "2022" in row
    csv_rows = list(csv.DictReader(io.StringIO(invoke("measures", "--db", str(store), "--format", "csv").stdout)))
    assert [(r["type"], r["actor"], r["recipient"], float(r["value"])) for r in csv_rows] == [
        ("exports", "BRA", "CHN", 89e9)
    ]


def test_documents(store: Path) -> None:
    listed = jsonl(invoke("documents", "--db", str(store), "--format", "jsonl").stdout)
    assert sorted(d["id"] for d in listed) == ["corpus-a", "corpus-b", "exports", "lavrov"]
    assert {d["id"]: d["text"] for d in listed} == TEXTS
    assert {d["id"]: d["published"] for d in listed} == {
        "lavrov": PUBLISHED, "exports": PUBLISHED, "corpus-a": "2023-07-08", "corpus-b": "2023-05-03"
    }  # fmt: skip
    since = jsonl(invoke("documents", "--db", str(store), "--format", "jsonl", "--since", "2023-05").stdout)
    assert [d["id"] for d in since] == ["corpus-b", "corpus-a"]
    assert len(jsonl(invoke("documents", "--db", str(store), "--format", "jsonl", "--limit", "1").stdout)) == 1
    rows = list(csv.DictReader(io.StringIO(invoke("documents", "--db", str(store), "--format", "csv").stdout)))
    assert {r["id"]: r["text"] for r in rows} == TEXTS
    table = invoke("documents", "--db", str(store))
    assert table.exit_code == 0 and "corpus-a" in table.stdout and "Sanctions [bold]update[/] [/]" in table.stdout


def test_evidence_quotes_the_stored_text(store: Path) -> None:
    texts = {d["id"]: d["text"] for d in jsonl(invoke("documents", "--db", str(store), "--format", "jsonl").stdout)}
    records = [*events_of(store), *measures_of(store)]
    assert len(records) == 5
    for record in records:
        assert_quotes(record, texts[record["doc"]])


def test_show_highlights_facts(store: Path) -> None:
    result = invoke("show", "lavrov", "--db", str(store))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Russia's foreign minister Sergei Lavrov visited Beijing[1] on Monday" in out
    assert "Japan sent food aid to India.[2]" in out
    assert "2 events, 0 measures" in out
    assert "[1] CONSULT RUS -> CHN  2023-03-20  visit" in out and "[2] AID JPN -> IND  2023-03-14/2023-03-20" in out
    assert "“Russia's foreign minister Sergei Lavrov visited Beijing”" in out

    measure = invoke("show", "exports", "--db", str(store))
    assert measure.exit_code == 0, measure.stderr
    assert "0 events, 1 measures" in measure.stdout
    assert "[1] exports BRA -> CHN  2022  89 billion USD (+12%)" in measure.stdout
    titled = invoke("show", "corpus-b", "--db", str(store))
    assert titled.exit_code == 0 and "Sanctions [bold]update[/] [/]" in titled.stdout  # shown, not read as markup
    assert "[1] THREATEN PRK -> KOR  2023-05-02" in titled.stdout
    missing = invoke("show", "no-such-doc", "--db", str(store))
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no document 'no-such-doc'")


def test_stats(store: Path, folder: Path) -> None:
    found = stats(store)
    assert {"documents": 4, "events": 4, "measures": 1}.items() <= found.items()
    assert (found["first_date"], found["last_date"]) == ("2023-03-14", "2023-07-07")
    assert found["path"] == str(store)
    mentions = invoke("mentions", str(folder), "--published", PUBLISHED)
    assert found["mentions"] == len(jsonl(mentions.stdout))  # every actor, date and quantity mention is stored
    plain = invoke("stats", "--db", str(store))
    assert plain.exit_code == 0
    assert [" ".join(line.split()) for line in plain.stdout.splitlines()[:6]] == [
        "documents 4", "events 4", f"events_shown {found['events_shown']}",
        f"incidents_shown {found['incidents_shown']}", f"events_located {found['events_located']}", "measures 1",
    ]  # fmt: skip
    assert found["dyad_index_fresh"] is False and found["brief_index_fresh"] is False  # never optimized
    assert 0 < found["incidents_shown"] <= found["events_shown"] and found["events_located"] <= found["events_shown"]
    assert 0 < found["events_shown"] <= found["events"] and found["measures_shown"] <= found["measures"]


# --- evaluate -----------------------------------------------------------------------------------------------------


@needs_shared
def test_evaluate_matches_the_reference_scorer(tmp_path: Path) -> None:
    """`evaluate GOLD` scores what `extract` prints exactly as score.py does."""
    corpus = subprocess.run([sys.executable, str(SHARED / "eval" / "corpus.py"), str(SEED_GOLD)],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    (tmp_path / "corpus.jsonl").write_text(corpus, encoding="utf-8")
    extracted = invoke("extract", str(tmp_path / "corpus.jsonl"), "--out", str(tmp_path / "pred.jsonl"))
    assert extracted.exit_code == 0, extracted.stderr
    scorer = [sys.executable, str(SHARED / "eval" / "score.py"), str(SEED_GOLD), str(tmp_path / "pred.jsonl")]
    expected = subprocess.run([*scorer, "--json"], capture_output=True, text=True, check=True).stdout

    result = invoke("evaluate", str(SEED_GOLD), "--json")
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    classes = ours.pop("false_event_classes")  # our addition: the false records by error class
    assert ours == json.loads(expected) and sum(classes.values()) <= ours["event.full"]["fp"]
    assert json.loads(expected)["event.dyad"]["tp"] > 0

    text = invoke("evaluate", str(SEED_GOLD), "--predictions", str(tmp_path / "pred.jsonl"), "--show-errors")
    expected_text = subprocess.run([*scorer, "--show-errors"], capture_output=True, text=True, check=True).stdout
    assert text.stdout.startswith(expected_text)  # then, if any record is false, the lines of error classes
    assert all(line.startswith(("false event records by class:", "CLASS "))
               for line in text.stdout[len(expected_text):].splitlines())
    assert "MISSED event.full" in text.stdout or json.loads(expected)["event.full"]["fn"] == 0


def test_evaluate_shows_how_often_each_confidence_band_is_right(tmp_path: Path) -> None:
    """`evaluate --reliability`: every candidate event by confidence band against the share that matches the gold.
    The seed's records at the default threshold are all right; one made wrong (another actor) and given a low
    confidence lands alone in its band, wrong."""
    corpus = subprocess.run([sys.executable, str(SHARED / "eval" / "corpus.py"), str(SEED_GOLD)],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    (tmp_path / "corpus.jsonl").write_text(corpus, encoding="utf-8")
    assert invoke("extract", str(tmp_path / "corpus.jsonl"), "--out", str(tmp_path / "pred.jsonl")).exit_code == 0
    records = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()]
    events = [r for r in records if r.get("kind", "event") == "event"]
    for r in events:
        r["confidence"] = 0.95
    wrong = {**events[0], "id": "made-wrong", "actor": ["NOR"], "recipient": ["ISL"], "confidence": 0.15}
    write_jsonl(tmp_path / "scored.jsonl", [*records, wrong])

    result = invoke("evaluate", str(SEED_GOLD), "-p", str(tmp_path / "scored.jsonl"), "--reliability", "--json")
    assert result.exit_code == 0, result.stderr
    table = {row["bin"]: row for row in json.loads(result.stdout)["reliability"]}
    assert set(table) == {"0.1-0.2", "0.9-1.0"}
    assert (table["0.1-0.2"]["records"], table["0.1-0.2"]["right"]) == (1, 0)
    assert table["0.9-1.0"]["records"] == len(events) and table["0.9-1.0"]["right"] == len(events)

    text = invoke("evaluate", str(SEED_GOLD), "-p", str(tmp_path / "scored.jsonl"), "--reliability").stdout
    assert "reliability (every candidate event)" in text and f"{len(events) + 1} records" in text


def test_evaluate_bad_gold_is_one_error_line(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"schema": "something-else"}])
    result = invoke("evaluate", str(gold))
    assert result.exit_code == 1
    assert result.stderr == f"error: {gold}: first line must carry schema diplograph-gold/1\n"


# --- the installed console script ---------------------------------------------------------------------------------


def console_script() -> Path:
    script = Path(sys.executable).parent / "diplograph"
    if not script.exists():
        pytest.fail(f"the console script is not installed beside {sys.executable}: pip install -e .")
    return script


def test_console_script_ingests_the_sample_corpus(tmp_path: Path) -> None:
    """The real `diplograph` executable, end to end on the bundled samples."""
    db, script = tmp_path / "sample.duckdb", str(console_script())
    env = {**os.environ, "DIPLOGRAPH_DB": str(db)}
    (tmp_path / "broken.jsonl").write_text("{oops\n", encoding="utf-8")

    done = subprocess.run([script, "ingest", str(SAMPLES), str(tmp_path / "broken.jsonl")],
                          capture_output=True, text=True, env=env)  # fmt: skip
    assert done.returncode == 1
    assert f"skipped: {tmp_path / 'broken.jsonl'}: line 1" in done.stderr
    assert "ingested 6 documents (0 already stored)" in done.stderr and "skipped 1 input" in done.stderr

    counts = json.loads(subprocess.run([script, "stats", "--json"], capture_output=True, text=True, env=env,
                                       check=True).stdout)  # fmt: skip
    assert counts["documents"] == 6 and counts["events"] > 0 and counts["measures"] > 0
    listed = subprocess.run([script, "events", "--dyad", "RUS", "CHN", "--format", "jsonl"],
                            capture_output=True, text=True, env=env)  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert any(record["doc"] == "sample-xi-moscow-2023" for record in jsonl(listed.stdout))


def test_over_long_document_is_one_skipped_line_and_the_rest_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    long_text = "Chile sent aid to Peru. " * 200
    rows = [{"id": "short", "text": "Japan sent food aid to India.", "published": "2023-03-20"},
            {"id": "long", "text": long_text, "published": "2023-03-20"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "limits.duckdb")
    result = invoke("ingest", str(corpus), "--db", db, "--max-chars", "1000", "--quiet")
    assert result.exit_code == 1
    assert "skipped:" in result.stderr and "'long'" in result.stderr and "--max-chars" in result.stderr
    stats = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 1 and stats["events"] >= 1


def test_backup_and_restore_through_the_cli(tmp_path: Path) -> None:
    text = tmp_path / "visit.txt"
    text.write_text("Japan sent food aid to India on Monday.", encoding="utf-8")
    db, copy, snapshot = str(tmp_path / "a.duckdb"), str(tmp_path / "b.duckdb"), str(tmp_path / "snap")
    assert invoke("ingest", str(text), "--db", db, "--published", "2023-03-20", "--quiet").exit_code == 0
    assert invoke("backup", snapshot, "--db", db).exit_code == 0
    assert invoke("restore", snapshot, "--db", copy).exit_code == 0
    before = json.loads(invoke("stats", "--db", db, "--json").stdout)
    after = json.loads(invoke("stats", "--db", copy, "--json").stdout)
    assert {k: after[k] for k in ("documents", "events", "measures")} == \
        {k: before[k] for k in ("documents", "events", "measures")}
    refused = invoke("backup", snapshot, "--db", db)
    assert refused.exit_code == 1 and "must be new or empty" in refused.stderr


def test_optimize_through_the_cli(tmp_path: Path) -> None:
    stories = [("2023-03-20", "Japan sent food aid to India on Monday."),
               ("2019-05-02", "Chile signed a trade agreement with Peru on Tuesday.")]  # fmt: skip
    for n, (day, text) in enumerate(stories):
        source = tmp_path / f"n{n}.txt"
        source.write_text(text, encoding="utf-8")
        assert invoke("ingest", str(source), "--db", str(tmp_path / "a.duckdb"), "--published", day,
                      "--quiet").exit_code == 0  # fmt: skip
    db = str(tmp_path / "a.duckdb")
    before = invoke("events", "--db", db, "--format", "jsonl").stdout
    done = invoke("optimize", "--db", db)
    assert done.exit_code == 0 and "events and" in done.stdout and "in date order" in done.stdout
    assert invoke("events", "--db", db, "--format", "jsonl").stdout == before
    missing = invoke("optimize", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1 and "no store at" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()
