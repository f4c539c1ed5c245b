"""Analytics against numbers computed by hand: monthly counts, mean PLOVER scores, trends, Herfindahl indices,
partner shares and shifts, outreach, network centrality, corroboration; and the CLI commands over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from conftest import app_with
from typer.testing import CliRunner

from diplograph import analytics
from diplograph.analytics.network import betweenness
from diplograph.errors import ConfigError
from diplograph.model import Actor, Document, Event, Evidence, Extraction, Measure
from diplograph.store import Store

# PLOVER scores used below (diplograph/ontology/data/plover.toml): CONSULT 2.5, CONSULT/visit 4.0, AID 10.0,
# ACCUSE -3.0, AGREE 2.5.


def _doc(key: str, url: str | None = None, source: str | None = None) -> Document:
    return Document(id=key, text=f"Text of document {key}: what happened.", url=url, source=source)


def _evidence(doc: Document) -> tuple[Evidence, ...]:
    return (Evidence(0, len(doc.text), doc.text),)


def event(
    doc: Document, kind: str, actor: tuple[str, ...], recipient: tuple[str, ...], date: str | None, **extra: object
) -> Event:
    return Event(doc=doc.id, event=kind, actor=actor, recipient=recipient, evidence=_evidence(doc), date=date,
                 **extra)  # type: ignore[arg-type]  # fmt: skip


def measure(
    doc: Document, kind: str, actor: str, recipient: str, value: float, period: str, unit: str = "USD"
) -> Measure:
    return Measure(doc=doc.id, measure=kind, actor=(actor,), recipient=(recipient,), value=value, unit=unit,
                   evidence=_evidence(doc), period=period)  # fmt: skip


def build(path: Path, facts: list[tuple[Document, list[Event | Measure]]]) -> Store:
    store = Store.open(path)
    extractions = []
    for doc, records in facts:
        events = tuple(r for r in records if isinstance(r, Event))
        measures = tuple(r for r in records if isinstance(r, Measure))
        extractions.append(Extraction(doc, events=events, measures=measures))
    store.add(extractions)
    return store


def _one(key: str, make: object) -> tuple[Document, list[Event | Measure]]:
    doc = _doc(key)
    return doc, [make(doc)]  # type: ignore[operator]


# --- dyads ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def dyad_store(tmp_path: Path) -> Store:
    facts = [
        _one("d1", lambda d: event(d, "CONSULT", ("RUS",), ("PRK",), "2014-05-03", mode="visit")),
        _one("d2", lambda d: event(d, "AID", ("RUS",), ("PRK",), "2014-05-20")),
        _one("d3", lambda d: event(d, "ACCUSE", ("PRK",), ("RUS",), "2014-06")),
        _one("d4", lambda d: event(d, "AGREE", ("RUS",), ("PRK",), "2014")),  # a year: no month
        _one("d5", lambda d: event(d, "CONSULT", ("RUS",), ("CHN",), "2014-05-04")),  # another dyad
    ]
    with build(tmp_path / "dyads.duckdb", facts) as store:
        yield store


def test_timeline_counts_by_month_type_and_quad(dyad_store: Store) -> None:
    result = analytics.dyad_timeline(dyad_store, "PRK", "RUS")
    assert [m.label for m in result.months] == ["2014-05", "2014-06"]
    may, june = result.months
    assert (may.events, may.by_type, may.quads) == (
        2,
        {"CONSULT": 1, "AID": 1},
        {"verbal_cooperation": 1, "material_cooperation": 1},
    )
    assert may.mean_score == pytest.approx((4.0 + 10.0) / 2)
    assert (june.events, june.by_type, june.mean_score) == (1, {"ACCUSE": 1}, -3.0)
    assert june.quads == {"verbal_conflict": 1}
    assert result.total.events == 4 and result.coarse == 1
    assert result.total.mean_score == pytest.approx((4.0 + 10.0 - 3.0 + 2.5) / 4)  # 3.375
    assert result.total.quads == {"verbal_cooperation": 2, "material_cooperation": 1, "verbal_conflict": 1}


def test_timeline_directed_and_window(dyad_store: Store) -> None:
    directed = analytics.dyad_timeline(dyad_store, "RUS", "PRK", directed=True)
    assert directed.total.events == 3
    assert directed.total.mean_score == pytest.approx((4.0 + 10.0 + 2.5) / 3)  # 5.5
    june = analytics.dyad_timeline(dyad_store, "RUS", "PRK", since="2014-06", until="2014-06")
    assert june.total.by_type == {"ACCUSE": 1, "AGREE": 1}  # the year-dated AGREE overlaps June
    assert [m.label for m in june.months] == ["2014-06"]


def test_trend_between_two_periods(dyad_store: Store) -> None:
    trend = analytics.relationship_trend(dyad_store, "RUS", "PRK", "2014-05", "2014-06")
    assert trend.first.tally.events == 3  # CONSULT, AID and the year-dated AGREE
    assert trend.first.tally.mean_score == pytest.approx(5.5)
    assert trend.first.cooperation_share == 1.0
    assert trend.second.tally.events == 2  # ACCUSE, AGREE
    assert trend.second.tally.mean_score == pytest.approx((-3.0 + 2.5) / 2)
    assert trend.second.cooperation_share == 0.5
    assert trend.score_change == pytest.approx(-0.25 - 5.5)
    assert trend.cooperation_change == pytest.approx(-0.5)
    assert (trend.events_change, trend.direction) == (-1, "worsening")
    assert analytics.relationship_trend(dyad_store, "RUS", "PRK", "2014-05", "2014-05").direction == "stable"
    assert analytics.relationship_trend(dyad_store, "RUS", "PRK", "2010", "2014").direction == "unknown"


def test_trend_period_forms(dyad_store: Store) -> None:
    by_range = analytics.relationship_trend(dyad_store, "RUS", "PRK", "2014-05-01/2014-05-31", ("2014-06", None))
    assert by_range.first.period == "2014-05-01/2014-05-31" and by_range.first.tally.events == 3
    with pytest.raises(ConfigError):
        analytics.relationship_trend(dyad_store, "RUS", "PRK", "May 2014", "2014")


# --- partners --------------------------------------------------------------------------------------------------------


@pytest.fixture
def trade_store(tmp_path: Path) -> Store:
    facts = [
        _one("m1", lambda d: measure(d, "exports", "PRK", "CHN", 300, "2014")),
        _one("m2", lambda d: measure(d, "exports", "PRK", "CHN", 300, "2014")),  # the same figure, reported again
        _one("m3", lambda d: measure(d, "exports", "PRK", "CHN", 200, "2013")),
        _one("m4", lambda d: measure(d, "exports", "PRK", "RUS", 100, "2014")),
        _one("m5", lambda d: measure(d, "exports", "PRK", "RUS", 50, "2013")),
        _one("m6", lambda d: measure(d, "exports", "PRK", "IND", 100, "2014")),
        _one("m7", lambda d: measure(d, "exports", "PRK", "JPN", 999, "2014", unit="EUR")),  # another unit
        _one("m8", lambda d: measure(d, "exports", "CHN", "PRK", 5000, "2014")),  # PRK is the recipient
        _one("m9", lambda d: measure(d, "trade", "PRK", "CHN", 600, "2014")),
        _one("m10", lambda d: measure(d, "trade", "RUS", "PRK", 200, "2014")),
    ]
    with build(tmp_path / "trade.duckdb", facts) as store:
        yield store


def test_concentration_herfindahl_and_top_share(trade_store: Store) -> None:
    result = analytics.partner_concentration(trade_store, "PRK", measure="exports", window="2014")
    assert result.total == 500  # CHN 300 (reported twice, counted once), RUS 100, IND 100
    assert [(s.partner, s.value, s.share) for s in result.partners] == [
        ("CHN", 300, 0.6),
        ("IND", 100, 0.2),
        ("RUS", 100, 0.2),
    ]
    assert result.hhi == pytest.approx(0.6**2 + 0.2**2 + 0.2**2)  # 0.44
    assert (result.top_partner, result.top_share) == ("CHN", 0.6)
    earlier = analytics.partner_concentration(trade_store, "PRK", window="2013")
    assert earlier.total == 250 and earlier.hhi == pytest.approx(0.8**2 + 0.2**2)  # 0.68
    latest = analytics.partner_concentration(trade_store, "PRK")  # no window: each partner's latest period
    assert latest.total == 500 and latest.hhi == pytest.approx(0.44)


def test_concentration_of_trade_takes_either_side(trade_store: Store) -> None:
    result = analytics.partner_concentration(trade_store, "PRK", measure="trade")
    assert {s.partner: s.share for s in result.partners} == {"CHN": 0.75, "RUS": 0.25}
    assert result.hhi == pytest.approx(0.75**2 + 0.25**2)  # 0.625
    empty = analytics.partner_concentration(trade_store, "FRA")
    assert (empty.total, empty.hhi, empty.top_partner, empty.partners) == (0, None, None, [])


def test_partner_shift(trade_store: Store) -> None:
    result = analytics.partner_shift(trade_store, "PRK", "2013", "2014")
    changes = {s.partner: (s.first_share, s.second_share, s.change) for s in result.shifts}
    assert changes["CHN"] == pytest.approx((0.8, 0.6, -0.2))
    assert changes["RUS"] == pytest.approx((0.2, 0.2, 0.0))
    assert changes["IND"] == pytest.approx((0.0, 0.2, 0.2))
    assert [s.partner for s in result.gainers] == ["IND"]
    assert [s.partner for s in result.losers] == ["CHN"]
    assert result.shifts[0].partner == "IND" and result.shifts[-1].partner == "CHN"
    assert result.hhi_change == pytest.approx(0.44 - 0.68)


# --- outreach --------------------------------------------------------------------------------------------------------


@pytest.fixture
def travel_store(tmp_path: Path) -> Store:
    xi = (Actor("CHN", person="Xi Jinping"),)
    facts = [
        _one("o1", lambda d: event(d, "CONSULT", ("CHN",), ("RUS",), "2023-03-20", mode="visit", actor_detail=xi)),
        _one("o2", lambda d: event(d, "CONSULT", ("KAZ",), ("CHN",), "2023-05-18", mode="visit", recipient_detail=xi)),
        _one("o3", lambda d: event(d, "CONSULT", ("CHN",), ("FRA",), "2023-04-06")),
        _one("o4", lambda d: event(d, "CONSULT", ("RUS",), ("CHN",), "2023-07")),
        _one("o5", lambda d: event(d, "AID", ("CHN",), ("PAK",), "2023-06-01")),  # not a meeting
        _one("o6", lambda d: event(d, "CONSULT", ("CHN",), ("BRA",), "2022-12-01", mode="visit")),  # before the window
    ]
    with build(tmp_path / "travel.duckdb", facts) as store:
        yield store


def test_outreach_of_a_state(travel_store: Store) -> None:
    result = analytics.outreach(travel_store, state="CHN", since="2023", until="2023")
    assert result.states == ["FRA", "KAZ", "RUS"]
    rus = result.contacts[0]
    assert (rus.state, rus.count, rus.first, rus.last, rus.roles) == (
        "RUS",
        2,
        "2023-03-20",
        "2023-07",
        ["met", "visited"],
    )
    assert [m.doc for m in rus.meetings] == ["o1", "o4"]
    assert rus.meetings[0].evidence == "Text of document o1: what happened."
    kaz = next(c for c in result.contacts if c.state == "KAZ")
    assert kaz.roles == ["hosted"]
    everything = analytics.outreach(travel_store, state="CHN")
    assert everything.states == ["BRA", "FRA", "KAZ", "RUS"]
    aid = analytics.outreach(travel_store, state="CHN", types=["AID"])
    assert aid.states == ["PAK"]


def test_outreach_of_a_person(travel_store: Store) -> None:
    result = analytics.outreach(travel_store, person="xi jinping")
    assert {c.state: c.roles for c in result.contacts} == {"RUS": ["visited"], "KAZ": ["hosted"]}
    with pytest.raises(ConfigError):
        analytics.outreach(travel_store)


# --- network ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def network_store(tmp_path: Path) -> Store:
    # A path USA - CHN - RUS - IND with weights 3, 1, 2; a self-loop that must not count.
    facts = [
        _one("n1", lambda d: event(d, "CONSULT", ("USA",), ("CHN",), "2023-01-01")),
        _one("n2", lambda d: event(d, "CONSULT", ("USA",), ("CHN",), "2023-01-02")),
        _one("n3", lambda d: event(d, "ACCUSE", ("CHN",), ("USA",), "2023-01-03")),
        _one("n4", lambda d: event(d, "AID", ("CHN",), ("RUS",), "2023-02-01")),
        _one("n5", lambda d: event(d, "AGREE", ("RUS",), ("IND",), "2023-03-01")),
        _one("n6", lambda d: event(d, "AGREE", ("IND",), ("RUS",), "2024-03-01")),
        _one("n7", lambda d: event(d, "ASSAULT", ("RUS",), ("RUS",), "2023-03-01")),
    ]
    with build(tmp_path / "network.duckdb", facts) as store:
        yield store


def test_network_counts_an_incident_once_by_default(network_store: Store) -> None:
    # n1 and n2 (USA consults CHN on 1 and 2 January) are linked into one incident: by default it weighs once
    by_incident = {(e.source, e.target): e.weight for e in analytics.state_network(network_store).edges}
    assert by_incident[("CHN", "USA")] == 2


def test_network_edges_and_centrality(network_store: Store) -> None:
    result = analytics.state_network(network_store, count="reports")
    assert [(e.source, e.target, e.weight) for e in result.edges] == [
        ("CHN", "USA", 3),
        ("IND", "RUS", 2),
        ("CHN", "RUS", 1),
    ]
    assert result.edges[0].mean_score == pytest.approx((2.5 + 2.5 - 3.0) / 3)
    assert result.edges[0].by_type == {"ACCUSE": 1, "CONSULT": 2}
    nodes = {n.state: n for n in result.nodes}
    assert {s: (n.degree, n.strength) for s, n in nodes.items()} == {
        "USA": (1, 3),
        "CHN": (2, 4),
        "RUS": (2, 3),
        "IND": (1, 2),
    }
    assert nodes["CHN"].degree_centrality == pytest.approx(2 / 3) and nodes["USA"].degree_centrality == pytest.approx(
        1 / 3
    )
    # On a path a-b-c-d, b and c each lie on 2 of the C(3, 2) = 3 paths between the other nodes; the ends on none.
    assert nodes["CHN"].betweenness == pytest.approx(2 / 3) and nodes["RUS"].betweenness == pytest.approx(2 / 3)
    assert nodes["USA"].betweenness == 0 and nodes["IND"].betweenness == 0
    assert result.nodes[0].state == "CHN"  # by strength


def test_network_filters(network_store: Store) -> None:
    only_2023 = analytics.state_network(network_store, until="2023", count="reports")
    assert {(e.source, e.target): e.weight for e in only_2023.edges}[("IND", "RUS")] == 1
    consult = analytics.state_network(network_store, types=["CONSULT"], count="reports")
    assert [(e.source, e.target, e.weight) for e in consult.edges] == [("CHN", "USA", 2)]
    heavy = analytics.state_network(network_store, min_weight=2, count="reports")
    assert len(heavy.edges) == 2


def test_a_network_is_kept_until_the_store_changes(network_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.analytics import network

    queries: list[str] = []
    real = network._edges
    monkeypatch.setattr(network, "_edges",
                        lambda store, where, states=None: queries.append(where.sql()) or real(store, where, states))
    first = analytics.state_network(network_store, count="reports")
    assert analytics.state_network(network_store, count="reports") == first
    assert len(queries) == 1  # the second call came from the kept network
    among = analytics.state_network(network_store, states=["CHN", "RUS", "IND"], count="reports")
    again = analytics.state_network(network_store, states=["IND", "CHN", "RUS"], count="reports")
    assert len(queries) == 2  # other states: another query; the same states in another order: kept
    assert [(e.source, e.target, e.weight) for e in among.edges] == [("IND", "RUS", 2), ("CHN", "RUS", 1)]
    assert again == among
    analytics.state_network(network_store, until="2023", count="reports")
    assert len(queries) == 3  # another window is another query

    doc = _doc("n8")
    network_store.add([Extraction(doc, events=(event(doc, "AID", ("USA",), ("IND",), "2024-05-01"),))])
    after = analytics.state_network(network_store, count="reports")
    assert len(queries) == 4  # the store changed: asked again
    assert ("IND", "USA", 1) in [(e.source, e.target, e.weight) for e in after.edges]
    assert ("IND", "USA", 1) not in [(e.source, e.target, e.weight) for e in first.edges]


def test_an_in_memory_store_keeps_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(":memory:") as store:
        assert store.stamp() is None


def test_network_among_given_states_only(network_store: Store) -> None:
    among = analytics.state_network(network_store, states=["CHN", "RUS", "IND"], count="reports")
    assert [(e.source, e.target, e.weight) for e in among.edges] == [("IND", "RUS", 2), ("CHN", "RUS", 1)]


def test_an_event_counts_once_for_each_pair_of_states(tmp_path: Path) -> None:
    # [USA, FRA] -> [FRA, USA] names the pair USA-FRA twice; one event, weight 1
    facts = [_one("m1", lambda d: event(d, "AGREE", ("USA", "FRA"), ("FRA", "USA"), "2023-01-01")),
             _one("m2", lambda d: event(d, "AGREE", ("USA", "FRA"), ("RUS",), "2023-01-02"))]  # fmt: skip
    with build(tmp_path / "pairs.duckdb", facts) as store:
        edges = analytics.state_network(store, count="reports").edges
    assert sorted((e.source, e.target, e.weight) for e in edges) == [("FRA", "RUS", 1), ("FRA", "USA", 1),
                                                                      ("RUS", "USA", 1)]  # fmt: skip


def test_betweenness_of_a_star() -> None:
    star = {"hub": {"a", "b", "c"}, "a": {"hub"}, "b": {"hub"}, "c": {"hub"}}
    assert betweenness(star) == {"hub": 1.0, "a": 0.0, "b": 0.0, "c": 0.0}


# --- corroboration ---------------------------------------------------------------------------------------------------


def test_corroboration_counts_documents_and_sources(tmp_path: Path) -> None:
    a, b = _doc("c1", url="http://x.com/1"), Document("c2", "Another text at the same address.", url="http://x.com/1")
    c, d = _doc("c3", url="https://y.org/2", source="Reuters"), _doc("c4")
    facts: list[tuple[Document, list[Event | Measure]]] = [
        (doc, [event(doc, "CONSULT", ("USA",), ("CHN",), "2023-01-05")]) for doc in (a, b, c)
    ]
    facts.append((d, [event(d, "CONSULT", ("CHN",), ("USA",), "2023-01-05"),
                      measure(d, "exports", "CHN", "USA", 5.0, "2022")]))  # fmt: skip
    e = _doc("c5")
    facts.append((e, [measure(e, "exports", "CHN", "USA", 5.0, "2022")]))
    with build(tmp_path / "c.duckdb", facts) as store:
        found = analytics.corroboration(store)
        top = found[0]
        assert (top.type, top.actor, top.recipient, top.date) == ("CONSULT", ["USA"], ["CHN"], "2023-01-05")
        assert (top.records, top.documents, top.sources) == (3, 2, 2)  # two URLs; publishers x.com and Reuters
        assert top.doc_ids == ["c1", "c2", "c3"]
        exports = next(f for f in found if f.kind == "measure")
        assert (exports.value, exports.unit, exports.documents, exports.doc_ids) == (5.0, "USD", 2, ["c4", "c5"])
        assert len(found) == 3
        assert len(analytics.corroboration(store, min_documents=2)) == 2
        assert [f.kind for f in analytics.corroboration(store, kind="events")] == ["event", "event"]
        assert analytics.corroboration(store, state="RUS") == []


def test_events_of_different_contexts_are_different_facts(tmp_path: Path) -> None:
    """Joint drills and a bridge between the same states in the same year are two facts of cooperation, in
    corroboration and in a brief; the drills told by two documents are one."""
    from diplograph.report import brief

    a, b = _doc("d1"), _doc("d2")
    drills = {"context": ("military",)}
    facts: list[tuple[Document, list[Event | Measure]]] = [
        (a, [event(a, "COOPERATE", ("RUS",), ("PRK",), "2014", **drills),
             event(a, "COOPERATE", ("RUS",), ("PRK",), "2014", context=("economic",), id="bridge")]),
        (b, [event(b, "COOPERATE", ("RUS",), ("PRK",), "2014", **drills)]),
    ]  # fmt: skip
    with build(tmp_path / "k.duckdb", facts) as store:
        found = analytics.corroboration(store)
        assert sorted((f.context, f.documents) for f in found) == [(["economic"], 1), (["military"], 2)]
        told = brief(store, "PRK")
        assert sorted(e.context for e in told.events) == [("economic",), ("military",)] and told.event_count == 2


# --- CLI -------------------------------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    from diplograph.cli.analytics import register

    return app_with(register)


def _run(app: typer.Typer, *args: str) -> dict[str, object] | list[object]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_cli_analytics_json(cli: typer.Typer, tmp_path: Path) -> None:
    facts = [
        _one("d1", lambda d: event(d, "CONSULT", ("RUS",), ("PRK",), "2014-05-03", mode="visit")),
        _one("d2", lambda d: event(d, "AID", ("RUS",), ("PRK",), "2014-05-20")),
        _one("d3", lambda d: event(d, "ACCUSE", ("PRK",), ("RUS",), "2014-06")),
        _one("m1", lambda d: measure(d, "exports", "PRK", "CHN", 300, "2014")),
        _one("m2", lambda d: measure(d, "exports", "PRK", "RUS", 100, "2014")),
        _one("m3", lambda d: measure(d, "exports", "PRK", "CHN", 100, "2013")),
    ]
    db = str(tmp_path / "cli.duckdb")
    build(Path(db), facts).close()
    timeline = _run(cli, "timeline", "rus", "prk", "--db", db, "--json")
    assert isinstance(timeline, dict) and timeline["total"] == {
        "events": 3,
        "by_type": {"ACCUSE": 1, "AID": 1, "CONSULT": 1},
        "quads": {"material_cooperation": 1, "verbal_conflict": 1, "verbal_cooperation": 1},
        "mean_score": round((4.0 + 10.0 - 3.0) / 3, 6),
    }
    trend = _run(cli, "trend", "RUS", "PRK", "2014-05", "2014-06", "--db", db, "--json")
    assert isinstance(trend, dict) and trend["score_change"] == -10.0 and trend["direction"] == "worsening"
    conc = _run(cli, "concentration", "PRK", "--period", "2014", "--db", db, "--json")
    assert isinstance(conc, dict) and conc["hhi"] == pytest.approx(0.75**2 + 0.25**2) and conc["top_partner"] == "CHN"
    shift = _run(cli, "shift", "PRK", "2013", "2014", "--db", db, "--json")
    assert isinstance(shift, dict) and shift["shifts"][0]["partner"] == "RUS"  # 0 -> 0.25
    outreach = _run(cli, "outreach", "PRK", "--db", db, "--json")
    assert isinstance(outreach, dict) and outreach["states"] == ["RUS"]
    network = _run(cli, "network", "--db", db, "--json")
    assert isinstance(network, dict) and network["edges"][0]["weight"] == 3
    facts_json = _run(cli, "corroboration", "--db", db, "--json")
    assert isinstance(facts_json, list) and len(facts_json) == 6


def test_cli_text_output_and_errors(cli: typer.Typer, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    build(Path(db), [_one("d1", lambda d: event(d, "AID", ("RUS",), ("PRK",), "2014-05-20"))]).close()
    for args in (["timeline", "RUS", "PRK"], ["trend", "RUS", "PRK", "2013", "2014"], ["concentration", "PRK"],
                 ["shift", "PRK", "2013", "2014"], ["outreach", "RUS"], ["network"], ["corroboration"]):  # fmt: skip
        result = CliRunner().invoke(cli, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
    assert "2014-05" in CliRunner().invoke(cli, ["timeline", "RUS", "PRK", "--db", db]).stdout
    missing = CliRunner().invoke(cli, ["timeline", "RUS", "PRK", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "error: no store at" in missing.stderr
    bad = CliRunner().invoke(cli, ["trend", "RUS", "PRK", "soon", "2014", "--db", db])
    assert bad.exit_code == 1 and bad.stderr.startswith("error: ")
