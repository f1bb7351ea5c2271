"""The compared case kept in the store: read back while nothing it depends on changed, and
updated event by event when something did."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import newsprism.api as api
from newsprism.api import analyze_paths, load_analysis, update_case_in_store
from newsprism.compare import compare
from newsprism.model import to_dict
from newsprism.store import Store, StoreError
from newsprism.store.migrations import STORE_VERSION

STORES = Path(__file__).parent / "stores"

OTHER_EVENT = (
    "outlet: Coast Courier\npublished: 2024-03-09\n\n"
    "Flood waters killed 12 people in the river town of Emberly on Saturday, "
    "the regional fire service said. Another 30 were injured.\n"
)


@pytest.fixture()
def case_db(store_target: str | Path, tmp_path: Path, examples_dir: Path, analyzer) -> str | Path:
    """The examples analysed into a store: a SQLite file, then a PostgreSQL database."""
    shutil.copytree(examples_dir, tmp_path / "in")
    db = store_target
    analyze_paths([tmp_path / "in"], db=db, analyzer=analyzer)
    return db


def updates(monkeypatch) -> list[api.CaseUpdate]:
    """Every case update that `load_analysis` runs from now on."""
    seen: list[api.CaseUpdate] = []
    real = api.update_case

    def update_case(*args, **kwargs):
        seen.append(real(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(api, "update_case", update_case)
    return seen


def add_article(folder: Path, name: str, text: str, db: str | Path, analyzer) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    analyze_paths([folder / name], db=db, analyzer=analyzer)


def verdicts(analysis) -> set[tuple]:
    return {(c.claims, c.verdict, c.reason, c.update) for c in analysis.comparisons}


def test_a_case_is_compared_once_and_read_back_the_same(case_db: str | Path, monkeypatch) -> None:
    seen = updates(monkeypatch)
    first = to_dict(load_analysis(case_db))
    second = to_dict(load_analysis(case_db))
    assert len(seen) == 1
    assert first == second and first["comparisons"] and first["events"]


def test_a_correction_judges_again_only_its_event(
    case_db: str | Path, tmp_path: Path, analyzer, monkeypatch
) -> None:
    add_article(tmp_path / "more", "other.txt", OTHER_EVENT, case_db, analyzer)
    before = load_analysis(case_db)
    assert len(before.events) >= 2
    seen = updates(monkeypatch)
    claim = before.comparisons[0].claims[0]
    event = next(e.id for e in before.events if claim.split("-")[0] in e.articles)
    with Store(case_db) as store:
        store.add_correction(claim, "wrong")
    after = load_analysis(case_db)
    assert seen[-1].judged == [event]
    assert len(seen[-1].kept) == len(before.events) - 1
    assert all(claim not in c.claims for c in after.comparisons)
    with Store(case_db) as store:  # the same verdicts as comparing everything afresh
        assert verdicts(after) == verdicts(compare(store.load(None)))


def test_a_new_article_joins_an_event_and_only_that_event_is_judged(
    case_db: str | Path, tmp_path: Path, analyzer, monkeypatch
) -> None:
    before = load_analysis(case_db)
    seen = updates(monkeypatch)
    add_article(tmp_path / "more", "other.txt", OTHER_EVENT, case_db, analyzer)
    after = load_analysis(case_db)
    (update,) = seen
    assert update.new_articles == 1
    assert len(after.events) == len(before.events) + 1
    assert len(update.judged) == 1 and len(update.kept) == len(before.events)
    judged = next(e for e in after.events if e.id == update.judged[0])
    assert len(judged.articles) == 1  # the flood in Emberly is an event of its own
    assert verdicts(before) <= verdicts(after)
    assert "1 judged in this update" in update.describe()


def test_an_entity_merge_judges_again_the_events_naming_it(
    case_db: str | Path, tmp_path: Path, analyzer, monkeypatch
) -> None:
    add_article(tmp_path / "more", "other.txt", OTHER_EVENT, case_db, analyzer)
    before = load_analysis(case_db)
    seen = updates(monkeypatch)
    flood = next(e for e in before.events if len(e.articles) == 1)
    named = {e.id for e in before.entities for m in e.mentions if m.article in flood.articles}
    others = {e.id for e in before.entities for m in e.mentions if m.article not in flood.articles}
    only_flood = sorted(named - others)
    assert len(only_flood) >= 2
    with Store(case_db) as store:
        store.merge_entities(only_flood[0], only_flood[1])
    load_analysis(case_db)
    assert seen[-1].judged == [flood.id]
    assert len(seen[-1].kept) == len(before.events) - 1


def test_the_update_is_said_when_articles_are_added(
    case_db: str | Path, tmp_path: Path, analyzer
) -> None:
    load_analysis(case_db)
    assert update_case_in_store(case_db) is None  # up to date: nothing to say
    add_article(tmp_path / "more", "other.txt", OTHER_EVENT, case_db, analyzer)
    update = update_case_in_store(case_db)
    assert update is not None and update.new_articles == 1 and len(update.judged) == 1


def test_a_part_of_the_case_is_compared_on_its_own(case_db: str | Path, monkeypatch) -> None:
    calls: list[int] = []
    real = api.compare
    monkeypatch.setattr(api, "compare", lambda *a, **k: calls.append(1) or real(*a, **k))
    ids = [a.id for a in load_analysis(case_db).articles][:2]
    load_analysis(case_db, ids)
    load_analysis(case_db, ids)
    assert len(calls) == 2  # the part each time; the whole case was an update, kept


def test_a_store_of_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(STORES / "store_v0.db", db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    analysis = load_analysis(db)
    assert len(analysis.articles) == articles and analysis.comparisons and analysis.events
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "case_results" not in tables and "case_comparisons" in tables
        kept = conn.execute("SELECT COUNT(*) FROM case_comparisons").fetchone()[0]
    assert kept == len(analysis.comparisons)


def test_a_store_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    shutil.copy(STORES / "store_v0.db", db)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(db)
    assert db.read_bytes() == before
