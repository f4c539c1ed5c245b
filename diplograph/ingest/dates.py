"""Publication dates: every reader stores them as YYYY-MM-DD, whatever the source wrote."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

DATE_FORMATS = "YYYY-MM-DD, an ISO 8601 date-time or an RFC 2822 date"


def normalise_date(value: str) -> str | None:
    """The day of an ISO or RFC 2822 date as YYYY-MM-DD, or None when `value` is not one.

    The day is taken in the time zone the source wrote (not converted to UTC): that is the date its readers saw.
    """
    text = value.strip()
    day = _iso_day(text) or _rfc2822_day(text)
    return day.isoformat() if day else None


def _iso_day(text: str) -> date | None:
    """ISO 8601 dates and date-times (feeds, HTML meta tags and JSONL mostly write these)."""
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc2822_day(text: str) -> date | None:
    """RFC 2822 dates, as RSS writes them: 'Thu, 30 Apr 2015 10:00:00 +0000'."""
    try:
        return parsedate_to_datetime(text).date()
    except (ValueError, TypeError, IndexError):
        return None
