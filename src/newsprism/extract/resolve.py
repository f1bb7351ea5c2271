"""One entity per real-world actor across a set of articles.

Two steps. A curated alias table (data in `aliases.tsv` and `demonyms.tsv` beside this file,
extensible with `--aliases FILE`) maps known spellings, acronyms, transliterations and
government metonyms to a canonical name ("Daesh" -> "Islamic State", "Kiev" -> "Kyiv",
"the Kremlin" -> "Russia"); an organ of a state keeps its own entity with `part_of`
("Russian intelligence" is part of Russia, not Russia). Names the table does not know are
then matched against the names already seen, by rules tested on real cases: the same letters
without accents and punctuation, a surname and the one full name it ends, an acronym and
its expansion, and near-identical spellings (similarity at least SIMILARITY_THRESHOLD).
Two PERSON names are one person when `names.same_person` says so, however transliterated
("Zelensky", "V. Zelenskiy", "Volodymyr Zelenskyy"); people who share a surname but not a
given name stay apart.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.extract.names import name_blocks, same_person

# Organ nouns after a demonym or state name: a new entity, part of that state.
ORGAN_NOUNS = frozenset(
    {
        "intelligence",
        "army",
        "military",
        "forces",
        "navy",
        "police",
        "embassy",
        "ministry",
        "security",
        "services",
        "service",
        "authorities",
        "officials",
        "agencies",
        "agency",
        "organization",
        "organisation",
        "troops",
        "parliament",
        "president",
        "media",
    }
)
# Nouns after a demonym that mean the state itself.
GOVERNMENT_NOUNS = frozenset(
    {"government", "regime", "administration", "state", "leadership", "side"}
)
SIMILARITY_THRESHOLD = 0.9
_MIN_FUZZY_LENGTH = 6
_COMPATIBLE_TYPES = (
    frozenset({"GPE", "LOC", "FAC"}),
    frozenset({"ORG", "NORP", "SOURCE"}),
    frozenset({"PERSON"}),
)


class AliasTableError(NewsprismError):
    """An alias file that cannot be read."""


@dataclass(frozen=True)
class Canonical:
    """The canonical form of a name: its name, type and the entity it belongs to."""

    name: str
    type: str
    part_of: str | None = None

    @property
    def key(self) -> str:
        return entity_key(self.name)


def entity_key(name: str) -> str:
    """The key under which names are one entity: case, accents, dots and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("’", "'").replace(".", "").replace("ı", "i")
    if folded.startswith("the "):
        folded = folded[4:]
    return " ".join(folded.split())


def _read_tsv(path: Path | str, text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    if rows and not {"name", "type"} <= rows[0].keys() and "demonym" not in rows[0]:
        raise AliasTableError(f"{path}: needs a header line with columns name, type, aliases")
    return rows


class AliasTable:
    """Known names of actors, read from TSV files (name, type, aliases, part_of)."""

    def __init__(self) -> None:
        self.by_key: dict[str, Canonical] = {}
        self.demonyms: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}  # state -> its first listed demonym, "Russian"

    @classmethod
    def load(cls, extra: Iterable[Path | str] = ()) -> AliasTable:
        """The table shipped with newsprism, extended (and overridden) by the given files."""
        table = cls()
        here = resources.files("newsprism.extract")
        for name in ("aliases.tsv", "demonyms.tsv"):
            resource = here.joinpath(name)
            if resource.is_file():
                table.add_rows(_read_tsv(name, resource.read_text(encoding="utf-8")))
        for path in extra:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise AliasTableError(f"{path}: cannot read alias file ({exc})") from exc
            table.add_rows(_read_tsv(path, text))
        return table

    def add_rows(self, rows: Iterable[dict[str, str]]) -> None:
        """Add rows of an alias file (or of a demonym file: demonym, state)."""
        for row in rows:
            if "demonym" in row:
                if row.get("demonym") and row.get("state"):
                    state = row["state"].strip()
                    self.demonyms[entity_key(row["demonym"])] = state
                    self.adjectives.setdefault(state, row["demonym"].strip())
                continue
            name = (row.get("name") or "").strip()
            if not name:
                continue
            canonical = Canonical(
                name, (row.get("type") or "ORG").strip(), (row.get("part_of") or "").strip() or None
            )
            self.by_key[entity_key(name)] = canonical
            for alias in (row.get("aliases") or "").split("|"):
                if alias.strip():
                    self.by_key[entity_key(alias)] = canonical

    def lookup(self, name: str) -> Canonical | None:
        """The canonical form of a known name, or None."""
        return self.by_key.get(entity_key(name))

    def state_of(self, name: str) -> Canonical | None:
        """The state a demonym or state name stands for ("Russian", "Russia" -> Russia)."""
        key = entity_key(name)
        state = self.demonyms.get(key)
        if state:
            return self.lookup(state) or Canonical(state, "GPE")
        known = self.by_key.get(key)
        return known if known is not None and known.type == "GPE" else None

    def organ(self, owner: str, noun: str, owner_label: str | None = None) -> Canonical | None:
        """'Russian government' -> Russia; 'Russian intelligence' -> an organ part of Russia.

        `owner_label` is the tagger's label of the owner: a state or organisation the table
        does not know ("Ostrava's security officials") still owns its organs.
        """
        phrase = f"{owner} {noun}"
        known = self.lookup(phrase)
        if known is not None:
            return known
        state = self.state_of(owner)
        if state is None and owner_label in ("GPE", "ORG"):
            state = self.lookup(owner) or Canonical(owner, owner_label)
        if state is None:
            return None
        # One name per organ, however the owner is written: "Russia's intelligence" and
        # "Russian intelligence" are both "Russian intelligence".
        phrase = f"{self.adjectives.get(state.name, state.name)} {noun}"
        last = noun.split()[-1].lower()
        if last in GOVERNMENT_NOUNS:
            return state
        if noun.split()[0].lower() in ORGAN_NOUNS or last in ORGAN_NOUNS:
            return Canonical(phrase, "ORG", state.name)
        return None


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in name.split() if w and w[0].isalpha() and w not in ("of", "and", "the")
    )


def _compatible(type_a: str, type_b: str) -> bool:
    return type_a == type_b or any(type_a in g and type_b in g for g in _COMPATIBLE_TYPES)


def same_actor(key_a: str, type_a: str, key_b: str, type_b: str) -> bool:
    """Whether two names, neither in the alias table, name one actor (rules in the module doc)."""
    if key_a == key_b:
        return True
    if not _compatible(type_a, type_b):
        return False
    short, long_ = sorted((key_a, key_b), key=len)
    if " " not in short and len(short) >= 2 and " " in long_ and short == _initials(long_):
        return True
    if type_a == type_b == "PERSON":
        # Transliteration-aware, and it keeps "Paul Smith" and "John Smith" apart.
        return same_person(key_a, key_b)
    if len(short) >= _MIN_FUZZY_LENGTH and short[0] == long_[0]:
        return SequenceMatcher(None, key_a, key_b).ratio() >= SIMILARITY_THRESHOLD
    return False


class EntityResolver:
    """Maps each new name to a name already seen when they are one actor; remembers both."""

    def __init__(self, known: Iterable[tuple[str, str]] = ()):
        self.known: dict[str, str] = {}  # key -> type
        # Blocking indexes, so a new name is compared with a few names, not all of them.
        self._by_first: dict[str, list[str]] = {}
        self._by_initials: dict[str, list[str]] = {}
        self._by_last_word: dict[str, list[str]] = {}
        # People, by the blocking keys of their names: transliterations of one name need
        # not share a first letter (Gaddafi/Qaddafi, Yevgeny/Evgeny).
        self._by_name_block: dict[str, list[str]] = {}
        # Every person name resolved to a key, so a later name must fit them all: once
        # "Vladimir Putin" has joined "putin", "Dmitry Putin" is someone else.
        self._person_names: dict[str, list[str]] = {}
        for key, etype in known:
            self._remember(key, etype)

    def _remember(self, key: str, etype: str) -> None:
        self.known[key] = etype
        self._by_first.setdefault(key[:1], []).append(key)
        if " " in key:
            self._by_initials.setdefault(_initials(key), []).append(key)
            self._by_last_word.setdefault(key.split()[-1], []).append(key)
        if etype == "PERSON":
            self._person_names[key] = [key]
            for block in name_blocks(key):
                self._by_name_block.setdefault(block, []).append(key)

    def _candidates(self, key: str, etype: str) -> set[str]:
        # A person is found by the blocks of their name below; their first letter is only
        # that of a given name, so it would bring many candidates and no match.
        found = set(self._by_first.get(key[:1], ())) if etype != "PERSON" else set()
        if " " not in key:
            found.update(self._by_initials.get(key, ()))
            found.update(self._by_last_word.get(key, ()))
        else:
            last = key.split()[-1]
            if last in self.known:
                found.add(last)
        if etype == "PERSON":
            for block in name_blocks(key):
                found.update(self._by_name_block.get(block, ()))
        return found

    def _fits(self, key: str, etype: str, known: str) -> bool:
        """Whether a name is the actor of a known key (and, for a person, of all its names)."""
        if not same_actor(key, etype, known, self.known[known]):
            return False
        if etype != "PERSON" or self.known[known] != "PERSON":
            return True
        return all(same_person(key, name) for name in self._person_names.get(known, ()))

    def _place_of_people(self, key: str, etype: str) -> str | None:
        """'ostravan' for a known place 'ostrava': a people's name is its place's state, by
        its form alone, whichever of the two was seen first (so results do not depend on the
        order articles come in)."""
        if " " in key or etype not in ("ORG", "NORP", "GPE") or not key.endswith("n"):
            return None
        for place in (key[:-1], key[:-2]):  # Ostrava-n, Chad-an
            if len(place) >= 4 and self.known.get(place) == "GPE":
                return place
        return None

    def resolve(self, key: str, etype: str) -> str:
        """The key to use for a name: an equal or same-actor known key, else the name's own."""
        if key in self.known:
            return key
        place = self._place_of_people(key, etype)
        if place is not None:
            return place
        matches = [k for k in self._candidates(key, etype) if self._fits(key, etype, k)]
        # A surname that fits several full names is ambiguous: it stays its own entity.
        if etype == "PERSON" and " " not in key and len(matches) > 1:
            matches = []
        if matches:
            best = min(matches, key=lambda k: (-len(k), k))
            names = self._person_names.get(best)
            if etype == "PERSON" and names is not None and key not in names:
                names.append(key)
            return best
        self._remember(key, etype)
        return key
