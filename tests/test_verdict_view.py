"""The verdict view and the progression charts, on cases built by hand."""

from __future__ import annotations

import re

from newsprism.model.types import (
    Analysis,
    Article,
    CauseValue,
    Claim,
    Comparison,
    Entity,
    NumberValue,
)
from newsprism.report.progression import MAX_POINTS, points, progression_svg
from newsprism.report.verdict_view import Filters, verdict_view

TEXT = "Officials said 40 people were killed. The governor said 55 people were killed."


def article(aid: str, outlet: str, day: str | None, clock: str | None = None) -> Article:
    extra = {"published_time": clock} if clock else {}
    return Article(aid, f"{aid}.txt", TEXT, "0", outlet=outlet, published=day, extra=extra)


def toll(cid: str, art: Article, value: float, speaker: str | None = None) -> Claim:
    start = art.text.index(str(int(value)))
    return Claim(
        cid,
        art.id,
        0,
        len(art.text),
        "killed",
        NumberValue("=", value),
        start,
        start + 2,
        attributed_to=speaker,
        checkworthy=0.9,
    )


def case() -> Analysis:
    a, b, c = (
        article("A1", "North Post", "2031-04-02", "08:00"),
        article("A2", "South Daily", "2031-04-02", "19:00"),
        article("A3", "East Wire", "2031-04-03"),
    )
    claims = [toll("A1-c001", a, 40), toll("A2-c001", b, 55, "E1"), toll("A3-c001", c, 55)]
    comparisons = [
        Comparison("killed", ("A1-c001", "A2-c001"), "contradictory", "40 vs 55", update=True),
        Comparison("killed", ("A1-c001", "A3-c001"), "contradictory", "40 vs 55", update=True),
        Comparison("killed", ("A2-c001", "A3-c001"), "consistent", "same"),
    ]
    return Analysis(
        articles=[a, b, c],
        claims=claims,
        comparisons=comparisons,
        entities=[Entity("E1", "the governor", "PERSON")],
    )


def test_pairs_stating_the_same_two_things_are_one_row_with_a_count() -> None:
    html = verdict_view(case())
    rows = re.findall(r'<tr class="contradictory update"', html)
    assert len(rows) == 1 and "and 1 more pairs stating the same" in html
    assert "North Post" in html and "2031-04-02 08:00" in html and "the governor" in html
    assert "outlet&#x27;s own voice" in html  # an unattributed claim is the outlet's


def test_filters_narrow_the_rows() -> None:
    only_agreeing = verdict_view(case(), filters=Filters(verdict="consistent"))
    assert "No contradictions or incomparable pairs match" in only_agreeing
    assert 'class="agreeing"' in only_agreeing
    by_outlet = verdict_view(case(), filters=Filters(outlet="East Wire", verdict="contradictory"))
    assert by_outlet.count('<tr class="contradictory update"') == 1


def test_the_progression_places_figures_by_report_time() -> None:
    found, undated = points(case(), "killed")
    assert undated == 0
    assert [p.when.strftime("%d %H:%M") for p in sorted(found, key=lambda p: p.when)] == [
        "02 08:00",
        "02 19:00",
        "03 12:00",
    ]
    svg = progression_svg(case(), "killed", by="speaker")
    assert svg.count('class="point"') == 3 and "the governor" in svg


def test_a_chart_of_thousands_of_figures_is_thinned() -> None:
    big = case()
    base = big.articles[0]
    for n in range(MAX_POINTS * 3):
        art = article(f"B{n:04d}", f"Outlet {n}", f"2031-04-{n % 28 + 1:02d}")
        big.articles.append(art)
        big.claims.append(toll(f"B{n:04d}-c001", art, 40))
    assert base in big.articles
    assert progression_svg(big, "killed").count('class="point"') == MAX_POINTS


def test_cause_rows_group_by_side() -> None:
    analysis = case()
    analysis.entities += [
        Entity("E2", "Russia", "GPE"),
        Entity("E3", "Russian air force", "ORG"),
    ]
    a = analysis.articles[0]
    analysis.claims += [
        Claim("A1-c002", a.id, 0, 10, "cause", CauseValue("E2", "strike"), 0, 5, checkworthy=0.9),
        Claim("A2-c002", "A2", 0, 10, "cause", CauseValue("E3", "bomb"), 0, 5, checkworthy=0.9),
        Claim(
            "A3-c002",
            "A3",
            0,
            10,
            "cause",
            CauseValue("E2", "bombing", negated=True),
            0,
            5,
            checkworthy=0.9,
        ),
    ]
    analysis.comparisons += [
        Comparison("cause", ("A1-c002", "A3-c002"), "contradictory", "one denies the other"),
        Comparison("cause", ("A2-c002", "A3-c002"), "contradictory", "one denies the other"),
    ]
    html = verdict_view(analysis, filters=Filters(slot="cause"))
    # Russia and the Russian air force are one side: the two denials are one row.
    assert html.count('<tr class="contradictory"') == 1
