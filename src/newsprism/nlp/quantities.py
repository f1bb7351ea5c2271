"""Quantities in a parsed text: each number with its bound, range, unit and counted noun."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprism.nlp.numbers import (
    CURRENCY_SYMBOLS,
    MAX_CUE_WORDS,
    is_number_word,
    match_bound_cue,
    normalize_unit,
    parse_number,
)

# Entity labels whose numbers are not counts: dates, times and ordinals get their own readers.
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d{2,4}\)?[ .-]\d{3}[ .-]\d{3,4}(?![\w-])")
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday year years month months day days week weeks decade decades century "
    "centuries hour hours minute minutes second seconds old ago am pm a.m. p.m. today "
    "yesterday tomorrow morning evening night".split()
)
_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
_YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "of", "by", "until", "till", "from", "during", "before", "after"}
)
_RANGE_JOINERS = frozenset({"to", "-", "–", "—", "and", "or"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass
class Quantity:
    """A number as a text states it; `tokens` are the number's own tokens."""

    op: str
    value: float
    high: float | None
    unit: str | None
    vague: bool
    start: int  # character span of the whole statement of the value ("over 130 people")
    end: int
    number: Span  # the number's own tokens
    noun: Token | None  # what is counted or measured, when the text says


def _is_number_token(tok: Token) -> bool:
    if tok.like_url or tok.like_email:
        return False
    return is_number_word(tok.text)


def _in_date_expression(tok: Token) -> bool:
    """Inside a DATE or TIME entity that reads as one ("March 7", "16-year-old"), not merely
    labelled so ("between 10 and 20" is sometimes tagged DATE)."""
    if tok.ent_type_ == "ORDINAL":
        return True
    if tok.ent_type_ not in NOT_COUNT_LABELS:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return True
    return any(t.lower_ in _DATE_WORDS or _YEAR.match(t.text) or ":" in t.text for t in ent)


def _phone_spans(doc: Doc) -> list[tuple[int, int]]:
    return [m.span() for m in _PHONE.finditer(doc.text)]


def _excluded(tok: Token) -> bool:
    """Numbers that are not counts: dates, times, ordinals, years, phone numbers."""
    if _in_date_expression(tok):
        return True
    phones = tok.doc.user_data.get("newsprism_phones")
    if phones is None:
        phones = tok.doc.user_data["newsprism_phones"] = _phone_spans(tok.doc)
    if any(s <= tok.idx < e for s, e in phones):
        return True
    # An age: "Paulo Renner, 52, said", "aged 52".
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return True
    if tok.i > 0 and tok.nbor(-1).lower_ == "aged":
        return True
    if _YEAR.match(tok.text):
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        if prev in _YEAR_PREPOSITIONS or tok.ent_type_ == "DATE":
            return True
        # A bare year-like number that counts nothing ("2015") is a year.
        if tok.dep_ != "nummod":
            return True
    return False


def _joins_number_words(doc: Doc, j: int) -> bool:
    """'and' or '-' inside a written number ("two hundred and fifty"), 'of' in "tens of"."""
    tok = doc[j]
    if tok.lower_ in ("and", "-"):
        return j + 1 < len(doc) and doc[j + 1].lower_ in _WORD_TAIL
    return tok.lower_ == "of" and doc[j - 1].lower_ == "tens"


def _number_run(doc: Doc, i: int) -> int:
    """End (exclusive) of the run of number tokens starting at i ("two hundred and fifty")."""
    j = i + 1
    while j < len(doc):
        tok = doc[j]
        if _is_number_token(tok) and not _excluded(tok):
            # Two digit tokens side by side are two numbers, not one.
            if tok.like_num and tok.text[0].isdigit() and doc[j - 1].text[0].isdigit():
                break
            j += 1
        elif _joins_number_words(doc, j):
            j += 1
        else:
            break
    return j


_WORD_TAIL = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "thousand thousands".split()
)


def _counted_noun(number: Span) -> Token | None:
    """The noun a number counts: its head ("143 people") or what follows "of" ("hundreds of km")."""
    root = number.root
    head = root.head
    if (
        root.dep_ in ("nummod", "quantmod", "compound", "amod")
        and head.pos_ in _NOUN_POS
        and head not in number
    ):
        return head
    end = number.end
    doc = number.doc
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for tok in doc[end + 1 : min(end + 5, len(doc))]:
            if tok.pos_ in _NOUN_POS:
                return tok
            if tok.pos_ not in ("DET", "ADJ", "NUM"):
                break
    return None


def _range_of_bounds(doc: Doc, cue_i: int, end_i: int, low: float) -> tuple[float, int] | None:
    """The high end and end token of "from <cue> N to <cue> M", the number N's cue starting
    at `cue_i` and ending before `end_i`; None when the words do not run so."""
    if cue_i < 1 or doc[cue_i - 1].lower_ != "from":
        return None
    if end_i >= len(doc) or doc[end_i].lower_ != "to":
        return None
    for skip in range(MAX_CUE_WORDS + 1):
        at = end_i + 1 + skip
        if at >= len(doc) or not _is_number_token(doc[at]):
            continue
        cue_words = [t.text for t in doc[end_i + 1 : at]]
        cue = match_bound_cue(cue_words) if cue_words else None
        if cue_words and (cue is None or cue[2] != len(cue_words)):
            return None
        high_end = _number_run(doc, at)
        parsed = parse_number([t.text for t in doc[at:high_end]])
        if parsed is None or parsed[0] < low:
            return None
        return parsed[0], high_end
    return None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every cardinal quantity of a parsed text, in order."""
    found: list[Quantity] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        start_i = i
        # "a dozen", "a million": the article belongs to the number.
        if (
            tok.lower_ in ("a", "an")
            and i + 1 < len(doc)
            and doc[i + 1].lower_ in ("dozen", "hundred", "thousand", "million", "billion", "score")
        ):
            i += 1
            tok = doc[i]
        if not _is_number_token(tok) or _excluded(tok) or (tok.lower_ == "score" and start_i == i):
            i = start_i + 1
            continue
        end_i = _number_run(doc, i)
        words = [t.text for t in doc[start_i:end_i]]
        parsed = parse_number(words)
        if parsed is None or (tok.lower_ == "one" and end_i == i + 1 and tok.dep_ != "nummod"):
            i = end_i
            continue
        value, vague = parsed
        number = doc[start_i:end_i]
        op, high = ("=", None)
        span_start = number.start_char
        # A range: "between 10 and 20", "from 10 to 20", "10 to 20", "10-20".
        if (
            end_i + 1 < len(doc)
            and doc[end_i].lower_ in _RANGE_JOINERS
            and _is_number_token(doc[end_i + 1])
        ):
            joiner = doc[end_i].lower_
            before = doc[start_i - 1].lower_ if start_i > 0 else ""
            if joiner not in ("and", "or") or before == "between" or joiner == "or":
                high_end = _number_run(doc, end_i + 1)
                parsed_high = parse_number([t.text for t in doc[end_i + 1 : high_end]])
                if parsed_high is not None and parsed_high[0] >= value:
                    op, high = "range", parsed_high[0]
                    if before in ("between", "from"):
                        span_start = doc[start_i - 1].idx
                    end_i = high_end
        if op == "=":
            words_before = [t.text for t in doc[max(0, start_i - MAX_CUE_WORDS) : start_i]]
            cue = match_bound_cue(words_before)
            if cue is not None:
                op = cue[1]
                span_start = doc[start_i - cue[2]].idx
                wide = _range_of_bounds(doc, start_i - cue[2], end_i, value)
                if wide is not None:
                    # "from more than 4,000 to over 11,000": the figures span a range.
                    op, high, end_i = "range", wide[0], wide[1]
                    span_start = doc[start_i - cue[2] - 1].idx
            elif vague:
                op = ">="
        noun = _counted_noun(number)
        unit = None
        if start_i > 0 and doc[start_i - 1].text in CURRENCY_SYMBOLS:
            unit = CURRENCY_SYMBOLS[doc[start_i - 1].text]
            span_start = min(span_start, doc[start_i - 1].idx)
        elif end_i < len(doc) and doc[end_i].text in ("%", "percent"):
            unit = "%"
        elif noun is not None:
            unit = normalize_unit(noun.lemma_ if noun.lemma_ else noun.text)
        span_end = doc[end_i - 1].idx + len(doc[end_i - 1].text)
        if noun is not None and noun.i >= end_i and noun.i - end_i <= 4:
            span_end = noun.idx + len(noun.text)
        elif unit == "%":
            span_end = doc[end_i].idx + len(doc[end_i].text)
        found.append(
            Quantity(op, value, high, unit, vague, span_start, span_end, doc[start_i:end_i], noun)
        )
        i = end_i
    return found
