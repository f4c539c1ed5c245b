"""The network of states: states as nodes, interactions (events between them) as weighted, undirected edges.

An edge's weight is the number of distinct events with one state on each side (an event naming two actors
and one recipient adds to two edges). Centrality per state: degree (neighbours), strength (sum of edge
weights), degree centrality (degree / (n - 1)) and betweenness (shortest paths by hops, Brandes' algorithm,
normalised by (n - 1)(n - 2) / 2).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from diplograph.ontology import event_score
from diplograph.query import rows
from diplograph.store import brief_index
from diplograph.store.kept import Kept
from diplograph.store.query import DateLike, Where, add_confidence, add_date_range, counted

if TYPE_CHECKING:
    from diplograph.store import Store


@dataclass(frozen=True)
class Edge:
    source: str  # the lower code of the pair
    target: str
    weight: int
    mean_score: float | None
    by_type: dict[str, int]


@dataclass(frozen=True)
class Node:
    state: str
    degree: int
    strength: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class Network:
    nodes: list[Node]  # by strength, then code
    edges: list[Edge]  # by weight, then codes

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.__dict__ for n in self.nodes], "edges": [e.__dict__ for e in self.edges]}


# Events are first counted by their actor and recipient lists (a few thousand distinct lists, however many
# events), then each list pair is split into its state pairs: the same counts as unnesting every event (an
# event counts once per pair), many times faster on a large store. Events between one state and one other,
# the most, are counted by those two codes directly (grouping on codes is cheaper than on lists).
_PAIRS = """
WITH single AS (
    SELECT least(actor[1], recipient[1]) AS a, greatest(actor[1], recipient[1]) AS b, event, mode, count(*) AS n
    FROM events {where} {and_} len(actor) = 1 AND len(recipient) = 1 AND actor[1] <> recipient[1]{single_members}
    GROUP BY ALL
),
lists AS (
    SELECT row_number() OVER () AS list_id, actor, recipient, event, mode, count(*) AS n
    FROM events {where} {and_} NOT (len(actor) = 1 AND len(recipient) = 1)
    GROUP BY actor, recipient, event, mode
),
pairs AS (
    SELECT DISTINCT list_id, least(a.code, r.code) AS a, greatest(a.code, r.code) AS b, event, mode, n
    FROM lists, unnest(lists.actor) AS a(code), unnest(lists.recipient) AS r(code)
    WHERE a.code <> r.code{pair_members}
)
SELECT a, b, event, mode, sum(n)::BIGINT AS n
FROM (SELECT a, b, event, mode, n FROM pairs UNION ALL SELECT a, b, event, mode, n FROM single)
GROUP BY ALL
ORDER BY a, b, event, mode NULLS FIRST
"""


_score = lru_cache(maxsize=None)(event_score)  # a few hundred (type, mode) pairs, met thousands of times


def pairs_query(where: Where, states: frozenset[str] | None = None) -> tuple[str, list[Any]]:
    """The events `where` keeps counted by unordered pair of states, type and mode (among `states`, when given)."""
    and_ = "AND" if where.sql() else "WHERE"
    members = sorted(states or ())
    single = pair = ""
    if members:
        # Only events between two of the states are grouped (11 of 60 states, 10M events: 0.32 s, not 0.6).
        listed = ", ".join("?" * len(members))
        single = f" AND actor[1] IN ({listed}) AND recipient[1] IN ({listed})"
        pair = f" AND a.code IN ({listed}) AND r.code IN ({listed})"
    sql = _PAIRS.format(where=where.sql(), and_=and_, single_members=single, pair_members=pair)
    extra = [*members, *members]  # the members' parameters, for each IN list of a branch (none without members)
    return sql, [*where.params, *extra, *where.params, *extra]


def default_where(count: str = "incidents") -> Where:
    """The filter of a network with no window and no type at the default thresholds, as `state_network` writes
    it (what a brief asks, and what the brief index holds the pairs of)."""
    where = Where()
    add_confidence(where, None)
    return counted(where, count)


def _indexed_pairs(store: Store, where: Where, states: frozenset[str] | None) -> list[dict[str, Any]] | None:
    """The pair counts among `states` as the brief index holds them, when it is fresh and `where` is the default
    filter; else None."""
    default = default_where()
    if not states or (where.sql(), where.params) != (default.sql(), default.params):
        return None
    if not brief_index.fresh(store.connection):
        return None
    listed = ", ".join("?" * len(states))
    return rows(store, f"SELECT a, b, event, mode, n FROM {brief_index.PAIRS} "
                       f"WHERE a IN ({listed}) AND b IN ({listed}) ORDER BY a, b, event, mode NULLS FIRST",
                [*sorted(states), *sorted(states)])  # fmt: skip


def _edges(store: Store, where: Where, states: frozenset[str] | None = None) -> list[Edge]:
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    found = _indexed_pairs(store, where, states)
    if found is None:
        found = rows(store, *pairs_query(where, states))
    for row in found:
        if states is not None and not (row["a"] in states and row["b"] in states):  # no states: no edges
            continue
        grouped.setdefault((row["a"], row["b"]), []).append(row)
    edges = []
    for (a, b), group in grouped.items():
        weight = sum(int(r["n"]) for r in group)
        scored = [(_score(r["event"], r["mode"]), int(r["n"])) for r in group]
        known = [(s, n) for s, n in scored if s is not None]
        mean = round(sum(s * n for s, n in known) / sum(n for _, n in known), 6) if known else None
        by_type: dict[str, int] = {}
        for r in group:
            by_type[r["event"]] = by_type.get(r["event"], 0) + int(r["n"])
        edges.append(Edge(a, b, weight, mean, by_type))
    return sorted(edges, key=lambda e: (-e.weight, e.source, e.target))


def betweenness(adjacency: dict[str, set[str]]) -> dict[str, float]:
    """Normalised betweenness centrality of an undirected, unweighted graph (Brandes 2001)."""
    score = dict.fromkeys(adjacency, 0.0)
    for source in adjacency:
        order, preds = [], {v: [] for v in adjacency}  # type: ignore[var-annotated]
        paths, dist = dict.fromkeys(adjacency, 0), dict.fromkeys(adjacency, -1)
        paths[source], dist[source] = 1, 0
        queue = deque([source])
        while queue:
            v = queue.popleft()
            order.append(v)
            for w in adjacency[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    paths[w] += paths[v]
                    preds[w].append(v)
        delta = dict.fromkeys(adjacency, 0.0)
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += paths[v] / paths[w] * (1 + delta[w])
            if w != source:
                score[w] += delta[w]
    n = len(adjacency)
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 0.0  # each pair was counted from both ends: halve, then / C(n-1, 2)
    return {v: s * scale for v, s in score.items()}


def _nodes(edges: list[Edge]) -> list[Node]:
    adjacency: dict[str, set[str]] = {}
    strength: dict[str, int] = {}
    for e in edges:
        adjacency.setdefault(e.source, set()).add(e.target)
        adjacency.setdefault(e.target, set()).add(e.source)
        strength[e.source] = strength.get(e.source, 0) + e.weight
        strength[e.target] = strength.get(e.target, 0) + e.weight
    between = betweenness(adjacency)
    n = len(adjacency)
    nodes = [
        Node(v, len(adjacency[v]), strength[v], len(adjacency[v]) / (n - 1) if n > 1 else 0.0, between[v])
        for v in adjacency
    ]
    return sorted(nodes, key=lambda x: (-x.strength, x.state))


def state_network(
    store: Store,
    *,
    since: DateLike = None,
    until: DateLike = None,
    types: Iterable[str] | None = None,
    min_weight: int = 1,
    states: Iterable[str] | None = None,
    min_confidence: float | None = None,
    count: str = "incidents",
) -> Network:
    """States linked by the events between them in the window (of the given PLOVER types); with `states`,
    only the links between two of those states. Events at or above `min_confidence` count (None: the default
    threshold; 0: every candidate); `count` 'incidents' weighs an incident once, 'reports' every report."""
    where = Where()
    add_confidence(where, min_confidence)
    if types is not None:
        where.add("event IN (SELECT unnest(?::VARCHAR[]))", list(types))
    add_date_range(where, "date_start", "date_end", since, until)
    where = counted(where, count)
    members = frozenset(states) if states is not None else None
    edges = [e for e in _kept_edges(store, where, members) if e.weight >= min_weight]
    return Network(_nodes(edges), edges)


KEPT_NETWORKS = 32  # networks kept per process (one per window, threshold, count and set of states asked for)
_kept: Kept[list[Edge]] = Kept(KEPT_NETWORKS)


def _kept_edges(store: Store, where: Where, members: frozenset[str] | None) -> list[Edge]:
    """The edges `where` selects (among `members`, when given). A network is the same for every brief and every
    call while the store does not change, so it is kept (`store.kept`), by the store's stamp, the query and the
    states; the next brief of a state, or `network` with the same window, reads it from there instead of grouping
    the store's events again. (Keeping only the whole network and cutting each brief's states out of it would
    cost the first brief the whole network: 22 s counting incidents at 10M events, bench/RESULTS.md.)"""
    key = (where.sql(), tuple(map(repr, where.params)), members)
    return _kept.get(store, key, lambda: _edges(store, where, members))
