"""The wire-copy threshold: precision and recall of grouping copies of one story.

    python benchmarks/wire_copies.py [--thresholds 0.3 0.4 0.5 0.6 0.7 0.8] [--seed 7]

The pairs:

- different stories (negatives, real): every pair of the dev events' articles
  (`../shared/data/events/*/articles`, 48 articles, 1,128 pairs, 264 of them two outlets'
  reports of one event). Their texts are what outlets wrote, agency material included: the
  most alike pair (Jaccard of word 5-grams 0.18) is two rewrites of AFP and Reuters copy.
- copies (positives): the dev events hold no two sites carrying one agency text (measured
  here: no pair above 0.18), so copies are made from each article the way sites republish
  wire copy: another outlet line, the last paragraphs cut (keeping 50 to 100 % of the text,
  uniformly at random), two or three words swapped for a house style ("said" -> "told
  reporters", "on Tuesday" -> "Tuesday"), a credit line added. 48 copies, one per article.

For each threshold the copies and originals are grouped together by `compare.wire`
(MinHash LSH, then the Jaccard estimate); a copy grouped with its original is found, two
originals in one group are a false pair. Prints precision and recall of pairs per threshold.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
from pathlib import Path

from newsprism.compare.wire import shingles, wire_copies
from newsprism.ingest import ingest, make_article
from newsprism.model.types import Article

EVENTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "events"
HOUSE_STYLE = [
    (r"\bsaid\b", "told reporters"),
    (r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"\1"),
    (r"\bpeople\b", "persons"),
    (r"\bhowever\b", "but"),
    (r"\babout\b", "around"),
]


def republish(article: Article, rng: random.Random) -> Article:
    """A copy as another site would carry it."""
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    keep = max(1, round(len(paragraphs) * rng.uniform(0.5, 1.0)))
    text = "\n".join(paragraphs[:keep])
    for pattern, replacement in rng.sample(HOUSE_STYLE, rng.randint(2, 3)):
        text = re.sub(pattern, replacement, text, count=2)
    text += "\nReporting by our correspondents; additional reporting by wire services."
    return make_article(text, f"copy of {article.source}", outlet="Regional Daily")


def jaccard(a: Article, b: Article) -> float:
    x, y = shingles(a.text), shingles(b.text)
    return len(x & y) / len(x | y) if x | y else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    originals = ingest(sorted(EVENTS.glob("*/articles/*"))).articles
    if not originals:
        raise SystemExit(f"no articles under {EVENTS}")
    rng = random.Random(args.seed)
    copies = [republish(a, rng) for a in originals]
    real = sorted((jaccard(a, b) for a, b in itertools.combinations(originals, 2)), reverse=True)
    made = sorted(jaccard(a, c) for a, c in zip(originals, copies, strict=True))
    print(
        f"{len(originals)} articles, {len(real)} pairs of different stories; most alike "
        f"{real[0]:.2f}, then {real[1]:.2f}"
    )
    print(
        f"{len(copies)} copies: Jaccard with their original from {made[0]:.2f} to "
        f"{made[-1]:.2f} (median {made[len(made) // 2]:.2f})"
    )
    print("threshold  precision  recall  (copy pairs found / made; false pairs)")
    for threshold in args.thresholds:
        origin, _ = wire_copies([*originals, *copies], threshold)
        found = sum(
            1
            for a, c in zip(originals, copies, strict=True)
            if c.id in origin and origin.get(a.id) == origin[c.id]
        )
        groups: dict[str, int] = {}
        for original in originals:
            if original.id in origin:
                groups[origin[original.id]] = groups.get(origin[original.id], 0) + 1
        false = sum(n * (n - 1) // 2 for n in groups.values())
        precision = found / (found + false) if found + false else 1.0
        recall = found / len(copies)
        print(
            f"{threshold:9.2f}  {precision:9.3f}  {recall:6.3f}  ({found}/{len(copies)}; {false})"
        )


if __name__ == "__main__":
    main()
