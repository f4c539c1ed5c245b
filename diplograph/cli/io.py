"""The `export` and `import` commands: the store's records to other formats, and event files from GDELT, ICEWS
or PLOVER into the store (thin wrappers over `diplograph.io`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import (
    DbOption,
    JsonOption,
    MinConfidenceOption,
    SinceOption,
    UntilOption,
    friendly,
    ingest_memory,
    open_store,
    print_json,
    to_stderr,
)
from diplograph.errors import ConfigError


class ImportSource(StrEnum):
    gdelt = "gdelt"
    icews = "icews"
    plover = "plover"


def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, parquet, jsonl, plover, gdelt, graphml, gexf or geojson.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.", show_default=False)],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export the store's records (or its network of states) to a file: the facts at or above the confidence
    threshold, each with its confidence."""
    from diplograph.io import export as run

    with open_store(db, read_only=True) as store:
        count = run(store, fmt, out, since=since, until=until, min_confidence=min_confidence)
    to_stderr(f"exported {count} {'edges' if fmt.lower() in ('graphml', 'gexf') else 'rows'} to {out}")


def import_(
    source: Annotated[ImportSource, typer.Argument(help="The file's layout.")],
    path: Annotated[Path, typer.Argument(help="The event file (plain, .gz or .zip).", show_default=False)],
    db: DbOption = None,
    show: Annotated[int, typer.Option("--show-problems", min=0, help="Rows not stored to list (0: none).")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Import GDELT 1.0/2.0, ICEWS or PLOVER JSON events, with CAMEO mapped to PLOVER; report rows not stored."""
    from diplograph.io import import_file

    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    with open_store(db, read_only=False) as store, store.memory_cap(ingest_memory()):
        report = import_file(store, source.value, path)
    if as_json:
        return print_json(report.to_dict())
    for problem in report.problems[:show]:
        to_stderr(f"not stored: {path}:{problem.line}: {problem.problem}")
    if len(report.problems) > show > 0:
        to_stderr(f"... and {len(report.problems) - show} more rows not stored")
    counts = ", ".join(f"{k} {v}" for k, v in report.problem_counts().items())
    to_stderr(report.summary() + (f" ({counts})" if counts else ""))


def register(app: typer.Typer) -> None:
    """Add `export` and `import` to `app`."""
    app.command()(friendly(export))
    app.command("import")(friendly(import_))
