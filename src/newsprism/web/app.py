"""The local web app over a store: case, article and claim pages, search, ingest, corrections
and exports. Server-rendered (Jinja2, autoescaped); every asset is served by the app."""

from __future__ import annotations

import json
import math
import re
import tempfile
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.errors import NewsprismError
from newsprism.ingest import READERS
from newsprism.model import to_dict
from newsprism.model.types import (
    NUMBER_OPS,
    SLOTS,
    Analysis,
    Claim,
    Entity,
    NumberValue,
)
from newsprism.report import claims_csv, highlighted_text, render_report, report_sections
from newsprism.report.html import CLAIM_TABLE_NOTE
from newsprism.report.labels import source_label, value_label
from newsprism.report.verdict_view import Filters, verdict_view
from newsprism.store import Store
from newsprism.web.analysis_worker import AnalysisWorker
from newsprism.web.case_cache import CaseCache
from newsprism.web.security import (
    CSRF_COOKIE,
    LOOPBACK_NAMES,
    HostGuard,
    OriginGuard,
    TokenMiddleware,
    new_token,
    same_secret,
)

ARTICLE_ID = re.compile(r"^A[0-9a-f]{12}$")
CLAIM_ID = re.compile(r"^A[0-9a-f]{12}-c\d{3,}$")
ENTITY_ID = re.compile(r"^E[0-9a-f]{12}$")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_QUERY_CHARS = 500
MAX_LISTED_ARTICLES = 200  # the case page lists this many sources; search finds the rest
MAX_QUERY_WORDS = 20
MAX_FIGURE = 1e15  # no count or measure in a news report is larger
MAX_MESSAGE = 600
LAYERS = (
    ("entities", "entities"),
    ("claims", "claims by slot"),
    ("hedges", "hedges"),
    ("attributions", "attributions"),
    ("techniques", "techniques"),
)


def parse_figure(text: str | None) -> float | None:
    """A number a person typed, when it is finite and of a size a report could state."""
    try:
        figure = float((text or "").strip())
    except ValueError:
        return None
    if not math.isfinite(figure) or abs(figure) > MAX_FIGURE:
        return None
    return figure


def query_problem(query: str) -> str | None:
    """Why a search query is refused, or None: control characters, or too long."""
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in query):
        return "the query holds control characters"
    if len(query) > MAX_QUERY_CHARS:
        return f"the query is too long: at most {MAX_QUERY_CHARS} characters"
    return None


MAX_MERGE_CHOICES = 300


def _merge_choices(analysis: Analysis) -> list[Entity]:
    """The entities a person may merge from the case page: the most mentioned, by name."""
    busiest = sorted(analysis.entities, key=lambda e: -len(e.mentions))[:MAX_MERGE_CHOICES]
    return sorted(busiest, key=lambda e: e.name.lower())


def _claim_href(claim: Claim) -> str:
    return f"/claims/{claim.id}"


def _here(name: str) -> Path:
    return Path(str(resources.files("newsprism.web").joinpath(name)))


def create_app(
    db: str | Path,
    token: str | None = None,
    analyzer: Analyzer | None = None,
    hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The app for one store; with a token, every request must carry it.

    `hosts` are the names the app answers to besides the loopback ones ("*" for any, when
    it listens on every interface behind its token). Every state-changing request must come
    from the app's own pages: no other site's Origin, and the form's CSRF token.
    """
    db_path = Path(db)
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url=None)
    if token:
        app.add_middleware(TokenMiddleware, token=token)
    app.add_middleware(OriginGuard)
    allowed = [*LOOPBACK_NAMES, *(hosts or ())]
    if "*" not in allowed:
        app.add_middleware(HostGuard, hosts=allowed)
    templates = Jinja2Templates(directory=str(_here("templates")))
    app.mount("/static", StaticFiles(directory=str(_here("static"))), name="static")
    lock = threading.Lock()
    state: dict[str, Any] = {"analyzer": analyzer}
    worker = AnalysisWorker()
    app.router.on_shutdown.append(worker.close)

    cache = CaseCache(db_path, load_analysis)
    cached = cache.get

    def case() -> Analysis:
        return cache.analysis()

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        messages = []
        if request.query_params.get("msg"):
            kind = "error" if request.query_params.get("kind") == "error" else "ok"
            messages.append((kind, request.query_params["msg"][:MAX_MESSAGE]))
        # One CSRF token per browser: in a strict cookie, and in every form the page holds.
        csrf = request.cookies.get(CSRF_COOKIE) or new_token()
        response = templates.TemplateResponse(
            request, name, {"messages": messages, "csrf_token": csrf, **context}
        )
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return response

    def check_form(request: Request, given: str) -> None:
        """A state-changing form must carry the token of the cookie this app set."""
        if not same_secret(given, request.cookies.get(CSRF_COOKIE) or ""):
            raise HTTPException(403, "this form did not come from this app: reload the page")

    def back(path: str, message: str, error: bool = False) -> RedirectResponse:
        url = app.url_path_for("case_page") if path == "/" else path
        query = {"msg": message[:MAX_MESSAGE], **({"kind": "error"} if error else {})}
        from urllib.parse import urlencode

        return RedirectResponse(f"{url}?{urlencode(query)}", status_code=303)

    @app.get("/report.css", include_in_schema=False)
    def report_css() -> Response:
        css = resources.files("newsprism.report").joinpath("report.css").read_text("utf-8")
        return Response(css, media_type="text/css")

    @app.get("/", response_class=HTMLResponse, name="case_page")
    def case_page(request: Request) -> HTMLResponse:
        analysis = case()
        return page(
            request,
            "case.html",
            title="newsprism case",
            articles=analysis.articles[:MAX_LISTED_ARTICLES],
            more_articles=max(0, len(analysis.articles) - MAX_LISTED_ARTICLES),
            parts=parts(),
            n_articles=len(analysis.articles),
            n_claims=len(analysis.claims),
            n_entities=len(analysis.entities),
            db_name=db_path.name,
        )

    def parts() -> dict[str, str]:
        found: dict[str, str] = cached(
            "case_parts",
            lambda a: report_sections(
                a, claim_link=_claim_href, verdict_action="/verdicts", verdict_rows=40
            ),
        )
        return found

    @app.get("/matrix", response_class=HTMLResponse)
    def matrix_page(request: Request) -> HTMLResponse:
        sections = [("Claims by slot and source", CLAIM_TABLE_NOTE + parts()["claims"])]
        return page(request, "sections.html", title="Claims by slot and source", sections=sections)

    @app.get("/figures", response_class=HTMLResponse)
    def figures_page(request: Request) -> HTMLResponse:
        found = parts()
        sections = [
            ("How the figures moved", found["progression"]),
            ("Who blames whom", found["graph"]),
            ("Timeline", found["timeline"]),
        ]
        return page(request, "sections.html", title="Figures, blame and time", sections=sections)

    @app.get("/entities", response_class=HTMLResponse)
    def entities_page(request: Request) -> HTMLResponse:
        return page(
            request,
            "entities.html",
            title="entities",
            entities=cached("merge_choices", _merge_choices),
            table=parts()["entities"],
            n_entities=len(case().entities),
        )

    @app.get("/verdicts", response_class=HTMLResponse)
    def verdicts_page(
        request: Request, slot: str = "", verdict: str = "", outlet: str = "", speaker: str = ""
    ) -> HTMLResponse:
        filters = Filters(slot=slot, verdict=verdict, outlet=outlet, speaker=speaker)
        view = verdict_view(case(), link=_claim_href, filters=filters, action="/verdicts")
        return page(request, "verdicts.html", title="verdicts", view=view)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        analysis = case()
        article = next((a for a in analysis.articles if a.id == article_id), None)
        if not ARTICLE_ID.match(article_id) or article is None:
            raise HTTPException(404, "no such article")
        return page(
            request,
            "article.html",
            title=article.title or source_label(article),
            article=article,
            text=highlighted_text(article, analysis),
            layers=LAYERS,
        )

    @app.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim_page(request: Request, claim_id: str) -> HTMLResponse:
        analysis = case()
        claims = {c.id: c for c in analysis.claims}
        if not CLAIM_ID.match(claim_id) or claim_id not in claims:
            raise HTTPException(404, "no such claim")
        claim = claims[claim_id]
        names = {e.id: e.name for e in analysis.entities}
        articles = {a.id: a for a in analysis.articles}
        article = articles[claim.article]
        others = []
        for comparison in analysis.comparisons:
            if claim_id in comparison.claims:
                other = claims[comparison.claims[1 if comparison.claims[0] == claim_id else 0]]
                others.append(
                    {
                        "outlet": source_label(articles[other.article]),
                        "article_id": other.article,
                        "claim_id": other.id,
                        "verdict": comparison.verdict,
                        "update": comparison.update,
                        "reason": comparison.reason,
                        "words": articles[other.article].text[other.value_start : other.value_end],
                    }
                )
        return page(
            request,
            "claim.html",
            title=f"claim {claim_id}",
            claim=claim,
            article=article,
            value=value_label(claim.value, names=names),
            value_words=article.text[claim.value_start : claim.value_end],
            sentence=article.text[claim.start : claim.end],
            speaker=names.get(claim.attributed_to or ""),
            subject=names.get(claim.subject or ""),
            others=others,
            slots=SLOTS,
            ops=[op for op in NUMBER_OPS if op != "range"],
            number=claim.value if isinstance(claim.value, NumberValue) else None,
        )

    @app.post("/claims/{claim_id}/correct")
    def correct_claim(
        request: Request,
        claim_id: str,
        action: Annotated[str, Form()],
        slot: Annotated[str | None, Form()] = None,
        op: Annotated[str | None, Form()] = None,
        number: Annotated[str | None, Form()] = None,
        csrf_token: Annotated[str, Form()] = "",
    ) -> RedirectResponse:
        check_form(request, csrf_token)
        if not CLAIM_ID.match(claim_id):
            raise HTTPException(404, "no such claim")
        value = None
        if action == "value":
            figure = parse_figure(number)
            if figure is None:
                return back(
                    f"/claims/{claim_id}",
                    f"the value must be a finite number of at most {MAX_FIGURE:.0e}",
                    error=True,
                )
            value = {"op": op, "value": figure}
        try:
            with Store(db_path) as store:
                store.add_correction(claim_id, action, slot=slot, value=value)
        except NewsprismError as exc:
            return back(f"/claims/{claim_id}", str(exc), error=True)
        cache.refresh()  # the person who corrected sees the case with the correction
        return back(f"/claims/{claim_id}", "correction saved")

    @app.post("/entities/merge")
    def merge(
        request: Request,
        from_id: Annotated[str, Form()],
        into_id: Annotated[str, Form()],
        csrf_token: Annotated[str, Form()] = "",
    ) -> RedirectResponse:
        check_form(request, csrf_token)
        if not (ENTITY_ID.match(from_id) and ENTITY_ID.match(into_id)):
            return back("/", "unknown entity", error=True)
        try:
            with Store(db_path) as store:
                store.merge_entities(from_id, into_id)
        except NewsprismError as exc:
            return back("/", str(exc), error=True)
        cache.refresh()
        return back("/", "entities merged")

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "") -> HTMLResponse:
        problem = query_problem(q)
        if problem:
            raise HTTPException(400, problem)
        with Store(db_path) as store:
            rows = store.search(q) if q.strip() else []
            outlets = {a: store.outlet_of(a) for a in {r[2] for r in rows}}
        results = [
            {
                "kind": kind,
                "snippet": snippet,
                "outlet": outlets.get(article) or article,
                "href": f"/claims/{ref}" if kind == "claim" else f"/articles/{article}",
            }
            for kind, ref, article, snippet in rows
        ]
        return page(request, "search.html", title=f"search {q}", query=q, results=results)

    def ingest(folder: Path, names: dict[str, str]) -> RedirectResponse:
        given_names = {stored: f"upload: {given}" for stored, given in names.items()}
        with lock:  # one analysis at a time
            if state["analyzer"] is not None:  # an analyzer given (tests, the Python API)
                summary = analyze_paths(
                    [folder], db=db_path, analyzer=state["analyzer"], source_names=given_names
                )
            else:
                summary = worker.analyze(folder, db_path, given_names)
        cache.refresh()
        problems = []
        for problem in summary.problems:
            text = str(problem)
            for stored, given in names.items():
                text = text.replace(stored, given)
            problems.append(text)
        done = f"{summary.analyzed} analysed, {summary.already_stored} already in the case"
        if problems:
            return back("/", f"{done}; problems: " + "; ".join(problems), error=True)
        return back("/", done)

    @app.post("/upload")
    async def upload(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        csrf_token: Annotated[str, Form()] = "",
    ) -> RedirectResponse:
        check_form(request, csrf_token)
        with tempfile.TemporaryDirectory() as tmp:
            names, problems = {}, []
            for n, file in enumerate(files):
                given = Path(file.filename or "upload").name
                suffix = Path(given).suffix.lower()
                if suffix not in READERS:
                    problems.append(f"{given}: E006 unsupported file type")
                    continue
                data = await file.read(MAX_UPLOAD_BYTES + 1)
                if len(data) > MAX_UPLOAD_BYTES:
                    problems.append(f"{given}: larger than {MAX_UPLOAD_BYTES // 2**20} MB")
                    continue
                # The file name a browser sends never reaches the file system.
                stored = Path(tmp) / f"upload{n}{suffix}"
                stored.write_bytes(data)
                names[str(stored)] = given
            if problems:
                return back("/", "; ".join(problems), error=True)
            if not names:
                return back("/", "no file was given", error=True)
            # Analysis takes seconds: off the event loop, so every other page keeps answering.
            return await run_in_threadpool(ingest, Path(tmp), names)

    @app.post("/paste")
    def paste(
        request: Request,
        text: Annotated[str, Form()],
        outlet: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
        date: Annotated[str, Form()] = "",
        csrf_token: Annotated[str, Form()] = "",
    ) -> RedirectResponse:
        check_form(request, csrf_token)
        if not text.strip():
            return back("/", "paste an article's text first", error=True)
        fields = {"outlet": outlet, "title": title, "date": date}
        header = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in fields.items() if v.strip())
        with tempfile.TemporaryDirectory() as tmp:
            stored = Path(tmp) / "pasted.txt"
            stored.write_text(f"{header}\n{text}" if header else text, encoding="utf-8")
            return ingest(Path(tmp), {str(stored): "pasted text"})

    @app.get("/export.json")
    def export_json() -> Response:
        body = json.dumps(to_dict(case()), ensure_ascii=False, indent=1, allow_nan=False)
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="case.json"'},
        )

    @app.get("/export.csv")
    def export_csv() -> Response:
        return Response(
            claims_csv(case()),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
        )

    @app.get("/report.html", response_class=HTMLResponse)
    def report() -> HTMLResponse:
        return HTMLResponse(cached("report", lambda a: render_report(a, title="newsprism case")))

    @app.exception_handler(HTTPException)
    def http_problem(request: Request, exc: HTTPException) -> PlainTextResponse:
        return PlainTextResponse(f"newsprism: {exc.detail}", status_code=exc.status_code)

    @app.exception_handler(NewsprismError)
    def store_problem(request: Request, exc: NewsprismError) -> PlainTextResponse:
        return PlainTextResponse(f"newsprism: {exc}", status_code=500)

    return app


__all__ = ["create_app"]
