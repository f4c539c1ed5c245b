"""The `alerts` commands: saved queries that report each new matching fact once (see diplograph.watch.alerts).

    diplograph alerts add prk-pressure --query "type=SANCTION,THREATEN state=PRK" --webhook https://hooks.example/x
    diplograph alerts add chn-rus-trade --kind measures --query "type=trade dyad=CHN,RUS"
    diplograph alerts add widely-reported --kind incidents --query "min_sources=4"
    diplograph alerts list | remove NAME | hits --alert NAME | check --since 2d --jsonl hits.jsonl

`diplograph watch` runs the alerts after each round; `alerts check` runs them over documents already stored.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import DbOption, JsonOption, console, friendly, open_store, to_stderr

NameArgument = Annotated[str, typer.Argument(help="The alert's name (letters, digits, '.', '_', '-').",
                                             show_default=False)]  # fmt: skip


class AlertKind(StrEnum):
    events = "events"
    measures = "measures"
    incidents = "incidents"


def add(
    name: NameArgument,
    query: Annotated[str, typer.Option(
        "--query", "-q", show_default=False,
        help="Filters as key=value pairs (state, actor, recipient, dyad=A,B, type=A,B, since, until, text, "
             "min_confidence, country, near=LAT,LON,KM; incidents also min_sources, min_reports, min_documents), "
             "or a JSON object; \"\" matches everything.")],
    kind: Annotated[AlertKind, typer.Option("--kind", help="What the query matches.")] = AlertKind.events,
    webhook: Annotated[str | None, typer.Option("--webhook", metavar="URL",
                                                help="POST each hit to this URL as JSON.")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace an alert of this name.")] = False,
    db: DbOption = None,
) -> None:
    """Save an alert (a query over events, measures or incidents)."""
    from diplograph.watch.alerts import Alert, add_alert, parse_query

    alert = Alert(name, kind.value, parse_query(query, kind.value), webhook)
    with open_store(db, read_only=False, existing=True) as store:
        saved = add_alert(store, alert, replace=replace)
    typer.echo(f"saved alert {saved.name} ({saved.kind}): {saved.query_text() or 'every new fact'}")


def list_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The saved alerts."""
    from rich.table import Table

    from diplograph.watch.alerts import list_alerts

    with open_store(db, read_only=True) as store:
        found = list_alerts(store)
    if as_json:
        typer.echo(json.dumps([a.to_dict() for a in found], indent=1, ensure_ascii=False))
        return
    table = Table(title=f"{len(found)} alerts")
    for column in ("name", "kind", "query", "webhook", "created (UTC)"):
        table.add_column(column)
    for alert in found:
        created = alert.created_at.isoformat(sep=" ") if alert.created_at else ""
        table.add_row(alert.name, alert.kind, alert.query_text(), alert.webhook or "", created)
    console(sys.stdout).print(table)


def remove(name: NameArgument, db: DbOption = None) -> None:
    """Remove an alert and forget the facts it reported."""
    from diplograph.watch.alerts import remove_alert

    with open_store(db, read_only=False, existing=True) as store:
        remove_alert(store, name)
    typer.echo(f"removed alert {name}")


def hits(
    alert: Annotated[str | None, typer.Option("--alert", help="The hits of this alert only.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10_000, help="At most this many.")] = 50,
    since: Annotated[str | None, typer.Option("--since", metavar="WHEN",
                                              help="Fired since: a date, a time or a span (6h, 2d).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The facts the alerts reported, newest first."""
    from diplograph.watch.alerts import iso, recent_hits

    with open_store(db, read_only=True) as store:
        found = recent_hits(store, alert=alert, limit=limit, since=since)
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in found], indent=1, ensure_ascii=False))
        return
    for hit in found:
        typer.echo(f"{iso(hit.fired_at)}  {hit.line()}")


def check(
    since: Annotated[str | None, typer.Option("--since", metavar="WHEN", help="Documents stored since: a date "
                                              "(2025-05-03), a time or a span back from now (6h, 2d). "
                                              "Default: every stored document.")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", metavar="FILE",
                                               help="Also append each hit to this JSONL file.")] = None,
    base_url: Annotated[str, typer.Option("--base-url", metavar="URL",
                                          help="The web UI that hits link to.")] = "http://127.0.0.1:8000",
    db: DbOption = None,
) -> None:
    """Run every alert over documents already stored (facts reported before are not reported again)."""
    from diplograph.watch.alerts import AlertOutputs, check_alerts

    outputs = AlertOutputs(print_to=sys.stdout, jsonl=jsonl, base_url=base_url, log=to_stderr)
    with open_store(db, read_only=False, existing=True) as store:
        found = check_alerts(store, since=since, outputs=outputs)
    to_stderr(f"{len(found)} new hits")


def register(app: typer.Typer) -> None:
    """Add the `alerts` group to `app`."""
    group = typer.Typer(name="alerts", no_args_is_help=True,
                        help="Saved queries: each new event, measure or incident that matches one is reported once.")
    for name, command in (("add", add), ("list", list_), ("remove", remove), ("hits", hits), ("check", check)):
        group.command(name)(friendly(command))
    app.add_typer(group)
