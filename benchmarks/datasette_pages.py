"""Timings of the workbench pages on a big database: are they fast enough to browse?

Builds on ``benchmarks/generate.py`` (statements, reports, outlets, planted repeats) and adds
what ``verify match``/``verify score`` would write, in bulk: report texts made of their
statements (so offsets are real), matches for the planted pairs, claims, corroboration for
every statement, outlet reliability with components, and the ``statement_overview`` view.
Then it times, through Datasette's in-process client (no HTTP server), the statement, report
and outlet pages and the ``statements`` table's first page with facets off, against a
baseline measured in the same run: Datasette's own row page for the same statements and the
same table page with the plugin switched off.

    python benchmarks/datasette_pages.py /tmp/big.db --statements 1000000   # generate if missing
    python benchmarks/datasette_pages.py /tmp/big.db --runs 40
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from verify.db import open_db  # noqa: E402  (after the path set-up above)

BUDGET_MS = 200.0


def score_like(path: Path) -> dict:
    """Fill the tables the scoring stages would fill, once (skipped when already done)."""
    conn = sqlite3.connect(path)
    if conn.execute("SELECT count(*) FROM corroboration").fetchone()[0]:
        conn.close()
        return {"scored": "already"}
    started = time.perf_counter()
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        # Report texts from their statements, so the reading view has real offsets.
        current, parts, offset, updates, texts = None, [], 0, [], []
        for sid, report_id, text in conn.execute(
                "SELECT id, report_id, text FROM statements ORDER BY report_id, id"):
            if report_id != current:
                if current is not None:
                    texts.append((" ".join(parts), current))
                current, parts, offset = report_id, [], 0
            updates.append((offset, offset + len(text), sid))
            parts.append(text)
            offset += len(text) + 1
        if current is not None:
            texts.append((" ".join(parts), current))
        conn.executemany('UPDATE statements SET start = ?, "end" = ? WHERE id = ?', updates)
        conn.executemany("UPDATE reports SET text = ?, title = substr(?, 1, 60) WHERE id = ?",
                         [(t, t, r) for t, r in texts])
        planted = conn.execute("""
            SELECT a.id, b.id, p.relation, length(a.text), length(b.text)
            FROM bench_planted p JOIN statements a ON a.uid = p.a_uid
            JOIN statements b ON b.uid = p.b_uid""").fetchall()
        conn.executemany(
            "INSERT OR IGNORE INTO matches(a_id, b_id, score, relation, details, method) "
            "VALUES (?, ?, 0.9, ?, ?, 'bench')",
            [(min(a, b), max(a, b), rel, json.dumps({
                "a_spans": [[0, min(la if a < b else lb, 60)]],
                "b_spans": [[0, min(lb if a < b else la, 60)]], "differences": []}))
             for a, b, rel, la, lb in planted])
        groups: dict[int, set[int]] = {}
        for a, b, rel, _, _ in planted:
            if rel in ("same_quote", "paraphrase"):
                groups.setdefault(a, {a}).add(b)
        for rep, members in groups.items():
            claim = conn.execute("INSERT INTO claims(statement_id, size) VALUES (?, ?)",
                                 [rep, len(members)]).lastrowid
            conn.executemany("UPDATE statements SET claim_id = ? WHERE id = ?",
                             [(claim, m) for m in members])
        # Conflicts per statement counted once (a correlated subquery per statement would
        # let SQLite scan every match of that relation, a million times).
        conn.execute("""
            CREATE TEMP TABLE conflicts AS
            SELECT id, sum(relation = 'contradicts') AS contradictions,
                   sum(relation = 'misattributed') AS misattributions
            FROM (SELECT a_id AS id, relation FROM matches
                  UNION ALL SELECT b_id, relation FROM matches)
            GROUP BY id""")
        conn.execute("CREATE UNIQUE INDEX temp.conflicts_id ON conflicts(id)")
        conn.execute("""
            INSERT INTO corroboration(statement_id, reports, outlets, independent, contradictions,
                                      misattributions, support, first_seen, chain)
            SELECT s.id, coalesce(c.size - 1, 0), coalesce(c.size - 1, 0),
                   coalesce(c.size - 1, 0), coalesce(k.contradictions, 0),
                   coalesce(k.misattributions, 0), coalesce(c.size - 1, 0) * 0.7,
                   r.published_at, json_array(json_object('report_id', s.report_id))
            FROM statements s JOIN reports r ON r.id = s.report_id
            LEFT JOIN claims c ON c.id = s.claim_id
            LEFT JOIN conflicts k ON k.id = s.id""")
        conn.execute("""
            UPDATE outlets SET reliability = 0.3 + (id % 7) / 10.0,
                reliability_low = 0.2 + (id % 7) / 10.0, reliability_high = 0.4 + (id % 7) / 10.0,
                reliability_components = json_array(
                    json_object('signal', 'prior', 'effect', 0.0, 'detail', 'uniform',
                                'uids', json_array()),
                    json_object('signal', 'agreement', 'effect', -0.05, 'detail', 'contradicted',
                                'uids', json_array()))""")
    conn.execute("ANALYZE")
    conn.close()
    return {"scored_seconds": round(time.perf_counter() - started, 1)}


def pick(path: Path, n: int, seed: int) -> dict[str, list]:
    """Statements (half of them in claims), reports and outlets to open."""
    conn = sqlite3.connect(path)
    rng = random.Random(seed)
    top = conn.execute("SELECT max(id) FROM statements").fetchone()[0]
    in_claims = [r[0] for r in conn.execute(
        "SELECT uid FROM statements WHERE claim_id IS NOT NULL LIMIT 5000")]
    plain = [conn.execute("SELECT uid FROM statements WHERE id = ?",
                          [rng.randrange(1, top + 1)]).fetchone()[0] for _ in range(n // 2)]
    statements = rng.sample(in_claims, min(n - len(plain), len(in_claims))) + plain
    reports_top = conn.execute("SELECT max(id) FROM reports").fetchone()[0]
    outlets_top = conn.execute("SELECT max(id) FROM outlets").fetchone()[0]
    ids = {uid: conn.execute("SELECT id FROM statements WHERE uid = ?", [uid]).fetchone()[0]
           for uid in statements}
    conn.close()
    return {"statements": statements, "statement_ids": [ids[u] for u in statements],
            "reports": [rng.randrange(1, reports_top + 1) for _ in range(n)],
            "outlets": [rng.randrange(1, outlets_top + 1) for _ in range(n)]}


async def time_paths(ds, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        started = time.perf_counter()
        response = await ds.client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code}")
    return times


def summary(name: str, times: list[float], baseline: list[float] | None = None) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    row = {"page": name, "n": len(times), "median_ms": round(statistics.median(times), 1),
           "p95_ms": round(p95, 1), "within_budget": p95 < BUDGET_MS}
    if baseline:
        row["baseline_median_ms"] = round(statistics.median(baseline), 1)
    return row


async def measure(path: Path, runs: int, seed: int) -> list[dict]:
    from datasette.app import Datasette
    from datasette.plugins import pm
    import yaml

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    ds = Datasette([str(path)], metadata=metadata, immutables=[])
    await ds.invoke_startup()
    name = path.stem
    chosen = pick(path, runs, seed)
    await time_paths(ds, ["/-/verify/", f"/{name}/statements?_nofacet=1"])  # warm caches
    results = []
    row_pages = await time_paths(ds, [f"/{name}/statements/{i}" for i in chosen["statement_ids"]])
    results.append(summary("statement page", await time_paths(
        ds, [f"/-/verify/statement/{u}" for u in chosen["statements"]]), row_pages))
    report_rows = await time_paths(ds, [f"/{name}/reports/{i}" for i in chosen["reports"]])
    results.append(summary("report page", await time_paths(
        ds, [f"/-/verify/report/{i}" for i in chosen["reports"]]), report_rows))
    outlet_rows = await time_paths(ds, [f"/{name}/outlets/{i}" for i in chosen["outlets"]])
    results.append(summary("outlet page", await time_paths(
        ds, [f"/-/verify/outlet/{i}" for i in chosen["outlets"]]), outlet_rows))
    # With and without the plugin, interleaved so that load from elsewhere hits both alike.
    plugin = next(p for p in pm.get_plugins() if getattr(p, "__name__", "") == "verify_datasette")
    timings: dict[tuple[str, bool], list[float]] = {}
    for _ in range(runs):
        for query in ("_nofacet=1", "_nofacet=1&_nocount=1"):
            timings.setdefault((query, True), []).extend(
                await time_paths(ds, [f"/{name}/statements?{query}"]))
            pm.unregister(plugin)
            try:
                timings.setdefault((query, False), []).extend(
                    await time_paths(ds, [f"/{name}/statements?{query}"]))
            finally:
                pm.register(plugin)
    results.append(summary("statements table, facets off", timings[("_nofacet=1", True)],
                           timings[("_nofacet=1", False)]))
    results.append(summary("statements table, facets off, no count",
                           timings[("_nofacet=1&_nocount=1", True)],
                           timings[("_nofacet=1&_nocount=1", False)]))
    results.append(summary("search (2 words)", await time_paths(
        ds, ["/-/verify/search?q=" + w for w in ("said+government", "قال+الحكومة") * (runs // 2)])))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--statements", type=int, default=1_000_000,
                        help="size to generate when DB does not exist")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        from generate import generate

        print(json.dumps({"generated": generate(path, args.statements, seed=args.seed)}))
    open_db(path).close()  # migrations, such as the statement_overview view
    print(json.dumps(score_like(path)), flush=True)
    conn = sqlite3.connect(path)
    sizes = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
             for t in ("statements", "reports", "outlets", "matches", "claims")}
    conn.close()
    print(json.dumps(sizes))
    for row in asyncio.run(measure(path, args.runs, args.seed)):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
