"""Whether two actors named by different outlets are one side of the story.

Outlets name the same doer many ways: "Russian forces", "the Russian air force", "Russian
fighter aircraft" and "Russia" are all the Russian state; "Tiger militants" and "the Tiger
Brigade" one unit; "PVK Falcon" and "the Falcon Group PMC" one company. Two names are one
actor here when entity resolution made them one (or one part of the other), when they share a
distinctive word (a proper name that is not a state, a demonym or a generic organ word), or
when neither has one and both are organs of the same state. A named unit and a bare state
organ ("Tiger" and "Sudanese forces") stay apart: which of them acted is what outlets dispute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.extract.resolve import GOVERNMENT_NOUNS, ORGAN_NOUNS, AliasTable, entity_key
from newsprism.extract.slots import PERPETRATOR_NOUNS
from newsprism.model.types import Entity

# Words that say what kind of body an actor is, not which one.
GENERIC_WORDS = (
    ORGAN_NOUNS
    | GOVERNMENT_NOUNS
    | frozenset(
        {
            "the",
            "of",
            "and",
            "s",
            "armed",
            "air",
            "force",
            "aircraft",
            "fighter",
            "fighters",
            "jets",
            "warplanes",
            "side",
            "militants",
            "militant",
            "battalion",
            "brigade",
            "regiment",
            "group",
            "unit",
            "units",
            "soldiers",
            "servicemen",
            "defence",
            "defense",
            "ministry",
            "mod",
            "federation",
            "republic",
            "command",
            "general",
            "staff",
            "national",
            "guard",
            "special",
            "operations",
            "spokesman",
            "spokesperson",
            "mercenaries",
            "pmc",
            "pvk",
            "far",
            "right",
            "neo",
            "nazi",
            "nazis",
            "nationalists",
            "nationalist",
            "radicals",
            "armed forces",
            "commander",
            "commanders",
            "artillery",
            "rocket",
            "missile",
            "federal",
            "state",
            "ground",
            "naval",
            "leaders",
            "leader",
            "people",
        }
    )
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


@dataclass
class Actors:
    """Looks up sides and distinctive names of the entities of one analysis."""

    entities: dict[str, Entity]
    table: AliasTable
    _cache: dict[tuple[str, str], bool] = field(default_factory=dict)
    _by_key: dict[str, str] | None = None

    def state_of(self, entity_id: str) -> str | None:
        """The state an actor belongs to: the top of its `part_of` chain, or the state a word
        of its name stands for ("Russian air force" -> Russia)."""
        seen = {entity_id}
        ent = self.entities.get(entity_id)
        while ent is not None and ent.part_of and ent.part_of not in seen:
            seen.add(ent.part_of)
            top = self.entities.get(ent.part_of)
            if top is None:
                return ent.part_of
            ent = top
        if ent is None:
            return None
        for word in [ent.name, *_WORD.findall(ent.name)]:
            state = self.table.state_of(word)
            if state is not None:
                return state.key
        return None

    def entity_of_key(self, key: str) -> str | None:
        """The id of the entity whose folded name is `key` (a state from `state_of`)."""
        if self._by_key is None:
            self._by_key = {}
            for ent in self.entities.values():
                self._by_key.setdefault(entity_key(ent.name), ent.id)
        return self._by_key.get(key)

    def distinctive(self, entity_id: str) -> frozenset[str]:
        """The words of an actor's names that single it out: not generic, not a state."""
        ent = self.entities.get(entity_id)
        names = [ent.name, *ent.aliases] if ent else [entity_id]
        words = set()
        for name in names:
            for word in _WORD.findall(name.lower()):
                if (
                    word not in GENERIC_WORDS
                    and _singular(word) not in PERPETRATOR_NOUNS
                    and word not in PERPETRATOR_NOUNS
                    and self.table.state_of(word) is None
                ):
                    words.add(word)
        return frozenset(words)

    def unnamed(self, entity_id: str) -> bool:
        """Whether an actor is named only by what it is ("the attackers", "gunmen"): no name
        and no state, so two such are the same unknown doers, not rivals."""
        return not self.distinctive(entity_id) and self.state_of(entity_id) is None

    def same(self, a: str, b: str) -> bool:
        """Whether two entity ids name one actor or one state's organs (rules above)."""
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            self._cache[key] = self._same(a, b)
        return self._cache[key]

    def _same(self, a: str, b: str) -> bool:
        for x, y in ((a, b), (b, a)):
            ent = self.entities.get(x)
            if ent is not None and ent.part_of == y:
                return True
        words_a, words_b = self.distinctive(a), self.distinctive(b)
        if words_a or words_b:
            return bool(words_a & words_b)
        state_a, state_b = self.state_of(a), self.state_of(b)
        return state_a is not None and state_a == state_b
