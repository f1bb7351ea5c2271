"""The accusation graph: who blames whom, on whose word, in which outlets."""

from __future__ import annotations

from collections import defaultdict

from newsprism.model.types import Accusation, AccusationValue, Analysis, Claim

VOICE_TYPES = frozenset({"AUTHOR"})


def _outlet_speaks(claim: Claim, analysis: Analysis, accuser: str) -> bool:
    """Whether the article makes the accusation itself rather than quoting someone."""
    article = next(a for a in analysis.articles if a.id == claim.article)
    ent = next((e for e in analysis.entities if e.id == accuser), None)
    return ent is not None and (
        ent.type in VOICE_TYPES or ent.name in (article.author, article.outlet)
    )


def accusation_graph(analysis: Analysis) -> list[Accusation]:
    """One edge per (accuser, accused), with its claims and articles; hedging and voice noted."""
    edges: dict[tuple[str, str], Accusation] = {}
    hedged: dict[tuple[str, str], list[bool]] = defaultdict(list)
    own: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for claim in analysis.claims:
        if not isinstance(claim.value, AccusationValue):
            continue
        key = (claim.value.accuser, claim.value.accused)
        edge = edges.setdefault(key, Accusation(accuser=key[0], accused=key[1]))
        edge.claims.append(claim.id)
        if claim.article not in edge.articles:
            edge.articles.append(claim.article)
        hedged[key].append(claim.hedged)
        own[key].append(_outlet_speaks(claim, analysis, key[0]))
    for key, edge in edges.items():
        edge.hedged = all(hedged[key])
        edge.quoted = not all(own[key])
    return sorted(edges.values(), key=lambda e: (-len(e.claims), e.accuser, e.accused))
