"""Alerts: saved queries over the store, each reporting every new fact that matches it once.

    alert = Alert("prk-pressure", "events", parse_query("type=SANCTION,THREATEN state=PRK"))
    add_alert(store, alert)
    run_alerts(store, new_doc_hashes, AlertOutputs(print_to=sys.stdout, jsonl=Path("alerts.jsonl")))
    check_alerts(store, since="2d")          # the same over the documents stored in the last two days

An alert has a kind (events, measures or incidents) and the filters of `diplograph events` / `measures` /
`incidents` (`QUERY_KEYS`; incidents also `INCIDENT_KEYS`). After each round of `diplograph watch` (or `alerts
check`) `run_alerts` looks at the documents just stored: the events or measures of those documents that pass an
alert's filters (at its `min_confidence`, else the default threshold), or the incidents that got a report from
them and now pass its filters and counts, are its hits, less those it has reported before.

Each hit is written to `alert_hits` first and delivered after (printed, appended to a JSONL file, POSTed to the
alert's webhook), so a fact is reported at most once per alert, also across restarts; a delivery that fails (a
webhook that is down) is logged in one line and not retried. docs/watch.md, "Alerts", says why.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import re
import shlex
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

from diplograph.confidence import check_threshold
from diplograph.errors import ConfigError, StoreError
from diplograph.model import Event, Measure
from diplograph.ontology import EVENT_TYPES, EXTENSION_TYPES
from diplograph.output import record_dict
from diplograph.query import rows
from diplograph.query.facts import Fact, FactFilter, fact_from_row, parse_dyad
from diplograph.query.incidents import Incident, incidents
from diplograph.store import Store
from diplograph.store.query import Near, parse_date
from diplograph.watch.state import stderr_line, utc_now

KINDS = ("events", "measures", "incidents")
QUERY_KEYS = ("state", "actor", "recipient", "dyad", "types", "since", "until", "text", "min_confidence", "country",
              "near")  # fmt: skip
INCIDENT_KEYS = ("min_sources", "min_reports", "min_documents")
ALIASES = {"type": "types", "measure": "types"}  # the names `events --type` and `measures --measure` use
WHERE_KEYS = ("country", "near")  # measures have no location
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
WEBHOOK_TIMEOUT = 5.0
EVIDENCE_CHARS = 160  # of the printed line

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
CODE = re.compile(r"[A-Z0-9][A-Z0-9_.-]{0,31}")
MEASURE_KIND = re.compile(r"[a-z][a-z_]{0,31}")
DURATION = re.compile(r"(\d+)\s*([mhdw])")
DURATION_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


# --- alerts and their queries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alert:
    """A saved query: `kind` events, measures or incidents, `query` its filters by name (`parse_query`), and a URL
    to POST each hit to."""

    name: str
    kind: str = "events"
    query: Mapping[str, Any] = field(default_factory=dict)
    webhook: str | None = None
    created_at: datetime | None = None

    def filters(self) -> FactFilter:
        """The query as the filters of the read side (a stored query is checked already)."""
        q = self.query
        types = q.get("types")
        return FactFilter(
            state=q.get("state"), actor=q.get("actor"), recipient=q.get("recipient"), dyad=parse_dyad(q.get("dyad")),
            types=tuple(types) if types else None, since=q.get("since"), until=q.get("until"), text=q.get("text"),
            min_confidence=q.get("min_confidence"), country=q.get("country"),
            near=Near.parse(q["near"]) if q.get("near") else None,
        )  # fmt: skip

    def query_text(self) -> str:
        """The query as `--query` takes it: `type=SANCTION,THREATEN state=PRK`."""
        pairs = self.query.items()
        return " ".join(f"{_written_key(key)}={shlex.quote(_written_value(value))}" for key, value in pairs)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "query": dict(self.query), "webhook": self.webhook,
                "created_at": iso(self.created_at)}  # fmt: skip


def _written_key(key: str) -> str:
    return "type" if key == "types" else key


def _written_value(value: Any) -> str:
    return ",".join(value) if isinstance(value, list) else str(value)


def parse_query(query: str | Mapping[str, Any], kind: str = "events") -> dict[str, Any]:
    """An alert's filters, checked, in their stored form: from `key=value` pairs (split as a shell would:
    `type=SANCTION,THREATEN state=PRK text="missile test"`) or from a JSON object (a mapping or its text).

    Keys are QUERY_KEYS (`type` and `measure` for `types`) and for incidents INCIDENT_KEYS. An unknown key, a key
    given twice or a bad value is a ConfigError naming it."""
    check_kind(kind)
    found: dict[str, Any] = {}
    for key, value in _pairs(query):
        name = ALIASES.get(key, key)
        _check_key(name, key, kind)
        checked = _check_value(name, value, kind, key)
        if name == "types" and name in found:
            found[name] = [*found[name], *(t for t in checked if t not in found[name])]
        elif name in found:
            raise ConfigError(f"query: {key} is given twice")
        else:
            found[name] = checked
    order = (*QUERY_KEYS, *INCIDENT_KEYS)
    return {key: found[key] for key in order if key in found}


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ConfigError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    return kind


def _pairs(query: str | Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(key, value) pairs of key=value text, of JSON text or of a mapping; keys lower case, `-` read as `_`."""
    if isinstance(query, str) and query.strip().startswith("{"):
        try:
            query = json.loads(query)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"query: not a JSON object ({exc})") from None
    if isinstance(query, Mapping):
        return [(_key(str(k)), v) for k, v in query.items()]
    if not isinstance(query, str):
        raise ConfigError(f"query: expected key=value pairs or a JSON object, got {type(query).__name__}")
    try:
        tokens = shlex.split(query)
    except ValueError as exc:
        raise ConfigError(f"query: {exc} in {query!r}") from None
    pairs = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep or not key:
            raise ConfigError(f"query: expected key=value, got {token!r}")
        pairs.append((_key(key), value))
    return pairs


def _key(key: str) -> str:
    return key.strip().lower().replace("-", "_")


def _check_key(name: str, written: str, kind: str) -> None:
    if name in INCIDENT_KEYS:
        if kind != "incidents":
            raise ConfigError(f"query: {written} applies to incidents alerts only (--kind incidents)")
        return
    if name not in QUERY_KEYS:
        known = ", ".join([*QUERY_KEYS, *INCIDENT_KEYS])
        raise ConfigError(f"query: unknown key {written!r} (known: {known}; type for types)")
    if name in WHERE_KEYS and kind == "measures":
        raise ConfigError(f"query: {written} applies to events and incidents only (measures have no location)")


def _check_value(name: str, value: Any, kind: str, label: str) -> Any:
    """The value of filter `name` in its stored form, or a ConfigError naming it as written (`label`)."""
    if name in ("state", "actor", "recipient", "country"):
        return _code(value, label)
    if name == "dyad":
        return _dyad(value, label)
    if name == "types":
        return _types(value, kind, label)
    if name in ("since", "until"):
        text = _text(value, label)
        parse_date(text, label)
        return text
    if name == "text":
        return _text(value, label)
    if name == "min_confidence":
        return check_threshold(value, label)
    if name == "near":
        near = Near.parse(_written_value(value))
        return f"{near.lat:g},{near.lon:g},{near.km:g}"
    return _count(value, label)  # INCIDENT_KEYS


def _text(value: Any, label: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > 500:
        raise ConfigError(f"{label}: expected some text (at most 500 characters), got {value!r}")
    return value.strip()


def _code(value: Any, label: str) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    if not CODE.fullmatch(code):
        raise ConfigError(f"{label}: expected a state code such as PRK, got {value!r}")
    return code


def _dyad(value: Any, label: str) -> str:
    problem = ConfigError(f"{label}: expected two codes such as CHN,RUS, got {value!r}")
    if isinstance(value, list | tuple):
        pair: tuple[Any, ...] | None = tuple(value)
    else:
        try:
            pair = parse_dyad(_text(value, label))
        except ConfigError:
            raise problem from None
    if pair is None or len(pair) != 2:
        raise problem
    return ",".join(_code(code, label) for code in pair)


def _types(value: Any, kind: str, label: str) -> list[str]:
    items = value if isinstance(value, list | tuple) else [value]
    names = [part.strip() for item in items if isinstance(item, str) for part in item.split(",") if part.strip()]
    if not names or not all(isinstance(item, str) for item in items):
        raise ConfigError(f"{label}: expected names such as SANCTION,THREATEN, got {value!r}")
    if kind == "measures":
        bad = [n for n in names if not MEASURE_KIND.fullmatch(n.lower())]
        if bad:
            raise ConfigError(f"{label}: {bad[0]!r} is not a measure kind (such as trade, exports, aid)")
        return list(dict.fromkeys(n.lower() for n in names))
    known = (*EVENT_TYPES, *EXTENSION_TYPES)
    bad = [n for n in names if n.upper() not in known]
    if bad:
        raise ConfigError(f"{label}: {bad[0]!r} is not a PLOVER type (one of {', '.join(known)})")
    return list(dict.fromkeys(n.upper() for n in names))


def _count(value: Any, label: str) -> int:
    try:
        number = int(value) if not isinstance(value, bool | float) else None
    except (TypeError, ValueError):
        number = None
    if number is None or number < 1:
        raise ConfigError(f"{label}: expected a whole number, 1 or more, got {value!r}")
    return number


def checked_alert(alert: Alert) -> Alert:
    """`alert` with its name, kind, query and webhook checked, the query in its stored form."""
    if not isinstance(alert.name, str) or not NAME.fullmatch(alert.name):
        raise ConfigError(f"name: letters, digits, '.', '_' and '-' (at most 64, a letter or digit first), "
                          f"got {alert.name!r}")  # fmt: skip
    kind = check_kind(alert.kind)
    return dataclasses.replace(alert, query=parse_query(alert.query, kind), webhook=_webhook(alert.webhook))


def _webhook(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"webhook: expected an http(s) URL, got {url!r}")
    return url


def webhook_host(url: str | None) -> str | None:
    """Where a webhook posts, without its path and query: a webhook URL often carries its secret in them."""
    if not url:
        return None
    return urlsplit(url).hostname


# --- saved alerts in the store --------------------------------------------------------------------------------------


def add_alert(store: Store, alert: Alert, *, replace: bool = False) -> Alert:
    """Save `alert` (checked); a ConfigError when one of its name exists, unless `replace`. Replacing an
    alert keeps the hits it has reported (they are not reported again). `created_at` is now unless given."""
    alert = checked_alert(alert)
    if get_alert(store, alert.name) is not None and not replace:
        raise ConfigError(f"an alert named {alert.name!r} exists; replace it (--replace) or remove it first")
    created = alert.created_at or utc_now()
    with transaction(store) as conn:
        conn.execute(
            "INSERT INTO alerts VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
            "query = excluded.query, webhook = excluded.webhook, created_at = excluded.created_at",
            [alert.name, alert.kind, json.dumps(alert.query), alert.webhook, created],
        )
    return dataclasses.replace(alert, created_at=created)


def list_alerts(store: Store) -> list[Alert]:
    """The saved alerts, by name."""
    return [_alert(row) for row in rows(store, "SELECT * FROM alerts ORDER BY name")]


def get_alert(store: Store, name: str) -> Alert | None:
    found = rows(store, "SELECT * FROM alerts WHERE name = ?", [name])
    return _alert(found[0]) if found else None


def remove_alert(store: Store, name: str) -> None:
    """Forget the alert `name` and the hits it reported (an alert saved again under the name starts afresh)."""
    if get_alert(store, name) is None:
        raise ConfigError(f"no alert named {name!r} (see `diplograph alerts list`)")
    with transaction(store) as conn:
        conn.execute("DELETE FROM alert_hits WHERE alert = ?", [name])
        conn.execute("DELETE FROM alerts WHERE name = ?", [name])


def _alert(row: dict[str, Any]) -> Alert:
    return Alert(row["name"], row["kind"], json.loads(row["query"]), row["webhook"], row["created_at"])


@contextmanager
def transaction(store: Store) -> Iterator[Any]:
    """The store's connection inside one transaction, committed at the end or rolled back on an error."""
    import duckdb

    if store.read_only:
        raise StoreError(f"{store.path}: the store was opened read-only")
    conn = store.connection
    try:
        conn.execute("BEGIN TRANSACTION")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        try:
            conn.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction was not open (BEGIN itself failed)
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{store.path}: could not save the alerts' state: {exc}") from exc
        raise


def iso(value: datetime | None) -> str | None:
    """A stored UTC time as ISO 8601 with its Z."""
    return None if value is None else value.replace(microsecond=0).isoformat() + "Z"


# --- hits: finding them ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A fact an alert matched: its key in alert_hits, its record as JSON, its evidence and its document."""

    key: str  # doc_hash/id of an event or measure, the id of an incident
    fact: dict[str, Any]
    evidence: str
    document: dict[str, Any]  # hash, id, title, url
    anchor: str  # the fact's anchor on its document's page (e-<id>, m-<id>)
    incident: Incident | None = None


_FACTS = """
SELECT f.*, d.id AS document_id, d.title AS document_title, d.url AS document_url
FROM (SELECT * FROM {table} {where}) f JOIN documents d ON d.hash = f.doc_hash
ORDER BY d.ingested_at, f.doc_hash, f.seq
"""
_FROM_DOCUMENTS = "doc_hash IN (SELECT unnest(?::VARCHAR[]))"


def matches(store: Store, alert: Alert, doc_hashes: Sequence[str]) -> list[Match]:
    """What `alert` matches among the facts of the documents `doc_hashes`, whether reported before or not."""
    if alert.kind == "incidents":
        return list(_incident_matches(store, alert, doc_hashes))
    return list(_fact_matches(store, alert, doc_hashes))


def _fact_matches(store: Store, alert: Alert, doc_hashes: Sequence[str]) -> Iterator[Match]:
    where = alert.filters().where(alert.kind)
    where.add(_FROM_DOCUMENTS, list(doc_hashes))
    for row in rows(store, _FACTS.format(table=alert.kind, where=where.sql()), where.params):
        document = {"hash": row["doc_hash"], "id": row["document_id"], "title": row["document_title"],
                    "url": row["document_url"]}  # fmt: skip
        yield _match(fact_from_row(row, alert.kind), document)


def _match(fact: Fact, document: dict[str, Any], incident: Incident | None = None) -> Match:
    record = fact.record
    as_json = {**record_dict(record), "doc_hash": fact.doc_hash}
    key = incident.id if incident is not None else f"{fact.doc_hash}/{record.id}"
    shown = (incident.to_dict() | {"report": as_json}) if incident is not None else as_json
    return Match(key, shown, evidence_of(record), document, fact.anchor, incident)


def evidence_of(record: Event | Measure) -> str:
    """A fact's evidence as one text (its spans in order, joined by an ellipsis)."""
    return " … ".join(e.text for e in record.evidence)


def _incident_matches(store: Store, alert: Alert, doc_hashes: Sequence[str]) -> Iterator[Match]:
    """Incidents with a report from `doc_hashes` that pass the alert's filters and counts. The filters pick the
    candidates in one query; only those not reported yet are read in full."""
    filters = alert.filters()
    # The threshold applies to an incident's combined confidence (`incidents` below), not to each report
    where = dataclasses.replace(filters, min_confidence=0).where("events")
    where.add(f"incident IN (SELECT incident FROM events WHERE {_FROM_DOCUMENTS})", list(doc_hashes))
    found = rows(store, f"SELECT DISTINCT incident FROM events {where.sql()} ORDER BY incident", where.params)
    candidates = [row["incident"] for row in found if row["incident"]]
    reported = already_reported(store, alert.name, candidates)
    new = set(doc_hashes)
    for incident_id in candidates:
        if incident_id in reported:
            continue
        listed = incidents(store, dataclasses.replace(filters, incident=incident_id), limit=1, with_reports=True)
        if not listed or not enough(listed[0], alert.query):
            continue
        incident = listed[0]
        # The report the new documents brought (the most confident of them: reports come most confident first)
        report = next((f for f in incident.facts if f.doc_hash in new), None)
        if report is not None:
            yield _match(report, incident.documents_of[report.doc_hash], incident)


def enough(incident: Incident, query: Mapping[str, Any]) -> bool:
    """Whether an incident has the sources, reports and documents an incidents alert asks for."""
    return (len(incident.sources) >= query.get("min_sources", 0) and incident.reports >= query.get("min_reports", 0)
            and incident.documents >= query.get("min_documents", 0))  # fmt: skip


def already_reported(store: Store, alert: str, keys: Sequence[str]) -> set[str]:
    """Those of `keys` that `alert` has reported before."""
    if not keys:
        return set()
    sql = "SELECT fact FROM alert_hits WHERE alert = ? AND fact IN (SELECT unnest(?::VARCHAR[]))"
    return {row["fact"] for row in rows(store, sql, [alert, list(keys)])}


# --- hits: recording and delivering them ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One fact reported by one alert, with what was reported (`payload`: the webhook's JSON body)."""

    alert: str
    kind: str
    key: str  # alert_hits.fact: doc_hash/id of an event or measure, the id of an incident
    fired_at: datetime
    payload: dict[str, Any]

    def line(self) -> str:
        """One line for a terminal: `alert NAME: TYPE A -> B, DATE: "evidence…" (doc)`."""
        return hit_line(self.alert, self.kind, self.payload)

    def to_dict(self) -> dict[str, Any]:
        """As the JSONL file, `alerts hits --json` and the API give it: the payload with the time it fired."""
        return {**self.payload, "key": self.key, "fired_at": iso(self.fired_at)}


def hit_line(alert: str, kind: str, payload: Mapping[str, Any]) -> str:
    fact = payload.get("fact") or {}
    what = fact.get("measure") if kind == "measures" else fact.get("event")
    when = (fact.get("period") if kind == "measures" else fact.get("date")) or "undated"
    sides = f"{'/'.join(fact.get('actor') or []) or '?'} -> {'/'.join(fact.get('recipient') or []) or '?'}"
    evidence = " ".join(str(payload.get("evidence") or "").split())
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[: EVIDENCE_CHARS - 1] + "…"
    document = (payload.get("document") or {}).get("id")
    line = f'alert {alert}: {what} {sides}, {when}: "{evidence}" ({document})'
    if kind == "incidents":
        line += f" [incident {fact.get('id')}: {fact.get('reports')} reports, {len(fact.get('sources') or [])} sources]"
    return line


@dataclass
class AlertOutputs:
    """Where hits go besides the store: printed to `print_to`, appended to `jsonl`, POSTed to each alert's webhook
    (within `timeout` seconds). Links name the web UI at `base_url`; problems go to `log`, one line each."""

    print_to: IO[str] | None = None
    jsonl: Path | None = None
    base_url: str = DEFAULT_BASE_URL
    timeout: float = WEBHOOK_TIMEOUT
    log: Callable[[str], None] = stderr_line


def payload(alert: Alert, match: Match, base_url: str) -> dict[str, Any]:
    """What is reported of a hit: the webhook's JSON body."""
    base = base_url.rstrip("/")
    document = match.document
    anchor = quote(match.anchor, safe="")
    link = f"{base}/documents/{quote(document['hash'], safe='')}?fact={anchor}#{anchor}"
    body: dict[str, Any] = {
        "alert": alert.name, "kind": alert.kind, "fact": match.fact, "evidence": match.evidence,
        "document": {"id": document["id"], "hash": document["hash"], "title": document.get("title"),
                     "url": document.get("url"), "link": link},
    }  # fmt: skip
    if match.incident is not None:
        body["incident"] = {"id": match.incident.id, "link": f"{base}/incidents/{quote(match.incident.id, safe='')}"}
    return body


def run_alerts(store: Store, new_doc_hashes: Iterable[str], outputs: AlertOutputs | None = None, *,
               now: datetime | None = None) -> list[Hit]:  # fmt: skip
    """Every saved alert over the documents `new_doc_hashes`: the hits not reported before, each recorded in
    alert_hits and then delivered to `outputs` (an alert whose webhook fails does not stop the others)."""
    outputs = outputs or AlertOutputs()
    return deliver_all(record_new_hits(store, new_doc_hashes, base_url=outputs.base_url, now=now), outputs)


def record_new_hits(store: Store, new_doc_hashes: Iterable[str], *, base_url: str = DEFAULT_BASE_URL,
                    now: datetime | None = None) -> list[tuple[Alert, list[Hit]]]:  # fmt: skip
    """The first half of `run_alerts`: each alert with its hits among `new_doc_hashes`, recorded in alert_hits but
    not delivered. A server process runs this on its writer thread and `deliver_all` outside it, so that a slow
    webhook never holds up the writer."""
    hashes = sorted(set(new_doc_hashes))
    if not hashes:
        return []
    fired_at = now or utc_now()
    found: list[tuple[Alert, list[Hit]]] = []
    for alert in list_alerts(store):
        matched = {m.key: m for m in matches(store, alert, hashes)}
        reported = already_reported(store, alert.name, list(matched))
        new = [Hit(alert.name, alert.kind, key, fired_at, payload(alert, m, base_url))
               for key, m in matched.items() if key not in reported]  # fmt: skip
        record_hits(store, new)  # before delivering: a crash in between loses a report, never repeats one
        found.append((alert, new))
    return found


def deliver_all(found: Sequence[tuple[Alert, Sequence[Hit]]], outputs: AlertOutputs) -> list[Hit]:
    """The second half of `run_alerts`: deliver each alert's recorded hits; all the hits, in order."""
    for alert, hits in found:
        deliver(alert, hits, outputs)
    return [hit for _, hits in found for hit in hits]


def record_hits(store: Store, hits: Sequence[Hit]) -> None:
    if not hits:
        return
    with transaction(store) as conn:
        conn.executemany(
            "INSERT INTO alert_hits VALUES (?, ?, ?, ?)",
            [[hit.alert, hit.key, hit.fired_at, json.dumps(hit.payload, ensure_ascii=False)] for hit in hits],
        )


def deliver(alert: Alert, hits: Sequence[Hit], outputs: AlertOutputs) -> None:
    """Print, append and post `hits` of `alert`; a failure is logged and the hits stay recorded."""
    if not hits:
        return
    if outputs.print_to is not None:
        for hit in hits:
            print(hit.line(), file=outputs.print_to, flush=True)
    if outputs.jsonl is not None:
        append_jsonl(outputs.jsonl, hits, outputs.log)
    if alert.webhook:
        post_hits(alert, hits, outputs)


def append_jsonl(path: Path, hits: Sequence[Hit], log: Callable[[str], None]) -> None:
    try:
        with path.open("a", encoding="utf-8") as out:
            for hit in hits:
                out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
    except OSError as exc:
        log(f"alert {hits[0].alert}: could not append {len(hits)} hit(s) to {path}: {exc}")


def post_hits(alert: Alert, hits: Sequence[Hit], outputs: AlertOutputs) -> None:
    """POST each hit to the alert's webhook; at the first failure the rest of this round's are not tried (a
    webhook that is down would make the round wait out every timeout) and one line says so."""
    assert alert.webhook is not None
    for done, hit in enumerate(hits):
        try:
            post_json(alert.webhook, hit.payload, outputs.timeout)
        except WebhookError as exc:
            left = len(hits) - done
            outputs.log(f"alert {alert.name}: webhook {webhook_host(alert.webhook)} failed ({exc}); {left} hit(s) "
                        "not posted (they stay recorded and are not posted again)")  # fmt: skip
            return


class WebhookError(Exception):
    """A webhook did not take a POST: no connection, a timeout or an HTTP error status."""


def post_json(url: str, body: Mapping[str, Any], timeout: float) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "diplograph-alerts"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's own URL
            response.read(64 * 1024)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise WebhookError(f"HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise WebhookError(str(exc.reason)) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise WebhookError(str(exc) or type(exc).__name__) from None


# --- documents since a time; reading hits and the watcher's status ----------------------------------------------------


def check_alerts(store: Store, since: str | date | datetime | None = None, outputs: AlertOutputs | None = None, *,
                 now: datetime | None = None) -> list[Hit]:  # fmt: skip
    """`run_alerts` over the documents stored since `since` (every document when None): for a store that is not
    watched, or after adding an alert. Hits reported before are not reported again."""
    return run_alerts(store, documents_since(store, since), outputs, now=now)


def documents_since(store: Store, since: str | date | datetime | None) -> list[str]:
    """The content hashes of the documents stored at or after `since` (`parse_since`), in the order stored."""
    start = parse_since(since)
    if start is None:
        return [row["hash"] for row in rows(store, "SELECT hash FROM documents ORDER BY ingested_at, hash")]
    sql = "SELECT hash FROM documents WHERE ingested_at >= ? ORDER BY ingested_at, hash"
    return [row["hash"] for row in rows(store, sql, [start])]


def parse_since(value: str | date | datetime | None, *, now: datetime | None = None) -> datetime | None:
    """A time in UTC (without zone): a datetime or date, an ISO date or time ('2025-05-03', '2025-05-03T06:00Z'),
    YYYY or YYYY-MM, or a span back from now ('90m', '6h', '2d', '1w')."""
    if value is None or value == "":
        return None
    try:
        found = _since(value, now or utc_now())
    except (OverflowError, ValueError):  # a span or a zone past year 1 or 9999; a number of 4,300 digits
        found = None
    if found is None:
        raise ConfigError(f"since: expected a date or time (2025-05-03, 2025-05-03T06:00Z) or a span back from now "
                          f"(90m, 6h, 2d, 1w), got {value!r}")  # fmt: skip
    return found


def _since(value: str | date | datetime, now: datetime) -> datetime | None:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if span := DURATION.fullmatch(text):
        return now - timedelta(**{DURATION_UNITS[span.group(2)]: int(span.group(1))})
    try:
        return _since(datetime.fromisoformat(text.replace("Z", "+00:00")), now)
    except ValueError:
        pass
    try:
        day = parse_date(text, "since")  # YYYY, YYYY-MM
    except ConfigError:
        return None
    return None if day is None else datetime(day.year, day.month, day.day)


def recent_hits(store: Store, *, alert: str | None = None, limit: int = 100,
                since: str | date | datetime | None = None) -> list[Hit]:  # fmt: skip
    """The hits reported, newest first (of one alert; fired at or after `since`)."""
    if not isinstance(limit, int) or not 1 <= limit <= 10_000:
        raise ConfigError(f"limit: expected 1 to 10000, got {limit!r}")
    clauses: list[str] = []
    params: list[Any] = []
    if alert:
        clauses.append("alert = ?")
        params.append(alert)
    if (start := parse_since(since)) is not None:
        clauses.append("fired_at >= ?")
        params.append(start)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT * FROM alert_hits {where} ORDER BY fired_at DESC, rowid DESC LIMIT ?"
    return [_hit(row) for row in rows(store, sql, [*params, limit])]


def hit_counts(store: Store) -> dict[str, dict[str, Any]]:
    """alert name -> {"hits": how many it has reported, "last_hit": when it last fired (ISO 8601, UTC)}."""
    sql = "SELECT alert, count(*) AS hits, max(fired_at) AS last_hit FROM alert_hits GROUP BY alert"
    return {row["alert"]: {"hits": int(row["hits"]), "last_hit": iso(row["last_hit"])} for row in rows(store, sql)}


def alert_summaries(store: Store) -> list[dict[str, Any]]:
    """The saved alerts as the REST API and the web UI show them, with their counts of hits; of the webhook only
    its host (`webhook_host`), since anyone may read those."""
    counts = hit_counts(store)
    return [
        {"name": a.name, "kind": a.kind, "query": dict(a.query), "query_text": a.query_text(),
         "webhook_host": webhook_host(a.webhook), "created_at": iso(a.created_at),
         **counts.get(a.name, {"hits": 0, "last_hit": None})}
        for a in list_alerts(store)
    ]  # fmt: skip


def _hit(row: dict[str, Any]) -> Hit:
    body = json.loads(row["payload"])
    return Hit(row["alert"], str(body.get("kind", "")), row["fact"], row["fired_at"], body)


WATCH_COLUMNS = ("source", "kind", "last_fetch", "last_ok", "next_due", "failures", "items_seen", "documents_added",
                 "errors", "last_error")  # fmt: skip


def watch_status(store: Store) -> list[dict[str, Any]]:
    """Each watched source's health as `diplograph watch` keeps it (the watch_sources table), by source; times
    in UTC, ISO 8601. The HTTP validators (etag, last_modified) are the watcher's business and are left out."""
    found = rows(store, f"SELECT {', '.join(WATCH_COLUMNS)} FROM watch_sources ORDER BY source")
    return [{k: iso(v) if isinstance(v, datetime) else v for k, v in row.items()} for row in found]
