"""Uploads analysed in a process of their own, so the app's pages keep their processor.

Analysis is CPU-bound Python; in a thread of the server it competes with every page request
for the interpreter. One worker process, started at the first upload and kept warm (the spaCy
pipeline and models load once), analyses into the same store; SQLite lets the server read
while it writes. Its articles are stored by the worker, and the server reads them as it reads
any change to the store.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsprism.analyzer import Analyzer
from newsprism.api import RunSummary, analyze_paths
from newsprism.store import store_target

_analyzer: Analyzer | None = None  # in the worker process: loaded once, kept


def _analyze(folder: str, db: str, source_names: Mapping[str, str]) -> RunSummary:
    global _analyzer
    if _analyzer is None:
        _analyzer = Analyzer()
    return analyze_paths(
        [Path(folder)], db=store_target(db), analyzer=_analyzer, source_names=dict(source_names)
    )


class AnalysisWorker:
    """One warm worker process that analyses uploads into a store."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def analyze(self, folder: Path, db: str | Path, source_names: Mapping[str, str]) -> RunSummary:
        """Analyse the articles under `folder` into `db` in the worker; wait for the result."""
        if self._pool is None:
            # A fresh interpreter, not a fork of a server with threads running.
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool.submit(_analyze, str(folder), str(db), dict(source_names)).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
