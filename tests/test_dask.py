"""Analysis spread over a local Dask cluster stores what a plain run stores."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'newsprism[scale]')")


def rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        held: dict[str, list[tuple]] = {r[0]: [] for r in conn.execute("SELECT id FROM articles")}
        for row in conn.execute(
            "SELECT article_id, id, slot, value_json, start_char, end_char FROM claims ORDER BY id"
        ):
            held[row[0]].append(row[1:])
        techniques = conn.execute(
            "SELECT article_id, start_char, end_char, technique FROM techniques"
            " ORDER BY article_id, start_char, technique"
        ).fetchall()
    held["techniques"] = techniques
    return held


def test_two_dask_workers_store_what_one_process_stores(
    tmp_path: Path, examples_dir: Path, analyzer
) -> None:
    from newsprism.api import analyze_paths

    plain = tmp_path / "plain.db"
    analyze_paths([examples_dir], db=plain, analyzer=analyzer)
    spread = tmp_path / "spread.db"
    run = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(examples_dir), "--db", str(spread),
         "--dask-workers", "2"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 analysed" in run.stderr + run.stdout
    assert rows(spread) == rows(plain)
