"""Security: hostile strings through every query filter (command line and API), the write token, limits, paths,
the Content Security Policy and escaping of hostile HTML. The threat model is in SECURITY.md."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.model import Document, Event, Evidence, Extraction
from diplograph.store import Store

INJECTIONS = [
    "'; DROP TABLE events; --",
    "RUS' OR '1'='1",
    '") OR 1=1 --',
    "RUS); DELETE FROM documents; --",
    "'; COPY documents TO '/tmp/leak.csv'; --",
    "'; ATTACH '/tmp/x.duckdb' AS x; --",
    "%",
    "_",
    "\\",
    "?",
    "$1",
    "\x00",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "RUS\nCHN",
    "’ OR 1=1",
    "A" * 5000,
]
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

runner = CliRunner()
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
SKIP_IN_CLI = ("_", "?", "$1", "\x00", "’ OR 1=1", "<script>alert(1)</script>")
CLI_INJECTIONS = [bad for bad in INJECTIONS if bad not in SKIP_IN_CLI]


def hostile_extractions() -> list[Extraction]:
    from test_store import hand_built

    text = f"Russia accused China {HOSTILE} of spying. ../../etc/passwd"
    doc = Document(id="../../etc/passwd", text=text, published="2020-01-02", title=HOSTILE, url="javascript:alert(1)",
                   source=HOSTILE)  # fmt: skip
    start = text.index("Russia")
    event = Event(doc.id, "ACCUSE", ("RUS",), ("CHN",), (Evidence(start, start + 40, text[start : start + 40]),),
                  date="2020-01-01", id="e-hostile")  # fmt: skip
    return [*hand_built(), Extraction(doc, (event,))]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("security") / "store.duckdb"
    with Store.open(path) as store:
        store.add(hostile_extractions())
    return path


def snapshot(db: Path) -> dict[str, Any]:
    with Store.open(db, read_only=True) as store:
        conn = store.connection
        tables = sorted(r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall())
        return {"stats": {k: v for k, v in store.stats().items() if k != "path"}, "tables": tables}


# --- the command line ---------------------------------------------------------------------------------------------

CLI_FILTERS = {
    "events": ["--state", "--actor", "--recipient", "--dyad", "--type", "--since", "--until", "--text", "--doc"],
    "measures": ["--state", "--actor", "--recipient", "--dyad", "--measure", "--since", "--until", "--text", "--doc"],
    "documents": ["--since", "--until"],
}


@pytest.mark.parametrize("command", sorted(CLI_FILTERS))
def test_injection_strings_through_every_cli_filter(db: Path, command: str) -> None:
    before = snapshot(db)
    for option in CLI_FILTERS[command]:
        for bad in CLI_INJECTIONS:  # a NUL cannot be passed in argv
            result = runner.invoke(app, [command, "--db", str(db), option, bad, "--format", "jsonl"])
            assert result.exit_code in (0, 1), (option, bad, result.output)
            assert "Traceback" not in result.output, (option, bad, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit), (option, bad, result.exception)
            if result.exit_code == 1:
                assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
            elif option not in ("--since", "--until"):
                assert result.stdout == "", (option, bad, result.stdout)  # matched nothing
    assert snapshot(db) == before
    assert not Path("/tmp/leak.csv").exists()


def test_show_and_lookups_take_ids_as_data_not_paths(db: Path) -> None:
    result = runner.invoke(app, ["show", "../../etc/passwd", "--db", str(db)])
    assert result.exit_code == 0 and "root:x:0:0" not in result.stdout
    assert "Russia accused China" in result.stdout
    for bad in INJECTIONS[:6]:
        result = runner.invoke(app, ["show", bad, "--db", str(db)])
        assert result.exit_code == 1 and result.stderr.startswith("error: no document"), result.output
    result = runner.invoke(app, ["events", "--db", str(db), "--doc", "../../etc/passwd", "--format", "jsonl"])
    assert result.exit_code == 0 and '"e-hostile"' in result.stdout


def test_a_store_path_with_sql_in_it_is_just_a_file_name(tmp_path: Path) -> None:
    odd = tmp_path / "x'; DROP TABLE events; --.duckdb"
    with Store.open(odd) as store:
        store.add(hostile_extractions())
    result = runner.invoke(app, ["stats", "--db", str(odd), "--json"])
    assert result.exit_code == 0 and '"events": 6' in result.stdout


# --- the API ------------------------------------------------------------------------------------------------------

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def web(db: Path) -> Any:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from diplograph.web import create_app

    return create_app


@pytest.fixture
def reader_client(web: Any, db: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(web(db)) as client:
        yield client


@pytest.fixture
def writer_client(web: Any, tmp_path: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(web(tmp_path / "w.duckdb", token=TOKEN, max_body=4096, writes_per_minute=5)) as client:
        yield client


def test_writes_need_the_bearer_token(writer_client: Any) -> None:
    body = {"id": "x", "text": "Japan sent food aid to India."}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer "}):  # fmt: skip
        response = writer_client.post("/api/documents", json=body, headers=headers)
        assert response.status_code == 401, (headers, response.text)
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.headers["content-type"].startswith("application/problem+json")


def test_read_only_server_takes_no_writes(reader_client: Any) -> None:
    response = reader_client.post("/api/documents", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 401 and "read-only" in response.json()["detail"]


def test_token_is_compared_in_constant_time() -> None:
    pytest.importorskip("fastapi")
    from diplograph.web import security

    source = inspect.getsource(security.token_matches)
    assert "hmac.compare_digest(" in source and "==" not in source.split('"""')[-1]
    assert security.token_matches("abc", "Bearer abc") and not security.token_matches("abc", "Bearer abd")
    assert not security.token_matches(None, "Bearer ") and not security.token_matches("abc", None)


def test_write_rate_limit(writer_client: Any) -> None:
    codes = [writer_client.post("/api/documents", json={"text": "x"}).status_code for _ in range(8)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, codes
    response = writer_client.post("/api/documents", json={"text": "x"})
    assert int(response.headers["retry-after"]) >= 1


def test_request_size_limit(writer_client: Any) -> None:
    big = {"text": "x" * 10_000}
    response = writer_client.post("/api/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    chunks = (b"x" * 1024 for _ in range(10))  # no Content-Length: the streamed body is counted
    response = writer_client.post("/api/ingest", content=chunks, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


API_FILTERS = {
    "/api/events": ["state", "actor", "recipient", "dyad", "type", "since", "until", "text", "doc", "cursor"],
    "/api/measures": ["state", "actor", "recipient", "dyad", "measure", "since", "until", "text", "doc", "cursor"],
}


def test_injection_strings_through_every_api_filter(reader_client: Any, db: Path) -> None:
    before = snapshot_through(reader_client)
    for path, names in API_FILTERS.items():
        for name in names:
            for bad in INJECTIONS:
                response = reader_client.get(path, params={name: bad})
                assert response.status_code in (200, 400, 404, 422), (path, name, bad, response.text)
                if response.status_code == 200 and name not in ("since", "until", "type", "measure"):
                    assert response.json().get("items", []) == [], (path, name, bad)
    for bad in INJECTIONS:
        for path in (f"/api/documents/{bad}", f"/api/states/{bad}/brief", f"/documents/{bad}", f"/states/{bad}"):
            from urllib.parse import quote

            prefix, _, rest = path.partition(bad)
            response = reader_client.get(prefix + quote(bad, safe="") + rest)
            assert response.status_code < 500, (path, response.status_code, response.text[:300])
    assert snapshot_through(reader_client) == before


def snapshot_through(client: Any) -> Any:
    response = client.get("/api/stats")
    assert response.status_code == 200
    return response.json()


def test_no_path_traversal_and_no_url_fetching(reader_client: Any) -> None:
    for path in ("/static/../../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/README.md",
                 "/..%2F..%2Fetc%2Fpasswd", "/documents/..%2F..%2F..%2Fetc%2Fpasswd"):  # fmt: skip
        response = reader_client.get(path)
        assert "root:x:0:0" not in response.text and "[project]" not in response.text, path
    api = inspect.getsource(__import__("diplograph.web.api", fromlist=["x"]))
    assert "urlopen" not in api and "httpx." not in api and "requests." not in api


def test_security_headers_and_csp(reader_client: Any) -> None:
    for path in ("/", "/api/stats", "/documents", "/nonexistent"):
        response = reader_client.get(path)
        csp = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp, path
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert response.headers.get("x-content-type-options") == "nosniff"
        assert response.headers.get("x-frame-options") == "DENY" or "frame-ancestors 'none'" in csp


def test_hostile_html_in_documents_is_escaped(reader_client: Any) -> None:
    pages = ["/documents/..%2F..%2Fetc%2Fpasswd", "/documents", "/events", "/search?q=%3Cscript%3E",
             "/states/RUS", "/dyads/RUS/CHN"]  # fmt: skip
    for page in pages:
        response = reader_client.get(page)
        assert response.status_code in (200, 404), (page, response.status_code)
        html = response.text
        assert "<script>alert" not in html and "<img src=x onerror" not in html, page
        assert 'href="javascript:' not in html.lower(), page
    document = reader_client.get("/documents/..%2F..%2Fetc%2Fpasswd")
    assert document.status_code == 200 and "&lt;script&gt;" in document.text
