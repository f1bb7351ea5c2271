"""newsprism's own spaCy components, registered by name like spaCy's built-in ones."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsprism_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break starts a new sentence: titles, bylines and paragraphs never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_space:
            tok.is_sent_start = False
    return doc
