"""One person across spellings and transliterations, by rule rather than by a list of names.

Outlets write the same person in many ways: "Zelensky", "Zelenskyy", "Zelenskiy",
"V. Zelenskyj"; "Gaddafi", "Qaddafi", "Kadhafi"; "Mohammed" and "Muhammad"; "Mao Zedong"
and "Mao Tse-tung". `name_key` reduces a name to a phonetic skeleton in which the common
transliteration alternations collapse (accents, titles, Arabic articles, y/i/j, kh/h,
ts/tz/z, sh/sch, ph/f, w/v, ou/u, doubled letters, ...). `same_person` then compares the
skeletons part by part: the surnames must agree (equal, or close under an edit distance in
which transliteration-like substitutions are cheap, the allowance scaled by length), and the
given names, when both are written, must be compatible (equal or close, or one the other's
initial). Different given names with one surname are different people ("Boris Johnson",
"Andrew Johnson"), and so are a surname and its feminine form ("Ivanov" and "Ivanova",
"Zelensky" and "Zelenska"): in the press a woman's surname is not a spelling of a man's.

The skeleton uses a few letters as symbols of sound classes: ``x`` for sh (sh, sch, sz, an
initial pinyin x or Wade-Giles hs), ``c`` for ch (ch, tch, tsch, cz), ``j`` for the
j/zh/dzh sounds, ``h`` for kh; ``c``, ``q``, ``w``, ``y`` and a non-initial ``x`` of the
source become k or s, k, v, i and ks, and a j after a vowel (Zelenskyj, Aleksej) is i.
A single word is taken as a surname, the last word of a longer name as its surname.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A pair judged the same person scores at least this; `same_person` is this test.
SAME_PERSON_THRESHOLD = 0.86
# Cap on the similarity of pairs a rule excludes, so they stay well below the threshold
# while still ranking above unrelated names (same surname, other given name).
_EXCLUDED_CAP = 0.5
# Cap for a short part that is not identical: too few letters to trust a near match.
_SHORT_CAP = 0.8
# Below this many letters a surname must match exactly ("Musk" is not "Mask").
_MIN_FUZZY_SURNAME = 5
# Below this many letters a given name must match exactly ("Ali" is not "Eli").
_MIN_FUZZY_GIVEN = 4

# Leading words that are a title or office, not part of the name.
TITLES = frozenset(
    """
    president vice prime minister premier chancellor secretary foreign defence defense
    interior deputy state of the governor gov mayor senator sen representative rep
    congressman congresswoman mp mep ambassador spokesman spokeswoman spokesperson judge
    justice mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame
    monsieur herr frau king queen prince princess crown sheikh shaikh shaykh sultan
    ayatollah grand imam mullah rabbi pope cardinal bishop archbishop rev reverend father
    gen general lt lieutenant col colonel maj major capt captain cmdr commander adm admiral
    sgt sergeant cpl corporal pvt private marshal field brig brigadier chief supreme leader
    comrade hon honourable honorable his her excellency
    """.split()
)
# Trailing generational suffixes.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Arabic article forms written joined by a hyphen ("al-Assad", "ad-Din", "ash-Sharif").
_HYPHEN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul"})
# The article written as a word of its own ("al Baghdadi", "Bashar el Assad").
_WORD_ARTICLES = frozenset({"al", "el"})
# Particles that belong to the next word of the surname ("von der Leyen", "bin Laden").
_PARTICLES = frozenset("von van der den de del della di da du dos das le la bin ibn bint".split())
# Particles that are also given names ("Ben Wallace"), joined only after the first word.
_INNER_PARTICLES = frozenset({"ben"})

# Russian and Ukrainian letters in English transliteration (the skeleton folds the rest);
# the hard and soft signs, "_" here, are silent.
_CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя",
        "a b v g g d e ye zh z i i yi y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu "
        "ya".split(),
        strict=True,
    )
)
_CYRILLIC["ъ"] = _CYRILLIC["ь"] = ""
# Latin letters NFKD does not decompose.
_LATIN_EXTRA = dict(
    pair.split(":") for pair in "ł:l ø:o ß:ss æ:ae œ:oe ı:i đ:d ð:d þ:th ħ:h".split()
)
_APOSTROPHES = "'’ʼʻʹ`´‘"

# Sound classes: multi-letter spellings first, so the longest one wins at each position.
_DIGRAPHS = dict(
    pair.split(":")
    for pair in """
    shch:x tsch:c szcz:x dzh:j sch:x tch:c kh:h zh:j sh:x ch:c cz:c sz:x dj:j gh:g dh:d
    th:t ph:f ck:k ts:z tz:z ee:i oo:u q:k c:k w:v x:ks y:i
    """.split()
)
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_VOWELS = frozenset("aeiou")

# Edit costs in tenths: a near vowel (o/u, e/i) is cheap, a/e a little dearer, other
# vowels dearer still; a consonant for its voiced or transliterated twin is cheap, and
# so is a dropped vowel or h.
_CHEAP_PAIRS = {frozenset(p) for p in "dt bp gk sz vf xs xc hg ji jx jz".split()}
# ch and kh/h are one sound in German, Hebrew and Russian transliteration: Chaim/Haim,
# Yitzchak/Yitzhak, Rachmaninoff/Rakhmaninov; near-free like o/u.
_NEAR_PAIRS = {frozenset("ou"), frozenset("ei"), frozenset("ch")}
_FATHA = frozenset("ae")


def _fold(text: str) -> str:
    """Lowercase, accents off, Cyrillic in Latin letters, apostrophes gone."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    # Casefolding can produce new decomposable letters ("İ" -> "i̇"): fold once more.
    text = unicodedata.normalize("NFKD", text)
    out = []
    for c in text:
        if unicodedata.combining(c) or c in _APOSTROPHES:
            continue
        out.append(_CYRILLIC.get(c, _LATIN_EXTRA.get(c, c)))
    return "".join(out)


def _skeleton(word: str) -> str:
    """The sound skeleton of one word (lowercase, folded)."""
    w = word
    # A j between a vowel and a non-vowel is the glide y: Zelenskyj, Aleksej, Nikolaj.
    w = re.sub(r"(?<=[aeiouy])j(?![aeiouy])", "y", w)
    # c before a front vowel sounds s (Cicero, Tsitsipas); elsewhere k.
    w = re.sub(r"c(?=[eiy])", "s", w)
    # Pinyin initial x and Wade-Giles hs are both the sh-like sound: Xiaoping, Hsiao-p'ing.
    w = re.sub(r"^(x|hs)", "sh", w)
    # ou before a consonant is the vowel u (Poutine, Mahmoud), as is Persian ow before h
    # (Rowhani); not a final ou, which is a pinyin syllable (Zhou is not Zhu).
    w = re.sub(r"ou(?=[^aeiouy])|ow(?=h)", "u", w)
    # -off is the French and older English spelling of -ov: Rachmaninoff, Prokofieff.
    w = re.sub(r"(?<=[aeio])ff$", "v", w)
    w = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group()], w)
    w = re.sub(r"(.)\1+", r"\1", w)  # Gaddafi/Gadafi, Hassan/Hasan, Zelenskyy/Zelensky
    if len(w) >= 5:
        w = re.sub(r"ei$", "i", w)  # Sergei/Sergey, Andrei; not the syllables Lei or Wei
        # A silent French -e after a consonant: Poutine, Eltsine, Prigojine.
        w = re.sub(r"(?<=[^aeiou])e$", "", w)
    # An initial y-glide before a vowel comes and goes: Yevgeny/Evgeny, Yeltsin/Eltsine,
    # Yahya/Yehia, Yuri/Iouri; not in a short word, where the i is a vowel (Ian).
    w = re.sub(r"^i(?=[aeou]..)", "", w)
    w = re.sub(r"(?<=[aeiou])h$", "", w)  # Nasrallah/Nasrulla, Haniyeh, Fatimah
    return w


@dataclass(frozen=True)
class _Part:
    """One word of a name: its folded spelling and its skeleton."""

    raw: str
    skel: str


def _words(folded: str) -> list[str]:
    """Words of a folded name, hyphenated parts joined and Arabic articles dropped."""
    words = []
    for chunk in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", folded):
        parts = chunk.split("-")
        if len(parts) > 1:
            parts = [p for p in parts[:-1] if p not in _HYPHEN_ARTICLES] + parts[-1:]
        word = "".join(parts)
        if word in _WORD_ARTICLES and len(parts) == 1:
            continue
        words.append(word)
    return words


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return words


def _join_abd(words: list[str]) -> list[str]:
    """Abd al-X, Abdul X, Abdel X, Abdulx and Abdurrahman as one word 'abd' + X."""
    out: list[str] = []
    pending = ""
    for word in words:
        word = pending + word
        pending = ""
        if re.fullmatch(r"abd(?:[aeiou]{1,2}[lrsnzt]?)?", word):
            pending = "abd"
            continue
        # Joined forms: the article's l (Abdulaziz) or a doubled sun letter (Abdurrahman).
        word = re.sub(r"^abd[aeiou]{1,2}l(?=[a-z]{2})", "abd", word)
        word = re.sub(r"^abd[aeiou]{1,2}([rsnzt])(?=\1)", "abd", word)
        out.append(word)
    if pending:
        out.append(pending)
    return out


def _join_particles(words: list[str]) -> list[str]:
    """'von der Leyen' -> 'vonderleyen', 'ibn Saud' -> 'binsaud', so the surname is one word."""
    out: list[str] = []
    prefix = ""
    for i, word in enumerate(words):
        is_particle = word in _PARTICLES or (i > 0 and word in _INNER_PARTICLES)
        if is_particle and i < len(words) - 1:
            prefix += "bin" if word in ("ibn", "ben") else word
            continue
        out.append(prefix + word)
        prefix = ""
    return out


def _split_initials(words: list[str]) -> list[str]:
    """A given-name word of a few consonants is initials without their dots ('gw bush')."""
    out: list[str] = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and len(word) <= 3 and not set(word) & set("aeiouy"):
            out.extend(word)
        else:
            out.append(word)
    return out


@lru_cache(maxsize=65536)
def _parse(name: str) -> tuple[_Part, ...]:
    """The words of a name as parts, given names first and the surname last."""
    words = _split_initials(_join_particles(_join_abd(_strip_titles(_words(_fold(name))))))
    parts = (_Part(w, _skeleton(w)) for w in words)
    return tuple(p for p in parts if p.skel)


def name_key(name: str) -> str:
    """The name's phonetic skeleton: one word per part, transliteration variants collapsed.

    >>> name_key("President Volodymyr Zelenskyy") == name_key("Volodimir Zelenskij")
    True
    """
    return " ".join(p.skel for p in _parse(name))


def _cost_sub(a: str, b: str) -> int:
    if a == b:
        return 0
    pair = frozenset((a, b))
    if pair in _NEAR_PAIRS:
        return 3
    if a in _VOWELS and b in _VOWELS:
        # a/e is the Arabic fatha written either way (Ahmed/Ahmad, Hamid/Hamed); other
        # vowel changes mostly make another name (Dana/Dina, Lila/Lola).
        return 4 if pair == _FATHA else 6
    return 5 if pair in _CHEAP_PAIRS else 10


def _cost_indel(a: str) -> int:
    return 5 if a in _VOWELS or a == "h" else 10


def skeleton_distance(a: str, b: str) -> int:
    """Weighted edit distance between two skeletons, in tenths of an ordinary edit."""
    # A resolver compares the same surnames over and over: order the pair for the cache.
    return _distance(a, b) if a <= b else _distance(b, a)


@lru_cache(maxsize=1 << 16)
def _distance(a: str, b: str) -> int:
    previous = [0]
    for ch in b:
        previous.append(previous[-1] + _cost_indel(ch))
    for ca in a:
        current = [previous[0] + _cost_indel(ca)]
        for j, cb in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + _cost_indel(ca),
                    current[j - 1] + _cost_indel(cb),
                    previous[j - 1] + _cost_sub(ca, cb),
                )
            )
        previous = current
    return previous[-1]


def _ending(skel: str) -> str:
    """The class of a word's last letter: 'a', another vowel, or a consonant."""
    last = skel[-1]
    if last == "a":
        return "a"
    return "v" if last in _VOWELS else "c"


def _endings_agree(a: str, b: str) -> bool:
    """Whether two endings can be one name: Ivanov/Ivanova, Zelensky/Zelenska cannot.

    A final -a against -e is allowed (Arabic ta marbuta: Haniya/Haniyeh).
    """
    ea, eb = _ending(a), _ending(b)
    if ea == eb:
        return True
    return {ea, eb} == {"a", "v"} and {a[-1], b[-1]} == {"a", "e"}


def _part_similarity(a: str, b: str, min_fuzzy: int, floor: float = 0.0) -> float:
    """Similarity in [0, 1] of two skeleton words; a short or mismatched pair is capped.

    A pair that cannot reach `floor` may get an upper bound of its score instead, below
    `floor` too, without the edit distance being computed.
    """
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    longest = max(len(a), len(b))
    # Each letter of difference in length costs at least a cheap insertion.
    bound = 1.0 - 5 * abs(len(a) - len(b)) / (10 * longest)
    if bound < floor:
        return bound
    score = max(0.0, 1.0 - skeleton_distance(a, b) / (10 * longest))
    if not _endings_agree(a, b):
        return min(score, _EXCLUDED_CAP)
    if longest < min_fuzzy:
        return min(score, _SHORT_CAP)
    return score


def _given_similarity(a: _Part, b: _Part, floor: float) -> float:
    """Given names: equal or close, or one is the other's initial."""
    if len(a.raw) == 1 or len(b.raw) == 1:
        if a.raw[0] == b.raw[0] or a.skel[0] == b.skel[0]:
            return 1.0
        return 0.0
    score = _part_similarity(a.skel, b.skel, _MIN_FUZZY_GIVEN, floor)
    if score < floor or score == 1.0:
        return score
    # Given names are short and many differ by a letter (Dana/Dina, Mary/Mario), so they
    # need a closer match than surnames: one cheap edit per ten letters, a little more in
    # a long name (Vladimir/Volodymyr).
    longest = max(len(a.skel), len(b.skel))
    limit = longest + longest // 4 if longest >= 8 else longest
    if skeleton_distance(a.skel, b.skel) > limit:
        return min(score, _SHORT_CAP)
    return score


def _similarity(a: str, b: str, floor: float) -> float:
    """`name_similarity`, allowed to stop early, below `floor`, once `floor` is out of reach."""
    pa, pb = _parse(a), _parse(b)
    if not pa or not pb:
        return 0.0
    if "".join(p.skel for p in pa) == "".join(p.skel for p in pb):
        return 1.0
    score = _part_similarity(pa[-1].skel, pb[-1].skel, _MIN_FUZZY_SURNAME, floor)
    if score < floor or len(pa) == 1 or len(pb) == 1:
        return score
    # Middle names count only where both names write them ("George H. W. Bush").
    for ga, gb in zip((pa[0], *pa[1:-1]), (pb[0], *pb[1:-1]), strict=False):
        score = min(score, _given_similarity(ga, gb, floor))
        if score < floor:
            break
    return score


def name_similarity(a: str, b: str) -> float:
    """How alike two person names are, in [0, 1]; the weakest of their parts.

    The surname (last word) is compared with the surname; when both names have given
    names, the first given names and then any middle names present in both are compared
    too. A single word is a surname. Two names with the same skeleton once all words are
    joined ("Kim Jong Un", "Kim Jong-un") score 1. A pair `same_person` accepts scores at
    least SAME_PERSON_THRESHOLD; a pair a rule excludes (another given name, a feminine
    surname) at most 0.5.
    """
    return _similarity(a, b, 0.0)


def same_person(a: str, b: str) -> bool:
    """Whether two names, however transliterated, name one person.

    >>> same_person("Volodymyr Zelenskyy", "V. Zelenskiy"), same_person("Gaddafi", "Qaddafi")
    (True, True)
    >>> same_person("Boris Johnson", "Andrew Johnson"), same_person("Ivanov", "Ivanova")
    (False, False)
    """
    return _similarity(a, b, SAME_PERSON_THRESHOLD) >= SAME_PERSON_THRESHOLD


def name_blocks(name: str) -> frozenset[str]:
    """Blocking keys: two names `same_person` accepts nearly always share one.

    The consonant classes of the surname (voicing and transliteration twins folded, h and
    the y-like sounds dropped), their first two and their last two, and the first two of
    the whole name joined; so a resolver compares a new name with a few known ones only.
    """
    parts = _parse(name)
    if not parts:
        return frozenset()

    def signature(skel: str) -> str:
        return "".join(_BLOCK_CLASSES.get(c, c) for c in skel if c not in _BLOCK_DROP)

    surname = signature(parts[-1].skel)
    whole = signature("".join(p.skel for p in parts))
    return frozenset({f"s<{surname[:2]}", f"s>{surname[-2:]}", f"w<{whole[:2]}"})


_BLOCK_CLASSES = {"d": "t", "b": "p", "g": "k", "z": "s", "x": "s", "f": "v"}
_BLOCK_DROP = frozenset("aeiouhjc")
