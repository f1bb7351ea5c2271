"""The Analyzer owns the spaCy pipeline, the alias table and the extractors, and turns
articles into entities and claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract import (
    CLAIM_EXTRACTORS,
    AliasTable,
    ArticleContext,
    EntityResolver,
    LocalEntity,
    extract_entities,
)
from newsprism.extract.checkworthy import blend_with_model
from newsprism.extract.claims import claim_id
from newsprism.model.types import Article, Claim, TechniqueSpan
from newsprism.nlp import load_pipeline
from newsprism.settings import MULTIPROCESS_MIN_ARTICLES, Settings
from newsprism.techniques.component import COMPONENT as TECHNIQUES_COMPONENT
from newsprism.techniques.component import TechniqueDetector
from newsprism.techniques.model import has_model
from newsprism.techniques.onnx_tools import onnx_started_here
from newsprism.worker_guard import guard_workers


@dataclass
class ArticleResult:
    """What one article yields: its entities (article-local) and its claims."""

    article: Article
    entities: list[LocalEntity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[TechniqueSpan] = field(default_factory=list)


def _merge_by_key(entities: list[LocalEntity]) -> list[LocalEntity]:
    merged: dict[str, LocalEntity] = {}
    for ent in entities:
        into = merged.setdefault(ent.key, ent)
        if into is not ent:
            into.spans = sorted({*into.spans, *ent.spans})
            into.surfaces.update(ent.surfaces)
            into.label_counts.update(ent.label_counts)
            into.canonical = into.canonical or ent.canonical
    return list(merged.values())


def _one_per_fact(claims: list[Claim], text: str) -> list[Claim]:
    """A sentence repeated word for word (a caption under a photo, a headline above its
    lede) states its facts once: the first of each (slot, value, sentence) stays."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for claim in sorted(claims, key=lambda c: c.start):
        key = (claim.slot, repr(claim.value), " ".join(text[claim.start : claim.end].split()))
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept


def _technique_detector(nlp: Language) -> TechniqueDetector | None:
    """The pipeline's technique detector, added (switched off) when the model is installed."""
    if TECHNIQUES_COMPONENT not in nlp.component_names:
        if not has_model():
            return None
        nlp.add_pipe(TECHNIQUES_COMPONENT, last=True)
        nlp.disable_pipe(TECHNIQUES_COMPONENT)
    detector = nlp.get_pipe(TECHNIQUES_COMPONENT)
    assert isinstance(detector, TechniqueDetector)
    return detector


class Analyzer:
    """Annotate and extract, article by article, in spaCy batches."""

    def __init__(
        self,
        settings: Settings | None = None,
        nlp: Language | None = None,
        table: AliasTable | None = None,
    ):
        self.settings = settings or Settings.from_env()
        self.nlp = nlp if nlp is not None else load_pipeline(self.settings.spacy_model)
        self.table = table if table is not None else AliasTable.load(self.settings.alias_files)
        self.extractors = dict(CLAIM_EXTRACTORS)
        self.techniques = _technique_detector(self.nlp)

    @property
    def pipeline_name(self) -> str:
        """The spaCy pipeline's name and version, recorded with every analysed article."""
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"

    @staticmethod
    def _techniques(article: Article, doc: Doc) -> list[TechniqueSpan]:
        """Persuasion technique spans of an article, as the pipeline's detector found them;
        none when the model is not installed."""
        return [TechniqueSpan(article.id, *span) for span in doc._.techniques or ()]

    def analyze(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Results in input order; several processes only when the batch is worth their start."""
        items = list(articles)
        n_process = self.settings.n_process
        if len(items) < MULTIPROCESS_MIN_ARTICLES:
            n_process = 1
        if n_process > 1:
            guard_workers()  # a killed run leaves no worker behind
        # The detector runs in spaCy's processes, one ONNX thread each; in this process when
        # it has already made an ONNX session, which a forked process could not use.
        in_workers = n_process > 1 and not onnx_started_here()
        threads = self.settings.onnx_threads or (1 if n_process > 1 else 0)
        with self._detecting(threads=threads, on=n_process == 1 or in_workers):
            docs = self.nlp.pipe(
                (a.text for a in items), batch_size=self.settings.batch_size, n_process=n_process
            )
            if self.techniques is not None and n_process > 1 and not in_workers:
                docs = map(self.techniques, docs)
            yield from self._extract(items, docs)

    @contextmanager
    def _detecting(self, threads: int, on: bool) -> Iterator[None]:
        """The technique detector switched on in the pipeline for this run (`on`; off for
        other users of the shared pipeline), with one ONNX thread per process when several
        share the cores."""
        if self.techniques is None or not on:
            yield
            return
        self.techniques.threads = threads
        self.nlp.enable_pipe(TECHNIQUES_COMPONENT)
        try:
            yield
        finally:
            self.nlp.disable_pipe(TECHNIQUES_COMPONENT)

    def _extract(self, items: list[Article], docs: Iterable[Doc]) -> Iterator[ArticleResult]:
        for article, doc in zip(items, docs, strict=True):
            # Names are resolved inside the article here; across articles, over the whole
            # case, by compare (compare/entities.py), so no article's result depends on
            # which came before it.
            resolver = EntityResolver()
            entities = extract_entities(doc, self.table)
            for ent in entities:
                ent.key = resolver.resolve(ent.key, ent.label)
            ctx = ArticleContext(article, doc, _merge_by_key(entities), self.table, resolver)
            claims: list[Claim] = []
            for extractor in self.extractors.values():
                for claim in extractor(ctx):
                    claims.append(claim)
            claims = _one_per_fact(claims, article.text)
            blend_with_model(claims, article.text)
            claims.sort(key=lambda c: (c.value_start, c.slot))
            for number, claim in enumerate(claims, start=1):
                claim.id = claim_id(article.id, number)
            yield ArticleResult(
                article, _merge_by_key(ctx.entities), claims, self._techniques(article, doc)
            )
