"""Verdicts on pairs of aligned claims, from their typed values, with a reason to read.

- Numbers as intervals: "=143" and "over 130" are consistent; "=4" and "=5" contradict;
  "about 140" allows ±10 %. Counts of different scope (hospitalized against all injured,
  children against all dead) are not comparable. Two figures that cannot both hold are
  contradictory as stated; when one report is later than the other and the toll grew (or the
  later one says it revises), `update` is set and the reason names both reports and times.
  Distances measured from different points are not comparable.
- Dates: the same day (or one inside the other's month, year or stated week) is consistent;
  different days contradict; a date without a year ("July 29" in an undated article) is
  compared by month and day; one that cannot be dated at all is not comparable.
- Places: the same place, or one lying in the other (as an article says, or as the gazetteer
  knows: a town in its region and country), is consistent; two different cities or countries
  contradict; a venue and a city no source relates are not comparable.
- Causes: the same agent (one side: "Russian forces" and "the Russian air force") with the
  same polarity is consistent; different agents, or one denying the agent the other names,
  contradict whoever says them; mechanisms are compared by kind (`mechanisms.py`): the same
  kind agrees, rival kinds (a strike against a blast set off inside) contradict, a denial
  contradicts the kind it denies, and other kinds form a chain (a storm, neglect, a collapse).
- Responsibility: the same actor is consistent, different ones contradict. Blame is an act
  of its accuser: blame from different accusers is not comparable; one accuser blaming two
  different parties is a contradiction worth checking.
Hedged against asserted versions are noted in every reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from newsprism.compare.actors import Actors
from newsprism.compare.intervals import describe, to_interval
from newsprism.compare.mechanisms import mechanism_kind, rivals
from newsprism.compare.report_time import earlier_first, report_time, revised
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
    Verdict,
)
from newsprism.nlp.gazetteer import load_gazetteer

GROWING_SLOTS = frozenset({"killed", "injured", "missing", "arrested"})
_SETTLEMENTS = frozenset({"GPE"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b", re.I
)
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*", re.I)


@dataclass
class Facts:
    """What verdicts may look up: entities, articles, and which place lies in which."""

    entities: dict[str, Entity]
    articles: dict[str, Article]
    inside: dict[str, set[str]] = field(default_factory=dict)
    table: AliasTable | None = None
    _within: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    @cached_property
    def by_name(self) -> dict[str, str]:
        """Entity ids by every folded name they are written with."""
        return {entity_key(n): e.id for e in self.entities.values() for n in [e.name, *e.aliases]}

    @cached_property
    def actors(self) -> Actors:
        return Actors(self.entities, self.table or AliasTable.load())

    def name(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.name if ent else entity_id

    def outlet(self, claim: Claim) -> str:
        art = self.articles[claim.article]
        return art.outlet or art.title or art.source

    def source(self, claim: Claim) -> str:
        """Who states a claim, as a reason shows it: "Outlet", or "Outlet, citing X"."""
        if claim.attributed_to:
            return f"{self.outlet(claim)}, citing {self.name(claim.attributed_to)}"
        return self.outlet(claim)

    def related(self, a: str, b: str, places: bool = False) -> bool:
        """Same actor, or one is part of the other (or, for places, lies in the other)."""
        if a == b:
            return True
        for x, y in ((a, b), (b, a)):
            ent = self.entities.get(x)
            if ent is not None and ent.part_of == y:
                return True
            if places and self.lies_in(x, y):
                return True
        return False

    def lies_in(self, inner: str, outer: str) -> bool:
        """Whether an article says the place `inner` lies in `outer`, or the gazetteer knows."""
        if outer in self.inside.get(inner, set()):
            return True
        ent_in, ent_out = self.entities.get(inner), self.entities.get(outer)
        if ent_in is None or ent_out is None:
            return False
        if not {ent_in.type, ent_out.type} <= _PLACE_TYPES:
            return False
        key = (inner, outer)
        if key not in self._within:
            self._within[key] = load_gazetteer().within(ent_in.name, ent_out.name)
        return self._within[key]


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
        return Comparison(a.slot, ids, "contradictory", update, update=True)
    return Comparison(
        a.slot,
        ids,
        "contradictory",
        f"{sa} ({facts.source(a)}) vs {sb} ({facts.source(b)}) cannot both hold"
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
    """Why two figures that cannot both hold are a later report revising an earlier one: a
    growing toll reported later, or a later figure its text calls a revision or an older one
    its text calls earlier. None when nothing orders them."""
    if a.slot not in GROWING_SLOTS:
        return None
    art_a, art_b = facts.articles[a.article], facts.articles[b.article]
    ta, tb = report_time(a, art_a), report_time(b, art_b)
    first = earlier_first(ta, tb)
    if first is None:
        return None
    (early, v_early, t_early), (late, v_late, t_late) = (
        [(a, va, ta), (b, vb, tb)] if first else [(b, vb, tb), (a, va, ta)]
    )
    grew = to_interval(v_late).low > to_interval(v_early).high
    said = t_early.step < 0 or revised(late, facts.articles[late.article])
    if not grew and not said:
        return None
    verb = "rose" if grew else "was revised"
    return (
        f"update: {verb} from {describe(v_early)} ({facts.source(early)}, {t_early.label()}) "
        f"to {describe(v_late)} ({facts.source(late)}, {t_late.label()})"
    )


def _month_day(as_written: str | None) -> tuple[int, int] | None:
    """Month and day of a date written without a year ("July 29", "29 July")."""
    if not as_written:
        return None
    m = _MONTH_DAY.search(as_written)
    if m:
        return _month_number(m.group(1)), int(m.group(2))
    m = _DAY_MONTH.search(as_written)
    if m:
        return _month_number(m.group(2)), int(m.group(1))
    return None


def _month_number(word: str) -> int:
    return [m[:3] for m in _MONTHS].index(word[:3].lower()) + 1


def _undated(a: Claim, b: Claim, va: DateValue, vb: DateValue) -> Comparison:
    """Dates of which at least one has no year: compared by the month and day written."""
    ids = (a.id, b.id)
    md_a = _month_day(va.as_written) if va.date is None else _iso_month_day(va.date)
    md_b = _month_day(vb.as_written) if vb.date is None else _iso_month_day(vb.date)
    month_only = _month_only(va) or _month_only(vb)
    verdict: Verdict
    if md_a and md_b:
        verdict = "consistent" if md_a == md_b else "contradictory"
        return Comparison(
            a.slot,
            ids,
            verdict,
            f"{'same' if md_a == md_b else 'different'} day as written: "
            f'"{va.as_written or va.date}" and "{vb.as_written or vb.date}" (no year in one)'
            f"{_hedging_note(a, b)}",
        )
    if month_only and (md_a or md_b):
        known = md_a or md_b
        month = month_only
        assert known is not None
        verdict = "consistent" if known[0] == month else "contradictory"
        return Comparison(
            a.slot,
            ids,
            verdict,
            f'"{va.as_written or va.date}" and "{vb.as_written or vb.date}": '
            f"{'the day lies in the month' if verdict == 'consistent' else 'different months'}",
        )
    unknown = va.as_written if va.date is None else vb.as_written
    return Comparison(
        a.slot,
        ids,
        "not_comparable",
        f'"{unknown}" cannot be dated: its article has no publication date',
    )


def _iso_month_day(date: str) -> tuple[int, int] | None:
    return (int(date[5:7]), int(date[8:10])) if len(date) >= 10 else None


def _month_only(value: DateValue) -> int | None:
    return int(value.date[5:7]) if value.date and len(value.date) == 7 else None


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _dates(a: Claim, b: Claim, va: DateValue, vb: DateValue) -> Comparison:
    ids = (a.id, b.id)
    if va.date is None or vb.date is None:
        return _undated(a, b, va, vb)
    short = min(len(va.date), len(vb.date))
    precision = {4: "year", 7: "month", 10: "day"}.get(short, "day")
    if va.date[:short] == vb.date[:short]:
        return Comparison(
            a.slot,
            ids,
            "consistent",
            f"same {precision}: {va.date} and {vb.date}{_hedging_note(a, b)}",
        )
    weekly = [v.as_written for v in (va, vb) if v.as_written and "week" in v.as_written.lower()]
    if short == 10 and weekly and _days_apart(va.date, vb.date) <= 6:
        return Comparison(
            a.slot,
            ids,
            "consistent",
            f'{va.date} and {vb.date} lie in the week "{weekly[0]}" names{_hedging_note(a, b)}',
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
    if a.slot == "event_location":
        if facts.related(ea, eb, places=True):
            relation = "the same" if ea == eb else "one lies in the other"
            return Comparison(
                a.slot, ids, "consistent", f"place {relation}: {na} / {nb}{_hedging_note(a, b)}"
            )
        types = {facts.entities[e].type for e in (ea, eb) if e in facts.entities}
        if not types <= _SETTLEMENTS:
            return Comparison(
                a.slot,
                ids,
                "not_comparable",
                f"{na} and {nb}: no source says whether one lies in the other",
            )
        return Comparison(a.slot, ids, "contradictory", f"different places: {na} vs {nb}")
    if facts.related(ea, eb) or facts.actors.same(ea, eb):
        relation = "the same" if ea == eb else "one side"
        return Comparison(
            a.slot, ids, "consistent", f"{what} {relation}: {na} / {nb}{_hedging_note(a, b)}"
        )
    return Comparison(
        a.slot, ids, "contradictory", f"contradictory narratives: {na} vs {nb}{_hedging_note(a, b)}"
    )


def _blame(
    a: Claim, b: Claim, va: AccusationValue, vb: AccusationValue, facts: Facts
) -> Comparison:
    """Blame is an act of its accuser: only one accuser's two blames can collide."""
    ids = (a.id, b.id)
    if not (va.accuser == vb.accuser or facts.actors.same(va.accuser, vb.accuser)):
        return Comparison(
            a.slot,
            ids,
            "not_comparable",
            f"different accusers: {facts.name(va.accuser)} blames {facts.name(va.accused)}, "
            f"{facts.name(vb.accuser)} blames {facts.name(vb.accused)}",
        )
    who = facts.name(va.accuser)
    if va.accused == vb.accused or facts.actors.same(va.accused, vb.accused):
        return Comparison(
            a.slot,
            ids,
            "consistent",
            f"{who} blames the same side: {facts.name(va.accused)} / {facts.name(vb.accused)}"
            f"{_hedging_note(a, b)}",
        )
    return Comparison(
        a.slot,
        ids,
        "contradictory",
        f"{who} is reported blaming two different parties: {facts.name(va.accused)} "
        f"({facts.outlet(a)}) vs {facts.name(vb.accused)} ({facts.outlet(b)})",
    )


def _places(a: Claim, b: Claim, va: EntityValue, vb: EntityValue, facts: Facts) -> Comparison:
    """Venues with the cities the sentences put them in, and cities alone."""
    ids = (a.id, b.id)
    same_place = facts.related(va.entity, vb.entity, places=True) or _same_venue(va, vb, facts)
    if same_place:
        if va.within and vb.within and not facts.related(va.within, vb.within, True):
            return Comparison(
                a.slot,
                ids,
                "contradictory",
                f"{facts.name(va.entity)}, but in {facts.name(va.within)} vs "
                f"{facts.name(vb.within)}",
            )
        relation = "the same" if va.entity == vb.entity else "one lies in the other"
        return Comparison(
            a.slot,
            ids,
            "consistent",
            f"place {relation}: {facts.name(va.entity)} / {facts.name(vb.entity)}"
            f"{_hedging_note(a, b)}",
        )
    for venue, other in ((va, vb), (vb, va)):
        if venue.within and facts.related(venue.within, other.entity, True):
            return Comparison(
                a.slot,
                ids,
                "consistent",
                f"{facts.name(venue.entity)} lies in {facts.name(other.entity)}"
                f"{_hedging_note(a, b)}",
            )
    return _actors(a, b, va.entity, vb.entity, facts, "place")


_VENUE_SPELLINGS = {"theater": "theatre", "center": "centre"}
_VENUE_TYPES = frozenset({"FAC", "ORG", "LOC"})  # taggers call a named building any of these


def _venue_words(name: str) -> set[str]:
    words = re.findall(r"[a-z]+", name.lower())
    return {_VENUE_SPELLINGS.get(w, w) for w in words if w not in ("the", "of", "in", "a")}


def _same_venue(va: EntityValue, vb: EntityValue, facts: Facts) -> bool:
    """Two venue names of which one holds every word of the other ("the Drama Theatre" and
    "the Regional Drama Theater"), with no different towns stated."""
    types = {facts.entities[e].type for e in (va.entity, vb.entity) if e in facts.entities}
    if not types or not types <= _VENUE_TYPES:
        return False
    wa, wb = _venue_words(facts.name(va.entity)), _venue_words(facts.name(vb.entity))
    # Two words at least: "the Theatre" alone could be any theatre.
    return min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa)


def _mechanism_word(value: CauseValue) -> str | None:
    """The head word of a mechanism ("thermobaric weapons" -> "weapon"), plural folded."""
    if not value.mechanism:
        return None
    word = value.mechanism.split()[-1].lower()
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _causes(a: Claim, b: Claim, va: CauseValue, vb: CauseValue, facts: Facts) -> Comparison:
    """Causes are factual statements, whoever makes them (rules in the module doc)."""
    ids = (a.id, b.id)
    note = _hedging_note(a, b)

    def says(v: CauseValue) -> str:
        who = facts.name(v.agent) if v.agent else "unnamed"
        what = f"{who} ({v.mechanism})" if v.mechanism else who
        return f"not {what}" if v.negated else what

    both = f"{says(va)} / {says(vb)}"
    # "the attackers", "the gunmen": doers named only by what they are may be anyone, the
    # other side's named doer included; such statements say how, and are compared by that.
    if va.agent and facts.actors.unnamed(va.agent):
        va = CauseValue(None, va.mechanism, va.negated)
    if vb.agent and facts.actors.unnamed(vb.agent):
        vb = CauseValue(None, vb.mechanism, vb.negated)
    if va.agent and vb.agent:
        same = facts.related(va.agent, vb.agent) or facts.actors.same(va.agent, vb.agent)
        if same and va.negated == vb.negated:
            return Comparison(a.slot, ids, "consistent", f"same agent: {both}{note}")
        if same:
            return Comparison(a.slot, ids, "contradictory", f"one denies the other: {both}{note}")
        if not va.negated and not vb.negated:
            return Comparison(a.slot, ids, "contradictory", f"different agents: {both}{note}")
        if va.negated and vb.negated:
            return Comparison(a.slot, ids, "not_comparable", f"two denials: {both}")
        return Comparison(a.slot, ids, "consistent", f"a denial and another agent: {both}{note}")
    ka, kb = mechanism_kind(va.mechanism), mechanism_kind(vb.mechanism)
    if va.negated != vb.negated:
        denied = va if va.negated else vb
        kind_d, kind_n = (ka, kb) if va.negated else (kb, ka)
        if denied.agent is None and (kind_d is None or kind_d == kind_n):
            return Comparison(
                a.slot, ids, "contradictory", f"one denies what the other names: {both}{note}"
            )
        return Comparison(a.slot, ids, "not_comparable", f"neither excludes the other: {both}")
    if rivals(ka, kb):
        return Comparison(
            a.slot, ids, "contradictory", f"rival explanations ({ka} vs {kb}): {both}{note}"
        )
    if ka and kb and ka == kb:
        return Comparison(a.slot, ids, "consistent", f"the same kind of act ({ka}): {both}{note}")
    wa, wb = _mechanism_word(va), _mechanism_word(vb)
    if wa and wa == wb:
        return Comparison(a.slot, ids, "consistent", f"the same thing named: {both}{note}")
    if ka and kb:
        return Comparison(
            a.slot, ids, "consistent", f"causes in a chain ({ka}, {kb}): {both}{note}"
        )
    return Comparison(a.slot, ids, "not_comparable", f"different things named: {both}")


def judge(a: Claim, b: Claim, facts: Facts) -> Comparison | None:
    """The verdict on two aligned claims of one slot; None for values of two kinds."""
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
        return _blame(a, b, va, vb, facts)
    if isinstance(va, CauseValue) and isinstance(vb, CauseValue):
        return _causes(a, b, va, vb, facts)
    return None
