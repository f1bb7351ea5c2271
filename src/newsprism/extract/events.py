"""Which event a sentence is about: the article's main event, or an older one it recalls.

A number in "215 people lost their lives in this attack", after a sentence about a 2015
bombing, is that bombing's toll, not the toll of the event the article reports. A sentence is
about another event when it names a year before the main event's year (the publication year,
when known) next to an event word, or when it says "this attack" right after such a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

EVENT_NOUNS = frozenset({
    "attack", "attacks", "massacre", "shooting", "bombing", "explosion", "blast", "assault",
    "raid", "strike", "tragedy", "ambush", "siege", "crash", "killing", "killings", "incident",
    "hijacking", "stabbing", "rampage", "bombings", "uprising", "riots", "operation",
})
EVENT_VERBS = frozenset({"attack", "storm", "bomb", "kill", "murder", "shoot", "explode", "strike"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ANAPHORA = re.compile(r"\b(?:this|that|the same) (?:attack|bombing|incident|massacre|explosion|blast|shooting|crash)\b", re.I)


@dataclass(frozen=True)
class OtherEvent:
    """An event other than the article's own: a short name, its year, and where it is named."""

    name: str
    year: str
    start: int
    end: int


def _event_noun(sent: Span, near: int) -> Span | None:
    """The event noun nearest to character offset `near`, with its modifiers."""
    nouns = [t for t in sent if t.lower_ in EVENT_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return None
    tok = min(nouns, key=lambda t: abs(t.idx - near))
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "DET"]
    start = mods[0].i if mods else tok.i
    # Take in a place name the noun's modifiers begin with ("St. Petersburg metro bombing").
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start < start <= ent.end:
            start = ent.start
    return sent.doc[start : tok.i + 1]


def _place(sent: Span, noun: Span | None) -> str | None:
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            if noun is not None and noun.start <= ent.start < noun.end:
                return None  # already part of the event's name
            return ent.text
    return None


def other_events(doc: Doc, main_year: int | None) -> dict[int, OtherEvent]:
    """For each sentence (by its start token) about an older event, that event."""
    found: dict[int, OtherEvent] = {}
    previous: OtherEvent | None = None
    for sent in doc.sents:
        matches = list(_YEAR.finditer(sent.text))
        years = [int(m.group()) for m in matches]
        older = [y for y in years if main_year is None or y < main_year]
        near = sent.start_char + matches[years.index(older[0])].start() if older else 0
        noun = _event_noun(sent, near)
        if older and (noun or any(t.lemma_ in EVENT_VERBS for t in sent)):
            place = _place(sent, noun)
            words = noun.text if noun is not None else "attack"
            name = " ".join(p for p in (place, words) if p)
            where = noun if noun is not None else sent
            event = OtherEvent(f"{name} ({older[0]})", str(older[0]), where.start_char, where.end_char)
            found[sent.start] = event
            previous = event
        elif previous is not None and _ANAPHORA.search(sent.text) and not years:
            found[sent.start] = previous
        else:
            previous = None
    return found


def main_event_sentences(doc: Doc, title: str | None, others: dict[int, OtherEvent]) -> list[Span]:
    """Sentences that report the article's own event, in order (the title line left out)."""
    chosen = []
    for sent in doc.sents:
        if sent.start in others or (title and sent.text.strip() == title.strip()):
            continue
        if any(t.lower_ in EVENT_NOUNS or t.lemma_ in EVENT_VERBS for t in sent):
            chosen.append(sent)
    return chosen
