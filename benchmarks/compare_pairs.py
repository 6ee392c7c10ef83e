"""How well ``verify.compare`` tells same-claim pairs from others, against a word-overlap baseline.

MRPC (English, 4,076 pairs from different outlets on one story) measures paraphrase precision
and recall; ANS (Arabic headlines rewritten to agree or disagree) measures how many
contradicting rewrites string similarity would count as corroboration and how many
``compare`` catches instead. Thresholds are chosen by 10-fold cross-validation: each fold is
scored with the threshold that maximised F1 on the other nine, never on its own pairs.

    python benchmarks/compare_pairs.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from verify.match import compare  # noqa: E402
from verify.match.compare import _pair_score, _Text, features  # noqa: E402
from verify.match.scorers import scorers  # noqa: E402
from verify.match.tokens import tokenize  # noqa: E402
from verify.normalize import normalize_text  # noqa: E402

CORPUS = Path(os.environ.get("VERIFY_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
CORROBORATING = {"same_quote", "paraphrase", "misattributed"}


def load_mrpc(limit: int | None) -> list[tuple[str, str, int]]:
    rows = []
    with open(CORPUS / "mrpc" / "msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5 and parts[0] in "01":
                rows.append((parts[3], parts[4], int(parts[0])))
    return rows[:limit] if limit else rows


def load_ans(limit: int | None) -> list[tuple[str, str, str]]:
    rows = []
    for name in ("stance_train.csv", "stance_dev.csv"):
        with open(CORPUS / "ans" / name, encoding="utf-8") as f:
            rows += [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(f)]
    return rows[:limit] if limit else rows


def jaccard(a: str, b: str) -> float:
    wa = set(re.findall(r"\w+", normalize_text(a)))
    wb = set(re.findall(r"\w+", normalize_text(b)))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


_IDF: dict[str, float] = {}


def _init(idf: dict[str, float]) -> None:
    _IDF.clear()
    _IDF.update(idf)


def _idf(stem: str) -> float:
    return _IDF.get(stem, 1.0)


def _score(pair: tuple[str, str]) -> tuple[float, str, float, list[str], list[float]]:
    c = compare(pair[0], pair[1], idf=_idf if _IDF else None)
    _, side_a, side_b = _pair_score(_Text(pair[0]), _Text(pair[1]), _idf if _IDF else None)
    scored = {s.name: s.score(pair[0], pair[1]) for s in scorers()}
    return (c.score, c.relation, c.text_score, [d["kind"] for d in c.details["differences"]],
            features(side_a, side_b, c.details["differences"], scored))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2) -> np.ndarray:
    """Newton's method for L2-regularised logistic regression (weights then bias)."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(60):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def refit(results: list, gold: list[bool], folds: int = 10, seed: int = 7) -> None:
    """Cross-validated accuracy of refitting compare's weights, then the weights on all pairs."""
    x = np.array([r[4] for r in results])
    y = np.array(gold, dtype=float)
    order = list(range(len(y)))
    random.Random(seed).shuffle(order)
    scores = np.zeros(len(y))
    for k in range(folds):
        test = order[k::folds]
        held = set(test)
        w = fit_logistic(x[[i for i in order if i not in held]], y[[i for i in order if i not in held]])
        scores[test] = 1 / (1 + np.exp(-(np.hstack([x[test], np.ones((len(test), 1))]) @ w)))
    pred, th = cross_validate(list(scores), gold, [True] * len(gold))
    p, r, f = prf(pred, gold)
    print(f"  refit weights, 10-fold CV: P={p:.4f} R={r:.4f} F1={f:.4f}")
    w = fit_logistic(x, y)
    print(f"  weights on all pairs: _WEIGHTS = {tuple(round(float(v), 3) for v in w[:-1])}, _BIAS = {w[-1]:.3f}")


def idf_table(texts: list[str]) -> dict[str, float]:
    """Rarity weights from the sentences themselves (no labels), as the index's frozen stats do."""
    df: Counter = Counter()
    for t in texts:
        df.update({tok.stem for tok in tokenize(normalize_text(t))})
    n = len(texts)
    return {s: max(0.2, math.log((n + 1) / (d + 0.5)) / math.log(n + 1)) for s, d in df.items()}


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores: list[float], gold: list[bool], allowed: list[bool],
                   min_precision: float = 0.0) -> float:
    best, best_f = 0.5, -1.0
    for t in sorted(set(round(s, 3) for s in scores)):
        p, _, f = prf([s >= t and ok for s, ok in zip(scores, allowed)], gold)
        if f > best_f and p >= min_precision:
            best, best_f = t, f
    return best


def cross_validate(scores: list[float], gold: list[bool], allowed: list[bool], folds: int = 10,
                   seed: int = 7, min_precision: float = 0.0) -> tuple[list[bool], list[float]]:
    """Predictions for every pair, each from a threshold fitted on the other folds only."""
    order = list(range(len(scores)))
    random.Random(seed).shuffle(order)
    pred = [False] * len(scores)
    thresholds = []
    for k in range(folds):
        test = set(order[k::folds])
        train = [i for i in order if i not in test]
        t = best_threshold([scores[i] for i in train], [gold[i] for i in train], [allowed[i] for i in train],
                           min_precision)
        thresholds.append(t)
        for i in test:
            pred[i] = scores[i] >= t and allowed[i]
    return pred, thresholds


def run_mrpc(pool: Pool, limit: int | None, fit: bool) -> None:
    rows = load_mrpc(limit)
    gold = [bool(g) for _, _, g in rows]
    t0 = time.perf_counter()
    base = [jaccard(a, b) for a, b, _ in rows]
    results = pool.map(_score, [(a, b) for a, b, _ in rows], chunksize=50)
    elapsed = time.perf_counter() - t0
    print(f"MRPC train: {len(rows)} pairs, {sum(gold)} paraphrases; scored in {elapsed:.1f}s")
    pred, th = cross_validate(base, gold, [True] * len(rows))
    p, r, f = prf(pred, gold)
    print(f"  baseline word Jaccard      P={p:.4f} R={r:.4f} F1={f:.4f}  thresholds {min(th):.3f}-{max(th):.3f}")
    text = [x[2] for x in results]
    pred, th = cross_validate(text, gold, [True] * len(rows))
    p, r, f = prf(pred, gold)
    print(f"  compare text_score alone   P={p:.4f} R={r:.4f} F1={f:.4f}  thresholds {min(th):.3f}-{max(th):.3f}")
    scores = [x[0] for x in results]
    allowed = [x[1] != "contradicts" for x in results]
    pred, th = cross_validate(scores, gold, allowed)
    p, r, f = prf(pred, gold)
    print(f"  compare (score, no contradiction) P={p:.4f} R={r:.4f} F1={f:.4f}  thresholds "
          f"{min(th):.3f}-{max(th):.3f} (median {statistics.median(th):.3f})")
    for floor in (0.75, 0.78, 0.80):
        for name, sc, ok in (("baseline word Jaccard", base, [True] * len(rows)), ("compare", scores, allowed)):
            pred, th = cross_validate(sc, gold, ok, min_precision=floor)
            p, r, f = prf(pred, gold)
            print(f"  best F1 with fold precision >= {floor}: {name:<22} P={p:.4f} R={r:.4f} F1={f:.4f} "
                  f"(thresholds {min(th):.3f}-{max(th):.3f})")
    flagged = [x for x, g in zip(results, gold) if x[1] == "contradicts"]
    kinds = Counter(k for x in flagged for k in x[3])
    print(f"  contradicts: {len(flagged)} pairs, {sum(g for x, g in zip(results, gold) if x[1] == 'contradicts')} of them "
          f"labelled paraphrase; kinds {dict(kinds)}")
    rel = Counter(x[1] for x in results)
    print(f"  relations (fixed THRESHOLDS): {dict(rel)}")
    p, r, f = prf([x[1] in CORROBORATING for x in results], gold)
    print(f"  fixed THRESHOLDS as shipped: P={p:.4f} R={r:.4f} F1={f:.4f}")
    if fit:
        refit(results, gold)


def run_ans(pool: Pool, limit: int | None) -> None:
    rows = load_ans(limit)
    agree = [s == "agree" for _, _, s in rows]
    disagree = [s == "disagree" for _, _, s in rows]
    results = pool.map(_score, [(a, b) for a, b, _ in rows], chunksize=50)
    print(f"ANS stance train+dev: {len(rows)} pairs, {sum(agree)} agree, {sum(disagree)} disagree")
    scores = [x[0] for x in results]
    allowed = [x[1] != "contradicts" for x in results]
    pred, th = cross_validate(scores, agree, allowed)
    p, r, f = prf(pred, agree)
    let_through = sum(pd and d for pd, d in zip(pred, disagree))
    print(f"  compare: agree P={p:.4f} R={r:.4f} F1={f:.4f} (CV thresholds {min(th):.3f}-{max(th):.3f}); "
          f"disagree pairs counted as corroboration: {let_through}")
    for name, sim in (("word Jaccard", [jaccard(a, b) for a, b, _ in rows]),
                      ("compare text_score alone", [x[2] for x in results])):
        # The string-similarity threshold that reaches the same agree recall on these pairs.
        target = r
        ordered = sorted((s for s, g in zip(sim, agree) if g), reverse=True)
        k = max(1, math.ceil(target * len(ordered)))
        t = ordered[k - 1]
        through = [i for i, s in enumerate(sim) if s >= t and disagree[i]]
        caught = [i for i in through if results[i][1] == "contradicts"]
        kept = [i for i in through if pred[i]]
        print(f"  {name:<25} at agree recall {target:.3f} (threshold {t:.3f}) lets through {len(through)} "
              f"disagree pairs; compare counts {len(kept)} of them as corroboration "
              f"({len(kept) / max(1, len(through)):.0%}), flags {len(caught)} contradicts")
    kinds = Counter(k for x, d in zip(results, disagree) if d and x[1] == "contradicts" for k in x[3])
    print(f"  contradicts on disagree pairs: {sum(1 for x, d in zip(results, disagree) if d and x[1] == 'contradicts')} "
          f"(kinds {dict(kinds)}); on agree pairs: {sum(1 for x, g in zip(results, agree) if g and x[1] == 'contradicts')}")
    for i, (a, b, s) in enumerate(rows[:400]):
        if disagree[i] and results[i][1] == "contradicts" and results[i][3]:
            print(f"  e.g. {a} | {b} -> {results[i][3]}")
            break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=os.cpu_count())
    parser.add_argument("--fit", action="store_true", help="refit compare's weights on MRPC and print them")
    args = parser.parse_args()
    mrpc = load_mrpc(args.limit)
    with Pool(args.processes, initializer=_init, initargs=(idf_table([x for a, b, _ in mrpc for x in (a, b)]),)) as pool:
        run_mrpc(pool, args.limit, args.fit)
    ans = load_ans(args.limit)
    with Pool(args.processes, initializer=_init, initargs=(idf_table([x for a, b, _ in ans for x in (a, b)]),)) as pool:
        run_ans(pool, args.limit)


if __name__ == "__main__":
    main()
