"""Time `newsprism analyze` end to end on the examples and on the seeds; print a table.

    python benchmarks/analyze_speed.py [--repeat 3]

Each run is a fresh process (as a user runs it), into a fresh store, so the figures include
Python start-up and loading the spaCy pipeline. Peak memory is the child's max RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "examples": ROOT / "src" / "newsprism" / "examples",
    "seeds": ROOT.parent / "shared" / "seeds",
}


def words_in(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".jsonl")]
    return len(files), sum(len(p.read_text(encoding="utf-8").split()) for p in files)


def run_once(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "newsprism",
                "analyze",
                str(folder),
                "--db",
                f"{tmp}/b.db",
                "--json",
                f"{tmp}/b.json",
                "--html",
                f"{tmp}/b.html",
                "-q",
            ],
            check=True,
        )
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'corpus':10} {'articles':>8} {'words':>7} {'median s':>9} {'min s':>7}")
    for name, folder in CORPORA.items():
        if not folder.is_dir():
            print(f"{name:10} (missing: {folder})")
            continue
        n_articles, n_words = words_in(folder)
        times = [run_once(folder) for _ in range(args.repeat)]
        median = statistics.median(times)
        print(f"{name:10} {n_articles:8d} {n_words:7d} {median:9.2f} {min(times):7.2f}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one run: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
