"""Corroboration: how many documents support each fact.

Records are the same fact when they agree on kind and type, the states on each side and the date, and also the
contexts (events: joint drills and a bridge between the same states in one year are two facts of cooperation)
or the value and unit (measures, with the period as the date). `documents` counts distinct articles:
documents at the same URL count once (imported GDELT rows of one article, say), documents without a URL by
their text. `sources` counts distinct publishers (the document's source, else its URL's host).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from diplograph.query import rows
from diplograph.store.query import EVENT_COLUMNS, MEASURE_COLUMNS, DateLike, fact_filters

if TYPE_CHECKING:
    from diplograph.store import Store


@dataclass(frozen=True)
class CorroboratedFact:
    kind: str  # event | measure
    type: str
    actor: list[str]
    recipient: list[str]
    date: str | None
    value: float | None
    unit: str | None
    context: list[str]  # an event's contexts (military, economic, ...); empty for measures
    records: int
    documents: int
    sources: int
    doc_ids: list[str]


# Where a document comes from (its outlet, else its URL's host, else itself), in SQL over documents `d`: corroboration
# and briefs count distinct sources with it.
SOURCE_OF_DOCUMENT = "coalesce(d.source, regexp_extract(d.url, '^[a-zA-Z]+://([^/]+)', 1), d.hash)"

_EVENT_FACTS = f"""
SELECT 'event' AS kind, e.event AS type, list_sort(e.actor) AS actor, list_sort(e.recipient) AS recipient,
       e.date AS date, NULL::DOUBLE AS value, NULL::VARCHAR AS unit, list_sort(e.context) AS context,
       count(*) AS records,
       count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT {SOURCE_OF_DOCUMENT}) AS sources,
       list(DISTINCT e.doc_id ORDER BY e.doc_id) AS doc_ids
FROM (SELECT * FROM events {{where}}) e JOIN documents d ON d.hash = e.doc_hash
GROUP BY ALL
"""

_MEASURE_FACTS = f"""
SELECT 'measure' AS kind, m.measure AS type, list_sort(m.actor) AS actor, list_sort(m.recipient) AS recipient,
       m.period AS date, m.value AS value, m.unit AS unit, []::VARCHAR[] AS context, count(*) AS records,
       count(DISTINCT coalesce(d.url, d.hash)) AS documents, count(DISTINCT {SOURCE_OF_DOCUMENT}) AS sources,
       list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids
FROM (SELECT * FROM measures {{where}}) m JOIN documents d ON d.hash = m.doc_hash
GROUP BY ALL
"""


def corroboration(
    store: Store,
    *,
    state: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: DateLike = None,
    until: DateLike = None,
    kind: str = "all",
    min_documents: int = 1,
    min_confidence: float | None = None,
) -> list[CorroboratedFact]:
    """Each distinct fact with the number of documents and sources behind it, best supported first (facts at
    or above `min_confidence`; None: the default threshold, 0: every candidate)."""
    facts: list[dict[str, Any]] = []
    if kind in ("all", "events", "event"):
        where = fact_filters(EVENT_COLUMNS, state=state, dyad=dyad, since=since, until=until,
                             min_confidence=min_confidence)
        facts += rows(store, _EVENT_FACTS.format(where=where.sql()), where.params)
    if kind in ("all", "measures", "measure"):
        where = fact_filters(MEASURE_COLUMNS, state=state, dyad=dyad, since=since, until=until,
                             min_confidence=min_confidence)
        facts += rows(store, _MEASURE_FACTS.format(where=where.sql()), where.params)
    found = [CorroboratedFact(**row) for row in facts if row["documents"] >= min_documents]
    return sorted(found, key=lambda f: (-f.documents, -f.records, f.kind, f.type, f.date or "", f.actor, f.recipient))
