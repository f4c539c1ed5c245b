"""The `train` command: fit the confidence model on annotated stories (see diplograph.confidence.train)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import friendly
from diplograph.errors import ConfigError


def train(
    manifest: Annotated[Path, typer.Argument(help="A training manifest (e.g. training/sources.toml).",
                                             show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model (JSON).")] = Path(
        "diplograph/confidence/data/model.json"),
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the held-out numbers and reliability table (JSON).")
    ] = None,
    keep_events: Annotated[
        Path | None, typer.Option("--keep-events", help="Keep this model's event weights and thresholds and fit "
                                                        "the measures only (e.g. the packaged model).")
    ] = None,
) -> None:
    """Train the confidence model on annotated stories: fit, calibrate, choose the default threshold, and print
    the numbers on the stories held out (needs scikit-learn: pip install -e '.[train]')."""
    from diplograph.confidence.train import read_plan
    from diplograph.confidence.train import train as run

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise ConfigError("training needs scikit-learn: pip install -e '.[train]'") from None
    from diplograph.confidence import load

    kept = load(keep_events) if keep_events is not None else None  # read before `out` may overwrite it
    plan = read_plan(manifest)
    result = run(plan.sources, beta=plan.beta, tuning_sources=plan.tuning_sources, keep_events=kept,
                 learner=plan.learner)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.model.save(out)
    if report is not None:
        report.write_text(json.dumps({"held_out": result.held_out, "training": result.training}, indent=1) + "\n",
                          encoding="utf-8")
    typer.echo(result.render())
    typer.echo(f"wrote {out}")


def register(app: typer.Typer) -> None:
    """Add `train` to `app`."""
    app.command()(friendly(train))
