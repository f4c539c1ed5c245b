"""Exports and importers.

    from diplograph import io
    io.export(store, "gdelt", "events.tsv")            # csv, parquet, jsonl, plover, gdelt, graphml, gexf
    report = io.import_gdelt(store, "20170701.export.CSV")   # GDELT 1.0 / 2.0, raw or with a header
    report = io.import_icews(store, "events.2018.tab")
    report = io.import_plover(store, "events.plover.jsonl")
    print(report.summary()); report.problems            # rows not stored, with line numbers and reasons

Imported rows become Events (`rule` 'import:gdelt', 'import:icews' or the exported rule; `id` the source's
event id) in synthetic documents that describe the source row, so they are queried, counted and briefed with
extracted events. Documents are keyed by content hash: importing a file twice stores nothing new.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import ConfigError
from diplograph.io._common import ImportReport, RowProblem
from diplograph.io.export import ExportFormat, export
from diplograph.io.gdelt import import_gdelt
from diplograph.io.icews import import_icews
from diplograph.io.plover import import_plover

if TYPE_CHECKING:
    from diplograph.store import Store

IMPORTERS = {"gdelt": import_gdelt, "icews": import_icews, "plover": import_plover}


def import_file(store: Store, source: str, path: str | Path) -> ImportReport:
    """Import `path` with the importer for `source` (gdelt, icews or plover)."""
    try:
        importer = IMPORTERS[source.lower()]
    except KeyError:
        raise ConfigError(f"unknown import source {source!r}; expected one of {', '.join(IMPORTERS)}") from None
    return importer(store, path)


__all__ = [
    "IMPORTERS",
    "ExportFormat",
    "ImportReport",
    "RowProblem",
    "export",
    "import_file",
    "import_gdelt",
    "import_icews",
    "import_plover",
]
