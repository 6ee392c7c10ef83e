"""Corroboration per statement, as DESIGN.md defines it, computed claim by claim in numpy.

Everything but the contradiction counts and the chain is a property of the claim: its other
reports are its articles minus the statement's own (a report's other versions belong to the
same article, so they never count), its other outlets are its outlets minus the statement's
(which is always among them), and its independent corroboration is the number of dependence
components minus the statement's own. So each claim is counted once, whatever its size.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from .links import Links
from .tables import ClaimNodes, Tables

RELATIONS = ("contradicts", "misattributed")


def components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Label each of ``n`` nodes with the smallest node of its connected component.

    Hook-and-compress label propagation: a handful of vectorised rounds instead of a Python
    union-find over millions of edges.
    """
    label = np.arange(n, dtype=np.int64)
    if len(u) == 0:
        return label
    while True:
        lu, lv = label[u], label[v]
        if np.array_equal(lu, lv):
            return label
        low = np.minimum(lu, lv)
        np.minimum.at(label, lu, low)
        np.minimum.at(label, lv, low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped


@dataclass
class Corroboration:
    """Per-statement counts (arrays aligned with ``tables.statements``) and the claim facts."""

    reports: np.ndarray
    outlets: np.ndarray
    independent: np.ndarray
    contradictions: np.ndarray
    misattributions: np.ndarray
    first_report: np.ndarray
    component: np.ndarray
    claim_index: np.ndarray
    opposed: dict[str, np.ndarray]

    def support(self, nodes: ClaimNodes, reliability: dict[int, float]) -> np.ndarray:
        """Independent corroboration weighted by each component's best outlet reliability."""
        rel = np.array([reliability.get(int(o), 0.5) for o in nodes.outlet.tolist()])
        best = np.zeros(nodes.size)
        np.maximum.at(best, self.component, rel)
        roots = self.component == np.arange(nodes.size)
        total = np.bincount(nodes.claim_of_node(), weights=np.where(roots, best, 0.0),
                            minlength=len(nodes.claim_start) - 1)
        node = nodes.of_statement
        return np.round(total[self.claim_index] - best[self.component[node]], 6)


def load_opposing(db: Database, tables: Tables) -> dict[str, np.ndarray]:
    """``contradicts`` and ``misattributed`` matches as statement-index pairs, minus the ones a
    reviewer rejected (the latest match review of a pair decides)."""
    decisions: dict[tuple[str, str], str] = {}
    for a, b, decision in db.execute(
            "SELECT a_key, b_key, decision FROM reviews WHERE target = 'match' "
            "AND decision IN ('accept', 'reject') ORDER BY created_at, id"):
        decisions[tuple(sorted((a, b or "")))] = decision
    rejected = {k for k, d in decisions.items() if d == "reject"}
    st = tables.statements
    out = {}
    for relation in RELATIONS:
        if rejected:
            rows = [(a, b) for a, b, ua, ub in db.execute(
                "SELECT m.a_id, m.b_id, sa.uid, sb.uid FROM matches m "
                "JOIN statements sa ON sa.id = m.a_id JOIN statements sb ON sb.id = m.b_id "
                "WHERE m.relation = ?", [relation]) if tuple(sorted((ua, ub))) not in rejected]
        else:
            rows = db.execute("SELECT a_id, b_id FROM matches WHERE relation = ?",
                              [relation]).fetchall()
        pairs = np.array(rows, dtype=np.int64).reshape(-1, 2)
        out[relation] = np.searchsorted(st.id, pairs)
    return out


def _opposing_counts(pairs: np.ndarray, stmt_claim: np.ndarray, stmt_article: np.ndarray,
                     n_claims: int) -> np.ndarray:
    """Per statement: distinct reports (articles) with such a match to any member of its claim,
    its own report left out."""
    if len(pairs) == 0:
        return np.zeros(len(stmt_claim), dtype=np.int64)
    big = int(stmt_article.max()) + 1
    a, b = pairs[:, 0], pairs[:, 1]
    keys = np.unique(np.r_[stmt_claim[a] * big + stmt_article[b],
                           stmt_claim[b] * big + stmt_article[a]])
    per_claim = np.bincount(keys // big, minlength=n_claims)
    own = np.isin(stmt_claim * big + stmt_article, keys)
    return per_claim[stmt_claim] - own


def corroborate(db: Database, tables: Tables, nodes: ClaimNodes, links: Links) -> Corroboration:
    """Count reports, outlets, independent components and opposing reports per statement."""
    rep = tables.reports
    n_claims = len(nodes.claim_start) - 1
    claim_of_node = nodes.claim_of_node()
    label = components(nodes.size, links.u, links.v)

    sizes = np.diff(nodes.claim_start)
    roots = np.bincount(claim_of_node, weights=(label == np.arange(nodes.size)),
                        minlength=n_claims).astype(np.int64)
    span = int(nodes.outlet.max(initial=0)) + 1
    outlet_keys = np.unique(claim_of_node * span + nodes.outlet)
    distinct_outlets = np.bincount(outlet_keys // span, minlength=n_claims)

    # earliest report of each claim: published time, then id
    order = sorted(range(len(rep.id)), key=lambda i: (rep.published[i] is None,
                                                      rep.published[i] or "", int(rep.id[i])))
    rank = np.empty(len(rep.id), dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(rep.id))
    st = tables.statements
    node_rank = np.full(nodes.size, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(node_rank, nodes.of_statement, rank[rep.rows(st.report)])
    first_rank = np.minimum.reduceat(node_rank, nodes.claim_start[:-1]) if nodes.size \
        else np.zeros(0, dtype=np.int64)
    first_report = rep.id[np.array(order, dtype=np.int64)[first_rank]] if nodes.size \
        else np.zeros(0, dtype=np.int64)

    claim_index = claim_of_node[nodes.of_statement]
    stmt_article = nodes.article[nodes.of_statement]
    opposing = load_opposing(db, tables)
    counts = {r: _opposing_counts(opposing[r], claim_index, stmt_article, n_claims)
              for r in RELATIONS}
    return Corroboration(
        reports=sizes[claim_index] - 1,
        outlets=distinct_outlets[claim_index] - 1,
        independent=roots[claim_index] - 1,
        contradictions=counts["contradicts"],
        misattributions=counts["misattributed"],
        first_report=first_report,
        component=label,
        claim_index=claim_index,
        opposed=opposing,
    )


def chains(db: Database, tables: Tables, nodes: ClaimNodes, corr: Corroboration) -> list[str]:
    """The citation chain of every statement, as JSON: its report, then each credited outlet
    (followed through that outlet's report in the same claim, where there is one), and last
    the statement's speaker."""
    rep, outlets, st = tables.reports, tables.outlets, tables.statements
    speakers = dict(db.execute("SELECT id, name FROM speakers").fetchall())
    claim_of_node = nodes.claim_of_node()
    node_rows = rep.rows(nodes.report)
    earliest: dict[tuple[int, int], int] = {}
    multi = np.repeat(np.diff(nodes.claim_start) > 1, np.diff(nodes.claim_start))
    for n in np.flatnonzero(multi).tolist():
        key = (int(claim_of_node[n]), int(nodes.outlet[n]))
        row = int(node_rows[n])
        if key not in earliest or (rep.published[row] or "~", rep.id[row]) < (
                rep.published[earliest[key]] or "~", rep.id[earliest[key]]):
            earliest[key] = row

    steps_of: dict[int, dict] = {}

    def report_step(row: int) -> dict:
        if row not in steps_of:
            oid = int(rep.outlet[row])
            steps_of[row] = {"type": "report", "report_id": int(rep.id[row]), "outlet_id": oid,
                             "outlet": outlets.name.get(oid), "published_at": rep.published[row]}
        return steps_of[row]

    cache: dict[tuple, str] = {}
    out = []
    stmt_rows = rep.rows(st.report)
    for i in range(len(st.id)):
        row, speaker = int(stmt_rows[i]), int(st.speaker[i])
        claim = int(corr.claim_index[i]) if rep.cites[row] else -1
        key = (row, speaker, claim)
        chain = cache.get(key)
        if chain is None:
            steps = [report_step(row)]
            seen = {int(rep.outlet[row])}
            current = row
            while True:
                credited = [o for o in rep.cites[current] if o not in seen]
                if not credited:
                    break
                followed = next((o for o in credited if (claim, o) in earliest), credited[0])
                seen.add(followed)
                nxt = earliest.get((claim, followed))
                steps.append({"type": "outlet", "outlet_id": followed if followed > 0 else None,
                              "outlet": outlets.name.get(followed),
                              "report_id": int(rep.id[nxt]) if nxt is not None else None})
                if nxt is None:
                    break
                current = nxt
            if speaker >= 0:
                steps.append({"type": "speaker", "speaker_id": speaker,
                              "speaker": speakers.get(speaker)})
            chain = cache[key] = json.dumps(steps, ensure_ascii=False)
        out.append(chain)
    return out


def write(db: Database, tables: Tables, nodes: ClaimNodes, corr: Corroboration,
          support: np.ndarray, chain: list[str]) -> None:
    """Replace ``corroboration`` and the claims' first report and time."""
    rep, st = tables.reports, tables.statements
    first = corr.first_report[corr.claim_index]
    first_rows = rep.rows(first)
    first_seen = [rep.published[r] for r in first_rows.tolist()]
    db.execute("DELETE FROM corroboration")
    db.conn.executemany(
        "INSERT INTO corroboration (statement_id, reports, outlets, independent, contradictions, "
        "misattributions, support, first_seen, first_report_id, chain) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        zip(st.id.tolist(), corr.reports.tolist(), corr.outlets.tolist(),
            corr.independent.tolist(), corr.contradictions.tolist(),
            corr.misattributions.tolist(), support.tolist(), first_seen, first.tolist(), chain))
    claim_keys = nodes.claim[nodes.claim_start[:-1]]
    real = claim_keys > 0
    stored = {c: (seen, first) for c, seen, first in db.execute(
        "SELECT id, first_seen, first_report_id FROM claims")}
    db.conn.executemany(
        "UPDATE claims SET first_seen = ?, first_report_id = ? WHERE id = ?",
        [(rep.published[r], int(rep.id[r]), c) for c, r in
         zip(claim_keys[real].tolist(), rep.rows(corr.first_report[real]).tolist())
         if stored.get(c) != (rep.published[r], int(rep.id[r]))])
