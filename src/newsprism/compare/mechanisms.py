"""Kinds of mechanism a cause names, and which kinds are rival explanations of one harm.

A cause's `mechanism` is the phrase the text used ("a Russian air strike", "HIMARS rockets",
"the collapse of two dams"). For a verdict what counts is its kind: an attack from outside,
a blast set off on the spot, a structure failing, gunfire, a crush in a crowd, a force of
nature, neglect. Two kinds are rivals when each excludes the other as the explanation of the
same deaths (a strike from outside against charges set off inside; shots against a crush);
other different kinds form a chain (a storm, the neglect that let the dams fail, their
collapse) and do not contradict each other.
"""

from __future__ import annotations

import functools
import re

# Word stems per kind, matched at the start of a word of the mechanism phrase.
_KIND_STEMS: dict[str, tuple[str, ...]] = {
    "strike": (
        "strike",
        "struck",
        "airstrike",
        "air strike",
        "air raid",
        "raid",
        "bomb",
        "shell",
        "missile",
        "rocket",
        "artillery",
        "drone",
        "mortar",
        "warhead",
        "munition",
        "hit",
        "launcher",
        "grenade",
        "bombard",
        "aerial",
        "projectile",
    ),
    "sabotage": (
        "blew up",
        "blow up",
        "blown up",
        "blowing up",
        "detonat",
        "planted",
        "explosives",
        "mined",
        "mine",
        "internal explosion",
        "from inside",
        "set off",
        "staged",
    ),
    "explosion": ("explosion", "blast", "exploded"),
    "gunfire": (
        "gunfire",
        "gunshot",
        "shot",
        "shooting",
        "fire",
        "fired",
        "opened fire",
        "bullet",
        "sniper",
    ),
    "crush": ("stampede", "trampl", "crush", "crowding", "run over", "ran over"),
    "failure": (
        "collapse",
        "burst",
        "broke",
        "break",
        "breach",
        "failure",
        "fail",
        "gave way",
        "overflow",
        "overwhelm",
    ),
    "nature": (
        "storm",
        "flood",
        "rain",
        "hurricane",
        "cyclone",
        "earthquake",
        "typhoon",
        "torrent",
        "weather",
        "lash",
        "batter",
        "swamp",
        "sweep",
    ),
    "neglect": (
        "neglig",
        "neglect",
        "maintenance",
        "mismanag",
        "corruption",
        "mistake",
        "error",
        "design",
    ),
}
# More specific kinds first: "internal explosion" is sabotage, "fired a missile" a strike.
_ORDER = ("sabotage", "strike", "crush", "gunfire", "failure", "nature", "neglect", "explosion")
RIVALS = frozenset({frozenset({"strike", "sabotage"}), frozenset({"gunfire", "crush"})})


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(stem).replace(r"\ ", r"\s+"), re.IGNORECASE)


_PATTERNS = {kind: [_pattern(s) for s in stems] for kind, stems in _KIND_STEMS.items()}


@functools.lru_cache(maxsize=4096)
def mechanism_kind(mechanism: str | None) -> str | None:
    """The kind of act a mechanism phrase names, or None when it names none of them."""
    if not mechanism:
        return None
    for kind in _ORDER:
        if any(p.search(mechanism) for p in _PATTERNS[kind]):
            return kind
    return None


def rivals(kind_a: str | None, kind_b: str | None) -> bool:
    """Whether two kinds are rival explanations of one harm."""
    return kind_a is not None and kind_b is not None and frozenset({kind_a, kind_b}) in RIVALS
