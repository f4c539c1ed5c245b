"""Settings in one table: defaults, help text, and how the environment overrides them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "DIPLOGRAPH_DB", "diplograph.duckdb", "The DuckDB store (created on first use)."),
    Setting("actors", "DIPLOGRAPH_ACTORS", "", "Extra actor names (CSV, columns as actors/data/names.csv)."),
    Setting("lexicon", "DIPLOGRAPH_LEXICON", "", "An extra event lexicon (TOML laid out as coding/data/lexicon.toml)."),
    Setting("model", "DIPLOGRAPH_MODEL", "", "A confidence model (JSON written by `diplograph train`) instead of "
            "the packaged one."),
    Setting("min_confidence", "DIPLOGRAPH_MIN_CONFIDENCE", "",
            "Default minimum confidence of the facts readers show (empty: the model's threshold; 0: all)."),
    Setting("parse", "DIPLOGRAPH_PARSE", "relevant",
            "Which sentences are parsed: relevant (those that name or refer to a party, or give an amount) or all."),
    Setting("batch_size", "DIPLOGRAPH_BATCH_SIZE", "64", "Documents per extraction and store batch."),
    Setting(
        "ingest_memory",
        "DIPLOGRAPH_INGEST_MEMORY",
        "32",
        "MiB of DuckDB memory ingest and import start with (doubled when the keys need more); 0: no cap.",
    ),
    Setting("token", "DIPLOGRAPH_TOKEN", "", "Bearer token that allows writes through the REST API."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable if set, else the default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env, setting.default)


def db_path(explicit: str | Path | None = None) -> Path:
    """Where the store lives: --db, else DIPLOGRAPH_DB, else ./diplograph.duckdb."""
    return Path(explicit) if explicit else Path(get("db"))
