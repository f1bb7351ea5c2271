"""The SQLite store: one file per case, readable by any SQLite tool, written article by article."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from newsprism import SCHEMA_VERSION
from newsprism.errors import ContractError, NewsprismError
from newsprism.extract import LocalEntity, entity_id, entity_key
from newsprism.model.serialize import value_from_dict, value_to_dict
from newsprism.model.types import (
    SLOTS,
    AccusationValue,
    Analysis,
    Article,
    CauseValue,
    Claim,
    Entity,
    EntityValue,
    Mention,
    NumberValue,
    TechniqueSpan,
)
from newsprism.store.corrections import apply_corrections, apply_merges


def _entity_refs(claim: Claim) -> list[str]:
    refs = [r for r in (claim.subject, claim.attributed_to) if r]
    if isinstance(claim.value, EntityValue):
        refs += [claim.value.entity] + ([claim.value.within] if claim.value.within else [])
    elif isinstance(claim.value, AccusationValue):
        refs += [claim.value.accuser, claim.value.accused]
    elif isinstance(claim.value, CauseValue) and claim.value.agent:
        refs.append(claim.value.agent)
    return refs


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


MAX_SEARCH_WORDS = 20


class StoreError(NewsprismError):
    """A store that cannot be opened or is not a newsprism store."""


def _schema() -> str:
    return resources.files("newsprism.store").joinpath("schema.sql").read_text(encoding="utf-8")


SNIPPET_WORDS = 12


def _snippet(body: str, words: list[str]) -> str:
    """About a dozen words around the first query word in `body`, each query word [marked]."""
    tokens = body.split()
    wanted = {w.lower() for w in words}

    def folded(token: str) -> str:
        return token.strip(".,;:!?\"'()[]").lower()

    at = next((i for i, t in enumerate(tokens) if folded(t) in wanted), 0)
    start = max(0, at - SNIPPET_WORDS // 2)
    shown = [f"[{t}]" if folded(t) in wanted else t for t in tokens[start : start + SNIPPET_WORDS]]
    before = "… " if start > 0 else ""
    after = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return f"{before}{' '.join(shown)}{after}"


class Store:
    """A case file. Each article is saved in one transaction: all of it, or nothing."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._refuse_foreign()
            self.conn.executescript(_schema())
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsprism store ({exc})") from exc

    def _refuse_foreign(self) -> None:
        """Another application's database is never written to: a file with tables but no
        newsprism `meta` table is refused before anything is created in it."""
        tables = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if tables and "meta" not in tables:
            self.conn.close()
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(
                f"{self.path}: not a newsprism store (it holds other tables: {shown}); "
                "give --db a new file or a newsprism store"
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def has_article(self, sha256: str) -> bool:
        """Whether an article with this content is already stored."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
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
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_article(article.sha256):
                conn.execute("ROLLBACK")
                return
            self._insert_article(article, pipeline)
            for local in entities:
                self._insert_entity(article, local)
            for claim in claims:
                self._insert_claim(article, claim)
            self._index(article, claims)
            conn.executemany(
                "INSERT INTO techniques (article_id, start_char, end_char, technique, score)"
                " VALUES (?, ?, ?, ?, ?)",
                [(article.id, t.start, t.end, t.technique, t.score) for t in techniques],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

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
        self.conn.executemany(
            "INSERT INTO search (kind, ref_id, article_id, body) VALUES (?, ?, ?, ?)", rows
        )

    # -- corrections -------------------------------------------------------------------------

    def add_correction(
        self,
        claim_id: str,
        action: str,
        slot: str | None = None,
        value: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> None:
        """Record a person's correction of a claim; StoreError when it does not make sense."""
        if action not in ("wrong", "value", "slot"):
            raise StoreError(f"unknown correction {action!r}: use wrong, value or slot")
        if self.conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is None:
            raise StoreError(f"no claim {claim_id!r} in {self.path}")
        if action == "slot" and slot not in SLOTS:
            raise StoreError(f"unknown slot {slot!r}; slots are {', '.join(SLOTS)}")
        value_json = None
        if action == "value":
            try:
                value_json = json.dumps(
                    value_to_dict(value_from_dict(value or {})), allow_nan=False
                )
            except (ContractError, KeyError, TypeError, ValueError) as exc:
                raise StoreError(f"not a claim value (numbers must be finite): {exc}") from exc
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "INSERT INTO corrections (claim_id, action, slot, value_json, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (claim_id, action, slot, value_json, note, _now()),
            )

    def merge_entities(self, from_id: str, into_id: str) -> None:
        """Read entity `from_id` as `into_id` from now on (a person's merge)."""
        for eid in (from_id, into_id):
            if self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone() is None:
                raise StoreError(f"no entity {eid!r} in {self.path}")
        if from_id == into_id:
            raise StoreError("an entity cannot be merged into itself")
        merged = dict(self.conn.execute("SELECT from_id, into_id FROM entity_merges").fetchall())
        if from_id in merged:
            raise StoreError(f"{from_id} is already merged into {merged[from_id]}")
        target = into_id
        while target in merged:  # into an entity that was merged away: follow, never loop
            target = merged[target]
            if target == from_id:
                raise StoreError(f"{into_id} is already merged into {from_id}")
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "INSERT OR REPLACE INTO entity_merges (from_id, into_id, created_at)"
                " VALUES (?, ?, ?)",
                (from_id, into_id, _now()),
            )

    def state(self) -> tuple[int, ...]:
        """A fingerprint of what the store holds: it changes whenever an article, a
        correction or a merge is added, so a reader can keep results until it does."""
        row = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(rowid), 0) FROM"
            " articles), (SELECT COUNT(*) FROM corrections), (SELECT COALESCE(MAX(rowid), 0)"
            " FROM corrections), (SELECT COUNT(*) FROM entity_merges)"
        ).fetchone()
        return tuple(int(v) for v in row)

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """(kind, ref id, article id, snippet) of the best articles and claims for a query.

        The query's words are quoted, so what a person types is never FTS5 syntax. FTS5's own
        snippet() costs about half a millisecond per long article and is paid for every row a
        common word matches; the snippet is cut here from the few best rows instead.
        """
        # Each word once, and a bounded number of them: FTS5 cost grows with repeated terms.
        words = list(dict.fromkeys(w for w in query.replace('"', " ").split() if w))
        words = words[:MAX_SEARCH_WORDS]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        best = self.conn.execute(
            "SELECT kind, ref_id, article_id, body FROM search WHERE search MATCH ?"
            " ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(kind, ref, article, _snippet(body, words)) for kind, ref, article, body in best]

    def _insert_article(self, a: Article, pipeline: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.conn.execute(
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
        self.conn.execute(
            "INSERT OR IGNORE INTO entities (id, key, name, type, aliases, part_of)"
            " VALUES (?, ?, ?, ?, '[]', ?)",
            (eid, key, name, etype, parent),
        )
        return eid

    def _insert_entity(self, article: Article, local: LocalEntity) -> None:
        eid = self._ensure_entity(local.key, local.name, local.label, local.part_of)
        row = self.conn.execute(
            "SELECT name, aliases FROM entities WHERE id = ?", (eid,)
        ).fetchone()
        name, aliases = row[0], json.loads(row[1])
        new_aliases = sorted(set(aliases) | {s for s in local.surfaces if s != name})
        if new_aliases != aliases:
            self.conn.execute(
                "UPDATE entities SET aliases = ? WHERE id = ?",
                (json.dumps(new_aliases, ensure_ascii=False), eid),
            )
        self.conn.executemany(
            "INSERT OR IGNORE INTO mentions (entity_id, article_id, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?)",
            [(eid, article.id, s, e, article.text[s:e]) for s, e in local.spans],
        )

    def _insert_claim(self, article: Article, c: Claim) -> None:
        number = c.value if isinstance(c.value, NumberValue) else None
        self.conn.execute(
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

    # -- reading ---------------------------------------------------------------------------

    def entity_keys(self) -> list[tuple[str, str]]:
        """(key, type) of every stored entity, for resolving new names against them."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT key, type FROM entities")]

    def outlet_of(self, article_id: str) -> str | None:
        """The outlet of a stored article (or its title, or its source)."""
        row = self.conn.execute(
            "SELECT coalesce(outlet, title, source) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def article_ids(self) -> list[str]:
        """Ids of all stored articles, in the order they were stored."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def ids_for_hashes(self, hashes: Iterable[str]) -> list[str]:
        """Stored article ids for these content hashes, in the given order."""
        found = []
        for sha in hashes:
            row = self.conn.execute("SELECT id FROM articles WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                found.append(row[0])
        return found

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in {"articles", "entities", "mentions", "claims", "techniques"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def load(self, article_ids: Sequence[str] | None = None) -> Analysis:
        """The contract for the given articles (all when None), from what is stored."""
        ids = list(article_ids) if article_ids is not None else self.article_ids()
        wanted = set(ids)
        articles = [self._read_article(i) for i in ids]
        claims = []
        for i in ids:
            for row in self.conn.execute(
                "SELECT id, article_id, start_char, end_char, slot, value_json, value_start,"
                " value_end, subject, hedged, hedge_cue, attributed_to, attribution_cue, sourced,"
                " checkworthy FROM claims WHERE article_id = ? ORDER BY value_start, id",
                (i,),
            ):
                claims.append(
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
        techniques = [
            TechniqueSpan(*row)
            for i in ids
            for row in self.conn.execute(
                "SELECT article_id, start_char, end_char, technique, score FROM techniques"
                " WHERE article_id = ? ORDER BY start_char, technique",
                (i,),
            )
        ]
        apply_corrections(
            claims,
            self.conn.execute(
                "SELECT claim_id, action, slot, value_json, note FROM corrections ORDER BY id"
            ),
        )
        analysis = Analysis(
            articles=articles,
            entities=self._entities(wanted, claims),
            claims=claims,
            techniques=techniques,
        )
        merges = dict(self.conn.execute("SELECT from_id, into_id FROM entity_merges").fetchall())
        apply_merges(analysis, merges)
        return analysis

    def _entities(self, articles: set[str], claims: list[Claim]) -> list[Entity]:
        """Entities named in these articles or by these claims, with their parents."""
        entities: dict[str, Entity] = {}
        for eid, name, etype, aliases, part_of, art, start, end in self.conn.execute(
            "SELECT e.id, e.name, e.type, e.aliases, e.part_of, m.article_id, m.start_char,"
            " m.end_char FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " ORDER BY m.article_id, m.start_char"
        ):
            if art in articles:
                ent = entities.setdefault(
                    eid, Entity(eid, name, etype, json.loads(aliases), part_of=part_of)
                )
                ent.mentions.append(Mention(art, start, end))
        wanted = {ref for c in claims for ref in _entity_refs(c)}
        wanted |= {e.part_of for e in entities.values() if e.part_of}
        while wanted - entities.keys():
            missing = wanted - entities.keys()
            wanted = set()
            for eid in missing:
                row = self.conn.execute(
                    "SELECT name, type, aliases, part_of FROM entities WHERE id = ?", (eid,)
                ).fetchone()
                if row is None:
                    raise StoreError(f"{self.path}: claim names unknown entity {eid!r}")
                entities[eid] = Entity(eid, row[0], row[1], json.loads(row[2]), part_of=row[3])
                if row[3]:
                    wanted.add(row[3])
        return sorted(entities.values(), key=lambda e: e.id)

    def _read_article(self, article_id: str) -> Article:
        row = self.conn.execute(
            "SELECT id, source, text, sha256, outlet, author, published, title, language, genre,"
            " url, extra FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article {article_id!r}")
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
