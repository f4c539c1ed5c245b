"""The `diplograph` command through its public surface: real files, a real DuckDB store, the real console script.

Most tests run the CLI in-process with `CliRunner`. Tests of the store commands replace the coding step (not the
reading, the spaCy parse or the store) with `keyword_coder`, a tiny stand-in that codes one event per sentence
naming two states, so that they check the plumbing whatever the extraction rules find. Tests marked
`real extraction` use the real extractor.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.model import Document, Event, Evidence, Extraction, Measure, Sentence

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

ARTICLES = {
    "visit.txt": "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on 21 March 2023. "
    "Japan said it would send aid to India.",
    "trade.txt": "Trade between China and Russia reached $240.1 billion in 2023. The two leaders spoke by phone.",
}
CORPUS = [
    {"id": "corpus-a", "text": "Japan and India held talks in Tokyo on 5 May 2023.", "published": "2023-05-06"},
    {
        "id": "corpus-b",
        "text": "China announced sanctions on Japan. Nothing else happened.",
        "published": "2023-07-01",
        "title": "Sanctions [bold]update[/] [/]",
    },
]


# --- a stand-in for the coding step -------------------------------------------------------------------------------

STATES = {"Russia": "RUS", "China": "CHN", "Japan": "JPN", "India": "IND", "Russian": "RUS", "Chinese": "CHN"}


def _codes(sentence: str) -> list[str]:
    found = sorted((sentence.find(name), code) for name, code in STATES.items() if name in sentence)
    return list(dict.fromkeys(code for _, code in found))


def _event_type(sentence: str) -> str:
    lowered = sentence.lower()
    return "SANCTION" if "sanction" in lowered else "AID" if " aid" in lowered else "CONSULT"


def keyword_coder(self: Any, document: Document, parsed: Any) -> Extraction:
    events, measures = [], []
    for sent in parsed.sents:
        codes = _codes(sent.text)
        if len(codes) < 2:
            continue
        evidence = (Evidence(sent.start_char, sent.end_char, sent.text),)
        common = {"doc": document.id, "actor": (codes[0],), "recipient": (codes[1],), "evidence": evidence}
        if "$" in sent.text:
            measures.append(Measure(measure="trade", value=240.1e9, unit="USD", period="2023", **common))
        else:
            events.append(Event(event=_event_type(sent.text), date=document.published, **common))
    sentences = tuple(Sentence(s.start_char, s.end_char, s.text) for s in parsed.sents)
    return Extraction(document, events=tuple(events), measures=tuple(measures), sentences=sentences)


@pytest.fixture
def coded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("diplograph.pipeline.Extractor.extract_parsed", keyword_coder)


# --- files ----------------------------------------------------------------------------------------------------------


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


@pytest.fixture
def store(tmp_path: Path, folder: Path, coded: None) -> Path:
    db = tmp_path / "store.duckdb"
    result = invoke("ingest", str(folder), "--db", str(db), "--published", "2023-03-21", "--quiet")
    assert result.exit_code == 0, result.stderr
    return db


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), input=input, env=env)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def stats(db: Path) -> dict[str, Any]:
    result = invoke("stats", "--db", str(db), "--json")
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


# --- help and version ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(command: str | None) -> None:
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("diplograph ")


def test_help_does_not_import_heavy_modules() -> None:
    code = "import sys, diplograph.cli; print(sorted({'spacy', 'duckdb', 'diplograph.store'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- ingest -------------------------------------------------------------------------------------------------------


def test_ingest_twice_stores_once(tmp_path: Path, folder: Path, coded: None) -> None:
    db = tmp_path / "twice.duckdb"
    first = invoke("ingest", str(folder), "--db", str(db))
    assert first.exit_code == 0, first.stderr
    assert "ingested 4 documents (0 already stored)" in first.stderr
    counts = stats(db)
    assert counts["documents"] == 4 and counts["events"] >= 3 and counts["measures"] == 1

    second = invoke("ingest", str(folder), "--db", str(db))
    assert second.exit_code == 0, second.stderr
    assert "ingested 4 documents (4 already stored), 0 events, 0 measures; skipped 0 inputs" in second.stderr
    assert {k: stats(db)[k] for k in ("documents", "events", "measures")} == {
        k: counts[k] for k in ("documents", "events", "measures")
    }


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path, folder: Path) -> None:
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "good-line", "text": "India and Japan signed a pact."}) + "\n{not json\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Café diplomacy in Paris.".encode("latin-1"))
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("some text", encoding="utf-8")
    db = tmp_path / "bad.duckdb"

    result = invoke("ingest", str(folder), str(unknown), "--db", str(db))

    assert result.exit_code == 1
    errors = result.stderr
    assert "binary.txt" in errors and "broken.jsonl" in errors and "line 2" in errors
    for name in ("empty.txt", "latin1.txt", "notes.xyz"):
        assert f"skipped: {unknown.parent / name if name == 'notes.xyz' else folder / name}" in errors
    assert "Traceback" not in errors
    assert "ingested 5 documents (0 already stored)" in errors and "skipped 5 inputs" in errors
    assert stats(db)["documents"] == 5


def test_ingest_reads_stdin_and_the_env_store(tmp_path: Path) -> None:
    db = tmp_path / "env.duckdb"
    result = invoke("ingest", "-", "--published", "2020-01-02", "-q", input="China and India held talks.\n",
                    env={"DIPLOGRAPH_DB": str(db)})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # --quiet and nothing skipped
    assert stats(db)["documents"] == 1
    listed = jsonl(invoke("documents", "--format", "jsonl", env={"DIPLOGRAPH_DB": str(db)}).stdout)
    assert listed[0]["published"] == "2020-01-02"


def test_bad_options_give_one_error_line(tmp_path: Path, folder: Path) -> None:
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--published", "yesterday")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: --published") and "\n" not in result.stderr.strip()
    missing = invoke("events", "--db", str(tmp_path / "missing.duckdb"))
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no store at") and "Traceback" not in missing.stderr
    assert not (tmp_path / "missing.duckdb").exists()


# --- extract (stateless) ------------------------------------------------------------------------------------------


def assert_contract(record: dict[str, Any], text: str) -> None:
    required = CONTRACT_MEASURE if record["kind"] == "measure" else CONTRACT_EVENT
    assert required <= set(record), required - set(record)
    assert record["evidence"], record
    for ev in record["evidence"]:
        assert set(ev) >= {"start", "end", "text"}
        assert text[ev["start"] : ev["end"]] == ev["text"]
    assert all(isinstance(code, str) and len(code) == 3 for code in [*record["actor"], *record["recipient"]])


@needs_shared
def test_extract_seed_gives_contract_records() -> None:
    """Real extraction: every record is a contract record quoting the seed text (and there is at least one)."""
    result = invoke("extract", str(SEED), "--published", "2015-04-30", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    text = SEED.read_text(encoding="utf-8")
    records = jsonl(result.stdout)
    for record in records:
        assert record["doc"] == "north-korea-new-diplomacy"
        assert_contract(record, text)
    assert records, "the extractor found no events or measures in the seed commentary"


def test_extract_corpus_records_carry_document_ids(tmp_path: Path, coded: None) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    result = invoke("extract", str(corpus))
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    texts = {row["id"]: row["text"] for row in CORPUS}
    assert {r["doc"] for r in records} == set(texts)
    for record in records:
        assert_contract(record, texts[record["doc"]])
    assert "extracted 2 records from 2 documents; skipped 0 inputs" in result.stderr


def test_extract_formats_kinds_and_out_file(tmp_path: Path, folder: Path, coded: None) -> None:
    out = tmp_path / "records.csv"
    result = invoke("extract", str(folder), "--format", "csv", "--out", str(out), "--quiet")
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {"doc", "kind", "type", "actor", "recipient", "date", "evidence", "spans"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"event", "measure"}

    only_measures = jsonl(invoke("extract", str(folder), "--kind", "measures").stdout)
    assert [r["measure"] for r in only_measures] == ["trade"]
    assert only_measures[0]["value"] == 240.1e9 and only_measures[0]["doc"] == "trade"

    table = invoke("extract", str(folder / "visit.txt"), "--format", "table", "--kind", "events")
    assert table.exit_code == 0 and "CONSULT" in table.stdout and "AID" in table.stdout


def test_extract_skips_bad_lines_and_goes_on(tmp_path: Path, coded: None) -> None:
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text(json.dumps(CORPUS[0]) + "\nnot json at all\n" + json.dumps(CORPUS[1]) + "\n", encoding="utf-8")
    result = invoke("extract", str(corpus))
    assert result.exit_code == 1
    assert f"skipped: {corpus}: line 2" in result.stderr
    assert {r["doc"] for r in jsonl(result.stdout)} == {"corpus-a", "corpus-b"}


def test_mentions_prints_jsonl(folder: Path) -> None:
    result = invoke("mentions", str(folder / "visit.txt"), "--published", "2023-03-21")
    assert result.exit_code == 0, result.stderr
    for row in jsonl(result.stdout):
        assert row["doc"] == "visit" and row["kind"] in {"actor", "date", "quantity"}


# --- querying the store -------------------------------------------------------------------------------------------


def events_of(db: Path, *args: str) -> list[dict[str, Any]]:
    result = invoke("events", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def test_events_filters(store: Path) -> None:
    everything = events_of(store)
    assert len(everything) == 4
    assert {e["event"] for e in events_of(store, "--type", "SANCTION")} == {"SANCTION"}
    assert {e["doc"] for e in events_of(store, "--state", "ind")} == {"visit", "corpus-a"}
    assert [e["event"] for e in events_of(store, "--actor", "JPN", "--recipient", "IND")] == ["AID", "CONSULT"]
    assert len(events_of(store, "--dyad", "CHN", "RUS")) == len(events_of(store, "--dyad", "RUS-CHN")) == 1
    assert [e["doc"] for e in events_of(store, "--since", "2023-05", "--until", "2023-05-31")] == ["corpus-a"]
    assert [e["event"] for e in events_of(store, "--text", "TOKYO")] == ["CONSULT"]
    assert {e["doc"] for e in events_of(store, "--doc", "corpus-b")} == {"corpus-b"}
    assert len(events_of(store, "--limit", "2")) == 2

    table = invoke("events", "--db", str(store), "--dyad", "JPN", "IND")
    assert table.exit_code == 0 and "AID" in table.stdout and "JPN" in table.stdout
    bad = invoke("events", "--db", str(store), "--dyad", "JPN")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: --dyad")


def test_events_csv(store: Path) -> None:
    result = invoke("events", "--db", str(store), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4 and all(r["kind"] == "event" for r in rows)


def test_measures(store: Path) -> None:
    result = invoke("measures", "--db", str(store), "--measure", "trade", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [measure] = jsonl(result.stdout)
    assert measure["measure"] == "trade" and measure["unit"] == "USD" and measure["period"] == "2023"
    assert jsonl(invoke("measures", "--db", str(store), "--measure", "aid", "--format", "jsonl").stdout) == []
    table = invoke("measures", "--db", str(store), "--dyad", "RUS-CHN")
    assert "trade" in table.stdout and "240.1 billion USD" in table.stdout


def test_documents(store: Path) -> None:
    listed = jsonl(invoke("documents", "--db", str(store), "--format", "jsonl").stdout)
    assert sorted(d["id"] for d in listed) == ["corpus-a", "corpus-b", "trade", "visit"]
    assert len(jsonl(invoke("documents", "--db", str(store), "--format", "jsonl", "--limit", "1").stdout)) == 1
    table = invoke("documents", "--db", str(store))
    assert table.exit_code == 0 and "corpus-a" in table.stdout and "Sanctions [bold]update[/] [/]" in table.stdout


def test_show_highlights_facts(store: Path) -> None:
    result = invoke("show", "visit", "--db", str(store))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on 21 March 2023.[1]" in out
    assert "[1] CONSULT RUS -> CHN" in out and "[2] AID JPN -> IND" in out
    titled = invoke("show", "corpus-b", "--db", str(store))
    assert titled.exit_code == 0 and "Sanctions [bold]update[/] [/]" in titled.stdout  # shown, not read as markup
    assert "[1] SANCTION CHN -> JPN" in titled.stdout
    missing = invoke("show", "no-such-doc", "--db", str(store))
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no document 'no-such-doc'")


def test_stats_json(store: Path) -> None:
    counts = stats(store)
    assert {"documents": 4, "events": 4, "measures": 1}.items() <= counts.items()
    plain = invoke("stats", "--db", str(store))
    assert plain.exit_code == 0 and "documents" in plain.stdout


# --- evaluate -----------------------------------------------------------------------------------------------------


@needs_shared
def test_evaluate_matches_the_reference_scorer(tmp_path: Path) -> None:
    """Real extraction: `evaluate GOLD` scores what `extract` prints exactly as score.py does."""
    corpus = subprocess.run([sys.executable, str(SHARED / "eval" / "corpus.py"), str(SEED_GOLD)],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    (tmp_path / "corpus.jsonl").write_text(corpus, encoding="utf-8")
    extracted = invoke("extract", str(tmp_path / "corpus.jsonl"), "--out", str(tmp_path / "pred.jsonl"))
    assert extracted.exit_code == 0, extracted.stderr
    scorer = [sys.executable, str(SHARED / "eval" / "score.py"), str(SEED_GOLD), str(tmp_path / "pred.jsonl")]
    expected = subprocess.run([*scorer, "--json"], capture_output=True, text=True, check=True).stdout

    result = invoke("evaluate", str(SEED_GOLD), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(expected)

    text = invoke("evaluate", str(SEED_GOLD), "--predictions", str(tmp_path / "pred.jsonl"), "--show-errors")
    expected_text = subprocess.run([*scorer, "--show-errors"], capture_output=True, text=True, check=True).stdout
    assert text.stdout == expected_text
    assert "MISSED event.full" in text.stdout or json.loads(expected)["event.full"]["fn"] == 0


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
    """The real `diplograph` executable and the real extractor, end to end on the bundled samples."""
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
    assert counts["documents"] == 6
    listed = subprocess.run([script, "events", "--limit", "5"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0, listed.stderr


def test_extract_reads_stdin(coded: None) -> None:
    result = invoke("extract", "-", "--published", "2023-01-02", input="Russia and China held talks in Beijing.\n")
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["event"] == "CONSULT" and record["date"] == "2023-01-02"
    assert record["evidence"][0]["text"].strip() == "Russia and China held talks in Beijing."
