"""When and where: event dates, places, distances, and older events recalled in passing."""

from __future__ import annotations

from newsprism.model.types import NumberValue


def test_event_date_resolved_against_publication(extract) -> None:
    found = extract(
        "Gunmen attacked the Harbour Market on Saturday, killing 12 people.", date="2026-03-15"
    )
    (claim,) = found.of("event_date")
    assert (claim.value.date, claim.value.as_written) == ("2026-03-14", "Saturday")


def test_relative_date_without_publication_date_stays_unknown(extract) -> None:
    (claim,) = extract("Last Friday, a car bomb exploded outside the court in Harlow.").of(
        "event_date"
    )
    assert claim.value.date is None and claim.value.as_written == "Last Friday"


def test_a_date_of_another_act_is_not_the_event_date(extract) -> None:
    found = extract(
        "The government on Tuesday denied any role in Saturday's attack on the market.",
        date="2026-03-17",
    )
    assert [c.value.date for c in found.of("event_date")] == ["2026-03-14"]


def test_the_day_of_a_report_is_not_the_event_date(extract) -> None:
    found = extract(
        "Rebels shelled the depot in Harlow, the press office of the ministry reported on Friday. "
        "The shelling of the depot on Tuesday killed 9 people.",
        date="2026-03-20",
    )
    assert [c.value.date for c in found.of("event_date")] == ["2026-03-17"]
    assert [c.value.value for c in found.of("killed")] == [9]  # the event's, not another's


def test_event_location_is_the_most_specific_place(extract) -> None:
    found = extract("Two gunmen stormed the Orla Theatre in Lyon and killed 40 people.")
    places = {
        found.name(c.value.entity): found.name(c.value.within) for c in found.of("event_location")
    }
    # The venue, with the city it lies in; the city, with its region from the gazetteer.
    assert places["Orla Theatre"] == "Lyon"
    assert places["Lyon"] is not None
    city = extract("A bomb exploded in Harlow on Monday, killing 12 people.")
    assert {city.name(c.value.entity) for c in city.of("event_location")} == {"Harlow"}


def test_distance_keeps_its_reference_point(extract) -> None:
    found = extract("The smugglers were arrested 62 kilometers from the Chilean border.")
    (claim,) = found.of("quantity")
    assert (claim.value.value, claim.value.unit, claim.value.reference) == (
        62,
        "km",
        "the Chilean border",
    )


def test_older_event_toll_is_not_this_events_toll(extract) -> None:
    found = extract(
        "A bomb killed 30 people in Harlow on Monday. "
        "The deadliest earlier attack was the bombing of a train in 2011. "
        "96 people lost their lives in this attack. "
        "In the Norsk market bombing in 2016, 22 people lost their lives.",
        date="2024-03-20",
    )
    # This event's slots hold only this event's toll; the others' go to `other`, each tied
    # to its incident.
    assert [c.value.value for c in found.of("killed")] == [30]
    assert all(c.subject is None for c in found.of("killed") + found.of("event_date"))
    others = {
        c.value.value: found.name(c.subject)
        for c in found.of("other")
        if c.subject and isinstance(c.value, NumberValue)
    }
    assert "2011" in others[96] and "2016" in others[22]
    older_dates = {c.value.date for c in found.of("other") if hasattr(c.value, "date")}
    assert {"2011", "2016"} <= older_dates


def test_attackers_of_an_earlier_attack_are_that_attacks(extract) -> None:
    found = extract(
        "Three gunmen raided the bank last Tuesday. "
        "Recall the bus attack on June 3 in Harlow. "
        "The five attackers surrendered to the police."
    )
    counts = {c.value.value: found.name(c.subject) for c in found.of("perpetrators")}
    assert counts == {3: None}
    earlier = {
        c.value.value: found.name(c.subject)
        for c in found.of("other")
        if c.subject and isinstance(c.value, NumberValue)
    }
    assert "June 3" in earlier[5]


def test_many_more_wounded(extract) -> None:
    found = extract("The rebels opened fire on the convoy, killing over 60 and wounding many more.")
    (injured,) = found.of("injured")
    assert (injured.value.op, injured.value.value) == (">", 60)
    assert found.words(injured) == "many more"


def test_a_date_inside_a_longer_time_expression_dates_the_event(extract) -> None:
    found = extract(
        "On the night of March 3, explosions rang out at the depot. "
        "On March 3, 2025, at least 12 workers died in the bombardment of the depot.",
        date="2025-03-10",
    )
    assert {c.value.date for c in found.of("event_date")} == {"2025-03-03"}
