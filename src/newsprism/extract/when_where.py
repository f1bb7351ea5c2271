"""When and where the event happened: `event_date` and `event_location` claims.

The event's date is the first date named in a sentence that reports the article's own event,
resolved against the publication date ("last Friday"); without a publication date a relative
date stays unknown (null), with its words kept. Each older event the article recalls gets an
`event_date` claim of its own, its year, with that event as the subject. The places are the
places and venues named in the first sentence that reports the event; a venue the tagger
missed ("stormed the Velmar Concert Hall") is taken from the object of an attack verb.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.claims import sentence_claim
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import FACILITY_NOUNS, entity_id, entity_tokens
from newsprism.extract.events import dates_the_event, is_event_word
from newsprism.extract.registry import claim_extractor
from newsprism.extract.resolve import Canonical
from newsprism.model.types import Claim, DateValue, EntityValue
from newsprism.nlp.dates import resolve_date_within
from newsprism.nlp.gazetteer import load_gazetteer, normalize_name

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs whose object is a place, not a person: "stormed the hall", "shelled Harlow".
_VENUE_VERBS = frozenset({"storm", "raid", "bomb", "shell", "target", "strike", "hit", "attack"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
_PERSONAL = frozenset({"PERSON", "NORP"})
# Nouns after a region's name: "the Kassala region", "Idlib province".
REGION_NOUNS = frozenset(
    {"region", "oblast", "province", "governorate", "district", "state", "county", "prefecture"}
)
# Where people were held or sheltered: sites an event happens at, named or not.
SITE_NOUNS = frozenset(
    (
        "camp colony jail facility compound village town city settlement shelter convoy depot "
        "warehouse factory plant checkpoint crossing mine farm quarry refinery"
    ).split()
)


def _published(ctx: ArticleContext) -> dt.date | None:
    return dt.date.fromisoformat(ctx.article.published) if ctx.article.published else None


def _new_claim(
    ctx: ArticleContext,
    sent: Span,
    slot: str,
    value: DateValue | EntityValue,
    start: int,
    end: int,
) -> Claim:
    claim = sentence_claim(ctx.article.id, sent, slot, value, start, end)
    ctx.add_epistemics(claim, ctx.token_at(start))
    return claim


def _event_date(ctx: ArticleContext, sents: list[Span], claims: list[Claim]) -> None:
    """Every sentence that dates the event gives a claim: reports differ on the day, and
    each mention is checkable. A year alone ("last year") is left out when the article dates
    the event more precisely within that year: it says nothing more."""
    published = _published(ctx)
    found: list[Claim] = []
    for sent in sents:
        for ent in map(_day_of_month, sent.ents):
            if ent.label_ != "DATE" or not dates_the_event(ent):
                continue
            resolved = resolve_date_within(ent.text, published)
            if resolved is None:
                continue
            value = DateValue(date=resolved.value, as_written=ent.text)
            claim = _new_claim(ctx, sent, "event_date", value, ent.start_char, ent.end_char)
            claim.checkworthy = checkworthy_score(claim)
            found.append(claim)
            break
    days = [c.value.date for c in found if isinstance(c.value, DateValue) and c.value.date]
    for claim in found:
        date = claim.value.date if isinstance(claim.value, DateValue) else None
        if (
            date is not None
            and len(date) < 10
            and any(d != date and d.startswith(date) for d in days)
        ):
            continue
        claims.append(claim)


def _day_of_month(ent: Span) -> Span:
    """'on the 16th', which the tagger calls an ordinal, as the date it is."""
    doc = ent.doc
    if (
        ent.label_ == "ORDINAL"
        and ent.start >= 2
        and doc[ent.start - 1].lower_ == "the"
        and doc[ent.start - 2].lower_ == "on"
        and ent.text[:1].isdigit()
    ):
        return Span(doc, ent.start - 1, ent.end, label="DATE")
    return ent


def _older_event_dates(ctx: ArticleContext, claims: list[Claim]) -> None:
    seen: set[str] = set()
    for start, event in ctx.others.items():
        if event.name in seen or event.when == event.name:
            continue  # an incident known only as "a similar shooting" has no date to give
        seen.add(event.name)
        sent = ctx.doc[start].sent
        at = sent.text.find(event.when)
        if at == -1:
            continue
        begin = sent.start_char + at
        claim = _new_claim(
            ctx,
            sent,
            "other",  # another incident's date is never this event's
            DateValue(event.date, event.when),
            begin,
            begin + len(event.when),
        )
        claim.subject = ctx.other_event_for(sent)
        claim.checkworthy = checkworthy_score(claim)
        claims.append(claim)


# Words after a hyphen that make a place name a modifier: "Kiev-controlled", "Russian-
# occupied", "Moscow-based". Such a place says who holds the site, not where it is.
_MODIFIER_SUFFIXES = frozenset(
    "controlled occupied held backed based run led aligned made supplied allied".split()
)
# Heads under which a place says where the event happened: the event's words, the venue
# nouns, and verbs of lying somewhere.
_LOCATING_VERBS = frozenset({"locate", "situate", "base", "house", "hold", "shelter"})


def _modifier(tok: Token) -> bool:
    """A place inside a hyphenated modifier: 'Kiev-controlled', 'Moscow-backed'."""
    doc = tok.doc
    j = tok.i + 1
    if j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _MODIFIER_SUFFIXES:
        return True
    return "-" in tok.text and tok.text.rsplit("-", 1)[-1].lower() in _MODIFIER_SUFFIXES


def _locates_event(head: Token) -> bool:
    """Whether a word a place hangs from is the event, its site, or a verb of lying there."""
    lemma = head.lemma_.lower()
    return (
        is_event_word(head)
        or head.lower_ in FACILITY_NOUNS
        or lemma in FACILITY_NOUNS
        or lemma in _LOCATING_VERBS
        or lemma in SITE_NOUNS
    )


def _place_position(tok: Token) -> bool:
    """Where a place goes: after "in" / "at" / "near" under the event or its site, before a
    site noun ("the Karvasa prison"), or the object of "stormed" / "shelled"."""
    head = tok.head
    if tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in _VENUE_VERBS:
        return tok.ent_type_ not in _PERSONAL or head.lemma_.lower() != "attack"
    if tok.dep_ == "pobj" and head.lower_ in _PLACE_PREPOSITIONS:
        above = head.head
        if _locates_event(above) or above.dep_ == "ROOT":
            return True
        # "opened fire at a wedding in Kasur": the noun it hangs from is the event's scene.
        return above.pos_ == "NOUN" and any(_locates_event(a) for a in list(above.ancestors)[:5])
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SITE_NOUNS:
        return _place_position(head.head) or _locates_event(head.head.head)  # "the city of X"
    if tok.dep_ in ("compound", "nmod") and (
        head.lower_ in FACILITY_NOUNS or head.lemma_.lower() in SITE_NOUNS
    ):
        return True
    if tok.dep_ == "appos" and head.dep_ == "pobj":
        return _place_position(head)  # "in Karvasa, a village outside Kassala"
    if tok.dep_ in ("compound", "nmod") and head.lower_ in REGION_NOUNS:
        # "in the Kassala region", "Karvasa, Kassala region": the region is the place.
        return _place_position(head) or (head.dep_ == "appos" and _place_position(head.head))
    return False


def _is_place(tok: Token, span: Span) -> bool:
    """A place by the tagger, or by the gazetteer when the tagger called it something else."""
    if tok.ent_type_ in PLACE_LABELS or (span[-1].lower_ in FACILITY_NOUNS and tok.pos_ == "PROPN"):
        return True
    if tok.ent_type_ in ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"):
        return False
    if tok.ent_type_ == "PERSON" and not (
        tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "near") or _named_settlement(tok.head))
    ):
        return False  # the tagger calls some towns people; "in X", "the town of X" overrule it
    return tok.pos_ == "PROPN" and load_gazetteer().is_place(span.text, strict=True)


def _named_settlement(of: Token) -> bool:
    """'the town of', 'the village of': the name after it is a place, whoever says not."""
    return of.lower_ == "of" and of.head.lemma_.lower() in SETTLEMENT_NOUNS


SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "settlement", "port", "hamlet"})


def _place_span(tok: Token) -> Span:
    doc = tok.doc
    extent = entity_tokens(tok)
    if extent is not None:
        start, end = extent
        # "the Tarn Market in Harlow" tagged as one: a place inside a place is two places.
        cut = next(
            (t.i for t in doc[start:end] if t.lower_ in ("in", "at") and t.pos_ == "ADP"), None
        )
        if cut is not None:
            start, end = (start, cut) if tok.i < cut else (cut + 1, end)
        # The tagger's span may take in words before the name ("Photographs of Beira").
        while start < tok.i and not doc[start].is_title:
            start += 1
        while start < tok.i and doc[start].pos_ != "PROPN":
            start += 1
        return doc[start:end]
    if tok.dep_ == "compound" and tok.head.lower_ in REGION_NOUNS:
        return doc[tok.i : tok.head.i + 1]  # "Kassala region"
    compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    left = min(compounds, key=lambda t: t.i, default=tok)
    return doc[left.i : tok.i + 1]


def _places_in(sent: Span) -> list[Span]:
    """The places a sentence gives for the event, in order, modifiers and actors left out."""
    found: list[Span] = []
    for tok in sent:
        if tok.pos_ not in ("PROPN", "NOUN") or not (tok.ent_type_ or tok.pos_ == "PROPN"):
            continue
        if _modifier(tok) or not _place_position(tok):
            continue
        span = _place_span(tok)
        if any(_modifier(t) for t in span) or not _is_place(tok, span):
            continue
        if any(span.start < f.end and f.start < span.end for f in found):
            continue
        found.append(span)
    return found


def _event_locations(ctx: ArticleContext, sents: list[Span], claims: list[Claim]) -> None:
    """One claim per place the article gives for the event, at its first mention, with the
    place it lies in: the one the sentence names, else the gazetteer's region."""
    gazetteer = load_gazetteer()
    # Places the article names, as context for ambiguous names; a modifier ("Moscow-backed")
    # says who holds a place, not which country it is in.
    named = [e.text for e in ctx.doc.ents if e.label_ == "GPE" and not _modifier(e[-1])]
    # The countries the article names: a town the gazetteer finds only elsewhere (a
    # namesake village abroad) gets no region rather than a wrong one.
    countries = {c for c in (gazetteer.country_of(n) for n in named) if c}
    seen: set[tuple[str, str]] = set()  # a sentence repeated (a caption) states one fact
    found: list[tuple[Claim, Span]] = []
    for sent in sents:
        spans = _places_in(sent)
        for i, span in enumerate(spans):
            venue = _venue_of(span)
            place_span = venue or span
            named_venue = venue is None and span[-1].lower_ in FACILITY_NOUNS
            kind = "FAC" if venue is not None or named_venue else "GPE"
            eid = _place_entity(ctx, place_span, kind)
            if (eid, sent.text) in seen:
                continue
            seen.add((eid, sent.text))
            within = None
            later = spans[i + 1 :]
            outer = next((o for o in later if gazetteer.within(span.text, o.text, named)), None)
            if venue is not None:
                within = _place_entity(ctx, span, "GPE")  # "the Karvasa prison": in Karvasa
            elif outer is not None:
                within = _place_entity(ctx, outer, "GPE")
            elif named_venue and later:
                within = _place_entity(ctx, later[0], "GPE")  # "the Tarn Market in Harlow"
            else:
                within = _region_of(ctx, span, named, countries, eid)
            value = EntityValue(eid, within=within)
            start, end = place_span.start_char, place_span.end_char
            claim = _new_claim(ctx, sent, "event_location", value, start, end)
            claim.checkworthy = checkworthy_score(claim)
            found.append((claim, span))
    # A country is where the event happened only when the article names no place in it.
    for claim, span in found:
        place = gazetteer.lookup(span.text, named)
        if place is not None and place.kind == "country":
            inside = [
                other
                for _, other in found
                if other.text != span.text and gazetteer.within(other.text, span.text, named)
            ]
            if inside:
                continue
        claims.append(claim)


def _venue_of(span: Span) -> Span | None:
    """'the Karvasa prison', 'Beira drama theatre': a site named after its place."""
    head = span.root.head
    if span.root.dep_ not in ("compound", "nmod") or head.lower_ not in FACILITY_NOUNS:
        return None
    return span.doc[span.start : head.i + 1]


def _region_of(
    ctx: ArticleContext, span: Span, named: list[str], countries: set[str], eid: str
) -> str | None:
    """The gazetteer's region for a town, when it lies in a country the article names."""
    place = load_gazetteer().lookup(span.text, named)
    if place is None or place.kind != "city" or not place.region:
        return None
    if normalize_name(place.region) == normalize_name(span.text):
        return None  # "Dhaka" in the division "Dhaka": no place lies within itself
    if countries and place.country not in countries:
        return None  # a namesake abroad, not the town the article means
    added = ctx.add_entity(
        Canonical(place.region, "GPE"), place.region, "GPE", span.start_char, span.start_char
    )
    region = entity_id(added.key)
    return None if region == eid else region  # "Dhaka" in "Dhaka Division" read as one


def _place_entity(ctx: ArticleContext, span: Span, kind: str) -> str:
    """The entity of a place span: the tagger's, else a new place."""
    if span.root.ent_type_ in PLACE_LABELS:
        return ctx.entity_for(span)
    canonical = ctx.table.lookup(span.text) or Canonical(span.text, kind)
    added = ctx.add_entity(canonical, span.text, kind, span.start_char, span.end_char)
    return entity_id(added.key)


@claim_extractor("when_where")
def extract_when_where(ctx: ArticleContext) -> list[Claim]:
    """The event's date and places, and the dates of older events the article recalls."""
    claims: list[Claim] = []
    sents = ctx.main_sentences()
    _event_date(ctx, sents, claims)
    # A headline says where as well as the body does ("Deadly explosion in occupied X").
    located = [
        sent
        for sent in ctx.doc.sents
        if sent.start not in ctx.others and any(is_event_word(t) for t in sent)
    ]
    _event_locations(ctx, located, claims)
    _older_event_dates(ctx, claims)
    return claims
