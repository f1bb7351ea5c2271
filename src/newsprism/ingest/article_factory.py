"""Making an Article from text and metadata: normalisation, content hash, id, known fields."""

from __future__ import annotations

import hashlib
from typing import cast

from newsprism.errors import InputError, InputProblem, Problem
from newsprism.ingest.dates import parse_published, parse_published_time
from newsprism.ingest.language import guess_language
from newsprism.ingest.limits import MAX_ARTICLE_CHARS, storable
from newsprism.ingest.normalize import normalize_text
from newsprism.model.types import GENRES, Article, Genre


def content_hash(text: str) -> str:
    """The sha256 of normalised text: equal for articles that differ only in whitespace."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(sha256: str) -> str:
    """A short, stable article id derived from content, so re-runs give the same ids."""
    return "A" + sha256[:12]


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = normalize_text(storable(str(value)))
    return text or None


def make_article(
    text: str,
    source: str,
    *,
    outlet: object = None,
    author: object = None,
    date: object = None,
    title: object = None,
    url: object = None,
    genre: object = None,
    extra: dict[str, str] | None = None,
) -> Article:
    """An Article with normalised text; a date that does not parse becomes null, never a guess."""
    body = normalize_text(storable(text))
    if len(body) > MAX_ARTICLE_CHARS:
        detail = f"{len(body):,} characters; the limit is {MAX_ARTICLE_CHARS:,}"
        raise InputError(InputProblem(source, Problem.E012, detail=detail))
    sha = content_hash(body)
    extra = dict(extra or {})
    raw_date = _clean(date)
    published = parse_published(raw_date)
    if raw_date and published is None:
        extra["date_as_written"] = raw_date
    time_of_day = parse_published_time(raw_date)
    if time_of_day:
        extra["published_time"] = time_of_day
    genre_word = (_clean(genre) or "unknown").lower()
    if genre_word not in GENRES:
        extra["genre_as_written"] = genre_word
        genre_word = "unknown"
    return Article(
        id=article_id(sha),
        source=storable(source),
        text=body,
        sha256=sha,
        outlet=_clean(outlet),
        author=_clean(author),
        published=published,
        title=_clean(title),
        language=guess_language(body),
        genre=cast(Genre, genre_word),
        url=_clean(url),
        extra=extra,
    )
