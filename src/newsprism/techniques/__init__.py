"""Persuasion techniques: taxonomy, training, evaluation and inference."""

from newsprism.techniques.model import Detected, TechniqueModel, load_model, train_techniques
from newsprism.techniques.taxonomy import TAXONOMY_VERSION, TECHNIQUES

__all__ = [
    "TAXONOMY_VERSION",
    "TECHNIQUES",
    "Detected",
    "TechniqueModel",
    "load_model",
    "train_techniques",
]
