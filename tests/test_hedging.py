"""Hedging: the cue and its scope, on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.nlp.hedging import find_hedge


def hedge_of(nlp: Language, text: str, word: str) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    cue = find_hedge(token)
    return cue.text if cue else None


@pytest.mark.parametrize(
    ("text", "word", "cue"),
    [
        ("More than 50 people may have died in the fire.", "50", "may"),
        ("The toll might rise to 60.", "60", "might"),
        ("Perhaps 20 soldiers deserted.", "20", "Perhaps"),
        ("The militia allegedly recruited 300 boys.", "300", "allegedly"),
        ("It seems that the guards were bribed.", "bribed", "seems"),
        ("It can be assumed that the landlord started the fire.", "started", "It can be assumed"),
        ("It is possible that five attackers took part.", "five", "possible"),
        ("Three men are believed to have fled.", "Three", "are believed"),
        ("Did the army fire first?", "fire", "?"),
        ("At worst, the ministry had a hand in this.", "hand", "At worst"),
        ("If the minister ordered the raid, he broke the law.", "raid", "If"),
        ("The government will blame its rivals.", "blame", "will"),
    ],
)
def test_cues(nlp: Language, text: str, word: str, cue: str) -> None:
    assert hedge_of(nlp, text, word) == cue


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("At least 40 people were killed.", "40"),
        ("Police arrested two suspects.", "two"),
        ("The minister blamed the rebels.", "rebels"),
        ("Witnesses described as many as five attackers.", "five"),
    ],
)
def test_asserted(nlp: Language, text: str, word: str) -> None:
    assert hedge_of(nlp, text, word) is None


def test_scope_is_the_clause_not_the_paragraph(nlp: Language) -> None:
    text = "Police said 43 people died. Perhaps more will die in hospital."
    assert hedge_of(nlp, text, "43") is None
    assert hedge_of(nlp, text, "more") == "Perhaps"


def test_scope_stops_at_the_clause(nlp: Language) -> None:
    text = (
        "Officials confirmed 12 deaths, and some analysts suggest the attackers may have had help."
    )
    assert hedge_of(nlp, text, "12") is None
    assert hedge_of(nlp, text, "help") is not None
