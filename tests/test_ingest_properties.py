"""Property tests of ingest's string functions: normalisation, dates, header splitting."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.dates import parse_published
from newsprism.ingest.metadata import KNOWN_HEADER_KEYS, split_header
from newsprism.ingest.normalize import normalize_text

# Characters normalize_text deletes; deleting one after NFC can bring a base letter and a
# combining mark together (see test_normalize_text_is_idempotent_across_deleted_characters).
_DELETED = "".join(
    map(
        chr,
        [
            *range(0x00, 0x09),
            *range(0x0E, 0x20),
            0x7F,
            0x00AD,
            0x200B,
            0x200C,
            0x200D,
            0x2060,
            0xFEFF,
        ],
    )
)
WHITESPACE_HEAVY = st.text(
    alphabet=st.sampled_from(
        [
            " ",
            "\n",
            "\r",
            "\t",
            "\x0b",
            "\x0c",
            "\u00a0",
            "\u2003",
            "\u3000",
            "\u2028",
            "\u0085",
            "\u200b",
            "a",
            "é",
            ".",
        ]
    ),
    max_size=60,
)
ANY_TEXT = st.text() | WHITESPACE_HEAVY
props = settings(max_examples=300, deadline=None)


@props
@given(ANY_TEXT)
def test_normalize_text_leaves_no_double_space_cr_or_triple_newline(raw: str) -> None:
    text = normalize_text(raw)
    assert "  " not in text
    assert "\r" not in text
    assert "\n\n\n" not in text


@props
@given(ANY_TEXT)
def test_normalize_text_has_no_edge_whitespace(raw: str) -> None:
    text = normalize_text(raw)
    assert text == text.strip()


@props
@given(st.text(alphabet=st.characters(blacklist_characters=_DELETED)) | WHITESPACE_HEAVY)
def test_normalize_text_is_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    "raw", ["e\u00ad\u0301", "e\x01\u0301", "e\u200b\u0301", "\u1100\ufeff\u1161"]
)
def test_normalize_text_is_idempotent_across_deleted_characters(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@props
@given(st.text() | st.from_regex(r"[0-9A-Za-z ,:/.+\-T]{0,30}", fullmatch=True))
def test_parse_published_gives_none_or_an_iso_date(value: str) -> None:
    result = parse_published(value)
    assert result is None or dt.date.fromisoformat(result).isoformat() == result


@props
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_parse_published_reads_full_dates(day: dt.date) -> None:
    expected = day.isoformat()
    assert parse_published(expected) == expected
    assert parse_published(f"{day:%B} {day.day}, {day.year}") == expected
    assert parse_published(f"{expected}T10:30:00Z") == expected


@props
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_parse_published_refuses_month_and_year_only(day: dt.date) -> None:
    assert parse_published(f"{day:%B} {day.year}") is None
    assert parse_published(str(day.year)) is None


@props
@given(ANY_TEXT)
def test_split_header_offset_is_within_the_text(text: str) -> None:
    fields, start = split_header(text)
    assert 0 <= start <= len(text)
    if start:
        assert start == len(text) or text[start - 2 : start] == "\n\n"
        assert KNOWN_HEADER_KEYS & fields.keys()
    else:
        assert fields == {}


HEADER_VALUE = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20)


@props
@given(
    st.dictionaries(st.sampled_from(sorted(KNOWN_HEADER_KEYS)), HEADER_VALUE, min_size=1),
    st.text(min_size=1),
)
def test_split_header_finds_a_written_header(header: dict[str, str], body: str) -> None:
    block = "\n".join(f"{key}: {value}" for key, value in header.items())
    fields, start = split_header(block + "\n\n" + body)
    assert start == len(block) + 2
    assert fields == {key: value.strip() for key, value in header.items()}


@props
@given(st.dictionaries(st.sampled_from(sorted(KNOWN_HEADER_KEYS)), HEADER_VALUE, min_size=1))
def test_split_header_of_a_header_alone_has_an_empty_body(header: dict[str, str]) -> None:
    text = "\n".join(f"{key}: {value}" for key, value in header.items())
    fields, start = split_header(text)
    assert start == len(text)
    assert fields == {key: value.strip() for key, value in header.items()}
