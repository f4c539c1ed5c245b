"""The PLOVER ontology: types, modes, scores, quads and the CAMEO crosswalk, checked against the manual."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from diplograph import ontology
from diplograph.errors import DiplographError

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"

# The PLOVER manual's score table (Draft 0.8), every row. ACCUSE's base is printed "3" there; see plover.toml.
SCORE_TABLE = [
    ("AGREE", None, 2.5),
    ("CONSULT", None, 2.5),
    ("CONSULT", "visit", 4),
    ("CONSULT", "third-party", 1),
    ("CONSULT", "multilateral", 4),
    ("CONSULT", "phone", 1.5),
    ("SUPPORT", None, 5),
    ("CONCEDE", None, 4.5),
    ("COOPERATE", None, 9.5),
    ("AID", None, 10),
    ("RETREAT", None, 6.5),
    ("RETREAT", "withdraw", 8),
    ("RETREAT", "release", 6.5),
    ("RETREAT", "disarm", 10),
    ("RETREAT", "ceasefire", 7.5),
    ("RETREAT", "access", 6.5),
    ("RETREAT", "resign", 4.5),
    ("REQUEST", None, 0),
    ("REQUEST", "assist", 0.5),
    ("REQUEST", "change", -1),
    ("REQUEST", "yield", -1),
    ("REQUEST", "meet", 0),
    ("ACCUSE", None, -3),
    ("ACCUSE", "disapprove", -2),
    ("ACCUSE", "investigate", -3.5),
    ("ACCUSE", "allege", -3.5),
    ("REJECT", None, -2),
    ("REJECT", "assist", -1.5),
    ("REJECT", "change", -2),
    ("REJECT", "yield", -2),
    ("REJECT", "meet", -2),
    ("THREATEN", None, -3.5),
    ("THREATEN", "restrict", -3),
    ("THREATEN", "arrest", -3.5),
    ("THREATEN", "relations", -3.5),
    ("THREATEN", "expel", -3.5),
    ("THREATEN", "territory", -4),
    ("THREATEN", "violence", -3.5),
    ("PROTEST", None, -5),
    ("PROTEST", "demo", -5),
    ("PROTEST", "riot", -7),
    ("PROTEST", "strike", -5),
    ("PROTEST", "hunger", -4.5),
    ("PROTEST", "boycott", -4.5),
    ("PROTEST", "obstruct", -4.5),
    ("SANCTION", None, -6),
    ("SANCTION", "convict", -6),
    ("SANCTION", "expel", -5.5),
    ("SANCTION", "withdraw", -6),
    ("SANCTION", "discontinue", -6),
    ("MOBILIZE", None, -5.5),
    ("MOBILIZE", "troops", -6.5),
    ("MOBILIZE", "weapons", -6.5),
    ("MOBILIZE", "police", -5.5),
    ("MOBILIZE", "militia", -6),
    ("COERCE", None, -7),
    ("COERCE", "seize", -7),
    ("COERCE", "restrict", -7),
    ("COERCE", "censor", -6.5),
    ("COERCE", "curfew", -6.5),
    ("COERCE", "martial-law", -7.5),
    ("COERCE", "arrest", -7),
    ("COERCE", "deport", -7),
    ("COERCE", "withhold", -7),
    ("COERCE", "misinformation", -6.5),
    ("COERCE", "cyber", -7),
    ("ASSAULT", None, -9),
    ("ASSAULT", "abduct", -8.5),
    ("ASSAULT", "beat", -7.5),
    ("ASSAULT", "torture", -8.5),
    ("ASSAULT", "sexual", -8.5),
    ("ASSAULT", "targeted", -9.5),
    ("ASSAULT", "destroy", -8.5),
    ("ASSAULT", "primitive", -8),
    ("ASSAULT", "firearms", -9),
    ("ASSAULT", "explosives", -9),
    ("ASSAULT", "suicide-attack", -9.5),
    ("ASSAULT", "aerial", -9.5),
    ("ASSAULT", "drone", -9.5),
    ("ASSAULT", "heavy-weapons", -9.5),
    ("ASSAULT", "crowd-control", -7.5),
    ("ASSAULT", "unconventional", -10),
]

# (CAMEO code, PLOVER type, mode, contexts) as CAMEO2PLOVER-2021 gives them, after the name fixes that
# scripts/build_cameo_table.py documents (e.g. 1712 "seize" -> "destroy", 186 "assassinate" -> "targeted").
CAMEO_GOLD = [
    ("03", "AGREE", None, ()),
    ("030", "AGREE", None, ("diplomatic",)),
    ("0311", "AGREE", None, ("economic",)),
    ("0333", "AGREE", None, ("human_security",)),
    ("040", "CONSULT", None, ()),
    ("041", "CONSULT", "phone", ()),
    ("042", "CONSULT", "visit", ()),
    ("043", "CONSULT", "visit", ()),
    ("044", "CONSULT", "third-party", ()),
    ("057", "SUPPORT", None, ("diplomatic",)),
    ("062", "COOPERATE", None, ("military",)),
    ("071", "AID", None, ("economic",)),
    ("075", "AID", None, ("asylum",)),
    ("0811", "CONCEDE", None, ("pro_democracy",)),
    ("0841", "RETREAT", "release", ("legal",)),
    ("085", "RETREAT", None, ("economic",)),
    ("0871", "RETREAT", "ceasefire", ("military",)),
    ("091", "ACCUSE", "investigate", ("crime", "corruption")),
    ("1011", "REQUEST", "assist", ("economic",)),
    ("106", "REQUEST", "meet", ("diplomatic",)),
    ("1121", "ACCUSE", "allege", ("crime", "corruption")),
    ("1244", "REJECT", "yield", ("economic",)),
    ("1322", "THREATEN", "restrict", ("pro_autocracy",)),
    ("1382", "THREATEN", "territory", ("military",)),
    ("1413", "PROTEST", "demo", ("rights_freedoms",)),
    ("145", "PROTEST", "riot", ()),
    ("154", "MOBILIZE", "troops", ("military",)),
    ("1662", "SANCTION", "expel", ("diplomatic",)),
    ("163", "COERCE", "restrict", ("diplomatic",)),
    ("1712", "ASSAULT", "destroy", ("human_security",)),
    ("173", "COERCE", "arrest", ("legal",)),
    ("175", "ASSAULT", None, ("pro_autocracy", "military")),
    ("186", "ASSAULT", "targeted", ()),
    ("190", "ASSAULT", None, ("military",)),
    ("192", "COERCE", "seize", ("military",)),
    ("194", "ASSAULT", "heavy-weapons", ("military",)),
    ("2042", "ASSAULT", "unconventional", ("cbrn",)),
]

# (code, Goldstein score) from cameo-codes.csv.
GOLDSTEIN_SAMPLE = [
    ("010", 0.0),
    ("030", 4.0),
    ("0311", 5.2),
    ("042", 1.9),
    ("043", 2.8),
    ("071", 7.4),
    ("0874", 10.0),
    ("112", -2.0),
    ("145", -7.5),
    ("173", -5.0),
    ("1712", -9.2),
    ("190", -10.0),
]

QUAD_OF = {
    "verbal_cooperation": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    "material_cooperation": ["COOPERATE", "AID", "RETREAT"],
    "verbal_conflict": ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
    "material_conflict": ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
}


def test_sixteen_types_in_manual_order() -> None:
    assert ontology.EVENT_TYPES == tuple(
        "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
        "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
    )
    assert set(ontology.EVENT_TYPES) == {t for types in QUAD_OF.values() for t in types}


def test_contexts_and_aux_modes() -> None:
    assert len(ontology.CONTEXTS) == 37
    assert ontology.CONTEXTS[0] == "military" and ontology.CONTEXTS[-1] == "trafficking"
    assert {"pro_democracy", "human_security", "cbrn", "illegal_drugs"} <= set(ontology.CONTEXTS)
    assert ontology.AUX_MODES == ("historical", "future", "hypothetical", "negation")
    assert all(ontology.context_description(c) for c in ontology.CONTEXTS)


@pytest.mark.parametrize(("event", "mode", "score"), SCORE_TABLE)
def test_scores_match_manual_table(event: str, mode: str | None, score: float) -> None:
    assert ontology.plover_score(event, mode) == score


def test_every_mode_is_in_the_score_table() -> None:
    table = {(e, m) for e, m, _ in SCORE_TABLE if m is not None}
    modes = {(t, m) for t in ontology.EVENT_TYPES for m in ontology.event_type(t).modes}
    assert modes - table == {("PROTEST", "vandalize")}  # in the manual's mode list, not its score table
    assert ontology.plover_score("PROTEST", "vandalize") == ontology.plover_score("PROTEST")


@pytest.mark.parametrize("event", ontology.EVENT_TYPES)
def test_event_type_record(event: str) -> None:
    spec = ontology.event_type(event)
    assert spec.name == event and spec.definition and spec.quad in ontology.QUADS
    assert spec.requires_recipient == (event in {"COOPERATE", "AID", "SANCTION"})
    assert -10 <= spec.score <= 10


@pytest.mark.parametrize(("expected", "event"), [(q, t) for q, types in QUAD_OF.items() for t in types])
def test_quads(expected: str, event: str) -> None:
    assert ontology.quad(event) == expected


def test_cooperation_scores_positive_conflict_negative() -> None:
    for event in ontology.EVENT_TYPES:
        if ontology.quad(event).endswith("_cooperation"):
            assert ontology.plover_score(event) > 0, event
        elif event != "REQUEST":  # REQUEST's base score is 0 in the manual
            assert ontology.plover_score(event) < 0, event


@pytest.mark.parametrize(("code", "event", "mode", "contexts"), CAMEO_GOLD)
def test_from_cameo(code: str, event: str, mode: str | None, contexts: tuple[str, ...]) -> None:
    assert ontology.from_cameo(code) == (event, mode, contexts)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("0423", ("CONSULT", "visit", ())), ("1214", ("REJECT", "assist", ())), ("19999", ("ASSAULT", None, ()))],
)
def test_from_cameo_falls_back_to_prefix(code: str, expected: tuple[str, str | None, tuple[str, ...]]) -> None:
    assert ontology.from_cameo(code) == expected


@pytest.mark.parametrize("code", ["99", "", "x"])
def test_from_cameo_unmapped(code: str) -> None:
    assert ontology.from_cameo(code) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("01", ("STATEMENT", None, ())),
        ("010", ("STATEMENT", None, ())),
        ("011", ("STATEMENT", None, ())),
        ("012", ("STATEMENT", None, ())),
        ("013", ("STATEMENT", None, ())),
        ("014", ("STATEMENT", None, ())),
        ("017", ("STATEMENT", None, ())),
        ("015", ("CONCEDE", None, ())),
        ("016", ("REJECT", None, ())),
        ("018", ("SUPPORT", None, ("diplomatic",))),
        ("019", ("AGREE", None, ("diplomatic",))),
        ("020", ("REQUEST", None, ())),
        ("0214", ("REQUEST", "assist", ("intelligence",))),
        ("0233", ("REQUEST", "assist", ("human_security",))),
        ("0254", ("REQUEST", "yield", ("economic",))),
        ("028", ("REQUEST", "meet", ("diplomatic",))),
    ],
)
def test_from_cameo_extension(code: str, expected: tuple[str, str | None, tuple[str, ...]]) -> None:
    """CAMEO 01x and 02x, which PLOVER dropped, are kept: appeals as REQUEST, plain statements as STATEMENT."""
    assert ontology.from_cameo(code) == expected
    entry = ontology.cameo_code(code)
    assert entry is not None and entry.extension


def test_every_cameo_code_maps() -> None:
    for code in [f"{n:02d}" for n in range(1, 21)] + [f"{n:03d}" for n in range(10, 205)]:
        if ontology.cameo_code(code) is not None:
            assert ontology.from_cameo(code) is not None, code


def test_statement_extension_type() -> None:
    assert ontology.EXTENSION_TYPES == ("STATEMENT",)
    assert "STATEMENT" not in ontology.EVENT_TYPES and len(ontology.EVENT_TYPES) == 16
    assert ontology.plover_score("STATEMENT") == 0.0
    assert ontology.quad("STATEMENT") == "verbal_cooperation"
    assert ontology.validate_event("STATEMENT") == []
    assert ontology.to_cameo("STATEMENT") == ("010", 0.0)
    # Appeals never win the export of a PLOVER type: REQUEST still exports as a 10x demand.
    assert ontology.to_cameo("REQUEST", "assist", ("economic",))[0] == "1011"
    assert ontology.to_cameo("REQUEST")[0] == "100"


@pytest.mark.parametrize(
    ("event", "mode", "context", "code"),
    [
        ("AGREE", None, (), "030"),
        ("CONSULT", None, (), "040"),
        ("CONSULT", "visit", (), "042"),
        ("CONSULT", "phone", (), "041"),
        ("CONSULT", "multilateral", (), "040"),
        ("AID", None, ("economic",), "071"),
        ("AID", None, ("asylum",), "075"),
        ("RETREAT", "ceasefire", (), "0871"),
        ("REQUEST", "assist", ("economic",), "1011"),
        ("THREATEN", "violence", ("cbrn",), "1385"),
        ("PROTEST", "riot", (), "145"),
        ("COERCE", "arrest", (), "173"),
        ("ASSAULT", None, (), "190"),
        ("ASSAULT", "firearms", (), "193"),
        ("ASSAULT", "unconventional", ("cbrn",), "204"),
        ("AGREE", None, ("gender",), "030"),
    ],
)
def test_to_cameo(event: str, mode: str | None, context: tuple[str, ...], code: str) -> None:
    assert ontology.to_cameo(event, mode, context)[0] == code


@pytest.mark.parametrize("event", ontology.EVENT_TYPES + ontology.EXTENSION_TYPES)
def test_to_cameo_round_trip(event: str) -> None:
    code, goldstein = ontology.to_cameo(event)
    back = ontology.from_cameo(code)
    assert back is not None and back[0] == event
    assert goldstein == ontology.cameo_code(code).goldstein  # type: ignore[union-attr]


@pytest.mark.parametrize(("event", "mode"), [(e, m) for e, m, _ in SCORE_TABLE])
def test_to_cameo_round_trip_with_mode(event: str, mode: str | None) -> None:
    back = ontology.from_cameo(ontology.to_cameo(event, mode)[0])
    assert back is not None and back[0] == event


@pytest.mark.parametrize(("code", "goldstein"), GOLDSTEIN_SAMPLE)
def test_goldstein_scores(code: str, goldstein: float) -> None:
    entry = ontology.cameo_code(code)
    assert entry is not None and entry.goldstein == goldstein


def test_to_cameo_returns_goldstein() -> None:
    assert ontology.to_cameo("CONSULT", "visit") == ("042", 1.9)
    assert ontology.to_cameo("AID", context=["economic"]) == ("071", 7.4)


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared/reference (the source files) is not checked out here")
def test_cameo_table_matches_codebook() -> None:
    with (REFERENCE / "cameo-codes.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        codebook = {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle)}
    ours = {code: ontology.cameo_code(code) for code in codebook}
    assert {code: entry.goldstein for code, entry in ours.items() if entry is not None} == codebook


def test_every_mapped_cameo_code_validates() -> None:
    for code in [c for c, *_ in CAMEO_GOLD] + [f"{n:03d}" for n in range(30, 205)]:
        mapped = ontology.from_cameo(code)
        if mapped is not None:
            assert ontology.validate_event(*mapped) == [], code


def test_validate_event() -> None:
    assert ontology.validate_event("CONSULT", "visit", ("diplomatic",), ("future",)) == []
    assert ontology.validate_event("CONSULT", None) == []
    assert ontology.validate_event("MEET") == ["unknown PLOVER event type 'MEET'"]
    problems = ontology.validate_event("AGREE", "visit", ("diplomatic", "space"), ("maybe",))
    assert len(problems) == 3
    assert "not a mode of AGREE" in problems[0] and "'space'" in problems[1] and "'maybe'" in problems[2]


@pytest.mark.parametrize(
    "call",
    [
        lambda: ontology.event_type("consult"),
        lambda: ontology.plover_score("CONSULT", "host"),
        lambda: ontology.to_cameo("AID", "economic"),
        lambda: ontology.to_cameo("AID", context=("humanitarian",)),
    ],
)
def test_unknown_terms_raise(call: object) -> None:
    with pytest.raises(ontology.OntologyError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, DiplographError) and isinstance(caught.value, ValueError)


def test_event_type_is_immutable() -> None:
    spec = ontology.event_type("CONSULT")
    with pytest.raises(TypeError):
        spec.modes["host"] = 3.0  # type: ignore[index]


def test_each_type_says_whether_a_state_can_be_on_both_sides() -> None:
    from diplograph import ontology

    kinds = {name: ontology.event_type(name).domestic for name in ontology.EVENT_TYPES}
    assert set(kinds.values()) <= {"usual", "possible", "never"}
    assert kinds["PROTEST"] == kinds["COERCE"] == "usual"  # a government and its own people
    assert kinds["MOBILIZE"] == "never"  # a state readying its forces does not act on itself
    assert kinds["CONSULT"] == kinds["COOPERATE"] == kinds["AID"] == "never"  # nor one meeting or helping
