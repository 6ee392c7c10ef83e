"""Claims: statements that say the same thing, grown around a representative.

Connected components of "same quote or paraphrase" would chain A~B~C~D into one claim even
when A and D share nothing (each link a little weaker). So a claim starts from its earliest
statement (the representative) and a statement joins only if it matches the representative or
most of the members already in. Human reviews of a match override the machine: a rejected
pair is never used, an accepted pair always ends up in one claim.
"""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

__all__ = ["build_claims", "CLAIM_RELATIONS"]

CLAIM_RELATIONS = ("same_quote", "paraphrase")


def _reviews(db: Database) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Accepted and rejected statement pairs (uids, sorted); the latest decision on a pair wins."""
    latest: dict[tuple[str, str], str] = {}
    for a, b, decision in db.execute(
            "SELECT a_key, b_key, decision FROM reviews WHERE target = 'match' AND b_key IS NOT NULL "
            "AND decision IN ('accept', 'reject') ORDER BY created_at, id"):
        latest[tuple(sorted((a, b)))] = decision
    accepted = {p for p, d in latest.items() if d == "accept"}
    rejected = {p for p, d in latest.items() if d == "reject"}
    return accepted, rejected


def build_claims(db: Database) -> dict:
    """Rewrite ``claims`` and ``statements.claim_id`` from the matches and reviews; return counts."""
    uid_of: dict[int, str] = {}
    id_of: dict[str, int] = {}
    order: list[tuple[str, int]] = []
    published: dict[int, tuple[str | None, int]] = {}
    for sid, uid, report_id, when in db.execute(
            "SELECT s.id, s.uid, s.report_id, r.published_at FROM statements s "
            "JOIN reports r ON r.id = s.report_id"):
        uid_of[sid] = uid
        id_of[uid] = sid
        published[sid] = (when, report_id)
        order.append((when or "9999", sid))
    accepted, rejected = _reviews(db)

    edges: dict[int, dict[int, float]] = defaultdict(dict)
    marks = ",".join("?" * len(CLAIM_RELATIONS))
    for a, b, score in db.execute(
            f"SELECT a_id, b_id, score FROM matches WHERE relation IN ({marks})", CLAIM_RELATIONS):
        if tuple(sorted((uid_of[a], uid_of[b]))) in rejected:
            continue
        edges[a][b] = edges[b][a] = score
    forced = [(id_of[a], id_of[b]) for a, b in accepted if a in id_of and b in id_of]
    for a, b in forced:
        edges[a][b] = edges[b][a] = 1.0

    claim_of: dict[int, int] = {}
    members: list[list[int]] = []
    for _, rep in sorted(order):
        if rep in claim_of:
            continue
        c = len(members)
        claim_of[rep] = c
        group = [rep]
        members.append(group)
        frontier = sorted(edges.get(rep, {}), key=lambda s: (-edges[rep][s], s))
        seen = set(frontier)
        while frontier:
            nxt = []
            for s in frontier:
                if s in claim_of:
                    continue
                links = sum(1 for m in group if m in edges[s])
                if rep in edges[s] or links * 2 > len(group):
                    claim_of[s] = c
                    group.append(s)
                    for t in edges[s]:
                        if t not in seen and t not in claim_of:
                            seen.add(t)
                            nxt.append(t)
            frontier = sorted(nxt)
    for a, b in forced:  # an accepted match always ends up in one claim
        ca, cb = claim_of[a], claim_of[b]
        if ca != cb:
            keep, drop = sorted((ca, cb), key=lambda c: (-len(members[c]), c))
            for s in members[drop]:
                claim_of[s] = keep
            members[keep].extend(members[drop])
            members[drop] = []

    with db.atomic():
        db.execute("UPDATE statements SET claim_id = NULL")
        db.execute("DELETE FROM claims")
        rows, updates = [], []
        for group in members:
            if not group:
                continue
            first = min(group, key=lambda s: (published[s][0] or "9999", s))
            rows.append((len(rows) + 1, group[0], len(group), published[first][0], published[first][1]))
            updates.extend((len(rows), s) for s in group)
        db.conn.executemany("INSERT INTO claims(id, statement_id, size, first_seen, first_report_id) "
                            "VALUES (?,?,?,?,?)", rows)
        db.conn.executemany("UPDATE statements SET claim_id = ? WHERE id = ?", updates)
    return {"claims": len(rows), "statements": len(updates),
            "multi": sum(1 for r in rows if r[2] > 1), "rejected_reviews": len(rejected),
            "accepted_reviews": len(accepted)}
