"""Whose words: the outlet's own voice against the sources it quotes."""

from __future__ import annotations

from newsprism.compare.profiles import outlet_profiles
from newsprism.compare.voices import assign_voices, quotations
from newsprism.model.types import Analysis, Article, Claim, NumberValue, TechniqueSpan

TEXT = (
    'The minister called it "a barbaric, cowardly massacre by bloodthirsty thugs" on Monday. '
    "The shameless regime lied again, the paper wrote.\n\n"
    "\u201cNine people were killed in this monstrous crime,\u201d the governor said."
)


def spans_of(text: str, *phrases: str) -> list[tuple[int, int]]:
    return [(text.index(p), text.index(p) + len(p)) for p in phrases]


def test_quotations_in_straight_and_curly_marks() -> None:
    found = quotations(TEXT)
    assert [TEXT[s:e] for s, e in found] == [
        "a barbaric, cowardly massacre by bloodthirsty thugs",
        "Nine people were killed in this monstrous crime,",
    ]


def test_an_unclosed_quotation_ends_at_the_paragraph() -> None:
    text = 'He said "it was terrible.\n\nA second paragraph with "a quote" in it.'
    assert [text[s:e] for s, e in quotations(text)] == ["a quote"]


def test_techniques_inside_quotations_belong_to_the_speaker() -> None:
    article = Article("A1", "a.txt", TEXT, "0", outlet="Daily Lens")
    (quoted_a,) = spans_of(TEXT, "bloodthirsty thugs")
    (own,) = spans_of(TEXT, "shameless regime")
    (quoted_b,) = spans_of(TEXT, "monstrous crime")
    nine = TEXT.index("Nine")
    governor_says = Claim(
        "A1-c001",
        "A1",
        nine,
        len(TEXT),
        "killed",
        NumberValue("=", 9),
        nine,
        nine + 4,
        attributed_to="E-governor",
    )
    analysis = Analysis(
        articles=[article],
        claims=[governor_says],
        techniques=[
            TechniqueSpan("A1", *quoted_a, "name_calling", 0.9),
            TechniqueSpan("A1", *own, "loaded_language", 0.8),
            TechniqueSpan("A1", *quoted_b, "loaded_language", 0.7),
        ],
    )
    assign_voices(analysis)
    voices = [(t.quoted, t.speaker) for t in analysis.techniques]
    assert voices == [(True, None), (False, None), (True, "E-governor")]
    (profile,) = outlet_profiles(analysis)
    assert (profile.own_techniques, profile.quoted_techniques) == (1, 2)
    assert (profile.own_claims, profile.quoted_claims) == (0, 1)
