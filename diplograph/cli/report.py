"""The `brief` command: a state's brief as one HTML or Markdown file (see diplograph.report).

    diplograph brief PRK --db seed.duckdb --out prk.html          # format from the suffix: .html/.htm or .md
    diplograph brief PRK --since 2014 --until 2015 --out - --format md
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import (
    CountMode,
    CountOption,
    DbOption,
    MinConfidenceOption,
    SinceOption,
    StateArgument,
    UntilOption,
    friendly,
    open_store,
    to_stderr,
)
from diplograph.errors import ConfigError

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


class BriefFormat(StrEnum):
    html = "html"
    md = "md"


def _format(out: Path, given: BriefFormat | None) -> str:
    if given is not None:
        return given.value
    found = SUFFIXES.get(out.suffix.lower())
    if found is None:
        raise ConfigError(f"{out}: cannot tell the format from the suffix; use .html or .md, or --format html|md")
    return found


def brief(
    code: StateArgument,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The file to write (.html or .md); '-' for standard output.")
    ],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        BriefFormat | None, typer.Option("--format", help="html or md (default: from the --out suffix).")
    ] = None,
    min_confidence: MinConfidenceOption = None,
    count: CountOption = CountMode.incidents,
) -> None:
    """A state's brief: headline facts with quotes, partners and map, timeline, measures, outreach, network."""
    from diplograph.report import brief as build
    from diplograph.report import render_html, render_markdown

    to_stdout = str(out) == "-"
    kind = (fmt.value if fmt else "md") if to_stdout else _format(out, fmt)
    with open_store(db, read_only=True) as store:
        result = build(store, code, since=since, until=until, min_confidence=min_confidence, count=count.value)
    text = render_html(result) if kind == "html" else render_markdown(result)
    if to_stdout:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{out}: cannot write: {exc}") from exc
    to_stderr(
        f"wrote {out} ({kind}): {_counted(result.event_count, len(result.events), 'event')}, "
        f"{_counted(result.measure_count, len(result.measures), 'measure')}, "
        f"{len(result.partners)} partners, {len(result.sources)} documents quoted"
    )


def _counted(total: int, listed: int, noun: str) -> str:
    """'986,971 events (150 listed)', or '12 events' when all are listed."""
    words = f"{total:,} {noun}{'' if total == 1 else 's'}"
    return words if listed >= total else f"{words} ({listed} listed)"


def register(app: typer.Typer) -> None:
    """Add `brief` to `app`."""
    app.command("brief")(friendly(brief))
