"""The commands that read text and run the extractor: `ingest` (into the store), `extract` and `mentions` (stateless).

Inputs that cannot be read are reported as `skipped: <origin>: <problem>` while the rest of the batch goes on; the
command then ends with a summary and exit code 1.
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

from diplograph.cli.common import (
    ActorsOption,
    DbOption,
    FormatOption,
    Kind,
    MinConfidenceOption,
    RecordFormat,
    actors_file,
    console,
    friendly,
    ingest_memory,
    open_store,
    print_records,
    to_stderr,
)
from diplograph.errors import ConfigError

if TYPE_CHECKING:
    from diplograph.ingest import ReadProblem
    from diplograph.model import Document, Event, Extraction, Measure
    from diplograph.store import AddResult

PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date for documents that carry none."),
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


class MentionFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


# --- reading the inputs -----------------------------------------------------------------------------------------


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


def _lexicon_file(lexicon: Path | None) -> Path | None:
    """--lexicon, else none (the extractor then reads $DIPLOGRAPH_LEXICON itself); the file must exist."""
    if lexicon is not None and not lexicon.is_file():
        raise ConfigError(f"--lexicon: {lexicon}: no such file")
    return lexicon


def _batch_size(value: int | None) -> int:
    from diplograph import config

    if value is not None:
        return value
    try:
        return max(1, int(config.get("batch_size")))
    except ValueError:
        raise ConfigError(f"DIPLOGRAPH_BATCH_SIZE: expected a number, got {config.get('batch_size')!r}") from None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class Inputs:
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
                self.skip(item)

    def skip(self, problem: ReadProblem) -> None:
        self.skipped += 1
        to_stderr(f"skipped: {problem}")

    @property
    def skipped_note(self) -> str:
        return f"skipped {plural(self.skipped, 'input')}"


def _end(inputs: Inputs, summary: str, *, quiet: bool) -> None:
    """The summary line on stderr (kept under --quiet when something was skipped); exit 1 if anything was."""
    if inputs.skipped or not quiet:
        to_stderr(f"{summary}; {inputs.skipped_note}")
    if inputs.skipped:
        raise typer.Exit(1)


def _extractions(inputs: Inputs, *, workers: int, size: int, actors_file: Path | None,
                 lexicon_file: Path | None, max_chars: int | None, timeout: float) -> Iterator[Extraction]:
    """Extractions in input order; a document over the size or time limit is one 'skipped:' line, not a crash.

    In one process both limits apply (diplograph.guard); with --workers the size limit is applied before the
    documents are handed out, and a worker's failure ends the run as before.
    """
    from diplograph.guard import check_limits, extract_with_limits, extractions_only, too_long
    from diplograph.pipeline import Extractor

    if workers == 1:
        extractor = Extractor(actors_file=actors_file, lexicon_file=lexicon_file)
        outcomes = extract_with_limits(extractor, inputs, batch_size=size, max_chars=max_chars,
                                       seconds=timeout or None)
        return extractions_only(outcomes, inputs.skip)
    from diplograph.scale import parallel_extract

    chars, _ = check_limits(max_chars, None)

    def within_size() -> Iterator[Document]:
        for document in inputs:
            problem = too_long(document, chars)
            if problem is None:
                yield document
            else:
                inputs.skip(problem)

    return parallel_extract(within_size(), workers=workers, batch_size=size, actors_file=actors_file,
                            lexicon_file=lexicon_file)


# --- ingest -----------------------------------------------------------------------------------------------------


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[Extraction], None]]:
    """A progress bar on stderr (when it is a terminal); yields the function that advances it by one document."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    stderr = Console(stderr=True)
    if not enabled or not stderr.is_terminal:
        yield lambda extraction: None
        return
    done = TextColumn("{task.completed} documents")
    columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), done, TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task("ingest", total=None)
        yield lambda extraction: progress.advance(task)


def _counted(extractions: Iterable[Extraction], tick: Callable[[Extraction], None]) -> Iterator[Extraction]:
    for extraction in extractions:
        tick(extraction)
        yield extraction


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
    inputs = Inputs(paths, published)
    size = _batch_size(batch_size)
    actors_csv, lexicon_toml = actors_file(actors), _lexicon_file(lexicon)
    if scheduler is not None or dask:
        result = _ingest_on_dask(inputs, db, size, workers, scheduler, parquet, actors_csv, lexicon_toml)
    else:
        with open_store(db, read_only=False) as store, _progress(not quiet) as tick:
            extractions = _extractions(inputs, workers=workers, size=size, actors_file=actors_csv,
                                       lexicon_file=lexicon_toml, max_chars=max_chars, timeout=timeout)
            result = store.add(_counted(extractions, tick), batch_size=size, memory_mib=ingest_memory())
    documents = plural(result.documents_added + result.documents_skipped, "document")
    facts = f"{plural(result.events_added, 'event')}, {plural(result.measures_added, 'measure')}"
    summary = f"ingested {documents} ({result.documents_skipped} already stored), {facts}"
    _end(inputs, summary, quiet=quiet)


def _ingest_on_dask(inputs: Inputs, db: Path | None, size: int, workers: int, scheduler: str | None,
                    parquet: Path | None, actors_file: Path | None, lexicon_file: Path | None) -> AddResult:
    """Extract on a Dask cluster into Parquet parts, then load them into the store in one transaction."""
    import tempfile

    from diplograph.scale import dask_extract, load_parquet

    if scheduler is not None and parquet is None:
        raise ConfigError("--scheduler needs --parquet DIR: a folder every Dask worker can write to")
    with tempfile.TemporaryDirectory(prefix="diplograph-parts-") as scratch:
        out_dir = parquet or Path(scratch)
        dask_extract(inputs, out_dir=out_dir, scheduler=scheduler, workers=workers, batch_size=size,
                     actors_file=actors_file, lexicon_file=lexicon_file)
        with open_store(db, read_only=False) as store:
            return load_parquet(store, out_dir)


# --- extract ----------------------------------------------------------------------------------------------------


def _selected(extraction: Extraction, kind: Kind) -> list[Event | Measure]:
    events = list(extraction.events) if kind is not Kind.measures else []
    measures = list(extraction.measures) if kind is not Kind.events else []
    return [*events, *measures]


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
    explain: Annotated[bool, typer.Option(
        "--explain", help="On stderr, every sentence that was not parsed (it names no party: no record can come "
                          "from it).")] = False,
) -> None:
    """Extract events and measures without storing anything: records out as contract JSONL, CSV or a table.
    Records below the confidence threshold are left out (--min-confidence 0 prints every candidate)."""
    from diplograph.confidence import reader_threshold, shown_by

    reader_threshold(min_confidence)  # a bad value fails before any reading
    inputs = Inputs(paths, published)
    extractions = _extractions(inputs, workers=workers, size=_batch_size(batch_size),
                               actors_file=actors_file(actors), lexicon_file=_lexicon_file(lexicon),
                               max_chars=max_chars, timeout=timeout)
    if explain:
        extractions = map(_explained, extractions)
    records = (record for extraction in extractions
               for record in filter(shown_by(extraction, min_confidence), _selected(extraction, kind)))
    with _output(out) as stream:
        count = print_records(records, fmt, stream)
    _end(inputs, f"extracted {plural(count, 'record')} from {plural(inputs.documents, 'document')}", quiet=quiet)


def _explained(extraction: Extraction) -> Extraction:
    """Report the sentences the relevance pass skipped (diplograph.nlp.relevance) on stderr."""
    skipped = [s for s in extraction.sentences if not s.parsed]
    doc = extraction.document.id
    to_stderr(f"{doc}: {len(skipped)} of {plural(len(extraction.sentences), 'sentence')} not parsed")
    for sentence in skipped:
        text = " ".join(sentence.text.split())
        to_stderr(f"{doc}:{sentence.start}-{sentence.end} not parsed: {text}")
    return extraction


# --- mentions ---------------------------------------------------------------------------------------------------


def _annotation_rows(extraction: Extraction, *, sentences: bool = False) -> Iterator[dict[str, Any]]:
    doc = extraction.document.id
    if sentences:
        for sentence in extraction.sentences:
            yield {"doc": doc, "kind": "sentence", **sentence.to_dict()}
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


def mentions(
    paths: PathsArgument,
    published: PublishedOption = None,
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="Output format.")] = MentionFormat.jsonl,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary unless something was skipped.")] = False,
    actors: ActorsOption = None,
    max_chars: MaxCharsOption = None,
    timeout: TimeoutOption = 60.0,
    sentences: Annotated[bool, typer.Option(
        "--sentences", help="Also print every sentence: whether it was parsed, and the cue that decided it.")] = False,
) -> None:
    """Print the actor, date and quantity mentions found in the text (how extraction read it)."""
    inputs = Inputs(paths, published)
    extractions = _extractions(inputs, workers=1, size=_batch_size(None), actors_file=actors_file(actors),
                               lexicon_file=None, max_chars=max_chars, timeout=timeout)
    rows = (row for extraction in extractions for row in _annotation_rows(extraction, sentences=sentences))
    count = 0
    if fmt is MentionFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
            count += 1
    else:
        count = _print_mention_table(list(rows))
    _end(inputs, f"found {plural(count, 'mention')} in {plural(inputs.documents, 'document')}", quiet=quiet)


def _print_mention_table(rows: list[dict[str, Any]]) -> int:
    from diplograph import output

    console().print(output.mentions_table(rows))
    return len(rows)


def register(app: typer.Typer) -> None:
    """Add `ingest`, `extract` and `mentions` to `app`."""
    for command in (ingest, extract, mentions):
        app.command()(friendly(command))
