"""Which reports depend on which: ``report_links`` and the dependence graph behind the counts.

Two reports are dependent when one copies the other, when one credits the other's outlet or
both credit the same wire or outlet (only within a claim: NRT credited once must not tie two
outlets together on every story), or when their outlets share an owner; reports of one outlet
are dependent too. A human review of the pair (target ``dependence``, keyed by the reports'
content hashes) wins over all of that, in both directions.

Within a claim, everything that hangs on one credited outlet or one owner is dependent as a
group, so the graph gets a star per group rather than every pair: the components are the same
and the work stays linear even when a thousand reports credit AFP.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlite_utils import Database

from ..normalize import normalize_text
from .copies import SHINGLE, find_copies
from .tables import ClaimNodes, Tables

# Beyond this many members, a group's cites rows are stored as a star around its first report
# (the count of pairs would grow with the square of the group; the components do not change).
MAX_PAIRS_GROUP = 100
# Beyond this many report pairs, an owner's same_owner rows are kept to pairs sharing a claim.
MAX_OWNER_PAIRS = 10_000


@dataclass
class Links:
    """Dependence edges between claim nodes, and what was written to ``report_links``."""

    u: np.ndarray
    v: np.ndarray
    copies: list[tuple[int, int, float]]
    counts: dict[str, int] = field(default_factory=dict)


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def dependence_reviews(db: Database, tables: Tables) -> tuple[dict, set, set]:
    """The latest human decision per pair of reports, as article pairs (dependent, independent).

    Returns ``(review ids by report pair, dependent article pairs, independent article pairs)``.
    """
    rep = tables.reports
    by_hash = {h: i for i, h in enumerate(rep.content_hash)}
    latest: dict[tuple[int, int], tuple[str, int]] = {}
    for rid, a_key, b_key, decision in db.execute(
            "SELECT id, a_key, b_key, decision FROM reviews WHERE target = 'dependence' "
            "AND decision IN ('dependent', 'independent') ORDER BY created_at, id"):
        if a_key in by_hash and b_key in by_hash and a_key != b_key:
            ra, rb = by_hash[a_key], by_hash[b_key]
            latest[_pair(int(rep.id[ra]), int(rep.id[rb]))] = (decision, rid)
    dependent, independent = set(), set()
    for (a, b), (decision, _) in latest.items():
        art = _pair(rep.article_of(a), rep.article_of(b))
        (dependent if decision == "dependent" else independent).add(art)
    return latest, dependent, independent


def _normalised_texts(db: Database):
    """Each report's normalised text: the full-text index already holds it; normalise otherwise."""
    for rid, indexed, text in db.execute(
            "SELECT r.id, f.text, CASE WHEN f.text IS NULL THEN r.text END "
            "FROM reports r LEFT JOIN reports_fts f ON f.rowid = r.id ORDER BY r.id"):
        yield rid, indexed if indexed is not None else normalize_text(text or "")


def _owner_pairs(tables: Tables, nodes: ClaimNodes, independent: set
                 ) -> list[tuple[int, int, str]]:
    """Pairs of reports from different outlets with one owner: every pair for an owner with at
    most ``MAX_OWNER_PAIRS`` of them, else only pairs that share a claim (where the link
    changes a count), so a large media group does not cost millions of rows."""
    rep, owners = tables.reports, tables.outlets.owner
    groups: dict[str, list[int]] = defaultdict(list)
    for i, oid in enumerate(rep.outlet.tolist()):
        if oid in owners:
            groups[owners[oid]].append(i)
    pairs: set[tuple[int, int, str]] = set()
    large = set()
    for owner, rows in groups.items():
        rows_a = np.array(rows)
        per_outlet = np.unique(rep.outlet[rows_a], return_counts=True)[1]
        n_pairs = (len(rows) ** 2 - int((per_outlet ** 2).sum())) // 2
        if n_pairs > MAX_OWNER_PAIRS:
            large.add(owner)
            continue
        i, j = np.triu_indices(len(rows_a), 1)
        keep = rep.outlet[rows_a[i]] != rep.outlet[rows_a[j]]
        pairs.update((int(rep.id[a]), int(rep.id[b]), owner)
                     for a, b in zip(rows_a[i][keep].tolist(), rows_a[j][keep].tolist()))
    if large:
        by_claim: dict[tuple[int, str], list[int]] = defaultdict(list)
        claim_of_node = nodes.claim_of_node()
        for n, outlet in enumerate(nodes.outlet.tolist()):
            if owners.get(outlet) in large:
                by_claim[(int(claim_of_node[n]), owners[outlet])].append(n)
        for (_, owner), members in by_claim.items():
            for x, m in enumerate(members):
                for n in members[x + 1:]:
                    if nodes.outlet[m] != nodes.outlet[n]:
                        a, b = _pair(int(nodes.report[m]), int(nodes.report[n]))
                        pairs.add((a, b, owner))
    if independent:
        pairs = {(a, b, owner) for a, b, owner in pairs
                 if _pair(rep.article_of(a), rep.article_of(b)) not in independent}
    return sorted(pairs)


def _groups(tables: Tables, nodes: ClaimNodes) -> dict[tuple, list[tuple[int, str]]]:
    """Claim-local groups of mutually dependent nodes: per outlet (its reports and the reports
    crediting it) and per owner. Members are ``(node, role)``."""
    rep, owners = tables.reports, tables.outlets.owner
    sizes = np.diff(nodes.claim_start)
    groups: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    node_rows = rep.rows(nodes.report)
    for c in np.flatnonzero(sizes > 1).tolist():
        for n in range(int(nodes.claim_start[c]), int(nodes.claim_start[c + 1])):
            row = int(node_rows[n])
            outlet = int(nodes.outlet[n])
            groups[(c, "outlet", outlet)].append((n, "publisher"))
            for cited in rep.cites[row]:
                groups[(c, "outlet", cited)].append((n, "credits"))
            if outlet in owners:
                groups[(c, "owner", owners[outlet])].append((n, "owner"))
    return groups


def find_links(db: Database, tables: Tables, nodes: ClaimNodes) -> Links:
    """Rewrite ``report_links`` and return the node-level dependence edges for the counts."""
    rep, outlets = tables.reports, tables.outlets
    reviewed, dependent, independent = dependence_reviews(db, tables)
    copies = []
    for a, b, jac in find_copies(_normalised_texts(db)):
        arts = _pair(rep.article_of(a), rep.article_of(b))
        if arts[0] != arts[1] and arts not in independent:
            copies.append((a, b, jac))

    rows: list[tuple] = []
    for a, b, jac in copies:
        rows.append((a, b, "copy", None, json.dumps({"jaccard": jac, "shingle_words": SHINGLE})))
    for a, b, owner in _owner_pairs(tables, nodes, independent):
        rows.append((a, b, "same_owner", None, json.dumps({"owner": owner}, ensure_ascii=False)))
    for (a, b), (decision, review_id) in reviewed.items():
        if decision == "dependent":
            rows.append((a, b, "dependent", None, json.dumps({"review": review_id})))

    u: list[int] = []
    v: list[int] = []
    node_article = nodes.article
    cites_rows: dict[tuple[int, int, int], list[str]] = defaultdict(list)
    for (c, kind, key), members in _groups(tables, nodes).items():
        if len(members) < 2:
            continue
        ids = [m[0] for m in members]
        arts = {int(node_article[n]) for n in ids}
        if any(a in arts and b in arts for a, b in independent):
            # a reviewed-independent pair inside the group: only the other pairs tie it
            for i, x in enumerate(ids):
                for y in ids[i + 1:]:
                    if _pair(int(node_article[x]), int(node_article[y])) not in independent:
                        u.append(x)
                        v.append(y)
        else:
            u.extend([ids[0]] * (len(ids) - 1))
            v.extend(ids[1:])
        if kind != "outlet":
            continue
        credits = [n for n, role in members if role == "credits"]
        publishers = [n for n, role in members if role == "publisher"]
        if not credits or len(credits) + len(publishers) < 2:
            continue
        name = outlets.name.get(key, str(key))
        n_pairs = len(publishers) * len(credits) + len(credits) * (len(credits) - 1) // 2
        if n_pairs > MAX_PAIRS_GROUP:
            hub = min(publishers or credits, key=lambda n: int(nodes.report[n]))
            pairs = [(hub, q, f"credits {name} (with {len(credits)} others in the claim)")
                     for q in publishers + credits if q != hub]
        else:
            pairs = [(p, q, f"report {int(nodes.report[q])} credits {name}")
                     for p in publishers for q in credits]
            pairs += [(p, q, f"both credit {name}") for i, p in enumerate(credits)
                      for q in credits[i + 1:]]
        claim_id = int(nodes.claim[nodes.claim_start[c]])
        for p, q, why in pairs:
            if _pair(int(node_article[p]), int(node_article[q])) in independent \
                    or node_article[p] == node_article[q]:
                continue
            a, b = _pair(int(nodes.report[p]), int(nodes.report[q]))
            cites_rows[(a, b, claim_id)].append(why)
    for (a, b, claim_id), why in sorted(cites_rows.items()):
        rows.append((a, b, "cites", claim_id if claim_id > 0 else None,
                     json.dumps({"why": why}, ensure_ascii=False)))

    # copies and reviewed dependence hold inside every claim both reports share
    by_article: dict[int, list[int]] = defaultdict(list)
    sizes = np.diff(nodes.claim_start)
    multi = np.repeat(sizes > 1, sizes)
    for n in np.flatnonzero(multi).tolist():
        by_article[int(node_article[n])].append(n)
    claim_idx = nodes.claim_of_node()
    article_pairs = {_pair(rep.article_of(a), rep.article_of(b)) for a, b, _ in copies}
    for x, y in article_pairs | dependent:
        at_y = {int(claim_idx[n]): n for n in by_article.get(y, [])}
        for n in by_article.get(x, []):
            m = at_y.get(int(claim_idx[n]))
            if m is not None:
                u.append(n)
                v.append(m)

    db.execute("DELETE FROM report_links")
    db.conn.executemany(
        "INSERT INTO report_links (a_report_id, b_report_id, relation, claim_id, evidence) "
        "VALUES (?, ?, ?, ?, ?)", rows)
    counts = defaultdict(int)
    for r in rows:
        counts[r[2]] += 1
    return Links(np.array(u, dtype=np.int64), np.array(v, dtype=np.int64), copies, dict(counts))
