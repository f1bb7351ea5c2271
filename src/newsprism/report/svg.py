"""Pictures for the report, drawn as inline SVG: no network, no plotting library.

Every label is escaped: names and outlets come from untrusted article text.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from newsprism.model.types import Analysis, Claim
from newsprism.report.labels import source_label, value_label

NODE_H, NODE_GAP, COLUMN_W, GRAPH_W = 30, 14, 220, 760
ROW_H, TIMELINE_W = 34, 900
MAX_TIMELINE_ROWS = 60
PALETTE = ("#2f6f9f", "#b5542f", "#3c8d4f", "#7b5ea7", "#a07a1f", "#c0396b", "#4b7f7a")


def _text(x: float, y: float, label: str, anchor: str = "start", css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}"{cls}>{escape(label)}</text>'


def outlet_colours(analysis: Analysis) -> dict[str, str]:
    """A colour per outlet, stable in the order articles come."""
    colours: dict[str, str] = {}
    for article in analysis.articles:
        name = source_label(article)
        colours.setdefault(name, PALETTE[len(colours) % len(PALETTE)])
    return colours


def accusation_graph_svg(analysis: Analysis) -> str:
    """Accusers on the left, the accused on the right, an arrow per edge.

    Solid arrows are asserted, dashed ones hedged; the colour is the outlet that reports the
    edge; a quoted accuser is marked "quoted", an outlet speaking for itself "outlet's own".
    """
    if not analysis.accusations:
        return "<p>No accusations were found.</p>"
    names = {e.id: e.name for e in analysis.entities}
    outlets = {a.id: source_label(a) for a in analysis.articles}
    colours = outlet_colours(analysis)
    accusers = sorted({e.accuser for e in analysis.accusations}, key=lambda i: names.get(i, i))
    accused = sorted({e.accused for e in analysis.accusations}, key=lambda i: names.get(i, i))
    rows = max(len(accusers), len(accused))
    height = rows * (NODE_H + NODE_GAP) + 40
    left_x, right_x = 10, GRAPH_W - COLUMN_W - 10

    def y_of(index: int) -> float:
        return 30 + index * (NODE_H + NODE_GAP)

    parts = [
        f'<svg class="graph" viewBox="0 0 {GRAPH_W} {height}" width="{GRAPH_W}" '
        f'height="{height}" role="img" aria-label="accusation graph">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>'
        "</defs>",
        _text(left_x, 16, "accuser", css="axis"),
        _text(right_x + COLUMN_W, 16, "accused", anchor="end", css="axis"),
    ]
    for n, edge in enumerate(analysis.accusations):
        y1 = y_of(accusers.index(edge.accuser)) + NODE_H / 2
        y2 = y_of(accused.index(edge.accused)) + NODE_H / 2
        outlet = outlets.get(edge.articles[0], "") if edge.articles else ""
        dash = ' stroke-dasharray="6 4"' if edge.hedged else ""
        width = 1.5 + min(4, len(edge.claims))
        voice = "quoted" if edge.quoted else "outlet's own"
        verb = " denies " if edge.denial else " → "
        if edge.denial:
            dash = ' stroke-dasharray="2 3"'
        title = (
            f"{names.get(edge.accuser, edge.accuser)}{verb}{names.get(edge.accused, edge.accused)}"
            f" · {', '.join(sorted({outlets.get(a, a) for a in edge.articles}))} · "
            f"{'hedged' if edge.hedged else 'asserted'} · {voice} · {len(edge.claims)} claims"
        )
        x1, x2 = left_x + COLUMN_W, right_x - 4
        mid = (x1 + x2) / 2
        parts.append(
            f'<path d="M{x1},{y1:.0f} C{mid},{y1:.0f} {mid},{y2:.0f} {x2},{y2:.0f}" fill="none" '
            f'stroke="{colours.get(outlet, "#555")}" stroke-width="{width:.1f}"{dash} '
            f'marker-end="url(#arrow)"><title>{escape(title)}</title></path>'
        )
        label_y = (y1 + y2) / 2 - 4 + (n % 3) * 2
        parts.append(_text(mid, label_y, voice if edge.quoted else "", anchor="middle", css="edge"))
    for column, ids, x in (("accuser", accusers, left_x), ("accused", accused, right_x)):
        for i, eid in enumerate(ids):
            y = y_of(i)
            parts.append(
                f'<rect x="{x}" y="{y:.0f}" width="{COLUMN_W}" height="{NODE_H}" rx="5" '
                f'class="node {column}"/>'
            )
            parts.append(
                _text(
                    x + COLUMN_W / 2, y + NODE_H / 2 + 5, names.get(eid, eid)[:32], anchor="middle"
                )
            )
    parts.append("</svg>")
    legend = " ".join(
        f'<span class=swatch style="background:{c}"></span>{escape(o)}' for o, c in colours.items()
    )
    return (
        "".join(parts) + f"<p class=legend>Arrow colour: the outlet that reports it: {legend}."
        " Dashed: hedged. Dotted: a denial (the accuser denies the accused did it)."
        " Width: number of claims.</p>"
    )


def _claim_words(claim: Claim, names: dict[str, str], subjects: bool = True) -> str:
    about = f" — {names.get(claim.subject, '')}" if subjects and claim.subject else ""
    if claim.slot == "event_date":
        return f"event date{about}"
    return f"{claim.slot}: {value_label(claim.value, names=names)}{about}"


def timeline_svg(analysis: Analysis) -> str:
    """One row per date, earliest first, with what is dated and which outlets say so."""
    if not analysis.timeline:
        return "<p>No claim carries a date that could be resolved.</p>"
    entries = analysis.timeline
    if len(entries) > MAX_TIMELINE_ROWS:
        # The dates most stated, kept in date order: the rest are noise at this size.
        keep = sorted(entries, key=lambda e: -len(e.claims))[:MAX_TIMELINE_ROWS]
        entries = [e for e in entries if e in keep]
    names = {e.id: e.name for e in analysis.entities}
    claims = {c.id: c for c in analysis.claims}
    articles = {a.id: a for a in analysis.articles}
    colours = outlet_colours(analysis)
    height = len(entries) * ROW_H + 20
    axis_x = 130
    parts = [
        f'<svg class="timeline" viewBox="0 0 {TIMELINE_W} {height}" width="{TIMELINE_W}" '
        f'height="{height}" role="img" aria-label="timeline">',
        f'<line x1="{axis_x}" y1="8" x2="{axis_x}" y2="{height - 8}" class="axis-line"/>',
    ]
    for i, entry in enumerate(entries):
        y = 20 + i * ROW_H
        said_by: dict[str, list[str]] = defaultdict(list)
        for cid in entry.claims:
            claim = claims[cid]
            said_by[source_label(articles[claim.article])].append(_claim_words(claim, names))
        parts.append(_text(axis_x - 14, y + 5, entry.date, anchor="end", css="date"))
        x = axis_x + 18
        for n, outlet in enumerate(said_by):
            cx = axis_x + (n - (len(said_by) - 1) / 2) * 7
            parts.append(
                f'<circle cx="{cx:.0f}" cy="{y}" r="6" fill="{colours.get(outlet, "#555")}">'
                f"<title>{escape(outlet)}</title></circle>"
            )
        what = "; ".join(sorted({w for ws in said_by.values() for w in ws}))
        parts.append(_text(x, y + 5, f"{what[:90]}  ({', '.join(said_by)})"[:140]))
    parts.append("</svg>")
    return "".join(parts)
