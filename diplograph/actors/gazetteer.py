"""The actor dictionary: states, their names, demonyms and capitals; organisations; groups; people with tenure.

Data lives in CSV files beside this module (`data/`); users extend it with their own `names.csv`-style file
(`--actors FILE` or DIPLOGRAPH_ACTORS). Matching is on whole tokens, case-sensitive, longest match first.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from diplograph.errors import ConfigError

NAMES_COLUMNS = ("alias", "code", "type", "sector")
EAST_ASIAN_FAMILY_FIRST = frozenset({"PRK", "KOR", "CHN", "TWN", "VNM", "HKG", "MAC", "KHM", "MMR"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form and what it stands for."""

    alias: str
    code: str
    type: str  # name, abbreviation, demonym, capital, seat, epithet, historical, media, group, organisation, ignore
    sector: str | None = None
    kind: str = "state"  # state, igo, ngo, group, region, ignore


@dataclass(frozen=True, slots=True)
class Term:
    """One office-holding term of a person."""

    name: str
    code: str
    office: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    terms: tuple[Term, ...]

    @property
    def code(self) -> str:
        return self.terms[-1].code

    def term_on(self, day: dt.date | None) -> Term | None:
        """The office held on `day`; without a date, the latest term."""
        if day is None:
            return self.terms[-1]
        for term in self.terms:
            if term.covers(day):
                return term
        return None

    def code_on(self, day: dt.date | None) -> str:
        term = self.term_on(day)
        if term is not None:
            return term.code
        return min(self.terms, key=lambda t: _distance(t, day)).code if day else self.code

    def surname(self) -> str:
        """The family name used alone in later mentions ("Kim" of Kim Jong-un, "Putin" of Vladimir Putin)."""
        return surname_of(self.name, self.code)


NOT_SURNAMES = frozenset({"II", "III", "IV", "Jr", "Jr.", "Sr", "Sr.", "bin", "ibn", "al", "el", "de", "da"})


def surname_of(name: str, code: str) -> str:
    """The family name of one written form of a name: the first part for East Asian names, else the last."""
    if code in EAST_ASIAN_FAMILY_FIRST:
        return name.replace("-", " ").split()[0]
    parts = [p for p in name.replace(" - ", "-").split() if p not in NOT_SURNAMES]
    last = parts[-1] if parts else name
    return last.split("-", 1)[1] if last.lower().startswith(("al-", "el-")) else last


def _second_surnames(forms: set[tuple[str, ...]]) -> set[str]:
    """The last words of a person's names that are a second family name, never used alone: a name of three or
    more words whose other written form drops that word ("Xavier Espot Zamora", also "Xavier Espot": the
    Andorran is "Espot", and a lone "Zamora" is someone else)."""
    return {form[-1] for form in forms if len(form) >= 3 and form[:-1] in forms and form[-2] != form[-1]}


def _distance(term: Term, day: dt.date) -> int:
    if term.start and day < term.start:
        return (term.start - day).days
    if term.end and day > term.end:
        return (day - term.end).days
    return 0


@dataclass
class Organisation:
    code: str
    name: str
    kind: str
    members: tuple[str, ...]


MATCHES_KEPT = 1024  # documents whose dictionary matches are kept (more than a memory zone's chunk)


@dataclass
class Gazetteer:
    """All dictionaries, indexed by the first token of each form for fast longest-match lookup."""

    entries: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    people: dict[tuple[str, ...], Person] = field(default_factory=dict)
    states: dict[str, dict[str, str]] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    insurgents: dict[str, list[tuple[dt.date | None, dt.date | None]]] = field(default_factory=dict)
    _first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    _by_name: dict[str, Person] = field(default_factory=dict)
    _by_surname: dict[str, list[Person]] = field(default_factory=dict)
    _matched: dict[tuple[str, ...], list[tuple[int, int, Entry | Person]]] = field(default_factory=dict)

    def add_form(self, tokens: tuple[str, ...], target: Entry | Person) -> None:
        if isinstance(target, Person):
            self.people[tokens] = target
        else:
            self.entries[tokens] = target
        self._matched.clear()
        keys = self._first.setdefault(tokens[0], [])
        if tokens not in keys:
            keys.append(tokens)
            keys.sort(key=len, reverse=True)

    def longest_at(self, words: list[str], i: int) -> tuple[str, ...] | None:
        """The longest dictionary form starting at word i, if any."""
        for form in self._first.get(words[i], ()):
            if tuple(words[i:i + len(form)]) == form:
                return form
        return None

    def matches(self, words: list[str]) -> list[tuple[int, int, Entry | Person]]:
        """Every dictionary form in `words`, left to right, longest first and never overlapping: (start, end,
        what it stands for). 'ignore' entries are yielded too: they hide the shorter forms inside them.

        The relevance pass, the entity labels and the resolver each read a document's matches: the last
        documents' are kept (keyed by their words), so a document is matched once."""
        key = tuple(words)
        found = self._matched.get(key)
        if found is None:
            if len(self._matched) >= MATCHES_KEPT:
                self._matched.clear()
            found = self._matched[key] = self._match(words)
        return found

    def _match(self, words: list[str]) -> list[tuple[int, int, Entry | Person]]:
        first = self._first
        out: list[tuple[int, int, Entry | Person]] = []
        i, n = 0, len(words)
        while i < n:
            forms = first.get(words[i])  # most words begin no form: no call for them
            form = next((f for f in forms if tuple(words[i:i + len(f)]) == f), None) if forms else None
            if form is None or self._article_cut_short(words, i, form):
                i += 1
                continue
            out.append((i, i + len(form), self.people.get(form) or self.entries[form]))
            i += len(form)
        return out

    def _article_cut_short(self, words: list[str], i: int, form: tuple[str, ...]) -> bool:
        """Whether a form led by 'the' ('the West') cuts a longer name after the article short ('the West Bank',
        'the West African bloc'): the name after the article wins."""
        if len(form) < 2 or form[0].lower() != "the":
            return False
        after = self.longest_at(words, i + 1)
        return after is not None and len(after) >= len(form)

    def person(self, name: str) -> Person | None:
        """The person whose canonical name is `name`."""
        if not self._by_name:
            self._index_people()
        return self._by_name.get(name)

    def people_with_surname(self, surname: str) -> list[Person]:
        """Everyone in the dictionary whose family name (as used alone in later mentions) is `surname`."""
        if not self._by_name:
            self._index_people()
        return self._by_surname.get(surname, [])

    def _index_people(self) -> None:
        forms: dict[str, set[tuple[str, ...]]] = {}
        for form, person in self.people.items():
            forms.setdefault(person.name, set()).add(tuple(form))
        for form, person in self.people.items():
            self._by_name.setdefault(person.name, person)
            surnames = {person.surname(), surname_of(" ".join(form), person.code)}
            for surname in surnames - _second_surnames(forms[person.name]):
                known = self._by_surname.setdefault(surname, [])
                if person not in known:
                    known.append(person)

    def state_name(self, code: str) -> str:
        return self.states.get(code, {}).get("name", code)

    def ended_before(self, code: str, day: dt.date | None) -> bool:
        """Whether the state `code` had ceased to exist before `day` (states.csv `valid_to`, a year)."""
        valid_to = self.states.get(code, {}).get("valid_to") or ""
        return day is not None and valid_to.isdigit() and day.year > int(valid_to)

    def members(self, code: str) -> tuple[str, ...]:
        org = self.organisations.get(code)
        return org.members if org else ()


Tokenize = Callable[[str], list[str]]


@cache
def capital_names() -> dict[str, str]:
    """State code -> the name of its capital, as the actor dictionary first lists it ('IRQ' -> 'Baghdad')."""
    capitals: dict[str, str] = {}
    for row in _read_csv(_data_file("names.csv")):
        if row.get("type") == "capital":
            capitals.setdefault(row["code"], row["alias"])
    return capitals


@cache
def sovereigns() -> dict[str, str]:
    """Dependent territories that govern no foreign relations of their own (data/territories.csv) and the state
    each belongs to: Puerto Rico and Guam the United States', Gibraltar Britain's. Not the self-governing ones
    (Greenland, the Cook Islands, Hong Kong), which are parties in their own right, nor disputed ones (Taiwan)."""
    return {row["code"]: row["sovereign"] for row in _read_csv(_data_file("territories.csv"))}


def _data_file(name: str) -> Path:
    return Path(str(resources.files("diplograph.actors").joinpath("data", name)))


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield {k: (v or "").strip() for k, v in row.items() if k}
    except OSError as e:
        raise ConfigError(f"{path}: cannot read actor data: {e.strerror or e}") from e


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return dt.date(int(value[:4]), 1, 1) if value[:4].isdigit() else None


def build(tokenize: Tokenize, *, extra: Iterable[Path] = ()) -> Gazetteer:
    """Load the packaged dictionaries (and the user's extra name files) into one Gazetteer."""
    gaz = Gazetteer()
    for row in _read_csv(_data_file("states.csv")):
        gaz.states[row["code"]] = row
    _load_organisations(gaz, _data_file("organisations.csv"))
    for row in _read_csv(_data_file("sectors.csv")):
        gaz.sectors[row["word"].lower()] = row["sector"]
    for row in _read_csv(_data_file("insurgents.csv")):
        gaz.insurgents.setdefault(row["alias"], []).append((_date(row["from"]), _date(row.get("to", ""))))
    for path in (_data_file("names.csv"), _data_file("ignore.csv"), *extra):
        _load_names(gaz, path, tokenize)
    _load_people(gaz, [_data_file("people.csv"), _data_file("igo_people.csv"), _data_file("officials.csv")], tokenize)
    return gaz


def armed_group(entry: Entry, gaz: Gazetteer, day: dt.date | None) -> bool:
    """An armed group fighting the state it is based in, on `day` (data/insurgents.csv): never a party as that
    state (al-Shabab is not Somalia, nor the Taliban Afghanistan before August 2021). Groups that fight another
    state (Hezbollah, Hamas) keep their home state as CAMEO and PLOVER code them; with no date, a listed group
    counts as fighting."""
    periods = gaz.insurgents.get(entry.alias)
    if entry.type != "group" or not periods:
        return False
    if day is None:
        return True
    return any((start is None or start <= day) and (end is None or day <= end) for start, end in periods)


def _load_organisations(gaz: Gazetteer, path: Path) -> None:
    for row in _read_csv(path):
        members = tuple(row.get("members", "").split())
        gaz.organisations[row["code"]] = Organisation(row["code"], row.get("name", ""), row.get("kind", "igo"), members)


def _kind_of(code: str, type_: str, gaz: Gazetteer) -> str:
    if type_ == "ignore" or not code:
        return "ignore"
    if gaz.states.get(code, {}).get("kind") == "region":
        return "region"
    if code in gaz.organisations:
        return gaz.organisations[code].kind
    return "state"


def _load_names(gaz: Gazetteer, path: Path, tokenize: Tokenize) -> None:
    if not path.exists():
        if path.name == "ignore.csv":
            return
        raise ConfigError(f"{path}: actor file not found")
    for n, row in enumerate(_read_csv(path), 2):
        alias, code = row.get("alias", ""), row.get("code", "")
        if not alias:
            raise ConfigError(f"{path}:{n}: empty alias (columns must be {', '.join(NAMES_COLUMNS)})")
        type_ = row.get("type") or "name"
        entry = Entry(alias, code, type_, row.get("sector") or None, _kind_of(code, type_, gaz))
        for form in _spellings(alias):
            gaz.add_form(tuple(tokenize(form)), entry)


def _spellings(alias: str) -> tuple[str, ...]:
    """The alias as written, and with typographic apostrophes ("People’s Army", "Côte d’Ivoire")."""
    if "'" in alias:
        return alias, alias.replace("'", "\u2019")
    return (alias,)


def _load_people(gaz: Gazetteer, paths: list[Path], tokenize: Tokenize) -> None:
    """Office-holders with their terms: of states (people.csv), at the head of IGOs (igo_people.csv, codes of
    organisations.csv), and other officials the news quotes by name (officials.csv: vice-presidents, envoys,
    spokespeople, military chiefs, ...). One person's terms in several files are one person ('Mark Rutte': NLD,
    then NATO)."""
    terms: dict[str, list[Term]] = {}
    forms: dict[str, set[str]] = {}
    rows = (row for path in paths if path.exists() for row in _read_csv(path))
    for row in rows:
        name = row["name"]
        terms.setdefault(name, []).append(Term(name, row["code"], row["office"], _date(row["start"]),
                                               _date(row.get("end", ""))))
        forms.setdefault(name, {name}).update(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    for name, person_terms in terms.items():
        person_terms.sort(key=lambda t: t.start or dt.date.min)
        person = Person(name, tuple(person_terms))
        for form in sorted(forms[name]):
            for spelling in _spellings(form):
                gaz.add_form(tuple(tokenize(spelling)), person)


@cache
def default_gazetteer() -> Gazetteer:
    """The packaged dictionaries, tokenized with the spaCy model's tokenizer (loaded once per process)."""
    from diplograph.nlp.model import load_nlp

    tokenizer = load_nlp().tokenizer
    return build(lambda s: [t.text for t in tokenizer(s)], extra=_extra_from_settings())


def _extra_from_settings() -> tuple[Path, ...]:
    from diplograph import config

    value = config.get("actors")
    return (Path(value),) if value else ()
