"""Helpers for tests of the web server: run an app under a real uvicorn on 127.0.0.1, and build a store.

with serve(create_app(path, token="t")) as base_url:
    httpx.get(base_url + "/api/stats")
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from diplograph.model import Document

HOSTILE_TEXT = (
    'Russia signed an agreement with North Korea <script>window.__pwned = "script"</script> on trade in May 2014. '
    "China sent aid to North Korea <img src=x onerror=\"window.__pwned = 'onerror'\"> in June 2014. "
    "</pre></mark><svg onload=alert(1)> The United States accused North Korea of \"lying\" & 'cheating'."
)
HOSTILE_TITLE = '<img src=x onerror="window.__pwned = \'title\'"><script>window.__pwned = "title"</script>'


def hostile_document() -> Document:
    """A document whose text and title carry script and event-handler payloads."""
    return Document(
        id='hostile-<script>alert("id")</script>',
        text=HOSTILE_TEXT,
        published="2014-07-01",
        title=HOSTILE_TITLE,
        url="javascript:alert(1)",
        source="<b>evil</b>",
    )


def build_store(path: Path, documents: Iterable[Document]) -> Any:
    """Extract from `documents` with the real extractor and store them in a new DuckDB file at `path`."""
    from diplograph.pipeline import default_extractor
    from diplograph.store import Store

    with Store.open(path) as store:
        return store.add(default_extractor().extract_documents(list(documents)))


@contextmanager
def serve(app: Any, host: str = "127.0.0.1", timeout: float = 20.0) -> Iterator[str]:
    """Run `app` under uvicorn on a free port of `host` (bound before the server starts: no race) and yield
    its base URL; the server shuts down (running the app's lifespan exit) when the block ends."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
