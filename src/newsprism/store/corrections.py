"""Applying people's corrections to the machine's findings when a case is read.

Corrections live in their own tables; the machine's rows are never edited, so re-analysis
cannot undo a person's work, and every export shows both (`correction` on a claim says what
the machine had said).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsprism.model.serialize import value_from_dict, value_to_dict
from newsprism.model.types import (
    AccusationValue,
    Analysis,
    CauseValue,
    Claim,
    ClaimValue,
    Entity,
    EntityValue,
)


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
    """Read each merged entity as the one it was merged into, everywhere."""
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


def apply_corrections(
    claims: list[Claim], rows: Iterable[tuple[str, str, str | None, str | None, str | None]]
) -> None:
    """Apply (claim id, action, slot, value json, note) rows, oldest first, in place."""
    by_id = {c.id: c for c in claims}
    for claim_id, action, slot, value_json, note in rows:
        claim = by_id.get(claim_id)
        if claim is None:
            continue
        was: dict[str, Any] = (claim.correction or {}).get("was") or {
            "slot": claim.slot,
            "value": value_to_dict(claim.value),
        }
        if action == "wrong":
            claim.correction = {"status": "wrong", "was": was, "note": note}
            continue
        if action == "slot" and slot:
            claim.slot = slot
        if action == "value" and value_json:
            claim.value = value_from_dict(json.loads(value_json))
        claim.correction = {"status": "corrected", "was": was, "note": note}


__all__ = ["apply_corrections", "apply_merges"]
