"""Candidate generation: which pairs of statements are worth comparing at all.

Comparing every pair is quadratic; a million statements would never finish. Statements with
the same normalised text collapse into one group first (syndicated copies are the bulk of
repeats). Each group is then indexed under *keys*: its rarest content words (a prefix of them in order
of document frequency, frozen in ``match_stats`` so that a key chosen today is the key chosen at
the next rebuild; prefix filtering makes this exact for pairs sharing enough words), and the
names, numbers and dates it mentions. Two groups are candidates when they
share two keys (one when either has fewer than three), which rare words make selective; words
above the document-frequency cap are never keys, so "government" does not make everything a
candidate. Keys depend only on the frozen statistics and the statement itself, and candidacy
is symmetric, which is why incremental matching and a rebuild find the same pairs.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from .tokens import WORD, stem, stopwords

__all__ = ["Vocabulary", "Keys", "statement_keys", "CandidateIndex", "KEYS_PER_STATEMENT",
           "DF_CAP_FRACTION", "PREFIX_SHARE", "DF_CAP_MIN", "PREFILTER", "content_stems", "trigrams"]

KEYS_PER_STATEMENT = 6  # at least this many word keys (all of a short statement's words)
PREFIX_SHARE = 0.7
SHORT = 4  # statements with this many content words or fewer are also indexed by trigrams
GRAM_SHARE = 0.6
DF_CAP_FRACTION = 0.002  # a word in more than 0.2% of statements is too common to be a key
DF_CAP_MIN = 50
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
            for stem in stems:
                df[stem] = df.get(stem, 0) + k
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
    """An inverted index from keys to group numbers, queried with numpy for speed.

    Word keys and entity keys live in separate postings: a pair is a word candidate when it
    shares two word keys (one if either side has fewer than three), an entity candidate when it
    shares two entity keys at least one of which names an entity (two bare numbers are not a
    story). Short statements are also indexed by the character trigrams of their words, so a
    typo in one of their few words does not hide them: two short statements are candidates
    when they share 60% of the trigrams of the smaller. Every rule is symmetric.
    """

    def __init__(self, keys: Sequence[Keys], vocab: Vocabulary, prefilter: float = PREFILTER) -> None:
        self.keys = keys
        self.vocab = vocab
        self.prefilter = prefilter
        cap = self.cap = vocab.cap
        # Each group's total word weight, for the cheap pre-filter of word candidates.
        idf = vocab.idf
        self._weight = np.asarray([sum(idf(s) for s in k.stems) for k in keys], dtype=np.float64)
        # ... and the part of it outside the word keys, which bounds what the keys do not see.
        self._rest = self._weight - np.asarray([sum(idf(s) for s in k.words) for k in keys], dtype=np.float64)
        words: dict[str, list[int]] = {}
        ents: dict[str, list[int]] = {}
        for g, k in enumerate(keys):
            for w in k.words:
                words.setdefault(w, []).append(g)
            for e in k.entities:
                ents.setdefault(e, []).append(g)
        self.words = {w: np.asarray(p, dtype=np.int32) for w, p in words.items() if len(p) > 1}
        self.ents = {e: np.asarray(p, dtype=np.int32) for e, p in ents.items() if 1 < len(p) <= cap}
        self._nwords = np.asarray([len(k.words) for k in keys], dtype=np.int32)
        grams: dict[str, list[int]] = {}
        ngrams = np.zeros(len(keys), dtype=np.int32)
        for g, k in enumerate(keys):
            if len(k.stems) <= SHORT:
                mine = trigrams(k.stems)
                ngrams[g] = len(mine)
                for gram in mine:
                    grams.setdefault(gram, []).append(g)
        self.grams = {t: np.asarray(p, dtype=np.int32) for t, p in grams.items() if 1 < len(p) <= cap}
        self._ngrams = ngrams

    def _shared(self, postings: dict[str, np.ndarray], keys: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        arrays = [postings[k] for k in keys if k in postings]
        if not arrays:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(arrays), return_counts=True)

    def candidates(self, g: int) -> dict[int, str]:
        """Groups worth comparing with group ``g``, each with the way it was found.

        Posting lists of rare words still hold hundreds of groups at a million statements, so
        the counting and thresholds run in numpy; Python sees only the survivors.
        """
        k = self.keys[g]
        out: dict[int, str] = {}
        present = [w for w in k.words if w in self.words]
        if present:
            postings = [self.words[w] for w in present]
            ids, where, counts = np.unique(np.concatenate(postings), return_inverse=True, return_counts=True)
            idf = self.vocab.idf
            shared = np.bincount(where, weights=np.repeat([idf(w) for w in present], [len(p) for p in postings]))
            need = np.where(np.minimum(self._nwords[ids], len(k.words)) < 3, 1, 2)
            # Two rare words in common is not yet likeness: a pair whose weighted word overlap
            # cannot reach the pre-filter is left to the other ways of finding it (a shared
            # name and place still make it a candidate). The shared keys' weight plus what
            # lies outside the keys bounds the overlap from above, so numpy discards most
            # pairs and the exact overlap is computed for the rest only.
            total = self._weight[ids] + self._weight[g]
            bound = shared + np.minimum(self._rest[ids] + self._rest[g],
                                        np.minimum(self._weight[ids], self._weight[g]) - shared)
            keep = (counts >= need) & (ids != g) & (2 * bound >= self.prefilter * total)
            for other in ids[keep].tolist():
                if self._overlap(g, other) >= self.prefilter:
                    out[other] = "words"
        if self._ngrams[g]:
            ids, counts = self._shared(self.grams, trigrams(k.stems))
            if len(ids):
                need = np.ceil(GRAM_SHARE * np.minimum(self._ngrams[ids], self._ngrams[g]))
                for other in ids[(counts >= need) & (ids != g)].tolist():
                    out.setdefault(other, "ngrams")
        named = [e for e in k.entities if e.startswith("e:")]
        if named:
            with_name = self._shared(self.ents, named)[0]
            ids, counts = self._shared(self.ents, k.entities)
            if len(ids):
                keep = (counts >= 2) & (ids != g) & np.isin(ids, with_name, assume_unique=True)
                for other in ids[keep].tolist():
                    out.setdefault(other, "entities")
        return out


    def _overlap(self, g: int, h: int) -> float:
        """Weighted Dice of exact stems: a cheap stand-in for the comparison's text score."""
        total = self._weight[g] + self._weight[h]
        if total <= 0:
            return 0.0
        idf = self.vocab.idf
        return 2 * sum(idf(s) for s in set(self.keys[g].stems).intersection(self.keys[h].stems)) / total


def trigrams(stems: Iterable[str]) -> set[str]:
    """Character trigrams of words padded with spaces, the unit of typo-tolerant lookup."""
    return {f" {s} "[i:i + 3] for s in stems for i in range(len(s))}
