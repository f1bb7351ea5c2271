"""Reading the Propaganda Techniques Corpus layout: articles/*.txt and labels.tsv."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import NewsprismError

_ARTICLE_ID = re.compile(r"article(\d+)\.txt$")


class CorpusError(NewsprismError):
    """A technique corpus folder that cannot be read."""


@dataclass
class Corpus:
    """Articles by id and their technique spans (article, technique, start, end)."""

    texts: dict[str, str] = field(default_factory=dict)
    labels: list[tuple[str, str, int, int]] = field(default_factory=list)


def read_corpus(folder: Path, limit: int | None = None) -> Corpus:
    """A split of the corpus: `folder/articles/article<ID>.txt` and `folder/labels.tsv`."""
    articles = folder / "articles"
    if not articles.is_dir():
        raise CorpusError(f"{folder}: no articles/ folder (expected the PTC layout)")
    corpus = Corpus()
    for path in sorted(articles.glob("article*.txt"))[:limit]:
        match = _ARTICLE_ID.search(path.name)
        if match:
            corpus.texts[match[1]] = path.read_text(encoding="utf-8")
    labels = folder / "labels.tsv"
    if labels.is_file():
        with labels.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["article_id"] in corpus.texts:
                    corpus.labels.append(
                        (row["article_id"], row["technique"], int(row["start"]), int(row["end"]))
                    )
    return corpus
