"""A first, rule-based check-worthiness score per claim (a trained model replaces it later).

The score starts from a prior by slot: counts of dead, wounded, missing, attackers and
arrests, dates and places of the event, and who is blamed or claims responsibility are what
fact-checkers verify first (0.8); a measured quantity (distance, money, percentage) is often
checkable (0.6); any other count is rarely worth a check (0.3). A claim about an older event
counts less (-0.2): it is background. A claim that names its source is easier to check and
more often checked (+0.1). The result is clipped to [0, 1].
"""

from __future__ import annotations

from newsprism.model.types import Claim

PRIORITY_SLOTS = frozenset(
    {
        "killed",
        "injured",
        "missing",
        "perpetrators",
        "arrested",
        "event_date",
        "event_location",
        "responsibility",
        "accusation",
    }
)
SCORE_PRIORITY = 0.8
SCORE_MEASURE = 0.6
SCORE_OTHER = 0.3
OLDER_EVENT_PENALTY = 0.2
SOURCED_BONUS = 0.1


def checkworthy_score(claim: Claim, measured: bool = False) -> float:
    """The rule-based score in [0, 1] of a claim; `measured` for quantities with a unit."""
    if claim.slot in PRIORITY_SLOTS:
        score = SCORE_PRIORITY
    elif measured:
        score = SCORE_MEASURE
    else:
        score = SCORE_OTHER
    if claim.subject is not None and claim.slot != "accusation":
        score -= OLDER_EVENT_PENALTY
    if claim.sourced:
        score += SOURCED_BONUS
    return round(min(1.0, max(0.0, score)), 2)
