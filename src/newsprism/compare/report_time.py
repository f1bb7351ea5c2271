"""When a claim was reported, so that a toll's changes can be read as updates.

A claim is dated by its article: the publication day and, when the metadata gives it, the
time of day. Inside one article the words around a figure order it against the article's
other figures: "previously put the toll at", "an earlier estimate", "initially" mark an
older figure; "has risen to", "soared to", "revised", "the latest toll" a newer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model.types import Article, Claim

EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|at first|first reported|preliminary|"
    r"had (?:put|given|said|reported|estimated|counted)|(?:was|had been) at (?!least|most))\b",
    re.IGNORECASE,
)
LATER = re.compile(
    r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)?|soar(?:ed|s|ing)?|jump(?:ed|s)?|"
    r"increas(?:ed|es|ing)|surg(?:ed|es)|mount(?:ed|s)|revis(?:ed|es|ing)|updat(?:ed|es)|"
    r"latest|new (?:toll|figure|count)|now stands|has reached|reached|by (?:\w+ )?"
    r"(?:evening|night|nightfall|afternoon))\b",
    re.IGNORECASE,
)
# Revisions that may go down as well as up: "revised", "corrected", "lowered".
REVISED = re.compile(r"\b(?:revis|correct|lower|adjust|downgrad|updat)\w*", re.IGNORECASE)


@dataclass(frozen=True)
class ReportTime:
    """A claim's place in time: its article's day and time of day, and its step inside the
    article (-1 an older figure the article recalls, 0 its own, +1 a figure it says is new)."""

    day: str | None
    clock: str | None
    step: int
    article: str

    def label(self) -> str:
        """How a reason shows it: "2026-05-08 09:53", "2026-05-08", "undated"."""
        if self.day is None:
            return "undated"
        return f"{self.day} {self.clock}" if self.clock else self.day


def report_time(claim: Claim, article: Article) -> ReportTime:
    """The time of a claim's report, read from its article and its own clause."""
    clause = article.text[claim.start : claim.end]
    step = -1 if EARLIER.search(clause) else 1 if LATER.search(clause) else 0
    return ReportTime(article.published, article.extra.get("published_time"), step, claim.article)


def earlier_first(a: ReportTime, b: ReportTime) -> bool | None:
    """True when `a` was reported before `b`, False when after, None when nothing says.

    Days decide first, then times of one day; the words of a clause order figures of one
    article, or of two articles of one day, never across days nobody gave.
    """
    if a.day and b.day and a.day != b.day:
        return a.day < b.day
    if a.day and a.day == b.day and a.clock and b.clock and a.clock != b.clock:
        return a.clock < b.clock
    same_report = a.article == b.article or (a.day is not None and a.day == b.day)
    if same_report and a.step != b.step:
        return a.step < b.step
    return None


def revised(claim: Claim, article: Article) -> bool:
    """Whether a claim's clause says its figure revises an earlier one."""
    return REVISED.search(article.text[claim.start : claim.end]) is not None
