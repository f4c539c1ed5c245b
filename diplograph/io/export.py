"""`export(store, fmt, out)`: the store's records as CSV, Parquet, JSONL, PLOVER JSON or the GDELT 2.0 layout,
and the network of states as GraphML or GEXF (for Gephi).

    csv      one flat row a record (events and measures), the columns of `diplograph events --format csv`
    parquet  the same rows in a Parquet file
    jsonl    one contract record a line (as `diplograph extract --format jsonl`)
    plover   PLOVER JSON lines, events only (see io/plover.py)
    gdelt    the GDELT 2.0 event table: tab-separated, no header, 61 columns; CAMEO code and Goldstein score
             from the PLOVER type, mode and contexts (`ontology.to_cameo`); one row per actor x recipient
    graphml  states as nodes (degree, strength, betweenness), interactions as weighted undirected edges
    gexf     the same graph in GEXF 1.3
    geojson  a FeatureCollection of the located events: a Point at each event's place (GeoJSON order:
             longitude, latitude) with its type, parties, date, place, incident and evidence as properties
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from diplograph.errors import ConfigError
from diplograph.query import rows as query_rows
from diplograph.store.query import DateLike

if TYPE_CHECKING:
    from diplograph.analytics.network import Network
    from diplograph.model import Event, Measure
    from diplograph.store import Store


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"


def _format(fmt: str | ExportFormat) -> ExportFormat:
    try:
        return ExportFormat(str(fmt).lower())
    except ValueError:
        known = ", ".join(f.value for f in ExportFormat)
        raise ConfigError(f"unknown export format {fmt!r}; expected one of {known}") from None


def export(
    store: Store, fmt: str | ExportFormat, out: str | Path, *, since: DateLike = None, until: DateLike = None,
    min_confidence: float | None = None,
) -> int:
    """Write the store's records (or its network) to `out` in `fmt`; returns the rows, records or edges written.
    Facts at or above `min_confidence` are written (None: the default threshold; 0: every candidate)."""
    kind, target = _format(fmt), Path(out)
    window = _Window(since, until, min_confidence)
    if kind is ExportFormat.parquet:
        return _write_parquet(_records(store, window), target)
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            return _write_text(store, kind, handle, window)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot write: {exc.strerror or exc}") from None


@dataclass(frozen=True)
class _Window:
    """What an export reads: the dates and the confidence threshold."""

    since: DateLike
    until: DateLike
    min_confidence: float | None


def _write_text(store: Store, kind: ExportFormat, out: IO[str], window: _Window) -> int:
    from diplograph import output
    from diplograph.analytics.network import state_network
    from diplograph.io.gdelt import gdelt_rows, write_gdelt
    from diplograph.io.plover import plover_record, write_plover

    if kind is ExportFormat.csv:
        return output.write_csv(_records(store, window), out)
    if kind is ExportFormat.geojson:
        events = store.events(since=window.since, until=window.until, min_confidence=window.min_confidence)
        return write_geojson(events, out)
    if kind is ExportFormat.jsonl:
        return output.write_jsonl(_records(store, window), out)
    events = store.events(since=window.since, until=window.until, min_confidence=window.min_confidence)
    if kind in (ExportFormat.plover, ExportFormat.gdelt):
        documents = _documents(store)
        if kind is ExportFormat.plover:
            return write_plover((plover_record(e, documents.get(e.doc)) for e in events), out)
        return write_gdelt((row for e in events for row in gdelt_rows(e, documents.get(e.doc))), out)
    network = state_network(store, since=window.since, until=window.until, min_confidence=window.min_confidence)
    root = graphml(network) if kind is ExportFormat.graphml else gexf(network)
    ET.indent(root)
    out.write(ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
    return len(network.edges)


def _records(store: Store, window: _Window) -> Iterator[Event | Measure]:
    yield from store.events(since=window.since, until=window.until, min_confidence=window.min_confidence)
    yield from store.measures(since=window.since, until=window.until, min_confidence=window.min_confidence)


def _documents(store: Store) -> dict[str, dict[str, Any]]:
    """Document id -> its url, title, source and publication date (the first stored, for a repeated id)."""
    found: dict[str, dict[str, Any]] = {}
    sql = "SELECT id, url, title, source, published_text FROM documents ORDER BY ingested_at, hash"
    for row in query_rows(store, sql):
        found.setdefault(row["id"], row)
    return found


def _write_parquet(records: Iterable[Event | Measure], target: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplograph import output

    rows = [output.csv_row(r) for r in records]
    columns = {name: [row.get(name) for row in rows] for name in output.CSV_COLUMNS}
    types = {"value": pa.float64(), "change_pct": pa.float64(), "lat": pa.float64(), "lon": pa.float64()}
    table = pa.table({n: pa.array(v, type=types.get(n, pa.string())) for n, v in columns.items()})
    try:
        pq.write_table(table, target)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write: {exc}") from None
    return len(rows)


# --- places ------------------------------------------------------------------------------------------------------


def geojson_feature(event: Event) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with coordinates (None without them)."""
    from diplograph import output

    location = event.location
    if location is None or location.lat is None or location.lon is None:
        return None
    properties = {
        "id": event.id, "doc": event.doc, "event": event.event, "mode": event.mode, "actor": list(event.actor),
        "recipient": list(event.recipient), "date": event.date, "confidence": event.confidence,
        "incident": event.incident, "name": location.name, "place": location.place, "admin1": location.admin1,
        "country": location.country, "kind": location.kind, "method": location.method,
        "evidence": " | ".join(e.text for e in event.evidence), "label": output.place_label(location.to_dict()),
    }  # fmt: skip
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
            "properties": properties}  # fmt: skip


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    """The located events as one GeoJSON FeatureCollection (RFC 7946); returns the features written."""
    import json

    features = [f for f in map(geojson_feature, events) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


# --- graphs ------------------------------------------------------------------------------------------------------

_NODE_ATTRS = (("label", "string"), ("degree", "int"), ("strength", "int"), ("degree_centrality", "double"),
               ("betweenness", "double"))  # fmt: skip
_EDGE_ATTRS = (("weight", "double"), ("mean_score", "double"))


def _label(code: str) -> str:
    from diplograph.io._common import state_names

    return state_names().get(code, code)


def graphml(network: Network) -> ET.Element:
    """The network as GraphML: node ids are state codes; edges carry `weight` and `mean_score`."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for name, kind in _NODE_ATTRS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in _EDGE_ATTRS:
        ET.SubElement(root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="states", edgedefault="undirected")
    for node in network.nodes:
        element = ET.SubElement(graph, "node", id=node.state)
        values = (_label(node.state), node.degree, node.strength, node.degree_centrality, node.betweenness)
        for (name, _), value in zip(_NODE_ATTRS, values, strict=True):
            ET.SubElement(element, "data", key=name).text = str(value)
    for i, edge in enumerate(network.edges):
        element = ET.SubElement(graph, "edge", id=f"e{i}", source=edge.source, target=edge.target)
        ET.SubElement(element, "data", key="weight").text = str(edge.weight)
        if edge.mean_score is not None:
            ET.SubElement(element, "data", key="mean_score").text = str(edge.mean_score)
    return root


def gexf(network: Network) -> ET.Element:
    """The network as GEXF 1.3 (Gephi): edge weights in `weight`, node centralities as attributes."""
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "diplograph"
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected", mode="static")
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    for i, (name, kind) in enumerate(_NODE_ATTRS[1:]):
        ET.SubElement(node_attrs, "attribute", id=str(i), title=name, type="integer" if kind == "int" else kind)
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    ET.SubElement(edge_attrs, "attribute", id="0", title="mean_score", type="double")
    nodes = ET.SubElement(graph, "nodes")
    for node in network.nodes:
        element = ET.SubElement(nodes, "node", id=node.state, label=_label(node.state))
        values = ET.SubElement(element, "attvalues")
        for i, value in enumerate((node.degree, node.strength, node.degree_centrality, node.betweenness)):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": str(value)})
    edges = ET.SubElement(graph, "edges")
    for i, edge in enumerate(network.edges):
        element = ET.SubElement(edges, "edge", id=str(i), source=edge.source, target=edge.target,
                                weight=str(edge.weight))  # fmt: skip
        if edge.mean_score is not None:
            values = ET.SubElement(element, "attvalues")
            ET.SubElement(values, "attvalue", {"for": "0", "value": str(edge.mean_score)})
    return root
