"""Stated numbers as intervals, so that "over 130" and "143" can be compared."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsprism.model.types import NumberValue

# "about 140" is read as 140 ± 10 %: the tolerance every verdict on approximate numbers states.
APPROX_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    """A closed interval [low, high] of the values a statement allows."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def _counts(unit: str | None) -> bool:
    """Whether values are whole counts (people, attackers), where "over 130" means 131 or more."""
    return unit is None or unit not in {"km", "mi", "m", "USD", "EUR", "GBP", "RUB", "%"}


def to_interval(value: NumberValue) -> Interval:
    """The values a statement allows: '=143' [143, 143]; '>130' [131, inf); 'about 140'
    [126, 154]."""
    v, whole = value.value, _counts(value.unit)
    step = 1.0 if whole else 0.0
    if value.op == "=":
        return Interval(v, v)
    if value.op == ">=":
        return Interval(v, math.inf)
    if value.op == ">":
        return Interval(v + step if whole else math.nextafter(v, math.inf), math.inf)
    if value.op == "<=":
        return Interval(0.0, v)
    if value.op == "<":
        return Interval(0.0, v - step if whole else math.nextafter(v, -math.inf))
    if value.op == "range" and value.high is not None:
        return Interval(v, value.high)
    spread = abs(v) * APPROX_TOLERANCE
    low, high = v - spread, v + spread
    if whole:
        low, high = math.ceil(low), math.floor(high)
    return Interval(low, high)


def describe(value: NumberValue) -> str:
    """A number as a reason quotes it: 'over 130', 'exactly 143', 'about 140 (±10 %)'."""
    v = f"{value.value:g}"
    words = {
        "=": f"exactly {v}",
        ">=": f"at least {v}",
        ">": f"over {v}",
        "<=": f"at most {v}",
        "<": f"fewer than {v}",
        "approx": f"about {v} (±{APPROX_TOLERANCE:.0%})",
    }
    if value.op == "range" and value.high is not None:
        return f"between {v} and {value.high:g}"
    return words.get(value.op, v)
