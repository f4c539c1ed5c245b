"""The commands over a stored DuckDB file: queries (`events`, `measures`, `documents`, `show`, `stats`) and upkeep
(`backup`, `restore`, `optimize`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import (
    DbOption,
    FormatOption,
    MinConfidenceOption,
    RecordFormat,
    SinceOption,
    StateOption,
    UntilOption,
    console,
    friendly,
    open_store,
    print_records,
)
from diplograph.errors import ConfigError

LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows (0: all).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
ActorOption = Annotated[str | None, typer.Option("--actor", help="A state code on the actor side.")]
RecipientOption = Annotated[str | None, typer.Option("--recipient", help="A state code on the recipient side.")]
DyadOption = Annotated[
    str | None, typer.Option("--dyad", metavar="A B|A-B", help="Two states, in either direction: --dyad RUS PRK.")
]
DyadRest = Annotated[list[str] | None, typer.Argument(hidden=True, show_default=False)]
TextOption = Annotated[str | None, typer.Option("--text", help="Words in the evidence (case-insensitive).")]
DocOption = Annotated[str | None, typer.Option("--doc", help="A document id or content hash.")]


def _dyad(dyad: str | None, rest: list[str] | None) -> tuple[str, str] | None:
    """`--dyad A B`, `--dyad A-B` or `--dyad A,B` as a pair of codes."""
    rest = rest or []
    if dyad is None:
        if rest:
            raise ConfigError(f"unexpected argument {rest[0]!r}")
        return None
    parts = [p for p in dyad.replace(",", "-").split("-") if p] + rest
    if len(parts) != 2:
        raise ConfigError(f"--dyad: expected two state codes (A B or A-B), got {' '.join([dyad, *rest])!r}")
    return parts[0].upper(), parts[1].upper()


def _limit(limit: int) -> int | None:
    return limit or None


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


# --- queries ----------------------------------------------------------------------------------------------------


def events(
    db: DbOption = None,
    state: StateOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    dyad: DyadOption = None,
    event_type: Annotated[str | None, typer.Option("--type", help="A PLOVER type, e.g. CONSULT (or A,B).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    doc: DocOption = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    fmt: FormatOption = RecordFormat.table,
    rest: DyadRest = None,
    min_confidence: MinConfidenceOption = None,
    country: CountryOption = None,
    near: NearOption = None,
    incident: Annotated[str | None, typer.Option("--incident", help="The reports of one incident (its id).")] = None,
) -> None:
    """Stored events matching every filter given, ordered by date (at or above the confidence threshold)."""
    types = [t.strip().upper() for t in event_type.split(",") if t.strip()] if event_type else None
    with open_store(db, read_only=True) as store:
        found = store.events(
            state=_upper(state), actor=_upper(actor), recipient=_upper(recipient), dyad=_dyad(dyad, rest),
            event_type=types, since=since, until=until, text=text, doc=doc, limit=_limit(limit), offset=offset,
            min_confidence=min_confidence, country=_upper(country), near=_near(near), incident=incident,
        )  # fmt: skip
    print_records(found, fmt, sys.stdout, title=f"{len(found)} events")


CountryOption = Annotated[
    str | None, typer.Option("--country", help="Where it happened: the ISO3 code of the state of its location.")
]
NearOption = Annotated[
    str | None,
    typer.Option("--near", metavar="LAT,LON,KM", help="Where it happened: within KM of a point, e.g. 33.4,43.3,100."),
]


def _near(value: str | None):  # type: ignore[no-untyped-def]
    from diplograph.store.query import Near

    return Near.parse(value) if value else None


def incidents(
    db: DbOption = None,
    state: StateOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    dyad: DyadOption = None,
    event_type: Annotated[str | None, typer.Option("--type", help="A PLOVER type, e.g. ASSAULT (or A,B).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    country: CountryOption = None,
    near: NearOption = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    order: Annotated[str, typer.Option("--order", help="reports (most reported first) or date (latest first).")]
    = "reports",
    fmt: FormatOption = RecordFormat.table,
    rest: DyadRest = None,
    min_confidence: MinConfidenceOption = None,
    relink: Annotated[bool, typer.Option("--relink", help="First recompute every link of the store (a store "
                                         "written before incidents existed, or after the rules changed).")] = False,
) -> None:
    """Incidents: the reports of one real event in different documents, linked (filters apply to the reports)."""
    from diplograph import output
    from diplograph.query.facts import FactFilter
    from diplograph.query.incidents import incidents as find_incidents

    types = tuple(t.strip().upper() for t in event_type.split(",") if t.strip()) if event_type else None
    filters = FactFilter(
        state=_upper(state), actor=_upper(actor), recipient=_upper(recipient), dyad=_dyad(dyad, rest), types=types,
        since=since, until=until, text=text, min_confidence=min_confidence, country=_upper(country), near=_near(near),
    )  # fmt: skip
    if relink:
        with open_store(db, read_only=False) as store:
            changed = store.relink()
        typer.echo(f"relinked: {changed} events changed incident", err=True)
    with open_store(db, read_only=True) as store:
        found = find_incidents(store, filters, limit=limit or 10_000, offset=offset, order=order)
    if fmt is RecordFormat.jsonl:
        for item in found:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is RecordFormat.csv:
        output.write_incidents_csv([i.to_dict() for i in found], sys.stdout)
    else:
        console(sys.stdout).print(output.incidents_table([i.to_dict() for i in found], title=f"{len(found)} incidents"))


def measures(
    db: DbOption = None,
    state: StateOption = None,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    dyad: DyadOption = None,
    measure: Annotated[str | None, typer.Option("--measure", help="A measure kind, e.g. trade (or a,b).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    doc: DocOption = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    fmt: FormatOption = RecordFormat.table,
    rest: DyadRest = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Stored measures (trade, exports, aid, ...) matching every filter given (at or above the threshold)."""
    kinds = [m.strip() for m in measure.split(",") if m.strip()] if measure else None
    with open_store(db, read_only=True) as store:
        found = store.measures(
            state=_upper(state), actor=_upper(actor), recipient=_upper(recipient), dyad=_dyad(dyad, rest),
            measure=kinds, since=since, until=until, text=text, doc=doc, limit=_limit(limit), offset=offset,
            min_confidence=min_confidence,
        )  # fmt: skip
    print_records(found, fmt, sys.stdout, title=f"{len(found)} measures")


def documents(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    fmt: FormatOption = RecordFormat.table,
) -> None:
    """Stored documents, by publication date."""
    from diplograph import output

    with open_store(db, read_only=True) as store:
        found = store.documents(limit=_limit(limit), offset=offset, since=since, until=until)
    if fmt is RecordFormat.jsonl:
        for document in found:
            typer.echo(document.to_json())
    elif fmt is RecordFormat.csv:
        output.write_documents_csv(found, sys.stdout)
    else:
        console().print(output.documents_table(found))


def show(
    doc: Annotated[str, typer.Argument(help="A document id or content hash.", show_default=False)],
    db: DbOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Print a stored document with the evidence of each fact highlighted, then the numbered facts (those at or
    above the confidence threshold; --min-confidence 0 shows every candidate)."""
    from rich.rule import Rule
    from rich.text import Text

    from diplograph import output
    from diplograph.confidence import reader_threshold, shown_by

    threshold = reader_threshold(min_confidence)
    with open_store(db, read_only=True) as store:
        extraction = store.extraction(doc)
    if extraction is None:
        raise ConfigError(f"no document {doc!r} in the store (see `diplograph documents`)")
    document = extraction.document
    facts = list(filter(shown_by(extraction, min_confidence), extraction.records))
    hidden = len(extraction.records) - len(facts)
    event_count = sum(1 for r in facts if r.kind == "event")
    out = console()
    heading = " · ".join(x for x in (document.id, document.published, document.title, document.source) if x)
    out.print(Rule(Text(heading)))
    out.print(output.highlighted(document, facts))
    note = f" ({hidden} more below the confidence threshold, {threshold:.2f} for events)" if hidden else ""
    out.print(Rule(f"{event_count} events, {len(facts) - event_count} measures{note}"))
    out.print(output.fact_list(facts))


# --- upkeep -----------------------------------------------------------------------------------------------------


def backup(
    dest: Annotated[Path, typer.Argument(help="A new folder for the snapshot (Parquet files and a manifest).")],
    db: DbOption = None,
) -> None:
    """Write a snapshot of the store (DuckDB export to Parquet) that `restore` reads back."""
    from diplograph.store.backup import backup as snapshot

    with open_store(db, read_only=True) as store:
        manifest = snapshot(store, dest)
    typer.echo(f"backed up {dest}: {json.dumps(manifest.get('counts', {}))}")


def restore(
    src: Annotated[Path, typer.Argument(help="A folder written by `backup`.")],
    db: DbOption = None,
) -> None:
    """Rebuild a store from a snapshot (row counts checked against its manifest, then migrated)."""
    from diplograph import config
    from diplograph.store.backup import restore as rebuild

    counts = rebuild(src, config.db_path(db))
    typer.echo(f"restored {config.db_path(db)}: {json.dumps(counts)}")


def optimize(
    db: DbOption = None,
    briefs: Annotated[bool, typer.Option(
        "--briefs/--no-briefs", help="Also write every state's brief facts, so that a state's first brief reads "
                                     "them (about a second a state on a store of 10M events).")] = True,
) -> None:
    """Rewrite the stored events and measures in date order, so that pages of them read little (after a backfill),
    and build the dyad index that dyad timelines read and the brief index that briefs read, until the next write."""
    from diplograph.report import optimize as optimize_store

    with open_store(db, read_only=False, existing=True) as store:
        done = optimize_store(store, briefs=briefs)
    written = f", brief facts of {done['brief_states']:,} states written" if briefs else ""
    typer.echo(f"optimized {store.path}: {done['events']:,} events and {done['measures']:,} measures in date order, "
               f"dyad index built{written} ({done['seconds']} s)")  # fmt: skip


def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Counts of stored documents, events, measures and mentions."""
    with open_store(db, read_only=True) as store:
        counts = store.stats()
    if as_json:
        typer.echo(json.dumps(counts, indent=1, default=str))
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        typer.echo(f"{key:<{width}}  {value}")


def register(app: typer.Typer) -> None:
    """Add the store commands to `app`, in the order `diplograph --help` lists them."""
    for command in (events, incidents, measures, documents, show, backup, restore, optimize, stats):
        app.command()(friendly(command))
