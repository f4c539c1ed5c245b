"""PLOVER, the event ontology diplograph codes into: types, modes, contexts, scores, and the CAMEO crosswalk.

    from diplograph import ontology
    ontology.event_type("CONSULT").modes        # {'visit': 4.0, 'third-party': 1.0, ...}
    ontology.plover_score("ASSAULT", "drone")   # -9.5
    ontology.to_cameo("AID", context=("economic",))   # ('071', 7.4)
    ontology.from_cameo("1712")                 # ('ASSAULT', 'destroy', ('human_security',))
    ontology.from_cameo("0233")                 # ('REQUEST', 'assist', ('human_security',))  (extension)
    ontology.from_cameo("010")                  # ('STATEMENT', None, ())                     (extension)

The facts live in data files next to this module: `data/plover.toml` (the ontology, from the PLOVER
manual), `data/cameo_plover.csv` (every CAMEO code with its Goldstein score and PLOVER equivalent, built by
scripts/build_cameo_table.py) and `data/cameo_extension.csv` (our reading of CAMEO 01x and 02x, which
PLOVER dropped). All are read once, on first use.

Extension. So that importers keep every row with a valid CAMEO code, CAMEO 02x (appeals) map to REQUEST
like their 10x demand twins, a few 01x statements to the PLOVER type that clearly fits (015 -> CONCEDE,
016 -> REJECT, 018 -> SUPPORT, 019 -> AGREE), and the rest of 01x to `STATEMENT`, a type that is NOT in
PLOVER (`EXTENSION_TYPES`; score 0, quad verbal_cooperation as CAMEO's QuadClass 1). `EVENT_TYPES` stays
the 16 PLOVER types; `event_type`, `plover_score`, `quad` and `validate_event` also know the extension types.
`to_cameo` only picks extension rows for extension types (STATEMENT -> 010), so REQUEST still exports as 10x.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from diplograph.errors import DiplographError

__all__ = [
    "AUX_MODES",
    "CONTEXTS",
    "EVENT_TYPES",
    "EXTENSION_TYPES",
    "QUADS",
    "CameoCode",
    "EventType",
    "OntologyError",
    "cameo_code",
    "context_description",
    "event_type",
    "from_cameo",
    "plover_score",
    "quad",
    "to_cameo",
    "validate_event",
]

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


class OntologyError(DiplographError, ValueError):
    """A PLOVER type, mode or context that the ontology does not have."""


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER event type. `modes` maps each mode to its PLOVER score; `score` is the type's own."""

    name: str
    definition: str
    quad: str
    requires_recipient: bool
    score: float
    modes: Mapping[str, float]
    cameo_root: str
    domestic: str = "possible"  # usual | possible | never: a state on both sides with no one else named


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with its Goldstein score and PLOVER equivalent (`plover` is None where CAMEO has none)."""

    code: str
    name: str
    goldstein: float
    plover: str | None
    mode: str | None
    contexts: tuple[str, ...]
    extension: bool = False  # the mapping is ours (data/cameo_extension.csv), not CAMEO2PLOVER's


def _data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@cache
def _ontology() -> dict[str, Any]:
    return tomllib.loads(_data_text("plover.toml"))


@cache
def _event_types() -> dict[str, EventType]:
    return {name: _read_type(name, spec) for name, spec in _ontology()["types"].items()}


@cache
def _all_types() -> dict[str, EventType]:
    """PLOVER types and the extension types (STATEMENT)."""
    extensions = {name: _read_type(name, spec) for name, spec in _ontology().get("extensions", {}).items()}
    return {**_event_types(), **extensions}


def _read_type(name: str, spec: dict[str, Any]) -> EventType:
    modes = MappingProxyType({mode: float(score) for mode, score in spec["modes"].items()})
    return EventType(
        name=name,
        definition=spec["definition"],
        quad=spec["quad"],
        requires_recipient=spec["requires_recipient"],
        score=float(spec["score"]),
        modes=modes,
        cameo_root=spec["cameo_root"],
        domestic=_domestic(name, spec.get("domestic", "possible")),
    )


DOMESTIC_VALUES = ("usual", "possible", "never")


def _domestic(name: str, value: object) -> str:
    if value not in DOMESTIC_VALUES:
        raise OntologyError(f"plover.toml: type {name}: domestic must be one of {', '.join(DOMESTIC_VALUES)}, "
                            f"got {value!r}")
    return str(value)


@cache
def _cameo_table() -> dict[str, CameoCode]:
    rows = csv.DictReader(io.StringIO(_data_text("cameo_plover.csv")))
    table = {row["cameo"]: _read_cameo(row) for row in rows}
    for row in csv.DictReader(io.StringIO(_data_text("cameo_extension.csv"))):
        entry = table.get(row["cameo"])
        if entry is not None and entry.plover is None:
            contexts = tuple(c for c in row["context"].split(";") if c)
            table[row["cameo"]] = CameoCode(
                entry.code, entry.name, entry.goldstein, row["plover"], row["mode"] or None, contexts, True
            )
    return table


def _read_cameo(row: dict[str, str]) -> CameoCode:
    contexts = tuple(c for c in row["context"].split(";") if c)
    return CameoCode(
        row["cameo"], row["name"], float(row["goldstein"]), row["plover"] or None, row["mode"] or None, contexts
    )


EVENT_TYPES: tuple[str, ...] = tuple(_event_types())
EXTENSION_TYPES: tuple[str, ...] = tuple(t for t in _all_types() if t not in _event_types())
CONTEXTS: tuple[str, ...] = tuple(_ontology()["contexts"])
AUX_MODES: tuple[str, ...] = tuple(_ontology()["aux_modes"])


def event_type(name: str) -> EventType:
    """The PLOVER type called `name` (upper case, as the manual writes it), or an extension type (STATEMENT)."""
    try:
        return _all_types()[name]
    except KeyError:
        raise OntologyError(f"unknown PLOVER event type {name!r}; expected one of {', '.join(EVENT_TYPES)}") from None


def plover_score(event: str, mode: str | None = None) -> float:
    """The PLOVER conflict/cooperation score (-10..+10) of a type, or of one of its modes."""
    spec = event_type(event)
    if mode is None:
        return spec.score
    _check_mode(spec, mode)
    return spec.modes[mode]


def quad(event: str) -> str:
    """The quad category of a type: one of `QUADS`."""
    return event_type(event).quad


def event_score(event: str, mode: str | None) -> float | None:
    """The score of a stored event, for counting: its mode's score when the type has that mode, else the type's;
    None when the type is not PLOVER (an imported or extended type). Unlike `plover_score`, never raises."""
    try:
        spec = event_type(event)
    except OntologyError:
        return None
    return spec.modes.get(mode, spec.score) if mode else spec.score


def event_quad(event: str) -> str | None:
    """The quad of a stored event's type; None when the type is not PLOVER. Never raises."""
    try:
        return quad(event)
    except OntologyError:
        return None


def context_description(context: str) -> str:
    """What a context covers, in one line."""
    _check_contexts((context,))
    return str(_ontology()["contexts"][context])


def cameo_code(code: str) -> CameoCode | None:
    """The CAMEO codebook entry for `code` (e.g. "042"), or None if CAMEO has no such code."""
    return _cameo_table().get(code.strip())


def from_cameo(code: str) -> tuple[str, str | None, tuple[str, ...]] | None:
    """PLOVER (type, mode, contexts) for a CAMEO code of any level, falling back to shorter prefixes.

    CAMEO 01x and 02x, which PLOVER dropped, map through the extension table (REQUEST, STATEMENT, ...; see the
    module docstring). None when neither the code nor its prefixes have an equivalent.
    """
    code = code.strip()
    for length in range(len(code), 1, -1):
        entry = _cameo_table().get(code[:length])
        if entry is not None and entry.plover is not None:
            return entry.plover, entry.mode, entry.contexts
    return None


def to_cameo(event: str, mode: str | None = None, context: Iterable[str] = ()) -> tuple[str, float]:
    """The CAMEO code (and its Goldstein score) that best fits a PLOVER event, for GDELT-style export.

    Codes of the same type are scored on how well their mode and contexts match; if none matches better than
    the type's root code (e.g. AGREE -> 030), the root is used. Ties go to the root, then the shorter, then
    the lower code. Codes mapped only by the extension table (CAMEO 01x, 02x) are candidates for extension
    types alone: REQUEST exports as 10x, STATEMENT as 010.
    """
    spec = event_type(event)
    contexts = frozenset(context)
    if mode is not None:
        _check_mode(spec, mode)
    _check_contexts(contexts)
    root = _cameo_table()[spec.cameo_root]
    extension = event in EXTENSION_TYPES
    candidates = [c for c in _cameo_table().values() if c.plover == event and c.extension == extension]
    best = max(candidates, key=lambda c: (_fit(c, mode, contexts), c is root, -len(c.code), -int(c.code)))
    best_fit = _fit(best, mode, contexts)
    chosen = best if best_fit > 0 and best_fit > _fit(root, mode, contexts) else root
    return chosen.code, chosen.goldstein


def _fit(entry: CameoCode, mode: str | None, contexts: frozenset[str]) -> float:
    # A matching mode outweighs any context; a code's contexts that the event lacks count half against it.
    mode_fit = 0.0 if entry.mode is None else (2.0 if entry.mode == mode else -2.0)
    shared = len(contexts.intersection(entry.contexts))
    return mode_fit + shared - 0.5 * (len(entry.contexts) - shared)


def validate_event(
    event: str, mode: str | None = None, contexts: Iterable[str] = (), aux: Iterable[str] = ()
) -> list[str]:
    """Problems with a coded event: unknown type, a mode the type lacks, unknown contexts or auxiliary modes.

    Extension types (STATEMENT) are valid."""
    if event not in _all_types():
        return [f"unknown PLOVER event type {event!r}"]
    problems = []
    modes = _all_types()[event].modes
    if mode is not None and mode not in modes:
        problems.append(f"mode {mode!r} is not a mode of {event} (modes: {', '.join(modes) or 'none'})")
    problems += [f"unknown context {c!r}" for c in contexts if c not in CONTEXTS]
    problems += [f"unknown auxiliary mode {a!r}" for a in aux if a not in AUX_MODES]
    return problems


def _check_mode(spec: EventType, mode: str) -> None:
    if mode not in spec.modes:
        known = ", ".join(spec.modes) or "none"
        raise OntologyError(f"{spec.name} has no mode {mode!r}; its modes are: {known}")


def _check_contexts(contexts: Iterable[str]) -> None:
    unknown = sorted(set(contexts).difference(CONTEXTS))
    if unknown:
        raise OntologyError(f"unknown PLOVER context(s) {', '.join(map(repr, unknown))}; see ontology.CONTEXTS")
