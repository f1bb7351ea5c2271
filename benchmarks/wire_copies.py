"""The wire-copy threshold: precision and recall of grouping copies of one story.

    python benchmarks/wire_copies.py [--thresholds 0.3 0.4 0.5 0.6 0.7 0.8] [--seed 7]

Real pairs, labelled by reading them (`benchmarks/data/wire_pairs_ptc.tsv`): the Propaganda
Techniques Corpus (`../shared/data/ptc`, 446 articles from 48 sites) holds texts that one
site took from another. Every pair of its articles sharing at least a tenth of their word
5-grams (Jaccard >= 0.1, found with MinHash LSH: 59 pairs) was read and labelled `copy` (one
carries the other's story as written: its lede and most of its body in order, lightly edited,
cut, or inside a longer post) or `shared` (different pieces that quote the same passages, or
two rewrites of one event). All 446 articles are grouped together at each threshold; the
labelled pairs give precision and recall. The file holds article ids and labels only.

The dev events' manifests name the agency whose material an article carries: two articles
of one event carrying one agency are real pairs of different texts from one source (printed
with their Jaccard).

Synthetic pairs:

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
import json
import random
import re
from pathlib import Path

from newsprism.compare.wire import shingles, wire_copies
from newsprism.ingest import ingest, make_article
from newsprism.model.types import Article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
EVENTS = SHARED / "events"
PTC = SHARED / "ptc"
LABELS = Path(__file__).resolve().parent / "data" / "wire_pairs_ptc.tsv"
AGENCIES = ("Associated Press", "Reuters", "AFP", "Agence France-Presse", "dpa", "Anadolu")
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


def grouped_pairs(origin: dict[str, str]) -> set[frozenset[str]]:
    """Every pair of articles that `wire_copies` put in one group."""
    groups: dict[str, list[str]] = {}
    for article, first in origin.items():
        groups.setdefault(first, []).append(article)
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(g, 2)}


def real_pairs(thresholds: list[float]) -> None:
    """Precision and recall on the labelled PTC pairs, all PTC articles grouped at once."""
    if not LABELS.is_file() or not PTC.is_dir():
        print(f"(no {LABELS.name} or no {PTC}: real pairs skipped)")
        return
    articles, id_of = [], {}
    for path in sorted(PTC.glob("*/articles/*.txt")):
        article = make_article(path.read_text(encoding="utf-8"), path.name)
        if article.id not in id_of.values():
            articles.append(article)
        id_of[path.stem.removeprefix("article")] = article.id
    rows = [line.split("\t") for line in LABELS.read_text(encoding="utf-8").splitlines()[1:]]
    labelled = {frozenset((id_of[a], id_of[b])): label for a, b, label, *_ in rows}
    copies = {pair for pair, label in labelled.items() if label == "copy"}
    text = {a.id: a for a in articles}
    alike = {pair: jaccard(*(text[i] for i in pair)) for pair in labelled}
    print(
        f"\nReal pairs: {len(articles)} PTC articles; {len(labelled)} pairs read and labelled, "
        f"{len(copies)} copies (Jaccard {min(alike[p] for p in copies):.2f} to "
        f"{max(alike[p] for p in copies):.2f}), {len(labelled) - len(copies)} shared passages "
        f"(up to {max(alike[p] for p in labelled if p not in copies):.2f})"
    )
    print("threshold  precision  recall  (copies found / labelled; shared pairs grouped)")
    for threshold in thresholds:
        grouped = grouped_pairs(wire_copies(articles, threshold)[0]) & labelled.keys()
        found = len(grouped & copies)
        false = len(grouped - copies)
        precision = found / (found + false) if found + false else 1.0
        print(
            f"{threshold:9.2f}  {precision:9.3f}  {found / len(copies):6.3f}  "
            f"({found}/{len(copies)}; {false})"
        )


def same_agency_pairs(originals: list[Article]) -> None:
    """Pairs of one dev event's articles that carry one agency's material (as the event's
    manifest says): one source, different stories."""
    by_agency: dict[str, list[Article]] = {}
    outlets = {}
    for manifest in sorted(EVENTS.glob("*/manifest.json")):
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            outlets[str(manifest.parent / "articles" / entry["file"])] = entry.get("outlet", "")
    for article in originals:
        outlet = outlets.get(article.source, "")
        event = Path(article.source).parent.parent.name
        for agency in AGENCIES:
            if agency.casefold() in outlet.casefold():
                by_agency.setdefault(f"{event} {agency}", []).append(article)
    pairs = [p for group in by_agency.values() for p in itertools.combinations(group, 2)]
    if pairs:
        scores = ", ".join(f"{jaccard(a, b):.3f}" for a, b in pairs)
        print(f"{len(pairs)} pairs of one event carrying one agency (different texts): {scores}")


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
    same_agency_pairs(originals)
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
    real_pairs(args.thresholds)


if __name__ == "__main__":
    main()
