"""Numeric claims of one article: every quantity, in its slot, located in the text."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.context import ArticleContext
from newsprism.extract.registry import claim_extractor
from newsprism.extract.slots import (
    ARREST_VERBS,
    HEAD_COUNT_SLOTS,
    INJURE_VERBS,
    KILL_VERBS,
    classify_quantity,
    count_scope,
)
from newsprism.model.types import Claim, ClaimValue, NumberOp, NumberValue
from newsprism.nlp.numbers import MEASURE_UNITS
from newsprism.nlp.quantities import Quantity

DISTANCE_UNITS = frozenset({"km", "mi", "m"})
_REFERENCE_PREPOSITIONS = frozenset({"from", "of"})


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character bounds of a sentence without its surrounding whitespace."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def claim_id(article_id: str, number: int) -> str:
    """Claim ids are the article id and a running number: stable across re-runs."""
    return f"{article_id}-c{number:03d}"


def new_claim(
    article_id: str,
    span: tuple[int, int],
    slot: str,
    value: ClaimValue,
    value_start: int,
    value_end: int,
    subject: str | None = None,
) -> Claim:
    """The one place a claim is made. Its id is given once, when the article's claims are
    all found and put in text order (`Analyzer`), so ids run in reading order."""
    return Claim(
        id="",
        article=article_id,
        start=span[0],
        end=span[1],
        slot=slot,
        value=value,
        value_start=value_start,
        value_end=value_end,
        subject=subject,
    )


def sentence_claim(
    article_id: str,
    sent: Span,
    slot: str,
    value: ClaimValue,
    value_start: int,
    value_end: int,
) -> Claim:
    """A claim spanning its sentence, with the words that state its value."""
    return new_claim(article_id, sentence_bounds(sent), slot, value, value_start, value_end)


def distance_reference(q: Quantity) -> str | None:
    """What a distance is measured from: '148 km from the Ukrainian border' -> that border."""
    anchor: Token | None = q.noun
    if anchor is None:
        return None
    doc = anchor.doc
    for tok in doc[anchor.i + 1 : min(anchor.i + 4, len(doc))]:
        if tok.lower_ in _REFERENCE_PREPOSITIONS:
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                return doc[obj.left_edge.i : obj.i + 1].text
    return None


_MANY = frozenset({"many", "far", "even", "countless", "several", "scores"})
_VERB_SLOTS = ((KILL_VERBS, "killed"), (INJURE_VERBS, "injured"), (ARREST_VERBS, "arrested"))


def _many_more(q: Quantity) -> tuple[Token, str] | None:
    """'murdering over 130 and wounding many more': more than 130 wounded.

    The "more" is the object of a verb coordinated with the verb that governs the number.
    """
    verb = next((t for t in q.number.root.ancestors if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    for other in verb.conjuncts:
        for obj in other.children:
            if (
                obj.dep_ in ("dobj", "obj")
                and obj.lower_ == "more"
                and any(c.lower_ in _MANY for c in obj.children)
            ):
                for verbs, slot in _VERB_SLOTS:
                    if other.lemma_.lower() in verbs:
                        return obj, slot
    return None


def _part_of_the_dead(q: Quantity) -> bool:
    """'12 of the dead', 'nine of the victims': a part, so the whole is at least as many."""
    root = q.number.root
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.lemma_.lower() in ("dead", "victim", "casualty", "wounded") for g in c.children)
        for c in root.children
    )


def _passes(q: Quantity) -> bool:
    """Whether a number is what a toll goes past: 'top 100', 'exceeded 50', 'surpassed 40'."""
    head = q.number.root.head
    return head.lemma_.lower() in ("top", "exceed", "surpass", "pass") and q.number.root.dep_ in (
        "dobj",
        "obj",
    )


@claim_extractor("numeric")
def extract_numeric_claims(ctx: ArticleContext) -> list[Claim]:
    """One claim per quantity: its sentence, its value's words, its slot and epistemic status.

    A head count in a sentence about an older event gets that event as its subject.
    """
    claims: list[Claim] = []
    quantities: list[Quantity] = ctx.doc._.quantities  # annotated by newsprism_quantities
    for q in quantities:
        slot = classify_quantity(q)
        start, end = sentence_bounds(q.number.sent)
        op: NumberOp = q.op  # type: ignore[assignment]
        reference = distance_reference(q) if q.unit in DISTANCE_UNITS else None
        if op == "=" and slot in HEAD_COUNT_SLOTS and _passes(q):
            op = ">"  # "the toll could top 100": more than 100
        if op == "=" and slot in HEAD_COUNT_SLOTS and _part_of_the_dead(q):
            op = ">="  # "identified 12 of the dead": there are at least 12 dead
        claim = new_claim(
            ctx.article.id,
            (start, max(end, q.end)),
            slot,
            NumberValue(
                op=op,
                value=q.value,
                high=q.high,
                unit=q.unit,
                reference=reference,
                scope=count_scope(q) if slot in HEAD_COUNT_SLOTS else None,
            ),
            q.start,
            q.end,
        )
        if slot in HEAD_COUNT_SLOTS:
            claim.subject = ctx.other_event_for(q.number.sent)
            if claim.subject is not None:
                claim.slot = slot = "other"  # another incident's toll never fills this one's
        ctx.add_epistemics(claim, q.number.root)
        claim.checkworthy = checkworthy_score(claim, q.unit in MEASURE_UNITS)
        claims.append(claim)
        more = _many_more(q) if slot in HEAD_COUNT_SLOTS else None
        if more is not None:
            token, more_slot = more
            first = min(token.left_edge.i, token.i)
            span = ctx.doc[first : token.i + 1]
            extra = new_claim(
                ctx.article.id,
                (start, claim.end),
                more_slot,
                NumberValue(op=">", value=q.value, unit=q.unit),
                span.start_char,
                span.end_char,
                subject=claim.subject,
            )
            ctx.add_epistemics(extra, token)
            extra.checkworthy = checkworthy_score(extra)
            claims.append(extra)
    return claims
