"""Extraction: entities and claims of one parsed article."""

from newsprism.extract.claims import extract_numeric_claims
from newsprism.extract.entities import LocalEntity, entity_id, entity_key, extract_entities
from newsprism.extract.registry import CLAIM_EXTRACTORS, claim_extractor
from newsprism.extract.slots import classify_quantity

__all__ = [
    "CLAIM_EXTRACTORS",
    "LocalEntity",
    "claim_extractor",
    "classify_quantity",
    "entity_id",
    "entity_key",
    "extract_entities",
    "extract_numeric_claims",
]
