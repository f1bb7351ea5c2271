"""The local web app over a store: case, article and claim pages, search, ingest, corrections
and exports. Server-rendered (Jinja2, autoescaped); every asset is served by the app.

The routes live in `web/routes/`, one module per thing they serve; what they share (the
store, its compared case, templates, forms) is the `Site` in `web/site.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse
from fastapi.staticfiles import StaticFiles

from newsprism.analyzer import Analyzer
from newsprism.errors import NewsprismError
from newsprism.store import store_target
from newsprism.web.routes import ROUTERS
from newsprism.web.security import LOOPBACK_NAMES, HostGuard, OriginGuard, TokenMiddleware
from newsprism.web.site import Site, here


def create_app(
    db: str | Path,
    token: str | None = None,
    analyzer: Analyzer | None = None,
    hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The app for one store; with a token, every request must carry it.

    `hosts` are the names the app answers to besides the loopback ones ("*" for any, when
    it listens on every interface behind its token). Every state-changing request must come
    from the app's own pages: no other site's Origin, and the form's CSRF token. With an
    `analyzer` given, uploads are analysed in a thread with it; otherwise in a worker process.
    """
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url=None)
    if token:
        app.add_middleware(TokenMiddleware, token=token)
    app.add_middleware(OriginGuard)
    allowed = [*LOOPBACK_NAMES, *(hosts or ())]
    if "*" not in allowed:
        app.add_middleware(HostGuard, hosts=allowed)
    site = Site(store_target(db), analyzer=analyzer)
    app.state.site = site
    app.router.on_shutdown.append(site.worker.close)
    app.mount("/static", StaticFiles(directory=str(here("static"))), name="static")
    for router in ROUTERS:
        app.include_router(router)

    @app.exception_handler(HTTPException)
    def http_problem(request: Request, exc: HTTPException) -> PlainTextResponse:
        return PlainTextResponse(f"newsprism: {exc.detail}", status_code=exc.status_code)

    @app.exception_handler(NewsprismError)
    def store_problem(request: Request, exc: NewsprismError) -> PlainTextResponse:
        return PlainTextResponse(f"newsprism: {exc}", status_code=500)

    return app


__all__ = ["create_app"]
