"""Persistence: SQLite by default, one file per case; or a PostgreSQL database."""

from newsprism.store.database import (
    is_database_url,
    shown_url,
    store_label,
    store_target,
)
from newsprism.store.store import Store, StoreError

__all__ = ["Store", "StoreError", "is_database_url", "shown_url", "store_label", "store_target"]
