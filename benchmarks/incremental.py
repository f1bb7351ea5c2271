"""What updating a large case costs: 10 new articles, then one correction.

    python benchmarks/incremental.py [--articles 1000] [--new 10] [--keep DIR] [--repeat 3]

Builds the case of `load.py` (the examples and the dev events' articles, each copied with its
numbers shifted, its outlet renamed and its date moved by the copy's index) and compares it
once, so its results are kept in the store. Then, on a fresh copy of that store each time:

- adds `--new` articles (more copies of the same texts, at copy indexes the case does not
  hold) with `analyze_paths` and brings the kept case up to date (`update_case_in_store`);
- against: those articles analysed alone into an empty store and compared on their own,
  plus judging again the events they joined (aligning and judging those events' claims,
  timed on the updated case);
- a correction (a claim marked wrong), then the update: how many events were judged again,
  and its time against judging that event alone.

The analyzer is loaded once, before any timing. Best of `--repeat`. Targets (issue 12): the
update costs at most 1.5x what it is measured against; a correction judges one event.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from load import base_texts, case_db, variant
from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis, update_case_in_store
from newsprism.compare import judge_event
from newsprism.compare.places import containment
from newsprism.compare.verdicts import Facts
from newsprism.extract import AliasTable
from newsprism.model.types import Analysis, Claim
from newsprism.settings import Settings
from newsprism.store import Store


def judging_time(analysis: Analysis, event_ids: list[str]) -> float:
    """Seconds to align and judge the claims of these events, as an update does (pairs of
    two copies of one wire story are not judged), with the cycle collector paused as the
    update pauses it."""
    gc.disable()
    try:
        return _judging_time(analysis, event_ids)
    finally:
        gc.enable()


def _judging_time(analysis: Analysis, event_ids: list[str]) -> float:
    started = time.perf_counter()
    facts = Facts(
        entities={e.id: e for e in analysis.entities},
        articles={a.id: a for a in analysis.articles},
        inside=containment(analysis),
        table=AliasTable.load(),
    )
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in analysis.claims:
        claims_of[claim.article].append(claim)
    copies = {a.id: a.extra["wire_origin"] for a in analysis.articles if "wire_origin" in a.extra}
    copies.update({origin: origin for origin in copies.values()})
    for event in analysis.events:
        if event.id in event_ids:
            judge_event(event, claims_of, facts, copies)
    return time.perf_counter() - started


def new_articles(folder: Path, count: int, first_copy: int) -> list[Path]:
    """`count` copies of the case's texts at copy indexes from `first_copy` on."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = base_texts()
    paths = []
    for n in range(count):
        path = folder / f"new{n:03d}.txt"
        text = texts[(n * 37) % len(texts)]  # spread over the events
        path.write_text(variant(text, first_copy + n), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the case here and keep it")
    args = parser.parse_args()
    db = case_db(args.keep, args.articles, "newsprism-incremental-")
    folder = db.parent
    started = time.perf_counter()
    case = load_analysis(db)
    print(
        f"the case: {len(case.articles):,} articles, {len(case.events)} events, "
        f"{len(case.comparisons):,} pairs judged; compared (or read as kept) in "
        f"{time.perf_counter() - started:.1f} s"
    )
    settings = Settings.from_env()
    settings.n_process = 1
    analyzer = Analyzer(settings)
    paths = new_articles(folder / "new", args.new, first_copy=args.articles + 1)
    best: dict[str, float] = {}

    def keep_best(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "case.db"
            shutil.copy(db, copy)
            started = time.perf_counter()
            analyze_paths(paths, db=copy, analyzer=analyzer)
            analysed = time.perf_counter()
            update = update_case_in_store(copy)
            keep_best("add: analyse", analysed - started)
            keep_best("add: update", time.perf_counter() - analysed)
            keep_best("add", time.perf_counter() - started)
            for step, seconds in update.seconds.items():
                keep_best(f"update: {step}", seconds)
            assert update is not None
            updated = load_analysis(copy)
            keep_best("events joined: judge", judging_time(updated, update.judged))

            alone = Path(tmp) / "alone.db"
            started = time.perf_counter()
            summary = analyze_paths(paths, db=alone, analyzer=analyzer)
            load_analysis(alone, summary.article_ids)
            keep_best("alone", time.perf_counter() - started)

            claim = next(c for c in updated.comparisons if c.verdict == "contradictory").claims[0]
            with Store(copy) as store:
                store.add_correction(claim, "wrong")
            started = time.perf_counter()
            corrected = update_case_in_store(copy)
            keep_best("correction: update", time.perf_counter() - started)
            assert corrected is not None
            keep_best("correction: judge its event", judging_time(updated, corrected.judged))
    against = best["alone"] + best["events joined: judge"]
    print(f"\nadding {args.new} articles (best of {args.repeat}):")
    print(
        f"  analyse into the case and update it: {best['add']:.2f} s "
        f"(analyse {best['add: analyse']:.2f}, update {best['add: update']:.2f}); "
        f"{update.describe()}"
    )
    steps = ", ".join(
        f"{name.split(': ')[1]} {seconds:.2f}"
        for name, seconds in best.items()
        if name.startswith("update: ")
    )
    print(f"  the update by step (best of each): {steps}")
    print(
        f"  against: the {args.new} analysed and compared alone {best['alone']:.2f} s + judging "
        f"the {len(update.judged)} events they joined {best['events joined: judge']:.2f} s "
        f"= {against:.2f} s"
    )
    print(f"  ratio: {best['add'] / against:.2f}x (target at most 1.5x)")
    print("\na correction (one claim marked wrong):")
    print(
        f"  update: {best['correction: update']:.2f} s; {corrected.describe()}; judging that "
        f"event alone {best['correction: judge its event']:.2f} s"
    )


if __name__ == "__main__":
    main()
