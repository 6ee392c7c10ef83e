"""Ingest: sources → readers → one report per transaction, with its statements.

Nothing already stored is ever touched by a bad input: each report is written in its own
transaction together with its statements and full-text rows, duplicates store nothing, and a
changed page at a known URL becomes a new version linked to the previous one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from sqlite_utils import Database

from .language import detect_language
from .model import ReadFailure, ReadOptions, ReportInput
from .normalize import normalize_text
from .outlets import ensure_outlet, find_outlet, find_outlet_by_domain, seed_aliases
from .plugins import collect
from .progress import Progress
from .statements import extract, store_statements

_SPACES = re.compile(r"\s+")


@dataclass
class IngestSummary:
    """Counts for the run's summary line; ``failures`` keeps each one-line reason."""

    read: int = 0
    stored: int = 0
    versions: int = 0
    duplicates: int = 0
    statements: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        """The one-line summary: counts, then failures grouped by reason."""
        parts = [f"{self.read} read", f"{self.stored} stored"]
        if self.versions:
            parts.append(f"{self.versions} new versions")
        parts += [f"{self.duplicates} duplicates", f"{self.statements} statements",
                  f"{self.failed} failed"]
        if self.failures:
            reasons = Counter(_reason_kind(reason) for _, reason in self.failures)
            parts[-1] += " (" + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
        return ", ".join(parts)

    def merge(self, other: "IngestSummary") -> None:
        """Add another run's counts, for callers that ingest in several calls."""
        for name in ("read", "stored", "versions", "duplicates", "statements"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures

    def counts(self) -> dict:
        return {"read": self.read, "stored": self.stored, "versions": self.versions,
                "duplicates": self.duplicates, "statements": self.statements,
                "failed": self.failed}


def _reason_kind(reason: str) -> str:
    return reason.split(":")[0].split(" (")[0]


def content_hash(outlet: str, text: str) -> str:
    """Hash of the outlet and the normalised text: the same words from two outlets are two reports."""
    norm = _SPACES.sub(" ", normalize_text(text)).strip()
    return hashlib.sha256(f"{outlet.strip()}\x1f{norm}".encode()).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Folders become the files under them (recursively, hidden ones skipped), in name order."""
    for source in sources:
        path = Path(source)
        if "://" not in source and path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield source


def pick_reader(readers: list, source: str):
    """The first registered reader that accepts ``source`` (plugins come before built-ins)."""
    return next((r for r in readers if r.can_read(source)), None)


def _resolve_outlet(db: Database, report: ReportInput, options: ReadOptions) -> tuple[int, str]:
    """Decide the report's outlet: the option, the input's own, its dateline, its domain."""
    cites = list(report.cites)
    name = options.outlet or report.outlet
    if report.dateline:
        credited = find_outlet(db, report.dateline)
        if credited is not None and credited["kind"] == "wire":
            cites.insert(0, credited["name"])
        elif not name:
            name = report.dateline
    domain = report.domain or (urlsplit(report.final_url or report.url).hostname
                               if (report.final_url or report.url) else None)
    if domain and domain.startswith("www."):
        domain = domain[4:]
    if not name and domain:
        known = find_outlet_by_domain(db, domain)
        name = known["name"] if known else domain
    if not name and cites:
        name = cites[0]
    if not name:
        raise ValueError("outlet unknown: the input names none; give --outlet")
    outlet_id = ensure_outlet(db, name, domain=domain, owner=options.owner or report.owner)
    own_name = db["outlets"].get(outlet_id)["name"]
    resolved = []
    for cited in cites:
        # A credited outlet that was never ingested still gets a row to point at.
        cited_name = db["outlets"].get(ensure_outlet(db, cited))["name"]
        if cited_name not in resolved and cited_name != own_name:
            resolved.append(cited_name)
    report.cites = resolved
    return outlet_id, own_name


def store_report(db: Database, report: ReportInput, options: ReadOptions,
                 summary: IngestSummary) -> None:
    """Store one report and its statements in one transaction, or count why not."""
    origin = report.origin or report.url or "?"
    if not report.text or not report.text.strip():
        summary.failures.append((origin, "empty: no text"))
        return
    if len(report.text.encode("utf-8")) > options.max_bytes:
        summary.failures.append((origin, f"too large: text over {options.max_bytes:,} bytes"))
        return
    with db.atomic():
        try:
            outlet_id, outlet_name = _resolve_outlet(db, report, options)
        except ValueError as error:
            summary.failures.append((origin, str(error)))
            return
        digest = content_hash(outlet_name, report.text)
        if db.execute("SELECT 1 FROM reports WHERE content_hash = ?", [digest]).fetchone():
            summary.duplicates += 1
            return
        # Detected only for new text: a feed polled again is mostly unchanged pages.
        language = options.language or report.language or detect_language(
            f"{report.title or ''}\n{report.text}")
        published = options.published_at or report.published_at
        previous = None
        if report.url:
            previous = db.execute(
                "SELECT id, version FROM reports WHERE url = ? ORDER BY version DESC LIMIT 1",
                [report.url]).fetchone()
        extracted = extract(report.text, language=language, published=published)
        report_id = db["reports"].insert({
            "outlet_id": outlet_id, "url": report.url, "final_url": report.final_url,
            "version": previous[1] + 1 if previous else 1,
            "previous_id": previous[0] if previous else None,
            "content_hash": digest, "title": report.title, "published_at": published,
            "fetched_at": report.fetched_at, "language": language, "byline": report.byline,
            "text": report.text, "cites": json.dumps(report.cites, ensure_ascii=False),
            "raw": report.raw, "origin": report.origin, "ingested_at": _now(),
        }).last_pk
        db.execute("INSERT INTO reports_fts(rowid, title, text) VALUES (?, ?, ?)",
                   [report_id, normalize_text(report.title or ""), normalize_text(report.text)])
        counts = store_statements(db, report_id, digest, language, extracted)
    summary.stored += 1
    summary.versions += bool(previous)
    summary.statements += counts["added"]


def ingest(db: Database, sources: Iterable[str], options: ReadOptions | None = None, *,
           progress: Progress | None = None) -> IngestSummary:
    """Read every source with the first reader that accepts it and store what it yields."""
    options = options or ReadOptions()
    seed_aliases(db)
    readers = collect("register_readers")
    summary = IngestSummary()
    for reader, batch in _runs(readers, sources, summary):
        # A reader that reads many sources at once (URLs, fetched concurrently) gets each run
        # of consecutive sources it accepts; the others read one source at a time.
        items = (reader.read_many(batch, options) if hasattr(reader, "read_many")
                 else (item for source in batch for item in reader.read(source, options)))
        for item in items:
            if isinstance(item, ReadFailure):
                summary.failures.append((item.origin, item.reason))
                continue
            summary.read += 1
            store_report(db, item, options, summary)
            if progress:
                progress.update(summary.line())
    return summary


def _runs(readers: list, sources: Iterable[str], summary: IngestSummary) -> Iterator[tuple]:
    """``(reader, sources)`` for each run of consecutive sources the same reader accepts."""
    located = []
    for source in expand_sources(sources):
        if "://" not in source and not Path(source).exists():
            summary.failures.append((source, "not found: no such file or folder"))
            continue
        reader = pick_reader(readers, source)
        if reader is None:
            summary.failures.append((source, "unsupported: no reader for this input"))
            continue
        located.append((source, reader))
    for _, run in groupby(located, key=lambda pair: id(pair[1])):
        run = list(run)
        yield run[0][1], [source for source, _ in run]
