"""The web app as a person uses it, in headless chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_case_page_and_layers(page, served: str, screenshots: Path | None) -> None:
    page.goto(served + "/")
    assert page.locator("h2", has_text="Claims by slot and source").is_visible()
    assert page.locator("table.claims").is_visible()
    if screenshots:
        page.screenshot(path=str(screenshots / "app-case.png"))
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
    page.goto(served + "/")
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
