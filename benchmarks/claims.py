"""Score newsprism's claims against a hand-labelled gold file (the format of ../shared/gold/).

    python benchmarks/claims.py [--gold ../shared/gold/seeds.json] [--articles ../shared/seeds]
                                [--min-checkworthy 0.5] [--strict] [--verbose]
    python benchmarks/claims.py --gold benchmarks/gold/examples.json --articles examples

Matching is described in goldmatch.py. Gold `other` claims are free-form and not scored. A
predicted claim on the span of a gold `other` claim (the labeller saw a claim there but gave
it a free-form kind outside the contract's slots, such as the reward offered or the place of
an arrest) counts neither way, unless --strict. A predicted claim about an older event the
article recalls (`subject` set) counts when it matches a gold claim and is never extra (gold
files differ on labelling older events' tolls). Claims under --min-checkworthy (the user's
precision dial; 0 scores everything) are left out. Prints per-slot precision, recall and F1
for slot + value, and the accuracy of `hedged` and `attributed_to` on matched claims.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from goldmatch import (
    SHARED,
    UNSCORED_SLOTS,
    Scorer,
    analyse_folder,
    load_gold,
    match_claims,
    on_other_claim,
)
from newsprism.extract.resolve import AliasTable, entity_key


def _row(slot: str, n: Counter[str]) -> dict[str, Any]:
    precision = n["tp"] / n["pred"] if n["pred"] else 0.0
    recall = n["tp"] / n["gold"] if n["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    counts = f"{n['gold']:5d} {n['pred']:5d} {n['tp']:5d}"
    print(f"{slot:16} {counts} {precision:6.2f} {recall:6.2f} {f1:6.2f}")
    return {"slot": slot, "precision": precision, "recall": recall, "f1": f1}


def run(
    gold_path: Path,
    articles_dir: Path,
    min_checkworthy: float = 0.5,
    verbose: bool = False,
    strict: bool = False,
) -> dict[str, Any]:
    """Print the table; return its rows and the accuracies."""
    gold = load_gold(gold_path)
    analysis = analyse_folder(articles_dir)
    by_file = {Path(a.source).name: a for a in analysis.articles}
    candidates = [
        c
        for c in analysis.claims
        if c.slot not in UNSCORED_SLOTS and c.checkworthy >= min_checkworthy
    ]
    if not strict:
        candidates = [c for c in candidates if not on_other_claim(c, gold, by_file)]
    gold_claims = [g for g in gold["claims"] if g["slot"] not in UNSCORED_SLOTS]
    found = match_claims(gold_claims, candidates, analysis)
    matched_ids = {c.id for c in found.values()}
    # A claim about an older event counts when the gold has it and is no error when it has
    # not: some gold files label older events' tolls, some leave them out.
    predicted = [
        c for c in candidates if c.subject is None or c.slot == "accusation" or c.id in matched_ids
    ]
    scorer = Scorer(analysis, AliasTable.load())
    counts: dict[str, Counter[str]] = {}
    hedged_ok = attributed_ok = 0
    notes = []
    for g in gold_claims:
        counts.setdefault(g["slot"], Counter())["gold"] += 1
        hit = found.get(g["id"])
        if hit is None:
            notes.append(f"missed {g['id']} {g['slot']} {g['value']}: {g['quote'][:70]!r}")
            continue
        counts[g["slot"]]["tp"] += 1
        hedged_ok += hit.hedged == g["hedged"]
        want = g.get("attributed_to")
        if want is None:
            right = hit.attributed_to is None
        elif hit.attributed_to is not None:
            names = {n.removeprefix("the ") for n in scorer.names_of(hit.attributed_to)}
            right = (
                scorer.actor_agrees(want, hit.attributed_to, hit.article)
                or entity_key(want).removeprefix("the ") in names
            )
        else:
            right = False
        attributed_ok += right
        if not right:
            got = sorted(scorer.names_of(hit.attributed_to)) or None
            notes.append(f"speaker {g['id']}: gold {want!r}, got {got}")
        if hit.hedged != g["hedged"]:
            notes.append(f"hedged {g['id']}: gold {g['hedged']}, got {hit.hedge_cue!r}")
    texts = {a.id: a.text for a in analysis.articles}
    for c in predicted:
        counts.setdefault(c.slot, Counter())["pred"] += 1
        if c.id not in matched_ids:
            notes.append(f"extra  {c.slot} {texts[c.article][c.value_start : c.value_end][:70]!r}")
    print(f"{'slot':16} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}")
    total: Counter[str] = Counter()
    rows = []
    for slot in sorted(counts):
        total.update(counts[slot])
        rows.append(_row(slot, counts[slot]))
    rows.append(_row("all (micro)", total))
    matched = len(found)
    hedged_acc = hedged_ok / matched if matched else 0.0
    attributed_acc = attributed_ok / matched if matched else 0.0
    print(f"hedged accuracy on {matched} matched claims: {hedged_acc:.2f}")
    print(f"attributed_to accuracy on {matched} matched claims: {attributed_acc:.2f}")
    unscored = sum(1 for g in gold["claims"] if g["slot"] in UNSCORED_SLOTS)
    print(f"(min checkworthy {min_checkworthy}; gold 'other' claims not scored: {unscored})")
    if verbose:
        print("\n".join(notes))
    return {"rows": rows, "hedged": hedged_acc, "attributed": attributed_acc}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.json")
    parser.add_argument("--articles", type=Path, default=SHARED / "seeds")
    parser.add_argument("--min-checkworthy", type=float, default=0.5)
    parser.add_argument("--verbose", action="store_true", help="list missed and extra claims")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="count claims on the span of a gold 'other' claim as extra",
    )
    args = parser.parse_args()
    if not args.gold.is_file():
        sys.exit(f"no gold file at {args.gold} (it lives in ../shared/gold beside the project)")
    run(args.gold, args.articles, args.min_checkworthy, args.verbose, args.strict)


if __name__ == "__main__":
    main()
