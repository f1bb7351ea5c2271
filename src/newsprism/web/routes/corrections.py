"""A person's corrections of claims and merges of entities."""

from __future__ import annotations

import math
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.web.routes.claim import CLAIM_ID
from newsprism.web.site import Site, site_of

router = APIRouter()
ENTITY_ID = re.compile(r"^E[0-9a-f]{12}$")
MAX_FIGURE = 1e15  # no count or measure in a news report is larger
SiteDep = Annotated[Site, Depends(site_of)]


def parse_figure(text: str | None) -> float | None:
    """A number a person typed, when it is finite and of a size a report could state."""
    try:
        figure = float((text or "").strip())
    except ValueError:
        return None
    if not math.isfinite(figure) or abs(figure) > MAX_FIGURE:
        return None
    return figure


@router.post("/claims/{claim_id}/correct")
def correct_claim(
    request: Request,
    claim_id: str,
    site: SiteDep,
    action: Annotated[str, Form()],
    slot: Annotated[str | None, Form()] = None,
    op: Annotated[str | None, Form()] = None,
    number: Annotated[str | None, Form()] = None,
    csrf_token: Annotated[str, Form()] = "",
) -> RedirectResponse:
    site.check_form(request, csrf_token)
    if not CLAIM_ID.match(claim_id):
        raise HTTPException(404, "no such claim")
    value = None
    if action == "value":
        figure = parse_figure(number)
        if figure is None:
            return site.back(
                f"/claims/{claim_id}",
                f"the value must be a finite number of at most {MAX_FIGURE:.0e}",
                error=True,
            )
        value = {"op": op, "value": figure}
    try:
        with Store(site.db) as store:
            store.add_correction(claim_id, action, slot=slot, value=value)
    except NewsprismError as exc:
        return site.back(f"/claims/{claim_id}", str(exc), error=True)
    site.cache.refresh()  # the person who corrected sees the case with the correction
    return site.back(f"/claims/{claim_id}", "correction saved")


@router.post("/entities/merge")
def merge(
    request: Request,
    site: SiteDep,
    from_id: Annotated[str, Form()],
    into_id: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
) -> RedirectResponse:
    site.check_form(request, csrf_token)
    if not (ENTITY_ID.match(from_id) and ENTITY_ID.match(into_id)):
        return site.back("/", "unknown entity", error=True)
    try:
        with Store(site.db) as store:
            store.merge_entities(from_id, into_id)
    except NewsprismError as exc:
        return site.back("/", str(exc), error=True)
    site.cache.refresh()
    return site.back("/", "entities merged")
