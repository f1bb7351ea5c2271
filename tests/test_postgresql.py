"""A store in PostgreSQL: the same tables and columns as a SQLite store, the same case from
the command line, its version and upgrades, and the refusals (another application's tables,
a newer store, a server that is not there) as clear errors that never show a password.

The tests shared with SQLite (store, compared case, app) run on both through the
`store_target` fixture; these are PostgreSQL's own. They need a server:
`scripts/with_postgres.sh`, which `make test` runs, starts one."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from newsprism.api import analyze_paths, load_analysis
from newsprism.cli import main
from newsprism.store import Store, StoreError
from newsprism.store.migrations import STORE_VERSION

# FTS5 keeps its index in shadow tables; PostgreSQL's search index is the `words` column.
FTS5_SHADOWS = {"search_config", "search_content", "search_data", "search_docsize", "search_idx"}
# Columns PostgreSQL needs that SQLite has implicitly (rowid) or keeps in FTS5's index.
POSTGRES_ONLY = {("articles", "rowid"), ("search", "words")}


def sqlite_columns(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            (table, row[1])
            for table in tables
            if table not in FTS5_SHADOWS
            for row in conn.execute(f"PRAGMA table_info({table})")
        }


def postgres_columns(url: str) -> set[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        ).fetchall()
    views = {"claims_by_outlet"}
    return {(t, c) for t, c in rows if t not in views}


def test_the_two_schemas_hold_the_same_tables_and_columns(
    postgres_url: str, tmp_path: Path
) -> None:
    Store(tmp_path / "case.db").close()
    Store(postgres_url).close()
    lite, postgres = sqlite_columns(tmp_path / "case.db"), postgres_columns(postgres_url)
    assert len(lite) > 80
    assert postgres - POSTGRES_ONLY == lite


def test_the_command_line_gives_the_same_case_from_either_database(
    postgres_url: str, tmp_path: Path, examples_dir: Path
) -> None:
    runner = CliRunner()
    docs = {}
    for name, db in (("sqlite", str(tmp_path / "case.db")), ("postgresql", postgres_url)):
        out = tmp_path / f"{name}.json"
        result = runner.invoke(
            main, ["analyze", str(examples_dir), "--db", db, "--json", str(out), "--workers", "1"]
        )
        assert result.exit_code == 0, result.output
        docs[name] = json.loads(out.read_text(encoding="utf-8"))
    assert docs["postgresql"] == docs["sqlite"]
    assert docs["sqlite"]["comparisons"] and docs["sqlite"]["events"]
    # Read back as kept, without comparing again.
    out = tmp_path / "again.json"
    result = runner.invoke(main, ["report", "--db", postgres_url, "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == docs["sqlite"]


def test_claims_read_in_psql_through_the_view(
    postgres_url: str, examples_dir: Path, analyzer
) -> None:
    analyze_paths([examples_dir / "02_valdoria_daily.txt"], db=postgres_url, analyzer=analyzer)
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute(
            "SELECT outlet, slot, op, value, value_text FROM claims_by_outlet WHERE slot = 'killed'"
        ).fetchall()
    assert ("Valdoria Daily", "killed", "=", 43.0, "43") in rows


def test_another_applications_tables_are_refused_untouched(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match=r"not a newsprism store .*orders"):
        Store(postgres_url)
    with psycopg.connect(postgres_url) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
    assert tables == [("orders",)]


def test_a_store_of_a_newer_version_is_refused(postgres_url: str) -> None:
    Store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(
            "UPDATE meta SET value = %s WHERE key = 'store_version'", (str(STORE_VERSION + 1),)
        )
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(postgres_url)


def test_an_older_store_is_upgraded_in_place(
    postgres_url: str, examples_dir: Path, analyzer
) -> None:
    """A version 0 store kept its compared case in `case_results`: the step drops it."""
    analyze_paths([examples_dir], db=postgres_url, analyzer=analyzer)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'store_version'")
        conn.execute("CREATE TABLE case_results (part TEXT PRIMARY KEY, body TEXT)")
    with Store(postgres_url) as store:
        assert store.upgraded == [1]
        assert store.db.version() == STORE_VERSION
        assert "case_results" not in store.db.tables()
    assert len(load_analysis(postgres_url).articles) == 5


def test_a_server_that_is_not_there_is_a_clear_error_without_the_password() -> None:
    url = "postgresql://reporter:s3cret@127.0.0.1:1/newsroom"
    with pytest.raises(StoreError, match="cannot open the store") as caught:
        Store(url)
    assert "s3cret" not in str(caught.value) and "reporter:***@" in str(caught.value)
    result = CliRunner().invoke(main, ["report", "--db", url, "--json", "x.json"])
    assert result.exit_code != 0 and "s3cret" not in result.output
    assert "cannot open the store" in result.output


def test_without_psycopg_a_postgresql_store_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(StoreError, match=r"pip install 'newsprism\[postgresql\]'"):
        Store("postgresql://localhost/newsroom")
