"""A run killed with SIGKILL at any point, then started again, finishes the job: articles
stored before the kill are not analysed again, the store is consistent, and it holds what an
uninterrupted run stores. The run uses two spaCy worker processes, as large batches do by
default, and a store in SQLite, then in PostgreSQL."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.settings import MULTIPROCESS_MIN_ARTICLES
from newsprism.store import is_database_url

ARTICLES = MULTIPROCESS_MIN_ARTICLES + 8  # enough for the run to start its worker processes


def corpus(folder: Path, examples_dir: Path) -> Path:
    """Copies of the examples with their figures shifted, so each is a distinct text."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    for n in range(ARTICLES):
        text = re.sub(r"\b\d{1,4}\b", lambda m, n=n: str(int(m.group()) + n), texts[n % 5])
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def analyze(folder: Path, db: str | Path, *more: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newsprism", "analyze", str(folder), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--workers", "2", *more],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def query(db: str | Path, sql: str) -> list[tuple]:
    """Rows of a read-only query on either database; none when the store is not made yet."""
    if is_database_url(db):
        import psycopg

        with psycopg.connect(str(db)) as conn:
            try:
                return conn.execute(sql).fetchall()
            except psycopg.errors.UndefinedTable:
                return []
    if not Path(db).exists():
        return []
    # Read-write, as the run started again opens it: a kill mid-article leaves a hot journal,
    # which only a connection that may write rolls back (read-only, SQLite refuses to read).
    with sqlite3.connect(db, timeout=5) as conn:
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # the run has not made its tables yet
                return []
            raise


def stored(db: str | Path) -> int:
    found = query(db, "SELECT COUNT(*) FROM articles")
    return int(found[0][0]) if found else 0


def rows(db: str | Path) -> dict[str, list[tuple]]:
    """What the store holds per article: its claims, as comparable rows; and it must be
    consistent: no claim, mention or search row of an article that is not there."""
    if not is_database_url(db):
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("claims", "mentions", "techniques", "search"):
        orphans = query(
            db,
            f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS"
            " (SELECT 1 FROM articles a WHERE a.id = t.article_id)",
        )
        assert orphans == [(0,)], table
    held: dict[str, list[tuple]] = {r[0]: [] for r in query(db, "SELECT id FROM articles")}
    for row in query(
        db, "SELECT article_id, id, slot, value_json, start_char, end_char FROM claims ORDER BY id"
    ):
        held[row[0]].append(row[1:])
    return held


def children(pid: int) -> list[int]:
    """The processes `pid` started (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_a_killed_run_resumes_without_redoing_and_matches_a_whole_run(
    store_target: str | Path, tmp_path: Path, examples_dir: Path
) -> None:
    folder = corpus(tmp_path / "in", examples_dir)
    db = store_target
    run = analyze(folder, db)
    deadline = time.monotonic() + 300
    while stored(db) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    before = stored(db)
    assert 0 < before < ARTICLES  # killed in the middle of the work
    assert len(workers) >= 2  # the two spaCy worker processes were running
    # Orphaned, the workers see their parent gone and end, instead of lingering.
    deadline = time.monotonic() + 30
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(w) for w in workers)
    partial = rows(db)  # consistent as the kill left it

    again = analyze(folder, db)
    output, _ = again.communicate(timeout=600)
    assert again.returncode == 0, output
    assert f"{ARTICLES - before} analysed, {before} already in the store" in output
    resumed = rows(db)
    assert len(resumed) == ARTICLES
    assert all(resumed[a] == claims for a, claims in partial.items())  # kept, not redone

    whole = tmp_path / "whole.db"
    analyze(folder, whole, "-q").communicate(timeout=600)
    assert resumed == rows(whole)
