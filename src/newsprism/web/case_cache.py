"""The case as pages read it: compared once per state of the store, never on every request.

Comparing a case of a thousand articles takes seconds; pages are read far more often than
the store changes. The cache keeps the compared case, and what pages make from it (the case
page's sections, the report), for one state of the store (`Store.state`: articles,
corrections, merges). A change made through the app refreshes it before the app answers, so
the person who made it sees it; a change made elsewhere (a run of `newsprism analyze` into the
same store) is picked up in the background while pages keep serving the case as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.model.types import Analysis
from newsprism.store import Store


@dataclass
class _Entry:
    state: tuple[int, ...]
    analysis: Analysis
    parts: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class CaseCache:
    """The compared case of one store, and things made from it, per state of the store."""

    def __init__(self, db: str | Path, load: Callable[[str | Path], Analysis]):
        self.db = db
        self.load = load
        self._entry: _Entry | None = None
        self._compute = threading.Lock()
        self._refreshing = threading.Event()

    def _state(self) -> tuple[int, ...]:
        with Store(self.db) as store:
            return store.state()

    def refresh(self) -> None:
        """Compare the case as the store holds it now (at once; one computation at a time)."""
        with self._compute:
            state = self._state()
            if self._entry is not None and self._entry.state == state:
                return
            self._entry = _Entry(state, self.load(self.db))

    def _refresh_later(self) -> None:
        if self._refreshing.is_set():
            return
        self._refreshing.set()

        def run() -> None:
            try:
                self.refresh()
            finally:
                self._refreshing.clear()

        threading.Thread(target=run, daemon=True, name="newsprism-case-refresh").start()

    def get(self, name: str, make: Callable[[Analysis], Any]) -> Any:
        """`make(case)`, made once per state of the store."""
        entry = self._entry
        if entry is None:
            self.refresh()
            entry = self._entry
        elif entry.state != self._state():
            self._refresh_later()  # meanwhile, the case as it was
        assert entry is not None
        with entry.lock:
            if name not in entry.parts:
                entry.parts[name] = make(entry.analysis)
            return entry.parts[name]

    def analysis(self) -> Analysis:
        """The compared case."""
        found: Analysis = self.get("analysis", lambda analysis: analysis)
        return found
