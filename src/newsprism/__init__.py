"""newsprism: cross-examine news coverage of one event."""

__version__ = "0.1.0"
SCHEMA_VERSION = "0.1.0"
TAXONOMY_VERSION = "semeval2020-task11-14"  # the persuasion technique classes (techniques/)
