"""The FastAPI application: the JSON API (/api, described at /openapi.json) and the web UI, in one process.

    app = create_app("diplograph.duckdb", token="s3cret")     # then: uvicorn.run(app), one worker

See docs/web.md for the process model (one DuckDB connection, a cursor per request, one writer thread).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from diplograph import __version__
from diplograph.errors import ConfigError, DiplographError, InputError, StoreClosing, StoreError
from diplograph.web import api, pages
from diplograph.web.cache import ReadCache
from diplograph.web.hub import Hub
from diplograph.web.security import MAX_BODY, Guard, RateLimit

if TYPE_CHECKING:
    from diplograph.watch import WatchOptions

log = logging.getLogger("diplograph.web")

TITLES = {
    400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
    409: "Conflict", 413: "Request too large", 415: "Unsupported media type", 422: "Unprocessable content",
    429: "Too many requests", 500: "Internal server error", 503: "Service unavailable",
}  # fmt: skip


def problem(status: int, detail: str, *, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem details response."""
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status, "detail": detail, **extra}
    return JSONResponse(
        jsonable_encoder(body), status_code=status, media_type="application/problem+json", headers=headers
    )


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json")


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None, **extra: Any) -> Response:
    if _wants_html(request):
        response = pages.error_page(status, TITLES.get(status, "Error"), detail)
        if headers:
            response.headers.update(headers)
        return response
    return problem(status, detail, headers=headers, **extra)


QUERY_THREADS = max(2, 2 * (os.cpu_count() or 1))  # requests that query the store at the same time
WATCHER_STOP_SECONDS = 60  # at shutdown, how long to wait for the watcher to finish the document it is storing


def _log_line(line: str) -> None:
    logging.getLogger("diplograph.watch").warning(line)


class WatcherThread:
    """`serve --watch`: a watcher in a thread of the server, writing through the hub's one writer (HubLedger)."""

    def __init__(self, options: WatchOptions, hub: Hub) -> None:
        from diplograph.watch.state import HubLedger

        self.watcher = options.watcher(HubLedger(hub))  # the sources are checked now, before the server starts
        self.watcher.on_round = self._alerts_after_round
        self.hub = hub
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.watcher.run_forever, args=(self.stop,), name="diplograph-watch",
                                       daemon=True)  # fmt: skip

    def _alerts_after_round(self, report: Any) -> None:
        """Saved alerts over the round's new documents: hits recorded by the writer thread (the one writer), then
        delivered (log lines, webhooks) from this thread, so that a slow webhook never holds up the writer."""
        from diplograph.watch.alerts import AlertOutputs, deliver_all, record_new_hits

        if not report.new_doc_hashes:
            return
        found = self.hub.write(lambda store: record_new_hits(store, report.new_doc_hashes))
        deliver_all(found, AlertOutputs(print_to=None, log=_log_line))

    def start(self) -> None:
        self.thread.start()

    def close(self) -> None:
        """Stop after the current document (its job finishes on the writer first), before the hub closes."""
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join(timeout=WATCHER_STOP_SECONDS)


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    read_only: bool | None = None,
    max_body: int = MAX_BODY,
    writes_per_minute: int = 30,
    watch: WatchOptions | None = None,
) -> FastAPI:
    """The server for the store at `store_path`.

    With a `token`, writes are allowed to clients that send it (`Authorization: Bearer <token>`) and the store
    is opened read-write (created if missing). Without one, the server is read-only and opens the store
    read-only (it must exist). `read_only` overrides that choice of how the file is opened. `watch`: also run a
    watcher (diplograph.watch) in the process, writing through its one writer; the store is then opened
    read-write, while client writes still need the token.
    """
    token = token or None
    if watch is not None and read_only:
        raise ConfigError("a watcher needs the store open read-write, not read_only")
    writable = not read_only if read_only is not None else (token is not None or watch is not None)
    hub = Hub.open(str(store_path), writable=writable)
    try:
        watcher = WatcherThread(watch, hub) if watch is not None else None
    except BaseException:
        hub.close()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Handlers run in worker threads; dozens at once (anyio's default is 40) only thrash. GETs under /api
        # take turns before they get here (web/cache.py), and cached answers never need a thread.
        anyio.to_thread.current_default_thread_limiter().total_tokens = QUERY_THREADS
        if watcher is not None:
            watcher.start()
        try:
            yield
        finally:
            if watcher is not None:
                await anyio.to_thread.run_sync(watcher.close)  # off the event loop: it may wait for a document
            hub.close()

    app = FastAPI(
        title="diplograph",
        version=__version__,
        summary="PLOVER events and measures between states, each with the evidence it came from.",
        description=(
            "Read endpoints are open. Writes (POST /api/documents, POST /api/ingest) need "
            "`Authorization: Bearer <token>`; errors are problem details (application/problem+json)."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.state.watcher = watcher
    app.state.token = token
    app.state.rate_limit = RateLimit(per_minute=writes_per_minute)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:5])
        return _error(request, 422, detail or "the request is not valid", errors=errors)

    @app.exception_handler(DiplographError)
    async def diplograph_error(request: Request, exc: DiplographError) -> Response:
        if isinstance(exc, ConfigError | InputError):
            return _error(request, 400, str(exc))
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return _error(request, 503 if isinstance(exc, StoreClosing) else 500, "the store could not answer")
        return _error(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "unexpected server error")

    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(ReadCache, hub=hub)  # type: ignore[arg-type]
    app.add_middleware(Guard, max_body=max_body)  # type: ignore[arg-type]
    return app
