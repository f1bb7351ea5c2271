"""The app under load: concurrent readers while an upload is analysed.

    python benchmarks/load.py [--articles 1000] [--readers 8] [--seconds 60] [--keep DIR]

Builds a case of N articles (the bundled examples and the dev events' articles, each copied
with its numbers shifted, its outlet renamed and its date moved by the copy's index, so every
copy is a distinct text), analyses it into a store, serves it on loopback with uvicorn, and
for the given time runs R reader threads (each in turn: the case page, an article page, a
claim page, a search) while one writer uploads a 50,000-character article through the
app's own form, again and again. Prints per page: requests, errors, p50 and p95 latency.
Target (issue 11): no errors, p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "src" / "newsprism" / "examples", ROOT.parent / "shared" / "data" / "events"]
NUMBER = re.compile(r"\b\d{1,5}\b")
DATE = re.compile(r"^date: (\d{4})-(\d{2})-(\d{2})", re.M)


def base_texts() -> list[str]:
    """The texts copies are made from: examples, and the dev events' articles when present."""
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    return texts


def variant(text: str, n: int) -> str:
    """Copy n of a text: numbers shifted by n, the outlet renamed, the date moved n days."""
    shifted = NUMBER.sub(lambda m: str(int(m.group()) + n), text)
    shifted = re.sub(r"^outlet: (.*)$", rf"outlet: \1 (copy {n})", shifted, count=1, flags=re.M)
    return DATE.sub(
        lambda m: f"date: {m.group(1)}-{m.group(2)}-{(int(m.group(3)) + n) % 28 + 1:02d}", shifted
    )


def build_case(folder: Path, size: int) -> Path:
    texts = base_texts()
    articles = folder / "articles"
    articles.mkdir(parents=True)
    for n in range(size):
        (articles / f"{n:05d}.txt").write_text(
            variant(texts[n % len(texts)], n // len(texts) + 1), encoding="utf-8"
        )
    db = folder / "case.db"
    settings = Settings.from_env()
    settings.n_process = 1
    started = time.perf_counter()
    summary = analyze_paths([articles], db=db, analyzer=Analyzer(settings))
    print(f"case: {summary.analyzed} articles analysed in {time.perf_counter() - started:.0f} s")
    return db


def case_db(keep: Path | None, size: int, prefix: str) -> Path:
    """The case's store: kept in `keep` from an earlier run, else built (there or in a new
    temporary folder)."""
    folder = keep or Path(tempfile.mkdtemp(prefix=prefix))
    return folder / "case.db" if (folder / "case.db").exists() else build_case(folder, size)


def pages(
    rng: random.Random, articles: list[str], claims: list[str], words: list[str]
) -> list[tuple[str, str]]:
    """One round of the pages a reader asks for: (page, path)."""
    return [
        ("case", "/"),
        ("article", f"/articles/{rng.choice(articles)}"),
        ("claim", f"/claims/{rng.choice(claims)}"),
        ("search", f"/search?q={rng.choice(words)}"),
    ]


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95 of some timings."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def serve(db: Path) -> tuple[str, object]:
    import uvicorn

    from newsprism.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--keep", type=Path, help="build the case here and keep it")
    args = parser.parse_args()
    db = case_db(args.keep, args.articles, "newsprism-load-")
    analysis = load_analysis(db)
    article_ids = [a.id for a in analysis.articles]
    claim_ids = [c.id for c in analysis.claims]
    words = ["killed", "market", "police", "Harlow", "strike", "dam", "theatre", "prison"]
    base, server = serve(db)
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    stop = time.monotonic() + args.seconds
    lock = threading.Lock()

    def record(page: str, started: float, ok: bool) -> None:
        with lock:
            timings[page].append(time.perf_counter() - started)
            errors[page] += not ok

    def reader(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=120) as client:
            while time.monotonic() < stop:
                for page, path in pages(rng, article_ids, claim_ids, words):
                    started = time.perf_counter()
                    try:
                        ok = client.get(path).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    record(page, started, ok)

    def uploader() -> None:
        body = ("Gunmen killed 12 people at the Tarn market on Monday, police said. " * 800)[
            :50_000
        ]
        with httpx.Client(base_url=base, timeout=600) as client:
            n = 0
            while time.monotonic() < stop:
                token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
                files = [
                    (
                        "files",
                        (f"load{n}.txt", f"outlet: Load {n}\n\n{n} {body}".encode(), "text/plain"),
                    )
                ]
                started = time.perf_counter()
                try:
                    answer = client.post(
                        "/upload", files=files, data={"csrf_token": token.group(1) if token else ""}
                    )
                    ok = answer.status_code in (200, 303)
                except httpx.HTTPError:
                    ok = False
                record("upload", started, ok)
                n += 1

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads.append(threading.Thread(target=uploader))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server.should_exit = True  # type: ignore[attr-defined]
    print(
        f"{len(article_ids)} articles, {args.readers} readers and one uploader, "
        f"{args.seconds:.0f} s on loopback"
    )
    print(f"{'page':8} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for page in ("case", "article", "claim", "search", "upload"):
        if timings[page]:
            p50, p95 = percentiles(timings[page])
            print(
                f"{page:8} {len(timings[page]):8d} {errors[page]:6d} {p50 * 1000:8.0f} "
                f"{p95 * 1000:8.0f}"
            )


if __name__ == "__main__":
    main()
