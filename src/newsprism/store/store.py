"""The store: one SQLite file per case, readable by any SQLite tool (or a PostgreSQL
database), written article by article.

`Store` is the store with every kind of work on it, each in its own module: `writing`
(analysed articles), `reading` (the contract back, and look-ups), `search` (full text),
`correcting` (a person's corrections and merges), `case_results` (the compared case, in its
`case_*` tables) and `fetched` (addresses fetched from `.urls` files); `connection` opens
and checks the store, `migrations` upgrades a store an older version wrote, and `database`
is what differs between SQLite and PostgreSQL.
"""

from __future__ import annotations

from newsprism.store.case_results import CaseResults
from newsprism.store.connection import StoreError
from newsprism.store.correcting import Correcting
from newsprism.store.fetched import Fetched
from newsprism.store.reading import Reading
from newsprism.store.search import MAX_SEARCH_WORDS, Searching
from newsprism.store.writing import Writing


class Store(Writing, Reading, Searching, Correcting, CaseResults, Fetched):
    """A newsprism store: write, read, search, correct, and keep the compared case."""

    def __enter__(self) -> Store:
        return self


__all__ = ["MAX_SEARCH_WORDS", "Store", "StoreError"]
