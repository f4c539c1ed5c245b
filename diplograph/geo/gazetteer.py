"""The place gazetteer: cities of 15,000+ people and first-level regions (states, provinces, oblasts), from GeoNames.

The data is `data/places.csv.gz` (built by scripts/build_places.py; docs/locations.md, "The gazetteer"). Countries
are not in it: the actor gazetteer names those, so callers match states first and ask here for what is left.

Names meet on `place_key`: diacritics, case, punctuation, a leading "the" and a leading Arabic article do not count
("al-Anbar", "Al Anbar" and "Anbar" are one key). A region is found under its GeoNames name, under that name
without its generic word ("Basra Governorate" -> "Basra", "Muhafazat Kirkuk" -> "Kirkuk") and under its namesake
city's spellings of the name (its alternates: "Dahuk" as "Duhok").

How one name picks one place:

- The written form can say the kind: a region word ("Anbar province", "Donetsk oblast", "the province of Anbar",
  "Punjab state") finds regions only; "Aleppo city" or "the city of Aleppo" finds cities only. A caller that
  read the kind elsewhere says it with `kind`. A region asked for by the name of a city that no region bears is
  the region bearing another of the city's names ("Kyiv region" is GeoNames' "Kiev" oblast).
- Otherwise candidates rank by population (a region's is the sum of its cities'), with one exception: a city of
  at least POPULOUS_CITY people ranks before every region of the same key in its own country. A region usually
  carries its capital's name (Kirkuk, Kherson, Idlib), and news saying "Kirkuk" or "Kyiv" means the city; a
  region without such a city ("Anbar", "Punjab") or with only a small namesake town ranks by its population.
- `resolve` prefers candidates in the document's countries (`context`, most important first).
- Names on the stoplist (`data/stoplist.txt`: common English words such as "Police" or "Mobile") never resolve
  alone; a form that says the kind ("the city of Reading") still does. `lookup` does not apply the stoplist.
"""

from __future__ import annotations

import array
import bisect
import csv
import gc
import gzip
import io
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

COLUMNS = ("id", "kind", "name", "country", "admin1", "lat", "lon", "population", "alternates")
POPULOUS_CITY = 100_000
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

# Letters that NFKD leaves whole; written as the Latin letters English text uses for them.
_FOLD = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d",
                       "ħ": "h", "ŀ": "l", "ŧ": "t"})
# Apostrophes, ayn/hamza marks and periods vanish ("Sana'a" = "Sanaa", "St." = "St"); other punctuation separates.
_DROP = str.maketrans("", "", "'`´’‘ʼʻʿʾ.")
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_KEY = str.maketrans({**{chr(i): " " for i in range(128) if not chr(i).isalnum()}, **dict.fromkeys("'`.")})
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "as", "an", "ar", "ash", "at", "az", "adh", "ath"})
_LEADING = ARABIC_ARTICLES | {"the"}

# Generic words around a region's name, as keys. English ones also mark a written form as a region ("Anbar
# province"); the transliterated ones come from GeoNames' own names ("Muhafazat Kirkuk", "Sha`biyat Ghat").
REGION_SUFFIXES = tuple(sorted((  # longest first: "autonomous region" before "region"
    "autonomous region", "autonomous oblast", "autonomous okrug", "avtonomnyy okrug", "uygur autonomous region",
    "uyghur autonomous region", "zhuang autonomous region", "hui autonomous region", "province", "region", "oblast",
    "governorate", "state", "prefecture", "county", "district", "division", "voivodeship", "krai", "kray",
    "territory", "emirate", "canton", "department", "wilaya", "vilayet", "okrug", "sheng", "shi", "zizhiqu",
    "uygur zizhiqu", "zhuangzu zizhiqu", "huizu zizhiqu", "do", "marz", "rayon", "rayonu", "rajons", "apskritis",
    "atholhu", "oblysy", "qalasy", "parish",
), key=len, reverse=True))  # fmt: skip
REGION_PREFIXES = tuple(sorted((
    "province of", "region of", "state of", "governorate of", "prefecture of", "county of", "district of",
    "emirate of", "canton of", "department of", "oblast of", "parish of", "muhafazat", "mayorality of", "misto",
    "shabiyat",
    "mintaqat", "baladiyat", "changwat", "opstina", "wilayat e", "wilayat", "wilaya de", "wilaya of", "respublika",
    "republic of", "provincia de", "provincia di", "departamento de", "departement de", "estado de", "ostan e",
), key=len, reverse=True))  # fmt: skip
# Divisions that are below the first level in most states that have them: the gazetteer keeps none
LOWER_DIVISION_WORDS = ("district", "county")
CITY_SUFFIXES = ("city",)
CITY_PREFIXES = ("city of",)
_KIND_WORDS = (("region", REGION_PREFIXES, REGION_SUFFIXES), ("city", CITY_PREFIXES, CITY_SUFFIXES))
# What is left of "Northern Province" or "Capital Region" without the generic word is no name.
GENERIC_REMAINDERS = frozenset({
    "north", "northern", "south", "southern", "east", "eastern", "west", "western", "central", "centre", "center",
    "capital", "national", "federal", "upper", "lower", "middle", "greater", "lesser", "new", "north west",
    "north east", "south west", "south east", "northwest", "northeast", "southwest", "southeast", "far eastern",
    "national capital", "federal capital",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """A city or a first-level region."""

    id: str  # GeoNames id of a city; "A1:<ISO2>.<admin1 code>" for a region
    name: str
    kind: str  # "city" | "region"
    country: str  # ISO 3166 alpha-3
    admin1: str | None  # a city's region (None if unknown); a region's own name
    lat: float
    lon: float
    population: int
    alternates: tuple[str, ...] = ()


def place_key(text: str) -> str:
    """The lookup key of a written name: "Al-Anbar" -> "anbar", "the Hague" -> "hague", "St. Pölten" -> "saint
    polten", "Sana'a" -> "sanaa"."""
    if text.isalpha() and text.isascii():  # most names are one plain word
        lowered = text.lower()
        return _ABBREVIATIONS.get(lowered, lowered)
    if text.isascii():  # one translate does case, punctuation and spacing
        words = text.lower().translate(_ASCII_KEY).split()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        words = _NON_WORD.sub(" ", folded.translate(_DROP)).split()
    if not _ABBREVIATIONS.keys().isdisjoint(words):
        words = [_ABBREVIATIONS.get(w, w) for w in words]
    if len(words) > 1 and words[0] in _LEADING:
        words = _drop_articles(words)
    if "el" in words[1:]:  # an Arabic article inside a name is written both ways: "Deir el-Balah", "Deir al-Balah"
        words = [words[0], *("al" if w == "el" else w for w in words[1:])]
    return " ".join(words)


def _drop_articles(words: list[str]) -> list[str]:
    """Without a leading "the", then without a leading Arabic article, as long as a word is left."""
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        words = words[1:]
    return words


def split_kind(key: str) -> tuple[str, str | None]:
    """(the name without its generic word, "region" | "city") when a key carries one, else (key, None).

    "anbar province" -> ("anbar", "region"); "city of aleppo" -> ("aleppo", "city"); "kirkuk" -> ("kirkuk", None)."""
    for kind, prefixes, suffixes in _KIND_WORDS:
        for prefix in prefixes:
            if key.startswith(prefix + " "):
                return _core(key[len(prefix) + 1:]), kind
        for suffix in suffixes:
            if key.endswith(" " + suffix):
                return _core(key[: -len(suffix) - 1]), kind
    return key, None


def names_a_lower_division(key: str) -> bool:
    """'mulanje district', 'district of mulanje': a key whose generic word names a division below the first level."""
    return any(key.endswith(" " + word) or key.startswith(word + " of ") for word in LOWER_DIVISION_WORDS)


def _core(rest: str) -> str:
    return " ".join(_drop_articles(rest.split()))


def region_short_key(name: str) -> str | None:
    """The key a region is also found under: its name without a generic word ("Basra Governorate" -> "basra"),
    None when it has none or nothing but a compass word would be left ("Northern Province")."""
    core, kind = split_kind(place_key(name))
    if kind != "region" or not core or core in GENERIC_REMAINDERS:
        return None
    return core


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class Places:
    """The gazetteer: places by key and by id (module docstring: how a name picks a place)."""

    def __init__(self, places: Iterable[Place], stoplist: Iterable[str] = ()) -> None:
        self._by_id: dict[str, Place] = {}
        self._index: dict[str, list[Place]] = {}
        self._regions: list[Place] = []
        self._cities_of: dict[str, list[Place]] = {}
        for place in places:
            self._by_id[place.id] = place
            if place.kind == "region":
                self._regions.append(place)
            elif place.kind == "city":
                self._cities_of.setdefault(place.country, []).append(place)
            for key in _index_keys(place):
                self._index.setdefault(key, []).append(place)
        self._stoplist = frozenset(place_key(word) for word in stoplist)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_id.values())

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def lookup(self, name: str, kind: str | None = None) -> tuple[Place, ...]:
        """Every place whose name or alternate has this name's key, best first (population, the populous-city rule).
        A region word in `name` keeps regions only, a city word cities only; so does `kind` ("city" | "region"),
        for a caller that read the kind elsewhere in the text ("the southern province of Kandahar"). A region
        asked for by a city's name that no region bears is looked for under the city's other names ("Kyiv
        region": the oblast GeoNames calls "Kiev")."""
        key = place_key(name)
        core, written = split_kind(key)
        kinds = {k for k in (written, kind) if k is not None}  # two different kinds: nothing is both
        found = {p.id: p for k in dict.fromkeys((key, core)) for p in self._index.get(k, ())}
        matches = [p for p in found.values() if all(p.kind == k for k in kinds)]
        if not matches and kinds == {"region"}:
            matches = self._regions_named_after(core)
        return _own_name_first(core, _ranked(matches))

    def stoplisted(self, name: str) -> bool:
        """Whether a bare name (no kind word) is on the stoplist: words and names that are no place alone."""
        key = place_key(name)
        return split_kind(key)[1] is None and key in self._stoplist

    def region_spelled_like(self, name: str, countries: Iterable[str]) -> Place | None:
        """The region of one of `countries` whose name is spelled most like `name` ("Akkar" for GeoNames'
        "Aakkar", "Kunar" for "Konar"), if one is close enough (difflib ratio >= SPELLING_RATIO) and clearly
        closer than the next; for a written region name the exact lookup did not find. Transliterations vary
        more than any alternate list keeps."""
        import difflib

        core = split_kind(place_key(name))[0]
        wanted = set(countries)
        scored = []
        for place in self._regions:
            if place.country in wanted:
                keys = {place_key(place.name), region_short_key(place.name) or ""} - {""}
                best = max(difflib.SequenceMatcher(None, core, k).ratio() for k in keys)
                scored.append((best, place))
        scored.sort(key=lambda pair: (-pair[0], pair[1].id))
        if not scored or scored[0][0] < SPELLING_RATIO:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.05:
            return None  # two regions about as close: no guess
        return scored[0][1]

    def city_spelled_like(self, name: str, countries: Iterable[str]) -> Place | None:
        """The city of one of `countries` whose name (or another name of its) is spelled most like `name`
        ("Vinnitsa" for Vinnytsya), if it is close (difflib ratio >= CITY_SPELLING_RATIO) and clearly closer than
        the next; for a written name the exact lookup did not find."""
        import difflib

        core = split_kind(place_key(name))[0]
        if len(core) < 5:
            return None  # short names are too like too many others
        scored = []
        for country in dict.fromkeys(countries):
            for place in self._cities_of.get(country, ()):
                keys = {place_key(k) for k in (place.name, *place.alternates)}
                keys = {k for k in keys if k[:1] == core[:1] and abs(len(k) - len(core)) <= 3}
                if keys:
                    best = max(difflib.SequenceMatcher(None, core, k).ratio() for k in keys)
                    scored.append((best, place))
        scored.sort(key=lambda pair: (-pair[0], -pair[1].population, pair[1].id))
        if not scored or scored[0][0] < CITY_SPELLING_RATIO:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.05 and scored[1][1].id != scored[0][1].id:
            return None  # two cities about as close: no guess
        return scored[0][1]

    def _regions_named_after(self, key: str) -> list[Place]:
        """The regions that bear another name of a city of this key, in the city's country."""
        found: dict[str, Place] = {}
        for city in self._index.get(key, ()):
            if city.kind != "city":
                continue
            for other in city.alternates:
                found.update((p.id, p) for p in self._index.get(place_key(other), ())
                             if p.kind == "region" and p.country == city.country)
        return list(found.values())

    def resolve(self, name: str, context: Sequence[str] = (), kind: str | None = None,
                known: Sequence[str] | None = None) -> tuple[Place, str] | None:
        """The one place `name` means and how it was chosen: "gazetteer+context" (the first ranked candidate in one
        of the context countries: 'Dhaka' among Bangladesh's and India's states is the capital of Bangladesh, not
        a town in Bihar), "gazetteer+population" (candidates in several countries, the first ranked wins) or
        "gazetteer" (one country). None for no candidate or a stoplisted bare name (`kind`
        says the kind as for `lookup`; it does not lift the stoplist). `known`: every state the text names; a
        namesake of a million people or more outweighs the context's candidate only when the text names its state
        or `known` is not given ('US prosecutors in Alexandria' in a story naming no Egypt is Alexandria, Virginia)."""
        if self.stoplisted(name):
            return None
        candidates = self.lookup(name, kind)
        if not candidates:
            return None
        wanted = set(context)
        in_context = _own_name_in_context(name, [p for p in candidates if p.country in wanted])
        if in_context is not None and not (_dwarfed(in_context, candidates[0])
                                           and (known is None or candidates[0].country in known)) \
                and not _small_town_of_a_city(in_context, candidates[0]):
            return in_context, "gazetteer+context"
        several = len({p.country for p in candidates}) > 1
        return candidates[0], "gazetteer+population" if several else "gazetteer"


SPELLING_RATIO = 0.8
CITY_SPELLING_RATIO = 0.85  # cities are many more than regions: a closer spelling is asked
DWARFING_POPULATION = 1_000_000
DWARFING_RATIO = 25


def _dwarfed(chosen: Place, top: Place) -> bool:
    """Whether a city of a million or more, DWARFING_RATIO times the size of the context's candidate, is meant
    rather than it: 'Santiago' in a story about Peru and Chile is Chile's capital even when only Peru is a party."""
    return (top is not chosen and top.kind == "city" and top.population >= DWARFING_POPULATION
            and top.population >= DWARFING_RATIO * max(chosen.population, 1))


def _own_name_in_context(name: str, ranked: list[Place]) -> Place | None:
    """The first ranked of the context's candidates, or one that bears the name as its own when the first only
    lists it among its other names and is not many times larger ('San Fernando' between Trinidad and Venezuela
    is Trinidad's San Fernando, not San Fernando de Apure)."""
    if len(ranked) < 2:
        return ranked[0] if ranked else None
    core = split_kind(place_key(name))[0]
    first = ranked[0]
    if split_kind(place_key(first.name))[0] == core:
        return first
    own = next((p for p in ranked[1:] if p.kind == first.kind and split_kind(place_key(p.name))[0] == core), None)
    return own if own is not None and first.population < OWN_NAME_IN_CONTEXT_RATIO * max(own.population, 1) else first


OWN_NAME_IN_CONTEXT_RATIO = 10  # among the text's own states a place bearing the name goes first unless far larger


SMALL_NAMESAKE_POPULATION = 50_000
CITY_OF_RENOWN_POPULATION = 150_000
RENOWN_RATIO = 8


# Cities where states meet that are no capital: seats of international bodies and courts, and summit towns
VENUE_CITIES = frozenset({("geneva", "CHE"), ("new york city", "USA"), ("the hague", "NLD"), ("strasbourg", "FRA"),
                          ("davos", "CHE"), ("jeddah", "SAU"), ("istanbul", "TUR"), ("dubai", "ARE"),
                          ("sharm el-sheikh", "EGY"), ("nairobi", "KEN"), ("montreal", "CAN")})


def _small_town_of_a_city(chosen: Place, top: Place) -> bool:
    """Whether the context's candidate is a small town named after a capital or a city where states meet, many
    times its size, which is meant whether or not the text names its state: US-Iranian talks 'in Geneva', 'in
    Vienna' or 'in Rome' are not in Geneva, Illinois, Vienna, Virginia or Rome, Georgia. A party's city of some
    size keeps the name ('US prosecutors in Alexandria' are in Virginia's, a city of 150,000), and so does a town
    named after a city that is neither ('off Lagos' in a story about the Portuguese navy is Portugal's)."""
    return (top is not chosen and top.kind == "city" and chosen.population < SMALL_NAMESAKE_POPULATION
            and top.population >= CITY_OF_RENOWN_POPULATION and top.population >= RENOWN_RATIO * chosen.population
            and _meeting_city(top))


def _meeting_city(place: Place) -> bool:
    """A state's capital, or a city where states meet (VENUE_CITIES)."""
    from diplograph.actors.gazetteer import capital_names

    name = place.name.lower()
    return (name, place.country) in VENUE_CITIES or place_key(capital_names().get(place.country, "")) == \
        place_key(place.name)


def _own_name_first(core: str, ranked: tuple[Place, ...]) -> tuple[Place, ...]:
    """The best ranked place whose own name is spelled like the one written goes before places that only list it
    among their alternates (GeoNames keeps historic and stray alternates: Nikopol lists "Slov'yansk"), when they
    are of a size (OWN_NAME_RATIO): 'Odessa' is still Ukraine's Odesa, nine times the size of Odessa, Texas. Only
    among places of the first one's kind: 'Kiev' is still the city, not the oblast that GeoNames names "Kiev"."""
    import difflib

    if len(ranked) < 2:
        return ranked  # one candidate or none: nothing to reorder
    same_kind = [p for p in ranked if p.kind == ranked[0].kind]
    own = next((p for p in same_kind if split_kind(place_key(p.name))[0] == core), None) or next(
        (p for p in same_kind if difflib.SequenceMatcher(None, core, split_kind(place_key(p.name))[0]).ratio()
         >= SPELLING_RATIO), None)  # the name itself first ('Nadi' in Fiji before Thailand's 'Na Di'), then near
    if own is None or own is ranked[0] or (ranked[0].population > OWN_NAME_RATIO * max(own.population, 1)
                                          and spelled_like(core, ranked[0])):
        return ranked  # 'Odessa' (Texas) after Odesa, nine times its size and spelled so too
    return (own, *(p for p in ranked if p is not own))  # 'Poti', Georgia's port, not Teresina, once called Poti


def spelled_like(core: str, place: Place) -> bool:
    """Whether a name key is spelled like the place's own name, not only one of its other, older names ('Rovno'
    for Rivne is; 'Poti' for Teresina, 'Julfa' for Ras al-Khaimah are not)."""
    import difflib

    own = {split_kind(place_key(place.name))[0], region_short_key(place.name) or ""} - {""}
    return any(k == core or difflib.SequenceMatcher(None, core, k).ratio() >= SPELLING_RATIO for k in own)


OWN_NAME_RATIO = 3  # a place bearing the name itself goes first unless the first ranked is this many times larger


def _index_keys(place: Place) -> set[str]:
    keys = {place_key(place.name)}
    keys.update(map(place_key, place.alternates))
    if place.kind == "region":
        keys.add(region_short_key(place.name) or "")
    keys.discard("")
    return keys


def _ranked(candidates: list[Place]) -> tuple[Place, ...]:
    """Most populous first, but a region never before a city of POPULOUS_CITY+ people in its own country."""
    anchor: dict[str, int] = {}
    for p in candidates:
        if p.kind == "city" and p.population >= POPULOUS_CITY:
            anchor[p.country] = max(anchor.get(p.country, 0), p.population)

    def weight(p: Place) -> int:
        if p.kind == "region" and p.country in anchor:
            return min(p.population, anchor[p.country])
        return p.population

    return tuple(sorted(candidates, key=lambda p: (-weight(p), p.kind != "city", -p.population, p.id)))


def read_places(text: str) -> Iterator[Place]:
    """Places from the CSV text of places.csv.gz (columns COLUMNS)."""
    rows = csv.reader(io.StringIO(text))
    header = tuple(next(rows))
    if header != COLUMNS:
        raise ValueError(f"places file columns {header}, expected {COLUMNS}")
    for pid, kind, name, country, admin1, lat, lon, population, alternates in rows:
        yield Place(pid, name, kind, country, admin1 or None, float(lat), float(lon), int(population),
                    tuple(alternates.split("|")) if alternates else ())


def _uncommented(text: str) -> str:
    """A CSV file's text without its blank and '#' comment lines."""
    return "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def read_alternates(text: str) -> dict[str, tuple[str, ...]]:
    """Place id -> more names, from alternates.csv ('#' lines are comments)."""
    rows = csv.reader(io.StringIO(_uncommented(text)))
    if tuple(next(rows, ())) != ("id", "names"):
        raise ValueError("alternates file: expected the columns id,names")
    return {pid: tuple(n.strip() for n in names.split("|") if n.strip()) for pid, names in rows}


def read_stoplist(text: str) -> list[str]:
    """The keys of a stoplist file: one per line, '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def small_town(name: str, states: Iterable[str]) -> Place | None:
    """The most populous small town of this name in the first of `states` that has one, unless the name is
    stoplisted. Only a town spelled so itself, not one that lists the name among its other names (small towns keep
    stray ones: 'May' for a Mayville)."""
    if places().stoplisted(name):
        return None
    core = split_kind(place_key(name))[0]
    for state in states:
        found = [p for p in _small_towns_keyed(state, core) if spelled_like(core, p)]
        if found:
            return max(found, key=lambda p: (p.population, p.id))
    return None


def _small_towns_keyed(state: str, key: str) -> list[Place]:
    """The state's small towns with this key among their names' keys: found in a compact text of keys (one line a
    town, '|key|key|'), then parsed. No place objects are kept: every state's towns as places would cost some
    250 MB, and a state's keys take about a tenth of its lines."""
    keys, line_starts, bounds = _small_town_keys(state)
    if not keys:
        return []
    text = _small_town_text()[0]
    needle = f"|{key}|"
    found: list[Place] = []
    at = keys.find(needle)
    while at >= 0:
        line = bisect.bisect_right(line_starts[1], at) - 1
        start = line_starts[0][line]
        end = text.find("\n", start, bounds[1])
        found.extend(_places_in(text[start:end if end >= 0 else bounds[1]]))
        at = keys.find(needle, at + 1)
    return found


@cache
def _small_town_keys(state: str) -> tuple[str, tuple[array.array, array.array], tuple[int, int]]:
    """A state's small towns as a text of their names' keys, one line a town, with where each town's line starts
    in the CSV text and in the keys text."""
    text, bounds = _small_town_text()
    if state not in bounds:
        return "", (array.array("l"), array.array("l")), (0, 0)
    start, end = bounds[state]
    csv_starts, key_starts = array.array("l"), array.array("l")
    parts: list[str] = []
    pos, size = start, 0
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        row = _fields(text[pos:stop])
        names = [row[2], *(a for a in row[8].split("|") if a)]
        entry = "|" + "|".join(sorted({split_kind(place_key(n))[0] for n in names})) + "|\n"
        csv_starts.append(pos)
        key_starts.append(size)
        parts.append(entry)
        size += len(entry)
        pos = stop + 1
    return "".join(parts), (csv_starts, key_starts), (start, end)


def small_towns(country: str) -> Places:
    """One state's towns of 500 to 15,000 people (data/small_towns.csv.gz, scripts/build_places.py), as places, to
    look through; made on each call and not kept (`small_town` reads the compact keys instead)."""
    text, bounds = _small_town_text()
    return Places(_places_in(text[slice(*bounds[country])])) if country in bounds else Places(())


def _places_in(lines: str) -> Iterator[Place]:
    """The places of some lines of the places CSV (without its header)."""
    return read_places(",".join(COLUMNS) + "\n" + lines)


@cache
def _small_town_text() -> tuple[str, dict[str, tuple[int, int]]]:
    """The small towns' CSV text, decompressed once, and where each state's lines lie in it (the file is sorted by
    state, so each state's lines are one run)."""
    data = resources.files("diplograph.geo").joinpath("data")
    text = gzip.decompress(data.joinpath("small_towns.csv.gz").read_bytes()).decode("utf-8")
    header_end = text.index("\n")
    if tuple(text[:header_end].split(",")) != COLUMNS:
        raise ValueError(f"small_towns.csv.gz columns {text[:header_end]}, expected {COLUMNS}")
    bounds: dict[str, tuple[int, int]] = {}
    last = None
    pos = header_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        state = _state_of_line(text[pos:end])
        if state != last and state in bounds:
            raise ValueError(f"small_towns.csv.gz is not sorted by state ({state} appears twice)")
        bounds[state] = (bounds[state][0] if state in bounds else pos, end)
        last, pos = state, end + 1
    return text, bounds


def _state_of_line(line: str) -> str:
    """The `country` column of a places CSV line."""
    return _fields(line)[3]


def _fields(line: str) -> list[str]:
    """The columns of a places CSV line (csv only for a line with a quoted name)."""
    return next(csv.reader([line])) if '"' in line else line.split(",")


@cache
def places() -> Places:
    """The packaged gazetteer, loaded once."""
    data = resources.files("diplograph.geo").joinpath("data")
    text = gzip.decompress(data.joinpath("places.csv.gz").read_bytes()).decode("utf-8")
    stoplist = read_stoplist(data.joinpath("stoplist.txt").read_text(encoding="utf-8"))
    extra = read_alternates(data.joinpath("alternates.csv").read_text(encoding="utf-8"))
    regions = _uncommented(data.joinpath("regions.csv").read_text(encoding="utf-8"))
    towns = _uncommented(data.joinpath("towns.csv").read_text(encoding="utf-8"))
    collecting = gc.isenabled()
    gc.disable()  # the load makes some 300,000 lasting objects: cyclic collections in between would find nothing
    try:
        found = itertools.chain(read_places(text), read_places(regions), read_places(towns))
        return Places((replace(p, alternates=p.alternates + extra[p.id]) if p.id in extra else p for p in found),
                      stoplist)
    finally:
        if collecting:
            gc.enable()
