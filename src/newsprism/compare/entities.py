"""One entity per actor across the case's articles: resolution across outlets.

Inside an article, names are resolved as the article is read (extract/resolve.py). Across
articles it is done here, over the whole case at once, so that the result does not depend on
the order articles came in: entities named in more articles first, each name matched against
those already seen by the same rules (`EntityResolver`: spelling, surname and full name,
acronym, transliteration).
"""

from __future__ import annotations

from newsprism.extract.resolve import EntityResolver, entity_key
from newsprism.model.types import (
    AccusationValue,
    Analysis,
    CauseValue,
    ClaimValue,
    Entity,
    EntityValue,
)


def _prominence(entity: Entity) -> tuple[int, int, int, str]:
    articles = len({m.article for m in entity.mentions})
    return (-articles, -len(entity.mentions), -len(entity.name), entity.id)


def resolve_across_articles(analysis: Analysis) -> dict[str, str]:
    """Entity id -> the id of the entity it is one actor with; entities that stand alone
    are not in it."""
    resolver = EntityResolver()
    id_of: dict[str, str] = {}
    same: dict[str, str] = {}
    for entity in sorted(analysis.entities, key=_prominence):
        key = entity_key(entity.name)
        target = resolver.resolve(key, entity.type)
        if target in id_of and id_of[target] != entity.id:
            same[entity.id] = id_of[target]
        else:
            id_of.setdefault(key, entity.id)
    return same


def _final(merges: dict[str, str], eid: str) -> str:
    seen = set()
    while eid in merges and eid not in seen:
        seen.add(eid)
        eid = merges[eid]
    return eid


def _remap_value(value: ClaimValue, merges: dict[str, str]) -> ClaimValue:
    if isinstance(value, EntityValue):
        within = _final(merges, value.within) if value.within else None
        return EntityValue(_final(merges, value.entity), within)
    if isinstance(value, AccusationValue):
        return AccusationValue(_final(merges, value.accuser), _final(merges, value.accused))
    if isinstance(value, CauseValue) and value.agent:
        return CauseValue(_final(merges, value.agent), value.mechanism, value.negated)
    return value


def apply_merges(analysis: Analysis, merges: dict[str, str]) -> None:
    """Read each merged entity (a person's merge, or one found across articles) as the one
    it was merged into, everywhere."""
    if not merges:
        return
    by_id = {e.id: e for e in analysis.entities}
    kept: dict[str, Entity] = {}
    for ent in analysis.entities:
        target = _final(merges, ent.id)
        if target == ent.id:
            kept.setdefault(ent.id, ent)
            continue
        into = kept.get(target) or by_id.get(target)
        if into is None:
            continue
        kept[target] = into
        into.mentions = sorted([*into.mentions, *ent.mentions], key=lambda m: (m.article, m.start))
        into.aliases = sorted({*into.aliases, ent.name, *ent.aliases} - {into.name})
    analysis.entities = sorted(kept.values(), key=lambda e: e.id)
    for claim in analysis.claims:
        claim.subject = _final(merges, claim.subject) if claim.subject else None
        claim.attributed_to = _final(merges, claim.attributed_to) if claim.attributed_to else None
        claim.value = _remap_value(claim.value, merges)
