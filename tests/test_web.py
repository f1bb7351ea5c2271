"""The web app's routes, without a server: pages, search, uploads, corrections, exports, token."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.api import analyze_paths, load_analysis
from newsprism.web import claims_csv, create_app, is_local


@pytest.fixture()
def case_db(store_target: str | Path, tmp_path: Path, examples_dir: Path, analyzer) -> str | Path:
    """The examples and a hostile article in a store: a SQLite file, then PostgreSQL."""
    db = store_target
    folder = tmp_path / "articles"
    shutil.copytree(examples_dir, folder)
    (folder / "hostile.txt").write_text(
        "outlet: <script>alert('outlet')</script>\n\nOfficials said <script>alert(1)</script> "
        "12 people were killed in the Harbour Market attack in Valdoria on Saturday.\n",
        encoding="utf-8",
    )
    analyze_paths([folder], db=db, analyzer=analyzer)
    return db


BASE = "http://127.0.0.1:8000"


@pytest.fixture()
def client(case_db: str | Path, analyzer) -> TestClient:
    return TestClient(create_app(case_db, analyzer=analyzer), base_url=BASE)


def token(client: TestClient) -> dict[str, str]:
    """The form field that proves a POST comes from the app's own page."""
    return {"csrf_token": first(r'name="csrf_token" value="([^"]+)"', client.get("/").text)}


def first(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match, pattern
    return match.group(1)


def test_case_page(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for part in (
        "Where the sources agree and collide",
        "How each outlet reports",
        "Valdoria Daily",
    ):
        assert part in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    # The heavy parts have pages of their own, linked from the case page.
    for path, part in (
        ("/matrix", "Claims by slot and source"),
        ("/figures", "Who blames whom"),
        ("/figures", "Timeline"),
        ("/entities", "Merge two entities"),
    ):
        assert f'href="{path}"' in page.text
        other = client.get(path)
        assert other.status_code == 200 and part in other.text
        assert "<script>alert" not in other.text


def test_article_page_has_layers_and_claim_marks(client: TestClient) -> None:
    article = first(r'href="/articles/(A[0-9a-f]{12})"', client.get("/").text)
    page = client.get(f"/articles/{article}")
    assert page.status_code == 200
    assert 'data-layer="techniques"' in page.text and "data-claim=" in page.text


def test_claim_page_links_to_other_outlets(client: TestClient) -> None:
    case = client.get("/matrix").text
    claim = first(r'<a class="verdict contra" href="#(A[0-9a-f]{12}-c\d+)"', case)
    page = client.get(f"/claims/{claim}")
    assert page.status_code == 200
    assert "contradictory" in page.text
    assert re.search(r'href="/articles/A[0-9a-f]{12}#A[0-9a-f]{12}-c\d+"', page.text)


@pytest.mark.parametrize(
    "path",
    ["/articles/nope", "/articles/../../etc/passwd", "/claims/A000000000000-c001", "/claims/x"],
)
def test_unknown_or_hostile_ids_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_search(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Harbour Market"})
    assert page.status_code == 200 and "Valdoria" in page.text
    odd = client.get("/search", params={"q": 'NEAR( "x" OR * ^'})
    assert odd.status_code == 200  # what a person types is never FTS5 syntax


def test_upload_analyses_and_refuses_bad_files(client: TestClient, case_db: str | Path) -> None:
    good = (
        "files",
        (
            "../../evil name.txt",
            b"outlet: Upload Post\n\nGunmen killed 9 people in Harlow on Monday, police said.\n",
            "text/plain",
        ),
    )
    done = client.post("/upload", files=[good], data=token(client), follow_redirects=False)
    assert done.status_code == 303 and "1 analysed" in done.headers["location"].replace("+", " ")
    assert "Upload Post" in client.get("/").text
    bad = ("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))
    refused = client.post("/upload", files=[bad], data=token(client))
    assert "E006" in refused.text and "scan.pdf" in refused.text
    empty = ("files", ("blank.txt", b"   \n", "text/plain"))
    assert "E001" in client.post("/upload", files=[empty], data=token(client)).text


def test_paste(client: TestClient) -> None:
    page = client.post(
        "/paste",
        data={
            "text": "Three gunmen attacked Harlow on Monday.",
            "outlet": "Paste\nDaily",
            "title": "",
            "date": "",
            **token(client),
        },
    )
    assert page.status_code == 200 and "1 analysed" in page.text
    assert "Paste Daily" in client.get("/").text


def test_correction_survives_and_reaches_the_exports(
    client: TestClient, case_db: str | Path, examples_dir: Path, analyzer
) -> None:
    claim = first(
        r'data-claim="(A[0-9a-f]{12}-c\d+)"',
        client.get(f"/articles/{first(r'/articles/(A[0-9a-f]{12})', client.get('/').text)}").text,
    )
    done = client.post(f"/claims/{claim}/correct", data={"action": "wrong", **token(client)})
    assert done.status_code == 200
    analyze_paths([examples_dir], db=case_db, analyzer=analyzer)  # re-analysis
    doc = client.get("/export.json").json()
    corrected = next(c for c in doc["claims"] if c["id"] == claim)
    assert corrected["correction"]["status"] == "wrong"
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").text)))
    assert next(r for r in rows if r["claim"] == claim)["correction"] == "wrong"
    bad = client.post(
        f"/claims/{claim}/correct", data={"action": "slot", "slot": "deaths", **token(client)}
    )
    assert "unknown slot" in bad.text


def test_value_correction_and_merge(client: TestClient, case_db: str | Path) -> None:
    analysis = load_analysis(case_db)
    number = next(c for c in analysis.claims if c.slot == "killed")
    client.post(
        f"/claims/{number.id}/correct",
        data={"action": "value", "op": ">=", "number": "41", **token(client)},
    )
    after = next(c for c in load_analysis(case_db).claims if c.id == number.id)
    assert (after.value.op, after.value.value) == (">=", 41.0)
    assert after.correction["status"] == "corrected"
    a, b = analysis.entities[0], analysis.entities[1]
    client.post("/entities/merge", data={"from_id": a.id, "into_id": b.id, **token(client)})
    merged = {e.id: e for e in load_analysis(case_db).entities}
    assert a.id not in merged and a.name in merged[b.id].aliases


def test_exports(client: TestClient) -> None:
    assert client.get("/export.json").json()["articles"]
    assert client.get("/report.html").text.startswith("<!DOCTYPE html>")


def test_csv_cells_never_become_formulas(case_db: str | Path) -> None:
    analysis = load_analysis(case_db)
    analysis.claims[0].hedge_cue = '=HYPERLINK("x")'
    text = claims_csv(analysis)
    assert "'=HYPERLINK" in text


def test_token_is_required_off_loopback(case_db: str | Path) -> None:
    app = TestClient(create_app(case_db, token="s3cret"), base_url=BASE)
    assert app.get("/").status_code == 401
    assert app.get("/export.json").status_code == 401
    assert app.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    entered = app.get("/?token=s3cret", follow_redirects=False)
    assert entered.status_code == 303 and "token" not in entered.headers["location"]
    assert app.get("/", cookies={"newsprism_token": "s3cret"}).status_code == 200
    stranger = TestClient(create_app(case_db, token="s3cret"), base_url=BASE)  # no cookie
    assert stranger.get("/?token=wrong").status_code == 401


def test_loopback_hosts() -> None:
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5")


def test_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/").text
    for asset in re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js))"', page):
        assert client.get(asset).status_code == 200
    assert "http://" not in page and "https://" not in page
    assert json.loads(client.get("/export.json").text)
