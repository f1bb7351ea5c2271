"""Wire copies: one story carried by several sites is one source, found by MinHash LSH; its
copies are marked with their origin and never compared with each other."""

from __future__ import annotations

from pathlib import Path

from newsprism.api import analyze_paths, load_analysis
from newsprism.compare.wire import wire_copies
from newsprism.ingest import make_article
from newsprism.model import to_dict

STORY = [
    "Flood waters tore through the river town of Emberly on Saturday, killing 12 people and "
    "forcing hundreds from their homes, the regional fire service said.",
    "The river rose by more than three metres overnight after two days of heavy rain upstream, "
    "and the old levee on the eastern bank gave way shortly before dawn.",
    "Rescuers in boats searched flooded streets for people trapped on rooftops, and the army "
    "sent two helicopters to lift residents from the worst hit districts near the station.",
    "Another 30 people were injured, most of them with cuts and broken bones, and six remain "
    "in a serious condition in the town hospital, a spokeswoman for the hospital said.",
]
OTHER = (
    "Floods in the river town of Emberly killed 14 people on Saturday, officials said on "
    "Sunday, after the levee on the eastern bank gave way. The mayor asked for help from the "
    "national government to rebuild the levee and the bridge as the water began to recede."
)


def origin_copy_other() -> tuple[str, str, str]:
    origin = "outlet: North Post\ndate: 2024-03-09\n\n" + "\n\n".join(STORY) + "\n"
    copy = (
        "outlet: Valley Herald\ndate: 2024-03-10\n\n"
        + "\n\n".join(STORY[:3]).replace("said", "told reporters")
        + "\n\nReporting by wire services.\n"
    )
    other = "outlet: South Daily\ndate: 2024-03-10\n\n" + OTHER + "\n"
    return origin, copy, other


def test_a_copy_is_grouped_with_its_origin_in_any_order() -> None:
    origin, copy, other = (
        make_article(text.split("\n\n", 1)[1], f"{n}.txt", date=text.split("\n")[1][6:])
        for n, text in enumerate(origin_copy_other())
    )
    assert origin.published == "2024-03-09" and copy.published == "2024-03-10"
    for order in ([origin, copy, other], [other, copy, origin]):
        found, _ = wire_copies(order)
        assert found == {origin.id: origin.id, copy.id: origin.id}


def test_texts_that_only_open_alike_are_not_one_story() -> None:
    lead = "Gunmen attacked the Tarn Market in Harlow on Friday. "
    one = make_article(lead + "The attack killed 87 people.", "a.txt")
    two = make_article(lead + "The attack killed over 80 people.", "b.txt")
    assert wire_copies([one, two])[0] == {}


def test_copies_are_marked_and_never_compared_with_each_other(tmp_path: Path, analyzer) -> None:
    for name, text in zip(("a.txt", "b.txt", "c.txt"), origin_copy_other(), strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    summary = analyze_paths([tmp_path], db=tmp_path / "c.db", analyzer=analyzer)
    analysis = load_analysis(summary.db)
    by_outlet = {a.outlet: a for a in analysis.articles}
    origin, copy = by_outlet["North Post"], by_outlet["Valley Herald"]
    assert copy.extra["wire_origin"] == origin.id and copy.extra["wire_via"] == "North Post"
    assert "wire_origin" not in origin.extra
    article_of = {c.id: c.article for c in analysis.claims}
    pairs = [{article_of[a], article_of[b]} for a, b in (c.claims for c in analysis.comparisons)]
    assert {origin.id, copy.id} not in pairs
    assert {origin.id, by_outlet["South Daily"].id} in pairs  # other outlets still compared
    assert to_dict(load_analysis(summary.db)) == to_dict(analysis)  # read back as kept


def test_the_verdict_view_counts_copies_of_one_story_once(tmp_path: Path, analyzer) -> None:
    from newsprism.report.verdict_view import verdict_view

    origin, copy, other = origin_copy_other()
    second_copy = copy.replace("Valley Herald", "Lake Times").replace("Reporting by", "With")
    texts = {"a.txt": origin, "b.txt": copy, "c.txt": other, "d.txt": second_copy}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    summary = analyze_paths([tmp_path], db=tmp_path / "c.db", analyzer=analyzer)
    html = verdict_view(load_analysis(summary.db))
    assert "from 4 outlets, 2 independent (wire copies counted once)" in html
