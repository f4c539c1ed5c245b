"""A read cache for the JSON API: the same GET answered again from memory until the store changes.

Every GET under /api (jobs excepted) is a pure read of the store, and this process is the store's only writer
(docs/web.md), so an answer stays true until the writer commits its next batch: the hub's `version` counts
those commits and is part of every key. Dashboards that poll and analysts who reload pay the query once, and
clients asking for the same answer at the same time wait for one query instead of each running it.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 2048
MAX_BODY = 2 * 1024 * 1024  # bytes: larger answers (big CSV pages) are not kept


class ReadCache:
    """ASGI middleware keeping successful GET /api answers, keyed by path, query and the store's version."""

    def __init__(self, app: ASGIApp, hub: Any, max_entries: int = MAX_ENTRIES) -> None:
        self.app = app
        self.hub = hub
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[Any, ...], tuple[Message, bytes]] = OrderedDict()
        self._in_flight: dict[tuple[Any, ...], asyncio.Event] = {}
        self._lock = threading.Lock()

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
            await self.app(scope, receive, send)  # its answer was not kept (an error, or too large)
            return
        try:
            await self.app(scope, receive, self._recording(key, send))
        finally:
            with self._lock:
                self._in_flight.pop(key, None)
            mine.set()

    async def _answered(self, key: tuple[Any, ...], send: Send) -> bool:
        """Send the kept answer for `key`, if there is one."""
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
        if hit is None:
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
