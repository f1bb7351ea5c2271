"""The whole pipeline on the two real seed articles in ../shared/seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.model import validate


@pytest.fixture(scope="module")
def seeds_doc(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(shared_dir / "seeds"),
            "--db",
            str(out / "seeds.db"),
            "--json",
            str(out / "out.json"),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "out.json").read_text(encoding="utf-8"))
    validate(doc)
    return doc


def numeric(doc: dict, slot: str) -> set[tuple[str, float]]:
    return {(c["value"]["op"], c["value"]["value"]) for c in doc["claims"] if c["slot"] == slot}


def test_entities_include_isis_and_moscow(seeds_doc: dict) -> None:
    names = {e["name"] for e in seeds_doc["entities"]}
    assert {"ISIS", "Moscow"} <= names


def test_death_tolls(seeds_doc: dict) -> None:
    killed = numeric(seeds_doc, "killed")
    assert ("=", 143) in killed
    assert (">", 130) in killed


def test_attacker_counts(seeds_doc: dict) -> None:
    perpetrators = numeric(seeds_doc, "perpetrators")
    assert ("=", 4) in perpetrators
    assert ("=", 5) in perpetrators


def test_metadata_guessed_from_the_text(seeds_doc: dict) -> None:
    by_source = {Path(a["source"]).name: a for a in seeds_doc["articles"]}
    press_tv = by_source["004_d9c21931ad6b748d.txt"]
    assert (press_tv["outlet"], press_tv["author"], press_tv["genre"]) == (
        "Press TV",
        "Shabbir Rizvi",
        "opinion",
    )
    assert by_source["000_54dd2bdb5c932eeb.txt"]["published"] is None
