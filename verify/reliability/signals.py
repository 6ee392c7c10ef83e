"""Reliability signals: the evidence behind every outlet and speaker score, and how it adds up.

A signal turns part of the database into pseudo-counts for one target (an outlet or a speaker):
``successes`` out of ``trials``. Scores are the Beta-style mean of all counts, so a prior worth
two observations decides when nothing else is known and fades as evidence grows, and the 95%
interval (Wilson, on the same counts) is wide until there is evidence. Signals are applied in
order (``order``, then registration), and each evidence item records how far it moved the
score from where the ones before it left it: the effects of a target's components add up to
its score minus the neutral 0.5, which is what makes a score explainable.

Signals come through the ``register_signals`` hook; verify's own prior, verdict, agreement
and attribution signals are registered by this module, the same way a plugin would.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlite_utils import Database

from ..hookspecs import hookimpl
from .truth import wilson

if TYPE_CHECKING:
    from ..score.corroboration import Corroboration
    from ..score.links import Links
    from ..score.tables import ClaimNodes, Tables

NEUTRAL = 0.5


@dataclass(frozen=True)
class Evidence:
    """``successes`` out of ``trials`` for one target, with the reason and the statements."""

    target: int
    successes: float
    trials: float
    detail: str
    uids: tuple[str, ...] = ()


class Signal(Protocol):
    """What ``register_signals`` accepts."""

    name: str
    target: str  # "outlet" or "speaker"
    order: int  # priors 0, evidence after

    def evidence(self, context: ScoringContext) -> Iterable[Evidence]: ...


@dataclass
class ScoringContext:
    """Everything a signal may read during one ``verify score`` run.

    ``outlet_reliability`` is filled once outlets are scored, before any speaker signal runs,
    so speaker signals can weigh reports by how reliable their outlets proved.
    """

    db: Database
    tables: Tables
    nodes: ClaimNodes
    links: Links
    corroboration: Corroboration
    outlet_reliability: dict[int, float] = field(default_factory=dict)

    def uids(self, statement_rows: Iterable[int]) -> dict[int, str]:
        """Statement uids by statement row (row = position in ``tables.statements``)."""
        rows = sorted(set(int(r) for r in statement_rows))
        ids = [int(self.tables.statements.id[r]) for r in rows]
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found.update(self.db.execute(
                f"SELECT id, uid FROM statements WHERE id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return {r: found[i] for r, i in zip(rows, ids) if i in found}


@dataclass(frozen=True)
class Score:
    score: float
    low: float
    high: float
    components: tuple[dict[str, Any], ...]


def combine(targets: Iterable[int], signals: Sequence[Signal], context: ScoringContext
            ) -> dict[int, Score]:
    """Apply ``signals`` in order to every target and return its score and components."""
    successes: dict[int, float] = defaultdict(float)
    trials: dict[int, float] = defaultdict(float)
    components: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for signal in sorted(signals, key=lambda s: getattr(s, "order", 100)):
        for ev in signal.evidence(context):
            if ev.trials <= 0:
                continue
            t = ev.target
            before = successes[t] / trials[t] if trials[t] else NEUTRAL
            successes[t] += ev.successes
            trials[t] += ev.trials
            components[t].append({
                "signal": signal.name,
                "effect": round(successes[t] / trials[t] - before, 4),
                "detail": ev.detail,
                "uids": list(ev.uids),
            })
    out = {}
    for t in targets:
        n = trials.get(t, 0.0)
        score = successes[t] / n if n else NEUTRAL
        low, high = wilson(successes[t], n)
        out[t] = Score(round(score, 4), round(low, 4), round(high, 4), tuple(components.get(t, ())))
    return out


def write_scores(db: Database, table: str, scores: dict[int, Score]) -> None:
    """Store scores in ``table``'s reliability columns."""
    db.conn.executemany(
        f"UPDATE {table} SET reliability = ?, reliability_low = ?, reliability_high = ?, "
        "reliability_components = ? WHERE id = ?",
        [(s.score, s.low, s.high, json.dumps(list(s.components), ensure_ascii=False), t)
         for t, s in scores.items()])


def registered_signals(target: str) -> list[Signal]:
    """The signals plugins (and verify itself) registered for ``target``."""
    from ..plugins import collect

    return [s for s in collect("register_signals") if getattr(s, "target", None) == target]


@hookimpl
def register_signals(register):
    """verify's own signals: priors, agreement and attribution for outlets; priors, verdicts and
    contradictions for speakers."""
    from .outlets import AgreementSignal, AttributionSignal, OutletPriorSignal
    from .speakers import ContradictionSignal, SpeakerPriorSignal, VerdictSignal

    for signal in (OutletPriorSignal(), AgreementSignal(), AttributionSignal(),
                   SpeakerPriorSignal(), VerdictSignal(), ContradictionSignal()):
        register(signal)
