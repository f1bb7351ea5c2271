"""JSON Lines: one article per line; a bad line is a problem, the other lines still go in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import Problem
from newsprism.ingest import IngestResult, ingest

FIRST = {
    "text": "The river rose two metres overnight.",
    "title": "Floods",
    "outlet": "Valley Times",
    "author": "Ann Lee",
    "url": "https://valley.example/floods",
    "published": "2024-03-05",
}
SECOND = {"text": "Residents were moved to the school.", "title": "Evacuation"}


def ingest_lines(tmp_path: Path, lines: list[str], name: str = "a.jsonl") -> IngestResult:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ingest([path])


def test_good_lines_become_articles_in_order(tmp_path: Path) -> None:
    result = ingest_lines(tmp_path, [json.dumps(FIRST), json.dumps(SECOND)])
    assert result.problems == []
    assert [a.text for a in result.articles] == [FIRST["text"], SECOND["text"]]


def test_known_fields_are_read(tmp_path: Path) -> None:
    (article,) = ingest_lines(tmp_path, [json.dumps(FIRST)]).articles
    assert article.title == "Floods"
    assert article.outlet == "Valley Times"
    assert article.author == "Ann Lee"
    assert article.url == "https://valley.example/floods"
    assert article.published == "2024-03-05"


def test_extra_keys_are_kept_as_strings(tmp_path: Path) -> None:
    record = {**SECOND, "section": "World", "rank": 3, "paywalled": False}
    (article,) = ingest_lines(tmp_path, [json.dumps(record)]).articles
    assert article.extra == {"section": "World", "rank": "3", "paywalled": "False"}


def test_date_key_is_used_when_published_is_absent(tmp_path: Path) -> None:
    (article,) = ingest_lines(tmp_path, [json.dumps({**SECOND, "date": "March 6, 2024"})]).articles
    assert article.published == "2024-03-06"
    assert "date" not in article.extra


def test_malformed_line_is_e004_with_its_line_number(tmp_path: Path) -> None:
    result = ingest_lines(tmp_path, [json.dumps(FIRST), "{not json", json.dumps(SECOND)])
    assert [(p.problem, p.line) for p in result.problems] == [(Problem.E004, 2)]
    assert [a.text for a in result.articles] == [FIRST["text"], SECOND["text"]]


@pytest.mark.parametrize(
    "record",
    [{"title": "no text"}, {"text": ""}, {"text": "   "}, {"text": 42}, {"text": None}],
    ids=["missing", "empty", "blank", "number", "null"],
)
def test_line_without_text_is_e005(tmp_path: Path, record: dict[str, object]) -> None:
    result = ingest_lines(tmp_path, [json.dumps(SECOND), json.dumps(record)])
    assert [(p.problem, p.line) for p in result.problems] == [(Problem.E005, 2)]
    assert len(result.articles) == 1


@pytest.mark.parametrize("line", ["[1, 2]", '"just a string"', "42", "null"])
def test_line_that_is_not_an_object_is_e010(tmp_path: Path, line: str) -> None:
    result = ingest_lines(tmp_path, [line, json.dumps(SECOND)])
    assert [(p.problem, p.line) for p in result.problems] == [(Problem.E010, 1)]
    assert len(result.articles) == 1


def test_blank_lines_are_ignored_but_counted(tmp_path: Path) -> None:
    result = ingest_lines(tmp_path, ["", json.dumps(FIRST), "   ", "", "{bad"])
    assert len(result.articles) == 1
    assert [(p.problem, p.line) for p in result.problems] == [(Problem.E004, 5)]


def test_source_is_path_and_line(tmp_path: Path) -> None:
    result = ingest_lines(tmp_path, [json.dumps(FIRST), "", json.dumps(SECOND)])
    path = tmp_path / "a.jsonl"
    assert [a.source for a in result.articles] == [f"{path}:1", f"{path}:3"]


def test_crlf_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes((json.dumps(FIRST) + "\r\n" + json.dumps(SECOND) + "\r\n").encode())
    result = ingest([path])
    assert result.problems == []
    assert len(result.articles) == 2


def test_ndjson_extension_is_read(tmp_path: Path) -> None:
    result = ingest_lines(tmp_path, [json.dumps(FIRST)], name="a.ndjson")
    assert len(result.articles) == 1
