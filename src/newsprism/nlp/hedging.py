"""Hedging: is a claim stated as fact, or framed as possible, supposed or asked?

A cue hedges the clauses it governs, not the paragraph: "It can be assumed that X" hedges X;
"X. Perhaps Y." hedges only Y. The scope is the chain of heads from the claim's words up to
the sentence root: a modal or hedging adverb on a verb of that chain, a hedging verb in it
("seem", "assume", "allege"), a predicate such as "it is possible that", a condition ("if"),
or a question mark closing the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.nlp.cues import Cue, clause_path

MODALS = frozenset({"may", "might", "could", "would", "will", "'ll", "must"})
HEDGE_ADVERBS = frozenset(
    {
        "perhaps",
        "possibly",
        "maybe",
        "probably",
        "likely",
        "allegedly",
        "reportedly",
        "apparently",
        "seemingly",
        "supposedly",
        "presumably",
        "purportedly",
        "ostensibly",
        "conceivably",
        "arguably",
        "unconfirmed",
    }
)
HEDGE_VERBS = frozenset(
    {
        "seem",
        "appear",
        "assume",
        "suppose",
        "speculate",
        "suspect",
        "allege",
        "presume",
        "guess",
        "rumour",
        "rumor",
        "suggest",
        "believe",
        "estimate",
        "think",
    }
)
HEDGE_PREDICATES = frozenset(
    {
        "possible",
        "likely",
        "unlikely",
        "probable",
        "conceivable",
        "plausible",
        "unclear",
        "uncertain",
        "unconfirmed",
        "rumoured",
        "rumored",
        "alleged",
    }
)
CONDITIONS = frozenset({"if", "unless", "whether"})
HEDGE_PHRASES = ("at worst", "at best", "in all likelihood", "it is said", "some say")
# Believing and thinking hedge only in the passive or impersonal ("is believed", "it is thought").
_PASSIVE_ONLY = frozenset({"believe", "think", "estimate"})


def _phrase_cue(token: Token) -> Cue | None:
    sent = token.sent
    low = sent.text.lower()
    for phrase in HEDGE_PHRASES:
        at = low.find(phrase)
        if at != -1 and sent.start_char + at < token.idx:
            start = sent.start_char + at
            return Cue(token.doc.text[start : start + len(phrase)], start, start + len(phrase))
    return None


def _verb_cue(verb: Token) -> Cue | None:
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "aux" and low in MODALS:
            return Cue.of_tokens(child, child)
        if child.dep_ in ("advmod", "aux", "neg") and low in HEDGE_ADVERBS:
            return Cue.of_tokens(child, child)
        if child.dep_ in ("acomp", "attr") and low in HEDGE_PREDICATES:
            return Cue.of_tokens(child, child)
        if child.dep_ == "mark" and low in CONDITIONS:
            return Cue.of_tokens(child, child)
    lemma = verb.lemma_.lower()
    if lemma in HEDGE_VERBS and verb.pos_ == "VERB":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if lemma not in _PASSIVE_ONLY or passive:
            left = min(
                (
                    c
                    for c in verb.children
                    if c.i < verb.i
                    and (
                        c.dep_ in ("expl", "aux", "auxpass")
                        or (c.dep_ == "nsubjpass" and c.lower_ == "it")
                    )
                ),
                key=lambda c: c.i,
                default=verb,
            )
            return Cue.of_tokens(left, verb)
    return None


def find_hedge(token: Token) -> Cue | None:
    """The cue that hedges the clause of `token`, or None when it is asserted."""
    for node in clause_path(token):
        if node.lower_ in HEDGE_ADVERBS and node.dep_ in ("advmod", "amod"):
            return Cue.of_tokens(node, node)
        for child in node.children:  # "perhaps 20 soldiers": the adverb on the number
            if child.lower_ in HEDGE_ADVERBS and child.dep_ in ("advmod", "quantmod"):
                return Cue.of_tokens(child, child)
        if node.pos_ in ("VERB", "AUX", "ADJ") or node.dep_ == "ROOT":
            cue = _verb_cue(node)
            if cue is not None:
                return cue
    phrase = _phrase_cue(token)
    if phrase is not None:
        return phrase
    last = token.sent[-1]
    while last.is_space and last.i > token.sent.start:
        last = last.nbor(-1)
    if last.text == "?":
        return Cue.of_tokens(last, last)
    return None
