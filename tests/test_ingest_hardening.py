"""Inputs that used to crash a run or lose its batch: each is now one coded problem, and the
rest of the batch goes in."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.api import analyze_paths, load_analysis
from newsprism.cli import main
from newsprism.ingest import ingest
from newsprism.ingest.limits import MAX_ARTICLE_CHARS, MAX_FILE_BYTES

GOOD = "outlet: Good Post\n\nGunmen killed 9 people in Harlow on Monday, police said.\n"


def write(folder: Path, name: str | bytes, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(data)
    return path


def test_a_lone_surrogate_in_a_json_line_is_replaced_not_a_crash(tmp_path: Path) -> None:
    write(
        tmp_path / "in",
        "a.jsonl",
        b'{"text": "Ten died \\ud800 in Harlow.", "outlet": "X \\udfff"}\n',
    )
    result = ingest([tmp_path / "in"])
    (article,) = result.articles
    assert "\ud800" not in article.text and "Ten died" in article.text
    article.text.encode("utf-8")  # storable
    assert article.outlet is not None
    article.outlet.encode("utf-8")


def test_a_deeply_nested_json_line_is_one_problem(tmp_path: Path) -> None:
    lines = b"[" * 100_000 + b"\n" + json.dumps({"text": "Gunmen killed 9 in Harlow."}).encode()
    write(tmp_path / "in", "a.jsonl", lines)
    result = ingest([tmp_path / "in"])
    assert len(result.articles) == 1
    assert [p.problem.code for p in result.problems] == ["E004"]
    assert "nested" in str(result.problems[0])


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux")
def test_a_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    write(tmp_path / "in", b"caf\xe9.txt", GOOD.encode())
    result = ingest([tmp_path / "in"])
    assert len(result.articles) == 1
    summary = analyze_paths([tmp_path / "in"], db=tmp_path / "case.db")
    assert summary.analyzed == 1
    source = load_analysis(tmp_path / "case.db").articles[0].source
    source.encode("utf-8")  # shown and stored as text


def test_a_text_above_the_size_limit_is_refused_and_the_rest_goes_in(tmp_path: Path) -> None:
    write(tmp_path / "in", "huge.txt", b"Ten died. " * (MAX_ARTICLE_CHARS // 10 + 10))
    write(tmp_path / "in", "good.txt", GOOD.encode())
    summary = analyze_paths([tmp_path / "in"], db=tmp_path / "case.db")
    assert summary.analyzed == 1
    (problem,) = summary.problems
    assert problem.problem.code == "E012" and "huge.txt" in str(problem)


def test_a_file_above_the_byte_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "in" / "sparse.txt"
    big.parent.mkdir()
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing to read, only a size
    result = ingest([big])
    assert [p.problem.code for p in result.problems] == ["E013"]


def test_utf16_with_a_bom_is_text(tmp_path: Path) -> None:
    write(tmp_path / "in", "u16.txt", GOOD.encode("utf-16"))
    result = ingest([tmp_path / "in"])
    assert [a.outlet for a in result.articles] == ["Good Post"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_a_problem_not_silence(tmp_path: Path) -> None:
    locked = tmp_path / "in" / "locked"
    write(locked, "a.txt", GOOD.encode())
    locked.chmod(0)
    try:
        result = ingest([tmp_path / "in"])
    finally:
        locked.chmod(0o755)
    assert [p.problem.code for p in result.problems] == ["E009"]


def test_json_into_a_missing_folder_is_refused_before_the_analysis(tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", GOOD.encode())
    out = tmp_path / "no" / "such" / "out.json"
    run = CliRunner().invoke(
        main, ["analyze", str(tmp_path / "in"), "--db", str(tmp_path / "c.db"), "--json", str(out)]
    )
    assert run.exit_code == 2 and "no such folder" in run.output
    assert not (tmp_path / "c.db").exists()  # nothing analysed, nothing written


def test_another_application_s_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "theirs.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    before = other.read_bytes()
    write(tmp_path / "in", "a.txt", GOOD.encode())
    run = CliRunner().invoke(main, ["analyze", str(tmp_path / "in"), "--db", str(other)])
    assert run.exit_code == 2 and "not a newsprism store" in run.output
    assert other.read_bytes() == before


def test_a_bug_is_not_reported_as_an_input_problem(tmp_path: Path, monkeypatch) -> None:
    import newsprism.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(newsprism.cli, "analyze_paths", broken)
    write(tmp_path / "in", "a.txt", GOOD.encode())
    run = CliRunner().invoke(
        main, ["analyze", str(tmp_path / "in"), "--db", str(tmp_path / "c.db")]
    )
    assert run.exit_code == 3 and "internal error" in run.output and "bug" in run.output
