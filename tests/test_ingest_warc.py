"""Web archives: one article per HTML response, kept with where and when it was fetched;
the same article as the page read on its own; damage reported with the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.errors import InputProblem, Problem
from newsprism.ingest import ingest, read_warc
from newsprism.ingest.warc import gunzip
from newsprism.model.types import Article

PARAGRAPHS = [
    f"Paragraph {i}: rescuers in the port town of Karvasa said on Tuesday that 14 people were "
    "killed when the old pier collapsed during the storm, and dozens more were missing."
    for i in range(4)
]
PAGE = f"""<!DOCTYPE html>
<html><head><title>Pier collapse | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2025-02-11T09:00:00Z">
</head><body><article><h1>Pier collapse</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article></body></html>"""
OTHER = PAGE.replace("Harbour Gazette", "Coast Daily").replace("14 people", "16 people")


def response(writer: WARCWriter, uri: str, body: bytes, status: str, ctype: str) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def archive(gzipped: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    response(writer, "https://gazette.example/pier", PAGE.encode(), "200 OK", "text/html")
    response(writer, "https://gazette.example/logo.png", b"\x89PNG....", "200 OK", "image/png")
    response(writer, "https://gazette.example/gone", b"<html></html>", "404 Not Found", "text/html")
    response(
        writer,
        "https://coast.example/pier",
        OTHER.encode(),
        "200 OK",
        "text/html; charset=utf-8",
    )
    return out.getvalue()


@pytest.mark.parametrize(("name", "gzipped"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_page_of_an_archive_is_an_article(tmp_path: Path, name: str, gzipped: bool) -> None:
    path = tmp_path / name
    path.write_bytes(archive(gzipped))
    read = ingest([path])
    assert not read.problems
    assert [a.url for a in read.articles] == [
        "https://gazette.example/pier",
        "https://coast.example/pier",
    ]
    first = read.articles[0]
    assert first.outlet == "Harbour Gazette" and "14 people were killed" in first.text
    assert first.extra["fetched_at"].startswith("20") and first.extra["warc_record"]
    assert first.extra["archive"] == str(path) and first.source == f"{path}:1"
    reasons = sorted(s.reason for s in read.skipped)
    assert len(reasons) == 2
    assert "HTTP status 404" in reasons[0] and "image/png" in reasons[1]


def test_a_page_from_the_archive_is_the_page_read_on_its_own(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    from_archive = ingest([tmp_path / "crawl.warc.gz"]).articles[0]
    alone = ingest([tmp_path / "page.html"]).articles[0]
    same = ("text", "sha256", "id", "outlet", "published", "title")
    assert [getattr(from_archive, f) for f in same] == [getattr(alone, f) for f in same]


def test_an_archive_analysed_twice_gives_the_same_claims(tmp_path: Path, analyzer) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(archive())
    runs = []
    for _ in range(2):
        articles: list[Article] = ingest([tmp_path / "crawl.warc.gz"]).articles
        runs.append(
            [(c.id, c.slot, repr(c.value)) for r in analyzer.analyze(articles) for c in r.claims]
        )
    assert runs[0] and runs[0] == runs[1]
    assert any(slot == "killed" and "14" in value for _, slot, value in runs[0])


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_truncated_archive_gives_its_first_pages_and_a_problem(
    tmp_path: Path, gzipped: bool
) -> None:
    whole = archive(gzipped)
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(whole[: len(whole) - 300])  # cut inside the last record
    read = ingest([path])
    assert [a.url for a in read.articles] == ["https://gazette.example/pier"]
    (problem,) = read.problems
    assert problem.problem is Problem.E014 and problem.path == str(path)
    assert "after 4 responses" in str(problem) or "after 3 responses" in str(problem)


def test_a_file_that_is_not_an_archive_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not an archive\n", encoding="utf-8")
    (problem,) = ingest([path]).problems
    assert problem.problem is Problem.E014 and "notes.warc" in str(problem)


WHOLE = {True: archive(True), False: archive(False)}


@settings(max_examples=60, deadline=None)
@given(gzipped=st.booleans(), share=st.floats(0, 1))
def test_an_archive_cut_anywhere_reads_its_first_pages_and_never_crashes(
    gzipped: bool, share: float
) -> None:
    whole = WHOLE[gzipped]
    cut = whole[: int(len(whole) * share)]
    items = list(read_warc("cut.warc", cut))
    urls = [i.url for i in items if isinstance(i, Article)]
    assert urls == ["https://gazette.example/pier", "https://coast.example/pier"][: len(urls)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert len(problems) <= 1 and all(p.problem is Problem.E014 for p in problems)
    if not problems:  # then the cut fell between two records: what is left is whole
        plain = gunzip(cut)[0] if gzipped else cut
        rest = (gunzip(whole)[0] if gzipped else whole)[len(plain) :]
        assert not rest.strip() or rest.lstrip(b"\r\n").startswith(b"WARC/1.0\r\n")


def test_the_article_page_says_where_and_when_the_page_was_fetched(
    tmp_path: Path, analyzer
) -> None:
    from fastapi.testclient import TestClient

    from newsprism.api import analyze_paths
    from newsprism.web import create_app

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    hostile = 'https://gazette.example/pier?"><script>alert(1)</script>'
    response(writer, hostile, PAGE.encode(), "200 OK", "text/html")
    (tmp_path / "crawl.warc.gz").write_bytes(out.getvalue())
    summary = analyze_paths([tmp_path / "crawl.warc.gz"], db=tmp_path / "c.db", analyzer=analyzer)
    client = TestClient(create_app(summary.db, analyzer=analyzer), base_url="http://127.0.0.1:8000")
    page = client.get(f"/articles/{summary.article_ids[0]}").text
    assert "As archived: fetched 20" in page and "crawl.warc.gz" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
