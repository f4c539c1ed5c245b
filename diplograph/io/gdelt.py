"""GDELT event files: import (1.0 and 2.0, raw tab-separated or the CSV with a header that BigQuery exports) and
export in the GDELT 2.0 event table layout.

Each imported row becomes one Event (`id` = GLOBALEVENTID, `rule` = 'import:gdelt') in a document of its own:
a line that describes the row (actors, CAMEO code, date, URL), with the document's `url` = SOURCEURL. CAMEO
maps to PLOVER with `ontology.from_cameo`, CAMEO 01x and 02x (which PLOVER dropped) through its extension
table (appeals -> REQUEST, plain statements -> STATEMENT), so every row with a valid code is stored; rows whose
code is not a CAMEO code, or that cannot be read, are reported with their line number and not stored.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from diplograph.io._common import (
    CAMEO_SECTORS,
    SECTOR_CAMEO,
    ImportReport,
    RowProblem,
    compose,
    open_text,
    state_codes,
    state_names,
    store_extractions,
)
from diplograph.model import Actor, Document, Event, Extraction, Location

if TYPE_CHECKING:
    from diplograph.store import Store

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_EVENT = ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
          "NumMentions", "NumSources", "NumArticles", "AvgTone")  # fmt: skip
_GEO1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _layout(geo: tuple[str, ...], url: bool) -> tuple[str, ...]:
    head = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    actors = tuple(f"Actor{i}{c}" for i in (1, 2) for c in _ACTOR)
    geos = tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo)
    return (*head, *actors, *_EVENT, *geos, "DATEADDED", *(("SOURCEURL",) if url else ()))


GDELT1_COLUMNS = _layout(_GEO1, url=True)  # 58 columns (57 in the backfiles before April 2013: no SOURCEURL)
GDELT2_COLUMNS = _layout(_GEO2, url=True)  # 61 columns
LAYOUTS = {57: ("gdelt1", GDELT1_COLUMNS[:-1]), 58: ("gdelt1", GDELT1_COLUMNS), 61: ("gdelt2", GDELT2_COLUMNS)}
QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


# --- reading -----------------------------------------------------------------------------------------------------


def _rows(stream: IO[str], report: ImportReport) -> Iterator[tuple[int, dict[str, str] | None]]:
    """(line, row) for each data row; row is None when it has the wrong number of columns (reported)."""
    first = stream.readline()
    if not first:
        return
    header = first.lstrip("\ufeff").startswith("GLOBALEVENTID")
    delimiter = "\t" if "\t" in first else ","
    if header:
        columns = next(csv.reader([first.lstrip("\ufeff").rstrip("\r\n")], delimiter=delimiter))
        report.layout = f"header ({len(columns)} columns)"
        reader = csv.reader(stream, delimiter=delimiter)
        start = 1
    else:
        columns = list(LAYOUTS.get(first.rstrip("\r\n").count("\t") + 1, ("", GDELT2_COLUMNS))[1])
        report.layout = f"raw, {len(columns)} columns"
        reader = csv.reader([first], delimiter="\t", quoting=csv.QUOTE_NONE)
        yield from _checked(reader, columns, 0, report)
        reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        start = 1
    yield from _checked(reader, columns, start, report)


def _checked(
    reader: Iterable[list[str]], columns: list[str], offset: int, report: ImportReport
) -> Iterator[tuple[int, dict[str, str] | None]]:
    line = offset
    for values in reader:
        line += 1
        if not any(v.strip() for v in values):
            continue
        report.rows += 1
        if len(values) != len(columns):
            report.problems.append(
                RowProblem(line, values[0] or None, f"columns: {len(values)}, expected {len(columns)}")
            )
            yield line, None
            continue
        yield line, dict(zip(columns, values, strict=True))


def _date(value: str) -> str | None:
    """SQLDATE (YYYYMMDD) as YYYY-MM-DD; ValueError if it is not a date."""
    value = value.strip()
    if not value:
        return None
    return dt.datetime.strptime(value[:8], "%Y%m%d").date().isoformat()


def _actor(row: dict[str, str], n: int) -> tuple[tuple[str, ...], tuple[Actor, ...]]:
    code = row.get(f"Actor{n}CountryCode", "").strip()
    full, name = row.get(f"Actor{n}Code", "").strip(), row.get(f"Actor{n}Name", "").strip()
    if not (code or full):
        return (), ()
    sector = CAMEO_SECTORS.get(row.get(f"Actor{n}Type1Code", "").strip())
    is_state = code in state_codes()
    detail = Actor(code=code if is_state else (full or code), kind="state" if is_state else "group",
                   sector=sector, name=name or None)  # fmt: skip
    return ((code,) if is_state else ()), (detail,)


def _plover(code: str) -> tuple[str, str | None, tuple[str, ...]] | str:
    """PLOVER (type, mode, contexts) of a CAMEO code, or the problem."""
    from diplograph import ontology

    code = code.strip()
    if not code.isdigit():
        return f"event code: {code!r} is not a CAMEO code" if code else "event code: empty"
    entry = ontology.cameo_code(code)
    if entry is None:
        return f"event code: {code!r} is not a CAMEO code"
    mapped = ontology.from_cameo(code)
    if mapped is None:
        return f"no PLOVER equivalent: CAMEO {code} ({entry.name})"
    return mapped


def _extraction(row: dict[str, str], line: int, origin: str) -> Extraction | str:
    event_id = row["GLOBALEVENTID"].strip()
    if not event_id:
        return "GLOBALEVENTID: empty"
    mapped = _plover(row["EventCode"])
    if isinstance(mapped, str):
        return mapped
    try:
        date = _date(row["SQLDATE"])
    except ValueError:
        return f"SQLDATE: {row['SQLDATE']!r} is not a date"
    actor, actor_detail = _actor(row, 1)
    recipient, recipient_detail = _actor(row, 2)
    document, evidence = _document(row, event_id, date, line, origin)
    event = Event(
        doc=document.id, event=mapped[0], mode=mapped[1], context=mapped[2], actor=actor, recipient=recipient,
        evidence=tuple(evidence), date=date, date_source="sentence" if date else "none",
        actor_detail=actor_detail, recipient_detail=recipient_detail, rule="import:gdelt", id=event_id,
        location=action_location(row),
    )  # fmt: skip
    return Extraction(document=document, events=(event,))


GEO_KINDS = {"1": "country", "2": "region", "3": "city", "4": "city", "5": "region"}  # ActionGeo_Type


def action_location(row: dict[str, str]) -> Location | None:
    """Where GDELT geocoded the action (ActionGeo_*): FullName is 'City, Region, Country' for cities, 'Region,
    Country' for regions; its country is a FIPS 10-4 code. None when the row has no geography."""
    from diplograph.geo.codes import fips_to_iso3

    kind = GEO_KINDS.get(row.get("ActionGeo_Type", "").strip())
    full = row.get("ActionGeo_FullName", "").strip()
    if kind is None or not full:
        return None
    parts = [p.strip() for p in full.split(",")]
    country = fips_to_iso3().get(row.get("ActionGeo_CountryCode", "").strip())
    admin1 = parts[1] if kind == "city" and len(parts) > 2 else (parts[0] if kind == "region" else None)
    return Location(name=full, place=parts[0], admin1=admin1, country=country, lat=_float(row, "ActionGeo_Lat"),
                    lon=_float(row, "ActionGeo_Long"), evidence=None, method="imported", kind=kind)


def _float(row: dict[str, str], column: str) -> float | None:
    try:
        return float(row.get(column, ""))
    except ValueError:
        return None


def _action_columns(location: Location | None) -> dict[str, str]:
    """ActionGeo_* of a location (Type 1 country, 2/3 US region/city, 5/4 elsewhere); Type 0 when none."""
    from diplograph.geo.codes import iso3_to_fips

    if location is None or location.country is None:
        return {"ActionGeo_Type": "0"}
    us = location.country == "USA"
    kind = {"country": "1", "region": "2" if us else "5", "city": "3" if us else "4"}.get(location.kind or "", "4")
    parts = [location.place or location.name]
    if location.kind == "city" and location.admin1:
        parts.append(location.admin1)
    if location.kind != "country":
        from diplograph.io._common import state_names

        parts.append(state_names().get(location.country, location.country))
    fips = iso3_to_fips().get(location.country, "")
    return {
        "ActionGeo_Type": kind, "ActionGeo_FullName": ", ".join(p for p in parts if p),
        "ActionGeo_CountryCode": fips, "ActionGeo_ADM1Code": fips,
        "ActionGeo_Lat": "" if location.lat is None else f"{location.lat:.4f}",
        "ActionGeo_Long": "" if location.lon is None else f"{location.lon:.4f}",
    }  # fmt: skip


def _who(row: dict[str, str], n: int) -> str:
    name, code = row.get(f"Actor{n}Name", "").strip(), row.get(f"Actor{n}Code", "").strip()
    if not (name or code):
        return "(no actor)"
    return f"{name or code} [{code}]" if code and code != name else name


def _document(row: dict[str, str], event_id: str, date: str | None, line: int, origin: str) -> tuple[Document, list]:
    from diplograph import ontology

    code = row["EventCode"].strip()
    entry = ontology.cameo_code(code)
    what = f"CAMEO {code} {entry.name}" if entry else f"CAMEO {code}"
    url = row.get("SOURCEURL", "").strip() or None
    text, evidence = compose([
        (f"{_who(row, 1)} -- {what} -- {_who(row, 2)}", True),
        (f". GDELT event {event_id}, {date or 'undated'}.", False),
        (f" {url}" if url else "", False),
    ])  # fmt: skip
    added = row.get("DATEADDED", "").strip()
    published = _date(added) if added[:8].isdigit() else date
    document = Document(id=f"gdelt:{event_id}", text=text, published=published, title=None, url=url,
                        source="GDELT", origin=f"{origin}:{line}")  # fmt: skip
    return document, evidence


def _extractions(path: str | Path, report: ImportReport) -> Iterator[Extraction]:
    with open_text(path) as stream:
        for line, row in _rows(stream, report):
            if row is None:
                continue
            made = _extraction(row, line, str(path))
            if isinstance(made, str):
                report.problems.append(RowProblem(line, row.get("GLOBALEVENTID") or None, made))
            else:
                yield made


def import_gdelt(store: Store, path: str | Path, *, batch_size: int = 1000) -> ImportReport:
    """Import a GDELT 1.0 or 2.0 event file (raw or with a header; plain, .gz or .zip) into the store."""
    report = ImportReport("gdelt", str(path))
    store_extractions(store, _extractions(path, report), report, batch_size)
    return report


# --- writing -----------------------------------------------------------------------------------------------------


def _side(codes: Iterable[str], details: Iterable[Actor]) -> list[tuple[str, Actor | None]]:
    by_code = {d.code: d for d in details}
    pairs: list[tuple[str, Actor | None]] = [(c, by_code.get(c)) for c in codes]
    return pairs or [("", None)]


def _actor_columns(n: int, code: str, detail: Actor | None) -> dict[str, str]:
    sector = SECTOR_CAMEO.get(detail.sector or "", "") if detail else ""
    name = (detail.name if detail and detail.name else state_names().get(code, "")).upper()
    return {f"Actor{n}Code": code + sector, f"Actor{n}Name": name, f"Actor{n}CountryCode": code,
            f"Actor{n}Type1Code": sector}  # fmt: skip


def gdelt_rows(event: Event, document: dict[str, Any] | None) -> Iterator[dict[str, str]]:
    """The GDELT 2.0 rows of an event: one per actor x recipient pair (ids get -2, -3, ... after the first)."""
    from diplograph import ontology
    from diplograph.store.convert import date_bounds

    code, goldstein = ontology.to_cameo(event.event, event.mode, event.context)
    day = date_bounds(event.date)[0]
    published = date_bounds((document or {}).get("published_text"))[0] or day
    base = {
        "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": str(day.year) if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "IsRootEvent": "1", "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": str(QUAD_CLASS[ontology.quad(event.event)]), "GoldsteinScale": f"{goldstein:g}",
        "NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "0",
        "Actor1Geo_Type": "0", "Actor2Geo_Type": "0", "ActionGeo_Type": "0",
        "DATEADDED": published.strftime("%Y%m%d000000") if published else "",
        "SOURCEURL": (document or {}).get("url") or "",
    }  # fmt: skip
    pairs = [
        (a, r) for a in _side(event.actor, event.actor_detail) for r in _side(event.recipient, event.recipient_detail)
    ]
    for i, (actor, recipient) in enumerate(pairs):
        row = dict.fromkeys(GDELT2_COLUMNS, "")
        row.update(base, GLOBALEVENTID=event.id if i == 0 else f"{event.id}-{i + 1}")
        row.update(_actor_columns(1, *actor), **_actor_columns(2, *recipient))
        row.update(_action_columns(event.location))
        yield row


def write_gdelt(rows: Iterable[dict[str, str]], out: IO[str]) -> int:
    """Rows as a raw GDELT 2.0 event file: tab-separated, no header, 61 columns."""
    count = 0
    for row in rows:
        out.write("\t".join(row[c].replace("\t", " ").replace("\n", " ") for c in GDELT2_COLUMNS) + "\n")
        count += 1
    return count
