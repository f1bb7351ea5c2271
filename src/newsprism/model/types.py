"""The contract's data types: plain dataclasses, one per record of DESIGN.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Genre = Literal["reporting", "opinion", "analysis", "unknown"]
Verdict = Literal["consistent", "contradictory", "not_comparable"]
NumberOp = Literal["=", ">=", ">", "<=", "<", "approx", "range"]

SLOTS: tuple[str, ...] = (
    "killed",
    "injured",
    "missing",
    "perpetrators",
    "arrested",
    "event_date",
    "event_location",
    "responsibility",
    "accusation",
    "cause",
    "quantity",
    "other",
)
NUMBER_OPS: tuple[str, ...] = ("=", ">=", ">", "<=", "<", "approx", "range")
VERDICTS: tuple[str, ...] = ("consistent", "contradictory", "not_comparable")
GENRES: tuple[str, ...] = ("reporting", "opinion", "analysis", "unknown")


@dataclass
class Article:
    """One ingested article; `text` is the normalised text all offsets point into."""

    id: str
    source: str
    text: str
    sha256: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    genre: Genre = "unknown"
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Mention:
    """A span of one article that names an entity."""

    article: str
    start: int
    end: int


@dataclass
class Entity:
    """A real-world actor, place or thing, with every place it is named."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    part_of: str | None = None  # the entity this one is an organ or branch of


@dataclass
class NumberValue:
    """A number as stated: an exact value, a bound, an approximation or a range."""

    op: NumberOp
    value: float
    high: float | None = None
    unit: str | None = None
    reference: str | None = None  # what a distance is measured from ("the Ukrainian border")
    scope: str | None = None  # the part of a toll counted: "hospitalized", "children", ...


@dataclass
class DateValue:
    """A calendar date, to the day ("YYYY-MM-DD"), month ("YYYY-MM") or year ("YYYY").

    `date` is None when the text gives a relative date ("last Friday") and the article has no
    publication date to resolve it against: unknown, not guessed.
    """

    date: str | None
    as_written: str | None = None


@dataclass
class EntityValue:
    """A value that is an entity (a place, a group that claimed responsibility)."""

    entity: str
    within: str | None = None  # for a venue, the city or region the sentence puts it in


@dataclass
class AccusationValue:
    """Who blames whom."""

    accuser: str
    accused: str


@dataclass
class CauseValue:
    """What or who caused the event: an agent (entity id), a mechanism, or both.

    `negated` is a denial: "X was not responsible", "not caused by rockets".
    """

    agent: str | None
    mechanism: str | None = None
    negated: bool = False


ClaimValue = NumberValue | DateValue | EntityValue | AccusationValue | CauseValue


@dataclass
class Claim:
    """A typed, located statement of one article."""

    id: str
    article: str
    start: int
    end: int
    slot: str
    value: ClaimValue
    value_start: int
    value_end: int
    subject: str | None = None
    hedged: bool = False
    hedge_cue: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    sourced: bool = False
    checkworthy: float = 0.0
    # A person's correction: {"status": "wrong"} or {"status": "corrected", "was": {...}}.
    correction: dict[str, Any] | None = None


@dataclass
class TechniqueSpan:
    """A persuasion technique found in a span of an article."""

    article: str
    start: int
    end: int
    technique: str
    score: float
    # Whose words the span is: inside a quotation it is the quoted speaker's (`quoted`, with
    # `speaker` the entity id when a claim there names one), not the outlet's own voice.
    quoted: bool = False
    speaker: str | None = None


@dataclass
class Comparison:
    """A verdict on one pair of aligned claims: from two articles, or two sources inside one."""

    slot: str
    claims: tuple[str, str]
    verdict: Verdict
    reason: str
    update: bool = False  # a later report revising an earlier figure, not a contradiction


@dataclass
class Accusation:
    """An edge of the accusation graph with the claims and articles behind it."""

    accuser: str
    accused: str
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    hedged: bool = False  # every claim behind the edge is hedged
    quoted: bool = False  # some article quotes the accuser (else the outlet speaks for itself)
    denial: bool = False  # the accuser denies that the accused caused the event


@dataclass
class TimelineEntry:
    """One date and the claims that state it."""

    date: str
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class Event:
    """Articles that report one event, as grouping found them."""

    id: str
    name: str
    articles: list[str] = field(default_factory=list)
    date: str | None = None


@dataclass
class OutletProfile:
    """How one outlet reports: how much it sources, hedges, is contradicted, and whom it accuses."""

    outlet: str
    articles: list[str] = field(default_factory=list)
    claims: int = 0
    sourced: int = 0
    hedged: int = 0
    contradicted: int = 0
    accuses: list[str] = field(default_factory=list)
    # The outlet's own voice and the sources it quotes, counted apart.
    own_claims: int = 0
    quoted_claims: int = 0
    own_techniques: int = 0
    quoted_techniques: int = 0


@dataclass
class Analysis:
    """Everything newsprism knows about one set of articles: the JSON contract."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[TechniqueSpan] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    accusations: list[Accusation] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    outlets: list[OutletProfile] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def standing(claims: list[Claim]) -> list[Claim]:
    """The claims a person has not marked wrong."""
    return [c for c in claims if not (c.correction and c.correction.get("status") == "wrong")]


def entity_refs(claim: Claim) -> list[str]:
    """The entity ids a claim refers to: its subject, speaker and the ids in its value."""
    refs = [r for r in (claim.subject, claim.attributed_to) if r]
    if isinstance(claim.value, EntityValue):
        refs += [claim.value.entity] + ([claim.value.within] if claim.value.within else [])
    elif isinstance(claim.value, AccusationValue):
        refs += [claim.value.accuser, claim.value.accused]
    elif isinstance(claim.value, CauseValue) and claim.value.agent:
        refs.append(claim.value.agent)
    return refs
