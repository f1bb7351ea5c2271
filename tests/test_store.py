"""The store, in SQLite and in PostgreSQL: idempotent re-runs, one transaction per article,
search; and a schema any SQLite tool reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsprism.api import analyze_paths
from newsprism.store import Store, StoreError
from newsprism.store import store as store_module

TABLES = ("articles", "entities", "mentions", "claims")


def counts(db: str | Path) -> dict[str, int]:
    with Store(db) as store:
        return {t: store.count(t) for t in TABLES}


def test_rerun_is_idempotent(store_target: str | Path, examples_dir: Path, analyzer) -> None:
    db = store_target
    first = analyze_paths([examples_dir], db=db, analyzer=analyzer)
    before = counts(db)
    second = analyze_paths([examples_dir], db=db, analyzer=analyzer)
    assert first.analyzed == 5 and second.analyzed == 0 and second.already_stored == 5
    assert counts(db) == before
    assert first.article_ids == second.article_ids


def test_a_crash_mid_article_leaves_the_store_as_it_was(
    store_target: str | Path, examples_dir: Path, analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = store_target
    files = sorted(examples_dir.glob("*.txt"))
    analyze_paths(files[:2], db=db, analyzer=analyzer)
    before = counts(db)

    def explode(self, article, claim):  # the article row and entities are written by now
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_module.Store, "_insert_claim", explode)
    with pytest.raises(RuntimeError, match="power cut"):
        analyze_paths(files[2:3], db=db, analyzer=analyzer)
    assert counts(db) == before
    monkeypatch.undo()
    done = analyze_paths(files[2:3], db=db, analyzer=analyzer)
    assert done.analyzed == 1 and counts(db)["articles"] == before["articles"] + 1


def test_schema_is_plain_sql(tmp_path: Path, examples_dir: Path, analyzer) -> None:
    db = tmp_path / "case.db"
    analyze_paths([examples_dir / "02_valdoria_daily.txt"], db=db, analyzer=analyzer)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT outlet, slot, op, value, value_text FROM claims_by_outlet WHERE slot = 'killed'"
    ).fetchall()
    assert ("Valdoria Daily", "killed", "=", 43.0, "43") in rows
    names = {r[0] for r in conn.execute("SELECT name FROM entities")}
    assert "Valdoria" in names


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(bogus)


def test_search_ranks_and_marks_the_best_matches(
    store_target: str | Path, examples_dir: Path, analyzer
) -> None:
    db = store_target
    analyze_paths([examples_dir], db=db, analyzer=analyzer)
    with Store(db) as store:
        found = store.search("Harbour Market")
        assert found and len(found) <= 20
        assert all("[" in snippet and "]" in snippet for _, _, _, snippet in found)
        assert len(store.search("killed", limit=3)) == 3
        assert store.search("killed killed killed") == store.search("killed")
        assert store.search('"') == [] and store.search("zzqqxx") == []
