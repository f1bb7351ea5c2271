"""What the nlp layer annotates on a parsed text, as spaCy extensions the extractors read.

Two pipeline components (registered with `Language.factory`, declaring what they assign and
require) annotate whole texts after the parser:

- `newsprism_quantities`: `doc._.quantities`, every cardinal quantity (nlp/quantities.py);
- `newsprism_quotes`: `doc._.quoted_speakers`, the speaker of each sentence inside a quotation
  that runs over several sentences or follows "X said:" (nlp/attribution.py).

They store plain values (`doc._.quantity_rows`, `doc._.quote_rows`), which travel back from
spaCy's worker processes with the Doc; the `quantities` and `quoted_speakers` extensions read
them back as objects tied to the Doc's tokens.

Questions asked about single words are annotations read on demand, as spaCy's property
extensions: `token._.attribution` (who the words are credited to), `token._.hedge` (the cue
that hedges them), `token._.speaker_before` (the last speaker named before), `span._.owner`
(the body a speaker or document speaks for), `span._.is_pronoun`, and on a sentence
`span._.headline_source` ("Kyiv: ..."). Computing them for every word of every text would
cost about half a spaCy pass; the extractors ask about a few words of each claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.nlp.attribution import (
    Attribution,
    find_attribution,
    headline_source,
    is_pronoun,
    owner_of,
    quoted_speakers,
    speaker_before,
)
from newsprism.nlp.cues import Cue
from newsprism.nlp.hedging import find_hedge
from newsprism.nlp.quantities import Quantity, find_quantities

QUANTITIES = "newsprism_quantities"
QUOTES = "newsprism_quotes"
PARSE = ["token.dep", "token.head", "token.pos", "token.lemma", "token.is_sent_start"]


def _quantity_row(q: Quantity) -> list[Any]:
    noun = q.noun.i if q.noun is not None else -1
    return [
        q.op,
        q.value,
        q.high,
        q.unit,
        q.vague,
        q.start,
        q.end,
        q.number.start,
        q.number.end,
        noun,
    ]


def _quantity(doc: Doc, row: list[Any]) -> Quantity:
    op, value, high, unit, vague, start, end, first, last, noun = row
    return Quantity(
        op, value, high, unit, vague, start, end, doc[first:last], doc[noun] if noun >= 0 else None
    )


def _attribution_row(a: Attribution) -> list[Any]:
    return [a.speaker.start, a.speaker.end, a.cue.text, a.cue.start, a.cue.end]


def _attribution(doc: Doc, row: list[Any]) -> Attribution:
    first, last, text, start, end = row
    return Attribution(doc[first:last], Cue(text, start, end))


def _quantities_of(doc: Doc) -> list[Quantity]:
    rows = doc._.quantity_rows
    if rows is None:  # a pipeline without the component: annotate now
        rows = [_quantity_row(q) for q in find_quantities(doc)]
        doc._.quantity_rows = rows
    return [_quantity(doc, row) for row in rows]


def _quoted_speakers_of(doc: Doc) -> dict[int, Attribution]:
    rows = doc._.quote_rows
    if rows is None:
        rows = [[i, *_attribution_row(a)] for i, a in quoted_speakers(doc).items()]
        doc._.quote_rows = rows
    return {row[0]: _attribution(doc, row[1:]) for row in rows}


def _register() -> None:
    for name in ("quantity_rows", "quote_rows"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    getters: list[tuple[type[Doc] | type[Token] | type[Span], dict[str, Callable[[Any], Any]]]] = [
        (Doc, {"quantities": _quantities_of, "quoted_speakers": _quoted_speakers_of}),
        (
            Token,
            {
                "attribution": find_attribution,
                "hedge": find_hedge,
                "speaker_before": speaker_before,
            },
        ),
        (Span, {"owner": owner_of, "is_pronoun": is_pronoun, "headline_source": headline_source}),
    ]
    for kind, named in getters:
        for name, getter in named.items():
            if not kind.has_extension(name):
                kind.set_extension(name, getter=getter)


_register()


@Language.factory(QUANTITIES, assigns=["doc._.quantity_rows"], requires=PARSE)
def make_quantities(nlp: Language, name: str) -> Any:
    """The `newsprism_quantities` component."""

    def annotate(doc: Doc) -> Doc:
        doc._.quantity_rows = [_quantity_row(q) for q in find_quantities(doc)]
        return doc

    return annotate


@Language.factory(QUOTES, assigns=["doc._.quote_rows"], requires=PARSE)
def make_quotes(nlp: Language, name: str) -> Any:
    """The `newsprism_quotes` component."""

    def annotate(doc: Doc) -> Doc:
        doc._.quote_rows = [[i, *_attribution_row(a)] for i, a in quoted_speakers(doc).items()]
        return doc

    return annotate
