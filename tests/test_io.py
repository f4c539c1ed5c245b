"""Importers (GDELT 1.0/2.0, ICEWS, PLOVER JSON) on the shared samples and on hand-made rows; exports (CSV,
Parquet, JSONL, PLOVER JSON, GDELT layout, GraphML, GEXF); export -> import round trips; the import and export
commands."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import typer
from conftest import app_with
from typer.testing import CliRunner

from diplograph.errors import ConfigError, InputError
from diplograph.io import export, import_file, import_gdelt, import_icews, import_plover
from diplograph.io.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from diplograph.model import Document, Event, Evidence, Extraction
from diplograph.store import Store
from diplograph.store.convert import date_bounds

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples"
GDELT_SAMPLE = SAMPLES / "gdelt2-events-sample.csv"
ICEWS_SAMPLE = SAMPLES / "icews-events-2018-sample.tab"
needs_samples = pytest.mark.skipif(not GDELT_SAMPLE.exists(), reason="needs ../shared/data/samples")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, object]]]:
    if not GDELT_SAMPLE.exists():
        pytest.skip("needs ../shared/data/samples")
    store = Store.open(tmp_path_factory.mktemp("samples") / "samples.duckdb")
    reports = {"gdelt": import_gdelt(store, GDELT_SAMPLE), "icews": import_icews(store, ICEWS_SAMPLE)}
    yield store, reports
    store.close()


def _event_key(e: Event) -> tuple[object, ...]:
    return (e.id, e.event, e.actor, e.recipient, e.date)


# --- importing the samples -------------------------------------------------------------------------------------------


@needs_samples
def test_sample_imports_store_every_row_with_a_valid_code(samples: tuple[Store, dict[str, object]]) -> None:
    store, reports = samples
    gdelt, icews = reports["gdelt"], reports["icews"]
    # Every row carries a valid CAMEO code, so every row is stored: CAMEO 01x/02x (statements, appeals), which
    # PLOVER dropped, map through the ontology's extension table (STATEMENT, REQUEST, ...).
    assert (gdelt.rows, gdelt.events_added, len(gdelt.problems)) == (6090, 6090, 0)  # type: ignore[attr-defined]
    assert (icews.rows, icews.events_added, len(icews.problems)) == (3705, 3705, 0)  # type: ignore[attr-defined]
    assert store.stats()["events"] == 6090 + 3705 == 9795
    first = store.events(doc="gdelt:669666365")[0]  # CAMEO 014, consider policy option
    assert (first.event, first.mode, first.rule) == ("STATEMENT", None, "import:gdelt")


def _extension_rows(path: Path, delimiter: str, code_column: str) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else 0)
        return sum(1 for r in rows if r[code_column].strip()[:2] in ("01", "02"))


@needs_samples
def test_cameo_01_02_rows_are_kept(samples: tuple[Store, dict[str, object]]) -> None:
    store, _ = samples
    extension = _extension_rows(GDELT_SAMPLE, ",", "EventCode") + _extension_rows(ICEWS_SAMPLE, "\t", "CAMEO Code")
    assert extension == 1196 + 808
    counts = dict(
        store.connection.execute(
            "SELECT event, count(*) FROM events WHERE event IN ('STATEMENT', 'REQUEST') GROUP BY event"
        ).fetchall()
    )
    assert counts["STATEMENT"] > 0 and counts["REQUEST"] > 0
    from diplograph.analytics import state_network

    assert state_network(store).edges  # analytics read STATEMENT rows (score 0, verbal cooperation)


@needs_samples
def test_imported_events_keep_provenance(samples: tuple[Store, dict[str, object]]) -> None:
    store, _ = samples
    event = store.events(doc="gdelt:669666350")[0]
    assert (event.id, event.rule, event.event, event.date) == ("669666350", "import:gdelt", "CONSULT", "2007-07-04")
    document = store.document("gdelt:669666350")
    assert document is not None and document.url.startswith("http://www.cvilletomorrow.org/")  # type: ignore[union-attr]
    icews = store.events(doc="icews:32889836")[0]
    assert (icews.actor, icews.recipient, icews.event, icews.rule) == (("BGD",), ("VNM",), "CONSULT", "import:icews")
    assert icews.actor_detail[0].sector == "foreign_ministry"
    for e in store.events(limit=2000):
        doc = store.document(e.doc)
        assert doc is not None and all(doc.text[ev.start : ev.end] == ev.text for ev in e.evidence)


@needs_samples
def test_imported_sources_are_queried_together(samples: tuple[Store, dict[str, object]]) -> None:
    store, _ = samples
    rules = {e.rule for e in store.events(dyad=("USA", "PRK"))}
    assert rules == {"import:gdelt", "import:icews"}


@needs_samples
def test_reimport_changes_nothing(samples: tuple[Store, dict[str, object]]) -> None:
    store, _ = samples
    before = store.stats()
    again = import_icews(store, ICEWS_SAMPLE)
    assert (again.events_added, again.already_stored, len(again.problems)) == (0, 3705, 0)
    assert store.stats() == before


# --- hand-made source rows -------------------------------------------------------------------------------------------


def _gdelt_row(columns: tuple[str, ...], **values: str) -> str:
    row = dict.fromkeys(columns, "")
    row.update(values)
    return "\t".join(row[c] for c in columns)


def test_raw_gdelt_files_and_bad_rows(tmp_path: Path) -> None:
    good = {"SQLDATE": "20150430", "Actor1Code": "RUSGOV", "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS",
            "Actor1Type1Code": "GOV", "Actor2Code": "PRK", "Actor2Name": "NORTH KOREA", "Actor2CountryCode": "PRK",
            "EventCode": "071", "SOURCEURL": "http://example.org/a"}  # fmt: skip
    lines = [
        _gdelt_row(GDELT2_COLUMNS, GLOBALEVENTID="1", **good),
        _gdelt_row(GDELT2_COLUMNS, GLOBALEVENTID="2", **{**good, "EventCode": "abc"}),
        _gdelt_row(GDELT2_COLUMNS, GLOBALEVENTID="3", **{**good, "EventCode": "010"}),
        _gdelt_row(GDELT2_COLUMNS, GLOBALEVENTID="4", **{**good, "SQLDATE": "20151340"}),
        "5\t20150430\ttoo few columns",
        _gdelt_row(GDELT2_COLUMNS, GLOBALEVENTID="6", **{**good, "EventCode": "999"}),
    ]
    path = tmp_path / "20150430.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "g.duckdb") as store:
        report = import_gdelt(store, path)
        assert (report.rows, report.events_added, report.layout) == (6, 2, "raw, 61 columns")
        assert [(p.line, p.problem.split(":")[0]) for p in report.problems] == [
            (2, "event code"),
            (4, "SQLDATE"),
            (5, "columns"),
            (6, "event code"),
        ]
        event = store.events(doc="gdelt:1")[0]
        assert (event.event, event.actor, event.recipient, event.date) == ("AID", ("RUS",), ("PRK",), "2015-04-30")
        assert event.actor_detail[0].sector == "government"
        statement = store.events(doc="gdelt:3")[0]  # CAMEO 010 is kept as the extension type STATEMENT
        assert (statement.event, statement.mode, statement.context) == ("STATEMENT", None, ())


def test_gdelt1_raw_file(tmp_path: Path) -> None:
    good = {
        "SQLDATE": "20130401",
        "Actor1CountryCode": "USA",
        "Actor2CountryCode": "CHN",
        "EventCode": "163",
    }  # embargo
    path = tmp_path / "20130401.export.CSV"
    path.write_text(_gdelt_row(GDELT1_COLUMNS, GLOBALEVENTID="7", **good) + "\n", encoding="utf-8")
    backfile = tmp_path / "2005.csv"
    backfile.write_text(_gdelt_row(GDELT1_COLUMNS[:-1], GLOBALEVENTID="8", **good) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "g1.duckdb") as store:
        assert import_gdelt(store, path).layout == "raw, 58 columns"
        assert import_gdelt(store, backfile).layout == "raw, 57 columns"
        assert [(e.id, e.event, e.actor, e.recipient) for e in store.events()] == [
            ("7", "COERCE", ("USA",), ("CHN",)),
            ("8", "COERCE", ("USA",), ("CHN",)),
        ]


def test_icews_bad_rows_and_country_names(tmp_path: Path) -> None:
    header = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
              "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
              "Publisher"]  # fmt: skip
    rows = [
        ["1", "2018-06-01", "Moldova", "", "Moldova, Republic of", "Host a visit", "043", "2", "Citizen (Russia)",
         "", "Russian Federation", "10", "1", "AFP"],
        ["2", "2018-06-01", "Police (India)", "Police", "India", "Make statement", "010", "0", "India", "", "India",
         "11", "1", "AFP"],
        ["3", "June 1", "India", "", "India", "Consult", "040", "1", "China", "", "China", "12", "1", "AFP"],
    ]  # fmt: skip
    path = tmp_path / "events.tab"
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "i.duckdb") as store:
        report = import_icews(store, path)
        assert (report.rows, report.events_added) == (3, 2)
        assert [(p.line, p.id) for p in report.problems] == [(4, "3")]
        event = store.events(doc="icews:1")[0]
        assert (event.actor, event.recipient, event.mode) == (("MDA",), ("RUS",), "visit")
        bad = tmp_path / "bad.tab"
        bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
        with pytest.raises(InputError):
            import_icews(store, bad)
        with pytest.raises(ConfigError):
            import_file(store, "acled", path)


# --- exports ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def small_store(tmp_path: Path) -> Iterator[Store]:
    def doc_event(key: str, kind: str, actor: tuple[str, ...], recipient: tuple[str, ...], date: str | None,
                  **extra: object) -> Extraction:  # fmt: skip
        text = f"Document {key}: {kind} between {actor} and {recipient}."
        doc = Document(id=key, text=text, url=f"http://news.example/{key}", published="2023-01-10")
        span = (Evidence(9, len(text), text[9:]),)
        e = Event(doc=key, event=kind, actor=actor, recipient=recipient, evidence=span, date=date, id=f"id-{key}",
                  rule="test", **extra)  # type: ignore[arg-type]  # fmt: skip
        return Extraction(doc, events=(e,))

    with Store.open(tmp_path / "small.duckdb") as store:
        store.add([
            doc_event("a", "CONSULT", ("USA",), ("CHN",), "2023-01-05", mode="visit"),
            doc_event("b", "AID", ("CHN",), ("RUS",), "2023-02"),
            doc_event("c", "SANCTION", ("USA", "GBR"), ("RUS",), "2023", context=("economic",)),
            doc_event("d", "ACCUSE", ("RUS",), ("USA",), None),
        ])  # fmt: skip
        yield store


def test_graph_exports(small_store: Store, tmp_path: Path) -> None:
    assert export(small_store, "graphml", tmp_path / "g.graphml") == 4  # edges
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "g.graphml").getroot()
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert nodes == {"USA", "CHN", "RUS", "GBR"}
    edges = {(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)}
    assert edges == {("CHN", "USA"), ("CHN", "RUS"), ("RUS", "USA"), ("GBR", "RUS")}  # USA-RUS: two events
    weights = {(e.get("source"), e.get("target")): e.find("g:data[@key='weight']", ns).text
               for e in root.iterfind(".//g:edge", ns)}  # type: ignore[union-attr]  # fmt: skip
    assert weights[("RUS", "USA")] == "2"
    export(small_store, "gexf", tmp_path / "g.gexf")
    gx = {"x": "http://gexf.net/1.3"}
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert {n.get("id") for n in root.iterfind(".//x:node", gx)} == nodes
    assert {(e.get("source"), e.get("target"), e.get("weight")) for e in root.iterfind(".//x:edge", gx)} >= {
        ("RUS", "USA", "2")
    }


def test_table_exports(small_store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    assert export(small_store, "parquet", tmp_path / "r.parquet") == 4
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.num_rows == 4 and {"id", "type", "actor", "evidence"} <= set(table.column_names)
    assert sorted(table.column("type").to_pylist()) == ["ACCUSE", "AID", "CONSULT", "SANCTION"]
    export(small_store, "csv", tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["actor"] for r in rows} == {"USA", "CHN", "RUS", "USA;GBR"}
    export(small_store, "jsonl", tmp_path / "r.jsonl")
    records = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["event"] for r in records} == {"CONSULT", "AID", "SANCTION", "ACCUSE"}
    with pytest.raises(ConfigError):
        export(small_store, "xlsx", tmp_path / "r.xlsx")


def test_gdelt_export_layout(small_store: Store, tmp_path: Path) -> None:
    assert export(small_store, "gdelt", tmp_path / "e.tsv") == 5  # the SANCTION event has two actors: two rows
    rows = [line.split("\t") for line in (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == 61 for r in rows)
    by_id = {r[0]: dict(zip(GDELT2_COLUMNS, r, strict=True)) for r in rows}
    consult = by_id["id-a"]
    assert (consult["EventCode"], consult["GoldsteinScale"], consult["QuadClass"]) == (
        "042",
        "1.9",
        "1",
    )  # CAMEO 042: make a visit
    assert (consult["SQLDATE"], consult["Actor1CountryCode"], consult["Actor2CountryCode"]) == (
        "20230105",
        "USA",
        "CHN",
    )
    assert consult["SOURCEURL"] == "http://news.example/a" and consult["DATEADDED"] == "20230110000000"
    assert {by_id["id-c"]["Actor1CountryCode"], by_id["id-c-2"]["Actor1CountryCode"]} == {"USA", "GBR"}
    assert by_id["id-c"]["EventRootCode"] == "16"


def test_round_trip_gdelt_and_plover(small_store: Store, tmp_path: Path) -> None:
    original = {_event_key(e) for e in small_store.events()}
    export(small_store, "plover", tmp_path / "e.jsonl")
    with Store.open(tmp_path / "p.duckdb") as store:
        report = import_plover(store, tmp_path / "e.jsonl")
        assert (report.rows, report.events_added, report.problems) == (4, 4, [])
        back = store.events()
        assert {_event_key(e) for e in back} == original
        assert {(e.event, e.mode, e.context) for e in back} == {
            (e.event, e.mode, e.context) for e in small_store.events()
        }
        assert store.document("a").url == "http://news.example/a"  # type: ignore[union-attr]
        assert import_plover(store, tmp_path / "e.jsonl").events_added == 0
    export(small_store, "gdelt", tmp_path / "e.tsv")
    with Store.open(tmp_path / "g.duckdb") as store:
        import_gdelt(store, tmp_path / "e.tsv")
        back_keys = {(e.event, e.actor, e.recipient, e.date) for e in store.events()}
    # The GDELT layout has one actor a row and day dates: a year or month comes back as its first day.
    expected = {
        (e.event, (actor,), e.recipient, date_bounds(e.date)[0].isoformat() if e.date else None)  # type: ignore[union-attr]
        for e in small_store.events()
        for actor in e.actor
    }
    assert back_keys == expected


@needs_samples
def test_samples_round_trip(samples: tuple[Store, dict[str, object]], tmp_path: Path) -> None:
    store, _ = samples
    original = sorted(_event_key(e) for e in store.events())
    for fmt, importer in (("gdelt", import_gdelt), ("plover", import_plover)):
        export(store, fmt, tmp_path / f"out.{fmt}")
        with Store.open(tmp_path / f"{fmt}.duckdb") as copy:
            report = importer(copy, tmp_path / f"out.{fmt}")
            assert report.problems == [] and report.events_added == len(original)
            assert sorted(_event_key(e) for e in copy.events()) == original


# --- commands --------------------------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    from diplograph.cli.io import register

    return app_with(register)


@needs_samples
def test_import_and_export_commands(cli: typer.Typer, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(cli, ["import", "icews", str(ICEWS_SAMPLE), "--db", db, "--show-problems", "1"])
    assert result.exit_code == 0, result.output
    assert "3705 events stored" in result.stderr and "0 rows not stored" in result.stderr
    again = CliRunner().invoke(cli, ["import", "icews", str(ICEWS_SAMPLE), "--db", db, "--json"])
    report = json.loads(again.stdout)
    assert (report["events_added"], report["already_stored"], report["valid"]) == (0, 3705, 3705)
    out = tmp_path / "net.gexf"
    exported = CliRunner().invoke(cli, ["export", "--format", "gexf", "--out", str(out), "--db", db])
    assert exported.exit_code == 0 and out.exists() and "edges" in exported.stderr
    capped = CliRunner().invoke(cli, ["import", "icews", str(ICEWS_SAMPLE), "--db", db],
                                env={"DIPLOGRAPH_INGEST_MEMORY": "lots"})  # fmt: skip
    assert capped.exit_code == 1 and "DIPLOGRAPH_INGEST_MEMORY: expected MiB" in capped.stderr
    missing = CliRunner().invoke(cli, ["import", "gdelt", str(tmp_path / "none.csv"), "--db", db])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    bad = CliRunner().invoke(cli, ["export", "--format", "xml", "--out", str(out), "--db", db])
    assert bad.exit_code == 1 and "unknown export format" in bad.stderr
