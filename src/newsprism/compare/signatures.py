"""Signatures of articles for grouping: what each says about its own event.

Places are weighed by where the article names them, because a report names its event's place
where it states the event and in its title, and names other places (a capital where officials
spoke, the town the victims came from) in passing:

    stated as the event's place (an event_location claim)  3, and 2 for the town it lies in
    in the title or the URL's path (a headline slug)        2
    in a sentence that states the event                     1
    anywhere else                                           0.25

A place that is a country (a state in the shipped demonym table, or "eastern Ukraine") goes to
`countries`, a weak signal, and so does a capital not stated as the event's place, because it
stands for its government ("Kyiv said", "the Kiev regime", a "MOSCOW, Aug 5" dateline); every
other place is specific. The event's date is the day its
date claims state most often (not the publication day); without a full day, the month, or
the month and day of a date written without a year ("March 16").
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from newsprism.compare.grouping import Signature, modal
from newsprism.extract.resolve import AliasTable
from newsprism.learn.embeddings import embed
from newsprism.model.types import SLOTS, Analysis, Article, Claim, DateValue, EntityValue
from newsprism.nlp.dates import MONTHS

# What an article says about its own event, not who it blames or other numbers.
EVENT_SLOTS = frozenset(SLOTS) - {"accusation", "quantity", "other"}
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "EVENT"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
FALLBACK_CHARS = 600
MAX_SENTENCES = 6
W_CLAIMED, W_WITHIN, W_TITLE, W_EVENT_SENTENCE, W_ELSEWHERE = 3.0, 2.0, 2.0, 1.0, 0.25

# "Eastern Ukraine", "northern Gaza" name a part of a country: still country-wide for grouping.
_DIRECTION = re.compile(
    r"^(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central|mid)(?:ern)?\s+", re.I
)
_MONTH_NAME = r"(?P<month>" + "|".join(MONTHS) + r")[a-z]*\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH_DAY = (
    re.compile(rf"^(?:on\s+)?{_MONTH_NAME}\s+{_DAY}$", re.I),
    re.compile(rf"^(?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH_NAME}$", re.I),
)


def signatures(
    analysis: Analysis,
    model: str | None = None,
    table: AliasTable | None = None,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[Signature]:
    """One signature per article, from its main-event claims (or its opening, without any).

    `vectors` are texts embedded before (by `text_key`): only the others are embedded; it
    is left holding this analysis's texts.
    """
    table = table if table is not None else AliasTable.load()
    states = frozenset(table.demonyms.values())
    capitals = _capitals(table)
    entities = {e.id: e for e in analysis.entities}
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        if c.subject is None and c.slot in EVENT_SLOTS:
            claims_of[c.article].append(c)
    # A place is what the tagger calls one, or what a claim states as where the event was
    # (the tagger calls some towns PRODUCT or PERSON), unless the tagger saw an actor there.
    places = {e.id for e in analysis.entities if e.type in PLACE_TYPES} | {
        eid
        for c in analysis.claims
        if c.slot == "event_location" and isinstance(c.value, EntityValue)
        for eid in (c.value.entity, c.value.within)
        if eid in entities and entities[eid].type not in ACTOR_TYPES
    }
    countries = {
        eid: country for eid in places if (country := _country(entities[eid].name, table, states))
    }
    mentions_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for ent in analysis.entities:
        for m in ent.mentions:
            mentions_of[m.article].append((m.start, ent.id))

    texts: list[str] = []
    out: list[Signature] = []
    for art in analysis.articles:
        claims = claims_of[art.id]
        spans = sorted({(c.start, c.end) for c in claims})
        sentences = [art.text[s:e] for s, e in spans][:MAX_SENTENCES]
        texts.append(
            " ".join([art.title or "", *sentences]) if sentences else art.text[:FALLBACK_CHARS]
        )
        weights: dict[str, float] = defaultdict(float)  # place entity id -> prominence
        claimed: set[str] = set()
        for c in claims:
            if c.slot == "event_location" and isinstance(c.value, EntityValue):
                weights[c.value.entity] += W_CLAIMED
                claimed.add(c.value.entity)
                if c.value.within:
                    weights[c.value.within] += W_WITHIN
                    claimed.add(c.value.within)
        title = _words(" ".join([art.title or "", _slug(art.url)]))
        actors: set[str] = set()
        inside = _Spans(spans)
        for start, eid in mentions_of[art.id]:
            in_event = inside.holds(start)
            if eid in places:
                weights[eid] += W_EVENT_SENTENCE if in_event else W_ELSEWHERE
            elif in_event and entities[eid].type in ACTOR_TYPES:
                actors.add(eid)
        for eid in list(weights):
            if eid in entities and title and f" {_words(entities[eid].name)} " in f" {title} ":
                weights[eid] += W_TITLE
        specific: dict[str, float] = defaultdict(float)
        country_weights: dict[str, float] = defaultdict(float)
        for eid, w in weights.items():
            place = entities.get(eid)
            if place is None or eid not in places:
                continue
            if eid in countries:
                country_weights[countries[eid]] += w
            elif eid not in claimed and place.name in capitals:
                # "Kyiv says", "the Kiev regime", "MOSCOW, August 5": a capital named but not
                # as the event's place stands for its state.
                country_weights[capitals[place.name]] += w
            else:
                specific[place.name] += w
        day, month, month_day = _event_date(claims)
        out.append(
            Signature(
                art.id,
                None,  # type: ignore[arg-type]  # filled below, all texts embedded at once
                frozenset(specific),
                frozenset(actors),
                day,
                dict(specific),
                dict(country_weights),
                month,
                month_day,
                _published(art),
            )
        )
    keys = [text_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if vectors is None or k not in vectors]
    fresh = embed([texts[i] for i in missing], model)
    made = dict(zip([keys[i] for i in missing], fresh, strict=True))
    for sig, key in zip(out, keys, strict=True):
        sig.vector = made[key] if key in made else vectors[key]  # type: ignore[index]
    if vectors is not None:  # it ends holding the texts of this analysis, and only those
        vectors.update(made)
        for gone in set(vectors) - set(keys):
            del vectors[gone]
    return out


def text_key(text: str) -> str:
    """The key an embedded text is kept under."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class _Spans:
    """Sorted, possibly overlapping character spans: does one of them hold an offset?"""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        # The furthest end among the spans starting at or before each one.
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.reach[i]


def _words(text: str) -> str:
    """Lower-case words separated by single spaces: "Chad's Abeche-floods" -> "chad s abeche
    floods", so a name is found in a title or a URL slug whatever joins its words."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _slug(url: str | None) -> str:
    """The path of a URL, where news sites put the headline ("/harbour-market-attack/")."""
    if not url:
        return ""
    return urlsplit(url).path


def _country(name: str, table: AliasTable, states: frozenset[str]) -> str | None:
    """The state a place name stands for, when it is a whole country (or a part named by it)."""
    for candidate in (name, _DIRECTION.sub("", name)):
        state = table.state_of(candidate)
        if state is not None and state.name in states:
            return state.name
    return None


def _capitals(table: AliasTable) -> dict[str, str]:
    """Capital -> state, from the alias table's "<demonym> capital" aliases ("Russian capital")."""
    found: dict[str, str] = {}
    for key, canonical in table.by_key.items():
        if key.endswith(" capital") and canonical.type == "GPE":
            state = table.demonyms.get(key.removesuffix(" capital"))
            if state and canonical.name != state:
                found.setdefault(canonical.name, state)
    return found


def _event_date(claims: list[Claim]) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The event's day, month and year-less month-day as the claims state them most often."""
    days: Counter[str] = Counter()
    months: Counter[str] = Counter()
    month_days: Counter[tuple[int, int]] = Counter()
    for c in claims:
        if c.slot != "event_date" or not isinstance(c.value, DateValue):
            continue
        value = c.value.date
        if value and len(value) == 10:
            days[value] += 1
        elif value and len(value) == 7:
            months[value] += 1
        elif value is None and c.value.as_written:
            found = _month_day(c.value.as_written)
            if found:
                month_days[found] += 1
    return modal(days), modal(months), modal(month_days)


def _month_day(written: str) -> tuple[int, int] | None:
    """(month, day) of a date written without a year: "March 16", "16th of March"."""
    written = written.strip(" ,.;:")
    match = _MONTH_DAY[0].match(written) or _MONTH_DAY[1].match(written)
    if not match:
        return None
    month = MONTHS[match["month"].lower()[:3]]
    day = int(match["day"])
    try:
        date(2000, month, day)  # a leap year: February 29 is a real year-less date
    except ValueError:
        return None
    return month, day


def _published(art: Article) -> str | None:
    """The publication day, when the article has a full one."""
    value = art.published or ""
    return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
