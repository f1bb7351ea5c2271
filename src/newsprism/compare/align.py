"""Aligning claims across articles: the same slot, the same subject, one event."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from newsprism.model.types import SLOTS, AccusationValue, Claim, NumberValue

COMPARED_SLOTS = frozenset(SLOTS) - {"other"}  # "other" claims have free-form values
MIN_CHECKWORTHY = 0.5
# For tolls an article's first figure is the one it reports; later figures are parts ("two
# patients died in hospital") or repeats, and comparing them makes noise. A later count of
# attackers or arrests is often another witness's account, and is compared unless hedged.
HEADLINE_SLOTS = frozenset({"killed", "injured", "missing", "perpetrators", "arrested"})
TOLL_SLOTS = frozenset(
    {"killed", "injured", "missing"}
)  # below it a number counts nothing worth comparing ("two groups")


def _key(claim: Claim) -> tuple[str, str | None, str | None] | None:
    """What must be equal for two claims to be about the same thing."""
    if claim.slot not in COMPARED_SLOTS or claim.checkworthy < MIN_CHECKWORTHY:
        return None
    if claim.slot == "accusation":
        return (claim.slot, None, None)
    unit = None
    if claim.slot == "quantity":
        if not isinstance(claim.value, NumberValue) or not claim.value.unit:
            return None
        unit = claim.value.unit  # distances with distances, money with money
    return (claim.slot, claim.subject, unit)


def _what(claim: Claim) -> object:
    """What a claim states, for spotting repeats within one article: for an accusation, whom."""
    if isinstance(claim.value, AccusationValue):
        return claim.value.accused
    return claim.value


def aligned_pairs(claims: list[Claim], event_articles: set[str]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims from two different articles of one event that say the same kind of thing.

    Within one article, repeats of one value are compared once; for tolls only the article's
    first figure is compared, for other head counts later hedged figures are left out. Claims
    come in text order.
    """
    buckets: dict[tuple[str, str | None, str | None], dict[str, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in claims:
        key = _key(claim)
        if key is None or claim.article not in event_articles:
            continue
        per_article = buckets[key][claim.article]
        if (
            per_article
            and claim.slot in HEADLINE_SLOTS
            and (claim.slot in TOLL_SLOTS or claim.hedged)
        ):
            continue  # the article's first figure is its own; later tolls are parts of it
        if all(_what(c) != _what(claim) for c in per_article):
            per_article.append(claim)
    for by_article in buckets.values():
        for art_a, art_b in itertools.combinations(sorted(by_article), 2):
            yield from itertools.product(by_article[art_a], by_article[art_b])
