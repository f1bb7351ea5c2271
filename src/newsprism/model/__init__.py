"""The plain data types of the contract and their JSON form."""

from newsprism.model.serialize import from_dict, read_json, to_dict, validate, write_json
from newsprism.model.types import (
    SLOTS,
    Accusation,
    AccusationValue,
    Analysis,
    Article,
    Claim,
    ClaimValue,
    Comparison,
    DateValue,
    Entity,
    EntityValue,
    Mention,
    NumberValue,
    TechniqueSpan,
    TimelineEntry,
)

__all__ = [
    "SLOTS",
    "Accusation",
    "AccusationValue",
    "Analysis",
    "Article",
    "Claim",
    "ClaimValue",
    "Comparison",
    "DateValue",
    "Entity",
    "EntityValue",
    "Mention",
    "NumberValue",
    "TechniqueSpan",
    "TimelineEntry",
    "from_dict",
    "read_json",
    "to_dict",
    "validate",
    "write_json",
]
