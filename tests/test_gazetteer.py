"""The gazetteer on the shipped GeoNames data: lookup, containment, ambiguous words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.nlp.gazetteer import (
    NAMES_FILE,
    PLACES_FILE,
    Gazetteer,
    Place,
    load_gazetteer,
    normalize_name,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    """The shipped gazetteer (loaded once per process anyway)."""
    return load_gazetteer()


def test_data_files_ship_inside_the_package() -> None:
    assert PLACES_FILE.is_file() and NAMES_FILE.is_file()
    assert "newsprism" in PLACES_FILE.parts
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Khān Yūnis", "khan yunis"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("St. Petersburg", "saint petersburg"),
        ("Kharkivs’ka Oblast’", "kharkivska oblast"),
        ("  Łódź ", "lodz"),
        ("Be'eri", "beeri"),
    ],
)
def test_normalize_name_folds_accents_case_and_punctuation(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@given(st.text(max_size=30))
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


def test_a_town_carries_its_region_and_country(gaz: Gazetteer) -> None:
    olenivka = gaz.lookup("Olenivka", countries=["Ukraine"])
    assert olenivka is not None
    assert (olenivka.kind, olenivka.region, olenivka.country) == (
        "city",
        "Donetsk Oblast",
        "Ukraine",
    )
    mariupol = gaz.lookup("Mariupol")
    assert mariupol is not None and mariupol.region == "Donetsk Oblast"
    assert mariupol.country_code == "UA"
    assert isinstance(mariupol.geonameid, int) and mariupol.population > 100_000


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Derna", "Libya"),
        ("Darnah", "Libya"),
        ("Gaza City", "Palestinian Territory"),
        ("Kiev", "Ukraine"),
        ("Chengdu", "China"),
        ("Lagos", "Nigeria"),
        ("Cusco", "Peru"),
        ("Mosul", "Iraq"),
        ("Sao Paulo", "Brazil"),
        ("Lyon", "France"),
        ("Ukraine", "Ukraine"),
        ("Qwertyville", None),
    ],
)
def test_country_of(gaz: Gazetteer, name: str, country: str | None) -> None:
    assert gaz.country_of(name) == country


@pytest.mark.parametrize(
    ("inner", "outer"),
    [
        ("Olenivka", "Donetsk Oblast"),
        ("Olenivka", "Donetsk region"),
        ("Olenivka", "Ukraine"),
        ("Mariupol", "Donetsk"),  # the oblast, named like its seat
        ("Donetsk region", "Ukraine"),
        ("Kiev", "Kyiv"),
        ("Kyiv", "Kiev"),
        ("Derna", "eastern Libya"),
        ("Gaza City", "the Gaza Strip"),
        ("Gaza City", "Palestinian territories"),
        ("Khan Yunis", "Gaza Strip"),
        ("Mosul", "Nineveh Governorate"),
        ("Chengdu", "Sichuan"),
        ("Sichuan", "China"),
        ("Bombay", "Maharashtra"),
        ("Mumbai", "India"),
        ("Houston", "Texas"),
        ("Texas", "United States"),
        ("Houston", "USA"),
        ("Munich", "Bavaria"),
        ("Kobe", "Hyogo"),
        ("Lagos", "Nigeria"),
        ("Aleppo", "northern Syria"),
    ],
)
def test_within_holds(gaz: Gazetteer, inner: str, outer: str) -> None:
    assert gaz.within(inner, outer)


@pytest.mark.parametrize(
    ("inner", "outer"),
    [
        ("Mariupol", "Russia"),
        ("Ukraine", "Kyiv"),
        ("Houston", "Mexico"),
        ("Mosul", "Syria"),
        ("Kobe", "Osaka"),
        ("Lviv", "Donetsk Oblast"),
        ("Texas", "Houston"),
        ("Qwertyville", "Greece"),
        ("Athens", "Qwertyville"),
    ],
)
def test_within_fails(gaz: Gazetteer, inner: str, outer: str) -> None:
    assert not gaz.within(inner, outer)


def test_within_narrows_the_inner_name_by_context(gaz: Gazetteer) -> None:
    # A village of Bihor County is called Derna too.
    assert gaz.within("Derna", "Romania")
    assert not gaz.within("Derna", "Romania", countries=["Libya"])


@pytest.mark.parametrize(
    ("name", "expected", "kind"),
    [
        ("eastern Libya", "Libya", "country"),
        ("northern Syria", "Syria", "country"),
        ("south-west England", "England", "region"),
        ("the Gaza Strip", "Gaza Strip", "region"),
        ("Donetsk region", "Donetsk Oblast", "region"),
        ("Donetsk Oblast", "Donetsk Oblast", "region"),
        ("Kherson Oblast", "Kherson Oblast", "region"),
        ("Aleppo province", "Aleppo Governorate", "region"),
        ("Sichuan province", "Sichuan", "region"),
        ("Donetsk", "Donetsk", "city"),
        ("Gaza City", "Gaza", "city"),
        ("Aleppo", "Aleppo", "city"),
        ("Mexico City", "Mexico City", "city"),
        ("Mexico", "Mexico", "country"),
        ("North Korea", "North Korea", "country"),
        ("South Sudan", "South Sudan", "country"),
        ("West Bank", "West Bank", "region"),
        ("East Timor", "Timor Leste", "country"),
        ("Britain", "United Kingdom", "country"),
        ("the US", "United States", "country"),
    ],
)
def test_lookup_strips_directions_and_generic_words(
    gaz: Gazetteer, name: str, expected: str, kind: str
) -> None:
    place = gaz.lookup(name)
    assert place is not None
    assert (place.name, place.kind) == (expected, kind)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kiev", "Kyiv"),
        ("Kyiv", "Kyiv"),
        ("KYIV", "Kyiv"),
        ("kyiv", "Kyiv"),
        ("Derna", "Darnah"),
        ("Khan Yunis", "Khān Yūnis"),
        ("Ivano Frankivsk", "Ivano-Frankivsk"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Bombay", "Mumbai"),
    ],
)
def test_lookup_by_alternate_and_folded_names(gaz: Gazetteer, name: str, expected: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and place.name == expected


def test_regions_and_cities_of_one_name(gaz: Gazetteer) -> None:
    def kind_and_country(name: str) -> tuple[str, str | None]:
        place = gaz.lookup(name)
        assert place is not None
        return place.kind, place.country

    # A region's seat is meant by the bare name; a region with no big namesake is a region.
    assert kind_and_country("Kherson") == ("city", "Ukraine")
    assert kind_and_country("Punjab")[0] == "region"
    assert kind_and_country("Victoria") == ("region", "Australia")
    assert kind_and_country("Crimea") == ("region", "Ukraine")
    # A national capital wins over a same-named state.
    assert kind_and_country("Washington") == ("city", "United States")
    # A country wins over a same-named state without context, not with it.
    assert kind_and_country("Georgia") == ("country", "Georgia")


@pytest.mark.parametrize(
    ("name", "countries", "country"),
    [
        ("Tripoli", (), "Libya"),
        ("Tripoli", ("Lebanon",), "Lebanon"),
        ("Hyderabad", (), "India"),
        ("Hyderabad", ("Pakistan",), "Pakistan"),
        ("Birmingham", (), "United Kingdom"),
        ("Birmingham", ("United States",), "United States"),
        ("Georgia", ("US",), "United States"),
        ("Alexandria", (), "Egypt"),
        ("Alexandria", ("Virginia",), "United States"),  # another place of the article
        ("Córdoba", ("Spain",), "Spain"),
        ("Valencia", ("Venezuela",), "Venezuela"),
        ("Bethlehem", ("West Bank",), "Palestinian Territory"),
        ("Olenivka", ("UA",), "Ukraine"),
    ],
)
def test_context_countries_resolve_ambiguity(
    gaz: Gazetteer, name: str, countries: tuple[str, ...], country: str
) -> None:
    assert gaz.country_of(name, countries) == country


def test_a_sizeable_own_name_beats_a_foreign_alternate(gaz: Gazetteer) -> None:
    # Florence, Italy has "Florencia" among its alternate names; the Colombian city is meant.
    florencia = gaz.lookup("Florencia")
    assert florencia is not None and florencia.country == "Colombia"


@pytest.mark.parametrize("word", ["of", "police", "nice", "reading", "split", "march", "bath"])
def test_lower_case_english_words_are_not_places(gaz: Gazetteer, word: str) -> None:
    assert gaz.lookup(word) is None
    assert not gaz.is_place(word)


@pytest.mark.parametrize(
    "name", ["Of", "Police", "Nice", "Reading", "Mobile", "Split", "March", "Independence"]
)
def test_capitalised_words_are_places_only_when_not_strict(gaz: Gazetteer, name: str) -> None:
    assert gaz.is_place(name)
    assert not gaz.is_place(name, strict=True)


@pytest.mark.parametrize(
    "name",
    [
        "Olenivka",
        "Bucha",
        "Sderot",
        "Derna",
        "Kyiv",
        "Turkey",
        "Libya",
        "the Gaza Strip",
        "eastern Libya",
        "Donetsk region",
    ],
)
def test_strict_accepts_real_places(gaz: Gazetteer, name: str) -> None:
    assert gaz.is_place(name, strict=True)


@pytest.mark.parametrize(
    "name", ["Obama", "olenivka", "West", "North", "Monday", "Qwertyville", "", "Northern"]
)
def test_strict_rejects_names_and_lone_words(gaz: Gazetteer, name: str) -> None:
    assert not gaz.is_place(name, strict=True)


def test_lone_directions_are_not_places(gaz: Gazetteer) -> None:
    for name in ("West", "the West", "Central", "eastern", "north-east"):
        assert gaz.lookup(name) is None


def test_places_are_frozen_values(gaz: Gazetteer) -> None:
    place = gaz.lookup("Lviv")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.name = "Lemberg"  # type: ignore[misc]
    assert gaz.lookup("Lemberg") == place


def _tiny(places: list[str], names: list[str]) -> Gazetteer:
    return Gazetteer(places, sorted(names))


def test_choice_rules_on_a_tiny_gazetteer() -> None:
    # Country XA with region XA.01 "Northshire" whose seat is the town of Northshire, and a
    # bigger town "Northshire" in country XB; plus a region named like a small town.
    gaz = _tiny(
        [
            "C\tAland\tXA\t\t1000000\t1\t",
            "C\tBland\tXB\t\t900000\t2\t",
            "R\tNorthshire\tXA\t01\t500000\t3\t",
            "R\tLakeland\tXB\t02\t700000\t4\t",
            "P\tNorthshire\tXB\t02\t300000\t5\t",
            "P\tNorthshire\tXA\t01\t40000\t6\t",
            "P\tLakeland\tXA\t01\t5000\t7\t",
        ],
        [
            "aland\t\t0",
            "bland\t\t1",
            "northshire\t\t2,4,5",
            "lakeland\t\t3,6",
            "northshire county\t\t~2",
        ],
    )
    big = gaz.lookup("Northshire")
    assert big is not None and (big.country, big.kind, big.region) == ("Bland", "city", "Lakeland")
    seat = gaz.lookup("Northshire", countries=["Aland"])
    assert seat is not None and (seat.kind, seat.population) == ("city", 40000)
    region = gaz.lookup("Northshire region", countries=["XA"])
    assert region is not None and region.kind == "region"
    assert gaz.lookup("Northshire County") == region
    lakeland = gaz.lookup("Lakeland")
    assert lakeland is not None and lakeland.kind == "region"
    assert gaz.within("Lakeland", "Northshire", countries=["XA"])
    assert gaz.within("Northshire", "Bland")


def test_a_region_known_by_its_local_name_is_found_by_its_seat(gaz: Gazetteer) -> None:
    # Russia's regions have no English alias in the data ("Belgorodskaya oblast'").
    belgorod = gaz.lookup("Belgorod region")
    assert belgorod is not None and (belgorod.kind, belgorod.country) == ("region", "Russia")
    assert gaz.within("Shebekino", "Belgorod region")
    assert gaz.lookup("Kent county") is None  # Kent, Washington lies in no "Kent" region
