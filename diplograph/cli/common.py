"""What the command modules share: the options more than one of them takes, the store opener, the output formats,
and the error handling (one `error: ...` line on stderr and exit code 1 instead of a traceback)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from diplograph.errors import ConfigError, DiplographError

if TYPE_CHECKING:
    from diplograph.model import Event, Measure
    from diplograph.store import Store

F = TypeVar("F", bound=Callable[..., Any])


# --- options ----------------------------------------------------------------------------------------------------


class Kind(StrEnum):
    """Which records a command prints or counts."""

    events = "events"
    measures = "measures"
    all = "all"


class RecordFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="The DuckDB store. Default: $DIPLOGRAPH_DB, else ./diplograph.duckdb.", show_default=False
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, show_default=False,
                 help="Keep facts at or above this confidence (0: every candidate). Default: "
                      "$DIPLOGRAPH_MIN_CONFIDENCE, else the confidence model's threshold."),
]
class CountMode(StrEnum):
    incidents = "incidents"
    reports = "reports"


CountOption = Annotated[
    CountMode,
    typer.Option("--count", help="incidents: an event reported by several stories counts once; reports: every "
                                 "stored report counts."),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="An extra actor dictionary (CSV). Default: $DIPLOGRAPH_ACTORS.", show_default=False),
]
FormatOption = Annotated[RecordFormat, typer.Option("--format", "-f", help="Output format.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
StateOption = Annotated[str | None, typer.Option("--state", help="A state code, as actor or recipient.")]
StateArgument = Annotated[str, typer.Argument(help="A state code, e.g. PRK.", show_default=False)]


def actors_file(actors: Path | None) -> Path | None:
    """--actors, else $DIPLOGRAPH_ACTORS, else none; the file must exist."""
    from diplograph import config

    actors = actors or (Path(config.get("actors")) if config.get("actors") else None)
    if actors is not None and not actors.is_file():
        raise ConfigError(f"--actors: {actors}: no such file")
    return actors


def ingest_memory() -> int:
    """DIPLOGRAPH_INGEST_MEMORY: the DuckDB memory cap (MiB) of `ingest` and `import`; 0 for none."""
    from diplograph import config
    from diplograph.store.core import MIN_MEMORY_MIB, memory_mib_ok

    raw = config.get("ingest_memory")
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not memory_mib_ok(value):
        raise ConfigError(
            f"DIPLOGRAPH_INGEST_MEMORY: expected MiB, {MIN_MEMORY_MIB} or more (0: no cap), got {raw!r}"
        )
    return value


# --- the store --------------------------------------------------------------------------------------------------


def open_store(db: Path | None, *, read_only: bool, existing: bool = False) -> Store:
    """The store at --db (else $DIPLOGRAPH_DB, else ./diplograph.duckdb).

    A read-only open, or one that needs an `existing` store, refuses a missing file instead of creating one.
    """
    from diplograph import config
    from diplograph.store import Store

    path = config.db_path(db)
    if (read_only or existing) and not path.exists():
        raise ConfigError(f"no store at {path}; create it with `diplograph ingest PATHS --db {path}`")
    return Store.open(path, read_only=read_only)


# --- output -----------------------------------------------------------------------------------------------------


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)  # through sys.stderr, which a live progress bar redirects


def console(file: IO[str] | None = None) -> Any:
    """A rich console; 160 columns wide when writing to a file or pipe (rich would assume 80)."""
    import os

    from rich.console import Console

    found = Console(file=file, soft_wrap=False)
    if not found.is_terminal and "COLUMNS" not in os.environ:
        found.width = 160
    return found


def print_records(records: Iterable[Event | Measure], fmt: RecordFormat, out: IO[str], *, title: str = "") -> int:
    """Records as contract JSONL, CSV or a table; returns how many were printed."""
    from diplograph import output

    if fmt is RecordFormat.jsonl:
        return output.write_jsonl(records, out)
    if fmt is RecordFormat.csv:
        return output.write_csv(records, out)
    rows = list(records)
    console(out).print(output.records_table(rows, title=title or None))
    return len(rows)


def print_json(value: Any) -> None:
    """An analytics result (dataclasses, tuples, ...) as indented JSON on stdout."""
    from diplograph.analytics import to_jsonable

    typer.echo(json.dumps(to_jsonable(value), indent=1, ensure_ascii=False))


# --- errors -----------------------------------------------------------------------------------------------------


def friendly(command: F) -> F:
    """Turn a DiplographError into one `error: ...` line and exit code 1; a closed pipe ends quietly."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DiplographError as e:
            to_stderr(f"error: {e}")
            raise typer.Exit(1) from None
        except BrokenPipeError:
            sys.stderr.close()  # the reader (e.g. `head`) has gone: stop without a traceback
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
