"""What every route of the app shares: the store, its compared case, the templates, the
analysis of new articles, and the page, form and redirect helpers."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.model.types import Analysis, Claim
from newsprism.report import report_sections
from newsprism.web.analysis_worker import AnalysisWorker
from newsprism.web.case_cache import CaseCache
from newsprism.web.security import CSRF_COOKIE, new_token, same_secret

MAX_MESSAGE = 600
CASE_PAGE_VERDICT_ROWS = 40


def here(name: str) -> Path:
    """A file of the web package (templates, static assets)."""
    return Path(str(resources.files("newsprism.web").joinpath(name)))


def claim_href(claim: Claim) -> str:
    return f"/claims/{claim.id}"


@dataclass
class Site:
    """One store served: its case, kept per state, and the tools its routes share."""

    db: str | Path  # a store file, or a PostgreSQL address
    analyzer: Analyzer | None = None  # given (tests, the Python API): analysis in a thread
    templates: Jinja2Templates = field(
        default_factory=lambda: Jinja2Templates(directory=str(here("templates")))
    )
    worker: AnalysisWorker = field(default_factory=AnalysisWorker)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.cache = CaseCache(self.db, load_analysis)

    def case(self) -> Analysis:
        return self.cache.analysis()

    def cached(self, name: str, make: Any) -> Any:
        return self.cache.get(name, make)

    def parts(self) -> dict[str, str]:
        """The report's sections, rendered for the app's pages once per state of the store."""
        found: dict[str, str] = self.cached(
            "case_parts",
            lambda a: report_sections(
                a,
                claim_link=claim_href,
                verdict_action="/verdicts",
                verdict_rows=CASE_PAGE_VERDICT_ROWS,
            ),
        )
        return found

    def page(self, request: Request, name: str, **context: Any) -> HTMLResponse:
        """A template as a page, with its flash message and this browser's CSRF token."""
        messages = []
        if request.query_params.get("msg"):
            kind = "error" if request.query_params.get("kind") == "error" else "ok"
            messages.append((kind, request.query_params["msg"][:MAX_MESSAGE]))
        # One CSRF token per browser: in a strict cookie, and in every form the page holds.
        csrf = request.cookies.get(CSRF_COOKIE) or new_token()
        response = self.templates.TemplateResponse(
            request, name, {"messages": messages, "csrf_token": csrf, **context}
        )
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return response

    @staticmethod
    def check_form(request: Request, given: str) -> None:
        """A state-changing form must carry the token of the cookie this app set."""
        if not same_secret(given, request.cookies.get(CSRF_COOKIE) or ""):
            raise HTTPException(403, "this form did not come from this app: reload the page")

    @staticmethod
    def back(path: str, message: str, error: bool = False) -> RedirectResponse:
        """Back to a page with a message to show there."""
        query = {"msg": message[:MAX_MESSAGE], **({"kind": "error"} if error else {})}
        return RedirectResponse(f"{path}?{urlencode(query)}", status_code=303)

    def ingest(self, folder: Path, names: dict[str, str]) -> RedirectResponse:
        """Analyse the articles under `folder` (files known to the person by `names`) into
        the store, one analysis at a time, and say what came of it."""
        given_names = {stored: f"upload: {given}" for stored, given in names.items()}
        with self.lock:
            if self.analyzer is not None:
                summary = analyze_paths(
                    [folder], db=self.db, analyzer=self.analyzer, source_names=given_names
                )
            else:
                summary = self.worker.analyze(folder, self.db, given_names)
        self.cache.refresh()
        problems = []
        for problem in summary.problems:
            text = str(problem)
            for stored, given in names.items():
                text = text.replace(stored, given)
            problems.append(text)
        done = f"{summary.analyzed} analysed, {summary.already_stored} already in the case"
        if problems:
            return self.back("/", f"{done}; problems: " + "; ".join(problems), error=True)
        return self.back("/", done)


def site_of(request: Request) -> Site:
    """The Site a request is served by (a FastAPI dependency)."""
    found: Site = request.app.state.site
    return found
