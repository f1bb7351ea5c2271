"""Dense features of short texts: the static embedding, hashed words and word pairs, and a
few surface cues. Shared by the check-worthiness and technique models."""

from __future__ import annotations

import itertools
import re
import zlib

import numpy as np

from newsprism.learn.embeddings import embed

HASH_BUCKETS = 2048
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NUMBER = re.compile(r"\d")
SURFACE = (
    "digits",
    "percent_or_money",
    "question",
    "exclamation",
    "quote",
    "first_person",
    "length",
    "capitals",
)


def words(text: str) -> list[str]:
    """Lower-cased words of a text, numbers folded to one token."""
    return ["<num>" if w[0].isdigit() else w.lower() for w in _WORD.findall(text)]


def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % HASH_BUCKETS


def hashed_ngrams(texts: list[str]) -> np.ndarray:
    """Binary features of words and adjacent word pairs, hashed into HASH_BUCKETS columns."""
    out = np.zeros((len(texts), HASH_BUCKETS), dtype=np.float32)
    for row, text in enumerate(texts):
        tokens = words(text)
        for token in tokens:
            out[row, _bucket(token)] = 1.0
        for a, b in itertools.pairwise(tokens):
            out[row, _bucket(f"{a} {b}")] = 1.0
    return out


def surface(texts: list[str]) -> np.ndarray:
    """Surface cues, in the order of SURFACE."""
    rows = []
    for text in texts:
        tokens = words(text)
        letters = [c for c in text if c.isalpha()]
        rows.append(
            [
                float(bool(_NUMBER.search(text))),
                float(
                    any(s in text for s in ("%", "$", "€", "£", "percent", "million", "billion"))
                ),
                float("?" in text),
                float("!" in text),
                float(any(q in text for q in ('"', "“", "”"))),
                float(any(t in ("i", "we", "my", "our") for t in tokens)),
                min(len(tokens), 60) / 60.0,
                sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
            ]
        )
    return np.array(rows, dtype=np.float32).reshape(len(texts), len(SURFACE))


def text_features(texts: list[str]) -> np.ndarray:
    """Embedding, hashed n-grams and surface cues, side by side."""
    return np.hstack([embed(texts), hashed_ngrams(texts), surface(texts)])
