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


def entity(doc: dict, name: str) -> dict:
    """The one entity written `name` anywhere in the set."""
    found = [e for e in doc["entities"] if name == e["name"] or name in e["aliases"]]
    assert len(found) == 1, (name, [e["name"] for e in found])
    return found[0]


def names(doc: dict, entity_id: str | None) -> str | None:
    return next((e["name"] for e in doc["entities"] if e["id"] == entity_id), None)


def test_entities_include_isis_and_moscow(seeds_doc: dict) -> None:
    assert entity(seeds_doc, "Moscow")["type"] == "GPE"
    assert entity(seeds_doc, "ISIS")["name"] == "Islamic State"


def test_daesh_and_isis_are_one_actor_across_outlets(seeds_doc: dict) -> None:
    isis = entity(seeds_doc, "Daesh")
    assert isis is entity(seeds_doc, "ISIS")
    assert len({m["article"] for m in isis["mentions"]}) == 2


def test_older_attacks_keep_their_own_tolls(seeds_doc: dict) -> None:
    older = {
        c["value"]["value"]: names(seeds_doc, c["subject"])
        for c in seeds_doc["claims"]
        if c["slot"] == "other" and c["subject"] and "op" in c["value"]
    }
    assert "2015" in older[215] and "2017" in older[15]
    main = {
        c["value"]["value"]
        for c in seeds_doc["claims"]
        if c["slot"] == "killed" and not c["subject"]
    }
    assert 143 in main and 215 not in main and 15 not in main


def test_putin_blames_ukraine(seeds_doc: dict) -> None:
    edges = {
        (
            names(seeds_doc, c["value"]["accuser"]),
            names(seeds_doc, c["value"]["accused"]),
            c["hedged"],
        )
        for c in seeds_doc["claims"]
        if c["slot"] == "accusation"
    }
    assert ("Vladimir Putin", "Ukraine", False) in edges


def test_assumed_relations_with_isis_are_hedged(seeds_doc: dict) -> None:
    texts = {a["id"]: a["text"] for a in seeds_doc["articles"]}
    claim = next(
        c
        for c in seeds_doc["claims"]
        if c["slot"] == "accusation"
        and "Ukrainian intelligence organization" in texts[c["article"]][c["start"] : c["end"]]
    )
    assert claim["hedged"] and "assumed" in claim["hedge_cue"]
    assert names(seeds_doc, claim["value"]["accused"]) == "Ukrainian intelligence"


def test_143_killed_is_asserted(seeds_doc: dict) -> None:
    claim = next(
        c for c in seeds_doc["claims"] if c["slot"] == "killed" and c["value"]["value"] == 143
    )
    assert claim["value"]["op"] == "=" and not claim["hedged"]


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
