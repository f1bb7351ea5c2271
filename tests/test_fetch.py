"""Fetching the pages a `.urls` file names, against a server of our own on loopback: pages
archived and analysed; robots.txt, slow, failing, looping, oversized and non-page answers each
a clear problem naming the address; nothing fetched twice; the archive re-analysed offline
gives the same case."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from newsprism.api import analyze_paths
from newsprism.errors import Problem
from newsprism.fetch import FetchPolicy
from newsprism.fetch.archive import ARCHIVE_FOLDER

POLICY = FetchPolicy(
    timeout_s=0.5, retries=1, backoff_s=0.01, per_host_interval_s=0.0, max_bytes=200_000
)


def page(place: str, killed: int) -> bytes:
    paragraphs = "".join(
        f"<p>Rescuers in the river town of {place} said on Tuesday that {killed} people were "
        f"killed when the dam gave way after days of rain; part {i} of the report.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>Dam burst in {place}</title>"
        f'<meta property="og:site_name" content="{place} Courier"></head>'
        f"<body><article><h1>Dam burst in {place}</h1>{paragraphs}</article></body></html>"
    ).encode()


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>Report {n}</title><link>{base}/news/{n}</link></item>"
        for n in ("one", "two")
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def sitemap_index(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/news-sitemap.xml</loc></sitemap></sitemapindex>"
    ).encode()


def news_sitemap(base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{n}</loc><news:news><news:title>Report {n}</news:title>"
        "</news:news></url>"
        for n in ("one", "flaky")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    # What the server saw, across the module's tests.
    hits: ClassVar[Counter[str]] = Counter()
    agents: ClassVar[list[str]] = []
    times: ClassVar[list[float]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def base(self) -> str:
        return f"http://{self.headers['Host']}"

    def do_GET(self) -> None:
        path = self.path
        Handler.hits[path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        Handler.times.append(time.monotonic())
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/news/one":
            self.send(200, page("Karvasa", 14))
        elif path == "/news/two":
            self.send(200, page("Karvasa", 17))
        elif path == "/news/flaky":  # fails once, then answers
            if Handler.hits[path] % 2:
                self.send(503, b"busy")
            else:
                self.send(200, page("Karvasa", 19))
        elif path == "/down":
            self.send(500, b"error")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, page("Slowtown", 3))
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/huge":
            self.send(200, b"<html><body>" + b"x" * 400_000 + b"</body></html>")
        elif path == "/logo.png":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/feed.xml":
            self.send(200, feed(self.base()), "application/rss+xml")
        elif path == "/sitemap-index.xml":
            self.send(200, sitemap_index(self.base()), "application/xml")
        elif path == "/news-sitemap.xml":
            self.send(200, news_sitemap(self.base()), "application/xml")
        elif path == "/fake-feed":  # a page where a feed was promised
            self.send(200, page("Nowhere", 0))
        elif path == "/private/memo":
            self.send(200, page("Secretville", 1))
        else:
            self.send(404, b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def url_list(folder: Path, base: str) -> Path:
    listed = folder / "today.urls"
    listed.write_text(
        "# pages to check\n"
        f"{base}/news/one\n{base}/news/two   # the update\n{base}/news/flaky\n"
        f"{base}/news/one\n"  # listed twice: fetched once
        f"{base}/private/memo\n{base}/missing\n{base}/down\n{base}/slow\n{base}/loop\n"
        f"{base}/huge\n{base}/logo.png\nftp://files.example/report\n",
        encoding="utf-8",
    )
    return listed


def test_listed_pages_are_fetched_archived_and_analysed(
    tmp_path: Path, server: str, analyzer
) -> None:
    db = tmp_path / "case.db"
    summary = analyze_paths(
        [url_list(tmp_path, server)], db=db, analyzer=analyzer, fetch_policy=POLICY
    )
    assert summary.analyzed == 3
    by_address = {p.path: p for p in summary.problems if p.problem is Problem.E016}
    reasons = {path.removeprefix(server): str(p) for path, p in by_address.items()}
    assert set(reasons) == {"/private/memo", "/missing", "/down", "/slow", "/loop", "/huge",
                            "/logo.png"}  # fmt: skip
    assert "robots.txt" in reasons["/private/memo"] and Handler.hits["/private/memo"] == 0
    assert "404" in reasons["/missing"] and "500" in reasons["/down"]
    assert Handler.hits["/down"] == 2  # tried again once, then given up
    assert "in time" in reasons["/slow"] and "redirects" in reasons["/loop"]
    assert "200,000" in reasons["/huge"] and "image/png" in reasons["/logo.png"]
    (bad_line,) = [p for p in summary.problems if p.problem is Problem.E015]
    assert bad_line.line == 13 and "ftp://" in str(bad_line)
    assert Handler.hits["/news/one"] == 1
    assert all(a.startswith("newsprism/") for a in Handler.agents)
    with sqlite3.connect(db) as conn:
        urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
        fetched = {r[0] for r in conn.execute("SELECT extra FROM articles")}
    assert urls == {f"{server}/news/one", f"{server}/news/two", f"{server}/news/flaky"}
    assert all('"fetched_at"' in e and ARCHIVE_FOLDER in e for e in fetched)


def test_a_second_run_fetches_only_what_failed(
    store_target: str | Path, tmp_path: Path, server: str, analyzer, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a store in PostgreSQL keeps its archive in the working folder
    db = store_target
    listed = url_list(tmp_path, server)
    analyze_paths([listed], db=db, analyzer=analyzer, fetch_policy=POLICY)
    before = Counter(Handler.hits)
    again = analyze_paths([listed], db=db, analyzer=analyzer, fetch_policy=POLICY)
    assert again.analyzed == 0 and again.already_stored == 3
    assert Handler.hits["/news/one"] == before["/news/one"]  # a page is fetched once
    assert Handler.hits["/missing"] == before["/missing"] + 1  # a failure is tried again
    assert len(list((tmp_path / ARCHIVE_FOLDER).glob("*.warc.gz"))) == 2  # one per run


def test_the_archive_analysed_offline_gives_the_same_claims(
    tmp_path: Path, server: str, analyzer
) -> None:
    db = tmp_path / "online.db"
    analyze_paths([url_list(tmp_path, server)], db=db, analyzer=analyzer, fetch_policy=POLICY)
    (archive,) = (tmp_path / ARCHIVE_FOLDER).glob("*.warc.gz")
    offline = tmp_path / "offline.db"
    analyze_paths([archive], db=offline, analyzer=analyzer)

    def claims(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as conn:
            return conn.execute(
                "SELECT id, slot, value_json, start_char, end_char FROM claims ORDER BY id"
            ).fetchall()

    assert claims(db) and claims(db) == claims(offline)


def test_requests_to_one_host_are_paced(tmp_path: Path, server: str, analyzer) -> None:
    listed = tmp_path / "two.urls"
    listed.write_text(f"{server}/news/one\n{server}/news/two\n", encoding="utf-8")
    Handler.times.clear()
    paced = FetchPolicy(per_host_interval_s=0.3, retries=0)
    analyze_paths([listed], db=tmp_path / "c.db", analyzer=analyzer, fetch_policy=paced)
    gaps = [b - a for a, b in zip(Handler.times, Handler.times[1:], strict=False)]
    assert len(Handler.times) == 3 and min(gaps) >= 0.29  # robots.txt, then the two pages


NAMED = "http://courier.example.com"  # the helpers read links of named sites only


class Loopback(httpx.BaseTransport):
    """Requests to any host go to the loopback server; the Host header keeps the name."""

    def __init__(self, server: str) -> None:
        self.port = int(server.rsplit(":", 1)[1])
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        there = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port),
            headers=request.headers,
        )
        answer = self.inner.handle_request(there)
        return httpx.Response(answer.status_code, headers=answer.headers, stream=answer.stream)


def named(server: str) -> FetchPolicy:
    return replace(POLICY, transport=Loopback(server))


def test_the_pages_of_a_feed_and_of_a_sitemap_are_fetched(
    tmp_path: Path, server: str, analyzer
) -> None:
    summary = analyze_paths(
        [],
        db=tmp_path / "c.db",
        analyzer=analyzer,
        fetch_policy=named(server),
        feeds=[f"{NAMED}/feed.xml"],
        sitemaps=[f"{NAMED}/sitemap-index.xml"],
    )
    assert not summary.problems
    assert summary.analyzed == 3  # one and two from the feed; one again and flaky from the map
    with sqlite3.connect(tmp_path / "c.db") as conn:
        urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
    assert urls == {f"{NAMED}/news/one", f"{NAMED}/news/two", f"{NAMED}/news/flaky"}
    reasons = [s.reason for s in summary.skipped]  # the listings are archived, not articles
    assert sum("feed or sitemap" in r for r in reasons) == 3


def test_a_feed_that_is_a_page_is_a_clear_problem(tmp_path: Path, server: str, analyzer) -> None:
    summary = analyze_paths(
        [], db=tmp_path / "c.db", analyzer=analyzer, fetch_policy=named(server),
        feeds=[f"{NAMED}/fake-feed"], sitemaps=[f"{NAMED}/missing-sitemap.xml"],
    )  # fmt: skip
    reasons = {p.path.removeprefix(NAMED): str(p) for p in summary.problems}
    assert "not an RSS, Atom or JSON feed" in reasons["/fake-feed"]
    assert "404" in reasons["/missing-sitemap.xml"]
    assert summary.analyzed == 0


def test_fetching_reports_its_progress(tmp_path: Path, server: str, analyzer) -> None:
    seen: list[tuple[int, int]] = []
    analyze_paths(
        [url_list(tmp_path, server)],
        db=tmp_path / "c.db",
        analyzer=analyzer,
        fetch_policy=POLICY,
        fetch_progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (0, 10) and seen[-1] == (10, 10)  # the 10 distinct addresses
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
