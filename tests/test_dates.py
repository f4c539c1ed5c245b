

def test_holidays_of_a_fixed_day_take_the_year_before_publication() -> None:
    import datetime as dt

    from diplograph.nlp.dates import find_dates
    def value(text: str, published: str) -> list[str]:
        return [d.value for d in find_dates(text, dt.date.fromisoformat(published))]
    assert value("handed over on New Year's Day", "2025-01-04") == ["2025-01-01"]
    assert value("talks on Christmas Eve", "2025-01-04") == ["2024-12-24"]
    assert value("a strike on Christmas Day", "2025-12-28") == ["2025-12-25"]
    assert value("fireworks on New Year’s Eve", "2025-01-02") == ["2024-12-31"]
