"""Briefs (diplograph.report): the seed commentary's argument rebuilt from the store, the HTML and Markdown
renderings, escaping of hostile text, the `brief` command, and a headless Chromium screenshot (slow)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from conftest import app_with
from typer.testing import CliRunner

from diplograph.charts.geo import centroids
from diplograph.model import Document
from diplograph.pipeline import Extractor
from diplograph.report import Brief, brief, format_amount, format_change, render_html, render_markdown
from diplograph.report.facts import sentence_around
from diplograph.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
RI_SU_YONG_VISITS = "DZA KWT GMB MOZ LBN LAO MMR IDN CUB BLR RUS VNM SGP SYR IRN IND".split()
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")


def _ingest(store: Store, documents: list[Document]) -> None:
    store.add(Extractor().extract_documents(documents))


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.exists():
        pytest.skip("needs ../shared/seed")
    db = tmp_path_factory.mktemp("brief") / "seed.duckdb"
    text = SEED.read_text(encoding="utf-8")
    with Store.open(db) as store:
        _ingest(store, [Document(id="north-korea-new-diplomacy", text=text, published="2015-04-30")])
    return db


@pytest.fixture(scope="module")
def seed(seed_db: Path) -> Iterator[Brief]:
    with Store.open(seed_db, read_only=True) as store:
        yield brief(store, "PRK")


@pytest.fixture(scope="module")
def html(seed: Brief) -> str:
    return render_html(seed)


def _measure(b: Brief, kind: str, actor: str, recipient: str, value: float) -> object:
    found = [
        m for m in b.measures
        if m.type == kind and actor in m.actor and recipient in m.recipient and m.value == pytest.approx(value)
    ]  # fmt: skip
    assert found, f"no {kind} {actor} -> {recipient} {value}: {[m.summary for m in b.measures]}"
    return found[0]


# --- the seed's argument -------------------------------------------------------------------------------------------


def test_outreach_has_every_state_ri_su_yong_visited(seed: Brief) -> None:
    states = {c.state for c in seed.outreach}
    assert set(RI_SU_YONG_VISITS) <= states, sorted(set(RI_SU_YONG_VISITS) - states)
    algeria = next(c for c in seed.outreach if c.state == "DZA")
    assert algeria.roles == ("visited",) and algeria.first == "2014-05"
    for contact in seed.outreach:
        quote = contact.meetings[0][2]
        assert quote is not None and quote.evidence and quote.doc == "north-korea-new-diplomacy"


def test_trade_with_china_and_exports_to_russia(seed: Brief) -> None:
    trade = _measure(seed, "trade", "PRK", "CHN", 6.39e9)
    assert (trade.unit, trade.change_pct, trade.date) == ("USD", -2.4, "2014")  # type: ignore[attr-defined]
    assert "bilateral trade fell by 2.4% to US$6.39 billion" in trade.quotes[0].evidence  # type: ignore[attr-defined]
    exports = _measure(seed, "exports", "PRK", "RUS", 10.17e6)
    assert (exports.unit, exports.change_pct) == ("USD", 31.9)  # type: ignore[attr-defined]
    assert "up 31.9%" in exports.quotes[0].text  # type: ignore[attr-defined]


def test_debt_relief_aid_and_joint_projects_with_russia(seed: Brief) -> None:
    debt = _measure(seed, "debt_relief", "RUS", "PRK", 1e10)
    assert debt.unit == "USD"  # type: ignore[attr-defined]
    food = _measure(seed, "aid", "RUS", "PRK", 50_000)
    assert (food.unit, food.commodity) == ("t", "food")  # type: ignore[attr-defined]
    aid = [e for e in seed.events if e.type == "AID" and e.actor == ("RUS",) and "PRK" in e.recipient]
    assert any("Russian food aid" in q.evidence for e in aid for q in e.quotes)
    cooperation = [e for e in seed.events if e.quad == "material_cooperation" and "RUS" in e.states]
    evidence = " ".join(q.evidence for e in cooperation for q in e.quotes)
    assert "joint venture" in evidence and "bridge for car traffic across the Tumen River" in evidence
    drills = [e for e in cooperation if e.type == "COOPERATE" and e.actor == ("RUS",) and "military" in e.context]
    assert drills and "joint military drills" in drills[0].quotes[0].evidence
    russia = next(p for p in seed.partners if p.code == "RUS")
    assert russia.quads["material_cooperation"] >= 3 and russia.mean_score is not None and russia.mean_score > 0
    assert {m.type for m in russia.measures} >= {"debt_relief", "aid", "exports", "investment"}


def test_drills_evidence_is_the_drills_clause(seed: Brief) -> None:
    drills = [e for e in seed.events if e.type == "COOPERATE" and e.actor == ("RUS",) and "military" in e.context]
    assert drills and drills[0].quotes[0].evidence.startswith("joint military drills")


def test_headlines_rank_and_quote(seed: Brief) -> None:
    assert len(seed.headlines) == 12
    weights = [f.weight for f in seed.headlines]
    assert weights == sorted(weights, reverse=True)  # one document each: ranked by weight
    summaries = [f.summary for f in seed.headlines]
    assert "PRK \u2013 CHN trade, 2014: US$6.39 billion (-2.4%)" in summaries
    assert "RUS \u2192 PRK debt relief, 2012: US$10 billion" in summaries
    assert "PRK \u2192 RUS exports, 2014: US$10.17 million (+31.9%)" in summaries
    for fact in seed.headlines:
        assert fact.quotes and all(q.evidence and q.evidence in q.text for q in fact.quotes)


def test_partners_timeline_network(seed: Brief) -> None:
    assert seed.partners[0].code == "RUS" and {"CHN", "IND"} <= {p.code for p in seed.partners}
    assert all(p.code in centroids() for p in seed.partners)
    assert [b.label for b in seed.timeline.months] == ["2013-02", "2014-05", "2014-06", "2014-10", "2015-04", "2015-05"]
    assert {b.label for b in seed.timeline.spans} >= {"2012", "2014"}
    total = sum(b.total for b in [*seed.timeline.months, *seed.timeline.spans]) + seed.timeline.undated
    assert total == len(seed.events)
    assert seed.network[0].a == "PRK" and seed.network[0].b == "RUS" and seed.network[0].weight >= 5


def test_window_filters(seed_db: Path) -> None:
    with Store.open(seed_db, read_only=True) as store:
        later = brief(store, "prk", since="2014-06")
    assert later.state == "PRK" and later.window == "2014-06 to ..."
    assert all(not (e.date or "").startswith("2012") for e in later.events)
    assert "DZA" not in {c.state for c in later.outreach}  # May 2014


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The states whose brief was built (not read from the kept ones), in order."""
    from diplograph.report import facts as report_facts

    calls: list[str] = []
    real = report_facts._brief

    def counting(store: Store, code: str, *rest: object) -> Brief:
        calls.append(code)
        return real(store, code, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(report_facts, "_brief", counting)
    return calls


def test_a_brief_is_kept_until_the_store_changes(tmp_path: Path, built: list[str]) -> None:
    first_doc = Document(id="k1", text="China sent food aid to North Korea on March 3, 2015.", published="2015-03-05")
    with Store.open(tmp_path / "kept.duckdb") as store:
        _ingest(store, [first_doc])
        first = brief(store, "PRK", min_confidence=0)
        first.events.clear()  # a caller changing its brief does not change the kept one
        again = brief(store, "PRK", min_confidence=0)
        assert built == ["PRK"] and again.events and again.event_total == 1
        brief(store, "PRK", min_confidence=0, since="2015")
        assert built == ["PRK", "PRK"]  # another window: built
        later = Document(id="k2", text="Russia sent wheat to North Korea on March 4, 2015.", published="2015-03-05")
        _ingest(store, [later])
        after = brief(store, "PRK", min_confidence=0)
    assert built == ["PRK", "PRK", "PRK"]  # the store changed: built again
    assert after.event_total == 2 and {p.code for p in after.partners} >= {"CHN", "RUS"}


def test_an_in_memory_store_keeps_no_brief(built: list[str]) -> None:
    with Store.open(":memory:") as store:
        brief(store, "PRK")
        brief(store, "PRK")
    assert built == ["PRK", "PRK"]


# --- rendering -----------------------------------------------------------------------------------------------------


def test_html_is_self_contained(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'" in html
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing loaded from elsewhere
    assert not re.search(r"@import|url\(", html)
    assert html.count("<svg") == 4  # partners map, places map, timeline, network
    for css_class in ("chart timeline", "chart map", "chart network"):
        assert f'class="{css_class}"' in html


def test_html_shows_the_argument(html: str) -> None:
    for text in ("US$6.39 billion", "-2.4%", "US$10.17 million", "+31.9%", "US$10 billion", "50,000 t",
                 "Pobeda", "Tumen River", "joint military drills"):  # fmt: skip
        assert text in html, text
    for state in RI_SU_YONG_VISITS:
        assert f"<b>{state}</b>" in html, state
    assert 'href="#doc-north-korea-new-diplomacy"' in html and 'id="doc-north-korea-new-diplomacy"' in html
    assert "<mark>bilateral trade fell by 2.4% to US$6.39 billion</mark>" in html


def test_markdown_tables(seed: Brief) -> None:
    md = render_markdown(seed)
    assert md.startswith("# North Korea (PRK): brief")
    for heading in ("## Headline facts", "## Partners", "## Timeline", "## Measures and their changes",
                    "## Outreach: states visited and met", "## Network", "## All events", "## Documents"):  # fmt: skip
        assert heading in md
    assert "| Measure | From | To | Period | Value | Change | Evidence |" in md
    assert "| trade | PRK | CHN | 2014 | US$6.39 billion | -2.4% |" in md
    assert "| exports | PRK | RUS | 2014 | US$10.17 million | +31.9% |" in md
    assert "| debt relief | RUS | PRK | 2012 | US$10 billion |" in md
    for state in RI_SU_YONG_VISITS:
        assert re.search(rf"^\| {state} \| .+ \| (met|visited|hosted)", md, re.M), state


HOSTILE = (
    "North Korea and Russia signed an agreement <script>alert(1)</script> on oil supplies in Moscow on "
    "3 March 2015, officials said <img src=x onerror=alert(1)>."
)


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    doc = Document(
        id="evil<script>", text=HOSTILE, published="2015-03-05", title="<script>alert('t')</script>",
        url="javascript:alert(1)",
    )  # fmt: skip
    with Store.open(tmp_path / "evil.duckdb") as store:
        _ingest(store, [doc])
        result = brief(store, "PRK", min_confidence=0)  # whatever its confidence: the escaping is tested
    assert result.events, "the hostile sentence should yield an event"
    page = render_html(result)
    assert "<script>" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="#doc-evil_script_"' in page
    md = render_markdown(result)
    assert "<script>" not in md and "<img" not in md and "&lt;script>alert(1)&lt;/script>" in md


def test_formatting() -> None:
    assert format_amount(6.39e9, "USD") == "US$6.39 billion"
    assert format_amount(10.17e6, "USD") == "US$10.17 million"
    assert format_amount(50_000, "t") == "50,000 t"
    assert format_amount(90, "%") == "90%"
    assert format_amount(1e9, "USD", qualifier="over") == "over US$1 billion"
    assert format_amount(1.2e6, "t", per="month") == "1.2 million t a month"
    assert (format_change(-2.4), format_change(31.9), format_change(None)) == ("-2.4%", "+31.9%", "")
    text = "First one. In 2014, trade fell by 2.4%. Last."
    quote, start, end = sentence_around(text, text.index("trade"), text.index(" by"))
    assert quote == "In 2014, trade fell by 2.4%." and quote[start:end] == "trade fell"


def test_every_state_has_a_centroid() -> None:
    import csv

    with (REPO / "diplograph" / "actors" / "data" / "states.csv").open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle) if row["kind"] == "state"}
    assert codes - {"WST"} <= set(centroids())
    lat, lon = centroids()["PRK"]
    assert 38 < lat < 40 and 125 < lon < 127


# --- command ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    from diplograph.cli.report import register

    return app_with(register)


def test_brief_command(cli: typer.Typer, seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "prk.html"
    result = CliRunner().invoke(cli, ["brief", "PRK", "--db", str(seed_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "wrote" in result.stderr
    assert re.search(r"\(html\): \d+ events, \d+ measures?, \d+ partners, \d+ documents quoted", result.stderr)
    md = tmp_path / "prk.md"
    since = CliRunner().invoke(cli, ["brief", "PRK", "--db", str(seed_db), "--out", str(md), "--since", "2014"])
    assert since.exit_code == 0, since.output
    assert "## Partners" in md.read_text(encoding="utf-8")
    stdout = CliRunner().invoke(cli, ["brief", "PRK", "--db", str(seed_db), "--out", "-", "--format", "md"])
    assert stdout.exit_code == 0 and stdout.stdout.startswith("# North Korea")
    bad = CliRunner().invoke(cli, ["brief", "PRK", "--db", str(seed_db), "--out", str(tmp_path / "x.txt")])
    assert bad.exit_code == 1 and "error:" in bad.stderr and "--format" in bad.stderr
    missing = CliRunner().invoke(cli, ["brief", "PRK", "--db", str(tmp_path / "none.duckdb"), "--out", str(out)])
    assert missing.exit_code == 1 and "no store" in missing.stderr


def test_brief_summary_line_says_when_a_listing_is_cut() -> None:
    from diplograph.cli.report import _counted

    assert _counted(986_971, 150, "event") == "986,971 events (150 listed)"
    assert _counted(12, 12, "event") == "12 events"
    assert _counted(1, 1, "measure") == "1 measure"


# --- looked at as a person would ---------------------------------------------------------------------------------


@needs_seed
@pytest.mark.slow
def test_screenshot_in_headless_chromium() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import brief_screenshot
    finally:
        sys.path.pop(0)
    if brief_screenshot.find_chromium() is None:
        pytest.skip("headless Chromium not installed (Debian/Ubuntu: apt-get install -y chromium)")
    assert brief_screenshot.main([]) == 0
    png = REPO / "artifacts" / "brief-PRK.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2400)
