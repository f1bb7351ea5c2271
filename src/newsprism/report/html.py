"""The self-contained HTML report: where the sources agree and collide, who blames whom, when,
how each outlet reports, and the sources side by side with every finding highlighted."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from html import escape
from importlib import resources
from pathlib import Path

from newsprism import __version__
from newsprism.model.types import SLOTS, Analysis, Article, Claim, Comparison, OutletProfile
from newsprism.readers_marker import GENERATOR_MARK
from newsprism.report.highlight import Highlight, render_highlighted
from newsprism.report.labels import source_label, value_label
from newsprism.report.progression import progression_section
from newsprism.report.svg import accusation_graph_svg, outlet_colours, timeline_svg
from newsprism.report.verdict_view import MAX_ROWS, filter_script, verdict_view

# Slots shown as rows of the claim table, in this order; `quantity` rows list other numbers
# worth a check (the check-worthiness dial below).
TABLE_SLOTS = tuple(slot for slot in SLOTS if slot != "other")
TABLE_MIN_CHECKWORTHY = 0.5
# A report must open in a browser whatever the case's size: past these, the rest is counted
# and left to the app (search, article pages) and to the JSON, which keep every detail.
MAX_CARDS = 60  # articles shown side by side in full
MAX_MATRIX_COLUMNS = 24  # articles as columns of the claim matrix
MAX_ENTITY_ROWS = 400
MAX_OUTLET_ROWS = 100  # outlets in the profile and technique tables, the busiest first
MAX_LISTED = 12  # article names listed under an event


def _css() -> str:
    return resources.files("newsprism.report").joinpath("report.css").read_text(encoding="utf-8")


def _claim_title(claim: Claim, names: dict[str, str]) -> str:
    bits = [f"{claim.slot}: {value_label(claim.value, names=names)}"]
    if claim.subject:
        bits.append(f"about: {names.get(claim.subject, claim.subject)}")
    if claim.hedged:
        bits.append(f"hedged ({claim.hedge_cue})" if claim.hedge_cue else "hedged")
    if claim.attributed_to:
        speaker = names.get(claim.attributed_to, claim.attributed_to)
        bits.append(f"on the word of {speaker} ({claim.attribution_cue})")
    elif not claim.sourced:
        bits.append("no source named")
    bits.append(f"check-worthy {claim.checkworthy:.2f}")
    return " · ".join(bits)


def _css_class(claim: Claim) -> str:
    extra = " hedged" if claim.hedged else ""
    extra += " older" if claim.subject and claim.slot != "accusation" else ""
    return f"claim slot-{claim.slot}{extra}"


def _verdicts_by_claim(analysis: Analysis) -> dict[str, list[tuple[Comparison, str]]]:
    """For each claim, the contradictions and updates it is part of, with the other claim."""
    found: dict[str, list[tuple[Comparison, str]]] = defaultdict(list)
    for comparison in analysis.comparisons:
        if comparison.verdict == "contradictory" or comparison.update:
            a, b = comparison.claims
            found[a].append((comparison, b))
            found[b].append((comparison, a))
    return found


def _marks(
    claim: Claim, verdicts: dict[str, list[tuple[Comparison, str]]], outlets: dict[str, str]
) -> str:
    marks = []
    for comparison, other in verdicts.get(claim.id, []):
        sign = "↗" if comparison.update else "⚠"
        where = outlets.get(other.split("-")[0], "")
        marks.append(
            f'<a class="verdict {"update" if comparison.update else "contra"}" '
            f'href="#{escape(other)}" title="{escape(where)}: {escape(comparison.reason)}">'
            f"{sign}</a>"
        )
    return "".join(marks)


def _names(analysis: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in analysis.entities}


def _highlights(article: Article, analysis: Analysis) -> list[Highlight]:
    names = _names(analysis)
    marks: list[Highlight] = []
    for ent in analysis.entities:
        for m in ent.mentions:
            if m.article == article.id:
                marks.append(
                    Highlight(m.start, m.end, f"ent ent-{ent.type}", f"{ent.name} ({ent.type})")
                )
    for tech in analysis.techniques:
        if tech.article == article.id:
            label = tech.technique.replace("_", " ")
            voice = ""
            if tech.quoted:
                voice = f", quoted: {names.get(tech.speaker or '', 'a source')}"
            marks.append(
                Highlight(tech.start, tech.end, "tech", f"{label} ({tech.score:.2f}{voice})")
            )
    for claim in analysis.claims:
        if claim.article == article.id:
            marks.append(
                Highlight(
                    claim.value_start,
                    claim.value_end,
                    _css_class(claim) + (" attributed" if claim.attributed_to else ""),
                    _claim_title(claim, names),
                    anchor=claim.id,
                    data=(("claim", claim.id),),
                )
            )
    return marks


def highlighted_text(article: Article, analysis: Analysis) -> str:
    """An article's text as HTML, escaped, with entities, claims and techniques marked."""
    return render_highlighted(article.text, _highlights(article, analysis))


def report_sections(
    analysis: Analysis,
    claim_link: Callable[[Claim], str] = lambda c: f"#{c.id}",
    verdict_action: str = "",
    verdict_rows: int = MAX_ROWS,
) -> dict[str, str]:
    """The report's parts as HTML fragments (escaped already), for the report and the app.

    `claim_link` is where a verdict row's sentence leads (an anchor in the report, a claim
    page in the app); with `verdict_action` the verdict filter asks that address instead of
    filtering in the page.
    """
    return {
        "events": _events(analysis),
        "claims": _claim_table(analysis),
        "comparisons": verdict_view(
            analysis, link=claim_link, action=verdict_action, max_rows=verdict_rows
        ),
        "progression": progression_section(analysis),
        "graph": accusation_graph_svg(analysis),
        "timeline": timeline_svg(analysis),
        "profiles": _profile_table(analysis),
        "techniques": _technique_table(analysis),
        "entities": _entity_table(analysis),
    }


def _article_card(article: Article, analysis: Analysis) -> str:
    meta = [
        ("outlet", article.outlet),
        ("author", article.author),
        ("published", article.published),
        ("genre", article.genre),
        ("language", article.language),
        ("source", article.source),
    ]
    rows = "".join(
        f"<dt>{name}</dt><dd>{escape(value) if value else '<i>unknown</i>'}</dd>"
        for name, value in meta
    )
    title = escape(article.title or Path(article.source).name)
    body = highlighted_text(article, analysis)
    return (
        f'<article class="source" id="{escape(article.id)}">'
        f"<header><h3>{escape(source_label(article))}</h3><p class=title>{title}</p>"
        f"<dl>{rows}</dl></header>"
        f'<div class="text">{body}</div></article>'
    )


def _more_note(count: int, what: str, where: str) -> str:
    return (
        f'<p class="note more-in-app">{count} more {what} are not shown here: {where} are in '
        "the JSON export and in the app (<code>newsprism serve</code>).</p>"
    )


def _claim_table(analysis: Analysis) -> str:
    everyone = _by_event(analysis)
    outlets = everyone[:MAX_MATRIX_COLUMNS]
    texts = {a.id: a.text for a in outlets}
    names = _names(analysis)
    verdicts = _verdicts_by_claim(analysis)
    labels = {a.id: source_label(a) for a in outlets}
    cells: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in analysis.claims:
        if claim.checkworthy >= TABLE_MIN_CHECKWORTHY:
            cells[(claim.slot, claim.article)].append(claim)
    event_of = {a: e.name for e in analysis.events for a in e.articles}
    head = "".join(
        f"<th>{escape(source_label(a))}<br><small>{escape(event_of.get(a.id, ''))}</small></th>"
        for a in outlets
    )
    rows = []
    for slot in TABLE_SLOTS:
        if not any(cells.get((slot, a.id)) for a in outlets):
            continue
        tds = []
        for a in outlets:
            items = "".join(
                f'<li class="{_css_class(c)}"><a href="#{escape(c.id)}" '
                f'title="{escape(_claim_title(c, names))}">'
                f"<b>{escape(value_label(c.value, with_unit=False, names=names))}</b> "
                f"<q>{escape(texts[c.article][c.value_start : c.value_end])}</q></a>"
                f"{_marks(c, verdicts, labels)}</li>"
                for c in cells.get((slot, a.id), [])
            )
            tds.append(f"<td><ul>{items}</ul></td>" if items else "<td class=empty>–</td>")
        rows.append(f'<tr><th class="slot slot-{slot}">{slot}</th>{"".join(tds)}</tr>')
    if not rows:
        return "<p>No claims were found.</p>"
    # Many outlets make many columns: the table scrolls sideways with its slot column held.
    more = ""
    if len(everyone) > MAX_MATRIX_COLUMNS:
        more = _more_note(len(everyone) - MAX_MATRIX_COLUMNS, "articles", "their claims")
    return (
        f"<div class=matrix><table class=claims><thead><tr><th>slot</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>{more}"
    )


def _by_event(analysis: Analysis) -> list[Article]:
    """Articles ordered by the event they report, so one event's columns stand together."""
    order = {a: n for n, e in enumerate(analysis.events) for a in e.articles}
    return sorted(analysis.articles, key=lambda a: order.get(a.id, len(order)))


def _events(analysis: Analysis) -> str:
    if not analysis.events:
        return ""
    labels = {a.id: source_label(a) for a in analysis.articles}
    items = "".join(
        f"<li><b>{escape(e.name)}</b>: {len(e.articles)} article(s): "
        f"{escape(_listed([labels[a] for a in e.articles]))}</li>"
        for e in analysis.events
    )
    return f"<section><h2>Events</h2><ul class=events>{items}</ul></section>"


def _listed(names: list[str]) -> str:
    """Names joined, at most MAX_LISTED of them, with a count of the rest."""
    shown = ", ".join(names[:MAX_LISTED])
    return f"{shown} and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else shown


def _busiest(profiles: list[OutletProfile]) -> list[OutletProfile]:
    """The outlets with the most claims, at most MAX_OUTLET_ROWS, in their first order."""
    if len(profiles) <= MAX_OUTLET_ROWS:
        return profiles
    keep = {id(p) for p in sorted(profiles, key=lambda p: -p.claims)[:MAX_OUTLET_ROWS]}
    return [p for p in profiles if id(p) in keep]


def _profile_table(analysis: Analysis) -> str:
    names = _names(analysis)
    colours = outlet_colours(analysis)

    def bar(part: int, whole: int, css: str) -> str:
        share = part / whole if whole else 0.0
        return (
            f'<span class="bar {css}"><span style="width:{share * 100:.0f}%"></span></span> '
            f"{part} ({share:.0%})"
        )

    rows = "".join(
        f'<tr><td><span class=swatch style="background:{colours.get(p.outlet, "#555")}"></span>'
        f"{escape(p.outlet)}</td><td>{len(p.articles)}</td><td>{p.claims}</td>"
        f"<td>{p.own_claims} / {p.quoted_claims}</td>"
        f"<td>{bar(p.sourced, p.claims, 'sourced')}</td>"
        f"<td>{bar(p.hedged, p.claims, 'hedged')}</td>"
        f"<td>{bar(p.contradicted, p.claims, 'contradicted')}</td>"
        f"<td>{p.own_techniques} / {p.quoted_techniques}</td>"
        f"<td>{escape(', '.join(names.get(a, a) for a in p.accuses)) or '–'}</td></tr>"
        for p in _busiest(analysis.outlets)
    )
    return (
        "<table class=profiles><thead><tr><th>outlet</th><th>articles</th><th>claims</th>"
        "<th>claims: own voice / quoted</th><th>sourced</th><th>hedged</th>"
        "<th>contradicted by others</th><th>techniques: own voice / quoted</th><th>accuses</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _technique_table(analysis: Analysis) -> str:
    """How often each outlet uses each technique, per 1,000 words."""
    if not analysis.techniques:
        return "<p>No persuasion techniques were found.</p>"
    outlets: dict[str, list[Article]] = defaultdict(list)
    for article in analysis.articles:
        outlets[source_label(article)].append(article)
    label_of = {a.id: source_label(a) for a in analysis.articles}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    quoted: dict[tuple[str, str], int] = defaultdict(int)
    for tech in analysis.techniques:
        (quoted if tech.quoted else counts)[(label_of[tech.article], tech.technique)] += 1
    techniques = sorted({t.technique for t in analysis.techniques})
    head = "".join(f"<th>{escape(t.replace('_', ' ').replace(',', ', '))}</th>" for t in techniques)
    rows = []
    for outlet, articles in list(outlets.items())[:MAX_OUTLET_ROWS]:
        words = sum(len(a.text.split()) for a in articles) or 1
        cells = "".join(
            f"<td>{counts[(outlet, t)] or '–'}"
            + (f" <small>(+{quoted[(outlet, t)]} quoted)</small>" if quoted[(outlet, t)] else "")
            + "</td>"
            for t in techniques
        )
        total = sum(counts[(outlet, t)] for t in techniques)  # the outlet's own voice
        rows.append(
            f"<tr><td>{escape(outlet)}</td>{cells}<td><b>{total * 1000 / words:.1f}</b></td></tr>"
        )
    return (
        f"<table class=techniques><thead><tr><th>outlet</th>{head}<th>per 1,000 words"
        f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _entity_table(analysis: Analysis) -> str:
    names = {a.id: source_label(a) for a in analysis.articles}
    rows = []
    ranked = sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name))
    for ent in ranked[:MAX_ENTITY_ROWS]:
        where = sorted({names[m.article] for m in ent.mentions if m.article in names})
        rows.append(
            f"<tr><td>{escape(ent.name)}</td><td>{escape(ent.type)}</td>"
            f"<td>{escape(', '.join(ent.aliases))}</td><td>{len(ent.mentions)}</td>"
            f"<td>{escape(_listed(where))}</td></tr>"
        )
    more = ""
    if len(ranked) > MAX_ENTITY_ROWS:
        more = _more_note(len(ranked) - MAX_ENTITY_ROWS, "entities", "they")
    return (
        "<table class=entities><thead><tr><th>entity</th><th>type</th><th>also written</th>"
        f"<th>mentions</th><th>named by</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{more}"
    )


LEGEND = (
    '<p class=legend>Highlights: <mark class="claim slot-killed">killed</mark> '
    '<mark class="claim slot-injured">injured</mark> '
    '<mark class="claim slot-perpetrators">perpetrators</mark> '
    '<mark class="claim slot-arrested">arrested</mark> '
    '<mark class="claim slot-quantity">other quantity</mark> · entities: '
    '<mark class="ent ent-PERSON">person</mark> <mark class="ent ent-ORG">organisation</mark> '
    '<mark class="ent ent-GPE">place</mark> <mark class="ent ent-NORP">group</mark>. '
    "Hover a highlight for details.</p>"
)


def render_report(analysis: Analysis, title: str = "newsprism report") -> str:
    """The whole report as one HTML document with no external assets."""
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    ordered = _by_event(analysis)
    cards = "".join(_article_card(a, analysis) for a in ordered[:MAX_CARDS])
    if len(ordered) > MAX_CARDS:
        cards += _more_note(len(ordered) - MAX_CARDS, "articles", "their texts")
    n_art, n_claims, n_ent = len(analysis.articles), len(analysis.claims), len(analysis.entities)
    part = report_sections(analysis)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="{GENERATOR_MARK} {__version__}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_css()}</style></head>
<body>
<header class=top><h1>{escape(title)}</h1>
<p>{n_art} articles · {n_claims} claims · {n_ent} entities ·
generated {generated} by newsprism {__version__}</p></header>
{part["events"]}
<section><h2>Claims by slot and source</h2>{CLAIM_TABLE_NOTE}{part["claims"]}</section>
<section><h2>Where the sources agree and collide</h2>{VERDICT_NOTE}{part["comparisons"]}</section>
<section><h2>How the figures moved</h2>{part["progression"]}</section>
<section><h2>Who blames whom</h2>{part["graph"]}</section>
<section><h2>Timeline</h2>{part["timeline"]}</section>
<section><h2>How each outlet reports</h2>{part["profiles"]}</section>
<section><h2>Persuasion techniques</h2>{TECHNIQUE_NOTE}{part["techniques"]}</section>
<section><h2>Sources side by side</h2>{LEGEND}<div class=sources>{cards}</div></section>
<section><h2>Entities</h2>{part["entities"]}</section>
<script>{filter_script()}</script>
</body></html>
"""


VERDICT_NOTE = """<p class=note>Every pair of claims on one slot of one event, across sources and
inside one article. Contradictions first, the most check-worthy on top; <b>update</b> marks a
difference a later report explains. Agreeing pairs are folded and grouped. Click a sentence
to reach it in its source.</p>"""
CLAIM_TABLE_NOTE = f"""<p class=note>Claims worth a check (check-worthiness
≥ {TABLE_MIN_CHECKWORTHY}).
<span class="hedged-sample">Dashed</span>: hedged. <span class="older-sample">Faded</span>:
about an older event the article recalls. <span class=contra>⚠</span> contradicted by another
source, <span class=update>↗</span> revised by a later report (hover for why, click to go
there). Hover a value for the speaker and source.</p>"""
TECHNIQUE_NOTE = """<p class=note>Spans a model trained on the SemEval-2020 Task 11 corpus finds
persuasive, by technique (<mark class=tech>underlined in the texts</mark>; hover for the
technique). Counted in the outlet's own voice; spans inside a quotation are the quoted
speaker's and shown apart ("quoted"), and the rate per 1,000 words counts the outlet's own.
A detector, not a verdict: see its model card for how often it is right.</p>"""


def write_report(analysis: Analysis, path: Path, title: str = "newsprism report") -> None:
    """Write the report atomically."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(render_report(analysis, title), encoding="utf-8")
    tmp.replace(path)
