"""Updating a compared case: only the events whose inputs changed are judged again.

An event's verdicts depend on its articles (their outlet, dates and metadata), their claims
(corrections included) and the entities named in them (names, aliases, the state each is
part of, the places each lies in). Those are hashed into the event's fingerprint; an event
whose fingerprint was judged before keeps its verdicts. Adding articles, correcting a claim
or merging two entities so changes the fingerprints of the events they touch, and only those.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from newsprism.compare.verdicts import Facts
from newsprism.model.types import Claim, Comparison, Event


@dataclass
class KeptEvent:
    """An event as compared before: its name, its articles and its fingerprint."""

    event: Event
    fingerprint: str


@dataclass
class KeptCase:
    """The case as compared before: its events, and a way to read the verdicts of some of
    them (read only for the events that keep them)."""

    events: list[KeptEvent] = field(default_factory=list)
    verdicts: Callable[[list[Event]], dict[str, list[Comparison]]] = lambda _: {}  # by event id
    # Articles' MinHash signatures and 5-gram counts, made before (compare/wire.py).
    signatures: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict)
    # Texts embedded for grouping before, by `signatures.text_key`.
    vectors: dict[str, np.ndarray] = field(default_factory=dict)

    def holds_exactly(self, article_ids: Iterable[str]) -> bool:
        """Whether the kept events hold these articles and no other."""
        kept = [a for k in self.events for a in k.event.articles]
        return bool(kept) and sorted(kept) == sorted(article_ids)


@dataclass
class CaseUpdate:
    """What one update of the case did, event by event."""

    fingerprints: dict[str, str] = field(default_factory=dict)  # event id -> fingerprint
    judged: list[str] = field(default_factory=list)  # events judged in this update
    verdicts: dict[str, list[Comparison]] = field(default_factory=dict)  # of those, by event
    kept: list[str] = field(default_factory=list)  # events whose verdicts were kept
    new_articles: int = 0  # articles grouped in this update (all of them on a first run)
    resolution: dict[str, str] = field(default_factory=dict)  # entity id -> one actor's id
    wire: dict[str, str] = field(default_factory=dict)  # article id -> its wire story's origin
    signatures: dict[str, tuple[np.ndarray, int]] = field(default_factory=dict)  # made now
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # texts embedded, all in use
    seconds: dict[str, float] = field(default_factory=dict)  # by step: group, judge, ...

    def timed(self, step: str, started: float) -> float:
        """Add the time since `started` to a step's; the time now."""
        now = time.perf_counter()
        self.seconds[step] = self.seconds.get(step, 0.0) + now - started
        return now

    def judge(self, event_id: str, verdicts: list[Comparison]) -> None:
        """Record an event judged afresh, with its verdicts (in `verdict_order`)."""
        self.judged.append(event_id)
        self.verdicts[event_id] = sorted(verdicts, key=verdict_order)

    def describe(self) -> str:
        """One line for the CLI: what was judged again and what was kept."""
        events = len(self.judged) + len(self.kept)
        grouped = f"{self.new_articles} article{'' if self.new_articles == 1 else 's'}"
        return (
            f"case: {events} event{'' if events == 1 else 's'}; {len(self.judged)} judged in "
            f"this update, {len(self.kept)} kept as stored; {grouped} newly grouped"
        )


def verdict_order(comparison: Comparison) -> tuple[str, str, str]:
    """The order of an event's verdicts: by slot, then by their claims' ids (as stored)."""
    return (comparison.slot, *comparison.claims)


def entities_by_article(facts: Facts) -> dict[str, set[str]]:
    """The ids of the entities each article names."""
    named: dict[str, set[str]] = defaultdict(set)
    for entity in facts.entities.values():
        for mention in entity.mentions:
            named[mention.article].add(entity.id)
    return named


def _referenced(claim: Claim) -> Iterable[str]:
    yield from (x for x in (claim.subject, claim.attributed_to) if x)
    yield from (v for v in vars(claim.value).values() if isinstance(v, str))


def event_fingerprint(
    event: Event,
    claims_of: dict[str, list[Claim]],
    named: dict[str, set[str]],
    facts: Facts,
) -> str:
    """A hash of everything the event's verdicts are made from."""
    digest = hashlib.sha256()
    entity_ids: set[str] = set()
    for article_id in sorted(event.articles):
        article = facts.articles[article_id]
        meta = [article.id, article.outlet, article.published, article.title, article.extra]
        digest.update(json.dumps(meta, sort_keys=True, default=str).encode())
        for claim in claims_of.get(article_id, ()):
            digest.update(repr(claim).encode())
            entity_ids.update(_referenced(claim))
        entity_ids |= named.get(article_id, set())
    seen: set[str] = set()
    todo = sorted(entity_ids)
    while todo:  # the entities, and the states and places they belong to
        eid = todo.pop()
        entity = facts.entities.get(eid)
        if eid in seen or entity is None:
            continue
        seen.add(eid)
        inside = sorted(facts.inside.get(eid, ()))
        digest.update(repr((eid, entity.name, entity.type, entity.aliases, inside)).encode())
        todo.extend([*([entity.part_of] if entity.part_of else []), *inside])
    return digest.hexdigest()
