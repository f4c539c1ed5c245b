"""The `watch` command: poll feeds, lists of pages and folders, and store each new item once (diplograph.watch).

    diplograph watch https://example.org/feed.xml pages:urls.txt inbox/ --db news.duckdb --every 15m
    diplograph watch https://example.org/feed.xml --db news.duckdb --once        # one round, for cron
    diplograph watch --status --db news.duckdb                                   # each source's health

Each problem is one line on stderr, `watch: <source>: <reason>`, and the watcher goes on. Ctrl-C or SIGTERM stops
it after the document it is storing (exit code 0).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from diplograph.cli.common import DbOption, JsonOption, console, friendly, open_store, to_stderr
from diplograph.errors import ConfigError

SourcesArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="SOURCE...", show_default=False,
                   help="Feed URLs (RSS/Atom over http or https), lists of pages (pages:FILE, or a .txt/.urls file of "
                        "URLs, one a line) and folders."),
]  # fmt: skip
EveryOption = Annotated[
    str, typer.Option("--every", metavar="INTERVAL", help="Time between rounds, and the base of the backoff: 30s, "
                                                          "15m, 1h, 1d.")
]  # fmt: skip
PerHostOption = Annotated[
    float, typer.Option("--per-host", min=0, metavar="SECONDS", help="Seconds between two requests to one host.")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.001, metavar="SECONDS", help="Seconds one HTTP request may take.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, metavar="BYTES", help="The largest response read; a bigger one is a "
                                                                  "problem.")
]  # fmt: skip
STATUS_COLUMNS = ("source", "kind", "last fetch", "last ok", "items seen", "documents added", "errors", "last error",
                  "next due")  # fmt: skip


def watch(
    sources: SourcesArgument = None,
    db: DbOption = None,
    every: EveryOption = "15m",
    once: Annotated[bool, typer.Option("--once", help="Do one round and exit (for cron and tests).")] = False,
    status: Annotated[bool, typer.Option("--status", help="Print each watched source's state and exit.")] = False,
    as_json: JsonOption = False,
    per_host: PerHostOption = 2.0,
    timeout: TimeoutOption = 20.0,
    max_bytes: MaxBytesOption = 5 * 2**20,
    alerts: Annotated[bool, typer.Option("--alerts/--no-alerts", help="After each round, report the new facts "
                                         "that match a saved alert (`diplograph alerts add`).")] = True,
    alerts_jsonl: Annotated[Path | None, typer.Option("--alerts-jsonl", metavar="FILE", show_default=False,
                                                      help="Also append each alert hit to this JSONL file.")] = None,
    base_url: Annotated[str, typer.Option("--base-url", help="The web UI that alert links point to.")]
    = "http://127.0.0.1:8000",
) -> None:
    """Poll feeds, lists of pages and folders, and ingest each new item once.

    Feeds are fetched with conditional GETs, article pages of short entries through the HTML reader, files with the
    ingest readers. What was seen is kept in the store, so a restarted watcher fetches nothing twice. A source
    that fails is logged (`watch: <source>: <reason>`) and backed off; the others go on. Ctrl-C or SIGTERM stops
    after the current document. --status (with --json) shows each source's last fetch, items, documents and errors.
    """
    if status:
        _print_status(db, sources or [], as_json)
        return
    if not sources:
        raise ConfigError("watch: give at least one SOURCE (a feed URL, pages:FILE, a .txt/.urls list or a folder), "
                          "or --status")  # fmt: skip
    from diplograph import config
    from diplograph.watch.watcher import Watcher, parse_interval

    watcher = Watcher(config.db_path(db), sources, every=parse_interval(every), per_host=per_host, timeout=timeout,
                      max_bytes=max_bytes, log=to_stderr)  # fmt: skip
    if alerts:
        watcher.on_round = _alerts_after_round(watcher, alerts_jsonl, base_url)
    stop = threading.Event()
    with _stop_on_signals(stop):
        if once:
            report = watcher.run_once(stop)
            if as_json:
                typer.echo(json.dumps(report.to_dict(), indent=1, ensure_ascii=False))
        else:
            watcher.run_forever(stop)
    if stop.is_set():
        to_stderr("watch: stopped")


def _alerts_after_round(watcher: Any, jsonl: Path | None, base_url: str) -> Any:
    """The hook that runs the saved alerts over the documents a round stored: hits printed on standard output,
    appended to `jsonl`, POSTed to each alert's webhook; each fact reported once per alert."""
    from diplograph.watch.alerts import AlertOutputs, run_alerts

    outputs = AlertOutputs(print_to=sys.stdout, jsonl=jsonl, base_url=base_url, log=to_stderr)

    def after_round(report: Any) -> None:
        if report.new_doc_hashes:
            run_alerts(watcher.store, report.new_doc_hashes, outputs)

    return after_round


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop` (the watcher ends after the document it is storing); a second Ctrl-C
    interrupts at once. The previous handlers come back afterwards."""

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()  # no printing here: the signal may land inside another print

    previous = {number: signal.signal(number, handler) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def _print_status(db: Any, sources: list[str], as_json: bool) -> None:
    from diplograph.watch.sources import watch_source
    from diplograph.watch.state import watch_states

    with open_store(db, read_only=True) as store:
        states = watch_states(store)
    if sources:
        wanted = {watch_source(s).key for s in sources}
        states = [s for s in states if s.source in wanted]
    if as_json:
        typer.echo(json.dumps([s.to_dict() for s in states], indent=1, ensure_ascii=False))
        return
    if not states:
        to_stderr(f"no watched sources in {store.path}")
        return
    from rich.table import Table

    table = Table(title="watched sources (times in UTC)")
    for column in STATUS_COLUMNS:
        table.add_column(column, overflow="fold")  # a source or an error is worth more than one line of table
    for state in states:
        table.add_row(state.source, state.kind, _when(state.last_fetch), _when(state.last_ok), str(state.items_seen),
                      str(state.documents_added), str(state.errors), state.last_error or "", _when(state.next_due))
    console().print(table)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment is not None else ""


def register(app: typer.Typer) -> None:
    """Add `watch` to `app`."""
    app.command()(friendly(watch))
