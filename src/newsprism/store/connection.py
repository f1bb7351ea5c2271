"""The store's file: opening it (and refusing one that is not a newsprism store), its schema,
and closing it. The other modules of this package each add one kind of work on it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from newsprism import SCHEMA_VERSION
from newsprism.errors import NewsprismError


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
            self.conn.executescript(_schema())
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsprism store ({exc})") from exc

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
