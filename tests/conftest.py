"""Shared fixtures: the loaded spaCy pipeline once per session, the data folders, and the
stores a test may write (a SQLite file, and a PostgreSQL schema where a test server runs)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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


# `scripts/with_postgres.sh` (run by `make test`) starts a PostgreSQL server and names its
# database here; CI also sets NEWSPRISM_REQUIRE_POSTGRES, so the PostgreSQL tests cannot skip.
POSTGRES_ENV = "NEWSPRISM_TEST_POSTGRES"


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """The address of a fresh, empty PostgreSQL store: a schema of its own, dropped after."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        reason = f"no PostgreSQL test server ({POSTGRES_ENV} unset; `make test` starts one)"
        if os.environ.get("NEWSPRISM_REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in server else "?"
    yield f"{server}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's store lives: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "case.db"
    return str(request.getfixturevalue("postgres_url"))


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
