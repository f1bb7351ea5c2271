"""Full-text search over article texts and claim sentences (SQLite FTS5, or PostgreSQL's
text search: `Database.search`)."""

from __future__ import annotations

from newsprism.store.connection import StoreBase

MAX_SEARCH_WORDS = 20
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


class Searching(StoreBase):
    """Search."""

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """(kind, ref id, article id, snippet) of the best articles and claims for a query.

        The query's words are read as words, never as query syntax. FTS5's own snippet()
        costs about half a millisecond per long article and is paid for every row a common
        word matches; the snippet is cut here from the few best rows instead.
        """
        # Each word once, and a bounded number of them: FTS5 cost grows with repeated terms.
        words = list(dict.fromkeys(w for w in query.replace('"', " ").split() if w))
        words = words[:MAX_SEARCH_WORDS]
        if not words:
            return []
        best = self.db.search(words, limit)
        return [(kind, ref, article, _snippet(body, words)) for kind, ref, article, body in best]
