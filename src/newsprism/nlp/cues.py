"""A cue found in the text: the words that signal hedging or attribution, and where they are."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True)
class Cue:
    """Words of the text that signal something about a claim."""

    text: str
    start: int
    end: int

    @classmethod
    def of_tokens(cls, first: Token, last: Token) -> Cue:
        doc = first.doc
        start, end = first.idx, last.idx + len(last.text)
        return cls(doc.text[start:end], start, end)


def clause_path(token: Token) -> list[Token]:
    """The token and its ancestors up to the sentence root, nearest first."""
    return [token, *token.ancestors]
