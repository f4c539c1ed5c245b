"""The DuckDB store: documents, their events, measures and mentions, versioned migrations and queries.

    from diplograph.store import Store
    with Store.open("diplograph.duckdb") as store:
        result = store.add(extractions)                  # AddResult(documents_added, documents_skipped, ...)
        store.events(dyad=("RUS", "PRK"), since="2012", event_type=["AID", "AGREE"])

Writing. `add` writes `batch_size` documents per transaction, each batch as one Arrow table per table
(`INSERT INTO t SELECT ... FROM arrow_batch`). A document and all its facts commit together or not at all, so a
killed ingest leaves whole documents only, and running it again stores the rest. Documents are keyed by content
hash: one already stored (or repeated in the batch) is skipped and counted in `documents_skipped`.

Schema (version `SCHEMA_VERSION`; history in `migrations.py`, one row per applied step in `schema_migrations`):

    documents(hash PK, id, text, published DATE, published_text, title, url, source, origin, ingested_at TIMESTAMP)
        hash is SHA-256 of text; published is the first day of published_text, which keeps the value as given.
    events(doc_hash, id, seq, doc_id, event, mode, context VARCHAR[], aux, actor VARCHAR[], recipient VARCHAR[],
           date, date_start DATE, date_end DATE, date_source, rule, score DOUBLE,
           evidence STRUCT(start INT, "end" INT, text VARCHAR)[], detail JSON; unique on (doc_hash, id))
        doc_id is Event.doc; seq the position in the extraction; detail holds actor_detail, recipient_detail and
        quantities. date_start/date_end are the first and last day of `date` ('2014' -> 2014-01-01..2014-12-31,
        '2014-05', '2014-Q2', '2014-W20', 'A/B' ranges); NULL when there is no (readable) date.
    measures(doc_hash, id, seq, doc_id, measure, actor VARCHAR[], recipient VARCHAR[], value DOUBLE, unit,
             period, period_start DATE, period_end DATE, change_pct DOUBLE, commodity, per, qualifier, rule,
             evidence; unique on (doc_hash, id))
    mentions(doc_hash, kind, seq, start, "end", text, payload JSON; unique on (doc_hash, kind, seq))
        kind is actor (Mention), date (DateRef) or quantity (Quantity); payload is the record's to_dict().
    event_dyads, measure_dyads (views): one row per actor x recipient pair of each event / measure.
    events also carry confidence, location and incident (versions 5, 6), and `shared` (version 8): whether
    other events report the same incident, so that counting incidents sorts only those (store.query.counted).
The fact tables have no key index since version 4 (DuckDB keeps indexes whole in memory): their keys are
checked per document before writing. Facts are stored in arrival order (`load_parquet` and `optimize`: date
order), in row groups of ROW_GROUP_ROWS rows, so that pages in date order read few of them (docs/scale.md).

An event or measure without an id gets `stable_id(doc_hash, kind, seq)` when stored.

Queries take parameters only. `state` matches actor or recipient, `dyad=(A, B)` either direction, `since`/`until`
(YYYY, YYYY-MM or YYYY-MM-DD) keep facts whose date range overlaps theirs, `text` searches evidence text without
regard to case, `doc` is a document id or hash. Results come back as model objects equal to what was stored.
"""

from __future__ import annotations

from diplograph.store.core import AddResult, Store
from diplograph.store.migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "AddResult", "Store"]
