"""HTTP for the watcher, with the standard library only: conditional GET, a size and a time limit on every
response, a polite interval between two requests to one host, and every failure as one reason in plain words.

    fetcher = Fetcher(timeout=20, max_bytes=5 * 2**20, per_host=2)
    response = fetcher.get(url, etag=stored_etag, last_modified=stored_date)
    if response.not_modified: ...                 # 304: nothing new since those validators

`FetchFailed` carries the reason (`HTTP 500 Internal Server Error`, `timed out after 20 s`, `the response is
over 5,242,880 bytes (--max-bytes)`) and whether trying again later could help (`permanent`).
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from diplograph import __version__

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 2**20
DEFAULT_PER_HOST = 2.0
USER_AGENT = f"diplograph/{__version__} (news watcher; Python urllib)"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
CHUNK = 64 * 1024
GONE = (404, 410)  # the page is not there: asking again later will not help


class FetchFailed(Exception):
    """A request that gave nothing usable. `reason` is one line for the log; `permanent` when retrying cannot help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Stopped(Exception):
    """The watcher was asked to stop while waiting for its turn at a host."""


@dataclass(frozen=True)
class Response:
    """A 200 (with its body) or a 304 (without one), with the validators to send next time."""

    url: str  # after redirects
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_http_url(text: str) -> bool:
    """Whether `text` is an http(s) URL with a host: the only URLs the watcher requests."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) URLs only (urllib would also follow one to ftp:)."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if not is_http_url(newurl):
            raise FetchFailed(f"redirected to {newurl!r}, which is not an http(s) URL", permanent=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """GET requests with limits, one thread at a time. `stop` (an Event) ends a wait for a host's turn."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        per_host: float = DEFAULT_PER_HOST,
        stop: threading.Event | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.per_host = per_host
        self.stop = stop or threading.Event()
        self.user_agent = user_agent
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())
        self._last: dict[str, float] = {}  # host -> when its last request ended (monotonic)

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = FEED_ACCEPT
    ) -> Response:
        """The response to a GET of `url`, or FetchFailed; etag/last_modified make it conditional."""
        if not is_http_url(url):
            raise FetchFailed("not an http(s) URL", permanent=True)
        host = (urlsplit(url).hostname or "").lower()
        self._wait_turn(host)
        headers = {"User-Agent": self.user_agent, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._request(urllib.request.Request(url, headers=headers))
        finally:
            self._last[host] = time.monotonic()

    def _wait_turn(self, host: str) -> None:
        """Leave `per_host` seconds between the end of one request to a host and the start of the next."""
        last = self._last.get(host)
        if last is None or self.per_host <= 0:
            return
        remaining = last + self.per_host - time.monotonic()
        if remaining > 0 and self.stop.wait(remaining):
            raise Stopped()

    def _request(self, request: urllib.request.Request) -> Response:
        began = time.monotonic()
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                body = self._read(reply, began)
                return Response(reply.geturl(), reply.status, body, reply.headers.get("ETag"),
                                reply.headers.get("Last-Modified"))
        except urllib.error.HTTPError as e:
            e.close()  # the error body is not read
            if e.code == 304:
                return Response(request.full_url, 304, b"", e.headers.get("ETag"), e.headers.get("Last-Modified"))
            raise FetchFailed(f"HTTP {e.code} {e.reason}".strip(), permanent=e.code in GONE) from None
        except urllib.error.URLError as e:
            raise FetchFailed(self._network_problem(e.reason)) from None
        except (TimeoutError, OSError, http.client.HTTPException, ValueError) as e:
            raise FetchFailed(self._network_problem(e)) from None

    def _read(self, reply: Any, began: float) -> bytes:
        """The body, refused as soon as it is known to be over max_bytes or to take longer than the timeout."""
        declared = reply.headers.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
            raise FetchFailed(self._oversized(f"{int(declared):,} bytes"), permanent=True)
        parts: list[bytes] = []
        size = 0
        while size <= self.max_bytes:
            if time.monotonic() - began > self.timeout:
                raise FetchFailed(f"timed out after {self.timeout:g} s (--timeout)")
            part = reply.read(min(CHUNK, self.max_bytes + 1 - size))
            if not part:
                return b"".join(parts)
            parts.append(part)
            size += len(part)
        raise FetchFailed(self._oversized(f"over {self.max_bytes:,} bytes"), permanent=True)

    def _oversized(self, size: str) -> str:
        return f"the response is {size}, over the limit of {self.max_bytes:,} (--max-bytes)"

    def _network_problem(self, error: object) -> str:
        if isinstance(error, TimeoutError):
            return f"timed out after {self.timeout:g} s (--timeout)"
        if isinstance(error, FetchFailed):
            return error.reason
        if isinstance(error, ConnectionRefusedError):
            return "connection refused"
        if isinstance(error, http.client.HTTPException):
            return f"bad HTTP response ({type(error).__name__}{': ' + str(error) if str(error) else ''})"
        if isinstance(error, ValueError):
            return f"not a URL that can be requested ({error})"
        text = getattr(error, "strerror", None) or str(error)
        return f"network error ({text})"
