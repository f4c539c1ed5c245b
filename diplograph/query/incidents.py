"""Incidents: one real occurrence with all the reports of it (diplograph.incidents links them as they are stored).

    incidents(store, FactFilter(state="IRQ"))   -> the incidents with a report matching the filters, most reported
                                                   first, each summarised from its reports
    incident(store, "3f0c...")                  -> one incident with its reports side by side

Filters apply to reports (an incident is listed when at least one of its reports passes them) except the confidence
threshold, which applies to the incident: its confidence combines all its reports' as independent witnesses
(1 - prod(1 - c)), so three outlets reporting what each alone would leave below the threshold can carry it.
The counts are of all the incident's reports. The incident's type, parties, date and place are those of its most
confident report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from diplograph.errors import ConfigError
from diplograph.model import Event, Location
from diplograph.query import rows as query_rows
from diplograph.query.facts import MAX_LIMIT, Fact, FactFilter, fact_from_row
from diplograph.store import Store
from diplograph.store.query import confidence_sql

ORDERS = {
    "reports": "reports DESC, first_seen NULLS LAST, incident",
    "date": "first_seen DESC NULLS LAST, reports DESC, incident",
}


@dataclass
class Incident:
    """One incident: what happened (from its most confident report), how often and by whom it was reported."""

    id: str
    event: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None
    location: Location | None
    reports: int
    documents: int
    sources: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    confidence: float | None
    mode: str | None = None
    facts: list[Fact] = field(default_factory=list)  # the reports themselves, when asked for
    documents_of: dict[str, dict[str, Any]] = field(default_factory=dict)  # doc hash -> title, source, url, ...

    def to_dict(self) -> dict[str, Any]:
        """The JSONL form: {"id", "event", "actor", "recipient", "date", "location", "reports", "documents",
        "sources", "first_seen", ...}."""
        return {
            "id": self.id, "event": self.event, "mode": self.mode, "actor": list(self.actor),
            "recipient": list(self.recipient), "date": self.date,
            "location": None if self.location is None else self.location.to_dict(), "reports": self.reports,
            "documents": self.documents, "sources": list(self.sources), "first_seen": self.first_seen,
            "last_seen": self.last_seen, "confidence": self.confidence,
        }  # fmt: skip


# The confidence of an incident from its reports' (an aggregate over a group of events): independent witnesses,
# 1 - prod(1 - c); NULL when no report is scored (imported rows).
COMBINED_CONFIDENCE = (
    "CASE WHEN count(confidence) = 0 THEN NULL ELSE 1 - exp(sum(ln(1 - least(confidence, 0.999)))) END"
)

# An incident all of whose reports come from one-sentence documents takes their threshold (docs/extraction.md).
ONLY_ONE_SENTENCE_REPORTS = "bool_and(coalesce(one_sentence, false))"
# ... and one whose reports are all the lead events of such documents, theirs (confidence.lead_ids)
ONLY_LEAD_REPORTS = "bool_and(coalesce(lead, false))"

_SUMMARY = """
WITH matching AS (SELECT DISTINCT incident FROM events {where}),
r AS (SELECT e.incident, e.doc_hash, e.confidence, e.one_sentence, e.lead
      FROM events e JOIN matching USING (incident))
SELECT r.incident AS incident, count(*) AS reports, count(DISTINCT r.doc_hash) AS documents,
       list(DISTINCT d.source ORDER BY d.source) FILTER (WHERE d.source IS NOT NULL) AS sources,
       min(coalesce(d.published, CAST(d.ingested_at AS DATE))) AS first_seen,
       max(coalesce(d.published, CAST(d.ingested_at AS DATE))) AS last_seen,
       {combined} AS confidence
FROM r JOIN documents d ON d.hash = r.doc_hash
GROUP BY r.incident
HAVING {passes}
ORDER BY {order}
LIMIT ? OFFSET ?
"""


def incidents(store: Store, filters: FactFilter | None = None, *, limit: int = 100, offset: int = 0,
              order: str = "reports", with_reports: bool = False) -> list[Incident]:
    """The incidents with at least one report passing `filters` (`order`: 'reports', most reported first, or
    'date', latest first). `with_reports` also fills each incident's `facts` and `documents_of`."""
    if order not in ORDERS:
        raise ConfigError(f"order: expected one of {', '.join(ORDERS)}, got {order!r}")
    if not 1 <= limit <= MAX_LIMIT * 10 or offset < 0:
        raise ConfigError(f"limit: expected 1 to {MAX_LIMIT * 10} and offset >= 0, got {limit}, {offset}")
    filters = filters or FactFilter()
    where = replace(filters, min_confidence=0).where("events")
    combined = COMBINED_CONFIDENCE.replace("confidence", "r.confidence")
    passes = confidence_sql(filters.min_confidence, column=combined,
                            one_sentence=ONLY_ONE_SENTENCE_REPORTS.replace("one_sentence", "r.one_sentence"),
                            lead=ONLY_LEAD_REPORTS.replace("lead", "r.lead"))
    sql = _SUMMARY.format(where=where.sql(), order=ORDERS[order], passes=passes, combined=combined)
    summaries = query_rows(store, sql, [*where.params, limit, offset])
    if not summaries:
        return []
    reports = _reports(store, [s["incident"] for s in summaries])
    return [_incident(s, reports.get(s["incident"], []), with_reports) for s in summaries]


def incident(store: Store, incident_id: str, *, min_confidence: float | None = None) -> Incident | None:
    """One incident with all its reports (whatever each one's confidence) and their documents; None when unknown
    or when the incident's combined confidence is below `min_confidence` (None: the default threshold)."""
    found = incidents(store, FactFilter(incident=incident_id, min_confidence=min_confidence), limit=1,
                      with_reports=True)  # fmt: skip
    return found[0] if found else None





def _reports(store: Store, ids: list[str]) -> dict[str, list[tuple[Fact, dict]]]:
    """Every report of the given incidents with its document, most confident first."""
    where = FactFilter(min_confidence=0).where("events")
    where.add("incident IN (SELECT unnest(?::VARCHAR[]))", ids)
    sql = f"""
        SELECT e.*, d.id AS document_id, d.title AS document_title, d.source AS document_source,
               d.url AS document_url, coalesce(d.published_text, CAST(CAST(d.ingested_at AS DATE) AS VARCHAR))
               AS document_published
        FROM (SELECT * FROM events {where.sql()}) e JOIN documents d ON d.hash = e.doc_hash
        ORDER BY e.incident, coalesce(e.confidence, 1) DESC, document_published, e.doc_hash, e.seq
    """
    out: dict[str, list[tuple[Fact, dict]]] = {}
    for row in query_rows(store, sql, where.params):
        document = {"hash": row["doc_hash"], "id": row["document_id"], "title": row["document_title"],
                    "source": row["document_source"], "url": row["document_url"],
                    "published": row["document_published"]}  # fmt: skip
        out.setdefault(row["incident"], []).append((fact_from_row(row), document))
    return out


def _incident(summary: dict[str, Any], reports: list[tuple[Fact, dict]], with_reports: bool) -> Incident:
    first = reports[0][0].record if reports else None
    assert first is None or isinstance(first, Event)
    location = next((f.record.location for f, _ in reports if isinstance(f.record, Event) and f.record.location),
                    None)  # fmt: skip
    return Incident(
        id=summary["incident"], event=first.event if first else "", mode=first.mode if first else None,
        actor=first.actor if first else (), recipient=first.recipient if first else (),
        date=first.date if first else None, location=location, reports=int(summary["reports"]),
        documents=int(summary["documents"]), sources=tuple(summary["sources"] or ()),
        first_seen=_iso(summary["first_seen"]), last_seen=_iso(summary["last_seen"]),
        confidence=None if summary["confidence"] is None else round(float(summary["confidence"]), 4),
        facts=[f for f, _ in reports] if with_reports else [],
        documents_of={d["hash"]: d for _, d in reports} if with_reports else {},
    )  # fmt: skip


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)[:10]
