"""``verify score``: claims, report links, corroboration and reliability, recomputed from scratch.

A pure function of the matches, reviews, verdicts and priors: every derived table is rewritten
in one transaction, so a failed run leaves the last good scores in place and two runs on the
same inputs give the same database.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlite_utils import Database

from ..reliability.outlets import score_outlets
from ..reliability.signals import ScoringContext
from ..reliability.speakers import score_speakers
from .corroboration import chains, corroborate, write
from .links import find_links
from .tables import claim_nodes, load_tables

Progress = Callable[[str], None]


def _build_claims(db: Database) -> bool:
    """Group statements into claims with the matcher's rules, when the matcher provides them."""
    try:
        from ..match import build_claims
    except ImportError:
        return False
    # report_links.claim_id cascades from claims and has no index: emptied first (it is rebuilt
    # anyway), rewriting the claims does not scan it once per deleted claim
    with db.atomic():
        db.execute("DELETE FROM report_links")
    build_claims(db)
    return True


def score_from_claims(db: Database, *, progress: Progress | None = None) -> dict:
    """Everything after claims: links, corroboration, reliability, from ``statements.claim_id``."""
    say = progress or (lambda step: None)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = round(now - clock, 3)
        clock = now

    with db.atomic():
        say("loading")
        tables = load_tables(db)
        nodes = claim_nodes(tables)
        lap("load")
        say("report links")
        links = find_links(db, tables, nodes)
        lap("links")
        say("corroboration")
        corr = corroborate(db, tables, nodes, links)
        lap("corroboration")
        say("reliability")
        context = ScoringContext(db, tables, nodes, links, corr)
        outlet_scores = score_outlets(context)
        speaker_scores = score_speakers(context)
        lap("reliability")
        say("writing")
        support = corr.support(nodes, outlet_scores)
        write(db, tables, nodes, corr, support, chains(db, tables, nodes, corr))
        lap("write")
    return {
        "statements": int(len(tables.statements.id)),
        "claims": int(((nodes.claim[nodes.claim_start[:-1]]) > 0).sum()) if nodes.size else 0,
        "links": links.counts,
        "corroborated": int((corr.independent > 0).sum()),
        "contradicted": int((corr.contradictions > 0).sum()),
        "misattributed": int((corr.misattributions > 0).sum()),
        "outlets_scored": len(outlet_scores),
        "speakers_scored": len(speaker_scores),
        "timings": timings,
    }


def score_database(db: Database, *, progress: Progress | None = None) -> dict:
    """Recompute claims (through ``verify.match.build_claims`` when present), report links,
    corroboration and outlet and speaker reliability; return counts for the summary line."""
    started = time.perf_counter()
    if progress:
        progress("claims")
    claims_built = _build_claims(db)
    claims_seconds = round(time.perf_counter() - started, 3)
    summary = score_from_claims(db, progress=progress)
    summary["claims_rebuilt"] = claims_built
    summary["timings"] = {"claims": claims_seconds, **summary["timings"]}
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


def summary_line(summary: dict) -> str:
    """The one-line summary ``verify score`` prints."""
    links = summary["links"]
    return (f"score: {summary['statements']} statements, {summary['claims']} claims, "
            f"{sum(links.values())} report links ({links.get('copy', 0)} copy, "
            f"{links.get('cites', 0)} cites, {links.get('same_owner', 0)} same owner), "
            f"{summary['corroborated']} independently corroborated, "
            f"{summary['contradicted']} contradicted, {summary['misattributed']} misattributed, "
            f"{summary['outlets_scored']} outlets and {summary['speakers_scored']} speakers "
            f"scored in {summary['seconds']:.1f}s")
