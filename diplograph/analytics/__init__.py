"""Analytics over a store: plain functions that take a `Store` and return dataclasses.

    from diplograph import analytics
    analytics.dyad_timeline(store, "RUS", "PRK", since="2012")       # events by type and month, mean score
    analytics.relationship_trend(store, "RUS", "PRK", "2012", "2014")  # the change between two periods
    analytics.partner_concentration(store, "PRK", measure="exports", window="2014")  # Herfindahl, top share
    analytics.partner_shift(store, "PRK", "2013", "2014")              # who gained or lost share
    analytics.outreach(store, state="CHN", since="2023")               # states visited or met, with evidence
    analytics.state_network(store, since="2023")                       # weighted edges, centrality
    analytics.corroboration(store, state="RUS")                        # documents behind each fact

Every query runs on `store.connection` with parameters. `to_jsonable` turns any result into plain JSON values.
See docs/analytics.md for the definitions.
"""

from __future__ import annotations

from diplograph.analytics.corroboration import CorroboratedFact, corroboration
from diplograph.analytics.dyads import (
    DyadTimeline,
    PeriodTally,
    Trend,
    dyad_timeline,
    relationship_trend,
)
from diplograph.analytics.network import Edge, Network, Node, betweenness, state_network
from diplograph.analytics.outreach import Contact, Meeting, Outreach, outreach
from diplograph.analytics.partners import (
    Concentration,
    PartnerShare,
    PartnerShift,
    Shift,
    partner_concentration,
    partner_shift,
)
from diplograph.query import to_jsonable
from diplograph.query.timeline import Bucket, Tally

__all__ = [
    "Bucket",
    "Concentration",
    "Contact",
    "CorroboratedFact",
    "DyadTimeline",
    "Edge",
    "Meeting",
    "Network",
    "Node",
    "Outreach",
    "PartnerShare",
    "PartnerShift",
    "PeriodTally",
    "Shift",
    "Tally",
    "Trend",
    "betweenness",
    "corroboration",
    "dyad_timeline",
    "outreach",
    "partner_concentration",
    "partner_shift",
    "relationship_trend",
    "state_network",
    "to_jsonable",
]
