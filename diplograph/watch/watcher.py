"""The watcher: rounds over the sources, each new item stored once, each problem one log line, never a crash.

    with Store.open("news.duckdb") as store:
        watcher = Watcher(store, ["https://example.org/feed.xml", "pages:urls.txt", "inbox/"], every=900)
        report = watcher.run_once()                   # one round (what `watch --once` does)
        watcher.run_forever(stop)                     # rounds every `every` seconds until `stop` (an Event) is set

A round polls every source except those backing off after a failure: a feed by a conditional GET (a 304 means
nothing new), a list of pages and a folder by reading them. The items a source lists that the store has not seen
are read (article pages through the HTML reader, files through the ingest readers), extracted and stored one
document at a time, and recorded in watch_items. A source that fails (down, slow, malformed, too big) is logged
as `watch: <source>: <reason>` and is not asked again before now + min(every x 2^failures, 24 h); the round goes on.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError, DiplographError
from diplograph.store import Store
from diplograph.watch.fetch import DEFAULT_MAX_BYTES, DEFAULT_PER_HOST, DEFAULT_TIMEOUT, Fetcher, FetchFailed, Stopped
from diplograph.watch.sources import Entry, Found, Listing, WatchSource, list_entries, read_entry, watch_source
from diplograph.watch.state import Ledger, SourceState, StoreLedger, stderr_line, utc_now

if TYPE_CHECKING:
    from diplograph.pipeline import Extractor

DEFAULT_EVERY = 15 * 60.0
MAX_BACKOFF = 24 * 3600.0
FETCHED, NOT_MODIFIED, SKIPPED, FAILED = "fetched", "not modified", "skipped", "failed"  # a source's round
_INTERVAL = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[smhd]?)", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval written 30s, 15m, 1h, 1d (or a plain number of seconds); ConfigError otherwise."""
    match = _INTERVAL.fullmatch(text.strip())
    if match is None:
        raise ConfigError(f"interval {text!r}: expected a number with s, m, h or d (30s, 15m, 1h, 1d)")
    return float(match["number"]) * _UNIT_SECONDS[match["unit"].lower()]


def backoff(every: float, failures: int) -> float:
    """Seconds to wait after `failures` failures in a row: every x 2^failures, at most a day."""
    return min(every * 2 ** min(failures, 32), MAX_BACKOFF)


@dataclass
class SourceReport:
    """One source in one round. `outcome`: fetched, not modified, skipped (backing off) or failed."""

    source: str
    kind: str
    outcome: str
    new_items: int = 0
    documents_added: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "kind": self.kind, "outcome": self.outcome, "new_items": self.new_items,
                "documents_added": self.documents_added, "problems": list(self.problems)}  # fmt: skip


@dataclass
class RoundReport:
    """What one round did: each source's report, and the hashes of the documents it added (for the alerts)."""

    sources: list[SourceReport] = field(default_factory=list)
    new_doc_hashes: list[str] = field(default_factory=list)
    stopped: bool = False  # asked to stop before the round was done

    @property
    def documents_added(self) -> int:
        return len(self.new_doc_hashes)

    @property
    def new_items(self) -> int:
        return sum(s.new_items for s in self.sources)

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.sources if s.outcome == outcome)

    def summary(self) -> str:
        """One line: the sources by outcome, the new items and the documents added."""
        outcomes = ", ".join(f"{self.count(o)} {o}" for o in (FETCHED, NOT_MODIFIED, SKIPPED, FAILED) if self.count(o))
        stopped = " (stopped early)" if self.stopped else ""
        return (f"round done{stopped}: {len(self.sources)} sources ({outcomes or 'none'}), {self.new_items} new "
                f"items, {self.documents_added} documents added")  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {"sources": [s.to_dict() for s in self.sources], "new_doc_hashes": list(self.new_doc_hashes),
                "documents_added": self.documents_added, "stopped": self.stopped}  # fmt: skip


@dataclass(frozen=True)
class WatchOptions:
    """A watcher's sources and settings, for a process that builds the watcher later (`serve --watch`)."""

    sources: tuple[str, ...]
    every: float = DEFAULT_EVERY
    per_host: float = DEFAULT_PER_HOST
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES

    def watcher(self, store: Store | str | Path | Ledger, **kwargs: Any) -> Watcher:
        return Watcher(store, self.sources, every=self.every, per_host=self.per_host, timeout=self.timeout,
                       max_bytes=self.max_bytes, **kwargs)  # fmt: skip


class Watcher:
    """Watches `sources` (feed URLs, page lists, folders: see `watch_source`) and stores what they bring.

    `store` is an open Store (kept open), a path (opened for each round and closed between rounds, so that other
    commands can read the store meanwhile), or a Ledger (the web server's: diplograph.watch.state.HubLedger).
    `every`: seconds between rounds (and the base of the backoff); `per_host`: seconds between two requests to one
    host; `timeout`: seconds one request may take; `max_bytes`: the largest response read. `log` takes each line
    (default: standard error); `on_round(report)` is called after every round, while the store is open
    (`Watcher.store`); `extractor`: an Extractor (default: the packaged one, loaded when first needed).
    """

    def __init__(
        self,
        store: Store | str | Path | Ledger,
        sources: Sequence[str | WatchSource],
        *,
        every: float = DEFAULT_EVERY,
        per_host: float = DEFAULT_PER_HOST,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        log: Callable[[str], None] | None = None,
        on_round: Callable[[RoundReport], None] | None = None,
        extractor: Extractor | None = None,
    ) -> None:
        _check_settings(every, per_host, timeout, max_bytes)
        self.sources = [s if isinstance(s, WatchSource) else watch_source(s) for s in sources]
        if not self.sources:
            raise ConfigError("watch: no sources given")
        self.every = float(every)
        self.log = log or stderr_line
        self.on_round = on_round
        self.stop = threading.Event()  # run_forever's, or a fresh one for run_once
        self.fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes, per_host=per_host, stop=self.stop)
        self._target = store
        self._extractor = extractor
        self.store: Store | None = store if isinstance(store, Store) else None

    # --- rounds -------------------------------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event) -> None:
        """Rounds every `every` seconds until `stop` is set; it is checked between documents and while waiting.
        A round that cannot run (the store is in use by another process) is logged and tried again next time."""
        while not stop.is_set():
            try:
                self.run_once(stop)
            except DiplographError as exc:
                self.log(f"watch: {exc}")
            except Exception as exc:  # a bug must not end a long-running watcher: one line, and the next round
                self.log(f"watch: the round failed: {type(exc).__name__}: {exc}")
            stop.wait(self.every)

    def run_once(self, stop: threading.Event | None = None) -> RoundReport:
        """One round over every source; returns what it did. Setting `stop` ends it after the current document."""
        self.stop = stop or threading.Event()
        self.fetcher.stop = self.stop
        report = RoundReport()
        with self._ledger() as ledger:
            states = ledger.states()
            for source in self.sources:
                if self.stop.is_set():
                    report.stopped = True
                    break
                state = states.get(source.key) or SourceState(source.key, source.kind)
                report.sources.append(self._poll(source, state, ledger, report))
            report.stopped = report.stopped or self.stop.is_set()
            self.log(f"watch: {report.summary()}")
            self._after_round(report)
        return report

    @contextmanager
    def _ledger(self) -> Iterator[Ledger]:
        target = self._target
        if isinstance(target, Store):
            yield StoreLedger(target, self._get_extractor)
        elif isinstance(target, str | Path):
            with Store.open(target) as store:
                self.store = store
                try:
                    yield StoreLedger(store, self._get_extractor)
                finally:
                    self.store = None
        else:
            yield target

    def _get_extractor(self) -> Extractor:
        if self._extractor is None:
            from diplograph.pipeline import default_extractor

            self._extractor = default_extractor()
        return self._extractor

    def _after_round(self, report: RoundReport) -> None:
        if self.on_round is None:
            return
        try:
            self.on_round(report)
        except Exception as exc:  # a failing hook (an alert's webhook) must not stop the watcher
            self.log(f"watch: after the round: {type(exc).__name__}: {exc}")

    # --- one source ---------------------------------------------------------------------------------------------

    def _poll(self, source: WatchSource, state: SourceState, ledger: Ledger, report: RoundReport) -> SourceReport:
        now = utc_now()
        if state.failures and state.next_due is not None and now < state.next_due:
            return SourceReport(source.key, source.kind, SKIPPED)
        state.last_fetch = now
        try:
            listing = list_entries(source, self.fetcher, state.etag, state.last_modified)
        except FetchFailed as e:
            return self._failed(source, state, ledger, now, e.reason)
        except Stopped:
            return SourceReport(source.key, source.kind, SKIPPED)
        except DiplographError:
            raise
        except Exception as e:  # a bug on odd input: one line, and the other sources go on
            return self._failed(source, state, ledger, now, f"unexpected {type(e).__name__}: {e}")
        if listing.not_modified:
            self._succeeded(state, listing, now)
            ledger.save(state)
            return SourceReport(source.key, source.kind, NOT_MODIFIED)
        result = self._new_entries(source, state, listing, ledger, report)
        ledger.save(state)
        return result

    def _new_entries(self, source: WatchSource, state: SourceState, listing: Listing, ledger: Ledger,
                     report: RoundReport) -> SourceReport:  # fmt: skip
        """Read and store each entry not seen before. The validators are kept only when every new entry was dealt
        with: an entry left for later (stopped, network down) must come back in the next response, not a 304."""
        result = SourceReport(source.key, source.kind, FETCHED)
        seen = ledger.seen(source.key, [entry.key for entry in listing.entries])
        complete = True
        for entry in (e for e in listing.entries if e.key not in seen):
            if self.stop.is_set():
                complete = False
                break
            complete = self._entry(source, entry, state, ledger, result, report) and complete
        self._succeeded(state, listing if complete else Listing(etag=state.etag, last_modified=state.last_modified),
                        state.last_fetch or utc_now())  # fmt: skip
        return result

    def _entry(self, source: WatchSource, entry: Entry, state: SourceState, ledger: Ledger, result: SourceReport,
               report: RoundReport) -> bool:  # fmt: skip
        """Read, store and record one entry; False when it is left for a later round."""
        try:
            found = read_entry(entry, self.fetcher)
        except Stopped:
            return False
        except FetchFailed as e:  # the network, not the item: not recorded, so the next round tries again
            self._problem(source, state, result, f"{entry.url or entry.key}: {e.reason}; tried again next round")
            return False
        except DiplographError:
            raise
        except Exception as e:  # a bug on odd input: the item's own problem, one line, and the round goes on
            found = Found(problems=(f"{entry.url or entry.key}: unexpected {type(e).__name__}: {e}",))
        for note in found.notes:
            self.log(f"watch: {source.key}: {note}")
        for problem in found.problems:
            self._problem(source, state, result, problem)
        stored = ledger.store_item(source.key, entry.key, found.documents, self.stop)
        for problem in stored.problems:
            self._problem(source, state, result, problem)
        result.documents_added += len(stored.added)
        state.documents_added += len(stored.added)
        report.new_doc_hashes.extend(stored.added)
        if stored.complete:
            result.new_items += 1
            state.items_seen += 1
        return stored.complete

    def _problem(self, source: WatchSource, state: SourceState, result: SourceReport, reason: str) -> None:
        self.log(f"watch: {source.key}: {reason}")
        result.problems.append(reason)
        state.errors += 1
        state.last_error = reason

    def _succeeded(self, state: SourceState, listing: Listing, now: datetime) -> None:
        state.etag, state.last_modified = listing.etag, listing.last_modified
        state.last_ok = now
        state.failures = 0
        state.next_due = now + timedelta(seconds=self.every)

    def _failed(self, source: WatchSource, state: SourceState, ledger: Ledger, now: datetime,
                reason: str) -> SourceReport:  # fmt: skip
        result = SourceReport(source.key, source.kind, FAILED)
        self._problem(source, state, result, reason)
        state.failures += 1
        state.next_due = now + timedelta(seconds=backoff(self.every, state.failures))
        ledger.save(state)
        return result


def _check_settings(every: float, per_host: float, timeout: float, max_bytes: int) -> None:
    """The watcher's numbers, checked before anything is fetched: the caller's mistake, said plainly."""
    for name, value in (("every", every), ("per_host", per_host)):
        if not _is_number(value) or value < 0:
            raise ConfigError(f"{name}: expected a number of seconds, 0 or more, got {value!r}")
    if not _is_number(timeout) or timeout <= 0:
        raise ConfigError(f"timeout: expected a number of seconds over 0, got {timeout!r}")
    if not _is_number(max_bytes) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"max_bytes: expected a number of bytes, 1 or more, got {max_bytes!r}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
