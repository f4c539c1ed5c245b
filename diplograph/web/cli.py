"""The `serve` command, registered on the main app with `register(app)`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diplograph.errors import DiplographError


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Annotated[
            Path | None,
            typer.Option(
                "--db", help="The DuckDB store. Default: $DIPLOGRAPH_DB, else ./diplograph.duckdb.", show_default=False
            ),
        ] = None,
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
        try:
            application = create_app(config.db_path(db), token=token)
        except DiplographError as e:
            print(f"error: {e}", file=sys.stderr)
            raise typer.Exit(1) from None
        import uvicorn

        mode = "read-write (token set)" if token else "read-only (no DIPLOGRAPH_TOKEN)"
        print(f"diplograph: serving {config.db_path(db)} {mode} on http://{host}:{port}/", file=sys.stderr)
        uvicorn.run(application, host=host, port=port, workers=1, log_level="info", proxy_headers=False)
