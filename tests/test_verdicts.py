"""Verdict rules on claims of our own, built by hand: scope, time, causes, places, blame."""

from __future__ import annotations

import pytest

from newsprism.compare.mechanisms import mechanism_kind, rivals
from newsprism.compare.report_time import earlier_first, report_time
from newsprism.compare.verdicts import Facts, judge
from newsprism.model.types import (
    AccusationValue,
    Article,
    CauseValue,
    Claim,
    ClaimValue,
    DateValue,
    Entity,
    EntityValue,
    NumberValue,
)

ENTITIES = [
    Entity("E1", "Russia", "GPE"),
    Entity("E2", "Russian air force", "ORG", part_of=None),
    Entity("E3", "Russian fighter aircraft", "ORG"),
    Entity("E4", "Ukrainian military forces", "ORG"),
    Entity("E5", "Tiger Brigade", "ORG"),
    Entity("E6", "Tiger militants", "ORG"),
    Entity("E7", "Lyon", "GPE"),
    Entity("E8", "France", "GPE"),
    Entity("E9", "Marseille", "GPE"),
    Entity("E10", "Central Drama Theatre", "FAC"),
    Entity("E11", "Grand Central Drama Theater", "FAC"),
    Entity("E12", "the mayor", "PERSON"),
    Entity("E13", "the governor", "PERSON"),
    Entity("E14", "Falcon Group PMC", "ORG"),
    Entity("E15", "PVK Falcon", "ORG"),
    Entity("E16", "Rhone", "LOC"),
    Entity("E17", "attackers", "NORP"),
    Entity("E18", "gunmen", "NORP"),
]


def article(aid: str, text: str, published: str | None = "2031-04-02", **extra: str) -> Article:
    return Article(
        aid, f"{aid}.txt", text, "0", outlet=f"Outlet {aid}", published=published, extra=dict(extra)
    )


def claim(cid: str, art: Article, slot: str, value: ClaimValue, **kw: object) -> Claim:
    return Claim(cid, art.id, 0, len(art.text), slot, value, 0, len(art.text), **kw)  # type: ignore[arg-type]


def facts(*articles: Article) -> Facts:
    return Facts(entities={e.id: e for e in ENTITIES}, articles={a.id: a for a in articles})


A = article("A", "Officials said 40 people were killed.")
B = article("B", "Officials said 55 people were killed.")


def verdict(
    slot: str, va: ClaimValue, vb: ClaimValue, a: Article = A, b: Article = B, **kw: object
) -> tuple[str, str, bool]:
    ca, cb = claim("a", a, slot, va, **kw), claim("b", b, slot, vb)
    got = judge(ca, cb, facts(a, b))
    assert got is not None
    return got.verdict, got.reason, got.update


# -- scope ---------------------------------------------------------------------------------


def test_counts_of_different_scope_are_not_comparable() -> None:
    v, reason, _ = verdict(
        "injured", NumberValue("=", 12, scope="hospitalized"), NumberValue("=", 40)
    )
    assert v == "not_comparable" and "hospitalized vs all" in reason


def test_counts_of_one_scope_are_compared() -> None:
    v, _, _ = verdict(
        "killed", NumberValue("=", 9, scope="children"), NumberValue(">=", 8, scope="children")
    )
    assert v == "consistent"


# -- time ----------------------------------------------------------------------------------


def test_a_later_smaller_figure_is_a_contradiction_unless_called_a_revision() -> None:
    early = article("E", "The toll stood at 60.", "2031-04-02")
    late = article("L", "The toll is 45.", "2031-04-03")
    v, _, update = verdict("killed", NumberValue("=", 60), NumberValue("=", 45), early, late)
    assert v == "contradictory" and not update
    revised = article("R", "The toll was revised to 45.", "2031-04-03")
    v, reason, update = verdict(
        "killed", NumberValue("=", 60), NumberValue("=", 45), early, revised
    )
    assert v == "contradictory" and update and "was revised from exactly 60" in reason


def test_report_times_order_days_then_clocks_then_words() -> None:
    one = article("X", "The toll has risen to 9.", "2031-04-02", published_time="07:00")
    two = article("Y", "Nine died.", "2031-04-02", published_time="21:30")
    undated = article("Z", "Initially 3 were reported dead.", None)
    c1 = claim("1", one, "killed", NumberValue("=", 9))
    c2 = claim("2", two, "killed", NumberValue("=", 9))
    c3 = claim("3", undated, "killed", NumberValue("=", 3))
    assert earlier_first(report_time(c1, one), report_time(c2, two)) is True
    # Nothing orders an undated report against a dated one, whatever its words say.
    assert earlier_first(report_time(c3, undated), report_time(c2, two)) is None
    assert report_time(c3, undated).step == -1 and report_time(c1, one).step == 1


def test_a_week_holds_its_days_and_undated_days_compare_by_month_and_day() -> None:
    last_week = DateValue("2031-03-25", as_written="last week")
    v, _, _ = verdict("event_date", last_week, DateValue("2031-03-27", as_written="March 27"))
    assert v == "consistent"
    v, _, _ = verdict("event_date", DateValue(None, "on May 3"), DateValue(None, "3 May"))
    assert v == "consistent"
    v, _, _ = verdict("event_date", DateValue(None, "on May 3"), DateValue("2031-05", "in May"))
    assert v == "consistent"
    v, _, _ = verdict("event_date", DateValue(None, "on May 3"), DateValue(None, "May 4"))
    assert v == "contradictory"
    v, _, _ = verdict("event_date", DateValue(None, "on Friday"), DateValue(None, "May 4"))
    assert v == "not_comparable"


# -- causes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        # One state's organs, however named, are one agent.
        (CauseValue("E2", "bomb"), CauseValue("E3", "bombs"), "consistent"),
        (CauseValue("E1", "air strike"), CauseValue("E2", "bomb"), "consistent"),
        # A unit named by its name is the same unit under another generic word ...
        (CauseValue("E5", "blew up"), CauseValue("E6", "blowing up"), "consistent"),
        (CauseValue("E14", "explosion"), CauseValue("E15", "explosions"), "consistent"),
        # ... and not the state's regular forces: which of them acted is the dispute.
        (CauseValue("E5", "blew up"), CauseValue("E4", "shelling"), "contradictory"),
        (CauseValue("E2", "bomb"), CauseValue("E4", "rockets"), "contradictory"),
        # A denial of the agent the other names, under any of its names.
        (CauseValue("E1", "bombing", negated=True), CauseValue("E2", "bomb"), "contradictory"),
        # A denial and a different agent do not collide; two denials say nothing together.
        (CauseValue("E1", "bombing", negated=True), CauseValue("E5", "blew up"), "consistent"),
        (
            CauseValue("E1", None, negated=True),
            CauseValue("E4", None, negated=True),
            "not_comparable",
        ),
    ],
)
def test_cause_agents_and_denials(one: CauseValue, other: CauseValue, expected: str) -> None:
    v, reason, _ = verdict("cause", one, other)
    assert v == expected, reason


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        (CauseValue(None, "missile strike"), CauseValue(None, "rocket attack"), "consistent"),
        # Rival explanations of one harm: a strike from outside or charges set off inside;
        # shots or a crush.
        (CauseValue(None, "air strike"), CauseValue(None, "blown up from inside"), "contradictory"),
        (CauseValue(None, "gunfire"), CauseValue(None, "stampede"), "contradictory"),
        # A chain: a storm, the neglect of a levee, its collapse.
        (CauseValue(None, "storm"), CauseValue(None, "levee collapse"), "consistent"),
        (CauseValue(None, "negligence"), CauseValue(None, "levee collapse"), "consistent"),
        # A denial of the kind of act the other names.
        (
            CauseValue(None, "rocket fire", negated=True),
            CauseValue(None, "missile strike"),
            "contradictory",
        ),
        (CauseValue(None, None, negated=True), CauseValue(None, "missile strike"), "contradictory"),
        (CauseValue(None, "a decision"), CauseValue(None, "an order"), "not_comparable"),
    ],
)
def test_mechanisms_by_kind(one: CauseValue, other: CauseValue, expected: str) -> None:
    v, reason, _ = verdict("cause", one, other)
    assert v == expected, reason


def test_mechanism_kinds_and_rivals() -> None:
    assert mechanism_kind("a drone strike") == "strike"
    assert mechanism_kind("explosives planted inside") == "sabotage"
    assert mechanism_kind("the dam burst") == "failure"
    assert mechanism_kind("a crush at the gate") == "crush"
    assert mechanism_kind("an explosion") == "explosion"
    assert mechanism_kind(None) is None and mechanism_kind("a decision") is None
    assert rivals("strike", "sabotage") and not rivals("strike", "explosion")


def test_hedged_against_asserted_is_noted() -> None:
    _, reason, _ = verdict("cause", CauseValue("E2", "bomb"), CauseValue("E3", "bomb"), hedged=True)
    assert "one is hedged, the other asserted" in reason


# -- places --------------------------------------------------------------------------------


def test_a_town_lies_in_its_country_by_the_gazetteer() -> None:
    v, reason, _ = verdict("event_location", EntityValue("E7"), EntityValue("E8"))
    assert v == "consistent" and "lies in" in reason
    v, _, _ = verdict("event_location", EntityValue("E7"), EntityValue("E9"))
    assert v == "contradictory"
    # A venue in a town and the town's country: consistent through the gazetteer.
    v, _, _ = verdict("event_location", EntityValue("E10", within="E7"), EntityValue("E8"))
    assert v == "consistent"


def test_one_venue_under_two_spellings_and_in_two_towns() -> None:
    same = verdict("event_location", EntityValue("E10", within="E7"), EntityValue("E11"))
    assert same[0] == "consistent"
    apart = verdict(
        "event_location", EntityValue("E10", within="E7"), EntityValue("E11", within="E9")
    )
    assert apart[0] == "contradictory" and "Lyon vs Marseille" in apart[1]


def test_a_venue_and_an_unrelated_region_are_not_comparable() -> None:
    v, _, _ = verdict("event_location", EntityValue("E10"), EntityValue("E16"))
    assert v == "not_comparable"


# -- blame ---------------------------------------------------------------------------------


def test_blame_is_compared_only_within_one_accuser() -> None:
    v, reason, _ = verdict("accusation", AccusationValue("E12", "E5"), AccusationValue("E13", "E1"))
    assert v == "not_comparable" and "different accusers" in reason
    v, reason, _ = verdict("accusation", AccusationValue("E12", "E5"), AccusationValue("E12", "E1"))
    assert v == "contradictory" and "blaming two different parties" in reason
    v, _, _ = verdict("accusation", AccusationValue("E12", "E1"), AccusationValue("E12", "E2"))
    assert v == "consistent"


def test_the_same_mechanism_word_agrees_even_of_no_known_kind() -> None:
    v, _, _ = verdict(
        "cause", CauseValue("E1", "vacuum weapons"), CauseValue(None, "vacuum weapon")
    )
    assert v == "consistent"


def test_doers_named_only_by_what_they_are_are_compared_by_how() -> None:
    # "the attackers" and "the gunmen" are the same unknown doers, not two rival agents.
    v, reason, _ = verdict("cause", CauseValue("E17", "shooting"), CauseValue("E18", "opened fire"))
    assert v == "consistent" and "gunfire" in reason
    # Unnamed doers may be the named unit: only how it was done can collide.
    v, _, _ = verdict("cause", CauseValue("E17", "shooting"), CauseValue("E5", "shooting"))
    assert v == "consistent"
    v, _, _ = verdict("cause", CauseValue("E17", "stampede"), CauseValue("E5", "shooting"))
    assert v == "contradictory"
