"""Responsibility and accusation claims: who claims an act, and who blames whom.

- "X claimed responsibility (for ...)", "X took credit": `responsibility`, value X.
- "X blamed Y", "X accused Y", "Y was blamed by X": `accusation` X -> Y.
- "X organised / orchestrated / masterminded / sponsored the attack", "X is behind the
  attack", "X had a (direct) hand in it", "Y is a tool (in the hands) of X": `accusation`,
  Y or X accused by whoever says so: the quoted speaker, else the article's own voice.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsprism.extract.checkworthy import checkworthy_score
from newsprism.extract.claims import sentence_claim
from newsprism.extract.context import ArticleContext
from newsprism.extract.entities import direct_objects
from newsprism.extract.events import EVENT_NOUNS
from newsprism.extract.registry import claim_extractor
from newsprism.model.types import AccusationValue, Claim, ClaimValue, EntityValue

BLAME_NOUNS = frozenset({"accusations", "blame", "charges", "allegations", "recriminations"})
RECIPROCAL_VERBS = frozenset({"trade", "exchange", "swap"})
SHIFT_VERBS = frozenset({"pin", "lay", "put", "place", "shift", "cast"})
CLAIM_VERBS = frozenset({"claim", "take", "assume", "accept", "admit"})
CREDIT_NOUNS = frozenset({"responsibility", "credit"})
BLAME_VERBS = frozenset({"blame", "accuse", "implicate", "fault"})
# Legal blame: "officials suspected of negligence", "prosecutors charged 12 officials".
CHARGE_VERBS = frozenset({"suspect", "charge", "indict", "convict"})
# What one is charged with or suspected of, for the charge to be a blame for harm.
WRONG_NOUNS = frozenset(
    "negligence mismanagement murder manslaughter crime crimes corruption mistakes "
    "misconduct terrorism involvement role complicity".split()
)
AGENCY_VERBS = frozenset(
    {
        "organize",
        "organise",
        "orchestrate",
        "mastermind",
        "sponsor",
        "fund",
        "finance",
        "order",
        "direct",
        "stage",
        "engineer",
        "plot",
        "commission",
        "instigate",
    }
)
# "X's hand / role / involvement in the attack", "US influence is seen in this attack".
INVOLVEMENT_NOUNS = frozenset(
    {"influence", "involvement", "role", "complicity", "fingerprints", "hand"}
)
_EVENT_OBJECTS = EVENT_NOUNS | {"it", "this", "massacre", "plot"}
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_NOT_ACTORS = frozenset({"it", "this", "that", "which", "who", "what", "there", "one"})


def _expand(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Ukraine and the West")."""
    return [tok, *(c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN"))]


def _subject(verb: Token) -> Token | None:
    """The doer of a verb, seen through relative pronouns, 'wants to' chains and participles."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)  # "X developed relations with ISIS in organising it"
    return None


def _phrase(tok: Token) -> Span:
    """The noun phrase of a token without relative clauses or appositions."""
    left = min((c.left_edge for c in tok.lefts), key=lambda t: t.i, default=tok)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge, key=lambda t: t.i)
    return tok.doc[left.i : right.i + 1]


def _is_actor(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ not in _NOT_ACTORS and tok.pos_ in ("PROPN", "NOUN")


def _event_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") and c.lower_ in _EVENT_OBJECTS for c in verb.children)


def _parties(tok: Token) -> list[Token]:
    """An actor and those coordinated or set beside it ("Russia, Ukraine trade blame")."""
    found = [tok]
    for child in tok.children:
        if child.dep_ in ("conj", "appos") and _is_actor(child):
            found.extend(_parties(child))
    return found


def _reciprocal(verb: Token) -> list[Token] | None:
    """'X and Y accused each other', 'traded accusations', 'blamed on each other': X and Y."""
    lemma = verb.lemma_.lower()
    near = [t for t in verb.subtree if verb in list(t.ancestors)[:3]]
    words = {t.lower_ for t in near}
    each_other = {"each", "other"} <= words or {"one", "another"} <= words
    traded = lemma in RECIPROCAL_VERBS and bool(words & BLAME_NOUNS)
    if not (each_other and lemma in BLAME_VERBS) and not traded:
        return None
    subject = _subject(verb)
    if subject is None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not _is_actor(subject):
        return None
    assert subject is not None
    parties = _parties(subject)
    return parties if len(parties) >= 2 else None


def _crime_doer(crime: Token) -> Token | None:
    """Who a war crime is pinned on: 'a deliberate Russian war crime', 'a war crime by the
    Russians', 'X committed a war crime'."""
    for child in crime.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "ORG", "GPE"):
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            doers = [g for g in child.children if g.dep_ == "pobj" and _is_actor(g)]
            if doers:
                return doers[0]
    after = crime.doc[crime.i + 1] if crime.i + 1 < len(crime.doc) else None
    if after is not None and after.lower_ == "by" and after.head != crime:
        # "called it a war crime by the Russians", the "by" parsed onto "called".
        doers = [g for g in after.children if g.dep_ == "pobj" and _is_actor(g)]
        if doers:
            return doers[0]
    if (
        crime.dep_ == "pobj"
        and crime.head.lower_ == "of"
        and crime.head.head.dep_ in ("dobj", "obj")
    ):
        crime = crime.head.head  # "committed one of the most cynical war crimes"
    if crime.dep_ in ("dobj", "obj") and crime.head.lemma_.lower() == "commit":
        doer = _subject(crime.head)
        return doer if _is_actor(doer) else None
    return None


def _blame_target(tok: Token) -> Token | None:
    """Who is to blame in 'responsibility lies with X', 'X are to blame', 'pin the blame on X'."""
    lemma = tok.lemma_.lower()
    if lemma == "lie" and any(c.lemma_.lower() in CREDIT_NOUNS for c in tok.children):
        return _object_of(tok, "with")
    if lemma == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        return _subject(tok.head)  # "the troops are to blame"
    if lemma == "blame" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in SHIFT_VERBS:
        return _object_of(tok.head, "on") or _object_of(tok, "on")
    return None


def _object_of(tok: Token, preposition: str) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            objects = [g for g in child.children if g.dep_ == "pobj" and _is_actor(g)]
            if objects:
                return objects[0]
    return None


def _accusations(sent: Span) -> Iterator[tuple[Token, Token | None, Token, bool]]:
    """(cue token, accuser or None for "whoever says so", accused, accuser_is_subject)."""
    mutual = [t for t in sent if t.pos_ == "VERB" and _reciprocal(t) is not None]
    for tok in sent:
        lemma = tok.lemma_.lower()
        parties = _reciprocal(tok) if tok.pos_ == "VERB" else None
        if parties is not None:
            for one in parties:
                for other in parties:
                    if one != other:
                        yield tok, one, other, True
            continue
        if mutual and any(m.is_ancestor(tok) for m in mutual):
            continue  # "accused each other of being behind the attack": said already
        target = _blame_target(tok)
        if target is not None:
            yield tok, (_subject(tok.head) if tok.pos_ == "NOUN" else None), target, True
            continue
        if lemma in ("crime", "crimes") and any(c.lower_ == "war" for c in tok.children):
            doer = _crime_doer(tok)
            if doer is not None:
                yield tok, None, doer, False
            continue
        if lemma in BLAME_VERBS and tok.pos_ == "VERB" and _object_of(tok, "on") is not None:
            accused_on = _object_of(tok, "on")
            assert accused_on is not None
            yield tok, _subject(tok) if _is_actor(_subject(tok)) else None, accused_on, True
            continue
        charged = lemma in CHARGE_VERBS and tok.pos_ == "VERB" and _of_wrongdoing(tok)
        if (lemma in BLAME_VERBS or charged) and tok.pos_ == "VERB" and _purpose(tok):
            continue  # "fired upon ... in order to accuse Ukraine": a motive, not an accusation
        if (lemma in BLAME_VERBS or charged) and tok.pos_ == "VERB":
            passive = any(c.dep_ == "nsubjpass" for c in tok.children)
            blamed: Token | None
            blamer: Token | None
            if passive:
                blamed = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
                blamer = agents[0] if agents else None
            else:
                blamed = next(iter(direct_objects(tok)), None)
                blamer = _subject(tok)
            if _is_actor(blamed):
                assert blamed is not None
                for target in _expand(blamed):
                    yield tok, blamer if _is_actor(blamer) else None, target, True
        elif _says_doer_did_it(tok):
            doer = _subject(tok)
            if _is_actor(doer):
                assert doer is not None
                yield tok, None, doer, False
        elif lemma in INVOLVEMENT_NOUNS and tok.pos_ == "NOUN" and _mentions_event(sent):
            owner = next((c for c in tok.children if c.dep_ in ("poss", "compound")), None)
            if _is_actor(owner) and not _negated(tok):
                assert owner is not None
                yield tok, None, owner, False
        elif lemma == "tool" and tok.pos_ == "NOUN":
            owners = [
                g for c in tok.subtree if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            ]
            if owners and _is_actor(owners[0]):
                yield tok, None, owners[0], False


def _purpose(verb: Token) -> bool:
    """'in order to accuse', 'goals - to accuse': an infinitive of purpose."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return to and (verb.head.lower_ == "order" or verb.dep_ in ("advcl", "acl", "appos"))


def _of_wrongdoing(verb: Token) -> bool:
    """'suspected of negligence', 'charged with murder': the charge names a wrong."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ in ("of", "with", "over", "for"):
            words = {t.lower_ for t in prep.subtree} | {t.lemma_.lower() for t in prep.subtree}
            if words & WRONG_NOUNS:
                return True
    return False


def _says_doer_did_it(tok: Token) -> bool:
    """'organised the attack', 'had a hand in it', 'is behind the massacre', 'is responsible
    for the attack'."""
    lemma = tok.lemma_.lower()
    if lemma in AGENCY_VERBS:
        return _event_object(tok) or tok.dep_ == "pcomp"
    if lemma == "have":
        return any(c.lemma_ == "hand" and c.dep_ in ("dobj", "obj") for c in tok.children)
    if lemma != "be" or any(c.dep_ == "neg" for c in tok.children):
        return False
    if any(c.lower_ == "behind" for c in tok.children):
        return True
    # "X is responsible for the attack", said of X by someone else (X itself saying "we are
    # responsible" claims it: a pronoun subject is left to the responsibility slot).
    subject = _subject(tok)
    return (
        subject is not None
        and subject.pos_ != "PRON"
        and any(
            c.lower_ == "responsible"
            and c.dep_ in ("acomp", "attr")
            and any(p.lower_ == "for" and p.dep_ == "prep" for p in c.children)
            for c in tok.children
        )
        and _mentions_event(tok.sent)
    )


def _mentions_event(sent: Span) -> bool:
    return any(t.lower_ in EVENT_NOUNS for t in sent)


def _negated(tok: Token) -> bool:
    """'no role', 'denied any involvement', 'did not have a hand'."""
    if any(c.lower_ in ("no", "without") for c in tok.children):
        return True
    for node in tok.ancestors:
        if any(c.dep_ == "neg" for c in node.children) or node.lemma_.lower() in ("deny", "reject"):
            return True
    return False


def _responsibility(sent: Span) -> Iterator[tuple[Token, Token]]:
    """(cue verb, the actor who claims the act)."""
    for tok in sent:
        if tok.lemma_.lower() in CLAIM_VERBS and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in CREDIT_NOUNS for c in tok.children
        ):
            actor = _subject(tok)
            if _is_actor(actor) and not _negated(tok):
                assert actor is not None
                if (
                    any(c.lower_ in ("no", "none") for c in actor.children)
                    or actor.lower_ == "none"
                ):
                    continue  # "No group has claimed responsibility"
                yield tok, actor
        elif _owns_up(tok):
            owner = _subject(tok.head)
            assert owner is not None
            yield tok, owner


def _owns_up(tok: Token) -> bool:
    """'The Red Hand said it was responsible for the attack': a body saying of itself (by
    "it" or "we") that it did it."""
    if tok.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in tok.children):
        return False
    pronoun = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if pronoun is None or pronoun.lower_ not in ("it", "we"):
        return False
    said = tok.head
    if tok.dep_ != "ccomp" or said.lemma_.lower() not in ("say", "claim", "announce", "state"):
        return False
    if not _is_actor(_subject(said)):
        return False
    return any(
        c.lower_ == "responsible"
        and any(p.lower_ == "for" and p.dep_ == "prep" for p in c.children)
        for c in tok.children
    ) and _mentions_event(tok.sent)


def _claim(
    ctx: ArticleContext, sent: Span, slot: str, value: ClaimValue, first: Token, last: Token
) -> Claim:
    lo, hi = min(first.idx, last.idx), max(first.idx + len(first.text), last.idx + len(last.text))
    return sentence_claim(ctx.article.id, sent, slot, value, lo, hi)


@claim_extractor("accusations")
def extract_accusations(ctx: ArticleContext) -> list[Claim]:
    """Responsibility and accusation claims of one article."""
    claims: list[Claim] = []
    for sent in ctx.doc.sents:
        for verb, actor in _responsibility(sent):
            claim = _claim(
                ctx,
                sent,
                "responsibility",
                EntityValue(ctx.entity_for(_phrase(actor))),
                actor,
                verb,
            )
            ctx.add_epistemics(claim, verb)
            claim.checkworthy = checkworthy_score(claim)
            claims.append(claim)
        for cue, accuser, accused, said_by_subject in _accusations(sent):
            pronoun = _subject(cue) if cue.pos_ == "VERB" else None
            if accuser is not None:
                accuser_id = ctx.entity_for(_phrase(accuser))
            elif pronoun is not None and pronoun.lower_ in ("it", "they") and said_by_subject:
                # "It accused the Russians": the body that spoke last.
                accuser_id = ctx.speaker_id(_phrase(pronoun)) or ctx.voice()
            else:
                said = cue._.attribution
                speaker = ctx.speaker_id(said.speaker) if said else None
                accuser_id = speaker or ctx.voice()
            value = AccusationValue(accuser=accuser_id, accused=ctx.entity_for(_phrase(accused)))
            first = accuser if accuser is not None else accused
            claim = _claim(
                ctx,
                sent,
                "accusation",
                value,
                first,
                accused if first is not accused else cue,
            )
            ctx.add_epistemics(claim, cue)
            if said_by_subject and accuser is not None:
                # "Putin blamed Ukraine" reports Putin's own words; "Russia will blame
                # Ukraine" is the author's forecast, credited to nobody.
                asserted = cue._.hedge is None
                claim.attributed_to = accuser_id if asserted else None
                claim.attribution_cue = cue.text if asserted else None
            claim.checkworthy = checkworthy_score(claim)
            claims.append(claim)
    return claims
