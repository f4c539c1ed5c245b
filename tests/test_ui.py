"""The web UI end to end, in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

A real uvicorn on 127.0.0.1 serves a real DuckDB file with the seed article and a hostile document. The tests
open the state page for PRK, see the partners map and the timeline, select an event with the keyboard and land
on its document with the evidence highlighted, walk the dyad page and the events table, and check that the
hostile document's payloads render as text. A second server holds the incident stories of bench/data/geo (several
outlets reporting one occurrence): an incident opened from the incidents list shows its reports side by side with a
map of where they place it, and a state page maps where its events happened. Screenshots go to artifacts/ui-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplograph.ingest import read_sources
from diplograph.model import Document, content_hash
from diplograph.web import create_app
from diplograph.web.testing import build_store, hostile_document, serve

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "north-korea-new-diplomacy.txt"
STORIES = REPO / "bench" / "data" / "geo" / "incident-stories.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "artifacts"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (/usr/bin/chromium)"),
    pytest.mark.skipif(not SEED.exists(), reason=f"the seed article is not beside the repository ({SEED})"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("ui") / "store.duckdb"
    seed = [d for d in read_sources([SEED], published="2015-04-30") if isinstance(d, Document)]
    build_store(path, [*seed, hostile_document()])
    with serve(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def geo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the incident stories: located events, several reports of each incident."""
    path = tmp_path_factory.mktemp("ui-geo") / "store.duckdb"
    build_store(path, [d for d in read_sources([STORIES]) if isinstance(d, Document)])
    with serve(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield launched
        launched.close()


class Watch:
    """A page's console errors, dialogs (alert, confirm) and failed requests: all must stay empty."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.watch = Watch(tab)
    yield tab
    context.close()


def shot(page: Any, name: str, *, full_page: bool = True) -> Path:
    path = ARTIFACTS / f"ui-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 5_000
    return path


def test_state_page_map_timeline_then_event_to_its_document(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/states/PRK")
    assert page.title().startswith("North Korea (PRK)")
    partners = page.locator('[data-chart="partners-map"] svg')
    sync_api.expect(partners).to_be_visible()
    assert partners.locator("circle").count() >= 4  # the state and its partners
    box = partners.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 250
    sync_api.expect(page.locator('[data-list="partners"] a[data-partner="RUS"]')).to_be_visible()
    timeline = page.locator('svg[data-chart="timeline"]')
    sync_api.expect(timeline).to_be_visible()
    assert timeline.locator("rect.bar").count() >= 2
    box = timeline.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    sync_api.expect(page.locator('svg[data-chart="network"]')).to_be_visible()
    sync_api.expect(page.locator('[data-list="outreach"] li').first).to_be_visible()
    assert page.locator("#h-meas + div table tbody tr").count() >= 1
    shot(page, "state-prk")

    # Select the first of the latest events with the keyboard: focus its evidence link, press Enter.
    link = page.locator("table.facts-table a[data-fact]").first
    anchor = link.get_attribute("data-fact")
    evidence = link.inner_text().rstrip("…")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/**")
    assert f"fact={anchor}" in page.url
    selected = page.locator("mark.selected")
    sync_api.expect(selected.first).to_be_visible()
    assert all(anchor in (m.get_attribute("data-facts") or "").split() for m in selected.all())
    marked = "".join(m.inner_text() for m in selected.all())
    assert evidence[:20] in marked or marked[:20] in evidence
    sync_api.expect(page.locator(f'li[id="{anchor}"]')).to_have_class("selected")
    sync_api.expect(page.locator("section.selected-fact dl.record")).to_be_visible()
    selected.first.scroll_into_view_if_needed()
    shot(page, "document-selected")
    assert page.watch.errors == []


def test_document_highlights_link_to_their_records(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/documents/north-korea-new-diplomacy")
    marks = page.locator("pre.doc-text mark")
    assert marks.count() >= 10
    types = {c for m in marks.all() for c in (m.get_attribute("class") or "").split() if c.startswith("t-")}
    assert {"t-AID", "t-AGREE"} <= types and "t-measure" in types
    first = marks.first.locator("a")
    target = first.get_attribute("href")
    assert target is not None and target.startswith("?fact=")
    first.click()
    anchor = target.split("#", 1)[1]
    sync_api.expect(page.locator(f'li[id="{anchor}"] details')).to_have_attribute("open", "")
    sync_api.expect(page.locator("mark.selected").first).to_be_visible()
    assert page.watch.errors == []


def test_dyad_page_from_the_partners(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/states/PRK")
    page.locator('[data-list="partners"] a[data-partner="RUS"]').click()
    page.wait_for_url("**/dyads/PRK/RUS")
    chart = page.locator('svg[data-chart="dyad"]')
    sync_api.expect(chart).to_be_visible()
    assert chart.locator("a.point").count() >= 3
    items = page.locator('[data-list="evidence"] > li')
    assert items.count() >= 3
    sync_api.expect(page.locator("text=mean PLOVER score")).to_be_visible()
    shot(page, "dyad-prk-rus")
    chart.locator("a.point").first.click()
    page.wait_for_url("**/documents/**")
    sync_api.expect(page.locator("mark.selected").first).to_be_visible()
    assert page.watch.errors == []


def test_events_table_filters_and_export(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/events")
    page.fill("#f-state", "PRK")
    page.fill("#f-type", "AID,AGREE")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/events?*")
    rows = page.locator("table.facts-table tbody tr")
    assert rows.count() >= 2
    pills = {p.inner_text() for p in page.locator("table.facts-table tbody tr .pill").all()}
    assert pills <= {"AID", "AGREE"} and pills
    csv_link = page.locator("a", has_text="CSV")
    href = csv_link.get_attribute("href")
    assert href and "format=csv" in href and "state=PRK" in href
    response = page.request.get(base_url + href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    assert response.text().count("\n") == rows.count() + 1
    shot(page, "events-table")
    page.goto(f"{base_url}/events?since=not-a-date")
    sync_api.expect(page.locator("[role=alert]")).to_contain_text("not a date")
    assert page.watch.errors == []


def test_hostile_document_renders_as_text(page: Any, base_url: str) -> None:
    hostile = hostile_document()
    digest = content_hash(hostile.text)
    paths = [
        f"/documents/{digest}", "/documents", "/", "/search?q=script", "/search?q=North", f"/events?doc={digest}",
        "/states/PRK", "/states/CHN", "/dyads/CHN/PRK", "/dyads/USA/PRK",
    ]  # fmt: skip
    for path in paths:
        page.goto(base_url + path)
        assert page.evaluate("() => window.__pwned === undefined"), path
        assert page.locator("body script").count() == 0, path
        assert page.locator("main img, main svg[onload], main [onerror]").count() == 0, path
    page.goto(f"{base_url}/documents/{digest}")
    text = page.locator("pre.doc-text").inner_text()
    assert '<script>window.__pwned = "script"</script>' in text
    assert "onerror=\"window.__pwned = 'onerror'\"" in text
    sync_api.expect(page.locator("h1")).to_contain_text("<img src=x onerror=")
    assert page.locator("pre.doc-text mark").count() >= 2
    page.locator("summary", has_text="About this document").click()
    assert page.locator('a[href^="javascript:"]').count() == 0
    shot(page, "hostile-document")
    assert page.watch.errors == []


def test_keyboard_and_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    watch = Watch(page)
    try:
        page.goto(f"{base_url}/states/PRK")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.tagName + ' ' + document.activeElement.textContent")
        assert focused.startswith("A ")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", "")
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        sync_api.expect(page.locator('[data-chart="partners-map"] svg')).to_be_visible()
        shot(page, "state-prk-phone", full_page=False)
        page.goto(f"{base_url}/documents/north-korea-new-diplomacy")
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert watch.errors == []
    finally:
        context.close()


def test_incident_from_the_list_shows_its_reports_side_by_side(page: Any, geo_url: str) -> None:
    page.goto(f"{geo_url}/events")
    page.locator("header nav a", has_text="Incidents").click()
    page.wait_for_url("**/incidents")
    rows = page.locator("table.incidents-table tbody tr")
    assert rows.count() >= 5
    link = rows.first.locator("a[data-incident]")
    incident = link.get_attribute("data-incident")
    link.click()
    page.wait_for_url(f"**/incidents/{incident}")
    reports = page.locator("ol.reports > li.report")
    assert reports.count() >= 2
    first, second = reports.nth(0).bounding_box(), reports.nth(1).bounding_box()
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1  # side by side
    sources = {reports.nth(i).locator("p.muted").first.inner_text().split(" · ")[0] for i in range(reports.count())}
    assert len(sources) >= 2
    for i in range(reports.count()):
        sync_api.expect(reports.nth(i).locator("blockquote.excerpt mark.hl").first).to_be_visible()
    chart = page.locator('[data-chart="incident-places"] svg')
    sync_api.expect(chart).to_be_visible()
    assert chart.locator("circle.dot").count() >= 1
    shot(page, "incident")

    # The map's circle leads to the first report placed there.
    target = chart.locator("a.place").first.get_attribute("href")
    assert target is not None and target.startswith("#report-")
    chart.locator("a.place circle").first.click()
    page.wait_for_url(f"**{target}")
    sync_api.expect(page.locator(f"li{target}")).to_be_visible()

    # On a phone the reports stack, and nothing scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    first, second = reports.nth(0).bounding_box(), reports.nth(1).bounding_box()
    assert first is not None and second is not None and second["y"] > first["y"] + first["height"] - 1
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.watch.errors == []


def test_state_page_maps_where_its_events_happened(page: Any, geo_url: str) -> None:
    page.goto(f"{geo_url}/states/GRC")
    sync_api.expect(page.locator('[data-chart="partners-map"] svg')).to_be_visible()
    places = page.locator('[data-chart="places-map"] svg')
    sync_api.expect(places).to_be_visible()
    assert places.locator("circle.dot").count() >= 1
    box = places.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    shot(page, "state-grc-places")
    places.locator("a.place circle").first.click()
    page.wait_for_url("**/events?*near=*")
    rows = page.locator("table.facts-table tbody tr")
    assert rows.count() >= 1
    sync_api.expect(rows.first.locator("td[data-label=Place] .place")).to_be_visible()
    assert page.watch.errors == []
