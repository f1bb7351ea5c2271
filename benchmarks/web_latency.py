"""Latency of the app's pages on a case of 1,000 articles, one reader at a time.

    python benchmarks/web_latency.py [--articles 1000] [--requests 200] [--keep DIR]

Builds the case as `load.py` does (the examples and the dev events' articles, each copied
with its numbers shifted, its outlet renamed and its date moved by the copy's index), serves
it on loopback (after timing the comparison of the case and its read-back from the store),
warms it with one request, then asks each page `--requests` times in turn:
the case page, an article page, a claim page and a search (random article, claim and word
each time). Prints p50 and p95 per page. Targets (issue 12): p95 under 200 ms for every
page, and the case page no slower than twice the article page.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from pathlib import Path

import httpx

from load import case_db, pages, percentiles, serve
from newsprism.api import load_analysis

WORDS = ["killed", "market", "police", "strike", "dam", "theatre", "prison", "official"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build the case here and keep it")
    args = parser.parse_args()
    db = case_db(args.keep, args.articles, "newsprism-latency-")
    with sqlite3.connect(db) as conn:  # compare the case afresh, then read it back as kept
        conn.execute("DELETE FROM case_state")
    started = time.perf_counter()
    load_analysis(db)
    compared = time.perf_counter() - started
    started = time.perf_counter()
    analysis = load_analysis(db)
    print(
        f"the case: {len(analysis.comparisons):,} pairs judged; compared in {compared:.1f} s, "
        f"read back as kept in the store in {time.perf_counter() - started:.1f} s"
    )
    articles = [a.id for a in analysis.articles]
    claims = [c.id for c in analysis.claims]
    base, server = serve(db)
    rng = random.Random(7)
    timings: dict[str, list[float]] = {"case": [], "article": [], "claim": [], "search": []}
    with httpx.Client(base_url=base, timeout=120) as client:
        started = time.perf_counter()
        client.get("/")  # the first request reads the case; every later one is served from memory
        print(f"first request (reads the case): {time.perf_counter() - started:.1f} s")
        for _ in range(args.requests):
            for page, path in pages(rng, articles, claims, WORDS):
                started = time.perf_counter()
                answer = client.get(path)
                timings[page].append(time.perf_counter() - started)
                if answer.status_code != 200:
                    print(f"error {answer.status_code} on {path}")
    server.should_exit = True  # type: ignore[attr-defined]
    print(f"{len(articles)} articles, {args.requests} requests per page, one reader, loopback")
    print(f"{'page':8} {'p50 ms':>8} {'p95 ms':>8}")
    p95 = {}
    for page, times in timings.items():
        p50, p95[page] = percentiles(times)
        print(f"{page:8} {p50 * 1000:8.0f} {p95[page] * 1000:8.0f}")
    print(f"case page p95 / article page p95: {p95['case'] / p95['article']:.1f}")


if __name__ == "__main__":
    main()
