"""The pages a feed (RSS, Atom, JSON Feed) or a sitemap (news sitemaps and sitemap indexes
included) lists. The documents are fetched like pages (politely, and archived); their links
are read by trafilatura's feed and sitemap helpers, not by a parser of ours."""

from __future__ import annotations

from courlan import get_hostinfo  # trafilatura's own helper for site names

from newsprism.fetch.fetcher import Fetcher, FetchError

MAX_SITEMAPS = 50  # sitemap files read from one sitemap address, indexes included


def _text(body: bytes) -> str:
    return body.decode("utf-8", errors="replace")


def feed_links(fetcher: Fetcher, url: str) -> list[str]:
    """The article addresses a feed lists, in its order."""
    from trafilatura.feeds import FeedParameters, extract_links

    response = fetcher.fetch(url, pages_only=False)
    domain, base = get_hostinfo(response.final_url)
    links = extract_links(_text(response.body), FeedParameters(base, domain or "", url))
    if not links:
        raise FetchError(f"{url}: not an RSS, Atom or JSON feed, or one that lists no pages")
    return links


def sitemap_links(fetcher: Fetcher, url: str) -> list[str]:
    """The page addresses a sitemap lists, following a sitemap index to its sitemaps."""
    from trafilatura.sitemaps import SitemapObject

    domain, base = get_hostinfo(url)
    found = SitemapObject(base, domain or "", [url])
    read = 0
    while found.sitemap_urls and read < MAX_SITEMAPS:
        current = found.sitemap_urls.pop()
        if current in found.seen:
            continue
        found.seen.add(current)
        response = fetcher.fetch(current, pages_only=False)
        found.current_url, found.content = current, _text(response.body)
        found.process()
        read += 1
    if not found.urls:
        raise FetchError(f"{url}: not a sitemap, or one that lists no pages")
    return list(found.urls)
