"""The words the cause extractor reads: verbs of acts and failures, nouns of mechanisms and
actors, and the cues of causal links and denials. General English, written for no event."""

from __future__ import annotations

# What a named storm does ("Storm Daniel swept in", "overwhelmed by the storm"): an act with
# its doer, an effect without one.
NATURE_VERBS = frozenset({"overwhelm", "lash", "batter", "ravage", "swamp", "sweep", "pound"})
# Verbs of an act that causes harm, by lemma; "blow" needs its particle "up", "carry" "out".
ACT_VERBS = (
    frozenset(
        {
            "strike",
            "hit",
            "bomb",
            "shell",
            "bombard",
            "attack",
            "target",
            "destroy",
            "demolish",
            "devastate",
            "level",
            "flatten",
            "raze",
            "detonate",
            "blow",
            "carry",
            "deliver",
            "fire",
            "open",
            "drop",
            "launch",
            "shoot",
            "mine",
            # How people die in a crowd: "trampled", "crushed".
            "trample",
            "crush",
            # Laying a charge: "planted explosives", "placed mines" (only with such objects).
            "plant",
            "place",
            "lay",
        }
    )
    | NATURE_VERBS
)
PLANTING_VERBS = frozenset({"plant", "place", "lay"})
CHARGE_NOUNS = frozenset(
    {"explosive", "explosives", "mine", "mines", "bomb", "bombs", "charge", "charges"}
)
# Verbs that say what happened to the target rather than how: a cause only with a doer.
EFFECT_VERBS = (
    frozenset(
        {
            "destroy",
            "demolish",
            "devastate",
            "level",
            "flatten",
            "raze",
            "hit",
            "target",
        }
    )
    | NATURE_VERBS
)
# Of the verbs above, those that name the act even in the passive ("it was hit").
ACT_ONLY = frozenset({"hit", "target", "strike", "trample", "crush"})
# What a causal link must lead to for it to be about the event: harm, not any consequence.
EFFECT_NOUNS = frozenset(
    {
        "disaster",
        "catastrophe",
        "tragedy",
        "death",
        "deaths",
        "destruction",
        "damage",
        "collapse",
        "failure",
        "explosion",
        "explosions",
        "blast",
        "casualties",
        "loss",
        "fire",
        "torrent",
        "event",
        "incident",
    }
)
HARM_LEMMAS = frozenset(
    {"kill", "die", "destroy", "injure", "wound", "collapse", "flood", "perish", "damage"}
)
# Failures of structures: "the dams collapsed", "two dams broke".
FAIL_VERBS = frozenset({"collapse", "burst", "break", "fail", "breach", "overflow", "give"})
STRUCTURE_NOUNS = frozenset(
    {
        "dam",
        "levee",
        "embankment",
        "dyke",
        "dike",
        "bridge",
        "reservoir",
        "wall",
        "barrier",
        "structure",
    }
)
# Verbs and phrases that link a cause to its effect.
CAUSAL_VERBS = frozenset({"cause", "trigger", "spark", "lead", "contribute", "result", "unleash"})
# "attributes this disaster to negligence": the cause is the object of "to".
ATTRIBUTING_VERBS = frozenset({"attribute", "ascribe", "blame"})
CAUSAL_PREPOSITIONS = frozenset({"due", "because", "result", "owing"})
# Nouns naming how the harm was done.
MECHANISM_NOUNS = frozenset(
    {
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "bombing",
        "bombings",
        "bombardment",
        "shelling",
        "bomb",
        "bombs",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "shell",
        "shells",
        "artillery",
        "drone",
        "drones",
        "explosives",
        "gunfire",
        "fire",
        "shooting",
        "shots",
        "flood",
        "floods",
        "flooding",
        "collapse",
        "failure",
        "stampede",
        "crush",
        "weapon",
        "weapons",
        "launchers",
        "munitions",
        "trampling",
        "crowding",
        "gunshots",
        "warheads",
        "grenades",
        "mortars",
    }
)
# Words that call a statement false: "called the reports a lie".
LIE_WORDS = frozenset(
    {
        "lie",
        "lies",
        "fake",
        "fabrication",
        "disinformation",
        "propaganda",
        "nonsense",
        "false",
        "untrue",
        "baseless",
        "groundless",
        "hoax",
    }
)
WEAPON_NOUNS = frozenset({"guns", "gun", "howitzers", "jets", "aircraft", "warplanes"})
NAMING_VERBS = frozenset({"call", "dub", "brand", "label", "describe", "term", "dismiss"})
USE_VERBS = frozenset({"use", "employ", "fire", "launch", "drop"})
# Nouns that name harm in general; they name a cause only with an agent ("the attack by
# Russian forces"), never alone (every article about an attack says "the attack").
GENERIC_ACT_NOUNS = frozenset(
    {
        "attack",
        "attacks",
        "assault",
        "raid",
        "explosion",
        "explosions",
        "blast",
        "flood",
        "floods",
        "flooding",
    }
)
# Forces of nature cause a disaster when named ("Storm Daniel") or when the text says what
# they did ("the storm burst two dams"); "before the storm" only dates.
NATURAL_NOUNS = frozenset(
    {"storm", "rainfall", "rain", "rains", "hurricane", "cyclone", "earthquake", "typhoon"}
)
# Failings that cause a disaster only where the text links them to it ("negligence
# contributed to the catastrophe"); "suspected of negligence" is an accusation.
FAILING_NOUNS = frozenset(
    {"negligence", "neglect", "mismanagement", "mistakes", "errors", "corruption", "design"}
)
# A collapse or failure causes harm when it is a structure's ("the collapse of two dams").
STRUCTURAL_NOUNS = frozenset({"collapse", "failure", "breach", "bursting"})
# Objects of "deny" that deny the act itself.
DENIED_NOUNS = frozenset(
    {
        "responsibility",
        "involvement",
        "accusation",
        "accusations",
        "allegation",
        "allegations",
        "claim",
        "claims",
        "report",
        "reports",
        "charge",
        "charges",
        "role",
        "part",
    }
)
ACCUSING_VERBS = frozenset({"accuse", "suspect", "blame", "charge", "convict"})
SITUATION_WORDS = frozenset(
    {"ongoing", "continued", "continuing", "constant", "daily", "relentless", "sporadic"}
)
DENY_VERBS = frozenset({"deny", "reject", "refute", "dismiss", "rebut"})
# Groups of people who act: "Russian forces", "the Kiev regime", "militants".
ACTOR_NOUNS = frozenset(
    {
        "force",
        "forces",
        "troops",
        "army",
        "military",
        "soldiers",
        "militants",
        "fighters",
        "regime",
        "side",
        "mercenaries",
        "militia",
        "militias",
        "government",
        "authorities",
        "battalion",
        "brigade",
        "police",
        "navy",
        "jet",
        "jets",
        "aircraft",
        "gunmen",
        "rebels",
        "insurgents",
        "separatists",
        "guerrillas",
        "extremists",
        "terrorists",
        "attackers",
        "jihadists",
        "paramilitaries",
        "settlers",
        "protesters",
        "officers",
        "group",
        "snipers",
        "guards",
        "personnel",
    }
)
ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "EVENT"})
# Hyphenated makers: a weapon "U.S.-made" or "US-supplied" is not the user's.
MAKER_SUFFIXES = ("made", "supplied", "built", "designed", "provided", "produced", "backed")
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
NOT_ACTORS = frozenset(
    {"it", "this", "that", "which", "who", "what", "there", "they", "them", "one", "themselves"}
)
# Bare nouns for a state's armed forces: "troops", "the army".
FORCE_NOUNS = frozenset({"troops", "soldiers", "forces", "army", "military", "police"})
