"""A small offline gazetteer: countries, admin-1 regions and towns from GeoNames.

It answers three questions the claim extractor cannot answer from one article alone:

* *is this token a place?* spaCy tags some towns PERSON or PRODUCT ("Goma");
* *where is it?* a town lies in its region and country even when no article says so
  ("Goma" is in Nord-Kivu, DR Congo);
* *are two place names consistent?* "Benghazi" and "Bengasi in eastern Libya" are.

The data (``gazetteer_data/places.tsv.gz`` and ``names.tsv.gz``) is built by
``scripts/build_gazetteer.py`` from GeoNames (CC-BY 4.0; see ``gazetteer_data/README.md``).
Loading reads two gzip files and splits them into lines; records are parsed only when a
lookup touches them, so :func:`load_gazetteer` stays fast and :class:`Place` objects are
made on demand.

Ambiguous English words. Many towns are named like common words ("Of", "Police", "Nice",
"Reading", "Split", "March", "Independence"). The build marks each name key that is a
frequent English word used mostly in lower case (``WORD``) and each single-word name that is
a frequent token at all (``FAMOUS``, mostly people and things, e.g. "Obama"). Then:

* a surface written all in lower case never matches a ``WORD`` name ("police" is not Police,
  Poland), while "Police" does;
* ``is_place(name, strict=True)``, meant for typing a token that NER left untagged or tagged
  as something else, also requires a capitalised surface and accepts a ``WORD`` name only
  as a country ("Turkey"; not "Nice", "Reading", "Split", nor the Turkish province of Van),
  a ``FAMOUS`` name only as a country, a region or a city of at least
  :data:`STRICT_FAMOUS_MIN_POPULATION`, and any other city only from
  :data:`STRICT_MIN_POPULATION`. Given names that are also towns ("Warren") are not caught:
  the caller should look at the context (a preposition such as "in" or "near").
"""

from __future__ import annotations

import bisect
import functools
import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).with_name("gazetteer_data")
PLACES_FILE = DATA_DIR / "places.tsv.gz"
NAMES_FILE = DATA_DIR / "names.tsv.gz"

# Key flags written by the build script (second column of names.tsv).
WORD = "w"
FAMOUS = "f"

STRICT_MIN_POPULATION = 1_000
STRICT_FAMOUS_MIN_POPULATION = 100_000

# A city wins over a same-named region elsewhere when it is this populous and at least this
# share of the region's (summed) population: "New York" is the city, "Victoria" the
# Australian state, not the Canadian town nor the old name of Hong Kong's centre. A national
# capital always wins ("Washington").
CITY_OVER_REGION_POPULATION = 100_000
CITY_OVER_REGION_SHARE = 0.25
# A place whose own name this is, with at least this population, wins over places that have
# the name only as an alternate: "Bethlehem" is the West Bank city, not Belém, Brazil.
PRIMARY_NAME_MIN_POPULATION = 10_000
# An alternate-name match counts as if the place were this much smaller than a primary-name
# match, so that "Florencia" is the Colombian city, not Florence, Italy (whose alternate
# names include it), while a city of 100,000 known by an alternate spelling still beats a
# village of 3,000 whose own name that spelling is.
ALTERNATE_NAME_WEIGHT = 0.1

_KIND_CODES = {"C": "country", "R": "region", "P": "city"}

# Letters NFKD does not decompose into a base letter and a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
    }
)
# Apostrophes and the letters GeoNames uses for ayin and hamza vanish: "Be'eri" = "Beeri".
_APOSTROPHES = re.compile(r"['’‘ʼʻʿʾ`´′]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—.,/()\[\]\"“”]+")
# Abbreviations written both ways in place names ("St. Petersburg", "Mt. Kenya").
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}

_DIRECTION = (
    r"(?:far[\s-]+)?"
    r"(?:north|south)?[\s-]?(?:east|west)(?:ern)?"
    r"|(?:north|south)(?:ern)?"
    r"|central|mid"
)
_LEADING_DIRECTION = re.compile(rf"^(?:{_DIRECTION})\s+", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Trailing generic words, and which kind of place each points to.
_REGION_WORDS = (
    "region",
    "regions",
    "oblast",
    "province",
    "governorate",
    "district",
    "state",
    "county",
    "prefecture",
    "krai",
    "territory",
    "strip",
    "area",
)
_CITY_WORDS = ("city", "town", "village", "municipality")
_TRAILING_GENERIC = re.compile(
    r"^(?P<base>.+?)\s+(?P<word>" + "|".join(_REGION_WORDS + _CITY_WORDS) + r")$",
    re.IGNORECASE,
)


def normalize_name(name: str) -> str:
    """Fold a place name to its lookup key: no accents, lower case, single spaces.

    Hyphens and dots become spaces and apostrophes vanish, so "Ivano-Frankivsk",
    "Ivano Frankivsk", "Khān Yūnis" and "Khan Yunis" share keys; "St" becomes "saint".
    """
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text).casefold()
    words = _SEPARATORS.sub(" ", text).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


@dataclass(frozen=True)
class Place:
    """One resolved place.

    ``country`` is the English country name (the country's own name for a country),
    ``region`` the admin-1 name (a region's own name for a region; None for a country or
    where GeoNames gives the town no admin-1 region). ``population`` is GeoNames' figure
    for a town or country and, for a region, the summed population of its towns in GeoNames
    (a floor, not a census figure). ``country_code`` (ISO 3166-1 alpha-2) and
    ``region_code`` (GeoNames admin-1 code) are what containment compares.
    """

    name: str
    kind: str
    country: str | None
    region: str | None
    population: int
    geonameid: int | None
    country_code: str | None = None
    region_code: str | None = None


@dataclass(frozen=True)
class _Row:
    """A record of places.tsv, parsed: the fields Place needs, by codes."""

    index: int
    kind: str
    name: str
    country_code: str
    region_code: str
    population: int
    geonameid: int | None
    capital: bool


@dataclass(frozen=True)
class _Candidate:
    """A place a key names, and whether the key is its primary name."""

    row: _Row
    primary: bool

    @property
    def score(self) -> float:
        """Population, discounted for a match on an alternate name only."""
        weight = 1.0 if self.primary else ALTERNATE_NAME_WEIGHT
        return max(self.row.population, 1) * weight


def _is_capitalised(surface: str) -> bool:
    """True when the first letter of the surface is upper case."""
    return next((ch.isupper() for ch in surface if ch.isalpha()), False)


@dataclass(frozen=True)
class _Variant:
    """One form of a surface name to look up: its key, the text it came from, and the
    kind of place a stripped generic word implies (None when none was stripped)."""

    key: str
    text: str
    kind: str | None


def _query_variants(name: str) -> Iterator[_Variant]:
    """Forms to try for a surface name, best first.

    The exact name comes first, so "North Korea", "West Bank" and "the Gaza Strip" match
    as they are; "eastern Libya" and "Kharkiv region" only after their extra words go.
    """
    text = _LEADING_THE.sub("", name.strip())
    seen: set[str] = set()
    undirected = _LEADING_DIRECTION.sub("", text)
    for form in (text, undirected):
        for candidate, kind in ((form, None), *_without_generic(form)):
            key = normalize_name(candidate)
            if key and key not in seen:
                seen.add(key)
                yield _Variant(key, candidate, kind)


def _without_generic(text: str) -> list[tuple[str, str]]:
    """The text less a trailing generic word ("Kharkiv region"), with the kind it implies."""
    match = _TRAILING_GENERIC.match(text)
    if not match:
        return []
    base = _LEADING_THE.sub("", match["base"])
    kind = "city" if match["word"].lower() in _CITY_WORDS else "region"
    return [(base, kind)]


class Gazetteer:
    """Places by name, with containment. Build one with :func:`load_gazetteer`."""

    def __init__(self, place_lines: list[str], name_lines: list[str]) -> None:
        """Index the two files' lines; records are parsed lazily.

        ``place_lines`` are places.tsv's records (countries, then regions, then towns);
        ``name_lines`` are names.tsv's records sorted by key.
        """
        self._place_lines = place_lines
        self._name_lines = name_lines
        self._rows: dict[int, _Row] = {}
        self._country_rows: dict[str, _Row] = {}
        self._region_rows: dict[tuple[str, str], _Row] = {}
        # Countries and regions come first in the file; parse them now (a few thousand)
        # so a town's region and country are a dictionary look-up away.
        for index, line in enumerate(place_lines):
            if not line.startswith(("C\t", "R\t")):
                break
            row = self._row(index)
            if row.kind == "country":
                self._country_rows[row.country_code] = row
            else:
                self._region_rows[(row.country_code, row.region_code)] = row

    @classmethod
    def from_files(cls, places: Path = PLACES_FILE, names: Path = NAMES_FILE) -> Gazetteer:
        """Read the two gzip TSV files written by the build script."""
        return cls(_read_lines(places), _read_lines(names))

    # -- public API -------------------------------------------------------------------

    def lookup(self, name: str, countries: Iterable[str] = ()) -> Place | None:
        """The place a surface name most likely means, or None.

        Tries the name as written, then without a leading direction ("eastern Libya") and
        without a trailing generic word ("Kharkiv region", "Mexico City"); a stripped region
        word prefers a region, a stripped city word a city. Among several places with one
        name: those in ``countries`` (country names, ISO codes, or other place names of the
        article, which count by their country) first; then a country; then a city over a
        same-named region when the city lies in that region, is a national capital or is
        large, else the region (or its same-named seat). Among places of one kind, one whose
        own name it is (10,000 people or more) before those that have it as an alternate
        name; then the most populous, counting an alternate-name match at a tenth.
        """
        row = self._resolve(name, self._context_codes(countries))
        return self._place(row) if row else None

    def is_place(self, name: str, strict: bool = False) -> bool:
        """True when the name resolves to a place.

        ``strict`` is for typing a token NER did not tag as a place: it asks for a
        capitalised surface and enough evidence for ambiguous names (see the module doc).
        """
        found = self._match(name)
        if found is None:
            return False
        variant, flags, candidates = found
        if not strict:
            return True
        # The words that matched must be capitalised: "Libya" in "eastern Libya" is.
        best = self._choose(candidates, frozenset(), variant.kind)
        return _is_capitalised(variant.text) and _strict_ok(best, flags)

    def within(self, inner: str, outer: str, countries: Iterable[str] = ()) -> bool:
        """True when the place ``inner`` names lies in (or is) the place ``outer`` names.

        A town lies in its region and country, a region in its country, and a place in
        itself under any of its names (Kyiv and Kiev). ``outer`` is resolved as
        :meth:`lookup` does; ``inner`` with ``outer`` as part of its context, as a reader
        reads "Goma, Nord-Kivu": among several towns named ``inner`` one inside
        ``outer`` is taken. Directions are not checked: a Libyan town is within
        "eastern Libya".
        """
        context = self._context_codes(countries)
        outer_found = self._match(outer)
        found = self._match(inner)
        if outer_found is None or found is None:
            return False
        variant, _, outer_candidates = outer_found
        outer_row = self._choose(outer_candidates, context, variant.kind)
        outers = [outer_row]
        if outer_row.kind == "city":
            # "Kherson, Kherson": a town's region may share its seat's name.
            outers += [
                c.row
                for c in outer_candidates
                if c.row.kind == "region" and self._contains(c.row, outer_row)
            ]
        candidates = found[2]
        # Context countries narrow the inner name as in lookup: with Libya in the article,
        # a spelling shared with a far-off village names the city, whatever the outer name.
        in_context = [c for c in candidates if c.row.country_code in context]
        return any(self._contains(row, c.row) for row in outers for c in in_context or candidates)

    def country_of(self, name: str, countries: Iterable[str] = ()) -> str | None:
        """The English name of the country the place lies in (or is), or None."""
        place = self.lookup(name, countries)
        return place.country if place else None

    # -- resolution -------------------------------------------------------------------

    def _resolve(self, name: str, context: frozenset[str]) -> _Row | None:
        """The best row for a surface name, given context country codes."""
        found = self._match(name)
        if found is None:
            return None
        variant, _, candidates = found
        return self._choose(candidates, context, variant.kind)

    def _match(self, name: str) -> tuple[_Variant, str, list[_Candidate]] | None:
        """The first form of the name that names places: the form, its flags, the places.

        A stripped region word keeps only regions, a stripped city word only cities. An
        all-lower-case form that is a common word ("police", "split") names nothing.
        """
        for variant in _query_variants(name):
            flags, candidates = self._candidates(variant.key)
            if variant.kind == "region":
                candidates = [
                    c for c in candidates if c.row.kind == "region"
                ] or self._regions_named_after(variant.key, candidates)
            elif variant.kind is not None:
                candidates = [c for c in candidates if c.row.kind == variant.kind]
            if not candidates:
                continue
            if WORD in flags and not any(ch.isupper() for ch in variant.text):
                return None
            return variant, flags, candidates
        return None

    def _choose(
        self, candidates: list[_Candidate], context: frozenset[str], kind: str | None
    ) -> _Row:
        """Pick one row among places sharing a key (see :meth:`lookup` for the order)."""
        in_context = [c for c in candidates if c.row.country_code in context]
        if in_context:
            candidates = in_context
        countries = [c for c in candidates if c.row.kind == "country"]
        if countries:
            return max(countries, key=lambda c: c.score).row
        best_region = _best([c for c in candidates if c.row.kind == "region"])
        cities = [c for c in candidates if c.row.kind == "city"]
        best_city = _best(cities)
        if best_region is None:
            assert best_city is not None
            return best_city
        if best_city is None or kind == "region":
            return best_region
        if (
            self._contains(best_region, best_city)
            or best_city.capital
            or (
                best_city.population >= CITY_OVER_REGION_POPULATION
                and best_city.population >= CITY_OVER_REGION_SHARE * best_region.population
            )
        ):
            # The region's own seat ("Kherson", "Darnah"), a capital, or a big city.
            return best_city
        # The region is meant, or its same-named seat when it has one: a bare name is the
        # town more often than the region ("Santiago" in the Dominican Republic).
        eponymous = _best([c for c in cities if self._contains(best_region, c.row)])
        return eponymous or best_region

    def _contains(self, outer: _Row, inner: _Row) -> bool:
        """True when ``inner`` lies in or is ``outer``."""
        if outer.index == inner.index:
            return True
        if outer.kind == "country":
            return inner.country_code == outer.country_code
        if outer.kind == "region":
            return (
                inner.kind in ("city", "region")
                and inner.country_code == outer.country_code
                and inner.region_code == outer.region_code
            )
        # Two records of one city (a city and its same-named neighbourhood record do not
        # count): same GeoNames id only.
        return outer.geonameid is not None and outer.geonameid == inner.geonameid

    def _regions_named_after(self, key: str, candidates: list[_Candidate]) -> list[_Candidate]:
        """Regions named after a town of this name, for "Belgorod region".

        Many admin-1 regions are known here only by a local name derived from their seat's
        ("Belgorodskaya oblast'", "Odeska oblast"): a town's region qualifies when its name
        starts like the town's (all but one letter, five at most, in common).
        """
        needed = max(3, min(len(key) - 1, 5))
        regions = []
        for candidate in candidates:
            row = candidate.row
            region = self._region_rows.get((row.country_code, row.region_code))
            if region is not None and row.kind == "city":
                common = len(_common_prefix(normalize_name(region.name), key))
                if common >= needed:
                    regions.append(_Candidate(region, primary=False))
        return regions

    def _context_codes(self, countries: Iterable[str]) -> frozenset[str]:
        """ISO codes for the context names: countries, codes, or other places' countries."""
        codes: set[str] = set()
        for name in countries:
            if len(name) == 2 and name.isupper() and name in self._country_rows:
                codes.add(name)
                continue
            row = self._resolve(name, frozenset())
            if row is not None:
                codes.add(row.country_code)
        return frozenset(codes)

    # -- storage ----------------------------------------------------------------------

    def _candidates(self, key: str) -> tuple[str, list[_Candidate]]:
        """The flags of a key and the places it names (empty when unknown)."""
        probe = key + "\t"
        lines = self._name_lines
        at = bisect.bisect_left(lines, probe)
        if at >= len(lines) or not lines[at].startswith(probe):
            return "", []
        _, flags, ids = lines[at].split("\t")
        candidates = []
        for token in ids.split(","):
            primary = not token.startswith("~")
            candidates.append(_Candidate(self._row(int(token.lstrip("~"))), primary))
        return flags, candidates

    def _row(self, index: int) -> _Row:
        """Parse (once) the places.tsv record at ``index``."""
        row = self._rows.get(index)
        if row is None:
            line = self._place_lines[index]
            kind, name, cc, region, population, geonameid, capital = line.split("\t")
            row = _Row(
                index=index,
                kind=_KIND_CODES[kind],
                name=name,
                country_code=cc,
                region_code=region,
                population=int(population or 0),
                geonameid=int(geonameid) if geonameid else None,
                capital=capital == "1",
            )
            self._rows[index] = row
        return row

    def _place(self, row: _Row) -> Place:
        """The public view of a row, with its country's and region's names."""
        country = self._country_rows.get(row.country_code)
        if row.kind == "country":
            region_name = None
        elif row.kind == "region":
            region_name = row.name
        else:
            region = self._region_rows.get((row.country_code, row.region_code))
            region_name = region.name if region else None
        return Place(
            name=row.name,
            kind=row.kind,
            country=country.name if country else None,
            region=region_name,
            population=row.population,
            geonameid=row.geonameid,
            country_code=row.country_code or None,
            region_code=row.region_code or None,
        )


def _common_prefix(first: str, second: str) -> str:
    """The longest common prefix of two strings."""
    size = 0
    for one, two in zip(first, second, strict=False):
        if one != two:
            break
        size += 1
    return first[:size]


def _read_lines(path: Path) -> list[str]:
    """The records of a gzip TSV file: its lines less the header and the final newline."""
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    # Deleting in place, not slicing, spares a copy of a few hundred thousand references.
    del lines[0]
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _best(candidates: list[_Candidate]) -> _Row | None:
    """The best of places of one kind: a sizeable own-name match, else the highest score."""
    own = [c for c in candidates if c.primary and c.row.population >= PRIMARY_NAME_MIN_POPULATION]
    pool = own or candidates
    return max(pool, key=lambda c: c.score).row if pool else None


def _strict_ok(row: _Row, flags: str) -> bool:
    """Whether a resolved row is safe to type as a place with no NER label to back it."""
    if WORD in flags:
        return row.kind == "country"
    if row.kind != "city":
        return True
    if FAMOUS in flags:
        return row.population >= STRICT_FAMOUS_MIN_POPULATION
    return row.population >= STRICT_MIN_POPULATION


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.from_files()
