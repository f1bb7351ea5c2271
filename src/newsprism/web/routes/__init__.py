"""The app's routes, grouped by what they serve; `newsprism.web.app` includes them all."""

from newsprism.web.routes import article, case, claim, corrections, export, ingest, search

ROUTERS = [
    case.router,
    article.router,
    claim.router,
    search.router,
    corrections.router,
    ingest.router,
    export.router,
]

__all__ = ["ROUTERS"]
