"""Grouping articles by the event they report, in time that grows about linearly.

Each article gets a signature: an embedding of the sentences that report its event (with the
title), the places and actors it names there, and the event's date. Articles are compared
only when they share a block: a place, a date, or a bucket of the embedding's random-plane
hash; blocks so large that they say nothing ("Russia" in a corpus about Russia) are skipped.
A pair is one event when its score passes SAME_EVENT_THRESHOLD:

    score = 0.5 * cosine of embeddings
            + 0.5 if they share a place of the event (-0.2 if both name places, none shared)
            + 0.25 * min(1, shared actors / 3) + date term

where the date term is +0.15 on the same day, 0 when a date is unknown, and -0.4 when the
days differ by more than a week. Text alone never suffices: reports of two attacks read
alike (cosine 0.7 between the seeds and the examples, two different events), so a pair needs
a shared place, shared actors or the same day as well. Groups are the connected pairs
(union-find). Weights and threshold are set on the bundled examples and seeds and checked on
synthetic corpora by benchmarks/grouping_speed.py.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

SAME_EVENT_THRESHOLD = 0.6
MAX_BLOCK = 200  # a key shared by more articles than this tells nothing about the event
HASH_BANDS = 6
HASH_BITS = 10
HASH_SEED = 20240322
W_EMBEDDING, W_PLACE, W_ACTORS, ACTORS_FULL = 0.5, 0.5, 0.25, 3
PLACE_CONFLICT = -0.2  # both name the event's places, and none is shared
DATE_SAME, DATE_FAR, FAR_DAYS = 0.15, -0.4, 7


@dataclass
class Signature:
    """What grouping knows of one article."""

    article: str
    vector: np.ndarray
    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    day: str | None = None  # YYYY-MM-DD of the event, when known


@dataclass
class EventGroup:
    """Articles that report one event."""

    id: str
    articles: list[str] = field(default_factory=list)


def _day_term(a: str | None, b: str | None) -> float:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return 0.0
    if a == b:
        return DATE_SAME
    gap = abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    return DATE_FAR if gap > FAR_DAYS else 0.0


def score(a: Signature, b: Signature) -> float:
    """How strongly two articles look like reports of one event."""
    cosine = float(np.dot(a.vector, b.vector))
    place = W_PLACE if a.places & b.places else (PLACE_CONFLICT if a.places and b.places else 0.0)
    actors = W_ACTORS * min(1.0, len(a.actors & b.actors) / ACTORS_FULL)
    return W_EMBEDDING * cosine + place + actors + _day_term(a.day, b.day)


def _hash_keys(vectors: np.ndarray) -> list[list[str]]:
    """Random-hyperplane hash, in bands: near vectors share at least one band's bucket."""
    if len(vectors) == 0:
        return []
    rng = np.random.default_rng(HASH_SEED)
    planes = rng.standard_normal((vectors.shape[1], HASH_BANDS * HASH_BITS)).astype(np.float32)
    bits = (vectors @ planes) > 0
    weights = 1 << np.arange(HASH_BITS)
    keys = []
    for row in bits:
        bands = row.reshape(HASH_BANDS, HASH_BITS)
        keys.append([f"h{i}:{int(band @ weights)}" for i, band in enumerate(bands)])
    return keys


def candidate_pairs(signatures: Sequence[Signature]) -> set[tuple[int, int]]:
    """Pairs of articles that share a block; never all pairs of a large corpus."""
    blocks: dict[str, list[int]] = defaultdict(list)
    vectors = np.stack([s.vector for s in signatures]) if signatures else np.zeros((0, 1))
    for i, (sig, hashes) in enumerate(zip(signatures, _hash_keys(vectors), strict=True)):
        keys = [f"p:{p}" for p in sig.places] + ([f"d:{sig.day}"] if sig.day else []) + hashes
        for key in keys:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            pairs.update(itertools.combinations(members, 2))
    return pairs


def group_events(
    signatures: Sequence[Signature], progress: Callable[[int, int], None] | None = None
) -> list[EventGroup]:
    """Events, largest first; every article is in exactly one (alone if nothing matches)."""
    parent = list(range(len(signatures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = sorted(candidate_pairs(signatures))
    for done, (i, j) in enumerate(pairs, start=1):
        if find(i) != find(j) and score(signatures[i], signatures[j]) >= SAME_EVENT_THRESHOLD:
            parent[find(i)] = find(j)
        if progress and done % 10_000 == 0:
            progress(done, len(pairs))
    members: dict[int, list[str]] = defaultdict(list)
    for i, sig in enumerate(signatures):
        members[find(i)].append(sig.article)
    ordered = sorted(members.values(), key=lambda arts: (-len(arts), arts[0]))
    return [EventGroup(f"V{n + 1}", arts) for n, arts in enumerate(ordered)]


def most_common(items: list[str]) -> str | None:
    """The most frequent item, the first seen on a tie."""
    return Counter(items).most_common(1)[0][0] if items else None
