"""Event grouping: rules on signatures of our own, invented coverage, and real coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.compare.grouping import (
    EventGroup,
    Signature,
    group_events,
    place_key,
    place_overlap,
)
from newsprism.model import Analysis

# --- place names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Derna", "Darnah"),
        ("Olenivka", "Yelenovka"),
        ("Olenivka", "Elenovka"),
        ("Mariupol", "Mariupil"),
        ("Zaporizhzhia", "Zaporozhye"),
        ("Karvasa", "Karvassa"),
        ("The Hague", "Hague"),
        ("Tarnów", "Tarnow"),
    ],
)
def test_transliterations_are_one_place(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Gaza City", "Gaza Strip"), ("Iran", "Oran"), ("city115", "city15"), ("Kyiv", "Kyivka")],
)
def test_different_places_stay_apart(a: str, b: str) -> None:
    assert place_key(a) != place_key(b)


def test_an_adjectival_form_matches_its_place() -> None:
    yelenovskaya, olenivka = place_key("Yelenovskaya"), place_key("Olenivka")
    assert place_overlap({yelenovskaya: 1.0}, {olenivka: 1.0}) == pytest.approx(1.0)
    # Numbers never differ by one letter: event 12 is not event 1.
    assert place_overlap({place_key("city12"): 1.0}, {place_key("city1"): 1.0}) == 0.0


# --- grouping rules, on signatures of our own ---------------------------------------------

DIMS = 64


def _vectors(n_topics: int, seed: int = 3) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(DIMS) for _ in range(n_topics)]


def _near(topic: np.ndarray, common: np.ndarray, spread: float, seed: int) -> np.ndarray:
    """A report's text vector: the common vocabulary of such reports, its event, some noise."""
    noise = np.random.default_rng(seed).standard_normal(DIMS)
    v = common + topic + spread * noise
    return (v / np.linalg.norm(v)).astype(np.float32)


def _sig(
    name: str,
    vector: np.ndarray,
    places: dict[str, float] | None = None,
    *,
    countries: dict[str, float] | None = None,
    day: str | None = None,
    published: str | None = None,
) -> Signature:
    places = places or {}
    return Signature(
        name,
        vector,
        frozenset(places),
        day=day,
        weights=places,
        countries=countries or {},
        published=published,
    )


def _groups(events: list[EventGroup]) -> list[list[str]]:
    return sorted(sorted(e.articles) for e in events)


Topics = tuple[np.ndarray, np.ndarray, np.ndarray]
Case = Callable[[dict[str, dict[str, str]]], Analysis]


@pytest.fixture()
def strikes() -> Topics:
    """Two strikes in one country, months apart, whose reports read much alike."""
    common, a, b = _vectors(3)
    return common * 2.5, a, b


def test_two_strikes_in_one_country_months_apart_are_two_events(strikes: Topics) -> None:
    common, a, b = strikes
    country = {"Estland": 1.0}
    sigs = [
        _sig(f"a{i}", _near(a, common, 0.3, i), {"Korvel": 1.0}, countries=country,
             day="2025-03-03" if i < 2 else None, published="2025-03-04")
        for i in range(4)
    ] + [
        _sig(f"b{i}", _near(b, common, 0.3, 10 + i), {"Dunmere": 1.0}, countries=country,
             day="2025-07-19" if i < 2 else None, published="2025-07-20")
        for i in range(4)
    ]  # fmt: skip
    assert _groups(group_events(sigs)) == [
        ["a0", "a1", "a2", "a3"],
        ["b0", "b1", "b2", "b3"],
    ]


def test_one_article_naming_both_towns_does_not_chain_two_events(strikes: Topics) -> None:
    common, a, b = strikes
    country = {"Estland": 1.0}
    sigs = [
        _sig(f"a{i}", _near(a, common, 0.3, i), {"Korvel": 1.0}, countries=country,
             day="2025-03-03")
        for i in range(4)
    ] + [
        _sig(f"b{i}", _near(b, common, 0.3, 10 + i), {"Dunmere": 1.0}, countries=country,
             day="2025-07-19")
        for i in range(4)
    ]  # fmt: skip
    # A round-up that names both towns, reads like both, and dates neither.
    bridge = (a + b) / 2
    sigs.append(
        _sig("x", _near(bridge, common, 0.1, 99), {"Korvel": 1.0, "Dunmere": 1.0},
             countries=country)
    )  # fmt: skip
    groups = _groups(group_events(sigs))
    assert len(groups) in (2, 3)
    assert not any({"a0", "b0"} <= set(g) for g in groups)


def test_reports_over_months_with_spellings_of_the_town_are_one_event(strikes: Topics) -> None:
    common, a, _ = strikes
    spellings = ["Karvasa", "Kervasa", "Karvassa", "Karvasa", "Karvasa"]
    published = ["2025-10-04", "2025-10-06", "2025-10-08", None, "2025-11-07"]
    days = ["2025-10-03", "2025-10-03", None, None, "2025-10-03"]
    sigs = [
        _sig(f"f{i}", _near(a, common, 0.35, i), {spellings[i]: 1.0}, day=days[i],
             published=published[i])
        for i in range(5)
    ]  # fmt: skip
    (event,) = group_events(sigs)
    assert event.label == "Karvasa · 2025-10-03"


def test_an_undated_article_naming_only_the_country_joins_the_event_it_reads_like(
    strikes: Topics,
) -> None:
    common, a, b = strikes
    country = {"Estland": 1.0}
    sigs = [
        _sig(f"a{i}", _near(a, common, 0.3, i), {"Korvel": 1.0}, countries=country,
             day="2025-03-03")
        for i in range(4)
    ] + [
        _sig(f"b{i}", _near(b, common, 0.3, 10 + i), {"Dunmere": 1.0}, countries=country,
             day="2025-07-19")
        for i in range(4)
    ]  # fmt: skip
    sigs.append(_sig("lone", _near(a, common, 0.2, 77), countries=country))
    groups = _groups(group_events(sigs))
    assert ["a0", "a1", "a2", "a3", "lone"] in groups


def test_a_background_date_long_before_the_reports_does_not_split_an_event(strikes: Topics) -> None:
    common, a, _ = strikes
    place = {"Harlow": 1.0}
    sigs = [
        _sig(f"r{i}", _near(a, common, 0.3, i), place, day="2024-02-29", published="2024-02-29")
        for i in range(3)
    ] + [
        # "... the war that began on Oct 7" read as the event's date, in reports of that day.
        _sig(f"w{i}", _near(a, common, 0.3, 10 + i), place, day="2023-10-07",
             published="2024-02-29")
        for i in range(2)
    ]  # fmt: skip
    assert len(group_events(sigs)) == 1


def test_an_article_cannot_report_an_event_after_it_appeared(strikes: Topics) -> None:
    common, a, _ = strikes
    country = {"Estland": 1.0}
    later = [
        _sig(f"l{i}", _near(a, common, 0.2, i), {"Korvel": 1.0}, countries=country,
             day="2025-07-19", published="2025-07-20")
        for i in range(3)
    ]  # fmt: skip
    # Reads alike and shares the country, names no town and no date, but appeared in March.
    early = _sig("e", _near(a, common, 0.2, 50), countries=country, published="2025-03-04")
    groups = _groups(group_events([*later, early]))
    assert ["e"] in groups


def test_a_country_alone_does_not_make_one_event(strikes: Topics) -> None:
    common, a, _ = strikes
    country = {"Estland": 1.0}
    sigs = [
        _sig("p", _near(a, common, 0.3, 1), {"Korvel": 1.0}, countries=country),
        _sig("q", _near(a, common, 0.3, 2), {"Dunmere": 1.0}, countries=country),
    ]
    assert len(group_events(sigs)) == 2


def test_same_day_in_two_countries_is_two_events(strikes: Topics) -> None:
    common, a, _ = strikes
    sigs = [
        _sig("p", _near(a, common, 0.3, 1), countries={"Estland": 1.0}, day="2025-05-02"),
        _sig("q", _near(a, common, 0.3, 2), countries={"Norvia": 1.0}, day="2025-05-02"),
    ]
    assert len(group_events(sigs)) == 2


def test_label_is_the_main_place_and_the_day() -> None:
    common, a = _vectors(2)
    sigs = [
        _sig("a", _near(a, common, 0.1, 1), {"Olenivka": 3.0, "Mariupol": 0.5}, day="2022-07-29"),
        _sig("b", _near(a, common, 0.1, 2), {"Olenivka": 2.0, "Donetsk": 1.0}, day="2022-07-29"),
        _sig("c", _near(a, common, 0.1, 3), {"Elenovka": 1.0}, day="2022-08-05"),
    ]
    (event,) = group_events(sigs)
    assert (event.place, event.day) == ("Olenivka", "2022-07-29")
    assert event.label == "Olenivka · 2022-07-29"


# --- the whole pipeline, on coverage of our own ---------------------------------------------


@pytest.fixture()
def case(tmp_path: Path, analyzer: Analyzer) -> Case:
    """Analyse folders of our own articles together and return the compared analysis."""

    def run(folders: dict[str, dict[str, str]]) -> Analysis:
        paths = []
        for folder, articles in folders.items():
            path = tmp_path / folder
            path.mkdir()
            for name, text in articles.items():
                (path / name).write_text(text, encoding="utf-8")
            paths.append(path)
        summary = analyze_paths(paths, db=tmp_path / "case.db", analyzer=analyzer)
        return load_analysis(tmp_path / "case.db", summary.article_ids)

    return run


def _events_by_folder(analysis: Analysis) -> list[Counter[str]]:
    folder = {a.id: Path(a.source).parent.name for a in analysis.articles}
    return [Counter(folder[a] for a in e.articles) for e in analysis.events]


def _header(outlet: str, date: str | None) -> str:
    return f"outlet: {outlet}\n" + (f"date: {date}\n" if date else "") + "\n"


STRIKE_A = {
    "a1.txt": _header("North Post", "2025-03-04")
    + "A missile strike hit the central market in Tarvesk, Sudan, on Monday, killing 14 "
    "people and wounding 30, local officials said. Rescuers searched the rubble of the "
    "market in Tarvesk through the night.",
    "a2.txt": _header("South Daily", "2025-03-05")
    + "Fourteen people were killed when a missile struck a crowded market in Tarvesk on "
    "Monday, the regional governor said. Sudan's army blamed a rebel militia for the strike "
    "on Tarvesk.",
}
STRIKE_B = {
    "b1.txt": _header("East Wire", "2025-07-20")
    + "A missile strike on a school in Olmira, Sudan, killed nine people on Saturday, "
    "officials said. The strike destroyed two classrooms in Olmira, and 22 people were "
    "wounded.",
    "b2.txt": _header("West Blog", "2025-07-21")
    + "Nine people died after a missile hit a school in Olmira on Saturday, the health "
    "ministry of Sudan said. Residents of Olmira said the strike came without warning.",
}
FLOOD = {
    "f1.txt": _header("Coast Herald", "2025-10-04")
    + "Flash floods swept through the river town of Karvasa on Friday, killing at least 23 "
    "people, the mayor said. Hundreds of homes in Karvasa were under water.",
    "f2.txt": _header("Valley Times", "2025-10-06")
    + "The death toll from Friday's flood in Karvasa rose to 41, rescuers said on Sunday, as "
    "more bodies were pulled from the mud.",
    "f3.txt": _header("Daily Courier", "2025-10-08")
    + "Rescuers in Kervasa are still searching for 60 missing people after last week's flood, "
    "which killed 48, according to the regional government.",
    "f4.txt": "outlet: Morning Star\ntitle: Karvassa counts its dead\n\n"
    "Survivors of the flood in Karvassa said the water rose within minutes on the night of "
    "October 3. At least 48 people died.",
    "f5.txt": _header("Weekly Review", "2025-11-07")
    + "A month after the October 3 flood that killed 52 people in Karvasa, residents are "
    "still waiting for aid, and an inquiry into the failed river embankment has begun.",
}


def test_invented_coverage_of_three_events_gives_three(case: Case) -> None:
    analysis = case({"strike_a": STRIKE_A, "strike_b": STRIKE_B, "flood": FLOOD})
    assert sorted(map(dict, _events_by_folder(analysis)), key=str) == sorted(
        [{"strike_a": 2}, {"strike_b": 2}, {"flood": 5}], key=str
    )
    names = {e.name for e in analysis.events}
    assert any("Karvasa" in n or "Karvassa" in n for n in names)


# --- real coverage in ../shared -------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.slow
def test_four_real_events_come_out_as_four_whole_events(
    shared_dir: Path, tmp_path: Path, analyzer: Analyzer
) -> None:
    events = shared_dir / "data" / "events"
    folders = sorted(p / "articles" for p in events.iterdir() if (p / "articles").is_dir())
    if len(folders) < 4:
        pytest.skip(f"{events} holds fewer than four events with articles")
    summary = analyze_paths(folders, db=tmp_path / "events.db", analyzer=analyzer)
    analysis = load_analysis(tmp_path / "events.db", summary.article_ids)
    event_of = {a.id: Path(a.source).parent.parent.name for a in analysis.articles}
    found = [Counter(event_of[a] for a in e.articles) for e in analysis.events]
    assert all(len(c) == 1 for c in found), f"events mixed: {found}"
    assert len(found) == len(folders), f"events split: {found}"


@pytest.mark.shared
def test_examples_and_seeds_are_two_events(
    shared_dir: Path, examples_dir: Path, tmp_path: Path, analyzer: Analyzer
) -> None:
    summary = analyze_paths(
        [examples_dir, shared_dir / "seeds"], db=tmp_path / "both.db", analyzer=analyzer
    )
    analysis = load_analysis(tmp_path / "both.db", summary.article_ids)
    assert sorted(map(dict, _events_by_folder(analysis)), key=str) == sorted(
        [{"examples": 5}, {"seeds": 2}], key=str
    )
