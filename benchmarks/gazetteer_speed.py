"""Time loading the shipped gazetteer and resolving names; print the figures.

    python benchmarks/gazetteer_speed.py

Importing newsprism.nlp (which imports spaCy) is timed apart from reading the data, since
the pipeline pays the first anyway.
"""

from __future__ import annotations

import time

NAMES = [
    "Kiev",
    "Olenivka",
    "Derna",
    "eastern Libya",
    "Donetsk region",
    "the Gaza Strip",
    "Police",
    "Birmingham",
    "Mosul",
    "Qwertyville",
]


def main() -> None:
    """Print import time, load time and lookups per second."""
    started = time.perf_counter()
    from newsprism.nlp.gazetteer import Gazetteer, load_gazetteer

    imported = time.perf_counter()
    gazetteer: Gazetteer = load_gazetteer()
    loaded = time.perf_counter()
    print(f"import newsprism.nlp.gazetteer: {imported - started:.3f} s")
    print(f"gazetteer load time: {loaded - imported:.3f} s")
    rounds = 200
    began = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.lookup(name, countries=("Ukraine",))
    took = time.perf_counter() - began
    print(f"lookups: {rounds * len(NAMES) / took:,.0f} per second")


if __name__ == "__main__":
    main()
