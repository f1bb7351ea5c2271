"""Annotation: the spaCy pipeline and newsprism's components on top of it."""

from newsprism.nlp.pipeline import available_models, load_pipeline
from newsprism.nlp.quantities import Quantity, find_quantities

__all__ = ["Quantity", "available_models", "find_quantities", "load_pipeline"]
