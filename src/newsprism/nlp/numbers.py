"""Numbers written in digits or words, their bound cues and their units: string-level parsing."""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
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
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "dozen": 12,
    "score": 20,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SHORT_SCALES: dict[str, int] = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Vague plurals carry a floor, not a value: "hundreds" is at least two hundred.
VAGUE_FLOORS: dict[str, int] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(SCALE_WORDS) | frozenset(VAGUE_FLOORS)

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_WITH_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.IGNORECASE)

# Bound cues, longest first so that "no more than" wins over "more than".
BOUND_CUES: tuple[tuple[str, str], ...] = (
    ("no fewer than", ">="),
    ("no less than", ">="),
    ("not less than", ">="),
    ("no more than", "<="),
    ("not more than", "<="),
    ("in excess of", ">"),
    ("upwards of", ">"),
    ("more than", ">"),
    ("greater than", ">"),
    ("just over", ">"),
    ("well over", ">"),
    ("over", ">"),
    ("above", ">"),
    ("beyond", ">"),
    ("at least", ">="),
    ("a minimum of", ">="),
    ("a least", ">="),
    ("at most", "<="),
    ("up to", "<="),
    ("as many as", "<="),
    ("a maximum of", "<="),
    ("fewer than", "<"),
    ("less than", "<"),
    ("just under", "<"),
    ("under", "<"),
    ("below", "<"),
    ("approximately", "approx"),
    ("roughly", "approx"),
    ("around", "approx"),
    ("about", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("close to", "approx"),
    ("closer to", "approx"),
    ("nearer to", "approx"),
    ("in the region of", "approx"),
    ("some", "approx"),
    ("an estimated", "approx"),
    ("estimated", "approx"),
    ("circa", "approx"),
    ("approx.", "approx"),
    ("roughly some", "approx"),
)
MAX_CUE_WORDS = max(len(cue.split()) for cue, _ in BOUND_CUES)

UNIT_ALIASES: dict[str, str] = {
    "km": "km",
    "kilometer": "km",
    "kilometre": "km",
    "kms": "km",
    "mile": "mi",
    "mi": "mi",
    "meter": "m",
    "metre": "m",
    "m": "m",
    "dollar": "USD",
    "$": "USD",
    "usd": "USD",
    "us$": "USD",
    "euro": "EUR",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "gbp": "GBP",
    "ruble": "RUB",
    "rouble": "RUB",
    "rub": "RUB",
    "hryvnia": "UAH",
    "rupee": "INR",
    "yuan": "CNY",
    "yen": "JPY",
    "percent": "%",
    "per cent": "%",
    "%": "%",
    "person": "people",
    "people": "people",
}
# Units of measure, as opposed to counted things: a number in these is never a head count.
MEASURE_UNITS = frozenset(
    {
        "km",
        "mi",
        "m",
        "USD",
        "EUR",
        "GBP",
        "RUB",
        "UAH",
        "INR",
        "CNY",
        "JPY",
        "%",
        "hour",
        "minute",
        "second",
        "day",
        "week",
        "month",
        "year",
        "decade",
        "kg",
        "ton",
        "tonne",
    }
)
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}


def word_value(word: str) -> float | None:
    """The value of one token: '143', '1,000', '1.5', 'four', 'dozen', '5k'; else None."""
    low = word.lower()
    if _DIGITS.match(low):
        return float(low.replace(",", ""))
    match = _DIGITS_WITH_SCALE.match(low)
    if match:
        return float(match[1]) * SHORT_SCALES[match[2].lower()]
    if low in UNITS_WORDS:
        return float(UNITS_WORDS[low])
    if low in SCALE_WORDS:
        return float(SCALE_WORDS[low])
    return None


def is_number_word(word: str) -> bool:
    """Whether a token can be part of a written number."""
    return word_value(word) is not None or word.lower() in VAGUE_FLOORS


def parse_number(words: list[str]) -> tuple[float, bool] | None:
    """Value of a number phrase and whether it is vague: ['two','hundred','and','fifty'] -> 250.

    'a'/'an' count as one before a scale word ('a dozen'); 'and' and hyphens are skipped;
    a vague plural ('hundreds', 'tens of thousands') gives its floor and vague=True.
    Returns None when the words do not form a number.
    """
    total = 0.0
    current = 0.0
    seen_any = False
    vague = False
    for raw in words:
        word = raw.lower()
        if word in ("and", "-", "of"):
            continue
        if word in ("a", "an"):
            current = current or 1.0
            continue
        if word in VAGUE_FLOORS:
            # "tens of thousands": after a number the vague word scales it, like "thousand".
            current = current * SCALE_WORDS[word[:-1]] if current else float(VAGUE_FLOORS[word])
            vague = True
            seen_any = True
            continue
        if word == "tens":
            current = 20.0
            vague = True
            seen_any = True
            continue
        value = word_value(word)
        if value is None:
            return None
        seen_any = True
        if word in SCALE_WORDS:
            if word in ("hundred", "dozen", "score"):
                current = (current or 1.0) * value
            else:
                total += (current or 1.0) * value
                current = 0.0
        elif current and current < 100 and value < 10 and current % 10 == 0 and current >= 20:
            current += value  # "twenty five"
        elif current and not _DIGITS.match(word) and current >= 100 and value < 100:
            current += value  # "two hundred fifty"
        elif current:
            # Two plain numbers side by side ("4 5") are not one number.
            return None
        else:
            current = value
    if not seen_any:
        return None
    return total + current, vague


def match_bound_cue(words_before: list[str]) -> tuple[str, str, int] | None:
    """The bound cue that ends the given words: (cue, op, number of words), or None."""
    lowered = [w.lower() for w in words_before]
    for cue, op in BOUND_CUES:
        cue_words = cue.split()
        n = len(cue_words)
        if n <= len(lowered) and lowered[-n:] == cue_words:
            return cue, op, n
    return None


def normalize_unit(word: str) -> str:
    """A canonical unit: 'kilometres' -> 'km', 'dollars' -> 'USD', 'attackers' -> 'attacker'."""
    low = word.lower()
    if low in UNIT_ALIASES:
        return UNIT_ALIASES[low]
    plural = len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
    singular = low[:-1] if plural else low
    return UNIT_ALIASES.get(singular, singular)
