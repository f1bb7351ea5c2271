"""Web pages: main text and metadata through trafilatura; own reports skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import Problem
from newsprism.ingest import IngestResult, ingest
from newsprism.model.types import Article

PARAGRAPHS = [
    f"Paragraph {i}: the council met on Tuesday and voted to repair the old bridge over the "
    "river, which had been closed for months after the storm damaged it badly."
    for i in range(4)
]
PAGE = f"""<!DOCTYPE html>
<html><head><title>Bridge to reopen | Valley Times</title>
<meta name="author" content="Maria Gomez">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article><h1>Bridge to reopen</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>Officials found &lt;script&gt; tags on the old council website.</p>
</article>
<footer><p>Copyright 2024 Valley Times. All rights reserved. Privacy policy.</p></footer>
</body></html>"""


def ingest_html(tmp_path: Path, content: str, name: str = "page.html") -> IngestResult:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return ingest([path])


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Article:
    result = ingest_html(tmp_path_factory.mktemp("html"), PAGE)
    assert result.problems == [] and result.skipped == []
    assert len(result.articles) == 1
    return result.articles[0]


def test_paragraphs_are_the_text(article: Article) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text


def test_title_comes_from_the_page(article: Article) -> None:
    assert article.title == "Bridge to reopen"


def test_author_comes_from_meta(article: Article) -> None:
    assert article.author == "Maria Gomez"


def test_outlet_comes_from_og_site_name(article: Article) -> None:
    assert article.outlet == "Valley Times"


def test_published_comes_from_article_published_time(article: Article) -> None:
    assert article.published == "2024-03-05"


def test_nav_and_footer_are_not_in_the_text(article: Article) -> None:
    assert "Subscribe" not in article.text
    assert "Copyright" not in article.text
    assert "Privacy" not in article.text


def test_escaped_script_stays_literal_text(article: Article) -> None:
    assert "found <script> tags" in article.text
    assert "&lt;" not in article.text


def test_own_report_is_skipped(tmp_path: Path) -> None:
    report = (
        '<!DOCTYPE html><html><head><meta name="generator" content="newsprism-report 0.1.0">'
        f"<title>newsprism report</title></head><body><p>{PARAGRAPHS[0]}</p></body></html>"
    )
    result = ingest_html(tmp_path, report, "report.html")
    assert result.articles == [] and result.problems == []
    assert [s.path for s in result.skipped] == [str(tmp_path / "report.html")]


def test_marker_after_first_4000_characters_does_not_skip(tmp_path: Path) -> None:
    filler = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) * 8
    tail = "<p>We ran newsprism-report on it.</p>"
    page = f"<html><body><article>{filler}{tail}</article></body></html>"
    assert page.index("newsprism-report") > 4000
    result = ingest_html(tmp_path, page)
    assert result.skipped == []
    assert len(result.articles) == 1


@pytest.mark.parametrize(
    "body",
    ["", "<script>var x = 1;</script>", "<div><img src='photo.jpg'></div>"],
    ids=["empty", "script-only", "image-only"],
)
def test_page_without_main_text_is_e007(tmp_path: Path, body: str) -> None:
    page = f"<html><head><title>Nothing</title></head><body>{body}</body></html>"
    result = ingest_html(tmp_path, page)
    assert result.articles == []
    assert [p.problem for p in result.problems] == [Problem.E007]


def test_page_with_only_navigation_is_e007(tmp_path: Path) -> None:
    page = (
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/about'>About us</a></nav><footer>Copyright 2024</footer></body></html>"
    )
    result = ingest_html(tmp_path, page)
    assert result.articles == []
    assert [p.problem for p in result.problems] == [Problem.E007]
