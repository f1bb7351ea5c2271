"""Metadata of plain-text articles: the optional header block, and guesses where it is absent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KNOWN_HEADER_KEYS = frozenset({"outlet", "author", "authors", "url", "date", "title"})
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]{0,40}):[ \t]*(?P<value>.*)$")
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^By:?\s+(?P<name>{_NAME}(?:\s+(?:{_NAME}|de|da|van|von|al|bin|la|le|and))*)\s*(?:[,|].*)?$"
)
_VIEWS_DISCLAIMER = re.compile(
    r"views expressed in this (?:article|piece|column|op-ed|commentary)\b.*?"
    r"(?:reflect|represent)\s+(?:those|the views|the position|the (?:editorial|official) policy)"
    r"\s+of\s+(?P<outlet>[^()]+?)\s*\.?\s*\)?\s*$",
    re.IGNORECASE,
)
_TITLE_MAX = 200


@dataclass
class TextMetadata:
    """What the text itself says about its origin; None where it says nothing."""

    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    genre: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The header block's keys and values, and the offset where the body starts.

    A header is `key: value` lines up to the first blank line with at least one known key;
    anything else (a bare title, "Breaking: ...") is body text, and ({}, 0) comes back.
    """
    # A text that is all header (no blank line, no body) is still a header: its body is empty.
    block, sep, _ = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        match = _HEADER_LINE.match(line)
        if not match:
            return {}, 0
        fields[match["key"].lower()] = match["value"].strip()
    if not KNOWN_HEADER_KEYS & fields.keys():
        return {}, 0
    return fields, len(block) + len(sep)


def guess_byline(text: str) -> str | None:
    """The author of a "By X" line among the first lines of the text."""
    for line in text.split("\n")[:6]:
        match = _BYLINE.match(line.strip())
        if match:
            return match["name"].strip()
    return None


def guess_outlet_from_disclaimer(text: str) -> str | None:
    """The outlet named in a closing "(The views expressed ... reflect those of Outlet)" line."""
    for line in text.rstrip().split("\n")[-3:]:
        match = _VIEWS_DISCLAIMER.search(line)
        if match:
            return match["outlet"].strip().rstrip(".")
    return None


def guess_title(text: str) -> str | None:
    """A short first line without closing punctuation reads as a title; anything else does not."""
    first, sep, _ = text.partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > _TITLE_MAX or first[-1] in '.,;:"”':
        return None
    if _BYLINE.match(first):
        return None
    return first


def read_text_metadata(text: str) -> tuple[TextMetadata, int]:
    """Metadata of a plain-text article and the offset where its body begins."""
    fields, body_start = split_header(text)
    body = text[body_start:]
    meta = TextMetadata()
    if fields:
        meta.outlet = fields.pop("outlet", None) or None
        meta.author = (fields.pop("author", None) or fields.pop("authors", None)) or None
        meta.date = fields.pop("date", None) or None
        meta.title = fields.pop("title", None) or None
        meta.url = fields.pop("url", None) or None
        meta.genre = fields.pop("genre", None) or None
        meta.extra = fields
    disclaimer_outlet = guess_outlet_from_disclaimer(body)
    meta.outlet = meta.outlet or disclaimer_outlet
    meta.author = meta.author or guess_byline(body)
    meta.title = meta.title or guess_title(body)
    if meta.genre is None and disclaimer_outlet:
        # Only opinion pieces carry "the views expressed ... are the author's own".
        meta.genre = "opinion"
    return meta, body_start
