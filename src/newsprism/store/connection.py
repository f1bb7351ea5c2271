"""The store's file: opening it (and refusing one that is not a newsprism store), its schema,
and closing it. The other modules of this package each add one kind of work on it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from newsprism import SCHEMA_VERSION
from newsprism.errors import NewsprismError
from newsprism.store.migrations import STORE_VERSION, store_version, upgrade


class StoreError(NewsprismError):
    """A store that cannot be opened or is not a newsprism store."""


def _schema() -> str:
    return resources.files("newsprism.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreBase:
    """An open store file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._refuse_foreign()
            self._refuse_newer()
            self.upgraded = upgrade(self.conn) if self._has_tables() else []
            self.conn.executescript(_schema())
            if store_version(self.conn) != STORE_VERSION:  # a new file
                self.conn.execute(f"PRAGMA user_version = {STORE_VERSION}")
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsprism store ({exc})") from exc

    def _has_tables(self) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None

    def _refuse_newer(self) -> None:
        """A store from a newer newsprism is not written to: its tables may mean more."""
        version = store_version(self.conn)
        if version > STORE_VERSION:
            self.conn.close()
            raise StoreError(
                f"{self.path}: written by a newer newsprism (store version {version}; this "
                f"one reads up to {STORE_VERSION}); upgrade newsprism to open it"
            )

    def _refuse_foreign(self) -> None:
        """Another application's database is never written to: a file with tables but no
        newsprism `meta` table is refused before anything is created in it."""
        tables = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if tables and "meta" not in tables:
            self.conn.close()
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(
                f"{self.path}: not a newsprism store (it holds other tables: {shown}); "
                "give --db a new file or a newsprism store"
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
