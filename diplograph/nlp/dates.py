"""Time expressions found by rule and normalised against the publication date.

Values are YYYY, YYYY-MM, YYYY-MM-DD or START/END (each end as precise as the expression); granularity is day,
week, month, quarter, season, half, year, decade or range. Relative expressions ("last week", "on Tuesday",
"in May") need the publication date; without it they are left unresolved rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from diplograph.model import DateRef

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "a": 1, "an": 1, "several": 3, "few": 3}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
PART_OF = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
           "late": (9, 12), "end": (10, 12)}
PART_OF_MONTH = {"early": (1, 10), "beginning": (1, 7), "start": (1, 7), "mid": (11, 20), "middle": (11, 20),
                 "late": (21, 31), "end": (24, 31)}

# Full names first; the full stop belongs to an abbreviation only ("Sept. 11", but "on 2 January." ends a sentence).
_MONTH = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)" \
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?:(?P<part>early|mid|late)[- ]|(?:the\s+)?(?P<partof>beginning|start|middle|end)\s+of\s+)"
_YEAR_REF = r"(?:" + _YEAR + r"|(?P<yearref>this|last|next|the\s+same)\s+year)"
# Two months of a span ('between January and March', 'January-March 2016'), the year, if any, after the second
_M1 = _MONTH.replace("?P<month>", "?P<m1>")
_M2 = _MONTH.replace("?P<month>", "?P<m2>") + r"(?:,?\s+" + _YEAR + r")?\b"
# Words after which a four-digit number is a resolution, flight or model number, not a year.
NOT_YEAR_BEFORE = frozenset({"resolution", "resolutions", "no", "no.", "number", "flight", "route", "article",
                             "chapter", "room", "highway", "model", "boeing", "airbus", "code", "decree", "order",
                             "bill", "law", "rule", "act", "section", "paragraph", "item", "page", "pages"})
# Written in a later sentence, "a year earlier" is counted from the last date named before it.

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range_years", re.compile(r"\b(?i:from|between)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|and|until|till)\s+"
                               r"(?P<y2>(?:19|20)\d\d)\b")),
    ("range_dash", re.compile(r"\b(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)?\d\d)|/(?P<split>\d\d))\b"
                              r"(?!\s*(?:%|km|t\b))")),
    ("range_months", re.compile(r"\b(?i:from|between)\s+" + _M1 + r"\s+(?i:to|and|until|till|through)\s+" + _M2)),
    ("range_months_dash", re.compile(r"\b" + _M1 + r"(?:\s*[-–]\s*|\s+(?i:to|through)\s+)" + _M2)),
    ("year_to", re.compile(r"\b(?:(?i:fiscal|financial|budget|marketing|crop)\s+)?(?i:year|12\s+months|twelve\s+months)"
                           r"\s+(?i:to|ending|ended|through|until|(?:that\s+)?(?:ended|ends|ending)\s+in)\s+" + _MONTH +
                           r"(?:\s+" + _DAY + r")?(?:,?\s+" + _YEAR + r")?\b")),
    ("since", re.compile(r"\bsince\s+(?:" + _MONTH + r"\s+)?" + _YEAR + r"\b")),
    ("day_month_year", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("month_day_year", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")),
    ("day_month", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?![\w-])")),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![,.]?\d)(?!\s*(?:%|percent))")),
    ("part_month_year", re.compile(r"\b" + _PART + _MONTH + r"(?:,?\s+" + _YEAR_REF + r")?\b")),
    ("part_year", re.compile(r"\b" + _PART + r"(?:" + _YEAR + r"|(?P<yearref>this|last|next|the)\s+year)\b")),
    # 'at the start of the month', 'by the end of last month': a part of the month of publication (or one beside it)
    ("part_rel_month", re.compile(r"\b(?:the\s+)?(?P<partof>beginning|start|middle|end)\s+of\s+"
                                  r"(?P<rel>the|this|last|next)\s+month\b", re.I)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                           r"(?:\s+of\s+(?:" + _YEAR + r"|(?P<yearref>this|last|next)\s+year))?\b", re.I)),
    ("q_year", re.compile(r"\bQ(?P<q>[1-4])\s+" + _YEAR + r"\b")),
    ("first_months", re.compile(r"\b(?:the\s+)?first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|"
                                r"[2-9]|1[01])\s+months\s+of\s+(?:" + _YEAR + r"|(?P<yearref>this|last|the)\s+year)\b",
                                re.I)),
    ("half", re.compile(r"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:" + _YEAR +
                        r"|(?P<yearref>this|last|next|the)\s+year)\b", re.I)),
    ("season", re.compile(r"\b(?:(?P<rel>this|last|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                          r"(?:\s+(?:of\s+)?" + _YEAR + r")?\b")),
    ("month_year", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    ("month_yearref", re.compile(r"\b(?i:in\s+)?" + _MONTH + r"\s+(?:of\s+)?(?P<yearref>this|last|next)\s+year\b")),
    ("weekend", re.compile(r"\b(?:(?P<rel>(?i:last|this|next))|(?i:over|at|during|on)\s+the)\s+weekend\b")),
    ("rel_month", re.compile(r"\b(?P<rel>(?i:last|next|this))\s+" + _MONTH + r"\b")),  # 'Last June, ...'
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[- ])?(?P<decade>(?:19|20)\d0)s\b")),
    ("past_period", re.compile(r"\b(?:the\s+(?:past|last|previous)|past|previous)\s+(?:(?P<n>\w+)\s+)?"
                               r"(?P<unit>years?|months?|weeks?|days?|decades?)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\w+)\s+(?P<unit>decades?|years?|months?|weeks?|days?)\s+ago\b", re.I)),
    # 'earlier this week', and 'earlier in the week' (this one)
    ("relative", re.compile(r"\b(?:(?P<side>earlier|later)\s+)?(?:(?P<rel>last|this|next)|(?<=earlier )in\s+the|"
                            r"(?<=later )in\s+the)\s+(?P<unit>week|month|year)\b", re.I)),
    ("recent", re.compile(r"\b(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<unit>days|weeks|months)\b",
                          re.I)),  # not 'in the coming days': what is announced for then is dated to the announcement
    ("earlier", re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                             r"(?P<unit>years?|months?|weeks?|days?)\s+(?P<dir>earlier|later|previously|before(?=\s*(?:[.,;:)]|$|and\b)))\b",
                             re.I)),
    # ('the same day' is left alone: it points back to the story's main day as often as to the last one named)
    ("sequel", re.compile(r"\b(?i:the)\s+(?:(?P<dir>following|next|previous)\s+(?P<unit>day|night|morning|evening)|"
                          r"(?P<ydir>following)\s+(?P<yunit>year|month)|"
                          # 'deported ... the day before.', not 'the day before the vote' (another day's eve)
                          r"(?:day|night)\s+(?P<bdir>before|after)(?=\s*(?:[.,;:)]|$|and\b)))\b")),
    # 'Later that month', 'the same year', 'Days later': counted from the date named before (as 'sequel')
    ("anaphor", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<unit>month|year)\b|"
                           r"\b(?P<days>(?:a\s+few|several)\s+days|(?<![\w-] )days)\s+later\b", re.I)),
    # 'arrived earlier in the day', 'received them later in the day': the day the story last named
    ("sameday", re.compile(r"\b(?:earlier|later)\s+in\s+the\s+day\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    # holidays of a fixed day ('handed over the crossing on New Year's Day'), with the year of a day written alone
    ("holiday", re.compile(r"\b(?P<holiday>New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day)\b",
                           re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>(?i:last|next|this))\s+|(?i:on)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|"
                           r"Thursday|Friday|Saturday|Sunday)\b")),
    # 'his February visit', 'the March elections': a month told as the time of the noun after it
    ("month_attr", re.compile(r"\b(?i:his|her|its|their|the)\s+" + _MONTH + r"(?=\s+[a-z])(?!\s+\d)")),
    ("month", re.compile(r"\b(?i:in|since|until|by|during|of|early|late|mid-?)\s+" + _MONTH + r"\b(?!\s+\d)")),
    # not a name's year ('Vostok-2018', 'COP-28' style names of exercises and conferences)
    ("year", re.compile(r"(?<![\$\d.,])(?<![A-Za-z]-)\b" + _YEAR
                        + r"\b(?![.,]?\d)(?!\s*(?:%|km|tons|tonnes|people|troops))")),
]


# Every pattern needs a digit, a month, a day name or one of these words; a sentence without them has no date.
_MAY_HOLD_DATE = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|quarter|"
                            r"half|spring|summer|autumn|fall|winter|decade|ago|tonight|tomorrow|night|morning|"
                            r"evening|christmas", re.I)


_MONTH_CUE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def _cues(text: str) -> tuple[str, bool, bool]:
    """(lowercased text, has a digit, names a month): what decides which patterns can match at all."""
    return text.lower(), any(c.isdigit() for c in text), _MONTH_CUE.search(text) is not None


def _always(cues: tuple[str, bool, bool]) -> bool:
    return True


def _words(*words: str, digit: bool = False):  # type: ignore[no-untyped-def]
    def gate(cues: tuple[str, bool, bool]) -> bool:
        low, has_digit, _ = cues
        return (has_digit or not digit) and any(w in low for w in words)
    return gate


# A cheap test per pattern, so that a sentence only pays for the patterns that could match it.
GATES = {
    "range_years": _words("from", "between", digit=True), "range_dash": _words("-", "–", "/", digit=True),
    "range_months": _words("from", "between"), "range_months_dash": lambda c: c[2],
    "year_to": _words("year", "months"),
    "since": _words("since"), "day_month_year": lambda c: c[1] and c[2], "month_day_year": lambda c: c[1] and c[2],
    "day_month": lambda c: c[1] and c[2], "month_day": lambda c: c[1] and c[2], "part_month_year": lambda c: c[2],
    "part_year": _words("early", "mid", "late", "beginning", "start", "middle", "end"),
    "quarter": _words("quarter"), "q_year": _words("q", digit=True), "half": _words("half"),
    "first_months": _words("months"),
    "season": _words("spring", "summer", "autumn", "fall", "winter"), "month_year": lambda c: c[1] and c[2],
    "month_yearref": lambda c: c[2], "weekend": _words("weekend"),
    "rel_month": lambda c: c[2], "decade": _words("0s", digit=True), "past_period": _words("past", "last", "previous"),
    "ago": _words("ago"), "relative": _words("last", "this", "next", "earlier", "later"), "recent": _words("recent"),
    "earlier": _words("earlier", "before", "later"),
    "sequel": _words("following", "next", "previous", "day before", "day after", "night before", "night after"),
    "anaphor": _words("that month", "that year", "same month", "same year", "days later"),
    "deictic": _words("yesterday", "today", "tomorrow", "tonight"), "weekday": _words("day"),
    "holiday": _words("new year", "christmas", "boxing day"),
    "month": lambda c: c[2], "month_attr": lambda c: c[2], "year": lambda c: c[1],
    "part_rel_month": _words("of the month", "of this month", "of last month", "of next month"),
    "sameday": _words("in the day"),
}


# Patterns whose date is counted from another ('a year earlier', 'the previous day'): resolved after the others,
# from the closest date before them; their DateRef's reason starts with the pattern's name
RELATIVE_PATTERNS = ("earlier", "sequel", "anaphor", "sameday")


def counted_from_another(date: DateRef) -> bool:
    """Whether `date` was counted from another date ('the previous day', 'two days later')."""
    return date.reason.startswith(RELATIVE_PATTERNS)


def find_dates(text: str, published: dt.date | None, *, future: bool = False,
               anchor: DateRef | None = None) -> list[DateRef]:
    """Every time expression of `text`, longest first when they overlap, in text order.

    `anchor` is the last date named before `text` (in an earlier sentence): "a year earlier" counts from the
    closest date before it in `text`, else from the anchor.
    """
    if not _MAY_HOLD_DATE.search(text):  # most sentences name no time: skip the 25 patterns
        return []
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    deferred: list[tuple[str, re.Match[str]]] = []
    cues = _cues(text)
    for name, pattern in PATTERNS:
        if not GATES.get(name, _always)(cues):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name in RELATIVE_PATTERNS:
                deferred.append((name, m))
                taken.append((m.start(), m.end()))
                continue
            if name == "year" and not _plausible_year(text, m, published):
                continue
            value = _normalise(name, m, published, future=future)
            if value is None:
                continue
            found.append(DateRef(m.start(), m.end(), m.group(0), value[0], value[1], "rule", name))
            taken.append((m.start(), m.end()))
    for name, m in deferred:
        before = [d for d in found if d.end <= m.start()]
        base = max(before, key=lambda d: d.end) if before else anchor
        if base is None and name == "sequel" and published is not None and _counts_back(m):
            # 'the previous day' in a story that names no day before it: the day before the story's
            base = DateRef(0, 0, "the publication day", published.isoformat(), "day", "published", "published")
        count = {"sequel": _day_after, "anaphor": _same_period, "sameday": _the_same_day}.get(name, _relative_to)
        shifted = count(base, m) if base is not None else None
        if shifted is not None:
            granularity = _granularity_of(shifted, None if name == "anaphor" else base)  # its own unit
            found.append(DateRef(m.start(), m.end(), m.group(0), shifted, granularity, "rule",
                                 f"{name}: from '{base.text}'" if base else name))
    found.sort(key=lambda d: d.start)
    return _weekdays_with_their_date(text, found)


def _weekdays_with_their_date(text: str, found: list[DateRef]) -> list[DateRef]:
    """'on Wednesday, 22 March', 'Tuesday, March 21': a weekday followed by the day it falls on is that day (read
    alone, a weekday is the last one before publication, which a date told a day after it is not)."""
    out: list[DateRef] = []
    for n, d in enumerate(found):
        after = found[n + 1] if n + 1 < len(found) else None
        if d.reason == "weekday" and after is not None and after.granularity == "day" \
                and text[d.end:after.start].strip() in (",", ""):
            continue  # the date after it speaks for both
        out.append(d)
    return out


def _plausible_year(text: str, m: re.Match[str], published: dt.date | None) -> bool:
    """A four-digit number is a year unless a resolution/flight number or implausibly far in the future."""
    words = text[max(0, m.start() - 20):m.start()].split()
    if words and words[-1].lower() in NOT_YEAR_BEFORE:
        return False
    horizon = (published.year if published else dt.date.today().year) + 60
    return int(m.group("year")) <= horizon


def _day_after(base: DateRef, m: re.Match[str]) -> str | None:
    """'the following day', 'the next morning', 'the previous day', counted from a day; 'the following year' (or
    month) counted from the year (or month) of the date named before."""
    if m.group("yunit"):
        first = base.value.split("/")[0]
        unit = m.group("yunit").lower()
        if unit == "year":
            return _move(first[:4], "year", 1)
        return _move(first[:7], "month", 1) if len(first) >= 7 else None
    shift = {"following": 1, "next": 1, "previous": -1, "after": 1, "before": -1}[(m.group("dir") or
                                                                                   m.group("bdir")).lower()]
    return _move(base.value, "day", shift) if "/" not in base.value else None


def _the_same_day(base: DateRef, m: re.Match[str]) -> str | None:
    """'earlier in the day': the day named before (none when it named no single day)."""
    return base.value if len(base.value) == 10 and "/" not in base.value else None


def _counts_back(m: re.Match[str]) -> bool:
    """'the previous day', 'the day before': a sequel pattern that counts back."""
    return (m.group("dir") or "").lower() == "previous" or (m.group("bdir") or "").lower() == "before"


def _same_period(base: DateRef, m: re.Match[str]) -> str | None:
    """'later that month' (or year): the month (or year) of the date named before; 'days later': the two weeks
    after its day, or its month when only the month was named."""
    first = base.value.split("/")[0]
    if m.group("days"):
        if len(first) == 10 and "/" not in base.value:
            return f"{_move(first, 'day', 1)}/{_move(first, 'day', 14)}"
        return first[:7] if len(first) >= 7 else None
    if m.group("unit").lower() == "year":
        return first[:4]
    return first[:7] if len(first) >= 7 else None


def _relative_to(base: DateRef, m: re.Match[str]) -> str | None:
    """'a year earlier' than `base`: each end of its value moved by the span, keeping its precision."""
    n = _count(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    sign = 1 if m.group("dir").lower() == "later" else -1
    parts = [_move(v, unit, sign * n) for v in base.value.split("/")]
    if any(p is None for p in parts):
        return None
    return "/".join(p for p in parts if p)


def _move(value: str, unit: str, n: int) -> str | None:
    parts = [int(p) for p in value.split("-")]
    if unit == "year":
        parts[0] += n
        if len(parts) == 3:
            parts[2] = min(parts[2], calendar.monthrange(parts[0], parts[1])[1])
        return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))
    if unit == "month" and len(parts) >= 2:
        y, mo = divmod(parts[0] * 12 + parts[1] - 1 + n, 12)
        if len(parts) == 2:
            return f"{y:04d}-{mo + 1:02d}"
        return _safe_day(y, mo + 1, parts[2]).isoformat()
    if unit in ("week", "day") and len(parts) == 3:
        days = n * (7 if unit == "week" else 1)
        return (dt.date(*parts) + dt.timedelta(days=days)).isoformat()
    return None


def _granularity_of(value: str, base: DateRef | None) -> str:
    if base is not None and base.granularity not in ("range",) and "/" not in value:
        return base.granularity
    if "/" in value:
        return base.granularity if base is not None else "range"
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


def _normalise(name: str, m: re.Match[str], pub: dt.date | None, *, future: bool) -> tuple[str, str] | None:
    return _HANDLERS[name](m, pub, future)


def _year_of(m: re.Match[str], pub: dt.date | None) -> int | None:
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    ref = (groups.get("yearref") or "").lower()
    if pub is None:
        return None
    return {"last": pub.year - 1, "next": pub.year + 1}.get(ref.split()[0] if ref else "", pub.year)


def _month_of(m: re.Match[str]) -> int:
    return MONTHS[m.group("month").lower().rstrip(".")]


def _nearest_year(month: int, day: int, pub: dt.date | None, future: bool) -> int | None:
    """The year of a month (and day) written without one: the next one for future statements, else the last."""
    if pub is None:
        return None
    candidate = _safe_day(pub.year, month, day)
    if future:
        return pub.year if candidate >= pub - dt.timedelta(days=1) else pub.year + 1
    if candidate <= pub + dt.timedelta(days=31):
        return pub.year
    return pub.year - 1


def _closest_year(month: int, day: int, pub: dt.date | None) -> int | None:
    """A day written without its year is the one closest to the publication date."""
    if pub is None:
        return None
    best = min((pub.year - 1, pub.year, pub.year + 1),
               key=lambda y: abs((_safe_day(y, month, day) - pub).days))
    return best


def _safe_day(y: int, mo: int, d: int) -> dt.date:
    """The day, or the month's last day when it has fewer ('31 February' of a year -> the 28th or 29th)."""
    return dt.date(y, mo, min(d, calendar.monthrange(y, mo)[1]))


def _day(y: int, mo: int, d: int) -> str | None:
    if not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _span(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _month_range(y: int, m1: int, y2: int, m2: int) -> str:
    if (y, m1) == (y2, m2):
        return f"{y:04d}-{m1:02d}"
    return f"{y:04d}-{m1:02d}/{y2:04d}-{m2:02d}"


def _h_range_years(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'between 2016 and 2019', '2016-2019': the years; '2016-17', '2019/20' (a fiscal or financial year, as trade
    and aid figures are told in India, Britain, Japan, Pakistan or Australia): the twelve months from April, which
    overlap every such year by at least six months (July to June, October to September)."""
    y1 = int(m.group("y1"))
    split = m.groupdict().get("split")  # '2019/20' (range_dash only)
    raw = m.group("y2") or split
    if raw is None:
        return None
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if len(raw) == 2 and y2 == y1 + 1:
        return f"{y1}-04/{y2}-03", "range"
    if split:
        return None  # '2019/21' is no year of accounts
    return (f"{y1}/{y2}", "range") if y1 < y2 else None


def _h_range_months(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'between January and March', 'from May to July 2023', 'January-March': the months from one to the other,
    of the year given, else of the last such span (the next for future statements)."""
    m1, m2 = (MONTHS[m.group(g).lower().rstrip(".")] for g in ("m1", "m2"))
    if m.group("year"):
        y2 = int(m.group("year"))
    else:
        found = _nearest_year(m2, 1, pub, future)
        if found is None:
            return None
        y2 = found
    y1 = y2 if m1 <= m2 else y2 - 1
    return _month_range(y1, m1, y2, m2), "range"


def _h_year_to(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'in the year to September', 'the fiscal year that ended in March': the twelve months up to that month."""
    end_month = _month_of(m)
    end_year = int(m.group("year")) if m.group("year") else _nearest_year(end_month, 1, pub, future)
    if end_year is None:
        return None
    start_year, start_month = (end_year, 1) if end_month == 12 else (end_year - 1, end_month + 1)
    return _month_range(start_year, start_month, end_year, end_month), "range"


def _h_since(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    y = int(m.group("year"))
    start = f"{y:04d}-{_month_of(m):02d}" if m.group("month") else f"{y:04d}"
    end = pub.isoformat() if pub else None  # up to the day told: a figure 'since 2012' counts to publication
    return (f"{start}/{end}", "range") if end and end[:4] >= start[:4] else (start, "year")


def _h_full(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    value = _day(int(m.group("year")), _month_of(m), int(m.group("day")))
    return (value, "day") if value else None


PAST_DAY_AHEAD = dt.timedelta(days=14)  # a past statement's day-month is at most this far after publication


def _h_day_month(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    month, day = _month_of(m), int(m.group("day"))
    year = _closest_year(month, day, pub)
    if year is None or not 1 <= day <= 31:
        return None
    if pub is not None and not future and _safe_day(year, month, day) > pub + PAST_DAY_AHEAD:
        year -= 1  # 'withdrew on 3 March' in a story of 12 January: last March, not the coming one
    value = _day(year, month, day)
    return (value, "day") if value else None


def _h_part_month(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    month = _month_of(m)
    year = _year_of(m, pub) if (m.group("year") or m.group("yearref")) else _nearest_year(month, 1, pub, future)
    if year is None:
        return None
    return _part_of_month(year, month, m.group("part") or m.group("partof")), "month"


def _part_of_month(year: int, month: int, part: str) -> str:
    """'early', 'the end of' ... a month: its days (PART_OF_MONTH), cut at its last."""
    lo, hi = PART_OF_MONTH[part.lower()]
    last = calendar.monthrange(year, month)[1]
    return _span(dt.date(year, month, lo), dt.date(year, month, min(hi, last)))


def _h_part_rel_month(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if pub is None:
        return None
    shift = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
    return _part_of_month(y, mo + 1, m.group("partof")), "month"


def _h_month_attr(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    return _nearest_month(_month_of(m), pub, future)  # 'the May elections': no modal 'may' before a noun


def _h_part_year(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    year = _year_of(m, pub)
    if year is None:
        return None
    lo, hi = PART_OF[(m.group("part") or m.group("partof")).lower()]
    return _month_range(year, lo, year, hi), "range"


def _h_quarter(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    q = ORDINALS.get(m.group("ord").lower()) if "ord" in m.groupdict() and m.group("ord") else int(m.group("q"))
    year = _year_of(m, pub)
    if year is None or q is None:
        return None
    return _month_range(year, 3 * q - 2, year, 3 * q), "quarter"


def _h_half(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    year = _year_of(m, pub)
    if year is None:
        return None
    first = m.group("ord").lower() == "first"
    return _month_range(year, 1 if first else 7, year, 6 if first else 12), "half"


def _h_first_months(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'the first ten months of the year': January to the tenth month (of the year before when 'the year' would
    end after the publication date, as in a January report on the first eleven months)."""
    word = m.group("n").lower()
    n = {"eleven": 11}.get(word) or NUMBER_WORDS.get(word) or int(word)
    year = _year_of(m, pub)
    if year is None:
        return None
    if pub is not None and not m.group("year") and (m.group("yearref") or "").lower() in ("this", "the") \
            and (year, n) > (pub.year, pub.month):
        year -= 1
    return _month_range(year, 1, year, n), "range"


def _h_season(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    lo, hi = SEASONS[m.group("season").lower()]
    if m.group("year"):
        year = int(m.group("year"))
    elif pub is not None and m.group("rel"):
        year = pub.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    elif pub is not None and re.search(r"\bthe\s+$", m.string[:m.start()], re.I) \
            and not re.match(r"\s+of\b", m.string[m.end():]):
        year = _season_year(lo, hi, pub, future)  # 'will travel to Pyongyang in the autumn'; not 'the fall of Kabul'
    else:
        return None
    return _month_range(year, lo, year + (1 if hi < lo else 0), hi), "season"


def _season_year(lo: int, hi: int, pub: dt.date, future: bool) -> int:
    """The year 'the autumn' starts in, told on `pub`: the season under way, else the next one in a sentence about
    the future and the last one otherwise (winter starts in December and ends in the next year)."""
    months = [(lo + i - 1) % 12 + 1 for i in range((hi - lo) % 12 + 1)]
    if pub.month in months:
        return pub.year - (1 if lo > hi and pub.month <= hi else 0)
    if future:
        return pub.year if lo > pub.month else pub.year + 1
    return pub.year if lo < pub.month else pub.year - 1


def _h_month_year(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    return f"{int(m.group('year')):04d}-{_month_of(m):02d}", "month"


def _h_rel_month(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if pub is None:
        return None
    month, rel = _month_of(m), m.group("rel").lower()
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year
    return f"{year:04d}-{month:02d}", "month"


def _h_decade(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    start = int(m.group("decade"))
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((m.group("part") or "").lower(), (0, 9))
    return f"{start + lo}/{start + hi}", "decade"


def _count(word: str | None) -> int | None:
    if not word:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _shift(pub: dt.date, unit: str, n: int) -> dt.date:
    unit = unit.rstrip("s")
    if unit == "day":
        return pub - dt.timedelta(days=n)
    if unit == "week":
        return pub - dt.timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, mo = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    return _safe_day(y, mo + 1, pub.day)


def _h_past_period(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if m.group("n") is None and m.group("unit").lower() == "day":
        return None  # 'the previous day' is the day before the one named last (the 'sequel' pattern), no period
    n = _count(m.group("n"))
    if pub is None or n is None:
        return None
    return _span(_shift(pub, m.group("unit").lower(), n), pub), "range"


def _h_ago(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    n = _count(m.group("n"))
    if pub is None or n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    then = _shift(pub, unit, n)
    if unit == "day":
        return then.isoformat(), "day"
    if unit == "week":
        monday = then - dt.timedelta(days=then.weekday())
        return _span(monday, monday + dt.timedelta(days=6)), "week"
    if unit == "month":
        return then.isoformat()[:7], "month"
    return str(then.year), "year"


def _h_relative(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if pub is None:
        return None
    offset = {"last": -1, "this": 0, "next": 1}[(m.group("rel") or "this").lower()]
    unit = m.group("unit").lower()
    side = (m.group("side") or "").lower()
    if side and offset == 0 and unit in ("year", "month"):
        # 'earlier this year' runs from its start to publication, 'later this month' from publication to its end
        first = dt.date(pub.year, 1 if unit == "year" else pub.month, 1)
        last = dt.date(pub.year, 12, 31) if unit == "year" else _safe_day(pub.year, pub.month, 31)
        return (_span(first, pub) if side == "earlier" else _span(pub, last)), "range"
    if unit == "year":
        return str(pub.year + offset), "year"
    if unit == "month":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + offset, 12)
        return f"{y:04d}-{mo + 1:02d}", "month"
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
    if side and offset == 0:  # 'earlier this week': from Monday up to publication; 'later this week' from it
        return (_span(monday, pub) if side == "earlier" else _span(pub, monday + dt.timedelta(days=6))), "range"
    return _span(monday, monday + dt.timedelta(days=6)), "week"


RECENT_DAYS = {"days": 7, "weeks": 30, "months": 120}


def _h_recent(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'in recent days' (the week before publication), 'over recent months' (the four months before)."""
    if pub is None:
        return None
    return _span(pub - dt.timedelta(days=RECENT_DAYS[m.group("unit").lower()]), pub), "range"


def _h_earlier(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    return None  # "a year earlier" is relative to another date, resolved by the caller from context


def _h_deictic(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if pub is None:
        return None
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group("word").lower()]
    return (pub + dt.timedelta(days=offset)).isoformat(), "day"


def _h_weekday(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    if pub is None:
        return None
    target = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").lower()
    if rel == "next" or (future and rel != "last"):
        delta = (target - pub.weekday()) % 7 or (7 if rel == "next" else 0)
        return (pub + dt.timedelta(days=delta)).isoformat(), "day"
    delta = (pub.weekday() - target) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return (pub - dt.timedelta(days=delta)).isoformat(), "day"


def _h_month_yearref(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'in October last year', 'March of this year'."""
    year = _year_of(m, pub)
    return (f"{year:04d}-{_month_of(m):02d}", "month") if year else None


def _h_weekend(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    """'over the weekend', 'last weekend': the Saturday and Sunday up to publication; 'next weekend' (or 'this
    weekend' in a future statement) the coming one."""
    if pub is None:
        return None
    rel = (m.group("rel") or "").lower()
    saturday = last_saturday(pub)
    if rel == "next" or (future and rel == "this" and pub.weekday() < 5):
        saturday += dt.timedelta(days=7)
    elif rel == "last" and pub.weekday() >= 5:
        saturday -= dt.timedelta(days=7)  # 'last weekend' said on a Sunday: the one before
    return weekend_value(saturday, pub), "range"


def last_saturday(pub: dt.date) -> dt.date:
    """The Saturday on or before `pub`."""
    return pub - dt.timedelta(days=(pub.weekday() - 5) % 7)


def weekend_value(saturday: dt.date, pub: dt.date) -> str:
    """The weekend that starts on `saturday`, cut at publication if it falls on the Saturday."""
    sunday = saturday + dt.timedelta(days=1)
    end = sunday if saturday > pub or sunday <= pub else pub
    return _span(saturday, end) if end != saturday else saturday.isoformat()


def _h_month(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    month = _month_of(m)
    if month == 5 and m.group("month") == "May" and m.group(0).split()[0].lower() not in {"in", "since", "until",
                                                                                          "by", "during", "of"}:
        return None
    return _nearest_month(month, pub, future)


def _nearest_month(month: int, pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    year = _nearest_year(month, 1, pub, future)
    return (f"{year:04d}-{month:02d}", "month") if year else None


HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
            "christmas eve": (12, 24), "boxing day": (12, 26)}


def _h_holiday(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower().replace("’", "'"))
    month, day = HOLIDAYS[name]
    year = _nearest_year(month, day, pub, future)
    if pub is None or year is None:
        return None
    if not future and _safe_day(year, month, day) > pub:
        year -= 1  # 'on New Year's Day' in a story of 4 January is this one; of 20 December, the last
    value = _day(year, month, day)
    return (value, "day") if value else None


def _h_year(m: re.Match[str], pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    return m.group("year"), "year"


_HANDLERS = {
    "range_years": _h_range_years, "range_dash": _h_range_years, "range_months": _h_range_months,
    "range_months_dash": _h_range_months, "year_to": _h_year_to, "since": _h_since,
    "day_month_year": _h_full, "month_day_year": _h_full, "day_month": _h_day_month, "month_day": _h_day_month,
    "part_month_year": _h_part_month, "part_year": _h_part_year, "quarter": _h_quarter, "q_year": _h_quarter,
    "half": _h_half, "first_months": _h_first_months, "season": _h_season, "month_year": _h_month_year,
    "rel_month": _h_rel_month,
    "month_yearref": _h_month_yearref, "weekend": _h_weekend,
    "decade": _h_decade, "past_period": _h_past_period, "ago": _h_ago, "relative": _h_relative, "recent": _h_recent,
    "earlier": _h_earlier, "deictic": _h_deictic, "weekday": _h_weekday, "month": _h_month, "year": _h_year,
    "month_attr": _h_month_attr, "part_rel_month": _h_part_rel_month,
    "holiday": _h_holiday,
}


def parse_iso(value: str | None) -> dt.date | None:
    """YYYY-MM-DD (or a longer ISO timestamp) -> date; None when absent or invalid."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def iter_bounds(value: str) -> Iterator[dt.date]:
    """First and last day of a normalised value (YYYY, YYYY-MM, YYYY-MM-DD or START/END)."""
    first, _, last = value.partition("/")
    yield _bound(first, start=True)
    yield _bound(last or first, start=False)


def _bound(value: str, *, start: bool) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        y, mo = parts
        return dt.date(y, mo, 1 if start else calendar.monthrange(y, mo)[1])
    return dt.date(parts[0], 1, 1) if start else dt.date(parts[0], 12, 31)
