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

from spacy.tokens import Span, Token

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.claims import claim_id, sentence_bounds
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import FACILITY_NOUNS, entity_id
from newsprism.extract.events import dates_the_event
from newsprism.extract.registry import claim_extractor
from newsprism.extract.resolve import Canonical
from newsprism.model.types import Claim, DateValue, EntityValue
from newsprism.nlp.dates import resolve_date

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs whose object is a place, not a person: "stormed the hall", "shelled Harlow".
_VENUE_VERBS = frozenset({"storm", "raid", "bomb", "shell", "target", "strike", "hit", "attack"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
_PERSONAL = frozenset({"PERSON", "NORP"})


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
    """Every sentence that dates the event gives a claim: reports differ on the day, and
    each mention is checkable. A year alone ("last year") is left out when the article dates
    the event more precisely within that year: it says nothing more."""
    published = _published(ctx)
    found: list[Claim] = []
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
            found.append(claim)
            break
    days = [c.value.date for c in found if isinstance(c.value, DateValue) and c.value.date]
    for claim in found:
        date = claim.value.date if isinstance(claim.value, DateValue) else None
        coarse = date is not None and len(date) < 10
        if coarse and any(d != date and d.startswith(date) for d in days):
            continue
        claim.id = claim_id(ctx.article.id, len(claims) + 1)
        claims.append(claim)


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
            "other",  # another incident's date is never this event's
            DateValue(event.date, event.when),
            begin,
            begin + len(event.when),
        )
        claim.subject = ctx.other_event_for(sent)
        claim.checkworthy = checkworthy_score(claim)
        claims.append(claim)


def _place_position(tok: Token) -> bool:
    """A proper noun where a place goes: the object of "stormed", or after "in" / "at"."""
    head = tok.head
    if tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in _VENUE_VERBS:
        return tok.ent_type_ not in _PERSONAL or head.lemma_.lower() != "attack"
    return tok.dep_ == "pobj" and head.lower_ in _PLACE_PREPOSITIONS


def _venues(sent: Span) -> list[Span]:
    """Proper nouns in place positions, whatever the tagger called them (it often calls an
    invented town a person)."""
    found = []
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.dep_ != "compound" and _place_position(tok):
            compounds = [c for c in tok.lefts if c.dep_ == "compound"]
            left = min(compounds, key=lambda t: t.i, default=tok)
            found.append(sent.doc[left.i : tok.i + 1])
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
        taken = any(s <= venue.start_char < e for s, e, _ in places)
        if taken or venue[0].ent_type_ in ("DATE", "TIME"):
            continue
        kind = "FAC" if venue[-1].lower_ in FACILITY_NOUNS else "GPE"
        canonical = ctx.table.lookup(venue.text) or Canonical(venue.text, kind)
        added = ctx.add_entity(canonical, venue.text, kind, venue.start_char, venue.end_char)
        places.append((venue.start_char, venue.end_char, entity_id(added.key)))
    # One claim per venue, with the city the sentence puts it in ("the Harbour Market in
    # Valdoria"); the places themselves when the sentence names no venue.
    venues = [p for p in places if ctx.entity_type(p[2]) == "FAC"]
    cities = [p for p in places if p not in venues]
    within = cities[0][2] if venues and cities else None
    seen: set[str] = set()
    for start, end, eid in sorted(venues or places):
        if eid in seen:
            continue
        seen.add(eid)
        value = EntityValue(eid, within=within)
        claim = _new_claim(ctx, claims, sent, "event_location", value, start, end)
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
