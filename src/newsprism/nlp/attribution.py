"""Attribution: on whose word a claim is reported ("police said", "according to X").

The speaker is found on the chain of heads from the claim's words to the sentence root: a
reporting verb there ("said", "claimed", "stated", "confirmed") whose subject is the speaker,
or an "according to X" in the sentence. A pronoun speaker ("he said") is the nearest person
named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsprism.nlp.cues import Cue, clause_path

SPEECH_VERBS = frozenset(
    {
        "say",
        "claim",
        "state",
        "tell",
        "report",
        "announce",
        "confirm",
        "deny",
        "emphasize",
        "emphasise",
        "add",
        "insist",
        "warn",
        "allege",
        "assert",
        "declare",
        "note",
        "explain",
        "argue",
        "reveal",
        "admit",
        "acknowledge",
        "stress",
        "write",
        "accuse",
        "blame",
        "describe",
        "estimate",
        "suggest",
        "maintain",
        "testify",
        "caution",
        "tweet",
        "post",
        "publish",
        "quote",
        "inform",
        "disclose",
        "indicate",
        "point",
        "predict",
        "vow",
        "threaten",
        "promise",
        # Findings are statements too: "the mission concluded", "the group finds".
        "find",
        "conclude",
        "determine",
        "call",
    }
)
# Nouns for what someone asserted, whose "that" clause is that someone's word.
CLAIM_NOUNS = frozenset(
    {"claim", "claims", "allegation", "allegations", "accusation", "accusations", "assertion"}
)
# Verbs by which a body sets a figure: "put the death toll at 40", "raised the toll to 104".
TOLL_SETTERS = frozenset({"put", "raise", "revise", "lower", "place", "estimate", "update"})
# Clauses that carry what was said: the reported clause, a quoted fragment, or the object.
_REPORTED = frozenset(
    {"ccomp", "parataxis", "xcomp", "dobj", "obj", "advcl", "conj", "relcl", "oprd"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": None, "it": None}


@dataclass(frozen=True)
class Attribution:
    """Who a claim is credited to: the speaker's words in the text, and the cue."""

    speaker: Span
    cue: Cue


def _noun_phrase(head: Token) -> Span:
    """The head noun with its compounds, adjectives, determiners and owner ("Russia's Defense
    Ministry"), and an "of" phrase that names it ("the Office for the Coordination of
    Humanitarian Affairs"), not its clauses."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "quantmod"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    # "GAZA STRIP, Palestinian Territories - Health authorities": a dateline run into the
    # subject; the speaker starts after the dash.
    dashes = [t.i for t in head.doc[left.i : head.i] if t.text in ("-", "\u2013", "\u2014")]
    if dashes:
        left = head.doc[dashes[-1] + 1]
    right = head
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.i == right.i + 1:
            right = child
        elif (
            child.dep_ == "prep"
            and child.lower_ in ("of", "for")
            and child.i == right.i + 1
            and head.ent_type_ in ("ORG", "GPE", "NORP")
            and child.right_edge.ent_type_ in ("ORG", "GPE", "NORP")
        ):
            right = child.right_edge  # inside one organisation's name
    return head.doc[left.i : right.i + 1]


def _publisher(source: Token) -> Token:
    """'figures published by health officials': the officials, not the figures."""
    for acl in source.children:
        if acl.dep_ == "acl":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    objects = [g for g in agent.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return source


def _according_to(token: Token) -> Attribution | None:
    for tok in token.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            if objects:
                return Attribution(_noun_phrase(_publisher(objects[0])), Cue.of_tokens(tok, to))
    return None


def find_attribution(token: Token) -> Attribution | None:
    """The speaker a claim is credited to, or None when the article asserts it itself.

    A source the speaker cites ("Al Jazeera, citing hospital sources, said") and a speaker
    quoted inside another's report ('X reports: "..., the governor said"') come first: they
    are whose word the claim is.
    """
    return _cited(token) or _quoted_inside(token) or _on_the_path(token)


def _cited(token: Token) -> Attribution | None:
    """'citing hospital sources': the source cited in the claim's sentence."""
    for verb in token.sent:
        if verb.lemma_.lower() == "cite" and verb.pos_ == "VERB":
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            if objects:
                return Attribution(_noun_phrase(objects[0]), Cue.of_tokens(verb, verb))
    return None


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _quoted_inside(token: Token) -> Attribution | None:
    """A speech verb inside the quotation that holds the claim, after it."""
    sent = token.sent
    marks = [t.i for t in sent if t.text in _QUOTE_MARKS]
    before = [i for i in marks if i < token.i]
    after = [i for i in marks if i > token.i]
    if len(before) % 2 == 0 or not after:
        return None  # not inside a quotation of this sentence
    for verb in token.doc[token.i + 1 : after[0]]:
        if verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB":
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if subjects and subjects[0].lower_ not in ("it", "which", "that", "this", "we", "i"):
                return Attribution(_noun_phrase(subjects[0]), Cue.of_tokens(verb, verb))
    return None


def _on_the_path(token: Token) -> Attribution | None:
    """A speech verb above the claim, an "according to", or one after its quotation."""
    path = clause_path(token)
    for child, verb in pairwise(path):
        if _semicolon_between(child, verb):
            break  # "Bomb kills 27; rebels deny role": two clauses, neither reports the other
        if child.dep_ in ("acl", "ccomp") and verb.lemma_.lower() in CLAIM_NOUNS:
            # "claims by Ukraine that an airstrike had destroyed it": the claimant's word.
            owner = _claimant(verb)
            if owner is not None:
                return Attribution(_noun_phrase(owner), Cue.of_tokens(verb, verb))
        if verb.lemma_.lower() in TOLL_SETTERS and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ("toll", "number", "count", "figure")
            for c in verb.children
        ):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if subjects and subjects[0].lower_ not in ("it", "which", "that", "they"):
                # "the health authority raised the death toll to 104": its figure
                return Attribution(_noun_phrase(subjects[0]), Cue.of_tokens(verb, verb))
        if verb.lemma_.lower() in SPEECH_VERBS and child.dep_ in _REPORTED:
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            speaker = subjects[0] if subjects else (agents[0] if agents else None)
            if speaker is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG":
                # "..., calling the attack a war crime": the participle's doer is the clause's.
                speaker = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
            if speaker is not None and speaker.is_upper:
                # "KANO, Northern Region - Health authorities said": past the dateline.
                speaker = next((c for c in speaker.children if c.dep_ == "appos"), speaker)
            if speaker is not None and speaker.lower_ not in ("it", "which", "that"):
                return Attribution(_noun_phrase(speaker), Cue.of_tokens(verb, verb))
    return _according_to(token) or _trailing_speaker(token) or _said_before(token)


def _claimant(noun: Token) -> Token | None:
    """Who made a claim: "claims by X", "X's claim", "a report from X"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            owners = [g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
            if owners:
                return owners[0]
    return None


def _said_before(token: Token) -> Attribution | None:
    """'..., the health authority said, accusing soldiers of firing': a participle clause
    right after a speech verb is the speaker's too."""
    clause = next((t for t in [token, *token.ancestors] if t.dep_ == "advcl"), None)
    if clause is None or clause.tag_ != "VBG":
        return None
    start = clause.left_edge.i
    for verb in token.doc[max(start - 3, token.sent.start) : start]:
        if verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB":
            return _trailing_speaker(verb.doc[verb.i - 1]) if verb.i > verb.sent.start else None
    return None


def _semicolon_between(child: Token, verb: Token) -> bool:
    lo, hi = sorted((child.i, verb.i))
    edge = child.right_edge.i if child.i < verb.i else child.left_edge.i
    lo, hi = (edge, verb.i) if child.i < verb.i else (verb.i, edge)
    return any(t.text == ";" for t in child.doc[lo:hi])


def _after_quote(verb: Token) -> bool:
    sent = verb.sent
    return any(t.text in ('"', "\u201d", "\u2019\u2019", "''") for t in sent[: verb.i - sent.start])


def _closes_sentence(verb: Token) -> bool:
    """'..., the health authority said, accusing soldiers of firing.': a speech verb with no
    clause of its own, after the claim, at the end of the sentence."""
    if any(c.dep_ in ("ccomp", "dobj", "obj", "xcomp") for c in verb.children):
        return False
    return verb.i > verb.sent.start + (verb.sent.end - verb.sent.start) // 2


def _trailing_speaker(token: Token) -> Attribution | None:
    """'"Russia destroyed the theatre," city authorities said in a statement': the speech
    verb after a quotation hangs beside the quoted clause, not above it."""
    sent = token.sent
    for verb in sent:
        if (
            verb.i > token.i
            and verb.lemma_.lower() in SPEECH_VERBS
            and verb.dep_ in ("parataxis", "ccomp", "advcl", "relcl", "conj", "ROOT")
            and (_after_quote(verb) or _closes_sentence(verb))
        ):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if not subjects:
                # "..., the local health authority said": the parser may hang the speaker on
                # the words before it; it is the noun phrase right before the verb.
                before = verb.nbor(-1) if verb.i > sent.start else verb
                while before.is_punct and before.i > sent.start:
                    before = before.nbor(-1)
                if before.pos_ in ("NOUN", "PROPN") and before.i < verb.i:
                    subjects = [before]
            if subjects and subjects[0].lower_ not in ("it", "which", "that", "this"):
                return Attribution(_noun_phrase(subjects[0]), Cue.of_tokens(verb, verb))
    return None


def is_pronoun(span: Span) -> bool:
    """Whether a speaker is a bare personal pronoun ("he", "they")."""
    return len(span) == 1 and span[0].lower_ in _PRONOUNS


_OPENING = "\u201c"
_CLOSING = "\u201d"


def _speaker_in(sent: Span) -> Attribution | None:
    """The speaker of a sentence's own speech verb ("X said:", "..., X said.")."""
    for tok in sent:
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if subjects and subjects[0].lower_ not in ("it", "which", "that", "this"):
                return Attribution(_noun_phrase(subjects[0]), Cue.of_tokens(tok, tok))
    return None


def quoted_speakers(doc: Doc) -> dict[int, Attribution]:
    """Speakers of sentences inside a quotation that runs over several sentences, or after
    "X said:", by each sentence's start token.

    A sentence in the middle of a long quotation has no speech verb of its own; its words
    are still the speaker's, not the outlet's.
    """
    found: dict[int, Attribution] = {}
    sents = list(doc.sents)
    depth = 0
    run: list[Span] = []
    pending: Attribution | None = None
    for sent in sents:
        text = sent.text
        before = depth
        depth += text.count(_OPENING) - text.count(_CLOSING)
        depth += text.count('"') % 2 if depth == 0 else -(text.count('"') % 2)
        depth = max(depth, 0)
        if pending is not None:
            found.setdefault(sent.start, pending)
            pending = None
        if before > 0 or depth > 0:
            run.append(sent)
        if depth == 0 and run:
            speaker = next((a for a in (_speaker_in(s) for s in run) if a is not None), None)
            if speaker is not None and len(run) > 1:
                for inner in run:
                    found.setdefault(inner.start, speaker)
            run = []
        if text.rstrip().endswith(":"):
            pending = _speaker_in(sent)
    return found


# Nouns that speak for a body in a headline's "Kyiv: ..." or "...: mayor's office".
SPEAKING_NOUNS = frozenset(
    (
        "office ministry police officials official authorities military army mayor governor "
        "council source sources media government president minister spokesman prosecutor "
        "prosecutors agency mission"
    ).split()
)
# Speakers that are documents or parts of a body: the claim is the owner's word.
DOCUMENT_NOUNS = frozenset(
    (
        "statement report investigation evidence data conclusions conclusion findings version "
        "update study analysis assessment document documents figures estimate estimates record "
        "records release communique probe inquiry investigations findings testimony"
    ).split()
)
REPRESENTATIVE_NOUNS = frozenset(
    "representatives representative members member spokesman spokeswoman spokesperson".split()
)


def owner_of(speaker: Span) -> Span | None:
    """Whose word a speaker phrase carries: "Moscow's version" is Moscow's, "a statement from
    the ministry" the ministry's, "representatives of the DPR" the DPR's. None for a document
    that names no owner ("the statement"); the speaker itself otherwise."""
    head = speaker.root
    lemma = head.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS and head.lower_ not in DOCUMENT_NOUNS | REPRESENTATIVE_NOUNS:
        return speaker
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            return None  # "its investigations": the body that spoke last
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return _noun_phrase(child)
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return speaker.doc[child.left_edge.i : child.i + 1]  # "UN estimates"
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            owners = [g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
            if owners:
                return _noun_phrase(owners[0])
    return None if head.lower_ not in REPRESENTATIVE_NOUNS else speaker


_HEADLINE_SOURCE = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}?):\s+\S|:\s+([\w'’ ]{3,40})\s*$")


def headline_source(sent: Span) -> Span | None:
    """'Kyiv: Russian army shelled the colony', 'Theatre hit by Russia: mayor's office': the
    source a headline names before or after its colon."""
    text = sent.text
    match = _HEADLINE_SOURCE.search(text)
    if match is None or len(text) > 200:
        return None
    group = 1 if match.group(1) else 2
    start, end = sent.start_char + match.start(group), sent.start_char + match.end(group)
    span = sent.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not len(span) or len(span) > 5:
        return None
    # A source: one named body or person, or a noun that speaks ("mayor's office").
    named = span.root.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") and all(
        t.ent_type_ or t.is_punct for t in span
    )
    if not named and span.root.lemma_.lower() not in SPEAKING_NOUNS:
        return None
    return span


def speaker_before(token: Token) -> Span | None:
    """The last named speaker of the sentences before a token's: whom "the statement added"
    or "its probe found" goes back to."""
    start = token.sent.start
    earlier = [s for s in token.doc.sents if s.end <= start]
    for sent in reversed(earlier):
        said = _speaker_in(sent)
        if (
            said is not None
            and owner_of(said.speaker) is not None
            and not (len(said.speaker) == 1 and said.speaker[0].pos_ == "PRON")
        ):
            return said.speaker
    return None
