"""Readers, one per input format, registered by file extension.

A reader takes a file's path and bytes and yields Articles, InputProblems (for a bad line
of a multi-article file, so the rest still goes in) or Skipped notes. A problem with the
whole file is raised as InputError.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsprism.errors import InputError, InputProblem, Problem
from newsprism.ingest.article_factory import make_article
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.limits import storable
from newsprism.ingest.metadata import read_text_metadata
from newsprism.ingest.normalize import normalize_text
from newsprism.model.types import Article
from newsprism.readers_marker import GENERATOR_MARK


@dataclass
class Skipped:
    """A file that is deliberately not read (newsprism's own output, for example)."""

    path: str
    reason: str


ReadItem = Article | InputProblem | Skipped
Reader = Callable[[str, bytes], Iterator[ReadItem]]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    """Register a reader for file extensions (lower case, with the dot)."""

    def register(func: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = func
        return func

    return register


@reader(".txt", ".text")
def read_txt(path: str, data: bytes) -> Iterator[ReadItem]:
    """A plain-text article with an optional `key: value` header block."""
    text = normalize_text(decode_bytes(data, path))
    meta, body_start = read_text_metadata(text)
    body = text[body_start:]
    if not body.strip():
        raise InputError(InputProblem(path, Problem.E011))
    yield make_article(
        body,
        path,
        outlet=meta.outlet,
        author=meta.author,
        date=meta.date,
        title=meta.title,
        url=meta.url,
        genre=meta.genre,
        extra=meta.extra,
    )


@reader(".html", ".htm", ".xhtml")
def read_html(path: str, data: bytes) -> Iterator[ReadItem]:
    """The main text and metadata of a web page, extracted by trafilatura."""
    text = decode_bytes(data, path)
    if GENERATOR_MARK in text[:4000]:
        yield Skipped(path, "a newsprism report, not an article")
        return
    yield html_article(path, text)


def html_article(
    path: str, text: str, url: str | None = None, extra: dict[str, str] | None = None
) -> Article:
    """The article of a page's HTML; `url` where the page came from, when known."""
    from trafilatura import bare_extraction  # imported here: it is slow to import

    doc = bare_extraction(
        text, favor_precision=True, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or isinstance(doc, dict):
        raise InputError(InputProblem(path, Problem.E007))
    body = doc.text or ""
    if not body.strip() or _only_boilerplate(body, text):
        raise InputError(InputProblem(path, Problem.E007))
    return make_article(
        body,
        path,
        outlet=doc.sitename,
        author=doc.author,
        date=doc.date,
        title=doc.title,
        url=doc.url or url,
        extra=extra,
    )


_BOILERPLATE_TAGS = ("nav", "footer", "header", "aside", "menu")


def _only_boilerplate(body: str, html: str) -> bool:
    """Whether the extracted text is nothing but a page's menus and footers.

    trafilatura's fallback extractors return link text from a page with no article at all.
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    chrome = " ".join(
        " ".join(el.text_content().split()) for tag in _BOILERPLATE_TAGS for el in tree.iter(tag)
    )
    flat = " ".join(body.split())
    return bool(chrome) and flat in chrome


_JSONL_FIELDS = ("title", "outlet", "author", "url", "published", "genre")


@reader(".jsonl", ".ndjson")
def read_jsonl(path: str, data: bytes) -> Iterator[ReadItem]:
    """One article per line: `text` required; title, outlet, author, url, published optional."""
    text = decode_bytes(data, path)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(path, Problem.E004, line=number, detail=exc.msg)
            continue
        except RecursionError:
            yield InputProblem(path, Problem.E004, line=number, detail="nested too deeply")
            continue
        if not isinstance(record, dict):
            yield InputProblem(path, Problem.E010, line=number)
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputProblem(path, Problem.E005, line=number)
            continue
        known = {key: record.get(key) for key in _JSONL_FIELDS}
        extra = {
            storable(str(k)): storable(str(v))
            for k, v in record.items()
            if k not in known
            and k not in ("text", "date")
            and isinstance(v, (str, int, float, bool))
        }
        try:
            yield make_article(
                body,
                f"{path}:{number}",
                outlet=known["outlet"],
                author=known["author"],
                date=known["published"] or record.get("date"),
                title=known["title"],
                url=known["url"],
                genre=known["genre"],
                extra=extra,
            )
        except InputError as exc:  # one line too long: the others still go in
            yield InputProblem(path, exc.problem.problem, line=number, detail=exc.problem.detail)
