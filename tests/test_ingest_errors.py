"""Bad inputs become precise problems; paths, folders and globs; deduplication."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import InputProblem, Problem
from newsprism.ingest import expand_paths, ingest

TEXT = "The river rose two metres overnight and the old town was flooded."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def codes(problems: list[InputProblem]) -> list[Problem]:
    return [p.problem for p in problems]


@pytest.mark.parametrize("data", [b"", b"  \n\n\t"], ids=["zero-bytes", "whitespace"])
def test_empty_file_is_e001(tmp_path: Path, data: bytes) -> None:
    result = ingest([write(tmp_path / "a.txt", data)])
    assert result.articles == []
    assert codes(result.problems) == [Problem.E001]


def test_nul_bytes_are_e002(tmp_path: Path) -> None:
    result = ingest([write(tmp_path / "a.txt", b"GIF89a\x00\x01\x02 some text")])
    assert codes(result.problems) == [Problem.E002]


def test_latin1_bytes_are_e003_with_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    data = "line one\nline two\nthe caf\u00e9 closed\n".encode("latin-1")
    result = ingest([write(tmp_path / "a.txt", data)])
    (problem,) = result.problems
    assert problem.problem is Problem.E003
    assert problem.line == 3
    assert "0xe9" in (problem.detail or "")


def test_unknown_extension_is_e006(tmp_path: Path) -> None:
    result = ingest([write(tmp_path / "a.pdf", b"%PDF-1.7 not really")])
    assert codes(result.problems) == [Problem.E006]


def test_missing_path_is_e008(tmp_path: Path) -> None:
    result = ingest([tmp_path / "nope.txt"])
    assert codes(result.problems) == [Problem.E008]
    assert result.problems[0].path == str(tmp_path / "nope.txt")


def test_glob_matching_nothing_is_e008(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    result = ingest([str(tmp_path / "*.jsonl")])
    assert codes(result.problems) == [Problem.E008]
    assert result.articles == []


def test_glob_reads_the_files_it_matches(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "b.txt", "A second, different article about the bridge.")
    write(tmp_path / "c.jsonl", json.dumps({"text": "Not matched."}))
    result = ingest([str(tmp_path / "*.txt")])
    assert result.problems == []
    assert sorted(Path(a.source).name for a in result.articles) == ["a.txt", "b.txt"]


def test_folder_walk_reads_supported_files_recursively(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    page = f"<html><body><article><p>{TEXT} Again, in HTML.</p></article></body></html>"
    write(tmp_path / "deep" / "er" / "b.html", page)
    write(tmp_path / "sub" / "c.jsonl", json.dumps({"text": "The council met on Tuesday."}))
    files, problems = expand_paths([tmp_path])
    assert problems == []
    assert sorted(f.name for f in files) == ["a.txt", "b.html", "c.jsonl"]


def test_folder_walk_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / ".draft.txt", "hidden")
    write(tmp_path / ".cache" / "b.txt", "hidden too")
    files, _ = expand_paths([tmp_path])
    assert [f.name for f in files] == ["a.txt"]


def test_folder_walk_skips_own_outputs(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "newsprism.db", b"SQLite format 3\x00")
    write(tmp_path / "out.json", '{"articles": []}')
    result = ingest([tmp_path])
    assert result.problems == []
    assert [Path(a.source).name for a in result.articles] == ["a.txt"]


def test_hidden_file_named_directly_is_read(tmp_path: Path) -> None:
    result = ingest([write(tmp_path / ".draft.txt", TEXT)])
    assert len(result.articles) == 1


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", TEXT)
    result = ingest([path, tmp_path, str(tmp_path / "*.txt")])
    assert len(result.articles) == 1
    assert result.duplicates == []


def test_identical_texts_with_different_whitespace_are_duplicates(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", TEXT)
    second = write(tmp_path / "b.txt", "  " + TEXT.replace(" ", "  \u00a0") + "\r\n\r\n")
    result = ingest([first, second])
    (article,) = result.articles
    assert article.source == str(first)
    assert result.duplicates == [(str(second), article.id)]


def test_same_text_across_formats_is_a_duplicate(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", TEXT)
    second = write(tmp_path / "b.jsonl", json.dumps({"text": TEXT, "outlet": "Wire"}))
    result = ingest([first, second])
    assert len(result.articles) == 1
    assert result.duplicates == [(f"{second}:1", result.articles[0].id)]


def test_different_texts_are_not_duplicates(tmp_path: Path) -> None:
    result = ingest([write(tmp_path / "a.txt", TEXT), write(tmp_path / "b.txt", TEXT + " More.")])
    assert len(result.articles) == 2
    assert result.duplicates == []


def test_problem_str_names_file_line_and_code(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": TEXT}) + "\n{oops\n")
    (problem,) = ingest([path]).problems
    message = str(problem)
    assert message.startswith(f"{path}:2: E004 ")
    assert Problem.E004.value in message


def test_problem_str_without_line_names_file_and_code(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"")
    message = str(ingest([path]).problems[0])
    assert message.startswith(f"{path}: E001 ")


def test_problem_str_includes_the_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "caf\u00e9".encode("latin-1"))
    message = str(ingest([path]).problems[0])
    assert f"{path}:1: E003" in message
    assert "iconv" in message


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "b.txt", b"\xff\xfe bad bytes")
    write(tmp_path / "c.txt", "A second, different article about the bridge.")
    write(tmp_path / "d.pdf", b"%PDF")
    result = ingest([tmp_path])
    assert sorted(Path(a.source).name for a in result.articles) == ["a.txt", "c.txt"]
    assert sorted((Path(p.path).name, p.problem) for p in result.problems) == [
        ("b.txt", Problem.E003),
        ("d.pdf", Problem.E006),
    ]


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl"])
def test_file_holding_only_a_bom_is_e001(tmp_path: Path, name: str) -> None:
    result = ingest([write(tmp_path / name, b"\xef\xbb\xbf\n")])
    assert codes(result.problems) == [Problem.E001]
