"""`.urls` files: one http(s) address a line; blank lines and `#` notes are ignored."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.errors import InputProblem, Problem

URL_LIST_SUFFIX = ".urls"
NOTE = re.compile(r"(?:^|\s)#")  # a note; a "#" inside an address is its fragment


def read_url_list(path: Path) -> tuple[list[str], list[InputProblem]]:
    """The addresses of a `.urls` file, in order and once each, and its bad lines."""
    urls: list[str] = []
    problems: list[InputProblem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [InputProblem(str(path), Problem.E009, detail=str(exc))]
    for number, line in enumerate(text.splitlines(), start=1):
        url = NOTE.split(line, maxsplit=1)[0].strip()
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(InputProblem(str(path), Problem.E015, line=number, detail=url[:200]))
        elif url not in urls:
            urls.append(url)
    return urls, problems
