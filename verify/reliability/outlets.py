"""How far each outlet can be trusted as a reporter, judged only where reports disagree.

Repeating a quote shows that the speaker said it, not that it is true, so agreement alone
earns an outlet nothing. Where claims are joined by ``contradicts`` matches, the joined claims
are one subject and each claim a competing value; every outlet that carried one of them voted
for it. Copy-aware truth discovery (``verify.reliability.discover``) decides how likely each
value is, discounting outlets that copy each other, and an outlet earns the probability of
the value it carried. A quote credited to different speakers (``misattributed`` matches) is a
subject of the same kind, with the speakers as values: outlets whose attribution loses are the
ones that misattributed it. With no such evidence an outlet keeps its prior.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from .signals import NEUTRAL, Evidence, ScoringContext, combine, registered_signals, write_scores
from .truth import discover

PRIOR_STRENGTH = 2.0
MAX_UIDS = 100


class OutletPriorSignal:
    """The outlet's imported prior (``verify priors``), worth two observations; neutral without."""

    name = "prior"
    target = "outlet"
    order = 0

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]:
        outlets = context.tables.outlets
        for oid in outlets.name:
            if oid <= 0:
                continue
            if oid in outlets.prior:
                p = outlets.prior[oid]
                origin = outlets.prior_origin.get(oid) or "imported"
                detail = f"prior {p:.2f} from {origin}"
            else:
                p, detail = NEUTRAL, "no prior: neutral 0.5"
            yield Evidence(oid, p * PRIOR_STRENGTH, PRIOR_STRENGTH, detail)


def _claim_subjects(pairs: np.ndarray, claim_index: np.ndarray, n_claims: int) -> dict[int, int]:
    """Claim index -> subject (smallest claim index of its group) for claims joined by ``pairs``."""
    from ..score.corroboration import components

    ca, cb = claim_index[pairs[:, 0]], claim_index[pairs[:, 1]]
    keep = ca != cb
    if not keep.any():
        return {}
    ca, cb = ca[keep], cb[keep]
    involved = np.unique(np.r_[ca, cb])
    local = components(len(involved), np.searchsorted(involved, ca), np.searchsorted(involved, cb))
    return dict(zip(involved.tolist(), involved[local].tolist()))


class _DisputeSignal:
    """Shared machinery: build (outlet, subject, value) votes, run discovery, credit outlets."""

    target = "outlet"
    order = 10
    relation = ""

    def votes(self, context: ScoringContext, subject_of: dict[int, int]
              ) -> dict[tuple[int, int, Any], list[int]]:
        raise NotImplementedError

    def describe(self, won: float, subjects: int) -> str:
        raise NotImplementedError

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]:
        corr = context.corroboration
        pairs = corr.opposed[self.relation]
        if len(pairs) == 0:
            return
        subject_of = _claim_subjects(pairs, corr.claim_index, len(context.nodes.claim_start) - 1)
        votes = self.votes(context, subject_of)
        if not votes:
            return
        outlets = context.tables.outlets
        priors = {o: outlets.prior.get(o, NEUTRAL) for o, _, _ in votes}
        result = discover(list(votes), priors=priors, default_accuracy=NEUTRAL,
                          prior_strength=PRIOR_STRENGTH)
        per_subject: dict[tuple[int, int], list] = defaultdict(list)
        for outlet, subject, value in votes:
            per_subject[(outlet, subject)].append(value)
        won: dict[int, float] = defaultdict(float)
        seen: dict[int, int] = defaultdict(int)
        for (outlet, subject), values in per_subject.items():
            won[outlet] += sum(result.belief[subject][v] for v in values) / len(values)
            seen[outlet] += 1
        rows: dict[int, list[int]] = defaultdict(list)
        for (outlet, _, _), stmt_rows in votes.items():
            rows[outlet].extend(stmt_rows)
        uids = context.uids(r for rs in rows.values() for r in rs[:MAX_UIDS])
        for outlet in sorted(won):
            yield Evidence(outlet, won[outlet], float(seen[outlet]),
                           self.describe(won[outlet], seen[outlet]),
                           tuple(uids[r] for r in rows[outlet][:MAX_UIDS] if r in uids))


class AgreementSignal(_DisputeSignal):
    """Claims joined by ``contradicts``: each claim a value, each outlet carrying it a vote."""

    name = "agreement"
    relation = "contradicts"

    def votes(self, context, subject_of):
        corr, st = context.corroboration, context.tables.statements
        rep = context.tables.reports
        out: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        rows = np.flatnonzero(np.isin(corr.claim_index, np.fromiter(subject_of, dtype=np.int64)))
        outlet = rep.outlet[rep.rows(st.report[rows])]
        for r, o in zip(rows.tolist(), outlet.tolist()):
            c = int(corr.claim_index[r])
            out[(o, subject_of[c], c)].append(r)
        return out

    def describe(self, won, subjects):
        return (f"disputed claims: carried {subjects}, the prevailing value in "
                f"{won:.2f} of them (copy-aware truth discovery)")


class AttributionSignal(_DisputeSignal):
    """Quotes credited to different speakers: each speaker a value, each outlet a vote."""

    name = "attribution"
    relation = "misattributed"

    def votes(self, context, subject_of):
        corr, st = context.corroboration, context.tables.statements
        rep = context.tables.reports
        named = {sid for sid, kind in context.db.execute("SELECT id, kind FROM speakers")
                 if kind not in ("anonymous", "media")}
        out: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        rows = np.flatnonzero(np.isin(corr.claim_index, np.fromiter(subject_of, dtype=np.int64)))
        outlet = rep.outlet[rep.rows(st.report[rows])]
        for r, o in zip(rows.tolist(), outlet.tolist()):
            speaker = int(st.speaker[r])
            if speaker in named:
                out[(o, subject_of[int(corr.claim_index[r])], speaker)].append(r)
        return out

    def describe(self, won, subjects):
        return (f"quotes credited to different speakers: attributed {subjects}, to the "
                f"prevailing speaker in {won:.2f} of them (copy-aware truth discovery)")


def score_outlets(context: ScoringContext) -> dict[int, float]:
    """Score every outlet with the registered outlet signals; store and return the scores."""
    targets = [o for o in context.tables.outlets.name if o > 0]
    scores = combine(targets, registered_signals("outlet"), context)
    write_scores(context.db, "outlets", scores)
    context.outlet_reliability = {t: s.score for t, s in scores.items()}
    return context.outlet_reliability
