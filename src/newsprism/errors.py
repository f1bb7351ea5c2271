"""The error catalogue: every problem newsprism reports has a stable code and says what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Problem(StrEnum):
    """Stable codes for input problems; the text is what a person reads."""

    E001 = "file is empty"
    E002 = "file looks binary, not text"
    E003 = "cannot decode the bytes as UTF-8"
    E004 = "line is not valid JSON"
    E005 = "JSON line has no 'text' field (or it is empty)"
    E006 = "unsupported file type"
    E007 = "no main text could be extracted from the HTML"
    E008 = "path does not exist"
    E009 = "cannot read the file"
    E010 = "JSON line is not an object"
    E011 = "article has no text after its header"
    E012 = "article is longer than newsprism analyses"
    E013 = "file is larger than newsprism reads"
    E014 = "web archive is truncated or not a WARC file"
    E015 = "line is not an http(s) address"
    E016 = "cannot fetch the address"

    @property
    def code(self) -> str:
        return self.name


HINTS: dict[Problem, str] = {
    Problem.E003: "re-save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)",
    Problem.E004: "each line of a .jsonl file must be one JSON object",
    Problem.E005: 'give each JSON line a non-empty "text" field',
    Problem.E006: (
        "newsprism reads .txt, .html, .htm, .jsonl, .warc and .warc.gz files, and fetches "
        "the pages of a .urls file named on the command line"
    ),
    Problem.E007: "check that the page holds the article itself, not only a link to it",
    Problem.E012: "split it into its articles or chapters (the limit is in ingest/limits.py)",
    Problem.E013: "split the file (the limit is in ingest/limits.py)",
    Problem.E014: "the records before the damage are read; fetch the rest again",
    Problem.E015: "a .urls file holds one http:// or https:// address a line (# starts a note)",
    Problem.E016: "the other addresses are fetched; run again later to retry this one",
}


class NewsprismError(Exception):
    """Base class of newsprism's own errors."""


@dataclass
class InputProblem:
    """One bad input: which file, which line (if any), what is wrong, and what to do."""

    path: str
    problem: Problem
    line: int | None = None
    detail: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        text = f"{where}: {self.problem.code} {self.problem.value}"
        if self.detail:
            text += f" ({self.detail})"
        hint = HINTS.get(self.problem)
        if hint:
            text += f"; {hint}"
        return text


class InputError(NewsprismError):
    """An input that cannot be read as an article."""

    def __init__(self, problem: InputProblem):
        super().__init__(str(problem))
        self.problem = problem


class ContractError(NewsprismError):
    """A JSON document that does not follow the contract of DESIGN.md."""


class ModelNotFoundError(NewsprismError):
    """No usable spaCy English pipeline is installed."""
