"""Named entities of one article, merged into one record per actor with all its mentions."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsprism.extract.resolve import (
    GOVERNMENT_NOUNS,
    ORGAN_NOUNS,
    AliasTable,
    Canonical,
    entity_key,
)

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG"})


@dataclass
class LocalEntity:
    """One actor as one article names it: a merge key, its surface forms and its spans."""

    key: str
    canonical: Canonical | None = None
    label_counts: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The canonical name when known, else the longest of the most frequent surfaces."""
        if self.canonical is not None:
            return self.canonical.name
        top = max(self.surfaces.values())
        return max((s for s, n in self.surfaces.items() if n == top), key=len)

    @property
    def label(self) -> str:
        if self.canonical is not None:
            return self.canonical.type
        return self.label_counts.most_common(1)[0][0]

    @property
    def part_of(self) -> str | None:
        return self.canonical.part_of if self.canonical is not None else None

    def add(self, surface: str, label: str, start: int, end: int) -> None:
        self.surfaces[surface] += 1
        self.label_counts[label] += 1
        self.spans.append((start, end))


def entity_id(key: str) -> str:
    """A stable id for an entity key, equal across runs and articles."""
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def direct_objects(verb: Token) -> list[Token]:
    """A verb's direct objects; a possessor the parser made an object of its own ("accused
    Sudan's Tiger Brigade" read as two objects) gives way to the noun it owns."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    owners = {
        o.i
        for o in objects
        if any(c.dep_ == "case" and c.lower_ in ("'s", "\u2019s") for c in o.children)
        and any(other.i > o.i for other in objects)
    }
    kept = []
    for o in objects:
        if o.i in owners:
            continue
        if not any(ch.isalpha() for ch in o.text):
            # A hyphen read as the object ("neo - Nazi X Battalion"): the name hangs on it.
            o = next((c for c in o.children if c.dep_ == "appos"), o)
        kept.append(o)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = _LEADING_ARTICLE.match(span)
    if lead:
        start += lead.end()
    tail = _TRAILING_POSSESSIVE.search(text[start:end])
    if tail and end - start > len(tail.group()):
        end -= len(tail.group())
    return start, end


def entity_tokens(tok: Token) -> tuple[int, int] | None:
    """Start and end tokens of the tagger's entity a token is in, or None outside one."""
    if not tok.ent_type_ or tok.ent_iob_ == "O":
        return None
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _organ_extent(ent: Span) -> tuple[int, int]:
    """Start and end tokens of an organ phrase after a state or demonym ("Russian intelligence
    services", "Ostrava's security officials"); start == end when there is none."""
    doc, start = ent.doc, ent.end
    if start < len(doc) and doc[start].lower_ in ("'s", "’s"):
        start += 1
    end = start
    while end < len(doc) and doc[end].lower_ in ORGAN_NOUNS | GOVERNMENT_NOUNS:
        end += 1
    if end == start:
        # "Russia's Defense Ministry", "Libya's Foreign Ministry": a named organ whose last
        # word is an organ noun.
        for j in range(start, min(start + 4, len(doc))):
            if not doc[j].is_title:
                break
            if doc[j].lower_ in ORGAN_NOUNS | GOVERNMENT_NOUNS:
                end = j + 1
    return start, end


def extract_entities(doc: Doc, table: AliasTable | None = None) -> list[LocalEntity]:
    """Entities of a parsed article; a surname alone joins the full name it shortens."""
    table = table or AliasTable()
    text = doc.text
    by_key: dict[str, LocalEntity] = {}
    organ_ends: list[tuple[int, int]] = []
    for ent in _located_split(doc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in organ_ends):
            continue  # the organ part of "Russia's Defense Ministry", already taken
        canonical: Canonical | None = None
        end_char = ent.end_char
        if ent.label_ in _OWNER_LABELS:
            organ_start, organ_end = _organ_extent(ent)
            if organ_end > organ_start:
                organ = doc[organ_start:organ_end].text
                canonical = table.organ(ent.text, organ, ent.label_)
                if canonical is not None:
                    end_char = doc[organ_end - 1].idx + len(doc[organ_end - 1].text)
                    organ_ends.append((ent.start_char, end_char))
        start, end = _trim(text, ent.start_char, end_char)
        surface = text[start:end].strip()
        if not surface or not any(c.isalpha() for c in surface):
            continue
        canonical = canonical or table.lookup(surface)
        crowd = surface.endswith("s") and (ent.start == 0 or doc[ent.start - 1].lower_ != "the")
        if canonical is None and ent.label_ == "NORP" and not crowd:
            # "the Russians", "Israeli": a people named for its state stands for the state
            # when it acts or is blamed; "Palestinians swarmed the trucks" are people.
            canonical = table.state_of(surface) or table.state_of(surface.removesuffix("s"))
        key = canonical.key if canonical is not None else entity_key(surface)
        local = by_key.setdefault(key, LocalEntity(key, canonical))
        local.add(surface, ent.label_, start, end)
    _drop_common_words(by_key, text)
    _merge_short_person_names(by_key)
    return sorted(by_key.values(), key=lambda e: e.spans[0])


# Nouns that end the name of a building or site: "Tarn Market", "Velmar City Hall".
FACILITY_NOUNS = frozenset(
    {
        "market",
        "hall",
        "mall",
        "station",
        "square",
        "airport",
        "hospital",
        "school",
        "church",
        "mosque",
        "synagogue",
        "stadium",
        "theatre",
        "theater",
        "center",
        "centre",
        "bridge",
        "port",
        "embassy",
        "hotel",
        "museum",
        "university",
        "temple",
        "shrine",
        "arena",
        "club",
        "cafe",
        "restaurant",
        "plaza",
        "park",
        "base",
        "barracks",
        "prison",
        "terminal",
        "building",
        "tower",
        "clinic",
        "depot",
        "warehouse",
        "factory",
        "checkpoint",
    }
)


def _located_split(doc: Doc) -> list[Span]:
    """The tagger's entities, with "X in Y" spans split in two places.

    The small English model often tags "the Tarn Market in Harlow" as one entity (a work of
    art); a place inside a place is two places.
    """
    spans: list[Span] = []
    for ent in doc.ents:
        cut = next((t for t in ent[1:-1] if t.lower_ in ("in", "at") and t.pos_ == "ADP"), None)
        if cut is None or ent.label_ in ("PERSON", "NORP"):
            spans.append(ent)
            continue
        left, right = doc[ent.start : cut.i], doc[cut.i + 1 : ent.end]
        left_label = "FAC" if left[-1].lower_ in FACILITY_NOUNS else ent.label_
        spans.append(Span(doc, left.start, left.end, label=left_label))
        spans.append(Span(doc, right.start, right.end, label="GPE"))
    return spans


def _drop_common_words(by_key: dict[str, LocalEntity], text: str) -> None:
    """A one-word 'entity' the article also writes in lower case is a common word
    capitalised by a title or a sentence start ("Massacre", "State")."""
    lowered_words = set(re.findall(r"\b[a-z][a-z-]+\b", text))
    for key, local in list(by_key.items()):
        common = local.canonical is None and " " not in key and key in lowered_words
        if common and local.label != "PERSON":
            del by_key[key]


def _merge_short_person_names(by_key: dict[str, LocalEntity]) -> None:
    """'Nuland' after 'Victoria Nuland' in one article is the same person."""
    full_names = [e for e in by_key.values() if e.label == "PERSON" and " " in e.key]
    for key, local in list(by_key.items()):
        if " " in key or local.label not in ("PERSON", "GPE", "ORG"):
            continue
        owners = [f for f in full_names if f.key.split()[-1] == key]
        if len(owners) == 1:
            owner = owners[0]
            owner.spans.extend(local.spans)
            owner.spans.sort()
            owner.label_counts.update(local.label_counts)
            owner.surfaces.update({s: 0 for s in local.surfaces})
            del by_key[key]
