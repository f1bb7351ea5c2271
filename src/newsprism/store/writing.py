"""Writing analysed articles into the store, each in one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsprism.extract import LocalEntity, entity_id, entity_key
from newsprism.model.serialize import value_to_dict
from newsprism.model.types import (
    Article,
    Claim,
    NumberValue,
    TechniqueSpan,
)
from newsprism.store.connection import StoreBase, _now


class Writing(StoreBase):
    """Adding articles with their entities, claims and techniques."""

    def has_article(self, sha256: str) -> bool:
        """Whether an article with this content is already stored."""
        row = self.db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def save_article(
        self,
        article: Article,
        entities: Sequence[LocalEntity],
        claims: Sequence[Claim],
        pipeline: str,
        techniques: Sequence[TechniqueSpan] = (),
    ) -> None:
        """Store an article with its findings, atomically; an already stored text is left as is."""
        with self.db.transaction():
            if self.has_article(article.sha256):
                return
            self._insert_article(article, pipeline)
            for local in entities:
                self._insert_entity(article, local)
            for claim in claims:
                self._insert_claim(article, claim)
            self._index(article, claims)
            self.db.executemany(
                "INSERT INTO techniques (article_id, start_char, end_char, technique, score)"
                " VALUES (?, ?, ?, ?, ?)",
                [(article.id, t.start, t.end, t.technique, t.score) for t in techniques],
            )

    def _index(self, article: Article, claims: Sequence[Claim]) -> None:
        rows = [
            (
                "article",
                article.id,
                article.id,
                " ".join(filter(None, [article.title, article.outlet, article.text])),
            )
        ]
        rows += [("claim", c.id, article.id, article.text[c.start : c.end]) for c in claims]
        self.db.executemany(
            "INSERT INTO search (kind, ref_id, article_id, body) VALUES (?, ?, ?, ?)", rows
        )

    def _insert_article(self, a: Article, pipeline: str) -> None:
        now = _now()
        self.db.execute(
            "INSERT INTO articles (id, sha256, source, outlet, author, published, title, language,"
            " genre, url, extra, text, pipeline, analyzed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.sha256,
                a.source,
                a.outlet,
                a.author,
                a.published,
                a.title,
                a.language,
                a.genre,
                a.url,
                json.dumps(a.extra, ensure_ascii=False),
                a.text,
                pipeline,
                now,
            ),
        )

    def _ensure_entity(self, key: str, name: str, etype: str, part_of: str | None) -> str:
        eid = entity_id(key)
        parent = None
        if part_of:
            parent = self._ensure_entity(entity_key(part_of), part_of, "GPE", None)
        self.db.execute(
            "INSERT INTO entities (id, key, name, type, aliases, part_of)"
            " VALUES (?, ?, ?, ?, '[]', ?) ON CONFLICT DO NOTHING",
            (eid, key, name, etype, parent),
        )
        return eid

    def _insert_entity(self, article: Article, local: LocalEntity) -> None:
        eid = self._ensure_entity(local.key, local.name, local.label, local.part_of)
        row = self.db.execute("SELECT name, aliases FROM entities WHERE id = ?", (eid,)).fetchone()
        name, aliases = row[0], json.loads(row[1])
        new_aliases = sorted(set(aliases) | {s for s in local.surfaces if s != name})
        if new_aliases != aliases:
            self.db.execute(
                "UPDATE entities SET aliases = ? WHERE id = ?",
                (json.dumps(new_aliases, ensure_ascii=False), eid),
            )
        self.db.executemany(
            "INSERT INTO mentions (entity_id, article_id, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(eid, article.id, s, e, article.text[s:e]) for s, e in local.spans],
        )

    def _insert_claim(self, article: Article, c: Claim) -> None:
        number = c.value if isinstance(c.value, NumberValue) else None
        self.db.execute(
            "INSERT INTO claims (id, article_id, start_char, end_char, slot, op, value, high, unit,"
            " value_json, value_start, value_end, value_text, subject, hedged, hedge_cue,"
            " attributed_to, attribution_cue, sourced, checkworthy)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.id,
                article.id,
                c.start,
                c.end,
                c.slot,
                number.op if number else None,
                number.value if number else None,
                number.high if number else None,
                number.unit if number else None,
                json.dumps(value_to_dict(c.value), ensure_ascii=False),
                c.value_start,
                c.value_end,
                article.text[c.value_start : c.value_end],
                c.subject,
                int(c.hedged),
                c.hedge_cue,
                c.attributed_to,
                c.attribution_cue,
                int(c.sourced),
                c.checkworthy,
            ),
        )
