"""Numeric claims of one article: every quantity, in its slot, located in the text."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.registry import claim_extractor
from newsprism.extract.slots import classify_quantity
from newsprism.model.types import Claim, NumberOp, NumberValue
from newsprism.nlp.quantities import find_quantities


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    text = sent.text
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(stripped)


def claim_id(article_id: str, number: int) -> str:
    """Claim ids are the article id and a running number: stable across re-runs."""
    return f"{article_id}-c{number:03d}"


@claim_extractor("numeric")
def extract_numeric_claims(article_id: str, doc: Doc) -> list[Claim]:
    """One claim per quantity; the claim's span is its sentence, the value's span the number."""
    claims: list[Claim] = []
    for q in find_quantities(doc):
        slot = classify_quantity(q)
        start, end = _sentence_bounds(q.number.sent)
        op: NumberOp = q.op  # type: ignore[assignment]
        claims.append(
            Claim(
                id=claim_id(article_id, len(claims) + 1),
                article=article_id,
                start=start,
                end=max(end, q.end),
                slot=slot,
                value=NumberValue(op=op, value=q.value, high=q.high, unit=q.unit),
                value_start=q.start,
                value_end=q.end,
                checkworthy=checkworthy_score(slot, q.unit),
            )
        )
    return claims
