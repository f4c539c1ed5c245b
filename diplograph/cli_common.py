"""What every command module shares: one error line instead of a traceback, and messages on stderr."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from diplograph.errors import ConfigError, DiplographError

F = TypeVar("F", bound=Callable[..., Any])

MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, show_default=False,
                 help="Keep facts at or above this confidence (0: every candidate). Default: "
                      "$DIPLOGRAPH_MIN_CONFIDENCE, else the confidence model's threshold."),
]


class Kind(StrEnum):
    """Which records a command prints or counts."""

    events = "events"
    measures = "measures"
    all = "all"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)  # through sys.stderr, which a live progress bar redirects


def friendly(command: F) -> F:
    """Turn a DiplographError into one `error: ...` line and exit code 1; a closed pipe ends quietly."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DiplographError as e:
            _stderr(f"error: {e}")
            raise typer.Exit(1) from None
        except BrokenPipeError:
            sys.stderr.close()  # the reader (e.g. `head`) has gone: stop without a traceback
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


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
