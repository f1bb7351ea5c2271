"""The JSON contract: a round trip keeps everything, and validation names what is wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from newsprism.api import analyze_paths, load_analysis
from newsprism.errors import ContractError
from newsprism.model import Analysis, from_dict, read_json, to_dict, validate, write_json
from newsprism.model.types import NUMBER_OPS, SLOTS

TOP_KEYS = {
    "newsprism_version",
    "articles",
    "entities",
    "claims",
    "techniques",
    "comparisons",
    "accusations",
    "timeline",
}
ARTICLE_KEYS = {
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
}
CLAIM_KEYS = {
    "id",
    "article",
    "start",
    "end",
    "slot",
    "subject",
    "value",
    "value_start",
    "value_end",
    "hedged",
    "hedge_cue",
    "attributed_to",
    "attribution_cue",
    "sourced",
    "checkworthy",
}


@pytest.fixture(scope="module")
def example_analysis(
    tmp_path_factory: pytest.TempPathFactory, examples_dir: Path, analyzer
) -> Analysis:
    db = tmp_path_factory.mktemp("contract") / "case.db"
    summary = analyze_paths([examples_dir], db=db, analyzer=analyzer)
    return load_analysis(db, summary.article_ids)


def test_document_has_every_contract_key(example_analysis: Analysis) -> None:
    doc = to_dict(example_analysis)
    assert doc.keys() >= TOP_KEYS
    assert all(a.keys() >= ARTICLE_KEYS for a in doc["articles"])
    assert all(c.keys() >= CLAIM_KEYS for c in doc["claims"])
    assert all({"id", "name", "type", "aliases", "mentions"} <= e.keys() for e in doc["entities"])


def test_claims_use_contract_words_and_point_into_text(example_analysis: Analysis) -> None:
    doc = to_dict(example_analysis)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for claim in doc["claims"]:
        assert claim["slot"] in SLOTS
        value = claim["value"]
        assert value.keys() & {"op", "date", "entity", "accuser", "negated"}
        if "op" in value:
            assert value["op"] in NUMBER_OPS
        text = texts[claim["article"]]
        assert claim["start"] <= claim["value_start"] < claim["value_end"] <= claim["end"]
        assert any(
            ch.isdigit() or ch.isalpha() for ch in text[claim["value_start"] : claim["value_end"]]
        )
        assert 0 <= claim["checkworthy"] <= 1


def test_round_trip_through_json_file(example_analysis: Analysis, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_json(example_analysis, path)
    again = read_json(path)
    assert again == example_analysis
    assert to_dict(again) == json.loads(path.read_text(encoding="utf-8"))


def test_mentions_point_at_the_entity_name_or_alias(example_analysis: Analysis) -> None:
    texts = {a.id: a.text for a in example_analysis.articles}
    for ent in example_analysis.entities:
        names = {ent.name.casefold(), *(a.casefold() for a in ent.aliases)}
        for m in ent.mentions:
            surface = texts[m.article][m.start : m.end].casefold()
            assert surface in names or surface.split()[-1] in {n.split()[-1] for n in names}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("claims"), "missing key 'claims'"),
        (lambda d: d["claims"][0].update(slot="deaths"), "unknown slot"),
        (lambda d: d["claims"][0].update(end=10**9), "outside article"),
        (lambda d: d["claims"][0].update(checkworthy=3), "checkworthy"),
        (lambda d: d["claims"][0].update(subject="nobody"), "is no entity"),
        (lambda d: d["articles"][0].update(genre="rant"), "unknown genre"),
        (lambda d: d["claims"][0]["value"].update(op="~"), "unknown number op"),
    ],
)
def test_validation_names_the_problem(example_analysis: Analysis, mutate, message: str) -> None:
    doc = copy.deepcopy(to_dict(example_analysis))
    mutate(doc)
    with pytest.raises(ContractError, match=message):
        validate(doc)


def test_read_json_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContractError, match=r"broken\.json"):
        read_json(bad)


def test_from_dict_rejects_an_unknown_value_shape(example_analysis: Analysis) -> None:
    doc = copy.deepcopy(to_dict(example_analysis))
    doc["claims"][0]["value"] = {"colour": "red"}
    with pytest.raises(ContractError):
        from_dict(doc)


def test_the_json_file_is_the_contract_document(example_analysis, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    write_json(example_analysis, path)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(
        json.dumps(to_dict(example_analysis))
    )
    assert not (tmp_path / "case.json.part").exists()
