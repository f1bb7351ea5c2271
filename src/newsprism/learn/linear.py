"""Logistic regression in numpy: small, fast on a CPU, saved as plain arrays (no pickle).

Binary and multinomial models share one shape: weights (features x classes) and biases,
trained by full-batch gradient descent with Adam, L2 penalty and class weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.errors import NewsprismError


class ModelFileError(NewsprismError):
    """A model file that is missing or not a newsprism linear model."""


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class LinearModel:
    """A (multinomial) logistic regression; `labels[i]` names output column i."""

    weights: np.ndarray
    bias: np.ndarray
    labels: list[str]
    mean: np.ndarray
    scale: np.ndarray
    meta: dict[str, str] = field(default_factory=dict)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per example."""
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return _softmax(z)

    def save(self, path: Path) -> None:
        """Write the model as an .npz of plain arrays."""
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            labels=np.array(self.labels),
            meta_keys=np.array(list(self.meta)),
            meta_values=np.array(list(self.meta.values())),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Read a model written by `save` (arrays only: allow_pickle stays off)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = dict(
                    zip(data["meta_keys"].tolist(), data["meta_values"].tolist(), strict=True)
                )
                return cls(
                    data["weights"],
                    data["bias"],
                    data["labels"].tolist(),
                    data["mean"],
                    data["scale"],
                    meta,
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ModelFileError(f"{path}: not a newsprism model ({exc})") from exc


def train_logistic(
    x: np.ndarray,
    y: np.ndarray,
    labels: list[str],
    *,
    l2: float = 1e-3,
    epochs: int = 300,
    lr: float = 0.05,
    balance: float = 0.5,
    seed: int = 0,
) -> LinearModel:
    """Fit a logistic regression to features `x` and class indices `y`.

    `balance` between 0 (plain) and 1 (fully balanced) weighs rare classes up: weight of a
    class = (n / (k * count)) ** balance.
    """
    rng = np.random.default_rng(seed)
    n, d = x.shape
    k = len(labels)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    xs = ((x - mean) / scale).astype(np.float32)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    class_w = (n / (k * np.maximum(counts, 1))) ** balance
    sample_w = class_w[y].astype(np.float32)
    sample_w /= sample_w.mean()
    onehot = np.zeros((n, k), dtype=np.float32)
    onehot[np.arange(n), y] = 1.0
    w = (rng.standard_normal((d, k)) * 0.01).astype(np.float32)
    b = np.zeros(k, dtype=np.float32)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        p = _softmax(xs @ w + b)
        err = (p - onehot) * sample_w[:, None] / n
        g_w = xs.T @ err + l2 * w
        g_b = err.sum(axis=0)
        for g, m, v in ((g_w, m_w, v_w), (g_b, m_b, v_b)):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
        correction = np.sqrt(1 - beta2**step) / (1 - beta1**step)
        w -= lr * correction * m_w / (np.sqrt(v_w) + eps)
        b -= lr * correction * m_b / (np.sqrt(v_b) + eps)
    return LinearModel(w, b, labels, mean.astype(np.float32), scale.astype(np.float32))
