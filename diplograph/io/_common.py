"""What the importers share: the import report, synthetic source documents, state codes and sectors."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from diplograph.errors import InputError
from diplograph.model import Evidence, Extraction

if TYPE_CHECKING:
    from diplograph.store import Store

# CAMEO actor type codes <-> diplograph sectors (diplograph/actors/data/sectors.csv).
CAMEO_SECTORS = {
    "GOV": "government", "MIL": "military", "BUS": "business", "CVL": "civilians", "JUD": "judiciary",
    "LEG": "legislature", "MED": "media", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "PTY": "party", "NGO": "ngo", "SPY": "military", "UAF": "militia", "INS": "rebels",
}  # fmt: skip
SECTOR_CAMEO = {
    "government": "GOV", "military": "MIL", "business": "BUS", "civilians": "CVL", "judiciary": "JUD",
    "legislature": "LEG", "media": "MED", "police": "COP", "rebels": "REB", "opposition": "OPP", "party": "PTY",
    "ngo": "NGO", "militia": "UAF", "foreign_ministry": "GOV",
}  # fmt: skip


@dataclass(frozen=True)
class RowProblem:
    """A source row that was not stored, and why. `line` is the line number in the file (1 = first line)."""

    line: int
    id: str | None
    problem: str

    def __str__(self) -> str:
        ident = f" (id {self.id})" if self.id else ""
        return f"line {self.line}{ident}: {self.problem}"


@dataclass
class ImportReport:
    """What one import read and stored. Rows stored earlier (same content) count in `already_stored`."""

    source: str  # gdelt | icews | plover
    path: str
    layout: str = ""
    rows: int = 0
    events_added: int = 0
    documents_added: int = 0
    already_stored: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def valid(self) -> int:
        """Rows that became an event (stored now or before)."""
        return self.rows - len(self.problems)

    def problem_counts(self) -> dict[str, int]:
        """Problems grouped by their kind (the message up to the first ':')."""
        counts: dict[str, int] = {}
        for p in self.problems:
            kind = p.problem.split(":", 1)[0]
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def summary(self) -> str:
        return (
            f"imported {self.path} ({self.source}{', ' + self.layout if self.layout else ''}): {self.rows} rows, "
            f"{self.events_added} events stored, {self.already_stored} already stored, "
            f"{len(self.problems)} rows not stored"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "path": self.path, "layout": self.layout, "rows": self.rows,
            "valid": self.valid, "events_added": self.events_added, "documents_added": self.documents_added,
            "already_stored": self.already_stored, "problem_counts": self.problem_counts(),
            "problems": [{"line": p.line, "id": p.id, "problem": p.problem} for p in self.problems],
        }  # fmt: skip


def compose(parts: Iterable[tuple[str, bool]]) -> tuple[str, list[Evidence]]:
    """Join text parts into one text; the parts marked True become evidence spans into it."""
    text, evidence = "", []
    for part, is_evidence in parts:
        if is_evidence and part:
            evidence.append(Evidence(len(text), len(text) + len(part), part))
        text += part
    return text, evidence


def store_extractions(store: Store, extractions: Iterable[Extraction], report: ImportReport, batch: int) -> None:
    result = store.add(extractions, batch_size=batch)
    report.events_added += result.events_added
    report.documents_added += result.documents_added
    report.already_stored += result.documents_skipped


def open_text(path: str | Path) -> IO[str]:
    """A text stream over a plain, gzipped or zipped (first member) file, UTF-8 with replacement."""
    target = Path(path)
    try:
        if target.suffix.lower() == ".gz":
            return io.TextIOWrapper(gzip.open(target, "rb"), encoding="utf-8", errors="replace", newline="")
        if target.suffix.lower() == ".zip":
            archive = zipfile.ZipFile(target)
            member = archive.namelist()[0]
            return io.TextIOWrapper(archive.open(member), encoding="utf-8", errors="replace", newline="")
        return target.open(encoding="utf-8", errors="replace", newline="")
    except (OSError, zipfile.BadZipFile, IndexError) as exc:
        raise InputError(str(path), f"cannot open: {exc}") from exc


def _data_rows(package: str, name: str) -> Iterator[dict[str, str]]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text))


@cache
def state_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes (and historical states) the actor dictionary knows."""
    return frozenset(row["code"] for row in _data_rows("diplograph.actors", "states.csv"))


@cache
def state_names() -> dict[str, str]:
    """code -> the state's name."""
    return {row["code"]: row["name"] for row in _data_rows("diplograph.actors", "states.csv")}


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _data_rows("diplograph.actors", "names.csv"):
        if row["type"] in ("name", "abbreviation", "historical") and row["code"] in state_codes():
            index.setdefault(row["alias"].casefold(), row["code"])
    for code, name in state_names().items():
        index.setdefault(name.casefold(), code)
        index.setdefault(code.casefold(), code)
    return index


def country_code(name: str) -> str | None:
    """The state code of a country name as ICEWS writes it ('Russian Federation', 'Moldova, Republic of')."""
    text = name.strip()
    if not text or text.upper() in ("NA", "N/A"):
        return None
    index = _country_index()
    candidates = [text, text.removeprefix("the ").removeprefix("The ")]
    if ", " in text:  # 'Moldova, Republic of' -> 'Republic of Moldova'
        head, _, tail = text.partition(", ")
        candidates.append(f"{tail} {head}")
    for candidate in candidates:
        code = index.get(candidate.casefold())
        if code is not None:
            return code
    return None


@cache
def person_names() -> frozenset[str]:
    """Names of the office-holders the actor dictionary knows (for ICEWS actors that are people)."""
    names = set()
    for row in _data_rows("diplograph.actors", "people.csv"):
        names.add(row["name"].casefold())
        names.update(a.strip().casefold() for a in row.get("aliases", "").split("|") if a.strip())
    return frozenset(names)
