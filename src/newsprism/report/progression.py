"""How a toll moves from report to report: one small inline SVG chart per slot and grouping.

Each point is a figure an article states about the event (killed, injured, missing,
arrested; counts of all victims, not of a part), placed at its report's time: one
column per report day (reports cluster in the first days and trail off for months, so days
are spaced evenly and labelled), the time of day inside it, an older figure the article
recalls ("previously put at") a little before. Lines join the figures of one outlet, or of
one speaker, in time order. A bound is a
triangle pointing the way it opens, an exact figure a dot, an approximation a diamond, a range
a bar. Figures spanning more than 20x are drawn on a log scale. Undated reports are counted
under the chart, not placed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from newsprism.compare.report_time import report_time
from newsprism.model.types import Analysis, Article, Claim, NumberValue
from newsprism.report.labels import source_label, value_label
from newsprism.report.svg import PALETTE, outlet_colours

PROGRESSION_SLOTS = ("killed", "injured", "missing", "arrested")
MIN_CHECKWORTHY = 0.5
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 16, 34
LOG_RATIO = 20.0
RECALLED_SHIFT = dt.timedelta(hours=6)
MAX_POINTS = 300  # where an older figure an article recalls is drawn


@dataclass(frozen=True)
class Point:
    """One figure at one report time."""

    claim: Claim
    when: dt.datetime
    low: float
    high: float
    outlet: str
    speaker: str


def _when(claim: Claim, article: Article) -> dt.datetime | None:
    time = report_time(claim, article)
    if time.day is None:
        return None
    at = dt.datetime.fromisoformat(f"{time.day}T{time.clock or '12:00'}")
    return at - RECALLED_SHIFT if time.step < 0 else at


def points(analysis: Analysis, slot: str) -> tuple[list[Point], int]:
    """The dated points of a slot, and how many figures had no date to place them."""
    articles = {a.id: a for a in analysis.articles}
    names = {e.id: e.name for e in analysis.entities}
    found, undated = [], 0
    for claim in analysis.claims:
        value = claim.value
        if (
            claim.slot != slot
            or not isinstance(value, NumberValue)
            or claim.subject
            or value.scope
            or claim.checkworthy < MIN_CHECKWORTHY
            or (claim.correction or {}).get("status") == "wrong"
        ):
            continue
        article = articles[claim.article]
        when = _when(claim, article)
        if when is None:
            undated += 1
            continue
        high = value.high if value.op == "range" and value.high is not None else value.value
        speaker = names.get(claim.attributed_to or "", "") or "outlet's own voice"
        found.append(Point(claim, when, value.value, high, source_label(article), speaker))
    return found, undated


def _marker(p: Point, x: float, y: float, y_high: float, colour: str) -> str:
    op = p.claim.value.op if isinstance(p.claim.value, NumberValue) else "="
    if op == "range":
        return (
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y_high:.1f}" stroke="{colour}" '
            'stroke-width="4" stroke-linecap="round"/>'
        )
    if op in (">=", ">"):
        return f'<path d="M{x:.1f},{y - 6:.1f} l5,9 h-10 z" fill="{colour}"/>'
    if op in ("<=", "<"):
        return f'<path d="M{x:.1f},{y + 6:.1f} l5,-9 h-10 z" fill="{colour}"/>'
    if op == "approx":
        return f'<path d="M{x:.1f},{y - 6:.1f} l6,6 l-6,6 l-6,-6 z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'


def progression_svg(analysis: Analysis, slot: str, by: str = "outlet") -> str:
    """A slot's figures over report time, one line per outlet (or per speaker, `by="speaker"`)."""
    found, undated = points(analysis, slot)
    if len(found) < 2:
        return ""
    if len(found) > MAX_POINTS:
        # A chart of thousands of marks is a smear: every k-th figure in time order shows it.
        step = len(found) / MAX_POINTS
        ordered = sorted(found, key=lambda p: p.when)
        found = [ordered[int(i * step)] for i in range(MAX_POINTS)]
    names = {e.id: e.name for e in analysis.entities}
    series: dict[str, list[Point]] = defaultdict(list)
    for p in sorted(found, key=lambda p: p.when):
        series[p.outlet if by == "outlet" else p.speaker].append(p)
    colours = outlet_colours(analysis) if by == "outlet" else {}
    for n, key in enumerate(series):
        colours.setdefault(key, PALETTE[n % len(PALETTE)])
    # Reports cluster in the first days and trail off for months: each report day gets an
    # equal column (in order, labelled), and the time of day places a figure inside it.
    days = sorted({p.when.date() for p in found})
    column = (WIDTH - LEFT - RIGHT) / len(days)
    lows = [max(p.low, 1.0) for p in found]
    highs = [max(p.high, 1.0) for p in found]
    v0, v1 = min(lows), max(highs)
    log = v1 / v0 > LOG_RATIO

    def vy(v: float) -> float:
        v = max(v, 1.0)
        if log:
            share = (math.log10(v) - math.log10(v0)) / max(math.log10(v1) - math.log10(v0), 1e-9)
        else:
            share = (v - 0) / max(v1, 1.0)
        return TOP + (1 - share) * (HEIGHT - TOP - BOTTOM)

    def tx(t: dt.datetime) -> float:
        within = (t.hour * 60 + t.minute) / (24 * 60)
        return LEFT + (days.index(t.date()) + 0.15 + 0.7 * within) * column

    parts = [
        f'<svg class="progression" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(slot)} by {escape(by)} over time">',
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" '
        'class="axis-line"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" class="axis-line"/>',
    ]
    ticks = [0.0, v1 / 2, v1]
    if log:
        powers = range(math.ceil(math.log10(v0)), math.floor(math.log10(v1)) + 1)
        ticks = sorted({v0, v1, *(10.0**k for k in powers)})
        ticks = [t for n, t in enumerate(ticks) if n == 0 or vy(ticks[n - 1]) - vy(t) > 14]
    for v in ticks:
        parts.append(
            f'<text x="{LEFT - 6}" y="{vy(v) + 4:.1f}" text-anchor="end" class="tick">'
            f"{escape(f'{v:,.0f}')}</text>"
        )
    every = max(1, math.ceil(len(days) / 5))  # at most five date labels
    for n, day in enumerate(days):
        if n % every:
            continue
        parts.append(
            f'<text x="{LEFT + (n + 0.5) * column:.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="middle" class="tick">{escape(day.isoformat())}</text>'
        )
    for n, (key, pts) in enumerate(series.items()):
        colour = colours[key]
        if len(pts) > 1:
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{tx(p.when):.1f},{vy(p.low):.1f}"
                for i, p in enumerate(pts)
            )
            parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        for p in pts:
            x, y = tx(p.when), vy(p.low)
            title = (
                f"{value_label(p.claim.value, names=names)} · {p.outlet} · {p.speaker} · "
                f"{p.when:%Y-%m-%d %H:%M}"
            )
            parts.append(
                f'<g class="point" data-claim="{escape(p.claim.id)}"><title>{escape(title)}</title>'
                f"{_marker(p, x, y, vy(p.high), colour)}</g>"
            )
        parts.append(
            f'<rect x="{WIDTH - RIGHT + 10}" y="{TOP + n * 18}" width="10" height="10" '
            f'fill="{colour}"/><text x="{WIDTH - RIGHT + 26}" y="{TOP + n * 18 + 10}" '
            f'class="tick">{escape(key[:18])}</text>'
        )
    parts.append("</svg>")
    scale = "log scale" if log else "linear scale"
    note = f"; {undated} undated figure(s) not placed" if undated else ""
    return "".join(parts) + f'<p class="legend">{escape(slot)}, {scale}{note}.</p>'


def progression_section(analysis: Analysis) -> str:
    """Every slot with figures from two or more dated reports, by outlet and by speaker."""
    blocks = []
    for slot in PROGRESSION_SLOTS:
        by_outlet = progression_svg(analysis, slot, "outlet")
        if not by_outlet:
            continue
        by_speaker = progression_svg(analysis, slot, "speaker")
        blocks.append(
            f'<div class="progression-slot"><h3>{escape(slot)}</h3>'
            f"<div class=charts><figure><figcaption>by outlet</figcaption>{by_outlet}</figure>"
            f"<figure><figcaption>by speaker</figcaption>{by_speaker}</figure></div></div>"
        )
    if not blocks:
        return "<p>No toll is stated by two or more dated reports.</p>"
    return (
        '<p class="note">Each figure at the time of its report; a triangle is a bound '
        "(▲ at least, ▼ at most), a diamond an approximation, a bar a range. Hover a mark for "
        "its source.</p>" + "".join(blocks)
    )
