"""Check-worthiness of a claim: a prior by slot, adjusted by a trained sentence model.

The trained model (extract.checkworthy_model, trained on ClaimBuster) says how much the
claim's sentence reads as a factual claim worth checking, with 0.5 at its decision threshold.
It cannot tell which of a sentence's several claims matters, and, trained on debate
sentences, it finds "Putin immediately blamed Ukraine" unremarkable; the prior by slot knows
what a monitor of an event checks. So the score is the prior moved by the model:
prior + MODEL_WEIGHT * (model - 0.5), at most ±0.1: the model orders claims within a band
and never moves a toll below a stray count. Without the model file the prior alone is the
score.

The prior starts by slot: counts of dead, wounded, missing, attackers and
arrests, dates and places of the event, and who is blamed or claims responsibility are what
fact-checkers verify first (0.8); a measured quantity (distance, money, percentage) is often
checkable (0.6); any other count is rarely worth a check (0.3). A claim about an older event
counts less (-0.2): it is background. A claim that names its source is easier to check and
more often checked (+0.1). The result is clipped to [0, 1].
"""

from __future__ import annotations

from newsprism.extract.checkworthy_model import checkworthy_scores
from newsprism.learn.linear import ModelFileError
from newsprism.model.types import SLOTS, Claim

PRIORITY_SLOTS = frozenset(SLOTS) - {"quantity", "other"}
MODEL_WEIGHT = 0.2
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


def blend_with_model(claims: list[Claim], text: str) -> None:
    """Move each claim's prior by the trained model's score of its sentence, in place."""
    if not claims:
        return
    try:
        scores = checkworthy_scores([text[c.start : c.end] for c in claims])
    except ModelFileError:
        return
    for claim, score in zip(claims, scores, strict=True):
        moved = claim.checkworthy + MODEL_WEIGHT * (float(score) - 0.5)
        claim.checkworthy = round(min(1.0, max(0.0, moved)), 2)
