"""Watching sources for new documents (`diplograph watch`) and the alerts that report what they bring.

    from diplograph.watch import Watcher
    with diplograph.open("news.duckdb") as store:
        report = Watcher(store, ["https://example.org/feed.xml", "pages:urls.txt", "inbox/"]).run_once()

Modules: `watcher` (rounds, backoff, the report), `sources` (feeds, page lists, folders and their items), `fetch`
(HTTP with limits and politeness), `state` (the watch tables of the store and the one writer), `alerts` (saved
queries run over each round's new documents). See docs/watch.md.
"""

from __future__ import annotations

from diplograph.watch.state import SourceState, watch_states
from diplograph.watch.watcher import RoundReport, SourceReport, Watcher, WatchOptions, parse_interval

__all__ = ["RoundReport", "SourceReport", "SourceState", "WatchOptions", "Watcher", "parse_interval", "watch_states"]
