"""Records as text: contract JSONL, CSV, rich tables, and a document with its facts highlighted.

    for line in jsonl_lines(records): print(line)
    write_csv(records, sys.stdout)
    console.print(records_table(records))
    console.print(highlighted(document, records)); console.print(fact_list(records))

Records may be `Event` / `Measure` objects or their dict form (as the store or a JSONL file gives them).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from rich.table import Table
from rich.text import Text

from diplograph.model import Document, Event, Measure, Record

AnyRecord = Event | Measure | dict[str, Any]

# The fields of the output contract (shared/eval/README.md), in the order they are written.
EVENT_FIELDS = ("doc", "kind", "event", "mode", "context", "aux", "actor", "recipient", "date", "evidence")
MEASURE_FIELDS = (
    "doc", "kind", "measure", "actor", "recipient", "period", "value", "unit",
    "change_pct", "commodity", "per", "qualifier", "evidence",
)  # fmt: skip

CSV_COLUMNS = (
    "id", "doc", "kind", "type", "actor", "recipient", "date", "mode", "context", "aux",
    "value", "unit", "change_pct", "commodity", "per", "qualifier", "evidence", "spans", "rule", "confidence",
    "place", "place_country", "lat", "lon", "incident",
)  # fmt: skip

# Terminal styles for `show`: cooperation in greens and blues, verbal conflict in yellows, material conflict in reds.
EVENT_STYLES = {
    "AGREE": "bold green",
    "CONSULT": "bold cyan",
    "SUPPORT": "green",
    "COOPERATE": "bold blue",
    "AID": "bold bright_green",
    "CONCEDE": "bright_cyan",
    "RETREAT": "cyan",
    "REQUEST": "bright_blue",
    "ACCUSE": "yellow",
    "REJECT": "bold yellow",
    "THREATEN": "bold bright_yellow",
    "PROTEST": "magenta",
    "SANCTION": "bold magenta",
    "MOBILIZE": "red",
    "COERCE": "bold red",
    "ASSAULT": "bold bright_red",
}
MEASURE_STYLE = "bold bright_magenta"
DEFAULT_STYLE = "bold white"


def as_dict(record: AnyRecord | Record) -> dict[str, Any]:
    return record if isinstance(record, dict) else record.to_dict()


def record_dict(record: AnyRecord) -> dict[str, Any]:
    """A record as the output contract writes it: the contract fields first, then every other field."""
    data = as_dict(record)
    data["evidence"] = _evidence_list(data.get("evidence"))
    contract = MEASURE_FIELDS if data.get("kind") == "measure" else EVENT_FIELDS
    ordered = {name: data.get(name) for name in contract}
    ordered.update((name, value) for name, value in data.items() if name not in ordered)
    return ordered


def _evidence_list(evidence: Any) -> list[dict[str, Any]]:
    if evidence is None:
        return []
    items = [evidence] if isinstance(evidence, dict) else evidence
    return [as_dict(item) for item in items]


def record_type(record: dict[str, Any]) -> str:
    return str(record.get("measure") if record.get("kind") == "measure" else record.get("event"))


def record_date(record: dict[str, Any]) -> str:
    value = record.get("period") if record.get("kind") == "measure" else record.get("date")
    return "" if value is None else str(value)


def codes(value: Any, sep: str = ",") -> str:
    return sep.join(value) if isinstance(value, list | tuple) else ("" if value is None else str(value))


def jsonl_lines(records: Iterable[AnyRecord]) -> Iterator[str]:
    """One JSON object a line, per the output contract."""
    for record in records:
        yield json.dumps(record_dict(record), ensure_ascii=False)


def write_jsonl(records: Iterable[AnyRecord], out: IO[str]) -> int:
    count = 0
    for line in jsonl_lines(records):
        out.write(line + "\n")
        count += 1
    return count


def csv_row(record: AnyRecord) -> dict[str, Any]:
    """A flat row: lists joined with ';', evidence texts joined with ' | ', spans as 'start:end'."""
    data = record_dict(record)
    evidence = data["evidence"]
    return {
        **{name: data.get(name) for name in CSV_COLUMNS if name in data},
        "type": record_type(data),
        "actor": codes(data.get("actor"), ";"),
        "recipient": codes(data.get("recipient"), ";"),
        "date": record_date(data),
        "context": codes(data.get("context"), ";"),
        "evidence": " | ".join(str(e.get("text", "")) for e in evidence),
        "spans": ";".join(f"{e.get('start')}:{e.get('end')}" for e in evidence),
        **location_columns(data.get("location")),
    }


def location_columns(location: dict[str, Any] | None) -> dict[str, Any]:
    """The flat columns of an event's location (empty when it has none)."""
    location = location or {}
    return {"place": location.get("place") or location.get("name"), "place_country": location.get("country"),
            "lat": location.get("lat"), "lon": location.get("lon")}  # fmt: skip


def place_label(location: dict[str, Any] | None) -> str:
    """'Ramadi, Anbar, IRQ' for a city, 'Anbar, IRQ' for a region, 'IRQ' for a state; '' without a location."""
    if not location:
        return ""
    parts = [location.get("place") or location.get("name")]
    if location.get("kind") == "city" and location.get("admin1"):
        parts.append(location["admin1"])
    if location.get("kind") != "country":
        parts.append(location.get("country"))
    return ", ".join(str(p) for p in parts if p)


def write_csv(records: Iterable[AnyRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def _detail(record: dict[str, Any]) -> str:
    if record.get("kind") == "measure":
        value = f"{_number(record.get('value'))} {record.get('unit') or ''}".strip()
        if record.get("change_pct") is not None:
            value += f" ({record['change_pct']:+g}%)"
        return value
    return " ".join(str(x) for x in (record.get("mode"), record.get("aux")) if x)


def _number(value: Any) -> str:
    """240100000000.0 -> '240.1 billion', 23000 -> '23,000'."""
    if not isinstance(value, int | float):
        return str(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.6g} {word}"
    return f"{value:,.6g}"


def _evidence_text(record: dict[str, Any], width: int = 120) -> str:
    text = " | ".join(str(e.get("text", "")) for e in record["evidence"])
    return text if len(text) <= width else text[: width - 1] + "…"


def style_of(record: dict[str, Any]) -> str:
    if record.get("kind") == "measure":
        return MEASURE_STYLE
    return EVENT_STYLES.get(str(record.get("event")), DEFAULT_STYLE)


def records_table(records: Iterable[AnyRecord], *, title: str | None = None) -> Table:
    """A readable table: type, actor, recipient, date, details, confidence, document, evidence."""
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("type", "actor", "recipient", "date", "detail", "conf", "doc"):
        table.add_column(name, no_wrap=name in ("type", "date", "conf"), overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=1)
    for record in map(record_dict, records):
        table.add_row(
            Text(record_type(record), style=style_of(record)),
            *plain(
                codes(record.get("actor")),
                codes(record.get("recipient")),
                record_date(record),
                _detail(record),
                "" if record.get("confidence") is None else f"{record['confidence']:.2f}",
                str(record.get("doc")),
                _evidence_text(record),
            ),
        )
    return table


# --- incidents ----------------------------------------------------------------------------------------------------

INCIDENT_COLUMNS = ("id", "event", "actor", "recipient", "date", "place", "place_country", "lat", "lon", "reports",
                    "documents", "sources", "first_seen", "last_seen", "confidence")  # fmt: skip


def incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    return {
        **{name: incident.get(name) for name in INCIDENT_COLUMNS},
        "actor": codes(incident.get("actor"), ";"), "recipient": codes(incident.get("recipient"), ";"),
        "sources": codes(incident.get("sources"), ";"), **location_columns(incident.get("location")),
    }  # fmt: skip


def write_incidents_csv(incidents: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=INCIDENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for incident in incidents:
        writer.writerow(incident_row(incident))
        count += 1
    return count


def incidents_table(incidents: Iterable[dict[str, Any]], *, title: str | None = None) -> Table:
    """Type, parties, date, place, how many reports in how many documents from which sources, first seen, id."""
    table = Table(title=title)
    for name in ("type", "actor", "recipient", "date", "place", "reports", "docs", "sources", "first seen", "id"):
        table.add_column(name, no_wrap=name in ("type", "date", "reports", "docs", "id"), overflow="fold")
    for item in incidents:
        table.add_row(
            Text(str(item.get("event")), style=EVENT_STYLES.get(str(item.get("event")), DEFAULT_STYLE)),
            *plain(codes(item.get("actor")), codes(item.get("recipient")), str(item.get("date") or ""),
                   place_label(item.get("location")), str(item.get("reports")), str(item.get("documents")),
                   codes(item.get("sources"), ", "), str(item.get("first_seen") or ""), str(item.get("id"))),
        )  # fmt: skip
    return table


# --- documents ----------------------------------------------------------------------------------------------------

DOCUMENT_FIELDS = ("id", "published", "title", "source", "url", "origin")


def document_dict(document: Document | dict[str, Any]) -> dict[str, Any]:
    return as_dict(document)


def documents_table(documents: Iterable[Document | dict[str, Any]]) -> Table:
    table = Table()
    for name in ("id", "published", "title", "source", "words"):
        table.add_column(name, no_wrap=name in ("id", "published"), overflow="fold")
    for doc in map(document_dict, documents):
        words = str(len(str(doc.get("text") or "").split())) if doc.get("text") is not None else ""
        fields = (doc.get(name) for name in ("id", "published", "title", "source"))
        table.add_row(*plain(*("" if value is None else str(value) for value in fields), words))
    return table


def plain(*cells: str) -> list[Text]:
    """Table cells shown as they are (a plain str would be read as rich markup: '[b]' in a title)."""
    return [Text(cell) for cell in cells]


def mentions_table(rows: Iterable[dict[str, Any]]) -> Table:
    """Actor, date and quantity mentions (and sentences): where, what text, and what it was read as."""
    table = Table()
    for name in ("doc", "kind", "text", "start", "end", "read as"):
        table.add_column(name, overflow="fold")
    for row in rows:
        if row["kind"] == "sentence":
            value = f"parsed: {row['cue']}" if row["parsed"] else "not parsed"
        else:
            value = f"{row.get('code') or row.get('value')} {row.get('unit') or ''}".strip()
        table.add_row(*plain(str(row["doc"]), row["kind"], row["text"], str(row["start"]), str(row["end"]), value))
    return table


def write_documents_csv(documents: Iterable[Document | dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=(*DOCUMENT_FIELDS, "text"), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for doc in map(document_dict, documents):
        writer.writerow(doc)
        count += 1
    return count


# --- `show`: a document with its facts highlighted ----------------------------------------------------------------


def highlighted(document: Document, records: Sequence[AnyRecord]) -> Text:
    """The document text with each fact's evidence styled by its type and followed by the fact's number."""
    text = Text(document.text)
    markers: dict[int, list[tuple[int, str]]] = {}
    for number, record in enumerate(map(record_dict, records), 1):
        style = style_of(record)
        for evidence in record["evidence"]:
            start, end = int(evidence["start"]), int(evidence["end"])
            if 0 <= start < end <= len(document.text):
                text.stylize(style, start, end)
                markers.setdefault(end, []).append((number, style))
    return _with_markers(text, markers)


def _with_markers(text: Text, markers: dict[int, list[tuple[int, str]]]) -> Text:
    offsets = sorted(markers)
    out = Text()
    for part, offset in zip(text.divide(offsets), [0, *offsets], strict=True):
        for number, style in markers.get(offset, []) if offset else []:
            out.append(f"[{number}]", style=f"{style} dim")
        out.append_text(part)
    return out


def fact_list(records: Sequence[AnyRecord]) -> Text:
    """The numbered facts: type, dyad, date, details and the evidence quoted."""
    out = Text()
    for number, record in enumerate(map(record_dict, records), 1):
        out.append(f"[{number}] ", style="bold")
        out.append(record_type(record), style=style_of(record))
        dyad = f" {codes(record.get('actor')) or '-'} -> {codes(record.get('recipient')) or '-'}"
        out.append(dyad)
        for extra in (record_date(record), _detail(record)):
            if extra:
                out.append(f"  {extra}")
        out.append(f"\n    “{_evidence_text(record, width=200)}”\n", style="dim")
    return out
