"""Compare two statements: how alike they are, and how they relate.

One function serves ``verify match``, the Datasette similarity function and the benchmarks, so
a threshold measured on MRPC/ANS is the threshold users get. Words are aligned token by token
(exact stems first, then typos through rapidfuzz on the leftovers): order-insensitive, so
reordered and shortened quotes still align, and cheap enough to run on every candidate. The
alignment gives the highlighted spans and leaves the unaligned words where differences
(numbers, dates, negation, opposites, swapped places) are looked for. A relation other than
``unrelated`` always rests on evidence kept in ``details``.
"""

from __future__ import annotations

import importlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

from ..normalize import Normalized, normalize_text
from ..normalize import normalize as _normalize
from .differences import Side, figures_agree, find_differences, negated
from .scorers import BUILTIN, scorers
from .tokens import Token, script_of, tokenize

__all__ = ["Comparison", "compare", "text_score", "time_apart", "RELATIONS", "THRESHOLDS", "speakers_differ"]

RELATIONS = ("same_quote", "misattributed", "paraphrase", "contradicts", "related", "unrelated")

# ``paraphrase`` is the median of the fold thresholds that benchmarks/compare_pairs.py picks by
# 10-fold cross-validation on MRPC train (it prints them); the others are set by hand on the
# bundled sample and ANS, and are what the tests pin down.
THRESHOLDS = {
    "same_words": 0.88,  # quote (or whole text) this close: the same words
    "paraphrase": 0.453,  # combined score: the same claim in other words
    "contradicts": 0.3,  # text or quote score above which a concrete difference is a contradiction
    "related": 0.30,  # combined score: same entities and event
}

_STOP_WEIGHT = 0.1
_IN_ORDER = 92  # rapidfuzz partial_ratio of the shorter quote inside the longer: the same words
_PLAUSIBLE = 0.2  # text or quote score below which numbers and dates are not looked for
_FUZZY_CUTOFF = 82  # rapidfuzz ratio for two tokens to count as one word with a typo
_UNKNOWN_SPEAKERS = {"", "anonymous", "unknown", "مجهول", "مصادر", "مصدر"}
_UNKNOWN_KINDS = {"anonymous", "media"}
# A speaker named only as "sources ..." is anonymous even when the extractor did not say so.
_ANONYMOUS_WORDS = {"مصادر", "مصدر", "مسؤولون", "وسائل", "sources", "source", "officials", "media"}
_TITLES = {
    "col", "colonel", "gen", "general", "lt", "maj", "major", "capt", "dr", "mr", "mrs", "ms",
    "president", "minister", "spokesman", "spokeswoman", "sen", "rep", "gov", "prime", "the",
    "العقيد", "اللواء", "العميد", "الفريق", "المقدم", "الرائد", "النقيب", "الرئيس", "الوزير",
    "وزير", "الناطق", "المتحدث", "رئيس", "السيد", "الدكتور", "د", "الشيخ", "باسم", "العقيد",
}


@dataclass
class Comparison:
    """The outcome of comparing two statements, in the shape stored in ``matches``."""

    relation: str
    score: float
    quote_score: float | None
    text_score: float
    entity_score: float
    details: dict = field(default_factory=dict)

    def as_row(self) -> dict:
        """The ``matches`` columns this comparison fills."""
        return {"relation": self.relation, "score": round(self.score, 4),
                "quote_score": None if self.quote_score is None else round(self.quote_score, 4),
                "text_score": round(self.text_score, 4), "entity_score": round(self.entity_score, 4),
                "details": self.details}


@lru_cache(maxsize=None)
def _optional(module: str, name: str) -> Callable | None:
    """A helper from another part of verify, or None while that part does not exist yet."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


@lru_cache(maxsize=65536)
def _entity_key(name: str) -> str:
    key = _optional("verify.keys", "entity_key")
    return key(name) if key else normalize_text(name).strip()


@dataclass(frozen=True)
class _Digits:
    """A bare run of digits: what is known of a number until ``verify.numbers`` is installed."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float


@lru_cache(maxsize=16384)
def _numbers(text: str) -> tuple:
    """Numbers in a text, once per text: ``verify match`` compares one statement with many."""
    find = _optional("verify.numbers", "find_numbers")
    if find:
        try:
            return tuple(find(text))
        except Exception:  # noqa: BLE001 - one odd sentence must not stop a whole matching run
            pass
    out = []
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        value = float(m.group().replace(",", ""))
        out.append(_Digits(m.start(), m.end(), m.group(), value, value, value))
    return tuple(out)


@lru_cache(maxsize=16384)
def _dates(text: str) -> tuple:
    find = _optional("verify.dates", "find_dates")
    if not find:
        return ()
    return tuple(d for d in find(text, None) if getattr(d, "value", None))


@lru_cache(maxsize=4096)
def normalize(text: str) -> Normalized:
    """Normalise once per text: a statement meets many candidates in one matching run."""
    return _normalize(text)


class _Text:
    """Normalised text whose map back to the original is built only when a span needs it.

    Most candidate pairs turn out unrelated and never show a span, and building the offset
    map is most of the cost of normalising.
    """

    __slots__ = ("original", "text", "_full", "_checked")

    def __init__(self, original: str, norm: str | None = None) -> None:
        self.original = original
        self.text = _normalize_text_cached(original) if norm is None else norm
        self._full: Normalized | None = None
        self._checked = False

    def _map(self) -> Normalized | None:
        """The offset map, or None when every character normalises to exactly one (most
        news text without diacritics): then offsets are the same on both sides."""
        if not self._checked:
            self._checked = True
            if not (len(self.text) == len(self.original) and _one_to_one(self.original)):
                self._full = normalize(self.original)
        return self._full

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        full = self._map()
        return (start, end) if full is None else full.to_original(start, end)

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        full = self._map()
        return (start, end) if full is None else full.from_original(start, end)


_ONE_TO_ONE: dict[str, bool] = {}


def _one_to_one(text: str) -> bool:
    """Whether each character of ``text`` is its own cluster and normalises to one character."""
    for ch in set(text):  # a few dozen distinct characters in a statement of hundreds
        ok = _ONE_TO_ONE.get(ch)
        if ok is None:
            ok = _ONE_TO_ONE[ch] = not unicodedata.combining(ch) and len(normalize_text(ch)) == 1 \
                and unicodedata.category(ch)[0] != "M"
        if not ok:
            return False
    return True


@lru_cache(maxsize=16384)
def _normalize_text_cached(text: str) -> str:
    return normalize_text(text)


# ---------------------------------------------------------------- speakers

def _speaker_parts(speaker: Any) -> tuple[str, str]:
    if speaker is None:
        return "", "anonymous"
    if isinstance(speaker, str):
        return speaker, "person"
    return getattr(speaker, "name", "") or "", getattr(speaker, "kind", "person") or "person"


def _speaker_keys(name: str) -> set[str]:
    words = [w for w in re.findall(r"\w+", normalize_text(name)) if w not in _TITLES and len(w) > 1]
    word_keys = _optional("verify.keys", "word_keys")
    if word_keys:
        return {re.sub(r"(.)\1+", r"\1", k) for w in words for k in word_keys(w)}
    return set(words)


def _first_word(name: str) -> str:
    words = normalize_text(name).split()
    return words[0] if words else ""


def speakers_differ(a: Any, b: Any) -> bool:
    """True only when both speakers are known people or bodies and cannot be the same one.

    Anonymous sources and media relaying others are unknown, never different; titles are
    ignored and one name may be a part of the other (``Col. Ryan Dillon`` / ``رايان ديلون``).
    """
    return _names_differ(*_speaker_parts(a), *_speaker_parts(b))


@lru_cache(maxsize=65536)
def _names_differ(name_a: str, kind_a: str, name_b: str, kind_b: str) -> bool:
    """``speakers_differ`` on plain values: a matching run asks it of the same few speakers
    millions of times."""
    if kind_a in _UNKNOWN_KINDS or kind_b in _UNKNOWN_KINDS:
        return False
    if normalize_text(name_a).strip() in _UNKNOWN_SPEAKERS or normalize_text(name_b).strip() in _UNKNOWN_SPEAKERS:
        return False
    if _first_word(name_a) in _ANONYMOUS_WORDS or _first_word(name_b) in _ANONYMOUS_WORDS:
        return False
    person_key = _optional("verify.keys", "person_key") or _entity_key
    if person_key(name_a) == person_key(name_b):
        return False
    keys_a, keys_b = _speaker_keys(name_a), _speaker_keys(name_b)
    if not keys_a or not keys_b:
        return False
    small, large = sorted((keys_a, keys_b), key=len)
    return not small <= large


# ---------------------------------------------------------------- alignment

@dataclass
class _Aligned:
    norm: "_Text"
    tokens: list[Token]
    weights: list[float]
    matched: dict[int, tuple[int, float]]  # own token index -> (other token index, similarity)
    muted: frozenset[int] = frozenset()  # tokens of the attribution, weighed like stop words


def _weights(tokens: Sequence[Token], idf: Callable[[str], float] | None) -> list[float]:
    if idf is None:
        return [_STOP_WEIGHT if t.stop else 1.0 for t in tokens]
    return [_STOP_WEIGHT if t.stop else idf(t.stem) for t in tokens]


def _align(ta: Sequence[Token], tb: Sequence[Token]) -> dict[int, tuple[int, float]]:
    """Match each token of ``a`` to at most one of ``b``: equal stems, then typo-level fuzzy."""
    pairs: dict[int, tuple[int, float]] = {}
    free_b: dict[str, list[int]] = {}
    for j, t in enumerate(tb):
        free_b.setdefault(t.stem, []).append(j)
    used_b: set[int] = set()
    for i, t in enumerate(ta):
        slots = free_b.get(t.stem)
        if slots:
            j = slots.pop(0)
            pairs[i] = (j, 1.0)
            used_b.add(j)
    rest_a = [i for i, t in enumerate(ta) if i not in pairs and not t.stop and len(t.stem) >= 4]
    rest_b = [j for j, t in enumerate(tb) if j not in used_b and not t.stop and len(t.stem) >= 4]
    if rest_a and rest_b:
        grid = process.cdist([ta[i].stem for i in rest_a], [tb[j].stem for j in rest_b],
                             scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        found = sorted(((grid[x][y], x, y) for x in range(len(rest_a)) for y in range(len(rest_b))
                        if grid[x][y] > 0), reverse=True)
        taken_a: set[int] = set()
        for s, x, y in found:
            i, j = rest_a[x], rest_b[y]
            if i in taken_a or j in used_b or ta[i].stem.isdigit() or tb[j].stem.isdigit():
                continue
            taken_a.add(i)
            used_b.add(j)
            pairs[i] = (j, float(s) / 100.0)
    return pairs


def _coverage(weights: Sequence[float], matched: dict[int, tuple[int, float]]) -> float:
    total = sum(weights)
    if total <= 0:
        return 0.0
    return sum(weights[i] * sim for i, (_, sim) in matched.items()) / total


def _spans(side: _Aligned) -> list[list[int]]:
    """Runs of aligned content words, merged across the spaces and stop words between them."""
    runs: list[list[int]] = []
    last = -2
    for i, t in enumerate(side.tokens):
        if i not in side.matched:
            continue
        if runs and i == last + 1:
            runs[-1][1] = t.end
        else:
            runs.append([t.start, t.end])
        last = i
    out = []
    for start, end in runs:
        if any(not side.tokens[i].stop for i, tok in enumerate(side.tokens)
               if i in side.matched and start <= tok.start < end):
            out.append(list(side.norm.to_original(start, end)))
    return out


def _pair_score(na: _Text, nb: _Text, idf: Callable[[str], float] | None,
                muted_a: frozenset[int] = frozenset(), muted_b: frozenset[int] = frozenset()
                ) -> tuple[float, _Aligned, _Aligned]:
    """Weighted word coverage of each side by the other, as one harmonic mean.

    ``muted_*`` are token indices that weigh like stop words: the attribution around a quote,
    which two different quotes of one speaker share word for word.
    """
    ta, tb = tokenize(na.text), tokenize(nb.text)
    a_to_b = _align(ta, tb)
    b_to_a = {j: (i, s) for i, (j, s) in a_to_b.items()}
    side_a = _Aligned(na, ta, _muted(_weights(ta, idf), muted_a), a_to_b, muted_a)
    side_b = _Aligned(nb, tb, _muted(_weights(tb, idf), muted_b), b_to_a, muted_b)
    ca, cb = _coverage(side_a.weights, a_to_b), _coverage(side_b.weights, b_to_a)
    score = 0.0 if ca + cb == 0 else 2 * ca * cb / (ca + cb)
    return score, side_a, side_b


def _muted(weights: list[float], muted: frozenset[int]) -> list[float]:
    for i in muted:
        weights[i] = min(weights[i], _STOP_WEIGHT)
    return weights


def _attribution(text: str, norm: _Text, tokens: Sequence[Token], quote: str | None,
                 speaker: Any) -> frozenset[int]:
    """Tokens that say who spoke rather than what was said: outside the quote when there is
    one, else the words of the speaker's own name."""
    at = text.find(quote) if quote else -1
    if at >= 0:
        start, end = norm.from_original(at, at + len(quote))
        return frozenset(i for i, t in enumerate(tokens) if t.end <= start or t.start >= end)
    name, kind = _speaker_parts(speaker)
    if not name or kind in _UNKNOWN_KINDS:
        return frozenset()
    own = {t.stem for t in tokenize(_normalize_text_cached(name)) if t.stem not in _TITLES}
    return frozenset(i for i, t in enumerate(tokens) if t.stem in own)


def _said(na: _Text, nb: _Text, quote_a: str | None, quote_b: str | None, speaker_a: Any, speaker_b: Any,
          idf: Callable[[str], float] | None) -> tuple[float, _Aligned, _Aligned]:
    """The text score of what two statements say, their attributions muted."""
    muted_a = _attribution(na.original, na, tokenize(na.text), quote_a, speaker_a)
    muted_b = _attribution(nb.original, nb, tokenize(nb.text), quote_b, speaker_b)
    return _pair_score(na, nb, idf, muted_a, muted_b)


def text_score(a: str, b: str, *, quote_a: str | None = None, quote_b: str | None = None,
               speaker_a: Any = None, speaker_b: Any = None, idf: Callable[[str], float] | None = None,
               norm_a: str | None = None, norm_b: str | None = None) -> float:
    """``compare(...).text_score`` without the rest of the comparison: what a brute-force
    matcher scoring every pair by text alone would compute."""
    return _said(_Text(a, norm_a), _Text(b, norm_b), quote_a, quote_b, speaker_a, speaker_b, idf)[0]


def _in_order(a: str, b: str) -> bool:
    """The same words in the same order, typos aside: the shorter text found inside the longer.

    Run only on pairs whose words already align (``partial_ratio`` is too dear for every
    candidate), it tells a shortened quote from a reworded one.
    """
    short, long = sorted((_normalize_text_cached(a), _normalize_text_cached(b)), key=len)
    return fuzz.partial_ratio(short.strip(' ."'), long) >= _IN_ORDER


def _containment(qa: str, qb: str, idf: Callable[[str], float] | None) -> float:
    """How much of the shorter quote is found inside the longer: survives cuts and reordering."""
    na, nb = _Text(qa), _Text(qb)
    ta, tb = tokenize(na.text), tokenize(nb.text)
    a_to_b = _align(ta, tb)
    b_to_a = {j: (i, s) for i, (j, s) in a_to_b.items()}
    wa, wb = _weights(ta, idf), _weights(tb, idf)
    short_w, short_m, short_t = (wa, a_to_b, ta) if sum(wa) <= sum(wb) else (wb, b_to_a, tb)
    content = sum(1 for t in short_t if not t.stop)
    # A two-word quote found in a long one proves little: scale down below four content words.
    return _coverage(short_w, short_m) * min(1.0, content / 4.0)


# ---------------------------------------------------------------- entities

def _entity_keys(text: str, norm: _Text, tokens: Sequence[Token], mentions: Iterable[Any] | None,
                 numbers: Sequence[Any], dates: Sequence[Any], quote: str | None = None, speaker: Any = None,
                 muted: frozenset[int] = frozenset()) -> tuple[set[str], list[tuple[str, str, int, int]]]:
    """Keys naming what a statement is about: entities, numbers, dates; and the entities
    themselves (those the statement is about, see ``_claimed``).

    Extracted mentions are used when given; otherwise capitalised words (Latin script) and
    content words (Arabic script, which has no capitals) stand in, through the same
    script-independent key, so ``Kirkuk`` and ``كركوك`` meet. The speaker's own name is no
    key: the speaker counts once, through ``_same_known_speaker``, or two quotes of one person
    would share two keys whatever they said.
    """
    keys: set[str] = set()
    entities: list[tuple[str, str, int, int]] = []
    for n in numbers:
        value = getattr(n, "value", None)
        keys.add(f"n:{value:g}" if value is not None else f"n:{n.low:g}-{n.high:g}")
    for d in dates:
        keys.add(f"d:{d.value}")
    if mentions:
        for m in mentions:
            mtype = getattr(m, "type", None) or m.get("type")
            if mtype in ("number", "date"):
                value = getattr(m, "value", None) if not isinstance(m, dict) else m.get("value")
                if value:
                    keys.add(f"{mtype[0]}:{value}")
                continue
            key = (getattr(m, "key", None) if not isinstance(m, dict) else m.get("key")) or _entity_key(
                getattr(m, "surface", None) if not isinstance(m, dict) else m.get("surface", ""))
            if key:
                start = getattr(m, "start", None) if not isinstance(m, dict) else m.get("start")
                end = getattr(m, "end", None) if not isinstance(m, dict) else m.get("end")
                if start is not None and end is not None:
                    entities.append((mtype, key, start, end))
                else:
                    keys.add(f"e:{key}")
        entities = _claimed(text, quote, entities, speaker)
        keys.update(f"e:{key}" for _, key, _, _ in entities)
        return keys, entities
    arabic = script_of(norm.text) == "arabic"
    for i, t in enumerate(tokens):
        if t.stop or t.stem.isdigit() or len(t.stem) < 3 or i in muted:
            continue
        if arabic:
            keys.add(f"e:{_entity_key(t.stem)}")
        else:
            o_start, _ = norm.to_original(t.start, t.end)
            if text[o_start:o_start + 1].isupper():  # stop words aside, a capital marks a name
                keys.add(f"e:{_entity_key(t.stem)}")
    keys.discard("e:")
    return keys, entities


def _claimed(text: str, quote: str | None, entities: list[tuple[str, str, int, int]],
             speaker: Any) -> list[tuple[str, str, int, int]]:
    """Entities the statement is about, not the ones naming who said it.

    Inside the quote when there is one; otherwise all but the speaker's own name. Another
    speaker is a misattribution, never a swapped name.
    """
    at = text.find(quote) if quote else -1
    if at >= 0:
        return [e for e in entities if at <= e[2] and e[3] <= at + len(quote)]
    name, kind = _speaker_parts(speaker)
    if not name or kind in _UNKNOWN_KINDS:
        return entities
    own = _speaker_keys(name)
    return [e for e in entities if not (e[0] == "person" and _speaker_keys(text[e[2]:e[3]]) & own)]


def _same_known_speaker(a: Any, b: Any) -> str | None:
    """A key for the speaker when both statements name the same known person or body."""
    (name_a, kind_a), (name_b, kind_b) = _speaker_parts(a), _speaker_parts(b)
    if not name_a or not name_b or kind_a in _UNKNOWN_KINDS or kind_b in _UNKNOWN_KINDS:
        return None
    if _first_word(name_a) in _ANONYMOUS_WORDS or speakers_differ(a, b):
        return None
    person_key = _optional("verify.keys", "person_key") or _entity_key
    return f"s:{person_key(name_a if len(name_a) >= len(name_b) else name_b)}"


def _entity_score(keys_a: set[str], keys_b: set[str]) -> float:
    if not keys_a or not keys_b:
        return 0.0
    return len(keys_a & keys_b) / min(len(keys_a), len(keys_b))


# ---------------------------------------------------------------- combined score

# Logistic weights over the features below, fitted (L2 1e-2, all 4,076 pairs) on MRPC train by
# ``benchmarks/compare_pairs.py --fit``, which also reports the nested cross-validated figure
# (weights and threshold fitted on other folds than the one scored).
_WEIGHTS = (4.564, 0.525, 5.959, 0.866, -0.193, -0.11, 0.705, -0.197, -0.122, -3.356, -1.09, -0.221, -0.171, 0.228,
            -0.211, -0.253, 0.185, -4.273, 5.688)
_BIAS = -5.600

# Counts beyond these say nothing more, and keep long statements from sinking on length alone.
_MAX_RUN, _MAX_NAMES, _MAX_UNALIGNED, _MAX_FIGURES = 8, 4, 12, 3


def features(side_a: "_Aligned", side_b: "_Aligned", differences: Sequence[dict],
             scored: dict[str, float | None], numbers_a: Sequence[Any] = (),
             numbers_b: Sequence[Any] = ()) -> list[float]:
    """The inputs of the combined score, exposed so the benchmark can refit the weights.

    Word coverage of the less and the more covered side, character and sorted-token
    similarity, a number or date difference, another difference, the length ratio, the most
    and least unaligned content weight, shared content-word bigrams, a negation on one side
    only; then what string similarity misses (MRPC's non-paraphrases mostly add a clause, a
    name or a figure to shared words): the longest run of unaligned content words on each
    side, unaligned capitalised names on each side, the most unaligned content words, figures
    only one side states, and word n-gram agreement (BLEU-like, and bigrams both ways).
    ``scored`` holds the registered scorers' values; the built-in ``characters`` and
    ``sorted_words`` are features here (a plugin may replace them under the same name).
    """
    ca = _coverage(side_a.weights, side_a.matched)
    cb = _coverage(side_b.weights, side_b.matched)
    numeric = any(d["kind"] in ("number", "date") for d in differences)
    other = any(d["kind"] not in ("number", "date") for d in differences)
    la, lb = len(side_a.tokens), len(side_b.tokens)
    # Unaligned content: a clause one side adds (MRPC's commonest non-paraphrase).
    ua, ub = _unaligned(side_a), _unaligned(side_b)
    ga, gb = _bigrams(side_a), _bigrams(side_b)
    bigram = 2 * len(ga & gb) / max(1, len(ga) + len(gb))
    (negated_a, grams_a), (negated_b, grams_b) = _own(side_a.norm.text), _own(side_b.norm.text)
    negation = negated_a != negated_b
    run_a, names_a, count_a = _leftovers(side_a)
    run_b, names_b, count_b = _leftovers(side_b)
    lone = sum(not any(figures_agree(n, m) for m in numbers_b) for n in numbers_a) + sum(
        not any(figures_agree(n, m) for n in numbers_a) for m in numbers_b)
    precision_ab = [len(x & y) / max(1, len(x)) for x, y in zip(grams_a, grams_b)]
    precision_ba = [len(x & y) / max(1, len(y)) for x, y in zip(grams_a, grams_b)]
    return [min(ca, cb), max(ca, cb), scored.get("characters") or 0.0, scored.get("sorted_words") or 0.0,
            float(numeric), float(other), min(la, lb) / max(la, lb, 1), max(ua, ub), min(ua, ub), bigram,
            float(negation),
            min(max(run_a, run_b), _MAX_RUN), min(run_a, run_b, _MAX_RUN),
            min(max(names_a, names_b), _MAX_NAMES), min(names_a, names_b, _MAX_NAMES),
            min(lone, _MAX_FIGURES), min(max(count_a, count_b), _MAX_UNALIGNED),
            max(_bleu(precision_ab), _bleu(precision_ba)), min(precision_ab[1], precision_ba[1])]


def _unaligned(side: "_Aligned") -> float:
    return sum(w for i, (w, t) in enumerate(zip(side.weights, side.tokens))
               if i not in side.matched and not t.stop)


def _leftovers(side: "_Aligned") -> tuple[int, int, int]:
    """Unaligned content words: the longest unbroken run of them, how many are capitalised
    names (Latin script, not the sentence's first word), and how many there are."""
    longest = run = names = count = 0
    original = side.norm.original
    for i, t in enumerate(side.tokens):
        if i in side.matched:
            run = 0
            continue
        if t.stop:
            continue
        run += 1
        count += 1
        longest = max(longest, run)
        if i and not t.stem.isdigit():
            start, _ = side.norm.to_original(t.start, t.end)
            names += original[start:start + 1].isupper()
    return longest, names, count


@lru_cache(maxsize=16384)
def _own(norm: str) -> tuple[bool, list[set[tuple[str, ...]]]]:
    """What a statement brings to every pair it is in, worked out once: whether it negates,
    and its word 1- to 4-grams (stop words included: word order and function words count)."""
    tokens = tokenize(norm)
    words = [t.stem for t in tokens]
    return negated(tokens), [set(zip(*(words[k:] for k in range(n)))) for n in range(1, 5)]


def _bleu(precisions: Sequence[float]) -> float:
    """Geometric mean of n-gram precisions, smoothed so one missing 4-gram is not zero."""
    return math.exp(sum(math.log(p + 0.05) for p in precisions) / len(precisions))


def _bigrams(side: "_Aligned") -> set[tuple[str, str]]:
    words = [t.stem for t in side.tokens if not t.stop]
    return set(zip(words, words[1:]))


def _combined(values: Sequence[float]) -> float:
    z = _BIAS + sum(w * x for w, x in zip(_WEIGHTS, values))
    return 1.0 / (1.0 + math.exp(-z))


# ---------------------------------------------------------------- time

_NEWS_CYCLE_DAYS = 30  # reports this close in time cover one news cycle: time says nothing
_STALE_FLOOR = 0.8  # the furthest-apart pair keeps this share of its score


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _days_apart(a: str | date | None, b: str | date | None) -> int | None:
    da, db = _day(a), _day(b)
    return None if da is None or db is None else abs((da - db).days)


def time_apart(published_a: str | date | None, published_b: str | date | None) -> int:
    """Days between two reports as far as ``compare`` can tell them apart: 0 within one
    news cycle (or when a date is unknown), else the days. A cache of comparisons keys on it."""
    days = _days_apart(published_a, published_b)
    return days if days is not None and days > _NEWS_CYCLE_DAYS else 0


def _staleness(days: int | None) -> float:
    """How much of a pair's likeness survives the time between the two reports: all of it
    within a news cycle, then down to ``_STALE_FLOOR`` a year later. Statements a year apart
    that share words and names are less likely one statement; they are never ruled out."""
    if days is None or days <= _NEWS_CYCLE_DAYS:
        return 1.0
    return max(_STALE_FLOOR, 1 - (1 - _STALE_FLOOR) * (days - _NEWS_CYCLE_DAYS) / (365 - _NEWS_CYCLE_DAYS))


# ---------------------------------------------------------------- compare

def compare(a: str, b: str, *, language: str | None = None, speaker_a: Any = None,
            speaker_b: Any = None, mentions_a: Iterable[Any] | None = None,
            mentions_b: Iterable[Any] | None = None, quote_a: str | None = None,
            quote_b: str | None = None, idf: Callable[[str], float] | None = None,
            numbers_a: Sequence[Any] | None = None, numbers_b: Sequence[Any] | None = None,
            dates_a: Sequence[Any] | None = None, dates_b: Sequence[Any] | None = None,
            norm_a: str | None = None, norm_b: str | None = None,
            published_a: str | date | None = None, published_b: str | date | None = None) -> Comparison:
    """Score two statement texts and name their relation (DESIGN.md, "Compare").

    ``quote_a``/``quote_b`` are the quoted words inside each statement, when there are any;
    ``idf`` weighs words by rarity (the index passes its frozen statistics); mentions,
    numbers and dates already extracted, and the stored normalised texts, are reused rather
    than computed again. ``published_a``/``published_b`` (ISO dates or dates) make time a
    feature, never a cut-off: see ``_staleness``.
    """
    na, nb = _Text(a, norm_a), _Text(b, norm_b)
    cross = {script_of(na.text), script_of(nb.text)} == {"arabic", "latin"}
    said_score, side_a, side_b = _said(na, nb, quote_a, quote_b, speaker_a, speaker_b, idf)
    quote_score = None
    if quote_a and quote_b:
        quote_score = _containment(quote_a, quote_b, idf)
    elif quote_a or quote_b:
        quote_score = _containment(quote_a or a, quote_b or b, idf)

    # Numbers and dates only matter for pairs that share words or cross scripts; finding them
    # is the dearest step, and most candidate pairs are neither.
    plausible = cross or max(said_score, quote_score or 0.0) >= _PLAUSIBLE
    nums_a = (_numbers(a) if plausible else ()) if numbers_a is None else list(numbers_a)
    nums_b = (_numbers(b) if plausible else ()) if numbers_b is None else list(numbers_b)
    dts_a = (_dates(a) if plausible else ()) if dates_a is None else list(dates_a)
    dts_b = (_dates(b) if plausible else ()) if dates_b is None else list(dates_b)
    keys_a, ents_a = _entity_keys(a, na, side_a.tokens, mentions_a, nums_a, dts_a, quote_a, speaker_a, side_a.muted)
    keys_b, ents_b = _entity_keys(b, nb, side_b.tokens, mentions_b, nums_b, dts_b, quote_b, speaker_b, side_b.muted)
    same_speaker = _same_known_speaker(speaker_a, speaker_b)
    if same_speaker:
        # One person quoted in both: evidence of one statement even across scripts.
        keys_a.add(same_speaker)
        keys_b.add(same_speaker)
    shared = sorted(keys_a & keys_b)
    entity_score = _entity_score(keys_a, keys_b)

    extra: dict[str, float] = {}
    differences: list[dict] = []
    if not cross and max(said_score, quote_score or 0.0) >= THRESHOLDS["contradicts"]:
        stems_a = {t.stem for t in side_a.tokens}
        stems_b = {t.stem for t in side_b.tokens}
        differences = find_differences(
            Side(na, side_a.tokens, set(side_a.matched), nums_a, dts_a, ents_a, stems_a),
            Side(nb, side_b.tokens, set(side_b.matched), nums_b, dts_b, ents_b, stems_b))

    if cross:
        # Words cannot align across scripts: names, numbers and dates are the only evidence.
        score = 0.6 * entity_score if len(shared) >= 2 else 0.0
    else:
        scored = {sc.name: sc.score(a, b, language=language) for sc in scorers()}
        score = _combined(features(side_a, side_b, differences, scored, nums_a, nums_b))
        if quote_score is not None:
            # A quote found inside the other statement carries the pair even when the texts
            # around it differ; squared so that only a quote mostly found can do so, less
            # steeply when one known person is quoted in both.
            score = max(score, quote_score ** (1.5 if same_speaker else 2))
        extra = {name: v for name, v in scored.items() if name not in BUILTIN and v is not None}
        if extra:
            score = max(score, *extra.values())

    days = _days_apart(published_a, published_b)
    score *= _staleness(days)
    # Figures reported months apart may both have been true at their time (output, a toll):
    # the difference is shown, but it is no contradiction, and no support either.
    over_time = bool(differences) and days is not None and days > _NEWS_CYCLE_DAYS and all(
        d["kind"] in ("number", "date") for d in differences)
    same_words = ((quote_score if quote_score is not None else said_score) >= THRESHOLDS["same_words"]
                  and _in_order(quote_a or a, quote_b or b))
    if over_time:
        relation = "related"
    elif differences:
        relation = "contradicts"
    elif same_words and not cross:
        relation = "misattributed" if speakers_differ(speaker_a, speaker_b) else "same_quote"
    elif score >= THRESHOLDS["paraphrase"] and not cross:
        relation = "paraphrase"
    elif score >= THRESHOLDS["related"] or (len(shared) >= 2 and (cross or said_score >= _PLAUSIBLE)):
        # The same names, places or figures in statements that share words: the same event.
        relation = "related"
    else:
        relation = "unrelated"

    shown = relation != "unrelated"
    details = {"a_spans": _spans(side_a) if shown else [], "b_spans": _spans(side_b) if shown else [],
               "differences": differences, "shared_keys": shared}
    if extra:
        details["scorers"] = {name: round(v, 4) for name, v in extra.items()}
    if days is not None and days > _NEWS_CYCLE_DAYS:
        details["days_apart"] = days  # only when time changed something (and caches stay exact)
    return Comparison(relation, min(1.0, score), quote_score, said_score, entity_score, details)

