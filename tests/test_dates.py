"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.nlp.dates import ResolvedDate, resolve_date, resolve_date_within

MONDAY = dt.date(2025, 6, 16)  # a Monday
FRIDAY = dt.date(2025, 6, 20)
SUNDAY = dt.date(2026, 3, 15)


def _value(expression: str, published: dt.date | None) -> tuple[str | None, str | None, bool]:
    found = resolve_date(expression, published)
    assert found is not None, expression
    return found.value, found.precision, found.relative


# --- absolute dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("April 12, 2019", "2019-04-12", "day"),
        ("12 April 2019", "2019-04-12", "day"),
        ("12th of April, 2019", "2019-04-12", "day"),
        ("Apr. 12 2019", "2019-04-12", "day"),
        ("Friday, April 12, 2019", "2019-04-12", "day"),
        ("on April 12, 2019 at 9 a.m.", "2019-04-12", "day"),
        ("2019-04-12", "2019-04-12", "day"),
        ("2019/04/12", "2019-04-12", "day"),
        ("12/04/2019", "2019", "year"),  # April 12 or December 4: only the year is certain
        ("25/04/2019", "2019-04-25", "day"),
        ("04/25/2019", "2019-04-25", "day"),
        ("25.04.2019", "2019-04-25", "day"),
        ("Christmas 2019", "2019-12-25", "day"),
        ("November 2019", "2019-11", "month"),
        ("in Nov. 2019", "2019-11", "month"),
        ("early November 2019", "2019-11", "month"),
        ("in 2011", "2011", "year"),
        ("2011", "2011", "year"),
        ("since 1998", "1998", "year"),
        ("mid-2011", "2011", "year"),
        ("the year 2011", "2011", "year"),
        ("the second quarter of 2011", "2011", "year"),
        ("summer 2011", "2011", "year"),
    ],
)
def test_absolute_dates(expression: str, value: str, precision: str) -> None:
    for published in (MONDAY, None):
        assert _value(expression, published) == (value, precision, False)


def test_absolute_dates_may_follow_publication() -> None:
    assert _value("June 3, 2030", MONDAY) == ("2030-06-03", "day", False)


def test_as_written_is_the_expression_untouched() -> None:
    found = resolve_date("  on Sept. 7,", MONDAY)
    assert found == ResolvedDate("2024-09-07", "day", "  on Sept. 7,", True)


@pytest.mark.parametrize(
    "expression", ["February 30, 2019", "31 April", "2019-13-01", "April 0", "45/13/2019"]
)
def test_impossible_dates_are_not_dates(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None


# --- day and month without a year ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("June 2", MONDAY, "2025-06-02"),
        ("2 June", MONDAY, "2025-06-02"),
        ("on the 2nd of June", MONDAY, "2025-06-02"),
        ("June 16", MONDAY, "2025-06-16"),  # the publication day itself
        ("June 17", MONDAY, "2024-06-17"),  # the next day is last year's
        ("November 28", dt.date(2025, 1, 5), "2024-11-28"),
        ("February 29", dt.date(2025, 3, 1), "2024-02-29"),
        ("Halloween", MONDAY, "2024-10-31"),
        ("June 2 last year", MONDAY, "2024-06-02"),
        ("August 9 this year", MONDAY, None),  # after publication
    ],
)
def test_day_and_month_take_the_latest_year_not_after_publication(
    expression: str, published: dt.date, value: str | None
) -> None:
    assert _value(expression, published) == (value, "day" if value else None, True)


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("on the 16th", dt.date(2026, 3, 25), "2026-03-16"),
        ("the 16th", dt.date(2026, 3, 10), "2026-02-16"),  # the last 16th before publication
        ("the 31st", dt.date(2026, 3, 10), "2026-01-31"),  # February has none
    ],
)
def test_a_day_of_the_month_is_the_last_such_day(
    expression: str, published: dt.date, value: str
) -> None:
    assert _value(expression, published) == (value, "day", True)


@pytest.mark.parametrize("expression", ["June 2", "on 2 June", "Halloween", "June 2 last year"])
def test_day_and_month_without_publication_date_never_guess_the_year(expression: str) -> None:
    assert _value(expression, None) == (None, None, True)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("June", "2025-06"),
        ("in April", "2025-04"),
        ("late August", "2024-08"),
        ("last June", "2024-06"),
        ("last April", "2025-04"),
        ("this April", "2025-04"),
        ("April last year", "2024-04"),
    ],
)
def test_month_without_a_year(expression: str, value: str) -> None:
    assert _value(expression, MONDAY) == (value, "month", True)
    assert _value(expression, None) == (None, None, True)


@pytest.mark.parametrize("expression", ["next June", "this August"])
def test_months_to_come_are_not_resolved(expression: str) -> None:
    assert _value(expression, MONDAY) == (None, None, True)


@pytest.mark.parametrize("expression", ["may", "march", "in may"])
def test_lowercase_month_alone_is_a_verb(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None


# --- weekdays and days ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("last Friday", MONDAY, "2025-06-13"),
        ("last Friday", FRIDAY, "2025-06-13"),  # published on a Friday: a week before
        ("last Thursday", FRIDAY, "2025-06-19"),
        ("this past Friday", FRIDAY, "2025-06-13"),
        ("on Friday", MONDAY, "2025-06-13"),
        ("Friday", FRIDAY, "2025-06-20"),  # the publication day itself
        ("Friday night", MONDAY, "2025-06-13"),
        ("Monday's", MONDAY, "2025-06-16"),
        ("on Saturday", SUNDAY, "2026-03-14"),
        ("Sunday", SUNDAY, "2026-03-15"),
        ("yesterday", MONDAY, "2025-06-15"),
        ("yesterday afternoon", MONDAY, "2025-06-15"),
        ("last night", MONDAY, "2025-06-15"),
        ("the day before yesterday", MONDAY, "2025-06-14"),
        ("today", MONDAY, "2025-06-16"),
        ("earlier today", MONDAY, "2025-06-16"),
        ("this morning", MONDAY, "2025-06-16"),
        ("tonight", MONDAY, "2025-06-16"),
        ("three days ago", MONDAY, "2025-06-13"),
        ("10 days ago", MONDAY, "2025-06-06"),
        ("a day ago", MONDAY, "2025-06-15"),
    ],
)
def test_relative_days(expression: str, published: dt.date, value: str) -> None:
    assert _value(expression, published) == (value, "day", True)
    assert _value(expression, None) == (None, None, True)


@pytest.mark.parametrize(
    "expression", ["tomorrow", "next Friday", "this Friday", "next week", "next year"]
)
def test_future_expressions_keep_no_value(expression: str) -> None:
    assert _value(expression, MONDAY) == (None, None, True)


def test_this_weekday_on_that_weekday_is_the_publication_day() -> None:
    assert _value("this Friday", FRIDAY) == ("2025-06-20", "day", True)


# --- weeks, months, years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "published", "value", "precision"),
    [
        ("last week", FRIDAY, "2025-06-09", "week"),  # Monday of the week before
        ("last week", MONDAY, "2025-06-09", "week"),
        ("earlier this week", FRIDAY, "2025-06-16", "week"),
        ("two weeks ago", FRIDAY, "2025-06-02", "week"),
        ("over the weekend", MONDAY, "2025-06-09", "week"),
        ("over the weekend", SUNDAY, "2026-03-09", "week"),
        ("last weekend", SUNDAY, "2026-03-02", "week"),
        ("last month", MONDAY, "2025-05", "month"),
        ("last month", dt.date(2025, 1, 9), "2024-12", "month"),
        ("this month", MONDAY, "2025-06", "month"),
        ("two months ago", MONDAY, "2025-04", "month"),
        ("seven months ago", MONDAY, "2024-11", "month"),
        ("last year", MONDAY, "2024", "year"),
        ("late last year", MONDAY, "2024", "year"),
        ("this year", MONDAY, "2025", "year"),
        ("earlier this year", MONDAY, "2025", "year"),
        ("twenty-five years ago", MONDAY, "2000", "year"),
        ("a decade ago", MONDAY, "2015", "year"),
    ],
)
def test_relative_periods(expression: str, published: dt.date, value: str, precision: str) -> None:
    assert _value(expression, published) == (value, precision, True)
    assert _value(expression, None) == (None, None, True)


def test_week_values_are_mondays() -> None:
    for offset in range(14):
        published = MONDAY + dt.timedelta(days=offset)
        for expression in ("last week", "this week", "three weeks ago", "the weekend"):
            value = _value(expression, published)[0]
            assert value is not None
            assert dt.date.fromisoformat(value).weekday() == 0


# --- not calendar dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "48 hours",
        "for the next 72 hours",
        "the next three days",
        "years",
        "recent years",
        "in recent months",
        "a decade",
        "over a decade",
        "the past week",
        "the last two years",
        "16-year-old",
        "the same day",
        "the day before",
        "two days later",
        "days before",
        "days ago",
        "a few weeks ago",
        "several years ago",
        "in three weeks",
        "the 1990s",
        "2019-20",
        "between 2015 and 2018",
        "57",
        "1,500",
        "now",
        "Fridays",
        "",
        "   ",
    ],
)
def test_not_calendar_dates(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None
    assert resolve_date(expression, None) is None


def test_datetime_publication_is_read_as_its_day() -> None:
    published = dt.datetime(2025, 6, 16, 23, 59)
    assert _value("yesterday", published) == ("2025-06-15", "day", True)


def test_calendar_edges_give_unknown_not_errors() -> None:
    assert _value("yesterday", dt.date.min) == (None, None, True)
    assert _value("last year", dt.date.min) == (None, None, True)
    assert _value("9999 months ago", dt.date(100, 1, 1)) == (None, None, True)


# --- properties -------------------------------------------------------------------------------

_FRAGMENTS = [
    "last", "this", "next", "on", "in", "early", "mid-", "the", "of", "ago", "year", "years",
    "month", "months", "week", "weekend", "day", "days", "Friday", "Sunday", "March", "may",
    "Sept.", "yesterday", "today", "two", "a", "7", "29", "31", "2024", "0001", "9999", ",",
    "/", "-", ".", "12", "1999", "night", "at", "3 p.m.", "Christmas", "'s",
]  # fmt: skip
_DATEISH = st.lists(st.sampled_from(_FRAGMENTS), max_size=6).map(" ".join)
_TEXT = st.one_of(st.text(max_size=40), _DATEISH)
_PUBLISHED = st.one_of(st.none(), st.dates())
_FORMATS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}


def _start(found: ResolvedDate) -> dt.date:
    assert found.value is not None and found.precision is not None
    assert _FORMATS[found.precision].fullmatch(found.value), found
    if found.precision == "month":
        return dt.date.fromisoformat(found.value + "-01")
    if found.precision == "year":
        return dt.date(int(found.value), 1, 1)
    return dt.date.fromisoformat(found.value)


@given(_TEXT, _PUBLISHED)
def test_never_raises_and_values_are_well_formed(text: str, published: dt.date | None) -> None:
    found = resolve_date(text, published)
    if found is None:
        return
    assert found.as_written == text
    assert (found.value is None) == (found.precision is None)
    if found.value is not None:
        _start(found)
    if found.relative and published is None:
        assert found.value is None


@given(_DATEISH, st.dates())
def test_relative_values_never_after_publication(text: str, published: dt.date) -> None:
    found = resolve_date(text, published)
    if found is not None and found.relative and found.value is not None:
        assert _start(found) <= published


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_weekdays_land_in_the_week_before_publication(published: dt.date) -> None:
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        on = resolve_date(f"on {name}", published)
        last = resolve_date(f"last {name}", published)
        assert on is not None and last is not None
        on_day, last_day = _start(on), _start(last)
        assert 0 <= (published - on_day).days <= 6
        assert 1 <= (published - last_day).days <= 7
        assert on_day.strftime("%A") == last_day.strftime("%A") == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the night of July 29", "2022-07-29"),
        ("overnight to July 29", "2022-07-29"),
        ("last March 16", "2022-03-16"),
        ("the early hours of Sunday", "2022-07-31"),
    ],
)
def test_a_date_inside_a_longer_expression(text: str, value: str) -> None:
    found = resolve_date_within(text, dt.date(2022, 8, 5))
    assert found is not None and (found.value, found.as_written) == (value, text)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_a_lead_in_never_changes_the_date(day: dt.date) -> None:
    written = f"{day.strftime('%B')} {day.day}, {day.year}"
    plain = resolve_date(written, None)
    led = resolve_date_within(f"on the night of {written}", None)
    assert plain is not None and led is not None and led.value == plain.value
