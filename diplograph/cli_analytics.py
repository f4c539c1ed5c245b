"""Analytics, export and import commands, registered on the main app with `register(app)`.

Each command is a thin wrapper over `diplograph.analytics` or `diplograph.io`; `--json` prints the result as
JSON. Errors print one line, `error: ...`, with exit code 1 (as in diplograph.cli).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from diplograph.cli_common import Kind, MinConfidenceOption, _stderr, friendly, ingest_memory
from diplograph.errors import ConfigError

if TYPE_CHECKING:
    from diplograph.store import Store


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="The DuckDB store. Default: $DIPLOGRAPH_DB, else ./diplograph.duckdb.", show_default=False
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
StateArgument = Annotated[str, typer.Argument(help="A state code, e.g. PRK.", show_default=False)]
MeasureOption = Annotated[str, typer.Option("--measure", help="The measure kind: exports, trade, imports, aid, ...")]
UnitOption = Annotated[str, typer.Option("--unit", help="Only records in this unit count.")]
PeriodHelp = "A period: YYYY, YYYY-MM or START/END (e.g. 2012/2013-06)."


class ImportSource(StrEnum):
    gdelt = "gdelt"
    icews = "icews"
    plover = "plover"






def _open(db: Path | None, *, read_only: bool = True) -> Store:
    from diplograph import config
    from diplograph.store import Store

    path = config.db_path(db)
    if read_only and not path.exists():
        raise ConfigError(f"no store at {path}; create it with `diplograph ingest PATHS --db {path}`")
    return Store.open(path, read_only=read_only)


def _json(value: Any) -> None:
    from diplograph.analytics import to_jsonable

    typer.echo(json.dumps(to_jsonable(value), indent=1, ensure_ascii=False))


def _number(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _codes(*codes: str) -> list[str]:
    return [c.upper() for c in codes]


# --- commands ----------------------------------------------------------------------------------------------------


def timeline(
    a: StateArgument,
    b: StateArgument,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only events from A to B.")] = False,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """A dyad's events by PLOVER type and month, with quad counts and the mean PLOVER score."""
    from diplograph.analytics import dyad_timeline

    a, b = _codes(a, b)
    with _open(db) as store:
        result = dyad_timeline(store, a, b, since=since, until=until, directed=directed, min_confidence=min_confidence)
    if as_json:
        return _json(result.to_dict())
    score = _number(result.total.mean_score)
    arrow = "->" if directed else "-"
    typer.echo(f"{a} {arrow} {b}: {result.total.events} events, mean PLOVER score {score}, {result.coarse} undated")
    for month in result.months:
        types = ", ".join(f"{t} {n}" for t, n in sorted(month.by_type.items()))
        typer.echo(f"{month.month}  {month.events:>5}  {_number(month.mean_score):>7}  {types}")


def trend(
    a: StateArgument,
    b: StateArgument,
    first: Annotated[str, typer.Argument(help=PeriodHelp, show_default=False)],
    second: Annotated[str, typer.Argument(help=PeriodHelp, show_default=False)],
    db: DbOption = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only events from A to B.")] = False,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """How a relationship changed between two periods (events, mean PLOVER score, cooperation share)."""
    from diplograph.analytics import relationship_trend

    a, b = _codes(a, b)
    with _open(db) as store:
        result = relationship_trend(store, a, b, first, second, directed=directed, min_confidence=min_confidence)
    if as_json:
        return _json(result.to_dict())
    for tally in (result.first, result.second):
        typer.echo(f"{tally.period:<24} {tally.tally.events:>6} events  score {_number(tally.tally.mean_score)}  "
                   f"cooperation {_number(tally.cooperation_share)}")  # fmt: skip
    typer.echo(f"change: {result.events_change:+d} events, score {_number(result.score_change)}: {result.direction}")


def concentration(
    state: StateArgument,
    db: DbOption = None,
    measure: MeasureOption = "exports",
    unit: UnitOption = "USD",
    window: Annotated[str | None, typer.Option("--period", help=PeriodHelp)] = None,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Partner concentration of a state's trade or exports: Herfindahl index and top-partner share."""
    from diplograph.analytics import partner_concentration

    with _open(db) as store:
        result = partner_concentration(store, state.upper(), measure=measure, unit=unit, window=window,
                                       min_confidence=min_confidence)
    if as_json:
        return _json(result)
    head = f"{result.state} {result.measure} ({result.unit}): total {result.total:,.0f}"
    typer.echo(f"{head}, HHI {_number(result.hhi, 4)}, top {result.top_partner or '-'} {_number(result.top_share)}")
    for share in result.partners:
        typer.echo(f"  {share.partner}  {share.value:>18,.0f}  {share.share:.3f}")


def shift(
    state: StateArgument,
    first: Annotated[str, typer.Argument(help=PeriodHelp, show_default=False)],
    second: Annotated[str, typer.Argument(help=PeriodHelp, show_default=False)],
    db: DbOption = None,
    measure: MeasureOption = "exports",
    unit: UnitOption = "USD",
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Which partners gained or lost share of a state's trade or exports between two periods."""
    from diplograph.analytics import partner_shift

    with _open(db) as store:
        result = partner_shift(store, state.upper(), first, second, measure=measure, unit=unit,
                               min_confidence=min_confidence)
    if as_json:
        return _json(result)
    typer.echo(
        f"{result.state} {result.measure}: HHI {_number(result.first.hhi, 4)} -> {_number(result.second.hhi, 4)}"
    )
    for s in result.shifts:
        typer.echo(f"  {s.partner}  {s.first_share:.3f} -> {s.second_share:.3f}  ({s.change:+.3f})")


def outreach(
    who: Annotated[str, typer.Argument(help="A state code, or a person with --person.", show_default=False)],
    db: DbOption = None,
    person: Annotated[bool, typer.Option("--person", help="WHO is a person's name.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """The distinct states a state or person visited, hosted or met in a window, with dates and evidence."""
    from diplograph.analytics import outreach as run

    with _open(db) as store:
        if person:
            result = run(store, person=who, since=since, until=until, min_confidence=min_confidence)
        else:
            result = run(store, state=who.upper(), since=since, until=until, min_confidence=min_confidence)
    if as_json:
        return _json(result.to_dict())
    typer.echo(f"{result.subject}: {len(result.contacts)} states")
    for c in result.contacts:
        typer.echo(f"  {c.state}  {c.count:>3}x  {c.first or '?'} .. {c.last or '?'}  {', '.join(c.roles)}")
        for m in c.meetings:
            typer.echo(f"      {m.date or '?'}  {m.role:<7}  {m.doc}: {m.evidence[:100]}")


def network(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER types, e.g. CONSULT,AID.")] = None,
    min_weight: Annotated[int, typer.Option("--min-weight", min=1, help="Drop lighter edges.")] = 1,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Rows to print (0: all).")] = 20,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """The network of states weighted by interactions, with each state's centrality."""
    from diplograph.analytics import state_network

    types = [t.strip().upper() for t in event_type.split(",") if t.strip()] if event_type else None
    with _open(db) as store:
        result = state_network(store, since=since, until=until, types=types, min_weight=min_weight,
                               min_confidence=min_confidence)
    if as_json:
        return _json(result.to_dict())
    typer.echo(f"{len(result.nodes)} states, {len(result.edges)} edges")
    for node in result.nodes[: limit or None]:
        typer.echo(f"  {node.state}  degree {node.degree:>3}  strength {node.strength:>5}  "
                   f"betweenness {node.betweenness:.3f}")  # fmt: skip
    for edge in result.edges[: limit or None]:
        typer.echo(f"  {edge.source}-{edge.target}  {edge.weight:>5}  score {_number(edge.mean_score)}")


def corroboration(
    db: DbOption = None,
    state: Annotated[str | None, typer.Option("--state", help="A state code, as actor or recipient.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[Kind, typer.Option("--kind", help="Which facts.")] = Kind.all,
    min_documents: Annotated[int, typer.Option("--min-documents", min=1, help="Only facts this well supported.")] = 1,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Rows to print (0: all).")] = 50,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """How many documents (and sources) support each fact, best supported first."""
    from diplograph.analytics import corroboration as run

    with _open(db) as store:
        facts = run(store, state=state.upper() if state else None, since=since, until=until, kind=kind.value,
                    min_documents=min_documents, min_confidence=min_confidence)[: limit or None]  # fmt: skip
    if as_json:
        return _json(facts)
    for f in facts:
        value = f" {f.value:g} {f.unit}" if f.value is not None else ""
        value += f" ({', '.join(f.context)})" if f.context else ""
        typer.echo(f"{f.documents:>3} docs {f.sources:>3} sources  {f.type} {','.join(f.actor)} -> "
                   f"{','.join(f.recipient)} {f.date or ''}{value}")  # fmt: skip


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, parquet, jsonl, plover, gdelt, graphml or gexf.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.", show_default=False)],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export the store's records (or its network of states) to a file: the facts at or above the confidence
    threshold, each with its confidence."""
    from diplograph.io import export as run

    with _open(db) as store:
        count = run(store, fmt, out, since=since, until=until, min_confidence=min_confidence)
    _stderr(f"exported {count} {'edges' if fmt.lower() in ('graphml', 'gexf') else 'rows'} to {out}")


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
    with _open(db, read_only=False) as store, store.memory_cap(ingest_memory()):
        report = import_file(store, source.value, path)
    if as_json:
        return _json(report.to_dict())
    for problem in report.problems[:show]:
        _stderr(f"not stored: {path}:{problem.line}: {problem.problem}")
    if len(report.problems) > show > 0:
        _stderr(f"... and {len(report.problems) - show} more rows not stored")
    counts = ", ".join(f"{k} {v}" for k, v in report.problem_counts().items())
    _stderr(report.summary() + (f" ({counts})" if counts else ""))


def register(app: typer.Typer) -> None:
    """Add the analytics, export and import commands to `app`."""
    for command in (timeline, trend, concentration, shift, outreach, network, corroboration, export):
        app.command()(friendly(command))
    app.command("import")(friendly(import_))
