"""JSON (de)serialisation of the contract in DESIGN.md, and its validation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsprism import SCHEMA_VERSION, TAXONOMY_VERSION, __version__
from newsprism.errors import ContractError
from newsprism.model.types import (
    GENRES,
    NUMBER_OPS,
    SLOTS,
    VERDICTS,
    Accusation,
    AccusationValue,
    Analysis,
    Article,
    CauseValue,
    Claim,
    ClaimValue,
    Comparison,
    DateValue,
    Entity,
    EntityValue,
    Event,
    Mention,
    NumberValue,
    OutletProfile,
    TechniqueSpan,
    TimelineEntry,
)

ARTICLE_KEYS = (
    "id",
    "source",
    "outlet",
    "author",
    "published",
    "title",
    "language",
    "genre",
    "text",
    "sha256",
)


def value_to_dict(value: ClaimValue) -> dict[str, Any]:
    """The contract's form of a claim value."""
    return asdict(value)


def value_from_dict(data: dict[str, Any]) -> ClaimValue:
    """Read a claim value back, choosing its type by its keys."""
    if "op" in data:
        if data["op"] not in NUMBER_OPS:
            raise ContractError(f"unknown number op {data['op']!r}")
        high = data.get("high")
        return NumberValue(
            reference=data.get("reference"),
            op=data["op"],
            value=float(data["value"]),
            high=None if high is None else float(high),
            unit=data.get("unit"),
            scope=data.get("scope"),
        )
    if "date" in data:
        date = data["date"]
        return DateValue(
            date=None if date is None else str(date), as_written=data.get("as_written")
        )
    if "accuser" in data:
        return AccusationValue(accuser=str(data["accuser"]), accused=str(data["accused"]))
    if "negated" in data:
        agent, mechanism = data.get("agent"), data.get("mechanism")
        return CauseValue(
            agent=None if agent is None else str(agent),
            mechanism=None if mechanism is None else str(mechanism),
            negated=bool(data["negated"]),
        )
    if "entity" in data:
        return EntityValue(entity=str(data["entity"]), within=data.get("within"))
    raise ContractError(f"claim value of unknown shape: {sorted(data)}")


def article_to_dict(article: Article) -> dict[str, Any]:
    """An article as the contract writes it; url and extra metadata follow the contract's keys."""
    data = {key: getattr(article, key) for key in ARTICLE_KEYS}
    data["url"] = article.url
    data["extra"] = dict(article.extra)
    return data


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole contract document."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in _records(analysis)
    }


def from_dict(data: dict[str, Any]) -> Analysis:
    """Read a contract document; raises ContractError naming the first bad record."""
    validate(data)
    return Analysis(
        articles=[
            Article(
                **{k: a.get(k) for k in ARTICLE_KEYS},
                url=a.get("url"),
                extra=dict(a.get("extra") or {}),
            )
            for a in data["articles"]
        ],
        entities=[
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                aliases=list(e["aliases"]),
                mentions=[Mention(**m) for m in e["mentions"]],
                part_of=e.get("part_of"),
            )
            for e in data["entities"]
        ],
        claims=[Claim(**{**c, "value": value_from_dict(c["value"])}) for c in data["claims"]],
        techniques=[TechniqueSpan(**t) for t in data["techniques"]],
        comparisons=[
            Comparison(
                slot=c["slot"],
                claims=(c["claims"][0], c["claims"][1]),
                verdict=c["verdict"],
                reason=c["reason"],
                update=bool(c.get("update", False)),
            )
            for c in data["comparisons"]
        ],
        accusations=[Accusation(**a) for a in data["accusations"]],
        timeline=[TimelineEntry(**t) for t in data["timeline"]],
        events=[Event(**e) for e in data.get("events", [])],
        outlets=[OutletProfile(**o) for o in data.get("outlets", [])],
        extra=dict(data.get("extra") or {}),
    )


def dumps(analysis: Analysis) -> str:
    """The contract as JSON text."""
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=1)


def _records(analysis: Analysis) -> Iterator[tuple[str, Iterator[Any] | Any]]:
    """The contract's parts in order, each list as a stream of its records."""
    yield "newsprism_version", __version__
    yield "schema_version", SCHEMA_VERSION
    yield "taxonomy_version", TAXONOMY_VERSION
    yield "articles", (article_to_dict(a) for a in analysis.articles)
    yield "entities", (asdict(e) for e in analysis.entities)
    yield "claims", ({**asdict(c), "value": value_to_dict(c.value)} for c in analysis.claims)
    yield "techniques", (asdict(t) for t in analysis.techniques)
    yield "comparisons", ({**asdict(c), "claims": list(c.claims)} for c in analysis.comparisons)
    yield "accusations", (asdict(a) for a in analysis.accusations)
    yield "timeline", (asdict(t) for t in analysis.timeline)
    yield "events", (asdict(e) for e in analysis.events)
    yield "outlets", (asdict(o) for o in analysis.outlets)
    if analysis.extra:
        yield "extra", analysis.extra


def write_json(analysis: Analysis, path: Path) -> None:
    """Write the contract to `path`, streamed record by record (a case of any size never sits
    in memory as one text) and atomically: a reader never sees half a file. Strict JSON: a
    number that is not finite is an error, never `NaN`."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as out:
        out.write("{")
        for n, (key, value) in enumerate(_records(analysis)):
            out.write(("," if n else "") + f"\n {json.dumps(key)}: ")
            if not isinstance(value, Iterator):
                out.write(json.dumps(value, ensure_ascii=False, allow_nan=False))
                continue
            out.write("[")
            for i, record in enumerate(value):
                out.write(("," if i else "") + "\n  ")
                out.write(json.dumps(record, ensure_ascii=False, allow_nan=False))
            out.write("\n ]")
        out.write("\n}\n")
    tmp.replace(path)


def read_json(path: Path) -> Analysis:
    """Read a contract file written by `write_json` (or by any producer of the contract)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContractError(f"{path}: cannot read contract JSON: {exc}") from exc
    try:
        return from_dict(data)
    except ContractError as exc:
        raise ContractError(f"{path}: {exc}") from exc


def _require(cond: bool, where: str, problem: str) -> None:
    if not cond:
        raise ContractError(f"{where}: {problem}")


def validate(data: dict[str, Any]) -> None:
    """Check a contract document's shape and cross-references; raise ContractError if wrong."""
    for key in (
        "newsprism_version",
        "articles",
        "entities",
        "claims",
        "techniques",
        "comparisons",
        "accusations",
        "timeline",
    ):
        _require(key in data, "document", f"missing key {key!r}")
    texts: dict[str, str] = {}
    for i, art in enumerate(data["articles"]):
        where = f"articles[{i}]"
        for key in ARTICLE_KEYS:
            _require(key in art, where, f"missing key {key!r}")
        _require(art["genre"] in GENRES, where, f"unknown genre {art['genre']!r}")
        texts[art["id"]] = art["text"]

    def check_span(where: str, article: str, start: int, end: int) -> None:
        _require(article in texts, where, f"unknown article {article!r}")
        _require(
            0 <= start <= end <= len(texts[article]),
            where,
            f"span {start}:{end} outside article {article!r}",
        )

    entity_ids = set()
    for i, ent in enumerate(data["entities"]):
        where = f"entities[{i}]"
        for key in ("id", "name", "type", "aliases", "mentions"):
            _require(key in ent, where, f"missing key {key!r}")
        entity_ids.add(ent["id"])
        for j, m in enumerate(ent["mentions"]):
            check_span(f"{where}.mentions[{j}]", m["article"], m["start"], m["end"])
    claim_ids = set()
    for i, claim in enumerate(data["claims"]):
        where = f"claims[{i}]"
        _require(claim.get("slot") in SLOTS, where, f"unknown slot {claim.get('slot')!r}")
        check_span(where, claim["article"], claim["start"], claim["end"])
        check_span(where + ".value", claim["article"], claim["value_start"], claim["value_end"])
        for key in ("subject", "attributed_to"):
            ref = claim.get(key)
            _require(ref is None or ref in entity_ids, where, f"{key} {ref!r} is no entity")
        score = claim.get("checkworthy")
        _require(
            isinstance(score, (int, float)) and 0 <= score <= 1,
            where,
            "checkworthy must be a number in [0, 1]",
        )
        try:
            value = value_from_dict(claim["value"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ContractError(f"{where}: bad value: {exc}") from exc
        refs: list[str] = []
        if isinstance(value, EntityValue):
            refs = [value.entity] + ([value.within] if value.within else [])
        elif isinstance(value, AccusationValue):
            refs = [value.accuser, value.accused]
        elif isinstance(value, CauseValue) and value.agent:
            refs = [value.agent]
        for ref in refs:
            _require(ref in entity_ids, where, f"value names {ref!r}, which is no entity")
        if isinstance(value, NumberValue) and value.high is not None:
            _require(value.value <= value.high, where, "range with value > high")
        claim_ids.add(claim["id"])
    for i, tech in enumerate(data["techniques"]):
        check_span(f"techniques[{i}]", tech["article"], tech["start"], tech["end"])
    for i, comp in enumerate(data["comparisons"]):
        where = f"comparisons[{i}]"
        _require(comp.get("verdict") in VERDICTS, where, f"unknown verdict {comp.get('verdict')!r}")
        _require(
            len(comp["claims"]) == 2 and all(c in claim_ids for c in comp["claims"]),
            where,
            "claims must be two known claim ids",
        )
