"""The app's case cache: compared once per state of the store, refreshed without blocking."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from newsprism.api import analyze_paths, load_analysis
from newsprism.model.types import Analysis
from newsprism.store import Store
from newsprism.web.case_cache import CaseCache


def test_the_case_is_compared_once_per_state_of_the_store(
    tmp_path: Path, examples_dir: Path, analyzer
) -> None:
    shutil.copytree(examples_dir, tmp_path / "in")
    db = tmp_path / "case.db"
    analyze_paths([tmp_path / "in"], db=db, analyzer=analyzer)
    loads: list[int] = []

    def load(path: Path) -> Analysis:
        loads.append(1)
        return load_analysis(path)

    cache = CaseCache(db, load)
    first = cache.analysis()
    assert cache.analysis() is first and cache.get("n", lambda a: len(a.claims)) == len(
        first.claims
    )
    assert len(loads) == 1
    claim = first.claims[0].id
    with Store(db) as store:  # a change made elsewhere, as by another process
        store.add_correction(claim, "wrong")
    assert cache.analysis() is first  # served as it was while the new state is compared
    deadline = time.monotonic() + 60
    while cache.analysis() is first and time.monotonic() < deadline:
        time.sleep(0.05)
    fresh = cache.analysis()
    assert fresh is not first and len(loads) == 2
    assert next(c for c in fresh.claims if c.id == claim).correction["status"] == "wrong"
    cache.refresh()  # nothing changed since: nothing recomputed
    assert len(loads) == 2
