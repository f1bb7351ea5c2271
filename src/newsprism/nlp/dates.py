"""Date expressions from article text, resolved against the article's publication date.

`resolve_date("last Friday", date(2026, 3, 15))` gives `2026-03-13`; `resolve_date("March 7",
None)` gives a date of unknown value, because the year is never guessed.

Conventions:

* `value` is `YYYY-MM-DD` (precision "day" or "week"), `YYYY-MM` ("month") or `YYYY` ("year");
  None when the expression names a date that cannot be known from what is given.
* Precision "week" ("last week", "this week", "two weeks ago", "over the weekend") carries the
  Monday that starts the ISO week as its value.
* `relative` is True when the expression needs the publication date: weekdays, "yesterday",
  "last month", "two months ago", and a day or month written without a year ("March 7").
* Without a publication date a relative expression always has value None; its year is never
  guessed.
* A relative expression never resolves after the publication date (news reports the past):
  "Friday" is the latest Friday on or before it, "March 7" the latest March 7 on or before it.
  Forward-pointing expressions ("tomorrow", "next week", "next Friday", "this Friday" on
  another weekday) keep value None.
* Durations and vague or anaphoric expressions are not calendar dates: "48 hours", "the next two
  days", "recent years", "a decade", "16-year-old", "the same day", "two days later", "days
  ago" give None, as does anything unrecognised. Impossible dates ("February 30") give None.
* Plain regular expressions, no dateparser: the forms news articles use are few, and a general
  parser turns bare numbers into dates and guesses years.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["ResolvedDate", "resolve_date"]

MAX_EXPRESSION_CHARS = 100
MIN_YEAR = 1000
MAX_YEAR = 2199


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression and the calendar date it names, as far as it can be known."""

    value: str | None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it cannot be known
    precision: str | None  # "day", "week", "month", "year"; None with value None
    as_written: str  # the expression as the text has it
    relative: bool  # whether it needed the publication date


MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Fixed-date holidays only: moving ones (Easter, Thanksgiving) differ by year and country.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
}
COUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december)"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ANY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)

_FLAGS = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# Words in front of the date that do not change which date it is.
_LEADING = _rx(
    r"^(?:(?:on|in|since|by|until|till|through|from|as of|during|at|before|after|around|about"
    r"|circa|ca\.|c\.|the very|very|early|earlier|late|later|mid|the middle of|middle of"
    r"|the end of|end of|the beginning of|beginning of|the start of|start of"
    r"|the first half of|the second half of|the first week of|the last week of)\s+|mid-\s*)"
    r"(?=\S)"
)
_LEADING_WEEKDAY = _rx(r"^" + _WEEKDAY_ANY + r",?\s+(?=(?:\d|the\s|" + _MONTH + r"))")
_TIME_SUFFIX = _rx(
    r"(?:,?\s+(?:at\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)"
    r"|\s+at\s+\d{1,2}[:.]\d{2}|\s+(?:morning|afternoon|evening|night))$"
)

_ISO = _rx(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[t ]\d{2}:\d{2}[\d:.+z -]*)?$")
_YMD_SLASH = _rx(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})$")
_NUMERIC = _rx(r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})$")
_MONTH_DAY = _rx(r"^" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?$")
_DAY_MONTH = _rx(r"^(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?$")
_MONTH_YEAR = _rx(r"^" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"$")
_BARE_MONTH = _rx(r"^(?:(?P<which>last|this|next)\s+)?" + _FULL_MONTH + r"$")
_YEAR_ONLY = _rx(r"^(?:the\s+year\s+)?" + _YEAR + r"$")
_WITH_YEAR_WORD = _rx(r"^(?P<rest>.+?),?\s+(?:of\s+)?(?P<which>last|this|next)\s+year$")
_WEEKDAY_RX = _rx(r"^(?:(?P<which>last|this past|past|this|next|on)\s+)?" + _WEEKDAY + r"$")
_PERIOD = _rx(r"^(?P<which>last|this|next)\s+(?P<unit>week|month|year)$")
_WEEKEND = _rx(r"^(?:over\s+|at\s+)?(?P<which>last|this past|past|this|the)\s+weekend$")
_AGO = _rx(r"^(?P<count>[a-z0-9]+(?:[- ][a-z]+)?)\s+(?P<unit>day|week|month|year|decade)s?\s+ago$")
_YEAR_TOKEN = _rx(r"^\d{4}$")
_ORDINAL_DAY = _rx(r"^the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)$")

# Words that may sit around a single year in a longer expression ("the first quarter of 2024").
_AROUND_YEAR = frozenset(
    "the of in early late mid first second third fourth last final half quarter q1 q2 q3 q4 "
    "spring summer autumn fall winter fiscal calendar year end start beginning middle".split()
)


def resolve_date(expression: str, published: dt.date | None) -> ResolvedDate | None:
    """The calendar date that `expression` names, read against the publication date.

    None when the expression is not a calendar date (a duration, a vague or anaphoric time,
    anything unrecognised). Never raises.
    """
    if not isinstance(expression, str) or len(expression) > 10 * MAX_EXPRESSION_CHARS:
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    elif not isinstance(published, dt.date):
        published = None
    text = _clean(expression)
    if not text or len(text) > MAX_EXPRESSION_CHARS:
        return None
    try:
        found = _resolve(text, expression, published)
    except (ValueError, OverflowError):  # date arithmetic at the ends of the calendar
        found = _unknown(expression, relative=True)
    return _never_after(found, published)


def _clean(expression: str) -> str:
    text = expression.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = re.sub(r"\s+", " ", text).strip(" \"'()[]{},;:!?.")
    text = re.sub(r"'s$", "", text, flags=_FLAGS)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _LEADING_WEEKDAY.sub("", text)
        if text.lower() not in {"last night", "this morning", "this afternoon", "this evening"}:
            text = _TIME_SUFFIX.sub("", text)
        text = text.strip(" ,.")
    return text


def _resolve(text: str, as_written: str, published: dt.date | None) -> ResolvedDate | None:
    lowered = text.lower()
    for reader in (_read_numeric, _read_written, _read_relative_words, _read_periods):
        found = reader(text, lowered, as_written, published)
        if found is not None:
            return found
    return _read_year_in_phrase(lowered, as_written)


# --- absolute and year-less calendar dates ----------------------------------------------------


def _read_numeric(
    text: str, lowered: str, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    match = _ISO.match(text) or _YMD_SLASH.match(text)
    if match:
        return _absolute_day(int(match["year"]), int(match["month"]), int(match["day"]), as_written)
    match = _NUMERIC.match(text)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if match["sep"] == "." or a > 12 or a == b:  # 22.03.2024, 22/03/2024: day first
            return _absolute_day(year, b, a, as_written)
        if b > 12:  # 03/22/2024: month first
            return _absolute_day(year, a, b, as_written)
        return _year_value(year, as_written)  # 03/07/2024: March 7 or July 3, only the year
    match = _YEAR_ONLY.match(text)
    if match:
        return _year_value(int(match["year"]), as_written)
    return None


def _read_written(
    text: str, lowered: str, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    match = _MONTH_DAY.match(text) or _DAY_MONTH.match(text)
    if match:
        month, day = _month_number(match["month"]), int(match["day"])
        if match["year"]:
            return _absolute_day(int(match["year"]), month, day, as_written)
        return _month_day(month, day, as_written, published)
    match = _MONTH_YEAR.match(text)
    if match:
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return _month(year, _month_number(match["month"]), as_written, relative=False)
    if lowered in HOLIDAYS:
        return _month_day(*HOLIDAYS[lowered], as_written, published)
    holiday_year = re.match(r"^(?P<name>.+?),?\s+(?P<year>\d{4})$", lowered)
    if holiday_year and holiday_year["name"] in HOLIDAYS:
        month, day = HOLIDAYS[holiday_year["name"]]
        return _absolute_day(int(holiday_year["year"]), month, day, as_written)
    match = _BARE_MONTH.match(text)
    if match and match["month"][0].isupper():  # "may" and "march" are also verbs
        return _recent_month(_month_number(match["month"]), match["which"], as_written, published)
    match = _WITH_YEAR_WORD.match(text)
    if match:
        return _with_year_word(match["rest"], match["which"].lower(), as_written, published)
    return None


def _with_year_word(
    rest: str, which: str, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    """ "March 7 last year", "in June this year"."""
    rest = _clean(rest)
    day_match = _MONTH_DAY.match(rest) or _DAY_MONTH.match(rest)
    month_match = _BARE_MONTH.match(rest)
    if day_match and not day_match["year"]:
        month, day = _month_number(day_match["month"]), int(day_match["day"])
        if not _valid_month_day(month, day):
            return None
    elif month_match and not month_match["which"]:
        month, day = _month_number(month_match["month"]), 0
    else:
        return None
    if published is None or which == "next":
        return _unknown(as_written, relative=True)
    year = published.year - (1 if which == "last" else 0)
    if not day:
        return _month(year, month, as_written, relative=True)
    if not _exists(year, month, day):  # February 29 last year, in a year without one
        return _unknown(as_written, relative=True)
    return _day(dt.date(year, month, day), as_written)


# --- expressions that need the publication date ------------------------------------------------


def _read_relative_words(
    text: str, lowered: str, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    offsets = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": 1,
        "last night": 1,
        "the day before yesterday": 2,
    }
    if lowered in offsets:
        if published is None:
            return _unknown(as_written, relative=True)
        return _day(published - dt.timedelta(days=offsets[lowered]), as_written)
    if lowered in {"tomorrow", "the day after tomorrow"}:
        return _unknown(as_written, relative=True)
    match = _ORDINAL_DAY.match(text)
    if match:
        # "on the 16th": the last 16th of a month on or before the publication day.
        if published is None or not 1 <= int(match["day"]) <= 31:
            return _unknown(as_written, relative=True)
        day = int(match["day"])
        year, month = published.year, published.month
        for _ in range(3):
            if _exists(year, month, day) and dt.date(year, month, day) <= published:
                return _day(dt.date(year, month, day), as_written)
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return _unknown(as_written, relative=True)
    match = _WEEKDAY_RX.match(text)
    if match:
        if published is None:
            return _unknown(as_written, relative=True)
        which = (match["which"] or "").lower()
        back = (published.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
        if which in {"last", "this past", "past"}:
            back = back or 7
        elif which == "next" or (which == "this" and back):
            return _unknown(as_written, relative=True)
        return _day(published - dt.timedelta(days=back), as_written)
    return None


def _read_periods(
    text: str, lowered: str, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    match = _PERIOD.match(text)
    if match:
        which, unit = match["which"].lower(), match["unit"].lower()
        if published is None or which == "next":
            return _unknown(as_written, relative=True)
        back = 1 if which == "last" else 0
        if unit == "week":
            return _week(published - dt.timedelta(days=7 * back), as_written)
        if unit == "month":
            return _months_back(published, back, as_written)
        return _year(published.year - back, as_written, relative=True)
    match = _WEEKEND.match(text)
    if match:
        if published is None:
            return _unknown(as_written, relative=True)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if match["which"].lower() == "last" and published.weekday() >= 5:
            saturday -= dt.timedelta(days=7)  # "last weekend" said at the weekend
        return _week(saturday, as_written)
    match = _AGO.match(text)
    if match:
        count = _count(match["count"].lower())
        if count is None:  # "days ago", "a few weeks ago": vague
            return None
        if published is None:
            return _unknown(as_written, relative=True)
        unit = match["unit"].lower()
        if unit == "day":
            return _day(published - dt.timedelta(days=count), as_written)
        if unit == "week":
            return _week(published - dt.timedelta(days=7 * count), as_written)
        if unit == "month":
            return _months_back(published, count, as_written)
        years = count * (10 if unit == "decade" else 1)
        return _year(published.year - years, as_written, relative=True)
    return None


def _read_year_in_phrase(lowered: str, as_written: str) -> ResolvedDate | None:
    """One year among words that only narrow it: "the first quarter of 2024", "summer 2023"."""
    words = re.findall(r"[a-z0-9]+|[^a-z0-9\s]", lowered.replace("-", " "))
    years = [word for word in words if _YEAR_TOKEN.match(word)]
    if len(years) != 1 or len(words) > 7:
        return None
    if any(word not in _AROUND_YEAR and word != years[0] for word in words):
        return None
    return _year_value(int(years[0]), as_written)


# --- building values ---------------------------------------------------------------------------


def _unknown(as_written: str, *, relative: bool) -> ResolvedDate:
    return ResolvedDate(None, None, as_written, relative)


def _day(day: dt.date, as_written: str, *, relative: bool = True) -> ResolvedDate:
    return ResolvedDate(day.isoformat(), "day", as_written, relative)


def _week(day: dt.date, as_written: str) -> ResolvedDate:
    monday = day - dt.timedelta(days=day.weekday())
    return ResolvedDate(monday.isoformat(), "week", as_written, True)


def _month(year: int, month: int, as_written: str, *, relative: bool) -> ResolvedDate:
    if not 1 <= year <= 9999:
        return _unknown(as_written, relative=relative)
    return ResolvedDate(f"{year:04d}-{month:02d}", "month", as_written, relative)


def _year(year: int, as_written: str, *, relative: bool) -> ResolvedDate:
    if not 1 <= year <= 9999:
        return _unknown(as_written, relative=relative)
    return ResolvedDate(f"{year:04d}", "year", as_written, relative)


def _year_value(year: int, as_written: str) -> ResolvedDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return _year(year, as_written, relative=False)


def _absolute_day(year: int, month: int, day: int, as_written: str) -> ResolvedDate | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not _exists(year, month, day):
        return None
    return _day(dt.date(year, month, day), as_written, relative=False)


def _month_day(
    month: int, day: int, as_written: str, published: dt.date | None
) -> ResolvedDate | None:
    """A day and month without a year: the latest such day on or before publication."""
    if not _valid_month_day(month, day):
        return None
    if published is None:
        return _unknown(as_written, relative=True)
    for year in range(published.year, max(published.year - 9, 0), -1):
        if _exists(year, month, day) and dt.date(year, month, day) <= published:
            return _day(dt.date(year, month, day), as_written)
    return _unknown(as_written, relative=True)


def _recent_month(
    month: int, which: str | None, as_written: str, published: dt.date | None
) -> ResolvedDate:
    """ "March", "last March": the latest such month that has begun by publication."""
    which = (which or "").lower()
    if published is None or which == "next":
        return _unknown(as_written, relative=True)
    if which == "last":
        year = published.year if month < published.month else published.year - 1
    elif month <= published.month:
        year = published.year
    elif which == "this":
        return _unknown(as_written, relative=True)
    else:
        year = published.year - 1
    return _month(year, month, as_written, relative=True)


def _months_back(published: dt.date, count: int, as_written: str) -> ResolvedDate:
    year, index = divmod(published.year * 12 + published.month - 1 - count, 12)
    return _month(year, index + 1, as_written, relative=True)


def _never_after(found: ResolvedDate | None, published: dt.date | None) -> ResolvedDate | None:
    """Safety net for the rule that a relative date never starts after publication."""
    if found is None or not found.relative or found.value is None or published is None:
        return found
    if _start(found.value) > published:
        return _unknown(found.as_written, relative=True)
    return found


def _start(value: str) -> dt.date:
    parts = [int(part) for part in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _valid_month_day(month: int, day: int) -> bool:
    return _exists(2000, month, day)  # a leap year: February 29 exists


def _count(words: str) -> int | None:
    if words.isdigit():
        return int(words) if len(words) <= 4 else None
    parts = re.split(r"[- ]", words)
    if not parts or any(part not in COUNT_WORDS for part in parts):
        return None
    if len(parts) == 2 and COUNT_WORDS[parts[0]] >= 20 and COUNT_WORDS[parts[1]] < 10:
        return COUNT_WORDS[parts[0]] + COUNT_WORDS[parts[1]]
    return COUNT_WORDS[parts[0]] if len(parts) == 1 else None


def resolve_date_within(expression: str, published: dt.date | None) -> ResolvedDate | None:
    """Like resolve_date, and when the whole expression names no date, the longest ending
    of it that does: "the night of July 29", "overnight to July 29", "last March 16"."""
    words = expression.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        found = resolve_date(tail, published)
        if found is not None:
            if start:
                return ResolvedDate(found.value, found.precision, expression, found.relative)
            return found
    return None
