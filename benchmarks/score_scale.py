"""``verify score`` at scale: time and peak memory on 100k and 1M statements, against a naive
per-statement count in the same run.

The database comes from ``benchmarks/generate.py`` (real English and Arabic sentences, planted
repeats recorded in ``bench_planted``). The generator writes statements only, so this script
adds what scoring reads and an ingest would have stored: each report's text (its statements,
with 1% of reports carrying another report's text word for word, as syndicated copies do) and
its normalised text in ``reports_fts``, owners for a fifth of the outlets (groups of three),
five wires credited by a fifth of the reports, and the planted pairs as ``matches`` (what
``verify match`` finds on them is the matching benchmark's business, not this one's).

Scoring runs in a child process, so the peak resident memory reported is scoring's own. The
baseline recomputes ``reports``/``outlets``/``independent``/``contradictions`` for a random
sample of statements one at a time in Python and SQL, the way one would without claim-level
counting, checks that it agrees with what ``verify score`` stored, and extrapolates its time.

    python benchmarks/score_scale.py [--statements 100000 1000000] [--sample 300] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from verify.db import open_db  # noqa: E402

WIRES = ["Wire A", "Wire B", "Wire C", "Wire D", "Wire E"]


def enrich(path: Path, seed: int = 1) -> dict:
    """Add report texts, copies, owners, credited wires and matches to a generated database."""
    rng = random.Random(seed)
    db = open_db(path)
    conn = db.conn
    started = time.perf_counter()
    with conn:
        conn.execute("UPDATE reports SET text = coalesce((SELECT group_concat(text, ' ') FROM "
                     "statements s WHERE s.report_id = reports.id), '')")
        ids = [r for (r,) in conn.execute("SELECT id FROM reports")]
        copies = [(rng.choice(ids), r) for r in rng.sample(ids, len(ids) // 100)]
        conn.executemany("UPDATE reports SET text = (SELECT text FROM reports WHERE id = ?) "
                         "WHERE id = ?", copies)
        conn.execute("INSERT INTO reports_fts(rowid, title, text) SELECT r.id, '', "
                     "coalesce((SELECT group_concat(norm, ' ') FROM statements s "
                     "WHERE s.report_id = r.id), '') FROM reports r")
        conn.executemany("UPDATE reports_fts SET text = (SELECT text FROM reports_fts "
                         "WHERE rowid = ?) WHERE rowid = ?", copies)
        outlets = [o for (o,) in conn.execute("SELECT id FROM outlets ORDER BY id")]
        owned = outlets[: len(outlets) // 5]
        conn.executemany("UPDATE outlets SET owner = ? WHERE id = ?",
                         [(f"Group {i // 3}", o) for i, o in enumerate(owned)])
        conn.executemany("INSERT INTO outlets(name, kind) VALUES (?, 'wire')",
                         [(w,) for w in WIRES])
        credited = rng.sample(ids, len(ids) // 5)
        conn.executemany("UPDATE reports SET cites = ? WHERE id = ?",
                         [(json.dumps([rng.choice(WIRES)]), r) for r in credited])
        conn.execute(
            "INSERT OR IGNORE INTO matches(a_id, b_id, score, relation, method) "
            "SELECT min(a.id, b.id), max(a.id, b.id), 0.9, p.relation, 'planted' "
            "FROM bench_planted p JOIN statements a ON a.uid = p.a_uid "
            "JOIN statements b ON b.uid = p.b_uid WHERE a.report_id != b.report_id")
    counts = dict(conn.execute("SELECT relation, count(*) FROM matches GROUP BY 1").fetchall())
    return {"matches": counts, "copied_reports": len(copies), "enrich_seconds":
            round(time.perf_counter() - started, 1)}


def score_child(path: str) -> None:
    """Run in a child process: score and print the summary and timings as JSON."""
    from verify.score import score_database

    db = open_db(path)
    claims_started = time.perf_counter()
    summary = score_database(db)
    summary["wall_seconds"] = round(time.perf_counter() - claims_started, 2)
    summary["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(summary))


def naive_counts(db, statement_id: int, names: dict, copies: set) -> tuple[int, int, int, int]:
    """One statement at a time, straight from the tables: what the claim-level code replaces."""
    sid, report, claim, outlet, article_url = db.execute(
        "SELECT s.id, s.report_id, s.claim_id, r.outlet_id, r.url FROM statements s "
        "JOIN reports r ON r.id = s.report_id WHERE s.id = ?", [statement_id]).fetchone()
    members = db.execute(
        "SELECT DISTINCT r.id, r.outlet_id, r.cites, o.owner FROM statements s "
        "JOIN reports r ON r.id = s.report_id LEFT JOIN outlets o ON o.id = r.outlet_id "
        "WHERE s.claim_id = ? AND s.claim_id IS NOT NULL", [claim]).fetchall() if claim else []
    own = [m for m in members if m[0] == report] or [
        db.execute("SELECT r.id, r.outlet_id, r.cites, o.owner FROM reports r LEFT JOIN outlets o "
                   "ON o.id = r.outlet_id WHERE r.id = ?", [report]).fetchone()]
    everyone = {m[0]: m for m in members} | {own[0][0]: own[0]}

    def dependent(x, y) -> bool:
        cx, cy = set(json.loads(x[2] or "[]")), set(json.loads(y[2] or "[]"))
        return (x[1] == y[1] or (x[3] and x[3] == y[3]) or names.get(x[1]) in cy
                or names.get(y[1]) in cx or bool(cx & cy) or tuple(sorted((x[0], y[0]))) in copies)

    ids = list(everyone)
    parent = {i: i for i in ids}

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            if dependent(everyone[x], everyone[y]):
                parent[find(x)] = find(y)
    others = [i for i in ids if i != report]
    outlets = {everyone[i][1] for i in others} - {outlet}
    components = {find(i) for i in ids} - {find(report)}
    contradicting = {r for (r,) in db.execute(
        "SELECT DISTINCT o.report_id FROM statements m JOIN matches x ON x.relation = 'contradicts' "
        "AND (x.a_id = m.id OR x.b_id = m.id) JOIN statements o ON o.id = "
        "CASE WHEN x.a_id = m.id THEN x.b_id ELSE x.a_id END "
        "WHERE (m.claim_id = ? AND ? IS NOT NULL) OR m.id = ?", [claim, claim, sid])} - {report}
    return len(others), len(outlets), len(components), len(contradicting)


def run(n: int, workdir: Path, sample: int) -> dict:
    from generate import generate

    path = workdir / f"score-{n}.db"
    started = time.perf_counter()
    generated = generate(path, n)
    generated["generate_seconds"] = round(time.perf_counter() - started, 1)
    generated.update(enrich(path))
    child = subprocess.run([sys.executable, __file__, "--child", str(path)],
                           capture_output=True, text=True, check=True)
    summary = json.loads(child.stdout.strip().splitlines()[-1])

    db = open_db(path)
    rng = random.Random(7)
    in_claims = [s for (s,) in db.execute(
        "SELECT s.id FROM statements s JOIN claims c ON c.id = s.claim_id WHERE c.size > 1")]
    picked = rng.sample(in_claims, min(sample // 2, len(in_claims)))
    all_ids = db.execute("SELECT min(id), max(id) FROM statements").fetchone()
    picked += [rng.randint(*all_ids) for _ in range(sample - len(picked))]
    t0 = time.perf_counter()
    names = dict(db.execute("SELECT id, name FROM outlets").fetchall())
    copies = {tuple(sorted(p)) for p in db.execute(
        "SELECT a_report_id, b_report_id FROM report_links WHERE relation = 'copy'")}
    disagreements = 0
    for sid in picked:
        naive = naive_counts(db, sid, names, copies)
        stored = db.execute("SELECT reports, outlets, independent, contradictions FROM "
                            "corroboration WHERE statement_id = ?", [sid]).fetchone()
        disagreements += tuple(stored) != naive
    per_statement = (time.perf_counter() - t0) / len(picked)
    return {"statements": n, **generated, "score": summary,
            "baseline": {"sampled": len(picked), "disagreements": disagreements,
                         "ms_per_statement": round(per_statement * 1000, 2),
                         "extrapolated_seconds": round(per_statement * n, 1)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--keep", help="folder for the generated databases (default: temporary)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        score_child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for n in args.statements:
            result = run(n, workdir, args.sample)
            s, b = result["score"], result["baseline"]
            print(json.dumps(result))
            print(f"{n:>9,} statements: verify score {s['wall_seconds']:.1f}s "
                  f"(timings {s['timings']}), peak RSS {s['peak_rss_mb']:.0f} MB; naive per "
                  f"statement {b['ms_per_statement']} ms -> ~{b['extrapolated_seconds']:.0f}s "
                  f"for all; {b['disagreements']}/{b['sampled']} sampled statements disagree")


if __name__ == "__main__":
    main()
