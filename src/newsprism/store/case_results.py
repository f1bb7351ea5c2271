"""The compared case kept in the store, one table per kind: events and their articles,
verdicts (per event fingerprint), accusations, timeline, outlet profiles, voices.

`newsprism report` and the app read it instead of comparing the case again while the store
and the comparison setup are as they were (`case_state`). When the store changed, the next
update starts from what is kept: events keep their articles and an event whose fingerprint
is unchanged keeps its verdicts (`compare.update_case`), and only what changed is rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict

from newsprism.compare import CaseUpdate, KeptCase, KeptEvent
from newsprism.model.types import (
    Accusation,
    Analysis,
    Comparison,
    Event,
    OutletProfile,
    TimelineEntry,
)
from newsprism.store.connection import StoreBase

# Rewritten whole on every update; verdicts, the bulk, are kept per event fingerprint.
CASE_TABLES = (
    "case_event_articles",
    "case_events",
    "case_accusations",
    "case_timeline",
    "case_outlets",
    "case_voices",
)


def _ids(text: str) -> list[str]:
    return list(json.loads(text))


class CaseResults(StoreBase):
    """Saving and reading the compared case."""

    def _case_state(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM case_state").fetchall())

    def kept_case(self, setup: str) -> KeptCase:
        """The events as last compared, and a reader of their verdicts; nothing when they
        were compared with another setup (other alias tables, another comparison code)."""
        if self._case_state().get("setup") != setup:
            return KeptCase()
        return KeptCase(
            [
                KeptEvent(event, fingerprint)
                for event, fingerprint in zip(*self._events(), strict=True)
            ],
            self._verdicts_of,
        )

    def _events(self) -> tuple[list[Event], list[str]]:
        members: dict[str, list[str]] = {}
        for event_id, article_id in self.conn.execute(
            "SELECT event_id, article_id FROM case_event_articles ORDER BY event_id, position"
        ):
            members.setdefault(event_id, []).append(article_id)
        rows = self.conn.execute(
            "SELECT id, name, date, fingerprint FROM case_events ORDER BY position"
        ).fetchall()
        events = [Event(r[0], r[1], members.get(r[0], []), r[2]) for r in rows]
        return events, [r[3] for r in rows]

    def _verdicts_of(self, fingerprints: Collection[str]) -> dict[str, list[Comparison]]:
        """The verdicts kept for these event fingerprints, in the order they were judged."""
        verdicts: dict[str, list[Comparison]] = {fp: [] for fp in fingerprints}
        for fingerprint in fingerprints:
            verdicts[fingerprint] = [
                Comparison(row[0], (row[1], row[2]), row[3], row[4], bool(row[5]))
                for row in self.conn.execute(
                    "SELECT slot, claim_a, claim_b, verdict, reason, is_update"
                    " FROM case_comparisons WHERE fingerprint = ? ORDER BY position",
                    (fingerprint,),
                )
            ]
        return verdicts

    def save_case(
        self, store_state: str, setup: str, analysis: Analysis, update: CaseUpdate
    ) -> None:
        """Keep the compared case, in one transaction: the verdicts of the events judged in
        this update replace what their fingerprint had, those of events gone are dropped,
        and the other kinds (small next to the verdicts) are rewritten."""
        fingerprints = update.fingerprints
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            if self._case_state().get("setup") != setup:
                self.conn.execute("DELETE FROM case_comparisons")
            stored = {r[0] for r in self.conn.execute("SELECT fingerprint FROM case_events")}
            gone = stored - set(fingerprints.values())
            self.conn.executemany(
                "DELETE FROM case_comparisons WHERE fingerprint = ?", [(fp,) for fp in gone]
            )
            for event_id, verdicts in update.verdicts.items():
                fingerprint = fingerprints[event_id]
                self.conn.execute(
                    "DELETE FROM case_comparisons WHERE fingerprint = ?", (fingerprint,)
                )
                self.conn.executemany(
                    "INSERT INTO case_comparisons (fingerprint, position, slot, claim_a, claim_b,"
                    " verdict, reason, is_update) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (fingerprint, n, c.slot, *c.claims, c.verdict, c.reason, int(c.update))
                        for n, c in enumerate(verdicts)
                    ],
                )
            for table in CASE_TABLES:
                self.conn.execute(f"DELETE FROM {table}")
            self._save_events(analysis, fingerprints)
            self._save_case_parts(analysis)
            self.conn.executemany(
                "INSERT OR REPLACE INTO case_state (key, value) VALUES (?, ?)",
                [("store_state", store_state), ("setup", setup)],
            )

    def _save_events(self, analysis: Analysis, fingerprints: dict[str, str]) -> None:
        self.conn.executemany(
            "INSERT INTO case_events (id, position, name, date, fingerprint)"
            " VALUES (?, ?, ?, ?, ?)",
            [(e.id, n, e.name, e.date, fingerprints[e.id]) for n, e in enumerate(analysis.events)],
        )
        self.conn.executemany(
            "INSERT INTO case_event_articles (event_id, article_id, position) VALUES (?, ?, ?)",
            [(e.id, a, n) for e in analysis.events for n, a in enumerate(e.articles)],
        )

    def _save_case_parts(self, analysis: Analysis) -> None:
        self.conn.executemany(
            "INSERT INTO case_accusations (position, accuser, accused, claims, articles,"
            " hedged, quoted, denial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (n, a.accuser, a.accused, json.dumps(a.claims), json.dumps(a.articles),
                 int(a.hedged), int(a.quoted), int(a.denial))
                for n, a in enumerate(analysis.accusations)
            ],
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO case_timeline (position, date, claims, articles) VALUES (?, ?, ?, ?)",
            [
                (n, t.date, json.dumps(t.claims), json.dumps(t.articles))
                for n, t in enumerate(analysis.timeline)
            ],
        )
        self.conn.executemany(
            "INSERT INTO case_outlets (position, outlet, profile) VALUES (?, ?, ?)",
            [
                (n, o.outlet, json.dumps(asdict(o), ensure_ascii=False))
                for n, o in enumerate(analysis.outlets)
            ],
        )
        self.conn.executemany(
            "INSERT INTO case_voices (position, article_id, start_char, quoted, speaker)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (n, t.article, t.start, int(t.quoted), t.speaker)
                for n, t in enumerate(analysis.techniques)
            ],
        )

    def read_case(self, store_state: str, setup: str, analysis: Analysis) -> bool:
        """Fill a freshly loaded case with the kept results when they were computed for this
        state of the store and this setup; False (and nothing changed) when not."""
        state = self._case_state()
        if state.get("store_state") != store_state or state.get("setup") != setup:
            return False
        voices = self.conn.execute(
            "SELECT article_id, start_char, quoted, speaker FROM case_voices ORDER BY position"
        ).fetchall()
        if [(v[0], v[1]) for v in voices] != [(t.article, t.start) for t in analysis.techniques]:
            return False
        events, _ = self._events()
        analysis.events = events
        analysis.comparisons = [
            Comparison(row[0], (row[1], row[2]), row[3], row[4], bool(row[5]))
            for row in self.conn.execute(
                "SELECT c.slot, c.claim_a, c.claim_b, c.verdict, c.reason, c.is_update"
                " FROM case_comparisons c JOIN case_events e ON e.fingerprint = c.fingerprint"
                " ORDER BY e.position, c.position"
            )
        ]
        analysis.accusations = [
            Accusation(r[0], r[1], _ids(r[2]), _ids(r[3]), bool(r[4]), bool(r[5]), bool(r[6]))
            for r in self.conn.execute(
                "SELECT accuser, accused, claims, articles, hedged, quoted, denial"
                " FROM case_accusations ORDER BY position"
            )
        ]
        analysis.timeline = [
            TimelineEntry(r[0], _ids(r[1]), _ids(r[2]))
            for r in self.conn.execute(
                "SELECT date, claims, articles FROM case_timeline ORDER BY position"
            )
        ]
        analysis.outlets = [
            OutletProfile(**json.loads(r[0]))
            for r in self.conn.execute("SELECT profile FROM case_outlets ORDER BY position")
        ]
        for tech, (_, _, quoted, speaker) in zip(analysis.techniques, voices, strict=True):
            tech.quoted, tech.speaker = bool(quoted), speaker
        return True
