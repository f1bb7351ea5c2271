"""Aligning claims of one event: the same slot, the same subject, every claim a candidate.

Every claim of a slot about the event is set against every other, across articles and inside
one article (an article giving 40 from the mayor and 50 from the governor is a finding). A
figure an article repeats (the same value from the same speaker) is one claim: its repeats are
not compared with each other. When a slot holds more claims than a person or a page can use
(MAX_CANDIDATES), repeats are dropped first, then statements made by several outlets are
paired once, so pairs stay bounded however many articles a case holds.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from newsprism.model.types import SLOTS, AccusationValue, Claim, NumberValue

COMPARED_SLOTS = frozenset(SLOTS) - {"other"}  # "other" claims have free-form values
MIN_CHECKWORTHY = 0.5
# Above this many claims of one slot in one event, pairs grow past what anyone reads (100
# claims make 4,950 pairs); repeats, then shared statements are then dropped before pairing.
MAX_CANDIDATES = 100


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


def statement(claim: Claim) -> tuple[object, ...]:
    """What a claim states and on whose word: two claims of one article with the same
    statement are one figure repeated."""
    value: object = claim.value
    if isinstance(claim.value, AccusationValue):
        value = (claim.value.accuser, claim.value.accused)
    return (claim.slot, repr(value), claim.attributed_to, claim.hedged)


def repeats(a: Claim, b: Claim) -> bool:
    """Whether two claims are one article stating one thing twice (a headline and its lede)."""
    return a.article == b.article and statement(a) == statement(b)


def _distinct(claims: list[Claim], per_article: bool) -> list[Claim]:
    """The first claim of each distinct statement (of each article, or across articles)."""
    seen: set[tuple[str, tuple[object, ...]]] = set()
    kept = []
    for claim in claims:
        mark = (claim.article if per_article else "", statement(claim))
        if mark not in seen:
            seen.add(mark)
            kept.append(claim)
    return kept


def candidates(bucket: list[Claim]) -> list[Claim]:
    """The claims of one slot and event worth pairing, at most MAX_CANDIDATES of them: all of
    them in a case of a few dozen articles; in a big one, each article's distinct statements,
    then each distinct statement once (its first report), then the most check-worthy."""
    if len(bucket) > MAX_CANDIDATES:
        bucket = _distinct(bucket, per_article=True)
    if len(bucket) > MAX_CANDIDATES:
        bucket = _distinct(bucket, per_article=False)
    if len(bucket) > MAX_CANDIDATES:
        worthiest = sorted(bucket, key=lambda c: -c.checkworthy)[:MAX_CANDIDATES]
        keep = {c.id for c in worthiest}
        bucket = [c for c in bucket if c.id in keep]
    return bucket


def aligned_pairs(claims: list[Claim], event_articles: set[str]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims of one event that say the same kind of thing, in text order: across
    articles and inside one, never a figure against its own repeat."""
    buckets: dict[tuple[str, str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _key(claim)
        if key is not None and claim.article in event_articles:
            buckets[key].append(claim)
    for bucket in buckets.values():
        bucket.sort(key=lambda c: (c.article, c.start, c.id))
        for a, b in itertools.combinations(candidates(bucket), 2):
            if not repeats(a, b):
                yield a, b
