"""Score newsprism's cross-source verdicts against hand-labelled gold pairs.

    python benchmarks/compare.py [--gold ../shared/gold/seeds.json] [--articles ../shared/seeds]
    python benchmarks/compare.py --gold benchmarks/gold/examples.json --articles examples

Each gold pair names two gold claims; both are matched to newsprism's claims (goldmatch.py,
any check-worthiness), and the verdict newsprism gives that pair of claims is compared with
the gold verdict. A pair whose claims are not both found, or that newsprism did not compare,
counts as wrong. Pairs on gold `other` claims are free-form and not scored. Prints accuracy
over the scored gold pairs and precision, recall and F1 of `contradictory`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from goldmatch import SHARED, UNSCORED_SLOTS, analyse_folder, load_gold, match_claims


def run(gold_path: Path, articles_dir: Path, verbose: bool = False) -> dict[str, Any]:
    """Print the scores; return them."""
    gold = load_gold(gold_path)
    analysis = analyse_folder(articles_dir)
    found = match_claims(gold["claims"], analysis.claims, analysis)
    verdicts = {frozenset(c.claims): c for c in analysis.comparisons}
    scored = [p for p in gold["pairs"] if p["slot"] not in UNSCORED_SLOTS]
    correct = tp = predicted_contra = gold_contra = 0
    notes = []
    for pair in scored:
        a, b = (found.get(cid) for cid in pair["claims"])
        mine = verdicts.get(frozenset((a.id, b.id))) if a and b else None
        got = mine.verdict if mine else ("claims not found" if not (a and b) else "not compared")
        correct += got == pair["verdict"]
        gold_contra += pair["verdict"] == "contradictory"
        predicted_contra += got == "contradictory"
        tp += got == pair["verdict"] == "contradictory"
        if got != pair["verdict"] or verbose:
            mark = "ok " if got == pair["verdict"] else "BAD"
            reason = mine.reason if mine else ""
            notes.append(
                f"{mark} {pair['id']} {pair['slot']}: gold {pair['verdict']}, got {got}. {reason}"
            )
    accuracy = correct / len(scored) if scored else 0.0
    precision = tp / predicted_contra if predicted_contra else 0.0
    recall = tp / gold_contra if gold_contra else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"gold pairs scored: {len(scored)} (not scored, on 'other' claims: "
        f"{len(gold['pairs']) - len(scored)})"
    )
    print(f"accuracy: {accuracy:.2f} ({correct}/{len(scored)})")
    print(
        f"contradictory: P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f} "
        f"(gold {gold_contra}, predicted {predicted_contra}, right {tp})"
    )
    print(f"comparisons newsprism made in all: {len(analysis.comparisons)}")
    if notes:
        print("\n".join(notes))
    return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.json")
    parser.add_argument("--articles", type=Path, default=SHARED / "seeds")
    parser.add_argument("--verbose", action="store_true", help="list every pair, right or not")
    args = parser.parse_args()
    if not args.gold.is_file():
        sys.exit(f"no gold file at {args.gold}")
    run(args.gold, args.articles, args.verbose)


if __name__ == "__main__":
    main()
