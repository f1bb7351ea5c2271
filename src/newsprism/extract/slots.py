"""Which slot a number fills: killed, injured, missing, perpetrators, arrested, or quantity.

The decision reads the parse around the number: the noun it counts ("four gunmen"), the verb
that governs that noun and the noun's role there ("143 people were killed" is the object of
killing; "four gunmen killed" is its subject), and nouns such as "toll" or "arrest of".
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.nlp.numbers import MEASURE_UNITS
from newsprism.nlp.quantities import Quantity

HEAD_COUNT_SLOTS = frozenset({"killed", "injured", "missing", "perpetrators", "arrested"})
# Event nouns, as far as taking part in one is concerned (extract.events has the full list).
EVENT_WORDS = frozenset({"attack", "shooting", "assault", "bombing", "massacre", "raid", "killing"})
KILL_VERBS = frozenset(
    {"kill", "murder", "slay", "massacre", "execute", "slaughter", "assassinate"}
)
DIE_VERBS = frozenset({"die", "perish"})
LIFE_VERBS = frozenset({"lose", "claim", "take", "cost"})  # "lost their lives", "claimed 130 lives"
INJURE_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "capture", "catch", "nab", "seize"})
TOLL_VERBS = frozenset(
    {
        "rise",
        "climb",
        "reach",
        "stand",
        "increase",
        "jump",
        "grow",
        "be",
        "hit",
        "mount",
        "soar",
        "surge",
        "swell",
        "top",
        "exceed",
        "pass",
        "double",
    }
)
# "put the death toll at 5,500", "placed the number of dead at 40".
HUMAN_NOUNS = frozenset(
    (
        "people person persons civilian soldier prisoner resident child children woman women man "
        "men inhabitant villager worker migrant refugee patient victim passenger student fighter "
        "serviceman servicemen pow detainee inmate citizen national tourist pilgrim miner crew "
        "staff officer policeman guard member employee journalist doctor nurse militant troop "
        "individual adult minor baby infant toddler teenager family families"
    ).split()
)
CHILD_NOUNS = frozenset({"child", "children", "minor", "baby", "infant", "toddler", "teenager"})
ESTIMATE_VERBS = frozenset(
    {"put", "place", "set", "estimate", "fix", "raise", "revise", "lower", "update", "increase"}
)
# Harm one receives: "150 soldiers received injuries".
HARM_OBJECTS = frozenset({"injury", "injuries", "wound", "wounds", "burn", "burns"})
RECEIVE_VERBS = frozenset({"receive", "sustain", "suffer", "incur"})
# Parts of a whole: "about one-fifth of the population" counts no people.
FRACTION_UNITS = frozenset({"half", "third", "quarter", "fifth", "percent", "%", "tenth"})

PERPETRATOR_NOUNS = frozenset(
    {
        "attacker",
        "gunman",
        "gunmen",
        "assailant",
        "shooter",
        "perpetrator",
        "terrorist",
        "militant",
        "murderer",
        "bomber",
        "hijacker",
        "raider",
        "killer",
        "insurgent",
    }
)
KILLED_WORDS = frozenset({"dead", "death", "fatality", "killed", "body", "corpse"})
INJURED_WORDS = frozenset({"injured", "wounded", "injury", "hurt"})
MISSING_WORDS = frozenset({"missing", "unaccounted"})
ARMED_WORDS = frozenset({"armed", "masked", "gun-wielding", "knife-wielding"})
WEAPON_NOUNS = frozenset({"rifle", "gun", "weapon", "knife", "explosive", "grenade", "pistol"})
TREAT_VERBS = frozenset({"treat", "admit", "hospitalise", "hospitalize", "evacuate"})
PATIENT_NOUNS = frozenset({"patient", "patients", "casualty", "casualties"})
_SUBJECTS_ANY = frozenset({"nsubj", "nsubjpass"})


def _crowd(nominal: Token) -> bool:
    """'thousands of people rushed the trucks': a crowd is counted vaguely, attackers are not."""
    head = nominal.head if nominal.head.lower_ == "of" else nominal
    words = {t.lower_ for t in [nominal, head, head.head]}
    return bool(words & {"hundreds", "thousands", "dozens", "scores", "crowd", "crowds"})


def _took_part(verb: Token) -> bool:
    """'were involved in the shooting', 'took part in the attack'."""
    lemma = verb.lemma_.lower()
    if lemma not in ("involve", "take", "participate"):
        return False
    if lemma == "take" and not any(c.lower_ == "part" for c in verb.children):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(g.lower_ in EVENT_WORDS for g in prep.children)
        for prep in verb.children
    )


# Who did it when the noun is plain ("three armed men carried out the attack").
ATTACK_VERBS = frozenset({"attack", "storm", "carry", "shoot", "raid", "bomb", "ambush", "open"})
PERSON_NOUNS = frozenset({"man", "men", "person", "people", "individual", "youth", "woman"})
ARREST_NOUNS = frozenset({"arrest", "detention", "detainee", "custody"})

_OBJECT_ROLES = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
_SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass"})


def _words_of(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _copula_slot(verb: Token) -> str | None:
    """'43 are dead', '12 were injured', 'three remain missing': the predicate says the slot."""
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd", "xcomp"):
            words = _words_of(child)
            if words & KILLED_WORDS:
                return "killed"
            if words & INJURED_WORDS:
                return "injured"
            if words & MISSING_WORDS:
                return "missing"
    return None


def _dead_mentioned(verb: Token) -> bool:
    words = {t.lower_ for t in verb.subtree}
    return bool(words & {"dead", "deceased", "bodies", "victims"})


def _toll_named_by(verb: Token, roles: frozenset[str]) -> str | None:
    """The slot a toll word names in one of a verb's arguments: 'the death toll', 'the
    number of people killed' are killed; 'the number of injured' injured."""
    for child in verb.children:
        if child.dep_ in roles:
            words = {w for t in child.subtree for w in _words_of(t)}
            if "toll" in words or words & (KILLED_WORDS | KILL_VERBS | DIE_VERBS):
                return "killed"
            if words & (INJURED_WORDS | INJURE_VERBS):
                return "injured"
    return None


def _estimated_toll(verb: Token) -> str | None:
    """'put the death toll at 5,500': the slot of what is put at the number."""
    return _toll_named_by(verb, _OBJECTS)


def _subject_mentions_toll(verb: Token) -> str | None:
    """'the death toll rose to 43', 'the number of people killed has risen to 43'."""
    return _toll_named_by(verb, _SUBJECT_ROLES)


_OBJECTS = frozenset({"dobj", "obj"})


def _passive_like(verb: Token) -> bool:
    """'40 killed', 'more than 60 wounded': a participle without 'have' reads as passive."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _armed_people(nominal: Token) -> bool:
    """'armed men', 'masked gunmen', 'two or three men with rifles'."""
    if not _words_of(nominal) & PERSON_NOUNS:
        return False
    for child in nominal.children:
        if child.dep_ == "amod" and child.lower_ in ARMED_WORDS:
            return True
        armed = child.dep_ == "prep" and child.lower_ == "with"
        if armed and any(g.lemma_.lower() in WEAPON_NOUNS for g in child.children):
            return True
    return False


def _verb_slot(verb: Token, role: str, nominal: Token) -> str | None:
    lemma = verb.lemma_.lower()
    if role in _SUBJECTS_ANY and _words_of(nominal) & PERSON_NOUNS and _took_part(verb):
        return "perpetrators"  # "four men were involved in the shooting"
    if lemma in TREAT_VERBS and role in _OBJECT_ROLES and _words_of(nominal) & PATIENT_NOUNS:
        return "injured"  # "treated 58 patients"
    if lemma in ("hospitalise", "hospitalize") and role in _OBJECT_ROLES | {"nsubj"}:
        return "injured"  # "73 prisoners were hospitalized"
    if (
        lemma in RECEIVE_VERBS
        and role in _SUBJECT_ROLES
        and any(o.lower_ in HARM_OBJECTS for o in verb.children if o.dep_ in ("dobj", "obj"))
    ):
        return "injured"  # "150 soldiers received injuries"
    if lemma == "identify" and role in _OBJECT_ROLES | {"nsubj"} and _dead_mentioned(verb):
        return "killed"  # "identified 12 of the dead", "49 deceased were identified"
    if role in _SUBJECT_ROLES and lemma == "be":
        among = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "among"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if among and _words_of(among[0]) & (KILLED_WORDS | {"victims"}):
            return "killed"  # "12 children were among the dead"
        if among and _words_of(among[0]) & INJURED_WORDS:
            return "injured"
    if role in _SUBJECT_ROLES:
        predicate = _copula_slot(verb)
        if predicate:
            return predicate  # "53 are feared dead", "20,000 are believed dead"
    if role == "nsubj" and _passive_like(verb):
        role = "nsubjpass"
    if (
        lemma in ATTACK_VERBS
        and role == "nsubj"
        and _words_of(nominal) & PERSON_NOUNS
        and not _crowd(nominal)
    ):
        return "perpetrators"
    if lemma in KILL_VERBS and role in _OBJECT_ROLES:
        return "killed"
    if lemma in DIE_VERBS and role in _SUBJECT_ROLES:
        return "killed"
    if lemma in INJURE_VERBS and role in _OBJECT_ROLES:
        return "injured"
    if lemma in ARREST_VERBS and role in _OBJECT_ROLES:
        return "arrested"
    if nominal.lemma_.lower() == "life" and lemma in LIFE_VERBS:
        return "killed"
    if lemma in LIFE_VERBS and role in _SUBJECT_ROLES:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if any(o.lemma_.lower() == "life" for o in objects):
            return "killed"
    if lemma in ESTIMATE_VERBS and role == "pobj":
        return _estimated_toll(verb)
    if lemma in TOLL_VERBS:
        copula = _copula_slot(verb) if role in _SUBJECT_ROLES else None
        if copula:
            return copula
        if role in ("pobj", "attr", "dobj"):
            return _subject_mentions_toll(verb)
    if _words_of(verb) & MISSING_WORDS and role in _SUBJECT_ROLES:
        return "missing"
    if lemma == "leave" and role in ("dobj", "obj"):
        return _copula_slot(verb)  # "left 9 villagers dead"
    return None


def _state_after(q: Quantity) -> str | None:
    """'600 dead', '53 dead soldiers', '75 wounded': a state word right after the number, or
    on the counted noun."""
    doc = q.number.doc
    end = q.number.end
    following = doc[end] if end < len(doc) else None
    nominal = q.noun
    words: set[str] = set()
    if following is not None and following.pos_ in ("ADJ", "NOUN", "VERB"):
        words |= {following.lower_}
    if nominal is not None:
        words |= {c.lower_ for c in nominal.children if c.dep_ == "amod"}
    if nominal is not None and not _human(nominal):
        return None  # "40 dead trees"
    if words & {"dead", "deceased"}:
        return "killed"
    if words & {"wounded", "injured"}:
        return "injured"
    return None


def _human(noun: Token) -> bool:
    """Whether a counted noun names people: a people's name, or a noun for persons."""
    return noun.ent_type_ in ("NORP", "PERSON") or bool(_words_of(noun) & HUMAN_NOUNS)


SEVERITY_WORDS = frozenset({"critically", "seriously", "severely", "badly", "gravely"})


def count_scope(q: Quantity) -> str | None:
    """What part of a toll a count covers, when the text narrows it: 'hospitalized',
    'identified_dead', 'children'. Counts of different scope are not compared as equals."""
    nominal = q.noun if q.noun is not None else q.number.root
    if _words_of(nominal) & CHILD_NOUNS:
        return "children"
    for node in [nominal, *nominal.ancestors][:4]:
        lemma = node.lemma_.lower()
        if lemma in ("hospitalise", "hospitalize", "admit", "treat"):
            return "hospitalized"  # "treated 58 patients": those a hospital saw
        if lemma == "identify":
            return "identified_dead"
        if lemma in INJURE_VERBS and any(c.lower_ in SEVERITY_WORDS for c in node.children):
            return "seriously_injured"  # "75 were critically injured": a part of the injured
    return None


# Words between a count and its passive participle: "were also injured", "had been killed".
_PASSIVE_FILLERS = frozenset(
    "were was are is been being have has had also all reportedly later seriously critically "
    "severely badly slightly fatally".split()
)


def _passive_after(q: Quantity, nominal: Token) -> str | None:
    """'another 75 to 130 were injured': a count right before a passive harm verb is its
    subject, however the parser attached it (it often hangs a range on an earlier verb)."""
    doc = q.number.doc
    i = q.number.end
    if q.noun is not None and q.noun.i >= i and q.noun.i - i <= 2:
        i = q.noun.i + 1
    auxiliaries = 0
    while i < len(doc) and doc[i].lower_ in _PASSIVE_FILLERS and auxiliaries < 4:
        auxiliaries += doc[i].lemma_.lower() in ("be", "have")
        i += 1
    if not auxiliaries or i >= len(doc) or doc[i].tag_ != "VBN":
        return None
    return _verb_slot(doc[i], "nsubjpass", nominal)


# Labels of a figures box ("Dead 4,352 Missing 8,000"): the word before a number says what it
# counts when it starts a line or a sentence, or follows another figure.
_LABELS = {
    "dead": "killed",
    "killed": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "missing": "missing",
}


def _label_before(q: Quantity) -> str | None:
    doc = q.number.doc
    i = q.number.start - 1
    if i < 0 or not doc[i].text.istitle() or doc[i].lower_ not in _LABELS:
        return None
    before = doc[i - 1] if i > 0 else None
    if before is None or "\n" in before.text_with_ws or before.like_num or doc[i].is_sent_start:
        return _LABELS[doc[i].lower_]
    return None


def _part_of_count(nominal: Token) -> str | None:
    """'killed 31 people, including 12 children': a part of a count is in its slot."""
    head = nominal.head
    if head.lower_ not in ("including", "among") or head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    whole = head.head
    verb = whole.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    role = "nsubjpass" if whole.dep_ == "nsubj" and _passive_like(verb) else whole.dep_
    return _verb_slot(verb, role, whole)


def classify_quantity(q: Quantity) -> str:
    """The slot of a quantity; 'quantity' when the text does not say what it counts."""
    if q.unit in MEASURE_UNITS or q.unit in FRACTION_UNITS:
        return "quantity"
    nominal = q.noun if q.noun is not None else q.number.root
    words = _words_of(nominal)
    after = _state_after(q)
    if after is not None:
        return after
    part = _part_of_count(nominal)
    if part is not None:
        return part
    surface = _passive_after(q, nominal) or _label_before(q)
    if surface is not None:
        return surface
    for clause in nominal.children:
        # "some 300 perished", "40 people killed in the attack": a reduced clause on the count.
        if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB":
            role = "nsubjpass" if clause.tag_ == "VBN" else "nsubj"
            reduced = _verb_slot(clause, role, nominal)
            if reduced is not None:
                return reduced
    # Walk up from the counted noun to the verb that governs it, noting the role on the way.
    cur, role = nominal, nominal.dep_
    for _ in range(5):
        head = cur.head
        if head is cur:
            break
        if q.start <= head.idx < q.end and head.pos_ == "ADP":
            # The bound cue parsed as a preposition ("murdering over 130"): see through it.
            cur, role = head, ("dobj" if head.dep_ == "prep" else head.dep_)
            continue
        if q.start <= head.idx < q.end and head.pos_ in ("ADV", "ADJ"):
            # "killed closer to 600 people": the cue's adverb hangs where the count would.
            cur, role = head, ("dobj" if head.dep_ in ("advmod", "prep") else head.dep_)
            continue
        if head.pos_ in ("VERB", "AUX"):
            slot = _verb_slot(head, role, nominal)
            if slot:
                return slot
            if head.dep_ == "acl" and "toll" in _words_of(head.head):
                return "killed"  # "death tolls ranging from 4,000 to 11,000"
            break
        role = head.dep_
        if _words_of(head) & ARREST_NOUNS:
            return "arrested"
        if "toll" in _words_of(head):
            return "killed"
        if head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            slot = _verb_slot(head.head, "pobj", nominal)
            if slot:
                return slot
        cur = head
    if words & PERPETRATOR_NOUNS or _armed_people(nominal):
        return "perpetrators"
    if words & KILLED_WORDS:
        return "killed"
    if words & INJURED_WORDS:
        return "injured"
    if words & MISSING_WORDS:
        return "missing"
    return "quantity"
