"""Per-outlet profiles: how each outlet reports the case."""

from __future__ import annotations

from newsprism.model.types import AccusationValue, Analysis, OutletProfile


def outlet_name(analysis: Analysis, article_id: str) -> str:
    """The outlet of an article, else its title, else its source."""
    art = next(a for a in analysis.articles if a.id == article_id)
    return art.outlet or art.title or art.source


def outlet_profiles(analysis: Analysis) -> list[OutletProfile]:
    """One profile per outlet, in the order outlets first appear; claims and techniques
    counted in the outlet's own voice and in the sources it quotes apart (run
    `voices.assign_voices` first)."""
    contradicted = {
        cid for c in analysis.comparisons if c.verdict == "contradictory" for cid in c.claims
    }
    profiles: dict[str, OutletProfile] = {}
    for art in analysis.articles:
        name = outlet_name(analysis, art.id)
        profiles.setdefault(name, OutletProfile(outlet=name)).articles.append(art.id)
    by_article = {a: p for p in profiles.values() for a in p.articles}
    for claim in analysis.claims:
        profile = by_article[claim.article]
        profile.claims += 1
        profile.sourced += claim.sourced
        profile.hedged += claim.hedged
        profile.contradicted += claim.id in contradicted
        profile.quoted_claims += claim.attributed_to is not None
        profile.own_claims += claim.attributed_to is None
        if isinstance(claim.value, AccusationValue) and claim.value.accused not in profile.accuses:
            profile.accuses.append(claim.value.accused)
    for tech in analysis.techniques:
        profile = by_article[tech.article]
        profile.quoted_techniques += tech.quoted
        profile.own_techniques += not tech.quoted
    return list(profiles.values())
