"""Articles analysed on Dask workers, stored by one writer.

Each worker process loads the spaCy pipeline and newsprism's models once (the first batch it
gets) and analyses batches of articles; the results come back to the process that called
`analyze_paths`, which alone writes the store, article by article as before. A killed run
resumes like any other: what was stored stays stored.

    newsprism analyze articles/ --dask-workers 2          # a cluster on this machine
    newsprism analyze articles/ --cluster tcp://host:8786 # a running scheduler
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.analyzer import Analyzer, ArticleResult
from newsprism.model.types import Article
from newsprism.settings import Settings

BATCH_ARTICLES = 8  # small batches: work spreads evenly, and results come back steadily
IN_FLIGHT = 3  # batches sent ahead per worker: none waits for work, little is held


@functools.cache
def _worker_analyzer(settings_key: tuple[Any, ...]) -> Analyzer:
    spacy_model, batch_size, alias_files = settings_key
    settings = Settings(
        spacy_model=spacy_model,
        batch_size=batch_size,
        n_process=1,  # one Dask worker, one process: Dask spreads the work
        onnx_threads=1,
        alias_files=list(alias_files),
    )
    return Analyzer(settings)


def _settings_key(settings: Settings) -> tuple[Any, ...]:
    return (settings.spacy_model, settings.batch_size, tuple(settings.alias_files))


def analyze_batch(
    articles: Sequence[Article], settings_key: tuple[Any, ...]
) -> list[ArticleResult]:
    """Run on a worker: the results of a batch of articles."""
    return list(_worker_analyzer(settings_key).analyze(list(articles)))


def pipeline_of(settings_key: tuple[Any, ...]) -> str:
    """Run on a worker: the name of the pipeline it analyses with."""
    return _worker_analyzer(settings_key).pipeline_name


def dask_client(address: str | None = None, workers: int | None = None) -> Any:
    """A client of the scheduler at `address`, or of a new cluster of `workers` processes on
    this machine (one thread each: the models hold the GIL between their native calls)."""
    from distributed import Client, LocalCluster

    if address:
        return Client(address)
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True)
    return Client(cluster)


class DaskAnalyzer:
    """`Analyzer.analyze` on Dask workers, for `analyze_paths`: results as they come."""

    def __init__(self, client: Any, settings: Settings | None = None):
        self.client = client
        self.settings_key = _settings_key(settings or Settings.from_env())
        self._pipeline: str | None = None

    @property
    def pipeline_name(self) -> str:
        if self._pipeline is None:
            self._pipeline = self.client.submit(pipeline_of, self.settings_key).result()
        return self._pipeline

    def analyze(self, articles: Sequence[Article]) -> Iterator[ArticleResult]:
        """The results of every article, batch by batch in the order they finish.

        A few batches per worker are in flight at a time, the next sent as one comes back:
        the scheduler and the workers hold a window of the corpus, never all of it."""
        from distributed import as_completed

        items = list(articles)
        batches = (items[i : i + BATCH_ARTICLES] for i in range(0, len(items), BATCH_ARTICLES))
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        pending = as_completed(
            [self._submit(batch) for batch in itertools.islice(batches, IN_FLIGHT * workers)]
        )
        for future in pending:
            results = future.result()
            future.release()
            following = next(batches, None)
            if following is not None:
                pending.add(self._submit(following))
            yield from results

    def _submit(self, batch: list[Article]) -> Any:
        return self.client.submit(analyze_batch, batch, self.settings_key, pure=False)
