"""A read cache for the JSON API: the same GET answered again from memory until the store changes.

Every GET under /api (jobs excepted) is a pure read of the store, and this process is the store's only writer
(docs/web.md), so an answer stays true until the writer commits its next batch: the hub's `version` counts
those commits and is part of every key. Dashboards that poll and analysts who reload pay the query once, and
clients asking for the same answer at the same time wait for one query instead of each running it.

Requests take turns, first come first served: at most `slots` (one a core) are answered at once, from memory or
by a query. Answers from memory cost well under a millisecond, so a client reading cached pages would otherwise
come back at once and ask again, and clients whose page needs a query would wait behind all of them (the load
test's pages that were asked for the first time waited 430 ms that way, and 180 ms taking turns: docs/web.md).
Queries that take long (briefs, analytics: every path not in `LIGHT_PATHS`) run in a lane of their own, one at a
time on a 2-core machine, so that they never hold the turns of the pages.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 2048
MAX_BODY = 2 * 1024 * 1024  # bytes: larger answers (big CSV pages) are not kept
LIGHT_PATHS = ("/api/events", "/api/measures", "/api/incidents", "/api/documents", "/api/stats")  # milliseconds
CORES = os.cpu_count() or 1


class ReadCache:
    """ASGI middleware keeping successful GET /api answers, keyed by path, query and the store's version."""

    def __init__(self, app: ASGIApp, hub: Any, max_entries: int = MAX_ENTRIES, slots: int | None = None) -> None:
        self.app = app
        self.hub = hub
        self.max_entries = max_entries
        self.slots = max(1, slots or CORES)  # turns answered at once: one a core
        self.heavy_slots = max(1, self.slots // 2)  # long queries at once, beside them
        self._entries: OrderedDict[tuple[Any, ...], tuple[Message, bytes]] = OrderedDict()
        self._in_flight: dict[tuple[Any, ...], asyncio.Event] = {}
        self._lock = threading.Lock()
        self._lanes: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore, asyncio.Semaphore] | None = None

    def _semaphores(self) -> tuple[asyncio.Semaphore, asyncio.Semaphore]:
        """The shared turns and the lane of long queries, for the running event loop."""
        loop = asyncio.get_running_loop()
        if self._lanes is None or self._lanes[0] is not loop:  # a semaphore belongs to one event loop
            self._lanes = (loop, asyncio.Semaphore(self.slots), asyncio.Semaphore(self.heavy_slots))
        return self._lanes[1], self._lanes[2]

    def _turns(self, path: str) -> asyncio.Semaphore:
        """The turns a query for `path` waits for: the shared turns, or the lane of long queries."""
        shared, heavy = self._semaphores()
        return shared if path.startswith(LIGHT_PATHS) else heavy

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith("/api/"):
            return None
        if path.startswith("/api/jobs"):
            return None
        return path, scope.get("query_string", b""), self.hub.version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if await self._answered(key, send):
            return
        turns = self._turns(key[0])
        with self._lock:
            running = self._in_flight.get(key)
            if running is None:
                mine = self._in_flight[key] = asyncio.Event()
        if running is not None:
            # The same query is being answered for another client: wait for that answer instead of running it
            # again (at start-up, dozens of clients ask for the same popular pages at once).
            await running.wait()
            if await self._answered(key, send):
                return
            async with turns:
                await self.app(scope, receive, send)  # its answer was not kept (an error, or too large)
            return
        try:
            async with turns:
                await self.app(scope, receive, self._recording(key, send))
        finally:
            with self._lock:
                self._in_flight.pop(key, None)
            mine.set()

    async def _answered(self, key: tuple[Any, ...], send: Send) -> bool:
        """Send the kept answer for `key`, if there is one, when its turn comes."""
        with self._lock:
            if key not in self._entries:
                return False
        async with self._semaphores()[0]:
            with self._lock:
                hit = self._entries.get(key)
                if hit is not None:
                    self._entries.move_to_end(key)
            if hit is None:  # dropped while this request waited (the cache is bounded)
                return False
            start, body = hit
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
        return True

    def _recording(self, key: tuple[Any, ...], send: Send) -> Send:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        return record

    def _keep(self, key: tuple[Any, ...], start: dict[str, Any], body: bytes) -> None:
        if start.get("status") != 200 or len(body) > MAX_BODY:
            return
        with self._lock:
            self._entries[key] = (dict(start), body)  # type: ignore[assignment]
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
