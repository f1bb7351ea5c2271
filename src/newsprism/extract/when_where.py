"""When and where the event happened: `event_date` and `event_location` claims.

The event's date is the first date named in a sentence that reports the article's own event,
resolved against the publication date ("last Friday"); without a publication date a relative
date stays unknown (null), with its words kept. Each older event the article recalls gets an
`event_date` claim of its own, its year, with that event as the subject. The places are the
places and venues named in the first sentence that reports the event; a venue the tagger
missed ("stormed the Crocus Concert Hall") is taken from the object of an attack verb.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.claims import claim_id, sentence_bounds
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import entity_id
from newsprism.extract.events import EVENT_VERBS, dates_the_event
from newsprism.extract.registry import claim_extractor
from newsprism.extract.resolve import Canonical
from newsprism.model.types import Claim, DateValue, EntityValue
from newsprism.nlp.dates import resolve_date

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_VENUE_VERBS = EVENT_VERBS | {"storm", "raid", "hit", "target"}


def _published(ctx: ArticleContext) -> dt.date | None:
    return dt.date.fromisoformat(ctx.article.published) if ctx.article.published else None


def _new_claim(
    ctx: ArticleContext,
    claims: list[Claim],
    sent: Span,
    slot: str,
    value: DateValue | EntityValue,
    start: int,
    end: int,
) -> Claim:
    s, e = sentence_bounds(sent)
    claim = Claim(
        id=claim_id(ctx.article.id, len(claims) + 1),
        article=ctx.article.id,
        start=s,
        end=e,
        slot=slot,
        value=value,
        value_start=start,
        value_end=end,
    )
    ctx.add_epistemics(claim, ctx.token_at(start))
    return claim


def _event_date(ctx: ArticleContext, sents: list[Span], claims: list[Claim]) -> None:
    published = _published(ctx)
    for sent in sents:
        for ent in sent.ents:
            if ent.label_ != "DATE" or not dates_the_event(ent):
                continue
            resolved = resolve_date(ent.text, published)
            if resolved is None:
                continue
            value = DateValue(date=resolved.value, as_written=ent.text)
            claim = _new_claim(ctx, claims, sent, "event_date", value, ent.start_char, ent.end_char)
            claim.checkworthy = checkworthy_score(claim)
            claims.append(claim)
            return


def _older_event_dates(ctx: ArticleContext, claims: list[Claim]) -> None:
    seen: set[str] = set()
    for start, event in ctx.others.items():
        if event.name in seen:
            continue
        seen.add(event.name)
        sent = ctx.doc[start].sent
        at = sent.text.find(event.when)
        if at == -1:
            continue
        begin = sent.start_char + at
        claim = _new_claim(
            ctx,
            claims,
            sent,
            "event_date",
            DateValue(event.date, event.when),
            begin,
            begin + len(event.when),
        )
        claim.subject = ctx.other_event_for(sent)
        claim.checkworthy = checkworthy_score(claim)
        claims.append(claim)


def _venues(sent: Span) -> list[Span]:
    """Proper-noun objects of attack verbs that the tagger did not mark as entities."""
    found = []
    for tok in sent:
        if tok.lemma_.lower() in _VENUE_VERBS:
            for obj in tok.children:
                if obj.dep_ in ("dobj", "obj") and obj.pos_ == "PROPN" and not obj.ent_type_:
                    left = min(
                        (c for c in obj.lefts if c.dep_ == "compound"),
                        key=lambda t: t.i,
                        default=obj,
                    )
                    found.append(sent.doc[left.i : obj.i + 1])
    return found


def _event_locations(ctx: ArticleContext, sents: list[Span], claims: list[Claim]) -> None:
    if not sents:
        return
    sent = sents[0]
    places: list[tuple[int, int, str]] = []
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS:
            places.append((ent.start_char, ent.end_char, ctx.entity_for(ent)))
    for venue in _venues(sent):
        canonical = ctx.table.lookup(venue.text) or Canonical(venue.text, "FAC")
        added = ctx.add_entity(canonical, venue.text, "FAC", venue.start_char, venue.end_char)
        places.append((venue.start_char, venue.end_char, entity_id(added.key)))
    seen: set[str] = set()
    for start, end, eid in sorted(places):
        if eid in seen:
            continue
        seen.add(eid)
        claim = _new_claim(ctx, claims, sent, "event_location", EntityValue(eid), start, end)
        claim.checkworthy = checkworthy_score(claim)
        claims.append(claim)


@claim_extractor("when_where")
def extract_when_where(ctx: ArticleContext) -> list[Claim]:
    """The event's date and places, and the dates of older events the article recalls."""
    claims: list[Claim] = []
    sents = ctx.main_sentences()
    _event_date(ctx, sents, claims)
    _event_locations(ctx, sents, claims)
    _older_event_dates(ctx, claims)
    return claims
