"""Candidate generation: which pairs of statements are worth comparing at all.

Comparing every pair is quadratic; a million statements would never finish. Statements with
the same normalised text collapse into one group first (syndicated copies are the bulk of
repeats). Each group is then indexed under *keys*: its rarest content words (a prefix of them in order
of document frequency, frozen in ``match_stats`` so that a key chosen today is the key chosen at
the next rebuild; prefix filtering makes this exact for pairs sharing enough words), and the
names, numbers and dates it mentions. Two groups are candidates when they
share two keys (one when either has fewer than four), which rare words make selective; words
above the document-frequency cap are never keys, so "government" does not make everything a
candidate. Keys depend only on the frozen statistics and the statement itself, and candidacy
is symmetric, which is why incremental matching and a rebuild find the same pairs.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np
from scipy import sparse

from .tokens import WORD, stem, stopwords

__all__ = ["Vocabulary", "Keys", "statement_keys", "CandidateIndex", "KEYS_PER_STATEMENT",
           "DF_CAP_FRACTION", "PREFIX_SHARE", "DF_CAP_MIN", "PREFILTER", "content_stems", "trigrams"]

KEYS_PER_STATEMENT = 6  # at least this many word keys (all of a short statement's words)
PREFIX_SHARE = 0.7
SHORT = 4  # statements with this many content words or fewer are also indexed by trigrams
GRAM_SHARE = 0.6
DF_CAP_FRACTION = 0.002  # a word in more than 0.2% of statements is too common to be a key
DF_CAP_MIN = 50
FEW_KEYS = 4  # a statement with fewer word keys (most of its words common) needs only one shared
PREFILTER = 0.3  # weighted Dice of exact stems below which a word candidate is not one


class Vocabulary:
    """Frozen document frequencies: one number per stem, plus the corpus size they came from."""

    def __init__(self, df: dict[str, int], n: int) -> None:
        self.df = df
        self.n = max(n, 1)
        self.cap = max(DF_CAP_MIN, int(self.n * DF_CAP_FRACTION))
        self._log_n = math.log(self.n + 1)
        self._idf: dict[str, float] = {}

    @classmethod
    def from_stems(cls, stem_sets: Iterable[Iterable[str]], counts: Iterable[int] | None = None) -> "Vocabulary":
        """Document frequencies from each text's stems; ``counts`` says how many statements
        share each text (exact duplicates are collapsed before this)."""
        df: dict[str, int] = {}
        n = 0
        for stems, k in zip(stem_sets, counts if counts is not None else iter(lambda: 1, None)):
            n += k
            for word in stems:
                df[word] = df.get(word, 0) + k
        return cls(df, n)

    def idf(self, stem: str) -> float:
        """Rarity weight in [0.2, 1]: the comparison's word weights come from the same stats."""
        w = self._idf.get(stem)
        if w is None:
            w = max(0.2, math.log((self.n + 1) / (self.df.get(stem, 0) + 0.5)) / self._log_n)
            self._idf[stem] = w
        return w


def content_stems(norm: str) -> tuple[str, ...]:
    """The distinct non-stop-word stems of a normalised text, interned: a million statements
    repeat the same few hundred thousand words. (``tokenize``'s rule without its Token
    objects: this runs once per statement of the whole database.)"""
    stops = stopwords()
    return tuple(sorted({sys.intern(s) for w in WORD.findall(norm)
                         if w not in stops and (s := stem(w)) not in stops and len(s) > 1}))


@dataclass(slots=True)
class Keys:
    """What a statement is indexed under, and the stems used for the cheap pre-filter."""

    words: tuple[str, ...]
    entities: tuple[str, ...]
    stems: tuple[str, ...] = ()


def statement_keys(stems: tuple[str, ...], vocab: Vocabulary,
                   mentions: Sequence[tuple[str, str | None, str | None]] = ()) -> Keys:
    """Keys of one statement: its rarest words under the cap, then entity/number/date keys.

    ``mentions`` are ``(type, key, value)`` rows from the ``mentions`` table (type ``speaker``
    for the statement's speaker); entity keys are script-independent, so an Arabic and an
    English report of one statement share them.
    """
    ranked = sorted((vocab.df.get(s, 0), s) for s in stems if not s.isdigit())
    # Prefix filtering: if two statements share enough words to reach the text threshold, some
    # of the shared words are among the rarest ~70% of each (plus two, so that two of them are).
    # A fixed handful of keys would miss a long statement that repeats half of another.
    rare = [s for df, s in ranked if df <= vocab.cap]
    words = rare[:max(KEYS_PER_STATEMENT, math.ceil(PREFIX_SHARE * len(ranked)) + 2)]
    entities: set[str] = set()
    for mtype, key, value in mentions:
        if mtype in ("number", "date"):
            if value:
                entities.add(f"{mtype[0]}:{value}")
        elif mtype == "speaker":
            entities.add(f"e:s:{key}")
        elif key:
            entities.add(f"e:{key}")
    entities.update(f"n:{s}" for s in stems if s.isdigit() and len(s) > 1)
    return Keys(tuple(words), tuple(sorted(entities)), stems)


class CandidateIndex:
    """Which groups share keys with which, for a chunk of groups at a time.

    Each kind of key is an incidence matrix (groups × keys, scipy CSR); multiplying a chunk's
    rows by the transpose counts the keys every pair shares in compiled code, which is what
    lets a million statements through: the postings of mid-frequency words grow with the
    corpus, and counting them group by group in Python grew the cost quadratically.

    A pair is a word candidate when it shares two word keys (one if either side has fewer
    than four) and its weighted overlap of exact stems reaches ``prefilter``; an entity
    candidate when it shares two entity keys at least one of which names an entity (two bare
    numbers are not a story). Short statements are also indexed by the character trigrams of
    their words, so a typo in one of their few words does not hide them: two short statements
    are candidates when they share 60% of the trigrams of the smaller. Entity keys and
    trigrams in more than ``vocab.cap`` groups are not used. Every rule is symmetric.
    """

    def __init__(self, keys: Sequence[Keys], vocab: Vocabulary, prefilter: float = PREFILTER) -> None:
        self.prefilter = prefilter
        cap, n = vocab.cap, len(keys)
        self._words, _ = _incidence([k.words for k in keys], n)
        self._words_t = self._words.T.tocsr()
        self._nwords = np.diff(self._words.indptr)
        # Stems weighted by rarity: the pre-filter's overlap is an element-wise minimum of rows.
        self._stems, _ = _incidence([k.stems for k in keys], n, vocab.idf)
        self._weight = np.asarray(self._stems.sum(axis=1), dtype=np.float64).ravel()
        grams = [trigrams(k.stems) if len(k.stems) <= SHORT else () for k in keys]
        self._ngrams = np.asarray([len(t) for t in grams], dtype=np.int32)
        self._grams, _ = _incidence(grams, n, cap=cap)
        self._grams_t = self._grams.T.tocsr()
        self._ents, columns = _incidence([k.entities for k in keys], n, cap=cap)
        self._ents_t = self._ents.T.tocsr()
        # Keys that name someone or something ("e:"), as opposed to numbers and dates (n:, d:)
        self._named = self._ents[:, sorted(i for key, i in columns.items() if key.startswith("e:"))]
        self._named_t = self._named.T.tocsr()

    def candidates(self, groups: Sequence[int], new: np.ndarray | None = None) -> list[tuple[int, int, str]]:
        """``(g, h, how)`` for every group ``g`` of ``groups`` and every ``h`` worth comparing
        with it; ``how`` is the first rule that found the pair (words, ngrams, entities).

        ``new`` marks the groups being matched in this run: a pair of two of them is given
        once, with its smaller group, so a rebuild does not weigh every pair twice.
        """
        rows = np.asarray(groups, dtype=np.int64)
        found: dict[tuple[int, int], str] = {}
        g, h, count = _shared(self._words, self._words_t, rows, new)
        need = np.where(np.minimum(self._nwords[g], self._nwords[h]) < FEW_KEYS, 1, 2)
        g, h = g[count >= need], h[count >= need]
        if len(g):
            # Two rare words in common is not yet likeness: a pair whose weighted overlap of
            # exact stems is too low to reach any relation on words is left to the other rules
            # (a shared name and place still make it a candidate).
            shared = np.asarray(self._stems[g].minimum(self._stems[h]).sum(axis=1)).ravel()
            keep = 2 * shared >= self.prefilter * (self._weight[g] + self._weight[h])
            found.update(((a, b), "words") for a, b in zip(g[keep].tolist(), h[keep].tolist()))
        g, h, count = _shared(self._grams, self._grams_t, rows, new)
        keep = count >= np.ceil(GRAM_SHARE * np.minimum(self._ngrams[g], self._ngrams[h]))
        for pair in zip(g[keep].tolist(), h[keep].tolist()):
            found.setdefault(pair, "ngrams")
        g, h, _ = _shared(self._named, self._named_t, rows, new)
        if len(g):
            named = set(zip(g.tolist(), h.tolist()))
            g, h, count = _shared(self._ents, self._ents_t, rows, new)
            for pair in zip(g[count >= 2].tolist(), h[count >= 2].tolist()):
                if pair in named:
                    found.setdefault(pair, "entities")
        return sorted((a, b, how) for (a, b), how in found.items())


def _incidence(rows: Sequence[Iterable[str]], n: int, weight: Callable[[str], float] | None = None,
               cap: int | None = None) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Groups × keys as a CSR matrix (ones, or ``weight(key)``) and each key's column; with
    ``cap``, only keys held by more than one and at most ``cap`` groups (the others find no
    pair, or too many)."""
    allowed: set[str] | None = None
    if cap is not None:
        df: dict[str, int] = {}
        for keys in rows:
            for key in keys:
                df[key] = df.get(key, 0) + 1
        allowed = {key for key, d in df.items() if 1 < d <= cap}
    column: dict[str, int] = {}
    indptr = np.zeros(n + 1, dtype=np.int64)
    indices: list[int] = []
    data: list[float] = []
    for i, keys in enumerate(rows):
        for key in keys:
            if allowed is None or key in allowed:
                indices.append(column.setdefault(key, len(column)))
                if weight is not None:
                    data.append(weight(key))
        indptr[i + 1] = len(indices)
    values = np.asarray(data, dtype=np.float64) if weight is not None else np.ones(len(indices), dtype=np.int32)
    matrix = sparse.csr_matrix((values, np.asarray(indices, dtype=np.int32), indptr), shape=(n, max(1, len(column))))
    return matrix, column


def _shared(matrix: sparse.csr_matrix, transposed: sparse.csr_matrix, rows: np.ndarray,
            new: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (row, other group) with at least one key in common, and how many: one
    sparse product for the whole chunk. Pairs of two new groups come from the smaller."""
    product = (matrix[rows] @ transposed).tocsr()
    g = np.repeat(rows, np.diff(product.indptr))
    h = product.indices.astype(np.int64)
    keep = g < h if new is None else (g < h) | ((g > h) & ~new[h])
    return g[keep], h[keep], product.data[keep]


def trigrams(stems: Iterable[str]) -> set[str]:
    """Character trigrams of words padded with spaces, the unit of typo-tolerant lookup."""
    return {f" {s} "[i:i + 3] for s in stems for i in range(len(s))}
