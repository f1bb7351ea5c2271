"""Fuzzing the doors hostile input comes through: readers, date and number parsers, web forms.

Each test runs a bounded number of random inputs (FUZZ_EXAMPLES; CI runs them every time),
and what any of them finds is kept below as a plain regression case. A reader may only yield
articles, problems and skip notes, or raise InputError: never another exception. A web form
may refuse, never answer 500.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError, InputProblem
from newsprism.ingest import READERS, Skipped
from newsprism.ingest.dates import parse_published, parse_published_time
from newsprism.model.types import Article
from newsprism.nlp.dates import resolve_date, resolve_date_within
from newsprism.nlp.numbers import parse_number
from newsprism.web import create_app

FUZZ_EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Bytes that look like the formats, with the odd cases found so far mixed in.
HEADERISH = st.builds(
    lambda head, body: (head + "\n\n" + body).encode("utf-8", "surrogatepass"),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80).map(
        lambda t: "outlet: " + t
    ),
    st.text(max_size=300),
)
JSONISH = st.one_of(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"text": st.text(max_size=200), "outlet": st.text(max_size=20)}).map(
        lambda v: json.dumps(v).encode()
    ),
    st.binary(max_size=200),
)
HTMLISH = st.one_of(
    st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
    st.binary(max_size=300),
    st.integers(1, 3000).map(lambda n: b"<div>" * n),
)


def _only_known_outcomes(reader: str, data: bytes) -> None:
    try:
        for item in READERS[reader](f"fuzz{reader}", data):
            assert isinstance(item, (Article, InputProblem, Skipped))
            if isinstance(item, Article):
                item.text.encode("utf-8")  # storable
    except InputError:
        pass


@FUZZ
@given(st.one_of(HEADERISH, st.binary(max_size=400)))
def test_the_txt_reader_never_crashes(data: bytes) -> None:
    _only_known_outcomes(".txt", data)


@FUZZ
@given(st.lists(JSONISH, max_size=5).map(lambda lines: b"\n".join(lines)))
def test_the_jsonl_reader_never_crashes(data: bytes) -> None:
    _only_known_outcomes(".jsonl", data)


@settings(max_examples=max(10, FUZZ_EXAMPLES // 5), deadline=None)
@given(HTMLISH)
def test_the_html_reader_never_crashes(data: bytes) -> None:
    _only_known_outcomes(".html", data)


@FUZZ
@given(
    st.text(max_size=60), st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
)
def test_date_parsers_never_raise(text: str, published: dt.date | None) -> None:
    resolve_date(text, published)
    resolve_date_within(text, published)
    parse_published(text)
    parse_published_time(text)


@FUZZ
@given(st.lists(st.text(max_size=15), max_size=6))
def test_the_number_parser_never_raises(words: list[str]) -> None:
    found = parse_number(words)
    assert found is None or found[0] == found[0]  # never NaN


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path, analyzer):
    folder = tmp_path_factory.mktemp("fuzzcase")
    shutil.copytree(examples_dir, folder / "in")
    from newsprism.api import analyze_paths, load_analysis

    analyze_paths([folder / "in"], db=folder / "case.db", analyzer=analyzer)
    client = TestClient(
        create_app(folder / "case.db", analyzer=analyzer), base_url="http://127.0.0.1"
    )
    claim = next(c.id for c in load_analysis(folder / "case.db").claims if c.slot == "killed")
    page = client.get("/").text
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    return client, claim, token


@settings(
    max_examples=max(20, FUZZ_EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    action=st.sampled_from(["wrong", "value", "slot", "", "x" * 50]),
    op=st.one_of(st.sampled_from(["=", ">=", "<", "approx", "range", ""]), st.text(max_size=5)),
    number=st.one_of(
        st.sampled_from(["nan", "inf", "-inf", "1e309", "1e15", "-0", "0x10", "", " 4 "]),
        st.text(max_size=12),
        st.floats().map(str),
    ),
    slot=st.one_of(st.sampled_from(["killed", "deaths", ""]), st.text(max_size=10)),
)
def test_the_correction_form_never_answers_500(app_client, action, op, number, slot) -> None:
    client, claim, token = app_client
    answer = client.post(
        f"/claims/{claim}/correct",
        data={"action": action, "op": op, "number": number, "slot": slot, "csrf_token": token},
    )
    assert answer.status_code < 500
    for path in ("/export.json", "/export.csv"):
        assert client.get(path).status_code == 200
    json.loads(client.get("/export.json").text)


@settings(
    max_examples=max(20, FUZZ_EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=700))
def test_search_never_answers_500(app_client, query: str) -> None:
    client, _, _ = app_client
    assert client.get("/search", params={"q": query}).status_code in (200, 400)


# Regressions found by hand or by the fuzzers above, kept as plain cases.
@pytest.mark.parametrize(
    ("reader", "data"),
    [
        (".jsonl", b'{"text": "Ten died \\ud800"}'),
        (".jsonl", b"[" * 100_000),
        (".txt", "outlet: X\n\nTen died.".encode("utf-16")),
        (".html", b"<div>" * 10_000),
    ],
)
def test_regressions(reader: str, data: bytes) -> None:
    _only_known_outcomes(reader, data)
