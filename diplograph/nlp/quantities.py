"""Quantities found by rule: money (value + ISO 4217 code), percentages with direction, tons, km, barrels.

Written for the forms news uses: "US$6.39 billion", "$10.17 million", "(US$10 billion)" (positive: brackets
in prose are an aside, not accounting), "€1.2bn", "50 billion yen", "fell by 2.4%", "up 31.9%",
"1.2 million tons of coal a month", "over US$1 billion", "between 2 and 3 million barrels a day".
"""

from __future__ import annotations

import re

from diplograph.model import Quantity

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12, "hundred": 1e2, "crore": 1e7, "lakh": 1e5}
CURRENCY_SYMBOLS = {"us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                    "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY", "a$": "AUD",
                    "aud": "AUD", "c$": "CAD", "cad": "CAD", "hk$": "HKD", "s$": "SGD", "rs": "INR", "rs.": "INR",
                    "inr": "INR", "₹": "INR", "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB", "chf": "CHF",
                    "r$": "BRL", "brl": "BRL", "₺": "TRY", "sar": "SAR", "aed": "AED"}
CROWN = "crown"  # a currency of several states, written without theirs
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "won": "KRW", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
                  "rupee": "INR", "rupees": "INR", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
                  "dirhams": "AED", "franc": "CHF", "francs": "CHF", "lira": "TRY", "real": "BRL", "reais": "BRL",
                  "rand": "ZAR", "peso": "MXN", "pesos": "MXN", "dinar": "IQD", "dinars": "IQD", "rial": "IRR",
                  "rials": "IRR", "shekel": "ILS", "shekels": "ILS", "hryvnia": "UAH", "hryvnias": "UAH", "baht": "THB",
                  "naira": "NGN", "shilling": "KES", "shillings": "KES", "birr": "ETB", "rupiah": "IDR",
                  "ringgit": "MYR", "dong": "VND", "taka": "BDT", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF",
                  "forints": "HUF", "koruna": "CZK", "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK",
                  "lari": "GEL", "dram": "AMD", "drams": "AMD", "manat": "AZN", "tenge": "KZT", "som": "KGS",
                  "somoni": "TJS", "kwacha": "ZMW", "cedi": "GHS", "cedis": "GHS",
                  # Sweden's, Norway's, Denmark's, the Czech Republic's: settled by the state that pays (measures)
                  "crowns": CROWN, "crown": CROWN}
# Another state's currency of a common name, by the demonym before it ('10 billion Egyptian pounds' is EGP, not GBP)
NATIONAL_CURRENCIES = {
    "swiss franc": "CHF", "cfa franc": "XOF", "congolese franc": "CDF", "rwandan franc": "RWF", "turkish lira": "TRY",
    "south african rand": "ZAR", "indian rupee": "INR", "pakistani rupee": "PKR", "sri lankan rupee": "LKR",
    "nepali rupee": "NPR", "nepalese rupee": "NPR", "mexican peso": "MXN", "argentine peso": "ARS",
    "argentinian peso": "ARS", "philippine peso": "PHP", "chilean peso": "CLP", "colombian peso": "COP",
    "cuban peso": "CUP", "saudi riyal": "SAR", "qatari riyal": "QAR", "omani rial": "OMR", "yemeni rial": "YER",
    "iranian rial": "IRR", "iraqi dinar": "IQD", "jordanian dinar": "JOD", "kuwaiti dinar": "KWD",
    "libyan dinar": "LYD", "algerian dinar": "DZD", "tunisian dinar": "TND", "serbian dinar": "RSD",
    "bahraini dinar": "BHD", "japanese yen": "JPY", "chinese yuan": "CNY", "russian ruble": "RUB",
    "russian rouble": "RUB", "belarusian ruble": "BYN", "ukrainian hryvnia": "UAH", "south korean won": "KRW",
    "north korean won": "KPW", "korean won": "KRW", "nigerian naira": "NGN", "kenyan shilling": "KES",
    "ugandan shilling": "UGX", "tanzanian shilling": "TZS", "somali shilling": "SOS", "ethiopian birr": "ETB",
    "brazilian real": "BRL", "israeli shekel": "ILS", "thai baht": "THB", "indonesian rupiah": "IDR",
    "malaysian ringgit": "MYR", "vietnamese dong": "VND", "bangladeshi taka": "BDT", "polish zloty": "PLN",
    "hungarian forint": "HUF", "czech koruna": "CZK", "czech crown": "CZK", "swedish krona": "SEK",
    "swedish kronor": "SEK", "swedish crown": "SEK", "norwegian krone": "NOK", "norwegian kroner": "NOK",
    "danish krone": "DKK", "danish kroner": "DKK", "danish crown": "DKK", "norwegian crown": "NOK",
    "icelandic krona": "ISK", "icelandic crown": "ISK", "uae dirham": "AED", "emirati dirham": "AED",
    "moroccan dirham": "MAD", "egyptian pound": "EGP", "lebanese pound": "LBP", "syrian pound": "SYP",
    "sudanese pound": "SDG", "south sudanese pound": "SSP", "british pound": "GBP", "georgian lari": "GEL",
    "armenian dram": "AMD", "azerbaijani manat": "AZN", "kazakh tenge": "KZT", "zambian kwacha": "ZMW",
    "ghanaian cedi": "GHS", "venezuelan bolivar": "VES"}
# The dollars of other states, by the word before them ("200 million Australian dollars" is AUD: the contract
# converts to US dollars only what is stated in US dollars)
DOLLAR_STATES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                 "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
                 "namibian": "NAD", "jamaican": "JMD", "liberian": "LRD", "fijian": "FJD", "brunei": "BND",
                 "guyanese": "GYD", "bahamian": "BSD", "barbadian": "BBD", "belize": "BZD", "east caribbean": "XCD",
                 "zimbabwean": "ZWL", "solomon islands": "SBD", "trinidad and tobago": "TTD"}
UNITS = {"tons": "t", "ton": "t", "tonnes": "t", "tonne": "t", "metric tons": "t", "mt": "t",
         "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
         "miles": "mi", "mile": "mi", "barrels": "bbl", "barrel": "bbl", "bbl": "bbl",
         "cubic metres": "m3", "cubic meters": "m3", "megawatts": "MW", "mw": "MW", "hectares": "ha",
         "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2"}
QUALIFIERS = {"over": "over", "more than": "over", "above": "over", "in excess of": "over", "nearly": "nearly",
              "almost": "nearly", "close to": "nearly", "about": "about", "around": "about", "some": "about",
              "roughly": "about", "approximately": "about", "an estimated": "about", "estimated": "about",
              "up to": "up to", "as much as": "up to", "as many as": "up to", "at least": "at least",
              "less than": "under", "under": "under", "fewer than": "under", "below": "under",
              "on average": "average", "an average of": "average", "average of": "average"}
PER = {"a month": "month", "per month": "month", "each month": "month", "every month": "month",
       "monthly": "month", "a year": "year", "per year": "year", "each year": "year", "annually": "year",
       "per annum": "year", "a day": "day", "per day": "day", "daily": "day", "each day": "day",
       "a week": "week", "per week": "week", "weekly": "week"}
# Verbs and adverbs of change before a percentage ("fell by 2.4%", "up 31.9%"): the nearest one decides.
DOWN_WORDS = frozenset({"fell", "fall", "falls", "falling", "down", "drop", "dropped", "drops", "dropping",
                        "declined", "declines", "declining", "decreased", "decreases", "shrank", "shrunk",
                        "shrinks", "contracted", "contracts", "plunged", "plunges", "slumped", "slumps", "lower",
                        "less", "slid", "slides", "dipped", "dips", "cut", "cuts", "cutting", "reduced", "reduces",
                        "reducing", "lost", "loses", "sank", "tumbled", "eased", "slipped", "plummeted", "slowed",
                        "shed", "sheds", "lowered", "downgraded", "weakened"})
UP_WORDS = frozenset({"rose", "rise", "rises", "rising", "up", "increased", "increases", "increasing", "grew",
                      "grow", "grows", "growing", "jumped", "jumps", "climbed", "climbs", "gained", "gains",
                      "higher", "more", "surged", "surges", "soared", "soars", "expanded", "expands", "added",
                      "raised", "raises", "boosted", "rebounded", "advanced", "strengthened", "accelerated"})
# Nouns of change: right after the percentage ("a 12% increase") they decide; before it, only if no verb does.
DOWN_NOUNS = frozenset({"drop", "fall", "decline", "decrease", "cut", "reduction", "contraction", "slump",
                        "plunge", "loss", "slide", "dip", "downturn"})
UP_NOUNS = frozenset({"increase", "rise", "growth", "gain", "jump", "surge", "expansion", "hike", "rebound",
                      "climb", "boost", "upturn"})

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|bn|mn|tn|crore|lakh|[kmb](?![a-z]))"
_SYMBOL = r"(?:US\$|U\.S\.\$|A\$|C\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|₺|USD|EUR|GBP|JPY|RMB|CNY|AUD|CAD|INR|KRW|RUB|" \
          r"CHF|BRL|SAR|AED|Rs\.?)"
_CURWORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_STATE_WORDS = set(DOLLAR_STATES) | {key.rsplit(" ", 1)[0] for key in NATIONAL_CURRENCIES}
_DOLLAR_STATE = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _STATE_WORDS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_PER = "|".join(sorted((re.escape(p) for p in PER), key=len, reverse=True))
_NUMBER_WORD = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|several|a few)"

MONEY_SYMBOL = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<sym>{_SYMBOL})\s?(?P<num>{_NUM})(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM}))?"
    rf"(?:\s|-)?(?P<scale>{_SCALE})?(?![\w])(?:\s+(?P<per>{_PER}))?", re.I)  # '$5.5-billion' too
MONEY_WORD = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM}|{_NUMBER_WORD})(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM}))?"
    rf"\s?(?P<scale>{_SCALE})?\s+(?:(?P<state>{_DOLLAR_STATE})\s+)?"
    rf"(?P<cur>{_CURWORD})\b(?:\s+(?P<per>{_PER}))?", re.I)
PERCENT = re.compile(rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM})\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.I)
MEASURE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{_NUM}|{_NUMBER_WORD}(?=\s+(?:thousand|million|billion)))"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM}))?\s?"
    rf"(?P<scale>{_SCALE})?\s?(?P<unit>{_UNIT})\b(?:\s+of\s+(?P<commodity>(?!a\b)[a-z]+))?"
    rf"(?:\s+(?:[a-z]+\s+){{0,3}}?(?P<per>{_PER}))?", re.I)
_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100, "several": 3, "a few": 3}


# Shares written as fractions ('about a third of Laos's exports', 'more than half of Russia's crude exports'), as
# percentages; not 'the first half of the year'
FRACTIONS = {"a third": 33.3, "one third": 33.3, "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
             "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0,
             "three-quarters": 75.0, "half": 50.0, "one half": 50.0, "a fifth": 20.0, "one fifth": 20.0,
             "a tenth": 10.0, "one tenth": 10.0}
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
FRACTION = re.compile(rf"(?:(?P<qual>{_QUAL})\s+)?(?<![\w-])(?P<frac>{_FRACTION})\s+of\b(?!\s+(?:the\s+)?(?:year|month|"
                      rf"century|decade|day|week|season|term|game|match)\b)(?!\s+(?:that|this|it|those|them|these)\b)",
                      re.I)  # not 'a quarter of that two years earlier': a comparison, no share
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:first|second|latter|other|early|late)\s*$", re.I)

_MAY_HOLD_NUMBER = re.compile(r"\d|million|billion|trillion|thousand|hundred|third|quarter|half|fifth|tenth", re.I)
# Cheap tests that let a sentence skip the patterns that cannot match it.
_SYMBOL_CUE = re.compile(_SYMBOL)
_CURRENCY_WORD_CUE = re.compile(rf"\b(?:{_CURWORD})\b", re.I)
_PERCENT_CUE = re.compile(r"%|percent|per cent|pct", re.I)
_UNIT_CUE = re.compile(rf"\b(?:{_UNIT})\b", re.I)
_FRACTION_CUE = re.compile(r"\b(?:thirds?|quarters?|half|fifth|tenth)\s+of\b", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Money, percentages and physical quantities in `text`, in text order, without overlaps."""
    if not _MAY_HOLD_NUMBER.search(text):  # most sentences: skip the expensive patterns
        return []
    found: list[Quantity] = []
    for cue, finder in ((_SYMBOL_CUE, _money_symbol), (_CURRENCY_WORD_CUE, _money_word), (_PERCENT_CUE, _percent),
                        (_UNIT_CUE, _measure), (_FRACTION_CUE, _fraction)):
        if not cue.search(text):
            continue
        for q in finder(text):
            if not any(q.start < f.end and f.start < q.end for f in found):
                found.append(q)
    found.sort(key=lambda q: q.start)
    return _join_ranges(text, found)


_RANGE_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|-|–)\s*$", re.I)


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """'between $2 billion and $3 billion' is one quantity with a high bound ('from $2 billion to $3 billion'
    is a change, not a range: two quantities)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.unit == q.unit and prev.high is None and q.unit != "%" \
                and _RANGE_JOIN.fullmatch(text[prev.end:q.start]):
            lead = _RANGE_BETWEEN.search(text[max(0, prev.start - 12):prev.start])
            joiner = text[prev.end:q.start].strip().lower()
            if lead is not None and lead.group(0).lower().startswith("between") and joiner == "and":
                start = prev.start - len(lead.group(0))
                out[-1] = Quantity(start, q.end, text[start:q.end], prev.value, prev.unit, per=q.per or prev.per,
                                   qualifier=prev.qualifier, direction=prev.direction, high=q.value)
                continue
        out.append(q)
    return out


def _number(raw: str) -> float:
    raw = raw.replace(",", "").lower()
    if raw in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[raw])
    return float(raw)


def _scaled(m: re.Match[str], group: str = "num") -> float | None:
    raw = m.group(group)
    if raw is None:
        return None
    scale = (m.group("scale") or "").lower() if "scale" in m.groupdict() else ""
    return round(_number(raw) * SCALES.get(scale, 1.0), 6)  # '4.1 billion' is 4100000000.0, not ...99.9999995


def _qualifier(m: re.Match[str], text: str) -> str | None:
    if m.group("qual"):
        return QUALIFIERS[m.group("qual").lower()]
    before = text[max(0, m.start() - 14):m.start()].lower()
    for phrase in ("on average", "an average of"):
        if before.rstrip().endswith(phrase):
            return "average"
    return None


def _per(m: re.Match[str]) -> str | None:
    raw = m.groupdict().get("per")
    return PER[raw.lower()] if raw else None


def _make(m: re.Match[str], text: str, value: float, unit: str, *, end: int | None = None) -> Quantity:
    start = m.start()
    stop = end if end is not None else m.end()
    high = _scaled(m, "num2") if m.groupdict().get("num2") else None
    return Quantity(start, stop, text[start:stop], value, unit, per=_per(m), qualifier=_qualifier(m, text),
                    direction=None, high=high)


def _money_symbol(text: str):  # type: ignore[no-untyped-def]
    for m in MONEY_SYMBOL.finditer(text):
        value = _scaled(m)
        if value is None:
            continue
        unit = CURRENCY_SYMBOLS[m.group("sym").lower()]
        yield _make(m, text, value, unit)


def _currency_of(m: re.Match[str]) -> str:
    """The ISO 4217 code of a currency word, the state before 'dollars' deciding whose ('Australian dollars')."""
    word = m.group("cur").lower()
    state = " ".join((m.group("state") or "").lower().split())
    if word.startswith("dollar") and state:
        return DOLLAR_STATES.get(state, "USD")
    for form in (word, word[:-1] if word.endswith("s") else word):
        if f"{state} {form}" in NATIONAL_CURRENCIES:
            return NATIONAL_CURRENCIES[f"{state} {form}"]
    return CURRENCY_WORDS[word]


def _money_word(text: str):  # type: ignore[no-untyped-def]
    for m in MONEY_WORD.finditer(text):
        if not m.group("scale") and not re.match(r"\d", m.group("num")):
            if m.group("num").lower() not in {"a", "one"}:
                continue
        value = _scaled(m)
        if value is None:
            continue
        q = _make(m, text, value, _currency_of(m))
        if m.group("num").lower() == "a" and text[max(0, m.start() - 5):m.start()].lower() == "half ":
            # 'half a billion dollars'
            q = Quantity(m.start() - 5, q.end, text[m.start() - 5:q.end], value / 2, q.unit, per=q.per,
                         qualifier=q.qualifier)
        yield q


def _fraction(text: str):  # type: ignore[no-untyped-def]
    """'a third of Laos's exports' as 33.3 %: the fraction words only, not 'of'."""
    for m in FRACTION.finditer(text):
        if _NOT_A_SHARE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # 'the first half of', 'the other half of'
        end = m.start("frac") + len(m.group("frac"))
        q = _make(m, text, FRACTIONS[m.group("frac").lower()], "%", end=end)
        yield Quantity(q.start, q.end, q.text, q.value, "%", qualifier=q.qualifier)


def _percent(text: str):  # type: ignore[no-untyped-def]
    for m in PERCENT.finditer(text):
        value = _number(m.group("num"))
        q = _make(m, text, value, "%")
        direction = _direction(text, m.start(), m.end())
        yield Quantity(q.start, q.end, q.text, value, "%", qualifier=q.qualifier, direction=direction)


def _direction(text: str, start: int, end: int | None = None) -> str | None:
    """up / down of a percentage: a noun of change right after it ("a 12% increase"), else the nearest verb of
    change before it in the same clause ("fell by 2.4%", "up 31.9%", "cut its forecast by 0.3%"), else a noun
    of change before it ("growth of 5%")."""
    if end is not None:
        after = re.match(r"\s*(?:[a-z]+-on-[a-z]+\s+)?([a-z]+)", text[end:end + 30].lower())
        if after:
            if after.group(1) in DOWN_NOUNS:
                return "down"
            if after.group(1) in UP_NOUNS:
                return "up"
    clause = re.split(r"[;:()\[\]]|,\s", text[max(0, start - 60):start].lower())[-1]
    words = re.findall(r"[a-z]+", clause)[-6:]
    for word in reversed(words):
        if word in DOWN_WORDS:
            return "down"
        if word in UP_WORDS:
            return "up"
    for word in reversed(words):
        if word in DOWN_NOUNS:
            return "down"
        if word in UP_NOUNS:
            return "up"
    return None


def _measure(text: str):  # type: ignore[no-untyped-def]
    for m in MEASURE.finditer(text):
        value = _scaled(m)
        if value is None:
            continue
        unit = UNITS[m.group("unit").lower()]
        end = m.end("unit")
        if m.group("per"):
            end = m.end("per")
        yield _make(m, text, value, unit, end=end)


def signed_change(q: Quantity) -> float | None:
    """A percentage change as a signed number: 'fell by 2.4%' -> -2.4; None when not a change."""
    if q.unit != "%" or q.direction is None:
        return None
    return -q.value if q.direction == "down" else q.value
