"""Article text as HTML with highlighted spans; every character of the text is escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise


@dataclass(frozen=True)
class Highlight:
    """A span to mark: its CSS class, a tooltip, and optionally an anchor id at its start."""

    start: int
    end: int
    css: str
    title: str = ""
    anchor: str | None = None
    data: tuple[tuple[str, str], ...] = ()  # data-* attributes, for the web app's scripts


def _open(h: Highlight) -> str:
    title = f' title="{escape(h.title)}"' if h.title else ""
    data = "".join(f' data-{escape(k)}="{escape(v)}"' for k, v in h.data)
    return f'<mark class="{escape(h.css)}"{title}{data}>'


def render_highlighted(text: str, highlights: list[Highlight]) -> str:
    """HTML for `text` with overlapping highlights; tags always nest, however spans overlap.

    The text is cut at every span boundary; each piece is wrapped in the marks of the spans
    that cover it, so overlapping spans never produce crossing tags.
    """
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    anchors: dict[int, list[str]] = {}
    for h in spans:
        if h.anchor:
            anchors.setdefault(h.start, []).append(h.anchor)
    out: list[str] = []
    for left, right in pairwise(cuts):
        for anchor in anchors.get(left, []):
            out.append(f'<a id="{escape(anchor)}"></a>')
        active = [h for h in spans if h.start <= left and right <= h.end]
        piece = escape(text[left:right])
        out.append("".join(_open(h) for h in active) + piece + "</mark>" * len(active))
    return "".join(out)
