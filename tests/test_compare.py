"""Cross-source comparison on article sets of our own: events, verdict rules, updates."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import analyze_paths, load_analysis
from newsprism.compare.intervals import Interval, to_interval
from newsprism.model import Analysis, Comparison, NumberValue


def write_case(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def case(tmp_path: Path, analyzer):
    """Analyse a set of our own articles and return the compared analysis."""

    def run(articles: dict[str, str]) -> Analysis:
        folder = write_case(tmp_path / "case", articles)
        summary = analyze_paths([folder], db=tmp_path / "case.db", analyzer=analyzer)
        return load_analysis(tmp_path / "case.db", summary.article_ids)

    return run


def header(outlet: str, date: str | None = None) -> str:
    return f"outlet: {outlet}\n" + (f"date: {date}\n" if date else "") + "\n"


def verdicts(analysis: Analysis, slot: str) -> list[Comparison]:
    return [c for c in analysis.comparisons if c.slot == slot]


def claim_words(analysis: Analysis, comparison: Comparison) -> set[str]:
    texts = {a.id: a.text for a in analysis.articles}
    found = {c.id: c for c in analysis.claims}
    return {
        texts[found[i].article][found[i].value_start : found[i].value_end]
        for i in comparison.claims
    }


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        (NumberValue("=", 87), Interval(87, 87)),
        (NumberValue(">", 80), Interval(81, float("inf"))),
        (NumberValue(">=", 40), Interval(40, float("inf"))),
        (NumberValue("<", 5), Interval(0, 4)),
        (NumberValue("approx", 90), Interval(81, 99)),
        (NumberValue("range", 10, 20), Interval(10, 20)),
        (NumberValue(">", 12.5, unit="km"), Interval(12.5, float("inf"))),
    ],
)
def test_intervals(value: NumberValue, interval: Interval) -> None:
    got = to_interval(value)
    assert got.high == interval.high and (got.low == interval.low or value.unit == "km")


ATTACK = "Gunmen attacked the Tarn Market in Harlow on Friday. "


def test_numbers_as_intervals(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02") + ATTACK + "The attack killed 87 people. "
            "Three attackers fled.",
            "b.txt": header("South Daily", "2026-05-02")
            + ATTACK
            + "The attack killed over 80 people. "
            "Five attackers fled.",
        }
    )
    (killed,) = verdicts(analysis, "killed")
    assert killed.verdict == "consistent" and "over 80" in killed.reason
    (attackers,) = verdicts(analysis, "perpetrators")
    assert attackers.verdict == "contradictory" and "exactly 3" in attackers.reason


def test_approximate_numbers_use_the_stated_tolerance(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post") + ATTACK + "About 90 people were killed.",
            "b.txt": header("South Daily") + ATTACK + "The attack killed 87 people.",
            "c.txt": header("East Wire") + ATTACK + "The attack killed 120 people.",
        }
    )
    by_words = {
        frozenset(claim_words(analysis, c)): c.verdict for c in verdicts(analysis, "killed")
    }
    assert by_words[frozenset({"About 90 people", "87 people"})] == "consistent"
    assert by_words[frozenset({"About 90 people", "120 people"})] == "contradictory"
    assert any("±10%" in c.reason for c in verdicts(analysis, "killed"))


def test_a_growing_toll_is_an_update_not_a_contradiction(case) -> None:
    analysis = case(
        {
            "early.txt": header("North Post", "2026-05-02")
            + ATTACK
            + "The attack killed 40 people.",
            "late.txt": header("South Daily", "2026-05-03")
            + ATTACK
            + "The attack killed 43 people.",
        }
    )
    (killed,) = verdicts(analysis, "killed")
    # As stated the two figures collide; the later report explains it, and the reason says how.
    assert killed.update and killed.verdict == "contradictory"
    assert "rose from exactly 40 (North Post, 2026-05-02)" in killed.reason
    assert "to exactly 43 (South Daily, 2026-05-03)" in killed.reason


def test_a_time_of_day_orders_reports_of_one_day(case) -> None:
    analysis = case(
        {
            "late.txt": "outlet: South Daily\ndate: 2026-05-02T18:40\n\n"
            + ATTACK
            + "The attack killed 43 people.",
            "early.txt": "outlet: North Post\ndate: 2026-05-02T08:15\n\n"
            + ATTACK
            + "The attack killed 40 people.",
        }
    )
    (killed,) = verdicts(analysis, "killed")
    assert killed.update
    assert "40 (North Post, 2026-05-02 08:15) to exactly 43 (South Daily, 2026-05-02 18:40)" in (
        killed.reason
    )


def test_figures_inside_one_article_are_compared(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + ATTACK
            + "The mayor said 40 people were killed. The governor said 50 people were killed. "
            "Later the governor said again that 50 people were killed.",
        }
    )
    found = verdicts(analysis, "killed")
    # 40 against 50 is a finding (twice: the governor said it twice); the governor's
    # repeated 50 is one figure, never a pair of its own.
    assert [c.verdict for c in found] == ["contradictory", "contradictory"]
    assert all("mayor" in c.reason and "governor" in c.reason for c in found)


def test_an_earlier_figure_the_article_recalls_is_an_update(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + ATTACK
            + "The death toll has risen to 61, officials said. Officials had previously put "
            "the death toll at 35.",
        }
    )
    (killed,) = verdicts(analysis, "killed")
    assert killed.verdict == "contradictory" and killed.update
    assert "from exactly 35" in killed.reason and "to exactly 61" in killed.reason


def test_same_day_toll_that_differs_is_a_contradiction(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02") + ATTACK + "The attack killed 40 people.",
            "b.txt": header("South Daily", "2026-05-02") + ATTACK + "The attack killed 43 people.",
        }
    )
    (killed,) = verdicts(analysis, "killed")
    assert killed.verdict == "contradictory" and not killed.update


def test_dates(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + "Gunmen attacked the Tarn Market in Harlow "
            "on Friday, killing 12.",
            "b.txt": header("South Daily", "2026-05-03")
            + "Gunmen stormed the Tarn Market in Harlow "
            "on Friday, and 12 people died.",
            "c.txt": header("East Wire", "2026-05-03")
            + "Gunmen attacked the Tarn Market in Harlow "
            "on Thursday, leaving 12 people dead.",
            "d.txt": header("West Blog") + "Gunmen raided the Tarn Market in Harlow on Friday, "
            "killing a dozen people.",
        }
    )
    found = verdicts(analysis, "event_date")
    assert sorted(c.verdict for c in found) == [
        "consistent",
        "contradictory",
        "contradictory",
        "not_comparable",
        "not_comparable",
        "not_comparable",
    ]
    same = next(c for c in found if c.verdict == "consistent")
    assert same.reason == "same day: 2026-05-01 and 2026-05-01"
    assert all("no publication date" in c.reason for c in found if c.verdict == "not_comparable")


def test_places_inside_and_apart(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + "Gunmen attacked the Tarn Market in Harlow "
            "on Friday, killing 12.",
            "b.txt": header("South Daily", "2026-05-02") + "A bomb exploded in Harlow on Friday, "
            "killing 12 people at the Tarn Market.",
            "c.txt": header("East Wire", "2026-05-02")
            + "Gunmen stormed the Tarn Market in Dunmore "
            "on Friday, killing 12 people.",
        }
    )
    found = [c for c in verdicts(analysis, "event_location")]
    contradictions = {c.reason for c in found if c.verdict == "contradictory"}
    assert contradictions & {
        "Tarn Market, but in Harlow vs Dunmore",
        "Tarn Market, but in Dunmore vs Harlow",
    }
    assert any(
        (c.verdict == "consistent" and "Tarn Market lies in Harlow" in c.reason)
        or c.reason.startswith("place the same")
        for c in found
    )


def test_distances_from_different_points_are_not_comparable(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post")
            + ATTACK
            + "The gunmen were caught 62 kilometers from the "
            "Chilean border.",
            "b.txt": header("South Daily")
            + ATTACK
            + "The gunmen were caught about 410 km from Lima.",
            "c.txt": header("East Wire") + ATTACK + "The gunmen were caught hundreds of kilometers "
            "from the Peruvian capital.",
        }
    )
    found = {frozenset(claim_words(analysis, c)): c.verdict for c in verdicts(analysis, "quantity")}
    assert found[frozenset({"62 kilometers", "about 410 km"})] == "not_comparable"
    assert found[frozenset({"about 410 km", "hundreds of kilometers"})] == "consistent"


def test_narratives_and_hedging(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post") + ATTACK + "The Red Hand claimed responsibility for the "
            "attack. The minister blamed Ostrava for the attack.",
            "b.txt": header("South Daily")
            + ATTACK
            + "The Blue Front claimed responsibility for the "
            "attack. The governor may blame Ostrava for the attack.",
        }
    )
    (responsibility,) = verdicts(analysis, "responsibility")
    assert responsibility.verdict == "contradictory" and "narratives" in responsibility.reason
    (accusation,) = verdicts(analysis, "accusation")
    # Blame is its accuser's act: the minister's and the governor's are not the same claim.
    assert accusation.verdict == "not_comparable"
    assert "different accusers" in accusation.reason


def test_two_unrelated_events_come_out_as_two(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + "Gunmen attacked the Tarn Market in Harlow "
            "on Friday, killing 12 people. Police arrested two suspects.",
            "b.txt": header("South Daily", "2026-05-02")
            + "Twelve people died when gunmen stormed the "
            "Tarn Market in Harlow on Friday, police said.",
            "c.txt": header("East Wire", "2026-08-20")
            + "A flood swept through the port of Belmar on "
            "Tuesday, and 30 people are missing.",
            "d.txt": header("West Blog", "2026-08-21")
            + "Rescuers in Belmar searched for 30 missing "
            "people after Tuesday's flood in the port.",
        }
    )
    groups = sorted(
        sorted(a.rsplit("/", 1)[-1] for a in _sources(analysis, e.articles))
        for e in analysis.events
    )
    assert groups == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    # Claims of different events are never compared.
    for comparison in analysis.comparisons:
        assert len({_event_of(analysis, cid) for cid in comparison.claims}) == 1


def _sources(analysis: Analysis, ids: list[str]) -> list[str]:
    return [a.source for a in analysis.articles if a.id in ids]


def _event_of(analysis: Analysis, claim_id: str) -> str:
    article = claim_id.split("-")[0]
    return next(e.id for e in analysis.events if article in e.articles)


def test_graph_timeline_and_profiles(case) -> None:
    analysis = case(
        {
            "a.txt": header("North Post", "2026-05-02")
            + ATTACK
            + "The minister blamed Ostrava for "
            "the attack. Police said 12 people were killed.",
            "b.txt": header("South Daily", "2026-05-02") + ATTACK + "Perhaps Ostrava organised the "
            "attack. The attack killed 14 people.",
        }
    )
    names = {e.id: e.name for e in analysis.entities}
    edges = {(names[a.accuser], names[a.accused]): a for a in analysis.accusations}
    assert edges[("minister", "Ostrava")].quoted and not edges[("minister", "Ostrava")].hedged
    voice = edges[("South Daily", "Ostrava")]
    assert voice.hedged and not voice.quoted
    assert [t.date for t in analysis.timeline] == ["2026-05-01"]
    profiles = {p.outlet: p for p in analysis.outlets}
    assert profiles["North Post"].sourced >= 1 and profiles["South Daily"].hedged >= 1
    assert profiles["North Post"].contradicted >= 1


def test_pairs_stay_bounded_in_a_big_case() -> None:
    from itertools import combinations

    from newsprism.compare.align import MAX_CANDIDATES, aligned_pairs
    from newsprism.model.types import Claim

    # 2,000 articles, each giving one of 40 tolls: pairs among distinct statements only.
    claims = [
        Claim(
            f"A{n:04d}-c001",
            f"A{n:04d}",
            0,
            10,
            "killed",
            NumberValue("=", 100 + n % 40),
            0,
            3,
            checkworthy=0.9,
        )
        for n in range(2000)
    ]
    pairs = list(aligned_pairs(claims, {c.article for c in claims}))
    assert len(pairs) == len(list(combinations(range(40), 2)))
    assert len(pairs) <= MAX_CANDIDATES * (MAX_CANDIDATES - 1) // 2
