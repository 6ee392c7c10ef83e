"""What ``verify score`` reads, loaded once into flat arrays.

Every later step (links, corroboration, reliability) works on the same in-memory picture of
reports, outlets and statements, so a full recompute reads each table once and the per-row
work happens in numpy rather than in SQL round trips.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database


@dataclass
class Outlets:
    """Outlets by id; names credited in ``reports.cites`` but missing here get negative ids."""

    name: dict[int, str]
    owner: dict[int, str]
    prior: dict[int, float]
    prior_origin: dict[int, str]
    by_name: dict[str, int]

    def resolve(self, name: str) -> int:
        """The id of a credited name, inventing one for a name no row carries."""
        found = self.by_name.get(name)
        if found is None:
            found = -(sum(1 for k in self.name if k < 0) + 1)
            self.by_name[name] = found
            self.name[found] = name
        return found


@dataclass
class Reports:
    """Reports in id order; ``article`` is the first version of each report's article."""

    id: np.ndarray
    outlet: np.ndarray
    article: np.ndarray
    published: list[str | None]
    content_hash: list[str]
    cites: list[list[int]]

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of report ids (reports are kept sorted by id)."""
        return np.searchsorted(self.id, ids)

    def article_of(self, report_id: int) -> int:
        return int(self.article[np.searchsorted(self.id, report_id)])


@dataclass
class Statements:
    """Statements in id order: report, claim (``-1`` when none) and speaker (``-1``)."""

    id: np.ndarray
    report: np.ndarray
    claim: np.ndarray
    speaker: np.ndarray


@dataclass
class Tables:
    outlets: Outlets
    reports: Reports
    statements: Statements


def _articles(ids: np.ndarray, previous: list[int | None], urls: list[str | None]) -> np.ndarray:
    """Map each report to the earliest report of its article: versions share a URL or a
    ``previous_id`` chain, and a report's own versions must never corroborate it."""
    parent = {int(i): int(i) for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by_url: dict[str, int] = {}
    for rid, prev, url in zip(ids.tolist(), previous, urls):
        if prev is not None and prev in parent:
            union(rid, prev)
        if url:
            if url in first_by_url:
                union(rid, first_by_url[url])
            else:
                first_by_url[url] = rid
    return np.array([find(int(i)) for i in ids], dtype=np.int64)


def load_outlets(db: Database) -> Outlets:
    name, owner, prior, origin, by_name = {}, {}, {}, {}, {}
    for oid, oname, oowner, oprior, oorigin in db.execute(
            "SELECT id, name, owner, prior, prior_origin FROM outlets"):
        name[oid] = oname
        by_name[oname] = oid
        if oowner:
            owner[oid] = oowner
        if oprior is not None:
            prior[oid] = float(oprior)
            origin[oid] = oorigin or ""
    return Outlets(name, owner, prior, origin, by_name)


def load_reports(db: Database, outlets: Outlets) -> Reports:
    rows = db.execute(
        "SELECT id, outlet_id, previous_id, url, published_at, fetched_at, content_hash, cites "
        "FROM reports ORDER BY id").fetchall()
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    outlet = np.array([r[1] if r[1] is not None else 0 for r in rows], dtype=np.int64)
    cites = []
    for r in rows:
        names = json.loads(r[7] or "[]") if r[7] and r[7] != "[]" else []
        cites.append([outlets.resolve(n) for n in names if isinstance(n, str)])
    return Reports(
        id=ids,
        outlet=outlet,
        article=_articles(ids, [r[2] for r in rows], [r[3] for r in rows]),
        published=[r[4] or r[5] for r in rows],
        content_hash=[r[6] for r in rows],
        cites=cites,
    )


def load_statements(db: Database) -> Statements:
    cur = db.execute("SELECT id, report_id, coalesce(claim_id, -1), coalesce(speaker_id, -1) "
                     "FROM statements ORDER BY id")
    chunks = []
    while True:
        batch = cur.fetchmany(200_000)
        if not batch:
            break
        chunks.append(np.array(batch, dtype=np.int64))
    arr = np.concatenate(chunks) if chunks else np.zeros((0, 4), dtype=np.int64)
    return Statements(id=arr[:, 0].copy(), report=arr[:, 1].copy(), claim=arr[:, 2].copy(),
                      speaker=arr[:, 3].copy())


def load_tables(db: Database) -> Tables:
    """Read outlets, reports and statements for one scoring run."""
    outlets = load_outlets(db)
    return Tables(outlets, load_reports(db, outlets), load_statements(db))


@dataclass
class ClaimNodes:
    """One node per (claim, article): the unit independence is counted in.

    A statement outside any claim is its own claim (key ``-statement_id``), so every statement
    has a node. ``report`` is the earliest report of the article inside the claim.
    """

    claim: np.ndarray
    article: np.ndarray
    report: np.ndarray
    outlet: np.ndarray
    of_statement: np.ndarray
    claim_start: np.ndarray

    @property
    def size(self) -> int:
        return len(self.claim)

    def claim_of_node(self) -> np.ndarray:
        """Dense claim index per node (nodes are sorted by claim)."""
        return np.repeat(np.arange(len(self.claim_start) - 1), np.diff(self.claim_start))


def claim_nodes(tables: Tables) -> ClaimNodes:
    """Group statements into (claim, article) nodes, sorted by claim then article."""
    st, rep = tables.statements, tables.reports
    ck = np.where(st.claim >= 0, st.claim, -st.id)
    rows = rep.rows(st.report)
    article = rep.article[rows]
    claims, c_idx = np.unique(ck, return_inverse=True)
    articles, a_idx = np.unique(article, return_inverse=True)
    key = c_idx.astype(np.int64) * max(len(articles), 1) + a_idx
    keys, inverse = np.unique(key, return_inverse=True)
    report = np.full(len(keys), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(report, inverse, st.report)
    node_claim_idx = keys // max(len(articles), 1)
    claim_start = np.searchsorted(node_claim_idx, np.arange(len(claims) + 1))
    return ClaimNodes(
        claim=claims[node_claim_idx],
        article=articles[keys % max(len(articles), 1)],
        report=report,
        outlet=rep.outlet[rep.rows(report)],
        of_statement=inverse.astype(np.int64),
        claim_start=claim_start,
    )
