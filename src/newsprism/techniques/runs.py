"""From per-piece tagging probabilities to technique spans: runs of pieces at or over a
threshold, trimmed of edge punctuation. Shared by the linear tagger and the transformer."""

from __future__ import annotations

import numpy as np

# Punctuation a span never starts or ends with.
PUNCTUATION = frozenset(".,;:!?\"“”'’()-–—")


def decode_char_runs(
    text: str, pieces: list[tuple[int, int, float]], threshold: float
) -> list[tuple[int, int, float]]:
    """Runs of pieces (start, end, probability) at or over the threshold that touch or are
    separated by spaces only, as spans without edge punctuation."""
    runs: list[list[tuple[int, int, float]]] = []
    current: list[tuple[int, int, float]] = []
    for piece in pieces:
        if piece[2] >= threshold and (not current or not text[current[-1][1] : piece[0]].strip()):
            current.append(piece)
            continue
        if current:
            runs.append(current)
        current = [piece] if piece[2] >= threshold else []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and text[run[0][0]] in PUNCTUATION:
            run = run[1:]
        while run and text[run[-1][1] - 1] in PUNCTUATION:
            run = run[:-1]
        if run:
            out.append((run[0][0], run[-1][1], float(np.mean([p for _, _, p in run]))))
    return out
