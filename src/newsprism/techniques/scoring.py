"""The two official measures of SemEval-2020 Task 11, written from the task's definitions.

Span identification: precision and recall with partial credit for overlap. For predicted
spans S and gold spans T of an article, C(s, t, h) = |s ∩ t| / h; P = Σ C(s, t, |s|) / |S|,
R = Σ C(s, t, |t|) / |T|, summed over all pairs and over articles.
Technique classification: micro-F1 of the technique given each gold span; a span with k gold
techniques is matched against the system's k best guesses.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def si_scores(
    predicted: dict[str, list[Span]], gold: dict[str, list[Span]]
) -> tuple[float, float, float]:
    """(precision, recall, F1) of span identification with partial-overlap credit."""
    p_sum = r_sum = 0.0
    n_pred = sum(len(v) for v in predicted.values())
    n_gold = sum(len(v) for v in gold.values())
    for article in set(predicted) | set(gold):
        for s in predicted.get(article, []):
            for t in gold.get(article, []):
                shared = _overlap(s, t)
                if shared:
                    p_sum += shared / (s[1] - s[0])
                    r_sum += shared / (t[1] - t[0])
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans joined, as the task's gold span identification is."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def tc_scores(
    labels: list[tuple[str, str, int, int]], rank: Callable[[str, list[Span]], list[list[str]]]
) -> tuple[float, dict[str, tuple[float, float, float]]]:
    """Micro-F1 of technique classification and (P, R, F1) per technique.

    `rank(article, spans)` gives, for each span, techniques best first.
    """
    by_span: dict[tuple[str, Span], list[str]] = defaultdict(list)
    for article, technique, start, end in labels:
        by_span[(article, (start, end))].append(technique)
    by_article: dict[str, list[Span]] = defaultdict(list)
    for article, span in by_span:
        by_article[article].append(span)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for article, spans in by_article.items():
        for span, guesses in zip(spans, rank(article, spans), strict=True):
            wanted = Counter(by_span[(article, span)])
            got = Counter(guesses[: sum(wanted.values())])
            hit = wanted & got
            tp.update(hit)
            fp.update(got - hit)
            fn.update(wanted - hit)
    total = sum(tp.values()) + sum(fn.values())
    micro = sum(tp.values()) / total if total else 0.0
    per: dict[str, tuple[float, float, float]] = {}
    for technique in set(tp) | set(fp) | set(fn):
        p = (
            tp[technique] / (tp[technique] + fp[technique])
            if tp[technique] + fp[technique]
            else 0.0
        )
        r = (
            tp[technique] / (tp[technique] + fn[technique])
            if tp[technique] + fn[technique]
            else 0.0
        )
        per[technique] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return micro, per
