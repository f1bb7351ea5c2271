"""The store's version and the steps that upgrade an older store in place.

The version is SQLite's `PRAGMA user_version`. A step runs in one transaction with the
version it brings the store to, so a store is at one version or the next, never between;
`schema.sql` (only `CREATE ... IF NOT EXISTS`) then adds whatever tables a version adds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Version 0: every store written before the store had a version.
# Version 1: the compared case in one table per kind (`case_events`, `case_comparisons`...)
#            instead of one JSON document per part (`case_results`).
STORE_VERSION = 1


def _to_1(conn: sqlite3.Connection) -> None:
    # The compared case is derived data: the next read compares the case again.
    conn.execute("DROP TABLE IF EXISTS case_results")


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_1}


def store_version(conn: sqlite3.Connection) -> int:
    """The version a store file was written at."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection) -> list[int]:
    """Bring a store to STORE_VERSION, step by step; the versions it went through."""
    done = []
    for version in range(store_version(conn) + 1, STORE_VERSION + 1):
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
        done.append(version)
    return done
