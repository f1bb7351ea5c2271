"""A cheap language guess: is this English? (the only language the pipeline reads yet)."""

from __future__ import annotations

import re

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """'en' when function words make up a fair share of the text, else None (unknown)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < 5:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= 0.2 else None
