"""FIPS 10-4 country codes (GDELT's geography columns use them) <-> ISO 3166 alpha-3 (data/fips.csv, from
GeoNames' country table)."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def fips_to_iso3() -> dict[str, str]:
    text = resources.files(__package__).joinpath("data", "fips.csv").read_text(encoding="utf-8")
    return {row["fips"]: row["iso3"] for row in csv.DictReader(io.StringIO(text))}


@cache
def iso3_to_fips() -> dict[str, str]:
    return {iso3: fips for fips, iso3 in fips_to_iso3().items()}


# Territories whose towns the gazetteer files under their own code, and the state each belongs to or is joined to
# (facts: ISO 3166-1 codes of dependent and self-governing territories). A story about Denmark and Canada names
# Ilulissat, a Greenland town; one about France, a town of Guadeloupe.
TERRITORIES_OF = {
    "DNK": ("GRL", "FRO"), "FIN": ("ALA",), "NOR": ("SJM",), "NLD": ("ABW", "CUW", "SXM", "BES"),
    "NZL": ("COK", "NIU", "TKL"), "AUS": ("NFK", "CXR", "CCK"), "CHN": ("HKG", "MAC"),
    "USA": ("PRI", "GUM", "ASM", "VIR", "MNP"),
    "FRA": ("NCL", "PYF", "GUF", "GLP", "MTQ", "REU", "MYT", "MAF", "BLM", "SPM", "WLF"),
    "GBR": ("BMU", "CYM", "GIB", "FLK", "VGB", "MSR", "AIA", "TCA", "IMN", "JEY", "GGY", "IOT", "SHN", "PCN"),
}


def with_territories(states: list[str]) -> list[str]:
    """The states, then the territories of each (in that order, without repeats): where a small town of a story
    about these states may lie."""
    out = dict.fromkeys(states)
    for state in states:
        out.update(dict.fromkeys(TERRITORIES_OF.get(state, ())))
    return list(out)

