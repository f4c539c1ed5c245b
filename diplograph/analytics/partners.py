"""Who a state trades with: partner concentration (Herfindahl index, top-partner share) and partner shift.

Both read measures. For `trade` a partner is the state on the other side of the record; for directional
kinds (exports, imports, aid, investment, ...) the state must be the actor and the partner is the recipient.
Only records in one unit (USD by default) count. A partner's value is the figure of its latest period in the
window (the largest one when several documents report that period), so the same figure reported twice, or a
year and a month of it, is not added up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.query import Period, label, period, rows
from diplograph.store.query import Where, add_confidence, add_date_range

if TYPE_CHECKING:
    from diplograph.store import Store

SYMMETRIC = frozenset({"trade"})


@dataclass(frozen=True)
class PartnerShare:
    partner: str
    value: float
    share: float
    period_start: dt.date | None
    period_end: dt.date | None


@dataclass(frozen=True)
class Concentration:
    """How concentrated a state's `measure` is on its partners; hhi is the sum of squared shares (0..1]."""

    state: str
    measure: str
    unit: str
    period: str
    total: float
    partners: list[PartnerShare]
    hhi: float | None
    top_partner: str | None
    top_share: float | None
    records: int  # measure records read (one per actor x recipient pair)


_PAIRS = """
SELECT CASE WHEN actor = ? THEN recipient ELSE actor END AS partner, value, period_start, period_end
FROM measure_dyads {where}
"""


def _figures(store: Store, state: str, measure: str, unit: str, window: Period,
             min_confidence: float | None) -> list[dict[str, object]]:
    where = Where()
    add_confidence(where, min_confidence, kind="measure")
    where.add("measure = ?", measure)
    where.add("unit = ?", unit)
    where.add("actor <> recipient")
    if measure in SYMMETRIC:
        where.add("actor = ? OR recipient = ?", state, state)
    else:
        where.add("actor = ?", state)
    add_date_range(where, "period_start", "period_end", *window)
    return rows(store, _PAIRS.format(where=where.sql()), [state, *where.params])


def _latest(figures: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Per partner, the figure of its latest period (largest value among equals)."""
    best: dict[str, dict[str, object]] = {}

    def key(row: dict[str, object]) -> tuple[dt.date, float]:
        end = row["period_end"]
        return (end if isinstance(end, dt.date) else dt.date.min, float(str(row["value"])))

    for row in figures:
        partner = str(row["partner"])
        if partner not in best or key(row) > key(best[partner]):
            best[partner] = row
    return best


def partner_concentration(
    store: Store, state: str, *, measure: str = "exports", unit: str = "USD", window: str | Period | None = None,
    min_confidence: float | None = None,
) -> Concentration:
    """Shares of each partner in `state`'s `measure` within `window` ('2014', 'A/B' or (since, until)), from the
    measures at or above `min_confidence` (None: the default threshold; 0: every candidate)."""
    bounds = period(window, "window")
    figures = _figures(store, state, measure, unit, bounds, min_confidence)
    latest = _latest(figures)
    total = sum(float(str(r["value"])) for r in latest.values())
    partners = [
        PartnerShare(p, float(str(r["value"])), float(str(r["value"])) / total if total else 0.0,
                     _day(r["period_start"]), _day(r["period_end"]))
        for p, r in latest.items()
    ]  # fmt: skip
    partners.sort(key=lambda s: (-s.value, s.partner))
    hhi = sum(s.share**2 for s in partners) if total else None
    top = partners[0] if partners and total else None
    return Concentration(
        state, measure, unit, label(bounds), total, partners, hhi,
        top.partner if top else None, top.share if top else None, len(figures),
    )  # fmt: skip


def _day(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@dataclass(frozen=True)
class Shift:
    partner: str
    first_value: float
    second_value: float
    first_share: float
    second_share: float
    change: float  # second_share - first_share (share points, -1..1)


@dataclass(frozen=True)
class PartnerShift:
    """Who gained and who lost share of a state's `measure` between two periods."""

    state: str
    measure: str
    unit: str
    first: Concentration
    second: Concentration
    shifts: list[Shift]  # largest gain first
    hhi_change: float | None

    @property
    def gainers(self) -> list[Shift]:
        return [s for s in self.shifts if s.change > 0]

    @property
    def losers(self) -> list[Shift]:
        return sorted((s for s in self.shifts if s.change < 0), key=lambda s: (s.change, s.partner))


def partner_shift(
    store: Store, state: str, first: str | Period, second: str | Period, *, measure: str = "exports", unit: str = "USD",
    min_confidence: float | None = None,
) -> PartnerShift:
    """Each partner's share of `state`'s `measure` in two periods and the change; a missing partner has 0."""
    old = partner_concentration(store, state, measure=measure, unit=unit, window=first, min_confidence=min_confidence)
    new = partner_concentration(store, state, measure=measure, unit=unit, window=second,
                                min_confidence=min_confidence)
    before = {s.partner: s for s in old.partners}
    after = {s.partner: s for s in new.partners}
    shifts = []
    for partner in sorted(set(before) | set(after)):
        b, a = before.get(partner), after.get(partner)
        b_share, a_share = (b.share if b else 0.0), (a.share if a else 0.0)
        shifts.append(Shift(partner, b.value if b else 0.0, a.value if a else 0.0, b_share, a_share, a_share - b_share))
    shifts.sort(key=lambda s: (-s.change, s.partner))
    hhi_change = None if old.hhi is None or new.hhi is None else new.hhi - old.hhi
    return PartnerShift(state, measure, unit, old, new, shifts, hhi_change)
