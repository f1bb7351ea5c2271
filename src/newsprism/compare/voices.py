"""Whose words a span is: the outlet's own voice, or a source it quotes.

A persuasion technique inside a quotation ("a barbaric act," the minister said) is the
speaker's rhetoric, not the outlet's. Quotations are read from the text's quotation marks
(curly pairs, and straight double quotes paired within a paragraph); the speaker is the one a
claim in the same quotation or sentence is attributed to, when there is one.
"""

from __future__ import annotations

from collections import defaultdict

from newsprism.model.types import Analysis, Claim, TechniqueSpan

_OPEN, _CLOSE = "\u201c", "\u201d"


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the text inside quotation marks, marks excluded, in order."""
    spans: list[tuple[int, int]] = []
    curly_start: int | None = None
    straight_start: int | None = None
    for i, ch in enumerate(text):
        if ch == _OPEN and curly_start is None:
            curly_start = i + 1
        elif ch == _CLOSE and curly_start is not None:
            spans.append((curly_start, i))
            curly_start = None
        elif ch == '"':
            if straight_start is None:
                straight_start = i + 1
            else:
                spans.append((straight_start, i))
                straight_start = None
        elif ch == "\n" and text[i + 1 : i + 2] == "\n":
            # A paragraph break ends an unclosed quotation (a quote running on opens anew).
            curly_start = straight_start = None
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation holding most of [start, end), if any."""
    for s, e in spans:
        if min(e, end) - max(s, start) > (end - start) / 2:
            return s, e
    return None


def _speaker(claims: list[Claim], start: int, end: int) -> str | None:
    """The speaker of an attributed claim overlapping [start, end)."""
    for claim in claims:
        if claim.attributed_to and claim.start < end and start < claim.end:
            return claim.attributed_to
    return None


def assign_voices(analysis: Analysis) -> None:
    """Mark each technique span quoted or own, with its speaker where a claim names one."""
    texts = {a.id: a.text for a in analysis.articles}
    spans = {aid: quotations(text) for aid, text in texts.items()}
    claims: dict[str, list[Claim]] = defaultdict(list)
    for claim in analysis.claims:
        claims[claim.article].append(claim)
    for tech in analysis.techniques:
        _voice(tech, spans.get(tech.article, []), claims[tech.article])


def _voice(tech: TechniqueSpan, spans: list[tuple[int, int]], claims: list[Claim]) -> None:
    quote = _inside(spans, tech.start, tech.end)
    tech.quoted = quote is not None
    where = quote or (tech.start, tech.end)
    tech.speaker = _speaker(claims, *where) if quote else None
