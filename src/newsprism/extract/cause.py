"""Cause claims: what or who caused the event itself, and denials of it.

Blaming and causing differ ("Hamas blamed Israel" is an accusation; "an Israeli strike hit
the convoy" states a cause). A cause is read from the parse in four shapes:

- an act verb with its doer: "Russian forces hit the theatre", "the prison was shelled by
  the army", "two dams collapsed", "Storm Daniel hit the coast";
- a mechanism noun with its owner: "a Russian airstrike", "shelling by Russian troops",
  "Russia's bombing", "an explosion carried out by X";
- a causal link: "caused by", "due to", "as a result of", "X triggered the collapse";
- a denial: "X denied bombing the theatre", "X denied responsibility", "X did not carry out
  strikes", "not caused by Ukrainian rockets" (agent X, `negated`).

The agent is named only when the text names it: an adjective of nationality on the mechanism
("a Russian strike"), a possessive, a "by" phrase or the verb's subject. A weapon's maker
("U.S.-made rockets") is not its user. A bare mechanism without an agent is kept when it is
the article's first such mention or is not anaphoric ("a missile strike", not "the strike"):
later mentions of "the attack" refer back to a cause already stated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsprism.extract.cause_words import (
    ACCUSING_VERBS,
    ACT_ONLY,
    ACT_VERBS,
    ACTOR_ENTS,
    ACTOR_NOUNS,
    ANAPHORIC_DETS,
    ATTRIBUTING_VERBS,
    CAUSAL_PREPOSITIONS,
    CAUSAL_VERBS,
    CHARGE_NOUNS,
    DENIED_NOUNS,
    DENY_VERBS,
    EFFECT_NOUNS,
    EFFECT_VERBS,
    FAIL_VERBS,
    FAILING_NOUNS,
    FORCE_NOUNS,
    GENERIC_ACT_NOUNS,
    HARM_LEMMAS,
    LIE_WORDS,
    MAKER_SUFFIXES,
    MECHANISM_NOUNS,
    NAMING_VERBS,
    NATURAL_NOUNS,
    NOT_ACTORS,
    PLANTING_VERBS,
    SITUATION_WORDS,
    STRUCTURAL_NOUNS,
    STRUCTURE_NOUNS,
    USE_VERBS,
    WEAPON_NOUNS,
)
from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.claims import sentence_claim
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import direct_objects, entity_id, entity_tokens
from newsprism.extract.events import EVENT_NOUNS
from newsprism.extract.registry import claim_extractor
from newsprism.extract.resolve import AliasTable, entity_key
from newsprism.model.types import CauseValue, Claim
from newsprism.nlp.attribution import SPEECH_VERBS
from newsprism.nlp.gazetteer import load_gazetteer


@dataclass
class Found:
    """One cause statement in a sentence: the cue, the agent's token and the polarity."""

    cue: Token
    agent: Token | None
    negated: bool
    mechanism: str | None
    verbal: bool  # an act verb or causal link, not a bare noun


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_actor(tok: Token | None) -> bool:
    """Whether a token can name who did something: a named actor or a group noun."""
    if tok is None or tok.lower_ in NOT_ACTORS or tok.pos_ == "PRON":
        return False
    if not any(ch.isalpha() for ch in tok.text):
        return False  # a hyphen or a number the parser took for a name
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
        return False
    if (
        tok.ent_type_ == "NORP"
        and tok.tag_ == "NNPS"
        and not any(c.dep_ == "det" for c in tok.children)
    ):
        return False  # "Palestinians swarmed the trucks": people in a crowd, not a party
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.lower_ in ACTOR_NOUNS or _lemma(tok) in ACTOR_NOUNS:
        return True
    return tok.pos_ == "PROPN"


def _maker(tok: Token) -> bool:
    """'U.S.-made', 'US-supplied': the weapon's maker or supplier, not its user."""
    right = tok.doc[tok.i + 1 : tok.i + 3]
    text = "".join(t.text_with_ws for t in right).lower()
    return any(text.startswith(f"-{s}") for s in MAKER_SUFFIXES) or tok.lower_.endswith(
        tuple(f"-{s}" for s in MAKER_SUFFIXES)
    )


def _noun_agent(noun: Token) -> Token | None:
    """The owner of a mechanism: 'Russian strike', "Russia's bombing", 'shelling by troops'."""
    for child in noun.children:
        if child.dep_ == "poss" and is_actor(child):
            return child
        # "a Russian strike", "a Hamas attack"; a place before the noun is where, not who
        # ("the Beira theatre airstrike").
        # A weapon's name before the noun ("a HIMARS strike") is no actor, so an
        # organisation counts only before a generic act ("a Hamas attack").
        labels: tuple[str, ...] = ("NORP",)
        if noun.lower_ in GENERIC_ACT_NOUNS:
            labels = ("NORP", "ORG")
        if noun.lower_ in NATURAL_NOUNS or noun.lower_.startswith("flood"):
            labels = ()  # "the Libyan floods": where, since nobody makes a flood
        if (
            child.dep_ in ("amod", "compound", "nmod")
            and child.ent_type_ in labels
            and not _maker(child)
            and not _place_word(child)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj" and is_actor(obj):
                    return obj
        if child.dep_ == "acl":  # "rockets launched by Ukrainian forces"
            doer = _by_agent(child)
            if doer is not None and is_actor(doer):
                return doer
            source = _launched_from(child)
            if source is not None:
                return source
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "by":  # a misattached "by" phrase
        doer = next((t for t in doc[noun.i + 2 : noun.i + 6] if t.pos_ in ("NOUN", "PROPN")), None)
        if doer is not None and is_actor(doer) and doer.head.i <= noun.i + 2 + 4:
            return doer
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB":
        doer = _subject(noun.head.head)  # "X killed them with a HIMARS strike"
        if is_actor(doer):
            return doer
    # "twin Russian strikes": the adjective may hang on a coordinated or compound word.
    for child in noun.children:
        if child.dep_ == "compound" and child.lower_ in MECHANISM_NOUNS:
            found = _noun_agent(child)
            if found is not None:
                return found
    return None


def _launched_from(verb: Token) -> Token | None:
    """'bombs dropped from a Russian jet', 'a missile fired from an Israeli ship': the owner
    of the platform a weapon came from."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for platform in prep.children:
            if platform.dep_ != "pobj" or _place_word(platform):
                continue
            for child in platform.children:
                if child.dep_ == "poss" and is_actor(child):
                    return child
                if (
                    child.dep_ in ("amod", "compound")
                    and child.ent_type_ == "NORP"
                    and not _maker(child)
                ):
                    return child
    return None


def _place_word(tok: Token) -> bool:
    """A place name, by the tagger or the gazetteer (the tagger calls some towns ORG)."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    demonyms = _shipped_table().demonyms
    if not tok.text[:1].isupper() or entity_key(tok.text) in demonyms:
        return False  # "Russian", "Saudi": a people's name, whatever a town is called
    return load_gazetteer().is_place(tok.text, strict=True)


@functools.cache
def _shipped_table() -> AliasTable:
    return AliasTable.load()


@functools.cache
def _armed_bodies() -> frozenset[str]:
    """Names of the known bodies that are a state's armed forces: any of their names says so
    ("IDF" is also "Israel Defense Forces")."""
    words = ("forces", "army", "military")
    return frozenset(
        c.name for key, c in _shipped_table().by_key.items() if any(w in key.split() for w in words)
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                before = verb.doc[child.i - 1] if child.i > 0 else None
                if not is_actor(verb.head) and is_actor(before):
                    return before  # "actions by the X side that used ...": the parser's head
                return verb.head
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if (
        verb.dep_ == "pcomp"
        and verb.head.head.pos_ in ("VERB", "AUX")
        and _lemma(verb.head.head) not in ACCUSING_VERBS | DENY_VERBS
    ):
        above = verb.head.head
        if _lemma(above) in NAMING_VERBS and above.dep_ == "ccomp" and above.head.pos_ == "VERB":
            # "X committed what he called a provocation by blowing up ...": X's act.
            return _subject(above.head)
        return _subject(above)  # "by delivering a bomb attack, Russia committed"
    return None


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubjpass",)), None)


def _by_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _objects(verb: Token) -> list[Token]:
    return direct_objects(verb)


def _has_particle(verb: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in verb.children)


def _act_verb(verb: Token) -> bool:
    """Whether a verb states the act that did the harm."""
    lemma = _lemma(verb)
    if lemma not in ACT_VERBS:
        return False
    if lemma == "blow":
        return _has_particle(verb, "up")
    if lemma in PLANTING_VERBS:
        # "placed explosives inside the building": laying a charge is the act.
        return any(_lemma(o) in CHARGE_NOUNS for o in _objects(verb))
    if lemma in ("carry", "deliver", "launch", "drop", "open"):
        words = {_lemma(o) for o in _objects(verb)} | {
            _lemma(s) for s in [_passive_subject(verb)] if s is not None
        }
        if lemma in ("drop", "launch"):
            # "bombs dropped from a jet" parsed with the bombs as the subject: bombs do not
            # drop themselves, so it is the reduced passive.
            words |= {_lemma(c) for c in verb.children if c.dep_ == "nsubj"}
        if lemma == "carry" and not _has_particle(verb, "out"):
            return False
        if lemma == "open":
            return "fire" in words
        return bool(words & (MECHANISM_NOUNS | GENERIC_ACT_NOUNS | {"provocation", "hit"}))
    if lemma == "fire":
        return verb.pos_ == "VERB"
    return verb.pos_ == "VERB"


def _mechanism_of(tok: Token) -> str:
    """A short phrase for the mechanism: the noun with its compounds ('missile strike')."""
    if tok.pos_ in ("NOUN", "PROPN"):
        left = [c for c in tok.lefts if c.dep_ == "compound"]
        first = min([tok, *left], key=lambda t: t.i)
        return tok.doc[first.i : tok.i + 1].text
    if _lemma(tok) == "blow":
        return "blowing up"
    named = _objects(tok) + [s for s in [_passive_subject(tok), _subject(tok)] if s is not None]
    for obj in named:
        if obj.lower_ in MECHANISM_NOUNS | GENERIC_ACT_NOUNS or _lemma(obj) in CHARGE_NOUNS:
            return _mechanism_of(obj)
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        for obj in prep.children:  # "crushed in a stampede", "killed with rockets"
            if obj.dep_ == "pobj" and obj.lower_ in MECHANISM_NOUNS:
                return _mechanism_of(obj)
    return _lemma(tok)


def _denial(tok: Token) -> Token | None:
    """The deny verb a cue sits under ("denied bombing", "denied that its forces struck")."""
    node = tok
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if _lemma(head) in DENY_VERBS:
            return head
        if _lemma(head) in ("say", "claim", "state") and node.dep_ == "ccomp":
            return None  # "X denied that Y said Z": only the nearest clause counts
        if node.dep_ == "conj":
            return None  # "denied that ... and stated that ...": the second is asserted
        node = head
    return None


def _called_false(tok: Token) -> bool:
    """'called the statements about the shelling "an outright lie"', 'disinformation about
    the detonation'."""
    for node in list(tok.ancestors)[:4]:
        if node.lower_ in LIE_WORDS and node.pos_ == "NOUN":
            return True
    for node in list(tok.ancestors)[:5]:
        if node.pos_ in ("VERB", "AUX") and any(
            c.lower_ in LIE_WORDS or any(g.lower_ in LIE_WORDS for g in c.children)
            for c in node.children
            if c.dep_ in ("oprd", "attr", "xcomp", "acomp", "dobj", "ccomp")
            and not tok.is_ancestor(c)
            and c != tok
        ):
            return True
    return False


def _negated(tok: Token) -> bool:
    """A negation on the cue's own clause: 'did not carry out', 'was not caused by', 'no
    strikes'."""
    if _called_false(tok):
        return True
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "attr") and head != tok:
        if head.dep_ in ("prep", "agent"):
            head = head.head
        return any(c.dep_ == "neg" for c in head.children)
    if tok.dep_ == "relcl" and head.dep_ in ("attr", "nsubj"):
        # "It was not an Israeli missile that hit the hospital": the cleft's negation.
        return any(c.dep_ == "neg" for c in head.head.children)
    return False


def _verb_found(verb: Token) -> Found | None:
    """An act verb: its doer from the active subject, the 'by' phrase or the mechanism."""
    lemma = _lemma(verb)
    if verb.dep_ == "amod" and _by_agent(verb) is None:
        return None  # "the worst-hit city": a description, not an act
    doer = _accused_of(verb)
    if doer is not None:
        return Found(verb, doer, _negated(verb), _mechanism_of(verb), True)
    passive = _passive_subject(verb) is not None or (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and not any(c.dep_ == "nsubj" for c in verb.children)  # "claims that X had bombed"
    )
    agent: Token | None
    weapon: Token | None = None  # "hit by a missile": the mechanism is the missile
    if passive:
        agent = _by_agent(verb)
        if agent is not None and not is_actor(agent):
            weapon = agent if agent.lower_ in MECHANISM_NOUNS else None
            agent = _noun_agent(agent) if weapon is not None else None
        subject = _passive_subject(verb)
        if agent is None and subject is not None and subject.lower_ in MECHANISM_NOUNS:
            agent = _noun_agent(subject)  # "a Russian strike was carried out"
    else:
        subject = _subject(verb)
        if (
            subject is not None
            and subject.lower_ in ("it", "they")
            and verb.dep_ == "ccomp"
            and _lemma(verb.head) in SPEECH_VERBS | DENY_VERBS
            and is_actor(_subject(verb.head))
        ):
            subject = _subject(verb.head)  # "The army said it did not fire": the army
        if (
            subject is not None
            and subject.lower_ == "it"
            and verb.dep_ in ("advcl", "conj")
            and _lemma(verb.head) not in SPEECH_VERBS
        ):
            # "Russia committed a war crime when it targeted a theatre": the main clause's doer.
            outer = _subject(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
            subject = outer if is_actor(outer) else subject
        if subject is not None and subject.lower_ in ("tanks", "tank", "drones", "drone"):
            agent = _noun_agent(subject)  # "Israeli tanks fired": the tanks' owner
            if agent is None:
                return None
        elif subject is not None and (
            subject.lower_ in MECHANISM_NOUNS | GENERIC_ACT_NOUNS | NATURAL_NOUNS
        ):
            agent = _noun_agent(subject) or _named(subject) or _launched_from(verb)
            if agent is None and subject.lower_ in GENERIC_ACT_NOUNS and not _negated(verb):
                return None  # "a flash flood struck the city": the event itself
        else:
            agent = subject if is_actor(subject) else None
        if agent is None and lemma in ("hit", "strike", "destroy") and subject is None:
            return None
        # "it hit the building": a mechanism must be named for the clause to count.
        if (
            subject is not None
            and not is_actor(subject)
            and agent is None
            and subject.lower_ not in MECHANISM_NOUNS | GENERIC_ACT_NOUNS | NATURAL_NOUNS
        ):
            return None
    deny = _denial(verb)
    negated = _negated(verb) or deny is not None
    if deny is not None and agent is None:
        agent = _subject(deny) if is_actor(_subject(deny)) else None
    if (
        agent is None
        and lemma in EFFECT_VERBS
        and not negated
        and not (passive and lemma in ACT_ONLY)
    ):
        return None  # "the building was destroyed": the effect, not its cause
    if agent is None and lemma in ("carry", "deliver", "launch") and not negated:
        named = {o.lower_ for o in _objects(verb)} | {
            s.lower_ for s in [_passive_subject(verb)] if s is not None
        }
        if named <= GENERIC_ACT_NOUNS:
            return None  # "carrying out the attack": the event, no cause named
    mechanism = _mechanism_of(weapon) if weapon is not None else _mechanism_of(verb)
    return Found(verb, agent, negated, mechanism, True)


def _named(noun: Token) -> Token | None:
    """'Storm Daniel', 'a storm dubbed Daniel': the mechanism's own name, when it has one."""
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "acl":
            for grand in child.children:
                if grand.dep_ in ("oprd", "attr", "dobj") and grand.pos_ == "PROPN":
                    return grand
    if noun.pos_ == "PROPN":
        return noun
    return None


def _fail_found(verb: Token) -> Found | None:
    """'two dams collapsed', 'the dam burst': a structure's failure, no agent."""
    if _lemma(verb) not in FAIL_VERBS or verb.pos_ != "VERB":
        return None
    if _lemma(verb) == "give" and not _has_particle(verb, "way"):
        return None
    broken = [
        o
        for o in verb.children
        if o.dep_ in ("dobj", "obj", "npadvmod") and _lemma(o) in STRUCTURE_NOUNS
    ]
    if broken:  # "the floods that burst two dams", "bursting two dams"
        doer = _subject(verb)
        agent = _named(doer) if doer is not None and doer.lower_ in NATURAL_NOUNS else None
        if agent is None and doer is not None and is_actor(doer):
            agent = None if doer.lower_ in GENERIC_ACT_NOUNS else doer
        return Found(verb, agent, _negated(verb), f"{_lemma(broken[0])} {_lemma(verb)}", True)
    subject = _subject(verb) or _passive_subject(verb)
    if subject is None or _lemma(subject) not in STRUCTURE_NOUNS:
        return None
    return Found(verb, None, _negated(verb), f"{_lemma(subject)} {_lemma(verb)}", True)


def _causal_found(tok: Token) -> Found | None:
    """'caused by Storm Daniel', 'due to negligence', 'as a result of Russian bombing'."""
    lemma = _lemma(tok)
    cause: Token | None = None
    if lemma in ATTRIBUTING_VERBS:
        pass
    elif lemma in CAUSAL_VERBS and tok.pos_ == "VERB":
        if _passive_subject(tok) is not None or tok.tag_ == "VBN":
            effect = _passive_subject(tok) or (tok.head if tok.dep_ == "acl" else None)
            cause = _by_agent(tok)
        elif lemma == "result" and any(c.lower_ == "from" for c in tok.children):
            # "fatalities resulting from trampling": the cause follows "from"
            effect = _subject(tok) or (tok.head if tok.dep_ in ("acl", "advcl") else None)
            cause = next(
                (
                    g
                    for c in tok.children
                    if c.lower_ == "from"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        else:
            effect = next(iter(_objects(tok)), None) or next(
                (
                    g
                    for c in tok.children
                    if c.dep_ == "prep"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            cause = _subject(tok)
        if not _harmful(effect):
            return None
    elif lemma in CAUSAL_PREPOSITIONS:
        head = tok.head
        if not any(_harmful(t) for t in (head, head.head, _subject(head), _subject(head.head))):
            return None
        for node in [tok, *tok.children, *(g for c in tok.children for g in c.children)]:
            if node.dep_ == "pobj":
                cause = node
                break
    if lemma in ATTRIBUTING_VERBS and tok.pos_ == "VERB":
        effect = next(iter(_objects(tok)), None) or _passive_subject(tok)
        target = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children),
            None,
        )
        if _harmful(effect) and target is not None:
            cause = target
    if cause is None or cause.lower_ in NOT_ACTORS:
        return None
    negated = _negated(tok) or _denial(tok) is not None
    if is_actor(cause) and cause.lower_ not in MECHANISM_NOUNS:
        return Found(tok, cause, negated, None, True)
    causes = MECHANISM_NOUNS | FAILING_NOUNS | GENERIC_ACT_NOUNS | NATURAL_NOUNS
    if {cause.lower_, _lemma(cause)} & causes:
        agent = _noun_agent(cause) or _named(cause)
        # "as a result of the strike" refers back to a cause already stated.
        verbal = agent is not None or negated or not _anaphoric(cause)
        return Found(tok if verbal else cause, agent, negated, _mechanism_of(cause), verbal)
    if lemma == "cause" and cause.pos_ == "NOUN":
        return Found(tok, None, negated, _mechanism_of(cause), True)  # "caused by a gas leak"
    return None


def _of_structure(noun: Token) -> bool:
    """'the collapse of two dams', "the dams' failure", 'dam failure'."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and _lemma(child) in STRUCTURE_NOUNS:
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if _lemma(obj) in STRUCTURE_NOUNS or _of_structure(obj):
                    return True  # "the collapse of a series of dams"
    return False


def _harmful(tok: Token | None) -> bool:
    """Whether a word names the event's harm: deaths, destruction, a collapse, a disaster."""
    if tok is None:
        return False
    if tok.lower_ in ("it", "which", "this", "that"):
        return True  # the event itself, referred to
    words = {tok.lower_, _lemma(tok)}
    harm = EFFECT_NOUNS | HARM_LEMMAS | GENERIC_ACT_NOUNS | MECHANISM_NOUNS | EVENT_NOUNS
    return bool(words & harm)


def _nominal(tok: Token) -> bool:
    """A word in a noun's place whatever its tag: a headline's "Strike on clinic kills 31"."""
    return tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children
    )


def _noun_found(noun: Token) -> Found | None:
    """A mechanism noun: 'a Russian airstrike', 'shelling by Russian troops'."""
    low = noun.lower_
    if (noun.pos_ not in ("NOUN", "PROPN") and not _nominal(noun)) or noun.dep_ == "compound":
        return None
    if low not in MECHANISM_NOUNS | GENERIC_ACT_NOUNS | NATURAL_NOUNS:
        return None
    if low in STRUCTURAL_NOUNS and not _of_structure(noun):
        return None
    if low == "fire" and not any(c.dep_ in ("amod", "compound", "poss") for c in noun.children):
        return None  # "lit a fire": gunfire is "Israeli fire", "tank fire", "live fire"
    agent = _noun_agent(noun)
    if low in GENERIC_ACT_NOUNS and agent is None:
        return None
    if low in NATURAL_NOUNS:
        agent = _named(noun)
        if agent is None:
            return None
    if agent is None and _generic_situation(noun):
        return None
    deny = _denial(noun)
    negated = _negated(noun) or deny is not None
    if deny is not None and agent is None and _subject(deny) is not None:
        agent = _subject(deny) if is_actor(_subject(deny)) else None
    return Found(noun, agent, negated, _mechanism_of(noun), False)


def _responsible(adj: Token) -> Found | None:
    """'X was (not) responsible for the bombing': agent X, negated with the negation."""
    if adj.lower_ != "responsible" or adj.dep_ not in ("acomp", "attr", "oprd"):
        return None
    verb = adj.head
    fors = [c for c in [*adj.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "for"]
    objects = [g for f in fors for g in f.children if g.dep_ in ("pobj", "pcomp")]
    if not objects or not any(_harmful(o) or o.pos_ == "VERB" for o in objects):
        return None  # "the office responsible for the Palestinians": a duty, not a cause
    subject = _subject(verb)
    if not is_actor(subject):
        return None
    negated = any(c.dep_ == "neg" for c in verb.children) or _denial(verb) is not None
    return Found(adj, subject, negated, None, True)


def _used_weapon(verb: Token) -> Found | None:
    """'Ukraine used HIMARS launchers in the attack': the user of a weapon is the agent."""
    if _lemma(verb) not in USE_VERBS or verb.pos_ != "VERB":
        return None
    if verb.tag_ == "VBG" and any(c.lower_ == "been" for c in verb.children):
        return None  # "Russia has been using thermobaric weapons": a habit, not this act
    weapons = [
        o
        for o in _objects(verb)
        if o.lower_ in MECHANISM_NOUNS | WEAPON_NOUNS
        or (o.pos_ == "PROPN" and any(t.lower_ in MECHANISM_NOUNS for t in o.lefts))
    ]
    subject = _subject(verb)
    if not weapons or not is_actor(subject):
        return None
    negated = _negated(verb) or _denial(verb) is not None
    return Found(verb, subject, negated, _mechanism_of(weapons[0]), True)


def _generic_situation(noun: Token) -> bool:
    """'under heavy bombardment', 'ongoing shelling', 'shelters built to withstand
    airstrikes': a state of war or a kind of threat, not this event's cause."""
    if any(c.lower_ in SITUATION_WORDS for c in noun.children):
        return True
    if noun.head.lower_ == "under":
        return True
    if noun.head.lower_ == "with" and _lemma(noun.head.head) in HARM_LEMMAS:
        return False  # "killed with thermobaric weapons": how they died
    has_det = any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    plural = noun.tag_ in ("NNS", "NNPS")
    return plural and not has_det


def _denied_act(verb: Token) -> Found | None:
    """'X denied responsibility', 'X rejected the accusations': agent X, negated."""
    if _lemma(verb) not in DENY_VERBS:
        return None
    if not any(_lemma(o) in DENIED_NOUNS or o.lower_ in DENIED_NOUNS for o in _objects(verb)):
        return None
    subject = _subject(verb)
    return Found(verb, subject if is_actor(subject) else None, True, None, True)


def _accused_of(tok: Token) -> Token | None:
    """'accused Ukraine of striking': the accused is the doer of the act (the "of" phrase may
    hang on the verb or on the accused)."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "of":
        return None
    owner = tok.head.head
    if owner.pos_ in ("NOUN", "PROPN") and _lemma(owner.head) in ACCUSING_VERBS:
        return owner if is_actor(owner) else None
    if _lemma(owner) not in ACCUSING_VERBS:
        return None
    if owner.dep_ in ("acl", "amod"):  # "police accused of firing on the crowd"
        return owner.head if is_actor(owner.head) else None
    objects = [o for o in _objects(owner) if is_actor(o)]
    if objects:
        return objects[0]
    if not _objects(owner) and _passive_subject(owner) is None:
        subject = _subject(owner)  # a headline's "Police accused of firing on crowd"
        return subject if is_actor(subject) else None
    if any(o.lower_ in ("which", "who", "whom") for o in _objects(owner)) and owner.dep_ == "relcl":
        return owner.head if is_actor(owner.head) else None  # "X, which it accused of ..."
    passive = _passive_subject(owner)
    return passive if is_actor(passive) else None


def causes_in(sent: Span) -> list[Found]:
    """Every cause statement of one sentence, before deduplication."""
    found: list[Found] = []
    for tok in sent:
        item = None
        if tok.pos_ in ("VERB", "AUX") and not _nominal(tok):
            item = _denied_act(tok) or _fail_found(tok) or _causal_found(tok) or _used_weapon(tok)
            if item is None and _act_verb(tok):
                item = _verb_found(tok)
                doer = _accused_of(tok)
                if item is not None and doer is not None:
                    item.agent = doer
        elif _lemma(tok) in CAUSAL_PREPOSITIONS or tok.lower_ in CAUSAL_PREPOSITIONS:
            item = _causal_found(tok)
        elif tok.pos_ == "ADJ":
            item = _responsible(tok)
        else:
            item = _noun_found(tok)
            if item is not None and tok.dep_ == "pcomp":
                doer = _accused_of(tok)
                item.agent = doer or item.agent
        if item is not None:
            found.append(item)
    # "X denied accusations that Y bombed it": the denial is of Y's act, stated by the clause.
    found = [f for f in found if not _denial_stated_inside(f, found)]
    # "rocket or artillery strikes": one statement, however many nouns name the mechanism.
    cues = {f.cue.i for f in found}
    found = [f for f in found if f.verbal or f.cue.head.i not in cues or f.cue.dep_ != "conj"]
    # A noun inside a verbal statement ("not caused by Ukrainian rockets") is part of it,
    # unless it names an agent of its own that the statement does not.
    kept = []
    for f in found:
        inside = [
            v
            for v in found
            if v.verbal and v is not f and (_in_clause(f.cue, v.cue) or v.cue.head.i == f.cue.i)
        ]
        if not f.verbal and any(
            f.agent is None or v.negated or (v.agent is not None and v.agent.i == f.agent.i)
            for v in inside
        ):
            continue
        kept.append(f)
    return kept


def _denial_stated_inside(item: Found, found: list[Found]) -> bool:
    """Whether a bare denial ("X denied the accusations") has a denied act with its own
    agent in a clause under it, which says better what is denied."""
    if _lemma(item.cue) not in DENY_VERBS:
        return False
    for other in found:
        deny = _denial(other.cue) if other is not item else None
        if deny is not None and deny.i == item.cue.i and other.agent is not None:
            return True
    return False


def _in_clause(tok: Token, verb: Token) -> bool:
    """Whether a token is an argument of a verb's own clause, not of a clause under it."""
    node = tok
    while node.i != verb.i:
        if node.head.i == node.i:
            return False
        if node.dep_ in _CLAUSE_DEPS and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True


_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp", "acl"})


def _keep(items: list[Found]) -> list[Found]:
    """One claim per agent and polarity in a sentence; an agent-less cue only when alone."""
    with_agent = [f for f in items if f.agent is not None]
    kept: list[Found] = []
    seen: set[tuple[int, bool]] = set()
    for f in with_agent:
        assert f.agent is not None
        key = (f.agent.i, f.negated)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    # Without an agent, one claim per polarity: a sentence that names a doer has said who,
    # and its other mechanisms are that doer's means ("a Russian jet dropped two bombs").
    polarity = {f.negated for f in kept}
    for f in items:
        if f.agent is None and f.negated not in polarity:
            polarity.add(f.negated)
            kept.append(f)
    return kept


def _anaphoric(tok: Token) -> bool:
    """'the strike', 'this bombing': a mention that refers back rather than states. "The
    collapse of two dams" states: its "of" phrase says which."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETS for c in tok.children)


def _agent_span(tok: Token) -> Span:
    """The agent's words: a name with its compounds, or a group noun with its modifiers."""
    doc = tok.doc
    extent = entity_tokens(tok)
    if extent is not None:
        return doc[extent[0] : extent[1]]
    left = tok
    for child in sorted(tok.lefts, key=lambda t: -t.i):
        hyphenated = any(t.text == "-" for t in child.subtree) or (
            child.i > 0 and doc[child.i - 1].text == "-"
        )
        if child.dep_ in ("compound", "amod", "poss", "nmod") and not _maker(child):
            if hyphenated:
                break  # "neo-Nazi Tiger militants": the group, not the epithet
            left = min(left, child.left_edge, key=lambda t: t.i)
    return doc[left.i : tok.i + 1]


def _named_forces_before(tok: Token) -> Token | None:
    """The forces a bare "troops" or "the army" refers back to: the last ones the article
    named with their state ("Israeli troops", "Russia's army")."""
    if tok.lower_ not in FORCE_NOUNS or any(
        c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children
    ):
        return None
    table = _shipped_table()
    for before in reversed(tok.doc[: tok.i]):
        if before.lower_ in FORCE_NOUNS and any(
            (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ == "NORP")
            or (c.dep_ == "poss" and c.ent_type_ == "GPE")
            for c in before.children
        ):
            return before
        if before.ent_type_ == "ORG" and before.ent_iob_ == "B":
            known = table.lookup(_agent_span(before).text)
            if known is not None and known.part_of and known.name in _armed_bodies():
                return before  # "the army" after "the IDF"
    return None


def _town(tok: Token) -> bool:
    """A town or city named as a doer ("Gaza City, Gaza - Israeli forces ..." parsed so): a
    place does nothing; a state, by its name, does."""
    if tok.ent_type_ not in ("GPE", "LOC", "FAC") and not _place_word(tok):
        return False
    place = load_gazetteer().lookup(_agent_span(tok).text)
    return place is not None and place.kind == "city"


def _agent_id(ctx: ArticleContext, tok: Token) -> str:
    """The agent's entity: a demonym is its state, 'mercenaries of X' is X, "its forces"
    are the forces of the state the sentence's speaker belongs to."""
    owner = next(
        (c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
    )
    if owner is not None:
        speaker = _outer_subject(tok)
        state = _state_of(ctx, speaker) if speaker is not None else None
        if state is None and speaker is not None and is_actor(speaker):
            return ctx.entity_for(_agent_span(speaker))  # "the army denied its soldiers ..."
        if state is not None:
            organ = ctx.table.organ(state, tok.lower_)
            if organ is not None:
                ent = ctx.add_entity(
                    organ, f"{state} {tok.text}", "ORG", tok.idx, tok.idx + len(tok.text)
                )
                return entity_id(ent.key)
            if speaker is not None and is_actor(speaker):
                return ctx.entity_for(_agent_span(speaker))  # "the army denied its jets ..."
    if tok.lower_ in ACTOR_NOUNS or _lemma(tok) in ACTOR_NOUNS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                if named:
                    return ctx.entity_for(_agent_span(named[0]))
    earlier = _named_forces_before(tok)
    if earlier is not None:
        return _agent_id(ctx, earlier)  # "troops opened fire" after "Israeli troops"
    span = _agent_span(tok)
    if len(span) == 1:
        people = ctx.table.state_of(tok.text) or ctx.table.state_of(tok.lemma_)
        if people is not None:
            ent = ctx.add_entity(people, tok.text, "GPE", tok.idx, tok.idx + len(tok.text))
            return entity_id(ent.key)
    return ctx.entity_for(span)


def _body_spoken_for(ctx: ArticleContext, cue: Token) -> str | None:
    """'army spokesman Colonel X said': the army, the body its speaker speaks for."""
    said = cue._.attribution
    if said is None:
        return None
    for tok in said.speaker:
        if tok.dep_ in ("compound", "amod", "poss") and (
            tok.lower_ in ACTOR_NOUNS or tok.ent_type_ in ("ORG", "NORP", "GPE")
        ):
            return _agent_id(ctx, tok)
    return None


def _speaking_subject(cue: Token) -> Token | None:
    """The subject of the deny or accuse verb a cause is stated under, or is."""
    for node in [cue, *list(cue.ancestors)[:3]]:
        if _lemma(node) in DENY_VERBS | ACCUSING_VERBS and node.pos_ == "VERB":
            if not any(c.dep_ == "nsubj" for c in node.children):
                return None  # "police were accused of firing": nobody named speaks
            if _lemma(node) in ACCUSING_VERBS and not _objects(node):
                return None  # a headline's "Police accused of firing": they are accused
            subject = _subject(node)
            if subject is None or any(c.dep_ == "conj" for c in subject.children):
                return None  # "X and Y accused each other": neither alone
            if subject.lower_ in ("it", "they") or is_actor(subject):
                return subject
            return None
    return None


def _outer_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb above a token's own clause ("the ministry denied that
    its forces ...": the ministry)."""
    node = tok
    seen_verb = False
    for node in tok.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            if seen_verb:
                return _subject(node)
            seen_verb = True
    return None


def _state_of(ctx: ArticleContext, tok: Token) -> str | None:
    """The state an actor belongs to: itself, or the state its organ is part of."""
    eid = ctx.entity_for(_agent_span(tok))
    for ent in ctx.entities:
        if entity_id(ent.key) == eid:
            canonical = ent.canonical
            if canonical is not None and canonical.part_of:
                return canonical.part_of
            if ent.label == "GPE":
                return ent.name
    return None


def _yes_no_question(sent: Span) -> bool:
    """'Would X target its own soldiers?': a question that asks whether, not why."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or sent.text.rstrip()[-1:] != "?":
        return False
    first = words[0] if words[0].lower_ not in ("but", "and", "so") or len(words) < 2 else words[1]
    return first.tag_ == "MD" or first.lemma_.lower() in ("be", "do", "have")


def _called_a_lie(sent: Span) -> Token | None:
    """'This is a lie', 'Zakharova called it a "lie"', 'the version is a fabrication': a
    sentence that calls what was said false, naming no cause itself."""
    for tok in sent:
        if tok.lower_ not in LIE_WORDS:
            continue
        head = tok.head
        if tok.dep_ in ("attr", "acomp") and _lemma(head) == "be":
            return tok  # "this is a lie"
        if tok.dep_ in ("oprd", "xcomp", "dobj", "pobj") and _lemma(head) in NAMING_VERBS:
            return tok  # "called it a lie"
        if tok.dep_ == "pobj" and _lemma(head.head) in NAMING_VERBS:
            return tok  # "dubbing the accusations as a lie"
    return None


def _denial_of_last(
    ctx: ArticleContext, claims: list[Claim], sent: Span, cue: Token
) -> Claim | None:
    """A lie-calling sentence denies the cause the article stated last: its agent, negated."""
    stated = [
        c
        for c in claims
        if isinstance(c.value, CauseValue) and c.value.agent and not c.value.negated
    ]
    if not stated:
        return None
    last = stated[-1].value
    assert isinstance(last, CauseValue)
    value = CauseValue(agent=last.agent, mechanism=last.mechanism, negated=True)
    claim = sentence_claim(ctx.article.id, sent, "cause", value, cue.idx, cue.idx + len(cue.text))
    ctx.add_epistemics(claim, cue)
    if claim.attributed_to is None:
        subject = _subject(cue.head) if cue.head.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.lower_ not in ("this", "it", "that"):
            claim.attributed_to = ctx.speaker_id(_agent_span(subject))
    claim.checkworthy = checkworthy_score(claim)
    return claim


@claim_extractor("cause")
def extract_causes(ctx: ArticleContext) -> list[Claim]:
    """Cause claims of one article's sentences about its own event."""
    claims: list[Claim] = []
    bare_stated = False
    title = (ctx.article.title or "").strip().lower()
    for number, sent in enumerate(ctx.doc.sents):
        if ctx.others.get(sent.start) is not None:
            continue  # a sentence about another incident says nothing of this one's cause
        if _yes_no_question(sent):
            continue  # "But would Ukraine target its own soldiers?" asserts nothing
        found = _keep(causes_in(sent))
        lie = _called_a_lie(sent) if not found else None
        if lie is not None:
            claim = _denial_of_last(ctx, claims, sent, lie)
            if claim is not None:
                claims.append(claim)
        for f in found:
            if f.agent is None and not f.negated and not f.verbal:
                # A headline states; in the body the first bare mechanism does, and later
                # ones with "the" refer back to it.
                headline = number == 0 or (bool(title) and sent.text.strip().lower() == title)
                if bare_stated and not headline and _anaphoric(f.cue):
                    continue
                bare_stated = bare_stated or not headline
            if f.agent is not None and _town(f.agent):
                f.agent = None
            if f.agent is None and not f.mechanism and not f.negated:
                continue  # "X is responsible" with X a town: nothing is left to state
            agent = _agent_id(ctx, f.agent) if f.agent is not None else None
            span = _agent_span(f.agent) if f.agent is not None else None
            lo = min(f.cue.idx, span.start_char) if span is not None else f.cue.idx
            hi = max(f.cue.idx + len(f.cue.text), span.end_char if span is not None else 0)
            cause = CauseValue(agent=agent, mechanism=f.mechanism, negated=f.negated)
            claim = sentence_claim(ctx.article.id, sent, "cause", cause, lo, hi)
            ctx.add_epistemics(claim, f.cue)
            speaker = _speaking_subject(f.cue)
            if speaker is not None:  # "X denied ...", "X accused Y of ...": X's word
                claim.attributed_to = ctx.speaker_id(_agent_span(speaker))
            value = claim.value
            no_such = any(c.lower_ == "no" for c in f.cue.children)
            if isinstance(value, CauseValue) and value.negated and not value.agent and no_such:
                # "there were no such strikes", says X of X (or of the body X speaks for)
                value.agent = _body_spoken_for(ctx, f.cue) or claim.attributed_to
            claim.checkworthy = checkworthy_score(claim)
            claims.append(claim)
    return claims
