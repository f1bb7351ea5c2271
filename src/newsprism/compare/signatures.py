"""Signatures of articles for grouping: what each says about its own event."""

from __future__ import annotations

from newsprism.compare.grouping import Signature
from newsprism.learn.embeddings import embed
from newsprism.model.types import SLOTS, Analysis, DateValue, EntityValue

# What an article says about its own event, not who it blames or other numbers.
EVENT_SLOTS = frozenset(SLOTS) - {"accusation", "quantity", "other"}
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
FALLBACK_CHARS = 600


def signatures(analysis: Analysis, model: str | None = None) -> list[Signature]:
    """One signature per article, from its main-event claims (or its opening, without any)."""
    texts, places, days, spans = {}, {}, {}, {}
    for art in analysis.articles:
        claims = [
            c
            for c in analysis.claims
            if c.article == art.id and c.subject is None and c.slot in EVENT_SLOTS
        ]
        sentence_spans = sorted({(c.start, c.end) for c in claims})
        sentences = [art.text[s:e] for s, e in sentence_spans][:6]
        texts[art.id] = (
            " ".join([art.title or "", *sentences]) if sentences else (art.text[:FALLBACK_CHARS])
        )
        spans[art.id] = sentence_spans or [(0, min(len(art.text), FALLBACK_CHARS))]
        places[art.id] = frozenset(
            eid
            for c in claims
            if isinstance(c.value, EntityValue) and c.slot == "event_location"
            for eid in (c.value.entity, c.value.within)
            if eid
        )
        dated = [c.value.date for c in claims if isinstance(c.value, DateValue) and c.value.date]
        days[art.id] = next((d for d in dated if len(d) == 10), None)
    actors: dict[str, set[str]] = {a.id: set() for a in analysis.articles}
    for ent in analysis.entities:
        if ent.type not in ACTOR_TYPES:
            continue
        for m in ent.mentions:
            if m.article in spans and any(s <= m.start < e for s, e in spans[m.article]):
                actors[m.article].add(ent.id)
    ids = [a.id for a in analysis.articles]
    vectors = embed([texts[i] for i in ids], model)
    return [
        Signature(i, vectors[n], places[i], frozenset(actors[i] - places[i]), days[i])
        for n, i in enumerate(ids)
    ]
