"""The `serve` command: the JSON API and the web UI for a store (see diplograph.web)."""

from __future__ import annotations

from typing import Annotated

import typer

from diplograph.cli.common import DbOption, friendly, to_stderr


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    watch: Annotated[list[str] | None, typer.Option(
        "--watch", metavar="SOURCE", show_default=False,
        help="Also watch this source (a feed URL, pages:FILE, a .txt/.urls list or a folder; repeat for more), "
             "writing through the server's one writer.")] = None,
    every: Annotated[str, typer.Option("--every", metavar="INTERVAL",
                                       help="With --watch: time between rounds (30s, 15m, 1h, 1d).")] = "15m",
) -> None:
    """Serve the JSON API (/api, /openapi.json) and the web UI for a store.

    Writes (POST /api/documents, /api/ingest) need the bearer token of $DIPLOGRAPH_TOKEN; without it the
    server is read-only and opens the store read-only. One process owns the store: stop other writers first.
    --watch runs a watcher in the server (like `diplograph watch`); the store is then opened read-write.
    """
    from diplograph import config
    from diplograph.web import create_app

    token = config.get("token") or None
    options = None
    if watch:
        from diplograph.watch import WatchOptions, parse_interval

        options = WatchOptions(tuple(watch), every=parse_interval(every))
    application = create_app(config.db_path(db), token=token, watch=options)  # a bad store or source: `error:`
    import uvicorn

    mode = "read-write (token set)" if token else "read-only (no DIPLOGRAPH_TOKEN)"
    if options is not None:
        mode = f"{mode}, watching {len(options.sources)} sources" + ("" if token else " (the store is writable)")
    to_stderr(f"diplograph: serving {config.db_path(db)} {mode} on http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, workers=1, log_level="info", proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add `serve` to `app`."""
    app.command()(friendly(serve))
