"""The `serve` command: the JSON API and the web UI for a store (see diplograph.web)."""

from __future__ import annotations

from typing import Annotated

import typer

from diplograph.cli.common import DbOption, friendly, to_stderr


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the JSON API (/api, /openapi.json) and the web UI for a store.

    Writes (POST /api/documents, /api/ingest) need the bearer token of $DIPLOGRAPH_TOKEN; without it the
    server is read-only and opens the store read-only. One process owns the store: stop other writers first.
    """
    from diplograph import config
    from diplograph.web import create_app

    token = config.get("token") or None
    application = create_app(config.db_path(db), token=token)  # a store it cannot open: one `error:` line
    import uvicorn

    mode = "read-write (token set)" if token else "read-only (no DIPLOGRAPH_TOKEN)"
    to_stderr(f"diplograph: serving {config.db_path(db)} {mode} on http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, workers=1, log_level="info", proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add `serve` to `app`."""
    app.command()(friendly(serve))
