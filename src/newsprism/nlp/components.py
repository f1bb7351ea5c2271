"""newsprism's own spaCy components, registered by name like spaCy's built-in ones."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsprism_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break starts a new sentence: titles, bylines and paragraphs never run together.

    Inside a line, a word in lower case never starts a sentence: the parser sometimes cuts
    "Ukraine | and Russia traded accusations" after a line's first word, and every claim of
    the sentence then loses its subject.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_space or (tok.is_alpha and tok.text[0].islower()):
            tok.is_sent_start = False
    return doc
