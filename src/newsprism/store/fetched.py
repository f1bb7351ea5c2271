"""What was fetched from `.urls` files, so a run started again fetches only what is missing."""

from __future__ import annotations

from collections.abc import Iterable

from newsprism.store.connection import StoreBase, _now
from newsprism.store.database import replace_into


class Fetched(StoreBase):
    """Recording fetched addresses."""

    def fetched_pages(self, urls: Iterable[str]) -> dict[str, str]:
        """Of these addresses, those fetched as pages before, with the archive keeping each."""
        found = {}
        for url in urls:
            row = self.db.execute(
                "SELECT archive FROM fetched_urls WHERE url = ? AND ok = 1", (url,)
            ).fetchone()
            if row is not None:
                found[url] = row[0]
        return found

    def record_fetch(self, url: str, archive: str | None, detail: str | None = None) -> None:
        """Note one address as fetched (`detail` None) or failed (`detail` says why)."""
        with self.db.transaction():
            self.db.execute(
                replace_into(
                    "fetched_urls", ("url", "ok", "detail", "archive", "fetched_at"), ("url",)
                ),
                (url, int(detail is None), detail, archive, _now()),
            )
