"""One article with its highlight layers."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsprism.report import highlighted_text
from newsprism.report.labels import source_label
from newsprism.web.site import Site, site_of

router = APIRouter()
ARTICLE_ID = re.compile(r"^A[0-9a-f]{12}$")
LAYERS = (
    ("entities", "entities"),
    ("claims", "claims by slot"),
    ("hedges", "hedges"),
    ("attributions", "attributions"),
    ("techniques", "techniques"),
)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str, site: Annotated[Site, Depends(site_of)]
) -> HTMLResponse:
    analysis = site.case()
    article = next((a for a in analysis.articles if a.id == article_id), None)
    if not ARTICLE_ID.match(article_id) or article is None:
        raise HTTPException(404, "no such article")
    return site.page(
        request,
        "article.html",
        title=article.title or source_label(article),
        article=article,
        text=highlighted_text(article, analysis),
        layers=LAYERS,
    )
