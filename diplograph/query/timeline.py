"""The one timeline of the read side: events counted by month or year, by PLOVER type and quad, with their mean
PLOVER score. A state's page, a dyad's page and `analytics.dyad_timeline` (CLI `timeline`, API
`/api/dyads/A/B/timeline`) are all this function under different filters and granularities.

An event counts in the bucket its date lies within; one dated only to a longer stretch (a year in a monthly
timeline, a range) or not dated counts in the totals and in `undated`, in no bucket.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from diplograph.errors import ConfigError
from diplograph.ontology import event_quad, event_score
from diplograph.query import rows

if TYPE_CHECKING:
    from diplograph.store import Store
    from diplograph.store.query import Where

GRANULARITIES = ("auto", "month", "year")
AUTO_MONTHS_BELOW_YEARS = 3  # auto: months when the dated events span fewer years than this, else years


@dataclass
class Tally:
    """Counts of events by PLOVER type and quad, with their mean PLOVER score (types outside PLOVER count in
    `events` and `by_type` only)."""

    events: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)
    mean_score: float | None = None
    _score_sum: float = field(default=0.0, repr=False, compare=False)
    _scored: int = field(default=0, repr=False, compare=False)

    def add(self, event: str, mode: str | None, count: int) -> None:
        self.events += count
        self.by_type[event] = self.by_type.get(event, 0) + count
        quad, score = _quad_and_score(event, mode)
        if quad is not None:
            self.quads[quad] = self.quads.get(quad, 0) + count
        if score is not None:
            self._score_sum += score * count
            self._scored += count
            self.mean_score = round(self._score_sum / self._scored, 6)

    @property
    def other(self) -> int:
        """Events of types outside PLOVER (imported rows): in no quad."""
        return self.events - sum(self.quads.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "events": self.events,
            "by_type": dict(sorted(self.by_type.items())),
            "quads": dict(sorted(self.quads.items())),
            "mean_score": self.mean_score,
        }


@lru_cache(maxsize=4096)
def _quad_and_score(event: str, mode: str | None) -> tuple[str | None, float | None]:
    """An event type's quad and its (mode's) PLOVER score, looked up once per pair (a timeline adds thousands)."""
    return event_quad(event), event_score(event, mode)


@dataclass
class Bucket(Tally):
    """One month (YYYY-MM) or year (YYYY) of a timeline."""

    label: str = ""


@dataclass
class Timeline:
    unit: str  # month | year
    buckets: list[Bucket]
    total: Tally  # every event the filters kept, bucketed or not
    undated: int  # events in no bucket: dated to a longer stretch than one, or not dated


# Counted in DuckDB by the buckets an event can fall in, so that Python reads a few hundred rows, not one per
# distinct pair of dates (98,000 for the largest dyad of a 10M-event store): the years of its two dates, and its
# month when both dates lie in the same one.
_COUNTS = """
SELECT year(date_start) AS year_start, year(date_end) AS year_end,
       CASE WHEN date_trunc('month', date_start) = date_trunc('month', date_end)
            THEN strftime(date_start, '%Y-%m') END AS month,
       event, mode, count(*) AS n
FROM events {where}
GROUP BY ALL
"""


def timeline(store: Store, where: Where, *, granularity: str = "auto", gaps: bool = True,
             counts: tuple[str, list[Any]] | None = None) -> Timeline:
    """The events `where` keeps (store.query.fact_filters), by month or year. `granularity` 'auto' takes months
    when the dated events span fewer than three years. `gaps` lists the empty months or years between the first
    and the last bucket too. `counts`: the SQL of the counts and its parameters, when they come from elsewhere
    than the events table (the dyad index, `diplograph.store.dyad_index`), with the columns of `_COUNTS`."""
    if granularity not in GRANULARITIES:
        raise ConfigError(f"granularity: expected one of {', '.join(GRANULARITIES)}, got {granularity!r}")
    sql, params = counts if counts is not None else (_COUNTS.format(where=where.sql()), where.params)
    found = rows(store, sql, params)
    unit = granularity if granularity != "auto" else _auto_unit(found)
    buckets: dict[str, Bucket] = {}
    by_kind: dict[tuple[str, str | None], int] = {}  # the totals, added once per type and mode
    total, undated = Tally(), 0
    for row in found:
        event, mode, n = str(row["event"]), row["mode"], int(row["n"])
        by_kind[(event, mode)] = by_kind.get((event, mode), 0) + n
        key = _bucket(row, unit)
        if key is None:
            undated += n
            continue
        buckets.setdefault(key, Bucket(label=key)).add(event, mode, n)
    for (event, mode), n in by_kind.items():
        total.add(event, mode, n)
    labels = _all_labels(sorted(buckets), unit) if gaps else sorted(buckets)
    return Timeline(unit, [buckets.get(k) or Bucket(label=k) for k in labels], total, undated)


def _bucket(row: dict[str, object], unit: str) -> str | None:
    """The label of the month or year both of an event's dates lie in; None when they do not (or it is undated)."""
    if unit == "month":
        return row["month"]  # type: ignore[return-value]
    start, end = row["year_start"], row["year_end"]
    return f"{start:04d}" if start is not None and start == end else None


def _auto_unit(found: list[dict[str, object]]) -> str:
    years = sorted({int(r[k]) for r in found for k in ("year_start", "year_end")  # type: ignore[call-overload]
                    if r["year_start"] is not None and r[k] is not None})  # fmt: skip
    return "month" if years and years[-1] - years[0] < AUTO_MONTHS_BELOW_YEARS else "year"


def _all_labels(present: list[str], unit: str) -> list[str]:
    """Every year or month from the first to the last present, gaps included."""
    if not present:
        return []
    if unit == "year":
        return [f"{y:04d}" for y in range(int(present[0]), int(present[-1]) + 1)]
    first_year, first_month = (int(x) for x in present[0].split("-"))
    last_year, last_month = (int(x) for x in present[-1].split("-"))
    out, year, month = [], first_year, first_month
    while (year, month) <= (last_year, last_month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
