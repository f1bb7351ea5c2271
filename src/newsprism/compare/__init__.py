"""Comparison across sources: events, aligned claims and verdicts, accusation graph, timeline,
and per-outlet profiles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.compare.align import aligned_pairs
from newsprism.compare.case_update import (
    CaseUpdate,
    KeptEvent,
    entities_by_article,
    event_fingerprint,
    kept_verdicts,
)
from newsprism.compare.graph import accusation_graph
from newsprism.compare.grouping import EventGroup, group_events
from newsprism.compare.places import containment
from newsprism.compare.profiles import outlet_profiles
from newsprism.compare.signatures import signatures
from newsprism.compare.timeline import timeline
from newsprism.compare.verdicts import Facts, judge
from newsprism.compare.voices import assign_voices
from newsprism.extract.resolve import AliasTable
from newsprism.model.types import Analysis, Claim, Comparison, Event, standing

__all__ = ["CaseUpdate", "KeptEvent", "compare", "group_events", "judge", "update_case"]


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
    analysis: Analysis, table: AliasTable | None = None, kept: Sequence[KeptEvent] = ()
) -> CaseUpdate:
    """Compare the case, keeping what was `kept` from an earlier comparison: its events hold
    their articles, and an event whose fingerprint is unchanged keeps its verdicts."""
    table = table if table is not None else AliasTable.load()
    known = [k.articles for k in kept]
    update = CaseUpdate()
    if analysis.articles:
        sigs = signatures(analysis, table=table)
        groups = group_events(sigs, known=known)
        update.new_articles = len(sigs) - len({a for k in known for a in k})
    else:
        groups = []
    analysis.events = [_name_event(g, analysis) for g in groups]
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
    before = kept_verdicts(kept)
    comparisons: list[Comparison] = []
    for event in analysis.events:
        fingerprint = event_fingerprint(event, claims_of, named, facts)
        update.fingerprints[event.id] = fingerprint
        if fingerprint in before:
            comparisons += before[fingerprint]
            update.kept.append(event.id)
            continue
        # A claim a person marked wrong is compared with nothing.
        claims = standing([c for a in event.articles for c in claims_of[a]])
        pairs = aligned_pairs(claims, set(event.articles))
        verdicts = [v for a, b in pairs if (v := judge(a, b, facts)) is not None]
        update.judge(event.id, verdicts)
        comparisons += verdicts
    analysis.comparisons = comparisons
    analysis.accusations = accusation_graph(analysis)
    analysis.timeline = timeline(analysis)
    assign_voices(analysis)
    analysis.outlets = outlet_profiles(analysis)
    return update
