"""The `diplograph` command: a thin layer over the library (ingest, store queries, extraction, evaluation).

Every command catches `DiplographError` and prints one line, `error: ...`, on stderr (exit code 1). Heavy modules
(spaCy, DuckDB) load inside the commands that need them, so `diplograph --help` is instant.

One module per group of commands, each adding its commands to the app with `register(app)`:

    extract     ingest, extract, mentions          the commands that run the extractor
    store       events, measures, documents, show, backup, restore, optimize, stats
    evaluate    evaluate
    train       train
    analytics   timeline, trend, concentration, shift, outreach, network, corroboration
    io          export, import
    report      brief
    web         serve
    watch       watch
    alerts      alerts add, list, remove, hits, check
    common      the options, store opener, output formats and error handling they share
"""

from __future__ import annotations

from typing import Annotated

import typer

from diplograph import __version__
from diplograph.cli import alerts, analytics, evaluate, extract, io, report, store, train, watch, web

app = typer.Typer(
    name="diplograph",
    help="Sourced, time-aware records of international relations (PLOVER events and measures) from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Sourced, time-aware records of international relations (PLOVER events and measures) from news text."""


def _register_commands() -> None:
    """Each group adds its commands; the order here is the order `diplograph --help` lists them in."""
    for group in (extract, store, evaluate, train, analytics, io, report, web):
        group.register(app)
    watch.register(app)
    alerts.register(app)


_register_commands()

__all__ = ["app"]
