"""Ingest: read articles from files, folders and globs; normalise; deduplicate by content."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import InputError, InputProblem, Problem
from newsprism.ingest.article_factory import content_hash, make_article
from newsprism.ingest.limits import MAX_FILE_BYTES, storable
from newsprism.ingest.normalize import normalize_text
from newsprism.ingest.paths import expand_paths
from newsprism.ingest.readers import READERS, ReadItem, Skipped, reader
from newsprism.ingest.warc import read_warc
from newsprism.model.types import Article

__all__ = [
    "READERS",
    "IngestResult",
    "Skipped",
    "content_hash",
    "expand_paths",
    "ingest",
    "make_article",
    "normalize_text",
    "read_file",
    "read_warc",
    "reader",
]


@dataclass
class IngestResult:
    """Articles read, problems met, duplicates dropped and files skipped, in input order."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, duplicate of id)
    skipped: list[Skipped] = field(default_factory=list)


def read_file(path: Path) -> Iterator[ReadItem]:
    """Everything one file holds; a problem with the whole file comes back as one item."""
    name = storable(str(path))  # a file name that is not UTF-8 is shown, not crashed on
    read = READERS.get("".join(path.suffixes[-2:]).lower()) or READERS.get(path.suffix.lower())
    if read is None:
        yield InputProblem(name, Problem.E006, detail=f"extension {path.suffix or '(none)'!r}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            detail = f"{size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
            yield InputProblem(name, Problem.E013, detail=detail)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(name, Problem.E009, detail=exc.strerror)
        return
    try:
        yield from read(name, data)
    except InputError as exc:
        yield exc.problem


def ingest(paths: Iterable[str | Path]) -> IngestResult:
    """Read every article under `paths`; bad inputs become problems, the rest still goes in."""
    files, problems = expand_paths(paths)
    result = IngestResult(problems=problems)
    seen: dict[str, str] = {}
    for path in files:
        for item in read_file(path):
            if isinstance(item, InputProblem):
                result.problems.append(item)
            elif isinstance(item, Skipped):
                result.skipped.append(item)
            elif item.sha256 in seen:
                result.duplicates.append((item.source, seen[item.sha256]))
            else:
                seen[item.sha256] = item.id
                result.articles.append(item)
    return result
