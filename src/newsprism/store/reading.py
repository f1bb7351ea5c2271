"""Reading the store back: the contract for its articles, and what resolution and pages need."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.model.serialize import value_from_dict
from newsprism.model.types import (
    Analysis,
    Article,
    Claim,
    Entity,
    Mention,
    TechniqueSpan,
    entity_refs,
)
from newsprism.store.connection import StoreBase, StoreError
from newsprism.store.corrections import apply_corrections, apply_merges


class Reading(StoreBase):
    """Queries over what the store holds."""

    def state(self) -> tuple[int, ...]:
        """A fingerprint of what the store holds: it changes whenever an article, a
        correction or a merge is added, so a reader can keep results until it does."""
        row = self.db.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(rowid), 0) FROM"
            " articles), (SELECT COUNT(*) FROM corrections), (SELECT COALESCE(MAX(id), 0)"
            " FROM corrections), (SELECT COUNT(*) FROM entity_merges)"
        ).fetchone()
        return tuple(int(v) for v in row)

    def outlet_of(self, article_id: str) -> str | None:
        """The outlet of a stored article (or its title, or its source)."""
        row = self.db.execute(
            "SELECT coalesce(outlet, title, source) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def article_ids(self) -> list[str]:
        """Ids of all stored articles, in the order they were stored."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rowid")]

    def ids_for_hashes(self, hashes: Iterable[str]) -> list[str]:
        """Stored article ids for these content hashes, in the given order."""
        found = []
        for sha in hashes:
            row = self.db.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                found.append(row[0])
        return found

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in {"articles", "entities", "mentions", "claims", "techniques"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def load(self, article_ids: Sequence[str] | None = None) -> Analysis:
        """The contract for the given articles (all when None), from what is stored."""
        ids = list(article_ids) if article_ids is not None else self.article_ids()
        wanted = set(ids)
        articles = [self._read_article(i) for i in ids]
        claims_of: dict[str, list[Claim]] = {i: [] for i in ids}
        for row in self._rows_of(
            "SELECT id, article_id, start_char, end_char, slot, value_json, value_start,"
            " value_end, subject, hedged, hedge_cue, attributed_to, attribution_cue, sourced,"
            " checkworthy FROM claims",
            ids,
            "value_start, id",
        ):
            claims_of[row[1]].append(
                Claim(
                    id=row[0],
                    article=row[1],
                    start=row[2],
                    end=row[3],
                    slot=row[4],
                    value=value_from_dict(json.loads(row[5])),
                    value_start=row[6],
                    value_end=row[7],
                    subject=row[8],
                    hedged=bool(row[9]),
                    hedge_cue=row[10],
                    attributed_to=row[11],
                    attribution_cue=row[12],
                    sourced=bool(row[13]),
                    checkworthy=row[14],
                )
            )
        claims = [c for i in ids for c in claims_of[i]]
        techniques_of: dict[str, list[TechniqueSpan]] = {i: [] for i in ids}
        for row in self._rows_of(
            "SELECT article_id, start_char, end_char, technique, score FROM techniques",
            ids,
            "start_char, technique",
        ):
            techniques_of[row[0]].append(TechniqueSpan(*row))
        techniques = [t for i in ids for t in techniques_of[i]]
        apply_corrections(
            claims,
            self.db.execute(
                "SELECT claim_id, action, slot, value_json, note FROM corrections ORDER BY id"
            ),
        )
        analysis = Analysis(
            articles=articles,
            entities=self._entities(wanted, claims),
            claims=claims,
            techniques=techniques,
        )
        merges = dict(self.db.execute("SELECT from_id, into_id FROM entity_merges").fetchall())
        apply_merges(analysis, merges)
        return analysis

    def _entities(self, articles: set[str], claims: list[Claim]) -> list[Entity]:
        """Entities named in these articles or by these claims, with their parents."""
        entities: dict[str, Entity] = {}
        for eid, name, etype, aliases, part_of, art, start, end in self.db.execute(
            "SELECT e.id, e.name, e.type, e.aliases, e.part_of, m.article_id, m.start_char,"
            " m.end_char FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " ORDER BY m.article_id, m.start_char"
        ):
            if art in articles:
                ent = entities.setdefault(
                    eid, Entity(eid, name, etype, json.loads(aliases), part_of=part_of)
                )
                ent.mentions.append(Mention(art, start, end))
        wanted = {ref for c in claims for ref in entity_refs(c)}
        wanted |= {e.part_of for e in entities.values() if e.part_of}
        while wanted - entities.keys():
            missing = wanted - entities.keys()
            wanted = set()
            for eid in missing:
                row = self.db.execute(
                    "SELECT name, type, aliases, part_of FROM entities WHERE id = ?", (eid,)
                ).fetchone()
                if row is None:
                    raise StoreError(f"{self.name}: claim names unknown entity {eid!r}")
                entities[eid] = Entity(eid, row[0], row[1], json.loads(row[2]), part_of=row[3])
                if row[3]:
                    wanted.add(row[3])
        return sorted(entities.values(), key=lambda e: e.id)

    def _rows_of(self, select: str, ids: list[str], order: str) -> Iterable[tuple[Any, ...]]:
        """The rows of `select` (a query on a table with `article_id`) for these articles,
        each article's in `order`: one query for all of them when they are the whole store."""
        if len(ids) == self.state()[0]:
            yield from self.db.execute(f"{select} ORDER BY article_id, {order}")
            return
        for article_id in ids:
            yield from self.db.execute(
                f"{select} WHERE article_id = ? ORDER BY {order}", (article_id,)
            )

    def _read_article(self, article_id: str) -> Article:
        row = self.db.execute(
            "SELECT id, source, text, sha256, outlet, author, published, title, language, genre,"
            " url, extra FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no article {article_id!r}")
        return Article(
            id=row[0],
            source=row[1],
            text=row[2],
            sha256=row[3],
            outlet=row[4],
            author=row[5],
            published=row[6],
            title=row[7],
            language=row[8],
            genre=row[9],
            url=row[10],
            extra=json.loads(row[11]),
        )
