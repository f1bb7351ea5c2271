"""Publication dates from metadata: ISO when the day is certain, otherwise None, never a guess."""

from __future__ import annotations

import datetime as dt
import warnings

from dateutil import parser as dateutil_parser

_DEFAULT_A = dt.datetime(1904, 1, 1)
_DEFAULT_B = dt.datetime(1908, 12, 28, 13, 37)


def parse_published(value: str | None) -> str | None:
    """`YYYY-MM-DD` when `value` states a full date, else None ("unknown", "2024", "March")."""
    both = _parse_twice(value)
    if both is None:
        return None
    first, second = both
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None
    return first.date().isoformat()


def parse_published_time(value: str | None) -> str | None:
    """`HH:MM` when `value` states a full date and a time of day ("2026-05-08T09:53"), else
    None: the time orders reports of one day."""
    both = _parse_twice(value)
    if both is None or parse_published(value) is None:
        return None
    first, second = both
    if first.time() != second.time():
        return None
    return first.strftime("%H:%M")


def _parse_twice(value: str | None) -> tuple[dt.datetime, dt.datetime] | None:
    """`value` parsed with two different defaults, or None when it does not parse."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        with warnings.catch_warnings():
            # A stray letter read as a time zone ("tzname L") warns; the date is what counts.
            warnings.simplefilter("ignore")
            # Parsed twice with different defaults: a field missing from the text shows up
            # as a difference, so a partial date or a missing time is refused, not completed.
            first = dateutil_parser.parse(text, default=_DEFAULT_A)
            second = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    return first, second
