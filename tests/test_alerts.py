"""Alerts (diplograph.watch.alerts): saved queries that report each new matching fact once, printed, appended to a
JSONL file and POSTed to a webhook; the `alerts` commands; /api/alerts, /api/alerts/hits, /api/watch/status and the
/alerts and /watch pages.

Everything is real: short news texts of our own go through the real extractor into a DuckDB file, webhooks are
POSTed to an http.server on 127.0.0.1, the commands run through CliRunner and the API and pages through FastAPI's
TestClient.
"""

from __future__ import annotations

import io
import json
import re
import socket
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import app_with
from typer.testing import CliRunner

from diplograph.errors import ConfigError, StoreError
from diplograph.model import Document
from diplograph.pipeline import default_extractor
from diplograph.store import Store
from diplograph.watch.alerts import (
    Alert,
    AlertOutputs,
    add_alert,
    check_alerts,
    deliver_all,
    documents_since,
    get_alert,
    list_alerts,
    parse_query,
    parse_since,
    recent_hits,
    record_new_hits,
    remove_alert,
    run_alerts,
)

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

SANCTIONS = Document(id="us-sanctions", text="The United States imposed new sanctions on North Korea on Monday.",
                     published="2025-05-05", source="Harbor Wire", title="New sanctions on North Korea")  # fmt: skip
THREAT = Document(id="prk-threat", text="North Korea threatened South Korea with a missile strike on 3 May 2025.",
                  published="2025-05-03", source="Harbor Wire", title="A missile threat")  # fmt: skip
AID = Document(id="jpn-aid", text="Japan pledged food aid to Nepal.", published="2025-05-04", source="Daily Meridian")
# The same threat told by another outlet: linked to THREAT's incident (same type, parties and day).
THREAT_AGAIN = Document(id="prk-threat-b", published="2025-05-04", source="Daily Meridian",
                        text="On 3 May 2025, North Korea threatened to strike South Korea with missiles.")  # fmt: skip
THREAT_THIRD = Document(id="prk-threat-c", published="2025-05-04", source="Northern Ledger",
                        text="North Korea on 3 May 2025 threatened South Korea with a missile attack.")  # fmt: skip
EU_SANCTIONS = Document(id="eu-sanctions", text="The European Union imposed sanctions on North Korea on 6 May 2025.",
                        published="2025-05-06", source="Northern Ledger")  # fmt: skip
TRADE = Document(id="chn-rus-trade", text="Trade between China and Russia reached $240 billion in 2024.",
                 published="2025-01-10", source="Daily Meridian")  # fmt: skip
PRK_PRESSURE = "type=SANCTION,THREATEN state=PRK"
LINE = re.compile(r'^alert (\S+): (\w+) (\S+) -> (\S+), (\S+): "(.*)" \((\S+)\)')


# --- a real store -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Any:
    return default_extractor()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "alerts.duckdb"


def ingest(path: Path, extractor: Any, *documents: Document) -> list[str]:
    """Store `documents` through the real extractor; the content hashes of those that were new (as the watcher
    hands them to run_alerts)."""
    with Store.open(path) as store:
        known = store.known_hashes(d.hash for d in documents)
        store.add(extractor.extract_documents(list(documents)))
    return [d.hash for d in documents if d.hash not in known]


def run(path: Path, hashes: list[str], outputs: AlertOutputs | None = None) -> list[Any]:
    with Store.open(path) as store:
        return run_alerts(store, hashes, outputs or AlertOutputs())


def save(path: Path, name: str, query: str, kind: str = "events", webhook: str | None = None) -> Alert:
    with Store.open(path) as store:
        return add_alert(store, Alert(name, kind, parse_query(query, kind), webhook))


# --- queries ----------------------------------------------------------------------------------------------------------


def test_a_query_from_key_value_pairs_or_json_is_one_stored_form() -> None:
    pairs = parse_query("type=SANCTION,THREATEN state=prk min_confidence=0.5 text='missile strike'")
    assert pairs == {"state": "PRK", "types": ["SANCTION", "THREATEN"], "text": "missile strike", "min_confidence": 0.5}
    as_json = parse_query('{"types": ["sanction", "THREATEN"], "state": "PRK", "min_confidence": 0.5, '
                          '"text": "missile strike"}')  # fmt: skip
    assert as_json == pairs
    assert parse_query({"type": "SANCTION", "types": ["THREATEN", "SANCTION"]}) == {"types": ["SANCTION", "THREATEN"]}
    assert parse_query("dyad=chn-rus measure=Trade since=2024", "measures") == {
        "dyad": "CHN,RUS", "types": ["trade"], "since": "2024"}  # fmt: skip
    assert parse_query("min_sources=4 country=grc near=37.98,23.73,50", "incidents") == {
        "country": "GRC", "near": "37.98,23.73,50", "min_sources": 4}  # fmt: skip
    assert parse_query("") == {}
    alert = Alert("x", "events", pairs)
    assert parse_query(alert.query_text()) == pairs  # what `alerts list` shows reads back as the same query
    assert alert.filters().types == ("SANCTION", "THREATEN") and alert.filters().state == "PRK"


@pytest.mark.parametrize(
    ("query", "kind", "named"),
    [
        ("typ=AID", "events", "'typ'"),
        ("type=SANCTON", "events", "type: 'SANCTON'"),
        ("types=SANCTION,BLOCKADE", "events", "types: 'BLOCKADE'"),
        ("min_confidence=2", "events", "min_confidence"),
        ("min_confidence=high", "events", "min_confidence"),
        ("since=2025-13", "events", "since"),
        ("until=tomorrow", "events", "until"),
        ("dyad=RUS", "events", "dyad"),
        ("near=33.4,43.3", "events", "near"),
        ("state=P/K", "events", "state"),
        ("state=PRK state=KOR", "events", "state"),
        ("state", "events", "'state'"),
        ("text='unclosed", "events", "query"),
        ("min_sources=2", "events", "min_sources"),
        ("min_sources=0", "incidents", "min_sources"),
        ("min_reports=many", "incidents", "min_reports"),
        ("country=GRC", "measures", "country"),
        ("type=trade,big-deals", "measures", "type: 'big-deals'"),
        ('{"types": 3}', "events", "types"),
        ('{"min_documents": 2.5}', "incidents", "min_documents"),
        ('{"state": ', "events", "JSON"),
        ("state=PRK", "people", "kind"),
    ],
)
def test_a_bad_query_is_a_config_error_naming_the_key(query: str, kind: str, named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_query(query, kind)
    assert named in str(caught.value)


def test_saving_listing_replacing_and_removing_alerts(db: Path) -> None:
    with Store.open(db) as store:
        saved = add_alert(store, Alert("prk-pressure", "events", parse_query(PRK_PRESSURE), "https://hooks.example/a"))
        assert saved.created_at is not None
        add_alert(store, Alert("chn-rus-trade", "measures", {"dyad": "CHN,RUS", "measure": "trade"}))
        assert [a.name for a in list_alerts(store)] == ["chn-rus-trade", "prk-pressure"]
        trade = get_alert(store, "chn-rus-trade")
        assert trade is not None and trade.created_at is not None
        assert (trade.kind, trade.query, trade.webhook) == ("measures", {"dyad": "CHN,RUS", "types": ["trade"]}, None)
        assert get_alert(store, "nothing") is None
        with pytest.raises(ConfigError, match="prk-pressure.*exists"):
            add_alert(store, Alert("prk-pressure", "events", {"state": "KOR"}))
        add_alert(store, Alert("prk-pressure", "events", {"state": "KOR"}), replace=True)
        replaced = get_alert(store, "prk-pressure")
        assert replaced is not None and replaced.query == {"state": "KOR"} and replaced.webhook is None
        for bad, named in ((Alert("no spaces", "events", {}), "name"), (Alert("", "events", {}), "name"),
                           (Alert("x", "events", {}, "ftp://hooks.example/a"), "webhook"),
                           (Alert("x", "everything", {}), "kind")):  # fmt: skip
            with pytest.raises(ConfigError, match=named):
                add_alert(store, bad)
        remove_alert(store, "prk-pressure")
        assert [a.name for a in list_alerts(store)] == ["chn-rus-trade"]
        with pytest.raises(ConfigError, match="no alert named 'prk-pressure'"):
            remove_alert(store, "prk-pressure")
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        add_alert(store, Alert("again", "events", {}))


# --- hits: events, once each ------------------------------------------------------------------------------------------


def test_an_events_alert_fires_once_for_each_new_matching_fact(db: Path, extractor: Any, tmp_path: Path) -> None:
    save(db, "prk-pressure", PRK_PRESSURE)
    printed, jsonl = io.StringIO(), tmp_path / "hits.jsonl"
    outputs = AlertOutputs(print_to=printed, jsonl=jsonl, base_url="http://ui.example:8000/")
    first = run(db, ingest(db, extractor, SANCTIONS, THREAT, AID), outputs)
    assert sorted((h.payload["fact"]["event"], h.payload["document"]["id"]) for h in first) == [
        ("SANCTION", "us-sanctions"), ("THREATEN", "prk-threat")]  # fmt: skip  (Japan's aid is no match)
    lines = printed.getvalue().splitlines()
    assert len(lines) == 2
    parsed = sorted(LINE.match(line).groups() for line in lines)  # type: ignore[union-attr]
    assert parsed == [
        ("prk-pressure", "SANCTION", "USA", "PRK", "2025-05-05", "United States imposed new sanctions on North Korea",
         "us-sanctions"),
        ("prk-pressure", "THREATEN", "PRK", "KOR", "2025-05-03", "North Korea threatened South Korea", "prk-threat"),
    ]  # fmt: skip
    written = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert [w["key"] for w in written] == [h.key for h in first]
    sanction = next(w for w in written if w["fact"]["event"] == "SANCTION")
    assert sanction["alert"] == "prk-pressure" and sanction["kind"] == "events" and sanction["fired_at"].endswith("Z")
    assert sanction["evidence"] == "United States imposed new sanctions on North Korea"
    assert sanction["fact"]["actor"] == ["USA"] and sanction["fact"]["doc_hash"] == SANCTIONS.hash
    fact_id = sanction["fact"]["id"]
    assert sanction["document"] == {
        "id": "us-sanctions", "hash": SANCTIONS.hash, "title": "New sanctions on North Korea", "url": None,
        "link": f"http://ui.example:8000/documents/{SANCTIONS.hash}?fact=e-{fact_id}#e-{fact_id}",
    }  # fmt: skip

    # Run again over the same documents: nothing new; then a new matching story: only its fact fires.
    assert run(db, [SANCTIONS.hash, THREAT.hash, AID.hash], outputs) == []
    later = run(db, ingest(db, extractor, EU_SANCTIONS, TRADE), outputs)
    assert [(h.payload["fact"]["event"], h.payload["fact"]["actor"]) for h in later] == [("SANCTION", ["EU"])]
    assert len(jsonl.read_text("utf-8").splitlines()) == 3
    with Store.open(db) as store:  # a new process, the same rule: everything stored has been reported
        assert check_alerts(store) == []
        assert [h.payload["document"]["id"] for h in recent_hits(store, alert="prk-pressure", limit=1)] == [
            "eu-sanctions"]  # fmt: skip
        assert len(recent_hits(store)) == 3


def test_an_alert_at_a_higher_threshold_and_a_measures_alert(db: Path, extractor: Any) -> None:
    save(db, "strict", f"{PRK_PRESSURE} min_confidence=0.99")
    save(db, "chn-rus-trade", "type=trade dyad=CHN,RUS", kind="measures")
    hits = run(db, ingest(db, extractor, SANCTIONS, THREAT, TRADE))
    assert [(h.alert, h.kind) for h in hits] == [("chn-rus-trade", "measures")]
    trade = hits[0].payload
    assert trade["fact"]["measure"] == "trade" and trade["fact"]["value"] == 240e9
    assert trade["document"]["link"].endswith(f"/documents/{TRADE.hash}?fact=m-{trade['fact']['id']}"
                                              f"#m-{trade['fact']['id']}")  # fmt: skip
    assert hits[0].line().startswith('alert chn-rus-trade: trade CHN -> RUS, 2024: "Trade between China and Russia')


def test_an_incidents_alert_fires_when_a_second_source_reports_the_incident(db: Path, extractor: Any) -> None:
    save(db, "two-sources", "min_sources=2 state=PRK", kind="incidents")
    assert run(db, ingest(db, extractor, THREAT, SANCTIONS)) == []  # one source each
    second = run(db, ingest(db, extractor, THREAT_AGAIN, AID))
    assert len(second) == 1
    body = second[0].payload
    incident = body["fact"]
    assert (incident["event"], incident["actor"], incident["recipient"]) == ("THREATEN", ["PRK"], ["KOR"])
    assert incident["sources"] == ["Daily Meridian", "Harbor Wire"] and incident["reports"] == 2
    assert second[0].key == incident["id"] and body["incident"]["link"].endswith(f"/incidents/{incident['id']}")
    # The report that the new document brought is the one quoted and linked
    assert body["document"]["id"] == "prk-threat-b" and incident["report"]["doc_hash"] == THREAT_AGAIN.hash
    assert "threatened to strike South Korea" in body["evidence"]
    assert "[incident " in second[0].line() and "2 sources]" in second[0].line()
    # A third outlet: the incident has been reported already
    assert run(db, ingest(db, extractor, THREAT_THIRD)) == []


def test_check_alerts_covers_documents_stored_since_a_time(db: Path, extractor: Any) -> None:
    ingest(db, extractor, SANCTIONS, THREAT, AID)
    save(db, "prk-pressure", PRK_PRESSURE)
    with Store.open(db) as store:
        assert documents_since(store, "2999-01-01") == [] and check_alerts(store, since="2999") == []
        assert len(documents_since(store, "1h")) == 3
        assert len(check_alerts(store, since="2d")) == 2
        assert check_alerts(store, since="2d") == []
    now = datetime(2025, 5, 3, 12, 0)
    assert parse_since("6h", now=now) == datetime(2025, 5, 3, 6, 0)
    assert parse_since("1w", now=now) == now - timedelta(weeks=1)
    assert parse_since("2025-05-03T06:30:00+02:00") == datetime(2025, 5, 3, 4, 30)
    assert parse_since("2025-05-03T06:30Z") == datetime(2025, 5, 3, 6, 30)
    assert parse_since("2025-05") == datetime(2025, 5, 1) and parse_since(None) is None
    for bad in ("yesterday", "99999999999w", "0001-01-01T00:00:00+01:00", "1" * 5000 + "d"):
        with pytest.raises(ConfigError, match="since"):
            parse_since(bad)


def test_recording_and_delivering_are_two_steps(db: Path, extractor: Any) -> None:
    """A server records hits on its writer thread and delivers them outside it: recorded hits are not found again,
    and delivering them later prints them."""
    save(db, "prk-pressure", PRK_PRESSURE)
    hashes = ingest(db, extractor, SANCTIONS, AID)
    with Store.open(db) as store:
        found = record_new_hits(store, hashes, base_url="http://ui.example")
        assert [(alert.name, len(hits)) for alert, hits in found] == [("prk-pressure", 1)]
        assert record_new_hits(store, hashes) == [(found[0][0], [])]
        assert len(recent_hits(store)) == 1
    printed = io.StringIO()
    delivered = deliver_all(found, AlertOutputs(print_to=printed))
    assert delivered == found[0][1] and printed.getvalue().startswith("alert prk-pressure: SANCTION USA -> PRK")
    assert delivered[0].payload["document"]["link"].startswith("http://ui.example/documents/")


# --- webhooks ---------------------------------------------------------------------------------------------------------


class Hooks(ThreadingHTTPServer):
    """A webhook receiver on 127.0.0.1: paths under /fail answer 500, the others 204; it keeps what it got."""

    received: list[tuple[str, dict[str, Any]]]


class HookHandler(BaseHTTPRequestHandler):
    server: Hooks

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        assert self.headers.get("Content-Type") == "application/json"
        self.server.received.append((self.path, body))
        self.send_response(500 if self.path.startswith("/fail") else 204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@pytest.fixture()
def receiver() -> Iterator[Hooks]:
    server = Hooks(("127.0.0.1", 0), HookHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_webhooks_receive_each_hit_and_a_failing_one_stops_nothing(db: Path, extractor: Any,
                                                                   receiver: Hooks) -> None:  # fmt: skip
    base = f"http://127.0.0.1:{receiver.server_address[1]}"
    # Alerts run by name: the two failing webhooks come before the working one.
    save(db, "a-server-error", PRK_PRESSURE, webhook=f"{base}/fail?token=s3cret")
    save(db, "b-refused", PRK_PRESSURE, webhook=f"http://127.0.0.1:{closed_port()}/hook")
    save(db, "c-working", PRK_PRESSURE, webhook=f"{base}/hook/c")
    logged: list[str] = []
    outputs = AlertOutputs(base_url="http://ui.example", timeout=3, log=logged.append)
    hits = run(db, ingest(db, extractor, SANCTIONS, THREAT, AID), outputs)
    assert sorted({h.alert for h in hits}) == ["a-server-error", "b-refused", "c-working"] and len(hits) == 6
    assert len(logged) == 2, logged  # one line per failing webhook, not one per hit
    assert logged[0].startswith("alert a-server-error: webhook 127.0.0.1 failed (HTTP 500); 2 hit(s) not posted")
    assert logged[1].startswith("alert b-refused: webhook 127.0.0.1 failed (") and "2 hit(s) not posted" in logged[1]
    assert "s3cret" not in " ".join(logged)
    posted = [body for path, body in receiver.received if path == "/hook/c"]
    assert [path for path, _ in receiver.received].count("/fail?token=s3cret") == 1  # the first try only
    assert sorted(b["fact"]["event"] for b in posted) == ["SANCTION", "THREATEN"]
    threat = next(b for b in posted if b["fact"]["event"] == "THREATEN")
    assert set(threat) == {"alert", "kind", "fact", "evidence", "document"}
    assert threat["alert"] == "c-working" and threat["evidence"] == "North Korea threatened South Korea"
    assert threat["document"]["link"] == (f"http://ui.example/documents/{THREAT.hash}?fact=e-{threat['fact']['id']}"
                                          f"#e-{threat['fact']['id']}")  # fmt: skip
    # Failed deliveries stay recorded: they are not tried again
    assert run(db, [SANCTIONS.hash, THREAT.hash], outputs) == [] and len(logged) == 2


# --- the commands -----------------------------------------------------------------------------------------------------


@pytest.fixture()
def cli() -> typer.Typer:
    from diplograph.cli.alerts import register

    return app_with(register)


def test_the_alerts_commands(cli: typer.Typer, db: Path, extractor: Any, tmp_path: Path) -> None:
    ingest(db, extractor, SANCTIONS, THREAT, AID)
    runner, at = CliRunner(), ["--db", str(db)]
    added = runner.invoke(cli, ["alerts", "add", "prk-pressure", "--query", PRK_PRESSURE,
                                "--webhook", "https://hooks.example/x", *at])  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == "saved alert prk-pressure (events): state=PRK type=SANCTION,THREATEN"
    again = runner.invoke(cli, ["alerts", "add", "prk-pressure", "--query", "state=KOR", *at])
    assert again.exit_code == 1 and "exists" in again.stderr
    bad = runner.invoke(cli, ["alerts", "add", "oops", "--query", "type=SANCTON", *at])
    assert bad.exit_code == 1 and bad.stderr.startswith("error: type: 'SANCTON' is not a PLOVER type")
    assert runner.invoke(cli, ["alerts", "add", "everything", "--kind", "incidents", "--query", "min_sources=2",
                               *at]).exit_code == 0  # fmt: skip
    listed = json.loads(runner.invoke(cli, ["alerts", "list", "--json", *at]).stdout)
    assert [(a["name"], a["kind"], a["query"], a["webhook"]) for a in listed] == [
        ("everything", "incidents", {"min_sources": 2}, None),
        ("prk-pressure", "events", {"state": "PRK", "types": ["SANCTION", "THREATEN"]}, "https://hooks.example/x"),
    ]  # fmt: skip
    assert "state=PRK type=SANCTION,THREATEN" in runner.invoke(cli, ["alerts", "list", *at]).stdout

    # check: prints the hits (the webhook of this alert is not reachable: one line on stderr, the hits stay)
    runner.invoke(cli, ["alerts", "add", "prk-pressure", "--query", PRK_PRESSURE, "--replace", *at])
    jsonl = tmp_path / "hits.jsonl"
    checked = runner.invoke(cli, ["alerts", "check", "--since", "1d", "--jsonl", str(jsonl), *at])
    assert checked.exit_code == 0, checked.output
    assert sorted(checked.stdout.splitlines()) == [
        'alert prk-pressure: SANCTION USA -> PRK, 2025-05-05: "United States imposed new sanctions on North Korea" '
        "(us-sanctions)",
        'alert prk-pressure: THREATEN PRK -> KOR, 2025-05-03: "North Korea threatened South Korea" (prk-threat)',
    ]  # fmt: skip
    assert checked.stderr.strip() == "2 new hits" and len(jsonl.read_text("utf-8").splitlines()) == 2
    assert runner.invoke(cli, ["alerts", "check", *at]).stdout == ""
    shown = runner.invoke(cli, ["alerts", "hits", "--alert", "prk-pressure", "-n", "1", *at]).stdout.splitlines()
    assert len(shown) == 1 and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  alert prk-pressure: ", shown[0])
    as_json = json.loads(runner.invoke(cli, ["alerts", "hits", "--json", *at]).stdout)
    assert len(as_json) == 2 and {h["document"]["id"] for h in as_json} == {"us-sanctions", "prk-threat"}
    bad_since = runner.invoke(cli, ["alerts", "check", "--since", "soon", *at])
    assert bad_since.exit_code == 1 and "since" in bad_since.stderr

    removed = runner.invoke(cli, ["alerts", "remove", "prk-pressure", *at])
    assert removed.exit_code == 0 and removed.stdout.strip() == "removed alert prk-pressure"
    assert runner.invoke(cli, ["alerts", "remove", "prk-pressure", *at]).exit_code == 1
    assert json.loads(runner.invoke(cli, ["alerts", "hits", "--json", *at]).stdout) == []  # its hits went with it
    missing = runner.invoke(cli, ["alerts", "list", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store at" in missing.stderr


# --- the API and the pages --------------------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & "quoted"'


@pytest.fixture()
def served(db: Path, extractor: Any) -> Iterator[Any]:
    """A store with three alerts and their hits, and two watched sources (written as the watcher writes them)."""
    from fastapi.testclient import TestClient

    from diplograph.web import create_app

    save(db, "prk-pressure", PRK_PRESSURE, webhook="https://hooks.example.org/services/T000/SECRET")
    save(db, "two-sources", "min_sources=2", kind="incidents")
    save(db, "quiet", "state=FRA")
    run(db, ingest(db, extractor, SANCTIONS, THREAT, AID))
    run(db, ingest(db, extractor, THREAT_AGAIN))
    with Store.open(db) as store:
        store.connection.executemany(
            "INSERT INTO watch_sources VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
            [["https://news.example/feed.xml", "feed", "2025-05-05 10:00:00", "2025-05-05 10:00:00",
              "2025-05-05 10:15:00", 0, 12, 3, 0, None],
             ["https://down.example/rss", "feed", "2025-05-05 10:01:00", None, "2025-05-05 10:31:00", 3, 0, 0, 3,
              HOSTILE]],
        )  # fmt: skip
    with TestClient(create_app(db, read_only=True)) as client:
        yield client


def test_the_api_lists_alerts_hits_and_the_watch_status(served: Any) -> None:
    spec = served.get("/openapi.json").json()
    for path in ("/api/alerts", "/api/alerts/hits", "/api/watch/status"):
        assert "get" in spec["paths"][path], path
    alerts = served.get("/api/alerts").json()
    assert alerts["count"] == 3 and [a["name"] for a in alerts["items"]] == ["prk-pressure", "quiet", "two-sources"]
    pressure = alerts["items"][0]
    assert pressure["webhook_host"] == "hooks.example.org" and "SECRET" not in json.dumps(alerts)
    assert (pressure["hits"], pressure["query"], pressure["query_text"]) == (
        3, {"state": "PRK", "types": ["SANCTION", "THREATEN"]}, "state=PRK type=SANCTION,THREATEN")  # fmt: skip
    assert alerts["items"][1]["hits"] == 0 and alerts["items"][1]["last_hit"] is None

    hits = served.get("/api/alerts/hits").json()
    assert hits["count"] == 4
    assert [h["document"]["id"] for h in hits["items"]][:2] in (["prk-threat-b", "prk-threat-b"],)  # newest first
    assert {h["alert"] for h in hits["items"][:2]} == {"prk-pressure", "two-sources"}
    one = served.get("/api/alerts/hits", params={"alert": "two-sources", "limit": 5, "since": "1d"}).json()
    assert one["count"] == 1 and one["items"][0]["kind"] == "incidents" and one["items"][0]["incident"]["id"]
    assert served.get("/api/alerts/hits", params={"limit": 1}).json()["count"] == 1
    assert served.get("/api/alerts/hits", params={"since": "2999-01-01"}).json()["count"] == 0
    bad = served.get("/api/alerts/hits", params={"since": "soon"})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")
    assert "since" in bad.json()["detail"]
    assert served.get("/api/alerts/hits", params={"limit": 0}).status_code == 422

    status = served.get("/api/watch/status").json()
    assert status["count"] == 2
    down = next(s for s in status["items"] if s["source"] == "https://down.example/rss")
    assert down == {"source": "https://down.example/rss", "kind": "feed", "last_fetch": "2025-05-05T10:01:00Z",
                    "last_ok": None, "next_due": "2025-05-05T10:31:00Z", "failures": 3, "items_seen": 0,
                    "documents_added": 0, "errors": 3, "last_error": HOSTILE}  # fmt: skip


def test_the_alerts_and_watch_pages(served: Any) -> None:
    page = served.get("/alerts")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert '<a href="/alerts" aria-current="page">Alerts</a>' in text and '<a href="/watch">Watch</a>' in text
    assert "state=PRK type=SANCTION,THREATEN" in text and "hooks.example.org" in text and "SECRET" not in text
    assert text.count('<tr>') == 3 + 1 + 4 + 1  # alerts and hits, each with its header row
    assert f'href="/documents/{THREAT_AGAIN.hash}?fact=e-' in text  # each hit links to its fact in its document
    assert 'href="/incidents/' in text and 'href="/alerts?alert=two-sources"' in text
    assert "North Korea threatened to strike South Korea" in text

    one = served.get("/alerts", params={"alert": "two-sources"}).text
    assert "Recent hits of two-sources" in one and one.count('href="/incidents/') == 1
    assert '<a href="/alerts?alert=two-sources" aria-current="true">' in one
    assert "No hits yet." in served.get("/alerts", params={"alert": "quiet"}).text

    watch = served.get("/watch")
    assert watch.status_code == 200 and '<a href="/watch" aria-current="page">Watch</a>' in watch.text
    assert "https://news.example/feed.xml" in watch.text and "never" in watch.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;" in watch.text
    assert "<script>" not in watch.text


def test_empty_pages_say_so(tmp_path: Path, extractor: Any) -> None:
    from fastapi.testclient import TestClient

    from diplograph.web import create_app

    path = tmp_path / "empty.duckdb"
    ingest(path, extractor, AID)
    with TestClient(create_app(path, read_only=True)) as client:
        assert "No alerts saved." in client.get("/alerts").text
        assert "No sources watched yet." in client.get("/watch").text
        assert client.get("/api/alerts").json() == {"items": [], "count": 0}
        assert client.get("/api/watch/status").json() == {"items": [], "count": 0}
