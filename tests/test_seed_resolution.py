"""Every state, person, date and quantity of the seed commentary (../shared/seed/north-korea-new-diplomacy.txt,
published 2015-04-30), listed in text order by reading it, and checked one by one against `diplograph.extract`.

The lists are exhaustive: a mention resolution finds that is not listed fails `test_nothing_spurious`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from resolution_tables import compare, gold_items, locate, problems

import diplograph

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "north-korea-new-diplomacy.txt"
PUBLISHED = "2015-04-30"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout")

ACTORS = [
    ('North Korea', 'PRK'),
    ('North Korean', 'PRK'),
    ('Kim Jong-un', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'people'}),
    ('Moscow', 'RUS'),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('Pyongyang', 'PRK'),
    ('Russian', 'RUS'),
    ('Tass', 'RUS', {'sector': 'media'}),
    ('Kim Jong-un', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'people'}),
    ('Moscow', 'RUS'),
    ('North Korean leader', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'coreference'}),
    ('Kim', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'coreference'}),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('North Korea', 'PRK'),
    ('Pyongyang', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('Pyongyang', 'PRK'),
    ('Soviet Union', 'SUN'),
    ('Moscow', 'RUS'),
    ('North Korea', 'PRK'),
    ('China', 'CHN'),
    ('North Korea', 'PRK'),
    ('China', 'CHN'),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('Russian', 'RUS'),
    ('Chinese', 'CHN'),
    ('Hermit Kingdom', 'PRK'),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('Moscow', 'RUS'),
    ('Western sanctions', 'WST', {'kind': 'region'}),
    ('Kremlin', 'RUS', {'sector': 'government'}),
    ('North Korea', 'PRK'),
    ('Russian', 'RUS'),
    ('Russia', 'RUS'),
    ('North Korea', 'PRK'),
    ('North Korean', 'PRK'),
    ('Russian', 'RUS'),
    ('Seoul', 'KOR'),
    ('South Korean', 'KOR'),
    ('North Korean', 'PRK'),
    ('Russia', 'RUS'),
    ('ROK', 'KOR'),
    ('Park Geun-hye', 'KOR', {'person': 'Park Geun-hye', 'sector': 'government', 'method': 'people'}),
    ('China', 'CHN'),
    ('Russia', 'RUS'),
    ('Russian', 'RUS'),
    ('South Korea', 'KOR'),
    ('South Korea', 'KOR'),
    ('Russia', 'RUS'),
    ('North Korea', 'PRK'),
    ('Russian', 'RUS'),
    ('North Korea', 'PRK'),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('North Korea', 'PRK'),
    ('China', 'CHN'),
    ('Russian', 'RUS'),
    ('Russian', 'RUS'),
    ('North Korean', 'PRK'),
    ('North Korea', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('North Korean', 'PRK'),
    ('Russia', 'RUS'),
    ('North Korea', 'PRK'),
    ('North Korea', 'PRK'),
    ('Ri Su-yong', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'people'}),
    ('North Korea', 'PRK'),
    ('Ri', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'coreference'}),
    ('Switzerland', 'CHE'),
    ('Kim', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'coreference'}),
    ('Kim Jong-un', 'PRK', {'person': 'Kim Jong-un', 'sector': 'government', 'method': 'people'}),
    ('Berne', 'CHE'),
    ('Ri', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'coreference'}),
    ('Algeria', 'DZA'),
    ('Kuwait', 'KWT'),
    ('North Korean', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('Gambia', 'GMB'),
    ('Mozambique', 'MOZ'),
    ('Lebanon', 'LBN'),
    ('Laos', 'LAO'),
    ('Myanmar', 'MMR'),
    ('Indonesia', 'IDN'),
    ('Cuba', 'CUB'),
    ('Belarus', 'BLR'),
    ('Russia', 'RUS'),
    ('Vietnam', 'VNM'),
    ('Singapore', 'SGP'),
    ('Syria', 'SYR'),
    ('Ri', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'coreference'}),
    ('Bashar al-Assad', 'SYR', {'person': 'Bashar al-Assad', 'sector': 'government', 'method': 'people'}),
    ('Iran', 'IRN'),
    ('India', 'IND'),
    ('India', 'IND'),
    ('Ri Su-yong', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'people'}),
    ('Pakistan', 'PAK'),
    ('Sushma Swaraj', 'IND', {'person': 'Sushma Swaraj', 'sector': 'foreign_ministry', 'method': 'people'}),
    ('North Korea', 'PRK'),
    ('Modi', 'IND', {'person': 'Narendra Modi', 'sector': 'government', 'method': 'surname'}),
    ('India', 'IND'),
    ('North Korea', 'PRK'),
    ('China', 'CHN'),
    ('North Korean', 'PRK'),
    ('Russia', 'RUS'),
    ('China', 'CHN'),
    ('North Korea', 'PRK'),
    ('Ri Su-yong', 'PRK', {'person': 'Ri Su-yong', 'sector': 'foreign_ministry', 'method': 'people'}),
    ('North Korea', 'PRK'),
]
DATES = [
    ('May 9', '2015-05-09', 'day'),
    ('February 2013', '2013-02', 'month'),
    ('April 30, 2015', '2015-04-30', 'day'),
    ('22 April', '2015-04-22', 'day'),
    ('9 May', '2015-05-09', 'day'),
    ('late 2011', '2011-09/2011-12', 'range'),
    ('2015', '2015', 'year'),
    ('February 2013', '2013-02', 'month'),
    ('2013', '2013', 'year'),
    ('2014', '2014', 'year'),
    ('since 2009', '2009/2015-04-30', 'range'),
    ('2014', '2014', 'year'),
    ('a year earlier', '2013', 'year'),
    ('2012', '2012', 'year'),
    ('October 2013', '2013-10', 'month'),
    ('November 2014', '2014-11', 'month'),
    ('early May', '2015-05-01/2015-05-10', 'month'),
    ('October 2014', '2014-10', 'month'),
    ('the end of this year', '2015-10/2015-12', 'range'),
    ('2014', '2014', 'year'),
    ('2014', '2014', 'year'),
    ('since 2011', '2011/2015-04-30', 'range'),
    ('from 1987 to 2010', '1987/2010', 'range'),
    ('the past year', '2014-04-30/2015-04-30', 'range'),
    ('May 2014', '2014-05', 'month'),
    ('June 2014', '2014-06', 'month'),
    ('this year', '2015', 'year'),
]
QUANTITIES = [
    {"text": '90%', "value": 90.0, "unit": '%'},
    {"text": '2.4%', "value": 2.4, "unit": '%', "direction": 'down'},
    {"text": 'US$6.39 billion', "value": 6390000000.0, "unit": 'USD'},
    {"text": 'US$10.17 million', "value": 10170000.0, "unit": 'USD'},
    {"text": '31.9%', "value": 31.9, "unit": '%', "direction": 'up'},
    {"text": '90%', "value": 90.0, "unit": '%'},
    {"text": 'US$10 billion', "value": 10000000000.0, "unit": 'USD'},
    {"text": 'US$1 billion', "value": 1000000000.0, "unit": 'USD'},
    {"text": '3500 km', "value": 3500.0, "unit": 'km'},
    {"text": '4.5 billion tons', "value": 4500000000.0, "unit": 't'},
    {"text": 'on average 1.2 million tons of coal a month', "value": 1200000.0, "unit": 't', "per": 'month',
     "qualifier": 'average'},
    {"text": 'over US$1 billion', "value": 1000000000.0, "unit": 'USD', "qualifier": 'over'},
    {"text": 'nearly US$5 billion', "value": 5000000000.0, "unit": 'USD', "qualifier": 'nearly'},
    {"text": '50,000 tons', "value": 50000.0, "unit": 't'},
]


TABLES = {
    "actors": {"mentions": [[m[0], m[1], *(m[2:] or [{}])] for m in ACTORS]},
    "dates": {"dates": [list(d) for d in DATES]},
    "quantities": {"quantities": QUANTITIES},
}


@pytest.fixture(scope="module")
def seed() -> tuple[str, Any]:
    text = SEED.read_text(encoding="utf-8")
    return text, diplograph.extract(text, published=PUBLISHED)


def _case(table: str, text: str) -> dict[str, Any]:
    return {"id": f"seed-{table}", "text": text, "published": PUBLISHED, **TABLES[table]}


def _items(table: str) -> list[tuple[str, int]]:
    rows = {"actors": ACTORS, "dates": DATES, "quantities": QUANTITIES}[table]
    return [(table, n) for n in range(len(rows))]


def _label(table: str, n: int) -> str:
    row = {"actors": ACTORS, "dates": DATES, "quantities": QUANTITIES}[table][n]
    surface = row["text"] if isinstance(row, dict) else row[0]
    return f"{table}-{n:03d}-{surface}"


ALL_ITEMS = _items("actors") + _items("dates") + _items("quantities")


@pytest.mark.parametrize(("table", "n"), ALL_ITEMS, ids=[_label(t, n) for t, n in ALL_ITEMS])
def test_seed_mention(seed: tuple[str, Any], table: str, n: int) -> None:
    text, extraction = seed
    gold = gold_items(table, _case(table, text))[n]
    found = {"actors": extraction.mentions, "dates": extraction.dates, "quantities": extraction.quantities}[table]
    at_span = [x for x in found if (x.start, x.end) == (gold.start, gold.end)]
    assert at_span, f"{gold.text!r} at {gold.start}:{gold.end} not found"
    assert text[gold.start:gold.end] == at_span[0].text
    assert not problems(table, gold, at_span[0]), problems(table, gold, at_span[0])


@pytest.mark.parametrize("table", ["actors", "dates", "quantities"])
def test_nothing_spurious(seed: tuple[str, Any], table: str) -> None:
    text, extraction = seed
    errors, counts = compare(table, _case(table, text), extraction)
    assert not errors, "\n".join(errors)
    assert counts["correct"] == counts["gold"] == counts["pred"]


def test_key_facts_of_the_brief(seed: tuple[str, Any]) -> None:
    """The facts the issue names, spelt out."""
    text, extraction = seed
    codes = {m.text: m.code for m in extraction.mentions}
    for surface, code in [("North Korean", "PRK"), ("North Korea", "PRK"), ("Pyongyang", "PRK"), ("Moscow", "RUS"),
                          ("Kremlin", "RUS"), ("Russia", "RUS"), ("Russian", "RUS"), ("Hermit Kingdom", "PRK"),
                          ("Berne", "CHE"), ("Soviet Union", "SUN"), ("Seoul", "KOR"), ("ROK", "KOR")]:
        assert codes[surface] == code, surface
    people = {m.text: (m.code, m.person, m.sector) for m in extraction.mentions if m.person}
    assert people["Kim Jong-un"] == ("PRK", "Kim Jong-un", "government")
    assert people["Ri Su-yong"] == ("PRK", "Ri Su-yong", "foreign_ministry")
    assert people["Park Geun-hye"][0] == "KOR"
    assert people["Sushma Swaraj"] == ("IND", "Sushma Swaraj", "foreign_ministry")
    assert people["Bashar al-Assad"][:2] == ("SYR", "Bashar al-Assad")
    dates = {d.text: d.value for d in extraction.dates}
    assert dates["May 9"] == dates["9 May"] == "2015-05-09"
    assert dates["the past year"] == "2014-04-30/2015-04-30"
    money = [(q.value, q.qualifier) for q in extraction.quantities if q.unit == "USD"]
    assert (6.39e9, None) in money and (1e10, None) in money and (1e9, "over") in money and (5e9, "nearly") in money
    assert locate(text, ["(US$10 billion)"])  # written in brackets, still positive:
    assert all(q.value > 0 for q in extraction.quantities)
