"""Expanding the paths a user names (files, folders, globs) into the files to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputProblem, Problem

# newsprism's own outputs that may sit beside the input; walking a folder never reads them.
OWN_OUTPUT_SUFFIXES = (".db", ".db-journal", ".db-wal", ".db-shm", ".json", ".part", ".csv")


def _walk(folder: Path, problems: list[InputProblem]) -> Iterator[Path]:
    """The files under a folder, in order; a folder that cannot be read is a problem."""

    def unreadable(exc: OSError) -> None:
        problems.append(InputProblem(str(exc.filename), Problem.E009, detail=exc.strerror))

    found = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and not name.endswith(OWN_OUTPUT_SUFFIXES):
                path = Path(root) / name
                if path.is_file():
                    found.append(path)
    yield from sorted(found)


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
            for found in _walk(path, problems):
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
