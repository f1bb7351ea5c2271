"""Extraction: entities and claims of one parsed article.

Importing this package registers the core claim extractors: numeric claims, accusations and
responsibility, and the event's date and places.
"""

from newsprism.extract import accusations, cause, claims, when_where  # noqa: F401  (registration)
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import LocalEntity, entity_id, extract_entities
from newsprism.extract.registry import CLAIM_EXTRACTORS, claim_extractor
from newsprism.extract.resolve import AliasTable, EntityResolver, entity_key
from newsprism.extract.slots import classify_quantity

__all__ = [
    "CLAIM_EXTRACTORS",
    "AliasTable",
    "ArticleContext",
    "EntityResolver",
    "LocalEntity",
    "claim_extractor",
    "classify_quantity",
    "entity_id",
    "entity_key",
    "extract_entities",
]
