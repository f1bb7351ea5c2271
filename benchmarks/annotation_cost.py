"""What it would cost to annotate every word eagerly: who said it, and what hedges it.

    python benchmarks/annotation_cost.py

Over the dev events' articles (`../shared/data/events/*/articles`): a spaCy pass with the
pipeline newsprism loads, then `token._.attribution` and `token._.hedge` read for every token
of every Doc (what a pipeline component computing them for all words would do), then the
quantities and quoted speakers the two annotation components compute. The extractors ask
about a few words of each claim instead; these figures say why attribution and hedging stay
on-demand extensions rather than components (nlp/annotations.py).
"""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.ingest import ingest
from newsprism.nlp import load_pipeline
from newsprism.nlp.attribution import quoted_speakers
from newsprism.nlp.quantities import find_quantities

EVENTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "events"


def main() -> None:
    texts = [a.text for a in ingest(sorted(EVENTS.glob("*/articles/*"))).articles]
    if not texts:
        raise SystemExit(f"no articles under {EVENTS}")
    nlp = load_pipeline()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, disable=["newsprism_quantities", "newsprism_quotes"]))
    spacy_s = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {tokens:,} tokens; spaCy pass {spacy_s:.2f} s")
    steps = {
        "attribution of every token": lambda d: [t._.attribution for t in d],
        "hedge of every token": lambda d: [t._.hedge for t in d],
        "quantities (component)": find_quantities,
        "quoted speakers (component)": quoted_speakers,
    }
    for name, step in steps.items():
        started = time.perf_counter()
        for doc in docs:
            step(doc)
        seconds = time.perf_counter() - started
        print(f"  {name:30s} {seconds:6.2f} s  ({seconds / spacy_s:.0%} of the spaCy pass)")


if __name__ == "__main__":
    main()
