"""`diplograph serve`: the JSON API and the web UI in one FastAPI app (see docs/web.md).

from diplograph.web import create_app
app = create_app("diplograph.duckdb", token=None)   # read-only; uvicorn.run(app, host="127.0.0.1")
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """`create_app` is imported on first use, so that `diplograph --help` loads neither FastAPI nor the store."""
    if name == "create_app":
        from diplograph.web.app import create_app

        return create_app
    raise AttributeError(f"module 'diplograph.web' has no attribute {name!r}")
