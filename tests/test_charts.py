"""diplograph.charts, the one chart module of the web UI and the briefs, through its public functions: on a store
built from the bundled sample corpus (the data each caller converts: the brief's and the web pages') and on
hand-made inputs (hostile text, exact counts, empty inputs)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplograph import analytics, charts
from diplograph.charts import Bar, Counterpart, DyadEvent, Tie
from diplograph.ingest import read_sources
from diplograph.model import Document
from diplograph.query import facts as query_facts
from diplograph.report import brief, map_counterparts, network_ties, timeline_bars
from diplograph.store import Store
from diplograph.web import pages
from diplograph.web.testing import build_store

SAMPLES = Path(__file__).resolve().parents[1] / "diplograph" / "samples" / "sample-corpus.jsonl"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & \"double\" 'single'"
QUAD_NAMES = {charts.LABELS[q] for q in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                         "material_conflict")}  # fmt: skip


def parse(svg: str) -> ET.Element:
    """The chart as XML, after the checks every chart must pass: one <svg role="img"> with a non-empty <title>
    first, no inline style and no script."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and (root[0].text or "").strip()
    assert "style=" not in svg and "<script" not in svg.lower()
    assert all(el.get("style") is None for el in root.iter())
    return root


def texts(root: ET.Element, tag: str = "text") -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}{tag}")]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- a real store -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("charts") / "samples.duckdb"
    build_store(path, [d for d in read_sources([SAMPLES]) if isinstance(d, Document)])
    with Store.open(path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def drawn(store: Store) -> dict[str, str]:
    """Every chart of China in the sample store, as the brief and the web pages draw them."""
    china = brief(store, "CHN")
    bars, bands = timeline_bars(china.timeline)
    timeline = query_facts.timeline(store, query_facts.FactFilter(state="CHN"))
    dyad = query_facts.page_facts(store, "events", query_facts.FactFilter(dyad=("CHN", "RUS")), limit=500).facts
    return {
        "brief timeline": charts.timeline_svg(bars, bands=bands, undated=china.timeline.undated, title="China"),
        "brief map": charts.partners_map_svg("CHN", map_counterparts(china)),
        "brief network": charts.network_svg("CHN", [p.code for p in china.partners], network_ties(china)),
        "web timeline": pages.timeline_chart(timeline, "China"),
        "web map": pages.partners_map(store, "CHN", "China"),
        "web network": pages.network_chart(analytics.state_network(store), "CHN"),
        "web dyad": pages.dyad_chart(dyad, "CHN", "RUS"),
    }


@pytest.mark.parametrize(
    "name", ["brief timeline", "brief map", "brief network", "web timeline", "web map", "web network", "web dyad"]
)
def test_charts_of_a_real_store_are_svg_with_a_title_and_drawn_content(name: str, drawn: dict[str, str]) -> None:
    root = parse(drawn[name])
    kind = name.split()[1]
    assert root.get("class") == f"chart {kind}" and root.get("data-chart") == kind
    marks = [*root.iter(f"{SVG}rect"), *root.iter(f"{SVG}circle"), *root.iter(f"{SVG}line")]
    assert len(marks) >= 3, "drawn, not empty"
    assert set(texts(root)) & {"CHN", "RUS", "verbal cooperation", "material cooperation"}


def test_real_bars_are_as_high_as_their_counts(drawn: dict[str, str]) -> None:
    """Each piece of a bar says its count in its <title> ("2023-03: 4 verbal cooperation"); height / count is the
    same for every piece of the chart."""
    for name in ("brief timeline", "web timeline"):
        pieces = [r for r in parse(drawn[name]).iter(f"{SVG}rect") if r.get("class") == "bar"]
        assert pieces, name
        per_event = [float(r.get("height", 0)) / int(texts(r, "title")[0].split(": ")[1].split()[0]) for r in pieces]
        assert max(per_event) - min(per_event) < 0.1, (name, per_event)  # heights are written to 0.1


def test_the_web_links_states_and_points_and_the_brief_does_not(drawn: dict[str, str]) -> None:
    assert "<a " not in drawn["brief map"] + drawn["brief network"] + drawn["brief timeline"]
    map_links = {a.get("href") for a in parse(drawn["web map"]).iter(f"{SVG}a")}
    assert "/dyads/CHN/RUS" in map_links
    network_links = {a.get("href") for a in parse(drawn["web network"]).iter(f"{SVG}a")}
    assert {"/states/CHN", "/states/RUS"} <= network_links
    points = [a.get("href") or "" for a in parse(drawn["web dyad"]).iter(f"{SVG}a")]
    assert points and all(href.startswith("/documents/") and "?fact=" in href for href in points)


# --- hand-made inputs ---------------------------------------------------------------------------------------------


def test_hostile_text_comes_out_escaped() -> None:
    svgs = [
        charts.timeline_svg([Bar(HOSTILE, day("2014-05-01"), day("2014-05-31"), {"verbal_cooperation": 2})],
                            bands=[Bar(HOSTILE, day("2014-01-01"), day("2014-12-31"), {"other": 1})], title=HOSTILE),
        charts.partners_map_svg("PRK", [Counterpart("RUS", HOSTILE, 3, 1, {"material_conflict": 3})], title=HOSTILE),
        charts.network_svg(HOSTILE, ["RUS", HOSTILE], [Tie(HOSTILE, "RUS", 2, 1.5)], title=HOSTILE,
                           href=lambda code: f"/states/{code}"),
        charts.dyad_svg(HOSTILE, "RUS", [DyadEvent(HOSTILE, HOSTILE, day("2014-05-01"), day("2014-05-31"), 3.0,
                                                   "verbal_cooperation")], href=lambda key: f"/documents/x?f={key}"),
    ]  # fmt: skip
    for svg in svgs:
        root = parse(svg)
        assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;double&quot;" in svg
        every_text = [*texts(root), *texts(root, "title")]
        assert any(HOSTILE in text for text in every_text), "the text reads back as it was"
    links = [a.get("href") for a in parse(svgs[2]).iter(f"{SVG}a")] + [a.get("href") for a in ET.fromstring(
        svgs[3]).iter(f"{SVG}a")]  # fmt: skip
    assert f"/states/{HOSTILE}" in links and f"/documents/x?f={HOSTILE}" in links


def test_bar_pieces_are_proportional_to_their_counts_and_placed_in_time() -> None:
    svg = charts.timeline_svg(
        [Bar("2014-03", day("2014-03-01"), day("2014-03-31"), {"verbal_cooperation": 2, "material_cooperation": 4}),
         Bar("2014-07", day("2014-07-01"), day("2014-07-31"), {"verbal_cooperation": 1})],
        bands=[Bar("2014", day("2014-01-01"), day("2014-12-31"), {"material_conflict": 3})], title="t",
    )  # fmt: skip
    root = parse(svg)
    pieces = {texts(r, "title")[0]: r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"}
    height = {label.removeprefix("2014-"): float(r.get("height", 0)) for label, r in pieces.items()}
    assert height["03: 4 material cooperation"] == pytest.approx(2 * height["03: 2 verbal cooperation"], abs=0.2)
    assert height["03: 2 verbal cooperation"] == pytest.approx(2 * height["07: 1 verbal cooperation"], abs=0.2)
    # Stacked: the piece above starts where the one below ends.
    below, above = pieces["2014-03: 2 verbal cooperation"], pieces["2014-03: 4 material cooperation"]
    assert float(above.get("y", 0)) + float(above.get("height", 0)) == pytest.approx(float(below.get("y", 0)), abs=0.1)
    # Four months apart in time; the band spans the twelve months of its year.
    month = (float(pieces["2014-07: 1 verbal cooperation"].get("x", 0)) - float(below.get("x", 0))) / 4
    band = next(r for r in root.iter(f"{SVG}rect") if texts(r, "title") == ["2014: 3 material conflict"])
    assert float(band.get("width", 0)) == pytest.approx(12 * month, abs=0.2)
    assert "2014: 3 events (3 material conflict)" in texts(root)


def test_the_legend_lists_the_quads_present() -> None:
    svg = charts.timeline_svg(
        [Bar("2020", day("2020-01-01"), day("2020-12-31"), {"verbal_cooperation": 1, "material_conflict": 2})],
        title="t", unit="year",
    )  # fmt: skip
    assert set(texts(parse(svg))) & QUAD_NAMES == {"verbal cooperation", "material conflict"}
    dyad = charts.dyad_svg("A", "B", [DyadEvent("k", "l", day("2020-01-01"), day("2020-01-01"), -5.0,
                                                 "verbal_conflict")])  # fmt: skip
    assert set(texts(parse(dyad))) & QUAD_NAMES == {"verbal conflict"}
    partners = [Counterpart("RUS", "Russia", 0, 2, {}), Counterpart("CHN", "China", 3, 0, {"material_cooperation": 3})]
    world = charts.partners_map_svg("PRK", partners)
    assert set(texts(parse(world))) & {*QUAD_NAMES, "measures only"} == {"material cooperation", "measures only"}


def test_empty_inputs_give_a_clear_empty_chart() -> None:
    empty = {
        "timeline": charts.timeline_svg([], title="Events of X", undated=3),
        "network": charts.network_svg("PRK", [], []),
        "dyad": charts.dyad_svg("PRK", "RUS", []),
    }
    said = {
        "timeline": "No dated events (3 events without a date within one month).",
        "network": "No ties between PRK and other states yet.",
        "dyad": "No dated, scored events between these two.",
    }
    for kind, svg in empty.items():
        root = parse(svg)
        assert root.get("data-chart") == kind and texts(root) == [said[kind]]
    bars_of_nothing = charts.timeline_svg([Bar("2020", day("2020-01-01"), day("2020-12-31"), {})], title="t")
    assert texts(parse(bars_of_nothing)) == ["No dated events."]
    world = parse(charts.partners_map_svg("PRK", []))
    assert "No partners of PRK yet." in texts(world) and len(list(world.iter(f"{SVG}circle"))) == 1  # PRK alone


def test_network_ties_are_as_wide_as_their_events_and_coloured_by_score() -> None:
    root = parse(charts.network_svg("PRK", ["RUS", "USA", "CHN"], [
        Tie("PRK", "RUS", 10, 5.9), Tie("PRK", "USA", 5, -3.0), Tie("CHN", "PRK", 5, None)]))  # fmt: skip
    lines = {texts(line, "title")[0].split(":")[0]: line for line in root.iter(f"{SVG}line")}
    assert lines["PRK \u2013 RUS"].get("stroke") == charts.COLOURS["material_cooperation"]
    assert lines["PRK \u2013 USA"].get("stroke") == charts.COLOURS["material_conflict"]
    assert lines["CHN \u2013 PRK"].get("stroke") == charts.COLOURS["other"]
    width = {name: float(line.get("stroke-width", 0)) - 1 for name, line in lines.items()}
    assert width["PRK \u2013 RUS"] == pytest.approx(2 * width["PRK \u2013 USA"])
    assert "<a " not in ET.tostring(root, encoding="unicode")


def test_ticks_are_round() -> None:
    assert charts.ticks(0, 5) == [0, 1, 2, 3, 4, 5]
    assert charts.ticks(0, 23) == [0, 5, 10, 15, 20]
    assert charts.ticks(0, 0) == [0]
    assert charts.ticks(-10, 10, most=4) == [-10, -5, 0, 5, 10]
    assert charts.ticks(1953, 2021, most=9) == [1960, 1970, 1980, 1990, 2000, 2010, 2020]


def test_esc_and_frame() -> None:
    assert charts.esc(None) == "" and charts.esc("<a href='x'>&</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"
    root = parse(charts.frame("timeline", 100, 50, HOSTILE, ['<rect x="0" y="0" width="1" height="1"/>']))
    assert texts(root, "title") == [HOSTILE] and root.get("viewBox") == "0 0 100 50"
