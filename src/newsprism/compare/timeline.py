"""The timeline: every dated claim in order, with the outlets that state it."""

from __future__ import annotations

from collections import defaultdict

from newsprism.model.types import Analysis, DateValue, TimelineEntry


def timeline(analysis: Analysis) -> list[TimelineEntry]:
    """Dated claims grouped by date, earliest first ("2015" before "2015-03-01")."""
    by_date: dict[str, list[str]] = defaultdict(list)
    articles: dict[str, list[str]] = defaultdict(list)
    for claim in analysis.claims:
        if isinstance(claim.value, DateValue) and claim.value.date:
            by_date[claim.value.date].append(claim.id)
            if claim.article not in articles[claim.value.date]:
                articles[claim.value.date].append(claim.article)
    return [TimelineEntry(date=d, claims=by_date[d], articles=articles[d]) for d in sorted(by_date)]
