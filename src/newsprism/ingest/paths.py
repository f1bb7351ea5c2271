"""Expanding the paths a user names (files, folders, globs) into the files to read."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputProblem, Problem

# newsprism's own outputs that may sit beside the input; walking a folder never reads them.
OWN_OUTPUT_SUFFIXES = (".db", ".db-journal", ".db-wal", ".db-shm", ".json", ".part", ".csv")


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and not path.name.endswith(OWN_OUTPUT_SUFFIXES):
            yield path


def expand_paths(names: Iterable[str | Path]) -> tuple[list[Path], list[InputProblem]]:
    """Files named directly, found in folders (recursively) or matched by globs, in order.

    Hidden files and newsprism's own outputs found in folders are left out; a file named
    directly is always read. A name that matches nothing is a problem.
    """
    files: list[Path] = []
    problems: list[InputProblem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(path)

    for name in names:
        path = Path(name)
        if path.is_dir():
            for found in _walk(path):
                add(found)
        elif path.is_file():
            add(path)
        elif glob.has_magic(str(name)):
            matches = sorted(Path(m) for m in glob.glob(str(name), recursive=True))
            matched_files = [m for m in matches if m.is_file()]
            if not matched_files:
                problems.append(
                    InputProblem(str(name), Problem.E008, detail="the glob matched no file")
                )
            for match in matched_files:
                add(match)
        else:
            problems.append(InputProblem(str(name), Problem.E008))
    return files, problems
