"""Truth discovery on the Flight data-fusion benchmark (Li et al., VLDB 2012): majority vote
against ``verify.reliability.discover`` in the same run.

38 web sources report departure and arrival times and gates for the same flights, many of them
copying one another; ``ground_truth/`` has the airlines' values for about 100 flights a day.
Why this data: it is real, the copying is real (whole families of sites print identical rows),
and a copy-aware method should beat counting votes on it.

Values are normalised before anyone votes: times to minutes since midnight (local time, as the
sources print it; the many formats are parsed by one pattern), gates to upper case without the
terminal prefixes or placeholders some sites print. A subject is (day, flight, attribute).
Accuracy is over ground-truth cells that are non-empty and that at least one source reports.

Run: ``python benchmarks/truth_discovery.py [--tune]`` (corpus beside the checkout, or
$VERIFY_CORPUS); ``--tune`` adds a leave-one-day-out choice of ``false_values``.
"""

from __future__ import annotations

import os
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

from verify.reliability import discover

CORPUS = Path(
    os.environ.get("VERIFY_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus"
)
FLIGHT = CORPUS / "truth-discovery" / "flight"
ATTRIBUTES = ("sched_dep", "actual_dep", "dep_gate", "sched_arr", "actual_arr", "arr_gate")
GATES = {"dep_gate", "arr_gate"}

_TIME = re.compile(r"(\d{1,2}):(\d{2})\s*(?:([ap])\.?\s*m?\.?)?", re.IGNORECASE)
_NOON = re.compile(r"\d:\d\d\s*(noon|midnight)", re.IGNORECASE)
_TERMINAL = re.compile(r"^(?:TERMINAL|TERM)\s+\w+\s*-\s*")
_NO_GATE = {"", "-", "--", "NOT PROVIDED BY AIRLINE", "NOT AVAILABLE", "CHK", "N/A"}


def parse_time(text: str) -> int | None:
    """Minutes since midnight of the first clock time in ``text`` ("7:10 PM", "19:10", "7:10p")."""
    m = _TIME.search(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(3) or "").lower()
    if not half:
        word = _NOON.search(text)
        if word:
            half = "p" if word.group(1).lower() == "noon" else "a"
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    if half == "a":
        hour %= 12
    elif half == "p":
        hour = hour % 12 + 12
    return hour * 60 + minute


def parse_gate(text: str) -> str | None:
    """Gate in upper case, without "Terminal X - " prefixes, "/T3" terminal suffixes, "?" or "-"."""
    gate = _TERMINAL.sub("", text.strip().upper())
    gate = gate.split("/")[0].strip().rstrip("?").strip()
    if gate in _NO_GATE or gate.startswith("TERMINAL") or gate.startswith("TERM "):
        return None
    gate = re.sub(r"^([A-Z]+)-(\d)", r"\1\2", gate)
    return gate or None


def parse(attribute: str, text: str) -> int | str | None:
    return parse_gate(text) if attribute in GATES else parse_time(text)


def load() -> tuple[list[tuple[str, tuple[str, str, str], object]], dict[tuple[str, str, str], object]]:
    claims = []
    for path in sorted((FLIGHT / "conflicting_data").glob("*.txt")):
        day = path.stem
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            cells = line.split("\t")
            if len(cells) < 8:
                continue
            source, flight = cells[0].strip(), cells[1].strip()
            for attribute, text in zip(ATTRIBUTES, cells[2:8]):
                value = parse(attribute, text)
                if value is not None:
                    claims.append((source, (day, flight, attribute), value))
    truth = {}
    for path in sorted((FLIGHT / "ground_truth").glob("*.txt")):
        day = path.stem
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            cells = line.split("\t")
            if len(cells) < 7:
                continue
            for attribute, text in zip(ATTRIBUTES, cells[1:7]):
                value = parse(attribute, text)
                if value is not None:
                    truth[(day, cells[0].strip(), attribute)] = value
    return claims, truth


def majority(claims) -> dict:
    """Plain vote count per subject; ties go to the value seen first (as in ``discover``)."""
    votes: dict = defaultdict(Counter)
    for source, subject, value in dict.fromkeys(claims):
        votes[subject][value] += 1
    return {subject: counts.most_common(1)[0][0] for subject, counts in votes.items()}


def accuracy(chosen: dict, truth: dict) -> tuple[float, int]:
    cells = [s for s in truth if s in chosen]
    return sum(chosen[s] == truth[s] for s in cells) / max(len(cells), 1), len(cells)


def identical_share(claims) -> dict[tuple[str, str], float]:
    """For each source pair: the share of subjects both report on where they print the same value."""
    by_subject: dict = defaultdict(dict)
    for source, subject, value in claims:
        by_subject[subject][source] = value
    same: Counter = Counter()
    both: Counter = Counter()
    for values in by_subject.values():
        items = sorted(values.items())
        for i, (a, va) in enumerate(items):
            for b, vb in items[i + 1 :]:
                both[(a, b)] += 1
                same[(a, b)] += va == vb
    return {pair: same[pair] / both[pair] for pair in both}


def leave_one_day_out(claims, truth, grid=(2, 5, 20, 100)) -> None:
    """Pick ``false_values`` on six days' ground truth, score it on the seventh, for each day.

    discover() never sees ground truth; only the choice of the parameter does, and never on
    the day it is scored on.
    """
    days = sorted({s[0] for s in truth})
    chosen = {n: discover(claims, false_values=n).truth for n in grid}
    for n, picked in chosen.items():
        print(f"  false_values={n:<4} accuracy on all days {accuracy(picked, truth)[0]:.4f}")
    hits = cells = 0
    for day in days:
        train = {s: v for s, v in truth.items() if s[0] != day}
        test = {s: v for s, v in truth.items() if s[0] == day}
        best = max(grid, key=lambda n: (accuracy(chosen[n], train)[0], n == 5))
        acc, n_cells = accuracy(chosen[best], test)
        hits += acc * n_cells
        cells += n_cells
        print(f"  held out {day}: false_values={best} -> {acc:.4f} on {n_cells} cells")
    print(f"  leave-one-day-out accuracy {hits / cells:.4f}")


def main() -> int:
    if not FLIGHT.is_dir():
        print(f"no Flight data at {FLIGHT} (set VERIFY_CORPUS)", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    claims, truth = load()
    load_s = time.perf_counter() - t0
    print(f"{len(claims):,} claims from {len({c[0] for c in claims})} sources on "
          f"{len({c[1] for c in claims}):,} subjects; {len(truth):,} ground-truth cells "
          f"(loaded in {load_s:.1f}s)")

    t0 = time.perf_counter()
    vote = majority(claims)
    vote_s = time.perf_counter() - t0
    vote_acc, cells = accuracy(vote, truth)

    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    result = discover(claims)
    discover_s, discover_cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    found_acc, _ = accuracy(result.truth, truth)

    print(f"evaluated cells: {cells:,} (non-empty ground truth that some source reports)")
    print(f"majority vote   accuracy {vote_acc:.4f}   {vote_s:.2f}s")
    print(f"discover()      accuracy {found_acc:.4f}   {discover_s:.1f}s wall, {discover_cpu:.1f}s CPU   "
          f"peak traced memory {peak / 2**20:.0f} MiB   iterations {result.iterations} "
          f"converged {result.converged} (tol {result.tol})")
    print(f"difference      {found_acc - vote_acc:+.4f} (target +0.08)")
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    share = identical_share(claims)
    copiers = result.copiers(0.5)
    judged = {tuple(sorted((c.a, c.b))) for c in copiers}
    near_identical = {pair for pair, s in share.items() if s >= 0.95}
    print(f"\nsource pairs judged copying (p >= 0.5): {len(copiers)} of {len(result.copying)} pairs that meet;"
          f" the 30 with most shared false values:")
    print(f"{'pair':42} {'p':>6} {'same':>6} {'false':>6} {'diff':>6} {'overlap':>7} {'identical':>9}")
    for c in sorted(copiers, key=lambda c: -c.shared_false)[:30]:
        key = tuple(sorted((c.a, c.b)))
        print(f"{c.a + ' ~ ' + c.b:42} {c.probability:6.3f} {c.shared_true + c.shared_false:6d} "
              f"{c.shared_false:6d} {c.different:6d} {c.overlap:7d} {share[key]:9.3f}")
    others = [s for pair, s in share.items() if pair not in judged]
    print(f"\npairs printing >= 95% identical values: {len(near_identical)}; judged copying among them: "
          f"{len(near_identical & judged)}; judged copying below 95%: {len(judged - near_identical)}")
    overlap = {tuple(sorted((c.a, c.b))): c.overlap for c in result.copying}
    big = {pair for pair in near_identical if overlap.get(pair, 0) >= 1000}
    print(f"of those sharing >= 1000 subjects: {len(big)}, judged copying {len(big & judged)}")
    print(f"mean identical share: copying pairs {sum(share[p] for p in judged) / max(len(judged), 1):.3f}, "
          f"other pairs {sum(others) / max(len(others), 1):.3f}")
    print("\nleast trusted sources:")
    for source, t in sorted(result.trust.items(), key=lambda kv: kv[1].score)[:8]:
        print(f"  {source:22} {t.score:.3f} [{t.low:.3f}, {t.high:.3f}] n={t.n:.0f}")
    if "--tune" in sys.argv[1:]:
        print("\nleave-one-day-out choice of false_values:")
        leave_one_day_out(claims, truth)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
