"""Schemathesis against the running server's /openapi.json: generated requests for every operation (writes
with the token, so they reach the readers and the ingest), and no answer may be a server error (5xx).

A real uvicorn on 127.0.0.1 serves a real DuckDB file holding the seed article and a hostile document.
The number of examples per operation is bounded so that the whole run stays well under a minute.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error

from diplograph.ingest import read_sources
from diplograph.model import Document
from diplograph.web import create_app
from diplograph.web.testing import build_store, hostile_document, serve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
TOKEN = "schemathesis-token-1b2c"
EXAMPLES = int(os.environ.get("DIPLOGRAPH_SCHEMATHESIS_EXAMPLES", "12"))

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"the seed article is not beside the repository ({SEED})")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("schemathesis") / "store.duckdb"
    seed = [d for d in read_sources([SEED], published="2015-04-30") if isinstance(d, Document)]
    build_store(path, [*seed, hostile_document()])
    with serve(create_app(path, token=TOKEN, writes_per_minute=100_000)) as url:
        yield url


OPERATIONS = [
    "GET /api/stats", "GET /api/events", "GET /api/measures", "GET /api/states", "GET /api/states/{code}/brief",
    "GET /api/states/{code}/partners", "GET /api/dyads/{a}/{b}/timeline", "GET /api/dyads/{a}/{b}/trend",
    "GET /api/analytics/concentration/{state}", "GET /api/analytics/shift/{state}", "GET /api/analytics/outreach",
    "GET /api/analytics/network", "GET /api/analytics/corroboration", "GET /api/documents",
    "GET /api/documents/{doc}", "GET /api/jobs", "GET /api/jobs/{job_id}", "POST /api/documents", "POST /api/ingest",
    "GET /api/incidents", "GET /api/incidents/{incident_id}", "GET /api/alerts", "GET /api/alerts/hits",
    "GET /api/watch/status",
]  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(base_url: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{base_url}/openapi.json")


def test_every_operation_is_covered(api_schema: schemathesis.BaseSchema) -> None:
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_errors(api_schema: schemathesis.BaseSchema, label: str) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None, label
    headers = {"Authorization": f"Bearer {TOKEN}"}

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
        derandomize=True,
        database=None,
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error], timeout=60)

    check()
