"""How far each speaker can be trusted: fact-check verdicts and contradicted claims.

Being quoted often says nothing about being right, so nothing here counts quotations. A
speaker gains or loses by the verdicts on their statements (``verdict_links`` and the
verdict's own best statement, rated 0 = false … 1 = true), and loses where their claim is
contradicted by independent, reliable reports: each group of mutually dependent contradicting
reports counts once, weighted by its most reliable outlet, so ten copies of one wire story
weigh what the wire weighs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from .signals import NEUTRAL, Evidence, ScoringContext, combine, registered_signals, write_scores

PRIOR_STRENGTH = 2.0
MAX_UIDS = 100


class SpeakerPriorSignal:
    """Speakers have no imported prior: neutral 0.5, worth two observations."""

    name = "prior"
    target = "speaker"
    order = 0

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]:
        for (sid,) in context.db.execute("SELECT id FROM speakers"):
            yield Evidence(sid, NEUTRAL * PRIOR_STRENGTH, PRIOR_STRENGTH, "no prior: neutral 0.5")


class VerdictSignal:
    """Each verdict on one of the speaker's statements counts once, as its rating value."""

    name = "verdicts"
    target = "speaker"
    order = 10

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]:
        found: dict[tuple[int, int], dict] = {}
        for vid, value, rating, reviewer, speaker, uid in context.db.execute(
                "SELECT v.id, v.rating_value, v.rating, v.reviewer, s.speaker_id, s.uid "
                "FROM verdicts v JOIN verdict_links l ON l.verdict_id = v.id "
                "JOIN statements s ON s.uid = l.statement_uid "
                "WHERE v.rating_value IS NOT NULL AND s.speaker_id IS NOT NULL "
                "UNION SELECT v.id, v.rating_value, v.rating, v.reviewer, s.speaker_id, s.uid "
                "FROM verdicts v JOIN statements s ON s.id = v.statement_id "
                "WHERE v.rating_value IS NOT NULL AND s.speaker_id IS NOT NULL "
                "ORDER BY 1, 6"):
            item = found.setdefault((speaker, vid), {"value": float(value), "rating": rating,
                                                     "reviewer": reviewer, "uids": []})
            item["uids"].append(uid)
        for (speaker, _), item in sorted(found.items()):
            # First-strong isolates keep an Arabic label or reviewer from reordering the
            # English sentence around it, in HTML and in exported JSON alike.
            label = f"'\u2068{item['rating']}\u2069'" if item["rating"] else "rated"
            by = f" by \u2068{item['reviewer']}\u2069" if item["reviewer"] else ""
            yield Evidence(speaker, min(max(item["value"], 0.0), 1.0), 1.0,
                           f"verdict {label} ({item['value']:.2f}){by}", tuple(item["uids"]))


class ContradictionSignal:
    """A claim of the speaker contradicted by independent, reliable reports costs them.

    Contradicting reports are grouped into dependence components (the same component within
    their claim, the same outlet or owner, or copies); each group costs the reliability of its
    best outlet, as failed trials.
    """

    name = "agreement"
    target = "speaker"
    order = 20

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]:
        corr, nodes, tables = context.corroboration, context.nodes, context.tables
        pairs = corr.opposed["contradicts"]
        if len(pairs) == 0:
            return
        against: dict[int, set[int]] = defaultdict(set)
        for a, b in pairs.tolist():
            against[int(corr.claim_index[a])].add(b)
            against[int(corr.claim_index[b])].add(a)
        st = tables.statements
        rows = np.flatnonzero(np.isin(corr.claim_index, np.fromiter(against, dtype=np.int64))
                              & (st.speaker >= 0))
        mine: dict[tuple[int, int], list[int]] = defaultdict(list)
        for r in rows.tolist():
            mine[(int(st.speaker[r]), int(corr.claim_index[r]))].append(r)
        copies = {(tables.reports.article_of(a), tables.reports.article_of(b))
                  for a, b, _ in context.links.copies}
        owners = tables.outlets.owner
        found = []
        for (speaker, claim), own_rows in sorted(mine.items()):
            own_articles = {int(nodes.article[nodes.of_statement[r]]) for r in own_rows}
            others = sorted(r for r in against[claim]
                            if int(nodes.article[nodes.of_statement[r]]) not in own_articles)
            if others:
                found.append((speaker, own_rows, others, _groups(others, context, copies, owners)))
        uids = context.uids(r for _, own, others, _ in found for r in (own + others)[:MAX_UIDS])
        for speaker, own_rows, others, groups in found:
            weights = [max(context.outlet_reliability.get(int(nodes.outlet[nodes.of_statement[r]]),
                                                          NEUTRAL) for r in g) for g in groups]
            reports = {int(nodes.article[nodes.of_statement[r]]) for r in others}
            yield Evidence(
                speaker, 0.0, float(sum(weights)),
                f"claim contradicted by {len(reports)} report(s) in {len(groups)} independent "
                f"group(s), weighted by their best outlet reliability "
                f"({', '.join(f'{w:.2f}' for w in sorted(weights, reverse=True))})",
                tuple(uids[r] for r in (own_rows + others)[:MAX_UIDS] if r in uids))


def _groups(rows: list[int], context: ScoringContext, copies: set, owners: dict) -> list[list[int]]:
    """Split contradicting statements into groups of mutually dependent reports."""
    nodes = context.nodes
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = []
    for r in rows:
        n = int(nodes.of_statement[r])
        outlet = int(nodes.outlet[n])
        keys.append({("component", int(context.corroboration.component[n])),
                     ("outlet", outlet), ("owner", owners.get(outlet)),
                     ("article", int(nodes.article[n]))})
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            ai = int(nodes.article[nodes.of_statement[rows[i]]])
            aj = int(nodes.article[nodes.of_statement[rows[j]]])
            shared = (keys[i] & keys[j]) - {("owner", None)}
            if shared or (ai, aj) in copies or (aj, ai) in copies:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[find(i)].append(r)
    return list(groups.values())


def score_speakers(context: ScoringContext) -> dict[int, float]:
    """Score every speaker with the registered speaker signals; store and return the scores."""
    targets = [sid for (sid,) in context.db.execute("SELECT id FROM speakers")]
    scores = combine(targets, registered_signals("speaker"), context)
    write_scores(context.db, "speakers", scores)
    return {t: s.score for t, s in scores.items()}
