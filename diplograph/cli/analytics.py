"""The analytics commands (`timeline`, `trend`, `concentration`, `shift`, `outreach`, `network`, `corroboration`).

Each is a thin wrapper over `diplograph.analytics`; `--json` prints the result as JSON.
"""

from __future__ import annotations

from typing import Annotated

import typer

from diplograph.cli.common import (
    CountMode,
    CountOption,
    DbOption,
    JsonOption,
    Kind,
    MinConfidenceOption,
    SinceOption,
    StateArgument,
    StateOption,
    UntilOption,
    friendly,
    open_store,
    print_json,
)

MeasureOption = Annotated[str, typer.Option("--measure", help="The measure kind: exports, trade, imports, aid, ...")]
UnitOption = Annotated[str, typer.Option("--unit", help="Only records in this unit count.")]
PeriodHelp = "A period: YYYY, YYYY-MM or START/END (e.g. 2012/2013-06)."
PeriodArgument = Annotated[str, typer.Argument(help=PeriodHelp, show_default=False)]
DirectedOption = Annotated[bool, typer.Option("--directed", help="Only events from A to B.")]


def _number(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _codes(*codes: str) -> list[str]:
    return [c.upper() for c in codes]


def timeline(
    a: StateArgument,
    b: StateArgument,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    directed: DirectedOption = False,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
    count: CountOption = CountMode.incidents,
) -> None:
    """A dyad's events by PLOVER type and month, with quad counts and the mean PLOVER score."""
    from diplograph.analytics import dyad_timeline

    a, b = _codes(a, b)
    with open_store(db, read_only=True) as store:
        result = dyad_timeline(store, a, b, since=since, until=until, directed=directed, min_confidence=min_confidence,
                               count=count.value)
    if as_json:
        return print_json(result.to_dict())
    score = _number(result.total.mean_score)
    arrow = "->" if directed else "-"
    typer.echo(f"{a} {arrow} {b}: {result.total.events} events, mean PLOVER score {score}, {result.coarse} undated")
    for month in result.months:
        types = ", ".join(f"{t} {n}" for t, n in sorted(month.by_type.items()))
        typer.echo(f"{month.label}  {month.events:>5}  {_number(month.mean_score):>7}  {types}")


def trend(
    a: StateArgument,
    b: StateArgument,
    first: PeriodArgument,
    second: PeriodArgument,
    db: DbOption = None,
    directed: DirectedOption = False,
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
    count: CountOption = CountMode.incidents,
) -> None:
    """How a relationship changed between two periods (events, mean PLOVER score, cooperation share)."""
    from diplograph.analytics import relationship_trend

    a, b = _codes(a, b)
    with open_store(db, read_only=True) as store:
        result = relationship_trend(store, a, b, first, second, directed=directed, min_confidence=min_confidence,
                                    count=count.value)
    if as_json:
        return print_json(result.to_dict())
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

    with open_store(db, read_only=True) as store:
        result = partner_concentration(store, state.upper(), measure=measure, unit=unit, window=window,
                                       min_confidence=min_confidence)
    if as_json:
        return print_json(result)
    head = f"{result.state} {result.measure} ({result.unit}): total {result.total:,.0f}"
    typer.echo(f"{head}, HHI {_number(result.hhi, 4)}, top {result.top_partner or '-'} {_number(result.top_share)}")
    for share in result.partners:
        typer.echo(f"  {share.partner}  {share.value:>18,.0f}  {share.share:.3f}")


def shift(
    state: StateArgument,
    first: PeriodArgument,
    second: PeriodArgument,
    db: DbOption = None,
    measure: MeasureOption = "exports",
    unit: UnitOption = "USD",
    as_json: JsonOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Which partners gained or lost share of a state's trade or exports between two periods."""
    from diplograph.analytics import partner_shift

    with open_store(db, read_only=True) as store:
        result = partner_shift(store, state.upper(), first, second, measure=measure, unit=unit,
                               min_confidence=min_confidence)
    if as_json:
        return print_json(result)
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
    count: CountOption = CountMode.incidents,
) -> None:
    """The distinct states a state or person visited, hosted or met in a window, with dates and evidence."""
    from diplograph.analytics import outreach as run

    with open_store(db, read_only=True) as store:
        if person:
            result = run(store, person=who, since=since, until=until, min_confidence=min_confidence, count=count.value)
        else:
            result = run(store, state=who.upper(), since=since, until=until, min_confidence=min_confidence,
                         count=count.value)
    if as_json:
        return print_json(result.to_dict())
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
    count: CountOption = CountMode.incidents,
) -> None:
    """The network of states weighted by interactions, with each state's centrality."""
    from diplograph.analytics import state_network

    types = [t.strip().upper() for t in event_type.split(",") if t.strip()] if event_type else None
    with open_store(db, read_only=True) as store:
        result = state_network(store, since=since, until=until, types=types, min_weight=min_weight,
                               min_confidence=min_confidence, count=count.value)
    if as_json:
        return print_json(result.to_dict())
    typer.echo(f"{len(result.nodes)} states, {len(result.edges)} edges")
    for node in result.nodes[: limit or None]:
        typer.echo(f"  {node.state}  degree {node.degree:>3}  strength {node.strength:>5}  "
                   f"betweenness {node.betweenness:.3f}")  # fmt: skip
    for edge in result.edges[: limit or None]:
        typer.echo(f"  {edge.source}-{edge.target}  {edge.weight:>5}  score {_number(edge.mean_score)}")


def corroboration(
    db: DbOption = None,
    state: StateOption = None,
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

    with open_store(db, read_only=True) as store:
        facts = run(store, state=state.upper() if state else None, since=since, until=until, kind=kind.value,
                    min_documents=min_documents, min_confidence=min_confidence)[: limit or None]  # fmt: skip
    if as_json:
        return print_json(facts)
    for f in facts:
        value = f" {f.value:g} {f.unit}" if f.value is not None else ""
        value += f" ({', '.join(f.context)})" if f.context else ""
        typer.echo(f"{f.documents:>3} docs {f.sources:>3} sources  {f.type} {','.join(f.actor)} -> "
                   f"{','.join(f.recipient)} {f.date or ''}{value}")  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add the analytics commands to `app`, in the order `diplograph --help` lists them."""
    for command in (timeline, trend, concentration, shift, outreach, network, corroboration):
        app.command()(friendly(command))
