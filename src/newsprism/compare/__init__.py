"""Comparison across sources: events, aligned claims and verdicts, accusation graph, timeline,
and per-outlet profiles."""

from __future__ import annotations

from newsprism.compare.align import aligned_pairs
from newsprism.compare.graph import accusation_graph
from newsprism.compare.grouping import EventGroup, group_events
from newsprism.compare.places import containment
from newsprism.compare.profiles import outlet_profiles
from newsprism.compare.signatures import signatures
from newsprism.compare.timeline import timeline
from newsprism.compare.verdicts import Facts, judge
from newsprism.compare.voices import assign_voices
from newsprism.extract.resolve import AliasTable
from newsprism.model.types import Analysis, Comparison, Event, standing

__all__ = ["compare", "group_events", "judge"]


def _name_event(group: EventGroup, analysis: Analysis) -> Event:
    """The event's name: its main place and day as grouping found them, else the title."""
    first = next(a for a in analysis.articles if a.id == group.articles[0])
    name = group.label or first.title or group.id
    return Event(id=group.id, name=name, articles=list(group.articles), date=group.day)


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
    assign_voices(analysis)
    analysis.outlets = outlet_profiles(analysis)
    return analysis
