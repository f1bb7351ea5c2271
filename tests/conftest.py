"""Shared fixtures: the loaded spaCy pipeline once per session, and the data folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyzer import Analyzer
from newsprism.extract import entity_id
from newsprism.ingest import make_article
from newsprism.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "newsprism" / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the project (it is in CI and on developer machines)")
    return SHARED


class Extracted:
    """Claims and entities of one article, with helpers to read them by name."""

    def __init__(self, result) -> None:
        self.article = result.article
        self.claims = result.claims
        self.entities = {entity_id(e.key): e for e in result.entities}

    def name(self, entity: str | None) -> str | None:
        return self.entities[entity].name if entity in self.entities else None

    def of(self, slot: str) -> list:
        return [c for c in self.claims if c.slot == slot]

    def words(self, claim) -> str:
        return self.article.text[claim.value_start : claim.value_end]


@pytest.fixture()
def extract(analyzer: Analyzer):
    """Analyse one text of our own: extract("Police said ...", published="2024-03-25")."""

    def run(text: str, **meta: str) -> Extracted:
        article = make_article(text, "test.txt", **meta)
        return Extracted(next(analyzer.analyze([article])))

    return run
