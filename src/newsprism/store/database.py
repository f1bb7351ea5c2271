"""Where a store lives: a SQLite file (the default) or a PostgreSQL database (`--db
postgresql://...`).

The store's modules write one SQL for both: `?` parameters, `INSERT ... ON CONFLICT`
(`replace_into`), `ORDER BY rowid` (a real column in PostgreSQL). A `Database` is the part
that differs: connecting, transactions, the table list, the store's version, full-text
search, and the schema file (`schema.sql`, `schema_postgresql.sql`: the same tables and
columns, checked by `tests/test_postgresql.py`).
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from newsprism.errors import NewsprismError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StoreError(NewsprismError):
    """A store that cannot be opened or is not a newsprism store."""


class Rows(Protocol):
    """What a query gives back, in both databases."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


def is_database_url(target: str | Path) -> bool:
    """Whether `--db` names a PostgreSQL database rather than a store file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def store_target(value: str | Path) -> str | Path:
    """What `--db` names: a PostgreSQL address as given, anything else a store file's path."""
    return str(value) if is_database_url(value) else Path(value)


def store_label(target: str | Path) -> str:
    """A store's short name for pages: the file's name, or the address without a password."""
    return shown_url(str(target)) if is_database_url(target) else Path(target).name


def shown_url(url: str) -> str:
    """A database address fit for messages and pages: the password hidden."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def replace_into(table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    """An insert that overwrites the row with the same `key`, in SQL both databases read."""
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


def _schema(name: str) -> str:
    return resources.files("newsprism.store").joinpath(name).read_text(encoding="utf-8")


class Database(ABC):
    """An open connection to a store's database."""

    name: str  # how messages name the store
    # Errors meaning "this is not a usable store", and "you may read but not write here".
    errors: tuple[type[Exception], ...]
    write_refused: tuple[type[Exception], ...]

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        """Run one statement with `?` parameters."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """All or nothing: committed when the block ends, rolled back when it raises."""

    @abstractmethod
    def create_schema(self) -> None:
        """Create whatever tables, indexes and views are missing."""

    @abstractmethod
    def tables(self) -> set[str]:
        """The names of the tables in the store's database."""

    @abstractmethod
    def version(self) -> int:
        """The store version the database was written at (0: none recorded)."""

    @abstractmethod
    def set_version(self, version: int) -> None:
        """Record the store version."""

    @abstractmethod
    def search(self, words: list[str], limit: int) -> list[tuple[str, str, str, str]]:
        """(kind, ref id, article id, body) of the best search rows holding all `words`."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""


class SQLiteDatabase(Database):
    """A store file: SQLite, in autocommit mode, every write in an explicit transaction."""

    errors = (sqlite3.DatabaseError,)
    write_refused = (sqlite3.OperationalError,)

    def __init__(self, path: Path):
        self.name = str(path)
        try:
            self.conn = sqlite3.connect(str(path), isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:  # a folder that is not there, a file that is not SQLite
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE: the write lock is taken at the start, so a second writer waits there
        # instead of failing halfway through.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def create_schema(self) -> None:
        self.conn.executescript(_schema("schema.sql"))

    def tables(self) -> set[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}

    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def set_version(self, version: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(version)}")

    def search(self, words: list[str], limit: int) -> list[tuple[str, str, str, str]]:
        # Each word quoted: what a person types is never FTS5 syntax.
        match = " ".join(f'"{w}"' for w in words)
        return self.conn.execute(
            "SELECT kind, ref_id, article_id, body FROM search WHERE search MATCH ?"
            " ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()

    def close(self) -> None:
        self.conn.close()


@functools.lru_cache(maxsize=512)
def _postgres_sql(sql: str) -> str:
    """`?` parameters as psycopg's `%s` (and a literal `%` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    """A store in a PostgreSQL database (psycopg 3), in autocommit mode like the SQLite one.

    The tables go in the connection's current schema: `?options=-csearch_path%3Dcase1` in
    the address keeps several stores in one database.
    """

    def __init__(self, url: str):
        self.name = shown_url(url)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                f"{self.name}: a PostgreSQL store needs psycopg: "
                "pip install 'newsprism[postgresql]'"
            ) from exc
        self.errors = (psycopg.Error,)
        self.write_refused = (
            psycopg.errors.InsufficientPrivilege,
            psycopg.errors.ReadOnlySqlTransaction,
        )
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:  # no server there, a wrong password, no such database
            detail = str(exc).replace(url, self.name).strip()
            raise StoreError(f"{self.name}: cannot open the store ({detail})") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self.conn.execute(_postgres_sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_postgres_sql(sql), list(rows))

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        return self.conn.transaction()  # type: ignore[return-value]

    def create_schema(self) -> None:
        with self.conn.transaction():
            self.conn.execute(_schema("schema_postgresql.sql"))

    def tables(self) -> set[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        return {row[0] for row in rows}

    def version(self) -> int:
        if "meta" not in self.tables():
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        return int(row[0]) if row else 0

    def set_version(self, version: int) -> None:
        self.execute(
            replace_into("meta", ("key", "value"), ("key",)), ("store_version", str(version))
        )

    def search(self, words: list[str], limit: int) -> list[tuple[str, str, str, str]]:
        # plainto_tsquery reads text, never query syntax, and asks for every word.
        return self.conn.execute(
            "SELECT kind, ref_id, article_id, body FROM search,"
            " plainto_tsquery('simple', %s) AS query WHERE words @@ query"
            " ORDER BY ts_rank(words, query) DESC, ref_id LIMIT %s",
            (" ".join(words), limit),
        ).fetchall()

    def close(self) -> None:
        self.conn.close()


def open_database(target: str | Path) -> Database:
    """The database a store target names: a PostgreSQL address, or a file path."""
    if is_database_url(target):
        return PostgresDatabase(str(target))
    return SQLiteDatabase(Path(target))
