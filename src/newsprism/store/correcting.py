"""A person's corrections and merges, kept apart from the machine's output."""

from __future__ import annotations

import json
from typing import Any

from newsprism.errors import ContractError
from newsprism.model.serialize import value_from_dict, value_to_dict
from newsprism.model.types import SLOTS
from newsprism.store.connection import StoreBase, StoreError, _now
from newsprism.store.database import replace_into


class Correcting(StoreBase):
    """Recording corrections of claims and merges of entities."""

    def add_correction(
        self,
        claim_id: str,
        action: str,
        slot: str | None = None,
        value: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> None:
        """Record a person's correction of a claim; StoreError when it does not make sense."""
        if action not in ("wrong", "value", "slot"):
            raise StoreError(f"unknown correction {action!r}: use wrong, value or slot")
        if self.db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
            raise StoreError(f"no claim {claim_id!r} in {self.name}")
        if action == "slot" and slot not in SLOTS:
            raise StoreError(f"unknown slot {slot!r}; slots are {', '.join(SLOTS)}")
        value_json = None
        if action == "value":
            try:
                value_json = json.dumps(
                    value_to_dict(value_from_dict(value or {})), allow_nan=False
                )
            except (ContractError, KeyError, TypeError, ValueError) as exc:
                raise StoreError(f"not a claim value (numbers must be finite): {exc}") from exc
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO corrections (claim_id, action, slot, value_json, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (claim_id, action, slot, value_json, note, _now()),
            )

    def merge_entities(self, from_id: str, into_id: str) -> None:
        """Read entity `from_id` as `into_id` from now on (a person's merge)."""
        for eid in (from_id, into_id):
            if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone() is None:
                raise StoreError(f"no entity {eid!r} in {self.name}")
        if from_id == into_id:
            raise StoreError("an entity cannot be merged into itself")
        merged = dict(self.db.execute("SELECT from_id, into_id FROM entity_merges").fetchall())
        if from_id in merged:
            raise StoreError(f"{from_id} is already merged into {merged[from_id]}")
        target = into_id
        while target in merged:  # into an entity that was merged away: follow, never loop
            target = merged[target]
            if target == from_id:
                raise StoreError(f"{into_id} is already merged into {from_id}")
        with self.db.transaction():
            self.db.execute(
                replace_into("entity_merges", ("from_id", "into_id", "created_at"), ("from_id",)),
                (from_id, into_id, _now()),
            )
