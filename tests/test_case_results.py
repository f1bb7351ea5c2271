"""The compared case kept in the store, read back while nothing it depends on changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import newsprism.api as api
from newsprism.api import analyze_paths, load_analysis
from newsprism.model import to_dict
from newsprism.store import Store


@pytest.fixture()
def case_db(tmp_path: Path, examples_dir: Path, analyzer) -> Path:
    shutil.copytree(examples_dir, tmp_path / "in")
    db = tmp_path / "case.db"
    analyze_paths([tmp_path / "in"], db=db, analyzer=analyzer)
    return db


def counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = api.compare

    def compare(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "compare", compare)
    return calls


def test_a_case_is_compared_once_and_read_back_the_same(case_db: Path, monkeypatch) -> None:
    calls = counting(monkeypatch)
    first = to_dict(load_analysis(case_db))
    second = to_dict(load_analysis(case_db))
    assert len(calls) == 1
    assert first == second and first["comparisons"] and first["events"]


def test_a_correction_or_a_new_article_compares_again(
    case_db: Path, tmp_path: Path, analyzer, monkeypatch
) -> None:
    calls = counting(monkeypatch)
    before = load_analysis(case_db)
    claim = before.comparisons[0].claims[0]
    with Store(case_db) as store:
        store.add_correction(claim, "wrong")
    after = load_analysis(case_db)
    assert len(calls) == 2
    assert all(
        claim not in c.claims for c in after.comparisons
    )  # a wrong claim is compared with nothing
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "x.txt").write_text(
        "outlet: Late Wire\n\nGunmen killed 41 people at the Harbour Market in Valdoria.\n",
        encoding="utf-8",
    )
    analyze_paths([tmp_path / "more"], db=case_db, analyzer=analyzer)
    load_analysis(case_db)
    assert len(calls) == 3


def test_a_part_of_the_case_is_compared_on_its_own(case_db: Path, monkeypatch) -> None:
    calls = counting(monkeypatch)
    ids = [a.id for a in load_analysis(case_db).articles][:2]
    load_analysis(case_db, ids)
    load_analysis(case_db, ids)
    assert len(calls) == 3  # the whole case once, the part each time


def test_a_store_of_the_previous_version_is_upgraded_in_place(case_db: Path) -> None:
    expected = to_dict(load_analysis(case_db))
    with sqlite3.connect(case_db) as conn:  # as the previous version wrote it
        conn.execute("DROP TABLE case_results")
    assert to_dict(load_analysis(case_db)) == expected
    with sqlite3.connect(case_db) as conn:
        parts = {row[0] for row in conn.execute("SELECT part FROM case_results")}
    assert {"fingerprint", "comparisons", "events"} <= parts
