"""Time event grouping on large synthetic corpora made by recombining real articles.

    python benchmarks/grouping_speed.py [--sizes 1000 10000]

The bundled examples and the seeds are analysed once. Each synthetic event then takes the
event sentences of two real articles, renamed to an invented city, venue and date, and gets
five articles from different recombinations; so a corpus of N articles holds N / 5 events of
the same kind (attacks with tolls, attackers, arrests), the hard case for grouping. Prints,
per size: the time to embed, the time to group, the candidate pairs compared (against all
pairs), and how many events came out whole and unmixed.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from goldmatch import ROOT, SHARED, analyse_folder
from newsprism.compare.grouping import Signature, candidate_pairs, group_events
from newsprism.compare.signatures import EVENT_SLOTS
from newsprism.learn.embeddings import embed
from newsprism.model.types import Analysis, EntityValue

ARTICLES_PER_EVENT = 5


def templates(analysis: Analysis) -> list[tuple[list[str], list[str]]]:
    """(event sentences, place names) of each real article."""
    names = {e.id: e.name for e in analysis.entities}
    out = []
    for art in analysis.articles:
        claims = [
            c
            for c in analysis.claims
            if c.article == art.id and c.subject is None and c.slot in EVENT_SLOTS
        ]
        sentences = sorted({art.text[c.start : c.end] for c in claims})
        places = sorted(
            {
                names[c.value.entity]
                for c in claims
                if isinstance(c.value, EntityValue) and c.slot == "event_location"
            }
        )
        if sentences:
            out.append((sentences, places))
    return out


def synthetic(
    n: int, bases: list[tuple[list[str], list[str]]], seed: int = 7
) -> tuple[list[Signature], list[str], list[int]]:
    """Texts, places and days of n synthetic articles; and each article's true event."""
    rng = random.Random(seed)
    texts, places, days, truth = [], [], [], []
    start = date(2020, 1, 1)
    for i in range(n):
        event = i // ARTICLES_PER_EVENT
        a, b = rng.sample(bases, 2)
        sentences = rng.sample(a[0], min(3, len(a[0]))) + rng.sample(b[0], min(2, len(b[0])))
        city, venue = f"Tarnow{event}", f"Vesk Hall {event}"
        text = " ".join(sentences)
        for real in a[1] + b[1]:
            text = text.replace(real, city if rng.random() < 0.5 else venue)
        texts.append(text)
        places.append(
            frozenset({f"city{event}", f"venue{event}"})
            if rng.random() < 0.8
            else frozenset({f"city{event}"})
        )
        days.append(
            (start + timedelta(days=event % 1500)).isoformat() if rng.random() < 0.7 else None
        )
        truth.append(event)
    return (
        [
            Signature(f"S{i}", None, places[i], frozenset(), days[i])  # type: ignore[arg-type]
            for i in range(n)
        ],
        texts,
        truth,
    )


def purity(groups: list[list[str]], truth: dict[str, int]) -> tuple[int, int]:
    """(events recovered whole and alone, groups that mix events)."""
    whole = mixed = 0
    sizes: dict[int, int] = {}
    for ev in truth.values():
        sizes[ev] = sizes.get(ev, 0) + 1
    for members in groups:
        events = {truth[a] for a in members}
        if len(events) > 1:
            mixed += 1
        elif len(members) == sizes[next(iter(events))]:
            whole += 1
    return whole, mixed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    analysis = analyse_folder(ROOT / "src" / "newsprism" / "examples")
    bases = templates(analysis)
    if (SHARED / "seeds").is_dir():
        bases += templates(analyse_folder(SHARED / "seeds"))
    print(
        f"{'articles':>8} {'events':>7} {'embed s':>8} {'group s':>8} {'pairs':>9} "
        f"{'all pairs':>12} {'whole':>6} {'mixed':>6}"
    )
    for n in args.sizes:
        sigs, texts, truth = synthetic(n, bases)
        t0 = time.perf_counter()
        vectors = embed(texts)
        t1 = time.perf_counter()
        for sig, vec in zip(sigs, vectors, strict=True):
            sig.vector = vec
        groups = group_events(sigs)
        t2 = time.perf_counter()
        pairs = len(candidate_pairs(sigs))
        whole, mixed = purity(
            [g.articles for g in groups], {s.article: e for s, e in zip(sigs, truth, strict=True)}
        )
        events = n // ARTICLES_PER_EVENT
        print(
            f"{n:8d} {events:7d} {t1 - t0:8.2f} {t2 - t1:8.2f} {pairs:9d} "
            f"{n * (n - 1) // 2:12d} {whole:6d} {mixed:6d}"
        )


if __name__ == "__main__":
    main()
