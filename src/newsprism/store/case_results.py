"""The compared case kept in the store, one table per kind: events and their articles,
verdicts (one row per pair of claims), accusations, timeline, outlet profiles, voices.

`newsprism report` and the app read it instead of comparing the case again while the store
and the comparison setup are as they were (`case_state`). When the store changed, the next
update starts from what is kept: events keep their articles and an event whose fingerprint
is unchanged keeps its verdicts (`compare.update_case`), and only what changed is rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from newsprism import __version__
from newsprism.compare import CaseUpdate, KeptCase, KeptEvent
from newsprism.compare.entities import apply_merges
from newsprism.compare.wire import SIGNATURE_SCHEME, mark_wire_copies
from newsprism.model.types import (
    Accusation,
    Analysis,
    Comparison,
    Event,
    OutletProfile,
    TimelineEntry,
)
from newsprism.store.connection import StoreBase
from newsprism.store.database import replace_into

# The embedding model that made a stored vector: the one shipped with this version.
VECTOR_SCHEME = f"newsprism-{__version__}"

# Rewritten whole on every update; verdicts, the bulk, are written where they changed.
CASE_TABLES = (
    "case_entities",
    "case_wire",
    "case_event_articles",
    "case_events",
    "case_accusations",
    "case_timeline",
    "case_outlets",
    "case_voices",
)


# A verdict's row, in this order: the pair, claim_a's article, then what was judged.
VERDICT_COLUMNS = ("claim_a", "claim_b", "article_a", "slot", "verdict", "reason", "is_update")


def _row(comparison: Comparison, article: str) -> tuple[Any, ...]:
    c = comparison
    return (*c.claims, article, c.slot, c.verdict, c.reason, int(c.update))


def _comparison(row: Sequence[Any]) -> Comparison:
    return Comparison(row[3], (row[0], row[1]), row[4], row[5], bool(row[6]))


def _ids(text: str) -> list[str]:
    return list(json.loads(text))


class CaseResults(StoreBase):
    """Saving and reading the compared case."""

    def _case_state(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM case_state").fetchall())

    def kept_case(self, setup: str) -> KeptCase:
        """The events as last compared, and a reader of their verdicts; nothing when they
        were compared with another setup (other alias tables, another comparison code)."""
        signatures = {
            article: (np.frombuffer(values, dtype=np.uint64), int(size))
            for article, size, values in self.db.execute(
                "SELECT article_id, shingles, hashvalues FROM wire_signatures WHERE scheme = ?",
                (SIGNATURE_SCHEME,),
            )
        }
        vectors = {
            key: np.frombuffer(vector, dtype=np.float32)
            for key, vector in self.db.execute(
                "SELECT text_key, vector FROM grouping_vectors WHERE scheme = ?", (VECTOR_SCHEME,)
            )
        }
        if self._case_state().get("setup") != setup:
            return KeptCase(signatures=signatures, vectors=vectors)
        return KeptCase(
            [
                KeptEvent(event, fingerprint)
                for event, fingerprint in zip(*self._events(), strict=True)
            ],
            self._verdicts_of,
            signatures,
            vectors,
        )

    def _events(self) -> tuple[list[Event], list[str]]:
        members: dict[str, list[str]] = {}
        for event_id, article_id in self.db.execute(
            "SELECT event_id, article_id FROM case_event_articles ORDER BY event_id, position"
        ):
            members.setdefault(event_id, []).append(article_id)
        rows = self.db.execute(
            "SELECT id, name, date, fingerprint FROM case_events ORDER BY position"
        ).fetchall()
        events = [Event(r[0], r[1], members.get(r[0], []), r[2]) for r in rows]
        return events, [r[3] for r in rows]

    def _verdicts_of(self, events: list[Event]) -> dict[str, list[Comparison]]:
        """The verdicts kept for these events, by event id, in `verdict_order`."""
        return {
            e.id: [
                _comparison(row)
                for row in sorted(self._verdict_rows(e.articles), key=lambda r: (r[3], r[0], r[1]))
            ]
            for e in events
        }

    def _verdict_rows(self, articles: list[str]) -> Iterator[tuple[Any, ...]]:
        """The stored verdict rows of pairs from these articles (as VERDICT_COLUMNS)."""
        for first in range(0, len(articles), 500):  # under SQLite's limit on parameters
            chunk = articles[first : first + 500]
            marks = ", ".join("?" * len(chunk))
            columns = ", ".join(VERDICT_COLUMNS)
            yield from self.db.execute(
                f"SELECT {columns} FROM case_comparisons WHERE article_a IN ({marks})", chunk
            )

    def save_case(
        self, store_state: str, setup: str, analysis: Analysis, update: CaseUpdate
    ) -> None:
        """Keep the compared case, in one transaction. Of the events judged in this update,
        only the verdicts that changed are written (most of a grown event's stay as they
        were); the other kinds, small next to the verdicts, are rewritten."""
        with self.db.transaction():
            if self._case_state().get("setup") != setup:
                self.db.execute("DELETE FROM case_comparisons")
            for table in CASE_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(
                "INSERT INTO case_entities (entity_id, into_id) VALUES (?, ?)",
                sorted(update.resolution.items()),
            )
            self.db.executemany(
                "INSERT INTO case_wire (article_id, origin_id) VALUES (?, ?)",
                sorted(update.wire.items()),
            )
            self.db.executemany(
                replace_into(
                    "wire_signatures",
                    ("article_id", "scheme", "shingles", "hashvalues"),
                    ("article_id",),
                ),
                [
                    (article, SIGNATURE_SCHEME, size, values.astype(np.uint64).tobytes())
                    for article, (values, size) in update.signatures.items()
                ],
            )
            self._save_vectors(update.vectors)
            self._save_events(analysis, update.fingerprints)
            self._save_case_parts(analysis)
            self.db.execute(
                "DELETE FROM case_comparisons WHERE article_a NOT IN"
                " (SELECT article_id FROM case_event_articles)"
            )  # articles no longer in the case
            events = {e.id: e for e in analysis.events}
            article_of = {c.id: c.article for c in analysis.claims}
            for event_id, verdicts in update.verdicts.items():
                rows = [_row(c, article_of[c.claims[0]]) for c in verdicts]
                self._save_verdicts(events[event_id].articles, rows)
            self.db.executemany(
                replace_into("case_state", ("key", "value"), ("key",)),
                [("store_state", store_state), ("setup", setup)],
            )

    def _save_verdicts(self, articles: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Make the stored verdicts of an event's articles these: the changed ones written,
        the ones no longer made deleted."""
        old = {(row[0], row[1]): tuple(row) for row in self._verdict_rows(articles)}
        new = {(row[0], row[1]): row for row in rows}
        self.db.executemany(
            "DELETE FROM case_comparisons WHERE claim_a = ? AND claim_b = ?",
            [pair for pair in old if pair not in new],
        )
        self.db.executemany(
            replace_into("case_comparisons", VERDICT_COLUMNS, ("claim_a", "claim_b")),
            [row for pair, row in new.items() if old.get(pair) != row],
        )

    def _save_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        """Keep the embedded texts in use, and only those."""
        stored = {r[0] for r in self.db.execute("SELECT text_key FROM grouping_vectors")}
        self.db.executemany(
            "DELETE FROM grouping_vectors WHERE text_key = ?", [(k,) for k in stored - set(vectors)]
        )
        self.db.executemany(
            replace_into("grouping_vectors", ("text_key", "scheme", "vector"), ("text_key",)),
            [
                (key, VECTOR_SCHEME, np.asarray(vector, dtype=np.float32).tobytes())
                for key, vector in vectors.items()
                if key not in stored
            ],
        )

    def _save_events(self, analysis: Analysis, fingerprints: dict[str, str]) -> None:
        self.db.executemany(
            "INSERT INTO case_events (id, position, name, date, fingerprint)"
            " VALUES (?, ?, ?, ?, ?)",
            [(e.id, n, e.name, e.date, fingerprints[e.id]) for n, e in enumerate(analysis.events)],
        )
        self.db.executemany(
            "INSERT INTO case_event_articles (event_id, article_id, position) VALUES (?, ?, ?)",
            [(e.id, a, n) for e in analysis.events for n, a in enumerate(e.articles)],
        )

    def _save_case_parts(self, analysis: Analysis) -> None:
        self.db.executemany(
            "INSERT INTO case_accusations (position, accuser, accused, claims, articles,"
            " hedged, quoted, denial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (n, a.accuser, a.accused, json.dumps(a.claims), json.dumps(a.articles),
                 int(a.hedged), int(a.quoted), int(a.denial))
                for n, a in enumerate(analysis.accusations)
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO case_timeline (position, date, claims, articles) VALUES (?, ?, ?, ?)",
            [
                (n, t.date, json.dumps(t.claims), json.dumps(t.articles))
                for n, t in enumerate(analysis.timeline)
            ],
        )
        self.db.executemany(
            "INSERT INTO case_outlets (position, outlet, profile) VALUES (?, ?, ?)",
            [
                (n, o.outlet, json.dumps(asdict(o), ensure_ascii=False))
                for n, o in enumerate(analysis.outlets)
            ],
        )
        self.db.executemany(
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
        voices = self.db.execute(
            "SELECT article_id, start_char, quoted, speaker FROM case_voices ORDER BY position"
        ).fetchall()
        if [(v[0], v[1]) for v in voices] != [(t.article, t.start) for t in analysis.techniques]:
            return False
        apply_merges(
            analysis, dict(self.db.execute("SELECT entity_id, into_id FROM case_entities"))
        )
        mark_wire_copies(
            analysis, dict(self.db.execute("SELECT article_id, origin_id FROM case_wire"))
        )
        events, _ = self._events()
        analysis.events = events
        verdicts = self._verdicts_of(events)
        analysis.comparisons = [c for e in events for c in verdicts[e.id]]
        analysis.accusations = [
            Accusation(r[0], r[1], _ids(r[2]), _ids(r[3]), bool(r[4]), bool(r[5]), bool(r[6]))
            for r in self.db.execute(
                "SELECT accuser, accused, claims, articles, hedged, quoted, denial"
                " FROM case_accusations ORDER BY position"
            )
        ]
        analysis.timeline = [
            TimelineEntry(r[0], _ids(r[1]), _ids(r[2]))
            for r in self.db.execute(
                "SELECT date, claims, articles FROM case_timeline ORDER BY position"
            )
        ]
        analysis.outlets = [
            OutletProfile(**json.loads(r[0]))
            for r in self.db.execute("SELECT profile FROM case_outlets ORDER BY position")
        ]
        for tech, (_, _, quoted, speaker) in zip(analysis.techniques, voices, strict=True):
            tech.quoted, tech.speaker = bool(quoted), speaker
        return True
