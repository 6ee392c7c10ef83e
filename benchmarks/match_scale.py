"""``verify match`` at scale: time, peak memory, planted-pair recall, recall against brute force.

For each size a corpus is generated with ``benchmarks/generate.py`` (or reused), matched from
scratch, then checked two ways:

- planted pairs (syndicated copies, shortened, retyped, reworded, re-attributed, contradicted
  quotes): the share stored in ``matches``, and the share with the planted relation;
- brute force: 1,000 sampled statements scored by the text scorer alone (compare's
  ``text_score``: what the statements say, the attribution around a quote muted as
  ``verify match`` mutes it) against every statement; the pairs at or above ``--threshold`` are what an
  all-pairs matcher would find, and the baseline is the share of them the index found. To
  keep brute force affordable the text scorer runs on every pair whose weighted word overlap
  reaches half the threshold (computed for all pairs with numpy); pairs below that cannot
  reach the threshold in practice (they share too few words).

    python benchmarks/match_scale.py --sizes 10000 100000 [--processes 2] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from verify.db import open_db  # noqa: E402
from verify.match import match_database  # noqa: E402
from verify.match.compare import text_score  # noqa: E402
from verify.match.index import content_stems  # noqa: E402
from verify.match.store import load_vocabulary  # noqa: E402


class PeakMemory:
    """Peak memory of this process and its children, sampled from /proc.

    ``peak`` sums proportional set sizes (a page shared by the forked workers counts once,
    split between them): what the machine needs. ``peak_rss`` sums resident sizes, which
    counts every shared page once per process: an upper bound.
    """

    def __init__(self) -> None:
        self.peak = 0
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(name):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _children(self, pid: int) -> list[int]:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                return [int(x) for x in f.read().split()]
        except OSError:
            return []

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            pids = [me, *self._children(me)]
            self.peak = max(self.peak, sum(self._field(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
            self.peak_rss = max(self.peak_rss, sum(self._field(f"/proc/{p}/status", "VmRSS:") for p in pids))
            self._stop.wait(0.25)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    """User+system CPU seconds of this process and its finished children: comparable across
    runs on a machine other jobs share, where wall time is not."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def planted_recall(conn: sqlite3.Connection) -> tuple[int, float, float]:
    rows = conn.execute(
        "SELECT p.relation, m.relation FROM bench_planted p JOIN statements a ON a.uid = p.a_uid "
        "JOIN statements b ON b.uid = p.b_uid LEFT JOIN matches m ON m.a_id = min(a.id, b.id) "
        "AND m.b_id = max(a.id, b.id) WHERE a.report_id != b.report_id").fetchall()
    found = sum(1 for _, got in rows if got)
    right = sum(1 for want, got in rows if got == want)
    return len(rows), found / max(1, len(rows)), right / max(1, len(rows))


def brute_force_recall(db_path: Path, threshold: float, sample: int, seed: int) -> tuple[int, float, float]:
    """Share of the pairs found by the text scorer over all pairs that ``matches`` holds."""
    db = open_db(db_path)
    vocab = load_vocabulary(db)
    ids, reports, urls, texts, norms, quotes, speakers = [], [], [], [], [], [], []
    for sid, rid, url, text, norm, quote, speaker in db.execute(
            "SELECT s.id, s.report_id, r.url, s.text, s.norm, s.quote, sp.name FROM statements s "
            "JOIN reports r ON r.id = s.report_id LEFT JOIN speakers sp ON sp.id = s.speaker_id"):
        ids.append(sid)
        reports.append(rid)
        urls.append(url)
        texts.append(text)
        norms.append(norm)
        quotes.append(quote)
        speakers.append(speaker)
    started = time.perf_counter()
    stem_id: dict[str, int] = {}
    flat_stems, flat_rows = [], []
    for row, norm in enumerate(norms):
        for s in content_stems(norm):
            flat_stems.append(stem_id.setdefault(s, len(stem_id)))
            flat_rows.append(row)
    weights = np.zeros(len(stem_id))
    for s, i in stem_id.items():
        weights[i] = vocab.idf(s)
    stems_arr = np.asarray(flat_stems, dtype=np.int32)
    rows_arr = np.asarray(flat_rows, dtype=np.int32)
    order = np.argsort(stems_arr, kind="stable")
    post_rows = rows_arr[order]
    bounds = np.searchsorted(stems_arr[order], np.arange(len(stem_id) + 1))
    totals = np.bincount(rows_arr, weights=weights[stems_arr], minlength=len(norms))
    per_row: list[list[int]] = [[] for _ in norms]
    for s, r in zip(flat_stems, flat_rows):
        per_row[r].append(s)

    matched = set(db.execute("SELECT a_id, b_id FROM matches").fetchall())
    rng = random.Random(seed)
    brute, hit = 0, 0
    for row in rng.sample(range(len(norms)), min(sample, len(norms))):
        mine = per_row[row]
        if not mine:
            continue
        parts = [post_rows[bounds[s]:bounds[s + 1]] for s in mine]
        w = np.concatenate([np.full(len(p), weights[s]) for s, p in zip(mine, parts)])
        shared = np.bincount(np.concatenate(parts), weights=w, minlength=len(norms))
        dice = 2 * shared / (totals[row] + totals + 1e-9)
        for other in np.nonzero(dice >= threshold / 2)[0].tolist():
            if other == row or reports[other] == reports[row] or (urls[row] and urls[row] == urls[other]):
                continue
            lo, hi = sorted((row, other), key=lambda r: ids[r])
            score = text_score(texts[lo], texts[hi], quote_a=quotes[lo], quote_b=quotes[hi], speaker_a=speakers[lo],
                               speaker_b=speakers[hi], idf=vocab.idf, norm_a=norms[lo], norm_b=norms[hi])
            if score >= threshold:
                brute += 1
                hit += (ids[lo], ids[hi]) in matched
    return brute, hit / max(1, brute), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--processes", type=int, default=os.cpu_count())
    parser.add_argument("--dir", default="/tmp")
    parser.add_argument("--reuse", action="store_true", help="reuse a generated database of that size")
    parser.add_argument("--threshold", type=float, default=0.5, help="text_score of a brute-force match")
    parser.add_argument("--sample", type=int, default=1000)
    args = parser.parse_args()
    for size in args.sizes:
        path = Path(args.dir) / f"verify-bench-{size}.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not (args.reuse and path.exists()):
            t = time.perf_counter()
            counts = generate(path, size)
            print(f"{size:>9,} generated in {time.perf_counter() - t:.0f}s: {counts}", flush=True)
        db = open_db(path)
        cpu_before = _cpu()
        with PeakMemory() as memory:
            t = time.perf_counter()
            counts = match_database(db, rebuild=True, processes=args.processes)
            elapsed = time.perf_counter() - t
        cpu = _cpu() - cpu_before
        n, found, right = planted_recall(db.conn)
        print(f"{size:>9,} statements: matched in {elapsed:.0f}s with {args.processes} processes "
              f"({cpu:.0f}s CPU; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores), peak memory "
              f"{memory.peak / 2**30:.2f} GB (parent + workers, proportional; resident without sharing "
              f"{memory.peak_rss / 2**30:.2f} GB); "
              f"{counts['matches']:,} matches {counts['relations']}", flush=True)
        print(f"          planted pairs: {n:,}; stored {found:.1%}; with the planted relation {right:.1%}", flush=True)
        db.conn.close()
        brute, recall, seconds = brute_force_recall(path, args.threshold, args.sample, seed=size)
        print(f"          brute force ({args.sample} sampled statements x all, text_score >= {args.threshold}): "
              f"{brute:,} pairs; index recall {recall:.1%} ({seconds:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
