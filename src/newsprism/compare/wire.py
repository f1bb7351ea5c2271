"""Wire copies: one agency story carried by many sites, lightly edited, is one source.

Articles whose texts share most of their word 5-grams are copies of one story. They are
found with MinHash signatures and locality-sensitive hashing (datasketch), so a corpus of
millions is never compared pair by pair, and confirmed on the signatures' Jaccard estimate.
A group's origin is its earliest article (then the one stored first). Copies are never
compared with each other: their agreement would be one source agreeing with itself.

WIRE_THRESHOLD is measured by `python benchmarks/wire_copies.py` (see its figures there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsprism.model.types import Analysis, Article

SHINGLE_WORDS = 5
PERMUTATIONS = 128
HASH_SCHEME = "affine32"  # datasketch's hash family (its default from 2.0)
# Stored signatures are made this way; another way makes them again.
SIGNATURE_SCHEME = f"minhash-{HASH_SCHEME}-{SHINGLE_WORDS}gram-{PERMUTATIONS}-seed1"
# Real reposts (PTC, read and labelled): precision 0.857, recall 0.750 at 0.3, against 1.000
# and 0.250 at 0.4; synthetic copies: 1.000 and 0.917; no two of the dev events' different
# stories above 0.18 (`benchmarks/wire_copies.py`).
WIRE_THRESHOLD = 0.3
# Two short texts that open alike (a lead sentence, a dateline) are not one story: copies
# share at least this many 5-grams, about 45 words of running text.
MIN_SHARED = 40
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The text's word 5-grams, case folded (a short text: its words)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature_of(text: str) -> tuple[np.ndarray, int] | None:
    """The MinHash signature of a text's 5-grams (PERMUTATIONS values) and how many 5-grams
    it has; None for a text without words."""
    from datasketch import MinHash

    words = shingles(text)
    if not words:
        return None
    signature = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=HASH_SCHEME)
    signature.update_batch([w.encode("utf-8") for w in words])
    return np.asarray(signature.hashvalues, dtype=np.uint64), len(words)


def wire_copies(
    articles: Sequence[Article],
    threshold: float = WIRE_THRESHOLD,
    known: dict[str, tuple[np.ndarray, int]] | None = None,
) -> tuple[dict[str, str], dict[str, tuple[np.ndarray, int]]]:
    """Article id -> the id of the origin of its wire story, for articles in a group of two
    or more (the origin maps to itself); and the signatures made here (article id ->
    signature and number of 5-grams), to keep with `known` (those made before) for the
    next time."""
    from datasketch import MinHash, MinHashLSH

    known = known or {}
    made: dict[str, tuple[np.ndarray, int]] = {}
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    seen: dict[str, tuple[MinHash, int]] = {}
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for article in articles:
        if article.id in known:
            values, size = known[article.id]
        else:
            signature = signature_of(article.text)
            if signature is None:
                continue
            values, size = made[article.id] = signature
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=values, scheme=HASH_SCHEME)
        parent[article.id] = article.id
        for other in index.query(minhash):
            alike = minhash.jaccard(seen[other][0])
            shared = alike * (size + seen[other][1]) / (1 + alike)
            if alike >= threshold and shared >= MIN_SHARED:
                parent[find(article.id)] = find(other)
        index.insert(article.id, minhash)
        seen[article.id] = (minhash, size)
    order = {a.id: (a.published or "9999", n) for n, a in enumerate(articles)}
    groups: dict[str, list[str]] = {}
    for aid in parent:
        groups.setdefault(find(aid), []).append(aid)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            origin = min(members, key=order.__getitem__)
            copies.update(dict.fromkeys(members, origin))
    return copies, made


def one_story(first: str, second: str, copies: dict[str, str]) -> bool:
    """Whether two different articles are copies of one wire story."""
    return first != second and first in copies and copies[first] == copies.get(second)


def mark_wire_copies(analysis: Analysis, copies: dict[str, str]) -> None:
    """Say on each copy which article its story first appeared in (`extra.wire_origin`,
    with that article's outlet in `extra.wire_via`)."""
    outlets = {a.id: a.outlet or a.title or a.source for a in analysis.articles}
    for article in analysis.articles:
        origin = copies.get(article.id)
        article.extra.pop("wire_origin", None)
        article.extra.pop("wire_via", None)
        if origin is not None and origin != article.id:
            article.extra["wire_origin"] = origin
            article.extra["wire_via"] = outlets[origin]
