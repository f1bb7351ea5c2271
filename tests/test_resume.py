"""A run killed with SIGKILL at any point, then started again, finishes the job: articles
stored before the kill are not analysed again, the store is consistent, and it holds what an
uninterrupted run stores."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 24


def corpus(folder: Path, examples_dir: Path) -> Path:
    """Copies of the examples with their figures shifted, so each is a distinct text."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    for n in range(ARTICLES):
        text = re.sub(r"\b\d{1,4}\b", lambda m, n=n: str(int(m.group()) + n), texts[n % 5])
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def analyze(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def rows(db: Path) -> dict[str, list[tuple]]:
    """What the store holds per article: its claims, as comparable rows."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        held: dict[str, list[tuple]] = {r[0]: [] for r in conn.execute("SELECT id FROM articles")}
        for row in conn.execute(
            "SELECT article_id, id, slot, value_json, start_char, end_char FROM claims ORDER BY id"
        ):
            held[row[0]].append(row[1:])
    return held


def test_a_killed_run_resumes_without_redoing_and_matches_a_whole_run(
    tmp_path: Path, examples_dir: Path
) -> None:
    folder = corpus(tmp_path / "in", examples_dir)
    db = tmp_path / "case.db"
    run = analyze(folder, db)
    deadline = time.monotonic() + 300
    while stored(db) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    before = stored(db)
    assert 0 < before < ARTICLES  # killed in the middle of the work
    partial = rows(db)  # consistent as the kill left it

    again = analyze(folder, db)
    output, _ = again.communicate(timeout=600)
    assert again.returncode == 0, output
    assert f"{ARTICLES - before} analysed, {before} already in the store" in output
    resumed = rows(db)
    assert len(resumed) == ARTICLES
    assert all(resumed[a] == claims for a, claims in partial.items())  # kept, not redone

    whole = tmp_path / "whole.db"
    subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(whole), "-q"],
        check=True,
        timeout=600,
    )
    assert resumed == rows(whole)
