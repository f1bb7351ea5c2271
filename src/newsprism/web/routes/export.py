"""The case out of the app: the JSON contract, the claims CSV, the HTML report."""

from __future__ import annotations

import json
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, Response

from newsprism.model import to_dict
from newsprism.report import claims_csv, render_report
from newsprism.web.site import Site, site_of

router = APIRouter()
SiteDep = Annotated[Site, Depends(site_of)]


@router.get("/report.css", include_in_schema=False)
def report_css() -> Response:
    css = resources.files("newsprism.report").joinpath("report.css").read_text("utf-8")
    return Response(css, media_type="text/css")


@router.get("/export.json")
def export_json(site: SiteDep) -> Response:
    body = json.dumps(to_dict(site.case()), ensure_ascii=False, indent=1, allow_nan=False)
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="case.json"'},
    )


@router.get("/export.csv")
def export_csv(site: SiteDep) -> Response:
    return Response(
        claims_csv(site.case()),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


@router.get("/report.html", response_class=HTMLResponse)
def report(site: SiteDep) -> HTMLResponse:
    page = site.cached("report", lambda a: render_report(a, title="newsprism case"))
    return HTMLResponse(page)
