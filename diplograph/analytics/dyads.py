"""How a relationship moves: a dyad's events month by month, and the change between two periods.

An event counts once however many states it names. Its score is the PLOVER score of its type and mode
(`ontology.plover_score`); its month is that of its date when the date lies within one month. Events dated
only to a year or a longer range, or not dated, count in the totals (`coarse`) but in no month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplograph.ontology import event_quad, event_score
from diplograph.query import Period, label, period, rows
from diplograph.store.query import EVENT_COLUMNS, DateLike, fact_filters

if TYPE_CHECKING:
    from diplograph.store import Store


@dataclass
class Tally:
    """Counts of events by PLOVER type and quad, with their mean PLOVER score."""

    events: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)
    mean_score: float | None = None
    _score_sum: float = field(default=0.0, repr=False, compare=False)
    _scored: int = field(default=0, repr=False, compare=False)

    def add(self, event: str, mode: str | None, count: int) -> None:
        self.events += count
        self.by_type[event] = self.by_type.get(event, 0) + count
        quad = event_quad(event)
        if quad is not None:
            self.quads[quad] = self.quads.get(quad, 0) + count
        score = event_score(event, mode)
        if score is not None:
            self._score_sum += score * count
            self._scored += count
            self.mean_score = round(self._score_sum / self._scored, 6)

    def to_dict(self) -> dict[str, object]:
        return {
            "events": self.events,
            "by_type": dict(sorted(self.by_type.items())),
            "quads": dict(sorted(self.quads.items())),
            "mean_score": self.mean_score,
        }


@dataclass
class MonthTally(Tally):
    month: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"month": self.month, **super().to_dict()}


@dataclass
class DyadTimeline:
    """A dyad's events by month (`months`, in order) and over the whole window (`total`)."""

    dyad: tuple[str, str]
    directed: bool
    months: list[MonthTally]
    total: Tally
    coarse: int  # events in the totals but in no month (dated to a year, a range, or not at all)

    def to_dict(self) -> dict[str, object]:
        return {
            "dyad": list(self.dyad),
            "directed": self.directed,
            "months": [m.to_dict() for m in self.months],
            "total": self.total.to_dict(),
            "coarse": self.coarse,
        }


_MONTH_COUNTS = """
SELECT CASE WHEN date_start IS NOT NULL AND date_trunc('month', date_start) = date_trunc('month', date_end)
            THEN strftime(date_start, '%Y-%m') END AS month,
       event, mode, count(*) AS n
FROM events {where}
GROUP BY ALL
ORDER BY month NULLS LAST, event, mode NULLS FIRST
"""


def _counts(
    store: Store, a: str, b: str, *, directed: bool, since: DateLike, until: DateLike, min_confidence: float | None
) -> list[dict[str, object]]:
    if directed:
        where = fact_filters(EVENT_COLUMNS, actor=a, recipient=b, since=since, until=until,
                             min_confidence=min_confidence)
    else:
        where = fact_filters(EVENT_COLUMNS, dyad=(a, b), since=since, until=until, min_confidence=min_confidence)
    return rows(store, _MONTH_COUNTS.format(where=where.sql()), where.params)


def dyad_timeline(
    store: Store, a: str, b: str, *, since: DateLike = None, until: DateLike = None, directed: bool = False,
    min_confidence: float | None = None,
) -> DyadTimeline:
    """Events between `a` and `b` (either direction, or a -> b when `directed`) by PLOVER type and month.
    `min_confidence`: events at or above it (None: the default threshold; 0: every candidate)."""
    months: dict[str, MonthTally] = {}
    total, coarse = Tally(), 0
    for row in _counts(store, a, b, directed=directed, since=since, until=until, min_confidence=min_confidence):
        event, mode, n, month = str(row["event"]), row["mode"], int(str(row["n"])), row["month"]
        total.add(event, mode if isinstance(mode, str) else None, n)
        if month is None:
            coarse += n
            continue
        tally = months.setdefault(str(month), MonthTally(month=str(month)))
        tally.add(event, mode if isinstance(mode, str) else None, n)
    return DyadTimeline((a, b), directed, [months[m] for m in sorted(months)], total, coarse)


@dataclass
class PeriodTally:
    period: str
    tally: Tally

    @property
    def cooperation_share(self) -> float | None:
        """The share of quad-coded events that are cooperation (verbal or material)."""
        quads = self.tally.quads
        coded = sum(quads.values())
        if not coded:
            return None
        return round((quads.get("verbal_cooperation", 0) + quads.get("material_cooperation", 0)) / coded, 6)

    def to_dict(self) -> dict[str, object]:
        return {"period": self.period, **self.tally.to_dict(), "cooperation_share": self.cooperation_share}


@dataclass
class Trend:
    """A dyad in two periods and the change between them (second minus first)."""

    dyad: tuple[str, str]
    first: PeriodTally
    second: PeriodTally
    events_change: int
    score_change: float | None
    cooperation_change: float | None
    direction: str  # improving | worsening | stable | unknown

    def to_dict(self) -> dict[str, object]:
        return {
            "dyad": list(self.dyad),
            "first": self.first.to_dict(),
            "second": self.second.to_dict(),
            "events_change": self.events_change,
            "score_change": self.score_change,
            "cooperation_change": self.cooperation_change,
            "direction": self.direction,
        }


def _difference(new: float | None, old: float | None) -> float | None:
    return None if new is None or old is None else round(new - old, 6)


def relationship_trend(
    store: Store,
    a: str,
    b: str,
    first: str | Period,
    second: str | Period,
    *,
    directed: bool = False,
    tolerance: float = 0.5,
    min_confidence: float | None = None,
) -> Trend:
    """Compare a dyad in two periods ('2014', '2014-01/2015-06' or (since, until)).

    The direction follows the mean PLOVER score: up by more than `tolerance` is improving, down by more is
    worsening, else stable; unknown when a period has no scored events.
    """
    tallies = []
    for name, value in (("first", first), ("second", second)):
        since, until = period(value, name)
        timeline = dyad_timeline(store, a, b, since=since, until=until, directed=directed,
                                 min_confidence=min_confidence)
        tallies.append(PeriodTally(label((since, until)), timeline.total))
    old, new = tallies
    score_change = _difference(new.tally.mean_score, old.tally.mean_score)
    direction = "unknown"
    if score_change is not None:
        direction = "improving" if score_change > tolerance else "worsening" if score_change < -tolerance else "stable"
    return Trend(
        (a, b), old, new, new.tally.events - old.tally.events, score_change,
        _difference(new.cooperation_share, old.cooperation_share), direction,
    )  # fmt: skip
