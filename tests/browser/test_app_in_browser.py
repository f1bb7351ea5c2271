"""The web app as a person uses it, in headless chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_case_page_and_layers(page, served: str, screenshots: Path | None) -> None:
    page.goto(served + "/")
    assert page.locator("h2", has_text="Where the sources agree and collide").is_visible()
    if screenshots:
        page.screenshot(path=str(screenshots / "app-case.png"))
    page.locator("a", has_text="Claims by slot and source").first.click()
    page.wait_for_url(re.compile(r"/matrix$"))
    assert page.locator("table.claims").is_visible()
    page.goto(served + "/")
    page.locator("a", has_text="Valdoria Daily").first.click()
    page.wait_for_url(re.compile(r"/articles/A[0-9a-f]{12}"))
    entities = page.locator("input[data-layer=entities]")
    assert entities.is_checked()
    entities.uncheck()
    assert "hide-entities" in (page.locator("body").get_attribute("class") or "")
    entities.check()
    assert "hide-entities" not in (page.locator("body").get_attribute("class") or "")
    if screenshots:
        page.screenshot(path=str(screenshots / "app-article.png"))


def test_claim_page_and_the_contradicting_sentence(page, served: str) -> None:
    page.goto(served + "/matrix")
    link = page.locator("table.claims a.verdict.contra").first
    claim_id = link.locator("xpath=..").locator("a").first.get_attribute("href").lstrip("#")
    page.goto(f"{served}/claims/{claim_id}")
    row = page.locator("tr.contradictory").first
    assert row.is_visible()
    row.locator("td a").first.click()
    page.wait_for_url(re.compile(r"/articles/A[0-9a-f]{12}#A[0-9a-f]{12}-c\d+"))
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"a[id='{anchor}']").count() == 1


def test_clicking_a_claim_mark_opens_it(page, served: str) -> None:
    page.goto(served + "/")
    page.locator("a", has_text="Meridia Herald").first.click()
    page.locator("mark[data-claim]").first.click()
    page.wait_for_url(re.compile(r"/claims/A[0-9a-f]{12}-c\d+"))
    assert page.locator("h3", has_text="Other outlets").is_visible()


def test_upload_a_file_and_see_it_analysed(page, served: str, tmp_path: Path) -> None:
    article = tmp_path / "fresh.txt"
    article.write_text(
        "outlet: Browser Gazette\n\nGunmen killed 9 people at the Tarn Market "
        "in Harlow on Monday, police said.\n",
        encoding="utf-8",
    )
    page.goto(served + "/")
    page.set_input_files("input[name=files]", str(article))
    page.locator("button", has_text="Upload and analyse").click()
    page.wait_for_load_state()
    assert page.locator("p.flash", has_text="1 analysed").is_visible()
    assert page.locator("a", has_text="Browser Gazette").count() >= 1


def test_correct_a_claim_and_see_it_in_the_export(page, served: str) -> None:
    page.goto(served + "/")
    page.locator("a", has_text="Ostrava Today").first.click()
    page.locator("mark[data-claim]").first.click()
    claim_id = page.url.rsplit("/", 1)[1]
    page.locator("button", has_text="Mark as wrong").click()
    page.wait_for_load_state()
    assert page.locator("p.flash", has_text="correction saved").is_visible()
    exported = json.loads(page.request.get(served + "/export.json").text())
    claim = next(c for c in exported["claims"] if c["id"] == claim_id)
    assert claim["correction"]["status"] == "wrong"


def test_hostile_article_cannot_run_script(page, served: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served + "/")
    page.locator("a", has_text="Hostile Times").first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned" in page.locator("#text").inner_text()
    page.goto(served + "/")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_filter_verdicts_to_contradictions_of_one_slot_and_reach_both_sentences(
    page, served: str
) -> None:
    page.goto(served + "/verdicts")
    form = page.locator("form.verdict-filter")
    slots = form.locator("select[name=slot] option").all_inner_texts()
    assert "killed" in slots
    form.locator("select[name=slot]").select_option("killed")
    form.locator("select[name=verdict]").select_option("contradictory")
    form.locator("button", has_text="Filter").click()
    page.wait_for_url(re.compile(r"slot=killed.*verdict=contradictory"))
    rows = page.locator("table.verdicts tbody tr:not([hidden])")
    assert rows.count() >= 1
    for n in range(rows.count()):
        row = rows.nth(n)
        assert row.get_attribute("data-slot") == "killed"
        assert row.get_attribute("data-verdict") in ("contradictory", "update")
    first = rows.first
    sentences = first.locator("blockquote")
    assert sentences.count() == 2  # both claims, each in its sentence
    second_words = sentences.nth(1).locator("mark").inner_text()
    sentences.first.locator("a").click()
    page.wait_for_url(re.compile(r"/claims/A[0-9a-f]{12}-c\d+"))
    # The claim page shows the claim's sentence and, among the other outlets, the other one.
    assert page.locator("h3", has_text="Other outlets").is_visible()
    assert page.get_by_text(second_words).first.is_visible()


def test_the_report_filters_its_verdicts_in_the_page(page, served: str) -> None:
    page.goto(served + "/report.html")
    form = page.locator("form.verdict-filter")
    form.locator("select[name=verdict]").select_option("contradictory")
    visible = page.locator("table.verdicts tbody tr:not([hidden])")
    assert visible.count() >= 1
    assert set(visible.evaluate_all("rows => rows.map(r => r.dataset.verdict)")) <= {
        "contradictory",
        "update",
    }
    assert "rows shown" in form.locator(".shown").inner_text()


def test_the_progression_chart_renders(page, served: str) -> None:
    page.goto(served + "/figures")
    chart = page.locator("svg.progression").first
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    marks = chart.locator("g.point")
    assert marks.count() >= 2
    title = marks.first.locator("title").text_content() or ""
    assert title.count("·") == 3  # value · outlet · speaker · time
