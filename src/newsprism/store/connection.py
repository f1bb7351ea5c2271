"""The store's database: opening it (and refusing one that is not a newsprism store), its
schema, and closing it. The other modules of this package each add one kind of work on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsprism import SCHEMA_VERSION
from newsprism.store.database import Database, StoreError, open_database
from newsprism.store.migrations import STORE_VERSION, upgrade

__all__ = ["StoreBase", "StoreError"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreBase:
    """An open store: a SQLite file, or a PostgreSQL database named by its address."""

    db: Database

    def __init__(self, target: str | Path):
        self.db = open_database(target)
        self.name = self.db.name
        try:
            self._refuse_foreign()
            self._refuse_newer()
            self.upgraded = upgrade(self.db) if self.db.tables() else []
            self.db.create_schema()
            if self.db.version() != STORE_VERSION:  # a new store
                self.db.set_version(STORE_VERSION)
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                (SCHEMA_VERSION,),
            )
        except self.db.errors as exc:
            self.db.close()
            raise StoreError(f"{self.name}: not a usable newsprism store ({exc})") from exc

    def _refuse_newer(self) -> None:
        """A store from a newer newsprism is not written to: its tables may mean more."""
        version = self.db.version()
        if version > STORE_VERSION:
            self.db.close()
            raise StoreError(
                f"{self.name}: written by a newer newsprism (store version {version}; this "
                f"one reads up to {STORE_VERSION}); upgrade newsprism to open it"
            )

    def _refuse_foreign(self) -> None:
        """Another application's database is never written to: one with tables but no
        newsprism `meta` table is refused before anything is created in it."""
        tables = self.db.tables()
        if tables and "meta" not in tables:
            self.db.close()
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(
                f"{self.name}: not a newsprism store (it holds other tables: {shown}); "
                "give --db a new file or a newsprism store"
            )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
