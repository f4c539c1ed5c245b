"""The store at 10M events: load time, a dyad timeline, a country brief.

    .venv/bin/python bench/store_scale.py --events 10000000 --json bench/results/store_scale.json

1. Generate (not timed against any target): DuckDB writes Parquet partitions in the layout `dask_extract` writes
   (`documents/`, `events/`, `measures/`, `mentions/` part-NNNNNN.parquet, the store's columns and types):
   `--events` events over `--events / 10` documents and as many measures as documents. States are drawn with a
   skewed distribution from 60 codes (so big dyads such as USA-CHN hold a few hundred thousand events), types
   from the 16 PLOVER event types. Documents arrive in publication order over 2000-2024; `--dates news`
   (default) dates 97 % of events in the week before their document and the rest on any earlier day, as in the
   GDELT sample of shared/data/samples (97.7 % within 7 days); `--dates uniform` dates every event on any day of
   2000-2024 (the worst case for a store kept in date order).
2. Load: `diplograph.scale.load_parquet(store, parts)` into a fresh store file (one transaction, duplicate check,
   primary keys), then CHECKPOINT. Timed. With `--optimize`, then `diplograph.report.optimize(store)` (what
   `diplograph optimize` runs: the facts rewritten in date order, the dyad index, every state's brief facts), timed.
3. Queries on the loaded store (reopened read-only, so nothing is cached from the load); each is run once cold
   and `--repeat` times warm, the median warm time is reported:
   - dyad timeline: `analytics.dyad_timeline(store, "USA", "CHN")`: events by month, type and mode, either direction
   - dyad events page: `store.events(dyad=("USA", "CHN"), since="2024", limit=100)`
   - country brief: `diplograph.report.brief(store, "CHN")` (what `diplograph brief CHN` builds: every fact of
     the state merged and counted, headlines, partners, timeline, outreach, network), and with `render_html`;
     built each time (the briefs the process keeps are cleared before each run), and `country_brief_kept`: the
     same brief asked again while the store has not changed (read from `store.kept`, a copy)
   - brief queries (the first version of this benchmark), all of: events by type (counts), top 10 partners by
     events (unnested actor/recipient), `store.events(state="CHN", since="2024-06", limit=50)`,
     `analytics.outreach(store, state="CHN", since="2024")`, `analytics.partner_concentration(store, "CHN",
     measure="exports")` and `analytics.dyad_timeline` with the top partner since 2020.
Targets (issue 7): dyad timeline < 300 ms, country brief < 2 s; issue 17: < 100 ms and < 1 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

STATES = ("USA CHN RUS GBR FRA DEU JPN IND PRK KOR IRN ISR UKR TUR SAU PAK BRA CAN AUS MEX EGY ZAF NGA KEN "
          "ETH IDN VNM THA PHL MYS SGP ITA ESP POL NLD BEL SWE NOR FIN DNK GRC SRB HUN CZE AUT CHE ARG CHL "
          "COL VEN CUB IRQ SYR JOR LBN QAT ARE KAZ UZB AFG").split()  # fmt: skip
TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
         "SANCTION MOBILIZE COERCE ASSAULT").split()  # fmt: skip
MEASURES = ("exports", "imports", "trade", "aid", "investment")

_STATES_SQL = "[" + ", ".join(f"'{s}'" for s in STATES) + "]"
_TYPES_SQL = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"


def _state(seed: str) -> str:
    """A skewed pick among the states: index = floor(60 * u^2), u uniform from a hash."""
    return f"{_STATES_SQL}[1 + floor({len(STATES)} * pow((hash({seed}) % 1000003) / 1000003.0, 2))::INT]"


DATES = ("news", "uniform")
# The store's location column (schema 6); generated events have none. Incidents are precomputed ids (so that
# loading does not link ten million events in Python): one event in ten reports the incident of the event at its
# position in the previous document, so about 18 % of events are in incidents of two reports (both reports).
_LOCATION = (
    'STRUCT(name VARCHAR, place VARCHAR, admin1 VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, kind VARCHAR, '
    'method VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR)'
)
_DAYS = 9131  # 2000-01-01 .. 2024-12-31


def _published(doc: str, docs: int) -> str:
    """Documents arrive in publication order, spread evenly over 2000-2024 (a crawler's stream)."""
    return f"(DATE '2000-01-01' + floor({doc} * {_DAYS}.0 / {docs})::INT)"


def _event_day(i: str, docs: int, dates: str) -> str:
    """An event's day. 'news': 97 % in the week before its document's publication, the rest any earlier day (the
    GDELT sample in shared/data/samples has 97.7 % of events within 7 days of their article, 99.8 % within a
    year). 'uniform': any day of 2000-2024, whatever the document (the worst case for a date-ordered store)."""
    if dates == "uniform":
        return f"(DATE '2000-01-01' + (hash({i} * 3 + 1) % {_DAYS})::INT)"
    published = _published(f"({i} // 10)", docs)
    recent = f"greatest(DATE '2000-01-01', {published} - (hash({i} * 17 + 5) % 8)::INT)"
    earlier = f"(DATE '2000-01-01' + (hash({i} * 3 + 1) % greatest(1, {published} - DATE '2000-01-01'))::INT)"
    return f"(CASE WHEN hash({i} * 13 + 7) % 100 < 97 THEN {recent} ELSE {earlier} END)"


def generate(out: Path, events: int, per_part: int, dates: str = "news") -> dict[str, Any]:
    import duckdb

    if dates not in DATES:
        raise SystemExit(f"--dates: expected one of {', '.join(DATES)}, got {dates!r}")

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    docs = max(1, events // 10)
    parts = max(1, (events + per_part - 1) // per_part)
    for table in ("documents", "events", "measures", "mentions"):
        (out / table).mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for p in range(parts):
        lo, hi = p * per_part, min(events, (p + 1) * per_part)
        dlo, dhi = lo // 10, (hi + 9) // 10
        name = f"part-{p:06d}.parquet"
        published = _published("d", docs) if dates == "news" else "DATE '2000-01-01' + (hash(d) % 9131)::INT"
        con.execute(f"""
            COPY (SELECT sha256('doc ' || d) AS hash, 'gen-' || d AS id, 'Generated document ' || d || '.' AS text,
                         {published} AS published, strftime({published}, '%Y-%m-%d') AS published_text,
                         NULL::VARCHAR AS title, NULL::VARCHAR AS url, 'bench' AS source, NULL::VARCHAR AS origin,
                         TIMESTAMP '2025-01-01 00:00:00' AS ingested_at
                  FROM range({dlo}, {dhi}) t(d))
            TO '{out}/documents/{name}' (FORMAT parquet, COMPRESSION zstd)""")
        con.execute(f"""
            COPY (WITH g AS (SELECT i, i // 10 AS d, {_event_day("i", docs, dates)} AS day
                             FROM range({lo}, {hi}) t(i)),
                  h AS (SELECT *, {_state("i * 5 + 2")} AS a, {_state("i * 7 + 3")} AS b FROM g)
                  SELECT sha256('doc ' || d) AS doc_hash, substr(md5('ev' || i), 1, 16) AS id,
                         (i % 10)::INT AS seq, 'gen-' || d AS doc_id,
                         {_TYPES_SQL}[1 + (hash(i * 11 + 4) % {len(TYPES)})::INT] AS event,
                         CASE WHEN hash(i) % 10 = 0 THEN 'visit' END AS mode, []::VARCHAR[] AS context,
                         NULL::VARCHAR AS aux, [a] AS actor,
                         [CASE WHEN a = b THEN {_STATES_SQL}[1 + (hash(i) % {len(STATES)})::INT] ELSE b END]
                             AS recipient,
                         strftime(day, '%Y-%m-%d') AS date, day AS date_start, day AS date_end,
                         'sentence' AS date_source, 'bench' AS rule, NULL::DOUBLE AS score,
                         [{{'start': 0, 'end': 9, 'text': 'Generated'}}]
                             ::STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)[] AS evidence,
                         '{{"actor_detail": [], "recipient_detail": [], "quantities": []}}' AS detail,
                         NULL::DOUBLE AS confidence, NULL::{_LOCATION} AS location,
                         substr(md5('incident ' || CASE WHEN i >= 10 AND hash(i * 19 + 3) % 10 = 0 THEN i - 10
                                                        ELSE i END), 1, 16) AS incident,
                         NULL::BOOLEAN AS shared, false AS one_sentence
                  FROM h)
            TO '{out}/events/{name}' (FORMAT parquet, COMPRESSION zstd)""")
        con.execute(f"""
            COPY (SELECT sha256('doc ' || d) AS doc_hash, substr(md5('me' || d), 1, 16) AS id, 10 AS seq,
                         'gen-' || d AS doc_id,
                         {list(MEASURES)}[1 + (hash(d * 3) % {len(MEASURES)})::INT] AS measure,
                         [{_state("d * 5 + 1")}] AS actor, [{_state("d * 7 + 2")}] AS recipient,
                         (1 + hash(d) % 100000) * 1e6 AS value, 'USD' AS unit,
                         (2000 + hash(d * 13) % 25)::VARCHAR AS period,
                         make_date((2000 + hash(d * 13) % 25)::INT, 1, 1) AS period_start,
                         make_date((2000 + hash(d * 13) % 25)::INT, 12, 31) AS period_end,
                         NULL::DOUBLE AS change_pct, NULL::VARCHAR AS commodity, NULL::VARCHAR AS per,
                         NULL::VARCHAR AS qualifier, 'bench' AS rule,
                         [{{'start': 0, 'end': 9, 'text': 'Generated'}}]
                             ::STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)[] AS evidence,
                         NULL::DOUBLE AS confidence
                  FROM range({dlo}, {dhi}) t(d))
            TO '{out}/measures/{name}' (FORMAT parquet, COMPRESSION zstd)""")
        con.execute(f"""
            COPY (SELECT ''::VARCHAR AS doc_hash, ''::VARCHAR AS kind, 0::INTEGER AS seq, 0::INTEGER AS start,
                         0::INTEGER AS "end", ''::VARCHAR AS text, ''::VARCHAR AS payload LIMIT 0)
            TO '{out}/mentions/{name}' (FORMAT parquet)""")
    con.close()
    size = sum(f.stat().st_size for f in out.rglob("*.parquet"))
    return {"seconds": round(time.perf_counter() - start, 1), "parts": parts, "documents": docs,
            "parquet_mib": round(size / 2**20, 1)}  # fmt: skip


def timed(fn: Callable[[], Any], repeat: int) -> dict[str, Any]:
    start = time.perf_counter()
    fn()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        warm.append(time.perf_counter() - start)
    return {"cold_ms": round(cold * 1000, 1), "warm_ms": round(statistics.median(warm) * 1000, 1),
            "warm_all_ms": [round(w * 1000, 1) for w in warm]}  # fmt: skip


def brief(store: Any, state: str) -> dict[str, Any]:
    from diplograph import analytics

    con = store.connection
    by_type = con.execute(
        "SELECT event, count(*) FROM events WHERE list_contains(actor, ?) OR list_contains(recipient, ?) "
        "GROUP BY event ORDER BY 2 DESC", [state, state]).fetchall()  # fmt: skip
    partners = con.execute(
        "SELECT p AS partner, count(*) AS n FROM (SELECT unnest(recipient) AS p FROM events "
        "WHERE list_contains(actor, ?) UNION ALL "
        "SELECT unnest(actor) AS p FROM events WHERE list_contains(recipient, ?)) "
        "WHERE p <> ? GROUP BY p ORDER BY n DESC, p LIMIT 10", [state, state, state]).fetchall()  # fmt: skip
    recent = store.events(state=state, since="2024-06", limit=50)
    reach = analytics.outreach(store, state=state, since="2024")
    exports = analytics.partner_concentration(store, state, measure="exports")
    timeline = analytics.dyad_timeline(store, state, partners[0][0], since="2020") if partners else None
    return {
        "types": len(by_type),
        "partners": len(partners),
        "recent": len(recent),
        "outreach": len(reach.contacts),
        "export_partners": len(exports.partners),
        "timeline_months": len(timeline.months) if timeline else 0,
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--per-part", type=int, default=500_000)
    parser.add_argument("--dates", choices=DATES, default="news", help="how events are dated (see _event_day)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dyad", default="USA,CHN")
    parser.add_argument("--state", default="CHN")
    parser.add_argument("--workdir", type=Path, help="keep the Parquet parts and the store here")
    parser.add_argument("--reuse", action="store_true", help="query the store already in --workdir (no generate/load)")
    parser.add_argument("--optimize", action="store_true",
                        help="run `Store.optimize()` (date order, dyad index, brief index) before the queries")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(list(argv) if argv is not None else None)
    from diplograph import analytics
    from diplograph.report import brief as report_brief
    from diplograph.report import render_html
    from diplograph.report.facts import kept_briefs
    from diplograph.scale import load_parquet
    from diplograph.store import Store

    work = args.workdir or Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    parts, db = work / "parts", work / "scale.duckdb"
    report: dict[str, Any] = {"events": args.events}
    if args.reuse and args.workdir and (args.workdir / "load.json").exists():
        report.update(json.loads((args.workdir / "load.json").read_text()))
    else:
        shutil.rmtree(parts, ignore_errors=True)
        db.unlink(missing_ok=True)
        report["generate"] = generate(parts, args.events, args.per_part, args.dates)
        print(f"generated: {report['generate']}", file=sys.stderr)
        start = time.perf_counter()
        with Store.open(db) as store:
            loaded = load_parquet(store, parts)
            store.connection.execute("CHECKPOINT")
        report["load"] = {"seconds": round(time.perf_counter() - start, 1), "documents": loaded.documents_added,
                          "events": loaded.events_added, "measures": loaded.measures_added,
                          "store_mib": round(db.stat().st_size / 2**20, 1)}  # fmt: skip
        print(f"loaded: {report['load']}", file=sys.stderr)
        (work / "load.json").write_text(json.dumps({k: report[k] for k in ("generate", "load")}))
    if args.optimize:
        from diplograph.report import optimize

        with Store.open(db) as store:
            report["optimize"] = optimize(store)
        print(f"optimized: {report['optimize']}", file=sys.stderr)
    a, b = args.dyad.split(",")

    def built_brief(store: Any, state: str) -> Any:
        """A brief built from the store, not read from the briefs the process keeps (store.kept)."""
        kept_briefs.clear()
        return report_brief(store, state)

    with Store.open(db, read_only=True) as store:
        dyad_events = store.connection.execute(
            "SELECT count(*) FROM events WHERE (list_contains(actor, ?) AND list_contains(recipient, ?)) "
            "OR (list_contains(actor, ?) AND list_contains(recipient, ?))", [a, b, b, a]).fetchone()  # fmt: skip
        report["dyad_events"] = dyad_events[0] if dyad_events else 0
        report["queries"] = {
            "dyad_timeline": timed(lambda: analytics.dyad_timeline(store, a, b), args.repeat),
            "dyad_events_page": timed(lambda: store.events(dyad=(a, b), since="2024", limit=100), args.repeat),
            "brief_queries": timed(lambda: brief(store, args.state), args.repeat),
            "country_brief": timed(lambda: built_brief(store, args.state), args.repeat),
            "country_brief_html": timed(lambda: render_html(built_brief(store, args.state)), args.repeat),
            "country_brief_kept": timed(lambda: report_brief(store, args.state), args.repeat),
        }
        report["brief_sizes"] = brief(store, args.state)
        made = report_brief(store, args.state)
        report["country_brief_sizes"] = {"event_facts": made.event_count, "measure_facts": made.measure_count,
                                         "partners": len(made.partners), "links": len(made.network),
                                         "contacts": len(made.outreach)}  # fmt: skip
    from parallel_speed import machine  # bench/ is on sys.path when run as a script

    report["machine"] = machine()
    print(json.dumps(report["queries"], indent=1), file=sys.stderr)
    print(
        f"| {args.events} events | generate {report['generate']['seconds']} s | load {report['load']['seconds']} s "
        f"| store {report['load']['store_mib']} MiB | {a}-{b} events {report['dyad_events']} |"
    )
    print("| query | cold ms | warm median ms |\n|---|---|---|")
    for name, q in report["queries"].items():
        print(f"| {name} | {q['cold_ms']} | {q['warm_ms']} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
