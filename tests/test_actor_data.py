"""Consistency checks for the actor gazetteer CSV files in diplograph/actors/data."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "diplograph" / "actors" / "data"

NAME_TYPES = {
    "name", "abbreviation", "demonym", "capital", "seat", "epithet", "historical", "media", "group", "organisation",
}
SECTORS = {
    "", "government", "military", "foreign_ministry", "legislature", "judiciary", "media", "business", "opposition",
    "rebels", "militia", "party", "igo", "ngo", "police",
}
STATE_KINDS = {"state", "observer", "territory", "historical", "region"}
ORG_KINDS = {"igo", "group", "ngo"}

UN_MEMBERS = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR",
    "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN",
    "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI",
    "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ",
    "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "PRK", "KOR", "KWT", "KGZ", "LAO", "LVA", "LBN",
    "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX",
    "FSM", "MDA", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA",
    "MKD", "NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "ROU", "RUS", "RWA",
    "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
    "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO",
    "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
    "ZWE",
}

# Members listed without a capital (none at present: city-states carry "Singapore City", "Monaco-Ville", ...).
CAPITAL_EXEMPT: set[str] = set()
# No usable English demonym distinct from another state's (Dominican -> DOM).
DEMONYM_EXEMPT = {"DMA"}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return _read("states.csv")[1]


@pytest.fixture(scope="module")
def names() -> list[dict[str, str]]:
    return _read("names.csv")[1]


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return _read("organisations.csv")[1]


@pytest.fixture(scope="module")
def sectors() -> list[dict[str, str]]:
    return _read("sectors.csv")[1]


@pytest.fixture(scope="module")
def lookup(names: list[dict[str, str]]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for row in names:
        table[row["alias"]].add(row["code"])
    return table


@pytest.mark.parametrize(
    ("filename", "header"),
    [
        ("states.csv", ["code", "name", "kind", "valid_from", "valid_to"]),
        ("names.csv", ["alias", "code", "type", "sector"]),
        ("organisations.csv", ["code", "name", "kind", "members"]),
        ("sectors.csv", ["word", "sector"]),
    ],
)
def test_headers_are_exact(filename: str, header: list[str]) -> None:
    assert _read(filename)[0] == header


def test_state_codes_unique_and_kinds_known(states: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in states]
    assert len(codes) == len(set(codes))
    assert {row["kind"] for row in states} <= STATE_KINDS
    assert all(row["name"].strip() for row in states)


def test_all_un_members_present(states: list[dict[str, str]]) -> None:
    assert len(UN_MEMBERS) == 193
    members = {row["code"] for row in states if row["kind"] == "state"}
    assert members == UN_MEMBERS


def test_observers(states: list[dict[str, str]]) -> None:
    assert {row["code"] for row in states if row["kind"] == "observer"} == {"VAT", "PSE"}


def test_years_parse(states: list[dict[str, str]]) -> None:
    for row in states:
        start = int(row["valid_from"]) if row["valid_from"] else None
        end = int(row["valid_to"]) if row["valid_to"] else None
        for year in (start, end):
            assert year is None or 1800 <= year <= 2100, row
        if start is not None and end is not None:
            assert start <= end, row
        if row["kind"] == "historical":
            assert end is not None, row


def test_historical_states(states: list[dict[str, str]]) -> None:
    by_code = {row["code"]: row for row in states}
    assert (by_code["SUN"]["valid_from"], by_code["SUN"]["valid_to"]) == ("1922", "1991")
    assert (by_code["YUG"]["valid_from"], by_code["YUG"]["valid_to"]) == ("1918", "1992")
    assert (by_code["SCG"]["valid_from"], by_code["SCG"]["valid_to"]) == ("1992", "2006")
    assert (by_code["CSK"]["valid_from"], by_code["CSK"]["valid_to"]) == ("1918", "1992")
    assert (by_code["DDR"]["valid_from"], by_code["DDR"]["valid_to"]) == ("1949", "1990")
    assert (by_code["ZAR"]["valid_from"], by_code["ZAR"]["valid_to"]) == ("1971", "1997")
    assert (by_code["YMD"]["valid_from"], by_code["YMD"]["valid_to"]) == ("1967", "1990")
    assert by_code["WST"]["kind"] == "region"


def test_name_rows_well_formed(names: list[dict[str, str]]) -> None:
    for row in names:
        assert row["alias"] == row["alias"].strip() and row["alias"], row
        assert row["type"] in NAME_TYPES, row
        assert row["sector"] in SECTORS, row


def test_name_codes_are_known(
    names: list[dict[str, str]], states: list[dict[str, str]], organisations: list[dict[str, str]]
) -> None:
    known = {row["code"] for row in states} | {row["code"] for row in organisations}
    unknown = sorted({row["code"] for row in names} - known)
    assert unknown == []


def test_no_alias_has_two_codes_for_one_type(names: list[dict[str, str]]) -> None:
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in names:
        codes[(row["alias"], row["type"])].add(row["code"])
    clashes = {key: value for key, value in codes.items() if len(value) > 1}
    assert clashes == {}


def test_no_duplicate_rows(names: list[dict[str, str]]) -> None:
    keys = [(row["alias"], row["code"], row["type"]) for row in names]
    assert len(keys) == len(set(keys))


def test_organisation_rows(organisations: list[dict[str, str]], states: list[dict[str, str]]) -> None:
    state_codes = {row["code"] for row in states}
    codes = [row["code"] for row in organisations]
    assert len(codes) == len(set(codes))
    for row in organisations:
        assert row["kind"] in ORG_KINDS, row
        members = row["members"].split()
        assert len(members) == len(set(members)), row["code"]
        assert set(members) <= state_codes, (row["code"], set(members) - state_codes)
        if row["kind"] == "ngo":
            assert members == [], row["code"]


def test_organisation_memberships(organisations: list[dict[str, str]]) -> None:
    members = {row["code"]: set(row["members"].split()) for row in organisations}
    assert members["UN"] == set()
    assert len(members["EU"]) == 27
    assert len(members["NATO"]) == 32
    assert members["G7"] == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    assert members["GCC"] == {"SAU", "KWT", "ARE", "QAT", "BHR", "OMN"}
    assert {"BRA", "RUS", "IND", "CHN", "ZAF"} <= members["BRICS"]
    assert members["G7"] | members["EU"] | members["NATO"] == members["WST"]
    assert "GBR" in members["EC"] and "GBR" not in members["EU"]


def test_every_un_member_is_covered(names: list[dict[str, str]]) -> None:
    types: dict[str, set[str]] = defaultdict(set)
    for row in names:
        types[row["code"]].add(row["type"])
    for code in sorted(UN_MEMBERS):
        assert "name" in types[code], code
        if code not in DEMONYM_EXEMPT:
            assert "demonym" in types[code], code
        if code not in CAPITAL_EXEMPT:
            assert "capital" in types[code], code


def test_sectors_file(sectors: list[dict[str, str]]) -> None:
    words = [row["word"] for row in sectors]
    assert len(words) == len(set(words))
    for row in sectors:
        assert row["word"] == row["word"].lower().strip() and row["word"], row
        assert row["sector"] in SECTORS | {"civilians"}, row
    table = {row["word"]: row["sector"] for row in sectors}
    assert table["troops"] == "military"
    assert table["foreign minister"] == "foreign_ministry"
    assert table["rebels"] == "rebels"
    assert table["protesters"] == "civilians"


def test_ambiguous_words_not_lowercase(names: list[dict[str, str]]) -> None:
    for word in ("turkey", "chad", "china", "jordan", "west", "western", "congo", "georgia"):
        assert all(row["alias"] != word for row in names)
    assert all(row["alias"] != "Korea" for row in names)


REQUIRED = [
    ("DPRK", "PRK"), ("ROK", "KOR"), ("PRC", "CHN"), ("UK", "GBR"), ("US", "USA"), ("UAE", "ARE"), ("DRC", "COD"),
    ("North Korean", "PRK"), ("Emirati", "ARE"), ("Ivorian", "CIV"), ("Moscow", "RUS"), ("Kremlin", "RUS"),
    ("Pyongyang", "PRK"), ("Seoul", "KOR"), ("Blue House", "KOR"), ("Beijing", "CHN"), ("Zhongnanhai", "CHN"),
    ("Washington", "USA"), ("White House", "USA"), ("Elysee", "FRA"), ("Bern", "CHE"), ("Berne", "CHE"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Hermit Kingdom", "PRK"), ("Soviet Union", "SUN"), ("Yugoslavia", "YUG"),
    ("Burma", "MMR"), ("Congo", "COG"),
    # further facts the resolver relies on
    ("Democratic People's Republic of Korea", "PRK"), ("Republic of Korea", "KOR"), ("DR Congo", "COD"),
    ("Democratic Republic of Congo", "COD"), ("Kinshasa", "COD"), ("Congo-Brazzaville", "COG"), ("Brazzaville", "COG"),
    ("Georgia", "GEO"), ("Pentagon", "USA"), ("State Department", "USA"), ("Élysée", "FRA"), ("Quai d'Orsay", "FRA"),
    ("Downing Street", "GBR"), ("Knesset", "ISR"), ("Tehran", "IRN"), ("Teheran", "IRN"), ("Kampuchea", "KHM"),
    ("Zaire", "COD"), ("Ceylon", "LKA"), ("Côte d'Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Gambia", "GMB"), ("The Gambia", "GMB"), ("Xinhua", "CHN"), ("KCNA", "PRK"), ("Tass", "RUS"), ("Yonhap", "KOR"),
    ("Hezbollah", "LBN"), ("Hamas", "PSE"), ("Taliban", "AFG"), ("LTTE", "LKA"), ("Polisario", "ESH"),
    ("United Nations", "UN"), ("U.N.", "UN"), ("NATO", "NATO"), ("European Union", "EU"), ("the West", "WST"),
    ("Western sanctions", "WST"), ("Security Council", "UN"), ("Soviet", "SUN"), ("East Germany", "DDR"),
    ("West Germany", "DEU"),
    ("Czechoslovakia", "CSK"), ("South Yemen", "YMD"), ("Taiwan", "TWN"), ("Kosovo", "XKX"),
]


@pytest.mark.parametrize(("alias", "code"), REQUIRED)
def test_required_alias_resolves(lookup: dict[str, set[str]], alias: str, code: str) -> None:
    assert lookup[alias] == {code}


@pytest.mark.parametrize(
    ("alias", "code", "kind"),
    [("Kremlin", "RUS", "government"), ("Pentagon", "USA", "military"), ("State Department", "USA", "foreign_ministry"),
     ("Knesset", "ISR", "legislature"), ("Xinhua", "CHN", "media"), ("Hezbollah", "LBN", "militia")],
)
def test_sector_of_seats(names: list[dict[str, str]], alias: str, code: str, kind: str) -> None:
    rows = [row for row in names if row["alias"] == alias]
    assert [(row["code"], row["sector"]) for row in rows] == [(code, kind)]


def test_transnational_groups_have_no_home_state(lookup: dict[str, set[str]]) -> None:
    """They are named (a subject the dictionaries know is no state's) but stand for no state: groups without
    member states, which are no party to an event."""
    from diplograph.actors.gazetteer import default_gazetteer

    organisations = default_gazetteer().organisations
    for alias, code in (("al-Qaeda", "AQ"), ("al-Qaida", "AQ"), ("Al Qaeda", "AQ"), ("ISIS", "ISIL"),
                        ("ISIL", "ISIL"), ("Islamic State", "ISIL")):
        assert lookup[alias] == {code}
        assert (organisations[code].kind, organisations[code].members) == ("group", ())


def test_each_dependent_territory_belongs_to_a_state(states: list[dict[str, str]]) -> None:
    header, rows = _read("territories.csv")
    assert header == ["code", "sovereign"]
    kinds = {row["code"]: row["kind"] for row in states}
    for row in rows:
        assert kinds.get(row["code"]) == "territory", row
        assert kinds.get(row["sovereign"]) == "state", row
    assert {"TWN", "XKX", "ESH", "GRL", "HKG"}.isdisjoint(row["code"] for row in rows)  # parties in their own right
