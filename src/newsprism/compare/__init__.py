"""Comparison across sources: events, aligned claims and verdicts, accusation graph, timeline,
and per-outlet profiles."""

from __future__ import annotations

from collections import Counter

from newsprism.compare.align import aligned_pairs
from newsprism.compare.graph import accusation_graph
from newsprism.compare.grouping import EventGroup, group_events
from newsprism.compare.places import containment
from newsprism.compare.profiles import outlet_profiles
from newsprism.compare.signatures import signatures
from newsprism.compare.timeline import timeline
from newsprism.compare.verdicts import Facts, judge
from newsprism.extract.resolve import AliasTable
from newsprism.model.types import Analysis, Comparison, DateValue, EntityValue, Event
from newsprism.store.corrections import standing

__all__ = ["compare", "group_events", "judge"]


def _name_event(group: EventGroup, analysis: Analysis) -> Event:
    members = set(group.articles)
    names = {e.id: e.name for e in analysis.entities}
    places: Counter[str] = Counter()
    days: Counter[str] = Counter()
    for claim in analysis.claims:
        if claim.article not in members or claim.subject is not None:
            continue
        if claim.slot == "event_location" and isinstance(claim.value, EntityValue):
            places[names.get(claim.value.entity, claim.value.entity)] += 1
        if isinstance(claim.value, DateValue) and claim.value.date and claim.slot == "event_date":
            days[claim.value.date] += 1
    place = places.most_common(1)[0][0] if places else None
    day = days.most_common(1)[0][0] if days else None
    first = next(a for a in analysis.articles if a.id == group.articles[0])
    name = " · ".join(p for p in (place, day) if p) or first.title or group.id
    return Event(id=group.id, name=name, articles=list(group.articles), date=day)


def compare(analysis: Analysis, table: AliasTable | None = None) -> Analysis:
    """Fill events, comparisons, accusations, timeline and outlet profiles of an analysis."""
    groups = group_events(signatures(analysis)) if analysis.articles else []
    analysis.events = [_name_event(g, analysis) for g in groups]
    facts = Facts(
        entities={e.id: e for e in analysis.entities},
        articles={a.id: a for a in analysis.articles},
        inside=containment(analysis),
        table=table if table is not None else AliasTable.load(),
    )
    comparisons: list[Comparison] = []
    claims = standing(analysis.claims)  # a claim a person marked wrong is compared with nothing
    for event in analysis.events:
        for a, b in aligned_pairs(claims, set(event.articles)):
            verdict = judge(a, b, facts)
            if verdict is not None:
                comparisons.append(verdict)
    analysis.comparisons = comparisons
    analysis.accusations = accusation_graph(analysis)
    analysis.timeline = timeline(analysis)
    analysis.outlets = outlet_profiles(analysis)
    return analysis
