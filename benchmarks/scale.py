"""Analysis at scale: the plain CLI path and Dask with 1 and 2 local workers, against a bare
spaCy pass, at growing corpus sizes.

    python benchmarks/scale.py [--sizes 1000 10000] [--workers 1 2] [--no-plain]

The corpus is made as `load.py` makes its case: the examples and the dev events' articles,
each copied with its numbers shifted, its outlet renamed and its date moved by the copy's
index (`load.variant`), N articles in all. For each size it prints, per way of running:
seconds, articles per second, the ratio to a bare spaCy pass over the same texts with two
processes, and peak memory per process (the writing process's RSS; the plain path's spaCy
worker processes'; each Dask worker's, read from the worker). Each size runs in a process of
its own, so a peak is that size's. Memory that grows with N would show here: it must stay flat.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import base_texts, variant
from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths
from newsprism.ingest import ingest
from newsprism.nlp import load_pipeline
from newsprism.settings import Settings


def corpus(folder: Path, size: int) -> Path:
    texts = base_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        (folder / f"{n:06d}.txt").write_text(
            variant(texts[n % len(texts)], n // len(texts) + 1), encoding="utf-8"
        )
    return folder


def rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def worker_rss(client: object) -> list[float]:
    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return sorted(client.run(peak).values())  # type: ignore[attr-defined]


def bare_spacy(folder: Path) -> float:
    texts = [a.text for a in ingest([folder]).articles]
    nlp = load_pipeline()
    started = time.perf_counter()
    ours = [n for n in ("newsprism_quantities", "newsprism_quotes") if n in nlp.pipe_names]
    for _ in nlp.pipe(texts, batch_size=16, n_process=2, disable=ours):
        pass
    return time.perf_counter() - started


def run(size: int, workers: list[int], plain: bool = True) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus(Path(tmp) / "articles", size)
        spacy_s = bare_spacy(folder)
        print(f"\n{size:,} articles; bare spaCy pass, 2 processes: {spacy_s:.1f} s")

        def line(name: str, seconds: float, memory: str) -> None:
            print(
                f"  {name:28s} {seconds:8.1f} s  {size / seconds:6.2f} articles/s  "
                f"{seconds / spacy_s:5.2f}x spaCy  peak {memory}"
            )

        started = time.perf_counter()
        if plain:
            analyze_paths(
                [folder], db=Path(tmp) / "plain.db", analyzer=Analyzer(Settings.from_env())
            )
        # The largest child so far: the plain path's spaCy workers outgrow the bare pass's.
        workers_mib = rss_mib(resource.RUSAGE_CHILDREN)
        if plain:
            line(
                "plain (2 processes)",
                time.perf_counter() - started,
                f"writer {rss_mib():.0f} MiB, spaCy workers {workers_mib:.0f} MiB",
            )

        from newsprism.scale import DaskAnalyzer, dask_client

        for count in workers:
            client = dask_client(None, count)
            try:
                started = time.perf_counter()
                analyze_paths(
                    [folder],
                    db=Path(tmp) / f"dask{count}.db",
                    analyzer=DaskAnalyzer(client, Settings.from_env()),
                )
                seconds = time.perf_counter() - started
                memory = ", ".join(f"{m:.0f}" for m in worker_rss(client))
                line(
                    f"Dask, {count} worker(s)",
                    seconds,
                    f"writer {rss_mib():.0f} MiB, workers {memory} MiB",
                )
            finally:
                client.close()
                client.cluster.close()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-plain", action="store_true", help="Dask only, not the plain path")
    args = parser.parse_args()
    if len(args.sizes) == 1:
        run(args.sizes[0], args.workers, plain=not args.no_plain)
        return
    for size in args.sizes:  # a process per size: peak memory is then that size's own
        workers = [str(w) for w in args.workers]
        command = [sys.executable, __file__, "--sizes", str(size), "--workers", *workers]
        command += ["--no-plain"] if args.no_plain else []
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
