"""Where events happened and the incidents that link their reports, on the read side: the places map
(diplograph.charts.places_map), the REST API (/api/incidents, /api/incidents/{id}, /api/events?country=&near=&incident=)
and the pages (/incidents, /incidents/{id}, the state page's places map, the events table's places).

The store is real: the written incident stories of bench/data/geo (several outlets reporting one occurrence) and
the hostile document, extracted by the real extractor and stored in a DuckDB file; the API and the pages are
requested through FastAPI's TestClient.
"""

from __future__ import annotations

import html
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from diplograph import charts
from diplograph.charts import PlacePoint, places_map
from diplograph.ingest import read_sources
from diplograph.model import Document
from diplograph.pipeline import default_extractor
from diplograph.query import incidents as query_incidents
from diplograph.query.facts import FactFilter
from diplograph.store import Store
from diplograph.web import create_app
from diplograph.web.testing import HOSTILE_TITLE, hostile_document

REPO = Path(__file__).resolve().parents[1]
STORIES = REPO / "bench" / "data" / "geo" / "incident-stories.jsonl"
SVG = "{http://www.w3.org/2000/svg}"
PROBLEM = "application/problem+json"
ATHENS = (37.98376, 23.72784)
ATHENS_NEAR = "37.98,23.73,50"
HOSTILE = "<script>alert(1)</script> & \"double\" 'single'"

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


# --- the store, the app ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("geo") / "store.duckdb"
    documents = [d for d in read_sources([STORIES]) if isinstance(d, Document)]
    assert len(documents) > 30
    with Store.open(path) as store:
        store.add(default_extractor().extract_documents([*documents, hostile_document()]))
    return path


@pytest.fixture(scope="module")
def store(db_file: Path) -> Iterator[Store]:
    with Store.open(db_file, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(db_file: Path, store: Store) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_file, read_only=True)) as c:
        yield c


@pytest.fixture(scope="module")
def athens(store: Store) -> query_incidents.Incident:
    """The Turkish-Greek talks in Athens: the most reported incident located in Greece."""
    found = query_incidents.incidents(store, FactFilter(country="GRC", types=("CONSULT",)), with_reports=True)
    talks = next(i for i in found if i.location is not None and i.location.place == "Athens")
    assert talks.reports >= 2 and len(talks.sources) >= 2
    return talks


def parse(svg: str) -> ET.Element:
    """A chart as XML after the checks every chart passes: one <svg role="img">, its <title> first, no style or
    script."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and (root[0].text or "").strip()
    assert "style=" not in svg and "<script" not in svg.lower()
    return root


def circles(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}circle"))


def tooltip(circle: ET.Element) -> str:
    title = circle.find(f"{SVG}title")
    assert title is not None
    return title.text or ""


def svg_of(page: str, chart: str) -> ET.Element:
    """The SVG inside the page's figure marked data-chart=`chart`."""
    found = re.search(rf'<figure class="figure" data-chart="{chart}">(<svg.*?</svg>)</figure>', page, re.S)
    assert found, f"no {chart} chart on the page"
    return parse(found.group(1))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# --- the places map -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def located(store: Store) -> list[PlacePoint]:
    """A point for each located incident of the store, as many events as it has reports."""
    found = query_incidents.incidents(store, FactFilter(min_confidence=0), limit=1000)
    points = [
        PlacePoint(i.location.lat, i.location.lon, f"{i.location.place}, {i.location.country}", i.reports,
                   quad=charts_quad(i.event), href=f"/incidents/{i.id}")
        for i in found if i.location is not None and i.location.lat is not None and i.location.lon is not None
    ]  # fmt: skip
    assert len(points) >= 5 and len({p.count for p in points}) >= 3
    return points


def charts_quad(event: str) -> str:
    from diplograph.ontology import event_quad

    return event_quad(event) or "other"


def test_places_map_draws_a_circle_a_point_sized_by_count(located: list[PlacePoint]) -> None:
    root = parse(places_map(located))
    assert root.get("data-chart") == "places"
    drawn = circles(root)
    assert len(drawn) == len(located)
    by_tip = {tooltip(c): c for c in drawn}
    radius = {p: float(by_tip[f"{p.label}: {p.count} event{'' if p.count == 1 else 's'}"].get("r", 0)) for p in located}
    for a in located:
        for b in located:
            if a.count > b.count:
                assert radius[a] > radius[b], (a, b)
            elif a.count == b.count:
                assert radius[a] == radius[b]
    # The radius grows with the square root of the count (r = a + b * sqrt(count)): the area with the count.
    sizes = sorted({p.count: radius[p] for p in located}.items())
    (c1, r1), (c2, r2), (c3, r3) = sizes[0], sizes[1], sizes[-1]
    assert (r3 - r1) / (r2 - r1) == pytest.approx((math.sqrt(c3) - math.sqrt(c1)) / (math.sqrt(c2) - math.sqrt(c1)),
                                                  rel=0.05)  # fmt: skip


def test_places_map_uses_the_partners_maps_projection_and_outlines(located: list[PlacePoint]) -> None:
    width = 900
    root = parse(places_map(located, width=width))
    world = parse(charts.partners_map_svg("GRC", [], width=width))
    outline = {(p.get("data-name"), p.get("points")) for p in root.iter(f"{SVG}polygon")}
    assert outline == {(p.get("data-name"), p.get("points")) for p in world.iter(f"{SVG}polygon")}
    assert len(outline) > 5
    height = round(width * 138 / 360)  # the map shows latitudes 80 to -58, equirectangular
    athens = next(c for c in circles(root) if tooltip(c).startswith("Athens"))
    assert float(athens.get("cx", 0)) == pytest.approx((ATHENS[1] + 180) / 360 * width, abs=0.1)
    assert float(athens.get("cy", 0)) == pytest.approx((80 - ATHENS[0]) / 138 * height, abs=0.1)


def test_places_map_colours_by_quad_links_and_labels(located: list[PlacePoint]) -> None:
    root = parse(places_map(located))
    links = list(root.iter(f"{SVG}a"))
    assert sorted(a.get("href") or "" for a in links) == sorted(p.href or "" for p in located)
    for a in links:
        point = next(p for p in located if p.href == a.get("href"))
        (circle,) = circles(a)
        assert circle.get("fill") == charts.COLOURS[point.quad or "other"]
    labels = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any(text.startswith("Athens") for text in labels)
    legend = set(labels)
    assert {charts.LABELS[p.quad or "other"] for p in located} <= legend


def test_places_map_without_points_says_so_and_points_without_links_are_groups() -> None:
    empty = parse(places_map([], title="Where PRK's events happened"))
    assert circles(empty) == [] and "No located events." in "".join(empty.itertext())
    assert (empty[0].text or "") == "Where PRK's events happened"
    plain = parse(places_map([PlacePoint(0.0, 0.0, "Null Island")], noun="report"))
    assert list(plain.iter(f"{SVG}a")) == []
    assert [tooltip(c) for c in circles(plain)] == ["Null Island: 1 report"]
    assert plain.find(f".//{SVG}g[@class='place']") is not None


def test_places_map_escapes_text_and_is_deterministic() -> None:
    points = [
        PlacePoint(10.0, 20.0, HOSTILE, 3, quad="material_conflict", href='/x?a=1&b="2"'),
        PlacePoint(-70.0, 170.0, "Far south", 1),  # below the map's latitudes: kept on its edge
        PlacePoint(40.0, -3.7, "Madrid, ESP", 2, quad="verbal_cooperation"),
    ]
    svg = places_map(points, title=HOSTILE)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'b="2"' not in svg
    root = parse(svg)
    assert root[0].text == HOSTILE
    assert {a.get("href") for a in root.iter(f"{SVG}a")} == {'/x?a=1&b="2"'}
    south = next(c for c in circles(root) if tooltip(c).startswith("Far south"))
    viewbox_height = float((root.get("viewBox") or "").split()[3])
    assert 0 < float(south.get("cy", 0)) < viewbox_height
    assert places_map(list(reversed(points)), title=HOSTILE) == svg


# --- the API --------------------------------------------------------------------------------------------------------


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["detail"]
    return body


def test_incidents_match_the_library(client: Any, store: Store) -> None:
    body = client.get("/api/incidents", params={"limit": 5}).json()
    expected = [i.to_dict() for i in query_incidents.incidents(store, FactFilter(), limit=5)]
    assert body["incidents"] == expected and body["count"] == 5 and body["offset"] == 0
    assert body["next_offset"] == 5
    assert body["incidents"][0]["reports"] >= body["incidents"][-1]["reports"]  # most reported first
    following = client.get("/api/incidents", params={"limit": 5, "offset": 5}).json()["incidents"]
    assert not {i["id"] for i in following} & {i["id"] for i in body["incidents"]}
    latest = client.get("/api/incidents", params={"order": "date"}).json()["incidents"]
    seen = [i["first_seen"] for i in latest if i["first_seen"]]
    assert seen == sorted(seen, reverse=True)


def test_one_incident_with_its_reports_side_by_side(client: Any, athens: query_incidents.Incident) -> None:
    body = client.get(f"/api/incidents/{athens.id}").json()
    assert body["incident"] == athens.to_dict()
    reports = body["reports"]
    assert len(reports) == athens.reports >= 2
    assert len({r["document"]["source"] for r in reports}) >= 2
    events = client.get("/api/events", params={"incident": athens.id, "min_confidence": 0, "limit": 1000}).json()
    by_key = {(e["doc_hash"], e["id"]): e for e in events["items"]}
    assert len(by_key) == athens.reports
    for report in reports:
        document = report.pop("document")
        assert report == by_key[(report["doc_hash"], report["id"])]  # the event as /api/events gives it
        assert document["hash"] == report["doc_hash"] and document["id"] == report["doc"]
        assert document["title"] and document["source"] and document["published"]
    located = [r for r in reports if r["location"]]
    assert located and all(r["location"]["place"] == "Athens" for r in located)


def test_an_unknown_incident_is_a_404_problem(client: Any) -> None:
    assert_problem(client.get("/api/incidents/no-such-incident"), 404)
    assert_problem(client.get("/api/incidents/%3Cscript%3E"), 404)


def test_incidents_filter_by_country_and_near(client: Any, store: Store, athens: query_incidents.Incident) -> None:
    luanda = client.get("/api/incidents", params={"country": "AGO"}).json()["incidents"]
    assert luanda == [i.to_dict() for i in query_incidents.incidents(store, FactFilter(country="AGO"))]
    assert luanda and all(i["location"] is None or i["location"]["country"] == "AGO" for i in luanda)
    in_greece = client.get("/api/incidents", params={"country": "grc"}).json()["incidents"]
    assert athens.id in {i["id"] for i in in_greece}
    assert not {i["id"] for i in in_greece} & {i["id"] for i in luanda}
    near = client.get("/api/incidents", params={"near": ATHENS_NEAR}).json()["incidents"]
    assert athens.id in {i["id"] for i in near}
    for found in near:
        report_places = [r["location"] for r in client.get(f"/api/incidents/{found['id']}").json()["reports"]
                         if r["location"]]  # fmt: skip
        assert any(distance_km((p["lat"], p["lon"]), ATHENS) <= 50 for p in report_places)
    assert client.get("/api/incidents", params={"near": "0,0,10"}).json()["incidents"] == []
    assert_problem(client.get("/api/incidents", params={"near": "37.9,23.7"}), 400)
    assert client.get("/api/incidents", params={"order": "sideways"}).status_code == 422


def test_events_filter_by_country_near_and_incident(client: Any, athens: query_incidents.Incident) -> None:
    greek = client.get("/api/events", params={"country": "GRC"}).json()["items"]
    assert greek and all(e["location"]["country"] == "GRC" for e in greek)
    near = client.get("/api/events", params={"near": ATHENS_NEAR, "min_confidence": 0}).json()["items"]
    assert near and all(distance_km((e["location"]["lat"], e["location"]["lon"]), ATHENS) <= 50 for e in near)
    everything = client.get("/api/events", params={"min_confidence": 0, "limit": 1000}).json()["items"]
    outside = [e for e in everything if e["location"] and e["location"]["lat"] is not None
               and distance_km((e["location"]["lat"], e["location"]["lon"]), ATHENS) > 50]  # fmt: skip
    assert outside and not {e["id"] for e in outside} & {e["id"] for e in near}
    reports = client.get("/api/events", params={"incident": athens.id, "min_confidence": 0}).json()["items"]
    assert len(reports) == athens.reports and {e["incident"] for e in reports} == {athens.id}
    csv = client.get("/api/events", params={"country": "GRC", "format": "csv"})
    assert csv.status_code == 200 and csv.text.count("\n") == len(greek) + 1
    for bad in ("37.9,23.7", "91,0,10", "a,b,c", "0,0,0"):
        assert_problem(client.get("/api/events", params={"near": bad}), 400)


def test_openapi_describes_the_incidents(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    listing = spec["paths"]["/api/incidents"]["get"]
    detail = spec["paths"]["/api/incidents/{incident_id}"]["get"]
    assert listing["summary"] and detail["summary"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"state", "actor", "recipient", "dyad", "type", "since", "until", "text", "country", "near",
            "min_confidence", "limit", "offset", "order"} <= names  # fmt: skip
    assert {"country", "near", "incident"} <= {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert "404" in detail["responses"] and "400" in listing["responses"]
    schemas = spec["components"]["schemas"]
    assert schemas["IncidentOut"]["examples"][0]["location"]["place"] == "Athens"
    assert "document" in schemas["ReportOut"]["properties"]
    assert listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("IncidentsOut")


# --- the pages ------------------------------------------------------------------------------------------------------


def incident_links(page: str) -> list[str]:
    return re.findall(r'href="(/incidents/[^"?#]+)"', page)


def test_incidents_page_lists_and_filters(client: Any, athens: query_incidents.Incident) -> None:
    page = client.get("/incidents").text
    assert 'aria-current="page">Incidents' in page and 'data-list="incidents"' in page
    links = incident_links(page)
    assert links[0] == f"/incidents/{athens.id}"  # the most reported first
    row = page[page.index("<tbody>"):].split("</tr>")[0]
    for shown in ("CONSULT", "TUR", "GRC", athens.date or "", "Athens, Attica, GRC", str(athens.reports),
                  ", ".join(athens.sources), athens.first_seen or ""):  # fmt: skip
        assert shown in row, shown
    angola = client.get("/incidents", params={"country": "AGO"}).text
    assert f"/incidents/{athens.id}" not in angola and incident_links(angola)
    near = client.get("/incidents", params={"near": ATHENS_NEAR}).text
    assert f"/incidents/{athens.id}" in incident_links(near)
    bad = client.get("/incidents", params={"near": "here"})
    assert bad.status_code == 200 and 'role="alert"' in bad.text and "near" in bad.text


def test_incident_page_shows_its_reports_side_by_side(client: Any, athens: query_incidents.Incident) -> None:
    page = client.get(f"/incidents/{athens.id}").text
    cards = re.findall(r'<li id="report-\d+" class="report[^"]*".*?</li>', page, re.S)
    assert len(cards) == athens.reports >= 2
    sources = {source for source in athens.sources if any(source in card for card in cards)}
    assert sources == set(athens.sources) and len(sources) >= 2
    for fact, card in zip(athens.facts, cards, strict=True):
        marked = "".join(html.unescape(m) for m in re.findall(r'<mark class="hl [^"]*">(.*?)</mark>', card))
        assert marked == "".join(e.text for e in fact.record.evidence)  # every evidence span, highlighted
        assert athens.documents_of[fact.doc_hash]["published"] in card
        assert f"{fact.record.confidence:.2f}" in card
    assert '<mark class="hl t-CONSULT place">Athens</mark>' in page or '<mark class="place">Athens</mark>' in page
    chart = svg_of(page, "incident-places")
    drawn = circles(chart)
    assert [tooltip(c) for c in drawn] == [f"Athens, GRC: {sum(1 for f in athens.facts if f.record.location)} reports"]
    (link,) = list(chart.iter(f"{SVG}a"))
    assert re.search(rf'<li id="{(link.get("href") or "").lstrip("#")}" ', page)


def test_an_unknown_incident_page_is_a_404(client: Any) -> None:
    response = client.get("/incidents/no-such-incident")
    assert response.status_code == 404 and "No incident" in response.text


def test_the_hostile_documents_incident_page_escapes_its_title(client: Any, store: Store) -> None:
    hostile = store.document(hostile_document().id)
    assert hostile is not None
    found = query_incidents.incidents(store, FactFilter(doc=hostile.id, min_confidence=0))
    assert found
    page = client.get(f"/incidents/{found[0].id}").text
    assert "<script>" not in page.split("<main", 1)[1] and HOSTILE_TITLE not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    assert 'href="javascript:' not in page


def test_state_page_maps_where_its_events_happened(client: Any, store: Store) -> None:
    page = client.get("/states/GRC").text
    chart = svg_of(page, "places-map")
    drawn = circles(chart)
    tips = [tooltip(c) for c in drawn]
    assert any(tip.startswith("Athens, GRC: ") for tip in tips)
    greek_events = client.get("/api/events", params={"state": "GRC", "limit": 1000}).json()["items"]
    located = [e for e in greek_events if e["location"] and e["location"]["lat"] is not None]
    # an incident counts once (as in the state's timeline and brief): three outlets on the Athens talks are one
    assert sum(int(tip.rsplit(": ", 1)[1].split()[0]) for tip in tips) == len({e["incident"] for e in located})
    assert len({e["incident"] for e in located}) < len(located)
    hrefs = [a.get("href") or "" for a in chart.iter(f"{SVG}a")]
    assert len(hrefs) == len(drawn)
    athens = next(a.get("href") or "" for a in chart.iter(f"{SVG}a") if tooltip(circles(a)[0]).startswith("Athens"))
    query = parse_qs(urlsplit(athens).query)
    assert query["state"] == ["GRC"] and urlsplit(athens).path == "/events"
    there = client.get(athens).text
    assert "Athens, Attica, GRC" in there and 'role="alert"' not in there
    assert 'data-list="places"' in page


def test_events_table_shows_places_and_links_to_incidents(client: Any, athens: query_incidents.Incident) -> None:
    page = client.get("/events", params={"incident": athens.id, "min_confidence": "0"}).text
    rows = re.findall(r"<tr>\s*<td data-label=\"Date\".*?</tr>", page, re.S)
    assert len(rows) == athens.reports
    assert all(f'href="/incidents/{athens.id}"' in row and f"{athens.reports} reports" in row for row in rows)
    assert sum("Athens, Attica, GRC" in row for row in rows) == sum(1 for f in athens.facts if f.record.location)
    form = client.get("/events", params={"country": "GRC", "near": ATHENS_NEAR}).text
    assert 'name="country" value="GRC"' in form and f'name="near" value="{ATHENS_NEAR}"' in form
    measures = client.get("/events", params={"kind": "measures", "country": "GRC"}).text
    assert 'role="alert"' in measures and "events only" in measures
    lone = client.get("/events", params={"doc": hostile_document().id, "min_confidence": "0"}).text
    assert 'data-label="Place"' in lone and 'href="/incidents/' not in lone  # a report alone links nowhere


def test_analytics_endpoints_count_incidents_unless_asked_for_reports(client: Any) -> None:
    by_incident = client.get("/api/dyads/TUR/GRC/timeline", params={"min_confidence": 0})
    by_report = client.get("/api/dyads/TUR/GRC/timeline", params={"min_confidence": 0, "count": "reports"})
    assert by_incident.status_code == by_report.status_code == 200
    assert by_incident.json()["total"]["events"] < by_report.json()["total"]["events"]  # three outlets, one visit
    network = client.get("/api/analytics/network", params={"min_confidence": 0, "count": "reports"})
    assert network.status_code == 200
    assert client.get("/api/analytics/network", params={"count": "twice"}).status_code in (400, 422)
