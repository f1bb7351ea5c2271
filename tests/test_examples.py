"""The bundled examples: a demo corpus whose disagreements the extraction must surface."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import analyze_paths, load_analysis
from newsprism.model import Analysis, NumberValue


@pytest.fixture(scope="module")
def analysis(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory, analyzer) -> Analysis:
    db = tmp_path_factory.mktemp("examples") / "case.db"
    analyze_paths([examples_dir], db=db, analyzer=analyzer)
    return load_analysis(db)


def claims_of(analysis: Analysis, outlet: str, slot: str) -> set[tuple[str, float]]:
    ids = {a.id for a in analysis.articles if a.outlet == outlet}
    return {
        (c.value.op, c.value.value)
        for c in analysis.claims
        if c.article in ids and c.slot == slot and isinstance(c.value, NumberValue)
    }


def test_examples_are_a_small_realistic_corpus(examples_dir: Path) -> None:
    files = sorted(examples_dir.glob("*.txt"))
    assert 4 <= len(files) <= 6
    for path in files:
        words = len(path.read_text(encoding="utf-8").split())
        assert 200 <= words <= 600, (path.name, words)


@pytest.mark.parametrize(
    ("outlet", "slot", "claim"),
    [
        ("Meridia Herald", "killed", (">=", 40)),
        ("Valdoria Daily", "killed", ("=", 43)),
        ("The Northern Voice", "killed", (">", 50)),
        ("Free Meridia Post", "killed", ("approx", 50)),
        ("Ostrava Today", "killed", ("approx", 45)),
        ("Meridia Herald", "injured", (">", 60)),
        ("Meridia Herald", "perpetrators", ("=", 3)),
        ("Valdoria Daily", "perpetrators", ("=", 4)),
        ("The Northern Voice", "perpetrators", ("<=", 5)),
        ("Ostrava Today", "perpetrators", ("=", 2)),
        ("Meridia Herald", "arrested", ("=", 2)),
        ("Valdoria Daily", "arrested", ("=", 4)),
    ],
)
def test_outlets_disagree_as_written(
    analysis: Analysis, outlet: str, slot: str, claim: tuple[str, float]
) -> None:
    assert claim in claims_of(analysis, outlet, slot)


def test_metadata_from_headers_and_guesses(analysis: Analysis) -> None:
    by_outlet = {a.outlet: a for a in analysis.articles}
    assert by_outlet["Meridia Herald"].published == "2026-03-15"
    assert by_outlet["The Northern Voice"].published is None
    post = by_outlet["Free Meridia Post"]
    assert (post.author, post.genre) == ("Tomas Reyes", "opinion")
    assert by_outlet["Valdoria Daily"].extra.get("section") == "National"
