"""Browser tests: the app served on loopback, driven headless in Debian's chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HOSTILE = (
    "outlet: Hostile Times\n\n"
    "Officials said <script>window.__pwned = 1</script> 12 people were killed in the Harbour "
    'Market attack in Valdoria on Saturday. <img src=x onerror="window.__pwned = 2"> '
    "Police arrested four suspects.\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed: run scripts/install_browser.sh")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed: run scripts/install_browser.sh"
    )
    with sync_api.sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path, analyzer) -> Iterator[str]:
    """The app over the examples and a hostile article, on a free loopback port."""
    import uvicorn

    from newsprism.api import analyze_paths
    from newsprism.web import create_app

    folder = tmp_path_factory.mktemp("browser") / "case"
    shutil.copytree(examples_dir, folder)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder.parent / "case.db"
    analyze_paths([folder], db=db, analyzer=analyzer)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, analyzer=analyzer), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser, served: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path | None:
    """Where to save the README's pictures (NEWSPRISM_SCREENSHOTS=docs), or None."""
    target = os.environ.get("NEWSPRISM_SCREENSHOTS")
    return Path(target) if target else None
