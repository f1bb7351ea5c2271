"""Score newsprism's claims against a hand-labelled gold file (the format of ../shared/gold/).

    python benchmarks/claims.py [--gold ../shared/gold/seeds.json] [--articles ../shared/seeds]
                                [--min-checkworthy 0.5] [--verbose]

A predicted claim matches a gold claim when both are in the same article, the claim's sentence
or value span overlaps the gold quote, the slot is the same and the value agrees: numbers by
operator and value, dates by value, actors by canonical name (through newsprism's alias
table), accusations by accuser and accused, the article's own voice matching a gold accuser
that names the article's author. Matching is one-to-one. Gold `other` claims are free-form
and are not scored; a predicted claim on the span of a gold `other` claim (the labeller saw
a claim there but gave it a free-form kind outside the contract's slots, such as the reward
offered or the place of an arrest) counts neither way, unless --strict. Predicted claims
about an older event the article recalls (`subject` set) are not this event's and are left
out, as are claims under --min-checkworthy (the
user's precision dial; 0 scores everything). Prints per-slot precision, recall and F1 for
slot + value, and the accuracy of `hedged` and `attributed_to` on matched claims.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from newsprism.api import analyze_paths, load_analysis
from newsprism.extract.resolve import AliasTable, entity_key
from newsprism.ingest.normalize import normalize_text
from newsprism.model.types import (
    AccusationValue,
    Analysis,
    Claim,
    DateValue,
    EntityValue,
    NumberValue,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNSCORED_SLOTS = frozenset({"other"})


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where a gold quote is in the stored (normalised) text."""
    needle = normalize_text(quote)
    at = text.find(needle)
    if at != -1:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    match = re.search(pattern, text)
    return match.span() if match else None


class Scorer:
    """Compares predicted and gold values with one alias table for both."""

    def __init__(self, analysis: Analysis, table: AliasTable):
        self.table = table
        self.entities = {e.id: e for e in analysis.entities}
        self.articles = {a.id: a for a in analysis.articles}

    def canonical(self, name: str) -> str:
        known = self.table.lookup(name)
        return entity_key(known.name if known else name)

    def names_of(self, entity_id: str | None) -> set[str]:
        if entity_id is None or entity_id not in self.entities:
            return set()
        ent = self.entities[entity_id]
        return {self.canonical(n) for n in [ent.name, *ent.aliases]}

    def is_voice(self, entity_id: str, article_id: str) -> bool:
        ent = self.entities.get(entity_id)
        art = self.articles[article_id]
        return ent is not None and (ent.type == "AUTHOR" or ent.name in (art.author, art.outlet))

    def actor_agrees(self, gold: Any, entity_id: str, article_id: str) -> bool:
        golds = gold if isinstance(gold, list) else [gold]
        for name in golds:
            if (
                "author" in name.lower() or "(" in name
            ):  # "author of 00a", "Shabbir Rizvi (Press TV)"
                if self.is_voice(entity_id, article_id):
                    return True
                name = name.split("(")[0].strip()
            if self.canonical(name) in self.names_of(entity_id):
                return True
        return False

    def value_agrees(self, gold: dict[str, Any], claim: Claim) -> bool:
        value = claim.value
        if isinstance(value, NumberValue):
            return (
                gold.get("value") is not None
                and gold.get("op") == value.op
                and float(gold["value"]) == value.value
            )
        if isinstance(value, DateValue):
            return gold.get("value") == value.date
        if isinstance(value, EntityValue):
            return "entity" in gold and self.actor_agrees(
                gold["entity"], value.entity, claim.article
            )
        if isinstance(value, AccusationValue):
            return (
                "accuser" in gold
                and self.actor_agrees(gold["accuser"], value.accuser, claim.article)
                and self.actor_agrees(gold["accused"], value.accused, claim.article)
            )
        return False


def _on_other_claim(claim: Claim, gold: dict[str, Any], by_file: dict[str, Any]) -> bool:
    for g in gold["claims"]:
        article = by_file.get(g["article"])
        if g["slot"] in UNSCORED_SLOTS and article is not None and article.id == claim.article:
            span = locate(g["quote"], article.text)
            if span and claim.value_start < span[1] and span[0] < claim.value_end:
                return True
    return False


def overlaps(claim: Claim, span: tuple[int, int]) -> bool:
    start, end = span
    return (claim.start < end and start < claim.end) or (
        claim.value_start < end and start < claim.value_end
    )


def run(
    gold_path: Path, articles_dir: Path, min_checkworthy: float, verbose: bool, strict: bool = False
) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        summary = analyze_paths([articles_dir], db=Path(tmp) / "bench.db")
        analysis = load_analysis(Path(tmp) / "bench.db", summary.article_ids)
    table = AliasTable.load()
    scorer = Scorer(analysis, table)
    by_file = {Path(a.source).name: a for a in analysis.articles}
    predicted = [
        c
        for c in analysis.claims
        if c.slot not in UNSCORED_SLOTS
        and (c.subject is None or c.slot == "accusation")
        and c.checkworthy >= min_checkworthy
    ]
    gold_claims = [g for g in gold["claims"] if g["slot"] not in UNSCORED_SLOTS]
    if not strict:
        predicted = [c for c in predicted if not _on_other_claim(c, gold, by_file)]
    used: set[str] = set()
    counts: dict[str, Counter[str]] = {}
    hedged_ok = attributed_ok = matched = 0
    misses = []
    for g in gold_claims:
        counts.setdefault(g["slot"], Counter())["gold"] += 1
        article = by_file.get(g["article"])
        span = locate(g["quote"], article.text) if article else None
        hit = None
        if article is not None and span is not None:
            for c in predicted:
                if (
                    c.id not in used
                    and c.article == article.id
                    and c.slot == g["slot"]
                    and overlaps(c, span)
                    and scorer.value_agrees(g["value"], c)
                ):
                    hit = c
                    break
        if hit is None:
            misses.append(
                f"missed {g['id']} {g['slot']} {json.dumps(g['value'])}: {g['quote'][:70]!r}"
            )
            continue
        used.add(hit.id)
        matched += 1
        counts[g["slot"]]["tp"] += 1
        hedged_ok += hit.hedged == g["hedged"]
        want = g.get("attributed_to")
        got_right = (
            (hit.attributed_to is None)
            if want is None
            else (
                (
                    hit.attributed_to is not None
                    and scorer.actor_agrees(want, hit.attributed_to, hit.article)
                )
                or entity_key(want).removeprefix("the ")
                in {n.removeprefix("the ") for n in scorer.names_of(hit.attributed_to)}
            )
        )
        attributed_ok += got_right
    texts = {a.id: a.text for a in analysis.articles}
    for c in predicted:
        counts.setdefault(c.slot, Counter())["pred"] += 1
        if c.id not in used:
            misses.append(f"extra  {c.slot} {texts[c.article][c.value_start : c.value_end][:70]!r}")
    rows = []
    total: Counter[str] = Counter()
    print(f"{'slot':16} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for slot in sorted(counts):
        n = counts[slot]
        total.update(n)
        rows.append(_row(slot, n))
    rows.append(_row("all (micro)", total))
    hedged_acc = hedged_ok / matched if matched else 0.0
    attributed_acc = attributed_ok / matched if matched else 0.0
    print(f"hedged accuracy on {matched} matched claims: {hedged_acc:.2f}")
    print(f"attributed_to accuracy on {matched} matched claims: {attributed_acc:.2f}")
    print(
        f"(min checkworthy {min_checkworthy}; gold 'other' claims not scored: "
        f"{sum(1 for g in gold['claims'] if g['slot'] in UNSCORED_SLOTS)})"
    )
    if verbose:
        print("\n".join(misses))
    return {"rows": rows, "hedged": hedged_acc, "attributed": attributed_acc}


def _row(slot: str, n: Counter[str]) -> dict[str, float]:
    precision = n["tp"] / n["pred"] if n["pred"] else 0.0
    recall = n["tp"] / n["gold"] if n["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    counts = f"{n['gold']:5d} {n['pred']:5d} {n['tp']:5d}"
    print(f"{slot:16} {counts} {precision:6.2f} {recall:6.2f} {f1:6.2f}")
    return {"slot": slot, "precision": precision, "recall": recall, "f1": f1}  # type: ignore[dict-item]


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
