"""Grouping articles by the event they report, in time that grows about linearly.

Each article gets a signature (see `signatures.py`): an embedding of the sentences that report
its event (with the title); the places of the event, weighted by how prominently the article
names them, split into *specific* places (a town, a venue, a region) and *countries*; the
actors named there; and the event's date as the claims state it (not the publication day:
reports of one event run for days and months).

Evidence, and why each term has its weight:

* **Text.** Reports of one event read alike, but so do reports of two strikes in one war
  (cosine 0.75 to 0.85 between their centroids): text alone never suffices, it is half of the
  score.
* **Specific places** are the strongest signal: two reports of one event name the same town or
  venue, and name it most. Profiles are compared on squared weights, so the place an article
  names most decides; a town named in passing (where the prisoners were captured) or a region
  that holds both towns counts little, and two reports whose main towns differ score below
  neutral. Names are compared by their consonants, so transliterations ("Kyiv", "Kiev";
  "Kharkiv", "Kharkov") are one place.
* **Countries** are weak: a war or a disaster produces many events in one country. A shared
  country adds a little; two reports whose countries are disjoint are unlikely to be one event.
* **Dates** are the event's own: the same day or the day after agrees; days more than a week
  apart disagree. A date written without a year ("March 16") is compared by month and day. An
  article published before another's event day cannot report it. A date that lies more than
  a month before the first report of it is doubted: more often a background date ("the war
  that began on Oct 7") read as the event's than the event's own.

Grouping is agglomerative. Pairs that share a block (a place, an event day, a bucket of the
embedding's random-plane hash, or, in corpora small enough, being near neighbours in the
embedding) are scored; pairs that pass SAME_EVENT_THRESHOLD are taken strongest first, and
two groups merge only if the groups *as wholes* (centroid text, summed place profiles, modal
dates) still look like one event: one article that reads like another event's reports
cannot chain two events together. Last, a small group left over (an undated article, one with
few claims) joins the larger group it matches best, if that match passes JOIN_THRESHOLD.

Weights and thresholds are set on the bundled examples, the seeds and four real events of
../shared/data/events: each comes out whole and apart, alone or in any combination, a single
article of one beside all of another stays apart, and so with any one weight or threshold
here moved by 0.1 (or a place weight of `signatures.py` halved or doubled). They are checked
on invented coverage by tests/test_grouping.py and on synthetic corpora by
benchmarks/grouping_speed.py.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import numpy as np

SAME_EVENT_THRESHOLD = 0.6  # a pair of articles looks like one event
MERGE_THRESHOLD = 0.6  # two groups, as wholes, still look like one event
JOIN_THRESHOLD = 0.5  # a small leftover group joins the best larger group at this score
JOIN_SHARE = 0.34  # "small": at most this share of the group it joins (or one article)
MAX_BLOCK = 200  # a key shared by more articles than this tells nothing about the event
HASH_BANDS = 6
HASH_BITS = 10
HASH_SEED = 20240322
NEIGHBOURS = 8  # exact nearest neighbours by text, in corpora up to EXACT_NEIGHBOURS_MAX
EXACT_NEIGHBOURS_MAX = 4000

W_TEXT = 0.5
# Specific places: score = W_PLACE * (shared - PLACE_NEUTRAL) / (1 - PLACE_NEUTRAL), where
# shared is `place_overlap` (1 = the same main place). Below PLACE_NEUTRAL, what two reports
# share is a town named in passing or a region, not the event's place.
W_PLACE, PLACE_NEUTRAL, PLACE_FLOOR = 0.5, 0.2, -0.25
W_COUNTRY, COUNTRY_CONFLICT = 0.1, -0.3
W_ACTORS = 0.2
DATE_NEAR, NEAR_DAYS = 0.15, 1
DATE_FAR, FAR_DAYS = -0.4, 7
PUBLISHED_BEFORE = -0.4  # published before the other's event day: cannot be its report
STALE_DAYS, STALE_WEIGHT = 31, 0.25  # a date this long before the first report counts this much


@dataclass
class Signature:
    """What grouping knows of one article.

    `places` are the specific places of the event (town, venue, region), by name; `weights`
    says how prominent each is (all equal when empty). `countries` are country-level places,
    a weak signal. `day` is the event's day from the claims; `month` its month when only the
    month is stated; `month_day` its month and day when written without a year.
    """

    article: str
    vector: np.ndarray
    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    day: str | None = None  # YYYY-MM-DD of the event, when known
    weights: Mapping[str, float] = field(default_factory=dict)
    countries: Mapping[str, float] = field(default_factory=dict)
    month: str | None = None  # YYYY-MM of the event, when only the month is known
    month_day: tuple[int, int] | None = None  # (month, day) of a date written without a year
    published: str | None = None  # YYYY-MM-DD the article appeared, when known


@dataclass
class EventGroup:
    """Articles that report one event, with what names it: its main place and its day."""

    id: str
    articles: list[str] = field(default_factory=list)
    place: str | None = None  # the most prominent specific place of the event, as written
    day: str | None = None  # the event's day (or month) most of its articles state

    @property
    def label(self) -> str | None:
        """A readable name, "Karvasa · 2025-11-02"; None when neither place nor day is known."""
        return " · ".join(p for p in (self.place, self.day) if p) or None


_VOWELS = re.compile(r"[aeiouyhw]")  # letters transliterations disagree on ("Benghazi", "Bengasi")
_REPEATS = re.compile(r"([a-z])\1+")  # doubled letters only: "city115" is not "city15"
MIN_SKELETON = 3  # shorter consonant skeletons collide ("Iran", "Oran"): keep the whole name
MIN_NEAR = 4  # keys this long or longer match a key one letter shorter
_K = TypeVar("_K", str, tuple[int, int])


def place_key(name: str) -> str:
    """The key under which two written names are one place: accents, case and vowels dropped.

    Transliterations differ mostly in vowels and doubled letters ("Kharkiv"/"Kharkov",
    "Zaporizhzhia"/"Zaporozhye", "Benghazi"/"Bengasi"), so each word keeps only its
    consonants; a name whose skeleton is too short to tell places apart ("Iran", "Oran")
    keeps its letters.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.sub(r"[^0-9a-z]+", " ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    skeleton = " ".join(_REPEATS.sub(r"\1", _VOWELS.sub("", w)) or w for w in words)
    return skeleton if len(skeleton.replace(" ", "")) >= MIN_SKELETON else " ".join(words)


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items()} if total > 0 else {}


def overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The weight two normalised profiles share: 1 for equal profiles, 0 for disjoint ones."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(w, b[k]) for k, w in a.items() if k in b)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two weight profiles: 1 when the same places are equally prominent, and led
    by the prominent ones, so that a place named in passing by one counts little."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    if dot == 0:
        return 0.0
    norms = sum(w * w for w in a.values()) * sum(w * w for w in b.values())
    return dot / float(np.sqrt(norms))


@functools.lru_cache(maxsize=65536)
def _shorter(key: str) -> frozenset[str]:
    """The key with one letter left out, for keys long enough not to collide."""
    if len(key) < MIN_NEAR or not key.isalpha():
        return frozenset()
    return frozenset(key[:i] + key[i + 1 :] for i in range(len(key)))


def place_overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """How far two place profiles name the same main place, from 0 to 1.

    The cosine of the squared weights: the place an article names most decides, and a
    region both name because each town lies in it, or a town named in passing (where the
    prisoners were captured), counts little. A key one letter longer than another is the same
    place: an adjectival form ("Karvaskaya" centre, in "Karvaska"), an extra consonant of a
    transliteration. Numbers never differ that way ("city12" is not "city1").
    """
    a = _fold_onto(a, b)
    b = _fold_onto(b, a)
    return cosine({k: w * w for k, w in a.items()}, {k: w * w for k, w in b.items()})


def _fold_onto(a: Mapping[str, float], b: Mapping[str, float]) -> Mapping[str, float]:
    """`a`, with each key that `b` lacks renamed to a near key of `b`, if there is one."""
    if all(k in b for k in a):
        return a
    out: dict[str, float] = defaultdict(float)
    for key, weight in a.items():
        if key not in b:
            key = next((o for o in b if key in _shorter(o) or o in _shorter(key)), key)
        out[key] += weight
    return out


@dataclass
class _View:
    """A signature of an article or of a whole group, as scoring reads it."""

    vector: np.ndarray  # unit length
    places: dict[str, float]  # place key -> normalised weight
    countries: dict[str, float]
    actors: dict[str, float]
    day: str | None
    month: str | None
    month_day: tuple[int, int] | None
    published: str | None  # the earliest publication day among its articles

    @property
    def stale(self) -> bool:
        """Whether its event date lies long before its first report: more often a background
        date ("the war that began on Oct 7") read as the event's than the event's own."""
        when = self.day or (f"{self.month}-01" if self.month else None)
        if not when or not self.published:
            return False
        return (date.fromisoformat(self.published) - date.fromisoformat(when)).days > STALE_DAYS


def _view(sig: Signature) -> _View:
    weights = sig.weights or dict.fromkeys(sig.places, 1.0)
    places: dict[str, float] = defaultdict(float)
    for name, w in weights.items():
        places[place_key(name)] += w
    countries: dict[str, float] = defaultdict(float)
    for name, w in sig.countries.items():
        countries[place_key(name)] += w
    month = sig.month or (sig.day[:7] if sig.day else None)
    month_day = sig.month_day or ((int(sig.day[5:7]), int(sig.day[8:10])) if sig.day else None)
    return _View(
        sig.vector,
        _normalised(places),
        _normalised(countries),
        _normalised(dict.fromkeys(sig.actors, 1.0)),
        sig.day,
        month,
        month_day,
        sig.published,
    )


def _days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two month-days, the short way round the year (a leap year's calendar)."""
    gap = abs((date(2000, *a) - date(2000, *b)).days)
    return min(gap, 366 - gap)


def _months_apart(a: str, b: str) -> int:
    return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))


def _gap_term(gap: int) -> float:
    if gap <= NEAR_DAYS:
        return DATE_NEAR
    return DATE_FAR if gap > FAR_DAYS else 0.0


def _date_term(a: _View, b: _View) -> float:
    term = _dates_compared(a, b)
    if term < 0 and (a.stale or b.stale):
        return term * STALE_WEIGHT
    return term


def _dates_compared(a: _View, b: _View) -> float:
    if a.day and b.day:
        return _gap_term(abs((date.fromisoformat(a.day) - date.fromisoformat(b.day)).days))
    if a.month and b.month:
        # One side knows only the month ("last September"): a month apart is still one event.
        return DATE_FAR if _months_apart(a.month, b.month) > 1 else 0.0
    if a.month_day and b.month_day:
        return _gap_term(_days_apart(a.month_day, b.month_day))
    # Without an event date of its own, an article still appeared on a day: it cannot report
    # an event that happened after it.
    for early, late in ((a, b), (b, a)):
        if not early.day and early.published and late.day and late.day > early.published:
            return PUBLISHED_BEFORE
    return 0.0


def _place_term(shared: float | None) -> float:
    if shared is None:
        return 0.0
    return max(PLACE_FLOOR, W_PLACE * (shared - PLACE_NEUTRAL) / (1 - PLACE_NEUTRAL))


def _country_term(a: _View, b: _View) -> float:
    if not a.countries or not b.countries:
        return 0.0
    shared = overlap(a.countries, b.countries)
    return W_COUNTRY * shared if shared > 0 else COUNTRY_CONFLICT


def _score_views(a: _View, b: _View) -> float:
    cosine = float(np.dot(a.vector, b.vector))
    shared = place_overlap(a.places, b.places) if a.places and b.places else None
    return (
        W_TEXT * cosine
        + _place_term(shared)
        + _country_term(a, b)
        + W_ACTORS * overlap(a.actors, b.actors)
        + _date_term(a, b)
    )


def score(a: Signature, b: Signature) -> float:
    """How strongly two articles look like reports of one event."""
    return _score_views(_view(a), _view(b))


class _Group:
    """Running totals of a group of articles, to score it as a whole."""

    def __init__(self, index: int, sig: Signature, view: _View) -> None:
        self.members = [index]
        self.vector = view.vector.astype(np.float64)
        self.places: Counter[str] = Counter(view.places)
        self.countries: Counter[str] = Counter(view.countries)
        self.actors: Counter[str] = Counter(view.actors)
        self.days: Counter[str] = Counter([sig.day] if sig.day else [])
        self.months: Counter[str] = Counter([view.month] if view.month else [])
        self.month_days: Counter[tuple[int, int]] = Counter(
            [view.month_day] if view.month_day else []
        )
        self.published = sig.published
        self.names: Counter[str] = Counter(sig.weights or dict.fromkeys(sig.places, 1.0))
        self._view: _View | None = view

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.vector = self.vector + other.vector
        for mine, theirs in (
            (self.places, other.places),
            (self.countries, other.countries),
            (self.actors, other.actors),
            (self.names, other.names),
        ):
            mine.update(theirs)
        self.days.update(other.days)
        self.months.update(other.months)
        self.month_days.update(other.month_days)
        if other.published and (not self.published or other.published < self.published):
            self.published = other.published
        self._view = None

    def view(self) -> _View:
        if self._view is None:
            norm = float(np.linalg.norm(self.vector))
            self._view = _View(
                (self.vector / norm if norm else self.vector).astype(np.float32),
                _normalised(self.places),
                _normalised(self.countries),
                _normalised(self.actors),
                modal(self.days),
                modal(self.months),
                modal(self.month_days),
                self.published,
            )
        return self._view

    def label(self) -> tuple[str | None, str | None]:
        """The most prominent place, as most often written, and the modal day (or month)."""
        by_key: dict[str, Counter[str]] = defaultdict(Counter)
        for name, weight in self.names.items():
            by_key[place_key(name)][name] += weight
        place = None
        if by_key:
            best = max(by_key, key=lambda k: (sum(by_key[k].values()), k))
            place = by_key[best].most_common(1)[0][0]
        return place, modal(self.days) or modal(self.months)


def modal(counts: Counter[_K]) -> _K | None:
    """The most frequent key, the smallest on a tie: the earliest day (a multi-day event's
    start), and a result that does not depend on the order articles came in."""
    if not counts:
        return None
    top = max(counts.values())
    return min(k for k, n in counts.items() if n == top)


def _hash_keys(vectors: np.ndarray) -> list[list[str]]:
    """Random-hyperplane hash, in bands: near vectors share at least one band's bucket."""
    if len(vectors) == 0:
        return []
    rng = np.random.default_rng(HASH_SEED)
    planes = rng.standard_normal((vectors.shape[1], HASH_BANDS * HASH_BITS)).astype(np.float32)
    bits = (vectors @ planes) > 0
    weights = 1 << np.arange(HASH_BITS)
    keys = []
    for row in bits:
        bands = row.reshape(HASH_BANDS, HASH_BITS)
        keys.append([f"h{i}:{int(band @ weights)}" for i, band in enumerate(bands)])
    return keys


def _neighbour_pairs(
    vectors: np.ndarray, k: int = NEIGHBOURS, rows: Sequence[int] | None = None
) -> Iterable[tuple[int, int]]:
    """Each article (of `rows`, all by default) with its k nearest by text: exact, so a small
    corpus misses no true pair."""
    n = len(vectors)
    if n < 2:
        return
    k = min(k, n - 1)
    order = list(range(n)) if rows is None else sorted(rows)
    for start in range(0, len(order), 512):
        chunk = order[start : start + 512]
        block = vectors[chunk] @ vectors.T
        for i, sims in zip(chunk, block, strict=True):
            sims[i] = -np.inf
            for j in np.argpartition(-sims, k - 1)[:k]:
                yield (min(i, int(j)), max(i, int(j)))


def candidate_pairs(
    signatures: Sequence[Signature], fresh: set[int] | None = None
) -> set[tuple[int, int]]:
    """Pairs of articles that share a block; never all pairs of a large corpus. With `fresh`,
    only the pairs that hold one of those articles."""
    blocks: dict[str, list[int]] = defaultdict(list)
    vectors = np.stack([s.vector for s in signatures]) if signatures else np.zeros((0, 1))
    for i, (sig, hashes) in enumerate(zip(signatures, _hash_keys(vectors), strict=True)):
        keys = {f"p:{place_key(p)}" for p in sig.places}
        keys.update([f"d:{sig.day}"] if sig.day else [])
        for key in [*keys, *hashes]:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        if fresh is None:
            pairs.update(itertools.combinations(members, 2))
        else:
            pairs.update((min(i, j), max(i, j)) for i in fresh & set(members) for j in members)
    if len(signatures) <= EXACT_NEIGHBOURS_MAX:
        rows = None if fresh is None else sorted(fresh)
        pairs.update(_neighbour_pairs(vectors.astype(np.float32), rows=rows))
    return {(i, j) for i, j in pairs if i != j}


def group_events(
    signatures: Sequence[Signature],
    progress: Callable[[int, int], None] | None = None,
    known: Sequence[Sequence[str]] = (),
) -> list[EventGroup]:
    """Events, largest first; every article is in exactly one (alone if nothing matches).

    `known` are the events found before (their articles' ids): they stay together, and only
    the articles outside them are grouped, with each other and with those events, so an
    event a person has been reading keeps its articles when new ones arrive.
    """
    views = [_view(s) for s in signatures]
    groups = {i: _Group(i, s, v) for i, (s, v) in enumerate(zip(signatures, views, strict=True))}
    parent = list(range(len(signatures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(a: int, b: int) -> None:
        if len(groups[a].members) < len(groups[b].members):
            a, b = b, a
        groups[a].absorb(groups.pop(b))
        parent[b] = a

    fresh = _seed(signatures, known, merge, find)
    pairs = sorted(candidate_pairs(signatures, fresh))
    scored: list[tuple[float, int, int]] = []
    for done, (i, j) in enumerate(pairs, start=1):
        value = _score_views(views[i], views[j])
        if value >= min(SAME_EVENT_THRESHOLD, JOIN_THRESHOLD):
            scored.append((value, i, j))
        if progress and done % 10_000 == 0:
            progress(done, len(pairs))
    # Strongest links first, so that a group is well formed before a doubtful link tests it.
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for value, i, j in scored:
        if value < SAME_EVENT_THRESHOLD:
            break
        a, b = find(i), find(j)
        if a != b and _score_views(groups[a].view(), groups[b].view()) >= MERGE_THRESHOLD:
            merge(a, b)
    _join_leftovers(groups, find, merge, [(i, j) for _, i, j in scored], fresh)
    ordered = sorted(
        groups.values(),
        key=lambda g: (-len(g.members), signatures[min(g.members)].article),
    )
    events = []
    for n, group in enumerate(ordered):
        place, day = group.label()
        articles = [signatures[m].article for m in sorted(group.members)]
        events.append(EventGroup(f"V{n + 1}", articles, place, day))
    return events


def _seed(
    signatures: Sequence[Signature],
    known: Sequence[Sequence[str]],
    merge: Callable[[int, int], None],
    find: Callable[[int], int],
) -> set[int] | None:
    """Put the articles of each known event together; the indexes of the other articles
    (None when nothing is known: every article is new)."""
    if not known:
        return None
    index = {s.article: i for i, s in enumerate(signatures)}
    for articles in known:
        members = [index[a] for a in articles if a in index]
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                merge(a, b)
    seen = {index[a] for articles in known for a in articles if a in index}
    return set(range(len(signatures))) - seen


def _join_leftovers(
    groups: dict[int, _Group],
    find: Callable[[int], int],
    merge: Callable[[int, int], None],
    links: list[tuple[int, int]],
    fresh: set[int] | None = None,
) -> None:
    """Let each small group join the larger group it matches best, smallest groups first
    (only groups holding a `fresh` article, when given: the others were settled before)."""
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in links:
        neighbours[i].add(j)
        neighbours[j].add(i)
    for root in sorted(groups, key=lambda r: (len(groups[r].members), r)):
        if root not in groups:
            continue
        small = groups[root]
        if fresh is not None and fresh.isdisjoint(small.members):
            continue
        near = {find(j) for m in small.members for j in neighbours[m]} - {root}
        best, best_score = None, JOIN_THRESHOLD
        for other in sorted(near):
            big = groups[other]
            if len(small.members) > max(1.0, JOIN_SHARE * len(big.members)):
                continue
            value = _score_views(small.view(), big.view())
            if value >= best_score:
                best, best_score = other, value
        if best is not None:
            merge(best, root)


def most_common(items: list[str]) -> str | None:
    """The most frequent item, the first seen on a tie."""
    return Counter(items).most_common(1)[0][0] if items else None
