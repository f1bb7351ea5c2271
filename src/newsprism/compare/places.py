"""What the articles say about where places are: "the Harbour Market in Valdoria"."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from newsprism.model.types import Analysis

_IN = re.compile(r"^\s*(?:,\s*)?(?:in|inside|on the outskirts of)\s+(?:the\s+)?$", re.I)


def containment(analysis: Analysis) -> dict[str, set[str]]:
    """For each place entity, the places some article says it lies in ("X in Y").

    Read from the text between two mentions next to each other, so it is what the articles
    state, not a gazetteer.
    """
    places = {e.id for e in analysis.entities if e.type in ("GPE", "LOC", "FAC")}
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ent in analysis.entities:
        if ent.id in places:
            for m in ent.mentions:
                by_article[m.article].append((m.start, m.end, ent.id))
    texts = {a.id: a.text for a in analysis.articles}
    inside: dict[str, set[str]] = defaultdict(set)
    for article, mentions in by_article.items():
        mentions.sort()
        for (_, end, inner), (start, _, outer) in itertools.pairwise(mentions):
            between = texts[article][end:start]
            if inner != outer and _IN.match(between):
                inside[inner].add(outer)
    # Lying in a place that lies in another: the chain is short, one step more is enough.
    for inner in list(inside):
        for outer in list(inside[inner]):
            inside[inner] |= inside.get(outer, set()) - {inner}
    return inside
