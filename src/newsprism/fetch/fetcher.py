"""Fetching one address politely: robots.txt obeyed, one request at a time per host with a
pause between them, a clear user agent, timeouts, retries with growing pauses on errors that
may pass, redirects bounded, the size capped, and only web pages accepted.

Each response that arrives is handed to `on_response` (the archive) whole, before it is
judged, so what a server answered is kept even when it is refused as an article.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.ingest.warc import HTML_TYPES

USER_AGENT = f"newsprism/{__version__} (+https://pypi.org/project/newsprism/; news analysis)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


class FetchError(NewsprismError):
    """An address that could not be fetched as a page, and why."""


@dataclass
class FetchPolicy:
    """How politely and how far newsprism fetches."""

    timeout_s: float = 20.0  # connect, read and write, each
    retries: int = 2  # more attempts after a failure that may pass (timeouts, 5xx, 429)
    backoff_s: float = 2.0  # the pause before a retry, doubled at each one
    per_host_interval_s: float = 1.0  # at least this long between two requests to one host
    max_redirects: int = 5
    max_bytes: int = 10_000_000  # a news page is well under a megabyte
    user_agent: str = USER_AGENT
    # How requests travel (httpx's own by default): a proxy, or a test's loopback server.
    transport: httpx.BaseTransport | None = None


@dataclass
class Response:
    """What a server answered: the address asked, where it ended, status, headers, body."""

    url: str
    final_url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str
    listing: bool = False  # a feed or a sitemap, fetched for its links, not as an article

    @property
    def content_type(self) -> str:
        return next((v for k, v in self.headers if k.lower() == "content-type"), "")


@dataclass
class Fetcher:
    """Fetches pages under a policy, keeping every response through `on_response`."""

    on_response: Callable[[Response], None]
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=self.policy.timeout_s,
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            transport=self.policy.transport,
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, pages_only: bool = True) -> Response:
        """The page at `url` (any document when not `pages_only`: a feed, a sitemap);
        FetchError with the reason when it cannot be had."""
        if not self._allowed(url):
            raise FetchError(f"{url}: robots.txt asks robots not to fetch it")
        response = self._with_retries(url)
        response.listing = not pages_only
        self.on_response(response)
        if response.status != 200:
            raise FetchError(f"{url}: HTTP status {response.status}")
        if pages_only and not response.content_type.lower().startswith(HTML_TYPES):
            raise FetchError(f"{url}: {response.content_type or 'no content type'}, not a page")
        return response

    def _with_retries(self, url: str) -> Response:
        pause = self.policy.backoff_s
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                response = self._get(url)
            except httpx.RequestError as exc:  # no answer, a broken one, a redirect loop
                if last or isinstance(exc, httpx.TooManyRedirects):
                    raise FetchError(f"{url}: {_reason(exc)}") from exc
            else:
                if response.status not in RETRY_STATUSES or last:
                    return response
            time.sleep(pause)
            pause *= 2
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _get(self, url: str) -> Response:
        self._wait_for_host(url)
        with self.client.stream("GET", url) as reply:
            declared = reply.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise FetchError(f"{url}: {int(declared):,} bytes, over {self.policy.max_bytes:,}")
            chunks, size = [], 0
            for chunk in reply.iter_bytes():
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise FetchError(f"{url}: over {self.policy.max_bytes:,} bytes")
                chunks.append(chunk)
            return Response(
                url=url,
                final_url=str(reply.url),
                status=reply.status_code,
                headers=list(reply.headers.items()),
                body=b"".join(chunks),
                fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        due = self._last_request.get(host, 0.0) + self.policy.per_host_interval_s
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        self._last_request[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        """robots.txt, read once per host (RFC 9309: none there allows all; a server that
        fails to answer for it allows nothing)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            self._wait_for_host(origin)
            reply = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            rules.parse(DISALLOW_ALL)
            return rules
        if 400 <= reply.status_code < 500:
            return None
        if reply.status_code != 200:
            rules.parse(DISALLOW_ALL)
            return rules
        rules.parse(reply.text[:500_000].splitlines())
        return rules


def _reason(exc: Exception) -> str:
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    return f"{type(exc).__name__}: {exc}"
