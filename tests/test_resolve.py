"""One entity per actor: the alias table, organs of states, and matching unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.resolve import (
    SIMILARITY_THRESHOLD,
    AliasTable,
    AliasTableError,
    EntityResolver,
    entity_key,
    same_actor,
)


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable.load()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Daesh", "Islamic State"),
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("the Islamic State", "Islamic State"),
        ("Kiev", "Kyiv"),
        ("the Kremlin", "Russia"),
        ("Russian government", "Russia"),
        ("Kiev regime", "Ukraine"),
        ("U.S.", "United States"),
        ("ISIS Khorasan", "ISIS-K"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Putin", "Vladimir Putin"),
        # Venues are not in the table: no event's venue is anyone else's alias.
        ("Westgate Mall", None),
        ("Diyarbakır", None),
    ],
)
def test_alias_table(table: AliasTable, written: str, canonical: str | None) -> None:
    found = table.lookup(written)
    assert (found.name if found else None) == canonical


def test_branches_and_organs_belong_to_their_parent(table: AliasTable) -> None:
    assert table.lookup("ISIS Khorasan").part_of == "Islamic State"
    organ = table.organ("Russian", "intelligence")
    assert (organ.name, organ.part_of) == ("Russian intelligence", "Russia")
    assert table.organ("Russian", "government").name == "Russia"


def test_an_unknown_state_still_owns_its_organs(table: AliasTable) -> None:
    organ = table.organ("Ostrava", "security officials", "GPE")
    assert (organ.name, organ.part_of) == ("Ostrava security officials", "Ostrava")
    assert table.organ("Ostrava", "security officials") is None


def test_demonym_is_not_the_state(table: AliasTable) -> None:
    assert table.lookup("Russian") is None
    assert table.state_of("Russian").name == "Russia"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Zelensky", "Zelenskyy", "PERSON"),  # transliteration
        ("Diyarbakır", "Diyarbakir", "GPE"),  # accents and dotless i
        ("Ardern", "Jacinda Ardern", "PERSON"),  # surname and full name
        ("CIA", "Central Intelligence Agency", "ORG"),  # acronym and expansion
        ("Zaporizhzhia", "Zaporizhia", "GPE"),
        ("Mykolaiv", "Mykolayiv", "GPE"),
        ("al-Baghdadi", "al Baghdadi", "PERSON"),
    ],
)
def test_same_actor(a: str, b: str, kind: str) -> None:
    assert same_actor(entity_key(a), kind, entity_key(b), kind)


@pytest.mark.parametrize(
    ("a", "b", "kind_a", "kind_b"),
    [
        ("Austria", "Australia", "GPE", "GPE"),  # similar letters, other country
        ("Iran", "Iraq", "GPE", "GPE"),
        ("Slovakia", "Slovenia", "GPE", "GPE"),
        ("Hamas", "Hama", "ORG", "ORG"),
        ("Paul Smith", "John Smith", "PERSON", "PERSON"),
        ("Hamas", "Hama", "ORG", "GPE"),
    ],
)
def test_different_actors(a: str, b: str, kind_a: str, kind_b: str) -> None:
    assert not same_actor(entity_key(a), kind_a, entity_key(b), kind_b)


def test_threshold_separates_the_real_cases() -> None:
    from difflib import SequenceMatcher

    assert SequenceMatcher(None, "zelensky", "zelenskyy").ratio() >= SIMILARITY_THRESHOLD
    assert SequenceMatcher(None, "austria", "australia").ratio() < SIMILARITY_THRESHOLD
    # One letter in seven ("Kharkiv" / "Kharkov") is below it: such pairs are the alias table's.
    assert SequenceMatcher(None, "kharkiv", "kharkov").ratio() < SIMILARITY_THRESHOLD


def test_resolver_maps_new_names_to_known_ones() -> None:
    resolver = EntityResolver(
        [("jacinda ardern", "PERSON"), ("central intelligence agency", "ORG")]
    )
    assert resolver.resolve("ardern", "PERSON") == "jacinda ardern"
    assert resolver.resolve("cia", "ORG") == "central intelligence agency"
    assert resolver.resolve("harlow", "GPE") == "harlow"
    assert resolver.resolve("harlow", "GPE") == "harlow"


def test_an_ambiguous_surname_stays_apart() -> None:
    resolver = EntityResolver([("paul smith", "PERSON"), ("john smith", "PERSON")])
    assert resolver.resolve("smith", "PERSON") == "smith"


def test_user_alias_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "name\ttype\taliases\tpart_of\nRed Hand\tORG\tCrimson Hand | RHB\t\n", encoding="utf-8"
    )
    table = AliasTable.load([extra])
    assert table.lookup("Crimson Hand").name == "Red Hand"
    assert table.lookup("Daesh").name == "Islamic State"


def test_bad_alias_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.tsv"
    bad.write_text("just some words\nwithout a header\n", encoding="utf-8")
    with pytest.raises(AliasTableError, match=r"broken\.tsv"):
        AliasTable.load([bad])
    with pytest.raises(AliasTableError, match=r"missing\.tsv"):
        AliasTable.load([tmp_path / "missing.tsv"])


def test_results_do_not_depend_on_how_a_run_is_split(
    tmp_path: Path, examples_dir: Path, analyzer
) -> None:
    import shutil

    from newsprism.api import analyze_paths, load_analysis

    files = sorted(examples_dir.glob("*.txt"))
    (tmp_path / "first").mkdir()
    for f in files[:3]:
        shutil.copy(f, tmp_path / "first")
    analyze_paths([tmp_path / "first"], db=tmp_path / "resumed.db", analyzer=analyzer)
    analyze_paths([examples_dir], db=tmp_path / "resumed.db", analyzer=analyzer)
    analyze_paths([examples_dir], db=tmp_path / "once.db", analyzer=analyzer)
    names = [
        sorted((e.name, e.type) for e in load_analysis(tmp_path / db).entities)
        for db in ("resumed.db", "once.db")
    ]
    assert names[0] == names[1]


def test_a_people_s_name_is_its_place_s_whichever_comes_first() -> None:
    first_place = EntityResolver([("ostrava", "GPE")])
    assert first_place.resolve("ostravan", "ORG") == "ostrava"
    first_people = EntityResolver()
    first_people.resolve("ostrava", "GPE")
    assert first_people.resolve("ostravan", "NORP") == "ostrava"
    assert EntityResolver([("bern", "GPE")]).resolve("bernan", "PERSON") == "bernan"
