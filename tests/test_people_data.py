"""Sanity checks for diplograph/actors/data/people.csv (office-holders with tenures)."""

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

CSV_PATH = Path(__file__).resolve().parents[1] / "diplograph" / "actors" / "data" / "people.csv"
HEADER = ["name", "aliases", "code", "office", "start", "end"]
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
OPEN_END = date(9999, 12, 31)
MAX_OVERLAP_DAYS = 31


def _load():
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, r, strict=False)) for r in reader]
    return header, rows


HEADER_READ, ROWS = _load()


def _start(row):
    return date.fromisoformat(row["start"])


def _end(row):
    return date.fromisoformat(row["end"]) if row["end"] else OPEN_END


def _names(row):
    return {row["name"]} | {a for a in row["aliases"].split("|") if a}


def test_header():
    assert HEADER_READ == HEADER


def test_rows_well_formed():
    assert len(ROWS) > 500
    for i, row in enumerate(ROWS, start=2):
        assert len(row) == len(HEADER), f"line {i}: wrong column count"
        assert row["name"].strip() == row["name"] and row["name"], f"line {i}: bad name"
        assert row["office"] in OFFICES, f"line {i}: bad office {row['office']!r}"
        assert re.fullmatch(r"[A-Z]{3}", row["code"]), f"line {i}: bad code {row['code']!r}"
        if row["aliases"]:
            aliases = row["aliases"].split("|")
            assert all(a and a.strip() == a for a in aliases), f"line {i}: empty/padded alias"
            assert row["name"] not in aliases, f"line {i}: alias repeats name"
            assert len(aliases) == len(set(aliases)), f"line {i}: duplicate alias"


def test_dates_parse_and_ordered():
    for i, row in enumerate(ROWS, start=2):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["start"]), f"line {i}: start {row['start']!r}"
        start = _start(row)
        if row["end"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["end"]), f"line {i}: end {row['end']!r}"
            assert start <= _end(row), f"line {i}: start after end ({row['name']})"
        assert date(1900, 1, 1) <= start <= date(2026, 12, 31), f"line {i}: implausible start"


def test_no_duplicate_rows():
    keys = [(r["name"], r["code"], r["office"], r["start"]) for r in ROWS]
    assert len(keys) == len(set(keys))


# Heads of state that are collective: Bosnia and Herzegovina's three-member presidency, Nicaragua's co-presidency
# (from February 2025).
COLLECTIVE = {("BIH", "head_of_state"), ("NIC", "head_of_state")}


def test_no_overlapping_terms_per_office():
    groups = defaultdict(list)
    for row in ROWS:
        if (row["code"], row["office"]) not in COLLECTIVE:
            groups[(row["code"], row["office"])].append(row)
    problems = []
    for (code, office), rows in groups.items():
        rows = sorted(rows, key=_start)
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                overlap = (min(_end(a), _end(b)) - max(_start(a), _start(b))).days
                if overlap > MAX_OVERLAP_DAYS:
                    problems.append(f"{code}/{office}: {a['name']} {a['start']}..{a['end']} vs "
                                    f"{b['name']} {b['start']}..{b['end']} ({overlap} days)")
    assert not problems, "\n".join(problems)


REQUIRED_CODES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA PRK "
    "DZA KWT GMB MOZ LBN LAO MMR CUB BLR VNM SGP SYR IRN PAK CHE UKR ISR EGY JOR IRQ PSE "
    "SUN LBY MAR AFG YUG ROU POL PHL TWN GEO SRB SDN NGA KEN ZWE QAT"
).split()


@pytest.mark.parametrize("code", REQUIRED_CODES)
def test_required_state_present(code):
    assert any(r["code"] == code for r in ROWS)


@pytest.mark.parametrize("code", ["USA", "RUS", "CHN", "GBR", "FRA"])
def test_defence_ministers_present(code):
    assert any(r["code"] == code and r["office"] == "defence_minister" for r in ROWS)


SPOT_FACTS = [
    ("Ri Su-yong", "2015-04-30", "PRK", "foreign_minister"),
    ("Ri Su Yong", "2015-04-30", "PRK", "foreign_minister"),
    ("Kim Jong-un", "2015-04-30", "PRK", "head_of_state"),
    ("Kim Jong Un", "2019-02-27", "PRK", "head_of_state"),
    ("Kim Jong-il", "2000-06-13", "PRK", "head_of_state"),
    ("Kim Il-sung", "1990-01-01", "PRK", "head_of_state"),
    ("Ri Yong-ho", "2017-09-23", "PRK", "foreign_minister"),
    ("Choe Son-hui", "2024-01-01", "PRK", "foreign_minister"),
    ("Sushma Swaraj", "2015-04-30", "IND", "foreign_minister"),
    ("Narendra Modi", "2015-04-30", "IND", "head_of_government"),
    ("Park Geun-hye", "2015-04-30", "KOR", "head_of_state"),
    ("Bashar al-Assad", "2014-06-15", "SYR", "head_of_state"),
    ("Bashar Assad", "2012-01-01", "SYR", "head_of_state"),
    ("Vladimir Putin", "2010-01-01", "RUS", "head_of_government"),
    ("Vladimir Putin", "2004-06-01", "RUS", "head_of_state"),
    ("Vladimir Putin", "2020-06-01", "RUS", "head_of_state"),
    ("Sergey Lavrov", "2015-04-30", "RUS", "foreign_minister"),
    ("Sergei Lavrov", "2022-03-01", "RUS", "foreign_minister"),
    ("Sergei Shoigu", "2015-04-30", "RUS", "defence_minister"),
    ("John Kerry", "2015-04-30", "USA", "foreign_minister"),
    ("Barack Obama", "2015-04-30", "USA", "head_of_state"),
    ("Ashton Carter", "2015-04-30", "USA", "defence_minister"),
    ("Xi Jinping", "2015-04-30", "CHN", "head_of_state"),
    ("Wang Yi", "2015-04-30", "CHN", "foreign_minister"),
    ("Qian Qichen", "1995-01-01", "CHN", "foreign_minister"),
    ("Shinzo Abe", "2015-04-30", "JPN", "head_of_government"),
    ("Angela Merkel", "2010-01-01", "DEU", "head_of_government"),
    ("Hans-Dietrich Genscher", "1989-11-09", "DEU", "foreign_minister"),
    ("Eduard Shevardnadze", "1988-01-01", "SUN", "foreign_minister"),
    ("Eduard Shevardnadze", "1998-01-01", "GEO", "head_of_state"),
    ("Mikhail Gorbachev", "1987-12-08", "SUN", "head_of_state"),
    ("Ronald Reagan", "1987-12-08", "USA", "head_of_state"),
    ("George Shultz", "1987-12-08", "USA", "foreign_minister"),
    ("James Baker", "1990-01-01", "USA", "foreign_minister"),
    ("Andrei Kozyrev", "1993-01-01", "RUS", "foreign_minister"),
    ("Douglas Hurd", "1993-01-01", "GBR", "foreign_minister"),
    ("Roland Dumas", "1990-01-01", "FRA", "foreign_minister"),
    ("Margaret Thatcher", "1985-01-01", "GBR", "head_of_government"),
    ("Francois Mitterrand", "1985-01-01", "FRA", "head_of_state"),
    ("Francois Mitterand", "1990-01-01", "FRA", "head_of_state"),
    ("Ruhollah Khomeini", "1985-01-01", "IRN", "head_of_state"),
    ("Ali Khamenei", "2015-04-30", "IRN", "head_of_state"),
    ("Hassan Rouhani", "2015-04-30", "IRN", "head_of_government"),
    ("Mohammad Javad Zarif", "2015-04-30", "IRN", "foreign_minister"),
    ("Muammar Qaddafi", "1986-04-15", "LBY", "head_of_state"),
    ("Fidel Castro", "1990-01-01", "CUB", "head_of_state"),
    ("Nelson Mandela", "1995-06-24", "ZAF", "head_of_state"),
    ("F.W. de Klerk", "1991-01-01", "ZAF", "head_of_state"),
    ("Yasser Arafat", "1993-09-13", "PSE", "head_of_state"),
    ("Omar al-Bashir", "2009-03-04", "SDN", "head_of_state"),
    ("Hamad bin Khalifa Al Thani", "2010-01-01", "QAT", "head_of_state"),
    ("Sabah al-Ahmad al-Sabah", "2015-04-30", "KWT", "head_of_state"),
    ("Abdelaziz Bouteflika", "2015-04-30", "DZA", "head_of_state"),
    ("Alexander Lukashenko", "2015-04-30", "BLR", "head_of_state"),
    ("Lee Hsien Loong", "2015-04-30", "SGP", "head_of_government"),
    ("Nawaz Sharif", "2015-04-30", "PAK", "head_of_government"),
    ("Petro Poroshenko", "2015-04-30", "UKR", "head_of_state"),
    ("Slobodan Milosevic", "1995-11-21", "SRB", "head_of_state"),
    ("Slobodan Milosevic", "1999-03-24", "YUG", "head_of_state"),
    ("Daniel arap Moi", "1995-01-01", "KEN", "head_of_state"),
    ("Robert Mugabe", "2000-01-01", "ZWE", "head_of_state"),
    ("Olusegun Obasanjo", "2003-01-01", "NGA", "head_of_state"),
    ("Suharto", "1990-01-01", "IDN", "head_of_state"),
    ("Hassan II", "1990-01-01", "MAR", "head_of_state"),
    ("Tayyip Erdogan", "2016-07-15", "TUR", "head_of_state"),
    ("Nguyen Tan Dung", "2015-04-30", "VNM", "head_of_government"),
]


@pytest.mark.parametrize("name,on,code,office", SPOT_FACTS)
def test_spot_fact(name, on, code, office):
    day = date.fromisoformat(on)
    covering = [r for r in ROWS if name in _names(r) and _start(r) <= day <= _end(r)]
    assert len(covering) == 1, f"{name} on {on}: {len(covering)} rows cover the date: {covering}"
    row = covering[0]
    assert (row["code"], row["office"]) == (code, office), row


IGO_PATH = CSV_PATH.with_name("igo_people.csv")
ORGANISATIONS = CSV_PATH.with_name("organisations.csv")


def test_heads_of_organisations_are_well_formed() -> None:
    with IGO_PATH.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with ORGANISATIONS.open(encoding="utf-8", newline="") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    assert len(rows) >= 15
    for row in rows:
        assert row["code"] in codes, row
        assert row["office"] == "head_of_organisation", row
        assert _start(row) <= _end(row), row


OFFICIALS_PATH = CSV_PATH.with_name("officials.csv")
STATES = CSV_PATH.with_name("states.csv")


def test_officials_are_well_formed() -> None:
    """officials.csv: other officials the news quotes by name (vice-presidents, envoys, spokespeople, military
    chiefs, ...), of a state or an organisation, each office one the resolver gives a sector."""
    from diplograph.nlp.resolve import OFFICE_SECTOR

    with OFFICIALS_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        rows = list(reader)
    with ORGANISATIONS.open(encoding="utf-8", newline="") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    with STATES.open(encoding="utf-8", newline="") as fh:
        codes |= {r["code"] for r in csv.DictReader(fh)}
    assert len(rows) >= 100
    keys = [(r["name"], r["code"], r["office"], r["start"]) for r in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["code"] in codes, row
        assert row["office"] in OFFICE_SECTOR and row["office"] not in OFFICES, row
        assert _start(row) <= _end(row) and _start(row) >= date(1990, 1, 1), row
        assert all(a and a.strip() == a for a in row["aliases"].split("|") if row["aliases"]), row
