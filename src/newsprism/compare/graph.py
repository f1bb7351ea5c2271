"""The accusation graph: who blames whom, and who denies whose part, on whose word, in which
outlets."""

from __future__ import annotations

from collections import defaultdict

from newsprism.model.types import Accusation, AccusationValue, Analysis, CauseValue, Claim

VOICE_TYPES = frozenset({"AUTHOR"})


def _outlet_speaks(claim: Claim, analysis: Analysis, accuser: str) -> bool:
    """Whether the article makes the accusation itself rather than quoting someone."""
    article = next(a for a in analysis.articles if a.id == claim.article)
    ent = next((e for e in analysis.entities if e.id == accuser), None)
    return ent is not None and (
        ent.type in VOICE_TYPES or ent.name in (article.author, article.outlet)
    )


def _edge_of(claim: Claim) -> tuple[str, str, bool] | None:
    """(accuser, accused, denial) of a claim: an accusation, or a denial that an agent caused
    the event ("Russia denied bombing the theatre": Russia denies Russia did it)."""
    if isinstance(claim.value, AccusationValue):
        return claim.value.accuser, claim.value.accused, False
    if isinstance(claim.value, CauseValue) and claim.value.negated and claim.value.agent:
        return claim.attributed_to or claim.value.agent, claim.value.agent, True
    return None


def accusation_graph(analysis: Analysis) -> list[Accusation]:
    """One edge per (accuser, accused), with its claims and articles; hedging and voice noted."""
    edges: dict[tuple[str, str, bool], Accusation] = {}
    hedged: dict[tuple[str, str, bool], list[bool]] = defaultdict(list)
    own: dict[tuple[str, str, bool], list[bool]] = defaultdict(list)
    for claim in analysis.claims:
        edge_of = _edge_of(claim)
        if edge_of is None:
            continue
        key = edge_of
        accuser, accused, denial = key
        edge = edges.setdefault(key, Accusation(accuser=accuser, accused=accused, denial=denial))
        edge.claims.append(claim.id)
        if claim.article not in edge.articles:
            edge.articles.append(claim.article)
        hedged[key].append(claim.hedged)
        own[key].append(_outlet_speaks(claim, analysis, accuser))
    for key, edge in edges.items():
        edge.hedged = all(hedged[key])
        edge.quoted = not all(own[key])
    return sorted(edges.values(), key=lambda e: (-len(e.claims), e.accuser, e.accused))
