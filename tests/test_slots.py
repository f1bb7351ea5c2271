"""Which slot a number fills, on sentences of our own for every rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.extract.slots import classify_quantity
from newsprism.nlp.quantities import find_quantities


def slots(nlp: Language, text: str) -> list[tuple[str, float]]:
    return [(classify_quantity(q), q.value) for q in find_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 40 people at the station.", [("killed", 40)]),
        ("In the explosion 12 workers were killed.", [("killed", 12)]),
        ("The raid left 9 villagers dead.", [("killed", 9)]),
        ("Seven people died when the bridge collapsed.", [("killed", 7)]),
        ("96 passengers lost their lives in the crash.", [("killed", 96)]),
        ("The flood claimed more than 80 lives.", [("killed", 80)]),
        ("The death toll rose to 87 on Sunday.", [("killed", 87)]),
        ("Rebels murdered over 30 and wounded many more.", [("killed", 30)]),
        (
            "At least 40 people were killed and more than 60 wounded.",
            [("killed", 40), ("injured", 60)],
        ),
        ("The shelling injured 25 civilians.", [("injured", 25)]),
        ("Three fishermen are missing after the storm.", [("missing", 3)]),
        ("Three masked assailants stormed the depot.", [("perpetrators", 3)]),
        ("The two gunmen fled on a motorbike.", [("perpetrators", 2)]),
        ("Three armed men carried out the attack.", [("perpetrators", 3)]),
        ("Police arrested two suspects overnight.", [("arrested", 2)]),
        ("Six men were detained at the border.", [("arrested", 6)]),
        ("The search ended with the arrest of one suspect.", [("arrested", 1)]),
        ("The hall seats 6,000 spectators.", [("quantity", 6000)]),
        ("They were stopped 62 kilometers from the coast.", [("quantity", 62)]),
    ],
)
def test_slot(nlp: Language, text: str, expected: list[tuple[str, float]]) -> None:
    assert slots(nlp, text) == expected


def test_attackers_who_kill_are_not_the_dead(nlp: Language) -> None:
    found = dict((v, s) for s, v in slots(nlp, "Two gunmen killed 20 shoppers."))
    assert found == {2: "perpetrators", 20: "killed"}


@pytest.mark.parametrize(
    "text",
    [
        "Gallery: 12 photos.",  # no verb
        "Casualties, 2024: see page 4.",
        "In 2022, the militia killed civilians.",  # a year
        "The first victims were killed at 9 a.m.",  # an ordinal, a time
        "Visit https://example.org/killed/87 for the list of the dead.",  # a URL
    ],
)
def test_not_head_counts(nlp: Language, text: str) -> None:
    found = slots(nlp, text)
    assert all(slot == "quantity" for slot, _ in found)
    assert all(value not in (2022, 2024, 87, 1) for _, value in found)


def test_percentage_is_a_measure_not_a_count(nlp: Language) -> None:
    (q,) = find_quantities(nlp("Support for the army fell to 40 percent."))
    assert (q.value, q.unit, classify_quantity(q)) == (40, "%", "quantity")


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("Rescuers said some 300 perished in the stadium.", "killed", 300),
        ("Relief groups counted 600 dead in the valley.", "killed", 600),
        ("The rebels reported 53 dead soldiers and 75 wounded.", "killed", 53),
        ("The rebels reported 53 dead soldiers and 75 wounded.", "injured", 75),
        ("As many as 20,000 are believed dead.", "killed", 20000),
        ("The death toll in the port has soared to 11,300.", "killed", 11300),
        ("Health authorities had put the death toll at 5,500.", "killed", 5500),
        ("73 miners were hospitalized with severe burns.", "injured", 73),
        ("About 150 soldiers received injuries of varying severity.", "injured", 150),
        ("Forensic teams identified 12 of the dead.", "killed", 12),
    ],
)
def test_more_ways_of_stating_a_toll(extract, text: str, slot: str, value: int) -> None:
    assert value in [c.value.value for c in extract(text).of(slot)]


@pytest.mark.parametrize(
    "text",
    ["The company sold 40 dead trees.", "The toll could reach one-fifth of the population."],
)
def test_things_and_fractions_are_no_toll(extract, text: str) -> None:
    found = extract(text)
    assert not [c for c in found.of("killed") if c.value.value in (40, 1)]


def test_counts_keep_their_scope(extract) -> None:
    found = extract(
        "73 miners were hospitalized. Forensic teams identified 12 of the dead. "
        "The clinic treated 58 patients."
    )
    scopes = {c.value.value: c.value.scope for c in found.of("injured") + found.of("killed")}
    assert scopes == {73: "hospitalized", 12: "identified_dead", 58: "hospitalized"}


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("The blast may have killed closer to 600 people inside the hall.", "approx", 600),
        ("Forensic teams identified 12 of the dead.", ">=", 12),
    ],
)
def test_bounds_a_toll_implies(extract, text: str, op: str, value: int) -> None:
    (toll,) = extract(text).of("killed")
    assert (toll.value.op, toll.value.value) == (op, value)


@pytest.mark.parametrize(
    ("text", "slot", "low", "high"),
    [
        # A count right before a passive harm verb is its subject, however the parser hangs it.
        ("The blast killed 20 people and another 15 to 30 were injured.", "injured", 15, 30),
        ("Medics said between 20 and 35 people were hurt in the crush.", "injured", 20, 35),
        ("The quake killed 12 people and 30 were later reported missing.", "missing", 30, None),
        # A range whose ends are bounds, on a toll.
        (
            "Estimates gave death tolls ranging from more than 300 to over 1,100.",
            "killed",
            300,
            1100,
        ),
    ],
)
def test_counts_before_passive_verbs_and_ranges_of_bounds(
    extract, text: str, slot: str, low: int, high: int | None
) -> None:
    values = [(c.value.value, c.value.high) for c in extract(text).of(slot)]
    assert (low, high) in values


def test_a_count_before_a_passive_verb_is_not_the_earlier_verb_s(extract) -> None:
    found = extract("The blast killed 20 people and another 15 to 30 were injured.")
    assert [c.value.value for c in found.of("killed")] == [20]


def test_the_seriously_injured_are_a_part_of_the_injured(extract) -> None:
    found = extract(
        "Police said 75 were critically injured. Doctors treated 4 badly hurt patients."
    )
    assert [c.value.scope for c in found.of("injured") if c.value.value == 75] == [
        "seriously_injured"
    ]


def test_a_figures_box_labels_its_numbers(extract) -> None:
    found = extract("The floods hit the coast.\nDead 1,204 Missing 3,000 Displaced 9,500\n")
    assert [c.value.value for c in found.of("killed")] == [1204]
    assert [c.value.value for c in found.of("missing")] == [3000]


def test_a_label_word_inside_a_sentence_is_not_a_box(extract) -> None:
    found = extract("Rescuers found the missing 40 hikers alive on Monday.")
    assert not found.of("missing")
