"""What is in a database and how long the commands took, for ``verify stats``."""

from __future__ import annotations

import json

from sqlite_utils import Database

TABLES = ("outlets", "reports", "statements", "speakers", "entities", "mentions", "matches",
          "claims", "report_links", "corroboration", "verdicts", "verdict_links", "reviews",
          "flags", "runs")


def database_stats(db: Database) -> dict:
    """Row counts per table, statement kinds and relations, and the last run of each command."""
    counts = {table: db[table].count for table in TABLES}
    kinds = dict(db.execute("SELECT kind, count(*) FROM statements GROUP BY kind").fetchall())
    relations = dict(db.execute(
        "SELECT relation, count(*) FROM matches GROUP BY relation").fetchall())
    languages = dict(db.execute(
        "SELECT coalesce(language, '?'), count(*) FROM reports GROUP BY 1").fetchall())
    runs = {}
    for command, counts_json, status, started, finished, seconds in db.execute(
        """SELECT command, counts, status, started_at, finished_at,
                  round((julianday(finished_at) - julianday(started_at)) * 86400, 3)
           FROM runs WHERE id IN (SELECT max(id) FROM runs GROUP BY command)"""
    ):
        runs[command] = {"status": status, "started_at": started, "seconds": seconds,
                         "counts": json.loads(counts_json or "{}")}
    return {"tables": counts, "statement_kinds": kinds, "relations": relations,
            "report_languages": languages, "last_runs": runs}


def format_stats(stats: dict) -> str:
    """The human-readable form of ``database_stats``."""
    lines = ["tables:"]
    lines += [f"  {name:<14} {count:>10,}" for name, count in stats["tables"].items()]
    for title, key in (("statement kinds", "statement_kinds"), ("match relations", "relations"),
                       ("report languages", "report_languages")):
        if stats[key]:
            lines.append(f"{title}: " + ", ".join(f"{k} {v:,}" for k, v in stats[key].items()))
    if stats["last_runs"]:
        lines.append("last runs:")
        for command, run in stats["last_runs"].items():
            lines.append(f"  {command:<10} {run['status'] or '?':<7} {run['seconds'] or 0:>9.3f}s  "
                         + json.dumps(run["counts"], ensure_ascii=False))
    return "\n".join(lines)
