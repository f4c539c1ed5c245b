"""The JSON API against a real uvicorn server on 127.0.0.1 and a real DuckDB file.

The store holds the seed article (ingested with the real extractor, published 2015-04-30) and a hostile
document whose text, title and id carry `<script>` and `onerror=` payloads. Clients are httpx over TCP.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from diplograph import analytics
from diplograph.ingest import read_sources
from diplograph.model import Document
from diplograph.output import CSV_COLUMNS
from diplograph.store import Store
from diplograph.web import create_app
from diplograph.web.testing import build_store, hostile_document, serve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
TOKEN = "test-token-7f3a9c-e1"
PROBLEM = "application/problem+json"
PUBLISHED = "2015-04-30"
NEWS_STORIES = 8

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"the seed article is not beside the repository ({SEED})")


def seed_document() -> Document:
    documents = [d for d in read_sources([SEED], published="2015-04-30") if isinstance(d, Document)]
    assert len(documents) == 1
    return documents[0]


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    result = build_store(path, [seed_document(), hostile_document()])
    assert result.documents_added == 2
    return path


@pytest.fixture(scope="module")
def pristine(db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the store before any test writes to it (for expectations and the read-only server)."""
    copy = tmp_path_factory.mktemp("pristine") / "store.duckdb"
    shutil.copy(db_file, copy)
    return copy


@pytest.fixture(scope="module")
def base_url(db_file: Path, pristine: Path) -> Iterator[str]:
    with serve(create_app(db_file, token=TOKEN, writes_per_minute=600)) as url:
        yield url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def expected(pristine: Path) -> dict[str, Any]:
    """What the library says about the stored seed, to compare the API with."""
    with Store.open(pristine, read_only=True) as store:
        return {
            "events": store.events(),
            "rus_prk": store.events(dyad=("RUS", "PRK")),
            "timeline": analytics.dyad_timeline(store, "RUS", "PRK").to_dict(),
            "seed": store.document("north-korea-new-diplomacy"),
            "hostile": store.document(hostile_document().id),
        }


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx.Response, *statuses: int) -> dict[str, Any]:
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == response.status_code and body["title"] and body["detail"] and body["type"]
    return body


def wait_for(client: httpx.Client, job_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


# --- reads ----------------------------------------------------------------------------------------------------------


def test_openapi_is_published(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/measures", "/api/states", "/api/states/{code}/brief", "/api/documents/{doc}",
                 "/api/dyads/{a}/{b}/timeline", "/api/analytics/network", "/api/ingest", "/api/documents"):  # fmt: skip
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/ingest"]


def test_events_match_the_library(client: httpx.Client, expected: dict[str, Any]) -> None:
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["count"] == len(expected["events"]) and body["next_cursor"] is None
    assert sorted(i["id"] for i in body["items"]) == sorted(e.id for e in expected["events"])
    dyad = client.get("/api/events", params={"dyad": "RUS,PRK", "limit": 1000}).json()["items"]
    assert sorted(i["id"] for i in dyad) == sorted(e.id for e in expected["rus_prk"])
    assert dyad and all({"RUS", "PRK"} <= set(i["actor"]) | set(i["recipient"]) for i in dyad)


@pytest.fixture(scope="module")
def news_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A second store: the seed and the first news stories of the corpus. The seed's facts are all confident;
    news stories leave candidates below the threshold."""
    stories = tmp_path_factory.mktemp("news") / "news.jsonl"
    lines = (SHARED / "corpus" / "voa-stories.jsonl").read_text(encoding="utf-8").splitlines()[:NEWS_STORIES]
    stories.write_text("\n".join(lines) + "\n", encoding="utf-8")
    news = [d for d in read_sources([stories]) if isinstance(d, Document)]
    path = stories.parent / "store.duckdb"
    build_store(path, [seed_document(), *news])
    with serve(create_app(path, token=TOKEN)) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


def test_min_confidence_on_every_reader(news_client: httpx.Client) -> None:
    """The default threshold applies everywhere; ?min_confidence= changes it (0: every stored candidate)."""
    from diplograph.confidence import default_threshold, passes

    client = news_client
    shown = client.get("/api/events", params={"limit": 1000}).json()["items"]
    every = client.get("/api/events", params={"limit": 1000, "min_confidence": 0}).json()["items"]
    assert len(shown) < len(every)
    assert all(i["confidence"] >= default_threshold() for i in shown)
    # a story's domestic events have a threshold of their own (confidence.is_domestic)
    assert {i["id"] for i in shown} == {i["id"] for i in every if passes(i, None)}
    high = client.get("/api/events", params={"limit": 1000, "min_confidence": 0.99}).json()["items"]
    assert len(high) <= len(shown)
    states = {s["code"]: s for s in client.get("/api/states", params={"min_confidence": 0}).json()["items"]}
    assert states["PRK"]["events"] >= {s["code"]: s for s in client.get("/api/states").json()["items"]}["PRK"][
        "events"]
    brief_all = client.get("/api/states/PRK/brief", params={"min_confidence": 0}).json()
    brief = client.get("/api/states/PRK/brief").json()
    assert brief_all["event_total"] >= brief["event_total"] > 0
    timeline = client.get("/api/dyads/RUS/PRK/timeline", params={"min_confidence": 0}).json()
    assert timeline["total"]["events"] >= client.get("/api/dyads/RUS/PRK/timeline").json()["total"]["events"]
    network = client.get("/api/analytics/network", params={"min_confidence": 0})
    assert network.status_code == 200
    for bad in ("2", "-1", "lots"):
        assert_problem(client.get("/api/events", params={"min_confidence": bad}), 400, 422)


def test_the_document_page_hides_candidates_below_the_threshold(news_client: httpx.Client) -> None:
    every = news_client.get("/api/events", params={"limit": 1000, "min_confidence": 0}).json()["items"]
    shown = {i["id"] for i in news_client.get("/api/events", params={"limit": 1000}).json()["items"]}
    hidden = [i for i in every if i["id"] not in shown]
    assert hidden
    doc = hidden[0]["doc_hash"]
    page = news_client.get(f"/documents/{doc}")
    assert page.status_code == 200 and "below the confidence threshold" in page.text
    everything = news_client.get(f"/documents/{doc}", params={"all": "true"})
    assert "Every candidate is shown" in everything.text
    assert everything.text.count("<details><summary>Record") > page.text.count("<details><summary>Record")


def test_event_filters(client: httpx.Client) -> None:
    def items(**params: Any) -> list[dict[str, Any]]:
        response = client.get("/api/events", params={"limit": 1000, **params})
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert all("RUS" in i["actor"] for i in items(actor="RUS")) and items(actor="RUS")
    assert all("PRK" in i["recipient"] for i in items(recipient="PRK")) and items(recipient="PRK")
    aid = items(type="AID")
    assert aid and all(i["event"] == "AID" for i in aid)
    both = items(type=["AID", "AGREE"])
    assert {i["event"] for i in both} == {"AID", "AGREE"}
    assert items(type="AID,AGREE") == both
    dated = items(since="2014", until="2014-12")
    assert dated and all(i["date"] and i["date"][:4] <= "2014" for i in dated)
    debt = items(text="FORGIVE")
    assert debt and all("forgive" in " ".join(e["text"] for e in i["evidence"]).lower() for i in debt)
    by_doc = items(doc="north-korea-new-diplomacy")
    assert by_doc and all(i["doc"] == "north-korea-new-diplomacy" for i in by_doc)
    by_hash = items(doc=by_doc[0]["doc_hash"])
    assert [i["id"] for i in by_hash] == [i["id"] for i in by_doc]
    assert items(state="ZZZ") == []


def test_cursor_pagination_walks_everything_once(client: httpx.Client) -> None:
    for order in ("asc", "desc"):
        full = client.get("/api/events", params={"limit": 1000, "order": order}).json()["items"]
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params: dict[str, Any] = {"limit": 3, "order": order}
            if cursor:
                params["cursor"] = cursor
            response = client.get("/api/events", params=params)
            body = response.json()
            seen += [f"{i['doc_hash']}/{i['id']}" for i in body["items"]]
            cursor = body["next_cursor"]
            pages += 1
            if not cursor:
                assert "link" not in response.headers
                break
            assert 'rel="next"' in response.headers["link"]
        assert seen == [f"{i['doc_hash']}/{i['id']}" for i in full]
        assert len(set(seen)) == len(seen) and pages > 3
    dated = [i["date"] for i in full if i["date"]]
    assert dated[0] >= dated[-1]  # desc: latest first


def test_cursor_from_another_listing_is_refused(client: httpx.Client) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    assert_problem(client.get("/api/events", params={"cursor": cursor, "order": "desc"}), 400)
    assert_problem(client.get("/api/measures", params={"cursor": cursor}), 400)
    assert_problem(client.get("/api/events", params={"cursor": "not-a-cursor"}), 400)
    assert_problem(client.get("/api/events", params={"cursor": "WyJldmVudHMiLCJhc2MiLDEsMiwzLDRd"}), 400)


def test_csv_export(client: httpx.Client, expected: dict[str, Any]) -> None:
    response = client.get("/api/events", params={"format": "csv", "limit": 1000})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    header = response.text.splitlines()[0]
    assert header == ",".join(CSV_COLUMNS)  # the same columns as `diplograph events --format csv`
    assert len(rows) == len(expected["events"])
    assert {r["id"] for r in rows} == {e.id for e in expected["events"]}
    assert all(r["kind"] == "event" and r["type"] and r["evidence"] for r in rows)
    measures = client.get("/api/measures", params={"format": "csv"})
    assert measures.status_code == 200 and measures.text.splitlines()[0] == header
    measure_rows = list(csv.DictReader(io.StringIO(measures.text)))
    assert measure_rows and all(r["kind"] == "measure" and r["value"] and r["unit"] for r in measure_rows)


def test_measures(client: httpx.Client) -> None:
    items = client.get("/api/measures", params={"state": "PRK"}).json()["items"]
    assert items and all(i["kind"] == "measure" for i in items)
    assert all("PRK" in i["actor"] + i["recipient"] for i in items)
    trade = client.get("/api/measures", params={"measure": "trade"}).json()["items"]
    assert all(i["measure"] == "trade" for i in trade)


def test_states_brief_partners_and_timeline(client: httpx.Client, expected: dict[str, Any]) -> None:
    states = {s["code"]: s for s in client.get("/api/states").json()["items"]}
    assert {"PRK", "RUS", "CHN"} <= set(states)
    assert states["PRK"]["name"] == "North Korea" and states["PRK"]["events"] > 0
    brief = client.get("/api/states/PRK/brief").json()
    assert brief["counts"] == states["PRK"]
    assert "RUS" in {p.get("state") or p.get("code") for p in brief["partners"]}
    assert brief["timeline"] and brief["outreach"]
    assert_problem(client.get("/api/states/ZZZ/brief"), 404)
    assert client.get("/api/dyads/RUS/PRK/timeline").json() == expected["timeline"]
    trend = client.get("/api/dyads/RUS/PRK/trend", params={"first": "2012", "second": "2014"})
    assert trend.status_code == 200 and trend.json()["direction"] in ("improving", "worsening", "stable", "unknown")


def test_one_states_counts_match_the_list_of_every_state(pristine: Path) -> None:
    from diplograph.query import facts as query_facts

    with Store.open(pristine, read_only=True) as store:
        every = query_facts.states(store)
        assert len(every) > 5 and any(s["as_actor"] and s["as_recipient"] for s in every)
        assert [query_facts.state_counts(store, s["code"]) for s in every] == every
        assert query_facts.state_counts(store, "ZZZ") is None


def test_analytics_endpoints(client: httpx.Client) -> None:
    network = client.get("/api/analytics/network").json()
    assert network["nodes"] and network["edges"]
    outreach = client.get("/api/analytics/outreach", params={"state": "PRK"})
    assert outreach.status_code == 200 and outreach.json()["subject"] == "PRK"
    assert_problem(client.get("/api/analytics/outreach"), 400)
    corroboration = client.get("/api/analytics/corroboration", params={"state": "RUS"}).json()
    assert corroboration["items"] and all(f["documents"] >= 1 for f in corroboration["items"])
    assert client.get("/api/analytics/concentration/PRK", params={"measure": "exports"}).status_code == 200
    shift = client.get("/api/analytics/shift/PRK", params={"first": "2013", "second": "2014"})
    assert shift.status_code == 200


def test_document_with_facts_and_spans(client: httpx.Client, expected: dict[str, Any]) -> None:
    seed = expected["seed"]
    for key in (seed.id, seed.hash):
        body = client.get(f"/api/documents/{key}").json()
        text = body["document"]["text"]
        assert text == seed.text and body["document"]["hash"] == seed.hash
        assert body["events"] and body["measures"] and body["mentions"]
        for record in body["events"] + body["measures"]:
            for ev in record["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["text"]
    listing = client.get("/api/documents").json()["items"]
    assert {d["id"] for d in listing} == {seed.id, expected["hostile"].id}
    assert_problem(client.get("/api/documents/no-such-document"), 404)


@pytest.mark.parametrize(
    "value",
    [
        "' OR 1=1 --",
        "RUS'); DROP TABLE events; --",
        '" OR ""="',
        "%",
        "_",
        "\\",
        "*/ SELECT * FROM documents /*",
        "RUS\u0000PRK",
        "Россия 北朝鮮 🚀",
        "<script>alert(1)</script>",
        "x" * 400,
    ],
)
def test_injection_strings_are_only_values(client: httpx.Client, value: str, expected: dict[str, Any]) -> None:
    for param in ("actor", "recipient", "state", "text", "doc", "type"):
        response = client.get("/api/events", params={param: value})
        assert response.status_code == 200, (param, response.text)
        items = response.json()["items"]
        if param == "text":  # a literal search: '%' finds "90%", never every row
            assert all(value.lower() in " ".join(e["text"] for e in i["evidence"]).lower() for i in items)
            assert len(items) < len(expected["events"])
        else:
            assert items == []
    response = client.get("/api/measures", params={"measure": value, "text": value})
    assert response.status_code == 200 and response.json()["items"] == []
    assert client.get("/api/events", params={"dyad": f"{value},PRK"}).status_code in (200, 400, 422)
    for param in ("since", "until"):
        assert_problem(client.get("/api/events", params={param: value}), 400, 422)
    assert client.get("/search", params={"q": value}).status_code == 200
    total = client.get("/api/stats").json()
    assert total["events"] >= len(expected["events"])  # every table still there


def test_bad_parameters_are_problem_details(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/events", params={"limit": 0}), 422)
    assert body["errors"]
    assert_problem(client.get("/api/events", params={"limit": 1001}), 422)
    assert_problem(client.get("/api/events", params={"format": "xml"}), 422)
    assert_problem(client.get("/api/events", params={"since": "2014-13"}), 400)
    assert_problem(client.get("/api/events", params={"dyad": "RUS"}), 400)
    assert_problem(client.get("/api/nowhere"), 404)
    assert_problem(client.delete("/api/events"), 405)


def test_security_headers(client: httpx.Client) -> None:
    for path in ("/", "/api/stats", "/states/PRK", "/api/nowhere"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


# --- the hostile document --------------------------------------------------------------------------------------------


def test_hostile_document_is_escaped_everywhere(client: httpx.Client, expected: dict[str, Any]) -> None:
    hostile = expected["hostile"]
    body = client.get(f"/api/documents/{hostile.hash}").json()
    assert body["document"]["text"] == hostile.text  # JSON carries the text as it is
    pages = [
        f"/documents/{hostile.hash}",
        f"/documents/{hostile.hash}?fact=" + (("e-" + body["events"][0]["id"]) if body["events"] else ""),
        "/documents",
        "/",
        "/search?q=North",
        "/search?q=script",
        "/events",
        f"/events?doc={hostile.hash}",
        "/states/PRK",
        "/states/CHN",
        "/dyads/CHN/PRK",
        "/dyads/USA/PRK",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        for payload in ("<script>window.__pwned", "<img src=x onerror", "<svg onload", "<b>evil</b>",
                        'href="javascript:', "<script>alert"):  # fmt: skip
            assert payload not in html, (path, payload)
        assert "<script" not in html.lower(), path
    page = client.get(f"/documents/{hostile.hash}").text
    assert "&lt;script&gt;window.__pwned" in page and "onerror=&quot;window.__pwned" in page
    assert "&lt;img src=x onerror=" in page  # the title, as text


# --- writes ----------------------------------------------------------------------------------------------------------


def test_writes_without_the_token_are_refused(client: httpx.Client) -> None:
    doc = {"text": "Russia sent aid to North Korea in 2016.", "id": "unauthorised"}
    for headers in (
        {},
        auth("wrong"),
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
        auth(TOKEN + "x"),
    ):
        response = client.post("/api/documents", json=doc, headers=headers)
        assert_problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert_problem(client.post("/api/ingest", content=b"Russia sent aid.", headers=headers), 401)
    assert client.get("/api/events", params={"doc": "unauthorised"}).json()["items"] == []


def test_post_a_document_with_the_token(client: httpx.Client) -> None:
    doc = {
        "id": "posted-aid",
        "text": "In March 2016 Russia sent food aid to North Korea, the ministry said.",
        "published": "2016-04-02",
        "title": "Aid",
        "url": "https://example.org/aid",
    }
    response = client.post("/api/documents", json=doc, headers=auth(), params={"wait": "true"})
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["status"] == "done" and job["documents_added"] == 1 and job["events_added"] >= 1
    assert response.headers["location"] == f"/api/jobs/{job['id']}"
    events = client.get("/api/events", params={"doc": "posted-aid"}).json()["items"]
    assert any(e["event"] == "AID" and e["actor"] == ["RUS"] and e["recipient"] == ["PRK"] for e in events)
    again = client.post("/api/documents", json=doc, headers=auth(), params={"wait": "true"}).json()
    assert again["documents_added"] == 0 and again["documents_skipped"] == 1
    assert_problem(client.post("/api/documents", json={"text": ""}, headers=auth()), 422)
    assert_problem(client.post("/api/documents", json={"text": "x", "published": "soon"}, headers=auth()), 400)
    assert_problem(client.post("/api/documents", content=b"{not json", headers=auth()), 422)


def test_post_a_corpus_file_with_the_token(client: httpx.Client) -> None:
    lines = [
        {"id": "corpus-1", "text": "In May 2017 China signed an agreement with Russia.", "published": "2017-05-20"},
        {"id": "corpus-2", "text": "Japan accused North Korea of firing a missile in August 2017.", "published": None},
    ]
    raw = "\n".join(json.dumps(line) for line in lines).encode() + b"\n{broken\n"
    response = client.post("/api/ingest", params={"filename": "feed.jsonl"}, content=raw, headers=auth())
    assert response.status_code == 202, response.text
    job = wait_for(client, response.json()["id"])
    assert job["status"] == "done" and job["documents_added"] == 2
    assert len(job["problems"]) == 1 and "line 3" in job["problems"][0]["origin"] + job["problems"][0]["problem"]
    assert client.get("/api/events", params={"doc": "corpus-2"}).json()["items"]
    gz = client.post("/api/ingest", params={"filename": "more.txt.gz", "published": "2018-01-05", "wait": True},
                     content=gzip.compress(b"Germany criticised Russia on Monday."), headers=auth())  # fmt: skip
    assert gz.status_code == 200 and gz.json()["documents_added"] == 1
    sniffed = client.post("/api/ingest", params={"wait": True}, content=b"France hosted Italy's president.",
                          headers=auth())  # fmt: skip
    assert sniffed.status_code == 200 and sniffed.json()["document_ids"] == ["upload"]
    assert_problem(client.post("/api/ingest", params={"filename": "x.exe"}, content=b"MZ", headers=auth()), 400)
    assert_problem(client.post("/api/ingest", content=b"", headers=auth()), 400)
    assert_problem(client.post("/api/ingest", params={"filename": "a.jsonl"}, content=b"{bad\n", headers=auth()), 422)


def test_the_server_never_reads_a_named_path_or_fetches_a_url(client: httpx.Client) -> None:
    # A file name is only a name: the posted bytes are what gets read, never /etc/hostname.
    response = client.post("/api/ingest", params={"filename": "/etc/hostname.txt", "wait": True},
                           content=b"Spain thanked Portugal for its help.", headers=auth())  # fmt: skip
    assert response.status_code == 200
    stored = client.get("/api/documents/hostname").json()["document"]
    assert stored["text"] == "Spain thanked Portugal for its help." and stored["origin"] == "upload:hostname.txt"
    # A document's url is metadata: nothing connects to it.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    try:
        doc = {"text": "Canada praised Mexico on trade.", "url": f"http://127.0.0.1:{port}/article"}
        assert client.post("/api/documents", json=doc, headers=auth(), params={"wait": True}).status_code == 200
        html = client.post("/api/ingest", params={"filename": "page.html", "wait": True}, headers=auth(),
                           content=f'<html><body><img src="http://127.0.0.1:{port}/x.png"><p>Chile thanked '
                                   f'Peru.</p></body></html>'.encode())  # fmt: skip
        assert html.status_code in (200, 422)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_body_size_limit(client: httpx.Client) -> None:
    big = b"a" * (10 * 1024 * 1024 + 1)
    assert_problem(client.post("/api/ingest", params={"filename": "big.txt"}, content=big, headers=auth()), 413)


def test_reads_succeed_during_an_ingest(client: httpx.Client) -> None:
    """A corpus of 120 documents is ingested in the background; reads go on while it runs and see its batches.
    (120, not 40: since extraction parses only what can hold a fact, 40 went by before eight reads could.)"""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if len(p) > 200]
    lines = [
        json.dumps(
            {"id": f"bulk-{n}", "text": f"{paragraphs[n % len(paragraphs)]} (Copy {n}.)", "published": PUBLISHED}
        )
        for n in range(120)
    ]
    before = client.get("/api/stats").json()["documents"]
    response = client.post("/api/ingest", params={"filename": "bulk.jsonl"}, content="\n".join(lines).encode(),
                           headers=auth())  # fmt: skip
    assert response.status_code == 202
    job_id = response.json()["id"]
    deadline = time.monotonic() + 60
    while client.get(f"/api/jobs/{job_id}").json()["status"] == "queued":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    reads, counts, slowest = 0, [], 0.0
    while client.get(f"/api/jobs/{job_id}").json()["status"] == "running":
        for path, params in (("/api/events", {"state": "PRK", "limit": 50}), ("/api/stats", {}), ("/states/PRK", {}),
                             ("/api/documents", {"limit": 5})):  # fmt: skip
            started = time.monotonic()
            answer = client.get(path, params=params)
            slowest = max(slowest, time.monotonic() - started)
            assert answer.status_code == 200, (path, answer.text)
            reads += 1
            if path == "/api/stats":
                counts.append(answer.json()["documents"])
    job = wait_for(client, job_id)
    assert job["status"] == "done" and job["documents_added"] == 120
    assert reads >= 8, f"only {reads} reads happened while the ingest ran"
    assert slowest < 5.0
    assert counts == sorted(counts) and counts[0] >= before  # batches show up as they commit
    assert client.get("/api/stats").json()["documents"] == before + 120


def test_read_only_server_refuses_writes_and_limits_their_rate(pristine: Path, tmp_path: Path) -> None:
    copy = tmp_path / "readonly.duckdb"
    shutil.copy(pristine, copy)
    app = create_app(copy, writes_per_minute=3)
    with serve(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert client.get("/api/stats").json()["documents"] == 2
        statuses, details = [], []
        for _ in range(5):
            response = client.post("/api/documents", json={"text": "Russia sent aid."}, headers=auth())
            statuses.append(response.status_code)
            details.append(response.json()["detail"])
            assert response.headers["content-type"].startswith(PROBLEM)
        assert statuses == [401, 401, 401, 429, 429]
        assert "read-only" in details[0]
        limited = client.post("/api/ingest", content=b"x")
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert client.get("/states/PRK").status_code == 200


def test_writes_waiting_for_their_job_hold_no_query_thread(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from diplograph.web import app as web_app

    monkeypatch.setattr(web_app, "QUERY_THREADS", 1)  # one worker thread: a blocked one would stop every read
    copy = tmp_path / "waiting.duckdb"
    shutil.copy(pristine, copy)
    corpus = "".join(json.dumps({"id": f"slow-{n}", "text": f"Kenya sent {n} tons of food aid to Somalia. " * 40})
                     + "\n" for n in range(50)).encode()  # fmt: skip
    with serve(create_app(copy, token=TOKEN, writes_per_minute=600)) as url, \
            httpx.Client(base_url=url, timeout=120) as client, ThreadPoolExecutor(3) as pool:  # fmt: skip
        slow = client.post("/api/ingest", content=corpus, params={"filename": "slow.jsonl"}, headers=auth())
        assert slow.status_code == 202  # queued: the waiting posts below run after it
        posts = [pool.submit(client.post, "/api/documents", json={"text": f"Chad thanked Niger {n}."},
                             headers=auth(), params={"wait": "true"}) for n in range(3)]  # fmt: skip
        time.sleep(0.5)
        began = time.monotonic()
        assert client.get("/api/stats").status_code == 200
        answered = time.monotonic()
        still_waiting = sum(not p.done() for p in posts)
        assert all(p.result().status_code == 200 for p in posts)
    assert answered - began < 2.0
    assert still_waiting == 3  # the read was answered while the writes still waited for their jobs


def test_identical_reads_at_once_run_one_query(base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from diplograph.query import facts as query_facts

    calls: list[float] = []
    real = query_facts.page_facts

    def slow_page(*args: Any, **kwargs: Any) -> Any:
        calls.append(time.monotonic())
        time.sleep(0.5)  # long enough for the other requests to arrive while this one runs
        return real(*args, **kwargs)

    monkeypatch.setattr(query_facts, "page_facts", slow_page)
    query = {"state": "RUS", "limit": "7"}  # asked nowhere else: not cached yet
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda _: httpx.get(f"{base_url}/api/events", params=query, timeout=30), range(6)))
    assert [a.status_code for a in answers] == [200] * 6
    assert len({a.content for a in answers}) == 1
    assert len(calls) == 1


def test_read_cache_answers_again_until_a_write_commits(client: httpx.Client) -> None:
    query = {"state": "MNG", "limit": "100"}
    before = client.get("/api/events", params=query)
    assert before.status_code == 200 and client.get("/api/events", params=query).json() == before.json()
    assert before.headers.get("content-security-policy")  # cached or not, the security headers are sent
    doc = {"text": "Mongolia signed a trade agreement with Kazakhstan in March 2019.", "id": "cache-check",
           "published": "2019-03-20"}
    assert client.post("/api/documents", json=doc, headers=auth(), params={"wait": "true"}).status_code == 200
    after = client.get("/api/events", params=query).json()
    assert after != before.json()  # the write committed, so the cached answer was not reused
    assert any(e.get("doc") == "cache-check" for e in after.get("items", after.get("events", [])))


def test_slow_briefs_do_not_hold_up_pages(pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from diplograph.web import api, cache

    monkeypatch.setattr(cache, "CORES", 2)  # two turns for pages, one lane for long queries
    real = api.state_brief

    def slow_brief(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "state_brief", slow_brief)
    copy = tmp_path / "briefs.duckdb"
    shutil.copy(pristine, copy)
    with serve(create_app(copy)) as url, httpx.Client(base_url=url, timeout=60) as client, \
            ThreadPoolExecutor(4) as pool:  # fmt: skip
        cached = {"state": "PRK", "limit": "3"}
        assert client.get("/api/events", params=cached).status_code == 200
        briefs = [pool.submit(client.get, f"/api/states/{code}/brief") for code in ("PRK", "RUS", "CHN", "JPN")]
        time.sleep(0.3)  # the briefs have started or wait for their lane
        began = time.monotonic()
        fresh = client.get("/api/events", params={"state": "RUS", "limit": "2"})
        again = client.get("/api/events", params=cached)
        answered = time.monotonic() - began
        still_running = sum(not b.done() for b in briefs)
        assert fresh.status_code == 200 and again.status_code == 200
        assert {b.result().status_code for b in briefs} <= {200, 404}
    assert still_running >= 3 and answered < 1.0  # pages were answered while the briefs queued for their lane


def test_answers_from_memory_take_turns_with_queries(
    pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from diplograph.query import facts as query_facts
    from diplograph.web import cache

    monkeypatch.setattr(cache, "CORES", 1)  # one turn at a time
    real = query_facts.page_facts

    def slow_page(store: Store, kind: str, filters: Any, **kwargs: Any) -> Any:
        if filters.state == "RUS":
            time.sleep(1.0)
        return real(store, kind, filters, **kwargs)

    monkeypatch.setattr(query_facts, "page_facts", slow_page)
    copy = tmp_path / "turns.duckdb"
    shutil.copy(pristine, copy)
    with serve(create_app(copy)) as url, httpx.Client(base_url=url, timeout=60) as client, \
            ThreadPoolExecutor(1) as pool:  # fmt: skip
        cached = {"state": "PRK", "limit": "3"}
        first = client.get("/api/events", params=cached)
        slow = pool.submit(client.get, "/api/events", params={"state": "RUS", "limit": "2"})
        time.sleep(0.3)  # the slow page holds the turn
        began = time.monotonic()
        again = client.get("/api/events", params=cached)
        waited = time.monotonic() - began
        assert slow.result().status_code == 200
    assert again.content == first.content
    # A client reading answers from memory comes back at once; taking turns keeps it from crowding out the
    # clients whose pages need a query (docs/web.md: load test).
    assert waited >= 0.4


def test_a_store_that_is_closing_answers_503_not_500(pristine: Path, tmp_path: Path) -> None:
    # the hub raises a typed StoreClosing once it is closed; the server maps the type, not the message, to 503
    copy = tmp_path / "closing.duckdb"
    shutil.copy(pristine, copy)
    app = create_app(copy)
    with serve(app) as url, httpx.Client(base_url=url, timeout=30) as c:
        assert c.get("/api/events", params={"limit": 1}).status_code == 200
        app.state.hub.close()
        r = c.get("/api/events", params={"limit": 2, "state": "PRK"})
        assert r.status_code == 503 and r.headers["content-type"].startswith(PROBLEM)
        assert "the store could not answer" in r.text
