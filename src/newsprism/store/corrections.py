"""Applying people's corrections to the machine's findings when a case is read.

Corrections live in their own tables; the machine's rows are never edited, so re-analysis
cannot undo a person's work, and every export shows both (`correction` on a claim says what
the machine had said).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsprism.compare.entities import apply_merges
from newsprism.model.serialize import value_from_dict, value_to_dict
from newsprism.model.types import Claim


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
