"""Short human labels for claim values and articles, shared by every renderer."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from newsprism.model.types import (
    AccusationValue,
    Article,
    CauseValue,
    ClaimValue,
    DateValue,
    EntityValue,
    NumberValue,
)

_OP_WORDS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "approx": "≈ "}


_LARGE = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    for size, word in _LARGE:
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def value_label(
    value: ClaimValue, with_unit: bool = True, names: Mapping[str, str] | None = None
) -> str:
    """'≥ 40 people', '10–20 km', '2024-03-22', 'A → B'; entities by name when `names` has them."""
    names = names or {}
    if isinstance(value, NumberValue):
        unit = f" {value.unit}" if value.unit and with_unit else ""
        if value.op == "range" and value.high is not None:
            return f"{_number(value.value)}–{_number(value.high)}{unit}"
        return f"{_OP_WORDS.get(value.op, value.op + ' ')}{_number(value.value)}{unit}"
    if isinstance(value, DateValue):
        return value.date or f"{value.as_written} (date unknown)"
    if isinstance(value, AccusationValue):
        return (
            f"{names.get(value.accuser, value.accuser)} → {names.get(value.accused, value.accused)}"
        )
    if isinstance(value, EntityValue):
        return names.get(value.entity, value.entity)
    if isinstance(value, CauseValue):
        agent = names.get(value.agent, value.agent) if value.agent else None
        what = " ".join(p for p in (agent, value.mechanism) if p) or "cause unknown"
        return f"not {what}" if value.negated else what
    return str(value)


def source_label(article: Article) -> str:
    """The outlet when known, else the title, else the file name."""
    return article.outlet or article.title or Path(article.source).name
