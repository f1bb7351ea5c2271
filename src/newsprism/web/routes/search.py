"""Search over articles and claim sentences, bounded so no query is costly."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsprism.store import Store
from newsprism.web.site import Site, site_of

router = APIRouter()
MAX_QUERY_CHARS = 500


def query_problem(query: str) -> str | None:
    """Why a search query is refused, or None: control characters, or too long."""
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in query):
        return "the query holds control characters"
    if len(query) > MAX_QUERY_CHARS:
        return f"the query is too long: at most {MAX_QUERY_CHARS} characters"
    return None


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, site: Annotated[Site, Depends(site_of)], q: str = "") -> HTMLResponse:
    problem = query_problem(q)
    if problem:
        raise HTTPException(400, problem)
    with Store(site.db) as store:
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
    return site.page(request, "search.html", title=f"search {q}", query=q, results=results)
