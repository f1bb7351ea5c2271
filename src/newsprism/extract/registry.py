"""Claim extractors, registered by name; the core ones register the same way a user's would."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsprism.model.types import Claim

if TYPE_CHECKING:
    from newsprism.extract.context import ArticleContext

ClaimExtractor = Callable[["ArticleContext"], list[Claim]]
CLAIM_EXTRACTORS: dict[str, ClaimExtractor] = {}


def claim_extractor(name: str) -> Callable[[ClaimExtractor], ClaimExtractor]:
    """Register a function (article context) -> claims under `name`."""

    def register(func: ClaimExtractor) -> ClaimExtractor:
        CLAIM_EXTRACTORS[name] = func
        return func

    return register
