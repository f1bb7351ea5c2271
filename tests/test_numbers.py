"""Written numbers, bound cues and units, at the string level."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.nlp.numbers import (
    NUMBER_WORDS,
    match_bound_cue,
    normalize_unit,
    parse_number,
    word_value,
)


@pytest.mark.parametrize(
    ("words", "value", "vague"),
    [
        ("57", 57, False),
        ("1,000", 1000, False),
        ("1.5 million", 1_500_000, False),
        ("a million", 1_000_000, False),
        ("four", 4, False),
        ("a dozen", 12, False),
        ("two hundred and fifty", 250, False),
        ("twenty - five", 25, False),
        ("hundreds", 200, True),
        ("dozens", 24, True),
        ("tens of thousands", 20_000, True),
        ("5k", 5000, False),
    ],
)
def test_parse_number(words: str, value: float, vague: bool) -> None:
    assert parse_number(words.split()) == (value, vague)


@pytest.mark.parametrize("words", ["a", "and", "4 5", "people", ""])
def test_parse_number_refuses_non_numbers(words: str) -> None:
    assert parse_number(words.split()) is None


@pytest.mark.parametrize(
    ("before", "op"),
    [
        ("killing at least", ">="),
        ("murdering over", ">"),
        ("more than", ">"),
        ("no more than", "<="),
        ("up to", "<="),
        ("fewer than", "<"),
        ("about", "approx"),
        ("nearly", "approx"),
        ("an estimated", "approx"),
    ],
)
def test_bound_cues(before: str, op: str) -> None:
    cue = match_bound_cue(before.split())
    assert cue is not None and cue[1] == op


def test_no_bound_cue() -> None:
    assert match_bound_cue(["the", "attack", "killed"]) is None


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("kilometers", "km"),
        ("kilometres", "km"),
        ("dollars", "USD"),
        ("rubles", "RUB"),
        ("attackers", "attacker"),
        ("people", "people"),
        ("%", "%"),
    ],
)
def test_normalize_unit(word: str, unit: str) -> None:
    assert normalize_unit(word) == unit


@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(sorted(NUMBER_WORDS))), max_size=6))
def test_parse_number_never_raises_and_is_non_negative_for_words(words: list[str]) -> None:
    parsed = parse_number(words)
    if parsed is not None and all(not w.strip().startswith("-") for w in words):
        assert parsed[0] >= 0


@given(st.text(max_size=20))
def test_word_value_never_raises(word: str) -> None:
    word_value(word)
