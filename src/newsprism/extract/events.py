"""Which event a sentence is about: the article's main event, or an older one it recalls.

A number in "215 people lost their lives in this attack", after a sentence about a 2015
bombing, is that bombing's toll, not the toll of the event the article reports. A sentence is
about another event when it names a year before the main event's year (the publication year,
when known) next to an event word, or when it says "this attack" right after such a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprism.extract.slots import PERPETRATOR_NOUNS
from newsprism.nlp.attribution import SPEECH_VERBS
from newsprism.nlp.dates import ResolvedDate, resolve_date_within

EVENT_NOUNS = frozenset(
    (
        "attack attacks massacre shooting bombing bombings explosion blast assault raid strike "
        "airstrike bombardment shelling "
        "tragedy ambush siege crash killing killings incident hijacking stabbing rampage uprising "
        "riots operation "
        # Disasters and accidents are events too.
        "flood floods earthquake quake fire wildfire storm hurricane cyclone typhoon landslide "
        "collapse derailment shipwreck sinking outbreak stampede eruption tsunami"
    ).split()
)
EVENT_VERBS = frozenset(
    (
        "attack storm bomb kill murder shoot explode strike raid shell stab ambush massacre "
        # Disasters: what a storm, a flood or a failing dam does.
        "hit sweep collapse burst flood bombard devastate destroy "
        # Accidents.
        "crash collide derail capsize sink"
    ).split()
)
# Words after "since" that open a period longer than one event: a toll "since the war
# began" or "since February 24" counts many events.
PERIOD_NOUNS = frozenset(
    (
        "war invasion conflict start beginning outbreak offensive occupation escalation campaign"
    ).split()
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_PREFIXES = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_ANAPHORA = re.compile(
    r"\b(?:this|that|the same) "
    r"(?:attack|bombing|incident|massacre|explosion|blast|shooting|crash|disaster|tragedy"
    r"|flood|fire|sinking|collapse|raid|strike|assault|offensive|war)\b",
    re.I,
)


@dataclass(frozen=True)
class OtherEvent:
    """An event other than the article's own: a short name, its date as written and as
    resolved (None when unknown), and where it is named."""

    name: str
    when: str
    date: str | None
    start: int
    end: int


def _event_noun(sent: Span, near: int) -> Span | None:
    """The event noun nearest to character offset `near`, with its modifiers."""
    nouns = [t for t in sent if t.lower_ in EVENT_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return None
    tok = min(nouns, key=lambda t: abs(t.idx - near))
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "DET"]
    start = mods[0].i if mods else tok.i
    # Take in a place name the noun's modifiers begin with ("St. Petersburg metro bombing").
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start < start <= ent.end:
            start = ent.start
    return sent.doc[start : tok.i + 1]


def _place(sent: Span, noun: Span | None) -> str | None:
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            if noun is not None and noun.start <= ent.start < noun.end:
                return None  # already part of the event's name
            return ent.text
    return None


def _year_event(sent: Span, main_year: int | None) -> OtherEvent | None:
    """An event named with a year before the main event's year."""
    matches = list(_YEAR.finditer(sent.text))
    older = [m for m in matches if main_year is None or int(m.group()) < main_year]
    if not older:
        return None
    noun = _event_noun(sent, sent.start_char + older[0].start())
    if noun is None and not any(t.lemma_ in EVENT_VERBS for t in sent):
        return None
    return _named(sent, noun, older[0].group(), older[0].group())


# Days by which two reports of one event may date it differently.
SAME_EVENT_DAYS = 2
# "A day earlier", "two weeks before", "last week's bombing": another time than the
# event's, however close. ("last year's" can be the event itself in a look back.)
_EARLIER = re.compile(
    r"\b(?:a|one|two|three|four|five|several|a few) (?:day|week|month|year)s? (?:earlier|before)\b"
    r"|\blast (?:week|month)['’]s\b",
    re.I,
)
# "the war began", "the war that kicked off with ...".
_BEGIN_VERBS = frozenset({"begin", "start", "erupt", "kick", "break"})
# Adjectives that set an incident apart from the one reported.
OTHER_INCIDENT_WORDS = frozenset({"similar", "earlier", "previous", "prior", "separate"})
# Verbs of a toll, for "the war has killed 30,000" and "30,000 died in the offensive".
_TOLL_VERBS = frozenset({"kill", "die", "claim", "injure", "wound", "displace", "perish"})
# "so far this year", "to date in the war", "in the past year": a count over a period. A
# bare "so far" is not one: "130 have so far been rescued" is this event's count.
_PERIOD_PHRASE = re.compile(
    r"\b(?:(?:so far|to date)(?: this (?:year|month)| in the war)"
    r"|(?:in|over|during) the (?:past|last) (?:year|month|decade)s?"
    r"|throughout the war)\b",
    re.I,
)


def _period_event(
    sent: Span, main: ResolvedDate | None = None, published: dt.date | None = None
) -> OtherEvent | None:
    """A count over a period ("since the war began", "since February 24", "so far this year"):
    the period is another incident than the event, however the count is phrased."""
    for tok in sent:
        if tok.lower_ == "since" and tok.dep_ == "advmod" and not list(tok.children):
            # "30,000 have since been killed": since the time named before, a period.
            return OtherEvent("the period since then", tok.text, None, tok.idx, tok.idx + 5)
        began = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _BEGIN_VERBS
        began = began or any(
            c.dep_ == "relcl" and c.lemma_.lower() in _BEGIN_VERBS for c in tok.children
        )
        if tok.lemma_.lower() in PERIOD_NOUNS and began:
            # "the war began on October 7 with an attack": the war's start is its own event.
            phrase = sent.doc[tok.left_edge.i : tok.i + 1]
            return OtherEvent(
                f"the start of {phrase.text}", phrase.text, None, phrase.start_char, phrase.end_char
            )
        if tok.lower_ != "since" or tok.dep_ not in ("prep", "mark", "advmod"):
            continue
        scope = list(tok.subtree)[1:] or list(tok.head.subtree)
        words = {t.lower_ for t in scope} | {t.lemma_.lower() for t in scope}
        dated = any(t.ent_type_ == "DATE" for t in scope)
        if dated and not words & PERIOD_NOUNS and _since_the_event(scope, main, published):
            continue  # "treated 58 patients since Saturday afternoon": since this event
        if words & PERIOD_NOUNS or dated or words & {"begin", "start", "invade"}:
            end = max(t.idx + len(t.text) for t in [tok, *scope])
            when = sent.doc.text[tok.idx : end]
            return OtherEvent(f"the period {when}", when, None, tok.idx, end)
    for tok in sent:
        # "the war has killed 30,000", "30,000 killed in the offensive": a period's toll.
        harm = tok.head if tok.dep_ != "pobj" else tok.head.head
        if (
            tok.lemma_.lower() in PERIOD_NOUNS
            and harm.lemma_.lower() in _TOLL_VERBS
            and (
                tok.dep_ in ("nsubj", "nsubjpass")
                or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "throughout"))
            )
            and any(c.lower_ in ("the", "its", "this") or c.dep_ == "poss" for c in tok.children)
        ):
            phrase = sent.doc[tok.left_edge.i : tok.i + 1]
            return OtherEvent(
                f"the period of {phrase.text}",
                phrase.text,
                None,
                phrase.start_char,
                phrase.end_char,
            )
    earlier = _EARLIER.search(sent.text)
    if earlier is not None and _has_event_word(sent):
        start = sent.start_char + earlier.start()
        return OtherEvent(
            f"the incident {earlier.group()}",
            earlier.group(),
            None,
            start,
            start + len(earlier.group()),
        )
    for tok in sent:
        # "a similar shooting", "an earlier attack", "a previous strike": another incident.
        if tok.lower_ in EVENT_NOUNS and any(
            c.lower_ in OTHER_INCIDENT_WORDS and c.dep_ == "amod" for c in tok.children
        ):
            phrase = sent.doc[tok.left_edge.i : tok.i + 1]
            return OtherEvent(phrase.text, phrase.text, None, phrase.start_char, phrase.end_char)
    found = _PERIOD_PHRASE.search(sent.text)
    if found is not None:
        start = sent.start_char + found.start()
        return OtherEvent(
            f"the period {found.group()}", found.group(), None, start, start + len(found.group())
        )
    return None


def _since_the_event(
    scope: list[Token], main: ResolvedDate | None, published: dt.date | None
) -> bool:
    """Whether "since <date>" starts no earlier than the event itself."""
    if main is None or main.value is None:
        return False
    dates = [t for t in scope if t.ent_type_ == "DATE"]
    text = scope[0].doc[dates[0].i : dates[-1].i + 1].text
    since = resolve_date_within(text, published)
    return since is not None and since.value is not None and since.value >= main.value


def _named(sent: Span, noun: Span | None, when: str, date: str | None) -> OtherEvent:
    place = _place(sent, noun)
    words = noun.text if noun is not None else "attack"
    name = " ".join(p for p in (place, words) if p)
    where = noun if noun is not None else sent
    return OtherEvent(f"{name} ({when})", when, date, where.start_char, where.end_char)


_LEADING_ADVERB = re.compile(r"^(?:just|only|some|about|around|nearly|almost|roughly)\s+", re.I)


def _resolve(date: Span, published: dt.date | None) -> ResolvedDate | None:
    return resolve_date_within(_LEADING_ADVERB.sub("", date.text), published)


_HAPPEN_VERBS = frozenset({"die", "happen", "occur", "erupt", "unfold", "massacre"})


def is_event_word(tok: Token) -> bool:
    """An event noun, an event verb, or a verb of happening ("took place", "opened fire")."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in EVENT_NOUNS or lemma in EVENT_VERBS or lemma in _HAPPEN_VERBS:
        return True
    objects = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "obj")}
    return (lemma == "take" and "place" in objects) or (lemma == "open" and "fire" in objects)


def dates_the_event(date: Span) -> bool:
    """Whether a date says when an event happened: it hangs from an event word ("killed on
    Saturday", "Saturday's attack"), not from another act ("denied on Tuesday")."""
    node = date.root
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        if head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_VERBS:
            return False  # "the ministry reported on Friday": the day of the statement
        if is_event_word(head) or (
            head.dep_ == "ROOT" and any(is_event_word(c) for c in head.conjuncts)
        ):
            return True
        # "Recall the church attack on January 28": the date attached to the verb of which
        # the event is the object.
        if any(c.dep_ in ("dobj", "obj") and c.lower_ in EVENT_NOUNS for c in head.children):
            return True
        if head.pos_ in ("VERB", "AUX") and any(
            is_event_word(c) or c.lower_ in EVENT_NOUNS or c.lemma_.lower() in EVENT_NOUNS
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass", "advcl", "conj", "dobj")
        ):
            return True  # "A car bomb tore through the market on Sunday, killing 27"
        if head.pos_ in ("VERB", "AUX") and head.dep_ in ("ROOT", "ccomp"):
            return False
        node = head
    return False


def _has_event_word(sent: Span) -> bool:
    return any(is_event_word(t) or t.lemma_.lower() in EVENT_NOUNS for t in sent)


def _dated_elsewhere(date: Span, main: ResolvedDate | None, published: dt.date | None) -> bool:
    """Whether a date names another day than the main event's ("on January 28", "two months
    ago" against "last Friday"); the same or an unknown day is not enough."""
    if _EARLIER.search(date.text) or re.search(r"\bthe (?:day|week|month) before\b", date.text):
        return True  # "a day earlier", "the week before": said to be another time
    resolved = _resolve(date, published)
    if resolved is None or main is None:
        return False
    if resolved.value is not None and main.value is not None:
        if len(resolved.value) == len(main.value) == 10:
            # Reports of one event date it a day apart ("yesterday", "late on Wednesday",
            # "the night of the 28th to the 29th"): only a wider gap is another incident.
            gap = dt.date.fromisoformat(resolved.value) - dt.date.fromisoformat(main.value)
            return abs(gap.days) > SAME_EVENT_DAYS
        short = min(len(resolved.value), len(main.value))
        return resolved.value[:short] != main.value[:short]
    # Without a publication date only the words can differ: a month or a distance back in
    # time ("January 28", "two months ago") is not the main event's "last Friday".
    words = date.text.lower()
    return words != main.as_written.lower() and (
        any(t.ent_type_ == "DATE" and t.lower_[:3] in _MONTH_PREFIXES for t in date)
        or "ago" in words.split()
    )


def _continues(sent: Span) -> bool:
    """'The two attackers, ...' right after a sentence about another event goes on about it."""
    return (
        len(sent) > 0
        and sent[0].lower_ in ("the", "both", "its", "their")
        and any(t.lemma_.lower() in PERPETRATOR_NOUNS for t in sent[:4])
    )


def other_events(
    doc: Doc, main_year: int | None, title: str | None = None, published: dt.date | None = None
) -> dict[int, OtherEvent]:
    """For each sentence (by its start token) about an older event, that event."""
    found: dict[int, OtherEvent] = {}
    sents = list(doc.sents)
    # The main event's own year, when its first report dates it, is the reference: an
    # article from 2024 looking back on a 2023 flood recalls no other event with "2023".
    _, first = _main_date(sents, {}, title, published)
    if first is not None and first.value is not None:
        main_year = int(first.value[:4])
    for sent in sents:
        event = _year_event(sent, main_year) or _period_event(sent, first, published)
        if event is not None:
            found[sent.start] = event
    main_sent, main_date = _main_date(sents, found, title, published)
    previous: OtherEvent | None = None
    for sent in sents:
        event = found.get(sent.start)
        if event is None and sent is not main_sent and _has_event_word(sent):
            for ent in sent.ents:
                if (
                    ent.label_ == "DATE"
                    and dates_the_event(ent)
                    and _dated_elsewhere(ent, main_date, published)
                ):
                    resolved = _resolve(ent, published)
                    date = resolved.value if resolved else None
                    event = _named(sent, _event_noun(sent, ent.start_char), ent.text, date)
                    break
        goes_on = previous is not None and not _YEAR.search(sent.text)
        if event is None and goes_on and (_ANAPHORA.search(sent.text) or _continues(sent)):
            event = previous
        if event is not None:
            found[sent.start] = event
        previous = event
    return found


def _main_date(
    sents: list[Span], others: dict[int, OtherEvent], title: str | None, published: dt.date | None
) -> tuple[Span | None, ResolvedDate | None]:
    """The first sentence that dates the main event, and its date; else the first sentence
    that reports the event, undated. A headline rarely dates; the lede does."""
    first: Span | None = None
    for sent in sents:
        if sent.start in others or (title and sent.text.strip() == title.strip()):
            continue
        if _has_event_word(sent):
            first = first if first is not None else sent
            for ent in sent.ents:
                if ent.label_ == "DATE" and dates_the_event(ent):
                    resolved = _resolve(ent, published)
                    if resolved is not None:
                        return sent, resolved
            if first is not sent:
                break  # only the first two reporting sentences may date it
    return first, None


def main_event_sentences(doc: Doc, title: str | None, others: dict[int, OtherEvent]) -> list[Span]:
    """Sentences that report the article's own event, in order (the title line left out)."""
    return [
        sent
        for sent in doc.sents
        if sent.start not in others
        and not (title and sent.text.strip() == title.strip())
        and _has_event_word(sent)
    ]
