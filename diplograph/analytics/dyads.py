"""How a relationship moves: a dyad's events month by month, and the change between two periods.

An event counts once however many states it names. Its score is the PLOVER score of its type and mode
(`ontology.plover_score`); its month is that of its date when the date lies within one month. Events dated
only to a year or a longer range, or not dated, count in the totals (`coarse`) but in no month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.query import Period, label, period
from diplograph.query.timeline import Bucket, Tally, timeline
from diplograph.store import dyad_index
from diplograph.store.query import EVENT_COLUMNS, DateLike, Where, add_confidence, add_date_range, counted, fact_filters

if TYPE_CHECKING:
    from diplograph.store import Store


@dataclass
class DyadTimeline:
    """A dyad's events by month (`months`, in order) and over the whole window (`total`)."""

    dyad: tuple[str, str]
    directed: bool
    months: list[Bucket]  # label: the month, YYYY-MM
    total: Tally
    coarse: int  # events in the totals but in no month (dated to a year, a range, or not at all)

    def to_dict(self) -> dict[str, object]:
        return {
            "dyad": list(self.dyad),
            "directed": self.directed,
            "months": [{"month": m.label, **m.to_dict()} for m in self.months],
            "total": self.total.to_dict(),
            "coarse": self.coarse,
        }


def dyad_timeline(
    store: Store, a: str, b: str, *, since: DateLike = None, until: DateLike = None, directed: bool = False,
    min_confidence: float | None = None, count: str = "incidents",
) -> DyadTimeline:
    """Events between `a` and `b` (either direction, or a -> b when `directed`) by PLOVER type and month: the
    read side's timeline (`diplograph.query.timeline`) at monthly granularity, months without events left out.
    `min_confidence`: events at or above it (None: the default threshold; 0: every candidate). `count`:
    'incidents' counts each incident once however many reports it has; 'reports' counts every event."""
    if directed:
        where = fact_filters(EVENT_COLUMNS, actor=a, recipient=b, since=since, until=until,
                             min_confidence=min_confidence)
    else:
        where = fact_filters(EVENT_COLUMNS, dyad=(a, b), since=since, until=until, min_confidence=min_confidence)
    where = counted(where, count)
    counts = None
    if dyad_index.fresh(store.connection):  # the pair's rows only, not every event's lists (same counts)
        dates_and_confidence = Where()  # the index holds pairs of two states: no domestic event, no sides to test
        add_confidence(dates_and_confidence, min_confidence, sides=False)
        add_date_range(dates_and_confidence, EVENT_COLUMNS.start, EVENT_COLUMNS.end, since, until)
        counts = dyad_index.dyad_counts_sql(a, b, directed=directed, where=dates_and_confidence, count=count)
    found = timeline(store, where, granularity="month", gaps=False, counts=counts)
    return DyadTimeline((a, b), directed, found.buckets, found.total, found.undated)


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
    count: str = "incidents",
) -> Trend:
    """Compare a dyad in two periods ('2014', '2014-01/2015-06' or (since, until)).

    The direction follows the mean PLOVER score: up by more than `tolerance` is improving, down by more is
    worsening, else stable; unknown when a period has no scored events.
    """
    tallies = []
    for name, value in (("first", first), ("second", second)):
        since, until = period(value, name)
        timeline = dyad_timeline(store, a, b, since=since, until=until, directed=directed,
                                 min_confidence=min_confidence, count=count)
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
