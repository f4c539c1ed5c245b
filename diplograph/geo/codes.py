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
