"""Matching newsprism's output to hand-labelled gold claims (the format of ../shared/gold/).

A predicted claim matches a gold claim when both are in the same article, the claim's sentence
or value span overlaps the gold quote, the slot is the same and the value agrees: numbers by
operator and value, dates by value, actors by canonical name (through newsprism's alias
table), accusations by accuser and accused, the article's own voice matching a gold accuser
that names the article's author. Matching is one-to-one, in gold order.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from newsprism.api import analyze_paths, load_analysis
from newsprism.extract.resolve import AliasTable, entity_key
from newsprism.ingest.normalize import normalize_text
from newsprism.model.types import (
    AccusationValue,
    Analysis,
    Claim,
    DateValue,
    EntityValue,
    NumberValue,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNSCORED_SLOTS = frozenset({"other"})


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where a gold quote is in the stored (normalised) text."""
    needle = normalize_text(quote)
    at = text.find(needle)
    if at != -1:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    match = re.search(pattern, text)
    return match.span() if match else None


class Scorer:
    """Compares predicted and gold values with one alias table for both."""

    def __init__(self, analysis: Analysis, table: AliasTable):
        self.table = table
        self.entities = {e.id: e for e in analysis.entities}
        self.articles = {a.id: a for a in analysis.articles}

    def canonical(self, name: str) -> str:
        known = self.table.lookup(name)
        return entity_key(known.name if known else name)

    def names_of(self, entity_id: str | None) -> set[str]:
        if entity_id is None or entity_id not in self.entities:
            return set()
        ent = self.entities[entity_id]
        return {self.canonical(n) for n in [ent.name, *ent.aliases]}

    def is_voice(self, entity_id: str, article_id: str) -> bool:
        ent = self.entities.get(entity_id)
        art = self.articles[article_id]
        return ent is not None and (ent.type == "AUTHOR" or ent.name in (art.author, art.outlet))

    def actor_agrees(self, gold: Any, entity_id: str, article_id: str) -> bool:
        golds = gold if isinstance(gold, list) else [gold]
        for name in golds:
            if (
                "author" in name.lower() or "(" in name
            ):  # "author of 00a", "Shabbir Rizvi (Press TV)"
                if self.is_voice(entity_id, article_id):
                    return True
                name = name.split("(")[0].strip()
            if self.canonical(name) in self.names_of(entity_id):
                return True
        return False

    def value_agrees(self, gold: dict[str, Any], claim: Claim) -> bool:
        value = claim.value
        if isinstance(value, NumberValue):
            return (
                gold.get("value") is not None
                and gold.get("op") == value.op
                and float(gold["value"]) == value.value
            )
        if isinstance(value, DateValue):
            return gold.get("value") == value.date
        if isinstance(value, EntityValue):
            return "entity" in gold and self.actor_agrees(
                gold["entity"], value.entity, claim.article
            )
        if isinstance(value, AccusationValue):
            return (
                "accuser" in gold
                and self.actor_agrees(gold["accuser"], value.accuser, claim.article)
                and self.actor_agrees(gold["accused"], value.accused, claim.article)
            )
        return False


def on_other_claim(claim: Claim, gold: dict[str, Any], by_file: dict[str, Any]) -> bool:
    for g in gold["claims"]:
        article = by_file.get(g["article"])
        if g["slot"] in UNSCORED_SLOTS and article is not None and article.id == claim.article:
            span = locate(g["quote"], article.text)
            if span and claim.value_start < span[1] and span[0] < claim.value_end:
                return True
    return False


def overlaps(claim: Claim, span: tuple[int, int]) -> bool:
    start, end = span
    return (claim.start < end and start < claim.end) or (
        claim.value_start < end and start < claim.value_end
    )


def analyse_folder(articles_dir: Path) -> Analysis:
    """The full analysis (with comparisons) of a folder, in a throw-away store."""
    with tempfile.TemporaryDirectory() as tmp:
        summary = analyze_paths([articles_dir], db=Path(tmp) / "bench.db")
        return load_analysis(Path(tmp) / "bench.db", summary.article_ids)


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file's content."""
    return json.loads(path.read_text(encoding="utf-8"))


def match_claims(
    gold_claims: list[dict[str, Any]], candidates: list[Claim], analysis: Analysis
) -> dict[str, Claim]:
    """Gold claim id -> the predicted claim that matches it (one-to-one, in gold order)."""
    scorer = Scorer(analysis, AliasTable.load())
    by_file = {Path(a.source).name: a for a in analysis.articles}
    used: set[str] = set()
    found: dict[str, Claim] = {}
    for g in gold_claims:
        article = by_file.get(g["article"])
        span = locate(g["quote"], article.text) if article else None
        if article is None or span is None:
            continue
        for c in candidates:
            if (
                c.id not in used
                and c.article == article.id
                and c.slot == g["slot"]
                and overlaps(c, span)
                and scorer.value_agrees(g["value"], c)
            ):
                used.add(c.id)
                found[g["id"]] = c
                break
    return found
