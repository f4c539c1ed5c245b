"""What the `diplograph` command shows a user, pinned: every command's --help, and the exit code, stdout and stderr
of representative invocations against a store of the bundled sample corpus (built once, through `ingest`).

The recorded behaviour is tests/data/cli_snapshot.json; a difference is a failure. When a change to what the
command prints is intended, regenerate the file and review its diff like code:

    DIPLOGRAPH_UPDATE_SNAPSHOT=1 .venv/bin/pytest -q tests/test_cli_snapshot.py

Only what legitimately varies between runs is normalised: the temporary folder (written `<tmp>`), the seconds
`optimize` reports, terminal escape codes, and trailing spaces. Help is rendered 120 columns wide, without colour.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import rich_utils
from typer.core import TyperGroup
from typer.testing import CliRunner

from diplograph.cli import app

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "diplograph" / "samples" / "sample-corpus.jsonl"
SNAPSHOT = Path(__file__).parent / "data" / "cli_snapshot.json"
UPDATING = os.environ.get("DIPLOGRAPH_UPDATE_SNAPSHOT") == "1"
WIDTH = 120
STORY = "Japan sent food aid to India on 3 May 2023."


@dataclass(frozen=True)
class Case:
    """One invocation; `{tmp}` in an argument is the test's temporary folder, `{db}` the sample store in it."""

    name: str
    args: tuple[str, ...]
    stdin: str | None = None
    read_back: str | None = None  # a file the command writes (under {tmp}), recorded with the output


def _help_cases() -> list[Case]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    names = list(group.commands)  # in the order `diplograph --help` lists them
    return [Case("help", ("--help",)), *(Case(f"help {name}", (name, "--help")) for name in names)]


# In run order: `ingest` builds {db}; the commands that write work on copies, so that every read sees the same store.
INVOCATIONS = [
    Case("version", ("--version",)),
    Case("ingest sample corpus", ("ingest", "{tmp}/sample-corpus.jsonl", "--db", "{db}")),
    Case("ingest again", ("ingest", "{tmp}/sample-corpus.jsonl", "--db", "{db}", "--quiet")),
    Case("stats", ("stats", "--db", "{db}")),
    Case("stats json", ("stats", "--db", "{db}", "--json")),
    Case("events jsonl", ("events", "--db", "{db}", "--format", "jsonl")),
    Case("events table", ("events", "--db", "{db}", "--limit", "5")),
    Case("events filtered csv", ("events", "--db", "{db}", "--dyad", "chn", "rus", "--type", "consult,agree",
                                 "--since", "2023", "--format", "csv")),
    Case("events all candidates", ("events", "--db", "{db}", "--min-confidence", "0", "--format", "csv")),
    Case("measures csv", ("measures", "--db", "{db}", "--format", "csv")),
    Case("measures table", ("measures", "--db", "{db}", "--measure", "trade")),
    Case("documents", ("documents", "--db", "{db}")),
    Case("documents csv", ("documents", "--db", "{db}", "--format", "csv")),
    Case("documents jsonl", ("documents", "--db", "{db}", "--format", "jsonl", "--limit", "2", "--offset", "1")),
    Case("show", ("show", "sample-xi-moscow-2023", "--db", "{db}")),
    Case("timeline", ("timeline", "CHN", "RUS", "--db", "{db}")),
    Case("timeline json", ("timeline", "chn", "rus", "--db", "{db}", "--directed", "--json")),
    Case("trend", ("trend", "CHN", "RUS", "2022", "2023", "--db", "{db}")),
    Case("concentration", ("concentration", "CHN", "--measure", "trade", "--db", "{db}")),
    Case("concentration json", ("concentration", "CHN", "--measure", "trade", "--period", "2023", "--db", "{db}",
                                "--json")),
    Case("shift", ("shift", "CHN", "2022", "2023", "--measure", "trade", "--db", "{db}")),
    Case("outreach", ("outreach", "CHN", "--db", "{db}")),
    Case("outreach person json", ("outreach", "Xi Jinping", "--person", "--db", "{db}", "--json")),
    Case("network", ("network", "--db", "{db}", "--limit", "5")),
    Case("network json", ("network", "--db", "{db}", "--type", "CONSULT", "--json")),
    Case("corroboration", ("corroboration", "--db", "{db}")),
    Case("corroboration json", ("corroboration", "--db", "{db}", "--state", "usa", "--kind", "events", "--json")),
    Case("brief markdown", ("brief", "CHN", "--db", "{db}", "--out", "-", "--format", "md")),
    Case("brief to a file", ("brief", "RUS", "--db", "{db}", "--out", "{tmp}/rus.md"), read_back="rus.md"),
    Case("export csv", ("export", "--format", "csv", "--out", "{tmp}/export.csv", "--db", "{db}"),
         read_back="export.csv"),
    Case("export gexf", ("export", "--format", "gexf", "--out", "{tmp}/export.gexf", "--db", "{db}")),
    Case("extract table", ("extract", "-", "--published", "2023-05-04", "--format", "table"), stdin=STORY),
    Case("extract jsonl", ("extract", "-", "--published", "2023-05-04"), stdin=STORY),
    Case("mentions", ("mentions", "-", "--published", "2023-05-04"), stdin=STORY),
    Case("backup", ("backup", "{tmp}/backup", "--db", "{db}")),
    Case("restore", ("restore", "{tmp}/backup", "--db", "{tmp}/restored.duckdb")),
    Case("optimize", ("optimize", "--db", "{tmp}/restored.duckdb")),
    Case("stats after restore", ("stats", "--db", "{tmp}/restored.duckdb")),
    # errors: one `error:` line and exit code 1, or Typer's usage error and exit code 2
    Case("events missing store", ("events", "--db", "{tmp}/missing.duckdb")),
    Case("optimize missing store", ("optimize", "--db", "{tmp}/missing.duckdb")),
    Case("timeline missing store", ("timeline", "CHN", "RUS", "--db", "{tmp}/missing.duckdb")),
    Case("brief missing store", ("brief", "CHN", "--db", "{tmp}/missing.duckdb", "--out", "-")),
    Case("export missing store", ("export", "--format", "csv", "--out", "{tmp}/x.csv", "--db", "{tmp}/missing.duckdb")),
    Case("serve missing store", ("serve", "--db", "{tmp}/missing.duckdb")),
    Case("import missing file", ("import", "icews", "{tmp}/missing.tsv", "--db", "{tmp}/imported.duckdb")),
    Case("show unknown document", ("show", "no-such-document", "--db", "{db}")),
    Case("brief unknown suffix", ("brief", "CHN", "--db", "{db}", "--out", "{tmp}/chn.txt")),
    Case("events bad format", ("events", "--db", "{db}", "--format", "xml")),
    Case("events bad dyad", ("events", "--db", "{db}", "--dyad", "CHN")),
    Case("events bad confidence", ("events", "--db", "{db}", "--min-confidence", "2")),
    Case("timeline missing argument", ("timeline", "CHN", "--db", "{db}")),
    Case("import bad source", ("import", "acled", "{tmp}/missing.tsv")),
    Case("serve bad port", ("serve", "--port", "70000")),
    Case("ingest bad date", ("ingest", "{tmp}/sample-corpus.jsonl", "--db", "{db}", "--published", "20 May")),
    Case("no such command", ("frobnicate",)),
]
CASES = [*INVOCATIONS, *_help_cases()]


def _environment() -> dict[str, str | None]:
    """A plain 120-column terminal, and no DIPLOGRAPH_* setting of the machine running the tests (None unsets)."""
    unset: dict[str, str | None] = {
        key: None for key in os.environ
        if key.startswith("DIPLOGRAPH_") or key in ("FORCE_COLOR", "PY_COLORS", "TERMINAL_WIDTH")
    }  # fmt: skip
    return {**unset, "COLUMNS": str(WIDTH), "TERM": "dumb", "NO_COLOR": "1"}


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SECONDS = re.compile(r"\(\d+(?:\.\d+)? s\)")


def _normalised(text: str, tmp: Path) -> list[str]:
    for folder in {str(tmp.resolve()), str(tmp)}:
        text = text.replace(folder, "<tmp>")
    text = SECONDS.sub("(<seconds> s)", ANSI.sub("", text))
    return [line.rstrip() for line in text.split("\n")]


def _invoke(case: Case, runner: CliRunner, tmp: Path) -> dict[str, Any]:
    args = [arg.format(tmp=tmp, db=tmp / "sample.duckdb") for arg in case.args]
    result = runner.invoke(app, args, input=case.stdin, env=_environment())
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash is a bug to fix, not behaviour to record
    recorded: dict[str, Any] = {
        "args": list(case.args),
        "exit_code": result.exit_code,
        "stdout": _normalised(result.stdout, tmp),
        "stderr": _normalised(result.stderr, tmp),
    }
    if case.read_back is not None:
        recorded["file"] = _normalised((tmp / case.read_back).read_text(encoding="utf-8"), tmp)
    return recorded


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, Any]]]:
    """Every case run once, in order, against one sample store; with DIPLOGRAPH_UPDATE_SNAPSHOT=1, saved."""
    tmp = tmp_path_factory.mktemp("snapshot")
    shutil.copy(SAMPLES, tmp / SAMPLES.name)  # under {tmp}, so that the stored origins are normalised too
    # Typer reads the terminal width and colour forcing from the environment once, at import: pin them here.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rich_utils, "MAX_WIDTH", WIDTH)
        patch.setattr(rich_utils, "FORCE_TERMINAL", False)
        runner = CliRunner()
        results = {case.name: _invoke(case, runner, tmp) for case in CASES}
    if UPDATING:
        SNAPSHOT.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    yield results


@pytest.fixture(scope="module")
def snapshot(observed: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The recorded behaviour (read after `observed`, which rewrites it when updating)."""
    if not SNAPSHOT.exists():
        pytest.fail(f"no snapshot at {SNAPSHOT}; record it with DIPLOGRAPH_UPDATE_SNAPSHOT=1")
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_case_names_are_unique() -> None:
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_snapshot_has_exactly_these_cases(snapshot: dict[str, dict[str, Any]]) -> None:
    """A command that disappears (or appears) changes the help cases, so it shows here."""
    assert sorted(snapshot) == sorted(case.name for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_command_behaves_as_recorded(
    case: Case, observed: dict[str, dict[str, Any]], snapshot: dict[str, dict[str, Any]]
) -> None:
    if UPDATING:
        pytest.skip(f"snapshot rewritten: {SNAPSHOT}; review its diff")
    assert observed[case.name] == snapshot.get(case.name)
