"""ICEWS event files (tab-separated with a header: Event ID, Event Date, Source Name, ..., CAMEO Code, ...).

Each row becomes one Event (`id` = Event ID, `rule` = 'import:icews') in a document of its own: a line that
describes the row (source, event text, CAMEO code, target, story and sentence number, publisher), with the
publisher as the document's source and `icews:story/<Story ID>` as its url (so rows of one story count as one
article). Country names map to state codes through the actor dictionary. CAMEO maps to PLOVER as for GDELT
(01x/02x through the ontology's extension table); rows whose code is not a CAMEO code, or that cannot be read,
are reported with their line number.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.io._common import (
    ImportReport,
    RowProblem,
    compose,
    country_code,
    open_text,
    person_names,
    store_extractions,
)
from diplograph.io.gdelt import _plover
from diplograph.model import Actor, Document, Event, Extraction

if TYPE_CHECKING:
    from diplograph.store import Store

REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Target Name", "Target Country")

# ICEWS sector words -> diplograph sectors, most specific first.
_SECTORS = (
    ("foreign ministry", "foreign_ministry"), ("military", "military"), ("police", "police"),
    ("judicial", "judiciary"), ("legislative", "legislature"), ("parliament", "legislature"),
    ("rebel", "rebels"), ("insurgent", "rebels"), ("opposition", "opposition"), ("party", "party"),
    ("ngo", "ngo"), ("media", "media"), ("business", "business"), ("executive", "government"),
    ("government", "government"), ("civilian", "civilians"),
)  # fmt: skip


def _sector(sectors: str) -> str | None:
    low = sectors.casefold()
    return next((sector for word, sector in _SECTORS if word in low), None)


def _actor(name: str, country: str, sectors: str) -> tuple[tuple[str, ...], tuple[Actor, ...]]:
    code = country_code(country)
    name = name.strip()
    if code is None:
        return (), ((Actor(code=name, kind="group", name=name),) if name else ())
    person = name if name.casefold() in person_names() else None
    return (code,), (Actor(code=code, kind="state", sector=_sector(sectors), person=person, name=name or None),)


def _extraction(row: dict[str, str], line: int, origin: str) -> Extraction | str:
    event_id = (row.get("Event ID") or "").strip()
    if not event_id:
        return "Event ID: empty"
    mapped = _plover(row.get("CAMEO Code") or "")
    if isinstance(mapped, str):
        return mapped
    raw_date = (row.get("Event Date") or "").strip()
    try:
        date = dt.date.fromisoformat(raw_date).isoformat()
    except ValueError:
        return f"Event Date: {raw_date!r} is not a date"
    actor, actor_detail = _actor(row["Source Name"], row["Source Country"], row.get("Source Sectors") or "")
    recipient, recipient_detail = _actor(row["Target Name"], row["Target Country"], row.get("Target Sectors") or "")
    story, sentence = (row.get("Story ID") or "").strip(), (row.get("Sentence Number") or "").strip()
    publisher = (row.get("Publisher") or "").strip() or None
    text, evidence = compose([
        (f"{row['Source Name']} ({row['Source Country']}) -- {row.get('Event Text', '')} "
         f"[CAMEO {row['CAMEO Code'].strip()}] -- {row['Target Name']} ({row['Target Country']})", True),
        (f". ICEWS event {event_id}, {date}, story {story or '?'} sentence {sentence or '?'}", False),
        (f", {publisher}." if publisher else ".", False),
    ])  # fmt: skip
    url = f"icews:story/{story}" if story else None  # rows of one story count as one article
    document = Document(id=f"icews:{event_id}", text=text, published=date, url=url, source=publisher,
                        origin=f"{origin}:{line}")  # fmt: skip
    event = Event(
        doc=document.id, event=mapped[0], mode=mapped[1], context=mapped[2], actor=actor, recipient=recipient,
        evidence=tuple(evidence), date=date, date_source="sentence", actor_detail=actor_detail,
        recipient_detail=recipient_detail, rule="import:icews", id=event_id,
    )  # fmt: skip
    return Extraction(document=document, events=(event,))


def _extractions(path: str | Path, report: ImportReport) -> Iterator[Extraction]:
    with open_text(path) as stream:
        reader = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            from diplograph.errors import InputError

            raise InputError(str(path), f"not an ICEWS event file: no column {', '.join(map(repr, missing))}")
        report.layout = f"header ({len(reader.fieldnames or [])} columns)"
        for row in reader:
            line = reader.line_num
            report.rows += 1
            if None in row or any(v is None for v in row.values()):
                report.problems.append(RowProblem(line, row.get("Event ID"), "columns: wrong number of fields"))
                continue
            made = _extraction(row, line, str(path))
            if isinstance(made, str):
                report.problems.append(RowProblem(line, row.get("Event ID") or None, made))
            else:
                yield made


def import_icews(store: Store, path: str | Path, *, batch_size: int = 1000) -> ImportReport:
    """Import an ICEWS event file (tab-separated with a header; plain, .gz or .zip) into the store."""
    report = ImportReport("icews", str(path))
    store_extractions(store, _extractions(path, report), report, batch_size)
    return report
