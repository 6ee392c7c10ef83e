"""Truth discovery that knows when sources copy each other.

Counting votes fails as soon as outlets copy: three sites repeating one bad source outvote two
careful ones. This module follows the AccuCopy model (Dong, Berti-Equille and Srivastava,
"Integrating conflicting data: the role of source dependence", VLDB 2009):

* each source has an accuracy ``A``; its vote for a value weighs ``ln(n * A / (1 - A))``, where
  ``n`` is the number of false values a subject can take (false values are spread over many
  possibilities, so two independent sources rarely agree on the same false one);
* two sources that share *false* values are very likely copying each other, while sharing true
  values is weak evidence (independent accurate sources agree on the truth anyway); many
  differing values are evidence against copying;
* a source's vote for a value is multiplied by the probability that it provided the value
  independently of the more trusted sources that also provide it, so a copier's vote counts
  for little;
* value probabilities, accuracies and copying are re-estimated in turn until they settle.

Two departures from the paper. Copy detection starts only once the accuracy-weighted vote has
settled: measured against a raw head count, every honest minority looks like a ring sharing
false values, and on the Flight benchmark the discount then spread to most source pairs
(accuracy 0.63-0.80 instead of 0.965). And a shared false value is weighed by how rare it is
among the *other* sources' false values on that subject, in the spirit of the paper's
popularity variant: real errors cluster on a few popular values, and sharing one of those says
less than sharing a value nobody else gives.

Similar values support each other as in TruthFinder (Yin, Han and Yu, KDD 2007): the score of a
value is raised by ``rho * similarity * score`` of the other values of the same subject, so
"7:10 PM" and "7:11 PM" help each other against "9:40 PM". Prior accuracies enter as
pseudo-counts, so they decide when evidence is thin and fade as evidence grows.

Everything is sparse: claims, values and subjects live in flat numpy arrays, and only pairs of
sources that report on a common subject are ever formed. The cost is the number of such
(pair, subject) meetings, never subjects x subjects or values x values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Similarity = Callable[[Any, Any, Any], float]

_Z95 = 1.959963984540054


@dataclass(frozen=True)
class Trust:
    """How accurate a source proved to be: posterior mean with a 95% Wilson interval.

    ``n`` is the number of subjects the source reported on; with none, the score is its prior
    and the interval is wide.
    """

    score: float
    low: float
    high: float
    n: float


@dataclass(frozen=True)
class Copying:
    """The probability that one of two sources copies the other, with the evidence behind it.

    Counts are over the subjects both report on (``overlap``), judged against the chosen truth:
    ``shared_false`` (same value, not the chosen one) is the strong evidence, ``shared_true`` the
    weak one, and ``different`` counts against copying.
    """

    a: Any
    b: Any
    probability: float
    shared_true: int
    shared_false: int
    different: int
    overlap: int


@dataclass(frozen=True)
class Vote:
    """One source's vote: ``weight = trust_vote * independence`` (times 1/k if it gave k values)."""

    source: Any
    trust: float
    independence: float
    weight: float


@dataclass(frozen=True)
class ValueSupport:
    """A competing value: its own votes, its score after similar values' support, its probability."""

    value: Any
    probability: float
    confidence: float
    score: float
    votes: tuple[Vote, ...]


@dataclass(frozen=True)
class Explanation:
    """Why a subject got its value: every value, who voted for it, and what each vote weighed."""

    subject: Any
    truth: Any
    values: tuple[ValueSupport, ...]

    def __str__(self) -> str:
        lines = [f"{self.subject!r} -> {self.truth!r}"]
        for v in self.values:
            lines.append(
                f"  {v.value!r}: p={v.probability:.3f} votes={v.confidence:.2f} score={v.score:.2f}"
            )
            for vote in v.votes:
                lines.append(
                    f"    {vote.source!r}: trust={vote.trust:.3f} "
                    f"independence={vote.independence:.3f} weight={vote.weight:.2f}"
                )
        return "\n".join(lines)


@dataclass
class DiscoveryResult:
    """What :func:`discover` decided, and enough of its working to explain any subject."""

    truth: dict[Any, Any]
    belief: dict[Any, dict[Any, float]]
    trust: dict[Any, Trust]
    copying: list[Copying]
    iterations: int
    converged: bool
    tol: float
    _explain: _Working = field(repr=False)

    def explain(self, subject: Any) -> Explanation:
        """The votes behind ``subject``'s value, strongest value first; KeyError if unknown."""
        return self._explain.explain(subject, self.truth[subject])

    def copiers(self, threshold: float = 0.5) -> list[Copying]:
        """Pairs judged to be copying (probability at least ``threshold``), most likely first."""
        return [c for c in self.copying if c.probability >= threshold]


@dataclass
class _Working:
    """Final per-claim arrays, kept so that explanations show the weights actually used."""

    sources: list[Any]
    subjects: list[Any]
    values: list[Any]
    subject_index: dict[Any, int]
    val_start: np.ndarray
    claim_order: np.ndarray
    claim_start: np.ndarray
    csrc: np.ndarray
    trust_vote: np.ndarray
    independence: np.ndarray
    weight: np.ndarray
    accuracy: np.ndarray
    confidence: np.ndarray
    score: np.ndarray
    prob: np.ndarray

    def explain(self, subject: Any, truth: Any) -> Explanation:
        j = self.subject_index[subject]
        supports = []
        for v in range(self.val_start[j], self.val_start[j + 1]):
            votes = []
            for c in self.claim_order[self.claim_start[v] : self.claim_start[v + 1]]:
                s = self.csrc[c]
                votes.append(
                    Vote(
                        source=self.sources[s],
                        trust=float(self.accuracy[s]),
                        independence=float(self.independence[c]),
                        weight=float(self.weight[c]),
                    )
                )
            votes.sort(key=lambda x: -x.weight)
            supports.append(
                ValueSupport(
                    value=self.values[v],
                    probability=float(self.prob[v]),
                    confidence=float(self.confidence[v]),
                    score=float(self.score[v]),
                    votes=tuple(votes),
                )
            )
        supports.sort(key=lambda x: -x.probability)
        return Explanation(subject=subject, truth=truth, values=tuple(supports))


def discover(
    claims: Iterable[tuple[Hashable, Hashable, Hashable]],
    *,
    priors: Mapping[Hashable, float] | None = None,
    similarity: Similarity | None = None,
    default_accuracy: float = 0.8,
    prior_strength: float = 2.0,
    false_values: int = 5,
    copy_rate: float = 0.8,
    copy_prior: float = 0.2,
    similarity_weight: float = 0.5,
    detect_copying: bool = True,
    tol: float = 1e-4,
    max_iter: int = 100,
) -> DiscoveryResult:
    """Decide each subject's value from ``(source, subject, value)`` claims, discounting copiers.

    ``priors`` maps a source to its prior accuracy; sources without one start at
    ``default_accuracy``. Either way the prior counts as ``prior_strength`` observed subjects,
    so it moves thinly supported subjects and fades under evidence. ``similarity(subject, v1,
    v2)`` in 0..1 lets similar values of one subject support each other (weight
    ``similarity_weight``). ``false_values`` is how many false values a subject could take,
    ``copy_rate`` the share of values a copier copies and ``copy_prior`` the prior probability
    that two sources are dependent (those two are Dong et al.'s values). Dong et al. took
    ``false_values=100``; real errors cluster (a minute off, the old schedule), and on the
    Flight benchmark 100 gives 0.79 where 2 to 5 give 0.965, so the default is 5 (see
    benchmarks/truth_discovery.py --tune). A source below 1/(false_values + 1) accuracy votes
    against what it says.

    Copy detection joins once the accuracy-weighted vote has settled (or half of ``max_iter``
    is spent); iteration then stops when no value probability or accuracy moves by more than
    ``tol``, or after ``max_iter`` rounds, and the result says which. Deterministic: ties go
    to the value and the source seen first.
    """
    if not 0 < copy_rate < 1 or not 0 < copy_prior < 1:
        raise ValueError("copy_rate and copy_prior must lie strictly between 0 and 1")
    if false_values < 1 or max_iter < 1:
        raise ValueError("false_values and max_iter must be at least 1")
    data = _Encoded.build(claims)
    prior_mean = np.full(len(data.sources), float(default_accuracy))
    for s, source in enumerate(data.sources):
        if priors and source in priors:
            prior_mean[s] = float(priors[source])
    prior_mean = np.clip(prior_mean, 0.0, 1.0)
    sims = data.similarity_pairs(similarity) if similarity else None

    n_src, n_val = len(data.sources), len(data.values)
    claims_per_src = np.bincount(data.csrc, weights=data.cw, minlength=n_src)
    accuracy = prior_mean.copy()
    log_keep = math.log1p(-copy_rate)
    prob = np.zeros(n_val)
    dep = np.zeros(len(data.pair_a))
    # Copy detection starts from the accuracy-weighted answer rather than from a raw head
    # count: judged against a plain majority, every honest minority looks like a ring of
    # sources sharing false values.
    copying_on = False
    converged = False
    for iterations in range(1, max_iter + 1):
        a = np.clip(accuracy, 1e-3, 1 - 1e-3)
        trust_vote = np.log(false_values * a / (1 - a))
        independence = data.independence(dep, accuracy, copy_rate)
        weight = data.cw * trust_vote[data.csrc] * independence
        confidence = np.bincount(data.cval, weights=weight, minlength=n_val)
        score = confidence
        if sims is not None:
            si, sj, sw = sims
            score = confidence + similarity_weight * np.bincount(
                si, weights=sw * confidence[sj], minlength=n_val
            )
        new_prob = data.softmax(score, false_values)
        correct = np.bincount(data.csrc, weights=data.cw * new_prob[data.cval], minlength=n_src)
        new_accuracy = _smoothed(correct, claims_per_src, prior_mean, prior_strength)
        if copying_on and len(dep):
            dep = data.dependence(
                new_prob, new_accuracy, false_values, copy_rate, copy_prior, log_keep
            )
        change = max(
            float(np.max(np.abs(new_prob - prob), initial=0.0)),
            float(np.max(np.abs(new_accuracy - accuracy), initial=0.0)),
        )
        prob, accuracy = new_prob, new_accuracy
        if detect_copying and not copying_on and len(dep):
            # first phase settled (or used half the budget): now look for copiers
            if change < tol or iterations >= max_iter // 2:
                copying_on = True
                dep = data.dependence(prob, accuracy, false_values, copy_rate, copy_prior, log_keep)
            continue
        if change < tol:
            converged = True
            break

    return data.result(
        prob=prob,
        accuracy=accuracy,
        dep=dep,
        claims_per_src=claims_per_src,
        correct=np.bincount(data.csrc, weights=data.cw * prob[data.cval], minlength=n_src),
        prior_mean=prior_mean,
        prior_strength=prior_strength,
        working=(trust_vote, independence, confidence, score),
        iterations=iterations,
        converged=converged,
        tol=tol,
    )


def _smoothed(
    correct: np.ndarray, total: np.ndarray, prior: np.ndarray, strength: float
) -> np.ndarray:
    return (correct + prior * strength) / np.maximum(total + strength, 1e-12)


def wilson(successes: float, total: float) -> tuple[float, float]:
    """95% Wilson interval of a proportion; the whole of 0..1 without trials."""
    if total <= 0:
        return 0.0, 1.0
    p = min(max(successes / total, 0.0), 1.0)
    z2 = _Z95 * _Z95
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = _Z95 * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def _within_group_pairs(group: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Positions (i, j), i < j, of every pair inside each run of equal values of sorted ``group``,
    one chunk per distance j - i.

    Built over a shrinking set of positions, so the work is the number of pairs, never the
    square of the array, and a caller can fold chunks without holding them all.
    """
    n = len(group)
    if n < 2:
        return
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, n])
    size_of = np.repeat(sizes, sizes)
    rank = np.arange(n) - np.repeat(starts, sizes)
    d = 1
    active = np.flatnonzero(rank + d < size_of)
    while active.size:
        yield active, active + d
        d += 1
        active = active[rank[active] + d < size_of[active]]


def _all_pairs(group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    chunks = list(_within_group_pairs(group))
    if not chunks:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate([c[0] for c in chunks]), np.concatenate([c[1] for c in chunks])


@dataclass
class _Encoded:
    """Claims as integer arrays: claim -> source, value; value -> subject (values grouped by subject)."""

    sources: list[Any]
    subjects: list[Any]
    values: list[Any]
    csrc: np.ndarray  # per claim
    cval: np.ndarray
    cw: np.ndarray  # 1/k when a source gives k values for one subject
    val_subj: np.ndarray  # per value, non-decreasing
    val_start: np.ndarray  # per subject, len n_subj + 1
    pair_a: np.ndarray  # per source pair meeting on a subject, a < b
    pair_b: np.ndarray
    overlap: np.ndarray
    same: np.ndarray
    ev_pair: np.ndarray  # per (pair, shared value)
    ev_val: np.ndarray
    ev_ca: np.ndarray
    ev_cb: np.ndarray
    ev_w: np.ndarray
    ev_subj: np.ndarray
    ev_sa: np.ndarray  # the pair's two sources
    ev_sb: np.ndarray
    ev_others: np.ndarray  # support for the value from sources outside the pair
    val_mass: np.ndarray  # per value: how many sources give it (weighted)

    @classmethod
    def build(cls, claims: Iterable[tuple[Hashable, Hashable, Hashable]]) -> _Encoded:
        src_ids: dict[Any, int] = {}
        subj_ids: dict[Any, int] = {}
        val_ids: dict[tuple[int, Any], int] = {}
        cs: list[int] = []
        cv: list[int] = []
        for source, subject, value in claims:
            s = src_ids.setdefault(source, len(src_ids))
            j = subj_ids.setdefault(subject, len(subj_ids))
            cs.append(s)
            cv.append(val_ids.setdefault((j, value), len(val_ids)))
        sources, subjects = list(src_ids), list(subj_ids)
        keys = list(val_ids)
        raw_subj = np.fromiter((k[0] for k in keys), dtype=np.int64, count=len(keys))
        order = np.argsort(raw_subj, kind="stable")  # values grouped by subject, first seen first
        remap = np.empty_like(order)
        remap[order] = np.arange(len(order))
        values = [keys[i][1] for i in order]
        val_subj = raw_subj[order]
        val_start = np.searchsorted(val_subj, np.arange(len(subjects) + 1))

        n_src, n_val = len(sources), len(values)
        csrc = np.asarray(cs, dtype=np.int64)
        cval = remap[np.asarray(cv, dtype=np.int64)] if cv else np.zeros(0, dtype=np.int64)
        # duplicates of the same claim say nothing new
        ckey = np.unique(csrc * max(n_val, 1) + cval)
        csrc, cval = ckey // max(n_val, 1), ckey % max(n_val, 1)
        # a source giving k values for one subject splits its vote k ways
        ss_key = csrc * max(len(subjects), 1) + val_subj[cval]
        _, ss_inv, ss_count = np.unique(ss_key, return_inverse=True, return_counts=True)
        cw = 1.0 / ss_count[ss_inv]

        # every source pair that meets on a subject, and on how many subjects
        ss_unique = np.unique(ss_key)
        ss_subj, ss_src = ss_unique % max(len(subjects), 1), ss_unique // max(len(subjects), 1)
        order = np.lexsort((ss_src, ss_subj))
        ss_subj, ss_src = ss_subj[order], ss_src[order]
        found_keys, found_counts = [], []
        for i, k in _within_group_pairs(ss_subj):
            keys, counts = np.unique(ss_src[i] * n_src + ss_src[k], return_counts=True)
            found_keys.append(keys)
            found_counts.append(counts)
        if found_keys:
            pair_keys, inverse = np.unique(np.concatenate(found_keys), return_inverse=True)
            overlap = np.bincount(inverse, weights=np.concatenate(found_counts))
        else:
            pair_keys, overlap = np.zeros(0, dtype=np.int64), np.zeros(0)
        del ss_subj, ss_src
        pair_a, pair_b = pair_keys // max(n_src, 1), pair_keys % max(n_src, 1)

        # every pair of claims for the same value (claims are sorted by source within a value)
        order = np.lexsort((csrc, cval))
        i, k = _all_pairs(cval[order])
        ev_ca, ev_cb = order[i].astype(np.int32), order[k].astype(np.int32)
        del i, k
        ev_pair = np.searchsorted(pair_keys, csrc[ev_ca] * n_src + csrc[ev_cb]).astype(np.int32)
        ev_w = cw[ev_ca] * cw[ev_cb]
        same = np.bincount(ev_pair, weights=ev_w, minlength=len(pair_keys))
        ev_val = cval[ev_ca].astype(np.int32)
        val_mass = np.bincount(cval, weights=cw, minlength=n_val)
        return cls(
            sources=sources,
            subjects=subjects,
            values=values,
            csrc=csrc,
            cval=cval,
            cw=cw,
            val_subj=val_subj,
            val_start=val_start,
            pair_a=pair_a,
            pair_b=pair_b,
            overlap=overlap,
            same=same,
            ev_pair=ev_pair,
            ev_val=ev_val,
            ev_subj=val_subj[ev_val].astype(np.int32),
            ev_sa=csrc[ev_ca].astype(np.int32),
            ev_sb=csrc[ev_cb].astype(np.int32),
            ev_others=np.maximum(val_mass[ev_val] - cw[ev_ca] - cw[ev_cb], 0.0),
            ev_ca=ev_ca,
            ev_cb=ev_cb,
            ev_w=ev_w,
            val_mass=val_mass,
        )

    def similarity_pairs(
        self, similarity: Similarity
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(value, other value, similarity) for similar values of one subject, both directions."""
        si: list[int] = []
        sj: list[int] = []
        sw: list[float] = []
        starts = self.val_start
        for j in np.flatnonzero(np.diff(starts) > 1):
            subject = self.subjects[j]
            lo, hi = int(starts[j]), int(starts[j + 1])
            for x in range(lo, hi):
                for y in range(x + 1, hi):
                    s = float(similarity(subject, self.values[x], self.values[y]))
                    if s > 0:
                        s = min(s, 1.0)
                        si += (x, y)
                        sj += (y, x)
                        sw += (s, s)
        if not si:
            return None
        return np.asarray(si), np.asarray(sj), np.asarray(sw)

    def softmax(self, score: np.ndarray, false_values: int) -> np.ndarray:
        """P(value true) per subject, counting the unreported false values at score 0."""
        if not len(score):
            return score.copy()
        starts = self.val_start[:-1]
        k = np.diff(self.val_start)
        unseen = np.maximum(false_values + 1 - k, 0)
        top = np.maximum.reduceat(score, starts)
        top = np.where(unseen > 0, np.maximum(top, 0.0), top)
        e = np.exp(score - top[self.val_subj])
        z = np.add.reduceat(e, starts) + unseen * np.exp(-top)
        return e / z[self.val_subj]

    def independence(self, dep: np.ndarray, accuracy: np.ndarray, copy_rate: float) -> np.ndarray:
        """Per claim, the probability it was given independently of the more trusted sources
        giving the same value: the product of ``1 - copy_rate * P(copying)`` over them."""
        if not len(self.ev_pair) or not np.any(dep):
            return np.ones(len(self.csrc))
        # more accurate sources come first; ties go to the source seen first
        rank = np.empty(len(accuracy), dtype=np.int64)
        rank[np.lexsort((np.arange(len(accuracy)), -accuracy))] = np.arange(len(accuracy))
        later = np.where(rank[self.ev_sb] > rank[self.ev_sa], self.ev_cb, self.ev_ca)
        log_ind = np.bincount(
            later, weights=np.log1p(-copy_rate * dep[self.ev_pair]), minlength=len(self.csrc)
        )
        return np.exp(log_ind)

    def dependence(
        self,
        prob: np.ndarray,
        accuracy: np.ndarray,
        false_values: int,
        copy_rate: float,
        copy_prior: float,
        log_keep: float,
    ) -> np.ndarray:
        """P(one source of each pair copies the other), Bayes over the values they share."""
        n_pairs = len(self.pair_a)
        p_ev = prob[self.ev_val]
        kt = np.bincount(self.ev_pair, weights=self.ev_w * p_ev, minlength=n_pairs)
        kd = np.maximum(self.overlap - self.same, 0.0)
        a = np.clip(accuracy, 1e-3, 1 - 1e-3)
        a1, a2 = a[self.pair_a], a[self.pair_b]
        c = copy_rate
        # How likely two independent sources are to land on this very false value: its share
        # of the false claims the *other* sources make on the subject, so a value only this
        # pair gives is strong evidence and one that many sources give is weak.
        mass = self.val_mass
        n_subj = len(self.val_start) - 1
        false_mass = np.bincount(self.val_subj, weights=mass * (1 - prob), minlength=n_subj)
        others_v = self.ev_others
        others_false = false_mass[self.ev_subj] - mass[self.ev_val] * (1 - p_ev) + others_v
        others_false = np.maximum(others_false, 0.0)
        q = (others_v + 1.0 / false_values) / (others_false + 1.0)
        wf = self.ev_w * (1 - p_ev)

        def loglik(copier: np.ndarray, copier_ev: np.ndarray) -> np.ndarray:
            # Pr(same true | copying) / Pr(same true | independent) = c / A_copier + 1 - c
            # Pr(same false value v | copying) / Pr(... | independent)
            #   = c / ((1 - A_copier) q_v) + 1 - c
            lt = np.log(c / copier + (1 - c))
            lf_ev = np.log(c / ((1 - copier_ev) * q) + (1 - c))
            lf = np.bincount(self.ev_pair, weights=wf * lf_ev, minlength=n_pairs)
            return kt * lt + lf + kd * log_keep

        log_odds = (
            math.log(copy_prior / (1 - copy_prior))
            + np.logaddexp(loglik(a2, a2[self.ev_pair]), loglik(a1, a1[self.ev_pair]))
            - math.log(2.0)
        )
        return 1.0 / (1.0 + np.exp(-np.clip(log_odds, -700, 700)))

    def result(
        self,
        *,
        prob: np.ndarray,
        accuracy: np.ndarray,
        dep: np.ndarray,
        claims_per_src: np.ndarray,
        correct: np.ndarray,
        prior_mean: np.ndarray,
        prior_strength: float,
        working: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
        iterations: int,
        converged: bool,
        tol: float,
    ) -> DiscoveryResult:
        trust_vote, independence, confidence, score = working
        # best value per subject: sort by subject, then probability, ties to the first seen
        order = np.lexsort((np.arange(len(prob)), -prob, self.val_subj))
        best = order[self.val_start[:-1]] if len(prob) else np.zeros(0, dtype=np.int64)
        truth = {self.subjects[j]: self.values[v] for j, v in enumerate(best.tolist())}
        belief: dict[Any, dict[Any, float]] = {}
        plist = prob.tolist()
        for j, subject in enumerate(self.subjects):
            lo, hi = int(self.val_start[j]), int(self.val_start[j + 1])
            belief[subject] = {self.values[v]: plist[v] for v in range(lo, hi)}

        trust = {}
        for s, source in enumerate(self.sources):
            total = claims_per_src[s] + prior_strength
            hits = correct[s] + prior_mean[s] * prior_strength
            low, high = wilson(hits, total)
            trust[source] = Trust(float(accuracy[s]), low, high, float(claims_per_src[s]))

        is_best = np.zeros(len(prob))
        is_best[best] = 1.0
        n_pairs = len(self.pair_a)
        shared_true = np.bincount(
            self.ev_pair, weights=self.ev_w * is_best[self.ev_val], minlength=n_pairs
        )
        copying = [
            Copying(
                a=self.sources[a],
                b=self.sources[b],
                probability=float(p),
                shared_true=int(round(t)),
                shared_false=int(round(s - t)),
                different=int(round(o - s)),
                overlap=int(o),
            )
            for a, b, p, t, s, o in zip(
                self.pair_a.tolist(),
                self.pair_b.tolist(),
                dep.tolist() if len(dep) else [0.0] * n_pairs,
                shared_true.tolist(),
                self.same.tolist(),
                self.overlap.tolist(),
            )
        ]
        copying.sort(key=lambda c: (-c.probability, -c.shared_false))

        claim_order = np.lexsort((self.csrc, self.cval))
        claim_start = np.searchsorted(self.cval[claim_order], np.arange(len(prob) + 1))
        working_state = _Working(
            sources=self.sources,
            subjects=self.subjects,
            values=self.values,
            subject_index={s: j for j, s in enumerate(self.subjects)},
            val_start=self.val_start,
            claim_order=claim_order,
            claim_start=claim_start,
            csrc=self.csrc,
            trust_vote=trust_vote,
            independence=independence,
            weight=self.cw * trust_vote[self.csrc] * independence,
            accuracy=accuracy,
            confidence=confidence,
            score=score,
            prob=prob,
        )
        return DiscoveryResult(
            truth=truth,
            belief=belief,
            trust=trust,
            copying=copying,
            iterations=iterations,
            converged=converged,
            tol=tol,
            _explain=working_state,
        )
