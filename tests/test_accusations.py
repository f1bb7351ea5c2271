"""Responsibility and accusation claims, on articles of our own."""

from __future__ import annotations

import pytest


def edges(found) -> set[tuple[str | None, str | None]]:
    return {
        (found.name(c.value.accuser), found.name(c.value.accused)) for c in found.of("accusation")
    }


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("The president blamed Armenia for the bombing.", ("president", "Armenia")),
        ("Iran accused Israel of the attack on the consulate.", ("Iran", "Israel")),
        ("Israel was blamed by Iran for the attack.", ("Iran", "Israel")),
        (
            "Officials in Kabul blamed Pakistan and India for the attack.",
            ("Kabul officials", "Pakistan"),
        ),
        # The parser hangs "by" on "called"; the war crime is still pinned on its doer.
        (
            'The president called the attack "a deliberate war crime by the Armenians."',
            ("president", "Armenia"),
        ),
    ],
)
def test_blame_verbs(extract, text: str, edge: tuple[str, str]) -> None:
    assert edge in edges(extract(text))


def test_coordinated_accused_are_each_an_edge(extract) -> None:
    found = extract("Officials in Kabul blamed Pakistan and India for the attack.")
    assert {("Kabul officials", "Pakistan"), ("Kabul officials", "India")} <= edges(found)


def test_the_article_itself_accuses_with_its_authors_voice(extract) -> None:
    found = extract("Clearly the Kremlin had a hand in the bombing.", author="Jane Roe")
    assert ("Jane Roe", "Russia") in edges(found)


def test_organising_an_attack_accuses_the_organiser(extract) -> None:
    found = extract(
        "Perhaps Iranian intelligence organised the bombing of the embassy.", outlet="Daily Sample"
    )
    claim = found.of("accusation")[0]
    assert (found.name(claim.value.accuser), found.name(claim.value.accused)) == (
        "Daily Sample",
        "Iranian intelligence",
    )
    assert claim.hedged


def test_quoted_accuser_is_the_speaker(extract) -> None:
    found = extract("The minister said Hamas was behind the attack.")
    assert ("minister", "Hamas") in edges(found)


def test_involvement_in_the_attack(extract) -> None:
    found = extract("UK involvement in the bombing is plain to see.", author="Jane Roe")
    assert ("Jane Roe", "United Kingdom") in edges(found)


def test_denied_involvement_is_no_accusation(extract) -> None:
    found = extract("Ostrava denied any involvement in the attack.")
    assert edges(found) == set()


def test_asserted_blame_is_credited_to_the_accuser_a_forecast_is_not(extract) -> None:
    said = extract("Maduro quickly blamed Colombia.").of("accusation")[0]
    forecast = extract("Venezuela will blame Colombia for this sabotage.").of("accusation")[0]
    assert said.attributed_to == said.value.accuser and not said.hedged
    assert forecast.attributed_to is None and forecast.hedged


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Islamic State claimed responsibility for the bombing.", "Islamic State"),
        (
            "ISIS, which claimed responsibility for the ambush in Niger, released a statement.",
            "Islamic State",
        ),
        ("The Taliban took credit for the raid.", "Taliban"),
    ],
)
def test_responsibility(extract, text: str, actor: str) -> None:
    found = extract(text)
    assert [found.name(c.value.entity) for c in found.of("responsibility")] == [actor]


def test_no_group_claimed_responsibility(extract) -> None:
    assert extract("No group has claimed responsibility for the attack.").of("responsibility") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Reciprocal blame: one edge each way.
        (
            "Armenia and Azerbaijan accused each other of shelling the border village.",
            {("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")},
        ),
        (
            "India and Pakistan traded accusations after the blast at the checkpoint.",
            {("India", "Pakistan"), ("Pakistan", "India")},
        ),
        # "X is to blame", "responsibility lies with X", "pinned the blame on X".
        (
            "The governor said the responsibility lies fully with Serbia.",
            {("governor", "Serbia")},
        ),
        ("The minister pinned the blame on Chad.", {("minister", "Chad")}),
        # A war crime names a wrongdoer; the speaker accuses.
        (
            'The president said the shelling was a "deliberate Ethiopian war crime".',
            {("president", "Ethiopia")},
        ),
        # Legal blame.
        (
            "Prosecutors charged 12 engineers with negligence over the collapse.",
            {("Prosecutors", "engineers")},
        ),
    ],
)
def test_more_ways_of_blaming(extract, text: str, expected: set) -> None:
    found = edges(extract(text))
    for accuser, accused in expected:
        assert any(
            a is not None
            and b is not None
            and accuser.lower() in a.lower()
            and accused.lower() in b.lower()
            for a, b in found
        ), found


def test_a_battery_charged_is_no_blame(extract) -> None:
    assert extract("The battery was charged with solar power.").of("accusation") == []


def test_a_possessor_the_parser_made_an_object_gives_way_to_what_it_owns(extract) -> None:
    # spaCy reads "Sudan" and "Brigade" as two objects of "accused".
    found = extract("The ministry accused Sudan’s notorious Tiger Brigade of shelling the school.")
    accused = {found.name(c.value.accused) for c in found.of("accusation")}
    assert accused and all("Tiger Brigade" in a for a in accused), accused


def test_direct_objects_as_the_parser_misreads_them(nlp) -> None:
    from spacy.tokens import Doc

    from newsprism.extract.entities import direct_objects

    # As spaCy reads "accused Sudan's neo-Nazi Tiger Brigade": three objects, one a hyphen.
    words = ["accused", "Sudan", "\u2019s", "neo", "-", "Nazi", "Tiger", "Brigade"]
    heads = [0, 0, 1, 0, 0, 7, 7, 4]
    deps = ["ROOT", "dobj", "case", "dobj", "dobj", "compound", "compound", "appos"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in direct_objects(doc[0])] == ["neo", "Brigade"]


def test_saying_another_is_responsible_blames_and_saying_it_of_oneself_claims(extract) -> None:
    blame = extract(
        'The minister said: "The Red Hand is responsible for the attack on the market."'
    )
    assert ("minister", "Red Hand") in edges(blame)
    claim = extract("The Red Hand said it was responsible for the attack on the market.")
    assert [claim.name(c.value.entity) for c in claim.of("responsibility")] == ["Red Hand"]
    assert not claim.of("accusation")
    denial = extract("Police said the Red Hand was not responsible for the attack on the market.")
    assert not denial.of("accusation") and not denial.of("responsibility")
