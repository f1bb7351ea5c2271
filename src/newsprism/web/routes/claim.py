"""One claim, with every other claim it was compared with and the verdict on each."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsprism.model.types import NUMBER_OPS, SLOTS, NumberValue
from newsprism.report.labels import source_label, value_label
from newsprism.web.site import Site, site_of

router = APIRouter()
CLAIM_ID = re.compile(r"^A[0-9a-f]{12}-c\d{3,}$")


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(
    request: Request, claim_id: str, site: Annotated[Site, Depends(site_of)]
) -> HTMLResponse:
    analysis = site.case()
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
    return site.page(
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
