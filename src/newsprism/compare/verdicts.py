"""Verdicts on pairs of aligned claims, from their typed values, with a reason to read.

- Numbers as intervals: "=143" and "over 130" are consistent; "=4" and "=5" contradict;
  "about 140" allows ±10 %. A head count that grows from an earlier report to a later one is
  an update (verdict consistent, `update` set), with both publication dates in the reason.
  Distances measured from different points are not comparable.
- Dates: the same day (or one inside the other's month or year) is consistent; different
  days contradict; an unknown date is not comparable.
- Places: the same place, or one the articles say lies in the other, is consistent; two
  different places contradict when both are cities or countries, and are not comparable
  otherwise (a venue and a city no article relates).
- Causes: the same agent with the same polarity is consistent; different agents, or one
  denying the agent the other names, contradict whoever says them; a bare mechanism is
  consistent with one of the same kind and not comparable with anything else.
- Responsibility and accusation: the same actor (or a part of it) is consistent; different
  actors for the same act are contradictory narratives. Hedged against asserted versions of
  the same claim stay consistent, and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from newsprism.compare.intervals import describe, to_interval
from newsprism.extract.resolve import AliasTable, entity_key
from newsprism.model.types import (
    AccusationValue,
    Article,
    CauseValue,
    Claim,
    Comparison,
    DateValue,
    Entity,
    EntityValue,
    NumberValue,
)

GROWING_SLOTS = frozenset({"killed", "injured", "missing", "arrested"})
_SETTLEMENTS = frozenset({"GPE"})


@dataclass
class Facts:
    """What verdicts may look up: entities, articles, and which place lies in which."""

    entities: dict[str, Entity]
    articles: dict[str, Article]
    inside: dict[str, set[str]] = field(default_factory=dict)
    table: AliasTable | None = None

    @cached_property
    def by_name(self) -> dict[str, str]:
        """Entity ids by every folded name they are written with."""
        return {entity_key(n): e.id for e in self.entities.values() for n in [e.name, *e.aliases]}

    def name(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.name if ent else entity_id

    def outlet(self, claim: Claim) -> str:
        art = self.articles[claim.article]
        return art.outlet or art.title or art.source

    def related(self, a: str, b: str, places: bool = False) -> bool:
        """Same actor, or one is part of the other (or, for places, lies in the other)."""
        if a == b:
            return True
        for x, y in ((a, b), (b, a)):
            ent = self.entities.get(x)
            if ent is not None and ent.part_of == y:
                return True
            if places and y in self.inside.get(x, set()):
                return True
        return False


def _hedging_note(a: Claim, b: Claim) -> str:
    if a.hedged != b.hedged:
        return "; one is hedged, the other asserted"
    return "; both hedged" if a.hedged else ""


def _numbers(a: Claim, b: Claim, va: NumberValue, vb: NumberValue, facts: Facts) -> Comparison:
    ids = (a.id, b.id)
    if va.scope != vb.scope:
        scopes = f"{va.scope or 'all'} vs {vb.scope or 'all'}"
        return Comparison(a.slot, ids, "not_comparable", f"counts of different scope: {scopes}")
    if va.reference or vb.reference:
        ref_a, ref_b = va.reference or "?", vb.reference or "?"
        if not _same_reference(ref_a, ref_b, facts):
            return Comparison(
                a.slot,
                ids,
                "not_comparable",
                f"{va.value:g} {va.unit or ''} from {ref_a} vs {vb.value:g} "
                f"{vb.unit or ''} from {ref_b}: measured from different points",
            )
    if (va.unit or "") != (vb.unit or "") and a.slot == "quantity":
        return Comparison(
            a.slot,
            ids,
            "not_comparable",
            f"different units: {va.unit or 'count'} vs {vb.unit or 'count'}",
        )
    sa, sb = describe(va), describe(vb)
    if to_interval(va).overlaps(to_interval(vb)):
        return Comparison(
            a.slot, ids, "consistent", f"{sa} and {sb} can both hold{_hedging_note(a, b)}"
        )
    update = _update(a, b, va, vb, facts)
    if update is not None:
        return Comparison(a.slot, ids, "consistent", update, update=True)
    return Comparison(
        a.slot,
        ids,
        "contradictory",
        f"{sa} ({facts.outlet(a)}) vs {sb} ({facts.outlet(b)}) cannot both hold"
        f"{_hedging_note(a, b)}",
    )


def _same_reference(a: str, b: str, facts: Facts) -> bool:
    key_a, key_b = entity_key(a), entity_key(b)
    if key_a == key_b:
        return True
    ida, idb = facts.by_name.get(key_a), facts.by_name.get(key_b)
    if ida is None and facts.table is not None:
        known = facts.table.lookup(a)
        ida = facts.by_name.get(known.key) if known else None
    if idb is None and facts.table is not None:
        known = facts.table.lookup(b)
        idb = facts.by_name.get(known.key) if known else None
    return ida is not None and ida == idb


def _update(a: Claim, b: Claim, va: NumberValue, vb: NumberValue, facts: Facts) -> str | None:
    """A toll that grows from an earlier report to a later one."""
    if a.slot not in GROWING_SLOTS:
        return None
    da, db = facts.articles[a.article].published, facts.articles[b.article].published
    if not da or not db or da == db:
        return None
    (early, v_early, d_early), (late, v_late, d_late) = sorted(
        [(a, va, da), (b, vb, db)], key=lambda t: t[2]
    )
    if to_interval(v_late).low <= to_interval(v_early).high:
        return None
    return (
        f"update: {describe(v_early)} ({facts.outlet(early)}, {d_early}) rose to "
        f"{describe(v_late)} ({facts.outlet(late)}, {d_late})"
    )


def _dates(a: Claim, b: Claim, va: DateValue, vb: DateValue) -> Comparison:
    ids = (a.id, b.id)
    if va.date is None or vb.date is None:
        unknown = va.as_written if va.date is None else vb.as_written
        return Comparison(
            a.slot,
            ids,
            "not_comparable",
            f'"{unknown}" cannot be dated: its article has no publication date',
        )
    short = min(len(va.date), len(vb.date))
    precision = {4: "year", 7: "month", 10: "day"}.get(short, "day")
    if va.date[:short] == vb.date[:short]:
        return Comparison(
            a.slot,
            ids,
            "consistent",
            f"same {precision}: {va.date} and {vb.date}{_hedging_note(a, b)}",
        )
    return Comparison(
        a.slot,
        ids,
        "contradictory",
        f"different {precision}s: {va.date} vs {vb.date}{_hedging_note(a, b)}",
    )


def _actors(a: Claim, b: Claim, ea: str, eb: str, facts: Facts, what: str) -> Comparison:
    ids = (a.id, b.id)
    na, nb = facts.name(ea), facts.name(eb)
    if facts.related(ea, eb, places=a.slot == "event_location"):
        relation = "the same" if ea == eb else "related"
        return Comparison(
            a.slot, ids, "consistent", f"{what} {relation}: {na} / {nb}{_hedging_note(a, b)}"
        )
    if a.slot == "event_location":
        types = {facts.entities[e].type for e in (ea, eb) if e in facts.entities}
        if not types <= _SETTLEMENTS:
            return Comparison(
                a.slot,
                ids,
                "not_comparable",
                f"{na} and {nb}: no article says whether one lies in the other",
            )
        return Comparison(a.slot, ids, "contradictory", f"different places: {na} vs {nb}")
    return Comparison(
        a.slot, ids, "contradictory", f"contradictory narratives: {na} vs {nb}{_hedging_note(a, b)}"
    )


def _places(a: Claim, b: Claim, va: EntityValue, vb: EntityValue, facts: Facts) -> Comparison:
    """Venues with the cities the sentences put them in, and cities alone."""
    ids = (a.id, b.id)
    same_place = facts.related(va.entity, vb.entity, places=True)
    if same_place and va.within and vb.within and not facts.related(va.within, vb.within, True):
        return Comparison(
            a.slot,
            ids,
            "contradictory",
            f"{facts.name(va.entity)}, but in {facts.name(va.within)} vs {facts.name(vb.within)}",
        )
    for venue, other in ((va, vb), (vb, va)):
        if venue.within and not other.within and facts.related(venue.within, other.entity, True):
            return Comparison(
                a.slot,
                ids,
                "consistent",
                f"{facts.name(venue.entity)} lies in {facts.name(other.entity)}"
                f"{_hedging_note(a, b)}",
            )
    return _actors(a, b, va.entity, vb.entity, facts, "place")


def _mechanism_word(value: CauseValue) -> str | None:
    """The head word of a mechanism ("missile strike" -> "strike"), plural folded."""
    if not value.mechanism:
        return None
    word = value.mechanism.split()[-1].lower()
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _causes(a: Claim, b: Claim, va: CauseValue, vb: CauseValue, facts: Facts) -> Comparison:
    """Causes are factual statements, whoever makes them: different agents, or one denying
    the other's agent, contradict; a bare mechanism is compared by what it names."""
    ids = (a.id, b.id)
    note = _hedging_note(a, b)

    def says(v: CauseValue) -> str:
        who = facts.name(v.agent) if v.agent else "unnamed"
        what = f"{who} ({v.mechanism})" if v.mechanism else who
        return f"not {what}" if v.negated else what

    both = f"{says(va)} / {says(vb)}"
    if va.agent and vb.agent:
        same = facts.related(va.agent, vb.agent)
        if same and va.negated == vb.negated:
            return Comparison(a.slot, ids, "consistent", f"same agent: {both}{note}")
        if same:
            return Comparison(a.slot, ids, "contradictory", f"one denies the other: {both}{note}")
        if not va.negated and not vb.negated:
            return Comparison(a.slot, ids, "contradictory", f"different agents: {both}{note}")
        if va.negated and vb.negated:
            return Comparison(a.slot, ids, "not_comparable", f"two denials: {both}")
        return Comparison(a.slot, ids, "consistent", f"a denial and another agent: {both}{note}")
    if va.negated != vb.negated:
        return Comparison(a.slot, ids, "not_comparable", f"neither excludes the other: {both}")
    wa, wb = _mechanism_word(va), _mechanism_word(vb)
    if wa and wb and wa == wb:
        return Comparison(a.slot, ids, "consistent", f"the same kind of act: {both}{note}")
    return Comparison(a.slot, ids, "not_comparable", f"different things named: {both}")


def judge(a: Claim, b: Claim, facts: Facts) -> Comparison | None:
    """The verdict on two claims of one slot from two articles; None for values of two kinds."""
    va, vb = a.value, b.value
    if isinstance(va, NumberValue) and isinstance(vb, NumberValue):
        return _numbers(a, b, va, vb, facts)
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        return _dates(a, b, va, vb)
    if isinstance(va, EntityValue) and isinstance(vb, EntityValue):
        if a.slot == "event_location":
            return _places(a, b, va, vb, facts)
        return _actors(a, b, va.entity, vb.entity, facts, "actor")
    if isinstance(va, AccusationValue) and isinstance(vb, AccusationValue):
        return _actors(a, b, va.accused, vb.accused, facts, "accused")
    if isinstance(va, CauseValue) and isinstance(vb, CauseValue):
        return _causes(a, b, va, vb, facts)
    return None
