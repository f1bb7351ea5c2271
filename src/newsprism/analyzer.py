"""The Analyzer owns the spaCy pipeline and the extractors, and turns articles into findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from newsprism.extract import CLAIM_EXTRACTORS, LocalEntity, extract_entities
from newsprism.extract.claims import claim_id
from newsprism.model.types import Article, Claim
from newsprism.nlp import load_pipeline
from newsprism.settings import MULTIPROCESS_MIN_ARTICLES, Settings


@dataclass
class ArticleResult:
    """What one article yields: its entities (article-local) and its claims."""

    article: Article
    entities: list[LocalEntity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


class Analyzer:
    """Annotate and extract, article by article, in spaCy batches."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        self.settings = settings or Settings.from_env()
        self.nlp = nlp if nlp is not None else load_pipeline(self.settings.spacy_model)
        self.extractors = dict(CLAIM_EXTRACTORS)

    @property
    def pipeline_name(self) -> str:
        """The spaCy pipeline's name and version, recorded with every analysed article."""
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"

    def analyze(
        self, articles: Iterable[Article], count: int | None = None
    ) -> Iterator[ArticleResult]:
        """Results in input order; several processes only when the batch is worth their start."""
        items = list(articles)
        n_process = self.settings.n_process
        if len(items) < MULTIPROCESS_MIN_ARTICLES:
            n_process = 1
        docs = self.nlp.pipe(
            (a.text for a in items), batch_size=self.settings.batch_size, n_process=n_process
        )
        for article, doc in zip(items, docs, strict=True):
            claims: list[Claim] = []
            for extractor in self.extractors.values():
                for claim in extractor(article.id, doc):
                    claim.id = claim_id(article.id, len(claims) + 1)
                    claims.append(claim)
            yield ArticleResult(article, extract_entities(doc), claims)
