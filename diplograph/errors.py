"""Errors raised by diplograph. Every error the user can cause is a `DiplographError`:

    DiplographError
    ├── InputError        a file, line or document that cannot be read (names the file and the problem)
    ├── StoreError        the DuckDB store cannot be opened, migrated or written
    ├── ConfigError       a bad setting, data file or option
    └── ModelError        the spaCy model is missing or cannot be loaded

The CLI prints `error: <message>` for these and never a traceback.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""


class InputError(DiplographError):
    """A source that cannot be read. `origin` names the file (and line), `problem` says what was wrong."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class StoreError(DiplographError):
    """The store cannot be opened, migrated or written."""


class StoreClosing(StoreError):
    """The store is being closed (the server is shutting down): the request may be tried again later."""


class ConfigError(DiplographError):
    """A setting, data file or command-line option is not valid."""


class ModelError(DiplographError):
    """The spaCy English model is missing or cannot be loaded."""
