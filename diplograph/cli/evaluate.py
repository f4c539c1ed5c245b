"""The `evaluate` command: extraction scored against a gold file (see diplograph.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

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
    with_reliability: Annotated[
        bool, typer.Option("--reliability", help="Also show how often the candidate events of each confidence band "
                                                 "are right (every candidate, whatever the threshold).")
    ] = False,
) -> None:
    """Extract from a gold file's documents and score the records (the numbers of shared/eval/score.py) at the
    confidence threshold `extract` applies; false records are counted by error class."""
    from diplograph.evaluate import evaluate as run_evaluation
    from diplograph.evaluate import evaluate_with_reliability, render_reliability

    table: list[dict[str, Any]] | None = None
    if with_reliability:  # one extraction of every candidate serves both
        report, table = evaluate_with_reliability(gold, predictions, actors_file=actors_file(actors),
                                                  min_confidence=min_confidence, split=split)
    else:
        report = run_evaluation(gold, predictions, actors_file=actors_file(actors), min_confidence=min_confidence,
                                split=split)
    if as_json:
        extra = {"reliability": table} if table is not None else {}
        typer.echo(json.dumps({**report.to_dict(), "false_event_classes": report.levels["event.full"].false_classes,
                               **extra}, indent=1))
        if show_errors:
            for line in report.error_lines():
                typer.echo(line)
    else:
        typer.echo(report.render(show_errors=show_errors))
        for line in report.class_lines(each=show_errors):
            typer.echo(line)
        for line in render_reliability(table) if table is not None else []:
            typer.echo(line)


def evaluate_places(
    gold: Annotated[Path, typer.Argument(help="Sentences with the place of their event (bench/data/geo/"
                                              "places-gold.jsonl layout).", show_default=False)],
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List the lines scored wrong.")] = False,
) -> None:
    """Score event locations against a gold file: of the lines naming a place, the share whose country and place
    are right (of all lines, and of those where an event was found); of the lines naming none, the share left
    without one."""
    from diplograph.geo.evaluate import score_locations

    scores = score_locations(gold)
    typer.echo(json.dumps(scores.to_dict(), indent=1))
    if show_errors:
        for miss in scores.misses:
            typer.echo(json.dumps(miss, ensure_ascii=False))


def evaluate_incidents(
    stories: Annotated[Path, typer.Argument(help="Documents, several outlets per incident (JSONL: id, source, "
                                                 "published, title, text).", show_default=False)],
    gold: Annotated[Path, typer.Argument(help="The expected incidents (JSONL: incident, documents, ...).",
                                         show_default=False)],
    min_confidence: MinConfidenceOption = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List false and missed pairs.")] = False,
) -> None:
    """Ingest the stories into a fresh store and score incident linking: precision and recall of the pairs of
    documents that report one incident."""
    from diplograph.geo.evaluate import score_incidents

    scores = score_incidents(stories, gold, min_confidence=min_confidence)
    typer.echo(json.dumps(scores.to_dict(), indent=1))
    if show_errors:
        typer.echo(json.dumps({"false_pairs": scores.false_pairs, "missed_pairs": scores.missed_pairs}))


def register(app: typer.Typer) -> None:
    """Add `evaluate` to `app`."""
    app.command()(friendly(evaluate))
    app.command("evaluate-places")(friendly(evaluate_places))
    app.command("evaluate-incidents")(friendly(evaluate_incidents))
