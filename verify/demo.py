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
            run.counts = {"created": result.created, "updated": result.updated}
        lines.append(f"outlets: {result.created} created, {result.updated} updated")
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
    return lines
