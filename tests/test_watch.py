"""`diplograph watch` against a real local HTTP server whose feeds and pages the tests change between rounds.

Everything is real: an http.server on 127.0.0.1 (port 0) in a thread, DuckDB files, the packaged extractor, the
`diplograph` executable for the signal test. The server counts the requests for each path and keeps their headers,
so the tests can say what was fetched, how often, and with which validators. The texts are short sentences of our
own about states, so that the extractor finds an event in each.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import ConfigError
from diplograph.model import content_hash
from diplograph.pipeline import Extractor, default_extractor
from diplograph.store import Store
from diplograph.watch import SourceState, Watcher, parse_interval, watch_states
from diplograph.watch.fetch import Fetcher, Stopped
from diplograph.watch.sources import FEED, FOLDER, PAGES, watch_source
from diplograph.watch.watcher import FAILED, FETCHED, NOT_MODIFIED, SKIPPED, backoff

runner = CliRunner()
HOUR = 3600.0

STORIES = {
    "japan-nepal": "Japan pledged food aid to Nepal on Monday.",
    "india-lanka": "India sent medical supplies to Sri Lanka on Tuesday.",
    "germany-poland": "Germany hosted talks with Poland on Wednesday.",
    "france-iran": "France imposed sanctions on Iran on Friday.",
    "kenya-somalia": "Kenya sent troops to Somalia on Friday.",
    "canada-haiti": "Canada pledged aid to Haiti on Monday.",
}
FILLER = " Officials from both governments described the talks as useful and said they would meet again soon."


# --- the server ---------------------------------------------------------------------------------------------------


@dataclass
class Route:
    """What the server answers on one path. `etag`: answer 304 to a request that sends it back (`last_modified` is
    only sent, to be sent back); `delay`: seconds
    to wait before answering; `declare_length`: send Content-Length (else the body ends when the connection
    closes); `hold`: an Event the answer waits for."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    declare_length: bool = True
    hold: threading.Event | None = None


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    headers: dict[str, list[Message]] = field(default_factory=dict)
    arrived: dict[str, threading.Event] = field(default_factory=dict)  # set when a path is first requested
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def last_headers(self, path: str) -> Message:
        return self.headers[path][-1]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            server.hits[self.path] += 1
            server.headers.setdefault(self.path, []).append(self.headers)
            server.arrived.setdefault(self.path, threading.Event()).set()
            route = server.routes.get(self.path)
            if route is None:
                return self._answer(Route(b"not here", status=404, content_type="text/plain"))
            if route.hold is not None:
                route.hold.wait(60)
            if route.delay:
                time.sleep(route.delay)
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                return self._answer(Route(status=304, etag=route.etag))
            return self._answer(route)

        def _answer(self, route: Route) -> None:
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag is not None:
                    self.send_header("ETag", route.etag)
                if route.last_modified is not None:
                    self.send_header("Last-Modified", route.last_modified)
                if route.declare_length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.status != 304:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    for route in state.routes.values():
        if route.hold is not None:
            route.hold.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


# --- feeds and pages written here --------------------------------------------------------------------------------


def rss(*items: dict[str, str], title: str = "World desk") -> bytes:
    """An RSS 2.0 feed; each item may have guid (bare_guid: one without isPermaLink="false", which feedparser also
    takes for the link), link, title, text (the description) and date (RFC 2822)."""
    parts = []
    for item in items:
        fields = "".join([
            f'<guid isPermaLink="false">{escape(item["guid"])}</guid>' if "guid" in item else "",
            f"<guid>{escape(item['bare_guid'])}</guid>" if "bare_guid" in item else "",
            f"<link>{escape(item['link'])}</link>" if "link" in item else "",
            f"<title>{escape(item.get('title', 'News'))}</title>",
            f"<description>{escape(item['text'])}</description>" if "text" in item else "",
            f"<pubDate>{item.get('date', 'Mon, 06 May 2024 09:00:00 GMT')}</pubDate>",
        ])  # fmt: skip
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://example.org/</link><description>News</description>{''.join(parts)}</channel></rss>"
            ).encode()  # fmt: skip


def story(key: str, **extra: str) -> dict[str, str]:
    """A feed item with one of the STORIES as its whole text and no link: the entry's text is the document."""
    return {"guid": key, "title": key, "text": STORIES[key], **extra}


def article(text: str, title: str = "Article") -> bytes:
    paragraphs = "".join(f"<p>{sentence}{FILLER}</p>" for sentence in text.split("\n"))
    return (f"<html><head><title>{title}</title><meta name='date' content='2024-05-06'></head>"
            f"<body><nav>Home | World | Sport</nav><article>{paragraphs}</article>"
            f"<footer>All rights reserved</footer></body></html>").encode()  # fmt: skip


def html_route(text: str, **kwargs: Any) -> Route:
    return Route(article(text), content_type="text/html; charset=utf-8", **kwargs)


def watcher(target: Store | Path, sources: list[str], extractor: Extractor, lines: list[str],
            **kwargs: Any) -> Watcher:  # fmt: skip
    settings: dict[str, Any] = {"every": HOUR, "per_host": 0, "timeout": 5, **kwargs}
    return Watcher(target, sources, log=lines.append, extractor=extractor, **settings)


def texts(db: Path | Store) -> list[str]:
    if isinstance(db, Store):
        return sorted(d.text for d in db.documents())
    with Store.open(db, read_only=True) as store:
        return sorted(d.text for d in store.documents())


def state_of(store: Store, source: str) -> SourceState:
    return {s.source: s for s in watch_states(store)}[source]


def problems(lines: list[str]) -> list[str]:
    """The log lines that report a problem (every line but the round summaries)."""
    return [line for line in lines if not line.startswith("watch: round done")]


# --- feeds --------------------------------------------------------------------------------------------------------


def test_a_feed_is_stored_once_and_asked_again_with_its_validators(
    server: FeedServer, tmp_path: Path, extractor: Extractor
) -> None:
    modified = "Mon, 06 May 2024 09:00:00 GMT"
    server.routes["/feed.xml"] = Route(rss(story("india-lanka"), story("japan-nepal")), etag='"v1"',
                                       last_modified=modified)  # fmt: skip
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [server.url("/feed.xml")], extractor, lines)

        first = w.run_once()
        assert [s.outcome for s in first.sources] == [FETCHED]
        assert first.sources[0].new_items == 2 and first.documents_added == 2
        assert texts(store) == sorted([STORIES["india-lanka"], STORIES["japan-nepal"]])
        assert sorted(first.new_doc_hashes) == sorted(content_hash(STORIES[k]) for k in ("india-lanka", "japan-nepal"))
        aid = store.events(dyad=("JPN", "NPL"), min_confidence=0)
        assert aid and aid[0].evidence[0].text in STORIES["japan-nepal"]
        assert "If-None-Match" not in server.last_headers("/feed.xml")

        second = w.run_once()  # the server answers 304 to the validators it gave
        assert server.last_headers("/feed.xml")["If-None-Match"] == '"v1"'
        assert server.last_headers("/feed.xml")["If-Modified-Since"] == modified
        assert server.last_headers("/feed.xml")["User-Agent"].startswith("diplograph/")
        assert [s.outcome for s in second.sources] == [NOT_MODIFIED]
        assert second.documents_added == 0 and second.new_items == 0

        newest = {"bare_guid": "germany-poland", "title": "Talks", "text": STORIES["germany-poland"]}
        server.routes["/feed.xml"] = Route(rss(newest, story("india-lanka"), story("japan-nepal")), etag='"v2"')
        third = w.run_once()
        assert third.sources[0].new_items == 1 and third.documents_added == 1
        assert third.new_doc_hashes == [content_hash(STORIES["germany-poland"])]
        talks = store.document("germany-poland")  # a bare guid is the entry's id, not a link to fetch
        assert talks is not None and talks.url is None and talks.source == "World desk"
        assert len(store.documents()) == 3
        state = state_of(store, server.url("/feed.xml"))
        assert (state.kind, state.etag, state.items_seen, state.documents_added) == (FEED, '"v2"', 3, 3)
        assert (state.errors, state.failures, state.last_error) == (0, 0, None)
        assert state.last_fetch is not None and state.last_ok == state.last_fetch
        assert state.next_due == state.last_fetch + timedelta(hours=1)
    assert server.hits["/feed.xml"] == 3
    assert problems(lines) == []
    assert lines[-1] == "watch: round done: 1 sources (1 fetched), 1 new items, 1 documents added"


def test_failing_feeds_are_one_line_each_backed_off_and_the_others_still_ingest(
    server: FeedServer, tmp_path: Path, extractor: Extractor
) -> None:
    big = rss(*(story("france-iran", guid=f"big-{i}") for i in range(200)))
    assert len(big) > 4096
    server.routes.update({
        "/good.xml": Route(rss(story("japan-nepal")), etag='"g"'),
        "/down.xml": Route(b"<h1>oops</h1>", status=500, content_type="text/html"),
        "/slow.xml": Route(rss(story("kenya-somalia")), delay=3),
        "/broken.xml": Route(b'<?xml version="1.0"?><rss><channel><item><title>half an <b>item'),
        "/huge.xml": Route(big),
        "/huge-undeclared.xml": Route(big, declare_length=False),
    })  # fmt: skip
    paths = ["/down.xml", "/slow.xml", "/broken.xml", "/huge.xml", "/huge-undeclared.xml", "/good.xml"]
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [server.url(p) for p in paths], extractor, lines, timeout=0.5, max_bytes=4096)
        report = w.run_once()

        outcomes = {s.source: s.outcome for s in report.sources}
        assert outcomes == {**{server.url(p): FAILED for p in paths[:-1]}, server.url("/good.xml"): FETCHED}
        assert texts(store) == [STORIES["japan-nepal"]]
        reasons = {server.url(p): reason for p, reason in [
            ("/down.xml", "HTTP 500"), ("/slow.xml", "timed out after 0.5 s"),
            ("/broken.xml", "not a valid RSS or Atom feed"), ("/huge.xml", "over the limit of 4,096 (--max-bytes)"),
            ("/huge-undeclared.xml", "over 4,096 bytes"),
        ]}  # fmt: skip
        logged = problems(lines)
        assert len(logged) == len(reasons)
        for source, reason in reasons.items():
            (line,) = [line for line in logged if line.startswith(f"watch: {source}: ")]
            assert reason in line and "Traceback" not in line and "\n" not in line
            state = state_of(store, source)
            assert (state.errors, state.failures, state.items_seen, state.last_ok) == (1, 1, 0, None)
            assert reason in (state.last_error or "")
            assert state.last_fetch is not None  # backed off: twice the interval
            assert state.next_due == state.last_fetch + timedelta(seconds=backoff(HOUR, 1))
        good = state_of(store, server.url("/good.xml"))
        assert (good.errors, good.failures, good.items_seen) == (0, 0, 1)

        hits = server.hits.copy()
        again = w.run_once()  # the failing ones are not due yet: not asked again
        assert {s.source: s.outcome for s in again.sources} == {
            **{server.url(p): SKIPPED for p in paths[:-1]}, server.url("/good.xml"): NOT_MODIFIED}
        assert server.hits - hits == Counter({"/good.xml": 1})
        assert texts(store) == [STORIES["japan-nepal"]]


def test_requests_to_one_host_wait_for_the_interval_and_a_stop_ends_the_wait(server: FeedServer) -> None:
    for path in ("/1", "/2", "/3"):
        server.routes[path] = Route(b"ok", content_type="text/plain")
    stop = threading.Event()
    fetcher = Fetcher(per_host=3600, timeout=5, stop=stop)
    assert fetcher.get(server.url("/1")).body == b"ok"

    other_host = threading.Thread(target=fetcher.get, args=(f"http://localhost:{server.port}/2",))
    other_host.start()
    other_host.join(30)  # another host's turn has come: it does not wait for 127.0.0.1's interval
    assert not other_host.is_alive() and server.hits["/2"] == 1

    outcome: list[BaseException] = []
    waiting = threading.Thread(target=lambda: _catch(outcome, fetcher.get, server.url("/3")))
    waiting.start()
    waiting.join(0.3)
    assert waiting.is_alive() and server.hits["/3"] == 0  # 127.0.0.1's next turn is an hour away
    stop.set()
    waiting.join(30)
    assert not waiting.is_alive() and isinstance(outcome[0], Stopped) and server.hits["/3"] == 0


def _catch(into: list[BaseException], call: Any, *args: Any) -> None:
    try:
        call(*args)
    except BaseException as exc:  # handed to the test's thread
        into.append(exc)


def test_backoff_doubles_up_to_a_day() -> None:
    assert [backoff(900, n) for n in (1, 2, 3)] == [1800, 3600, 7200]
    assert backoff(900, 7) == 86400 and backoff(900, 500) == 86400


def test_a_recovered_feed_is_fetched_again_and_its_failures_reset(
    server: FeedServer, tmp_path: Path, extractor: Extractor
) -> None:
    server.routes["/flaky.xml"] = Route(b"busy", status=503, content_type="text/plain")
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [server.url("/flaky.xml")], extractor, lines, every=0)  # due again at once
        assert w.run_once().sources[0].outcome == FAILED
        assert w.run_once().sources[0].outcome == FAILED
        assert state_of(store, server.url("/flaky.xml")).failures == 2
        server.routes["/flaky.xml"] = Route(rss(story("canada-haiti")))
        assert w.run_once().documents_added == 1
        state = state_of(store, server.url("/flaky.xml"))
        assert (state.failures, state.errors, state.items_seen) == (0, 2, 1)
        assert "HTTP 503" in (state.last_error or "")


# --- article pages ------------------------------------------------------------------------------------------------


def test_short_entries_are_read_from_their_article_pages(
    server: FeedServer, tmp_path: Path, extractor: Extractor
) -> None:
    long_text = STORIES["kenya-somalia"] + FILLER * 5
    assert len(long_text) >= 400
    server.routes.update({
        "/feed.xml": Route(rss(
            {"guid": "teaser", "link": server.url("/a/teaser"), "title": "Aid for Nepal", "text": "Read more."},
            {"guid": "bare", "link": server.url("/a/bare"), "title": "Talks in Berlin"},
            {"guid": "broken-page", "link": server.url("/a/broken"), "title": "Sanctions",
             "text": STORIES["france-iran"]},
            {"guid": "long", "link": server.url("/a/long"), "title": "Troops", "text": long_text},
            {"guid": "later", "link": server.url("/a/later"), "title": "Haiti"},
        ), etag='"f1"'),
        "/a/teaser": html_route(STORIES["japan-nepal"]),
        "/a/bare": html_route(STORIES["germany-poland"]),
        "/a/broken": Route(b"oops", status=500, content_type="text/plain"),
        "/a/long": html_route(STORIES["india-lanka"]),
        "/a/later": Route(b"busy", status=503, content_type="text/plain"),
    })  # fmt: skip
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [server.url("/feed.xml")], extractor, lines)
        report = w.run_once()
        assert report.sources[0].new_items == 4 and report.documents_added == 4
        by_id = {d.id: d for d in store.documents()}
        teaser = by_id["teaser"]
        assert teaser.text.startswith(STORIES["japan-nepal"]) and "Home" not in teaser.text
        assert (teaser.title, teaser.url, teaser.source) == ("Aid for Nepal", server.url("/a/teaser"), "World desk")
        assert by_id["bare"].text.startswith(STORIES["germany-poland"])
        assert by_id["broken-page"].text == STORIES["france-iran"]  # the page failed: the entry's own text
        assert by_id["long"].text == long_text  # long enough: its page is not read
        assert server.hits["/a/long"] == 0
        assert store.events(dyad=("JPN", "NPL"), min_confidence=0)
        logged = problems(lines)
        assert any("/a/broken: HTTP 500" in line and "stored the entry's own text" in line for line in logged)
        assert any("/a/later: HTTP 503" in line and "tried again next round" in line for line in logged)

        # The unread entry keeps the feed's validators from being stored: the next round gets the feed again
        server.routes["/a/later"] = html_route(STORIES["canada-haiti"])
        again = w.run_once()
        assert "If-None-Match" not in server.last_headers("/feed.xml")
        assert again.sources[0].new_items == 1 and again.documents_added == 1
        assert {d.id for d in store.documents()} == {"teaser", "bare", "broken-page", "long", "later"}
        assert state_of(store, server.url("/feed.xml")).etag == '"f1"'
        w.run_once()
        assert server.last_headers("/feed.xml")["If-None-Match"] == '"f1"'
    assert {path: server.hits[path] for path in ("/a/teaser", "/a/bare", "/a/broken", "/a/later")} == {
        "/a/teaser": 1, "/a/bare": 1, "/a/broken": 1, "/a/later": 2}  # fmt: skip


def test_a_restarted_watcher_fetches_nothing_twice(server: FeedServer, tmp_path: Path, extractor: Extractor) -> None:
    server.routes.update({
        "/feed.xml": Route(rss({"guid": "a", "link": server.url("/a/1"), "title": "Nepal"}), etag='"e1"'),
        # a server that ignores validators: the same feed, 200 every time
        "/plain.xml": Route(rss({"guid": "b", "link": server.url("/a/2"), "title": "Poland"})),
        "/a/1": html_route(STORIES["japan-nepal"]),
        "/a/2": html_route(STORIES["germany-poland"]),
        "/p/1": html_route(STORIES["india-lanka"]),
    })  # fmt: skip
    pages = tmp_path / "pages.urls"
    pages.write_text(server.url("/p/1") + "\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "canada.txt").write_text(STORIES["canada-haiti"], encoding="utf-8")
    sources = [server.url("/feed.xml"), server.url("/plain.xml"), str(pages), str(inbox)]
    db = tmp_path / "news.duckdb"

    lines: list[str] = []
    first = watcher(db, sources, extractor, lines).run_once()  # a path: opened for the round, then closed
    assert first.documents_added == 4
    before = server.hits.copy()

    restarted = watcher(db, sources, extractor, lines).run_once()  # a new watcher on the same store file
    assert restarted.documents_added == 0 and restarted.new_items == 0
    assert server.hits - before == Counter({"/feed.xml": 1, "/plain.xml": 1})  # the feeds only: no page again
    assert server.last_headers("/feed.xml")["If-None-Match"] == '"e1"'
    assert {s.source: s.outcome for s in restarted.sources}[server.url("/feed.xml")] == NOT_MODIFIED
    with Store.open(db, read_only=True) as store:
        assert len(store.documents()) == 4
        assert [s.items_seen for s in watch_states(store)] == [1, 1, 1, 1]
        items = store.sql("SELECT source, item, count(*) AS n FROM watch_items GROUP BY ALL").rows()
        assert len(items) == 4 and all(row["n"] == 1 for row in items)
    assert problems(lines) == []


# --- lists of pages and folders -----------------------------------------------------------------------------------


def test_a_list_of_pages_reads_each_page_once(server: FeedServer, tmp_path: Path, extractor: Extractor) -> None:
    server.routes.update({
        "/p/1": html_route(STORIES["japan-nepal"]),
        "/p/2": html_route(STORIES["india-lanka"]),
        "/p/3": html_route(STORIES["france-iran"]),
        "/p/empty": Route(b"<html><head><title>Nothing</title></head><body></body></html>", content_type="text/html"),
    })  # fmt: skip
    listing = tmp_path / "reading-list"
    listing.write_text(f"# to read\n{server.url('/p/1')}\n\n{server.url('/p/2')}\nftp://example.org/x\n"
                       f"{server.url('/p/gone')}\n{server.url('/p/empty')}\n", encoding="utf-8")  # fmt: skip
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [f"pages:{listing}"], extractor, lines)
        first = w.run_once()
        assert first.documents_added == 2 and first.sources[0].new_items == 5
        page = store.document(server.url("/p/1"))
        assert page is not None and page.url == server.url("/p/1") and page.text.startswith(STORIES["japan-nepal"])
        logged = problems(lines)
        assert len(logged) == 3
        assert any("'ftp://example.org/x' is not an http(s) URL" in line for line in logged)
        assert any("/p/gone: HTTP 404" in line for line in logged)
        assert any("/p/empty: no article text found in the HTML" in line for line in logged)

        with listing.open("a", encoding="utf-8") as out:
            out.write(server.url("/p/3") + "\n")
        second = w.run_once()
        assert second.documents_added == 1 and second.sources[0].new_items == 1
        assert len(problems(lines)) == 3  # the problems were the pages' own: recorded, not tried again
        state = state_of(store, str(listing.resolve()))
        assert (state.kind, state.items_seen, state.documents_added, state.errors) == (PAGES, 6, 3, 3)
    assert [server.hits[p] for p in ("/p/1", "/p/2", "/p/3", "/p/gone", "/p/empty")] == [1, 1, 1, 1, 1]


def test_a_folder_is_read_again_when_a_file_is_added_or_edited(tmp_path: Path, extractor: Extractor) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "asia").mkdir(parents=True)
    (inbox / "asia" / "japan.txt").write_text(STORIES["japan-nepal"], encoding="utf-8")
    (inbox / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (inbox / ".hidden.txt").write_text(STORIES["kenya-somalia"], encoding="utf-8")
    lines: list[str] = []
    with Store.open(tmp_path / "news.duckdb") as store:
        w = watcher(store, [str(inbox)], extractor, lines)
        first = w.run_once()
        assert first.documents_added == 1 and first.sources[0].new_items == 2
        assert store.document("asia/japan") is not None  # named as `ingest inbox/` names it
        (unknown,) = problems(lines)
        assert "notes.csv: unknown format '.csv'" in unknown

        (inbox / "india.txt").write_text(STORIES["india-lanka"], encoding="utf-8")
        japan = inbox / "asia" / "japan.txt"
        japan.write_text(STORIES["japan-nepal"] + " " + STORIES["canada-haiti"], encoding="utf-8")
        os.utime(japan, ns=(japan.stat().st_atime_ns, japan.stat().st_mtime_ns + 10**9))
        second = w.run_once()
        assert second.sources[0].new_items == 2 and second.documents_added == 2
        assert texts(store) == sorted([STORIES["japan-nepal"], STORIES["india-lanka"],
                                       STORIES["japan-nepal"] + " " + STORIES["canada-haiti"]])  # fmt: skip
        assert len(problems(lines)) == 1  # the .csv is not reported again
        assert w.run_once().new_items == 0
        assert state_of(store, str(inbox.resolve())).kind == FOLDER


def test_sources_are_told_apart_and_bad_ones_refused(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    assert watch_source("https://example.org/feed.xml").kind == FEED
    assert watch_source(f"pages:{tmp_path}/list").kind == PAGES
    assert watch_source(str(tmp_path / "urls.txt")) == watch_source(f"pages:{tmp_path}/urls.txt")
    assert watch_source(str(tmp_path / "inbox")).key == str(tmp_path / "inbox")
    for bad in (str(tmp_path / "missing"), "ftp://example.org/feed", str(tmp_path / "x.jsonl")):
        with pytest.raises(ConfigError, match="watch source"):
            watch_source(bad)
    assert [parse_interval(s) for s in ("30s", "15m", "1h", "1d", "90")] == [30, 900, 3600, 86400, 90]
    with pytest.raises(ConfigError, match="30s, 15m, 1h, 1d"):
        parse_interval("soon")


# --- the command --------------------------------------------------------------------------------------------------


def test_watch_once_and_status_through_the_command(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = Route(rss(story("japan-nepal"), story("india-lanka")), etag='"c1"')
    server.routes["/down.xml"] = Route(b"no", status=502, content_type="text/plain")
    db = str(tmp_path / "news.duckdb")
    feed, down = server.url("/feed.xml"), server.url("/down.xml")

    done = runner.invoke(app, ["watch", feed, down, "--db", db, "--once", "--per-host", "0", "--timeout", "5"])
    assert done.exit_code == 0, done.output
    assert f"watch: {down}: HTTP 502 Bad Gateway" in done.stderr
    assert "watch: round done: 2 sources (1 fetched, 1 failed), 2 new items, 2 documents added" in done.stderr
    assert done.stdout == ""

    again = runner.invoke(app, ["watch", feed, "--db", db, "--once", "--per-host", "0", "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["sources"] == [
        {"source": feed, "kind": "feed", "outcome": "not modified", "new_items": 0, "documents_added": 0,
         "problems": []}]  # fmt: skip

    status = runner.invoke(app, ["watch", "--status", "--db", db], env={"COLUMNS": "250"})
    assert status.exit_code == 0, status.output
    for column in ("source", "kind", "last fetch", "last ok", "items seen", "documents added", "errors",
                   "last error", "next due", feed, down, "HTTP 502 Bad Gateway"):  # fmt: skip
        assert column in status.stdout
    listed = runner.invoke(app, ["watch", "--status", "--json", "--db", db])
    rows = {row["source"]: row for row in json.loads(listed.stdout)}
    assert (rows[feed]["items_seen"], rows[feed]["documents_added"], rows[feed]["errors"]) == (2, 2, 0)
    assert (rows[down]["errors"], rows[down]["failures"], rows[down]["last_ok"]) == (1, 1, None)
    assert rows[down]["next_due"].endswith("Z")

    missing = runner.invoke(app, ["watch", "--db", db])
    assert missing.exit_code == 1 and "error: watch: give at least one SOURCE" in missing.stderr
    bad = runner.invoke(app, ["watch", str(tmp_path / "nowhere"), "--db", db, "--once"])
    assert bad.exit_code == 1 and bad.stderr.startswith("error: watch source")
    every = runner.invoke(app, ["watch", feed, "--db", db, "--every", "often"])
    assert every.exit_code == 1 and "error: interval 'often'" in every.stderr


def console_script() -> Path:
    script = Path(sys.executable).parent / "diplograph"
    if not script.exists():
        pytest.fail(f"the console script is not installed beside {sys.executable}: pip install -e .")
    return script


def test_sigterm_stops_the_watcher_between_documents(server: FeedServer, tmp_path: Path) -> None:
    keys = ["japan-nepal", "india-lanka", "germany-poland", "france-iran", "kenya-somalia"]
    hold = threading.Event()  # the third article waits for this: the watcher is mid-round when the signal comes
    server.routes["/feed.xml"] = Route(rss(*(
        {"guid": k, "link": server.url(f"/a/{k}"), "title": k} for k in reversed(keys))))  # newest first
    for n, key in enumerate(keys):
        server.routes[f"/a/{key}"] = html_route(STORIES[key], hold=hold if n == 2 else None)
    db = tmp_path / "news.duckdb"
    command = [str(console_script()), "watch", server.url("/feed.xml"), "--db", str(db), "--per-host", "0",
               "--timeout", "60", "--every", "1h"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        arrived = server.arrived.setdefault("/a/germany-poland", threading.Event())
        while not arrived.wait(0.1):
            assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGTERM)
        hold.set()
        out, err = process.communicate(timeout=120)
    finally:
        hold.set()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err and err.rstrip().endswith("watch: stopped")
    assert "(stopped early)" in err

    # The three articles it had begun are stored whole; the two after the signal were never fetched.
    assert [server.hits[f"/a/{k}"] for k in keys] == [1, 1, 1, 0, 0]
    with Store.open(db, read_only=True) as store:
        assert {d.id for d in store.documents()} == set(keys[:3])
        for key in keys[:3]:
            extraction = store.extraction(key)
            assert extraction is not None and extraction.events and extraction.document.text.startswith(STORIES[key])
        assert store.sql("SELECT count(*) AS n FROM watch_items").rows()[0]["n"] == 3

    # The next run stores the rest and fetches none of the first three again.
    rerun = subprocess.run([*command[:-2], "--once"], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(db, read_only=True) as store:
        assert sorted(d.id for d in store.documents()) == sorted(keys)
    assert [server.hits[f"/a/{k}"] for k in keys] == [1, 1, 1, 1, 1]


# --- serve --watch ------------------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_serve_watch_writes_through_the_servers_one_writer(server: FeedServer, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from diplograph.watch import WatchOptions
    from diplograph.web import create_app

    server.routes["/feed.xml"] = Route(rss(story("japan-nepal"), story("france-iran")), etag='"s1"')
    db = tmp_path / "served.duckdb"
    options = WatchOptions((server.url("/feed.xml"),), every=HOUR, per_host=0, timeout=5)
    application = create_app(db, watch=options)  # no token: clients still cannot write
    with TestClient(application) as client:
        deadline = time.monotonic() + 120
        while client.get("/api/documents").json()["count"] < 2:  # the watcher's round, through the hub's jobs
            assert time.monotonic() < deadline, "the watcher stored nothing"
            time.sleep(0.1)
        jobs = client.get("/api/jobs").json()
        assert any(job["document_ids"] == ["japan-nepal"] and job["status"] == "done" for job in jobs["items"])
        refused = client.post("/api/documents", json={"text": STORIES["canada-haiti"]})
        assert refused.status_code == 401
        hub = application.state.hub
        while True:  # the round's state is written last, by the same writer
            with hub.reader() as store:
                states = watch_states(store)
            if states and states[0].items_seen == 2:
                break
            assert time.monotonic() < deadline, "the watcher's state was not written"
            time.sleep(0.1)
        assert (states[0].etag, states[0].documents_added) == ('"s1"', 2)
    assert not application.state.watcher.thread.is_alive()  # stopped before the store was closed
    with Store.open(db, read_only=True) as store:
        assert texts(store) == sorted([STORIES["japan-nepal"], STORIES["france-iran"]])
    assert server.hits["/feed.xml"] == 1


def test_serve_refuses_a_bad_watch_source(tmp_path: Path) -> None:
    done = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--watch", str(tmp_path / "nowhere")])
    assert done.exit_code == 1 and done.stderr.startswith("error: watch source")


# --- alerts after each round ------------------------------------------------------------------------------------------


def test_each_round_reports_new_matches_of_saved_alerts_once(server: FeedServer, tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.duckdb")
    hits = tmp_path / "hits.jsonl"
    feed = server.url("/feed.xml")
    server.routes["/feed.xml"] = Route(rss(story("japan-nepal")), etag='"a1"')
    first = runner.invoke(app, ["watch", feed, "--db", db, "--once", "--per-host", "0", "--alerts-jsonl", str(hits)])
    assert first.exit_code == 0, first.output
    added = runner.invoke(app, ["alerts", "add", "iran-sanctions", "--db", db, "--query",
                                "type=SANCTION state=IRN min_confidence=0"])  # fmt: skip
    assert added.exit_code == 0, added.output
    assert not hits.exists()  # nothing about Iran yet
    server.routes["/feed.xml"] = Route(rss(story("japan-nepal"), story("france-iran")), etag='"a2"')
    second = runner.invoke(app, ["watch", feed, "--db", db, "--once", "--per-host", "0", "--alerts-jsonl", str(hits)])
    assert second.exit_code == 0, second.output
    assert second.stdout.count("alert iran-sanctions") == 1 and "SANCTION" in second.stdout
    reported = [json.loads(line) for line in hits.read_text(encoding="utf-8").splitlines()]
    assert len(reported) == 1 and reported[0]["alert"] == "iran-sanctions"
    assert "France imposed sanctions on Iran" in json.dumps(reported[0]["evidence"])
    server.routes["/feed.xml"] = Route(rss(story("japan-nepal"), story("france-iran"), story("canada-haiti")),
                                       etag='"a3"')  # fmt: skip
    third = runner.invoke(app, ["watch", feed, "--db", db, "--once", "--per-host", "0", "--alerts-jsonl", str(hits)])
    assert third.exit_code == 0 and "alert iran-sanctions" not in third.stdout  # reported once, never again
    assert len(hits.read_text(encoding="utf-8").splitlines()) == 1
    quiet = runner.invoke(app, ["watch", feed, "--db", db, "--once", "--no-alerts"])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_serve_watch_records_alert_hits_through_the_one_writer(server: FeedServer, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from diplograph.watch import WatchOptions
    from diplograph.watch.alerts import Alert, add_alert
    from diplograph.web import create_app

    db = tmp_path / "served-alerts.duckdb"
    with Store.open(db) as store:
        add_alert(store, Alert("iran", "events", {"types": ["SANCTION"], "state": "IRN", "min_confidence": 0}, None))
    server.routes["/feed.xml"] = Route(rss(story("france-iran")), etag='"s1"')
    options = WatchOptions((server.url("/feed.xml"),), every=HOUR, per_host=0, timeout=5)
    application = create_app(db, watch=options)
    with TestClient(application) as client:
        deadline = time.monotonic() + 120
        while not client.get("/api/alerts/hits").json()["items"]:
            assert time.monotonic() < deadline, "no alert hit was recorded"
            time.sleep(0.1)
        hit = client.get("/api/alerts/hits").json()["items"][0]
        assert hit["alert"] == "iran" and "France imposed sanctions on Iran" in json.dumps(hit["evidence"])
