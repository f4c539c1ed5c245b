"""Where events happened and incidents across documents, through the public surface: the real extractor and
gazetteer, real DuckDB files, the CLI, the GDELT sample, exports. The stories below were written for these tests."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplograph import incidents
from diplograph.cli import app
from diplograph.geo.evaluate import score_incidents, score_locations
from diplograph.io.export import export
from diplograph.io.gdelt import import_gdelt
from diplograph.model import Document
from diplograph.pipeline import default_extractor, extract
from diplograph.query.facts import FactFilter
from diplograph.query.incidents import incident
from diplograph.query.incidents import incidents as list_incidents
from diplograph.store import Store
from diplograph.store.query import EVENT_COLUMNS, REPRESENTATIVE_ORDER, Near, Where, counted, fact_filters

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GEO = REPO / "bench" / "data" / "geo"
GDELT = SHARED / "data" / "samples" / "gdelt2-events-sample.csv"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"shared data not beside the repository ({SHARED})")
runner = CliRunner()

# Three outlets on one raid, one on talks the same week elsewhere, one on an older raid by the same pair.
STORIES = [
    Document(id="raid-1", source="Gulf Courier", published="2024-05-14", text=(
        "Israeli warplanes struck targets in the Syrian city of Homs on Tuesday, Syrian state media said. "
        "Air defences intercepted some of the missiles, the report added.")),
    Document(id="raid-2", source="Levant Daily", published="2024-05-15", text=(
        "Israel carried out airstrikes on Syria on Tuesday, hitting a weapons depot in Homs. "
        "The Israeli military did not comment.")),
    Document(id="raid-3", source="North Wire", published="2024-05-16", text=(
        "Syria said Israeli jets bombed a depot in Homs on May 14. "
        "It was the third such strike this month.")),
    Document(id="talks", source="North Wire", published="2024-05-16", text=(
        "Turkish and Iraqi officials met in Baghdad on Wednesday to discuss water sharing.")),
    Document(id="old-raid", source="Gulf Courier", published="2024-03-02", text=(
        "Israeli warplanes struck targets near Damascus on Friday, Syrian state media said.")),
]


def _first_location(text: str, published: str = "2024-05-14"):  # type: ignore[no-untyped-def]
    events = sorted(extract(text, published=published).events, key=lambda e: e.evidence[0].start)
    return next((e.location for e in events if e.location is not None), None)


def _assert_located_at(text: str, place: str, country: str, published: str = "2024-05-14") -> None:
    """The first located event of the text is at this gazetteer place, in this state."""
    location = _first_location(text, published=published)
    assert location is not None and (location.place, location.country) == (place, country), location


@pytest.mark.parametrize(
    ("text", "place", "country", "kind"),
    [
        ("Saudi and Iranian envoys held talks in Riyadh on Monday.", "Riyadh", "SAU", "city"),
        ("Turkish drones struck militant positions in Iraq's Duhok province on Sunday.", None, "IRQ", "region"),
        ("Pakistani troops clashed with Afghan forces near the border town of Chaman on Friday.", "Chaman", "PAK",
         "city"),
        ("Chinese President Xi Jinping arrived in Hanoi on Monday for a state visit.", "Hanoi", "VNM", "city"),
        ("Envoys of Sudan's warring sides met in Qatar on Sunday.", "Qatar", "QAT", "country"),
        # a purpose clause happens where its main clause does
        ("Turkish army engineers arrived in Misrata on Monday to train Libyan forces.", None, "LBY", "city"),
        # a possessive place before a place noun; a whole compound region name
        ("Chinese and Pakistani warships held joint drills at Karachi's main port on Monday.", "Karachi", "PAK",
         "city"),
        ("Rwandan troops crossed into Congo's South Kivu province on Monday to back Congolese forces.", "South Kivu",
         "COD", "region"),
        # a visit told in the subject's apposition
        ("Japan's foreign minister, on a visit to Manila on Friday, signed a defence pact with the Philippines.",
         "Manila", "PHL", "city"),
        # the place hangs on an event noun that is the subject
        ("A Russian drone strike on a depot in the Kharkiv region killed two workers on Sunday.", None, "UKR",
         "region"),
        # a region name of several words joined by 'and'; a clause the parser made a noun's modifier
        ("Iranian drones struck a camp in Pakistan's Khyber and Pakhtunkhwa province on Friday.", None, "PAK",
         "region"),
        ("A Russian missile attack damaged rail infrastructure in Kharkiv overnight, Ukraine's railway said.",
         "Kharkiv", "UKR", "city"),
        # a capital of millions is meant over a small namesake in the party's own state
        ("Bangladesh's foreign adviser met Indian officials in Dhaka on Monday.", "Dhaka", "BGD", "city"),
        # a sea's port is the port it is 'of'; an island; the venue of the summit whose sidelines it was on; a city
        # named with its region or state after a comma, however much larger a namesake elsewhere
        ("U.S. warplanes struck fuel storage tanks in the Red Sea port of Hodeidah on Tuesday.", None, "YEM",
         "city"),
        ("The Chinese and South Korean foreign ministers held talks on the island of Jeju on Tuesday.", None, "KOR",
         None),
        ("Modi and Xi held their first formal talks in five years on the sidelines of a summit in Kazan on "
         "Wednesday.", "Kazan", "RUS", "city"),
        ("Pakistani and Chinese officials signed a deal in Hyderabad, Pakistan, on Monday.", "Hyderabad", "PAK",
         "city"),
        # an event told as the time of another clause happened where it says, not where the other did
        ("Romania said drone fragments had been found in Tulcea county after Russia's attack on the Ukrainian port "
         "of Izmail on Tuesday.", None, "UKR", "city"),
        # written for the sixteenth session: where a carrier landed; a city named for its bay; the venue the parser
        # hung on a person's name; provinces the extract has under other boundaries or names
        ("A Chinese relief flight carrying tents and water purifiers landed in Rangoon on Sunday.", "Yangon", "MMR",
         "city"),
        ("Namibia's navy detained two Angolan fishing vessels off Walvis Bay on Wednesday.", "Walvis Bay", "NAM",
         "city"),
        ("Japanese Foreign Minister Takeshi Iwaya held talks with his South Korean counterpart Cho Tae-yul in Seoul "
         "on Saturday.", "Seoul", "KOR", "city"),
        ("Congolese and Burundian troops launched a joint offensive against rebels in Congo's Tanganyika province "
         "on Wednesday.", "Tanganyika", "COD", "region"),
        ("Norwegian and Finnish border guards held a joint exercise in Finnmark on Wednesday.", "Finnmark", "NOR",
         "region"),
        ("Colombian and Panamanian police began joint patrols against migrant smugglers in Panama's Darién province "
         "on Friday.", "Darién", "PAN", "region"),
        # written for the nineteenth session: the venue the parser hung on a participle describing the object
        ("Peruvian police detained a Chilean businessman wanted for tax fraud at a hotel in Arequipa on Monday, the "
         "interior ministry said.", "Arequipa", "PER", "city"),
        ("Kenyan police arrested two Ugandan nationals suspected of smuggling ivory near the port in Mombasa on "
         "Friday, officials said.", "Mombasa", "KEN", "city"),
        # written for the twenty-fifth session: a destination hung on the last of several things carried; where
        # what was seized lay
        ("Japan flew rescue teams, a field hospital and 20 tonnes of relief supplies into Vanuatu on Friday.", None,
         "VUT", "country"),
        ("Spanish police seized a tonne of cocaine from a fishing boat moored in Vigo on Monday.", "Vigo", "ESP",
         "city"),
    ],
)
def test_an_event_is_located_where_its_clause_says(text: str, place: str | None, country: str,
                                                   kind: str | None) -> None:
    location = _first_location(text)
    assert location is not None
    assert location.country == country and kind in (None, location.kind)
    if place is not None:
        assert location.place == place
    assert location.evidence is not None and text[location.evidence.start : location.evidence.end] == location.name
    assert location.lat is not None and location.lon is not None


def test_a_region_spelled_another_way_is_found_among_the_events_states() -> None:
    location = _first_location("Afghan forces shelled border posts in Pakistan's Kurram province, Pakistani officials "
                               "said, a day after talks in Kabul.")  # fmt: skip
    # GeoNames has no 'Kurram' region (it is a district): nothing close enough, so no guess
    assert location is None or location.country in ("PAK", "AFG")
    konar = _first_location("Pakistani artillery shelled villages in Afghanistan's Konarr province on Monday.")
    assert konar is not None and konar.country == "AFG" and konar.method == "gazetteer+spelling"


def test_a_venue_is_never_a_party_and_metonymy_is_not_a_place() -> None:
    found = extract("Saudi and Iranian envoys held talks in Riyadh on Monday.", published="2024-05-14").events
    assert found and all(e.location is not None and e.location.place == "Riyadh" for e in found if e.location)
    # 'Moscow' speaks for Russia here: a party, not where anything happened
    assert _first_location("Moscow accused Washington of meddling in the election.") is None


def test_a_capitals_namesake_abroad_is_no_party() -> None:
    found = extract("Polish defence officials visited London, Ontario, on Tuesday.", published="2025-03-14").events
    assert all("GBR" not in e.actor + e.recipient for e in found)
    found = extract("Polish and British officials met in London, Ontario, on Tuesday.", published="2025-03-14").events
    assert found and found[0].location is not None and found[0].location.country == "CAN"
    # an apposition after a capital is no namesake's state
    found = extract("Beijing, Vietnam's largest trading partner, warned Washington on Tuesday.",
                    published="2025-04-10").events
    assert found and found[0].actor == ("CHN",)


def test_ambiguous_names_are_settled_by_the_documents_states() -> None:
    lebanon = _first_location("Lebanese and Syrian officials met in Tripoli on Monday to discuss refugees.")
    libya = _first_location("Libyan and Turkish officials met in Tripoli on Monday to discuss the ceasefire.")
    assert lebanon is not None and lebanon.country == "LBN"
    assert libya is not None and libya.country == "LBY"


def test_extract_jsonl_carries_the_location(tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    source.write_text("Saudi and Iranian envoys held talks in Riyadh on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--published", "2024-05-14", "--format", "jsonl",
                                 "--min-confidence", "0"])  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    located = [r for r in records if r.get("location")]
    assert located, records
    location = located[0]["location"]
    assert set(location) >= {"name", "place", "admin1", "country", "lat", "lon", "evidence", "method"}
    assert location["country"] == "SAU" and location["evidence"]["text"] == "Riyadh"


@pytest.fixture(scope="module")
def stories_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("geo") / "stories.duckdb"
    with Store.open(path) as store:
        store.add(default_extractor().extract_documents(STORIES))
    return path


def _raid(store: Store):  # type: ignore[no-untyped-def]
    found = list_incidents(store, FactFilter(dyad=("ISR", "SYR"), types=("ASSAULT",), min_confidence=0))
    return [i for i in found if i.documents > 1]


def test_reports_of_one_raid_are_one_incident(stories_db: Path) -> None:
    with Store.open(stories_db, read_only=True) as store:
        linked = _raid(store)
        assert len(linked) == 1, [i.to_dict() for i in linked]
        raid = linked[0]
        docs = {f.record.doc for f in incident(store, raid.id, min_confidence=0).facts}  # type: ignore[union-attr]
    assert {"raid-1", "raid-2", "raid-3"} <= docs or len(docs & {"raid-1", "raid-2", "raid-3"}) >= 2
    assert "old-raid" not in docs and "talks" not in docs  # another week, another place: another incident
    assert raid.first_seen == "2024-05-14" and raid.location is not None and raid.location.country == "SYR"
    assert set(raid.sources) >= {"Gulf Courier", "Levant Daily"}


def test_linking_is_deterministic_and_relinking_agrees(tmp_path: Path, stories_db: Path) -> None:
    again = tmp_path / "again.duckdb"
    with Store.open(again) as store:
        store.add(default_extractor().extract_documents(STORIES))
        assert store.add(default_extractor().extract_documents(STORIES)).documents_added == 0  # re-ingest: nothing
        assert store.relink() == 0  # recomputing every link in ingestion order gives the same incidents
        mine = store.sql("SELECT doc_hash, id, incident FROM events ORDER BY ALL").rows()
    with Store.open(stories_db, read_only=True) as store:
        assert store.sql("SELECT doc_hash, id, incident FROM events ORDER BY ALL").rows() == mine


def test_incidents_cli_jsonl_csv_and_table(stories_db: Path) -> None:
    result = runner.invoke(app, ["incidents", "--db", str(stories_db), "--format", "jsonl", "--min-confidence", "0",
                                 "--type", "ASSAULT"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and set(rows[0]) >= {"id", "event", "actor", "recipient", "date", "location", "reports", "documents",
                                     "sources", "first_seen"}  # fmt: skip
    assert rows[0]["documents"] >= 2  # most reported first
    table = runner.invoke(app, ["incidents", "--db", str(stories_db), "--min-confidence", "0"])
    assert table.exit_code == 0 and "incidents" in table.stdout
    text = runner.invoke(app, ["incidents", "--db", str(stories_db), "--format", "csv", "--min-confidence", "0"])
    header = next(csv.reader([text.stdout.splitlines()[0]]))
    assert header[:5] == ["id", "event", "actor", "recipient", "date"]
    bad = runner.invoke(app, ["incidents", "--db", str(stories_db), "--near", "north"])
    assert bad.exit_code == 1 and "near: expected LAT,LON,KM" in bad.output


def test_events_filter_by_where_they_happened(stories_db: Path) -> None:
    with Store.open(stories_db, read_only=True) as store:
        in_iraq = store.events(country="IRQ", min_confidence=0)
        near_homs = store.events(near=Near(34.73, 36.72, 50), min_confidence=0)
        far = store.events(near="0,0,100", min_confidence=0)
    assert in_iraq and all(e.location and e.location.country == "IRQ" for e in in_iraq)
    assert near_homs and all(e.location and e.location.place == "Homs" for e in near_homs)
    assert list(far) == []
    cli = runner.invoke(app, ["events", "--db", str(stories_db), "--country", "syr", "--format", "csv",
                              "--min-confidence", "0"])  # fmt: skip
    assert cli.exit_code == 0, cli.output
    rows = list(csv.DictReader(cli.stdout.splitlines()))
    assert rows and {r["place_country"] for r in rows} == {"SYR"} and all(r["incident"] for r in rows)


def test_analytics_count_incidents_unless_asked_for_reports(stories_db: Path) -> None:
    from diplograph.analytics import dyad_timeline

    with Store.open(stories_db, read_only=True) as store:
        incidents_count = dyad_timeline(store, "ISR", "SYR", min_confidence=0).total.events
        reports_count = dyad_timeline(store, "ISR", "SYR", min_confidence=0, count="reports").total.events
    assert incidents_count < reports_count
    cli = runner.invoke(app, ["timeline", "ISR", "SYR", "--db", str(stories_db), "--min-confidence", "0", "--json",
                              "--count", "reports"])  # fmt: skip
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout)["total"]["events"] == reports_count


def test_geojson_and_gdelt_exports_carry_the_place(tmp_path: Path, stories_db: Path) -> None:
    with Store.open(stories_db, read_only=True) as store:
        written = export(store, "geojson", tmp_path / "events.geojson", min_confidence=0)
        export(store, "gdelt", tmp_path / "events.tsv", min_confidence=0)
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == written > 0
    homs = [f for f in collection["features"] if f["properties"]["place"] == "Homs"]
    assert homs and homs[0]["geometry"]["coordinates"][0] == pytest.approx(36.7, abs=0.2)  # longitude first
    with Store.open(tmp_path / "back.duckdb") as back:  # GDELT's ActionGeo columns round-trip
        import_gdelt(back, tmp_path / "events.tsv")
        located = back.events(country="SYR")
    assert located and any(e.location and e.location.place == "Homs" for e in located)


@needs_shared
def test_gdelt_sample_rows_of_one_event_become_one_incident(tmp_path: Path) -> None:
    with Store.open(tmp_path / "gdelt.duckdb") as store:
        report = import_gdelt(store, GDELT)
        row = store.sql("SELECT count(*) AS rows, count(DISTINCT incident) AS incidents FROM events").rows()[0]
        largest = list_incidents(store, FactFilter(), limit=1)[0]
        # relinking in ingestion order gives the links made batch by batch (a batch's documents share one
        # ingestion time: their order is the order they were written, not their hashes')
        assert store.relink() == 0
    assert report.rows == row["rows"]
    assert row["incidents"] < 0.8 * row["rows"]  # markedly fewer incidents than rows
    assert largest.reports >= 5 and largest.documents == largest.reports  # one row, one document


_REPORTED_MORE_THAN_ONCE = "SELECT incident FROM events GROUP BY incident HAVING count(*) > 1"
SEVERAL_REPORTS = f"{_REPORTED_MORE_THAN_ONCE} ORDER BY incident"


def _shared(store: Store) -> list[Any]:
    """The incidents whose events are marked shared, after checking that every event's mark is known and says
    whether its incident has other reports."""
    wrong = store.sql(f"SELECT count(*) AS n FROM events WHERE shared IS NULL OR shared <> "
                      f"(incident IN ({_REPORTED_MORE_THAN_ONCE}))").rows()  # fmt: skip
    assert wrong == [{"n": 0}]
    return store.sql("SELECT DISTINCT incident FROM events WHERE shared ORDER BY incident").rows()


def _by_sorting_every_report(store: Store, where: Where) -> list[Any]:
    """The representative of each incident among the events `where` keeps, found the slow way (every report
    sorted): what counting incidents must give."""
    sql = (f"SELECT rowid FROM events {where.sql()} QUALIFY row_number() OVER (PARTITION BY incident "
           f"ORDER BY {REPRESENTATIVE_ORDER}) = 1 ORDER BY rowid")  # fmt: skip
    return store.sql(sql, where.params).rows()


@needs_shared
def test_counting_incidents_sorts_only_shared_ones_and_agrees_with_sorting_all(tmp_path: Path) -> None:
    with Store.open(tmp_path / "gdelt.duckdb") as store:
        import_gdelt(store, GDELT)
        several = store.sql(SEVERAL_REPORTS).rows()
        assert several and _shared(store) == several  # marked batch by batch, as they were linked
        filters = [fact_filters(EVENT_COLUMNS), fact_filters(EVENT_COLUMNS, state="USA"),
                   fact_filters(EVENT_COLUMNS, dyad=("USA", "RUS")), fact_filters(EVENT_COLUMNS, types="CONSULT"),
                   fact_filters(EVENT_COLUMNS, since="2024-06-01", country="USA")]  # fmt: skip
        for where in filters:
            one_each = counted(where, "incidents")
            fast = store.sql(f"SELECT rowid FROM events {one_each.sql()} ORDER BY rowid", one_each.params).rows()
            assert fast == _by_sorting_every_report(store, where), where.clauses
        store.relink()
        assert _shared(store) == several  # relinking marks them afresh


@needs_shared
def test_a_brief_reads_each_incident_through_the_report_that_stands_for_it(tmp_path: Path) -> None:
    """The brief's facts (report.aggregate, which picks each incident's report in one pass over the state's events)
    are made of exactly the records `counted` keeps for the same filter, and counting reports keeps them all."""
    from diplograph.report.aggregate import open_facts

    def counted_rows(store: Store, code: str, since: str | None, count: str) -> set[int]:
        where = counted(fact_filters(EVENT_COLUMNS, state=code, since=since), count)
        return {r["rowid"] for r in store.sql(f"SELECT rowid FROM events {where.sql()}", where.params).rows()}

    with Store.open(tmp_path / "gdelt.duckdb") as store:
        import_gdelt(store, GDELT)
        for code, since in (("USA", None), ("RUS", None), ("USA", "2017-06-01")):
            made = {}
            for count in ("incidents", "reports"):
                with open_facts(store, code, since=since, until=None, count=count) as facts:
                    rows = facts.dicts(f"SELECT fact_id, rowids FROM {facts.events}")
                made[count] = {i for r in rows for i in (r["rowids"] or [r["fact_id"]])}
                assert made[count] == counted_rows(store, code, since, count), (code, since, count)
            assert 0 < len(made["incidents"]) < len(made["reports"]), code


def test_a_store_marks_the_events_of_incidents_reported_more_than_once(stories_db: Path) -> None:
    with Store.open(stories_db, read_only=True) as store:
        several = store.sql(SEVERAL_REPORTS).rows()
        assert several and _shared(store) == several


def test_parquet_parts_mark_their_shared_incidents_when_loaded(tmp_path: Path) -> None:
    from diplograph.scale import load_parquet, write_part

    extractions = list(default_extractor().extract_documents(STORIES))
    write_part(tmp_path / "parts", 0, extractions[:2])
    write_part(tmp_path / "parts", 1, extractions[2:])  # reports of one raid in two parts
    with Store.open(tmp_path / "loaded.duckdb") as store:
        load_parquet(store, tmp_path / "parts")
        several = store.sql(SEVERAL_REPORTS).rows()
        assert several and _shared(store) == several


def test_parts_written_with_their_incidents_mark_the_shared_ones(tmp_path: Path) -> None:
    import dataclasses

    from diplograph.scale import load_parquet, write_part

    def linked(x, ids):  # type: ignore[no-untyped-def]
        return dataclasses.replace(x, events=tuple(dataclasses.replace(e, incident=i) for e, i in
                                                   zip(x.events, ids, strict=True)))  # fmt: skip

    first, second, *rest = [x for x in default_extractor().extract_documents(STORIES) if x.events]
    own = [linked(x, [f"own-{x.document.id}-{n}" for n in range(len(x.events))]) for x in rest]
    both = [linked(first, ["one-story"] + [f"own-a-{n}" for n in range(len(first.events) - 1)]),
            linked(second, ["one-story"] + [f"own-b-{n}" for n in range(len(second.events) - 1)])]  # fmt: skip
    write_part(tmp_path / "parts", 0, [both[0], *own])
    write_part(tmp_path / "parts", 1, [both[1]])
    with Store.open(tmp_path / "loaded.duckdb") as store:
        load_parquet(store, tmp_path / "parts")
        assert _shared(store) == store.sql(SEVERAL_REPORTS).rows() == [{"incident": "one-story"}]


def test_the_migration_marks_the_shared_incidents_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        store.add(default_extractor().extract_documents(STORIES))
        several = store.sql(SEVERAL_REPORTS).rows()
    import duckdb

    conn = duckdb.connect(str(path))  # back to schema 7, as a store written before `shared`
    conn.execute("ALTER TABLE events DROP COLUMN shared")
    conn.execute("ALTER TABLE events DROP COLUMN one_sentence")  # and before what versions 9 and 10 added
    conn.execute("ALTER TABLE events DROP COLUMN lead")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 8")
    conn.close()
    with Store.open(path) as store:
        assert store.stats()["schema_version"] >= 8 and several and _shared(store) == several


def test_the_incident_rules_on_their_own() -> None:
    import datetime as dt

    day = dt.date(2024, 5, 14)

    def report(doc: str, event: str, actor: str, recipient: str, start: dt.date, place: str | None = None,
               lat: float | None = None, lon: float | None = None) -> incidents.Report:
        return incidents.Report(doc, "e", event, frozenset({actor}), frozenset({recipient} - {""}), start, start,
                                country="SYR" if place else None, kind="city" if place else None, place=place,
                                lat=lat, lon=lon)  # fmt: skip

    homs = report("a", "ASSAULT", "ISR", "SYR", day, "Homs", 34.73, 36.72)
    assert incidents.match(report("b", "ASSAULT", "ISR", "SYR", day + dt.timedelta(days=1)), homs) is not None
    assert incidents.match(report("b", "ASSAULT", "ISR", "SYR", day + dt.timedelta(days=3)), homs) is None
    assert incidents.match(report("b", "ASSAULT", "ISR", "SYR", day, "Damascus", 33.51, 36.29), homs) is None
    assert incidents.match(report("b", "SANCTION", "ISR", "SYR", day), homs) is None
    assert incidents.match(report("b", "COERCE", "ISR", "SYR", day), homs) is not None  # a compatible type
    linker = incidents.Linker()
    first = linker.link(homs)
    assert linker.link(report("b", "ASSAULT", "ISR", "SYR", day)) == first
    # complete linkage: a report from Damascus does not join through the undated-place report
    assert linker.link(report("c", "ASSAULT", "ISR", "SYR", day, "Damascus", 33.51, 36.29)) != first


def test_states_acting_together_match_a_report_of_one_acting_with_the_other() -> None:
    """'Indonesia and Vietnam signed a fisheries deal' and 'Indonesia signed a deal with Vietnam' are one
    incident; a third state in the other report is another event."""
    import datetime as dt

    day = dt.date(2025, 4, 10)

    def deal(doc: str, event: str, actor: set[str], recipient: set[str]) -> incidents.Report:
        return incidents.Report(doc, "e", event, frozenset(actor), frozenset(recipient), day, day)

    together = deal("a", "SUPPORT", {"IDN", "VNM"}, set())
    assert incidents.match(deal("b", "AGREE", {"IDN"}, {"VNM"}), together) is not None
    assert incidents.match(deal("b", "AGREE", {"IDN"}, {"MYS"}), together) is None
    assert incidents.match(deal("b", "AGREE", {"IDN"}, set()), together) is None  # one party and a compatible type


def test_one_shared_state_at_home_links_only_at_one_place() -> None:
    """A strike on Homs by an unnamed attacker, told twice: one incident when both reports name Homs; a report
    placing it only in Syria, or in Damascus, is not enough (a country sees many attacks a day)."""
    import datetime as dt

    day = dt.date(2025, 5, 6)

    def strike(doc: str, place: str | None, lat: float | None = None, lon: float | None = None) -> incidents.Report:
        return incidents.Report(doc, "e", "ASSAULT", frozenset(), frozenset({"SYR"}), day, day, country="SYR",
                                kind="city" if place else "country", place=place, lat=lat, lon=lon)  # fmt: skip

    homs = strike("a", "Homs", 34.73, 36.72)
    assert incidents.match(strike("b", "Homs", 34.73, 36.72), homs) is not None
    assert incidents.match(strike("b", None), homs) is None
    assert incidents.match(strike("b", "Damascus", 33.51, 36.29), homs) is None
    talks = incidents.Report("c", "e", "CONSULT", frozenset(), frozenset({"SYR"}), day, day, country="SYR",
                             kind="city", place="Homs", lat=34.73, lon=36.72)
    other = incidents.Report("d", "e", "CONSULT", frozenset({"SYR"}), frozenset(), day, day, country="SYR",
                             kind="city", place="Homs", lat=34.73, lon=36.72)
    assert incidents.match(other, talks) is None  # talks at home in one city: too many to tell apart


def test_a_deployment_into_one_region_on_one_day_told_twice_is_one_incident() -> None:
    """Two reports of troops sent into one region on one day, one naming the state they face and one not: one
    incident, as one strike on one town is (the shared state is the one at home there)."""
    import datetime as dt

    day = dt.date(2025, 5, 20)

    def deployment(doc: str, recipient: frozenset[str]) -> incidents.Report:
        return incidents.Report(doc, "e", "MOBILIZE", frozenset({"VEN"}), recipient, day, day, country="VEN",
                                kind="region", place="Bolivar", lat=7.0, lon=-64.0)  # fmt: skip

    assert incidents.match(deployment("b", frozenset()), deployment("a", frozenset({"GUY"}))) is not None


def test_a_pledge_of_aid_and_the_aid_announced_are_one_incident() -> None:
    import datetime as dt

    day = dt.date(2025, 10, 1)
    pledge = incidents.Report("a", "e", "AGREE", frozenset({"JPN"}), frozenset({"PHL"}), day, day)
    grant = incidents.Report("b", "e", "AID", frozenset({"JPN"}), frozenset({"PHL"}), day, day)
    assert incidents.match(grant, pledge) is not None
    one_side = incidents.Report("b", "e", "AID", frozenset({"JPN"}), frozenset(), day, day)
    assert incidents.match(one_side, pledge) is None  # a merely compatible type needs both parties
    warning = incidents.Report("a", "e", "ACCUSE", frozenset({"CHN"}), frozenset({"PHL"}), day, day)
    threat = incidents.Report("b", "e", "THREATEN", frozenset({"CHN"}), frozenset({"PHL"}), day, day)
    assert incidents.match(threat, warning) is not None  # one warning, read two ways


@pytest.mark.slow
def test_written_corpus_scores_hold() -> None:
    """Floors under today's scores on bench/data/geo (bench/geo_accuracy.py reports them): a regression guard."""
    places = score_locations(GEO / "places-gold.jsonl")
    assert places.country >= 0.88 and places.place >= 0.88 and places.none_right >= 0.9
    # 0.961 on the first 100 sentences; 0.947 since q01 … q20 (2026-12-03, written to find what the locator misses)
    assert places.event_country >= 0.93 and places.event_place >= 0.93
    linked = score_incidents(GEO / "incident-stories.jsonl", GEO / "incidents-gold.jsonl")
    assert linked.precision >= 0.95 and linked.recall >= 0.9
    # the later development corpora (2026-12-03): 0.875 / 0.808 and 0.889 / 0.615 when this floor was set; the
    # third at 0.913 / 0.808 since weekend events are dated to the weekend, the second at 0.852 / 0.885 since aid
    # 'sent by India, which reached Yangon' goes to Yangon's state (seventh session)
    second = score_incidents(GEO / "incident-stories-2.jsonl", GEO / "incidents-gold-2.jsonl")
    assert second.precision >= 0.8 and second.recall >= 0.85
    third = score_incidents(GEO / "incident-stories-3.jsonl", GEO / "incidents-gold-3.jsonl")
    assert third.precision >= 0.85 and third.recall >= 0.75
    # the fourth and fifth development sets (2026-12-04), scored as they came at 0.756 / 0.909 / 0.588 and
    # 0.795 / 0.812 / 0.765 (places country right, incident pairs P / R); 0.872 / 0.929 / 0.765 and
    # 0.859 / 0.867 / 0.765 when these floors were set (fifteenth session)
    # the sixth (2026-12-05) came at 0.795 / 0.929 / 0.765 and read 0.872 / 0.933 / 0.824 when its floor was set
    for number, places_floor, precision_floor, none_floor in ((4, 0.85, 0.9, 0.9), (5, 0.83, 0.8, 0.9),
                                                              (6, 0.85, 0.9, 0.8)):
        located = score_locations(GEO / f"places-gold-{number}.jsonl")
        assert located.country >= places_floor and located.none_right >= none_floor, number
        linked = score_incidents(GEO / f"incident-stories-{number}.jsonl", GEO / f"incidents-gold-{number}.jsonl")
        assert linked.precision >= precision_floor and linked.recall >= 0.7, number


def test_a_brief_counts_incidents_unless_asked_for_reports(stories_db: Path) -> None:
    from diplograph.report import brief

    with Store.open(stories_db, read_only=True) as store:
        by_incident = brief(store, "SYR", min_confidence=0)
        by_report = brief(store, "SYR", min_confidence=0, count="reports")
    assert by_incident.event_count < by_report.event_count


def test_a_brief_shows_where_its_events_happened(stories_db: Path) -> None:
    from diplograph.report import brief, render_html, render_markdown

    with Store.open(stories_db, read_only=True) as store:
        told = brief(store, "SYR", min_confidence=0)
    homs = [p for p in told.places if p.place == "Homs"]
    assert homs and homs[0].country == "SYR" and homs[0].events >= 1
    html = render_html(told)
    section = html.split('<section id="places">')[1].split("</section>")[0]
    assert "<circle" in section
    assert "## Where events happened" in render_markdown(told) and "| Homs, " in render_markdown(told)


def _reporter(month: int) -> Callable[[str, str, str, str | None, int], incidents.Report]:
    """A report of one event, actor to recipient (None: no recipient named), on a day of `month` 2026 (for
    incidents.match)."""
    import datetime as dt

    def report(doc: str, event: str, actor: str, recipient: str | None, day: int) -> incidents.Report:
        when = dt.date(2026, month, day)
        return incidents.Report(doc, "e", event, frozenset({actor}), frozenset({recipient} if recipient else ()),
                                when, when)

    return report


def test_a_report_leading_with_the_answer_to_an_accusation_reports_the_accusation() -> None:
    """'Mali accuses Algeria of harbouring rebels' and, a day later, 'Algiers dismisses Malian charges' are one
    incident; a rejection the other way round, or by a third state, is not."""
    report = _reporter(month=2)

    accused = report("a", "ACCUSE", "MLI", "DZA", 9)
    assert incidents.match(report("b", "REJECT", "DZA", "MLI", 10), accused) is not None
    assert incidents.match(report("b", "REJECT", "MLI", "DZA", 10), accused) is None
    assert incidents.match(report("b", "REJECT", "NER", "MLI", 10), accused) is None
    assert incidents.match(report("b", "REJECT", "DZA", "MLI", 27), accused) is None  # weeks later: another answer
    # 'UK sanctions Georgian police chiefs' and, a day later, 'Tbilisi condemns British sanctions'
    sanctioned = report("c", "SANCTION", "GBR", "GEO", 9)
    assert incidents.match(report("d", "ACCUSE", "GEO", "GBR", 10), sanctioned) is not None
    assert incidents.match(report("d", "REJECT", "GEO", "GBR", 10), sanctioned) is not None
    assert incidents.match(report("d", "ACCUSE", "RUS", "GBR", 10), sanctioned) is None


def test_a_protest_by_who_was_acted_on_days_later_reports_the_act() -> None:
    """'Thai tanks moved to the border' on Friday and 'Cambodia protests Thai troop build-up' on Sunday are one
    incident; a protest before the act, a week after it, or by a third state is not."""
    report = _reporter(month=1)

    build_up = report("a", "MOBILIZE", "THA", "KHM", 16)
    assert incidents.match(report("b", "ACCUSE", "KHM", "THA", 18), build_up) is not None
    assert incidents.match(build_up, report("b", "PROTEST", "KHM", "THA", 19)) is not None  # either order
    assert incidents.match(report("b", "ACCUSE", "KHM", "THA", 13), build_up) is None  # before the act
    assert incidents.match(report("b", "ACCUSE", "KHM", "THA", 23), build_up) is None  # a week later
    assert incidents.match(report("b", "ACCUSE", "VNM", "THA", 18), build_up) is None
    withdrawal = report("c", "RETREAT", "BDI", "COD", 18)  # 'Kinshasa regrets Burundian pull-out'
    assert incidents.match(report("d", "ACCUSE", "COD", "BDI", 19), withdrawal) is not None
    # a denial still answers an accusation within a day or so, not days later
    accused = report("e", "ACCUSE", "MLI", "DZA", 9)
    assert incidents.match(report("f", "REJECT", "DZA", "MLI", 12), accused) is not None
    assert incidents.match(report("f", "REJECT", "DZA", "MLI", 16), accused) is None


def _answered_only_by_who_was_acted_on(report: Callable[[str, str, str, str | None, int], incidents.Report],
                                       act: incidents.Report, event: str, *, day: int, third: str,
                                       late: int) -> None:
    """An `event` by the state `act` was done to, of its doer, on `day` reports the act; by a `third` state, the
    same way round, or on a `late` day it does not."""
    doer, acted_on = next(iter(act.actor)), next(iter(act.recipient))
    assert incidents.match(report("b", event, acted_on, doer, day), act) is not None
    assert incidents.match(report("b", event, third, doer, day), act) is None
    assert incidents.match(report("b", event, doer, acted_on, day), act) is None
    assert incidents.match(report("b", event, acted_on, doer, late), act) is None


def test_a_request_by_who_was_acted_on_reports_the_act() -> None:
    """'Namibia bans South African vegetables' on Tuesday and 'South Africa asks Namibia for talks on the ban' on
    Thursday are one incident, as are a crowd at China's consulate and Beijing asking Seoul to protect it; a
    request by a third state, the other way round, or a week later is not."""
    report = _reporter(month=10)

    _answered_only_by_who_was_acted_on(report, report("a", "SANCTION", "NAM", "ZAF", 14), "REQUEST", day=16,
                                       third="BWA", late=21)
    crowd = report("c", "PROTEST", "KOR", "CHN", 11)
    assert incidents.match(report("d", "REQUEST", "CHN", "KOR", 13), crowd) is not None


def test_a_demand_a_dismissal_or_a_grant_by_who_was_acted_on_reports_the_act() -> None:
    """'Malaysia detains Bangladeshi workers' and 'Dhaka seeks consular access' two days later; 'Iran warns the
    UAE' and 'Abu Dhabi dismisses (or condemns) the warning'; 'Nepalis protest at India's embassy' and 'New Delhi
    calls the claim untenable'; 'Ghana asks Burkina Faso for help' and 'Burkina Faso says it will help' are one
    incident each. By a third state, the same way round, before the act or a week later they are not."""
    report = _reporter(month=3)

    _answered_only_by_who_was_acted_on(report, report("a", "COERCE", "MYS", "BGD", 12), "REQUEST", day=14,
                                       third="IND", late=20)
    warned = report("c", "THREATEN", "IRN", "ARE", 20)
    assert incidents.match(report("d", "REJECT", "ARE", "IRN", 21), warned) is not None
    assert incidents.match(report("d", "ACCUSE", "ARE", "IRN", 21), warned) is not None
    assert incidents.match(report("d", "REJECT", "SAU", "IRN", 21), warned) is None
    assert incidents.match(report("d", "REJECT", "ARE", "IRN", 18), warned) is None  # before the warning
    protest = report("e", "PROTEST", "NPL", "IND", 21)
    assert incidents.match(report("f", "REJECT", "IND", "NPL", 22), protest) is not None
    asked = report("g", "REQUEST", "GHA", "BFA", 15)
    assert incidents.match(report("h", "AGREE", "BFA", "GHA", 18), asked) is not None
    assert incidents.match(report("h", "AGREE", "BFA", "GHA", 12), asked) is None  # granted before it was asked
    assert incidents.match(report("h", "AGREE", "BFA", "GHA", 25), asked) is None


def test_an_answer_to_an_act_told_with_no_one_it_was_done_to_names_who_did_it() -> None:
    """'Algeria moved troops into its border town' names no recipient; 'Mali accused Algeria of provocation' the
    next day answers it. A charge against someone else, or by the actor itself, does not; nor does a charge answer
    a self-pair (a misread report) or an act that names whom it was done to."""
    report = _reporter(month=4)

    moved = report("a", "MOBILIZE", "DZA", None, 8)
    assert incidents.match(report("b", "ACCUSE", "MLI", "DZA", 9), moved) is not None
    assert incidents.match(report("b", "ACCUSE", "MLI", "NER", 9), moved) is None
    assert incidents.match(report("b", "ACCUSE", "DZA", "MLI", 9), moved) is None
    assert incidents.match(report("b", "ACCUSE", "GBR", "RUS", 9), report("c", "ASSAULT", "RUS", "RUS", 8)) is None


def test_a_report_of_the_act_is_preferred_to_an_answer_to_it() -> None:
    """'Russian missiles hit the refinery' (no recipient named) matches both another report of the strike and
    Kyiv's protest at it equally well by type and parties; it joins the strike."""
    report = _reporter(month=10)

    strike = report("a", "ASSAULT", "RUS", "UKR", 14)
    protest = report("b", "ACCUSE", "UKR", "RUS", 14)
    told_again = report("c", "ASSAULT", "RUS", None, 14)
    assert incidents.match(told_again, strike) > incidents.match(told_again, protest)


@pytest.mark.parametrize(("first", "second"), [
    (Document(id="mali-a", text="Mali on Monday accused Algeria of harbouring rebels near their border.",
              published="2026-02-09"),
     Document(id="mali-b", text="Algeria on Tuesday rejected the accusation by Mali as baseless.",
              published="2026-02-10")),
    (Document(id="laos-a", published="2026-03-09",
              text="Laos moved tanks and 2,000 troops to its border with Vietnam on Monday, the army said."),
     Document(id="laos-b", text="Vietnam on Wednesday condemned Laos over the troop build-up on their border.",
              published="2026-03-11")),
])  # fmt: skip
def test_an_answer_ingested_later_joins_the_act_it_answers(tmp_path: Path, first: Document, second: Document) -> None:
    """Regression: an answer (a denial, a protest) linked to the act it answers only when both came in one batch;
    the store's candidates for a later batch left out the types an answer pairs with."""
    extractor = default_extractor()
    with Store.open(tmp_path / "answers.duckdb") as store:
        store.add(extractor.extract_documents([first]))
        store.add(extractor.extract_documents([second]))
        rows = store.sql("SELECT doc_id, incident FROM events WHERE confidence >= 0.45").rows()
    assert {r["doc_id"] for r in rows} == {first.id, second.id}
    assert len({r["incident"] for r in rows}) == 1


def _located(text: str, event: str) -> str | None:
    found = [e for e in extract(text, published="2025-06-01").events if e.event == event]
    assert found, (text, event)
    return found[0].location.place if found[0].location is not None else None


def test_the_one_venue_of_a_sentence_locates_an_event_the_parse_did_not_tie_to_it() -> None:
    # the agreement hangs from the main verb, the venue from the participle beside its subject
    text = "Qatar and Egypt, meeting in Cairo, agreed on Sunday to restore direct flights."
    assert _located(text, "AGREE") == "Cairo"


@pytest.mark.parametrize("text", [
    "Ethiopian and Djiboutian ministers inaugurated a new railway depot in Dire Dawa on Friday, after years of delays.",
    "Chinese and Ethiopian engineers opened a new cement plant in Dire Dawa on Monday, easing shortages that have "
    "slowed building across the country.",
])
def test_a_place_whose_first_word_the_tagger_reads_as_an_adjective_is_found_whole(text: str) -> None:
    assert _located(text, "COOPERATE") == "Dire Dawa"


def test_what_is_shot_down_over_a_place_happens_there_but_a_dispute_over_one_does_not() -> None:
    text = "Polish air defences shot down two Russian drones over Lublin province on Tuesday, the army said."
    assert _located(text, "ASSAULT") == "Lublin Voivodeship"
    assert _located("India accused Pakistan on Monday of stoking the dispute over Kashmir.", "ACCUSE") is None


@pytest.mark.parametrize(("text", "event"), [
    # another time, another event
    ("Ethiopia and Eritrea agreed on Monday to reopen their border, a week after their leaders met in Asmara.",
     "AGREE"),
    # a clause about a person
    ("Ghana signed a loan agreement with China on Tuesday, said the minister, who studied in Kumasi.", "AID"),
    # a clause about the parties' past
    ("Angola and Zambia, whose presidents held talks in Luanda last year, signed a rail agreement on Friday.",
     "SUPPORT"),
])  # fmt: skip
def test_a_venue_that_belongs_to_something_else_locates_nothing(text: str, event: str) -> None:
    assert _located(text, event) is None


def _incident_partition(batches: list[list[Any]], folder: Path) -> set[frozenset[tuple[str, str]]]:
    with Store.open(folder / "partition.duckdb") as store:
        for batch in batches:
            store.add(batch)
        rows = store.sql("SELECT doc_id, id, incident FROM events").rows()
    groups: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        groups.setdefault(row["incident"], set()).add((row["doc_id"], row["id"]))
    return {frozenset(g) for g in groups.values()}


@pytest.mark.slow
def test_incidents_are_the_same_whether_stories_come_in_one_batch_or_one_by_one(tmp_path: Path) -> None:
    """Linking is incremental: a story ingested on its own links to what is stored exactly as it would have linked
    within one batch (regression: answers to an act were linked only inside a batch)."""
    stories = [json.loads(line) for n in (3, 4) for line in
               (GEO / f"incident-stories-{n}.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = [Document(id=s["id"], text=s["text"], published=s.get("published"), title=s.get("title"),
                          source=s.get("source")) for s in stories]  # fmt: skip
    extracted = list(default_extractor().extract_documents(documents))
    (tmp_path / "one").mkdir()
    (tmp_path / "each").mkdir()
    in_one_batch = _incident_partition([extracted], tmp_path / "one")
    one_by_one = _incident_partition([[e] for e in extracted], tmp_path / "each")
    assert any(len(group) > 1 for group in in_one_batch)
    assert one_by_one == in_one_batch


def test_an_accusation_is_not_located_where_what_it_alleges_happened() -> None:
    assert _first_location("Addis Ababa accused Asmara on Monday of arming rebels in the Amhara region.") is None


def test_a_place_whose_own_name_is_the_one_written_beats_one_listing_it_as_an_alternate() -> None:
    """GeoNames lists "Slov'yansk" among Nikopol's alternate names; Nikopol is the larger town."""
    from diplograph.geo.gazetteer import places

    assert places().lookup("Sloviansk")[0].name == "Slovyansk"
    assert places().lookup("Kiev")[0].kind == "city"  # not the oblast GeoNames names "Kiev"
    location = _first_location("Russian jets dropped guided bombs on Sloviansk on Tuesday, killing four people.")
    assert location is not None and location.place == "Slovyansk"


def test_a_country_name_said_to_lie_in_another_state_is_a_town_there() -> None:
    found = extract("Two Argentine planes carrying firefighters landed in Trinidad, in Bolivia's Beni department, "
                    "on Sunday to help fight forest fires.", published="2025-06-01").events
    assert found and found[0].location is not None and found[0].location.country == "BOL"
    assert "TTO" not in found[0].actor + found[0].recipient, found[0]
    found = extract("Argentina sent aid to Trinidad on Sunday.", published="2025-06-01").events
    assert found and found[0].recipient == ("TTO",)


def test_a_nationality_adjective_names_no_place() -> None:
    text = ("Uzbekistan's president arrived in Turkistan on Wednesday. The visit by Mirziyoyev to the southern Kazakh "
            "city was his third this year.")
    assert all(e.location is None or e.location.place == "Turkistan" for e in extract(text, published="2025-08-20")
               .events)


def test_a_destination_the_parser_hung_on_a_participle_of_the_object_is_where_forces_went() -> None:
    text = "Poland deployed 2,000 more soldiers, backed by tanks and helicopters, to Podlaskie province on Monday."
    assert _located(text, "MOBILIZE") == "Podlasie"
    sent = extract("Poland sent 2,000 more soldiers, backed by tanks, to Podlaskie province on Monday.",
                   published="2025-06-01").events
    assert [e.event for e in sent] == ["MOBILIZE"], sent  # a destination named: forces sent somewhere


def test_a_state_named_as_the_venue_of_others_is_their_city_of_that_name() -> None:
    location = _first_location("Colombian police arrested two Venezuelan officers in Armenia on Saturday.")
    assert location is not None and (location.place, location.country) == ("Armenia", "COL")
    location = _first_location("Iran and Turkey held talks in Armenia on Monday.")
    assert location is not None and location.country == "ARM"


def test_a_namesake_city_dwarfs_the_parties_only_when_the_text_names_its_state() -> None:
    location = _first_location("US federal prosecutors in Alexandria on Tuesday charged two Chinese intelligence "
                               "officers with harassing dissidents.")
    assert location is not None and location.country == "USA"


def test_thanks_from_who_got_aid_days_later_report_the_aid() -> None:
    """'Qatar's plane with 30 tonnes of medicine lands in Khartoum' and 'Sudan thanks Qatar' two days later are one
    incident; thanks the other way round, or by a third state, are not."""
    report = _reporter(month=3)

    aid = report("a", "AID", "QAT", "SDN", 4)
    assert incidents.match(report("b", "SUPPORT", "SDN", "QAT", 6), aid) is not None
    assert incidents.match(report("b", "SUPPORT", "QAT", "SDN", 6), aid) is None
    assert incidents.match(report("b", "SUPPORT", "EGY", "QAT", 6), aid) is None


@pytest.mark.parametrize(("text", "place", "country"), [
    # bases, sites and border posts the GeoNames extract lacks (data/towns.csv)
    ("Defence ministers of NATO states met at Ramstein Air Base on Thursday.", "Ramstein Air Base", "DEU"),
    ("Two US Navy destroyers arrived at Souda Bay on Monday for a joint exercise with Greece.", "Souda Bay", "GRC"),
    ("Polish border guards closed the Terespol crossing to Belarusian trucks on Friday.", "Terespol", "POL"),
    # older spellings of towns and regions (data/alternates.csv)
    ("Russian missiles struck a power plant near Zaporozhye on Sunday.", "Zaporizhzhya", "UKR"),
    ("Hungary's foreign minister visited Transcarpathia on Friday.", "Zakarpattia", "UKR"),
    # a first level the extract lacks: Belgium's provinces (data/regions.csv)
    ("Belgian police arrested a Russian national in the Belgian province of Hainaut on Monday.", "Hainaut", "BEL"),
])
def test_bases_crossings_and_older_names_are_places(text: str, place: str, country: str) -> None:
    _assert_located_at(text, place, country)


def test_a_crossing_opened_or_shut_is_where_it_happened() -> None:
    location = _first_location("Pakistan closed the Torkham crossing with Afghanistan on Monday.")
    assert location is not None and (location.place, location.country) == ("Torkham", "PAK")
    location = _first_location("Syrian and Jordanian officials reopened the Nasib crossing on Sunday.")
    assert location is not None and location.place == "Nasib"


@pytest.mark.parametrize(("text", "place", "country"), [
    # a place bearing the written name itself before a namesake of a size that lists it as an alternate
    ("Australian soldiers landed at Nadi on Saturday to help clear roads after the floods.", "Nadi", "FJI"),
    # but not before a city many times larger spelled a little differently (Odessa, Texas against Odesa)
    ("A Russian drone attack damaged port infrastructure in Odessa overnight.", "Odesa", "UKR"),
    # a resort, a station, a department
    ("The foreign ministers of Turkey and Georgia met in the Black Sea resort of Batumi on Friday.", "Batumi", "GEO"),
    ("Kyrgyz police detained six Uzbek traders at Osh's central bus station on Tuesday.", "Osh", "KGZ"),
    ("Peruvian and Bolivian police seized two smuggling boats in Bolivia's Pando department on Friday.", "Pando",
     "BOL"),
])
def test_names_and_place_words_of_the_tenth_set(text: str, place: str, country: str) -> None:
    _assert_located_at(text, place, country)


def test_warships_and_military_aircraft_landing_or_docking_abroad_are_forces_sent() -> None:
    found = extract("A Dutch navy minesweeper docked in Klaipeda on Friday to join Lithuanian ships.",
                    published="2025-06-01").events
    assert [(e.event, e.actor, e.recipient) for e in found][:1] == [("MOBILIZE", ("NLD",), ("LTU",))], found
    found = extract("The Chinese president landed in Nairobi on Monday.", published="2025-06-01").events
    assert [(e.event, e.actor, e.recipient) for e in found] == [("CONSULT", ("CHN",), ("KEN",))], found
    assert not extract("Russian missiles landed in a field in Poland.", published="2025-06-01").events


def test_military_aircraft_landing_with_aid_deliver_it_where_they_land() -> None:
    found = extract("A New Zealand air force Hercules landed in Suva on Thursday with 12 tonnes of food and tents.",
                    published="2025-06-06").events
    assert [(e.event, e.actor, e.recipient) for e in found] == [("AID", ("NZL",), ("FJI",))], found


@pytest.mark.parametrize(("text", "place", "country"), [
    # a place noun in the plural ('districts of', 'neighbourhoods of') introduces its place as the singular does
    ("Israeli tanks pushed into the northern neighbourhoods of Jabalia on Monday, residents said.", "Jabālyā", "PSE"),
    ("Russian forces shelled the outlying districts of Kherson overnight.", "Kherson", "UKR"),
    # landforms of a region
    ("Indonesian troops clashed with separatist fighters in the highlands of Papua on Thursday.", "Papua", "IDN"),
    # an Arabic article inside a name is written 'el' or 'al'
    ("Israeli aircraft struck a house in Deir al-Balah on Friday.", "Dayr al Balaḩ", "PSE"),
])
def test_plural_place_nouns_landforms_and_inner_articles_name_places(text: str, place: str, country: str) -> None:
    _assert_located_at(text, place, country)


def test_this_city_in_a_story_filed_from_a_city_is_the_dateline_city() -> None:
    events = extract("KHARKIV, Ukraine — A Russian missile struck an apartment block on the outskirts of this city "
                     "on Saturday, Ukrainian officials said.", published="2025-06-07").events
    struck = [e for e in events if e.event == "ASSAULT"]
    assert struck and struck[0].location is not None, events
    assert (struck[0].location.country, struck[0].recipient) == ("UKR", ("UKR",)), struck


@pytest.mark.parametrize(("written", "region", "country"), [
    ("Salahuddin province", "Salah ad Din Governorate", "IRQ"),
    ("North Darfur", "Northern Darfur", "SDN"),
    ("Sistan-Baluchestan", "Sistan and Baluchestan", "IRN"),
    ("South Hwanghae", "Hwanghae-namdo", "PRK"),
])
def test_regions_are_found_under_the_english_names_the_news_uses(written: str, region: str, country: str) -> None:
    from diplograph.geo.gazetteer import places

    found = places().lookup(written)
    assert found and (found[0].kind, found[0].country) == ("region", country), found
    assert found[0].name == region, found[0]


def test_an_english_region_name_locates_an_event() -> None:
    location = _first_location("Sudanese army drones hit fuel depots in the villages of North Darfur on Sunday.")
    assert location is not None and (location.kind, location.country) == ("region", "SDN"), location


def test_a_venue_the_parser_read_as_a_particle_with_an_object_is_found() -> None:
    # the parser reads 'off' as the verb's particle and 'Finland' as its object
    location = _first_location("Finnish and Swedish coast guard ships held a joint rescue drill off Finland on Monday.")
    assert location is not None and location.country == "FIN", location


@pytest.mark.parametrize(("text", "place", "country"), [
    # a capital's name that a city of the acting state bears, in a story naming the capital's state nowhere else
    ("Lebanese soldiers raided a warehouse in Tripoli on Tuesday and arrested two Syrian smugglers.", "Tripoli",
     "LBN"),
    # an attack noun as the subject: where it landed
    ("A Russian missile strike on Poltava killed seven people on Monday.", "Poltava", "UKR"),
    # a venue hung on a participle of what the object is 'of'
    ("Peruvian customs officers seized 12 crates of rifles bound for Ecuador at a warehouse in Callao on Friday.",
     "Callao", "PER"),
    # a point west (north, ...) of a place
    ("Turkish drones hit a convoy at a checkpoint north of Kirkuk on Friday.", "Kirkuk", "IRQ"),
    # one act told in two verbs joined by 'and': the last one's place
    ("Sri Lankan sailors arrested nine Indian fishermen and seized their boat off Jaffna on Monday.", "Jaffna",
     "LKA"),
    # those acted on had crossed into the place
    ("Turkish border guards detained 12 Syrian soldiers who had strayed into Hatay province on Friday.", "Hatay",
     "TUR"),
])
def test_places_told_the_ways_wire_copy_tells_them(text: str, place: str, country: str) -> None:
    _assert_located_at(text, place, country, published="2025-06-04")


def test_the_city_in_the_lead_of_a_story_filed_from_a_city_is_the_dateline_city() -> None:
    events = extract("ODESA, Ukraine — Russian drones hit a grain terminal on the southern edge of the city on "
                     "Sunday, the regional governor said.", published="2025-06-08").events
    struck = [e for e in events if e.event == "ASSAULT"]
    assert struck and struck[0].location is not None and struck[0].location.country == "UKR", events


@pytest.mark.parametrize("text", [
    # where goods came from is not where they were stopped
    "China suspended beef imports from three slaughterhouses in Argentina's Córdoba province on Wednesday.",
    # a government named by its seat
    "Rwanda accused Burundi on Thursday of sheltering rebels, an allegation the government in Gitega denied.",
])
def test_an_origin_of_goods_or_a_seat_of_government_is_no_venue(text: str) -> None:
    located = [e for e in extract(text, published="2025-06-04").events if e.location is not None]
    assert not [e for e in located if e.event in ("SANCTION", "REJECT")], located


def test_the_capital_described_by_its_states_adjective_is_that_city() -> None:
    location = _first_location("Turkish Foreign Minister Hakan Fidan arrived in the Iraqi capital on Monday.")
    assert location is not None and (location.place, location.country, location.method) == (
        "Baghdad", "IRQ", "capital described"), location


def test_along_names_a_venue_but_along_with_names_a_party() -> None:
    location = _first_location("Croatian and Bosnian police began joint patrols along the border north of Bihać on "
                               "Tuesday.")
    assert location is not None and location.country == "BIH", location
    assert _first_location("France, along with Germany, condemned the Russian strike.") is None


@pytest.mark.parametrize(("text", "place", "country"), [
    # a place noun an adjective of nationality describes lies in that state
    ("Russian drones struck the Ukrainian city of Odesa overnight on Sunday.", "Odesa", "UKR"),
    ("Mexican soldiers crossed into the Guatemalan department of Huehuetenango on Monday and exchanged fire with "
     "Guatemalan troops.", "Huehuetenango", "GTM"),
    # a host city is the venue of the talks, though the parser made 'hosted' a modifier of 'talks'
    ("The Chilean port of Iquique hosted talks on Thursday between Bolivian and Chilean police commanders.", "Iquique",
     "CHL"),
    # a host state is a party: the venue is the city named
    ("China hosted talks between Myanmar's military government and an ethnic armed group in Kunming on Monday.",
     "Kunming", "CHN"),
    # the whole name, not a namesake of its last word (Santos, Brazil; Praia, Cape Verde)
    ("Philippine police detained eighteen Indonesian crewmen at the fish port of General Santos on Saturday.",
     "General Santos", "PHL"),
    ("Rwandan troops withdrew from Mocímboa da Praia on Tuesday, Mozambique's defence ministry said.",
     "Mocímboa da Praia", "MOZ"),
    # a district the gazetteer lacks lies in the region that owns it
    ("Afghan and Pakistani troops traded artillery fire on Sunday in Khyber Pakhtunkhwa's Kurram district.",
     "Khyber Pakhtunkhwa", "PAK"),
    # the outskirts of a place, wherever the parser hung the phrase
    ("Chadian and Nigerien soldiers carried out joint patrols against jihadist cells on the outskirts of Diffa on "
     "Friday.", "Diffa", "NER"),
    # a territory described by its sovereign's adjective, and a municipality
    ("French gendarmes deployed to the French territory of New Caledonia on Friday after clashes with Australian "
     "fishermen.", "New Caledonia", "NCL"),
    ("Serbian and Montenegrin border police met in the municipality of Pljevlja on Monday.", "Pljevlja", "MNE"),
    # a state's city 'of' a name beats the state that owns it; a demonym the parser took for a name
    ("Gabon's president paid his first visit to Equatorial Guinea's mainland city of Bata on Friday.", "Bata", "GNQ"),
    ("Nigerian and Nigerien customs chiefs agreed to reopen a trucking route at a meeting in the Nigerien city of "
     "Zinder on Tuesday.", "Zinder", "NER"),
    # one side of a border town; a city named beside the region it lies in, whichever the parser put first
    ("Ethiopian and Kenyan police commanders met on the Kenyan side of Moyale on Thursday.", "Moyale", "KEN"),
    ("US and Mexican customs agents seized 30 tonnes of stolen fuel at a rail yard outside Salamanca, in the central "
     "state of Guanajuato, on Tuesday.", "Salamanca", "MEX"),
    # a common word the gazetteer keeps as another town's name is no place ('Bridge')
    ("Canadian border officers began collecting counter-tariffs on American steel at the Ambassador Bridge in "
     "Windsor on Thursday.", "Windsor", "CAN"),
    # a name the actor dictionary reads as another state's city tells nothing of which it is (Lagos, Nigeria)
    ("Portuguese and Moroccan coastguard commanders signed a search-and-rescue protocol in Lagos, on Portugal's "
     "Algarve coast, on Tuesday.", "Lagos", "PRT"),
    # aboard a ship, where the ship lies
    ("Chilean and Argentine navy chiefs signed a search-and-rescue protocol aboard a frigate moored in Valparaíso on "
     "Thursday.", "Valparaíso", "CHL"),
    # regions the GeoNames extract lacks (data/regions.csv)
    ("Finnish and Swedish coastguards held a joint oil-spill exercise around the Åland Islands on Tuesday.", "Åland",
     "FIN"),
    ("South Sudanese troops moved into oil facilities in Sudan's West Kordofan state on Wednesday.", "West Kordofan",
     "SDN"),
    # an attack noun 'of' a place, as the subject
    ("The shelling of Samraong, a provincial town near the Thai border, by Thai artillery on Friday killed two "
     "civilians.", "Samraong", "KHM"),
])
def test_places_described_hosted_and_named_in_full(text: str, place: str, country: str) -> None:
    _assert_located_at(text, place, country, published="2025-06-04")



@pytest.mark.parametrize(("text", "country"), [
    ("Chinese police detained two British activists in the Chinese city of Hong Kong on Monday.", "HKG"),
    ("Danish police detained two Russian sailors in the Danish town of Nuuk on Friday.", "GRL"),
])
def test_a_place_described_by_its_sovereigns_adjective_keeps_its_own_code(text: str, country: str) -> None:
    location = _first_location(text, published="2025-06-04")
    assert location is not None and location.country == country, location

def test_an_ambiguous_place_is_read_in_a_state_the_story_names_when_it_makes_a_recipient() -> None:
    events = extract("A US Navy destroyer docked in Colón on Monday, Panama's security ministry said.",
                     published="2025-06-10").events
    assert [(e.event, e.recipient) for e in events][:1] == [("MOBILIZE", ("PAN",))], events



@pytest.mark.parametrize("text", [
    "Russian missiles struck the Russian-occupied city of Mariupol on Monday.",
    "Ukrainian drones hit an oil depot in the Russian-held town of Horlivka on Sunday.",
])
def test_a_place_held_by_another_state_keeps_its_own_states_place(text: str) -> None:
    # 'Russian-occupied' says who holds it, not the state it lies in (regression: no place at all)
    location = _first_location(text, published="2025-06-04")
    assert location is not None and location.country == "UKR", location


def test_a_further_report_of_an_act_joins_it_past_the_protest_that_joined_it() -> None:
    """'Poland moved 40,000 troops to the Belarusian border', 'Minsk called the deployment a provocation' (one
    incident: the answer to the act) and 'Warsaw ordered a deployment of 40,000 troops' (no recipient named): the
    third joins the act without matching the protest; an incident holding only an accusation and its denial does
    not take a sanction of the same days."""
    import datetime as dt

    day = dt.date(2025, 9, 9)

    def report(doc: str, event: str, actor: set[str], recipient: set[str]) -> incidents.Report:
        return incidents.Report(doc, "e", event, frozenset(actor), frozenset(recipient), day, day)

    linker = incidents.Linker()
    act = linker.link(report("a", "MOBILIZE", {"POL"}, {"BLR"}))
    assert linker.link(report("b", "ACCUSE", {"BLR"}, {"POL"})) == act
    assert linker.link(report("c", "MOBILIZE", {"POL"}, set())) == act
    # thanks for aid joined the aid; a report of the same help told as cooperation joins past the thanks
    aid = incidents.Linker()
    delivered = aid.link(report("g", "AID", {"MEX"}, {"JAM"}))
    assert aid.link(report("h", "SUPPORT", {"JAM"}, {"MEX"})) == delivered
    assert aid.link(report("i", "COOPERATE", {"MEX"}, {"JAM"})) == delivered
    other = incidents.Linker()
    charge = other.link(report("d", "ACCUSE", {"MLI"}, {"DZA"}))
    assert other.link(report("e", "REJECT", {"DZA"}, {"MLI"})) == charge
    assert other.link(report("f", "MOBILIZE", {"DZA"}, set())) != charge


def test_where_the_target_of_a_shot_was_is_where_it_happened() -> None:
    # 'fired at a drone over Mae Sot': the parser hangs the place on the target of 'at'
    assert _located("Thai soldiers fired warning shots at a Myanmar drone over Mae Sot on Monday.", "ASSAULT") \
        == "Mae Sot"


def test_the_joint_act_of_two_states_people_is_placed_where_it_was_done() -> None:
    assert _located("Ecuadorian and Colombian police dismantled a cocaine laboratory near Tulcán on Friday.",
                    "COOPERATE") == "Tulcán"


def test_a_town_the_text_places_in_a_state_is_in_that_state_though_only_its_namesake_is_known() -> None:
    # regression: the gazetteer knows only China's Khorgos (Qarasu), so 'the Kazakh town of Khorgos' went to China
    found = extract("Chinese and Kazakh customs chiefs met on Tuesday in the Kazakh town of Khorgos.",
                    published="2025-06-10").events
    located = [e.location for e in found if e.event == "CONSULT" and e.location is not None]
    assert [(loc.name, loc.country) for loc in located] == [("Khorgos", "KAZ")], found
    # a place the gazetteer has in the state the text names is that place; one with a code of its own keeps it
    assert _located("Ukrainian drones hit the Russian city of Belgorod.", "ASSAULT") == "Belgorod"


def test_a_district_named_after_its_town_is_placed_by_the_town() -> None:
    # regression: 'Mulanje district' (a division below the first level, which the gazetteer does not keep) found
    # no place, so aid handed out there had no recipient
    found = extract("The World Food Program on Thursday distributed some relief items to affected people in Mulanje "
                    "district.", published="2025-03-13").events
    assert [(e.event, e.actor, e.recipient, e.location.country if e.location else None) for e in found] == [
        ("AID", ("UN",), ("MWI",), "MWI")], found
    assert _located("Kenyan police arrested three Somali nationals in Garissa county on Monday.", "COERCE") == "Garissa"
    # a city's own district keeps the city: its name may be another city's district
    assert _located("Officials in Kherson said Russian artillery had shelled a maternity hospital in the city's "
                    "Dniprovskyi district on Sunday.", "ASSAULT") == "Kherson"


def test_a_complaint_by_the_state_protested_against_reports_the_protest() -> None:
    """'Indians marched on Bangladesh's mission in Agartala' on Tuesday and 'Dhaka summons India's envoy over the
    crowd' on Wednesday are one incident; a complaint a week after the protest (or a protest a week after the
    complaint), or one by a third state, is not."""
    report = _reporter(month=9)

    protest = report("a", "PROTEST", "IND", "BGD", 2)
    assert incidents.match(report("b", "ACCUSE", "BGD", "IND", 3), protest) is not None
    assert incidents.match(protest, report("b", "ACCUSE", "BGD", "IND", 3)) is not None  # either order
    assert incidents.match(report("b", "ACCUSE", "BGD", "IND", 10), protest) is None
    assert incidents.match(report("c", "PROTEST", "IND", "BGD", 9), report("b", "ACCUSE", "BGD", "IND", 3)) is None
    assert incidents.match(report("b", "ACCUSE", "PAK", "IND", 3), protest) is None
    # a protest and a complaint by the same side still link as before
    assert incidents.match(report("b", "ACCUSE", "IND", "BGD", 2), protest) is not None


def test_a_crowd_outside_a_high_commission_is_of_the_state_it_gathers_in() -> None:
    # regression: 'the Bangladeshi assistant high commission' was no mission, so the crowd was Bangladeshi
    found = extract("Demonstrators in Agartala rallied outside the Bangladeshi assistant high commission on Tuesday.",
                    published="2025-09-04").events
    assert [(e.event, e.actor, e.recipient) for e in found] == [("PROTEST", ("IND",), ("BGD",))], found


def test_a_name_the_parser_broke_at_its_particle_is_read_whole() -> None:
    # regression: 'Foz do Iguaçu' parsed as 'Foz' and a verb 'do' left the seizure unplaced
    assert _located("Brazilian police seized two tonnes of marijuana near Foz do Iguaçu on Tuesday.",
                    "COERCE") == "Foz do Iguaçu"


def test_the_place_a_team_reached_is_where_it_helped() -> None:
    assert _located("Chinese rescue teams reached Mandalay on Sunday to help search for survivors of the earthquake.",
                    "AID") == "Mandalay"
    # an agreement reached is no place
    found = extract("Iran and Iraq reached a deal on water sharing on Tuesday.", published="2025-06-10").events
    assert [e.location for e in found] == [None], found


def test_a_city_named_after_a_comma_is_the_capital_meant() -> None:
    # regression: 'the capital, Port-au-Prince' parsed without the apposition placed the patrols nowhere
    assert _located("A contingent of Kenyan police officers began patrols in the capital, Port-au-Prince, on "
                    "Thursday.", "MOBILIZE") == "Port-au-Prince"
    found = extract("Chinese police began patrols in the city, Kenya's president said on Thursday.",
                    published="2025-06-10").events
    assert [e.location for e in found] == [None], found


def test_a_raid_on_a_city_is_placed_in_the_city() -> None:
    assert _located("Fourteen Palestinians were detained by Israeli troops in an overnight raid on the old city of "
                    "Nablus on Wednesday.", "COERCE") == "Nablus"


def test_a_capitalised_place_noun_may_be_part_of_the_name() -> None:
    # regression: 'Belize City' was read as the state Belize with a noun after it
    assert _located("Guatemala's foreign minister held talks in Belize City on Friday with his Belizean "
                    "counterpart.", "CONSULT") == "Belize City"


def test_the_town_across_from_the_place_is_not_the_place() -> None:
    # 'Phuentsholing' tagged a verb was no name; 'across from Jaigaon' named the town facing it
    assert _located("Bhutanese and Indian officials inaugurated a new integrated checkpoint in the Bhutanese border "
                    "town of Phuentsholing on Wednesday, across from Jaigaon in West Bengal.",
                    "COOPERATE") == "Phuntsholing"


def test_a_small_town_is_found_in_a_state_the_story_names() -> None:
    # towns under 15,000 people come from data/small_towns.csv.gz, looked for only in the story's states
    location = _first_location("Armenian and Iranian customs officers met near Meghri on Tuesday to speed up "
                               "lorry traffic.", published="2025-03-12")
    assert location is not None and (location.place, location.country, location.kind, location.method) == (
        "Meghri", "ARM", "city", "small town"), location
    assert location.lat is not None and 38 < location.lat < 40
    assert _located("Argentine border police detained 12 Bolivian smugglers in La Quiaca on Friday.",
                    "COERCE") == "La Quiaca"


def test_a_small_town_of_a_state_the_story_never_names_is_not_guessed() -> None:
    # Meghri is Armenian; a story about Peru and Chile naming a place so is not placed there
    found = extract("Peruvian and Chilean officials met near Meghri on Tuesday.", published="2025-03-12").events
    assert found and all(e.location is None or e.location.country != "ARM" for e in found), found


def test_a_towns_own_name_beats_another_citys_old_name() -> None:
    # regression: GeoNames lists 'Poti' among Teresina's old names; the Georgian port bears it as its own
    _assert_located_at("A Romanian navy minesweeper docked in Poti on Thursday for a two-day visit to Georgia.",
                       "Poti", "GEO", published="2025-04-04")
    # and a small town of the story's states beats a far city known by that name only as an old one (Julfa)
    _assert_located_at("Azerbaijani and Iranian railway officials inspected the bridge at Julfa on Monday.",
                       "Julfa", "AZE", published="2025-04-08")


def test_a_region_a_state_owns_is_looked_for_in_that_state() -> None:
    # "Ethiopia's Somali region" is a region named like a people; "Iran's Kurdistan province" is not Iraq's
    # Kurdistan Region: the owner's region, or the owner itself when the gazetteer lacks it
    _assert_located_at("Ethiopian and Somali elders met in Ethiopia's Somali region on Monday to end a feud over "
                       "wells.", "Somali", "ETH", published="2025-02-04")
    location = _first_location("Iranian and Iraqi officials met in Iran's Kurdistan province on Sunday.",
                               published="2025-02-04")
    assert location is not None and location.country == "IRN", location


def test_a_crossing_named_after_a_town_does_not_replace_the_region_named() -> None:
    _assert_located_at("Finnish and American troops held a live-fire exercise in Finland's South Karelia region on "
                       "Tuesday, near the Nuijamaa crossing.", "South Karelia", "FIN", published="2025-02-05")


def test_an_act_told_after_another_is_not_placed_where_the_other_was_done() -> None:
    # regression: the drone's flight took Beijing, where Tokyo's protest was addressed, as its place
    found = extract("Tokyo protested to Beijing on Friday after a Chinese military drone flew near Yonaguni.",
                    published="2025-11-15").events
    assert found and all(e.location is None or e.location.place != "Beijing" for e in found), found


def test_an_attack_joined_to_another_subject_is_placed_at_its_target() -> None:
    # 'The Russian missile and drone attack on X damaged ...': the target of the attack, not the speakers' city
    _assert_located_at("The Russian missile and drone attack on Rovno overnight damaged a power substation, "
                       "officials in Kyiv said.", "Rivne", "UKR", published="2025-08-11")


def test_a_name_with_german_particles_is_read_whole() -> None:
    _assert_located_at("The Polish and German interior ministers met in Frankfurt an der Oder on Monday.",
                       "Frankfurt (Oder)", "DEU", published="2025-06-03")


def test_a_seated_speaker_does_not_place_what_it_reports() -> None:
    # regression: drills off Goa reported by 'the French embassy in New Delhi' were placed in New Delhi
    found = extract("French and Indian warships switched to anti-submarine drills on Friday, the French embassy in "
                    "New Delhi said.", published="2025-03-21").events
    assert found and all(e.location is None or e.location.place != "New Delhi" for e in found), found
    # officials of a place still report what happened there
    _assert_located_at("Russian drones struck a fuel depot overnight, officials in Kharkiv said on Monday.",
                       "Kharkiv", "UKR", published="2025-03-24")


def test_a_month_or_an_english_word_is_no_small_town() -> None:
    # regression: with the small towns, 'in May' was placed in May, Gujarat, and 'Congress' in Congress, Arizona
    for text in ("Indian and Algerian officials met in May to discuss gas supplies.",
                 "The United States pledged support to its partners in the Middle East on Tuesday.",
                 "Turkish officials protested to the United States after sanctions passed by Congress on Tuesday."):
        found = extract(text, published="2025-06-20").events
        assert all(e.location is None or e.location.method != "small town" for e in found), found


@pytest.mark.parametrize(("text", "event", "country"), [
    # an arrest is made at home: the arresting police's Busia, not the namesake across the border
    ("Ugandan police arrested six Kenyan cattle traders in Busia on Friday, a customs official said.", "COERCE",
     "UGA"),
    # aid is delivered to the recipient: Antigua's St. John's, not Newfoundland's
    ("A Canadian navy ship docked in St. John's on Monday with relief supplies for Antigua and Barbuda after a "
     "storm.", "AID", "ATG"),
])  # fmt: skip
def test_a_town_named_in_both_parties_states_is_where_that_kind_of_act_happens(text: str, event: str,
                                                                             country: str) -> None:
    found = [e for e in extract(text, published="2025-06-01").events if e.event == event]
    assert found and found[0].location is not None and found[0].location.country == country, found


@pytest.mark.parametrize(("text", "event", "place", "country"), [
    # what was struck, told as the subject of a passive
    ("The Danube port of Reni was hit by Russian drones overnight into Thursday, Ukrainian officials said.",
     "ASSAULT", "Reni", "UKR"),
    # a small town of the story's states, not a far namesake GeoNames spells nearly so ('Namangan')
    ("Three Kenyan activists were detained by Tanzanian immigration officers in Namanga on Sunday.", "COERCE",
     "Namanga", "TZA"),
    # ... nor a mid-sized city of a state the text never names (San Carlos in Venezuela, 120,000 people)
    ("Nicaraguan soldiers detained two Costa Rican boatmen in San Carlos on Thursday.", "COERCE", "San Carlos",
     "NIC"),
    # a city named like an English word, written as a name, in a state of the parties
    ("Ivorian and Liberian army officers met in Man on Tuesday to coordinate border patrols.", "CONSULT", "Man",
     "CIV"),
    ("Croatian and Italian coast guard commanders agreed in Split on Tuesday to run joint patrols.", "AGREE",
     "Split", "HRV"),
    # a capital or a city where states meet, not a party's small town named after it
    ("US and Iranian negotiators met in Geneva on Tuesday.", "CONSULT", "Geneva", "CHE"),
    ("US and Iranian negotiators met in Rome on Saturday for a second round of talks.", "CONSULT", "Rome", "ITA"),
    # ... but a party's town named after a city that is neither stays the party's
    ("The Portuguese navy boarded a Moroccan fishing trawler off Lagos on Thursday.", "COERCE", "Lagos", "PRT"),
    # among the parties' states, the town bearing the name before a city that lists it among other names
    ("Trinidadian and Venezuelan coast guard commanders met in San Fernando on Wednesday.", "CONSULT",
     "San Fernando", "TTO"),
    # an intruder is shot down over the defender's land
    ("Indian border guards shot down a Pakistani drone over farmland in Punjab on Saturday.", "ASSAULT", "Punjab",
     "IND"),
    # a name the tagger read as a plural noun
    ("Israeli warplanes struck an air base outside Homs on Wednesday, Syria's foreign ministry said.", "ASSAULT",
     "Homs", "SYR"),
    # 'republic' as a region word
    ("Russia has moved several thousand troops into new barracks in the Russian republic of Karelia, near the "
     "Finnish border.", "MOBILIZE", "Republic of Karelia", "RUS"),
    # forces withdrawn from a state: the state is the place
    ("The United States has begun withdrawing a brigade of about 3,000 soldiers from Romania, the Romanian defence "
     "ministry said on Wednesday.", "RETREAT", "Romania", "ROU"),
    # another transliteration of a city of the text's states
    ("Ukraine said Russian missiles hit a military airfield in Vinnitsa on Saturday.", "ASSAULT", "Vinnytsya", "UKR"),
    # the place named before a bearing from another ('in X province south-east of Bangkok')
    ("Thai and Chinese marines began landing exercises on Monday at the navy's main base, in Chonburi province "
     "south-east of Bangkok.", "COOPERATE", "Chon Buri", "THA"),
])  # fmt: skip
def test_places_of_the_thirty_second_session(text: str, event: str, place: str, country: str) -> None:
    found = [e for e in extract(text, published="2025-06-01").events if e.event == event]
    assert found and found[0].location is not None, found
    assert (found[0].location.place, found[0].location.country) == (place, country), found[0].location


@pytest.mark.parametrize(("text", "event"), [
    # an act told as still to come has happened nowhere yet
    ("France said on Thursday it would deploy three Rafale jets to Poland.", "MOBILIZE"),
    # water is no town spelled like it
    ("Ugandan marine police detained 23 Kenyan fishermen on Lake Victoria on Saturday.", "COERCE"),
    # a promise to send is made where it was made, not at the destination
    ("Cuba said on Wednesday it would send 150 doctors to Honduras next month to work in rural clinics.", "AGREE"),
    # a word of a longer name is no place ('the Ambassador Bridge' is no Bridge, whatever state has one)
    ("Canadian border officers began collecting counter-tariffs on American steel at the Ambassador Bridge on "
     "Thursday.", "SANCTION"),
])  # fmt: skip
def test_no_place_for_a_promise_or_a_word_of_a_longer_name(text: str, event: str) -> None:
    found = [e for e in extract(text, published="2025-06-01").events if e.event == event]
    assert found and found[0].location is None, found


def test_a_clause_joined_by_and_under_a_report_shares_the_place_of_the_clause_before() -> None:
    """The parser makes both clauses complements of 'said'; the arrests were made where the paint was thrown."""
    text = ("Protesters hurled paint at the Turkish consulate in Düsseldorf on Saturday, and German police arrested "
            "eight people, Turkey's foreign ministry said.")
    assert _located(text, "COERCE") == "Düsseldorf"


def test_a_joint_exercise_reported_on_a_later_day_of_it_is_one_incident() -> None:
    """'The Varuna exercise began off Goa on Wednesday' and '... switched to anti-submarine drills on Friday': an act
    that lasts days links across them when type and both parties agree; talks two days apart, or cooperation a
    week later, stay apart."""
    report = _reporter(month=3)

    began = report("a", "COOPERATE", "FRA", "IND", 18)
    assert incidents.match(report("b", "COOPERATE", "FRA", "IND", 20), began) is not None
    assert incidents.match(report("b", "COOPERATE", "FRA", "IND", 25), began) is None
    assert incidents.match(report("b", "COOPERATE", "FRA", None, 20), began) is None
    assert incidents.match(report("b", "CONSULT", "FRA", "IND", 20), report("a", "CONSULT", "FRA", "IND", 18)) is None


def test_the_port_points_back_at_the_city_and_off_a_city_is_read_as_its_preposition() -> None:
    import diplograph

    # the twenty-first development set's r039: the record is the shipment 'to reach the port'
    sittwe = diplograph.extract("An Indian cargo vessel carrying 1,000 tonnes of rice and cooking oil docked at Sittwe "
                                "on Friday, the first Indian relief shipment to reach the port in more than a year, "
                                "India's embassy in Yangon said.", published="2025-03-14")
    located = [e.location for e in sittwe.events if e.location is not None]
    assert located and located[0].place == "Sittwe" and located[0].method == "the city named before", sittwe
    aktau = diplograph.extract("Russian and Kazakh navy ships began a joint search-and-rescue drill off Aktau on "
                               "Monday.", published="2025-03-14")
    assert [e.location.place for e in aktau.events if e.location is not None][:1] == ["Aktau"], aktau


def test_what_talks_were_about_is_not_where_they_were_held() -> None:
    import diplograph

    found = diplograph.extract("Armenia and Azerbaijan reported progress in talks on Friday on opening a road across "
                               "Armenia's south.", published="2025-03-14").events
    assert found and found[0].event == "CONSULT" and found[0].location is None, found
    held = diplograph.extract("Russian and Ukrainian negotiators met in Istanbul on Monday.",
                              published="2025-03-14").events
    assert held and held[0].location is not None and held[0].location.place == "Istanbul", held


def test_a_place_set_off_as_near_another_is_where_the_act_happened() -> None:
    # regression: 'near Lahore' hangs on the verb, so the city it describes lost to the bigger one beside it
    assert _located("India struck a religious seminary in Muridke, near Lahore, early on Wednesday.",
                    "ASSAULT") == "Muridke"
    assert _located("India struck a camp near Lahore early on Wednesday.", "ASSAULT") == "Lahore"


def test_a_terminal_or_refinery_of_a_city_is_in_that_city() -> None:
    # regression: "at Atyrau's oil terminal" named no place, as 'terminal' was no place noun
    assert _located("Kazakhstan and Azerbaijan signed an agreement at Atyrau's oil terminal on Tuesday.",
                    "SUPPORT") == "Atyrau"


def test_the_town_named_before_the_attacker_is_where_the_attack_landed() -> None:
    # regression: 'Russia' (the attacker) was taken as the last place named before 'the town', and the attack on
    # 'the town's station' had no place and Russia as its own target
    for text in ("Residents of Lozova buried two workers killed when Russia attacked the town's station on Saturday.",
                 "Residents of Lozova buried two workers killed when Russia attacked a station in the town on "
                 "Saturday."):
        found = extract(text, published="2025-09-22").events
        assert [(e.recipient, e.location and e.location.place) for e in found if e.event == "ASSAULT"] == [
            (("UKR",), "Lozova")], found


def test_a_host_city_set_beside_its_talks_by_the_parser_is_their_venue() -> None:
    assert _located("Korhogo, the main city of northern Ivory Coast, hosted talks on Tuesday between Ivorian and "
                    "Burkinabe officials on the return of refugees.", "CONSULT") == "Korhogo"


def test_first_level_regions_the_extract_lacks_are_found() -> None:
    # regression: Nepal's provinces of 2015, Paraguay's Canindeyú and Somalia's Bakool (no town of 15,000) and
    # Guyana's numbered regions had no row, so the event had no place or a wrong one
    assert _located("India handed over 35 ambulances to Nepali health officials in Lumbini province on Sunday.",
                    "AID") == "Lumbini"
    assert _located("Paraguayan and Brazilian police held talks in Canindeyú department on Monday.",
                    "CONSULT") == "Canindeyú"
    assert _located("Guyana deployed 300 soldiers to Region Seven on Monday after shots from Venezuela.",
                    "MOBILIZE") == "Cuyuni-Mazaruni"


def test_where_the_doer_was_visiting_and_not_where_it_was_on_its_way_to() -> None:
    assert _located("Croatia's prime minister, visiting Mostar on Friday, promised Bosnian Croat leaders fresh "
                    "funding for the city's hospital.", "AGREE") == "Mostar"
    assert _located("North Korean leader Kim Jong Un crossed into China by armoured train on Tuesday on his way to "
                    "a military parade in Beijing.", "CONSULT") == "China"


def test_a_host_city_tagged_a_common_word_opening_its_sentence_is_the_venue() -> None:
    assert _located("Vlorë, the Albanian port city facing Italy across the Strait of Otranto, hosted talks on Tuesday "
                    "between the foreign ministers of Albania and Greece.", "CONSULT") == "Vlorë"


def test_a_russian_region_named_in_the_extract_by_its_adjective_is_found_by_its_city_name() -> None:
    # the extract names it 'Tverskaya'; news writes 'the Tver region'
    assert _located("Ukrainian drones struck an ammunition depot in Russia's Tver region overnight into Saturday.",
                    "ASSAULT") == "Tverskaya"
    assert _located("Russian officials met Belarusian officials in Tver on Monday.", "CONSULT") == "Tver"


def test_southern_lebanons_border_villages_are_places() -> None:
    # regression: 'near Khiam in southern Lebanon' was placed in Lebanon as a whole (no GeoNames town of that name)
    assert _located("A motorcyclist was killed near Khiam in southern Lebanon on Thursday when an Israeli drone "
                    "fired on him.", "ASSAULT") == "Khiam"


def test_a_city_set_off_before_the_region_it_lies_in_is_the_place() -> None:
    # regression: 'near Amadiya, in the Kurdistan region of Iraq' was placed in the region (the gazetteer files the
    # town under Dahuk province, not under the Kurdistan region)
    assert _located("Turkish warplanes bombed suspected PKK hideouts in the mountains near Amadiya, in the Kurdistan "
                    "region of Iraq, on Sunday.", "ASSAULT") == "Amadiya"
    # a city elsewhere in the sentence, not set off before the region, does not displace it
    assert _located("Turkish warplanes bombed hideouts in the Kurdistan region of Iraq on Sunday, officials in "
                    "Ankara said.", "ASSAULT") == "Kurdistan Region"


def test_the_place_of_a_raids_own_relative_clause_is_the_raids() -> None:
    # regression: 'during raids they carried out together in Bolivia's Potosí department' had no place
    assert _located("Chilean and Bolivian police recovered 40 stolen Chilean cars on Friday during raids they carried "
                    "out together in Bolivia's Potosí department.", "COOPERATE") == "Potosi"


@pytest.mark.parametrize(("text", "event", "place"), [
    ("Australia handed a rebuilt wharf in Papua New Guinea's Manus province to the PNG navy on "
     "Thursday.", "AID", "Manus"),
    ("Egyptian and Libyan army commanders held talks in Marsa Matrouh on Wednesday.", "CONSULT", "Marsá Maţrūḩ"),
    ("Indian and Bangladeshi border guards held a flag meeting at Akhaura on Tuesday.", "CONSULT", "Akhaura"),
    ("US airstrikes hit the Ras Isa fuel port on Thursday night, killing dozens of workers.", "ASSAULT", "Ras Isa"),
    ("Afghan and Pakistani officials held talks in Paktika province on Monday.", "CONSULT", "Paktika"),
    # thirty-eighth session: Kenya's counties and Vanuatu's provinces the extract lacks, more border towns
    ("Kenyan and Somali police seized a boat off Kenya's Kilifi county on Saturday.", "COERCE", "Kilifi"),
    ("Sudanese and South Sudanese officials met in Renk on Sunday.", "CONSULT", "Renk"),
    ("Ethiopian police arrested 14 Eritrean smugglers near Humera on Thursday.", "COERCE", "Humera"),
    ("Iranian and Afghan officials held talks at Islam Qala on Monday.", "CONSULT", "Islam Qala"),
    ("Canadian and Danish troops began a joint exercise in Nunavut on Monday.", "COOPERATE", "Nunavut"),
    # thirty-ninth session: border towns, and Poland's voivodeships by their Polish names
    ("Jordanian and Syrian officials held talks at the Jaber crossing on Monday.", "CONSULT", "Jaber"),
    ("Kenyan and Tanzanian police arrested 12 smugglers near Holili on Friday.", "COERCE", "Holili"),
    ("Turkish drones struck a convoy near Ain Issa on Sunday.", "ASSAULT", "Ain Issa"),
    ("American and Polish troops began a joint exercise in Poland's Podkarpackie province on Monday.", "COOPERATE",
     "Subcarpathian Voivodeship"),
    ("Colombian and Venezuelan troops destroyed a drug lab in Colombia's Guainía department on Friday.", "ASSAULT",
     "Guainía"),
    ("Saudi engineers handed a rebuilt bridge to Yemeni officials in al-Mahra governorate on Monday.", "AID",
     "Al Mahrah"),
    ("Chinese and Kazakh police arrested nine smugglers in Kazakhstan's Zhetisu region on Tuesday.", "COERCE",
     "Zhetisu"),
    # fortieth session: border towns and island ports, and provinces, states and departments the extract lacks
    ("Ugandan and Congolese officials met in Kasindi on Monday.", "CONSULT", "Kasindi"),
    ("Armenian and Georgian officials held talks in Stepanavan on Monday.", "CONSULT", "Stepanavan"),
    ("Indonesian and Papua New Guinean officials met in Indonesia's South Papua province on Monday.", "CONSULT",
     "South Papua"),
    ("Omani and Yemeni officials held talks in Oman's Al Wusta governorate on Monday.", "CONSULT", "Al Wusta"),
    ("Beninese and Nigerien troops began a joint patrol in Benin's Alibori department on Monday.", "COOPERATE",
     "Alibori"),
    ("Afghan and Pakistani officials held talks in Landi Kotal on Monday.", "CONSULT", "Landi Kotal"),
    ("Kenyan and Ethiopian officials met in Ethiopia's Sidama region on Monday.", "CONSULT", "Sidama"),
    ("Turkish and Georgian officials met in Georgia's Guria region on Monday.", "CONSULT", "Guria"),
])
def test_regions_and_towns_the_geonames_extract_lacks(text: str, event: str, place: str) -> None:
    # Papua New Guinea's, Solomon Islands' and Afghanistan's provinces without a city of 15,000 (regions.csv), towns
    # and ports at borders (towns.csv), a common spelling (alternates.csv)
    assert _located(text, event) == place


def test_an_earlier_act_told_in_an_after_clause_gets_no_place_beside_the_news() -> None:
    # regression: 'two days after ... shot down drones over Lublin province' located the sentence (its first located
    # record) in Lublin province, where the news, a border closure, did not happen
    events = extract("Poland shut every road and rail crossing on its Belarusian frontier on Friday, two days after "
                     "Polish and allied jets shot down Russian drones over Lublin province.",
                     published="2025-09-13").events
    assert events and all(e.location is None for e in events), [(e.event, e.location) for e in events]
    # told alone, the same act is placed
    assert _located("Polish and allied jets shot down Russian drones over Lublin province on Wednesday.",
                    "ASSAULT") == "Lublin Voivodeship"


def test_talks_named_by_their_city_and_a_crossing_named_before_its_word() -> None:
    # regression: 'The Sochi talks' and 'reopened the Ghadames crossing' (parsed with the name as the object) had
    # no place
    assert _located("The Sochi talks between the Russian and Azerbaijani foreign ministers on Thursday ended with a "
                    "pledge to restore direct flights.", "CONSULT") == "Sochi"
    assert _located("Libyan and Algerian officials reopened the Ghadames crossing on Tuesday after more than a year.",
                    "COOPERATE") == "Ghadames"


def test_a_dateline_opened_by_a_short_article_is_a_dateline() -> None:
    # regression: 'LA CEIBA, Honduras —' was no dateline ('LA' has two letters), so 'here' had no place
    events = extract("LA CEIBA, Honduras — The US ambassador handed over two patrol boats to Honduras's navy here on "
                     "Tuesday.", published="2025-06-11").events
    assert [(e.event, e.location and e.location.place) for e in events] == [("AID", "La Ceiba")]
    # capitals in the story's first words without a dash are no dateline
    assert extract("US officials met Chinese officials on Tuesday.", published="2025-06-11").events[0].location is None


def test_a_place_that_came_under_attack_is_where_the_attack_landed() -> None:
    # regression: 'Korosten ... came under Russian drone attack' had no place and no recipient
    events = extract("Korosten, a railway junction in Ukraine's Zhytomyr region, came under Russian drone attack "
                     "overnight into Saturday, regional officials said.", published="2025-06-14").events
    assert [(e.event, e.actor, e.recipient, e.location and e.location.place) for e in events] == [
        ("ASSAULT", ("RUS",), ("UKR",), "Korosten")]


def test_an_algerian_province_the_extract_lacks() -> None:
    # Algeria's Illizi province has no town of 15,000 in the extract (regions.csv)
    assert _located("Algerian and Libyan army officers met in Algeria's Illizi province on Thursday.",
                    "CONSULT") == "Illizi"


@pytest.mark.parametrize(("text", "place", "country"), [
    # a base acted from, when nothing else places the act
    ("Kenyan and Ugandan police began joint patrols out of Busia on Monday after cattle raids.", "Busia", "KEN"),
    ("Troops from Chad and Niger began patrolling the lake shore together out of Diffa on Wednesday.", "Diffa", "NER"),
    ("Senegalese and Gambian navy crews began four days of exercises from the port city of Ziguinchor on Monday.",
     "Ziguinchor", "SEN"),
    ("Indian and Nepali army helicopters flying from Nepalgunj dropped food on Thursday to villages cut off by "
     "floods.", "Nepalgunj", "NPL"),
    # 'off' hung on the drill's noun by the parser
    ("Georgian and Turkish coast guard boats held a joint rescue drill off Batumi on Tuesday.", "Batumi", "GEO"),
    # 'in the desert town' pointing back at a lead's first word, which the tagger took for a common noun
    ("Tamanrasset meeting ends border row: Algerian and Nigerien interior ministers, who met on Wednesday in the "
     "desert town, agreed to reopen the crossing.", "Tamanghasset", "DZA"),
    # a district the gazetteer lacks, told to lie in a region it knows; a parish is a region
    ("Chinese and Nepali engineers began surveying a road in the Mustang district of Nepal's Gandaki province on "
     "Wednesday.", "Gandaki", "NPL"),
    ("Canadian army engineers began rebuilding a school in Jamaica's Trelawny parish on Tuesday.", "Trelawny", "JAM"),
    # a hyphenated name the entity recogniser split: the whole name, not its last word's namesake (Moroni)
    ("Six Brazilian gold miners were detained by French gendarmes in Saint-Laurent-du-Maroni on Tuesday.",
     "Saint-Laurent-du-Maroni", "GUF"),
    # what was acted on lay beached there
    ("Dominican and US coast guard crews seized cocaine from a speedboat beached in the Dominican province of Monte "
     "Cristi on Tuesday.", "Monte Cristi", "DOM"),
])  # fmt: skip
def test_places_of_acts_told_through_a_base_a_district_or_a_split_name(text: str, place: str, country: str) -> None:
    """Regressions from the thirty-seventh development set's sentences (own words here)."""
    _assert_located_at(text, place, country, published="2025-06-10")


def test_a_welcome_of_an_agreement_by_its_parties_days_later_reports_it() -> None:
    """'Bolivia and Chile sign a railway accord' on Thursday and 'Bolivian exporters welcome the accord with
    Chile' on Saturday are one incident; a welcome before the signing, a week later, or of another pair is not."""
    report = _reporter(month=2)

    signed = report("a", "AGREE", "BOL", "CHL", 26)
    assert incidents.match(report("b", "SUPPORT", "BOL", "CHL", 28), signed) is not None
    assert incidents.match(report("b", "SUPPORT", "BOL", "CHL", 23), signed) is None
    assert incidents.match(report("b", "SUPPORT", "BOL", "CHL", 5), report("a", "AGREE", "BOL", "CHL", 26)) is None
    assert incidents.match(report("b", "SUPPORT", "BOL", "PER", 28), signed) is None


@pytest.mark.parametrize(("text", "place", "country"), [
    # a relative clause on the one handed back took the act's day, and its venue, with it
    ("Afghan border police handed two Iranian guards who had strayed over the line back to Iranian officers in "
     "Zaranj on Thursday.", "Zaranj", "AFG"),
    # the description of the man arrested, set off by commas, swallowed the venue after it
    ("Peruvian police on Monday arrested a Bolivian businessman, wanted in La Paz on fraud charges, at a hostel in "
     "Puno.", "Puno", "PER"),
    # a second target joined by 'and' carried the place
    ("Israeli jets struck a warehouse and a radio mast on the southern edge of Tyre on Monday.", "Tyre", "LBN"),
    # a bay, a harbour or a waterfront of a city is in that city
    ("Russian drones hit a fuel depot on Odesa's waterfront late on Sunday.", "Odesa", "UKR"),
    # what was begun is where the work was done
    ("Egyptian veterinary teams began vaccinating cattle in Sudan's Gezira state on Tuesday.", "Al Jazirah", "SDN"),
    # the English name of a Czech region
    ("Slovak firefighters began pumping water out of houses in the Czech Republic's Moravian-Silesian region on "
     "Monday.", "Moravskoslezsky", "CZE"),
])  # fmt: skip
def test_places_of_the_forty_second_session(text: str, place: str, country: str) -> None:
    """Regressions from development sets' sentences the rules missed (own words here)."""
    _assert_located_at(text, place, country, published="2025-06-10")


@pytest.mark.parametrize(("text", "place", "country"), [
    # an exercise flown over a region took place there
    ("Greek and Israeli fighter jets staged low-level flying drills over Greece's South Aegean region on "
     "Wednesday.", "South Aegean", "GRC"),
    # 'here' the parser hung on the verb's object is still the dateline's place
    ("TRAPANI, Italy — Italian and Tunisian officials reopened the fish market here to traders on Monday.", "Trapani",
     "ITA"),
    # the river between the town and the one facing it is no venue
    ("Argentine and Paraguayan police opened a joint office in Posadas on Monday, across the Paraná from "
     "Encarnación.", "Posadas", "ARG"),
    # a town the text puts on an island or a coast is the one there, not its namesake in a party's state
    ("British and Jamaican police seized a speedboat at Falmouth on Monday, the harbour town on Jamaica's north "
     "coast.", "Falmouth", "JAM"),
    ("French and Comoran officials signed a fisheries accord in Saint-Denis, on Réunion, on Friday.", "Saint-Denis",
     "REU"),
    # a port or border post named by its town: the town
    ("Chinese and Peruvian officials opened a customs hall at the Chancay megaport on Friday.", "Chancay", "PER"),
    ("Eswatini and South African officials opened a cargo shed at the Ngwenya border post on Wednesday.", "Ngwenya",
     "SWZ"),
])  # fmt: skip
def test_places_of_the_forty_third_session(text: str, place: str, country: str) -> None:
    """Regressions from development sets' sentences the rules missed (own words here)."""
    _assert_located_at(text, place, country, published="2025-06-10")


def test_a_datelines_town_the_gazetteer_lacks_is_kept_in_the_region_after_its_comma() -> None:
    # new: 'LERWICK, Scotland — ... here' was placed in Scotland, the town being too small for the gazetteer
    location = _first_location("BALTASOUND, Scotland — British and Norwegian coast guard officials opened a shared "
                               "rescue room here on Thursday.", published="2025-06-10")
    assert location is not None and (location.place, location.country, location.lat) == ("Baltasound", "GBR", None), \
        location


@pytest.mark.parametrize(("text", "place", "country"), [
    # villages and border posts too small for the gazetteer: the name as written, in the state of the party named
    # first (news names the host first) ...
    ("Malian and Guinean customs officers began joint inspections at Kourémalé-Frontière on Monday.",
     "Kourémalé-Frontière", "MLI"),
    # ... in the state reached by a docking, and at home for an arrest
    ("A Chilean navy frigate docked at Puerto Williamsbay on Monday for talks with the Argentine navy.",
     "Puerto Williamsbay", "ARG"),
    # the state an apposition describes it in
    ("Peruvian and Bolivian ministers met on Tuesday in Kasanira, the Bolivian village on the lake shore.",
     "Kasanira", "BOL"),
])  # fmt: skip
def test_a_place_the_gazetteer_lacks_is_kept_as_written_in_the_state_its_act_happens_in(
        text: str, place: str, country: str) -> None:
    location = _first_location(text, published="2025-06-10")
    assert location is not None and (location.place, location.country, location.lat) == (place, country, None), \
        location


@pytest.mark.parametrize("text", [
    "Chinese coast guard ships fired water cannon at a Philippine supply boat near Tinago Shoal on Monday.",
    "Vietnam protested to China on Friday over new buildings in the Tarrows.",
    "Russian missiles struck an airfield in Vinnytsia-Sud on Saturday.",  # an attack on no state named
])
def test_no_unlisted_place_for_a_sea_feature_or_an_attack_on_no_state_named(text: str) -> None:
    location = _first_location(text, published="2025-06-10")
    assert location is None or location.method != "unlisted", location


def test_a_guessed_state_of_an_unlisted_place_keeps_no_two_reports_apart(tmp_path: Path) -> None:
    # two reports of one handover at a border post the gazetteer lacks: one puts it in the state handing over,
    # the other names only the receiving side; the guessed state is no contradiction
    with Store.open(tmp_path / "x.duckdb") as store:
        extractor = default_extractor()
        first = Document(id="a", text="Cambodian police handed 30 Vietnamese workers to Vietnamese border guards at "
                                      "Prek Chak on Wednesday.", published="2025-06-12")
        second = Document(id="b", text="Cambodia handed 30 Vietnamese workers back to Vietnam on Wednesday at a "
                                       "crossing in Vietnam's Kien Giang province.",
                          published="2025-06-13")
        store.add(extractor.extract_documents([first, second]))
        rows = store.sql("SELECT doc_id, incident, location FROM events").rows()
    assert any(r["location"] and r["location"]["method"] == "unlisted" for r in rows), rows
    assert len({r["incident"] for r in rows if r["doc_id"] in ("a", "b")}) == 1, rows


def test_a_small_namesake_in_a_state_the_story_never_names_is_no_venue() -> None:
    # regression: 'at the Horgoš crossing' in a story of Hungary and Serbia was placed in China's Qarasu, a town
    # that lists the name among its other names
    location = _first_location("Hungarian and Serbian customs officers began clearing lorries in a shared hall at "
                               "the Horgoš crossing on Tuesday.", published="2025-06-10")
    assert location is None or location.country in ("HUN", "SRB"), location



def test_a_denial_by_who_was_said_to_act_answers_the_act_told_as_done() -> None:
    """'Russia jams Latvia's navigation signals, Latvia's minister said' (read as the act) and, a day later, 'Moscow
    dismisses the Latvian claim' are one incident; a rejection by the one it was done to, or by a third state, is
    not."""
    report = _reporter(month=6)

    jamming = report("a", "COERCE", "RUS", "LVA", 11)
    assert incidents.match(report("b", "REJECT", "RUS", "LVA", 12), jamming) is not None
    assert incidents.match(report("b", "REJECT", "LVA", "RUS", 12), jamming) is None
    assert incidents.match(report("b", "REJECT", "BLR", "LVA", 12), jamming) is None
    assert incidents.match(report("b", "REJECT", "RUS", "LVA", 25), jamming) is None  # weeks later: another answer


def test_a_charge_and_its_denial_said_in_different_places_are_one_incident() -> None:
    """'Pakistan's army chief accuses India' (said in Kotli) and 'New Delhi rejects the charges' (its report placed in
    Kashmir) are one incident: words are said where the speaker is; two strikes in two states are not."""
    import dataclasses

    report = _reporter(month=5)
    kotli = {"country": "PAK", "kind": "city", "place": "Kotli", "lat": 33.5, "lon": 73.9}
    kashmir = {"country": "IND", "kind": "region", "place": "Jammu and Kashmir", "lat": 33.9, "lon": 75.3}
    charge = dataclasses.replace(report("a", "ACCUSE", "PAK", "IND", 6), **kotli)
    denial = dataclasses.replace(report("b", "REJECT", "IND", "PAK", 7), **kashmir)
    assert incidents.match(denial, charge) is not None
    strike = dataclasses.replace(report("c", "ASSAULT", "IND", "PAK", 6), **kotli)
    other = dataclasses.replace(report("d", "ASSAULT", "IND", "PAK", 6), **kashmir)
    assert incidents.match(other, strike) is None


def test_an_answer_by_one_of_the_states_an_act_was_done_to_answers_it() -> None:
    """'Poland sent troops to a border town, citing Belarusian and Russian drills' names two states it was done to;
    'Minsk called the deployment a provocation' the same day answers it. A charge by a third state does not."""
    import dataclasses

    report = _reporter(month=9)
    sent = dataclasses.replace(report("a", "MOBILIZE", "POL", None, 21), recipient=frozenset({"BLR", "RUS"}))
    assert incidents.match(report("b", "ACCUSE", "BLR", "POL", 21), sent) is not None
    assert incidents.match(report("b", "ACCUSE", "LTU", "POL", 21), sent) is None
    assert incidents.match(report("b", "ACCUSE", "BLR", "LTU", 21), sent) is None


def test_a_request_said_in_a_capital_answers_an_act_done_in_another_city() -> None:
    """'Zambian police detained 60 Malawians in Chipata' and, two days later, 'Malawi's embassy in Lusaka asked
    for consular access to them': the request is said where the embassy is, which contradicts no place of the
    detention. Two detentions in two far cities stay two incidents."""
    import dataclasses

    report = _reporter(month=10)
    chipata = {"country": "ZMB", "kind": "city", "place": "Chipata", "lat": -13.63, "lon": 32.65}
    lusaka = {"country": "ZMB", "kind": "city", "place": "Lusaka", "lat": -15.41, "lon": 28.29}
    livingstone = {"country": "ZMB", "kind": "city", "place": "Livingstone", "lat": -17.85, "lon": 25.86}
    detained = dataclasses.replace(report("a", "COERCE", "ZMB", "MWI", 15), **chipata)
    asked = dataclasses.replace(report("b", "REQUEST", "MWI", "ZMB", 17), **lusaka)
    assert incidents.match(asked, detained) is not None
    other = dataclasses.replace(report("c", "COERCE", "ZMB", "MWI", 15), **livingstone)
    assert incidents.match(other, detained) is None


def test_a_convoy_escorted_through_a_region_happened_there() -> None:
    # new: 'escorted a convoy of 80 lorries through South Sudan's Central Equatoria state' had no place
    found = extract("Ethiopian and Djiboutian soldiers escorted a convoy of fuel lorries through Ethiopia's Afar "
                    "region on Thursday.", published="2025-05-23")
    located = [e.location for e in found.events if e.location is not None]
    assert located and located[0].country == "ETH" and located[0].kind == "region", found.events


def test_a_way_goods_will_pass_is_no_venue_of_the_agreement() -> None:
    # regression: with 'through' read as a venue, 'agreed to start pumping gas to Syria through Turkey's Kilis
    # province' was placed in Kilis
    found = extract("Turkmenistan agreed on Friday to start pumping gas to Pakistan through Afghanistan's Herat "
                    "province.", published="2025-05-23")
    assert [e.location for e in found.events] == [None], found.events
    # nor is the route of what was talked about ('discussed the planned Power of Siberia 2 pipeline through
    # Mongolia' was placed in Mongolia)
    found = extract("Chinese and Kazakh ministers discussed a planned railway through Kyrgyzstan on Monday.",
                    published="2025-05-23")
    assert all(e.location is None for e in found.events), found.events


def test_a_small_town_of_a_partys_territory_is_found_there() -> None:
    # new: 'sailed from Ilulissat' in a story of Canada and Denmark was a village the gazetteer lacked, put in Canada;
    # Greenland's towns are filed under Greenland's code
    found = extract("Danish and Canadian officials met in Qaqortoq on Tuesday.", published="2025-05-23")
    located = found.events[0].location
    assert located is not None and located.country == "GRL" and located.lat is not None, found.events


def test_a_village_facing_a_partys_town_lies_in_the_other_partys_state() -> None:
    # new: 'at Zobue, ... a few kilometres from Malawi's Mwanza' and 'at Ramokgwebana, at the border post facing
    # Plumtree' were put in the party named first (or the recipient)
    for text, state in (("Malawian and Mozambican police searched lorries at Calomue on Tuesday, a few kilometres "
                         "from Malawi's Dedza.", "MOZ"),
                        ("South African and Mozambican customs officers inspected lorries at Chamavane on Monday, "
                         "at the post facing Komatipoort.", "MOZ")):
        located = extract(text, published="2025-05-23").events[0].location
        assert located is not None and located.country == state, (text, located)


def test_a_village_forces_were_moved_to_is_where_they_went() -> None:
    # new: 'Iran moved tanks, artillery and helicopter gunships to Khoda Afarin' had no place: the recogniser took
    # the village for a person, which only a venue's 'in', 'at' or 'near' could overrule
    found = extract("Iran moved tanks, artillery and helicopter gunships to Khoda Afarin on Sunday, its army said.",
                    published="2025-04-13")
    located = [e.location for e in found.events if e.location is not None]
    assert located and located[0].name == "Khoda Afarin" and located[0].country == "IRN", found.events


def test_a_town_supplies_were_cut_to_is_where_the_sanction_fell() -> None:
    # new: 'Thailand cut electricity, fuel and internet supplies to Myawaddy' had no place (a destination is read
    # only for what is sent or carried)
    found = extract("Thailand cut electricity and fuel supplies to Tachileik on Wednesday.", published="2025-06-11")
    located = [e.location for e in found.events if e.location is not None]
    assert located and located[0].country == "MMR" and located[0].kind == "city", found.events
    found = extract("Russia cut gas supplies to Moldova on Monday.", published="2025-06-11")
    assert all(e.location is None for e in found.events), found.events  # a state cut off is the recipient


def test_a_place_name_with_an_abbreviation_is_one_name_in_one_sentence() -> None:
    # regression: 'met in Sault Ste. Marie, Ontario' was cut into two sentences at 'Ste.', so the meeting had no place
    found = extract("Canadian and American border officials met in Sault Ste. Marie, Michigan, on Friday to discuss "
                    "bridge tolls.", published="2025-06-11")
    located = [e.location for e in found.events if e.location is not None]
    assert located and located[0].name == "Sault Ste. Marie" and located[0].country == "USA", found.events
