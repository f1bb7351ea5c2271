"""Shared fixtures: the loaded spaCy pipeline once per session, and the data folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyzer import Analyzer
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
