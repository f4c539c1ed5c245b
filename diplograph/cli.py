"""The `diplograph` command: a thin layer over the library (ingest, store queries, extraction, evaluation).

Every command catches `DiplographError` and prints one line, `error: ...`, on stderr (exit code 1).
Inputs that cannot be read are reported as `skipped: <origin>: <problem>` while the rest of the batch goes on;
the command then ends with a summary and exit code 1. Heavy modules (spaCy, DuckDB) load inside the commands
that need them, so `diplograph --help` is instant.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from diplograph import __version__
from diplograph.cli_common import Kind, MinConfidenceOption, _stderr, friendly, ingest_memory
from diplograph.errors import ConfigError

if TYPE_CHECKING:
    from diplograph.ingest import ReadProblem
    from diplograph.model import Document, Event, Extraction, Measure
    from diplograph.pipeline import Extractor
    from diplograph.store import AddResult, Store

app = typer.Typer(
    name="diplograph",
    help="Sourced, time-aware records of international relations (PLOVER events and measures) from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

class RecordFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


# --- shared options ---------------------------------------------------------------------------------------------

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="The DuckDB store. Default: $DIPLOGRAPH_DB, else ./diplograph.duckdb.", show_default=False
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date for documents that carry none."),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="An extra actor dictionary (CSV). Default: $DIPLOGRAPH_ACTORS.", show_default=False),
]
LexiconOption = Annotated[
    Path | None,
    typer.Option("--lexicon", help="An extra event lexicon (TOML). Default: $DIPLOGRAPH_LEXICON.", show_default=False),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", "-w", min=1, help="Extraction processes, each loading the model once (1: this process)."),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run extraction on this Dask cluster (tcp://host:8786); needs --parquet DIR.",
                 show_default=False),
]
DaskOption = Annotated[
    bool, typer.Option("--dask", help="Run extraction on a local Dask cluster of --workers processes.")
]
ParquetOption = Annotated[
    Path | None,
    typer.Option("--parquet", help="With Dask: write Parquet parts here (a folder every worker can reach), then load.",
                 show_default=False),
]
MaxCharsOption = Annotated[
    int | None,
    typer.Option("--max-chars", min=1, max=1_000_000,
                 help="Refuse documents longer than this (one 'skipped:' line each). Default: 100,000.",
                 show_default=False),
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0, help="Seconds one document may take to extract (0: no limit; one process only)."),
]
PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders or corpus JSONL; '-' reads standard input.", show_default=False)
]
FormatOption = Annotated[RecordFormat, typer.Option("--format", "-f", help="Output format.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows (0: all).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
StateOption = Annotated[str | None, typer.Option("--state", help="A state code, as actor or recipient.")]
ActorOption = Annotated[str | None, typer.Option("--actor", help="A state code on the actor side.")]
RecipientOption = Annotated[str | None, typer.Option("--recipient", help="A state code on the recipient side.")]
DyadOption = Annotated[
    str | None, typer.Option("--dyad", metavar="A B|A-B", help="Two states, in either direction: --dyad RUS PRK.")
]
DyadRest = Annotated[list[str] | None, typer.Argument(hidden=True, show_default=False)]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
TextOption = Annotated[str | None, typer.Option("--text", help="Words in the evidence (case-insensitive).")]
DocOption = Annotated[str | None, typer.Option("--doc", help="A document id or content hash.")]




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


# --- helpers ----------------------------------------------------------------------------------------------------


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


def _actors_file(actors: Path | None) -> Path | None:
    """--actors, else $DIPLOGRAPH_ACTORS, else none; the file must exist."""
    from diplograph import config

    actors = actors or (Path(config.get("actors")) if config.get("actors") else None)
    if actors is not None and not actors.is_file():
        raise ConfigError(f"--actors: {actors}: no such file")
    return actors


def _lexicon_file(lexicon: Path | None) -> Path | None:
    """--lexicon, else none (the extractor then reads $DIPLOGRAPH_LEXICON itself); the file must exist."""
    if lexicon is not None and not lexicon.is_file():
        raise ConfigError(f"--lexicon: {lexicon}: no such file")
    return lexicon


def _extractor(actors: Path | None, lexicon: Path | None = None) -> Extractor:
    from diplograph.pipeline import Extractor

    return Extractor(actors_file=_actors_file(actors), lexicon_file=_lexicon_file(lexicon))


def _batch_size(value: int | None) -> int:
    from diplograph import config

    if value is not None:
        return value
    try:
        return max(1, int(config.get("batch_size")))
    except ValueError:
        raise ConfigError(f"DIPLOGRAPH_BATCH_SIZE: expected a number, got {config.get('batch_size')!r}") from None


class Reading:
    """Documents from the given paths; read problems are reported on stderr as they come and counted."""

    def __init__(self, paths: list[str], published: str | None) -> None:
        self.paths = paths
        self.published = _check_date(published, "--published")
        self.documents = 0
        self.skipped = 0

    def __iter__(self) -> Iterator[Document]:
        from diplograph.ingest import read_sources
        from diplograph.model import Document

        stdin = sys.stdin.buffer if "-" in self.paths and hasattr(sys.stdin, "buffer") else None
        for item in read_sources(self.paths, published=self.published, stdin=stdin):
            if isinstance(item, Document):
                self.documents += 1
                yield item
            else:
                self._skip(item)

    def _skip(self, problem: ReadProblem) -> None:
        self.skipped += 1
        _stderr(f"skipped: {problem}")

    @property
    def skipped_note(self) -> str:
        return f"skipped {plural(self.skipped, 'input')}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _end(reading: Reading, summary: str, *, quiet: bool) -> None:
    """The summary line on stderr (kept under --quiet when something was skipped); exit 1 if anything was."""
    if reading.skipped or not quiet:
        _stderr(f"{summary}; {reading.skipped_note}")
    if reading.skipped:
        raise typer.Exit(1)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[Extraction], None]]:
    """A progress bar on stderr (when it is a terminal); yields the function that advances it by one document."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda extraction: None
        return
    done = TextColumn("{task.completed} documents")
    columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), done, TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=None)
        yield lambda extraction: progress.advance(task)


def _counted(extractions: Iterable[Extraction], tick: Callable[[Extraction], None]) -> Iterator[Extraction]:
    for extraction in extractions:
        tick(extraction)
        yield extraction


@contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as e:
        raise ConfigError(f"--out: {out}: {e.strerror or e}") from None


def _console(file: IO[str] | None = None) -> Any:
    """A rich console; 160 columns wide when writing to a file or pipe (rich would assume 80)."""
    import os

    from rich.console import Console

    console = Console(file=file, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 160
    return console


def _print_records(records: Iterable[Event | Measure], fmt: RecordFormat, out: IO[str], *, title: str = "") -> int:
    from diplograph import output

    if fmt is RecordFormat.jsonl:
        return output.write_jsonl(records, out)
    if fmt is RecordFormat.csv:
        return output.write_csv(records, out)
    rows = list(records)
    _console(out).print(output.records_table(rows, title=title or None))
    return len(rows)


def _open_store(db: Path | None, *, read_only: bool, existing: bool = False) -> Store:
    """The store at `db`; read-only (or `existing`) opens refuse a missing file instead of creating one."""
    from diplograph import config
    from diplograph.store import Store

    path = config.db_path(db)
    if (read_only or existing) and not path.exists():
        raise ConfigError(f"no store at {path}; create it with `diplograph ingest PATHS --db {path}`")
    return Store.open(path, read_only=read_only)


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


# --- commands: building the store -------------------------------------------------------------------------------


@app.command()
@friendly
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    published: PublishedOption = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Documents a batch. Default: $DIPLOGRAPH_BATCH_SIZE, 64.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary unless skipped.")] = False,
    actors: ActorsOption = None,
    lexicon: LexiconOption = None,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    dask: DaskOption = False,
    parquet: ParquetOption = None,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = 60.0,
) -> None:
    """Read files, folders or corpus JSONL, extract events and measures, and store them (once per text)."""
    reading = Reading(paths, published)
    size = _batch_size(batch_size)
    actors_file, lexicon_file = _actors_file(actors), _lexicon_file(lexicon)
    if scheduler is not None or dask:
        result = _ingest_on_dask(reading, db, size, workers, scheduler, parquet, actors_file, lexicon_file)
    else:
        with _open_store(db, read_only=False) as store, _progress(not quiet) as tick:
            extractions = _extractions(reading, workers=workers, size=size, actors_file=actors_file,
                                       lexicon_file=lexicon_file, max_chars=max_chars, timeout=timeout)
            result = store.add(_counted(extractions, tick), batch_size=size, memory_mib=ingest_memory())
    documents = plural(result.documents_added + result.documents_skipped, "document")
    facts = f"{plural(result.events_added, 'event')}, {plural(result.measures_added, 'measure')}"
    summary = f"ingested {documents} ({result.documents_skipped} already stored), {facts}"
    _end(reading, summary, quiet=quiet)


def _extractions(reading: Reading, *, workers: int, size: int, actors_file: Path | None,
                 lexicon_file: Path | None, max_chars: int | None, timeout: float) -> Iterator[Extraction]:
    """Extractions in input order; a document over the size or time limit is one 'skipped:' line, not a crash.

    In one process both limits apply (diplograph.guard); with --workers the size limit is applied before the
    documents are handed out, and a worker's failure ends the run as before.
    """
    from diplograph.guard import check_limits, extract_with_limits, extractions_only, too_long
    from diplograph.pipeline import Extractor

    if workers == 1:
        extractor = Extractor(actors_file=actors_file, lexicon_file=lexicon_file)
        outcomes = extract_with_limits(extractor, reading, batch_size=size, max_chars=max_chars,
                                       seconds=timeout or None)
        return extractions_only(outcomes, reading._skip)
    from diplograph.scale import parallel_extract

    chars, _ = check_limits(max_chars, None)

    def within_size() -> Iterator[Document]:
        for document in reading:
            problem = too_long(document, chars)
            if problem is None:
                yield document
            else:
                reading._skip(problem)

    return parallel_extract(within_size(), workers=workers, batch_size=size, actors_file=actors_file,
                            lexicon_file=lexicon_file)


def _ingest_on_dask(reading: Reading, db: Path | None, size: int, workers: int, scheduler: str | None,
                    parquet: Path | None, actors_file: Path | None, lexicon_file: Path | None) -> AddResult:
    """Extract on a Dask cluster into Parquet parts, then load them into the store in one transaction."""
    import tempfile

    from diplograph.scale import dask_extract, load_parquet

    if scheduler is not None and parquet is None:
        raise ConfigError("--scheduler needs --parquet DIR: a folder every Dask worker can write to")
    with tempfile.TemporaryDirectory(prefix="diplograph-parts-") as scratch:
        out_dir = parquet or Path(scratch)
        dask_extract(reading, out_dir=out_dir, scheduler=scheduler, workers=workers, batch_size=size,
                     actors_file=actors_file, lexicon_file=lexicon_file)
        with _open_store(db, read_only=False) as store:
            return load_parquet(store, out_dir)


# --- commands: stateless extraction -----------------------------------------------------------------------------


def _selected(extraction: Extraction, kind: Kind) -> list[Event | Measure]:
    events = list(extraction.events) if kind is not Kind.measures else []
    measures = list(extraction.measures) if kind is not Kind.events else []
    return [*events, *measures]


@app.command()
@friendly
def extract(
    paths: PathsArgument,
    published: PublishedOption = None,
    fmt: FormatOption = RecordFormat.jsonl,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")] = None,
    kind: Annotated[Kind, typer.Option("--kind", help="Which records to print.")] = Kind.all,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Documents a batch.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary unless something was skipped.")] = False,
    actors: ActorsOption = None,
    lexicon: LexiconOption = None,
    workers: WorkersOption = 1,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = 60.0,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Extract events and measures without storing anything: records out as contract JSONL, CSV or a table.
    Records below the confidence threshold are left out (--min-confidence 0 prints every candidate)."""
    from diplograph.confidence import passes, reader_threshold

    reader_threshold(min_confidence)  # a bad value fails before any reading
    reading = Reading(paths, published)
    extractions = _extractions(reading, workers=workers, size=_batch_size(batch_size),
                               actors_file=_actors_file(actors), lexicon_file=_lexicon_file(lexicon),
                               max_chars=max_chars, timeout=timeout)
    records = (record for extraction in extractions for record in _selected(extraction, kind)
               if passes(record, min_confidence))
    with _output(out) as stream:
        count = _print_records(records, fmt, stream)
    _end(reading, f"extracted {plural(count, 'record')} from {plural(reading.documents, 'document')}", quiet=quiet)


def _annotation_rows(extraction: Extraction) -> Iterator[dict[str, Any]]:
    doc = extraction.document.id
    for kind, items in (
        ("actor", extraction.mentions),
        ("date", extraction.dates),
        ("quantity", extraction.quantities),
    ):
        for item in items:
            row = item.to_dict()
            if "kind" in row:  # an actor mention's own kind (state, igo, ...) must not hide the record kind
                row["actor_kind"] = row.pop("kind")
            yield {"doc": doc, "kind": kind, **row}


class MentionFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
@friendly
def mentions(
    paths: PathsArgument,
    published: PublishedOption = None,
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="Output format.")] = MentionFormat.jsonl,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary unless something was skipped.")] = False,
    actors: ActorsOption = None,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = 60.0,
) -> None:
    """Print the actor, date and quantity mentions found in the text (how extraction read it)."""
    reading = Reading(paths, published)
    extractions = _extractions(reading, workers=1, size=_batch_size(None), actors_file=_actors_file(actors),
                               lexicon_file=None, max_chars=max_chars, timeout=timeout)
    rows = (row for extraction in extractions for row in _annotation_rows(extraction))
    count = 0
    if fmt is MentionFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
            count += 1
    else:
        count = _print_mention_table(list(rows))
    _end(reading, f"found {plural(count, 'mention')} in {plural(reading.documents, 'document')}", quiet=quiet)


def _print_mention_table(rows: list[dict[str, Any]]) -> int:
    from diplograph import output

    _console().print(output.mentions_table(rows))
    return len(rows)


# --- commands: querying the store -------------------------------------------------------------------------------


@app.command()
@friendly
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
) -> None:
    """Stored events matching every filter given, ordered by date (at or above the confidence threshold)."""
    types = [t.strip().upper() for t in event_type.split(",") if t.strip()] if event_type else None
    with _open_store(db, read_only=True) as store:
        found = store.events(
            state=_upper(state), actor=_upper(actor), recipient=_upper(recipient), dyad=_dyad(dyad, rest),
            event_type=types, since=since, until=until, text=text, doc=doc, limit=_limit(limit), offset=offset,
            min_confidence=min_confidence,
        )  # fmt: skip
    _print_records(found, fmt, sys.stdout, title=f"{len(found)} events")


@app.command()
@friendly
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
    with _open_store(db, read_only=True) as store:
        found = store.measures(
            state=_upper(state), actor=_upper(actor), recipient=_upper(recipient), dyad=_dyad(dyad, rest),
            measure=kinds, since=since, until=until, text=text, doc=doc, limit=_limit(limit), offset=offset,
            min_confidence=min_confidence,
        )  # fmt: skip
    _print_records(found, fmt, sys.stdout, title=f"{len(found)} measures")


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


@app.command()
@friendly
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

    with _open_store(db, read_only=True) as store:
        found = store.documents(limit=_limit(limit), offset=offset, since=since, until=until)
    if fmt is RecordFormat.jsonl:
        for document in found:
            typer.echo(document.to_json())
    elif fmt is RecordFormat.csv:
        output.write_documents_csv(found, sys.stdout)
    else:
        _console().print(output.documents_table(found))


@app.command()
@friendly
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
    from diplograph.confidence import passes, reader_threshold

    threshold = reader_threshold(min_confidence)
    with _open_store(db, read_only=True) as store:
        extraction = store.extraction(doc)
    if extraction is None:
        raise ConfigError(f"no document {doc!r} in the store (see `diplograph documents`)")
    document = extraction.document
    facts = [r for r in extraction.records if passes(r, min_confidence)]
    hidden = len(extraction.records) - len(facts)
    events = sum(1 for r in facts if r.kind == "event")
    console = _console()
    heading = " · ".join(x for x in (document.id, document.published, document.title, document.source) if x)
    console.print(Rule(Text(heading)))
    console.print(output.highlighted(document, facts))
    note = f" ({hidden} more below the confidence threshold, {threshold:.2f} for events)" if hidden else ""
    console.print(Rule(f"{events} events, {len(facts) - events} measures{note}"))
    console.print(output.fact_list(facts))


@app.command()
@friendly
def backup(
    dest: Annotated[Path, typer.Argument(help="A new folder for the snapshot (Parquet files and a manifest).")],
    db: DbOption = None,
) -> None:
    """Write a snapshot of the store (DuckDB export to Parquet) that `restore` reads back."""
    from diplograph.store.backup import backup as snapshot

    with _open_store(db, read_only=True) as store:
        manifest = snapshot(store, dest)
    typer.echo(f"backed up {dest}: {json.dumps(manifest.get('counts', {}))}")


@app.command()
@friendly
def restore(
    src: Annotated[Path, typer.Argument(help="A folder written by `backup`.")],
    db: DbOption = None,
) -> None:
    """Rebuild a store from a snapshot (row counts checked against its manifest, then migrated)."""
    from diplograph import config
    from diplograph.store.backup import restore as rebuild

    counts = rebuild(src, config.db_path(db))
    typer.echo(f"restored {config.db_path(db)}: {json.dumps(counts)}")


@app.command()
@friendly
def optimize(db: DbOption = None) -> None:
    """Rewrite the stored events and measures in date order, so that pages of them read little (after a backfill)."""
    with _open_store(db, read_only=False, existing=True) as store:
        done = store.optimize()
    typer.echo(f"optimized {store.path}: {done['events']:,} events and {done['measures']:,} measures in date order "
               f"({done['seconds']} s)")  # fmt: skip


@app.command()
@friendly
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Counts of stored documents, events, measures and mentions."""
    with _open_store(db, read_only=True) as store:
        counts = store.stats()
    if as_json:
        typer.echo(json.dumps(counts, indent=1, default=str))
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        typer.echo(f"{key:<{width}}  {value}")


# --- commands: evaluation ---------------------------------------------------------------------------------------


@app.command()
@friendly
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

    report = run_evaluation(gold, predictions, actors_file=_actors_file(actors), min_confidence=min_confidence,
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


@app.command()
@friendly
def train(
    manifest: Annotated[Path, typer.Argument(help="A training manifest (e.g. training/sources.toml).",
                                             show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model (JSON).")] = Path(
        "diplograph/confidence/data/model.json"),
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the held-out numbers and reliability table (JSON).")
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
    plan = read_plan(manifest)
    result = run(plan.sources, beta=plan.beta, tuning_source=plan.tuning_source)
    out.parent.mkdir(parents=True, exist_ok=True)
    result.model.save(out)
    if report is not None:
        report.write_text(json.dumps({"held_out": result.held_out, "training": result.training}, indent=1) + "\n",
                          encoding="utf-8")
    typer.echo(result.render())
    typer.echo(f"wrote {out}")


def _register_extensions() -> None:
    """Analytics, export/import, brief and serve commands live in their own modules; they join the app here."""
    from diplograph.cli_analytics import register
    from diplograph.report.cli import register as register_report
    from diplograph.web.cli import register as register_web

    register(app)
    register_report(app)
    register_web(app)


_register_extensions()
