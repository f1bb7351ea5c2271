"""What claim extractors share about one article: its parse, its entities, its voice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsprism.extract.entities import LocalEntity, entity_id
from newsprism.extract.events import OtherEvent, main_event_sentences, other_events
from newsprism.extract.resolve import (
    GOVERNMENT_NOUNS,
    ORGAN_NOUNS,
    AliasTable,
    Canonical,
    EntityResolver,
    entity_key,
)
from newsprism.model.types import Article, Claim
from newsprism.nlp.attribution import Attribution

# Nouns that name where a claim comes from, when they are its subject or its "according to".
SOURCE_NOUNS = frozenset(
    {
        "report",
        "reports",
        "footage",
        "figures",
        "figure",
        "statement",
        "data",
        "records",
        "documents",
        "document",
        "video",
        "images",
        "survey",
        "estimates",
        "estimate",
        "study",
        "investigation",
        "sources",
        "source",
        "officials",
        "witnesses",
        "witness",
    }
)


# "the group", "the movement": a body named before, referred to by its kind.
BODY_NOUNS = frozenset(
    {"group", "organisation", "organization", "movement", "militia", "faction", "company"}
)


@dataclass
class ArticleContext:
    """One article under extraction; entities found or created here are the article's."""

    article: Article
    doc: Doc
    entities: list[LocalEntity]
    table: AliasTable
    resolver: EntityResolver = field(default_factory=EntityResolver)
    _others: dict[int, OtherEvent] | None = None
    _quoted: dict[int, Attribution] | None = None
    _titles: dict[str, LocalEntity] | None = None
    _last_speaker: str | None = None

    @property
    def others(self) -> dict[int, OtherEvent]:
        """Older events the article recalls, by the start token of each sentence about one."""
        if self._others is None:
            published = self.article.published
            day = dt.date.fromisoformat(published) if published else None
            year = day.year if day else None
            self._others = other_events(self.doc, year, self.article.title, day)
        return self._others

    def main_sentences(self) -> list[Span]:
        """Sentences that report the article's own event."""
        return main_event_sentences(self.doc, self.article.title, self.others)

    def other_event_for(self, sent: Span) -> str | None:
        """The id of the older event a sentence is about, or None for the main event."""
        event = self.others.get(sent.start)
        if event is None:
            return None
        canonical = Canonical(event.name, "EVENT")
        text = self.doc.text[event.start : event.end]
        ent = self.add_entity(canonical, text, "EVENT", event.start, event.end)
        return entity_id(ent.key)

    def token_at(self, offset: int) -> Token:
        """The token that covers a character offset."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[0]

    def _entity_covering(self, start: int, end: int) -> LocalEntity | None:
        for ent in self.entities:
            if any(s < end and start < e for s, e in ent.spans):
                return ent
        return None

    def add_entity(
        self, canonical: Canonical | None, surface: str, label: str, start: int, end: int
    ) -> LocalEntity:
        """Record a mention of an actor the tagger missed; the entity it joins or starts."""
        key = canonical.key if canonical is not None else entity_key(surface)
        key = self.resolver.resolve(key, canonical.type if canonical else label)
        for ent in self.entities:
            if ent.key == key:
                ent.add(surface, label, start, end)
                return ent
        ent = LocalEntity(key, canonical)
        ent.add(surface, label, start, end)
        self.entities.append(ent)
        return ent

    def entity_for(self, span: Span) -> str:
        """The id of the entity a span names; a new entity when none of the article's fits.

        A pronoun ("he") is the nearest person named before it; a plain noun phrase
        ("police", "Russian sources") becomes an entity of type SOURCE.
        """
        if span._.is_pronoun:
            person = self._nearest_before(
                span.start_char, "PERSON" if span[0].lower_ in ("he", "she") else None
            )
            if person is not None:
                return entity_id(person.key)
        root = span.root
        # "Meridia's Interior Minister, Viktor Halden": the person, not the office.
        for child in root.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                person = self._entity_covering(child.idx, child.idx + len(child.text))
                if person is not None:
                    return entity_id(person.key)
        hit = self._entity_covering(root.idx, root.idx + len(root.text))
        if hit is not None:
            return entity_id(hit.key)
        if root.lower_ in BODY_NOUNS and any(c.lower_ == "the" for c in root.children):
            body = self._nearest_before(span.start_char, "ORG")
            if body is not None:
                return entity_id(body.key)  # "the group" after "the Northern Liberation Front"
        # "the Libyan Red Crescent aid organization": a named body with a descriptor after it.
        named = [t for t in root.lefts if t.dep_ == "compound" and t.ent_type_ in ("ORG", "PERSON")]
        if named:
            hit = self._entity_covering(named[0].idx, named[0].idx + len(named[0].text))
            if hit is not None and hit.label in ("ORG", "PERSON"):
                return entity_id(hit.key)
        organ = self._organ_of_place(root)
        if organ is not None:
            return organ
        if len(span) == 1 and root.pos_ == "PROPN":
            person = self._person_with_surname(root.text)  # "Dorn" after "Alexei Dorn"
            if person is not None:
                return entity_id(person.key)
        titled = self._person_titled(span)
        if titled is not None:  # "the governor" after "Governor Vitaly Kim"
            return entity_id(titled.key)
        words = [t for t in span if t.dep_ != "det" and t.pos_ != "DET"]
        surface = span.doc.text[words[0].idx : span.end_char] if words else span.text
        canonical = self.table.lookup(surface)
        ent = self.add_entity(canonical, surface, "SOURCE", span.start_char, span.end_char)
        return entity_id(ent.key)

    def _organ_of_place(self, root: Token) -> str | None:
        """'Officials in Ostrava', "Ostrava's security officials": the organ entity.

        After "in" or "from" the owner is a place whatever the tagger called it (it often
        calls an unfamiliar town a person); a possessive owner must be tagged a place or an
        organisation ("Putin's officials" are not an organ of a state called Putin).
        """
        if root.lower_ not in ORGAN_NOUNS | GOVERNMENT_NOUNS:
            return None
        owners: list[tuple[Token, str | None]] = []
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
                owners += [(g, "GPE") for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "poss":
                owners.append((child, None))
        for token, forced in owners:
            owner = self._entity_covering(token.idx, token.idx + len(token.text))
            if owner is None or (forced is None and owner.label not in ("GPE", "ORG", "NORP")):
                continue
            label = forced if owner.label not in ("GPE", "ORG") else owner.label
            words = " ".join(t.lower_ for t in root.lefts if t.dep_ in ("compound", "amod"))
            noun = f"{words} {root.lower_}".strip()
            canonical = self.table.organ(owner.name, noun, label)
            if canonical is not None:
                start = min(root.left_edge.idx, token.idx)
                end = max(root.idx + len(root.text), token.idx + len(token.text))
                ent = self.add_entity(canonical, self.doc.text[start:end], "ORG", start, end)
                return entity_id(ent.key)
        return None

    def _person_titled(self, span: Span) -> LocalEntity | None:
        """The one person the article names with this title ("Beira mayor X", "X, the
        mayor"), for a speaker given by title alone ("the mayor said")."""
        if self._titles is None:
            self._titles = self._title_map()
        words = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_]
        if not words or any(t.ent_type_ in ("PERSON", "ORG") for t in span):
            return None  # "Libya's chief prosecutor" has a title; "the ministry" has a name
        return self._titles.get(words[-1].lemma_.lower())

    def _title_map(self) -> dict[str, LocalEntity]:
        seen: dict[str, set[str]] = {}
        people = {e.key: e for e in self.entities if e.label == "PERSON"}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            person = self._entity_covering(ent.start_char, ent.end_char)
            if person is None or person.key not in people:
                continue
            root = ent.root
            titles = [
                t
                for t in self.doc[max(ent.start - 3, 0) : ent.start]
                if t.head.i in range(ent.start, ent.end) and t.pos_ in ("NOUN", "PROPN")
            ]
            titles += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                titles.append(root.head)
            for title in titles:
                seen.setdefault(title.lemma_.lower(), set()).add(person.key)
        return {t: people[next(iter(keys))] for t, keys in seen.items() if len(keys) == 1}

    def _person_with_surname(self, surname: str) -> LocalEntity | None:
        people = [
            e
            for e in self.entities
            if e.label == "PERSON" and " " in e.name and e.name.split()[-1] == surname
        ]
        return people[0] if len(people) == 1 else None

    def _nearest_before(self, offset: int, label: str | None) -> LocalEntity | None:
        best, best_start = None, -1
        for ent in self.entities:
            if label is not None and ent.label != label:
                continue
            for s, _ in ent.spans:
                if best_start < s < offset:
                    best, best_start = ent, s
        return best

    def entity_type(self, eid: str) -> str | None:
        """The type of one of the article's entities, by id."""
        return next((e.label for e in self.entities if entity_id(e.key) == eid), None)

    def voice(self) -> str:
        """The id of the article's own voice: its author, else its outlet, else the article."""
        if self.article.author:
            name, label = self.article.author, "PERSON"
        elif self.article.outlet:
            name, label = self.article.outlet, "ORG"
        else:
            name = f"author of {self.article.title or Path(self.article.source).name}"
            label = "AUTHOR"
        canonical = self.table.lookup(name) or Canonical(name, label)
        key = self.resolver.resolve(canonical.key, canonical.type)
        for ent in self.entities:
            if ent.key == key:
                return entity_id(key)
        self.entities.append(LocalEntity(key, canonical))
        return entity_id(key)

    def add_epistemics(self, claim: Claim, token: Token) -> None:
        """Fill hedged, attributed_to and sourced for a claim whose value is at `token`."""
        hedge = token._.hedge
        claim.hedged, claim.hedge_cue = hedge is not None, hedge.text if hedge else None
        said = token._.attribution
        if said is None:
            if self._quoted is None:
                self._quoted = self.doc._.quoted_speakers
            said = self._quoted.get(token.sent.start)
        if said is not None and _a_time(said.speaker.root):
            said = None  # "Days before the attack, it was announced": a time says nothing
        if said is not None:
            claim.attributed_to = self.speaker_id(said.speaker)
            claim.attribution_cue = said.cue.text
        else:
            source = token.sent._.headline_source
            if source is not None:
                claim.attributed_to = self.entity_for(source)
                claim.attribution_cue = source.text
        claim.sourced = claim.attributed_to is not None or _names_a_source(token)

    def speaker_id(self, speaker: Span) -> str | None:
        """The entity whose word a speaker phrase carries; a document without an owner ("the
        statement added") or "it" is the last body that spoke in the article."""
        owner = speaker._.owner
        if owner is None or (owner._.is_pronoun and owner[0].lower_ in ("it", "they")):
            before = speaker[0]._.speaker_before
            if before is not None:
                return self.entity_for(before._.owner or before)
            if self._last_speaker is not None:
                return self._last_speaker
            if owner is None:
                return self.entity_for(speaker)
        eid = self.entity_for(owner)
        if not owner._.is_pronoun:
            self._last_speaker = eid
        return eid


def _a_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or tok.lemma_.lower() in (
        "day",
        "week",
        "month",
        "year",
        "hour",
        "time",
    )


def _names_a_source(token: Token) -> bool:
    """Whether the claim's sentence cites a document or a report for it."""
    for tok in token.sent:
        if tok.lower_ in SOURCE_NOUNS and tok.dep_ in ("nsubj", "pobj", "agent"):
            head = tok.head
            if head.lower_ in ("according", "to", "by", "in") or head.pos_ == "VERB":
                return True
    return False
