"""Incident links in the store: each new event gets the incident it reports as its document is written
(`link_rows`, inside the same transaction), and `relink` recomputes every link of a store in ingestion order.
The rules are diplograph.incidents'; this module only feeds them stored rows.

Each event also says whether its incident has other reports (`shared`), so that counting incidents keeps an
event of an incident of its own without sorting it (store.query.counted). `shared` may be true (or NULL) where
the incident has one report only, never false where it has more: that would only cost a sort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from diplograph.incidents import (
    ANSWERED,
    COMPATIBLE,
    LINK_REACH_DAYS,
    MAX_SPAN_DAYS,
    UNDATED_LAG_DAYS,
    Linker,
    Report,
    window,
)
from diplograph.model import UNLISTED

Connection = Any  # duckdb.DuckDBPyConnection
RANGES_PER_QUERY = 16


def report_from_row(row: dict[str, Any], published: dt.date | None, url: str | None = None) -> Report:
    """The linking view of an event row (as written by store.convert.event_row or read back from the store), with
    its document's publication day and URL."""
    start, end = window(row.get("date_start"), row.get("date_end"), published)
    loc = row.get("location") or {}
    return Report(
        doc_hash=row["doc_hash"], id=row["id"], event=row["event"], actor=frozenset(row["actor"] or ()),
        recipient=frozenset(row["recipient"] or ()), start=start, end=end, country=loc.get("country"),
        kind=loc.get("kind"), place=loc.get("place"), admin1=loc.get("admin1"), lat=loc.get("lat"),
        lon=loc.get("lon"), incident=row.get("incident"), confidence=row.get("confidence"), url=url,
        loose=loc.get("method") == UNLISTED,
    )  # fmt: skip


def link_rows(conn: Connection, rows: list[dict[str, Any]], documents: dict[str, dict[str, Any]]) -> None:
    """Give each new event row its incident (`rows` in document order; `documents`: their document rows by hash,
    for the publication day and URL): the one of its best match among stored events and the rows before it, or a
    new one."""
    if not rows:
        return
    reports = [report_from_row(row, documents[row["doc_hash"]].get("published"), documents[row["doc_hash"]].get("url"))
               for row in rows]  # fmt: skip
    linker = Linker()
    for old in stored_candidates(conn, [r for r in reports if r.linkable]):
        linker.remember(old)  # every report of each incident a new report may join (complete linkage)
    for row, report in zip(rows, reports, strict=True):
        row["incident"] = linker.link(report)
    for row in rows:
        row["shared"] = row["incident"] in linker.joined
    mark_shared(conn, linker.joined)


def mark_shared(conn: Connection, incidents: Iterable[str]) -> None:
    """Mark the stored events of `incidents` (each with two or more reports now) as shared."""
    wanted = sorted(set(incidents))
    if wanted:
        conn.execute("UPDATE events SET shared = true WHERE incident IN (SELECT unnest(?::VARCHAR[])) "
                     "AND shared IS NOT TRUE", [wanted])  # fmt: skip


def _ranges(reports: Sequence[Report]) -> list[tuple[dt.date, dt.date]]:
    """The reports' windows, widened by the most a match allows (an answer days after the act) and merged where
    they touch."""
    spans = sorted((r.start - dt.timedelta(days=LINK_REACH_DAYS), r.end + dt.timedelta(days=LINK_REACH_DAYS))
                   for r in reports if r.start and r.end)  # fmt: skip
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _types(reports: Iterable[Report]) -> list[str]:
    wanted = {r.event for r in reports}
    wanted |= {t for pair in COMPATIBLE | ANSWERED if pair & wanted for t in pair}
    return sorted(wanted)


_REPORT_COLUMNS = ("doc_hash", "id", "event", "actor", "recipient", "date_start", "date_end", "location", "incident",
                   "confidence")  # fmt: skip
# What every reader of reports selects: the event's columns, then its document's publication day and URL.
_REPORT_SELECT = f"{', '.join('e.' + c for c in _REPORT_COLUMNS)}, d.published, d.url"


def _report(row: tuple[Any, ...]) -> Report:
    """A Report from a row of _REPORT_SELECT."""
    return report_from_row(dict(zip(_REPORT_COLUMNS, row[:-2], strict=True)), row[-2], row[-1])


def stored_candidates(conn: Connection, reports: Sequence[Report]) -> list[Report]:
    """Stored events that could report the same incident as one of `reports`: a compatible type, a shared party
    and a window overlapping theirs (undated ones through their story's publication day)."""
    if not reports:
        return []
    parties = sorted({c for r in reports for c in r.actor | r.recipient})
    types = _types(reports)
    ranges = _ranges(reports)
    found: dict[tuple[str, str], Report] = {}
    for i in range(0, len(ranges), RANGES_PER_QUERY):
        chunk = ranges[i : i + RANGES_PER_QUERY]
        dated = " OR ".join("(e.date_start <= ? AND e.date_end >= ?)" for _ in chunk)
        undated = " OR ".join("(d.published BETWEEN ? AND ?)" for _ in chunk)
        params: list[Any] = [*types, MAX_SPAN_DAYS, parties]
        params += [v for start, end in chunk for v in (end, start)]
        params += [v for start, end in chunk for v in (start, end + dt.timedelta(days=UNDATED_LAG_DAYS))]
        rows = conn.execute(
            f"""
            SELECT {_REPORT_SELECT}
            FROM events e JOIN documents d ON d.hash = e.doc_hash
            WHERE e.incident IS NOT NULL AND e.event IN ({", ".join("?" * len(types))})
              AND (e.date_start IS NULL OR e.date_end - e.date_start <= ?)
              AND list_has_any(list_concat(e.actor, e.recipient), ?::VARCHAR[])
              AND (CASE WHEN e.date_start IS NOT NULL THEN ({dated}) ELSE ({undated}) END)
            """,
            params,
        ).fetchall()
        for report in map(_report, rows):
            found[(report.doc_hash, report.id)] = report
    incidents = sorted({r.incident for r in found.values() if r.incident})
    for report in _members(conn, incidents):
        found.setdefault((report.doc_hash, report.id), report)
    return [found[key] for key in sorted(found)]


def _members(conn: Connection, incidents: list[str]) -> list[Report]:
    """Every stored report of the given incidents."""
    if not incidents:
        return []
    rows = conn.execute(
        f"""
        SELECT {_REPORT_SELECT}
        FROM events e JOIN documents d ON d.hash = e.doc_hash
        WHERE e.incident IN (SELECT unnest(?::VARCHAR[]))
        """,
        [incidents],
    ).fetchall()
    return [_report(row) for row in rows]


def note_loaded(conn: Connection, order_table: str) -> None:
    """Set `shared` for the events that loaded events (of the documents in `order_table`) brought their incident
    with (parts written with their links already made), and for the stored events of those incidents."""
    conn.execute(f"""
        WITH loaded AS (SELECT DISTINCT e.incident FROM events e SEMI JOIN {order_table} d ON e.doc_hash = d.hash
                        WHERE e.incident IS NOT NULL),
             several AS (SELECT incident FROM events WHERE incident IN (SELECT incident FROM loaded)
                         GROUP BY incident HAVING count(*) > 1)
        UPDATE events SET shared = incident IN (SELECT incident FROM several)
        WHERE incident IN (SELECT incident FROM loaded)
    """)


def link_pending(conn: Connection, order_table: str, *, batch: int = 20_000) -> int:
    """Link the events that have no incident yet (rows loaded from Parquet parts), in the order of `order_table`
    (a table of their documents with `hash`, `_part`, `_row`: the order the serial path would have stored them
    in), a batch at a time against everything linked before; returns how many were linked."""
    cursor = conn.execute(
        f"""
        SELECT {_REPORT_SELECT}
        FROM events e JOIN documents d ON d.hash = e.doc_hash JOIN {order_table} o ON o.hash = e.doc_hash
        WHERE e.incident IS NULL
        ORDER BY o._part, o._row, e.seq
        """
    )
    pending = [_report(row) for row in cursor.fetchall()]
    for start in range(0, len(pending), batch):
        reports = pending[start : start + batch]
        linker = Linker()
        for old in stored_candidates(conn, [r for r in reports if r.linkable]):
            linker.remember(old)
        incidents = [linker.link(r) for r in reports]
        _update(conn, [(i, i in linker.joined, r.doc_hash, r.id) for i, r in zip(incidents, reports, strict=True)])
        mark_shared(conn, linker.joined)
    return len(pending)


def _update(conn: Connection, changes: list[tuple[str, bool, str, str]]) -> None:
    """Set the incident and `shared` of each (incident, shared, doc_hash, id)."""
    if not changes:
        return
    import pyarrow as pa

    table = pa.table({"incident": [c[0] for c in changes], "shared": [c[1] for c in changes],
                      "doc_hash": [c[2] for c in changes], "id": [c[3] for c in changes]})  # fmt: skip
    conn.register("_diplograph_links", table)
    try:
        conn.execute("UPDATE events SET incident = r.incident, shared = r.shared FROM _diplograph_links r "
                     "WHERE events.doc_hash = r.doc_hash AND events.id = r.id")
    finally:
        conn.unregister("_diplograph_links")


def relink(conn: Connection, *, batch: int = 50_000) -> int:
    """Recompute the incident of every stored event, in ingestion order (documents by ingestion time, then in the
    order they were written: a batch's documents share one ingestion time; events by position); returns the number
    of events whose incident changed. Deterministic, and on a store linked as it was written it changes nothing."""
    cursor = conn.execute(
        f"""
        SELECT {_REPORT_SELECT}
        FROM events e JOIN documents d ON d.hash = e.doc_hash
        ORDER BY d.ingested_at, d.rowid, e.seq
        """
    )
    linker = Linker()
    changes: list[tuple[str, bool, str, str]] = []
    while chunk := cursor.fetchmany(batch):
        for stored in map(_report, chunk):
            incident = linker.link(replace(stored, incident=None))  # linked afresh, as if it were new
            if incident != stored.incident:
                changes.append((incident, False, stored.doc_hash, stored.id))  # `shared` is set below, for all
    _update(conn, changes)
    conn.execute("UPDATE events SET shared = coalesce(incident IN (SELECT unnest(?::VARCHAR[])), false)",
                 [sorted(linker.joined)])  # fmt: skip
    return len(changes)
