"""The case: its summary page, the claim matrix, the figures, the entities, the verdicts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from newsprism.model.types import Analysis, Entity
from newsprism.report.html import CLAIM_TABLE_NOTE
from newsprism.report.verdict_view import Filters, verdict_view
from newsprism.store import store_label
from newsprism.web.site import Site, claim_href, site_of

router = APIRouter()
MAX_LISTED_ARTICLES = 200  # the case page lists this many sources; search finds the rest
MAX_MERGE_CHOICES = 300
SiteDep = Annotated[Site, Depends(site_of)]


def merge_choices(analysis: Analysis) -> list[Entity]:
    """The entities a person may merge: the most mentioned, by name."""
    busiest = sorted(analysis.entities, key=lambda e: -len(e.mentions))[:MAX_MERGE_CHOICES]
    return sorted(busiest, key=lambda e: e.name.lower())


@router.get("/", response_class=HTMLResponse, name="case_page")
def case_page(request: Request, site: SiteDep) -> HTMLResponse:
    analysis = site.case()
    return site.page(
        request,
        "case.html",
        title="newsprism case",
        articles=analysis.articles[:MAX_LISTED_ARTICLES],
        more_articles=max(0, len(analysis.articles) - MAX_LISTED_ARTICLES),
        parts=site.parts(),
        n_articles=len(analysis.articles),
        n_claims=len(analysis.claims),
        n_entities=len(analysis.entities),
        db_name=store_label(site.db),
    )


@router.get("/matrix", response_class=HTMLResponse)
def matrix_page(request: Request, site: SiteDep) -> HTMLResponse:
    sections = [("Claims by slot and source", CLAIM_TABLE_NOTE + site.parts()["claims"])]
    return site.page(request, "sections.html", title="Claims by slot and source", sections=sections)


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, site: SiteDep) -> HTMLResponse:
    found = site.parts()
    sections = [
        ("How the figures moved", found["progression"]),
        ("Who blames whom", found["graph"]),
        ("Timeline", found["timeline"]),
    ]
    return site.page(request, "sections.html", title="Figures, blame and time", sections=sections)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, site: SiteDep) -> HTMLResponse:
    return site.page(
        request,
        "entities.html",
        title="entities",
        entities=site.cached("merge_choices", merge_choices),
        table=site.parts()["entities"],
        n_entities=len(site.case().entities),
    )


@router.get("/verdicts", response_class=HTMLResponse)
def verdicts_page(
    request: Request,
    site: SiteDep,
    slot: str = "",
    verdict: str = "",
    outlet: str = "",
    speaker: str = "",
) -> HTMLResponse:
    filters = Filters(slot=slot, verdict=verdict, outlet=outlet, speaker=speaker)
    view = verdict_view(site.case(), link=claim_href, filters=filters, action="/verdicts")
    return site.page(request, "verdicts.html", title="verdicts", view=view)
