"""The Python API behind the CLI: analyse paths into a store, export the store."""

from __future__ import annotations

import contextlib
import functools
import gc
import glob
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from newsprism import __version__
from newsprism.analyzer import Analyzer, ArticleResult
from newsprism.compare import CaseUpdate, compare, update_case
from newsprism.errors import InputProblem, Problem
from newsprism.extract import AliasTable
from newsprism.fetch import Fetcher, FetchError, FetchPolicy, read_url_list
from newsprism.fetch.archive import ResponseArchive, archive_path
from newsprism.fetch.listings import feed_links, sitemap_links
from newsprism.fetch.url_list import URL_LIST_SUFFIX
from newsprism.ingest import IngestResult, Skipped, ingest
from newsprism.model.types import Analysis, Article
from newsprism.settings import DEFAULT_DB_NAME, Settings
from newsprism.store import Store, store_target

Progress = Callable[[int], None]


class ArticleAnalyzer(Protocol):
    """What analyses articles for `analyze_paths`: an `Analyzer`, or one that spreads the
    work (`scale.DaskAnalyzer`)."""

    @property
    def pipeline_name(self) -> str: ...

    def analyze(self, articles: Sequence[Article]) -> Iterator[ArticleResult]: ...


@dataclass
class RunSummary:
    """What one `analyze` run did."""

    db: str | Path  # a store file, or a PostgreSQL address
    article_ids: list[str] = field(default_factory=list)  # every article of the input, stored
    analyzed: int = 0  # new articles analysed in this run
    already_stored: int = 0
    duplicates: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def _writable(folder: Path) -> bool:
    # Mode bits as well as access(): root may write anywhere, but a folder without write
    # bits (a shared, read-only data set) is not meant to receive a store.
    return folder.is_dir() and os.access(folder, os.W_OK) and bool(folder.stat().st_mode & 0o222)


def default_db_path(paths: Sequence[str | Path]) -> Path:
    """`newsprism.db` beside the first input; in the working folder when that is read-only."""
    first = str(paths[0]) if paths else "."
    if glob.has_magic(first):
        first = first[: min(first.index(c) for c in "*?[" if c in first)] or "."
        first = first if first.endswith(os.sep) else str(Path(first).parent)
    path = Path(first)
    folder = path if path.is_dir() else path.parent
    if not _writable(folder):
        folder = Path.cwd()
    return folder / DEFAULT_DB_NAME


def analyze_paths(
    paths: Sequence[str | Path],
    db: str | Path | None = None,
    settings: Settings | None = None,
    analyzer: Analyzer | ArticleAnalyzer | None = None,
    progress: Callable[[int, int], None] | None = None,
    source_names: Mapping[str, str] | None = None,
    fetch_policy: FetchPolicy | None = None,
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    fetch_progress: Callable[[int, int], None] | None = None,
) -> RunSummary:
    """Read, analyse and store every article under `paths`; already stored texts are not redone.

    A `.urls` file, `feeds` and `sitemaps` name pages to fetch (`fetch_listed`): they are
    archived beside the store, then read from the archive like any file.

    `progress(done, total)` is called after each article. Bad inputs are collected in the
    summary's `problems`; the good ones are analysed and stored all the same.
    `source_names` gives the name a file is known by, where its path is not (an upload kept
    in a temporary folder is stored as the name the person gave it).
    """
    started = time.perf_counter()
    summary = RunSummary(db=store_target(db) if db else default_db_path(paths))
    url_lists = [Path(p) for p in paths if str(p).endswith(URL_LIST_SUFFIX)]
    files = [p for p in paths if not str(p).endswith(URL_LIST_SUFFIX)]
    if url_lists or feeds or sitemaps:
        archives, summary.problems = fetch_listed(
            summary.db, url_lists, feeds, sitemaps, fetch_policy, fetch_progress
        )
        files += archives
    read = ingest(files) if files else IngestResult()
    for article in read.articles:
        article.source = _given_name(article.source, source_names or {})
    summary.problems += read.problems
    summary.skipped = read.skipped
    summary.duplicates = len(read.duplicates)
    with Store(summary.db) as store:
        new = [a for a in read.articles if not store.has_article(a.sha256)]
        summary.already_stored = len(read.articles) - len(new)
        if progress:
            progress(0, len(new))
        if new:
            analyzer = analyzer or Analyzer(settings)
            for done, result in enumerate(analyzer.analyze(new), start=1):
                store.save_article(
                    result.article,
                    result.entities,
                    result.claims,
                    analyzer.pipeline_name,
                    result.techniques,
                )
                summary.analyzed += 1
                if progress:
                    progress(done, len(new))
        summary.article_ids = store.ids_for_hashes(a.sha256 for a in read.articles)
    summary.seconds = time.perf_counter() - started
    return summary


def fetch_listed(
    db: str | Path,
    url_lists: Sequence[Path] = (),
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    policy: FetchPolicy | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Path], list[InputProblem]]:
    """Fetch the pages that `.urls` files, feeds and sitemaps list into a new web archive
    beside the store (pages fetched by an earlier run are not fetched again); the archives
    that hold them all, and what failed, each with its reason. `progress(done, total)` is
    called as pages are fetched."""
    urls: list[str] = []
    problems: list[InputProblem] = []
    for listed in url_lists:
        found, bad = read_url_list(listed)
        urls += found
        problems += bad
    # Beside a store file; in the working folder for a store in PostgreSQL.
    archive = ResponseArchive(archive_path(db.parent if isinstance(db, Path) else Path.cwd()))
    fetcher = Fetcher(archive.keep, policy or FetchPolicy())
    try:
        for address, links_of in [(f, feed_links) for f in feeds] + [
            (m, sitemap_links) for m in sitemaps
        ]:
            try:
                urls += links_of(fetcher, address)
            except FetchError as exc:
                problems.append(InputProblem(address, Problem.E016, detail=_reason(address, exc)))
        with Store(db) as store:
            before = store.fetched_pages(urls)
            todo = list(dict.fromkeys(u for u in urls if u not in before))
            for done, url in enumerate(todo, start=1):
                if progress:
                    progress(done - 1, len(todo))
                try:
                    fetcher.fetch(url)
                except FetchError as exc:
                    store.record_fetch(url, str(archive.path), str(exc))
                    problems.append(InputProblem(url, Problem.E016, detail=_reason(url, exc)))
                else:
                    store.record_fetch(url, str(archive.path))
            if progress:
                progress(len(todo), len(todo))
    finally:
        fetcher.close()
        archive.close()
    archives = {Path(a) for a in before.values() if a and Path(a).is_file()}
    if archive.records:
        archives.add(archive.path)
    else:
        archive.path.unlink(missing_ok=True)  # nothing fetched: no empty archive left behind
    return sorted(archives), problems


def _reason(address: str, exc: Exception) -> str:
    """Why an address failed, without the address (the problem names it)."""
    return str(exc).removeprefix(f"{address}: ")


def _given_name(source: str, names: Mapping[str, str]) -> str:
    """A source under the name its file is known by ("a.jsonl:3" keeps its line number)."""
    if source in names:
        return names[source]
    path, sep, line = source.rpartition(":")
    if sep and line.isdigit() and path in names:
        return f"{names[path]}:{line}"
    return source


def load_analysis(
    db: str | Path, article_ids: Sequence[str] | None = None, settings: Settings | None = None
) -> Analysis:
    """The contract for a store's articles (all of them when `article_ids` is None), with the
    comparison across them: events, verdicts, accusation graph, timeline, outlet profiles."""
    files = settings.alias_files if settings is not None else []
    with Store(db) as store:
        if article_ids is not None and len(set(article_ids)) < store.state()[0]:
            # A part of the case: compared on its own, not kept.
            return compare(store.load(article_ids), AliasTable.load(files))
        analysis, _ = _case(store, files)
    return analysis


def update_case_in_store(db: str | Path, settings: Settings | None = None) -> CaseUpdate | None:
    """Bring the compared case kept in a store up to date with its articles, corrections
    and merges, judging again only the events they touch; None when it was up to date."""
    files = settings.alias_files if settings is not None else []
    with Store(db) as store:
        return _case(store, files)[1]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while: reading and comparing a case makes some
    hundred thousand objects, none in cycles, and each full collection would walk every
    object of the process (the spaCy pipeline and models included) again."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _case(store: Store, alias_files: Sequence[str | Path]) -> tuple[Analysis, CaseUpdate | None]:
    """The whole case compared: read as kept when current, else updated from what is kept
    (and kept again). The update is None when nothing needed comparing."""
    with _collector_paused():
        return _read_or_update_case(store, alias_files)


def _read_or_update_case(
    store: Store, alias_files: Sequence[str | Path]
) -> tuple[Analysis, CaseUpdate | None]:
    started = time.perf_counter()
    analysis = store.load(None)
    state, setup = _store_state(store), _setup(alias_files)
    if store.read_case(state, setup, analysis):
        return analysis, None  # compared before, and nothing it depends on changed since
    loaded = time.perf_counter()
    update = update_case(analysis, AliasTable.load(alias_files), store.kept_case(setup))
    update.seconds["load"] = loaded - started
    started = time.perf_counter()
    # A store opened read-only: the case is compared, just not kept.
    with contextlib.suppress(*store.db.write_refused):
        store.save_case(state, setup, analysis, update)
    update.timed("save", started)
    return analysis, update


def _store_state(store: Store) -> str:
    return repr(store.state())


def _setup(alias_files: Sequence[str | Path]) -> str:
    """What the compared case depends on besides the store: the alias tables, the code."""
    digest = hashlib.sha256()
    for name in alias_files:
        digest.update(Path(name).read_bytes())
    digest.update(_code_hash().encode())
    return digest.hexdigest()


@functools.cache
def _code_hash() -> str:
    """A hash of the comparison code and the data it reads: results kept by another version,
    or before an edit of the rules, are never served as this code's."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    sources = [
        *sorted((package / "compare").glob("*.py")),
        package / "extract" / "resolve.py",
        package / "extract" / "aliases.tsv",
        package / "extract" / "demonyms.tsv",
    ]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()
