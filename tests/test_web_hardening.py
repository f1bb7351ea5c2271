"""The app under hostile requests: other sites, other hosts, bad values, bad queries."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.api import analyze_paths, load_analysis
from newsprism.web import create_app
from newsprism.web.security import CSRF_COOKIE

BASE = "http://127.0.0.1:8765"


@pytest.fixture()
def case_db(tmp_path: Path, examples_dir: Path, analyzer) -> Path:
    db = tmp_path / "case.db"
    folder = tmp_path / "articles"
    shutil.copytree(examples_dir, folder)
    analyze_paths([folder], db=db, analyzer=analyzer)
    return db


@pytest.fixture()
def client(case_db: Path, analyzer) -> TestClient:
    return TestClient(create_app(case_db, analyzer=analyzer), base_url=BASE)


def a_claim(db: Path, slot: str = "killed") -> str:
    return next(c.id for c in load_analysis(db).claims if c.slot == slot)


def form_token(client: TestClient) -> str:
    """The CSRF token the app puts in its forms (and its cookie) for this browser."""
    page = client.get("/").text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, "every form carries the CSRF token"
    return match.group(1)


# -- 1. cross-site requests -------------------------------------------------------------------


def test_a_post_from_another_site_is_refused(client: TestClient, case_db: Path) -> None:
    claim = a_claim(case_db)
    token = form_token(client)
    evil = client.post(
        f"/claims/{claim}/correct",
        data={"action": "wrong", "csrf_token": token},
        headers={"Origin": "http://evil.example"},
    )
    assert evil.status_code == 403 and "another site" in evil.text
    cross = client.post(
        f"/claims/{claim}/correct",
        data={"action": "wrong", "csrf_token": token},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross.status_code == 403
    assert load_analysis(case_db).claims[0].correction is None or all(
        c.correction is None for c in load_analysis(case_db).claims if c.id == claim
    )


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/claims/{claim}/correct", {"action": "wrong"}),
        ("/entities/merge", {"from_id": "E000000000000", "into_id": "E000000000001"}),
        ("/paste", {"text": "Gunmen killed 3 people in Harlow on Monday."}),
    ],
)
def test_a_post_without_the_form_token_is_refused(
    client: TestClient, case_db: Path, path: str, data: dict[str, str]
) -> None:
    target = path.format(claim=a_claim(case_db))
    assert client.post(target, data=data).status_code == 403
    client.get("/")  # the cookie alone is not enough: the form must carry the token
    assert client.post(target, data=data).status_code == 403
    wrong = client.post(target, data={**data, "csrf_token": "forged"})
    assert wrong.status_code == 403


def test_an_upload_without_the_form_token_is_refused(client: TestClient) -> None:
    files = [("files", ("a.txt", b"Gunmen killed 3 people in Harlow.", "text/plain"))]
    assert client.post("/upload", files=files).status_code == 403
    token = form_token(client)
    done = client.post("/upload", files=files, data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303


def test_the_app_s_own_forms_still_work(client: TestClient, case_db: Path) -> None:
    claim = a_claim(case_db)
    token = form_token(client)
    done = client.post(
        f"/claims/{claim}/correct",
        data={"action": "wrong", "csrf_token": token},
        headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
    )
    assert done.status_code == 200 and "correction saved" in done.text


# -- 2. DNS rebinding -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/export.json", "/report.html"])
def test_an_unknown_host_name_is_refused(client: TestClient, path: str) -> None:
    refused = client.get(path, headers={"Host": "attacker.example:8765"})
    assert refused.status_code == 400 and "host" in refused.text.lower()
    assert client.get(path, headers={"Host": "localhost:8765"}).status_code == 200


def test_a_server_bound_elsewhere_accepts_its_own_name(case_db: Path) -> None:
    app = TestClient(
        create_app(case_db, token="s3cret", hosts=["newsroom.lan"]), base_url="http://newsroom.lan"
    )
    assert app.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert app.get("/", headers={"Host": "evil.example"}).status_code == 400


# -- 3. numbers at the boundary ---------------------------------------------------------------


@pytest.mark.parametrize("number", ["nan", "inf", "-inf", "1e309", "1e16"])
def test_a_value_that_is_not_a_finite_count_is_refused(
    client: TestClient, case_db: Path, number: str
) -> None:
    claim = a_claim(case_db)
    page = client.post(
        f"/claims/{claim}/correct",
        data={"action": "value", "op": "=", "number": number, "csrf_token": form_token(client)},
    )
    assert page.status_code == 200 and "finite" in page.text
    for path in ("/", "/report.html", "/export.csv"):
        assert client.get(path).status_code == 200
    json.loads(client.get("/export.json").text)  # strict JSON: no NaN, no Infinity


# -- 7. search --------------------------------------------------------------------------------


def test_a_bad_or_huge_query_is_a_400_with_a_message(client: TestClient) -> None:
    nul = client.get("/search", params={"q": "killed\x00"})
    assert nul.status_code == 400 and "query" in nul.text
    huge = client.get("/search", params={"q": "killed " * 5000})
    assert huge.status_code == 400 and "too long" in huge.text


def test_repeated_words_are_searched_once(client: TestClient) -> None:
    page = client.get("/search", params={"q": "killed " * 60})
    assert page.status_code == 200


# -- 9. smaller defects -----------------------------------------------------------------------


def test_a_non_ascii_token_is_refused_not_a_crash(case_db: Path) -> None:
    app = TestClient(create_app(case_db, token="s3cret"), base_url=BASE)
    assert app.get("/", headers={"Authorization": "Bearer s3crét".encode()}).status_code == 401
    assert app.get("/?token=%C3%A9").status_code == 401


def test_merging_back_and_forth_is_refused(client: TestClient, case_db: Path) -> None:
    a, b = load_analysis(case_db).entities[:2]
    token = form_token(client)
    client.post("/entities/merge", data={"from_id": a.id, "into_id": b.id, "csrf_token": token})
    back = client.post(
        "/entities/merge", data={"from_id": b.id, "into_id": a.id, "csrf_token": token}
    )
    assert "already merged" in back.text


def test_the_csrf_cookie_is_strict(client: TestClient) -> None:
    page = client.get("/")
    cookie = page.headers.get("set-cookie", "")
    assert CSRF_COOKIE in cookie and "samesite=strict" in cookie.lower()


def test_csv_keeps_real_data_and_guards_every_formula_start(case_db: Path) -> None:
    import csv
    import io

    from newsprism.web import claims_csv

    analysis = load_analysis(case_db)
    exact = next(c for c in analysis.claims if getattr(c.value, "op", None) == "=")
    exact.hedge_cue = "\t=1+1"
    rows = list(csv.DictReader(io.StringIO(claims_csv(analysis))))
    row = next(r for r in rows if r["claim"] == exact.id)
    assert row["op"] == "="  # newsprism's own value, not a formula
    assert row["hedge_cue"] == "'\t=1+1"


def test_an_upload_is_stored_under_the_name_the_person_gave(
    client: TestClient, case_db: Path
) -> None:
    files = [
        ("files", ("../my notes.txt", b"Gunmen killed 4 people in Tarn on Monday.", "text/plain"))
    ]
    client.post("/upload", files=files, data={"csrf_token": form_token(client)})
    sources = {a.source for a in load_analysis(case_db).articles}
    assert "upload: my notes.txt" in sources
    assert not any("upload0" in s for s in sources)  # the server's temporary name


def test_pages_keep_answering_while_an_upload_is_analysed(
    case_db: Path, analyzer, monkeypatch
) -> None:
    import socket
    import threading
    import time

    import httpx
    import uvicorn

    import newsprism.web.site as web_site

    real = web_site.analyze_paths

    def slow(*args: object, **kwargs: object):  # an analysis that takes a while
        time.sleep(3)
        return real(*args, **kwargs)

    monkeypatch.setattr(web_site, "analyze_paths", slow)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(case_db, analyzer=analyzer), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
            assert token
            files = [("files", ("slow.txt", b"Gunmen killed 5 people in Tarn.", "text/plain"))]
            upload = threading.Thread(
                target=client.post,
                args=("/upload",),
                kwargs={"files": files, "data": {"csrf_token": token.group(1)}},
            )
            upload.start()
            time.sleep(0.5)  # the upload is being analysed now
            started = time.perf_counter()
            with httpx.Client(base_url=base, timeout=30) as other:
                assert other.get("/search", params={"q": "market"}).status_code == 200
            assert time.perf_counter() - started < 2.0  # did not wait for the analysis
            upload.join()
    finally:
        server.should_exit = True


def test_without_a_given_analyzer_uploads_are_analysed_in_a_worker_process(
    case_db: Path,
) -> None:
    app = create_app(case_db)  # as `newsprism serve` makes it
    with TestClient(app, base_url=BASE) as client:
        files = [("files", ("w.txt", b"Gunmen killed 7 people in Tarn on Monday.", "text/plain"))]
        done = client.post(
            "/upload", files=files, data={"csrf_token": form_token(client)}, follow_redirects=False
        )
        assert done.status_code == 303 and "1+analysed" in done.headers["location"]
    assert "upload: w.txt" in {a.source for a in load_analysis(case_db).articles}
