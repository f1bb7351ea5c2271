"""A first, rule-based check-worthiness score per claim (a trained model replaces it later).

The score is a prior by slot: counts of dead, wounded, missing, attackers and arrests are what
fact-checkers verify first (0.8); a measured quantity (distance, money, percentage) is often
checkable (0.6); any other count is rarely worth a check (0.3).
"""

from __future__ import annotations

from newsprism.nlp.numbers import MEASURE_UNITS

HEAD_COUNT_SLOTS = frozenset({"killed", "injured", "missing", "perpetrators", "arrested"})
SCORE_HEAD_COUNT = 0.8
SCORE_MEASURE = 0.6
SCORE_OTHER = 0.3


def checkworthy_score(slot: str, unit: str | None) -> float:
    """The rule-based score in [0, 1] for a numeric claim of this slot and unit."""
    if slot in HEAD_COUNT_SLOTS:
        return SCORE_HEAD_COUNT
    if unit in MEASURE_UNITS:
        return SCORE_MEASURE
    return SCORE_OTHER
