"""Comparison across sources: events, aligned claims and verdicts, accusation graph, timeline,
and per-outlet profiles."""

from __future__ import annotations

import time
from collections import defaultdict

from newsprism.compare.align import aligned_pairs
from newsprism.compare.case_update import (
    CaseUpdate,
    KeptCase,
    KeptEvent,
    entities_by_article,
    event_fingerprint,
)
from newsprism.compare.entities import apply_merges, resolve_across_articles
from newsprism.compare.graph import accusation_graph
from newsprism.compare.grouping import EventGroup, group_events
from newsprism.compare.places import containment
from newsprism.compare.profiles import outlet_profiles
from newsprism.compare.signatures import signatures
from newsprism.compare.timeline import timeline
from newsprism.compare.verdicts import Facts, judge
from newsprism.compare.voices import assign_voices
from newsprism.compare.wire import mark_wire_copies, one_story, wire_copies
from newsprism.extract.resolve import AliasTable
from newsprism.model.types import Analysis, Claim, Comparison, Event, standing

__all__ = [
    "CaseUpdate",
    "KeptCase",
    "KeptEvent",
    "compare",
    "group_events",
    "judge",
    "judge_event",
    "update_case",
]


def _name_event(group: EventGroup, analysis: Analysis) -> Event:
    """The event's name: its main place and day as grouping found them, else the title."""
    first = next(a for a in analysis.articles if a.id == group.articles[0])
    name = group.label or first.title or group.id
    return Event(id=group.id, name=name, articles=list(group.articles), date=group.day)


def compare(analysis: Analysis, table: AliasTable | None = None) -> Analysis:
    """Fill events, comparisons, accusations, timeline and outlet profiles of an analysis."""
    update_case(analysis, table)
    return analysis


def update_case(
    analysis: Analysis, table: AliasTable | None = None, kept: KeptCase | None = None
) -> CaseUpdate:
    """Compare the case, keeping what was `kept` from an earlier comparison: its events hold
    their articles, and an event whose fingerprint is unchanged keeps its verdicts."""
    table = table if table is not None else AliasTable.load()
    kept = kept or KeptCase()
    update = CaseUpdate()
    started = time.perf_counter()
    update.resolution = resolve_across_articles(analysis)
    apply_merges(analysis, update.resolution)
    started = update.timed("resolve", started)
    update.wire, update.signatures = wire_copies(analysis.articles, known=kept.signatures)
    mark_wire_copies(analysis, update.wire)
    started = update.timed("wire copies", started)
    analysis.events = _events(analysis, table, kept, update)
    started = update.timed("group", started)
    facts = Facts(
        entities={e.id: e for e in analysis.entities},
        articles={a.id: a for a in analysis.articles},
        inside=containment(analysis),
        table=table,
    )
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in analysis.claims:
        claims_of[claim.article].append(claim)
    named = entities_by_article(facts)
    kept_fingerprints = {k.fingerprint for k in kept.events}
    started = update.timed("fingerprint", started)
    for event in analysis.events:
        fingerprint = event_fingerprint(event, claims_of, named, facts)
        update.fingerprints[event.id] = fingerprint
        if fingerprint in kept_fingerprints:
            update.kept.append(event.id)
            continue
        update.judge(event.id, judge_event(event, claims_of, facts, update.wire))
    started = update.timed("judge", started)
    reused = kept.verdicts([e for e in analysis.events if e.id in update.kept])
    analysis.comparisons = [
        verdict
        for event in analysis.events
        for verdict in (update.verdicts.get(event.id) or reused.get(event.id, []))
    ]
    analysis.accusations = accusation_graph(analysis)
    analysis.timeline = timeline(analysis)
    assign_voices(analysis)
    analysis.outlets = outlet_profiles(analysis)
    update.timed("case parts", started)
    return update


def judge_event(
    event: Event, claims_of: dict[str, list[Claim]], facts: Facts, wire: dict[str, str]
) -> list[Comparison]:
    """The verdicts of one event: its claims aligned and judged, but a claim a person marked
    wrong is compared with nothing, and two copies of one wire story never with each other."""
    claims = standing([c for a in event.articles for c in claims_of[a]])
    pairs = aligned_pairs(claims, set(event.articles))
    judged = (judge(a, b, facts) for a, b in pairs if not one_story(a.article, b.article, wire))
    return [verdict for verdict in judged if verdict is not None]


def _events(
    analysis: Analysis, table: AliasTable, kept: KeptCase, update: CaseUpdate
) -> list[Event]:
    """The kept events when they hold every article of the case; else the articles outside
    them grouped, with each other and with those events."""
    ids = [a.id for a in analysis.articles]
    if kept.holds_exactly(ids):
        return [k.event for k in kept.events]
    if not ids:
        return []
    known = [k.event.articles for k in kept.events]
    update.vectors = dict(kept.vectors)
    sigs = signatures(analysis, table=table, vectors=update.vectors)
    update.new_articles = len(set(ids) - {a for articles in known for a in articles})
    return [_name_event(g, analysis) for g in group_events(sigs, known=known)]
