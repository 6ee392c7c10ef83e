"""``verify demo``: the bundled sample, built with every pipeline step that exists.

The steps are the same library calls the individual commands make, each recorded as a run,
so the demo database looks exactly like one a user built by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from .ingest import IngestSummary, ingest
from .model import ReadOptions
from .outlets import import_outlets, seed_aliases
from .paths import data_path
from .progress import Progress
from .runs import record_run

SAMPLE = data_path("sample")
REPORT_SUFFIXES = (".jsonl", ".txt", ".html", ".htm")


def sample_inputs(folder: Path = SAMPLE) -> list[str]:
    """The report files of the sample (not its outlet list, answer key or README)."""
    return [str(p) for p in sorted(folder.rglob("*")) if p.suffix.lower() in REPORT_SUFFIXES
            and p.is_file()]


def build_demo(db: Database, *, progress: Progress | None = None) -> list[str]:
    """Build the sample database in ``db``; return one summary line per step."""
    lines = []
    outlets_csv = SAMPLE / "outlets.csv"
    if outlets_csv.exists():
        with record_run(db, "outlets", {"file": str(outlets_csv)}) as run:
            seed_aliases(db)
            result = import_outlets(db, outlets_csv)
            run.counts = result.counts()
        lines.append(f"outlets: {result.line()}")
    manifest_path = SAMPLE / "ingest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    summary = IngestSummary()
    with record_run(db, "ingest", {"inputs": [str(SAMPLE)]}) as run:
        for source in sample_inputs():
            options = ReadOptions(**manifest.get(Path(source).name, {}))
            summary.merge(ingest(db, [source], options, progress=progress))
        run.counts = summary.counts()
    if progress:
        progress.close()
    lines.append(f"ingest: {summary.line()}")
    lines += [f"failed: {origin}: {reason}" for origin, reason in summary.failures]
    lines += _later_steps(db)
    return lines


def _later_steps(db: Database) -> list[str]:
    """Priors, matching, verdicts and scoring, each a recorded run like its command's."""
    from .match import match_database
    from .match import summary_line as match_line
    from .priors import import_priors
    from .score import score_database, summary_line
    from .verdicts import import_verdicts

    lines = []
    priors_csv = SAMPLE / "priors.csv"
    if priors_csv.exists():
        with record_run(db, "priors", {"file": str(priors_csv)}) as run:
            priors = import_priors(db, priors_csv)
            run.counts = priors.counts()
        lines.append(f"priors: {priors.line()}")
    with record_run(db, "match", {"rebuild": False}) as run:
        run.counts = match_database(db)
    lines.append(f"match: {match_line(run.counts)}")
    verdicts_file = SAMPLE / "verdicts.jsonld"
    if verdicts_file.exists():
        with record_run(db, "verdicts", {"file": str(verdicts_file)}) as run:
            verdicts = import_verdicts(db, verdicts_file)
            run.counts = verdicts.counts()
        lines.append(f"verdicts: {verdicts.line()}")
    with record_run(db, "score") as run:
        run.counts = score_database(db)
    lines.append(summary_line(run.counts))
    return lines
