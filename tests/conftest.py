"""Test-wide settings: Hypothesis replays the same examples on every run (reproducible CI); new inputs are
searched for by the fuzz targets in fuzz/, not by the test suite."""

from collections.abc import Callable

import typer
from hypothesis import settings

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
