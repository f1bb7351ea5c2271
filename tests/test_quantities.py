"""Quantities found in sentences of our own: bounds, ranges, units, and what is not a count."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsprism.nlp.quantities import Quantity, find_quantities


def quantities(nlp: Language, text: str) -> list[Quantity]:
    return find_quantities(nlp(text))


def only(nlp: Language, text: str) -> Quantity:
    found = quantities(nlp, text)
    assert len(found) == 1, [(q.value, q.op) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("The blast killed 17 people.", "=", 17),
        ("At least 40 people died in the fire.", ">=", 40),
        ("The storm destroyed more than 300 homes.", ">", 300),
        ("Rebels shot over 130 soldiers.", ">", 130),
        ("The ferry carried up to 90 passengers.", "<=", 90),
        ("Fewer than 20 votes were cast.", "<", 20),
        ("About 140 miners were trapped.", "approx", 140),
        ("Nearly 150 guests were evacuated.", "approx", 150),
        ("Rescuers found four survivors.", "=", 4),
        ("Officers questioned a dozen witnesses.", "=", 12),
        ("The flood displaced hundreds of families.", ">=", 200),
    ],
)
def test_bounds(nlp: Language, text: str, op: str, value: float) -> None:
    q = only(nlp, text)
    assert (q.op, q.value) == (op, value)


def test_range_between(nlp: Language) -> None:
    q = only(nlp, "Between 10 and 20 people were hurt.")
    assert (q.op, q.value, q.high) == ("range", 10, 20)
    assert q.start == 0


def test_range_or(nlp: Language) -> None:
    q = only(nlp, "Witnesses saw two or three men at the gate.")
    assert (q.op, q.value, q.high) == ("range", 2, 3)


def test_value_span_covers_cue_number_and_noun(nlp: Language) -> None:
    text = "Police said more than 60 protesters were detained."
    q = only(nlp, text)
    assert text[q.start : q.end] == "more than 60 protesters"
    assert q.unit == "protester"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fund holds $60 billion in reserves.", 60e9, "USD"),
        ("The farm was fined a million rubles for the spill.", 1e6, "RUB"),
        ("The farm lies 62 kilometers from the coast.", 62, "km"),
        ("Turnout rose to 64 percent this year.", 64, "%"),
        ("Inflation reached 1.5 million percent.", 1.5e6, "%"),
    ],
)
def test_units(nlp: Language, text: str, value: float, unit: str) -> None:
    q = only(nlp, text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022 and has not ended.",
        "The meeting is on March 7 in the capital.",
        "She was the first to arrive.",
        "Call the office at 555-201-3344 for details.",
        "The report is at https://example.org/report/2024/87 online.",
        "A 16-year-old girl won the chess title.",
        "One must recall what happened.",
        "Paulo Renner, 52, has sold fish there for years.",
    ],
)
def test_not_counts(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=80))
def test_any_text_gives_consistent_quantities(nlp: Language, text: str) -> None:
    for q in quantities(nlp, text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.high is None or q.value <= q.high
