"""Test-wide settings: Hypothesis replays the same examples on every run (reproducible CI); new inputs are
searched for by the fuzz targets in fuzz/, not by the test suite."""

from collections.abc import Callable, Iterable
from pathlib import Path

import typer
from hypothesis import settings

SAMPLE = Path(__file__).resolve().parents[1] / "diplograph" / "samples" / "sample-corpus.jsonl"

settings.register_profile("diplograph", derandomize=True, deadline=None)
settings.load_profile("diplograph")


def app_with(register: Callable[[typer.Typer], None]) -> typer.Typer:
    """A bare Typer app with one command module's `register` applied, for CliRunner tests of that module."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    register(app)
    return app


def sample_store(path: Path, more: Iterable[object] = ()) -> Path:
    """A store at `path` holding the bundled sample corpus (and the documents `more`), extracted by the real
    pipeline."""
    from diplograph.ingest.sources import read_sources
    from diplograph.model import Document
    from diplograph.pipeline import default_extractor
    from diplograph.store import Store

    documents = [d for d in read_sources([SAMPLE]) if isinstance(d, Document)]
    with Store.open(path) as store:
        store.add(default_extractor().extract_documents([*documents, *more]))
    return path
