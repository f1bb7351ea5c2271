"""Whitespace and Unicode normalisation, done once at ingest so every offset means one thing."""

from __future__ import annotations

import re
import unicodedata

# Unicode spaces become a plain space; invisible characters go. Both are common in pasted
# web text and would otherwise split or hide numbers and names.
_SPACES = dict.fromkeys(
    [0x09, 0x0B, 0x0C, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "
)
_INVISIBLE = dict.fromkeys([0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF], None)
_LINE_BREAKS = dict.fromkeys([0x2028, 0x2029, 0x85], "\n")
_TABLE = {**_SPACES, **_INVISIBLE, **_LINE_BREAKS}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_RUN_OF_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(raw: str) -> str:
    """NFC, one kind of space and line break, no runs of spaces, at most one blank line."""
    # Invisible and control characters go before NFC: left in, they keep a letter and its
    # accent apart, and a second pass would then compose them into another text.
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    lines = (_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _RUN_OF_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
