"""The store's version and the steps that upgrade an older store in place.

The version is SQLite's `PRAGMA user_version`, or the `store_version` row of `meta` in
PostgreSQL (`Database.version`). A step runs in one transaction with the version it brings
the store to, so a store is at one version or the next, never between; the schema (only
`CREATE ... IF NOT EXISTS`) then adds whatever tables a version adds.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism.store.database import Database

# Version 0: every store written before the store had a version.
# Version 1: the compared case in one table per kind (`case_events`, `case_comparisons`...)
#            instead of one JSON document per part (`case_results`).
STORE_VERSION = 1


def _to_1(db: Database) -> None:
    # The compared case is derived data: the next read compares the case again.
    db.execute("DROP TABLE IF EXISTS case_results")


STEPS: dict[int, Callable[[Database], None]] = {1: _to_1}


def upgrade(db: Database) -> list[int]:
    """Bring a store to STORE_VERSION, step by step; the versions it went through."""
    done = []
    for version in range(db.version() + 1, STORE_VERSION + 1):
        with db.transaction():
            STEPS[version](db)
            db.set_version(version)
        done.append(version)
    return done
