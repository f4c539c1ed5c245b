"""WHERE clauses for store queries. User values only ever travel as parameters; column names come from code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from diplograph.errors import ConfigError
from diplograph.store.convert import date_bounds

DateLike = str | date | None


@dataclass
class Where:
    """An AND of clauses with their parameters, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(f"({c})" for c in self.clauses)) if self.clauses else ""


@dataclass(frozen=True)
class Columns:
    """Which columns of a fact table the shared filters read."""

    type: str
    start: str
    end: str


EVENT_COLUMNS = Columns(type="event", start="date_start", end="date_end")
MEASURE_COLUMNS = Columns(type="measure", start="period_start", end="period_end")


def parse_date(value: DateLike, name: str, *, last: bool = False) -> date | None:
    """A filter date: a date, or YYYY / YYYY-MM / YYYY-MM-DD meaning its first day (`last`: its last day)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    bounds = date_bounds(str(value))
    if bounds[0] is None:
        raise ConfigError(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds[1] if last else bounds[0]


def add_date_range(where: Where, start_col: str, end_col: str, since: DateLike, until: DateLike) -> None:
    """Keep rows whose [start_col, end_col] overlaps [since, until]; rows without dates drop out."""
    first = parse_date(since, "since")
    last = parse_date(until, "until", last=True)
    if first is not None:
        where.add(f"{end_col} >= ?", first)
    if last is not None:
        where.add(f"{start_col} <= ?", last)


def _as_list(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else [str(v) for v in values]


def add_participants(
    where: Where, *, state: str | None, actor: str | None, recipient: str | None, dyad: tuple[str, str] | None
) -> None:
    if state is not None:
        where.add("list_contains(actor, ?) OR list_contains(recipient, ?)", state, state)
    if actor is not None:
        where.add("list_contains(actor, ?)", actor)
    if recipient is not None:
        where.add("list_contains(recipient, ?)", recipient)
    if dyad is not None:
        a, b = _dyad(dyad)
        where.add(
            "(list_contains(actor, ?) AND list_contains(recipient, ?))"
            " OR (list_contains(actor, ?) AND list_contains(recipient, ?))",
            a,
            b,
            b,
            a,
        )


def _dyad(dyad: tuple[str, str]) -> tuple[str, str]:
    if isinstance(dyad, str) or len(dyad) != 2:
        raise ConfigError(f"dyad: expected a pair of codes such as ('RUS', 'PRK'), got {dyad!r}")
    return dyad[0], dyad[1]


def add_confidence(where: Where, min_confidence: float | None, column: str = "confidence",
                   kind: str = "event", sides: bool = True) -> None:
    """Keep facts of `kind` at or above the threshold (None: the default one; 0: every candidate). Unscored
    facts (NULL: imported rows, stores written before scoring) always pass. `sides`: whether the rows have the
    actor and recipient lists a domestic event is told by (not the dyad index, which holds none)."""
    condition = confidence_sql(min_confidence, column, kind, sides=sides)
    if condition != "true":
        where.add(condition)


def confidence_sql(min_confidence: float | None, column: str = "confidence", kind: str = "event",
                   one_sentence: str | None = None, sides: bool = True, lead: str | None = None) -> str:
    """The confidence filter as an SQL condition. Events of a one-sentence document (the `one_sentence` column
    beside `column`, when `column` is a column of the events table, or the condition `one_sentence` says, for a
    computed `column` such as an incident's combined confidence) get the sentence threshold, and the lead event of
    such a document (the `lead` column beside `column`, or the condition `lead` says) the lead threshold; domestic
    events of other documents (`confidence.is_domestic`, from the actor and recipient beside `column` when `sides`) the
    domestic one; other computed columns get the events' threshold. The thresholds are checked numbers
    (`reader_threshold`), so they are written as literals."""
    from diplograph.confidence import reader_threshold

    threshold = reader_threshold(min_confidence, kind)
    single = reader_threshold(min_confidence, kind, one_sentence=True)
    lead_limit = reader_threshold(min_confidence, kind, one_sentence=True, lead=True)
    domestic = reader_threshold(min_confidence, kind, domestic=True)
    flag = one_sentence or _beside(column, "one_sentence")
    lead_flag = lead or (None if one_sentence else _beside(column, "lead"))
    actor, recipient = (_beside(column, "actor"), _beside(column, "recipient")) if sides else (None, None)
    domestic_case = None
    if kind == "event" and actor is not None and recipient is not None and domestic != threshold:
        # is_domestic: one state on both sides (not in a one-sentence document: its cases come first)
        domestic_case = (f"WHEN len({actor}) > 0 AND list_sort(list_distinct({actor})) = "
                         f"list_sort(list_distinct({recipient})) THEN {domestic!r}")
    cases = []
    if kind == "event" and flag is not None:
        if lead_flag is not None and lead_limit != single:
            cases.append(f"WHEN {flag} AND {lead_flag} THEN {lead_limit!r}")
        if single != threshold or cases or domestic_case:
            cases.append(f"WHEN {flag} THEN {single!r}")
    if domestic_case:
        cases.append(domestic_case)
    if not cases:
        return f"({column} IS NULL OR {column} >= {threshold!r})" if threshold > 0 else "true"
    return f"({column} IS NULL OR {column} >= CASE {' '.join(cases)} ELSE {threshold!r} END)"


def _beside(column: str, name: str) -> str | None:
    """The column `name` of the same table as `column` ("e.confidence" -> "e.one_sentence"), or None when
    `column` is an expression."""
    table, _, bare = column.rpartition(".")
    if bare != "confidence" or not all(part.isidentifier() for part in (table or "x").split(".")):
        return None
    return f"{table}.{name}" if table else name


def fact_filters(
    columns: Columns,
    *,
    state: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    dyad: tuple[str, str] | None = None,
    types: str | Iterable[str] | None = None,
    since: DateLike = None,
    until: DateLike = None,
    text: str | None = None,
    doc: str | None = None,
    min_confidence: float | None = None,
    country: str | None = None,
    near: Near | None = None,
    incident: str | None = None,
) -> Where:
    """The WHERE clause shared by events and measures (`min_confidence`: see `add_confidence`). Events also filter
    by where they happened (`country`: the location's state; `near`: within a radius) and by `incident`."""
    where = Where()
    if (country or near or incident) and columns.type != "event":
        raise ConfigError("country, near and incident filter events only (measures have no location)")
    if country:
        where.add("location.country = ?", country.strip().upper())
    if near is not None:
        add_near(where, near)
    if incident:
        where.add("incident = ?", incident)
    add_confidence(where, min_confidence, kind=columns.type)
    add_participants(where, state=state, actor=actor, recipient=recipient, dyad=dyad)
    if types is not None:
        wanted = _as_list(types)
        # A plain IN list is pushed into the scan; IN (SELECT unnest(?)) became a join that hid the dates'
        # zone maps from ORDER BY ... LIMIT (a page of one type took 70 ms instead of 3 on 1M events).
        if wanted:
            where.add(f"{columns.type} IN ({', '.join('?' * len(wanted))})", *wanted)
        else:
            where.add("false")
    add_date_range(where, columns.start, columns.end, since, until)
    if text:
        where.add("list_bool_or(list_transform(evidence, lambda ev: contains(lower(ev.text), lower(?))))", text)
    if doc is not None:
        where.add("doc_id = ? OR doc_hash = ?", doc, doc)
    return where


@dataclass(frozen=True)
class Near:
    """A circle on the map: events whose location lies within `km` of (lat, lon)."""

    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, value: str) -> Near:
        """'LAT,LON,KM' (e.g. '33.4,43.3,100') as a Near; a ConfigError naming the problem otherwise."""
        parts = [p.strip() for p in str(value).split(",")]
        try:
            lat, lon, km = (float(p) for p in parts)
        except ValueError:
            raise ConfigError(f"near: expected LAT,LON,KM such as 33.4,43.3,100, got {value!r}") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_040):
            raise ConfigError(f"near: latitude -90..90, longitude -180..180 and 0 < km <= 20040, got {value!r}")
        return cls(lat, lon, km)


def add_near(where: Where, near: Near) -> None:
    """Events located within near.km of the point (haversine on a 6,371 km sphere)."""
    where.add(
        "location.lat IS NOT NULL AND 2 * 6371.0 * asin(sqrt(pow(sin(radians(location.lat - ?) / 2), 2) + "
        "cos(radians(?)) * cos(radians(location.lat)) * pow(sin(radians(location.lon - ?) / 2), 2))) <= ?",
        near.lat, near.lat, near.lon, near.km,
    )


COUNTS = ("incidents", "reports")
# The report that stands for its incident: the most confident, then the first in the store's order.
REPRESENTATIVE_ORDER = "coalesce(confidence, 1) DESC, date_start NULLS LAST, doc_hash, seq"
# a report's rank among its incident's reports (1: the one that stands for it)
REPRESENTATIVE_RANK = f"row_number() OVER (PARTITION BY incident ORDER BY {REPRESENTATIVE_ORDER})"


def counts_incidents(count: str) -> bool:
    """Whether `count` asks for one event per incident ('incidents', the default) rather than every report."""
    if count not in ("incidents", "reports"):
        raise ConfigError(f"count: expected incidents or reports, got {count!r}")
    return count == "incidents"


def counted(where: Where, count: str) -> Where:
    """`where` for analytics that count incidents (the default) or reports. Counting incidents keeps one event per
    incident among those `where` keeps: the report that stands for it (REPRESENTATIVE_ORDER), so that twenty
    outlets reporting one raid count once; counting reports keeps every event."""
    if not counts_incidents(count):
        return where
    out = Where(list(where.clauses), list(where.params))
    # Only the events whose incident has other reports (`shared`, kept when linking) are sorted to find their
    # incident's representative; an event with shared = false is its incident's one report. Sorting every event
    # the filter keeps took seconds at 10M events (bench/RESULTS.md). By rowid: a semi-join on one integer is much
    # cheaper than on (doc_hash, id).
    sorted_ = Where([*where.clauses, "shared IS NOT FALSE"], list(where.params))
    out.add(
        f"shared IS FALSE OR rowid IN (SELECT rowid FROM events {sorted_.sql()} "
        f"QUALIFY {REPRESENTATIVE_RANK} = 1)",
        *where.params,
    )
    return out


def sql_string(text: object) -> str:
    """`text` as an SQL string literal, its quotes doubled: for the few statements that take no parameters
    (ATTACH, EXPORT/IMPORT DATABASE, read_parquet's path, CASE lists built once)."""
    return "'" + str(text).replace("'", "''") + "'"


def page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    """LIMIT/OFFSET with their parameters, after checking they are counts."""
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise ConfigError(f"{name}: expected a count (0 or more), got {value!r}")
    if limit is None:
        return "OFFSET ?", [offset]
    return "LIMIT ? OFFSET ?", [limit, offset]
