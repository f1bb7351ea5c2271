"""The verdict view: every judged pair with both sentences, who said them and when, and why.

Contradictions come first, ranked by check-worthiness (the higher of the pair's two claims;
those a later report explains, marked `update`, after the others), then pairs that cannot be
compared, then agreeing pairs, folded. Pairs of one slot and verdict that state the same two
things (two values; for causes, two agents or kinds of act) are one row with a count, so a case
of a dozen articles shows tens of rows, not the thousands of pairs behind them. A filter (slot,
verdict, outlet, speaker) narrows the rows; in the report a small script applies it in the
page, in the app the same form asks the server.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from importlib import resources

from newsprism.compare.actors import Actors
from newsprism.compare.mechanisms import mechanism_kind
from newsprism.compare.report_time import report_time
from newsprism.extract.resolve import AliasTable
from newsprism.model.types import Analysis, CauseValue, Claim, Comparison
from newsprism.report.labels import source_label, value_label

MAX_ROWS = 200  # per part of the view; the rest stays in the store, the JSON and the CSV
SENTENCE_CHARS = 320
OWN_VOICE = "outlet's own voice"
VERDICT_ORDER = ("contradictory", "not_comparable", "consistent")


@dataclass(frozen=True)
class Filters:
    """What the view is narrowed to; empty strings mean all."""

    slot: str = ""
    verdict: str = ""
    outlet: str = ""
    speaker: str = ""


def filter_script() -> str:
    """The script that filters the rows in a page (inline in the report, served by the app)."""
    return resources.files("newsprism.report").joinpath("verdict_filter.js").read_text("utf-8")


class _Case:
    """Look-ups one rendering needs, built once."""

    def __init__(self, analysis: Analysis):
        self.claims = {c.id: c for c in analysis.claims}
        self.articles = {a.id: a for a in analysis.articles}
        self.names = {e.id: e.name for e in analysis.entities}
        self.entities = analysis.entities
        self._sides: dict[str, str] = {}
        self.gists: dict[str, str] = {}

    @cached_property
    def actors(self) -> Actors:
        return Actors({e.id: e for e in self.entities}, AliasTable.load())

    def side(self, agent: str) -> str:
        if agent not in self._sides:
            self._sides[agent] = self._side(agent)
        return self._sides[agent]

    def _side(self, agent: str) -> str:
        """An agent as grouping sees it: a named unit by its name, a state's organs (Russian
        forces, the Russian air force) by their state, as the verdicts judge them."""
        state = self.actors.state_of(agent)
        if state and not self.actors.distinctive(agent):
            return self.names.get(self.actors.entity_of_key(state) or "", state)
        return self.names.get(agent, agent)

    def outlet(self, claim: Claim) -> str:
        return source_label(self.articles[claim.article])

    def story(self, claim: Claim) -> str:
        """The independent source behind a claim: a wire copy's origin, else its article."""
        return str(self.articles[claim.article].extra.get("wire_origin", claim.article))

    def speaker(self, claim: Claim) -> str:
        if claim.attributed_to:
            return self.names.get(claim.attributed_to, claim.attributed_to)
        return OWN_VOICE

    def when(self, claim: Claim) -> str:
        return report_time(claim, self.articles[claim.article]).label()


def rank(comparisons: Iterable[Comparison], claims: dict[str, Claim]) -> list[Comparison]:
    """Contradictions first (unexplained before updates), each part by check-worthiness."""

    def key(c: Comparison) -> tuple[int, int, float, str]:
        worth = max(claims[i].checkworthy for i in c.claims if i in claims)
        return (VERDICT_ORDER.index(c.verdict), int(c.update), -worth, c.slot)

    return sorted((c for c in comparisons if all(i in claims for i in c.claims)), key=key)


def _matches(c: Comparison, case: _Case, filters: Filters) -> bool:
    a, b = (case.claims[i] for i in c.claims)
    return (
        (not filters.slot or c.slot == filters.slot)
        and (
            not filters.verdict
            or _verdict_word(c) == filters.verdict
            or c.verdict == filters.verdict
        )
        and (not filters.outlet or filters.outlet in (case.outlet(a), case.outlet(b)))
        and (not filters.speaker or filters.speaker in (case.speaker(a), case.speaker(b)))
    )


def _verdict_word(c: Comparison) -> str:
    return "update" if c.update else c.verdict


def _sentence(claim: Claim, case: _Case) -> str:
    """The claim's sentence, escaped, its value marked, cut to a readable length."""
    text = case.articles[claim.article].text
    start, end = claim.start, claim.end
    if end - start > SENTENCE_CHARS:
        start = max(claim.start, claim.value_start - SENTENCE_CHARS // 2)
        end = min(claim.end, start + SENTENCE_CHARS)
    vs, ve = max(start, claim.value_start), min(end, claim.value_end)
    if vs >= ve:
        vs = ve = start
    before, value, after = text[start:vs], text[vs:ve], text[ve:end]
    cut_left = "… " if start > claim.start else ""
    cut_right = " …" if end < claim.end else ""
    return (
        f"{cut_left}{escape(' '.join(before.split()))} <mark>{escape(value)}</mark> "
        f"{escape(' '.join(after.split()))}{cut_right}"
    )


def _side(claim: Claim, case: _Case, link: Callable[[Claim], str]) -> str:
    hedge = (
        f' · <span class="hedge">hedged: {escape(claim.hedge_cue or "")}</span>'
        if claim.hedged
        else ""
    )
    return (
        f'<div class="side"><div class="who"><b>{escape(case.outlet(claim))}</b> · '
        f"{escape(case.when(claim))} · {escape(case.speaker(claim))}{hedge}</div>"
        f'<blockquote><a href="{escape(link(claim))}" class="to-claim">'
        f"{_sentence(claim, case)}</a></blockquote></div>"
    )


def _row(group: _Group, case: _Case, link: Callable[[Claim], str]) -> str:
    c = group.first
    a, b = (case.claims[i] for i in c.claims)
    outlets = "|".join(sorted(group.outlets))
    speakers = "|".join(sorted(group.speakers))
    word = _verdict_word(c)
    badge = (
        '<span class="badge update" title="explained by a later report">update</span>'
        if c.update
        else ""
    )
    extra = ""
    if group.size > 1:
        extra = (
            f'<div class="more" title="{escape(", ".join(sorted(group.outlets)))}">'
            f"and {group.size - 1} more pairs stating the same, from {len(group.outlets)} "
            f"outlets{_independent(group)}</div>"
        )
    return (
        f'<tr class="{c.verdict}{" update" if c.update else ""}" data-slot="{escape(c.slot)}" '
        f'data-verdict="{escape(word)}" data-outlets="{escape(outlets)}" '
        f'data-speakers="{escape(speakers)}">'
        f'<td class="slot">{escape(c.slot)}</td>'
        f'<td class="verdict">{escape(c.verdict.replace("_", " "))} {badge}</td>'
        f"<td>{_side(a, case, link)}{_side(b, case, link)}</td>"
        f'<td class="reason">{escape(c.reason)}{extra}</td></tr>'
    )


def _gist(claim: Claim, case: _Case) -> str:
    """What a claim states, for grouping pairs that say the same: a cause by its agent (or
    its mechanism's kind) and polarity, anything else by its value."""
    value = claim.value
    if isinstance(value, CauseValue):
        what = case.side(value.agent) if value.agent else None
        what = what or mechanism_kind(value.mechanism) or value.mechanism or "unknown"
        return f"not {what}" if value.negated else what
    return value_label(value, names=case.names)


@dataclass
class _Group:
    """Pairs of one slot and verdict that state the same two things: one row."""

    first: Comparison
    size: int
    outlets: set[str]
    speakers: set[str]
    stories: set[str] = field(default_factory=set)  # independent sources: wire copies as one


def _independent(group: _Group) -> str:
    """ ", 3 independent": said when wire copies make some outlets one source."""
    copies = len(group.outlets) - len(group.stories)
    return f", {len(group.stories)} independent (wire copies counted once)" if copies > 0 else ""


def _grouped(comparisons: list[Comparison], case: _Case) -> list[_Group]:
    """Pairs grouped by slot, verdict and the two things they state, in rank order."""
    groups: dict[tuple[str, str, tuple[str, ...]], _Group] = {}
    for c in comparisons:
        a, b = (case.claims[i] for i in c.claims)
        for claim in (a, b):
            if claim.id not in case.gists:
                case.gists[claim.id] = _gist(claim, case)
        key = (c.slot, _verdict_word(c), tuple(sorted((case.gists[a.id], case.gists[b.id]))))
        group = groups.get(key)
        if group is None:
            groups[key] = group = _Group(
                c, 1, {case.outlet(a), case.outlet(b)}, {case.speaker(a), case.speaker(b)}
            )
        else:
            group.size += 1
            group.outlets |= {case.outlet(a), case.outlet(b)}
            group.speakers |= {case.speaker(a), case.speaker(b)}
        group.stories |= {case.story(a), case.story(b)}
    return list(groups.values())


def _counts(comparisons: list[Comparison]) -> str:
    """Pairs per slot and verdict, updates apart."""
    counts: Counter[tuple[str, str]] = Counter((c.slot, _verdict_word(c)) for c in comparisons)
    slots = sorted({s for s, _ in counts})
    words = ("contradictory", "update", "not_comparable", "consistent")
    head = "".join(f"<th>{w.replace('_', ' ')}</th>" for w in words)
    rows = "".join(
        f"<tr><th>{escape(s)}</th>"
        + "".join(f"<td>{counts[(s, w)] or '–'}</td>" for w in words)
        + "</tr>"
        for s in slots
    )
    return (
        f'<table class="verdict-counts"><thead><tr><th>slot</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _select(name: str, label: str, options: Iterable[str], chosen: str) -> str:
    items = "".join(
        f'<option value="{escape(o)}"{" selected" if o == chosen else ""}>'
        f"{escape(o.replace('_', ' '))}</option>"
        for o in options
    )
    return (
        f'<label>{label} <select name="{name}" data-filter="{name}">'
        f'<option value="">all</option>{items}</select></label>'
    )


def _filter_form(comparisons: list[Comparison], case: _Case, filters: Filters, action: str) -> str:
    slots = sorted({c.slot for c in comparisons})
    outlets: set[str] = set()
    speakers: set[str] = set()
    for c in comparisons:
        for i in c.claims:
            outlets.add(case.outlet(case.claims[i]))
            speakers.add(case.speaker(case.claims[i]))
    verdicts = ("contradictory", "update", "not_comparable", "consistent")
    return (
        f'<form class="verdict-filter" method="get" action="{escape(action)}">'
        + _select("slot", "slot", slots, filters.slot)
        + _select("verdict", "verdict", verdicts, filters.verdict)
        + _select("outlet", "outlet", sorted(outlets), filters.outlet)
        + _select("speaker", "speaker", sorted(speakers), filters.speaker)
        + '<button type="submit">Filter</button> <span class="shown"></span></form>'
    )


def verdict_view(
    analysis: Analysis,
    link: Callable[[Claim], str] = lambda c: f"#{c.id}",
    filters: Filters = Filters(),
    action: str = "",
    max_rows: int = MAX_ROWS,
) -> str:
    """The verdict view as an HTML fragment: counts, the filter, and the ranked rows."""
    case = _Case(analysis)
    ranked = rank(analysis.comparisons, case.claims)
    if not ranked:
        return "<p>No claims could be aligned across or within sources.</p>"
    shown = [c for c in ranked if _matches(c, case, filters)]
    notable = _grouped([c for c in shown if c.verdict != "consistent"], case)
    agreeing = _grouped([c for c in shown if c.verdict == "consistent"], case)
    head = (
        "<thead><tr><th>slot</th><th>verdict</th><th>the two claims</th><th>why</th></tr></thead>"
    )
    rows = "".join(_row(g, case, link) for g in notable[:max_rows])
    left = len(notable) - max_rows
    note = (
        f'<p class="note">{left} more rows: narrow the filter, or see the JSON export.</p>'
        if left > 0
        else ""
    )
    agree_rows = "".join(_row(g, case, link) for g in agreeing[:max_rows])
    agree = (
        f'<details class="agreeing"><summary>{sum(g.size for g in agreeing)} agreeing pairs '
        f'in {len(agreeing)} groups</summary><table class="verdicts">{head}<tbody>{agree_rows}'
        "</tbody></table></details>"
        if agreeing
        else ""
    )
    table = (
        f'<table class="verdicts">{head}<tbody>{rows}</tbody></table>'
        if notable
        else ("<p>No contradictions or incomparable pairs match.</p>")
    )
    return (
        f'<div class="verdict-view">{_counts(ranked)}'
        f"{_filter_form(ranked, case, filters, action)}{table}{note}{agree}</div>"
    )
