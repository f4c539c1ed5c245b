"""`diplograph serve`: the JSON API and the web UI in one FastAPI app (see docs/web.md).

from diplograph.web import create_app
app = create_app("diplograph.duckdb", token=None)   # read-only; uvicorn.run(app, host="127.0.0.1")
"""

from __future__ import annotations

from diplograph.web.app import create_app

__all__ = ["create_app"]
