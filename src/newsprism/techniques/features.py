"""Features for technique detection: per word (is it inside a persuasive span?) and per span
(which technique is it?)."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from newsprism.learn.embeddings import PCA_DIMS, embed
from newsprism.learn.text_features import hashed_ngrams, surface

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*|[^\sA-Za-z0-9]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WINDOW = 2
TOKEN_EXTRA = ("capitalised", "all_caps", "punctuation", "in_quotes", "exclamation_near")


def tokens(text: str) -> list[tuple[int, int]]:
    """Character spans of words and punctuation marks."""
    return [m.span() for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (line breaks and final punctuation end them)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def token_features(text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Token spans and their features: the word's embedding, the mean of its neighbours'
    (WINDOW each side), its sentence's embedding, and surface cues."""
    spans = tokens(text)
    if not spans:
        return [], np.zeros((0, 3 * PCA_DIMS + len(TOKEN_EXTRA)), dtype=np.float32)
    words = [text[s:e].lower() for s, e in spans]
    vocab = sorted(set(words))
    index = {w: i for i, w in enumerate(vocab)}
    word_vectors = embed(vocab)[[index[w] for w in words]]
    padded = np.vstack([np.zeros((WINDOW, PCA_DIMS)), word_vectors, np.zeros((WINDOW, PCA_DIMS))])
    sums = np.cumsum(np.vstack([np.zeros((1, PCA_DIMS)), padded]), axis=0)
    context = (sums[2 * WINDOW + 1 :] - sums[: -2 * WINDOW - 1] - word_vectors) / (2 * WINDOW)
    sents = sentences(text)
    sent_vectors = embed([text[s:e] for s, e in sents]) if sents else np.zeros((1, PCA_DIMS))
    starts = np.array([s for s, _ in sents]) if sents else np.array([0])
    sent_of = np.clip(np.searchsorted(starts, [s for s, _ in spans], side="right") - 1, 0, None)
    quote_depth = _in_quotes(text, spans)
    extra = np.array(
        [
            [
                text[s].isupper(),
                text[s:e].isupper() and e - s > 1,
                not text[s].isalnum(),
                quote_depth[i],
                "!" in text[max(0, s - 40) : e + 40],
            ]
            for i, (s, e) in enumerate(spans)
        ],
        dtype=np.float32,
    )
    return spans, np.hstack([word_vectors, context, sent_vectors[sent_of], extra]).astype(
        np.float32
    )


def _in_quotes(text: str, spans: list[tuple[int, int]]) -> list[float]:
    inside, out = False, []
    for s, e in spans:
        if text[s:e] in ('"', "“", "”"):
            inside = not inside
        out.append(float(inside))
    return out


def span_features(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """Features of candidate spans: their words, their sentence, how often the article
    repeats them, and surface cues."""
    if not spans:
        return np.zeros((0, 2 * PCA_DIMS + 2048 + 8 + 3), dtype=np.float32)
    pieces = [text[s:e] for s, e in spans]
    sents = sentences(text)
    context = []
    for s, e in spans:
        around = next(((a, b) for a, b in sents if a <= s < b), (max(0, s - 200), e + 200))
        context.append(text[around[0] : max(around[1], e)])
    lowered = text.lower()
    counts = Counter(p.lower() for p in pieces)
    extra = np.array(
        [
            [
                min(lowered.count(p.lower()), 10) / 10.0,
                min(counts[p.lower()], 5) / 5.0,
                min(len(p), 400) / 400.0,
            ]
            for p in pieces
        ],
        dtype=np.float32,
    )
    return np.hstack(
        [embed(pieces), embed(context), hashed_ngrams(pieces), surface(pieces), extra]
    ).astype(np.float32)
