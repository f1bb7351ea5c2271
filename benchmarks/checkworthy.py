"""Score the shipped check-worthiness model on ClaimBuster dev and CheckThat! 2024 dev-test.

    python benchmarks/checkworthy.py [--data ../shared/data/checkworthy] [--model FILE]

Prints F1 of the check-worthy class (CFS on dev.tsv, Yes on dev_test.tsv) at the model's own
threshold (chosen on held-out training data, never on these files), the best F1 any
threshold would give (for reference only), and throughput in sentences per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from goldmatch import SHARED
from newsprism.extract.checkworthy_model import (
    checkworthy_scores,
    f1_at,
    load_checkworthy,
    read_labelled,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "checkworthy")
    parser.add_argument("--model", type=str, default=None, help="a model file (default: shipped)")
    args = parser.parse_args()
    if not (args.data / "dev.tsv").is_file():
        sys.exit(f"no data at {args.data}")
    model = load_checkworthy(args.model)
    print(
        f"model trained on {model.meta.get('trained_on')} sentences, "
        f"threshold {model.meta.get('threshold')}"
    )
    print(f"{'file':14} {'sentences':>9} {'F1':>6} {'best F1':>8} {'sent/s':>8}")
    for name in ("dev.tsv", "dev_test.tsv"):
        texts, labels, _ = read_labelled(args.data / name)
        checkworthy_scores(texts[:10], args.model)  # load once, outside the timing
        started = time.perf_counter()
        scores = checkworthy_scores(texts, args.model)
        rate = len(texts) / (time.perf_counter() - started)
        best = max(f1_at(scores, labels, t) for t in np.linspace(0.05, 0.95, 91))
        print(
            f"{name:14} {len(texts):9d} {f1_at(scores, labels, 0.5):6.3f} {best:8.3f} {rate:8.0f}"
        )


if __name__ == "__main__":
    main()
