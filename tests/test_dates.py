import datetime as dt

from diplograph.nlp.dates import find_dates


def value(text: str, published: str) -> list[str]:
    """The value of every date found in `text`, read against the publication day."""
    return [d.value for d in find_dates(text, dt.date.fromisoformat(published))]


def test_holidays_of_a_fixed_day_take_the_year_before_publication() -> None:
    assert value("handed over on New Year's Day", "2025-01-04") == ["2025-01-01"]
    assert value("talks on Christmas Eve", "2025-01-04") == ["2024-12-24"]
    assert value("a strike on Christmas Day", "2025-12-28") == ["2025-12-25"]
    assert value("fireworks on New Year’s Eve", "2025-01-02") == ["2024-12-31"]


def test_a_month_told_of_a_noun_a_part_of_this_month_and_earlier_in_the_day() -> None:
    # regression: 'during his February visit', 'at the start of the month' and 'earlier in the day' were read as no
    # date (the acts got the week before publication, or none)
    assert value("Sanchez pledged during his February visit to expand it.", "2024-03-08") == ["2024-02"]
    assert value("He made a trip to Kyiv at the start of the month.", "2024-05-16") == ["2024-05-01/2024-05-07"]
    assert value("by the end of last month", "2024-05-16") == ["2024-04-24/2024-04-30"]
    assert value("The pact was signed on Wednesday. Sharif had arrived earlier in the day.", "2025-09-18") == [
        "2025-09-17", "2025-09-17"]
    assert value("Sharif had arrived earlier in the day.", "2025-09-18") == []  # no day named before
    assert value("in the March 1 elections", "2024-05-16") == ["2024-03-01"]  # a day, not a month
