"""Analysis spread over two processes finds what one process finds, technique detector
included (it runs inside spaCy's worker processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsprism.ingest import ingest

# A fresh interpreter: this test process has made onnxruntime sessions already, and a process
# that has detects in itself rather than in forked workers (tested below as well).
SCRIPT = """
import json, sys
import newsprism.analyzer as analyzer_module
analyzer_module.MULTIPROCESS_MIN_ARTICLES = 1
from newsprism.analyzer import Analyzer
from newsprism.ingest import ingest
from newsprism.settings import Settings
from newsprism.techniques.onnx_tools import onnx_started_here

settings = Settings.from_env()
settings.n_process = 2
analyzer = Analyzer(settings)
results = list(analyzer.analyze(ingest([sys.argv[1]]).articles))
print(json.dumps({
    "techniques": [[t.article, t.start, t.end, t.technique, t.score]
                   for r in results for t in r.techniques],
    "claims": [[c.id, c.slot, c.start, c.end] for r in results for c in r.claims],
    "detected_here": onnx_started_here(),
}))
"""


def spans(rows: list[list]) -> list[tuple]:
    return [tuple(row[:4]) for row in rows]


def test_two_processes_find_what_one_finds(examples_dir: Path, analyzer) -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(examples_dir)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    two = json.loads(run.stdout.splitlines()[-1])
    articles = ingest([examples_dir]).articles
    one = list(analyzer.analyze(articles))
    one_techniques = [
        [t.article, t.start, t.end, t.technique, t.score] for r in one for t in r.techniques
    ]
    assert not two["detected_here"]  # the workers ran the detector, not the main process
    assert two["techniques"] and spans(two["techniques"]) == spans(one_techniques)
    for a, b in zip(two["techniques"], one_techniques, strict=True):
        assert abs(a[4] - b[4]) < 0.02  # one ONNX thread against two: rounding apart
    assert two["claims"] == [[c.id, c.slot, c.start, c.end] for r in one for c in r.claims]


def test_a_process_with_onnx_started_detects_in_itself(
    examples_dir: Path, analyzer, monkeypatch
) -> None:
    import newsprism.analyzer as analyzer_module

    monkeypatch.setattr(analyzer_module, "MULTIPROCESS_MIN_ARTICLES", 1)
    articles = ingest([examples_dir]).articles
    monkeypatch.setattr(analyzer.settings, "n_process", 1)
    alone = [t for r in analyzer.analyze(articles) for t in r.techniques]
    assert analyzer_module.onnx_started_here()  # that analysis made sessions here
    monkeypatch.setattr(analyzer.settings, "n_process", 2)
    techniques = [t for r in analyzer.analyze(articles) for t in r.techniques]
    assert techniques and techniques == alone
