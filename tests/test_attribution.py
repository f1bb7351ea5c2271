"""Attribution and sourcing: who a claim is credited to, on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.nlp.attribution import find_attribution


def speaker_of(nlp: Language, text: str, word: str) -> tuple[str, str] | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    said = find_attribution(token)
    return (said.speaker.text, said.cue.text) if said else None


@pytest.mark.parametrize(
    ("text", "word", "speaker", "cue"),
    [
        ("Police said 43 people died.", "43", "Police", "said"),
        (
            '"Nine soldiers were wounded," said Colonel Ana Ruiz.',
            "Nine",
            "Colonel Ana Ruiz",
            "said",
        ),
        ("The ministry stated that 12 people were detained.", "12", "The ministry", "stated"),
        ("Local sources reported that 30 houses burned.", "30", "Local sources", "reported"),
        (
            "According to the Red Cross, 80 people are missing.",
            "80",
            "the Red Cross",
            "According to",
        ),
        (
            "About 45 died, according to figures published by health officials.",
            "45",
            "health officials",
            "according to",
        ),
        ("She stressed that the rioters were trying to flee.", "flee", "She", "stressed"),
        (
            "The ministry admitted last year that two pilots were dismissed.",
            "two",
            "The ministry",
            "admitted",
        ),
    ],
)
def test_speakers(nlp: Language, text: str, word: str, speaker: str, cue: str) -> None:
    assert speaker_of(nlp, text, word) == (speaker, cue)


def test_bare_assertion_has_no_speaker(nlp: Language) -> None:
    assert speaker_of(nlp, "At least 40 people were killed in the blast.", "40") is None


def test_pronoun_speaker_is_the_person_named_before(extract) -> None:
    found = extract("President Ana Ruiz spoke on Monday. She said 12 soldiers were killed.")
    claim = found.of("killed")[0]
    assert found.name(claim.attributed_to) == "Ana Ruiz"
    assert claim.attribution_cue == "said" and claim.sourced


def test_plain_noun_speakers_become_source_entities(extract) -> None:
    found = extract("Police said four suspects were detained in Harlow.")
    claim = found.of("arrested")[0]
    assert found.name(claim.attributed_to) == "Police"
    assert found.entities[claim.attributed_to].label == "SOURCE"


def test_a_report_is_a_source_even_without_a_speaker(extract) -> None:
    found = extract("Reports from the region describe 200 burned homes.")
    assert found.of("quantity")[0].sourced
    bare = extract("The fire burned 200 homes.")
    assert not bare.of("quantity")[0].sourced


def test_a_line_never_loses_its_first_word_to_the_line_before(extract) -> None:
    """A sentence after a line break keeps its subject: the parser may not cut after it."""
    found = extract(
        "Photo: Relief workers at the dam\n\n"
        "Chad and Sudan traded accusations on Friday after a blast at the border post."
    )
    pairs = {
        (found.name(c.value.accuser), found.name(c.value.accused)) for c in found.of("accusation")
    }
    assert {("Chad", "Sudan"), ("Sudan", "Chad")} <= pairs


def test_a_dateline_is_not_part_of_the_speaker(extract) -> None:
    found = extract(
        "KANO, Northern Region - Health authorities said on Monday that gunmen killed 14 "
        "people at the market."
    )
    (toll,) = found.of("killed")
    assert found.name(toll.attributed_to) == "Health authorities"


def test_a_probe_speaks_for_its_owner(extract) -> None:
    found = extract(
        "The Ruritanian army said it was investigating. "
        "Its initial probe found that 30 people were killed in a crush."
    )
    (toll,) = [c for c in found.of("killed") if c.value.value == 30]
    assert "army" in (found.name(toll.attributed_to) or "")


def test_a_claim_by_someone_is_their_word(extract) -> None:
    found = extract(
        "Responding to claims by Chad that an airstrike had destroyed the market, the ministry "
        "said there were no such strikes."
    )
    asserted = [c for c in found.of("cause") if not c.value.negated]
    assert asserted and found.name(asserted[0].attributed_to) == "Chad"


def test_a_time_is_never_a_speaker(extract) -> None:
    found = extract(
        "Days before the bombing, it was announced that an attack on a church in the Kaluga "
        "region had been prevented."
    )
    assert all(
        c.attributed_to is None or found.name(c.attributed_to) != "Days" for c in found.claims
    )
