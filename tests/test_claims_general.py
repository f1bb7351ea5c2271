"""The claim layer's general rules, on events of our own from many countries.

Another incident's figures stay out of this event's slots; relayed quotes credit the one
who spoke; one person spelled two ways in two articles is one entity; places keep their
modifiers out and know the region they lie in; causes keep their polarity.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.model.types import DateValue, NumberValue

PUBLISHED = "2025-06-12"  # a Thursday


def counts(found, slot: str) -> list[float]:
    return [c.value.value for c in found.of(slot) if isinstance(c.value, NumberValue)]


def places(found) -> dict[str | None, str | None]:
    """Each event_location claim's place, with the place it lies in."""
    return {
        found.name(c.value.entity): found.name(c.value.within) for c in found.of("event_location")
    }


# --- Another incident's figure -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "toll", "when", "figure", "recalled"),
    [
        (
            "A landslide in Kandy killed 9 people on Tuesday. "
            "In 2019 a bombing in Galle killed 12.",
            9,
            "Tuesday",
            12,
            "2019",
        ),
        (
            "Shelling killed 6 people in Kharkiv on Sunday. "
            "Since the war began, 3,000 civilians have died in the city.",
            6,
            "Sunday",
            3000,
            "Since the war began",
        ),
        (
            "A suicide bomber killed 8 worshippers at a mosque in Peshawar on Friday. "
            "Last year's attack on the same mosque killed 20 people.",
            8,
            "Friday",
            20,
            "Last year's",
        ),
        (
            "Gunmen killed 5 traders at a market in Maiduguri on Monday. "
            "The market was also attacked in 2021, when 40 people died.",
            5,
            "Monday",
            40,
            "2021",
        ),
        (
            "A stampede at a stadium in Kinshasa killed 11 fans on Saturday. "
            "In March 2020 a similar stampede in the city killed 14.",
            11,
            "Saturday",
            14,
            "2020",
        ),
        (
            "A car bomb killed 15 people in Kabul on Sunday. The attack was the deadliest "
            "since 2019, when a bombing in the capital killed 45 people.",
            15,
            "Sunday",
            45,
            "2019",
        ),
        (
            "An earthquake struck Antakya on Monday, killing 31 people. "
            "Three years ago, an earthquake in the same province killed 300 people.",
            31,
            "Monday",
            300,
            "Three years ago",
        ),
        (
            "Floods swept through Valencia on Tuesday, killing 14 people. "
            "The floods of 1957 killed 81 people in the city.",
            14,
            "Tuesday",
            81,
            "1957",
        ),
        pytest.param(
            "Gunmen killed 6 villagers in Zamfara on Sunday. "
            "So far this year, 400 people have been killed in the state.",
            6,
            "Sunday",
            400,
            "So far this year",
        ),
        pytest.param(
            "A bus crashed near Arequipa on Monday, killing 19 passengers. "
            "Last year's crash on the same road killed 27 people.",
            19,
            "Monday",
            27,
            "Last year's",
        ),
        pytest.param(
            "A bomb killed 30 people in Quetta on Monday. The deadliest earlier disaster was "
            "the sinking of a ferry in 2011. 96 people lost their lives in that disaster.",
            30,
            "Monday",
            96,
            "2011",
        ),
    ],
)
def test_another_incidents_figure_is_kept_apart(
    extract, text: str, toll: int, when: str, figure: int, recalled: str
) -> None:
    found = extract(text, date=PUBLISHED)
    assert counts(found, "killed") == [toll]
    assert [c.value.as_written for c in found.of("event_date")] == [when]
    assert all(c.subject is None for c in found.of("killed") + found.of("event_date"))
    (other,) = [
        c for c in found.of("other") if isinstance(c.value, NumberValue) and c.value.value == figure
    ]
    assert other.subject is not None and recalled in found.name(other.subject)
    # The recalled incident's date, where it has one, is that incident's too.
    dates = [c for c in found.of("other") if isinstance(c.value, DateValue)]
    assert dates and all(c.subject == other.subject for c in dates)


# --- Relayed quotes and speakers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slot", "speaker"),
    [
        (
            'The Nairobi Herald reports: "At least 12 people were killed when the bus '
            'overturned, Governor Peter Otieno said."',
            "killed",
            "Peter Otieno",
        ),
        (
            'The Dhaka Tribune reports: "At least 23 workers were killed in the fire, '
            'Fire Service chief Kamal Hossain said."',
            "killed",
            "Kamal Hossain",
        ),
        (
            "At least 40 people died in the flood in Mopti, according to the Malian Red Cross.",
            "killed",
            "Malian Red Cross",
        ),
        (
            "According to hospital director Amina Diallo, 40 people died in the flood in Mopti.",
            "killed",
            "Amina Diallo",
        ),
        (
            "A senior police official said 14 people were arrested after the riot in Sfax.",
            "arrested",
            "senior police official",
        ),
        (
            "Cyclone Freddy hit Beira on Monday. Governor Ana Pires toured the damage. "
            "The governor said 15 people were killed.",
            "killed",
            "Ana Pires",
        ),
        (
            "Minister Kwame Mensah spoke in Accra on Monday. "
            "The minister said 9 people died in the explosion.",
            "killed",
            "Kwame Mensah",
        ),
        pytest.param(
            'The Lima Post reports: "At least 12 people were killed in the blast, '
            'Governor Rosa Quispe said."',
            "killed",
            "Rosa Quispe",
        ),
        pytest.param(
            "Al Jazeera, citing hospital sources, said 22 people were killed in the strike "
            "on Khan Younis.",
            "killed",
            "hospital sources",
        ),
        pytest.param(
            "Citing a senior police official, the agency said 14 people were arrested.",
            "arrested",
            "senior police official",
        ),
        pytest.param(
            "Governor Ana Pires visited Beira on Monday after the cyclone. "
            "The governor said 15 people were killed.",
            "killed",
            "Ana Pires",
            marks=pytest.mark.xfail(
                reason="spaCy leaves 'Ana Pires' untagged at the start of this sentence and "
                "ArticleContext._title_map reads titles only from PERSON entities, so 'the "
                "governor' stays a bare SOURCE",
                strict=True,
            ),
        ),
    ],
)
def test_relayed_claims_credit_the_speaker(extract, text: str, slot: str, speaker: str) -> None:
    found = extract(text, date=PUBLISHED)
    (claim,) = found.of(slot)
    assert found.name(claim.attributed_to) == speaker
    assert claim.sourced


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Nine miners were killed. Four others are still missing," '
            "said mine manager Tomas Berg.",
            "Tomas Berg",
        ),
        ('Mayor Ruth Achieng said: "Seven fishermen died. Four more are missing."', "Ruth Achieng"),
    ],
)
def test_a_quotation_over_two_sentences_credits_its_speaker_for_both(
    extract, text: str, speaker: str
) -> None:
    found = extract(text, date=PUBLISHED)
    claims = found.of("killed") + found.of("missing")
    assert [c.slot for c in claims] == ["killed", "missing"]
    assert [found.name(c.attributed_to) for c in claims] == [speaker, speaker]


def test_a_sentence_outside_the_quotation_is_not_the_speakers(extract) -> None:
    found = extract(
        'Mayor Ruth Achieng said: "Seven fishermen died." Four more are missing, police said.',
        date=PUBLISHED,
    )
    (missing,) = found.of("missing")
    assert found.name(missing.attributed_to) == "police"


# --- One person, two spellings, two articles ---------------------------------------------


def batch_speakers(analyzer: Analyzer, first: str, second: str) -> list[tuple[str, str]]:
    """Analyse two articles into one case and compare it (names are resolved across articles
    there); the (entity id, type) of each article's first speaker."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / "a.txt", Path(tmp) / "b.txt"]
        for path, text in zip(paths, (first, second), strict=True):
            path.write_text(text, encoding="utf-8")
        summary = analyze_paths(paths, db=Path(tmp) / "case.db", analyzer=analyzer)
        analysis = load_analysis(summary.db)
    types = {e.id: e.type for e in analysis.entities}
    speakers = []
    for article_id in summary.article_ids:
        said = next(c for c in analysis.claims if c.article == article_id and c.attributed_to)
        speakers.append((said.attributed_to, types[said.attributed_to]))
    return speakers


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Libyan leader Gaddafi said 12 people were killed in the raid on Misrata.",
            "Libyan leader Qaddafi said 12 people were killed in the raid on Misrata.",
        ),
        (
            "Muammar Gaddafi said on Monday that 12 people were killed in the blast in Tripoli.",
            "Muammar Qaddafi said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        (
            "President Zelensky said 9 people were killed in the strike on Odesa.",
            "President Zelenskyy said 9 people were killed in the strike on Odesa.",
        ),
        (
            "Abdullah Öcalan said on Monday that 12 people were killed in the blast in Tripoli.",
            "Abdullah Ocalan said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        (
            "Mohammed Deif said on Monday that 12 people were killed in the blast in Tripoli.",
            "Muhammad Deif said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        (
            "Hassan Sheikh Mohamud said on Monday that 12 people were killed in the blast.",
            "Hasan Sheikh Mohamoud said on Monday that 12 people were killed in the blast.",
        ),
        (
            "Mohamed Hamdan Dagalo said on Monday that 12 people were killed in the blast.",
            "Mohammed Hamdan Daglo said on Monday that 12 people were killed in the blast.",
        ),
        pytest.param(
            "Presidential adviser Mykhailo Podolyak said 5 people were killed in the strike "
            "on Sumy.",
            "Presidential adviser Mikhail Podolyak said 5 people were killed in the strike "
            "on Sumy.",
            marks=pytest.mark.xfail(
                reason="names.name_key gives 'mihailo podoliak' / 'mihail podoliak' and "
                "name_similarity is 0.5: the Ukrainian and Russian forms of the given name "
                "(Mykhailo / Mikhail) are not taken as one spelling",
                strict=True,
            ),
        ),
    ],
)
def test_two_spellings_in_one_batch_are_one_person(
    analyzer: Analyzer, first: str, second: str
) -> None:
    (a, a_type), (b, b_type) = batch_speakers(analyzer, first, second)
    assert a_type == b_type == "PERSON"
    assert a == b


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Field marshal Khalifa Haftar said 40 fighters were killed near Benghazi.",
            "Saddam Haftar said 40 fighters were killed near Sirte.",
        ),
        (
            "Hun Sen said on Monday that 12 people were killed in the blast in Tripoli.",
            "Hun Manet said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        (
            "Yoweri Museveni said on Monday that 12 people were killed in the blast in Tripoli.",
            "Muhoozi Museveni said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        (
            "Ramzan Kadyrov said on Monday that 12 people were killed in the blast in Tripoli.",
            "Adam Kadyrov said on Monday that 12 people were killed in the blast in Tripoli.",
        ),
        pytest.param(
            "Former prime minister Imran Khan said 30 people were killed in the blast in Lahore.",
            "London mayor Sadiq Khan said 30 people were killed in the blast in Lahore.",
            marks=pytest.mark.xfail(
                reason="spaCy tags only 'Khan' in 'London mayor Sadiq Khan', and the resolver "
                "maps that lone surname to the one known Khan, 'Imran Khan': two people merge",
                strict=True,
            ),
        ),
    ],
)
def test_two_people_with_one_surname_stay_two(analyzer: Analyzer, first: str, second: str) -> None:
    (a, _), (b, _) = batch_speakers(analyzer, first, second)
    assert a != b


# --- Places: modifiers, regions, ministries ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "not_a_place"),
    [
        (
            "A drone hit a bakery near the station in Kiev-controlled Kramatorsk on Friday, "
            "killing 5 people.",
            "Kramatorsk",
            "Kyiv",
        ),
        (
            "A bomb exploded in Russian-occupied Melitopol on Thursday, killing 4 people.",
            "Melitopol",
            "Russia",
        ),
        (
            "A car bomb exploded in Turkish-controlled Afrin on Monday, killing 3 soldiers.",
            "Afrin",
            "Turkey",
        ),
        (
            "A car bomb exploded in Turkish-backed Afrin on Monday, killing 3 soldiers.",
            "Afrin",
            "Turkey",
        ),
    ],
)
def test_a_modifier_place_is_not_where_it_happened(
    extract, text: str, place: str, not_a_place: str
) -> None:
    found = places(extract(text, date=PUBLISHED))
    assert place in found
    assert not_a_place not in found


def test_the_town_of_a_name_the_tagger_calls_a_person(extract) -> None:
    # spaCy tags "Avdiivka" PERSON here; "the town of" says it is a place.
    text = "Shelling hit a market in the Kiev-controlled town of Avdiivka on Monday, killing 7."
    found = places(extract(text, date=PUBLISHED))
    assert "Avdiivka" in found and "Kyiv" not in found and "Kiev" not in found


def test_a_modifier_does_not_choose_the_region(extract) -> None:
    text = "A drone struck a market in Moscow-backed Donetsk on Monday, killing 7 people."
    assert places(extract(text, date=PUBLISHED)) == {"Donetsk": "Donetsk Oblast"}


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        (
            "A bus crashed in Ouarzazate on Thursday, killing 11 passengers.",
            "Ouarzazate",
            "Drâa-Tafilalet",
        ),
        (
            "A fire broke out at the central market in Mbale early on Sunday.",
            "Mbale",
            "Eastern Region",
        ),
        (
            "Flooding swept away a bridge in Temuco on Sunday, and 5 people drowned.",
            "Temuco",
            "La Araucanía",
        ),
        (
            "An airstrike hit a market in Jalalabad on Monday, killing 6 people.",
            "Jalalabad",
            "Nangarhār",
        ),
        (
            "A suicide bomber struck a mosque in Mopti during Friday prayers.",
            "Mopti",
            "Mopti Region",
        ),
        ("A bomb exploded in Bukavu on Monday, killing 6 people.", "Bukavu", "Sud-Kivu"),
        ("A bomb exploded in Kaduna on Thursday, killing 4 people.", "Kaduna", "Kaduna State"),
        pytest.param(
            "A bomb exploded in Goma on Thursday, killing 4 people.",
            "Goma",
            "Nord-Kivu",
        ),
        pytest.param(
            "Two gunmen opened fire at a wedding in Kasur on Friday night, killing 8 guests.",
            "Kasur",
            "Punjab Province",
        ),
    ],
)
def test_a_town_lies_in_its_region_unsaid(extract, text: str, town: str, region: str) -> None:
    assert region not in text
    assert places(extract(text, date=PUBLISHED)) == {town: region}


@pytest.mark.xfail(
    reason="GeoNames names Dhaka's division 'Dhaka'; _region_of adds the region as an entity "
    "with the city's own key, so the claim says Dhaka lies within itself",
    strict=True,
)
def test_a_city_does_not_lie_within_itself(extract) -> None:
    found = extract("A bomb exploded in Dhaka on Thursday, killing 4 people.", date=PUBLISHED)
    (claim,) = found.of("event_location")
    assert found.name(claim.value.entity) == "Dhaka"
    assert claim.value.within is not None and claim.value.within != claim.value.entity


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        (
            "A bomb exploded in Bukavu on Monday, killing 6 people. "
            "Rwanda's defence ministry denied its forces were responsible.",
            "Bukavu",
            "Rwanda",
        ),
        (
            "An airstrike hit a market in Jalalabad on Monday, killing 6 people. "
            "Pakistan's defence ministry denied its forces were responsible.",
            "Jalalabad",
            "Pakistan",
        ),
        (
            "A car bomb exploded in Quetta on Monday, killing 6 people. "
            "The Indian defence ministry denied its forces were responsible.",
            "Quetta",
            "India",
        ),
        (
            "A rocket hit a school in Ganja on Monday, killing 6 people. "
            "Armenia's defence ministry denied its forces were responsible.",
            "Ganja",
            "Armenia",
        ),
    ],
)
def test_a_denying_ministrys_country_is_not_the_place(
    extract, text: str, town: str, country: str
) -> None:
    found = places(extract(text, date=PUBLISHED))
    assert list(found) == [town]
    assert country not in found


# --- Cause, asserted and denied ----------------------------------------------------------


def causes(found) -> set[tuple[str | None, bool]]:
    return {(found.name(c.value.agent), c.value.negated) for c in found.of("cause")}


@pytest.mark.parametrize(
    ("text", "agent", "negated"),
    [
        (
            "The explosion at the fuel depot was triggered by a Ukrainian drone, "
            "the governor said.",
            "Ukraine",
            False,
        ),
        ("The market in Gao was destroyed by Malian artillery on Sunday.", "Mali", False),
        (
            "The Nigerian air force did not bomb the village, a spokesman insisted.",
            "Nigerian air force",
            True,
        ),
        ("The RSF denied shelling the camp near El Fasher.", "Rapid Support Forces", True),
        (
            "The Pakistani army rejected responsibility for the blast in Kabul.",
            "Pakistan Army",
            True,
        ),
        (
            "Myanmar's military rejected claims that its aircraft bombed the school in Sagaing.",
            "Tatmadaw",
            True,
        ),
        pytest.param(
            "It was not an Israeli missile that hit the hospital, the army said.",
            "Israel",
            True,
        ),
        pytest.param(
            "Colombian rebels were responsible for the bombing of the police station in Cali, "
            "the army said.",
            "Colombia",
            False,
        ),
    ],
)
def test_cause_and_its_polarity(extract, text: str, agent: str, negated: bool) -> None:
    found = causes(extract(text, date=PUBLISHED))

    def names(polarity: bool) -> list[str]:
        return [n for n, neg in found if n and neg == polarity and agent.lower() in n.lower()]

    assert names(negated), found
    assert not names(not negated), found


def test_a_denied_mechanism_without_agent_is_negated(extract) -> None:
    found = extract("The crash was not caused by a bird strike, investigators said.")
    (claim,) = found.of("cause")
    assert "strike" in (claim.value.mechanism or "") and claim.value.negated


def test_a_mechanism_named_after_caused_by(extract) -> None:
    found = extract(
        "The blast at the apartment block in Tarragona was caused by a gas leak, firefighters said."
    )
    (claim,) = found.of("cause")
    assert claim.value.agent is None and not claim.value.negated
    assert "leak" in (claim.value.mechanism or "")


@pytest.mark.parametrize(
    "text",
    [
        "Troops fired on a crowd in Rafah on Monday, killing 40 people. "
        "The war has killed more than 20,000 people, the ministry said.",
        "Soldiers killed 40 people in Rafah on Monday. "
        "More than 20,000 people have been killed in the offensive.",
    ],
)
def test_a_wars_toll_is_not_this_events(extract, text: str) -> None:
    found = extract(text)
    assert counts(found, "killed") == [40]
    assert 20000 in counts(found, "other")


def test_a_similar_incident_is_another_incident(extract) -> None:
    found = extract(
        "Soldiers opened fire on a crowd at a fuel depot in Port Sudan on Thursday, killing 48 "
        "people. In June, a similar shooting at a market in Omdurman killed 21 people.",
        date="2026-05-08",
    )
    assert counts(found, "killed") == [48]
    assert 21 in counts(found, "other")
    assert {c.value.date for c in found.of("event_date")} == {"2026-05-07"}


def test_a_place_under_the_scene_of_the_event(extract) -> None:
    found = extract(
        "At least 48 people were killed when soldiers opened fire on a crowd gathered at a "
        "fuel depot in Port Sudan, the health ministry said."
    )
    assert "Port Sudan" in places(found)


def test_reports_a_day_apart_date_one_event(extract) -> None:
    found = extract(
        "Survivors were pulled from the rubble of the theatre yesterday after it was bombed. "
        "It had sheltered 1,000 people before it was hit late on Wednesday.",
        date="2022-03-18",
    )
    assert {c.value.date for c in found.of("event_date")} >= {"2022-03-16"}
    assert not [c for c in found.of("other") if c.subject]


def test_a_headline_clause_after_a_semicolon_is_not_reported_speech(extract) -> None:
    found = extract("Car bomb kills 27 at Karvasa market; rebels deny role")
    (toll,) = found.of("killed")
    assert toll.attributed_to is None


def test_the_group_is_the_body_named_before(extract) -> None:
    found = extract(
        "The government blamed the Northern Liberation Front for the bombing. "
        "The group denied any involvement."
    )
    denials = [c for c in found.of("cause") if c.value.negated]
    assert denials and found.name(denials[0].value.agent) == "Northern Liberation Front"


def test_the_lede_dates_the_event_through_its_clause(extract) -> None:
    found = extract(
        "A car bomb tore through a crowded market in Karvasa on Sunday, killing 27 people.",
        date="2025-11-03",
    )
    assert [c.value.date for c in found.of("event_date")] == ["2025-11-02"]


def test_a_caption_repeated_is_one_claim(extract) -> None:
    found = extract(
        "Rescuers at the Tarn Market after the blast that killed 12 people.\n\n"
        "Rescuers at the Tarn Market after the blast that killed 12 people.\n\n"
        "A bomb exploded in Harlow on Monday."
    )
    assert counts(found, "killed") == [12]


def test_a_wire_lede_credits_the_speaker_after_it(extract) -> None:
    found = extract(
        "At least 90 people were killed on Thursday as crowds gathered around aid trucks near "
        "Velmar, the local health authority said, accusing soldiers of firing on civilians."
    )
    (toll,) = found.of("killed")
    assert "health authority" in (found.name(toll.attributed_to) or "")
    accusers = {found.name(c.value.accuser) for c in found.of("accusation")}
    assert any("health authority" in (a or "") for a in accusers)


def test_a_raised_toll_is_the_raisers(extract) -> None:
    found = extract("The health authority later raised the death toll to 104.")
    (toll,) = found.of("killed")
    assert toll.value.value == 104
    assert "health authority" in (found.name(toll.attributed_to) or "")


def test_a_spokesman_denies_for_his_body(extract) -> None:
    found = extract('"There was no strike on the convoy," army spokesman Colonel Rui Pena said.')
    (denial,) = found.of("cause")
    assert denial.value.negated and found.name(denial.value.agent) == "army"


def test_trampled_in_a_crowd_is_a_cause(extract) -> None:
    found = extract("Most of the victims had been trampled in the crush, the army said.")
    assert found.of("cause")


def test_a_headline_noun_tagged_as_a_verb_still_names_the_act(extract) -> None:
    found = extract("Strike on Sarin clinic kills 31, officials say")
    assert [c.value.mechanism.lower() for c in found.of("cause")] == ["strike"]


def test_a_day_earlier_is_another_incident(extract) -> None:
    found = extract(
        "An air strike on a clinic in Sarin killed 31 people on Sunday. "
        "A day earlier, a drone strike on a wedding in nearby Talun killed nine people.",
        date="2028-06-05",
    )
    assert counts(found, "killed") == [31]
    assert 9 in counts(found, "other")


def test_this_year_in_a_comparison_is_not_a_period(extract) -> None:
    found = extract(
        "An air strike killed at least 31 people, including 12 children, local officials said, "
        "in one of the deadliest incidents in the province this year."
    )
    assert sorted(counts(found, "killed")) == [12, 31]
    children = [c for c in found.of("killed") if c.value.value == 12]
    assert children[0].value.scope == "children"


def test_bare_troops_are_the_troops_named_before(extract) -> None:
    found = extract(
        "Chadian troops were deployed near the market. A source said troops opened fire on the "
        "crowd."
    )
    agents = {found.name(c.value.agent) for c in found.of("cause")}
    assert any(a and "Chad" in a for a in agents), agents


def test_lighting_a_fire_is_no_cause(extract) -> None:
    assert extract("We lit a fire because it was cold, a journalist said.").of("cause") == []


def test_a_crowd_of_people_is_no_agent(extract) -> None:
    found = extract("Palestinians swarmed the aid trucks, triggering a deadly stampede.")
    assert [c.value.agent for c in found.of("cause")] == [None]


def test_a_toll_since_then_is_a_period(extract) -> None:
    found = extract(
        "Soldiers killed 12 people at the checkpoint on Monday. The war began in October. "
        "At least 30,000 people have since been killed."
    )
    assert counts(found, "killed") == [12]


def test_a_toll_that_could_top_a_figure_is_above_it(extract) -> None:
    found = extract("The death toll could eventually top 100, the ministry said.")
    (toll,) = found.of("killed")
    assert (toll.value.op, toll.value.value) == (">", 100)


def test_a_crowd_rushing_trucks_are_not_attackers(extract) -> None:
    found = extract("Thousands of people stormed the aid trucks near the roundabout.")
    assert found.of("perpetrators") == []


def test_a_town_and_its_region_named_together(extract) -> None:
    found = extract("Five prisoners were killed in the village of Olenivka, Donetsk region.")
    located = places(found)
    assert located.get("Olenivka") and "Donetsk" in located["Olenivka"]
    assert any(name and "Donetsk" in name for name in located if name != "Olenivka")


def test_since_the_event_itself_is_no_other_period(extract) -> None:
    found = extract(
        "Gunmen attacked the market on Saturday, killing 40 people. The hospital director said "
        "her staff had treated 58 patients since Saturday afternoon.",
        date="2026-03-15",
    )
    assert counts(found, "injured") == [58]


def test_last_weeks_bombing_is_another_incident(extract) -> None:
    found = extract(
        "A car bomb killed 9 people in Karvasa on Monday. Officials blamed the militia for last "
        "week's bombing of a school, which killed 14."
    )
    assert counts(found, "killed") == [9]


def test_a_habit_and_a_question_state_no_cause(extract) -> None:
    found = extract(
        "The prosecutor said the army has been using cluster munitions in the war. "
        "But would the rebels target their own fighters?"
    )
    assert found.of("cause") == []


def test_a_motive_is_not_an_accusation(extract) -> None:
    found = extract(
        "The general staff said the depot was shelled by the rebels in order to accuse the "
        "army of war crimes."
    )
    assert found.of("accusation") == []


def test_a_duty_is_not_a_cause(extract) -> None:
    found = extract("The office of the army, which is responsible for the refugees, said 9 died.")
    assert found.of("cause") == []


def test_the_war_that_began_with_an_attack_is_another_incident(extract) -> None:
    found = extract(
        "Soldiers killed 12 people at the checkpoint on Monday. The country is five months into "
        "the war that kicked off with a rebel attack on March 3. That assault killed 300 people.",
        date="2026-08-10",
    )
    assert counts(found, "killed") == [12]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Authorities say some 300 perished in the stadium", 300),
        ("Forty people killed in the attack were buried on Sunday.", 40),
    ],
)
def test_a_reduced_clause_on_the_count_names_its_slot(extract, text: str, value: int) -> None:
    assert counts(extract(text), "killed") == [value]


def test_one_of_the_war_crimes_committed(extract) -> None:
    found = extract("The prosecutor said Freedonia committed one of the most cynical war crimes.")
    assert {found.name(c.value.accused) for c in found.of("accusation")} == {"Freedonia"}


def test_a_participle_of_speech_has_its_clause_s_speaker(extract) -> None:
    found = extract(
        "Lena Ortiz spoke on Friday, calling the attack a deliberate Russian war crime."
    )
    assert {found.name(c.value.accuser) for c in found.of("accusation")} == {"Lena Ortiz"}
