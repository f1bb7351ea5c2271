"""Time `newsprism analyze`: end to end on small corpora, and on the dev events against spaCy.

    python benchmarks/analyze_speed.py [--part all|corpora|events|long|ptc] [--repeat 3]
        [--events-repeat 2] [--workers 2] [--ptc-limit N]

`corpora`: `newsprism analyze` end to end on the examples and on the seeds, each run a fresh
process (as a user runs it) into a fresh store, so the figures include Python start-up and
loading the models. Peak memory is the children's max RSS.

`long`: one article at the size limit (`ingest/limits.py` MAX_ARTICLE_CHARS, the first example
repeated), `newsprism analyze` in a fresh process: seconds and peak memory, the figures the
limit is documented with.

`events`: every article file of the dev events (`../shared/data/events/*/articles`, all four
together in one run, into a fresh store) analysed as `newsprism analyze FILES --db TMP.db
--json TMP.json` does it (`analyze_paths`, then `load_analysis` and the contract's JSON),
against a bare spaCy pass (`nlp.pipe`, same batch size) with the pipeline newsprism loads
(`load_pipeline`) over the same texts (as ingested). Start-up is timed apart: importing
newsprism, loading the spaCy pipeline, loading newsprism's models (alias table, technique
models, check-worthiness and embedding models) and one warm-up sentence. The ratio is the
analysis time over the spaCy time, both without start-up. A last line times the CLI itself,
a fresh process, start-up included, as a cross-check of start-up + analysis.

`ptc`: the PTC train articles (`../shared/data/ptc/train/articles`, 371 texts; the first
`--ptc-limit` of them when given) analysed with `--workers` processes (the CLI's default,
two) as `newsprism analyze` does it, into a fresh store, against a bare spaCy pass with as
many processes (`nlp.pipe(..., n_process=N)`) over the same texts, in one run: the ratio,
articles per second and peak memory (this process's max RSS, and its children's: spaCy's
worker processes). Start-up is left out of both.
"""

from __future__ import annotations

import argparse
import importlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "examples": ROOT / "src" / "newsprism" / "examples",
    "seeds": ROOT.parent / "shared" / "seeds",
}
EVENTS_DIR = ROOT.parent / "shared" / "data" / "events"
SUFFIXES = (".txt", ".html", ".jsonl")
# newsprism's annotation components, left out of the bare spaCy pass (the line-break sentence
# bounds stay: they change the parse itself, at no cost).
OURS = ["newsprism_quantities", "newsprism_quotes"]


def ours(nlp: Any) -> list[str]:
    """newsprism's annotation components in this pipeline (none in an older version)."""
    return [name for name in OURS if name in nlp.pipe_names]


def words_in(folder: Path) -> tuple[int, int]:
    """Number of article files in a folder and their words."""
    files = [p for p in folder.iterdir() if p.suffix in SUFFIXES]
    return len(files), sum(len(p.read_text(encoding="utf-8").split()) for p in files)


def run_cli(paths: list[Path], html: bool = True) -> float:
    """Seconds of one `newsprism analyze` process into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        outputs = ["--db", f"{tmp}/b.db", "--json", f"{tmp}/b.json"]
        if html:
            outputs += ["--html", f"{tmp}/b.html"]
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "newsprism", "analyze", *map(str, paths), *outputs, "-q"],
            check=True,
        )
        return time.perf_counter() - started


def corpora(repeat: int) -> None:
    """The end-to-end table over the small corpora."""
    print(f"{'corpus':10} {'articles':>8} {'words':>7} {'median s':>9} {'min s':>7}")
    for name, folder in CORPORA.items():
        if not folder.is_dir():
            print(f"{name:10} (missing: {folder})")
            continue
        n_articles, n_words = words_in(folder)
        times = [run_cli([folder]) for _ in range(repeat)]
        median = statistics.median(times)
        print(f"{name:10} {n_articles:8d} {n_words:7d} {median:9.2f} {min(times):7.2f}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one run: {peak:.0f} MiB")


def long_article() -> None:
    """One article at the size limit, analysed end to end in a fresh process."""
    from newsprism.ingest.limits import MAX_ARTICLE_CHARS

    first = sorted(CORPORA["examples"].glob("*.txt"))[0]
    body = first.read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = (body * (MAX_ARTICLE_CHARS // len(body) + 1))[:MAX_ARTICLE_CHARS]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text("outlet: Long\n\n" + text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = run_cli([path])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    shown = f"peak {peak / 1024:.0f} MiB" if peak > before else "peak not above earlier runs"
    print(f"one article of {MAX_ARTICLE_CHARS:,} characters: {seconds:.1f} s, {shown}")


def event_files() -> list[Path]:
    """Every article file of every dev event."""
    return sorted(
        p for p in EVENTS_DIR.glob("*/articles/*") if p.is_file() and p.suffix in SUFFIXES
    )


def start_up() -> tuple[dict[str, float], Any, Any]:
    """Import newsprism and load its pipeline and models; seconds per step, the analyzer and
    the spaCy pipeline. Must run before anything else imports newsprism."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    for module in ("newsprism.api", "newsprism.analyzer", "newsprism.model", "newsprism.ingest"):
        importlib.import_module(module)
    times["import"] = time.perf_counter() - started

    from newsprism.analyzer import Analyzer
    from newsprism.extract.checkworthy_model import load_checkworthy
    from newsprism.learn.embeddings import load_model as load_embeddings
    from newsprism.nlp.pipeline import load_pipeline
    from newsprism.settings import Settings

    settings = Settings.from_env()
    settings.n_process, settings.alias_files = 1, []  # one process, as the bare pass below
    step = time.perf_counter()
    nlp = load_pipeline(settings.spacy_model)
    nlp("Warm-up: three people were killed in Moscow on Friday, police said.")
    times["spaCy pipeline"] = time.perf_counter() - step
    step = time.perf_counter()
    analyzer = Analyzer(settings, nlp=nlp)
    load_checkworthy()
    load_embeddings()
    times["newsprism models"] = time.perf_counter() - step
    times["start-up"] = time.perf_counter() - started
    return times, analyzer, nlp


def events(repeat: int) -> None:
    """Analysis of the dev events together against a bare spaCy pass over the same texts."""
    files = event_files()
    if not files:
        print(f"no event articles under {EVENTS_DIR}")
        return
    if "newsprism" in sys.modules:
        print("(newsprism was already imported: the start-up figure is not a cold one)")
    startup, analyzer, nlp = start_up()

    from newsprism.api import analyze_paths, load_analysis
    from newsprism.ingest import ingest
    from newsprism.model import write_json

    texts = [a.text for a in ingest(files).articles]
    n_events = len({p.parent.parent.name for p in files})
    words = sum(len(t.split()) for t in texts)
    spacy_times, analyse_times, compare_times = [], [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=analyzer.settings.batch_size, disable=ours(nlp)):
            pass
        spacy_times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            summary = analyze_paths(files, db=Path(tmp) / "e.db", analyzer=analyzer)
            analysed = time.perf_counter()
            write_json(load_analysis(summary.db, summary.article_ids), Path(tmp) / "e.json")
            analyse_times.append(analysed - started)
            compare_times.append(time.perf_counter() - analysed)
    spacy_s = min(spacy_times)
    analyse_s = min(analyse_times)
    compare_s = min(compare_times)
    total_s = min(a + c for a, c in zip(analyse_times, compare_times, strict=True))
    print(
        f"\ndev events together: {n_events} events, {len(files)} files, {len(texts)} articles "
        f"as ingested, {words} words (best of {repeat})"
    )
    print(
        f"  start-up: {startup['start-up']:.2f} s (import {startup['import']:.2f}, "
        f"spaCy pipeline {startup['spaCy pipeline']:.2f}, "
        f"newsprism models {startup['newsprism models']:.2f})"
    )
    print(f"  bare spaCy pass (nlp.pipe):    {spacy_s:7.2f} s")
    print(
        f"  newsprism analyze, no start-up: {total_s:7.2f} s "
        f"(ingest+annotate+extract+store {analyse_s:.2f}, compare+JSON {compare_s:.2f})"
    )
    print(
        f"  ratio analyze / spaCy:          {total_s / spacy_s:7.2f}x "
        f"(analysis stage alone {analyse_s / spacy_s:.2f}x)"
    )
    cli_s = min(run_cli(files, html=False) for _ in range(repeat))
    print(
        f"  `newsprism analyze FILES --db --json`, fresh process (best): {cli_s:.2f} s "
        f"(start-up + analysis above: {startup['start-up'] + total_s:.2f} s)"
    )


def ptc(workers: int, limit: int | None) -> None:
    """Analysis of PTC train articles against a bare spaCy pass, both with `workers`."""
    folder = ROOT.parent / "shared" / "data" / "ptc" / "train" / "articles"
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        print(f"no PTC articles under {folder}")
        return
    _, analyzer, nlp = start_up()

    from newsprism.api import analyze_paths
    from newsprism.ingest import ingest

    analyzer.settings.n_process = workers
    texts = [a.text for a in ingest(files).articles]
    size = analyzer.settings.batch_size
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=size, n_process=workers, disable=ours(nlp)):
        pass
    spacy_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        analyze_paths(files, db=Path(tmp) / "p.db", analyzer=analyzer)
        analyse_s = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\nPTC train: {len(texts)} articles, {sum(len(t.split()) for t in texts)} words, "
        f"{workers} processes"
    )
    print(
        f"  bare spaCy pass (nlp.pipe, n_process={workers}): {spacy_s:7.1f} s "
        f"({len(texts) / spacy_s:.2f} articles/s)"
    )
    print(
        f"  newsprism analyze (ingest+annotate+extract+techniques+store): {analyse_s:7.1f} s "
        f"({len(texts) / analyse_s:.2f} articles/s)"
    )
    print(f"  ratio analyze / spaCy: {analyse_s / spacy_s:.2f}x (target at most 3x)")
    print(f"  peak memory: main process {own:.0f} MiB, largest child {children:.0f} MiB")


def main() -> None:
    """Run the chosen parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=("all", "corpora", "events", "long", "ptc"), default="all"
    )
    parser.add_argument("--workers", type=int, default=2, help="processes for the ptc part")
    parser.add_argument("--ptc-limit", type=int, help="only the first N PTC train articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per small corpus")
    parser.add_argument(
        "--events-repeat", type=int, default=2, help="runs of the events part (best is kept)"
    )
    args = parser.parse_args()
    if args.part in ("all", "corpora"):
        corpora(args.repeat)
    if args.part in ("all", "events"):
        events(max(1, args.events_repeat))
    if args.part in ("all", "long"):
        long_article()
    if args.part in ("all", "ptc"):
        ptc(args.workers, args.ptc_limit)


if __name__ == "__main__":
    main()
