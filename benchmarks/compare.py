"""Score newsprism's verdicts on the gold pairs of the seeds and of every event set.

    python benchmarks/compare.py [--events NAME ...] [--wrong] [--json OUT]

Each event is analysed as `benchmarks/claims.py` does (a fresh store, the contract JSON), and
the official scorer `../shared/eval/score_claims.py` judges it: a gold pair is right when
both its claims are matched to newsprism's claims and newsprism compared exactly those two
with the gold verdict. Printed per event and pooled over the dev events worked on:

- pair verdict accuracy and contradiction precision / recall / F1, as the scorer prints them;
- how many gold pairs had both claims found (the ceiling extraction sets on the comparison
  layer), and the accuracy and contradiction F1 on those pairs alone (what the comparison
  layer does with what it was given);
- the same figures on the gold pairs inside one article (`intra_article_pairs`), which the
  scorer does not score but the issue asks for.

The scorer is run in-process: its `main` with `errors=True` hands its claim matching and its
judged pairs to `show_errors`, which this script replaces by a function that keeps them. So the
matching is the scorer's own, not a copy. `--wrong` lists the found pairs judged wrongly, with
newsprism's reason, for error analysis (never for the final-check event unless it is named).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims import (
    FINAL_CHECK,
    SCORE,
    SEED_ALIASES,
    SEEDS,
    SEEDS_ARTICLES,
    SEEDS_GOLD,
    Event,
    convert_old_gold,
    known_events,
)
from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.model import write_json
from newsprism.settings import Settings


@dataclass
class Tally:
    """Right answers and contradiction counts over a set of gold pairs."""

    pairs: int = 0
    right: int = 0
    tp: int = 0  # gold contradictory, judged contradictory
    fp: int = 0  # judged contradictory, gold not
    fn: int = 0  # gold contradictory, judged otherwise

    def add(self, gold: str, got: str | None) -> None:
        self.pairs += 1
        self.right += got == gold
        if gold == "contradictory":
            self.tp += got == "contradictory"
            self.fn += got != "contradictory"
        elif got == "contradictory":
            self.fp += 1

    def __iadd__(self, other: Tally) -> Tally:
        for name in ("pairs", "right", "tp", "fp", "fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def accuracy(self) -> float:
        return self.right / self.pairs if self.pairs else 0.0

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def text(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return (
            f"accuracy {self.accuracy:.3f} ({self.right}/{self.pairs}); "
            f"contradiction P {p:.2f} R {r:.2f} F1 {self.f1:.3f}"
        )


@dataclass
class EventResult:
    """The tallies of one event: all gold pairs, pairs with both claims found, intra pairs."""

    name: str
    all: Tally = field(default_factory=Tally)
    found: Tally = field(default_factory=Tally)
    intra: Tally = field(default_factory=Tally)
    intra_found: Tally = field(default_factory=Tally)
    by_slot: Counter[tuple[str, str]] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)


def scorer_matching(pred: Path, gold_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scorer's gold-claim -> predicted-claim matching and its figures, from its own run."""
    kept: dict[str, Any] = {}

    def keep(gclaims: Any, match: Any, *rest: Any) -> None:
        kept["match"] = match

    original = SCORE.show_errors
    SCORE.show_errors = keep
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            figures = SCORE.main(str(pred), str(gold_dir), False, True)
    finally:
        SCORE.show_errors = original
    return kept["match"], figures


def judge_event(event: Event, analyzer: Analyzer, list_wrong: bool) -> EventResult:
    """Analyse one event into a fresh store and tally its gold pairs."""
    result = EventResult(event.name)
    with tempfile.TemporaryDirectory(prefix=f"compare-{event.name}-") as tmp_name:
        tmp = Path(tmp_name)
        summary = analyze_paths([event.articles], db=tmp / "store.db", analyzer=analyzer)
        analysis = load_analysis(summary.db, summary.article_ids)
        pred = tmp / "pred.json"
        write_json(analysis, pred)
        gold_dir = event.gold_dir
        if gold_dir is None:
            assert event.old_gold is not None
            gold_dir = convert_old_gold(event.old_gold, event.articles, tmp / "gold", SEED_ALIASES)
        match, _ = scorer_matching(pred, gold_dir)
        pairs = json.loads((gold_dir / "pairs.json").read_text(encoding="utf-8"))
    verdicts = {frozenset(c.claims): c for c in analysis.comparisons}
    names = {Path(a.source).name for a in analysis.articles}
    for kind, tally, found in (
        ("cross_article_pairs", result.all, result.found),
        ("intra_article_pairs", result.intra, result.intra_found),
    ):
        for pair in pairs.get(kind, []):
            if pair["a"]["article"] not in names or pair["b"]["article"] not in names:
                continue
            pa, pb = match.get(pair["a"]["id"]), match.get(pair["b"]["id"])
            mine = verdicts.get(frozenset((pa["id"], pb["id"]))) if pa and pb else None
            got = mine.verdict if mine else None
            tally.add(pair["judgement"], got)
            if pa and pb:
                found.add(pair["judgement"], got)
                if kind == "cross_article_pairs":
                    result.by_slot[
                        (pair["slot"], "right" if got == pair["judgement"] else "wrong")
                    ] += 1
                if list_wrong and got != pair["judgement"]:
                    reason = mine.reason if mine else "not compared"
                    result.wrong.append(
                        f"  {pair['pair_id']} {pair['slot']} ({pair.get('cause', '')}): "
                        f"{pair['judgement']} -> {got} | {reason}\n"
                        f"      {pair['a']['quote'][:80]!r}\n      {pair['b']['quote'][:80]!r}"
                    )
    return result


def report(result: EventResult) -> None:
    """Print one event's figures."""
    print(f"\n=== {result.name} ===")
    print(f"gold pairs across articles {result.all.pairs}: {result.all.text()}")
    print(
        f"  both claims found {result.found.pairs} of {result.all.pairs}; on those: "
        f"{result.found.text()}"
    )
    slots = sorted({s for s, _ in result.by_slot})
    right = {s: result.by_slot[(s, "right")] for s in slots}
    per_slot = ", ".join(f"{s} {right[s]}/{right[s] + result.by_slot[(s, 'wrong')]}" for s in slots)
    print(f"  found pairs right per slot: {per_slot}")
    if result.intra.pairs:
        print(
            f"gold pairs inside one article {result.intra.pairs}: {result.intra.text()}; "
            f"found {result.intra_found.pairs}, on those {result.intra_found.text()}"
        )
    for line in result.wrong:
        print(line)


def main() -> None:
    """Parse the options, judge each chosen event, print the pooled and final-check lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", nargs="+", metavar="NAME", help="a subset (default: all)")
    parser.add_argument(
        "--wrong",
        action="store_true",
        help=f"list found pairs judged wrongly ({FINAL_CHECK} only when named in --events)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write all figures here")
    args = parser.parse_args()
    if not SCORE:
        sys.exit("no scorer in ../shared/eval")
    events = known_events(SEEDS_GOLD, SEEDS_ARTICLES)
    chosen = args.events or list(events)
    unknown = [n for n in chosen if n not in events]
    if unknown:
        sys.exit(f"unknown events {unknown}; known: {', '.join(events)}")
    named_final = bool(args.events) and FINAL_CHECK in args.events
    settings = Settings.from_env()
    settings.n_process, settings.alias_files = 1, []
    analyzer = Analyzer(settings)
    results = []
    for name in chosen:
        wrong = args.wrong and (name != FINAL_CHECK or named_final)
        results.append(judge_event(events[name], analyzer, wrong))
        report(results[-1])
    pooled = EventResult("pooled")
    for r in results:
        if r.name not in (FINAL_CHECK, SEEDS):
            pooled.all += r.all
            pooled.found += r.found
            pooled.intra += r.intra
            pooled.intra_found += r.intra_found
    print("\n=== summary (gold pairs across articles) ===")
    for r in results:
        label = f"FINAL CHECK {r.name} (held out, not pooled)" if r.name == FINAL_CHECK else r.name
        print(
            f"{label:17}: {r.all.text()}; found {r.found.pairs}/{r.all.pairs}, "
            f"on found {r.found.text()}"
        )
    worked = [r.name for r in results if r.name not in (FINAL_CHECK, SEEDS)]
    if worked:
        print(
            f"POOLED ({', '.join(worked)}): {pooled.all.text()}; found "
            f"{pooled.found.pairs}/{pooled.all.pairs}, on found {pooled.found.text()}; "
            f"inside one article {pooled.intra.text()}"
        )
    if args.json:
        out = {
            r.name: {
                part: vars(getattr(r, part))
                | {"accuracy": getattr(r, part).accuracy, "f1": getattr(r, part).f1}
                for part in ("all", "found", "intra", "intra_found")
            }
            for r in [*results, pooled]
        }
        args.json.write_text(json.dumps(out, indent=1))
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
