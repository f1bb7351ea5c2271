"""Plain-text articles: the header block, guesses where it is absent, normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import Problem
from newsprism.ingest import IngestResult, ingest
from newsprism.ingest.metadata import read_text_metadata
from newsprism.model.types import Article

HEADER = (
    "outlet: Valley Times\n"
    "author: Ann Lee\n"
    "date: 2024-03-05\n"
    "title: River floods the old town\n"
    "url: https://valley.example/floods\n"
    "section: World\n"
    "\n"
)
BODY = "The river rose two metres overnight.\nResidents were moved to the school."
DISCLAIMER = (
    "(The views expressed in this column are the writer's own and do not represent the "
    "position of Some Outlet.)"
)


def ingest_txt(tmp_path: Path, content: str | bytes, name: str = "a.txt") -> IngestResult:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return ingest([path])


def only_article(result: IngestResult) -> Article:
    assert result.problems == []
    assert len(result.articles) == 1
    return result.articles[0]


def test_header_fields_fill_the_article(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, HEADER + BODY))
    assert article.outlet == "Valley Times"
    assert article.author == "Ann Lee"
    assert article.published == "2024-03-05"
    assert article.title == "River floods the old town"
    assert article.url == "https://valley.example/floods"


def test_unknown_header_keys_are_kept_in_extra(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, HEADER + BODY))
    assert article.extra == {"section": "World"}


def test_article_text_is_the_body_after_the_header(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, HEADER + BODY))
    assert article.text == BODY


def test_body_offset_points_just_past_the_blank_line(tmp_path: Path) -> None:
    meta, start = read_text_metadata(HEADER + BODY)
    assert start == len(HEADER)
    assert (HEADER + BODY)[start:] == BODY
    assert meta.title == "River floods the old town"


def test_authors_key_is_read_as_author(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "authors: Ann Lee and Bo Chan\n\n" + BODY))
    assert article.author == "Ann Lee and Bo Chan"


def test_unknown_date_gives_null_published_and_keeps_the_words(tmp_path: Path) -> None:
    text = "outlet: Wire\ndate: unknown (syndicated copy)\n\n" + BODY
    article = only_article(ingest_txt(tmp_path, text))
    assert article.published is None
    assert article.extra["date_as_written"] == "unknown (syndicated copy)"


def test_partial_date_is_not_completed(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "date: March 2024\n\n" + BODY))
    assert article.published is None
    assert article.extra["date_as_written"] == "March 2024"


def test_breaking_first_line_is_text_not_header(tmp_path: Path) -> None:
    text = "Breaking: something happened\n\nThe mayor said the road is closed."
    article = only_article(ingest_txt(tmp_path, text))
    assert article.text == text
    assert article.extra == {}


def test_header_genre_is_read(tmp_path: Path) -> None:
    text = "title: Why we must act\ngenre: Opinion\n\n" + BODY
    article = only_article(ingest_txt(tmp_path, text))
    assert article.genre == "opinion"
    assert "genre" not in article.extra


def test_unknown_genre_word_is_kept_as_written(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "title: Ha\ngenre: Satire\n\n" + BODY))
    assert article.genre == "unknown"
    assert article.extra["genre_as_written"] == "satire"


def test_title_guessed_from_short_first_line(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "Storm hits the coast\n" + BODY))
    assert article.title == "Storm hits the coast"
    assert article.text.startswith("Storm hits the coast\n")


def test_first_line_ending_in_full_stop_is_not_a_title(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, BODY))
    assert article.title is None


def test_byline_gives_the_author(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "Storm hits the coast\nBy Jane Doe\n\n" + BODY))
    assert article.author == "Jane Doe"
    assert article.title == "Storm hits the coast"


def test_header_author_wins_over_byline(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "author: Ann Lee\n\nBy Jane Doe\n" + BODY))
    assert article.author == "Ann Lee"


def test_views_disclaimer_gives_outlet_and_opinion(tmp_path: Path) -> None:
    text = "We must act now\nBy Jane Doe\n\n" + BODY + "\n\n" + DISCLAIMER
    article = only_article(ingest_txt(tmp_path, text))
    assert article.outlet == "Some Outlet"
    assert article.genre == "opinion"
    assert article.text.endswith(DISCLAIMER)


def test_no_disclaimer_means_no_outlet_and_unknown_genre(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "Storm hits the coast\n" + BODY))
    assert article.outlet is None
    assert article.genre == "unknown"


def test_crlf_line_endings_are_normalised(tmp_path: Path) -> None:
    raw = "title: Floods\r\n\r\nLine one.\r\nLine two.\r\n\r\n\r\n\r\nLine three.\r\n"
    article = only_article(ingest_txt(tmp_path, raw))
    assert article.title == "Floods"
    assert article.text == "Line one.\nLine two.\n\nLine three."


def test_non_breaking_spaces_are_normalised(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, "Some\u00a057\u00a0people   were\u202fhurt."))
    assert article.text == "Some 57 people were hurt."


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    article = only_article(ingest_txt(tmp_path, b"\xef\xbb\xbftitle: Floods\n\nThe river rose."))
    assert article.title == "Floods"
    assert article.text == "The river rose."


@pytest.mark.parametrize(
    "content", ["outlet: Wire\ntitle: Floods\n\n", "outlet: Wire\ntitle: Floods\n", "title: X"]
)
def test_header_without_body_is_e011(tmp_path: Path, content: str) -> None:
    result = ingest_txt(tmp_path, content)
    assert result.articles == []
    assert [p.problem for p in result.problems] == [Problem.E011]
