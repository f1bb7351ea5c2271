"""The HTML report: self-contained, well-formed, and hostile article text stays text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprism.api import analyze_paths, load_analysis
from newsprism.report import render_report
from newsprism.report.highlight import Highlight, render_highlighted
from newsprism.report.verdict_view import filter_script

VOID = {"meta", "br", "img", "link", "input", "hr"}


class TagBalance(HTMLParser):
    """Records tags, script elements and external references while checking nesting."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0
        self.script_text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
            if name.startswith("on"):
                self.errors.append(f"event handler attribute {name}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def parse(html: str) -> TagBalance:
    checker = TagBalance()
    checker.feed(html)
    checker.close()
    return checker


def test_overlapping_highlights_nest(tmp_path: Path) -> None:
    text = "Police said 43 people died in Valdoria."
    html = render_highlighted(
        text,
        [
            Highlight(0, 16, "a"),
            Highlight(12, 21, "b", anchor="c1"),
            Highlight(30, 38, "ent"),
        ],
    )
    checker = parse(html)
    assert checker.errors == [] and checker.stack == []
    assert '<a id="c1"></a>' in html


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory, analyzer) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(
        "outlet: <img src=x onerror=alert(1)>\n"
        "title: </title><script>alert('title')</script>\n\n"
        "Officials said <script>alert('pwned')</script> 12 people were killed in Harlow. "
        'A reader wrote "<b onclick=steal()>click</b>" & left.\n',
        encoding="utf-8",
    )
    db = folder / "case.db"
    analyze_paths([folder], db=db, analyzer=analyzer)
    return render_report(load_analysis(db))


def test_hostile_text_is_shown_as_text(hostile_report: str) -> None:
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in hostile_report
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_report
    checker = parse(hostile_report)
    # The one script is the report's own verdict filter, never article text.
    assert checker.scripts == 1
    assert "".join(checker.script_text) == filter_script()
    assert checker.errors == []


def test_report_is_self_contained(hostile_report: str) -> None:
    checker = parse(hostile_report)
    assert checker.external == []
    assert "http://" not in hostile_report and "https://" not in hostile_report


def test_report_of_examples_shows_sources_and_claim_table(
    examples_dir: Path, tmp_path: Path, analyzer
) -> None:
    db = tmp_path / "case.db"
    analyze_paths([examples_dir], db=db, analyzer=analyzer)
    html = render_report(load_analysis(db))
    for outlet in (
        "Meridia Herald",
        "Valdoria Daily",
        "The Northern Voice",
        "Free Meridia Post",
        "Ostrava Today",
    ):
        assert f"<h3>{outlet}</h3>" in html
    assert '<th class="slot slot-killed">killed</th>' in html
    assert "<b>≥ 40</b> <q>At least 40 people</q>" in html and "<b>43</b>" in html
    assert parse(html).errors == []


def test_comparison_sections_with_hostile_outlets(tmp_path: Path, analyzer) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text(
        'outlet: <svg onload="alert(1)">North</svg>\ndate: 2026-05-02\n\n'
        "Gunmen attacked the Tarn Market in Harlow on Friday. The attack killed 40 people. "
        "The minister blamed Ostrava for the attack.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "outlet: South </text><script>x()</script>\ndate: 2026-05-02\n\n"
        "Gunmen attacked the Tarn Market in Harlow on Friday. The attack killed 55 people. "
        "Perhaps the Red Hand organised the attack.\n",
        encoding="utf-8",
    )
    db = tmp_path / "case.db"
    analyze_paths([folder], db=db, analyzer=analyzer)
    html = render_report(load_analysis(db))
    checker = parse(html)
    assert checker.errors == [] and checker.scripts == 1
    assert "".join(checker.script_text) == filter_script()
    assert "Where the sources agree and collide" in html and "contradictory" in html
    assert '<svg class="graph"' in html and '<svg class="timeline"' in html
    assert "&lt;svg onload=&quot;alert(1)&quot;&gt;North&lt;/svg&gt;" in html
    assert 'class="verdict contra"' in html  # the 40 / 55 contradiction is marked in the table


def test_the_report_stays_readable_at_any_size() -> None:
    from newsprism.model import Analysis, Article
    from newsprism.report.html import MAX_CARDS

    def report_of(n: int) -> str:
        articles = [
            Article(
                f"A{i:012x}", f"{i}.txt", f"Report number {i}. " * 40, "0", outlet=f"Outlet {i}"
            )
            for i in range(n)
        ]
        return render_report(Analysis(articles=articles))

    small, large = report_of(MAX_CARDS), report_of(MAX_CARDS * 10)
    # Ten times the articles; the page grows only by the notes and the events list.
    assert len(large) < 2 * len(small)
    assert f"{MAX_CARDS * 9} more articles are not shown here" in large
