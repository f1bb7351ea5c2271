"""Publication dates from metadata: ISO when the day is certain, otherwise None, never a guess."""

from __future__ import annotations

import datetime as dt
import warnings

from dateutil import parser as dateutil_parser

_DEFAULT_A = dt.datetime(1904, 1, 1)
_DEFAULT_B = dt.datetime(1908, 12, 28)


def parse_published(value: str | None) -> str | None:
    """`YYYY-MM-DD` when `value` states a full date, else None ("unknown", "2024", "March")."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        with warnings.catch_warnings():
            # A stray letter read as a time zone ("tzname L") warns; the date is what counts.
            warnings.simplefilter("ignore")
            # Parsed twice with different defaults: a field missing from the text shows up
            # as a difference, so a partial date is refused instead of completed.
            first = dateutil_parser.parse(text, default=_DEFAULT_A)
            second = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date() or not 1800 <= first.year <= 2200:
        return None
    return first.date().isoformat()
