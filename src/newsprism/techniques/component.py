"""The technique detector as a spaCy component, so that it runs where the parse runs: in
each of spaCy's processes when `nlp.pipe(..., n_process=N)` spreads articles over the cores.

It writes `doc._.techniques`, a list of [start, end, technique, score] (plain values, so the
annotation travels back from spaCy's worker processes with the Doc).
"""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.techniques.model import TechniqueModel, load_model
from newsprism.techniques.span_classifier import load_span_classifier
from newsprism.techniques.transformer import load_onnx_tagger

COMPONENT = "newsprism_techniques"

if not Doc.has_extension("techniques"):
    Doc.set_extension("techniques", default=None)


@lru_cache(maxsize=4)
def _model_in(pid: int, folder: str | None, threads: int | None) -> TechniqueModel:
    # Keyed by process: an onnxruntime session made before a fork does not work in the child
    # (its threads stay behind), so each process loads its own.
    if pid != _first_pid:
        for cached in (load_model, load_onnx_tagger, load_span_classifier):
            cached.cache_clear()
    return load_model(folder, threads)


_first_pid = os.getpid()


class TechniqueDetector:
    """Persuasion technique spans of a Doc's text."""

    def __init__(self, folder: str | None = None, threads: int = 0):
        self.folder = folder  # None: the shipped model
        self.threads = threads  # ONNX threads per process; 0: the default (two at most)

    def __call__(self, doc: Doc) -> Doc:
        model = _model_in(os.getpid(), self.folder, self.threads or None)
        doc._.techniques = [[d.start, d.end, d.technique, d.score] for d in model.detect(doc.text)]
        return doc


@Language.factory(
    COMPONENT,
    assigns=["doc._.techniques"],
    default_config={"folder": None, "threads": 0},
)
def make_technique_detector(
    nlp: Language, name: str, folder: str | None, threads: int
) -> TechniqueDetector:
    """The `newsprism_techniques` component: `doc._.techniques` from the technique model."""
    return TechniqueDetector(folder, threads)
