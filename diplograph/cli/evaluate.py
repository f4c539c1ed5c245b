"""The `evaluate` command: extraction scored against a gold file (see diplograph.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import ActorsOption, MinConfidenceOption, actors_file, friendly


def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold file (schema diplograph-gold/1).", show_default=False)],
    predictions: Annotated[
        Path | None, typer.Option("--predictions", "-p", help="Score this JSONL file instead of extracting.")
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List missed gold records and false predictions.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    actors: ActorsOption = None,
    min_confidence: MinConfidenceOption = None,
    split: Annotated[
        Path | None, typer.Option("--split", help='Score only the documents a split file holds out ({"held_out": '
                                                  "[ids]}, e.g. training/split.json).", show_default=False)
    ] = None,
) -> None:
    """Extract from a gold file's documents and score the records (the numbers of shared/eval/score.py) at the
    confidence threshold `extract` applies; false records are counted by error class."""
    from diplograph.evaluate import evaluate as run_evaluation

    report = run_evaluation(gold, predictions, actors_file=actors_file(actors), min_confidence=min_confidence,
                            split=split)
    if as_json:
        typer.echo(json.dumps({**report.to_dict(), "false_event_classes": report.levels["event.full"].false_classes},
                              indent=1))
        if show_errors:
            for line in report.error_lines():
                typer.echo(line)
    else:
        typer.echo(report.render(show_errors=show_errors))
        for line in report.class_lines(each=show_errors):
            typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add `evaluate` to `app`."""
    app.command()(friendly(evaluate))
