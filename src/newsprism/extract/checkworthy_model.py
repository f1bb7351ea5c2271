"""A trained check-worthiness model: is a sentence a factual claim worth checking?

Logistic regression over the sentence's static embedding, hashed words and word pairs, and
surface cues (learn.text_features), trained by `newsprism train checkworthy --data DIR` on
ClaimBuster sentences (check-worthy factual = positive). The decision threshold is chosen on
a held-out tenth of the training data. The trained file ships in the package
(`checkworthy_model.npz`, with its model card beside it).
"""

from __future__ import annotations

import csv
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsprism.errors import NewsprismError
from newsprism.learn.linear import LinearModel, train_logistic
from newsprism.learn.text_features import text_features

MODEL_FILE = "checkworthy_model.npz"
POSITIVE_LABELS = frozenset({"CFS", "Yes", "yes", "1"})
HELD_OUT_SHARE = 10  # one sentence in ten, by a hash of its id, picks the threshold


class TrainingDataError(NewsprismError):
    """Training data that cannot be read."""


def read_labelled(path: Path, limit: int | None = None) -> tuple[list[str], np.ndarray, list[str]]:
    """Texts, 0/1 labels (check-worthy = 1) and ids of a `sentence_id  text  label` TSV."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as exc:
        raise TrainingDataError(f"{path}: cannot read ({exc})") from exc
    if not rows or not {"text", "label"} <= rows[0].keys():
        raise TrainingDataError(f"{path}: needs a header with columns sentence_id, text, label")
    rows = rows[:limit] if limit else rows
    texts = [r["text"] for r in rows]
    labels = np.array([int(r["label"].strip() in POSITIVE_LABELS) for r in rows], dtype=np.int64)
    ids = [r.get("sentence_id") or str(i) for i, r in enumerate(rows)]
    return texts, labels, ids


def f1_at(scores: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    """F1 of the positive class when scores at or above `threshold` are positive."""
    predicted = scores >= threshold
    tp = float(np.sum(predicted & (labels == 1)))
    fp = float(np.sum(predicted & (labels == 0)))
    fn = float(np.sum(~predicted & (labels == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train_checkworthy(
    data: Path, out: Path, limit: int | None = None, epochs: int = 300
) -> dict[str, float]:
    """Train on `data/train.tsv`, choose the threshold on a held-out tenth, save to `out`."""
    texts, labels, ids = read_labelled(data / "train.tsv", limit)
    held = np.array([zlib.crc32(i.encode()) % HELD_OUT_SHARE == 0 for i in ids])
    x = text_features(texts)
    fit = train_logistic(x[~held], labels[~held], ["no", "yes"], epochs=epochs, balance=0.5)
    scores = fit.probabilities(x[held])[:, 1]
    grid = np.linspace(0.2, 0.8, 25)
    f1s = [f1_at(scores, labels[held], t) for t in grid]
    threshold = float(grid[int(np.argmax(f1s))]) if held.any() else 0.5
    model = train_logistic(x, labels, ["no", "yes"], epochs=epochs, balance=0.5)
    model.meta = {
        "threshold": f"{threshold:.3f}",
        "trained_on": str(len(texts)),
        "held_out_f1": f"{max(f1s):.3f}",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    return {"threshold": threshold, "held_out_f1": float(max(f1s)), "sentences": len(texts)}


def model_path() -> Path:
    """The shipped model file."""
    return Path(str(resources.files("newsprism.extract").joinpath(MODEL_FILE)))


@lru_cache(maxsize=2)
def load_checkworthy(path: str | None = None) -> LinearModel:
    """The check-worthiness model (the shipped one unless a path is given)."""
    return LinearModel.load(Path(path) if path else model_path())


def checkworthy_scores(sentences: list[str], path: str | None = None) -> np.ndarray:
    """How check-worthy each sentence is, in [0, 1], with the model's decision threshold at 0.5
    (the probability is rescaled piecewise linearly, so 0.5 means "just check-worthy")."""
    if not sentences:
        return np.zeros(0, dtype=np.float32)
    model = load_checkworthy(path)
    p = model.probabilities(text_features(sentences))[:, 1]
    t = float(model.meta.get("threshold", 0.5))
    return np.where(p < t, 0.5 * p / t, 0.5 + 0.5 * (p - t) / (1 - t)).astype(np.float32)
