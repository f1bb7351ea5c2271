"""Cause claims: what or who caused the event, with denials, on sentences of our own."""

from __future__ import annotations

import pytest


def causes(found) -> set[tuple[str | None, bool]]:
    """(agent name, negated) of every cause claim."""
    return {(found.name(c.value.agent), c.value.negated) for c in found.of("cause")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An act verb with its doer, active and passive.
        ("Syrian forces shelled the market in Idlib on Monday.", ("Syria", False)),
        ("The hospital in Kunduz was bombed by American aircraft.", ("aircraft", False)),
        # A mechanism with its owner: an adjective of nationality, a possessive, "by".
        ("A Turkish airstrike hit the village, killing nine.", ("Turkey", False)),
        ("The shelling by Ethiopian troops destroyed the bridge.", ("Ethiopian troops", False)),
        # A named force of nature.
        ("Cyclone Idai hit the port of Beira on Thursday.", ("Idai", False)),
        # Denials: of the act, of responsibility, and "not caused by".
        # "its jets" are the army's own: the army is the agent it denies.
        (
            "The Sudanese army denied that its jets bombed the market.",
            ("Sudanese Armed Forces", True),
        ),
        ("Mexico's navy denied responsibility for the blast.", ("Mexican navy", True)),
        ("The fire was not caused by Serbian rockets, inspectors said.", ("Serbia", True)),
    ],
)
def test_cause_with_agent_and_polarity(extract, text: str, expected) -> None:
    found = causes(extract(text))
    assert any(
        name is not None and expected[0].lower() in name.lower() and negated == expected[1]
        for name, negated in found
    ), found


def test_mechanism_without_agent_names_no_agent(extract) -> None:
    found = extract("A missile strike on a depot near Kramatorsk killed seven people.")
    (claim,) = found.of("cause")
    assert claim.value.agent is None and not claim.value.negated
    assert "strike" in claim.value.mechanism


def test_a_weapons_maker_is_not_its_user(extract) -> None:
    found = extract("Fragments of US-made rockets were found near the depot after the strike.")
    assert all(found.name(c.value.agent) != "United States" for c in found.of("cause"))


def test_structure_failures_are_causes_and_floods_are_the_event(extract) -> None:
    dams = extract("Two dams above the town collapsed after days of rain.")
    assert [c.value.agent for c in dams.of("cause")] == [None]
    flood = extract("The floods damaged many roads in the valley.")
    assert flood.of("cause") == []


def test_accused_of_an_act_is_its_doer_and_a_blame(extract) -> None:
    found = extract("Kenya accused Somali militants of bombing the bus.")
    assert ("militants", False) in {
        (found.name(c.value.agent), c.value.negated) for c in found.of("cause")
    } or any("Somali" in (found.name(c.value.agent) or "") for c in found.of("cause"))
    assert any(found.name(c.value.accuser) == "Kenya" for c in found.of("accusation"))


def test_speaker_of_a_cause_is_attributed(extract) -> None:
    found = extract("Local officials said an Indian drone struck the checkpoint.")
    (claim,) = [c for c in found.of("cause") if c.value.agent]
    assert found.name(claim.value.agent) == "India"
    assert "officials" in (found.name(claim.attributed_to) or "").lower()


def test_an_earlier_incident_gives_no_cause(extract) -> None:
    found = extract(
        "A car bomb exploded in Harlow on Monday. "
        "In 2019 a Ruritanian airstrike hit the same market, killing 12."
    )
    assert all(found.name(c.value.agent) != "Ruritania" for c in found.of("cause"))


def test_called_a_lie_negates(extract) -> None:
    found = extract(
        'The ministry called reports of the shelling by Freedonian troops "a blatant lie".'
    )
    assert any(c.value.negated for c in found.of("cause"))


@pytest.mark.parametrize(
    ("text", "agent", "negated"),
    [
        # A force that breaks a structure, with the structure's failure the cause.
        ("The river burst two levees and swept away homes.", None, False),
        # A causal link whose effect is the disaster.
        ("Inspectors attribute the disaster to negligence by the operator.", None, False),
        ("The collapse of the bridge was partly due to its design.", None, False),
        # The accused of an act is its doer, also through a relative pronoun.
        (
            "The army blamed the blast on the Lions Brigade, "
            "which it accused of blowing up the bridge.",
            "Lions Brigade",
            False,
        ),
        # A denial about a mechanism: "disinformation about", a cleft with "not".
        ("Officials dismissed disinformation about a missile strike on the dam.", None, True),
        ("It was not a Bolivian drone that hit the depot, the ministry said.", "Bolivia", True),
    ],
)
def test_more_ways_of_stating_a_cause(extract, text: str, agent, negated: bool) -> None:
    found = causes(extract(text))
    assert any(
        (name is None if agent is None else name is not None and agent in name) and neg == negated
        for name, neg in found
    ), found


def test_reciprocal_blame_names_no_doer(extract) -> None:
    found = extract("Niger and Mali accused each other of shelling the border post.")
    assert all(c.value.agent is None for c in found.of("cause"))
    assert all(c.attributed_to is None for c in found.of("cause"))


@pytest.mark.parametrize(
    "second",
    [
        "Of course, this is a lie.",
        "Maria Petrova, the ministry spokeswoman, called it a lie.",
        "The ministry called the report a fabrication.",
    ],
)
def test_calling_it_a_lie_denies_the_cause_stated_before(extract, second: str) -> None:
    found = extract(f"Officials said Freedonian jets bombed the school. {second}")
    polarity = {(found.name(c.value.agent), c.value.negated) for c in found.of("cause")}
    assert ("Freedonian jets", False) in polarity and ("Freedonian jets", True) in polarity


def test_a_headline_accused_is_the_doer_not_the_speaker(extract) -> None:
    found = extract("Arvonian police accused of firing on queue for food parcels")
    (claim,) = found.of("cause")
    assert "police" in (found.name(claim.value.agent) or "")
    assert claim.attributed_to is None


def test_a_stampede_is_a_cause_without_a_doer(extract) -> None:
    found = extract("Most of the dead were crushed in a stampede, the ministry said.")
    assert any(c.value.mechanism == "stampede" for c in found.of("cause"))


def test_a_causal_link_to_the_event_itself(extract) -> None:
    found = extract(
        "This tragic event, triggered by Cyclone Freddy's intense rainfall, led to the failure "
        "of a series of dams."
    )
    assert any("Freddy" in (found.name(c.value.agent) or "") for c in found.of("cause"))


def test_the_collapse_of_a_series_of_structures_states_a_cause(extract) -> None:
    found = extract("Investigators examined the collapse of a series of levees upstream.")
    assert [c.value.agent for c in found.of("cause")] == [None]


def test_it_in_a_body_s_reported_clause_is_the_body(extract) -> None:
    found = extract("The army said it did not fire at the crowd.")
    (denial,) = found.of("cause")
    assert denial.value.negated and found.name(denial.value.agent) == "army"


def test_the_army_after_a_named_army_is_that_army(extract) -> None:
    found = extract(
        "The IDF said troops were deployed near the convoy. The army said it did not fire."
    )
    assert [found.name(c.value.agent) for c in found.of("cause")] == ["IDF"]


def test_tanks_fire_for_their_owner(extract) -> None:
    found = extract("Witnesses saw Syrian tanks firing towards the crowd.")
    assert [found.name(c.value.agent) for c in found.of("cause")] == ["Syria"]


def test_deaths_resulting_from_trampling(extract) -> None:
    found = extract("Most fatalities resulted from trampling, the army said.")
    assert [c.value.agent for c in found.of("cause")] == [None]


@pytest.mark.parametrize(
    ("text", "agent", "mechanism"),
    [
        # The platform a weapon came from names its user.
        ("Two bombs dropped from a Syrian jet destroyed the school in Idlib.", "Syria", "bombs"),
        ("The depot was hit by a missile launched from an Iranian ship.", "Iran", "missile"),
        # Laying a charge is the act; "the X side" is the state.
        (
            "Ethiopian troops could have planted explosives inside the depot.",
            "Ethiopian",
            "explosives",
        ),
        ("The Ethiopian side used long-range rockets against the depot.", "Ethiopia", "rockets"),
    ],
)
def test_agents_from_platforms_charges_and_sides(
    extract, text: str, agent: str, mechanism: str
) -> None:
    found = extract(text)
    got = [(found.name(c.value.agent) or "", c.value.mechanism or "") for c in found.of("cause")]
    assert any(agent in a and mechanism in m for a, m in got), got


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "The foreign ministry denied accusations that the Syrian army had bombed the school.",
            "Syria",
        ),
        ("The ministry denied reports that Sudanese troops had shelled the market.", "Sudan"),
    ],
)
def test_a_denied_accusation_denies_the_accused_act(extract, text: str, agent: str) -> None:
    found = extract(text)
    got = [(found.name(c.value.agent) or "", c.value.negated) for c in found.of("cause")]
    # One claim: the act denied, with its doer; not a bare denial by the ministry.
    assert len(got) == 1 and agent in got[0][0] and got[0][1], got


def test_a_relative_clause_hung_on_the_wrong_noun_keeps_its_doer(nlp) -> None:
    from spacy.tokens import Doc

    from newsprism.extract.cause import _subject

    # As the parser sometimes reads it: "used" hangs on "actions", not on "side".
    words = ["actions", "by", "the", "Ethiopian", "side", "that", "used", "guns"]
    heads = [0, 0, 4, 4, 1, 6, 0, 6]
    deps = ["ROOT", "prep", "det", "amod", "pobj", "nsubj", "relcl", "dobj"]
    pos = ["NOUN", "ADP", "DET", "ADJ", "NOUN", "PRON", "VERB", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject = _subject(doc[6])
    assert subject is not None and subject.text == "side"


def test_an_act_named_in_what_someone_called_it_is_the_doer_s(extract) -> None:
    found = extract(
        "The general said the Tiger Brigade militants had committed what he called "
        '"a new bloody provocation by blowing up the school building they had mined."'
    )
    got = [(found.name(c.value.agent) or "", c.value.negated) for c in found.of("cause")]
    assert any("Tiger Brigade" in a and not n for a, n in got), got
