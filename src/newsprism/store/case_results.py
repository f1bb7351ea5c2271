"""The compared case kept in the store: `newsprism report` and the app read it instead of
comparing the case again, as long as nothing it depends on changed.

What it depends on is its fingerprint: the state of the store (articles, corrections,
merges), the alias tables used, and the comparison code itself (a hash of its source), so
an upgrade or an edit of the comparison rules never serves results they did not make.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from newsprism.model.types import (
    Accusation,
    Analysis,
    Comparison,
    Event,
    OutletProfile,
    TimelineEntry,
)
from newsprism.store.connection import StoreBase

PARTS = ("events", "comparisons", "accusations", "timeline", "outlets", "voices")


def _parts_of(analysis: Analysis) -> dict[str, Any]:
    return {
        "events": [asdict(e) for e in analysis.events],
        "comparisons": [asdict(c) for c in analysis.comparisons],
        "accusations": [asdict(a) for a in analysis.accusations],
        "timeline": [asdict(t) for t in analysis.timeline],
        "outlets": [asdict(o) for o in analysis.outlets],
        "voices": [[t.quoted, t.speaker] for t in analysis.techniques],
    }


class CaseResults(StoreBase):
    """Saving and reading the compared case."""

    def save_case_results(self, fingerprint: str, analysis: Analysis) -> None:
        """Keep the compared case for this fingerprint, replacing what was kept, atomically."""
        rows = [("fingerprint", json.dumps(fingerprint))] + [
            (part, json.dumps(value, ensure_ascii=False, allow_nan=False))
            for part, value in _parts_of(analysis).items()
        ]
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM case_results")
            self.conn.executemany("INSERT INTO case_results (part, json) VALUES (?, ?)", rows)

    def apply_case_results(self, fingerprint: str, analysis: Analysis) -> bool:
        """Fill a freshly loaded case with the kept results, when they are this
        fingerprint's; False (and nothing changed) when they are not, or do not fit."""
        kept = {
            part: json.loads(text)
            for part, text in self.conn.execute("SELECT part, json FROM case_results")
        }
        if kept.get("fingerprint") != fingerprint or any(p not in kept for p in PARTS):
            return False
        if len(kept["voices"]) != len(analysis.techniques):
            return False
        analysis.events = [Event(**e) for e in kept["events"]]
        analysis.comparisons = [
            Comparison(**{**c, "claims": tuple(c["claims"])}) for c in kept["comparisons"]
        ]
        analysis.accusations = [Accusation(**a) for a in kept["accusations"]]
        analysis.timeline = [TimelineEntry(**t) for t in kept["timeline"]]
        analysis.outlets = [OutletProfile(**o) for o in kept["outlets"]]
        for tech, (quoted, speaker) in zip(analysis.techniques, kept["voices"], strict=True):
            tech.quoted, tech.speaker = quoted, speaker
        return True
