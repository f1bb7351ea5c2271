"""Persistence: SQLite by default, one file per case."""

from newsprism.store.sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
