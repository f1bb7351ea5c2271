"""Names resolved across articles by compare, over the whole case: one entity per actor,
whatever order the articles came in, kept in the store (`case_entities`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsprism.api import analyze_paths, load_analysis
from newsprism.model import to_dict

FIRST = (
    "outlet: North Post\n\nMayor Dmytro Haralenko said 9 people were killed in the strike on "
    "Odesa.\n"
)
SECOND = (
    "outlet: South Daily\n\nMayor Dmitry Haralenko said 11 people were killed in the strike on "
    "Odesa on Monday.\n"
)


def case(folder: Path, analyzer, order: list[str]) -> Path:
    folder.mkdir()
    texts = {"a.txt": FIRST, "b.txt": SECOND}
    for name in order:
        (folder / name).write_text(texts[name], encoding="utf-8")
        analyze_paths([folder / name], db=folder / "case.db", analyzer=analyzer)
    return folder / "case.db"


def speakers(db: Path) -> set[str]:
    analysis = load_analysis(db)
    names = {e.id: e.name for e in analysis.entities}
    return {names[c.attributed_to] for c in analysis.claims if c.attributed_to}


def test_two_spellings_in_two_articles_are_one_actor_in_either_order(
    tmp_path: Path, analyzer
) -> None:
    one = case(tmp_path / "ab", analyzer, ["a.txt", "b.txt"])
    other = case(tmp_path / "ba", analyzer, ["b.txt", "a.txt"])
    assert len(speakers(one)) == 1
    assert speakers(one) == speakers(other)
    with sqlite3.connect(one) as conn:
        stored = {r[0] for r in conn.execute("SELECT name FROM entities")}
        (row,) = conn.execute("SELECT entity_id, into_id FROM case_entities").fetchall()
    # Each article keeps its own spelling as analysed; the case reads them as one.
    assert {"Dmytro Haralenko", "Dmitry Haralenko"} <= stored
    analysis = load_analysis(one)
    assert row[1] in {e.id for e in analysis.entities}
    assert row[0] not in {e.id for e in analysis.entities}  # read as the other, everywhere


def test_the_resolved_case_reads_back_the_same(tmp_path: Path, analyzer) -> None:
    db = case(tmp_path / "ab", analyzer, ["a.txt", "b.txt"])
    first = to_dict(load_analysis(db))  # compared and kept
    assert to_dict(load_analysis(db)) == first  # read back as kept
    killed = [c for c in first["comparisons"] if c["slot"] == "killed"]
    assert killed and killed[0]["verdict"] == "contradictory"
