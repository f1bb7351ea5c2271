"""How much newsprism reads: documented limits, so one huge input never takes down a run.

A news article runs to a few thousand words; the longest reports and transcripts stay under
100,000 characters. Above MAX_ARTICLE_CHARS an article is refused with E012: time and memory
grow with the text (one article of 200,000 characters takes 38 s and 0.9 GB at peak on a
2-core machine, `python benchmarks/analyze_speed.py --part long`; spaCy's own limit is
1,000,000). A file above MAX_FILE_BYTES (a JSON lines file of many articles may be large)
is refused with E013 before a byte of it is read.
"""

from __future__ import annotations

MAX_ARTICLE_CHARS = 200_000
MAX_FILE_BYTES = 200 * 1024 * 1024


def storable(text: str) -> str:
    """Text that can be encoded as UTF-8: lone surrogates (from a JSON "\\ud800" escape or a
    file name that is not UTF-8) become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text
