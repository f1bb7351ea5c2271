"""Memory of one analysing process as it goes, as a Dask worker runs the analysis: one
process, one ONNX thread, extraction included. RSS after each round of articles.

    python benchmarks/worker_memory.py [--rounds 3] [--per-round 100] [--arena off]

The articles are `load.variant` copies of the examples and dev events, as `scale.py` makes
them. `--arena off` turns onnxruntime's CPU memory arena off in every session made.
"""

from __future__ import annotations

import argparse
import time

import onnxruntime as ort

from load import base_texts, variant
from newsprism.analyzer import Analyzer
from newsprism.ingest import make_article
from newsprism.settings import Settings


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--arena", choices=["on", "off"], default="on")
    args = parser.parse_args()
    if args.arena == "off":
        made = ort.SessionOptions

        def without_arena() -> ort.SessionOptions:
            options = made()
            options.enable_cpu_mem_arena = False
            return options

        ort.SessionOptions = without_arena  # type: ignore[misc]
    texts = base_texts()
    analyzer = Analyzer(Settings(n_process=1, onnx_threads=1))

    def articles(start: int, count: int) -> list:
        return [
            make_article(variant(texts[n % len(texts)], n // len(texts) + 1), f"{n}.txt")
            for n in range(start, start + count)
        ]

    started = time.perf_counter()
    done = 60
    for _ in analyzer.analyze(articles(0, done)):
        pass
    print(f"arena {args.arena}: after {done} articles {rss_mib():.0f} MiB")
    for _ in range(args.rounds):
        for _ in analyzer.analyze(articles(done, args.per_round)):
            pass
        done += args.per_round
        print(
            f"arena {args.arena}: after {done} articles {rss_mib():.0f} MiB, "
            f"{time.perf_counter() - started:.0f} s"
        )


if __name__ == "__main__":
    main()
